}

/*
 * This can be used in noinstr functions & should only be called in bare
 * metal context.
 */
static __always_inline void __update_spec_ctrl(u64 val)
{
	msr_shadow_defer(MSR_IA32_SPEC_CTRL, val);
	native_wrmsrq(MSR_IA32_SPEC_CTRL, val);
}

