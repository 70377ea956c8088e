/* SPDX-License-Identifier: GPL-2.0 */
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * The MSR accessors: rdmsrq(), wrmsrq(), rdmsr(), wrmsr(), their _safe
 * forms and wrmsrns().  A constant MSR number gives one inline site whose
 * bytes the alternatives choose (the legacy instruction, WRMSRNS, the
 * immediate forms, or on Xen PV what the MSR tables say); any other number
 * gives the plain instruction, or on Xen PV a call of xen_pv_rdmsr() or
 * xen_pv_wrmsr().  Byte layouts: docs/emit-linux.md of msrgen.
 */
#ifndef _ASM_X86_MSR_GEN_H
#define _ASM_X86_MSR_GEN_H

#ifndef __ASSEMBLER__

#include <linux/build_bug.h>
#include <linux/errno.h>
m4_divert(-1)_mg_shadowing()_mg_sh_text()m4_dnl
#include <linux/percpu.h>
m4_divert(0)m4_dnl
#include <linux/types.h>
#include <asm/alternative.h>
#include <asm/asm.h>
#include <asm/cpufeatures.h>
#include <asm/msr-gen-extable.h>

/* The tracepoints of asm/msr.h, at every site. */
static __always_inline void __msr_trace_rd(u32 msr, u64 val, int err)
{
	if (tracepoint_enabled(read_msr))
		do_trace_read_msr(msr, val, err);
}

static __always_inline void __msr_trace_wr(u32 msr, u64 val, int err)
{
	if (tracepoint_enabled(write_msr))
		do_trace_write_msr(msr, val, err);
}

/*
 * Every site records itself in .msr_sites for "msrgen sites VMLINUX": its
 * address, the MSR number (0xffffffff if it is not a constant), a flags
 * byte (1 write, 2 _safe, 4 wrmsrns, 8 not a constant) and 3 zero bytes.
 * The section is not allocated: vmlinux.lds.S keeps it out of the image.
 */
#define __MSR_REC(label, msr, flags)					\
	".pushsection .msr_sites, \"\", @progbits\n\t"			\
	_ASM_PTR " " label "\n\t"					\
	".long " msr "\n\t"						\
	".byte " #flags ", 0, 0, 0\n\t"					\
	".popsection\n\t"
m4_divert(-1)
The instruction shapes: _mg_rd(suffix, record MSR, flags, operand), and so
on.  __msr_*_native() take any number ("0xffffffff" and flag 8 in the
record), __msr_*_pt() a constant (its number, and the [msr] operand).
m4_define([[_mg_rd]], [[
static __always_inline u64 __msr_rd_$1(u32 msr)
{
	EAX_EDX_DECLARE_ARGS(val, low, high);

	asm __volatile__("1: rdmsr\n"
		     "2:\n"
		     _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_RDMSR | EX_FLAG_MSR_PV)
		     __MSR_REC("1b", $2, $3)
		     : EAX_EDX_RET(val, low, high) : "c" (msr)$4);
	return EAX_EDX_VAL(val, low, high);
}
]])
m4_define([[_mg_rds]], [[
static __always_inline int __msr_rd_$1_safe(u32 msr, u64 *p)
{
	EAX_EDX_DECLARE_ARGS(val, low, high);
	int err;

	asm __volatile__("1: rdmsr ; xor %[err], %[err]\n"
		     "2:\n"
		     _ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_RDMSR_SAFE, %[err])
		     __MSR_REC("1b", $2, $3)
		     : [err] "=r" (err), EAX_EDX_RET(val, low, high)
		     : "c" (msr)$4);
	*p = EAX_EDX_VAL(val, low, high);
	return err;
}
]])
m4_define([[_mg_wr]], [[
static __always_inline void __msr_wr_$1(u32 msr, u64 val)
{
	asm __volatile__("1: wrmsr\n"
		     "2:\n"
		     _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_WRMSR | EX_FLAG_MSR_PV)
		     __MSR_REC("1b", $2, $3)
		     : : "c" (msr), "a" ((u32)val), "d" ((u32)(val >> 32))$4
		     : "memory");
}
]])
m4_define([[_mg_wrs]], [[
static __always_inline int __msr_wr_$1_safe(u32 msr, u64 val)
{
	int err;

	asm __volatile__("1: wrmsr ; xor %[err], %[err]\n"
		     "2:\n"
		     _ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_WRMSR_SAFE, %[err])
		     __MSR_REC("1b", $2, $3)
		     : [err] "=a" (err)
		     : "c" (msr), "0" ((u32)val), "d" ((u32)(val >> 32))$4
		     : "memory");
	return err;
}
]])
m4_define([[_mg_wrns]], [[
static __always_inline void __msr_wrns_$1(u32 msr, u64 val)
{
	asm __volatile__("1: " ALTERNATIVE("ds wrmsr", ".byte 0x0f, 0x01, 0xc6",
				       X86_FEATURE_WRMSRNS)
		     "2:\n"
		     _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_WRMSR)
		     __MSR_REC("1b", $2, $3)
		     : : "c" (msr), "a" ((u32)val), "d" ((u32)(val >> 32))$4
		     : "memory");
}
]])
m4_define([[_mg_var]], [[[["0xffffffff"]]]])
m4_define([[_mg_const]], [[[["%c[msr]"]]]])
m4_define([[_mg_msrop]], [[[[, [msr] "i" (msr)]]]])
m4_divert(0)m4_dnl

