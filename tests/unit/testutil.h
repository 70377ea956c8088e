/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers the tests share: run msrgen, read files, compare folders. */
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include <stddef.h>
#include <sys/resource.h>
#include <sys/types.h>

#include "msrgen.h"

struct run {
	int status;	/* exit status, or 128 + signal */
	char *out;
	char *err;
	double secs;	/* wall time */
	long maxrss_kb;	/* msrgen's peak resident size */
};

/* How run_msrgen_opts() runs msrgen; zero means the default */
struct run_opts {
	const char *dir;	/* working folder; NULL: this one */
	char *const *env;	/* NULL: this process's */
	mode_t umask;		/* 0: 022 */
	rlim_t fsize;		/* 0: no limit on the size of a file */
	int kill_after_ms;	/* >0: signal the run (msrgen and its m4) after this long */
	int kill_sig;		/* 0: SIGTERM */
};

/* Runs MSRGEN_BIN with argv (NULL-terminated) under o; captures both streams. */
struct run run_msrgen_opts(const struct run_opts *o, const char *const *argv);
/* run_msrgen_opts() in dir with the defaults */
struct run run_msrgen(const char *dir, const char *const *argv);
void run_free(struct run *r);
char *slurp(const char *path);	/* NULL if missing */
/* Writes text to path, replacing it; the test dies if it cannot */
void write_text(const char *path, const char *text);
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
/*
 * git am of series/0*.patch (not a cover letter) onto tree (a commit of it first, no user or
 * system git configuration); 0 if all apply and make `patches` commits.
 * tree keeps the result, without .git.
 */
int git_am_series(const char *tree, const char *series, int patches);

#endif
