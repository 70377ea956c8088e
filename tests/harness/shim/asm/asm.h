/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: exception table entries laid out as in Linux 7.3
 * (struct exception_table_entry { int insn, fixup, data; }, relative).
 */
#ifndef HARNESS_ASM_ASM_H
#define HARNESS_ASM_ASM_H
#include <asm/extable_fixup_types.h>

#define __HSTR(x)	#x
#define HSTR(x)		__HSTR(x)

#define _ASM_PTR	" .quad "

#ifdef __ASSEMBLER__
#define _ASM_EXTABLE_TYPE(from, to, type)	\
	.pushsection __ex_table, "a" ;		\
	.balign 4 ;				\
	.long (from) - . ;			\
	.long (to) - . ;			\
	.long type ;				\
	.popsection
#else
register unsigned long current_stack_pointer asm("rsp");
#define ASM_CALL_CONSTRAINT	"+r" (current_stack_pointer)

#define _ASM_EXTABLE_TYPE(from, to, type)		\
	" .pushsection __ex_table, \"a\"\n"		\
	" .balign 4\n"					\
	" .long (" #from ") - .\n"			\
	" .long (" #to ") - .\n"			\
	" .long " HSTR(type) "\n"			\
	" .popsection\n"

/* The register number is found by matching the operand's name. */
#define _ASM_EXTABLE_TYPE_REG(from, to, type, reg)			\
	" .pushsection __ex_table, \"a\"\n"				\
	" .balign 4\n"							\
	" .long (" #from ") - .\n"					\
	" .long (" #to ") - .\n"					\
	" .set .Lhreg, -1\n"						\
	" .set .Lhn, 0\n"						\
	" .irp r, rax,rcx,rdx,rbx,rsp,rbp,rsi,rdi,r8,r9,r10,r11,r12,r13,r14,r15\n" \
	" .ifc " #reg ", %%\\r\n .set .Lhreg, .Lhn\n .endif\n"		\
	" .set .Lhn, .Lhn + 1\n"					\
	" .endr\n"							\
	" .set .Lhn, 0\n"						\
	" .irp r, eax,ecx,edx,ebx,esp,ebp,esi,edi,r8d,r9d,r10d,r11d,r12d,r13d,r14d,r15d\n" \
	" .ifc " #reg ", %%\\r\n .set .Lhreg, .Lhn\n .endif\n"		\
	" .set .Lhn, .Lhn + 1\n"					\
	" .endr\n"							\
	" .if .Lhreg < 0\n .error \"bad extable register\"\n .endif\n"	\
	" .long " HSTR(type) " + (.Lhreg << 8)\n"			\
	" .popsection\n"
#endif
#endif
