// SPDX-License-Identifier: GPL-2.0
/*
 * msrgen hvprobe: the measured side of the hypervisor tables.
 *
 * A probe in the booted guest kernel executes RDMSR, with fault handling, at
 * every address the tables name (and WRMSR of the value just read at the MSRs
 * marked writeback), and prints one line per access:
 *
 *	msrgen-probe: 0x0000001b r 0xfee00900
 *	msrgen-probe: 0x00000800 r gp
 *	msrgen-probe: 0xc0000103 w ok
 *
 * --list writes the addresses for the probe, as a C header.  Given such a log,
 * hvprobe writes what it measured as a hypervisor block of the table language
 * (gp, zero, or emulate for a read that gave another value: which value is not
 * kept, counters and the TSC differ from run to run), and with --against
 * compares it with a declared hypervisor table: each address and direction
 * the probe tried whose outcome the table contradicts is a difference, unless
 * the --expect file lists it with a reason.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

/* Ranges longer than this are probed at their first and last PROBE_EDGE
   addresses only: the x2APIC and hypervisor ranges would be thousands */
#define PROBE_WHOLE 256
#define PROBE_EDGE 16

static const char hvprobe_usage_text[] =
	"Usage: msrgen hvprobe --list [-o FILE] FILE...\n"
	"       msrgen hvprobe [--name NAME] [--platform P] [--against HV [--expect FILE]]\n"
	"                      [-o FILE] LOG FILE...\n"
	"The measured side of the hypervisor tables of the .msr FILEs.\n"
	"\n"
	"  --list          write the addresses the in-kernel probe accesses, as a C\n"
	"                  header (MSRGEN_PROBE(first, last, writeback) per range)\n"
	"  LOG             a console log with the probe's \"msrgen-probe:\" lines;\n"
	"                  written out as a hypervisor block (gp, zero, or emulate: a\n"
	"                  read that gave some other value; writes at writeback MSRs)\n"
	"  --name NAME     the measured block's name (default: measured)\n"
	"  --platform P    the platform the block is for (default: that of every\n"
	"                  hypervisor table)\n"
	"  --against HV    compare the measurement with the declared table HV: print\n"
	"                  each address and direction it contradicts, exit 1 if any\n"
	"                  is not in the --expect file\n"
	"  --expect FILE   known differences, one a line: ADDRESS[..ADDRESS]\n"
	"                  read|write|rw REASON ('#' comments)\n"
	"  -o, --output FILE  write the header or the block to FILE (default: stdout)\n"
	"  -h, --help      print this help and exit\n"
	"\n"
	"Exit status: 0 ok, 1 bad input or unexpected differences, 2 usage error.\n";

struct prange {
	uint32_t first, last;
	bool writeback;
};

struct pranges {
	struct prange *v;
	size_t n, cap;
};

static int cmp_prange(const void *a, const void *b)
{
	const struct prange *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (int)x->writeback - (int)y->writeback;
}

static void add_range(struct pranges *v, uint32_t first, uint32_t last, bool wb)
{
	struct prange r = { first, last, wb };

	if ((uint64_t)last - first + 1 > PROBE_WHOLE) {
		r.last = first + PROBE_EDGE - 1;
		vec_push(v, r);
		r.first = last - PROBE_EDGE + 1;
		r.last = last;
	}
	vec_push(v, r);
}

/* Every register and hypervisor range, sorted, overlaps merged, and cut
   around each writeback register, which is a range of its own */
