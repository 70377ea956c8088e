// SPDX-License-Identifier: GPL-2.0
/*
 * The table's Xen PV handling must be what each kernel does today: this reads
 * arch/x86/xen/enlighten_pv.c (xen_do_read_msr, xen_do_write_msr) and
 * arch/x86/xen/pmu.c (is_intel_pmu_msr, is_amd_pmu_msr) of the trees that
 * tests/kernel/fetch unpacks ($MSRGEN_CACHE/linux-source-7.3 and -6.12),
 * extracts every MSR they single out and how, and compares that with defs/
 * as that kernel's target reads it (only lists).  Each test runs for both.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

struct special {
	char name[64];
	int dir;		/* 0 read, 1 write */
	char what[64];		/* "ignore", "call SEGBASE_FS", "fixup", "perf" */
};

static VEC(struct special) kernel;

/* The kernel under test: its linux-source-VERSION tree and its target */
static const char *tree_ver, *tree_target;

static void add(const char *name, int dir, const char *what)
{
	struct special s = { { 0 }, dir, { 0 } };

	snprintf(s.name, sizeof(s.name), "%s", name);
	snprintf(s.what, sizeof(s.what), "%s", what);
	vec_push(&kernel, s);
}

static char *tree_file(const char *rel)
{
	const char *cache = getenv("MSRGEN_CACHE");
	char *path = xasprintf("%s/linux-source-%s/%s",
			       cache && cache[0] ? cache : "/var/tmp/msrgen-cache", tree_ver, rel);
	char *text = slurp(path);

	cr_assert_not_null(text, "%s is missing: run tests/kernel/fetch --what linux", path);
	free(path);
	return text;
}

/* The body of function name: from its opening brace to the matching one. */
static char *function_body(const char *text, const char *name)
{
	char *sig = xasprintf("%s(", name);
	const char *p = text, *start, *q;
	int depth = 0;

	/* the definition: the name, its parameters (on one line or more), then a '{' line */
	while ((p = strstr(p, sig))) {
		const char *close = p + strlen(sig);
		int parens = 1;

		for (; *close && parens; close++)
			parens += *close == '(' ? 1 : *close == ')' ? -1 : 0;
		if (!parens && close[0] == '\n' && close[1] == '{')
			break;
		p += strlen(sig);
	}
	cr_assert_not_null(p, "no definition of %s", name);
	start = strchr(p, '{');
	for (q = start; *q; q++) {
		if (*q == '{')
			depth++;
		else if (*q == '}' && --depth == 0)
			break;
	}
	free(sig);
	return xstrndup(start, (size_t)(q - start + 1));
}

/* Each MSR_* word in s, in order. */
static size_t msr_words(const char *s, char out[][64], size_t max)
{
	size_t n = 0;

	while ((s = strstr(s, "MSR_")) && n < max) {
		size_t len = 0;

		if (s > (const char *)0 && isalnum((unsigned char)s[-1])) {
			s += 4;
			continue;
		}
		while (isalnum((unsigned char)s[len]) || s[len] == '_')
			len++;
		snprintf(out[n++], 64, "%.*s", (int)len, s);
		s += len;
	}
	return n;
}

/* case labels, grouped until the statement they share: what it does to them */
static void switch_cases(const char *body, int dir)
{
	char pending[32][64];
	size_t npending = 0;
	const char *line = body;

	while (line && *line) {
		const char *eol = strchr(line, '\n');
		char *l = xstrndup(line, eol ? (size_t)(eol - line) : strlen(line));
		char *t = l;

		while (isspace((unsigned char)*t))
			t++;
		if (!strncmp(t, "case MSR_", 9)) {
			msr_words(t, &pending[npending], 1);
			npending++;
		} else if (npending && !strncmp(t, "set_seg(", 8)) {
			char *arg = xstrndup(t + 8, strcspn(t + 8, ","));
			char *what = xasprintf("call %s", arg);

			for (size_t i = 0; i < npending; i++)
				add(pending[i], dir, what);
			npending = 0;
			free(arg);
			free(what);
		} else if (npending && !strcmp(t, "break;")) {
			for (size_t i = 0; i < npending; i++)
				add(pending[i], dir, "ignore");
			npending = 0;
		} else if (npending && dir == 0 && t[0] && strncmp(t, "/*", 2) && t[0] != '*') {
			/* a read case that changes val: the fixup after the read */
			for (size_t i = 0; i < npending; i++)
				add(pending[i], dir, "fixup");
			npending = 0;
		}
		free(l);
		line = eol ? eol + 1 : NULL;
	}
}

