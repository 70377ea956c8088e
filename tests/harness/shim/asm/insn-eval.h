/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_ASM_INSN_EVAL_H
#define HARNESS_ASM_INSN_EVAL_H
#include <asm/ptrace.h>
/* Offset in struct pt_regs of the register with x86 number regno, or -1. */
int pt_regs_offset(struct pt_regs *regs, int regno);
#endif
