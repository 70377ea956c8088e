// SPDX-License-Identifier: GPL-2.0
/* Allocation, strings, files and SHA-256: the things every stage leans on. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msrgen.h"

void die_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "msrgen: internal error at %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		die("out of memory (%zu bytes)", size);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		die("out of memory (%zu bytes)", size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	struct strbuf sb = { 0 };

	sb_vprintf(&sb, fmt, ap);
	return sb.s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}


/* "msrgen: MESSAGE" and where to read more, for every subcommand's usage
   errors (CMD NULL: the command itself is wrong); returns exit status 2 */
int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("msrgen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'msrgen %s%s--help' for more information.\n", cmd ? cmd : "",
		cmd ? " " : "");
	return 2;
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	sb->cap = sb->cap ? sb->cap : 256;
	while (sb->len + extra + 1 > sb->cap)
		sb->cap *= 2;
	sb->s = xrealloc(sb->s, sb->cap);
}

void sb_putn(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_putn(sb, s, strlen(s));
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_putn(sb, &c, 1);
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0)
		die("bad format %s", fmt);
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, again);
	va_end(again);
	sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

/*
 * A FIFO nobody writes to would block the open for ever: open without
 * waiting, then read as usual (a writer that is there, such as a shell's
 * process substitution, is read to its end; none is an empty file).
 */
static FILE *open_read(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), flags;
	FILE *f;

	if (fd < 0)
		return NULL;
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0 || !(f = fdopen(fd, "rb"))) {
		int err = errno;

		close(fd);
		errno = err;
		return NULL;
	}
	return f;
}

char *read_file_max(const char *path, size_t max, size_t *len)
{
	FILE *f = open_read(path);
	struct strbuf sb = { 0 };
	char buf[65536];
	size_t n;
	int err;

	if (!f)
		return NULL;
	sb_puts(&sb, "");	/* an empty file is an empty string */
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (n > max - sb.len) {
			fclose(f);
			sb_free(&sb);
			errno = EFBIG;
			return NULL;
		}
		sb_putn(&sb, buf, n);
	}
	err = ferror(f) ? errno : 0;
	fclose(f);
	if (err) {
		sb_free(&sb);
		errno = err;
		return NULL;
	}
	*len = sb.len;
	return sb.s;
}

char *read_file(const char *path, size_t *len)
{
	return read_file_max(path, SIZE_MAX, len);
}

/* SHA-256 (FIPS 180-4), small and slow enough for a few hundred kilobytes. */
static const uint32_t sha_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, hh, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);

		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; hh = h[7];
	for (i = 0; i < 64; i++) {
		t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) +
		     sha_k[i] + w[i];
		t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		hh = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void sha256_hex(const void *data, size_t len, char out[65])
{
	uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	const unsigned char *p = data;
	unsigned char tail[128] = { 0 };
	size_t full = len / 64 * 64, rest = len - full, tlen;
	uint64_t bits = (uint64_t)len * 8;
	size_t i;

	for (i = 0; i < full; i += 64)
		sha256_block(h, p + i);
	memcpy(tail, p + full, rest);
	tail[rest] = 0x80;
	tlen = rest + 1 + 8 <= 64 ? 64 : 128;
	for (i = 0; i < 8; i++)
		tail[tlen - 1 - i] = (unsigned char)(bits >> (8 * i));
	for (i = 0; i < tlen; i += 64)
		sha256_block(h, tail + i);
	for (i = 0; i < 8; i++)
		snprintf(out + 8 * i, 9, "%08x", h[i]);
}

void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

int utf8_char(const char *p, const char *lim, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)p;
	int n, i;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	n = s[0] >= 0xf0 && s[0] < 0xf5 ? 4 : s[0] >= 0xe0 && s[0] < 0xf0 ? 3
	  : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
	if (!n || n > lim - p)
		return 0;
	c = s[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, d;

	row = xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], sub = diag + (a[i - 1] != b[j - 1]);

			d = up + 1 < row[j - 1] + 1 ? up + 1 : row[j - 1] + 1;
			row[j] = sub < d ? sub : d;
			diag = up;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

static size_t near_distance(const char *word, const char *name)
{
	size_t i;
	size_t lw = strlen(word), ln = strlen(name);

	for (i = 0; word[i] && name[i]; i++)
		if (tolower((unsigned char)word[i]) != tolower((unsigned char)name[i]))
			break;
	if (!word[i] && !name[i])
		return 1;	/* only the case differs: as near as one typo */
	/* "passthru", "constant": a word cut short or run on, its start right */
	if (i >= 5 && (lw - i <= 2 || ln - i <= 2))
		return 2;
	return edit_distance(word, name);
}

void closest_init(struct closest *c, const char *word)
{
	size_t len = strlen(word);

	c->word = word;
	c->best = NULL;
	c->dist = len < 4 ? 1 : len < 10 ? 2 : 3;	/* farther is no typo */
	c->dist++;
}

void closest_try(struct closest *c, const char *name)
{
	size_t d;

	if (!strcmp(name, c->word))
		return;
	d = near_distance(c->word, name);
	if (d < c->dist || (d == c->dist && c->best && strcmp(name, c->best) < 0)) {
		c->dist = d;
		c->best = name;
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool target_names(const char *root, char ***names, size_t *n)
{
	VEC(char *) v = { 0 };
	struct stat st;
	struct dirent *de;
	DIR *d = opendir(root);

	*names = NULL;
	*n = 0;
	if (!d)
		return false;
	while ((de = readdir(d))) {
		char *sub = xasprintf("%s/%s", root, de->d_name);

		if (de->d_name[0] != '.' && de->d_name[0] != '_' && !stat(sub, &st) &&
		    S_ISDIR(st.st_mode))
			vec_push(&v, xstrdup(de->d_name));
		free(sub);
	}
	closedir(d);
	sort_array(v.v, v.n, sizeof(*v.v), cmp_str);
	*names = v.v;
	*n = v.n;
	return true;
}

bool target_known(const char *root, const char *target, struct strbuf *why)
{
	char *path = xasprintf("%s/%s", root, target);
	char **names;
	struct closest near;
	struct stat st;
	size_t i, n;
	bool dir = !strchr(target, '/') && target[0] && target[0] != '.' &&
		   !stat(path, &st) && S_ISDIR(st.st_mode);
	bool ok = dir && target[0] != '_';

	free(path);
	if (ok)
		return true;
	if (!target_names(root, &names, &n)) {
		sb_printf(why, "unknown target '%s': cannot read the templates folder '%s': %s",
			  target, root, strerror(errno));
		return false;
	}
	closest_init(&near, target);
	for (i = 0; i < n; i++)
		closest_try(&near, names[i]);
	if (dir)
		sb_printf(why, "'%s' is no target: a folder named _* holds files targets share", target);
	else
		sb_printf(why, "unknown target '%s'", target);
	if (!dir && near.best)
		sb_printf(why, "; did you mean '%s'?", near.best);
	sb_printf(why, " (the targets in %s:", root);
	for (i = 0; i < n; i++)
		sb_printf(why, "%s %s", i ? "," : "", names[i]);
	sb_puts(why, n ? ")" : " none)");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return false;
}
