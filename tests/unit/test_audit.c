// SPDX-License-Identifier: GPL-2.0
/* The audit: every finding kind, and the exact cells of the CSV table. */
#include <criterion/criterion.h>
#include <string.h>

#include "testutil.h"

static const char table[] =
	"platform native { }\n"
	"platform xenpv { feature X86_FEATURE_XENPV; }\n"
	"msr MSR_PASS 0x10;\n"
	"msr MSR_DROP 0x20 { xenpv write ignore; }\n"
	"msr MSR_SEG 0x30 { xenpv write call set_seg(FS); }\n"
	"msr MSR_PMU 0x40 { access ro; xenpv read perf; }\n"
	"msr MSR_NEW 0x50;\n"
	"hypervisor xen_a for xenpv { default rw gp; MSR_PASS read emulate;\n"
	"  MSR_DROP write emulate; MSR_SEG write validate \"checked\"; MSR_NEW read zero; }\n"
	"hypervisor xen_b for xenpv { default rw gp; MSR_PASS read emulate;\n"
	"  MSR_DROP write discard; MSR_SEG write validate; MSR_NEW read const 7; }\n";

static char *audit(enum audit_format fmt)
{
	static struct ast ast;
	struct model m;
	struct strbuf sb = { 0 };

	cr_assert_eq(model_from(&ast, &m, table), 0);
	audit_render(&m, fmt, &sb);
	return sb.s;
}

Test(audit, csv_rows_and_findings)
{
	cr_assert_str_eq(audit(AUDIT_CSV),
		"address,name,aliases,vendor,access,native_read,native_write,xenpv_read,xenpv_write,"
		"xen_a_read,xen_a_write,xen_b_read,xen_b_write,findings\n"
		"0x00000010,MSR_PASS,,any,rw,passthrough,passthrough,passthrough,passthrough,"
		"emulate,gp,emulate,gp,passthrough-gp/write\n"
		"0x00000020,MSR_DROP,,any,rw,passthrough,passthrough,passthrough,ignore,"
		"gp,emulate,gp,discard,passthrough-gp/read ignore-emulated/write version-difference/write\n"
		"0x00000030,MSR_SEG,,any,rw,passthrough,passthrough,passthrough,call set_seg(FS),"
		"gp,validate,gp,validate,passthrough-gp/read special-plain/write\n"
		"0x00000040,MSR_PMU,,any,ro,passthrough,-,perf,-,gp,-,gp,-,perf-gp/read\n"
		"0x00000050,MSR_NEW,,any,rw,passthrough,passthrough,passthrough,passthrough,"
		"zero,gp,const 0x7,gp,version-difference/read passthrough-gp/write\n");
}

Test(audit, markdown_reasons)
{
	char *md = audit(AUDIT_MD);

	cr_assert(strstr(md, "| passthrough-gp | 4 |\n| ignore-emulated | 1 |\n| special-plain | 1 |\n"
			     "| perf-gp | 1 |\n| version-difference | 2 |\n"), "%s", md);
	cr_assert(strstr(md, "- 0x00000020 MSR_DROP write: the guest drops the write; xen_a would carry it out\n"));
	cr_assert(strstr(md, "- 0x00000030 MSR_SEG write: the guest uses call set_seg(FS) where xen_a, xen_b would emulate WRMSR itself\n"));
	cr_assert(strstr(md, "- 0x00000040 MSR_PMU read: when the vPMU does not take it, the guest falls back to RDMSR, which xen_a, xen_b answer with #GP\n"));
	cr_assert(strstr(md, "- 0x00000050 MSR_NEW read: xen_a zero; xen_b const 0x7\n"));
	cr_assert(strstr(md, "- 0x00000010 MSR_PASS write: the guest executes WRMSR and xen_a, xen_b answer #GP\n"));
}

Test(audit, json_fields)
{
	char *js = audit(AUDIT_JSON);

	cr_assert(strstr(js, "\"findings\": {\"passthrough-gp\": 4, \"ignore-emulated\": 1, "
			     "\"special-plain\": 1, \"perf-gp\": 1, \"version-difference\": 2}"), "%s", js);
	cr_assert(strstr(js, "\"xen_a\": {\"read\": {\"behaviour\": \"gp\"}, \"write\": "
			     "{\"behaviour\": \"validate\", \"note\": \"checked\"}}"), "%s", js);
	cr_assert(strstr(js, "{\"kind\": \"special-plain\", \"dir\": \"write\", \"reason\": "
			     "\"the guest uses call set_seg(FS) where xen_a, xen_b would emulate WRMSR itself\"}"));
}

Test(audit, rst_lists_special_handling_only)
{
	char *rst = audit(AUDIT_RST);

	cr_assert(strstr(rst, "   * - ``MSR_DROP`` (0x00000020)\n     - WRMSR\n     - ``ignore``\n"
			      "     - emulate\n     - discard\n"), "%s", rst);
	cr_assert(strstr(rst, "   * - ``MSR_PMU`` (0x00000040)\n     - RDMSR\n     - ``perf``\n"
			      "     - gp\n     - gp\n"));
	cr_assert_null(strstr(rst, "``MSR_PASS``"));
	cr_assert_null(strstr(rst, "``MSR_NEW``"));
	cr_assert(strstr(rst, "- ``MSR_SEG`` write, special-plain: the guest uses call set\\_seg(FS) "
			      "where xen\\_a, xen\\_b would emulate WRMSR itself.\n"), "%s", rst);
}
