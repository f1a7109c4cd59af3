/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sequential data sets: read as dasdseq reads them, deblock, rewrite
 * (see dataset.h).
 */
#include "qemu/osdep.h"

#include "dataset.h"
#include "guest-error.h"
#include "ps-layout.h"

typedef struct ReadWalk {
    const Dscb1 *f1;
    uint32_t tt;            /* relative track being looked at */
    uint8_t first_rec;      /* record to start with on that track */
    bool use_lstar;         /* stop after the block DS1LSTAR names */
    bool done;
    DsBlockFn fn;
    void *opaque;
} ReadWalk;

static const EckdRecord *find_rec(GArray *recs, uint8_t r)
{
    for (guint i = 0; i < recs->len; i++) {
        const EckdRecord *e = &g_array_index(recs, EckdRecord, i);

        if (e->rec == r) {
            return e;
        }
    }
    return NULL;
}

static bool read_track(uint32_t track, const uint8_t *buf, size_t len,
                       GArray *recs, void *opaque, GError **errp)
{
    ReadWalk *w = opaque;
    bool lstar_valid = w->use_lstar && (w->f1->lstar_tt || w->f1->lstar_r);
    unsigned first = w->first_rec;

    if (w->done) {
        return true;
    }
    w->first_rec = 1;
    for (unsigned want = first; want <= 255; want++) {
        const EckdRecord *r;

        /* DS1LSTAR names the last block, when it is not zero */
        if (lstar_valid && w->tt == w->f1->lstar_tt &&
            want > w->f1->lstar_r) {
            w->done = true;
            return true;
        }
        r = find_rec(recs, (uint8_t)want);
        if (!r) {
            break;
        }
        if (r->dl == 0) {
            w->done = true;         /* end-of-file record */
            return true;
        }
        if (!w->fn(buf + r->count_off + ECKD_COUNT_SIZE + r->kl, r->dl,
                   w->opaque, errp)) {
            return false;
        }
    }
    w->tt++;
    return true;
}

static bool check_ps(const DasdDev *d, const VolDataset *ds, GError **errp)
{
    if (!((ds->f1.dsorg >> 8) & DSORG_PS) || (ds->f1.dsorg & 0xff)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "%s: %s: DSORG is %.2s; only DSORG=PS data sets are "
                    "sequential", d->sch.name, ds->f1.dsname,
                    dsorg_text(ds->f1.dsorg));
        return false;
    }
    return true;
}

/* Blocks from relative track @tt record @rec on, a cylinder at a time. */
static bool walk_blocks(DasdDev *d, const VolDataset *ds, uint32_t tt,
                        uint8_t rec, bool use_lstar, DsBlockFn fn,
                        void *opaque, GError **errp)
{
    uint32_t heads = d->geo.heads, space = dscb1_tracks(&ds->f1, heads);
    ReadWalk w = {
        .f1 = &ds->f1, .tt = tt, .first_rec = rec, .use_lstar = use_lstar,
        .fn = fn, .opaque = opaque,
    };

    while (!w.done && w.tt < space) {
        uint32_t track, ext_last, n;

        if (!vtoc_rel_track(&ds->f1, heads, w.tt, &track, &ext_last)) {
            break;
        }
        n = MIN(MIN(ext_last - track + 1, space - w.tt), DASD_TRACKS_PER_IO);
        if (!dasd_read_tracks(d, track, n, read_track, &w, errp)) {
            return false;
        }
    }
    return true;
}

bool dataset_read(DasdDev *d, const VolDataset *ds, DsBlockFn fn,
                  void *opaque, GError **errp)
{
    return check_ps(d, ds, errp) &&
           walk_blocks(d, ds, 0, 1, true, fn, opaque, errp);
}

bool dataset_read_from(DasdDev *d, const VolDataset *ds, uint32_t tt,
                       uint8_t rec, DsBlockFn fn, void *opaque,
                       GError **errp)
{
    if (rec == 0) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "%s: %s: TTR %04x00 names record 0, not a block",
                    d->sch.name, ds->f1.dsname, tt);
        return false;
    }
    return walk_blocks(d, ds, tt, rec, false, fn, opaque, errp);
}

bool dataset_deblock(const Dscb1 *f1, const uint8_t *block, size_t len,
                     DsRecordFn fn, void *opaque, GError **errp)
{
    uint8_t fmt = f1->recfm & RECFM_FORMAT;

    if (fmt == RECFM_V) {
        size_t off = 4, end;

        if (len < 4 || lduw_be_p(block) < 4 || lduw_be_p(block) > len) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                        "%s: block of %zu bytes has a bad block descriptor",
                        f1->dsname, len);
            return false;
        }
        end = lduw_be_p(block);
        while (off < end) {
            size_t rl = off + 4 <= end ? lduw_be_p(block + off) : 0;

            if (rl < 4 || off + rl > end) {
                g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                            "%s: bad record descriptor at offset %zu of a "
                            "%zu-byte block", f1->dsname, off, end);
                return false;
            }
            if (!fn(block + off + 4, rl - 4, opaque, errp)) {
                return false;
            }
            off += rl;
        }
        return true;
    }
    if (fmt == RECFM_F && f1->lrecl) {
        for (size_t off = 0; off < len; off += f1->lrecl) {
            if (!fn(block + off, MIN(f1->lrecl, len - off), opaque, errp)) {
                return false;
            }
        }
        return true;
    }
    return fn(block, len, opaque, errp);
}

