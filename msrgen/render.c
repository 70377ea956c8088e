// SPDX-License-Identifier: GPL-2.0
/*
 * From the checked model to files: the model becomes one m4 record per line,
 * GNU m4 renders each template of the target against it (one m4 per template,
 * as many at a time as there are CPUs, reported in template order), and the
 * results are written all at once (temporary files renamed into place) or not
 * at all.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "msrgen.h"

/*
 * Temporary files and folders to remove if a signal ends msrgen (SIGINT, SIGTERM,
 * SIGHUP, SIGABRT): the handler unlinks and rmdirs them (rm -rf for a tree), then
 * dies of the signal. SIGKILL
 * cannot be caught: the output folder is still as it was (files are renamed into
 * place, never written there), but a *.tmp.* file may stay behind.
 */
#define MAX_CLEANUP 1024
static char *volatile cleanup_paths[MAX_CLEANUP];
static volatile sig_atomic_t cleanup_dir[MAX_CLEANUP];

static void on_signal(int sig)
{
	int i;

	for (i = 0; i < MAX_CLEANUP; i++) {
		char *p = cleanup_paths[i];

		if (p && cleanup_dir[i] == 2) {
			/* a tree (patch's git repository): rm -rf, async-signal-safe */
			char *const argv[] = { (char *)"rm", (char *)"-rf", (char *)"--", p, NULL };
			char *const envp[] = { NULL };
			pid_t pid = fork();

			if (pid == 0) {
				execve("/bin/rm", argv, envp);
				_exit(127);
			}
			if (pid > 0)
				waitpid(pid, NULL, 0);
			cleanup_paths[i] = NULL;
		} else if (p && (cleanup_dir[i] ? rmdir(p) : unlink(p)) == 0) {
			cleanup_paths[i] = NULL;
		}
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void cleanup_signals(void)
{
	static bool done;
	/* SIGABRT: die() and a failed assertion end msrgen with it */
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGABRT };
	size_t i;

	if (done)
		return;
	done = true;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], on_signal);
	/* a full file-size limit is an error to clean up after, not a death */
	signal(SIGXFSZ, SIG_IGN);
}

/* Removes path if a signal ends msrgen; until cleanup_forget(path). dir: 0 a file,
 * 1 an empty folder, 2 a tree; folders last. */
