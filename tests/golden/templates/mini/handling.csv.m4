# SPDX-License-Identifier: GPL-2.0
MSRGEN_BANNER_HASH()m4_dnl
m4_include([[_row.m4]])m4_dnl
m4_define([[MSRGEN_PLATFORM]], [[# platform $1 feature "$2": $3
]])m4_dnl
m4_define([[MSRGEN_DECL]], [[# $2: $3 at $4, $5 x stride $6 param "$7", $8, vendor $9, ns $10: $11
]])m4_dnl
m4_define([[MSRGEN_ALIAS]], [[# alias of $1: $2 vendor $3
]])m4_dnl
m4_define([[MSRGEN_RESERVED]], [[# reserved in $1: $2:$3
]])m4_dnl
m4_define([[MSRGEN_HYPERVISOR]], [[# hypervisor $1 for $2: $3
]])m4_dnl
m4_define([[MSRGEN_HVDEFAULT]], [[# $1 default $2: $3 $4
]])m4_dnl
m4_define([[MSRGEN_HV]], [[# $1 $2..$3 $4: $5 $6 "$7"
]])m4_dnl
MSRGEN_MODEL()m4_dnl
