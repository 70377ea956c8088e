/* SPDX-License-Identifier: GPL-2.0 */
MSRGEN_BANNER_C
#ifndef _ASM_X86_MSR_GEN_EXTABLE_H
#define _ASM_X86_MSR_GEN_EXTABLE_H

#include <asm/extable_fixup_types.h>

/*
 * EX_FLAG_MSR_PV marks the exception table entries of rdmsrq() and
 * wrmsrq() (not their _safe forms, not native_*()): a Xen PV guest with
 * xen_msr_safe= lets their faults go unreported, as it did when these
 * accesses went through paravirt ops.
 */
#define EX_FLAG_MSR_PV			EX_DATA_FLAG(4)

#ifndef __ASSEMBLER__
#include <linux/types.h>

struct exception_table_entry;
struct pt_regs;

u32 ex_msr_insn_msr(struct pt_regs *regs);
u64 ex_msr_insn_wrval(struct pt_regs *regs);

#ifdef CONFIG_XEN_PV
/* arch/x86/xen/msr.c */
bool ex_msr_quiet(const struct exception_table_entry *e);
#else
static inline bool ex_msr_quiet(const struct exception_table_entry *e)
{
	return false;
}
#endif
#endif /* !__ASSEMBLER__ */

#endif /* _ASM_X86_MSR_GEN_EXTABLE_H */
