/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QMP requests: from one JSON text to one reply.
 *
 * The checks and their messages are QEMU's (qmp_dispatch(), the QAPI
 * input visitor), so that a client written against QEMU reads the same
 * error for the same mistake: the text must parse, be an object with a
 * string "execute", an object "arguments" and any "id"; before
 * qmp_capabilities only qmp_capabilities is a command; then the command
 * must exist and its arguments must match its QmpArgSpec list.
 */
#include "qemu/osdep.h"

#include "config-host.h"
#include "json-strict.h"
#include "json-write.h"
#include "qmp-internal.h"

G_DEFINE_QUARK(qmp-error-quark, qmp_error)

static GHashTable *qmp_commands;     /* name -> const QmpCommand * */

const char *qmp_error_class_name(QmpErrorClass cls)
{
    switch (cls) {
    case QMP_ERROR_CLASS_COMMAND_NOT_FOUND:
        return "CommandNotFound";
    case QMP_ERROR_CLASS_DEVICE_NOT_FOUND:
        return "DeviceNotFound";
    case QMP_ERROR_CLASS_GENERIC_ERROR:
    default:
        return "GenericError";
    }
}

void qmp_register_command(const QmpCommand *cmd)
{
    if (!qmp_commands) {
        qmp_commands = g_hash_table_new(g_str_hash, g_str_equal);
    }
    if (g_str_equal(cmd->name, "qmp_capabilities") ||
        g_hash_table_contains(qmp_commands, cmd->name)) {
        g_error("QMP command '%s' registered twice", cmd->name);
    }
    g_hash_table_insert(qmp_commands, (gpointer)cmd->name, (gpointer)cmd);
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

GPtrArray *qmp_command_names(void)
{
    GPtrArray *names = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;

    g_ptr_array_add(names, (gpointer)"qmp_capabilities");
    if (qmp_commands) {
        g_hash_table_iter_init(&it, qmp_commands);
        while (g_hash_table_iter_next(&it, &key, NULL)) {
            g_ptr_array_add(names, key);
        }
    }
    g_ptr_array_sort(names, compare_names);
    return names;
}

/* ---- replies ------------------------------------------------------------ */

JsonNode *qmp_object_node(JsonObject *obj)
{
    JsonNode *node = json_node_new(JSON_NODE_OBJECT);

    json_node_take_object(node, obj);
    return node;
}

/*
 * @desc as one bounded line of valid UTF-8.  Messages quote what the
 * client sent (a command name, an id, json-glib's copy of a bad string),
 * and JSON lets that hold line breaks and any amount of text: a
 * backslash, control characters and the Unicode line breaks become
 * JSON-style escapes (\\, \n, \u001b, \u2028), and a longer result is
 * cut to QMP_DESC_MAX characters, "..." included.
 */
#define QMP_DESC_MAX 512

/*
 * @c as it appears in a desc: JSON's escape if it needs one (but quotes
 * stay quotes: messages put them around names), the Unicode line breaks
 * escaped too, anything else itself.
 */
static void desc_char(GString *out, gunichar c)
{
    if (c != '"' && json_escape_char(out, c)) {
        return;
    }
    if (c == 0x85 || c == 0x2028 || c == 0x2029) {
        g_string_append_printf(out, "\\u%04x", c);
    } else {
        g_string_append_unichar(out, c);
    }
}

static char *desc_one_line(const char *desc)
{
    g_autofree char *valid = g_utf8_make_valid(desc, -1);
    GString *out = g_string_new(NULL);

    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        desc_char(out, g_utf8_get_char(p));
        /*
         * Stop early: a client may have sent a megabyte.  No character
         * takes more than 6 bytes here (\u2028), so past 6 * MAX bytes
         * there are more than MAX characters and the cut below is due.
         */
        if (out->len > QMP_DESC_MAX * 6) {
            break;
        }
    }
    if (g_utf8_strlen(out->str, -1) > QMP_DESC_MAX) {
        g_string_truncate(out, g_utf8_offset_to_pointer(out->str,
                                                        QMP_DESC_MAX - 3) -
                               out->str);
        g_string_append(out, "...");
    }
    return g_string_free(out, FALSE);
}

JsonNode *qmp_error_reply(QmpErrorClass cls, const char *desc, JsonNode *id)
{
    JsonObject *err = json_object_new();
    JsonObject *reply = json_object_new();
    g_autofree char *line = desc_one_line(desc);

    json_object_set_string_member(err, "class", qmp_error_class_name(cls));
    json_object_set_string_member(err, "desc", line);
    json_object_set_object_member(reply, "error", err);
    if (id) {
        json_object_set_member(reply, "id", json_node_copy(id));
    }
    return qmp_object_node(reply);
}

static JsonNode *qmp_return_reply(JsonNode *value, JsonNode *id)
{
    JsonObject *reply = json_object_new();

    json_object_set_member(reply, "return", value);
    if (id) {
        json_object_set_member(reply, "id", json_node_copy(id));
    }
    return qmp_object_node(reply);
}