static char *msr_index;	/* the kernel's msr-index.h */

/* Is name one of the macros msr-index.h defines (not pmu.c's own MSR_TYPE_*)? */
static bool is_msr_macro(const char *name)
{
	char *def = xasprintf("#define %s", name);
	const char *p = msr_index;
	bool found = false;

	while (!found && (p = strstr(p, def))) {
		p += strlen(def);
		found = *p == ' ' || *p == '\t';
	}
	free(def);
	return found;
}

/*
 * pmu.c tests address ranges whose length the CPU reports at run time. The
 * longest each can be: the architectural counts (Intel SDM: eight general-purpose
 * counters IA32_PMC0-7, four fixed counters FIXED_CTR0-3 as msr-index.h names
 * them; AMD: six counters, each an event select and a counter).
 */
struct range {
	char first[64], last[64];
	unsigned span;
};

static VEC(struct range) ranges;

static unsigned span_of(const char *expr)
{
	if (strstr(expr, "amd_num_counters * 2"))
		return 12;
	if (strstr(expr, "amd_num_counters"))
		return 6;
	if (strstr(expr, "intel_num_fixed_counters"))
		return 4;
	cr_assert(strstr(expr, "intel_num_arch_counters"), "unknown range bound: %.40s", expr);
	return 8;
}

static void perf_msrs(const char *body)
{
	char words[64][64];
	size_t n = msr_words(body, words, 64), i;
	const char *p = body;

	for (i = 0; i < n; i++) {
		if (!is_msr_macro(words[i]))
			continue;
		add(words[i], 0, "perf");
		add(words[i], 1, "perf");
	}
	/* "msr >= FIRST && msr < LAST + count" */
	while ((p = strstr(p, ">= MSR_"))) {
		struct range r = { { 0 }, { 0 }, 0 };
		const char *lt = strstr(p, "< MSR_"), *end;

		cr_assert_not_null(lt);
		msr_words(p, (char (*)[64])r.first, 1);
		msr_words(lt, (char (*)[64])r.last, 1);
		end = strchr(lt, ')');
		r.span = span_of(xstrndup(lt, (size_t)(end - lt + 1)));
		vec_push(&ranges, r);
		p = lt;
	}
	/* MSR_PMC_ALIAS_MASK folds the full-width counters IA32_PMC0.. onto PERFCTR */
	if (strstr(body, "& MSR_PMC_ALIAS_MASK")) {
		struct range r = { "MSR_IA32_PMC0", "MSR_IA32_PMC0", 8 };

		vec_push(&ranges, r);
	}
}

static void use_tree(const char *ver)
{
	tree_ver = ver;
	tree_target = ver[0] == '7' ? "linux-7.3" : "linux-6.12";
	kernel.n = 0;
	ranges.n = 0;
}

static void extract(void)
{
	char *xen = tree_file("arch/x86/xen/enlighten_pv.c");
	char *pmu = tree_file("arch/x86/xen/pmu.c");
	char *rd = function_body(xen, "xen_do_read_msr");
	char *wr = function_body(xen, "xen_do_write_msr");
	char *intel = function_body(pmu, "is_intel_pmu_msr");
	char *amd = function_body(pmu, "is_amd_pmu_msr");

	msr_index = tree_file("arch/x86/include/asm/msr-index.h");
	/* 7.3: pmu_msr_chk_emulated(); 6.12: pmu_msr_read() and pmu_msr_write() */
	cr_assert(strstr(rd, "pmu_msr_chk_emulated(msr, &val, true)") ||
		  strstr(rd, "pmu_msr_read(msr, &val, err)"), "reads no longer ask the vPMU first");
	cr_assert(strstr(wr, "pmu_msr_chk_emulated(msr, &val, false)") ||
		  strstr(wr, "pmu_msr_write(msr, low, high, err)"), "writes no longer ask the vPMU");
	switch_cases(strstr(rd, "switch"), 0);
	switch_cases(strstr(wr, "switch"), 1);
	perf_msrs(intel);
	perf_msrs(amd);
}

