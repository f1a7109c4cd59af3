/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The client side of a vfio-user connection: framing, fds, validation,
 * version negotiation and noticing a server that went away.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <glib-unix.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "hw/vfio-user/caps.h"
#include "hw/vfio-user/proxy.h"

/* The largest reply we accept: the biggest CCW region read, with room. */
#define VFIO_USER_CLIENT_MAX_MSG (64 * 1024)

/* Our own transfer limit: no vfio-ccw region is larger than a page. */
#define VFIO_USER_CLIENT_MAX_XFER 4096

struct VFIOUserProxy {
    int fd;
    char *path;
    uint16_t next_id;
    bool dead;
    uint32_t max_xfer;
    guint watch;
    void (*dead_fn)(void *opaque);
    void *dead_opaque;
};

static void proxy_mark_dead(VFIOUserProxy *proxy)
{
    if (proxy->dead) {
        return;
    }
    proxy->dead = true;
    if (proxy->watch) {
        g_source_remove(proxy->watch);
        proxy->watch = 0;
    }
    if (proxy->dead_fn) {
        proxy->dead_fn(proxy->dead_opaque);
    }
}

/*
 * Between requests the server has nothing to say (we never ask it to
 * start DMA_READ/WRITE): readable means it closed the socket or broke
 * the protocol.
 */
static gboolean proxy_idle_event(gint fd, GIOCondition cond, gpointer opaque)
{
    VFIOUserProxy *proxy = opaque;

    proxy->watch = 0;
    proxy_mark_dead(proxy);
    return G_SOURCE_REMOVE;
}

void vfio_user_set_dead_notify(VFIOUserProxy *proxy, void (*fn)(void *),
                               void *opaque)
{
    proxy->dead_fn = fn;
    proxy->dead_opaque = opaque;
    if (!proxy->dead && !proxy->watch) {
        proxy->watch = g_unix_fd_add(proxy->fd,
                                     G_IO_IN | G_IO_HUP | G_IO_ERR,
                                     proxy_idle_event, proxy);
    }
}

bool vfio_user_is_dead(const VFIOUserProxy *proxy)
{
    return proxy->dead;
}

uint32_t vfio_user_max_xfer(const VFIOUserProxy *proxy)
{
    return proxy->max_xfer;
}

static int send_msg(int fd, const void *buf, size_t len, const int *fds,
                    int nfds)
{
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int) * 4)];
    } ctl;
    struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
    size_t sent = 0;

    g_assert(nfds >= 0 && nfds <= 4);
    if (nfds) {
        struct cmsghdr *c;

        memset(&ctl, 0, sizeof(ctl));
        mh.msg_control = ctl.buf;
        mh.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
        c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
        memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
    }
    while (sent < len) {
        ssize_t n = sendmsg(fd, &mh, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return -EPIPE;
        }
        sent += (size_t)n;
        /* The fds went with the first byte. */
        mh.msg_control = NULL;
        mh.msg_controllen = 0;
        iov.iov_base = (char *)buf + sent;
        iov.iov_len = len - sent;
    }
    return 0;
}

/* Read exactly @len bytes within the reply timeout; fds are refused. */
static int recv_exact(int fd, void *buf, size_t len)
{
    size_t got = 0;
    gint64 deadline = g_get_monotonic_time() +
                      (gint64)VFIO_USER_REPLY_TIMEOUT_MS * 1000;

    while (got < len) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        gint64 left = (deadline - g_get_monotonic_time()) / 1000;
        char ctlbuf[CMSG_SPACE(sizeof(int) * 4)];
        struct iovec iov = { .iov_base = (char *)buf + got,
                             .iov_len = len - got };
        struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
                             .msg_control = ctlbuf,
                             .msg_controllen = sizeof(ctlbuf) };
        ssize_t n;
        int pr;

        if (left <= 0) {
            return -ETIMEDOUT;
        }
        pr = poll(&pfd, 1, (int)MIN(left, INT_MAX));
        if (pr < 0 && errno == EINTR) {
            continue;
        }
        if (pr <= 0) {
            return pr == 0 ? -ETIMEDOUT : -errno;
        }
        n = recvmsg(fd, &mh, MSG_CMSG_CLOEXEC);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return -EPIPE;
        }
        if (mh.msg_controllen) {
            /* No reply of ours carries fds: close them and refuse. */
            for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c;
                 c = CMSG_NXTHDR(&mh, c)) {
                if (c->cmsg_level == SOL_SOCKET &&
                    c->cmsg_type == SCM_RIGHTS) {
                    int nfd = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
                    int fds[4];

                    memcpy(fds, CMSG_DATA(c), sizeof(int) * MIN(nfd, 4));
                    for (int i = 0; i < MIN(nfd, 4); i++) {
                        close(fds[i]);
                    }
                }
            }
            return -EPROTO;
        }
        got += (size_t)n;
    }
    return 0;
}

