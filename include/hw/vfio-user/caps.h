/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * caps.h: the capabilities document of the vfio-user VERSION message,
 * written and read the same way by the machine's client (hw/vfio-user/
 * proxy.c) and by the vfio-user-ccw server (contrib/vfio-user-ccw/
 * server-cmds.c).
 *
 * The document is a JSON object {"capabilities": {...}} (vfio-user spec,
 * "Version"; facts-vfio-user.md section 3.1).  Each side states its own
 * limits in it; what a side then does with the peer's limits (refuse,
 * narrow) is its own policy and stays with that side.
 */
#ifndef HW_VFIO_USER_CAPS_H
#define HW_VFIO_USER_CAPS_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * VFIOUserCaps: the numeric capabilities of one side, host order.
 * @max_msg_fds: most fds the side can receive in one message.
 * @max_data_xfer_size: most bytes in one REGION_READ/WRITE or
 *     DMA_READ/WRITE, in bytes.
 * @max_dma_maps: most DMA windows valid at once.
 * @pgsizes: OR of the DMA page sizes the side supports, in bytes.
 *
 * A member the peer leaves out holds the spec's default
 * (VFIO_USER_DEF_* in protocol.h).  Members the spec defines but we do
 * not use (twin_socket, write_multiple, migration) are neither sent nor
 * read.
 */
typedef struct VFIOUserCaps {
    uint64_t max_msg_fds;
    uint64_t max_data_xfer_size;
    uint64_t max_dma_maps;
    uint64_t pgsizes;
} VFIOUserCaps;

/**
 * vfio_user_caps_defaults: what a peer that sends no capabilities (or no
 * document at all) has: 1 fd, 1 MiB transfers, 65535 windows, 4 KiB
 * pages.
 */
VFIOUserCaps vfio_user_caps_defaults(void);

/**
 * vfio_user_caps_to_json: the document stating @caps, all four members.
 * Returns a NUL-terminated UTF-8 string for the VERSION message (free it
 * with g_free(); the NUL is part of the message).
 */
char *vfio_user_caps_to_json(const VFIOUserCaps *caps);

/**
 * vfio_user_caps_from_json: read a peer's document.
 * @json: @len bytes of UTF-8 (no NUL needed inside @len).
 * @caps: filled with the peer's values over the defaults; untouched on
 *     error.
 *
 * An empty document (@len 0: the message carried only the NUL) or a
 * missing "capabilities" member means all defaults; members we do not
 * know are ignored, as the spec lets a newer peer add them.  Returns
 * false with G_IO_ERROR_INVALID_DATA when the document is not a JSON
 * object, "capabilities" is not an object, or one of our four members is
 * not an integer from 0 to 2^63-1; the message names the member.
 */
bool vfio_user_caps_from_json(const char *json, size_t len,
                              VFIOUserCaps *caps, GError **errp);

#endif /* HW_VFIO_USER_CAPS_H */
