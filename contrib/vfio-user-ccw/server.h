/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * server.h: the vfio-user server side of vfio-user-ccw: the socket, the
 * framing of messages and their file descriptors, and the commands that
 * a vfio-ccw device needs (include/hw/vfio-user/protocol.h says which and
 * how each is validated).
 *
 * One client at a time: a second connection is accepted, told nothing,
 * closed at once, and one line is logged.  A client's session starts with
 * a successful VERSION (FSM OPEN on the mdev) and ends when it closes the
 * socket or breaks the protocol beyond repair: its DMA windows are
 * unmapped and its IRQ eventfds closed (FSM CLOSE), but the device keeps
 * its state (the DASD, queued CRWs) for the next client.
 *
 * Every request is checked before it is acted on: message size against
 * the command's layout, argsz, the number of fds, flags, region index,
 * offset and count.  A bad request gets an error reply (the header with
 * VFIO_USER_ERROR and an errno) and the session goes on; only a broken
 * socket ends it.  Messages larger than VFIO_USER_CCW_MAX_MSG_SIZE get
 * E2BIG and their payload is skipped.
 *
 * Runs on the thread-default GMainContext of whoever creates it (the
 * program's only thread); nothing here blocks except sending a reply,
 * which gives up after 5 seconds and drops the client.
 */
#ifndef VFIO_USER_CCW_SERVER_H
#define VFIO_USER_CCW_SERVER_H

#include <stdbool.h>
#include <glib.h>

#include "dma-map.h"
#include "mdev.h"

/** VucServer: the server. Opaque. */
typedef struct VucServer VucServer;

/**
 * vuc_server_new: a server for @mdev, whose DMA windows live in @maps
 * (both must outlive the server).
 * @trace: log every message and its answer to stderr.
 */
VucServer *vuc_server_new(Mdev *mdev, DmaMaps *maps, bool trace);

/**
 * vuc_server_set_latency: let a started channel program run @ms
 * milliseconds after the start was accepted, as a real device takes its
 * time (seek, rotation), instead of at the next turn of the main loop.
 * Halt and clear still act at once, on the program that is then active.
 * 0 (the default) means no delay.
 */
void vuc_server_set_latency(VucServer *s, unsigned ms);

/**
 * vuc_server_free: disconnect the client (as if it went away), stop
 * listening, remove the socket file the server created.  NULL allowed.
 */
void vuc_server_free(VucServer *s);

/**
 * vuc_server_listen: create a UNIX socket at @path with mode 0600 and
 * accept clients on it.  A stale socket file (nothing listening) is
 * replaced; any other existing file is an error.
 * @errp: one line naming @path and the reason.
 * Returns: true on success.
 */
bool vuc_server_listen(VucServer *s, const char *path, GError **errp);

/**
 * vuc_server_use_fd: serve on an inherited socket @fd (the vfio-user
 * "--fd" convention): a listening socket is used for accepting clients;
 * a connected one is the one and only client, and when it goes away the
 * server calls the function set with vuc_server_set_done().
 * @errp: "fd N is not a socket" and the like.
 * Returns: true on success; @s then owns @fd.
 */
bool vuc_server_use_fd(VucServer *s, int fd, GError **errp);

/**
 * vuc_server_set_done: call @fn(@opaque) when the server has nothing left
 * to serve (its only, inherited, connection closed).
 */
void vuc_server_set_done(VucServer *s, void (*fn)(void *), void *opaque);

/** vuc_server_has_client: Returns: whether a client is connected. */
bool vuc_server_has_client(const VucServer *s);

#endif /* VFIO_USER_CCW_SERVER_H */
