/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The QMP monitor's protocol: greeting, capabilities negotiation,
 * request checking with QEMU's error classes and messages, the
 * machine-wide commands, and robustness against garbage and clients
 * that come and go.  Expected messages are QEMU's (docs/interop/
 * qmp-spec.rst there, docs/system/s390x/qmp.rst here).
 */
#include "qemu/osdep.h"
#include <signal.h>
#include <sys/wait.h>

#include "libcss.h"
#include "libqmp.h"

#define ARGS "-M s390-ccw-virtio -m 64M -nodefaults " \
             "-device ccw-testdev,id=t0,devno=fe.0.0001"
#define SID0 CSS_SID(0, 0)
#define SCHIB 0x6000

static void send_str(QmpClient *c, const char *text)
{
    qmp_send_raw(c, text, strlen(text));
}

/* Send @text as it is and return the next reply (events are skipped). */
static JsonObject *raw_reply(QmpClient *c, const char *text)
{
    send_str(c, text);
    for (;;) {
        JsonObject *msg = qmp_receive(c, QMP_TIMEOUT_MS);

        g_assert_nonnull(msg);
        if (!json_object_has_member(msg, "event")) {
            return msg;
        }
        json_object_unref(msg);
    }
}

/* A machine with a listening monitor and a client that has not negotiated. */
typedef struct Fixture {
    QTestState *qts;
    QmpClient *qmp;
    char *dir;
    char *path;
} Fixture;

static void fixture_setup(Fixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;

    f->dir = g_dir_make_tmp("qmp-XXXXXX", &err);
    g_assert_no_error(err);
    f->path = g_build_filename(f->dir, "qmp.sock", NULL);
    f->qts = qtest_initf("%s -qmp unix:%s,server=on,wait=off", ARGS, f->path);
    f->qmp = qmp_client_connect(f->path);
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    qmp_client_close(f->qmp);
    qtest_quit(f->qts);
    rmdir(f->dir);
    g_free(f->path);
    g_free(f->dir);
}

/* "QEMU emulator version A.B.C (...)" from -version. */
static void version_from_cmdline(gint64 v[3])
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint(qtest_run_binary("-version", NULL, &out, &err), ==, 0);
    g_assert_cmpint(sscanf(out, "QEMU emulator version %" G_GINT64_FORMAT
                           ".%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT,
                           &v[0], &v[1], &v[2]), ==, 3);
}

static void assert_version(JsonObject *version)
{
    JsonObject *qemu = json_object_get_object_member(version, "qemu");
    gint64 v[3];

    version_from_cmdline(v);
    g_assert_cmpint(json_object_get_int_member(qemu, "major"), ==, v[0]);
    g_assert_cmpint(json_object_get_int_member(qemu, "minor"), ==, v[1]);
    g_assert_cmpint(json_object_get_int_member(qemu, "micro"), ==, v[2]);
    g_assert_true(JSON_NODE_HOLDS_VALUE(
        json_object_get_member(version, "package")));
}

/* ---- greeting and negotiation ------------------------------------------- */

static void test_greeting_version_and_no_capabilities(Fixture *f,
                                                      gconstpointer data)
{
    JsonObject *qmp = qmp_client_greeting(f->qmp);

    assert_version(json_object_get_object_member(qmp, "version"));
    g_assert_cmpuint(json_array_get_length(
        json_object_get_array_member(qmp, "capabilities")), ==, 0);
}

static void test_negotiation_commands_refused_before(Fixture *f,
                                                     gconstpointer data)
{
    g_autoptr(JsonObject) r1 = qmp_execute(f->qmp, "query-status", NULL);
    g_autoptr(JsonObject) r2 = qmp_execute(f->qmp, "no-such-command", NULL);
    g_autoptr(JsonNode) ret = NULL;

    qmp_assert_error(r1, "CommandNotFound",
                     "Expecting capabilities negotiation with "
                     "'qmp_capabilities'");
    qmp_assert_error(r2, "CommandNotFound",
                     "Expecting capabilities negotiation");
    qmp_client_negotiate(f->qmp);
    ret = qmp_execute_ok(f->qmp, "query-status", NULL);
}

static void test_negotiation_second_time_refused(Fixture *f,
                                                 gconstpointer data)
{
    g_autoptr(JsonObject) r = NULL;

    qmp_client_negotiate(f->qmp);
    r = qmp_execute(f->qmp, "qmp_capabilities", NULL);
    qmp_assert_error(r, "CommandNotFound",
                     "Capabilities negotiation is already complete, "
                     "command ignored");
}