/*
 * Any MSR number: the instruction.  A failing rdmsrq() or wrmsrq() of a
 * Xen PV guest with xen_msr_safe goes unreported (EX_FLAG_MSR_PV), as
 * it did when it went through paravirt ops.
 */
_mg_rd([[native]], _mg_var, 8)m4_dnl
_mg_rds([[native]], _mg_var, 10)m4_dnl
_mg_wr([[native]], _mg_var, 9)m4_dnl
_mg_wrs([[native]], _mg_var, 11)m4_dnl

/*
 * wrmsrns() did not go through paravirt ops in 7.3: its faults are reported
 * on Xen PV as they were (no EX_FLAG_MSR_PV).  WRMSR is 2 bytes, WRMSRNS 3:
 * a redundant DS prefix avoids a NOP.
 */
_mg_wrns([[native]], _mg_var, 13)m4_dnl

/* A constant number of an MSR that every platform lets trap: the instruction. */
_mg_wr([[pt]], _mg_const, 1, _mg_msrop)m4_dnl
_mg_wrs([[pt]], _mg_const, 3, _mg_msrop)m4_dnl

#ifdef CONFIG_X86_64
/*
 * Sites of a constant MSR number.  Reads leave the value in %rax; _safe
 * reads the error in %edx, _safe writes in %eax.  The immediate forms
 * (RDMSR and WRMSRNS with an imm32, VEX map 7, opcode F6) name %rax:
 *
 *   RDMSR $imm32, %rax:	c4 e7 7b f6 c0 imm32
 *   WRMSRNS %rax, $imm32:	c4 e7 7a f6 c0 imm32
 */
#define __MSR_RD_L					\
	"mov $%c[msr], %%ecx\n\t"			\
	"rdmsr\n\t"					\
	"shl $32, %%rdx\n\t"				\
	"or %%rdx, %%rax\n\t"
#define __MSR_RD_I					\
	".byte 0xc4, 0xe7, 0x7b, 0xf6, 0xc0\n\t"	\
	".long %c[msr]\n\t"
#define __MSR_RD_OK		"xor %%edx, %%edx\n\t"

/* Writes: the value in %rax, its high half in %edx. */
#define __MSR_WR_L		"mov $%c[msr], %%ecx\n\twrmsr\n\t"
#define __MSR_WR_LD		"mov $%c[msr], %%ecx\n\tds wrmsr\n\t"
#define __MSR_WR_N		"mov $%c[msr], %%ecx\n\t.byte 0x0f, 0x01, 0xc6\n\t"
#define __MSR_WR_I					\
	".byte 0xc4, 0xe7, 0x7a, 0xf6, 0xc0\n\t"	\
	".long %c[msr]\n\t"
#define __MSR_WR_OK		"xor %%eax, %%eax\n\t"

/*
 * The exception table of a site: the instruction is at offset 0 (the
 * immediate forms) or 5 (after "mov $msr, %ecx"); either way execution
 * goes on after the site.  Then the site's record.
 */
#define __MSR_SITE_END(type, flags)					\
	"881:\n\t"							\
	_ASM_EXTABLE_TYPE(880b, 881b, type)				\
	_ASM_EXTABLE_TYPE(880b + 5, 881b, type)				\
	__MSR_REC("880b", "%c[msr]", flags)
#define __MSR_SITE_END_REG(type, reg, flags)				\
	"881:\n\t"							\
	_ASM_EXTABLE_TYPE_REG(880b, 881b, type, reg)			\
	_ASM_EXTABLE_TYPE_REG(880b + 5, 881b, type, reg)		\
	__MSR_REC("880b", "%c[msr]", flags)
#define __MSR_END_RD		__MSR_SITE_END(EX_TYPE_RDMSR | EX_FLAG_MSR_PV, 0)
#define __MSR_END_RD_SAFE	__MSR_SITE_END_REG(EX_TYPE_RDMSR_SAFE, %%edx, 2)
#define __MSR_END_WR		__MSR_SITE_END(EX_TYPE_WRMSR | EX_FLAG_MSR_PV, 1)
#define __MSR_END_WR_SAFE	__MSR_SITE_END_REG(EX_TYPE_WRMSR_SAFE, %%eax, 3)
#define __MSR_END_WRNS		__MSR_SITE_END(EX_TYPE_WRMSR, 5)
#define __MSR_END_WRNS_PV	__MSR_SITE_END(EX_TYPE_WRMSR | EX_FLAG_MSR_PV, 5)

