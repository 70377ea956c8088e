#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A cached access (rdmsrq_cached(), wrmsrq_cached()) of a constant MSR the
# table does not shadow, or of a number that is not a constant, does not
# build, with the message of asm/msr-gen.h, once per call; of a shadowed MSR
# it builds without a diagnostic.
# usage: check-shadowbug.sh CC SOURCE CFLAGS...
set -eu
export LC_ALL=C
fail() { echo "check-shadowbug: $*" >&2; exit 1; }
cc=$1 src=$2
shift 2
msg="error: call to 'harness_build_bug_[0-9]*' declared with attribute error: a cached access of an MSR the tables do not shadow"
out=$("$cc" "$@" -c "$src" -o /dev/null 2>&1) || fail "the shadowed MSR does not build: $out"
[ -z "$out" ] || fail "diagnostics for the shadowed MSR: $out"
nbad=$("$cc" "$@" -DHARNESS_BAD -E "$src" | grep -c '^[a-z0-9]* *bad_[a-z_]*(' || true)
[ "$nbad" -eq 3 ] || fail "want 3 bad calls, the source has $nbad"
if out=$("$cc" "$@" -DHARNESS_BAD -c "$src" -o /dev/null 2>&1); then
	fail "cached accesses of MSRs that are not shadowed built"
fi
nerr=$(echo "$out" | grep -c "$msg" || true)
nall=$(echo "$out" | grep -c 'error:' || true)
[ "$nerr" -eq "$nbad" ] && [ "$nall" -eq "$nbad" ] ||
	fail "$nbad calls, $nerr BUILD_BUG errors, $nall errors: $out"
echo "check-shadowbug: ok ($nbad accesses refused)"
