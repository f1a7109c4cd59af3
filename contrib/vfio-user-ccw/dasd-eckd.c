/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-eckd.c: the 3390/3990 model's life cycle, command dispatch, sense
 * data and Locate Record domain bookkeeping.
 *
 * Facts: facts-dasd-eckd.md sections 1.5 (sense), 2.1 (per-program state),
 * 2.3 (domains) and 2.7 (command table).
 */
#include "qemu/osdep.h"

#include "hw/s390x/ioinst.h"
#include "dasd-eckd-int.h"

#define STATUS_OK (SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END)

typedef bool DasdCmdFn(DasdEckd *d, DasdCmd *c);

/* How a command relates to Locate Record domains and index counting. */
enum {
    CMD_SEARCH = 0x01,      /* a search: does not end an index-point loop */
    CMD_UNCOUNTED = 0x02,   /* may run in a domain without counting */
};

typedef struct DasdCmdDesc {
    DasdCmdFn *fn;
    unsigned flags;
} DasdCmdDesc;

static DasdCmdFn dasd_cmd_sense, dasd_cmd_nop;

/* Every command code the model accepts; the rest are invalid commands. */
static const DasdCmdDesc dasd_cmds[256] = {
    [CCW_READ_IPL] = { dasd_cmd_read_ipl, 0 },
    [CCW_NOP] = { dasd_cmd_nop, 0 },
    [CCW_SENSE] = { dasd_cmd_sense, CMD_UNCOUNTED },
    [CCW_WRITE_DATA] = { dasd_cmd_write_update, 0 },
    [CCW_READ_DATA] = { dasd_cmd_read, 0 },
    [CCW_READ_DATA | CCW_MT] = { dasd_cmd_read, 0 },
    [CCW_SEEK] = { dasd_cmd_seek, 0 },
    [CCW_SEEK_CYL] = { dasd_cmd_seek, 0 },
    [CCW_SEEK_HEAD] = { dasd_cmd_seek, 0 },
    [CCW_WRITE_KD] = { dasd_cmd_write_update, 0 },
    [CCW_READ_KD] = { dasd_cmd_read, 0 },
    [CCW_READ_KD | CCW_MT] = { dasd_cmd_read, 0 },
    [CCW_ERASE] = { dasd_cmd_erase, 0 },
    [CCW_READ_COUNT] = { dasd_cmd_read, 0 },
    [CCW_READ_COUNT | CCW_MT] = { dasd_cmd_read, 0 },
    [CCW_RECALIBRATE] = { dasd_cmd_recalibrate, 0 },
    [CCW_WRITE_R0] = { dasd_cmd_write_r0, 0 },
    [CCW_READ_R0] = { dasd_cmd_read_r0, 0 },
    [CCW_READ_R0 | CCW_MT] = { dasd_cmd_read_r0, 0 },
    [CCW_READ_HA] = { dasd_cmd_read_ha, 0 },
    [CCW_READ_HA | CCW_MT] = { dasd_cmd_read_ha, 0 },
    [CCW_WRITE_CKD] = { dasd_cmd_write_ckd, 0 },
    [CCW_WRITE_CKD_NEXT_TRACK] = { dasd_cmd_write_ckd, 0 },
    [CCW_READ_CKD] = { dasd_cmd_read, 0 },
    [CCW_READ_CKD | CCW_MT] = { dasd_cmd_read, 0 },
    [CCW_SET_FILE_MASK] = { dasd_cmd_set_file_mask, 0 },
    [CCW_READ_SECTOR] = { dasd_cmd_sector, 0 },
    [CCW_SET_SECTOR] = { dasd_cmd_sector, 0 },
    [CCW_PSF] = { dasd_cmd_psf, 0 },
    [CCW_SEARCH_KEY_EQ] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_KEY_EQ | CCW_MT] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_KEY_HI] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_KEY_HI | CCW_MT] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_KEY_EH] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_KEY_EH | CCW_MT] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_ID_EQ] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_ID_EQ | CCW_MT] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_ID_HI] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_ID_HI | CCW_MT] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_ID_EH] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_ID_EH | CCW_MT] = { dasd_cmd_search, CMD_SEARCH },
    [CCW_SEARCH_HA_EQ] = { dasd_cmd_search_ha, CMD_SEARCH },
    [CCW_SEARCH_HA_EQ | CCW_MT] = { dasd_cmd_search_ha, CMD_SEARCH },
    [CCW_SNID] = { dasd_cmd_snid, 0 },
    [CCW_RSSD] = { dasd_cmd_rssd, 0 },
    [CCW_LOCATE_RECORD] = { dasd_cmd_locate_record, 0 },
    [CCW_READ_MULTIPLE_CKD] = { dasd_cmd_read_multiple_ckd, 0 },
    [CCW_DEFINE_EXTENT] = { dasd_cmd_define_extent, 0 },
    [CCW_RDC] = { dasd_cmd_rdc, 0 },
    [CCW_WRITE_UPDATE_DATA] = { dasd_cmd_write_update, 0 },
    [CCW_WRITE_UPDATE_KD] = { dasd_cmd_write_update, 0 },
    [CCW_SPID] = { dasd_cmd_spid, 0 },
    [CCW_READ_TRACK] = { dasd_cmd_read_track, 0 },
    [CCW_SENSE_ID] = { dasd_cmd_sense_id, 0 },
    [CCW_RCD] = { dasd_cmd_rcd, 0 },
};

