// SPDX-License-Identifier: GPL-2.0
/* The command line: help, version, usage errors (exit 2) and their words. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

static struct run run(const char *const *argv)
{
	return run_msrgen(TESTS_DIR "/golden/defs", argv);
}

Test(cli, help_goes_to_stdout)
{
	const char *argv[] = { "--help", NULL };
	struct run r = run(argv);

	cr_assert_eq(r.status, 0);
	cr_assert(!strncmp(r.out, "Usage: msrgen generate --target T -o DIR FILE...\n", 49));
	cr_assert(strstr(r.out, "\nExit status: 0 success, 1 bad input"));
	cr_assert_str_eq(r.err, "");
	run_free(&r);
}

Test(cli, version)
{
	const char *argv[] = { "--version", NULL };
	struct run r = run(argv);

	cr_assert_eq(r.status, 0);
	cr_assert_str_eq(r.out, "msrgen " MSRGEN_VERSION "\n");
	run_free(&r);
}

struct usage_case {
	const char *argv[12];
	const char *err;
	const char *help;	/* the command whose --help the message points to; NULL: msrgen */
};

static const struct usage_case usage_cases[] = {
	{ { NULL }, "msrgen: no command given (generate, check, audit, sites, hvprobe, import, install, patch or checks)\n", NULL },
	{ { "frob", NULL }, "msrgen: unknown command 'frob' (commands: generate, check, audit, sites, hvprobe, import, install, patch or checks)\n", NULL },
	{ { "genrate", NULL }, "msrgen: unknown command 'genrate'; did you mean 'generate'? (commands: generate, check, audit, sites, hvprobe, import, install, patch or checks)\n", NULL },
	{ { "generate", "small.msr", NULL }, "msrgen: generate: --target is missing\n", "generate" },
	{ { "generate", "--target", "mini", "small.msr", NULL }, "msrgen: generate: -o DIR is missing\n", "generate" },
	{ { "check", "--target", "mini", "-o", "x", NULL }, "msrgen: check: no .msr files given\n", "check" },
	{ { "audit", "--format", "xml", "small.msr", NULL }, "msrgen: unknown audit format 'xml' (md, csv, json or rst)\n", "audit" },
	{ { "audit", "-Wfrobnicate", "small.msr", NULL }, "msrgen: unknown warning '-Wfrobnicate' (see 'msrgen checks')\n", "audit" },
	{ { "checks", "small.msr", NULL }, "msrgen: 'checks' takes no files (got 'small.msr')\n", "checks" },
	{ { "sites", NULL }, "msrgen: sites: no VMLINUX given\n", "sites" },
	{ { "audit", "--vmlinux", "a", "--kernel-sites", "b", "small.msr", NULL },
	  "msrgen: audit: --kernel-sites and --vmlinux exclude each other\n", "audit" },
	{ { "generate", "--msr", "X", "small.msr", NULL },
	  "msrgen: generate: --msr, --finding, --special, --sites, --kernel-sites and --vmlinux are for audit\n", "generate" },
	{ { "generate", "--templates", TESTS_DIR "/golden/templates", "--target", "minu", "-o", "x", "small.msr" },
	  "msrgen: unknown target 'minu'; did you mean 'mini'? (the targets in " TESTS_DIR "/golden/templates: mini)\n", "generate" },
	{ { "install", "--templates", TESTS_DIR "/golden/templates", "--target", "nosuch", "--kernel-tree", "x", "small.msr" },
	  "msrgen: unknown target 'nosuch' (the targets in " TESTS_DIR "/golden/templates: mini)\n", "install" },
	{ { "generate", "--templates", TESTS_DIR "/../templates", "--target", "_linux-common", "-o", "x", "small.msr" },
	  "msrgen: '_linux-common' is no target: a folder named _* holds files targets share "
	  "(the targets in " TESTS_DIR "/../templates: linux-6.12, linux-7.3)\n", "generate" },
};

Test(cli, usage_errors_exit_2)
{
	size_t i;

	for (i = 0; i < sizeof(usage_cases) / sizeof(usage_cases[0]); i++) {
		struct run r = run(usage_cases[i].argv);
		char *want = xasprintf("%sTry 'msrgen %s%s--help' for more information.\n",
				       usage_cases[i].err, usage_cases[i].help ? usage_cases[i].help : "",
				       usage_cases[i].help ? " " : "");

		cr_expect_eq(r.status, 2, "case %zu: status %d", i, r.status);
		cr_expect_str_eq(r.err, want, "case %zu", i);
		cr_expect_str_eq(r.out, "");
		free(want);
		run_free(&r);
	}
}

