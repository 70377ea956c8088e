// SPDX-License-Identifier: GPL-2.0
MSRGEN_BANNER_C
/*
 * What ex_handler_msr() needs to know about a faulting MSR site of
 * asm/msr-gen.h: the MSR number and value of an immediate form (which has
 * them in its immediate and register operand, not in ECX and EDX:EAX).
 */
#include <linux/extable.h>
#include <asm/cpufeature.h>
#include <asm/extable.h>
#include <asm/insn.h>
#include <asm/insn-eval.h>
#include <asm/msr-gen-extable.h>
#include <asm/ptrace.h>

/* RDMSR $imm32, r64 (F2) and WRMSRNS r64, $imm32 (F3): VEX map 7, F6 /0 */
#define MSR_IMM_VEX_MAP		7
#define MSR_IMM_OPCODE		0xf6
#define MSR_IMM_VEX_P_WRITE	2	/* F3 */

/* The decoded immediate form at regs->ip, if it is one. */
static bool ex_msr_insn_imm(struct pt_regs *regs, struct insn *insn)
{
	if (!IS_ENABLED(CONFIG_X86_64) || !boot_cpu_has(X86_FEATURE_MSR_IMM))
		return false;
	if (insn_decode_kernel(insn, (void *)regs->ip))
		return false;
	return insn->vex_prefix.nbytes == 3 &&
	       insn_vex_m_bits(insn) == MSR_IMM_VEX_MAP &&
	       insn->opcode.bytes[0] == MSR_IMM_OPCODE;
}

/**
 * ex_msr_insn_msr() - MSR number of the faulting MSR instruction
 * @regs: registers at the fault
 *
 * Return: the immediate of an immediate form at regs->ip, else ECX.
 */
u32 ex_msr_insn_msr(struct pt_regs *regs)
{
	struct insn insn;

	if (ex_msr_insn_imm(regs, &insn))
		return insn.immediate.value;
	return (u32)regs->cx;
}

/**
 * ex_msr_insn_wrval() - Value the faulting MSR write tried to write
 * @regs: registers at the fault
 *
 * Return: the register operand of WRMSRNS $imm32, else EDX:EAX.
 */
u64 ex_msr_insn_wrval(struct pt_regs *regs)
{
	struct insn insn;
	int off;

	if (ex_msr_insn_imm(regs, &insn) && insn_vex_p_bits(&insn) == MSR_IMM_VEX_P_WRITE) {
		off = insn_get_modrm_rm_off(&insn, regs);
		if (off >= 0)
			return *(unsigned long *)((unsigned long)regs + off);
	}
	return (u64)(u32)regs->dx << 32 | (u32)regs->ax;
}
