/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The test side of the QMP monitor: connect, send, match replies by id,
 * queue events.  The machine writes one JSON object per line.
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "libqmp.h"

#define QMP_CONNECT_TIMEOUT_MS 30000

struct QmpClient {
    int fd;
    GString *rx;
    GQueue events;          /* JsonObject *, oldest first */
    JsonObject *greeting;
    unsigned next_id;
};

QmpClient *qmp_client_try_connect(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QmpClient *c;

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpuint(strlen(path), <, sizeof(sa.sun_path));
    memcpy(sa.sun_path, path, strlen(path));
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        close(fd);
        return NULL;
    }
    c = g_new0(QmpClient, 1);
    c->fd = fd;
    c->rx = g_string_new(NULL);
    g_queue_init(&c->events);
    return c;
}

QmpClient *qmp_client_connect(const char *path)
{
    QmpClient *c = NULL;

    for (int waited = 0; !c; waited += 20) {
        c = qmp_client_try_connect(path);
        if (!c && waited >= QMP_CONNECT_TIMEOUT_MS) {
            g_error("cannot connect to the QMP socket %s", path);
        }
        if (!c) {
            g_usleep(20 * 1000);
        }
    }
    c->greeting = qmp_receive(c, QMP_TIMEOUT_MS);
    if (!c->greeting || !json_object_has_member(c->greeting, "QMP")) {
        g_error("no QMP greeting from %s", path);
    }
    return c;
}

void qmp_client_close(QmpClient *c)
{
    JsonObject *ev;

    if (!c) {
        return;
    }
    close(c->fd);
    while ((ev = g_queue_pop_head(&c->events))) {
        json_object_unref(ev);
    }
    if (c->greeting) {
        json_object_unref(c->greeting);
    }
    g_string_free(c->rx, TRUE);
    g_free(c);
}

JsonObject *qmp_client_greeting(QmpClient *c)
{
    return json_object_get_object_member(c->greeting, "QMP");
}

void qmp_send_raw(QmpClient *c, const char *text, size_t len)
{
    while (len) {
        ssize_t n = send(c->fd, text, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            g_error("QMP send failed: %s", g_strerror(errno));
        }
        text += n;
        len -= (size_t)n;
    }
}

size_t qmp_send_some(QmpClient *c, const char *text, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = send(c->fd, text + done, len - done,
                         MSG_NOSIGNAL | MSG_DONTWAIT);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        done += (size_t)n;
    }
    return done;
}

/*
 * Read more bytes within @timeout_ms.  Returns: 1 data, 0 timeout,
 * -1 end of file.
 */
static int fill(QmpClient *c, int timeout_ms)
{
    struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
    char buf[65536];
    ssize_t n;
    int r;

    do {
        r = poll(&pfd, 1, timeout_ms);
    } while (r < 0 && errno == EINTR);
    if (r == 0) {
        return 0;
    }
    n = recv(c->fd, buf, sizeof(buf), 0);
    if (n <= 0) {
        return -1;
    }
    g_string_append_len(c->rx, buf, n);
    return 1;
}

/* Take one line from rx if there is one. */
static char *take_line(QmpClient *c)
{
    char *nl = memchr(c->rx->str, '\n', c->rx->len);
    size_t len;
    char *line;

    if (!nl) {
        return NULL;
    }
    len = (size_t)(nl - c->rx->str);
    line = g_strndup(c->rx->str, len);
    g_string_erase(c->rx, 0, (gssize)len + 1);
    return line;
}

JsonObject *qmp_receive(QmpClient *c, int timeout_ms)
{
    gint64 deadline = g_get_monotonic_time() + timeout_ms * (gint64)1000;
    g_autofree char *line = NULL;
    g_autoptr(JsonParser) parser = json_parser_new();
    g_autoptr(GError) err = NULL;
    JsonNode *root;

    while (!(line = take_line(c))) {
        gint64 left = (deadline - g_get_monotonic_time()) / 1000;
        int r = left > 0 ? fill(c, (int)left) : 0;

        if (r == 0) {
            return NULL;
        }
        if (r < 0) {
            g_error("the machine closed the QMP connection");
        }
    }
    /* QEMU ends every message with CR LF. */
    g_assert_true(g_str_has_suffix(line, "\r"));
    if (!json_parser_load_from_data(parser, line, -1, &err)) {
        g_error("the machine sent bad JSON '%s': %s", line, err->message);
    }
    root = json_parser_get_root(parser);
    if (!root || !JSON_NODE_HOLDS_OBJECT(root)) {
        g_error("the machine sent a non-object '%s'", line);
    }
    return json_object_ref(json_node_get_object(root));
}

bool qmp_receive_eof(QmpClient *c, int timeout_ms)
{
    return c->rx->len == 0 && fill(c, timeout_ms) < 0;
}

