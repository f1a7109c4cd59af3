/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-eckd-ident.c: how the 3390/3990 model identifies itself: Sense ID,
 * Read Device Characteristics, Read Configuration Data, the path-group
 * commands and Perform Subsystem Function / Read Subsystem Data.
 *
 * Facts: facts-dasd-eckd.md sections 1.3 (Sense ID, CIWs), 1.4 (RDC),
 * 1.6 (RCD, and why Linux needs it), 1.7 (path groups), 2.5-2.6 (PSF,
 * feature codes).  The values are those of a 3390 on a 3990 model 3 in
 * Hercules' dasdtab.c.
 */
#include "qemu/osdep.h"

#include "dasd-eckd-int.h"

/* ---- Sense ID ---- */

/*
 * Command information words of a 3990-3: Read Configuration Data (type 0,
 * 0xFA, 256 bytes), Set Interface Identifier (type 1, via PSF 0x27,
 * 4 bytes), Read Node Identifier (type 2, via RSSD 0x3E, 64 bytes).
 */
static const uint32_t dasd_ciws[] = { 0x40FA0100, 0x41270004, 0x423E0040 };

bool dasd_cmd_sense_id(DasdEckd *d, DasdCmd *c)
{
    uint8_t id[DASD_ECKD_SENSE_ID_SIZE] = { 0 };

    QEMU_BUILD_BUG_ON(8 + sizeof(dasd_ciws) != DASD_ECKD_SENSE_ID_SIZE);
    id[0] = 0xFF;
    stw_be_p(id + 1, DASD_CU_TYPE);
    id[3] = DASD_CU_MODEL;
    stw_be_p(id + 4, DASD_DEV_TYPE);
    id[6] = d->geo.model;
    for (size_t i = 0; i < G_N_ELEMENTS(dasd_ciws); i++) {
        stl_be_p(id + 8 + 4 * i, dasd_ciws[i]);
    }
    c->data_len = sizeof(id);
    dasd_put(c, 0, id, sizeof(id));
    return true;
}

/* ---- Read Device Characteristics ---- */

void dasd_eckd_build_rdc(const CkdGeometry *geo,
                         uint8_t rdc[DASD_ECKD_RDC_SIZE])
{
    static const uint8_t factors[] = { 34, 19, 9, 6, 116 };
    uint8_t unit_type;

    switch (geo->model) {
    case 0x02:
        unit_type = 0x26;
        break;
    case 0x06:
        unit_type = 0x27;
        break;
    case 0x0A:
        unit_type = 0x24;
        break;
    default:
        unit_type = 0x32;
        break;
    }

    memset(rdc, 0, DASD_ECKD_RDC_SIZE);
    stw_be_p(rdc + 0, DASD_CU_TYPE);
    rdc[2] = DASD_CU_MODEL;
    stw_be_p(rdc + 3, DASD_DEV_TYPE);
    rdc[5] = geo->model;
    /* multi-burst ECC, Read Track and Read in Locate Record; no Prefix */
    stl_be_p(rdc + 6, 0xD0801094);
    rdc[10] = 0x20;                     /* device class: DASD */
    rdc[11] = unit_type;
    stw_be_p(rdc + 12, geo->cyls >= DASD_EAV_FIRST_CYL ? DASD_EAV_COMPAT_CYL
                                                      : geo->cyls);
    stw_be_p(rdc + 14, DASD_HEADS);
    rdc[16] = DASD_SECTORS;
    /* track length 58786 = 1729 cells of 34 bytes, 3 bytes */
    rdc[17] = 0;
    stw_be_p(rdc + 18, 58786);
    stw_be_p(rdc + 20, 1428);           /* HA + R0 overhead */
    rdc[22] = 0x02;                     /* capacity formula 2 */
    memcpy(rdc + 23, factors, sizeof(factors));
    rdc[40] = unit_type;                /* MDR record id */
    rdc[41] = unit_type;                /* OBR record id */
    rdc[42] = 0x06;                     /* control unit type code 3990-3 */
    rdc[43] = 0x02;                     /* read track set parameter length */
    stw_be_p(rdc + 44, DASD_MAX_R0_BLKSIZE);
    rdc[47] = 0x01;
    rdc[48] = 6;                        /* factor 6 */
    stw_be_p(rdc + 49, 0x7708);         /* RPS factors 7 and 8 */
    rdc[51] = 0x0F;
    rdc[52] = 0x00;
    rdc[53] = 0x3F;
    /* no alternate-track handling: report an array device */
    rdc[57] = 0xFF;
    stl_be_p(rdc + 60, geo->cyls);
}

