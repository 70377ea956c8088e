	return 0;
}

static void set_cpuid_faulting(bool on)
{

	if (boot_cpu_data.x86_vendor == X86_VENDOR_INTEL) {
		u64 msrval;

		msrval = rdmsrq_cached(MSR_MISC_FEATURES_ENABLES);
		msrval &= ~MSR_MISC_FEATURES_ENABLES_CPUID_FAULT;
		msrval |= (on << MSR_MISC_FEATURES_ENABLES_CPUID_FAULT_BIT);
		wrmsrq_cached(MSR_MISC_FEATURES_ENABLES, msrval);
	} else if (boot_cpu_data.x86_vendor == X86_VENDOR_AMD) {
		if (on)
			msr_set_bit(MSR_K7_HWCR, MSR_K7_HWCR_CPUID_USER_DIS_BIT);
		else
			msr_clear_bit(MSR_K7_HWCR, MSR_K7_HWCR_CPUID_USER_DIS_BIT);
