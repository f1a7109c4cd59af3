#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Install every Debian 12 package that the build, the tests and the demo
# need.  Idempotent and silent when everything is present.  As root it
# installs what is missing with apt-get; otherwise it prints the exact
# apt-get line to run and exits 1.
set -euo pipefail

packages=(
    build-essential      # gcc, make, libc headers; gcc brings libasan/libubsan
    pkg-config
    meson
    ninja-build
    libglib2.0-dev       # GLib, GObject, GIO, gtest
    libjson-glib-dev     # QMP and vfio-user capabilities
    linux-libc-dev       # <linux/vfio.h>, <linux/vfio_ccw.h>
    hercules             # dasdinit, dasdload, dasdls, dasdseq: independent checks
    python3
    gcc-s390x-linux-gnu    # make check-s390x: big-endian cross compiler
    qemu-user-static       # make check-s390x: runs the s390x programs
    debian-archive-keyring # make check-s390x: verifies the s390x sysroot packages
    clang                  # make fuzz: libFuzzer targets
    libclang-rt-14-dev     # make fuzz: the libFuzzer and sanitizer runtimes
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages; as root run: apt-get update && $line" >&2
    exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