/* No capability is offered: asking for one leaves negotiation open. */
static void test_negotiation_unknown_capability_refused(Fixture *f,
                                                        gconstpointer data)
{
    g_autoptr(JsonObject) r1 = qmp_execute(f->qmp, "qmp_capabilities",
                                           "{\"enable\": [\"oob\"]}");
    g_autoptr(JsonObject) r2 = qmp_execute(f->qmp, "qmp_capabilities",
                                           "{\"enable\": \"oob\"}");
    g_autoptr(JsonObject) r3 = qmp_execute(f->qmp, "query-status", NULL);
    g_autoptr(JsonNode) ok = NULL;

    qmp_assert_error(r1, "GenericError", "Capability 'oob' not available");
    qmp_assert_error(r2, "GenericError",
                     "Invalid parameter type for 'enable', expected: "
                     "array of strings");
    qmp_assert_error(r3, "CommandNotFound", "Expecting capabilities");
    ok = qmp_execute_ok(f->qmp, "qmp_capabilities", "{\"enable\": []}");
}

/* ---- requests ------------------------------------------------------------ */

static void assert_id_echoed(QmpClient *c, const char *cmd,
                             const char *id_json)
{
    g_autofree char *req = g_strdup_printf("{\"execute\": \"%s\", "
                                           "\"id\": %s}\n", cmd, id_json);
    g_autoptr(JsonObject) reply = raw_reply(c, req);
    g_autoptr(JsonParser) p = json_parser_new();

    g_assert_true(json_parser_load_from_data(p, id_json, -1, NULL));
    g_assert_true(json_object_has_member(reply, "id"));
    g_assert_true(json_node_equal(json_parser_get_root(p),
                                  json_object_get_member(reply, "id")));
}

/* Any JSON value as id comes back unchanged, with returns and errors. */
static void test_request_id_echoed(Fixture *f, gconstpointer data)
{
    qmp_client_negotiate(f->qmp);
    assert_id_echoed(f->qmp, "query-status", "42");
    assert_id_echoed(f->qmp, "query-status", "\"abc\"");
    assert_id_echoed(f->qmp, "query-status", "{\"a\": [1, null, true]}");
    assert_id_echoed(f->qmp, "no-such-command", "-7");
}

typedef struct BadRequest {
    const char *text;
    const char *cls;
    const char *desc;
} BadRequest;

static const BadRequest bad_requests[] = {
    { "[1, 2]", "GenericError", "QMP input must be a JSON object" },
    { "42", "GenericError", "QMP input must be a JSON object" },
    { "\"execute\"", "GenericError", "QMP input must be a JSON object" },
    { "{\"arguments\": {}}", "GenericError",
      "QMP input lacks member 'execute'" },
    { "{\"execute\": 1}", "GenericError",
      "QMP input member 'execute' must be a string" },
    { "{\"execute\": \"query-status\", \"arguments\": []}", "GenericError",
      "QMP input member 'arguments' must be an object" },
    { "{\"execute\": \"query-status\", \"foo\": 1}", "GenericError",
      "QMP input member 'foo' is unexpected" },
    { "{\"execute\": \"no-such-command\"}", "CommandNotFound",
      "The command no-such-command has not been found" },
    { "{\"execute\": \"query-status\", \"arguments\": {\"x\": 1}}",
      "GenericError", "Parameter 'x' is unexpected" },
    { "{\"execute\": \"device_del\"}", "GenericError",
      "Parameter 'id' is missing" },
    { "{\"execute\": \"device_del\", \"arguments\": {\"id\": 5}}",
      "GenericError", "Invalid parameter type for 'id', expected: string" },
    { "{\"execute\": \"device_add\", \"arguments\": {\"driver\": true}}",
      "GenericError", "Invalid parameter type for 'driver', expected: "
      "string" },
    { "{\"execute\": \"device_add\", \"arguments\": {\"driver\": "
      "\"ccw-testdev\", \"mode\": [1]}}", "GenericError",
      "Invalid parameter type for 'mode', expected: string, integer or "
      "boolean" },
    { "{\"execute\": \"device_add\", \"arguments\": {\"driver\": "
      "\"ccw-testdev\", \"residual\": 1.5}}", "GenericError",
      "Invalid parameter type for 'residual'" },
    { "{\"execute\": \"device_add\", \"arguments\": {}}", "GenericError",
      "Parameter 'driver' is missing" },
    /* What the client wrote is quoted on one line, escaped as in JSON. */
    { "{\"execute\": \"no\\nsuch\\u001b\\t\"}", "CommandNotFound",
      "The command no\\nsuch\\u001b\\t has not been found" },
    { "{\"execute\": \"back\\\\slash\\u2028\"}", "CommandNotFound",
      "The command back\\\\slash\\u2028 has not been found" },
    { "{\"execute\": \"a\\nb\": 1}", "GenericError",
      "invalid string constant \"a\\nb\"" },
};