static void cleanup_add(char *path, int dir)
{
	sigset_t all, old;
	int i;

	cleanup_signals();
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	for (i = dir ? MAX_CLEANUP - 1 : 0; i >= 0 && i < MAX_CLEANUP; i += dir ? -1 : 1) {
		if (!cleanup_paths[i]) {
			cleanup_dir[i] = dir;
			cleanup_paths[i] = path;
			break;
		}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void cleanup_forget(const char *path)
{
	sigset_t all, old;
	int i;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < MAX_CLEANUP; i++)
		if (cleanup_paths[i] == path)
			cleanup_paths[i] = NULL;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Strings are quoted twice, so that a template's rescan of them is inert. */
static void q(struct strbuf *sb, const char *s)
{
	sb_printf(sb, "[[%s]]", s ? s : "");
}

static void qq(struct strbuf *sb, const char *s)
{
	sb_printf(sb, "[[[[%s]]]]", s ? s : "");
}

static void vendors_text(struct strbuf *sb, const struct vendors *v)
{
	size_t i;

	if (!v || !v->list.n) {
		sb_puts(sb, "any");
		return;
	}
	for (i = 0; i < v->list.n; i++)
		sb_printf(sb, "%s%s", i ? " " : "", v->list.v[i].name);
}

/*
 * The records, in the order of record_names. Each record of the model text is
 * one call, so that the text can also be cut into the records of some kinds
 * (see model_files()).
 */
enum record {
	REC_PLATFORM, REC_DECL, REC_ALIAS, REC_FIELD, REC_VALUE, REC_RESERVED, REC_MSR,
	REC_HANDLE, REC_HYPERVISOR, REC_HVDEFAULT, REC_HV, NREC
};

static const char *const record_names[NREC] = {
	"MSRGEN_PLATFORM", "MSRGEN_DECL", "MSRGEN_ALIAS", "MSRGEN_FIELD", "MSRGEN_VALUE",
	"MSRGEN_RESERVED", "MSRGEN_MSR", "MSRGEN_HANDLE", "MSRGEN_HYPERVISOR",
	"MSRGEN_HVDEFAULT", "MSRGEN_HV",
};

/* Where each record starts in the model text, and its kind. */
struct record_span {
	size_t start;
	enum record kind;
};
struct record_spans {
	VEC(struct record_span) v;
};

static void record_start(struct strbuf *sb, struct record_spans *spans, enum record kind)
{
	if (spans) {
		struct record_span s = { sb->len, kind };

		vec_push(&spans->v, s);
	}
	sb_puts(sb, record_names[kind]);
	sb_putc(sb, '(');
}

static void handle_record(struct strbuf *sb, struct record_spans *spans, const struct model *m,
			  const struct reg *r,
			  size_t pi, int k)
{
	const struct platform *p = &m->platforms.v[pi];
	const struct handling *h = &r->decl->handling[pi * 2 + k];
	const struct ast_handling *a = h->ast;
	size_t i;

	record_start(sb, spans, REC_HANDLE);
	q(sb, r->id);
	sb_puts(sb, ", ");
	q(sb, r->macro);
	sb_printf(sb, ", [[0x%08x]], ", r->addr);
	q(sb, p->name);
	sb_puts(sb, ", ");
	q(sb, p->feature);
	sb_printf(sb, ", [[%s]], [[%s]], [[", k ? "write" : "read", hkind_name(h->kind));
	if (a && a->kind == H_IGNORE && k == 0)
		sb_printf(sb, "0x%llx", (unsigned long long)(a->has_value ? a->value.v : 0));
	else if (a && (a->kind == H_CALL || a->kind == H_FIXUP))
		sb_puts(sb, a->func.name);
	sb_puts(sb, "]], [[");
	for (i = 0; a && i < a->args.n; i++)
		sb_printf(sb, "%s%s", i ? ", " : "", a->args.v[i].name);
	sb_puts(sb, "]])m4_dnl\n");
}

static void model_text(const struct model *m, struct strbuf *sb, struct record_spans *spans)
{
	static const char *const kinds[] = { "single", "array", "indexed" };
	size_t i, j, k, pi;

	sb_puts(sb, "");
	for (i = 0; i < m->platforms.n; i++) {
		const struct platform *p = &m->platforms.v[i];

		record_start(sb, spans, REC_PLATFORM);
		q(sb, p->name);
		sb_puts(sb, ", ");
		q(sb, p->feature);
		sb_puts(sb, ", ");
		qq(sb, p->doc);
		sb_puts(sb, ")m4_dnl\n");
	}
	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];
		const struct ast_msr *a = d->ast;

		record_start(sb, spans, REC_DECL);
		q(sb, d->did);
		sb_puts(sb, ", ");
		q(sb, d->name);
		sb_printf(sb, ", [[%s]], [[0x%08llx]], [[%llu]], [[%llu]], ", kinds[a->kind],
			  (unsigned long long)a->addr.v, (unsigned long long)a->count.v,
			  (unsigned long long)a->stride.v);
		q(sb, a->kind == MSR_INDEXED ? a->param.name : "");
		sb_printf(sb, ", [[%s]], [[", access_name(d->access));
		vendors_text(sb, d->vendors);
		sb_printf(sb, "]], [[%d]], ", d->ns);
		qq(sb, d->doc);
		sb_puts(sb, ")m4_dnl\n");
		for (j = 0; j < d->aliases.n; j++) {
			record_start(sb, spans, REC_ALIAS);
			q(sb, d->did);
			sb_puts(sb, ", ");
			q(sb, d->aliases.v[j]->name.name);
			sb_puts(sb, ", [[");
			vendors_text(sb, &d->aliases.v[j]->vendors);
			sb_puts(sb, "]])m4_dnl\n");
		}
		for (j = 0; j < d->fields.n; j++) {
			const struct ast_field *f = d->fields.v[j];

			record_start(sb, spans, REC_FIELD);
			q(sb, d->did);
			sb_puts(sb, ", ");
			q(sb, f->name.name);
			sb_printf(sb, ", [[%llu]], [[%llu]], [[%s]], ",
				  (unsigned long long)f->hi.v, (unsigned long long)f->lo.v,
				  access_name(f->access ? f->access : d->access));
			qq(sb, f->doc);
			sb_puts(sb, ")m4_dnl\n");
			for (k = 0; k < f->values.n; k++) {
				record_start(sb, spans, REC_VALUE);
				q(sb, d->did);
				sb_puts(sb, ", ");
				q(sb, f->name.name);
				sb_puts(sb, ", ");
				q(sb, f->values.v[k].name.name);
				sb_printf(sb, ", [[0x%llx]])m4_dnl\n",
					  (unsigned long long)f->values.v[k].value.v);
			}
		}
		for (j = 0; j < d->reserved.n; j++) {
			record_start(sb, spans, REC_RESERVED);
			q(sb, d->did);
			sb_printf(sb, ", [[%llu]], [[%llu]])m4_dnl\n",
				  (unsigned long long)d->reserved.v[j]->hi.v,
				  (unsigned long long)d->reserved.v[j]->lo.v);
		}
		for (j = 0; j < d->regs.n; j++) {
			const struct reg *r = &m->regs.v[d->regs.v[j]];

			record_start(sb, spans, REC_MSR);
			q(sb, r->id);
			sb_puts(sb, ", ");
			q(sb, r->macro);
			sb_printf(sb, ", [[0x%08x]], ", r->addr);
			q(sb, d->did);
			sb_printf(sb, ", [[%llu]], [[%s]], [[", (unsigned long long)r->index,
				  access_name(d->access));
			vendors_text(sb, d->vendors);
			sb_printf(sb, "]], [[%d]], ", d->ns);
			qq(sb, d->doc);
			sb_puts(sb, ")m4_dnl\n");
			for (pi = 0; pi < m->platforms.n; pi++)
				for (k = 0; k < 2; k++)
					if (d->access & (1 << k))
						handle_record(sb, spans, m, r, pi, (int)k);
		}
	}
	for (i = 0; i < m->hypervisors.n; i++) {
		const struct hypervisor *h = &m->hypervisors.v[i];

		record_start(sb, spans, REC_HYPERVISOR);
		q(sb, h->name);
		sb_puts(sb, ", ");
		q(sb, h->platform ? h->platform->name : "");
		sb_puts(sb, ", ");
		qq(sb, h->ast->doc);
		sb_puts(sb, ")m4_dnl\n");
		for (k = 0; k < 2; k++) {
			record_start(sb, spans, REC_HVDEFAULT);
			q(sb, h->name);
			sb_printf(sb, ", [[%s]], [[%s]], [[0x%llx]])m4_dnl\n",
				  k ? "write" : "read", hvbeh_name(h->dflt[k]),
				  (unsigned long long)h->dflt_value[k]);
		}
		for (j = 0; j < h->ranges.n; j++) {
			const struct hvrange *r = &h->ranges.v[j];

			for (k = 0; k < 2; k++) {
				if (!(r->dir & (1 << k)))
					continue;
				record_start(sb, spans, REC_HV);
				q(sb, h->name);
				sb_printf(sb, ", [[0x%08x]], [[0x%08x]], [[%s]], [[%s]], [[0x%llx]], ",
					  r->first, r->last, k ? "write" : "read",
					  hvbeh_name(r->beh), (unsigned long long)r->value);
				qq(sb, r->note);
				sb_puts(sb, ")m4_dnl\n");
			}
		}
	}
}

