// SPDX-License-Identifier: GPL-2.0
/*
 * Robustness: a failed run (bad input, an m4 error, a bad template, a full disk,
 * a signal) leaves the output folder exactly as it was; the same inputs give the
 * same bytes whatever the file order, locale, folder, umask or environment; big
 * inputs are handled or refused with a clear error in bounded time and memory.
 * Big inputs are made here, never committed.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

#define GOLDEN TESTS_DIR "/golden"

static void copy_file(const char *from, const char *to)
{
	char *text = slurp(from);

	cr_assert_not_null(text, "%s", from);
	write_text(to, text);
	free(text);
}

/* A copy of the mini target in a temporary folder: ROOT/mini/... */
static char *mini_copy(void)
{
	char *root = make_tempdir();
	char *d = xasprintf("%s/mini", root), *inc = xasprintf("%s/mini/include", root);
	static const char *const files[] = { "_row.m4", "handling.csv.m4",
					     "include/msr-fields.h.m4" };
	size_t i;

	mkdir(d, 0755);
	mkdir(inc, 0755);
	for (i = 0; i < 3; i++) {
		char *from = xasprintf(GOLDEN "/templates/mini/%s", files[i]);
		char *to = xasprintf("%s/%s", d, files[i]);

		copy_file(from, to);
		free(from);
		free(to);
	}
	free(d);
	free(inc);
	return root;
}

/* An output folder holding what small.msr makes with the mini target. */
static char *previous_output(void)
{
	char *out = make_tempdir();
	const char *argv[] = { "generate", "-q", "--templates", GOLDEN "/templates", "--target",
			       "mini", "-o", out, "small.msr", NULL };
	struct run r = run_msrgen(GOLDEN "/defs", argv);

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	return out;
}

/* Generates small.msr into out with the templates in troot; returns the run. */
static struct run gen_mini(const struct run_opts *o, const char *troot, const char *out,
			      const char *input)
{
	const char *argv[] = { "generate", "-q", "--templates", troot, "--target", "mini",
			       "-o", out, input, NULL };

	return run_msrgen_opts(o, argv);
}

/* The result must be a failure with exactly err, and out as it was. */
static void expect_unchanged(struct run *res, const char *out, const char *before,
			     const char *err)
{
	char *after = tree_snapshot(out);

	cr_expect_eq(res->status, 1, "status %d: %s", res->status, res->err);
	if (err)
		cr_expect_str_eq(res->err, err);
	cr_expect_str_eq(after, before, "the output folder changed");
	free(after);
}

/* ---- output safety ---- */

Test(robust, bad_input_keeps_output)
{
	char *out = previous_output(), *before = tree_snapshot(out);
	char *dir = make_tempdir(), *in = xasprintf("%s/in.msr", dir);
	struct run_opts o = { .dir = dir };
	struct run res;

	write_text(in, "platform native { }\nmsr MSR_A 0x10 { frob; }\n");
	res = gen_mini(&o, GOLDEN "/templates", out, "in.msr");
	expect_unchanged(&res, out, before,
			 "in.msr:2:18: error: unknown keyword 'frob' (a handling is PLATFORM read|write|rw KIND)\n"
			 "msr MSR_A 0x10 { frob; }\n"
			 "                 ^~~~\n");
	remove_tree(out);
	remove_tree(dir);
}

static void broken_template(const char *body, const char *err_fmt)
{
	char *out = previous_output(), *before = tree_snapshot(out);
	char *troot = mini_copy();
	char *t = xasprintf("%s/mini/include/zz-broken.h.m4", troot);
	char *err = xasprintf(err_fmt, t);
	struct run_opts o = { .dir = GOLDEN "/defs" };
	struct run res;

	write_text(t, body);
	res = gen_mini(&o, troot, out, "small.msr");
	expect_unchanged(&res, out, before, err);
	remove_tree(out);
	remove_tree(troot);
}

Test(robust, template_fail_names_template_and_line)
{
	broken_template("/* SPDX-License-Identifier: GPL-2.0 */\nMSRGEN_BANNER_C()m4_dnl\n"
			"int x;\nMSRGEN_FAIL([[no such thing]])\n",
			"include/zz-broken.h.m4:4: error: no such thing\n"
			"msrgen: error: m4 failed on template '%s'\n");
}

