/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_LINUX_EXPORT_H
#define HARNESS_LINUX_EXPORT_H
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#endif
