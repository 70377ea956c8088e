// SPDX-License-Identifier: GPL-2.0
/*
 * msrgen install and patch on a small fake Linux 7.3 tree: a copy of
 * tests/install/tree (the files linux-7.3's install.plan touches, taken from
 * 7.3).  install must give tests/install/expected plus the generated files;
 * a second install changes nothing (bytes, inodes, mtimes); a tree missing
 * an edit point or of another version gets an exact error and stays as it
 * was.  The patch series is the same bytes on every run, and git am of it
 * on the fixture gives the tree install gives.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#define INST TESTS_DIR "/install"
#define SMALL INST "/defs/small.msr"
#define PLAN SRC_DIR "/templates/linux-7.3/install.plan"

/* The generated files the plan installs (not tools/testing/: tests only) */
static const char *const installed[] = {
	"arch/x86/include/asm/msr-defs.h",
	"arch/x86/include/asm/msr-gen-extable.h",
	"arch/x86/include/asm/msr-gen.h",
	"arch/x86/kernel/cpu/msr-shadow.c",
	"arch/x86/mm/msr-gen-extable.c",
	"arch/x86/xen/msr.c",
	"arch/x86/xen/msr.h",
};

/* A shell step of the test: it must succeed (run_sh prints it if not). */
#define sh(...) cr_assert_eq(run_sh(__VA_ARGS__), 0, "a shell step failed")

static char *fixture(void)
{
	char *t = make_tempdir();

	sh("cp -R '%s/tree/.' '%s/'", INST, t);
	return t;
}

static struct run install(const char *tree)
{
	const char *argv[] = { "install", "--target", "linux-7.3", "--kernel-tree", tree, SMALL,
			       NULL };

	return run_msrgen(NULL, argv);
}

/* git's identity, as msrgen patch finds it: tests/install/gitconfig only */
__attribute__((constructor)) static void git_identity(void)
{
	setenv("GIT_CONFIG_GLOBAL", INST "/gitconfig", 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	unsetenv("GIT_AUTHOR_NAME");
	unsetenv("GIT_AUTHOR_EMAIL");
	unsetenv("GIT_COMMITTER_NAME");
	unsetenv("GIT_COMMITTER_EMAIL");
	unsetenv("EMAIL");
}

static struct run patch(const char *tree, const char *out, const char *signoff)
{
	const char *argv[] = { "patch", "-q", "--target", "linux-7.3", "--kernel-tree", tree,
			       "-o", out, SMALL, signoff ? "--signoff" : NULL, signoff, NULL };

	return run_msrgen(NULL, argv);
}

/* "path inode mtime" of every file below dir, sorted */
static char *tree_stats(const char *dir)
{
	char *list = xasprintf("%s.stats", dir), *text;

	sh("cd '%s' && find . -type f -printf '%%P %%i %%T@\\n' | LC_ALL=C sort > '%s'", dir, list);
	text = slurp(list);
	unlink(list);
	free(list);
	return text;
}

/* The line of the file path where text first is */
static int file_line(const char *path, const char *text)
{
	char *plan = slurp(path), *p;
	int line = 1;

	cr_assert(plan, "cannot read %s", path);
	p = strstr(plan, text);
	cr_assert(p, "'%s' not in %s", text, path);
	for (char *q = plan; q < p; q++)
		line += *q == '\n';
	free(plan);
	return line;
}

static int plan_line(const char *text)
{
	return file_line(PLAN, text);
}

/* What install must make of the fixture: expected/ plus the generated files */
static char *expected_tree(void)
{
	char *e = fixture(), *gen = make_tempdir(), *snap;
	const char *argv[] = { "generate", "-q", "--target", "linux-7.3", "-o", gen, SMALL, NULL };
	struct run r = run_msrgen(NULL, argv);
	size_t i;

	cr_assert_eq(r.status, 0, "%s", r.err);
	sh("cp -R '%s/expected/.' '%s/'", INST, e);
	for (i = 0; i < sizeof(installed) / sizeof(*installed); i++)
		sh("cp '%s/%s' '%s/%s'", gen, installed[i], e, installed[i]);
	snap = tree_snapshot(e);
	remove_tree(e);
	remove_tree(gen);
	run_free(&r);
	return snap;
}

Test(install, fixture_becomes_expected)
{
	char *t = fixture(), *want = expected_tree(), *got;
	struct run r = install(t);
	char *msg = xasprintf("msrgen: %s: 39 files written for linux-7.3\n", t);

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, msg);
	got = tree_snapshot(t);
	cr_assert_str_eq(got, want);
	remove_tree(t);
}

