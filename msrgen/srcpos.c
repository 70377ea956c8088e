// SPDX-License-Identifier: GPL-2.0
/*
 * Source files and diagnostics: "file:line:col: error: message", the source line,
 * a caret under the range, and notes for the other places involved.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

static bool werror;
static int nerrors;
static int nfiles;

struct srcfile *srcfile_load(const char *path, struct srcfile *includer)
{
	struct srcfile *f;
	size_t len;
	char *text = read_file(path, &len);

	if (!text)
		return NULL;
	if (memchr(text, '\0', len)) {
		free(text);
		errno = EILSEQ;
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->text = text;
	f->len = len;
	f->includer = includer;
	f->order = ++nfiles;
	return f;
}

struct srcfile *srcfile_from_text(const char *name, const char *text)
{
	struct srcfile *f = xcalloc(1, sizeof(*f));

	f->path = xstrdup(name);
	f->text = xstrdup(text);
	f->len = strlen(text);
	f->order = ++nfiles;
	return f;
}

int srcpos_cmp(const struct srcpos *a, const struct srcpos *b)
{
	if (a->file != b->file)
		return a->file->order < b->file->order ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

void diag_set_werror(bool on)
{
	werror = on;
}

int diag_errors(void)
{
	return nerrors;
}

void diag_reset(void)
{
	nerrors = 0;
}

static void show_source(const struct srcpos *pos)
{
	const char *text = pos->file->text, *p = text, *eol;
	int line = 1, i, last;

	while (line < pos->line && *p) {
		if (*p++ == '\n')
			line++;
	}
	if (line != pos->line)
		return;
	eol = strchr(p, '\n');
	if (!eol)
		eol = p + strlen(p);
	if (eol > p && eol[-1] == '\r')
		eol--;
	fprintf(stderr, "%.*s\n", (int)(eol - p), p);
	/* keep tabs so that the caret lines up however wide a tab is */
	for (i = 1; i < pos->col && p + i - 1 < eol; i++)
		fputc(p[i - 1] == '\t' ? '\t' : ' ', stderr);
	fputc('^', stderr);
	last = pos->end_line == pos->line ? pos->end_col : (int)(eol - p);
	for (i = pos->col + 1; i <= last && p + i - 1 < eol; i++)
		fputc('~', stderr);
	fputc('\n', stderr);
}

static const char *level_name[] = { "error", "warning", "note" };

static void vdiag(enum diag_level level, const struct srcpos *pos, const char *check,
		  const char *fmt, va_list ap)
{
	bool as_error = level == DIAG_ERROR || (level == DIAG_WARNING && werror);

	if (level == DIAG_WARNING && !checks_warning_enabled(check))
		return;
	if (pos && pos->file)
		fprintf(stderr, "%s:%d:%d: ", pos->file->path, pos->line, pos->col);
	else
		fputs("msrgen: ", stderr);
	fprintf(stderr, "%s: ", as_error ? "error" : level_name[level]);
	vfprintf(stderr, fmt, ap);
	if (level == DIAG_WARNING)
		fprintf(stderr, " [-W%s%s]", werror ? "error=" : "", check);
	fputc('\n', stderr);
	if (pos && pos->file)
		show_source(pos);
	if (as_error)
		nerrors++;
}

void diag(enum diag_level level, const struct srcpos *pos, const char *check,
	  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(level, pos, check, fmt, ap);
	va_end(ap);
}

void diag_plain(enum diag_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (level == DIAG_WARNING)
		die("a warning needs a check name and a place: %s", fmt);
	vdiag(level, NULL, NULL, fmt, ap);
	va_end(ap);
}
