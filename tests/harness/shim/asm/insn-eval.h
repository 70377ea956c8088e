/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_ASM_INSN_EVAL_H
#define HARNESS_ASM_INSN_EVAL_H
#include <asm/ptrace.h>
struct insn;
/* Offset in struct pt_regs of the register with x86 number regno, or -1. */
int pt_regs_offset(struct pt_regs *regs, int regno);
/* Offset in struct pt_regs of the ModRM.rm register (mod 3), or -EINVAL. */
int insn_get_modrm_rm_off(struct insn *insn, struct pt_regs *regs);
#endif
