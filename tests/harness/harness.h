/* SPDX-License-Identifier: GPL-2.0 */
/*
 * msrgen userspace harness: runs the generated linux-7.3 MSR sites in a
 * process.  Privileged MSR instructions fault; a signal handler emulates
 * them against a model MSR file (native, or Xen PV's trap-and-emulate) and
 * runs the exception table on an injected #GP, as the kernel would.
 */
#ifndef MSRGEN_HARNESS_H
#define MSRGEN_HARNESS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <asm/alternative.h>
#include <asm/cpufeatures.h>
#include <asm/extable.h>

/* Feature sets the tests patch for. */
enum harness_fs {
	FS_LEGACY,	/* native, no WRMSRNS, no MSR_IMM */
	FS_WRMSRNS,	/* native + WRMSRNS */
	FS_MSR_IMM,	/* native + WRMSRNS + MSR_IMM */
	FS_XENPV,	/* Xen PV (with WRMSRNS and MSR_IMM also set: XENPV must win) */
	FS_COUNT
};
extern const char *const harness_fs_name[FS_COUNT];

/* Executed instructions, by kind (counted by the emulator). */
enum harness_insn {
	I_RDMSR, I_WRMSR, I_WRMSR_DS, I_WRMSRNS, I_RDMSR_IMM, I_WRMSRNS_IMM, I_UD2, I_COUNT
};

#define HARNESS_NTRACE 8
struct harness_trace {
	bool wr;
	uint32_t msr;
	uint64_t val;
	int failed;
};

struct harness_log {
	unsigned long n[I_COUNT];
	unsigned long bad;		/* instruction the platform lacks */
	unsigned long gp;		/* #GP delivered */
	unsigned long warn;		/* unchecked MSR access reports */
	uint32_t warn_msr;
	uint64_t warn_val;
	unsigned long warn_ip;
	uint32_t last_msr;
	uint64_t last_val;
	int seg_calls;			/* fake HYPERVISOR_set_segment_base */
	int seg_which;
	uint64_t seg_base;
	unsigned long ntrace;		/* do_trace_{read,write}_msr() calls */
	struct harness_trace trace[HARNESS_NTRACE];
};
extern struct harness_log hlog;

extern int harness_warn_count;
extern int harness_cpu;
extern bool harness_pmu_on;	/* fake vPMU emulates P6 event selects */
void pmu_set(uint32_t msr, uint64_t val);
bool pmu_get(uint32_t msr, uint64_t *val);
extern int harness_test_read_err;
extern int harness_seg_err;	/* what the fake HYPERVISOR_set_segment_base() returns */
extern bool xen_msr_safe;	/* Linux 7.3: xen_msr_safe= */
extern bool harness_trace_on;	/* tracepoint_enabled(read_msr/write_msr) */

void harness_init(void);
void harness_set_caps(enum harness_fs fs);	/* caps only (before patching) */
void harness_patch(enum harness_fs fs);	/* caps + apply alternatives */
void harness_log_clear(void);

/* Model MSR file. */
void model_reset(void);
void model_set(uint32_t msr, uint64_t val);
bool model_get(uint32_t msr, uint64_t *val);
void model_inject_gp(uint32_t msr, bool on);

/* Site inspection. */
struct site {
	uint8_t *start, *end;
};
bool site_find(uint8_t *sec_start, uint8_t *sec_end, struct site *s);
/* Non-NOP instructions, NOP instructions, calls; -1 on an unknown byte. */
int site_count(const struct site *s, int *nops, int *calls);
int insn_len(const uint8_t *p);

extern struct alt_instr harness_alt_start[], harness_alt_end[];
extern struct exception_table_entry __start___ex_table[], __stop___ex_table[];

#endif
