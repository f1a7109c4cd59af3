/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-qmp-request: what a QMP client sends, through the monitor's own
 * path: json-stream.c cuts the bytes into texts and qmp_dispatch()
 * (monitor/qmp-internal.h) answers each, on a fresh s390-ccw-virtio
 * machine with 64 KiB of RAM and no devices, one client session that
 * starts before qmp_capabilities.
 *
 * Input: the byte stream of one client (up to 16 KiB; at most 64 texts
 * are answered).  Two requests are left out: device_add of a passthrough
 * type (anything derived from s390-ccw: vfio-ccw opens sysfs,
 * vfio-user-ccw connects to a socket), since a fuzzer must not reach the
 * host's devices, and quit, which sets the process-wide shutdown flag
 * that nothing clears, so later inputs would run differently.  Every
 * other text, ccw-testdev hot-plug included, goes through.
 *
 * What must hold:
 * - cutting does not depend on how the bytes arrive: the stream fed at
 *   once and fed in pieces of 1 to 13 bytes gives the same texts and
 *   refusals in the same order;
 * - every reply is an object with exactly one of "return" and "error"
 *   (plus "id"); an error has a known "class" and a non-empty one-line
 *   "desc" of at most 512 characters; a request that is a JSON object
 *   with an "id" gets it back equal, unless it was refused as JSON; the
 *   wire form is one line ending in CR LF that reads back as the same
 *   JSON (json-glib would write a number past a double as "inf.0");
 * - afterwards, query-ccw-subchannels answers with one entry per CCW
 *   device whose subchannel the program can see, and the machine comes
 *   apart without leaks; nothing crashes.
 * That what json-glib reads is what the client wrote (no \u0000, octal
 * escapes, wrapped integers) cannot be seen from here, where the same
 * parser reads both sides: test-json-strict and qmp-test check it.
 *
 * FUZZ_TRACE=1 in the environment prints every text and its reply.
 */
#include "qemu/osdep.h"
#include <json-glib/json-glib.h>

#include "qemu/module.h"
#include "hw/boards.h"
#include "hw/s390x/ccw-device.h"
#include "hw/s390x/s390-ccw.h"
#include "monitor/json-stream.h"
#include "monitor/qmp-internal.h"
#include "fuzz.h"

#define RAM_SIZE (64 * 1024)
#define MAX_STREAM (16 * 1024)
#define MAX_TEXTS 64

static bool trace;              /* FUZZ_TRACE=1: print texts and replies */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    module_call_init();
    trace = g_getenv("FUZZ_TRACE") != NULL;
    return 0;
}

static MachineState *new_machine(void)
{
    g_autoptr(GError) err = NULL;
    MachineState *ms = g_object_new(machine_type_from_name("s390-ccw-virtio"),
                                    NULL);

    ms->ram_size = RAM_SIZE;
    g_assert_true(machine_run_init(ms, &err));
    g_assert_no_error(err);
    qemu_system_reset(ms);
    return ms;
}

/* ---- cutting --------------------------------------------------------- */

/* One cut: a text (error NULL) or a refusal (text NULL). */
typedef struct Cut {
    char *text;
    size_t len;
    char *error;
} Cut;

static void cut_free(gpointer p)
{
    Cut *c = p;

    g_free(c->text);
    g_free(c->error);
    g_free(c);
}

static bool collect_cut(void *opaque, const char *text, size_t len,
                        const char *error)
{
    Cut *c = g_new0(Cut, 1);

    c->text = text ? g_memdup2(text, len + 1) : NULL;
    c->len = text ? len : 0;
    c->error = g_strdup(error);
    g_ptr_array_add(opaque, c);
    return true;
}

/* The cuts of @data fed in pieces of the sizes in @pieces (0: all). */
static GPtrArray *cut_stream(const char *data, size_t size,
                             const size_t *pieces, size_t npieces)
{
    GPtrArray *cuts = g_ptr_array_new_with_free_func(cut_free);
    JsonStream js;
    size_t pos = 0;

    json_stream_init(&js, collect_cut, cuts);
    for (size_t i = 0; pos < size; i++) {
        size_t n = npieces ? MIN(pieces[i % npieces], size - pos) : size;

        g_assert_cmpuint(json_stream_feed(&js, data + pos, n), ==, n);
        pos += n;
    }
    json_stream_destroy(&js);
    return cuts;
}

