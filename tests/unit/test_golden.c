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

/* generated/ is what tools/regenerate writes; it must match defs/ today. */
Test(golden, generated_is_up_to_date)
{
	const char *argv[64] = { "check", "-q", "--target", "linux-7.3", "-o",
				 "generated/linux-7.3" };
	size_t n = (chdir(SRC_DIR), list_msr_files("defs", argv + 6, 56));
	struct run r;

	cr_assert_geq(n, 1);
	r = run_msrgen(SRC_DIR, argv);

	cr_assert_eq(r.status, 0, "generated/ is stale; run tools/regenerate\n%s%s", r.out, r.err);
}

Test(golden, generated_audits_are_up_to_date)
{
	static const char *const formats[] = { "md", "csv", "json", "rst" };
	size_t i;

	for (i = 0; i < 4; i++) {
		const char *argv[64] = { "audit", "--format", formats[i], "--kernel-sites",
					 "defs/hypervisor/linux-7.3.sites" };
		struct run r;

		cr_assert_eq(chdir(SRC_DIR), 0);
		list_msr_files("defs", argv + 5, 58);
		r = run_msrgen(SRC_DIR, argv);
		char *path = xasprintf(SRC_DIR "/generated/audit/audit.%s", formats[i]);
		char *want = slurp(path);

		cr_assert_eq(r.status, 0, "%s", r.err);
		cr_assert_not_null(want, "%s is missing; run tools/regenerate", path);
		cr_expect_str_eq(r.out, want, "%s is stale; run tools/regenerate", path);
		free(path);
	}
}
