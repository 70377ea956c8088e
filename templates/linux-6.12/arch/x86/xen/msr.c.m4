// SPDX-License-Identifier: GPL-2.0
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * Xen PV side of the MSR accessors of asm/msr-gen.h: xen_pv_rdmsr() and
 * xen_pv_wrmsr(), which handle every MSR as the MSR tables say for Xen PV,
 * early_rdmsr() and early_wrmsr() for the sites before the alternatives
 * are applied, and the handlers the tables name.  The sites of
 * asm/msr-gen.h call them as C functions.
 *
 * They get safe = true for a _safe access.  Otherwise a failing access
 * is reported by its instruction, or a failing handler by WARN(), unless
 * xen_msr_safe= says to treat every access as a _safe one.  The sites trace the accesses, so the
 * instructions here are the untraced ones.
 *
 * The inline sites of any module call xen_pv_rdmsr(), xen_pv_wrmsr(),
 * early_rdmsr() and early_wrmsr(), as they used pv_ops before, so these
 * are exported as pv_ops is (EXPORT_SYMBOL).
 */
#include <linux/bug.h>
#include <linux/cpufeature.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/smp.h>
#include <linux/types.h>
#include <asm/apicdef.h>
#include <asm/extable.h>
#include <asm/msr.h>
#include <asm/xen/hypercall.h>
#include <xen/xen.h>

#include "xen-ops.h"
#include "msr.h"

static __always_inline int msr_native_read(u32 msr, u64 *val, bool safe)
{
	if (safe)
		return __msr_rd_native_safe(msr, val);
	*val = __msr_rd_native(msr);
	return 0;
}

static __always_inline int msr_native_write(u32 msr, u64 val, bool safe)
{
	if (safe)
		return __msr_wr_native_safe(msr, val);
	__msr_wr_native(msr, val);
	return 0;
}

static __always_inline int xen_msr_native_read(u32 msr, u64 *val, bool safe)
{
	return msr_native_read(msr, val, safe || xen_msr_safe);
}

static __always_inline int xen_msr_native_write(u32 msr, u64 val, bool safe)
{
	return msr_native_write(msr, val, safe || xen_msr_safe);
}

/*
 * The result of a write handler: a failure is reported unless the write is
 * a _safe one or xen_msr_safe is set, as 6.12's xen_do_write_msr() did.
 */
static __always_inline int xen_msr_call_done(u32 msr, u64 val, bool safe, int err)
{
	WARN(err && !safe && !xen_msr_safe, "Xen: write of MSR %#x (%#llx) failed\n",
	     msr, val);
	return err;
}
m4_divert(-1)
Handlers this target knows, emitted when the tables name them.
m4_define([[MSRGEN_HANDLER]], [[m4_ifelse([[$3]], [[X86_FEATURE_XENPV]], [[_mg_set([[uses_$1_$5]], [[1]])]])]])
MSRGEN_MODEL
m4_define([[MSRGEN_HANDLER]], [[]])
m4_ifelse(_mg_get([[uses_xen_msr_set_segment_base_write]]), [[1]], [[m4_divert(0)
/**
 * xen_msr_set_segment_base() - Set a segment base through Xen
 * @which: SEGBASE_* selector
 * @val: the base
 *
 * Return: 0, or -EIO if Xen refused.
 */
int xen_msr_set_segment_base(unsigned long which, u64 val)
{
	return HYPERVISOR_set_segment_base(which, val) ? -EIO : 0;
}
m4_divert(-1)]])
m4_ifelse(_mg_get([[uses_xen_msr_apicbase_fixup_read]]), [[1]], [[m4_divert(0)
/**
 * xen_msr_apicbase_fixup() - Adjust an APIC base value read on Xen PV
 * @val: the value read
 *
 * The guest never sees x2APIC mode enabled; only CPU 0 is the BSP.
 */
void xen_msr_apicbase_fixup(u64 *val)
{
	*val &= ~(u64)X2APIC_ENABLE;
	if (smp_processor_id() == 0)
		*val |= MSR_IA32_APICBASE_BSP;
	else
		*val &= ~(u64)MSR_IA32_APICBASE_BSP;
}
m4_divert(-1)]])

