#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make demo: a 3390 volume made by Hercules dasdload, served by
# vfio-user-ccw, passed through to qemu-system-s390x, and read and written
# by ccw-guest through real channel programs; the Hercules utilities check
# the same image file independently.
#
#   scripts/demo.sh             (what `make demo` runs)
#
# Environment: BUILD (default build) is the build directory; KEEP=1 keeps
# the temporary directory.  Any failure stops the demo with a message and a
# non-zero exit status; every process it started is stopped on the way out.
set -euo pipefail

prog=demo
srcdir=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build}
demo_dir=$srcdir/tests/functional/demo
t_start=$(date +%s.%N)

die()
{
    echo "$prog: error: $*" >&2
    exit 1
}

step()
{
    printf '\n== %s ==\n' "$*"
}

cd "$srcdir"

# --- 1. dependencies and build --------------------------------------------
step "1. dependencies and build"
bash scripts/install-deps.sh ||
    die "missing Debian packages (see above); run as root or install them"
if [ ! -f "$build/build.ninja" ]; then
    log=$(mktemp)
    ./configure --builddir="$build" >"$log" 2>&1 ||
        { cat "$log" >&2; rm -f "$log"; die "./configure failed"; }
    rm -f "$log"
fi
ninja -C "$build" >/dev/null || die "the build failed (run: ninja -C $build)"
build_dir=$(cd "$build" && pwd)
QEMU_BINARY=$build_dir/qemu-system-s390x
VFIO_USER_CCW_BINARY=$build_dir/contrib/vfio-user-ccw/vfio-user-ccw
CCW_GUEST_BINARY=$build_dir/contrib/ccw-guest/ccw-guest
for b in "$QEMU_BINARY" "$VFIO_USER_CCW_BINARY" "$CCW_GUEST_BINARY"; do
    [ -x "$b" ] || die "$b was not built"
done
echo "built in $build/: qemu-system-s390x, vfio-user-ccw, ccw-guest"
t_built=$(date +%s.%N)

# shellcheck source=tests/functional/ccw-guest-lib.sh
. "$srcdir/tests/functional/ccw-guest-lib.sh"
cg_need_hercules ||
    die "Hercules dasdload/dasdls/dasdseq/dasdcat or python3 not found"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ccw-demo.XXXXXX")
