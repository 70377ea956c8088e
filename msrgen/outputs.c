// SPDX-License-Identifier: GPL-2.0
/*
 * The output of generate, install and patch: written all at once
 * (temporary files renamed into place, the folder synced) or not at all,
 * and compared with a folder for check.
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

struct dirs {
	char **v;
	size_t n, cap;
};

/* One folder of a path, made if missing; what it made is pushed onto made */
static bool mkdir_one(const char *p, struct dirs *made)
{
	if (!mkdir(p, 0755)) {
		vec_push(made, xstrdup(p));
		return true;
	}
	return errno == EEXIST;
}

/* dir and the folders above it; those it made are pushed onto made, so that a
   failed write can take them away again */
static bool mkdirs(const char *dir, struct dirs *made)
{
	char *p = xstrdup(dir), *s;
	bool ok = true;

	for (s = p + 1; *s && ok; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		ok = mkdir_one(p, made);
		*s = '/';
	}
	ok = ok && mkdir_one(p, made);
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
	struct dirs made = { 0 };

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
		if (!mkdirs(path[i], &made)) {
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
	/* and the folders made for them, the deepest first */
	for (i = made.n; i-- > 0;) {
		if (!ok)
			rmdir(made.v[i]);
		free(made.v[i]);
	}
	free(made.v);
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
		{
			struct stat st;

			if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
				diag_plain(DIAG_ERROR, "'%s' is not a regular file, where msrgen generates one",
					   path);
				free(path);
				continue;
			}
		}
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
