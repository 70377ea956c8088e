// SPDX-License-Identifier: GPL-2.0
/*
 * Semantic checks, as a table. A check's name is what the user sees: the -W switch
 * for warnings, the folder of its test cases under tests/bad/, and the row below.
 * Each check reports every problem it finds, in source order.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

/*
 * When a check runs: while the parser reads (fn NULL: it reports them), over
 * the tree and its index, over the resolved model (model_resolve() runs only
 * once the tree's checks pass), or for one target (checks_target()).
 */
enum check_stage { STAGE_READ, STAGE_TREE, STAGE_MODEL, STAGE_TARGET };

struct check {
	const char *name;
	bool warning;		/* on by default; -Wno-NAME turns it off */
	enum check_stage stage;
	void (*fn)(struct model *m, const struct check *c);
	const char *what;
};

#define report(c, pos, ...) do {					\
	if ((c)->warning)						\
		warning_at(pos, (c)->name, __VA_ARGS__);		\
	else								\
		error_at(pos, NULL, __VA_ARGS__);			\
} while (0)

/* Every MSR statement, declaration or extension, in the order it was read. */
#define for_each_msr(m, i, a) \
	for (i = 0; i < (m)->ast->msrs.n && ((a) = (m)->ast->msrs.v[i], 1); i++)

/* Every part (declaration or extension) of every declaration, declarations in model order. */
#define for_each_decl_part(m, i, j, d, p)					\
	for (i = 0; i < (m)->decls.n && ((d) = (m)->decls.v[i], 1); i++)		\
		for (j = 0; j < (d)->parts.n && ((p) = (d)->parts.v[j], 1); j++)

/* Every handling statement, in the order it was read. */
#define for_each_handling(m, i, j, a, h)					\
	for_each_msr(m, i, a)						\
		for (j = 0; j < (a)->handlings.n && ((h) = &(a)->handlings.v[j], 1); j++)

/* Every register the declarations make, counted before anything is built from them */
static void check_register_limit(struct model *m, const struct check *c)
{
	size_t i;
	uint64_t total = 0;
	const struct ast_msr *a;

	for_each_msr(m, i, a) {
		uint64_t n = a->kind == MSR_SINGLE ? 1 : a->count.v;

		if (!a->has_addr || n > MAX_ELEMENTS)
			continue;	/* array-count */
		total += n;
		if (total > MAX_REGS) {
			report(c, &a->name.pos, "more than %d registers in all (msrgen's limit)",
			       MAX_REGS);
			return;
		}
	}
}

static void check_platform_base(struct model *m, const struct check *c)
{
	const struct ast_platform *first = NULL;
	size_t i;
	bool any = m->ast->platforms.n > 0;

	for (i = 0; i < m->ast->platforms.n; i++) {
		const struct ast_platform *p = m->ast->platforms.v[i];

		if (p->has_feature)
			continue;
		if (first && strcmp(first->name.name, p->name.name)) {
			report(c, &p->name.pos, "platform '%s' has no feature, but '%s' is the base platform already",
			       p->name.name, first->name.name);
			note_at(&first->name.pos, "the base platform is declared here");
		}
		if (!first)
			first = p;
	}
	if (any && !first)
		report(c, &m->ast->platforms.v[0]->name.pos,
		       "no base platform: one platform must have no feature (bare metal)");
}

static void check_duplicate_platform(struct model *m, const struct check *c)
{
	size_t i, j;

	for (i = 0; i < m->ast->platforms.n; i++) {
		const struct ast_platform *p = m->ast->platforms.v[i];

		for (j = 0; j < i; j++) {
			const struct ast_platform *q = m->ast->platforms.v[j];

			if (!strcmp(p->name.name, q->name.name)) {
				report(c, &p->name.pos, "platform '%s' is declared twice",
				       p->name.name);
				note_at(&q->name.pos, "the first declaration is here");
				break;
			}
			if (p->has_feature && q->has_feature &&
			    !strcmp(p->feature.name, q->feature.name)) {
				report(c, &p->feature.pos,
				       "platforms '%s' and '%s' have the same feature %s",
				       q->name.name, p->name.name, p->feature.name);
				note_at(&q->feature.pos, "'%s' has it here", q->name.name);
				break;
			}
		}
	}
}

/*
 * Which earlier item each item repeats, by sorting instead of comparing every
 * pair (a table with thousands of repeats stays fast): the keys of some of
 * total items go in; first[j] is the first item with item j's key (j if none).
 */
struct keyed {
	const char *s;		/* NULL: compare u */
	uint64_t u;
	size_t j;
};

static int cmp_key(const struct keyed *x, const struct keyed *y)
{
	return x->s ? strcmp(x->s, y->s) : (x->u < y->u ? -1 : x->u > y->u);
}

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = cmp_key(x, y);

	return c ? c : (x->j < y->j ? -1 : x->j > y->j);
}

static size_t *first_repeat(struct keyed *k, size_t n, size_t total)
{
	size_t *first = xcalloc(total, sizeof(*first)), i, g = 0;

	for (i = 0; i < total; i++)
		first[i] = i;
	sort_array(k, n, sizeof(*k), cmp_keyed);
	for (i = 0; i < n; i++) {
		if (cmp_key(&k[i], &k[g]))
			g = i;
		first[k[i].j] = k[g].j;
	}
	return first;
}

struct named {
	const char *name;
	const struct srcpos *pos;
	size_t seq;
	char *owned;
	const struct vendors *only;	/* the targets it is for (scope.c), or NULL */
};

static int cmp_named(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int r = strcmp(x->name, y->name);

	return r ? r : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/* A name seen again, and where it was seen first */
struct dup {
	const struct named *again, *first;
};

static int cmp_dup(const void *a, const void *b)
{
	const struct dup *x = a, *y = b;
	int c = srcpos_cmp(x->again->pos, y->again->pos);

	return c ? c : (x->again->seq < y->again->seq ? -1 : x->again->seq > y->again->seq);
}

/* Whether pos is in a file msrgen import wrote */
static bool imported(const struct srcpos *pos)
{
	size_t n = pos->file->len < 256 ? pos->file->len : 256;

	return memmem(pos->file->text, n, IMPORT_MARK, strlen(IMPORT_MARK)) != NULL;
}

/* Every kernel macro name the table defines, and hypervisor names. */
static void check_duplicate_name(struct model *m, const struct check *c)
{
	VEC(struct named) names = { 0 };
	size_t i, j, k;
	const struct ast_msr *a;

	for_each_msr(m, i, a) {
		if (!a->has_addr)
			continue;
		if (a->kind == MSR_ARRAY && a->count.v <= MAX_ELEMENTS) {
			for (k = 0; k < a->count.v; k++) {
				char *s = xasprintf("%s%zu", a->name.name, k);
				struct named n = { s, &a->name.pos, names.n, s, scope_of(a) };

				vec_push(&names, n);
			}
		} else {
			struct named n = { a->name.name, &a->name.pos, names.n, NULL, scope_of(a) };

			vec_push(&names, n);
		}
	}
	for_each_msr(m, i, a) {
		for (j = 0; j < a->aliases.n; j++) {
			const struct ast_alias *al = &a->aliases.v[j];
			struct named n = { al->name.name, &al->name.pos, names.n, NULL,
					   al->only.list.n ? &al->only : scope_of(a) };

			vec_push(&names, n);
		}
		for (j = 0; j < a->elements.n; j++) {
			struct named n = { a->elements.v[j].name.name,
					   &a->elements.v[j].name.pos, names.n, NULL, scope_of(a) };

			vec_push(&names, n);
		}
	}
	for (i = 0; i < m->ast->hypervisors.n; i++) {
		struct named n = { m->ast->hypervisors.v[i]->name.name,
				   &m->ast->hypervisors.v[i]->name.pos, names.n, NULL, NULL };

		vec_push(&names, n);
	}
	sort_array(names.v, names.n, sizeof(*names.v), cmp_named);
	/* report in source order: collect the second sightings first */
	{
		VEC(struct dup) dups = { 0 };
		size_t first = 0;

		for (i = 1; i < names.n; i++) {
			if (strcmp(names.v[i].name, names.v[first].name)) {
				first = i;
				continue;
			}
			if (names.v[i].pos == names.v[first].pos)
				continue;
			/* two kernels' names, read together (no target): no clash */
			if (scope_disjoint(names.v[i].only, names.v[first].only))
				continue;
			{
				struct dup d = { &names.v[i], &names.v[first] };

				vec_push(&dups, d);
			}
		}
		sort_array(dups.v, dups.n, sizeof(*dups.v), cmp_dup);
		for (i = 0; i < dups.n; i++) {
			const struct named *again = dups.v[i].again, *first = dups.v[i].first;
			const struct named *hand = imported(first->pos) && !imported(again->pos) ? again
						 : imported(again->pos) && !imported(first->pos) ? first
						 : NULL;

			report(c, again->pos, "'%s' is defined twice", again->name);
			note_at(first->pos, "the first definition is here");
			if (hand)
				note_at(hand->pos, "msrgen import declares %s now: to add to that declaration, drop the address here (msr %s { ... })",
					hand->name, hand->name);
		}
		free(dups.v);
	}
	for (i = 0; i < names.n; i++)
		free(names.v[i].owned);
	free(names.v);
}

/* "; did you mean 'X'?" for a name near to one of the declared MSRs (and aliases) */
static const char *near_msr(const struct model *m, const char *name, bool aliases)
{
	struct closest c;
	size_t i, j;

	closest_init(&c, name);
	for (i = 0; i < m->decls.n; i++) {
		closest_try(&c, m->decls.v[i]->name);
		for (j = 0; aliases && j < m->decls.v[i]->aliases.n; j++)
			closest_try(&c, m->decls.v[i]->aliases.v[j]->name.name);
	}
	return c.best;
}

static const char *near_platform(const struct model *m, const char *name)
{
	struct closest c;
	size_t i;

	closest_init(&c, name);
	for (i = 0; i < m->platforms.n; i++)
		closest_try(&c, m->platforms.v[i].name);
	return c.best;
}

#define MEAN(s) (s) ? "; did you mean '" : "", (s) ? (s) : "", (s) ? "'?" : ""

/* An extension that names an element or an alias instead of its declaration */
static bool other_name(const struct model *m, const struct check *c, const struct ast_msr *a)
{
	size_t i, j;

	for (i = 0; i < m->regs.n; i++) {
		const struct reg *r = &m->regs.v[i];

		if (strcmp(r->macro, a->name.name))
			continue;
		report(c, &a->name.pos, "%s is element %llu of %s: an extension names the declaration (msr %s { ... })",
		       a->name.name, (unsigned long long)r->index, r->decl->name, r->decl->name);
		return true;
	}
	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		for (j = 0; j < d->aliases.n; j++) {
			if (strcmp(d->aliases.v[j]->name.name, a->name.name))
				continue;
			report(c, &a->name.pos, "%s is an alias of %s: an extension names the declaration (msr %s { ... })",
			       a->name.name, d->name, d->name);
			note_at(&d->aliases.v[j]->name.pos, "the alias is declared here");
			return true;
		}
	}
	return false;
}

