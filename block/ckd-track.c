/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hercules CKD track images and the CKD device table.
 *
 * Everything here works on a caller's buffer and never touches a file, so
 * the DASD model, tools and tests can walk and build track images directly.
 * Track contents are big-endian; see include/block/ckd.h for the layout.
 */
#include "qemu/osdep.h"
#include "block/ckd.h"

/*
 * Device table, values from Hercules dasdtab.c (facts-dasd-eckd.md 1.1).
 * Rows of one type are ordered by size: a volume is the first model that
 * can hold its cylinders including the alternates.  The last row of each
 * type takes any larger size, as Hercules' "-x" rows do; for 3390 it goes
 * up to the largest EAV (3390-A on a DS8800 and later).
 */
static const CkdModelInfo ckd_models[] = {
    { "3390-1",  0x3390,  1, 0x02,    1113, 1, 15, 56664 },
    { "3390-2",  0x3390,  2, 0x06,    2226, 1, 15, 56664 },
    { "3390-3",  0x3390,  3, 0x0a,    3339, 1, 15, 56664 },
    { "3390-9",  0x3390,  9, 0x0c,   10017, 3, 15, 56664 },
    { "3390-27", 0x3390, 27, 0x0c,   32760, 3, 15, 56664 },
    { "3390-54", 0x3390, 54, 0x0c,   65520, 3, 15, 56664 },
    { "3390-A",  0x3390,  0, 0x0c, 1182006, 0, 15, 56664 },
    { "3380-1",  0x3380,  1, 0x02,     885, 1, 15, 47476 },
    { "3380-2",  0x3380,  2, 0x0a,    1770, 2, 15, 47476 },
    { "3380-3",  0x3380,  3, 0x1e,    2655, 3, 15, 47476 },
    { "3380-x",  0x3380,  0, 0x1e,   65535, 0, 15, 47476 },
};

static const uint8_t ckd_eot_marker[CKD_EOT_SIZE] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

GQuark ckd_error_quark(void)
{
    return g_quark_from_static_string("ckd-error-quark");
}

static bool ckd_devtype_matches(const CkdModelInfo *m, uint16_t devtype)
{
    /* image headers only keep the low byte, so accept that too */
    return devtype == m->devtype || devtype == (m->devtype & 0xff);
}

const CkdModelInfo *ckd_model_lookup(uint16_t devtype, uint32_t cyls)
{
    if (cyls == 0) {
        return NULL;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(ckd_models); i++) {
        const CkdModelInfo *m = &ckd_models[i];

        if (ckd_devtype_matches(m, devtype) &&
            cyls <= (uint64_t)m->cyls + m->alt_cyls) {
            return m;
        }
    }
    return NULL;
}

const CkdModelInfo *ckd_model_by_number(uint16_t devtype, unsigned number)
{
    if (number == 0) {
        return NULL;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(ckd_models); i++) {
        const CkdModelInfo *m = &ckd_models[i];

        if (ckd_devtype_matches(m, devtype) && m->number == number) {
            return m;
        }
    }
    return NULL;
}

uint32_t ckd_image_trksize(uint32_t max_r1_data)
{
    uint32_t raw = CKD_HA_SIZE + CKD_COUNT_SIZE + CKD_R0_DATA_SIZE +
                   CKD_COUNT_SIZE + max_r1_data + CKD_EOT_SIZE;

    return (raw + 511) & ~UINT32_C(511);
}

bool ckd_geometry_init(CkdGeometry *geo, uint16_t devtype, uint32_t cyls,
                       GError **errp)
{
    const CkdModelInfo *m = ckd_model_lookup(devtype, cyls);

    if (!m) {
        if (!ckd_model_lookup(devtype, 1)) {
            g_set_error(errp, CKD_ERROR, CKD_ERROR_INVALID,
                        "device type %04x is not a CKD type we support "
                        "(3390 or 3380)", devtype);
        } else {
            g_set_error(errp, CKD_ERROR, CKD_ERROR_INVALID,
                        "%u cylinders is not a valid size for a %04x",
                        cyls, devtype);
        }
        return false;
    }
    geo->devtype = m->devtype;
    geo->model = m->model;
    geo->cyls = cyls;
    geo->heads = m->heads;
    geo->trksize = ckd_image_trksize(m->max_r1_data);
    geo->max_r1_data = m->max_r1_data;
    return true;
}

