/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim of the kernel's instruction decoder, for what
 * arch/x86/mm/msr-gen-extable.c asks of it: the fields and helpers of
 * Linux 7.3's struct insn that name a VEX prefix, the opcode, ModRM and an
 * immediate.  The decoder (runtime.c) knows exactly the MSR instructions:
 * RDMSR, WRMSR (also DS-prefixed), WRMSRNS, and the VEX3 map-7 F6 forms
 * with a register operand and an imm32; anything else does not decode.
 */
#ifndef HARNESS_ASM_INSN_H
#define HARNESS_ASM_INSN_H
#include <linux/types.h>

struct insn_field {
	union {
		s32 value;
		u8 bytes[4];
	};
	unsigned char got;
	unsigned char nbytes;
};

struct insn {
	struct insn_field prefixes, rex_prefix, vex_prefix, opcode, modrm, sib,
		displacement;
	union {
		struct insn_field immediate;
		struct insn_field moffset1;
		struct insn_field immediate1;
	};
	unsigned char length;
	const u8 *kaddr;
};

/* 0 with *insn filled, or -EINVAL (-22) for bytes the shim does not know. */
int insn_decode_kernel(struct insn *insn, const void *kaddr);
extern unsigned long harness_insn_decodes;	/* calls of insn_decode_kernel() */

/* VEX3: byte 1 holds ~R~X~B and the map, byte 2 W ~vvvv L pp. */
static inline int insn_vex_m_bits(struct insn *insn)
{
	return insn->vex_prefix.bytes[1] & 0x1f;
}

static inline int insn_vex_p_bits(struct insn *insn)
{
	return insn->vex_prefix.bytes[2] & 0x03;
}
#endif