Test(install, second_install_changes_nothing)
{
	char *t = fixture(), *snap, *stats;
	struct run r = install(t);
	char *msg = xasprintf("msrgen: %s: up to date for linux-7.3\n", t);

	cr_assert_eq(r.status, 0, "%s", r.err);
	snap = tree_snapshot(t);
	stats = tree_stats(t);
	usleep(20000);	/* a rewrite would show in the mtimes */
	run_free(&r);
	r = install(t);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, msg);
	cr_assert_str_eq(tree_snapshot(t), snap);
	cr_assert_str_eq(tree_stats(t), stats);
	remove_tree(t);
}

/*
 * A tree with the plan applied in part: the first patch of the series (whose
 * MAINTAINERS entry the next patches extend), or all but one file.  The undo
 * pass recognises what is there and install completes it.
 */
Test(install, partly_installed_tree_is_completed)
{
	char *t = fixture(), *s = make_tempdir(), *want = expected_tree(), *msg;
	struct run r = patch(t, s, NULL);

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	sh("cd '%s' && git apply '%s'/0001-*.patch", t, s);
	r = install(t);
	cr_assert_eq(r.status, 0, "%s", r.err);
	msg = xasprintf("msrgen: %s: 34 files written for linux-7.3\n", t);
	cr_assert_str_eq(r.err, msg);
	cr_assert_str_eq(tree_snapshot(t), want);
	run_free(&r);
	sh("cp '%s/tree/MAINTAINERS' '%s/'", INST, t);
	r = install(t);
	cr_assert_eq(r.status, 0, "%s", r.err);
	free(msg);
	msg = xasprintf("msrgen: %s: 1 file written for linux-7.3\n", t);
	cr_assert_str_eq(r.err, msg);
	cr_assert_str_eq(tree_snapshot(t), want);
	remove_tree(t);
	remove_tree(s);
}

Test(install, missing_edit_point_changes_nothing)
{
	char *t = fixture(), *snap, *stats, *want;
	struct run r;

	sh("sed -i '\\|^#include <asm/insn-eval.h>$|d' '%s/arch/x86/mm/extable.c'", t);
	snap = tree_snapshot(t);
	stats = tree_stats(t);
	r = install(t);
	want = xasprintf("msrgen: error: %s/arch/x86/mm/extable.c: cannot find the line "
			 "'#include <asm/insn-eval.h>' (insert-after at "
			 "linux-7.3/install.plan:%d, patch 1/4)\n"
			 "msrgen: error: %s: nothing changed (1 error)\n", t,
			 plan_line("insert-after arch/x86/mm/extable.c\n"), t);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(tree_snapshot(t), snap);
	cr_assert_str_eq(tree_stats(t), stats);
	remove_tree(t);
}

Test(install, every_missing_edit_point_is_reported)
{
	char *t = fixture(), *snap, *want;
	struct run r;

	/* a duplicate of a replaced line, and an anchor gone */
	sh("sed -i 's/^static __read_mostly bool xen_msr_safe = .*$/&\\n&/' "
	   "'%s/arch/x86/xen/enlighten_pv.c'", t);
	sh("sed -i '/^bool pmu_msr_chk_emulated(/d' '%s/arch/x86/xen/xen-ops.h'", t);
	snap = tree_snapshot(t);
	r = install(t);
	want = xasprintf("%s/arch/x86/xen/enlighten_pv.c:157:1: error: 'static __read_mostly bool "
			 "xen_msr_safe' is there 2 times (lines 157, 158), the edit needs 1 "
			 "(replace at linux-7.3/install.plan:%d, patch 3/4)\n"
			 "static __read_mostly bool xen_msr_safe = IS_ENABLED(CONFIG_XEN_PV_MSR_SAFE);\n"
			 "^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
			 "msrgen: error: %s/arch/x86/xen/xen-ops.h: cannot find the line "
			 "'bool pmu_msr_chk_emulated(u32 msr, u64 *val, bool is_read);' "
			 "(insert-after at linux-7.3/install.plan:%d, patch 3/4)\n"
			 "msrgen: error: %s: nothing changed (2 errors)\n", t,
			 plan_line("replace arch/x86/xen/enlighten_pv.c 1\n- static __read_mostly"), t,
			 plan_line("insert-after arch/x86/xen/xen-ops.h\n"), t);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(tree_snapshot(t), snap);
	remove_tree(t);
}

Test(install, other_kernel_version_changes_nothing)
{
	char *t = fixture(), *snap, *want;
	struct run r;

	sh("sed -i 's/^PATCHLEVEL = 3$/PATCHLEVEL = 2/' '%s/Makefile'", t);
	snap = tree_snapshot(t);
	r = install(t);
	want = xasprintf("%s/Makefile:3:1: error: PATCHLEVEL = 2: this tree is not Linux 7.3 "
			 "(target linux-7.3)\nPATCHLEVEL = 2\n^~~~~~~~~~~~~~\n", t);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(tree_snapshot(t), snap);
	remove_tree(t);
}

