# shellcheck shell=bash
# Common settings and helpers of the tests/kernel scripts; sourced, not run.

KT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KT_REPO=$(cd "$KT_DIR/../.." && pwd)
MSRGEN_CACHE=${MSRGEN_CACHE:-/var/tmp/msrgen-cache}
export MSRGEN_CACHE

# What the tests use.  Override from the environment if need be.
KT_LINUX_PKG=${KT_LINUX_PKG:-linux-source-7.3}
KT_LINUX_SRC=${KT_LINUX_SRC:-$MSRGEN_CACHE/linux-source-7.3}
# The targets the tests build a kernel for (templates/TARGET): linux-V.P is
# Debian's linux-source-V.P, unpacked into $MSRGEN_CACHE/linux-source-V.P
# (for linux-7.3, KT_LINUX_PKG and KT_LINUX_SRC above).
KT_TARGETS=${KT_TARGETS:-"linux-7.3 linux-6.12"}
kt_linux_pkg() { if [ "$1" = linux-7.3 ]; then echo "$KT_LINUX_PKG"; else echo "linux-source-${1#linux-}"; fi; }
kt_linux_src() { if [ "$1" = linux-7.3 ]; then echo "$KT_LINUX_SRC"; else echo "$MSRGEN_CACHE/linux-source-${1#linux-}"; fi; }
KT_XEN_VERSIONS=${KT_XEN_VERSIONS:-"4.17 4.20"}
KT_XEN_DIR=$MSRGEN_CACHE/xen
KT_WORK=${KT_WORK:-$MSRGEN_CACHE/work}
KT_INITRAMFS_DIR=$MSRGEN_CACHE/initramfs
KT_INIT_MARKER='msrgen-init: up'

# Start of the whole run, for the [mm:ss] stamps (kept across scripts).
: "${KT_T0:=$(date +%s)}"
export KT_T0

kt_stamp() {
	local s=$(( $(date +%s) - KT_T0 ))
	printf '[%02d:%02d]' $((s / 60)) $((s % 60))
}
kt_log() { echo "$(kt_stamp) $*"; }
kt_warn() { echo "$(kt_stamp) warning: $*" >&2; }
kt_die() { echo "$(kt_stamp) error: $*" >&2; exit 1; }

# kt_time VAR: seconds since VAR was set with kt_start VAR
kt_start() { printf -v "$1" '%s' "$(date +%s)"; }
kt_elapsed() { echo $(( $(date +%s) - ${!1} )); }

# The compiler, assembler, linker, objtool and modpost warning and error
# lines of the build log $1, sorted, for diffing two builds.
kt_warnings() {
	grep -iE '(^|[: ])(warning|error)[: ]' "$1" | grep -v '^#' | LC_ALL=C sort -u || true
}

# Print a usage text: the comment block after the shebang of file $1.
kt_usage() { sed -n '2,/^[^#]/{/^[^#]/d;s/^# \{0,1\}//;p}' "$1"; }

# Names of the Debian packages among "$@" that are not installed.
kt_missing_debs() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
			echo "$p"
	done
}

# Install the Debian packages among "$@" that are missing (needs root).
kt_need_debs() {
	local missing
	missing=$(kt_missing_debs "$@")
	[ -n "$missing" ] || return 0
	missing=$(echo $missing)
	if [ "$(id -u)" != 0 ]; then
		kt_die "missing Debian packages: $missing (run: apt-get install $missing)"
	fi
	kt_log "installing: $missing"
	# refresh apt's lists when they are missing or older than a day; wait for
	# apt's lock if another apt-get holds it (unattended upgrades)
	if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -1440 -print -quit 2>/dev/null)" ]; then
		"$KT_REPO/tools/apt-get-wait" update >&2 || kt_die "apt-get update failed"
	fi
	"$KT_REPO/tools/apt-get-wait" install -y --no-install-recommends $missing >&2 ||
		kt_die "apt-get install $missing failed"
}

# The platforms a boot can run on.
kt_platforms() {
	local v
	echo native
	for v in $KT_XEN_VERSIONS; do echo "xen-$v"; done
}

# The compiler and linker a kernel build with make arguments "$@" uses, one
# line each (LLVM=-19: clang-19 and ld.lld-19, else gcc and GNU ld), for
# build keys and logs.
kt_cc_version() {
	local a llvm=
	for a in "$@"; do
		case $a in LLVM=*) llvm=${a#LLVM=} ;; esac
	done
	if [ -n "$llvm" ]; then
		case $llvm in 1) llvm= ;; esac
		"clang$llvm" --version 2>/dev/null | head -1 || echo "no clang$llvm"
		"ld.lld$llvm" --version 2>/dev/null | head -1 || echo "no ld.lld$llvm"
	else
		gcc --version | head -1
		ld --version | head -1
	fi
}
