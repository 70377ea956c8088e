// SPDX-License-Identifier: GPL-2.0
/*
 * Criterion tests of the generated linux-7.3 MSR accessors, for every
 * register of the table and every feature set.  Each test runs in its own
 * process (Criterion forks), so each patches the text once.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *report_fs = "";

#include "harness.h"
#include "sites.h"

#define EIO 5
#define APIC_X2APIC	(1ULL << 10)
#define APIC_BSP	(1ULL << 8)

static uint64_t pattern(uint32_t msr)
{
	return 0x8877665544332211ULL ^ ((uint64_t)msr << 20) ^ msr;
}

static void setup(void)
{
	harness_init();
}

TestSuite(msr, .init = setup);

static unsigned long ninsn(void)
{
	unsigned long n = 0;

	for (int i = 0; i < I_COUNT; i++)
		n += hlog.n[i];
	return n;
}

/* ---- expected site shapes (docs/emit-linux.md) ---- */

static int exp_rd_insns(const struct rd_case *c, enum harness_fs fs)
{
	if (fs == FS_XENPV)
		return c->kind == K_passthrough ? 4 : 1;
	return fs == FS_MSR_IMM ? 1 : 4;
}

static int exp_wr_insns(const struct wr_case *c, enum harness_fs fs)
{
	if (fs == FS_XENPV)
		return c->kind == K_passthrough ? 4 : c->kind == K_ignore ? 0 : 1;
	return fs == FS_MSR_IMM && c->ns ? 1 : 4;
}

