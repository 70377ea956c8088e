/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: a fake HYPERVISOR_set_segment_base() that records calls. */
#ifndef HARNESS_ASM_XEN_HYPERCALL_H
#define HARNESS_ASM_XEN_HYPERCALL_H
#define SEGBASE_FS		0
#define SEGBASE_GS_USER		1
#define SEGBASE_GS_KERNEL	2
#define SEGBASE_GS_USER_SEL	3
int HYPERVISOR_set_segment_base(int which, unsigned long base);
#endif
