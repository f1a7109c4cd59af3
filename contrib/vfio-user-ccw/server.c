/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * server.c: the socket side of the vfio-user server: listening, the one
 * client, reading messages (header first, then exactly the rest, so fds
 * always arrive with the message they belong to), sending replies, and
 * running the mdev's host work after a reply has gone out.
 */
#include "qemu/osdep.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <glib-unix.h>

#include "server-int.h"

#define HDR_SIZE ((uint32_t)sizeof(VFIOUserHdr))

/* A reply the client does not take within this is a dead client. */
#define SEND_TIMEOUT_SEC 5

/* Payload bytes skipped per read while discarding a refused message. */
#define DISCARD_CHUNK 4096

static void log_line(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

static void log_line(const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_printerr("vfio-user-ccw: %s\n", msg);
}

/* ------------------------------------------------------------------------
 * Host work: the program runs after the write that started it is answered
 * ------------------------------------------------------------------------ */

static gboolean run_work(gpointer opaque)
{
    VucServer *s = opaque;

    s->work_source = 0;
    mdev_run_work(s->mdev);
    return G_SOURCE_REMOVE;
}

static void schedule_work(VucServer *s)
{
    bool slow;

    if (!mdev_work_pending(s->mdev)) {
        return;
    }
    slow = s->latency_ms && mdev_work_is_start(s->mdev);
    if (s->work_source) {
        if (slow || !s->work_is_timer) {
            return;
        }
        /* A halt or clear does not wait for the program's latency. */
        g_source_remove(s->work_source);
    }
    s->work_is_timer = slow;
    /*
     * Same priority as the socket, so a client that keeps sending cannot
     * starve the interruption.
     */
    s->work_source = slow ? g_timeout_add(s->latency_ms, run_work, s)
                          : g_idle_add_full(G_PRIORITY_DEFAULT, run_work, s,
                                            NULL);
}

void vuc_server_set_latency(VucServer *s, unsigned ms)
{
    s->latency_ms = ms;
}

/* ------------------------------------------------------------------------
 * Client life
 * ------------------------------------------------------------------------ */

static void close_fds(VucClient *c)
{
    for (unsigned i = 0; i < c->nfds; i++) {
        if (c->fds[i] >= 0) {
            close(c->fds[i]);
        }
    }
    c->nfds = 0;
    c->fds_lost = false;
}

static void reset_framing(VucClient *c)
{
    g_clear_pointer(&c->msg, g_free);
    c->hdr_got = 0;
    c->msg_got = 0;
    close_fds(c);
}

static void client_free(VucServer *s, const char *why)
{
    VucClient *c = s->client;
    bool inherited;

    if (!c) {
        return;
    }
    vuc_session_close(s, c);
    if (c->watch) {
        g_source_remove(c->watch);
    }
    reset_framing(c);
    close(c->fd);
    inherited = c->inherited;
    g_free(c);
    s->client = NULL;
    log_line("client disconnected (%s)", why);
    if (inherited && s->done) {
        s->done(s->done_opaque);
    }
}

/* ------------------------------------------------------------------------
 * Sending
 * ------------------------------------------------------------------------ */

static bool send_all(VucClient *c, const void *buf, size_t len)
{
    const uint8_t *p = buf;

    while (len) {
        ssize_t n = send(c->fd, p, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        p += n;
        len -= n;
    }
    return true;
}

static bool send_reply(VucServer *s, VucClient *c, const VFIOUserHdr *req,
                       int err, const GByteArray *payload)
{
    VFIOUserHdr h = {
        .id = req->id,
        .command = req->command,
        .size = HDR_SIZE,
        .flags = VFIO_USER_REPLY,
    };
    g_autoptr(GByteArray) msg = g_byte_array_new();

    if (err) {
        h.flags |= VFIO_USER_ERROR;
        h.error_reply = err;
    } else {
        h.size += payload->len;
    }
    if (s->trace) {
        log_line("trace: reply id %u %s: %s", req->id,
                 vuc_command_name(req->command),
                 err ? g_strerror(err) : "ok");
    }
    g_byte_array_append(msg, (const guint8 *)&h, HDR_SIZE);
    if (!err) {
        g_byte_array_append(msg, payload->data, payload->len);
    }
    return send_all(c, msg->data, msg->len);
}

/* ------------------------------------------------------------------------
 * Receiving
 * ------------------------------------------------------------------------ */

/* Take the fds of one recvmsg(); extras are closed and remembered. */
static void take_fds(VucClient *c, struct msghdr *mh)
{
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(mh); cm;
         cm = CMSG_NXTHDR(mh, cm)) {
        size_t n;

        if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS) {
            continue;
        }
        n = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < n; i++) {
            int fd;

            memcpy(&fd, CMSG_DATA(cm) + i * sizeof(int), sizeof(fd));
            if (c->nfds < VUC_MAX_RECV_FDS) {
                c->fds[c->nfds++] = fd;
            } else {
                close(fd);
                c->fds_lost = true;
            }
        }
    }
    if (mh->msg_flags & MSG_CTRUNC) {
        c->fds_lost = true;
    }
}

