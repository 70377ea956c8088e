// SPDX-License-Identifier: GPL-2.0
/*
 * The audit: one row per register with its names, vendor scope, access, how every
 * platform handles each direction, what each hypervisor does with the guest's
 * access, and the findings where the two sides disagree. Markdown, CSV, JSON, and
 * an RST page for the kernel's Documentation/ on the MSRs a guest treats specially.
 */
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

static const char *const dir_word[] = { "read", "write" };
static const char *const insn_word[] = { "RDMSR", "WRMSR" };

/* What the findings are called: stable names, documented in msrgen(1). */
enum finding_kind {
	F_PASSTHROUGH_GP,	/* the guest executes the instruction, Xen answers #GP */
	F_IGNORE_EMULATED,	/* the guest drops an access Xen would carry out */
	F_SPECIAL_PLAIN,	/* a special handler where Xen would just emulate */
	F_PERF_GP,		/* the vPMU fallback executes an access Xen refuses */
	F_VERSION_DIFFERENCE,	/* hypervisor versions disagree */
	F_COUNT
};

static const char *const finding_name[F_COUNT] = {
	"passthrough-gp", "ignore-emulated", "special-plain", "perf-gp",
	"version-difference",
};

struct finding {
	enum finding_kind kind;
	int dir;		/* 0 read, 1 write */
	char *reason;
};

struct row {
	const struct reg *reg;
	VEC(struct finding) findings;
};

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

/* What hypervisor hv does for direction k at addr: its range, or its default. */
static enum hvbeh hv_at(const struct hypervisor *hv, uint32_t addr, int k, uint64_t *value,
			const char **note)
{
	const struct hvrange *r = model_hv_lookup(hv, addr, k ? DIR_WRITE : DIR_READ);

	*value = r ? r->value : hv->dflt_value[k];
	*note = r && r->note ? r->note : "";
	return r ? r->beh : hv->dflt[k];
}

static void hv_text(struct strbuf *sb, const struct hypervisor *hv, const struct reg *r, int k)
{
	uint64_t value;
	const char *note;
	enum hvbeh b;

	if (!(r->decl->access & (1 << k))) {
		sb_puts(sb, "-");
		return;
	}
	b = hv_at(hv, r->addr, k, &value, &note);
	sb_puts(sb, hvbeh_name(b));
	if (b == HV_CONST)
		sb_printf(sb, " 0x%llx", (unsigned long long)value);
}

static void add_finding(struct row *row, enum finding_kind kind, int k, char *reason)
{
	struct finding f = { kind, k, reason };

	vec_push(&row->findings, f);
}

/* The hypervisors of platform pi whose behaviour for (r, k) is one of mask. */
static char *hv_list(const struct model *m, size_t pi, const struct reg *r, int k,
		     unsigned mask)
{
	struct strbuf sb = { 0 };
	size_t i;

	sb_puts(&sb, "");
	for (i = 0; i < m->hypervisors.n; i++) {
		const struct hypervisor *hv = &m->hypervisors.v[i];
		uint64_t value;
		const char *note;

		if (hv->platform != &m->platforms.v[pi])
			continue;
		if (mask & (1u << hv_at(hv, r->addr, k, &value, &note)))
			sb_printf(&sb, "%s%s", sb.len ? ", " : "", hv->name);
	}
	if (!sb.len) {
		sb_free(&sb);
		return NULL;
	}
	return sb.s;
}

static void find_platform(const struct model *m, struct row *row, size_t pi, int k)
{
	const struct reg *r = row->reg;
	const struct handling *h = &r->decl->handling[pi * 2 + k];
	const char *insn = insn_word[k];
	unsigned real = 1u << HV_EMULATE | 1u << HV_HOST | 1u << HV_VALIDATE | 1u << HV_VPMU |
			(k ? 0 : 1u << HV_ZERO | 1u << HV_CONST);
	char *who;
	struct strbuf call = { 0 };

	switch (h->kind) {
	case H_PASSTHROUGH:
		who = hv_list(m, pi, r, k, 1u << HV_GP);
		if (who)
			add_finding(row, F_PASSTHROUGH_GP, k,
				    xasprintf("the guest executes %s and %s answer%s #GP", insn,
					      who, strchr(who, ',') ? "" : "s"));
		free(who);
		break;
	case H_IGNORE:
		who = hv_list(m, pi, r, k, real);
		if (who)
			add_finding(row, F_IGNORE_EMULATED, k,
				    xasprintf(k ? "the guest drops the write; %s would carry it out"
						: "the guest makes up the value; %s would answer the read",
					      who));
		free(who);
		break;
	case H_CALL:
	case H_FIXUP:
		who = hv_list(m, pi, r, k, 1u << HV_EMULATE | 1u << HV_VALIDATE);
		if (who) {
			handling_text(&call, r->decl, pi, k);
			add_finding(row, F_SPECIAL_PLAIN, k,
				    xasprintf("the guest uses %s where %s would emulate %s itself",
					      call.s, who, insn));
			sb_free(&call);
		}
		free(who);
		break;
	case H_PERF:
		who = hv_list(m, pi, r, k, 1u << HV_GP);
		if (who)
			add_finding(row, F_PERF_GP, k,
				    xasprintf("when the vPMU does not take it, the guest falls back to %s, which %s answer%s with #GP",
					      insn, who, strchr(who, ',') ? "" : "s"));
		free(who);
		break;
	}
}