static void assert_desc_one_line(JsonObject *reply)
{
    JsonObject *err = json_object_get_object_member(reply, "error");
    const char *desc = json_object_get_string_member(err, "desc");

    g_assert_null(strpbrk(desc, "\r\n"));
}

static void test_request_errors(Fixture *f, gconstpointer data)
{
    g_autoptr(JsonNode) ok = NULL;

    qmp_client_negotiate(f->qmp);
    for (size_t i = 0; i < G_N_ELEMENTS(bad_requests); i++) {
        g_autofree char *text = g_strconcat(bad_requests[i].text, "\n",
                                            NULL);
        g_autoptr(JsonObject) reply = raw_reply(f->qmp, text);

        g_test_message("request %s", bad_requests[i].text);
        qmp_assert_error(reply, bad_requests[i].cls, bad_requests[i].desc);
        assert_desc_one_line(reply);
    }
    /* Refused requests change nothing: the device is still there. */
    ok = qmp_execute_ok(f->qmp, "query-ccw-subchannels", NULL);
    g_assert_cmpuint(json_array_get_length(qmp_node_get_array(ok)), ==, 1);
}

/*
 * What json-glib would read other than JSON is refused as a parse error,
 * with no id (there is no request to answer); the same forms written as
 * JSON asks them are answered, and the id comes back unchanged.
 */
static const struct {
    const char *id;         /* the id as the request writes it */
    const char *why;        /* NULL: answered, id echoed */
} strict_ids[] = {
    { "\"\\u0000x\"", "U+0000 in a string is not supported" },
    { "\"\\0\"", "invalid escape in a string" },
    { "\"\\q\"", "invalid escape in a string" },
    { "/* c */ 1", "comments are not JSON" },
    { "0x10", "invalid number" },
    { "010", "invalid number" },
    { "18446744073709551615", "integer out of range" },
    { "[1e400]", "number too large for a double" },
    { "\"\\\\u0000\"", NULL },         /* a backslash, then "u0000" */
    { "'\\u0000'", NULL },               /* single quotes: no escapes */
    { "9223372036854775807", NULL },
    { "-9223372036854775808", NULL },
    { "[0.5, -0, 1e-3, \"\\u00e9\\/\"]", NULL },
    /* Doubles json-glib 1.6 would write back as "1e+40.0". */
    { "[1e40, 1e-7, 1.0, 1E22]", NULL },
    { "\"\\ud83d\\ude00\"", NULL },
    { "\"\\ud800x\"", "unpaired UTF-16 surrogate in a string" },
};

static void test_request_json_strict(Fixture *f, gconstpointer data)
{
    qmp_client_negotiate(f->qmp);
    for (size_t i = 0; i < G_N_ELEMENTS(strict_ids); i++) {
        g_autofree char *text = g_strdup_printf(
            "{\"execute\": \"query-status\", \"id\": %s}\n",
            strict_ids[i].id);
        g_autoptr(JsonParser) p = json_parser_new();
        g_autoptr(JsonObject) reply = NULL;
        g_autofree char *want_desc = NULL;

        g_test_message("id %s", strict_ids[i].id);
        reply = raw_reply(f->qmp, text);
        if (strict_ids[i].why) {
            want_desc = g_strdup_printf("JSON parse error, %s",
                                        strict_ids[i].why);
            qmp_assert_error(reply, "GenericError", want_desc);
            g_assert_false(json_object_has_member(reply, "id"));
            continue;
        }
        g_assert_true(json_object_has_member(reply, "return"));
        /* The id as the client wrote it, read on its own. */
        g_assert_true(json_parser_load_from_data(p, strict_ids[i].id, -1,
                                                 NULL));
        g_assert_true(json_node_equal(json_parser_get_root(p),
                                      json_object_get_member(reply, "id")));
    }
}

