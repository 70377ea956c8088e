m4_divert(-1)
arch/x86/kernel/cpu/msr-shadow.c for every linux-* target (m4_include, after
_lib.m4 and the banner).
The per-CPU copies of the shadowed MSRs (shadow percpu) and their reload,
an empty one where the table shadows no MSR.  Exported for every module:
a module's write of a number that is not a constant keeps the copies.
A deferred copy, which no write keeps, is for GPL modules only (KVM).
_ms_k(value): a reset value as C.
m4_define([[_ms_k]], [[m4_ifelse([[$1]], [[0x0]], [[0]], [[$1ULL]])]])
m4_define([[_ms_define]], [[m4_divert(0)m4_dnl
DEFINE_PER_CPU(u64, msr_shadow_$1)m4_ifelse([[$4]], [[0x0]], [[]], [[ = _ms_k([[$4]])]]);
EXPORT_PER_CPU_SYMBOL[[]]m4_ifelse([[$6]], [[1]], [[_GPL]])(msr_shadow_$1);
m4_divert(-1)]])
m4_define([[_ms_reload]], [[m4_ifelse([[$6]], [[1]], [[m4_divert(0)m4_dnl
	/* $2: deferred, the kernel's value, which its owner writes */
m4_divert(-1)]], [[m4_divert(0)m4_dnl
	if (_mg_rdq()_safe($2, &val))
		val = _ms_k([[$4]]);
	this_cpu_write(msr_shadow_$1, val);
m4_divert(-1)]])]])
_ms_restore: a register that is not deferred from its copy, where it exists and
differs.
m4_define([[_ms_restore]], [[m4_ifelse([[$6]], [[1]], [[]], [[m4_divert(0)m4_dnl
	copy = this_cpu_read(msr_shadow_$1);
	if (!_mg_rdq()_safe($2, &val) && val != copy)
		_mg_wrq()($2, copy);
m4_divert(-1)]])]])
_ms_plain: sets plain to 1 for a copy that is not deferred (reload reads it).
m4_define([[_ms_plain]], [[m4_ifelse([[$6]], [[1]], [[]], [[_mg_set([[plain]], [[1]])]])]])
_mg_shadowing()
m4_ifelse(_mg_get([[shadowing]], [[0]]), [[1]], [[m4_divert(0)m4_dnl
/*
 * The per-CPU copies of the shadowed MSRs (asm/msr-gen.h): the value last
 * written to each register on this CPU, and its value after reset before
 * the first write.
 */
#include <linux/export.h>
#include <linux/percpu.h>
#include <asm/msr.h>

m4_divert(-1)_mg_shadows([[_ms_define]])m4_divert(0)m4_dnl

/*
 * Each copy from its register on this CPU, or the register's value after
 * reset where a read fails: for a CPU that comes up, whose registers hold
 * what the copies may not say.  A deferred copy (shadow percpu
 * deferred) stays: it is what the kernel wants the register to hold.
 */
void msr_shadows_reload(void)
{
m4_divert(-1)_mg_shadows([[_ms_plain]])m4_ifelse(_mg_get([[plain]], [[0]]), [[1]], [[m4_divert(0)m4_dnl
	u64 val;

]])m4_divert(-1)_mg_shadows([[_ms_reload]])m4_divert(0)m4_dnl
}

/*
 * Each register from its copy on this CPU, where the register exists and
 * differs: for a CPU that resumes, whose registers hold what the firmware
 * left, while the copies hold what the kernel wrote last.  A deferred copy
 * stays with its owner, as in msr_shadows_reload().
 */
void msr_shadows_restore(void)
{
m4_ifelse(_mg_get([[plain]], [[0]]), [[1]], [[m4_divert(0)m4_dnl
	u64 val, copy;

]])m4_divert(-1)_mg_shadows([[_ms_restore]])m4_divert(0)m4_dnl
}
]], [[m4_divert(0)m4_dnl
/*
 * The MSR tables shadow no MSR: asm/msr-gen.h keeps no per-CPU copies, and
 * there is nothing to reload or restore.
 */
#include <asm/msr.h>

void msr_shadows_reload(void)
{
}

void msr_shadows_restore(void)
{
}
]])m4_dnl
