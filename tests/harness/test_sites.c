// SPDX-License-Identifier: GPL-2.0
/*
 * Criterion tests of the generated linux-7.3 MSR accessors, for every
 * register of the table, every accessor (rdmsrq(), wrmsrq(), their _safe
 * forms, the rdmsr()/wrmsr() halves, the named accessors, wrmsrns(), and
 * the same with a non-constant number) and every feature set, patched and
 * unpatched.  Each test runs in its own process (Criterion forks), so each
 * patches the text once.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *report_fs = "";

#include "harness.h"
#include "sites.h"
#include <asm/msr.h>
#include <asm/insn.h>
#include <linux/extable.h>

#define EIO 5
#define APIC_X2APIC	(1ULL << 10)
#define APIC_BSP	(1ULL << 8)
#define FLAG_MSR_PV	(4 << 12)	/* EX_FLAG_MSR_PV: EX_DATA_FLAG(4) */

static uint64_t pattern(uint32_t msr)
{
	return 0x8877665544332211ULL ^ ((uint64_t)msr << 20) ^ msr;
}

static void setup(void)
{
	harness_init();
	harness_trace_on = true;
}

TestSuite(msr, .init = setup);

static unsigned long ninsn(void)
{
	unsigned long n = 0;

	for (int i = 0; i < I_COUNT; i++)
		n += hlog.n[i];
	return n;
}

static void start(enum harness_fs fs, bool patch)
{
	report_fs = harness_fs_name[fs];
	if (patch)
		harness_patch(fs);
	else
		harness_set_caps(fs);
}

/* Exactly one MSR instruction of kind k ran (k < 0: none). */
static void check_insn(const char *what, const char *id, int k)
{
	cr_assert_eq(hlog.bad, 0, "%s %s (%s): an instruction the platform lacks ran", what,
		     id, report_fs);
	cr_assert_eq(hlog.n[I_UD2], 0, "%s %s (%s): ud2 ran", what, id, report_fs);
	if (k < 0) {
		cr_assert_eq(ninsn(), 0, "%s %s (%s): %lu MSR instructions, expected none", what,
			     id, report_fs, ninsn());
		return;
	}
	cr_assert_eq(hlog.n[k], 1, "%s %s (%s): instruction kind %d ran %lu times", what, id,
		     report_fs, k, hlog.n[k]);
	cr_assert_eq(ninsn(), 1, "%s %s (%s): %lu MSR instructions, expected 1", what, id,
		     report_fs, ninsn());
}

/* The access was traced exactly once, with these arguments (or not at all). */
static void check_trace(const char *what, const char *id, bool wr, uint32_t msr, uint64_t val,
			int failed)
{
	const struct harness_trace *t = &hlog.trace[0];

	if (!harness_trace_on) {
		cr_assert_eq(hlog.ntrace, 0, "%s %s: traced with the tracepoint off", what, id);
		return;
	}
	cr_assert_eq(hlog.ntrace, 1, "%s %s (%s): traced %lu times", what, id, report_fs,
		     hlog.ntrace);
	cr_assert(t->wr == wr && t->msr == msr && t->val == val && t->failed == failed,
		  "%s %s (%s): traced %s %#x %#lx %d, expected %s %#x %#lx %d", what, id,
		  report_fs, t->wr ? "write" : "read", t->msr, t->val, t->failed,
		  wr ? "write" : "read", msr, val, failed);
}

/* ---- expected behaviour (docs/emit-linux.md) ---- */

static bool rd_stub(enum xkind k)
{
	return k == K_call || k == K_perf || k == K_fixup;
}

/* Does Xen PV reach the MSR instruction for an access of this kind? */
static bool xen_traps(enum xkind k, bool wr)
{
	return k == K_passthrough || k == K_perf || (!wr && k == K_fixup);
}

/* The value a read of c yields under fs (model holds pattern(addr)). */
static uint64_t exp_read(const struct rd_case *c, enum harness_fs fs)
{
	uint64_t v = pattern(c->addr);

	if (fs != FS_XENPV)
		return v;
	switch (c->kind) {
	case K_ignore:
	case K_call:
		return c->xval;
	case K_fixup:
		return (v & ~APIC_X2APIC) | APIC_BSP;
	default:
		return v;
	}
}

/*
 * The value a faulting read yields: 0, adjusted on Xen PV as 7.3 adjusts
 * it (xen_do_read_msr() applies the APIC base fixup to the 0 of a failed
 * read too: the BSP bit on CPU 0).
 */
static uint64_t exp_fault_read(const struct rd_case *c, enum harness_fs fs)
{
	return fs == FS_XENPV && c->kind == K_fixup ? APIC_BSP : 0;
}

/* The MSR instruction a read executes (-1: none). */
static int exp_rd_kind(const struct rd_case *c, enum harness_fs fs, bool patch, bool var)
{
	if (fs == FS_XENPV)
		return xen_traps(c->kind, false) ? I_RDMSR : -1;
	return fs == FS_MSR_IMM && patch && !var ? I_RDMSR_IMM : I_RDMSR;
}

/*
 * The MSR instruction a write executes: wrmsrq() and friends always the
 * serializing WRMSR; wrmsrns() DS WRMSR, WRMSRNS or the immediate form.
 * An unpatched special site goes through its early stub (plain WRMSR).
 */
static int exp_wr_kind(enum xkind kind, enum harness_fs fs, bool patch, bool ns, bool var)
{
	if (fs == FS_XENPV) {
		if (!xen_traps(kind, true))
			return -1;
		/* the C bodies and the dispatcher use the plain instruction */
		return ns && kind == K_passthrough && !var ? I_WRMSR_DS : I_WRMSR;
	}
	if (!ns)
		return I_WRMSR;
	if (!patch)
		return var || kind != K_passthrough ? I_WRMSR : I_WRMSR_DS;
	if (fs == FS_LEGACY)
		return I_WRMSR_DS;
	return fs == FS_MSR_IMM && !var ? I_WRMSRNS_IMM : I_WRMSRNS;
}

/* ---- site shapes: instructions (not NOPs) and calls at a patched site ---- */