/* What the table says for platform xenpv, in the same words. */
static const char *table_what(const struct decl *d, int xen, int dir, char *buf, size_t len)
{
	const struct handling *h = &d->handling[xen * 2 + dir];

	switch (h->kind) {
	case H_IGNORE:
		return "ignore";
	case H_WORD:
		return h->ast->word.name;
	case H_FIXUP:
		return "fixup";
	case H_CALL:
		snprintf(buf, len, "call %s", h->ast->args.n ? h->ast->args.v[0].name : "");
		return buf;
	default:
		return "passthrough";
	}
}

static const struct reg *reg_named(const struct model *m, const char *name)
{
	size_t i, j;

	for (i = 0; i < m->regs.n; i++) {
		const struct decl *d = m->regs.v[i].decl;

		if (!strcmp(m->regs.v[i].macro, name))
			return &m->regs.v[i];
		for (j = 0; d->ast->kind == MSR_SINGLE && j < d->aliases.n; j++)
			if (!strcmp(d->aliases.v[j]->name.name, name))
				return &m->regs.v[i];
	}
	return NULL;
}

static bool in_pmu_range(const struct model *m, uint32_t addr)
{
	size_t i;

	for (i = 0; i < ranges.n; i++) {
		const struct reg *first = reg_named(m, ranges.v[i].first);
		const struct reg *last = reg_named(m, ranges.v[i].last);

		cr_assert(first && last, "%s or %s is not in defs/", ranges.v[i].first,
			  ranges.v[i].last);
		if (addr >= first->addr && addr < last->addr + ranges.v[i].span)
			return true;
	}
	return false;
}

/* defs/, parsed, built and checked without a diagnostic */
static void load_defs(struct ast *ast, struct model *m)
{
	const char *files[64];
	size_t nfiles;

	cr_assert_eq(chdir(SRC_DIR), 0);
	nfiles = list_msr_files("defs", files, 64);
	diag_reset();
	cr_assert(checks_load_for(ast, m, (int)nfiles, (char **)files, "templates", tree_target));
	cr_assert_eq(diag_errors(), 0);
}

static void table_matches_xen_code(const char *ver)
{
	static struct ast ast;
	struct model m;
	size_t i, j;
	int xen;
	char buf[64];

	use_tree(ver);
	extract();
	cr_assert_geq(kernel.n, 20, "only %zu special cases found in %s: extraction broke", kernel.n,
		      ver);
	load_defs(&ast, &m);
	xen = model_platform_index(&m, "xenpv");
	cr_assert_geq(xen, 0);

	/* everything 7.3 does specially, the table does the same way */
	for (i = 0; i < kernel.n; i++) {
		const struct reg *r = reg_named(&m, kernel.v[i].name);

		cr_expect_not_null(r, "%s handles %s, which defs/ lacks", ver,
				  kernel.v[i].name);
		if (!r)
			continue;
		cr_expect_str_eq(table_what(r->decl, xen, kernel.v[i].dir, buf, sizeof(buf)),
				 kernel.v[i].what, "%s %s", kernel.v[i].name,
				 kernel.v[i].dir ? "write" : "read");
	}
	/* and the table does nothing specially that 7.3 does not */
	for (i = 0; i < m.regs.n; i++) {
		const struct reg *r = &m.regs.v[i];
		int dir;

		for (dir = 0; dir < 2; dir++) {
			const char *what = table_what(r->decl, xen, dir, buf, sizeof(buf));
			bool found = false;

			if (!strcmp(what, "passthrough") && !in_pmu_range(&m, r->addr))
				continue;
			for (j = 0; j < kernel.n && !found; j++) {
				const struct reg *k = reg_named(&m, kernel.v[j].name);

				found = k && k->addr == r->addr && kernel.v[j].dir == dir;
			}
			found |= !strcmp(what, "perf") && in_pmu_range(&m, r->addr);
			if (strcmp(what, "passthrough"))
				cr_expect(found, "defs/ handles %s %s as %s, %s does not", r->macro,
					  dir ? "write" : "read", what, ver);
			/* 7.3 asks the vPMU about every address in the ranges */
			if (in_pmu_range(&m, r->addr))
				cr_expect_str_eq(what, "perf", "%s %s: %s asks the vPMU first",
						 r->macro, dir ? "write" : "read", ver);
		}
	}
}

