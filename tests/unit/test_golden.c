// SPDX-License-Identifier: GPL-2.0
/*
 * Golden output: the mini target rendered from tests/golden/defs must be
 * tests/golden/expected byte for byte; check must see a one-byte change; the
 * committed generated/ must be what msrgen makes from defs/ today.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#define GOLDEN TESTS_DIR "/golden"

static struct run mini(const char *cmd, const char *out, const char *f1, const char *f2)
{
	const char *argv[] = { cmd, "-q", "--templates", GOLDEN "/templates", "--target", "mini",
			       "-o", out, f1, f2, NULL };

	return run_msrgen(GOLDEN "/defs", argv);
}

Test(golden, generate_matches_expected)
{
	char *out = make_tempdir();
	struct run r = mini("generate", out, "small.msr", NULL);
	char *got = tree_snapshot(out), *want = tree_snapshot(GOLDEN "/expected");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	cr_assert_str_eq(got, want);
	remove_tree(out);
}

Test(golden, file_order_does_not_matter)
{
	char *a = make_tempdir(), *b = make_tempdir();
	struct run ra = mini("generate", a, "small.msr", "platforms.msr");
	struct run rb = mini("generate", b, "platforms.msr", "small.msr");

	cr_assert_eq(ra.status, 0);
	cr_assert_eq(rb.status, 0);
	cr_assert_str_eq(tree_snapshot(a), tree_snapshot(b));
	remove_tree(a);
	remove_tree(b);
}

Test(golden, check_passes_on_expected)
{
	struct run r = mini("check", GOLDEN "/expected", "small.msr", NULL);

	cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
	cr_assert_str_eq(r.out, "");
}

Test(golden, check_sees_one_byte)
{
	char *out = make_tempdir();
	struct run r = mini("generate", out, "small.msr", NULL);
	char *path = xasprintf("%s/include/msr-fields.h", out);
	char *text = slurp(path), *p;
	FILE *f;

	cr_assert_eq(r.status, 0);
	p = strstr(text, "GENMASK_ULL(35, 12)");
	cr_assert_not_null(p);
	p[13] = '3';	/* 35 -> 33 */
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	r = mini("check", out, "small.msr", NULL);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.out, "--- a/include/msr-fields.h\n+++ b/include/msr-fields.h\n"), "%s", r.out);
	cr_assert(strstr(r.out, "\n-#define IA32_APICBASE_BASE GENMASK_ULL(33, 12)\n"
			       "+#define IA32_APICBASE_BASE GENMASK_ULL(35, 12)\n"), "%s", r.out);
	cr_assert(strstr(r.err, "differs from what msrgen generates"));
	p = xasprintf("msrgen: note: '%s' was edited by hand: its digest is not that of "
			      "its contents\n", path);
	cr_assert(strstr(r.err, p), "%s", r.err);
	free(p);
	remove_tree(out);
}

Test(golden, generate_keeps_unchanged_files)
{
	char *out = make_tempdir();
	struct run r = mini("generate", out, "small.msr", NULL);
	char *path = xasprintf("%s/handling.csv", out);
	struct stat st1, st2;

	cr_assert_eq(r.status, 0);
	cr_assert_eq(stat(path, &st1), 0);
	sleep(1);
	r = mini("generate", out, "small.msr", NULL);
	cr_assert_eq(stat(path, &st2), 0);
	cr_assert_eq(st1.st_mtime, st2.st_mtime);
	cr_assert_eq(st1.st_ino, st2.st_ino);
	cr_assert_eq(st1.st_mode & 0777, 0644);
	remove_tree(out);
}

/* generated/TARGET is what tools/regenerate writes; it must match defs/ today. */
static void generated_is_up_to_date(const char *target, const char *out)
{
	const char *argv[64] = { "check", "-q", "--target", target, "-o", out };
	size_t n = (chdir(SRC_DIR), list_msr_files("defs", argv + 6, 56));
	struct run r;

	cr_assert_geq(n, 1);
	r = run_msrgen(SRC_DIR, argv);

	cr_assert_eq(r.status, 0, "generated/ is stale; run tools/regenerate\n%s%s", r.out, r.err);
}

