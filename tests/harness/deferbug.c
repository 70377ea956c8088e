// SPDX-License-Identifier: GPL-2.0
/*
 * msr_shadow_defer() takes a constant number of an MSR whose copy may lead
 * the register (shadow percpu deferred): of the hand model's SPEC_CTRL it
 * builds; of TSC_DEADLINE (shadowed, not deferred), of STAR (not shadowed)
 * or of a number that is not a constant it does not (check-buildbug.sh
 * counts the errors).
 */
#include <asm/msr.h>

void good_defer(u64 v)
{
	msr_shadow_defer(MSR_IA32_SPEC_CTRL, v);
}

#ifdef HARNESS_BAD
void bad_defer_deadline(u64 v)
{
	msr_shadow_defer(MSR_IA32_TSC_DEADLINE, v);
}

void bad_defer_star(u64 v)
{
	msr_shadow_defer(MSR_STAR, v);
}

void bad_defer_variable(volatile u32 *msr, u64 v)
{
	msr_shadow_defer(*msr, v);
}
#endif
