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
_mg_targ(kind, arg, dir): xen_arg of a direction's Xen PV handling.
m4_define([[_mg_targ]], [[m4_ifelse([[$1]], [[ignore]], [[m4_ifelse([[$3]], [[read]], [[$2ULL]], [[none]])]], [[$2]], [[]], [[none]], [[$2]])]])
m4_define([[_mg_trd]], [[m4_ifelse([[$8]], [[]], [[]], [[m4_divert(0)m4_dnl
	X($1, $3, "$2", \
	  $8, _mg_targ([[$8]], [[$9]], [[read]]), ($10)) \
m4_divert(-1)]])]])
m4_define([[_mg_twr]], [[m4_ifelse([[$11]], [[]], [[]], [[m4_divert(0)m4_dnl
	X($1, $3, "$2", \
	  $5, $11, _mg_targ([[$11]], [[$12]], [[write]]), ($13)) \
m4_divert(-1)]])]])
m4_divert(0)
#define MSRGEN_TEST_READS(X) __MSRGEN_TEST_LIST( \
m4_divert(-1)
_mg_xenpv([[_mg_trd]])
m4_divert(0)m4_dnl
	)

#define MSRGEN_TEST_WRITES(X) __MSRGEN_TEST_LIST( \
m4_divert(-1)
_mg_xenpv([[_mg_twr]])
m4_divert(0)m4_dnl
	)

#endif /* _MSRGEN_TABLE_H */
