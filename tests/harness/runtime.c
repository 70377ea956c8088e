// SPDX-License-Identifier: GPL-2.0
/*
 * msrgen harness runtime: feature sets, alternatives patching as Linux 7.3
 * does it, an emulator of the MSR instructions (native and Xen PV models),
 * the exception table fixups the sites use, and fakes of the kernel
 * functions the generated Xen code calls.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "harness.h"
#include <asm/insn.h>
#include <asm/insn-eval.h>
#include <asm/msr-gen-extable.h>
#include <asm/ptrace.h>
#include <linux/extable.h>

#include <linux/errno.h>

const char *const harness_fs_name[FS_COUNT] = {
	"legacy", "wrmsrns", "msr_imm", "xenpv",
};

struct harness_log hlog;
int harness_warn_count;
int harness_cpu;
bool harness_pmu_on;

int harness_test_read_err;
bool harness_trace_on;
unsigned long harness_insn_decodes;

/* ---- CPU capabilities ---- */

static uint32_t caps[32];
static bool xen_mode;
bool xen_msr_safe;

bool harness_xen_pv(void)
{
	return xen_mode;
}

/*
 * What the generated C bodies call (boot_cpu_has(), the fakes below)
 * scratches every register the C ABI lets a callee clobber, so a site that
 * does not declare one of them clobbered shows.
 */
static inline void scratch_caller_saved(void)
{
	asm volatile("mov $-1, %%rsi\n\tmov $-1, %%rdi\n\tmov $-1, %%r8\n\t"
		     "mov $-1, %%r9\n\tmov $-1, %%r10\n\tmov $-1, %%r11\n\t"
		     "mov $-1, %%rcx\n\tmov $-1, %%rdx"
		     : : : "rsi", "rdi", "r8", "r9", "r10", "r11", "rcx", "rdx");
}

bool harness_cpu_has(unsigned int bit)
{
	scratch_caller_saved();
	return bit < 32 * 32 && (caps[bit / 32] >> (bit % 32)) & 1;
}

static void cap_set(unsigned int bit)
{
	caps[bit / 32] |= 1u << (bit % 32);
}

void harness_set_caps(enum harness_fs fs)
{
	memset(caps, 0, sizeof(caps));
	cap_set(X86_FEATURE_ALWAYS);
	if (fs >= FS_WRMSRNS)
		cap_set(X86_FEATURE_WRMSRNS);
	if (fs >= FS_MSR_IMM)
		cap_set(X86_FEATURE_MSR_IMM);
	xen_mode = fs == FS_XENPV;
	if (xen_mode)
		cap_set(X86_FEATURE_XENPV);
}

/* ---- Model MSR file ---- */

#define NMODEL 256
static struct {
	uint32_t msr;
	uint64_t val;
	bool gp;
} model[NMODEL];
static int nmodel;

void model_reset(void)
{
	nmodel = 0;
}

static int model_find(uint32_t msr, bool add)
{
	for (int i = 0; i < nmodel; i++)
		if (model[i].msr == msr)
			return i;
	if (!add || nmodel == NMODEL)
		return -1;
	model[nmodel].msr = msr;
	model[nmodel].val = 0;
	model[nmodel].gp = false;
	return nmodel++;
}

void model_set(uint32_t msr, uint64_t val)
{
	model[model_find(msr, true)].val = val;
}

bool model_get(uint32_t msr, uint64_t *val)
{
	int i = model_find(msr, false);

	if (i < 0)
		return false;
	*val = model[i].val;
	return true;
}

void model_inject_gp(uint32_t msr, bool on)
{
	model[model_find(msr, true)].gp = on;
}

/*
 * One MSR access by the CPU (native) or by Xen emulating a trapped RDMSR or
 * WRMSR (Xen PV): an unknown MSR or an injected fault is a #GP.
 */
static bool msr_access(uint32_t msr, uint64_t *val, bool write)
{
	int i = model_find(msr, false);

	hlog.last_msr = msr;
	if (i < 0 || model[i].gp)
		return false;
	if (write) {
		model[i].val = *val;
		hlog.last_val = *val;
	} else {
		*val = model[i].val;
	}
	return true;
}

