/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An OS volume's label and VTOC, read through channel programs (see
 * volume.h).
 */
#include "qemu/osdep.h"

#include "guest-error.h"
#include "volume.h"

/* Format-3 DSCBs are chained; a damaged chain must not loop forever. */
#define F3_CHAIN_MAX 8

typedef struct VtocWalk {
    Volume *v;
    uint16_t heads;
    GHashTable *f3;         /* CCHHR (as uint64) -> DSCB bytes */
} VtocWalk;

static uint64_t cchhr_key(uint32_t cyl, uint32_t head, uint8_t rec)
{
    return ((uint64_t)cyl << 24) | ((uint64_t)head << 8) | rec;
}

static bool vtoc_track(uint32_t track, const uint8_t *buf, size_t len,
                       GArray *recs, void *opaque, GError **errp)
{
    VtocWalk *w = opaque;

    for (guint i = 0; i < recs->len; i++) {
        const EckdRecord *r = &g_array_index(recs, EckdRecord, i);
        const uint8_t *dscb = buf + r->count_off + ECKD_COUNT_SIZE;
        VolDataset ds;

        if (r->rec == 0 || r->kl != DSCB_KEY_SIZE ||
            r->dl != DSCB_DATA_SIZE) {
            continue;
        }
        w->v->dscbs++;
        if (vtoc_parse_dscb1(dscb, &ds.f1)) {
            ds.track = track;
            ds.rec = r->rec;
            g_array_append_val(w->v->datasets, ds);
        } else if (dscb[44] == DSCB_FMT3) {
            uint64_t *key = g_new(uint64_t, 1);

            *key = cchhr_key(track / w->heads, track % w->heads, r->rec);
            g_hash_table_insert(w->f3, key, g_memdup2(dscb, DSCB_SIZE));
        }
    }
    return true;
}

/* Follow a data set's chain of format-3 DSCBs for its extra extents. */
static void add_f3_extents(VtocWalk *w, Dscb1 *f1)
{
    for (int hop = 0; hop < F3_CHAIN_MAX; hop++) {
        uint64_t key = cchhr_key(lduw_be_p(f1->next), lduw_be_p(f1->next + 2),
                                 f1->next[4]);
        const uint8_t *dscb;

        if (!key) {
            return;
        }
        dscb = g_hash_table_lookup(w->f3, &key);
        if (!dscb || !vtoc_add_dscb3(dscb, f1)) {
            return;
        }
    }
}

bool volume_read(DasdDev *d, Volume *v, GError **errp)
{
    uint8_t buf[256];
    size_t len;
    uint32_t heads = d->geo.heads, f4_track, last;
    g_autoptr(GHashTable) f3 = g_hash_table_new_full(g_int64_hash,
                                                     g_int64_equal,
                                                     g_free, g_free);
    VtocWalk walk = { .v = v, .heads = d->geo.heads, .f3 = f3 };

    memset(v, 0, sizeof(*v));
    v->datasets = g_array_new(false, true, sizeof(VolDataset));
    if (!dasd_read_record(d, "the VOL1 label", 0, 3, false, buf,
                          sizeof(buf), &len, errp)) {
        return false;
    }
    if (!vtoc_parse_vol1(buf, len, &v->vol1, errp)) {
        g_prefix_error(errp, "%s: ", d->sch.name);
        return false;
    }
    f4_track = v->vol1.vtoc_cyl * heads + v->vol1.vtoc_head;
    if (v->vol1.vtoc_head >= heads || f4_track >= dasd_tracks(d)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "%s: VOL1 points at cyl %u head %u, outside the volume",
                    d->sch.name, v->vol1.vtoc_cyl, v->vol1.vtoc_head);
        return false;
    }
    if (!dasd_read_record(d, "the format-4 DSCB", f4_track,
                          v->vol1.vtoc_rec, true, buf, sizeof(buf), &len,
                          errp)) {
        return false;
    }
    if (len != DSCB_SIZE) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "%s: no VTOC: the record VOL1 points at (cyl %u head %u "
                    "record %u) has %zu bytes, not a 140-byte DSCB",
                    d->sch.name, v->vol1.vtoc_cyl, v->vol1.vtoc_head,
                    v->vol1.vtoc_rec, len);
        return false;
    }
    if (!vtoc_parse_dscb4(buf, &v->f4, errp)) {
        g_prefix_error(errp, "%s: ", d->sch.name);
        return false;
    }
    v->vtoc_first = v->f4.extent.bcyl * heads + v->f4.extent.bhead;
    last = v->f4.extent.ecyl * heads + v->f4.extent.ehead;
    if (v->f4.extent.bhead >= heads || v->f4.extent.ehead >= heads ||
        last >= dasd_tracks(d)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "%s: the VTOC extent (cyl %u head %u - cyl %u head %u) "
                    "is not on the volume", d->sch.name, v->f4.extent.bcyl,
                    v->f4.extent.bhead, v->f4.extent.ecyl,
                    v->f4.extent.ehead);
        return false;
    }
    v->vtoc_tracks = last - v->vtoc_first + 1;
    if (!dasd_read_tracks(d, v->vtoc_first, v->vtoc_tracks, vtoc_track,
                          &walk, errp)) {
        return false;
    }
    for (guint i = 0; i < v->datasets->len; i++) {
        add_f3_extents(&walk, &g_array_index(v->datasets, VolDataset, i).f1);
    }
    return true;
}

void volume_clear(Volume *v)
{
    if (v->datasets) {
        g_array_unref(v->datasets);
        v->datasets = NULL;
    }
}

const VolDataset *volume_find(const Volume *v, const char *dsname)
{
    for (guint i = 0; i < v->datasets->len; i++) {
        const VolDataset *ds = &g_array_index(v->datasets, VolDataset, i);

        if (g_ascii_strcasecmp(ds->f1.dsname, dsname) == 0) {
            return ds;
        }
    }
    return NULL;
}