/* Check a reply header against the command it answers. */
static int check_reply_hdr(const VFIOUserHdr *cmd, const VFIOUserHdr *rep,
                           size_t reply_max)
{
    if ((rep->flags & VFIO_USER_TYPE_MASK) != VFIO_USER_REPLY ||
        rep->id != cmd->id || rep->command != cmd->command ||
        rep->size < sizeof(VFIOUserHdr) ||
        rep->size > VFIO_USER_CLIENT_MAX_MSG) {
        return -EPROTO;
    }
    if (rep->flags & VFIO_USER_ERROR) {
        /* An error reply is a bare header with a sane errno. */
        if (rep->size != sizeof(VFIOUserHdr) || rep->error_reply >= 4096) {
            return -EPROTO;
        }
        return 0;
    }
    return rep->size > reply_max ? -E2BIG : 0;
}

int vfio_user_request(VFIOUserProxy *proxy, VFIOUserHdr *msg,
                      const int *fds, int nfds, void *reply,
                      size_t reply_max, size_t *reply_len)
{
    VFIOUserHdr cmd;
    VFIOUserHdr *rep = reply;
    int ret;

    if (proxy->dead) {
        return -EPIPE;
    }
    g_assert(reply_max >= sizeof(VFIOUserHdr) && msg->size >= sizeof(*msg));
    msg->id = proxy->next_id++;
    msg->flags = VFIO_USER_REQUEST;
    msg->error_reply = 0;
    cmd = *msg;
    ret = send_msg(proxy->fd, msg, msg->size, fds, nfds);
    if (ret == 0) {
        ret = recv_exact(proxy->fd, rep, sizeof(*rep));
    }
    if (ret == 0) {
        ret = check_reply_hdr(&cmd, rep, reply_max);
    }
    if (ret == 0 && rep->size > sizeof(*rep)) {
        ret = recv_exact(proxy->fd, (char *)rep + sizeof(*rep),
                         rep->size - sizeof(*rep));
    }
    if (ret < 0) {
        /* Out of step with the server: nothing later could be trusted. */
        proxy_mark_dead(proxy);
        return ret == -EPROTO || ret == -E2BIG ? ret : -EPIPE;
    }
    if (rep->flags & VFIO_USER_ERROR) {
        return rep->error_reply ? -(int)rep->error_reply : -EIO;
    }
    *reply_len = rep->size;
    return 0;
}

/* ---- version negotiation ------------------------------------------------ */

/* Our capabilities: one fd per message, transfers of a page at most. */
static char *version_json(void)
{
    VFIOUserCaps ours = vfio_user_caps_defaults();

    ours.max_data_xfer_size = VFIO_USER_CLIENT_MAX_XFER;
    return vfio_user_caps_to_json(&ours);
}

