/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
#ifndef _XEN_MSR_GEN_H
#define _XEN_MSR_GEN_H

#include <linux/types.h>

/* Handlers named by the MSR tables. */
m4_divert(-1)
_mg_params(n): the parameters for call's n constant arguments, each with a
comma: unsigned long arg1, ...
m4_define([[_mg_params]], [[m4_ifelse([[$1]], [[0]], [[]], [[_mg_params(m4_decr([[$1]]))unsigned long arg$1, ]])]])
m4_define([[MSRGEN_HANDLER]], [[m4_ifelse([[$3]], [[X86_FEATURE_XENPV]], [[m4_divert(0)m4_dnl
m4_ifelse([[$4]], [[call]], [[int $1(_mg_params([[$6]])m4_ifelse([[$5]], [[read]], [[u64 *val]], [[u64 val]]));]], [[void $1(u64 *val);]])
m4_divert(-1)]])]])
MSRGEN_MODEL
m4_define([[MSRGEN_HANDLER]], [[]])
m4_divert(0)
#endif /* _XEN_MSR_GEN_H */
