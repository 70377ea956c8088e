// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor probe of msrgen's kernel test: tests/kernel/hooks/msrgen/30-probe
 * copies it into arch/x86/kernel/ of the msrgen builds, with msrgen_probe.h,
 * the address list "msrgen hvprobe --list" writes from the tables.  It
 * measures the hypervisor, not msrgen's code: its instructions are its own.
 *
 * Booted with "msrgen_probe", it executes RDMSR with fault handling at each
 * address of the list at late_initcall time, and WRMSR of the value just
 * read where the list says so (the MSRs marked writeback).  Under Xen PV each
 * instruction traps to Xen, so what it sees is Xen's answer, not the guest
 * kernel's handling.
 * One line per access, for "msrgen hvprobe LOG":
 *
 *	msrgen-probe: 0x0000001b r 0xfee00900
 *	msrgen-probe: 0x00000800 r gp
 *	msrgen-probe: 0xc0000103 w ok
 *	msrgen-probe: done 1078
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <asm/asm.h>
#include <asm/extable_fixup_types.h>

#include "msrgen_probe.h"

static bool msrgen_probe_on __initdata;

static int __init msrgen_probe_setup(char *s)
{
	msrgen_probe_on = true;
	return 1;
}
__setup("msrgen_probe", msrgen_probe_setup);

static int probe_rdmsr(u32 msr, u64 *val)
{
	u32 lo, hi;
	int err;

	asm volatile("1: rdmsr ; xor %[err], %[err]\n"
		     "2:\n"
		     _ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_RDMSR_SAFE, %[err])
		     : [err] "=r" (err), "=a" (lo), "=d" (hi) : "c" (msr));
	*val = (u64)hi << 32 | lo;
	return err;
}

static int probe_wrmsr(u32 msr, u64 val)
{
	int err;

	asm volatile("1: wrmsr ; xor %[err], %[err]\n"
		     "2:\n"
		     _ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_WRMSR_SAFE, %[err])
		     : [err] "=a" (err)
		     : "c" (msr), "0" ((u32)val), "d" ((u32)(val >> 32))
		     : "memory");
	return err;
}

static unsigned int probe_range(u32 first, u32 last, bool writeback)
{
	unsigned int n = 0;
	u32 msr = first;
	u64 val;

	for (;;) {
		if (probe_rdmsr(msr, &val)) {
			pr_info("msrgen-probe: 0x%08x r gp\n", msr);
		} else {
			pr_info("msrgen-probe: 0x%08x r 0x%llx\n", msr, val);
			if (writeback)
				pr_info("msrgen-probe: 0x%08x w %s\n", msr,
					probe_wrmsr(msr, val) ? "gp" : "ok");
		}
		n++;
		cond_resched();
		if (msr == last)
			return n;
		msr++;
	}
}

static int __init msrgen_probe(void)
{
	unsigned int n = 0;

	if (!msrgen_probe_on)
		return 0;
#define MSRGEN_PROBE_ONE(first, last, writeback) n += probe_range(first, last, writeback);
	MSRGEN_PROBE_RANGES(MSRGEN_PROBE_ONE)
	pr_info("msrgen-probe: done %u\n", n);
	return 0;
}
late_initcall(msrgen_probe);
