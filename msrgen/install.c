// SPDX-License-Identifier: GPL-2.0
/*
 * msrgen install | patch: put a target's generated files into a kernel tree
 * and wire them in, or write the same change as a git format-patch series.
 *
 * What to edit is the target's install.plan (templates/<target>/install.plan,
 * format in docs/emit-linux.md): this file knows no kernel file by name.  The
 * plan is a list of patches, each a list of edits: add a generated file,
 * insert lines after or before an exact line, replace an exact text exactly
 * N times, append lines.  Before the edits run, an undo pass takes out every
 * result of theirs it finds (last patch first), so a second run is a no-op
 * even where a later patch edits an earlier one's text.  Every resulting
 * file is computed in memory first; on any error nothing is written.
 *
 * patch: the pristine copies of the touched files go into a temporary git
 * repository, one commit per plan patch (fixed dates), and
 * git format-patch writes the series, byte for byte the same on every run.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "msrgen.h"

#define INSTALL_PLAN		"install.plan"
/* 2026-01-01 00:00:00 UTC: the date of every commit unless SOURCE_DATE_EPOCH */
#define INSTALL_DATE		"1767225600"

static const char install_usage_text[] =
"Usage: msrgen install --target T --kernel-tree DIR FILE...\n"
"       msrgen patch   --target T --kernel-tree DIR [-o DIR] [--author ID]\n"
"                      [--signoff[=ID]] [--cover-letter] FILE...\n"
"\n"
"install  renders the target for the .msr FILEs, writes the generated files\n"
"         into the kernel tree DIR and makes the edits of the target's\n"
"         install.plan there (a second run changes nothing; a tree with\n"
"         some of the edits gets the others)\n"
"patch    writes the same change against the unmodified tree DIR (only\n"
"         read) as a git format-patch series 0001-*.patch... into -o DIR;\n"
"         the NNNN-*.patch files of an earlier series there are removed\n"
"\n"
"Options:\n"
"  -t, --target T          the target: a folder under the templates folder\n"
"  -k, --kernel-tree DIR   the kernel tree\n"
"  -o, --output DIR        patch: where the series goes (default .)\n"
"      --author ID         patch: the author (ID: 'Name <mail>'; default the\n"
"                          --signoff ID, else git's user.name and user.email\n"
"                          as git format-patch takes them)\n"
"      --signoff[=ID]      patch: add 'Signed-off-by: ID', or git's identity\n"
"                          without ID (as git format-patch -s)\n"
"      --cover-letter      patch: also 0000-cover-letter.patch, from the plan's\n"
"                          'cover' text, with the shortlog and diffstat\n"
"      --templates DIR     where targets live (default " MSRGEN_TEMPLATE_DIR ")\n"
"  -W NAME, -Wno-NAME      turn the warning NAME on or off (see 'msrgen checks')\n"
"  -Werror                 make warnings errors\n"
"  -q, --quiet             say nothing when all is well\n"
"  -h, --help              show this help\n"
"\n"
"The tree must be the one the plan is for (its 'expect' lines say how a\n"
"tree shows it) and have every line the plan edits; otherwise msrgen reports\n"
"each missing edit point and changes nothing.  patch needs git; commits\n"
"carry the date SOURCE_DATE_EPOCH (default 2026-01-01) and a Signed-off-by\n"
"only with --signoff.\n"
"Exit status: 0 success, 1 bad input or tree, 2 bad usage.\n";

enum install_kind {
	INSTALL_ADD, INSTALL_AFTER, INSTALL_BEFORE, INSTALL_REPLACE, INSTALL_APPEND,
};

static const char *const install_kind_names[] = {
	"add", "insert-after", "insert-before", "replace", "append",
};

struct install_op {
	enum install_kind kind;
	char *file;
	int line;		/* where the plan says it */
	int count;		/* replace: how many times */
	char *anchor;		/* insert: the exact line, without its newline */
	struct strbuf old;	/* replace: the lines, joined by newlines */
	struct strbuf text;	/* insert, append: whole lines; replace: joined */
	int nold, ntext;
};

struct install_patch {
	char *subject;
	struct strbuf body;
	int line;
	VEC(struct install_op) ops;
};

/* expect FILE KEY = VALUE: how a tree shows it is the one the plan is for */
struct install_expect {
	char *file, *key, *value;
	int line;
};

/* shadowed MACRO [deferred]: the edits use the copy of an MSR */
struct install_shadow {
	char *macro;
	bool deferred;		/* and let it lead the register */
	int line;
};

struct install_plan {
	char *path;
	char *name;		/* TARGET/install.plan, for messages about the tree */
	char *tree;		/* tree NAME: what the tree is, for messages */
	VEC(struct install_expect) expects;
	VEC(struct install_shadow) shadows;
	char *cover;		/* the cover letter's subject; NULL: none */
	struct strbuf cover_body;
	VEC(struct install_patch) patches;
};

/* A splice of a file's text in lines: at line `line`, `removed` newlines out, `added` in */
struct install_edit {
	int line, removed, added;
};

struct install_file {
	char *path;		/* relative to the tree */
	char *orig;		/* as the tree has it; NULL: not there */
	size_t orig_len;
	struct strbuf cur;
	VEC(struct install_edit) edits;	/* the splices so far, for line numbers */
};

/* A file's text right after patch n of the plan (for the git series) */
struct install_snap {
	size_t patch;
	char *path;
	char *text;
	size_t len;
};

struct install_ctx {
	const char *tree;
	const struct install_plan *plan;
	const struct outputs *gen;
	VEC(struct install_file) files;
	VEC(struct install_snap) snaps;
	int errors;
	int already;		/* edits found done already */
};

/*
 * The files errors point into (the plan, files of the tree), read once for
 * the source line the diagnostic shows.
 */
static VEC(struct srcfile *) install_srcs;

static struct srcfile *install_src(const char *path)
{
	struct srcfile *f;

	for (size_t i = 0; i < install_srcs.n; i++)
		if (!strcmp(install_srcs.v[i]->path, path))
			return install_srcs.v[i];
	f = srcfile_load(path, NULL);
	if (f)
		vec_push(&install_srcs, f);
	return f;
}

static void install_srcs_free(void)
{
	for (size_t i = 0; i < install_srcs.n; i++)
		srcfile_free(install_srcs.v[i]);
	free(install_srcs.v);
	memset(&install_srcs, 0, sizeof(install_srcs));
}

static void install_verror(const char *path, int line, const char *fmt, va_list ap)
	PRINTF(3, 0);

/* PATH:LINE:1 and the line, through the diagnostics of the .msr files */
static void install_verror(const char *path, int line, const char *fmt, va_list ap)
{
	struct srcfile *f = line > 0 ? install_src(path) : NULL;
	struct srcpos pos = { f, line, 1, line, 1 };
	size_t len = 0;
	char *msg;

	fflush(stdout);
	if (f && srcfile_line(f, line, &len)) {
		pos.end_col = len > 0 ? (int)len : 1;
		diag_va(DIAG_ERROR, &pos, NULL, fmt, ap);
		return;
	}
	msg = xvasprintf(fmt, ap);
	if (line > 0)
		diag_plain(DIAG_ERROR, "%s:%d: %s", path, line, msg);
	else
		diag_plain(DIAG_ERROR, "%s: %s", path, msg);
	free(msg);
}

static void install_error(struct install_ctx *c, const char *path, int line,
			  const char *fmt, ...) PRINTF(4, 5);

static void install_error(struct install_ctx *c, const char *path, int line,
			  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	install_verror(path, line, fmt, ap);
	va_end(ap);
	if (c)
		c->errors++;
}

/* ---- the plan ---------------------------------------------------------- */

