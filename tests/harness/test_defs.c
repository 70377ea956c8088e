// SPDX-License-Identifier: GPL-2.0
/*
 * The field macros of asm/msr-defs.h, used as kernel code uses them: with
 * FIELD_GET() and FIELD_PREP() on a value of MSR_IA32_APICBASE (a register
 * both the hand model and defs/ give fields), and against the kernel's own
 * single-bit masks MSR_IA32_APICBASE_BSP and X2APIC_ENABLE.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <linux/bitfield.h>
#include <asm/apicdef.h>
#include <asm/msr-defs.h>
#include <asm/msr-index.h>

#define CONSISTENT(f)	(f##_MASK == GENMASK_ULL(f##_SHIFT + f##_WIDTH - 1, f##_SHIFT))

Test(defs, apicbase_fields)
{
	uint64_t v = 0xfee00900ULL;	/* base 0xfee00, enabled, BSP */

	cr_assert(CONSISTENT(MSR_IA32_APICBASE_BSP));
	cr_assert(CONSISTENT(MSR_IA32_APICBASE_ENABLE));
	cr_assert(CONSISTENT(MSR_IA32_APICBASE_BASE));
	cr_assert_eq(MSR_IA32_APICBASE_BSP_MASK, MSR_IA32_APICBASE_BSP);
	cr_assert_eq(MSR_IA32_APICBASE_X2APIC_ENABLE_MASK, X2APIC_ENABLE);
	cr_assert_eq(MSR_IA32_APICBASE_BSP_WIDTH, 1);
	cr_assert_eq(MSR_IA32_APICBASE_BASE_SHIFT, 12);
	cr_assert_eq(FIELD_GET(MSR_IA32_APICBASE_BSP_MASK, v), 1);
	cr_assert_eq(FIELD_GET(MSR_IA32_APICBASE_ENABLE_MASK, v), 1);
	cr_assert_eq(FIELD_GET(MSR_IA32_APICBASE_X2APIC_ENABLE_MASK, v), 0);
	cr_assert_eq(FIELD_GET(MSR_IA32_APICBASE_BASE_MASK, v), 0xfee00);
	cr_assert_eq(FIELD_PREP(MSR_IA32_APICBASE_BASE_MASK, 0xfee00) |
		     FIELD_PREP(MSR_IA32_APICBASE_ENABLE_MASK, 1) |
		     FIELD_PREP(MSR_IA32_APICBASE_BSP_MASK, 1), v);
}

/* The harness's asm/msr-index.h (templates/harness) names MSRs as the kernel's does */
Test(defs, msr_names)
{
	cr_assert_eq(MSR_IA32_APICBASE, 0x1b);
	cr_assert_eq(MSR_IA32_MC0_CTL, 0x400);
	cr_assert_eq(MSR_IA32_MCx_CTL(1), 0x404);
	cr_assert_eq(MSR_P6_EVNTSEL1, 0x187);
	cr_assert_eq(MSR_FS_BASE, 0xc0000100);
}
