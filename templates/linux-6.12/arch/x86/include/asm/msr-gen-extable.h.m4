/* SPDX-License-Identifier: GPL-2.0 */
MSRGEN_BANNER_C
#ifndef _ASM_X86_MSR_GEN_EXTABLE_H
#define _ASM_X86_MSR_GEN_EXTABLE_H

#include <asm/extable_fixup_types.h>

/*
 * EX_FLAG_MSR_PV marks the exception table entries of rdmsrl() and
 * wrmsrl() and their 32-bit forms (not their _safe forms, not native_*()):
 * a Xen PV guest with xen_msr_safe= lets their faults go unreported, as it
 * did when these accesses went through paravirt ops.  Linux 6.12 has no
 * immediate forms of RDMSR and WRMSRNS: a faulting MSR site always has
 * the MSR number in ECX and the value in EDX:EAX, as ex_handler_msr()
 * reports them.
 */
#define EX_FLAG_MSR_PV			EX_DATA_FLAG(4)

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct exception_table_entry;

#ifdef CONFIG_XEN_PV
/* arch/x86/xen/msr.c */
bool ex_msr_quiet(const struct exception_table_entry *e);
#else
static inline bool ex_msr_quiet(const struct exception_table_entry *e)
{
	return false;
}
#endif
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_MSR_GEN_EXTABLE_H */
