/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * MSR stubs called from the generated MSR sites (asm/msr-gen.h).
 *
 * xen_msrgen_stub_{rd,wr}_<msr>: the Xen PV replacement of a site.
 * msrgen_dyn_stub_{rd,wr}_<msr>: the original bytes of a site, right before
 * alternatives are patched (tests X86_FEATURE_XENPV at run time).
 *
 * A site expects: read: value out in %rax, %rcx and %rdx clobbered; write:
 * value in %rax (preserved), %rcx and %rdx clobbered.  Every other register
 * is preserved here, as the compiler does not know about the call.  The C
 * body returns 0 or an error; on an error the stub loads the MSR number (and
 * for a write EDX:EAX) and traps with EX_TYPE_MSR_REWIND, so the fault is
 * handled by the site's exception table entry at the call instruction.
 */
#include <linux/export.h>
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/frame.h>
#include <asm/ibt.h>
#include <asm/msr-gen-extable.h>

#ifdef __KERNEL__
/* Kernel C code needs no more than the 8-byte alignment a call site has. */
#define MSRGEN_ALIGN_STACK
#define MSRGEN_RESTORE_STACK(nsaved, local)	.if local ; add $local, %rsp ; .endif
#else
/* Userspace (the test harness): the C ABI wants 16 bytes at a call. */
#define MSRGEN_ALIGN_STACK		and $-16, %rsp
#define MSRGEN_RESTORE_STACK(nsaved, local)	lea -(nsaved) * 8(%rbp), %rsp
#endif

.macro MSRGEN_STUB name:req, body:req, msr:req, write:req
SYM_FUNC_START(\name)
	ENDBR
	FRAME_BEGIN
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
.if \write
	push	%rax
.endif
	MSRGEN_ALIGN_STACK
.if \write
	mov	%rax, %rdi
.else
	sub	$16, %rsp
	mov	%rsp, %rdi
.endif
	call	\body
	mov	%eax, %ecx
.if \write
	MSRGEN_RESTORE_STACK(7, 0)
	pop	%rax
.else
	mov	(%rsp), %rax
	MSRGEN_RESTORE_STACK(6, 16)
.endif
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	FRAME_END
	test	%ecx, %ecx
	jnz	1f
	RET
1:	mov	$\msr, %ecx
.if \write
	mov	%rax, %rdx
	shr	$32, %rdx
.endif
2:	ud2
	_ASM_EXTABLE_TYPE(2b, 2b, EX_TYPE_MSR_REWIND)
SYM_FUNC_END(\name)
.endm

	.section .text, "ax"
m4_divert(-1)
m4_define([[_mg_stubs]], [[m4_ifelse(_mg_has([[$1]], [[$2]])_mg_xen([[$1]], [[$2]]), [[11]], [[m4_divert(0)
/* $3 _mg_rw([[$2]]): _mg_xk([[$1]], [[$2]]) */
m4_ifelse(_mg_stub([[$1]], [[$2]]), [[1]], [[MSRGEN_STUB xen_msrgen_stub_[[]]_mg_rw([[$2]])_$1, \
	    xen_msrgen_[[]]_mg_rw([[$2]])_$1, $4, m4_ifelse([[$2]], [[write]], [[1]], [[0]])
EXPORT_SYMBOL(xen_msrgen_stub_[[]]_mg_rw([[$2]])_$1)
]])m4_dnl
MSRGEN_STUB msrgen_dyn_stub_[[]]_mg_rw([[$2]])_$1, \
	    msrgen_dyn_[[]]_mg_rw([[$2]])_$1, $4, m4_ifelse([[$2]], [[write]], [[1]], [[0]])
EXPORT_SYMBOL(msrgen_dyn_stub_[[]]_mg_rw([[$2]])_$1)
m4_divert(-1)]])]])
m4_define([[MSRGEN_MSR]], [[_mg_stubs([[$1]], [[read]], [[$2]], [[$3]])_mg_stubs([[$1]], [[write]], [[$2]], [[$3]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
