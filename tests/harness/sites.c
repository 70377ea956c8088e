// SPDX-License-Identifier: GPL-2.0
/*
 * One noinline wrapper per generated accessor, each in its own section so
 * the tests find its site (__start_/__stop_ bounds).  Built like the kernel:
 * -O2 -mno-red-zone, CONFIG_X86_64, CONFIG_XEN_PV.
 */
#include <asm/msr.h>
#include <asm/xen/hypercall.h>
#include <msrgen-table.h>

#include "sites.h"

#define SEC(kind, id)	__attribute__((noinline, used, section("msrsite_" #kind "_" #id)))
#define BOUNDS(kind, id)						\
	extern uint8_t __start_msrsite_##kind##_##id[], __stop_msrsite_##kind##_##id[];
#define SECB(kind, id)	{ __start_msrsite_##kind##_##id, __stop_msrsite_##kind##_##id }

const char *const rd_api_name[RD_NAPI] = {
	"rdmsrq", "rdmsrq_safe", "rdmsr", "rdmsr_safe",
};
const char *const wr_api_name[WR_NAPI] = {
	"wrmsrq", "wrmsrq_safe", "wrmsr", "wrmsr_safe",
	"wrmsrns",
};

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
	SEC(rdq, id) static uint64_t site_rdq_##id(void)		\
	{ uint64_t v; rdmsrq(addr, v); return v; }			\
	SEC(rdqs, id) static int site_rdqs_##id(uint64_t *p)		\
	{ return rdmsrq_safe(addr, p); }				\
	SEC(rdh, id) static uint64_t site_rdh_##id(void)		\
	{ uint32_t lo, hi; rdmsr(addr, lo, hi); return (uint64_t)hi << 32 | lo; } \
	SEC(rdhs, id) static int site_rdhs_##id(uint64_t *p)		\
	{								\
		uint32_t lo = 0x5a5a5a5a, hi = 0xa5a5a5a5;		\
		int err = rdmsr_safe(addr, &lo, &hi);			\
		*p = (uint64_t)hi << 32 | lo;				\
		return err;						\
	}								\
	BOUNDS(rdq, id) BOUNDS(rdqs, id) BOUNDS(rdh, id) BOUNDS(rdhs, id)

/* wrmsrns() builds only for the MSRs marked nonserializing. */
#define WRNS_0(id, addr)
#define WRNS_1(id, addr)						\
	SEC(wrns, id) static void site_wrns_##id(uint64_t v)		\
	{ wrmsrns(addr, v); }						\
	BOUNDS(wrns, id)
#define WRNS_FN_0(id)	NULL
#define WRNS_FN_1(id)	(void *)site_wrns_##id
#define WRNS_SEC_0(id)	{ NULL, NULL }
#define WRNS_SEC_1(id)	SECB(wrns, id)

#define WR_WRAP(id, addr, macro, ns, kind, arg, args)			\
	SEC(wrq, id) static void site_wrq_##id(uint64_t v)		\
	{ wrmsrq(addr, v); }						\
	SEC(wrqs, id) static int site_wrqs_##id(uint64_t v)		\
	{ return wrmsrq_safe(addr, v); }				\
	SEC(wrh, id) static void site_wrh_##id(uint64_t v)		\
	{ wrmsr(addr, (uint32_t)v, v >> 32); }				\
	SEC(wrhs, id) static int site_wrhs_##id(uint64_t v)		\
	{ return wrmsr_safe(addr, (uint32_t)v, v >> 32); }		\
	WRNS_##ns(id, addr)						\
	BOUNDS(wrq, id) BOUNDS(wrqs, id) BOUNDS(wrh, id) BOUNDS(wrhs, id)

MSRGEN_TEST_READS(RD_WRAP)
MSRGEN_TEST_WRITES(WR_WRAP)

