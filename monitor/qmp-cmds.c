/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The machine-wide QMP commands: query-version, query-commands,
 * query-status, quit, system_reset (results shaped as QEMU's).
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "config-host.h"
#include "qemu/module.h"
#include "hw/boards.h"
#include "system/runstate.h"
#include "qmp-internal.h"

/* {"qemu": {"major": N, "minor": N, "micro": N}, "package": "..."} */
static JsonNode *qmp_query_version(JsonObject *args, GError **errp)
{
    JsonObject *qemu = json_object_new();
    JsonObject *ret = json_object_new();
    gint64 major, minor, micro;

    qmp_version_numbers(&major, &minor, &micro);
    json_object_set_int_member(qemu, "major", major);
    json_object_set_int_member(qemu, "minor", minor);
    json_object_set_int_member(qemu, "micro", micro);
    json_object_set_object_member(ret, "qemu", qemu);
    json_object_set_string_member(ret, "package", QEMU_PKGNAME);
    return qmp_object_node(ret);
}

/* [{"name": "device_add"}, ...] */
static JsonNode *qmp_query_commands(JsonObject *args, GError **errp)
{
    g_autoptr(GPtrArray) names = qmp_command_names();
    JsonArray *list = json_array_new();
    JsonNode *node = json_node_new(JSON_NODE_ARRAY);

    for (guint i = 0; i < names->len; i++) {
        JsonObject *cmd = json_object_new();

        json_object_set_string_member(cmd, "name", names->pdata[i]);
        json_array_add_object_element(list, cmd);
    }
    json_node_take_array(node, list);
    return node;
}

/*
 * {"running": true, "status": "running"}: there is no CPU to pause, so
 * from the moment the monitor answers until shutdown the machine runs.
 */
static JsonNode *qmp_query_status(JsonObject *args, GError **errp)
{
    JsonObject *ret = json_object_new();
    bool down = qemu_shutdown_requested();

    json_object_set_boolean_member(ret, "running", !down);
    json_object_set_string_member(ret, "status",
                                  down ? "shutdown" : "running");
    return qmp_object_node(ret);
}

/*
 * The reply goes out before the process ends: the main loop returns
 * after this request and qmp_monitor_cleanup() flushes it, then sends
 * SHUTDOWN.
 */
static JsonNode *qmp_quit(JsonObject *args, GError **errp)
{
    qmp_note_quit();
    qemu_system_shutdown_request(0);
    return qmp_object_node(json_object_new());
}

/* Subsystem reset and device resets, as the qtest system_reset does. */
static JsonNode *qmp_system_reset(JsonObject *args, GError **errp)
{
    JsonObject *data;

    if (!current_machine) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                    "no machine to reset");
        return NULL;
    }
    qemu_system_reset(current_machine);
    data = json_object_new();
    json_object_set_boolean_member(data, "guest", false);
    json_object_set_string_member(data, "reason", "host-qmp-system-reset");
    qmp_event_emit("RESET", data);
    return qmp_object_node(json_object_new());
}

static const QmpCommand qmp_machine_commands[] = {
    { .name = "query-version", .fn = qmp_query_version },
    { .name = "query-commands", .fn = qmp_query_commands },
    { .name = "query-status", .fn = qmp_query_status },
    { .name = "quit", .fn = qmp_quit },
    { .name = "system_reset", .fn = qmp_system_reset },
};

static void qmp_register_machine_commands(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(qmp_machine_commands); i++) {
        qmp_register_command(&qmp_machine_commands[i]);
    }
}

type_init(qmp_register_machine_commands)
