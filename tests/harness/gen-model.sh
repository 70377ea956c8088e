#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Render templates/linux-7.3 with the hand-written model (tests/harness/data),
# the way msrgen does: m4 -P -I TEMPLATES, and -I for each folder its
# target.conf shares, prelude+model template.
# usage: gen-model.sh TEMPLATES_DIR MODEL.m4 OUT_DIR
set -eu
tdir=$1 model=$2 out=$3
cd "$tdir"
inc="-I ."
for s in $(sed -n 's/^share //p' target.conf); do
	inc="$inc -I ../$s"
done
find . -name '*.m4' ! -name '_*' | sed 's|^\./||' | while read -r t; do
	o=$out/${t%.m4}
	mkdir -p "$(dirname "$o")"
	# shellcheck disable=SC2086
	m4 -P $inc "$model" "$t" > "$o.tmp"
	mv "$o.tmp" "$o"
done
