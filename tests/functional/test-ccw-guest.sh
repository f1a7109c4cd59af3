#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# ccw-guest against a real vfio-user-ccw + qemu-system-s390x, checked with
# the Hercules utilities on the same image file (TAP output).
#
# Environment (meson sets it, see tests/functional/meson.build):
#   QEMU_BINARY, VFIO_USER_CCW_BINARY, CCW_GUEST_BINARY, DEMO_DIR
#   MESON_EXE_WRAPPER   words to put in front of our programs (cross runs)
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/functional/ccw-guest-lib.sh
. "$here/ccw-guest-lib.sh"

: "${DEMO_DIR:=$here/demo}"
for v in QEMU_BINARY VFIO_USER_CCW_BINARY CCW_GUEST_BINARY; do
    if [ -z "${!v:-}" ]; then
        echo "Bail out! $v is not set"
        exit 1
    fi
done
if ! cg_need_hercules; then
    # They are part of the project's dependencies: a missing one is an
    # error, not a reason to test less.
    echo "Bail out! Hercules utilities or python3 missing: run scripts/install-deps.sh"
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/test-ccw-guest.XXXXXX")
cleanup()
{
    cg_stop
    rm -rf "$tmp"
}
trap cleanup EXIT

n=0
failed=0
ok()
{
    n=$((n + 1))
    echo "ok $n - $1"
}
not_ok()
{
    n=$((n + 1))
    failed=$((failed + 1))
    echo "not ok $n - $1"
    shift
    for line in "$@"; do
        echo "# $line"
    done
}
# check NAME COMMAND...: ok if the command succeeds
check()
{
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then
        ok "$name"
    else
        mapfile -t lines <<<"$out"
        not_ok "$name" "${lines[@]}"
    fi
}

cg_init "$tmp"
echo "1..19"

# The volume comes from an independent tool: Hercules dasdload.
if ! cg_demo_volume "$DEMO_DIR" "$tmp/demo.3390"; then
    echo "Bail out! dasdload failed: $(tail -3 "$tmp/demo.3390.log")"
    exit 1
fi
dasdinit "$tmp/bare.3390" 3390 BARE01 2 >"$tmp/dasdinit.log" 2>&1 ||
    { echo "Bail out! dasdinit failed"; exit 1; }
dasdinit -linux "$tmp/linux.3390" 3390 LNX001 10 >>"$tmp/dasdinit.log" 2>&1 ||
    { echo "Bail out! dasdinit -linux failed"; exit 1; }
if ! cg_start_machine "$tmp/demo.3390:0.0.1234" "$tmp/bare.3390:0.0.2222" \
     "$tmp/linux.3390:0.0.3333" \
     >"$tmp/start.log" 2>&1; then
    echo "Bail out! machine did not start: $(tail -5 "$tmp/start.log")"
    exit 1
fi

# --- identification ---------------------------------------------------
check_lscss()
{
    local out
    out=$(cg_guest lscss) || return 1
    echo "$out"
    grep -Eq '^0\.0\.1234 0\.0\.[0-9a-f]{4}  3390/[0-9a-f]{2} 3990/ec ' \
        <<<"$out" &&
    grep -Eq '^0\.0\.2222 0\.0\.[0-9a-f]{4}  3390/' <<<"$out"
}
check "lscss lists both 3390s on 3990 control units" check_lscss

check_rdc()
{
    local out
    out=$(cg_guest rdc 0.0.1234) || return 1
    echo "$out"
    grep -q 'with 20 cylinders, 15 heads, 224 sectors' <<<"$out" &&
        grep -q 'track length        58786 bytes' <<<"$out"
}
check "rdc reports the 20 cylinders dasdload made" check_rdc

