/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: struct pt_regs with the x86-64 kernel's field names. */
#ifndef HARNESS_ASM_PTRACE_H
#define HARNESS_ASM_PTRACE_H
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	unsigned long ax, cx, dx, si, di, orig_ax, ip, cs, flags, sp, ss;
};
#endif