/* ---- sense ---- */

bool dasd_fail(DasdEckd *d, uint8_t b0, uint8_t b1, uint8_t b7)
{
    uint8_t *s = d->sense;
    uint32_t cyl = d->ch.cyl, head = d->ch.head;

    memset(s, 0, DASD_ECKD_SENSE_SIZE);
    s[0] = b0;
    s[1] = b1;
    if (d->ch.lr_active) {
        /* residual Locate Record count */
        s[3] = MIN(d->ch.lr_left, 255u);
    }
    /*
     * Bytes 5-6: the classic 12-bit cylinder + head form; devices with more
     * than 4095 cylinders put 0xFF there and rely on bytes 28-31.
     */
    if (d->geo.cyls > 4095) {
        s[5] = 0xFF;
        s[6] = 0xFF;
    } else {
        s[5] = cyl & 0xFF;
        s[6] = ((cyl >> 8) << 4) | (head & 0x0F);
    }
    s[7] = b7;
    s[27] = DASD_SNS27_24BYTE_COMPAT | DASD_SNS27_ADDRESS_VALID;
    if (d->geo.cyls >= DASD_EAV_FIRST_CYL) {
        s[27] |= DASD_SNS27_EAV_ADDRESS;
        dasd_cchh_store(s + 28, cyl, head);
    } else {
        stw_be_p(s + 29, cyl);
        s[31] = head;
    }
    return false;
}

bool dasd_reject(DasdEckd *d, uint8_t msg)
{
    return dasd_fail(d, DASD_SNS0_CMD_REJECT, 0, msg);
}

bool dasd_file_protected(DasdEckd *d)
{
    return dasd_fail(d, 0, DASD_SNS1_FILE_PROTECTED, 0);
}

/*
 * The device cannot write at all (readonly=on): write inhibited, an
 * equipment-check class of sense, byte 7 naming a refused data write
 * (facts-dasd-eckd.md §1.5), not a file-mask violation.
 */
bool dasd_write_inhibited(DasdEckd *d)
{
    return dasd_fail(d, DASD_SNS0_EQUIPMENT_CHECK, DASD_SNS1_WRITE_INHIBITED,
                     DASD_SNS7_WRITE_INHIBITED_DATA);
}

void dasd_set_last_error(DasdEckd *d, const GError *err)
{
    g_free(d->last_error);
    d->last_error = g_strdup(err->message);
}

/* ---- data transfer with the channel ---- */

/*
 * Store @len bytes of the device's data at offset @at of the transfer; the
 * channel only has room for c->count bytes, the rest is the residual.
 */
void dasd_put(DasdCmd *c, uint32_t at, const void *src, uint32_t len)
{
    if (at < c->count && len) {
        memcpy(c->buf + at, src, MIN(len, c->count - at));
    }
}

/* Fetch @len bytes at offset @at of what the channel sent, zero padded. */
void dasd_get(const DasdCmd *c, uint32_t at, void *dst, uint32_t len)
{
    uint32_t have = at < c->count ? MIN(len, c->count - at) : 0;

    if (have) {
        memcpy(dst, c->buf + at, have);
    }
    memset((uint8_t *)dst + have, 0, len - have);
}