static void check_unknown_msr(struct model *m, const struct check *c)
{
	size_t i;
	const struct ast_msr *a;

	for_each_msr(m, i, a) {
		const char *near;

		if (a->has_addr || model_find_decl(m, a->name.name))
			continue;
		if (other_name(m, c, a))
			continue;
		near = near_msr(m, a->name.name, false);
		if (near)
			report(c, &a->name.pos, "no MSR named '%s' is declared; did you mean '%s'?",
			       a->name.name, near);
		else
			report(c, &a->name.pos, "no MSR named '%s' is declared (without an address, msr %s { ... } adds to a declaration made elsewhere: msr %s ADDRESS { ... } declares it)",
			       a->name.name, a->name.name, a->name.name);
	}
}

static const char *attr_word[] = { "doc", "access", "vendor", "nonserializing", "writeback",
				   "only", "shadow" };

static void check_duplicate_attribute(struct model *m, const struct check *c)
{
	size_t i, j, k, l;
	const struct decl *d;
	const struct ast_msr *p;

	for_each_decl_part(m, i, j, d, p) {
		for (k = 0; k < p->attrs.n; k++) {
			const struct ast_attr *a = &p->attrs.v[k];

			if (a->kind == ATTR_ONLY) {
				/* each statement has its own (scope.c): twice in one is the error */
				for (l = 0; l < k && p->attrs.v[l].kind != ATTR_ONLY; l++)
					;
				if (l < k) {
					report(c, &a->pos, "'only' is given twice in one statement for %s",
					       d->name);
					note_at(&p->attrs.v[l].pos, "the first one is here");
				}
				continue;
			}
			if (d->attr[a->kind] == a)
				continue;
			report(c, &a->pos, "'%s' is given twice for %s", attr_word[a->kind],
			       d->name);
			note_at(&d->attr[a->kind]->pos, "the first one is here");
		}
	}
}

static void check_address_range(struct model *m, const struct check *c)
{
	size_t i;
	const struct ast_msr *a;

	for_each_msr(m, i, a) {
		uint64_t n = a->kind == MSR_SINGLE ? 1 : a->count.v;

		if (!a->has_addr)
			continue;
		if (a->addr.v > UINT32_MAX)
			report(c, &a->addr.pos, "address 0x%llx is wider than 32 bits",
			       (unsigned long long)a->addr.v);
		else if (n > 1 && n <= MAX_ELEMENTS && a->stride.v &&
			 (a->stride.v > UINT32_MAX ||
			  a->addr.v + (n - 1) * a->stride.v > UINT32_MAX))
			report(c, &a->addr.pos, "the last element of %s is past 0xffffffff",
			       a->name.name);
	}
}

static void check_array_count(struct model *m, const struct check *c)
{
	size_t i;
	const struct ast_msr *a;

	for_each_msr(m, i, a) {
		if (!a->has_addr || a->kind == MSR_SINGLE)
			continue;
		if (a->count.v == 0 || a->count.v > MAX_ELEMENTS)
			report(c, &a->count.pos, "an array has 1 to %d elements, not %llu", MAX_ELEMENTS,
			       (unsigned long long)a->count.v);
		if (a->stride.v == 0)
			report(c, &a->stride.pos, "a stride of 0 puts every element at one address");
	}
}

static void check_duplicate_address(struct model *m, const struct check *c)
{
	size_t i;

	for (i = 1; i < m->regs.n; i++) {
		const struct reg *p = &m->regs.v[i - 1], *r = &m->regs.v[i];

		if (p->addr != r->addr)
			continue;
		if (scope_disjoint(scope_of(p->decl->ast), scope_of(r->decl->ast)))
			continue;	/* one address, two kernels' names */
		report(c, &r->decl->ast->addr.pos,
		       "%s and %s are both at 0x%08x; declare one as an alias of the other",
		       p->macro, r->macro, r->addr);
		note_at(&p->decl->ast->addr.pos, "%s is declared here", p->macro);
	}
}

static void check_element_index(struct model *m, const struct check *c)
{
	size_t i, j;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];
		struct keyed *keys = xcalloc(d->elements.n, sizeof(*keys));
		size_t *first, n = 0;

		for (j = 0; j < d->elements.n; j++) {
			const struct ast_element *e = d->elements.v[j];
			struct keyed k = { NULL, e->index.v, j };

			if (d->ast->kind == MSR_INDEXED && e->index.v < d->ast->count.v)
				keys[n++] = k;
		}
		first = first_repeat(keys, n, d->elements.n);
		for (j = 0; j < d->elements.n; j++) {
			const struct ast_element *e = d->elements.v[j];

			if (d->ast->kind != MSR_INDEXED) {
				report(c, &e->pos, "'element' needs an indexed MSR, like %s(i)[N]",
				       d->name);
			} else if (e->index.v >= d->ast->count.v) {
				report(c, &e->index.pos, "element %llu is past the end of %s[%llu]",
				       (unsigned long long)e->index.v, d->name,
				       (unsigned long long)d->ast->count.v);
			} else if (first[j] != j) {
				report(c, &e->index.pos, "element %llu of %s is named twice",
				       (unsigned long long)e->index.v, d->name);
				note_at(&d->elements.v[first[j]]->pos, "the first name is here");
			}
		}
		free(keys);
		free(first);
	}
}

static void check_field_range(struct model *m, const struct check *c)
{
	size_t i, j;
	const struct ast_msr *a;

	for_each_msr(m, i, a) {
		for (j = 0; j < a->fields.n; j++) {
			const struct ast_field *f = &a->fields.v[j];

			if (f->hi.v > 63 || f->lo.v > 63)
				report(c, &f->bits_pos, "field %s: bit %llu is outside 63:0",
				       f->name.name,
				       (unsigned long long)(f->hi.v > 63 ? f->hi.v : f->lo.v));
			else if (f->hi.v < f->lo.v)
				report(c, &f->bits_pos, "field %s: high bit %llu is below low bit %llu",
				       f->name.name, (unsigned long long)f->hi.v,
				       (unsigned long long)f->lo.v);
		}
		for (j = 0; j < a->reserved.n; j++) {
			const struct ast_bits *b = &a->reserved.v[j];

			if (b->hi.v > 63 || b->lo.v > 63 || b->hi.v < b->lo.v)
				report(c, &b->pos, "reserved bits %llu:%llu are not a range within 63:0",
				       (unsigned long long)b->hi.v, (unsigned long long)b->lo.v);
		}
	}
}

static bool bits_ok(uint64_t hi, uint64_t lo)
{
	return hi <= 63 && lo <= hi;
}

static void check_field_overlap(struct model *m, const struct check *c)
{
	size_t i, j, bit;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];
		/* per bit, the first field and the first reserved range that has it, + 1 */
		size_t field_at[64] = { 0 }, reserved_at[64] = { 0 };

		for (j = d->reserved.n; j-- > 0;) {
			const struct ast_bits *b = d->reserved.v[j];

			if (bits_ok(b->hi.v, b->lo.v))
				for (bit = b->lo.v; bit <= b->hi.v; bit++)
					reserved_at[bit] = j + 1;
		}
		for (j = 0; j < d->fields.n; j++) {
			const struct ast_field *f = d->fields.v[j];
			size_t g = 0, r = 0;

			if (!bits_ok(f->hi.v, f->lo.v))
				continue;
			for (bit = f->lo.v; bit <= f->hi.v; bit++) {
				if (field_at[bit] && (!g || field_at[bit] < g))
					g = field_at[bit];
				if (reserved_at[bit] && (!r || reserved_at[bit] < r))
					r = reserved_at[bit];
			}
			if (g) {
				const struct ast_field *h = d->fields.v[g - 1];

				if (strcmp(f->name.name, h->name.name)) {	/* else duplicate-field */
					report(c, &f->bits_pos, "field %s overlaps field %s of %s",
					       f->name.name, h->name.name, d->name);
					note_at(&h->bits_pos, "%s is here", h->name.name);
				}
			}
			if (r) {
				report(c, &f->bits_pos, "field %s overlaps reserved bits of %s",
				       f->name.name, d->name);
				note_at(&d->reserved.v[r - 1]->pos, "the reserved bits are here");
			}
			for (bit = f->lo.v; bit <= f->hi.v; bit++)
				if (!field_at[bit])
					field_at[bit] = j + 1;
		}
	}
}

static void check_duplicate_field(struct model *m, const struct check *c)
{
	size_t i, j;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];
		struct keyed *keys = xcalloc(d->fields.n, sizeof(*keys));
		size_t *first;

		for (j = 0; j < d->fields.n; j++) {
			struct keyed k = { d->fields.v[j]->name.name, 0, j };

			keys[j] = k;
		}
		first = first_repeat(keys, d->fields.n, d->fields.n);
		for (j = 0; j < d->fields.n; j++) {
			const struct ast_field *f = d->fields.v[j], *o = d->fields.v[first[j]];

			if (first[j] == j)
				continue;
			if (f->hi.v == o->hi.v && f->lo.v == o->lo.v)
				report(c, &f->name.pos, "%s has field %s already, at these bits: to add to it, leave the bits out (field %s { doc \"...\"; })",
				       d->name, f->name.name, f->name.name);
			else
				report(c, &f->name.pos, "%s has two fields named %s", d->name,
				       f->name.name);
			note_at(&o->name.pos, "the first one is here");
		}
		free(keys);
		free(first);
	}
}


