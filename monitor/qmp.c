/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The QMP monitor's transport: -qmp stdio and UNIX sockets, one client
 * at a time per monitor, the greeting, and events.
 *
 * Input is cut into JSON texts by json-stream.c and each text answered
 * by qmp_dispatch().  Output is queued and written without blocking the
 * machine; a client that stops reading first stops being read (its
 * requests wait in its socket), and one that lets even its events pile
 * up past QMP_OUT_MAX is disconnected.  A client that leaves never stops
 * the machine: a listening monitor waits for the next one.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <glib-unix.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "qemu/cutils.h"
#include "json-stream.h"
#include "qmp-internal.h"

/* Stop reading requests while this much output waits for the client. */
#define QMP_OUT_HIGH (1024 * 1024)

/* A client that leaves this much output unread is dropped. */
#define QMP_OUT_MAX (16 * 1024 * 1024)

/* At exit, how long queued output (the reply to "quit") may take. */
#define QMP_FLUSH_TIMEOUT_MS 2000

typedef enum QmpMode {
    QMP_MODE_STDIO,
    QMP_MODE_CONNECT,
    QMP_MODE_LISTEN,
} QmpMode;

typedef struct QmpMonitor {
    QmpMode mode;
    char *spec;             /* the -qmp argument, for messages */
    int in_fd;              /* the client's requests (-1: no client) */
    int out_fd;             /* replies and events */
    int listen_fd;          /* listen mode only */
    char *listen_path;
    guint in_watch;
    guint out_watch;
    guint listen_watch;
    GString *inbuf;         /* read but not yet cut into texts */
    GString *outbuf;        /* queued for the client */
    bool in_eof;            /* the client sent everything it will send */
    bool busy;              /* inside json_stream_feed() */
    bool failed;            /* the client is gone; close when not busy */
    JsonStream js;
    QmpSession session;
} QmpMonitor;

static GPtrArray *qmp_monitors;      /* of QmpMonitor * */
static bool qmp_quit_requested;

static void qmp_client_gone(QmpMonitor *mon);
static void qmp_update_watches(QmpMonitor *mon);

/* ---- output ---------------------------------------------------------- */

/* Write what the client takes now.  Returns: false if it is gone. */
static bool qmp_flush(QmpMonitor *mon)
{
    while (mon->outbuf->len) {
        ssize_t n = write(mon->out_fd, mon->outbuf->str, mon->outbuf->len);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return true;
        }
        if (n <= 0) {
            return false;
        }
        g_string_erase(mon->outbuf, 0, n);
    }
    return true;
}

/* The client is gone: close it now, or after the current text. */
static void qmp_client_failed(QmpMonitor *mon)
{
    mon->failed = true;
    if (!mon->busy) {
        qmp_client_gone(mon);
    }
}

static void qmp_send(QmpMonitor *mon, JsonNode *node)
{
    g_autofree char *wire = NULL;

    if (mon->out_fd < 0 || mon->failed) {
        return;
    }
    wire = qmp_to_wire(node);
    g_string_append(mon->outbuf, wire);
    if (mon->outbuf->len > QMP_OUT_MAX) {
        g_printerr("qemu-system-s390x: -qmp %s: the client does not read "
                   "its replies (%d MiB queued); disconnecting it\n",
                   mon->spec, QMP_OUT_MAX >> 20);
        qmp_client_failed(mon);
        return;
    }
    if (!qmp_flush(mon)) {
        qmp_client_failed(mon);
        return;
    }
    if (!mon->busy) {
        qmp_update_watches(mon);
    }
}

void qmp_event_emit(const char *name, JsonObject *data)
{
    g_autoptr(JsonObject) event = json_object_new();
    g_autoptr(JsonNode) node = NULL;
    JsonObject *ts = json_object_new();
    gint64 now = g_get_real_time();

    json_object_set_int_member(ts, "seconds", now / G_USEC_PER_SEC);
    json_object_set_int_member(ts, "microseconds", now % G_USEC_PER_SEC);
    json_object_set_string_member(event, "event", name);
    if (data) {
        json_object_set_object_member(event, "data", data);
    }
    json_object_set_object_member(event, "timestamp", ts);
    node = qmp_object_node(json_object_ref(event));
    for (guint i = 0; qmp_monitors && i < qmp_monitors->len; i++) {
        QmpMonitor *mon = qmp_monitors->pdata[i];

        /* Events are for clients in command mode only (QEMU's rule). */
        if (mon->session.negotiated) {
            qmp_send(mon, node);
        }
    }
}

/* ---- input ------------------------------------------------------------ */

