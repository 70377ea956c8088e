// SPDX-License-Identifier: GPL-2.0
/*
 * The checked model: declarations merged with their extensions, one register per
 * address, a handling for every register, platform and direction, hypervisor
 * ranges. Building it never fails: what does not fit is left out here and
 * reported by checks.c, which reads the same tree.
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

struct decl *model_find_decl(const struct model *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->decls.n; i++)
		if (!strcmp(m->decls.v[i]->name, name))
			return m->decls.v[i];
	return NULL;
}

static int cmp_decl(const void *a, const void *b)
{
	const struct decl *x = *(struct decl *const *)a, *y = *(struct decl *const *)b;

	if (x->ast->addr.v != y->ast->addr.v)
		return x->ast->addr.v < y->ast->addr.v ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void merge_part(struct model *m, struct decl *d, const struct ast_msr *p)
{
	size_t i, np = m->platforms.n;

	for (i = 0; i < p->attrs.n; i++) {
		const struct ast_attr *a = &p->attrs.v[i];

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
		case ATTR_REQUIRES:
			d->requires = a->ident.name;
			break;
		case ATTR_NS:
			d->ns = true;
			break;
		}
	}
	for (i = 0; i < p->aliases.n; i++)
		vec_push(&d->aliases, &p->aliases.v[i]);
	for (i = 0; i < p->elements.n; i++)
		vec_push(&d->elements, &p->elements.v[i]);
	for (i = 0; i < p->fields.n; i++)
		vec_push(&d->fields, &p->fields.v[i]);
	for (i = 0; i < p->reserved.n; i++)
		vec_push(&d->reserved, &p->reserved.v[i]);
	for (i = 0; i < p->handlings.n; i++) {
		const struct ast_handling *h = &p->handlings.v[i];
		int pi = model_platform_index(m, h->platform.name);
		int k;

		if (pi < 0)
			continue;	/* checks.c: unknown-platform */
		for (k = 0; k < 2; k++) {
			struct handling *slot = &d->handling[pi * 2 + k];

			if (!(h->dir & (1 << k)) || slot->ast)
				continue;
			slot->kind = h->kind;
			slot->ast = h;
		}
	}
	(void)np;
}

static void build_decls(struct model *m, struct ast *ast)
{
	size_t i, j;

	for (i = 0; i < ast->msrs.n; i++) {
		struct ast_msr *a = ast->msrs.v[i];
		struct decl *d;

		if (!a->has_addr || model_find_decl(m, a->name.name))
			continue;
		d = xcalloc(1, sizeof(*d));
		d->ast = a;
		d->name = a->name.name;
		d->did = stem(a->name.name);
		d->access = ACC_RW;
		d->doc = "";
		d->requires = "";
		d->handling = xcalloc(m->platforms.n * 2 + 1, sizeof(*d->handling));
		vec_push(&m->decls, d);
	}
	/* the declaration first, then its extensions in the order they were read */
	for (i = 0; i < m->decls.n; i++) {
		struct decl *d = m->decls.v[i];

		vec_push(&d->parts, d->ast);
		for (j = 0; j < ast->msrs.n; j++)
			if (!ast->msrs.v[j]->has_addr &&
			    !strcmp(ast->msrs.v[j]->name.name, d->name))
				vec_push(&d->parts, ast->msrs.v[j]);
		for (j = 0; j < d->parts.n; j++)
			merge_part(m, d, d->parts.v[j]);
	}
	sort_array(m->decls.v, m->decls.n, sizeof(*m->decls.v), cmp_decl);
}

static int cmp_reg(const void *a, const void *b)
{
	const struct reg *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return strcmp(x->macro, y->macro);
}

/* Arrays larger than this are refused by checks.c (array-count). */
#define MAX_COUNT 4096