/* "field ENABLE { doc "..."; }" without bits: a field of that name must be there */
static void check_field_annotation(struct model *m, const struct check *c)
{
	size_t i, j, k, l;
	const struct decl *d;
	const struct ast_msr *p;

	for_each_decl_part(m, i, j, d, p) {
		for (k = 0; k < p->fields.n; k++) {
			const struct ast_field *a = &p->fields.v[k], *f = NULL;
			struct closest near;

			if (a->has_bits)
				continue;
			closest_init(&near, a->name.name);
			for (l = 0; l < d->fields.n; l++) {
				if (!strcmp(d->fields.v[l]->name.name, a->name.name) && !f)
					f = d->fields.v[l];
				closest_try(&near, d->fields.v[l]->name.name);
			}
			if (!f) {
				report(c, &a->name.pos,
				       "%s has no field %s to annotate%s%s%s (a new field needs its bits: field %s HI:LO)",
				       d->name, a->name.name, MEAN(near.best), a->name.name);
				continue;
			}
			if (a->doc && f->doc_pos.line && f->doc != a->doc) {
				report(c, &a->doc_pos, "field %s of %s has a doc string already",
				       a->name.name, d->name);
				note_at(&f->doc_pos, "the first one is here");
			}
			if (a->access != ACC_NONE && f->access != a->access) {
				report(c, &a->name.pos, "field %s of %s is %s already", a->name.name,
				       d->name, access_name(f->access));
			}
		}
	}
}
static void check_field_value(struct model *m, const struct check *c)
{
	size_t i, j, k, l;
	const struct ast_msr *a;

	for_each_msr(m, i, a) {
		for (j = 0; j < a->fields.n; j++) {
			const struct ast_field *f = &a->fields.v[j];
			struct keyed *keys;
			size_t *first;
			unsigned width;

			if (!f->has_bits || !bits_ok(f->hi.v, f->lo.v))
				continue;
			width = (unsigned)(f->hi.v - f->lo.v + 1);
			keys = xcalloc(f->values.n, sizeof(*keys));
			for (k = 0; k < f->values.n; k++) {
				struct keyed key = { f->values.v[k].name.name, 0, k };

				keys[k] = key;
			}
			first = first_repeat(keys, f->values.n, f->values.n);
			for (k = 0; k < f->values.n; k++) {
				const struct ast_value *v = &f->values.v[k];

				if (width < 64 && v->value.v >> width)
					report(c, &v->value.pos, "value %s = %llu does not fit the %u-bit field %s",
					       v->name.name, (unsigned long long)v->value.v, width,
					       f->name.name);
				if (first[k] != k) {
					report(c, &v->name.pos, "field %s has two values named %s",
					       f->name.name, v->name.name);
					note_at(&f->values.v[first[k]].name.pos, "the first one is here");
				}
			}
			free(keys);
			free(first);
		}
	}
	/* the values annotations add: to the field as merged */
	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		for (j = 0; j < d->merged.n; j++) {
			const struct ast_field *f = d->merged.v[j];
			unsigned width = (unsigned)(f->hi.v - f->lo.v + 1);
			size_t own = 0;
			const struct ast_msr *p;

			if (!bits_ok(f->hi.v, f->lo.v))
				continue;
			/* the values of the field's own declaration come first */
			for (k = 0; k < d->parts.n; k++)
				for (p = d->parts.v[k], l = 0; l < p->fields.n; l++)
					if (p->fields.v[l].has_bits &&
					    !srcpos_cmp(&p->fields.v[l].name.pos, &f->name.pos))
						own = p->fields.v[l].values.n;
			for (k = own; k < f->values.n; k++) {
				const struct ast_value *v = &f->values.v[k];

				if (width < 64 && v->value.v >> width)
					report(c, &v->value.pos, "value %s = %llu does not fit the %u-bit field %s",
					       v->name.name, (unsigned long long)v->value.v, width,
					       f->name.name);
				for (l = 0; l < k; l++) {
					if (strcmp(f->values.v[l].name.name, v->name.name))
						continue;
					report(c, &v->name.pos, "field %s has two values named %s",
					       f->name.name, v->name.name);
					note_at(&f->values.v[l].name.pos, "the first one is here");
					break;
				}
			}
		}
	}
}

static void check_unknown_platform(struct model *m, const struct check *c)
{
	size_t i, j;
	const struct ast_msr *a;
	const struct ast_handling *h;

	for_each_handling(m, i, j, a, h)
		if (model_platform_index(m, h->platform.name) < 0)
			report(c, &h->platform.pos, "unknown platform '%s'%s%s%s", h->platform.name,
			       MEAN(near_platform(m, h->platform.name)));
	for (i = 0; i < m->ast->hypervisors.n; i++) {
		const struct ast_hypervisor *h = m->ast->hypervisors.v[i];

		if (model_platform_index(m, h->platform.name) < 0)
			report(c, &h->platform.pos, "unknown platform '%s'%s%s%s", h->platform.name,
			       MEAN(near_platform(m, h->platform.name)));
	}
}

/* A handling (beh false) or hypervisor behaviour written as a word that neither
   the language nor platform pi declares; where another platform has it, say so */
static void unknown_word(const struct model *m, const struct check *c, int pi, bool beh,
			 const struct ident *w)
{
	const struct ast_platform *p = m->platforms.v[pi].ast;
	const char *what = beh ? "behaviour" : "handling";
	struct closest near;
	size_t i, n = beh ? HV_GP + 1 : H_WORD;

	if (platform_word(p, beh, w->name))
		return;
	if (platform_word(p, !beh, w->name)) {
		report(c, &w->pos, "'%s' is a %s of platform %s, not a %s", w->name,
		       beh ? "handling" : "hypervisor behaviour", p->name.name, what);
		return;
	}
	closest_init(&near, w->name);
	for (i = 0; i < n; i++)
		closest_try(&near, beh ? hvbeh_name((enum hvbeh)i) : hkind_name((enum hkind)i));
	for (i = 0; i < (beh ? p->behaviours.n : p->handlings.n); i++)
		closest_try(&near, (beh ? p->behaviours.v : p->handlings.v)[i].name.name);
	report(c, &w->pos, "unknown %s '%s' for platform %s%s%s%s", what, w->name,
	       p->name.name, MEAN(near.best));
	for (i = 0; i < m->platforms.n; i++) {
		const struct ast_word *o = platform_word(m->platforms.v[i].ast, beh, w->name);

		if (o)
			note_at(&o->name.pos, "platform %s declares that %s", m->platforms.v[i].name,
				what);
	}
}

static void check_unknown_handling(struct model *m, const struct check *c)
{
	size_t i, j;
	const struct ast_msr *a;
	const struct ast_handling *h;
	int pi;

	for_each_handling(m, i, j, a, h)
		if (h->kind == H_WORD && (pi = model_platform_index(m, h->platform.name)) >= 0)
			unknown_word(m, c, pi, false, &h->word);
	for (i = 0; i < m->ast->hypervisors.n; i++) {
		const struct ast_hypervisor *hv = m->ast->hypervisors.v[i];

		pi = model_platform_index(m, hv->platform.name);
		for (j = 0; pi >= 0 && j < hv->entries.n; j++)
			if (hv->entries.v[j].word.name)
				unknown_word(m, c, pi, true, &hv->entries.v[j].word);
	}
}

/* A platform declaring one handling, or one behaviour, twice */
static void check_duplicate_word(struct model *m, const struct check *c)
{
	size_t i, j, k;
	int beh;

	for (i = 0; i < m->ast->platforms.n; i++) {
		const struct ast_platform *p = m->ast->platforms.v[i];

		for (beh = 0; beh < 2; beh++) {
			size_t n = beh ? p->behaviours.n : p->handlings.n;
			const struct ast_word *w = beh ? p->behaviours.v : p->handlings.v;

			for (j = 1; j < n; j++) {
				for (k = 0; k < j && strcmp(w[k].name.name, w[j].name.name); k++)
					;
				if (k == j)
					continue;
				report(c, &w[j].name.pos, "platform %s declares the %s '%s' twice",
				       p->name.name, beh ? "behaviour" : "handling", w[j].name.name);
				note_at(&w[k].name.pos, "the first one is here");
			}
		}
	}
}

/* first..last is a range of 32-bit MSR addresses, not empty; reported if not */
static bool range_ok(const struct check *c, const struct number *first, const struct number *last)
{
	if (first->v > UINT32_MAX || last->v > UINT32_MAX)
		report(c, &first->pos, "MSR addresses are 32 bits wide");
	else if (first->v > last->v)
		report(c, &first->pos, "the range 0x%llx..0x%llx is empty",
		       (unsigned long long)first->v, (unsigned long long)last->v);
	else
		return true;
	return false;
}

/* The ranges a platform's handlings claim: 32-bit, not empty, one claim per address */
static void check_handling_range(struct model *m, const struct check *c)
{
	size_t i, j, k, l, n;

	for (i = 0; i < m->ast->platforms.n; i++) {
		const struct ast_platform *p = m->ast->platforms.v[i];

		for (j = 0; j < p->handlings.n; j++) {
			for (k = 0; k < p->handlings.v[j].ranges.n; k++) {
				const struct ast_wrange *r = &p->handlings.v[j].ranges.v[k];
				bool ok = range_ok(c, &r->first, &r->last);

				/* against every earlier range of the platform's handlings */
				for (l = 0; ok && l <= j; l++) {
					const struct ast_word *w = &p->handlings.v[l];

					for (n = 0; n < (l < j ? w->ranges.n : k); n++) {
						const struct ast_wrange *o = &w->ranges.v[n];

						if (o->first.v > o->last.v || r->last.v < o->first.v ||
						    r->first.v > o->last.v)
							continue;
						report(c, &r->first.pos, "platform %s claims 0x%llx twice, for %s%s%s",
						       p->name.name,
						       (unsigned long long)(r->first.v > o->first.v ? r->first.v : o->first.v),
						       p->handlings.v[j].name.name, l == j ? "" : " here and for ",
						       l == j ? "" : w->name.name);
						note_at(&o->pos, "the first claim is here");
						ok = false;
						break;
					}
				}
			}
		}
	}
}

static void check_handling_direction(struct model *m, const struct check *c)
{
	size_t i, j, k;
	const struct decl *d;
	const struct ast_msr *p;

	for_each_decl_part(m, i, j, d, p) {
		for (k = 0; k < p->handlings.n; k++) {
			const struct ast_handling *h = &p->handlings.v[k];
			enum dir bad = (enum dir)(h->dir & ~d->access);

			if (!bad)
				continue;
			report(c, &h->dir_pos, "%s is %s: it cannot have a %s handling", d->name,
			       d->access == ACC_RO ? "read-only" : "write-only", dir_name(bad));
			if (d->attr[ATTR_ACCESS])
				note_at(&d->attr[ATTR_ACCESS]->pos, "the access is given here");
		}
	}
}

static void check_duplicate_handling(struct model *m, const struct check *c)
{
	/* per platform and direction, the statement that said it first */
	const struct ast_handling **first = xcalloc(m->platforms.n * 2 + 1, sizeof(*first));
	size_t i, j, k, l;
	const struct decl *d;
	const struct ast_msr *p;

	for (i = 0; i < m->decls.n; i++) {
		d = m->decls.v[i];
		memset(first, 0, (m->platforms.n * 2 + 1) * sizeof(*first));
		for (j = 0; j < d->parts.n && ((p = d->parts.v[j]), 1); j++) {
			for (k = 0; k < p->handlings.n; k++) {
				const struct ast_handling *h = &p->handlings.v[k];
				int pi = model_platform_index(m, h->platform.name);
				bool again = false;

				for (l = 0; pi >= 0 && l < 2; l++) {
					const struct ast_handling **s = &first[pi * 2 + l];

					if (!(h->dir & (1 << l)))
						continue;
					if (!*s) {
						*s = h;
					} else if (!again) {
						report(c, &h->pos, "%s has a second %s %s handling", d->name,
						       h->platform.name, l ? "write" : "read");
						note_at(&(*s)->pos, "the first one is here");
						again = true;
					}
				}
			}
		}
	}
	free(first);
}

/* The base platform is bare metal: the instruction itself is its only handling. */
static void check_base_handling(struct model *m, const struct check *c)
{
	size_t i, j;
	const struct ast_msr *a;
	const struct ast_handling *h;
	int pi;

	for_each_handling(m, i, j, a, h) {
		pi = model_platform_index(m, h->platform.name);
		if (pi < 0 || m->platforms.v[pi].feature[0] || h->kind == H_PASSTHROUGH)
			continue;
		report(c, &h->kind_pos,
		       "'%s' is the base platform (bare metal): its handling can only be passthrough, not %s",
		       h->platform.name, handling_word(h));
		note_at(&m->platforms.v[pi].ast->name.pos, "'%s' has no feature: it is declared here",
			h->platform.name);
	}
}