static bool qmp_on_text(void *opaque, const char *text, size_t len,
                        const char *error)
{
    QmpMonitor *mon = opaque;
    g_autoptr(JsonNode) reply = NULL;

    if (error) {
        g_autofree char *desc = g_strdup_printf("JSON parse error, %s",
                                                error);

        reply = qmp_error_reply(QMP_ERROR_CLASS_GENERIC_ERROR, desc, NULL);
    } else {
        reply = qmp_dispatch(&mon->session, text, len);
    }
    qmp_send(mon, reply);
    /* Stop cutting when the client is gone or lags behind its replies. */
    return !mon->failed && mon->outbuf->len <= QMP_OUT_HIGH;
}

/*
 * Serve the requests in inbuf.  At end of input everything left is
 * served whatever the output backlog: no more will come.
 */
static void qmp_process_input(QmpMonitor *mon)
{
    while (mon->inbuf->len && !mon->failed &&
           (mon->in_eof || mon->outbuf->len <= QMP_OUT_HIGH)) {
        size_t used;

        mon->busy = true;
        used = json_stream_feed(&mon->js, mon->inbuf->str, mon->inbuf->len);
        mon->busy = false;
        g_string_erase(mon->inbuf, 0, (gssize)used);
    }
    if (mon->failed) {
        qmp_client_gone(mon);
        return;
    }
    if (mon->in_eof && !mon->inbuf->len && !mon->outbuf->len &&
        mon->mode != QMP_MODE_STDIO) {
        /* Everything answered and delivered: the socket can go. */
        qmp_client_gone(mon);
        return;
    }
    qmp_update_watches(mon);
}

static gboolean qmp_readable(gint fd, GIOCondition cond, gpointer opaque)
{
    QmpMonitor *mon = opaque;
    char buf[65536];
    ssize_t n = read(fd, buf, sizeof(buf));

    if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
        return G_SOURCE_CONTINUE;
    }
    mon->in_watch = 0;
    if (n <= 0) {
        mon->in_eof = true;
    } else {
        g_string_append_len(mon->inbuf, buf, n);
    }
    qmp_process_input(mon);
    return G_SOURCE_REMOVE;     /* qmp_update_watches() added a new one */
}

static gboolean qmp_writable(gint fd, GIOCondition cond, gpointer opaque)
{
    QmpMonitor *mon = opaque;

    mon->out_watch = 0;
    if (!qmp_flush(mon)) {
        qmp_client_gone(mon);
        return G_SOURCE_REMOVE;
    }
    /* Requests held back while the client lagged may go on now. */
    qmp_process_input(mon);
    return G_SOURCE_REMOVE;
}

/*
 * Watch for input while the client keeps up and has more to say, and for
 * writability while output is queued.
 */
static void qmp_update_watches(QmpMonitor *mon)
{
    bool want_in = mon->in_fd >= 0 && !mon->in_eof && !mon->failed &&
                   mon->outbuf->len <= QMP_OUT_HIGH;
    bool want_out = mon->out_fd >= 0 && !mon->failed && mon->outbuf->len &&
                    mon->mode != QMP_MODE_STDIO;

    if (want_in && !mon->in_watch) {
        mon->in_watch = g_unix_fd_add(mon->in_fd, G_IO_IN | G_IO_HUP |
                                      G_IO_ERR, qmp_readable, mon);
    } else if (!want_in && mon->in_watch) {
        g_source_remove(mon->in_watch);
        mon->in_watch = 0;
    }
    if (want_out && !mon->out_watch) {
        mon->out_watch = g_unix_fd_add(mon->out_fd, G_IO_OUT | G_IO_HUP |
                                       G_IO_ERR, qmp_writable, mon);
    } else if (!want_out && mon->out_watch) {
        g_source_remove(mon->out_watch);
        mon->out_watch = 0;
    }
}

/* ---- clients ------------------------------------------------------------ */

static gboolean qmp_accept(gint fd, GIOCondition cond, gpointer opaque);

static void qmp_start_client(QmpMonitor *mon, int in_fd, int out_fd)
{
    g_autoptr(JsonNode) greeting = qmp_greeting();

    mon->in_fd = in_fd;
    mon->out_fd = out_fd;
    mon->in_eof = false;
    mon->failed = false;
    mon->session.negotiated = false;
    g_string_truncate(mon->inbuf, 0);
    g_string_truncate(mon->outbuf, 0);
    json_stream_reset(&mon->js);
    if (mon->mode != QMP_MODE_STDIO) {
        /* Sockets never block the machine; stdio may be a shared tty. */
        g_unix_set_fd_nonblocking(in_fd, TRUE, NULL);
    }
    qmp_send(mon, greeting);
    if (!mon->failed) {
        qmp_update_watches(mon);
    }
}