Test(install, not_a_tree)
{
	const char *argv[] = { "install", "--target", "linux-7.3", "--kernel-tree",
			       "/nonexistent", SMALL, NULL };
	struct run r = run_msrgen(NULL, argv);

	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, "msrgen: error: /nonexistent/Makefile: cannot read: No such file or "
			 "directory (is /nonexistent a Linux 7.3 tree?)\n");
}

/* A copy of linux-7.3 in the templates folder tm, with what it shares */
static void copy_target(const char *tm)
{
	sh("rm -rf '%s/linux-7.3' '%s/_linux-common' && "
	   "cp -R '%s/templates/linux-7.3' '%s/templates/_linux-common' '%s/'",
	   tm, tm, SRC_DIR, SRC_DIR, tm);
}

/* install with a copy of linux-7.3 whose plan sed's script edits */
static struct run install_with_plan(const char *tree, const char *tm, const char *script)
{
	const char *argv[] = { "install", "--target", "linux-7.3", "--kernel-tree", tree,
			       "--templates", tm, SMALL, NULL };

	copy_target(tm);
	sh("sed -i '%s' '%s/linux-7.3/install.plan'", script, tm);
	return run_msrgen(NULL, argv);
}

/* The plan says how a tree shows what it is: any file, any key */
Test(install, tree_is_what_the_plan_expects)
{
	char *t = fixture(), *tm = make_tempdir(), *snap = tree_snapshot(t), *want;
	struct run r;

	/* a key that is not there */
	r = install_with_plan(t, tm, "s/^expect Makefile VERSION = 7$/expect Makefile CODENAME = 0/");
	want = xasprintf("msrgen: error: %s/Makefile: no 'CODENAME = ' line (is %s a Linux 7.3 "
			 "tree?)\n", t, t);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(tree_snapshot(t), snap);
	run_free(&r);
	/* another file, and the value as text: "3" is not "3.0" */
	r = install_with_plan(t, tm, "s/^tree Linux 7.3$/tree Linux 7.3.0/; "
			      "s/^expect Makefile PATCHLEVEL = 3$/expect MAINTAINERS PATCHLEVEL = 3.0/");
	want = xasprintf("msrgen: error: %s/MAINTAINERS: no 'PATCHLEVEL = ' line (is %s a Linux "
			 "7.3.0 tree?)\n", t, t);
	cr_assert_str_eq(r.err, want);
	run_free(&r);
	r = install_with_plan(t, tm, "s/^expect Makefile PATCHLEVEL = 3$/expect Makefile PATCHLEVEL = 3.0/");
	want = xasprintf("%s/Makefile:3:1: error: PATCHLEVEL = 3: this tree is not Linux 7.3 "
			 "(target linux-7.3)\nPATCHLEVEL = 3\n^~~~~~~~~~~~~~\n", t);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(tree_snapshot(t), snap);
	run_free(&r);
	/* without expect lines any tree goes */
	r = install_with_plan(t, tm, "/^expect /d");
	cr_assert_eq(r.status, 0, "%s", r.err);
	remove_tree(t);
	remove_tree(tm);
}

/* The plan's shadowed lines: tables that do not shadow the MSR so are refused */
Test(install, plan_needs_its_shadows)
{
	static const struct {
		const char *line, *why;
	} cases[] = {
		{ "shadowed MSR_IA32_XFD deferred", "the edits let the copy of MSR_IA32_XFD lead the "
		  "register, but the tables do not say MSR_IA32_XFD may (shadow percpu deferred;)" },
		{ "shadowed MSR_IA32_XFDD", "the edits use the copy of MSR_IA32_XFDD, but the tables "
		  "have no MSR_IA32_XFDD for target linux-7.3" },
		{ "shadowed MSR_EFER", "the edits use the copy of MSR_EFER, but the tables do not "
		  "shadow MSR_EFER for target linux-7.3 (shadow percpu;)" },
		{ "shadowed MSR_IA32_FRED_RSP1 deferred", "the edits let the copy of MSR_IA32_FRED_RSP1 "
		  "lead the register, but the tables do not say MSR_IA32_FRED_RSP may (shadow percpu "
		  "deferred;)" },
		{ "shadowed MSR_IA32_XFD lazy", "'shadowed' wants an MSR's macro, then 'deferred' or nothing" },
		{ "shadowed", "'shadowed' wants an MSR's macro, then 'deferred' or nothing" },
	};
	char *t = fixture(), *tm = make_tempdir(), *snap = tree_snapshot(t);
	int line = plan_line("shadowed MSR_IA32_XFD\n");
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *script = xasprintf("s/^shadowed MSR_IA32_XFD$/%s/", cases[i].line);
		char *under = xcalloc(strlen(cases[i].line), 1);
		struct run r = install_with_plan(t, tm, script);
		char *want;

		memset(under, '~', strlen(cases[i].line) - 1);
		want = xasprintf("%s/linux-7.3/install.plan:%d:1: error: %s\n%s\n^%s\n", tm, line,
				 cases[i].why, cases[i].line, under);
		cr_assert_eq(r.status, 1, "%s", cases[i].line);
		cr_assert_str_eq(r.err, want);
		cr_assert_str_eq(tree_snapshot(t), snap);
		run_free(&r);
		free(want);
		free(under);
		free(script);
	}
	remove_tree(t);
	remove_tree(tm);
}

