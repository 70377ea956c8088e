// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time self-test of msrgen's MSR accessors (tests/kernel/hooks/msrgen
 * copies it to arch/x86/kernel/ of the msrgen build only).
 *
 * At late_initcall time it exercises every handling class of the generated
 * code on the platform it runs on (native or Xen PV) and compares the result
 * with the raw instruction's (natively: the CPU's answer; on Xen PV: Xen's
 * answer to the trapped instruction):
 *
 *   pt-read     passthrough reads: rdmsrq() and rdmsrq_safe() with a
 *               constant number against an explicit RDMSR
 *   pt-write    passthrough writes: TSC_AUX written, read back, restored;
 *               EFER written with its own value (error as the raw WRMSR's)
 *   seg         FS/KERNEL_GS base written through the generated path, read
 *               back, restored; GS base written with its own value
 *   ignore      (Xen PV) STAR, LSTAR, CSTAR, SYSCALL_MASK: a bogus wrmsrq()
 *               changes nothing, wrmsrq_safe() succeeds
 *   apicbase    the read fixup on Xen PV (X2APIC_ENABLE clear, BSP set on
 *               CPU 0 only); natively the raw value
 *   pmu         event selects through the perf path: error and value as
 *               the raw instruction's, no oops
 *   absent      _safe access of MSR 0x12345678 (nothing implements it):
 *               -EIO and 0, or the raw instruction's answer where the
 *               platform answers every MSR (QEMU TCG: reads 0)
 *   gp          _safe accesses that fault (PKRS with reserved bits set;
 *               on Xen PV also an x2APIC read): -EIO and 0, no oops, no
 *               "unchecked MSR access"
 *   generic     non-constant numbers (volatile) through the generic path
 *   shadow      (linux-7.3) MISC_FEATURES_ENABLES's per-CPU copy: true,
 *               reloaded, kept by native_wrmsrq() and
 *               native_write_msr_safe(), and with tracepoints its cached
 *               writes counted; SPEC_CTRL's deferred copy: set alone by
 *               msr_shadow_defer(), left by the reload
 *
 * Output: "msrgen-selftest: plan N (PLATFORM)", "msrgen-selftest: ok NAME"
 * or "msrgen-selftest: FAIL NAME: why" per case, and at the end
 * "msrgen-selftest: N passed, M failed".
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <xen/xen.h>
#include <asm/msr.h>
#include <asm/apicdef.h>
#include <asm/asm.h>
#if defined(MSRGEN_SHADOWS) && defined(CONFIG_TRACEPOINTS)
#include <asm/msr-trace.h>
#endif

#ifndef _ASM_X86_MSR_GEN_H
#error "asm/msr.h did not include msrgen's asm/msr-gen.h: is this an msrgen tree?"
#endif

/*
 * Kernels before 6.16 (the linux-6.12 target) name the 64-bit accessors
 * rdmsrl(), wrmsrl(), their _safe and _cached forms and native_wrmsrl();
 * rdmsrq() is a macro where it exists.
 */
#ifndef rdmsrq
#define rdmsrq(msr, val)		rdmsrl(msr, val)
#define rdmsrq_safe(msr, p)		rdmsrl_safe(msr, p)
#define wrmsrq(msr, val)		wrmsrl(msr, val)
#define wrmsrq_safe(msr, val)		wrmsrl_safe(msr, val)
#define rdmsrq_cached(msr)		rdmsrl_cached(msr)
#define wrmsrq_cached(msr, val)		wrmsrl_cached(msr, val)
#define native_wrmsrq(msr, val)		native_wrmsrl(msr, val)
#define ST_NATIVE_WRMSRQ		"native_wrmsrl()"
/* 6.12's native_write_msr_safe() takes the value as halves */
#define st_native_write_msr_safe(msr, val)			\
	native_write_msr_safe(msr, (u32)(val), (u32)((val) >> 32))
#else
#define st_native_write_msr_safe(msr, val)	native_write_msr_safe(msr, val)
#define ST_NATIVE_WRMSRQ		"native_wrmsrq()"
#endif

#define TAG "msrgen-selftest: "

/* An MSR every CPU of the platform has, for the generic read. */
#ifdef CONFIG_X86_64
#define GENERIC_MSR MSR_EFER
#else
#define GENERIC_MSR MSR_IA32_SYSENTER_CS
#endif
#define MSR_ABSENT 0x12345678u	/* no CPU or hypervisor implements it */

static unsigned int st_planned, st_passed, st_failed;
static char st_why[160];

/* The raw instructions, with the exception table 7.3 uses for _safe. */
static noinline int raw_rdmsr_safe(u32 msr, u64 *val)
{
	u32 lo, hi;
	int err;

	asm volatile("1: rdmsr ; xor %[err],%[err]\n"
		     "2:\n\t"
		     _ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_RDMSR_SAFE, %[err])
		     : [err] "=r" (err), "=a" (lo), "=d" (hi)
		     : "c" (msr));
	*val = (u64)hi << 32 | lo;
	return err;
}