static int exp_rd_site(const struct rd_case *c, enum harness_fs fs, bool safe, int *calls)
{
	*calls = 0;
	if (fs == FS_XENPV && rd_stub(c->kind)) {
		*calls = 1;
		return 3;		/* mov $msr,%edi; safe argument; call */
	}
	if (fs == FS_XENPV && c->kind == K_ignore)
		return 1 + safe;	/* mov $k,%eax or movabs; xor %edx,%edx */
	if (fs == FS_MSR_IMM)
		return 1 + safe;	/* RDMSR $imm; xor %edx,%edx */
	return 4 + safe;		/* mov $msr,%ecx; rdmsr; shl; or; xor */
}

static int exp_wr_site(const struct wr_case *c, enum harness_fs fs, bool safe, bool ns,
		       int *calls)
{
	*calls = 0;
	if (fs == FS_XENPV && c->kind != K_passthrough) {
		if (c->kind == K_ignore)
			return safe;	/* nothing, or xor %eax,%eax */
		*calls = 1;
		return 4;		/* mov $msr,%edi; mov %rax,%rsi; safe argument; call */
	}
	if (!ns)			/* bare wrmsr (xor), or mov $msr,%ecx; wrmsr */
		return (c->kind == K_passthrough ? 1 : 2) + safe;
	return fs == FS_MSR_IMM ? 1 : 2;	/* WRMSRNS $imm / mov; (ds) wrmsr(ns) */
}

static void check_site(const char *what, const char *id, uint8_t *const sec[2], int exp,
		       int exp_calls)
{
	struct site s;
	int nops, calls, n;

	cr_assert(site_find(sec[0], sec[1], &s), "%s %s: no site found", what, id);
	n = site_count(&s, &nops, &calls);
	if (getenv("HARNESS_REPORT"))
		fprintf(stderr, "site %s %s fs=%s insns=%d nops=%d calls=%d bytes=%d\n", what, id,
			report_fs, n, nops, calls, (int)(s.end - s.start));
	cr_assert_eq(n, exp, "%s %s (%s): %d instructions at the site, expected %d", what, id,
		     report_fs, n, exp);
	cr_assert_eq(calls, exp_calls, "%s %s (%s): %d calls at the site, expected %d", what,
		     id, report_fs, calls, exp_calls);
	cr_assert_leq(nops, 2, "%s %s: %d NOPs (expected at most two optimized NOPs)", what, id,
		      nops);
}

/* ---- values, instructions, traces ---- */

static void prep_rd(const struct rd_case *c)
{
	model_reset();
	model_set(c->addr, pattern(c->addr));
	harness_pmu_on = false;
	harness_cpu = 0;
	harness_log_clear();
}

static void run_reads(enum harness_fs fs, bool patch)
{
	start(fs, patch);
	for (int i = 0; i < n_rd_cases; i++) {
		const struct rd_case *c = &rd_cases[i];
		uint64_t exp = exp_read(c, fs), v;
		int kind = exp_rd_kind(c, fs, patch, false), calls, err;

		for (int a = 0; a < RD_NAPI; a++) {
			const char *what = rd_api_name[a];

			prep_rd(c);
			if (RD_API_SAFE(a)) {
				v = ~0ULL;
				err = site_call_rds(c, a, &v);
				cr_assert(err == 0 && v == exp, "%s(%s) (%s): %d %#lx, expected %#lx",
					  what, c->macro, report_fs, err, v, exp);
			} else {
				v = site_call_rd(c, a);
				cr_assert_eq(v, exp, "%s(%s) (%s): %#lx, expected %#lx", what,
					     c->macro, report_fs, v, exp);
			}
			check_insn(what, c->id, kind);
			check_trace(what, c->id, false, c->addr, exp, 0);
			cr_assert_eq(hlog.warn + hlog.gp, 0, "%s %s: unexpected fault", what, c->id);
			if (patch) {
				int n = exp_rd_site(c, fs, RD_API_SAFE(a), &calls);

				check_site(what, c->id, c->sec[a], n, calls);
			}
		}

		/* the same MSR as a run-time number */
		prep_rd(c);
		cr_assert_eq(site_rd_var(c->addr), exp, "rdmsrq(var %s) (%s)", c->macro, report_fs);
		check_insn("rdmsrq var", c->id, exp_rd_kind(c, fs, patch, true));
		check_trace("rdmsrq var", c->id, false, c->addr, exp, 0);
		prep_rd(c);
		cr_assert_eq(site_rdh_var(c->addr), exp, "rdmsr(var %s) (%s)", c->macro, report_fs);
		check_insn("rdmsr var", c->id, exp_rd_kind(c, fs, patch, true));
		prep_rd(c);
		v = 1;
		cr_assert(site_rds_var(c->addr, &v) == 0 && v == exp, "rdmsrq_safe(var %s) (%s)",
			  c->macro, report_fs);
		check_insn("rdmsrq_safe var", c->id, exp_rd_kind(c, fs, patch, true));
		check_trace("rdmsrq_safe var", c->id, false, c->addr, exp, 0);
		prep_rd(c);
		v = 1;
		cr_assert(site_rdhs_var(c->addr, &v) == 0 && v == exp, "rdmsr_safe(var %s) (%s)",
			  c->macro, report_fs);
		check_insn("rdmsr_safe var", c->id, exp_rd_kind(c, fs, patch, true));
		cr_assert_eq(hlog.warn + hlog.gp, 0, "rd var %s: unexpected fault", c->id);

		if (fs == FS_XENPV && c->kind == K_fixup) {
			prep_rd(c);
			harness_cpu = 1;
			v = site_call_rd(c, RD_Q);
			cr_assert_eq(v, pattern(c->addr) & ~(APIC_X2APIC | APIC_BSP),
				     "rd %s on cpu 1: %#lx", c->id, v);
			cr_assert_eq(site_rd_var(c->addr), v, "rd var %s on cpu 1", c->id);
		}
		if (fs == FS_XENPV && c->kind == K_perf) {
			prep_rd(c);
			harness_pmu_on = true;
			pmu_set(c->addr, 0x5a5a00 + c->addr);
			v = site_call_rd(c, RD_Q);
			cr_assert_eq(v, 0x5a5a00 + c->addr, "rd %s from the vPMU: %#lx", c->id, v);
			cr_assert_eq(site_rd_var(c->addr), v, "rd var %s from the vPMU", c->id);
			cr_assert_eq(ninsn(), 0, "rd %s: vPMU read trapped", c->id);
		}
	}
}

