/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest's qtest client: one line out, one line back (see
 * qtest-client.h and docs/devel/qtest-s390x.rst).
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>

#include "guest-error.h"
#include "qtest-client.h"

/* The protocol refuses transfers above 16 MiB; stay well below. */
#define QTC_CHUNK (4u * 1024 * 1024)

struct QtestClient {
    char *path;
    GSocketClient *client;
    GSocketConnection *conn;
    GDataInputStream *in;
    GOutputStream *out;
    uint64_t requests;
};

QtestClient *qtc_connect(const char *path, unsigned timeout_s, GError **errp)
{
    g_autoptr(GSocketAddress) addr = g_unix_socket_address_new(path);
    g_autoptr(GError) err = NULL;
    QtestClient *c = g_new0(QtestClient, 1);

    c->path = g_strdup(path);
    c->client = g_socket_client_new();
    g_socket_client_set_timeout(c->client, timeout_s);
    c->conn = g_socket_client_connect(c->client, G_SOCKET_CONNECTABLE(addr),
                                      NULL, &err);
    if (!c->conn) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_PROTOCOL,
                    "%s: %s (is the machine running with -qtest "
                    "unix:%s,server=on?)", path, err->message, path);
        qtc_free(c);
        return NULL;
    }
    c->in = g_data_input_stream_new(
        g_io_stream_get_input_stream(G_IO_STREAM(c->conn)));
    g_data_input_stream_set_newline_type(c->in,
                                         G_DATA_STREAM_NEWLINE_TYPE_LF);
    c->out = g_io_stream_get_output_stream(G_IO_STREAM(c->conn));
    return c;
}

void qtc_free(QtestClient *c)
{
    if (!c) {
        return;
    }
    g_clear_object(&c->in);
    if (c->conn) {
        g_io_stream_close(G_IO_STREAM(c->conn), NULL, NULL);
        g_clear_object(&c->conn);
    }
    g_clear_object(&c->client);
    g_free(c->path);
    g_free(c);
}

/* The request's first word, for messages (b64write lines are huge). */
static char *request_name(const char *line)
{
    const char *sp = strchr(line, ' ');

    return sp ? g_strndup(line, sp - line) : g_strdup(line);
}

static char *qtc_vrequest(QtestClient *c, GError **errp, const char *fmt,
                          va_list ap)
{
    g_autofree char *line = g_strdup_vprintf(fmt, ap);
    g_autofree char *name = request_name(line);
    g_autofree char *reply = NULL;
    g_autoptr(GError) err = NULL;
    gsize len = 0;
    size_t n = strlen(line);

    line[n] = '\n';             /* replaces the NUL: sent as one line */
    c->requests++;
    if (!g_output_stream_write_all(c->out, line, n + 1, NULL, NULL, &err)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_PROTOCOL,
                    "%s: qtest request '%s': %s", c->path, name,
                    err->message);
        return NULL;
    }
    line[n] = '\0';
    reply = g_data_input_stream_read_line(c->in, &len, NULL, &err);
    if (!reply) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_PROTOCOL,
                    "%s: qtest request '%s': %s", c->path, name,
                    err ? err->message : "the machine closed the connection");
        return NULL;
    }
    if (len && reply[len - 1] == '\r') {
        reply[len - 1] = '\0';
    }
    if (g_str_equal(reply, "OK")) {
        return g_strdup("");
    }
    if (g_str_has_prefix(reply, "OK ")) {
        return g_strdup(reply + 3);
    }
    g_set_error(errp, GUEST_ERROR, GUEST_ERROR_PROTOCOL,
                "%s: qtest request '%s' answered '%.200s'", c->path, name,
                reply);
    return NULL;
}

char *qtc_request(QtestClient *c, GError **errp, const char *fmt, ...)
{
    va_list ap;
    char *r;

    va_start(ap, fmt);
    r = qtc_vrequest(c, errp, fmt, ap);
    va_end(ap);
    return r;
}

bool qtc_mem_write(QtestClient *c, uint64_t addr, const void *buf,
                   size_t len, GError **errp)
{
    const uint8_t *p = buf;

    while (len) {
        size_t n = MIN(len, QTC_CHUNK);
        g_autofree char *b64 = g_base64_encode(p, n);
        g_autofree char *r = qtc_request(c, errp, "b64write 0x%" PRIx64
                                         " %zu %s", addr, n, b64);

        if (!r) {
            return false;
        }
        p += n;
        addr += n;
        len -= n;
    }
    return true;
}

bool qtc_mem_read(QtestClient *c, uint64_t addr, void *buf, size_t len,
                  GError **errp)
{
    uint8_t *p = buf;

    while (len) {
        size_t n = MIN(len, QTC_CHUNK);
        g_autofree char *r = qtc_request(c, errp, "b64read 0x%" PRIx64
                                         " %zu", addr, n);
        g_autofree guchar *bytes = NULL;
        gsize got = 0;

        if (!r) {
            return false;
        }
        bytes = g_base64_decode(r, &got);
        if (got != n) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_PROTOCOL,
                        "%s: b64read of %zu bytes at 0x%" PRIx64
                        " returned %zu", c->path, n, addr, (size_t)got);
            return false;
        }
        memcpy(p, bytes, n);
        p += n;
        addr += n;
        len -= n;
    }
    return true;
}

bool qtc_mem_fill(QtestClient *c, uint64_t addr, uint8_t byte, size_t len,
                  GError **errp)
{
    g_autofree char *r = NULL;

    if (!len) {
        return true;
    }
    r = qtc_request(c, errp, "memset 0x%" PRIx64 " %zu 0x%02x", addr, len,
                    byte);
    return r != NULL;
}

/* The instructions whose qtest request carries no second operand. */
static bool insn_has_operand(const char *name)
{
    return !(g_str_equal(name, "csch") || g_str_equal(name, "hsch") ||
             g_str_equal(name, "xsch") || g_str_equal(name, "rsch"));
}

int qtc_ioinst(QtestClient *c, const char *name, uint32_t gr1, uint64_t op,
               GError **errp)
{
    g_autofree char *r = insn_has_operand(name) ?
        qtc_request(c, errp, "ioinst %s 0x%08x 0x%" PRIx64, name, gr1, op) :
        qtc_request(c, errp, "ioinst %s 0x%08x", name, gr1);
    unsigned v;
    char tail;

    if (!r) {
        return -1;
    }
    if (sscanf(r, "cc=%u%c", &v, &tail) == 1 && v <= 3) {
        return (int)v;
    }
    if (sscanf(r, "pgm=0x%x%c", &v, &tail) == 1 && v <= 0xffff) {
        return QTC_PGM((int)v);
    }
    g_set_error(errp, GUEST_ERROR, GUEST_ERROR_PROTOCOL,
                "%s: ioinst %s answered 'OK %s'", c->path, name, r);
    return -1;
}

int qtc_io_wait(QtestClient *c, unsigned ms, uint32_t *sid,
                uint32_t *intparm, GError **errp)
{
    g_autofree char *r = qtc_request(c, errp, "s390x_io_wait %u", ms);
    unsigned s, p, id;

    if (!r) {
        return -1;
    }
    if (g_str_equal(r, "none")) {
        return 0;
    }
    if (sscanf(r, "0x%x 0x%x 0x%x", &s, &p, &id) != 3) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_PROTOCOL,
                    "%s: s390x_io_wait answered 'OK %s'", c->path, r);
        return -1;
    }
    *sid = s;
    *intparm = p;
    return 1;
}

uint64_t qtc_requests(const QtestClient *c)
{
    return c->requests;
}