static noinline int raw_wrmsr_safe(u32 msr, u64 val)
{
	int err;

	asm volatile("1: wrmsr ; xor %[err],%[err]\n"
		     "2:\n\t"
		     _ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_WRMSR_SAFE, %[err])
		     : [err] "=a" (err)
		     : "c" (msr), "0" ((u32)val), "d" ((u32)(val >> 32))
		     : "memory");
	return err;
}

#define why(...) snprintf(st_why, sizeof(st_why), __VA_ARGS__)

static void report(const char *name, bool ok)
{
	if (ok) {
		st_passed++;
		pr_info(TAG "ok %s%s%s\n", name, st_why[0] ? ": " : "", st_why);
	} else {
		st_failed++;
		pr_info(TAG "FAIL %s: %s\n", name, st_why[0] ? st_why : "?");
	}
	st_why[0] = '\0';
}

/* Whether a raw write of TSC_AUX is kept (it restores old). */
static bool tsc_aux_sticks(u64 old, u64 new)
{
	u64 back = old;

	raw_wrmsr_safe(MSR_TSC_AUX, new);
	raw_rdmsr_safe(MSR_TSC_AUX, &back);
	raw_wrmsr_safe(MSR_TSC_AUX, old);
	return back == new;
}

/*
 * Passthrough read: rdmsrq_safe() must give the raw instruction's error and
 * value; if the raw read works, so must rdmsrq() (no fault, same value).
 * The reads run with preemption off (per-CPU MSRs such as TSC_AUX).
 */
#define PT_READ(m) do {							\
	u64 raw, gen, gens;						\
	int rerr, gerr;							\
									\
	preempt_disable();						\
	rerr = raw_rdmsr_safe(m, &raw);					\
	gerr = rdmsrq_safe(m, &gens);					\
	gen = 0;							\
	if (!rerr)							\
		rdmsrq(m, gen);						\
	preempt_enable();						\
	why("%s raw %d/%#llx, rdmsrq_safe %d/%#llx, rdmsrq %#llx", #m,	\
	    rerr, raw, gerr, gens, gen);				\
	report("pt-read " #m, rerr == gerr && raw == gens &&		\
	       (rerr || gen == raw));					\
} while (0)

static void test_pt_write_tsc_aux(void)
{
	u64 old, back1 = 0, back2 = 0, new;
	int rerr, werr = 0, serr = 0, rerr2;
	bool ok;
	bool sticks;

	preempt_disable();
	rerr = raw_rdmsr_safe(MSR_TSC_AUX, &old);
	if (!rerr) {
		new = old ^ 0x5a00;	/* above the CPU number bits */
		/* a platform may drop the write (qemu-system-i386 has no TSC_AUX) */
		sticks = tsc_aux_sticks(old, new);
		wrmsrq(MSR_TSC_AUX, new);
		raw_rdmsr_safe(MSR_TSC_AUX, &back1);
		serr = wrmsrq_safe(MSR_TSC_AUX, old);
		raw_rdmsr_safe(MSR_TSC_AUX, &back2);
		preempt_enable();
		why("old %#llx, wrote %#llx, read %#llx, restored %d/%#llx",
		    old, new, back1, serr, back2);
		report("pt-write MSR_TSC_AUX", back1 == (sticks ? new : old) && !serr && back2 == old);
		return;
	}
	/* Not implemented here: the write must fail as the raw one does. */
	werr = wrmsrq_safe(MSR_TSC_AUX, 0);
	rerr2 = raw_wrmsr_safe(MSR_TSC_AUX, 0);
	preempt_enable();
	ok = werr == rerr2 && werr == -EIO;
	why("absent (raw read %d): wrmsrq_safe %d, raw wrmsr %d", rerr, werr, rerr2);
	report("pt-write MSR_TSC_AUX", ok);
}