static void check_wr_effect(const char *what, const struct wr_case *c, enum harness_fs fs,
			    uint64_t v)
{
	uint64_t m = 0;

	model_get(c->addr, &m);
	if (fs != FS_XENPV || xen_traps(c->kind, true))
		cr_assert_eq(m, v, "%s %s (%s): model %#lx, expected %#lx", what, c->id,
			     report_fs, m, v);
	else
		cr_assert_eq(m, 0, "%s %s (%s): reached the MSR", what, c->id, report_fs);
	if (fs == FS_XENPV && c->kind == K_call)
		cr_assert(hlog.seg_calls == 1 && hlog.seg_which == c->xarg && hlog.seg_base == v,
			  "%s %s: hypercall %d (%d, %#lx)", what, c->id, hlog.seg_calls,
			  hlog.seg_which, hlog.seg_base);
	else
		cr_assert_eq(hlog.seg_calls, 0, "%s %s: unexpected hypercall", what, c->id);
	cr_assert_eq(hlog.warn + hlog.gp, 0, "%s %s: unexpected fault", what, c->id);
}

static void prep_wr(const struct wr_case *c)
{
	model_reset();
	model_set(c->addr, 0);
	harness_pmu_on = false;
	harness_log_clear();
}

static void run_writes(enum harness_fs fs, bool patch)
{
	start(fs, patch);
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *c = &wr_cases[i];
		int calls;

		cr_assert_eq(!!c->fn[WR_NS], c->ns, "wrmsrns(%s) built: %d, ns %d", c->macro,
			     !!c->fn[WR_NS], c->ns);
		for (int a = 0; a < WR_NAPI; a++) {
			const char *what = wr_api_name[a];
			uint64_t v = pattern(c->addr) + a;
			bool ns = a == WR_NS;

			if (!c->fn[a])
				continue;
			prep_wr(c);
			if (WR_API_SAFE(a))
				cr_assert_eq(site_call_wrs(c, a, v), 0, "%s(%s) (%s)", what, c->macro,
					     report_fs);
			else
				site_call_wr(c, a, v);
			check_wr_effect(what, c, fs, v);
			check_insn(what, c->id, exp_wr_kind(c->kind, fs, patch, ns, false));
			check_trace(what, c->id, true, c->addr, v, 0);
			if (patch) {
				int n = exp_wr_site(c, fs, WR_API_SAFE(a), ns, &calls);

				check_site(what, c->id, c->sec[a], n, calls);
			}
		}

		/* the same MSR as a run-time number */
		for (int a = 0; a < 5; a++) {
			static const char *const what[5] = {
				"wrmsrq var", "wrmsrq_safe var", "wrmsr var", "wrmsr_safe var",
				"wrmsrns var",
			};
			uint64_t v = pattern(c->addr) + 0x10 + a;
			int err = 0;

			prep_wr(c);
			switch (a) {
			case 0: site_wr_var(c->addr, v); break;
			case 1: err = site_wrs_var(c->addr, v); break;
			case 2: site_wrh_var(c->addr, v); break;
			case 3: err = site_wrhs_var(c->addr, v); break;
			case 4: site_wrns_var(c->addr, v); break;
			}
			cr_assert_eq(err, 0, "%s(%s) (%s)", what[a], c->macro, report_fs);
			check_wr_effect(what[a], c, fs, v);
			check_insn(what[a], c->id, exp_wr_kind(c->kind, fs, patch, a == 4, true));
			check_trace(what[a], c->id, true, c->addr, v, 0);
		}

		if (fs == FS_XENPV && c->kind == K_perf) {
			uint64_t pv = 0;

			prep_wr(c);
			pmu_set(c->addr, 0);
			harness_pmu_on = true;
			site_call_wr(c, WR_Q, 0x77);
			cr_assert(pmu_get(c->addr, &pv) && pv == 0x77 && ninsn() == 0,
				  "wr %s to the vPMU", c->id);
			site_wr_var(c->addr, 0x78);
			cr_assert(pmu_get(c->addr, &pv) && pv == 0x78 && ninsn() == 0,
				  "wr var %s to the vPMU", c->id);
		}
	}
}

Test(msr, read_legacy) { run_reads(FS_LEGACY, true); }
Test(msr, read_wrmsrns) { run_reads(FS_WRMSRNS, true); }
Test(msr, read_msr_imm) { run_reads(FS_MSR_IMM, true); }
Test(msr, read_xenpv) { run_reads(FS_XENPV, true); }
Test(msr, read_unpatched_native) { run_reads(FS_MSR_IMM, false); }
Test(msr, read_unpatched_xenpv) { run_reads(FS_XENPV, false); }
Test(msr, write_legacy) { run_writes(FS_LEGACY, true); }
Test(msr, write_wrmsrns) { run_writes(FS_WRMSRNS, true); }
Test(msr, write_msr_imm) { run_writes(FS_MSR_IMM, true); }
Test(msr, write_xenpv) { run_writes(FS_XENPV, true); }
Test(msr, write_unpatched_native) { run_writes(FS_MSR_IMM, false); }
Test(msr, write_unpatched_xenpv) { run_writes(FS_XENPV, false); }

/* With the tracepoints off nothing is traced, and nothing else changes. */
Test(msr, trace_off)
{
	harness_trace_on = false;
	run_reads(FS_MSR_IMM, true);
	run_writes(FS_MSR_IMM, true);
}

/* ---- sites of non-constant numbers ---- */

static void run_var_sites(enum harness_fs fs)
{
	static const int native[V_NAPI] = { 3, 4, 3, 4, 1, 2, 1, 2, 1 };
	static const char *const name[V_NAPI] = {
		"rdmsrq var", "rdmsrq_safe var", "rdmsr var", "rdmsr_safe var", "wrmsrq var",
		"wrmsrq_safe var", "wrmsr var", "wrmsr_safe var", "wrmsrns var",
	};

	start(fs, true);
	for (int a = 0; a < V_NAPI; a++) {
		/* Xen PV: mov %ecx,%edi; mov $safe,%esi; call (reads: 3, writes: 4) */
		int n = fs == FS_XENPV ? (a < V_WR ? 3 : 4) : native[a];

		check_site(name[a], "", var_sec[a], n, fs == FS_XENPV);
	}
}

Test(msr, var_sites_legacy) { run_var_sites(FS_LEGACY); }
Test(msr, var_sites_wrmsrns) { run_var_sites(FS_WRMSRNS); }
Test(msr, var_sites_xenpv) { run_var_sites(FS_XENPV); }

/* ---- faults ---- */

