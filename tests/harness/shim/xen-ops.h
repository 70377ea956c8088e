/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_XEN_OPS_H
#define HARNESS_XEN_OPS_H
#include <linux/types.h>
/* Linux 7.3: xen_msr_safe= (global for the generated bodies). */
extern bool xen_msr_safe;
bool pmu_msr_chk_emulated(u32 msr, u64 *val, bool is_read);
/* Harness-only handler named by the hand-written test model. */
int xen_msr_test_read(unsigned long a, unsigned long b, u64 *val);
#endif
