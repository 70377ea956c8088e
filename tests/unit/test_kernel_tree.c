// SPDX-License-Identifier: GPL-2.0
/*
 * msrgen install and patch against the real Linux 7.3 and 6.12 trees, and
 * each tree's own scripts/checkpatch.pl --strict on what msrgen emits for it:
 * every file the linux-7.3 or linux-6.12 target generates from defs/ and
 * every patch of its series must have no errors and no warnings.
 *
 * Needs the trees tools/test fetches (tests/kernel/fetch --what linux) at
 * $MSRGEN_CACHE/linux-source-7.3 and linux-source-6.12 (default
 * /var/tmp/msrgen-cache); a test is skipped without its tree.  No checkpatch
 * message is ignored: each patch that adds files also adds them to
 * MAINTAINERS.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#define SIGNOFF "A U Thor <author@example.com>"

/* The Linux tree of a version ("7.3", "6.12") that tools/test fetches, or NULL */
static char *ktree(const char *version)
{
	const char *cache = getenv("MSRGEN_CACHE");
	char *t = xasprintf("%s/linux-source-%s", cache && cache[0] ? cache : "/var/tmp/msrgen-cache",
			    version);
	char *mk = xasprintf("%s/scripts/checkpatch.pl", t);

	if (access(mk, R_OK)) {
		free(mk);
		free(t);
		return NULL;
	}
	free(mk);
	return t;
}

/* A copy of the files of tree k that target's install.plan edits or reads */
static char *copy_plan_files(const char *k, const char *target)
{
	char *t = make_tempdir();

	cr_assert_eq(run_sh("cd '%s' && sed -n 's/^\\(replace\\|insert-after\\|insert-before\\|append\\|expect\\) \\([^ ]*\\).*/\\2/p' "
			    "'%s/templates/%s/install.plan' | LC_ALL=C sort -u | while read -r f; do "
			    "mkdir -p \"%s/$(dirname \"$f\")\" && cp \"$f\" \"%s/$f\" || exit 1; done",
			    k, SRC_DIR, target, t, t), 0);
	return t;
}

static const char *const *defs(void)
{
	static const char *files[64];

	if (!files[0])
		list_msr_files(SRC_DIR "/defs", files, 63);
	return files;
}

static struct run msrgen(const char *const *args)
{
	const char *argv[96];
	const char *const *d = defs();
	size_t n = 0;

	while (*args)
		argv[n++] = *args++;
	while (*d && n < 95)
		argv[n++] = *d++;
	argv[n] = NULL;
	return run_msrgen(NULL, argv);
}

/* checkpatch's "total: N errors, M warnings" for path; its report in *report */
static void checkpatch(const char *k, const char *opts, const char *path, int *errors,
		       int *warnings, char **report)
{
	char *out = xasprintf("%s.checkpatch", path), *text, *total;

	run_sh("cd '%s' && perl scripts/checkpatch.pl --strict --no-tree %s '%s' > '%s' 2>&1", k, opts,
	   path, out);
	text = slurp(out);
	cr_assert(text, "no checkpatch output for %s", path);
	total = strncmp(text, "total: ", 7) ? strstr(text, "\ntotal: ") : text;
	cr_assert(total, "checkpatch did not finish on %s:\n%s", path, text);
	total += *total == '\n';
	cr_assert_eq(sscanf(total, "total: %d errors, %d warnings", errors, warnings), 2);
	*report = text;
	unlink(out);
	free(out);
}

/*
 * checkpatch.pl --strict opts on every file below dir: each must have no
 * error and no warning.  How many files there were.
 */
static int checkpatch_all(const char *k, const char *opts, const char *dir)
{
	char *list = xasprintf("%s.list", dir), *names;
	int files = 0;

	cr_assert_eq(run_sh("cd '%s' && find . -type f | LC_ALL=C sort > '%s'", dir, list), 0);
	names = slurp(list);
	for (char *line = strtok(names, "\n"); line; line = strtok(NULL, "\n")) {
		char *path = xasprintf("%s/%s", dir, line + 2), *report;
		int e, w;

		checkpatch(k, opts, path, &e, &w, &report);
		cr_expect(e == 0 && w == 0, "%s: %d errors, %d warnings:\n%s", line + 2, e, w, report);
		files++;
		free(report);
		free(path);
	}
	free(names);
	unlink(list);
	free(list);
	return files;
}

