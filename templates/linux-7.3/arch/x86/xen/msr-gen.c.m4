// SPDX-License-Identifier: GPL-2.0
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
/*
 * Xen PV side of the generated MSR accessors: the C bodies of the stubs in
 * msr-gen-stubs.S, the runtime dispatch of non-constant MSR numbers (used by
 * xen_do_read_msr() and xen_do_write_msr()), and the handlers named in the
 * MSR tables.
 */
#include <linux/bug.h>
#include <linux/cpufeature.h>
#include <linux/smp.h>
#include <linux/types.h>
#include <asm/apicdef.h>
#include <asm/msr.h>
#include <asm/xen/hypercall.h>

#include "xen-ops.h"
#include "msr-gen.h"

static u64 xen_msrgen_native_read(u32 msr, int *err)
{
	u64 val = 0;

	if (err)
		*err = native_read_msr_safe(msr, &val);
	else
		val = native_read_msr(msr);
	return val;
}

static void xen_msrgen_native_write(u32 msr, u64 val, int *err)
{
	if (err)
		*err = native_write_msr_safe(msr, val);
	else
		native_write_msr(msr, val);
}
m4_divert(-1)
Handlers this target knows, emitted when the tables name them.
m4_ifelse(_mg_get([[hcall_xen_msr_set_segment_base_write]], [[-]]), [[-]], [[]], [[m4_divert(0)
/**
 * xen_msr_set_segment_base() - Set a segment base through Xen
 * @which: SEGBASE_* selector
 * @val: the base
 *
 * A refusal by Xen is reported; the write itself does not fail.
 *
 * Return: 0.
 */
int xen_msr_set_segment_base(unsigned long which, u64 val)
{
	if (HYPERVISOR_set_segment_base(which, val))
		WARN(1, "msrgen: Xen refused segment base %lu = %#llx\n",
		     which, val);
	return 0;
}
m4_divert(-1)]])
m4_ifelse(_mg_get([[hfix_xen_msr_apicbase_fixup]], [[-]]), [[-]], [[]], [[m4_divert(0)
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

Stub bodies.
m4_define([[_mg_body_xen]], [[m4_ifelse(
[[$1]], [[call]], [[	return $3(_mg_cargs([[$4]])val);]],
[[$1$2]], [[perfread]], [[	if (pmu_msr_chk_emulated($5, val, true))
		return 0;
	return native_read_msr_safe($5, val);]],
[[$1$2]], [[perfwrite]], [[	if (pmu_msr_chk_emulated($5, &val, false))
		return 0;
	return native_write_msr_safe($5, val);]],
[[$1]], [[fixup]], [[	int err = native_read_msr_safe($5, val);

	if (!err)
		$3(val);
	return err;]])]])
m4_define([[_mg_bodies]], [[m4_ifelse(_mg_has([[$1]], [[$2]])_mg_xen([[$1]], [[$2]]), [[11]], [[m4_divert(0)
m4_ifelse(_mg_stub([[$1]], [[$2]]), [[1]], [[/* $3: _mg_xk([[$1]], [[$2]]) m4_ifelse([[$2]], [[read]], [[read]], [[write]]) on Xen PV */
int xen_msrgen_[[]]_mg_rw([[$2]])_$1(m4_ifelse([[$2]], [[read]], [[u64 *val]], [[u64 val]]))
{
_mg_body_xen(_mg_xk([[$1]], [[$2]]), [[$2]], _mg_xa([[$1]], [[$2]]), [[_mg_xargs([[$1]], [[$2]])]], [[$4]])
}

]])m4_dnl
/* $3 m4_ifelse([[$2]], [[read]], [[read]], [[write]]) before patching */
int msrgen_dyn_[[]]_mg_rw([[$2]])_$1(m4_ifelse([[$2]], [[read]], [[u64 *val]], [[u64 val]]))
{
m4_ifelse(_mg_stub([[$1]], [[$2]]), [[1]], [[	if (boot_cpu_has(X86_FEATURE_XENPV))
		return xen_msrgen_[[]]_mg_rw([[$2]])_$1(val);
]], [[$2]], [[read]], [[	if (boot_cpu_has(X86_FEATURE_XENPV)) {
		*val = _mg_xa([[$1]], [[read]])ULL;
		return 0;
	}
]], [[	if (boot_cpu_has(X86_FEATURE_XENPV))
		return 0;
]])m4_dnl
	return m4_ifelse([[$2]], [[read]], [[native_read_msr_safe($4, val)]], [[native_write_msr_safe($4, val)]]);
}
m4_divert(-1)]])]])
m4_define([[MSRGEN_MSR]], [[_mg_bodies([[$1]], [[read]], [[$2]], [[$3]])_mg_bodies([[$1]], [[write]], [[$2]], [[$3]])]])
MSRGEN_MODEL
m4_define([[MSRGEN_MSR]], [[]])

Runtime dispatch: cases for registers whose Xen PV handling is ignore, call
or fixup (perf is the default path: the vPMU check first).
m4_define([[_mg_rcase]], [[m4_ifelse(_mg_has([[$1]], [[read]])_mg_once([[rcase$3]]), [[11]], [[m4_ifelse(
_mg_xk([[$1]], [[read]]), [[ignore]], [[m4_divert(0)m4_dnl
	case $3:	/* $2 */
		return _mg_xa([[$1]], [[read]])ULL;
m4_divert(-1)]],
_mg_xk([[$1]], [[read]]), [[fixup]], [[m4_divert(0)m4_dnl
	case $3:	/* $2 */
		val = xen_msrgen_native_read(msr, err);
		_mg_xa([[$1]], [[read]])(&val);
		return val;
m4_divert(-1)]],
_mg_xk([[$1]], [[read]]), [[call]], [[m4_divert(0)m4_dnl
	case $3:	/* $2 */
		ret = _mg_xa([[$1]], [[read]])(_mg_cargs([[_mg_xargs([[$1]], [[read]])]])&val);
		if (ret && err)
			*err = ret;
		return ret ? 0 : val;
m4_divert(-1)]])]])]])
m4_define([[_mg_wcase]], [[m4_ifelse(_mg_has([[$1]], [[write]])_mg_once([[wcase$3]]), [[11]], [[m4_ifelse(
_mg_xk([[$1]], [[write]]), [[ignore]], [[m4_divert(0)m4_dnl
	case $3:	/* $2: ignored */
		return;
m4_divert(-1)]],
_mg_xk([[$1]], [[write]]), [[call]], [[m4_divert(0)m4_dnl
	case $3:	/* $2 */
		ret = _mg_xa([[$1]], [[write]])(_mg_cargs([[_mg_xargs([[$1]], [[write]])]])val);
		if (ret && err)
			*err = ret;
		return;
m4_divert(-1)]])]])]])
m4_divert(0)
/**
 * xen_msrgen_read_msr() - Read an MSR on Xen PV, number known at run time
 * @msr: the MSR number
 * @err: NULL for rdmsrq() semantics, else where 0 or -EIO is stored
 *
 * Return: the value.
 */
u64 xen_msrgen_read_msr(u32 msr, int *err)
{
	u64 val = 0;
	int ret;

	switch (msr) {
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[_mg_rcase([[$1]], [[$2]], [[$3]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
	default:
		break;
	}
	(void)ret;
	if (pmu_msr_chk_emulated(msr, &val, true))
		return val;
	return xen_msrgen_native_read(msr, err);
}

/**
 * xen_msrgen_write_msr() - Write an MSR on Xen PV, number known at run time
 * @msr: the MSR number
 * @val: the value
 * @err: NULL for wrmsrq() semantics, else where 0 or -EIO is stored
 */
void xen_msrgen_write_msr(u32 msr, u64 val, int *err)
{
	int ret;

	switch (msr) {
m4_divert(-1)
m4_define([[MSRGEN_MSR]], [[_mg_wcase([[$1]], [[$2]], [[$3]])]])
MSRGEN_MODEL
m4_divert(0)m4_dnl
	default:
		break;
	}
	(void)ret;
	if (pmu_msr_chk_emulated(msr, &val, false))
		return;
	xen_msrgen_native_write(msr, val, err);
}