# --- VTOC --------------------------------------------------------------
# data set names: dasdls lists them after its VOLSER line (first word)
names_dasdls()
{
    dasdls "$tmp/demo.3390" 2>/dev/null | sed 1d | awk 'NF { print $1 }'
}
# ccw-guest: the table between the header line and the first blank line
names_guest()
{
    cg_guest vtoc 0.0.1234 | sed -n '3,/^$/p' | awk 'NF { print $1 }'
}
check_vtoc_names()
{
    local a b
    a=$(names_dasdls) && b=$(names_guest) || return 1
    echo "dasdls: $a"
    echo "ccw-guest: $b"
    [ -n "$a" ] && [ "$a" = "$b" ]
}
check "vtoc lists exactly the data sets dasdls lists" check_vtoc_names

check_vtoc_columns()
{
    local a b
    # DCB attributes and sizes agree; %Use is computed differently
    a=$(dasdls -hdr -info -caldt "$tmp/demo.3390" 2>/dev/null | sed 1,2d |
        awk '{ print $1, $2, $3, $4, $5, $6, $7, $8, $10, $11, $12 }')
    b=$(cg_guest vtoc 0.0.1234 | sed -n '3,/^$/p' | awk 'NF {
        print $1, $2, $3, $4, $5, $6, $7, $8, $10, $11, $12 }')
    echo "dasdls: $a"
    echo "ccw-guest: $b"
    [ "$a" = "$b" ]
}
check "vtoc columns match dasdls -info (all but %Use)" check_vtoc_columns

# --- read --------------------------------------------------------------
check_read_text()
{
    (cd "$tmp" && rm -f DEMO.GUIDE.TEXT &&
     dasdseq -ascii demo.3390 DEMO.GUIDE.TEXT >/dev/null 2>&1) || return 1
    cg_guest read --ascii 0.0.1234 DEMO.GUIDE.TEXT >"$tmp/guide.out" ||
        return 1
    cmp "$tmp/guide.out" "$tmp/DEMO.GUIDE.TEXT"
}
check "read --ascii equals dasdseq -ascii byte for byte" check_read_text

check_read_binary()
{
    (cd "$tmp" && rm -f DEMO.GUIDE.TEXT &&
     dasdseq demo.3390 DEMO.GUIDE.TEXT >/dev/null 2>&1) || return 1
    cg_guest read 0.0.1234 DEMO.GUIDE.TEXT >"$tmp/guide.bin" || return 1
    cmp "$tmp/guide.bin" "$tmp/DEMO.GUIDE.TEXT"
}
check "read without --ascii equals dasdseq's EBCDIC records" \
    check_read_binary

# --- partitioned data set ------------------------------------------------
check_members()
{
    local a b
    a=$(dasdcat -i "$tmp/demo.3390" 'DEMO.LIB.PDS/?' 2>/dev/null |
        tr a-z A-Z | sort)
    b=$(cg_guest members 0.0.1234 DEMO.LIB.PDS | awk '/^Member/ {
        print $2 }' | sort)
    echo "dasdcat: $a"
    echo "ccw-guest: $b"
    [ -n "$a" ] && [ "$a" = "$b" ]
}
check "members lists the members dasdcat lists" check_members

check_read_members()
{
    local m
    for m in README CCWS SENSE COPYJOB; do
        dasdcat -i "$tmp/demo.3390" "DEMO.LIB.PDS/$m:ac" \
            >"$tmp/$m.dasdcat" 2>/dev/null
        cg_guest read --ascii 0.0.1234 "DEMO.LIB.PDS($m)" >"$tmp/$m.guest" &&
        cmp "$tmp/$m.guest" "$tmp/$m.dasdcat" &&
        cmp "$tmp/$m.guest" "$DEMO_DIR/members/$m.txt" || return 1
    done
}
check "read --ascii of each PDS member equals dasdcat and its source" \
    check_read_members

# --- write -------------------------------------------------------------
for ((i = 1; i <= 2000; i++)); do
    printf 'PATTERN RECORD %06d OF 002000 %s\n' "$i" \
        "$(printf '%0*d' $((i % 40)) 0)"
done >"$tmp/pattern.txt"

check_write()
{
    cg_guest write --ascii 0.0.1234 DEMO.SCRATCH "$tmp/pattern.txt" &&
    (cd "$tmp" && rm -f DEMO.SCRATCH &&
     dasdseq -ascii demo.3390 DEMO.SCRATCH >/dev/null 2>&1) &&
    cmp "$tmp/pattern.txt" "$tmp/DEMO.SCRATCH"
}
check "write, then dasdseq -ascii reads back the written records" \
    check_write

