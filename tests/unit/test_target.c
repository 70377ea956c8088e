// SPDX-License-Identifier: GPL-2.0
/*
 * A target's target.conf: the file m4 reads once (preload), the folders its
 * templates include from (share), and its mistakes, with their exact stderr.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#define SMALL TESTS_DIR "/golden/defs/small.msr"

/* A templates folder with target t: a template that includes a prelude
   (_pre.m4) that includes a file of the shared folder _common */
static char *templates(const char *conf)
{
	char *root = make_tempdir();

	cr_assert_eq(run_sh("mkdir -p '%s/t' '%s/_common'", root, root), 0);
	write_text(xasprintf("%s/_common/_words.m4", root),
		   "m4_define([[GREETING]], [[hello from _common]])m4_dnl\n");
	write_text(xasprintf("%s/t/_pre.m4", root),
		   "m4_include([[_words.m4]])m4_dnl\n"
		   "m4_define([[MSRGEN_MSR]], [[m4_define([[_n]], m4_incr(_n))]])m4_dnl\n"
		   "m4_define([[_n]], 0)MSRGEN_MODEL[[]]m4_dnl\n");
	write_text(xasprintf("%s/t/out.txt.m4", root),
		   "# SPDX-License-Identifier: GPL-2.0\n"
		   "m4_include([[_pre.m4]])m4_dnl\n"
		   "MSRGEN_BANNER_HASH[[]]m4_dnl\n"
		   "GREETING, _n registers\n");
	if (conf)
		write_text(xasprintf("%s/t/target.conf", root), conf);
	return root;
}

static struct run generate(const char *root, const char *out, char *const *env)
{
	const char *argv[] = { "generate", "-q", "--templates", root, "--target", "t", "-o", out,
			       SMALL, NULL };
	struct run_opts o = { .env = env };

	return run_msrgen_opts(&o, argv);
}

/* What the last line of OUT/out.txt says */
static char *last_line(const char *out)
{
	char *text = slurp(xasprintf("%s/out.txt", out)), *nl;

	cr_assert(text);
	nl = strrchr(text, '\n');
	cr_assert(nl);
	*nl = '\0';
	nl = strrchr(text, '\n');
	return nl ? nl + 1 : text;
}

Test(target, preload_and_share)
{
	char *root = templates("# SPDX-License-Identifier: GPL-2.0\n"
			       "preload _pre.m4   # read once\n"
			       "share _common\n");
	char *out = make_tempdir(), *log = xasprintf("%s/m4.log", root);
	char *wrap = xasprintf("%s/m4", root);
	char *envlog = xasprintf("M4LOG=%s", log), *envm4 = xasprintf("MSRGEN_M4=%s", wrap);
	char *env[] = { envm4, envlog, "PATH=/usr/bin:/bin", NULL };
	struct run r;
	char *seen;

	write_text(wrap, "#!/bin/sh\necho \"$@\" >>\"$M4LOG\"\nexec m4 \"$@\"\n");
	cr_assert_eq(run_sh("chmod +x '%s'", wrap), 0);
	r = generate(root, out, env);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	cr_assert_str_eq(last_line(out), "hello from _common, 11 registers");
	/* m4 froze its state after _pre.m4, the template started from it, and
	   both could include from the shared folder */
	seen = slurp(log);
	cr_assert(seen);
	cr_assert(strstr(seen, "-P --fatal-warnings -I../_common -F "), "%s", seen);
	cr_assert(strstr(seen, "prelude-lib.m4 _pre.m4\n"), "%s", seen);
	cr_assert(strstr(seen, "-P --fatal-warnings -I../_common -R "), "%s", seen);
	cr_assert(strstr(seen, "prelude-0.m4 out.txt.m4\n"), "%s", seen);
	remove_tree(root);
	remove_tree(out);
}

/* Without preload the same bytes, from the prelude alone */
Test(target, preload_gives_the_same_bytes)
{
	char *a = templates("preload _pre.m4\nshare _common\n");
	char *b = templates("share _common\n");
	char *oa = make_tempdir(), *ob = make_tempdir();
	struct run ra = generate(a, oa, NULL), rb = generate(b, ob, NULL);

	cr_assert_eq(ra.status, 0, "%s", ra.err);
	cr_assert_eq(rb.status, 0, "%s", rb.err);
	cr_assert_str_eq(tree_snapshot(oa), tree_snapshot(ob));
	remove_tree(a);
	remove_tree(b);
	remove_tree(oa);
	remove_tree(ob);
}