/* Each command has its own help, on stdout; 'msrgen help CMD' is the same. */
Test(cli, command_help)
{
	static const char *const cmds[] = { "generate", "check", "audit", "checks", "import",
					     "install", "patch", "hvprobe" };
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		const char *argv[] = { cmds[i], "--help", NULL };
		const char *argv2[] = { "help", cmds[i], NULL };
		struct run r = run(argv), r2 = run(argv2);
		char *want = xasprintf("Usage: msrgen %s",
				       !strcmp(cmds[i], "patch") ? "install" : cmds[i]);

		cr_expect_eq(r.status, 0, "%s", cmds[i]);
		cr_expect(!strncmp(r.out, want, strlen(want)), "%s --help: %.60s", cmds[i], r.out);
		cr_expect_str_eq(r.err, "");
		cr_expect_str_eq(r2.out, r.out, "help %s", cmds[i]);
		free(want);
		run_free(&r);
		run_free(&r2);
	}
}

Test(cli, unknown_option)
{
	const char *argv[] = { "audit", "--frob", "small.msr", NULL };
	struct run r = run(argv);

	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "msrgen: unrecognized option '--frob'\n"
				"Try 'msrgen audit --help' for more information.\n");
	run_free(&r);
}

/* Every subcommand's usage errors, getopt's included, read alike: "msrgen:",
   the message, and that command's --help; exit status 2 */
Test(cli, usage_errors_name_their_command)
{
	static const struct {
		const char *argv[6];
		const char *err;
	} cases[] = {
		{ { "import", "--frob", "h", NULL }, "msrgen: unrecognized option '--frob'\n" },
		{ { "import", "-o", NULL }, "msrgen: option requires an argument -- 'o'\n" },
		{ { "import", NULL }, "msrgen: import: missing HEADER (the path of the kernel's MSR header)\n" },
		{ { "import", "a.h", "b.h", NULL }, "msrgen: import: unexpected argument 'b.h'\n" },
		{ { "import", "--output=", "a.h", NULL }, "msrgen: import: empty output directory\n" },
		{ { "patch", "--frob", NULL }, "msrgen: unrecognized option '--frob'\n" },
		{ { "install", "--target", NULL }, "msrgen: option '--target' requires an argument\n" },
		{ { "check", "-x", NULL }, "msrgen: invalid option -- 'x'\n" },
		{ { "generate", "-o", "", NULL }, "msrgen: generate: -o: an empty path names no folder or file\n" },
		{ { "patch", "-o", "", NULL }, "msrgen: patch: -o: an empty path names no folder\n" },
		{ { "install", "-k", "", NULL }, "msrgen: install: --kernel-tree: an empty path names no tree\n" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct run r = run(cases[i].argv);
		char *want = xasprintf("%sTry 'msrgen %s --help' for more information.\n",
				       cases[i].err, cases[i].argv[0]);

		cr_expect_eq(r.status, 2, "case %zu: status %d", i, r.status);
		cr_expect_str_eq(r.err, want, "case %zu", i);
		cr_expect_str_eq(r.out, "", "case %zu", i);
		free(want);
		run_free(&r);
	}
}

Test(cli, missing_input_file)
{
	const char *argv[] = { "audit", "nosuch.msr", NULL };
	struct run r = run(argv);

	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, "msrgen: error: cannot read 'nosuch.msr': No such file or directory\n");
	run_free(&r);
}

Test(cli, missing_m4)
{
	const char *argv[] = { "generate", "--templates", TESTS_DIR "/golden/templates",
			       "--target", "mini", "-o", "/nonexistent", "small.msr", NULL };
	struct run r;

	setenv("MSRGEN_M4", "/nonexistent/m4", 1);
	r = run(argv);
	unsetenv("MSRGEN_M4");
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, "msrgen: error: cannot run /nonexistent/m4: No such file or directory"
				" (install GNU m4: apt-get install m4)\n");
	run_free(&r);
}

/* A folder written by generate for the mini target, with one file changed */
static char *stale_output(void)
{
	char *out = make_tempdir();
	const char *argv[] = { "generate", "-q", "--templates", TESTS_DIR "/golden/templates",
			       "--target", "mini", "-o", out, "small.msr", NULL };
	struct run r = run(argv);

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	cr_assert_eq(run_sh("for f in $(find %s -type f); do echo changed >> $f; done", out), 0);
	return out;
}

