/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libvuc.h: start and stop a real vfio-user-ccw server for qtests.
 *
 * The server runs on a fresh 3390 volume in a temporary directory (made
 * with ckd_create(), or a copy of a given image) and listens on a socket
 * there.  Programs go through qtest_argv_add_binary()'s wrapper, so the
 * s390x build under qemu-user runs the s390x server too.
 */
#ifndef TESTS_QTEST_LIBVUC_H
#define TESTS_QTEST_LIBVUC_H

#include <glib.h>

/**
 * VucServer: one running server.
 * @dir: its temporary directory; @volume: the image; @sock: the socket.
 * @pid: the process (of the exe wrapper under qemu-user).
 */
typedef struct VucServer {
    char *dir;
    char *volume;
    char *sock;
    GPid pid;
} VucServer;

/** vuc_server_binary: Returns: $VFIO_USER_CCW_BINARY (fails the test if unset). */
const char *vuc_server_binary(void);

/**
 * vuc_server_start: make a @cyls-cylinder 3390 volume and serve it with
 * the extra options @args (NULL-terminated, may be NULL), e.g.
 * "--devno", "0.0.1234".  Waits until the socket exists; fails the test
 * if the server exits or does not listen within 20 s.
 */
VucServer *vuc_server_start(unsigned cyls, const char *const *args);

/**
 * vuc_server_stop: SIGTERM, wait, and check the exit status is 0 (the
 * server's clean shutdown), then remove the files.  NULL is allowed.
 */
void vuc_server_stop(VucServer *s);

/** vuc_server_kill: SIGKILL and reap (fault tests); then vuc_server_stop() only cleans up. */
void vuc_server_kill(VucServer *s);

#endif /* TESTS_QTEST_LIBVUC_H */
