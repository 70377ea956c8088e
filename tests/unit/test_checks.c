// SPDX-License-Identifier: GPL-2.0
/*
 * Bad inputs: every folder under tests/bad/ holds input.msr (and what it includes),
 * expected.stderr, and optionally args (extra arguments, one per line) and status
 * (the exit status, 1 if absent). msrgen runs in the folder, so paths in messages
 * are the folder's own. A failed run must leave the output folder as it was.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#define BAD_DIR TESTS_DIR "/bad"

struct bad_case {
	char name[256];
};

static int cmp_case(const void *a, const void *b)
{
	return strcmp(((const struct bad_case *)a)->name, ((const struct bad_case *)b)->name);
}

ParameterizedTestParameters(checks, bad_input)
{
	DIR *d = opendir(BAD_DIR);
	struct dirent *de;
	struct bad_case *cases = cr_malloc(256 * sizeof(*cases));
	size_t n = 0;

	while (d && (de = readdir(d)) && n < 256) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(cases[n++].name, sizeof(cases[0].name), "%s", de->d_name);
	}
	if (d)
		closedir(d);
	qsort(cases, n, sizeof(*cases), cmp_case);
	return cr_make_param_array(struct bad_case, cases, n);
}

ParameterizedTest(struct bad_case *c, checks, bad_input)
{
	char *dir = xasprintf("%s/%s", BAD_DIR, c->name);
	char *path = xasprintf("%s/expected.stderr", dir);
	char *expected = slurp(path);
	char *out = make_tempdir();
	char *sentinel_dir = xasprintf("%s/include", out);
	char *sentinel = xasprintf("%s/msr-fields.h", sentinel_dir);
	const char *argv[32] = { "generate", "-q", "--target", "mini", "--templates",
				 TESTS_DIR "/golden/templates", "-o", out };
	size_t argc = 8;
	char *args, *status_text, *before, *after, *line, *save = NULL;
	int want = 1;
	struct run r;
	FILE *f;

	cr_assert_not_null(expected, "%s: no expected.stderr", c->name);
	mkdir(sentinel_dir, 0755);
	f = fopen(sentinel, "w");
	fputs("/* the previous output */\n", f);
	fclose(f);
	free(path);
	path = xasprintf("%s/args", dir);
	args = slurp(path);
	for (line = args ? strtok_r(args, "\n", &save) : NULL; line && argc < 30;
	     line = strtok_r(NULL, "\n", &save))
		argv[argc++] = line;
	argv[argc++] = "input.msr";
	free(path);
	path = xasprintf("%s/status", dir);
	status_text = slurp(path);
	if (status_text)
		want = atoi(status_text);

	before = tree_snapshot(out);
	r = run_msrgen(dir, argv);
	after = tree_snapshot(out);
	cr_expect_eq(r.status, want, "%s: exit status %d, expected %d", c->name, r.status, want);
	cr_expect_str_eq(r.err, expected, "%s: stderr differs:\n%s", c->name, r.err);
	if (want)
		cr_expect_str_eq(after, before, "%s: the output folder changed", c->name);
	remove_tree(out);
	run_free(&r);
}

/* Every check in the table has its folder of bad input. */
Test(checks, every_check_has_a_case)
{
	const char *argv[] = { "checks", NULL };
	struct run r = run_msrgen(NULL, argv);
	char *save = NULL, *line;
	int n = 0;

	cr_assert_eq(r.status, 0);
	for (line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[64];
		char *path;
		struct stat st;

		cr_assert_eq(sscanf(line, " %63s", name), 1);
		path = xasprintf("%s/%s/expected.stderr", BAD_DIR, name);
		cr_expect_eq(stat(path, &st), 0, "check %s has no tests/bad/%s", name, name);
		free(path);
		n++;
	}
	cr_assert_geq(n, 20);
	run_free(&r);
}
