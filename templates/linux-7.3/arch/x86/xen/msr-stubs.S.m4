/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * The stubs that the MSR sites of asm/msr-gen.h call for the MSRs that Xen
 * PV handles other than by trapping the instruction:
 *
 *   asm_xen_{rd,wr}msr_<msr>: on Xen PV, once the alternatives are applied;
 *   asm_early_{rd,wr}msr_<msr>: before that (they test X86_FEATURE_XENPV).
 *
 * A site passes %cl = 1 for a _safe access, else 0; a read gets the value
 * in %rax and the error in %edx, a write passes the value in %rax and gets
 * the error in %eax.  Every other register but %rcx and %rdx is kept, as the
 * compiler does not know about the call.  A failing access is reported (or
 * not) by the C body, so a stub never raises a fault of its own.
 * Only built-in code calls the stubs: a module's sites call the exported
 * dispatcher (asm/msr-gen.h), so no stub is exported.
 */
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/frame.h>
#include <asm/ibt.h>

#ifdef __KERNEL__
/* Kernel C code needs no more than the 8-byte alignment a call site has. */
#define MSR_STUB_ALIGN_STACK
#define MSR_STUB_RESTORE_STACK(nsaved, local)	.if local ; add $local, %rsp ; .endif
#else
/* Userspace (msrgen's test harness): the C ABI wants 16 bytes at a call. */
#define MSR_STUB_ALIGN_STACK			and $-16, %rsp
#define MSR_STUB_RESTORE_STACK(nsaved, local)	lea -(nsaved) * 8(%rbp), %rsp
#endif

.macro MSR_STUB name:req, body:req, write:req
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
	movzbl	%cl, %esi
.if \write
	mov	%rax, %rdi
	call	\body
	MSR_STUB_RESTORE_STACK(6, 0)
.else
	sub	$16, %rsp
	mov	%rsp, %rdi
	call	\body
	mov	%eax, %edx
	mov	(%rsp), %rax
	MSR_STUB_RESTORE_STACK(6, 16)
.endif
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
m4_define([[_mg_stubs]], [[m4_ifelse(_mg_has([[$1]], [[$2]])_mg_xen([[$1]], [[$2]]), [[11]], [[m4_divert(0)
/* $3 _mg_rw([[$2]]): _mg_xk([[$1]], [[$2]]) */
m4_ifelse(_mg_stub([[$1]], [[$2]]), [[1]], [[MSR_STUB asm_xen_[[]]_mg_rw([[$2]])msr_$1, xen_[[]]_mg_rw([[$2]])msr_$1, m4_ifelse([[$2]], [[write]], [[1]], [[0]])
]])m4_dnl
MSR_STUB asm_early_[[]]_mg_rw([[$2]])msr_$1, early_[[]]_mg_rw([[$2]])msr_$1, m4_ifelse([[$2]], [[write]], [[1]], [[0]])
m4_divert(-1)]])]])
m4_define([[MSRGEN_MSR]], [[_mg_stubs([[$1]], [[read]], [[$2]], [[$3]])_mg_stubs([[$1]], [[write]], [[$2]], [[$3]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
