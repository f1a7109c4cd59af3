/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * server-int.h: what server.c (socket, framing, client life) and
 * server-cmds.c (the vfio-user commands) share.  Not for other users.
 */
#ifndef VFIO_USER_CCW_SERVER_INT_H
#define VFIO_USER_CCW_SERVER_INT_H

#include "hw/vfio-user/protocol.h"
#include "server.h"

/* VUC_MAX_RECV_FDS: fds one message may bring before it is refused. */
#define VUC_MAX_RECV_FDS 16

/* VUC_MAX_MSG_FDS: the max_msg_fds the server advertises. */
#define VUC_MAX_MSG_FDS 1

/* One connected client and the message being received from it. */
typedef struct VucClient {
    VucServer *server;
    int fd;
    guint watch;
    bool inherited;             /* the --fd connection: no listener */

    /* Framing: a header, then the rest of the message. */
    uint8_t hdr_bytes[sizeof(VFIOUserHdr)];
    uint32_t hdr_got;
    VFIOUserHdr hdr;
    uint8_t *msg;               /* whole message, header included */
    uint32_t msg_got;
    uint64_t discard;           /* payload bytes of a refused message */
    int fds[VUC_MAX_RECV_FDS];
    unsigned nfds;
    bool fds_lost;              /* more fds came than we take */

    /* Session. */
    bool versioned;
    uint32_t peer_max_xfer;
} VucClient;

struct VucServer {
    Mdev *mdev;
    DmaMaps *maps;
    bool trace;
    int listen_fd;
    guint listen_watch;
    char *path;                 /* socket file we created, to unlink */
    VucClient *client;
    guint work_source;
    bool work_is_timer;         /* work_source waits out @latency_ms */
    guint latency_ms;
    void (*done)(void *opaque);
    void *done_opaque;
};

/*
 * VucRequest: one received command.  @fds holds @nfds descriptors; a
 * handler that keeps one sets its slot to -1, the rest are closed after.
 */
typedef struct VucRequest {
    const VFIOUserHdr *hdr;
    const uint8_t *payload;
    uint32_t len;
    int *fds;
    unsigned nfds;
} VucRequest;

/*
 * vuc_handle_command: act on @req and append the reply payload (without
 * header) to @reply.  Returns 0, or a negative errno for an error reply.
 */
int vuc_handle_command(VucServer *s, VucClient *c, VucRequest *req,
                       GByteArray *reply);

/* vuc_command_name: "VERSION", "DMA_MAP", ..., or "unknown". */
const char *vuc_command_name(uint16_t command);

/* vuc_session_open/close: a client's session begins / ends (FSM). */
void vuc_session_close(VucServer *s, VucClient *c);

#endif /* VFIO_USER_CCW_SERVER_INT_H */
