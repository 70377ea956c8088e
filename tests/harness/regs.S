/* SPDX-License-Identifier: GPL-2.0 */
/*
 * harness_call_preserve(fn, rax, out, misalign, rcx): set every GPR but %rsp
 * to HARNESS_PATTERN(n) (%rax and %rcx to the arguments), call fn, store
 * the 16 GPRs in x86 order to out; out[4] is %rsp after the call minus
 * %rsp before it.
 * misalign != 0 calls with the stack 8 bytes off the usual alignment.
 */
#define PAT(n)	((0x1111111111111111 * ((n) + 1)) ^ 0x0f0f000000000000)

	.bss
	.balign 8
saved_rsp:	.quad 0
saved_fn:	.quad 0
saved_out:	.quad 0
saved_rax:	.quad 0
saved_rcx:	.quad 0
before_rsp:	.quad 0

	.text
	.globl harness_call_preserve
	.type harness_call_preserve, @function
harness_call_preserve:
	push	%rbp
	push	%rbx
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, saved_rsp(%rip)
	mov	%rdi, saved_fn(%rip)
	mov	%rdx, saved_out(%rip)
	mov	%r8, saved_rcx(%rip)
	test	%ecx, %ecx
	jz	1f
	sub	$8, %rsp
1:	mov	%rsp, before_rsp(%rip)
	mov	%rsi, %rax
	mov	saved_rcx(%rip), %rcx
	movabs	$PAT(2), %rdx
	movabs	$PAT(3), %rbx
	movabs	$PAT(5), %rbp
	movabs	$PAT(6), %rsi
	movabs	$PAT(7), %rdi
	movabs	$PAT(8), %r8
	movabs	$PAT(9), %r9
	movabs	$PAT(10), %r10
	movabs	$PAT(11), %r11
	movabs	$PAT(12), %r12
	movabs	$PAT(13), %r13
	movabs	$PAT(14), %r14
	movabs	$PAT(15), %r15
	call	*saved_fn(%rip)
	mov	%rax, saved_rax(%rip)
	mov	saved_out(%rip), %rax
	mov	%rcx, 1*8(%rax)
	mov	%rdx, 2*8(%rax)
	mov	%rbx, 3*8(%rax)
	mov	%rbp, 5*8(%rax)
	mov	%rsi, 6*8(%rax)
	mov	%rdi, 7*8(%rax)
	mov	%r8, 8*8(%rax)
	mov	%r9, 9*8(%rax)
	mov	%r10, 10*8(%rax)
	mov	%r11, 11*8(%rax)
	mov	%r12, 12*8(%rax)
	mov	%r13, 13*8(%rax)
	mov	%r14, 14*8(%rax)
	mov	%r15, 15*8(%rax)
	mov	%rsp, %rcx
	sub	before_rsp(%rip), %rcx
	mov	%rcx, 4*8(%rax)
	mov	saved_rax(%rip), %rcx
	mov	%rcx, 0*8(%rax)
	mov	saved_rsp(%rip), %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbx
	pop	%rbp
	ret
	.size harness_call_preserve, . - harness_call_preserve
	.section .note.GNU-stack, "", @progbits