Test(robust, m4_error_names_template_and_line)
{
	broken_template("/* SPDX-License-Identifier: GPL-2.0 */\nMSRGEN_BANNER_C()m4_dnl\n"
			"m4_include([[_missing.m4]])\n",
			"m4:include/zz-broken.h.m4:3: cannot open `_missing.m4': No such file or directory\n"
			"msrgen: error: m4 failed on template '%s'\n");
}

/* A template that fails inside a record macro: the message names where the
   table makes that record, not the model file m4 was reading */
Test(robust, template_fail_in_a_record_names_the_table)
{
	broken_template("/* SPDX-License-Identifier: GPL-2.0 */\nMSRGEN_BANNER_C()m4_dnl\n"
			"m4_define([[MSRGEN_MSR]], [[m4_ifelse([[$2]], [[MSR_STAR]], "
			"[[MSRGEN_FAIL([[no $2 here]])]])]])MSRGEN_MODEL\n",
			"small.msr:10:5: error: no MSR_STAR here\n"
			"msr MSR_STAR 0xc0000081 { xenpv write ignore; }\n"
			"    ^~~~~~~~\n"
			"msrgen: error: m4 failed on template '%s'\n");
}

Test(robust, m4_error_in_a_record_names_the_table)
{
	broken_template("/* SPDX-License-Identifier: GPL-2.0 */\nMSRGEN_BANNER_C()m4_dnl\n"
			"m4_define([[MSRGEN_HANDLE]], [[m4_ifelse([[$7]], [[ignore]], "
			"[[m4_substr([[x]])]])]])MSRGEN_MODEL\n",
			"m4:small.msr:24:2: Warning: too few arguments to builtin `m4_substr'\n"
			"\txenpv read ignore 0x1234;\n"
			"\t^~~~~~~~~~~~~~~~~~~~~~~~~\n"
			"m4:small.msr:10:27: Warning: too few arguments to builtin `m4_substr'\n"
			"msr MSR_STAR 0xc0000081 { xenpv write ignore; }\n"
			"                          ^~~~~~~~~~~~~~~~~~~\n"
			"msrgen: error: m4 failed on template '%s'\n");
}

/* The joined records are located too: MSRGEN_ON at the declaration,
   MSRGEN_HANDLER at the handling that first names the handler */
Test(robust, template_fail_in_a_joined_record_names_the_table)
{
	broken_template("/* SPDX-License-Identifier: GPL-2.0 */\nMSRGEN_BANNER_C()m4_dnl\n"
			"m4_define([[MSRGEN_ON]], [[m4_ifelse([[$11$7]], [[ignoreX86_FEATURE_XENPV]], "
			"[[MSRGEN_FAIL([[$2: $6 ignores writes]])]])]])MSRGEN_MODEL\n",
			"small.msr:10:5: error: MSR_STAR: xenpv ignores writes\n"
			"msr MSR_STAR 0xc0000081 { xenpv write ignore; }\n"
			"    ^~~~~~~~\n"
			"msrgen: error: m4 failed on template '%s'\n");
	broken_template("/* SPDX-License-Identifier: GPL-2.0 */\nMSRGEN_BANNER_C()m4_dnl\n"
			"m4_define([[MSRGEN_HANDLER]], [[m4_ifelse([[$6]], [[2]], "
			"[[MSRGEN_FAIL([[$1 takes $6]])]])]])MSRGEN_MODEL\n",
			"small.msr:7:2: error: xen_msr_set_segment_base takes 2\n"
			"\txenpv write call xen_msr_set_segment_base(SEGBASE_FS, 0x10);\n"
			"\t^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
			"msrgen: error: m4 failed on template '%s'\n");
}

Test(robust, m4_warning_is_an_error)
{
	broken_template("/* SPDX-License-Identifier: GPL-2.0 */\nMSRGEN_BANNER_C()m4_dnl\n"
			"m4_substr([[abc]])\n",
			"m4:include/zz-broken.h.m4:3: Warning: too few arguments to builtin `m4_substr'\n"
			"msrgen: error: m4 failed on template '%s'\n");
}

Test(robust, empty_output_is_an_error)
{
	broken_template("m4_dnl nothing at all\n",
			"msrgen: error: template '%s' produced an empty file\n");
}