/* Does a read of c under fs reach an instruction? */
static bool rd_can_fault(const struct rd_case *c, enum harness_fs fs)
{
	return fs != FS_XENPV || xen_traps(c->kind, false);
}

/* Does a site fault at its own instruction (not in a stub's C body)? */
static bool at_site(enum xkind kind, enum harness_fs fs, bool patch)
{
	if (kind == K_passthrough)
		return true;
	return patch && fs != FS_XENPV;
}

/*
 * Where the report says the fault was: at the site (the immediate form at
 * +0, the legacy instruction after mov $msr,%ecx at +5, a bare wrmsr at
 * +0), or in the C body a stub called, whose own non-safe entry reports it.
 */
static void check_warn_ip(const char *what, const char *id, uint8_t *const sec[2], bool here,
			  int off, bool wr)
{
	const struct exception_table_entry *e;
	struct site s;

	cr_assert(site_find(sec[0], sec[1], &s));
	if (here) {
		cr_assert_eq((uint8_t *)hlog.warn_ip, s.start + off,
			     "%s %s (%s): reported at %p, site %p + %d", what, id, report_fs,
			     (void *)hlog.warn_ip, s.start, off);
		return;
	}
	cr_assert((uint8_t *)hlog.warn_ip < s.start || (uint8_t *)hlog.warn_ip >= s.end,
		  "%s %s (%s): reported in the site", what, id, report_fs);
	e = search_exception_tables(hlog.warn_ip);
	cr_assert(e && (e->data & EX_DATA_TYPE_MASK) == (wr ? EX_TYPE_WRMSR : EX_TYPE_RDMSR),
		  "%s %s (%s): reported by an entry of type %#x", what, id, report_fs,
		  e ? e->data : 0);
}

static void run_read_faults(enum harness_fs fs, bool patch, bool quiet)
{
	start(fs, patch);
	xen_msr_safe = quiet;
	for (int i = 0; i < n_rd_cases; i++) {
		const struct rd_case *c = &rd_cases[i];
		bool here = at_site(c->kind, fs, patch);
		unsigned long exp_warn = quiet && fs == FS_XENPV ? 0 : 1;
		int off = fs == FS_MSR_IMM && patch && here ? 0 : 5;
		uint64_t fv = exp_fault_read(c, fs);
		uint64_t v;
		int err;

		if (!rd_can_fault(c, fs))
			continue;
		for (int a = 0; a < RD_NAPI; a++) {
			const char *what = rd_api_name[a];

			prep_rd(c);
			model_inject_gp(c->addr, true);
			v = 1;
			if (RD_API_SAFE(a)) {
				err = site_call_rds(c, a, &v);
				cr_assert(err == -EIO && v == fv, "%s(%s) (%s) on #GP: %d %#lx", what,
					  c->macro, report_fs, err, v);
				cr_assert_eq(hlog.warn, 0, "%s %s: reported", what, c->id);
				check_trace(what, c->id, false, c->addr, fv, -EIO);
			} else {
				v = site_call_rd(c, a);
				cr_assert_eq(v, fv, "%s(%s) (%s) on #GP: %#lx", what, c->macro,
					     report_fs, v);
				cr_assert_eq(hlog.warn, exp_warn, "%s(%s) (%s): %lu reports", what,
					     c->macro, report_fs, hlog.warn);
				if (exp_warn) {
					cr_assert_eq(hlog.warn_msr, c->addr,
						     "%s %s (%s): reported MSR %#x", what, c->id,
						     report_fs, hlog.warn_msr);
					check_warn_ip(what, c->id, c->sec[a], here, off, false);
				}
				check_trace(what, c->id, false, c->addr, fv, 0);
			}
			cr_assert_eq(hlog.gp, 1, "%s %s (%s): %lu #GP", what, c->id, report_fs,
				     hlog.gp);
			cr_assert_eq(hlog.n[I_UD2], 0, "%s %s: ud2", what, c->id);
		}

		/* run-time number: the instruction at the site, or the dispatcher */
		prep_rd(c);
		model_inject_gp(c->addr, true);
		v = 1;
		cr_assert(site_rds_var(c->addr, &v) == -EIO && v == fv, "rdmsrq_safe(var %s) on #GP",
			  c->macro);
		cr_assert(hlog.warn == 0 && hlog.gp == 1, "rdmsrq_safe(var %s): %lu %lu", c->macro,
			  hlog.warn, hlog.gp);
		check_trace("rdmsrq_safe var", c->id, false, c->addr, fv, -EIO);
		prep_rd(c);
		model_inject_gp(c->addr, true);
		v = 1;
		cr_assert(site_rdhs_var(c->addr, &v) == -EIO && v == fv, "rdmsr_safe(var %s) on #GP",
			  c->macro);
		prep_rd(c);
		model_inject_gp(c->addr, true);
		cr_assert_eq(site_rd_var(c->addr), fv, "rdmsrq(var %s) on #GP", c->macro);
		cr_assert(hlog.warn == exp_warn && hlog.gp == 1, "rdmsrq(var %s): %lu %lu",
			  c->macro, hlog.warn, hlog.gp);
		if (exp_warn) {
			cr_assert_eq(hlog.warn_msr, c->addr);
			check_warn_ip("rdmsrq var", c->id, var_sec[V_RD], patch && fs != FS_XENPV, 0,
				      false);
		}
		check_trace("rdmsrq var", c->id, false, c->addr, fv, 0);
	}
	xen_msr_safe = false;
}

