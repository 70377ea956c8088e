// SPDX-License-Identifier: GPL-2.0
/*
 * Shadowed MSRs (shadow percpu) of the hand-written model: TSC_DEADLINE
 * (nonserializing, reset 0), MCx_CTL(1) (an indexed register, reset 5) and
 * SPEC_CTRL (deferred: its copy may lead the register).
 * Every write keeps the copy, through any accessor and with a number that
 * is not a constant; the cached writes execute no WRMSR (on Xen PV: take no
 * trap) for the value the copy holds; a failed _safe write leaves it.
 */
#include <criterion/criterion.h>
#include <asm/msr.h>

#include "harness.h"

static volatile u32 var_deadline = MSR_IA32_TSC_DEADLINE;

static void setup(void)
{
	harness_init();
}

TestSuite(shadow, .init = setup);

/* WRMSR-class instructions executed since the last harness_log_clear() */
static unsigned long writes(void)
{
	return hlog.n[I_WRMSR] + hlog.n[I_WRMSR_DS] + hlog.n[I_WRMSRNS] + hlog.n[I_WRMSRNS_IMM];
}

static u64 reg(u32 msr)
{
	u64 v = 0;

	cr_assert(model_get(msr, &v), "MSR %#x is not in the model", msr);
	return v;
}

static void start(enum harness_fs fs)
{
	harness_patch(fs);
	model_reset();
	model_set(MSR_IA32_TSC_DEADLINE, 0x77);
	model_set(MSR_IA32_MCx_CTL(1), 0x9);
	model_set(MSR_IA32_MCx_CTL(2), 0);
	model_inject_gp(MSR_IA32_MCx_CTL(1), true);
	msr_shadows_reload();
	model_inject_gp(MSR_IA32_MCx_CTL(1), false);
	harness_log_clear();
}

static void run_cached(enum harness_fs fs)
{
	const char *f = harness_fs_name[fs];

	start(fs);
	/* the reload read the register, or took the reset value where it faulted */
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x77, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_MCx_CTL(1)), 5, "%s", f);
	cr_assert_eq(hlog.n[I_RDMSR] + hlog.n[I_RDMSR_IMM], 0, "%s: rdmsrq_cached() read", f);

	/* the same value twice: one WRMSR */
	wrmsrq_cached(MSR_IA32_TSC_DEADLINE, 0x100);
	wrmsrq_cached(MSR_IA32_TSC_DEADLINE, 0x100);
	cr_assert_eq(writes(), 1, "%s: %lu writes of one value", f, writes());
	cr_assert_eq(reg(MSR_IA32_TSC_DEADLINE), 0x100, "%s", f);
	wrmsrns_cached(MSR_IA32_TSC_DEADLINE, 0x100);
	cr_assert_eq(writes(), 1, "%s: wrmsrns_cached() of the copy's value wrote", f);

	/* another value: written, and the copy follows */
	wrmsrns_cached(MSR_IA32_TSC_DEADLINE, 0x200);
	cr_assert_eq(writes(), 2, "%s", f);
	cr_assert_eq(reg(MSR_IA32_TSC_DEADLINE), 0x200, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x200, "%s", f);

	/* wrmsrq() always writes, and keeps the copy */
	wrmsrq(MSR_IA32_TSC_DEADLINE, 0x200);
	cr_assert_eq(writes(), 3, "%s", f);
	wrmsr(MSR_IA32_TSC_DEADLINE, 0x300, 0x1);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x100000300ULL, "%s: wrmsr()", f);
	wrmsrns(MSR_IA32_TSC_DEADLINE, 0x400);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x400, "%s: wrmsrns()", f);

	/* a number that is not a constant keeps it too */
	wrmsrq(var_deadline, 0x500);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x500, "%s: variable wrmsrq()", f);
	cr_assert_eq(wrmsrq_safe(var_deadline, 0x600), 0, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x600, "%s: variable _safe", f);
	wrmsrns(var_deadline, 0x700);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x700, "%s: variable wrmsrns()", f);
	harness_log_clear();
	wrmsrq_cached(MSR_IA32_TSC_DEADLINE, 0x700);
	cr_assert_eq(writes(), 0, "%s", f);

	/* a failed _safe write leaves the copy; a good one moves it */
	model_inject_gp(MSR_IA32_MCx_CTL(1), true);
	cr_assert_eq(wrmsrq_safe(MSR_IA32_MCx_CTL(1), 0x3), -EIO, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_MCx_CTL(1)), 5, "%s: a failed write moved the copy", f);
	model_inject_gp(MSR_IA32_MCx_CTL(1), false);
	cr_assert_eq(wrmsrq_safe(MSR_IA32_MCx_CTL(1), 0x3), 0, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_MCx_CTL(1)), 3, "%s", f);
	cr_assert_eq(reg(MSR_IA32_MCx_CTL(1)), 3, "%s", f);

	/* another MSR's write touches no copy */
	wrmsrq(MSR_IA32_MCx_CTL(2), 0x8);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_MCx_CTL(1)), 3, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x700, "%s", f);

	/* native_wrmsrq() and native_write_msr() keep it too */
	native_wrmsrq(MSR_IA32_TSC_DEADLINE, 0x800);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x800, "%s: native_wrmsrq()", f);
	native_wrmsrq(var_deadline, 0x900);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x900, "%s: variable native_wrmsrq()", f);
	native_write_msr(MSR_IA32_TSC_DEADLINE, 0x700);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x700, "%s: native_write_msr()", f);
	cr_assert_eq(reg(MSR_IA32_TSC_DEADLINE), 0x700, "%s", f);

	/* a register that took a value behind the accessors: reloaded */
	model_set(MSR_IA32_TSC_DEADLINE, 0x42);
	msr_shadows_reload();
	harness_log_clear();
	wrmsrq_cached(MSR_IA32_TSC_DEADLINE, 0x42);
	cr_assert_eq(writes(), 0, "%s: after the reload", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_MCx_CTL(1)), 3, "%s", f);

	/* a resume: each register from its copy, where it exists and differs */
	model_set(MSR_IA32_TSC_DEADLINE, 0x43);
	harness_log_clear();
	msr_shadows_restore();
	cr_assert_eq(reg(MSR_IA32_TSC_DEADLINE), 0x42, "%s: restore", f);
	cr_assert_eq(reg(MSR_IA32_MCx_CTL(1)), 3, "%s: restore", f);
	cr_assert_eq(writes(), 1, "%s: restore of one register that differs", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x42, "%s", f);
	harness_log_clear();
	msr_shadows_restore();
	cr_assert_eq(writes(), 0, "%s: restore of registers that hold their copies", f);
	model_set(MSR_IA32_TSC_DEADLINE, 0x44);
	model_inject_gp(MSR_IA32_TSC_DEADLINE, true);
	msr_shadows_restore();
	model_inject_gp(MSR_IA32_TSC_DEADLINE, false);
	cr_assert_eq(writes(), 0, "%s: restore of a register that faults", f);
	cr_assert_eq(reg(MSR_IA32_TSC_DEADLINE), 0x44, "%s", f);
}

