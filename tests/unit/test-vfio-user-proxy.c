/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-user-proxy.c: the machine's side of VERSION negotiation
 * (hw/vfio-user/proxy.c), against a server whose reply is written into a
 * socketpair before the client asks.  What must hold: the client sends
 * version 0.0 with its capabilities; it takes the server's transfer size
 * narrowed to one page (4096) and refuses one below 124 bytes (the
 * largest vfio-ccw region), another major, a newer minor, and a
 * capabilities document that is not one, each with one line naming the
 * socket.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <sys/socket.h>

#include "hw/vfio-user/caps.h"
#include "hw/vfio-user/protocol.h"
#include "hw/vfio-user/proxy.h"

typedef struct Reply {
    uint16_t major;
    uint16_t minor;
    const char *caps;       /* NULL: no document at all */
} Reply;

/* The server's reply to the client's first request (id 0), host order. */
static GByteArray *version_reply(const Reply *r)
{
    GByteArray *msg = g_byte_array_new();
    size_t clen = r->caps ? strlen(r->caps) + 1 : 0;
    VFIOUserVersion v = {
        .hdr = {
            .id = 0,
            .command = VFIO_USER_VERSION,
            .size = (uint32_t)(sizeof(v) + clen),
            .flags = VFIO_USER_REPLY,
        },
        .major = r->major,
        .minor = r->minor,
    };

    g_byte_array_append(msg, (const guint8 *)&v, sizeof(v));
    if (r->caps) {
        g_byte_array_append(msg, (const guint8 *)r->caps, clen);
    }
    return msg;
}

typedef struct Session {
    VFIOUserProxy *proxy;
    GError *err;
    GByteArray *sent;       /* what the client wrote */
} Session;

/* Run the client's negotiation against @r; collect what it sent. */
static void negotiate(const Reply *r, Session *s)
{
    g_autoptr(GByteArray) reply = version_reply(r);
    uint8_t buf[4096];
    ssize_t n;
    int sv[2];

    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv),
                    ==, 0);
    g_assert_cmpint(write(sv[1], reply->data, reply->len), ==,
                    (ssize_t)reply->len);
    /* The proxy owns sv[0] from here, closing it on failure too. */
    s->proxy = vfio_user_proxy_new(sv[0], "test.sock", &s->err);
    s->sent = g_byte_array_new();
    while ((n = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT)) > 0) {
        g_byte_array_append(s->sent, buf, (guint)n);
    }
    close(sv[1]);
}

static void session_end(Session *s)
{
    if (s->proxy) {
        vfio_user_proxy_free(s->proxy);
    }
    g_clear_error(&s->err);
    g_byte_array_unref(s->sent);
}

/* The server's max_data_xfer_size, narrowed to our page. */
static uint32_t negotiated_xfer(const char *caps)
{
    const Reply r = { VFIO_USER_MAJOR, VFIO_USER_MINOR, caps };
    Session s = { 0 };
    uint32_t xfer;

    negotiate(&r, &s);
    g_assert_no_error(s.err);
    g_assert_nonnull(s.proxy);
    xfer = vfio_user_max_xfer(s.proxy);
    session_end(&s);
    return xfer;
}

static void test_request(void)
{
    const Reply r = { VFIO_USER_MAJOR, VFIO_USER_MINOR, NULL };
    Session s = { 0 };
    VFIOUserVersion v;
    VFIOUserCaps caps;
    const char *json;

    negotiate(&r, &s);
    g_assert_no_error(s.err);
    g_assert_cmpuint(s.sent->len, >, sizeof(v));
    memcpy(&v, s.sent->data, sizeof(v));
    g_assert_cmpuint(v.hdr.command, ==, VFIO_USER_VERSION);
    g_assert_cmpuint(v.hdr.flags, ==, VFIO_USER_REQUEST);
    g_assert_cmpuint(v.hdr.size, ==, s.sent->len);
    g_assert_cmpuint(v.major, ==, 0);
    g_assert_cmpuint(v.minor, ==, 0);
    /* The document ends the message with its NUL. */
    json = (const char *)s.sent->data + sizeof(v);
    g_assert_cmpuint(s.sent->data[s.sent->len - 1], ==, 0);
    g_assert_cmpuint(strlen(json), ==, s.sent->len - sizeof(v) - 1);
    g_assert_true(vfio_user_caps_from_json(json, strlen(json), &caps, NULL));
    g_assert_cmpuint(caps.max_msg_fds, ==, 1);
    g_assert_cmpuint(caps.max_data_xfer_size, ==, 4096);
    g_assert_cmpuint(caps.pgsizes, ==, 4096);
    session_end(&s);
}