/* Every call and fixup handling, by handler name, then in the order read */
struct use {
	const struct ast_handling *h;
	size_t seq;
};

static int cmp_use(const void *a, const void *b)
{
	const struct use *x = a, *y = b;
	int r = strcmp(x->h->func.name, y->h->func.name);

	return r ? r : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

static struct use *handler_uses(struct model *m, size_t *n)
{
	VEC(struct use) v = { 0 };
	size_t i, j;
	const struct ast_msr *a;
	const struct ast_handling *h;

	for_each_handling(m, i, j, a, h) {
		if (h->kind == H_CALL || h->kind == H_FIXUP) {
			struct use u = { h, v.n };

			vec_push(&v, u);
		}
	}
	sort_array(v.v, v.n, sizeof(*v.v), cmp_use);
	*n = v.n;
	return v.v;
}

struct dup_use {
	const struct ast_handling *again, *first;
};

static int cmp_dup_use(const void *a, const void *b)
{
	return srcpos_cmp(&((const struct dup_use *)a)->again->func.pos,
			  &((const struct dup_use *)b)->again->func.pos);
}

/* One C function: one signature. */
static void check_handler_arity(struct model *m, const struct check *c)
{
	size_t n, i, first = 0;
	struct use *u = handler_uses(m, &n);
	VEC(struct dup_use) bad = { 0 };

	for (i = 0; i < n; i++)
		if (u[i].h->kind == H_CALL && u[i].h->dir == DIR_RW)
			report(c, &u[i].h->func.pos,
			       "%s cannot handle rw: a read handler takes a pointer, a write handler the value; give each direction its own",
			       u[i].h->func.name);
	for (i = 1; i < n; i++) {
		const struct ast_handling *f, *h = u[i].h;

		if (strcmp(h->func.name, u[first].h->func.name)) {
			first = i;
			continue;
		}
		f = u[first].h;
		if (f->kind != h->kind || f->args.n != h->args.n || f->dir != h->dir) {
			struct dup_use d = { h, f };

			vec_push(&bad, d);
		}
	}
	sort_array(bad.v, bad.n, sizeof(*bad.v), cmp_dup_use);
	for (i = 0; i < bad.n; i++) {
		const struct ast_handling *h = bad.v[i].again, *f = bad.v[i].first;

		if (f->kind != h->kind)
			report(c, &h->func.pos, "%s is a %s handler here but a %s handler elsewhere",
			       h->func.name, hkind_name(h->kind), hkind_name(f->kind));
		else if (f->dir != h->dir)
			report(c, &h->func.pos, "%s handles %s here but %s elsewhere: a read handler takes a pointer, a write handler the value",
			       h->func.name, dir_name(h->dir), dir_name(f->dir));
		else
			report(c, &h->func.pos, "%s is called with %zu argument%s here but %zu elsewhere",
			       h->func.name, h->args.n, h->args.n == 1 ? "" : "s", f->args.n);
		note_at(&f->pos, "the other use is here");
	}
	free(bad.v);
	free(u);
}

/* A handler named once, a typo away from one named elsewhere */
static void check_handler_name(struct model *m, const struct check *c)
{
	size_t n, i, j;
	struct use *u = handler_uses(m, &n);

	for (i = 0; i < n; i++) {
		struct closest near;
		const char *name = u[i].h->func.name;

		if ((i > 0 && !strcmp(u[i - 1].h->func.name, name)) ||
		    (i + 1 < n && !strcmp(u[i + 1].h->func.name, name)))
			continue;	/* used more than once: meant */
		closest_init(&near, name);
		/* one C function: the same kind for the same direction */
		for (j = 0; j < n; j++)
			if (u[j].h->kind == u[i].h->kind && u[j].h->dir == u[i].h->dir)
				closest_try(&near, u[j].h->func.name);
		if (!near.best)
			continue;
		for (j = 0; strcmp(u[j].h->func.name, near.best); j++)
			;
		/* two names each used once, each the other's typo: said once, at the later */
		if ((j + 1 >= n || strcmp(u[j + 1].h->func.name, near.best)) &&
		    srcpos_cmp(&u[i].h->func.pos, &u[j].h->func.pos) < 0)
			continue;
		report(c, &u[i].h->func.pos, "%s is named only here; did you mean %s?", name,
		       near.best);
		note_at(&u[j].h->func.pos, "%s is here", near.best);
	}
	free(u);
}

static void check_handling_kind(struct model *m, const struct check *c)
{
	size_t i, j, k;
	const struct ast_msr *a;
	const struct ast_handling *h;

	for_each_handling(m, i, j, a, h) {
		if (h->kind == H_FIXUP && (h->dir & DIR_WRITE))
			report(c, &h->kind_pos, "a fixup adjusts what a read returns: it cannot handle writes");
		if (h->kind == H_IGNORE && h->has_value && h->dir == DIR_WRITE)
			report(c, &h->value.pos, "an ignored write has no value: the value is what an ignored read returns");
		for (k = 0; k < h->args.n; k++)
			if (isdigit((unsigned char)h->args.v[k].name[0]) &&
			    strtoull(h->args.v[k].name, NULL, 0) > UINT32_MAX)
				report(c, &h->args.v[k].pos,
				       "a handler's constant argument is at most 32 bits (C passes it as unsigned long, 32 bits on i386)");
	}
}

static void check_doc_string(const struct check *c, const char *s, const struct srcpos *pos)
{
	const char *p;

	if (!s)
		return;
	for (p = s; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			report(c, pos, "doc strings are one line of printable text");
			return;
		}
	}
	if (strstr(s, "*/") || strstr(s, "[[") || strstr(s, "]]"))
		report(c, pos, "doc strings cannot hold '*/', '[[' or ']]'");
}

static void check_doc_text(struct model *m, const struct check *c)
{
	size_t i, j;
	const struct ast_msr *a;

	for (i = 0; i < m->ast->platforms.n; i++) {
		const struct ast_platform *p = m->ast->platforms.v[i];

		check_doc_string(c, p->doc, &p->doc_pos);
		for (j = 0; j < p->handlings.n; j++)
			check_doc_string(c, p->handlings.v[j].doc, &p->handlings.v[j].doc_pos);
		for (j = 0; j < p->behaviours.n; j++)
			check_doc_string(c, p->behaviours.v[j].doc, &p->behaviours.v[j].doc_pos);
	}
	for_each_msr(m, i, a) {
		for (j = 0; j < a->attrs.n; j++)
			if (a->attrs.v[j].kind == ATTR_DOC)
				check_doc_string(c, a->attrs.v[j].str, &a->attrs.v[j].pos);
		for (j = 0; j < a->fields.n; j++)
			check_doc_string(c, a->fields.v[j].doc, &a->fields.v[j].doc_pos);
	}
	for (i = 0; i < m->ast->hypervisors.n; i++) {
		const struct ast_hypervisor *h = m->ast->hypervisors.v[i];

		check_doc_string(c, h->doc, &h->doc_pos);
		for (j = 0; j < h->entries.n; j++)
			check_doc_string(c, h->entries.v[j].note, &h->entries.v[j].pos);
	}
}

static void check_hypervisor_range(struct model *m, const struct check *c)
{
	size_t i, j;

	for (i = 0; i < m->ast->hypervisors.n; i++) {
		const struct ast_hypervisor *h = m->ast->hypervisors.v[i];

		for (j = 0; j < h->entries.n; j++) {
			const struct ast_hventry *e = &h->entries.v[j];

			if (!e->is_default && !e->by_name)
				range_ok(c, &e->first, &e->last);
		}
	}
}

static void check_hypervisor_overlap(struct model *m, const struct check *c)
{
	size_t i, j;
	int k;

	for (i = 0; i < m->hypervisors.n; i++) {
		const struct hypervisor *h = &m->hypervisors.v[i];
		const struct ast_hypervisor *ah = h->ast;
		/* per entry: the earlier entry it repeats, where, and for which direction */
		const struct hvrange **other = xcalloc(ah->entries.n, sizeof(*other));
		uint32_t *where = xcalloc(ah->entries.n, sizeof(*where));
		int *dir = xcalloc(ah->entries.n, sizeof(*dir));

		/*
		 * One sweep per direction over the ranges by address: a range that starts
		 * before the widest range seen so far ends overlaps it, and the later
		 * entry of the two is the one to report, once.
		 */
		for (k = 0; k < 2; k++) {
			const struct hvrange *cover = NULL;

			for (j = 0; j < h->by_dir[k].n; j++) {
				const struct hvrange *r = &h->ranges.v[h->by_dir[k].v[j]], *early, *late;
				size_t e;

				if (cover && r->first <= cover->last && r->ast != cover->ast) {
					early = r->ast < cover->ast ? r : cover;
					late = r->ast < cover->ast ? cover : r;
					e = (size_t)(late->ast - ah->entries.v);
					if (!other[e] || r->first < where[e]) {
						other[e] = early;
						where[e] = r->first;
						dir[e] = k;
					}
				}
				if (!cover || r->last > cover->last)
					cover = r;
			}
		}
		for (j = 0; j < ah->entries.n; j++) {
			if (!other[j])
				continue;
			report(c, &ah->entries.v[j].pos, "%s says twice what a %s of 0x%08x does",
			       h->name, dir[j] ? "write" : "read", where[j]);
			note_at(&other[j]->ast->pos, "the first entry is here");
		}
		free(other);
		free(where);
		free(dir);
	}
	/* a default says what the table does not: one per direction */
	for (i = 0; i < m->ast->hypervisors.n; i++) {
		const struct ast_hypervisor *ah = m->ast->hypervisors.v[i];
		const struct ast_hventry *dflt[2] = { NULL, NULL };

		for (j = 0; j < ah->entries.n; j++) {
			const struct ast_hventry *e = &ah->entries.v[j];

			for (k = 0; e->is_default && k < 2; k++) {
				if (!(e->dir & (1 << k)))
					continue;
				if (dflt[k]) {
					report(c, &e->pos, "%s has a second default for %s", ah->name.name,
					       k ? "writes" : "reads");
					note_at(&dflt[k]->pos, "the first one is here");
					break;
				}
				dflt[k] = e;
			}
		}
	}
}

/* "defualt rw gp;": a misspelt default reads as an entry for an MSR of that name */
static bool near_default(const char *name)
{
	struct closest c;

	closest_init(&c, name);
	closest_try(&c, "default");
	return c.best && strncmp(name, "MSR_", 4);
}

