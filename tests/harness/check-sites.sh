#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The .msr_sites records of the harness, as "msrgen sites" lists them: one
# record per site, at the site's function (sites.c puts each accessor's site
# in a section msrsite_KIND_ID), with the MSR of that register (its address
# in TABLE, the generated msrgen-table.h) and the direction and flags of KIND; the variable sites
# record no MSR; and no record is left in the loaded image.
# usage: check-sites.sh MSRGEN HARNESS TABLE DEFS...
set -eu
export LC_ALL=C
fail() { echo "check-sites: $*" >&2; exit 1; }
msrgen=$1 bin=$2 table=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
objdump -h "$bin" > "$tmp/h"
awk '$2 == ".msr_sites" { if ($3 == "") exit 1; found = 1 } END { exit !found }' "$tmp/h" ||
	fail "no .msr_sites section"
grep -A1 ' \.msr_sites ' "$tmp/h" | grep -q ALLOC && fail ".msr_sites is allocated"
"$msrgen" sites "$bin" "$@" > "$tmp/sites" || fail "msrgen sites failed"
# sections: name start end
awk 'function hex(s,  i, v) { v = 0; s = tolower(s); sub(/^0x/, "", s)
		for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v }
	$2 ~ /^msrsite_/ { printf "%s %.0f %.0f\n", $2, hex($4), hex($4) + hex($3) }' "$tmp/h" > "$tmp/secs"
# each record: the msrsite_ section it lies in, or "-" (another site, in msr.c)
awk 'function hex(s,  i, v) { v = 0; s = tolower(s); sub(/^0x/, "", s)
		for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v }
	NR == FNR { name[NR] = $1; lo[NR] = $2; hi[NR] = $3; n = NR; next }
	{
		a = hex($1); s = "-"
		for (i = 1; i <= n; i++)
			if (a >= lo[i] && a < hi[i]) { s = name[i]; break }
		rest = $3; for (i = 4; i <= NF; i++) rest = rest " " $i
		print s, rest
	}' "$tmp/secs" "$tmp/sites" > "$tmp/bysec"
sed -n 's/^\t*X(\([a-z0-9_]*\), \(0x[0-9a-f]*\),.*/\1 \2/p' "$table" > "$tmp/ids"
[ -s "$tmp/ids" ] || fail "no registers in $table"
awk 'NR == FNR { addr[$1] = $2; next }
	function want(kind) {
		if (kind ~ /^(rdq|rdh|rd)$/) return "read plain"
		if (kind ~ /^(rdqs|rdhs|rds)$/) return "read safe"
		if (kind ~ /^(wrq|wrh|wr)$/) return "write plain"
		if (kind ~ /^(wrqs|wrhs|wrs)$/) return "write safe"
		if (kind == "wrns") return "write plain wrmsrns"
		return "?"
	}
	$1 == "-" { next }
	{
		sec = $1; seen[sec]++
		split(sec, p, "_"); kind = p[2]; id = substr(sec, length("msrsite_" kind "_") + 1)
		if (kind == "var") {
			kind = id
			if ($2 != "variable") { print sec ": records MSR " $2; bad++ }
			got = $3 " " $4 (NF > 4 ? " " $5 : "")
		} else {
			if ($2 != addr[id]) { print sec ": records " $2 " " $3 ", expected " addr[id]; bad++ }
			got = $4 " " $5 (NF > 5 ? " " $6 : "")
		}
		if (got != want(kind)) { print sec ": " got ", expected " want(kind); bad++ }
	}
	END {
		for (s in seen) if (seen[s] != 1) { print s ": " seen[s] " records"; bad++ }
		exit bad > 0
	}' "$tmp/ids" "$tmp/bysec" > "$tmp/bad" || fail "$(wc -l < "$tmp/bad") bad records: $(head -5 "$tmp/bad" | tr '\n' ';')"
nsec=$(wc -l < "$tmp/secs")
nrec=$(awk '$1 != "-"' "$tmp/bysec" | wc -l)
[ "$nrec" -eq "$nsec" ] || fail "$nsec sites, $nrec of them with a record"
echo "check-sites: ok ($nrec sites, $(wc -l < "$tmp/sites") records)"
