/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-vfio-user-server-msg: the vfio-user-ccw server (contrib/vfio-user-
 * ccw/server.h) as a client meets it: arbitrary messages, with or without
 * file descriptors, on a connected socket, through the server's own
 * framing, command handling and mdev (the scripted echo device of
 * fuzz-echo.h behind the subchannel).
 *
 * For each input the target makes a DMA map set, an mdev and a server,
 * hands the server one end of a socketpair (vuc_server_use_fd(): the
 * inherited-connection mode), and plays the client on the other end: it
 * sends each message, runs the GLib main context until the server has
 * nothing left to do (reading, answering, the mdev's host work), and
 * reads and checks the replies.  At the end it closes its end, as a
 * client that goes away does, and the server must let go of everything.
 *
 * Input:
 *   bytes 0-63  the echo device's script (fuzz-echo.h)
 *   2 bytes     n, then n bytes: the start of guest memory (a 64 KiB
 *               memfd that DMA_MAP messages can carry), the rest zeros
 *   then up to 32 messages, each:
 *     1 byte    bit 0: send the guest-memory fd with it; bit 1: send a
 *               new eventfd with it; bit 2: send it in two writes (the
 *               split point is the next byte); bit 3: set the header's
 *               size field to the real length
 *     [1 byte   split point, with bit 2]
 *     2 bytes   length L (big-endian), then L bytes: the message as it
 *               goes on the wire, header included, in HOST byte order
 *               (vfio-user is host-endian; the seeds are written for
 *               little-endian hosts)
 *
 * What must hold: every reply is a well-formed reply header (type reply,
 * size at least the header, an error reply carrying an errno and nothing
 * else), never more than a command's worth of data; no crash, no leak,
 * no fd left open once the client is gone; the server never blocks on
 * the client (replies are read as they come).
 *
 * FUZZ_TRACE=1 in the environment turns on the server's and the mdev's
 * traces.
 */
#include "qemu/osdep.h"

#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include "hw/vfio-user/protocol.h"
#include "dma-map.h"
#include "mdev.h"
#include "server.h"
#include "fuzz.h"
#include "fuzz-echo.h"

#define GUEST_SIZE (64 * 1024)
#define MAX_MSGS 32
#define HDR_SIZE ((uint32_t)sizeof(VFIOUserHdr))

#define MSG_WITH_MEMFD  0x01
#define MSG_WITH_EVENTFD 0x02
#define MSG_SPLIT       0x04
#define MSG_FIX_SIZE    0x08


static int guest_fd = -1;
static bool trace;              /* FUZZ_TRACE=1: the server's trace */

typedef struct Client {
    int fd;
    GByteArray *in;             /* reply bytes not yet parsed */
    unsigned replies;
} Client;

static void discard_printerr(const gchar *msg)
{
}

static void close_guest_fd(void)
{
    if (guest_fd >= 0) {
        close(guest_fd);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    trace = g_getenv("FUZZ_TRACE") != NULL;
    if (!trace) {
        /* "client connected/disconnected" on every input is noise here */
        g_set_printerr_handler(discard_printerr);
    }
    signal(SIGPIPE, SIG_IGN);
    guest_fd = memfd_create("fuzz-guest", MFD_CLOEXEC);
    g_assert_cmpint(guest_fd, >=, 0);
    g_assert_cmpint(ftruncate(guest_fd, GUEST_SIZE), ==, 0);
    atexit(close_guest_fd);
    /* the main context's own wakeup fd, before the fd counts begin */
    g_main_context_iteration(NULL, FALSE);
    return 0;
}

static void load_guest(FuzzInput *in)
{
    g_autofree uint8_t *mem = g_malloc0(GUEST_SIZE);
    uint16_t n = fuzz_u16(in);

    fuzz_bytes(in, mem, n);
    g_assert_cmpint(pwrite(guest_fd, mem, GUEST_SIZE, 0), ==, GUEST_SIZE);
}

/* Check and drop every complete reply the server sent so far. */
static void read_replies(Client *cl)
{
    uint8_t buf[8192];
    ssize_t n;

    while ((n = recv(cl->fd, buf, sizeof(buf), MSG_DONTWAIT)) > 0) {
        g_byte_array_append(cl->in, buf, n);
    }
    while (cl->in->len >= HDR_SIZE) {
        VFIOUserHdr h;

        memcpy(&h, cl->in->data, HDR_SIZE);
        g_assert_cmphex(h.flags & VFIO_USER_TYPE_MASK, ==, VFIO_USER_REPLY);
        g_assert_false(h.flags & VFIO_USER_NO_REPLY);
        g_assert_cmpuint(h.size, >=, HDR_SIZE);
        g_assert_cmpuint(h.size, <=, VFIO_USER_CCW_MAX_MSG_SIZE);
        if (h.flags & VFIO_USER_ERROR) {
            g_assert_cmpuint(h.size, ==, HDR_SIZE);
            g_assert_cmpuint(h.error_reply, >, 0);
            g_assert_cmpuint(h.error_reply, <, 4096);
        }
        if (cl->in->len < h.size) {
            break;
        }
        g_byte_array_remove_range(cl->in, 0, h.size);
        cl->replies++;
    }
}

/* Let the server do all it can, taking replies as they come. */
static void settle(Client *cl)
{
    do {
        read_replies(cl);
    } while (g_main_context_iteration(NULL, FALSE));
    read_replies(cl);
}

static void send_part(Client *cl, const uint8_t *buf, size_t len,
                      const int *fds, unsigned nfds)
{
    union {
        char buf[CMSG_SPACE(2 * sizeof(int))];
        struct cmsghdr align;
    } ctrl;
    struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
    ssize_t n;

    if (nfds) {
        struct cmsghdr *cm;

        memset(&ctrl, 0, sizeof(ctrl));
        mh.msg_control = ctrl.buf;
        mh.msg_controllen = CMSG_SPACE(nfds * sizeof(int));
        cm = CMSG_FIRSTHDR(&mh);
        cm->cmsg_level = SOL_SOCKET;
        cm->cmsg_type = SCM_RIGHTS;
        cm->cmsg_len = CMSG_LEN(nfds * sizeof(int));
        memcpy(CMSG_DATA(cm), fds, nfds * sizeof(int));
    }
    /* A message is at most 64 KiB + 2 bytes: it fits the socket buffer. */
    n = sendmsg(cl->fd, &mh, MSG_NOSIGNAL);
    /* EPIPE: the server dropped us (e.g. a reply it could not send) */
    g_assert_true(n == (ssize_t)len || (n < 0 && errno == EPIPE));
}

static void send_message(Client *cl, FuzzInput *in)
{
    uint8_t flags = fuzz_u8(in);
    uint8_t split = flags & MSG_SPLIT ? fuzz_u8(in) : 0;
    uint16_t len = fuzz_u16(in);
    size_t got;
    const uint8_t *bytes = fuzz_span(in, len, &got);
    g_autofree uint8_t *msg = NULL;
    int fds[2];
    unsigned nfds = 0;
    int efd = -1;

    if (got == 0) {
        return;
    }
    msg = g_memdup2(bytes, got);
    if ((flags & MSG_FIX_SIZE) && got >= HDR_SIZE) {
        uint32_t size = got;

        memcpy(msg + offsetof(VFIOUserHdr, size), &size, sizeof(size));
    }
    if (flags & MSG_WITH_MEMFD) {
        fds[nfds++] = guest_fd;
    }
    if (flags & MSG_WITH_EVENTFD) {
        efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        g_assert_cmpint(efd, >=, 0);
        fds[nfds++] = efd;
    }
    if ((flags & MSG_SPLIT) && split && split < got) {
        send_part(cl, msg, split, fds, nfds);
        settle(cl);
        send_part(cl, msg + split, got - split, NULL, 0);
    } else {
        send_part(cl, msg, got, fds, nfds);
    }
    if (efd >= 0) {
        close(efd);             /* the server has its own copy */
    }
    settle(cl);
}

static void mdev_trace_line(void *opaque, const char *line)
{
    g_printerr("mdev: %s\n", line);
}

static void server_done(void *opaque)
{
    *(bool *)opaque = true;
}

static unsigned count_open_fds(void)
{
    g_autoptr(GDir) dir = g_dir_open("/proc/self/fd", 0, NULL);
    unsigned n = 0;

    g_assert_nonnull(dir);
    while (g_dir_read_name(dir)) {
        n++;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in;
    g_autofree FuzzEchoDev *dev = g_new0(FuzzEchoDev, 1);
    MdevConfig cfg = {
        .cssid = 0, .ssid = 0, .schno = 0x0010, .devno = 0x1234,
        .chpid = { 0x40 }, .num_chpids = 1,
    };
    MdevDevice mdev_dev = { .ops = &fuzz_echo_ops, .opaque = dev };
    unsigned fds_before = count_open_fds();
    DmaMaps *maps;
    Mdev *mdev;
    VucServer *server;
    Client cl = { .in = g_byte_array_new() };
    g_autoptr(GError) err = NULL;
    bool done = false;
    int sv[2];

    fuzz_input_init(&in, data, size);
    fuzz_echo_read_script(dev, &in);
    load_guest(&in);

    maps = dma_maps_new(VFIO_USER_CCW_MAX_DMA_MAPS);
    mdev = mdev_new(&cfg, &mdev_dev, maps);
    if (trace) {
        mdev_set_trace(mdev, mdev_trace_line, NULL);
    }
    server = vuc_server_new(mdev, maps, trace);
    vuc_server_set_done(server, server_done, &done);
    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv),
                    ==, 0);
    g_assert_true(vuc_server_use_fd(server, sv[1], &err));
    g_assert_no_error(err);
    cl.fd = sv[0];

    for (unsigned i = 0; i < MAX_MSGS && fuzz_left(&in); i++) {
        send_message(&cl, &in);
    }

    /* The client goes away: the server must drop it and say so. */
    close(cl.fd);
    for (unsigned i = 0; i < 100 && !done; i++) {
        g_main_context_iteration(NULL, FALSE);
    }
    g_assert_true(done);
    g_assert_false(vuc_server_has_client(server));
    g_assert_cmpuint(dma_maps_count(maps), ==, 0);

    vuc_server_free(server);
    mdev_free(mdev);
    dma_maps_free(maps);
    g_byte_array_unref(cl.in);
    while (g_main_context_iteration(NULL, FALSE)) {
    }
    g_assert_cmpuint(count_open_fds(), ==, fds_before);
    return 0;
}
