// SPDX-License-Identifier: GPL-2.0
m4_include([[_lib.m4]])m4_dnl
MSRGEN_BANNER_C
m4_include([[_msr-shadow.c.m4]])m4_dnl
