// SPDX-License-Identifier: GPL-2.0
/*
 * The audit: every finding kind with its severity, consequence and context, rows
 * the kernel's sites access first, one row per MSR, rows by address for what only
 * the hypervisor tables (or 7.3's PMU code) name, the filters, and each format.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static const char table[] =
	"platform native { }\n"
	"platform xenpv { feature X86_FEATURE_XENPV; behaviour vpmu like emulate \"v\";\n"
	"  handling perf \"p\" {\n"
	"    0xc1 .. 0xc8 \"Intel: counters below CPUID.0xA:EAX[15:8]\";\n"
	"    0x186 .. 0x18d \"Intel: event selects below CPUID.0xA:EAX[15:8]\";\n"
	"    0x309 .. 0x30c \"Intel: fixed counters below CPUID.0xA:EDX[4:0]\";\n"
	"    0x38d .. 0x390 \"Intel: fixed control and global MSRs\";\n"
	"    0x3f1 passthrough \"Intel: recognised, never emulated\";\n"
	"    0x4c1 .. 0x4c8 \"Intel: full-width aliases below CPUID.0xA:EAX[15:8]\";\n"
	"    0x600 passthrough \"Intel: recognised, never emulated\";\n"
	"    0xc0010000 .. 0xc0010007 \"AMD/Hygon: 4 legacy counters (mirrored to F15H on family 15h)\";\n"
	"    0xc0010200 .. 0xc001020b \"AMD family 15h only (elsewhere not emulated)\"; } }\n"
	"msr MSR_PASS 0x10;\n"
	"msr MSR_DROP 0x20 { xenpv write ignore; }\n"
	"msr MSR_SEG 0x30 { xenpv write call xen_msr_set_segment_base(SEGBASE_FS); }\n"
	"msr MSR_RO 0x40 { access ro; }\n"
	"msr MSR_EVT 0x186 { xenpv rw perf; }\n"
	"msr MSR_DSA 0x600 { xenpv rw perf; }\n"
	"hypervisor xen_a for xenpv { default rw gp; MSR_PASS read emulate;\n"
	"  MSR_DROP write emulate; MSR_SEG write validate \"checked; f.c:1\"; MSR_RO read zero \"zero; f.c:2\";\n"
	"  0x186 .. 0x187 rw vpmu \"pmu; f.c:3\"; 0x188 .. 0x18d rw gp \"default path; f.c:4\";\n"
	"  0x800 .. 0x80f rw gp \"x2apic; f.c:5\"; }\n"
	"hypervisor xen_b for xenpv { default rw gp; MSR_PASS read emulate;\n"
	"  MSR_DROP write discard; MSR_SEG write validate; MSR_RO read const 7;\n"
	"  0x186 .. 0x18d rw vpmu \"pmu; g.c:3\"; 0x800 .. 0x80f rw gp \"x2apic; g.c:5\"; }\n";

/* A tools/scan-msr-sites listing: MSR_NOPE is not in the table, MSR_RO is written */
static const char scan[] =
	"# a comment\n"
	"MSR_PASS\ta.c:1\twrite\tplain\n"
	"MSR_PASS\ta.c:2\twrite\tsafe\n"
	"MSR_RO\tb.c:7\twrite\tplain\n"
	"MSR_EVT\tc.c:3\tread\tplain\n"
	"MSR_NOPE\td.c:1\tread\tplain\n"
	"MSR_SEG\te.c:4\twrite\tplain\n";

static char *dir;