static void check_hypervisor_unknown_msr(struct model *m, const struct check *c)
{
	size_t i, j;

	for (i = 0; i < m->ast->hypervisors.n; i++) {
		const struct ast_hypervisor *h = m->ast->hypervisors.v[i];
		const struct hypervisor *mh = NULL;
		bool *found;

		for (j = 0; j < m->hypervisors.n; j++)
			if (m->hypervisors.v[j].ast == h)
				mh = &m->hypervisors.v[j];
		if (!mh)
			continue;
		found = xcalloc(h->entries.n, sizeof(*found));
		for (j = 0; j < mh->ranges.n; j++)
			found[mh->ranges.v[j].ast - h->entries.v] = true;
		for (j = 0; j < h->entries.n; j++) {
			const struct ast_hventry *e = &h->entries.v[j];

			if (e->by_name && !found[j] && near_default(e->name.name))
				error_at(&e->name.pos, NULL, "unknown keyword '%s'; did you mean 'default'?",
					 e->name.name);
			else if (e->by_name && !found[j])
				report(c, &e->name.pos, "no MSR named '%s' is declared; the entry is left out%s%s%s",
				       e->name.name, MEAN(near_msr(m, e->name.name, true)));
		}
		free(found);
	}
}

static const char *const known_vendors[] = { "intel", "amd", "hygon", "centaur", "zhaoxin" };

static void check_vendor_list(const struct check *c, const struct vendors *v)
{
	size_t i, j;

	for (i = 0; i < v->list.n; i++) {
		bool ok = false;

		for (j = 0; j < sizeof(known_vendors) / sizeof(known_vendors[0]); j++)
			ok |= !strcmp(v->list.v[i].name, known_vendors[j]);
		if (!ok)
			report(c, &v->list.v[i].pos,
			       "unknown vendor '%s' (known: intel, amd, hygon, centaur, zhaoxin)",
			       v->list.v[i].name);
	}
}

static void check_unknown_vendor(struct model *m, const struct check *c)
{
	size_t i, j;
	const struct ast_msr *a;

	for_each_msr(m, i, a) {
		for (j = 0; j < a->attrs.n; j++)
			if (a->attrs.v[j].kind == ATTR_VENDOR)
				check_vendor_list(c, &a->attrs.v[j].vendors);
		for (j = 0; j < a->aliases.n; j++)
			check_vendor_list(c, &a->aliases.v[j].vendors);
	}
}

/* An alias for a vendor its MSR is not for: "vendor intel" and an AMD name */
static void check_alias_vendor(struct model *m, const struct check *c)
{
	size_t i, j, k, l;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		if (!d->vendors)
			continue;
		for (j = 0; j < d->aliases.n; j++) {
			const struct ast_alias *a = d->aliases.v[j];

			for (k = 0; k < a->vendors.list.n; k++) {
				const struct ident *v = &a->vendors.list.v[k];
				bool ok = false;
				size_t kv;

				/* an unknown vendor is unknown-vendor's */
				for (kv = 0; kv < sizeof(known_vendors) / sizeof(known_vendors[0]); kv++)
					ok |= !strcmp(known_vendors[kv], v->name);
				ok = !ok;

				for (l = 0; l < d->vendors->list.n; l++)
					ok |= !strcmp(d->vendors->list.v[l].name, v->name);
				if (ok)
					continue;
				report(c, &v->pos, "alias %s is for %s, but %s is not", a->name.name,
				       v->name, d->name);
				note_at(&d->attr[ATTR_VENDOR]->pos, "the vendors of %s are given here",
					d->name);
			}
		}
	}
}

static void check_field_access(struct model *m, const struct check *c)
{
	size_t i, j;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		for (j = 0; j < d->fields.n; j++) {
			const struct ast_field *f = d->fields.v[j];

			if (f->access & ~d->access)
				report(c, &f->name.pos, "field %s is %s but %s is %s", f->name.name,
				       access_name(f->access), d->name, access_name(d->access));
		}
	}
}

static void check_nonserializing_readonly(struct model *m, const struct check *c)
{
	size_t i;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		if (d->ns && d->access == ACC_RO)
			report(c, &d->attr[ATTR_NS]->pos,
			       "%s is read-only: 'nonserializing' has nothing to do", d->name);
	}
}

/* The probe writes back what it read: the MSR must allow both */
static void check_writeback_access(struct model *m, const struct check *c)
{
	size_t i;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		if (d->writeback && d->access != ACC_RW)
			report(c, &d->attr[ATTR_WRITEBACK]->pos,
			       "%s is %s: the probe cannot write back what it read",
			       d->name, d->access == ACC_RO ? "read-only" : "write-only");
	}
}

/* Word w of the shadow statement a, which should be want where it is there */
static void shadow_word(const struct check *c, const struct ast_attr *a, const struct ident *w,
			const char *want)
{
	struct closest near;

	if (!w->name || !strcmp(w->name, want))
		return;
	closest_init(&near, w->name);
	closest_try(&near, want);
	report(c, &w->pos, "unexpected '%s' after 'shadow %s'%s%s%s (" SHADOW_FORM ")", w->name,
	       a->scope.name, near.best ? "; did you mean '" : "", near.best ? want : "",
	       near.best ? "'?" : "");
}

/* shadow percpu [deferred] [reset VALUE]: the words as written */
static void check_shadow_form(struct model *m, const struct check *c)
{
	size_t i, j, k;
	const struct decl *d;
	const struct ast_msr *p;

	for_each_decl_part(m, i, j, d, p) {
		for (k = 0; k < p->attrs.n; k++) {
			const struct ast_attr *a = &p->attrs.v[k];

			if (a->kind != ATTR_SHADOW)
				continue;
			if (strcmp(a->scope.name, "percpu")) {
				struct closest near;

				closest_init(&near, a->scope.name);
				closest_try(&near, "percpu");
				if (near.best)
					report(c, &a->scope.pos, "unknown kind of copy '%s'; did you mean 'percpu'?",
					       a->scope.name);
				else
					report(c, &a->scope.pos, "unknown kind of copy '%s': the language has 'percpu' only (" SHADOW_FORM ")",
					       a->scope.name);
			}
			if (a->mode_word.name && !strcmp(a->mode_word.name, "reset"))
				report(c, &a->mode_word.pos, "'reset' without a value (" SHADOW_FORM ")");
			else
				shadow_word(c, a, &a->mode_word, "deferred");
			shadow_word(c, a, &a->reset_word, "reset");
		}
	}
}

/* A copy of a register nobody writes, or of a command register */
static void check_shadow_access(struct model *m, const struct check *c)
{
	size_t i;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		if (!d->shadow || d->access == ACC_RW)
			continue;
		if (d->access == ACC_RO)
			report(c, &d->attr[ATTR_SHADOW]->pos,
			       "%s is read-only: there is no write to keep a copy of", d->name);
		else
			report(c, &d->attr[ATTR_SHADOW]->pos,
			       "%s is write-only: a write of it is a command, and a second write of the same value is not a no-op",
			       d->name);
	}
}

/* The reset value of a copy sets no reserved bit */
static void check_shadow_reset(struct model *m, const struct check *c)
{
	size_t i, j;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];
		const struct ast_attr *a = d->attr[ATTR_SHADOW];

		if (!d->shadow || !a->reset_word.name)
			continue;
		for (j = 0; j < d->reserved.n; j++) {
			const struct ast_bits *b = d->reserved.v[j];
			unsigned hi = (unsigned)b->hi.v, lo = (unsigned)b->lo.v;
			uint64_t mask = (hi - lo >= 63 ? ~0ULL : (1ULL << (hi - lo + 1)) - 1) << lo;

			if (hi > 63 || lo > hi || !(d->shadow_reset & mask))
				continue;
			report(c, &a->reset.pos, "reset value 0x%llx of %s sets reserved bits %u:%u",
			       (unsigned long long)d->shadow_reset, d->name, hi, lo);
			note_at(&b->pos, "reserved here");
			break;
		}
	}
}

/*
 * The copy says what the register holds: every platform must write what the
 * accessor was given (passthrough, or a handler that writes it another way)
 * and read back what was written (passthrough).
 */
static void check_shadow_bypass(struct model *m, const struct check *c)
{
	size_t i, pi;
	int k;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		if (!d->shadow || d->access != ACC_RW)
			continue;
		for (pi = 0; pi < m->platforms.n; pi++) {
			for (k = 0; k < 2; k++) {
				const struct handling *h = &d->handling[pi * 2 + k];

				if (h->kind == H_PASSTHROUGH || (k && h->kind == H_CALL))
					continue;
				report(c, &h->ast->kind_pos,
				       k ? "%s is shadowed, but on platform %s its writes are '%s': the register would not hold what its copy says"
					 : "%s is shadowed, but on platform %s its reads are '%s': a read would not give what its copy says",
				       d->name, m->platforms.v[pi].name, handling_name(h));
				note_at(&d->attr[ATTR_SHADOW]->pos, "shadowed here");
			}
		}
	}
}

/* A hypervisor that drops the writes of a shadowed MSR or answers its reads itself */
static void check_shadow_hypervisor(struct model *m, const struct check *c)
{
	size_t i, j, h;
	int k;

	for (h = 0; h < m->hypervisors.n; h++) {
		const struct hypervisor *hv = &m->hypervisors.v[h];

		for (i = 0; i < m->decls.n; i++) {
			const struct decl *d = m->decls.v[i];

			if (!d->shadow)
				continue;
			for (j = 0; j < d->regs.n; j++) {
				const struct reg *r = &m->regs.v[d->regs.v[j]];

				for (k = 0; k < 2; k++) {
					const struct hvrange *e = model_hv_lookup(hv, r->addr,
										  k ? DIR_WRITE : DIR_READ);
					enum hvbeh b = e ? e->beh : hv->dflt[k];
					const char *word = e ? e->word : hv->dflt_word[k];
					const struct srcpos *at = e ? &e->ast->pos : &hv->ast->name.pos;

					if (k ? b != HV_DISCARD : b != HV_ZERO && b != HV_CONST && b != HV_HOST)
						continue;
					if (k)
						report(c, at, "%s discards the writes of %s%s%s%s, which is shadowed: its copy would hold what the register does not",
						       hv->name, r->macro, e ? "" : " by default",
						       strcmp(word, "discard") ? " as " : "",
						       strcmp(word, "discard") ? word : "");
					else
						report(c, at, "%s answers reads of %s itself%s (%s), but it is shadowed: its copy holds what was written, which a read does not give",
						       hv->name, r->macro, e ? "" : " by default", word);
					note_at(&d->attr[ATTR_SHADOW]->pos, "shadowed here");
					break;
				}
				if (k < 2)
					break;	/* once per MSR */
			}
		}
	}
}

static void check_unused_platform(struct model *m, const struct check *c)
{
	size_t i, j, k;

	for (i = 0; i < m->platforms.n; i++) {
		const struct platform *p = &m->platforms.v[i];
		bool used = !p->feature[0];
		const struct ast_msr *a;
		const struct ast_handling *h;

		for_each_handling(m, j, k, a, h)
			used |= !strcmp(h->platform.name, p->name) && model_find_decl(m, a->name.name);
		for (j = 0; j < m->ast->hypervisors.n && !used; j++)
			used |= !strcmp(m->ast->hypervisors.v[j]->platform.name, p->name);
		if (!used && m->decls.n)
			report(c, &p->ast->name.pos,
			       "platform '%s' has no handling and no hypervisor table", p->name);
	}
}


