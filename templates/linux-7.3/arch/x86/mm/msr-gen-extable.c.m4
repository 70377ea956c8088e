// SPDX-License-Identifier: GPL-2.0
MSRGEN_BANNER_C
/*
 * Exception fixups for the generated MSR sites: the rewind of a fault found
 * by an MSR stub to its call site, and the MSR number and value of a faulting
 * immediate-form instruction for the warning of ex_handler_msr().
 */
#include <linux/bitfield.h>
#include <linux/extable.h>
#include <linux/uaccess.h>
#include <asm/extable.h>
#include <asm/insn-eval.h>
#include <asm/msr-gen-extable.h>
#include <asm/ptrace.h>
#include <xen/xen.h>

/* The immediate forms: c4 <RXB.map=7> <W.vvvv.L.pp> f6 <11 000 rm> imm32 */
#define MSRGEN_VEX3			0xc4
#define MSRGEN_VEX_MAP_MASK		0x1f
#define MSRGEN_VEX_MAP7			0x07
#define MSRGEN_VEX_NOT_B		0x20
#define MSRGEN_VEX_PP_MASK		0x03
#define MSRGEN_VEX_PP_F3		0x02	/* WRMSRNS imm32, r64 */
#define MSRGEN_VEX_PP_F2		0x03	/* RDMSR r64, imm32 */
#define MSRGEN_OP_MSR_IMM		0xf6
#define MSRGEN_MODRM_REG_MASK		0xf8
#define MSRGEN_MODRM_REG0		0xc0
#define MSRGEN_IMM_INSN_SIZE		9

/*
 * Decode the instruction at regs->ip; true if it is an immediate form, with
 * the MSR number and the register operand (x86 register number).
 */
static bool msrgen_insn_imm(struct pt_regs *regs, u32 *msr, int *reg, bool *write)
{
	u8 b[MSRGEN_IMM_INSN_SIZE];
	u8 pp;

	if (copy_from_kernel_nofault(b, (void *)regs->ip, sizeof(b)))
		return false;
	if (b[0] != MSRGEN_VEX3 ||
	    (b[1] & MSRGEN_VEX_MAP_MASK) != MSRGEN_VEX_MAP7 ||
	    b[3] != MSRGEN_OP_MSR_IMM ||
	    (b[4] & MSRGEN_MODRM_REG_MASK) != MSRGEN_MODRM_REG0)
		return false;
	pp = b[2] & MSRGEN_VEX_PP_MASK;
	if (pp != MSRGEN_VEX_PP_F2 && pp != MSRGEN_VEX_PP_F3)
		return false;

	*write = pp == MSRGEN_VEX_PP_F3;
	*reg = (b[4] & 7) | ((b[1] & MSRGEN_VEX_NOT_B) ? 0 : 8);
	*msr = b[5] | b[6] << 8 | b[7] << 16 | (u32)b[8] << 24;
	return true;
}

/**
 * msrgen_insn_msr() - MSR number of the faulting MSR instruction
 * @regs: registers at the fault
 *
 * Return: the immediate of an immediate form at regs->ip, else ECX.
 */
u32 msrgen_insn_msr(struct pt_regs *regs)
{
	bool write;
	u32 msr;
	int reg;

	if (msrgen_insn_imm(regs, &msr, &reg, &write))
		return msr;
	return (u32)regs->cx;
}

/**
 * msrgen_insn_wrval() - Value the faulting MSR write tried to write
 * @regs: registers at the fault
 *
 * Return: the register operand of WRMSRNS imm32, else EDX:EAX.
 */
u64 msrgen_insn_wrval(struct pt_regs *regs)
{
	bool write;
	u32 msr;
	int reg, off;

	if (msrgen_insn_imm(regs, &msr, &reg, &write) && write) {
		off = pt_regs_offset(regs, reg);
		if (off >= 0)
			return *(unsigned long *)((unsigned long)regs + off);
	}
	return (u64)(u32)regs->dx << 32 | (u32)regs->ax;
}

/**
 * msrgen_msr_quiet() - Whether faults of non-safe MSR accesses go unreported
 *
 * A Xen PV guest with xen_msr_safe (the default) treats every MSR access as
 * a safe one, as Linux 7.3 does in xen_read_msr() and xen_write_msr().
 *
 * Return: true if ex_handler_msr() should not warn.
 */
bool msrgen_msr_quiet(void)
{
#ifdef CONFIG_XEN_PV
	return xen_pv_domain() && xen_msr_safe;
#else
	return false;
#endif
}

/**
 * ex_handler_msr_rewind() - Handle a fault of an MSR stub at its call site
 * @regs: registers at the fault; the stub's return address is at regs->sp
 * @trapnr: the trap
 * @error_code: its error code
 * @fault_addr: its fault address
 *
 * Return: true if the call site's own entry handled the fault.
 */
bool ex_handler_msr_rewind(struct pt_regs *regs, int trapnr,
			   unsigned long error_code, unsigned long fault_addr)
{
	const struct exception_table_entry *e;
	unsigned long ret, site;
	u8 op;

	if (copy_from_kernel_nofault(&ret, (void *)regs->sp, sizeof(ret)))
		return false;
	site = ret - MSRGEN_CALL_INSN_SIZE;
	if (copy_from_kernel_nofault(&op, (void *)site, sizeof(op)) || op != 0xe8)
		return false;
	e = search_exception_tables(site);
	if (!e || FIELD_GET(EX_DATA_TYPE_MASK, e->data) == EX_TYPE_MSR_REWIND)
		return false;

	regs->sp += sizeof(ret);
	regs->ip = site;
	return fixup_exception(regs, trapnr, error_code, fault_addr);
}