static void assert_same_cuts(GPtrArray *a, GPtrArray *b)
{
    g_assert_cmpuint(a->len, ==, b->len);
    for (guint i = 0; i < a->len; i++) {
        const Cut *x = a->pdata[i], *y = b->pdata[i];

        g_assert_cmpstr(x->error, ==, y->error);
        g_assert_cmpuint(x->len, ==, y->len);
        g_assert_true((x->text == NULL) == (y->text == NULL));
        if (x->text) {
            g_assert_cmpmem(x->text, x->len, y->text, y->len);
        }
    }
}

/* ---- dispatching ----------------------------------------------------- */

/* @text as json-glib reads it (NULL if it does not parse). */
static JsonNode *parse_text(const Cut *c)
{
    g_autoptr(JsonParser) p = json_parser_new();
    JsonNode *root;

    if (!json_parser_load_from_data(p, c->text, (gssize)c->len, NULL)) {
        return NULL;
    }
    root = json_parser_get_root(p);
    return root ? json_node_copy(root) : NULL;
}

/* Member @name of @node if @node is an object and that is a string. */
static const char *string_member(JsonNode *node, const char *name)
{
    JsonNode *n;

    if (!node || !JSON_NODE_HOLDS_OBJECT(node)) {
        return NULL;
    }
    n = json_object_get_member(json_node_get_object(node), name);
    if (!n || !JSON_NODE_HOLDS_VALUE(n) ||
        json_node_get_value_type(n) != G_TYPE_STRING) {
        return NULL;
    }
    return json_node_get_string(n);
}

/* quit, or device_add of a type that would reach the host (see the top). */
static bool left_out(JsonNode *req)
{
    const char *cmd = string_member(req, "execute");
    const char *driver;
    GType t;

    if (!g_strcmp0(cmd, "quit")) {
        return true;
    }
    if (g_strcmp0(cmd, "device_add")) {
        return false;
    }
    driver = string_member(json_object_get_member(json_node_get_object(req),
                                                  "arguments"), "driver");
    t = driver ? g_type_from_name(driver) : G_TYPE_INVALID;
    return t && g_type_is_a(t, s390_ccw_device_get_type());
}

static bool known_class(const char *cls)
{
    return !g_strcmp0(cls, "GenericError") ||
           !g_strcmp0(cls, "CommandNotFound") ||
           !g_strcmp0(cls, "DeviceNotFound");
}

static void check_error(JsonNode *err)
{
    JsonObject *e;
    const char *desc;

    g_assert_true(JSON_NODE_HOLDS_OBJECT(err));
    e = json_node_get_object(err);
    g_assert_true(known_class(json_object_get_string_member_with_default(
                      e, "class", NULL)));
    desc = json_object_get_string_member_with_default(e, "desc", NULL);
    g_assert_nonnull(desc);
    g_assert_cmpuint(strlen(desc), >, 0);
    g_assert_null(strpbrk(desc, "\r\n"));
    g_assert_cmpint(g_utf8_strlen(desc, -1), <=, 512 + 3);
}

/* What the client reads is JSON and means the reply. */
static void check_wire_reads_back(const char *wire, JsonNode *reply)
{
    g_autoptr(JsonParser) p = json_parser_new();

    g_assert_true(json_parser_load_from_data(p, wire, -1, NULL));
    g_assert_true(json_node_equal(json_parser_get_root(p), reply));
}

/*
 * Whether @r refuses the text as JSON: beyond json-glib's own errors,
 * the monitor refuses what json-glib would take but change (\u0000,
 * numbers past a double).
 */
static bool parse_error(JsonObject *r)
{
    JsonObject *e;

    if (!json_object_has_member(r, "error")) {
        return false;
    }
    e = json_object_get_object_member(r, "error");
    return g_str_has_prefix(json_object_get_string_member(e, "desc"),
                            "JSON parse error");
}

