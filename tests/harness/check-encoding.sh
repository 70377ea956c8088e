#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Check the encodings in the harness objects with GNU objdump: the legacy
# instructions disassemble as rdmsr/wrmsr, WRMSRNS is 0f 01 c6, and the
# immediate forms are c4 e7 7b f6 c0 (RDMSR imm32 -> %rax) and c4 e7 7a f6 c0
# (WRMSRNS %rax -> imm32) followed by the MSR number; a run-time number has
# the instruction natively and a call of the dispatcher on Xen PV; a constant
# number of an MSR that Xen PV handles in code calls early_rdmsr() or
# early_wrmsr() until patched, then xen_pv_rdmsr() or xen_pv_wrmsr().
# usage: check-encoding.sh OBJECT...
set -eu
fail() { echo "check-encoding: $*" >&2; exit 1; }
sites=
for o in $(echo "$*" | tr ";" " "); do
	case $o in
	*sites.c.o) sites=$o ;;
	esac
done
[ -n "$sites" ] || fail "objects not found in: $*"

dis=$(objdump -dr -j .altinstr_replacement "$sites")
echo "$dis" | grep -q 'rdmsr' || fail "no rdmsr in .altinstr_replacement"
echo "$dis" | grep -q 'ds wrmsr' || fail "no ds wrmsr in .altinstr_replacement"
echo "$dis" | grep -q "R_X86_64_P[A-Z0-9]*	*xen_pv_rdmsr-0x4" || fail "no call of xen_pv_rdmsr"
echo "$dis" | grep -q "R_X86_64_P[A-Z0-9]*	*xen_pv_wrmsr-0x4" || fail "no call of xen_pv_wrmsr"
hex=$(objdump -s -j .altinstr_replacement "$sites" | sed -n 's/^ [0-9a-f]\{4,\} \(.\{35\}\).*/\1/p' | tr -d ' \n')
echo "$hex" | grep -q 'c4e77bf6c0' || fail "no RDMSR imm32 (c4 e7 7b f6 c0)"
echo "$hex" | grep -q 'c4e77af6c0' || fail "no WRMSRNS imm32 (c4 e7 7a f6 c0)"
echo "$hex" | grep -q 'b9[0-9a-f]\{8\}0f01c6' || fail "no mov \$msr,%ecx; WRMSRNS (0f 01 c6)"
echo "$hex" | grep -q 'b9[0-9a-f]\{8\}0f3248c1e2204809d0' || fail "no legacy read shape"
echo "$hex" | grep -q 'b9[0-9a-f]\{8\}0f3248c1e2204809d031d2' || fail "no legacy _safe read shape"
echo "$hex" | grep -q 'b9[0-9a-f]\{8\}3e0f30' || fail "no mov \$msr,%ecx; ds wrmsr"
# Xen PV, run-time number: mov %ecx,%edi; [mov %rax,%rsi;] the safe argument
# (xor %esi,%esi or mov $1,%esi; %edx for a write); call
rd='\(31f6\|be01000000\)e8' wr='4889c6\(31d2\|ba01000000\)e8'
echo "$hex" | grep -q "89cf$rd" || fail "no Xen PV read call shape"
echo "$hex" | grep -q "89cf$wr" || fail "no Xen PV write call shape"
# every immediate form carries a 32-bit MSR number that also appears as mov $msr,%ecx
for m in $(echo "$hex" | grep -o 'c4e77[ab]f6c0[0-9a-f]\{8\}' | cut -c11-18 | sort -u); do
	echo "$hex" | grep -q "b9$m" || fail "immediate MSR $m has no legacy twin"
done
# a constant number: the same after mov $msr,%edi
echo "$hex" | grep -q "bf[0-9a-f]\{8\}$rd" || fail "no Xen PV constant read call shape"
echo "$hex" | grep -q "bf[0-9a-f]\{8\}$wr" || fail "no Xen PV constant write call shape"
# the same shapes as the original bytes of those sites (in the msrsite_*
# sections of sites.c), which call the early functions
secs=$(objdump -h "$sites" | awk '$2 ~ /^msrsite_/ { printf " -j %s", $2 }')
# shellcheck disable=SC2086
txt=$(objdump -s $secs "$sites" | sed -n 's/^ [0-9a-f]\{4,\} \(.\{35\}\).*/\1/p' | tr -d ' \n')
echo "$txt" | grep -q "bf[0-9a-f]\{8\}$rd" || fail "no early constant read call shape"
echo "$txt" | grep -q "bf[0-9a-f]\{8\}$wr" || fail "no early constant write call shape"
rel=$(objdump -r "$sites")
for f in early_rdmsr early_wrmsr; do
	echo "$rel" | grep -q "R_X86_64_P[A-Z0-9]* *$f-0x0*4\$" || fail "no call of $f"
done
echo "check-encoding: ok"
