/* SPDX-License-Identifier: GPL-2.0 */
/* One CPU: a per-CPU variable is a variable. */
#ifndef HARNESS_LINUX_PERCPU_H
#define HARNESS_LINUX_PERCPU_H
#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name)	__typeof__(type) name
#define EXPORT_PER_CPU_SYMBOL(name)
#define EXPORT_PER_CPU_SYMBOL_GPL(name)
#define this_cpu_read(var)		(var)
#define this_cpu_write(var, val)	((var) = (val))
#endif
