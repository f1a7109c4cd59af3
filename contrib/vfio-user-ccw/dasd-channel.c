/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-channel.c: gather/scatter between the channel's data stream and
 * the contiguous buffer of dasd_eckd_execute().
 */
#include "qemu/osdep.h"

#include "dasd-channel.h"

struct DasdChannel {
    DasdEckd *dasd;
    uint8_t *buf;           /* grows to the largest command seen */
    size_t buf_size;
};

DasdChannel *dasd_channel_new(DasdEckd *dasd)
{
    DasdChannel *dc = g_new0(DasdChannel, 1);

    dc->dasd = dasd;
    return dc;
}

void dasd_channel_free(DasdChannel *dc)
{
    if (!dc) {
        return;
    }
    g_free(dc->buf);
    g_free(dc);
}

static uint8_t *dasd_channel_buf(DasdChannel *dc, size_t len)
{
    if (len > dc->buf_size) {
        dc->buf = g_realloc(dc->buf, len);
        dc->buf_size = len;
    }
    memset(dc->buf, 0, len);
    return dc->buf;
}

/* How an output command's data reached the adapter's buffer. */
typedef enum DasdChannelData {
    DATA_NONE,          /* an input command, or a count of 0 */
    DATA_PEEKED,        /* looked at: the channel has not moved it yet */
    DATA_FETCHED,       /* moved already, as much as could be */
    DATA_FAILED,        /* the channel met a check: end the command */
} DasdChannelData;

/*
 * The DASD model decides how much of an output command's data it takes
 * only with all of it in hand (a Write Data takes the record's length, a
 * No-Op none), while the channel must move only what the device takes.
 * So look at the whole count first.  When the look comes up short, a
 * check lies inside the count (or the program changed its data chain
 * meanwhile): fetch for real, so that the channel reports the check and
 * the command never reaches the device.  *@count becomes the bytes in
 * @buf.
 */
static DasdChannelData dasd_channel_get(CcwDataStream *ds, uint8_t *buf,
                                        uint32_t *count)
{
    size_t seen = ccw_stream_peek(ds, buf, *count);

    if (seen == *count) {
        return DATA_PEEKED;
    }
    *count = ccw_stream_fetch(ds, buf, *count);
    return ccw_stream_failed(ds) ? DATA_FAILED : DATA_FETCHED;
}

static void dasd_channel_execute(void *opaque, const CcwDevCommand *cmd,
                                 CcwDataStream *ds, CcwDevResult *res)
{
    DasdChannel *dc = opaque;
    CcwCmdClass cls = ccw_cmd_class(cmd->cmd);
    bool output = cls == CCW_CMD_CLASS_WRITE || cls == CCW_CMD_CLASS_CONTROL;
    /*
     * A No-Op takes no data whatever its count, and the translator leaves
     * its data address unmapped (as the kernel's vfio-ccw does): look at
     * nothing there.
     */
    uint32_t count = cmd->cmd == CCW_CMD_NOOP ? 0 :
                     MIN(cmd->total_count, DASD_CHANNEL_MAX_XFER);
    uint8_t *buf = count ? dasd_channel_buf(dc, count) : NULL;
    DasdChannelData got = DATA_NONE;
    uint32_t data_len = 0;
    uint8_t dstat;

    if (output && count) {
        got = dasd_channel_get(ds, buf, &count);
        if (got == DATA_FAILED) {
            return;
        }
    }
    dstat = dasd_eckd_execute(dc->dasd, cmd->cmd, cmd->chained,
                              count ? buf : NULL, count, &data_len);
    if (got == DATA_PEEKED) {
        /*
         * Now the channel moves what the device took, so the residual
         * count and incorrect length are what they would be had the
         * device asked for exactly that.
         */
        ccw_stream_fetch(ds, buf, MIN(count, data_len));
    } else if (!output && count && data_len) {
        ccw_stream_store(ds, buf, MIN(count, data_len));
    }
    res->dstat = dstat;
    res->data_len = data_len;
    /*
     * A control command that wants no parameter bytes (No-Op,
     * Recalibrate) ends at initiation: an immediate operation.
     */
    res->immediate = cls == CCW_CMD_CLASS_CONTROL && data_len == 0;
}

const CcwDevOps dasd_channel_ops = {
    .execute = dasd_channel_execute,
};

static uint8_t dasd_channel_program_end(void *opaque)
{
    DasdChannel *dc = opaque;

    return dasd_eckd_chain_end(dc->dasd);
}

static void dasd_channel_get_sense(void *opaque,
                                   uint8_t sense[SENSE_DATA_SIZE])
{
    DasdChannel *dc = opaque;

    QEMU_BUILD_BUG_ON(SENSE_DATA_SIZE != DASD_ECKD_SENSE_SIZE);
    dasd_eckd_get_sense(dc->dasd, sense);
}

void dasd_channel_device(DasdChannel *dc, MdevDevice *dev)
{
    *dev = (MdevDevice) {
        .ops = &dasd_channel_ops,
        .opaque = dc,
        .program_end = dasd_channel_program_end,
        .get_sense = dasd_channel_get_sense,
    };
}