/* Every file target generates from defs/ is checkpatch clean in tree k: nfiles of them */
static void generated_clean(const char *k, const char *target, int nfiles)
{
	const char *args[] = { "generate", "-q", "--target", target, "-o", NULL, NULL };
	char *gen = make_tempdir();
	struct run r;

	args[5] = gen;
	r = msrgen(args);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(checkpatch_all(k, "-f", gen), nfiles);
	remove_tree(gen);
}

/*
 * target's series of npatches for tree k: checkpatch clean, and applied to the
 * files its plan names it gives what msrgen install gives (twice); with the
 * MAINTAINERS the series leaves, get_maintainer.pl names the x86 and the Xen
 * lists for every patch
 */
static void series_on_real_tree(const char *k, const char *target, int npatches)
{
	char *t = copy_plan_files(k, target), *s = make_tempdir(), *a;
	struct run r;

	{
		const char *args[] = { "patch", "-q", "--target", target, "--kernel-tree", t,
				       "-o", s, "--signoff", SIGNOFF, NULL };

		r = msrgen(args);
		cr_assert_eq(r.status, 0, "%s", r.err);
	}
	{
		const char *args[] = { "install", "-q", "--target", target, "--kernel-tree", t,
				       NULL };

		r = msrgen(args);
		cr_assert_eq(r.status, 0, "%s", r.err);
		r = msrgen(args);
		cr_assert_eq(r.status, 0, "%s", r.err);
	}
	cr_assert_eq(checkpatch_all(k, "", s), npatches);
	a = copy_plan_files(k, target);
	cr_assert_eq(git_am_series(a, s, npatches), 0);
	cr_assert_eq(run_sh("diff -r '%s' '%s'", a, t), 0);
	for (int i = 1; i <= npatches; i++) {
		char *out = xasprintf("%s/gm-%d", s, i), *text;

		cr_assert_eq(run_sh("cd '%s' && perl scripts/get_maintainer.pl --no-git --no-tree "
				    "--no-rolestats --mpath '%s/MAINTAINERS' '%s'/%04d-*.patch "
				    "> '%s' 2>&1", k, a, s, i, out), 0);
		text = slurp(out);
		cr_assert(text && strstr(text, "x86@kernel.org\n") &&
			  strstr(text, "xen-devel@lists.xenproject.org"), "patch %d:\n%s", i, text);
		free(text);
		unlink(out);
		free(out);
	}
	remove_tree(a);
	remove_tree(t);
	remove_tree(s);
}

Test(kernel_tree, generated_files_are_checkpatch_clean, .timeout = 600)
{
	char *k = ktree("7.3");

	if (!k)
		cr_skip_test("no Linux 7.3 tree (tests/kernel/fetch --what linux)");
	generated_clean(k, "linux-7.3", 8);
}

Test(kernel_tree, install_and_series_on_the_real_tree, .timeout = 600)
{
	char *k = ktree("7.3");

	if (!k)
		cr_skip_test("no Linux 7.3 tree (tests/kernel/fetch --what linux)");
	series_on_real_tree(k, "linux-7.3", 4);
}

/* The linux-6.12 target, with 6.12's own checkpatch.pl and get_maintainer.pl */
Test(kernel_tree, linux_6_12_generated_files_are_checkpatch_clean, .timeout = 600)
{
	char *k = ktree("6.12");

	if (!k)
		cr_skip_test("no Linux 6.12 tree (tests/kernel/fetch --what linux)");
	generated_clean(k, "linux-6.12", 7);
}

Test(kernel_tree, linux_6_12_install_and_series_on_the_real_tree, .timeout = 600)
{
	char *k = ktree("6.12");

	if (!k)
		cr_skip_test("no Linux 6.12 tree (tests/kernel/fetch --what linux)");
	series_on_real_tree(k, "linux-6.12", 3);
}
