/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libqmp.h: the test side of the QMP monitor, beside libqtest.
 *
 * qmp_machine_start() starts a machine with both a qtest session (for
 * the guest's I/O instructions) and a listening QMP socket, connects to
 * the socket and negotiates capabilities.  Commands carry an id of
 * their own; replies are matched by it, and events met on the way are
 * queued for qmp_event_wait().  Every helper fails the test (g_error)
 * when the machine does not answer within QMP_TIMEOUT_MS.
 */
#ifndef TESTS_QTEST_LIBQMP_H
#define TESTS_QTEST_LIBQMP_H

#include <stdbool.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "libqtest.h"

#define QMP_TIMEOUT_MS 10000

typedef struct QmpClient QmpClient;

/**
 * qmp_client_connect: connect to the QMP socket at @path (retrying for a
 * while: the machine may still be starting) and read the greeting.
 * Returns: the client; its greeting is qmp_client_greeting().
 */
QmpClient *qmp_client_connect(const char *path);

/**
 * qmp_client_try_connect: connect to @path once.
 * Returns: the client without reading anything, or NULL on failure.
 */
QmpClient *qmp_client_try_connect(const char *path);

/** qmp_client_close: close the connection (the machine goes on). */
void qmp_client_close(QmpClient *c);

/** qmp_client_greeting: Returns: the greeting's "QMP" object (borrowed). */
JsonObject *qmp_client_greeting(QmpClient *c);

/** qmp_client_negotiate: send qmp_capabilities; asserts {"return": {}}. */
void qmp_client_negotiate(QmpClient *c);

/** qmp_send_raw: write @len bytes of @text as they are. */
void qmp_send_raw(QmpClient *c, const char *text, size_t len);

/**
 * qmp_send_some: write as much of @text as the socket takes now, without
 * waiting.  Returns: the bytes written.
 */
size_t qmp_send_some(QmpClient *c, const char *text, size_t len);

/**
 * qmp_receive: Returns: the next message from the machine (any kind),
 * or NULL if none came within @timeout_ms; owned by the caller.
 * Fails the test if the connection closes.
 */
JsonObject *qmp_receive(QmpClient *c, int timeout_ms);

/**
 * qmp_receive_eof: Returns: true if the machine closed the connection
 * within @timeout_ms without sending anything more.
 */
bool qmp_receive_eof(QmpClient *c, int timeout_ms);

/**
 * qmp_execute: send {"execute": @cmd, "arguments": @args_json, "id": ID}
 * with a fresh ID and wait for the reply carrying it.
 * @args_json: the arguments object as JSON text, or NULL for none.
 * Returns: the whole reply object; owned by the caller.
 */
JsonObject *qmp_execute(QmpClient *c, const char *cmd, const char *args_json);

/**
 * qmp_execute_ok: qmp_execute() that must succeed.
 * Returns: the "return" member (a copy, owned by the caller).
 */
JsonNode *qmp_execute_ok(QmpClient *c, const char *cmd,
                         const char *args_json);

/**
 * qmp_assert_error: @reply must be {"error": {"class": @cls, "desc": D}}
 * with @desc_part a substring of D.
 */
void qmp_assert_error(JsonObject *reply, const char *cls,
                      const char *desc_part);

/**
 * qmp_event_wait: Returns: the first queued or arriving event named @name
 * (removed from the queue), or NULL after @timeout_ms; owned by the
 * caller.
 */
JsonObject *qmp_event_wait(QmpClient *c, const char *name, int timeout_ms);

/**
 * QmpMachine: a machine with a qtest session and a QMP client.
 * @qts: the qtest session.  @qmp: a negotiated QMP client.
 * @qmp_path: the monitor's socket.
 */
typedef struct QmpMachine {
    QTestState *qts;
    QmpClient *qmp;
    char *dir;
    char *qmp_path;
} QmpMachine;

/**
 * qmp_machine_start: start a machine with @extra_args plus
 * "-qmp unix:SOCKET,server=on,wait=off", connect and negotiate.
 */
QmpMachine *qmp_machine_start(const char *extra_args);

/**
 * qmp_machine_stop: close the QMP client and end the machine with
 * qtest_quit() (which fails the test unless it exits with status 0).
 */
void qmp_machine_stop(QmpMachine *m);

/** qmp_node_get_object: Returns: @node's object; fails unless it is one. */
JsonObject *qmp_node_get_object(JsonNode *node);

/** qmp_node_get_array: Returns: @node's array; fails unless it is one. */
JsonArray *qmp_node_get_array(JsonNode *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QmpClient, qmp_client_close)

#endif /* TESTS_QTEST_LIBQMP_H */