/* A 100000-character command name is cut to 512 characters with "...". */
static void test_request_error_desc_bounded(Fixture *f, gconstpointer data)
{
    g_autofree char *name = g_strnfill(100000, 'x');
    g_autofree char *text = g_strdup_printf("{\"execute\": \"%s\"}\n",
                                            name);
    g_autoptr(JsonObject) reply = NULL;
    const char *desc;

    qmp_client_negotiate(f->qmp);
    reply = raw_reply(f->qmp, text);
    qmp_assert_error(reply, "CommandNotFound", "The command xxxx");
    desc = json_object_get_string_member(
        json_object_get_object_member(reply, "error"), "desc");
    g_assert_cmpuint(strlen(desc), ==, 512);
    g_assert_true(g_str_has_suffix(desc, "xxx..."));
    g_clear_pointer(&reply, json_object_unref);

    /* Escapes count: 1000 control characters do not make 6000. */
    g_free(name);
    name = g_strnfill(1000 * 6, 'x');
    for (int i = 0; i < 1000; i++) {
        memcpy(name + i * 6, "\\u0001", 6);
    }
    g_free(text);
    text = g_strdup_printf("{\"execute\": \"%s\"}\n", name);
    reply = raw_reply(f->qmp, text);
    desc = json_object_get_string_member(
        json_object_get_object_member(reply, "error"), "desc");
    g_assert_true(g_str_has_prefix(desc, "The command \\u0001\\u0001"));
    g_assert_cmpuint(strlen(desc), ==, 512);
    g_assert_true(g_str_has_suffix(desc, "..."));
}

/* One request over three writes, two in one write, one over lines. */
static void test_request_framing_free(Fixture *f, gconstpointer data)
{
    static const char pretty[] =
        "{\n  \"execute\": \"query-status\",\n  \"id\": \"p\"\n}\n";
    g_autoptr(JsonObject) r1 = NULL;
    g_autoptr(JsonObject) r2 = NULL;
    g_autoptr(JsonObject) r3 = NULL;
    g_autoptr(JsonObject) r4 = NULL;

    qmp_client_negotiate(f->qmp);
    send_str(f->qmp, "{\"execute\": \"qu");
    g_usleep(50 * 1000);
    send_str(f->qmp, "ery-status\", \"id\"");
    g_usleep(50 * 1000);
    send_str(f->qmp, ": \"s\"}");
    r1 = qmp_receive(f->qmp, QMP_TIMEOUT_MS);
    g_assert_cmpstr(json_object_get_string_member(r1, "id"), ==, "s");
    g_assert_true(json_object_has_member(r1, "return"));

    send_str(f->qmp, "{\"execute\":\"query-status\",\"id\":\"a\"}"
             "{\"execute\":\"query-version\",\"id\":\"b\"}");
    r2 = qmp_receive(f->qmp, QMP_TIMEOUT_MS);
    r3 = qmp_receive(f->qmp, QMP_TIMEOUT_MS);
    g_assert_cmpstr(json_object_get_string_member(r2, "id"), ==, "a");
    g_assert_cmpstr(json_object_get_string_member(r3, "id"), ==, "b");

    r4 = raw_reply(f->qmp, pretty);
    g_assert_cmpstr(json_object_get_string_member(r4, "id"), ==, "p");
    g_assert_true(json_object_has_member(r4, "return"));
}

/* ---- garbage ------------------------------------------------------------- */

/* @text is a string literal or array: its size gives the bytes to send. */
#define SEND_GARBAGE(c, text, desc) \
    assert_parse_error((c), (text), sizeof(text) - 1, (desc))

static void assert_parse_error(QmpClient *c, const char *text, size_t len,
                               const char *desc)
{
    g_autoptr(JsonObject) reply = NULL;

    qmp_send_raw(c, text, len);
    reply = qmp_receive(c, QMP_TIMEOUT_MS);
    g_assert_nonnull(reply);
    qmp_assert_error(reply, "GenericError", desc);
}

