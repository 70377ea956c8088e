/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: alternatives with Linux 7.3's layout.  .altinstructions
 * holds packed entries { s32 instr_offset, repl_offset; u32 ft_flags;
 * u8 instrlen, replacementlen; } (14 bytes); nested alternatives give
 * consecutive entries for one site, the original padded with 0x90 to the
 * longest replacement.
 */
#ifndef HARNESS_ASM_ALTERNATIVE_H
#define HARNESS_ASM_ALTERNATIVE_H
#include <asm/asm.h>
#include <linux/types.h>

struct alt_instr {
	s32 instr_offset;
	s32 repl_offset;
	u32 ft_flags;
	u8 instrlen;
	u8 replacementlen;
} __attribute__((packed));

#define __ALT_ORIG(orig)						\
	"771:\n\t" orig "\n772:\n"					\
	".skip -(((775f-774f)-(772b-771b)) > 0) * "			\
	"((775f-774f)-(772b-771b)),0x90\n"				\
	"773:\n"

#define __ALT_ENTRY(ft)							\
	".pushsection .altinstructions, \"a\"\n"			\
	" .long 771b - .\n"						\
	" .long 774f - .\n"						\
	" .4byte " HSTR(ft) "\n"					\
	" .byte 773b-771b\n"						\
	" .byte 775f-774f\n"						\
	".popsection\n"

#define __ALT_REPL(repl)						\
	".pushsection .altinstr_replacement, \"ax\"\n"			\
	"774:\n\t" repl "\n775:\n"					\
	".popsection\n"

#define ALTERNATIVE(orig, repl, ft)					\
	__ALT_ORIG(orig) __ALT_ENTRY(ft) __ALT_REPL(repl)
#define ALTERNATIVE_2(orig, r1, f1, r2, f2)				\
	ALTERNATIVE(ALTERNATIVE(orig, r1, f1), r2, f2)
#define ALTERNATIVE_3(orig, r1, f1, r2, f2, r3, f3)			\
	ALTERNATIVE(ALTERNATIVE_2(orig, r1, f1, r2, f2), r3, f3)
#endif
