/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace shim, included on the command line as the kernel's is: the
 * harness is an x86-64 kernel with CONFIG_XEN_PV (both defined to 1 by the
 * build), so IS_ENABLED() only has to work for options defined to 1.
 */
#ifndef HARNESS_LINUX_KCONFIG_H
#define HARNESS_LINUX_KCONFIG_H
#define IS_ENABLED(option)	((option) + 0)
#endif