char *qmp_to_wire(JsonNode *node)
{
    GString *out = g_string_new(NULL);

    json_write_compact(out, node);
    g_string_append(out, "\r\n");
    return g_string_free(out, FALSE);
}

void qmp_version_numbers(gint64 *major, gint64 *minor, gint64 *micro)
{
    g_auto(GStrv) parts = g_strsplit(QEMU_VERSION, ".", 3);
    gint64 *out[3] = { major, minor, micro };

    for (int i = 0; i < 3; i++) {
        *out[i] = parts[0] && i < (int)g_strv_length(parts) ?
                  g_ascii_strtoll(parts[i], NULL, 10) : 0;
    }
}

JsonNode *qmp_greeting(void)
{
    JsonObject *qemu = json_object_new();
    JsonObject *version = json_object_new();
    JsonObject *qmp = json_object_new();
    JsonObject *greeting = json_object_new();
    gint64 major, minor, micro;

    qmp_version_numbers(&major, &minor, &micro);
    json_object_set_int_member(qemu, "micro", micro);
    json_object_set_int_member(qemu, "minor", minor);
    json_object_set_int_member(qemu, "major", major);
    json_object_set_object_member(version, "qemu", qemu);
    json_object_set_string_member(version, "package", QEMU_PKGNAME);
    json_object_set_object_member(qmp, "version", version);
    /* No capability (such as "oob") is offered. */
    json_object_set_array_member(qmp, "capabilities", json_array_new());
    json_object_set_object_member(greeting, "QMP", qmp);
    return qmp_object_node(greeting);
}

/* ---- arguments ---------------------------------------------------------- */

static const char *arg_type_name(QmpArgType type)
{
    switch (type) {
    case QMP_ARG_STRING:
        return "string";
    case QMP_ARG_INT:
        return "integer";
    case QMP_ARG_BOOL:
        return "boolean";
    case QMP_ARG_STRING_ARRAY:
        return "array of strings";
    case QMP_ARG_SCALAR:
    default:
        return "string, integer or boolean";
    }
}

static bool node_is_value(JsonNode *node, GType type)
{
    return JSON_NODE_HOLDS_VALUE(node) &&
           json_node_get_value_type(node) == type;
}

static bool arg_has_type(JsonNode *node, QmpArgType type)
{
    switch (type) {
    case QMP_ARG_STRING:
        return node_is_value(node, G_TYPE_STRING);
    case QMP_ARG_INT:
        return node_is_value(node, G_TYPE_INT64);
    case QMP_ARG_BOOL:
        return node_is_value(node, G_TYPE_BOOLEAN);
    case QMP_ARG_STRING_ARRAY: {
        JsonArray *a;

        if (!JSON_NODE_HOLDS_ARRAY(node)) {
            return false;
        }
        a = json_node_get_array(node);
        for (guint i = 0; i < json_array_get_length(a); i++) {
            if (!node_is_value(json_array_get_element(a, i), G_TYPE_STRING)) {
                return false;
            }
        }
        return true;
    }
    case QMP_ARG_SCALAR:
    default:
        return node_is_value(node, G_TYPE_STRING) ||
               node_is_value(node, G_TYPE_INT64) ||
               node_is_value(node, G_TYPE_BOOLEAN);
    }
}

static const QmpArgSpec *find_arg(const QmpArgSpec *specs, const char *name)
{
    for (const QmpArgSpec *a = specs; a && a->name; a++) {
        if (g_str_equal(a->name, name)) {
            return a;
        }
    }
    return NULL;
}

/* Check @args against @specs; Returns: false with @errp set. */
static bool check_args(const QmpArgSpec *specs, bool extra_scalars,
                       JsonObject *args, GError **errp)
{
    g_autoptr(GList) members = json_object_get_members(args);

    for (const QmpArgSpec *a = specs; a && a->name; a++) {
        if (!a->optional && !json_object_has_member(args, a->name)) {
            g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                        "Parameter '%s' is missing", a->name);
            return false;
        }
    }
    for (GList *l = members; l; l = l->next) {
        const char *name = l->data;
        const QmpArgSpec *a = find_arg(specs, name);
        JsonNode *node = json_object_get_member(args, name);
        QmpArgType type = a ? a->type : QMP_ARG_SCALAR;

        if (!a && !extra_scalars) {
            g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                        "Parameter '%s' is unexpected", name);
            return false;
        }
        if (!arg_has_type(node, type)) {
            g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                        "Invalid parameter type for '%s', expected: %s",
                        name, arg_type_name(type));
            return false;
        }
    }
    return true;
}

/* ---- qmp_capabilities --------------------------------------------------- */

static const QmpArgSpec qmp_capabilities_args[] = {
    { "enable", QMP_ARG_STRING_ARRAY, true },
    { NULL },
};

/* Leave capabilities-negotiation mode; no capability can be enabled. */
static JsonNode *qmp_capabilities(QmpSession *session, JsonObject *args,
                                  GError **errp)
{
    if (!check_args(qmp_capabilities_args, false, args, errp)) {
        return NULL;
    }
    if (json_object_has_member(args, "enable")) {
        JsonArray *want = json_object_get_array_member(args, "enable");

        if (json_array_get_length(want)) {
            g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                        "Capability '%s' not available",
                        json_array_get_string_element(want, 0));
            return NULL;
        }
    }
    session->negotiated = true;
    return qmp_object_node(json_object_new());
}

