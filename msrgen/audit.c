// SPDX-License-Identifier: GPL-2.0
/*
 * The audit: one row per MSR (and per address range the tables name only by
 * address) with how each platform's kernel handles a read and a write, what each
 * hypervisor does with the guest's instruction, and the findings where the two
 * sides disagree, each with a severity, the consequence for the guest and the
 * context (Xen version, msr_relaxed, vpmu, dom0) it depends on. Rows whose MSR
 * the kernel accesses come first. Markdown (a report), CSV, JSON, and an RST page
 * for the kernel's Documentation/.
 */
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

static const char *const dir_word[] = { "read", "write" };
static const char *const insn_word[] = { "RDMSR", "WRMSR" };

/* What the findings are called: stable names, documented in msrgen(1). */
enum finding_kind {
	F_PASSTHROUGH_GP,	/* the guest executes the instruction, Xen answers #GP */
	F_PERF_GP,		/* outside a PMU interrupt the access goes to Xen: #GP */
	F_IGNORE_EMULATED,	/* the guest drops an access Xen would carry out */
	F_SPECIAL_PLAIN,	/* a special handler where Xen would just emulate */
	F_VERSION_DIFFERENCE,	/* hypervisor versions disagree */
	F_COUNT
};

static const char *const finding_name[F_COUNT] = {
	"passthrough-gp", "perf-gp", "ignore-emulated", "special-plain",
	"version-difference",
};

const char *audit_finding_name(int kind)
{
	return kind >= 0 && kind < F_COUNT ? finding_name[kind] : NULL;
}

int audit_finding_count(void)
{
	return F_COUNT;
}

enum severity { SEV_INFO, SEV_LOW, SEV_MEDIUM, SEV_HIGH };
static const char *const sev_name[] = { "info", "low", "medium", "high" };

/*
 * The guest's PMU handling as it runs: the address ranges the Xen PV
 * platform's own handlings claim at run time (defs/platforms.msr, handling
 * perf { ... }: Linux 7.3's is_intel_pmu_msr() and is_amd_pmu_msr()), the
 * condition, and whether it can serve them from the page it shares with Xen
 * (only while a PMU interrupt is being handled; at any other time the access
 * goes to Xen) or only recognises them (passthrough).
 */
struct pmu_range {
	uint32_t first, last;
	bool emulated;
	const char *cond;
};

static VEC(struct pmu_range) pmu;	/* of the model being audited */

static void pmu_load(const struct model *m, size_t pi)
{
	const struct ast_platform *p = pi < m->platforms.n ? m->platforms.v[pi].ast : NULL;
	size_t i, j;

	pmu.n = 0;
	for (i = 0; p && i < p->handlings.n; i++) {
		for (j = 0; j < p->handlings.v[i].ranges.n; j++) {
			const struct ast_wrange *w = &p->handlings.v[i].ranges.v[j];
			struct pmu_range r = { (uint32_t)w->first.v, (uint32_t)w->last.v,
					       !w->passthrough, w->note };

			vec_push(&pmu, r);
		}
	}
}

static const struct pmu_range *pmu_at(uint32_t addr)
{
	size_t i;

	for (i = 0; i < pmu.n; i++)
		if (addr >= pmu.v[i].first && addr <= pmu.v[i].last)
			return &pmu.v[i];
	return NULL;
}

/* The kernel's handling as 7.3 runs it, which is not always the table's kind. */
enum ekind { EK_PASS, EK_IGNORE, EK_CALL, EK_FIXUP, EK_PERF, EK_PERF_NEVER };

struct hvcell {
	enum hvbeh beh;
	const char *word;	/* as the table writes it */
	uint64_t value;
	const char *note;
	bool relaxed;		/* msr_relaxed turns this #GP into 0 / a dropped write */
};

struct finding {
	enum finding_kind kind;
	int dir;		/* 0 read, 1 write */
	enum severity sev;
	char *reason;
	char *consequence;
	char *context;
};

struct row {
	uint32_t first, last;
	const struct reg *reg;	/* NULL: an address range with no Linux name */
	char *name;
	unsigned access;
	VEC(struct finding) findings;
	size_t plain[2], safe[2], variable;	/* sites per direction */
	VEC(const struct site *) sites;
	enum severity sev;
	size_t rarest;		/* count of its rarest finding kind */
	bool special;		/* a platform other than the base handles it specially */
};

struct audit {
	const struct model *m;
	const struct audit_opts *o;
	VEC(struct row) rows;
	size_t kind_count[F_COUNT];	/* MSRs with each kind, over every row */
	size_t own_pi;		/* the platform whose code the audit words name (and its PMU model), or SIZE_MAX */
	/* how the target names its own code and the hypervisor (target.conf audit-*) */
	const char *w_hv, *w_hvk, *w_read, *w_write, *w_claims, *w_claimed, *w_safe;
};

static struct hvcell hv_cell(const struct hypervisor *hv, uint32_t addr, int k)
{
	const struct hvrange *r = model_hv_lookup(hv, addr, k ? DIR_WRITE : DIR_READ);
	struct hvcell c;

	c.beh = r ? r->beh : hv->dflt[k];
	c.word = r ? r->word : hv->dflt_word[k];
	c.value = r ? r->value : hv->dflt_value[k];
	c.note = r && r->note ? r->note : "";
	c.relaxed = c.beh == HV_GP && (!r || !strncmp(c.note, "default path", 12));
	return c;
}

static bool hv_same(const struct hvcell *a, const struct hvcell *b)
{
	return !strcmp(a->word, b->word) && (a->beh != HV_CONST || a->value == b->value);
}

static void hv_beh_text(struct strbuf *sb, const struct hvcell *c)
{
	sb_puts(sb, c->word);
	if (c->beh == HV_CONST)
		sb_printf(sb, " 0x%llx", (unsigned long long)c->value);
}

static enum ekind ekind_of(const struct audit *a, const struct row *row, size_t pi, int k)
{
	const struct pmu_range *p = pmu_at(row->first);
	const struct handling *h;

	if (!row->reg) {
		if (pi == a->own_pi && p)
			return p->emulated ? EK_PERF : EK_PERF_NEVER;
		return EK_PASS;
	}
	h = &row->reg->decl->handling[pi * 2 + k];
	switch (h->kind) {
	case H_PASSTHROUGH:
		return EK_PASS;
	case H_IGNORE:
		return EK_IGNORE;
	case H_CALL:
		return EK_CALL;
	case H_FIXUP:
		return EK_FIXUP;
	case H_WORD:
		/* a handling of the platform's own: for Xen PV, 7.3's PMU emulation */
		if (pi != a->own_pi)
			return EK_PERF;
		return !p ? EK_PASS : p->emulated ? EK_PERF : EK_PERF_NEVER;
	}
	return EK_PASS;
}

/* What the target's own code calls the step of handler stub (audit-call), or stub */
static const char *kernel_func(const struct audit *a, const char *stub)
{
	const struct target_conf *t = a->o->words;
	size_t i;

	for (i = 0; t && i < t->audit_calls.n; i++)
		if (!strcmp(stub, t->audit_calls.v[i].key))
			return t->audit_calls.v[i].text;
	return stub;
}

/* The target's audit word key, or dflt */
static const char *audit_word(const struct audit_opts *o, const char *key, const char *dflt)
{
	size_t i;

	for (i = 0; o->words && i < o->words->audit_words.n; i++)
		if (!strcmp(key, o->words->audit_words.v[i].key))
			return o->words->audit_words.v[i].text;
	return dflt;
}

