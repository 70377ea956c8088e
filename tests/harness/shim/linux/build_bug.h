/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim: BUILD_BUG_ON_MSG() fails the build (gcc's error
 * attribute) at every call the optimizer keeps, as the kernel's does, each
 * with its own message: one function per use (__COUNTER__), as the
 * kernel's __compiletime_assert_N.
 */
#ifndef HARNESS_LINUX_BUILD_BUG_H
#define HARNESS_LINUX_BUILD_BUG_H
#define __harness_bb_cat(a, b)		a##b
#define __harness_bb_name(n)		__harness_bb_cat(harness_build_bug_, n)
#define __harness_bb(cond, msg, n)					\
	do {								\
		extern void __harness_bb_name(n)(void) __attribute__((error(msg))); \
		if (cond)						\
			__harness_bb_name(n)();				\
	} while (0)
#define BUILD_BUG_ON_MSG(cond, msg)	__harness_bb(cond, msg, __COUNTER__)
#endif
