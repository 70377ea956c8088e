// SPDX-License-Identifier: GPL-2.0
/*
 * The model, in two steps around the checks (checks_load()):
 *
 *  - model_index(): what the checks look things up in: the platforms, the
 *    declarations merged with their extensions, one register per address.
 *    It takes the tree as it comes: where the tree says a thing twice the
 *    first one is indexed, and checks.c reports the rest.
 *  - model_resolve(), only once the checks of the tree have passed: a
 *    handling for every register, platform and direction, and each
 *    hypervisor table as address ranges.  It trusts the checks: what they
 *    refuse stops msrgen here as a bug.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

static char *stem(const char *name)
{
	char *s;
	size_t i;

	if (!strncmp(name, "MSR_", 4))
		name += 4;
	s = xstrdup(name);
	for (i = 0; s[i]; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
	return s;
}

int model_platform_index(const struct model *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->platforms.n; i++)
		if (!strcmp(m->platforms.v[i].name, name))
			return (int)i;
	return -1;
}

static int cmp_platform(const void *a, const void *b)
{
	const struct platform *x = a, *y = b;

	if (!x->feature[0] != !y->feature[0])
		return x->feature[0] ? 1 : -1;
	return strcmp(x->name, y->name);
}

static void build_platforms(struct model *m, struct ast *ast)
{
	size_t i;
	bool have_base = false;

	for (i = 0; i < ast->platforms.n; i++) {
		struct ast_platform *ap = ast->platforms.v[i];
		struct platform p = { ap, ap->name.name,
				      ap->has_feature ? ap->feature.name : "",
				      ap->doc ? ap->doc : "" };

		if (model_platform_index(m, p.name) >= 0)
			continue;
		if (!p.feature[0]) {
			if (have_base)
				continue;	/* checks.c: platform-base */
			have_base = true;
		}
		vec_push(&m->platforms, p);
	}
	sort_array(m->platforms.v, m->platforms.n, sizeof(*m->platforms.v), cmp_platform);
}

static int cmp_decl_name(const void *a, const void *b)
{
	return strcmp((*(struct decl *const *)a)->name, (*(struct decl *const *)b)->name);
}

struct decl *model_find_decl(const struct model *m, const char *name)
{
	size_t lo = 0, hi = m->by_name.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->by_name.v[mid]->name, name);

		if (!c)
			return m->by_name.v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int cmp_decl(const void *a, const void *b)
{
	const struct decl *x = *(struct decl *const *)a, *y = *(struct decl *const *)b;

	if (x->ast->addr.v != y->ast->addr.v)
		return x->ast->addr.v < y->ast->addr.v ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void merge_part(struct decl *d, const struct ast_msr *p)
{
	size_t i;

	for (i = 0; i < p->attrs.n; i++) {
		const struct ast_attr *a = &p->attrs.v[i];

		if (a->kind == ATTR_ONLY)
			continue;	/* scope.c: each statement has its own */
		if (d->attr[a->kind])
			continue;	/* checks.c: duplicate-attribute */
		d->attr[a->kind] = a;
		switch (a->kind) {
		case ATTR_DOC:
			d->doc = a->str;
			break;
		case ATTR_ACCESS:
			d->access = a->access;
			break;
		case ATTR_VENDOR:
			d->vendors = &a->vendors;
			break;
		case ATTR_NS:
			d->ns = true;
			break;
		case ATTR_WRITEBACK:
			d->writeback = true;
			break;
		case ATTR_SHADOW:
			d->shadow = true;
			d->shadow_reset = a->reset_word.name ? a->reset.v : 0;
			d->shadow_deferred = a->mode_word.name && !strcmp(a->mode_word.name, "deferred");
			break;
		case ATTR_ONLY:
			break;
		}
	}
	for (i = 0; i < p->aliases.n; i++)
		vec_push(&d->aliases, &p->aliases.v[i]);
	for (i = 0; i < p->elements.n; i++)
		vec_push(&d->elements, &p->elements.v[i]);
	for (i = 0; i < p->fields.n; i++)
		if (p->fields.v[i].has_bits)
			vec_push(&d->fields, &p->fields.v[i]);
	for (i = 0; i < p->reserved.n; i++)
		vec_push(&d->reserved, &p->reserved.v[i]);
}

/* The field of d named name (the first one), or -1 */
static int find_field(const struct decl *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->fields.n; i++)
		if (!strcmp(d->fields.v[i]->name.name, name))
			return (int)i;
	return -1;
}