void render_model_text(const struct model *m, struct strbuf *sb)
{
	model_text(m, sb, NULL);
}

struct template {
	char *rel;	/* relative to the target folder */
	char *text;
	size_t len;
};

static int cmp_template(const void *a, const void *b)
{
	return strcmp(((const struct template *)a)->rel, ((const struct template *)b)->rel);
}

static bool collect_templates(const char *root, const char *sub, void *vec)
{
	VEC(struct template) *list = vec;
	char *dirpath = sub[0] ? xasprintf("%s/%s", root, sub) : xstrdup(root);
	DIR *dir = opendir(dirpath);
	struct dirent *de;
	bool ok = true;

	if (!dir) {
		diag_plain(DIAG_ERROR, "cannot read templates in '%s': %s", dirpath,
			   strerror(errno));
		free(dirpath);
		return false;
	}
	while (ok && (de = readdir(dir))) {
		char *rel, *path;
		struct stat st;
		size_t n = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		rel = sub[0] ? xasprintf("%s/%s", sub, de->d_name) : xstrdup(de->d_name);
		path = xasprintf("%s/%s", root, rel);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			ok = collect_templates(root, rel, vec);
		} else if (n > 3 && !strcmp(de->d_name + n - 3, ".m4")) {
			struct template t = { rel, NULL, 0 };

			t.text = read_file(path, &t.len);
			if (!t.text) {
				diag_plain(DIAG_ERROR, "cannot read template '%s': %s", path,
					   strerror(errno));
				ok = false;
			} else {
				vec_push(list, t);
				rel = NULL;
			}
		}
		free(rel);
		free(path);
	}
	closedir(dir);
	free(dirpath);
	return ok;
}

static bool write_all(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok;

	if (!f)
		return false;
	ok = fwrite(text, 1, len, f) == len;
	ok &= fclose(f) == 0;
	return ok;
}

/*
 * A generated file's digest is over its own bytes, as the kernel's
 * scripts/atomic does, so that a file changes only where its text does (one
 * digest of all the inputs changed every file at every table edit): the
 * SHA-256 of the file with each "sha256:" and 64 hex digits of that digest
 * written as 64 zeros.  m4 writes the zeros, render_seal() the digest.
 */
#define DIGEST_ZERO "sha256:0000000000000000000000000000000000000000000000000000000000000000"
#define DIGEST_LEN (sizeof(DIGEST_ZERO) - 1)

/* Puts the digest of text (len bytes, with DIGEST_ZERO where it goes) in. */
static void render_seal(char *text, size_t len)
{
	char hex[65];
	char *p = text;

	sha256_hex(text, len, hex);
	while ((p = memmem(p, len - (size_t)(p - text), DIGEST_ZERO, DIGEST_LEN))) {
		memcpy(p + 7, hex, 64);
		p += DIGEST_LEN;
	}
}

bool render_digest_ok(const char *text, size_t len)
{
	const char *d = memmem(text, len, "sha256:", 7);
	char *copy, *p, hex[65];
	bool ok;

	if (!d || (size_t)(d - text) + DIGEST_LEN > len ||
	    strspn(d + 7, "0123456789abcdef") < 64)
		return false;
	copy = xmalloc(len ? len : 1);
	memcpy(copy, text, len);
	for (p = copy; (p = memmem(p, len - (size_t)(p - copy), d, DIGEST_LEN)); p += DIGEST_LEN)
		memcpy(p, DIGEST_ZERO, DIGEST_LEN);
	sha256_hex(copy, len, hex);
	ok = !memcmp(hex, d + 7, 64);
	free(copy);
	return ok;
}

static void banner(struct strbuf *sb, const char *name, const char *lead, const char *first,
		   const char *last, const char *target)
{
	sb_printf(sb, "m4_define([[%s]], [[%s", name, first);
	sb_printf(sb, "%sGenerated by msrgen %s for %s; the SHA-256 of this file with\n", lead,
		  MSRGEN_VERSION, target);
	sb_printf(sb, "%sthe digest below as zeros:\n", lead);
	sb_printf(sb, "%s%s\n", lead, DIGEST_ZERO);
	sb_printf(sb, "%sDo not edit: change the .msr tables or the templates and regenerate.\n",
		  lead);
	sb_printf(sb, "%s]])m4_dnl\n", last);
}

/*
 * The model as m4 reads it: MSRGEN_MODEL includes a file of platforms, one of
 * declarations and one of hypervisor tables, in this order. A pass over the
 * model mostly defines one or two record macros and leaves the others empty,
 * and m4 spent most of its time reading records only to drop them (the
 * MSRGEN_HANDLE records are 60% of the text, MSRGEN_MSR passes need 15%). So
 * the big kinds of records (bit >= 0 below) come in files with and without
 * them, and MSRGEN_MODEL includes the file without the kinds whose macros are
 * empty: leaving out the call of an empty macro changes nothing, its arguments
 * are quoted text. A macro that is a builtin, undefined or not empty keeps its
 * records. The small kinds are in every file.
 */
static const struct {
	char file;	/* p: platforms, d: declarations, h: hypervisors */
	int bit;	/* -1: in every file of its section */
} record_file[NREC] = {
	[REC_PLATFORM] = { 'p', -1 },	[REC_DECL] = { 'd', 0 },
	[REC_ALIAS] = { 'd', -1 },	[REC_FIELD] = { 'd', -1 },
	[REC_VALUE] = { 'd', -1 },	[REC_RESERVED] = { 'd', -1 },
	[REC_MSR] = { 'd', 1 },		[REC_HANDLE] = { 'd', 2 },
	[REC_HYPERVISOR] = { 'h', -1 },	[REC_HVDEFAULT] = { 'h', -1 },
	[REC_HV] = { 'h', 0 },
};
static const char model_sections[] = "pdh";