#define RD_CASE(id, addr, macro, kind, arg, args)			\
	{ #id, macro, addr, K_##kind, XRD_##kind(arg, args),		\
	  { (void *)site_rdq_##id, (void *)site_rdqs_##id,		\
	    (void *)site_rdh_##id, (void *)site_rdhs_##id },		\
	  { SECB(rdq, id), SECB(rdqs, id), SECB(rdh, id), SECB(rdhs, id) } },

#define WR_CASE(id, addr, macro, ns, kind, arg, args)			\
	{ #id, macro, addr, ns, K_##kind, XWR_##kind(arg, args),	\
	  { (void *)site_wrq_##id, (void *)site_wrqs_##id,		\
	    (void *)site_wrh_##id, (void *)site_wrhs_##id, WRNS_FN_##ns(id) }, \
	  { SECB(wrq, id), SECB(wrqs, id), SECB(wrh, id), SECB(wrhs, id),	\
	    WRNS_SEC_##ns(id) } },

const struct rd_case rd_cases[] = { MSRGEN_TEST_READS(RD_CASE) };
const int n_rd_cases = sizeof(rd_cases) / sizeof(rd_cases[0]);
const struct wr_case wr_cases[] = { MSRGEN_TEST_WRITES(WR_CASE) };
const int n_wr_cases = sizeof(wr_cases) / sizeof(wr_cases[0]);

uint64_t site_call_rd(const struct rd_case *c, enum rd_api a)
{
	return ((uint64_t (*)(void))c->fn[a])();
}

int site_call_rds(const struct rd_case *c, enum rd_api a, uint64_t *p)
{
	return ((int (*)(uint64_t *))c->fn[a])(p);
}

void site_call_wr(const struct wr_case *c, enum wr_api a, uint64_t v)
{
	((void (*)(uint64_t))c->fn[a])(v);
}

int site_call_wrs(const struct wr_case *c, enum wr_api a, uint64_t v)
{
	return ((int (*)(uint64_t))c->fn[a])(v);
}

/* ---- non-constant numbers ---- */

#define VSEC(kind)	__attribute__((noinline, section("msrsite_var_" #kind)))

VSEC(rd) uint64_t site_rd_var(uint32_t msr)
{
	uint64_t v;

	rdmsrq(msr, v);
	return v;
}

VSEC(rds) int site_rds_var(uint32_t msr, uint64_t *p)
{
	return rdmsrq_safe(msr, p);
}

VSEC(rdh) uint64_t site_rdh_var(uint32_t msr)
{
	uint32_t lo, hi;

	rdmsr(msr, lo, hi);
	return (uint64_t)hi << 32 | lo;
}

VSEC(rdhs) int site_rdhs_var(uint32_t msr, uint64_t *p)
{
	uint32_t lo = 0x5a5a5a5a, hi = 0xa5a5a5a5;
	int err = rdmsr_safe(msr, &lo, &hi);

	*p = (uint64_t)hi << 32 | lo;
	return err;
}

VSEC(wr) void site_wr_var(uint32_t msr, uint64_t v)
{
	wrmsrq(msr, v);
}

VSEC(wrs) int site_wrs_var(uint32_t msr, uint64_t v)
{
	return wrmsrq_safe(msr, v);
}

VSEC(wrh) void site_wrh_var(uint32_t msr, uint64_t v)
{
	wrmsr(msr, (uint32_t)v, v >> 32);
}

VSEC(wrhs) int site_wrhs_var(uint32_t msr, uint64_t v)
{
	return wrmsr_safe(msr, (uint32_t)v, v >> 32);
}

VSEC(wrns) void site_wrns_var(uint32_t msr, uint64_t v)
{
	wrmsrns(msr, v);
}

#define VB(kind)							\
	extern uint8_t __start_msrsite_var_##kind[], __stop_msrsite_var_##kind[];
VB(rd) VB(rds) VB(rdh) VB(rdhs) VB(wr) VB(wrs) VB(wrh) VB(wrhs) VB(wrns)
#define VS(kind)	{ __start_msrsite_var_##kind, __stop_msrsite_var_##kind }
uint8_t *const var_sec[V_NAPI][2] = {
	VS(rd), VS(rds), VS(rdh), VS(rdhs), VS(wr), VS(wrs), VS(wrh), VS(wrhs), VS(wrns),
};

/* 7.3's native_read_msr() and native_write_msr() (the shim asm/msr.h). */
__attribute__((noinline)) uint64_t site_native_rd(uint32_t msr)
{
	return native_read_msr(msr);
}

__attribute__((noinline)) void site_native_wr(uint32_t msr, uint64_t v)
{
	native_write_msr(msr, v);
}
