/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
#ifndef _XEN_MSR_GEN_H
#define _XEN_MSR_GEN_H

#include <linux/types.h>

/* Handlers named by the MSR tables. */
m4_divert(-1)
_mg_args_t(args): the parameters for call's constant arguments: unsigned long arg1, ...
m4_define([[_mg_args_t]], [[_mg_args_t1([[$1]], 1)]])
m4_define([[_mg_args_t1]], [[m4_ifelse(m4_index([[$1]], [[,]]), [[-1]], [[unsigned long arg$2]],
	[[unsigned long arg$2, _mg_args_t1(m4_substr([[$1]], m4_incr(m4_index([[$1]], [[,]]))), m4_incr($2))]])]])
m4_define([[MSRGEN_HANDLE]], [[m4_ifelse([[$5]], [[X86_FEATURE_XENPV]], [[m4_ifelse(
	[[$7]], [[call]], [[m4_ifelse(_mg_once([[proto_$8_$6]]), [[1]], [[m4_divert(0)m4_dnl
int $8(m4_ifelse([[$9]], [[]], [[]], [[_mg_args_t([[$9]]), ]])m4_ifelse([[$6]], [[read]], [[u64 *val]], [[u64 val]]));
m4_divert(-1)]])]],
	[[$7]], [[fixup]], [[m4_ifelse(_mg_once([[proto_$8]]), [[1]], [[m4_divert(0)m4_dnl
void $8(u64 *val);
m4_divert(-1)]])]])]])]])
MSRGEN_MODEL
m4_define([[MSRGEN_HANDLE]], [[]])
m4_divert(0)
#endif /* _XEN_MSR_GEN_H */
