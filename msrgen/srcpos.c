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
static FILE *diag_out;	/* NULL: stderr */

void diag_set_stream(FILE *f)
{
	diag_out = f;
}

struct srcfile *srcfile_from_mem(const char *path, const char *text, size_t len,
				 struct srcfile *includer)
{
	struct srcfile *f;

	if (len > MAX_SOURCE) {
		errno = EFBIG;
		return NULL;
	}
	if (memchr(text, '\0', len)) {
		errno = EILSEQ;
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->text = xstrndup(text, len);
	f->len = len;
	f->includer = includer;
	f->order = ++nfiles;
	return f;
}

struct srcfile *srcfile_load(const char *path, struct srcfile *includer)
{
	struct srcfile *f;
	size_t len;
	char *text = read_file_max(path, MAX_SOURCE, &len);

	if (!text)
		return NULL;
	f = srcfile_from_mem(path, text, len, includer);
	free(text);
	return f;
}

struct srcfile *srcfile_from_text(const char *name, const char *text)
{
	return srcfile_from_mem(name, text, strlen(text), NULL);
}

void srcfile_free(struct srcfile *f)
{
	if (!f)
		return;
	free(f->path);
	free(f->text);
	free(f->lines);
	free(f);
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

/* Where each line starts, made the first time a diagnostic needs it. */
static const char *line_start(struct srcfile *f, int line)
{
	const char *p;
	size_t n = 0, cap = 64;

	if (!f->lines) {
		f->lines = xmalloc(cap * sizeof(*f->lines));
		f->lines[n++] = 0;
		for (p = f->text; (p = memchr(p, '\n', (size_t)(f->text + f->len - p))); p++) {
			if (n == cap) {
				cap *= 2;
				f->lines = xrealloc(f->lines, cap * sizeof(*f->lines));
			}
			f->lines[n++] = (size_t)(p + 1 - f->text);
		}
		f->nlines = n;
	}
	if (line < 1 || (size_t)line > f->nlines)
		return NULL;
	return f->text + f->lines[line - 1];
}

static void show_source(const struct srcpos *pos)
{
	FILE *out = diag_out ? diag_out : stderr;
	const char *p = line_start(pos->file, pos->line), *eol;
	int i, last;

	if (!p)
		return;
	eol = memchr(p, '\n', (size_t)(pos->file->text + pos->file->len - p));
	if (!eol)
		eol = pos->file->text + pos->file->len;
	if (eol > p && eol[-1] == '\r')
		eol--;
	fprintf(out, "%.*s\n", (int)(eol - p), p);
	/* keep tabs so that the caret lines up however wide a tab is */
	for (i = 1; i < pos->col && p + i - 1 < eol; i++)
		fputc(p[i - 1] == '\t' ? '\t' : ' ', out);
	fputc('^', out);
	last = pos->end_line == pos->line ? pos->end_col : (int)(eol - p);
	for (i = pos->col + 1; i <= last && p + i - 1 < eol; i++)
		fputc('~', out);
	fputc('\n', out);
}

static const char *level_name[] = { "error", "warning", "note" };

static void vdiag(enum diag_level level, const struct srcpos *pos, const char *check,
		  const char *fmt, va_list ap)
{
	FILE *out = diag_out ? diag_out : stderr;
	bool as_error = level == DIAG_ERROR || (level == DIAG_WARNING && werror);

	if (level == DIAG_WARNING && !checks_warning_enabled(check))
		return;
	if (pos && pos->file)
		fprintf(out, "%s:%d:%d: ", pos->file->path, pos->line, pos->col);
	else
		fputs("msrgen: ", out);
	fprintf(out, "%s: ", as_error ? "error" : level_name[level]);
	vfprintf(out, fmt, ap);
	if (level == DIAG_WARNING)
		fprintf(out, " [-W%s%s]", werror ? "error=" : "", check);
	fputc('\n', out);
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