/* ---- pt_regs <-> ucontext ---- */

static const int greg_of[16] = {
	REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
	REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};

static const int ptreg_off[16] = {
	offsetof(struct pt_regs, ax), offsetof(struct pt_regs, cx),
	offsetof(struct pt_regs, dx), offsetof(struct pt_regs, bx),
	offsetof(struct pt_regs, sp), offsetof(struct pt_regs, bp),
	offsetof(struct pt_regs, si), offsetof(struct pt_regs, di),
	offsetof(struct pt_regs, r8), offsetof(struct pt_regs, r9),
	offsetof(struct pt_regs, r10), offsetof(struct pt_regs, r11),
	offsetof(struct pt_regs, r12), offsetof(struct pt_regs, r13),
	offsetof(struct pt_regs, r14), offsetof(struct pt_regs, r15),
};

int pt_regs_offset(struct pt_regs *regs, int regno)
{
	(void)regs;
	return regno >= 0 && regno < 16 ? ptreg_off[regno] : -1;
}

static unsigned long *preg(struct pt_regs *r, int n)
{
	return (unsigned long *)((char *)r + ptreg_off[n]);
}

static void uc_to_regs(const ucontext_t *uc, struct pt_regs *r)
{
	memset(r, 0, sizeof(*r));
	for (int n = 0; n < 16; n++)
		*preg(r, n) = uc->uc_mcontext.gregs[greg_of[n]];
	r->ip = uc->uc_mcontext.gregs[REG_RIP];
	r->flags = uc->uc_mcontext.gregs[REG_EFL];
}

static void regs_to_uc(const struct pt_regs *r, ucontext_t *uc)
{
	for (int n = 0; n < 16; n++)
		uc->uc_mcontext.gregs[greg_of[n]] = *preg((struct pt_regs *)r, n);
	uc->uc_mcontext.gregs[REG_RIP] = r->ip;
}

/* ---- Exception table (the fixup types the generated code uses) ---- */

static unsigned long ex_insn(const struct exception_table_entry *e)
{
	return (unsigned long)&e->insn + e->insn;
}

static unsigned long ex_fixup(const struct exception_table_entry *e)
{
	return (unsigned long)&e->fixup + e->fixup;
}

const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	for (struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++)
		if (ex_insn(e) == addr)
			return e;
	return NULL;
}

/*
 * As Linux 7.3's ex_handler_msr() with msrgen's install: an unchecked
 * access is reported unless ex_msr_quiet(e) (Xen PV, xen_msr_safe, an
 * entry of rdmsrq()/wrmsrq()); the MSR and the value come from
 * ex_msr_insn_msr() and ex_msr_insn_wrval() (the immediate forms).
 */
int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		    unsigned long fault_addr)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);
	int type, reg;
	bool wr, safe;

	(void)trapnr;
	(void)error_code;
	(void)fault_addr;
	if (!e)
		return 0;
	type = e->data & EX_DATA_TYPE_MASK;
	reg = (e->data & EX_DATA_REG_MASK) >> EX_DATA_REG_SHIFT;
	switch (type) {
	case EX_TYPE_DEFAULT:
		regs->ip = ex_fixup(e);
		return 1;
	case EX_TYPE_WRMSR:
	case EX_TYPE_RDMSR:
	case EX_TYPE_WRMSR_SAFE:
	case EX_TYPE_RDMSR_SAFE:
		wr = type == EX_TYPE_WRMSR || type == EX_TYPE_WRMSR_SAFE;
		safe = type == EX_TYPE_WRMSR_SAFE || type == EX_TYPE_RDMSR_SAFE;
		if (!safe && !ex_msr_quiet(e)) {
			hlog.warn++;
			hlog.warn_msr = ex_msr_insn_msr(regs);
			hlog.warn_val = wr ? ex_msr_insn_wrval(regs) : 0;
			hlog.warn_ip = regs->ip;
		}
		if (!wr) {
			regs->ax = 0;
			regs->dx = 0;
		}
		if (safe)
			*preg(regs, reg) = (unsigned long)-EIO;
		regs->ip = ex_fixup(e);
		return 1;
	}
	return 0;
}