Runtime dispatch, over the MSRGEN_ON records of Xen PV (_mg_xenpv): cases
for the MSRs whose Xen PV handling is ignore, call or fixup (perf is the
default path: the vPMU check first), once per address.
m4_define([[_mg_rcase]], [[m4_ifelse(m4_ifelse([[$8]], [[]], [[0]], [[1]])_mg_once([[rcase$3]]), [[11]], [[m4_ifelse(
[[$8]], [[ignore]], [[m4_divert(0)m4_dnl
	case $2:
		return (struct msr_result){ $9ULL, 0 };
m4_divert(-1)]],
[[$8]], [[fixup]], [[m4_divert(0)m4_dnl
	case $2:
		err = xen_msr_native_read(msr, &val, safe);
		$9(&val);
		return (struct msr_result){ val, err };
m4_divert(-1)]],
[[$8]], [[call]], [[m4_divert(0)m4_dnl
	case $2:
		err = $9(_mg_hargs([[$10]])&val);
		return (struct msr_result){ val, err };
m4_divert(-1)]])]])]])
_mg_wign: a case label of an ignored write (they share one return);
_mg_wcase: a case of a write whose handler is called.
m4_define([[_mg_wign]], [[m4_ifelse([[$11]]_mg_once([[wign$3]]), [[ignore1]], [[m4_divert(0)m4_dnl
	case $2:
m4_divert(-1)_mg_set([[wign_any]], [[1]])]])]])
m4_define([[_mg_wcase]], [[m4_ifelse([[$11]]_mg_once([[wcase$3]]), [[call1]], [[m4_divert(0)m4_dnl
	case $2:
		return xen_msr_call_done(msr, val, safe,
					 $12(_mg_hargs([[$13]])val));
m4_divert(-1)]])]])
m4_divert(0)
/**
 * xen_pv_rdmsr() - Read an MSR on Xen PV, number known at run time
 * @msr: the MSR number
 * @safe: true for rdmsrl_safe() semantics
 *
 * Return: the value and 0, or -EIO if the read failed.
 */
struct msr_result xen_pv_rdmsr(u32 msr, bool safe)
{
	u64 val = 0;
	int err;

	switch (msr) {
m4_divert(-1)
_mg_xenpv([[_mg_rcase]])
m4_divert(0)m4_dnl
	}
	if (pmu_msr_chk_emulated(msr, &val, true))
		return (struct msr_result){ val, 0 };
	err = xen_msr_native_read(msr, &val, safe);
	return (struct msr_result){ val, err };
}
EXPORT_SYMBOL(xen_pv_rdmsr);

/**
 * xen_pv_wrmsr() - Write an MSR on Xen PV, number known at run time
 * @msr: the MSR number
 * @val: the value
 * @safe: true for wrmsrl_safe() semantics
 *
 * Return: 0, or -EIO if the write failed.
 */
int xen_pv_wrmsr(u32 msr, u64 val, bool safe)
{
	switch (msr) {
m4_divert(-1)
_mg_xenpv([[_mg_wign]])
m4_ifelse(_mg_get([[wign_any]]), [[1]], [[m4_divert(0)m4_dnl
		return 0;	/* Xen PV ignores these writes */
m4_divert(-1)]])
_mg_xenpv([[_mg_wcase]])
m4_divert(0)m4_dnl
	}
	if (pmu_msr_chk_emulated(msr, &val, false))
		return 0;
	return xen_msr_native_write(msr, val, safe);
}
EXPORT_SYMBOL(xen_pv_wrmsr);

/**
 * early_rdmsr() - Read an MSR before the alternatives are applied
 * @msr: the MSR number
 * @safe: true for rdmsrl_safe() semantics
 *
 * Return: the value and 0, or -EIO if the read failed.
 */
struct msr_result early_rdmsr(u32 msr, bool safe)
{
	u64 val = 0;
	int err;

	if (boot_cpu_has(X86_FEATURE_XENPV))
		return xen_pv_rdmsr(msr, safe);
	err = msr_native_read(msr, &val, safe);
	return (struct msr_result){ val, err };
}
EXPORT_SYMBOL(early_rdmsr);

/**
 * early_wrmsr() - Write an MSR before the alternatives are applied
 * @msr: the MSR number
 * @val: the value
 * @safe: true for wrmsrl_safe() semantics
 *
 * Return: 0, or -EIO if the write failed.
 */
int early_wrmsr(u32 msr, u64 val, bool safe)
{
	if (boot_cpu_has(X86_FEATURE_XENPV))
		return xen_pv_wrmsr(msr, val, safe);
	return msr_native_write(msr, val, safe);
}
EXPORT_SYMBOL(early_wrmsr);

/**
 * ex_msr_quiet() - Whether the fault of an MSR site goes unreported
 * @e: the site's exception table entry
 *
 * Return: true on Xen PV with xen_msr_safe for the entries of rdmsrl() and
 * wrmsrl() (EX_FLAG_MSR_PV), as xen_read_msr() and xen_write_msr() had it.
 */
bool ex_msr_quiet(const struct exception_table_entry *e)
{
	return (e->data & EX_FLAG_MSR_PV) && xen_pv_domain() && xen_msr_safe;
}
