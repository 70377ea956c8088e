/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_LINUX_BUG_H
#define HARNESS_LINUX_BUG_H
extern int harness_warn_count;
#define WARN(cond, ...)	({ int __c = !!(cond); if (__c) harness_warn_count++; __c; })
#endif
