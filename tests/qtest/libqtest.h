/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libqtest.h: the test side of the qtest protocol.
 *
 * A test starts the machine (the binary named by $QTEST_QEMU_BINARY) with
 * its own arguments plus "-qtest unix:SOCKET -accel qtest", talks to it
 * over that socket, and ends it with qtest_quit(), which fails the test
 * if the machine died by a signal or exited with a non-zero status.
 * Every helper fails the test (g_assert) on a FAIL reply unless its name
 * says it returns the reply.
 */
#ifndef TESTS_QTEST_LIBQTEST_H
#define TESTS_QTEST_LIBQTEST_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <glib.h>

typedef struct QTestState QTestState;

/**
 * qtest_init: start a machine with @extra_args (shell-style words, e.g.
 * "-M s390-ccw-virtio -m 64M -device ccw-testdev,devno=fe.0.0001").
 * Returns: the connected session; fails the test if the binary is not
 * set, does not start or does not connect within 30 seconds.
 */
QTestState *qtest_init(const char *extra_args);

/** qtest_initf: qtest_init() with printf-style arguments. */
QTestState *qtest_initf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/**
 * qtest_quit: close the session, wait for the machine to exit and reap
 * it; fails the test if it was killed by a signal or exited non-zero.
 */
void qtest_quit(QTestState *s);

/** qtest_pid: Returns: the machine's process id. */
pid_t qtest_pid(QTestState *s);

/**
 * qtest_request: send one request line (no newline).
 * Returns: the whole reply line without newline ("OK ...", "FAIL ...");
 * owned by the caller.
 */
char *qtest_request(QTestState *s, const char *line);

/** qtest_requestf: qtest_request() with printf-style arguments. */
char *qtest_requestf(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/**
 * qtest_ok: send a request that must succeed.
 * Returns: the words after "OK" (maybe empty); owned by the caller.
 */
char *qtest_okf(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/** qtest_cmdf: send a request that must succeed; its reply words are dropped. */
void qtest_cmdf(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

uint8_t qtest_readb(QTestState *s, uint64_t addr);
uint16_t qtest_readw(QTestState *s, uint64_t addr);
uint32_t qtest_readl(QTestState *s, uint64_t addr);
uint64_t qtest_readq(QTestState *s, uint64_t addr);
void qtest_writeb(QTestState *s, uint64_t addr, uint8_t val);
void qtest_writew(QTestState *s, uint64_t addr, uint16_t val);
void qtest_writel(QTestState *s, uint64_t addr, uint32_t val);
void qtest_writeq(QTestState *s, uint64_t addr, uint64_t val);

/** qtest_memread: copy @size guest bytes at @addr into @buf (uses b64read). */
void qtest_memread(QTestState *s, uint64_t addr, void *buf, size_t size);

/** qtest_memwrite: copy @size bytes from @buf to guest @addr (uses b64write). */
void qtest_memwrite(QTestState *s, uint64_t addr, const void *buf,
                    size_t size);

/** qtest_memset: fill @size guest bytes at @addr with @byte. */
void qtest_memset(QTestState *s, uint64_t addr, uint8_t byte, size_t size);

/**
 * qtest_run_binary: run the machine binary with @args (shell-style words),
 * @stdin_text on its standard input (may be NULL), and wait for it.
 * @out, @err: its standard output and error (owned by the caller).
 * Returns: its exit status, or 128 + signal number if it was killed.
 */
int qtest_run_binary(const char *args, const char *stdin_text, char **out,
                     char **err);

/** qtest_binary: Returns: $QTEST_QEMU_BINARY; fails the test if unset. */
const char *qtest_binary(void);

/**
 * qtest_argv_add_binary: Append to @argv the command that starts the
 * machine: the words of $MESON_EXE_WRAPPER when set (meson test sets it for
 * cross builds, e.g. "qemu-s390x-static -L SYSROOT"), then
 * $QTEST_QEMU_BINARY.
 * @argv: argument vector being built (elements owned, g_free).
 */
void qtest_argv_add_binary(GPtrArray *argv);

#endif /* TESTS_QTEST_LIBQTEST_H */
