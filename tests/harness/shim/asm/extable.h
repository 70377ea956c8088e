/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_ASM_EXTABLE_H
#define HARNESS_ASM_EXTABLE_H
#include <asm/extable_fixup_types.h>
struct exception_table_entry {
	int insn, fixup, data;
};
struct pt_regs;
int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		    unsigned long fault_addr);
#endif
