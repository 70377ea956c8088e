m4_divert(-1)
Part of asm/msr-gen.h for every linux-* target (m4_include, after the
accessors): the cached accessors, named after _mg_rdq and _mg_wrq, and the
declarations of msr-shadow.c's functions (always there).
m4_divert(-1)_mg_sh_text()m4_dnl

/* The value last written to a shadowed MSR on this CPU: no RDMSR. */
static __always_inline u64 _mg_rdq()_cached(u32 msr)
{
	return __msr_shadow_get(msr);
}

/*
 * _mg_wrq()() and wrmsrns() of a shadowed MSR, but nothing if the value is the
 * one its copy holds; a deferred copy takes the value before the register.
 */
static __always_inline void _mg_wrq()_cached(u32 msr, u64 val)
{
	if (__msr_shadow_get(msr) != val) {
		__msr_shadow_lead(msr, val);
		_mg_wrq()(msr, val);
	}
}

static __always_inline void wrmsrns_cached(u32 msr, u64 val)
{
	if (__msr_shadow_get(msr) != val) {
		__msr_shadow_lead(msr, val);
		wrmsrns(msr, val);
	}
}

/*
 * A shadowed MSR took val behind the accessors (a guest's value after a VM
 * exit, a value the hardware loaded): its copy follows, with no WRMSR.
 */
static __always_inline void msr_shadow_sync(u32 msr, u64 val)
{
	__msr_shadow_check(msr);
	__msr_shadow_set(msr, val);
	__msr_shadow_lead(msr, val);
}

/*
 * The kernel's next value of a shadowed MSR whose copy may lead the register
 * (shadow percpu deferred): the copy takes it with no WRMSR, and the code
 * that loads the register from the copy (the entry code) writes it later, or
 * the caller next.  Its MSR must be a constant that the tables shadow so, or
 * the build fails.
 */
static __always_inline void msr_shadow_defer(u32 msr, u64 val)
{
	switch (msr) {
m4_divert(-1)_mg_shadows([[_mg_sh_dchk]])_mg_sh_text()m4_dnl
		break;
	default:
		BUILD_BUG_ON_MSG(1, "a deferred write of an MSR not shadowed deferred");
	}
	__msr_shadow_lead(msr, val);
}
m4_divert(0)m4_dnl

/*
 * Every copy of a shadowed MSR from its register, for a CPU that comes up;
 * every register from its copy, for a CPU that resumes
 * (arch/x86/kernel/cpu/msr-shadow.c; nothing without a shadowed MSR).
 */
void msr_shadows_reload(void);
void msr_shadows_restore(void);