#define __MSR_RD_SITE(ok)						\
	ALTERNATIVE_2(__MSR_RD_L ok,					\
		      __MSR_RD_I ok, X86_FEATURE_MSR_IMM,		\
		      __MSR_RD_L ok, X86_FEATURE_XENPV)

#define __MSR_WRNS_SITE(ok)						\
	ALTERNATIVE_3(__MSR_WR_LD ok,					\
		      __MSR_WR_N ok, X86_FEATURE_WRMSRNS,		\
		      __MSR_WR_I ok, X86_FEATURE_MSR_IMM,		\
		      __MSR_WR_LD ok, X86_FEATURE_XENPV)

static __always_inline u64 __msr_rd_pt(u32 msr)
{
	u64 val;

	asm_inline __volatile__("880:\n\t" __MSR_RD_SITE("")
			    __MSR_END_RD
			    : "=a" (val) : [msr] "i" (msr) : "rcx", "rdx");
	return val;
}

static __always_inline int __msr_rd_pt_safe(u32 msr, u64 *p)
{
	u64 val;
	int err;

	asm_inline __volatile__("880:\n\t" __MSR_RD_SITE(__MSR_RD_OK)
			    __MSR_END_RD_SAFE
			    : "=a" (val), "=d" (err) : [msr] "i" (msr) : "rcx");
	*p = val;
	return err;
}

static __always_inline void __msr_wrns_pt(u32 msr, u64 val)
{
	u32 high = val >> 32;

	asm_inline __volatile__("880:\n\t" __MSR_WRNS_SITE("")
			    __MSR_END_WRNS
			    : : "a" (val), "d" (high), [msr] "i" (msr)
			    : "rcx", "memory");
}
#else
_mg_rd([[pt]], _mg_const, 0, _mg_msrop)m4_dnl
_mg_rds([[pt]], _mg_const, 2, _mg_msrop)m4_dnl
_mg_wrns([[pt]], _mg_const, 5, _mg_msrop)m4_dnl
#endif /* CONFIG_X86_64 */

/*
 * The Xen PV sites, on a kernel that may run as a Xen PV guest.  Xen PV is
 * 64-bit only; the 32-bit vDSO of such a kernel fakes a 32-bit build
 * (CONFIG_X86_64 undefined: vdso32/fake_32bit_build.h) and gets the others.
 */
#if defined(CONFIG_XEN_PV) && defined(CONFIG_X86_64)
#define __MSR_XEN_PV 1
#endif

#ifdef __MSR_XEN_PV
/*
 * The Xen PV side, in C (arch/x86/xen/msr.c): xen_pv_rdmsr() and
 * xen_pv_wrmsr() handle any MSR as the MSR tables say; early_rdmsr() and
 * early_wrmsr() serve the sites that run before the alternatives are
 * applied.  A read returns the value in %rax and the error in %rdx.
 */
struct msr_result {
	u64 val;
	long err;
};

struct msr_result early_rdmsr(u32 msr, bool safe);
struct msr_result xen_pv_rdmsr(u32 msr, bool safe);
int early_wrmsr(u32 msr, u64 val, bool safe);
int xen_pv_wrmsr(u32 msr, u64 val, bool safe);