static void check_reply(JsonNode *req, JsonNode *reply)
{
    g_autofree char *wire = qmp_to_wire(reply);
    JsonObject *r;
    JsonNode *req_id = NULL, *id;
    bool has_return, has_error;

    g_assert_true(JSON_NODE_HOLDS_OBJECT(reply));
    r = json_node_get_object(reply);
    has_return = json_object_has_member(r, "return");
    has_error = json_object_has_member(r, "error");
    g_assert_true(has_return != has_error);
    g_assert_cmpuint(json_object_get_size(r), ==,
                     1 + json_object_has_member(r, "id"));
    if (has_error) {
        check_error(json_object_get_member(r, "error"));
    }
    /* A text the monitor refuses as JSON has no id to echo. */
    if (req && JSON_NODE_HOLDS_OBJECT(req) && !parse_error(r)) {
        req_id = json_object_get_member(json_node_get_object(req), "id");
    }
    id = json_object_get_member(r, "id");
    if (req_id) {
        g_assert_nonnull(id);
        g_assert_true(json_node_equal(req_id, id));
    }
    g_assert_true(g_str_has_suffix(wire, "\r\n"));
    g_assert_true(strcspn(wire, "\r\n") == strlen(wire) - 2);
    check_wire_reads_back(wire, reply);
}

static void dispatch(QmpSession *session, const Cut *c)
{
    g_autoptr(JsonNode) req = parse_text(c);
    g_autoptr(JsonNode) reply = NULL;

    if (left_out(req)) {
        return;
    }
    reply = qmp_dispatch(session, c->text, c->len);
    if (trace) {
        g_autofree char *wire = qmp_to_wire(reply);

        g_printerr("> %.*s\n< %s", (int)MIN(c->len, 400), c->text, wire);
    }
    check_reply(req, reply);
}

/* ---- the machine afterwards ------------------------------------------- */

/*
 * The CCW devices whose subchannel the program can see (without MCSS-E
 * only those of the default css image: a device added at be.0.0001 is
 * there, but not listed).
 */
static guint count_visible_ccw_devices(MachineState *ms)
{
    guint n = 0;

    for (guint i = 0; i < ms->buses->len; i++) {
        BusState *bus = ms->buses->pdata[i];

        for (GList *l = bus->children.head; l; l = l->next) {
            SubchDev *sch = IS_CCW_DEVICE(l->data) ?
                            CCW_DEVICE(l->data)->sch : NULL;

            n += sch && css_subch_visible(sch);
        }
    }
    return n;
}

static void check_subchannels(MachineState *ms)
{
    static const char query[] = "{\"execute\": \"query-ccw-subchannels\"}";
    QmpSession session = { .negotiated = true };
    g_autoptr(JsonNode) reply = qmp_dispatch(&session, query,
                                             strlen(query));
    JsonObject *r = json_node_get_object(reply);

    g_assert_true(json_object_has_member(r, "return"));
    g_assert_cmpuint(json_array_get_length(
                         json_object_get_array_member(r, "return")),
                     ==, count_visible_ccw_devices(ms));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t pieces[] = { 1, 2, 3, 5, 7, 11, 13 };
    const char *text = data ? (const char *)data : "";
    g_autoptr(MachineState) ms = NULL;
    g_autoptr(GPtrArray) whole = NULL;
    g_autoptr(GPtrArray) split = NULL;
    QmpSession session = { 0 };

    if (size > MAX_STREAM) {
        return 0;
    }
    whole = cut_stream(text, size, NULL, 0);
    split = cut_stream(text, size, pieces, G_N_ELEMENTS(pieces));
    assert_same_cuts(whole, split);

    ms = new_machine();
    for (guint i = 0; i < whole->len && i < MAX_TEXTS; i++) {
        const Cut *c = whole->pdata[i];

        if (c->text) {
            dispatch(&session, c);
        }
    }
    check_subchannels(ms);
    return 0;
}