#ifdef CONFIG_X86_64
static void test_pt_write_efer(void)
{
	u64 efer, after;
	int rerr, gerr, raw_werr;

	preempt_disable();
	rerr = raw_rdmsr_safe(MSR_EFER, &efer);
	gerr = wrmsrq_safe(MSR_EFER, efer);
	raw_werr = raw_wrmsr_safe(MSR_EFER, efer);
	raw_rdmsr_safe(MSR_EFER, &after);
	preempt_enable();
	why("EFER %d/%#llx; same value: wrmsrq_safe %d, raw wrmsr %d; after %#llx",
	    rerr, efer, gerr, raw_werr, after);
	report("pt-write MSR_EFER", !rerr && gerr == raw_werr && after == efer);
}

/* Segment bases: written through the generated path, read back, restored. */
#define SEG_RW(m, testval) do {						\
	unsigned long flags;						\
	u64 old, back_raw, back_gen, back_safe, rest;			\
	int serr, rerr;							\
									\
	local_irq_save(flags);						\
	rdmsrq(m, old);							\
	wrmsrq(m, testval);						\
	raw_rdmsr_safe(m, &back_raw);					\
	rdmsrq(m, back_gen);						\
	serr = wrmsrq_safe(m, (testval) + 0x1000);			\
	rerr = rdmsrq_safe(m, &back_safe);				\
	wrmsrq(m, old);							\
	raw_rdmsr_safe(m, &rest);					\
	local_irq_restore(flags);					\
	why("%s old %#llx, wrote %#llx: raw %#llx, rdmsrq %#llx; "	\
	    "_safe %d/%d/%#llx; restored %#llx", #m, old,		\
	    (u64)(testval), back_raw, back_gen, serr, rerr, back_safe,	\
	    rest);							\
	report("seg " #m, back_raw == (testval) &&			\
	       back_gen == (testval) && !serr && !rerr &&		\
	       back_safe == (testval) + 0x1000 && rest == old);		\
} while (0)

static void test_seg_gs_base(void)
{
	unsigned long flags;
	u64 old, back, back_raw;
	int serr;

	/* The kernel's per-CPU base: only ever written with its own value. */
	local_irq_save(flags);
	rdmsrq(MSR_GS_BASE, old);
	wrmsrq(MSR_GS_BASE, old);
	serr = wrmsrq_safe(MSR_GS_BASE, old);
	rdmsrq(MSR_GS_BASE, back);
	raw_rdmsr_safe(MSR_GS_BASE, &back_raw);
	local_irq_restore(flags);
	why("MSR_GS_BASE %#llx, after writes %#llx (raw %#llx), _safe %d",
	    old, back, back_raw, serr);
	report("seg MSR_GS_BASE", old && back == old && back_raw == old && !serr);
}

#endif /* CONFIG_X86_64 */

/* Xen PV: the write is dropped, even a bogus one, and reports success. */
#define XEN_IGNORE(m) do {						\
	u64 before, after;						\
	int berr, aerr, serr;						\
									\
	preempt_disable();						\
	berr = rdmsrq_safe(m, &before);					\
	wrmsrq(m, 0xdead0000badULL);					\
	serr = wrmsrq_safe(m, 0xbad0000deadULL);			\
	aerr = rdmsrq_safe(m, &after);					\
	preempt_enable();						\
	why("%s before %d/%#llx, after %d/%#llx, wrmsrq_safe %d", #m,	\
	    berr, before, aerr, after, serr);				\
	report("ignore " #m, berr == aerr && before == after && !serr);	\
} while (0)

struct apicbase_res {
	u64 gen, gen_var, raw;
	int gerr, rerr;
	unsigned int cpu;
};

static volatile u32 st_var_msr;

static void apicbase_on_cpu(void *arg)
{
	struct apicbase_res *r = arg;

	r->cpu = smp_processor_id();
	r->rerr = raw_rdmsr_safe(MSR_IA32_APICBASE, &r->raw);
	r->gerr = rdmsrq_safe(MSR_IA32_APICBASE, &r->gen);
	st_var_msr = MSR_IA32_APICBASE;
	rdmsrq(st_var_msr, r->gen_var);
}