/* ---- The instruction decoder ex_msr_insn_*() use (asm/insn.h) ---- */

int insn_decode_kernel(struct insn *insn, const void *kaddr)
{
	const uint8_t *p = kaddr;
	int pfx = 0;

	harness_insn_decodes++;
	memset(insn, 0, sizeof(*insn));
	insn->kaddr = kaddr;
	if (p[0] == 0xc4 && (p[1] & 0x1f) == 7 && p[3] == 0xf6 && (p[4] & 0xc0) == 0xc0) {
		memcpy(insn->vex_prefix.bytes, p, 3);
		insn->vex_prefix.nbytes = 3;
		insn->opcode.bytes[0] = 0xf6;
		insn->opcode.nbytes = 1;
		insn->modrm.bytes[0] = p[4];
		insn->modrm.nbytes = 1;
		memcpy(&insn->immediate.value, p + 5, 4);
		insn->immediate.nbytes = 4;
		insn->length = 9;
		return 0;
	}
	if (p[0] == 0x3e) {
		insn->prefixes.bytes[0] = 0x3e;
		insn->prefixes.nbytes = 1;
		pfx = 1;
	}
	if (p[pfx] == 0x0f && (p[pfx + 1] == 0x30 || (!pfx && p[1] == 0x32))) {
		memcpy(insn->opcode.bytes, p + pfx, 2);
		insn->opcode.nbytes = 2;
		insn->length = pfx + 2;
		return 0;
	}
	if (!pfx && p[0] == 0x0f && p[1] == 0x01 && p[2] == 0xc6) {
		memcpy(insn->opcode.bytes, p, 2);
		insn->opcode.nbytes = 2;
		insn->modrm.bytes[0] = 0xc6;
		insn->modrm.nbytes = 1;
		insn->length = 3;
		return 0;
	}
	return -EINVAL;
}

int insn_get_modrm_rm_off(struct insn *insn, struct pt_regs *regs)
{
	int rm = insn->modrm.bytes[0] & 7;

	if (!insn->modrm.nbytes || (insn->modrm.bytes[0] & 0xc0) != 0xc0)
		return -EINVAL;
	if (insn->vex_prefix.nbytes == 3 && !(insn->vex_prefix.bytes[1] & 0x20))
		rm += 8;	/* ~B clear */
	return pt_regs_offset(regs, rm);
}

/* ---- The tracepoints (asm/msr.h) ---- */

static void trace(bool wr, uint32_t msr, uint64_t val, int failed)
{
	if (hlog.ntrace < HARNESS_NTRACE) {
		hlog.trace[hlog.ntrace].wr = wr;
		hlog.trace[hlog.ntrace].msr = msr;
		hlog.trace[hlog.ntrace].val = val;
		hlog.trace[hlog.ntrace].failed = failed;
	}
	hlog.ntrace++;
}

void do_trace_read_msr(u32 msr, u64 val, int failed)
{
	trace(false, msr, val, failed);
}

void do_trace_write_msr(u32 msr, u64 val, int failed)
{
	trace(true, msr, val, failed);
}

/* ---- Emulator ---- */

static void deliver(ucontext_t *uc, int trapnr)
{
	struct pt_regs regs;

	if (trapnr == 13)
		hlog.gp++;
	uc_to_regs(uc, &regs);
	if (!fixup_exception(&regs, trapnr, 0, 0)) {
		fprintf(stderr, "harness: unhandled trap %d at %#lx\n", trapnr, regs.ip);
		abort();
	}
	regs_to_uc(&regs, uc);
}

