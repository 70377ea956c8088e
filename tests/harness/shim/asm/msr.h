/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim of Linux 7.3's asm/msr.h as msrgen's install leaves it:
 * what the generated header takes from the kernel (EAX_EDX_*() of x86-64,
 * the read_msr/write_msr tracepoints), then asm/msr-gen.h, which defines
 * rdmsrq(), wrmsrq() and the rest; native_*() and wrmsr_safe() stay here.  No accessor
 * of its own: every access the tests make is a generated site.
 *
 * The tracepoints are counted (runtime.c): harness_trace_on stands for
 * tracepoint_enabled(), do_trace_*_msr() record every call.
 */
#ifndef HARNESS_ASM_MSR_H
#define HARNESS_ASM_MSR_H
#include <asm/asm.h>
#include <linux/types.h>
#include <asm/msr-index.h>	/* generated: templates/harness */

#define EAX_EDX_DECLARE_ARGS(val, low, high)	unsigned long low, high
#define EAX_EDX_VAL(val, low, high)		((low) | (high) << 32)
#define EAX_EDX_RET(val, low, high)		"=a" (low), "=d" (high)

extern bool harness_trace_on;
#define tracepoint_enabled(tp)	(harness_trace_on)
void do_trace_read_msr(u32 msr, u64 val, int failed);
void do_trace_write_msr(u32 msr, u64 val, int failed);

#include <asm/msr-gen.h>

/*
 * 7.3 keeps native_read_msr() and native_write_msr() for their callers: the
 * bare instruction, traced, with plain entries (no EX_FLAG_MSR_PV), so
 * their faults are reported on Xen PV even with xen_msr_safe.  As the
 * install leaves it, native_wrmsrq() keeps the copy of a shadowed MSR.
 */
static __always_inline void native_wrmsrq(u32 msr, u64 val)
{
	asm volatile("1: wrmsr\n2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_WRMSR)
		     : : "c" (msr), "a" ((u32)val), "d" ((u32)(val >> 32)) : "memory");
	__msr_shadow_set(msr, val);
}

static __always_inline u64 native_read_msr(u32 msr)
{
	EAX_EDX_DECLARE_ARGS(val, low, high);

	asm volatile("1: rdmsr\n2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_RDMSR)
		     : EAX_EDX_RET(val, low, high) : "c" (msr));
	if (tracepoint_enabled(read_msr))
		do_trace_read_msr(msr, EAX_EDX_VAL(val, low, high), 0);
	return EAX_EDX_VAL(val, low, high);
}

static __always_inline void native_write_msr(u32 msr, u64 val)
{
	native_wrmsrq(msr, val);
	if (tracepoint_enabled(write_msr))
		do_trace_write_msr(msr, val, 0);
}

/*
 * 7.3 has this plain inline; when gcc does not inline it, a constant MSR
 * number reaches wrmsrq_safe() as a run-time one (the dispatcher path).
 * The harness checks the constant site of wrmsr_safe(), so it forces it.
 */
static __always_inline int wrmsr_safe(u32 msr, u32 low, u32 high)
{
	return wrmsrq_safe(msr, (u64)high << 32 | low);
}
#endif