static void test_apicbase(unsigned int cpu)
{
	struct apicbase_res r = { };
	bool bsp = cpu == 0, ok;
	char name[32];
	int ret;

	snprintf(name, sizeof(name), "apicbase cpu%u", cpu);
	ret = smp_call_function_single(cpu, apicbase_on_cpu, &r, 1);
	why("ran on cpu%u (%d): raw %d/%#llx, rdmsrq_safe %d/%#llx, generic %#llx",
	    r.cpu, ret, r.rerr, r.raw, r.gerr, r.gen, r.gen_var);
	if (ret || r.cpu != cpu || r.gerr) {
		report(name, false);
		return;
	}
	if (xen_pv_domain()) {
		/* 7.3's xen_do_read_msr(): no x2APIC, BSP on CPU 0 only */
		ok = !(r.gen & X2APIC_ENABLE) &&
		     !!(r.gen & MSR_IA32_APICBASE_BSP) == bsp &&
		     r.gen_var == r.gen;
	} else {
		ok = !r.rerr && r.gen == r.raw && r.gen_var == r.raw &&
		     !!(r.gen & MSR_IA32_APICBASE_BSP) == bsp;
	}
	report(name, ok);
}

/* The perf path: as the raw instruction (Xen's answer when no vPMU). */
#define PMU_SEL(m) do {							\
	u64 raw, gen;							\
	int rerr, gerr, werr = 0, rwerr = 0;				\
									\
	preempt_disable();						\
	rerr = raw_rdmsr_safe(m, &raw);					\
	gerr = rdmsrq_safe(m, &gen);					\
	if (!gerr) {							\
		werr = wrmsrq_safe(m, gen);				\
		rwerr = raw_wrmsr_safe(m, gen);				\
	}								\
	preempt_enable();						\
	why("%s raw %d/%#llx, rdmsrq_safe %d/%#llx, write back %d (raw %d)", \
	    #m, rerr, raw, gerr, gen, werr, rwerr);			\
	report("pmu " #m, (gerr == 0 || (gerr == -EIO && gen == 0)) &&	\
	       gerr == rerr && gen == raw && werr == rwerr);		\
} while (0)

/*
 * An MSR nothing implements: -EIO and 0, or, where the platform answers
 * every MSR (QEMU's TCG reads unknown MSRs as 0 and drops writes to them),
 * the raw instruction's answer.  The fault path itself is exercised by
 * test_gp().
 */
static bool absent_ok(int err, u64 val, int rerr, u64 raw)
{
	return (err == -EIO && val == 0 && rerr == -EIO) ||
	       (err == rerr && val == raw && !rerr);
}

static void test_absent(void)
{
	u64 val = 0x1111, raw;
	int rerr, err, rwerr;

	rerr = raw_rdmsr_safe(MSR_ABSENT, &raw);
	err = rdmsrq_safe(MSR_ABSENT, &val);
	why("rdmsrq_safe(%#x) %d, value %#llx (raw %d/%#llx)", MSR_ABSENT,
	    err, val, rerr, raw);
	report("absent read", absent_ok(err, val, rerr, raw));
	err = wrmsrq_safe(MSR_ABSENT, 0);
	rwerr = raw_wrmsr_safe(MSR_ABSENT, 0);
	why("wrmsrq_safe(%#x) %d (raw %d)", MSR_ABSENT, err, rwerr);
	report("absent write", err == rwerr && (err == -EIO || (!err && !rerr)));
}

/*
 * Faults.  Writes: IA32_PKRS (0x6e1) with its reserved upper half set
 * faults natively (QEMU's TCG checks it) and on Xen PV (no PKRS for PV).
 * Reads (Xen PV only: TCG answers every RDMSR): the x2APIC ID (0x802),
 * which a PV guest does not have.  _safe must return -EIO (and 0).
 */
#define PKRS_MSR	0x6e1u
#define PKRS_BAD	0xffffffff00000000ULL
#define X2APIC_ID_MSR	0x802u

static void test_gp(bool xen)
{
	u64 old = 0, val = 0x1111, raw;
	int oerr, rwerr, err, rerr;

	preempt_disable();
	oerr = raw_rdmsr_safe(PKRS_MSR, &old);
	rwerr = raw_wrmsr_safe(PKRS_MSR, PKRS_BAD);
	err = wrmsrq_safe(PKRS_MSR, PKRS_BAD);
	if (!oerr && (!rwerr || !err))
		raw_wrmsr_safe(PKRS_MSR, old);
	preempt_enable();
	why("wrmsrq_safe(%#x, %#llx) %d (raw %d)", PKRS_MSR, PKRS_BAD, err, rwerr);
	report("gp write", rwerr == -EIO && err == -EIO);
	if (!xen)
		return;
	rerr = raw_rdmsr_safe(X2APIC_ID_MSR, &raw);
	err = rdmsrq_safe(X2APIC_ID_MSR, &val);
	why("rdmsrq_safe(%#x) %d, value %#llx (raw %d)", X2APIC_ID_MSR, err,
	    val, rerr);
	report("gp read", rerr == -EIO && err == -EIO && val == 0);
}