/* Each kind of garbage gets an error and the monitor goes on. */
static void test_garbage_answered_and_survived(Fixture *f,
                                               gconstpointer data)
{
    static const char nul[] = "a\0b\n";
    g_autoptr(GString) deep = g_string_new(NULL);
    g_autoptr(GString) big = g_string_new("{\"execute\": \"");
    g_autoptr(JsonNode) ok = NULL;

    qmp_client_negotiate(f->qmp);
    SEND_GARBAGE(f->qmp, "foo\n", "JSON parse error");
    SEND_GARBAGE(f->qmp, "}\n", "JSON parse error");
    SEND_GARBAGE(f->qmp, "{\"execute\": tru}\n", "JSON parse error");
    SEND_GARBAGE(f->qmp, nul, "JSON parse error, NUL byte or invalid UTF-8");
    SEND_GARBAGE(f->qmp, "\"\xff\xfe\"\n",
                 "JSON parse error, NUL byte or invalid UTF-8");
    SEND_GARBAGE(f->qmp, "{\"execute\": \"quer\n",
                 "JSON parse error, control character in a string");
    for (int i = 0; i < 2000; i++) {
        g_string_append_c(deep, '[');
    }
    g_string_append_c(deep, '\n');
    assert_parse_error(f->qmp, deep->str, deep->len,
                       "JSON parse error, nested too deeply");
    for (int i = 0; i < 2 * 1024 * 1024; i++) {
        g_string_append_c(big, 'x');
    }
    g_string_append(big, "\"}\n");
    assert_parse_error(f->qmp, big->str, big->len,
                       "JSON parse error, too large");
    /* Still serving this client, and the guest side too. */
    ok = qmp_execute_ok(f->qmp, "query-status", NULL);
    g_assert_cmphex(css_insn(f->qts, "stsch", SID0, SCHIB), ==, 0);
}

/* ---- clients ------------------------------------------------------------- */

/* A client leaving (even mid-request) stops neither machine nor monitor. */
static void test_client_leaving_keeps_machine(Fixture *f, gconstpointer data)
{
    g_autoptr(QmpClient) again = NULL;
    g_autoptr(JsonObject) refused = NULL;
    g_autoptr(JsonNode) ok = NULL;
    g_autofree char *endian = NULL;

    qmp_client_negotiate(f->qmp);
    send_str(f->qmp, "{\"execute\": \"quit\"");
    qmp_client_close(f->qmp);
    f->qmp = NULL;
    endian = qtest_okf(f->qts, "endianness");
    g_assert_cmpstr(endian, ==, "big");

    /* The next client starts from scratch: greeting, negotiation. */
    again = qmp_client_connect(f->path);
    refused = qmp_execute(again, "query-status", NULL);
    qmp_assert_error(refused, "CommandNotFound", "Expecting capabilities");
    qmp_client_negotiate(again);
    ok = qmp_execute_ok(again, "query-status", NULL);
}

/* A second client waits, without a greeting, until the first leaves. */
static void test_client_one_at_a_time(Fixture *f, gconstpointer data)
{
    g_autoptr(QmpClient) second = qmp_client_try_connect(f->path);
    g_autoptr(JsonObject) none = NULL;
    g_autoptr(JsonObject) greeting = NULL;

    g_assert_nonnull(second);
    qmp_client_negotiate(f->qmp);
    none = qmp_receive(second, 300);
    g_assert_null(none);
    qmp_client_close(f->qmp);
    f->qmp = NULL;
    greeting = qmp_receive(second, QMP_TIMEOUT_MS);
    g_assert_nonnull(greeting);
    g_assert_true(json_object_has_member(greeting, "QMP"));
}

/*
 * A client that sends without reading its replies is served at its own
 * pace: the machine is never blocked on it, and the next client is
 * served once it leaves.
 */
static void test_client_not_reading_never_blocks_machine(Fixture *f,
                                                         gconstpointer data)
{
    g_autoptr(GString) flood = g_string_new(NULL);
    g_autoptr(QmpClient) next = NULL;
    g_autoptr(JsonNode) ok = NULL;
    size_t sent = 0;

    qmp_client_negotiate(f->qmp);
    /* Every "x" costs an error reply of about a hundred bytes. */
    for (int i = 0; i < 1024 * 1024; i++) {
        g_string_append(flood, "x\n");
    }
    for (int round = 0; round < 50 && sent < flood->len; round++) {
        sent += qmp_send_some(f->qmp, flood->str + sent, flood->len - sent);
        g_usleep(10 * 1000);
    }
    /* The socket filled up: the monitor stopped reading, not the machine. */
    g_assert_cmpuint(sent, <, flood->len);
    for (int i = 0; i < 3; i++) {
        g_autofree char *endian = qtest_okf(f->qts, "endianness");

        g_assert_cmpstr(endian, ==, "big");
    }
    qmp_client_close(f->qmp);
    f->qmp = NULL;
    next = qmp_client_connect(f->path);
    qmp_client_negotiate(next);
    ok = qmp_execute_ok(next, "query-status", NULL);
}

