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
static bool suppressed;	/* the last warning was turned off (-Wno-NAME): so are its notes */
static int nfiles;
static FILE *diag_out;	/* NULL: stderr */
static const struct srcfile *last_shown;	/* the file whose includers were shown last */

void diag_set_stream(FILE *f)
{
	diag_out = f;
}

/*
 * The text as the lexer reads it: a UTF-8 byte order mark dropped, and a file whose
 * lines end in CR alone (classic Mac OS) read with LF line ends; CR LF stays (the
 * lexer skips the CR). NUL bytes stay: the lexer reports them where they are.
 */
static char *normalize(const char *text, size_t *len)
{
	size_t n = *len, i;
	char *s;

	if (n >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
		text += 3;
		n -= 3;
	}
	s = xstrndup(text, n);
	if (!memchr(s, '\n', n))
		for (i = 0; i < n; i++)
			if (s[i] == '\r')
				s[i] = '\n';
	*len = n;
	return s;
}

struct srcfile *srcfile_from_mem(const char *path, const char *text, size_t len,
				 struct srcfile *includer)
{
	struct srcfile *f;

	if (len > MAX_SOURCE) {
		errno = EFBIG;
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->text = normalize(text, &len);
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
	if (f == last_shown)
		last_shown = NULL;
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
	last_shown = NULL;
	suppressed = false;
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

const char *srcfile_line(struct srcfile *f, int line, size_t *len)
{
	const char *s = line_start(f, line), *e;

	if (!s || s == f->text + f->len)
		return NULL;
	e = memchr(s, '\n', (size_t)(f->text + f->len - s));
	*len = e ? (size_t)(e - s) : (size_t)(f->text + f->len - s);
	return s;
}

static void show_source(const struct srcpos *pos)
{
	FILE *out = diag_out ? diag_out : stderr;
	const char *p = line_start(pos->file, pos->line), *eol;
	int i, n, last, pass;
	uint32_t cp;

	if (!p)
		return;
	eol = memchr(p, '\n', (size_t)(pos->file->text + pos->file->len - p));
	if (!eol)
		eol = pos->file->text + pos->file->len;
	if (eol > p && eol[-1] == '\r')
		eol--;
	last = pos->end_line == pos->line ? pos->end_col : (int)(eol - p);
	/*
	 * The line, then the caret under the range. A character is one column however
	 * many bytes it has; control bytes (a NUL, say) and bytes that are not UTF-8
	 * show as '?', so that the line stays one line of text. Tabs stay tabs under
	 * the line, so that the caret lines up however wide a tab is.
	 */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; p + i < eol; i += n) {
			unsigned char c = (unsigned char)p[i];
			int col = i + 1;

			n = utf8_char(p + i, eol, &cp);
			if (n < 1)
				n = 1;
			if (pass == 0) {
				if (n > 1)
					fwrite(p + i, 1, (size_t)n, out);
				else
					fputc(c == '\t' || (c >= 0x20 && c < 0x7f) ? c : '?', out);
			} else if (col < pos->col) {
				fputc(c == '\t' ? '\t' : ' ', out);
			} else if (col > last) {
				break;
			} else {
				fputc(col == pos->col ? '^' : '~', out);
			}
		}
		if (pass == 1 && p + i >= eol && i < pos->col)
			fputc('^', out);	/* the end of the line, or of the file */
		fputc('\n', out);
	}
}

void diag_source(const struct srcpos *pos)
{
	if (pos && pos->file)
		show_source(pos);
}

/*
 * Where the file of a diagnostic is included from, up to the file named on the
 * command line: once per run of diagnostics in one file, as a compiler does.
 */
static void show_includers(const struct srcfile *f)
{
	FILE *out = diag_out ? diag_out : stderr;
	const struct srcfile *g;
	int shown = 0;

	if (f == last_shown)
		return;
	last_shown = f;
	/* a deep chain: the nearest three, and the outermost, that the command line named */
	for (g = f; g->includer; g = g->includer) {
		struct srcpos p = { g->includer, g->inc_line, g->inc_col, g->inc_line,
				    g->inc_col };

		if (++shown > 3 && g->includer->includer)
			continue;
		fprintf(out, "%s:%d:%d: note: '%s' is included from here", g->includer->path,
			g->inc_line, g->inc_col, g->path);
		if (shown > 4)
			fprintf(out, " (%d includes in between not shown)", shown - 4);
		fputc('\n', out);
		show_source(&p);
	}
}

static const char *level_name[] = { "error", "warning", "note" };

static void vdiag(enum diag_level level, const struct srcpos *pos, const char *check,
		  const char *fmt, va_list ap)
{
	FILE *out = diag_out ? diag_out : stderr;
	bool as_error = level == DIAG_ERROR || (level == DIAG_WARNING && werror);

	/* a note belongs to the diagnostic before it: quiet if that one was */
	if (level != DIAG_NOTE)
		suppressed = level == DIAG_WARNING && !checks_warning_enabled(check);
	if (suppressed)
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
	if (pos && pos->file && level != DIAG_NOTE)
		show_includers(pos->file);
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

void diag_va(enum diag_level level, const struct srcpos *pos, const char *check,
	     const char *fmt, va_list ap)
{
	vdiag(level, pos, check, fmt, ap);
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