/* "NAME(): " of the code that reads (k 0), writes (1) or does both (2), or nothing */
static void code_prefix(struct strbuf *sb, const struct audit *a, int k)
{
	if (k == 2 && a->w_read && a->w_write)
		sb_printf(sb, "%s/%s: ", a->w_read, a->w_write);
	else if (k == 0 && a->w_read)
		sb_printf(sb, "%s: ", a->w_read);
	else if (k == 1 && a->w_write)
		sb_printf(sb, "%s: ", a->w_write);
}

/* What the guest kernel does, in the words of its own code for the platform */
static void handling_text(struct strbuf *sb, const struct audit *a, const struct row *row,
			  size_t pi, int k)
{
	static const char *const insn[] = { "RDMSR", "WRMSR", "RDMSR/WRMSR" };
	const struct ast_handling *h = row->reg && k < 2 ? row->reg->decl->handling[pi * 2 + k].ast : NULL;
	const struct pmu_range *p = pmu_at(row->first);
	bool own = pi == a->own_pi;
	size_t i;

	switch (ekind_of(a, row, pi, k & 1)) {
	case EK_PASS:
		if (own)
			code_prefix(sb, a, k);
		sb_printf(sb, "%s%s%s%s", insn[k], own ? ", " : "", own ? a->w_hv : "", own ? " emulates" : "");
		break;
	case EK_IGNORE:
		if (k)
			sb_puts(sb, "");
		if (own)
			code_prefix(sb, a, k);
		if (k)
			sb_puts(sb, "dropped");
		else
			sb_printf(sb, "returns 0x%llx",
				  (unsigned long long)(h && h->has_value ? h->value.v : 0));
		break;
	case EK_CALL:
		if (own)
			code_prefix(sb, a, k);
		sb_printf(sb, "%s(", kernel_func(a, h->func.name));
		for (i = 0; i < h->args.n; i++)
			sb_printf(sb, "%s%s", i ? ", " : "", h->args.v[i].name);
		sb_puts(sb, ")");
		break;
	case EK_FIXUP:
		if (own)
			code_prefix(sb, a, k);
		sb_printf(sb, "RDMSR, then %s", kernel_func(a, h->func.name));
		break;
	case EK_PERF:
		if (own)
			sb_printf(sb, "%s%s%s, else %s (%s)", a->w_claims ? a->w_claims : "",
				  a->w_claims ? ": " : "", a->w_claimed, insn[k], p->cond);
		else
			sb_puts(sb, h ? h->word.name : "");
		break;
	case EK_PERF_NEVER:
		sb_printf(sb, "%s (%s%s%s)", insn[k], a->w_claims ? a->w_claims : "",
			  a->w_claims ? ": " : "", p->cond);
		break;
	}
}

/* The hypervisors of platform pi at (addr, k) whose behaviour is in mask, as a list */
static char *hv_list(const struct audit *a, size_t pi, uint32_t addr, int k, unsigned mask,
		     bool *all_relaxed)
{
	const struct model *m = a->m;
	struct strbuf sb = { 0 };
	size_t i;

	sb_puts(&sb, "");
	if (all_relaxed)
		*all_relaxed = true;
	for (i = 0; i < m->hypervisors.n; i++) {
		const struct hypervisor *hv = &m->hypervisors.v[i];
		struct hvcell c;

		if (hv->platform != &m->platforms.v[pi])
			continue;
		c = hv_cell(hv, addr, k);
		if (!(mask & (1u << c.beh)))
			continue;
		sb_printf(&sb, "%s%s", sb.len ? ", " : "", hv->name);
		if (all_relaxed)
			*all_relaxed &= c.relaxed;
	}
	if (!sb.len) {
		sb_free(&sb);
		return NULL;
	}
	return sb.s;
}

/* The clauses ("; "-separated) of pi's hypervisor notes at (addr, k) that name dom0, each once */
static void hv_dom0(struct strbuf *sb, const struct audit *a, size_t pi, uint32_t addr, int k)
{
	struct strbuf seen = { 0 };
	size_t i;

	sb_puts(&seen, "\n");
	for (i = 0; i < a->m->hypervisors.n; i++) {
		const struct hypervisor *hv = &a->m->hypervisors.v[i];
		const char *p, *end;

		if (hv->platform != &a->m->platforms.v[pi])
			continue;
		for (p = hv_cell(hv, addr, k).note; *p; p = *end ? end + 2 : end) {
			char *clause, *key;

			end = strstr(p, "; ");
			if (!end)
				end = p + strlen(p);
			clause = xstrndup(p, (size_t)(end - p));
			key = xasprintf("\n%s\n", clause);
			if (strstr(clause, "dom0") && !strstr(seen.s, key)) {
				sb_printf(sb, "; %s", clause);
				sb_puts(&seen, key + 1);
			}
			free(key);
			free(clause);
		}
	}
	sb_free(&seen);
}
static void add_finding(struct row *row, enum finding_kind kind, int k, enum severity sev,
			char *reason, char *consequence, char *context)
{
	struct finding f = { kind, k, sev, reason, consequence, context };

	vec_push(&row->findings, f);
}

/* The consequence of a #GP answer for the guest, given the sites that reach it */
static void gp_consequence(const struct audit *a, const struct row *row, int k, bool known,
			   char **cons, enum severity *sev)
{
	const char *lost = k ? "dropped write" : "silent 0";

	if (row->plain[k]) {
		char *safe = a->w_safe ? xasprintf(" (%s=y, the default); WARN with %s=0", a->w_safe,
						   a->w_safe) : xstrdup("");

		*cons = xasprintf("%s at %zu site%s%s%s", lost, row->plain[k],
				  row->plain[k] == 1 ? "" : "s", safe,
				  row->safe[k] ? "; the _safe sites get an error" : "");
		free(safe);
		*sev = SEV_HIGH;
	} else if (row->safe[k]) {
		*cons = xasprintf("error returned at %zu _safe site%s", row->safe[k],
				  row->safe[k] == 1 ? "" : "s");
		*sev = SEV_MEDIUM;
	} else {
		*cons = xasprintf(known ? "none: no site %ss it" : "%s if a plain site %ss it",
				  known ? (k ? "write" : "read") : lost, k ? "write" : "read");
		*sev = SEV_LOW;
	}
}

static char *gp_context(const struct audit *a, const struct row *row, size_t pi, int k,
			bool relaxed, enum ekind ek)
{
	struct strbuf sb = { 0 };
	const struct pmu_range *p = pmu_at(row->first);

	sb_puts(&sb, "");
	if (relaxed)
		sb_printf(&sb, "msr_relaxed: %s instead of #GP if the host has the MSR",
			  k ? "write dropped" : "read 0");
	else
		sb_puts(&sb, "#GP even with msr_relaxed");
	hv_dom0(&sb, a, pi, row->first, k);
	if ((ek == EK_PERF || ek == EK_PERF_NEVER) && p && strncmp(p->cond, "AMD", 3))
		sb_puts(&sb, "; reached with vpmu=1 only: with vpmu off CPUID leaf 0xA is empty and the perf driver stays off");
	if (!k && row->plain[0])
		sb_printf(&sb, "; before the guest registers its #GP handler %s fakes a read as 0", a->w_hv);
	return sb.s;
}

