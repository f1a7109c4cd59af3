#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Run one libFuzzer target without touching the source tree.
#   run-libfuzzer.sh [--keep] BINARY SEED_CORPUS WORKDIR [LIBFUZZER_OPTION...]
# New inputs go to WORKDIR/corpus and crashing ones to WORKDIR/artifacts;
# the seed corpus is only read.  WORKDIR is emptied first, so that a
# bounded run (-runs=N -seed=S) does the same every time, unless --keep
# asks to go on from what earlier runs found (make fuzz).
set -eu

keep=0
if [ "${1:-}" = "--keep" ]; then
    keep=1
    shift
fi
if [ $# -lt 3 ]; then
    echo "usage: $0 [--keep] BINARY SEED_CORPUS WORKDIR [OPTION...]" >&2
    exit 2
fi
bin=$1 seeds=$2 work=$3
shift 3

if [ "$keep" = 0 ]; then
    rm -rf "$work"
fi
mkdir -p "$work/corpus" "$work/artifacts"

# Leaks are findings; a failed check must abort so that libFuzzer keeps it.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS UBSAN_OPTIONS

exec "$bin" -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
    "$@" "$work/corpus" "$seeds"