/* Wait for the reply with id @id, queueing events and dropping others. */
static JsonObject *wait_reply(QmpClient *c, const char *id)
{
    for (;;) {
        JsonObject *msg = qmp_receive(c, QMP_TIMEOUT_MS);

        if (!msg) {
            g_error("no QMP reply with id '%s' within %d ms", id,
                    QMP_TIMEOUT_MS);
        }
        if (json_object_has_member(msg, "event")) {
            g_queue_push_tail(&c->events, msg);
            continue;
        }
        if (json_object_has_member(msg, "id") &&
            JSON_NODE_HOLDS_VALUE(json_object_get_member(msg, "id")) &&
            json_node_get_value_type(json_object_get_member(msg, "id")) ==
                G_TYPE_STRING &&
            g_str_equal(json_object_get_string_member(msg, "id"), id)) {
            return msg;
        }
        /* A reply to earlier garbage (no id): not what we wait for. */
        json_object_unref(msg);
    }
}

JsonObject *qmp_execute(QmpClient *c, const char *cmd, const char *args_json)
{
    g_autofree char *id = g_strdup_printf("libqmp-%u", c->next_id++);
    g_autofree char *req = NULL;

    req = args_json ?
        g_strdup_printf("{\"execute\": \"%s\", \"arguments\": %s, "
                        "\"id\": \"%s\"}\n", cmd, args_json, id) :
        g_strdup_printf("{\"execute\": \"%s\", \"id\": \"%s\"}\n", cmd, id);
    qmp_send_raw(c, req, strlen(req));
    return wait_reply(c, id);
}

JsonNode *qmp_execute_ok(QmpClient *c, const char *cmd, const char *args_json)
{
    g_autoptr(JsonObject) reply = qmp_execute(c, cmd, args_json);

    if (!json_object_has_member(reply, "return")) {
        g_autoptr(JsonNode) n = json_node_new(JSON_NODE_OBJECT);
        g_autofree char *text = NULL;

        json_node_set_object(n, reply);
        text = json_to_string(n, FALSE);
        g_error("%s %s failed: %s", cmd, args_json ? args_json : "", text);
    }
    return json_node_copy(json_object_get_member(reply, "return"));
}

void qmp_client_negotiate(QmpClient *c)
{
    g_autoptr(JsonNode) ret = qmp_execute_ok(c, "qmp_capabilities", NULL);

    g_assert_cmpuint(json_object_get_size(qmp_node_get_object(ret)), ==, 0);
}

void qmp_assert_error(JsonObject *reply, const char *cls,
                      const char *desc_part)
{
    JsonObject *err;
    const char *desc;

    g_assert_false(json_object_has_member(reply, "return"));
    g_assert_true(json_object_has_member(reply, "error"));
    err = json_object_get_object_member(reply, "error");
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==, cls);
    desc = json_object_get_string_member(err, "desc");
    if (!strstr(desc, desc_part)) {
        g_error("error desc '%s' lacks '%s'", desc, desc_part);
    }
}

JsonObject *qmp_event_wait(QmpClient *c, const char *name, int timeout_ms)
{
    gint64 deadline = g_get_monotonic_time() + timeout_ms * (gint64)1000;

    for (GList *l = c->events.head; l; l = l->next) {
        JsonObject *ev = l->data;

        if (g_str_equal(json_object_get_string_member(ev, "event"), name)) {
            g_queue_delete_link(&c->events, l);
            return ev;
        }
    }
    for (;;) {
        gint64 left = (deadline - g_get_monotonic_time()) / 1000;
        JsonObject *msg = qmp_receive(c, (int)MAX(left, 0));

        if (!msg) {
            return NULL;
        }
        if (json_object_has_member(msg, "event") &&
            g_str_equal(json_object_get_string_member(msg, "event"), name)) {
            return msg;
        }
        if (json_object_has_member(msg, "event")) {
            g_queue_push_tail(&c->events, msg);
        } else {
            json_object_unref(msg);
        }
    }
}

QmpMachine *qmp_machine_start(const char *extra_args)
{
    QmpMachine *m = g_new0(QmpMachine, 1);
    g_autoptr(GError) err = NULL;

    m->dir = g_dir_make_tmp("qmp-XXXXXX", &err);
    g_assert_no_error(err);
    m->qmp_path = g_build_filename(m->dir, "qmp.sock", NULL);
    /* The monitor listens before the qtest session connects. */
    m->qts = qtest_initf("%s -qmp unix:%s,server=on,wait=off", extra_args,
                         m->qmp_path);
    m->qmp = qmp_client_connect(m->qmp_path);
    qmp_client_negotiate(m->qmp);
    return m;
}

void qmp_machine_stop(QmpMachine *m)
{
    qmp_client_close(m->qmp);
    qtest_quit(m->qts);
    /* The machine removed its socket at exit. */
    g_assert_false(g_file_test(m->qmp_path, G_FILE_TEST_EXISTS));
    rmdir(m->dir);
    g_free(m->qmp_path);
    g_free(m->dir);
    g_free(m);
}

JsonObject *qmp_node_get_object(JsonNode *node)
{
    g_assert_nonnull(node);
    g_assert_true(JSON_NODE_HOLDS_OBJECT(node));
    return json_node_get_object(node);
}

JsonArray *qmp_node_get_array(JsonNode *node)
{
    g_assert_nonnull(node);
    g_assert_true(JSON_NODE_HOLDS_ARRAY(node));
    return json_node_get_array(node);
}
