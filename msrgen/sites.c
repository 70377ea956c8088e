// SPDX-License-Identifier: GPL-2.0
/*
 * Where a kernel accesses MSRs. Two sources: a listing of a source tree made by
 * tools/scan-msr-sites (NAME, FILE:LINE, read|write, safe|plain per line), or the
 * .msr_sites section the generated accessors leave in a built kernel. That section
 * is not allocated (it is not part of the loaded image); each record is the site's
 * address (8 bytes in ELFCLASS64, 4 in ELFCLASS32, little-endian), the MSR as a
 * u32 (0xffffffff if not a constant), a flags byte (SITE_*) and 3 zero bytes.
 * Addresses become FILE:LINE through one batch run of binutils' addr2line.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "msrgen.h"

static int cmp_site(const void *x, const void *y)
{
	const struct site *a = x, *b = y;
	int c;

	if (a->msr != b->msr)
		return a->msr < b->msr ? -1 : 1;
	c = strcmp(a->where, b->where);
	if (c)
		return c;
	if (a->addr != b->addr)
		return a->addr < b->addr ? -1 : 1;
	return (int)a->flags - (int)b->flags;
}

void sites_free(struct sites *s)
{
	size_t i;

	for (i = 0; i < s->v.n; i++)
		free(s->v.v[i].where);
	free(s->v.v);
	free(s->origin);
	memset(s, 0, sizeof(*s));
}

/* The address a name of the tables stands for: a register, its declaration, an alias */
static bool name_addr(const struct model *m, const char *name, uint32_t *addr)
{
	const struct decl *d = model_find_decl(m, name);
	const struct reg *r;
	size_t i, j;

	if (d && d->regs.n == 1) {
		*addr = m->regs.v[d->regs.v[0]].addr;
		return true;
	}
	r = model_find_reg_macro(m, name);
	if (r) {
		*addr = r->addr;
		return true;
	}
	for (i = 0; i < m->decls.n; i++) {
		d = m->decls.v[i];
		for (j = 0; d->ast->kind == MSR_SINGLE && j < d->aliases.n; j++)
			if (!strcmp(d->aliases.v[j]->name.name, name)) {
				*addr = (uint32_t)d->ast->addr.v;
				return true;
			}
	}
	return false;
}

