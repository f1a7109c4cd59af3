/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ECKD parameter blocks and data layouts (see eckd.h).
 */
#include "qemu/osdep.h"

#include "eckd.h"

/* RDC: bytes 12-13 say 0xFFFE when the 32-bit count at 60-63 applies. */
#define RDC_CYLS_EAV 0xfffe
#define DASD_CLASS 0x20

bool eckd_parse_rdc(const uint8_t rdc[ECKD_RDC_SIZE], EckdGeometry *geo)
{
    uint16_t cyls16 = lduw_be_p(rdc + 12);

    *geo = (EckdGeometry) {
        .cu_type = lduw_be_p(rdc),
        .cu_model = rdc[2],
        .dev_type = lduw_be_p(rdc + 3),
        .dev_model = rdc[5],
        .facilities = ldl_be_p(rdc + 6),
        .dev_class = rdc[10],
        .unit_type = rdc[11],
        .cyls = cyls16 == RDC_CYLS_EAV ? ldl_be_p(rdc + 60) : cyls16,
        .heads = lduw_be_p(rdc + 14),
        .sectors = rdc[16],
        .track_len = ((uint32_t)rdc[17] << 16) | lduw_be_p(rdc + 18),
        .ha_r0_len = lduw_be_p(rdc + 20),
        .formula = rdc[22],
        .r0_max = lduw_be_p(rdc + 44),
    };
    memcpy(geo->factors, rdc + 23, sizeof(geo->factors));
    return geo->dev_class == DASD_CLASS && geo->cyls && geo->heads;
}

bool eckd_parse_sense_id(const uint8_t *buf, size_t len, EckdSenseId *id)
{
    memset(id, 0, sizeof(*id));
    if (len < 4 || buf[0] != 0xff) {
        return false;
    }
    id->cu_type = lduw_be_p(buf + 1);
    id->cu_model = buf[3];
    if (len >= 7) {
        id->dev_type = lduw_be_p(buf + 4);
        id->dev_model = buf[6];
    }
    /* CIWs start at byte 8; bits 0-1 of a CIW's first byte are 01 */
    for (size_t off = 8; off + 4 <= len && id->nciw < G_N_ELEMENTS(id->ciw);
         off += 4) {
        if ((buf[off] & 0xc0) != 0x40) {
            break;
        }
        id->ciw[id->nciw++] = (EckdCiw) {
            .type = buf[off] & 0x0f,
            .cmd = buf[off + 1],
            .count = lduw_be_p(buf + off + 2),
        };
    }
    return true;
}

void eckd_cchh(uint32_t cyl, uint32_t head, uint8_t out[4])
{
    stw_be_p(out, (uint16_t)(cyl & 0xffff));
    stw_be_p(out + 2, (uint16_t)(((cyl >> 16) << 4) | (head & 0x0f)));
}

void eckd_cchh_decode(const uint8_t *p, uint32_t *cyl, uint32_t *head)
{
    uint16_t hh = lduw_be_p(p + 2);

    *cyl = lduw_be_p(p) | ((uint32_t)(hh >> 4) << 16);
    *head = hh & 0x0f;
}

void eckd_build_dx(uint8_t out[ECKD_DX_SIZE], uint8_t mask, uint16_t blksize,
                   uint32_t first, uint32_t last, uint16_t heads)
{
    memset(out, 0, ECKD_DX_SIZE);
    out[0] = mask;
    out[1] = ECKD_GA_ECKD;
    stw_be_p(out + 2, blksize);
    /* bytes 4-7: fast-write id and extended attributes stay zero */
    eckd_cchh(first / heads, first % heads, out + 8);
    eckd_cchh(last / heads, last % heads, out + 12);
}

void eckd_build_lr(uint8_t out[ECKD_LR_SIZE], uint8_t orient, uint8_t op,
                   uint8_t count, uint32_t track, uint16_t heads, uint8_t rec,
                   uint16_t tlf)
{
    memset(out, 0, ECKD_LR_SIZE);
    out[0] = (uint8_t)(orient << 6) | (op & 0x3f);
    out[1] = tlf ? ECKD_LR_AUX_TLF : 0;
    out[3] = count;
    eckd_cchh(track / heads, track % heads, out + 4);
    /* search argument: the same CCHH and the record number */
    memcpy(out + 8, out + 4, 4);
    out[12] = rec;
    out[13] = 0xff;             /* sector: not given */
    stw_be_p(out + 14, tlf);
}

static uint32_t div_up(uint32_t a, uint32_t b)
{
    return (a + b - 1) / b;
}

uint32_t eckd_record_cells(uint8_t kl, uint32_t dl)
{
    uint32_t dn = div_up(dl + 6, 232) + 1;
    uint32_t cells = 10 + 9 + div_up(dl + 6 * dn, 34);

    if (kl) {
        uint32_t kn = div_up(kl + 6u, 232) + 1;

        cells += 9 + div_up(kl + 6 * kn, 34);
    }
    return cells;
}

bool eckd_parse_track(const uint8_t *buf, size_t len, GArray *recs)
{
    static const uint8_t eot[ECKD_COUNT_SIZE] = {
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
    };
    size_t off = 0;

    while (off + ECKD_COUNT_SIZE <= len) {
        const uint8_t *c = buf + off;
        EckdRecord r;

        if (memcmp(c, eot, sizeof(eot)) == 0) {
            return true;
        }
        eckd_cchh_decode(c, &r.cyl, &r.head);
        r.rec = c[4];
        r.kl = c[5];
        r.dl = lduw_be_p(c + 6);
        r.count_off = off;
        off += ECKD_COUNT_SIZE + r.kl + r.dl;
        if (off > len) {
            return false;
        }
        g_array_append_val(recs, r);
    }
    return false;
}
