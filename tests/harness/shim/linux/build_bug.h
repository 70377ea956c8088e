/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: BUILD_BUG_ON_MSG() fails the build (gcc's error
 * attribute) at every call the optimizer keeps, as the kernel's does.
 */
#ifndef HARNESS_LINUX_BUILD_BUG_H
#define HARNESS_LINUX_BUILD_BUG_H
#define BUILD_BUG_ON_MSG(cond, msg)					\
	do {								\
		extern void harness_build_bug(void) __attribute__((error(msg))); \
		if (cond)						\
			harness_build_bug();				\
	} while (0)
#endif
