// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

static char *read_fd(int fd)
{
	struct strbuf sb = { 0 };
	char buf[4096];
	ssize_t n;

	sb_puts(&sb, "");
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		sb_putn(&sb, buf, (size_t)n);
	return sb.s;
}

extern char **environ;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct run run_msrgen_opts(const struct run_opts *o, const char *const *argv)
{
	struct run r = { 0 };
	char outp[] = "/tmp/msrgen-test-out.XXXXXX", errp[] = "/tmp/msrgen-test-err.XXXXXX";
	int ofd = mkstemp(outp), efd = mkstemp(errp), status;
	struct rusage ru;
	double t0 = now();
	pid_t pid;
	size_t n = 0;
	const char **args;

	unlink(outp);
	unlink(errp);
	while (argv[n])
		n++;
	args = xcalloc(n + 2, sizeof(*args));
	args[0] = MSRGEN_BIN;
	memcpy(args + 1, argv, n * sizeof(*args));
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);	/* a signal reaches msrgen and its m4 */
		dup2(ofd, 1);
		dup2(efd, 2);
		umask(o->umask ? o->umask : 022);
		if (o->fsize) {
			struct rlimit rl = { o->fsize, o->fsize };

			setrlimit(RLIMIT_FSIZE, &rl);
		}
		if (o->dir && chdir(o->dir))
			_exit(126);
		execve(MSRGEN_BIN, (char *const *)args, o->env ? o->env : environ);
		_exit(127);
	}
	if (o->kill_after_ms > 0) {
		usleep((useconds_t)o->kill_after_ms * 1000);
		kill(-pid, o->kill_sig ? o->kill_sig : SIGTERM);
	}
	wait4(pid, &status, 0, &ru);
	r.secs = now() - t0;
	r.maxrss_kb = ru.ru_maxrss;
	r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	lseek(ofd, 0, SEEK_SET);
	lseek(efd, 0, SEEK_SET);
	r.out = read_fd(ofd);
	r.err = read_fd(efd);
	close(ofd);
	close(efd);
	free(args);
	return r;
}

struct run run_msrgen(const char *dir, const char *const *argv)
{
	const struct run_opts o = { .dir = dir };

	return run_msrgen_opts(&o, argv);
}

void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

char *slurp(const char *path)
{
	size_t len;

	return read_file(path, &len);
}

void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f))
		die("cannot write %s: %s", path, strerror(errno));
}

char *make_tempdir(void)
{
	char *p = xstrdup("/tmp/msrgen-test.XXXXXX");

	if (!mkdtemp(p))
		die("mkdtemp: %s", strerror(errno));
	return p;
}

void remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;

	if (!d) {
		unlink(path);
		return;
	}
	while ((de = readdir(d))) {
		char *p;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		p = xasprintf("%s/%s", path, de->d_name);
		remove_tree(p);
		free(p);
	}
	closedir(d);
	rmdir(path);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void snapshot(const char *root, const char *rel, struct strbuf *sb)
{
	char *path = rel[0] ? xasprintf("%s/%s", root, rel) : xstrdup(root);
	DIR *d = opendir(path);
	struct dirent *de;
	VEC(char *) names = { 0 };
	size_t i;

	if (!d) {
		char *text = slurp(path);

		sb_printf(sb, "== %s\n%s", rel, text ? text : "(unreadable)\n");
		free(text);
		free(path);
		return;
	}
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			vec_push(&names, xstrdup(de->d_name));
	closedir(d);
	sort_array(names.v, names.n, sizeof(*names.v), cmp_str);
	for (i = 0; i < names.n; i++) {
		char *r = rel[0] ? xasprintf("%s/%s", rel, names.v[i]) : xstrdup(names.v[i]);

		snapshot(root, r, sb);
		free(r);
		free(names.v[i]);
	}
	free(names.v);
	free(path);
}

char *tree_snapshot(const char *dir)
{
	struct strbuf sb = { 0 };

	sb_puts(&sb, "");
	snapshot(dir, "", &sb);
	return sb.s;
}

int model_from(struct ast *ast, struct model *m, const char *text)
{
	memset(ast, 0, sizeof(*ast));
	diag_reset();
	parse_string(ast, "test.msr", text);
	if (diag_errors())
		return diag_errors();
	checks_build(m, ast);
	return diag_errors();
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t list_msr_files(const char *dir, const char **out, size_t max)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	while (d && (de = readdir(d)) && n < max) {
		size_t len = strlen(de->d_name);

		if (len > 4 && !strcmp(de->d_name + len - 4, ".msr"))
			out[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	if (d)
		closedir(d);
	qsort(out, n, sizeof(*out), cmp_cstr);
	return n;
}

int run_sh(const char *fmt, ...)
{
	struct strbuf sb = { 0 };
	va_list ap;
	int rc;

	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	rc = system(sb.s);
	if (rc)
		fprintf(stderr, "testutil: '%s' failed (%d)\n", sb.s, rc);
	sb_free(&sb);
	return rc;
}

int git_am_series(const char *tree, const char *series, int patches)
{
	return run_sh("cd '%s' && export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null "
		      "HOME='%s' GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t "
		      "GIT_COMMITTER_EMAIL=t@t && git init -q && git add -A && "
		      "git commit -q -m base && "
		      "git am -q $(ls '%s'/0*.patch | grep -v /0000-cover-letter.patch) && "
		      "test $(git rev-list --count HEAD) = %d && rm -rf .git",
		      tree, tree, series, patches + 1);
}