static bool rd_stub(enum xkind k)
{
	return k == K_call || k == K_perf || k == K_fixup;
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
	cr_assert_eq(n, exp, "%s %s: %d instructions at the site, expected %d", what, id, n, exp);
	cr_assert_eq(calls, exp_calls, "%s %s: %d calls at the site, expected %d", what, id,
		     calls, exp_calls);
	cr_assert_leq(nops, 2, "%s %s: %d NOPs (expected at most two optimized NOPs)", what, id,
		      nops);
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

static void check_rd_insn(const struct rd_case *c, enum harness_fs fs)
{
	cr_assert_eq(hlog.bad, 0, "rd %s: an instruction the platform lacks ran", c->id);
	if (fs == FS_XENPV) {
		unsigned long exp = c->kind == K_passthrough || c->kind == K_perf ||
				    c->kind == K_fixup;

		cr_assert_eq(hlog.n[I_RDMSR], exp, "rd %s: %lu RDMSR under Xen PV", c->id,
			     hlog.n[I_RDMSR]);
		cr_assert_eq(ninsn(), exp, "rd %s: other MSR instructions under Xen PV", c->id);
	} else if (fs == FS_MSR_IMM) {
		cr_assert_eq(hlog.n[I_RDMSR_IMM], 1, "rd %s: immediate RDMSR not used", c->id);
		cr_assert_eq(ninsn(), 1, "rd %s", c->id);
	} else {
		cr_assert_eq(hlog.n[I_RDMSR], 1, "rd %s: RDMSR not used", c->id);
		cr_assert_eq(ninsn(), 1, "rd %s", c->id);
	}
}

static void run_reads(enum harness_fs fs, bool patch)
{
	report_fs = harness_fs_name[fs];
	if (patch)
		harness_patch(fs);
	else
		harness_set_caps(fs);
	for (int i = 0; i < n_rd_cases; i++) {
		const struct rd_case *c = &rd_cases[i];
		uint64_t exp = exp_read(c, fs), v;
		int err;

		model_reset();
		model_set(c->addr, pattern(c->addr));
		harness_pmu_on = false;
		harness_cpu = 0;

		harness_log_clear();
		v = c->rd();
		cr_assert_eq(v, exp, "rd %s (%s): %#lx, expected %#lx", c->id,
			     harness_fs_name[fs], v, exp);
		if (patch) {
			check_rd_insn(c, fs);
			check_site("rd", c->id, c->sec, exp_rd_insns(c, fs),
				   fs == FS_XENPV && rd_stub(c->kind));
			check_site("rdmsrq", c->id, c->secq, exp_rd_insns(c, fs),
				   fs == FS_XENPV && rd_stub(c->kind));
		}
		v = ~0ULL;
		err = c->rds(&v);
		cr_assert(err == 0 && v == exp, "rd_safe %s (%s): %d %#lx", c->id,
			  harness_fs_name[fs], err, v);
		cr_assert_eq(c->rdq(), exp, "rdmsrq(%s) (%s)", c->macro, harness_fs_name[fs]);
		cr_assert(c->rdqs(&v) == 0 && v == exp, "rdmsrq_safe(%s)", c->macro);
		cr_assert_eq(harness_generic_calls, 0, "rdmsrq(%s): generic path taken", c->macro);
		cr_assert_eq(hlog.warn + hlog.gp, 0, "rd %s: unexpected fault", c->id);

		if (fs == FS_XENPV && c->kind == K_fixup) {
			harness_cpu = 1;
			v = c->rd();
			cr_assert_eq(v, pattern(c->addr) & ~(APIC_X2APIC | APIC_BSP),
				     "rd %s on cpu 1: %#lx", c->id, v);
		}
		if (fs == FS_XENPV && c->kind == K_perf) {
			harness_pmu_on = true;
			pmu_set(c->addr, 0x5a5a00 + c->addr);
			harness_log_clear();
			v = c->rd();
			cr_assert_eq(v, 0x5a5a00 + c->addr, "rd %s from the vPMU: %#lx", c->id, v);
			cr_assert_eq(ninsn(), 0, "rd %s: vPMU read trapped", c->id);
		}
	}
}

static void check_wr_effect(const struct wr_case *c, enum harness_fs fs, uint64_t v)
{
	uint64_t m = 0;

	model_get(c->addr, &m);
	cr_assert_eq(hlog.bad, 0, "wr %s: an instruction the platform lacks ran", c->id);
	if (fs != FS_XENPV || c->kind == K_passthrough || c->kind == K_perf) {
		cr_assert_eq(m, v, "wr %s (%s): model %#lx, expected %#lx", c->id,
			     harness_fs_name[fs], m, v);
		cr_assert_eq(ninsn(), 1, "wr %s (%s): %lu MSR instructions", c->id,
			     harness_fs_name[fs], ninsn());
	} else {
		cr_assert_eq(m, 0, "wr %s (%s): reached the MSR", c->id, harness_fs_name[fs]);
		cr_assert_eq(ninsn(), 0, "wr %s (%s): MSR instruction ran", c->id,
			     harness_fs_name[fs]);
	}
	if (fs == FS_XENPV && c->kind == K_call) {
		cr_assert(hlog.seg_calls == 1 && hlog.seg_which == c->xarg && hlog.seg_base == v,
			  "wr %s: hypercall %d (%d, %#lx)", c->id, hlog.seg_calls,
			  hlog.seg_which, hlog.seg_base);
	} else {
		cr_assert_eq(hlog.seg_calls, 0, "wr %s: unexpected hypercall", c->id);
	}
}

static void check_wr_insn(const struct wr_case *c, enum harness_fs fs)
{
	if (fs == FS_XENPV) {
		cr_assert_eq(hlog.n[I_WRMSR], ninsn(), "wr %s: non-legacy under Xen PV", c->id);
	} else if (fs == FS_MSR_IMM && c->ns) {
		cr_assert_eq(hlog.n[I_WRMSRNS_IMM], 1, "wr %s: immediate WRMSRNS not used", c->id);
	} else if (fs >= FS_WRMSRNS && c->ns) {
		cr_assert_eq(hlog.n[I_WRMSRNS], 1, "wr %s: WRMSRNS not used", c->id);
	} else {
		cr_assert_eq(hlog.n[I_WRMSR], 1, "wr %s: WRMSR not used", c->id);
	}
}

static void run_writes(enum harness_fs fs, bool patch)
{
	report_fs = harness_fs_name[fs];
	if (patch)
		harness_patch(fs);
	else
		harness_set_caps(fs);
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *c = &wr_cases[i];
		void (*const wr[2])(uint64_t) = { c->wr, c->wrq };
		int (*const wrs[2])(uint64_t) = { c->wrs, c->wrqs };

		harness_pmu_on = false;
		for (int k = 0; k < 2; k++) {
			uint64_t v = pattern(c->addr) + k;

			model_reset();
			model_set(c->addr, 0);
			harness_log_clear();
			wr[k](v);
			check_wr_effect(c, fs, v);
			if (patch)
				check_wr_insn(c, fs);

			model_set(c->addr, 0);
			harness_log_clear();
			cr_assert_eq(wrs[k](v + 2), 0, "wr_safe %s", c->id);
			check_wr_effect(c, fs, v + 2);
			cr_assert_eq(harness_generic_calls, 0, "wrmsrq(%s): generic path", c->macro);
			cr_assert_eq(hlog.warn + hlog.gp, 0, "wr %s: unexpected fault", c->id);
		}
		if (patch) {
			check_site("wr", c->id, c->sec, exp_wr_insns(c, fs),
				   fs == FS_XENPV && rd_stub(c->kind));
			check_site("wrmsrq", c->id, c->secq, exp_wr_insns(c, fs),
				   fs == FS_XENPV && rd_stub(c->kind));
		}
		if (fs == FS_XENPV && c->kind == K_perf) {
			pmu_set(c->addr, 0);
			harness_pmu_on = true;
			model_set(c->addr, 0);
			harness_log_clear();
			c->wr(0x77);
			uint64_t pv = 0;

			cr_assert(pmu_get(c->addr, &pv) && pv == 0x77 && ninsn() == 0,
				  "wr %s to the vPMU", c->id);
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

/* ---- faults ---- */

/* Does a read of c under fs reach an instruction (or a failing handler)? */
static bool rd_can_fault(const struct rd_case *c, enum harness_fs fs)
{
	return fs != FS_XENPV || c->kind != K_ignore;
}

/* Offset in the site of the instruction that faults (or the stub call). */
static int rd_fault_off(const struct rd_case *c, enum harness_fs fs, bool patch)
{
	if (!patch)
		return c->kind == K_passthrough ? 5 : 0;
	if (fs == FS_XENPV)
		return rd_stub(c->kind) ? 0 : 5;
	return fs == FS_MSR_IMM ? 0 : 5;
}

static void run_read_faults(enum harness_fs fs, bool patch)
{
	if (patch)
		harness_patch(fs);
	else
		harness_set_caps(fs);
	for (int i = 0; i < n_rd_cases; i++) {
		const struct rd_case *c = &rd_cases[i];
		uint64_t v;
		struct site s;
		int err;

		if (!rd_can_fault(c, fs))
			continue;
		model_reset();
		model_set(c->addr, pattern(c->addr));
		model_inject_gp(c->addr, true);
		harness_pmu_on = false;
		harness_test_read_err = fs == FS_XENPV && c->kind == K_call ? -EIO : 0;

		harness_log_clear();
		v = 1;
		err = c->rds(&v);
		cr_assert(err == -EIO && v == 0, "rd_safe %s (%s) on #GP: %d %#lx", c->id,
			  harness_fs_name[fs], err, v);
		cr_assert_eq(hlog.warn, 0, "rd_safe %s: reported", c->id);
		v = 1;
		cr_assert(c->rdqs(&v) == -EIO && v == 0, "rdmsrq_safe(%s) on #GP", c->macro);

		harness_log_clear();
		v = c->rd();
		cr_assert_eq(v, 0, "rd %s (%s) on #GP: %#lx", c->id, harness_fs_name[fs], v);
		cr_assert_eq(hlog.warn, 1, "rd %s (%s): fault not reported", c->id,
			     harness_fs_name[fs]);
		cr_assert_eq(hlog.warn_msr, c->addr, "rd %s (%s): reported MSR %#x", c->id,
			     harness_fs_name[fs], hlog.warn_msr);
		cr_assert_eq(hlog.n[I_UD2], rd_fault_off(c, fs, patch) == 0 && !(patch && fs == FS_MSR_IMM),
			     "rd %s (%s): %lu rewinds", c->id, harness_fs_name[fs], hlog.n[I_UD2]);
		cr_assert(site_find(c->sec[0], c->sec[1], &s));
		cr_assert_eq((uint8_t *)hlog.warn_ip, s.start + rd_fault_off(c, fs, patch),
			     "rd %s (%s): reported at %p, site %p", c->id, harness_fs_name[fs],
			     (void *)hlog.warn_ip, s.start);
		harness_test_read_err = 0;
	}
}

static void run_write_faults(enum harness_fs fs, bool patch)
{
	if (patch)
		harness_patch(fs);
	else
		harness_set_caps(fs);
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *c = &wr_cases[i];
		uint64_t v = pattern(c->addr);

		if (fs == FS_XENPV && (c->kind == K_ignore || c->kind == K_call))
			continue;
		model_reset();
		model_set(c->addr, 0);
		model_inject_gp(c->addr, true);
		harness_pmu_on = false;

		harness_log_clear();
		cr_assert_eq(c->wrs(v), -EIO, "wr_safe %s (%s) on #GP", c->id, harness_fs_name[fs]);
		cr_assert_eq(c->wrqs(v), -EIO, "wrmsrq_safe(%s) on #GP", c->macro);
		cr_assert_eq(hlog.warn, 0, "wr_safe %s: reported", c->id);

		harness_log_clear();
		c->wr(v);
		cr_assert_eq(hlog.warn, 1, "wr %s (%s): fault not reported", c->id,
			     harness_fs_name[fs]);
		cr_assert(hlog.warn_msr == c->addr && hlog.warn_val == v,
			  "wr %s (%s): reported %#x %#lx", c->id, harness_fs_name[fs],
			  hlog.warn_msr, hlog.warn_val);
	}
}

Test(msr, read_faults_legacy) { run_read_faults(FS_LEGACY, true); }
Test(msr, read_faults_msr_imm) { run_read_faults(FS_MSR_IMM, true); }
Test(msr, read_faults_xenpv) { run_read_faults(FS_XENPV, true); }
Test(msr, read_faults_unpatched_native) { run_read_faults(FS_LEGACY, false); }
Test(msr, read_faults_unpatched_xenpv) { run_read_faults(FS_XENPV, false); }
Test(msr, write_faults_legacy) { run_write_faults(FS_LEGACY, true); }
Test(msr, write_faults_wrmsrns) { run_write_faults(FS_WRMSRNS, true); }
Test(msr, write_faults_msr_imm) { run_write_faults(FS_MSR_IMM, true); }
Test(msr, write_faults_xenpv) { run_write_faults(FS_XENPV, true); }
Test(msr, write_faults_unpatched_native) { run_write_faults(FS_LEGACY, false); }
Test(msr, write_faults_unpatched_xenpv) { run_write_faults(FS_XENPV, false); }

/* A refused segment base is reported (WARN) but the write does not fail. */
Test(msr, xen_segment_base_refused_warns)
{
	harness_patch(FS_XENPV);
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *c = &wr_cases[i];

		if (c->kind != K_call)
			continue;
		harness_log_clear();
		cr_assert_eq(c->wrs(1), 0, "wr_safe %s", c->id);
		cr_assert_eq(harness_warn_count, 0);
	}
}

/* ---- stubs preserve every register the site does not declare ---- */

static void check_preserve(const char *what, const char *id, void (*stub)(void), bool write)
{
	uint64_t out[16];

	for (int mis = 0; mis < 2; mis++) {
		harness_log_clear();
		harness_call_preserve((void *)stub, 0x1234567887654321ULL, out, mis);
		for (int r = 3; r < 16; r++) {
			if (r == 4) {
				cr_assert_eq(out[4], 0, "%s %s: %%rsp moved by %ld", what, id,
					     (long)out[4]);
				continue;
			}
			cr_assert_eq(out[r], HARNESS_PATTERN(r),
				     "%s %s (misalign %d): GPR %d clobbered: %#lx", what, id, mis,
				     r, out[r]);
		}
		if (write)
			cr_assert_eq(out[0], 0x1234567887654321ULL,
				     "%s %s: %%rax (the value) clobbered", what, id);
	}
}

static void run_preserve(enum harness_fs fs)
{
	harness_set_caps(fs);
	harness_pmu_on = false;
	for (int i = 0; i < n_rd_cases; i++) {
		const struct rd_case *c = &rd_cases[i];

		model_reset();
		model_set(c->addr, pattern(c->addr));
		if (c->dstub)
			check_preserve("dyn rd", c->id, c->dstub, false);
		if (c->xstub && fs == FS_XENPV)
			check_preserve("xen rd", c->id, c->xstub, false);
		cr_assert_eq(!!c->xstub, rd_stub(c->kind), "rd %s: Xen stub presence", c->id);
		cr_assert_eq(!!c->dstub, c->kind != K_passthrough, "rd %s: dyn stub", c->id);
	}
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *c = &wr_cases[i];

		model_reset();
		model_set(c->addr, 0);
		if (c->dstub)
			check_preserve("dyn wr", c->id, c->dstub, true);
		if (c->xstub && fs == FS_XENPV)
			check_preserve("xen wr", c->id, c->xstub, true);
		cr_assert_eq(!!c->xstub, rd_stub(c->kind), "wr %s: Xen stub presence", c->id);
		cr_assert_eq(!!c->dstub, c->kind != K_passthrough, "wr %s: dyn stub", c->id);
	}
}