static void on_trap(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	uint8_t *ip = (uint8_t *)g[REG_RIP];
	uint64_t v;
	uint32_t msr;
	int len, reg;
	bool wr;

	(void)sig;
	(void)si;
	if (ip[0] == 0x0f && ip[1] == 0x0b) {
		hlog.n[I_UD2]++;
		deliver(uc, 6);
		return;
	}
	if (ip[0] == 0x0f && ip[1] == 0x32) {
		hlog.n[I_RDMSR]++;
		msr = (uint32_t)g[REG_RCX];
		if (!msr_access(msr, &v, false))
			return deliver(uc, 13);
		g[REG_RAX] = (uint32_t)v;
		g[REG_RDX] = v >> 32;
		g[REG_RIP] += 2;
		return;
	}
	len = 0;
	if (ip[0] == 0x0f && ip[1] == 0x30)
		len = 2;
	else if (ip[0] == 0x3e && ip[1] == 0x0f && ip[2] == 0x30)
		len = 3;
	if (len) {
		hlog.n[len == 2 ? I_WRMSR : I_WRMSR_DS]++;
		msr = (uint32_t)g[REG_RCX];
		v = (uint64_t)(uint32_t)g[REG_RDX] << 32 | (uint32_t)g[REG_RAX];
		if (!msr_access(msr, &v, true))
			return deliver(uc, 13);
		g[REG_RIP] += len;
		return;
	}
	if (ip[0] == 0x0f && ip[1] == 0x01 && ip[2] == 0xc6) {
		hlog.n[I_WRMSRNS]++;
		/* Xen PV emulates only 0f 30 / 0f 32; a CPU without it: #UD. */
		if (xen_mode || !harness_cpu_has(X86_FEATURE_WRMSRNS)) {
			hlog.bad++;
			return deliver(uc, xen_mode ? 13 : 6);
		}
		msr = (uint32_t)g[REG_RCX];
		v = (uint64_t)(uint32_t)g[REG_RDX] << 32 | (uint32_t)g[REG_RAX];
		if (!msr_access(msr, &v, true))
			return deliver(uc, 13);
		g[REG_RIP] += 3;
		return;
	}
	if (ip[0] == 0xc4 && (ip[1] & 0x1f) == 7 && (ip[2] & 0x7f) >= 0x7a &&
	    ip[3] == 0xf6 && (ip[4] & 0xf8) == 0xc0) {
		wr = (ip[2] & 3) == 2;
		hlog.n[wr ? I_WRMSRNS_IMM : I_RDMSR_IMM]++;
		reg = (ip[4] & 7) | ((ip[1] & 0x20) ? 0 : 8);
		memcpy(&msr, ip + 5, 4);
		if (xen_mode || !harness_cpu_has(X86_FEATURE_MSR_IMM)) {
			hlog.bad++;
			return deliver(uc, xen_mode ? 13 : 6);
		}
		v = g[greg_of[reg]];
		if (!msr_access(msr, &v, wr))
			return deliver(uc, 13);
		if (!wr)
			g[greg_of[reg]] = v;
		g[REG_RIP] += 9;
		return;
	}
	fprintf(stderr, "harness: unexpected fault at %p: %02x %02x %02x\n",
		(void *)ip, ip[0], ip[1], ip[2]);
	abort();
}

/* ---- Patching ---- */

static uint8_t *alt_instr_va(struct alt_instr *a)
{
	return (uint8_t *)&a->instr_offset + a->instr_offset;
}

static uint8_t *alt_repl_va(struct alt_instr *a)
{
	return (uint8_t *)&a->repl_offset + a->repl_offset;
}

/* Pristine bytes of every site, saved before the first patching. */
static struct pristine {
	uint8_t *addr;
	uint8_t len;
	uint8_t bytes[64];
} *pristine;
static size_t npristine;

void harness_log_clear(void)
{
	memset(&hlog, 0, sizeof(hlog));
	harness_warn_count = 0;
}

void harness_init(void)
{
	struct sigaction sa;
	size_t n = harness_alt_end - harness_alt_start;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_trap;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
	harness_set_caps(FS_LEGACY);
	harness_log_clear();
	model_reset();

	pristine = calloc(n ? n : 1, sizeof(*pristine));
	for (struct alt_instr *a = harness_alt_start; a < harness_alt_end; a++) {
		uint8_t *p = alt_instr_va(a);
		size_t i;

		for (i = 0; i < npristine && pristine[i].addr != p; i++)
			;
		if (i == npristine) {
			pristine[npristine].addr = p;
			npristine++;
		}
		if (a->instrlen > pristine[i].len)
			pristine[i].len = a->instrlen;
	}
	for (size_t i = 0; i < npristine; i++)
		memcpy(pristine[i].bytes, pristine[i].addr, pristine[i].len);
}

