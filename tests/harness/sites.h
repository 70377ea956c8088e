/* SPDX-License-Identifier: GPL-2.0 */
/* The table of generated sites the tests run (one wrapper per accessor). */
#ifndef MSRGEN_HARNESS_SITES_H
#define MSRGEN_HARNESS_SITES_H
#include <stdint.h>

enum xkind { K_passthrough, K_ignore, K_call, K_perf, K_fixup };

/*
 * The constant-number read accessors, each a wrapper in its own section:
 * rdmsrq(), rdmsrq_safe(), rdmsr() and rdmsr_safe() (the halves, joined
 * again by the wrapper).
 */
enum rd_api { RD_Q, RD_QS, RD_H, RD_HS, RD_NAPI };
extern const char *const rd_api_name[RD_NAPI];
#define RD_API_SAFE(a)	((a) & 1)

struct rd_case {
	const char *id, *macro;
	uint32_t addr;
	enum xkind kind;
	uint64_t xval;		/* ignore: the constant; call: what the handler yields */
	/* RD_API_SAFE(a): int (*)(uint64_t *), else uint64_t (*)(void) */
	void *fn[RD_NAPI];
	uint8_t *sec[RD_NAPI][2];
};

/*
 * The write accessors: wrmsrq(), wrmsrq_safe(), wrmsr() and wrmsr_safe()
 * (the halves), and wrmsrns() for the MSRs the table marks nonserializing (NULL for the others: it does not build).
 */
enum wr_api { WR_Q, WR_QS, WR_H, WR_HS, WR_NS, WR_NAPI };
extern const char *const wr_api_name[WR_NAPI];
#define WR_API_SAFE(a)	((a) != WR_NS && ((a) & 1))

struct wr_case {
	const char *id, *macro;
	uint32_t addr;
	int ns;
	enum xkind kind;
	long xarg;		/* call: the expected first handler argument */
	/* WR_API_SAFE(a): int (*)(uint64_t), else void (*)(uint64_t) */
	void *fn[WR_NAPI];
	uint8_t *sec[WR_NAPI][2];
};

extern const struct rd_case rd_cases[];
extern const int n_rd_cases;
extern const struct wr_case wr_cases[];
extern const int n_wr_cases;

uint64_t site_call_rd(const struct rd_case *c, enum rd_api a);
int site_call_rds(const struct rd_case *c, enum rd_api a, uint64_t *p);
void site_call_wr(const struct wr_case *c, enum wr_api a, uint64_t v);
int site_call_wrs(const struct wr_case *c, enum wr_api a, uint64_t v);

/* Non-constant numbers, the same APIs. */
uint64_t site_rd_var(uint32_t msr);
int site_rds_var(uint32_t msr, uint64_t *p);
uint64_t site_rdh_var(uint32_t msr);
int site_rdhs_var(uint32_t msr, uint64_t *p);
void site_wr_var(uint32_t msr, uint64_t v);
int site_wrs_var(uint32_t msr, uint64_t v);
void site_wrh_var(uint32_t msr, uint64_t v);
int site_wrhs_var(uint32_t msr, uint64_t v);
void site_wrns_var(uint32_t msr, uint64_t v);
uint64_t site_native_rd(uint32_t msr);
void site_native_wr(uint32_t msr, uint64_t v);
/* Their sections (site inspection), in the order above. */
enum var_api { V_RD, V_RDS, V_RDH, V_RDHS, V_WR, V_WRS, V_WRH, V_WRHS, V_WRNS, V_NAPI };
extern uint8_t *const var_sec[V_NAPI][2];
#endif
