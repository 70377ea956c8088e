// SPDX-License-Identifier: GPL-2.0
/*
 * From the checked model to files: the model becomes one m4 record per line,
 * GNU m4 renders each template of the target against it, and the results are
 * written all at once (temporary files renamed into place) or not at all.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "msrgen.h"

/*
 * Temporary files and folders to remove if a signal ends msrgen (SIGINT, SIGTERM,
 * SIGHUP): the handler unlinks and rmdirs them, then dies of the signal. SIGKILL
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

		if (p && (cleanup_dir[i] ? rmdir(p) : unlink(p)) == 0)
			cleanup_paths[i] = NULL;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void cleanup_signals(void)
{
	static bool done;
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	size_t i;

	if (done)
		return;
	done = true;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], on_signal);
	/* a full file-size limit is an error to clean up after, not a death */
	signal(SIGXFSZ, SIG_IGN);
}

/* Removes path if a signal ends msrgen; until cleanup_forget(path). Dirs last. */
static void cleanup_add(char *path, bool dir)
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

static void handle_record(struct strbuf *sb, const struct model *m, const struct reg *r,
			  size_t pi, int k)
{
	const struct platform *p = &m->platforms.v[pi];
	const struct handling *h = &r->decl->handling[pi * 2 + k];
	const struct ast_handling *a = h->ast;
	size_t i;

	sb_puts(sb, "MSRGEN_HANDLE(");
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

void render_model_text(const struct model *m, struct strbuf *sb)
{
	static const char *const kinds[] = { "single", "array", "indexed" };
	size_t i, j, k, pi;

	sb_puts(sb, "");
	for (i = 0; i < m->platforms.n; i++) {
		const struct platform *p = &m->platforms.v[i];

		sb_puts(sb, "MSRGEN_PLATFORM(");
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

		sb_puts(sb, "MSRGEN_DECL(");
		q(sb, d->did);
		sb_puts(sb, ", ");
		q(sb, d->name);
		sb_printf(sb, ", [[%s]], [[0x%08llx]], [[%llu]], [[%llu]], ", kinds[a->kind],
			  (unsigned long long)a->addr.v, (unsigned long long)a->count.v,
			  (unsigned long long)a->stride.v);
		q(sb, a->kind == MSR_INDEXED ? a->param.name : "");
		sb_printf(sb, ", [[%s]], [[", access_name(d->access));
		vendors_text(sb, d->vendors);
		sb_puts(sb, "]], ");
		q(sb, d->requires);
		sb_printf(sb, ", [[%d]], ", d->ns);
		qq(sb, d->doc);
		sb_puts(sb, ")m4_dnl\n");
		for (j = 0; j < d->aliases.n; j++) {
			sb_puts(sb, "MSRGEN_ALIAS(");
			q(sb, d->did);
			sb_puts(sb, ", ");
			q(sb, d->aliases.v[j]->name.name);
			sb_puts(sb, ", [[");
			vendors_text(sb, &d->aliases.v[j]->vendors);
			sb_puts(sb, "]])m4_dnl\n");
		}
		for (j = 0; j < d->fields.n; j++) {
			const struct ast_field *f = d->fields.v[j];

			sb_puts(sb, "MSRGEN_FIELD(");
			q(sb, d->did);
			sb_puts(sb, ", ");
			q(sb, f->name.name);
			sb_printf(sb, ", [[%llu]], [[%llu]], [[%s]], ",
				  (unsigned long long)f->hi.v, (unsigned long long)f->lo.v,
				  access_name(f->access ? f->access : d->access));
			qq(sb, f->doc);
			sb_puts(sb, ")m4_dnl\n");
			for (k = 0; k < f->values.n; k++) {
				sb_puts(sb, "MSRGEN_VALUE(");
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
			sb_puts(sb, "MSRGEN_RESERVED(");
			q(sb, d->did);
			sb_printf(sb, ", [[%llu]], [[%llu]])m4_dnl\n",
				  (unsigned long long)d->reserved.v[j]->hi.v,
				  (unsigned long long)d->reserved.v[j]->lo.v);
		}
		for (j = 0; j < d->regs.n; j++) {
			const struct reg *r = &m->regs.v[d->regs.v[j]];

			sb_puts(sb, "MSRGEN_MSR(");
			q(sb, r->id);
			sb_puts(sb, ", ");
			q(sb, r->macro);
			sb_printf(sb, ", [[0x%08x]], ", r->addr);
			q(sb, d->did);
			sb_printf(sb, ", [[%llu]], [[%s]], [[", (unsigned long long)r->index,
				  access_name(d->access));
			vendors_text(sb, d->vendors);
			sb_puts(sb, "]], ");
			q(sb, d->requires);
			sb_printf(sb, ", [[%d]], ", d->ns);
			qq(sb, d->doc);
			sb_puts(sb, ")m4_dnl\n");
			for (pi = 0; pi < m->platforms.n; pi++)
				for (k = 0; k < 2; k++)
					if (d->access & (1 << k))
						handle_record(sb, m, r, pi, (int)k);
		}
	}
	for (i = 0; i < m->hypervisors.n; i++) {
		const struct hypervisor *h = &m->hypervisors.v[i];

		sb_puts(sb, "MSRGEN_HYPERVISOR(");
		q(sb, h->name);
		sb_puts(sb, ", ");
		q(sb, h->platform ? h->platform->name : "");
		sb_puts(sb, ", ");
		qq(sb, h->ast->doc);
		sb_puts(sb, ")m4_dnl\n");
		for (k = 0; k < 2; k++) {
			sb_puts(sb, "MSRGEN_HVDEFAULT(");
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
				sb_puts(sb, "MSRGEN_HV(");
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

static const char *const record_names[] = {
	"MSRGEN_PLATFORM", "MSRGEN_DECL", "MSRGEN_ALIAS", "MSRGEN_FIELD", "MSRGEN_VALUE",
	"MSRGEN_RESERVED", "MSRGEN_MSR", "MSRGEN_HANDLE", "MSRGEN_HYPERVISOR",
	"MSRGEN_HVDEFAULT", "MSRGEN_HV",
};

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

static void banner(struct strbuf *sb, const char *name, const char *lead, const char *first,
		   const char *last, const char *target, const char *digest)
{
	sb_printf(sb, "m4_define([[%s]], [[%s", name, first);
	sb_printf(sb, "%sGenerated by msrgen %s for %s from inputs with digest\n", lead,
		  MSRGEN_VERSION, target);
	sb_printf(sb, "%ssha256:%s\n", lead, digest);
	sb_printf(sb, "%sDo not edit: change the .msr tables or the templates and regenerate.\n",
		  lead);
	sb_printf(sb, "%s]])m4_dnl\n", last);
}

/* Runs m4 on prelude and template; its output into out, its errors to stderr. */
static bool run_m4(const char *tdir, const char *prelude, const char *rel,
		   struct strbuf *out, const char *tpath)
{
	const char *m4 = getenv("MSRGEN_M4");
	int pipefd[2];
	pid_t pid;
	int status;
	char buf[65536];
	ssize_t n;

	if (!m4 || !m4[0])
		m4 = "m4";
	if (pipe(pipefd))
		die("pipe: %s", strerror(errno));
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		/* msrgen's signal handling is not m4's; nor is the caller's m4 set-up:
		 * M4PATH could find files elsewhere, POSIXLY_CORRECT change m4 */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGXFSZ, SIG_DFL);
		unsetenv("M4PATH");
		unsetenv("POSIXLY_CORRECT");
		dup2(pipefd[1], 1);
		close(pipefd[0]);
		close(pipefd[1]);
		if (chdir(tdir)) {
			fprintf(stderr, "msrgen: error: cannot enter '%s': %s\n", tdir,
				strerror(errno));
			_exit(127);
		}
		setenv("LC_ALL", "C", 1);
		execlp(m4, m4, "-P", "--fatal-warnings", prelude, rel, (char *)NULL);
		fprintf(stderr, "msrgen: error: cannot run %s: %s%s\n", m4, strerror(errno),
			errno == ENOENT ? " (install GNU m4: apt-get install m4)" : "");
		_exit(127);
	}
	close(pipefd[1]);
	while ((n = read(pipefd[0], buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("read from m4: %s", strerror(errno));
		}
		sb_putn(out, buf, (size_t)n);
	}
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die("waitpid: %s", strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return false;
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		diag_plain(DIAG_ERROR, "m4 failed on template '%s'", tpath);
		return false;
	}
	return true;
}

/* What every generated file must be: SPDX first, then the banner. */
static bool output_ok(const struct strbuf *sb, const char *tpath, const char *digest)
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
	if (!strstr(sb->s, digest)) {
		diag_plain(DIAG_ERROR, "template '%s' does not expand MSRGEN_BANNER_*", tpath);
		return false;
	}
	return true;
}

bool render_target(const struct model *m, const char *tmpl_root, const char *target,
		   struct outputs *out)
{
	VEC(struct template) list = { 0 };
	struct strbuf model = { 0 }, all = { 0 }, prelude = { 0 };
	char *tdir = xasprintf("%s/%s", tmpl_root, target);
	char tmpdir[] = "/tmp/msrgen.XXXXXX";
	char *model_path = NULL, *prelude_path = NULL;
	char digest[65];
	const char *tmp = getenv("TMPDIR");
	char *tmpl = NULL;
	size_t i;
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
	render_model_text(m, &model);
	sb_putn(&all, model.s, model.len);
	for (i = 0; i < list.n; i++) {
		sb_printf(&all, "%c%s%c", '\0', list.v[i].rel, '\0');
		sb_putn(&all, list.v[i].text, list.v[i].len);
	}
	sha256_hex(all.s, all.len, digest);

	tmpl = xasprintf("%s/msrgen.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(tmpl)) {
		diag_plain(DIAG_ERROR, "cannot make a temporary folder '%s': %s", tmpl,
			   strerror(errno));
		ok = false;
		goto out;
	}
	(void)tmpdir;
	cleanup_add(tmpl, true);
	model_path = xasprintf("%s/model.m4", tmpl);
	prelude_path = xasprintf("%s/prelude.m4", tmpl);
	cleanup_add(model_path, false);
	cleanup_add(prelude_path, false);
	if (!write_all(model_path, model.s, model.len)) {
		diag_plain(DIAG_ERROR, "cannot write '%s': %s", model_path, strerror(errno));
		ok = false;
		goto out;
	}

	for (i = 0; ok && i < list.n; i++) {
		struct template *t = &list.v[i];
		struct strbuf text = { 0 };
		char *outrel, *tpath = xasprintf("%s/%s", tdir, t->rel);
		const char *base = strrchr(t->rel, '/');

		base = base ? base + 1 : t->rel;
		if (base[0] == '_') {
			free(tpath);
			continue;	/* for m4_include only */
		}
		outrel = xstrndup(t->rel, strlen(t->rel) - 3);
		sb_free(&prelude);
		sb_puts(&prelude, "m4_changequote([[,]])m4_dnl\nm4_changecom()m4_dnl\n");
		sb_printf(&prelude, "m4_define([[MSRGEN_VERSION]], [[%s]])m4_dnl\n", MSRGEN_VERSION);
		sb_printf(&prelude, "m4_define([[MSRGEN_DIGEST]], [[sha256:%s]])m4_dnl\n", digest);
		sb_printf(&prelude, "m4_define([[MSRGEN_TARGET]], [[%s]])m4_dnl\n", target);
		sb_printf(&prelude, "m4_define([[MSRGEN_OUTPUT]], [[%s]])m4_dnl\n", outrel);
		banner(&prelude, "MSRGEN_BANNER_C", " * ", "/*\n", " */\n", target, digest);
		banner(&prelude, "MSRGEN_BANNER_HASH", "# ", "", "", target, digest);
		banner(&prelude, "MSRGEN_BANNER_RST", "   ", "..\n", "\n", target, digest);
		for (size_t r = 0; r < sizeof(record_names) / sizeof(record_names[0]); r++)
			sb_printf(&prelude, "m4_define([[%s]], [[]])m4_dnl\n", record_names[r]);
		sb_printf(&prelude, "m4_define([[MSRGEN_MODEL]], [[m4_include([[%s]])]])m4_dnl\n",
			  model_path);
		sb_puts(&prelude, "m4_define([[MSRGEN_FAIL]], [[m4_errprint(m4___file__:m4___line__: error: $1\n)m4_m4exit(1)]])m4_dnl\n");
		if (!write_all(prelude_path, prelude.s, prelude.len)) {
			diag_plain(DIAG_ERROR, "cannot write '%s': %s", prelude_path,
				   strerror(errno));
			ok = false;
		} else if (!run_m4(tdir, prelude_path, t->rel, &text, tpath) ||
			   !output_ok(&text, tpath, digest)) {
			ok = false;
		}
		if (ok) {
			struct output o = { outrel, text.s, text.len };

			vec_push(&out->files, o);
		} else {
			free(outrel);
			sb_free(&text);
		}
		free(tpath);
	}
out:
	if (prelude_path)
		unlink(prelude_path);
	if (model_path)
		unlink(model_path);
	if (tmpl)
		rmdir(tmpl);
	cleanup_forget(prelude_path);
	cleanup_forget(model_path);
	cleanup_forget(tmpl);
	free(tmpl);
	free(prelude_path);
	free(model_path);
	for (i = 0; i < list.n; i++) {
		free(list.v[i].rel);
		free(list.v[i].text);
	}
	free(list.v);
	sb_free(&model);
	sb_free(&all);
	sb_free(&prelude);
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

int outputs_check(const struct outputs *out, const char *dir)
{
	size_t i;
	int result = 0;

	for (i = 0; i < out->files.n; i++) {
		const struct output *o = &out->files.v[i];
		char *path = xasprintf("%s/%s", dir, o->path);
		char tmp[] = "/tmp/msrgen-check.XXXXXX";
		char *la, *lb;
		int fd, status;
		pid_t pid;

		if (same_content(path, o)) {
			free(path);
			continue;
		}
		result = 1;
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
			execlp("diff", "diff", "-u", "--label", la, "--label", lb,
			       access(path, F_OK) ? "/dev/null" : path, tmp, (char *)NULL);
			_exit(127);
		}
		while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) > 1) {
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
