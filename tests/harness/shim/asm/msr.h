/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim of asm/msr.h: the generic (non-constant) path is counted so
 * tests can tell it from the generated sites; native_*() execute the legacy
 * instructions with 7.3's exception table types (emulated by the harness).
 */
#ifndef HARNESS_ASM_MSR_H
#define HARNESS_ASM_MSR_H
#include <asm/asm.h>
#include <linux/types.h>
#include <asm/msr-index.h>	/* generated: templates/harness */

extern unsigned long harness_generic_calls;

static inline u64 native_read_msr(u32 msr)
{
	u32 lo, hi;

	asm volatile("1: rdmsr\n2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_RDMSR)
		     : "=a" (lo), "=d" (hi) : "c" (msr));
	return (u64)hi << 32 | lo;
}

static inline int native_read_msr_safe(u32 msr, u64 *p)
{
	u32 lo, hi;
	int err;

	asm volatile("1: rdmsr ; xor %[err], %[err]\n2:\n"
		     _ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_RDMSR_SAFE, %[err])
		     : [err] "=r" (err), "=a" (lo), "=d" (hi) : "c" (msr));
	*p = (u64)hi << 32 | lo;
	return err;
}

static inline void native_write_msr(u32 msr, u64 val)
{
	asm volatile("1: wrmsr\n2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_WRMSR)
		     : : "c" (msr), "a" ((u32)val), "d" ((u32)(val >> 32)) : "memory");
}

static inline int native_write_msr_safe(u32 msr, u64 val)
{
	int err;

	asm volatile("1: wrmsr ; xor %[err], %[err]\n2:\n"
		     _ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_WRMSR_SAFE, %[err])
		     : [err] "=a" (err)
		     : "c" (msr), "0" ((u32)val), "d" ((u32)(val >> 32)) : "memory");
	return err;
}

/* The generic path as Linux 7.3 has it (here: native, counted). */
#define rdmsrq(msr, val)	((val) = (harness_generic_calls++, native_read_msr(msr)))

static inline void wrmsrq(u32 msr, u64 val)
{
	harness_generic_calls++;
	native_write_msr(msr, val);
}

static inline int rdmsrq_safe(u32 msr, u64 *p)
{
	harness_generic_calls++;
	return native_read_msr_safe(msr, p);
}

static inline int wrmsrq_safe(u32 msr, u64 val)
{
	harness_generic_calls++;
	return native_write_msr_safe(msr, val);
}

#include <asm/msr-gen.h>
#endif