Test(install, plan_tree_lines)
{
	char *t = fixture(), *tm = make_tempdir(), *want;
	struct run r;

	r = install_with_plan(t, tm, "/^tree /d");
	want = xasprintf("msrgen: error: %s/linux-7.3/install.plan: no 'tree NAME' line\n", tm);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	run_free(&r);
	r = install_with_plan(t, tm, "s/^tree Linux 7.3$/tree/");
	want = xasprintf("%s/linux-7.3/install.plan:%d:1: error: 'tree' wants a name (what "
			 "the tree is, for messages)\ntree\n^~~~\n", tm, plan_line("tree Linux 7.3\n"));
	cr_assert_str_eq(r.err, want);
	run_free(&r);
	r = install_with_plan(t, tm, "s/^tree Linux 7.3$/&\\n&/");
	want = xasprintf("%s/linux-7.3/install.plan:%d:1: error: one 'tree' per plan\n"
			 "tree Linux 7.3\n^~~~~~~~~~~~~~\n", tm, plan_line("tree Linux 7.3\n") + 1);
	cr_assert_str_eq(r.err, want);
	run_free(&r);
	r = install_with_plan(t, tm, "s/^expect Makefile VERSION = 7$/expect Makefile VERSION 7/");
	want = xasprintf("%s/linux-7.3/install.plan:%d:1: error: 'expect' wants FILE KEY = "
			 "VALUE (FILE relative)\nexpect Makefile VERSION 7\n^~~~~~~~~~~~~~~~~~~~~~~~~\n",
			 tm, plan_line("expect Makefile VERSION = 7\n"));
	cr_assert_str_eq(r.err, want);
	run_free(&r);
	r = install_with_plan(t, tm, "s/^expect Makefile VERSION = 7$/expect ..\\/Makefile VERSION = 7/");
	want = xasprintf("%s/linux-7.3/install.plan:%d:1: error: 'expect' wants FILE KEY = "
			 "VALUE (FILE relative)\nexpect ../Makefile VERSION = 7\n"
			 "^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n", tm, plan_line("expect Makefile VERSION = 7\n"));
	cr_assert_str_eq(r.err, want);
	remove_tree(t);
	remove_tree(tm);
}

Test(install, foreign_file_is_not_overwritten)
{
	char *t = fixture(), *want;
	struct run r;

	sh("printf '// SPDX-License-Identifier: GPL-2.0\\n' > '%s/arch/x86/xen/msr.c'", t);
	r = install(t);
	want = xasprintf("msrgen: error: %s/arch/x86/xen/msr.c: exists and was not generated by msrgen "
			 "(add at linux-7.3/install.plan:%d, patch 3/4)\n"
			 "msrgen: error: %s: nothing changed (1 error)\n", t,
			 plan_line("add arch/x86/xen/msr.c\n"), t);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	remove_tree(t);
}

struct usage_case {
	const char *argv[10];
	const char *err;
};

static const struct usage_case usage_cases[] = {
	{ { "install", "--kernel-tree", "x", "a.msr", NULL }, "msrgen: install: --target is missing\n" },
	{ { "install", "--target", "linux-7.3", "a.msr", NULL },
	  "msrgen: install: --kernel-tree DIR is missing\n" },
	{ { "patch", "--target", "linux-7.3", "--kernel-tree", "x", NULL },
	  "msrgen: patch: no .msr files given\n" },
	{ { "install", "-o", "x", NULL }, "msrgen: install: -o is for 'patch' (install writes into --kernel-tree)\n" },
	{ { "patch", "--signoff", "nobody", NULL }, "msrgen: 'nobody' is not 'Name <mail>'\n" },
	{ { "install", "--cover-letter", NULL }, "msrgen: install: --cover-letter is for 'patch'\n" },
};

Test(install, usage_errors_exit_2)
{
	size_t i;

	for (i = 0; i < sizeof(usage_cases) / sizeof(*usage_cases); i++) {
		struct run r = run_msrgen(NULL, usage_cases[i].argv);
		char *want = xasprintf("%sTry 'msrgen %s --help' for more information.\n",
				       usage_cases[i].err, usage_cases[i].argv[0]);

		cr_expect_eq(r.status, 2, "case %zu: status %d", i, r.status);
		cr_expect_str_eq(r.err, want, "case %zu", i);
		free(want);
		run_free(&r);
	}
}

