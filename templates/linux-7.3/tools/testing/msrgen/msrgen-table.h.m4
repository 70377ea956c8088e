/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * The MSR table as X-macro lists, for userspace tests of the generated
 * accessors (msrgen's tests/harness).
 *
 * MSRGEN_TEST_READS(X):  X(id, addr, "macro", xen_kind, xen_arg, (args))
 * MSRGEN_TEST_WRITES(X): X(id, addr, "macro", ns, xen_kind, xen_arg, (args))
 *
 * xen_kind: passthrough, ignore, call, perf or fixup; xen_arg: the constant a
 * read yields (ignore), the handler (call), the adjuster (fixup), else none.
 */
#ifndef _MSRGEN_TABLE_H
#define _MSRGEN_TABLE_H

/* The lists are one argument of this, so that they read as one expression. */
#define __MSRGEN_TEST_LIST(...)	__VA_ARGS__
m4_divert(-1)
m4_define([[_mg_targ]], [[m4_ifelse(_mg_xk([[$1]], [[$2]]), [[ignore]], [[m4_ifelse([[$2]], [[read]], _mg_xa([[$1]], [[$2]])ULL, [[none]])]], _mg_xa([[$1]], [[$2]]), [[]], [[none]], [[_mg_xa([[$1]], [[$2]])]])]])
m4_define([[_mg_trd]], [[m4_ifelse(_mg_has([[$1]], [[read]]), [[1]], [[m4_divert(0)m4_dnl
	X($1, $3, "$2", \
	  _mg_xk([[$1]], [[read]]), _mg_targ([[$1]], [[read]]), (_mg_xargs([[$1]], [[read]]))) \
m4_divert(-1)]])]])
m4_define([[_mg_twr]], [[m4_ifelse(_mg_has([[$1]], [[write]]), [[1]], [[m4_divert(0)m4_dnl
	X($1, $3, "$2", \
	  _mg_ns([[$1]]), _mg_xk([[$1]], [[write]]), _mg_targ([[$1]], [[write]]), (_mg_xargs([[$1]], [[write]]))) \
m4_divert(-1)]])]])
m4_divert(0)
#define MSRGEN_TEST_READS(X) __MSRGEN_TEST_LIST( \
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[_mg_trd([[$1]], [[$2]], [[$3]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
	)

#define MSRGEN_TEST_WRITES(X) __MSRGEN_TEST_LIST( \
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[_mg_twr([[$1]], [[$2]], [[$3]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
	)

#endif /* _MSRGEN_TABLE_H */
