// SPDX-License-Identifier: GPL-2.0
/*
 * wrmsrns() of a constant number: builds for the MSRs the table marks
 * nonserializing, and with HARNESS_BAD, one wrmsrns() of every other
 * written MSR, each of which must fail the build (check-buildbug.sh).
 */
#include <asm/msr.h>
#include <msrgen-table.h>

#ifdef HARNESS_BAD
#define NS_0(id, addr)	void bad_##id(u64 v) { wrmsrns(addr, v); }
#define NS_1(id, addr)
#else
#define NS_0(id, addr)
#define NS_1(id, addr)	void good_##id(u64 v) { wrmsrns(addr, v); }
#endif
#define W(id, addr, macro, ns, kind, arg, args)	NS_##ns(id, addr)

MSRGEN_TEST_WRITES(W)