/* The number of optional kinds of a section: it has 1 << n files. */
static int section_bits(char file)
{
	int r, n = 0;

	for (r = 0; r < NREC; r++)
		if (record_file[r].file == file && record_file[r].bit >= 0)
			n++;
	return n;
}

/* DIR/model-<section><one 0 or 1 per optional kind, by bit>.m4 */
static char *model_file_name(const char *dir, char file, unsigned mask, int bits)
{
	char digits[NREC + 1];
	int b;

	for (b = 0; b < bits; b++)
		digits[b] = mask & (1u << b) ? '1' : '0';
	digits[bits] = '\0';
	return xasprintf("%s/model-%c%s.m4", dir, file, digits);
}

/* The body of MSRGEN_MODEL: an m4_include per section, of the file it picks. */
static void model_macro(struct strbuf *sb, const char *dir)
{
	const char *s;
	int b, r;

	sb_puts(sb, "m4_define([[MSRGEN_MODEL]], [[");
	for (s = model_sections; *s; s++) {
		sb_printf(sb, "m4_include([[%s/model-%c]]", dir, *s);
		for (b = 0; b < section_bits(*s); b++) {
			for (r = 0; r < NREC; r++) {
				if (record_file[r].file != *s || record_file[r].bit != b)
					continue;
				/* "x" after m4_defn: a builtin is not empty */
				sb_printf(sb, "m4_ifdef([[%s]], [[m4_ifelse(m4_defn([[%s]])[[x]], "
					  "[[x]], [[0]], [[1]])]], [[1]])", record_names[r],
					  record_names[r]);
			}
		}
		sb_puts(sb, "[[.m4]])");
	}
	sb_puts(sb, "]])m4_dnl\n");
}

/* Writes the model files into dir; their paths are pushed onto paths. */
static bool model_files(const struct strbuf *model, const struct record_spans *spans,
			const char *dir, void *vpaths)
{
	VEC(char *) *paths = vpaths;
	const char *s;
	bool ok = true;

	for (s = model_sections; ok && *s; s++) {
		int bits = section_bits(*s);
		unsigned mask;

		for (mask = 0; ok && mask < 1u << bits; mask++) {
			struct strbuf sb = { 0 };
			char *path = model_file_name(dir, *s, mask, bits);
			size_t i;

			sb_puts(&sb, "");
			for (i = 0; i < spans->v.n; i++) {
				const struct record_span *sp = &spans->v.v[i];
				size_t end = i + 1 < spans->v.n ? spans->v.v[i + 1].start : model->len;
				int bit = record_file[sp->kind].bit;

				if (record_file[sp->kind].file == *s &&
				    (bit < 0 || mask & (1u << bit)))
					sb_putn(&sb, model->s + sp->start, end - sp->start);
			}
			cleanup_add(path, false);
			vec_push(paths, path);
			if (!write_all(path, sb.s, sb.len)) {
				diag_plain(DIAG_ERROR, "cannot write '%s': %s", path, strerror(errno));
				ok = false;
			}
			sb_free(&sb);
		}
	}
	return ok;
}

/* One m4 run: a template of the target, its prelude, and what m4 said. */
struct m4_job {
	const struct template *t;
	char *tpath;		/* the template's path, for messages */
	char *outrel;		/* the output's path in the output folder */
	char *prelude;		/* the prelude's path */
	const char *state;	/* m4 state to start from (-R), or NULL */
	const char *freeze;	/* where m4 saves its state at the end (-F), or NULL */
	pid_t pid;
	int fd[2];		/* m4's stdout and stderr; -1 once at their end */
	struct strbuf out, err;
	int status;
	bool started, done;
};

static bool job_failed(const struct m4_job *j)
{
	return !WIFEXITED(j->status) || WEXITSTATUS(j->status);
}

/* Starts m4 on the job's prelude and template; its output and errors go to pipes. */
static void m4_start(struct m4_job *j, const char *tdir)
{
	const char *m4 = getenv("MSRGEN_M4");
	int out[2], err[2];

	if (!m4 || !m4[0])
		m4 = "m4";
	/* close-on-exec: no m4 keeps another's pipe open */
	if (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC))
		die("pipe: %s", strerror(errno));
	fflush(stdout);
	fflush(stderr);
	j->pid = fork();
	if (j->pid < 0)
		die("fork: %s", strerror(errno));
	if (j->pid == 0) {
		/* msrgen's signal handling is not m4's; nor is the caller's m4 set-up:
		 * M4PATH could find files elsewhere, POSIXLY_CORRECT change m4 */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGABRT, SIG_DFL);
		signal(SIGXFSZ, SIG_DFL);
		unsetenv("M4PATH");
		unsetenv("POSIXLY_CORRECT");
		dup2(out[1], 1);
		dup2(err[1], 2);
		if (chdir(tdir)) {
			fprintf(stderr, "msrgen: error: cannot enter '%s': %s\n", tdir,
				strerror(errno));
			_exit(127);
		}
		setenv("LC_ALL", "C", 1);
		if (j->state || j->freeze)
			execlp(m4, m4, "-P", "--fatal-warnings", j->state ? "-R" : "-F",
			       j->state ? j->state : j->freeze, j->prelude, j->t->rel, (char *)NULL);
		else
			execlp(m4, m4, "-P", "--fatal-warnings", j->prelude, j->t->rel,
			       (char *)NULL);
		fprintf(stderr, "msrgen: error: cannot run %s: %s%s\n", m4, strerror(errno),
			errno == ENOENT ? " (install GNU m4: apt-get install m4)" : "");
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	j->fd[0] = out[0];
	j->fd[1] = err[0];
	j->started = true;
}

