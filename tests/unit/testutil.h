/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers the tests share: run msrgen, read files, compare folders. */
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include <stddef.h>

#include "msrgen.h"

struct run {
	int status;	/* exit status, or 128 + signal */
	char *out;
	char *err;
};

/* Runs MSRGEN_BIN with argv (NULL-terminated) in dir; captures both streams. */
struct run run_msrgen(const char *dir, const char *const *argv);
void run_free(struct run *r);
char *slurp(const char *path);	/* NULL if missing */
char *make_tempdir(void);
void remove_tree(const char *path);
/* Lists every file below dir as "path\n" lines with contents, for comparison. */
char *tree_snapshot(const char *dir);
/* Parses text as one file and builds the model; returns diag_errors(). */
int model_from(struct ast *ast, struct model *m, const char *text);
/* The .msr files directly in dir, sorted, as "dir/name". */
size_t list_msr_files(const char *dir, const char **out, size_t max);
/* Runs a shell command made with printf; system()'s status, and the command on stderr if it failed. */
int run_sh(const char *fmt, ...) PRINTF(1, 2);

#endif