static void probe_ranges(const struct model *m, struct pranges *out)
{
	struct pranges v = { 0 }, merged = { 0 };
	VEC(uint32_t) wb = { 0 };
	size_t i, j, w = 0;

	for (i = 0; i < m->regs.n; i++) {
		add_range(&v, m->regs.v[i].addr, m->regs.v[i].addr, false);
		if (m->regs.v[i].decl->writeback && m->regs.v[i].decl->access == ACC_RW)
			vec_push(&wb, m->regs.v[i].addr);	/* regs are by address */
	}
	for (i = 0; i < m->hypervisors.n; i++)
		for (j = 0; j < m->hypervisors.v[i].ranges.n; j++)
			add_range(&v, m->hypervisors.v[i].ranges.v[j].first,
				  m->hypervisors.v[i].ranges.v[j].last, false);
	sort_array(v.v, v.n, sizeof(*v.v), cmp_prange);
	for (i = 0; i < v.n; i++) {
		struct prange *last = merged.n ? &merged.v[merged.n - 1] : NULL;

		if (last && v.v[i].first <= (uint64_t)last->last + 1) {
			if (v.v[i].last > last->last)
				last->last = v.v[i].last;
		} else {
			vec_push(&merged, v.v[i]);
		}
	}
	for (i = 0; i < merged.n; i++) {
		uint64_t at = merged.v[i].first;

		for (; w < wb.n && wb.v[w] <= merged.v[i].last; w++) {
			struct prange one = { wb.v[w], wb.v[w], true };

			if (wb.v[w] < at)
				continue;	/* an alias at the same address: once */
			if (wb.v[w] > at) {
				struct prange before = { (uint32_t)at, wb.v[w] - 1, false };

				vec_push(out, before);
			}
			vec_push(out, one);
			at = (uint64_t)wb.v[w] + 1;
		}
		if (at <= merged.v[i].last) {
			struct prange rest = { (uint32_t)at, merged.v[i].last, false };

			vec_push(out, rest);
		}
	}
	free(v.v);
	free(merged.v);
	free(wb.v);
}

static void render_list(const struct model *m, const char *const *files, int nfiles,
			struct strbuf *sb)
{
	struct pranges r = { 0 };
	size_t i;
	uint64_t n = 0;
	int f;

	probe_ranges(m, &r);
	for (i = 0; i < r.n; i++)
		n += (uint64_t)r.v[i].last - r.v[i].first + 1;
	sb_puts(sb, "/* SPDX-License-Identifier: GPL-2.0 */\n/*\n"
		" * Generated by msrgen hvprobe --list from");
	for (f = 0; f < nfiles; f++) {
		const char *c;

		sb_putc(sb, ' ');
		for (c = files[f]; *c; c++)	/* a C comment ends at star-slash */
			sb_putc(sb, c[0] == '*' && c[1] == '/' ? '?' : *c);
	}
	sb_printf(sb, ":\n * the addresses the hypervisor probe reads (%llu in %zu ranges), and\n"
		  " * whether it writes back what it read (the MSRs marked writeback).\n"
		  " * Ranges beyond %d addresses: their first and last %d only.\n */\n"
		  "#define MSRGEN_PROBE_RANGES(X) \\\n",
		  (unsigned long long)n, r.n, PROBE_WHOLE, PROBE_EDGE);
	for (i = 0; i < r.n; i++)
		sb_printf(sb, "\tX(0x%08x, 0x%08x, %d) \\\n", r.v[i].first, r.v[i].last,
			  r.v[i].writeback);
	sb_puts(sb, "\t/* end */\n");
	free(r.v);
}

/* What the probe saw at one address */
enum seen { SEEN_NONE, SEEN_GP, SEEN_ZERO, SEEN_VALUE, SEEN_OK };

struct probe {
	uint32_t addr;
	enum seen read, write;
	int line;
};

struct probes {
	struct probe *v;
	size_t n, cap;
};