static void run_write_faults(enum harness_fs fs, bool patch, bool quiet)
{
	start(fs, patch);
	xen_msr_safe = quiet;
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *c = &wr_cases[i];
		bool xq = quiet && fs == FS_XENPV;
		unsigned long exp_warn;

		if (fs == FS_XENPV && !xen_traps(c->kind, true))
			continue;
		for (int a = 0; a < WR_NAPI + 5; a++) {
			bool var = a >= WR_NAPI, safe, here;
			int va = a - WR_NAPI, off = 0, err = 0;
			const char *what = var ? "var" : wr_api_name[a];
			uint64_t v = pattern(c->addr) + a, m = 0;

			if (!var && !c->fn[a])
				continue;
			safe = var ? va == 1 || va == 3 : WR_API_SAFE(a);
			prep_wr(c);
			model_inject_gp(c->addr, true);
			if (var) {
				switch (va) {
				case 0: site_wr_var(c->addr, v); break;
				case 1: err = site_wrs_var(c->addr, v); break;
				case 2: site_wrh_var(c->addr, v); break;
				case 3: err = site_wrhs_var(c->addr, v); break;
				case 4: site_wrns_var(c->addr, v); break;
				}
			} else if (safe) {
				err = site_call_wrs(c, a, v);
			} else {
				site_call_wr(c, a, v);
			}
			cr_assert_eq(err, safe ? -EIO : 0, "%s %d %s (%s) on #GP: %d", what, a,
				     c->id, report_fs, err);
			cr_assert_eq(hlog.gp, 1, "%s %d %s (%s): %lu #GP", what, a, c->id,
				     report_fs, hlog.gp);
			cr_assert_eq(hlog.n[I_UD2], 0, "%s %s: ud2", what, c->id);
			cr_assert(model_get(c->addr, &m) && m == 0, "%s %s: written", what, c->id);
			check_trace(what, c->id, true, c->addr, v, safe ? -EIO : 0);
			if (safe) {
				cr_assert_eq(hlog.warn, 0, "%s %d %s: reported", what, a, c->id);
				continue;
			}
			/* wrmsrns() of a passthrough MSR was never paravirt: reported */
			exp_warn = xq && !(!var && a == WR_NS && c->kind == K_passthrough) ? 0 : 1;
			cr_assert_eq(hlog.warn, exp_warn, "%s %d %s (%s): %lu reports", what, a,
				     c->id, report_fs, hlog.warn);
			if (!exp_warn)
				continue;
			cr_assert(hlog.warn_msr == c->addr && hlog.warn_val == v,
				  "%s %d %s (%s): reported %#x %#lx", what, a, c->id, report_fs,
				  hlog.warn_msr, hlog.warn_val);
			if (var) {
				check_warn_ip(what, c->id, var_sec[V_WR + va], patch && fs != FS_XENPV,
					      0, true);
				continue;
			}
			here = at_site(c->kind, fs, patch);
			/* bare wrmsr: +0; mov $msr,%ecx first: +5; WRMSRNS $imm: +0 */
			if (a == WR_NS || c->kind != K_passthrough)
				off = a == WR_NS && fs == FS_MSR_IMM && patch && here ? 0 : 5;
			check_warn_ip(what, c->id, c->sec[a], here, off, true);
		}
	}
	xen_msr_safe = false;
}

Test(msr, read_faults_legacy) { run_read_faults(FS_LEGACY, true, false); }
Test(msr, read_faults_msr_imm) { run_read_faults(FS_MSR_IMM, true, false); }
Test(msr, read_faults_xenpv) { run_read_faults(FS_XENPV, true, false); }
Test(msr, read_faults_unpatched_native) { run_read_faults(FS_LEGACY, false, false); }
Test(msr, read_faults_unpatched_xenpv) { run_read_faults(FS_XENPV, false, false); }
Test(msr, write_faults_legacy) { run_write_faults(FS_LEGACY, true, false); }
Test(msr, write_faults_wrmsrns) { run_write_faults(FS_WRMSRNS, true, false); }
Test(msr, write_faults_msr_imm) { run_write_faults(FS_MSR_IMM, true, false); }
Test(msr, write_faults_xenpv) { run_write_faults(FS_XENPV, true, false); }
Test(msr, write_faults_unpatched_native) { run_write_faults(FS_LEGACY, false, false); }
Test(msr, write_faults_unpatched_xenpv) { run_write_faults(FS_XENPV, false, false); }

/* xen_msr_safe (7.3's xen_msr_safe=): unreported on Xen PV, reported natively. */
Test(msr, xen_msr_safe_read_xenpv) { run_read_faults(FS_XENPV, true, true); }
Test(msr, xen_msr_safe_read_unpatched_xenpv) { run_read_faults(FS_XENPV, false, true); }
Test(msr, xen_msr_safe_read_native) { run_read_faults(FS_MSR_IMM, true, true); }
Test(msr, xen_msr_safe_write_xenpv) { run_write_faults(FS_XENPV, true, true); }
Test(msr, xen_msr_safe_write_unpatched_xenpv) { run_write_faults(FS_XENPV, false, true); }
Test(msr, xen_msr_safe_write_native) { run_write_faults(FS_MSR_IMM, true, true); }

/* A failing read handler (call) gives its error to the _safe forms, without a #GP. */
Test(msr, xen_call_read_fails)
{
	int n = 0;

	start(FS_XENPV, true);
	harness_test_read_err = -EIO;
	for (int i = 0; i < n_rd_cases; i++) {
		const struct rd_case *c = &rd_cases[i];
		uint64_t v;

		if (c->kind != K_call)
			continue;
		for (int a = 0; a < RD_NAPI; a++) {
			if (!RD_API_SAFE(a))
				continue;
			prep_rd(c);
			v = 1;
			cr_assert_eq(site_call_rds(c, a, &v), -EIO, "%s(%s)", rd_api_name[a],
				     c->macro);
			cr_assert(hlog.gp == 0 && ninsn() == 0, "%s(%s): trapped", rd_api_name[a],
				  c->macro);
			check_trace(rd_api_name[a], c->id, false, c->addr, v, -EIO);
		}
		prep_rd(c);
		cr_assert_eq(site_rds_var(c->addr, &v), -EIO, "rdmsrq_safe(var %s)", c->macro);
		n++;
	}
	harness_test_read_err = 0;
	if (!n)
		cr_skip_test("no call read in this table");
}

/* A refused segment base is reported (WARN) but the write does not fail. */
Test(msr, xen_segment_base_refused_warns)
{
	start(FS_XENPV, true);
	harness_seg_err = -22;
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *c = &wr_cases[i];

		if (c->kind != K_call)
			continue;
		for (int a = 0; a < WR_NAPI; a++) {
			if (!c->fn[a])
				continue;
			harness_log_clear();
			if (WR_API_SAFE(a))
				cr_assert_eq(site_call_wrs(c, a, 1), 0, "%s %s", wr_api_name[a], c->id);
			else
				site_call_wr(c, a, 1);
			cr_assert_eq(harness_warn_count, 1, "%s %s: %d warnings", wr_api_name[a],
				     c->id, harness_warn_count);
			cr_assert_eq(hlog.seg_calls, 1);
		}
		harness_log_clear();
		cr_assert_eq(site_wrs_var(c->addr, 1), 0, "wrmsrq_safe(var %s)", c->macro);
		cr_assert_eq(harness_warn_count, 1, "wrmsrq_safe(var %s): %d warnings", c->macro,
			     harness_warn_count);
	}
	harness_seg_err = 0;
}

