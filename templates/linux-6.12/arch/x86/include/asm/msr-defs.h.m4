/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * The bit fields of the MSRs in msrgen's tables, for FIELD_GET() and
 * FIELD_PREP() of <linux/bitfield.h>: per field <MSR>_<FIELD>_SHIFT, _MASK
 * and _WIDTH, per named value of a field <MSR>_<FIELD>_<VALUE>, and per MSR
 * with reserved bits <MSR>_RES0.
 */
#ifndef _ASM_X86_MSR_DEFS_H
#define _ASM_X86_MSR_DEFS_H

#include <linux/bits.h>
m4_divert(-1)

The names 6.12's asm/msr-index.h defines already (with the same meaning):
those are left to it, with a comment.  tests/unit/test_xcheck.c checks
against the 7.3 tree that the 7.3 list is exact; for 6.12 the same two
names (checked against 6.12.118's msr-index.h).
m4_define([[_md_kernel_MSR_IA32_UMWAIT_CONTROL_TIME_MASK]])
m4_define([[_md_kernel_MSR_INTEGRITY_CAPS_SAF_GEN_MASK]])

_md_def(name, value): #define name value, unless msr-index.h has name.  That
no two names are one and none is an MSR's, names.conf tells msrgen's
emitted-name check.
m4_define([[_md_def]], [[m4_ifdef([[_md_kernel_$1]],
	[[/* $1 is msr-index.h's */]], [[#define $1	$2]])
]])

One block per MSR that has fields or reserved bits, after an empty line.
m4_define([[_md_block]], [[m4_ifelse(_mg_once([[block_$1]]), [[1]], [[
]])]])
m4_define([[MSRGEN_DECL]], [[_md_res0()m4_define([[_md_name]], [[$2]])m4_define([[_md_did]], [[$1]])]])
m4_define([[MSRGEN_FIELD]], [[m4_divert(0)_md_block([[$1]])m4_dnl
_md_def(_md_name[[_$2_SHIFT]], [[$4]])m4_dnl
_md_def(_md_name[[_$2_MASK]], [[GENMASK_ULL($3, $4)]])m4_dnl
_md_def(_md_name[[_$2_WIDTH]], m4_eval([[$3 - $4 + 1]]))m4_divert(-1)]])
m4_define([[MSRGEN_VALUE]], [[m4_divert(0)_md_def(_md_name[[_$2_$3]], [[ULL($4)]])m4_divert(-1)]])
The reserved ranges of the current MSR, written at its end.
m4_define([[_md_res]], [[]])
m4_define([[MSRGEN_RESERVED]], [[m4_define([[_md_res]], m4_defn([[_md_res]])m4_ifelse(m4_defn([[_md_res]]), [[]], [[]], [[ | ]])[[GENMASK_ULL($2, $3)]])]])
m4_define([[_md_res0]], [[m4_ifelse(m4_defn([[_md_res]]), [[]], [[]], [[m4_divert(0)_md_block(_md_did)m4_dnl
_md_def(_md_name[[_RES0]], m4_ifelse(m4_index(m4_defn([[_md_res]]), [[|]]), [[-1]], [[m4_defn([[_md_res]])]], [[(m4_defn([[_md_res]]))]]))m4_divert(-1)m4_define([[_md_res]], [[]])]])]])
MSRGEN_MODEL
_md_res0()
m4_divert(0)m4_dnl

#endif /* _ASM_X86_MSR_DEFS_H */
