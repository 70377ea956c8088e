int kvm_spec_ctrl_test_value(u64 value)
{
	/*
	 * test that setting IA32_SPEC_CTRL to given value
	 * is allowed by the host processor
	 */

	u64 saved_value, kernel_value;
	unsigned long flags;
	int ret = 0;

	local_irq_save(flags);

	/* With KERNEL_IBRS the register may lag the copy: the copy stays */
	kernel_value = rdmsrq_cached(MSR_IA32_SPEC_CTRL);
	if (rdmsrq_safe(MSR_IA32_SPEC_CTRL, &saved_value))
		ret = 1;
	else if (wrmsrq_safe(MSR_IA32_SPEC_CTRL, value))
		ret = 1;
	else
		wrmsrq(MSR_IA32_SPEC_CTRL, saved_value);
	msr_shadow_defer(MSR_IA32_SPEC_CTRL, kernel_value);

	local_irq_restore(flags);

	return ret;
}
EXPORT_SYMBOL_FOR_KVM_INTERNAL(kvm_spec_ctrl_test_value);
