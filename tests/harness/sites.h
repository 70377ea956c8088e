/* SPDX-License-Identifier: GPL-2.0 */
/* The table of generated sites the tests run (one wrapper per accessor). */
#ifndef MSRGEN_HARNESS_SITES_H
#define MSRGEN_HARNESS_SITES_H
#include <stdint.h>

enum xkind { K_passthrough, K_ignore, K_call, K_perf, K_fixup };

struct rd_case {
	const char *id, *macro;
	uint32_t addr;
	enum xkind kind;
	uint64_t xval;		/* ignore: the constant; call: what the handler yields */
	uint64_t (*rd)(void);
	int (*rds)(uint64_t *p);
	uint64_t (*rdq)(void);
	int (*rdqs)(uint64_t *p);
	uint8_t *sec[2], *secq[2];
	void (*xstub)(void), (*dstub)(void);
};

struct wr_case {
	const char *id, *macro;
	uint32_t addr;
	int ns;
	enum xkind kind;
	long xarg;		/* call: the expected first handler argument */
	void (*wr)(uint64_t v);
	int (*wrs)(uint64_t v);
	void (*wrq)(uint64_t v);
	int (*wrqs)(uint64_t v);
	uint8_t *sec[2], *secq[2];
	void (*xstub)(void), (*dstub)(void);
};

extern const struct rd_case rd_cases[];
extern const int n_rd_cases;
extern const struct wr_case wr_cases[];
extern const int n_wr_cases;

uint64_t site_rd_var(uint32_t msr);
int site_rds_var(uint32_t msr, uint64_t *p);
void site_wr_var(uint32_t msr, uint64_t v);
int site_wrs_var(uint32_t msr, uint64_t v);
#endif
