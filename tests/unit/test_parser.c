// SPDX-License-Identifier: GPL-2.0
/* The grammar: what each statement puts in the syntax tree. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <string.h>

#include "testutil.h"

static struct ast parse(const char *text)
{
	struct ast ast = { 0 };

	diag_reset();
	parse_string(&ast, "t.msr", text);
	cr_assert_eq(diag_errors(), 0, "unexpected syntax errors");
	return ast;
}

Test(parser, platform)
{
	struct ast a = parse("platform xenpv { feature X86_FEATURE_XENPV; doc \"pv\"; }");

	cr_assert_eq(a.platforms.n, 1);
	cr_assert_str_eq(a.platforms.v[0]->name.name, "xenpv");
	cr_assert(a.platforms.v[0]->has_feature);
	cr_assert_str_eq(a.platforms.v[0]->feature.name, "X86_FEATURE_XENPV");
	cr_assert_str_eq(a.platforms.v[0]->doc, "pv");
	cr_assert_eq(a.platforms.v[0]->name.pos.col, 10);
}

Test(parser, single_msr_with_everything)
{
	struct ast a = parse(
		"msr MSR_X 0x10 {\n"
		"  doc \"d\"; access ro; vendor intel, amd;\n"
		"  nonserializing; alias MSR_Y vendor amd;\n"
		"  field F 7:4 rw { doc \"f\"; value ON 1; value OFF 0; }\n"
		"  field G 9;\n"
		"  reserved 63:32;\n"
		"  xenpv rw call h(A, 3);\n"
		"  xenpv read ignore 7;\n"
		"}\n");
	struct ast_msr *m;

	cr_assert_eq(a.msrs.n, 1);
	m = a.msrs.v[0];
	cr_assert(m->has_addr);
	cr_assert_eq(m->kind, MSR_SINGLE);
	cr_assert_eq(m->addr.v, 0x10);
	cr_assert_eq(m->attrs.n, 4);
	cr_assert_eq(m->attrs.v[0].kind, ATTR_DOC);
	cr_assert_eq(m->attrs.v[1].access, ACC_RO);
	cr_assert_eq(m->attrs.v[2].vendors.list.n, 2);
	cr_assert_str_eq(m->attrs.v[2].vendors.list.v[1].name, "amd");
	cr_assert_eq(m->attrs.v[3].kind, ATTR_NS);
	cr_assert_eq(m->aliases.n, 1);
	cr_assert_str_eq(m->aliases.v[0].name.name, "MSR_Y");
	cr_assert_eq(m->aliases.v[0].vendors.list.n, 1);
	cr_assert_eq(m->fields.n, 2);
	cr_assert_eq(m->fields.v[0].hi.v, 7);
	cr_assert_eq(m->fields.v[0].lo.v, 4);
	cr_assert_eq(m->fields.v[0].access, ACC_RW);
	cr_assert_str_eq(m->fields.v[0].doc, "f");
	cr_assert_eq(m->fields.v[0].values.n, 2);
	cr_assert_eq(m->fields.v[1].hi.v, 9);
	cr_assert_eq(m->fields.v[1].lo.v, 9);
	cr_assert_eq(m->fields.v[1].access, ACC_NONE);
	cr_assert_eq(m->reserved.n, 1);
	cr_assert_eq(m->handlings.n, 2);
	cr_assert_eq(m->handlings.v[0].dir, DIR_RW);
	cr_assert_eq(m->handlings.v[0].kind, H_CALL);
	cr_assert_str_eq(m->handlings.v[0].func.name, "h");
	cr_assert_eq(m->handlings.v[0].args.n, 2);
	cr_assert_str_eq(m->handlings.v[0].args.v[1].name, "0x3");
	cr_assert_eq(m->handlings.v[1].kind, H_IGNORE);
	cr_assert(m->handlings.v[1].has_value);
	cr_assert_eq(m->handlings.v[1].value.v, 7);
	cr_assert_eq(m->handlings.v[0].pos.line, 7);
	cr_assert_eq(m->handlings.v[0].pos.col, 3);
}

Test(parser, arrays_indexed_and_extensions)
{
	struct ast a = parse("msr A[4] 0x186;\n"
			     "msr B(i)[8] 0x200 stride 2 { element 0 B0; }\n"
			     "msr A { xenpv rw perf; }\n");

	cr_assert_eq(a.msrs.n, 3);
	cr_assert_eq(a.msrs.v[0]->kind, MSR_ARRAY);
	cr_assert_eq(a.msrs.v[0]->count.v, 4);
	cr_assert_eq(a.msrs.v[0]->stride.v, 1);
	cr_assert_eq(a.msrs.v[1]->kind, MSR_INDEXED);
	cr_assert_str_eq(a.msrs.v[1]->param.name, "i");
	cr_assert_eq(a.msrs.v[1]->stride.v, 2);
	cr_assert_eq(a.msrs.v[1]->elements.n, 1);
	cr_assert(!a.msrs.v[2]->has_addr);
	cr_assert_eq(a.msrs.v[2]->handlings.v[0].kind, H_WORD);
	cr_assert_str_eq(a.msrs.v[2]->handlings.v[0].word.name, "perf");
}

Test(parser, hypervisor)
{
	struct ast a = parse("hypervisor xen for xenpv {\n"
			     "  doc \"x\"; default read gp; default write discard;\n"
			     "  MSR_A rw emulate \"why\";\n"
			     "  0x10..0x1f read const 5;\n"
			     "}\n");
	struct ast_hypervisor *h;

	cr_assert_eq(a.hypervisors.n, 1);
	h = a.hypervisors.v[0];
	cr_assert_str_eq(h->platform.name, "xenpv");
	cr_assert_eq(h->entries.n, 4);
	cr_assert(h->entries.v[0].is_default);
	cr_assert_eq(h->entries.v[1].beh, HV_DISCARD);
	cr_assert(h->entries.v[2].by_name);
	cr_assert_str_eq(h->entries.v[2].note, "why");
	cr_assert_eq(h->entries.v[3].first.v, 0x10);
	cr_assert_eq(h->entries.v[3].last.v, 0x1f);
	cr_assert_eq(h->entries.v[3].beh, HV_CONST);
	cr_assert_eq(h->entries.v[3].value.v, 5);
}

Test(parser, errors_are_all_reported, .init = cr_redirect_stderr)
{
	struct ast a = { 0 };

	diag_reset();
	parse_string(&a, "t.msr", "msr A 0x1 { acess rw; }\nmsr B { doc 5; }\n");
	cr_assert_eq(diag_errors(), 2);
	fflush(stderr);
	cr_assert_stderr_eq_str(
		"t.msr:1:13: error: unknown keyword 'acess'; did you mean 'access'?\n"
		"msr A 0x1 { acess rw; }\n"
		"            ^~~~~\n"
		"t.msr:2:13: error: unexpected number '5', expected string\n"
		"msr B { doc 5; }\n"
		"            ^\n");
}

Test(parser, only_lists)
{
	struct ast a = parse("msr A 0x1 { only linux-7.3, mini; alias AA only linux-6.12;\n"
			     " field F 2 { only t_1; } xenpv read ignore 3 only linux-7.3; }\n");
	const struct ast_msr *m = a.msrs.v[0];

	cr_assert_eq(m->attrs.n, 1);
	cr_assert_eq(m->attrs.v[0].kind, ATTR_ONLY);
	cr_assert_eq(m->attrs.v[0].vendors.list.n, 2);
	cr_assert_str_eq(m->attrs.v[0].vendors.list.v[0].name, "linux-7.3");
	cr_assert_str_eq(m->attrs.v[0].vendors.list.v[1].name, "mini");
	cr_assert_eq(m->attrs.v[0].vendors.list.v[1].pos.col, 29);
	cr_assert_str_eq(m->aliases.v[0].only.list.v[0].name, "linux-6.12");
	cr_assert_eq(m->aliases.v[0].vendors.list.n, 0);
	cr_assert_str_eq(m->fields.v[0].only.list.v[0].name, "t_1");
	cr_assert_eq(m->handlings.v[0].only.list.n, 1);
	cr_assert_str_eq(m->handlings.v[0].only.list.v[0].name, "linux-7.3");
	cr_assert_eq(m->handlings.v[0].value.v, 3);
	ast_free(&a);
}

Test(parser, only_list_errors, .init = cr_redirect_stderr)
{
	struct ast a = { 0 };

	diag_reset();
	parse_string(&a, "t.msr",
		     "msr A 0x1 { only ; }\n"
		     "msr B 0x2 { only \"linux-7.3\"; }\n"
		     "msr C 0x3 { only linux-7.3 linux-6.12; }\n"
		     "msr only 0x4;\n"
		     "msr D 0x5 { alias linux-7.3; }\n");
	cr_assert_eq(diag_errors(), 5);
	fflush(stderr);
	cr_assert_stderr_eq_str(
		"t.msr:1:18: error: unexpected ';', expected target name\n"
		"msr A 0x1 { only ; }\n"
		"                 ^\n"
		"t.msr:2:18: error: unexpected string, expected target name\n"
		"msr B 0x2 { only \"linux-7.3\"; }\n"
		"                 ^~~~~~~~~~~\n"
		"t.msr:3:28: error: unexpected target name 'linux-6.12', expected ';' or ','\n"
		"msr C 0x3 { only linux-7.3 linux-6.12; }\n"
		"                           ^~~~~~~~~~\n"
		"t.msr:4:5: error: 'only' is a keyword: it cannot be an MSR name\n"
		"msr only 0x4;\n"
		"    ^~~~\n"
		"t.msr:5:19: error: unexpected target name 'linux-7.3', expected identifier\n"
		"msr D 0x5 { alias linux-7.3; }\n"
		"                  ^~~~~~~~~\n");
	ast_free(&a);
}
