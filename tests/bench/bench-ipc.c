/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Baselines measured in the same run: what one request/reply between two
 * processes plus one eventfd wake costs on this host (the floor for any
 * design that keeps the device in another process and talks to it over a
 * socket), and what copying the data once costs.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "ccw-bench.h"

/* As large as a vfio-user header: the smallest message the path sends. */
#define IPC_MSG 16

static bool xfer(int fd, void *buf, size_t len, bool out)
{
    size_t done = 0;

    while (done < len) {
        ssize_t r = out ? write(fd, (uint8_t *)buf + done, len - done)
                        : read(fd, (uint8_t *)buf + done, len - done);

        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return false;
        }
        done += (size_t)r;
    }
    return true;
}

/* The child: echo every message; after each @rt-th, kick the eventfd. */
static G_NORETURN void echo_child(int sock, int efd, unsigned rt)
{
    uint8_t msg[IPC_MSG];
    uint64_t one = 1;

    prctl(PR_SET_PDEATHSIG, SIGKILL);
    for (unsigned i = 1;; i++) {
        if (!xfer(sock, msg, sizeof(msg), false) ||
            !xfer(sock, msg, sizeof(msg), true)) {
            _exit(0);
        }
        if (i % rt == 0 && write(efd, &one, sizeof(one)) != sizeof(one)) {
            _exit(1);
        }
    }
}

bool bench_ipc_run(unsigned round_trips, unsigned iters, unsigned warmup,
                   BenchStats *out, GError **errp)
{
    g_autofree uint64_t *lat = g_new(uint64_t, iters);
    uint8_t msg[IPC_MSG] = { 0 };
    uint64_t t0, start = 0, val;
    int sv[2], efd, status;
    bool ok = true;
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                    "socketpair: %s", g_strerror(errno));
        return false;
    }
    efd = eventfd(0, EFD_CLOEXEC);
    if (efd < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                    "eventfd: %s", g_strerror(errno));
        close(sv[0]);
        close(sv[1]);
        return false;
    }
    pid = fork();
    if (pid == 0) {
        close(sv[0]);
        echo_child(sv[1], efd, round_trips);
    }
    close(sv[1]);
    if (pid < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                    "fork: %s", g_strerror(errno));
        close(sv[0]);
        close(efd);
        return false;
    }
    for (unsigned i = 0; ok && i < warmup + iters; i++) {
        t0 = bench_now_ns();
        if (i == warmup) {
            start = t0;
        }
        for (unsigned r = 0; ok && r < round_trips; r++) {
            ok = xfer(sv[0], msg, sizeof(msg), true) &&
                 xfer(sv[0], msg, sizeof(msg), false);
        }
        ok = ok && read(efd, &val, sizeof(val)) == sizeof(val);
        if (i >= warmup) {
            lat[i - warmup] = bench_now_ns() - t0;
        }
    }
    close(sv[0]);
    close(efd);
    waitpid(pid, &status, 0);
    if (!ok) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE,
                    "ipc: the echo child stopped answering");
        return false;
    }
    bench_stats_from(lat, iters, bench_now_ns() - start, 0, out);
    return true;
}

void bench_memcpy_run(size_t size, unsigned iters, BenchStats *out)
{
    g_autofree uint8_t *src = g_malloc(size);
    g_autofree uint8_t *dst = g_malloc(size);
    g_autofree uint64_t *lat = g_new(uint64_t, iters);
    uint64_t t0, start;

    memset(src, 0xa5, size);
    memset(dst, 0, size);
    memcpy(dst, src, size);             /* fault both in, warm the caches */
    for (unsigned i = 0; i < iters; i++) {
        t0 = bench_now_ns();
        memcpy(dst, src, size);
        /* keep the compiler from dropping or merging the copies */
        __asm__ volatile("" : : "r"(dst) : "memory");
        lat[i] = bench_now_ns() - t0;
    }
    /* Bandwidth from a loop without clock reads, which cost ~2 x 20 ns. */
    start = bench_now_ns();
    for (unsigned i = 0; i < iters; i++) {
        memcpy(dst, src, size);
        __asm__ volatile("" : : "r"(dst) : "memory");
    }
    bench_stats_from(lat, iters, bench_now_ns() - start, size, out);
}