static void install_plan_free(struct install_plan *p)
{
	size_t i, j;

	for (i = 0; i < p->patches.n; i++) {
		struct install_patch *pt = &p->patches.v[i];

		for (j = 0; j < pt->ops.n; j++) {
			free(pt->ops.v[j].file);
			free(pt->ops.v[j].anchor);
			sb_free(&pt->ops.v[j].old);
			sb_free(&pt->ops.v[j].text);
		}
		free(pt->ops.v);
		free(pt->subject);
		sb_free(&pt->body);
	}
	free(p->patches.v);
	for (i = 0; i < p->expects.n; i++) {
		free(p->expects.v[i].file);
		free(p->expects.v[i].key);
		free(p->expects.v[i].value);
	}
	free(p->expects.v);
	for (i = 0; i < p->shadows.n; i++)
		free(p->shadows.v[i].macro);
	free(p->shadows.v);
	free(p->tree);
	free(p->cover);
	sb_free(&p->cover_body);
	free(p->path);
	free(p->name);
	memset(p, 0, sizeof(*p));
}

/* Checks the op the plan just finished; false (and an error) if incomplete. */
static bool install_op_done(const struct install_plan *p, const struct install_op *op)
{
	const char *what = NULL;

	if (!op)
		return true;
	switch (op->kind) {
	case INSTALL_ADD:
		break;
	case INSTALL_AFTER:
	case INSTALL_BEFORE:
		if (!op->anchor)
			what = "a '= LINE'";
		else if (!op->ntext)
			what = "'+ TEXT' lines";
		break;
	case INSTALL_REPLACE:
		if (!op->nold)
			what = "'- TEXT' lines";
		else if (!op->ntext)
			what = "'+ TEXT' lines";
		break;
	case INSTALL_APPEND:
		if (!op->ntext)
			what = "'+ TEXT' lines";
		break;
	}
	if (what)
		install_error(NULL, p->path, op->line, "%s %s needs %s", install_kind_names[op->kind],
			      op->file, what);
	return !what;
}

static bool install_plan_load(struct install_plan *p, const char *path)
{
	size_t len;
	char *text = read_file_max(path, MAX_SOURCE, &len);
	char *s, *eol;
	int line = 0;
	bool ok = true;
	struct install_patch *pt = NULL;
	struct install_op *op = NULL;

	memset(p, 0, sizeof(*p));
	p->path = xstrdup(path);
	if (!text) {
		install_error(NULL, path, 0, "cannot read the install plan: %s", strerror(errno));
		return false;
	}
	for (s = text; ok && *s; s = eol + 1) {
		char *arg;
		char mark;

		line++;
		eol = strchr(s, '\n');
		if (!eol) {
			install_error(NULL, path, line, "the last line has no newline");
			ok = false;
			break;
		}
		*eol = '\0';
		mark = s[0];
		if (mark == ':' || mark == '=' || mark == '-' || mark == '+') {
			const char *t = s + 1;

			if (*t && *t != ' ') {
				install_error(NULL, path, line, "'%c' needs a space before its text", mark);
				ok = false;
				break;
			}
			if (*t)
				t++;
			if (mark == ':') {
				if (op || (!pt && !p->cover)) {
					install_error(NULL, path, line,
						      "': TEXT' belongs right after a 'patch' or 'cover' line");
					ok = false;
				} else {
					sb_printf(pt ? &pt->body : &p->cover_body, "%s\n", t);
				}
				continue;
			}
			if (!op || op->kind == INSTALL_ADD ||
			    (mark == '=' && (op->kind != INSTALL_AFTER && op->kind != INSTALL_BEFORE)) ||
			    (mark == '-' && op->kind != INSTALL_REPLACE)) {
				install_error(NULL, path, line, "'%c' does not belong to %s", mark,
					      op ? install_kind_names[op->kind] : "anything");
				ok = false;
			} else if (mark == '=') {
				if (op->anchor || op->ntext) {
					install_error(NULL, path, line, "one '= LINE' per insert, first");
					ok = false;
				}
				op->anchor = xstrdup(t);
			} else if (mark == '-') {
				if (op->ntext) {
					install_error(NULL, path, line, "'-' lines come before '+' lines");
					ok = false;
				}
				sb_printf(&op->old, "%s%s", op->nold++ ? "\n" : "", t);
			} else if (op->kind == INSTALL_REPLACE) {
				sb_printf(&op->text, "%s%s", op->ntext++ ? "\n" : "", t);
			} else {
				if (!op->anchor && op->kind != INSTALL_APPEND) {
					install_error(NULL, path, line, "'= LINE' comes before '+' lines");
					ok = false;
				}
				sb_printf(&op->text, "%s\n", t);
				op->ntext++;
			}
			continue;
		}
		if (mark == '#' || mark == '\0')
			continue;
		ok = install_op_done(p, op);
		op = NULL;
		if (!ok)
			break;
		arg = strchr(s, ' ');
		if (arg)
			*arg++ = '\0';
		if (!strcmp(s, "tree")) {
			if (!arg || !*arg || p->tree) {
				install_error(NULL, path, line, "%s", p->tree ? "one 'tree' per plan" :
					      "'tree' wants a name (what the tree is, for messages)");
				ok = false;
				continue;
			}
			p->tree = xstrdup(arg);
			continue;
		}
		if (!strcmp(s, "expect")) {
			struct install_expect e = { 0 };
			char *key = arg ? strchr(arg, ' ') : NULL, *eq = key ? strstr(key + 1, " = ") : NULL;

			if (!key || !eq || eq == key + 1 || memchr(key + 1, ' ', (size_t)(eq - key - 1)) ||
			    arg[0] == '/' || memmem(arg, (size_t)(key - arg), "..", 2)) {
				install_error(NULL, path, line, "'expect' wants FILE KEY = VALUE (FILE relative)");
				ok = false;
				continue;
			}
			e.file = xstrndup(arg, (size_t)(key - arg));
			e.key = xstrndup(key + 1, (size_t)(eq - key - 1));
			e.value = xstrdup(eq + 3);
			e.line = line;
			vec_push(&p->expects, e);
			continue;
		}
		if (!strcmp(s, "shadowed")) {
			struct install_shadow sh = { 0 };
			char *word = arg ? strchr(arg, ' ') : NULL;

			if (word)
				*word++ = '\0';
			if (!arg || !*arg || (word && strcmp(word, "deferred"))) {
				install_error(NULL, path, line,
					      "'shadowed' wants an MSR's macro, then 'deferred' or nothing");
				ok = false;
				continue;
			}
			sh.macro = xstrdup(arg);
			sh.deferred = word != NULL;
			sh.line = line;
			vec_push(&p->shadows, sh);
			continue;
		}
		if (!strcmp(s, "cover")) {
			if (!arg || !*arg || pt || p->cover) {
				install_error(NULL, path, line, "%s",
					      !arg || !*arg ? "'cover' wants a subject" :
					      pt ? "'cover' comes before the first 'patch'" :
					      "one 'cover' per plan");
				ok = false;
				continue;
			}
			p->cover = xstrdup(arg);
			sb_puts(&p->cover_body, "");
			continue;
		}
		if (!strcmp(s, "patch")) {
			struct install_patch np = { 0 };

			if (!arg || !*arg) {
				install_error(NULL, path, line, "'patch' wants a subject");
				ok = false;
				continue;
			}
			np.subject = xstrdup(arg);
			np.line = line;
			sb_puts(&np.body, "");
			vec_push(&p->patches, np);
			pt = &p->patches.v[p->patches.n - 1];
			continue;
		}
		{
			struct install_op nop = { 0 };
			size_t k;
			char *file, *num = NULL;

			for (k = 0; k < sizeof(install_kind_names) / sizeof(*install_kind_names); k++)
				if (!strcmp(s, install_kind_names[k]))
					break;
			if (k == sizeof(install_kind_names) / sizeof(*install_kind_names)) {
				install_error(NULL, path, line, "unknown plan statement '%s'", s);
				ok = false;
				continue;
			}
			if (!pt) {
				install_error(NULL, path, line, "'%s' before the first 'patch'", s);
				ok = false;
				continue;
			}
			file = arg;
			if (file && k == INSTALL_REPLACE) {
				num = strchr(file, ' ');
				if (num)
					*num++ = '\0';
			}
			if (!file || !*file || file[0] == '/' || strstr(file, "..") ||
			    strchr(file, ' ')) {
				install_error(NULL, path, line, "'%s' wants a relative path%s", s,
					      k == INSTALL_REPLACE ? " and a count" : "");
				ok = false;
				continue;
			}
			nop.count = 1;
			if (k == INSTALL_REPLACE) {
				char *end;

				nop.count = num ? (int)strtol(num, &end, 10) : 0;
				if (!num || *end || nop.count < 1) {
					install_error(NULL, path, line, "'replace' wants FILE COUNT (1 or more)");
					ok = false;
					continue;
				}
			}
			nop.kind = (enum install_kind)k;
			nop.file = xstrdup(file);
			nop.line = line;
			sb_puts(&nop.old, "");
			sb_puts(&nop.text, "");
			vec_push(&pt->ops, nop);
			op = &pt->ops.v[pt->ops.n - 1];
		}
	}
	if (ok)
		ok = install_op_done(p, op);
	if (ok && !p->tree) {
		install_error(NULL, path, 0, "no 'tree NAME' line");
		ok = false;
	}
	if (ok && !p->patches.n) {
		install_error(NULL, path, 0, "no 'patch' in the plan");
		ok = false;
	}
	free(text);
	return ok;
}

