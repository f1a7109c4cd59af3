/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest verify: read tracks whole and check that every channel
 * program ends cleanly and every track reads back as a valid track.
 */
#include "qemu/osdep.h"

#include "commands.h"
#include "dasd.h"
#include "guest-error.h"
#include "volume.h"

/* Stop listing problems after this many; the count goes on. */
#define VERIFY_MAX_REPORTS 20

typedef struct Verify {
    const DasdDev *d;
    uint64_t tracks;
    uint64_t records;       /* R1..Rn */
    uint64_t empty;         /* tracks with only R0 */
    uint64_t eof;           /* end-of-file records */
    uint64_t bytes;         /* key + data of R1..Rn */
    uint64_t problems;
} Verify;

static void report(Verify *v, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void report(Verify *v, const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    if (++v->problems > VERIFY_MAX_REPORTS) {
        return;
    }
    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    printf("%s: %s\n", v->d->sch.name, msg);
}

/* A track must start with R0 and carry its own address in every count. */
static bool check_track(uint32_t track, const uint8_t *buf, size_t len,
                        GArray *recs, void *opaque, GError **errp)
{
    Verify *v = opaque;
    uint32_t cyl = track / v->d->geo.heads, head = track % v->d->geo.heads;

    v->tracks++;
    if (!recs->len || g_array_index(recs, EckdRecord, 0).rec != 0) {
        report(v, "cyl %u head %u: no record 0", cyl, head);
        return true;
    }
    for (guint i = 0; i < recs->len; i++) {
        const EckdRecord *r = &g_array_index(recs, EckdRecord, i);

        if (r->cyl != cyl || r->head != head) {
            report(v, "cyl %u head %u: record %u says cyl %u head %u", cyl,
                   head, r->rec, r->cyl, r->head);
        }
        if (i == 0) {
            continue;
        }
        v->records++;
        v->bytes += r->kl + r->dl;
        if (r->kl == 0 && r->dl == 0) {
            v->eof++;
        }
    }
    if (recs->len == 1) {
        v->empty++;
    }
    return true;
}

/* Read @n tracks from @first a cylinder at a time; failures are counted. */
static bool verify_range(DasdDev *d, Verify *v, uint32_t first, uint32_t n,
                         GError **errp)
{
    while (n) {
        uint32_t batch = MIN(n, DASD_TRACKS_PER_IO);
        g_autoptr(GError) err = NULL;

        if (!dasd_read_tracks(d, first, batch, check_track, v, &err)) {
            if (err->code == GUEST_ERROR_PROTOCOL) {
                g_propagate_error(errp, g_steal_pointer(&err));
                return false;
            }
            /* an I/O error covers the batch; strip the device prefix */
            report(v, "%s", err->message);
            v->tracks += batch;
        }
        first += batch;
        n -= batch;
    }
    return true;
}

/* The tracks the VTOC accounts for: label track, VTOC, data sets. */
static bool verify_extents(DasdDev *d, Verify *v, GError **errp)
{
    uint32_t heads = d->geo.heads;
    Volume vol;
    bool ok = volume_read(d, &vol, errp);

    ok = ok && verify_range(d, v, 0, 1, errp) &&
         verify_range(d, v, vol.vtoc_first, vol.vtoc_tracks, errp);
    for (guint i = 0; ok && i < vol.datasets->len; i++) {
        const Dscb1 *f1 = &g_array_index(vol.datasets, VolDataset, i).f1;

        for (unsigned e = 0; ok && e < f1->next_ext; e++) {
            const DsExtent *x = &f1->ext[e];
            uint32_t n = extent_tracks(x, heads);

            if (n && x->bhead < heads &&
                x->bcyl * heads + x->bhead + n <= dasd_tracks(d)) {
                ok = verify_range(d, v, x->bcyl * heads + x->bhead, n, errp);
            } else if (n) {
                report(v, "%s: extent %u is not on the volume", f1->dsname,
                       e);
            }
        }
    }
    volume_clear(&vol);
    return ok;
}

bool cmd_verify(GuestCss *g, int argc, char **argv, const GuestOptions *o,
                GError **errp)
{
    DasdDev d;
    Verify v = { .d = &d };
    uint64_t ios;
    gint64 t0;
    double secs;

    if (!dasd_open(g, argv[0], &d, errp)) {
        return false;
    }
    ios = g->stats.ios;
    t0 = g_get_monotonic_time();
    if (!(o->extents ? verify_extents(&d, &v, errp) :
          verify_range(&d, &v, 0, dasd_tracks(&d), errp))) {
        return false;
    }
    secs = (g_get_monotonic_time() - t0) / 1e6;
    printf("%s: verified %" PRIu64 " tracks (%s) in %" PRIu64 " channel "
           "programs, %.2f s: %" PRIu64 " records, %" PRIu64 " end-of-file "
           "records, %" PRIu64 " empty tracks, %" PRIu64 " bytes of keys "
           "and data; %" PRIu64 " problem%s\n", d.sch.name, v.tracks,
           o->extents ? "the VTOC's extents" : "the whole volume",
           g->stats.ios - ios, secs, v.records, v.eof, v.empty, v.bytes,
           v.problems, v.problems == 1 ? "" : "s");
    if (v.problems) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: verify found %" PRIu64 " problem%s", d.sch.name,
                    v.problems, v.problems == 1 ? "" : "s");
        return false;
    }
    return true;
}