bool dasd_cmd_rdc(DasdEckd *d, DasdCmd *c)
{
    uint8_t rdc[DASD_ECKD_RDC_SIZE];

    dasd_eckd_build_rdc(&d->geo, rdc);
    c->data_len = sizeof(rdc);
    dasd_put(c, 0, rdc, sizeof(rdc));
    return true;
}

/* ---- Read Configuration Data ---- */

/* EBCDIC for the digits, upper-case letters and blank used in NEDs. */
static uint8_t dasd_ebcdic(char ch)
{
    if (ch >= '0' && ch <= '9') {
        return 0xF0 + (ch - '0');
    }
    if (ch >= 'A' && ch <= 'I') {
        return 0xC1 + (ch - 'A');
    }
    if (ch >= 'J' && ch <= 'R') {
        return 0xD1 + (ch - 'J');
    }
    if (ch >= 'S' && ch <= 'Z') {
        return 0xE2 + (ch - 'S');
    }
    return 0x40;
}

static void dasd_put_ebcdic(uint8_t *p, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        p[i] = dasd_ebcdic(s[i]);
    }
}

/* The model number in the NED's model field, from the model byte. */
static const char *dasd_ned_model(uint8_t model)
{
    switch (model) {
    case 0x02:
        return "001";
    case 0x06:
        return "002";
    case 0x0A:
        return "003";
    default:
        return "009";
    }
}

/*
 * 256 bytes: a node-element descriptor for the device itself (record 0)
 * and the general NEQ with the subsystem id (record 7); no specific NEQ,
 * so Linux takes the device as a base device and puts a block device on
 * it.  Linux finds the NED by identifier 11 and descriptor 1, the GNEQ by
 * identifier 10.
 */
bool dasd_cmd_rcd(DasdEckd *d, DasdCmd *c)
{
    static const char hex[] = "0123456789ABCDEF";
    uint8_t rcd[DASD_ECKD_RCD_SIZE] = { 0 };
    uint8_t *ned = rcd, *gneq = rcd + 7 * 32;
    char serial[12];

    /* NED, serial valid and substituted, recording device */
    ned[0] = 0xDC;
    ned[1] = 0x01;                      /* descriptor: the device */
    ned[2] = 0x01;                      /* class: direct access storage */
    dasd_put_ebcdic(ned + 4, "003390", 6);
    dasd_put_ebcdic(ned + 10, dasd_ned_model(d->geo.model), 3);
    dasd_put_ebcdic(ned + 13, "QEM", 3);        /* manufacturer */
    dasd_put_ebcdic(ned + 16, "00", 2);         /* plant */
    /* sequence number: zeros and the device number, unique per device */
    memset(serial, '0', sizeof(serial));
    for (int i = 0; i < 4; i++) {
        serial[11 - i] = hex[(d->devno >> (4 * i)) & 0xF];
    }
    dasd_put_ebcdic(ned + 18, serial, sizeof(serial));
    ned[30] = 0x00;                     /* logical subsystem */
    ned[31] = d->devno & 0xFF;          /* unit address */

    gneq[0] = 0x80;                     /* general NEQ */
    stw_be_p(gneq + 8, d->devno & 0xFF00);      /* subsystem id */

    c->data_len = sizeof(rcd);
    dasd_put(c, 0, rcd, sizeof(rcd));
    return true;
}

/* ---- path groups ---- */

/* Path state byte of Sense Path Group ID (facts section 1.7). */
#define PGID_STATE_GROUPED     0xC0
#define PGID_STATE_UNGROUPED   0x80
#define PGID_STATE_MULTIPATH   0x08
#define SPID_FN_MULTIPATH      0x80
#define SPID_FN_MASK           0x60
#define SPID_FN_ESTABLISH      0x00
#define SPID_FN_DISBAND        0x20
#define SPID_FN_RESIGN         0x40

