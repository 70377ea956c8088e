#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# wrmsrns() of a constant MSR the table does not mark nonserializing does
# not build, with the message of asm/msr-gen.h, once per such call; of the
# ones it marks it builds without a diagnostic.
# usage: check-buildbug.sh CC SOURCE CFLAGS...
set -eu
export LC_ALL=C
fail() { echo "check-buildbug: $*" >&2; exit 1; }
cc=$1 src=$2
shift 2
msg="error: call to 'harness_build_bug_[0-9]*' declared with attribute error: wrmsrns() of an MSR not marked nonserializing"
out=$("$cc" "$@" -c "$src" -o /dev/null 2>&1) || fail "the nonserializing MSRs do not build: $out"
[ -z "$out" ] || fail "diagnostics for the nonserializing MSRs: $out"
nbad=$("$cc" "$@" -DHARNESS_BAD -E "$src" | grep -o 'void bad_[a-z0-9_]*' | wc -l)
[ "$nbad" -gt 0 ] || fail "no MSR without nonserializing in the table"
if out=$("$cc" "$@" -DHARNESS_BAD -c "$src" -o /dev/null 2>&1); then
	fail "wrmsrns() of $nbad MSRs without nonserializing built"
fi
nerr=$(echo "$out" | grep -c "$msg" || true)
nall=$(echo "$out" | grep -c 'error:' || true)
[ "$nerr" -eq "$nbad" ] && [ "$nall" -eq "$nbad" ] ||
	fail "$nbad calls, $nerr BUILD_BUG errors, $nall errors: $out"
echo "check-buildbug: ok ($nbad MSRs refused)"
