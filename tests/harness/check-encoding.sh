#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Check the encodings in the harness objects with GNU objdump: the legacy
# instructions disassemble as rdmsr/wrmsr, WRMSRNS is 0f 01 c6, and the
# immediate forms are c4 e7 7b f6 c0 (RDMSR imm32 -> %rax) and c4 e7 7a f6 c0
# (WRMSRNS %rax -> imm32) followed by the MSR number; the stubs trap with ud2.
# usage: check-encoding.sh OBJECT...
set -eu
fail() { echo "check-encoding: $*" >&2; exit 1; }
sites= stubs=
for o in $(echo "$*" | tr ";" " "); do
	case $o in
	*sites.c.o) sites=$o ;;
	*msr-gen-stubs.S.o) stubs=$o ;;
	esac
done
[ -n "$sites" ] && [ -n "$stubs" ] || fail "objects not found in: $*"

dis=$(objdump -d -j .altinstr_replacement "$sites")
echo "$dis" | grep -q 'rdmsr' || fail "no rdmsr in .altinstr_replacement"
echo "$dis" | grep -q 'ds wrmsr' || fail "no ds wrmsr in .altinstr_replacement"
hex=$(objdump -s -j .altinstr_replacement "$sites" | sed -n 's/^ [0-9a-f]\{4,\} \(.\{35\}\).*/\1/p' | tr -d ' \n')
echo "$hex" | grep -q 'c4e77bf6c0' || fail "no RDMSR imm32 (c4 e7 7b f6 c0)"
echo "$hex" | grep -q 'c4e77af6c0' || fail "no WRMSRNS imm32 (c4 e7 7a f6 c0)"
echo "$hex" | grep -q '4889c248c1ea200f01c6' || fail "no mov/shr/WRMSRNS (0f 01 c6)"
echo "$hex" | grep -q 'b9[0-9a-f]\{8\}0f3248c1e2204809d0' || fail "no legacy read shape"
# every immediate form carries a 32-bit MSR number that also appears as mov $msr,%ecx
for m in $(echo "$hex" | grep -o 'c4e77[ab]f6c0[0-9a-f]\{8\}' | cut -c11-18 | sort -u); do
	echo "$hex" | grep -q "b9$m" || fail "immediate MSR $m has no legacy twin"
done
sdis=$(objdump -d "$stubs")
echo "$sdis" | grep -q 'ud2' || fail "no ud2 in the stubs"
echo "$sdis" | grep -q 'call' || fail "no call in the stubs"
objdump -s -j __ex_table "$stubs" >/dev/null 2>&1 || fail "stubs have no __ex_table"
echo "check-encoding: ok"
