#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Build the project for big-endian s390x and run its tests under qemu-user
# (what `make check-s390x` runs).
#
# Usage: scripts/check-s390x.sh [--ubsan] [--builddir DIR] [-- MESON-TEST-ARGS]
#
#   --ubsan      build with -Db_sanitize=undefined (default build dir
#                build-s390x-ubsan); ASan cannot run under qemu-user
#   --builddir   build directory (default build-s390x)
#   MESON-TEST-ARGS  passed to `meson test`, e.g. -- --suite unit
#
# Environment:
#   S390X_SYSROOT            sysroot (default build/s390x-sysroot), made or
#                            reused by scripts/s390x-sysroot.sh
#   S390X_MESON_OPTIONS      extra `meson setup` options for a new build dir
#   S390X_TIMEOUT_MULTIPLIER meson test timeout multiplier (default 4:
#                            emulated code runs roughly 10x slower)
#
# Tests receive MESON_EXE_WRAPPER ("qemu-s390x-static -L SYSROOT") and
# QEMU_LD_PREFIX. A test that starts another program of this build must put
# the words of $MESON_EXE_WRAPPER in front of it when the variable is set:
# without binfmt_misc the kernel cannot exec an s390x program, and GLib's
# spawn then runs it as a shell script.

set -euo pipefail

prog=check-s390x.sh

die()
{
    echo "$prog: error: $*" >&2
    exit 1
}

srcdir=$(cd "$(dirname "$0")/.." && pwd)
cd "$srcdir"

builddir=
sanitize=
while [ $# -gt 0 ]; do
    case "$1" in
    --ubsan) sanitize=undefined ;;
    --builddir) [ $# -ge 2 ] || die "--builddir needs a directory"
                builddir=$2; shift ;;
    --builddir=*) builddir=${1#*=} ;;
    -h|--help) sed -n '4,25s/^# \{0,1\}//p' "$0"; exit 0 ;;
    --) shift; break ;;
    *) die "unknown argument '$1' (meson test arguments go after --)" ;;
    esac
    shift
done
if [ -z "$builddir" ]; then
    builddir=build-s390x${sanitize:+-ubsan}
fi

for tool in s390x-linux-gnu-gcc:gcc-s390x-linux-gnu \
            qemu-s390x-static:qemu-user-static \
            meson:meson ninja:ninja-build pkg-config:pkgconf; do
    command -v "${tool%%:*}" >/dev/null ||
        die "${tool%%:*} not found: apt-get install ${tool#*:} (or run scripts/install-deps.sh)"
done

sysroot=${S390X_SYSROOT:-$srcdir/build/s390x-sysroot}
scripts/s390x-sysroot.sh "$sysroot"
sysroot=$(cd "$sysroot" && pwd)
sysroot_ini=$sysroot/meson-sysroot.ini
cross_ini=$srcdir/scripts/cross/s390x-linux-gnu.ini

# A build dir set up against another sysroot would keep using that one's
# machine file: start it afresh.
marker=$builddir/.s390x-sysroot
if [ -f "$builddir/meson-private/coredata.dat" ] &&
   [ "$(cat "$marker" 2>/dev/null)" != "$sysroot" ]; then
    echo "$prog: $builddir was set up for another sysroot; recreating it" >&2
    rm -rf "$builddir"
fi
if [ ! -f "$builddir/meson-private/coredata.dat" ]; then
    # shellcheck disable=SC2086
    meson setup "$builddir" \
        --cross-file "$sysroot_ini" --cross-file "$cross_ini" \
        ${sanitize:+-Db_sanitize=$sanitize} ${S390X_MESON_OPTIONS:-} ||
        die "meson setup $builddir failed (see $builddir/meson-logs/meson-log.txt)"
    echo "$sysroot" > "$marker"
fi

meson compile -C "$builddir" || die "build for s390x failed"

# meson test sets MESON_EXE_WRAPPER only for cross-built executables; export
# it for script tests too. QEMU_LD_PREFIX serves programs that reach qemu
# through binfmt_misc instead of the wrapper.
qemu=$(command -v qemu-s390x-static)
MESON_EXE_WRAPPER=$(printf '%q -L %q' "$qemu" "$sysroot")
export MESON_EXE_WRAPPER
export QEMU_LD_PREFIX=$sysroot
# A UBSan finding fails the test instead of scrolling past.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
if ! grep -qs '^enabled' /proc/sys/fs/binfmt_misc/qemu-s390x; then
    echo "$prog: note: no binfmt_misc entry for s390x; s390x programs start" \
         "only through \$MESON_EXE_WRAPPER (g_test_trap_subprocess cannot work)" >&2
fi

start=$(date +%s)
rc=0
meson test -C "$builddir" --no-rebuild --print-errorlogs \
    --timeout-multiplier "${S390X_TIMEOUT_MULTIPLIER:-4}" "$@" || rc=$?
echo "$prog: s390x (big-endian, qemu-user) tests $([ $rc = 0 ] && echo passed || echo FAILED)" \
     "in $(( $(date +%s) - start ))s; log: $builddir/meson-logs/testlog.txt" >&2
exit $rc