/* The safe argument of those calls, in the register given. */
#define __MSR_FLAG_0(reg)	"xor %%" #reg ", %%" #reg "\n\t"
#define __MSR_FLAG_1(reg)	"mov $1, %%" #reg "\n\t"
m4_divert(-1)
_mg_clob: what a site that may call C clobbers besides its outputs.
m4_define([[_mg_clob]], [["rdi", "rsi", "r8", "r9", "r10", "r11", "memory"]])
Filters of an MSRGEN_ON record (see _mg_xenpv) by its Xen PV handling, for
_mg_labels: the read (_mg_frk) or write (_mg_fwk) kind; whether the read
(_mg_frc) or write (_mg_fwc) is code; a write that may use WRMSRNS: its kind
(_mg_fnk), whether code (_mg_fnc), whether Xen PV handles it (_mg_fnx: 11)
or not (10).
m4_define([[_mg_frk]], [[$8]])
m4_define([[_mg_frc]], [[_mg_code([[$8]])]])
m4_define([[_mg_fwk]], [[$11]])
m4_define([[_mg_fwc]], [[_mg_code([[$11]])]])
m4_define([[_mg_fnk]], [[$5$11]])
m4_define([[_mg_fnc]], [[$5[[]]_mg_code([[$11]])]])
m4_define([[_mg_fnx]], [[$5[[]]_mg_xen([[$11]])]])
Which site shapes the tables need: a shape no register uses is not emitted.
m4_define([[_mg_need]], [[m4_ifelse([[$8]], [[ignore]],
	[[_mg_set([[need_k]]m4_ifelse(_mg_k32([[$9]]), [[1]], [[32]], [[64]]), [[1]])]])m4_dnl
m4_ifelse(_mg_frc($@), [[1]], [[_mg_set([[need_rd]], [[1]])]])m4_dnl
m4_ifelse(_mg_fwk($@), [[ignore]], [[_mg_set([[need_wi]], [[1]])]])m4_dnl
m4_ifelse(_mg_fwc($@), [[1]], [[_mg_set([[need_wr]], [[1]])]])m4_dnl
m4_ifelse(_mg_fnk($@), [[1ignore]], [[_mg_set([[need_ni]], [[1]])]])m4_dnl
m4_ifelse(_mg_fnc($@), [[11]], [[_mg_set([[need_nr]], [[1]])]])]])
_mg_xenpv([[_mg_need]])
m4_define([[_mg_any]], [[m4_ifelse(_mg_get([[need_k32]])_mg_get([[need_k64]])_mg_get([[need_rd]])_mg_get([[need_wi]])_mg_get([[need_wr]])_mg_get([[need_ni]])_mg_get([[need_nr]]), [[]], [[0]], [[1]])]])
m4_divert(0)m4_dnl
m4_ifelse(_mg_any, [[1]], [[
/*
 * Constant numbers of the MSRs that Xen PV handles other than by trapping
 * the instruction.  Until the alternatives are applied such a site calls
 * early_rdmsr() or early_wrmsr(); then it executes the instruction, or on
 * Xen PV loads a constant, does nothing, or calls xen_pv_rdmsr() or
 * xen_pv_wrmsr().  The calls are plain C calls, so the site clobbers what
 * a call does.  Every variant starts with a 5-byte "mov $imm32, %reg"
 * (or nothing), so offset 5 is an instruction boundary in each: objtool
 * wants the exception table entries at +0 and +5 on one.
 */
#define __MSR_CALL_RD(fn, safe)						\
	"mov $%c[msr], %%edi\n\t" __MSR_FLAG_##safe(esi) "call " #fn "\n\t"
#define __MSR_CALL_WR(fn, safe)						\
	"mov $%c[msr], %%edi\n\tmov %%rax, %%rsi\n\t" __MSR_FLAG_##safe(edx)	\
	"call " #fn "\n\t"
]])m4_dnl
m4_ifelse(_mg_get([[need_k32]])_mg_get([[need_k64]])_mg_get([[need_rd]]), [[]], [[]], [[
#define __MSR_RD_XEN_SITE(ok, safe, xen)				\
	ALTERNATIVE_3(__MSR_CALL_RD(early_rdmsr, safe),			\
		      __MSR_RD_L ok, X86_FEATURE_ALWAYS,		\
		      __MSR_RD_I ok, X86_FEATURE_MSR_IMM,		\
		      xen, X86_FEATURE_XENPV)
]])m4_dnl
m4_ifelse(_mg_get([[need_wi]])_mg_get([[need_wr]]), [[]], [[]], [[
#define __MSR_WR_XEN_SITE(ok, safe, xen)				\
	ALTERNATIVE_2(__MSR_CALL_WR(early_wrmsr, safe),			\
		      __MSR_WR_L ok, X86_FEATURE_ALWAYS,		\
		      xen, X86_FEATURE_XENPV)
]])m4_dnl
m4_ifelse(_mg_get([[need_ni]])_mg_get([[need_nr]]), [[]], [[]], [[
#define __MSR_WRNS_XEN_SITE(xen)					\
	ALTERNATIVE(ALTERNATIVE_3(__MSR_CALL_WR(early_wrmsr, 0),	\
				  __MSR_WR_LD, X86_FEATURE_ALWAYS,	\
				  __MSR_WR_N, X86_FEATURE_WRMSRNS,	\
				  __MSR_WR_I, X86_FEATURE_MSR_IMM),	\
		    xen, X86_FEATURE_XENPV)
]])m4_dnl
m4_ifelse(_mg_get([[need_rd]]), [[1]], [[
static __always_inline u64 __msr_rd_xen(u32 msr)
{
	u64 val;

	asm_inline __volatile__("880:\n\t"
			    __MSR_RD_XEN_SITE("", 0, __MSR_CALL_RD(xen_pv_rdmsr, 0))
			    __MSR_END_RD
			    : "=a" (val), ASM_CALL_CONSTRAINT
			    : [msr] "i" (msr)
			    : "rcx", "rdx", _mg_clob);
	return val;
}

static __always_inline int __msr_rd_xen_safe(u32 msr, u64 *p)
{
	u64 val;
	int err;

	asm_inline __volatile__("880:\n\t"
			    __MSR_RD_XEN_SITE(__MSR_RD_OK, 1, __MSR_CALL_RD(xen_pv_rdmsr, 1))
			    __MSR_END_RD_SAFE
			    : "=a" (val), "=d" (err), ASM_CALL_CONSTRAINT
			    : [msr] "i" (msr)
			    : "rcx", _mg_clob);
	*p = val;
	return err;
}
]])m4_dnl
m4_divert(-1)
_mg_rd_k(bits, load): the reads of an MSR that Xen PV reads as a constant
(load: the instruction that loads it).
m4_define([[_mg_rd_k]], [[m4_ifelse(_mg_get([[need_k$1]]), [[1]], [[
static __always_inline u64 __msr_rd_xen_k$1(u32 msr, u64 k)
{
	u64 val;

	asm_inline __volatile__("880:\n\t"
			    __MSR_RD_XEN_SITE("", 0, "$2\n\t")
			    __MSR_END_RD
			    : "=a" (val), ASM_CALL_CONSTRAINT
			    : [msr] "i" (msr), [k] "i" (k)
			    : "rcx", "rdx", _mg_clob);
	return val;
}

static __always_inline int __msr_rd_xen_k$1_safe(u32 msr, u64 *p, u64 k)
{
	u64 val;
	int err;

	asm_inline __volatile__("880:\n\t"
			    __MSR_RD_XEN_SITE(__MSR_RD_OK, 1, "$2\n\t" __MSR_RD_OK)
			    __MSR_END_RD_SAFE
			    : "=a" (val), "=d" (err), ASM_CALL_CONSTRAINT
			    : [msr] "i" (msr), [k] "i" (k)
			    : "rcx", _mg_clob);
	*p = val;
	return err;
}
]])]])
_mg_wr_shape(need, name, site[, _safe site]): a write shape and its _safe
form, if some register needs it.
m4_define([[_mg_wr_shape]], [[m4_ifelse(_mg_get([[$1]]), [[1]], [[
static __always_inline void __msr_$2(u32 msr, u64 val)
{
	u32 high = val >> 32;

	asm_inline __volatile__("880:\n\t"
			    $3
			    m4_ifelse(m4_substr([[$2]], 0, 4), [[wrns]], [[__MSR_END_WRNS_PV]], [[__MSR_END_WR]])
			    : "+a" (val), "+d" (high), ASM_CALL_CONSTRAINT
			    : [msr] "i" (msr)
			    : "rcx", _mg_clob);
}
m4_ifelse([[$4]], [[]], [[]], [[
static __always_inline int __msr_$2_safe(u32 msr, u64 val)
{
	u32 high = val >> 32;

	asm_inline __volatile__("880:\n\t"
			    $4
			    __MSR_END_WR_SAFE
			    : "+a" (val), "+d" (high), ASM_CALL_CONSTRAINT
			    : [msr] "i" (msr)
			    : "rcx", _mg_clob);
	return (int)val;
}
]])]])]])
m4_divert(0)m4_dnl
_mg_rd_k([[32]], [[mov %[k], %%eax]])_mg_rd_k([[64]], [[movabs %[k], %%rax]])m4_dnl
_mg_wr_shape([[need_wr]], [[wr_xen]], [[__MSR_WR_XEN_SITE("", 0, __MSR_CALL_WR(xen_pv_wrmsr, 0))]],
	     [[__MSR_WR_XEN_SITE(__MSR_WR_OK, 1, __MSR_CALL_WR(xen_pv_wrmsr, 1))]])m4_dnl
