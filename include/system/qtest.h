/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtest.h: the qtest server's extension point.
 *
 * The server (system/qtest.c) owns framing, the memory requests and the
 * log.  Other parts of the machine add requests of their own (the s390x
 * I/O instructions, interruption waits) by registering a handler from a
 * type_init() constructor; nothing in qtest.c lists them.  The protocol is
 * in docs/devel/qtest-s390x.rst.
 */
#ifndef SYSTEM_QTEST_H
#define SYSTEM_QTEST_H

#include <stdbool.h>
#include <glib.h>

/**
 * QTestCommandFn: handle one request.
 * @argc, @argv: the request split at single spaces; argv[0] is its name.
 * @reply: on success, append the words after "OK" (may stay empty).
 * @errp: on failure, set a one-line message; the client gets "FAIL <msg>"
 *        and nothing in the machine may have changed.
 * Returns: true on success.
 */
typedef bool (*QTestCommandFn)(int argc, char **argv, GString *reply,
                               GError **errp);

/**
 * qtest_register_command: add request @name (a static string) served by
 * @fn.  Registering a name twice is a programming error (it aborts at
 * start-up, before any guest input).
 */
void qtest_register_command(const char *name, QTestCommandFn fn);

/**
 * qtest_parse_u64: parse a request argument, decimal or 0x-prefixed hex.
 * @what: the argument's role, used in the error message ("address").
 * Returns: false with @errp set to "bad <what> '<arg>'" on any junk or
 * overflow.
 */
bool qtest_parse_u64(const char *arg, const char *what, uint64_t *val,
                     GError **errp);

/**
 * qtest_server_init: start serving the qtest protocol.
 * @spec: "stdio", "unix:PATH" (connect to a listening test) or
 *        "unix:PATH,server=on" (listen; one client at a time, the next
 *        one accepted when the current one leaves).
 * @logfile: NULL, or a file that gets every request and reply with a
 *           timestamp ("-qtest-log").
 * In stdio and connect mode, end of input requests a clean shutdown.
 * Returns: false with @errp set (bad spec, socket or log file errors).
 */
bool qtest_server_init(const char *spec, const char *logfile, GError **errp);

/** qtest_server_cleanup: close sockets and the log; remove a listening socket. */
void qtest_server_cleanup(void);

/**
 * qtest_process_request: handle one request line (without its newline)
 * as the server does, for in-process callers.
 * Returns: the reply line without newline ("OK ...", "FAIL ..."); owned
 * by the caller.
 */
char *qtest_process_request(const char *line);

#endif /* SYSTEM_QTEST_H */