/* check | head: the reader stops early; check still answers 1, and no false error */
Test(cli, check_survives_a_closed_pipe)
{
	char *out = stale_output();
	char *err = xasprintf("%s.err", out), *rc = xasprintf("%s.rc", out), *text;

	cr_assert_eq(run_sh("cd %s/golden/defs && { %s check --templates %s/golden/templates "
			    "--target mini -o %s small.msr 2>%s; echo $? >%s; } | head -c 1 >/dev/null",
			    TESTS_DIR, MSRGEN_BIN, TESTS_DIR, out, err, rc), 0);
	text = slurp(rc);
	cr_expect_str_eq(text, "1\n");
	free(text);
	text = slurp(err);
	/* hand edits, as the files' digests show */
	cr_expect_str_eq(text, xasprintf("msrgen: note: '%s/handling.csv' was edited by hand: its "
					 "digest is not that of its contents\n"
					 "msrgen: note: '%s/include/msr-fields.h' was edited by hand: "
					 "its digest is not that of its contents\n"
					 "msrgen: %s differs from what msrgen generates; "
					 "run 'msrgen generate'\n", out, out, out));
	free(text);
	remove(err);
	remove(rc);
	remove_tree(out);
}

/* A file in the output folder that msrgen does not generate makes check fail. */
Test(cli, check_reports_stray_files)
{
	char *out = make_tempdir();
	const char *gen[] = { "generate", "-q", "--templates", TESTS_DIR "/golden/templates",
			      "--target", "mini", "-o", out, "small.msr", NULL };
	const char *check[] = { "check", "-q", "--templates", TESTS_DIR "/golden/templates",
				"--target", "mini", "-o", out, "small.msr", NULL };
	struct run r = run(gen);
	char *want;

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	cr_assert_eq(run_sh("touch %s/old.csv && mkdir -p %s/include/sub && touch %s/include/sub/x.h "
			    "%s/.hidden", out, out, out, out), 0);
	r = run(check);
	want = xasprintf("msrgen: error: '%s/include/sub/x.h' is not a file msrgen generates for this target (remove it)\n"
			 "msrgen: error: '%s/old.csv' is not a file msrgen generates for this target (remove it)\n"
			 "msrgen: %s differs from what msrgen generates; run 'msrgen generate'\n",
			 out, out, out);
	cr_expect_eq(r.status, 1);
	cr_expect_str_eq(r.err, want);
	cr_expect_str_eq(r.out, "");
	free(want);
	run_free(&r);
	remove_tree(out);
}

/* A misspelt warning name gets its "did you mean", -Wno- kept */
Test(cli, warning_did_you_mean)
{
	const char *argv[] = { "audit", "-Wno-unused-platfrom", "small.msr", NULL };
	struct run r = run(argv);

	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "msrgen: unknown warning '-Wno-unused-platfrom'; did you mean "
				"'-Wno-unused-platform'? (see 'msrgen checks')\n"
				"Try 'msrgen audit --help' for more information.\n");
	run_free(&r);
}

/* What cannot reach standard output is an error, not a silent success */
Test(cli, full_stdout_is_an_error)
{
	static const char *const cmds[][4] = {
		{ "checks", NULL }, { "--help", NULL }, { "audit", "small.msr", NULL },
	};
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		char *cmd = xasprintf("cd '%s' && '%s' %s %s > /dev/full 2>/dev/null",
				      TESTS_DIR "/golden/defs", MSRGEN_BIN, cmds[i][0],
				      cmds[i][1] ? cmds[i][1] : "");
		int st = system(cmd);

		cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 1, "%s: status %d", cmd, st);
		free(cmd);
	}
}

/* One file under two hard links is read once, as under two paths */
Test(cli, hard_link_read_once)
{
	char *dir = make_tempdir(), *p = xasprintf("%s/p.msr", dir), *h = xasprintf("%s/h.msr", dir);
	char *in = xasprintf("%s/input.msr", dir);
	const char *audit[] = { "audit", in, NULL };
	struct run r;

	write_text(p, "platform native { }\nmsr MSR_A 0x10;\n");
	cr_assert_eq(link(p, h), 0);
	write_text(in, "include \"p.msr\";\ninclude \"h.msr\";\n");
	r = run(audit);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	run_free(&r);
	remove_tree(dir);
	free(p);
	free(h);
	free(in);
	free(dir);
}

/* A FIFO no one writes to is an empty file, not a wait for ever */
Test(cli, lone_fifo_does_not_block, .timeout = 20)
{
	char *dir = make_tempdir(), *fifo = xasprintf("%s/t.msr", dir);
	const char *argv[] = { "generate", "--templates", TESTS_DIR "/golden/templates", "--target",
			       "mini", "-o", dir, fifo, NULL };
	struct run r;

	cr_assert_eq(mkfifo(fifo, 0600), 0);
	r = run(argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	remove_tree(dir);
	free(fifo);
	free(dir);
}
