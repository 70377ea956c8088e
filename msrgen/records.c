// SPDX-License-Identifier: GPL-2.0
/*
 * The model as m4 records: one call per line, MSRGEN_PLATFORM(...) to
 * MSRGEN_HV(...), in the order and with the arguments docs/templates.md
 * gives, each string quoted so that a template's rescan of it is inert.
 */
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

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

const char *const record_names[NREC] = {
	"MSRGEN_PLATFORM", "MSRGEN_DECL", "MSRGEN_ALIAS", "MSRGEN_FIELD", "MSRGEN_VALUE",
	"MSRGEN_RESERVED", "MSRGEN_MSR", "MSRGEN_HANDLE", "MSRGEN_ON", "MSRGEN_SHADOW", "MSRGEN_HANDLER", "MSRGEN_HYPERVISOR",
	"MSRGEN_HVDEFAULT", "MSRGEN_HV",
};

/* A record of kind, made from the table at pos (for m4's messages about it) */
static void record_start(struct strbuf *sb, struct record_spans *spans, enum record kind,
			 const struct srcpos *pos)
{
	if (spans) {
		struct record_span s = { sb->len, kind, pos };

		vec_push(&spans->v, s);
	}
	sb_puts(sb, record_names[kind]);
	sb_putc(sb, '(');
}

/* The kind, argument and constant arguments of handling h for direction k
   (k: 0 read, 1 write): three quoted arguments */
static void handling_args(struct strbuf *sb, const struct handling *h, int k)
{
	const struct ast_handling *a = h->ast;
	size_t i;

	sb_printf(sb, "[[%s]], [[", handling_name(h));
	if (a && a->kind == H_IGNORE && k == 0)
		sb_printf(sb, "0x%llx", (unsigned long long)(a->has_value ? a->value.v : 0));
	else if (a && (a->kind == H_CALL || a->kind == H_FIXUP))
		sb_puts(sb, a->func.name);
	sb_puts(sb, "]], [[");
	for (i = 0; a && i < a->args.n; i++)
		sb_printf(sb, "%s%s", i ? ", " : "", a->args.v[i].name);
	sb_puts(sb, "]]");
}

/* id, macro, addr of register r, and platform pi's name and feature */
static void reg_platform(struct strbuf *sb, const struct model *m, const struct reg *r,
			 size_t pi, bool attrs)
{
	const struct platform *p = &m->platforms.v[pi];

	q(sb, r->id);
	sb_puts(sb, ", ");
	q(sb, r->macro);
	sb_printf(sb, ", [[0x%08x]], ", r->addr);
	if (attrs)
		sb_printf(sb, "[[%s]], [[%d]], ", access_name(r->decl->access), r->decl->ns);
	q(sb, p->name);
	sb_puts(sb, ", ");
	q(sb, p->feature);
	sb_puts(sb, ", ");
}

static void handle_record(struct strbuf *sb, struct record_spans *spans, const struct model *m,
			  const struct reg *r, size_t pi, int k)
{
	const struct handling *h = &r->decl->handling[pi * 2 + k];

	record_start(sb, spans, REC_HANDLE, h->ast ? &h->ast->pos : &r->decl->ast->name.pos);
	reg_platform(sb, m, r, pi, false);
	sb_printf(sb, "[[%s]], ", k ? "write" : "read");
	handling_args(sb, h, k);
	sb_puts(sb, ")m4_dnl\n");
}

/* Register r on platform pi, both directions (empty where the access has none) */
static void on_record(struct strbuf *sb, struct record_spans *spans, const struct model *m,
		      const struct reg *r, size_t pi)
{
	int k;

	record_start(sb, spans, REC_ON, &r->decl->ast->name.pos);
	reg_platform(sb, m, r, pi, true);
	for (k = 0; k < 2; k++) {
		if (k)
			sb_puts(sb, ", ");
		if (r->decl->access & (1 << k))
			handling_args(sb, &r->decl->handling[pi * 2 + k], k);
		else
			sb_puts(sb, "[[]], [[]], [[]]");
	}
	sb_puts(sb, ")m4_dnl\n");
}

