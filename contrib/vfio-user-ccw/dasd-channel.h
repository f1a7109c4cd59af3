/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-channel.h: the 3390 DASD model (dasd-eckd.h) as the device behind
 * the simulated subchannel, in the shape the channel interpreter and the
 * mdev want (CcwDevOps, MdevDevice).
 *
 * The interpreter hands a command a data stream that hides data chaining,
 * IDALs and skipping; dasd_eckd_execute() wants one contiguous buffer.
 * The adapter gathers an output command's data from the stream into a
 * buffer before the command, and scatters an input command's data from
 * the buffer into the stream after it.  It also ends programs for the
 * 3990 (an open Locate Record domain is a unit check) and supplies the
 * sense bytes for concurrent sense.
 *
 * Limits: one command moves at most DASD_CHANNEL_MAX_XFER bytes (a data
 * chain longer than that is cut there; a single CCW moves at most 65535).
 */
#ifndef VFIO_USER_CCW_DASD_CHANNEL_H
#define VFIO_USER_CCW_DASD_CHANNEL_H

#include "dasd-eckd.h"
#include "mdev.h"

/* DASD_CHANNEL_MAX_XFER: bytes one command's buffer can hold. */
#define DASD_CHANNEL_MAX_XFER (1024 * 1024)

/** DasdChannel: the adapter for one DASD. Opaque. */
typedef struct DasdChannel DasdChannel;

/**
 * dasd_channel_new: wrap @dasd, which must outlive the adapter.
 * Returns: the adapter; free with dasd_channel_free().
 */
DasdChannel *dasd_channel_new(DasdEckd *dasd);

/** dasd_channel_free: @dc: the adapter, or NULL. */
void dasd_channel_free(DasdChannel *dc);

/**
 * dasd_channel_device: fill @dev so that an Mdev drives the DASD through
 * @dc (ops, program end, sense).
 */
void dasd_channel_device(DasdChannel *dc, MdevDevice *dev);

/**
 * dasd_channel_ops: the interpreter's device callbacks (opaque: the
 * DasdChannel), for callers that run programs without an Mdev.
 */
extern const CcwDevOps dasd_channel_ops;

#endif /* VFIO_USER_CCW_DASD_CHANNEL_H */