/* DIR/tpl/kern/target.conf: the audit-* lines of linux-7.3's */
static void words_target(const char *d)
{
	char *conf = slurp(SRC_DIR "/templates/linux-7.3/target.conf"), *line, *save = NULL;
	char *p = xasprintf("%s/tpl/kern", d);
	struct strbuf sb = { 0 };

	cr_assert_not_null(conf);
	sb_puts(&sb, "");
	for (line = strtok_r(conf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (!strncmp(line, "audit-", 6))
			sb_printf(&sb, "%s\n", line);
	free(p);
	p = xasprintf("%s/tpl", d);
	cr_assert_eq(mkdir(p, 0755), 0);
	free(p);
	p = xasprintf("%s/tpl/kern", d);
	cr_assert_eq(mkdir(p, 0755), 0);
	free(p);
	p = xasprintf("%s/tpl/kern/target.conf", d);
	write_text(p, sb.s);
	free(p);
	sb_free(&sb);
	free(conf);
}

static void setup(void)
{
	char *p;
	FILE *f;

	dir = make_tempdir();
	p = xasprintf("%s/t.msr", dir);
	f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(table, f);
	fclose(f);
	free(p);
	p = xasprintf("%s/t.sites", dir);
	f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(scan, f);
	fclose(f);
	free(p);
	/* target kern: linux-7.3's words for its Xen PV code (target.conf audit-*) */
	words_target(dir);
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
}

TestSuite(audit, .init = setup, .fini = teardown);

/* msrgen audit --target kern ARGS... t.msr in the temporary folder */
static struct run audit(const char *a1, const char *a2, const char *a3, const char *a4)
{
	const char *argv[14] = { "audit", "--templates", "tpl", "--target", "kern" };
	const char *const extra[] = { a1, a2, a3, a4 };
	int n = 5, i;

	for (i = 0; i < 4; i++)
		if (extra[i])
			argv[n++] = extra[i];
	argv[n++] = "t.msr";
	return run_msrgen(dir, argv);
}

Test(audit, csv_one_row_per_msr_sites_first)
{
	struct run r = audit("--format", "csv", "--kernel-sites", "t.sites");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	/* the rows with sites and findings, by severity, then rarity of their findings */
	static const char head[] =
	"address,last,name,aliases,vendor,access,native_read,native_write,xenpv_read,xenpv_write,xen_a_read,xen_a_write,xen_a_read_note,xen_a_write_note,xen_b_read,xen_b_write,xen_b_read_note,xen_b_write_note,sites_read,sites_write,sites_safe,severity,findings,consequence,context\n"
	"0x00000040,0x00000040,MSR_RO,,any,ro,RDMSR,\"- (read-only), yet a site tries\",\"xen_read_msr(): RDMSR, Xen emulates\",\"- (read-only), yet a site tries\",zero,gp,zero; f.c:2,,const 0x7,gp,,,0,1,0,high,passthrough-gp/write version-difference/read,\"write: dropped write at 1 site (xen_msr_safe=y, the default); WARN with xen_msr_safe=0; read: depends on the Xen version\",write: msr_relaxed: write dropped instead of #GP if the host has the MSR\n"
	"0x00000010,0x00000010,MSR_PASS,,any,rw,RDMSR,WRMSR,\"xen_read_msr(): RDMSR, Xen emulates\",\"xen_write_msr(): WRMSR, Xen emulates\",emulate,gp,,,emulate,gp,,,0,2,1,high,passthrough-gp/write,\"write: dropped write at 1 site (xen_msr_safe=y, the default); WARN with xen_msr_safe=0; the _safe sites get an error\",write: msr_relaxed: write dropped instead of #GP if the host has the MSR\n"
	"0x00000030,0x00000030,MSR_SEG,,any,rw,RDMSR,WRMSR,\"xen_read_msr(): RDMSR, Xen emulates\",xen_write_msr(): set_seg(SEGBASE_FS),gp,validate,,checked; f.c:1,gp,validate,,,0,1,0,low,passthrough-gp/read special-plain/write,read: none: no site reads it; write: none,read: msr_relaxed: read 0 instead of #GP if the host has the MSR\n"
	"0x00000020,0x00000020,MSR_DROP,,any,rw,RDMSR,WRMSR,\"xen_read_msr(): RDMSR, Xen emulates\",xen_write_msr(): dropped,gp,emulate,,,gp,discard,,,0,0,0,low,ignore-emulated/write passthrough-gp/read version-difference/write,write: dropped write (no site); read: none: no site reads it; write: depends on the Xen version,read: msr_relaxed: read 0 instead of #GP if the host has the MSR\n"
		;

	cr_assert(!strncmp(r.out, head, strlen(head)), "%s", r.out);
	/* 0x188-0x18d: one row by address, xen_a's default path against xen_b's vPMU */
	cr_assert(strstr(r.out, "\n0x00000188,0x0000018d,,,any,rw,RDMSR,WRMSR,"), "%s", r.out);
	/* 0x187 is named by neither side's MSR list, only by the vPMU range */
	cr_assert(strstr(r.out, "\n0x00000187,0x00000187,,,any,rw,"), "%s", r.out);
	run_free(&r);
}

Test(audit, markdown_summary_rare_first)
{
	struct run r = audit("--kernel-sites", "t.sites", NULL, NULL);

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "16 MSRs and address ranges; hypervisors: xen_a, xen_b; kernel sites: 5 at "
				"these MSRs (source scan t.sites).\n"), "%s", r.out);
	cr_assert(strstr(r.out,
	"| finding | MSRs | with kernel sites | what it means |\n"
	"|---|---|---|---|\n"
	"| ignore-emulated | 1 | 0 | the guest drops the access although Xen would carry it out |\n"
	"| special-plain | 1 | 1 | the guest makes a hypercall or adjusts where Xen would emulate |\n"
	"| version-difference | 3 | 1 | the Xen versions answer differently |\n"
	"| passthrough-gp | 7 | 3 | the guest executes the instruction and Xen answers #GP |\n"
	"| perf-gp | 7 | 0 | outside a PMU interrupt the guest executes the instruction and Xen answers #GP |\n"
		), "%s", r.out);
	/* passthrough-gp alone and no site: summarised, not one line each */
	cr_assert(strstr(r.out,
	"## passthrough-gp at MSRs no site touches\n"
	"\n"
	"3 MSRs (2 of them address ranges) get #GP from Xen if the guest ever executed RDMSR or WRMSR on them, but no site of the kernel does. By name: MSR_DSA (1). By address: 0x000003f1, 0x00000800-0x0000080f. `msrgen audit --finding passthrough-gp` lists them.\n"
		), "%s", r.out);
	cr_assert_null(strstr(r.out, "| MSR_DSA | 0x00000600 |"), "%s", r.out);
	run_free(&r);
}