/* Without share, the shared folder is not on m4's path */
Test(target, share_is_needed)
{
	char *root = templates(NULL), *out = make_tempdir();
	struct run r = generate(root, out, NULL);
	char *want = xasprintf("m4:_pre.m4:1: cannot open `_words.m4': No such file or directory\n"
			       "msrgen: error: m4 failed on template '%s/t/out.txt.m4'\n", root);

	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	remove_tree(root);
	remove_tree(out);
}

static void conf_error(const char *conf, const char *fmt)
{
	char *root = templates(conf), *out = make_tempdir();
	char *before = tree_snapshot(out);
	struct run r = generate(root, out, NULL);
	char *want = xasprintf(fmt, root, root, root);

	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(tree_snapshot(out), before);
	remove_tree(root);
	remove_tree(out);
}

Test(target, unknown_line)
{
	conf_error("# comment\n  prelod _pre.m4\n",
		   "%s/t/target.conf:2:3: error: unknown line 'prelod' (preload, share, "
		   "scope, import-prefix, import-range, import-vendor, audit-platform, audit-word or audit-call)\n"
		   "  prelod _pre.m4\n"
		   "  ^~~~~~\n");
}

Test(target, preload_names_no_file)
{
	conf_error("preload _nope.m4\n",
		   "msrgen: error: %s/t/target.conf: 'preload _nope.m4' names no _*.m4 file "
		   "of the target\n");
}

Test(target, preload_of_a_template)
{
	conf_error("preload out.txt.m4\n",
		   "msrgen: error: %s/t/target.conf: 'preload out.txt.m4' names no _*.m4 file "
		   "of the target\n");
}

Test(target, two_preloads)
{
	conf_error("preload _pre.m4\npreload _pre.m4\n",
		   "%s/t/target.conf:2:1: error: one 'preload' per target\n"
		   "preload _pre.m4\n"
		   "^~~~~~~~~~~~~~~\n");
}

Test(target, share_of_a_missing_folder)
{
	conf_error("share _gone\n",
		   "msrgen: error: %s/t/target.conf: no folder %s/_gone to share\n");
}

Test(target, share_of_a_path)
{
	conf_error("share _common ../etc\n",
		   "%s/t/target.conf:1:15: error: '../etc' is not another folder of the "
		   "templates folder\n"
		   "share _common ../etc\n"
		   "              ^~~~~~\n");
}

Test(target, bad_import_lines)
{
	conf_error("import-prefix\nimport-range 0x10 0x1\nimport-vendor amd\n",
		   "%s/t/target.conf:1:1: error: want 'import-prefix WORD'\n"
		   "import-prefix\n"
		   "^~~~~~~~~~~~~\n"
		   "%s/t/target.conf:2:1: error: want 'import-range FIRST LAST' (32-bit hex, "
		   "0x..., FIRST <= LAST)\n"
		   "import-range 0x10 0x1\n"
		   "^~~~~~~~~~~~~~~~~~~~~\n"
		   "%s/t/target.conf:3:1: error: want 'import-vendor VENDOR PREFIX...'\n"
		   "import-vendor amd\n"
		   "^~~~~~~~~~~~~~~~~\n");
}

/* The audit's words: a known key, a text, one platform */
Test(target, audit_lines)
{
	conf_error("audit-word hypervisr Xen\n",
		   "%s/t/target.conf:1:12: error: unknown audit word 'hypervisr' (hypervisor, read, "
		   "write, claims, claimed or safe)\n"
		   "audit-word hypervisr Xen\n"
		   "           ^~~~~~~~~\n");
	conf_error("audit-call xen_msr_x\n",
		   "%s/t/target.conf:1:1: error: want 'audit-call HANDLER TEXT'\n"
		   "audit-call xen_msr_x\n"
		   "^~~~~~~~~~~~~~~~~~~~\n");
	conf_error("scope linux-7.3 linux-6.12\n",
		   "%s/t/target.conf:1:1: error: want 'scope TARGET'\n"
		   "scope linux-7.3 linux-6.12\n"
		   "^~~~~~~~~~~~~~~~~~~~~~~~~~\n");
	conf_error("audit-platform xenpv\naudit-platform kvm\n",
		   "%s/t/target.conf:2:1: error: one 'audit-platform' per target\n"
		   "audit-platform kvm\n"
		   "^~~~~~~~~~~~~~~~~~\n");
}