/* ---- the names a target emits (names.conf) ------------------------------ */

/*
 * A target's names.conf says, as data, which C names it makes of the table:
 *
 *   register PATTERN...   per register: {id} {ID} (the model's id), {macro}
 *   field PATTERN...      per field: {did} {DID} and {msr} (its name) of its MSR,
 *                         {field} {FIELD}
 *   value PATTERN...      per enumerated value: those and {value} {VALUE}
 *   handler PATTERN...    per call or fixup handler: {name}
 *   same-prefix WORD...   MSR names equal but for one of these after MSR_
 *   alias PATTERN...      per alias of an MSR: {alias}, {did}, {msr}
 *   reserved-bits PATTERN...  per MSR with reserved bits: {did}, {msr}
 *   reserved WORD...      words no name nor handler argument may be
 *   reserved-prefix WORD...  what no name of the table may start with (the
 *                         templates' own macros and functions)
 *   provided NAME KIND DIR N  a handler the templates define themselves: a
 *                         table may only call it as KIND (call or fixup) for
 *                         DIR (read or write) with N arguments
 *   platform FEATURE WORD...  the handlings the templates have text for on the
 *                         platform selected by FEATURE ("-": the base platform)
 *
 * so the checks below know no language, no kernel and no platform.  Without
 * platform lines any handling goes.
 */
struct target_platform {
	char *feature;		/* "" for "-" */
	VEC(char *) words;
};

struct target_handler {
	char *name, *kind, *dir;
	size_t nargs;
	int line;
};

enum { KIND_REGISTER, KIND_FIELD, KIND_VALUE, KIND_HANDLER, KIND_ALIAS, KIND_RESBITS, KIND_SHADOW,
       NKINDS };

struct target_names {
	struct srcfile *file;
	VEC(char *) pattern[NKINDS];	/* by name_kinds */
	VEC(char *) prefixes;
	VEC(char *) reserved;
	VEC(char *) reserved_prefix;
	VEC(struct target_handler) provided;
	VEC(struct target_platform) platforms;
};

static const char *const name_kinds[] = { "register", "field", "value", "handler", "alias",
					  "reserved-bits", "shadow" };

static void target_names_free(struct target_names *t)
{
	size_t i, k;

	for (k = 0; k < NKINDS; k++) {
		for (i = 0; i < t->pattern[k].n; i++)
			free(t->pattern[k].v[i]);
		free(t->pattern[k].v);
	}
	for (i = 0; i < t->prefixes.n; i++)
		free(t->prefixes.v[i]);
	free(t->prefixes.v);
	for (i = 0; i < t->reserved.n; i++)
		free(t->reserved.v[i]);
	free(t->reserved.v);
	for (i = 0; i < t->reserved_prefix.n; i++)
		free(t->reserved_prefix.v[i]);
	free(t->reserved_prefix.v);
	for (i = 0; i < t->provided.n; i++) {
		free(t->provided.v[i].name);
		free(t->provided.v[i].kind);
		free(t->provided.v[i].dir);
	}
	free(t->provided.v);
	for (i = 0; i < t->platforms.n; i++) {
		free(t->platforms.v[i].feature);
		for (k = 0; k < t->platforms.v[i].words.n; k++)
			free(t->platforms.v[i].words.v[k]);
		free(t->platforms.v[i].words.v);
	}
	free(t->platforms.v);
	srcfile_free(t->file);
}

/* False (and an error) if names.conf is there but wrong; no file: nothing to check */
static bool target_names_load(struct target_names *t, const char *path)
{
	const char *p;
	int line = 1;
	bool ok = true;

	memset(t, 0, sizeof(*t));
	t->file = srcfile_load(path, NULL);
	if (!t->file)
		return errno == ENOENT;
	for (p = t->file->text; *p; line++) {
		const char *eol = strchr(p, '\n'), *w, *start = p;
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		char *text = xstrndup(p, n), *save = NULL, *word;
		int kind = -1;
		size_t k;

		p += n + (eol != NULL);
		word = strtok_r(text, " \t\r", &save);
		if (!word || word[0] == '#') {
			free(text);
			continue;
		}
		for (k = 0; k < NKINDS; k++)
			if (!strcmp(word, name_kinds[k]))
				kind = (int)k;
		if (kind < 0 && strcmp(word, "same-prefix") && strcmp(word, "reserved") &&
		    strcmp(word, "reserved-prefix") && strcmp(word, "provided") &&
		    strcmp(word, "platform")) {
			struct srcpos at = { t->file, line, 1, line, (int)strlen(word) };

			w = strstr(start, word);
			at.col = (int)(w - start) + 1;
			at.end_col = at.col + (int)strlen(word) - 1;
			error_at(&at, NULL, "unknown line '%s' (register, field, value, handler, alias, reserved-bits, shadow, same-prefix, reserved, reserved-prefix, provided or platform)",
				 word);
			ok = false;
			free(text);
			continue;
		}
		if (!strcmp(word, "provided")) {
			struct target_handler th = { 0 };
			char *f[4], *e;

			for (k = 0; k < 4; k++)
				f[k] = strtok_r(NULL, " \t\r", &save);
			if (!f[3] || strtok_r(NULL, " \t\r", &save) ||
			    (strcmp(f[1], "call") && strcmp(f[1], "fixup")) ||
			    (strcmp(f[2], "read") && strcmp(f[2], "write")) ||
			    (th.nargs = strtoul(f[3], &e, 10), *e)) {
				struct srcpos at = { t->file, line, 1, line, (int)n };

				error_at(&at, NULL, "want 'provided NAME call|fixup read|write NARGS'");
				ok = false;
				free(text);
				continue;
			}
			th.name = xstrdup(f[0]);
			th.kind = xstrdup(f[1]);
			th.dir = xstrdup(f[2]);
			th.line = line;
			vec_push(&t->provided, th);
			free(text);
			continue;
		}
		if (!strcmp(word, "platform")) {
			struct target_platform tp = { 0 };

			w = strtok_r(NULL, " \t\r", &save);
			tp.feature = xstrdup(w && strcmp(w, "-") ? w : "");
			while ((w = strtok_r(NULL, " \t\r", &save)))
				vec_push(&tp.words, xstrdup(w));
			vec_push(&t->platforms, tp);
			free(text);
			continue;
		}
		while ((w = strtok_r(NULL, " \t\r", &save))) {
			if (kind >= 0)
				vec_push(&t->pattern[kind], xstrdup(w));
			else if (!strcmp(word, "reserved"))
				vec_push(&t->reserved, xstrdup(w));
			else if (!strcmp(word, "reserved-prefix"))
				vec_push(&t->reserved_prefix, xstrdup(w));
			else
				vec_push(&t->prefixes, xstrdup(w));
		}
		free(text);
	}
	return ok;
}

/* One C name and what makes it */
struct cname {
	char *name;
	const struct srcpos *pos;	/* of the name that makes it */
	const char *what;		/* "field NX of MSR_EFER" */
	size_t item;			/* the table item: one item's names may meet */
	int kind;			/* KIND_* */
	size_t seq;
};

struct cnames {
	VEC(struct cname) v;
	VEC(char *) whats;
};

static int cmp_cname(const void *a, const void *b)
{
	const struct cname *x = a, *y = b;
	int r = strcmp(x->name, y->name);

	return r ? r : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/*
 * PATTERN with its {key}s replaced: {key} by the value as it is, {KEY} by the
 * value in capitals, {key:lower} in lower case.
 */
static char *expand(const char *pattern, const char *const *keys, const char *const *vals)
{
	struct strbuf sb = { 0 };
	const char *p, *s;
	size_t i, n;

	sb_puts(&sb, "");
	for (p = pattern; *p; p++) {
		const char *end = *p == '{' ? strchr(p, '}') : NULL;
		int found = -1, mode = 0;	/* 0 as it is, 1 capitals, 2 lower case */

		for (i = 0; end && keys[i] && found < 0; i++) {
			n = strlen(keys[i]);
			if ((size_t)(end - p - 1) == n + 6 && !strncmp(p + 1, keys[i], n) &&
			    !strncmp(p + 1 + n, ":lower", 6)) {
				found = (int)i;
				mode = 2;
				continue;
			}
			if ((size_t)(end - p - 1) != n)
				continue;
			if (!strncmp(p + 1, keys[i], n)) {
				found = (int)i;
				continue;
			}
			for (s = keys[i]; *s && toupper((unsigned char)*s) == p[1 + (s - keys[i])]; s++)
				;
			if (!*s) {
				found = (int)i;
				mode = 1;
			}
		}
		if (found < 0) {
			sb_putc(&sb, *p);
			continue;
		}
		for (s = vals[found]; *s; s++)
			sb_putc(&sb, mode == 1 ? (char)toupper((unsigned char)*s) :
				     mode == 2 ? (char)tolower((unsigned char)*s) : *s);
		p = end;
	}
	return sb.s;
}

static void add_names(struct cnames *c, const struct target_names *t, int kind,
		      const char *const *keys, const char *const *vals, const struct srcpos *pos,
		      char *what)
{
	size_t i;

	vec_push(&c->whats, what);
	for (i = 0; i < t->pattern[kind].n; i++) {
		struct cname n = { expand(t->pattern[kind].v[i], keys, vals), pos, what,
				   c->whats.n, kind, c->v.n };

		vec_push(&c->v, n);
	}
}

/* NULL, or why target t keeps s for itself: "" (a reserved word), "it starts with m4_" */
#define WHY(s) (s)[0] ? " (" : "", (s), (s)[0] ? ")" : ""
static char *reserved_why(const struct target_names *t, const char *s)
{
	size_t i;

	for (i = 0; i < t->reserved.n; i++)
		if (!strcmp(t->reserved.v[i], s))
			return xstrdup("");
	for (i = 0; i < t->reserved_prefix.n; i++)
		if (!strncmp(t->reserved_prefix.v[i], s, strlen(t->reserved_prefix.v[i])))
			return xasprintf("it starts with %s", t->reserved_prefix.v[i]);
	return NULL;
}

/* A handler or a handler's argument that is a reserved word of the target */
static void check_reserved_names(struct model *m, const struct target_names *t,
				 const struct check *c, const char *target)
{
	size_t i, j, k;
	const struct ast_msr *a;
	const struct ast_handling *h;

	char *why;

	for_each_handling(m, i, j, a, h) {
		why = h->kind == H_CALL || h->kind == H_FIXUP ? reserved_why(t, h->func.name) : NULL;
		if (why)
			report(c, &h->func.pos, "'%s' is reserved by target %s%s%s%s: it cannot name a handler",
			       h->func.name, target, WHY(why));
		free(why);
		for (k = 0; k < h->args.n; k++) {
			if ((why = reserved_why(t, h->args.v[k].name)))
				report(c, &h->args.v[k].pos, "'%s' is reserved by target %s%s%s%s: it cannot be an argument",
				       h->args.v[k].name, target, WHY(why));
			free(why);
		}
	}
}

struct cdup {
	const struct cname *again, *first;
};

static int cmp_cdup(const void *a, const void *b)
{
	const struct cdup *x = a, *y = b;
	int r = srcpos_cmp(x->again->pos, y->again->pos);

	return r ? r : (x->again->seq < y->again->seq ? -1 : x->again->seq > y->again->seq);
}

static void emitted_names(struct model *m, const struct target_names *t, struct cnames *names)
{
	size_t i, j, k, n;
	struct use *u = handler_uses(m, &n);

	for (i = 0; i < m->regs.n; i++) {
		const struct reg *r = &m->regs.v[i];
		const char *keys[] = { "id", "macro", NULL };
		const char *vals[] = { r->id, r->macro, NULL };

		add_names(names, t, KIND_REGISTER, keys, vals, &r->decl->ast->name.pos,
			  xstrdup(r->macro));
		if (r->decl->shadow)
			add_names(names, t, KIND_SHADOW, keys, vals, &r->decl->attr[ATTR_SHADOW]->pos,
				  xasprintf("the copy of %s", r->macro));
	}
	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		for (j = 0; j < d->aliases.n; j++) {
			const char *keys[] = { "did", "msr", "alias", NULL };
			const char *vals[] = { d->did, d->name, d->aliases.v[j]->name.name, NULL };

			add_names(names, t, KIND_ALIAS, keys, vals, &d->aliases.v[j]->name.pos,
				  xasprintf("alias %s of %s", d->aliases.v[j]->name.name, d->name));
		}
		if (d->reserved.n) {
			const char *keys[] = { "did", "msr", NULL };
			const char *vals[] = { d->did, d->name, NULL };

			add_names(names, t, KIND_RESBITS, keys, vals, &d->reserved.v[0]->pos,
				  xasprintf("the reserved-bits mask of %s", d->name));
		}
		for (j = 0; j < d->fields.n; j++) {
			const struct ast_field *f = d->fields.v[j];
			const char *keys[] = { "did", "msr", "field", NULL, NULL };
			const char *vals[] = { d->did, d->name, f->name.name, NULL, NULL };

			add_names(names, t, KIND_FIELD, keys, vals, &f->name.pos,
				  xasprintf("field %s of %s", f->name.name, d->name));
			keys[3] = "value";
			for (k = 0; k < f->values.n; k++) {
				vals[3] = f->values.v[k].name.name;
				add_names(names, t, KIND_VALUE, keys, vals, &f->values.v[k].name.pos,
					  xasprintf("value %s of field %s of %s",
						    f->values.v[k].name.name, f->name.name, d->name));
			}
		}
	}
	/* a handler named many times is one function */
	for (i = 0; i < n; i++) {
		const char *keys[] = { "name", NULL };
		const char *vals[] = { u[i].h->func.name, NULL };

		if (i && !strcmp(u[i - 1].h->func.name, u[i].h->func.name))
			continue;
		add_names(names, t, KIND_HANDLER, keys, vals, &u[i].h->func.pos,
			  xasprintf("handler %s", u[i].h->func.name));
	}
	free(u);
}