/*
 * The copies the edits use are the tables' (shadowed lines): a table that
 * drops one would give a tree that does not build.
 */
static bool install_shadows_ok(const struct install_plan *p, const struct model *m,
			       const char *target)
{
	size_t i;
	bool ok = true;

	for (i = 0; i < p->shadows.n; i++) {
		const struct install_shadow *sh = &p->shadows.v[i];
		const struct reg *r = model_find_reg_macro(m, sh->macro);

		if (!r)
			install_error(NULL, p->path, sh->line,
				      "the edits use the copy of %s, but the tables have no %s for target %s",
				      sh->macro, sh->macro, target);
		else if (!r->decl->shadow)
			install_error(NULL, p->path, sh->line,
				      "the edits use the copy of %s, but the tables do not shadow %s for target %s (shadow percpu%s;)",
				      sh->macro, r->decl->name, target, sh->deferred ? " deferred" : "");
		else if (sh->deferred && !r->decl->shadow_deferred)
			install_error(NULL, p->path, sh->line,
				      "the edits let the copy of %s lead the register, but the tables do not say %s may (shadow percpu deferred;)",
				      sh->macro, r->decl->name);
		else
			continue;
		ok = false;
	}
	return ok;
}

/* ---- the tree ---------------------------------------------------------- */

/* The text for a message: tabs and newlines visible, long texts cut. */
static char *install_show(const char *s, size_t n)
{
	struct strbuf sb = { 0 };
	size_t i;

	sb_puts(&sb, "'");
	for (i = 0; i < n && i < 72; i++) {
		if (s[i] == '\t')
			sb_puts(&sb, "\\t");
		else if (s[i] == '\n')
			sb_puts(&sb, "\\n");
		else
			sb_putc(&sb, s[i]);
	}
	sb_puts(&sb, i < n ? "...'" : "'");
	return sb.s;
}

static int install_line_of(const char *text, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += text[i] == '\n';
	return line;
}

/* The line of the file on disk for offset off of the edited text */
static int install_line(const struct install_file *f, size_t off)
{
	int line = install_line_of(f->cur.s, off);
	size_t i;

	for (i = f->edits.n; i-- > 0;) {
		const struct install_edit *e = &f->edits.v[i];

		if (line > e->line + e->added)
			line += e->removed - e->added;
		else if (line > e->line)
			line = e->line;	/* in the text the edit put in */
	}
	return line;
}

static char *install_tree_path(const struct install_ctx *c, const char *rel)
{
	return xasprintf("%s/%s", c->tree, rel);
}

/* The file as the edits so far left it, read from the tree the first time. */
static struct install_file *install_file_get(struct install_ctx *c, const char *rel,
					     bool may_be_new)
{
	struct install_file f = { 0 };
	char *path;
	size_t i;

	for (i = 0; i < c->files.n; i++)
		if (!strcmp(c->files.v[i].path, rel))
			return &c->files.v[i];
	path = install_tree_path(c, rel);
	f.orig = read_file_max(path, MAX_SOURCE, &f.orig_len);
	if (!f.orig && !(may_be_new && errno == ENOENT)) {
		install_error(c, path, 0, "cannot read: %s", strerror(errno));
		free(path);
		return NULL;
	}
	free(path);
	f.path = xstrdup(rel);
	sb_puts(&f.cur, "");
	if (f.orig)
		sb_putn(&f.cur, f.orig, f.orig_len);
	vec_push(&c->files, f);
	return &c->files.v[c->files.n - 1];
}

static int install_newlines(const char *s, size_t n)
{
	int k = 0;

	while (n--)
		k += *s++ == '\n';
	return k;
}

static void install_splice(struct install_file *f, size_t at, size_t cut, const char *s, size_t n)
{
	struct install_edit e = { install_line_of(f->cur.s, at),
				  install_newlines(f->cur.s + at, cut), install_newlines(s, n) };
	struct strbuf *sb = &f->cur;
	struct strbuf out = { 0 };

	vec_push(&f->edits, e);

	sb_putn(&out, sb->s, at);
	sb_putn(&out, s, n);
	sb_putn(&out, sb->s + at + cut, sb->len - at - cut);
	sb_free(sb);
	*sb = out;
}

/* The plan's expect lines against the tree: the first line of FILE that starts
   with "KEY = " must say VALUE.  The first that does not is reported. */
static bool install_tree_ok(struct install_ctx *c, const char *target)
{
	const struct install_plan *p = c->plan;
	size_t i;
	bool ok = true;

	for (i = 0; ok && i < p->expects.n; i++) {
		const struct install_expect *e = &p->expects.v[i];
		char *path = install_tree_path(c, e->file);
		size_t len, kl = strlen(e->key);
		char *text = read_file_max(path, MAX_SOURCE, &len);
		const char *s, *have = NULL;
		int line = 1, at = 0;

		if (!text) {
			install_error(c, path, 0, "cannot read: %s (is %s a %s tree?)", strerror(errno),
				      c->tree, p->tree);
			free(path);
			return false;
		}
		for (s = text; *s && !have; line++) {
			const char *eol = strchr(s, '\n');

			if (!strncmp(s, e->key, kl) && !strncmp(s + kl, " = ", 3)) {
				have = s + kl + 3;
				at = line;
				if (eol)
					*(char *)eol = '\0';
			}
			if (!eol)
				break;
			s = eol + 1;
		}
		if (!have) {
			install_error(c, path, 0, "no '%s = ' line (is %s a %s tree?)", e->key, c->tree,
				      p->tree);
			ok = false;
		} else if (strcmp(have, e->value)) {
			install_error(c, path, at, "%s = %s: this tree is not %s (target %s)", e->key,
				      have, p->tree, target);
			ok = false;
		}
		free(text);
		free(path);
	}
	return ok;
}

