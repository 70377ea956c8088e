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

#define __MSRGEN_RD_XEN(xen)						\
	ALTERNATIVE_3("call %c[dyn]\n\t",				\
		      __MSRGEN_RD_L, X86_FEATURE_ALWAYS,		\
		      __MSRGEN_RD_I, X86_FEATURE_MSR_IMM,		\
		      xen, X86_FEATURE_XENPV)

#define __MSRGEN_WR_PT_NS						\
	ALTERNATIVE_3(__MSRGEN_WR_LD,					\
		      __MSRGEN_WR_N, X86_FEATURE_WRMSRNS,		\
		      __MSRGEN_WR_I, X86_FEATURE_MSR_IMM,		\
		      __MSRGEN_WR_LD, X86_FEATURE_XENPV)

#define __MSRGEN_WR_XEN(xen)						\
	ALTERNATIVE_2("call %c[dyn]\n\t",				\
		      __MSRGEN_WR_L, X86_FEATURE_ALWAYS,		\
		      xen, X86_FEATURE_XENPV)

#define __MSRGEN_WR_XEN_NS(xen)						\
	ALTERNATIVE(ALTERNATIVE_3("call %c[dyn]\n\t",			\
				  __MSRGEN_WR_LD, X86_FEATURE_ALWAYS,	\
				  __MSRGEN_WR_N, X86_FEATURE_WRMSRNS,	\
				  __MSRGEN_WR_I, X86_FEATURE_MSR_IMM),	\
		    xen, X86_FEATURE_XENPV)

/*
 * Sites with Xen PV handling: before patching they call the register's
 * dynamic stub (operand dyn), on Xen PV its Xen stub (operand xen), a
 * constant (operand k) or nothing.
 */
#define __MSRGEN_XEN_CALL	"call %c[xen]\n\t"

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

#ifdef CONFIG_XEN_PV
/*
 * The sites of registers whose Xen PV handling is not passthrough: one
 * function per shape, the stubs as operands, so that a header every object
 * includes expands each shape once.  The dispatch below and the accessors
 * of asm/msr-gen-regs.h use them through the __msrgen_rd_stub(id, nr)
 * family, which names the stubs of register id.
 */
static __always_inline u64 __msrgen_rd_xen(u32 msr, void (*dyn)(void), void (*xen)(void))
{
	u64 val;

	asm_inline __volatile__(__MSRGEN_SITE_START __MSRGEN_RD_XEN(__MSRGEN_XEN_CALL)
				__MSRGEN_RD_END
				: "=a" (val), ASM_CALL_CONSTRAINT
				: [msr] "i" (msr), [dyn] "i" (dyn), [xen] "i" (xen)
				: "rcx", "rdx");
	return val;
}

