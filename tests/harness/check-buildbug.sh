#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# SOURCE builds without a diagnostic; with -DHARNESS_BAD its bad_*()
# functions each fail the build once with BUILD_BUG_ON_MSG()'s MESSAGE and
# nothing else.  buildbug.c: wrmsrns() of a constant MSR the table does not
# mark nonserializing; shadowbug.c: a cached access of an MSR it does not
# shadow, or of a number that is not a constant; deferbug.c:
# msr_shadow_defer() of an MSR it does not shadow deferred.
# usage: check-buildbug.sh CC SOURCE MESSAGE CFLAGS...
set -eu
export LC_ALL=C
fail() { echo "check-buildbug: $*" >&2; exit 1; }
cc=$1 src=$2 text=$3
shift 3
msg="error: call to 'harness_build_bug_[0-9]*' declared with attribute error: $text"
out=$("$cc" "$@" -c "$src" -o /dev/null 2>&1) || fail "$src does not build: $out"
[ -z "$out" ] || fail "diagnostics for $src: $out"
nbad=$("$cc" "$@" -DHARNESS_BAD -E "$src" | grep -oE '(void|u64|int) bad_[a-z0-9_]*\(' | wc -l)
[ "$nbad" -gt 0 ] || fail "no bad_*() function in $src with HARNESS_BAD"
if out=$("$cc" "$@" -DHARNESS_BAD -c "$src" -o /dev/null 2>&1); then
	fail "$nbad bad_*() functions of $src built"
fi
nerr=$(echo "$out" | grep -c "$msg" || true)
nall=$(echo "$out" | grep -c 'error:' || true)
[ "$nerr" -eq "$nbad" ] && [ "$nall" -eq "$nbad" ] ||
	fail "$nbad calls, $nerr BUILD_BUG errors, $nall errors: $out"
echo "check-buildbug: ok ($nbad refused: $text)"