/* ---- commands ------------------------------------------------------------ */

static void test_query_version_matches_cmdline(Fixture *f, gconstpointer data)
{
    g_autoptr(JsonNode) ret = NULL;

    qmp_client_negotiate(f->qmp);
    ret = qmp_execute_ok(f->qmp, "query-version", NULL);
    assert_version(qmp_node_get_object(ret));
}

static void test_query_status_running(Fixture *f, gconstpointer data)
{
    g_autoptr(JsonNode) ret = NULL;
    JsonObject *o;

    qmp_client_negotiate(f->qmp);
    ret = qmp_execute_ok(f->qmp, "query-status", NULL);
    o = qmp_node_get_object(ret);
    g_assert_true(json_object_get_boolean_member(o, "running"));
    g_assert_cmpstr(json_object_get_string_member(o, "status"), ==,
                    "running");
}

/* Every command of the issue is listed, and every listed one exists. */
static void test_query_commands_lists_every_command(Fixture *f,
                                                    gconstpointer data)
{
    static const char *const want[] = {
        "qmp_capabilities", "query-version", "query-commands",
        "query-status", "quit", "device_add", "device_del",
        "system_reset", "query-ccw-subchannels", "query-chpids",
    };
    g_autoptr(JsonNode) ret = NULL;
    g_autoptr(GHashTable) names = g_hash_table_new(g_str_hash, g_str_equal);
    JsonArray *list;

    qmp_client_negotiate(f->qmp);
    ret = qmp_execute_ok(f->qmp, "query-commands", NULL);
    list = qmp_node_get_array(ret);
    for (guint i = 0; i < json_array_get_length(list); i++) {
        JsonObject *cmd = json_array_get_object_element(list, i);
        const char *name = json_object_get_string_member(cmd, "name");
        g_autoptr(JsonObject) r = NULL;

        g_hash_table_add(names, (gpointer)name);
        if (g_str_equal(name, "qmp_capabilities")) {
            continue;
        }
        /* Argument checking answers, so the command exists; none runs. */
        r = qmp_execute(f->qmp, name, "{\"no-such-argument\": []}");
        g_test_message("command %s", name);
        qmp_assert_error(r, "GenericError", "Parameter '");
    }
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
        g_assert_true(g_hash_table_contains(names, want[i]));
    }
}

/* quit: the reply, then SHUTDOWN, then the process exits with 0. */
static void test_quit_replies_then_exits_zero(Fixture *f, gconstpointer data)
{
    g_autoptr(JsonNode) ret = NULL;
    g_autoptr(JsonObject) ev = NULL;
    JsonObject *data_obj, *ts;
    gint64 before = g_get_real_time() / G_USEC_PER_SEC;

    qmp_client_negotiate(f->qmp);
    ret = qmp_execute_ok(f->qmp, "quit", NULL);
    ev = qmp_event_wait(f->qmp, "SHUTDOWN", QMP_TIMEOUT_MS);
    g_assert_nonnull(ev);
    data_obj = json_object_get_object_member(ev, "data");
    g_assert_false(json_object_get_boolean_member(data_obj, "guest"));
    g_assert_cmpstr(json_object_get_string_member(data_obj, "reason"), ==,
                    "host-qmp-quit");
    ts = json_object_get_object_member(ev, "timestamp");
    g_assert_cmpint(json_object_get_int_member(ts, "seconds"), >=, before);
    g_assert_cmpint(json_object_get_int_member(ts, "seconds"), <=,
                    g_get_real_time() / G_USEC_PER_SEC);
    g_assert_cmpint(json_object_get_int_member(ts, "microseconds"), >=, 0);
    g_assert_cmpint(json_object_get_int_member(ts, "microseconds"), <,
                    G_USEC_PER_SEC);
    g_assert_true(qmp_receive_eof(f->qmp, QMP_TIMEOUT_MS));
    /* fixture_teardown's qtest_quit() asserts exit status 0. */
}