Test(audit, without_sites_consequences_are_conditional)
{
	struct run r = audit("--format", "csv", "--msr", "MSR_PASS");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\n0x00000010,0x00000010,MSR_PASS,,any,rw,RDMSR,WRMSR,"
				"\"xen_read_msr(): RDMSR, Xen emulates\",\"xen_write_msr(): WRMSR, Xen emulates\","
				"emulate,gp,,,emulate,gp,,,0,0,0,low,passthrough-gp/write,"
				"write: dropped write if a plain site writes it,"
				"write: msr_relaxed: write dropped instead of #GP if the host has the MSR\n"), "%s", r.out);
	run_free(&r);
}

Test(audit, msr_by_name_address_and_did_you_mean)
{
	struct run r = audit("--format", "csv", "--msr", "0x80a");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(strchr(strchr(r.out, '\n') + 1, '\n') - r.out + 1, (long)strlen(r.out), "%s", r.out);
	cr_assert(strstr(r.out, "\n0x00000800,0x0000080f,,,any,rw,"), "%s", r.out);
	run_free(&r);

	r = audit("--msr", "MSR_PAS", NULL, NULL);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.out, "");
	cr_assert_str_eq(r.err, "msrgen: no MSR named 'MSR_PAS' in the tables\n"
				"msrgen: note: did you mean 'MSR_PASS'?\n");
	run_free(&r);

	r = audit("--msr", "0x99", NULL, NULL);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "msrgen: no MSR at address '0x99' in the tables\n");
	run_free(&r);
}

Test(audit, finding_and_special_filters)
{
	struct run r = audit("--format", "csv", "--finding", "ignore-emulated");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\n0x00000020,0x00000020,MSR_DROP,"), "%s", r.out);
	cr_assert_eq(strchr(strchr(r.out, '\n') + 1, '\n') - r.out + 1, (long)strlen(r.out), "%s", r.out);
	run_free(&r);

	r = audit("--finding", "bogus", NULL, NULL);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "msrgen: unknown finding 'bogus' (passthrough-gp, perf-gp, ignore-emulated, "
				"special-plain, version-difference)\nTry 'msrgen audit --help' for more information.\n");
	run_free(&r);

	r = audit("--format", "csv", "--special", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_null(strstr(r.out, "MSR_PASS"));
	cr_assert_null(strstr(r.out, "MSR_RO"));
	cr_assert(strstr(r.out, "\n0x00000600,0x00000600,MSR_DSA,"), "%s", r.out);
	run_free(&r);
}

