/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
m4_include([[_accessors.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * Inline MSR accessors: every access with a constant MSR number is one
 * patchable site (see docs/emit-linux.md of msrgen):
 *
 *   read:  value out in %rax, clobbers %rcx, %rdx;
 *   write: value in %rax (preserved), clobbers %rcx, %rdx.
 *
 * The alternatives choose the legacy RDMSR/WRMSR, WRMSRNS, the immediate
 * forms, or the Xen PV action (constant, nothing, or a call of a stub).
 */
#ifndef _ASM_X86_MSR_GEN_H
#define _ASM_X86_MSR_GEN_H

#ifndef __ASSEMBLER__

#include <linux/types.h>
#include <linux/bits.h>
#include <asm/alternative.h>
#include <asm/asm.h>
#include <asm/cpufeatures.h>

/* Site variants (byte layouts in docs/emit-linux.md). */
#define __MSRGEN_RD_L					\
	"mov $%c[msr], %%ecx\n\t"			\
	"rdmsr\n\t"					\
	"shl $32, %%rdx\n\t"				\
	"or %%rdx, %%rax\n\t"

/* RDMSR $imm32, %rax: VEX.128.F2.M7.W0 F6 /0 id */
#define __MSRGEN_RD_I					\
	".byte 0xc4, 0xe7, 0x7b, 0xf6, 0xc0\n\t"	\
	".long %c[msr]\n\t"

#define __MSRGEN_RD_K32		"mov %[k], %%eax\n\t"
#define __MSRGEN_RD_K64		"movabs %[k], %%rax\n\t"

#define __MSRGEN_WR_PREP				\
	"mov $%c[msr], %%ecx\n\t"			\
	"mov %%rax, %%rdx\n\t"				\
	"shr $32, %%rdx\n\t"

#define __MSRGEN_WR_L		__MSRGEN_WR_PREP "wrmsr\n\t"
/* ds-prefixed WRMSR: as long as WRMSRNS, so no trailing NOP. */
#define __MSRGEN_WR_LD		__MSRGEN_WR_PREP "ds wrmsr\n\t"
/* WRMSRNS: 0f 01 c6 */
#define __MSRGEN_WR_N		__MSRGEN_WR_PREP ".byte 0x0f, 0x01, 0xc6\n\t"

/* WRMSRNS %rax, $imm32: VEX.128.F3.M7.W0 F6 /0 id */
#define __MSRGEN_WR_I					\
	".byte 0xc4, 0xe7, 0x7a, 0xf6, 0xc0\n\t"	\
	".long %c[msr]\n\t"

/* Composition of the sites, original first; the last eligible entry wins. */
#define __MSRGEN_RD_PT							\
	ALTERNATIVE_2(__MSRGEN_RD_L,					\
		      __MSRGEN_RD_I, X86_FEATURE_MSR_IMM,		\
		      __MSRGEN_RD_L, X86_FEATURE_XENPV)

#define __MSRGEN_RD_XEN(dyn, xen)					\
	ALTERNATIVE_3("call " dyn "\n\t",				\
		      __MSRGEN_RD_L, X86_FEATURE_ALWAYS,		\
		      __MSRGEN_RD_I, X86_FEATURE_MSR_IMM,		\
		      xen, X86_FEATURE_XENPV)

#define __MSRGEN_WR_PT_NS						\
	ALTERNATIVE_3(__MSRGEN_WR_LD,					\
		      __MSRGEN_WR_N, X86_FEATURE_WRMSRNS,		\
		      __MSRGEN_WR_I, X86_FEATURE_MSR_IMM,		\
		      __MSRGEN_WR_LD, X86_FEATURE_XENPV)

#define __MSRGEN_WR_XEN(dyn, xen)					\
	ALTERNATIVE_2("call " dyn "\n\t",				\
		      __MSRGEN_WR_L, X86_FEATURE_ALWAYS,		\
		      xen, X86_FEATURE_XENPV)

#define __MSRGEN_WR_XEN_NS(dyn, xen)					\
	ALTERNATIVE(ALTERNATIVE_3("call " dyn "\n\t",			\
				  __MSRGEN_WR_LD, X86_FEATURE_ALWAYS,	\
				  __MSRGEN_WR_N, X86_FEATURE_WRMSRNS,	\
				  __MSRGEN_WR_I, X86_FEATURE_MSR_IMM),	\
		    xen, X86_FEATURE_XENPV)

/* Sites with Xen PV handling, by register id (the stubs are named after it) */
#define __MSRGEN_RD_XEN_STUB(id)					\
	__MSRGEN_RD_XEN("msrgen_dyn_stub_rd_" #id,			\
			"call xen_msrgen_stub_rd_" #id "\n\t")
#define __MSRGEN_RD_XEN_K32(id)						\
	__MSRGEN_RD_XEN("msrgen_dyn_stub_rd_" #id, __MSRGEN_RD_K32)
#define __MSRGEN_RD_XEN_K64(id)						\
	__MSRGEN_RD_XEN("msrgen_dyn_stub_rd_" #id, __MSRGEN_RD_K64)
#define __MSRGEN_WR_XEN_STUB(id)					\
	__MSRGEN_WR_XEN("msrgen_dyn_stub_wr_" #id,			\
			"call xen_msrgen_stub_wr_" #id "\n\t")
#define __MSRGEN_WR_XEN_IGN(id)						\
	__MSRGEN_WR_XEN("msrgen_dyn_stub_wr_" #id, "")
#define __MSRGEN_WR_XEN_NS_STUB(id)					\
	__MSRGEN_WR_XEN_NS("msrgen_dyn_stub_wr_" #id,			\
			   "call xen_msrgen_stub_wr_" #id "\n\t")
#define __MSRGEN_WR_XEN_NS_IGN(id)					\
	__MSRGEN_WR_XEN_NS("msrgen_dyn_stub_wr_" #id, "")

/*
 * The end of a site and its exception table: one entry per offset that may
 * fault (0: immediate form or stub call; 5: legacy RDMSR; 12: legacy
 * WRMSR/WRMSRNS), all going on at the end of the site (_safe: after the
 * clearing of the error).
 */
#define __MSRGEN_SITE_START	"880:\n\t"

#define __MSRGEN_RD_END							\
	"881:\n\t"							\
	_ASM_EXTABLE_TYPE(880b, 881b, EX_TYPE_RDMSR)			\
	_ASM_EXTABLE_TYPE(880b + 5, 881b, EX_TYPE_RDMSR)

#define __MSRGEN_RD_END_SAFE						\
	"881:\n\t"							\
	"xor %[err], %[err]\n"						\
	"882:\n\t"							\
	_ASM_EXTABLE_TYPE_REG(880b, 882b, EX_TYPE_RDMSR_SAFE, %[err])	\
	_ASM_EXTABLE_TYPE_REG(880b + 5, 882b, EX_TYPE_RDMSR_SAFE, %[err])

#define __MSRGEN_WR_END_LEGACY						\
	"881:\n\t"							\
	_ASM_EXTABLE_TYPE(880b + 12, 881b, EX_TYPE_WRMSR)

#define __MSRGEN_WR_END_LEGACY_SAFE					\
	"881:\n\t"							\
	"xor %[err], %[err]\n"						\
	"882:\n\t"							\
	_ASM_EXTABLE_TYPE_REG(880b + 12, 882b, EX_TYPE_WRMSR_SAFE, %[err])

#define __MSRGEN_WR_END							\
	"881:\n\t"							\
	_ASM_EXTABLE_TYPE(880b + 12, 881b, EX_TYPE_WRMSR)		\
	_ASM_EXTABLE_TYPE(880b, 881b, EX_TYPE_WRMSR)

#define __MSRGEN_WR_END_SAFE						\
	"881:\n\t"							\
	"xor %[err], %[err]\n"						\
	"882:\n\t"							\
	_ASM_EXTABLE_TYPE_REG(880b + 12, 882b, EX_TYPE_WRMSR_SAFE, %[err]) \
	_ASM_EXTABLE_TYPE_REG(880b, 882b, EX_TYPE_WRMSR_SAFE, %[err])

/* The shared shapes of passthrough registers (number as an immediate). */
static __always_inline u64 __msrgen_rd_pt(u32 msr)
{
	u64 val;

	asm_inline __volatile__(__MSRGEN_SITE_START __MSRGEN_RD_PT
				__MSRGEN_RD_END
				: "=a" (val)
				: [msr] "i" (msr)
				: "rcx", "rdx");
	return val;
}

static __always_inline int __msrgen_rd_pt_safe(u32 msr, u64 *p)
{
	u64 val;
	int err;

	asm_inline __volatile__(__MSRGEN_SITE_START __MSRGEN_RD_PT
				__MSRGEN_RD_END_SAFE
				: [err] "=r" (err), "=a" (val)
				: [msr] "i" (msr)
				: "rcx", "rdx");
	*p = val;
	return err;
}

static __always_inline void __msrgen_wr_pt(u32 msr, u64 val)
{
	asm volatile(__MSRGEN_SITE_START __MSRGEN_WR_L
		     __MSRGEN_WR_END_LEGACY
		     : : "a" (val), [msr] "i" (msr)
		     : "rcx", "rdx", "memory");
}

static __always_inline int __msrgen_wr_pt_safe(u32 msr, u64 val)
{
	int err;

	asm volatile(__MSRGEN_SITE_START __MSRGEN_WR_L
		     __MSRGEN_WR_END_LEGACY_SAFE
		     : [err] "=r" (err)
		     : "a" (val), [msr] "i" (msr)
		     : "rcx", "rdx", "memory");
	return err;
}

static __always_inline void __msrgen_wr_pt_ns(u32 msr, u64 val)
{
	asm_inline __volatile__(__MSRGEN_SITE_START __MSRGEN_WR_PT_NS
				__MSRGEN_WR_END
				: : "a" (val), [msr] "i" (msr)
				: "rcx", "rdx", "memory");
}

static __always_inline int __msrgen_wr_pt_ns_safe(u32 msr, u64 val)
{
	int err;

	asm_inline __volatile__(__MSRGEN_SITE_START __MSRGEN_WR_PT_NS
				__MSRGEN_WR_END_SAFE
				: [err] "=r" (err)
				: "a" (val), [msr] "i" (msr)
				: "rcx", "rdx", "memory");
	return err;
}

/*
 * The accessors of the MSRs whose Xen PV handling is not passthrough or
 * whose writes may use WRMSRNS: the dispatch below names them.  Those of
 * every other MSR, and the field helpers, are in asm/msr-gen-regs.h.
 */
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_ifelse(_mg_core([[$1]]), [[1]], [[m4_divert(0)_mg_accessors([[$1]], [[$2]], [[$3]], [[$10]])m4_divert(-1)]])]])
MSRGEN_MODEL
m4_define([[MSRGEN_MSR]], [[]])

Dispatch: cases for registers whose handling is not the plain passthrough shape.
m4_define([[_mg_case_rd]], [[m4_ifelse(_mg_has([[$1]], [[read]])_mg_xen([[$1]], [[read]])_mg_once([[rd$5$3]]), [[111]], [[m4_divert(0)m4_dnl
		case $3:	/* $2 */
			return msr_read_$1[[]]$4;
m4_divert(-1)]])]])
m4_define([[_mg_case_wr]], [[m4_ifelse(_mg_has([[$1]], [[write]])m4_eval(_mg_xen([[$1]], [[write]]) || _mg_ns([[$1]]))_mg_once([[wr$5$3]]), [[111]], [[m4_divert(0)m4_dnl
		case $3:	/* $2 */
			$4;
m4_divert(-1)]])]])
m4_divert(0)
/*
 * Dispatch of rdmsrq(), wrmsrq(), rdmsrq_safe() and wrmsrq_safe(): a constant
 * MSR number selects its site; any other number takes the generic path (the
 * definitions in effect before this header: paravirt or native).
 */
static __always_inline u64 __msrgen_generic_rdmsrq(u32 msr)
{
	u64 val;

	rdmsrq(msr, val);
	return val;
}

static __always_inline u64 msrgen_rdmsrq(u32 msr)
{
	if (__builtin_constant_p(msr)) {
		switch (msr) {
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[_mg_case_rd([[$1]], [[$2]], [[$3]], [[()]], [[a]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
		default:
			return __msrgen_rd_pt(msr);
		}
	}
	return __msrgen_generic_rdmsrq(msr);
}

static __always_inline int msrgen_rdmsrq_safe(u32 msr, u64 *p)
{
	if (__builtin_constant_p(msr)) {
		switch (msr) {
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[_mg_case_rd([[$1]], [[$2]], [[$3]], [[_safe(p)]], [[b]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
		default:
			return __msrgen_rd_pt_safe(msr, p);
		}
	}
	return (rdmsrq_safe)(msr, p);
}

static __always_inline void msrgen_wrmsrq(u32 msr, u64 val)
{
	if (__builtin_constant_p(msr)) {
		switch (msr) {
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[_mg_case_wr([[$1]], [[$2]], [[$3]], [[msr_write_$1(val);
			return]], [[a]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
		default:
			__msrgen_wr_pt(msr, val);
			return;
		}
	}
	(wrmsrq)(msr, val);
}

static __always_inline int msrgen_wrmsrq_safe(u32 msr, u64 val)
{
	if (__builtin_constant_p(msr)) {
		switch (msr) {
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[_mg_case_wr([[$1]], [[$2]], [[$3]], [[return msr_write_$1_safe(val)]], [[b]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
		default:
			return __msrgen_wr_pt_safe(msr, val);
		}
	}
	return (wrmsrq_safe)(msr, val);
}

#undef rdmsrq
#define rdmsrq(msr, val)	((val) = msrgen_rdmsrq(msr))
#define rdmsrq_safe(msr, p)	msrgen_rdmsrq_safe((msr), (p))
#define wrmsrq(msr, val)	msrgen_wrmsrq((msr), (val))
#define wrmsrq_safe(msr, val)	msrgen_wrmsrq_safe((msr), (val))

#endif /* !__ASSEMBLER__ */
#endif /* _ASM_X86_MSR_GEN_H */
