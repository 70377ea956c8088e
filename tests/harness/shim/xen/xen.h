/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_XEN_XEN_H
#define HARNESS_XEN_XEN_H
#include <linux/types.h>
bool harness_xen_pv(void);
#define xen_pv_domain()	harness_xen_pv()
#endif