/* ---- the C functions the sites call: any MSR number, no trace, no fault of their own ---- */

/* early_rdmsr() (xen false) or xen_pv_rdmsr() of every MSR of the table. */
static void run_c_read(const struct rd_case *c, bool xen, enum harness_fs fs)
{
	const char *name = xen ? "xen_pv_rdmsr" : "early_rdmsr";
	bool traps = fs != FS_XENPV || xen_traps(c->kind, false);
	struct msr_result r;

	for (int safe = 0; safe < 2; safe++) {
		uint64_t exp = exp_read(c, fs);

		prep_rd(c);
		r = xen ? xen_pv_rdmsr(c->addr, safe) : early_rdmsr(c->addr, safe);
		cr_assert(r.val == exp && r.err == 0, "%s(%s, %d): %#lx %ld, expected %#lx 0", name,
			  c->macro, safe, r.val, r.err, exp);
		cr_assert_eq(hlog.ntrace, 0, "%s(%s): traced", name, c->macro);
		if (!traps)
			continue;
		/* A fault: one #GP in the C function; the error if _safe, else a report. */
		prep_rd(c);
		model_inject_gp(c->addr, true);
		r = xen ? xen_pv_rdmsr(c->addr, safe) : early_rdmsr(c->addr, safe);
		cr_assert(r.val == exp_fault_read(c, fs) && r.err == (safe ? -EIO : 0),
			  "%s(%s, %d) on #GP: %#lx %ld", name, c->macro, safe, r.val, r.err);
		cr_assert(hlog.gp == 1 && hlog.n[I_UD2] == 0, "%s(%s): %lu #GP, %lu ud2", name,
			  c->macro, hlog.gp, hlog.n[I_UD2]);
		cr_assert_eq(hlog.warn, !safe, "%s(%s, %d): %lu reports", name, c->macro, safe,
			     hlog.warn);
	}
}

/* early_wrmsr() (xen false) or xen_pv_wrmsr() of every MSR of the table. */
static void run_c_write(const struct wr_case *c, bool xen, enum harness_fs fs)
{
	const char *name = xen ? "xen_pv_wrmsr" : "early_wrmsr";
	uint64_t v = pattern(c->addr) ^ 0xf0f0f0f00f0f0f0fULL;
	bool traps = fs != FS_XENPV || xen_traps(c->kind, true);
	int err;

	for (int safe = 0; safe < 2; safe++) {
		prep_wr(c);
		err = xen ? xen_pv_wrmsr(c->addr, v, safe) : early_wrmsr(c->addr, v, safe);
		cr_assert_eq(err, 0, "%s(%s, %d): error %d", name, c->macro, safe, err);
		check_wr_effect(name, c, fs, v);
		cr_assert_eq(hlog.ntrace, 0, "%s(%s): traced", name, c->macro);
		if (!traps)
			continue;
		prep_wr(c);
		model_inject_gp(c->addr, true);
		err = xen ? xen_pv_wrmsr(c->addr, v, safe) : early_wrmsr(c->addr, v, safe);
		cr_assert_eq(err, safe ? -EIO : 0, "%s(%s, %d) on #GP: %d", name, c->macro, safe,
			     err);
		cr_assert(hlog.gp == 1 && hlog.n[I_UD2] == 0, "%s(%s): %lu #GP, %lu ud2", name,
			  c->macro, hlog.gp, hlog.n[I_UD2]);
		cr_assert_eq(hlog.warn, !safe, "%s(%s, %d): %lu reports", name, c->macro, safe,
			     hlog.warn);
		if (!safe)
			cr_assert(hlog.warn_msr == c->addr && hlog.warn_val == v,
				  "%s(%s): reported %#x %#lx", name, c->macro, hlog.warn_msr,
				  hlog.warn_val);
	}
}

/* The early functions natively and on Xen PV, the Xen ones on Xen PV. */
static void run_c_functions(enum harness_fs fs)
{
	start(fs, false);
	for (int i = 0; i < n_rd_cases; i++) {
		run_c_read(&rd_cases[i], false, fs);
		if (fs == FS_XENPV)
			run_c_read(&rd_cases[i], true, fs);
	}
	for (int i = 0; i < n_wr_cases; i++) {
		run_c_write(&wr_cases[i], false, fs);
		if (fs == FS_XENPV)
			run_c_write(&wr_cases[i], true, fs);
	}
}

Test(msr, c_functions_native) { run_c_functions(FS_LEGACY); }
Test(msr, c_functions_xenpv) { run_c_functions(FS_XENPV); }

/* ---- encodings of the replacements (Intel SDM) ---- */

static void expect_imm(const uint8_t *p, bool write, uint32_t msr)
{
	/* VEX3: c4, ~R~X~B=111 map=00111, W=0 ~vvvv=1111 L=0 pp (F2=11, F3=10) */
	uint8_t e[9] = { 0xc4, 0xe0 | 0x07, 0x78 | (write ? 2 : 3), 0xf6, 0xc0 };

	memcpy(e + 5, &msr, 4);
	cr_assert_arr_eq(p, e, 9, "immediate %s of %#x: %02x %02x %02x %02x %02x",
			 write ? "WRMSRNS" : "RDMSR", msr, p[0], p[1], p[2], p[3], p[4]);
}

static bool bytes_are(const uint8_t *p, int len, const char *hex)
{
	int n = (int)strlen(hex) / 2;

	if (len != n)
		return false;
	for (int i = 0; i < n; i++) {
		unsigned int b;

		sscanf(hex + 2 * i, "%2x", &b);
		if (p[i] != b)
			return false;
	}
	return true;
}

/*
 * The safe argument of a call at p, in %esi (reads) or %edx (writes):
 * xor %reg,%reg or mov $1,%reg.  Returns its length, or 0 if it is neither.
 */
static int safe_arg(const uint8_t *p, bool wr)
{
	uint8_t x = wr ? 0xd2 : 0xf6, m = wr ? 0xba : 0xbe, one[] = { 1, 0, 0, 0 };

	if (p[0] == 0x31 && p[1] == x)
		return 2;
	return p[0] == m && !memcmp(p + 1, one, 4) ? 5 : 0;
}

/*
 * The call of a site, from head (mov $msr,%edi for a constant number, mov
 * %ecx,%edi for a run-time one): then the safe argument and call (reads),
 * or mov %rax,%rsi, the safe argument and call (writes).  Returns its
 * length, or 0; len is the bytes there (NOPs may follow).
 */