_mg_wr_shape([[need_wi]], [[wr_xen_ign]], [[__MSR_WR_XEN_SITE("", 0, "")]],
	     [[__MSR_WR_XEN_SITE(__MSR_WR_OK, 1, __MSR_WR_OK)]])m4_dnl
_mg_wr_shape([[need_nr]], [[wrns_xen]], [[__MSR_WRNS_XEN_SITE(__MSR_CALL_WR(xen_pv_wrmsr, 0))]])m4_dnl
_mg_wr_shape([[need_ni]], [[wrns_xen_ign]], [[__MSR_WRNS_XEN_SITE("")]])m4_dnl

/*
 * Any MSR number on a kernel that may run as a Xen PV guest: the
 * instruction, or a call of xen_pv_rdmsr() or xen_pv_wrmsr() (before the
 * alternatives are applied: early_rdmsr(), early_wrmsr()).  The number is
 * in %ecx for the instruction and in %edi for the call.
 */
#define __MSR_RD_VAR_NATIVE	"rdmsr\n\tshl $32, %%rdx\n\tor %%rdx, %%rax\n\t"
#define __MSR_RD_VAR_CALL(fn, safe)					\
	"mov %%ecx, %%edi\n\t" __MSR_FLAG_##safe(esi) "call " #fn "\n\t"