bool sites_load_scan(struct sites *s, const struct model *m, const char *path)
{
	size_t len, lineno = 0;
	char *text = read_file_max(path, MAX_SOURCE, &len), *line, *next;

	memset(s, 0, sizeof(*s));
	if (!text) {
		diag_plain(DIAG_ERROR, "%s: %s", path, strerror(errno));
		return false;
	}
	s->origin = xasprintf("source scan %s", path);
	for (line = text; line < text + len; line = next) {
		char *f[4], *p = line;
		struct site st = { 0 };
		int n = 0;

		next = memchr(line, '\n', (size_t)(text + len - line));
		next = next ? next + 1 : text + len;
		lineno++;
		if (next > line && next[-1] == '\n')
			next[-1] = '\0';
		if (!*line || *line == '#')
			continue;
		while (n < 4) {
			f[n++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		if (n != 4 || p || (strcmp(f[2], "read") && strcmp(f[2], "write")) ||
		    (strcmp(f[3], "safe") && strcmp(f[3], "plain"))) {
			diag_plain(DIAG_ERROR, "%s:%zu: not NAME<TAB>FILE:LINE<TAB>read|write<TAB>safe|plain",
				   path, lineno);
			free(text);
			sites_free(s);
			return false;
		}
		if (!name_addr(m, f[0], &st.msr)) {
			s->unknown++;
			continue;
		}
		st.flags = (!strcmp(f[2], "write") ? SITE_WRITE : 0) |
			   (!strcmp(f[3], "safe") ? SITE_SAFE : 0);
		st.where = xstrdup(f[1]);
		vec_push(&s->v, st);
	}
	free(text);
	sort_array(s->v.v, s->v.n, sizeof(*s->v.v), cmp_site);
	return true;
}

/* --- ELF ------------------------------------------------------------------ */

static uint64_t le(const unsigned char *p, int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

struct elf {
	const unsigned char *b;
	size_t size;
	bool is64;
};

/* Section i's header fields we use; false if it lies outside the file */
static bool shdr(const struct elf *e, uint64_t shoff, uint64_t entsize, uint64_t i,
		 uint64_t *name, uint64_t *type, uint64_t *off, uint64_t *size, uint64_t *link)
{
	uint64_t at = shoff + i * entsize;
	const unsigned char *p;

	if (shoff > e->size || i > (e->size - shoff) / entsize ||
	    entsize > e->size - at)
		return false;
	p = e->b + at;
	if (e->is64) {
		*name = le(p + offsetof(Elf64_Shdr, sh_name), 4);
		*type = le(p + offsetof(Elf64_Shdr, sh_type), 4);
		*off = le(p + offsetof(Elf64_Shdr, sh_offset), 8);
		*size = le(p + offsetof(Elf64_Shdr, sh_size), 8);
		*link = le(p + offsetof(Elf64_Shdr, sh_link), 4);
	} else {
		*name = le(p + offsetof(Elf32_Shdr, sh_name), 4);
		*type = le(p + offsetof(Elf32_Shdr, sh_type), 4);
		*off = le(p + offsetof(Elf32_Shdr, sh_offset), 4);
		*size = le(p + offsetof(Elf32_Shdr, sh_size), 4);
		*link = le(p + offsetof(Elf32_Shdr, sh_link), 4);
	}
	return true;
}

/* Finds .msr_sites; NULL with *why set if the file is not a usable ELF file */
static const unsigned char *find_section(const struct elf *e, uint64_t *len, const char **why)
{
	const unsigned char *h = e->b;
	uint64_t shoff, entsize, shnum, shstrndx, name, type, off, size, link, i;
	uint64_t str_off, str_size;

	if (e->size < EI_NIDENT || memcmp(h, ELFMAG, SELFMAG)) {
		*why = "not an ELF file";
		return NULL;
	}
	if (h[EI_CLASS] != ELFCLASS64 && h[EI_CLASS] != ELFCLASS32) {
		*why = "unknown ELF class";
		return NULL;
	}
	if (h[EI_DATA] != ELFDATA2LSB) {
		*why = "not a little-endian ELF file";
		return NULL;
	}
	((struct elf *)e)->is64 = h[EI_CLASS] == ELFCLASS64;
	if (e->size < (e->is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr))) {
		*why = "truncated ELF header";
		return NULL;
	}
	if (e->is64) {
		shoff = le(h + offsetof(Elf64_Ehdr, e_shoff), 8);
		entsize = le(h + offsetof(Elf64_Ehdr, e_shentsize), 2);
		shnum = le(h + offsetof(Elf64_Ehdr, e_shnum), 2);
		shstrndx = le(h + offsetof(Elf64_Ehdr, e_shstrndx), 2);
	} else {
		shoff = le(h + offsetof(Elf32_Ehdr, e_shoff), 4);
		entsize = le(h + offsetof(Elf32_Ehdr, e_shentsize), 2);
		shnum = le(h + offsetof(Elf32_Ehdr, e_shnum), 2);
		shstrndx = le(h + offsetof(Elf32_Ehdr, e_shstrndx), 2);
	}
	if (entsize < (e->is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr)) ||
	    !shdr(e, shoff, entsize, 0, &name, &type, &off, &size, &link)) {
		*why = "no section headers";
		return NULL;
	}
	if (shnum == 0)		/* more than SHN_LORESERVE sections */
		shnum = size;
	if (shstrndx == SHN_XINDEX)
		shstrndx = link;
	if (!shdr(e, shoff, entsize, shstrndx, &name, &type, &str_off, &str_size, &link) ||
	    str_off > e->size || str_size > e->size - str_off) {
		*why = "bad section name table";
		return NULL;
	}
	for (i = 1; i < shnum; i++) {
		if (!shdr(e, shoff, entsize, i, &name, &type, &off, &size, &link)) {
			*why = "section headers beyond the end of the file";
			return NULL;
		}
		if (name >= str_size || strnlen((const char *)e->b + str_off + name,
						 str_size - name) == str_size - name)
			continue;
		if (strcmp((const char *)e->b + str_off + name, ".msr_sites"))
			continue;
		if (type == SHT_NOBITS || off > e->size || size > e->size - off) {
			*why = ".msr_sites lies outside the file";
			return NULL;
		}
		*len = size;
		return e->b + off;
	}
	*why = "no .msr_sites section (not built with msrgen's accessors?)";
	return NULL;
}

/*
 * Drops the folder all absolute FILE:LINEs of s start with (the tree the
 * image was built in), so that the places read as in the source tree.
 */
static void strip_common_folder(struct sites *s)
{
	size_t i, n = 0;
	const char *first = NULL;

	for (i = 0; i < s->v.n; i++) {
		const char *w = s->v.v[i].where;
		size_t j;

		if (w[0] != '/')
			continue;
		if (!first) {
			first = w;
			n = strlen(w);
			continue;
		}
		for (j = 0; j < n && w[j] == first[j]; j++)
			;
		n = j;
	}
	while (n > 0 && first[n - 1] != '/')
		n--;
	for (i = 0; n > 1 && i < s->v.n; i++)
		if (s->v.v[i].where[0] == '/')
			memmove(s->v.v[i].where, s->v.v[i].where + n, strlen(s->v.v[i].where + n) + 1);
}

/* "DIR/./FILE:LINE" (a kernel's build paths) as FILE:LINE */
static const char *short_path(const char *loc)
{
	const char *p = loc, *q;

	while ((q = strstr(p, "/./")))
		p = q + 3;
	return p;
}

/* Whether FILE:LINE names a header (FILE ends in .h) */
static bool in_header(const char *loc)
{
	const char *colon = strrchr(loc, ':');
	size_t n = colon ? (size_t)(colon - loc) : strlen(loc);

	return n >= 2 && loc[n - 2] == '.' && loc[n - 1] == 'h';
}

/* One site's frames, innermost first: where it is, in the terms of its source */
struct frames {
	char *c;	/* the innermost FILE:LINE outside a header */
	char *outer;	/* the outermost known FILE:LINE */
	char *fn;	/* the innermost function */
};

static void frames_add(struct frames *f, const char *fn, const char *loc)
{
	if (!f->fn && strcmp(fn, "??"))
		f->fn = xstrdup(fn);
	if (!strncmp(loc, "??", 2))
		return;
	free(f->outer);
	f->outer = xstrdup(short_path(loc));
	if (!f->c && !in_header(loc))
		f->c = xstrdup(short_path(loc));
}

/* The site's place: the access as its C file has it (an accessor is inlined from a
 * header), else the outermost line known, else the function, else ??:0 */
static char *frames_where(struct frames *f)
{
	char *w = xstrdup(f->c ? f->c : f->outer ? f->outer : f->fn ? f->fn : "??:0");

	free(f->c);
	free(f->outer);
	free(f->fn);
	memset(f, 0, sizeof(*f));
	return w;
}

/*
 * Runs addr2line -a -f -i -e path once over every address: per site its
 * FILE:LINE, the first outside a header of its chain of inlined calls, or
 * where the image has no line table its function's name (a kernel built
 * without debug info), or "??:0".
 */
static bool addr2line(struct sites *s, const char *path)
{
	const char *tool = getenv("MSRGEN_ADDR2LINE");
	FILE *in = tmpfile(), *out;
	int fd[2], status;
	size_t i, n = 0, k = 0, cap = 0;
	char *line = NULL, *fn = NULL;
	struct frames fr = { 0 };
	bool open = false;
	ssize_t got;
	pid_t pid;

	if (!tool || !*tool)
		tool = "addr2line";
	if (!in || pipe(fd)) {
		diag_plain(DIAG_ERROR, "addr2line: %s", strerror(errno));
		if (in)
			fclose(in);
		return false;
	}
	for (i = 0; i < s->v.n; i++)
		fprintf(in, "0x%llx\n", (unsigned long long)s->v.v[i].addr);
	fflush(in);
	rewind(in);
	pid = fork();
	if (pid == 0) {
		dup2(fileno(in), 0);
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execlp(tool, tool, "-a", "-f", "-i", "-e", path, (char *)NULL);
		fprintf(stderr, "msrgen: error: cannot run %s: %s\n", tool, strerror(errno));
		_exit(127);
	}
	close(fd[1]);
	fclose(in);
	if (pid < 0) {
		close(fd[0]);
		diag_plain(DIAG_ERROR, "addr2line: %s", strerror(errno));
		return false;
	}
	out = fdopen(fd[0], "r");
	/* per address: the address, then the function and FILE:LINE of each frame */
	while (out && (got = getline(&line, &cap, out)) > 0) {
		char *d;

		if (line[got - 1] == '\n')
			line[--got] = '\0';
		d = strstr(line, " (discriminator ");
		if (d)
			*d = '\0';
		if (!(k & 1) && !strncmp(line, "0x", 2)) {
			if (open && n < s->v.n)
				s->v.v[n].where = frames_where(&fr);
			n += open;
			open = true;
			continue;
		}
		if (!(k++ & 1)) {
			free(fn);
			fn = xstrdup(line);
			continue;
		}
		frames_add(&fr, fn, line);
	}
	if (open && n < s->v.n)
		s->v.v[n].where = frames_where(&fr);
	n += open;
	free(frames_where(&fr));
	free(fn);
	free(line);
	if (out)
		fclose(out);
	else
		close(fd[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		diag_plain(DIAG_ERROR, "%s -e %s failed", tool, path);
		return false;
	}
	if (n != s->v.n) {
		diag_plain(DIAG_ERROR, "%s gave %zu lines for %zu addresses", tool, n, s->v.n);
		return false;
	}
	return true;
}

bool sites_load_image(struct sites *s, const char *path)
{
	struct elf e = { 0 };
	struct stat st;
	const unsigned char *sec;
	const char *why = NULL;
	uint64_t len = 0, i;
	size_t rec;
	void *map;
	int fd;
	bool ok;

	memset(s, 0, sizeof(*s));
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);	/* a FIFO: no wait */
	if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		diag_plain(DIAG_ERROR, "%s: %s", path, fd < 0 || errno ? strerror(errno) :
			   "not a regular file");
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (st.st_size == 0) {
		close(fd);
		diag_plain(DIAG_ERROR, "%s: not an ELF file", path);
		return false;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		diag_plain(DIAG_ERROR, "%s: %s", path, strerror(errno));
		return false;
	}
	e.b = map;
	e.size = (size_t)st.st_size;
	sec = find_section(&e, &len, &why);
	rec = e.is64 ? 16 : 12;
	if (sec && len % rec)
		why = ".msr_sites is not a whole number of records";
	for (i = 0; sec && !why && i < len / rec; i++) {
		const unsigned char *p = sec + i * rec;
		int w = e.is64 ? 8 : 4;
		struct site x = { le(p, w), (uint32_t)le(p + w, 4), p[w + 4], NULL };

		if (p[w + 5] || p[w + 6] || p[w + 7] || (x.flags & ~0xfu)) {
			diag_plain(DIAG_ERROR, "%s: .msr_sites record %llu: reserved bits set",
				   path, (unsigned long long)i);
			munmap(map, e.size);
			sites_free(s);
			return false;
		}
		if (x.flags & SITE_VARIABLE)
			x.msr = SITE_NO_MSR;
		vec_push(&s->v, x);
	}
	munmap(map, e.size);
	if (why) {
		diag_plain(DIAG_ERROR, "%s: %s", path, why);
		sites_free(s);
		return false;
	}
	s->image = true;
	s->addr_bytes = e.is64 ? 8 : 4;
	s->origin = xstrdup(path);
	ok = addr2line(s, path);
	for (i = 0; i < s->v.n; i++)
		if (!s->v.v[i].where)
			s->v.v[i].where = xstrdup("??:0");
	strip_common_folder(s);
	if (!ok) {
		sites_free(s);
		return false;
	}
	sort_array(s->v.v, s->v.n, sizeof(*s->v.v), cmp_site);
	return true;
}

static int cmp_site_addr(const void *x, const void *y)
{
	const struct site *a = *(const struct site *const *)x, *b = *(const struct site *const *)y;

	if (a->addr != b->addr)
		return a->addr < b->addr ? -1 : 1;
	return cmp_site(a, b);
}

void sites_render(const struct sites *s, const struct model *m, struct strbuf *sb)
{
	const struct site **by = xcalloc(s->v.n + 1, sizeof(*by));
	size_t i;

	for (i = 0; i < s->v.n; i++)
		by[i] = &s->v.v[i];
	sort_array(by, s->v.n, sizeof(*by), cmp_site_addr);
	sb_puts(sb, "");
	for (i = 0; i < s->v.n; i++) {
		const struct site *x = by[i];
		const struct reg *r = m && x->msr != SITE_NO_MSR ? model_find_reg(m, x->msr) : NULL;

		sb_printf(sb, "0x%0*llx %s ", s->image ? 2 * s->addr_bytes : 1, (unsigned long long)x->addr,
			  x->where);
		if (x->msr == SITE_NO_MSR)
			sb_puts(sb, "variable");
		else
			sb_printf(sb, "0x%08x %s", x->msr, r ? r->macro : "-");
		sb_printf(sb, " %s %s%s\n", x->flags & SITE_WRITE ? "write" : "read",
			  x->flags & SITE_SAFE ? "safe" : "plain", x->flags & SITE_NS ? " wrmsrns" : "");
	}
	free(by);
}