/*
 * Annotations (a field without bits: "field ENABLE { doc "..."; }") add their
 * doc, values and access to the field of that name, in a copy the model owns.
 * What does not fit (no such field, a second doc) is checks.c's: field-annotation.
 */
static void merge_annotations(struct decl *d)
{
	size_t i, j, k;

	for (i = 0; i < d->parts.n; i++) {
		const struct ast_msr *p = d->parts.v[i];

		for (j = 0; j < p->fields.n; j++) {
			const struct ast_field *a = &p->fields.v[j];
			struct ast_field *f = NULL;
			int fi;

			if (a->has_bits || (fi = find_field(d, a->name.name)) < 0)
				continue;
			for (k = 0; k < d->merged.n && !f; k++)
				if (d->merged.v[k] == d->fields.v[fi])
					f = d->merged.v[k];
			if (!f) {
				f = xmalloc(sizeof(*f));
				*f = *d->fields.v[fi];
				memset(&f->values, 0, sizeof(f->values));
				for (k = 0; k < d->fields.v[fi]->values.n; k++)
					vec_push(&f->values, d->fields.v[fi]->values.v[k]);
				vec_push(&d->merged, f);
				d->fields.v[fi] = f;
			}
			if (!f->doc && a->doc) {
				f->doc = a->doc;
				f->doc_pos = a->doc_pos;
			}
			if (f->access == ACC_NONE)
				f->access = a->access;
			for (k = 0; k < a->values.n; k++)
				vec_push(&f->values, a->values.v[k]);
		}
	}
}

/* msr statements by name, then in the order they were read */
static int cmp_msr_name(const void *a, const void *b)
{
	const struct ast_msr *const *x = *(const struct ast_msr *const *const *)a;
	const struct ast_msr *const *y = *(const struct ast_msr *const *const *)b;
	int c = strcmp((*x)->name.name, (*y)->name.name);

	return c ? c : (x < y ? -1 : x > y);
}

static void build_decls(struct model *m, struct ast *ast)
{
	struct ast_msr ***order = xcalloc(ast->msrs.n, sizeof(*order));
	size_t i, j, first, n = ast->msrs.n;

	/* sorted by name, each name's statements are together: no search per statement */
	for (i = 0; i < n; i++)
		order[i] = &ast->msrs.v[i];
	sort_array(order, n, sizeof(*order), cmp_msr_name);
	for (first = 0; first < n; first = i) {
		struct ast_msr *a = NULL;
		struct decl *d;

		for (i = first; i < n && !strcmp((*order[i])->name.name, (*order[first])->name.name);
		     i++)
			if (!a && (*order[i])->has_addr)
				a = *order[i];	/* the first declaration; checks.c: duplicate-name */
		if (!a)
			continue;	/* checks.c: unknown-msr */
		d = xcalloc(1, sizeof(*d));
		d->ast = a;
		d->name = a->name.name;
		d->did = stem(a->name.name);
		d->access = ACC_RW;
		d->doc = "";
		/* the declaration first, then its extensions in the order they were read */
		vec_push(&d->parts, a);
		for (j = first; j < i; j++)
			if (!(*order[j])->has_addr)
				vec_push(&d->parts, *order[j]);
		for (j = 0; j < d->parts.n; j++)
			merge_part(d, d->parts.v[j]);
		merge_annotations(d);
		vec_push(&m->decls, d);
		vec_push(&m->by_name, d);
	}
	free(order);
	sort_array(m->decls.v, m->decls.n, sizeof(*m->decls.v), cmp_decl);
	sort_array(m->by_name.v, m->by_name.n, sizeof(*m->by_name.v), cmp_decl_name);
}

static int cmp_reg(const void *a, const void *b)
{
	const struct reg *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return strcmp(x->macro, y->macro);
}

/* Arrays larger than this are refused by checks.c (array-count). */

/* The registers a declaration makes, or 0 if it is refused (array-count,
 * address-range); stride and count are checked before they multiply. */
static uint64_t reg_count(const struct ast_msr *a)
{
	uint64_t n = a->kind == MSR_SINGLE ? 1 : a->count.v;

	if (n == 0 || n > MAX_ELEMENTS || a->stride.v == 0 || a->addr.v > UINT32_MAX ||
	    (n > 1 && a->stride.v > UINT32_MAX) ||
	    a->addr.v + (n - 1) * a->stride.v > UINT32_MAX)
		return 0;
	return n;
}