int insn_len(const uint8_t *p)
{
	int pfx = 0;

	if (p[0] == 0x66) {
		pfx = 1;
		p++;
	}
	switch (p[0]) {
	case 0x90:
		return pfx + 1;
	case 0xb0 ... 0xb7:
		return pfx + 2;
	case 0x89:
		return (p[1] & 0xc0) == 0xc0 ? pfx + 2 : -1;
	case 0xb8 ... 0xbf:
	case 0xe8:
	case 0xe9:
		return pfx + 5;
	case 0xeb:
		return pfx + 2;
	case 0x31:
		return pfx + 2;
	case 0x3e:
		return p[1] == 0x0f && p[2] == 0x30 ? pfx + 3 : -1;
	case 0xc4:
		return (p[1] & 0x1f) == 7 && p[3] == 0xf6 ? pfx + 9 : -1;
	case 0x48:
		if (p[1] >= 0xb8 && p[1] <= 0xbf)
			return pfx + 10;
		if (p[1] == 0xc1)
			return pfx + 4;
		if (p[1] == 0x09 || p[1] == 0x89)
			return pfx + 3;
		return -1;
	case 0x0f:
		if (p[1] == 0x30 || p[1] == 0x32 || p[1] == 0x0b)
			return pfx + 2;
		if (p[1] == 0x01 && p[2] == 0xc6)
			return pfx + 3;
		if (p[1] == 0x1f) {
			switch (p[2]) {
			case 0x00: return pfx + 3;
			case 0x40: return pfx + 4;
			case 0x44: return pfx + 5;
			case 0x80: return pfx + 7;
			case 0x84: return pfx + 8;
			}
		}
		return -1;
	}
	return -1;
}

static bool is_nop(const uint8_t *p)
{
	if (p[0] == 0x66)
		p++;
	return p[0] == 0x90 || (p[0] == 0x0f && p[1] == 0x1f);
}