static void find_platform(const struct audit *a, struct row *row, size_t pi, int k)
{
	const char *insn = insn_word[k];
	unsigned real = 1u << HV_EMULATE | 1u << HV_HOST | 1u << HV_VALIDATE |
			(k ? 0 : 1u << HV_ZERO | 1u << HV_CONST);
	enum ekind ek = ekind_of(a, row, pi, k);
	bool known = a->o->sites != NULL, relaxed;
	struct strbuf call = { 0 };
	enum severity sev;
	char *who, *cons;

	switch (ek) {
	case EK_PASS:
	case EK_FIXUP:
	case EK_PERF_NEVER:
		who = hv_list(a, pi, row->first, k, 1u << HV_GP, &relaxed);
		if (who) {
			gp_consequence(a, row, k, known, &cons, &sev);
			add_finding(row, F_PASSTHROUGH_GP, k, sev,
				    xasprintf("the guest executes %s and %s answer%s #GP", insn, who,
					      strchr(who, ',') ? "" : "s"),
				    cons, gp_context(a, row, pi, k, relaxed, ek));
		}
		free(who);
		if (ek != EK_FIXUP)
			break;
		/* a fixup also replaces what Xen answers */
		/* fall through */
	case EK_CALL:
		who = hv_list(a, pi, row->first, k, 1u << HV_EMULATE | 1u << HV_VALIDATE, NULL);
		if (who) {
			sb_puts(&call, "");
			handling_text(&call, a, row, pi, k);
			add_finding(row, F_SPECIAL_PLAIN, k, SEV_INFO,
				    xasprintf("the guest uses %s where %s would emulate %s itself",
					      call.s, who, insn),
				    xstrdup("none"), xstrdup(""));
			sb_free(&call);
		}
		free(who);
		break;
	case EK_IGNORE:
		who = hv_list(a, pi, row->first, k, real, NULL);
		if (who) {
			size_t n = row->plain[k] + row->safe[k];

			add_finding(row, F_IGNORE_EMULATED, k, n ? SEV_MEDIUM : SEV_LOW,
				    xasprintf(k ? "the guest drops the write; %s would carry it out"
						: "the guest makes up the value; %s would answer the read",
					      who),
				    xasprintf("%s%s", k ? "dropped write" : "made-up value",
					      !known ? "" : n ? "" : " (no site)"),
				    xstrdup(""));
		}
		free(who);
		break;
	case EK_PERF:
		who = hv_list(a, pi, row->first, k, 1u << HV_GP, &relaxed);
		if (who) {
			gp_consequence(a, row, k, known, &cons, &sev);
			add_finding(row, F_PERF_GP, k, sev,
				    xasprintf("outside a PMU interrupt the guest executes %s, which %s answer%s with #GP",
					      insn, who, strchr(who, ',') ? "" : "s"),
				    cons, gp_context(a, row, pi, k, relaxed, ek));
		}
		free(who);
		break;
	}
}

static void find_versions(const struct audit *a, struct row *row, int k)
{
	const struct model *m = a->m;
	struct strbuf sb = { 0 };
	size_t i, j;
	bool differ = false;

	for (i = 0; i < m->hypervisors.n; i++)
		for (j = i + 1; j < m->hypervisors.n; j++) {
			struct hvcell x = hv_cell(&m->hypervisors.v[i], row->first, k);
			struct hvcell y = hv_cell(&m->hypervisors.v[j], row->first, k);

			if (m->hypervisors.v[i].platform == m->hypervisors.v[j].platform)
				differ |= !hv_same(&x, &y);
		}
	if (!differ)
		return;
	sb_puts(&sb, "");
	for (i = 0; i < m->hypervisors.n; i++) {
		struct hvcell c = hv_cell(&m->hypervisors.v[i], row->first, k);

		sb_printf(&sb, "%s%s ", i ? "; " : "", m->hypervisors.v[i].name);
		hv_beh_text(&sb, &c);
	}
	add_finding(row, F_VERSION_DIFFERENCE, k, SEV_INFO, sb.s, xasprintf("depends on the %s version", a->w_hvk),
		    xstrdup(""));
}

/* --- rows ---------------------------------------------------------------- */

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

static bool hv_covered(const struct model *m, uint32_t addr)
{
	size_t i;

	for (i = 0; i < m->hypervisors.n; i++)
		if (model_hv_lookup(&m->hypervisors.v[i], addr, DIR_READ) ||
		    model_hv_lookup(&m->hypervisors.v[i], addr, DIR_WRITE))
			return true;
	return false;
}

/* Whether addresses x and y look the same to every hypervisor and to the PMU model */
static bool same_everywhere(const struct model *m, uint32_t x, uint32_t y)
{
	size_t i;
	int k;

	if (pmu_at(x) != pmu_at(y))
		return false;
	for (i = 0; i < m->hypervisors.n; i++)
		for (k = 0; k < 2; k++) {
			struct hvcell a = hv_cell(&m->hypervisors.v[i], x, k);
			struct hvcell b = hv_cell(&m->hypervisors.v[i], y, k);

			if (!hv_same(&a, &b) || strcmp(a.note, b.note))
				return false;
		}
	return true;
}

/*
 * Rows for the addresses the hypervisor tables (or 7.3's PMU code) name that no
 * register declares: split where any range starts or ends, then merged while
 * every hypervisor says the same.
 */
static void address_rows(struct audit *a)
{
	const struct model *m = a->m;
	VEC(uint32_t) pts = { 0 };
	size_t i, j;

	for (i = 0; i < m->hypervisors.n; i++)
		for (j = 0; j < m->hypervisors.v[i].ranges.n; j++) {
			const struct hvrange *r = &m->hypervisors.v[i].ranges.v[j];

			vec_push(&pts, r->first);
			if (r->last != UINT32_MAX)
				vec_push(&pts, r->last + 1);
		}
	for (i = 0; i < pmu.n; i++) {
		vec_push(&pts, pmu.v[i].first);
		if (pmu.v[i].last != UINT32_MAX)
			vec_push(&pts, pmu.v[i].last + 1);
	}
	for (i = 0; i < m->regs.n; i++) {
		vec_push(&pts, m->regs.v[i].addr);
		if (m->regs.v[i].addr != UINT32_MAX)
			vec_push(&pts, m->regs.v[i].addr + 1);
	}
	sort_array(pts.v, pts.n, sizeof(*pts.v), cmp_u32);
	for (i = 0; i + 1 < pts.n; i++) {
		uint32_t lo = pts.v[i], hi = pts.v[i + 1] - 1;
		struct row *prev = a->rows.n ? &a->rows.v[a->rows.n - 1] : NULL;
		struct row r = { 0 };

		if (pts.v[i + 1] == lo || model_find_reg(m, lo) ||
		    !(hv_covered(m, lo) || (a->own_pi != SIZE_MAX && pmu_at(lo))))
			continue;
		if (prev && !prev->reg && prev->last + 1 == lo && same_everywhere(m, prev->first, lo)) {
			prev->last = hi;
			continue;
		}
		r.first = lo;
		r.last = hi;
		r.access = ACC_RW;
		vec_push(&a->rows, r);
	}
	free(pts.v);
}

static void name_rows(struct audit *a)
{
	size_t i;

	for (i = 0; i < a->rows.n; i++) {
		struct row *r = &a->rows.v[i];

		if (r->reg)
			r->name = xstrdup(r->reg->macro);
		else if (r->first == r->last)
			r->name = xasprintf("0x%08x", r->first);
		else
			r->name = xasprintf("0x%08x-0x%08x", r->first, r->last);
	}
}

static int cmp_site_msr(const void *x, const void *y)
{
	const struct site *a = x, *b = y;

	return a->msr < b->msr ? -1 : a->msr > b->msr;
}

static void attach_sites(struct audit *a)
{
	const struct sites *s = a->o->sites;
	size_t i, j;

	if (!s)
		return;
	for (i = 0; i < a->rows.n; i++) {
		struct row *r = &a->rows.v[i];
		struct site key = { 0 };
		const struct site *p;

		key.msr = r->first;
		/* sites are sorted by MSR: find the first at or after r->first */
		for (p = s->v.v, j = s->v.n; j; ) {
			size_t half = j / 2;

			if (cmp_site_msr(&p[half], &key) < 0) {
				p += half + 1;
				j -= half + 1;
			} else {
				j = half;
			}
		}
		for (; p < s->v.v + s->v.n && p->msr <= r->last; p++) {
			int k = p->flags & SITE_WRITE ? 1 : 0;

			if (p->flags & SITE_SAFE)
				r->safe[k]++;
			else
				r->plain[k]++;
			vec_push(&r->sites, p);
		}
	}
}