/* system_reset is a subsystem reset: subchannels end up disabled. */
static void test_system_reset_disables_and_emits_reset(Fixture *f,
                                                       gconstpointer data)
{
    g_autoptr(JsonNode) ret = NULL;
    g_autoptr(JsonObject) ev = NULL;
    JsonObject *d;

    qmp_client_negotiate(f->qmp);
    css_enable(f->qts, SID0, 3, 0x1234);
    ret = qmp_execute_ok(f->qmp, "system_reset", NULL);
    ev = qmp_event_wait(f->qmp, "RESET", QMP_TIMEOUT_MS);
    g_assert_nonnull(ev);
    d = json_object_get_object_member(ev, "data");
    g_assert_false(json_object_get_boolean_member(d, "guest"));
    g_assert_cmpstr(json_object_get_string_member(d, "reason"), ==,
                    "host-qmp-system-reset");
    g_assert_cmpint(css_insn(f->qts, "stsch", SID0, SCHIB), ==, 0);
    g_assert_cmphex(qtest_readw(f->qts, SCHIB + 4) & 0x0080, ==, 0);
    g_assert_cmphex(qtest_readl(f->qts, SCHIB), ==, 0);
}

/*
 * Two monitors: events go to every client in command mode, and to none
 * still negotiating (QEMU's rule).
 */
static void test_events_only_after_negotiation(void)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *dir = g_dir_make_tmp("qmp-XXXXXX", &err);
    g_autofree char *pa = g_build_filename(dir, "a.sock", NULL);
    g_autofree char *pb = g_build_filename(dir, "b.sock", NULL);
    QTestState *qts = qtest_initf("%s -qmp unix:%s,server=on,wait=off "
                                  "-qmp unix:%s,server=on,wait=off", ARGS,
                                  pa, pb);
    g_autoptr(QmpClient) a = qmp_client_connect(pa);
    g_autoptr(QmpClient) b = qmp_client_connect(pb);
    g_autoptr(JsonNode) r1 = NULL;
    g_autoptr(JsonNode) r2 = NULL;
    g_autoptr(JsonObject) ev_a = NULL;
    g_autoptr(JsonObject) none_b = NULL;
    g_autoptr(JsonObject) reset_a = NULL;
    g_autoptr(JsonObject) reset_b = NULL;

    qmp_client_negotiate(a);
    r1 = qmp_execute_ok(a, "device_del", "{\"id\": \"t0\"}");
    ev_a = qmp_event_wait(a, "DEVICE_DELETED", QMP_TIMEOUT_MS);
    g_assert_nonnull(ev_a);
    none_b = qmp_receive(b, 200);
    g_assert_null(none_b);

    qmp_client_negotiate(b);
    r2 = qmp_execute_ok(a, "system_reset", NULL);
    reset_a = qmp_event_wait(a, "RESET", QMP_TIMEOUT_MS);
    reset_b = qmp_event_wait(b, "RESET", QMP_TIMEOUT_MS);
    g_assert_nonnull(reset_a);
    g_assert_nonnull(reset_b);
    qmp_client_close(g_steal_pointer(&a));
    qmp_client_close(g_steal_pointer(&b));
    qtest_quit(qts);
    rmdir(dir);
}

/* ---- other transports and the command line ------------------------------ */

static void test_stdio_negotiate_and_quit(void)
{
    static const char input[] =
        "{\"execute\": \"query-status\"}\n"
        "{\"execute\": \"qmp_capabilities\", \"id\": 1}\n"
        "{\"execute\": \"query-status\", \"id\": 2}\n"
        "{\"execute\": \"quit\", \"id\": 3}\n";
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_auto(GStrv) lines = NULL;
    int status = qtest_run_binary("-M s390-ccw-virtio -nodefaults -qmp stdio",
                                  input, &out, &err);

    g_assert_cmpint(status, ==, 0);
    lines = g_strsplit(out, "\r\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, 7);
    g_assert_true(g_str_has_prefix(lines[0], "{\"QMP\":"));
    g_assert_nonnull(strstr(lines[1], "\"CommandNotFound\""));
    g_assert_nonnull(strstr(lines[2], "\"return\":{}"));
    g_assert_nonnull(strstr(lines[3], "\"running\":true"));
    g_assert_nonnull(strstr(lines[4], "\"id\":3"));
    g_assert_nonnull(strstr(lines[5], "\"event\":\"SHUTDOWN\""));
    g_assert_cmpstr(lines[6], ==, "");
}

static void assert_cmdline_refused(const char *args, const char *needle)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = qtest_run_binary(args, NULL, &out, &err);

    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err, needle));
    /* One line. */
    g_assert_nonnull(strchr(err, '\n'));
    g_assert_cmpstr(strchr(err, '\n') + 1, ==, "");
}