static __always_inline int __msrgen_rd_xen_safe(u32 msr, u64 *p, void (*dyn)(void),
						void (*xen)(void))
{
	u64 val;
	int err;

	asm_inline __volatile__(__MSRGEN_SITE_START __MSRGEN_RD_XEN(__MSRGEN_XEN_CALL)
				__MSRGEN_RD_END_SAFE
				: [err] "=r" (err), "=a" (val), ASM_CALL_CONSTRAINT
				: [msr] "i" (msr), [dyn] "i" (dyn), [xen] "i" (xen)
				: "rcx", "rdx");
	*p = val;
	return err;
}
m4_divert(-1)
_mg_rd_k(bits): the read of an ignored register on Xen PV, a constant.
m4_define([[_mg_rd_k]], [[
static __always_inline u64 __msrgen_rd_xen_k$1(u32 msr, void (*dyn)(void), u64 k)
{
	u64 val;

	asm_inline __volatile__(__MSRGEN_SITE_START __MSRGEN_RD_XEN(__MSRGEN_RD_K$1)
				__MSRGEN_RD_END
				: "=a" (val), ASM_CALL_CONSTRAINT
				: [msr] "i" (msr), [dyn] "i" (dyn), [k] "i" (k)
				: "rcx", "rdx");
	return val;
}

static __always_inline int __msrgen_rd_xen_k$1_safe(u32 msr, u64 *p, void (*dyn)(void), u64 k)
{
	u64 val;
	int err;

	asm_inline __volatile__(__MSRGEN_SITE_START __MSRGEN_RD_XEN(__MSRGEN_RD_K$1)
				__MSRGEN_RD_END_SAFE
				: [err] "=r" (err), "=a" (val), ASM_CALL_CONSTRAINT
				: [msr] "i" (msr), [dyn] "i" (dyn), [k] "i" (k)
				: "rcx", "rdx");
	*p = val;
	return err;
}
]])
_mg_indent(n): n columns of tabs and spaces, as kernel style aligns a
continued parameter list with its open parenthesis.
m4_define([[_mg_rep]], [[m4_ifelse(m4_eval([[$1]] > 0), [[1]], [[$2[[]]_mg_rep(m4_eval([[$1]] - 1), [[$2]])]])]])
m4_define([[_mg_indent]], [[_mg_rep(m4_eval([[$1]] / 8), [[	]])[[]]_mg_rep(m4_eval([[$1]] % 8), [[ ]])]])
_mg_proto(head, params, xen parameter): head(params[, xen parameter on a continuation line]).
m4_define([[_mg_proto]], [[$1($2[[]]m4_ifelse([[$3]], [[]], [[)]], [[,
_mg_indent(m4_len([[$1(]]))$3)]])]])
_mg_wr_shape(name, composition, xen operand, xen parameter): a write shape.
m4_define([[_mg_wr_shape]], [[
_mg_proto([[static __always_inline void __msrgen_wr_$1]], [[u32 msr, u64 val, void (*dyn)(void)]], [[$4]])
{
	asm_inline __volatile__(__MSRGEN_SITE_START $2
				__MSRGEN_WR_END
				: ASM_CALL_CONSTRAINT
				: "a" (val), [msr] "i" (msr), [dyn] "i" (dyn)$3
				: "rcx", "rdx", "memory");
}

_mg_proto([[static __always_inline int __msrgen_wr_$1_safe]], [[u32 msr, u64 val, void (*dyn)(void)]], [[$4]])
{
	int err;

	asm_inline __volatile__(__MSRGEN_SITE_START $2
				__MSRGEN_WR_END_SAFE
				: [err] "=r" (err), ASM_CALL_CONSTRAINT
				: "a" (val), [msr] "i" (msr), [dyn] "i" (dyn)$3
				: "rcx", "rdx", "memory");
	return err;
}
]])
m4_divert(0)m4_dnl
_mg_rd_k([[32]])_mg_rd_k([[64]])m4_dnl
_mg_wr_shape([[xen]], [[__MSRGEN_WR_XEN(__MSRGEN_XEN_CALL)]], [[, [xen] "i" (xen)]], [[void (*xen)(void)]])m4_dnl
_mg_wr_shape([[xen_ign]], [[__MSRGEN_WR_XEN("")]], [[]], [[]])m4_dnl
_mg_wr_shape([[xen_ns]], [[__MSRGEN_WR_XEN_NS(__MSRGEN_XEN_CALL)]], [[, [xen] "i" (xen)]], [[void (*xen)(void)]])m4_dnl
_mg_wr_shape([[xen_ns_ign]], [[__MSRGEN_WR_XEN_NS("")]], [[]], [[]])m4_dnl

