/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_ASM_FRAME_H
#define HARNESS_ASM_FRAME_H
#ifdef __ASSEMBLER__
.macro FRAME_BEGIN
	push %rbp
	mov %rsp, %rbp
.endm
.macro FRAME_END
	pop %rbp
.endm
#endif
#endif