/* Sense Path Group ID: path state + the 11-byte path group id. */
bool dasd_cmd_snid(DasdEckd *d, DasdCmd *c)
{
    uint8_t snid[12];

    c->data_len = sizeof(snid);
    if (c->chained) {
        /* path-group commands must come first in the program */
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    snid[0] = d->path_state;
    memcpy(snid + 1, d->pgid, sizeof(d->pgid));
    dasd_put(c, 0, snid, sizeof(snid));
    return true;
}

/* Set Path Group ID: function byte + path group id. */
bool dasd_cmd_spid(DasdEckd *d, DasdCmd *c)
{
    static const uint8_t zero[11];
    uint8_t spid[12];

    c->data_len = sizeof(spid);
    if (c->chained) {
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    if (c->count < sizeof(spid)) {
        return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
    }
    dasd_get(c, 0, spid, sizeof(spid));
    switch (spid[0] & SPID_FN_MASK) {
    case SPID_FN_ESTABLISH:
        /* one path group per device: joining another one is refused */
        if (memcmp(d->pgid, zero, sizeof(zero)) != 0 &&
            memcmp(d->pgid, spid + 1, sizeof(d->pgid)) != 0) {
            return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
        }
        memcpy(d->pgid, spid + 1, sizeof(d->pgid));
        d->path_state = PGID_STATE_GROUPED;
        if (spid[0] & SPID_FN_MULTIPATH) {
            d->path_state |= PGID_STATE_MULTIPATH;
        }
        return true;
    case SPID_FN_DISBAND:
        memset(d->pgid, 0, sizeof(d->pgid));
        d->path_state = PGID_STATE_UNGROUPED;
        return true;
    case SPID_FN_RESIGN:
        memset(d->pgid, 0, sizeof(d->pgid));
        d->path_state = 0;
        return true;
    default:
        return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
    }
}

/* ---- Perform Subsystem Function / Read Subsystem Data ---- */

#define PSF_ORDER_PRSSD         0x18    /* prepare for Read Subsystem Data */
#define PSF_ORDER_SSC           0x1D    /* set subsystem characteristics */
#define PSF_ORDER_SII           0xB0    /* set interface identifier */
#define PRSSD_UNIT_ADDR_CONFIG  0x0E
#define PRSSD_FEATURE_CODES     0x41

/*
 * PSF: byte 0 order, byte 1 flags (zero).  Prepare for Read Subsystem
 * Data leaves data for an immediately chained RSSD: unit address
 * configuration (this unit address a base device, 512 bytes) or feature
 * codes (256 zero bytes: no Prefix, no track-mode I/O, no zHPF, which
 * keeps Linux on Define Extent + Locate Record).  Set Subsystem
 * Characteristics and Set Interface Identifier are accepted and ignored.
 */
bool dasd_cmd_psf(DasdEckd *d, DasdCmd *c)
{
    uint8_t p[12];
    uint32_t need;

    c->data_len = 2;
    if (c->count < 2) {
        return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
    }
    dasd_get(c, 0, p, 2);
    switch (p[0]) {
    case PSF_ORDER_PRSSD:
        need = 12;
        break;
    case PSF_ORDER_SSC:
        need = 66;
        break;
    case PSF_ORDER_SII:
        need = 4;
        break;
    default:
        return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
    }
    c->data_len = need;
    if (c->count < need) {
        return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
    }
    if (p[1] != 0) {
        return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
    }
    if (p[0] != PSF_ORDER_PRSSD) {
        return true;
    }
    dasd_get(c, 0, p, sizeof(p));
    memset(d->rssd, 0, sizeof(d->rssd));
    switch (p[6]) {
    case PRSSD_UNIT_ADDR_CONFIG:
        /* 256 entries {type, base unit address}: we are a base device */
        d->rssd[2 * (d->devno & 0xFF)] = 0x01;
        d->rssd[2 * (d->devno & 0xFF) + 1] = d->devno & 0xFF;
        d->ch.rssd_len = 512;
        break;
    case PRSSD_FEATURE_CODES:
        d->ch.rssd_len = 256;
        break;
    default:
        return dasd_reject(d, DASD_SNS7_INVALID_PARAMETER);
    }
    d->ch.prev = PREV_PRSSD;
    return true;
}

bool dasd_cmd_rssd(DasdEckd *d, DasdCmd *c)
{
    if (c->prev != PREV_PRSSD) {
        /* only straight after the PSF that prepared the data */
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    c->data_len = d->ch.rssd_len;
    dasd_put(c, 0, d->rssd, d->ch.rssd_len);
    return true;
}