static const struct output *install_generated(const struct install_ctx *c, const char *rel)
{
	size_t i;

	for (i = 0; i < c->gen->files.n; i++)
		if (!strcmp(c->gen->files.v[i].path, rel))
			return &c->gen->files.v[i];
	return NULL;
}

/* Where op came from, for messages */
static char *install_where(const struct install_ctx *c, const struct install_op *op,
			   size_t patch)
{
	return xasprintf("%s at %s:%d, patch %zu/%zu", install_kind_names[op->kind],
			 c->plan->name, op->line, patch + 1, c->plan->patches.n);
}

static void install_add(struct install_ctx *c, const struct install_op *op, size_t patch)
{
	const struct output *g = install_generated(c, op->file);
	struct install_file *f;
	char *where = install_where(c, op, patch);

	if (!g) {
		install_error(c, c->plan->path, op->line,
			      "'%s' is not a file the target generates", op->file);
		free(where);
		return;
	}
	f = install_file_get(c, op->file, true);
	if (f && f->orig && f->cur.len == g->len && !memcmp(f->cur.s, g->text, g->len)) {
		c->already++;
	} else if (f && f->orig && !strstr(f->cur.s, "Generated by msrgen")) {
		char *path = install_tree_path(c, op->file);

		install_error(c, path, 0, "exists and was not generated by msrgen (%s)", where);
		free(path);
	} else if (f) {
		sb_free(&f->cur);
		sb_puts(&f->cur, "");
		sb_putn(&f->cur, g->text, g->len);
	}
	free(where);
}

/*
 * The lines equal to anchor: how many, where the last one starts (*at) and,
 * with lines, their line numbers on disk ("12, 40").
 */
static int install_anchor(const struct install_file *f, const char *anchor, size_t *at,
			  struct strbuf *lines)
{
	size_t alen = strlen(anchor), s;
	int found = 0;

	for (s = 0; s < f->cur.len;) {
		const char *eol = memchr(f->cur.s + s, '\n', f->cur.len - s);
		size_t n = eol ? (size_t)(eol - f->cur.s) - s : f->cur.len - s;

		if (n == alen && !memcmp(f->cur.s + s, anchor, alen)) {
			if (lines)
				sb_printf(lines, "%s%d", found ? ", " : "", install_line(f, s));
			*at = s;
			found++;
		}
		s += n + 1;
	}
	return found;
}

/*
 * A line as a C reader sees it: a trailing comment (one a hand added to an
 * inserted #include, say) and the blanks around and inside it do not count.
 */
static size_t install_norm(const char *s, size_t n, char *out)
{
	size_t i, k = 0;
	const char *c = NULL;

	for (i = 0; i + 1 < n && !c; i++)
		if (s[i] == '/' && (s[i + 1] == '*' || s[i + 1] == '/'))
			c = s + i;
	if (c && c > s)
		n = (size_t)(c - s);
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			if (k && out[k - 1] != ' ')
				out[k++] = ' ';
			continue;
		}
		out[k++] = s[i];
	}
	while (k && out[k - 1] == ' ')
		k--;
	return k;
}

/*
 * Whether the lines of text (n bytes, whole lines) stand in f at at, line for
 * line, as install_norm() sees them; *len: how many bytes of f they take.
 */
static bool install_same_lines(const struct install_file *f, size_t at, const char *text,
			       size_t n, size_t *len)
{
	size_t p = at, t = 0;

	while (t < n) {
		const char *te = memchr(text + t, '\n', n - t);
		const char *fe = p < f->cur.len ? memchr(f->cur.s + p, '\n', f->cur.len - p) : NULL;
		size_t tl = te ? (size_t)(te - text) - t : n - t;
		size_t fl = fe ? (size_t)(fe - f->cur.s) - p : f->cur.len - p;
		char *a, *b;
		size_t la, lb;
		bool same;

		if (p >= f->cur.len)
			return false;
		a = xmalloc(tl + 1);
		b = xmalloc(fl + 1);
		la = install_norm(text + t, tl, a);
		lb = install_norm(f->cur.s + p, fl, b);
		same = la == lb && !memcmp(a, b, la);
		free(a);
		free(b);
		if (!same)
			return false;
		t += tl + 1;
		p += fl + 1;
	}
	*len = (p > f->cur.len ? f->cur.len : p) - at;
	return true;
}

/* The offset of the line before the one starting at off (off > 0) */
static size_t install_prev_line(const struct install_file *f, size_t off)
{
	off--;
	while (off > 0 && f->cur.s[off - 1] != '\n')
		off--;
	return off;
}

/*
 * Where the text of insert op goes beside the anchor line starting at
 * anchor (past the end when the anchor is a last line without newline);
 * *done: the text is there already, at the place returned, exactly (1) or
 * edited by hand (2: the same lines but for comments and blanks); *len:
 * its length in the file then.
 */
static size_t install_insert_at(const struct install_file *f, const struct install_op *op,
				size_t anchor, int *done, size_t *len)
{
	size_t tlen = op->text.len, at, i, nl = 0;

	*len = tlen;
	if (op->kind == INSTALL_AFTER) {
		at = anchor + strlen(op->anchor) + 1;
		*done = at <= f->cur.len && f->cur.len - at >= tlen &&
			!memcmp(f->cur.s + at, op->text.s, tlen);
		if (!*done && at <= f->cur.len && install_same_lines(f, at, op->text.s, tlen, len))
			*done = 2;
		return at;
	}
	*done = anchor >= tlen && !memcmp(f->cur.s + anchor - tlen, op->text.s, tlen) &&
		(anchor == tlen || f->cur.s[anchor - tlen - 1] == '\n');
	if (*done)
		return anchor - tlen;
	for (i = 0; i < tlen; i++)
		nl += op->text.s[i] == '\n';
	for (at = anchor, i = 0; i < nl && at > 0; i++)
		at = install_prev_line(f, at);
	if (i == nl && install_same_lines(f, at, op->text.s, tlen, len) && at + *len == anchor) {
		*done = 2;
		return at;
	}
	return anchor;
}

static void install_insert(struct install_ctx *c, const struct install_op *op, size_t patch)
{
	struct install_file *f = install_file_get(c, op->file, false);
	struct strbuf lines = { 0 };
	size_t at = 0;
	size_t len;
	int done;
	int found;
	char *path, *where, *shown;

	if (!f)
		return;
	found = install_anchor(f, op->anchor, &at, &lines);
	path = install_tree_path(c, op->file);
	where = install_where(c, op, patch);
	shown = install_show(op->anchor, strlen(op->anchor));
	if (found != 1) {
		if (found)
			install_error(c, path, install_line(f, at),
				      "the line %s is there %d times (lines %s), the edit needs one (%s)",
				      shown, found, lines.s, where);
		else
			install_error(c, path, 0, "cannot find the line %s (%s)", shown, where);
	} else {
		at = install_insert_at(f, op, at, &done, &len);
		if (done) {
			c->already++;	/* 2: edited by hand, and left so */
		} else {
			if (at > f->cur.len)
				sb_putc(&f->cur, '\n');
			install_splice(f, at, 0, op->text.s, op->text.len);
		}
	}
	sb_free(&lines);
	free(shown);
	free(where);
	free(path);
}

/* Offsets of the non-overlapping occurrences of pat in s, left to right */
static size_t install_find_all(const struct strbuf *s, const struct strbuf *pat, size_t **out)
{
	VEC(size_t) v = { 0 };
	const char *p = s->s, *end = s->s + s->len;

	while (pat->len && (p = memmem(p, (size_t)(end - p), pat->s, pat->len))) {
		vec_push(&v, (size_t)(p - s->s));
		p += pat->len;
	}
	*out = v.v;
	return v.n;
}

