// SPDX-License-Identifier: GPL-2.0
/*
 * A target's own facts, as data (templates/TARGET/target.conf): which file
 * its templates share as a prelude, which other folders they include from,
 * and how `msrgen import` reads its kernel's MSR header.  With these msrgen's
 * C names no kernel, no kernel file and no platform (docs/templates.md).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

#define TARGET_CONF "target.conf"

/* The words of audit-word: see docs/templates.md */
static const char *const audit_keys[] = {
	"hypervisor", "read", "write", "claims", "claimed", "safe", NULL
};

static const char *const conf_words[] = {
	"preload", "share", "import-prefix", "import-range", "import-vendor", "audit-platform",
	"audit-word", "audit-call", "scope",
};

void target_conf_free(struct target_conf *t)
{
	size_t i, k;

	free(t->path);
	free(t->preload);
	for (i = 0; i < t->shares.n; i++)
		free(t->shares.v[i]);
	free(t->shares.v);
	free(t->import_prefix);
	free(t->import_ranges.v);
	for (i = 0; i < t->import_vendors.n; i++) {
		free(t->import_vendors.v[i].vendor);
		for (k = 0; k < t->import_vendors.v[i].prefixes.n; k++)
			free(t->import_vendors.v[i].prefixes.v[k]);
		free(t->import_vendors.v[i].prefixes.v);
	}
	free(t->import_vendors.v);
	free(t->audit_platform);
	free(t->scope);
	for (i = 0; i < t->audit_words.n; i++) {
		free(t->audit_words.v[i].key);
		free(t->audit_words.v[i].text);
	}
	free(t->audit_words.v);
	for (i = 0; i < t->audit_calls.n; i++) {
		free(t->audit_calls.v[i].key);
		free(t->audit_calls.v[i].text);
	}
	free(t->audit_calls.v);
	srcfile_free(t->file);
	memset(t, 0, sizeof(*t));
}

/* The words joined by one space: the text of a line after its key */
static char *join_words(char **w, size_t n)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < n; i++)
		sb_printf(&sb, "%s%s", i ? " " : "", w[i]);
	return sb.s;
}

/* The position of word w (a part of the line text) on line `line` */
static struct srcpos word_pos(struct srcfile *f, int line, const char *text, const char *w)
{
	struct srcpos at = { f, line, 1, line, 1 };

	at.col = (int)(w - text) + 1;
	at.end_col = at.col + (int)strlen(w) - 1;
	return at;
}

/* A folder under the templates root: one plain name, no path */
static bool plain_name(const char *s)
{
	return s[0] && s[0] != '.' && !strchr(s, '/');
}

static bool hex_number(const char *s, uint32_t *v)
{
	char *end;
	unsigned long long n;

	if (strncmp(s, "0x", 2) || !s[2])
		return false;
	errno = 0;
	n = strtoull(s + 2, &end, 16);
	if (*end || errno || n > 0xffffffffull)
		return false;
	*v = (uint32_t)n;
	return true;
}