static void check_emitted_names(struct model *m, const struct target_names *t,
				const struct check *c, const char *target)
{
	struct cnames names = { { 0 }, { 0 } };
	VEC(struct cdup) dups = { 0 };
	size_t i, k, first;

	emitted_names(m, t, &names);
	for (i = 0; i < m->regs.n; i++)
		if (!m->regs.v[i].id[0])
			report(c, &m->regs.v[i].decl->ast->name.pos,
			       "%s leaves nothing after MSR_ to name the register by (target %s)",
			       m->regs.v[i].macro, target);
	for (i = 0; i < names.v.n; i++) {
		const struct cname *n = &names.v.v[i];
		char *why;

		/* a register's id and macro may be one word: once */
		if (n->kind == KIND_HANDLER || (i && names.v.v[i - 1].item == n->item &&
						!strcmp(names.v.v[i - 1].name, n->name)))
			continue;
		why = reserved_why(t, n->name);
		if (why)
			report(c, n->pos, "%s makes '%s', which target %s reserves%s%s%s", n->what,
			       n->name, target, WHY(why));
		free(why);
	}
	sort_array(names.v.v, names.v.n, sizeof(*names.v.v), cmp_cname);
	for (first = 0, i = 1; i < names.v.n; i++) {
		const struct cname *x = &names.v.v[first], *y = &names.v.v[i];
		bool known = false;

		if (strcmp(x->name, y->name)) {
			first = i;
			continue;
		}
		if (x->item == y->item)
			continue;
		/* once per pair of items, however many of their names meet */
		for (k = dups.n; k-- > 0 && !known;)
			known = dups.v[k].again->item == y->item && dups.v[k].first->item == x->item;
		if (!known) {
			struct cdup d = { y, x };

			vec_push(&dups, d);
		}
	}
	sort_array(dups.v, dups.n, sizeof(*dups.v), cmp_cdup);
	for (i = 0; i < dups.n; i++) {
		const struct cname *y = dups.v[i].again, *x = dups.v[i].first;

		report(c, y->pos, "%s makes the C name %s, as %s does (target %s)", y->what, y->name,
		       x->what, target);
		note_at(x->pos, "%s is declared here", x->what);
	}
	free(dups.v);
	for (i = 0; i < names.v.n; i++)
		free(names.v.v[i].name);
	free(names.v.v);
	for (i = 0; i < names.whats.n; i++)
		free(names.whats.v[i]);
	free(names.whats.v);
}

/* MSR_FOO and MSR_IA32_FOO: one of them is most likely the other misspelt */
static void check_name_prefix(struct model *m, const struct target_names *t,
			      const struct check *c, const char *target)
{
	size_t i, j;

	(void)target;
	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];
		const char *rest = strncmp(d->name, "MSR_", 4) ? d->name : d->name + 4;

		for (j = 0; j < t->prefixes.n; j++) {
			size_t n = strlen(t->prefixes.v[j]);
			char *other;
			const struct decl *o;

			if (strncmp(rest, t->prefixes.v[j], n) || !rest[n])
				continue;
			other = xasprintf("%.*s%s", (int)(rest - d->name), d->name, rest + n);
			o = model_find_decl(m, other);
			if (o) {
				const struct decl *late = srcpos_cmp(&d->ast->name.pos,
								     &o->ast->name.pos) > 0 ? d : o;
				const struct decl *early = late == d ? o : d;

				report(c, &late->ast->name.pos,
				       "%s and %s differ only in the prefix %s: is one the other misspelt?",
				       late->name, early->name, t->prefixes.v[j]);
				note_at(&early->ast->name.pos, "%s is declared here", early->name);
			}
			free(other);
		}
	}
}
/* checks_build() runs this one first, itself */
#define REGISTER_LIMIT 7

static const struct check checks[] = {
	{ "include-cycle", false, STAGE_READ, NULL, "a file includes itself, directly or not (reported while reading)" },
	{ "include-missing", false, STAGE_READ, NULL, "an included file cannot be read (reported while reading)" },
	{ "include-file", false, STAGE_READ, NULL, "an include of a file that is not .msr, or not a regular file (reported while reading)" },
	{ "platform-limit", false, STAGE_READ, NULL, "more than 64 platforms (reported while reading)" },
	{ "hypervisor-limit", false, STAGE_READ, NULL, "more than 64 hypervisor tables (reported while reading)" },
	{ "unknown-target", false, STAGE_READ, NULL, "an only list names a target the templates folder does not hold (for generate, check, install)" },
	{ "only-outside", false, STAGE_READ, NULL, "an alias, field or handling is only for a target its MSR's only list leaves out" },
	{ "register-limit", false, STAGE_TREE, check_register_limit, "more than 262144 registers in all; nothing else is checked then" },
	{ "platform-base", false, STAGE_TREE, check_platform_base, "exactly one platform has no feature: bare metal" },
	{ "duplicate-platform", false, STAGE_TREE, check_duplicate_platform, "two platforms with one name or one feature" },
	{ "duplicate-name", false, STAGE_TREE, check_duplicate_name, "a kernel macro name or hypervisor name defined twice" },
	{ "unknown-msr", false, STAGE_TREE, check_unknown_msr, "an msr statement without address names no declaration" },
	{ "duplicate-attribute", false, STAGE_TREE, check_duplicate_attribute, "doc, access, vendor, nonserializing, writeback or shadow given twice for one MSR, or only twice in one statement" },
	{ "address-range", false, STAGE_TREE, check_address_range, "an address, or an array's last element, beyond 32 bits" },
	{ "array-count", false, STAGE_TREE, check_array_count, "an array with no elements, more than " STR(MAX_ELEMENTS) ", or stride 0" },
	{ "duplicate-address", false, STAGE_TREE, check_duplicate_address, "two registers at one address not declared as aliases" },
	{ "element-index", false, STAGE_TREE, check_element_index, "an element name outside its indexed MSR, or named twice" },
	{ "field-range", false, STAGE_TREE, check_field_range, "a field or reserved range outside bits 63:0, or high below low" },
	{ "field-overlap", false, STAGE_TREE, check_field_overlap, "two fields, or a field and reserved bits, sharing a bit" },
	{ "duplicate-field", false, STAGE_TREE, check_duplicate_field, "two fields of one MSR with one name" },
	{ "field-value", false, STAGE_TREE, check_field_value, "an enumerated value too wide for its field, or named twice" },
	{ "field-annotation", false, STAGE_TREE, check_field_annotation, "a field without bits that annotates no field, or gives its doc or access twice" },
	{ "unknown-platform", false, STAGE_TREE, check_unknown_platform, "a handling or hypervisor for an undeclared platform" },
	{ "duplicate-word", false, STAGE_TREE, check_duplicate_word, "a platform declaring one handling or behaviour twice" },
	{ "unknown-handling", false, STAGE_TREE, check_unknown_handling, "a handling or hypervisor behaviour that neither the language nor its platform declares" },
	{ "handling-range", false, STAGE_TREE, check_handling_range, "a range a platform's handling claims beyond 32 bits, empty, or claimed twice" },
	{ "handling-direction", false, STAGE_TREE, check_handling_direction, "a handling for a direction the MSR's access forbids" },
	{ "duplicate-handling", false, STAGE_TREE, check_duplicate_handling, "two handlings for one platform and direction" },
	{ "handling-kind", false, STAGE_TREE, check_handling_kind, "a fixup on writes, a value on an ignored write, or a handler argument beyond 32 bits" },
	{ "base-handling", false, STAGE_TREE, check_base_handling, "a handling other than passthrough for the base platform" },
	{ "handler-arity", false, STAGE_TREE, check_handler_arity, "one handler called with different numbers of arguments, for reads and writes, or as call and fixup" },
	{ "doc-text", false, STAGE_TREE, check_doc_text, "a doc or note string with control characters, '*/', '[[' or ']]'" },
	{ "hypervisor-range", false, STAGE_TREE, check_hypervisor_range, "a hypervisor range beyond 32 bits or empty" },
	{ "hypervisor-overlap", false, STAGE_MODEL, check_hypervisor_overlap, "two hypervisor entries, or two defaults, for one address and direction" },
	{ "hypervisor-unknown-msr", true, STAGE_MODEL, check_hypervisor_unknown_msr, "a hypervisor entry naming an MSR the table lacks" },
	{ "alias-vendor", false, STAGE_TREE, check_alias_vendor, "an alias for a vendor its MSR is not for" },
	{ "unknown-vendor", true, STAGE_TREE, check_unknown_vendor, "a vendor msrgen does not know" },
	{ "field-access", true, STAGE_TREE, check_field_access, "a field allowing what its MSR's access forbids" },
	{ "nonserializing-readonly", true, STAGE_TREE, check_nonserializing_readonly, "nonserializing on a read-only MSR" },
	{ "writeback-access", false, STAGE_TREE, check_writeback_access, "writeback on an MSR that is not rw" },
	{ "shadow-form", false, STAGE_TREE, check_shadow_form, "a shadow statement other than " SHADOW_FORM },
	{ "shadow-access", false, STAGE_TREE, check_shadow_access, "shadow on an MSR that is not rw" },
	{ "shadow-reset", false, STAGE_TREE, check_shadow_reset, "a shadow reset value that sets reserved bits" },
	{ "shadow-bypass", false, STAGE_MODEL, check_shadow_bypass, "a shadowed MSR that a platform writes other than by passthrough or a call, or reads other than by passthrough" },
	{ "shadow-hypervisor", true, STAGE_MODEL, check_shadow_hypervisor, "a hypervisor that discards the writes of a shadowed MSR, or answers its reads with zero, a constant or the host value" },
	{ "unused-platform", true, STAGE_TREE, check_unused_platform, "a platform that no handling or hypervisor table uses" },
	{ "handler-name", true, STAGE_TREE, check_handler_name, "a handler named once, a typo away from one named elsewhere" },
	{ "emitted-name", false, STAGE_TARGET, NULL, "two items making one C name by the target's names.conf (run for a target)" },
	{ "reserved-name", false, STAGE_TARGET, NULL, "a handler, an argument or a made name that is a reserved word of the target" },
	{ "name-prefix", true, STAGE_TARGET, NULL, "two MSR names equal but for a prefix the target's names.conf lists (IA32_)" },
	{ "target-handler", false, STAGE_TARGET, NULL, "a handler the target defines itself (names.conf provided), called as another kind, direction or arity" },
	{ "target-handling", false, STAGE_TARGET, NULL, "a handling the target has no template text for on its platform (names.conf platform lines)" },
	{ "target-shadow", false, STAGE_TARGET, NULL, "a shadowed MSR for a target whose names.conf has no shadow line: its templates keep no copies" },
};

