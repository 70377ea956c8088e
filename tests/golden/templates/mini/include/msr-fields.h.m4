/* SPDX-License-Identifier: GPL-2.0 */
MSRGEN_BANNER_C()m4_dnl
#ifndef MSR_FIELDS_H
#define MSR_FIELDS_H

m4_define([[MSRGEN_MSR]], [[#define $2_ADDR $3
]])m4_dnl
m4_define([[MSRGEN_FIELD]], [[#define m4_translit([[$1]], [[a-z]], [[A-Z]])_$2 GENMASK_ULL($3, $4)
]])m4_dnl
m4_define([[MSRGEN_VALUE]], [[#define m4_translit([[$1]], [[a-z]], [[A-Z]])_$2_$3 $4
]])m4_dnl
MSRGEN_MODEL
#endif
