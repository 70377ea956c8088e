#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A module's MSR sites reference the exported dispatcher and no stub of a
# single MSR (the stubs are not exported); built-in code references the
# stubs.  module.c calls every API with every MSR of the table.
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
nstub=$(grep -c '^asm_\(xen\|early\)_' "$tmp/builtin" || true)
[ "$nstub" -gt 0 ] || fail "built-in code references no stub: nothing to test"
if grep '^asm_\(xen\|early\)_' "$tmp/module" > "$tmp/bad"; then
	fail "a module references $(wc -l < "$tmp/bad") stubs: $(head -3 "$tmp/bad" | tr '\n' ' ')"
fi
for f in early_rdmsr xen_pv_rdmsr early_wrmsr xen_pv_wrmsr; do
	grep -qx "$f" "$tmp/module" || fail "a module does not reference $f"
done
echo "check-module: ok (built-in: $nstub stubs; module: the dispatcher only)"
