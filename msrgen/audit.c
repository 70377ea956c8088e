// SPDX-License-Identifier: GPL-2.0
/*
 * The audit: one row per register with its names, vendor scope, access and how
 * every platform handles each direction, as Markdown, CSV or JSON.
 */
#include <string.h>

#include "msrgen.h"

static void handling_text(struct strbuf *sb, const struct decl *d, size_t pi, int k)
{
	const struct handling *h = &d->handling[pi * 2 + k];
	const struct ast_handling *a = h->ast;
	size_t i;

	if (!(d->access & (1 << k))) {
		sb_puts(sb, "-");
		return;
	}
	sb_puts(sb, hkind_name(h->kind));
	if (!a)
		return;
	if (a->kind == H_IGNORE && k == 0)
		sb_printf(sb, " 0x%llx", (unsigned long long)(a->has_value ? a->value.v : 0));
	if (a->kind == H_FIXUP)
		sb_printf(sb, " %s", a->func.name);
	if (a->kind == H_CALL) {
		sb_printf(sb, " %s(", a->func.name);
		for (i = 0; i < a->args.n; i++)
			sb_printf(sb, "%s%s", i ? ", " : "", a->args.v[i].name);
		sb_puts(sb, ")");
	}
}

static void aliases_text(struct strbuf *sb, const struct decl *d, const char *sep)
{
	size_t i;

	for (i = 0; i < d->aliases.n; i++)
		sb_printf(sb, "%s%s", i ? sep : "", d->aliases.v[i]->name.name);
}

static void vendor_text(struct strbuf *sb, const struct decl *d, const char *sep)
{
	size_t i;

	if (!d->vendors) {
		sb_puts(sb, "any");
		return;
	}
	for (i = 0; i < d->vendors->list.n; i++)
		sb_printf(sb, "%s%s", i ? sep : "", d->vendors->list.v[i].name);
}


static int ncols(const struct model *m)
{
	return 5 + 2 * (int)m->platforms.n;
}

static void col_name(struct strbuf *sb, const struct model *m, int col)
{
	static const char *const fixed[] = { "address", "name", "aliases", "vendor", "access" };

	if (col < 5)
		sb_puts(sb, fixed[col]);
	else
		sb_printf(sb, "%s_%s", m->platforms.v[(col - 5) / 2].name,
			  (col - 5) % 2 ? "write" : "read");
}

static void cell(struct strbuf *sb, const struct reg *r, int col, const char *sep)
{
	switch (col) {
	case 0:
		sb_printf(sb, "0x%08x", r->addr);
		break;
	case 1:
		sb_puts(sb, r->macro);
		break;
	case 2:
		if (r->decl->ast->kind == MSR_SINGLE)
			aliases_text(sb, r->decl, sep);
		break;
	case 3:
		vendor_text(sb, r->decl, sep);
		break;
	case 4:
		sb_puts(sb, access_name(r->decl->access));
		break;
	default:
		handling_text(sb, r->decl, (size_t)(col - 5) / 2, (col - 5) % 2);
		break;
	}
}

static void put_escaped(struct strbuf *sb, const char *s, enum audit_format fmt)
{
	const char *p;

	if (fmt == AUDIT_CSV) {
		if (!strpbrk(s, ",\"\n")) {
			sb_puts(sb, s);
			return;
		}
		sb_putc(sb, '"');
		for (p = s; *p; p++) {
			if (*p == '"')
				sb_putc(sb, '"');
			sb_putc(sb, *p);
		}
		sb_putc(sb, '"');
		return;
	}
	if (fmt == AUDIT_MD) {
		for (p = s; *p; p++) {
			if (*p == '|')
				sb_putc(sb, '\\');
			sb_putc(sb, *p);
		}
		return;
	}
	sb_putc(sb, '"');
	for (p = s; *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_printf(sb, "\\%c", *p);
		else if ((unsigned char)*p < 0x20)
			sb_printf(sb, "\\u%04x", *p);
		else
			sb_putc(sb, *p);
	}
	sb_putc(sb, '"');
}

