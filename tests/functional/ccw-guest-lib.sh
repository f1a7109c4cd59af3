# SPDX-License-Identifier: GPL-2.0-or-later
#
# Shell helpers shared by scripts/demo.sh and tests/functional/*.sh: build a
# 3390 volume with Hercules dasdload, start vfio-user-ccw servers and a
# qemu-system-s390x with a qtest socket, run ccw-guest against it, and stop
# exactly the processes started here (by their process ids).
#
# The caller sets QEMU_BINARY, VFIO_USER_CCW_BINARY and CCW_GUEST_BINARY and
# calls cg_init DIR first.  When MESON_EXE_WRAPPER is set (cross builds run
# under qemu-user), its words go in front of each of our programs.
# Hercules tools run as they are.

cg_pids=()
cg_wrap=()
cg_dir=
cg_qtest=
cg_timeout=10

# cg_init DIR: the directory for sockets, logs and images.
cg_init()
{
    cg_dir=$1
    cg_qtest=$cg_dir/qtest.sock
    if [ -n "${MESON_EXE_WRAPPER:-}" ]; then
        # the variable holds shell words (meson and check-s390x quote them)
        eval "cg_wrap=($MESON_EXE_WRAPPER)"
        cg_timeout=60
    fi
}

# cg_need_hercules: true if the Hercules utilities (and python3, which
# packs the demo's PDS) are there.
cg_need_hercules()
{
    local t
    for t in dasdinit dasdload dasdls dasdseq dasdcat python3; do
        command -v "$t" >/dev/null || return 1
    done
}

# cg_demo_volume DEMODIR IMAGE: the demo volume.  DEMODIR (demo.ctl and
# the files it names) is copied next to IMAGE, mkxmit.py packs the members
# of the partitioned data set into lib.xmi, and dasdload builds IMAGE.
# Messages go to IMAGE.log.
cg_demo_volume()
{
    local work=$2.src members=() f
    rm -rf "$work" && cp -r "$1" "$work" || return 1
    for f in "$work"/members/*.txt; do
        members+=("$(basename "$f" .txt)=$f")
    done
    python3 "$work/mkxmit.py" "$work/lib.xmi" DEMO.LIB.PDS "${members[@]}" \
        >"$2.log" 2>&1 &&
    (cd "$work" && dasdload demo.ctl "$2" 1) >>"$2.log" 2>&1
}

# cg_wait_socket PATH PID: wait until PATH is a socket, or PID died.
cg_wait_socket()
{
    local i
    for ((i = 0; i < cg_timeout * 20; i++)); do
        [ -S "$1" ] && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

# cg_start_machine IMAGE:DEVNO...: one vfio-user-ccw per volume, then the
# machine with one vfio-user-ccw device per server.
cg_start_machine()
{
    local spec image devno n=0 pid args=()
    for spec in "$@"; do
        image=${spec%%:*}
        devno=${spec#*:}
        "${cg_wrap[@]}" "$VFIO_USER_CCW_BINARY" --socket "$cg_dir/vu$n.sock" \
            --dasd "$image" --devno "$devno" >"$cg_dir/vu$n.log" 2>&1 &
        pid=$!
        cg_pids+=("$pid")
        if ! cg_wait_socket "$cg_dir/vu$n.sock" "$pid"; then
            echo "vfio-user-ccw for $image did not start:" >&2
            cat "$cg_dir/vu$n.log" >&2
            return 1
        fi
        args+=(-device "vfio-user-ccw,socket=$cg_dir/vu$n.sock,devno=$devno")
        n=$((n + 1))
    done
    "${cg_wrap[@]}" "$QEMU_BINARY" -M s390-ccw-virtio,s390-squash-mcss=on \
        -m 64M -nodefaults "${args[@]}" -qtest "unix:$cg_qtest,server=on" \
        >"$cg_dir/qemu.log" 2>&1 &
    pid=$!
    cg_pids+=("$pid")
    if ! cg_wait_socket "$cg_qtest" "$pid"; then
        echo "qemu-system-s390x did not start:" >&2
        cat "$cg_dir/qemu.log" >&2
        return 1
    fi
}

# cg_guest ARGS...: ccw-guest on the machine's qtest socket.
cg_guest()
{
    "${cg_wrap[@]}" "$CCW_GUEST_BINARY" --qtest "$cg_qtest" \
        --timeout "$cg_timeout" "$@"
}

# cg_stop: end the processes started by cg_start_machine, newest first.
cg_stop()
{
    local i n pid
    for ((i = ${#cg_pids[@]} - 1; i >= 0; i--)); do
        pid=${cg_pids[i]}
        kill -TERM "$pid" 2>/dev/null || continue
        for ((n = 0; n < 100; n++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.05
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    cg_pids=()
}
