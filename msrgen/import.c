// SPDX-License-Identifier: GPL-2.0
/*
 * msrgen import: read a kernel's MSR header and write the .msr declarations
 * of every MSR address macro it defines (DIR/NAME.msr).  How the header names
 * and places its MSRs is the target's (target.conf: import-prefix PREFIX,
 * import-range, import-vendor); the examples below are Linux's msr-index.h.
 *
 * The header is read the way the C preprocessor reads it (comments, line
 * splicing, object-like and function-like #defines); the integer constant
 * expressions of the macros are evaluated exactly, with C's types (int,
 * unsigned int, long, unsigned long; LP64) and textual macro expansion.
 *
 * Classification of a macro named PREFIX* (MSR_*):
 *
 * address   a hex literal inside an import-range, a name of another
 *           address macro (an alias), or an address macro plus or minus
 *           constants (MSR_F15H_PERF_CTL + 2).  Decimal literals are never
 *           addresses: the header writes every address in hex and every count
 *           and bit number in decimal.  Nor are names whose last word is BIT,
 *           SHIFT, MASK, RSVD or RESERVED when the rest of the name is an MSR
 *           (MSR_IA32_BNDCFGS_RSVD 0x00000ffc is a mask of MSR_IA32_BNDCFGS).
 * indexed   a function-like macro of one parameter whose value is
 *           base + stride * index (MSR_IA32_MCx_CTL(x)); an address macro it
 *           names at index 0 becomes its `element 0`.  The header does not say
 *           how many elements there are, so the count is 32 (IMPORT_INDEXED_MAX:
 *           the machine-check bank blocks 0x400-0x47f and 0x280-0x29f hold 32
 *           banks, KVM_MAX_MCE_BANKS), cut short, with a note, before the first
 *           address the header gives to another MSR.
 * field     NAME = MSR + "_" + FIELD[_BIT|_SHIFT|_MASK] where MSR is a single
 *           declaration: a bit number (_BIT), a shift (merged with the _MASK
 *           or the plain mask of the same field), or a contiguous mask.
 * otherwise a warning "cannot classify".  Macros not named PREFIX* (EFER_*,
 *           SPEC_CTRL_*, feature bits, include guards) are passed over.
 *
 * Then: names sharing an address become one declaration with aliases (the
 * primary is a name not defined as another name, not vendor-scoped, first in
 * the header); numbered runs NAME0..NAME(N-1), N >= 2, of alias-free, field-free
 * registers at a constant stride, with no other NAMEk, become arrays.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "msrgen.h"

int import_main(int argc, char **argv);

#define IMPORT_INDEXED_MAX	32
#define IMPORT_MAX_EXPAND	4096

static const char *import_usage_text =
	"Usage: msrgen import --target T -o DIR HEADER\n"
	"Read HEADER, the MSR header of target T's kernel, by the rules of T's\n"
	"target.conf (import-prefix, import-range, import-vendor), and write the\n"
	"declarations of its MSRs to DIR/NAME.msr, NAME being HEADER's file name\n"
	"less .h.\n"
	"\n"
	"  -t, --target T     the target whose target.conf has the rules\n"
	"  -o, --output DIR   write DIR/NAME.msr\n"
	"      --templates DIR  where targets live (default " MSRGEN_TEMPLATE_DIR ")\n"
	"  -q, --quiet        do not list the MSRs added and removed\n"
	"  -h, --help         print this help and exit\n"
	"\n"
	"Macros named PREFIX* that are neither an MSR address nor a field of one are\n"
	"reported as warnings, but for those DIR/NAME.ack names (one macro name a\n"
	"line, # comments): checked once, they need not repeat on every run.\n"
	"Exit status: 0 ok, 1 bad input, 2 usage error.\n";

/* The target's rules for its header (target.conf import-*), for the whole run */
static const struct target_conf *rules;

static bool has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static bool has_suffix(const char *s, const char *x)
{
	size_t ls = strlen(s), lx = strlen(x);

	return ls >= lx && strcmp(s + ls - lx, x) == 0;
}

static bool is_ident(const char *s)
{
	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_'))
			return false;
	return true;
}

/* ---- tokens ------------------------------------------------------------ */

enum tok_kind { TK_ID, TK_NUM, TK_OP, TK_BAD };

struct tok {
	enum tok_kind kind;
	char *text;		/* identifier, operator or the bad character */
	uint64_t num;		/* TK_NUM */
	int bits;		/* TK_NUM: 32 or 64 */
	bool uns;		/* TK_NUM: unsigned type */
	bool hex;		/* TK_NUM: written in hex */
	bool bad_num;		/* TK_NUM: malformed or too large */
};

struct toks {
	struct tok *v;
	size_t n, cap;
};

static void toks_push(struct toks *t, struct tok k)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 8;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n++] = k;
}

/* C11 6.4.4.1 with LP64: the type of an integer constant */
static void lex_number(const char *s, size_t n, struct tok *k)
{
	const char *p = s, *end = s + n;
	uint64_t v = 0;
	int base = 10, u = 0, l = 0;
	bool digits = false, over = false;

	k->kind = TK_NUM;
	if (n > 1 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (p[0] == '0') {
		base = 8;
	}
	k->hex = base == 16;
	for (; p < end && isxdigit((unsigned char)*p); p++) {
		int d = isdigit((unsigned char)*p) ? *p - '0' :
			tolower((unsigned char)*p) - 'a' + 10;

		if (d >= base)
			break;
		if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			over = true;
		v = v * (uint64_t)base + (uint64_t)d;
		digits = true;
	}
	for (; p < end; p++) {
		if ((*p == 'u' || *p == 'U') && !u)
			u = 1;
		else if ((*p == 'l' || *p == 'L') && l < 2)
			l++;
		else
			break;
	}
	k->num = v;
	k->bad_num = p != end || (!digits && base == 16) || over;
	if (k->bad_num)
		return;
	if (u) {
		k->uns = true;
		k->bits = (!l && v <= UINT32_MAX) ? 32 : 64;
	} else if (l) {
		k->bits = 64;
		k->uns = v > INT64_MAX;
		if (k->uns && base == 10)
			k->bad_num = true;
	} else if (v <= INT32_MAX) {
		k->bits = 32;
	} else if (base != 10 && v <= UINT32_MAX) {
		k->bits = 32;
		k->uns = true;
	} else {
		k->bits = 64;
		k->uns = v > INT64_MAX;
		if (k->uns && base == 10)
			k->bad_num = true;
	}
}

static void lex_tokens(const char *s, struct toks *out)
{
	static const char *const ops2[] = {
		"<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "##", NULL
	};

	while (*s) {
		struct tok k = { 0 };
		const char *b = s;

		if (isspace((unsigned char)*s)) {
			s++;
			continue;
		}
		if (isalpha((unsigned char)*s) || *s == '_') {
			while (isalnum((unsigned char)*s) || *s == '_')
				s++;
			k.kind = TK_ID;
			k.text = xstrndup(b, (size_t)(s - b));
		} else if (isdigit((unsigned char)*s)) {
			while (isalnum((unsigned char)*s) || *s == '_' || *s == '.')
				s++;
			k.text = xstrndup(b, (size_t)(s - b));
			lex_number(b, (size_t)(s - b), &k);
		} else {
			int i;

			k.kind = TK_OP;
			for (i = 0; ops2[i]; i++)
				if (strncmp(s, ops2[i], 2) == 0)
					break;
			if (ops2[i]) {
				k.text = xstrndup(s, 2);
				s += 2;
			} else {
				if (!strchr("()+-*/%&|^~!<>,?:", *s))
					k.kind = TK_BAD;
				k.text = xstrndup(s, 1);
				s++;
			}
		}
		toks_push(out, k);
	}
}

static bool tok_is(const struct tok *k, const char *op)
{
	return k->kind == TK_OP && strcmp(k->text, op) == 0;
}

/* ---- the other targets' earlier imports --------------------------------- */

/*
 * One index serves every target: an item of DIR/NAME.msr is for the targets
 * its only list names, and without one for every target of the templates
 * folder.  Importing target T's header onto the file there keeps what T's
 * header lacks for the other targets (without T), gives T what the header
 * has, and adds what is new as T's only; the first import, onto no file, is
 * for every target.  A list is written where an item's targets are not all
 * the targets (a declaration) or not its declaration's (a field, an alias).
 */
struct tset {
	char **v;	/* sorted */
	size_t n;
};

static bool tset_has(const struct tset *s, const char *t)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], t))
			return true;
	return false;
}

static void tset_add(struct tset *s, const char *t)
{
	size_t i;

	if (tset_has(s, t))
		return;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	for (i = s->n; i > 0 && strcmp(s->v[i - 1], t) > 0; i--)
		s->v[i] = s->v[i - 1];
	s->v[i] = xstrdup(t);
	s->n++;
}

static void tset_del(struct tset *s, const char *t)
{
	size_t i, j;

	for (i = j = 0; i < s->n; i++) {
		if (strcmp(s->v[i], t))
			s->v[j++] = s->v[i];
		else
			free(s->v[i]);
	}
	s->n = j;
}