cleanup()
{
    local rc=$?
    cg_stop
    if [ "${KEEP:-0}" = 1 ]; then
        echo "kept $tmp"
    else
        rm -rf "$tmp"
    fi
    [ $rc -eq 0 ] || echo "$prog: failed (exit status $rc)" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cg_init "$tmp"
stats=$tmp/stats.log

# The demo's own output: commands and messages stay on the terminal when a
# command's standard output goes to a file.
exec 3>&1

# ccw-guest with its counters appended to $stats; its messages go to the
# demo's output, its standard output wherever the caller sends it.
guest()
{
    local rc=0
    printf '$ ccw-guest %s\n' "$*" >&3
    (cd "$tmp" && cg_guest --stats "$@") 2>"$tmp/stderr" || rc=$?
    grep '^ccw-guest: stats:' "$tmp/stderr" >>"$stats" || true
    grep -v '^ccw-guest: stats:' "$tmp/stderr" >&3 || true
    return $rc
}

# --- 2. the volume ----------------------------------------------------------
step "2. a 3390 volume from Hercules dasdload"
image=$tmp/demo.3390
printf '$ mkxmit.py lib.xmi DEMO.LIB.PDS members/*.txt   (in %s)\n' \
    "${demo_dir#"$srcdir"/}"
printf '$ dasdload demo.ctl demo.3390\n'
cg_demo_volume "$demo_dir" "$image" ||
    { cat "$image.log" >&2; die "dasdload failed"; }
grep -E 'HHCDL(012|057|016)I' "$image.log" | sed "s|$tmp/||; s/^/  /"

# --- 3. the machine ---------------------------------------------------------
step "3. vfio-user-ccw serves it, qemu-system-s390x passes it through"
cg_start_machine "$image:0.0.1234" || die "the machine did not start"
echo "vfio-user-ccw --socket vu0.sock --dasd demo.3390 --devno 0.0.1234"
echo "qemu-system-s390x -M s390-ccw-virtio,s390-squash-mcss=on -m 64M \\"
echo "    -device vfio-user-ccw,socket=vu0.sock,devno=0.0.1234 \\"
echo "    -qtest unix:qtest.sock,server=on"

# --- 4. identification ------------------------------------------------------
step "4. the device, as a guest driver sees it"
guest lscss
guest senseid 0.0.1234
guest rdc 0.0.1234

step "5. the VTOC through the machine, and dasdls on the image file"
guest vtoc 0.0.1234 | tee "$tmp/vtoc.txt"
echo
echo '$ dasdls -hdr -info -caldt demo.3390'
dasdls -hdr -info -caldt "$image" 2>/dev/null | sed "s|$image|demo.3390|" |
    tee "$tmp/dasdls.txt"
names_guest=$(sed -n '3,/^$/p' "$tmp/vtoc.txt" | awk 'NF { print $1 }')
names_dasdls=$(sed 1,2d "$tmp/dasdls.txt" | awk 'NF { print $1 }')
[ -n "$names_guest" ] && [ "$names_guest" = "$names_dasdls" ] ||
    die "ccw-guest and dasdls list different data sets"
echo "-> same $(wc -l <<<"$names_guest") data sets, same DCB columns" \
     "(%Use: ccw-guest divides by the 3390 track length from RDC, 58786;" \
     "dasdls by its image track size, 56832)"

# --- 6. read ----------------------------------------------------------------
step "6. read a sequential data set"
guest read --ascii 0.0.1234 DEMO.GUIDE.TEXT >"$tmp/guide.txt"
sed -n '1,12p' "$tmp/guide.txt"
echo "    ... ($(wc -l <"$tmp/guide.txt") lines)"
(cd "$tmp" && dasdseq -ascii demo.3390 DEMO.GUIDE.TEXT >/dev/null 2>&1) ||
    die "dasdseq could not read DEMO.GUIDE.TEXT"
cmp -s "$tmp/guide.txt" "$tmp/DEMO.GUIDE.TEXT" ||
    die "ccw-guest read and dasdseq -ascii differ"
echo "-> identical to 'dasdseq -ascii demo.3390 DEMO.GUIDE.TEXT'" \
     "($(wc -c <"$tmp/guide.txt") bytes)"

step "7. a member of the partitioned data set"
guest members 0.0.1234 DEMO.LIB.PDS
guest read --ascii 0.0.1234 'DEMO.LIB.PDS(CCWS)' >"$tmp/ccws.txt"
cat "$tmp/ccws.txt"
# dasdcat exits with status 1 even when it succeeds
dasdcat -i "$image" 'DEMO.LIB.PDS/CCWS:ac' >"$tmp/ccws.dasdcat" 2>/dev/null ||
    true
cmp -s "$tmp/ccws.txt" "$tmp/ccws.dasdcat" ||
    die "ccw-guest and dasdcat read DEMO.LIB.PDS(CCWS) differently"
echo "-> identical to 'dasdcat -i demo.3390 DEMO.LIB.PDS/CCWS:ac'"

# --- 8. write ---------------------------------------------------------------
step "8. write a pattern into DEMO.SCRATCH and read it back"
for ((i = 1; i <= 2000; i++)); do
    printf 'DEMO PATTERN %06d %s\n' "$i" "$(printf '%0*d' $((i % 50)) 0)"
done >"$tmp/pattern.txt"
echo "pattern.txt: 2000 lines of up to 70 characters"
guest write --ascii 0.0.1234 DEMO.SCRATCH pattern.txt
guest read --ascii 0.0.1234 DEMO.SCRATCH >"$tmp/readback.txt"
cmp -s "$tmp/readback.txt" "$tmp/pattern.txt" ||
    die "the records read back through the machine differ from pattern.txt"
echo "-> read back through the machine: identical"
(cd "$tmp" && dasdseq -ascii demo.3390 DEMO.SCRATCH 2>&1 | tail -1 |
    sed 's/^/$ dasdseq -ascii demo.3390 DEMO.SCRATCH: /') ||
    die "dasdseq could not read DEMO.SCRATCH"
cmp -s "$tmp/DEMO.SCRATCH" "$tmp/pattern.txt" ||
    die "dasdseq reads something else than was written"
echo "-> dasdseq reads the same 2000 records from the image file"
dasdls -hdr -info -caldt "$image" 2>/dev/null | grep DEMO.SCRATCH

# --- 9. verify --------------------------------------------------------------
step "9. read every track of the volume"
guest verify 0.0.1234

# --- summary ----------------------------------------------------------------
step "summary"
awk '/^ccw-guest: stats:/ {
        ios += $3; rd += $6; wr += $9; secs += $15
     }
     END {
        printf "ccw-guest: %d channel programs, %d bytes read, %d bytes " \
               "written in %.2f s of I/O (%.0f I/Os/s, %.2f MB/s)\n",
               ios, rd, wr, secs, ios / secs, (rd + wr) / secs / 1e6
     }' "$stats"
trap - EXIT
cg_stop
rm -rf "$tmp"
t_end=$(date +%s.%N)
awk -v a="$t_start" -v b="$t_built" -v c="$t_end" 'BEGIN {
    printf "demo: %.1f s in all, %.1f s after the build\n", c - a, c - b }'
echo "demo: all processes stopped, temporary files removed; OK"