#define __MSR_WR_VAR_CALL(fn, safe)					\
	"mov %%ecx, %%edi\n\tmov %%rax, %%rsi\n\t" __MSR_FLAG_##safe(edx)	\
	"call " #fn "\n\t"

/* The variable sites, from their label 1 to their record. */
#define __MSR_RD_VAR							\
	"1:\n\t"							\
	ALTERNATIVE_2(__MSR_RD_VAR_CALL(early_rdmsr, 0),		\
		      __MSR_RD_VAR_NATIVE, X86_FEATURE_ALWAYS,		\
		      __MSR_RD_VAR_CALL(xen_pv_rdmsr, 0), X86_FEATURE_XENPV) \
	"2:\n\t"							\
	_ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_RDMSR)			\
	__MSR_REC("1b", "0xffffffff", 8)
#define __MSR_RD_VAR_SAFE						\
	"1:\n\t"							\
	ALTERNATIVE_2(__MSR_RD_VAR_CALL(early_rdmsr, 1),		\
		      __MSR_RD_VAR_NATIVE __MSR_RD_OK, X86_FEATURE_ALWAYS, \
		      __MSR_RD_VAR_CALL(xen_pv_rdmsr, 1), X86_FEATURE_XENPV) \
	"2:\n\t"							\
	_ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_RDMSR_SAFE, %%rdx)	\
	__MSR_REC("1b", "0xffffffff", 10)
#define __MSR_WR_VAR							\
	"1:\n\t"							\
	ALTERNATIVE_2(__MSR_WR_VAR_CALL(early_wrmsr, 0),		\
		      "wrmsr\n\t", X86_FEATURE_ALWAYS,			\
		      __MSR_WR_VAR_CALL(xen_pv_wrmsr, 0), X86_FEATURE_XENPV) \
	"2:\n\t"							\
	_ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_WRMSR)			\
	__MSR_REC("1b", "0xffffffff", 9)
#define __MSR_WR_VAR_SAFE						\
	"1:\n\t"							\
	ALTERNATIVE_2(__MSR_WR_VAR_CALL(early_wrmsr, 1),		\
		      "wrmsr\n\t" __MSR_WR_OK, X86_FEATURE_ALWAYS,	\
		      __MSR_WR_VAR_CALL(xen_pv_wrmsr, 1), X86_FEATURE_XENPV) \
	"2:\n\t"							\
	_ASM_EXTABLE_TYPE_REG(1b, 2b, EX_TYPE_WRMSR_SAFE, %%eax)	\
	__MSR_REC("1b", "0xffffffff", 11)
#define __MSR_WRNS_VAR							\
	"1:\n\t"							\
	ALTERNATIVE_3(__MSR_WR_VAR_CALL(early_wrmsr, 0),		\
		      "ds wrmsr\n\t", X86_FEATURE_ALWAYS,		\
		      ".byte 0x0f, 0x01, 0xc6\n\t", X86_FEATURE_WRMSRNS,	\
		      __MSR_WR_VAR_CALL(xen_pv_wrmsr, 0), X86_FEATURE_XENPV) \
	"2:\n\t"							\
	_ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_WRMSR)			\
	__MSR_REC("1b", "0xffffffff", 13)
m4_divert(-1)
_mg_wr_var(name, site, _safe site): a write of any MSR number.
m4_define([[_mg_wr_var]], [[
static __always_inline void __msr_$1_var(u32 msr, u64 val)
{
	u32 high = val >> 32;

	asm_inline __volatile__($2
			    : "+a" (val), "+d" (high), "+c" (msr), ASM_CALL_CONSTRAINT
			    : : _mg_clob);
}
m4_ifelse([[$3]], [[]], [[]], [[
static __always_inline int __msr_$1_var_safe(u32 msr, u64 val)
{
	u32 high = val >> 32;

	asm_inline __volatile__($3
			    : "+a" (val), "+d" (high), "+c" (msr), ASM_CALL_CONSTRAINT
			    : : _mg_clob);
	return (int)val;
}
]])]])
m4_divert(0)m4_dnl

static __always_inline u64 __msr_rd_var(u32 msr)
{
	u64 val;

	asm_inline __volatile__(__MSR_RD_VAR
			    : "=a" (val), "+c" (msr), ASM_CALL_CONSTRAINT
			    : : "rdx", _mg_clob);
	return val;
}