static bool tset_eq(const struct tset *a, const struct tset *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]))
			return false;
	return true;
}

static void tset_free(struct tset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* The targets of an only list, or of dflt if it has none */
static struct tset tset_of(const struct vendors *only, const struct tset *dflt)
{
	struct tset s = { 0 };
	size_t i;

	if (only && only->list.n)
		for (i = 0; i < only->list.n; i++)
			tset_add(&s, only->list.v[i].name);
	else
		for (i = 0; i < dflt->n; i++)
			tset_add(&s, dflt->v[i]);
	return s;
}

static void tset_text(struct strbuf *sb, const struct tset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		sb_printf(sb, "%s%s", i ? ", " : "", s->v[i]);
}

/* ---- the header as macros ---------------------------------------------- */

enum addr_state { AS_UNKNOWN, AS_BUSY, AS_YES, AS_NO };

struct idecl;

struct macro {
	char *name;
	int line;
	bool fn;		/* function-like */
	int nparams;
	char *param;		/* the first parameter */
	char *body;		/* the replacement text, comments removed */
	struct toks toks;
	char *doc;		/* a sure description: its same-line comment */
	bool dup;		/* a second definition of a name */

	enum addr_state as;
	uint64_t addr;
	struct macro *alias_of;	/* defined as the name of another address macro */
	bool absorbed;		/* element of an indexed declaration */
	struct idecl *decl;	/* the declaration holding it */
	bool has_fields;	/* some MSR_ macro is named NAME_... */
};

struct field {
	char *name;
	int hi, lo;
	int line;
	const char *src;	/* macro that gave it */
	struct tset t;		/* its targets, when merging (the other targets' earlier imports) */
};

enum decl_kind { DK_SINGLE, DK_ARRAY, DK_INDEXED };

struct idecl {
	enum decl_kind kind;
	char *name;		/* IDENT of the msr statement */
	char *param;		/* DK_INDEXED */
	uint64_t base;
	unsigned int count, stride;
	struct macro *primary;	/* DK_SINGLE */
	struct macro **aliases;
	size_t naliases;
	struct macro *element;	/* DK_INDEXED: element 0 */
	struct field *fields;
	size_t nfields;
	char *doc;
	struct tset t;		/* its targets, when merging */
	struct tset *alias_t;	/* each alias's, when merging */
};

struct diagnostic {
	int line;
	int seq;
	char *text;
};

struct imp {
	const char *path;
	struct macro *m;
	size_t nm;
	struct macro **sorted;	/* by name, then line */
	struct diagnostic *diags;
	size_t ndiags;
	struct idecl **decls;
	size_t ndecls;
	int nfields, nunclassified;
	char *acked;		/* the acknowledged names, "\nNAME\nNAME\n" */
	int nacked;		/* warnings left out because acknowledged */
	bool merged;		/* onto an earlier import: items carry their targets */
	struct tset all;	/* every target of the templates folder */
	struct macro **extra;	/* names of the earlier import the header lacks */
	size_t nextra;
};

static void add_diag(struct imp *imp, int line, const char *kind,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void add_diag(struct imp *imp, int line, const char *kind,
		     const char *fmt, ...)
{
	struct strbuf sb = { 0 };
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sb_printf(&sb, "%s:%d: %s: %s\n", imp->path, line, kind, msg);
	imp->diags = xrealloc(imp->diags, (imp->ndiags + 1) * sizeof(*imp->diags));
	imp->diags[imp->ndiags].line = line;
	imp->diags[imp->ndiags].seq = (int)imp->ndiags;
	imp->diags[imp->ndiags].text = sb.s;
	imp->ndiags++;
}

/* Whether name is in the acknowledgement file (DIR/NAME.ack) */
static bool acknowledged(const struct imp *imp, const char *name)
{
	const char *p;
	size_t n = strlen(name);

	for (p = imp->acked; p && (p = strstr(p, name)); p += n)
		if (p[-1] == '\n' && p[n] == '\n')
			return true;
	return false;
}

static void warn_unclassified(struct imp *imp, struct macro *m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void warn_unclassified(struct imp *imp, struct macro *m, const char *fmt, ...)
{
	char why[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	if (acknowledged(imp, m->name)) {
		imp->nacked++;
		return;
	}
	add_diag(imp, m->line, "warning", "cannot classify %s: %s", m->name, why);
	imp->nunclassified++;
}

static int cmp_macro_name(const void *a, const void *b)
{
	const struct macro *x = *(struct macro *const *)a;
	const struct macro *y = *(struct macro *const *)b;
	int c = strcmp(x->name, y->name);

	return c ? c : x->line - y->line;
}

static struct macro *find_macro(struct imp *imp, const char *name)
{
	size_t lo = 0, hi = imp->nm;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(imp->sorted[mid]->name, name);

		if (c < 0) {
			lo = mid + 1;
		} else if (c > 0) {
			hi = mid;
		} else {
			while (mid > 0 && strcmp(imp->sorted[mid - 1]->name, name) == 0)
				mid--;
			return imp->sorted[mid];
		}
	}
	return NULL;
}

/*
 * Splits the text into logical lines the way translation phases 1-3 do: a
 * backslash-newline splices, a comment is a space and may span lines, a
 * directive ends at a newline outside a comment.  Each #define becomes a macro.
 * Returns false (and says why) on a comment that never ends.
 */
static bool scan_header(struct imp *imp, const char *text, size_t len)
{
	size_t i = 0;
	int line = 1;
	size_t cap = 0;

	while (i < len) {
		struct strbuf code = { 0 };
		struct strbuf cmt = { 0 };
		int start = line, ncomments = 0;
		bool cmt_one_line = false, spliced = false;

		for (;;) {
			char c;

			if (i >= len)
				break;
			c = text[i];
			if (c == '\\' && i + 1 < len && text[i + 1] == '\n') {
				i += 2;
				line++;
				spliced = true;
				continue;
			}
			if (c == '\n') {
				i++;
				line++;
				break;
			}
			if (c == '/' && i + 1 < len && text[i + 1] == '*') {
				int cline = line;
				size_t b = i + 2;

				i += 2;
				while (i + 1 < len && !(text[i] == '*' && text[i + 1] == '/')) {
					if (text[i] == '\n')
						line++;
					i++;
				}
				if (i + 1 >= len) {
					fprintf(stderr, "%s:%d: error: unterminated comment\n",
						imp->path, cline);
					free(code.s);
					free(cmt.s);
					return false;
				}
				ncomments++;
				cmt.len = 0;
				sb_putn(&cmt, text + b, i - b);
				cmt_one_line = cline == line;
				i += 2;
				sb_putc(&code, ' ');
				continue;
			}
			if (c == '/' && i + 1 < len && text[i + 1] == '/') {
				size_t b = i + 2;

				while (i < len && text[i] != '\n')
					i++;
				ncomments++;
				cmt.len = 0;
				sb_putn(&cmt, text + b, i - b);
				cmt_one_line = true;
				sb_putc(&code, ' ');
				continue;
			}
			sb_putc(&code, c);
			i++;
		}

		if (code.s) {
			const char *p = code.s;

			while (*p == ' ' || *p == '\t')
				p++;
			if (*p == '#') {
				p++;
				while (*p == ' ' || *p == '\t')
					p++;
				if (has_prefix(p, "define") && (p[6] == ' ' || p[6] == '\t')) {
					const char *nb, *ne;
					struct macro *m;

					p += 6;
					while (*p == ' ' || *p == '\t')
						p++;
					nb = p;
					while (isalnum((unsigned char)*p) || *p == '_')
						p++;
					ne = p;
					if (ne > nb && !isdigit((unsigned char)*nb)) {
						if (imp->nm == cap) {
							cap = cap ? 2 * cap : 256;
							imp->m = xrealloc(imp->m, cap * sizeof(*imp->m));
						}
						m = &imp->m[imp->nm++];
						memset(m, 0, sizeof(*m));
						m->name = xstrndup(nb, (size_t)(ne - nb));
						m->line = start;
						if (*p == '(') {
							const char *q = ++p;

							m->fn = true;
							while (*p && *p != ')')
								p++;
							if (*p == ')') {
								char *params = xstrndup(q, (size_t)(p - q));
								char *tok = strtok(params, " \t,");

								while (tok) {
									if (!m->param)
										m->param = xstrdup(tok);
									m->nparams++;
									tok = strtok(NULL, " \t,");
								}
								free(params);
								p++;
							}
						}
						m->body = xstrdup(p);
						lex_tokens(m->body, &m->toks);
						if (ncomments == 1 && cmt_one_line && !spliced) {
							char *d = cmt.s;
							size_t n;

							while (*d == ' ' || *d == '\t')
								d++;
							n = strlen(d);
							while (n && (d[n - 1] == ' ' || d[n - 1] == '\t'))
								n--;
							m->doc = xstrndup(d, n);
						}
					}
				}
			}
		}
		free(code.s);
		free(cmt.s);
	}
	return true;
}

/* ---- the evaluator ----------------------------------------------------- */

struct ival {
	uint64_t v;		/* the bits of the value, truncated to bits */
	int bits;		/* 32 or 64 */
	bool uns;
};

struct eval {
	struct imp *imp;
	struct toks t;		/* expanded tokens */
	size_t pos;
	const char *param;	/* parameter of an indexed macro, or NULL */
	struct ival arg;
	char err[256];
	bool shifty;		/* used << >> ~ or a BIT/GENMASK builtin */
};

static uint64_t width_mask(int bits)
{
	return bits >= 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
}

static int64_t ival_signed(struct ival a)
{
	uint64_t v = a.v & width_mask(a.bits);

	if (a.bits < 64 && (v >> (a.bits - 1)) & 1)
		v |= ~width_mask(a.bits);
	return (int64_t)v;
}

static struct ival ival_conv(struct ival a, int bits, bool uns)
{
	struct ival r;
	uint64_t v = a.uns ? (a.v & width_mask(a.bits)) : (uint64_t)ival_signed(a);

	r.v = v & width_mask(bits);
	r.bits = bits;
	r.uns = uns;
	return r;
}

static bool ival_negative(struct ival a)
{
	return !a.uns && ival_signed(a) < 0;
}

/* the usual arithmetic conversions for int, unsigned, long, unsigned long */
static void ival_common(struct ival *a, struct ival *b)
{
	int bits = a->bits > b->bits ? a->bits : b->bits;
	bool uns;

	if (a->bits == b->bits)
		uns = a->uns || b->uns;
	else
		uns = a->bits > b->bits ? a->uns : b->uns;
	*a = ival_conv(*a, bits, uns);
	*b = ival_conv(*b, bits, uns);
}

static bool ev_fail(struct eval *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool ev_fail(struct eval *e, const char *fmt, ...)
{
	va_list ap;

	if (e->err[0])
		return false;
	va_start(ap, fmt);
	vsnprintf(e->err, sizeof(e->err), fmt, ap);
	va_end(ap);
	return false;
}

static const struct tok *ev_peek(struct eval *e)
{
	return e->pos < e->t.n ? &e->t.v[e->pos] : NULL;
}

static bool ev_accept(struct eval *e, const char *op)
{
	const struct tok *k = ev_peek(e);

	if (k && tok_is(k, op)) {
		e->pos++;
		return true;
	}
	return false;
}

static bool ev_expr(struct eval *e, struct ival *r);

static bool ev_expect(struct eval *e, const char *op)
{
	const struct tok *k = ev_peek(e);

	if (ev_accept(e, op))
		return true;
	return ev_fail(e, "expected '%s' but found '%s'", op, k ? k->text : "end");
}

static bool ev_bit_index(struct eval *e, struct ival n, int bits, uint64_t *out)
{
	if (ival_negative(n) || (n.v & width_mask(n.bits)) >= (uint64_t)bits)
		return ev_fail(e, "bit number %lld out of range", (long long)ival_signed(n));
	*out = n.v & width_mask(n.bits);
	return true;
}

/* BIT, BIT_ULL, _BITUL, _BITULL, GENMASK, GENMASK_ULL (linux/bits.h) */
static bool ev_builtin(struct eval *e, const char *name, struct ival *r)
{
	struct ival a = { 0 }, b = { 0 };
	uint64_t h = 0, l = 0;

	e->shifty = true;
	if (!ev_expect(e, "(") || !ev_expr(e, &a))
		return false;
	if (has_prefix(name, "GENMASK")) {
		if (!ev_expect(e, ",") || !ev_expr(e, &b) || !ev_expect(e, ")"))
			return false;
		if (!ev_bit_index(e, a, 64, &h) || !ev_bit_index(e, b, 64, &l))
			return false;
		if (h < l)
			return ev_fail(e, "%s(%llu, %llu) has high < low", name,
				       (unsigned long long)h, (unsigned long long)l);
		r->v = (UINT64_MAX >> (63 - h)) & (UINT64_MAX << l);
	} else {
		if (!ev_expect(e, ")") || !ev_bit_index(e, a, 64, &l))
			return false;
		r->v = UINT64_C(1) << l;
	}
	r->bits = 64;
	r->uns = true;
	return true;
}

static bool is_builtin(const char *s)
{
	return !strcmp(s, "BIT") || !strcmp(s, "BIT_ULL") || !strcmp(s, "_BITUL") ||
	       !strcmp(s, "_BITULL") || !strcmp(s, "GENMASK") || !strcmp(s, "GENMASK_ULL");
}

static bool ev_unary(struct eval *e, struct ival *r);

static bool ev_primary(struct eval *e, struct ival *r)
{
	const struct tok *k = ev_peek(e);

	if (!k)
		return ev_fail(e, "expression ends early");
	e->pos++;
	if (k->kind == TK_NUM) {
		if (k->bad_num)
			return ev_fail(e, "bad number '%s'", k->text);
		r->v = k->num;
		r->bits = k->bits;
		r->uns = k->uns;
		return true;
	}
	if (tok_is(k, "(")) {
		return ev_expr(e, r) && ev_expect(e, ")");
	}
	if (k->kind == TK_ID) {
		if (e->param && strcmp(k->text, e->param) == 0) {
			*r = e->arg;
			return true;
		}
		if (is_builtin(k->text) && ev_peek(e) && tok_is(ev_peek(e), "("))
			return ev_builtin(e, k->text, r);
		{
			struct macro *m = find_macro(e->imp, k->text);

			if (m && m->fn)
				return ev_fail(e, "uses function-like macro %s", k->text);
		}
		return ev_fail(e, "'%s' is not a macro of the header", k->text);
	}
	return ev_fail(e, "unexpected '%s'", k->text);
}

static bool ev_unary(struct eval *e, struct ival *r)
{
	if (ev_accept(e, "-")) {
		if (!ev_unary(e, r))
			return false;
		r->v = (0 - r->v) & width_mask(r->bits);
		return true;
	}
	if (ev_accept(e, "+"))
		return ev_unary(e, r);
	if (ev_accept(e, "~")) {
		if (!ev_unary(e, r))
			return false;
		e->shifty = true;
		r->v = ~r->v & width_mask(r->bits);
		return true;
	}
	if (ev_accept(e, "!")) {
		if (!ev_unary(e, r))
			return false;
		r->v = (r->v & width_mask(r->bits)) == 0;
		r->bits = 32;
		r->uns = false;
		return true;
	}
	return ev_primary(e, r);
}

static bool ev_binary(struct eval *e, struct ival *r, int level);

static const char *const ev_levels[][4] = {
	{ "|", NULL }, { "^", NULL }, { "&", NULL },
	{ "<<", ">>", NULL }, { "+", "-", NULL }, { "*", "/", "%", NULL },
};
#define EV_NLEVELS ((int)(sizeof(ev_levels) / sizeof(ev_levels[0])))

static bool ev_apply(struct eval *e, const char *op, struct ival *a, struct ival b)
{
	if (!strcmp(op, "<<") || !strcmp(op, ">>")) {
		uint64_t n = 0;

		e->shifty = true;
		if (!ev_bit_index(e, b, a->bits, &n))
			return false;
		if (op[0] == '<') {
			a->v = (a->v << n) & width_mask(a->bits);
		} else if (ival_negative(*a)) {
			a->v = (uint64_t)(ival_signed(*a) >> n) & width_mask(a->bits);
		} else {
			a->v >>= n;
		}
		return true;
	}
	ival_common(a, &b);
	switch (op[0]) {
	case '|': a->v |= b.v; break;
	case '^': a->v ^= b.v; break;
	case '&': a->v &= b.v; break;
	case '+': a->v = (a->v + b.v) & width_mask(a->bits); break;
	case '-': a->v = (a->v - b.v) & width_mask(a->bits); break;
	case '*': a->v = (a->v * b.v) & width_mask(a->bits); break;
	default:
		if (b.v == 0)
			return ev_fail(e, "division by zero");
		if (a->uns) {
			a->v = op[0] == '/' ? a->v / b.v : a->v % b.v;
		} else {
			int64_t x = ival_signed(*a), y = ival_signed(b);

			if (x == INT64_MIN && y == -1)
				return ev_fail(e, "division overflows");
			a->v = (uint64_t)(op[0] == '/' ? x / y : x % y) & width_mask(a->bits);
		}
		break;
	}
	return true;
}

static bool ev_binary(struct eval *e, struct ival *r, int level)
{
	if (level == EV_NLEVELS)
		return ev_unary(e, r);
	if (!ev_binary(e, r, level + 1))
		return false;
	for (;;) {
		const struct tok *k = ev_peek(e);
		struct ival b;
		int i;

		if (!k || k->kind != TK_OP)
			return true;
		for (i = 0; ev_levels[level][i]; i++)
			if (!strcmp(k->text, ev_levels[level][i]))
				break;
		if (!ev_levels[level][i])
			return true;
		e->pos++;
		if (!ev_binary(e, &b, level + 1) || !ev_apply(e, k->text, r, b))
			return false;
	}
}

static bool ev_expr(struct eval *e, struct ival *r)
{
	return ev_binary(e, r, 0);
}

/* Object-like macro expansion; names being expanded are not expanded again. */
static bool ev_expand(struct eval *e, const struct toks *in, const char **stack,
		      int depth)
{
	size_t i;

	for (i = 0; i < in->n; i++) {
		const struct tok *k = &in->v[i];
		struct macro *m = NULL;
		int j;

		if (k->kind == TK_BAD || tok_is(k, "##"))
			return ev_fail(e, "'%s' is not an integer constant expression",
				       k->text);
		if (k->kind == TK_ID && !(e->param && !strcmp(k->text, e->param)))
			m = find_macro(e->imp, k->text);
		if (m && !m->fn) {
			for (j = 0; j < depth; j++)
				if (!strcmp(stack[j], m->name))
					break;
			if (j < depth || depth >= 64)
				return ev_fail(e, "%s refers to itself", m->name);
			stack[depth] = m->name;
			if (!ev_expand(e, &m->toks, stack, depth + 1))
				return false;
			continue;
		}
		if (e->t.n >= IMPORT_MAX_EXPAND)
			return ev_fail(e, "expands to too many tokens");
		toks_push(&e->t, *k);
	}
	return true;
}

/*
 * Evaluates the body of m (with its parameter bound to arg if it has one).
 * On failure, why holds the reason.
 */
static bool eval_macro(struct imp *imp, struct macro *m, int64_t arg,
		       struct ival *r, bool *shifty, char *why, size_t whylen)
{
	struct eval e = { 0 };
	const char *stack[64];
	bool ok;

	e.imp = imp;
	if (m->fn) {
		e.param = m->param;
		e.arg.v = (uint64_t)arg;
		e.arg.bits = 32;
		e.arg.uns = false;
	}
	stack[0] = m->name;
	ok = ev_expand(&e, &m->toks, stack, 1);
	if (ok && e.t.n == 0)
		ok = ev_fail(&e, "empty definition");
	if (ok)
		ok = ev_expr(&e, r);
	if (ok && e.pos != e.t.n)
		ok = ev_fail(&e, "unexpected '%s'", e.t.v[e.pos].text);
	if (shifty)
		*shifty = e.shifty;
	if (!ok)
		snprintf(why, whylen, "%s", e.err);
	free(e.t.v);
	return ok;
}

/* ---- classification ---------------------------------------------------- */

/* An address a hex literal may be: the target's import-range lines */
static bool valid_address(uint64_t a)
{
	size_t i;

	for (i = 0; i < rules->import_ranges.n; i++)
		if (a >= rules->import_ranges.v[i].first && a <= rules->import_ranges.v[i].last)
			return true;
	return false;
}

/* A macro the header names an MSR or a field of one by: import-prefix */
static bool msr_named(const char *name)
{
	return has_prefix(name, rules->import_prefix);
}

static const char *last_word(const char *name)
{
	const char *u = strrchr(name, '_');

	return u ? u + 1 : name;
}

static bool word_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return true;
	return false;
}

static bool is_address(struct imp *imp, struct macro *m);

/* the longest address macro P with name == P "_" rest */
static struct macro *msr_prefix(struct imp *imp, const char *name)
{
	size_t n = strlen(name);

	while (n > strlen(rules->import_prefix)) {
		n--;
		if (name[n] == '_') {
			char *p = xstrndup(name, n);
			struct macro *pm = find_macro(imp, p);

			free(p);
			if (pm && !pm->fn && is_address(imp, pm))
				return pm;
		}
	}
	return NULL;
}

/* strips outer parentheses: [b, e) */
static void strip_parens(const struct toks *t, size_t *b, size_t *e)
{
	while (*e - *b >= 2 && tok_is(&t->v[*b], "(") && tok_is(&t->v[*e - 1], ")")) {
		size_t i;
		int d = 0;

		for (i = *b; i < *e; i++) {
			if (tok_is(&t->v[i], "("))
				d++;
			else if (tok_is(&t->v[i], ")") && --d == 0)
				break;
		}
		if (i != *e - 1)
			return;
		(*b)++;
		(*e)--;
	}
}

static bool is_address(struct imp *imp, struct macro *m)
{
	static const char *const never[] = {
		"BIT", "SHIFT", "MASK", "RSVD", "RESERVED", NULL
	};
	const struct toks *t = &m->toks;
	size_t b = 0, e = t->n, i;
	struct ival v;
	char why[256];
	bool any_addr = false;

	if (m->as == AS_YES)
		return true;
	if (m->as != AS_UNKNOWN)
		return false;
	if (m->fn || m->dup || !msr_named(m->name)) {
		m->as = AS_NO;
		return false;
	}
	m->as = AS_BUSY;
	if (word_in(last_word(m->name), never) && msr_prefix(imp, m->name))
		goto no;
	strip_parens(t, &b, &e);
	if (e - b == 1 && t->v[b].kind == TK_ID) {
		struct macro *target = find_macro(imp, t->v[b].text);

		if (!target || target == m || !is_address(imp, target))
			goto no;
		m->alias_of = target;
		m->addr = target->addr;
		m->as = AS_YES;
		return true;
	}
	if (e - b == 1 && t->v[b].kind == TK_NUM) {
		if (!t->v[b].hex || t->v[b].bad_num || !valid_address(t->v[b].num))
			goto no;
		m->addr = t->v[b].num;
		m->as = AS_YES;
		return true;
	}
	/* an address macro plus or minus constants */
	for (i = b; i < e; i++) {
		const struct tok *k = &t->v[i];

		if (k->kind == TK_ID) {
			struct macro *r = find_macro(imp, k->text);

			if (!r || !is_address(imp, r))
				goto no;
			any_addr = true;
		} else if (k->kind == TK_OP) {
			if (!strchr("+-*()", k->text[0]) || k->text[1])
				goto no;
		} else if (k->kind != TK_NUM) {
			goto no;
		}
	}
	if (!any_addr || !eval_macro(imp, m, 0, &v, NULL, why, sizeof(why)) ||
	    ival_negative(v) || !valid_address(v.v))
		goto no;
	m->addr = v.v;
	m->as = AS_YES;
	return true;
no:
	m->as = AS_NO;
	return false;
}

static bool is_contiguous(uint64_t m, int *hi, int *lo)
{
	int l = 0, h;
	uint64_t s;

	if (!m)
		return false;
	while (!((m >> l) & 1))
		l++;
	s = m >> l;
	if (s & (s + 1))
		return false;
	h = l;
	while (h < 63 && ((m >> (h + 1)) & 1))
		h++;
	*hi = h;
	*lo = l;
	return true;
}

/* Whether name starts with pattern, where "?" is a hexadecimal digit */
static bool pattern_prefix(const char *name, const char *pattern)
{
	for (; *pattern; pattern++, name++)
		if (*pattern == '?' ? !isxdigit((unsigned char)*name) : *name != *pattern)
			return false;
	return true;
}

/* vendor scope of a name, only when the name makes it certain: import-vendor */
static const char *name_vendor(const char *name)
{
	size_t i, j;

	for (i = 0; i < rules->import_vendors.n; i++)
		for (j = 0; j < rules->import_vendors.v[i].prefixes.n; j++)
			if (pattern_prefix(name, rules->import_vendors.v[i].prefixes.v[j]))
				return rules->import_vendors.v[i].vendor;
	return NULL;
}

static struct idecl *new_decl(struct imp *imp, enum decl_kind kind, const char *name,
			     uint64_t base)
{
	struct idecl *d = xcalloc(1, sizeof(*d));

	d->kind = kind;
	d->name = xstrdup(name);
	d->base = base;
	d->count = 1;
	d->stride = 1;
	imp->decls = xrealloc(imp->decls, (imp->ndecls + 1) * sizeof(*imp->decls));
	imp->decls[imp->ndecls++] = d;
	return d;
}

/* the address macro (not an indexed element) at address a, other than not */
static struct macro *macro_at(struct imp *imp, uint64_t a, const struct macro *not)
{
	size_t i;

	for (i = 0; i < imp->nm; i++) {
		struct macro *m = &imp->m[i];

		if (m != not && m->as == AS_YES && m->addr == a)
			return m;
	}
	return NULL;
}

static void classify_indexed(struct imp *imp, struct macro *m)
{
	struct ival v[4];
	char why[256];
	struct macro *elem = NULL, *hit = NULL;
	uint64_t base, stride;
	unsigned int n;
	size_t i;
	struct idecl *d;

	if (m->nparams != 1) {
		warn_unclassified(imp, m, "function-like macro of %d parameters is not an indexed MSR",
				  m->nparams);
		return;
	}
	for (i = 0; i < 4; i++) {
		if (!eval_macro(imp, m, (int64_t)i, &v[i], NULL, why, sizeof(why))) {
			warn_unclassified(imp, m, "%s", why);
			return;
		}
		v[i] = ival_conv(v[i], 64, true);
	}
	base = v[0].v;
	stride = v[1].v - v[0].v;
	if (v[1].v <= v[0].v || v[2].v - v[1].v != stride || v[3].v - v[2].v != stride ||
	    stride > 0x100 || !valid_address(base)) {
		warn_unclassified(imp, m, "%s(%s) is not an MSR address that grows linearly with %s",
				  m->name, m->param, m->param);
		return;
	}
	/* the address macro it names at index 0 is element 0 */
	for (i = 0; i < m->toks.n; i++) {
		struct macro *r;

		if (m->toks.v[i].kind != TK_ID)
			continue;
		r = find_macro(imp, m->toks.v[i].text);
		if (r && !r->fn && is_address(imp, r) && r->addr == base && !r->alias_of)
			elem = r;
	}
	if (elem && macro_at(imp, base, elem)) {
		warn_unclassified(imp, m, "element 0 %s shares its address with %s",
				  elem->name, macro_at(imp, base, elem)->name);
		return;
	}
	if (!elem && macro_at(imp, base, NULL)) {
		warn_unclassified(imp, m, "element 0 is %s, which it does not name",
				  macro_at(imp, base, NULL)->name);
		return;
	}
	for (n = 1; n < IMPORT_INDEXED_MAX; n++) {
		uint64_t a = base + stride * n;

		if (!valid_address(a))
			break;
		hit = macro_at(imp, a, NULL);
		if (hit)
			break;
	}
	if (n < IMPORT_INDEXED_MAX) {
		if (hit)
			add_diag(imp, m->line, "note",
				 "%s(%s) has %u elements: the default %d would reach %s (0x%08llx)",
				 m->name, m->param, n, IMPORT_INDEXED_MAX, hit->name,
				 (unsigned long long)(base + stride * n));
		else
			add_diag(imp, m->line, "note",
				 "%s(%s) has %u elements: the default %d would leave the MSR address range",
				 m->name, m->param, n, IMPORT_INDEXED_MAX);
	}
	d = new_decl(imp, DK_INDEXED, m->name, base);
	d->param = xstrdup(m->param);
	d->count = n;
	d->stride = (unsigned int)stride;
	d->element = elem;
	if (elem) {
		elem->absorbed = true;
		elem->decl = d;
	}
}

static int macro_rank_cmp(const struct macro *a, const struct macro *b)
{
	/* the primary: not defined as another name, not vendor-scoped, first */
	if (!a->alias_of != !b->alias_of)
		return a->alias_of ? 1 : -1;
	if (!name_vendor(a->name) != !name_vendor(b->name))
		return name_vendor(a->name) ? 1 : -1;
	return a->line - b->line;
}

static int cmp_macro_ptr_name(const void *a, const void *b)
{
	return strcmp((*(struct macro *const *)a)->name, (*(struct macro *const *)b)->name);
}

/* NAME = stem + canonical decimal; returns the number or -1 */
static long numbered(const char *name, size_t *stemlen)
{
	size_t n = strlen(name), k = n;
	long v = 0;

	while (k > 0 && isdigit((unsigned char)name[k - 1]))
		k--;
	if (k == n || n - k > 4 || (name[k] == '0' && n - k > 1) || k <= 4)
		return -1;
	for (size_t i = k; i < n; i++)
		v = v * 10 + (name[i] - '0');
	*stemlen = k;
	return v;
}

static void build_decls(struct imp *imp)
{
	struct macro **regs;
	size_t nregs = 0, i, j;

	regs = xcalloc(imp->nm, sizeof(*regs));
	for (i = 0; i < imp->nm; i++)
		if (imp->m[i].as == AS_YES && !imp->m[i].absorbed)
			regs[nregs++] = &imp->m[i];

	/* which address macros have MSR_ macros named after them */
	for (i = 0; i < imp->nm; i++) {
		struct macro *m = &imp->m[i];
		size_t n = strlen(m->name);

		if (m->as == AS_YES || !msr_named(m->name))
			continue;
		while (n > 4) {
			n--;
			if (m->name[n] == '_') {
				char *p = xstrndup(m->name, n);
				struct macro *pm = find_macro(imp, p);

				free(p);
				if (pm && pm->as == AS_YES)
					pm->has_fields = true;
			}
		}
	}

	/* arrays: NAME0..NAME(N-1), N >= 2, nothing else named NAMEk */
	for (i = 0; i < nregs; i++) {
		struct macro *z = regs[i], **el;
		size_t stemlen, count = 0, total = 0;
		long num = numbered(z->name, &stemlen);
		char *stem;
		bool ok = true;
		uint64_t stride = 0;
		struct idecl *d;

		if (num != 0 || z->decl)
			continue;
		stem = xstrndup(z->name, stemlen);
		el = xcalloc(nregs + 1, sizeof(*el));
		for (j = 0; j < nregs; j++) {
			size_t sl;
			long k = numbered(regs[j]->name, &sl);

			if (k < 0 || sl != stemlen || strncmp(regs[j]->name, stem, sl))
				continue;
			total++;
			if ((size_t)k < nregs)
				el[k] = regs[j];
		}
		while (count < nregs && el[count])
			count++;
		if (count < 2 || count != total || find_macro(imp, stem))
			ok = false;
		for (j = 0; ok && j < count; j++) {
			if (el[j]->alias_of || el[j]->has_fields || macro_at(imp, el[j]->addr, el[j]))
				ok = false;
			else if (j == 1)
				stride = el[1]->addr - el[0]->addr;
			if (ok && j >= 1 && (el[j]->addr <= el[0]->addr ||
					     el[j]->addr - el[j - 1]->addr != stride ||
					     stride > 0x100))
				ok = false;
		}
		if (ok) {
			d = new_decl(imp, DK_ARRAY, stem, z->addr);
			d->count = (unsigned int)count;
			d->stride = (unsigned int)stride;
			for (j = 0; j < count; j++)
				el[j]->decl = d;
		}
		free(el);
		free(stem);
	}

	/* singles, with the other names at their address as aliases */
	for (i = 0; i < nregs; i++) {
		struct macro *p = regs[i], **group;
		size_t ng = 0;
		struct idecl *d;

		if (p->decl)
			continue;
		group = xcalloc(nregs, sizeof(*group));
		for (j = 0; j < nregs; j++)
			if (!regs[j]->decl && regs[j]->addr == p->addr)
				group[ng++] = regs[j];
		for (j = 1; j < ng; j++)
			if (macro_rank_cmp(group[j], p) < 0)
				p = group[j];
		d = new_decl(imp, DK_SINGLE, p->name, p->addr);
		d->primary = p;
		d->doc = p->doc;
		for (j = 0; j < ng; j++) {
			group[j]->decl = d;
			if (group[j] != p) {
				d->aliases = xrealloc(d->aliases,
						      (d->naliases + 1) * sizeof(*d->aliases));
				d->aliases[d->naliases++] = group[j];
			}
		}
		if (d->naliases > 1)
			qsort(d->aliases, d->naliases, sizeof(*d->aliases), cmp_macro_ptr_name);
		free(group);
	}
	free(regs);
}

/* ---- fields ------------------------------------------------------------ */

static bool doc_is_sure(const char *s)
{
	/* a same-line description, not a note ("guess: ...", "... 0xddf for _31") */
	return s && isalnum((unsigned char)s[0]) && !strchr(s, ':') &&
	       !strstr(s, "...") && !strchr(s, '"') && !strchr(s, '\\');
}

static struct field *find_field(struct idecl *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nfields; i++)
		if (!strcmp(d->fields[i].name, name))
			return &d->fields[i];
	return NULL;
}

static void bits_text(char *buf, size_t n, int hi, int lo)
{
	if (hi == lo)
		snprintf(buf, n, "bit %d", lo);
	else
		snprintf(buf, n, "bits %d:%d", hi, lo);
}

static void add_field(struct imp *imp, struct macro *m, struct idecl *d,
		      const char *fname, int hi, int lo)
{
	struct field *f = find_field(d, fname);
	char mine[32], theirs[32];
	size_t i;

	bits_text(mine, sizeof(mine), hi, lo);
	if (f) {
		if (f->hi != hi || f->lo != lo) {
			bits_text(theirs, sizeof(theirs), f->hi, f->lo);
			warn_unclassified(imp, m, "%s disagrees with %s (%s)", mine, f->src, theirs);
		}
		return;
	}
	/* the language has no overlapping fields: the first one keeps the bits */
	for (i = 0; i < d->nfields; i++) {
		f = &d->fields[i];
		if (hi >= f->lo && lo <= f->hi) {
			bits_text(theirs, sizeof(theirs), f->hi, f->lo);
			warn_unclassified(imp, m, "%s %s field %s of %s (%s, from %s)",
					  mine, hi == lo ? "overlaps" : "overlap", f->name, d->name, theirs, f->src);
			return;
		}
	}
	d->fields = xrealloc(d->fields, (d->nfields + 1) * sizeof(*d->fields));
	f = &d->fields[d->nfields++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(fname);
	f->hi = hi;
	f->lo = lo;
	f->line = m->line;
	f->src = m->name;
	imp->nfields++;
}

static struct macro *find_obj(struct imp *imp, const char *name)
{
	struct macro *m = find_macro(imp, name);

	return m && !m->fn && !m->dup ? m : NULL;
}

/* the value of a mask macro in its own type; false with why on failure */
static bool mask_of(struct imp *imp, struct macro *m, uint64_t *mask, char *why, size_t n)
{
	struct ival v;

	if (!eval_macro(imp, m, 0, &v, NULL, why, n))
		return false;
	*mask = v.v & width_mask(v.bits);
	return true;
}

static bool bitnum_of(struct imp *imp, struct macro *m, int *bit, char *why, size_t n)
{
	struct ival v;
	bool shifty;

	if (!eval_macro(imp, m, 0, &v, &shifty, why, n))
		return false;
	if (shifty) {
		snprintf(why, n, "a %s value must be a bit number, not a mask",
			 has_suffix(m->name, "_SHIFT") ? "_SHIFT" : "_BIT");
		return false;
	}
	if (ival_negative(v) || v.v > 63) {
		snprintf(why, n, "bit number %lld is out of range",
			 (long long)ival_signed(v));
		return false;
	}
	*bit = (int)v.v;
	return true;
}

static void classify_field(struct imp *imp, struct macro *m)
{
	struct macro *p = msr_prefix(imp, m->name), *other;
	const char *rem;
	char *fname = NULL, *oname;
	char why[256];
	uint64_t mask = 0;
	int hi = 0, lo = 0, bit = 0, shift = 0;
	bool plain;

	if (!p) {
		const struct tok *k = m->toks.n == 1 ? &m->toks.v[0] : NULL;
		struct ival v;

		if (k && k->kind == TK_NUM && !k->hex)
			warn_unclassified(imp, m, "decimal %s is not an MSR address, and no MSR address macro is a prefix of the name",
					  k->text);
		else if (k && k->kind == TK_NUM && !k->bad_num)
			warn_unclassified(imp, m, "0x%llx is outside the MSR address ranges, and no MSR address macro is a prefix of the name",
					  (unsigned long long)k->num);
		else if (eval_macro(imp, m, 0, &v, NULL, why, sizeof(why)))
			warn_unclassified(imp, m, "its value 0x%llx is computed, not an MSR address literal, and no MSR address macro is a prefix of the name",
					  (unsigned long long)(v.v & width_mask(v.bits)));
		else
			warn_unclassified(imp, m, "cannot evaluate it: %s", why);
		return;
	}
	if (p->absorbed || p->alias_of || !p->decl || p->decl->kind != DK_SINGLE ||
	    p->decl->primary != p) {
		warn_unclassified(imp, m, "%s is %s, not a declaration that can hold fields",
				  p->name, p->absorbed ? "an indexed element" :
				  p->decl && p->decl->kind == DK_ARRAY ? "an array element" :
				  "an alias");
		return;
	}
	rem = m->name + strlen(p->name) + 1;
	if (!strcmp(rem, "BIT") || !strcmp(rem, "SHIFT") || !strcmp(rem, "MASK")) {
		warn_unclassified(imp, m, "%s of %s names no field", rem, p->name);
		return;
	}

	if (has_suffix(rem, "_BIT")) {
		fname = xstrndup(rem, strlen(rem) - 4);
		if (!bitnum_of(imp, m, &bit, why, sizeof(why)))
			goto bad;
		hi = lo = bit;
	} else if (has_suffix(rem, "_SHIFT")) {
		fname = xstrndup(rem, strlen(rem) - 6);
		if (!bitnum_of(imp, m, &shift, why, sizeof(why)))
			goto bad;
		oname = xcalloc(1, strlen(m->name) + 8);
		sprintf(oname, "%.*s_MASK", (int)(strlen(m->name) - 6), m->name);
		other = find_obj(imp, oname);
		free(oname);
		oname = xstrndup(m->name, strlen(m->name) - 6);
		if (!other)
			other = find_obj(imp, oname);
		free(oname);
		if (!other) {
			snprintf(why, sizeof(why), "shift %d with no %s_%s_MASK or %s_%s: the width is unknown",
				 shift, p->name, fname, p->name, fname);
			goto bad;
		}
		/* the mask macro makes the field; the shift only has to agree */
		if (!mask_of(imp, other, &mask, why, sizeof(why)) ||
		    !is_contiguous(mask, &hi, &lo))
			goto quiet;
		if (has_suffix(other->name, "_MASK") && lo == 0 && shift > 0) {
			if (hi + shift > 63) {
				snprintf(why, sizeof(why), "%s << %d leaves 64 bits", other->name, shift);
				goto bad;
			}
			hi += shift;
			lo += shift;
		}
		if (lo != shift) {
			snprintf(why, sizeof(why), "shift %d disagrees with %s (bit %d)",
				 shift, other->name, lo);
			goto bad;
		}
		goto quiet;	/* the mask macro adds the field */
	} else {
		const struct tok *k = m->toks.n == 1 ? &m->toks.v[0] : NULL;

		plain = has_suffix(rem, "_MASK");
		fname = plain ? xstrndup(rem, strlen(rem) - 5) : xstrdup(rem);
		if (k && k->kind == TK_NUM && !k->hex) {
			snprintf(why, sizeof(why), "decimal %s is neither an MSR address nor a mask, and the name has no _BIT or _SHIFT suffix",
				 k->text);
			goto bad;
		}
		if (!mask_of(imp, m, &mask, why, sizeof(why)))
			goto bad;
		if (!is_contiguous(mask, &hi, &lo)) {
			snprintf(why, sizeof(why), "mask 0x%llx is %s", (unsigned long long)mask,
				 mask ? "not contiguous" : "empty");
			goto bad;
		}
		if (plain) {
			/* a _MASK with a _SHIFT: unshifted if it starts at bit 0 */
			char *sname = xcalloc(1, strlen(m->name) + 8);

			sprintf(sname, "%.*s_SHIFT", (int)(strlen(m->name) - 5), m->name);
			other = find_obj(imp, sname);
			free(sname);
			if (other && bitnum_of(imp, other, &shift, why, sizeof(why)) &&
			    lo == 0 && shift > 0) {
				if (hi + shift > 63) {
					snprintf(why, sizeof(why), "mask << %s leaves 64 bits",
						 other->name);
					goto bad;
				}
				hi += shift;
				lo += shift;
			}
		}
	}
	if (is_ident(fname) && parse_is_keyword(fname)) {
		snprintf(why, sizeof(why), "field name '%s' is a keyword of the .msr language", fname);
		goto bad;
	}
	if (!is_ident(fname)) {
		snprintf(why, sizeof(why), "field name '%s' is not an identifier", fname);
		goto bad;
	}
	add_field(imp, m, p->decl, fname, hi, lo);
	free(fname);
	return;
bad:
	warn_unclassified(imp, m, "%s", why);
quiet:
	free(fname);
}

/* ---- output ------------------------------------------------------------ */

static int cmp_decl(const void *a, const void *b)
{
	const struct idecl *x = *(struct idecl *const *)a;
	const struct idecl *y = *(struct idecl *const *)b;

	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int cmp_field(const void *a, const void *b)
{
	const struct field *x = a, *y = b;

	if (x->lo != y->lo)
		return x->lo - y->lo;
	if (x->hi != y->hi)
		return x->hi - y->hi;
	return strcmp(x->name, y->name);
}

static int cmp_diag(const void *a, const void *b)
{
	const struct diagnostic *x = a, *y = b;

	return x->line != y->line ? x->line - y->line : x->seq - y->seq;
}


static struct idecl *find_decl(struct imp *imp, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(imp->decls[i]->name, name))
			return imp->decls[i];
	return NULL;
}

/* A macro of the earlier import that the header lacks: only its name counts */
static struct macro *extra_macro(struct imp *imp, const char *name)
{
	struct macro *m = xcalloc(1, sizeof(*m));

	m->name = xstrdup(name);
	imp->extra = xrealloc(imp->extra, (imp->nextra + 1) * sizeof(*imp->extra));
	imp->extra[imp->nextra++] = m;
	return m;
}

static void add_alias(struct idecl *d, struct macro *m, struct tset t)
{
	d->aliases = xrealloc(d->aliases, (d->naliases + 1) * sizeof(*d->aliases));
	d->alias_t = xrealloc(d->alias_t, (d->naliases + 1) * sizeof(*d->alias_t));
	d->aliases[d->naliases] = m;
	d->alias_t[d->naliases++] = t;
}

/* A declaration of the earlier import that the header lacks, for targets t */
static struct idecl *decl_from_tree(struct imp *imp, const struct ast_msr *m, struct tset t)
{
	static const enum decl_kind kinds[] = { DK_SINGLE, DK_ARRAY, DK_INDEXED };
	struct idecl *d = xcalloc(1, sizeof(*d));

	d->kind = kinds[m->kind];
	d->name = xstrdup(m->name.name);
	d->param = m->kind == MSR_INDEXED ? xstrdup(m->param.name) : NULL;
	d->base = m->addr.v;
	d->count = m->kind == MSR_SINGLE ? 1 : (unsigned int)m->count.v;
	d->stride = m->has_stride ? (unsigned int)m->stride.v : 1;
	if (m->elements.n)
		d->element = extra_macro(imp, m->elements.v[0].name.name);
	d->t = t;
	imp->decls = xrealloc(imp->decls, (imp->ndecls + 1) * sizeof(*imp->decls));
	imp->decls[imp->ndecls++] = d;
	return d;
}

/*
 * Merges the earlier import (text, read from path) for the targets all but
 * target: see "the other targets' earlier imports".  *kept: the
 * declarations the header lacks that stay for other targets.  False if the
 * earlier file does not parse (reported).
 */
static bool merge_earlier(struct imp *imp, const char *path, const char *text,
			  const char *target, const struct tset *all, int *kept)
{
	struct ast ast = { 0 };
	size_t i, j, k, n = imp->ndecls;

	*kept = 0;
	if (!parse_string(&ast, path, text)) {
		ast_free(&ast);
		return false;
	}
	imp->merged = true;
	for (i = 0; i < n; i++) {
		struct idecl *d = imp->decls[i];

		tset_add(&d->t, target);
		for (j = 0; j < d->nfields; j++)
			tset_add(&d->fields[j].t, target);
		d->alias_t = xcalloc(d->naliases + 1, sizeof(*d->alias_t));
		for (j = 0; j < d->naliases; j++)
			tset_add(&d->alias_t[j], target);
	}
	for (i = 0; i < ast.msrs.n; i++) {
		const struct ast_msr *m = ast.msrs.v[i];
		const struct vendors *only = NULL;
		struct idecl *d;
		struct tset s;

		if (!m->has_addr)
			continue;
		for (j = 0; j < m->attrs.n; j++)
			if (m->attrs.v[j].kind == ATTR_ONLY)
				only = &m->attrs.v[j].vendors;
		s = tset_of(only, all);
		d = find_decl(imp, m->name.name, n);
		if (d) {
			for (j = 0; j < s.n; j++)
				tset_add(&d->t, s.v[j]);
		} else {
			struct tset left = tset_of(NULL, &s);

			tset_del(&left, target);
			if (!left.n) {
				tset_free(&left);
				tset_free(&s);
				continue;	/* only target had it */
			}
			d = decl_from_tree(imp, m, left);
			(*kept)++;
		}
		for (j = 0; j < m->fields.n; j++) {
			const struct ast_field *f = &m->fields.v[j];
			struct tset fs = tset_of(&f->only, &s);
			struct field *nf;

			if (!f->has_bits)
				continue;
			nf = find_field(d, f->name.name);
			if (nf && tset_has(&nf->t, target)) {
				for (k = 0; k < fs.n; k++)
					tset_add(&nf->t, fs.v[k]);
				tset_free(&fs);
				continue;
			}
			tset_del(&fs, target);
			if (!fs.n || nf) {
				tset_free(&fs);
				continue;
			}
			d->fields = xrealloc(d->fields, (d->nfields + 1) * sizeof(*d->fields));
			nf = &d->fields[d->nfields++];
			memset(nf, 0, sizeof(*nf));
			nf->name = xstrdup(f->name.name);
			nf->hi = (int)f->hi.v;
			nf->lo = (int)f->lo.v;
			nf->src = "the earlier import";
			nf->t = fs;
		}
		for (j = 0; j < m->aliases.n; j++) {
			const struct ast_alias *a = &m->aliases.v[j];
			struct tset as = tset_of(&a->only, &s);

			for (k = 0; k < d->naliases && strcmp(d->aliases[k]->name, a->name.name); k++)
				;
			if (k < d->naliases) {
				size_t l;

				for (l = 0; l < as.n; l++)
					tset_add(&d->alias_t[k], as.v[l]);
				tset_free(&as);
				continue;
			}
			tset_del(&as, target);
			if (as.n)
				add_alias(d, extra_macro(imp, a->name.name), as);
			else
				tset_free(&as);
		}
		tset_free(&s);
	}
	ast_free(&ast);
	return true;
}

/* " only T, ...", where the item's targets t are not those of its context */
static void only_text(struct strbuf *sb, const struct imp *imp, const struct tset *t,
		      const struct tset *context)
{
	if (!imp->merged || tset_eq(t, context))
		return;
	sb_puts(sb, " only ");
	tset_text(sb, t);
}

static void render(struct imp *imp, const char *header_name, struct strbuf *out)
{
	size_t i, j;
	bool last_block = false;
	struct strbuf list = { 0 };

	/* "Written by `msrgen import`" is IMPORT_MARK of msrgen.h: checks.c looks for it */
	sb_printf(out,
	       "# SPDX-License-Identifier: GPL-2.0\n"
	       "#\n"
	       "# Written by `msrgen import` from %s: do not edit, it is regenerated\n"
	       "# as a whole.  Docs, access, vendors, extra fields and handlings go in\n"
	       "# other files, as `msr NAME { ... }` statements without an address, which\n"
	       "# extend the declarations made here.\n"
	       "\n", header_name);
	qsort(imp->decls, imp->ndecls, sizeof(*imp->decls), cmp_decl);
	for (i = 0; i < imp->ndecls; i++) {
		struct idecl *d = imp->decls[i];
		bool block;

		if (d->nfields > 1)
			qsort(d->fields, d->nfields, sizeof(*d->fields), cmp_field);
		if (d->doc && !doc_is_sure(d->doc))
			d->doc = NULL;
		list.len = 0;
		if (list.s)
			list.s[0] = '\0';
		only_text(&list, imp, &d->t, &imp->all);
		block = d->naliases || d->element || d->nfields || list.len;
		if (i && (block || last_block))
			sb_putc(out, '\n');
		last_block = block;
		sb_printf(out, "msr %s", d->name);
		if (d->kind == DK_INDEXED)
			sb_printf(out, "(%s)", d->param);
		if (d->kind != DK_SINGLE)
			sb_printf(out, "[%u]", d->count);
		sb_printf(out, " 0x%08llx", (unsigned long long)d->base);
		if (d->kind != DK_SINGLE && d->stride != 1)
			sb_printf(out, " stride %u", d->stride);
		/*
		 * The header's own comment stays a comment: docs belong to the
		 * hand-written files, which may say more.
		 */
		sb_putn(out, block ? " {" : ";", block ? 2 : 1);
		if (d->doc)
			sb_printf(out, "\t# %s", d->doc);
		sb_putc(out, '\n');
		if (!block)
			continue;
		if (list.len)
			sb_printf(out, "\t%s;\n", list.s + 1);
		for (j = 0; j < d->naliases; j++) {
			const char *v = name_vendor(d->aliases[j]->name);

			sb_printf(out, "\talias %s", d->aliases[j]->name);
			if (v)
				sb_printf(out, " vendor %s", v);
			if (imp->merged)
				only_text(out, imp, &d->alias_t[j], &d->t);
			sb_putn(out, ";\n", 2);
		}
		if (d->element)
			sb_printf(out, "\telement 0 %s;\n", d->element->name);
		for (j = 0; j < d->nfields; j++) {
			struct field *f = &d->fields[j];

			if (f->hi == f->lo)
				sb_printf(out, "\tfield %s %d", f->name, f->lo);
			else
				sb_printf(out, "\tfield %s %d:%d", f->name, f->hi, f->lo);
			list.len = 0;
			only_text(&list, imp, &f->t, &d->t);
			if (list.len)
				sb_printf(out, " {%s; }\n", list.s);
			else
				sb_putn(out, ";\n", 2);
		}
		sb_putn(out, "}\n", 2);
	}
	sb_free(&list);
}

/* DIR/NAME, made with DIR if need be, all at once or not at all */
static int write_output(const char *dir, const char *name, const char *data, size_t len)
{
	struct outputs out = { 0 };
	struct output f = { (char *)name, (char *)data, len };
	bool ok;

	vec_push(&out.files, f);
	ok = outputs_write(&out, dir);
	free(out.files.v);
	return ok ? 0 : 1;
}

/* ---- the command ------------------------------------------------------- */

static void imp_free(struct imp *imp)
{
	size_t i, j;

	free(imp->acked);
	for (i = 0; i < imp->nm; i++) {
		struct macro *m = &imp->m[i];

		for (j = 0; j < m->toks.n; j++)
			free(m->toks.v[j].text);
		free(m->toks.v);
		free(m->name);
		free(m->param);
		free(m->body);
		free(m->doc);
	}
	for (i = 0; i < imp->ndecls; i++) {
		struct idecl *d = imp->decls[i];

		for (j = 0; j < d->nfields; j++) {
			free(d->fields[j].name);
			tset_free(&d->fields[j].t);
		}
		for (j = 0; d->alias_t && j < d->naliases; j++)
			tset_free(&d->alias_t[j]);
		free(d->alias_t);
		tset_free(&d->t);
		free(d->fields);
		free(d->aliases);
		free(d->name);
		free(d->param);
		free(d);
	}
	for (i = 0; i < imp->ndiags; i++)
		free(imp->diags[i].text);
	free(imp->diags);
	free(imp->decls);
	free(imp->sorted);
	free(imp->m);
	for (i = 0; i < imp->nextra; i++) {
		free(imp->extra[i]->name);
		free(imp->extra[i]);
	}
	free(imp->extra);
	tset_free(&imp->all);
}

/* "\nNAME\n..." of the words of text: one per line, '#' comments and blanks aside */
static char *ack_names(const char *text)
{
	struct strbuf sb = { 0 };
	const char *p = text;

	sb_printf(&sb, "\n");
	while (*p) {
		size_t n = strcspn(p, "\n"), w;
		const char *q = p;

		while (q < p + n && (*q == ' ' || *q == '\t'))
			q++;
		w = strcspn(q, " \t\r\n#");
		if (w && q < p + n)
			sb_printf(&sb, "%.*s\n", (int)w, q);
		p += n + (p[n] == '\n');
	}
	return sb.s;
}

/* The names of the msr declarations (with an address) in an .msr text, "\nNAME\n..." */
static char *decl_names(const char *text)
{
	struct strbuf sb = { 0 };
	const char *p;

	sb_printf(&sb, "\n");
	for (p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, "msr ", 4))
			sb_printf(&sb, "%.*s\n", (int)strcspn(p + 4, " \t[(;{\n"), p + 4);
	return sb.s;
}

/* Prints, one per line, the names in a that b lacks: "msrgen import: WHAT NAME" */
static int names_missing(const char *a, const char *b, const char *what, const char *path)
{
	const char *p;
	int n = 0;

	for (p = a + 1; *p; p += strcspn(p, "\n") + 1) {
		size_t len = strcspn(p, "\n");
		char *key = xcalloc(1, len + 3);

		sprintf(key, "\n%.*s\n", (int)len, p);
		if (!strstr(b, key)) {
			fprintf(stderr, "msrgen import: %s: %s %.*s\n", path, what, (int)len, p);
			n++;
		}
		free(key);
	}
	return n;
}

int import_main(int argc, char **argv)
{
	const char *dir = NULL, *header = NULL, *base, *target = NULL;
	const char *templates = render_templates_dir();
	struct target_conf conf = { 0 };
	char *stem = NULL, *out_name = NULL, *ack_name = NULL;
	struct imp imp = { 0 };
	struct strbuf out = { 0 };
	char *text;
	size_t len, i;
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "target", required_argument, NULL, 't' },
		{ "templates", required_argument, NULL, 'T' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool quiet = false;
	int c;
	int naddr = 0, rc;
	int kept = 0;
	char *path = NULL, *old = NULL, *acks, *was = NULL, *now;
	size_t flen;

	argv[0] = (char *)"msrgen";	/* getopt names the program in its messages */
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:t:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			dir = optarg;
			break;
		case 't':
			target = optarg;
			break;
		case 'T':
			templates = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			fputs(import_usage_text, stdout);
			return 0;
		default:
			fputs("Try 'msrgen import --help' for more information.\n", stderr);
			return 2;
		}
	}
	if (optind >= argc)
		return usage_error("import", "import: missing HEADER (the path of the kernel's MSR header)");
	header = argv[optind++];
	if (optind < argc)
		return usage_error("import", "import: unexpected argument '%s'", argv[optind]);
	if (!dir)
		return usage_error("import", "import: -o DIR is missing");
	if (!*dir)
		return usage_error("import", "import: empty output directory");
	if (!target)
		return usage_error("import", "import: --target is missing (its target.conf has the rules)");
	{
		struct strbuf why = { 0 };

		if (!target_known(templates, target, &why)) {
			c = usage_error("import", "%s", why.s);
			sb_free(&why);
			return c;
		}
	}
	if (!target_conf_load(&conf, templates, target))
		return 1;
	if (!conf.import_prefix || !conf.import_ranges.n) {
		diag_plain(DIAG_ERROR, "%s: no '%s' line: msrgen import does not know how target %s names its MSRs",
			   conf.path, !conf.import_prefix ? "import-prefix" : "import-range", target);
		target_conf_free(&conf);
		return 1;
	}
	rules = &conf;
	base = strrchr(header, '/');
	base = base ? base + 1 : header;
	stem = xstrndup(base, strlen(base) - (has_suffix(base, ".h") && strlen(base) > 2 ? 2 : 0));
	out_name = xasprintf("%s.msr", stem);
	ack_name = xasprintf("%s.ack", stem);

	rc = 1;
	text = read_file_max(header, MAX_SOURCE, &len);
	if (!text) {
		diag_plain(DIAG_ERROR, "cannot read '%s': %s", header, strerror(errno));
		goto out;
	}
	if (memchr(text, '\0', len)) {
		diag_plain(DIAG_ERROR, "%s: not a C header (it holds NUL bytes)", header);
		goto out;
	}
	imp.path = header;
	/* the acknowledged "cannot classify" warnings, and what the last import wrote */
	path = xasprintf("%s/%s", dir, ack_name);
	acks = read_file(path, &flen);
	imp.acked = acks ? ack_names(acks) : NULL;
	free(acks);
	free(path);
	path = xasprintf("%s/%s", dir, out_name);
	old = read_file(path, &flen);
	if (old)
		was = decl_names(old);
	if (!scan_header(&imp, text, len))
		goto out;

	imp.sorted = xcalloc(1, (imp.nm + 1) * sizeof(*imp.sorted));
	for (i = 0; i < imp.nm; i++)
		imp.sorted[i] = &imp.m[i];
	qsort(imp.sorted, imp.nm, sizeof(*imp.sorted), cmp_macro_name);
	for (i = 1; i < imp.nm; i++)
		if (!strcmp(imp.sorted[i]->name, imp.sorted[i - 1]->name))
			imp.sorted[i]->dup = true;

	for (i = 0; i < imp.nm; i++)
		is_address(&imp, &imp.m[i]);
	for (i = 0; i < imp.nm; i++) {
		struct macro *m = &imp.m[i];

		if (m->dup && msr_named(m->name))
			warn_unclassified(&imp, m, "defined again (first at line %d)",
					  find_macro(&imp, m->name)->line);
		else if (m->fn && msr_named(m->name))
			classify_indexed(&imp, m);
	}
	for (i = 0; i < imp.nm; i++)
		if (imp.m[i].as == AS_YES)
			naddr++;
	if (!naddr) {
		diag_plain(DIAG_ERROR, "%s: no MSR address macros (#define %s... 0x...)", header,
			   rules->import_prefix);
		goto out;
	}
	build_decls(&imp);
	for (i = 0; i < imp.nm; i++) {
		struct macro *m = &imp.m[i];

		if (msr_named(m->name) && !m->fn && !m->dup && m->as != AS_YES)
			classify_field(&imp, m);
	}

	/* onto the earlier import, for the other targets */
	if (old) {
		char **names;
		size_t nn;

		if (!target_names(templates, &names, &nn)) {
			diag_plain(DIAG_ERROR, "cannot read the templates folder '%s': %s", templates,
				   strerror(errno));
			goto out;
		}
		for (i = 0; i < nn; i++) {
			tset_add(&imp.all, names[i]);
			free(names[i]);
		}
		free(names);
		if (!merge_earlier(&imp, path, old, target, &imp.all, &kept))
			goto out;
	}
	if (imp.ndiags > 1)
		qsort(imp.diags, imp.ndiags, sizeof(*imp.diags), cmp_diag);
	for (i = 0; i < imp.ndiags; i++)
		fputs(imp.diags[i].text, stderr);

	render(&imp, base, &out);
	rc = write_output(dir, out_name, out.s, out.len);
	if (!rc && !quiet) {
		int added, removed;

		now = decl_names(out.s);
		added = was ? names_missing(now, was, "added", path) : 0;
		removed = was ? names_missing(was, now, "removed", path) : 0;
		if (!was)
			fprintf(stderr, "msrgen import: %s: %d MSR declarations written\n", path,
				(int)imp.ndecls);
		else if (!added && !removed)
			fprintf(stderr, "msrgen import: %s: no MSR added or removed\n", path);
		if (kept)
			fprintf(stderr, "msrgen import: %s: %d MSR declarations that %s lacks kept for the other targets\n",
				path, kept, header);
		if (imp.nacked)
			fprintf(stderr, "msrgen import: %d warnings acknowledged in %s/%s\n",
				imp.nacked, dir, ack_name);
		free(now);
	}
	free(out.s);
out:
	free(was);
	free(old);
	free(path);
	imp_free(&imp);
	free(text);
	free(stem);
	free(out_name);
	free(ack_name);
	target_conf_free(&conf);
	rules = NULL;
	return rc;
}