Test(msr, stubs_preserve_native) { run_preserve(FS_LEGACY); }
Test(msr, stubs_preserve_xenpv) { run_preserve(FS_XENPV); }

/* ---- non-constant numbers take the generic path ---- */

Test(msr, dispatch_variable_number)
{
	harness_patch(FS_MSR_IMM);
	for (int i = 0; i < n_rd_cases; i++) {
		const struct rd_case *c = &rd_cases[i];
		uint64_t v;

		model_reset();
		model_set(c->addr, pattern(c->addr));
		harness_log_clear();
		cr_assert_eq(site_rd_var(c->addr), pattern(c->addr));
		cr_assert_eq(site_rds_var(c->addr, &v), 0);
		cr_assert_eq(v, pattern(c->addr));
		cr_assert_eq(harness_generic_calls, 2, "%s: generic path not taken", c->id);
		cr_assert_eq(hlog.n[I_RDMSR], 2, "%s: generic path is the legacy RDMSR", c->id);
	}
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *c = &wr_cases[i];
		uint64_t v = 0;

		model_reset();
		model_set(c->addr, 0);
		harness_log_clear();
		site_wr_var(c->addr, 5);
		cr_assert(model_get(c->addr, &v) && v == 5);
		cr_assert_eq(site_wrs_var(c->addr, 6), 0);
		cr_assert_eq(harness_generic_calls, 2, "%s: generic path not taken", c->id);
	}
}

