// SPDX-License-Identifier: GPL-2.0
/* The checked model: merged declarations, registers, handlings, hypervisors. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <string.h>

#include "testutil.h"

static const char platforms[] =
	"platform native { }\nplatform xenpv { feature X86_FEATURE_XENPV;"
	" handling perf \"p\"; behaviour vpmu like emulate \"v\"; }\n";

static struct model build(const char *text)
{
	static struct ast ast;
	struct model m;
	char *all = xasprintf("%s%s", platforms, text);

	cr_assert_eq(model_from(&ast, &m, all), 0, "unexpected errors");
	free(all);
	return m;
}

Test(model, registers_sorted_with_names)
{
	struct model m = build("msr B(i)[3] 0x400 stride 4 { element 0 MC0; }\n"
			       "msr A[2] 0x186;\n"
			       "msr C 0x10;\n");

	cr_assert_eq(m.regs.n, 6);
	cr_assert_str_eq(m.regs.v[0].macro, "C");
	cr_assert_str_eq(m.regs.v[1].macro, "A0");
	cr_assert_str_eq(m.regs.v[1].id, "a0");
	cr_assert_eq(m.regs.v[2].addr, 0x187);
	cr_assert_str_eq(m.regs.v[3].macro, "MC0");
	cr_assert_str_eq(m.regs.v[3].id, "mc0");
	cr_assert_str_eq(m.regs.v[4].macro, "B(1)");
	cr_assert_str_eq(m.regs.v[4].id, "b_1");
	cr_assert_eq(m.regs.v[5].addr, 0x408);
	cr_assert_eq(m.decls.n, 3);
	cr_assert_str_eq(m.decls.v[0]->name, "C");
}

Test(model, platforms_base_first)
{
	struct ast ast;
	struct model m;

	cr_assert_eq(model_from(&ast, &m, "platform zz { feature F; }\nplatform b { }\n"
				"platform aa { feature G; }\nmsr X 1 { zz read ignore; aa read ignore; }\n"), 0);
	cr_assert_str_eq(m.platforms.v[0].name, "b");
	cr_assert_str_eq(m.platforms.v[1].name, "aa");
	cr_assert_str_eq(m.platforms.v[2].name, "zz");
}

Test(model, extension_merges_and_defaults_apply)
{
	struct model m = build("msr MSR_STAR 0xc0000081;\n"
			       "msr MSR_STAR { doc \"syscall\"; xenpv write ignore; }\n"
			       "msr MSR_RO 0x20 { access ro; }\n");
	const struct decl *d = model_find_decl(&m, "MSR_STAR");
	int xen = model_platform_index(&m, "xenpv");

	cr_assert_not_null(d);
	cr_assert_eq(d->parts.n, 2);
	cr_assert_str_eq(d->doc, "syscall");
	cr_assert_str_eq(d->did, "star");
	cr_assert_eq(d->handling[xen * 2 + 1].kind, H_IGNORE);
	cr_assert_eq(d->handling[xen * 2 + 0].kind, H_PASSTHROUGH);
	cr_assert_null(d->handling[xen * 2 + 0].ast);
	cr_assert_eq(model_find_decl(&m, "MSR_RO")->access, ACC_RO);
	cr_assert_eq(model_find_decl(&m, "MSR_STAR")->access, ACC_RW);
}

Test(model, hypervisor_ranges_and_defaults)
{
	struct model m = build("msr A[4] 0x100 stride 2;\nmsr B 0x10 { alias BB; }\n"
			       "hypervisor h for xenpv { default write discard;\n"
			       "  A read vpmu; BB rw emulate; 0x200..0x2ff write gp; }\n");
	const struct hypervisor *h = &m.hypervisors.v[0];
	const struct hvrange *r;

	cr_assert_eq(h->dflt[0], HV_GP);
	cr_assert_eq(h->dflt[1], HV_DISCARD);
	cr_assert_eq(h->ranges.n, 6);	/* B, four elements of A, the range */
	r = model_hv_lookup(h, 0x104, DIR_READ);
	cr_assert_not_null(r);
	cr_assert_eq(r->beh, HV_EMULATE);
	cr_assert_str_eq(r->word, "vpmu");
	cr_assert_null(model_hv_lookup(h, 0x103, DIR_READ));
	cr_assert_null(model_hv_lookup(h, 0x104, DIR_WRITE));
	cr_assert_eq(model_hv_lookup(h, 0x10, DIR_WRITE)->beh, HV_EMULATE);
	cr_assert_eq(model_hv_lookup(h, 0x2ff, DIR_WRITE)->beh, HV_GP);
}