Test(install, help)
{
	const char *argv[] = { "patch", "--help", NULL };
	struct run r = run_msrgen(NULL, argv);

	cr_assert_eq(r.status, 0);
	cr_assert(!strncmp(r.out, "Usage: msrgen install --target T --kernel-tree DIR FILE...\n", 59));
}

static char *series_names(const char *dir)
{
	char *list = xasprintf("%s.names", dir), *text;

	sh("ls '%s' > '%s' && echo . >> '%s'", dir, list, list);
	text = slurp(list);
	unlink(list);
	free(list);
	return text;
}

Test(patch, series_is_reproducible)
{
	char *t = fixture(), *a = make_tempdir(), *b = make_tempdir();
	struct run ra = patch(t, a, NULL), rb;

	cr_assert_eq(ra.status, 0, "%s", ra.err);
	rb = patch(t, b, NULL);
	cr_assert_eq(rb.status, 0, "%s", rb.err);
	cr_assert_str_eq(series_names(a),
			 "0001-x86-extable-Report-the-MSR-of-a-faulting-immediate-f.patch\n"
			 "0002-x86-msr-Add-generated-inline-MSR-accessors.patch\n"
			 "0003-x86-xen-Add-a-generated-runtime-MSR-dispatcher.patch\n"
			 "0004-x86-msr-Use-the-generated-accessors-remove-the-pv_op.patch\n.\n");
	cr_assert_str_eq(tree_snapshot(a), tree_snapshot(b));
	remove_tree(t);
	remove_tree(a);
	remove_tree(b);
}

Test(patch, signoff_only_when_given)
{
	char *t = fixture(), *a = make_tempdir(), *b = make_tempdir(), *sa, *sb;
	struct run ra = patch(t, a, NULL);
	struct run rb = patch(t, b, "A U Thor <author@example.com>");

	cr_assert_eq(ra.status, 0, "%s", ra.err);
	cr_assert_eq(rb.status, 0, "%s", rb.err);
	sa = tree_snapshot(a);
	sb = tree_snapshot(b);
	cr_assert_null(strstr(sa, "Signed-off-by"));
	cr_assert(strstr(sa, "\nFrom: Ann Config <ann@example.org>\n"), "%s", sa);
	cr_assert(strstr(sb, "\nFrom: A U Thor <author@example.com>\n"));
	cr_assert(strstr(sb, "\nSigned-off-by: A U Thor <author@example.com>\n---\n"));
	remove_tree(t);
	remove_tree(a);
	remove_tree(b);
}

/* The series of argv (after "patch -q --target linux-7.3 --kernel-tree T -o S"), patch 1 */
static char *first_patch(const char *const *opts, struct run *r)
{
	char *t = fixture(), *s = make_tempdir(), *text;
	const char *argv[16] = { "patch", "-q", "--target", "linux-7.3", "--kernel-tree", t,
				 "-o", s };
	size_t n = 8;
	DIR *d;
	struct dirent *de;
	char *path = NULL;

	while (*opts)
		argv[n++] = *opts++;
	argv[n++] = SMALL;
	*r = run_msrgen(NULL, argv);
	d = opendir(s);
	cr_assert_not_null(d);
	while ((de = readdir(d)))
		if (!strncmp(de->d_name, "0001-", 5))
			path = xasprintf("%s/%s", s, de->d_name);
	closedir(d);
	text = path ? slurp(path) : xstrdup("");
	free(path);
	remove_tree(t);
	remove_tree(s);
	return text;
}

/* The "From:" line and the Signed-off-by lines of a patch, one a line */
static char *idents(const char *text)
{
	struct strbuf sb = { 0 };
	const char *line;

	sb_puts(&sb, "");
	for (line = text; line; line = strchr(line, '\n'), line = line ? line + 1 : NULL)
		if (!strncmp(line, "From: ", 6) || !strncmp(line, "Signed-off-by: ", 15))
			sb_putn(&sb, line, strcspn(line, "\n") + 1);
	return sb.s;
}

/* As git format-patch: the author from git's user.name and user.email */
Test(patch, author_from_git)
{
	const char *const opts[] = { NULL };
	struct run r;
	char *text = first_patch(opts, &r);

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(idents(text), "From: Ann Config <ann@example.org>\n");
}

/* --signoff alone signs off with git's identity (git format-patch -s) */
Test(patch, signoff_from_git)
{
	const char *const opts[] = { "--signoff", NULL };
	struct run r;
	char *text = first_patch(opts, &r);

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(idents(text), "From: Ann Config <ann@example.org>\n"
				       "Signed-off-by: Ann Config <ann@example.org>\n");
}

/* GIT_AUTHOR_NAME and friends count, as they do for git */
Test(patch, author_from_git_environment)
{
	const char *const opts[] = { "--signoff", NULL };
	struct run r;
	char *text;

	setenv("GIT_AUTHOR_NAME", "Env Author", 1);
	setenv("GIT_AUTHOR_EMAIL", "env@example.org", 1);
	text = first_patch(opts, &r);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(idents(text), "From: Env Author <env@example.org>\n"
				       "Signed-off-by: Ann Config <ann@example.org>\n");
}