/* ---- encodings of the replacements (Intel SDM) ---- */

static void expect_imm(const uint8_t *p, bool write, uint32_t msr)
{
	/* VEX3: c4, ~R~X~B=111 map=00111, W=0 ~vvvv=1111 L=0 pp (F2=11, F3=10) */
	uint8_t e[9] = { 0xc4, 0xe0 | 0x07, 0x78 | (write ? 2 : 3), 0xf6, 0xc0 };

	memcpy(e + 5, &msr, 4);
	cr_assert_arr_eq(p, e, 9, "immediate %s of %#x: %02x %02x %02x %02x %02x",
			 write ? "WRMSRNS" : "RDMSR", msr, p[0], p[1], p[2], p[3], p[4]);
}

Test(msr, replacement_encodings)
{
	int imm_rd = 0, imm_wr = 0, ns = 0;

	for (struct alt_instr *a = harness_alt_start; a < harness_alt_end; a++) {
		const uint8_t *r = (uint8_t *)&a->repl_offset + a->repl_offset;
		const uint8_t *o = (uint8_t *)&a->instr_offset + a->instr_offset;
		unsigned int ft = a->ft_flags & 0xffff;
		uint32_t msr;

		cr_assert_eq(a->ft_flags >> 16, 0, "unexpected alternative flags");
		if (ft == X86_FEATURE_MSR_IMM) {
			cr_assert_eq(a->replacementlen, 9);
			memcpy(&msr, r + 5, 4);
			expect_imm(r, r[2] == 0x7a, msr);
			imm_rd += r[2] == 0x7b;
			imm_wr += r[2] == 0x7a;
		} else if (ft == X86_FEATURE_WRMSRNS) {
			static const uint8_t tail[] = { 0x48, 0x89, 0xc2, 0x48, 0xc1, 0xea, 0x20,
							0x0f, 0x01, 0xc6 };

			cr_assert_eq(a->replacementlen, 15);
			cr_assert_eq(r[0], 0xb9, "WRMSRNS site does not load ECX");
			cr_assert_arr_eq(r + 5, tail, sizeof(tail), "WRMSRNS replacement bytes");
			ns++;
		} else if (ft == X86_FEATURE_ALWAYS) {
			cr_assert_eq(o[0], 0xe8, "ALWAYS entry on a site not starting with a call");
			cr_assert_eq(r[0], 0xb9, "native replacement not legacy");
		} else {
			cr_assert_eq(ft, X86_FEATURE_XENPV, "unknown feature %u", ft);
			cr_assert(a->replacementlen == 0 || r[0] == 0xe8 || r[0] == 0xb9 ||
				  r[0] == 0xb8 || (r[0] == 0x48 && r[1] == 0xb8),
				  "unexpected Xen PV replacement %02x", r[0]);
		}
	}
	cr_assert_gt(imm_rd, 0, "no immediate RDMSR emitted");
	cr_assert_gt(imm_wr, 0, "no immediate WRMSRNS emitted");
	cr_assert_gt(ns, 0, "no WRMSRNS emitted");
}

