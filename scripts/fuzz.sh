#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Run every libFuzzer target of tests/fuzz for a while (`make fuzz`).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Sets up and builds build-fuzz (clang, ASan + UBSan, libFuzzer coverage
# of the whole tree) if needed, then runs each target (default: all) for
# SECONDS (default 60) with tests/fuzz/run-libfuzzer.sh, one after the
# other.  What a target finds is kept between runs in
# build-fuzz/fuzz-work/<target>/corpus; crashing inputs go to
# build-fuzz/fuzz-work/<target>/artifacts.  At the end a summary lists,
# per target, the executions, the corpus size and the findings, and is
# also written to build-fuzz/fuzz-work/summary.txt.  Exits 1 if any target
# found something.  Environment: BUILD (default build-fuzz), JOBS (targets
# run at once, default 1), FUZZ_ARGS (extra libFuzzer options).
set -euo pipefail

srcdir=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build-fuzz}
seconds=${1:-60}
shift || true
jobs=${JOBS:-1}

case "$seconds" in
''|*[!0-9]*)
    echo "fuzz.sh: SECONDS must be a number, not '$seconds'" >&2
    exit 2
    ;;
esac

cd "$srcdir"
if ! command -v clang >/dev/null; then
    echo "fuzz.sh: needs clang (apt-get install clang libclang-rt-14-dev)" >&2
    exit 2
fi
if [ ! -f "$build/build.ninja" ]; then
    # fuzzer-no-link: coverage of every library, not only the targets;
    # -Wno-unknown-warning-option: the project's gcc-only warning flags.
    cargs="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all"
    cargs+=" -Wno-unknown-warning-option"
    CC=clang meson setup "$build" -Dfuzzing=true \
        -Db_sanitize=address,undefined -Db_lundef=false "-Dc_args=$cargs"
fi
ninja -C "$build" build.ninja >/dev/null

all=$(ninja -C "$build" -t targets all |
      sed -n 's|^tests/fuzz/fuzz-\(.*\)-libfuzzer: .*|\1|p' | sort -u)
if [ -z "$all" ]; then
    echo "fuzz.sh: $build has no libFuzzer targets (set up with clang and" \
         "-Dfuzzing=true?)" >&2
    exit 2
fi
targets=${*:-$all}
# Only the fuzz targets: the rest of the tree need not build with clang.
ninja -C "$build" $(for t in $targets; do
    echo "tests/fuzz/fuzz-$t-libfuzzer"; done)

work="$build/fuzz-work"
mkdir -p "$work"

run_one() {
    local t=$1 dict=() log="$work/$1.log"

    # the corpus grows from run to run; findings are this run's only
    rm -rf "$work/$t/artifacts"
    if [ -f "tests/fuzz/dict/$t.dict" ]; then
        dict=("-dict=tests/fuzz/dict/$t.dict")
    fi
    # shellcheck disable=SC2086
    tests/fuzz/run-libfuzzer.sh --keep "$build/tests/fuzz/fuzz-$t-libfuzzer" \
        "tests/fuzz/corpus/$t" "$work/$t" -max_total_time="$seconds" \
        -timeout=25 -rss_limit_mb=2048 "${dict[@]}" ${FUZZ_ARGS:-} \
        >"$log" 2>&1 || true
}

running=0
for t in $targets; do
    echo "fuzz.sh: $t for ${seconds}s (log: $work/$t.log)"
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

{
    printf '%-22s %12s %8s %9s  %s\n' target executions exec/s corpus findings
    for t in $targets; do
        log="$work/$t.log"
        # the last status line: "#N ... exec/s: R" (fork mode: "#N: ...")
        last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
        execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
        rate=$(sed -n 's/.*exec\/s:\{0,1\} \([0-9]*\).*/\1/p' <<<"$last")
        corpus=$(find "$work/$t/corpus" -type f | wc -l)
        found=$(find "$work/$t/artifacts" -type f | wc -l)
        what=$(grep -m1 -E '^SUMMARY: |ERROR: libFuzzer|ERROR:.*assertion' \
               "$log" || true)
        printf '%-22s %12s %8s %9s  %s\n' "$t" "${execs:-?}" "${rate:-?}" \
            "$corpus" "$found${what:+: $what}"
    done
} | tee "$work/summary.txt"
for t in $targets; do
    if find "$work/$t/artifacts" -type f | grep -q .; then
        echo "fuzz.sh: findings are in $work/*/artifacts; reproduce one" \
             "with $build/tests/fuzz/fuzz-TARGET FILE (FUZZ_TRACE=1 shows" \
             "the steps)"
        exit 1
    fi
done
