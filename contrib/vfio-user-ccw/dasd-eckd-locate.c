/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-eckd-locate.c: positioning commands of the 3390/3990 model: Seek,
 * Seek Cylinder, Seek Head, Recalibrate, Set File Mask, Define Extent,
 * Locate Record, Read IPL's implied seek, Set Sector and Read Sector.
 *
 * Facts: facts-dasd-eckd.md sections 2.1-2.3 and 2.7; track addresses in
 * the EAV CCHH form of section 1.1.
 */
#include "qemu/osdep.h"

#include "dasd-eckd-int.h"

/*
 * CCHH (2 + 2 big-endian bytes, EAV form: the cylinder's high 12 bits sit
 * above the 4-bit head in HH) to cylinder and head.
 * Returns: false if the address is not on the volume.
 */
bool dasd_decode_cchh(const DasdEckd *d, const uint8_t *p, uint32_t *cyl,
                      uint32_t *head)
{
    uint16_t cc = lduw_be_p(p), hh = lduw_be_p(p + 2);

    *cyl = cc | ((uint32_t)(hh >> 4) << 16);
    *head = hh & 0x0F;
    return *cyl < d->geo.cyls && *head < DASD_HEADS;
}

/* Seek (BBCCHH), Seek Cylinder (BBCCHH), Seek Head (BBCCHH, head only). */
bool dasd_cmd_seek(DasdEckd *d, DasdCmd *c)
{
    DasdChain *ch = &d->ch;
    uint8_t p[6], seek = ch->mask & DX_MASK_SEEK;
    uint32_t cyl, head;
    bool allowed;

    c->data_len = sizeof(p);
    if (c->count < sizeof(p)) {
        return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
    }
    dasd_get(c, 0, p, sizeof(p));
    /* BB (bin number) is always zero on a 3390 */
    if (p[0] || p[1] || !dasd_decode_cchh(d, p + 2, &cyl, &head)) {
        return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
    }
    switch (c->code) {
    case CCW_SEEK:
        allowed = seek == DX_MASK_SEEK_ALL;
        break;
    case CCW_SEEK_CYL:
        allowed = seek == DX_MASK_SEEK_ALL || seek == DX_MASK_SEEK_CYL;
        break;
    default:
        /* Seek Head moves within the cylinder the device is on */
        if (!ch->have_seek) {
            return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
        }
        cyl = ch->cyl;
        allowed = seek != DX_MASK_SEEK_NONE;
        break;
    }
    if (!allowed || !dasd_in_extent(d, cyl, head)) {
        return dasd_file_protected(d);
    }
    return dasd_seek_to(d, cyl, head);
}

bool dasd_cmd_recalibrate(DasdEckd *d, DasdCmd *c)
{
    c->data_len = 0;
    if ((d->ch.mask & DX_MASK_SEEK) != DX_MASK_SEEK_ALL ||
        !dasd_in_extent(d, 0, 0)) {
        return dasd_file_protected(d);
    }
    return dasd_seek_to(d, 0, 0);
}