bool target_conf_load(struct target_conf *t, const char *templates, const char *target)
{
	const char *p;
	int line = 1;
	bool ok = true;

	memset(t, 0, sizeof(*t));
	t->path = xasprintf("%s/%s/" TARGET_CONF, templates, target);
	t->file = srcfile_load(t->path, NULL);
	if (!t->file) {
		if (errno == ENOENT)
			return true;
		diag_plain(DIAG_ERROR, "cannot read '%s': %s", t->path, strerror(errno));
		return false;
	}
	for (p = t->file->text; *p; line++) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p), k, nw = 0;
		char *copy = xstrndup(p, n), *save = NULL, *w;
		VEC(char *) wv = { 0 };
		char **words;
		struct srcpos at = { t->file, line, 1, line, (int)(n ? n : 1) };

		p += n + (eol != NULL);
		for (w = strtok_r(copy, " \t\r", &save); w && w[0] != '#';
		     w = strtok_r(NULL, " \t\r", &save))
			vec_push(&wv, w);
		words = wv.v;
		nw = wv.n;
		if (!nw)
			goto next;
		for (k = 0; k < sizeof(conf_words) / sizeof(*conf_words); k++)
			if (!strcmp(words[0], conf_words[k]))
				break;
		if (k == sizeof(conf_words) / sizeof(*conf_words)) {
			at = word_pos(t->file, line, copy, words[0]);
			error_at(&at, NULL, "unknown line '%s' (preload, share, scope, import-prefix, import-range, import-vendor, audit-platform, audit-word or audit-call)",
				 words[0]);
			ok = false;
		} else if (!strcmp(words[0], "preload")) {
			if (nw != 2 || t->preload) {
				error_at(&at, NULL, "%s", t->preload ? "one 'preload' per target" :
					 "want 'preload FILE'");
				ok = false;
			} else {
				t->preload = xstrdup(words[1]);
			}
		} else if (!strcmp(words[0], "share")) {
			if (nw < 2) {
				error_at(&at, NULL, "want 'share FOLDER...'");
				ok = false;
			}
			for (k = 1; k < nw; k++) {
				if (!plain_name(words[k]) || !strcmp(words[k], target)) {
					at = word_pos(t->file, line, copy, words[k]);
					error_at(&at, NULL, "'%s' is not another folder of the templates folder",
						 words[k]);
					ok = false;
				} else {
					vec_push(&t->shares, xstrdup(words[k]));
				}
			}
		} else if (!strcmp(words[0], "import-prefix")) {
			if (nw != 2 || t->import_prefix) {
				error_at(&at, NULL, "%s", t->import_prefix ?
					 "one 'import-prefix' per target" : "want 'import-prefix WORD'");
				ok = false;
			} else {
				t->import_prefix = xstrdup(words[1]);
			}
		} else if (!strcmp(words[0], "import-range")) {
			struct target_range r;

			if (nw != 3 || !hex_number(words[1], &r.first) ||
			    !hex_number(words[2], &r.last) || r.first > r.last) {
				error_at(&at, NULL, "want 'import-range FIRST LAST' (32-bit hex, 0x..., FIRST <= LAST)");
				ok = false;
			} else {
				vec_push(&t->import_ranges, r);
			}
		} else if (!strcmp(words[0], "scope")) {
			if (nw != 2 || t->scope || !plain_name(words[1])) {
				error_at(&at, NULL, "%s", t->scope ? "one 'scope' per target" :
					 "want 'scope TARGET'");
				ok = false;
			} else {
				t->scope = xstrdup(words[1]);
			}
		} else if (!strcmp(words[0], "audit-platform")) {
			if (nw != 2 || t->audit_platform) {
				error_at(&at, NULL, "%s", t->audit_platform ? "one 'audit-platform' per target" :
					 "want 'audit-platform PLATFORM'");
				ok = false;
			} else {
				t->audit_platform = xstrdup(words[1]);
			}
		} else if (!strcmp(words[0], "audit-word") || !strcmp(words[0], "audit-call")) {
			bool word = !strcmp(words[0], "audit-word");
			struct target_text x;

			if (nw < 3) {
				error_at(&at, NULL, "want '%s %s TEXT'", words[0], word ? "KEY" : "HANDLER");
				ok = false;
				goto next;
			}
			if (word) {
				for (k = 0; audit_keys[k] && strcmp(audit_keys[k], words[1]); k++)
					;
				if (!audit_keys[k]) {
					at = word_pos(t->file, line, copy, words[1]);
					error_at(&at, NULL, "unknown audit word '%s' (hypervisor, read, write, claims, claimed or safe)",
						 words[1]);
					ok = false;
					goto next;
				}
			}
			x.key = xstrdup(words[1]);
			x.text = join_words(words + 2, nw - 2);
			if (word)
				vec_push(&t->audit_words, x);
			else
				vec_push(&t->audit_calls, x);
	} else {
			struct target_vendor v = { 0 };

			if (nw < 3) {
				error_at(&at, NULL, "want 'import-vendor VENDOR PREFIX...'");
				ok = false;
				goto next;
			}
			v.vendor = xstrdup(words[1]);
			for (k = 2; k < nw; k++)
				vec_push(&v.prefixes, xstrdup(words[k]));
			vec_push(&t->import_vendors, v);
		}
next:
		free(wv.v);
		free(copy);
	}
	return ok;
}