Test(audit, rst_one_row_per_msr_notes_once)
{
	struct run r = audit("--format", "rst", "--kernel-sites", "t.sites");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out,
	"   * - ``MSR_SEG`` (0x00000030)\n"
	"     - r: xen\\_read\\_msr(): RDMSR, Xen emulates; w: xen\\_write\\_msr(): set\\_seg(SEGBASE\\_FS)\n"
	"     - r: gp; w: validate (checked; f.c:1)\n"
	"     - r: gp; w: validate\n"
		), "%s", r.out);
	cr_assert(strstr(r.out,
	"- ``MSR_DROP`` (low): passthrough-gp (read), ignore-emulated (write), version-difference (write); dropped write (no site); none: no site reads it; depends on the Xen version.\n"
		), "%s", r.out);
	/* DS_AREA is recognised by 7.3's pmu.c but never emulated: the plain instruction */
	cr_assert(strstr(r.out, "   * - ``MSR_DSA`` (0x00000600)\n     - RDMSR/WRMSR (pmu\\_msr\\_chk\\_emulated(): "
				"Intel: recognised, never emulated)\n     - gp\n     - gp\n"), "%s", r.out);
	cr_assert_null(strstr(r.out, "MSR_PASS"));
	run_free(&r);
}

Test(audit, json_notes_relaxed_and_consequences)
{
	struct run r = audit("--format", "json", "--kernel-sites", "t.sites");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"xen_a\": {\"read\": {\"behaviour\": \"zero\", \"note\": \"zero; f.c:2\", "
				"\"msr_relaxed\": false}, \"write\": {\"behaviour\": \"gp\", \"msr_relaxed\": true}}"),
		  "%s", r.out);
	cr_assert(strstr(r.out, "\"findings\": [{\"kind\": \"passthrough-gp\", \"dir\": \"write\", \"severity\": \"high\", "
				"\"reason\": \"the guest executes WRMSR and xen_a, xen_b answer #GP\", "
				"\"consequence\": \"dropped write at 1 site (xen_msr_safe=y, the default); WARN with "
				"xen_msr_safe=0; the _safe sites get an error\", "
				"\"context\": \"msr_relaxed: write dropped instead of #GP if the host has the MSR\"}]}"), "%s", r.out);
	run_free(&r);
}

Test(audit, bad_site_listing)
{
	char *p = xasprintf("%s/bad.sites", dir);
	FILE *f = fopen(p, "w");
	struct run r;

	cr_assert_not_null(f);
	fputs("MSR_PASS\ta.c:1\twrite\n", f);
	fclose(f);
	r = audit("--kernel-sites", "bad.sites", NULL, NULL);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.out, "");
	cr_assert_str_eq(r.err, "msrgen: error: bad.sites:1: not NAME<TAB>FILE:LINE<TAB>read|write<TAB>safe|plain\n");
	run_free(&r);
	free(p);
}

/*
 * The reader of .msr_sites: a small ELF file built here, whose records say what
 * the generated accessors would (a constant read, a _safe write, a plain write, a
 * _safe read of an x2APIC MSR, and a non-constant WRMSRNS write), with the line
 * table of its .S source.
 */
static const char sites_s[] =
	"\t.text\n"
	"\t.globl _start\n"
	"_start:\n"
	"1:\trdmsr\n"
	"2:\twrmsr\n"
	"3:\twrmsr\n"
	"4:\trdmsr\n"
	"5:\tnop\n"
	"\t.section .msr_sites, \"\", @progbits\n"
	"\tADDR 1b\n\t.long 0x10\n\t.byte 0, 0, 0, 0\n"
	"\tADDR 2b\n\t.long 0x30\n\t.byte 3, 0, 0, 0\n"
	"\tADDR 3b\n\t.long 0x10\n\t.byte 1, 0, 0, 0\n"
	"\tADDR 4b\n\t.long 0x805\n\t.byte 2, 0, 0, 0\n"
	"\tADDR 5b\n\t.long 0xffffffff\n\t.byte 13, 0, 0, 0\n";

/* Builds dir/NAME.elf from sites_s with ADDR as the pointer directive */
static void build_elf(const char *name, const char *addr, const char *cflags, const char *ldflags)
{
	char *p = xasprintf("%s/%s.S", dir, name);
	FILE *f = fopen(p, "w");

	cr_assert_not_null(f);
	fprintf(f, "#define ADDR %s\n%s", addr, sites_s);
	fclose(f);
	free(p);
	cr_assert_eq(run_sh("cd '%s' && gcc -gdwarf-4 %s -fdebug-prefix-map=\"$PWD\"=src -c %s.S -o %s.o && "
			    "ld %s -e _start -o %s.elf %s.o", dir, cflags, name, name, ldflags, name, name),
		     0);
}