#ifdef CONFIG_X86_64
static void test_generic_fs_base(void)
{
	unsigned long flags;
	u64 old, back, rest;
	int serr;

	local_irq_save(flags);
	st_var_msr = MSR_FS_BASE;
	rdmsrq(st_var_msr, old);
	wrmsrq(st_var_msr, 0x7f5a5a5a3000ULL);
	raw_rdmsr_safe(MSR_FS_BASE, &back);
	serr = wrmsrq_safe(st_var_msr, old);
	raw_rdmsr_safe(MSR_FS_BASE, &rest);
	local_irq_restore(flags);
	why("MSR_FS_BASE old %#llx, wrote 0x7f5a5a5a3000: %#llx; restore %d/%#llx",
	    old, back, serr, rest);
	report("generic write MSR_FS_BASE",
	       back == 0x7f5a5a5a3000ULL && !serr && rest == old);
}
#endif

static void test_generic(void)
{
	u64 raw, gen, val = 0x1111;
	int rerr, err;

	st_var_msr = GENERIC_MSR;
	preempt_disable();
	rerr = raw_rdmsr_safe(GENERIC_MSR, &raw);
	rdmsrq(st_var_msr, gen);
	preempt_enable();
	why("%#x raw %d/%#llx, generic rdmsrq %#llx", GENERIC_MSR, rerr, raw, gen);
	report("generic read", !rerr && gen == raw);

	st_var_msr = MSR_ABSENT;
	rerr = raw_rdmsr_safe(MSR_ABSENT, &raw);
	err = rdmsrq_safe(st_var_msr, &val);
	why("rdmsrq_safe(%#x) %d, value %#llx (raw %d/%#llx)", MSR_ABSENT,
	    err, val, rerr, raw);
	report("generic absent read", absent_ok(err, val, rerr, raw));
	st_var_msr = MSR_ABSENT;
	err = wrmsrq_safe(st_var_msr, 0);
	why("wrmsrq_safe(%#x) %d (raw read %d)", MSR_ABSENT, err, rerr);
	report("generic absent write", err == rerr && (err == -EIO || !err));
	st_var_msr = PKRS_MSR;
	err = wrmsrq_safe(st_var_msr, PKRS_BAD);
	why("wrmsrq_safe(%#x, %#llx) %d", PKRS_MSR, PKRS_BAD, err);
	report("generic gp write", err == -EIO);
	if (xen_pv_domain()) {
		st_var_msr = X2APIC_ID_MSR;
		val = 0x1111;
		err = rdmsrq_safe(st_var_msr, &val);
		why("rdmsrq_safe(%#x) %d, value %#llx", X2APIC_ID_MSR, err, val);
		report("generic gp read", err == -EIO && val == 0);
	}

#ifdef CONFIG_X86_64
	test_generic_fs_base();
#endif

	if (xen_pv_domain()) {
		u64 before, after;
		int berr, aerr;

		st_var_msr = MSR_LSTAR;
		berr = rdmsrq_safe(MSR_LSTAR, &before);
		err = wrmsrq_safe(st_var_msr, 0xbad0000deadULL);
		wrmsrq(st_var_msr, 0xdead0000badULL);
		aerr = rdmsrq_safe(MSR_LSTAR, &after);
		why("MSR_LSTAR before %d/%#llx, after %d/%#llx, wrmsrq_safe %d",
		    berr, before, aerr, after, err);
		report("generic ignore MSR_LSTAR",
		       !err && berr == aerr && before == after);
	}
}

/*
 * The 32-bit halves API (rdmsr(), wrmsr() and their _safe forms): the same
 * values and errors as the raw instruction, constant and variable numbers.
 */
