#include <asm/msr.h>

static inline void xstate_init_xcomp_bv(struct xregs_state *xsave, u64 mask)
{
#endif

#ifdef CONFIG_X86_64
static inline void xfd_set_state(u64 xfd)
{
	wrmsrq(MSR_IA32_XFD, xfd);
}

static inline void xfd_update_state(struct fpstate *fpstate)
{
	if (fpu_state_size_dynamic()) {
		u64 xfd = fpstate->xfd;

		wrmsrq_cached(MSR_IA32_XFD, xfd);
	}
}

extern int __xfd_enable_feature(u64 which, struct fpu_guest *guest_fpu);
#else
