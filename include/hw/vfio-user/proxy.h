/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proxy.h: the machine's end of one vfio-user connection.
 *
 * A proxy owns the AF_UNIX socket to a vfio-user server (one server, one
 * device), sends commands with their fds and waits for the matching
 * reply.  Requests are synchronous, as the kernel's ioctls and
 * pwrite()s are for vfio-ccw: the machine is single-threaded and the
 * guest's instruction needs the answer.  Every reply is validated
 * (type, id, command, size, error number) before anything in it is
 * used; a reply that fails validation, a timeout or a closed socket
 * marks the proxy dead for good, and the owner is told once.
 * Message layouts: include/hw/vfio-user/protocol.h.
 */
#ifndef HW_VFIO_USER_PROXY_H
#define HW_VFIO_USER_PROXY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "hw/vfio-user/protocol.h"

typedef struct VFIOUserProxy VFIOUserProxy;

/** VFIO_USER_REPLY_TIMEOUT_MS: a server that does not answer within this is dead. */
#define VFIO_USER_REPLY_TIMEOUT_MS 10000

/**
 * vfio_user_connect: connect to the server listening at @path and
 * negotiate the version (VERSION with our capabilities; the reply must
 * keep major 0, may only lower the minor, and its JSON is checked).
 * Returns: the proxy, or NULL with @errp set to one line naming @path.
 */
VFIOUserProxy *vfio_user_connect(const char *path, GError **errp);

/**
 * vfio_user_proxy_new: the same on an already connected stream socket
 * @fd (taken over: closed on failure too); @name names it in messages.
 * vfio_user_connect() uses it; tests and fuzzers give it a socketpair.
 */
VFIOUserProxy *vfio_user_proxy_new(int fd, const char *name, GError **errp);

/** vfio_user_proxy_free: close the socket and free (NULL allowed). */
void vfio_user_proxy_free(VFIOUserProxy *proxy);

/**
 * vfio_user_set_dead_notify: call @fn(@opaque) once when the connection
 * dies, also while idle (the socket is watched on the main loop).
 */
void vfio_user_set_dead_notify(VFIOUserProxy *proxy, void (*fn)(void *),
                               void *opaque);

/** vfio_user_is_dead: Returns: whether the connection is unusable. */
bool vfio_user_is_dead(const VFIOUserProxy *proxy);

/** vfio_user_max_xfer: Returns: the negotiated max_data_xfer_size (bytes). */
uint32_t vfio_user_max_xfer(const VFIOUserProxy *proxy);

/**
 * vfio_user_request: send command @msg (its hdr.command and hdr.size set;
 * id and flags are filled in) with @nfds file descriptors, and wait for
 * the reply.
 * @reply: buffer of @reply_max bytes for the whole reply, header included
 *     (may be @msg itself).
 * @reply_len: set to the reply's size on success.
 * Returns: 0; the negated errno of an error reply; -EPIPE if the
 * connection is (or just went) dead; -EPROTO if the reply was malformed
 * (the connection is then dead too); -E2BIG if the reply would not fit.
 */
int vfio_user_request(VFIOUserProxy *proxy, VFIOUserHdr *msg,
                      const int *fds, int nfds, void *reply,
                      size_t reply_max, size_t *reply_len);

#endif /* HW_VFIO_USER_PROXY_H */