Test(robust, output_without_spdx_is_an_error)
{
	broken_template("MSRGEN_BANNER_C()int x;\n",
			"msrgen: error: template '%s' does not start with an SPDX line\n");
}

Test(robust, output_without_banner_is_an_error)
{
	broken_template("/* SPDX-License-Identifier: GPL-2.0 */\nint x;\n",
			"msrgen: error: template '%s' does not expand MSRGEN_BANNER_*\n");
}

Test(robust, missing_m4)
{
	char *out = previous_output(), *before = tree_snapshot(out);
	char *env[] = { "MSRGEN_M4=/nonexistent/m4", "PATH=/usr/bin:/bin", NULL };
	struct run_opts o = { .dir = GOLDEN "/defs", .env = env };
	struct run res = gen_mini(&o, GOLDEN "/templates", out, "small.msr");

	expect_unchanged(&res, out, before,
			 "msrgen: error: cannot run /nonexistent/m4: No such file or directory"
			 " (install GNU m4: apt-get install m4)\n");
	remove_tree(out);
}

/* A different input, so that every output file changes. */
static char *changed_input(void)
{
	char *dir = make_tempdir(), *path = xasprintf("%s/platforms.msr", dir);
	char *text = slurp(GOLDEN "/defs/small.msr"), *p;

	copy_file(GOLDEN "/defs/platforms.msr", path);
	free(path);
	path = xasprintf("%s/small.msr", dir);
	p = strstr(text, "0x1b");
	cr_assert_not_null(p);
	p[3] = 'c';	/* APICBASE moves: every file says where */
	write_text(path, text);
	free(path);
	free(text);
	return dir;
}

Test(robust, full_disk_keeps_output)
{
	char *out = previous_output(), *before = tree_snapshot(out);
	char *in = changed_input(), *troot = mini_copy();
	char *big = xasprintf("%s/mini/zz-big.txt.m4", troot);
	struct strbuf sb = { 0 };
	struct run_opts o = { .dir = in, .fsize = 32768 };
	struct run res;
	int i;

	/* the model and the small files fit, this one does not */
	sb_puts(&sb, "# SPDX-License-Identifier: GPL-2.0\nMSRGEN_BANNER_HASH()m4_dnl\n");
	for (i = 0; i < 1000; i++)
		sb_puts(&sb, "filler filler filler filler filler filler filler filler\n");
	write_text(big, sb.s);
	res = gen_mini(&o, troot, out, "small.msr");
	expect_unchanged(&res, out, before, NULL);
	cr_expect(strstr(res.err, "/zz-big.txt': File too large\n"), "%s", res.err);
	cr_expect(!strncmp(res.err, "msrgen: error: cannot write '", 29), "%s", res.err);
	sb_free(&sb);
	remove_tree(out);
	remove_tree(in);
	remove_tree(troot);
}

Test(robust, output_path_not_a_file_changes_nothing)
{
	char *out = previous_output(), *in = changed_input();
	char *path = xasprintf("%s/handling.csv", out), *before, *err;
	struct run_opts o = { .dir = in };
	struct run res;

	/* handling.csv comes first: it is a folder now, msr-fields.h must stay old */
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(mkdir(path, 0755), 0);
	before = tree_snapshot(out);
	res = gen_mini(&o, GOLDEN "/templates", out, "small.msr");
	err = xasprintf("msrgen: error: cannot replace '%s': not a regular file\n", path);
	expect_unchanged(&res, out, before, err);
	remove_tree(out);
	remove_tree(in);
}

/* m4 that waits, so that a signal finds msrgen in the middle of a run */
static char *slow_m4(const char *dir)
{
	char *path = xasprintf("%s/slow-m4", dir);

	write_text(path, "#!/bin/sh\nsleep 3\nexec m4 \"$@\"\n");
	chmod(path, 0755);
	return path;
}

