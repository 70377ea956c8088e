/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_LINUX_SMP_H
#define HARNESS_LINUX_SMP_H
extern int harness_cpu;
#define smp_processor_id()	(harness_cpu)
#endif