/*
 * SPEC_CTRL's copy may lead the register (shadow percpu deferred): the
 * kernel's value, which the entry code writes.  msr_shadow_defer() sets the
 * copy alone, a write through the accessors, a reload or a restore leaves it,
 * and a cached write of another value moves both.
 */
static void run_deferred(enum harness_fs fs)
{
	const char *f = harness_fs_name[fs];
	volatile u32 var_spec = MSR_IA32_SPEC_CTRL;

	start(fs);
	model_set(MSR_IA32_SPEC_CTRL, 0);
	harness_log_clear();
	msr_shadow_defer(MSR_IA32_SPEC_CTRL, 0x5);
	cr_assert_eq(writes(), 0, "%s: msr_shadow_defer() wrote", f);
	cr_assert_eq(reg(MSR_IA32_SPEC_CTRL), 0, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_SPEC_CTRL), 0x5, "%s", f);

	/* a trial, a guest's or a saved value goes to the register alone */
	wrmsrq(MSR_IA32_SPEC_CTRL, 0x1);
	cr_assert_eq(reg(MSR_IA32_SPEC_CTRL), 0x1, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_SPEC_CTRL), 0x5, "%s: wrmsrq() moved the copy", f);
	cr_assert_eq(wrmsrq_safe(MSR_IA32_SPEC_CTRL, 0x3), 0, "%s", f);
	wrmsrq(var_spec, 0x7);
	native_wrmsrq(MSR_IA32_SPEC_CTRL, 0x1);
	cr_assert_eq(reg(MSR_IA32_SPEC_CTRL), 0x1, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_SPEC_CTRL), 0x5, "%s: a write moved the copy", f);

	/* the reload reads the other copies, and leaves this one */
	model_set(MSR_IA32_TSC_DEADLINE, 0x42);
	msr_shadows_reload();
	cr_assert_eq(rdmsrq_cached(MSR_IA32_SPEC_CTRL), 0x5, "%s: the reload took the register", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_TSC_DEADLINE), 0x42, "%s", f);

	/* so does the restore, which writes the register of no deferred copy */
	harness_log_clear();
	msr_shadows_restore();
	cr_assert_eq(writes(), 0, "%s: restore", f);
	cr_assert_eq(reg(MSR_IA32_SPEC_CTRL), 0x1, "%s: restore", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_SPEC_CTRL), 0x5, "%s: restore", f);

	/* the copy's value is the one the register will take: no WRMSR */
	harness_log_clear();
	wrmsrq_cached(MSR_IA32_SPEC_CTRL, 0x5);
	cr_assert_eq(writes(), 0, "%s", f);
	wrmsrq_cached(MSR_IA32_SPEC_CTRL, 0x4);
	cr_assert_eq(writes(), 1, "%s", f);
	cr_assert_eq(reg(MSR_IA32_SPEC_CTRL), 0x4, "%s", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_SPEC_CTRL), 0x4, "%s: wrmsrq_cached()", f);
	msr_shadow_sync(MSR_IA32_SPEC_CTRL, 0x6);
	cr_assert_eq(writes(), 1, "%s: msr_shadow_sync() wrote", f);
	cr_assert_eq(rdmsrq_cached(MSR_IA32_SPEC_CTRL), 0x6, "%s: msr_shadow_sync()", f);
}

Test(shadow, deferred_legacy) { run_deferred(FS_LEGACY); }
Test(shadow, deferred_xenpv) { run_deferred(FS_XENPV); }

Test(shadow, cached_legacy) { run_cached(FS_LEGACY); }
Test(shadow, cached_wrmsrns) { run_cached(FS_WRMSRNS); }
Test(shadow, cached_msr_imm) { run_cached(FS_MSR_IMM); }
Test(shadow, cached_xenpv) { run_cached(FS_XENPV); }