static __always_inline int __msr_rd_var_safe(u32 msr, u64 *p)
{
	u64 val;
	long err;

	asm_inline __volatile__(__MSR_RD_VAR_SAFE
			    : "=a" (val), "=d" (err), "+c" (msr), ASM_CALL_CONSTRAINT
			    : : _mg_clob);
	*p = val;
	return err;
}
_mg_wr_var([[wr]], [[__MSR_WR_VAR]], [[__MSR_WR_VAR_SAFE]])m4_dnl
_mg_wr_var([[wrns]], [[__MSR_WRNS_VAR]], [[]])m4_dnl
#else
#define __msr_rd_var		__msr_rd_native
#define __msr_rd_var_safe	__msr_rd_native_safe
#define __msr_wr_var		__msr_wr_native
#define __msr_wr_var_safe	__msr_wr_native_safe
#define __msr_wrns_var		__msr_wrns_native
#endif /* __MSR_XEN_PV */

m4_divert(-1)
Dispatch.  _mg_case(once-key, address, name, statement): one case, by the
kernel's name of the MSR, once per address and key (aliases share an
address).
m4_define([[_mg_case]], [[m4_ifelse(_mg_once([[$1$2]]), [[1]], [[m4_divert(0)m4_dnl
		case $3:
			$4;
			break;
m4_divert(-1)]])]])
_mg_labels(key, filter, value, statement): the case labels of the registers
for which filter (of an MSRGEN_ON record) is value, sharing one statement.
m4_define([[_mg_mlabel]], [[m4_ifelse(_mg_mf($@), _mg_get([[mvalue]]), [[m4_ifelse(_mg_once(_mg_get([[mkey]])[[$3]]), [[1]], [[m4_divert(0)m4_dnl
		case $2:
m4_divert(-1)_mg_set(_mg_get([[mkey]])[[_any]], [[1]])]])]])]])
m4_define([[_mg_labels]], [[_mg_set([[mkey]], [[$1]])m4_pushdef([[_mg_mf]], m4_defn([[$2]]))_mg_set([[mvalue]], [[$3]])_mg_xenpv([[_mg_mlabel]])m4_popdef([[_mg_mf]])m4_ifelse(_mg_get([[$1_any]]), [[1]], [[m4_divert(0)m4_dnl
			$4;
			break;
m4_divert(-1)]])]])
_mg_kcases(key, statement prefix, [p]): a case per register that Xen PV
reads as a constant: prefix __msr_rd_xen_k32|64[_safe](msr[, p], K).
m4_define([[_mg_kcase]], [[m4_ifelse([[$8]], [[ignore]], [[_mg_case(_mg_get([[kkey]]), [[$3]], [[$2]],
	_mg_get([[kpre]])[[__msr_rd_xen_k]]m4_ifelse(_mg_k32([[$9]]), [[1]], [[32]], [[64]])[[]]_mg_get([[ksafe]])(msr[[]]_mg_get([[kp]]), [[$9]]ULL))]])]])
m4_define([[_mg_kcases]], [[_mg_set([[kkey]], [[$1]])_mg_set([[kpre]], [[$2]])_mg_set([[ksafe]], m4_ifelse([[$3]], [[]], [[]], [[_safe]]))_mg_set([[kp]], m4_ifelse([[$3]], [[]], [[]], [[[[, $3]]]]))_mg_xenpv([[_mg_kcase]])]])
m4_include([[_msr-gen-shadow.m4]])m4_dnl

static __always_inline u64 __msr_rdq(u32 msr)
{
	u64 val;

	if (!__builtin_constant_p(msr)) {
		val = __msr_rd_var(msr);
	} else {
		switch (msr) {
#ifdef __MSR_XEN_PV
m4_divert(-1)
_mg_kcases([[rak]], [[val = ]])
_mg_labels([[ras]], [[_mg_frc]], [[1]], [[val = __msr_rd_xen(msr)]])
m4_divert(0)m4_dnl
#endif
		default:
			val = __msr_rd_pt(msr);
			break;
		}
	}
	__msr_trace_rd(msr, val, 0);
	return val;
}

static __always_inline int __msr_rdq_safe(u32 msr, u64 *p)
{
	int err;

	if (!__builtin_constant_p(msr)) {
		err = __msr_rd_var_safe(msr, p);
	} else {
		switch (msr) {
#ifdef __MSR_XEN_PV
m4_divert(-1)
_mg_kcases([[rbk]], [[err = ]], [[p]])
_mg_labels([[rbs]], [[_mg_frc]], [[1]], [[err = __msr_rd_xen_safe(msr, p)]])
m4_divert(0)m4_dnl
#endif
		default:
			err = __msr_rd_pt_safe(msr, p);
			break;
		}
	}
	__msr_trace_rd(msr, *p, err);
	return err;
}