static void test_cmdline_bad_specs_refused(void)
{
    assert_cmdline_refused("-qmp tcp:localhost:4444",
                           "-qmp tcp:localhost:4444: expected stdio or "
                           "unix:PATH");
    assert_cmdline_refused("-qmp unix:/tmp/x.sock,server=on,colour=blue",
                           "unknown or bad parameter 'colour=blue'");
    assert_cmdline_refused("-qmp unix:/nonexistent-dir/qmp.sock,server=on,"
                           "wait=off", "cannot listen on "
                           "'/nonexistent-dir/qmp.sock'");
    assert_cmdline_refused("-qmp stdio -qtest stdio",
                           "-qmp stdio: stdio is already used");
}

/* wait=on (QEMU's default for a server): start-up waits for the client. */
static void test_socket_wait_on_serves_first_client(void)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *dir = g_dir_make_tmp("qmp-XXXXXX", &err);
    g_autofree char *path = g_build_filename(dir, "qmp.sock", NULL);
    g_autofree char *spec = g_strdup_printf("unix:%s,server=on", path);
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GSubprocess) proc = NULL;
    g_autoptr(QmpClient) c = NULL;
    g_autoptr(JsonNode) ret = NULL;

    qtest_argv_add_binary(argv);
    g_ptr_array_add(argv, g_strdup("-nodefaults"));
    g_ptr_array_add(argv, g_strdup("-qmp"));
    g_ptr_array_add(argv, g_strdup(spec));
    g_ptr_array_add(argv, NULL);
    proc = g_subprocess_newv((const char *const *)argv->pdata,
                             G_SUBPROCESS_FLAGS_STDERR_SILENCE, &err);
    g_assert_no_error(err);
    c = qmp_client_connect(path);
    qmp_client_negotiate(c);
    ret = qmp_execute_ok(c, "quit", NULL);
    g_subprocess_wait(proc, NULL, &err);
    g_assert_no_error(err);
    g_assert_true(g_subprocess_get_if_exited(proc));
    g_assert_cmpint(g_subprocess_get_exit_status(proc), ==, 0);
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    rmdir(dir);
}

#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    ADD("/qmp/greeting/version-and-no-capabilities",
        test_greeting_version_and_no_capabilities);
    ADD("/qmp/negotiation/commands-refused-before",
        test_negotiation_commands_refused_before);
    ADD("/qmp/negotiation/second-time-refused",
        test_negotiation_second_time_refused);
    ADD("/qmp/negotiation/unknown-capability-refused",
        test_negotiation_unknown_capability_refused);
    ADD("/qmp/request/id-echoed", test_request_id_echoed);
    ADD("/qmp/request/errors-have-class-and-desc", test_request_errors);
    ADD("/qmp/request/error-desc-bounded", test_request_error_desc_bounded);
    ADD("/qmp/request/json-strict", test_request_json_strict);
    ADD("/qmp/request/framing-free", test_request_framing_free);
    ADD("/qmp/json/garbage-answered-and-survived",
        test_garbage_answered_and_survived);
    ADD("/qmp/client/leaving-keeps-machine",
        test_client_leaving_keeps_machine);
    ADD("/qmp/client/one-at-a-time", test_client_one_at_a_time);
    ADD("/qmp/client/not-reading-never-blocks-machine",
        test_client_not_reading_never_blocks_machine);
    ADD("/qmp/query-version/matches-cmdline",
        test_query_version_matches_cmdline);
    ADD("/qmp/query-status/running", test_query_status_running);
    ADD("/qmp/query-commands/lists-every-command",
        test_query_commands_lists_every_command);
    ADD("/qmp/quit/replies-then-exits-zero",
        test_quit_replies_then_exits_zero);
    ADD("/qmp/system-reset/disables-and-emits-reset",
        test_system_reset_disables_and_emits_reset);
    g_test_add_func("/qmp/events/only-after-negotiation",
                    test_events_only_after_negotiation);
    g_test_add_func("/qmp/stdio/negotiate-and-quit",
                    test_stdio_negotiate_and_quit);
    g_test_add_func("/qmp/cmdline/bad-specs-refused",
                    test_cmdline_bad_specs_refused);
    g_test_add_func("/qmp/socket/wait-on-serves-first-client",
                    test_socket_wait_on_serves_first_client);
    return g_test_run();
}