static void find_versions(const struct model *m, struct row *row, int k)
{
	const struct reg *r = row->reg;
	struct strbuf sb = { 0 };
	size_t i, j;
	bool differ = false;

	for (i = 0; i < m->hypervisors.n; i++) {
		const struct hypervisor *a = &m->hypervisors.v[i];
		uint64_t va, vb;
		const char *note;
		enum hvbeh ba = hv_at(a, r->addr, k, &va, &note);

		for (j = i + 1; j < m->hypervisors.n; j++) {
			const struct hypervisor *b = &m->hypervisors.v[j];
			enum hvbeh bb;

			if (b->platform != a->platform)
				continue;
			bb = hv_at(b, r->addr, k, &vb, &note);
			differ |= ba != bb || (ba == HV_CONST && va != vb);
		}
	}
	if (!differ)
		return;
	sb_puts(&sb, "");
	for (i = 0; i < m->hypervisors.n; i++) {
		sb_printf(&sb, "%s%s ", i ? "; " : "", m->hypervisors.v[i].name);
		hv_text(&sb, &m->hypervisors.v[i], r, k);
	}
	add_finding(row, F_VERSION_DIFFERENCE, k, sb.s);
}

static struct row *audit_rows(const struct model *m)
{
	struct row *rows = xcalloc(m->regs.n, sizeof(*rows));
	size_t i, pi;
	int k;

	for (i = 0; i < m->regs.n; i++) {
		rows[i].reg = &m->regs.v[i];
		for (k = 0; k < 2; k++) {
			if (!(rows[i].reg->decl->access & (1 << k)))
				continue;
			for (pi = 0; pi < m->platforms.n; pi++)
				find_platform(m, &rows[i], pi, k);
			find_versions(m, &rows[i], k);
		}
	}
	return rows;
}

static void free_rows(const struct model *m, struct row *rows)
{
	size_t i, j;

	for (i = 0; i < m->regs.n; i++) {
		for (j = 0; j < rows[i].findings.n; j++)
			free(rows[i].findings.v[j].reason);
		free(rows[i].findings.v);
	}
	free(rows);
}

static void list_text(struct strbuf *sb, const struct decl *d, bool aliases, const char *sep)
{
	size_t i;

	if (aliases) {
		for (i = 0; d->ast->kind == MSR_SINGLE && i < d->aliases.n; i++)
			sb_printf(sb, "%s%s", i ? sep : "", d->aliases.v[i]->name.name);
		return;
	}
	if (!d->vendors) {
		sb_puts(sb, "any");
		return;
	}
	for (i = 0; i < d->vendors->list.n; i++)
		sb_printf(sb, "%s%s", i ? sep : "", d->vendors->list.v[i].name);
}

/* Columns: five fixed, two per platform, two per hypervisor, findings. */
static int ncols(const struct model *m)
{
	return 6 + 2 * (int)(m->platforms.n + m->hypervisors.n);
}

static void col_name(struct strbuf *sb, const struct model *m, int col)
{
	static const char *const fixed[] = { "address", "name", "aliases", "vendor", "access" };
	int np = 2 * (int)m->platforms.n;

	if (col < 5)
		sb_puts(sb, fixed[col]);
	else if (col < 5 + np)
		sb_printf(sb, "%s_%s", m->platforms.v[(col - 5) / 2].name, dir_word[(col - 5) % 2]);
	else if (col < ncols(m) - 1)
		sb_printf(sb, "%s_%s", m->hypervisors.v[(col - 5 - np) / 2].name,
			  dir_word[(col - 5 - np) % 2]);
	else
		sb_puts(sb, "findings");
}