static void render_table(const struct model *m, enum audit_format fmt, struct strbuf *sb)
{
	const char *sep = fmt == AUDIT_CSV ? " " : ", ";
	int c, n = ncols(m);
	size_t i;
	struct strbuf t = { 0 };

	if (fmt == AUDIT_MD)
		sb_puts(sb, "# MSR handling per platform\n\n|");
	for (c = 0; c < n; c++) {
		sb_free(&t);
		col_name(&t, m, c);
		sb_printf(sb, fmt == AUDIT_MD ? " %s |" : "%s%s", fmt == AUDIT_MD ? t.s : c ? "," : "",
			  fmt == AUDIT_MD ? "" : t.s);
	}
	sb_putc(sb, '\n');
	if (fmt == AUDIT_MD) {
		sb_putc(sb, '|');
		for (c = 0; c < n; c++)
			sb_puts(sb, "---|");
		sb_putc(sb, '\n');
	}
	for (i = 0; i < m->regs.n; i++) {
		if (fmt == AUDIT_MD)
			sb_putc(sb, '|');
		for (c = 0; c < n; c++) {
			sb_free(&t);
			sb_puts(&t, "");
			cell(&t, &m->regs.v[i], c, sep);
			if (fmt == AUDIT_MD)
				sb_putc(sb, ' ');
			else if (c)
				sb_putc(sb, ',');
			put_escaped(sb, t.s, fmt);
			if (fmt == AUDIT_MD)
				sb_puts(sb, " |");
		}
		sb_putc(sb, '\n');
	}
	sb_free(&t);
}

static void json_handling(struct strbuf *sb, const struct decl *d, size_t pi, int k)
{
	const struct handling *h = &d->handling[pi * 2 + k];
	const struct ast_handling *a = h->ast;
	size_t i;

	if (!(d->access & (1 << k))) {
		sb_puts(sb, "null");
		return;
	}
	sb_printf(sb, "{\"kind\": \"%s\"", hkind_name(h->kind));
	if (a && a->kind == H_IGNORE && k == 0)
		sb_printf(sb, ", \"value\": \"0x%llx\"",
			  (unsigned long long)(a->has_value ? a->value.v : 0));
	if (a && (a->kind == H_CALL || a->kind == H_FIXUP))
		sb_printf(sb, ", \"function\": \"%s\"", a->func.name);
	if (a && a->kind == H_CALL) {
		sb_puts(sb, ", \"args\": [");
		for (i = 0; i < a->args.n; i++)
			sb_printf(sb, "%s\"%s\"", i ? ", " : "", a->args.v[i].name);
		sb_puts(sb, "]");
	}
	sb_puts(sb, "}");
}

static void render_json(const struct model *m, struct strbuf *sb)
{
	size_t i, j, pi;

	sb_printf(sb, "{\n  \"msrgen\": \"%s\",\n  \"platforms\": [", MSRGEN_VERSION);
	for (i = 0; i < m->platforms.n; i++) {
		sb_printf(sb, "%s\n    {\"name\": ", i ? "," : "");
		put_escaped(sb, m->platforms.v[i].name, AUDIT_JSON);
		sb_puts(sb, ", \"feature\": ");
		put_escaped(sb, m->platforms.v[i].feature, AUDIT_JSON);
		sb_puts(sb, "}");
	}
	sb_puts(sb, "\n  ],\n  \"msrs\": [");
	for (i = 0; i < m->regs.n; i++) {
		const struct reg *r = &m->regs.v[i];
		const struct decl *d = r->decl;

		sb_printf(sb, "%s\n    {\"address\": \"0x%08x\", \"name\": \"%s\", \"aliases\": [",
			  i ? "," : "", r->addr, r->macro);
		for (j = 0; d->ast->kind == MSR_SINGLE && j < d->aliases.n; j++)
			sb_printf(sb, "%s\"%s\"", j ? ", " : "", d->aliases.v[j]->name.name);
		sb_puts(sb, "], \"vendor\": [");
		if (!d->vendors)
			sb_puts(sb, "\"any\"");
		for (j = 0; d->vendors && j < d->vendors->list.n; j++)
			sb_printf(sb, "%s\"%s\"", j ? ", " : "", d->vendors->list.v[j].name);
		sb_printf(sb, "], \"access\": \"%s\",\n     \"handling\": {",
			  access_name(d->access));
		for (pi = 0; pi < m->platforms.n; pi++) {
			sb_printf(sb, "%s\"%s\": {\"read\": ", pi ? ", " : "",
				  m->platforms.v[pi].name);
			json_handling(sb, d, pi, 0);
			sb_puts(sb, ", \"write\": ");
			json_handling(sb, d, pi, 1);
			sb_puts(sb, "}");
		}
		sb_puts(sb, "}}");
	}
	sb_puts(sb, "\n  ]\n}\n");
}

void audit_render(const struct model *m, enum audit_format fmt, struct strbuf *sb)
{
	sb_puts(sb, "");
	if (fmt == AUDIT_JSON)
		render_json(m, sb);
	else
		render_table(m, fmt, sb);
}