static void build_regs(struct model *m)
{
	const struct ast_element **named = xcalloc(MAX_ELEMENTS, sizeof(*named));
	size_t i, j;

	for (i = 0; i < m->decls.n; i++) {
		struct decl *d = m->decls.v[i];
		const struct ast_msr *a = d->ast;
		uint64_t k, n = reg_count(a);

		if (m->regs.n + n > MAX_REGS) {
			m->too_many_regs = true;	/* checks.c: register-limit */
			break;
		}
		/* the first name given to each element */
		memset(named, 0, MAX_ELEMENTS * sizeof(*named));
		for (j = 0; a->kind == MSR_INDEXED && j < d->elements.n; j++)
			if (d->elements.v[j]->index.v < n && !named[d->elements.v[j]->index.v])
				named[d->elements.v[j]->index.v] = d->elements.v[j];
		for (k = 0; k < n; k++) {
			struct reg r = { .decl = d, .index = k };

			r.addr = (uint32_t)(a->addr.v + k * a->stride.v);
			if (a->kind == MSR_SINGLE) {
				r.id = xstrdup(d->did);
				r.macro = xstrdup(d->name);
			} else if (a->kind == MSR_ARRAY) {
				r.id = xasprintf("%s%llu", d->did, (unsigned long long)k);
				r.macro = xasprintf("%s%llu", d->name, (unsigned long long)k);
			} else if (named[k]) {
				r.id = stem(named[k]->name.name);
				r.macro = xstrdup(named[k]->name.name);
			} else {
				r.id = xasprintf("%s_%llu", d->did, (unsigned long long)k);
				r.macro = xasprintf("%s(%llu)", d->name, (unsigned long long)k);
			}
			vec_push(&m->regs, r);
		}
	}
	free(named);
	sort_array(m->regs.v, m->regs.n, sizeof(*m->regs.v), cmp_reg);
	for (i = 0; i < m->regs.n; i++)
		vec_push(&m->regs.v[i].decl->regs, i);
}

