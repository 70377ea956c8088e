// SPDX-License-Identifier: GPL-2.0
/*
 * Every MSR API with every constant MSR number of the table, as a module
 * or built-in code would call it (check-module.sh compiles it both ways).
 */
#include <asm/msr.h>
#include <msrgen-table.h>

#define NS_0(id, addr)
#define NS_1(id, addr)	void wrns_##id(u64 v) { wrmsrns(addr, v); }
#define R(id, addr, macro, kind, arg, args)				\
	u64 rd_##id(void) { u64 v; rdmsrq(addr, v); return v; }	\
	int rds_##id(u64 *p) { return rdmsrq_safe(addr, p); }
#define W(id, addr, macro, ns, kind, arg, args)				\
	void wr_##id(u64 v) { wrmsrq(addr, v); }			\
	int wrs_##id(u64 v) { return wrmsrq_safe(addr, v); }		\
	NS_##ns(id, addr)

MSRGEN_TEST_READS(R)
MSRGEN_TEST_WRITES(W)