/* The server's capabilities, its transfer limit narrowed to ours. */
static bool parse_server_caps(VFIOUserProxy *proxy, const char *json,
                              GError **errp)
{
    VFIOUserCaps server;

    if (!vfio_user_caps_from_json(json, strlen(json), &server, errp)) {
        return false;
    }
    /* 124 bytes: the largest vfio-ccw region must move in one transfer. */
    if (server.max_data_xfer_size < 124) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                    "bad max_data_xfer_size %" PRIu64 " (need 124 bytes"
                    " or more)", server.max_data_xfer_size);
        return false;
    }
    proxy->max_xfer = MIN(server.max_data_xfer_size,
                          VFIO_USER_CLIENT_MAX_XFER);
    return true;
}

static bool negotiate_version(VFIOUserProxy *proxy, GError **errp)
{
    g_autofree char *json = version_json();
    size_t jlen = strlen(json) + 1;
    size_t len = sizeof(VFIOUserVersion) + jlen;
    g_autofree VFIOUserVersion *msg = g_malloc0(len);
    g_autofree uint8_t *reply = g_malloc0(VFIO_USER_CLIENT_MAX_MSG);
    VFIOUserVersion *rep = (VFIOUserVersion *)reply;
    size_t rlen = 0;
    int ret;

    msg->hdr.command = VFIO_USER_VERSION;
    msg->hdr.size = (uint32_t)len;
    msg->major = VFIO_USER_MAJOR;
    msg->minor = VFIO_USER_MINOR;
    memcpy(msg->capabilities, json, jlen);
    ret = vfio_user_request(proxy, &msg->hdr, NULL, 0, reply,
                            VFIO_USER_CLIENT_MAX_MSG, &rlen);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "version negotiation failed: %s", g_strerror(-ret));
        return false;
    }
    if (rlen < sizeof(VFIOUserVersion) || rep->major != VFIO_USER_MAJOR ||
        rep->minor > VFIO_USER_MINOR) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                    "server speaks vfio-user %u.%u, we speak %u.%u",
                    rlen >= sizeof(VFIOUserVersion) ? rep->major : 0,
                    rlen >= sizeof(VFIOUserVersion) ? rep->minor : 0,
                    VFIO_USER_MAJOR, VFIO_USER_MINOR);
        return false;
    }
    if (rlen > sizeof(VFIOUserVersion)) {
        /* The JSON must end with its NUL inside the message. */
        if (reply[rlen - 1] != '\0') {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                        "capabilities are not NUL-terminated");
            return false;
        }
        return parse_server_caps(proxy, rep->capabilities, errp);
    }
    return true;
}

VFIOUserProxy *vfio_user_proxy_new(int fd, const char *name, GError **errp)
{
    VFIOUserProxy *proxy = g_new0(VFIOUserProxy, 1);
    g_autoptr(GError) err = NULL;

    proxy->fd = fd;
    proxy->path = g_strdup(name);
    proxy->max_xfer = MIN(VFIO_USER_DEF_MAX_XFER, VFIO_USER_CLIENT_MAX_XFER);
    if (!negotiate_version(proxy, &err)) {
        g_set_error(errp, err->domain, err->code, "vfio-user: %s: %s", name,
                    err->message);
        vfio_user_proxy_free(proxy);
        return NULL;
    }
    return proxy;
}

VFIOUserProxy *vfio_user_connect(const char *path, GError **errp)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd;

    if (!path || !*path || strlen(path) >= sizeof(sa.sun_path)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "vfio-user: socket path '%s' is empty or longer than "
                    "%zu bytes", path ? path : "", sizeof(sa.sun_path) - 1);
        return NULL;
    }
    memcpy(sa.sun_path, path, strlen(path));
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        int e = errno;

        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(e),
                    "vfio-user: cannot connect to %s: %s (is vfio-user-ccw "
                    "running with --socket %s?)", path, g_strerror(e), path);
        if (fd >= 0) {
            close(fd);
        }
        return NULL;
    }
    return vfio_user_proxy_new(fd, path, errp);
}

void vfio_user_proxy_free(VFIOUserProxy *proxy)
{
    if (!proxy) {
        return;
    }
    if (proxy->watch) {
        g_source_remove(proxy->watch);
    }
    close(proxy->fd);
    g_free(proxy->path);
    g_free(proxy);
}
