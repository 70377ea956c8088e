	return 0;
}

DEFINE_PER_CPU(u64, msr_misc_features_shadow);

static void set_cpuid_faulting(bool on)
{

	if (boot_cpu_data.x86_vendor == X86_VENDOR_INTEL) {
		u64 msrval;

		msrval = this_cpu_read(msr_misc_features_shadow);
		msrval &= ~MSR_MISC_FEATURES_ENABLES_CPUID_FAULT;
		msrval |= (on << MSR_MISC_FEATURES_ENABLES_CPUID_FAULT_BIT);
		this_cpu_write(msr_misc_features_shadow, msrval);
		wrmsrq(MSR_MISC_FEATURES_ENABLES, msrval);
	} else if (boot_cpu_data.x86_vendor == X86_VENDOR_AMD) {
		if (on)
			msr_set_bit(MSR_K7_HWCR, MSR_K7_HWCR_CPUID_USER_DIS_BIT);
		else
			msr_clear_bit(MSR_K7_HWCR, MSR_K7_HWCR_CPUID_USER_DIS_BIT);