static int cmp_row(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	bool sa = a->sites.n && a->findings.n, sb = b->sites.n && b->findings.n;

	if (sa != sb)
		return sa ? -1 : 1;
	if (!!a->findings.n != !!b->findings.n)
		return a->findings.n ? -1 : 1;
	if (a->sev != b->sev)
		return a->sev > b->sev ? -1 : 1;
	if (a->rarest != b->rarest)
		return a->rarest < b->rarest ? -1 : 1;
	if (a->plain[0] + a->plain[1] != b->plain[0] + b->plain[1])
		return a->plain[0] + a->plain[1] > b->plain[0] + b->plain[1] ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

static const struct audit *sort_audit;	/* for cmp_finding */

static int cmp_finding(const void *x, const void *y)
{
	const struct finding *a = x, *b = y;
	size_t ca = sort_audit->kind_count[a->kind], cb = sort_audit->kind_count[b->kind];

	if (a->sev != b->sev)
		return a->sev > b->sev ? -1 : 1;
	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->dir - b->dir;
}

static bool wanted_dir(const struct row *r, int k)
{
	return (r->access & (1u << k)) || r->plain[k] || r->safe[k];
}

static void audit_build(struct audit *a)
{
	const struct model *m = a->m;
	size_t i, j, pi;
	int k;

	/* whose code the audit words name: the target's audit-platform, else the
	   platform whose handlings claim addresses (its PMU model) */
	a->own_pi = SIZE_MAX;
	for (pi = 0; pi < m->platforms.n; pi++) {
		const struct ast_platform *p = m->platforms.v[pi].ast;

		if (a->o->words && a->o->words->audit_platform) {
			if (!strcmp(m->platforms.v[pi].name, a->o->words->audit_platform))
				a->own_pi = pi;
			continue;
		}
		for (j = 0; p && j < p->handlings.n && a->own_pi == SIZE_MAX; j++)
			if (p->handlings.v[j].ranges.n)
				a->own_pi = pi;
	}
	a->w_hvk = audit_word(a->o, "hypervisor", "hypervisor");
	a->w_hv = audit_word(a->o, "hypervisor", "the hypervisor");
	a->w_read = audit_word(a->o, "read", NULL);
	a->w_write = audit_word(a->o, "write", NULL);
	a->w_claims = audit_word(a->o, "claims", NULL);
	a->w_claimed = audit_word(a->o, "claimed", "claimed by the platform's code");
	a->w_safe = audit_word(a->o, "safe", NULL);
	pmu_load(m, a->own_pi);
	for (i = 0; i < m->regs.n; i++) {
		struct row r = { 0 };

		r.reg = &m->regs.v[i];
		r.first = r.last = r.reg->addr;
		r.access = r.reg->decl->access;
		vec_push(&a->rows, r);
	}
	address_rows(a);
	name_rows(a);
	attach_sites(a);
	for (i = 0; i < a->rows.n; i++) {
		struct row *r = &a->rows.v[i];
		bool seen[F_COUNT] = { false };

		for (k = 0; k < 2; k++) {
			if (!wanted_dir(r, k))
				continue;
			for (pi = 0; pi < m->platforms.n; pi++) {
				find_platform(a, r, pi, k);
				if (m->platforms.v[pi].feature[0] &&
				    ekind_of(a, r, pi, k) != EK_PASS)
					r->special = true;
			}
			find_versions(a, r, k);
		}
		for (j = 0; j < r->findings.n; j++) {
			if (!seen[r->findings.v[j].kind])
				a->kind_count[r->findings.v[j].kind]++;
			seen[r->findings.v[j].kind] = true;
		}
	}
	sort_audit = a;
	for (i = 0; i < a->rows.n; i++) {
		struct row *r = &a->rows.v[i];

		sort_array(r->findings.v, r->findings.n, sizeof(*r->findings.v), cmp_finding);
		r->rarest = SIZE_MAX;
		for (j = 0; j < r->findings.n; j++) {
			if (r->findings.v[j].sev > r->sev)
				r->sev = r->findings.v[j].sev;
			if (a->kind_count[r->findings.v[j].kind] < r->rarest)
				r->rarest = a->kind_count[r->findings.v[j].kind];
		}
	}
	sort_array(a->rows.v, a->rows.n, sizeof(*a->rows.v), cmp_row);
}

static void audit_free(struct audit *a)
{
	size_t i, j;

	for (i = 0; i < a->rows.n; i++) {
		struct row *r = &a->rows.v[i];

		for (j = 0; j < r->findings.n; j++) {
			free(r->findings.v[j].reason);
			free(r->findings.v[j].consequence);
			free(r->findings.v[j].context);
		}
		free(r->findings.v);
		free(r->sites.v);
		free(r->name);
	}
	free(a->rows.v);
	free(pmu.v);
	memset(&pmu, 0, sizeof(pmu));
}

/* --- selection: --msr, --finding, --special ------------------------------- */

static bool row_named(const struct row *r, const char *name)
{
	size_t i;

	if (!r->reg)
		return false;
	if (!strcmp(r->reg->macro, name) || !strcmp(r->reg->decl->name, name))
		return true;
	for (i = 0; r->reg->decl->ast->kind == MSR_SINGLE && i < r->reg->decl->aliases.n; i++)
		if (!strcmp(r->reg->decl->aliases.v[i]->name.name, name))
			return true;
	return false;
}

static bool parse_address(const char *s, uint32_t *out)
{
	char *end;
	unsigned long long v;

	if (!(s[0] >= '0' && s[0] <= '9'))
		return false;
	v = strtoull(s, &end, 0);
	if (*end || v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

static bool row_selected(const struct audit *a, const struct row *r, uint32_t addr, bool by_addr,
			 int kind)
{
	const struct audit_opts *o = a->o;
	size_t j;

	if (o->msr && !(by_addr ? addr >= r->first && addr <= r->last : row_named(r, o->msr)))
		return false;
	if (o->special && !r->special)
		return false;
	if (kind >= 0) {
		for (j = 0; j < r->findings.n; j++)
			if ((int)r->findings.v[j].kind == kind)
				break;
		if (j == r->findings.n)
			return false;
	}
	return true;
}

/* Marks the rows to print; 2 with a message if a filter names nothing. */
static int select_rows(const struct audit *a, bool *sel)
{
	const struct audit_opts *o = a->o;
	uint32_t addr = 0;
	bool by_addr = o->msr && parse_address(o->msr, &addr);
	int kind = -1, f;
	size_t i, n = 0;

	if (o->finding) {
		for (f = 0; f < F_COUNT; f++)
			if (!strcmp(o->finding, finding_name[f]))
				kind = f;
		if (kind < 0) {
			fprintf(stderr, "msrgen: unknown finding '%s' (", o->finding);
			for (f = 0; f < F_COUNT; f++)
				fprintf(stderr, "%s%s", f ? ", " : "", finding_name[f]);
			fputs(")\nTry 'msrgen audit --help' for more information.\n", stderr);
			return 2;
		}
	}
	for (i = 0; i < a->rows.n; i++) {
		sel[i] = row_selected(a, &a->rows.v[i], addr, by_addr, kind);
		n += sel[i];
	}
	if (o->msr && !n && !o->finding && !o->special) {
		struct closest near;

		closest_init(&near, o->msr);
		for (i = 0; !by_addr && i < a->rows.n; i++)
			if (a->rows.v[i].reg)
				closest_try(&near, a->rows.v[i].reg->macro);
		fprintf(stderr, by_addr ? "msrgen: no MSR at address '%s' in the tables\n"
					: "msrgen: no MSR named '%s' in the tables\n", o->msr);
		if (!by_addr && near.best)
			fprintf(stderr, "msrgen: note: did you mean '%s'?\n", near.best);
		return 2;
	}
	return 0;
}

/* --- shared text ------------------------------------------------------------ */

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

static void list_text(struct strbuf *sb, const struct row *r, bool aliases, const char *sep)
{
	const struct decl *d = r->reg ? r->reg->decl : NULL;
	size_t i;

	if (aliases) {
		for (i = 0; d && d->ast->kind == MSR_SINGLE && i < d->aliases.n; i++)
			sb_printf(sb, "%s%s", i ? sep : "", d->aliases.v[i]->name.name);
		return;
	}
	if (!d || !d->vendors) {
		sb_puts(sb, "any");
		return;
	}
	for (i = 0; i < d->vendors->list.n; i++)
		sb_printf(sb, "%s%s", i ? sep : "", d->vendors->list.v[i].name);
}

/* One direction of a platform: "-" where the MSR forbids it and no site tries */
static void plat_dir_text(struct strbuf *sb, const struct audit *a, const struct row *r,
			  size_t pi, int k)
{
	if (!(r->access & (1u << k))) {
		sb_printf(sb, "- (%s)", r->access == ACC_RO ? "read-only" : "write-only");
		if (r->plain[k] || r->safe[k])
			sb_puts(sb, ", yet a site tries");
		return;
	}
	handling_text(sb, a, r, pi, k);
}

/* A platform's two directions merged: "r: X; w: Y", or one text when they agree */
static void plat_text(struct strbuf *sb, const struct audit *a, const struct row *r, size_t pi)
{
	struct strbuf t[2] = { { 0 }, { 0 } };
	enum ekind e = ekind_of(a, r, pi, 0);
	int k;

	if (r->access == ACC_RW && e == ekind_of(a, r, pi, 1) &&
	    (e == EK_PASS || e == EK_PERF || e == EK_PERF_NEVER)) {
		handling_text(sb, a, r, pi, 2);
		return;
	}
	for (k = 0; k < 2; k++) {
		sb_puts(&t[k], "");
		plat_dir_text(&t[k], a, r, pi, k);
	}
	if (!strcmp(t[0].s, t[1].s))
		sb_puts(sb, t[0].s);
	else
		sb_printf(sb, "r: %s; w: %s", t[0].s, t[1].s);
	sb_free(&t[0]);
	sb_free(&t[1]);
}

/* A hypervisor's two directions, with the notes (each note once) when asked */
static void hv_text(struct strbuf *sb, const struct hypervisor *hv, const struct row *r,
		    bool notes)
{
	struct hvcell c[2] = { hv_cell(hv, r->first, 0), hv_cell(hv, r->first, 1) };
	bool same_note = !strcmp(c[0].note, c[1].note);
	int k;

	if (hv_same(&c[0], &c[1]) && same_note) {
		hv_beh_text(sb, &c[0]);
		if (notes && c[0].note[0])
			sb_printf(sb, " (%s)", c[0].note);
		return;
	}
	for (k = 0; k < 2; k++) {
		sb_printf(sb, "%s: ", k ? "; w" : "r");
		hv_beh_text(sb, &c[k]);
		if (!(r->access & (1u << k)))
			sb_puts(sb, " [forbidden direction]");
		if (notes && c[k].note[0] && (k == 0 || !same_note))
			sb_printf(sb, " (%s)", c[k].note);
	}
}

static void findings_text(struct strbuf *sb, const struct row *r, const char *sep)
{
	size_t i;

	for (i = 0; i < r->findings.n; i++)
		sb_printf(sb, "%s%s/%s", i ? sep : "", finding_name[r->findings.v[i].kind],
			  dir_word[r->findings.v[i].dir]);
}

static void sites_text(struct strbuf *sb, const struct row *r)
{
	if (!r->plain[0] && !r->safe[0] && !r->plain[1] && !r->safe[1]) {
		sb_puts(sb, "-");
		return;
	}
	sb_printf(sb, "r %zu", r->plain[0] + r->safe[0]);
	if (r->safe[0])
		sb_printf(sb, " (%zu _safe)", r->safe[0]);
	sb_printf(sb, ", w %zu", r->plain[1] + r->safe[1]);
	if (r->safe[1])
		sb_printf(sb, " (%zu _safe)", r->safe[1]);
}

static void site_line(struct strbuf *sb, const struct site *s, bool image)
{
	sb_printf(sb, "%s %s%s%s", dir_word[s->flags & SITE_WRITE ? 1 : 0],
		  s->flags & SITE_SAFE ? "_safe" : "plain", s->flags & SITE_NS ? " wrmsrns" : "",
		  "");
	if (image)
		sb_printf(sb, " 0x%llx", (unsigned long long)s->addr);
	sb_printf(sb, " %s", s->where);
}

/* --- Markdown: the report --------------------------------------------------- */

static void md_cell(struct strbuf *sb, const char *s)
{
	sb_puts(sb, " ");
	put_escaped(sb, s[0] ? s : "-", AUDIT_MD);
	sb_puts(sb, " |");
}

/* "MSR_P4_BPU_ESCR0" -> "MSR_P4": the family a summary groups by */
static size_t family_len(const char *name)
{
	const char *p = strchr(name, '_');

	if (!p || strncmp(name, "MSR_", 4))
		return strlen(name);
	p = strchr(name + 4, '_');
	return p ? (size_t)(p - name) : strlen(name);
}

struct family {
	const char *name;
	size_t len, n;
};

static int cmp_family(const void *x, const void *y)
{
	const struct family *a = x, *b = y;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = strncmp(a->name, b->name, n);

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return c ? c : (a->len < b->len ? -1 : a->len > b->len);
}

/* Only passthrough-gp findings, and no site: the rows the report summarises */
static bool quiet_row(const struct row *r)
{
	size_t i;

	if (r->sites.n)
		return false;
	for (i = 0; i < r->findings.n; i++)
		if (r->findings.v[i].kind != F_PASSTHROUGH_GP)
			return false;
	return r->findings.n > 0;
}

static void md_summary_quiet(struct strbuf *sb, const struct audit *a, const bool *sel)
{
	VEC(struct family) fam = { 0 };
	size_t i, j, n = 0, ranges = 0;

	for (i = 0; i < a->rows.n; i++) {
		const struct row *r = &a->rows.v[i];
		size_t len;

		if (!sel[i] || !quiet_row(r))
			continue;
		n++;
		if (!r->reg) {
			ranges++;
			continue;
		}
		len = family_len(r->name);
		for (j = 0; j < fam.n; j++)
			if (fam.v[j].len == len && !strncmp(fam.v[j].name, r->name, len))
				break;
		if (j == fam.n) {
			struct family f = { r->name, len, 0 };

			vec_push(&fam, f);
		}
		fam.v[j].n++;
	}
	if (!n) {
		free(fam.v);
		return;
	}
	sort_array(fam.v, fam.n, sizeof(*fam.v), cmp_family);
	sb_printf(sb, "\n## passthrough-gp at MSRs no site touches\n\n"
		      "%zu MSRs (%zu of them address ranges) get #GP from %s if the guest ever "
		      "executed RDMSR or WRMSR on them, but %s. By name:",
		  n, ranges, a->w_hv,
		  a->o->sites ? "no site of the kernel does" : "no site list was given (--kernel-sites or --vmlinux)");
	for (j = 0; j < fam.n; j++)
		sb_printf(sb, "%s %.*s%s (%zu)", j ? "," : "", (int)fam.v[j].len, fam.v[j].name,
			  fam.v[j].n > 1 || strlen(fam.v[j].name) != fam.v[j].len ? "*" : "",
			  fam.v[j].n);
	if (ranges) {
		sb_puts(sb, ". By address:");
		for (i = 0, j = 0; i < a->rows.n; i++)
			if (sel[i] && quiet_row(&a->rows.v[i]) && !a->rows.v[i].reg)
				sb_printf(sb, "%s %s", j++ ? "," : "", a->rows.v[i].name);
	}
	sb_puts(sb, ". `msrgen audit --finding passthrough-gp` lists them.\n");
	free(fam.v);
}

/* The sites joined with each hypervisor: how many get #GP, how many of those are _safe */
static void md_join(struct strbuf *sb, const struct audit *a, const bool *sel)
{
	const struct model *m = a->m;
	const struct sites *s = a->o->sites;
	size_t i, j, q, variable = 0;

	sb_putc(sb, '\n');
	for (j = 0; j < m->hypervisors.n; j++) {
		const struct hypervisor *hv = &m->hypervisors.v[j];
		size_t pi = (size_t)(hv->platform - m->platforms.v), n = 0, safe = 0;

		for (i = 0; i < a->rows.n; i++) {
			const struct row *r = &a->rows.v[i];

			for (q = 0; sel[i] && q < r->sites.n; q++) {
				const struct site *x = r->sites.v[q];
				int k = x->flags & SITE_WRITE ? 1 : 0;
				enum ekind e = ekind_of(a, r, pi, k);

				if (e == EK_IGNORE || e == EK_CALL ||
				    hv_cell(hv, x->msr, k).beh != HV_GP)
					continue;
				n++;
				safe += !!(x->flags & SITE_SAFE);
			}
		}
		sb_printf(sb, "- %s: %zu site%s access%s MSRs that %s answers with #GP; %zu of them %s _safe",
			  hv->name, n, n == 1 ? "" : "s", n == 1 ? "es" : "", hv->name, safe,
			  safe == 1 ? "is" : "are");
		if (n > safe && a->w_safe)
			sb_printf(sb, "; at the other %zu the kernel gets a silent 0 or drops the write "
				      "(%s=y, the default) or WARNs (%s=0)", n - safe, a->w_safe, a->w_safe);
		else if (n > safe)
			sb_printf(sb, "; at the other %zu the kernel gets a silent 0 or drops the write",
				  n - safe);
		sb_puts(sb, ".\n");
	}
	for (i = 0; i < s->v.n; i++)
		variable += s->v.v[i].msr == SITE_NO_MSR;
	if (variable)
		sb_printf(sb, "- %zu site%s with a non-constant MSR number (the dispatcher) %s not joined.\n",
			  variable, variable == 1 ? "" : "s", variable == 1 ? "is" : "are");
	if (s->unknown)
		sb_printf(sb, "- %zu site%s MSRs the tables do not have.\n", s->unknown,
			  s->unknown == 1 ? " names" : "s name");
}

static void render_md(const struct audit *a, const bool *sel, struct strbuf *sb)
{
	const struct model *m = a->m;
	size_t count[F_COUNT] = { 0 }, kcount[F_COUNT] = { 0 }, i, j, pi, nsel = 0, nsites = 0;
	int order[F_COUNT], f, g;
	bool any_loud = false;
	bool summarise = !a->o->msr && !a->o->finding;

	for (i = 0; i < a->rows.n; i++) {
		const struct row *r = &a->rows.v[i];
		bool seen[F_COUNT] = { false };

		if (!sel[i])
			continue;
		nsel++;
		nsites += r->sites.n;
		for (j = 0; j < r->findings.n; j++) {
			f = r->findings.v[j].kind;
			if (seen[f])
				continue;
			seen[f] = true;
			count[f]++;
			kcount[f] += r->sites.n > 0;
		}
	}
	for (f = 0; f < F_COUNT; f++)
		order[f] = f;
	for (f = 1; f < F_COUNT; f++)	/* rarest first, stable */
		for (g = f; g > 0 && count[order[g]] < count[order[g - 1]]; g--) {
			int t = order[g];

			order[g] = order[g - 1];
			order[g - 1] = t;
		}
	sb_puts(sb, "# MSR audit\n\n## Summary\n\n");
	sb_printf(sb, "%zu MSRs and address ranges; hypervisors:", nsel);
	for (i = 0; i < m->hypervisors.n; i++)
		sb_printf(sb, "%s %s", i ? "," : "", m->hypervisors.v[i].name);
	if (a->o->sites)
		sb_printf(sb, "; kernel sites: %zu at these MSRs (%s)", nsites, a->o->sites->origin);
	sb_puts(sb, ".\n\n| finding | MSRs | with kernel sites | what it means |\n|---|---|---|---|\n");
	for (f = 0; f < F_COUNT; f++) {
		static const char *const meaning[F_COUNT] = {
			"the guest executes the instruction and %s answers #GP",
			"outside a PMU interrupt the guest executes the instruction and %s answers #GP",
			"the guest drops the access although %s would carry it out",
			"the guest makes a hypercall or adjusts where %s would emulate",
			"the %s versions answer differently",	/* w_hvk */
		};
		int k = order[f];

		sb_printf(sb, "| %s | %zu | %zu | ", finding_name[k], count[k], kcount[k]);
		sb_printf(sb, meaning[k], k == F_VERSION_DIFFERENCE ? a->w_hvk : a->w_hv);
		sb_puts(sb, " |\n");
	}
	if (a->o->sites)
		md_join(sb, a, sel);
	sb_puts(sb, "\nSeverity: high = a plain site gets a silent 0 or a dropped write");
	if (a->w_safe)
		sb_printf(sb, " (WARN with %s=0)", a->w_safe);
	sb_puts(sb, "; medium = only _safe sites, or a write the guest drops; "
		    "low = no site; info = no effect on the guest.\n");

	sb_puts(sb, "\n## Findings\n\n| MSR | address | sites | severity | findings | consequence | context |");
	for (j = 0; j < m->hypervisors.n; j++)
		sb_printf(sb, " %s |", m->hypervisors.v[j].name);
	sb_puts(sb, "\n|---|---|---|---|---|---|---|");
	for (j = 0; j < m->hypervisors.n; j++)
		sb_puts(sb, "---|");
	sb_putc(sb, '\n');
	for (i = 0; i < a->rows.n; i++) {
		const struct row *r = &a->rows.v[i];
		struct strbuf t = { 0 };
		int k;

		if (!sel[i] || !r->findings.n || (summarise && quiet_row(r)))
			continue;
		any_loud = true;
		sb_putc(sb, '|');
		md_cell(sb, r->name);
		sb_puts(&t, "");
		sb_printf(&t, "0x%08x", r->first);
		md_cell(sb, t.s);
		sb_free(&t);
		sb_puts(&t, "");
		sites_text(&t, r);
		md_cell(sb, t.s);
		md_cell(sb, sev_name[r->sev]);
		for (k = 0; k < 3; k++) {
			sb_free(&t);
			sb_puts(&t, "");
			for (j = 0; j < r->findings.n; j++) {
				const struct finding *x = &r->findings.v[j];
				const char *s = k == 0 ? x->reason : k == 1 ? x->consequence : x->context;

				if (k == 0)
					sb_printf(&t, "%s%s %s: %s", j ? "; " : "", finding_name[x->kind],
						  dir_word[x->dir], s);
				else if (s[0])
					sb_printf(&t, "%s%s: %s", t.len ? "; " : "", dir_word[x->dir], s);
			}
			md_cell(sb, t.s);
		}
		for (j = 0; j < m->hypervisors.n; j++) {
			sb_free(&t);
			sb_puts(&t, "");
			hv_text(&t, &m->hypervisors.v[j], r, true);
			md_cell(sb, t.s);
		}
		sb_free(&t);
		sb_putc(sb, '\n');
	}
	if (!any_loud)
		sb_puts(sb, "| (none) | | | | | | |\n");
	if (summarise)
		md_summary_quiet(sb, a, sel);
	if (a->o->list_sites && a->o->sites) {
		sb_puts(sb, "\n## Sites\n\n");
		for (i = 0; i < a->rows.n; i++) {
			const struct row *r = &a->rows.v[i];
			struct strbuf t = { 0 };

			if (!sel[i])
				continue;
			for (j = 0; j < r->sites.n; j++) {
				sb_puts(&t, "");
				site_line(&t, r->sites.v[j], a->o->sites->image);
				sb_printf(sb, "- %s: ", r->name);
				put_escaped(sb, t.s, AUDIT_MD);
				sb_putc(sb, '\n');
				sb_free(&t);
			}
		}
	}

	sb_puts(sb, "\n## Every MSR\n\n| address | name | access |");
	for (pi = 0; pi < m->platforms.n; pi++)
		sb_printf(sb, " %s |", m->platforms.v[pi].name);
	for (j = 0; j < m->hypervisors.n; j++)
		sb_printf(sb, " %s |", m->hypervisors.v[j].name);
	sb_puts(sb, " findings |\n|---|---|---|");
	for (j = 0; j < m->platforms.n + m->hypervisors.n; j++)
		sb_puts(sb, "---|");
	sb_puts(sb, "---|\n");
	for (i = 0; i < a->rows.n; i++) {
		const struct row *r = &a->rows.v[i];
		struct strbuf t = { 0 };

		if (!sel[i])
			continue;
		sb_puts(&t, "");
		if (r->first == r->last)
			sb_printf(&t, "0x%08x", r->first);
		else
			sb_printf(&t, "0x%08x-0x%08x", r->first, r->last);
		sb_putc(sb, '|');
		md_cell(sb, t.s);
		md_cell(sb, r->reg ? r->name : "");
		md_cell(sb, access_name(r->access));
		for (pi = 0; pi < m->platforms.n; pi++) {
			sb_free(&t);
			sb_puts(&t, "");
			plat_text(&t, a, r, pi);
			md_cell(sb, t.s);
		}
		for (j = 0; j < m->hypervisors.n; j++) {
			sb_free(&t);
			sb_puts(&t, "");
			hv_text(&t, &m->hypervisors.v[j], r, true);
			md_cell(sb, t.s);
		}
		sb_free(&t);
		sb_puts(&t, "");
		findings_text(&t, r, ", ");
		md_cell(sb, t.s);
		sb_free(&t);
		sb_putc(sb, '\n');
	}
}

/* --- CSV ------------------------------------------------------------------- */

static void render_csv(const struct audit *a, const bool *sel, struct strbuf *sb)
{
	const struct model *m = a->m;
	size_t i, j, pi;
	int k;

	sb_puts(sb, "address,last,name,aliases,vendor,access");
	for (pi = 0; pi < m->platforms.n; pi++)
		sb_printf(sb, ",%s_read,%s_write", m->platforms.v[pi].name, m->platforms.v[pi].name);
	for (j = 0; j < m->hypervisors.n; j++) {
		const char *h = m->hypervisors.v[j].name;

		sb_printf(sb, ",%s_read,%s_write,%s_read_note,%s_write_note", h, h, h, h);
	}
	sb_puts(sb, ",sites_read,sites_write,sites_safe,severity,findings,consequence,context\n");
	for (i = 0; i < a->rows.n; i++) {
		const struct row *r = &a->rows.v[i];
		struct strbuf t = { 0 };

		if (!sel[i])
			continue;
		sb_printf(sb, "0x%08x,0x%08x,", r->first, r->last);
		put_escaped(sb, r->reg ? r->name : "", AUDIT_CSV);
		sb_puts(&t, "");
		list_text(&t, r, true, " ");
		sb_putc(sb, ',');
		put_escaped(sb, t.s, AUDIT_CSV);
		sb_free(&t);
		sb_puts(&t, "");
		list_text(&t, r, false, " ");
		sb_printf(sb, ",%s,%s", t.s, access_name(r->access));
		sb_free(&t);
		for (pi = 0; pi < m->platforms.n; pi++)
			for (k = 0; k < 2; k++) {
				sb_puts(&t, "");
				plat_dir_text(&t, a, r, pi, k);
				sb_putc(sb, ',');
				put_escaped(sb, t.s, AUDIT_CSV);
				sb_free(&t);
			}
		for (j = 0; j < m->hypervisors.n; j++) {
			struct hvcell c[2] = { hv_cell(&m->hypervisors.v[j], r->first, 0),
					       hv_cell(&m->hypervisors.v[j], r->first, 1) };

			for (k = 0; k < 2; k++) {
				sb_puts(&t, "");
				hv_beh_text(&t, &c[k]);
				sb_printf(sb, ",%s", t.s);
				sb_free(&t);
			}
			for (k = 0; k < 2; k++) {
				sb_putc(sb, ',');
				put_escaped(sb, c[k].note, AUDIT_CSV);
			}
		}
		sb_printf(sb, ",%zu,%zu,%zu,%s,", r->plain[0] + r->safe[0], r->plain[1] + r->safe[1],
			  r->safe[0] + r->safe[1], r->findings.n ? sev_name[r->sev] : "");
		sb_puts(&t, "");
		findings_text(&t, r, " ");
		put_escaped(sb, t.s, AUDIT_CSV);
		sb_free(&t);
		for (k = 0; k < 2; k++) {
			sb_puts(&t, "");
			for (j = 0; j < r->findings.n; j++) {
				const char *s = k ? r->findings.v[j].context : r->findings.v[j].consequence;

				if (s[0])
					sb_printf(&t, "%s%s: %s", t.len ? "; " : "",
						  dir_word[r->findings.v[j].dir], s);
			}
			sb_putc(sb, ',');
			put_escaped(sb, t.s, AUDIT_CSV);
			sb_free(&t);
		}
		sb_putc(sb, '\n');
	}
}

/* --- JSON ------------------------------------------------------------------ */

static void json_str(struct strbuf *sb, const char *key, const char *s)
{
	sb_printf(sb, "\"%s\": ", key);
	put_escaped(sb, s ? s : "", AUDIT_JSON);
}

static void render_json(const struct audit *a, const bool *sel, struct strbuf *sb)
{
	const struct model *m = a->m;
	size_t i, j, pi;
	int f, k;
	bool first = true;

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
			  hv->dflt_word[0], hv->dflt_word[1]);
		json_str(sb, "doc", hv->ast->doc);
		sb_puts(sb, "}");
	}
	sb_puts(sb, "\n  ],\n  ");
	json_str(sb, "sites", a->o->sites ? a->o->sites->origin : "");
	sb_puts(sb, ",\n  \"findings\": {");
	for (f = 0; f < F_COUNT; f++)
		sb_printf(sb, "%s\"%s\": %zu", f ? ", " : "", finding_name[f], a->kind_count[f]);
	sb_puts(sb, "},\n  \"msrs\": [");
	for (i = 0; i < a->rows.n; i++) {
		const struct row *r = &a->rows.v[i];
		struct strbuf t = { 0 };

		if (!sel[i])
			continue;
		sb_printf(sb, "%s\n    {\"address\": \"0x%08x\", \"last\": \"0x%08x\", ",
			  first ? "" : ",", r->first, r->last);
		first = false;
		json_str(sb, "name", r->reg ? r->name : "");
		sb_puts(sb, ", \"aliases\": [");
		for (j = 0; r->reg && r->reg->decl->ast->kind == MSR_SINGLE &&
			    j < r->reg->decl->aliases.n; j++)
			sb_printf(sb, "%s\"%s\"", j ? ", " : "", r->reg->decl->aliases.v[j]->name.name);
		sb_puts(sb, "], \"vendor\": [");
		if (!r->reg || !r->reg->decl->vendors)
			sb_puts(sb, "\"any\"");
		for (j = 0; r->reg && r->reg->decl->vendors && j < r->reg->decl->vendors->list.n; j++)
			sb_printf(sb, "%s\"%s\"", j ? ", " : "", r->reg->decl->vendors->list.v[j].name);
		sb_printf(sb, "], \"access\": \"%s\",\n     \"handling\": {", access_name(r->access));
		for (pi = 0; pi < m->platforms.n; pi++) {
			sb_printf(sb, "%s\"%s\": {", pi ? ", " : "", m->platforms.v[pi].name);
			for (k = 0; k < 2; k++) {
				sb_puts(&t, "");
				plat_dir_text(&t, a, r, pi, k);
				json_str(sb, dir_word[k], t.s);
				sb_puts(sb, k ? "" : ", ");
				sb_free(&t);
			}
			sb_puts(sb, "}");
		}
		sb_puts(sb, "},\n     \"hypervisor\": {");
		for (j = 0; j < m->hypervisors.n; j++) {
			sb_printf(sb, "%s\"%s\": {", j ? ", " : "", m->hypervisors.v[j].name);
			for (k = 0; k < 2; k++) {
				struct hvcell c = hv_cell(&m->hypervisors.v[j], r->first, k);

				sb_printf(sb, "%s\"%s\": {\"behaviour\": \"%s\"", k ? ", " : "",
					  dir_word[k], c.word);
				if (c.beh == HV_CONST)
					sb_printf(sb, ", \"value\": \"0x%llx\"", (unsigned long long)c.value);
				if (c.note[0]) {
					sb_puts(sb, ", ");
					json_str(sb, "note", c.note);
				}
				sb_printf(sb, ", \"msr_relaxed\": %s}", c.relaxed ? "true" : "false");
			}
			sb_puts(sb, "}");
		}
		sb_printf(sb, "},\n     \"sites\": {\"read\": %zu, \"write\": %zu, \"read_safe\": %zu, \"write_safe\": %zu",
			  r->plain[0] + r->safe[0], r->plain[1] + r->safe[1], r->safe[0], r->safe[1]);
		if (a->o->list_sites) {
			sb_puts(sb, ", \"list\": [");
			for (j = 0; j < r->sites.n; j++) {
				sb_puts(&t, "");
				site_line(&t, r->sites.v[j], a->o->sites->image);
				sb_puts(sb, j ? ", " : "");
				put_escaped(sb, t.s, AUDIT_JSON);
				sb_free(&t);
			}
			sb_puts(sb, "]");
		}
		sb_printf(sb, "},\n     \"severity\": \"%s\", \"findings\": [",
			  r->findings.n ? sev_name[r->sev] : "");
		for (j = 0; j < r->findings.n; j++) {
			const struct finding *x = &r->findings.v[j];

			sb_printf(sb, "%s{\"kind\": \"%s\", \"dir\": \"%s\", \"severity\": \"%s\", ",
				  j ? ", " : "", finding_name[x->kind], dir_word[x->dir], sev_name[x->sev]);
			json_str(sb, "reason", x->reason);
			sb_puts(sb, ", ");
			json_str(sb, "consequence", x->consequence);
			sb_puts(sb, ", ");
			json_str(sb, "context", x->context);
			sb_puts(sb, "}");
		}
		sb_puts(sb, "]}");
	}
	sb_puts(sb, "\n  ]\n}\n");
}

/* --- RST: the Documentation/ page -------------------------------------------- */

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
 * For each MSR a guest of a platform other than bare metal treats specially, what
 * the kernel does there instead of the plain instruction, and what each hypervisor
 * would have done: one row per MSR, each note once.
 */
static void render_rst(const struct audit *a, const bool *sel, struct strbuf *sb)
{
	const struct model *m = a->m;
	size_t pi, i, j, n = 0;
	int f;

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
		    "hypervisor version does with the guest's instruction.\n");
	for (pi = 0; pi < m->platforms.n; pi++) {
		const struct platform *p = &m->platforms.v[pi];

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
		sb_puts(sb, ".. list-table::\n   :header-rows: 1\n\n");
		sb_puts(sb, "   * - MSR\n     - The kernel does\n");
		for (j = 0; j < m->hypervisors.n; j++)
			if (m->hypervisors.v[j].platform == p)
				sb_printf(sb, "     - %s\n", m->hypervisors.v[j].name);
		for (i = 0; i < a->rows.n; i++) {
			const struct row *r = &a->rows.v[i];
			struct strbuf t = { 0 };

			if (!sel[i] || (ekind_of(a, r, pi, 0) == EK_PASS &&
					ekind_of(a, r, pi, 1) == EK_PASS))
				continue;
			sb_printf(sb, "   * - ``%s`` (0x%08x)\n", r->name, r->first);
			sb_puts(&t, "");
			plat_text(&t, a, r, pi);
			rst_cell(sb, "     - ", t.s);
			for (j = 0; j < m->hypervisors.n; j++) {
				if (m->hypervisors.v[j].platform != p)
					continue;
				sb_free(&t);
				sb_puts(&t, "");
				hv_text(&t, &m->hypervisors.v[j], r, true);
				rst_cell(sb, "     - ", t.s);
			}
			sb_free(&t);
		}
	}
	sb_puts(sb, "\nFindings\n========\n\n"
		    "Where the kernel's handling and a hypervisor's behaviour disagree, msrgen's\n"
		    "audit reports a finding (``msrgen audit``). For the MSRs above:\n\n");
	for (i = 0; i < a->rows.n; i++) {
		const struct row *r = &a->rows.v[i];

		if (!sel[i] || !r->special || !r->findings.n)
			continue;
		sb_printf(sb, "- ``%s`` (%s): ", r->name, sev_name[r->sev]);
		for (f = 0; f < F_COUNT; f++) {
			unsigned dirs = 0;

			for (j = 0; j < r->findings.n; j++)
				if ((int)r->findings.v[j].kind == f)
					dirs |= 1u << r->findings.v[j].dir;
			if (dirs)
				sb_printf(sb, "%s%s (%s)", n++ ? ", " : "", finding_name[f],
					  dirs == 3 ? "read and write" : dir_word[dirs == 2]);
		}
		for (j = 0; j < r->findings.n; j++) {
			const struct finding *x = &r->findings.v[j];
			size_t q;

			for (q = 0; q < j; q++)
				if (!strcmp(r->findings.v[q].consequence, x->consequence))
					break;
			if (q < j || !strcmp(x->consequence, "none"))
				continue;
			sb_puts(sb, "; ");
			put_escaped(sb, x->consequence, AUDIT_RST);
		}
		sb_puts(sb, ".\n");
		n = 0;
	}
}

int audit_run(const struct model *m, const struct audit_opts *o, struct strbuf *sb)
{
	struct audit a = { 0 };
	bool *sel;
	int ret;

	a.m = m;
	a.o = o;
	audit_build(&a);
	sel = xcalloc(a.rows.n + 1, sizeof(*sel));
	ret = select_rows(&a, sel);
	sb_puts(sb, "");
	if (!ret) {
		if (o->fmt == AUDIT_JSON)
			render_json(&a, sel, sb);
		else if (o->fmt == AUDIT_RST)
			render_rst(&a, sel, sb);
		else if (o->fmt == AUDIT_CSV)
			render_csv(&a, sel, sb);
		else
			render_md(&a, sel, sb);
	}
	free(sel);
	audit_free(&a);
	return ret;
}

void audit_render(const struct model *m, enum audit_format fmt, struct strbuf *sb)
{
	struct audit_opts o = { 0 };

	o.fmt = fmt;
	audit_run(m, &o, sb);
}