/* A handler the table names: one per platform, name and direction */
struct handler_use {
	size_t pi;
	int k;
	const struct ast_handling *a;
};

/* MSRGEN_HANDLER records, in the order the declarations first name them */
static void handler_records(struct strbuf *sb, struct record_spans *spans,
			    const struct model *m)
{
	VEC(struct handler_use) seen = { 0 };
	size_t i, j, pi;
	int k;

	for (i = 0; i < m->decls.n; i++) {
		const struct decl *d = m->decls.v[i];

		for (pi = 0; pi < m->platforms.n; pi++) {
			for (k = 0; k < 2; k++) {
				const struct ast_handling *a = d->handling[pi * 2 + k].ast;
				struct handler_use u = { pi, k, a };

				if (!(d->access & (1 << k)) || !a ||
				    (a->kind != H_CALL && a->kind != H_FIXUP))
					continue;
				for (j = 0; j < seen.n; j++)
					if (seen.v[j].pi == pi && seen.v[j].k == k &&
					    !strcmp(seen.v[j].a->func.name, a->func.name))
						break;
				if (j < seen.n)
					continue;
				vec_push(&seen, u);
			}
		}
	}
	for (j = 0; j < seen.n; j++) {
		const struct handler_use *u = &seen.v[j];
		const struct platform *p = &m->platforms.v[u->pi];

		record_start(sb, spans, REC_HANDLER, &u->a->pos);
		q(sb, u->a->func.name);
		sb_puts(sb, ", ");
		q(sb, p->name);
		sb_puts(sb, ", ");
		q(sb, p->feature);
		sb_printf(sb, ", [[%s]], [[%s]], [[%zu]])m4_dnl\n",
			  u->a->kind == H_CALL ? "call" : "fixup", u->k ? "write" : "read",
			  u->a->args.n);
	}
	free(seen.v);
}

