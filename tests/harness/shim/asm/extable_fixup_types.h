/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: exception table data encoding and types of Linux 7.3. */
#ifndef HARNESS_ASM_EXTABLE_FIXUP_TYPES_H
#define HARNESS_ASM_EXTABLE_FIXUP_TYPES_H
#define EX_DATA_TYPE_MASK	0x000000FF
#define EX_DATA_REG_MASK	0x00000F00
#define EX_DATA_FLAG_MASK	0x0000F000
#define EX_DATA_REG_SHIFT	8
#define EX_DATA_FLAG_SHIFT	12
#define EX_DATA_FLAG(flag)	((flag) << EX_DATA_FLAG_SHIFT)
#define EX_TYPE_NONE		0
#define EX_TYPE_DEFAULT		1
#define EX_TYPE_WRMSR		8
#define EX_TYPE_RDMSR		9
#define EX_TYPE_WRMSR_SAFE	10
#define EX_TYPE_RDMSR_SAFE	11
#endif