/* One recvmsg() of at most @len bytes; returns bytes, 0 at EOF, -errno. */
static ssize_t recv_some(VucClient *c, void *buf, size_t len)
{
    union {
        char buf[CMSG_SPACE(VUC_MAX_RECV_FDS * sizeof(int))];
        struct cmsghdr align;
    } ctrl;
    struct iovec iov = { .iov_base = buf, .iov_len = len };
    struct msghdr mh = {
        .msg_iov = &iov,
        .msg_iovlen = 1,
        .msg_control = ctrl.buf,
        .msg_controllen = sizeof(ctrl.buf),
    };
    ssize_t n;

    do {
        n = recvmsg(c->fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return -errno;
    }
    take_fds(c, &mh);
    return n;
}

/* A complete message is in c->msg: answer it.  Returns false to drop c. */
static bool dispatch(VucServer *s, VucClient *c)
{
    g_autoptr(GByteArray) reply = g_byte_array_new();
    VucRequest req = {
        .hdr = &c->hdr,
        .payload = c->msg + HDR_SIZE,
        .len = c->hdr.size - HDR_SIZE,
        .fds = c->fds,
        .nfds = c->nfds,
    };
    int ret;

    if (s->trace) {
        log_line("trace: command id %u %s, %u bytes, %u fds", c->hdr.id,
                 vuc_command_name(c->hdr.command), c->hdr.size, c->nfds);
    }
    ret = c->fds_lost ? -EINVAL : vuc_handle_command(s, c, &req, reply);
    reset_framing(c);
    schedule_work(s);
    if (c->hdr.flags & VFIO_USER_NO_REPLY) {
        return true;
    }
    return send_reply(s, c, &c->hdr, -ret, reply);
}

/* Answer a message whose header already failed, without its payload. */
static bool refuse_header(VucServer *s, VucClient *c, int err)
{
    VFIOUserHdr h = c->hdr;

    close_fds(c);
    c->hdr_got = 0;
    if (h.flags & VFIO_USER_NO_REPLY) {
        return true;
    }
    return send_reply(s, c, &h, err, NULL);
}

/* The header is complete: decide how to read the rest. */
static bool header_done(VucServer *s, VucClient *c)
{
    memcpy(&c->hdr, c->hdr_bytes, HDR_SIZE);
    if (c->hdr.size < HDR_SIZE) {
        /* Nothing to skip: the next message starts right here. */
        return refuse_header(s, c, EINVAL);
    }
    if (c->hdr.size > VFIO_USER_CCW_MAX_MSG_SIZE) {
        c->discard = c->hdr.size - HDR_SIZE;
        return refuse_header(s, c, E2BIG);
    }
    c->msg = g_malloc(c->hdr.size);
    memcpy(c->msg, c->hdr_bytes, HDR_SIZE);
    c->msg_got = HDR_SIZE;
    if (c->msg_got == c->hdr.size) {
        return dispatch(s, c);
    }
    return true;
}

/* Read what is there; returns false when the client must go. */
static bool client_read(VucServer *s, VucClient *c, const char **why)
{
    for (;;) {
        uint8_t skip[DISCARD_CHUNK];
        ssize_t n;

        if (c->discard) {
            n = recv_some(c, skip, MIN(c->discard, sizeof(skip)));
        } else if (c->hdr_got < HDR_SIZE) {
            n = recv_some(c, c->hdr_bytes + c->hdr_got, HDR_SIZE - c->hdr_got);
        } else {
            n = recv_some(c, c->msg + c->msg_got, c->hdr.size - c->msg_got);
        }
        if (n == -EAGAIN || n == -EWOULDBLOCK) {
            return true;
        }
        if (n <= 0) {
            *why = n == 0 ? "end of stream" : g_strerror(-n);
            return false;
        }
        if (c->discard) {
            c->discard -= n;
            close_fds(c);
            continue;
        }
        if (c->hdr_got < HDR_SIZE) {
            c->hdr_got += n;
            if (c->hdr_got == HDR_SIZE && !header_done(s, c)) {
                *why = "cannot send a reply";
                return false;
            }
            continue;
        }
        c->msg_got += n;
        if (c->msg_got == c->hdr.size && !dispatch(s, c)) {
            *why = "cannot send a reply";
            return false;
        }
    }
}

static gboolean client_ready(gint fd, GIOCondition cond, gpointer opaque)
{
    VucServer *s = opaque;
    VucClient *c = s->client;
    const char *why = NULL;

    if (!client_read(s, c, &why)) {
        c->watch = 0;
        client_free(s, why);
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

static void client_new(VucServer *s, int fd, bool inherited)
{
    struct timeval tv = { .tv_sec = SEND_TIMEOUT_SEC };
    VucClient *c = g_new0(VucClient, 1);

    /* Only sends block, and not for long (see SEND_TIMEOUT_SEC). */
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    c->server = s;
    c->fd = fd;
    c->inherited = inherited;
    c->peer_max_xfer = VFIO_USER_DEF_MAX_XFER;
    s->client = c;
    c->watch = g_unix_fd_add(fd, G_IO_IN | G_IO_HUP | G_IO_ERR,
                             client_ready, s);
    log_line("client connected");
}

static gboolean listener_ready(gint fd, GIOCondition cond, gpointer opaque)
{
    VucServer *s = opaque;
    int cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC);

    if (cfd < 0) {
        if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED) {
            log_line("accept on %s: %s", s->path ? s->path : "socket",
                     g_strerror(errno));
        }
        return G_SOURCE_CONTINUE;
    }
    if (s->client) {
        const char *why = NULL;

        /*
         * The client may be gone already with its end-of-stream not yet
         * dispatched: take what it sent first, then decide.
         */
        if (!client_read(s, s->client, &why)) {
            client_free(s, why);
        }
    }
    if (s->client) {
        close(cfd);
        log_line("refused a second client: one client at a time, "
                 "the device is in use");
        return G_SOURCE_CONTINUE;
    }
    client_new(s, cfd, false);
    return G_SOURCE_CONTINUE;
}

/* ------------------------------------------------------------------------
 * Server
 * ------------------------------------------------------------------------ */

VucServer *vuc_server_new(Mdev *mdev, DmaMaps *maps, bool trace)
{
    VucServer *s = g_new0(VucServer, 1);

    s->mdev = mdev;
    s->maps = maps;
    s->trace = trace;
    s->listen_fd = -1;
    return s;
}

void vuc_server_free(VucServer *s)
{
    if (!s) {
        return;
    }
    s->done = NULL;
    client_free(s, "server stopping");
    if (s->work_source) {
        g_source_remove(s->work_source);
    }
    if (s->listen_watch) {
        g_source_remove(s->listen_watch);
    }
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
    }
    if (s->path) {
        unlink(s->path);
        g_free(s->path);
    }
    g_free(s);
}