static void killed(int sig, bool clean_tmp)
{
	char *out = previous_output(), *before = tree_snapshot(out);
	char *in = changed_input(), *tmp = make_tempdir(), *m4 = slow_m4(in);
	char *e_m4 = xasprintf("MSRGEN_M4=%s", m4), *e_tmp = xasprintf("TMPDIR=%s", tmp);
	char *env[] = { e_m4, e_tmp, "PATH=/usr/bin:/bin", NULL };
	struct run_opts o = { .dir = in, .env = env, .kill_after_ms = 1000, .kill_sig = sig };
	struct run res = gen_mini(&o, GOLDEN "/templates", out, "small.msr");
	char *after = tree_snapshot(out), *left = tree_snapshot(tmp);

	cr_expect_eq(res.status, 128 + sig, "status %d: %s", res.status, res.err);
	cr_expect_str_eq(after, before, "the output folder changed");
	if (clean_tmp)
		cr_expect_str_eq(left, "", "left in TMPDIR:\n%s", left);
	remove_tree(out);
	remove_tree(in);
	remove_tree(tmp);
}

Test(robust, sigterm_keeps_output_and_cleans_up) { killed(SIGTERM, true); }
Test(robust, sigint_keeps_output_and_cleans_up) { killed(SIGINT, true); }
/* SIGKILL cannot be caught: the output is intact, TMPDIR may keep the m4 input */
Test(robust, sigkill_keeps_output) { killed(SIGKILL, false); }

/* ---- determinism ---- */

static char *gen_snapshot(const struct run_opts *o, const char *const *files)
{
	char *out = make_tempdir(), *snap;
	const char *argv[64] = { "generate", "-q", "--target", "linux-7.3", "-o", out };
	size_t n = 6;
	struct run res;

	while (*files && n < 62)
		argv[n++] = *files++;
	argv[n] = NULL;
	res = run_msrgen_opts(o, argv);
	cr_assert_eq(res.status, 0, "%s", res.err);
	snap = tree_snapshot(out);
	remove_tree(out);
	return snap;
}

static const char **defs_files(bool absolute, bool reverse)
{
	static const char *list[64];
	const char **v = xcalloc(64, sizeof(*v));
	size_t n = (chdir(SRC_DIR), list_msr_files("defs", list, 60)), i;

	for (i = 0; i < n; i++) {
		const char *f = list[reverse ? n - 1 - i : i];

		v[i] = absolute ? xasprintf("%s/%s", SRC_DIR, f) : f;
	}
	return v;
}

Test(robust, same_bytes_any_file_order)
{
	struct run_opts o = { .dir = SRC_DIR };
	char *a = gen_snapshot(&o, defs_files(false, false));
	char *b = gen_snapshot(&o, defs_files(false, true));

	cr_expect_str_eq(a, b);
}

Test(robust, same_bytes_any_locale_folder_umask_environment)
{
	struct run_opts base = { .dir = SRC_DIR };
	char *want = gen_snapshot(&base, defs_files(false, false));
	char *tmp = make_tempdir(), *e_tmp = xasprintf("TMPDIR=%s", tmp);
	char *m4path = xasprintf("M4PATH=%s", tmp), *evil = xasprintf("%s/_row.m4", tmp);
	char *path = xasprintf("PATH=%s", getenv("PATH"));
	char *c[] = { "LC_ALL=C", path, NULL };
	char *utf8[] = { "LC_ALL=C.UTF-8", "LANG=C.UTF-8", path, NULL };
	char *de[] = { "LC_ALL=de_DE.UTF-8", "LANG=de_DE.UTF-8", "LC_NUMERIC=de_DE", path, NULL };
	char *odd[] = { e_tmp, m4path, "POSIXLY_CORRECT=1", "M4=/bin/false",
			"SOURCE_DATE_EPOCH=1", "TZ=Pacific/Kiritimati", "FOO=bar", path, NULL };
	struct run_opts cases[] = {
		{ .dir = SRC_DIR, .env = c },
		{ .dir = SRC_DIR, .env = utf8 },
		{ .dir = SRC_DIR, .env = de },
		{ .dir = SRC_DIR, .env = odd },
		{ .dir = SRC_DIR, .umask = 077 },
		{ .dir = SRC_DIR, .umask = 002 },
		{ .dir = "/" },
	};
	size_t i;

	write_text(evil, "m4_errprint([[M4PATH was searched]])m4_m4exit(1)\n");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = gen_snapshot(&cases[i], defs_files(cases[i].dir[1] == '\0', false));

		cr_expect_str_eq(got, want, "case %zu differs", i);
		free(got);
	}
	remove_tree(tmp);
}

