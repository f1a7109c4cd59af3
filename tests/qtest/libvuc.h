/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libvuc.h: start and stop a real vfio-user-ccw server for qtests.
 *
 * Either on a fresh 3390 volume in a temporary directory of its own
 * (vuc_server_start), or on an image and socket path the test chose
 * (vuc_server_serve), e.g. to restart the server on the same image after
 * killing it.  Programs go through qtest_argv_add_binary()'s wrapper, so
 * the s390x build under qemu-user runs the s390x server too.
 */
#ifndef TESTS_QTEST_LIBVUC_H
#define TESTS_QTEST_LIBVUC_H

#include <sys/types.h>
#include <glib.h>

/**
 * VucServer: one running server.
 * @sock: its socket.
 * @pid: the process (of the exe wrapper under qemu-user), 0 once killed.
 * @dir, @volume: the temporary directory and image vuc_server_start()
 *     made (removed by vuc_server_stop()); NULL for vuc_server_serve().
 */
typedef struct VucServer {
    char *sock;
    GPid pid;
    char *dir;
    char *volume;
} VucServer;

/** vuc_server_binary: Returns: $VFIO_USER_CCW_BINARY (fails the test if unset). */
const char *vuc_server_binary(void);

/**
 * vuc_server_serve: serve @image with the --dasd options @dasd_opts
 * (",readonly=on", or "") on socket @sock (a stale one is removed), with
 * the extra options @args (NULL-terminated, may be NULL).  Waits until
 * the socket exists; fails the test if the server exits or does not
 * listen within 20 s.
 */
VucServer *vuc_server_serve(const char *image, const char *dasd_opts,
                            const char *sock, const char *const *args);

/**
 * vuc_server_serve_fsize: vuc_server_serve() with the server's file-size
 * limit (RLIMIT_FSIZE) at @fsize_limit bytes (0: none): its writes at or
 * past that offset of the image fail with EFBIG, as on a full file
 * system, with no hook in the server.
 */
VucServer *vuc_server_serve_fsize(const char *image, const char *dasd_opts,
                                  const char *sock, const char *const *args,
                                  off_t fsize_limit);

/**
 * vuc_server_start: make a @cyls-cylinder 3390 volume (ckd_create) in a
 * new temporary directory and serve it there with @args, e.g.
 * "--devno", "0.0.1234".
 */
VucServer *vuc_server_start(unsigned cyls, const char *const *args);

/**
 * vuc_server_stop: SIGTERM, wait, and check the exit status is 0 (the
 * server's clean shutdown), then remove its socket and what
 * vuc_server_start() made.  NULL is allowed.
 */
void vuc_server_stop(VucServer *s);

/** vuc_server_kill: SIGKILL and reap (fault tests); @s stays, pid 0. */
void vuc_server_kill(VucServer *s);

#endif /* TESTS_QTEST_LIBVUC_H */