void vuc_server_set_done(VucServer *s, void (*fn)(void *), void *opaque)
{
    s->done = fn;
    s->done_opaque = opaque;
}

bool vuc_server_has_client(const VucServer *s)
{
    return s->client != NULL;
}

static void start_listening(VucServer *s, int fd)
{
    s->listen_fd = fd;
    s->listen_watch = g_unix_fd_add(fd, G_IO_IN, listener_ready, s);
}

/* Whether something accepts connections at @addr. */
static bool socket_alive(const struct sockaddr_un *addr)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bool alive;

    if (fd < 0) {
        return true;            /* cannot tell: do not touch the file */
    }
    alive = connect(fd, (const struct sockaddr *)addr, sizeof(*addr)) == 0 ||
            errno != ECONNREFUSED;
    close(fd);
    return alive;
}

bool vuc_server_listen(VucServer *s, const char *path, GError **errp)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    struct stat st;
    mode_t old_mask;
    int fd, ret;

    if (strlen(path) >= sizeof(addr.sun_path)) {
        g_set_error(errp, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                    "socket path '%s' is longer than %zu bytes", path,
                    sizeof(addr.sun_path) - 1);
        return false;
    }
    memcpy(addr.sun_path, path, strlen(path) + 1);
    if (lstat(path, &st) == 0) {
        if (!S_ISSOCK(st.st_mode) || socket_alive(&addr)) {
            g_set_error(errp, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                        "socket path '%s' exists%s; remove it or choose "
                        "another", path, S_ISSOCK(st.st_mode) ?
                        " and is in use" : " and is not a socket");
            return false;
        }
        unlink(path);           /* a stale socket of a previous server */
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        g_set_error(errp, G_FILE_ERROR, g_file_error_from_errno(errno),
                    "cannot create a socket for '%s': %s", path,
                    g_strerror(errno));
        return false;
    }
    /* Only our user may connect: the client gets our guest's memory. */
    old_mask = umask(0177);
    ret = bind(fd, (struct sockaddr *)&addr, sizeof(addr));
    umask(old_mask);
    if (ret < 0 || chmod(path, 0600) < 0 || listen(fd, 1) < 0) {
        int err = errno;

        close(fd);
        if (ret == 0) {
            unlink(path);
        }
        g_set_error(errp, G_FILE_ERROR, g_file_error_from_errno(err),
                    "cannot listen on '%s': %s", path, g_strerror(err));
        return false;
    }
    s->path = g_strdup(path);
    start_listening(s, fd);
    return true;
}

bool vuc_server_use_fd(VucServer *s, int fd, GError **errp)
{
    struct stat st;
    int listening = 0;
    socklen_t len = sizeof(listening);

    if (fstat(fd, &st) < 0) {
        g_set_error(errp, G_FILE_ERROR, g_file_error_from_errno(errno),
                    "fd %d: %s", fd, g_strerror(errno));
        return false;
    }
    if (!S_ISSOCK(st.st_mode)) {
        g_set_error(errp, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                    "fd %d is not a socket", fd);
        return false;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) < 0) {
        g_set_error(errp, G_FILE_ERROR, g_file_error_from_errno(errno),
                    "fd %d: %s", fd, g_strerror(errno));
        return false;
    }
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
        g_set_error(errp, G_FILE_ERROR, g_file_error_from_errno(errno),
                    "fd %d: %s", fd, g_strerror(errno));
        return false;
    }
    if (listening) {
        if (!g_unix_set_fd_nonblocking(fd, TRUE, NULL)) {
            g_set_error(errp, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                        "fd %d: cannot make it non-blocking", fd);
            return false;
        }
        start_listening(s, fd);
    } else {
        client_new(s, fd, true);
    }
    return true;
}