Test(model, records_text)
{
	struct model m = build("msr MSR_X 0x10 { doc \"d\"; field F 3:0 { value V 2; } xenpv write call h(A); }\n");
	struct strbuf sb = { 0 };

	render_model_text(&m, &sb);
	cr_assert_str_eq(sb.s,
		"MSRGEN_PLATFORM([[native]], [[]], [[[[]]]])m4_dnl\n"
		"MSRGEN_PLATFORM([[xenpv]], [[X86_FEATURE_XENPV]], [[[[]]]])m4_dnl\n"
		"MSRGEN_DECL([[x]], [[MSR_X]], [[single]], [[0x00000010]], [[1]], [[1]], [[]], [[rw]], [[any]], [[0]], [[[[d]]]])m4_dnl\n"
		"MSRGEN_FIELD([[x]], [[F]], [[3]], [[0]], [[rw]], [[[[]]]])m4_dnl\n"
		"MSRGEN_VALUE([[x]], [[F]], [[V]], [[0x2]])m4_dnl\n"
		"MSRGEN_MSR([[x]], [[MSR_X]], [[0x00000010]], [[x]], [[0]], [[rw]], [[any]], [[0]], [[[[d]]]])m4_dnl\n"
		"MSRGEN_HANDLE([[x]], [[MSR_X]], [[0x00000010]], [[native]], [[]], [[read]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_HANDLE([[x]], [[MSR_X]], [[0x00000010]], [[native]], [[]], [[write]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_HANDLE([[x]], [[MSR_X]], [[0x00000010]], [[xenpv]], [[X86_FEATURE_XENPV]], [[read]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_HANDLE([[x]], [[MSR_X]], [[0x00000010]], [[xenpv]], [[X86_FEATURE_XENPV]], [[write]], [[call]], [[h]], [[A]])m4_dnl\n"
		"MSRGEN_ON([[x]], [[MSR_X]], [[0x00000010]], [[rw]], [[0]], [[native]], [[]], [[passthrough]], [[]], [[]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[x]], [[MSR_X]], [[0x00000010]], [[rw]], [[0]], [[xenpv]], [[X86_FEATURE_XENPV]], [[passthrough]], [[]], [[]], [[call]], [[h]], [[A]])m4_dnl\n"
		"MSRGEN_HANDLER([[h]], [[xenpv]], [[X86_FEATURE_XENPV]], [[call]], [[write]], [[1]])m4_dnl\n");
	sb_free(&sb);
}

/* MSRGEN_ON: both directions of a register in one record, empty where the
   access has none; MSRGEN_HANDLER: once per handler and direction, in the
   order the declarations first name it */
Test(model, records_join_each_register_with_its_handling)
{
	struct model m = build(
		"msr MSR_A 0x20 { access ro; xenpv read ignore 0x1234; }\n"
		"msr MSR_B 0x21 { access wo; nonserializing; xenpv write call g(K1, K2); }\n"
		"msr MSR_C 0x22 { xenpv read fixup fix; xenpv write call g(K3, K4); }\n"
		"msr MSR_D 0x23 { access ro; xenpv read call r(); }\n");
	struct strbuf sb = { 0 };
	const char *s, *e;
	struct strbuf on = { 0 };

	render_model_text(&m, &sb);
	for (s = sb.s; (s = strstr(s, "MSRGEN_")); s = e) {
		e = strchr(s, '\n') + 1;
		if (!strncmp(s, "MSRGEN_ON(", 10) || !strncmp(s, "MSRGEN_HANDLER(", 15))
			sb_putn(&on, s, (size_t)(e - s));
	}
	cr_assert_str_eq(on.s,
		"MSRGEN_ON([[a]], [[MSR_A]], [[0x00000020]], [[ro]], [[0]], [[native]], [[]], [[passthrough]], [[]], [[]], [[]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[a]], [[MSR_A]], [[0x00000020]], [[ro]], [[0]], [[xenpv]], [[X86_FEATURE_XENPV]], [[ignore]], [[0x1234]], [[]], [[]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[b]], [[MSR_B]], [[0x00000021]], [[wo]], [[1]], [[native]], [[]], [[]], [[]], [[]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[b]], [[MSR_B]], [[0x00000021]], [[wo]], [[1]], [[xenpv]], [[X86_FEATURE_XENPV]], [[]], [[]], [[]], [[call]], [[g]], [[K1, K2]])m4_dnl\n"
		"MSRGEN_ON([[c]], [[MSR_C]], [[0x00000022]], [[rw]], [[0]], [[native]], [[]], [[passthrough]], [[]], [[]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[c]], [[MSR_C]], [[0x00000022]], [[rw]], [[0]], [[xenpv]], [[X86_FEATURE_XENPV]], [[fixup]], [[fix]], [[]], [[call]], [[g]], [[K3, K4]])m4_dnl\n"
		"MSRGEN_ON([[d]], [[MSR_D]], [[0x00000023]], [[ro]], [[0]], [[native]], [[]], [[passthrough]], [[]], [[]], [[]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[d]], [[MSR_D]], [[0x00000023]], [[ro]], [[0]], [[xenpv]], [[X86_FEATURE_XENPV]], [[call]], [[r]], [[]], [[]], [[]], [[]])m4_dnl\n"
		"MSRGEN_HANDLER([[g]], [[xenpv]], [[X86_FEATURE_XENPV]], [[call]], [[write]], [[2]])m4_dnl\n"
		"MSRGEN_HANDLER([[fix]], [[xenpv]], [[X86_FEATURE_XENPV]], [[fixup]], [[read]], [[0]])m4_dnl\n"
		"MSRGEN_HANDLER([[r]], [[xenpv]], [[X86_FEATURE_XENPV]], [[call]], [[read]], [[0]])m4_dnl\n");
	sb_free(&on);
	sb_free(&sb);
}