/*
 * A track address as CCHH: CC is the low 16 bits of the cylinder, HH holds
 * the cylinder's high 12 bits above the 4-bit head (the EAV form; for
 * volumes below 65,536 cylinders it is the plain CC HH).
 */
void dasd_cchh_store(uint8_t *p, uint32_t cyl, uint32_t head)
{
    stw_be_p(p, cyl & 0xFFFF);
    stw_be_p(p + 2, ((cyl >> 16) << 4) | (head & 0x0F));
}

/* ---- life cycle ---- */

DasdEckd *dasd_eckd_new(CkdImage *img, GError **errp)
{
    const CkdGeometry *geo = ckd_geometry(img);
    DasdEckd *d;

    if (geo->devtype != DASD_DEV_TYPE) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_UNSUPPORTED,
                    "image is a %04x volume; this device model is a 3390 "
                    "(make the volume with dasdinit ... 3390)",
                    geo->devtype);
        return NULL;
    }
    if (geo->heads != DASD_HEADS) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_UNSUPPORTED,
                    "image has %" PRIu32 " heads per cylinder; a 3390 has %u",
                    geo->heads, DASD_HEADS);
        return NULL;
    }
    /* room for HA, R0, one full-track R1 and the end marker */
    if (geo->trksize < CKD_FIRST_RECORD_OFFSET + CKD_COUNT_SIZE +
                       DASD_MAX_R1_DATA + CKD_EOT_SIZE) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_UNSUPPORTED,
                    "image track size %" PRIu32 " cannot hold a 3390 track",
                    geo->trksize);
        return NULL;
    }
    if (geo->cyls == 0 || geo->cyls > (1u << 28)) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_UNSUPPORTED,
                    "image has %" PRIu32 " cylinders; a 3390 track address "
                    "reaches 1 to %u", geo->cyls, 1u << 28);
        return NULL;
    }

    d = g_new0(DasdEckd, 1);
    d->img = img;
    d->geo = *geo;
    d->ntracks = geo->cyls * DASD_HEADS;
    d->readonly = ckd_is_readonly(img);
    d->trk.buf = g_malloc(geo->trksize);
    /* no record is shorter than its 8-byte count field */
    d->trk.rec = g_new(DasdRec, geo->trksize / CKD_COUNT_SIZE + 1);
    d->scratch = g_malloc(geo->trksize);
    dasd_eckd_chain_begin(d);
    return d;
}

void dasd_eckd_free(DasdEckd *d)
{
    if (!d) {
        return;
    }
    g_free(d->trk.buf);
    g_free(d->trk.rec);
    g_free(d->scratch);
    g_free(d->last_error);
    g_free(d);
}

void dasd_eckd_set_devno(DasdEckd *d, uint16_t devno)
{
    d->devno = devno;
}

void dasd_eckd_chain_begin(DasdEckd *d)
{
    memset(&d->ch, 0, sizeof(d->ch));
    /* without Define Extent the whole volume is the extent, mask 0x00 */
    d->ch.ext_begin = 0;
    d->ch.ext_end = d->ntracks - 1;
    d->ch.pos = POS_INDEX;
    /*
     * Re-read the track at the next command: the image layer caches, and
     * each program then sees the file as it is.
     */
    d->trk.valid = false;
}

/* ---- Locate Record domains ---- */

/*
 * May @code run inside a domain of the current Locate Record operation?
 * (facts section 2.3: which commands each operation admits)
 */
static bool dasd_domain_allows(const DasdEckd *d, uint8_t code)
{
    const DasdChain *ch = &d->ch;

    switch (ch->lr_op) {
    case LR_OP_WRITE_DATA:
        return code == CCW_WRITE_UPDATE_DATA || code == CCW_WRITE_UPDATE_KD ||
               ((code == CCW_WRITE_DATA || code == CCW_WRITE_KD) &&
                ch->lr_left == 1);
    case LR_OP_FORMAT_WRITE:
        return code == CCW_WRITE_CKD ||
               code == CCW_WRITE_CKD_NEXT_TRACK || code == CCW_ERASE ||
               (code == CCW_WRITE_R0 && ch->lr_done == 0 &&
                (ch->lr_orient == LR_ORIENT_HA ||
                 ch->lr_orient == LR_ORIENT_INDEX));
    case LR_OP_READ_DATA:
    case LR_OP_READ:
        switch (code & ~CCW_MT) {
        case CCW_READ_DATA:
        case CCW_READ_KD:
        case CCW_READ_CKD:
        case CCW_READ_COUNT:
        case CCW_READ_R0:
        case CCW_READ_HA:
            return true;
        default:
            return false;
        }
    case LR_OP_WRITE_TRACK:
        return (code == CCW_WRITE_DATA && ch->lr_done == 0) ||
               ((code == CCW_WRITE_CKD || code == CCW_ERASE) &&
                ch->lr_done > 0);
    case LR_OP_READ_TRACKS:
        return code == CCW_READ_TRACK;
    default:
        return false;
    }
}

