/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-internal.h: what the monitor's own files share (monitor/ only; the
 * public API is include/monitor/qmp.h).
 *
 * qmp.c moves bytes (sockets, stdio, framing with json-stream.c) and
 * keeps one QmpSession per client; qmp-dispatch.c turns one JSON text
 * into one reply; the qmp-cmds*.c files are the commands.
 */
#ifndef MONITOR_QMP_INTERNAL_H
#define MONITOR_QMP_INTERNAL_H

#include "hw/qdev-core.h"
#include "monitor/qmp.h"

/**
 * QmpSession: one client's protocol state.
 * @negotiated: qmp_capabilities succeeded: commands are accepted and
 *     events are sent (QEMU's "command mode").
 */
typedef struct QmpSession {
    bool negotiated;
} QmpSession;

/**
 * qmp_dispatch: handle one JSON text from a client.
 * @session: the client's state (qmp_capabilities changes it).
 * @text, @len: the text as cut by json-stream.c (any bytes).
 * Returns: the reply object, {"return": ...} or {"error": ...}, with the
 * request's "id" echoed when it had one; a new node.
 */
JsonNode *qmp_dispatch(QmpSession *session, const char *text, size_t len);

/**
 * qmp_error_reply: Returns: {"error": {"class": @cls, "desc": @desc}},
 * @desc made one line of at most 512 characters, "..." included
 * (backslash, control characters and Unicode line breaks escaped as in
 * JSON),
 * plus "id": a copy of @id unless it is NULL; a new node.
 */
JsonNode *qmp_error_reply(QmpErrorClass cls, const char *desc,
                          JsonNode *id);

/** qmp_greeting: Returns: the greeting object sent to each new client. */
JsonNode *qmp_greeting(void);

/**
 * qmp_to_wire: Returns: @node as one line of compact JSON ending in
 * "\r\n", as QEMU writes it; owned by the caller.
 */
char *qmp_to_wire(JsonNode *node);

/**
 * qmp_version_numbers: QEMU_VERSION ("MAJOR.MINOR.MICRO") as numbers,
 * for the greeting and query-version.
 */
void qmp_version_numbers(gint64 *major, gint64 *minor, gint64 *micro);

/**
 * qmp_note_quit: the quit command asked for the shutdown: at cleanup the
 * clients get SHUTDOWN {"guest": false, "reason": "host-qmp-quit"} after
 * quit's reply (QEMU's order).
 */
void qmp_note_quit(void);

/**
 * qmp_device_bus_addr: Returns: where @dev sits on its bus, for a CCW
 * device its devno "fe.0.0001"; NULL if it has no such address.  Owned
 * by the caller.
 */
char *qmp_device_bus_addr(DeviceState *dev);

/**
 * qmp_device_path: the name DEVICE_DELETED and query-ccw-subchannels
 * give a device, and device_del accepts instead of its id, after QEMU's
 * QOM paths: "/machine/peripheral/ID" for a device with an id, else
 * "/machine/peripheral-anon/TYPE[BUS_ADDR]" (BUS_ADDR from
 * qmp_device_bus_addr(), or the type alone without one).
 * Returns: the path, owned by the caller.
 */
char *qmp_device_path(DeviceState *dev, const char *bus_addr);

/** qmp_object_node: Returns: a new node holding @obj (consumed). */
JsonNode *qmp_object_node(JsonObject *obj);

#endif /* MONITOR_QMP_INTERNAL_H */