/* Is name a register, alias or element name of the model? */
static bool model_names(const struct model *m, const char *name)
{
	size_t i, j;

	if (reg_named(m, name))
		return true;
	for (i = 0; i < m->decls.n; i++)
		for (j = 0; j < m->decls.v[i]->aliases.n; j++)
			if (!strcmp(m->decls.v[i]->aliases.v[j]->name.name, name))
				return true;
	return false;
}

/*
 * Every MSR address macro of 7.3's msr-index.h is in defs/: every
 * "#define MSR_NAME 0x..." whose name is not an MSR's name plus a suffix (a
 * field: MSR_IA32_BNDCFGS_RSVD), and every "#define MSR_A MSR_B" or
 * "(MSR_B + n)" alias of one.
 */
static void every_msr_index_macro_is_in_defs(const char *ver)
{
	static struct ast ast;
	struct model m;
	char *h, *line, *save = NULL;
	size_t count = 0, missing = 0;

	use_tree(ver);
	load_defs(&ast, &m);
	h = tree_file("arch/x86/include/asm/msr-index.h");
	for (line = strtok_r(h, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[128], value[128];
		const char *v;

		if (sscanf(line, "#define %127s %127s", name, value) != 2 || strncmp(name, "MSR_", 4) ||
		    strchr(name, '('))
			continue;
		v = value[0] == '(' ? value + 1 : value;
		if (!strncmp(v, "0x", 2) || !strncmp(v, "0X", 2)) {
			char stem[128];
			bool field = false;

			/* MSR_X_SUFFIX where MSR_X is an MSR: a field, not an address */
			snprintf(stem, sizeof(stem), "%s", name);
			for (char *u = strrchr(stem, '_'); u && !field; u = strrchr(stem, '_')) {
				*u = '\0';
				field = strcmp(stem, "MSR") && model_names(&m, stem);
			}
			if (field)
				continue;
		} else if (strncmp(v, "MSR_", 4)) {
			continue;	/* a bit, a count, a shift: not an address */
		}
		count++;
		if (!model_names(&m, name)) {
			missing++;
			cr_expect_fail("%s (%s) is not in defs/", name, value);
		}
	}
	cr_log_info("msr-index.h: %zu MSR address macros, %zu missing from defs/", count, missing);
	cr_assert_geq(count, 500);
	cr_assert_eq(missing, 0);
}

/* Importing target's header (of linux-source-VER) onto the committed
   defs/index writes it again byte for byte: the index holds what each
   target's import gives, only lists included. */
static void import_changes_nothing(const char *ver, const char *target)
{
	const char *cache = getenv("MSRGEN_CACHE");
	char *header = xasprintf("%s/linux-source-%s/arch/x86/include/asm/msr-index.h",
				 cache && cache[0] ? cache : "/var/tmp/msrgen-cache", ver);
	char *out = make_tempdir();
	const char *argv[] = { "import", "--target", target, "-o", out, header, NULL };
	char *path = xasprintf("%s/msr-index.msr", out);
	char *want = slurp(SRC_DIR "/defs/index/msr-index.msr");
	char *ack = slurp(SRC_DIR "/defs/index/msr-index.ack"), *got;
	struct run r;

	cr_assert_not_null(want);
	write_text(path, want);
	if (ack) {
		char *apath = xasprintf("%s/msr-index.ack", out);

		write_text(apath, ack);
		free(apath);
	}
	r = run_msrgen(SRC_DIR, argv);
	got = slurp(path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_not_null(got);
	cr_assert_str_eq(got, want, "defs/index/msr-index.msr is not what msrgen import --target %s writes",
			 target);
	run_free(&r);
	remove_tree(out);
	free(got);
	free(want);
	free(ack);
	free(path);
	free(header);
}


/* Does text have "#define name" followed by a blank or a parenthesis? */
static bool defines(const char *text, const char *name)
{
	char *def = xasprintf("#define %s", name);
	const char *p = text;
	bool found = false;

	while (!found && (p = strstr(p, def))) {
		p += strlen(def);
		found = *p == ' ' || *p == '\t' || *p == '(';
	}
	free(def);
	return found;
}

/*
 * asm/msr-defs.h defines no name 7.3's msr-index.h defines, and each name it
 * leaves to msr-index.h ("NAME is msr-index.h's", the template's list) is one
 * that msr-index.h defines: the list is exact.
 */
static void msr_defs_names_are_not_msr_index_names(const char *ver)
{
	char *index, *defs, *path;
	char *line, *save = NULL;
	size_t n = 0, left = 0;

	use_tree(ver);
	index = tree_file("arch/x86/include/asm/msr-index.h");
	path = xasprintf(SRC_DIR "/generated/%s/arch/x86/include/asm/msr-defs.h", tree_target);
	defs = slurp(path);
	free(path);
	cr_assert_not_null(defs);
	for (line = strtok_r(defs, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[128];

		if (sscanf(line, "#define %127[A-Za-z0-9_]", name) == 1) {
			n++;
			cr_expect(!defines(index, name), "msr-defs.h and msr-index.h both define %s",
				  name);
		} else if (strstr(line, " is msr-index.h's */") &&
			   sscanf(line, "/* %127[A-Za-z0-9_]", name) == 1) {
			left++;
			cr_expect(defines(index, name), "%s is left to msr-index.h, which lacks it",
				  name);
		}
	}
	cr_log_info("msr-defs.h: %zu names, %zu left to msr-index.h", n, left);
	cr_assert_geq(n, 300);
	free(index);
	free(defs);
}

/*
 * Every register's name (the macro of its MSRGEN_MSR and MSRGEN_HANDLE
 * records, NAME(i) for an indexed MSR) and every alias of defs/ is a macro
 * of 7.3's msr-index.h, so generated C can say case MSR_IA32_APICBASE:
 * where it says case 0x0000001b: today.
 */
static void every_defs_name_is_an_msr_index_macro(const char *ver)
{
	static struct ast ast;
	struct model m;
	char *index;
	size_t i, j, missing = 0;

	use_tree(ver);
	index = tree_file("arch/x86/include/asm/msr-index.h");
	load_defs(&ast, &m);
	for (i = 0; i < m.regs.n; i++) {
		const char *macro = m.regs.v[i].macro;
		char *stem = xstrndup(macro, strcspn(macro, "("));

		if (!defines(index, stem)) {
			missing++;
			cr_expect_fail("%s is no macro of msr-index.h", macro);
		}
		free(stem);
	}
	for (i = 0; i < m.decls.n; i++)
		for (j = 0; j < m.decls.v[i]->aliases.n; j++)
			if (!defines(index, m.decls.v[i]->aliases.v[j]->name.name)) {
				missing++;
				cr_expect_fail("alias %s is no macro of msr-index.h",
					       m.decls.v[i]->aliases.v[j]->name.name);
			}
	cr_assert_geq(m.regs.n, 500);
	cr_assert_eq(missing, 0);
	free(index);
}

Test(xcheck, table_matches_linux_7_3_xen_code) { table_matches_xen_code("7.3"); }
Test(xcheck, table_matches_linux_6_12_xen_code) { table_matches_xen_code("6.12"); }
Test(xcheck, every_7_3_msr_index_macro_is_in_defs) { every_msr_index_macro_is_in_defs("7.3"); }
Test(xcheck, every_6_12_msr_index_macro_is_in_defs) { every_msr_index_macro_is_in_defs("6.12"); }
Test(xcheck, import_of_7_3_changes_nothing) { import_changes_nothing("7.3", "linux-7.3"); }
Test(xcheck, import_of_6_12_changes_nothing) { import_changes_nothing("6.12", "linux-6.12"); }
Test(xcheck, msr_defs_7_3_names_are_not_msr_index_names) { msr_defs_names_are_not_msr_index_names("7.3"); }
Test(xcheck, msr_defs_6_12_names_are_not_msr_index_names) { msr_defs_names_are_not_msr_index_names("6.12"); }
Test(xcheck, every_defs_name_is_a_7_3_msr_index_macro) { every_defs_name_is_an_msr_index_macro("7.3"); }
Test(xcheck, every_defs_name_is_a_6_12_msr_index_macro) { every_defs_name_is_an_msr_index_macro("6.12"); }