/* ---- commands handled here ---- */

static bool dasd_cmd_sense(DasdEckd *d, DasdCmd *c)
{
    c->data_len = DASD_ECKD_SENSE_SIZE;
    dasd_put(c, 0, d->sense, DASD_ECKD_SENSE_SIZE);
    /* the 3990 resets its sense once the program has read it */
    memset(d->sense, 0, sizeof(d->sense));
    return true;
}

static bool dasd_cmd_nop(DasdEckd *d, DasdCmd *c)
{
    c->data_len = 0;
    return true;
}

/* ---- dispatch ---- */

uint8_t dasd_eckd_execute(DasdEckd *d, uint8_t cmd, bool chained,
                          uint8_t *buf, uint32_t count, uint32_t *data_len)
{
    const DasdCmdDesc *desc = &dasd_cmds[cmd];
    DasdCmd c = {
        .code = cmd,
        .chained = chained,
        .buf = buf,
        .count = buf ? count : 0,
    };
    bool ok;

    if (!chained) {
        dasd_eckd_chain_begin(d);
    }
    if (cmd != CCW_SENSE) {
        /* any command but Sense discards what a Sense would have shown */
        memset(d->sense, 0, sizeof(d->sense));
    }
    c.prev = d->ch.prev;
    d->ch.prev = PREV_NONE;
    c.in_domain = d->ch.lr_active && !(desc->flags & CMD_UNCOUNTED);

    if (!desc->fn) {
        ok = dasd_reject(d, DASD_SNS7_INVALID_COMMAND);
    } else if (c.in_domain && !dasd_domain_allows(d, cmd)) {
        ok = dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    } else {
        ok = desc->fn(d, &c);
    }

    if (ok) {
        if (c.in_domain) {
            d->ch.lr_done++;
            if (--d->ch.lr_left == 0) {
                d->ch.lr_active = false;
            }
        }
        if (!(desc->flags & CMD_SEARCH)) {
            /*
             * Only searches keep counting index points: a transfer of
             * any other field, a write, sense or control command ends a
             * search loop.
             */
            d->ch.index_passes = 0;
        }
    } else {
        d->ch.prev = PREV_NONE;
        d->ch.failed = true;
    }
    d->ch.prev_cmd = cmd;
    *data_len = c.data_len;
    return STATUS_OK | (ok ? c.status : SCSW_DSTAT_UNIT_CHECK);
}

uint8_t dasd_eckd_chain_end(DasdEckd *d)
{
    if (d->ch.failed || !d->ch.lr_active || d->ch.lr_left == 0) {
        return 0;
    }
    dasd_fail(d, DASD_SNS0_CMD_REJECT | DASD_SNS0_INCOMPLETE_DOMAIN, 0, 0);
    d->ch.failed = true;
    return SCSW_DSTAT_UNIT_CHECK;
}

void dasd_eckd_get_sense(const DasdEckd *d,
                         uint8_t sense[DASD_ECKD_SENSE_SIZE])
{
    memcpy(sense, d->sense, DASD_ECKD_SENSE_SIZE);
}

const char *dasd_eckd_last_error(const DasdEckd *d)
{
    return d->last_error;
}

uint16_t dasd_eckd_cu_type(const DasdEckd *d)
{
    return DASD_CU_TYPE;
}

uint8_t dasd_eckd_cu_model(const DasdEckd *d)
{
    return DASD_CU_MODEL;
}

uint16_t dasd_eckd_dev_type(const DasdEckd *d)
{
    return DASD_DEV_TYPE;
}

uint8_t dasd_eckd_dev_model(const DasdEckd *d)
{
    return d->geo.model;
}
