// SPDX-License-Identifier: GPL-2.0
/* The scanner: token kinds, values and source positions. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <string.h>

#include "testutil.h"
#include "parser.h"

struct tok {
	int kind;
	YYSTYPE val;
	YYLTYPE loc;
};

static size_t lex_all(const char *text, struct tok *out, size_t max)
{
	static struct srcfile f;
	struct lexer lx;
	size_t n = 0;

	f.path = "t.msr";
	f.text = xstrdup(text);
	f.len = strlen(text);
	lex_init(&lx, &f);
	while (n < max) {
		out[n].kind = lex_next(&lx, &out[n].val, &out[n].loc);
		if (out[n++].kind == YYEOF)
			break;
	}
	return n;
}

Test(lexer, keywords_identifiers_numbers)
{
	struct tok t[16];
	size_t n = lex_all("msr MSR_FS_BASE 0xc0000100 { rw; }", t, 16);

	cr_assert_eq(n, 8);
	cr_assert_eq(t[0].kind, MSR);
	cr_assert_eq(t[1].kind, IDENT);
	cr_assert_str_eq(t[1].val.str, "MSR_FS_BASE");
	cr_assert_eq(t[2].kind, NUMBER);
	cr_assert_eq(t[2].val.num, 0xc0000100ULL);
	cr_assert_eq(t[3].kind, '{');
	cr_assert_eq(t[4].kind, RW);
	cr_assert_eq(t[5].kind, ';');
	cr_assert_eq(t[6].kind, '}');
	cr_assert_eq(t[7].kind, YYEOF);
}

Test(lexer, keyword_prefix_is_an_identifier)
{
	struct tok t[4];

	lex_all("msrs reading", t, 4);
	cr_assert_eq(t[0].kind, IDENT);
	cr_assert_str_eq(t[0].val.str, "msrs");
	cr_assert_eq(t[1].kind, IDENT);
}

Test(lexer, positions_are_line_and_byte_column)
{
	struct tok t[8];

	lex_all("# comment\n\tfield BASE 51:12;\n", t, 8);
	cr_assert_eq(t[0].kind, FIELD);
	cr_assert_eq(t[0].loc.line, 2);
	cr_assert_eq(t[0].loc.col, 2);
	cr_assert_eq(t[0].loc.end_col, 6);
	cr_assert_eq(t[2].kind, NUMBER);
	cr_assert_eq(t[2].val.num, 51);
	cr_assert_eq(t[2].loc.col, 13);
	cr_assert_eq(t[3].kind, ':');
	cr_assert_eq(t[4].val.num, 12);
}

Test(lexer, strings_and_escapes)
{
	struct tok t[4];

	lex_all("doc \"a \\\"b\\\" \\\\ c\";", t, 4);
	cr_assert_eq(t[1].kind, STRING);
	cr_assert_str_eq(t[1].val.str, "a \"b\" \\ c");
	cr_assert_eq(t[1].loc.col, 5);
	cr_assert_eq(t[1].loc.end_col, 18);
}

Test(lexer, dotdot_and_decimal)
{
	struct tok t[5];

	lex_all("0x10..255", t, 5);
	cr_assert_eq(t[0].val.num, 16);
	cr_assert_eq(t[1].kind, DOTDOT);
	cr_assert_eq(t[2].val.num, 255);
}

Test(lexer, largest_number)
{
	struct tok t[2];

	diag_reset();
	lex_all("0xffffffffffffffff", t, 2);
	cr_assert_eq(t[0].val.num, UINT64_MAX);
	cr_assert_eq(diag_errors(), 0);
}

Test(lexer, too_large_number, .init = cr_redirect_stderr)
{
	struct tok t[2];

	diag_reset();
	lex_all("18446744073709551616", t, 2);
	cr_assert_eq(t[0].kind, NUMBER);
	cr_assert_eq(diag_errors(), 1);
	fflush(stderr);
	cr_assert_stderr_eq_str("t.msr:1:1: error: number '18446744073709551616' does not fit in 64 bits\n"
				"18446744073709551616\n^~~~~~~~~~~~~~~~~~~~\n");
}

Test(lexer, stray_character_is_skipped, .init = cr_redirect_stderr)
{
	struct tok t[4];

	diag_reset();
	lex_all("msr $ x", t, 4);
	cr_assert_eq(t[0].kind, MSR);
	cr_assert_eq(t[1].kind, IDENT);
	cr_assert_eq(diag_errors(), 1);
	fflush(stderr);
	cr_assert_stderr_eq_str("t.msr:1:5: error: stray '$' in input\nmsr $ x\n    ^\n");
}