/*
 * The client left (end of input with everything delivered, or an I/O
 * error).  Stdio stays quiet from now on; a listening monitor waits for
 * the next client; a connected one has nobody to talk to any more.
 */
static void qmp_client_gone(QmpMonitor *mon)
{
    if (mon->in_watch) {
        g_source_remove(mon->in_watch);
        mon->in_watch = 0;
    }
    if (mon->out_watch) {
        g_source_remove(mon->out_watch);
        mon->out_watch = 0;
    }
    if (mon->mode != QMP_MODE_STDIO && mon->in_fd >= 0) {
        close(mon->in_fd);
    }
    mon->in_fd = mon->out_fd = -1;
    mon->session.negotiated = false;
    mon->failed = false;
    g_string_truncate(mon->inbuf, 0);
    g_string_truncate(mon->outbuf, 0);
    json_stream_reset(&mon->js);
    if (mon->mode == QMP_MODE_LISTEN && !mon->listen_watch) {
        mon->listen_watch = g_unix_fd_add(mon->listen_fd, G_IO_IN,
                                          qmp_accept, mon);
    }
}

static gboolean qmp_accept(gint fd, GIOCondition cond, gpointer opaque)
{
    QmpMonitor *mon = opaque;
    int cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC);

    if (cfd < 0) {
        return G_SOURCE_CONTINUE;
    }
    /* One client at a time: later ones wait in the backlog. */
    mon->listen_watch = 0;
    qmp_start_client(mon, cfd, cfd);
    return G_SOURCE_REMOVE;
}

/* ---- start-up ------------------------------------------------------------ */

typedef struct QmpUnixSpec {
    char *path;
    bool server;
    bool wait;
} QmpUnixSpec;

/* "unix:PATH[,server=on|off][,wait=on|off]"; QEMU's defaults. */
static bool qmp_parse_unix_spec(const char *spec, QmpUnixSpec *out,
                                GError **errp)
{
    g_auto(GStrv) parts = g_strsplit(spec + strlen("unix:"), ",", -1);
    bool wait_given = false;

    out->path = g_strdup(parts[0]);
    out->server = false;
    out->wait = true;
    for (int i = 1; parts[i]; i++) {
        bool b;

        if (g_str_has_prefix(parts[i], "server=") &&
            qemu_parse_bool(parts[i] + 7, &b) == 0) {
            out->server = b;
        } else if (g_str_equal(parts[i], "server")) {
            out->server = true;
        } else if (g_str_has_prefix(parts[i], "wait=") &&
                   qemu_parse_bool(parts[i] + 5, &b) == 0) {
            out->wait = b;
            wait_given = true;
        } else if (g_str_equal(parts[i], "nowait")) {
            out->wait = false;
            wait_given = true;
        } else {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "-qmp %s: unknown or bad parameter '%s' (expected "
                        "server=on|off, wait=on|off)", spec, parts[i]);
            g_clear_pointer(&out->path, g_free);
            return false;
        }
    }
    if (wait_given && !out->server) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "-qmp %s: 'wait' only applies to server=on", spec);
        g_clear_pointer(&out->path, g_free);
        return false;
    }
    return true;
}

static bool qmp_unix_address(const char *spec, const char *path,
                             struct sockaddr_un *sa, GError **errp)
{
    memset(sa, 0, sizeof(*sa));
    sa->sun_family = AF_UNIX;
    if (!*path || strlen(path) >= sizeof(sa->sun_path)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "-qmp %s: socket path '%s' is empty or longer than %zu "
                    "bytes", spec, path, sizeof(sa->sun_path) - 1);
        return false;
    }
    memcpy(sa->sun_path, path, strlen(path));
    return true;
}

static bool qmp_open_unix(QmpMonitor *mon, const QmpUnixSpec *us,
                          GError **errp)
{
    struct sockaddr_un sa;
    struct stat st;
    int fd;

    if (!qmp_unix_address(mon->spec, us->path, &sa, errp)) {
        return false;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                    "-qmp %s: socket: %s", mon->spec, g_strerror(errno));
        return false;
    }
    if (!us->server) {
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
            g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                        "-qmp %s: cannot connect to '%s': %s", mon->spec,
                        us->path, g_strerror(errno));
            close(fd);
            return false;
        }
        mon->mode = QMP_MODE_CONNECT;
        qmp_start_client(mon, fd, fd);
        return true;
    }
    /* A stale socket from an earlier run is replaced; other files are not. */
    if (lstat(us->path, &st) == 0 && S_ISSOCK(st.st_mode)) {
        unlink(us->path);
    }
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
        listen(fd, 4) < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                    "-qmp %s: cannot listen on '%s': %s", mon->spec,
                    us->path, g_strerror(errno));
        close(fd);
        return false;
    }
    mon->mode = QMP_MODE_LISTEN;
    mon->listen_fd = fd;
    mon->listen_path = g_strdup(us->path);
    if (us->wait) {
        /* wait=on: QEMU does not start the machine before the client. */
        int cfd;

        g_printerr("qemu-system-s390x: -qmp %s: waiting for a connection "
                   "on %s\n", mon->spec, us->path);
        do {
            cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC);
        } while (cfd < 0 && errno == EINTR);
        if (cfd < 0) {
            g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                        "-qmp %s: accept: %s", mon->spec, g_strerror(errno));
            return false;
        }
        qmp_start_client(mon, cfd, cfd);
        return true;
    }
    mon->listen_watch = g_unix_fd_add(fd, G_IO_IN, qmp_accept, mon);
    return true;
}

