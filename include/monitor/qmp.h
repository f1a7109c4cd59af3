/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp.h: the QEMU Machine Protocol monitor (QMP).
 *
 * A management client (libvirt, a script, a test) talks JSON to the
 * machine over a UNIX socket or stdio (-qmp unix:PATH,server=on,wait=off
 * or -qmp stdio), with QEMU's wire protocol (docs/interop/qmp-spec.rst in
 * QEMU; ours in docs/system/s390x/qmp.rst):
 *
 *   S: {"QMP": {"version": {...}, "capabilities": []}}      greeting
 *   C: {"execute": "qmp_capabilities"}                        negotiation
 *   S: {"return": {}}
 *   C: {"execute": "NAME", "arguments": {...}, "id": ANY}
 *   S: {"return": VALUE, "id": ANY}
 *      or {"error": {"class": "GenericError", "desc": "..."}, "id": ANY}
 *   S: {"event": "NAME", "data": {...},
 *       "timestamp": {"seconds": N, "microseconds": N}}        any time
 *
 * Commands register themselves (qmp_register_command() from a
 * type_init() constructor), as qtest requests do; nothing lists them
 * centrally.  Everything runs on the machine's single thread, around
 * GLib's default main context: a client socket is an fd source on it.
 * Who may call: system/main.c (start-up, cleanup), command files in
 * monitor/, and machine code that reports events (qmp_event_emit()).
 */
#ifndef MONITOR_QMP_H
#define MONITOR_QMP_H

#include <stdbool.h>
#include <glib.h>
#include <json-glib/json-glib.h>

/** QMP_ERROR: the GError domain whose codes are QmpErrorClass values. */
#define QMP_ERROR (qmp_error_quark())

/** qmp_error_quark: Returns: the quark of the QMP_ERROR domain. */
GQuark qmp_error_quark(void);

/**
 * QmpErrorClass: the "class" member of an error reply (QEMU's
 * QapiErrorClass).  A command that fails with a GError of another domain
 * answers "GenericError" with the message as "desc".
 * @QMP_ERROR_CLASS_GENERIC_ERROR: "GenericError", everything else.
 * @QMP_ERROR_CLASS_COMMAND_NOT_FOUND: "CommandNotFound": no such command,
 *     or a command before capabilities negotiation.
 * @QMP_ERROR_CLASS_DEVICE_NOT_FOUND: "DeviceNotFound": device_del of an
 *     id that names no device.
 */
typedef enum QmpErrorClass {
    QMP_ERROR_CLASS_GENERIC_ERROR,
    QMP_ERROR_CLASS_COMMAND_NOT_FOUND,
    QMP_ERROR_CLASS_DEVICE_NOT_FOUND,
} QmpErrorClass;

/**
 * qmp_error_class_name: Returns: the wire name of @cls ("GenericError",
 * "CommandNotFound", "DeviceNotFound"), a static string.
 */
const char *qmp_error_class_name(QmpErrorClass cls);

/**
 * QmpArgType: what JSON type an argument must have.
 * @QMP_ARG_STRING: a JSON string.
 * @QMP_ARG_INT: a JSON number without fraction or exponent.
 * @QMP_ARG_BOOL: true or false.
 * @QMP_ARG_STRING_ARRAY: an array of strings.
 * @QMP_ARG_SCALAR: a string, an integer or a boolean (device_add's
 *     properties, which become "key=value" text as on the command line).
 */
typedef enum QmpArgType {
    QMP_ARG_STRING,
    QMP_ARG_INT,
    QMP_ARG_BOOL,
    QMP_ARG_STRING_ARRAY,
    QMP_ARG_SCALAR,
} QmpArgType;

/**
 * QmpArgSpec: one argument a command takes.
 * @name: its member name in "arguments".
 * @type: the JSON type it must have.
 * @optional: may be left out.
 */
typedef struct QmpArgSpec {
    const char *name;
    QmpArgType type;
    bool optional;
} QmpArgSpec;

/**
 * QmpCommandFn: run one command whose arguments were checked against its
 * QmpArgSpec list.
 * @args: the "arguments" object (empty when the request had none).
 * @errp: on failure, one message for "desc"; domain QMP_ERROR picks the
 *     error class, any other domain gives GenericError.
 * Returns: the "return" value (a new node, e.g. an empty object), or
 * NULL with @errp set.
 */
typedef JsonNode *(*QmpCommandFn)(JsonObject *args, GError **errp);

/**
 * QmpCommand: a command as registered.
 * @name: its "execute" name.
 * @fn: the handler.
 * @args: the arguments it takes, ended by an element with a NULL @name;
 *     NULL for none.  Missing required arguments, unknown ones and ones
 *     of the wrong type are refused before @fn runs, with QEMU's
 *     messages ("Parameter 'id' is missing", "Parameter 'x' is
 *     unexpected", "Invalid parameter type for 'id', expected: string").
 * @extra_scalars: arguments not in @args are accepted when they are
 *     scalars (QMP_ARG_SCALAR), for device_add's device properties.
 */
typedef struct QmpCommand {
    const char *name;
    QmpCommandFn fn;
    const QmpArgSpec *args;
    bool extra_scalars;
} QmpCommand;

/**
 * qmp_register_command: make @cmd (static storage) available to every
 * monitor.  Registering a name twice is a programming error (it aborts at
 * start-up, before any client input).
 */
void qmp_register_command(const QmpCommand *cmd);

/**
 * qmp_command_names: Returns: the names of all registered commands,
 * qmp_capabilities included, sorted (query-commands); a GPtrArray of
 * static strings, owned by the caller.
 */
GPtrArray *qmp_command_names(void);

/**
 * qmp_event_emit: send an asynchronous event to every client that has
 * completed capabilities negotiation, stamped with the wall-clock time.
 * @name: the event name, e.g. "DEVICE_DELETED".
 * @data: the "data" member (consumed; NULL for an event without data).
 */
void qmp_event_emit(const char *name, JsonObject *data);

/**
 * qmp_monitor_init: start a QMP monitor (-qmp SPEC).
 * @spec: "stdio" (requests on stdin, replies on stdout), "unix:PATH"
 *     (connect to a listening client), or "unix:PATH,server=on" with
 *     optional ",wait=off" (listen on PATH; with wait=on, QEMU's default
 *     for a server, start-up blocks until the first client connects).
 *     A listening monitor serves one client at a time; the next one is
 *     accepted when the current one leaves.  A client leaving never
 *     stops the machine.
 * Several monitors may run at once.
 * Returns: false with @errp set (bad spec, socket errors), naming the
 * option and the value.
 */
bool qmp_monitor_init(const char *spec, GError **errp);

/**
 * qmp_monitor_cleanup: flush what is still queued for the clients (for a
 * bounded time: the reply to "quit" must reach its client), close every
 * monitor and remove listening sockets.
 */
void qmp_monitor_cleanup(void);

#endif /* MONITOR_QMP_H */
