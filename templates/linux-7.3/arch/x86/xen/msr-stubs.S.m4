/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * The stubs that the constant-number MSR sites of asm/msr-gen.h call for
 * the MSRs that Xen PV handles other than by trapping the instruction:
 *
 *   asm_xen_{rd,wr}msr[_safe]: on Xen PV, once the alternatives are
 *	applied, for the MSRs whose handling is code (hypercalls, vPMU
 *	emulation, adjusted reads): xen_pv_rdmsr() or xen_pv_wrmsr();
 *   asm_early_{rd,wr}msr[_safe]: for every such MSR before that:
 *	early_rdmsr() or early_wrmsr().
 *
 * A site passes the MSR number in %ecx; a read gets the value in %rax and
 * (_safe) the error in %edx, a write passes the value in %rax and gets the
 * error in %eax.  Every other register but %rcx and %rdx is kept, as the
 * compiler does not know about the call.  A failing access is reported (or
 * not) by the C function, so a stub never raises a fault of its own.
 * Only built-in code calls the stubs: a module's sites call the exported
 * functions directly (asm/msr-gen.h), so no stub is exported.
 */
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/frame.h>
#include <asm/ibt.h>

#ifdef __KERNEL__
/* Kernel C code needs no more than the 8-byte alignment a call site has. */
#define MSR_STUB_ALIGN_STACK
#define MSR_STUB_RESTORE_STACK
#else
/* Userspace (msrgen's test harness): the C ABI wants 16 bytes at a call. */
#define MSR_STUB_ALIGN_STACK			and $-16, %rsp
#define MSR_STUB_RESTORE_STACK			lea -6 * 8(%rbp), %rsp
#endif

/* name: the stub; fn: the C function; write: 1 for a write; safe: its flag */
.macro MSR_STUB name:req, fn:req, write:req, safe:req
SYM_FUNC_START(\name)
	ENDBR
	FRAME_BEGIN
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	MSR_STUB_ALIGN_STACK
	mov	%ecx, %edi
.if \write
	mov	%rax, %rsi
	mov	$\safe, %edx
.else
	mov	$\safe, %esi
.endif
	call	\fn
	MSR_STUB_RESTORE_STACK
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	FRAME_END
	RET
SYM_FUNC_END(\name)
.endm

	.section .text, "ax"
m4_divert(-1)
Only the stubs some site calls: early ones if an MSR's Xen PV handling is
not passthrough, Xen ones if it is code.
m4_define([[_mg_any]], [[m4_ifelse(_mg_has([[$1]], [[$2]])_mg_xen([[$1]], [[$2]]), [[11]], [[_mg_set([[early_$2]], [[1]])m4_ifelse(_mg_stub([[$1]], [[$2]]), [[1]], [[_mg_set([[xen_$2]], [[1]])]])]])]])
m4_define([[MSRGEN_MSR]], [[_mg_any([[$1]], [[read]])_mg_any([[$1]], [[write]])]])
MSRGEN_MODEL
m4_define([[MSRGEN_MSR]], [[]])
m4_define([[_mg_stubs]], [[m4_ifelse(_mg_get([[$1_$2]]), [[1]], [[m4_divert(0)
MSR_STUB asm_$1_[[]]_mg_rw([[$2]])msr, $3_[[]]_mg_rw([[$2]])msr, m4_ifelse([[$2]], [[write]], [[1]], [[0]]), 0
MSR_STUB asm_$1_[[]]_mg_rw([[$2]])msr_safe, $3_[[]]_mg_rw([[$2]])msr, m4_ifelse([[$2]], [[write]], [[1]], [[0]]), 1
m4_divert(-1)]])]])
_mg_stubs([[xen]], [[read]], [[xen_pv]])_mg_stubs([[xen]], [[write]], [[xen_pv]])m4_dnl
_mg_stubs([[early]], [[read]], [[early]])_mg_stubs([[early]], [[write]], [[early]])m4_dnl
m4_divert(0)m4_dnl