static int cmp_probe(const void *a, const void *b)
{
	const struct probe *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* The probe lines of f, by address; false (with errors at their lines) if one is bad */
static bool parse_log(struct srcfile *f, struct probes *out)
{
	static const char mark[] = "msrgen-probe: ";
	const char *p = f->text;
	int line = 1;
	bool ok = true, done = false;
	size_t i, reads = 0;
	unsigned long done_n = 0;
	int done_line = 0;

	for (; *p; line++) {
		const char *eol = strchr(p, '\n'), *s = strstr(p, mark), *at;
		struct srcpos pos = { f, line, 1, line, 1 };
		struct probe pr = { 0 };
		char *end;
		unsigned long long v;

		if (s && eol && s > eol)
			s = NULL;
		if (!s)
			goto next;
		at = s + sizeof(mark) - 1;
		pos.col = (int)(at - p) + 1;
		pos.end_col = eol ? (int)(eol - p) : (int)strlen(p);
		if (!strncmp(at, "done ", 5) && isdigit((unsigned char)at[5])) {
			errno = 0;
			done_n = strtoul(at + 5, &end, 10);
			at = skip_space(end);
			if (errno || (*at && *at != '\n' && *at != '\r'))
				goto bad;
			done = true;
			done_line = line;
			goto next;
		}
		errno = 0;
		v = strtoull(at, &end, 16);
		if (strncmp(at, "0x", 2) || end == at || errno || v > UINT32_MAX)
			goto bad;
		pr.addr = (uint32_t)v;
		pr.line = line;
		at = skip_space(end);
		if ((at[0] != 'r' && at[0] != 'w') || at[1] != ' ')
			goto bad;
		if (at[0] == 'r') {
			at = skip_space(at + 2);
			if (!strncmp(at, "gp", 2)) {
				pr.read = SEEN_GP;
				at += 2;
			} else {
				errno = 0;
				v = strtoull(at, &end, 16);
				if (strncmp(at, "0x", 2) || end == at + 2 || errno)
					goto bad;
				pr.read = v ? SEEN_VALUE : SEEN_ZERO;
				at = end;
			}
		} else {
			at = skip_space(at + 2);
			if (!strncmp(at, "gp", 2))
				pr.write = SEEN_GP;
			else if (!strncmp(at, "ok", 2))
				pr.write = SEEN_OK;
			else
				goto bad;
			at += 2;
		}
		at = skip_space(at);
		if (*at && *at != '\n' && *at != '\r')
			goto bad;
		vec_push(out, pr);
		reads += pr.read != SEEN_NONE;
		goto next;
bad:
		error_at(&pos, NULL, "not a probe line (want '0xADDR r 0xVALUE', 'r gp', 'w ok', 'w gp' or 'done N')");
		ok = false;
next:
		p = eol ? eol + 1 : p + strlen(p);
	}
	if (ok && !out->n) {
		diag_plain(DIAG_ERROR, "%s: no \"msrgen-probe:\" lines (was the kernel booted with msrgen_probe?)",
			   f->path);
		return false;
	}
	if (ok && !done) {
		diag_plain(DIAG_ERROR, "%s: no \"msrgen-probe: done\" line: the probe did not finish",
			   f->path);
		return false;
	}
	if (ok && done_n != reads) {
		struct srcpos pos = { f, done_line, 1, done_line, 1 };

		error_at(&pos, NULL, "the probe read %lu addresses, the log shows %zu: console lines were lost",
			 done_n, reads);
		return false;
	}
	/* a read and a write of one address are one probe */
	sort_array(out->v, out->n, sizeof(*out->v), cmp_probe);
	for (i = 1; ok && i < out->n; i++) {
		struct probe *a = &out->v[i - 1], *b = &out->v[i];

		if (a->addr != b->addr)
			continue;
		if ((a->read && b->read) || (a->write && b->write)) {
			struct srcpos pos = { f, b->line, 1, b->line, 1 };

			error_at(&pos, NULL, "0x%08x probed twice", b->addr);
			ok = false;
			continue;
		}
		a->read = a->read ? a->read : b->read;
		a->write = a->write ? a->write : b->write;
		memmove(b, b + 1, (out->n - i - 1) * sizeof(*b));
		out->n--;
		i--;
	}
	return ok;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static const char *seen_word(enum seen s)
{
	return s == SEEN_GP ? "gp" : s == SEEN_ZERO ? "zero" : "emulate";
}

/* The measured block: consecutive addresses with one outcome are one range */
static void render_block(const struct probes *pv, const char *name, const char *platform,
			 const char *log, struct strbuf *sb)
{
	size_t i, j;
	int k;

	sb_printf(sb, "# SPDX-License-Identifier: GPL-2.0\n"
		  "# Measured by msrgen hvprobe from %s: what the hypervisor answered the probe's\n"
		  "# RDMSR at each address the tables name, and its WRMSR of the value read at\n"
		  "# the MSRs marked writeback.  emulate: the read gave a value other than 0.\n\n"
		  "hypervisor %s for %s {\n"
		  "\tdoc \"Measured by the in-kernel probe; only the addresses and directions below were tried\";\n",
		  log, name, platform);
	for (k = 0; k < 2; k++) {
		for (i = 0; i < pv->n; i = j) {
			enum seen s = k ? pv->v[i].write : pv->v[i].read;

			for (j = i + 1; j < pv->n && (k ? pv->v[j].write : pv->v[j].read) == s &&
			     pv->v[j].addr == pv->v[j - 1].addr + 1; j++)
				;
			if (s == SEEN_NONE)
				continue;
			if (j - i == 1)
				sb_printf(sb, "\t0x%08x %s %s;\n", pv->v[i].addr, k ? "write" : "read",
					  seen_word(s));
			else
				sb_printf(sb, "\t0x%08x .. 0x%08x %s %s;\n", pv->v[i].addr,
					  pv->v[j - 1].addr, k ? "write" : "read", seen_word(s));
		}
	}
	sb_puts(sb, "}\n");
}

/* A known difference: ADDRESS[..ADDRESS] read|write|rw REASON */
struct expect {
	uint32_t first, last;
	unsigned dir;
	int line;
	bool used;
};

struct expects {
	struct expect *v;
	size_t n, cap;
};

static bool parse_expect(struct srcfile *f, struct expects *out)
{
	const char *p = f->text;
	int line = 1;
	bool ok = true;

	for (; *p; line++) {
		const char *eol = strchr(p, '\n'), *s = skip_space(p);
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		struct expect e = { 0 };
		struct srcpos pos = { f, line, (int)(s - p) + 1, line, (int)n };
		char *end;
		unsigned long long a, b;

		p += n + (eol != NULL);
		if (*s == '#' || *s == '\n' || !*s)
			continue;
		a = strtoull(s, &end, strncmp(s, "0x", 2) ? 10 : 16);
		b = a;
		if (end != s && !strncmp(end, "..", 2)) {
			s = end + 2;
			b = strtoull(s, &end, strncmp(s, "0x", 2) ? 10 : 16);
		}
		if (end == s || a > UINT32_MAX || b > UINT32_MAX || a > b)
			goto bad;
		s = skip_space(end);
		if (!strncmp(s, "read ", 5))
			e.dir = DIR_READ, s += 5;
		else if (!strncmp(s, "write ", 6))
			e.dir = DIR_WRITE, s += 6;
		else if (!strncmp(s, "rw ", 3))
			e.dir = DIR_RW, s += 3;
		else
			goto bad;
		s = skip_space(s);
		if (*s == '\n' || !*s)
			goto bad;	/* a difference needs its reason */
		e.first = (uint32_t)a;
		e.last = (uint32_t)b;
		e.line = line;
		vec_push(out, e);
		continue;
bad:
		error_at(&pos, NULL, "want ADDRESS[..ADDRESS] read|write|rw REASON");
		ok = false;
	}
	return ok;
}

static struct expect *find_expect(struct expects *v, uint32_t addr, int k)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (addr >= v->v[i].first && addr <= v->v[i].last && (v->v[i].dir & (1u << k)))
			return &v->v[i];
	return NULL;
}

/* Whether what hv declares at addr for direction k allows what was seen */
static bool agrees(const struct hypervisor *hv, uint32_t addr, int k, enum seen s,
		   struct strbuf *declared)
{
	const struct hvrange *r = model_hv_lookup(hv, addr, k ? DIR_WRITE : DIR_READ);
	enum hvbeh beh = r ? r->beh : hv->dflt[k];
	uint64_t value = r ? r->value : hv->dflt_value[k];

	sb_puts(declared, r ? r->word : hv->dflt_word[k]);
	if (beh == HV_CONST)
		sb_printf(declared, " 0x%llx", (unsigned long long)value);
	if (r && r->note && r->note[0])
		sb_printf(declared, " (%s)", r->note);
	else if (!r)
		sb_puts(declared, " (the default)");
	if (beh == HV_GP)
		return s == SEEN_GP;
	if (s == SEEN_GP)
		return false;
	if (k == 0 && (beh == HV_ZERO || (beh == HV_CONST && value == 0)))
		return s == SEEN_ZERO;
	if (k == 0 && beh == HV_CONST)
		return s == SEEN_VALUE;
	return true;
}

/* 0: no difference beyond the expected ones */
static int compare(const struct model *m, const struct probes *pv, const char *against,
		   struct expects *ex, struct srcfile *exf, struct strbuf *sb)
{
	const struct hypervisor *hv = NULL;
	size_t i, unexpected = 0, expected = 0;
	int k;

	for (i = 0; i < m->hypervisors.n; i++)
		if (!strcmp(m->hypervisors.v[i].name, against))
			hv = &m->hypervisors.v[i];
	if (!hv) {
		struct closest near;

		closest_init(&near, against);
		for (i = 0; i < m->hypervisors.n; i++)
			closest_try(&near, m->hypervisors.v[i].name);
		diag_plain(DIAG_ERROR, "no hypervisor table '%s' in the tables%s%s%s", against,
			   near.best ? "; did you mean '" : "", near.best ? near.best : "",
			   near.best ? "'?" : "");
		return 1;
	}
	for (i = 0; i < pv->n; i++) {
		for (k = 0; k < 2; k++) {
			enum seen s = k ? pv->v[i].write : pv->v[i].read;
			struct strbuf declared = { 0 };
			struct expect *e;

			if (s == SEEN_NONE || agrees(hv, pv->v[i].addr, k, s, &declared)) {
				sb_free(&declared);
				continue;
			}
			e = find_expect(ex, pv->v[i].addr, k);
			if (e) {
				e->used = true;
				expected++;
			} else {
				unexpected++;
			}
			sb_printf(sb, "%s0x%08x %s: %s declares %s, measured %s\n",
				  e ? "expected: " : "", pv->v[i].addr, k ? "write" : "read",
				  hv->name, declared.s, s == SEEN_GP ? "gp" : s == SEEN_ZERO ? "0" :
				  s == SEEN_OK ? "accepted" : "a value other than 0");
			sb_free(&declared);
		}
	}
	for (i = 0; i < ex->n; i++) {
		if (!ex->v[i].used)
			sb_printf(sb, "%s:%d: a difference this run did not measure\n", exf->path,
				  ex->v[i].line);
	}
	sb_printf(sb, "%s: %zu address%s probed; %zu difference%s expected, %zu not\n", hv->name,
		  pv->n, pv->n == 1 ? "" : "es", expected, expected == 1 ? "" : "s", unexpected);
	return unexpected ? 1 : 0;
}

static int write_out(const char *path, const struct strbuf *sb)
{
	FILE *f;

	if (!path) {
		if (sb->len)
			fwrite(sb->s, 1, sb->len, stdout);
		return fflush(stdout) ? 1 : 0;
	}
	f = fopen(path, "w");
	if (!f || (sb->len && fwrite(sb->s, 1, sb->len, f) != sb->len) || fclose(f)) {
		diag_plain(DIAG_ERROR, "cannot write '%s': %s", path, strerror(errno));
		if (f)
			remove(path);
		return 1;
	}
	return 0;
}

/* A name the measured block may have: an identifier, not a keyword */
static bool is_name(const char *s)
{
	const char *c;

	if (!*s || !(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (c = s; *c; c++)
		if (!(isalnum((unsigned char)*c) || *c == '_'))
			return false;
	return !parse_is_keyword(s);
}

/* Every address the log has is one the tables name (their --list) */
static bool probed_listed(const struct model *m, struct srcfile *log, const struct probes *pv)
{
	struct pranges r = { 0 };
	size_t i, j = 0;
	bool ok = true;

	probe_ranges(m, &r);
	for (i = 0; i < pv->n; i++) {
		while (j < r.n && r.v[j].last < pv->v[i].addr)
			j++;
		if (j < r.n && r.v[j].first <= pv->v[i].addr)
			continue;
		{
			struct srcpos pos = { log, pv->v[i].line, 1, pv->v[i].line, 1 };

			error_at(&pos, NULL, "0x%08x is no address of these tables (their hvprobe --list): a log of other tables?",
				 pv->v[i].addr);
			ok = false;
		}
	}
	free(r.v);
	return ok;
}

/* The platform the measured block is for: --platform, else the one every
   hypervisor table is for */
static const char *probed_platform(const struct model *m, const char *want)
{
	size_t i;

	if (want) {
		if (model_platform_index(m, want) >= 0)
			return want;
		diag_plain(DIAG_ERROR, "--platform %s: the tables declare no such platform", want);
		return NULL;
	}
	for (i = 1; i < m->hypervisors.n; i++) {
		if (m->hypervisors.v[i].platform != m->hypervisors.v[0].platform) {
			diag_plain(DIAG_ERROR, "the hypervisor tables are for %s and %s: say which platform was probed with --platform",
				   m->hypervisors.v[0].platform->name, m->hypervisors.v[i].platform->name);
			return NULL;
		}
	}
	if (!m->hypervisors.n) {
		diag_plain(DIAG_ERROR, "the tables have no hypervisor table: say which platform was probed with --platform");
		return NULL;
	}
	return m->hypervisors.v[0].platform->name;
}

int hvprobe_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "list", no_argument, NULL, 'l' },
		{ "name", required_argument, NULL, 'n' },
		{ "platform", required_argument, NULL, 'p' },
		{ "against", required_argument, NULL, 'a' },
		{ "expect", required_argument, NULL, 'e' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = "measured", *against = NULL, *expect = NULL, *output = NULL;
	const char *platform = NULL;
	bool list = false;
	struct ast ast;
	struct model m;
	struct strbuf sb = { 0 };
	struct srcfile *log = NULL, *exf = NULL;
	struct probes pv = { 0 };
	struct expects ex = { 0 };
	int c, rc = 1;

	argv[0] = (char *)"msrgen";	/* getopt names the program in its messages */
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			list = true;
			break;
		case 'n':
			name = optarg;
			break;
		case 'p':
			platform = optarg;
			break;
		case 'a':
			against = optarg;
			break;
		case 'e':
			expect = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			fputs(hvprobe_usage_text, stdout);
			return 0;
		default:
			fputs("Try 'msrgen hvprobe --help' for more information.\n", stderr);
			return 2;
		}
	}
	if (!is_name(name))
		return usage_error("hvprobe", "hvprobe: --name '%s' is not a name the tables could use", name);
	if (list && (against || expect || strcmp(name, "measured")))
		return usage_error("hvprobe", "hvprobe: --list takes no --name, --against or --expect");
	if (expect && !against)
		return usage_error("hvprobe", "hvprobe: --expect is for --against");
	if (!list && optind >= argc)
		return usage_error("hvprobe", "hvprobe: no LOG given");
	if (!list)
		optind++;
	if (optind >= argc)
		return usage_error("hvprobe", "hvprobe: no .msr files given");
	if (!checks_load(&ast, &m, argc - optind, argv + optind))
		goto out;
	if (list) {
		render_list(&m, (const char *const *)argv + optind, argc - optind, &sb);
		rc = write_out(output, &sb);
		goto out;
	}
	log = srcfile_load(argv[optind - 1], NULL);
	if (!log) {
		diag_plain(DIAG_ERROR, "cannot read '%s': %s", argv[optind - 1], strerror(errno));
		goto out;
	}
	if (expect) {
		exf = srcfile_load(expect, NULL);
		if (!exf) {
			diag_plain(DIAG_ERROR, "cannot read '%s': %s", expect, strerror(errno));
			goto out;
		}
		if (!parse_expect(exf, &ex))
			goto out;
	}
	if (!parse_log(log, &pv) || !probed_listed(&m, log, &pv))
		goto out;
	if (against) {
		rc = compare(&m, &pv, against, &ex, exf, &sb);
		if (write_out(output, &sb))
			rc = 1;
	} else {
		const char *plat = probed_platform(&m, platform);

		if (!plat)
			goto out;
		render_block(&pv, name, plat, base_name(log->path), &sb);
		rc = write_out(output, &sb);
	}
out:
	sb_free(&sb);
	free(pv.v);
	free(ex.v);
	if (log)
		srcfile_free(log);
	if (exf)
		srcfile_free(exf);
	model_free(&m);
	ast_free(&ast);
	return diag_errors() ? 1 : rc;
}