Test(robust, generated_files_are_0644_whatever_the_umask)
{
	char *out = make_tempdir(), *path = xasprintf("%s/handling.csv", out);
	struct run_opts o = { .dir = GOLDEN "/defs", .umask = 077 };
	struct run res = gen_mini(&o, GOLDEN "/templates", out, "small.msr");
	struct stat st;

	cr_assert_eq(res.status, 0, "%s", res.err);
	cr_assert_eq(stat(path, &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0644);
	remove_tree(out);
}

Test(robust, audit_same_bytes_any_locale_and_order)
{
	char *path = xasprintf("PATH=%s", getenv("PATH"));
	char *c[] = { "LC_ALL=C", path, NULL };
	char *utf8[] = { "LC_ALL=C.UTF-8", path, NULL };
	static const char *const formats[] = { "md", "csv", "json" };
	size_t f;

	for (f = 0; f < 3; f++) {
		const char *a1[64] = { "audit", "--format", formats[f] };
		const char *a2[64] = { "audit", "--format", formats[f] };
		const char **fwd = defs_files(false, false), **rev = defs_files(true, true);
		struct run_opts o1 = { .dir = SRC_DIR, .env = c }, o2 = { .dir = "/", .env = utf8 };
		struct run r1, r2;
		size_t i;

		for (i = 0; fwd[i]; i++) {
			a1[3 + i] = fwd[i];
			a2[3 + i] = rev[i];
		}
		r1 = run_msrgen_opts(&o1, a1);
		r2 = run_msrgen_opts(&o2, a2);
		cr_assert_eq(r1.status, 0, "%s", r1.err);
		cr_expect_str_eq(r1.out, r2.out, "audit --format %s", formats[f]);
	}
}

/* ---- limits ---- */

static char *big_dir(const char *text)
{
	char *dir = make_tempdir(), *path = xasprintf("%s/input.msr", dir);

	write_text(path, text);
	free(path);
	return dir;
}

static struct run audit_csv(const char *dir)
{
	const char *argv[] = { "audit", "--format", "csv", "input.msr", NULL };
	struct run_opts o = { .dir = dir };

	return run_msrgen_opts(&o, argv);
}

Test(limits, hundred_thousand_msrs, .timeout = 300)
{
	struct strbuf sb = { 0 };
	struct run res;
	char *dir;
	int i;

	sb_puts(&sb, "platform native { }\nplatform xenpv { feature X86_FEATURE_XENPV; }\n");
	for (i = 0; i < 100000; i++)
		sb_printf(&sb, "msr MSR_T%d 0x%x { doc \"t %d\"; field F 3:0; xenpv write ignore; }\n",
			  i, 0x10000 + i, i);
	for (i = 0; i < 100000; i += 7)	/* extensions, found by name */
		sb_printf(&sb, "msr MSR_T%d { vendor intel; }\n", i);
	sb_puts(&sb, "hypervisor xen for xenpv { default rw gp;\n");
	for (i = 0; i < 100000; i += 3)
		sb_printf(&sb, "  MSR_T%d rw emulate;\n", i);
	sb_puts(&sb, "}\n");
	dir = big_dir(sb.s);
	res = audit_csv(dir);
	cr_assert_eq(res.status, 0, "%.2000s", res.err);
	cr_expect_eq(strstr(res.out, "0x000286a0,MSR_T100000") == NULL, true);
	cr_expect(strstr(res.out, "\n0x0002869f,0x0002869f,MSR_T99999,"), "the last register is missing");
	/* sanitizer builds are slower and bigger; these bounds catch a quadratic */
	cr_expect_lt(res.secs, 60.0, "100,000 MSRs took %.1f s", res.secs);
	cr_expect_lt(res.maxrss_kb, 4L << 20, "100,000 MSRs took %ld kB", res.maxrss_kb);
	fprintf(stderr, "limits: 100,000 MSRs: audit in %.2f s, %ld MB\n", res.secs,
		res.maxrss_kb >> 10);
	sb_free(&sb);
	remove_tree(dir);
}

Test(limits, thousands_of_errors, .timeout = 120)
{
	struct strbuf sb = { 0 };
	struct run res;
	char *dir, *p;
	int i, n = 0;

	sb_puts(&sb, "platform native { }\n");
	for (i = 0; i < 5000; i++)
		sb_puts(&sb, "msr MSR_A 0x10 { field F 1:0 { value V 9; } field F 1; }\n");
	dir = big_dir(sb.s);
	res = audit_csv(dir);
	cr_assert_eq(res.status, 1);
	for (p = res.err; (p = strstr(p, ": error: ")); p++)
		n++;
	/* 4999 names twice, 5000 values too wide; the first MSR_A: a field twice (its
	   overlap with itself is that, not one more error) */
	cr_expect_eq(n, 4999 + 5000 + 1, "%d errors", n);
	cr_expect_lt(res.secs, 60.0, "%.1f s", res.secs);
	sb_free(&sb);
	remove_tree(dir);
}

Test(limits, deep_include_chain)
{
	char *dir = make_tempdir();
	struct run_opts o = { .dir = dir };
	const char *argv[] = { "audit", "f0.msr", NULL };
	struct run res;
	int i;

	for (i = 0; i <= 65; i++) {
		char *path = xasprintf("%s/f%d.msr", dir, i);
		char *text = i < 65 ? xasprintf("include \"f%d.msr\";\n", i + 1)
				    : xstrdup("platform native { }\n");

		write_text(path, text);
		free(path);
		free(text);
	}
	res = run_msrgen_opts(&o, argv);
	cr_expect_eq(res.status, 1);
	cr_expect_str_eq(res.err, "f64.msr:1:9: error: includes nested more than 64 deep\n"
				    "include \"f65.msr\";\n"
				    "        ^~~~~~~~~\n"
				    "f63.msr:1:9: note: 'f64.msr' is included from here\n"
				    "include \"f64.msr\";\n"
				    "        ^\n"
				    "f62.msr:1:9: note: 'f63.msr' is included from here\n"
				    "include \"f63.msr\";\n"
				    "        ^\n"
				    "f61.msr:1:9: note: 'f62.msr' is included from here\n"
				    "include \"f62.msr\";\n"
				    "        ^\n"
				    "f0.msr:1:9: note: 'f1.msr' is included from here"
				    " (60 includes in between not shown)\n"
				    "include \"f1.msr\";\n"
				    "        ^\n");
	/* 64 deep is fine */
	argv[1] = "f1.msr";
	res = run_msrgen_opts(&o, argv);
	cr_expect_eq(res.status, 0, "%s", res.err);
	remove_tree(dir);
}

Test(limits, megabyte_line)
{
	struct strbuf sb = { 0 }, want = { 0 };
	struct run res;
	char *dir;
	size_t i;

	sb_puts(&sb, "platform native { }\nmsr MSR_A 0x10 { doc \"");
	for (i = 0; i < (1 << 20); i++)
		sb_putc(&sb, (char)('a' + i % 26));
	sb_puts(&sb, "\"; }\n");
	dir = big_dir(sb.s);
	res = audit_csv(dir);
	cr_expect_eq(res.status, 0, "%.300s", res.err);
	remove_tree(dir);

	/* an error at the end of a 1 MB line: the whole line and the caret under it */
	sb.len = 0;
	for (i = 0; i < (1 << 20); i++)
		sb_putc(&sb, ' ');
	sb_puts(&sb, "$\n");
	dir = big_dir(sb.s);
	res = audit_csv(dir);
	sb_printf(&want, "input.msr:1:%d: error: stray '$' in input\n%s%.*s^\n", (1 << 20) + 1,
		  sb.s, 1 << 20, sb.s);
	cr_expect_eq(res.status, 1);
	cr_expect(res.err && !strcmp(res.err, want.s), "stderr differs");
	sb_free(&sb);
	sb_free(&want);
	remove_tree(dir);
}

Test(limits, huge_number)
{
	struct strbuf sb = { 0 }, want = { 0 };
	struct run res;
	char *dir;
	int i;

	sb_puts(&sb, "msr MSR_A 0x");
	for (i = 0; i < 10000; i++)
		sb_putc(&sb, 'f');
	sb_puts(&sb, ";\n");
	dir = big_dir(sb.s);
	res = audit_csv(dir);
	sb_printf(&want, "input.msr:1:11: error: number '%.10002s' does not fit in 64 bits\n"
			 "%.*s\n          ^", sb.s + 10, (int)sb.len - 1, sb.s);
	for (i = 0; i < 10001; i++)
		sb_putc(&want, '~');
	sb_putc(&want, '\n');
	cr_expect_eq(res.status, 1);
	cr_expect(!strcmp(res.err, want.s), "stderr differs: %.200s", res.err);
	sb_free(&sb);
	sb_free(&want);
	remove_tree(dir);
}

Test(limits, file_too_large)
{
	char *dir = make_tempdir(), *path = xasprintf("%s/big.msr", dir);
	const char *argv[] = { "audit", "big.msr", NULL };
	struct run_opts o = { .dir = dir };
	struct run res;
	int fd = open(path, O_CREAT | O_WRONLY, 0644);

	cr_assert_eq(ftruncate(fd, (64 << 20) + 1), 0);	/* sparse: no disk used */
	close(fd);
	res = run_msrgen_opts(&o, argv);
	cr_expect_eq(res.status, 1);
	cr_expect_str_eq(res.err, "msrgen: error: cannot read 'big.msr': File too large\n");
	remove_tree(dir);
}

Test(limits, include_of_dev_zero)
{
	char *dir = big_dir("include \"/dev/zero\";\n");
	struct run res = audit_csv(dir);

	cr_expect_eq(res.status, 1);
	cr_expect_str_eq(res.err, "input.msr:1:9: error: cannot include '/dev/zero': it is a device, not a regular file\n"
				    "include \"/dev/zero\";\n"
				    "        ^~~~~~~~~~~\n");
	remove_tree(dir);
}

/* A FIFO named by an include would block the run: it is refused at the include. */
Test(limits, include_of_fifo, .timeout = 20)
{
	char *dir = big_dir("platform native { }\ninclude \"pipe.msr\";\n");
	char *fifo = xasprintf("%s/pipe.msr", dir);
	struct run res;

	cr_assert_eq(mkfifo(fifo, 0644), 0);
	res = audit_csv(dir);
	cr_expect_eq(res.status, 1);
	cr_expect_str_eq(res.err, "input.msr:2:9: error: cannot include 'pipe.msr': it is a FIFO, not a regular file\n"
				    "include \"pipe.msr\";\n"
				    "        ^~~~~~~~~~\n");
	run_free(&res);
	free(fifo);
	remove_tree(dir);
}

/* A folder that cannot be made (tools/, a file here) fails the write, and the
   folders made before it (arch/...) go again: the output folder is as it was */
Test(robust, failed_write_leaves_no_new_folders)
{
	char *dir = make_tempdir(), *block = xasprintf("%s/tools", dir);
	char *src = make_tempdir(), *table = xasprintf("%s/t.msr", src);
	char *before, *want;
	const char *argv[] = { "generate", "-q", "--templates", TESTS_DIR "/../templates", "--target",
			       "linux-7.3", "-o", dir, table, NULL };
	struct run r;

	write_text(table, "platform native { }\nmsr MSR_A 0x10;\n");
	write_text(block, "a file where the template wants a folder\n");
	before = tree_snapshot(dir);
	r = run_msrgen(NULL, argv);
	want = xasprintf("msrgen: error: cannot make folder '%s/tools/testing/msrgen': Not a directory\n",
			 dir);
	cr_assert_str_eq(r.err, want);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(tree_snapshot(dir), before);
	free(want);
	want = xasprintf("%s/arch", dir);
	cr_assert_neq(access(want, F_OK), 0, "%s was made and left", want);
	run_free(&r);
	remove_tree(dir);
	remove_tree(src);
	free(block);
	free(before);
	free(want);
	free(table);
	free(src);
	free(dir);
}

/* check where a generated file's place holds a folder: said, without diff's
   complaint about a temporary file */
Test(robust, check_folder_where_a_file_belongs)
{
	char *out = previous_output(), *where = xasprintf("%s/include/msr-fields.h", out);
	char *want = xasprintf("msrgen: error: '%s' is not a regular file, where msrgen generates one\n"
			       "msrgen: %s differs from what msrgen generates; run 'msrgen generate'\n",
			       where, out);
	const char *argv[] = { "check", "--templates", GOLDEN "/templates", "--target", "mini",
			       "-o", out, "small.msr", NULL };
	struct run r;

	remove(where);
	cr_assert_eq(mkdir(where, 0755), 0);
	r = run_msrgen(GOLDEN "/defs", argv);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, want), "%s", r.err);
	run_free(&r);
	remove_tree(out);
	free(where);
	free(want);
}
