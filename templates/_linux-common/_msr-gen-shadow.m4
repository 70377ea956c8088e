m4_divert(-1)
Part of asm/msr-gen.h for every linux-* target (m4_include, after _lib.m4):
the per-CPU copies of the shadowed MSRs and the switch statements on them.
Shadowed MSRs (shadow percpu): the copies and the dispatch on them, none of
it where the table shadows no MSR.
m4_define([[_mg_sh_decl]], [[m4_divert(0)m4_dnl
DECLARE_PER_CPU(u64, msr_shadow_$1);
m4_divert(-1)]])
_mg_sh_set: a case of a copy that is not deferred; _mg_sh_lead: of one that is.
m4_define([[_mg_sh_case]], [[m4_divert(0)m4_dnl
	case $2:
		this_cpu_write(msr_shadow_$1, val);
		break;
m4_divert(-1)]])
m4_define([[_mg_sh_set]], [[m4_ifelse([[$6]], [[1]], [[]], [[_mg_sh_case($@)]])]])
m4_define([[_mg_sh_lead]], [[m4_ifelse([[$6]], [[1]], [[_mg_sh_case($@)]])]])
m4_define([[_mg_sh_get]], [[m4_divert(0)m4_dnl
	case $2:
		return this_cpu_read(msr_shadow_$1);
m4_divert(-1)]])
m4_define([[_mg_sh_chk]], [[m4_divert(0)m4_dnl
	case $2:
m4_divert(-1)]])
m4_define([[_mg_sh_dchk]], [[m4_ifelse([[$6]], [[1]], [[m4_divert(0)m4_dnl
	case $2:
m4_divert(-1)]])]])
_mg_sh_text()m4_dnl
/*
 * The shadowed MSRs (shadow percpu in the MSR tables): each CPU keeps a copy
 * of the value last written to each of them through these accessors, also
 * with a number that is not a constant, and _mg_wrq()_cached() and
 * wrmsrns_cached() execute no WRMSR (on Xen PV: take no trap) when the value
 * is the one the copy holds.  _mg_rdq()_cached() reads the copy.  The copy of a
 * register that takes a value behind these accessors' back (a CPU coming up)
 * is set again by msr_shadows_reload(), and msr_shadows_restore() writes the
 * copies back into the registers of a CPU that resumes.  A deferred copy (shadow
 * percpu deferred) is the value the kernel runs with, which may lead the
 * register: a write through the accessors leaves it (the register may take
 * a trial, a guest's or a saved value meanwhile), msr_shadow_defer() sets it
 * alone, _mg_wrq()_cached() sets it and writes the register, assembly loads
 * the register from it, and msr_shadows_reload() leaves it.  Like the
 * register, a copy is this CPU's: write a shadowed MSR with preemption
 * disabled, and not from an interrupt of code that writes it.
 */
m4_divert(-1)_mg_shadows([[_mg_sh_decl]])m4_divert(0)m4_dnl

/*
 * What a write leaves in the copy of its MSR, if the tables shadow it and
 * its copy is not deferred (nothing where they shadow none): every write
 * path calls it, native_[[]]_mg_wrq()() and native_write_msr_safe() of
 * asm/msr.h too.
 */
static __always_inline void __msr_shadow_set(u32 msr, u64 val)
{
m4_divert(-1)_mg_sh_text()m4_dnl
	switch (msr) {
m4_divert(-1)_mg_shadows([[_mg_sh_set]])_mg_sh_text()m4_dnl
	}
m4_divert(0)m4_dnl
}
m4_divert(-1)_mg_sh_text()m4_dnl

/*
 * A deferred copy takes the kernel's value: msr_shadow_defer(),
 * msr_shadow_sync() and the cached writes call it.
 */
static __always_inline void __msr_shadow_lead(u32 msr, u64 val)
{
	switch (msr) {
m4_divert(-1)_mg_shadows([[_mg_sh_lead]])_mg_sh_text()m4_dnl
	}
}

/*
 * A constant number of a shadowed MSR, or the build fails: the cached
 * accessors take no other.
 */
static __always_inline void __msr_shadow_check(u32 msr)
{
	switch (msr) {
m4_divert(-1)_mg_shadows([[_mg_sh_chk]])_mg_sh_text()m4_dnl
		break;
	default:
		BUILD_BUG_ON_MSG(1, "a cached access of an MSR the tables do not shadow");
	}
}

static __always_inline u64 __msr_shadow_get(u32 msr)
{
	__msr_shadow_check(msr);
	switch (msr) {
m4_divert(-1)_mg_shadows([[_mg_sh_get]])_mg_sh_text()m4_dnl
	default:
		return 0;
	}
}
m4_divert(0)m4_dnl