static int site_call(const uint8_t *p, int len, bool var)
{
	static const uint8_t mov_val[] = { 0x48, 0x89, 0xc6 };
	int h = var ? 2 : 5, n;

	if (len < h + 7 || (var ? p[0] != 0x89 || p[1] != 0xcf : p[0] != 0xbf))
		return 0;
	n = safe_arg(p + h, false);
	if (n && p[h + n] == 0xe8)
		return h + n + 5;
	if (len < h + 10 || memcmp(p + h, mov_val, 3))
		return 0;
	n = safe_arg(p + h + 3, true);
	return n && p[h + 3 + n] == 0xe8 && h + 3 + n + 5 <= len ? h + 3 + n + 5 : 0;
}

static bool msr_call(const uint8_t *p, int len)
{
	return site_call(p, len, false) > 0;
}

static bool var_call(const uint8_t *p, int len)
{
	return site_call(p, len, true) > 0;
}

Test(msr, replacement_encodings)
{
	int imm_rd = 0, imm_wr = 0, ns = 0, always = 0, xen = 0;

	for (struct alt_instr *a = harness_alt_start; a < harness_alt_end; a++) {
		const uint8_t *r = (uint8_t *)&a->repl_offset + a->repl_offset;
		const uint8_t *o = (uint8_t *)&a->instr_offset + a->instr_offset;
		unsigned int ft = a->ft_flags & 0xffff;
		int rl = a->replacementlen;
		uint32_t msr;

		cr_assert_eq(a->ft_flags >> 16, 0, "unexpected alternative flags");
		if (ft == X86_FEATURE_MSR_IMM) {
			cr_assert(rl == 9 || rl == 11, "immediate replacement of %d bytes", rl);
			memcpy(&msr, r + 5, 4);
			expect_imm(r, r[2] == 0x7a, msr);
			/* _safe reads: xor %edx,%edx after it */
			if (rl == 11)
				cr_assert(r[2] == 0x7b && r[9] == 0x31 && r[10] == 0xd2,
					  "immediate %#x: %02x %02x after it", msr, r[9], r[10]);
			imm_rd += r[2] == 0x7b;
			imm_wr += r[2] == 0x7a;
		} else if (ft == X86_FEATURE_WRMSRNS) {
			/* mov $msr,%ecx; WRMSRNS, or WRMSRNS alone (run-time number) */
			cr_assert((rl == 8 && r[0] == 0xb9 && bytes_are(r + 5, 3, "0f01c6")) ||
				  bytes_are(r, rl, "0f01c6"), "WRMSRNS replacement of %d bytes", rl);
			ns++;
		} else if (ft == X86_FEATURE_ALWAYS) {
			/* over an early call: the legacy instruction */
			cr_assert(msr_call(o, a->instrlen) || var_call(o, a->instrlen),
				  "ALWAYS entry over %02x %02x %02x", o[0], o[1], o[2]);
			cr_assert(r[0] == 0xb9 || bytes_are(r, rl, "0f30") ||
				  bytes_are(r, rl, "3e0f30") || bytes_are(r, rl, "0f3031c0") ||
				  bytes_are(r, rl, "0f3248c1e2204809d0") ||
				  bytes_are(r, rl, "0f3248c1e2204809d031d2"),
				  "ALWAYS replacement %02x %02x (%d bytes)", r[0], r[1], rl);
			cr_assert(!msr_call(o, a->instrlen) || r[0] != 0xb9 || !memcmp(o + 1, r + 1, 4),
				  "early call and legacy form name different MSRs");
			always++;
		} else {
			cr_assert_eq(ft, X86_FEATURE_XENPV, "unknown feature %u", ft);
			cr_assert(rl == 0 || r[0] == 0xb9 || msr_call(r, rl) || var_call(r, rl) ||
				  (rl == 5 && r[0] == 0xb8) || (rl == 7 && r[0] == 0xb8) ||
				  (rl == 10 && r[0] == 0x48 && r[1] == 0xb8) ||
				  (rl == 12 && r[0] == 0x48 && r[1] == 0xb8) ||
				  bytes_are(r, rl, "31c0"),
				  "unexpected Xen PV replacement %02x (%d bytes)", r[0], rl);
			cr_assert(!msr_call(r, rl) || !memcmp(o + 1, r + 1, 4),
				  "Xen PV call and early call name different MSRs");
			xen++;
		}
	}
	cr_assert_gt(imm_rd, 0, "no immediate RDMSR emitted");
	cr_assert_gt(imm_wr, 0, "no immediate WRMSRNS emitted");
	cr_assert_gt(ns, 0, "no WRMSRNS emitted");
	cr_assert_gt(always, 0, "no early call patched");
	cr_assert_gt(xen, 0, "no Xen PV replacement");
}

/* ---- exception table ---- */

/* Is e inside [ss, se)? */
static bool ex_in(const struct exception_table_entry *e, uint8_t *const sec[2])
{
	uint8_t *p = (uint8_t *)&e->insn + e->insn;

	return sec[0] && p >= sec[0] && p < sec[1];
}

/*
 * Every entry continues just after its site: at the end of the
 * alternatives' site it lies in, else after its instruction (and the xor
 * of a _safe form).  EX_FLAG_MSR_PV only on non-safe entries, and exactly
 * on those of the constant-number accessors.
 */