static int cmp_job_size(const void *a, const void *b)
{
	const struct m4_job *x = *(struct m4_job *const *)a, *y = *(struct m4_job *const *)b;

	if (x->t->len != y->t->len)
		return x->t->len < y->t->len ? 1 : -1;
	return x < y ? -1 : x > y;
}

/*
 * Runs the jobs, as many at a time as there are CPUs, the biggest templates
 * first (the time goes to the big ones). After a job fails, the jobs that come
 * after it in jobs[] are not started: the caller reports up to the first
 * failure, as a run one template after the other would.
 */
static void m4_run_all(struct m4_job *jobs, size_t n, const char *tdir)
{
	struct m4_job **order = xcalloc(n ? n : 1, sizeof(*order));
	struct pollfd *pfd = xcalloc(2 * n + 1, sizeof(*pfd));
	struct m4_job **owner = xcalloc(2 * n + 1, sizeof(*owner));
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t max = cpus < 1 ? 1 : cpus > 16 ? 16 : (size_t)cpus;
	size_t i, next = 0, running = 0, first_failed = n;
	char buf[65536];

	for (i = 0; i < n; i++)
		order[i] = &jobs[i];
	sort_array(order, n, sizeof(*order), cmp_job_size);
	for (;;) {
		size_t np = 0;

		for (; next < n && running < max; next++) {
			if ((size_t)(order[next] - jobs) > first_failed)
				continue;
			m4_start(order[next], tdir);
			running++;
		}
		if (!running)
			break;
		for (i = 0; i < n; i++) {
			for (int k = 0; k < 2; k++) {
				if (!jobs[i].started || jobs[i].fd[k] < 0)
					continue;
				pfd[np].fd = jobs[i].fd[k];
				pfd[np].events = POLLIN;
				owner[np++] = &jobs[i];
			}
		}
		if (np && poll(pfd, np, -1) < 0) {
			if (errno == EINTR)
				continue;
			die("poll: %s", strerror(errno));
		}
		for (i = 0; i < np; i++) {
			struct m4_job *j = owner[i];
			int k = pfd[i].fd == j->fd[0] ? 0 : 1;
			ssize_t got;

			if (!pfd[i].revents)
				continue;
			got = read(pfd[i].fd, buf, sizeof(buf));
			if (got < 0 && errno != EINTR)
				die("read from m4: %s", strerror(errno));
			if (got > 0) {
				sb_putn(k ? &j->err : &j->out, buf, (size_t)got);
			} else if (got == 0) {
				close(j->fd[k]);
				j->fd[k] = -1;
			}
		}
		for (i = 0; i < n; i++) {
			struct m4_job *j = &jobs[i];

			if (!j->started || j->done || j->fd[0] >= 0 || j->fd[1] >= 0)
				continue;
			while (waitpid(j->pid, &j->status, 0) < 0)
				if (errno != EINTR)
					die("waitpid: %s", strerror(errno));
			j->done = true;
			running--;
			if (job_failed(j) && i < first_failed)
				first_failed = i;
		}
	}
	free(order);
	free(pfd);
	free(owner);
}

/* What every generated file must be: SPDX first, then the banner. */
static bool output_ok(const struct strbuf *sb, const char *tpath)
{
	const char *eol;

	if (!sb->len) {
		diag_plain(DIAG_ERROR, "template '%s' produced an empty file", tpath);
		return false;
	}
	eol = memchr(sb->s, '\n', sb->len);
	if (!eol || !memmem(sb->s, (size_t)(eol - sb->s), "SPDX-License-Identifier", 23)) {
		diag_plain(DIAG_ERROR, "template '%s' does not start with an SPDX line", tpath);
		return false;
	}
	if (!memmem(sb->s, sb->len, DIGEST_ZERO, DIGEST_LEN)) {
		diag_plain(DIAG_ERROR, "template '%s' does not expand MSRGEN_BANNER_*", tpath);
		return false;
	}
	return true;
}

/* The prelude up to MSRGEN_OUTPUT, which differs between templates. */
static void prelude_text(struct strbuf *sb, const char *target)
{
	sb_puts(sb, "m4_changequote([[,]])m4_dnl\nm4_changecom()m4_dnl\n");
	sb_printf(sb, "m4_define([[MSRGEN_VERSION]], [[%s]])m4_dnl\n", MSRGEN_VERSION);
	sb_puts(sb, "m4_define([[MSRGEN_DIGEST]], [[" DIGEST_ZERO "]])m4_dnl\n");
	sb_printf(sb, "m4_define([[MSRGEN_TARGET]], [[%s]])m4_dnl\n", target);
}

static void prelude_rest(struct strbuf *sb, const char *target, const char *model_dir)
{
	size_t r;

	banner(sb, "MSRGEN_BANNER_C", " * ", "/*\n", " */\n", target);
	banner(sb, "MSRGEN_BANNER_HASH", "# ", "", "", target);
	banner(sb, "MSRGEN_BANNER_RST", "   ", "..\n", "\n", target);
	for (r = 0; r < NREC; r++)
		sb_printf(sb, "m4_define([[%s]], [[]])m4_dnl\n", record_names[r]);
	model_macro(sb, model_dir);
	sb_puts(sb, "m4_define([[MSRGEN_FAIL]], [[m4_errprint(m4___file__:m4___line__: error: $1\n)m4_m4exit(1)]])m4_dnl\n");
}

