/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small msr-index.h for the msrgen import tests: every kind of macro the
 * importer classifies, passes over or warns about, in the kernel's spelling.
 */
#ifndef _ASM_X86_MSR_INDEX_H
#define _ASM_X86_MSR_INDEX_H

#include <linux/bits.h>

/* Addresses: a same-line comment becomes the doc, a note does not */
#define MSR_EFER		0xc0000080 /* extended feature register */
#define MSR_STAR		0xc0000081 /* guess: not in manual */
#define MSR_LSTAR		0xc0000082
#define MSR_IA32_FLUSH_CMD	0x0000010b /*
					    * Writeback and invalidate the
					    * L1 data cache.
					    */
#define MSR_TMTA_LONGRUN_CTRL	0x80868010
#define MSR_SMI_COUNT		0x00000034

/* Not MSRs: passed over silently */
#define _EFER_SCE		0  /* SYSCALL/SYSRET */
#define EFER_SCE		(1<<_EFER_SCE)
#define X86_MEMTYPE_WB		6ull
#define HWP_MIN_PERF(x)		(x & 0xff)
#define PAT_VALUE(p0, p1)				\
	((X86_MEMTYPE_ ## p0) | (X86_MEMTYPE_ ## p1 << 8))

/* Aliases: the same address under a second name */
#define MSR_IA32_UCODE_REV	0x0000008b
#define MSR_AMD64_PATCH_LEVEL	0x0000008b
#define MSR_AMD64_PATCH_LEVEL_FOO	BIT(0)
#define MSR_IA32_FRED_SSP0	MSR_IA32_PL0_SSP /* Level 0 shadow stack pointer */
#define MSR_IA32_PL0_SSP	0x000006a4 /* ring-0 shadow stack pointer */

/* Numbered runs */
#define MSR_P6_EVNTSEL0		0x00000186
#define MSR_P6_EVNTSEL1		0x00000187
#define MSR_OFFCORE_RSP_0	0x000001a6
#define MSR_OFFCORE_RSP_1	0x000001a7
#define MSR_F15H_PERF_CTR0	0xc0010201
#define MSR_F15H_PERF_CTR1	(MSR_F15H_PERF_CTR0 + 2)
#define MSR_F15H_PERF_CTR2	(MSR_F15H_PERF_CTR0 + 4)
#define MSR_P4_CRU_ESCR0	0x000003b8
#define MSR_P4_CRU_ESCR1	0x000003b9
#define MSR_P4_CRU_ESCR2	0x000003cc
#define MSR_IA32_PMC0		0x000004c1

/* Indexed */
#define MSR_IA32_MC0_CTL	0x00000400
#define MSR_IA32_MC0_STATUS	0x00000401
#define MSR_IA32_MCx_CTL(x)	(MSR_IA32_MC0_CTL + 4*(x))
#define MSR_IA32_MCx_STATUS(x)	(MSR_IA32_MC0_STATUS + 4*(x))
#define MSR_IA32_VMX_BASIC	0x00000480
#define MSR_AMD64_MC0_MASK	0xc0010044
#define MSR_AMD64_MCx_MASK(x)	(MSR_AMD64_MC0_MASK + (x))
#define MSR_K8_INT_PENDING_MSG	0xc0010055
#define MSR_AMD64_RMP_SEGMENT_SHIFT(x)	(((x) & GENMASK_ULL(13, 8)) >> 8)

/* Fields */
#define MSR_IA32_APICBASE		0x0000001b
#define MSR_IA32_APICBASE_BSP		(1<<8)
#define MSR_IA32_APICBASE_ENABLE	(1<<11)
#define MSR_IA32_APICBASE_BASE		(0xfffff<<12)

#define MSR_IA32_MISC_ENABLE			0x000001a0
#define MSR_IA32_MISC_ENABLE_FAST_STRING_BIT	0
#define MSR_IA32_MISC_ENABLE_FAST_STRING	(1ULL << MSR_IA32_MISC_ENABLE_FAST_STRING_BIT)
#define MSR_IA32_MISC_ENABLE_TCC_BIT		1
#define MSR_IA32_MISC_ENABLE_EMON		BIT(7)
#define MSR_IA32_MISC_ENABLE_XD_DISABLE		BIT_ULL(34)
#define MSR_IA32_MISC_ENABLE_TURBO_DISABLE	_BITUL(38)
#define MSR_IA32_MISC_ENABLE_TOP		_BITULL(63)
#define MSR_IA32_MISC_ENABLE_WRONG_BIT		5
#define MSR_IA32_MISC_ENABLE_WRONG		BIT(6)
#define MSR_IA32_MISC_ENABLE_GAPS		(BIT(0) | BIT(2))
#define MSR_IA32_MISC_ENABLE_FERR_BIT		10
#define MSR_IA32_MISC_ENABLE_FERR_MULTIPLEX_BIT	10

#define MSR_IA32_SPEC_CTRL		0x00000048 /* Speculation Control */
#define MSR_IA32_SPEC_CTRL_STIBP_SHIFT	1
#define MSR_IA32_SPEC_CTRL_STIBP	BIT(MSR_IA32_SPEC_CTRL_STIBP_SHIFT)
#define MSR_IA32_SPEC_CTRL_SSBD_SHIFT	2

#define MSR_FAM10H_MMIO_CONF_BASE			0xc0010058
#define MSR_FAM10H_MMIO_CONF_BASE_BUSRANGE_MASK	0xf
#define MSR_FAM10H_MMIO_CONF_BASE_BUSRANGE_SHIFT	2

#define MSR_IA32_UMWAIT_CONTROL			0xe1
#define MSR_IA32_UMWAIT_CONTROL_TIME_MASK	(~0x03U)

#define MSR_INTEGRITY_CAPS			0x000002d9
#define MSR_INTEGRITY_CAPS_SAF_GEN_MASK		GENMASK_ULL(10, 9)
#define MSR_INTEGRITY_CAPS_LOW_MASK		GENMASK(7, 0)

#define MSR_IA32_BNDCFGS		0x00000d90
#define MSR_IA32_BNDCFGS_RSVD		0x00000ffc

/* Unclassifiable */
#define MSR_AMD64_IBS_REG_COUNT_MAX	8 /* includes MSR_AMD64_IBSBRTARGET */
#define MSR_AMD64_SNP_VTOM_BIT		3
#define MSR_AMD64_SNP_VTOM		BIT_ULL(MSR_AMD64_SNP_VTOM_BIT)
#define MSR_ZEN2_SPECTRAL_CHICKEN	0xc00110e3
#define MSR_ZEN2_SPECTRAL_CHICKEN_BIT	1
#define MSR_IA32_POWER_CTL		0x000001fc
#define MSR_IA32_POWER_CTL_BIT_EE	19
#define MSR_WEIRD			0x12345678
#define MSR_BROKEN			(UNDEFINED_THING + 1)
#define MSR_LSTAR		0xc0000082

#endif /* _ASM_X86_MSR_INDEX_H */