static void test_halves(void)
{
	u32 lo = 0, hi = 0, vlo = 0, vhi = 0;
	bool sticks = false;
	u64 raw;
	int rerr, err, verr;

	preempt_disable();
	rerr = raw_rdmsr_safe(MSR_IA32_APICBASE, &raw);
	err = rdmsr_safe(MSR_IA32_APICBASE, &lo, &hi);
	st_var_msr = MSR_IA32_APICBASE;
	verr = rdmsr_safe(st_var_msr, &vlo, &vhi);
	preempt_enable();
	why("APICBASE raw %d/%#llx, rdmsr_safe %d/%#x:%#x, variable %d/%#x:%#x",
	    rerr, raw, err, hi, lo, verr, vhi, vlo);
	report("halves rdmsr_safe", err == rerr && verr == rerr &&
	       ((u64)hi << 32 | lo) == ((u64)vhi << 32 | vlo) &&
	       (xen_pv_domain() || ((u64)hi << 32 | lo) == raw));

	err = wrmsr_safe(PKRS_MSR, 0, 0xffffffff);
	st_var_msr = PKRS_MSR;
	verr = wrmsr_safe(st_var_msr, 0, 0xffffffff);
	why("wrmsr_safe(%#x, 0, 0xffffffff) %d, variable %d", PKRS_MSR, err, verr);
	report("halves wrmsr_safe gp", err == -EIO && verr == -EIO);

	preempt_disable();
	rerr = raw_rdmsr_safe(MSR_TSC_AUX, &raw);
	if (!rerr) {
		sticks = tsc_aux_sticks(raw, raw ^ 0x5a00);
		wrmsr(MSR_TSC_AUX, (u32)raw ^ 0x5a00, raw >> 32);
		rdmsr(MSR_TSC_AUX, lo, hi);
		wrmsr(MSR_TSC_AUX, (u32)raw, raw >> 32);
	}
	preempt_enable();
	why("TSC_AUX raw %d/%#llx, after wrmsr %#x:%#x", rerr, raw, hi, lo);
	report("halves wrmsr MSR_TSC_AUX", rerr ||
	       ((u64)hi << 32 | lo) == (sticks ? raw ^ 0x5a00 : raw));
}

#ifdef CONFIG_X86_64
/* wrmsrns(): the same effect as wrmsrq(), constant and variable numbers. */
static void test_wrmsrns(void)
{
	unsigned long flags;
	u64 old, back, vback, rest;

	local_irq_save(flags);
	rdmsrq(MSR_FS_BASE, old);
	wrmsrns(MSR_FS_BASE, 0x7f0a0b0c0000ULL);
	raw_rdmsr_safe(MSR_FS_BASE, &back);
	st_var_msr = MSR_FS_BASE;
	wrmsrns(st_var_msr, 0x7f0a0b0d0000ULL);
	raw_rdmsr_safe(MSR_FS_BASE, &vback);
	wrmsrq(MSR_FS_BASE, old);
	raw_rdmsr_safe(MSR_FS_BASE, &rest);
	local_irq_restore(flags);
	why("MSR_FS_BASE old %#llx: wrmsrns %#llx, variable %#llx, restored %#llx",
	    old, back, vback, rest);
	report("wrmsrns MSR_FS_BASE", back == 0x7f0a0b0c0000ULL &&
	       vback == 0x7f0a0b0d0000ULL && rest == old);
}
#endif

#ifdef MSRGEN_SHADOWS
/*
 * shadow (tables that shadow MISC_FEATURES_ENABLES and SPEC_CTRL:
 * hooks/msrgen/20-selftest defines MSRGEN_SHADOWS where asm/msr-gen.h has
 * their copies): the copy is what the register holds (msr_shadows_reload()
 * ran in cpu_init()), and is again after it was made to say otherwise and
 * reloaded, as for a CPU that comes up; msr_shadows_restore(), as after a
 * resume, leaves a register that holds its copy.  With tracepoints (the
 * clang configuration) the writes are counted on msr:write_msr: two cached
 * writes of the copy's value write nothing, wrmsrq() once, a cached write
 * of a value the copy does not hold once, and the restore nothing.  Only
 * the register's own value is written: Xen PV takes no other on a host
 * without CPUID faulting.
 */
#ifdef CONFIG_TRACEPOINTS
static unsigned int st_misc_writes;

static void st_count_write(void *data, unsigned int msr, u64 val, int failed)
{
	if (msr == MSR_MISC_FEATURES_ENABLES)
		st_misc_writes++;
}
#endif

