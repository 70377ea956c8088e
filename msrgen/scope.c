// SPDX-License-Identifier: GPL-2.0
/*
 * only lists: the tree as one target sees it.
 *
 * An MSR, an alias, a field or a handling with an only list is for the
 * targets it names.  scope_tree() takes out of the tree what the target
 * does not get, before any check runs, so that the checks and the model
 * see what the target renders and nothing else: an MSR that one kernel
 * names and another does not, or two declarations of one address under two
 * kernels' names, are then no conflict.  With an MSR go its extensions, and
 * with a field the annotations of it; an inner list cannot widen an outer
 * one (only-outside).  Without a target (audit, sites, hvprobe) the tree is
 * read whole: the union of every target's tables, which must not collide
 * either.
 *
 * scope_names() checks each list against the targets of a templates folder
 * first (unknown-target), on the whole tree.
 */
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

static bool for_target(const struct vendors *only, const char *target)
{
	size_t i;

	if (!only->list.n || !target)
		return true;
	for (i = 0; i < only->list.n; i++)
		if (!strcmp(only->list.v[i].name, target))
			return true;
	return false;
}

static const struct ast_attr *only_attr(const struct ast_msr *m)
{
	size_t i;

	for (i = 0; i < m->attrs.n; i++)
		if (m->attrs.v[i].kind == ATTR_ONLY)
			return &m->attrs.v[i];
	return NULL;
}

static bool msr_for(const struct ast_msr *m, const char *target)
{
	const struct ast_attr *a = only_attr(m);

	return !a || for_target(&a->vendors, target);
}

/* Whether MSR name keeps a field field with bits */
static bool field_declared(const struct ast *ast, const char *name, const char *field)
{
	size_t i, j;

	for (i = 0; i < ast->msrs.n; i++) {
		const struct ast_msr *m = ast->msrs.v[i];

		if (strcmp(m->name.name, name))
			continue;
		for (j = 0; j < m->fields.n; j++)
			if (m->fields.v[j].has_bits && !strcmp(m->fields.v[j].name.name, field))
				return true;
	}
	return false;
}

/* Moves the elements of vector vec for which keep[i] is false onto out */
#define SIFT(vec, keep, out) do {					\
	size_t i_, n_ = 0;						\
									\
	for (i_ = 0; i_ < (vec).n; i_++) {				\
		if ((keep)[i_])						\
			(vec).v[n_++] = (vec).v[i_];			\
		else							\
			vec_push(&(out), (vec).v[i_]);			\
	}								\
	(vec).n = n_;							\
} while (0)

struct dropped_field {
	const char *msr, *field;
};