/*
 * A target's _lib.m4 holds the definitions its templates share and gathers
 * what they need from the model; every template includes it first, and that
 * pass over the model was 40% of m4's time. So m4 reads the prelude and _lib.m4
 * once and saves its state (GNU m4 --freeze-state); each template starts from
 * that state (--reload-state), with MSRGEN_OUTPUT defined and its include of
 * _lib.m4 left out (skip_lib). The same bytes as before as long as _lib.m4
 * makes no text and does not use MSRGEN_OUTPUT, and a template uses nothing
 * of it before it includes it (docs/templates.md). If this run fails or says
 * anything, the templates run from the prelude alone and report what they would.
 * The state file's path, or NULL.
 */
static const char *preload(const struct template *lib, const char *tdir, const char *dir,
			   const struct strbuf *head, const struct strbuf *tail, void *vpaths)
{
	VEC(char *) *paths = vpaths;
	char *state = xasprintf("%s/lib.m4f", dir);
	struct m4_job j = { .t = lib, .freeze = state, .fd = { -1, -1 } };
	struct strbuf prelude = { 0 };
	struct stat st;
	bool ok;

	j.prelude = xasprintf("%s/prelude-lib.m4", dir);
	cleanup_add(j.prelude, false);
	cleanup_add(state, false);
	vec_push(paths, j.prelude);
	vec_push(paths, state);
	sb_putn(&prelude, head->s, head->len);
	sb_putn(&prelude, tail->s, tail->len);
	ok = write_all(j.prelude, prelude.s, prelude.len);
	sb_free(&prelude);
	if (ok) {
		m4_run_all(&j, 1, tdir);
		ok = !job_failed(&j) && !j.out.len && !j.err.len && !stat(state, &st) &&
		     st.st_size > 0;
	}
	sb_free(&j.out);
	sb_free(&j.err);
	return ok ? state : NULL;
}

/*
 * After preload(), the template's own m4_include([[_lib.m4]]) is left out: the
 * first m4_include puts the builtin back and, unless it is that one, calls it
 * (so that m4 names m4_include in its messages); a bare word stays text.
 */
static const char skip_lib[] =
	"m4_define([[_msrgen_include]], m4_defn([[m4_include]]))m4_dnl\n"
	"m4_define([[m4_include]], [[m4_define([[m4_include]], m4_defn([[_msrgen_include]]))"
	"m4_undefine([[_msrgen_include]])m4_ifelse([[$#]], [[0]], [[[[m4_include]]]], "
	"[[$#$1]], [[1_lib.m4]], [[]], [[m4_include($@)]])]])m4_dnl\n";

const char *render_templates_dir(void)
{
	const char *env = getenv("MSRGEN_TEMPLATES");

	return env && env[0] ? env : MSRGEN_TEMPLATE_DIR;
}

bool render_target(const struct model *m, const char *tmpl_root, const char *target,
		   struct outputs *out)
{
	VEC(struct template) list = { 0 };
	VEC(char *) paths = { 0 };
	struct strbuf model = { 0 }, all = { 0 }, head = { 0 }, tail = { 0 };
	struct record_spans spans = { 0 };
	struct m4_job *jobs = NULL;
	char *tdir = xasprintf("%s/%s", tmpl_root, target);
	const char *tmp = getenv("TMPDIR");
	char *tmpl = NULL;
	const char *state = NULL;	/* _lib.m4 read, see preload() */
	size_t i, njobs = 0;
	bool ok = true;
	struct stat st;

	if (stat(tdir, &st) || !S_ISDIR(st.st_mode)) {
		diag_plain(DIAG_ERROR, "unknown target '%s' (no folder %s)", target, tdir);
		free(tdir);
		return false;
	}
	if (!collect_templates(tdir, "", &list)) {
		ok = false;
		goto out;
	}
	sort_array(list.v, list.n, sizeof(*list.v), cmp_template);
	model_text(m, &model, &spans);
	sb_putn(&all, model.s, model.len);
	for (i = 0; i < list.n; i++) {
		sb_printf(&all, "%c%s%c", '\0', list.v[i].rel, '\0');
		sb_putn(&all, list.v[i].text, list.v[i].len);
	}
	sha256_hex(all.s, all.len, out->digest);

	tmpl = xasprintf("%s/msrgen.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(tmpl)) {
		diag_plain(DIAG_ERROR, "cannot make a temporary folder '%s': %s", tmpl,
			   strerror(errno));
		ok = false;
		goto out;
	}
	cleanup_add(tmpl, true);
	if (!model_files(&model, &spans, tmpl, &paths)) {
		ok = false;
		goto out;
	}
	prelude_text(&head, target);
	prelude_rest(&tail, target, tmpl);
	for (i = 0; i < list.n && !state; i++)
		if (!strcmp(list.v[i].rel, "_lib.m4"))
			state = preload(&list.v[i], tdir, tmpl, &head, &tail, &paths);

