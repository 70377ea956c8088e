/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: the feature bits of Linux 7.3 that the sites use. */
#ifndef HARNESS_ASM_CPUFEATURES_H
#define HARNESS_ASM_CPUFEATURES_H
#define X86_FEATURE_ALWAYS	( 3*32+21)
#define X86_FEATURE_XENPV	( 8*32+16)
#define X86_FEATURE_WRMSRNS	(12*32+19)
#define X86_FEATURE_MSR_IMM	(21*32+16)
#endif