/* MSRGEN_SHADOW: one per register of a shadowed MSR, after its MSRGEN_ON
   records, with the reset value (0 unless given), the WRMSRNS mark and
   whether the copy may lead the register (deferred) */
Test(model, records_of_shadowed_registers)
{
	struct model m = build(
		"msr MSR_A 0x20 { shadow percpu reset 0x80; nonserializing; }\n"
		"msr MSR_B[2] 0x30 { shadow percpu deferred; }\n"
		"msr MSR_C 0x40;\n");
	struct strbuf sb = { 0 };
	const char *s, *e;
	struct strbuf out = { 0 };

	render_model_text(&m, &sb);
	for (s = sb.s; (s = strstr(s, "MSRGEN_")); s = e) {
		e = strchr(s, '\n') + 1;
		if (!strncmp(s, "MSRGEN_SHADOW(", 14) || !strncmp(s, "MSRGEN_MSR(", 11))
			sb_putn(&out, s, (size_t)(e - s));
	}
	cr_assert_str_eq(out.s,
		"MSRGEN_MSR([[a]], [[MSR_A]], [[0x00000020]], [[a]], [[0]], [[rw]], [[any]], [[1]], [[[[]]]])m4_dnl\n"
		"MSRGEN_SHADOW([[a]], [[MSR_A]], [[0x00000020]], [[0x80]], [[1]], [[0]])m4_dnl\n"
		"MSRGEN_MSR([[b0]], [[MSR_B0]], [[0x00000030]], [[b]], [[0]], [[rw]], [[any]], [[0]], [[[[]]]])m4_dnl\n"
		"MSRGEN_SHADOW([[b0]], [[MSR_B0]], [[0x00000030]], [[0x0]], [[0]], [[1]])m4_dnl\n"
		"MSRGEN_MSR([[b1]], [[MSR_B1]], [[0x00000031]], [[b]], [[1]], [[rw]], [[any]], [[0]], [[[[]]]])m4_dnl\n"
		"MSRGEN_SHADOW([[b1]], [[MSR_B1]], [[0x00000031]], [[0x0]], [[0]], [[1]])m4_dnl\n"
		"MSRGEN_MSR([[c]], [[MSR_C]], [[0x00000040]], [[c]], [[0]], [[rw]], [[any]], [[0]], [[[[]]]])m4_dnl\n");
	cr_assert(m.decls.v[0]->shadow && m.decls.v[0]->shadow_reset == 0x80 && !m.decls.v[0]->shadow_deferred);
	cr_assert(m.decls.v[1]->shadow && m.decls.v[1]->shadow_deferred);
	cr_assert(!m.decls.v[2]->shadow);
	sb_free(&out);
	sb_free(&sb);
}