Test(golden, generated_is_up_to_date) { generated_is_up_to_date("linux-7.3", "generated/linux-7.3"); }
Test(golden, generated_6_12_is_up_to_date) { generated_is_up_to_date("linux-6.12", "generated/linux-6.12"); }

Test(golden, generated_audits_are_up_to_date)
{
	static const char *const formats[] = { "md", "csv", "json", "rst" };
	size_t i;

	for (i = 0; i < 4; i++) {
		const char *argv[64] = { "audit", "--target", "linux-7.3", "--format", formats[i],
					 "--kernel-sites", "defs/hypervisor/linux-7.3.sites" };
		struct run r;

		cr_assert_eq(chdir(SRC_DIR), 0);
		list_msr_files("defs", argv + 7, 56);
		r = run_msrgen(SRC_DIR, argv);
		char *path = xasprintf(SRC_DIR "/generated/audit/audit.%s", formats[i]);
		char *want = slurp(path);

		cr_assert_eq(r.status, 0, "%s", r.err);
		cr_assert_not_null(want, "%s is missing; run tools/regenerate", path);
		cr_expect_str_eq(r.out, want, "%s is stale; run tools/regenerate", path);
		free(path);
	}
}

/* The first "sha256:" digest in text */
static char *digest_of(const char *text)
{
	const char *d = strstr(text, "sha256:");

	cr_assert_not_null(d);
	return xstrndup(d, 71);
}

/* The number (1-based) of the line that holds the first character of s in text */
static int line_of(const char *text, const char *s)
{
	const char *p = strstr(text, s);
	int n = 1;

	cr_assert_not_null(p, "no '%s'", s);
	for (const char *q = text; q < p; q++)
		n += *q == '\n';
	return n;
}

/*
 * Stable output: a field added to one passthrough MSR (MSR_EFER) in a copy
 * of defs/ changes asm/msr-defs.h alone, and in it the field's three lines
 * at the end of MSR_EFER's block and the file's digest, nothing else.
 */
Test(golden, one_field_changes_its_lines_only)
{
	char *t = make_tempdir(), *path, *old, *new, *want, *got;
	const char *argv[64] = { "generate", "-q", "--target", "linux-7.3", "-o", "a" };
	const char *defs = "arch/x86/include/asm/msr-defs.h";
	size_t n;
	struct run r;
	int at;

	cr_assert_eq(run_sh("cp -R '%s/defs' '%s/defs'", SRC_DIR, t), 0);
	cr_assert_eq(chdir(t), 0);
	n = list_msr_files("defs", argv + 6, 56);
	cr_assert_geq(n, 1);
	r = run_msrgen(t, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	cr_assert_eq(run_sh("cd '%s' && sed -i 's/^\tfield AUTOIBRS 21;$/&\\n\tfield TEST 30;/' "
			    "defs/common.msr && grep -q 'field TEST 30' defs/common.msr", t), 0);
	argv[5] = "b";
	r = run_msrgen(t, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	cr_assert_eq(run_sh("cd '%s' && ! diff -r a b > diff.txt", t), 0);

	path = xasprintf("%s/a/%s", t, defs);
	old = slurp(path);
	free(path);
	path = xasprintf("%s/b/%s", t, defs);
	new = slurp(path);
	at = line_of(old, "\n#define MSR_EFER_AUTOIBRS_WIDTH\t1\n") + 1;
	want = xasprintf("diff -r a/%s b/%s\n"
			 "%dc%d\n"
			 "<  * %s\n"
			 "---\n"
			 ">  * %s\n"
			 "%da%d,%d\n"
			 "> #define MSR_EFER_TEST_SHIFT\t30\n"
			 "> #define MSR_EFER_TEST_MASK\tGENMASK_ULL(30, 30)\n"
			 "> #define MSR_EFER_TEST_WIDTH\t1\n",
			 defs, defs, line_of(old, "sha256:"), line_of(new, "sha256:"),
			 digest_of(old), digest_of(new), at, at + 1, at + 3);
	path = xasprintf("%s/diff.txt", t);
	got = slurp(path);
	cr_assert_str_eq(got, want);
	cr_assert_eq(chdir(SRC_DIR), 0);
	remove_tree(t);
}