check_readback()
{
    cg_guest read --ascii 0.0.1234 DEMO.SCRATCH | cmp - "$tmp/pattern.txt"
}
check "read --ascii after write gives the written records" check_readback

check_shorter_write()
{
    head -25 "$tmp/pattern.txt" >"$tmp/short.txt"
    cg_guest write --ascii 0.0.1234 DEMO.SCRATCH "$tmp/short.txt" &&
    (cd "$tmp" && rm -f DEMO.SCRATCH &&
     dasdseq -ascii demo.3390 DEMO.SCRATCH >/dev/null 2>&1) &&
    cmp "$tmp/short.txt" "$tmp/DEMO.SCRATCH"
}
check "a shorter rewrite ends where dasdseq stops" check_shorter_write

check_still_listed()
{
    [ "$(names_dasdls)" = "$(names_guest)" ]
}
check "dasdls still lists the same data sets after the writes" \
    check_still_listed

# --- verify ------------------------------------------------------------
check_verify()
{
    local out
    out=$(cg_guest verify 0.0.1234) || return 1
    echo "$out"
    grep -q 'verified 300 tracks (the whole volume) in 20 channel programs' \
        <<<"$out" && grep -q '; 0 problems$' <<<"$out"
}
check "verify reads all 300 tracks cleanly" check_verify

# --- a volume made by dasdinit -linux: VOL1 and a VTOC -------------------
check_linux_volume()
{
    local out
    out=$(cg_guest vtoc 0.0.3333) || return 1
    echo "$out"
    grep -q '^0\.0\.3333: VOLSER=LNX001$' <<<"$out" &&
        grep -q 'format-4 DSCB at cyl 0 head 1 record 1' <<<"$out"
}
check "a dasdinit -linux volume shows its VOL1 and VTOC" check_linux_volume

# --- tracks written through the stack, as Hercules' checker sees them ---
check_cckdcdsk()
{
    dasdcopy -z "$tmp/demo.3390" "$tmp/demo.cckd" &&
        cckdcdsk -3 "$tmp/demo.cckd"
}
check "tracks written through the stack pass cckdcdsk -3 after dasdcopy -z" \
    check_cckdcdsk

# cckdcdsk -3 also passes damaged record chains: the round trip through
# the compressed format must give back every track byte for byte.
check_round_trip()
{
    dasdcopy "$tmp/demo.cckd" "$tmp/back.3390" &&
        python3 "$here/ckd-compare.py" "$tmp/demo.3390" "$tmp/back.3390"
}
check "dasdcopy -z and back gives every written track unchanged" \
    check_round_trip

# --- errors: exit non-zero with one line ---------------------------------
# expect_error NAME PATTERN ARGS...
expect_error()
{
    local name=$1 pattern=$2 out rc
    shift 2
    out=$(cg_guest "$@" 2>&1)
    rc=$?
    if [ $rc -ne 0 ] && [ "$(wc -l <<<"$out")" -eq 1 ] &&
       grep -Eq "$pattern" <<<"$out"; then
        ok "$name"
    else
        mapfile -t lines <<<"$out"
        not_ok "$name" "exit status $rc, output:" "${lines[@]}"
    fi
}
expect_error "unknown device number: one line, non-zero" \
    '^ccw-guest: 0\.0\.4321: no such device$' vtoc 0.0.4321
expect_error "unknown data set: one line, non-zero" \
    '^ccw-guest: 0\.0\.1234: no data set NO\.SUCH\.DSN in the VTOC' \
    read 0.0.1234 NO.SUCH.DSN
expect_error "volume without VTOC: unit check with its sense meaning" \
    '^ccw-guest: 0\.0\.2222: .*unit check: no record found \(sense 00 08 ' \
    vtoc 0.0.2222

[ "$n" -eq 19 ] || echo "# ran $n tests, planned 19"
exit $((failed > 0))