Test(audit, sites_of_an_elf64_image)
{
	const char *argv[] = { "sites", "s64.elf", "t.msr", NULL };
	struct run r;

	build_elf("s64", ".quad", "", "");
	r = run_msrgen(dir, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	cr_assert_str_eq(r.out,
		"0x0000000000401000 src/s64.S:5 0x00000010 MSR_PASS read plain\n"
		"0x0000000000401002 src/s64.S:6 0x00000030 MSR_SEG write safe\n"
		"0x0000000000401004 src/s64.S:7 0x00000010 MSR_PASS write plain\n"
		"0x0000000000401006 src/s64.S:8 0x00000805 - read safe\n"
		"0x0000000000401008 src/s64.S:9 variable write plain wrmsrns\n");
	run_free(&r);
}

/* Without a line table (a kernel built without debug info): the function's name. */
Test(audit, sites_of_an_image_without_line_table)
{
	const char *argv[] = { "sites", "g0.elf", NULL };
	struct run r;

	build_elf("g0", ".quad", "-g0", "");
	r = run_msrgen(dir, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out,
		"0x0000000000401000 _start 0x00000010 - read plain\n"
		"0x0000000000401002 _start 0x00000030 - write safe\n"
		"0x0000000000401004 _start 0x00000010 - write plain\n"
		"0x0000000000401006 _start 0x00000805 - read safe\n"
		"0x0000000000401008 _start variable write plain wrmsrns\n");
	run_free(&r);
}

/*
 * An accessor inlined from a header: the site is where a C file uses it, and
 * the folder all places share (the build tree) is dropped.
 */
static const char acc_h[] =
	"static inline __attribute__((always_inline)) void acc(void)\n"
	"{\n"
	"\tasm volatile(\"1: nop\\n\\t.pushsection .msr_sites, \\\"\\\", @progbits\\n\\t\"\n"
	"\t\t     \".quad 1b\\n\\t.long 0x10\\n\\t.byte 0, 0, 0, 0\\n\\t.popsection\");\n"
	"}\n";

Test(audit, sites_of_inlined_accessors)
{
	const char *argv[] = { "sites", "tree/u.elf", NULL };
	char *p;
	FILE *f;
	struct run r;

	cr_assert_eq(run_sh("mkdir -p '%s/tree/inc' '%s/tree/x' '%s/tree/y'", dir, dir, dir), 0);
	p = xasprintf("%s/tree/inc/acc.h", dir);
	f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(acc_h, f);
	fclose(f);
	free(p);
	cr_assert_eq(run_sh("cd '%s/tree' && "
			    "printf '#include \"acc.h\"\\nvoid _start(void)\\n{\\n\\tacc();\\n\\tfor (;;)\\n\\t\\t;\\n}\\n' > x/one.c && "
			    "printf '#include \"acc.h\"\\n\\nvoid two(void)\\n{\\n\\tacc();\\n}\\n' > y/two.c && "
			    "gcc -g -O2 -ffreestanding -fno-pie -Iinc -c \"$PWD/x/one.c\" -o one.o && "
			    "gcc -g -O2 -ffreestanding -fno-pie -Iinc -c \"$PWD/y/two.c\" -o two.o && "
			    "ld -e _start -o u.elf one.o two.o", dir), 0);
	r = run_msrgen(dir, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out,
		"0x0000000000401000 x/one.c:4 0x00000010 - read plain\n"
		"0x0000000000401010 y/two.c:5 0x00000010 - read plain\n", "%s", r.out);
	run_free(&r);
}

Test(audit, sites_of_an_elf32_image_without_tables)
{
	const char *argv[] = { "sites", "s32.elf", NULL };
	struct run r;

	build_elf("s32", ".long", "-m32", "-m elf_i386");
	r = run_msrgen(dir, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out,
		"0x08049000 src/s32.S:5 0x00000010 - read plain\n"
		"0x08049002 src/s32.S:6 0x00000030 - write safe\n"
		"0x08049004 src/s32.S:7 0x00000010 - write plain\n"
		"0x08049006 src/s32.S:8 0x00000805 - read safe\n"
		"0x08049008 src/s32.S:9 variable write plain wrmsrns\n");
	run_free(&r);
}

Test(audit, vmlinux_joins_sites_with_findings)
{
	struct run r;

	build_elf("s64", ".quad", "", "");
	r = audit("--vmlinux", "s64.elf", "--sites", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out,
		"- xen_a: 2 sites access MSRs that xen_a answers with #GP; 1 of them is _safe; at the other 1 "
		"the kernel gets a silent 0 or drops the write (xen_msr_safe=y, the default) or WARNs "
		"(xen_msr_safe=0).\n"
		"- xen_b: 2 sites access MSRs that xen_b answers with #GP; 1 of them is _safe; at the other 1 "
		"the kernel gets a silent 0 or drops the write (xen_msr_safe=y, the default) or WARNs "
		"(xen_msr_safe=0).\n"
		"- 1 site with a non-constant MSR number (the dispatcher) is not joined.\n"), "%s", r.out);
	/* the site rows lead the findings, with their lines */
	cr_assert(strstr(r.out, "\n| MSR_PASS | 0x00000010 | r 1, w 1 | high | passthrough-gp write: "), "%s", r.out);
	cr_assert(strstr(r.out, "\n## Sites\n\n"
				"- MSR_PASS: read plain 0x401000 src/s64.S:5\n"
				"- MSR_PASS: write plain 0x401004 src/s64.S:7\n"), "%s", r.out);
	cr_assert(strstr(r.out, "- 0x00000800-0x0000080f: read _safe 0x401006 src/s64.S:8\n"), "%s", r.out);
	run_free(&r);
}

