/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_LINUX_BITFIELD_H
#define HARNESS_LINUX_BITFIELD_H
#define FIELD_GET(mask, v)	(((v) & (mask)) / ((mask) & -(mask)))
#define FIELD_PREP(mask, v)	(((v) * ((mask) & -(mask))) & (mask))
#endif