/* ---- track images -------------------------------------------------------- */

void ckd_track_iter_init(CkdTrackIter *it, const uint8_t *buf,
                         uint32_t trksize)
{
    it->buf = buf;
    it->trksize = trksize;
    it->pos = CKD_HA_SIZE;
    it->done = false;
}

CkdIterResult ckd_track_iter_next(CkdTrackIter *it, CkdRecord *rec)
{
    uint32_t pos = it->pos;
    uint64_t next;

    memset(rec, 0, sizeof(*rec));
    rec->offset = pos;
    if ((uint64_t)pos + CKD_COUNT_SIZE > it->trksize) {
        it->done = true;
        return CKD_ITER_BAD;
    }
    /* one load, not memcmp(): this runs once per record of every track */
    G_STATIC_ASSERT(CKD_EOT_SIZE == sizeof(uint64_t));
    if (ldq_be_p(it->buf + pos) == UINT64_MAX) {
        it->done = true;
        return CKD_ITER_END;
    }
    if (it->done) {
        /* a walk that stopped on a bad field keeps pointing at it */
        return CKD_ITER_BAD;
    }

    rec->cyl = lduw_be_p(it->buf + pos);
    rec->head = lduw_be_p(it->buf + pos + 2);
    rec->rec = ldub_p(it->buf + pos + 4);
    rec->kl = ldub_p(it->buf + pos + 5);
    rec->dl = lduw_be_p(it->buf + pos + 6);
    rec->key_offset = pos + CKD_COUNT_SIZE;
    rec->data_offset = rec->key_offset + rec->kl;
    next = (uint64_t)rec->data_offset + rec->dl;

    /* the record and an end marker after it must both fit */
    if (next + CKD_EOT_SIZE > it->trksize) {
        it->done = true;
        return CKD_ITER_BAD;
    }
    rec->next_offset = next;
    it->pos = next;
    return CKD_ITER_RECORD;
}

bool ckd_track_find_record(const uint8_t *buf, uint32_t trksize,
                           uint8_t rec_no, CkdRecord *rec)
{
    CkdTrackIter it;
    CkdRecord r;

    ckd_track_iter_init(&it, buf, trksize);
    while (ckd_track_iter_next(&it, &r) == CKD_ITER_RECORD) {
        if (r.rec == rec_no) {
            *rec = r;
            return true;
        }
    }
    return false;
}

uint32_t ckd_track_used(const uint8_t *buf, uint32_t trksize)
{
    CkdTrackIter it;
    CkdRecord r;
    CkdIterResult res;

    ckd_track_iter_init(&it, buf, trksize);
    do {
        res = ckd_track_iter_next(&it, &r);
    } while (res == CKD_ITER_RECORD);
    return res == CKD_ITER_END ? r.offset + CKD_EOT_SIZE : 0;
}

static bool ckd_track_fault(uint32_t off, const char *why,
                            uint32_t *bad_offset, const char **reason)
{
    if (bad_offset) {
        *bad_offset = off;
    }
    if (reason) {
        *reason = why;
    }
    return false;
}