Test(audit, bad_images)
{
	const char *argv[] = { "sites", "t.msr", NULL };
	const char *none[] = { "sites", "n.elf", NULL };
	struct run r = run_msrgen(dir, argv);

	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.out, "");
	cr_assert_str_eq(r.err, "msrgen: error: t.msr: not an ELF file\n");
	run_free(&r);

	cr_assert_eq(run_sh("cd '%s' && printf '\\t.text\\n\\t.globl _start\\n_start:\\tnop\\n' > n.S && "
			    "gcc -c n.S -o n.o && ld -e _start -o n.elf n.o", dir), 0);
	r = run_msrgen(dir, none);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, "msrgen: error: n.elf: no .msr_sites section (not built with msrgen's accessors?)\n");
	run_free(&r);

	r = audit("--vmlinux", "n.elf", "--kernel-sites", "t.sites");
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "msrgen: audit: --kernel-sites and --vmlinux exclude each other\n"
				"Try 'msrgen audit --help' for more information.\n");
	run_free(&r);
}

/* The committed listing of 7.3's sites is what tools/scan-msr-sites finds there. */
Test(audit, linux_7_3_sites_listing_is_current)
{
	const char *cache = getenv("MSRGEN_CACHE");
	char *tree = xasprintf("%s/linux-source-7.3", cache && cache[0] ? cache : "/var/tmp/msrgen-cache");

	cr_assert_eq(run_sh("test -d '%s/arch/x86' || { echo '%s is missing: run tests/kernel/fetch "
			    "--what linux' >&2; exit 1; }", tree, tree), 0);
	cr_assert_eq(run_sh("'%s/tools/scan-msr-sites' '%s' | cmp -s - '%s/defs/hypervisor/linux-7.3.sites'",
			    SRC_DIR, tree, SRC_DIR), 0,
		     "defs/hypervisor/linux-7.3.sites is stale: run tools/scan-msr-sites %s", tree);
	free(tree);
}

/* A record with reserved bits, and a section that is not whole records */
Test(audit, bad_records)
{
	const char *argv[] = { "sites", "b.elf", NULL };
	const char *const bodies[] = {
		"\t.quad 1b\n\t.long 0x10\n\t.byte 0x10, 0, 0, 0\n",
		"\t.quad 1b\n\t.long 0x10\n\t.byte 0, 0, 1, 0\n",
		"\t.quad 1b\n\t.long 0x10\n\t.byte 0, 0, 0, 0\n\t.byte 0\n",
	};
	const char *const want[] = {
		"msrgen: error: b.elf: .msr_sites record 0: reserved bits set\n",
		"msrgen: error: b.elf: .msr_sites record 0: reserved bits set\n",
		"msrgen: error: b.elf: .msr_sites is not a whole number of records\n",
	};
	size_t i;

	for (i = 0; i < 3; i++) {
		struct run r;

		cr_assert_eq(run_sh("cd '%s' && printf '\\t.text\\n\\t.globl _start\\n_start:\\n1:\\trdmsr\\n"
				    "\\t.section .msr_sites, \"\", @progbits\\n%s' > b.S && gcc -c b.S -o b.o && "
				    "ld -e _start -o b.elf b.o", dir, bodies[i]), 0);
		r = run_msrgen(dir, argv);
		cr_expect_eq(r.status, 1, "%zu", i);
		cr_expect_str_eq(r.out, "");
		cr_expect_str_eq(r.err, want[i]);
		run_free(&r);
	}
}

