}

void cpu_init_fred_exceptions(void);
void cpu_init_fred_rsps(void);
void fred_complete_exception_setup(void);

static __always_inline void fred_sync_rsp0(unsigned long rsp0)
{
	msr_shadow_sync(MSR_IA32_FRED_RSP0, rsp0);
}

static __always_inline void fred_update_rsp0(void)
{
	unsigned long rsp0 = (unsigned long) task_stack_page(current) + THREAD_SIZE;

	if (cpu_feature_enabled(X86_FEATURE_FRED))
		wrmsrns_cached(MSR_IA32_FRED_RSP0, rsp0);
}
#else /* CONFIG_X86_FRED */