Test(msr, extable_targets)
{
	int n = 0, flagged = 0;

	for (struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++) {
		uint8_t *insn = (uint8_t *)&e->insn + e->insn, *fix = (uint8_t *)&e->fixup + e->fixup;
		uint8_t *end = NULL;
		int type = e->data & EX_DATA_TYPE_MASK;
		bool safe = type == EX_TYPE_RDMSR_SAFE || type == EX_TYPE_WRMSR_SAFE;

		cr_assert(type >= EX_TYPE_WRMSR && type <= EX_TYPE_RDMSR_SAFE, "type %d", type);
		cr_assert_eq(e->data & ~(EX_DATA_TYPE_MASK | EX_DATA_REG_MASK | FLAG_MSR_PV), 0,
			     "entry data %#x", e->data);
		if (e->data & FLAG_MSR_PV) {
			cr_assert(!safe, "EX_FLAG_MSR_PV on a _safe entry");
			flagged++;
		}
		cr_assert(safe || !(e->data & EX_DATA_REG_MASK), "register on a non-safe entry");
		for (struct alt_instr *a = harness_alt_start; a < harness_alt_end; a++) {
			uint8_t *o = (uint8_t *)&a->instr_offset + a->instr_offset;

			if (insn >= o && insn < o + a->instrlen && (!end || o + a->instrlen > end))
				end = o + a->instrlen;
		}
		if (!end) {
			int l = insn_len(insn);

			cr_assert(l == 2 && insn[0] == 0x0f && (insn[1] == 0x30 || insn[1] == 0x32),
				  "entry at %p outside a site: %02x %02x", insn, insn[0], insn[1]);
			end = insn + 2;
			if (safe) {
				cr_assert_eq(end[0], 0x31, "_safe entry without xor after it");
				end += 2;
			}
		}
		cr_assert_eq(fix, end, "entry at %p continues at %+ld, its site ends at %+ld",
			     insn, (long)(fix - insn), (long)(end - insn));
		n++;
	}
	cr_assert_gt(n, 0);
	cr_assert_gt(flagged, 0);

	for (int i = 0; i < n_rd_cases; i++)
		for (int a = 0; a < RD_NAPI; a++) {
			int k = 0;

			for (struct exception_table_entry *e = __start___ex_table;
			     e < __stop___ex_table; e++) {
				if (!ex_in(e, rd_cases[i].sec[a]))
					continue;
				cr_assert_eq(e->data & ~EX_DATA_REG_MASK,
					     RD_API_SAFE(a) ? EX_TYPE_RDMSR_SAFE
							    : EX_TYPE_RDMSR | FLAG_MSR_PV,
					     "%s(%s): entry data %#x", rd_api_name[a],
					     rd_cases[i].macro, e->data);
				k++;
			}
			cr_assert_eq(k, 2, "%s(%s): %d entries (the +0 and +5 of a site)",
				     rd_api_name[a], rd_cases[i].macro, k);
		}
	for (int i = 0; i < n_wr_cases; i++)
		for (int a = 0; a < WR_NAPI; a++) {
			const struct wr_case *c = &wr_cases[i];
			int k = 0;

			if (!c->fn[a])
				continue;
			for (struct exception_table_entry *e = __start___ex_table;
			     e < __stop___ex_table; e++) {
				if (!ex_in(e, c->sec[a]))
					continue;
				cr_assert_eq(e->data & ~EX_DATA_REG_MASK,
					     WR_API_SAFE(a) ? EX_TYPE_WRMSR_SAFE :
					     a == WR_NS && c->kind == K_passthrough ? EX_TYPE_WRMSR :
					     EX_TYPE_WRMSR | FLAG_MSR_PV,
					     "%s(%s): entry data %#x", wr_api_name[a], c->macro,
					     e->data);
				k++;
			}
			/* a bare wrmsr: one entry; a site: two */
			cr_assert_eq(k, a != WR_NS && c->kind == K_passthrough ? 1 : 2,
				     "%s(%s): %d entries", wr_api_name[a], c->macro, k);
		}
}

/* The decoder is asked only where an immediate form may be (MSR_IMM). */
Test(msr, decoder_only_with_msr_imm)
{
	const struct rd_case *c = &rd_cases[0];

	start(FS_WRMSRNS, true);
	prep_rd(c);
	model_inject_gp(c->addr, true);
	harness_insn_decodes = 0;
	site_call_rd(c, RD_Q);
	cr_assert(hlog.warn == 1 && hlog.warn_msr == c->addr);
	cr_assert_eq(harness_insn_decodes, 0, "decoded without MSR_IMM");
	harness_patch(FS_MSR_IMM);
	prep_rd(c);
	model_inject_gp(c->addr, true);
	harness_insn_decodes = 0;
	site_call_rd(c, RD_Q);
	cr_assert(hlog.warn == 1 && hlog.warn_msr == c->addr);
	cr_assert_eq(harness_insn_decodes, 1, "%lu decodes (the MSR, no value for a read)",
		     harness_insn_decodes);
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *w = &wr_cases[i];

		if (!w->ns || w->kind != K_passthrough)
			continue;
		prep_wr(w);
		model_inject_gp(w->addr, true);
		harness_insn_decodes = 0;
		site_call_wr(w, WR_NS, 0x0123456789abcdefULL);
		cr_assert(hlog.n[I_WRMSRNS_IMM] == 1 && hlog.warn == 1 && hlog.warn_msr == w->addr &&
			  hlog.warn_val == 0x0123456789abcdefULL, "wrmsrns(%s): %#x %#lx", w->macro,
			  hlog.warn_msr, hlog.warn_val);
		cr_assert_eq(harness_insn_decodes, 2, "%lu decodes (the MSR and the value)",
			     harness_insn_decodes);
		return;
	}
	cr_assert_fail("no nonserializing passthrough MSR in the table");
}

/*
 * xen_msr_safe quiets only what went through pv_ops in 7.3 (the entries
 * with EX_FLAG_MSR_PV): a fault of native_read_msr() or native_write_msr()
 * is reported on Xen PV all the same, as 7.3 reports it.
 */
Test(msr, xen_msr_safe_native_reported)
{
	const struct rd_case *c = &rd_cases[0];

	start(FS_XENPV, true);
	xen_msr_safe = true;
	prep_rd(c);
	model_inject_gp(c->addr, true);
	cr_assert_eq(site_native_rd(c->addr), 0);
	cr_assert(hlog.gp == 1 && hlog.warn == 1 && hlog.warn_msr == c->addr,
		  "native_read_msr(%s): %lu #GP, %lu reports", c->macro, hlog.gp, hlog.warn);
	prep_rd(c);
	model_inject_gp(c->addr, true);
	site_native_wr(c->addr, 0x1234);
	cr_assert(hlog.gp == 1 && hlog.warn == 1 && hlog.warn_msr == c->addr &&
		  hlog.warn_val == 0x1234, "native_write_msr(%s): %lu #GP, %lu reports",
		  c->macro, hlog.gp, hlog.warn);
	prep_rd(c);
	model_inject_gp(c->addr, true);
	cr_assert_eq(site_call_rd(c, RD_Q), exp_fault_read(c, FS_XENPV));
	cr_assert(hlog.gp == 1 && hlog.warn == 0, "rdmsrq(%s): %lu #GP, %lu reports", c->macro,
		  hlog.gp, hlog.warn);
}
