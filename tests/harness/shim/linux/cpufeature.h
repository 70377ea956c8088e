/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_LINUX_CPUFEATURE_H
#define HARNESS_LINUX_CPUFEATURE_H
#include <asm/cpufeature.h>
#endif
