/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_LINUX_BITS_H
#define HARNESS_LINUX_BITS_H
#define ULL(x)	(x##ULL)
#define GENMASK_ULL(h, l) \
	((~0ULL << (l)) & (~0ULL >> (63 - (h))))
#endif
