#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A module's MSR sites are those of built-in code: they reference the same
# symbols, among them the exported early_rdmsr(), xen_pv_rdmsr(),
# early_wrmsr() and xen_pv_wrmsr(), and no symbol of msrgen's that is not
# exported.  module.c calls every API with every MSR of the table.
# usage: check-module.sh CC NM SOURCE CFLAGS...
set -eu
export LC_ALL=C
fail() { echo "check-module: $*" >&2; exit 1; }
cc=$1 nm=$2 src=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cc" "$@" -c "$src" -o "$tmp/builtin.o" || fail "built-in: does not compile"
"$cc" "$@" -DMODULE -c "$src" -o "$tmp/module.o" || fail "module: does not compile"
"$nm" -u "$tmp/builtin.o" | awk '{ print $NF }' | sort > "$tmp/builtin"
"$nm" -u "$tmp/module.o" | awk '{ print $NF }' | sort > "$tmp/module"
cmp -s "$tmp/builtin" "$tmp/module" ||
	fail "a module references other symbols: $(diff "$tmp/builtin" "$tmp/module" | grep '^[<>]' | tr '\n' ' ')"
for f in early_rdmsr xen_pv_rdmsr early_wrmsr xen_pv_wrmsr; do
	grep -qx "$f" "$tmp/module" || fail "a module does not reference $f"
done
echo "check-module: ok ($(wc -l < "$tmp/module") symbols referenced, the same as built-in code)"
