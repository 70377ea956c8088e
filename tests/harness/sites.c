// SPDX-License-Identifier: GPL-2.0
/*
 * One noinline wrapper per generated accessor, each in its own section so
 * the tests find its site (__start_/__stop_ bounds).  Built like the kernel:
 * -O2 -mno-red-zone, CONFIG_XEN_PV.
 */
#include <asm/msr.h>
#include <asm/xen/hypercall.h>
#include <msrgen-table.h>

#include "sites.h"

#define SEC(kind, id)	__attribute__((noinline, used, section("msrsite_" #kind "_" #id)))
#define BOUNDS(kind, id)						\
	extern uint8_t __start_msrsite_##kind##_##id[], __stop_msrsite_##kind##_##id[];

/* Values the tests expect from the Xen PV handling. */
#define RDEXP_xen_msr_test_read(a, b)	((a) * 0x1000 + (b))
#define WREXP_xen_msr_set_segment_base(which)	(which)
#define XRD_passthrough(a, args)	0
#define XRD_ignore(a, args)		(a)
#define XRD_call(a, args)		RDEXP_##a args
#define XRD_perf(a, args)		0
#define XRD_fixup(a, args)		0
#define XWR_passthrough(a, args)	0
#define XWR_ignore(a, args)		0
#define XWR_call(a, args)		WREXP_##a args
#define XWR_perf(a, args)		0

#define RD_WRAP(id, addr, macro, kind, arg, args)			\
	SEC(rdq, id) uint64_t site_rdq_##id(void)			\
	{ uint64_t v; rdmsrq(addr, v); return v; }			\
	SEC(rdqs, id) int site_rdqs_##id(uint64_t *p)			\
	{ return rdmsrq_safe(addr, p); }				\
	BOUNDS(rdq, id)					\
	extern void xen_msrgen_stub_rd_##id(void) __attribute__((weak));	\
	extern void msrgen_dyn_stub_rd_##id(void) __attribute__((weak));

#define WR_WRAP(id, addr, macro, ns, kind, arg, args)			\
	SEC(wrq, id) void site_wrq_##id(uint64_t v)			\
	{ wrmsrq(addr, v); }						\
	SEC(wrqs, id) int site_wrqs_##id(uint64_t v)			\
	{ return wrmsrq_safe(addr, v); }				\
	BOUNDS(wrq, id)					\
	extern void xen_msrgen_stub_wr_##id(void) __attribute__((weak));	\
	extern void msrgen_dyn_stub_wr_##id(void) __attribute__((weak));

MSRGEN_TEST_READS(RD_WRAP)
MSRGEN_TEST_WRITES(WR_WRAP)

/*
 * rd and wr were the named accessors msr_read_<id>() and friends; rdmsrq()
 * of a constant is that accessor now, so both slots hold the rdmsrq() site.
 */
#define RD_CASE(id, addr, macro, kind, arg, args)			\
	{ #id, macro, addr, K_##kind, XRD_##kind(arg, args),		\
	  site_rdq_##id, site_rdqs_##id, site_rdq_##id, site_rdqs_##id,	\
	  { __start_msrsite_rdq_##id, __stop_msrsite_rdq_##id },	\
	  { __start_msrsite_rdq_##id, __stop_msrsite_rdq_##id },	\
	  xen_msrgen_stub_rd_##id, msrgen_dyn_stub_rd_##id },

#define WR_CASE(id, addr, macro, ns, kind, arg, args)			\
	{ #id, macro, addr, ns, K_##kind, XWR_##kind(arg, args),	\
	  site_wrq_##id, site_wrqs_##id, site_wrq_##id, site_wrqs_##id,	\
	  { __start_msrsite_wrq_##id, __stop_msrsite_wrq_##id },	\
	  { __start_msrsite_wrq_##id, __stop_msrsite_wrq_##id },	\
	  xen_msrgen_stub_wr_##id, msrgen_dyn_stub_wr_##id },

const struct rd_case rd_cases[] = { MSRGEN_TEST_READS(RD_CASE) };
const int n_rd_cases = sizeof(rd_cases) / sizeof(rd_cases[0]);
const struct wr_case wr_cases[] = { MSRGEN_TEST_WRITES(WR_CASE) };
const int n_wr_cases = sizeof(wr_cases) / sizeof(wr_cases[0]);

__attribute__((noinline)) uint64_t site_rd_var(uint32_t msr)
{
	uint64_t v;

	rdmsrq(msr, v);
	return v;
}

__attribute__((noinline)) int site_rds_var(uint32_t msr, uint64_t *p)
{
	return rdmsrq_safe(msr, p);
}

__attribute__((noinline)) void site_wr_var(uint32_t msr, uint64_t v)
{
	wrmsrq(msr, v);
}

__attribute__((noinline)) int site_wrs_var(uint32_t msr, uint64_t v)
{
	return wrmsrq_safe(msr, v);
}
