/* SPDX-License-Identifier: GPL-2.0 */
MSRGEN_BANNER_C
/*
 * The harness's stand-in for the kernel's asm/msr-index.h: every MSR name
 * of the model (the macro of each register record, indexed MSRs as
 * function-like macros, aliases), so that generated C can name MSRs as
 * kernel code does (case MSR_IA32_APICBASE:) and still build here.
 */
#ifndef HARNESS_ASM_MSR_INDEX_H
#define HARNESS_ASM_MSR_INDEX_H
m4_divert(-1)
m4_define([[MSRGEN_DECL]], [[m4_define([[_h_name_$1]], [[$2]])m4_define([[_h_kind_$1]], [[$3]])m4_define([[_h_param_$1]], [[$7]])m4_ifelse([[$3]], [[indexed]], [[m4_divert(0)#define $2($7)	($4 + $6 * ($7))
m4_divert(-1)]])]])
An alias of a single or an indexed MSR (an array's has no one name).
m4_define([[MSRGEN_ALIAS]], [[m4_divert(0)m4_ifelse(m4_indir([[_h_kind_$1]]), [[single]],
	[[#define $2	m4_indir([[_h_name_$1]])
]], m4_indir([[_h_kind_$1]]), [[indexed]],
	[[#define $2(m4_indir([[_h_param_$1]]))	m4_indir([[_h_name_$1]])(m4_indir([[_h_param_$1]]))
]])m4_divert(-1)]])
A register named NAME(i) is covered by its indexed macro.
m4_define([[MSRGEN_MSR]], [[m4_ifelse(m4_index([[$2]], [[(]]), [[-1]], [[m4_divert(0)#define $2	$3
m4_divert(-1)]])]])
m4_divert(0)m4_dnl
MSRGEN_MODEL
m4_divert(0)m4_dnl
#endif