	jobs = xcalloc(list.n ? list.n : 1, sizeof(*jobs));
	for (i = 0; ok && i < list.n; i++) {
		struct template *t = &list.v[i];
		const char *base = strrchr(t->rel, '/');
		struct m4_job *j;
		struct strbuf prelude = { 0 };

		base = base ? base + 1 : t->rel;
		if (base[0] == '_')
			continue;	/* for m4_include only */
		j = &jobs[njobs++];
		j->t = t;
		j->state = state;
		j->fd[0] = j->fd[1] = -1;
		j->tpath = xasprintf("%s/%s", tdir, t->rel);
		j->outrel = xstrndup(t->rel, strlen(t->rel) - 3);
		j->prelude = xasprintf("%s/prelude-%zu.m4", tmpl, njobs - 1);
		cleanup_add(j->prelude, false);
		vec_push(&paths, j->prelude);
		if (!state)
			sb_putn(&prelude, head.s, head.len);
		sb_printf(&prelude, "m4_define([[MSRGEN_OUTPUT]], [[%s]])m4_dnl\n", j->outrel);
		if (!state)
			sb_putn(&prelude, tail.s, tail.len);
		else
			sb_puts(&prelude, skip_lib);
		if (!write_all(j->prelude, prelude.s, prelude.len)) {
			diag_plain(DIAG_ERROR, "cannot write '%s': %s", j->prelude,
				   strerror(errno));
			ok = false;
		}
		sb_free(&prelude);
	}
	if (ok)
		m4_run_all(jobs, njobs, tdir);
	/* report as a run of one template after the other would, up to the first failure */
	for (i = 0; ok && i < njobs; i++) {
		struct m4_job *j = &jobs[i];

		if (j->err.len) {
			fflush(stderr);
			if (write(STDERR_FILENO, j->err.s, j->err.len) < 0)
				(void)0;	/* nowhere to say so */
		}
		if (WIFEXITED(j->status) && WEXITSTATUS(j->status) == 127) {
			ok = false;
		} else if (job_failed(j)) {
			diag_plain(DIAG_ERROR, "m4 failed on template '%s'", j->tpath);
			ok = false;
		} else if (output_ok(&j->out, j->tpath)) {
			struct output o = { j->outrel, j->out.s, j->out.len };

			render_seal(o.text, o.len);

			vec_push(&out->files, o);
			j->outrel = NULL;
			j->out.s = NULL;
		} else {
			ok = false;
		}
	}
out:
	for (i = paths.n; i-- > 0;) {
		unlink(paths.v[i]);
		cleanup_forget(paths.v[i]);
		free(paths.v[i]);
	}
	free(paths.v);
	if (tmpl)
		rmdir(tmpl);
	cleanup_forget(tmpl);
	free(tmpl);
	for (i = 0; i < njobs; i++) {
		free(jobs[i].tpath);
		free(jobs[i].outrel);
		sb_free(&jobs[i].out);
		sb_free(&jobs[i].err);
	}
	free(jobs);
	for (i = 0; i < list.n; i++) {
		free(list.v[i].rel);
		free(list.v[i].text);
	}
	free(list.v);
	free(spans.v.v);
	sb_free(&model);
	sb_free(&all);
	sb_free(&head);
	sb_free(&tail);
	free(tdir);
	return ok;
}

static bool mkdirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	bool ok = true;

	for (s = p + 1; *s && ok; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		ok = !mkdir(p, 0755) || errno == EEXIST;
		*s = '/';
	}
	ok = ok && (!mkdir(p, 0755) || errno == EEXIST);
	free(p);
	return ok;
}

static bool same_content(const char *path, const struct output *o)
{
	size_t len;
	char *old = read_file(path, &len);
	bool same = old && len == o->len && !memcmp(old, o->text, len);

	free(old);
	return same;
}