void records_text(const struct model *m, struct strbuf *sb, struct record_spans *spans)
{
	static const char *const kinds[] = { "single", "array", "indexed" };
	size_t i, j, k, pi;

	sb_puts(sb, "");
	for (i = 0; i < m->platforms.n; i++) {
		const struct platform *p = &m->platforms.v[i];

		record_start(sb, spans, REC_PLATFORM, &p->ast->name.pos);
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

		record_start(sb, spans, REC_DECL, &a->name.pos);
		q(sb, d->did);
		sb_puts(sb, ", ");
		q(sb, d->name);
		sb_printf(sb, ", [[%s]], [[0x%08llx]], [[%llu]], [[%llu]], ", kinds[a->kind],
			  (unsigned long long)a->addr.v, (unsigned long long)a->count.v,
			  (unsigned long long)a->stride.v);
		q(sb, a->kind == MSR_INDEXED ? a->param.name : "");
		sb_printf(sb, ", [[%s]], [[", access_name(d->access));
		vendors_text(sb, d->vendors);
		sb_printf(sb, "]], [[%d]], ", d->ns);
		qq(sb, d->doc);
		sb_puts(sb, ")m4_dnl\n");
		for (j = 0; j < d->aliases.n; j++) {
			record_start(sb, spans, REC_ALIAS, &d->aliases.v[j]->name.pos);
			q(sb, d->did);
			sb_puts(sb, ", ");
			q(sb, d->aliases.v[j]->name.name);
			sb_puts(sb, ", [[");
			vendors_text(sb, &d->aliases.v[j]->vendors);
			sb_puts(sb, "]])m4_dnl\n");
		}
		for (j = 0; j < d->fields.n; j++) {
			const struct ast_field *f = d->fields.v[j];

			record_start(sb, spans, REC_FIELD, &f->name.pos);
			q(sb, d->did);
			sb_puts(sb, ", ");
			q(sb, f->name.name);
			sb_printf(sb, ", [[%llu]], [[%llu]], [[%s]], ",
				  (unsigned long long)f->hi.v, (unsigned long long)f->lo.v,
				  access_name(f->access ? f->access : d->access));
			qq(sb, f->doc);
			sb_puts(sb, ")m4_dnl\n");
			for (k = 0; k < f->values.n; k++) {
				record_start(sb, spans, REC_VALUE, &f->values.v[k].name.pos);
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
			record_start(sb, spans, REC_RESERVED, &d->reserved.v[j]->pos);
			q(sb, d->did);
			sb_printf(sb, ", [[%llu]], [[%llu]])m4_dnl\n",
				  (unsigned long long)d->reserved.v[j]->hi.v,
				  (unsigned long long)d->reserved.v[j]->lo.v);
		}
		for (j = 0; j < d->regs.n; j++) {
			const struct reg *r = &m->regs.v[d->regs.v[j]];

			record_start(sb, spans, REC_MSR, &d->ast->name.pos);
			q(sb, r->id);
			sb_puts(sb, ", ");
			q(sb, r->macro);
			sb_printf(sb, ", [[0x%08x]], ", r->addr);
			q(sb, d->did);
			sb_printf(sb, ", [[%llu]], [[%s]], [[", (unsigned long long)r->index,
				  access_name(d->access));
			vendors_text(sb, d->vendors);
			sb_printf(sb, "]], [[%d]], ", d->ns);
			qq(sb, d->doc);
			sb_puts(sb, ")m4_dnl\n");
			for (pi = 0; pi < m->platforms.n; pi++)
				for (k = 0; k < 2; k++)
					if (d->access & (1 << k))
						handle_record(sb, spans, m, r, pi, (int)k);
			for (pi = 0; pi < m->platforms.n; pi++)
				on_record(sb, spans, m, r, pi);
			if (d->shadow) {
				record_start(sb, spans, REC_SHADOW, &d->attr[ATTR_SHADOW]->pos);
				q(sb, r->id);
				sb_puts(sb, ", ");
				q(sb, r->macro);
				sb_printf(sb, ", [[0x%08x]], [[0x%llx]], [[%d]], [[%d]])m4_dnl\n", r->addr,
					  (unsigned long long)d->shadow_reset, d->ns, d->shadow_deferred);
			}
		}
	}
	handler_records(sb, spans, m);
	for (i = 0; i < m->hypervisors.n; i++) {
		const struct hypervisor *h = &m->hypervisors.v[i];

		record_start(sb, spans, REC_HYPERVISOR, &h->ast->name.pos);
		q(sb, h->name);
		sb_puts(sb, ", ");
		q(sb, h->platform ? h->platform->name : "");
		sb_puts(sb, ", ");
		qq(sb, h->ast->doc);
		sb_puts(sb, ")m4_dnl\n");
		for (k = 0; k < 2; k++) {
			record_start(sb, spans, REC_HVDEFAULT, &h->ast->name.pos);
			q(sb, h->name);
			sb_printf(sb, ", [[%s]], [[%s]], [[0x%llx]])m4_dnl\n",
				  k ? "write" : "read", h->dflt_word[k],
				  (unsigned long long)h->dflt_value[k]);
		}
		for (j = 0; j < h->ranges.n; j++) {
			const struct hvrange *r = &h->ranges.v[j];

			for (k = 0; k < 2; k++) {
				if (!(r->dir & (1 << k)))
					continue;
				record_start(sb, spans, REC_HV, &r->ast->pos);
				q(sb, h->name);
				sb_printf(sb, ", [[0x%08x]], [[0x%08x]], [[%s]], [[%s]], [[0x%llx]], ",
					  r->first, r->last, k ? "write" : "read",
					  r->word, (unsigned long long)r->value);
				qq(sb, r->note);
				sb_puts(sb, ")m4_dnl\n");
			}
		}
	}
}

void render_model_text(const struct model *m, struct strbuf *sb)
{
	records_text(m, sb, NULL);
}