static __always_inline void __msr_wrq(u32 msr, u64 val)
{
	if (!__builtin_constant_p(msr)) {
		__msr_wr_var(msr, val);
	} else {
		switch (msr) {
#ifdef __MSR_XEN_PV
m4_divert(-1)
_mg_labels([[wai]], [[_mg_fwk]], [[ignore]], [[__msr_wr_xen_ign(msr, val)]])
_mg_labels([[was]], [[_mg_fwc]], [[1]], [[__msr_wr_xen(msr, val)]])
m4_divert(0)m4_dnl
#endif
		default:
			__msr_wr_pt(msr, val);
			break;
		}
	}
m4_divert(-1)_mg_sh_text()m4_dnl
	__msr_shadow_set(msr, val);
m4_divert(0)m4_dnl
	__msr_trace_wr(msr, val, 0);
}

static __always_inline int __msr_wrq_safe(u32 msr, u64 val)
{
	int err;

	if (!__builtin_constant_p(msr)) {
		err = __msr_wr_var_safe(msr, val);
	} else {
		switch (msr) {
#ifdef __MSR_XEN_PV
m4_divert(-1)
_mg_labels([[wbi]], [[_mg_fwk]], [[ignore]], [[err = __msr_wr_xen_ign_safe(msr, val)]])
_mg_labels([[wbs]], [[_mg_fwc]], [[1]], [[err = __msr_wr_xen_safe(msr, val)]])
m4_divert(0)m4_dnl
#endif
		default:
			err = __msr_wr_pt_safe(msr, val);
			break;
		}
	}
m4_divert(-1)_mg_sh_text()m4_dnl
	if (!err)
		__msr_shadow_set(msr, val);
m4_divert(0)m4_dnl
	__msr_trace_wr(msr, val, err);
	return err;
}

/*
 * wrmsrns(): the MSR tables say which MSRs allow a non-serializing write
 * (nonserializing); a constant number of any other MSR does not build.
 */
static __always_inline void __msr_wrns(u32 msr, u64 val)
{
	if (!__builtin_constant_p(msr)) {
		__msr_wrns_var(msr, val);
	} else {
		switch (msr) {
#ifdef __MSR_XEN_PV
m4_divert(-1)
_mg_labels([[nai]], [[_mg_fnk]], [[1ignore]], [[__msr_wrns_xen_ign(msr, val)]])
_mg_labels([[nas]], [[_mg_fnc]], [[11]], [[__msr_wrns_xen(msr, val)]])
m4_divert(0)m4_dnl
#else
m4_divert(-1)
_mg_labels([[nb]], [[_mg_fnx]], [[11]], [[__msr_wrns_pt(msr, val)]])
m4_divert(0)m4_dnl
#endif
m4_divert(-1)
_mg_labels([[nc]], [[_mg_fnx]], [[10]], [[__msr_wrns_pt(msr, val)]])
m4_divert(0)m4_dnl
		default:
			BUILD_BUG_ON_MSG(1, "wrmsrns() of an MSR not marked nonserializing");
		}
	}
m4_divert(-1)_mg_sh_text()m4_dnl
	__msr_shadow_set(msr, val);
m4_divert(0)m4_dnl
}

#define rdmsrq(msr, val)	((val) = __msr_rdq((msr)))

#define rdmsr(msr, low, high)					\
do {								\
	u64 __val = __msr_rdq((msr));				\
	(void)((low) = (u32)__val);				\
	(void)((high) = (u32)(__val >> 32));			\
} while (0)

static __always_inline void wrmsrq(u32 msr, u64 val)
{
	__msr_wrq(msr, val);
}

static __always_inline void wrmsr(u32 msr, u32 low, u32 high)
{
	__msr_wrq(msr, (u64)high << 32 | low);
}

static __always_inline int rdmsrq_safe(u32 msr, u64 *p)
{
	return __msr_rdq_safe(msr, p);
}

#define rdmsr_safe(msr, low, high)				\
({								\
	u64 __val;						\
	int __err = __msr_rdq_safe((msr), &__val);		\
	(*low) = (u32)__val;					\
	(*high) = (u32)(__val >> 32);				\
	__err;							\
})

static __always_inline int wrmsrq_safe(u32 msr, u64 val)
{
	return __msr_wrq_safe(msr, val);
}

/* Non-serializing WRMSR where the CPU has it, else a serializing one. */
static __always_inline void wrmsrns(u32 msr, u64 val)
{
	__msr_wrns(msr, val);
	__msr_trace_wr(msr, val, 0);
}
m4_include([[_msr-gen-cached.m4]])m4_dnl

#endif /* !__ASSEMBLER__ */
#endif /* _ASM_X86_MSR_GEN_H */