/* How many of a[] (length la) do not lie inside one of b[] (length lb); marks them */
static int install_free_count(const size_t *a, size_t na, size_t la, const size_t *b,
			      size_t nb, size_t lb, bool *is_free)
{
	size_t i, j;
	int n = 0;

	for (i = 0; i < na; i++) {
		bool inside = false;

		for (j = 0; j < nb && !inside; j++)
			inside = lb >= la && b[j] <= a[i] && a[i] + la <= b[j] + lb;
		is_free[i] = !inside;
		n += !inside;
	}
	return n;
}

/*
 * Where replace op's old and new texts are in f, and which of them stand on
 * their own (not inside an occurrence of the other text: either text may
 * contain the other).
 */
struct install_match {
	size_t *olds, *news, no, nn;
	bool *old_free, *new_free;
	int nold, nnew;		/* how many stand on their own */
};

static void install_match(const struct install_file *f, const struct install_op *op,
			  struct install_match *m)
{
	m->no = install_find_all(&f->cur, &op->old, &m->olds);
	m->nn = install_find_all(&f->cur, &op->text, &m->news);
	m->old_free = xcalloc(m->no + 1, sizeof(*m->old_free));
	m->new_free = xcalloc(m->nn + 1, sizeof(*m->new_free));
	m->nold = install_free_count(m->olds, m->no, op->old.len, m->news, m->nn, op->text.len,
				     m->old_free);
	m->nnew = install_free_count(m->news, m->nn, op->text.len, m->olds, m->no, op->old.len,
				     m->new_free);
}

static void install_match_free(struct install_match *m)
{
	free(m->olds);
	free(m->news);
	free(m->old_free);
	free(m->new_free);
}

/*
 * Where the tree has the longest run of the first lines of text (n bytes) in
 * f: how many lines (0: not even the first), *at the offset of the first line
 * that differs, *line_at its offset in text.
 */
static size_t install_near_miss(const struct install_file *f, const char *text, size_t n,
				size_t *at, size_t *line_at)
{
	size_t s, best = 0;

	for (s = 0; s < f->cur.len;) {
		const char *eol = memchr(f->cur.s + s, '\n', f->cur.len - s);
		size_t p = s, t = 0, k = 0;

		while (t < n && p < f->cur.len) {
			const char *te = memchr(text + t, '\n', n - t);
			const char *fe = memchr(f->cur.s + p, '\n', f->cur.len - p);
			size_t tl = te ? (size_t)(te - text) - t : n - t;
			size_t fl = fe ? (size_t)(fe - f->cur.s) - p : f->cur.len - p;

			if (tl != fl || memcmp(text + t, f->cur.s + p, tl))
				break;
			k++;
			t += tl + 1;
			p += fl + 1;
		}
		if (k > best && t < n) {
			best = k;
			*at = p;
			*line_at = t;
		}
		if (!eol)
			break;
		s = (size_t)(eol - f->cur.s) + 1;
	}
	return best;
}

/* The line of text at off, for a message */
static char *install_show_line(const char *s, size_t len, size_t off)
{
	const char *e = off < len ? memchr(s + off, '\n', len - off) : NULL;

	return install_show(s + off, off >= len ? 0 : e ? (size_t)(e - s) - off : len - off);
}

/*
 * Replace: to do when the old text is there count times on its own and the
 * new text nowhere on its own.  (Done, the other way round, is for the undo
 * pass, which has run.)
 */
static void install_replace(struct install_ctx *c, const struct install_op *op, size_t patch)
{
	struct install_file *f = install_file_get(c, op->file, false);
	struct install_match m;
	size_t i;
	char *path, *where, *shown;

	if (!f)
		return;
	install_match(f, op, &m);
	path = install_tree_path(c, op->file);
	where = install_where(c, op, patch);
	shown = install_show(op->old.s, op->old.len);
	if (m.nold == op->count && m.nnew == 0) {
		for (i = m.no; i-- > 0;)
			if (m.old_free[i])
				install_splice(f, m.olds[i], op->old.len, op->text.s,
					       op->text.len);
	} else if (m.nold == 0 && m.nnew == 0) {
		size_t miss = 0, line_at = 0, k;

		k = install_near_miss(f, op->old.s, op->old.len, &miss, &line_at);
		if (k) {
			char *want = install_show_line(op->old.s, op->old.len, line_at);
			char *have = install_show_line(f->cur.s, f->cur.len, miss);

			install_error(c, path, install_line(f, miss),
				      "cannot find %s (%s): the tree has its first %zu line%s, then this line is %s where the plan has %s",
				      shown, where, k, k == 1 ? "" : "s", have, want);
			free(want);
			free(have);
		} else {
			install_error(c, path, 0, "cannot find %s (%s)", shown, where);
		}
	} else {
		struct strbuf lines = { 0 };
		int first = 0, k = 0;

		for (i = 0; i < m.no; i++) {
			if (!m.old_free[i])
				continue;
			if (!k++)
				first = install_line(f, m.olds[i]);
			sb_printf(&lines, "%s%d", k > 1 ? ", " : "", install_line(f, m.olds[i]));
		}
		if (m.nnew)
			install_error(c, path, first, "%s is there %d times%s%s%s and its replacement %d times, expected %d and 0 or 0 and %d (%s)",
				      shown, m.nold, k ? " (lines " : "", k ? lines.s : "",
				      k ? ")" : "", m.nnew, op->count, op->count, where);
		else
			install_error(c, path, first, "%s is there %d times (lines %s), the edit needs %d (%s)",
				      shown, m.nold, lines.s, op->count, where);
		sb_free(&lines);
	}
	free(shown);
	free(where);
	free(path);
	install_match_free(&m);
}

/* Where text first stands at the start of a line of f, or -1 */
static long install_line_start(const struct install_file *f, const struct strbuf *text)
{
	const char *p;

	for (p = f->cur.s; (p = memmem(p, f->cur.len - (size_t)(p - f->cur.s), text->s,
					text->len)); p++)
		if (p == f->cur.s || p[-1] == '\n')
			return (long)(p - f->cur.s);
	return -1;
}

static void install_append(struct install_ctx *c, const struct install_op *op)
{
	struct install_file *f = install_file_get(c, op->file, false);

	if (!f)
		return;
	if (install_line_start(f, &op->text) >= 0) {
		c->already++;
		return;
	}
	if (f->cur.len && f->cur.s[f->cur.len - 1] != '\n')
		sb_putc(&f->cur, '\n');
	sb_putn(&f->cur, op->text.s, op->text.len);
}

/* ---- undoing edits ------------------------------------------------------ */

/*
 * Takes op's result out of the file if it is there (and counts it as found
 * done).  The undo pass runs over the plan backwards before the edits run
 * forwards, so an edit whose text a later patch edits again (a MAINTAINERS
 * entry that grows patch by patch) is still recognised: a tree with the
 * plan applied, wholly or in part, goes back to the pristine text first.
 */
static void install_undo(struct install_ctx *c, const struct install_op *op)
{
	struct install_file *f;
	struct install_match m;
	size_t at, i;
	size_t len;
	int done;
	long p;

	if (op->kind == INSTALL_ADD)
		return;
	f = install_file_get(c, op->file, false);
	if (!f)
		return;
	switch (op->kind) {
	case INSTALL_ADD:
		break;
	case INSTALL_AFTER:
	case INSTALL_BEFORE:
		if (install_anchor(f, op->anchor, &at, NULL) != 1)
			break;
		at = install_insert_at(f, op, at, &done, &len);
		if (done == 1)
			install_splice(f, at, op->text.len, "", 0);
		if (done)
			c->already++;	/* edited by hand (2): it stays as it is */
		break;
	case INSTALL_REPLACE:
		install_match(f, op, &m);
		if (m.nold == 0 && m.nnew == op->count) {
			for (i = m.nn; i-- > 0;)
				if (m.new_free[i])
					install_splice(f, m.news[i], op->text.len, op->old.s,
						       op->old.len);
			c->already++;
		}
		install_match_free(&m);
		break;
	case INSTALL_APPEND:
		p = install_line_start(f, &op->text);
		if (p >= 0) {
			install_splice(f, (size_t)p, op->text.len, "", 0);
			c->already++;
		}
		break;
	}
}