/* Format the planned blocks and the end-of-file record, extent by extent. */
static bool write_blocks(DasdDev *d, const Dscb1 *f1, const PsLayout *plan,
                         const uint8_t *records, size_t nrec,
                         size_t per_block, GError **errp)
{
    uint32_t heads = d->geo.heads, base = 0;
    size_t nblk = plan->blocks->len;

    for (unsigned e = 0; e < f1->next_ext; e++) {
        const DsExtent *x = &f1->ext[e];
        uint32_t n = extent_tracks(x, heads);
        uint32_t first = x->bcyl * heads + x->bhead;
        g_autoptr(GArray) recs = g_array_new(false, false,
                                             sizeof(DasdNewRecord));

        for (size_t i = 0; i <= nblk; i++) {
            const PsPlace *p;
            DasdNewRecord r = { 0 };

            if (i < nblk) {
                size_t first_rec = i * per_block;

                p = &g_array_index(plan->blocks, PsPlace, i);
                r.dl = (uint16_t)(MIN(per_block, nrec - first_rec) *
                                  f1->lrecl);
                r.data = records + first_rec * f1->lrecl;
            } else if (plan->has_eof) {
                p = &plan->eof;
            } else {
                break;
            }
            if (p->tt < base || p->tt >= base + n) {
                continue;
            }
            r.track = first + (p->tt - base);
            r.rec = p->rec;
            g_array_append_val(recs, r);
        }
        if (recs->len &&
            !dasd_format_records(d, first, first + n - 1,
                                 (const DasdNewRecord *)recs->data,
                                 recs->len, errp)) {
            return false;
        }
        base += n;
    }
    return true;
}

/* Rewrite DS1LSTAR and DS1TRBAL in the data set's format-1 DSCB. */
static bool update_dscb(DasdDev *d, const VolDataset *ds,
                        const PsLayout *plan, GError **errp)
{
    uint8_t dscb[DSCB_SIZE + 8];
    size_t len;
    Dscb1 now;

    if (!dasd_read_record(d, "the format-1 DSCB", ds->track, ds->rec, true,
                          dscb, sizeof(dscb), &len, errp)) {
        return false;
    }
    if (len != DSCB_SIZE || !vtoc_parse_dscb1(dscb, &now) ||
        strcmp(now.dsname, ds->f1.dsname) != 0) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "%s: the DSCB of %s moved while it was written",
                    d->sch.name, ds->f1.dsname);
        return false;
    }
    stw_be_p(dscb + DSCB1_LSTAR_OFF, plan->lstar_tt);
    dscb[DSCB1_LSTAR_OFF + 2] = plan->lstar_r;
    stw_be_p(dscb + DSCB1_TRBAL_OFF, plan->trbal);
    return dasd_update_record(d, "the format-1 DSCB", ds->track, ds->rec,
                              false, dscb + DSCB_KEY_SIZE, DSCB_DATA_SIZE,
                              errp);
}

bool dataset_write(DasdDev *d, const VolDataset *ds, const uint8_t *records,
                   size_t nrec, size_t *blocks, GError **errp)
{
    const Dscb1 *f1 = &ds->f1;
    char recfm[8];
    g_autofree uint32_t *lens = NULL;
    size_t per_block, nblk;
    PsLayout plan;
    bool ok;

    if (!check_ps(d, ds, errp)) {
        return false;
    }
    if ((f1->recfm & RECFM_FORMAT) != RECFM_F || f1->keylen ||
        !f1->lrecl || f1->blksize < f1->lrecl) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "%s: %s: RECFM=%s LRECL=%u BLKSIZE=%u KEYLEN=%u; write "
                    "handles unkeyed RECFM F/FB data sets with BLKSIZE >= "
                    "LRECL > 0", d->sch.name, f1->dsname,
                    recfm_text(f1->recfm, recfm), f1->lrecl, f1->blksize,
                    f1->keylen);
        return false;
    }
    per_block = (f1->recfm & RECFM_B) ? f1->blksize / f1->lrecl : 1;
    nblk = (nrec + per_block - 1) / per_block;
    lens = g_new0(uint32_t, MAX(nblk, 1));
    for (size_t i = 0; i < nblk; i++) {
        lens[i] = (uint32_t)(MIN(per_block, nrec - i * per_block) *
                             f1->lrecl);
    }
    if (!ps_layout_plan(lens, nblk, dscb1_tracks(f1, d->geo.heads), &plan,
                        errp)) {
        g_prefix_error(errp, "%s: %s: ", d->sch.name, f1->dsname);
        return false;
    }
    ok = write_blocks(d, f1, &plan, records, nrec, per_block, errp) &&
         update_dscb(d, ds, &plan, errp);
    ps_layout_clear(&plan);
    if (ok && blocks) {
        *blocks = nblk;
    }
    return ok;
}
