/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_ASM_CPUFEATURE_H
#define HARNESS_ASM_CPUFEATURE_H
#include <asm/cpufeatures.h>
#include <linux/types.h>
bool harness_cpu_has(unsigned int bit);
#define boot_cpu_has(bit)	harness_cpu_has(bit)
#endif
