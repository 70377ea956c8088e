/* SPDX-License-Identifier: GPL-2.0 */
MSRGEN_BANNER_C
#ifndef _ASM_X86_MSR_GEN_EXTABLE_H
#define _ASM_X86_MSR_GEN_EXTABLE_H

/*
 * EX_TYPE_MSR_REWIND: the faulting instruction sits in an MSR stub whose
 * return address (after a 5-byte direct call) is on top of the stack.  The
 * fault is handled as if that call instruction had faulted: the return
 * address is popped and the call site's own exception table entry applies.
 */
#define EX_TYPE_MSR_REWIND		22

/* Length of the direct call (e8 rel32) at an MSR site. */
#define MSRGEN_CALL_INSN_SIZE		5

#ifndef __ASSEMBLER__

#include <linux/types.h>

struct pt_regs;

bool ex_handler_msr_rewind(struct pt_regs *regs, int trapnr,
			   unsigned long error_code, unsigned long fault_addr);
u32 msrgen_insn_msr(struct pt_regs *regs);
u64 msrgen_insn_wrval(struct pt_regs *regs);
bool msrgen_msr_quiet(void);

#ifdef CONFIG_XEN_PV
/* xen_msr_safe= (CONFIG_XEN_PV_MSR_SAFE): faults of MSR accesses are not reported */
extern bool xen_msr_safe;
#endif

#endif /* !__ASSEMBLER__ */
#endif /* _ASM_X86_MSR_GEN_EXTABLE_H */