Test(model, sha256_known_answers)
{
	char hex[65];

	sha256_hex("", 0, hex);
	cr_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	cr_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	cr_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* An extension annotates an imported field without its bits: doc, access, values. */
Test(model, field_annotation_merges_into_the_field)
{
	struct model m = build("msr MSR_A 0x10 { field ENABLE 11; field MODE 3:2; }\n"
			       "msr MSR_A {\n"
			       "\tfield ENABLE { doc \"the enable\"; }\n"
			       "\tfield MODE ro { value FAST 2; }\n"
			       "}\n");
	const struct decl *d = m.decls.v[0];

	cr_assert_eq(d->fields.n, 2);
	cr_assert_str_eq(d->fields.v[0]->name.name, "ENABLE");
	cr_assert_eq(d->fields.v[0]->hi.v, 11);
	cr_assert_str_eq(d->fields.v[0]->doc, "the enable");
	cr_assert_eq(d->fields.v[0]->doc_pos.line, 5);
	cr_assert_eq(d->fields.v[1]->access, ACC_RO);
	cr_assert_eq(d->fields.v[1]->lo.v, 2);
	cr_assert_eq(d->fields.v[1]->values.n, 1);
	cr_assert_str_eq(d->fields.v[1]->values.v[0].name.name, "FAST");
	/* the tree is as written */
	cr_assert_eq(m.ast->msrs.v[0]->fields.v[0].doc, NULL);
	model_free(&m);
}

/* The records of text as target sees it (only lists), one kind of record */
static char *scoped_records(const char *text, const char *target, const char *kind)
{
	static struct ast ast;
	struct model m;
	struct strbuf sb = { 0 }, out = { 0 };
	char *all = xasprintf("%s%s", platforms, text);
	const char *s, *e;

	memset(&ast, 0, sizeof(ast));
	diag_reset();
	parse_string(&ast, "test.msr", all);
	scope_names(&ast, NULL);
	scope_tree(&ast, target);
	cr_assert(checks_build(&m, &ast), "unexpected errors");
	render_model_text(&m, &sb);
	sb_puts(&out, "");
	for (s = sb.s; *s; s = e) {
		e = strchr(s, '\n') + 1;
		if (!strncmp(s, kind, strlen(kind)))
			sb_putn(&out, s, (size_t)(e - s));
	}
	sb_free(&sb);
	model_free(&m);
	ast_free(&ast);
	free(all);
	return out.s;
}

static const char scoped[] =
	"msr MSR_NEW 0x10 { only t2; doc \"new\"; }\n"
	"msr MSR_NEW { xenpv write ignore; }\n"			/* goes with it */
	"msr MSR_OLD 0x11 { only t1; }\n"
	"msr MSR_X 0x12 {\n"
	"	alias MSR_X_OLD only t1;\n"
	"	field A 1 { only t2; }\n"
	"	field B 2;\n"
	"	xenpv read ignore 5 only t2;\n"
	"}\n"
	"msr MSR_X { field A { doc \"a\"; } }\n"		/* annotates a field t1 lacks */
	"msr MSR_Y 0x13 { only t1; }\n"
	"msr MSR_Y2 0x13 { only t2; }\n";			/* one address, two names */

Test(model, only_lists_scope_the_tables_per_target)
{
	cr_assert_str_eq(scoped_records(scoped, "t1", "MSRGEN_DECL("),
		"MSRGEN_DECL([[old]], [[MSR_OLD]], [[single]], [[0x00000011]], [[1]], [[1]], [[]], [[rw]], [[any]], [[0]], [[[[]]]])m4_dnl\n"
		"MSRGEN_DECL([[x]], [[MSR_X]], [[single]], [[0x00000012]], [[1]], [[1]], [[]], [[rw]], [[any]], [[0]], [[[[]]]])m4_dnl\n"
		"MSRGEN_DECL([[y]], [[MSR_Y]], [[single]], [[0x00000013]], [[1]], [[1]], [[]], [[rw]], [[any]], [[0]], [[[[]]]])m4_dnl\n");
	cr_assert_str_eq(scoped_records(scoped, "t1", "MSRGEN_ALIAS("),
		"MSRGEN_ALIAS([[x]], [[MSR_X_OLD]], [[any]])m4_dnl\n");
	cr_assert_str_eq(scoped_records(scoped, "t1", "MSRGEN_FIELD("),
		"MSRGEN_FIELD([[x]], [[B]], [[2]], [[2]], [[rw]], [[[[]]]])m4_dnl\n");
	cr_assert_str_eq(scoped_records(scoped, "t2", "MSRGEN_DECL("),
		"MSRGEN_DECL([[new]], [[MSR_NEW]], [[single]], [[0x00000010]], [[1]], [[1]], [[]], [[rw]], [[any]], [[0]], [[[[new]]]])m4_dnl\n"
		"MSRGEN_DECL([[x]], [[MSR_X]], [[single]], [[0x00000012]], [[1]], [[1]], [[]], [[rw]], [[any]], [[0]], [[[[]]]])m4_dnl\n"
		"MSRGEN_DECL([[y2]], [[MSR_Y2]], [[single]], [[0x00000013]], [[1]], [[1]], [[]], [[rw]], [[any]], [[0]], [[[[]]]])m4_dnl\n");
	cr_assert_str_eq(scoped_records(scoped, "t2", "MSRGEN_ALIAS("), "");
	cr_assert_str_eq(scoped_records(scoped, "t2", "MSRGEN_FIELD("),
		"MSRGEN_FIELD([[x]], [[A]], [[1]], [[1]], [[rw]], [[[[a]]]])m4_dnl\n"
		"MSRGEN_FIELD([[x]], [[B]], [[2]], [[2]], [[rw]], [[[[]]]])m4_dnl\n");
	cr_assert_str_eq(scoped_records(scoped, "t2", "MSRGEN_ON("),
		"MSRGEN_ON([[new]], [[MSR_NEW]], [[0x00000010]], [[rw]], [[0]], [[native]], [[]], [[passthrough]], [[]], [[]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[new]], [[MSR_NEW]], [[0x00000010]], [[rw]], [[0]], [[xenpv]], [[X86_FEATURE_XENPV]], [[passthrough]], [[]], [[]], [[ignore]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[x]], [[MSR_X]], [[0x00000012]], [[rw]], [[0]], [[native]], [[]], [[passthrough]], [[]], [[]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[x]], [[MSR_X]], [[0x00000012]], [[rw]], [[0]], [[xenpv]], [[X86_FEATURE_XENPV]], [[ignore]], [[0x5]], [[]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[y2]], [[MSR_Y2]], [[0x00000013]], [[rw]], [[0]], [[native]], [[]], [[passthrough]], [[]], [[]], [[passthrough]], [[]], [[]])m4_dnl\n"
		"MSRGEN_ON([[y2]], [[MSR_Y2]], [[0x00000013]], [[rw]], [[0]], [[xenpv]], [[X86_FEATURE_XENPV]], [[passthrough]], [[]], [[]], [[passthrough]], [[]], [[]])m4_dnl\n");
}

/* Without a target the tables are read whole */
Test(model, no_target_reads_every_only_list)
{
	cr_assert_str_eq(scoped_records("msr MSR_A 0x10 { only t1; field F 1 { only t1; } }\n"
					"msr MSR_B 0x11 { alias MSR_BB only t2; }\n", NULL, "MSRGEN_"),
		scoped_records("msr MSR_A 0x10 { field F 1; }\nmsr MSR_B 0x11 { alias MSR_BB; }\n",
			       NULL, "MSRGEN_"));
}

/* Read whole (no target), two kernels' names of one address are no clash
   when their only lists share no target; when they share one, they are */
Test(model, union_of_disjoint_targets_is_no_clash, .init = cr_redirect_stderr)
{
	static struct ast ast;
	struct model m;
	char *ok = xasprintf("%s%s", platforms,
			     "msr MSR_X 0x20 { xenpv read ignore; }\n"
			     "msr MSR_OLD 0x10 { only t1; alias MSR_NEW; }\n"
			     "msr MSR_NEW 0x10 { only t2; }\n");
	char *clash = xasprintf("%s%s", platforms,
				"msr MSR_X 0x20 { xenpv read ignore; }\n"
				"msr MSR_OLD 0x10 { only t1, t2; }\n"
				"msr MSR_NEW 0x10 { only t2; }\n");

	cr_assert_eq(model_from(&ast, &m, ok), 0);
	cr_assert_eq(m.regs.n, 3);
	model_free(&m);
	ast_free(&ast);
	cr_assert_eq(model_from(&ast, &m, clash), 1);
	fflush(stderr);
	cr_assert_stderr_eq_str(
		"test.msr:4:13: error: MSR_NEW and MSR_OLD are both at 0x00000010; declare one as an alias of the other\n"
		"msr MSR_OLD 0x10 { only t1, t2; }\n"
		"            ^~~~\n"
		"test.msr:5:13: note: MSR_NEW is declared here\n"
		"msr MSR_NEW 0x10 { only t2; }\n"
		"            ^~~~\n");
	free(ok);
	free(clash);
}