/* Long NOPs (the usual x86-64 forms), as the kernel's optimize_nops() leaves them. */
static const uint8_t nops[9][9] = {
	{ 0 },
	{ 0x90 },
	{ 0x66, 0x90 },
	{ 0x0f, 0x1f, 0x00 },
	{ 0x0f, 0x1f, 0x40, 0x00 },
	{ 0x0f, 0x1f, 0x44, 0x00, 0x00 },
	{ 0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00 },
	{ 0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00 },
	{ 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
};

static void optimize_nops(uint8_t *buf, int len)
{
	for (int i = 0; i < len;) {
		int l = insn_len(buf + i), j;

		if (l <= 0)
			return;
		if (!is_nop(buf + i)) {
			i += l;
			continue;
		}
		for (j = i; j < len && insn_len(buf + j) > 0 && is_nop(buf + j); j += insn_len(buf + j))
			;
		for (int k = i; k < j;) {
			int n = j - k > 8 ? 8 : j - k;

			memcpy(buf + k, nops[n], n);
			k += n;
		}
		i = j;
	}
}

static void text_write(uint8_t *dst, const uint8_t *src, size_t len)
{
	long pg = sysconf(_SC_PAGESIZE);
	uintptr_t a = (uintptr_t)dst & ~(pg - 1);
	size_t span = ((uintptr_t)dst + len - a + pg - 1) & ~(pg - 1);

	if (mprotect((void *)a, span, PROT_READ | PROT_WRITE | PROT_EXEC)) {
		perror("mprotect");
		abort();
	}
	memcpy(dst, src, len);
	mprotect((void *)a, span, PROT_READ | PROT_EXEC);
}

void harness_patch(enum harness_fs fs)
{
	struct alt_instr *a = harness_alt_start;

	harness_set_caps(fs);
	while (a < harness_alt_end) {
		uint8_t *instr = alt_instr_va(a), buf[64], *repl;
		struct alt_instr *pick = NULL;
		int len = 0, i;

		/* Consecutive entries of one site: the last eligible one wins. */
		for (; a < harness_alt_end && alt_instr_va(a) == instr; a++) {
			if (a->instrlen > len)
				len = a->instrlen;
			if (harness_cpu_has(a->ft_flags & 0xffff) != !!((a->ft_flags >> 16) & 1))
				pick = a;
		}
		for (i = 0; i < (int)npristine && pristine[i].addr != instr; i++)
			;
		memcpy(buf, pristine[i].bytes, len);
		if (pick) {
			repl = alt_repl_va(pick);
			memcpy(buf, repl, pick->replacementlen);
			memset(buf + pick->replacementlen, 0x90, len - pick->replacementlen);
			/* rel32 of call/jmp whose target is outside the replacement */
			for (int k = 0; k < pick->replacementlen;) {
				int l = insn_len(buf + k);

				if (l <= 0) {
					fprintf(stderr, "harness: cannot decode replacement at %p\n", repl + k);
					abort();
				}
				if (buf[k] == 0xe8 || buf[k] == 0xe9) {
					int32_t d;
					uint8_t *tgt;

					memcpy(&d, buf + k + 1, 4);
					tgt = repl + k + 5 + d;
					if (tgt < repl || tgt > repl + pick->replacementlen) {
						d += (int32_t)(repl - instr);
						memcpy(buf + k + 1, &d, 4);
					}
				}
				k += l;
			}
		}
		optimize_nops(buf, len);
		text_write(instr, buf, len);
	}
}

/* ---- Site inspection ---- */

bool site_find(uint8_t *ss, uint8_t *se, struct site *s)
{
	uint8_t *alt = NULL, *end = NULL, *low = NULL;

	for (struct alt_instr *a = harness_alt_start; a < harness_alt_end; a++) {
		uint8_t *p = alt_instr_va(a);

		if (p >= ss && p < se && (!alt || p < alt))
			alt = p;
	}
	for (struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++) {
		uint8_t *p = (uint8_t *)ex_insn(e);

		if (p >= ss && p < se) {
			end = (uint8_t *)ex_fixup(e);
			if (!low || p < low)
				low = p;
		}
	}
	if (!end)
		return false;
	s->end = end;
	/* A site without alternatives is the bare instruction (wrmsrq()). */
	s->start = alt ? alt : low;
	return true;
}

int site_count(const struct site *s, int *nnops, int *calls)
{
	int n = 0;

	*nnops = 0;
	*calls = 0;
	for (uint8_t *p = s->start; p < s->end;) {
		int l = insn_len(p);

		if (l <= 0)
			return -1;
		if (is_nop(p))
			(*nnops)++;
		else
			n++;
		if (*p == 0xe8)
			(*calls)++;
		p += l;
	}
	return n;
}

/* ---- Fakes of what the generated Xen code calls ---- */

int harness_seg_err;

int HYPERVISOR_set_segment_base(int which, unsigned long base)
{
	scratch_caller_saved();
	hlog.seg_calls++;
	hlog.seg_which = which;
	hlog.seg_base = base;
	return harness_seg_err;
}

static struct { uint32_t msr; uint64_t val; } pmu[64];
static int npmu;

void pmu_set(uint32_t msr, uint64_t val)
{
	for (int i = 0; i < npmu; i++)
		if (pmu[i].msr == msr) {
			pmu[i].val = val;
			return;
		}
	if (npmu < 64) {
		pmu[npmu].msr = msr;
		pmu[npmu++].val = val;
	}
}

bool pmu_get(uint32_t msr, uint64_t *val)
{
	for (int i = 0; i < npmu; i++)
		if (pmu[i].msr == msr) {
			*val = pmu[i].val;
			return true;
		}
	return false;
}

/* The fake vPMU emulates the MSRs given to pmu_set() while harness_pmu_on. */
bool pmu_msr_chk_emulated(uint32_t msr, uint64_t *val, bool is_read)
{
	uint64_t v;

	scratch_caller_saved();
	if (!harness_pmu_on || !pmu_get(msr, &v))
		return false;
	if (is_read)
		*val = v;
	else
		pmu_set(msr, *val);
	return true;
}

int xen_msr_test_read(unsigned long a, unsigned long b, uint64_t *val)
{
	scratch_caller_saved();
	*val = a * 0x1000 + b;
	return harness_test_read_err;
}
