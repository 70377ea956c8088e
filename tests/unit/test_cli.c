// SPDX-License-Identifier: GPL-2.0
/* The command line: help, version, usage errors (exit 2) and their words. */
#include <criterion/criterion.h>
#include <string.h>

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
	const char *argv[8];
	const char *err;
};

static const struct usage_case usage_cases[] = {
	{ { NULL }, "msrgen: no command given (generate, check, audit, import or checks)\n" },
	{ { "frob", NULL }, "msrgen: unknown command 'frob'\n" },
	{ { "generate", "small.msr", NULL }, "msrgen: generate: --target is missing\n" },
	{ { "generate", "--target", "mini", "small.msr", NULL }, "msrgen: generate: -o DIR is missing\n" },
	{ { "check", "--target", "mini", "-o", "x", NULL }, "msrgen: check: no .msr files given\n" },
	{ { "audit", "--format", "xml", "small.msr", NULL }, "msrgen: unknown audit format 'xml' (md, csv, json or rst)\n" },
	{ { "audit", "-Wfrobnicate", "small.msr", NULL }, "msrgen: unknown warning '-Wfrobnicate' (see 'msrgen checks')\n" },
	{ { "checks", "small.msr", NULL }, "msrgen: 'checks' takes no files (got 'small.msr')\n" },
};

Test(cli, usage_errors_exit_2)
{
	size_t i;

	for (i = 0; i < sizeof(usage_cases) / sizeof(usage_cases[0]); i++) {
		struct run r = run(usage_cases[i].argv);
		char *want = xasprintf("%sTry 'msrgen --help' for more information.\n",
				       usage_cases[i].err);

		cr_expect_eq(r.status, 2, "case %zu: status %d", i, r.status);
		cr_expect_str_eq(r.err, want, "case %zu", i);
		cr_expect_str_eq(r.out, "");
		free(want);
		run_free(&r);
	}
}

Test(cli, unknown_option)
{
	const char *argv[] = { "audit", "--frob", "small.msr", NULL };
	struct run r = run(argv);

	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "msrgen: unrecognized option '--frob'\n"
				"Try 'msrgen --help' for more information.\n");
	run_free(&r);
}

Test(cli, missing_input_file)
{
	const char *argv[] = { "audit", "nosuch.msr", NULL };
	struct run r = run(argv);

	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, "msrgen: error: cannot read 'nosuch.msr': No such file or directory\n");
	run_free(&r);
}

Test(cli, unknown_target)
{
	const char *argv[] = { "generate", "--templates", TESTS_DIR "/golden/templates",
			       "--target", "nosuch", "-o", "/nonexistent", "small.msr", NULL };
	struct run r = run(argv);

	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, "msrgen: error: unknown target 'nosuch' (no folder "
				TESTS_DIR "/golden/templates/nosuch)\n");
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