/* On the real tables: the dom0 clause of a note becomes context, once for both versions */
Test(audit, dom0_clauses_in_the_context)
{
	const char *argv[64] = { "audit", "--format", "csv", "--msr", "MSR_AMD64_SYSCFG" };
	struct run r;

	cr_assert_eq(chdir(SRC_DIR), 0);
	list_msr_files("defs", argv + 5, 58);
	r = run_msrgen(SRC_DIR, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, ",read: msr_relaxed: read 0 instead of #GP if the host has the MSR; "
				"dom0 reads the host value masked to the MTRR/TOM2 bits; "
				"write: msr_relaxed: write dropped instead of #GP if the host has the MSR\n"),
		  "%s", r.out);
	run_free(&r);
}

/* Without a target the audit names no kernel's code: the handlings in the
   table's own words, "the hypervisor", no kernel parameter */
Test(audit, without_a_target_in_the_tables_words)
{
	const char *argv[] = { "audit", "--format", "csv", "--kernel-sites", "t.sites", "t.msr", NULL };
	struct run r = run_msrgen(dir, argv);
	static const char rows[] =
	"0x00000040,0x00000040,MSR_RO,,any,ro,RDMSR,\"- (read-only), yet a site tries\",\"RDMSR, the hypervisor emulates\",\"- (read-only), yet a site tries\",zero,gp,zero; f.c:2,,const 0x7,gp,,,0,1,0,high,passthrough-gp/write version-difference/read,write: dropped write at 1 site; read: depends on the hypervisor version,write: msr_relaxed: write dropped instead of #GP if the host has the MSR\n"
	"0x00000010,0x00000010,MSR_PASS,,any,rw,RDMSR,WRMSR,\"RDMSR, the hypervisor emulates\",\"WRMSR, the hypervisor emulates\",emulate,gp,,,emulate,gp,,,0,2,1,high,passthrough-gp/write,write: dropped write at 1 site; the _safe sites get an error,write: msr_relaxed: write dropped instead of #GP if the host has the MSR\n"
	"0x00000030,0x00000030,MSR_SEG,,any,rw,RDMSR,WRMSR,\"RDMSR, the hypervisor emulates\",xen_msr_set_segment_base(SEGBASE_FS),gp,validate,,checked; f.c:1,gp,validate,,,0,1,0,low,passthrough-gp/read special-plain/write,read: none: no site reads it; write: none,read: msr_relaxed: read 0 instead of #GP if the host has the MSR\n"
	"0x00000020,0x00000020,MSR_DROP,,any,rw,RDMSR,WRMSR,\"RDMSR, the hypervisor emulates\",dropped,gp,emulate,,,gp,discard,,,0,0,0,low,ignore-emulated/write passthrough-gp/read version-difference/write,write: dropped write (no site); read: none: no site reads it; write: depends on the hypervisor version,read: msr_relaxed: read 0 instead of #GP if the host has the MSR\n";
	const char *body;

	cr_assert_eq(r.status, 0, "%s", r.err);
	body = strchr(r.out, '\n');
	cr_assert_not_null(body);
	cr_assert(!strncmp(body + 1, rows, strlen(rows)), "%s", r.out);
	run_free(&r);
}

/* The target's audit-platform must be one the tables declare */
Test(audit, audit_platform_the_tables_lack)
{
	const char *argv[] = { "audit", "--templates", "tpl", "--target", "kern", "u.msr", NULL };
	char *p = xasprintf("%s/u.msr", dir);
	char *want = xasprintf("msrgen: error: tpl/kern/target.conf: audit-platform xenpv: the tables declare no such platform\n");
	struct run r;

	write_text(p, "platform native { }\nmsr MSR_A 0x10;\n");
	r = run_msrgen(dir, argv);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, want);
	run_free(&r);
	free(p);
	free(want);
}
