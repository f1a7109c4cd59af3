/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Compact JSON out of a json-glib tree (see json-write.h for why the
 * monitor does not use JsonGenerator).
 */
#include "qemu/osdep.h"
#include <math.h>

#include "json-write.h"

bool json_escape_char(GString *out, gunichar c)
{
    switch (c) {
    case '"':
        g_string_append(out, "\\\"");
        return true;
    case '\\':
        g_string_append(out, "\\\\");
        return true;
    case '\n':
        g_string_append(out, "\\n");
        return true;
    case '\r':
        g_string_append(out, "\\r");
        return true;
    case '\t':
        g_string_append(out, "\\t");
        return true;
    default:
        if (c < 0x20 || c == 0x7f) {
            g_string_append_printf(out, "\\u%04x", c);
            return true;
        }
        return false;
    }
}

static void write_string(GString *out, const char *s)
{
    g_autofree char *valid = g_utf8_make_valid(s ? s : "", -1);

    g_string_append_c(out, '"');
    /* Every character that needs an escape is ASCII: go byte by byte. */
    for (const char *p = valid; *p; p++) {
        if (!json_escape_char(out, (unsigned char)*p)) {
            g_string_append_c(out, *p);         /* UTF-8 bytes as is */
        }
    }
    g_string_append_c(out, '"');
}

static void write_double(GString *out, double d)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    if (!isfinite(d)) {
        g_string_append(out, "null");
        return;
    }
    g_ascii_formatd(buf, sizeof(buf), "%.17g", d);
    g_string_append(out, buf);
    /* 1.0 must stay a double for the reader: "1" would be an integer. */
    if (!strpbrk(buf, ".eE")) {
        g_string_append(out, ".0");
    }
}

static void write_value(GString *out, JsonNode *node)
{
    switch (json_node_get_value_type(node)) {
    case G_TYPE_INT64:
        g_string_append_printf(out, "%" G_GINT64_FORMAT,
                               json_node_get_int(node));
        break;
    case G_TYPE_DOUBLE:
        write_double(out, json_node_get_double(node));
        break;
    case G_TYPE_BOOLEAN:
        g_string_append(out, json_node_get_boolean(node) ? "true" : "false");
        break;
    case G_TYPE_STRING:
        write_string(out, json_node_get_string(node));
        break;
    default:
        g_string_append(out, "null");
    }
}

void json_write_compact(GString *out, JsonNode *node)
{
    switch (node ? JSON_NODE_TYPE(node) : JSON_NODE_NULL) {
    case JSON_NODE_OBJECT: {
        JsonObject *obj = json_node_get_object(node);
        g_autoptr(GList) names = json_object_get_members(obj);

        g_string_append_c(out, '{');
        for (GList *l = names; l; l = l->next) {
            if (l != names) {
                g_string_append_c(out, ',');
            }
            write_string(out, l->data);
            g_string_append_c(out, ':');
            json_write_compact(out, json_object_get_member(obj, l->data));
        }
        g_string_append_c(out, '}');
        break;
    }
    case JSON_NODE_ARRAY: {
        JsonArray *arr = json_node_get_array(node);

        g_string_append_c(out, '[');
        for (guint i = 0; i < json_array_get_length(arr); i++) {
            if (i) {
                g_string_append_c(out, ',');
            }
            json_write_compact(out, json_array_get_element(arr, i));
        }
        g_string_append_c(out, ']');
        break;
    }
    case JSON_NODE_VALUE:
        write_value(out, node);
        break;
    default:
        g_string_append(out, "null");
    }
}
