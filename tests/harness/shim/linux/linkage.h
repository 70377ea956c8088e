/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: symbol annotations for assembly. */
#ifndef HARNESS_LINUX_LINKAGE_H
#define HARNESS_LINUX_LINKAGE_H
#ifdef __ASSEMBLER__
#define SYM_FUNC_START(name)	\
	.globl name ;		\
	.type name, @function ;	\
	.p2align 4 ;		\
	name:
#define SYM_FUNC_END(name)	\
	.size name, . - name
#define RET	ret
#endif
#endif