static void run_stage(struct model *m, enum check_stage stage)
{
	size_t i;

	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
		if (checks[i].stage == stage && checks[i].fn && i != REGISTER_LIMIT)
			checks[i].fn(m, &checks[i]);
}

bool checks_build(struct model *m, struct ast *ast)
{
	int errors = diag_errors();

	if (strcmp(checks[REGISTER_LIMIT].name, "register-limit"))
		die("REGISTER_LIMIT is not the register-limit row");
	model_index(m, ast);
	/* first: past the limit the index is cut short and the rest would be noise */
	check_register_limit(m, &checks[REGISTER_LIMIT]);
	if (diag_errors() != errors || m->too_many_regs)
		return false;
	run_stage(m, STAGE_TREE);
	if (diag_errors() != errors)
		return false;	/* the model is built from a checked tree only */
	model_resolve(m);
	run_stage(m, STAGE_MODEL);
	return diag_errors() == errors;
}

void checks_list(FILE *f)
{
	size_t i;

	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
		fprintf(f, "  %-24s %-7s %s\n", checks[i].name,
			checks[i].warning ? "warning" : "error", checks[i].what);
}

#define NCHECKS (sizeof(checks) / sizeof(checks[0]))
static bool warning_off[NCHECKS];

/* The index of the warning named name, or -1. */
static int find_warning(const char *name)
{
	size_t i;

	for (i = 0; i < NCHECKS; i++)
		if (checks[i].warning && !strcmp(checks[i].name, name))
			return (int)i;
	return -1;
}

bool checks_option(const char *arg)
{
	if (!strcmp(arg, "error")) {
		diag_set_werror(true);
		return true;
	}
	return strncmp(arg, "no-", 3) ? checks_set_warning(arg, true)
				      : checks_set_warning(arg + 3, false);
}

bool checks_load_for(struct ast *ast, struct model *m, int nfiles, char **files,
		     const char *templates, const char *target)
{
	int i;

	memset(ast, 0, sizeof(*ast));
	memset(m, 0, sizeof(*m));
	for (i = 0; i < nfiles; i++)
		parse_file(ast, files[i]);
	if (diag_errors())
		return false;	/* a broken tree would only add noise */
	if (templates && target) {
		struct target_conf t;

		if (!target_conf_load(&t, templates, target)) {
			target_conf_free(&t);
			return false;
		}
		/* a target that renders another's tables (a test overlay) says so, and
		   the names of the lists are that one's folder's to check */
		scope_names(ast, t.scope ? NULL : templates);
		if (!diag_errors())
			scope_tree(ast, t.scope ? t.scope : target);
		target_conf_free(&t);
	} else {
		scope_names(ast, templates);
		if (!diag_errors())
			scope_tree(ast, target);
	}
	if (diag_errors())
		return false;
	return checks_build(m, ast);
}

bool checks_load(struct ast *ast, struct model *m, int nfiles, char **files)
{
	return checks_load_for(ast, m, nfiles, files, NULL, NULL);
}

bool checks_set_warning(const char *name, bool on)
{
	int i = find_warning(name);

	if (i >= 0)
		warning_off[i] = !on;
	return i >= 0;
}

bool checks_warning_enabled(const char *name)
{
	int i = find_warning(name);

	if (i < 0)
		die("no warning named %s", name);
	return !warning_off[i];
}

static const struct check *find_check(const char *name)
{
	size_t i;

	for (i = 0; i < NCHECKS; i++)
		if (!strcmp(checks[i].name, name))
			return &checks[i];
	die("no check named %s", name);
}

/* A handler the templates define themselves, called otherwise than they define it */
static void check_target_handlers(struct model *m, const struct target_names *t,
				  const struct check *c, const char *target)
{
	size_t i, j, k;
	const struct ast_msr *a;
	const struct ast_handling *h;

	for_each_handling(m, i, j, a, h) {
		if (h->kind != H_CALL && h->kind != H_FIXUP)
			continue;
		for (k = 0; k < t->provided.n; k++) {
			const struct target_handler *p = &t->provided.v[k];
			bool dir = !strcmp(p->dir, "read") ? h->dir == DIR_READ : h->dir == DIR_WRITE;

			if (strcmp(p->name, h->func.name))
				continue;
			if (!strcmp(p->kind, hkind_name(h->kind)) && dir && p->nargs == h->args.n)
				continue;
			report(c, &h->func.pos,
			       "target %s defines %s as a %s handler for %ss with %zu argument%s; here it is a %s %s with %zu",
			       target, p->name, p->kind, p->dir, p->nargs, p->nargs == 1 ? "" : "s",
			       dir_name(h->dir), handling_word(h), h->args.n);
		}
	}
}

/* Every handling statement of a word other than passthrough needs template
   text: the target's platform line for its platform's feature must list it */
static void check_target_handling(struct model *m, const struct target_names *t,
				  const struct check *c, const char *target)
{
	size_t i, j, k, l;
	const struct ast_msr *a;
	const struct ast_handling *h;
	struct strbuf has = { 0 };

	if (!t->platforms.n)
		return;
	for_each_handling(m, i, j, a, h) {
		int pi = model_platform_index(m, h->platform.name);
		const struct platform *p = pi < 0 ? NULL : &m->platforms.v[pi];
		const struct target_platform *tp = NULL;
		const char *word = handling_word(h);

		if (!p || h->kind == H_PASSTHROUGH)
			continue;
		for (k = 0; k < t->platforms.n && !tp; k++)
			if (!strcmp(t->platforms.v[k].feature, p->feature))
				tp = &t->platforms.v[k];
		for (l = 0; tp && l < tp->words.n; l++)
			if (!strcmp(tp->words.v[l], word))
				break;
		if (tp && l < tp->words.n)
			continue;
		if (!tp) {
			report(c, &h->kind_pos,
			       "target %s has no templates for platform %s (%s): its handlings can only be passthrough",
			       target, p->name, p->feature[0] ? p->feature : "no feature");
			continue;
		}
		has.len = 0;
		sb_puts(&has, "");
		for (l = 0; l < tp->words.n; l++)
			sb_printf(&has, "%s%s", l ? ", " : "", tp->words.v[l]);
		report(c, &h->kind_pos, "target %s has no '%s' handling for platform %s (it has %s)",
		       target, word, p->name, has.s);
	}
	sb_free(&has);
}

/* A shadowed MSR for a target whose templates keep no copies */
static void check_target_shadow(struct model *m, const struct target_names *t,
				const struct check *c, const char *target)
{
	size_t i;

	if (t->pattern[KIND_SHADOW].n)
		return;
	for (i = 0; i < m->decls.n; i++)
		if (m->decls.v[i]->shadow)
			report(c, &m->decls.v[i]->attr[ATTR_SHADOW]->pos,
			       "target %s keeps no copies of MSRs (its names.conf has no 'shadow' line)",
			       target);
}

bool checks_target(struct model *m, const char *templates, const char *target)
{
	struct target_names t;
	char *path = xasprintf("%s/%s/names.conf", templates, target);
	int errors = diag_errors();

	if (!target_names_load(&t, path)) {
		if (!t.file)
			diag_plain(DIAG_ERROR, "cannot read '%s': %s", path, strerror(errno));
	} else if (t.file) {
		check_emitted_names(m, &t, find_check("emitted-name"), target);
		check_reserved_names(m, &t, find_check("reserved-name"), target);
		check_name_prefix(m, &t, find_check("name-prefix"), target);
		check_target_handling(m, &t, find_check("target-handling"), target);
		check_target_handlers(m, &t, find_check("target-handler"), target);
		check_target_shadow(m, &t, find_check("target-shadow"), target);
	}
	target_names_free(&t);
	free(path);
	return diag_errors() == errors;
}

int unknown_warning(const char *cmd, const char *arg)
{
	const char *name = strncmp(arg, "no-", 3) ? arg : arg + 3;
	const char *near = checks_near_warning(name);

	if (near)
		return usage_error(cmd, "unknown warning '-W%s'; did you mean '-W%s%s'? (see 'msrgen checks')",
				   arg, name == arg ? "" : "no-", near);
	return usage_error(cmd, "unknown warning '-W%s' (see 'msrgen checks')", arg);
}

const char *checks_near_warning(const char *name)
{
	struct closest near;
	size_t i;

	closest_init(&near, name);
	for (i = 0; i < NCHECKS; i++)
		if (checks[i].warning)
			closest_try(&near, checks[i].name);
	return near.best;
}
