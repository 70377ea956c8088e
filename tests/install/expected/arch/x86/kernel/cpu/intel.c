
static bool ring3mwait_disabled __read_mostly;

static int __init ring3mwait_disable(char *__unused)
{
	ring3mwait_disabled = true;
	return 1;
}
__setup("ring3mwait=disable", ring3mwait_disable);

/* The MISC_FEATURES_ENABLES bit that enables ring 3 MWAIT, or 0 */
static u64 probe_xeon_phi_r3mwait(struct cpuinfo_x86 *c)
{
	/*
	 * Ring 3 MONITOR/MWAIT feature cannot be detected without
	 * cpu model and family comparison.
	 */
	if (c->x86 != 6)
		return 0;
	switch (c->x86_vfm) {
	case INTEL_XEON_PHI_KNL:
	case INTEL_XEON_PHI_KNM:
		break;
	default:
		return 0;
	}

	if (ring3mwait_disabled)
		return 0;

	set_cpu_cap(c, X86_FEATURE_RING3MWAIT);

	if (c == &boot_cpu_data)
		ELF_HWCAP2 |= HWCAP2_RING3MWAIT;
	return 1ULL << MSR_MISC_FEATURES_ENABLES_RING3MWAIT_BIT;
}

}

static void init_intel_misc_features(struct cpuinfo_x86 *c)
{
	u64 msr;

	if (rdmsrq_safe(MSR_MISC_FEATURES_ENABLES, &msr))
		return;

	/* Check features, update capabilities: no other MISC feature is on */
	init_cpuid_fault(c);
	msr = probe_xeon_phi_r3mwait(c);

	wrmsrq(MSR_MISC_FEATURES_ENABLES, msr);
}

