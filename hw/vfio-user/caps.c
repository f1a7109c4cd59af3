/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The VERSION capabilities document, one writer and one reader for both
 * ends of a vfio-user connection (see include/hw/vfio-user/caps.h).
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hw/vfio-user/caps.h"
#include "hw/vfio-user/protocol.h"

/* The members we send and read, in the order we send them. */
static const struct {
    const char *name;
    size_t offset;
} caps_members[] = {
    { "max_msg_fds", offsetof(VFIOUserCaps, max_msg_fds) },
    { "max_data_xfer_size", offsetof(VFIOUserCaps, max_data_xfer_size) },
    { "max_dma_maps", offsetof(VFIOUserCaps, max_dma_maps) },
    { "pgsizes", offsetof(VFIOUserCaps, pgsizes) },
};

static uint64_t *caps_member(VFIOUserCaps *caps, size_t i)
{
    return (uint64_t *)((char *)caps + caps_members[i].offset);
}

static uint64_t caps_value(const VFIOUserCaps *caps, size_t i)
{
    return *(const uint64_t *)((const char *)caps + caps_members[i].offset);
}

VFIOUserCaps vfio_user_caps_defaults(void)
{
    return (VFIOUserCaps) {
        .max_msg_fds = VFIO_USER_DEF_MAX_FDS,
        .max_data_xfer_size = VFIO_USER_DEF_MAX_XFER,
        .max_dma_maps = VFIO_USER_DEF_MAX_DMA_MAPS,
        .pgsizes = VFIO_USER_DEF_PGSIZE,
    };
}

char *vfio_user_caps_to_json(const VFIOUserCaps *caps)
{
    g_autoptr(JsonBuilder) b = json_builder_new();
    g_autoptr(JsonGenerator) gen = json_generator_new();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object(b);
    json_builder_set_member_name(b, "capabilities");
    json_builder_begin_object(b);
    for (size_t i = 0; i < G_N_ELEMENTS(caps_members); i++) {
        /* JSON integers are signed 64-bit here: clamp what cannot fit. */
        uint64_t v = MIN(caps_value(caps, i), (uint64_t)G_MAXINT64);

        json_builder_set_member_name(b, caps_members[i].name);
        json_builder_add_int_value(b, (gint64)v);
    }
    json_builder_end_object(b);
    json_builder_end_object(b);
    root = json_builder_get_root(b);
    json_generator_set_root(gen, root);
    return json_generator_to_data(gen, NULL);
}

/* The "capabilities" object of @json, NULL if it has none. */
static bool caps_object(JsonParser *parser, const char *json, size_t len,
                        JsonObject **out, GError **errp)
{
    JsonNode *root, *node;

    if (len > G_MAXSSIZE ||
        !json_parser_load_from_data(parser, json, (gssize)len, NULL) ||
        !(root = json_parser_get_root(parser)) ||
        !JSON_NODE_HOLDS_OBJECT(root)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                    "capabilities are not a JSON object");
        return false;
    }
    node = json_object_get_member(json_node_get_object(root), "capabilities");
    if (node && !JSON_NODE_HOLDS_OBJECT(node)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                    "\"capabilities\" is not an object");
        return false;
    }
    *out = node ? json_node_get_object(node) : NULL;
    return true;
}

bool vfio_user_caps_from_json(const char *json, size_t len,
                              VFIOUserCaps *caps, GError **errp)
{
    g_autoptr(JsonParser) parser = json_parser_new();
    VFIOUserCaps peer = vfio_user_caps_defaults();
    JsonObject *obj;

    /* No document at all (a lone NUL on the wire): all defaults. */
    if (len == 0) {
        *caps = peer;
        return true;
    }
    if (!caps_object(parser, json, len, &obj, errp)) {
        return false;
    }
    for (size_t i = 0; obj && i < G_N_ELEMENTS(caps_members); i++) {
        JsonNode *n = json_object_get_member(obj, caps_members[i].name);

        if (!n) {
            continue;
        }
        /* Integers only: json-glib reads 1.0 and 1e3 as doubles. */
        if (!JSON_NODE_HOLDS_VALUE(n) ||
            json_node_get_value_type(n) != G_TYPE_INT64 ||
            json_node_get_int(n) < 0) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                        "\"%s\" is not a non-negative integer",
                        caps_members[i].name);
            return false;
        }
        *caps_member(&peer, i) = (uint64_t)json_node_get_int(n);
    }
    *caps = peer;
    return true;
}