void scope_tree(struct ast *ast, const char *target)
{
	struct ast_msr *shell = xcalloc(1, sizeof(*shell));
	VEC(char *) gone = { 0 };	/* declarations left out, by name */
	VEC(struct dropped_field) fgone = { 0 };
	bool *keep;
	size_t i, j, k, n;

	/* the declarations and extensions that are not for the target */
	keep = xcalloc(ast->msrs.n + 1, sizeof(*keep));
	for (i = 0; i < ast->msrs.n; i++) {
		keep[i] = msr_for(ast->msrs.v[i], target);
		if (!keep[i] && ast->msrs.v[i]->has_addr)
			vec_push(&gone, ast->msrs.v[i]->name.name);
	}
	n = 0;
	for (i = 0; i < ast->msrs.n; i++) {
		struct ast_msr *m = ast->msrs.v[i];

		if (keep[i] && !m->has_addr) {
			for (j = 0; j < gone.n && strcmp(gone.v[j], m->name.name); j++)
				;
			/* an extension of a declaration left out, and of no other */
			if (j < gone.n) {
				keep[i] = false;
				for (k = 0; k < ast->msrs.n; k++)
					if (keep[k] && ast->msrs.v[k]->has_addr &&
					    !strcmp(ast->msrs.v[k]->name.name, m->name.name))
						keep[i] = true;
			}
		}
		if (keep[i])
			ast->msrs.v[n++] = m;
		else
			vec_push(&ast->scoped_out, m);
	}
	ast->msrs.n = n;
	free(keep);

	/* what a kept MSR holds that is not for the target */
	for (i = 0; i < ast->msrs.n; i++) {
		struct ast_msr *m = ast->msrs.v[i];
		size_t most = m->aliases.n > m->fields.n ? m->aliases.n : m->fields.n;

		if (m->handlings.n > most)
			most = m->handlings.n;
		keep = xcalloc(most + 1, sizeof(*keep));
		for (j = 0; j < m->aliases.n; j++)
			keep[j] = for_target(&m->aliases.v[j].only, target);
		SIFT(m->aliases, keep, shell->aliases);
		for (j = 0; j < m->handlings.n; j++)
			keep[j] = for_target(&m->handlings.v[j].only, target);
		SIFT(m->handlings, keep, shell->handlings);
		for (j = 0; j < m->fields.n; j++) {
			keep[j] = for_target(&m->fields.v[j].only, target);
			if (!keep[j] && m->fields.v[j].has_bits) {
				struct dropped_field f = { m->name.name, m->fields.v[j].name.name };

				vec_push(&fgone, f);
			}
		}
		SIFT(m->fields, keep, shell->fields);
		free(keep);
	}
	/* the annotations of a field left out, where no kept MSR declares it */
	for (i = 0; i < ast->msrs.n; i++) {
		struct ast_msr *m = ast->msrs.v[i];

		keep = xcalloc(m->fields.n + 1, sizeof(*keep));
		for (j = 0; j < m->fields.n; j++) {
			const struct ast_field *f = &m->fields.v[j];

			keep[j] = true;
			if (f->has_bits)
				continue;
			for (k = 0; k < fgone.n; k++)
				if (!strcmp(fgone.v[k].msr, m->name.name) &&
				    !strcmp(fgone.v[k].field, f->name.name))
					keep[j] = field_declared(ast, m->name.name, f->name.name);
		}
		SIFT(m->fields, keep, shell->fields);
		free(keep);
	}
	vec_push(&ast->scoped_out, shell);
	free(gone.v);
	free(fgone.v);
}

/* unknown-target: a name of the list that is no target of the templates folder;
   only-outside: an inner list naming a target the MSR's own list leaves out */
static void check_list(const struct vendors *only, const struct vendors *outer,
		       const char *templates, const char *what, const char *msr)
{
	size_t i;

	for (i = 0; i < only->list.n; i++) {
		const struct ident *t = &only->list.v[i];
		struct strbuf why = { 0 };

		if (templates && !target_known(templates, t->name, &why))
			error_at(&t->pos, "unknown-target", "%s", why.s);
		else if (outer && outer->list.n && !for_target(outer, t->name))
			error_at(&t->pos, "only-outside",
				 "%s is for target '%s', which the only list of %s leaves out",
				 what, t->name, msr);
		sb_free(&why);
	}
}

void scope_names(const struct ast *ast, const char *templates)
{
	size_t i, j;

	for (i = 0; i < ast->msrs.n; i++) {
		const struct ast_msr *m = ast->msrs.v[i];
		const struct ast_attr *a = only_attr(m);
		const struct vendors *outer = a ? &a->vendors : NULL;
		const char *name = m->name.name;
		char *what;

		if (a)
			check_list(&a->vendors, NULL, templates, name, name);
		for (j = 0; j < m->aliases.n; j++) {
			what = xasprintf("alias %s", m->aliases.v[j].name.name);
			check_list(&m->aliases.v[j].only, outer, templates, what, name);
			free(what);
		}
		for (j = 0; j < m->fields.n; j++) {
			what = xasprintf("field %s", m->fields.v[j].name.name);
			check_list(&m->fields.v[j].only, outer, templates, what, name);
			free(what);
		}
		for (j = 0; j < m->handlings.n; j++) {
			what = xasprintf("the %s handling", m->handlings.v[j].platform.name);
			check_list(&m->handlings.v[j].only, outer, templates, what, name);
			free(what);
		}
	}
}

const struct vendors *scope_of(const struct ast_msr *m)
{
	const struct ast_attr *a = only_attr(m);

	return a ? &a->vendors : NULL;
}

bool scope_disjoint(const struct vendors *a, const struct vendors *b)
{
	size_t i;

	if (!a || !b || !a->list.n || !b->list.n)
		return false;
	for (i = 0; i < a->list.n; i++)
		if (for_target(b, a->list.v[i].name))
			return false;
	return true;
}
