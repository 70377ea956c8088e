/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
m4_include([[_accessors.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * Named MSR accessors: msr_read_<msr>(), msr_write_<msr>() and their _safe
 * variants for every MSR of msrgen's tables, and the field helpers of the
 * MSRs.  asm/msr.h includes only asm/msr-gen.h (the sites and the dispatch
 * of rdmsrq() and friends); include this header where the named accessors
 * or the field helpers are used.
 */
#ifndef _ASM_X86_MSR_GEN_REGS_H
#define _ASM_X86_MSR_GEN_REGS_H

#ifndef __ASSEMBLER__

#include <linux/bits.h>
#include <asm/msr.h>
m4_divert(-1)


Field helpers.
m4_define([[MSRGEN_FIELD]], [[m4_divert(0)
/* m4_ifelse([[$6]], [[]], [[$2]], [[$2: $6]]) */
#define MSRGEN_[[]]_mg_upper([[$1]])_[[]]_mg_upper([[$2]])_SHIFT	$4
#define MSRGEN_[[]]_mg_upper([[$1]])_[[]]_mg_upper([[$2]])_MASK	GENMASK_ULL($3, $4)

static __always_inline u64 msr_$1_get_[[]]_mg_lower([[$2]])(u64 v)
{
	return (v & MSRGEN_[[]]_mg_upper([[$1]])_[[]]_mg_upper([[$2]])_MASK) >>
	       MSRGEN_[[]]_mg_upper([[$1]])_[[]]_mg_upper([[$2]])_SHIFT;
}
m4_ifelse([[$5]], [[ro]], [[]], [[
static __always_inline u64 msr_$1_set_[[]]_mg_lower([[$2]])(u64 v, u64 f)
{
	return (v & ~MSRGEN_[[]]_mg_upper([[$1]])_[[]]_mg_upper([[$2]])_MASK) |
	       ((f << MSRGEN_[[]]_mg_upper([[$1]])_[[]]_mg_upper([[$2]])_SHIFT) &
		MSRGEN_[[]]_mg_upper([[$1]])_[[]]_mg_upper([[$2]])_MASK);
}
]])m4_divert(-1)]])
m4_define([[MSRGEN_VALUE]], [[m4_divert(0)m4_ifelse(_mg_once([[val_$1_$2]]), [[1]], [[
]])m4_dnl
#define MSRGEN_[[]]_mg_upper([[$1]])_[[]]_mg_upper([[$2]])_[[]]_mg_upper([[$3]])	$4ULL
m4_divert(-1)]])
m4_divert(0)
/* Field helpers: MSRGEN_<MSR>_<FIELD>_{MASK,SHIFT}, msr_<msr>_{get,set}_<field>() */
m4_divert(-1)
MSRGEN_MODEL
m4_define([[MSRGEN_FIELD]], [[]])
m4_define([[MSRGEN_VALUE]], [[]])


m4_divert(0)
/* Accessors (the sites of asm/msr-gen.h) */
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_divert(0)_mg_accessors([[$1]], [[$2]], [[$3]], [[$10]])m4_divert(-1)]])
MSRGEN_MODEL
m4_define([[MSRGEN_MSR]], [[]])
m4_divert(0)
#endif /* !__ASSEMBLER__ */
#endif /* _ASM_X86_MSR_GEN_REGS_H */
