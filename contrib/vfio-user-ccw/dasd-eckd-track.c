/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-eckd-track.c: the track under the heads of the 3390 model.
 *
 * The device keeps one track image (read through block/ckd.h) and a table
 * of where its records are.  Orientation is a position on that table
 * (index point, after the HA, after a record's count, key or data).  This
 * file moves that position: to the next count field, over the index point
 * (wrapping round the same track, or switching to the next one for
 * multitrack commands and inside Locate Record domains), and writes
 * changed track images back to the image file.
 *
 * Facts: facts-dasd-eckd.md sections 1.2 (record capacity), 2.1 (state,
 * index points, multitrack, end of cylinder) and 3.2 (track images).
 */
#include "qemu/osdep.h"

#include "dasd-eckd-int.h"

/* ---- record capacity ---- */

static uint32_t div_up(uint32_t a, uint32_t b)
{
    return (a + b - 1) / b;
}

/*
 * 3390 capacity formula 2 with factors 34/19/9/6/116/6: a record takes
 * 10 cells for its count area, 9 plus its data bytes (with 6 bytes of
 * overhead per 232-byte chunk and 6 more) in 34-byte cells, and the same
 * for the key when there is one.
 */
uint32_t dasd_eckd_record_cells(uint8_t kl, uint32_t dl)
{
    uint32_t dn = div_up(dl + 6, 232) + 1;
    uint32_t cells = 10 + 9 + div_up(dl + 6 * dn, 34);

    if (kl) {
        uint32_t kn = div_up(kl + 6u, 232) + 1;

        cells += 9 + div_up(kl + 6 * kn, 34);
    }
    return cells;
}

/* Cells used by the user records R1..@upto of the current track. */
uint32_t dasd_track_cells(const DasdEckd *d, uint32_t upto)
{
    uint32_t cells = 0;

    for (uint32_t i = 1; i <= upto && i < d->trk.nrec; i++) {
        cells += dasd_eckd_record_cells(d->trk.rec[i].kl, d->trk.rec[i].dl);
    }
    return cells;
}

/* ---- reading tracks ---- */

/* Build the record table of d->trk.buf. */
static bool dasd_track_parse(DasdEckd *d)
{
    DasdTrack *t = &d->trk;
    CkdTrackIter it;
    CkdRecord r;

    t->nrec = 0;
    ckd_track_iter_init(&it, t->buf, d->geo.trksize);
    for (;;) {
        switch (ckd_track_iter_next(&it, &r)) {
        case CKD_ITER_RECORD:
            /* every record is at least a count field: the table fits */
            t->rec[t->nrec].off = r.offset;
            t->rec[t->nrec].kl = r.kl;
            t->rec[t->nrec].dl = r.dl;
            t->nrec++;
            break;
        case CKD_ITER_END:
            t->end = r.offset;
            /* R0 is where orientation counts from; a track needs it */
            return t->nrec > 0 && t->buf[t->rec[0].off + 4] == 0;
        default:
            return false;
        }
    }
}

/* Unit check for a failed image access, keeping the image's message. */
static bool dasd_image_failed(DasdEckd *d, const GError *err)
{
    dasd_set_last_error(d, err);
    if (g_error_matches(err, CKD_ERROR, CKD_ERROR_TRACK_FORMAT)) {
        return dasd_fail(d, 0, DASD_SNS1_INVALID_TRACK_FMT, 0);
    }
    /* the host could not read or write the file: the "hardware" failed */
    return dasd_fail(d, DASD_SNS0_EQUIPMENT_CHECK, 0,
                     DASD_SNS7_EQUIPMENT_FORMAT1);
}

bool dasd_track_load(DasdEckd *d, uint32_t cyl, uint32_t head)
{
    DasdTrack *t = &d->trk;
    g_autoptr(GError) err = NULL;

    if (t->valid && t->cyl == cyl && t->head == head) {
        return true;
    }
    t->valid = false;
    if (!ckd_read_track(d->img, cyl, head, t->buf, &err)) {
        return dasd_image_failed(d, err);
    }
    if (!dasd_track_parse(d)) {
        g_autoptr(GError) perr = g_error_new(
            CKD_ERROR, CKD_ERROR_TRACK_FORMAT,
            "cyl %" PRIu32 " head %" PRIu32 ": record chain is malformed",
            cyl, head);

        return dasd_image_failed(d, perr);
    }
    t->cyl = cyl;
    t->head = head;
    t->valid = true;
    return true;
}

/*
 * Move the access mechanism to @cyl/@head and stand at its index point.
 * The caller has checked volume and extent limits.
 */
bool dasd_seek_to(DasdEckd *d, uint32_t cyl, uint32_t head)
{
    DasdChain *ch = &d->ch;

    ch->cyl = cyl;
    ch->head = head;
    ch->have_seek = true;
    ch->pos = POS_INDEX;
    ch->rec = 0;
    return dasd_track_load(d, cyl, head);
}

bool dasd_in_extent(const DasdEckd *d, uint32_t cyl, uint32_t head)
{
    uint64_t trk = (uint64_t)cyl * DASD_HEADS + head;

    return cyl < d->geo.cyls && head < DASD_HEADS &&
           trk >= d->ch.ext_begin && trk <= d->ch.ext_end;
}

const uint8_t *dasd_rec_count(const DasdEckd *d, uint32_t rec)
{
    return d->trk.buf + d->trk.rec[rec].off;
}

/* ---- moving over the track ---- */

/*
 * Head switch to the next track (the next cylinder after head 14), as a
 * Locate Record domain or a multitrack command does it; outside the extent
 * (or the volume) that is file protected.
 */
bool dasd_next_track(DasdEckd *d)
{
    uint32_t cyl = d->ch.cyl, head = d->ch.head + 1;

    if (head == DASD_HEADS) {
        head = 0;
        cyl++;
    }
    if (!dasd_in_extent(d, cyl, head)) {
        return dasd_file_protected(d);
    }
    return dasd_seek_to(d, cyl, head);
}

/*
 * The heads reach the index point while @c looks for the next count.
 * Inside a domain the device goes on to the next track; outside, a
 * multitrack command does so within the cylinder, and a single-track one
 * wraps round the same track.  Passing the index point twice without a
 * record being transferred in between means the record is not there.
 */
bool dasd_pass_index(DasdEckd *d, const DasdCmd *c)
{
    DasdChain *ch = &d->ch;

    if (c->in_domain) {
        if (++ch->index_passes >= 2) {
            return dasd_fail(d, 0, DASD_SNS1_NO_RECORD_FOUND, 0);
        }
        return dasd_next_track(d);
    }
    if (c->code & CCW_MT) {
        if ((ch->mask & DX_MASK_SEEK) == DX_MASK_SEEK_NONE) {
            return dasd_file_protected(d);
        }
        if (ch->head + 1 >= DASD_HEADS) {
            return dasd_fail(d, 0, DASD_SNS1_END_OF_CYLINDER, 0);
        }
        return dasd_next_track(d);
    }
    if (++ch->index_passes >= 2) {
        return dasd_fail(d, 0, DASD_SNS1_NO_RECORD_FOUND, 0);
    }
    ch->pos = POS_INDEX;
    ch->rec = 0;
    return true;
}

/*
 * Orient to the next count field, passing the index point as needed.
 * @skip_r0: the command works on user records only (all but Read R0,
 * Read Track, the Search ID family and the "read any" domain).
 */
bool dasd_next_count(DasdEckd *d, const DasdCmd *c, bool skip_r0)
{
    DasdChain *ch = &d->ch;

    for (;;) {
        uint32_t next;

        if (!ch->have_seek) {
            /* chaining check: no Seek, Locate Record or Read IPL before */
            return dasd_reject(d, DASD_SNS7_INVALID_SEQUENCE);
        }
        if (!dasd_track_load(d, ch->cyl, ch->head)) {
            return false;
        }
        next = (ch->pos == POS_INDEX || ch->pos == POS_HA) ? 0 : ch->rec + 1;
        if (next >= d->trk.nrec) {
            if (!dasd_pass_index(d, c)) {
                return false;
            }
            continue;
        }
        ch->rec = next;
        if (next == 0 && skip_r0) {
            ch->pos = POS_DATA;
            continue;
        }
        ch->pos = POS_COUNT;
        return true;
    }
}

/* ---- writing tracks ---- */

/*
 * Write the track image in d->scratch to the file and make it the current
 * track.  The image layer refuses a track it could not store faithfully
 * (an R0 that is not 8 bytes, a user record numbered 0, a head number too
 * large): invalid track format, nothing written.
 */
bool dasd_track_commit(DasdEckd *d)
{
    DasdTrack *t = &d->trk;
    g_autoptr(GError) err = NULL;

    if (!ckd_write_track(d->img, t->cyl, t->head, d->scratch, &err)) {
        if (!g_error_matches(err, CKD_ERROR, CKD_ERROR_TRACK_FORMAT)) {
            /* the file's copy of the track is unknown now */
            t->valid = false;
        }
        return dasd_image_failed(d, err);
    }
    memcpy(t->buf, d->scratch, d->geo.trksize);
    if (!dasd_track_parse(d)) {
        /* the image layer checked the same chain: cannot happen */
        t->valid = false;
        return dasd_fail(d, DASD_SNS0_EQUIPMENT_CHECK, 0,
                         DASD_SNS7_EQUIPMENT_FORMAT1);
    }
    return true;
}

/*
 * Format write: keep the current track up to offset @keep, then put the
 * record whose 8-byte count is @count (key and data from @c at offset @at,
 * zero padded) when @count is not NULL, then the end-of-track marker; the
 * rest of the track is erased.  @cells is the capacity the kept user
 * records already use.  Result in d->scratch, not yet written.
 */
bool dasd_track_build(DasdEckd *d, uint32_t keep, uint32_t cells,
                      const uint8_t *count, const DasdCmd *c, uint32_t at)
{
    uint8_t *s = d->scratch;
    uint32_t end = keep;

    if (count) {
        uint8_t kl = count[5];
        uint16_t dl = lduw_be_p(count + 6);
        bool r0 = keep == CKD_HA_SIZE;

        if (!r0 && cells + dasd_eckd_record_cells(kl, dl) >
                   DASD_ECKD_TRACK_CELLS) {
            /* more than a 3390 track holds */
            return dasd_fail(d, 0, DASD_SNS1_INVALID_TRACK_FMT, 0);
        }
        if ((uint64_t)keep + CKD_COUNT_SIZE + kl + dl + CKD_EOT_SIZE >
            d->geo.trksize) {
            return dasd_fail(d, 0, DASD_SNS1_INVALID_TRACK_FMT, 0);
        }
        memcpy(s, d->trk.buf, keep);
        memcpy(s + end, count, CKD_COUNT_SIZE);
        end += CKD_COUNT_SIZE;
        dasd_get(c, at, s + end, kl + dl);
        end += kl + dl;
    } else {
        memcpy(s, d->trk.buf, keep);
    }
    memset(s + end, 0xFF, CKD_EOT_SIZE);
    end += CKD_EOT_SIZE;
    /* zero the tail so that images round-trip byte for byte */
    memset(s + end, 0, d->geo.trksize - end);
    return true;
}