static void install_apply(struct install_ctx *c)
{
	size_t i, j, k;

	for (i = c->plan->patches.n; i-- > 0;) {
		const struct install_patch *pt = &c->plan->patches.v[i];

		for (j = pt->ops.n; j-- > 0;)
			install_undo(c, &pt->ops.v[j]);
	}

	for (i = 0; i < c->plan->patches.n; i++) {
		const struct install_patch *pt = &c->plan->patches.v[i];

		for (j = 0; j < pt->ops.n; j++) {
			const struct install_op *op = &pt->ops.v[j];

			switch (op->kind) {
			case INSTALL_ADD:
				install_add(c, op, i);
				break;
			case INSTALL_AFTER:
			case INSTALL_BEFORE:
				install_insert(c, op, i);
				break;
			case INSTALL_REPLACE:
				install_replace(c, op, i);
				break;
			case INSTALL_APPEND:
				install_append(c, op);
				break;
			}
		}
		/* what the files look like after this patch */
		for (j = 0; j < pt->ops.n; j++) {
			const char *rel = pt->ops.v[j].file;
			bool seen = false;

			for (k = 0; k < c->snaps.n && !seen; k++)
				seen = c->snaps.v[k].patch == i && !strcmp(c->snaps.v[k].path, rel);
			for (k = 0; k < c->files.n && !seen; k++) {
				const struct install_file *f = &c->files.v[k];
				struct install_snap s = { i, NULL, NULL, f->cur.len };

				if (strcmp(f->path, rel))
					continue;
				s.path = xstrdup(rel);
				s.text = xmalloc(f->cur.len + 1);
				memcpy(s.text, f->cur.s, f->cur.len);
				s.text[f->cur.len] = '\0';
				vec_push(&c->snaps, s);
				seen = true;
			}
		}
	}
}

static void install_ctx_free(struct install_ctx *c)
{
	size_t i;

	for (i = 0; i < c->files.n; i++) {
		free(c->files.v[i].path);
		free(c->files.v[i].orig);
		sb_free(&c->files.v[i].cur);
		free(c->files.v[i].edits.v);
	}
	free(c->files.v);
	for (i = 0; i < c->snaps.n; i++) {
		free(c->snaps.v[i].path);
		free(c->snaps.v[i].text);
	}
	free(c->snaps.v);
}

/* The files the edits changed, as outputs relative to the tree (texts borrowed) */
static void install_changed(const struct install_ctx *c, struct outputs *out)
{
	size_t i;

	for (i = 0; i < c->files.n; i++) {
		const struct install_file *f = &c->files.v[i];
		struct output o = { f->path, f->cur.s, f->cur.len };

		if (f->orig && f->orig_len == f->cur.len && !memcmp(f->orig, f->cur.s, f->cur.len))
			continue;
		vec_push(&out->files, o);
	}
}

/* ---- the series -------------------------------------------------------- */

struct install_ident {
	char *name, *email;
};

static bool install_ident_parse(const char *s, struct install_ident *id)
{
	const char *lt = strrchr(s, '<'), *gt = strrchr(s, '>');
	size_t n;

	if (!lt || !gt || gt < lt || gt[1] || lt == s || gt == lt + 1 || lt[-1] != ' ')
		return false;
	n = (size_t)(lt - s);
	while (n && s[n - 1] == ' ')
		n--;
	if (!n)
		return false;
	id->name = xstrndup(s, n);
	id->email = xstrndup(lt + 1, (size_t)(gt - lt - 1));
	return true;
}

/*
 * The identity git itself would use, as "Name <mail>": what (GIT_AUTHOR_IDENT
 * or GIT_COMMITTER_IDENT, the one git format-patch -s signs off with) from
 * git's environment and configuration (user.name, user.email) as seen from
 * the kernel tree, never one git makes up from the host name
 * (user.useConfigOnly).  NULL if git knows none or cannot run.
 */