/* Given ones win over git's, in both spellings of --signoff */
Test(patch, author_and_signoff_given)
{
	const char *const opts[] = { "--author", "A U Thor <author@example.com>",
				     "--signoff=S O Ffer <signer@example.com>", NULL };
	struct run r;
	char *text = first_patch(opts, &r);

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(idents(text), "From: A U Thor <author@example.com>\n"
				       "Signed-off-by: S O Ffer <signer@example.com>\n");
}

/* No identity anywhere: a usage error and no series, never a made-up author */
Test(patch, no_identity_is_an_error)
{
	const char *const opts[] = { NULL };
	const char *const signoff[] = { "--signoff", NULL };
	const char *want = "msrgen: patch: git knows no user.name and user.email; give --author "
			   "and --signoff 'Name <mail>' or set them with git config\n"
			   "Try 'msrgen patch --help' for more information.\n";
	struct run r;
	char *text;

	setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
	text = first_patch(opts, &r);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(text, "");
	text = first_patch(signoff, &r);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(text, "");
}

Test(patch, git_am_gives_the_installed_tree)
{
	char *t = fixture(), *s = make_tempdir(), *a = fixture(), *want;
	struct run r = patch(t, s, "A U Thor <author@example.com>");

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = install(t);
	cr_assert_eq(r.status, 0, "%s", r.err);
	want = tree_snapshot(t);
	cr_assert_eq(git_am_series(a, s, 4), 0);
	cr_assert_str_eq(tree_snapshot(a), want);
	remove_tree(t);
	remove_tree(s);
	remove_tree(a);
}

Test(patch, needs_an_unmodified_tree)
{
	char *t = fixture(), *s = make_tempdir(), *want;
	struct run r = install(t);

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = patch(t, s, NULL);
	want = xasprintf("msrgen: error: patch: %s has 69 of the edits already; it needs an "
			 "unmodified tree\nmsrgen: error: %s: nothing written (1 error)\n", t, s);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(series_names(s), ".\n");
	remove_tree(t);
	remove_tree(s);
}

static struct run patch_cover(const char *tree, const char *out, const char *templates)
{
	const char *argv[] = { "patch", "--target", "linux-7.3", "--kernel-tree", tree, "-o", out,
			       "--cover-letter", SMALL, templates ? "--templates" : NULL, templates,
			       NULL };

	return run_msrgen(NULL, argv);
}

