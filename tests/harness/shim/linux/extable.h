/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_LINUX_EXTABLE_H
#define HARNESS_LINUX_EXTABLE_H
#include <asm/extable.h>
const struct exception_table_entry *search_exception_tables(unsigned long addr);
#endif