static char *install_git_ident(const char *tree, const char *what)
{
	struct strbuf sb = { 0 };
	char buf[512], *gt;
	int fd[2], status;
	ssize_t got;
	pid_t pid;

	if (pipe2(fd, O_CLOEXEC))
		die("pipe: %s", strerror(errno));
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(fd[1], 1);
		if (null >= 0)
			dup2(null, 2);
		execlp("git", "git", "-C", tree, "-c", "user.useConfigOnly=true", "var", what,
		       (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	while ((got = read(fd[0], buf, sizeof(buf))) != 0) {
		if (got < 0 && errno != EINTR)
			die("read from git: %s", strerror(errno));
		if (got > 0)
			sb_putn(&sb, buf, (size_t)got);
	}
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die("waitpid: %s", strerror(errno));
	/* "Name <mail> 1767225600 +0000": the date goes */
	if (!WIFEXITED(status) || WEXITSTATUS(status) || !sb.s || !(gt = strrchr(sb.s, '>'))) {
		sb_free(&sb);
		return NULL;
	}
	gt[1] = '\0';
	return sb.s;
}

struct install_git {
	char *dir;		/* the temporary folder: repo/, msg, log, out/ */
	char *repo;
	const struct install_ident *author;
	const char *date;
};

/* Runs git with args in the repository; its output goes to the log. */
static bool install_run_git(const struct install_git *g, const char *const *args)
{
	char *log = xasprintf("%s/log", g->dir);
	const char *argv[16];
	size_t n = 0;
	pid_t pid;
	int status;

	argv[n++] = "git";
	while (*args && n < sizeof(argv) / sizeof(*argv) - 1)
		argv[n++] = *args++;
	argv[n] = NULL;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
		char *date = xasprintf("@%s +0000", g->date);

		if (fd < 0 || chdir(g->repo))
			_exit(126);
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
		unsetenv("GIT_DIR");
		unsetenv("GIT_WORK_TREE");
		unsetenv("GIT_INDEX_FILE");
		unsetenv("GIT_OBJECT_DIRECTORY");
		setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
		setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
		setenv("HOME", g->dir, 1);
		setenv("XDG_CONFIG_HOME", g->dir, 1);
		setenv("LC_ALL", "C", 1);
		setenv("TZ", "UTC", 1);
		setenv("GIT_AUTHOR_NAME", g->author->name, 1);
		setenv("GIT_AUTHOR_EMAIL", g->author->email, 1);
		setenv("GIT_AUTHOR_DATE", date, 1);
		setenv("GIT_COMMITTER_NAME", g->author->name, 1);
		setenv("GIT_COMMITTER_EMAIL", g->author->email, 1);
		setenv("GIT_COMMITTER_DATE", date, 1);
		execvp("git", (char *const *)argv);
		fprintf(stderr, "cannot run git: %s\n", strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die("waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		char *text = read_file_max(log, MAX_SOURCE, &n);
		size_t i;
		struct strbuf cmd = { 0 };

		for (i = 1; argv[i]; i++)
			sb_printf(&cmd, " %s", argv[i]);
		diag_plain(DIAG_ERROR, "'git%s' failed%s:\n%s", cmd.s,
			   WIFEXITED(status) && WEXITSTATUS(status) == 127 ?
			   " (install git: apt-get install git)" : "", text ? text : "");
		free(text);
		sb_free(&cmd);
		free(log);
		return false;
	}
	free(log);
	return true;
}

static int install_rm(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static bool install_put(const char *dir, const char *rel, const char *text, size_t len)
{
	struct outputs o = { 0 };
	struct output f = { (char *)rel, (char *)text, len };
	bool ok;

	vec_push(&o.files, f);
	ok = outputs_write(&o, dir);
	free(o.files.v);
	return ok;
}

static int install_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The series into series (paths: the patch file names) */
static bool install_series(const struct install_ctx *c, const struct install_ident *author,
			   const char *signoff, const char *cover, struct outputs *series)
{
	const char *tmp = getenv("TMPDIR");
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	struct install_git g = { 0 };
	char *msg = NULL, *outdir = NULL;
	size_t i, j;
	bool ok = true;

	g.author = author;
	g.date = epoch && epoch[0] && strspn(epoch, "0123456789") == strlen(epoch) ?
		 epoch : INSTALL_DATE;
	g.dir = xasprintf("%s/msrgen-patch.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(g.dir)) {
		diag_plain(DIAG_ERROR, "cannot make a temporary folder '%s': %s", g.dir,
			   strerror(errno));
		free(g.dir);
		return false;
	}
	cleanup_tree_add(g.dir);	/* a signal, or an abort, must not leave it behind */
	g.repo = xasprintf("%s/repo", g.dir);
	msg = xasprintf("%s/msg", g.dir);
	outdir = xasprintf("%s/out", g.dir);
	ok = !mkdir(g.repo, 0700);
	{
		const char *init[] = { "-c", "init.defaultBranch=msrgen", "init", "-q", NULL };

		ok = ok && install_run_git(&g, init);
	}
	/* the pristine copies of the files the plan edits */
	for (i = 0; ok && i < c->files.n; i++)
		if (c->files.v[i].orig)
			ok = install_put(g.repo, c->files.v[i].path, c->files.v[i].orig,
					 c->files.v[i].orig_len);
	if (ok) {
		const char *add[] = { "add", "-A", NULL };
		const char *commit[] = { "commit", "-q", "--allow-empty", "-m", "base", NULL };
		const char *tag[] = { "tag", "msrgen-base", NULL };

		ok = install_run_git(&g, add) && install_run_git(&g, commit) &&
		     install_run_git(&g, tag);
	}
	if (ok && cover) {
		/* format-patch takes the cover letter from the branch description */
		const char *desc[] = { "config", "branch.msrgen.description", cover, NULL };

		ok = install_run_git(&g, desc);
	}
	for (i = 0; ok && i < c->plan->patches.n; i++) {
		const struct install_patch *pt = &c->plan->patches.v[i];
		struct strbuf m = { 0 };
		const char *add[] = { "add", "-A", NULL };
		const char *commit[] = { "commit", "-q", "--cleanup=verbatim", "-F", msg, NULL };

		for (j = 0; ok && j < c->snaps.n; j++)
			if (c->snaps.v[j].patch == i)
				ok = install_put(g.repo, c->snaps.v[j].path, c->snaps.v[j].text,
						 c->snaps.v[j].len);
		sb_printf(&m, "%s\n", pt->subject);
		if (pt->body.len)
			sb_printf(&m, "\n%s", pt->body.s);
		if (signoff)
			sb_printf(&m, "\nSigned-off-by: %s\n", signoff);
		ok = ok && install_put(g.dir, "msg", m.s, m.len);
		sb_free(&m);
		ok = ok && install_run_git(&g, add) && install_run_git(&g, commit);
	}
	if (ok) {
		const char *fp[] = { "format-patch", "-q", "--no-signature", "-o", outdir,
				     "msrgen-base", NULL, NULL, NULL };

		if (cover) {
			fp[6] = "--cover-letter";
			fp[7] = "--cover-from-description=subject";
		}
		ok = install_run_git(&g, fp);
	}
	if (ok) {
		VEC(char *) names = { 0 };
		DIR *d = opendir(outdir);
		struct dirent *de;

		while (d && (de = readdir(d)))
			if (de->d_name[0] != '.')
				vec_push(&names, xstrdup(de->d_name));
		if (d)
			closedir(d);
		sort_array(names.v, names.n, sizeof(*names.v), install_cmp_str);
		for (i = 0; i < names.n; i++) {
			char *p = xasprintf("%s/%s", outdir, names.v[i]);
			struct output o = { names.v[i], NULL, 0 };

			o.text = read_file(p, &o.len);
			if (!o.text) {
				diag_plain(DIAG_ERROR, "cannot read '%s': %s", p, strerror(errno));
				ok = false;
				free(names.v[i]);
			} else {
				vec_push(&series->files, o);
			}
			free(p);
		}
		free(names.v);
		if (ok && series->files.n != c->plan->patches.n + !!cover) {
			diag_plain(DIAG_ERROR, "git format-patch wrote %zu patches, the plan has %zu",
				   series->files.n - !!cover, c->plan->patches.n);
			ok = false;
		}
	}
	nftw(g.dir, install_rm, 16, FTW_DEPTH | FTW_PHYS);
	cleanup_tree_forget(g.dir);
	free(outdir);
	free(msg);
	free(g.repo);
	free(g.dir);
	return ok;
}

/* ---- the command ------------------------------------------------------- */

static bool install_ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && !strcmp(s + n - m, end);
}

struct install_opts {
	bool patch;
	const char *target, *tree, *output, *templates, *signoff, *author;
	bool quiet, cover;
	bool signoff_git;	/* --signoff without an ID: git's identity */
};

/*
 * The cover letter: the plan's subject and text, then where the generated
 * files come from: the digest of the tables and templates they were made from.
 */
static char *install_cover(const struct install_plan *plan, const struct outputs *gen,
			   const char *target)
{
	struct strbuf sb = { 0 };

	sb_printf(&sb, "%s\n\n%s", plan->cover, plan->cover_body.s);
	if (plan->cover_body.len)
		sb_puts(&sb, "\n");
	sb_printf(&sb, "The generated files are the output of msrgen %s for %s, whose\n"
		  "inputs digest is\n\n  sha256:%s\n", MSRGEN_VERSION, target, gen->digest);
	return sb.s;
}

/* Whether name is NNNN-*.patch */
static bool install_patch_name(const char *name)
{
	size_t n = strlen(name);

	return n > 11 && strspn(name, "0123456789") == 4 && name[4] == '-' &&
	       !strcmp(name + n - 6, ".patch");
}

/*
 * Removes the NNNN-*.patch files of an earlier run from dir, those the
 * series just written did not replace, so that git am of the folder takes
 * this series only.  Only files that git format-patch wrote (first line
 * "From <sha> Mon Sep 17 00:00:00 2001") go.
 */
static bool install_remove_stale(const char *dir, const struct outputs *series, bool quiet)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	bool ok = true;
	size_t i;

	if (!d) {
		diag_plain(DIAG_ERROR, "cannot read '%s': %s", dir, strerror(errno));
		return false;
	}
	while ((de = readdir(d))) {
		char head[64] = "", *path;
		bool ours = false;
		FILE *f;

		if (!install_patch_name(de->d_name))
			continue;
		for (i = 0; i < series->files.n && !ours; i++)
			ours = !strcmp(series->files.v[i].path, de->d_name);
		if (ours)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		f = fopen(path, "r");
		if (f && fgets(head, sizeof(head), f) && !strncmp(head, "From ", 5) &&
		    strstr(head, " Mon Sep 17 00:00:00 2001")) {
			if (unlink(path)) {
				diag_plain(DIAG_ERROR, "cannot remove '%s': %s", path, strerror(errno));
				ok = false;
			} else if (!quiet) {
				fprintf(stderr, "msrgen: %s: removed %s of an earlier series\n", dir,
					de->d_name);
			}
		}
		if (f)
			fclose(f);
		free(path);
	}
	closedir(d);
	return ok;
}

static int install_run(const struct install_opts *o, int nfiles, char **files)
{
	struct ast ast = { 0 };
	struct model m = { 0 };
	struct outputs gen = { 0 }, out = { 0 };
	struct install_plan plan = { 0 };
	struct install_ctx c = { 0 };
	struct install_ident author = { 0 };
	char *planpath = xasprintf("%s/%s/%s", o->templates, o->target, INSTALL_PLAN);
	int ret = 1;

	if (o->patch && !install_ident_parse(o->author ? o->author : o->signoff, &author))
		die("bad author");	/* checked with the options */
	if (!checks_load_for(&ast, &m, nfiles, files, o->templates, o->target) ||
	    !checks_target(&m, o->templates, o->target) ||
	    !render_target(&m, o->templates, o->target, &gen))
		goto out;
	if (!install_plan_load(&plan, planpath) || !install_shadows_ok(&plan, &m, o->target))
		goto out;
	plan.name = xasprintf("%s/%s", o->target, INSTALL_PLAN);
	c.tree = o->tree;
	c.plan = &plan;
	c.gen = &gen;
	if (!install_tree_ok(&c, o->target))
		goto out;
	install_apply(&c);
	if (!c.errors && o->patch && c.already) {
		diag_plain(DIAG_ERROR,
			   "patch: %s has %d of the edits already; it needs an unmodified tree",
			   o->tree, c.already);
		c.errors++;
	}
	if (c.errors) {
		diag_plain(DIAG_ERROR, "%s: nothing %s (%d error%s)",
			   o->patch ? o->output : o->tree, o->patch ? "written" : "changed",
			   c.errors, c.errors == 1 ? "" : "s");
		goto out;
	}
	if (!o->patch) {
		install_changed(&c, &out);
		if (!outputs_write(&out, o->tree))
			goto out;
		if (!o->quiet && out.files.n)
			fprintf(stderr, "msrgen: %s: %zu file%s written for %s\n", o->tree,
				out.files.n, out.files.n == 1 ? "" : "s", o->target);
		else if (!o->quiet)
			fprintf(stderr, "msrgen: %s: up to date for %s\n", o->tree, o->target);
		free(out.files.v);	/* the texts belong to the files */
		out.files.v = NULL;
		out.files.n = 0;
	} else {
		char *cover = NULL;
		bool done;

		if (o->cover && !plan.cover) {
			diag_plain(DIAG_ERROR, "%s has no 'cover' for --cover-letter", plan.name);
			goto out;
		}
		if (o->cover)
			cover = install_cover(&plan, &gen, o->target);
		done = install_series(&c, &author, o->signoff, cover, &out) &&
		       outputs_write(&out, o->output) &&
		       install_remove_stale(o->output, &out, o->quiet);
		free(cover);
		if (!done)
			goto out;
		if (!o->quiet)
			fprintf(stderr, "msrgen: %s: %zu patches%s for %s\n", o->output,
				out.files.n - o->cover, o->cover ? " and a cover letter" : "",
				o->target);
	}
	ret = 0;
out:
	if (o->patch)
		outputs_free(&out);
	else
		free(out.files.v);
	install_ctx_free(&c);
	install_plan_free(&plan);
	install_srcs_free();
	outputs_free(&gen);
	model_free(&m);
	ast_free(&ast);
	free(author.name);
	free(author.email);
	free(planpath);
	return ret;
}

int install_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "target", required_argument, NULL, 't' },
		{ "kernel-tree", required_argument, NULL, 'k' },
		{ "output", required_argument, NULL, 'o' },
		{ "templates", required_argument, NULL, 'T' },
		{ "signoff", optional_argument, NULL, 'S' },
		{ "author", required_argument, NULL, 'A' },
		{ "cover-letter", no_argument, NULL, 'C' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct install_opts o = { .templates = render_templates_dir(), .output = "." };
	struct install_ident id = { 0 };
	char *git_author = NULL, *git_signoff = NULL;
	const char *cmd = argv[0];
	int c, ret;

	o.patch = !strcmp(cmd, "patch");
	argv[0] = (char *)"msrgen";	/* getopt names the program in its messages */
	optind = 1;
	while ((c = getopt_long(argc, argv, "t:k:o:W:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			o.target = optarg;
			break;
		case 'k':
			if (!*optarg)
				return usage_error(cmd, "%s: --kernel-tree: an empty path names no tree", cmd);
			o.tree = optarg;
			break;
		case 'o':
			if (!o.patch)
				return usage_error(cmd, "install: -o is for 'patch' (install writes into --kernel-tree)");
			if (!*optarg)
				return usage_error(cmd, "patch: -o: an empty path names no folder");
			o.output = optarg;
			break;
		case 'T':
			o.templates = optarg;
			break;
		case 'C':
			if (!o.patch)
				return usage_error(cmd, "install: --cover-letter is for 'patch'");
			o.cover = true;
			break;
		case 'S':
		case 'A':
			if (!o.patch)
				return usage_error(cmd, "install: --%s is for 'patch'",
						   c == 'S' ? "signoff" : "author");
			/* --signoff ID as well as --signoff=ID; an ID is no .msr file */
			if (c == 'S' && !optarg && optind < argc && argv[optind][0] != '-' &&
			    !install_ends_with(argv[optind], ".msr"))
				optarg = argv[optind++];
			if (c == 'S' && !optarg) {
				o.signoff_git = true;
				break;
			}
			if (!install_ident_parse(optarg, &id))
				return usage_error(cmd, "'%s' is not 'Name <mail>'", optarg);
			free(id.name);
			free(id.email);
			if (c == 'S')
				o.signoff = optarg;
			else
				o.author = optarg;
			break;
		case 'W':
			if (!checks_option(optarg))
				return unknown_warning(cmd, optarg);
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'h':
			fputs(install_usage_text, stdout);
			return 0;
		default:
			fprintf(stderr, "Try 'msrgen %s --help' for more information.\n", cmd);
			return 2;
		}
	}
	if (!o.target)
		return usage_error(cmd, "%s: --target is missing", cmd);
	if (!o.tree)
		return usage_error(cmd, "%s: --kernel-tree DIR is missing", cmd);
	if (optind >= argc)
		return usage_error(cmd, "%s: no .msr files given", cmd);
	{
		struct strbuf why = { 0 };

		if (!target_known(o.templates, o.target, &why)) {
			c = usage_error(cmd, "%s", why.s);
			sb_free(&why);
			return c;
		}
	}
	if (o.patch) {
		/* as git format-patch: the author and a sign-off from git unless given */
		if (o.signoff_git && !o.signoff)
			o.signoff = git_signoff = install_git_ident(o.tree, "GIT_COMMITTER_IDENT");
		if (!o.author && (!o.signoff || o.signoff_git))
			o.author = git_author = install_git_ident(o.tree, "GIT_AUTHOR_IDENT");
		if ((o.signoff_git && !o.signoff) || (!o.author && !o.signoff))
			ret = usage_error(cmd, "patch: git knows no user.name and user.email; "
					  "give --author and --signoff 'Name <mail>' "
					  "or set them with git config");
		else if (!install_ident_parse(o.author ? o.author : o.signoff, &id))
			ret = usage_error(cmd, "'%s' (git's identity) is not 'Name <mail>'",
					  o.author ? o.author : o.signoff);
		else
			ret = 0;
		free(id.name);
		free(id.email);
		if (ret) {
			free(git_author);
			free(git_signoff);
			return ret;
		}
	}
	ret = install_run(&o, argc - optind, argv + optind);
	free(git_author);
	free(git_signoff);
	return ret;
}
