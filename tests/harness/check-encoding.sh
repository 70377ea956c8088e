#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Check the encodings in the harness objects with GNU objdump: the legacy
# instructions disassemble as rdmsr/wrmsr, WRMSRNS is 0f 01 c6, and the
# immediate forms are c4 e7 7b f6 c0 (RDMSR imm32 -> %rax) and c4 e7 7a f6 c0
# (WRMSRNS %rax -> imm32) followed by the MSR number; a run-time number has
# the instruction natively and a call of the dispatcher on Xen PV; the stubs
# call their C bodies and never fault themselves (no ud2, no __ex_table).
# usage: check-encoding.sh OBJECT...
set -eu
fail() { echo "check-encoding: $*" >&2; exit 1; }
sites= stubs=
for o in $(echo "$*" | tr ";" " "); do
	case $o in
	*sites.c.o) sites=$o ;;
	*msr-stubs.S.o) stubs=$o ;;
	esac
done
[ -n "$sites" ] && [ -n "$stubs" ] || fail "objects not found in: $*"

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
# Xen PV, run-time number: mov %ecx,%edi; mov $safe,%esi / mov %rax,%rsi; mov $safe,%edx; call
echo "$hex" | grep -q '89cfbe0[01]000000e8' || fail "no Xen PV read call shape"
echo "$hex" | grep -q '89cf4889c6ba0[01]000000e8' || fail "no Xen PV write call shape"
# every immediate form carries a 32-bit MSR number that also appears as mov $msr,%ecx
for m in $(echo "$hex" | grep -o 'c4e77[ab]f6c0[0-9a-f]\{8\}' | cut -c11-18 | sort -u); do
	echo "$hex" | grep -q "b9$m" || fail "immediate MSR $m has no legacy twin"
done
# the original bytes of the special sites call the early stubs, their Xen PV
# replacements the Xen ones (their shape: test_sites.c, replacement_encodings)
rel=$(objdump -r "$sites")
for s in asm_early_rdmsr asm_early_rdmsr_safe asm_early_wrmsr asm_early_wrmsr_safe; do
	echo "$rel" | grep -q "R_X86_64_P[A-Z0-9]* *$s-0x0*4\$" || fail "no call of $s"
done
for s in asm_xen_rdmsr asm_xen_rdmsr_safe asm_xen_wrmsr asm_xen_wrmsr_safe; do
	echo "$dis" | grep -q "R_X86_64_P[A-Z0-9]*	*$s-0x4\$" || fail "no Xen PV call of $s"
done
# the stubs: those eight, each calling its C function
syms=$(nm "$stubs" | awk '$2 == "T" { print $3 }' | LC_ALL=C sort | tr '\n' ' ')
[ "$syms" = "asm_early_rdmsr asm_early_rdmsr_safe asm_early_wrmsr asm_early_wrmsr_safe asm_xen_rdmsr asm_xen_rdmsr_safe asm_xen_wrmsr asm_xen_wrmsr_safe " ] ||
	fail "stubs: $syms"
calls=$(objdump -dr "$stubs" | awk '/^[0-9a-f]+ </ { f = $2 } /R_X86_64/ { print f, $3 }' | tr -d '<>:' | tr '\n' ';')
[ "$calls" = "asm_xen_rdmsr xen_pv_rdmsr-0x4;asm_xen_rdmsr_safe xen_pv_rdmsr-0x4;asm_xen_wrmsr xen_pv_wrmsr-0x4;asm_xen_wrmsr_safe xen_pv_wrmsr-0x4;asm_early_rdmsr early_rdmsr-0x4;asm_early_rdmsr_safe early_rdmsr-0x4;asm_early_wrmsr early_wrmsr-0x4;asm_early_wrmsr_safe early_wrmsr-0x4;" ] ||
	fail "stub calls: $calls"
sdis=$(objdump -dr "$stubs")
echo "$sdis" | grep -q 'ud2' && fail "ud2 in the stubs"
objdump -h "$stubs" | grep -q __ex_table && fail "stubs have an __ex_table"
echo "check-encoding: ok"