static void test_xfer_size(void)
{
    /* No document, or no member: the default 1 MiB, narrowed. */
    g_assert_cmpuint(negotiated_xfer(NULL), ==, 4096);
    g_assert_cmpuint(negotiated_xfer(""), ==, 4096);    /* a lone NUL */
    g_assert_cmpuint(negotiated_xfer("{}"), ==, 4096);
    g_assert_cmpuint(negotiated_xfer("{\"capabilities\":{}}"), ==, 4096);
    g_assert_cmpuint(negotiated_xfer(
        "{\"capabilities\":{\"max_data_xfer_size\":1048576}}"), ==, 4096);
    g_assert_cmpuint(negotiated_xfer(
        "{\"capabilities\":{\"max_data_xfer_size\":9223372036854775807}}"),
        ==, 4096);
    g_assert_cmpuint(negotiated_xfer(
        "{\"capabilities\":{\"max_data_xfer_size\":4096}}"), ==, 4096);
    g_assert_cmpuint(negotiated_xfer(
        "{\"capabilities\":{\"max_data_xfer_size\":512}}"), ==, 512);
    /* The smallest that still moves a whole ccw_io_region. */
    g_assert_cmpuint(negotiated_xfer(
        "{\"capabilities\":{\"max_data_xfer_size\":124}}"), ==, 124);
}

typedef struct BadReply {
    const char *path;
    Reply reply;
    const char *message;    /* what the error must say */
} BadReply;

static const BadReply bad_replies[] = {
    { "/vfio-user-proxy/bad/xfer-123",
      { 0, 0, "{\"capabilities\":{\"max_data_xfer_size\":123}}" },
      "bad max_data_xfer_size 123" },
    { "/vfio-user-proxy/bad/xfer-0",
      { 0, 0, "{\"capabilities\":{\"max_data_xfer_size\":0}}" },
      "bad max_data_xfer_size 0" },
    { "/vfio-user-proxy/bad/xfer-negative",
      { 0, 0, "{\"capabilities\":{\"max_data_xfer_size\":-4096}}" },
      "\"max_data_xfer_size\" is not a non-negative integer" },
    { "/vfio-user-proxy/bad/fds-string",
      { 0, 0, "{\"capabilities\":{\"max_msg_fds\":\"1\"}}" },
      "\"max_msg_fds\" is not a non-negative integer" },
    { "/vfio-user-proxy/bad/not-json", { 0, 0, "capabilities" },
      "capabilities are not a JSON object" },
    { "/vfio-user-proxy/bad/caps-array", { 0, 0, "{\"capabilities\":[]}" },
      "\"capabilities\" is not an object" },
    { "/vfio-user-proxy/bad/major-1", { 1, 0, NULL },
      "server speaks vfio-user 1.0, we speak 0.0" },
    { "/vfio-user-proxy/bad/minor-1", { 0, 1, NULL },
      "server speaks vfio-user 0.1, we speak 0.0" },
};

static void test_bad(gconstpointer data)
{
    const BadReply *b = data;
    Session s = { 0 };

    negotiate(&b->reply, &s);
    g_assert_null(s.proxy);
    g_assert_error(s.err, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_true(g_str_has_prefix(s.err->message, "vfio-user: test.sock: "));
    g_assert_nonnull(strstr(s.err->message, b->message));
    g_assert_null(strchr(s.err->message, '\n'));
    session_end(&s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-user-proxy/version/request", test_request);
    g_test_add_func("/vfio-user-proxy/version/xfer-size", test_xfer_size);
    for (size_t i = 0; i < G_N_ELEMENTS(bad_replies); i++) {
        g_test_add_data_func(bad_replies[i].path, &bad_replies[i], test_bad);
    }
    return g_test_run();
}