/* Writes o to a new temporary file beside path; its name, or NULL after an error. */
static char *write_temp(const char *path, const struct output *o)
{
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	size_t done = 0;
	int fd;

	cleanup_add(tmp, false);
	fd = mkstemp(tmp);
	if (fd < 0) {
		diag_plain(DIAG_ERROR, "cannot create '%s': %s", tmp, strerror(errno));
		cleanup_forget(tmp);
		free(tmp);
		return NULL;
	}
	errno = 0;
	while (done < o->len) {
		ssize_t n = write(fd, o->text + done, o->len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done < o->len || fchmod(fd, 0644) || fsync(fd) || close(fd)) {
		diag_plain(DIAG_ERROR, "cannot write '%s': %s", path,
			   errno ? strerror(errno) : "short write");
		if (done < o->len)
			close(fd);
		unlink(tmp);
		cleanup_forget(tmp);
		free(tmp);
		return NULL;
	}
	return tmp;
}

static void sync_dir(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash)
		*slash = '\0';
	fd = open(slash ? (dir[0] ? dir : "/") : ".", O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/*
 * All or nothing, as far as a file system allows: every changed file is first
 * written in full to a temporary file beside it; only then are they renamed into
 * place, the old files kept as hard links until all renames have worked, so that
 * a failed rename puts back the ones before it. A file whose bytes did not change
 * is not touched.
 */
bool outputs_write(const struct outputs *out, const char *dir)
{
	size_t n = out->files.n, i, done;
	char **path = xcalloc(n, sizeof(*path)), **tmp = xcalloc(n, sizeof(*tmp));
	char **old = xcalloc(n, sizeof(*old));
	bool ok = true;

	errno = 0;
	for (i = 0; ok && i < n; i++) {
		const struct output *o = &out->files.v[i];
		char *slash;
		struct stat st;

		path[i] = xasprintf("%s/%s", dir, o->path);
		if (same_content(path[i], o))
			continue;	/* keep the old file and its time stamp */
		if (lstat(path[i], &st) == 0 && !S_ISREG(st.st_mode)) {
			diag_plain(DIAG_ERROR, "cannot replace '%s': not a regular file", path[i]);
			ok = false;
			break;
		}
		slash = strrchr(path[i], '/');
		*slash = '\0';
		if (!mkdirs(path[i])) {
			diag_plain(DIAG_ERROR, "cannot make folder '%s': %s", path[i],
				   strerror(errno));
			ok = false;
		}
		*slash = '/';
		if (ok)
			tmp[i] = write_temp(path[i], o);
		ok = ok && tmp[i];
	}
	/* keep each old file under a second name until every rename has worked */
	for (i = 0; ok && i < n; i++) {
		if (!tmp[i] || access(path[i], F_OK))
			continue;
		old[i] = xasprintf("%s.old.XXXXXX", path[i]);
		cleanup_add(old[i], false);
		{
			int fd = mkstemp(old[i]);

			if (fd >= 0)
				close(fd);
			if (fd < 0 || unlink(old[i]) || link(path[i], old[i])) {
				diag_plain(DIAG_ERROR, "cannot keep '%s' while it is replaced: %s",
					   path[i], strerror(errno));
				cleanup_forget(old[i]);
				free(old[i]);
				old[i] = NULL;
				ok = false;
			}
		}
	}
	for (done = 0; ok && done < n; done++) {
		if (tmp[done] && rename(tmp[done], path[done])) {
			diag_plain(DIAG_ERROR, "cannot rename '%s' to '%s': %s", tmp[done],
				   path[done], strerror(errno));
			ok = false;
			break;
		}
	}
	if (!ok) {
		/* put back what the renames before the failure replaced */
		for (i = 0; i < done; i++) {
			if (!tmp[i])
				continue;
			if (old[i] ? rename(old[i], path[i]) : unlink(path[i]))
				diag_plain(DIAG_ERROR, "cannot put back '%s': %s", path[i],
					   strerror(errno));
		}
	}
	for (i = 0; i < n; i++) {
		if (tmp[i] && (!ok && i >= done))
			unlink(tmp[i]);
		if (old[i])
			unlink(old[i]);
		if (tmp[i] && ok)
			sync_dir(path[i]);
		if (tmp[i])
			cleanup_forget(tmp[i]);
		if (old[i])
			cleanup_forget(old[i]);
		free(tmp[i]);
		free(old[i]);
		free(path[i]);
	}
	free(tmp);
	free(old);
	free(path);
	return ok;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether rel (a path below the output folder) is one of the outputs */
static bool is_output(const struct outputs *out, const char *rel)
{
	size_t i;

	for (i = 0; i < out->files.n; i++)
		if (!strcmp(out->files.v[i].path, rel))
			return true;
	return false;
}

/* Files below dir/rel that msrgen does not generate (dot files aside), sorted */
static void find_strays(const struct outputs *out, const char *dir, const char *rel,
			struct strbuf *list, size_t *n)
{
	char *path = rel[0] ? xasprintf("%s/%s", dir, rel) : xstrdup(dir);
	VEC(char *) names = { 0 };
	struct dirent *de;
	DIR *d = opendir(path);
	size_t i;

	while (d && (de = readdir(d))) {
		if (de->d_name[0] != '.')
			vec_push(&names, xstrdup(de->d_name));
	}
	if (d)
		closedir(d);
	sort_array(names.v, names.n, sizeof(*names.v), cmp_name);
	for (i = 0; i < names.n; i++) {
		char *sub = rel[0] ? xasprintf("%s/%s", rel, names.v[i]) : xstrdup(names.v[i]);
		char *full = xasprintf("%s/%s", dir, sub);
		struct stat st;

		if (!lstat(full, &st) && S_ISDIR(st.st_mode)) {
			find_strays(out, dir, sub, list, n);
		} else if (!is_output(out, sub)) {
			sb_printf(list, "%s\n", full);
			++*n;
		}
		free(full);
		free(sub);
		free(names.v[i]);
	}
	free(names.v);
	free(path);
}

int outputs_check(const struct outputs *out, const char *dir)
{
	struct strbuf strays = { 0 };
	size_t i, nstrays = 0;
	int result = 0;
	bool piped = false;	/* stdout was closed (check | head): no more diffs */

	for (i = 0; i < out->files.n; i++) {
		const struct output *o = &out->files.v[i];
		char *path = xasprintf("%s/%s", dir, o->path);
		char tmp[] = "/tmp/msrgen-check.XXXXXX";
		char *la, *lb, *old;
		size_t oldlen;
		int fd, status;
		pid_t pid;

		if (same_content(path, o)) {
			free(path);
			continue;
		}
		result = 1;
		old = read_file(path, &oldlen);
		if (old && !render_digest_ok(old, oldlen))
			diag_plain(DIAG_NOTE, "'%s' was edited by hand: its digest is not that of "
				   "its contents", path);
		free(old);
		if (piped) {
			free(path);
			continue;
		}
		fd = mkstemp(tmp);
		if (fd < 0 || write(fd, o->text, o->len) != (ssize_t)o->len) {
			diag_plain(DIAG_ERROR, "cannot write '%s': %s", tmp, strerror(errno));
			free(path);
			return 2;
		}
		close(fd);
		la = xasprintf("a/%s", o->path);
		lb = xasprintf("b/%s", o->path);
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			signal(SIGPIPE, SIG_DFL);
			execlp("diff", "diff", "-u", "--label", la, "--label", lb,
			       access(path, F_OK) ? "/dev/null" : path, tmp, (char *)NULL);
			_exit(127);
		}
		while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (pid > 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE)
			piped = true;	/* the reader has seen enough; the answer is 1 */
		else if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) > 1) {
			diag_plain(DIAG_ERROR, "'%s' differs and diff could not show how", path);
			result = 2;
		}
		unlink(tmp);
		free(la);
		free(lb);
		free(path);
		if (result == 2)
			return 2;
	}
	find_strays(out, dir, "", &strays, &nstrays);
	if (nstrays) {
		const char *p = strays.s, *nl;
		size_t shown = 0;

		for (; (nl = strchr(p, '\n')) && shown < 10; p = nl + 1, shown++)
			diag_plain(DIAG_ERROR, "'%.*s' is not a file msrgen generates for this target (remove it)",
				   (int)(nl - p), p);
		if (nstrays > shown)
			diag_plain(DIAG_ERROR, "and %zu more files msrgen does not generate",
				   nstrays - shown);
		result = 1;
	}
	sb_free(&strays);
	return result;
}

void outputs_free(struct outputs *out)
{
	size_t i;

	for (i = 0; i < out->files.n; i++) {
		free(out->files.v[i].path);
		free(out->files.v[i].text);
	}
	free(out->files.v);
	out->files.v = NULL;
	out->files.n = out->files.cap = 0;
}

void cleanup_tree_add(char *path)
{
	cleanup_add(path, 2);
}

void cleanup_tree_forget(const char *path)
{
	cleanup_forget(path);
}