static void build_regs(struct model *m)
{
	size_t i, j;

	for (i = 0; i < m->decls.n; i++) {
		struct decl *d = m->decls.v[i];
		const struct ast_msr *a = d->ast;
		uint64_t k, n = a->kind == MSR_SINGLE ? 1 : a->count.v;

		if (n == 0 || n > MAX_COUNT || a->stride.v == 0 ||
		    a->addr.v + (n - 1) * a->stride.v > UINT32_MAX)
			continue;	/* checks.c: array-count, address-range */
		for (k = 0; k < n; k++) {
			struct reg r = { .decl = d, .index = k };

			r.addr = (uint32_t)(a->addr.v + k * a->stride.v);
			if (a->kind == MSR_SINGLE) {
				r.id = xstrdup(d->did);
				r.macro = xstrdup(d->name);
			} else if (a->kind == MSR_ARRAY) {
				r.id = xasprintf("%s%llu", d->did, (unsigned long long)k);
				r.macro = xasprintf("%s%llu", d->name, (unsigned long long)k);
			} else {
				const struct ast_element *e = NULL;

				for (j = 0; j < d->elements.n; j++)
					if (d->elements.v[j]->index.v == k) {
						e = d->elements.v[j];
						break;
					}
				if (e) {
					r.id = stem(e->name.name);
					r.macro = xstrdup(e->name.name);
				} else {
					r.id = xasprintf("%s_%llu", d->did, (unsigned long long)k);
					r.macro = xasprintf("%s(%llu)", d->name,
							    (unsigned long long)k);
				}
			}
			vec_push(&m->regs, r);
		}
	}
	sort_array(m->regs.v, m->regs.n, sizeof(*m->regs.v), cmp_reg);
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

/* The addresses a name in a hypervisor table stands for; false if unknown. */
static bool resolve_name(const struct model *m, const char *name, uint32_t *first,
			 uint32_t *last, uint32_t *stride)
{
	size_t i, j;

	for (i = 0; i < m->regs.n; i++) {
		if (!strcmp(m->regs.v[i].macro, name)) {
			*first = *last = m->regs.v[i].addr;
			*stride = 1;
			return true;
		}
	}
	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];
		const struct ast_msr *a = d->ast;

		for (j = 0; j < d->aliases.n; j++) {
			if (!strcmp(d->aliases.v[j]->name.name, name)) {
				*first = *last = (uint32_t)a->addr.v;
				*stride = 1;
				return true;
			}
		}
		if (!strcmp(d->name, name) && a->kind != MSR_SINGLE && a->count.v &&
		    a->count.v <= MAX_COUNT && a->stride.v &&
		    a->addr.v + (a->count.v - 1) * a->stride.v <= UINT32_MAX) {
			*first = (uint32_t)a->addr.v;
			*last = (uint32_t)(a->addr.v + (a->count.v - 1) * a->stride.v);
			*stride = (uint32_t)a->stride.v;
			return true;
		}
	}
	return false;
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
	size_t i, j;

	for (i = 0; i < ast->hypervisors.n; i++) {
		const struct ast_hypervisor *ah = ast->hypervisors.v[i];
		struct hypervisor h = { ah, ah->name.name, NULL, { HV_GP, HV_GP },
					{ 0, 0 }, { 0 } };
		int pi = model_platform_index(m, ah->platform.name);
		bool dup = false;

		for (j = 0; j < m->hypervisors.n; j++)
			dup |= !strcmp(m->hypervisors.v[j].name, h.name);
		if (dup)
			continue;	/* checks.c: duplicate-name */
		if (pi >= 0)
			h.platform = &m->platforms.v[pi];
		for (j = 0; j < ah->entries.n; j++) {
			const struct ast_hventry *e = &ah->entries.v[j];
			struct hvrange r = { 0, 0, e->dir, e->beh, e->value.v, e->note, e };
			uint32_t first, last, stride = 1, a;
			int k;

			if (e->is_default) {
				for (k = 0; k < 2; k++) {
					if (e->dir & (1 << k)) {
						h.dflt[k] = e->beh;
						h.dflt_value[k] = e->value.v;
					}
				}
				continue;
			}
			if (e->by_name) {
				if (!resolve_name(m, e->name.name, &first, &last, &stride))
					continue;	/* checks.c */
			} else {
				if (e->first.v > UINT32_MAX || e->last.v > UINT32_MAX ||
				    e->first.v > e->last.v)
					continue;	/* checks.c: hypervisor-range */
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
		vec_push(&m->hypervisors, h);
	}
	sort_array(m->hypervisors.v, m->hypervisors.n, sizeof(*m->hypervisors.v), cmp_hv);
}

const struct hvrange *model_hv_lookup(const struct hypervisor *hv, uint32_t addr,
				      enum dir dir)
{
	size_t i;

	for (i = 0; i < hv->ranges.n; i++) {
		const struct hvrange *r = &hv->ranges.v[i];

		if (r->first > addr)
			break;
		if (addr <= r->last && (r->dir & dir))
			return r;
	}
	return NULL;
}

void model_build(struct model *m, struct ast *ast)
{
	memset(m, 0, sizeof(*m));
	m->ast = ast;
	build_platforms(m, ast);
	build_decls(m, ast);
	build_regs(m);
	build_hypervisors(m, ast);
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
	static const char *const names[] = { "passthrough", "ignore", "call", "perf",
					     "fixup" };

	return names[k];
}

const char *hvbeh_name(enum hvbeh b)
{
	static const char *const names[] = { "emulate", "host", "zero", "const",
					     "discard", "validate", "vpmu", "gp" };

	return names[b];
}

void model_free(struct model *m)
{
	size_t i;

	for (i = 0; i < m->decls.n; i++) {
		struct decl *d = m->decls.v[i];

		free(d->did);
		free(d->parts.v);
		free(d->aliases.v);
		free(d->elements.v);
		free(d->fields.v);
		free(d->reserved.v);
		free(d->handling);
		free(d);
	}
	free(m->decls.v);
	for (i = 0; i < m->regs.n; i++) {
		free(m->regs.v[i].id);
		free(m->regs.v[i].macro);
	}
	free(m->regs.v);
	for (i = 0; i < m->hypervisors.n; i++)
		free(m->hypervisors.v[i].ranges.v);
	free(m->hypervisors.v);
	free(m->platforms.v);
	memset(m, 0, sizeof(*m));
}