/* Every site entry goes on just after its site; every stub trap rewinds. */
Test(msr, extable_targets)
{
	int n = 0;

	for (struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++) {
		long insn = (long)&e->insn + e->insn, fix = (long)&e->fixup + e->fixup;
		int type = e->data & EX_DATA_TYPE_MASK;

		if (type == EX_TYPE_MSR_REWIND) {
			cr_assert_eq(fix, insn, "rewind entry with a continuation");
			continue;
		}
		/* 15-byte site + xor of the error: the continuation is at most 18 on */
		cr_assert(fix > insn && fix - insn <= 18,
			  "entry at %#lx continues at %+ld", insn, fix - insn);
		n++;
	}
	cr_assert_gt(n, 0);
}

/* xen_msr_safe (7.3's default on Xen PV): a faulting access is not reported. */
Test(msr, xen_msr_safe_quiet)
{
	harness_patch(FS_XENPV);
	xen_msr_safe = true;
	for (int i = 0; i < n_rd_cases; i++) {
		const struct rd_case *c = &rd_cases[i];

		if (c->kind == K_ignore || c->kind == K_call)
			continue;
		model_reset();
		model_inject_gp(c->addr, true);
		harness_log_clear();
		cr_assert_eq(c->rd(), 0, "rd %s", c->id);
		cr_assert_eq(hlog.gp, 1, "rd %s: no #GP", c->id);
		cr_assert_eq(hlog.warn, 0, "rd %s: reported with xen_msr_safe", c->id);
	}
	for (int i = 0; i < n_wr_cases; i++) {
		const struct wr_case *c = &wr_cases[i];

		if (c->kind != K_passthrough)
			continue;
		model_reset();
		model_inject_gp(c->addr, true);
		harness_log_clear();
		c->wr(1);
		cr_assert_eq(hlog.gp, 1, "wr %s: no #GP", c->id);
		cr_assert_eq(hlog.warn, 0, "wr %s: reported with xen_msr_safe", c->id);
	}
	/* natively the policy does not apply */
	harness_patch(FS_LEGACY);
	model_reset();
	model_inject_gp(rd_cases[0].addr, true);
	harness_log_clear();
	rd_cases[0].rd();
	cr_assert_eq(hlog.warn, 1, "native fault not reported with xen_msr_safe set");
}