/* The text of the plan's 'cover' block, subject first, as git writes it */
Test(patch, cover_letter)
{
	char *t = fixture(), *s = make_tempdir(), *gen = make_tempdir(), *cover, *hdr, *d;
	char *path = xasprintf("%s/0000-cover-letter.patch", s), *want, digest[72];
	const char *argv[] = { "generate", "-q", "--target", "linux-7.3", "-o", gen, SMALL, NULL };
	struct run r = run_msrgen(NULL, argv);

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	hdr = xasprintf("%s/arch/x86/include/asm/msr-gen.h", gen);
	d = strstr(slurp(hdr), "sha256:");
	cr_assert(d);
	memcpy(digest, d, 71);
	digest[71] = '\0';	/* the file's own digest, not the inputs' */
	r = patch_cover(t, s, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	want = xasprintf("msrgen: %s: 4 patches and a cover letter for linux-7.3\n", s);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(series_names(s),
			 "0000-cover-letter.patch\n"
			 "0001-x86-extable-Report-the-MSR-of-a-faulting-immediate-f.patch\n"
			 "0002-x86-msr-Add-generated-inline-MSR-accessors.patch\n"
			 "0003-x86-xen-Add-a-generated-runtime-MSR-dispatcher.patch\n"
			 "0004-x86-msr-Use-the-generated-accessors-remove-the-pv_op.patch\n.\n");
	cover = slurp(path);
	cr_assert(cover);
	cr_assert(strstr(cover, "\nFrom: Ann Config <ann@example.org>\n"
				"Date: Thu, 1 Jan 2026 00:00:00 +0000\n"
				"Subject: [PATCH 0/4] x86/msr: Inline MSR accessors, per-MSR Xen PV handling,\n"
				" no pv_ops MSR hooks\n\n"
				"Today an MSR access goes rdmsrq()/wrmsrq() -> paravirt ops -> a call\n"),
		  "%s", cover);
	free(want);
	/* the digest of the tables and templates: hex, and no file's own */
	d = strstr(cover, "\ninputs digest is\n\n  sha256:");
	cr_assert(d, "%s", cover);
	d += 21;
	cr_assert_eq(strspn(d + 7, "0123456789abcdef"), 64, "%s", cover);
	cr_assert(strncmp(d, digest, 71), "the cover names msr-gen.h's own digest");
	memcpy(digest, d, 71);
	want = xasprintf("for a new series against LINUX, or msrgen install to update a tree.\n\n"
			 "The generated files are the output of msrgen %s for linux-7.3, whose\n"
			 "inputs digest is\n\n  %s\n\n"
			 "Ann Config (4):\n"
			 "  x86/extable: Report the MSR of a faulting immediate-form access\n"
			 "  x86/msr: Add generated inline MSR accessors\n"
			 "  x86/xen: Add a generated runtime MSR dispatcher\n"
			 "  x86/msr: Use the generated accessors, remove the pv_ops MSR hooks\n\n"
			 " MAINTAINERS ", MSRGEN_VERSION, digest);
	cr_assert(strstr(cover, want), "%s", cover);
	remove_tree(t);
	remove_tree(s);
	remove_tree(gen);
}


/* The inputs digest of the cover letter of a series for templates (NULL: the
   source tree's), as "sha256:HEX" */
static char *cover_digest(const char *tree, const char *templates)
{
	char *s = make_tempdir(), *cover, *d;
	struct run r = patch_cover(tree, s, templates);

	cr_assert_eq(r.status, 0, "%s", r.err);
	cover = slurp(xasprintf("%s/0000-cover-letter.patch", s));
	cr_assert(cover);
	d = strstr(cover, "\ninputs digest is\n\n  sha256:");
	cr_assert(d, "%s", cover);
	run_free(&r);
	remove_tree(s);
	return xstrndup(d + 21, 71);
}

/* Every file the target uses is an input: names.conf, install.plan and
   target.conf as well as the templates, and what it shares with another
   folder; where the templates folder is is not */
Test(patch, inputs_digest_covers_every_file_of_the_target)
{
	char *t = fixture(), *tm = make_tempdir();
	char *d0, *d1, *d2, *d3, *d4;

	d0 = cover_digest(t, NULL);
	copy_target(tm);
	cr_assert_str_eq(cover_digest(t, tm), d0);
	sh("echo '# one more comment' >> '%s/linux-7.3/names.conf'", tm);
	d1 = cover_digest(t, tm);
	cr_assert_str_neq(d1, d0);
	sh("sed -i '1a# one more comment' '%s/linux-7.3/install.plan'", tm);
	d2 = cover_digest(t, tm);
	cr_assert_str_neq(d2, d1);
	sh("mkdir '%s/_shared' && echo 'm4_dnl' > '%s/_shared/_x.m4' && "
	   "echo 'share _shared' >> '%s/linux-7.3/target.conf'", tm, tm, tm);
	d3 = cover_digest(t, tm);
	cr_assert_str_neq(d3, d2);
	sh("echo 'm4_dnl more' > '%s/_shared/_x.m4'", tm);
	d4 = cover_digest(t, tm);
	cr_assert_str_neq(d4, d3);
	remove_tree(t);
	remove_tree(tm);
}

Test(patch, cover_letter_needs_a_cover_in_the_plan)
{
	char *t = fixture(), *s = make_tempdir(), *tm = make_tempdir(), *want, *plan;
	struct run r;

	copy_target(tm);
	sh("sed -i '/^cover /,/^$/d' '%s/linux-7.3/install.plan'", tm);
	r = patch_cover(t, s, tm);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, "msrgen: error: linux-7.3/install.plan has no 'cover' for "
				"--cover-letter\n");
	cr_assert_str_eq(series_names(s), ".\n");
	/* and a 'cover' after the first patch is an error of the plan */
	sh("sed -i 's|^add arch/x86/xen/msr.h$|cover late\\n&|' '%s/linux-7.3/install.plan'", tm);
	run_free(&r);
	r = patch_cover(t, s, tm);
	plan = xasprintf("%s/linux-7.3/install.plan", tm);
	want = xasprintf("%s:%d:1: error: 'cover' comes before the first 'patch'\n"
			 "cover late\n^~~~~~~~~~\n", plan,
			 file_line(plan, "\ncover late\n") + 1);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	remove_tree(t);
	remove_tree(s);
	remove_tree(tm);
}

