// SPDX-License-Identifier: GPL-2.0
/*
 * The cached accessors of asm/msr-gen.h take a constant number of a
 * shadowed MSR: of the hand model's TSC_DEADLINE they build; of STAR (not
 * shadowed) or of a number that is not a constant they do not
 * (check-buildbug.sh counts the errors).
 */
#include <asm/msr.h>

u64 good_read(void)
{
	return rdmsrq_cached(MSR_IA32_TSC_DEADLINE);
}

void good_write(u64 v)
{
	wrmsrq_cached(MSR_IA32_TSC_DEADLINE, v);
	wrmsrns_cached(MSR_IA32_TSC_DEADLINE, v);
}

#ifdef HARNESS_BAD
void bad_write_star(u64 v)
{
	wrmsrq_cached(MSR_STAR, v);
}

u64 bad_read_star(void)
{
	return rdmsrq_cached(MSR_STAR);
}

void bad_write_variable(volatile u32 *msr, u64 v)
{
	wrmsrq_cached(*msr, v);
}
#endif
