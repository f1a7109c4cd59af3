/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtest-client.h: ccw-guest's end of the qtest line protocol
 * (docs/devel/qtest-s390x.rst).
 *
 * The machine listens with `-qtest unix:PATH,server=on` and serves one
 * client at a time, keeping guest memory and subchannel state between
 * clients.  ccw-guest connects, plays the CPU for one command, and leaves.
 * Every request is one line and gets one reply line: "OK [values]" or
 * "FAIL message".  A FAIL, a closed socket or a reply that does not parse
 * is a GError in GUEST_ERROR_PROTOCOL naming the request.
 *
 * Guest memory is big-endian bytes; these calls move bytes and never
 * interpret them.  Who calls it: css-guest.c and main.c, one thread.
 */
#ifndef CCW_GUEST_QTEST_CLIENT_H
#define CCW_GUEST_QTEST_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/** QtestClient: one connection to a machine's qtest socket.  Opaque. */
typedef struct QtestClient QtestClient;

/**
 * qtc_connect: connect to the qtest socket at @path.
 * @path: the UNIX socket path given to -qtest unix:PATH,server=on.
 * @timeout_s: seconds any single request may take before the connection
 *             is given up (the machine may be wedged); 0 waits forever.
 * @errp: "PATH: cannot connect: reason" with a hint.
 * Returns: the client, or NULL.
 */
QtestClient *qtc_connect(const char *path, unsigned timeout_s, GError **errp);

/** qtc_free: close and free @c (NULL allowed). */
void qtc_free(QtestClient *c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QtestClient, qtc_free)

/**
 * qtc_request: send one request and wait for its reply.
 * @c: the client.
 * @errp: on FAIL or a broken connection.
 * @fmt: printf format of the request line, without the newline.
 * Returns: what followed "OK" (without the separating blank, possibly
 * empty; g_free), or NULL.
 */
char *qtc_request(QtestClient *c, GError **errp, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

/**
 * qtc_mem_write: store @len bytes at guest absolute address @addr.
 * @c: the client.  @addr: guest address.  @buf: the bytes.  @len: count.
 * @errp: on failure (e.g. outside guest RAM).
 * Returns: true on success.
 */
bool qtc_mem_write(QtestClient *c, uint64_t addr, const void *buf,
                   size_t len, GError **errp);

/**
 * qtc_mem_read: fetch @len bytes from guest absolute address @addr.
 * @c: the client.  @addr: guest address.  @buf: receives the bytes.
 * @len: count.  @errp: on failure.
 * Returns: true on success.
 */
bool qtc_mem_read(QtestClient *c, uint64_t addr, void *buf, size_t len,
                  GError **errp);

/**
 * qtc_mem_fill: set @len bytes at @addr to @byte.
 * @c: the client.  @addr: guest address.  @byte: fill value.
 * @len: count.  @errp: on failure.
 * Returns: true on success.
 */
bool qtc_mem_fill(QtestClient *c, uint64_t addr, uint8_t byte, size_t len,
                  GError **errp);

/** QTC_PGM: qtc_ioinst() result for program-interruption code @code. */
#define QTC_PGM(code) (0x100 + (code))

/**
 * qtc_ioinst: execute I/O instruction @name ("ssch", "tsch", ...).
 * @c: the client.
 * @name: the instruction's mnemonic in lower case.
 * @gr1: general register 1 (the subsystem-identification word).
 * @op: second-operand address; not sent for csch, hsch, xsch, rsch.
 * @errp: on a protocol failure.
 * Returns: the condition code 0-3, QTC_PGM(code) if the instruction
 * raised a program interruption, or -1 with @errp set.
 */
int qtc_ioinst(QtestClient *c, const char *name, uint32_t gr1, uint64_t op,
               GError **errp);

/**
 * qtc_io_wait: wait for an I/O interruption of an ISC enabled in CR6 and
 * accept it, as a CPU enabled for I/O would.
 * @c: the client.
 * @ms: give up after this many milliseconds.
 * @sid: receives the subsystem-identification word.
 * @intparm: receives the interruption parameter.
 * @errp: on a protocol failure.
 * Returns: 1 when an interruption was taken, 0 when none came in time,
 * -1 with @errp set.
 */
int qtc_io_wait(QtestClient *c, unsigned ms, uint32_t *sid,
                uint32_t *intparm, GError **errp);

/**
 * qtc_requests: @c: the client.
 * Returns: requests sent so far (for --stats).
 */
uint64_t qtc_requests(const QtestClient *c);

#endif /* CCW_GUEST_QTEST_CLIENT_H */
