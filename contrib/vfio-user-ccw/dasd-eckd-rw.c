/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-eckd-rw.c: record commands of the 3390/3990 model: reads, searches
 * and writes, inside and outside Locate Record domains.
 *
 * Facts: facts-dasd-eckd.md sections 2.1 (orientation rules, R0 skipping,
 * end-of-file records, zero padding, erasing the rest of a track), 2.3
 * (domains) and 2.7 (what each command needs before it).
 */
#include "qemu/osdep.h"

#include "hw/s390x/ioinst.h"
#include "dasd-eckd-int.h"

/* Parts of a record a read transfers. */
enum {
    FIELD_COUNT = 1,
    FIELD_KEY = 2,
    FIELD_DATA = 4,
};

/* The kinds of write the Define Extent file mask tells apart. */
typedef enum DasdWriteKind {
    WRITE_UPDATE,   /* Write Data / Key and Data: layout unchanged */
    WRITE_FORMAT,   /* Write CKD, Erase: rewrites the rest of the track */
    WRITE_R0,       /* Write R0: rewrites the whole track */
} DasdWriteKind;

/* Is this write permitted by the image and the file mask? */
static bool dasd_write_allowed(DasdEckd *d, DasdWriteKind kind)
{
    uint8_t wc = d->ch.mask & DX_MASK_WRITE;
    bool ok;

    switch (kind) {
    case WRITE_UPDATE:
        ok = wc != DX_MASK_INHIBIT_ALL;
        break;
    case WRITE_FORMAT:
        ok = wc == DX_MASK_INHIBIT_HA_R0 || wc == DX_MASK_ALLOW_ALL;
        break;
    default:
        ok = wc == DX_MASK_ALLOW_ALL;
        break;
    }
    /* A read-only image is a write-inhibited device, whatever the mask. */
    if (d->readonly) {
        return dasd_write_inhibited(d);
    }
    if (!ok) {
        return dasd_file_protected(d);
    }
    return true;
}

static const DasdRec *dasd_cur(const DasdEckd *d)
{
    return &d->trk.rec[d->ch.rec];
}

/* Offset just past the data of the current record. */
static uint32_t dasd_cur_end(const DasdEckd *d)
{
    const DasdRec *r = dasd_cur(d);

    return r->off + CKD_COUNT_SIZE + r->kl + r->dl;
}

/* Inside a "read any record" domain R0 counts as a record too. */
static bool dasd_skip_r0(const DasdEckd *d, const DasdCmd *c)
{
    return !(c->in_domain && d->ch.lr_op == LR_OP_READ);
}

/* ---- reads ---- */

/* Transfer @fields of the current record to the channel. */
static void dasd_transfer(DasdEckd *d, DasdCmd *c, unsigned fields)
{
    const DasdRec *r = dasd_cur(d);
    const uint8_t *p = d->trk.buf + r->off;
    uint32_t at = 0;

    c->data_len = ((fields & FIELD_COUNT) ? CKD_COUNT_SIZE : 0) +
                  ((fields & FIELD_KEY) ? r->kl : 0) +
                  ((fields & FIELD_DATA) ? r->dl : 0);
    if (fields & FIELD_COUNT) {
        dasd_put(c, at, p, CKD_COUNT_SIZE);
        at += CKD_COUNT_SIZE;
    }
    if (fields & FIELD_KEY) {
        dasd_put(c, at, p + CKD_COUNT_SIZE, r->kl);
        at += r->kl;
    }
    if (fields & FIELD_DATA) {
        dasd_put(c, at, p + CKD_COUNT_SIZE + r->kl, r->dl);
        d->ch.pos = POS_DATA;
        if (r->dl == 0) {
            /* an end-of-file record */
            c->status |= SCSW_DSTAT_UNIT_EXCEP;
        }
    } else {
        d->ch.pos = POS_COUNT;
    }
}

/*
 * Read @fields of a record.  Reading data (or key and data) right after
 * that record's count (or key) passed under the heads continues the same
 * record; everything else starts at the next count field.
 */
static bool dasd_read_fields(DasdEckd *d, DasdCmd *c, unsigned fields)
{
    DasdChain *ch = &d->ch;
    bool same = (fields == FIELD_DATA &&
                 (ch->pos == POS_COUNT || ch->pos == POS_KEY)) ||
                (fields == (FIELD_KEY | FIELD_DATA) && ch->pos == POS_COUNT);

    if (same) {
        if (!dasd_track_load(d, ch->cyl, ch->head)) {
            return false;
        }
    } else if (!dasd_next_count(d, c, dasd_skip_r0(d, c))) {
        return false;
    }
    dasd_transfer(d, c, fields);
    return true;
}

