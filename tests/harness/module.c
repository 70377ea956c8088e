// SPDX-License-Identifier: GPL-2.0
/*
 * Every MSR API with every constant MSR number whose Xen PV handling is not
 * passthrough (the ones with stubs), as a module or built-in code would
 * call it (check-module.sh compiles it both ways).
 */
#include <asm/msr.h>
#include <msrgen-table.h>

#define NS_0(id, addr)
#define NS_1(id, addr)	void wrns_##id(u64 v) { wrmsrns(addr, v); }
#define R_passthrough(id, addr)
#define R_special(id, addr)						\
	u64 rd_##id(void) { u64 v; rdmsrq(addr, v); return v; }	\
	int rds_##id(u64 *p) { return rdmsrq_safe(addr, p); }
#define W_passthrough(id, addr, ns)
#define W_special(id, addr, ns)						\
	void wr_##id(u64 v) { wrmsrq(addr, v); }			\
	int wrs_##id(u64 v) { return wrmsrq_safe(addr, v); }		\
	NS_##ns(id, addr)
#define R_ignore	R_special
#define R_call		R_special
#define R_perf		R_special
#define R_fixup		R_special
#define W_ignore	W_special
#define W_call		W_special
#define W_perf		W_special
#define R(id, addr, macro, kind, arg, args)	R_##kind(id, addr)
#define W(id, addr, macro, ns, kind, arg, args)	W_##kind(id, addr, ns)

MSRGEN_TEST_READS(R)
MSRGEN_TEST_WRITES(W)