/* Set File Mask: the pre-ECKD way to set the mask byte, once per program. */
bool dasd_cmd_set_file_mask(DasdEckd *d, DasdCmd *c)
{
    DasdChain *ch = &d->ch;
    uint8_t mask;

    c->data_len = 1;
    if (ch->dx_given || ch->sfm_given) {
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    if (c->count < 1) {
        return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
    }
    dasd_get(c, 0, &mask, 1);
    if (mask & DX_MASK_RESERVED) {
        return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
    }
    ch->mask = mask;
    ch->sfm_given = true;
    return true;
}

/*
 * Define Extent: 16 bytes (32 when byte 7 announces a time stamp or
 * extended parameters): file mask, global attributes, blocksize, extent
 * begin and end CCHH.
 */
bool dasd_cmd_define_extent(DasdEckd *d, DasdCmd *c)
{
    DasdChain *ch = &d->ch;
    uint8_t p[16];
    uint32_t bcyl, bhead, ecyl, ehead;
    uint16_t blksize;

    c->data_len = sizeof(p);
    if (ch->sfm_given || ch->read_ipl) {
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    if (c->count < sizeof(p)) {
        return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
    }
    dasd_get(c, 0, p, sizeof(p));
    if (p[7] & (DX_GAX_TIME_STAMP | DX_GAX_EXT_PARAMS)) {
        c->data_len = 32;
        if (c->count < 32) {
            return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
        }
    }
    blksize = lduw_be_p(p + 2);
    if ((p[0] & DX_MASK_RESERVED) || (p[1] & DX_GA_MODE) != DX_GA_MODE ||
        blksize > DASD_DX_MAX_BLKSIZE ||
        !dasd_decode_cchh(d, p + 8, &bcyl, &bhead) ||
        !dasd_decode_cchh(d, p + 12, &ecyl, &ehead) ||
        (uint64_t)bcyl * DASD_HEADS + bhead >
        (uint64_t)ecyl * DASD_HEADS + ehead) {
        return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
    }
    /* a second Define Extent may only restate the same permissions */
    if (ch->dx_given &&
        (p[0] != ch->mask || p[1] != ch->ga || blksize != ch->blksize)) {
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    ch->dx_given = true;
    ch->mask = p[0];
    ch->ga = p[1];
    ch->ga_ext = p[7];
    ch->blksize = blksize;
    ch->ext_begin = bcyl * DASD_HEADS + bhead;
    ch->ext_end = ecyl * DASD_HEADS + ehead;
    return true;
}

/* Which orientations each Locate Record operation accepts. */
static bool dasd_lr_valid(uint8_t op, uint8_t orient)
{
    switch (op) {
    case LR_OP_ORIENT:
    case LR_OP_READ:
        return true;
    case LR_OP_WRITE_DATA:
        return orient == LR_ORIENT_COUNT || orient == LR_ORIENT_DATA;
    case LR_OP_READ_DATA:
        return orient != LR_ORIENT_INDEX;
    case LR_OP_FORMAT_WRITE:
    case LR_OP_WRITE_TRACK:
    case LR_OP_READ_TRACKS:
        return orient != LR_ORIENT_DATA;
    default:
        return false;
    }
}

/*
 * Orient on the track just sought as Locate Record byte 0 says, with the
 * search argument @arg (CCHHR).  The search covers one revolution,
 * R0 included; not finding the record there is No Record Found.
 */
static bool dasd_lr_orient(DasdEckd *d, uint8_t orient, const uint8_t *arg)
{
    DasdChain *ch = &d->ch;
    uint8_t ha[4];

    switch (orient) {
    case LR_ORIENT_INDEX:
        ch->pos = POS_INDEX;
        return true;
    case LR_ORIENT_HA:
        dasd_cchh_store(ha, ch->cyl, ch->head);
        if (memcmp(ha, arg, sizeof(ha)) != 0) {
            return dasd_fail(d, 0, DASD_SNS1_NO_RECORD_FOUND, 0);
        }
        ch->pos = POS_HA;
        return true;
    default:
        for (uint32_t i = 0; i < d->trk.nrec; i++) {
            if (memcmp(dasd_rec_count(d, i), arg, 5) == 0) {
                ch->rec = i;
                ch->pos = orient == LR_ORIENT_DATA ? POS_DATA : POS_COUNT;
                return true;
            }
        }
        return dasd_fail(d, 0, DASD_SNS1_NO_RECORD_FOUND, 0);
    }
}

/*
 * Locate Record, 16 bytes: orientation + operation, auxiliary byte, count,
 * seek address CCHH, search argument CCHHR, sector, transfer length
 * factor.  Opens a domain of @count commands (facts section 2.3).
 */
bool dasd_cmd_locate_record(DasdEckd *d, DasdCmd *c)
{
    DasdChain *ch = &d->ch;
    uint8_t p[16], orient, op, aux, n, sector;
    uint32_t cyl, head, tlf;

    c->data_len = sizeof(p);
    if (!ch->dx_given) {
        /* Define Extent (or Read IPL) must come first in the program */
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    if (c->count < sizeof(p)) {
        return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
    }
    dasd_get(c, 0, p, sizeof(p));
    orient = p[0] >> 6;
    op = p[0] & 0x3F;
    aux = p[1];
    n = p[3];
    sector = p[13];
    tlf = lduw_be_p(p + 14);
    if ((aux & LR_AUX_RESERVED) || p[2] || !dasd_lr_valid(op, orient) ||
        (op == LR_OP_ORIENT) != (n == 0) ||
        (sector >= DASD_SECTORS && sector != 0xFF) ||
        !dasd_decode_cchh(d, p + 4, &cyl, &head)) {
        return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
    }
    if (aux & LR_AUX_TLF_VALID) {
        uint32_t limit = ch->blksize ? ch->blksize : DASD_DX_MAX_BLKSIZE;

        if (tlf == 0 || tlf > limit) {
            return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
        }
    } else {
        /* Define Extent's blocksize stands in; 0 means no length check */
        tlf = ch->blksize;
    }
    if (!dasd_in_extent(d, cyl, head)) {
        return dasd_file_protected(d);
    }
    if (!dasd_seek_to(d, cyl, head) || !dasd_lr_orient(d, orient, p + 8)) {
        return false;
    }
    ch->lr_active = n > 0;
    ch->lr_op = op;
    ch->lr_orient = orient;
    ch->lr_aux = aux;
    ch->lr_left = n;
    ch->lr_done = 0;
    ch->tlf = tlf;
    return true;
}

/*
 * Read IPL's positioning part: cylinder 0 head 0, with the whole volume as
 * extent and the file mask of a program without Define Extent; it counts
 * as a Define Extent for what may follow (no Define Extent or Set File
 * Mask, but Locate Record).  The read itself is done by the caller.
 */
bool dasd_ipl_position(DasdEckd *d)
{
    DasdChain *ch = &d->ch;

    ch->dx_given = true;
    ch->read_ipl = true;
    ch->mask = 0;
    ch->ext_begin = 0;
    ch->ext_end = d->ntracks - 1;
    return dasd_seek_to(d, 0, 0);
}

/*
 * Set Sector (1 byte) and Read Sector (1 byte back).  Rotational position
 * has no meaning for an image: the sector is checked and 0 is reported.
 */
bool dasd_cmd_sector(DasdEckd *d, DasdCmd *c)
{
    uint8_t sector = 0;

    c->data_len = 1;
    if (c->code == CCW_READ_SECTOR) {
        dasd_put(c, 0, &sector, 1);
        return true;
    }
    if (c->count < 1) {
        return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
    }
    dasd_get(c, 0, &sector, 1);
    if (sector >= DASD_SECTORS && sector != 0xFF) {
        return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
    }
    return true;
}
