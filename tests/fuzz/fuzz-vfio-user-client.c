/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-vfio-user-client: the machine's vfio-user client (hw/vfio-user/
 * proxy.c and device.c) against a server that answers with arbitrary
 * bytes.
 *
 * Input: the whole byte stream "the server" sends, replies back to back
 * (VFIOUserHdr + payload, host order, as include/hw/vfio-user/protocol.h
 * lays them out).  It is written into one end of a socketpair, which is
 * then closed, so the client reads exactly these bytes and then end of
 * stream: no timeouts, no second process.  The client then does what
 * vfio-user-ccw's realize does (VERSION, DMA_MAP, GET_INFO) and, if that
 * succeeds, every VFIODeviceIOOps call once.
 *
 * Checked: nothing crashes or leaks; every op answers 0, a byte count
 * within what was asked, or a negative errno (-1..-4095); a reply that
 * claims a different region or index than asked is never taken.
 *
 * FUZZ_TRACE=1 in the environment prints how far the client got.
 */
#include "qemu/osdep.h"
#include <sys/eventfd.h>
#include <sys/socket.h>

#include "hw/vfio-user/device.h"
#include "system/memory.h"
#include "fuzz.h"

#define FUZZ_RAM_SIZE (1024 * 1024)

static GuestRAM *ram;
static bool trace;              /* FUZZ_TRACE=1: print how far it got */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    g_autoptr(GError) err = NULL;

    ram = guest_ram_new(FUZZ_RAM_SIZE, &err);
    g_assert_no_error(err);
    trace = g_getenv("FUZZ_TRACE") != NULL;
    return 0;
}

static void assert_errno_or_count(ssize_t ret, size_t asked)
{
    g_assert_cmpint(ret, >=, -4095);
    g_assert_cmpint(ret, <=, (ssize_t)asked);
}

/* Every op once, as a vfio-ccw device would use them. */
static void exercise(VFIODevice *vdev)
{
    uint8_t buf[128] = { 0 };
    struct vfio_irq_info irq;
    int efd;

    for (uint32_t i = 0; i < 6; i++) {
        VFIORegion region;
        int ret = vdev->ops->get_region_info(vdev, i, &region);

        assert_errno_or_count(ret, 0);
        if (ret == 0) {
            g_assert_cmpuint(region.index, ==, i);
        }
    }
    assert_errno_or_count(vdev->ops->region_read(vdev, 0, 0, buf, 124), 124);
    assert_errno_or_count(vdev->ops->region_write(vdev, 0, 0, buf, 124), 124);
    assert_errno_or_count(vdev->ops->region_read(vdev, 3, 0, buf, 8), 8);
    for (uint32_t i = 0; i < 3; i++) {
        int ret = vdev->ops->get_irq_info(vdev, i, &irq);

        assert_errno_or_count(ret, 0);
        if (ret == 0) {
            g_assert_cmpuint(irq.index, ==, i);
        }
    }
    efd = eventfd(0, EFD_CLOEXEC);
    g_assert_cmpint(efd, >=, 0);
    assert_errno_or_count(vdev->ops->set_irq_eventfd(vdev, 0, efd), 0);
    assert_errno_or_count(vdev->ops->set_irq_eventfd(vdev, 0, -1), 0);
    close(efd);
    assert_errno_or_count(vdev->ops->reset(vdev), 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(GError) err = NULL;
    VFIOUserProxy *proxy;
    VFIODevice vdev;
    int sv[2];

    /* Inputs past the socket buffer would block the single writer. */
    if (size > 65536) {
        return 0;
    }
    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv),
                    ==, 0);
    {
        int sz = 256 * 1024;

        setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
        setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
        setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
        setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
    }
    g_assert_cmpint(write(sv[1], data, size), ==, (ssize_t)size);
    /*
     * End of stream for the client's reads, but keep sv[1] open: a closed
     * peer would fail the client's first send (EPIPE) before it reads a
     * byte of the input.  What the client sends piles up unread in sv[1].
     */
    g_assert_cmpint(shutdown(sv[1], SHUT_WR), ==, 0);

    proxy = vfio_user_proxy_new(sv[0], "fuzz", &err);
    if (!proxy) {
        g_assert_nonnull(err);
        g_assert_null(strchr(err->message, '\n'));
    } else if (vfio_user_device_attach(&vdev, proxy, ram, "fuzz", &err)) {
        if (trace) {
            g_printerr("attached: every op once\n");
        }
        exercise(&vdev);
        vdev.ops->detach(&vdev);
    } else {
        g_assert_nonnull(err);
    }
    if (trace && err) {
        g_printerr("refused: %s\n", err->message);
    }
    close(sv[1]);
    return 0;
}