/*
 * native_wrmsrq() and native_write_msr_safe() of asm/msr.h keep the copy:
 * made to say otherwise, it holds the register's own value again after
 * each writes it (or, where the register faults, the failed _safe write
 * leaves the copy).
 */
static void test_shadow_native(int err, u64 hw)
{
	u64 plain = 0, safe;
	int werr;

	preempt_disable();
	if (!err) {
		msr_shadow_sync(MSR_MISC_FEATURES_ENABLES, ~hw);
		native_wrmsrq(MSR_MISC_FEATURES_ENABLES, hw);
		plain = rdmsrq_cached(MSR_MISC_FEATURES_ENABLES);
	}
	msr_shadow_sync(MSR_MISC_FEATURES_ENABLES, ~hw);
	werr = st_native_write_msr_safe(MSR_MISC_FEATURES_ENABLES, hw);
	safe = rdmsrq_cached(MSR_MISC_FEATURES_ENABLES);
	msr_shadows_reload();
	preempt_enable();
	why("register %d/%#llx: %s left %#llx, native_write_msr_safe() %d and %#llx",
	    err, hw, ST_NATIVE_WRMSRQ, plain, werr, safe);
	report("shadow native", err ? werr && safe == ~hw :
	       plain == hw && !werr && safe == hw);
}

/*
 * msr_shadows_restore(), as after a resume: a register that holds its copy
 * is not written, and the copy stays.
 */
static void test_shadow_restore(int err, u64 hw)
{
	u64 copy, now = 0;
	int nerr;

	preempt_disable();
	msr_shadows_restore();
	copy = rdmsrq_cached(MSR_MISC_FEATURES_ENABLES);
	nerr = raw_rdmsr_safe(MSR_MISC_FEATURES_ENABLES, &now);
	preempt_enable();
	why("copy %#llx, register %d/%#llx, before %d/%#llx", copy, nerr, now, err, hw);
	report("shadow restore", copy == (err ? 0 : hw) && nerr == err && now == hw);
}

/*
 * SPEC_CTRL's copy is deferred (it may lead the register): msr_shadow_defer()
 * sets it without a write, and msr_shadows_reload() leaves it.  A write
 * through the accessors leaves it too (where the register exists, its own
 * value is written back).  The copy is put back; the register keeps its
 * value.
 */
static void test_shadow_deferred(void)
{
	u64 kernel, hw = 0, lead, written, back;
	int err, werr = -1;

	preempt_disable();
	kernel = rdmsrq_cached(MSR_IA32_SPEC_CTRL);
	err = raw_rdmsr_safe(MSR_IA32_SPEC_CTRL, &hw);
	msr_shadow_defer(MSR_IA32_SPEC_CTRL, kernel ^ SPEC_CTRL_STIBP);
	msr_shadows_reload();
	lead = rdmsrq_cached(MSR_IA32_SPEC_CTRL);
	if (!err)
		werr = wrmsrq_safe(MSR_IA32_SPEC_CTRL, hw);
	written = rdmsrq_cached(MSR_IA32_SPEC_CTRL);
	msr_shadow_defer(MSR_IA32_SPEC_CTRL, kernel);
	back = rdmsrq_cached(MSR_IA32_SPEC_CTRL);
	preempt_enable();
	why("SPEC_CTRL copy %#llx, deferred %#llx: reloaded %#llx, register %d/%#llx written %d: %#llx, back %#llx",
	    kernel, kernel ^ SPEC_CTRL_STIBP, lead, err, hw, werr, written, back);
	report("shadow deferred", lead == (kernel ^ SPEC_CTRL_STIBP) &&
	       written == lead && back == kernel);
}