/* Read Data, Read Key and Data, Read Count, Read CKD and their MT forms. */
bool dasd_cmd_read(DasdEckd *d, DasdCmd *c)
{
    switch (c->code & ~CCW_MT) {
    case CCW_READ_DATA:
        return dasd_read_fields(d, c, FIELD_DATA);
    case CCW_READ_KD:
        return dasd_read_fields(d, c, FIELD_KEY | FIELD_DATA);
    case CCW_READ_COUNT:
        return dasd_read_fields(d, c, FIELD_COUNT);
    default:
        return dasd_read_fields(d, c, FIELD_COUNT | FIELD_KEY | FIELD_DATA);
    }
}

/* Read IPL: seek to cylinder 0 head 0 and read the data of R1. */
bool dasd_cmd_read_ipl(DasdEckd *d, DasdCmd *c)
{
    return dasd_ipl_position(d) && dasd_read_fields(d, c, FIELD_DATA);
}

/*
 * Come round to the index point of a track for Read HA / Read R0 / Search
 * HA: right here if the device is at it, else past the rest of this track
 * (to the next track for multitrack commands and in domains).
 */
static bool dasd_to_index(DasdEckd *d, const DasdCmd *c, bool counted)
{
    DasdChain *ch = &d->ch;

    if (!ch->have_seek) {
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    if (!dasd_track_load(d, ch->cyl, ch->head)) {
        return false;
    }
    if (ch->pos == POS_INDEX) {
        return true;
    }
    if (!counted && !c->in_domain && !(c->code & CCW_MT)) {
        ch->pos = POS_INDEX;
        return true;
    }
    return dasd_pass_index(d, c);
}

/* Read Home Address: bin byte (0) and the track's CCHH, 5 bytes. */
bool dasd_cmd_read_ha(DasdEckd *d, DasdCmd *c)
{
    uint8_t ha[CKD_HA_SIZE] = { 0 };

    if (!dasd_to_index(d, c, false)) {
        return false;
    }
    dasd_cchh_store(ha + 1, d->ch.cyl, d->ch.head);
    c->data_len = sizeof(ha);
    dasd_put(c, 0, ha, sizeof(ha));
    d->ch.pos = POS_HA;
    return true;
}

/* Read Record Zero: count, key and data of R0. */
bool dasd_cmd_read_r0(DasdEckd *d, DasdCmd *c)
{
    /* right after the home address R0 is next; else round to the index */
    if (d->ch.pos == POS_HA) {
        if (!dasd_track_load(d, d->ch.cyl, d->ch.head)) {
            return false;
        }
    } else if (!dasd_to_index(d, c, false)) {
        return false;
    }
    d->ch.rec = 0;
    dasd_transfer(d, c, FIELD_COUNT | FIELD_KEY | FIELD_DATA);
    return true;
}

/* Copy records @from..end of the current track (count, key, data each). */
static uint32_t dasd_put_records(DasdEckd *d, DasdCmd *c, uint32_t from)
{
    uint32_t at = 0;

    for (uint32_t i = from; i < d->trk.nrec; i++) {
        const DasdRec *r = &d->trk.rec[i];
        uint32_t len = CKD_COUNT_SIZE + r->kl + r->dl;

        dasd_put(c, at, d->trk.buf + r->off, len);
        at += len;
    }
    if (d->trk.nrec > from) {
        d->ch.rec = d->trk.nrec - 1;
        d->ch.pos = POS_DATA;
    }
    return at;
}

/* Read Multiple Count, Key and Data: R1..Rn of the track in one transfer. */
bool dasd_cmd_read_multiple_ckd(DasdEckd *d, DasdCmd *c)
{
    if (!d->ch.have_seek) {
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    if (!dasd_track_load(d, d->ch.cyl, d->ch.head)) {
        return false;
    }
    c->data_len = dasd_put_records(d, c, 1);
    return true;
}

/*
 * Read Track (in a Read Tracks domain): every record of a track from R0
 * on, then the 8-byte end-of-track marker.  The first Read Track of the
 * domain reads the located track, each further one the next track.
 */
bool dasd_cmd_read_track(DasdEckd *d, DasdCmd *c)
{
    static const uint8_t eot[CKD_EOT_SIZE] = {
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
    };
    uint32_t at;

    if (!c->in_domain) {
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    if (d->ch.lr_done > 0 && !dasd_next_track(d)) {
        return false;
    }
    if (!dasd_track_load(d, d->ch.cyl, d->ch.head)) {
        return false;
    }
    at = dasd_put_records(d, c, 0);
    dasd_put(c, at, eot, sizeof(eot));
    c->data_len = at + sizeof(eot);
    return true;
}

/* ---- searches ---- */

/*
 * Compare a field of the track with the search argument from the channel
 * (at most @len bytes, fewer if the channel sent fewer).  Equal, High
 * (the track's field is greater) or Equal-or-High by the command code.
 */
static bool dasd_search_hit(const DasdCmd *c, const uint8_t *field,
                            uint32_t len)
{
    uint32_t n = MIN(c->count, len);
    int cmp = n ? memcmp(field, c->buf, n) : 0;

    switch (c->code & 0x70) {
    case 0x20:
    case 0x30:
        return cmp == 0;
    case 0x40:
    case 0x50:
        return cmp > 0;
    default:
        return cmp >= 0;
    }
}

/* Search ID / Search Key, Equal / High / Equal or High, and MT forms. */
bool dasd_cmd_search(DasdEckd *d, DasdCmd *c)
{
    DasdChain *ch = &d->ch;
    uint8_t kind = c->code & ~CCW_MT;
    bool by_id = kind == CCW_SEARCH_ID_EQ || kind == CCW_SEARCH_ID_HI ||
                 kind == CCW_SEARCH_ID_EH;
    const uint8_t *count;
    bool hit;

    /* ID searches look at R0 too; key searches only at user records */
    if (!dasd_next_count(d, c, !by_id)) {
        return false;
    }
    count = dasd_rec_count(d, ch->rec);
    if (by_id) {
        c->data_len = 5;
        hit = dasd_search_hit(c, count, 5);
    } else {
        /* a record without a key never satisfies a key search */
        c->data_len = dasd_cur(d)->kl;
        hit = c->data_len && dasd_search_hit(c, count + CKD_COUNT_SIZE,
                                             c->data_len);
        ch->pos = POS_KEY;
    }
    if (hit) {
        c->status |= SCSW_DSTAT_STAT_MOD;
        if (kind == CCW_SEARCH_ID_EQ) {
            ch->prev = PREV_SEARCH_ID_EQ;
        } else if (kind == CCW_SEARCH_KEY_EQ) {
            ch->prev = PREV_SEARCH_KEY_EQ;
        }
    }
    return true;
}

/* Search Home Address Equal: the track's CCHH against 4 argument bytes. */
bool dasd_cmd_search_ha(DasdEckd *d, DasdCmd *c)
{
    uint8_t cchh[4];

    if (!dasd_to_index(d, c, true)) {
        return false;
    }
    dasd_cchh_store(cchh, d->ch.cyl, d->ch.head);
    c->data_len = sizeof(cchh);
    d->ch.pos = POS_HA;
    if (dasd_search_hit(c, cchh, sizeof(cchh))) {
        c->status |= SCSW_DSTAT_STAT_MOD;
        d->ch.prev = PREV_SEARCH_HA_EQ;
    }
    return true;
}

/* ---- writes ---- */

/*
 * Write Data / Write Key and Data (after a matching search, or last in a
 * Write Data domain), Write Update Data / Key and Data (in a Write Data
 * domain) and the Write Data that starts a Write Track domain.  Updates
 * never change the track layout, except that Write Track erases what
 * follows the record.
 */
bool dasd_cmd_write_update(DasdEckd *d, DasdCmd *c)
{
    DasdChain *ch = &d->ch;
    bool with_key = (c->code & ~CCW_MT) == CCW_WRITE_KD;
    bool write_track = c->in_domain && ch->lr_op == LR_OP_WRITE_TRACK;
    const DasdRec *r;
    uint32_t len, at;

    if (write_track) {
        /* R0 (or the located record) is the one updated */
        if (ch->pos == POS_INDEX || ch->pos == POS_HA) {
            ch->rec = 0;
        }
    } else if (c->in_domain) {
        if (ch->pos != POS_COUNT && !dasd_next_count(d, c, true)) {
            return false;
        }
    } else if ((c->code & CCW_MT) ||
               !(c->prev == PREV_SEARCH_ID_EQ ||
                 (c->prev == PREV_SEARCH_KEY_EQ && !with_key))) {
        /*
         * Outside a domain the record must have been found by a search
         * that matched; Write Key and Data needs the key still ahead.
         */
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    if (!dasd_track_load(d, ch->cyl, ch->head)) {
        return false;
    }
    r = dasd_cur(d);
    len = (with_key ? r->kl : 0) + r->dl;
    c->data_len = len;
    if (c->in_domain && !write_track && ch->tlf &&
        !(ch->ga & DX_GA_CKD_CONV) && len != ch->tlf) {
        /* the record is not the length Locate Record announced */
        return dasd_fail(d, 0, DASD_SNS1_INVALID_TRACK_FMT, 0);
    }
    if (!dasd_write_allowed(d, write_track ? WRITE_FORMAT : WRITE_UPDATE)) {
        return false;
    }
    memcpy(d->scratch, d->trk.buf, d->geo.trksize);
    at = r->off + CKD_COUNT_SIZE + (with_key ? 0 : r->kl);
    dasd_get(c, 0, d->scratch + at, len);
    if (write_track) {
        uint32_t end = dasd_cur_end(d);

        memset(d->scratch + end, 0xFF, CKD_EOT_SIZE);
        memset(d->scratch + end + CKD_EOT_SIZE, 0,
               d->geo.trksize - end - CKD_EOT_SIZE);
    }
    if (!dasd_track_commit(d)) {
        return false;
    }
    ch->pos = POS_DATA;
    return true;
}

/* Fetch the 8-byte count field that starts a format write. */
static bool dasd_get_count(DasdEckd *d, DasdCmd *c, uint8_t *count)
{
    if (c->count < CKD_COUNT_SIZE) {
        c->data_len = CKD_COUNT_SIZE;
        return dasd_reject(d, DASD_SNS7_COUNT_TOO_SMALL);
    }
    dasd_get(c, 0, count, CKD_COUNT_SIZE);
    c->data_len = CKD_COUNT_SIZE + count[5] + lduw_be_p(count + 6);
    return true;
}

/*
 * Write R0: after Search HA Equal, or first in a Format Write domain
 * oriented to the index or home address.  Rewrites the whole track.
 */
bool dasd_cmd_write_r0(DasdEckd *d, DasdCmd *c)
{
    DasdChain *ch = &d->ch;
    uint8_t count[CKD_COUNT_SIZE];

    if (!c->in_domain && c->prev != PREV_SEARCH_HA_EQ) {
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    if (!dasd_get_count(d, c, count) || !dasd_write_allowed(d, WRITE_R0) ||
        !dasd_track_load(d, ch->cyl, ch->head) ||
        !dasd_track_build(d, CKD_HA_SIZE, 0, count, c, CKD_COUNT_SIZE) ||
        !dasd_track_commit(d)) {
        return false;
    }
    ch->rec = 0;
    ch->pos = POS_DATA;
    ch->prev = PREV_FORMAT_WRITE;
    return true;
}

/*
 * Is the device where a format write (Write CKD, Erase) may put the next
 * record?  In a domain: after some record of the located track.  Outside:
 * after a matching Search ID/Key Equal or another format write.
 */
static bool dasd_format_position(DasdEckd *d, const DasdCmd *c)
{
    DasdChain *ch = &d->ch;

    if (c->in_domain) {
        if (ch->pos == POS_INDEX || ch->pos == POS_HA) {
            /* R0 has to be written first */
            return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
        }
        return dasd_track_load(d, ch->cyl, ch->head);
    }
    if (c->prev != PREV_SEARCH_ID_EQ && c->prev != PREV_SEARCH_KEY_EQ &&
        c->prev != PREV_FORMAT_WRITE) {
        return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
    }
    return dasd_track_load(d, ch->cyl, ch->head);
}

/*
 * Write Count, Key and Data: a new record after the current one; the rest
 * of the track is erased.  Write CKD Next Track does the same after R0 of
 * the next track, chained from a Write CKD in a Format Write domain.
 */
bool dasd_cmd_write_ckd(DasdEckd *d, DasdCmd *c)
{
    DasdChain *ch = &d->ch;
    uint8_t count[CKD_COUNT_SIZE];

    if (c->code == CCW_WRITE_CKD_NEXT_TRACK) {
        if (!c->in_domain || c->prev != PREV_FORMAT_WRITE ||
            (ch->prev_cmd != CCW_WRITE_CKD &&
             ch->prev_cmd != CCW_WRITE_CKD_NEXT_TRACK)) {
            return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
        }
        if (!dasd_get_count(d, c, count) ||
            !dasd_write_allowed(d, WRITE_FORMAT) || !dasd_next_track(d)) {
            return false;
        }
        ch->rec = 0;
        ch->pos = POS_DATA;
    } else if (!dasd_format_position(d, c) || !dasd_get_count(d, c, count) ||
               !dasd_write_allowed(d, WRITE_FORMAT)) {
        return false;
    }
    if (!dasd_track_build(d, dasd_cur_end(d), dasd_track_cells(d, ch->rec),
                          count, c, CKD_COUNT_SIZE) ||
        !dasd_track_commit(d)) {
        return false;
    }
    ch->rec++;
    ch->pos = POS_DATA;
    ch->prev = PREV_FORMAT_WRITE;
    return true;
}

/* Erase: end the track after the current record. */
bool dasd_cmd_erase(DasdEckd *d, DasdCmd *c)
{
    uint8_t count[CKD_COUNT_SIZE];

    if (!dasd_format_position(d, c) || !dasd_get_count(d, c, count) ||
        !dasd_write_allowed(d, WRITE_FORMAT) ||
        !dasd_track_build(d, dasd_cur_end(d), 0, NULL, c, 0) ||
        !dasd_track_commit(d)) {
        return false;
    }
    d->ch.pos = POS_DATA;
    return true;
}