/* By register id: its stubs (arch/x86/xen/msr-gen-stubs.S) as operands. */
#define __msrgen_rd_stub(id, nr)					\
	__msrgen_rd_xen(nr, msrgen_dyn_stub_rd_##id, xen_msrgen_stub_rd_##id)
#define __msrgen_rd_stub_safe(id, nr, p)				\
	__msrgen_rd_xen_safe(nr, p, msrgen_dyn_stub_rd_##id, xen_msrgen_stub_rd_##id)
#define __msrgen_rd_k32(id, nr, kv)					\
	__msrgen_rd_xen_k32(nr, msrgen_dyn_stub_rd_##id, kv)
#define __msrgen_rd_k32_safe(id, nr, p, kv)				\
	__msrgen_rd_xen_k32_safe(nr, p, msrgen_dyn_stub_rd_##id, kv)
#define __msrgen_rd_k64(id, nr, kv)					\
	__msrgen_rd_xen_k64(nr, msrgen_dyn_stub_rd_##id, kv)
#define __msrgen_rd_k64_safe(id, nr, p, kv)				\
	__msrgen_rd_xen_k64_safe(nr, p, msrgen_dyn_stub_rd_##id, kv)
#define __msrgen_wr_stub(id, nr, val)					\
	__msrgen_wr_xen(nr, val, msrgen_dyn_stub_wr_##id, xen_msrgen_stub_wr_##id)
#define __msrgen_wr_stub_safe(id, nr, val)				\
	__msrgen_wr_xen_safe(nr, val, msrgen_dyn_stub_wr_##id, xen_msrgen_stub_wr_##id)
#define __msrgen_wr_ign(id, nr, val)					\
	__msrgen_wr_xen_ign(nr, val, msrgen_dyn_stub_wr_##id)
#define __msrgen_wr_ign_safe(id, nr, val)				\
	__msrgen_wr_xen_ign_safe(nr, val, msrgen_dyn_stub_wr_##id)
#define __msrgen_wr_ns_stub(id, nr, val)				\
	__msrgen_wr_xen_ns(nr, val, msrgen_dyn_stub_wr_##id, xen_msrgen_stub_wr_##id)
#define __msrgen_wr_ns_stub_safe(id, nr, val)				\
	__msrgen_wr_xen_ns_safe(nr, val, msrgen_dyn_stub_wr_##id, xen_msrgen_stub_wr_##id)
#define __msrgen_wr_ns_ign(id, nr, val)					\
	__msrgen_wr_xen_ns_ign(nr, val, msrgen_dyn_stub_wr_##id)
#define __msrgen_wr_ns_ign_safe(id, nr, val)				\
	__msrgen_wr_xen_ns_ign_safe(nr, val, msrgen_dyn_stub_wr_##id)

/*
 * The stubs: not C functions (they keep every register but the site's
 * outputs), only named here for the sites' operands.
 */
m4_divert(-1)
m4_define([[_mg_stub_decl]], [[m4_ifelse(_mg_has([[$1]], [[$2]])_mg_xen([[$1]], [[$2]]), [[11]], [[m4_divert(0)m4_dnl
void msrgen_dyn_stub_[[]]_mg_rw([[$2]])_$1(void);
m4_ifelse(_mg_stub([[$1]], [[$2]]), [[1]], [[void xen_msrgen_stub_[[]]_mg_rw([[$2]])_$1(void);
]])m4_divert(-1)]])]])
m4_define([[MSRGEN_MSR]], [[_mg_stub_decl([[$1]], [[read]])_mg_stub_decl([[$1]], [[write]])]])
MSRGEN_MODEL
m4_define([[MSRGEN_MSR]], [[]])
m4_divert(0)m4_dnl
#endif /* CONFIG_XEN_PV */

m4_divert(-1)
Dispatch: a case per register whose site is not the shared passthrough one.
_mg_case(once-key, address, name, statement): one case, once per address
and key (aliases share an address).
m4_define([[_mg_case]], [[m4_ifelse(_mg_once([[$1$2]]), [[1]], [[m4_divert(0)m4_dnl
		case $2:	/* $3 */
			$4;
m4_divert(-1)]])]])
Filters: the Xen PV read or write is not passthrough; a WRMSRNS write.
m4_define([[_mg_xrd]], [[_mg_has([[$1]], [[read]])_mg_xen([[$1]], [[read]])]])
m4_define([[_mg_xwr]], [[_mg_has([[$1]], [[write]])_mg_xen([[$1]], [[write]])]])
m4_define([[_mg_nswr]], [[_mg_has([[$1]], [[write]])_mg_ns([[$1]])]])
m4_divert(0)m4_dnl
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
#ifdef CONFIG_XEN_PV
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_ifelse(_mg_xrd([[$1]]), [[11]], [[_mg_case([[ra]], [[$3]], [[$2]], [[return _mg_rd_x([[$1]], [[$3]])]])]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
#endif
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
#ifdef CONFIG_XEN_PV
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_ifelse(_mg_xrd([[$1]]), [[11]], [[_mg_case([[rb]], [[$3]], [[$2]], [[return _mg_rd_x([[$1]], [[$3]], [[p]])]])]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
#endif
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
#ifdef CONFIG_XEN_PV
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_ifelse(_mg_xwr([[$1]]), [[11]], [[_mg_case([[wa]], [[$3]], [[$2]], [[_mg_wr_x([[$1]], [[$3]], [[val]]);
			return]])]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
#else
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_ifelse(_mg_xwr([[$1]])_mg_nswr([[$1]]), [[1111]], [[_mg_case([[wb]], [[$3]], [[$2]], [[__msrgen_wr_pt_ns($3, val);
			return]])]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
#endif
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_ifelse(m4_eval(_mg_xen([[$1]], [[write]]) == 0)_mg_nswr([[$1]]), [[111]], [[_mg_case([[wc]], [[$3]], [[$2]], [[__msrgen_wr_pt_ns($3, val);
			return]])]])]])
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
#ifdef CONFIG_XEN_PV
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_ifelse(_mg_xwr([[$1]]), [[11]], [[_mg_case([[wd]], [[$3]], [[$2]], [[return _mg_wr_x([[$1]], [[$3]], [[val]], [[safe]])]])]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
#else
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_ifelse(_mg_xwr([[$1]])_mg_nswr([[$1]]), [[1111]], [[_mg_case([[we]], [[$3]], [[$2]], [[return __msrgen_wr_pt_ns_safe($3, val)]])]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
#endif
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[m4_ifelse(m4_eval(_mg_xen([[$1]], [[write]]) == 0)_mg_nswr([[$1]]), [[111]], [[_mg_case([[wf]], [[$3]], [[$2]], [[return __msrgen_wr_pt_ns_safe($3, val)]])]])]])
MSRGEN_MODEL
m4_define([[MSRGEN_MSR]], [[]])
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