/* A second series into the same folder: the files of the first one go */
Test(patch, earlier_series_is_removed)
{
	char *t = fixture(), *s = make_tempdir(), *want;
	const char *argv[] = { "patch", "--target", "linux-7.3", "--kernel-tree", t, "-o", s,
			       SMALL, NULL };
	struct run r;

	sh("cd '%s' && printf 'From 0123456789abcdef Mon Sep 17 00:00:00 2001\\nSubject: old\\n' "
	   "> 0007-old.patch && echo notes > 0008-notes.patch && echo x > notes.txt", s);
	r = run_msrgen(NULL, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	want = xasprintf("msrgen: %s: removed 0007-old.patch of an earlier series\n"
			 "msrgen: %s: 4 patches for linux-7.3\n", s, s);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(series_names(s),
			 "0001-x86-extable-Report-the-MSR-of-a-faulting-immediate-f.patch\n"
			 "0002-x86-msr-Add-generated-inline-MSR-accessors.patch\n"
			 "0003-x86-xen-Add-a-generated-runtime-MSR-dispatcher.patch\n"
			 "0004-x86-msr-Use-the-generated-accessors-remove-the-pv_op.patch\n"
			 "0008-notes.patch\nnotes.txt\n.\n");
	remove_tree(t);
	remove_tree(s);
}

/*
 * A hand edit of a line install inserted (a comment added to the #include):
 * the line is still recognised as install's, kept as edited, and not added
 * a second time.
 */
Test(install, edited_inserted_line_is_recognised)
{
	char *t = fixture(), *msrh = xasprintf("%s/arch/x86/mm/extable.c", t);
	char *text, *p;
	char *msg = xasprintf("msrgen: %s: up to date for linux-7.3\n", t);
	struct run r = install(t);
	int n = 0;

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	sh("sed -i 's|^#include <asm/msr-gen-extable.h>$|#include  <asm/msr-gen-extable.h>\t/* generated: msrgen */|' '%s'",
	   msrh);
	r = install(t);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect_str_eq(r.err, msg);
	text = slurp(msrh);
	for (p = text; (p = strstr(p, "<asm/msr-gen-extable.h>")); p++)
		n++;
	cr_expect_eq(n, 1, "extable.c includes asm/msr-gen-extable.h %d times", n);
	cr_expect(strstr(text, "#include  <asm/msr-gen-extable.h>\t/* generated: msrgen */\n"));
	free(text);
	free(msg);
	free(msrh);
	run_free(&r);
	remove_tree(t);
}

/* A block to replace with one line changed deep inside: the error names that line. */
Test(install, replaced_block_reports_the_differing_line)
{
	char *t = fixture(), *src = xasprintf("%s/arch/x86/xen/enlighten_pv.c", t), *want;
	struct run r;
	int line;

	sh("sed -i 's#^\t\t\tval |= MSR_IA32_APICBASE_BSP;$#\t\t\tval |= MSR_IA32_APICBASE_BSP; /* boot CPU */#' '%s'",
	   src);
	line = file_line(src, "MSR_IA32_APICBASE_BSP; /* boot CPU */");
	r = install(t);
	want = xasprintf("%s:%d:1: error: cannot find '\\tnative_write_cr4(cr4);\\n}\\n\\n"
			 "static u64 xen_do_read_msr(u32 msr, int *err)...' (replace at "
			 "linux-7.3/install.plan:%d, patch 4/4): the tree has its first 19 lines, "
			 "then this line is '\\t\\t\\tval |= MSR_IA32_APICBASE_BSP; /* boot CPU */' "
			 "where the plan has '\\t\\t\\tval |= MSR_IA32_APICBASE_BSP;'\n"
			 "\t\t\tval |= MSR_IA32_APICBASE_BSP; /* boot CPU */\n"
			 "^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
			 "msrgen: error: %s: nothing changed (1 error)\n", src, line,
			 plan_line("replace arch/x86/xen/enlighten_pv.c 1\n- \tnative_write_cr4(cr4);"),
			 t);
	cr_expect_eq(r.status, 1);
	cr_expect_str_eq(r.err, want);
	free(want);
	free(src);
	run_free(&r);
	remove_tree(t);
}

/* patch interrupted while git works: its temporary folder goes too */
Test(patch, sigint_cleans_up, .timeout = 60)
{
	char *t = fixture(), *s = make_tempdir(), *tmp = make_tempdir(), *bin = make_tempdir();
	char *git = xasprintf("%s/git", bin), *left;
	char *e_path = xasprintf("PATH=%s:/usr/bin:/bin", bin), *e_tmp = xasprintf("TMPDIR=%s", tmp);
	char *env[] = { e_path, e_tmp, "HOME=/nonexistent", NULL };
	const char *argv[] = { "patch", "-q", "--target", "linux-7.3", "--kernel-tree", t,
			       "-o", s, SMALL, NULL };
	struct run_opts o = { .env = env, .kill_after_ms = 4000, .kill_sig = SIGINT };
	struct run r;
	FILE *f = fopen(git, "w");

	cr_assert(f);
	fputs("#!/bin/sh\nsleep 10\nexec /usr/bin/git \"$@\"\n", f);
	fclose(f);
	chmod(git, 0755);
	r = run_msrgen_opts(&o, argv);
	cr_expect_eq(r.status, 128 + SIGINT, "status %d: %s", r.status, r.err);
	left = tree_snapshot(tmp);
	cr_expect_str_eq(left, "", "left in TMPDIR:\n%s", left);
	run_free(&r);
	remove_tree(t);
	remove_tree(s);
	remove_tree(tmp);
	remove_tree(bin);
}