static void test_shadow(void)
{
	u64 hw = 0, copy, again;
	int err;

	preempt_disable();
	err = raw_rdmsr_safe(MSR_MISC_FEATURES_ENABLES, &hw);
	copy = rdmsrq_cached(MSR_MISC_FEATURES_ENABLES);
	msr_shadow_sync(MSR_MISC_FEATURES_ENABLES, ~copy);
	msr_shadows_reload();
	again = rdmsrq_cached(MSR_MISC_FEATURES_ENABLES);
	preempt_enable();
	why("MISC_FEATURES_ENABLES copy %#llx, register %d/%#llx", copy, err, hw);
	report("shadow copy", copy == (err ? 0 : hw));
	why("after a reload %#llx, register %d/%#llx", again, err, hw);
	report("shadow reload", again == copy);
	test_shadow_restore(err, hw);
	test_shadow_native(err, hw);
	test_shadow_deferred();
#ifdef CONFIG_TRACEPOINTS
	{
		unsigned int same, plain, other, restored;

		if (err || register_trace_write_msr(st_count_write, NULL)) {
			why("no register (%d) or no probe", err);
			report("shadow writes", false);
			return;
		}
		preempt_disable();
		st_misc_writes = 0;
		wrmsrq_cached(MSR_MISC_FEATURES_ENABLES, hw);
		wrmsrq_cached(MSR_MISC_FEATURES_ENABLES, hw);
		same = st_misc_writes;
		wrmsrq(MSR_MISC_FEATURES_ENABLES, hw);
		plain = st_misc_writes;
		msr_shadow_sync(MSR_MISC_FEATURES_ENABLES, ~hw);
		wrmsrq_cached(MSR_MISC_FEATURES_ENABLES, hw);
		wrmsrq_cached(MSR_MISC_FEATURES_ENABLES, hw);
		other = st_misc_writes;
		msr_shadows_restore();
		restored = st_misc_writes;
		preempt_enable();
		unregister_trace_write_msr(st_count_write, NULL);
		tracepoint_synchronize_unregister();
		why("WRMSRs: %u for two cached writes of the value, %u after wrmsrq(), %u after two cached writes of another, %u after a restore",
		    same, plain, other, restored);
		report("shadow writes", same == 0 && plain == 1 && other == 2 && restored == 2);
	}
#endif
}
#endif

static int __init msrgen_selftest(void)
{
	bool xen = xen_pv_domain();
	bool cpu1 = cpu_online(1);

	bool x86_64 = IS_ENABLED(CONFIG_X86_64);

	/*
	 * Plan: pt-read 4 (+1 64-bit), pt-write 1 (+1), seg 0 (+3),
	 * apicbase 1 (+1 with CPU 1), pmu 2, absent 2, gp 1, generic 4 (+1),
	 * halves 3, wrmsrns 0 (+1); Xen PV: ignore 4, gp +1, generic +2; shadow 5
	 * (+1 with tracepoints) where the tables shadow MISC_FEATURES_ENABLES
	 * and SPEC_CTRL.
	 */
	st_planned = 4 + 1 + 0 + 1 + cpu1 + 2 + 2 + 1 + 4 + 3 +
		     (x86_64 ? 1 + 1 + 3 + 1 + 1 : 0) + (xen ? 4 + 1 + 2 : 0);
#ifdef MSRGEN_SHADOWS
	st_planned += 5 + IS_ENABLED(CONFIG_TRACEPOINTS);
#endif
	pr_info(TAG "plan %u (%s, %u CPUs)\n", st_planned,
		xen ? "xenpv" : "native", num_online_cpus());

	PT_READ(MSR_EFER);
	PT_READ(MSR_IA32_MISC_ENABLE);
	PT_READ(MSR_TSC_AUX);
	PT_READ(MSR_IA32_MCG_CAP);
	test_pt_write_tsc_aux();
#ifdef CONFIG_X86_64
	PT_READ(MSR_FS_BASE);
	test_pt_write_efer();
	SEG_RW(MSR_FS_BASE, 0x7f1234567000ULL);
	SEG_RW(MSR_KERNEL_GS_BASE, 0x7f7654321000ULL);
	test_seg_gs_base();
#endif

	if (xen) {
		XEN_IGNORE(MSR_STAR);
		XEN_IGNORE(MSR_LSTAR);
		XEN_IGNORE(MSR_CSTAR);
		XEN_IGNORE(MSR_SYSCALL_MASK);
	}

	test_apicbase(0);
	if (cpu1)
		test_apicbase(1);

	PMU_SEL(MSR_K7_EVNTSEL0);
	PMU_SEL(MSR_P6_EVNTSEL0);

	test_absent();
	test_gp(xen);
	test_generic();
	test_halves();
#ifdef CONFIG_X86_64
	test_wrmsrns();
#endif
#ifdef MSRGEN_SHADOWS
	test_shadow();
#endif

	pr_info(TAG "%u passed, %u failed\n", st_passed,
		st_failed + (st_passed + st_failed < st_planned ?
			     st_planned - st_passed - st_failed : 0));
	return 0;
}
late_initcall(msrgen_selftest);
