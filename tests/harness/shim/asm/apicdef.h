/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_ASM_APICDEF_H
#define HARNESS_ASM_APICDEF_H
#define X2APIC_ENABLE			(1UL << 10)
#define MSR_IA32_APICBASE_BSP		(1UL << 8)
#endif