bool ckd_track_check(const CkdGeometry *geo, uint32_t cyl, uint32_t head,
                     const uint8_t *buf, uint32_t *bad_offset,
                     const char **reason)
{
    CkdTrackIter it;
    CkdRecord r;
    CkdIterResult res;
    uint16_t ha_cc, ha_hh;
    /* above 65535 cylinders counts carry cylinder bits in HH (EAV) */
    uint16_t head_mask = geo->cyls > 0xffff ? 0x000f : 0xffff;

    if (geo->trksize < CKD_FIRST_RECORD_OFFSET + CKD_EOT_SIZE) {
        return ckd_track_fault(0, "track size too small for HA and R0",
                               bad_offset, reason);
    }
    if (buf[0] != 0) {
        return ckd_track_fault(0, "home address bin byte is not 0",
                               bad_offset, reason);
    }
    ha_cc = lduw_be_p(buf + 1);
    ha_hh = lduw_be_p(buf + 3);
    if (ha_cc != (cyl & 0xffff) || ha_hh != head) {
        return ckd_track_fault(1, "home address CCHH is not this track's",
                               bad_offset, reason);
    }

    ckd_track_iter_init(&it, buf, geo->trksize);
    res = ckd_track_iter_next(&it, &r);
    if (res == CKD_ITER_END) {
        return ckd_track_fault(r.offset, "R0 missing (end marker after HA)",
                               bad_offset, reason);
    }
    if (res == CKD_ITER_BAD) {
        return ckd_track_fault(r.offset, "R0 runs past the track image",
                               bad_offset, reason);
    }
    if (r.cyl != ha_cc || r.head != ha_hh) {
        return ckd_track_fault(r.offset, "R0 count CCHH differs from HA",
                               bad_offset, reason);
    }
    if (r.rec != 0) {
        return ckd_track_fault(r.offset + 4, "R0 count has R != 0",
                               bad_offset, reason);
    }
    if (r.kl != 0 || r.dl != CKD_R0_DATA_SIZE) {
        return ckd_track_fault(r.offset + 5, "R0 is not KL 0 DL 8",
                               bad_offset, reason);
    }

    while ((res = ckd_track_iter_next(&it, &r)) == CKD_ITER_RECORD) {
        if (r.rec == 0) {
            return ckd_track_fault(r.offset + 4, "record after R0 has R 0",
                                   bad_offset, reason);
        }
        if ((r.head & head_mask) >= geo->heads) {
            return ckd_track_fault(r.offset + 2,
                                   "record head number not below heads",
                                   bad_offset, reason);
        }
    }
    if (res == CKD_ITER_BAD) {
        return ckd_track_fault(r.offset,
                               "record chain does not end at an end marker "
                               "inside the track image",
                               bad_offset, reason);
    }
    return true;
}

uint32_t ckd_track_put_record(uint8_t *buf, uint32_t trksize, uint32_t offset,
                              uint16_t cyl, uint16_t head, uint8_t rec_no,
                              const uint8_t *key, uint8_t kl,
                              const uint8_t *data, uint16_t dl)
{
    uint64_t end = (uint64_t)offset + CKD_COUNT_SIZE + kl + dl;
    uint8_t *p = buf + offset;

    if (offset < CKD_HA_SIZE || end + CKD_EOT_SIZE > trksize) {
        return 0;
    }
    stw_be_p(p, cyl);
    stw_be_p(p + 2, head);
    stb_p(p + 4, rec_no);
    stb_p(p + 5, kl);
    stw_be_p(p + 6, dl);
    p += CKD_COUNT_SIZE;
    if (key) {
        memcpy(p, key, kl);
    } else {
        memset(p, 0, kl);
    }
    p += kl;
    if (data) {
        memcpy(p, data, dl);
    } else {
        memset(p, 0, dl);
    }
    memcpy(buf + end, ckd_eot_marker, CKD_EOT_SIZE);
    return end;
}

void ckd_track_format_empty(const CkdGeometry *geo, uint32_t cyl,
                            uint32_t head, uint8_t *buf)
{
    memset(buf, 0, geo->trksize);
    stb_p(buf, 0);
    stw_be_p(buf + 1, cyl & 0xffff);
    stw_be_p(buf + 3, head);
    ckd_track_put_record(buf, geo->trksize, CKD_HA_SIZE, cyl & 0xffff, head,
                         0, NULL, 0, NULL, CKD_R0_DATA_SIZE);
}