/* ---- dispatch ------------------------------------------------------------ */

/* The request's members: Returns: false with @errp set. */
static bool check_request(JsonObject *req, GError **errp)
{
    g_autoptr(GList) members = json_object_get_members(req);

    for (GList *l = members; l; l = l->next) {
        const char *name = l->data;
        JsonNode *node = json_object_get_member(req, name);

        if (g_str_equal(name, "execute")) {
            if (!node_is_value(node, G_TYPE_STRING)) {
                g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                            "QMP input member 'execute' must be a string");
                return false;
            }
        } else if (g_str_equal(name, "arguments")) {
            if (!JSON_NODE_HOLDS_OBJECT(node)) {
                g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                            "QMP input member 'arguments' must be an object");
                return false;
            }
        } else if (!g_str_equal(name, "id")) {
            g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                        "QMP input member '%s' is unexpected", name);
            return false;
        }
    }
    if (!json_object_has_member(req, "execute")) {
        g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                    "QMP input lacks member 'execute'");
        return false;
    }
    return true;
}

/* Run the request in @req; Returns: the return value or NULL with @errp. */
static JsonNode *run_request(QmpSession *session, JsonObject *req,
                             GError **errp)
{
    const char *name;
    const QmpCommand *cmd;
    g_autoptr(JsonObject) args = NULL;

    if (!check_request(req, errp)) {
        return NULL;
    }
    name = json_object_get_string_member(req, "execute");
    args = json_object_has_member(req, "arguments") ?
           json_object_ref(json_object_get_object_member(req, "arguments")) :
           json_object_new();
    if (g_str_equal(name, "qmp_capabilities")) {
        if (session->negotiated) {
            g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_COMMAND_NOT_FOUND,
                        "Capabilities negotiation is already complete, "
                        "command ignored");
            return NULL;
        }
        return qmp_capabilities(session, args, errp);
    }
    if (!session->negotiated) {
        g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_COMMAND_NOT_FOUND,
                    "Expecting capabilities negotiation with "
                    "'qmp_capabilities'");
        return NULL;
    }
    cmd = qmp_commands ? g_hash_table_lookup(qmp_commands, name) : NULL;
    if (!cmd) {
        g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_COMMAND_NOT_FOUND,
                    "The command %s has not been found", name);
        return NULL;
    }
    if (!check_args(cmd->args, cmd->extra_scalars, args, errp)) {
        return NULL;
    }
    return cmd->fn(args, errp);
}

JsonNode *qmp_dispatch(QmpSession *session, const char *text, size_t len)
{
    g_autoptr(JsonParser) parser = json_parser_new_immutable();
    g_autoptr(GError) err = NULL;
    g_autofree char *desc = NULL;
    const char *why;
    JsonNode *root, *id = NULL, *ret;
    JsonObject *req;

    /* json-glib wants UTF-8; a NUL byte is not JSON either. */
    if (!g_utf8_validate(text, (gssize)len, NULL)) {
        return qmp_error_reply(QMP_ERROR_CLASS_GENERIC_ERROR,
                               "JSON parse error, NUL byte or invalid UTF-8",
                               NULL);
    }
    /* What json-glib would read other than JSON does (json-strict.h). */
    if (!json_text_strict(text, len, &why)) {
        desc = g_strdup_printf("JSON parse error, %s", why);
        return qmp_error_reply(QMP_ERROR_CLASS_GENERIC_ERROR, desc, NULL);
    }
    if (!json_parser_load_from_data(parser, text, (gssize)len, &err)) {
        /* json-glib names the input "<data>"; the client knows which. */
        const char *msg = g_str_has_prefix(err->message, "<data>:") ?
                          err->message + strlen("<data>:") : err->message;

        desc = g_strdup_printf("JSON parse error, at %s", msg);
        return qmp_error_reply(QMP_ERROR_CLASS_GENERIC_ERROR, desc, NULL);
    }
    root = json_parser_get_root(parser);
    if (!root || !JSON_NODE_HOLDS_OBJECT(root)) {
        return qmp_error_reply(QMP_ERROR_CLASS_GENERIC_ERROR,
                               "QMP input must be a JSON object", NULL);
    }
    req = json_node_get_object(root);
    id = json_object_get_member(req, "id");
    ret = run_request(session, req, &err);
    if (!ret && !err) {
        /* A command that fails must say why; do not crash if one forgets. */
        g_set_error(&err, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                    "command failed without a reason (a bug)");
    }
    if (!ret) {
        QmpErrorClass cls = err->domain == QMP_ERROR ?
                            (QmpErrorClass)err->code :
                            QMP_ERROR_CLASS_GENERIC_ERROR;

        return qmp_error_reply(cls, err->message, id);
    }
    return qmp_return_reply(ret, id);
}