const struct reg *model_find_reg(const struct model *m, uint32_t addr)
{
	size_t lo = 0, hi = m->regs.n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (m->regs.v[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->regs.n && m->regs.v[lo].addr == addr ? &m->regs.v[lo] : NULL;
}

const struct reg *model_find_reg_macro(const struct model *m, const char *macro)
{
	size_t i;

	for (i = 0; i < m->regs.n; i++)
		if (!strcmp(m->regs.v[i].macro, macro))
			return &m->regs.v[i];
	return NULL;
}

/* A name a hypervisor table may use: a register, an alias, an array. */
struct hvname {
	const char *name;
	size_t seq;		/* which one wins if a name is defined twice */
	uint32_t first, last, stride;
	bool array;
};

static int cmp_hvname(const void *a, const void *b)
{
	const struct hvname *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/* Registers first, then each declaration's aliases and array name, as a search
 * through them in that order would find them. */
static void hv_names(const struct model *m, struct hvname **out, size_t *nout)
{
	VEC(struct hvname) v = { 0 };
	size_t i, j;

	for (i = 0; i < m->regs.n; i++) {
		struct hvname n = { m->regs.v[i].macro, v.n, m->regs.v[i].addr,
				    m->regs.v[i].addr, 1, false };

		vec_push(&v, n);
	}
	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];
		const struct ast_msr *a = d->ast;
		uint64_t count = reg_count(a);

		for (j = 0; j < d->aliases.n; j++) {
			struct hvname n = { d->aliases.v[j]->name.name, v.n, (uint32_t)a->addr.v,
					    (uint32_t)a->addr.v, 1, false };

			vec_push(&v, n);
		}
		if (a->kind != MSR_SINGLE && count) {
			struct hvname n = { d->name, v.n, (uint32_t)a->addr.v,
					    (uint32_t)(a->addr.v + (count - 1) * a->stride.v),
					    (uint32_t)a->stride.v, true };

			vec_push(&v, n);
		}
	}
	sort_array(v.v, v.n, sizeof(*v.v), cmp_hvname);
	*out = v.v;
	*nout = v.n;
}

/* The first entry for name, or NULL. */
static struct hvname *resolve_name(struct hvname *names, size_t n, const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(names[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && !strcmp(names[lo].name, name) ? &names[lo] : NULL;
}

/* The handling (beh false) or behaviour p declares named name, or NULL */
const struct ast_word *platform_word(const struct ast_platform *p, bool beh, const char *name)
{
	size_t i;

	for (i = 0; p && i < (beh ? p->behaviours.n : p->handlings.n); i++)
		if (!strcmp((beh ? p->behaviours.v : p->handlings.v)[i].name.name, name))
			return &(beh ? p->behaviours.v : p->handlings.v)[i];
	return NULL;
}

/* What e's behaviour counts as, and its word: the language's, or one its
   platform declares (unknown-handling) */
static void hv_word(const struct platform *p, const struct ast_hventry *e, enum hvbeh *beh,
		    const char **word)
{
	const struct ast_word *w;

	if (!e->word.name) {
		*beh = e->beh;
		*word = hvbeh_name(e->beh);
		return;
	}
	w = p ? platform_word(p->ast, true, e->word.name) : NULL;
	if (w) {
		*beh = w->like;
		*word = e->word.name;
		return;
	}
	die("behaviour %s got past the checks", e->word.name);
}

static int cmp_range(const void *a, const void *b)
{
	const struct hvrange *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (int)x->dir - (int)y->dir;
}

static int cmp_hv(const void *a, const void *b)
{
	return strcmp(((const struct hypervisor *)a)->name,
		      ((const struct hypervisor *)b)->name);
}

static void build_hypervisors(struct model *m, struct ast *ast)
{
	struct hvname *names = NULL;
	unsigned char *expanded = NULL;	/* directions an array name was expanded for */
	size_t nnames = 0, i, j;

	if (ast->hypervisors.n) {
		hv_names(m, &names, &nnames);
		expanded = xcalloc(nnames, 1);
	}
	for (i = 0; i < ast->hypervisors.n; i++) {
		const struct ast_hypervisor *ah = ast->hypervisors.v[i];
		struct hypervisor h = { ah, ah->name.name, NULL, { HV_GP, HV_GP },
					{ "gp", "gp" }, { 0, 0 }, { 0 }, { { 0 } } };
		int pi = model_platform_index(m, ah->platform.name);
		int k;

		for (j = 0; j < m->hypervisors.n; j++)
			if (!strcmp(m->hypervisors.v[j].name, h.name))
				die("hypervisor %s twice got past the checks", h.name);
		if (pi < 0)
			die("hypervisor %s: unknown platform got past the checks", h.name);
		h.platform = &m->platforms.v[pi];
		memset(expanded, 0, nnames);
		for (j = 0; j < ah->entries.n; j++) {
			const struct ast_hventry *e = &ah->entries.v[j];
			struct hvrange r = { 0, 0, e->dir, e->beh, NULL, e->value.v, e->note, e };
			uint32_t first, last, stride = 1, a;

			hv_word(h.platform, e, &r.beh, &r.word);
			if (e->is_default) {
				for (k = 0; k < 2; k++) {
					if (e->dir & (1 << k)) {
						h.dflt[k] = r.beh;
						h.dflt_word[k] = r.word;
						h.dflt_value[k] = e->value.v;
					}
				}
				continue;
			}
			if (e->by_name) {
				struct hvname *n = resolve_name(names, nnames, e->name.name);

				if (!n)
					continue;	/* left out: hypervisor-unknown-msr warns */
				first = n->first;
				last = n->last;
				stride = n->stride;
				/* an array named again for a direction it has: its first
				 * element is enough for hypervisor-overlap to report it,
				 * and the table stays as big as the registers */
				if (n->array && (expanded[n - names] & e->dir))
					last = first;
				expanded[n - names] |= (unsigned char)e->dir;
			} else {
				if (e->first.v > UINT32_MAX || e->last.v > UINT32_MAX ||
				    e->first.v > e->last.v)
					die("hypervisor %s: a bad range got past the checks", h.name);
				first = (uint32_t)e->first.v;
				last = (uint32_t)e->last.v;
			}
			if (stride == 1) {
				r.first = first;
				r.last = last;
				vec_push(&h.ranges, r);
				continue;
			}
			for (a = first;; a += stride) {
				r.first = r.last = a;
				vec_push(&h.ranges, r);
				if (a >= last)
					break;
			}
		}
		sort_array(h.ranges.v, h.ranges.n, sizeof(*h.ranges.v), cmp_range);
		for (j = 0; j < h.ranges.n; j++)
			for (k = 0; k < 2; k++)
				if (h.ranges.v[j].dir & (1 << k))
					vec_push(&h.by_dir[k], j);
		vec_push(&m->hypervisors, h);
	}
	free(names);
	free(expanded);
	sort_array(m->hypervisors.v, m->hypervisors.n, sizeof(*m->hypervisors.v), cmp_hv);
}

const struct hvrange *model_hv_lookup(const struct hypervisor *hv, uint32_t addr,
				      enum dir dir)
{
	int k = dir == DIR_WRITE;
	const size_t *v = hv->by_dir[k].v;
	size_t lo = 0, hi = hv->by_dir[k].n;
	const struct hvrange *r;

	/* the last range of this direction that starts at or below addr */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (hv->ranges.v[v[mid]].first <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return NULL;
	r = &hv->ranges.v[v[lo - 1]];
	return addr <= r->last ? r : NULL;
}

void model_index(struct model *m, struct ast *ast)
{
	memset(m, 0, sizeof(*m));
	m->ast = ast;
	build_platforms(m, ast);
	build_decls(m, ast);
	build_regs(m);
}

/*
 * Every declaration's handling per platform and direction: the statement
 * that says it, else passthrough.  One statement per slot, on a platform
 * the table declares (duplicate-handling, unknown-platform).
 */
static void resolve_handlings(struct model *m)
{
	size_t i, j, k;

	for (i = 0; i < m->decls.n; i++) {
		struct decl *d = m->decls.v[i];

		d->handling = xcalloc(m->platforms.n * 2 + 1, sizeof(*d->handling));
		for (j = 0; j < d->parts.n; j++) {
			const struct ast_msr *p = d->parts.v[j];

			for (k = 0; k < p->handlings.n; k++) {
				const struct ast_handling *h = &p->handlings.v[k];
				int pi = model_platform_index(m, h->platform.name), l;

				if (pi < 0)
					die("%s: unknown platform %s got past the checks", d->name,
					    h->platform.name);
				for (l = 0; l < 2; l++) {
					struct handling *slot = &d->handling[pi * 2 + l];

					if (!(h->dir & (1 << l)))
						continue;
					if (slot->ast)
						die("%s: two %s handlings got past the checks", d->name,
						    h->platform.name);
					slot->kind = h->kind;
					slot->ast = h;
				}
			}
		}
	}
}

void model_resolve(struct model *m)
{
	if (m->too_many_regs)
		die("model_resolve() of a table past the register limit");
	resolve_handlings(m);
	build_hypervisors(m, m->ast);
}

const char *access_name(enum access a)
{
	static const char *const names[] = { "none", "ro", "wo", "rw" };

	return names[a & 3];
}

const char *dir_name(enum dir d)
{
	return d == DIR_READ ? "read" : d == DIR_WRITE ? "write" : "rw";
}

const char *hkind_name(enum hkind k)
{
	static const char *const names[] = { "passthrough", "ignore", "call", "fixup" };

	if (k >= H_WORD)
		die("hkind_name(%d): a platform's word has no fixed name", (int)k);
	return names[k];
}

const char *hvbeh_name(enum hvbeh b)
{
	static const char *const names[] = { "emulate", "host", "zero", "const",
					     "discard", "validate", "gp" };

	return names[b];
}

const char *handling_word(const struct ast_handling *h)
{
	return h->kind == H_WORD ? h->word.name : hkind_name(h->kind);
}

const char *handling_name(const struct handling *h)
{
	return h->ast ? handling_word(h->ast) : hkind_name(h->kind);
}

void model_free(struct model *m)
{
	size_t i, j;

	for (i = 0; i < m->decls.n; i++) {
		struct decl *d = m->decls.v[i];

		free(d->did);
		free(d->parts.v);
		free(d->aliases.v);
		free(d->elements.v);
		free(d->fields.v);
		for (j = 0; j < d->merged.n; j++) {
			free(d->merged.v[j]->values.v);
			free(d->merged.v[j]);
		}
		free(d->merged.v);
		free(d->reserved.v);
		free(d->regs.v);
		free(d->handling);
		free(d);
	}
	free(m->decls.v);
	free(m->by_name.v);
	for (i = 0; i < m->regs.n; i++) {
		free(m->regs.v[i].id);
		free(m->regs.v[i].macro);
	}
	free(m->regs.v);
	for (i = 0; i < m->hypervisors.n; i++) {
		free(m->hypervisors.v[i].ranges.v);
		free(m->hypervisors.v[i].by_dir[0].v);
		free(m->hypervisors.v[i].by_dir[1].v);
	}
	free(m->hypervisors.v);
	free(m->platforms.v);
	memset(m, 0, sizeof(*m));
}