static void qmp_monitor_free(QmpMonitor *mon)
{
    if (mon->in_watch) {
        g_source_remove(mon->in_watch);
    }
    if (mon->out_watch) {
        g_source_remove(mon->out_watch);
    }
    if (mon->listen_watch) {
        g_source_remove(mon->listen_watch);
    }
    if (mon->mode != QMP_MODE_STDIO && mon->in_fd >= 0) {
        close(mon->in_fd);
    }
    if (mon->listen_fd >= 0) {
        close(mon->listen_fd);
        unlink(mon->listen_path);
    }
    json_stream_destroy(&mon->js);
    g_string_free(mon->inbuf, TRUE);
    g_string_free(mon->outbuf, TRUE);
    g_free(mon->listen_path);
    g_free(mon->spec);
    g_free(mon);
}

bool qmp_monitor_init(const char *spec, GError **errp)
{
    QmpMonitor *mon = g_new0(QmpMonitor, 1);
    bool ok;

    mon->spec = g_strdup(spec);
    mon->in_fd = mon->out_fd = mon->listen_fd = -1;
    mon->inbuf = g_string_new(NULL);
    mon->outbuf = g_string_new(NULL);
    json_stream_init(&mon->js, qmp_on_text, mon);
    if (!qmp_monitors) {
        qmp_monitors = g_ptr_array_new();
    }
    /* Listed first: the greeting of wait=on goes out through the list. */
    g_ptr_array_add(qmp_monitors, mon);

    if (g_str_equal(spec, "stdio")) {
        mon->mode = QMP_MODE_STDIO;
        qmp_start_client(mon, STDIN_FILENO, STDOUT_FILENO);
        ok = true;
    } else if (g_str_has_prefix(spec, "unix:")) {
        QmpUnixSpec us = { 0 };

        ok = qmp_parse_unix_spec(spec, &us, errp) &&
             qmp_open_unix(mon, &us, errp);
        g_free(us.path);
    } else {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "-qmp %s: expected stdio or unix:PATH[,server=on]"
                    "[,wait=off]", spec);
        ok = false;
    }
    if (!ok) {
        g_ptr_array_remove(qmp_monitors, mon);
        qmp_monitor_free(mon);
    }
    return ok;
}

/* Give the clients what is queued for them, within a bounded time. */
static void qmp_flush_all(void)
{
    gint64 deadline = g_get_monotonic_time() +
                      QMP_FLUSH_TIMEOUT_MS * (gint64)1000;

    for (guint i = 0; i < qmp_monitors->len; i++) {
        QmpMonitor *mon = qmp_monitors->pdata[i];

        while (mon->out_fd >= 0 && mon->outbuf->len && qmp_flush(mon)) {
            struct pollfd pfd = { .fd = mon->out_fd, .events = POLLOUT };
            gint64 left = (deadline - g_get_monotonic_time()) / 1000;

            if (!mon->outbuf->len || left <= 0 ||
                poll(&pfd, 1, (int)left) <= 0) {
                break;
            }
        }
    }
}

void qmp_note_quit(void)
{
    qmp_quit_requested = true;
}

void qmp_monitor_cleanup(void)
{
    if (!qmp_monitors) {
        return;
    }
    if (qmp_quit_requested) {
        JsonObject *data = json_object_new();

        json_object_set_boolean_member(data, "guest", false);
        json_object_set_string_member(data, "reason", "host-qmp-quit");
        qmp_event_emit("SHUTDOWN", data);
    }
    qmp_flush_all();
    for (guint i = 0; i < qmp_monitors->len; i++) {
        qmp_monitor_free(qmp_monitors->pdata[i]);
    }
    g_ptr_array_free(qmp_monitors, TRUE);
    qmp_monitors = NULL;
}