static void cell(struct strbuf *sb, const struct model *m, const struct row *row, int col,
		 const char *sep)
{
	const struct reg *r = row->reg;
	int np = 2 * (int)m->platforms.n;
	size_t i;

	if (col == 0)
		sb_printf(sb, "0x%08x", r->addr);
	else if (col == 1)
		sb_puts(sb, r->macro);
	else if (col == 2 || col == 3)
		list_text(sb, r->decl, col == 2, sep);
	else if (col == 4)
		sb_puts(sb, access_name(r->decl->access));
	else if (col < 5 + np)
		handling_text(sb, r->decl, (size_t)(col - 5) / 2, (col - 5) % 2);
	else if (col < ncols(m) - 1)
		hv_text(sb, &m->hypervisors.v[(col - 5 - np) / 2], r, (col - 5 - np) % 2);
	else
		for (i = 0; i < row->findings.n; i++)
			sb_printf(sb, "%s%s/%s", i ? sep : "",
				  finding_name[row->findings.v[i].kind],
				  dir_word[row->findings.v[i].dir]);
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
	if (fmt == AUDIT_MD || fmt == AUDIT_RST) {
		for (p = s; *p; p++) {
			if ((fmt == AUDIT_MD && *p == '|') || (fmt == AUDIT_RST && strchr("*`|_\\", *p)))
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

static void count_findings(const struct model *m, const struct row *rows, size_t count[F_COUNT])
{
	size_t i, j;

	memset(count, 0, F_COUNT * sizeof(*count));
	for (i = 0; i < m->regs.n; i++)
		for (j = 0; j < rows[i].findings.n; j++)
			count[rows[i].findings.v[j].kind]++;
}

static void render_md_findings(const struct model *m, const struct row *rows, struct strbuf *sb)
{
	size_t count[F_COUNT], i, j;
	int f;

	count_findings(m, rows, count);
	sb_puts(sb, "## Findings\n\n| finding | count |\n|---|---|\n");
	for (f = 0; f < F_COUNT; f++)
		sb_printf(sb, "| %s | %zu |\n", finding_name[f], count[f]);
	for (f = 0; f < F_COUNT; f++) {
		if (!count[f])
			continue;
		sb_printf(sb, "\n### %s\n\n", finding_name[f]);
		for (i = 0; i < m->regs.n; i++) {
			for (j = 0; j < rows[i].findings.n; j++) {
				const struct finding *x = &rows[i].findings.v[j];

				if ((int)x->kind != f)
					continue;
				sb_printf(sb, "- 0x%08x %s %s: ", rows[i].reg->addr, rows[i].reg->macro,
					  dir_word[x->dir]);
				put_escaped(sb, x->reason, AUDIT_MD);
				sb_putc(sb, '\n');
			}
		}
	}
	sb_puts(sb, "\n## Every MSR\n\n");
}

static void render_table(const struct model *m, const struct row *rows, enum audit_format fmt,
			 struct strbuf *sb)
{
	const char *sep = fmt == AUDIT_CSV ? " " : ", ";
	int c, n = ncols(m);
	size_t i;
	struct strbuf t = { 0 };

	if (fmt == AUDIT_MD) {
		sb_puts(sb, "# MSR audit\n\n");
		render_md_findings(m, rows, sb);
		sb_putc(sb, '|');
	}
	for (c = 0; c < n; c++) {
		sb_free(&t);
		sb_puts(&t, "");
		col_name(&t, m, c);
		if (fmt == AUDIT_MD)
			sb_printf(sb, " %s |", t.s);
		else
			sb_printf(sb, "%s%s", c ? "," : "", t.s);
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
			cell(&t, m, &rows[i], c, sep);
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

static void json_str(struct strbuf *sb, const char *key, const char *s)
{
	sb_printf(sb, "\"%s\": ", key);
	put_escaped(sb, s ? s : "", AUDIT_JSON);
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

static void json_hv(struct strbuf *sb, const struct hypervisor *hv, const struct reg *r, int k)
{
	uint64_t value;
	const char *note;
	enum hvbeh b;

	if (!(r->decl->access & (1 << k))) {
		sb_puts(sb, "null");
		return;
	}
	b = hv_at(hv, r->addr, k, &value, &note);
	sb_printf(sb, "{\"behaviour\": \"%s\"", hvbeh_name(b));
	if (b == HV_CONST)
		sb_printf(sb, ", \"value\": \"0x%llx\"", (unsigned long long)value);
	if (note[0]) {
		sb_puts(sb, ", ");
		json_str(sb, "note", note);
	}
	sb_puts(sb, "}");
}

static void render_json(const struct model *m, const struct row *rows, struct strbuf *sb)
{
	size_t count[F_COUNT], i, j, pi;
	int f, k;

	sb_printf(sb, "{\n  \"msrgen\": \"%s\",\n  \"platforms\": [", MSRGEN_VERSION);
	for (i = 0; i < m->platforms.n; i++) {
		sb_printf(sb, "%s\n    {", i ? "," : "");
		json_str(sb, "name", m->platforms.v[i].name);
		sb_puts(sb, ", ");
		json_str(sb, "feature", m->platforms.v[i].feature);
		sb_puts(sb, "}");
	}
	sb_puts(sb, "\n  ],\n  \"hypervisors\": [");
	for (i = 0; i < m->hypervisors.n; i++) {
		const struct hypervisor *hv = &m->hypervisors.v[i];

		sb_printf(sb, "%s\n    {", i ? "," : "");
		json_str(sb, "name", hv->name);
		sb_puts(sb, ", ");
		json_str(sb, "platform", hv->platform ? hv->platform->name : "");
		sb_printf(sb, ", \"default\": {\"read\": \"%s\", \"write\": \"%s\"}, ",
			  hvbeh_name(hv->dflt[0]), hvbeh_name(hv->dflt[1]));
		json_str(sb, "doc", hv->ast->doc);
		sb_puts(sb, "}");
	}
	count_findings(m, rows, count);
	sb_puts(sb, "\n  ],\n  \"findings\": {");
	for (f = 0; f < F_COUNT; f++)
		sb_printf(sb, "%s\"%s\": %zu", f ? ", " : "", finding_name[f], count[f]);
	sb_puts(sb, "},\n  \"msrs\": [");
	for (i = 0; i < m->regs.n; i++) {
		const struct reg *r = rows[i].reg;
		const struct decl *d = r->decl;

		sb_printf(sb, "%s\n    {\"address\": \"0x%08x\", ", i ? "," : "", r->addr);
		json_str(sb, "name", r->macro);
		sb_puts(sb, ", \"aliases\": [");
		for (j = 0; d->ast->kind == MSR_SINGLE && j < d->aliases.n; j++)
			sb_printf(sb, "%s\"%s\"", j ? ", " : "", d->aliases.v[j]->name.name);
		sb_puts(sb, "], \"vendor\": [");
		if (!d->vendors)
			sb_puts(sb, "\"any\"");
		for (j = 0; d->vendors && j < d->vendors->list.n; j++)
			sb_printf(sb, "%s\"%s\"", j ? ", " : "", d->vendors->list.v[j].name);
		sb_printf(sb, "], \"access\": \"%s\",\n     \"handling\": {", access_name(d->access));
		for (pi = 0; pi < m->platforms.n; pi++) {
			sb_printf(sb, "%s\"%s\": {\"read\": ", pi ? ", " : "", m->platforms.v[pi].name);
			json_handling(sb, d, pi, 0);
			sb_puts(sb, ", \"write\": ");
			json_handling(sb, d, pi, 1);
			sb_puts(sb, "}");
		}
		sb_puts(sb, "},\n     \"hypervisor\": {");
		for (j = 0; j < m->hypervisors.n; j++) {
			sb_printf(sb, "%s\"%s\": {", j ? ", " : "", m->hypervisors.v[j].name);
			for (k = 0; k < 2; k++) {
				sb_printf(sb, "%s\"%s\": ", k ? ", " : "", dir_word[k]);
				json_hv(sb, &m->hypervisors.v[j], r, k);
			}
			sb_puts(sb, "}");
		}
		sb_puts(sb, "},\n     \"findings\": [");
		for (j = 0; j < rows[i].findings.n; j++) {
			const struct finding *x = &rows[i].findings.v[j];

			sb_printf(sb, "%s{\"kind\": \"%s\", \"dir\": \"%s\", ", j ? ", " : "",
				  finding_name[x->kind], dir_word[x->dir]);
			json_str(sb, "reason", x->reason);
			sb_puts(sb, "}");
		}
		sb_puts(sb, "]}");
	}
	sb_puts(sb, "\n  ]\n}\n");
}

static void rst_cell(struct strbuf *sb, const char *lead, const char *text)
{
	sb_printf(sb, "%s", lead);
	put_escaped(sb, text[0] ? text : "-", AUDIT_RST);
	sb_putc(sb, '\n');
}

static void rst_underline(struct strbuf *sb, size_t n, char c)
{
	while (n--)
		sb_putc(sb, c);
	sb_putc(sb, '\n');
}

/*
 * The page the seeds ask for: for each MSR a guest of a platform other than bare
 * metal treats specially, what happens there instead of the plain instruction.
 */
static void render_rst(const struct model *m, const struct row *rows, struct strbuf *sb)
{
	size_t pi, i, j;
	int k;

	sb_puts(sb, ".. SPDX-License-Identifier: GPL-2.0\n\n");
	sb_printf(sb, "..\n   Generated by msrgen %s from the MSR tables; do not edit.\n\n",
		  MSRGEN_VERSION);
	sb_puts(sb, "=======================================\nMSR access on paravirtualized platforms\n"
		    "=======================================\n\n");
	sb_puts(sb, "On bare metal the kernel executes RDMSR and WRMSR (or WRMSRNS, or their\n"
		    "immediate forms) inline. On the platforms below a few MSRs are handled\n"
		    "differently; every other MSR is accessed with the plain instruction, which\n"
		    "the hypervisor intercepts and emulates. The tables list, for each MSR the\n"
		    "guest treats specially, what the kernel does instead and what each\n"
		    "hypervisor version would have done with the plain instruction.\n");
	for (pi = 0; pi < m->platforms.n; pi++) {
		const struct platform *p = &m->platforms.v[pi];
		size_t nhv = 0;

		if (!p->feature[0])
			continue;
		sb_putc(sb, '\n');
		sb_printf(sb, "%s\n", p->name);
		rst_underline(sb, strlen(p->name), '=');
		sb_putc(sb, '\n');
		if (p->doc[0]) {
			put_escaped(sb, p->doc, AUDIT_RST);
			sb_printf(sb, " (``%s``).\n\n", p->feature);
		}
		for (j = 0; j < m->hypervisors.n; j++)
			nhv += m->hypervisors.v[j].platform == p;
		sb_puts(sb, ".. list-table::\n   :header-rows: 1\n\n");
		sb_puts(sb, "   * - MSR\n     - Access\n     - The kernel does\n");
		for (j = 0; j < m->hypervisors.n; j++)
			if (m->hypervisors.v[j].platform == p)
				sb_printf(sb, "     - %s would\n", m->hypervisors.v[j].name);
		for (i = 0; i < m->regs.n; i++) {
			const struct reg *r = rows[i].reg;

			for (k = 0; k < 2; k++) {
				const struct handling *h = &r->decl->handling[pi * 2 + k];
				struct strbuf t = { 0 };

				if (!(r->decl->access & (1 << k)) || h->kind == H_PASSTHROUGH)
					continue;
				sb_printf(sb, "   * - ``%s`` (0x%08x)\n", r->macro, r->addr);
				sb_printf(sb, "     - %s\n", insn_word[k]);
				sb_puts(&t, "");
				handling_text(&t, r->decl, pi, k);
				sb_printf(sb, "     - ``%s``\n", t.s);
				for (j = 0; j < m->hypervisors.n; j++) {
					const struct hypervisor *hv = &m->hypervisors.v[j];
					uint64_t value;
					const char *note;

					if (hv->platform != p)
						continue;
					sb_free(&t);
					sb_puts(&t, "");
					hv_text(&t, hv, r, k);
					hv_at(hv, r->addr, k, &value, &note);
					if (note[0])
						sb_printf(&t, " (%s)", note);
					rst_cell(sb, "     - ", t.s);
				}
				sb_free(&t);
			}
		}
		(void)nhv;
	}
	sb_puts(sb, "\nFindings\n========\n\n"
		    "Where the kernel's handling and a hypervisor's behaviour disagree, msrgen's\n"
		    "audit reports a finding (``msrgen audit``). For the MSRs above:\n\n");
	for (i = 0; i < m->regs.n; i++) {
		const struct reg *r = rows[i].reg;

		for (j = 0; j < rows[i].findings.n; j++) {
			const struct finding *x = &rows[i].findings.v[j];
			const struct handling *h = NULL;

			for (pi = 0; pi < m->platforms.n && !h; pi++)
				if (m->platforms.v[pi].feature[0] &&
				    r->decl->handling[pi * 2 + x->dir].kind != H_PASSTHROUGH)
					h = &r->decl->handling[pi * 2 + x->dir];
			if (!h)
				continue;
			sb_printf(sb, "- ``%s`` %s, %s: ", r->macro, dir_word[x->dir],
				  finding_name[x->kind]);
			put_escaped(sb, x->reason, AUDIT_RST);
			sb_puts(sb, ".\n");
		}
	}
}

void audit_render(const struct model *m, enum audit_format fmt, struct strbuf *sb)
{
	struct row *rows = audit_rows(m);

	sb_puts(sb, "");
	if (fmt == AUDIT_JSON)
		render_json(m, rows, sb);
	else if (fmt == AUDIT_RST)
		render_rst(m, rows, sb);
	else
		render_table(m, rows, fmt, sb);
	free_rows(m, rows);
}
