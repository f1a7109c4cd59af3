/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small ECKD DASD driver over the guest channel subsystem (see dasd.h).
 */
#include "qemu/osdep.h"

#include "dasd.h"
#include "guest-error.h"

/* Limits of one format-write program: CCWs, and bytes laid out. */
#define FORMAT_MAX_RECORDS 250
#define FORMAT_MAX_BYTES (4u * 1024 * 1024)

bool dasd_sense_id(GuestCss *g, GuestSubch *sch, EckdSenseId *id,
                   GError **errp)
{
    g_autoptr(CcwChain) ch = ccw_chain_new();
    size_t idx = ccw_chain_add_in(ch, ECKD_SENSE_ID, CCW_FLAG_SLI,
                                  ECKD_SENSE_ID_MAX);
    const uint8_t *data;
    size_t size, got;
    GuestIo io;

    if (!guest_run(g, sch, ch, &io, errp) ||
        !guest_io_check(sch, &io, ch, false, "Sense ID", errp)) {
        return false;
    }
    data = ccw_chain_in_data(ch, idx, &size);
    got = size - MIN(io.scsw.count, size);
    g->stats.bytes_read += got;
    if (!eckd_parse_sense_id(data, got, id)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: Sense ID returned %zu bytes that are not Sense ID "
                    "data", sch->name, got);
        return false;
    }
    return true;
}

/* Device types whose tracks this driver understands. */
static bool is_eckd_dasd(const EckdSenseId *id)
{
    return id->dev_type == 0x3390 || id->dev_type == 0x3380;
}

static bool dasd_read_rdc(DasdDev *d, GError **errp)
{
    g_autoptr(CcwChain) ch = ccw_chain_new();
    size_t idx = ccw_chain_add_in(ch, ECKD_RDC, CCW_FLAG_SLI, ECKD_RDC_SIZE);
    const uint8_t *data;
    size_t size;
    GuestIo io;

    if (!guest_run(d->g, &d->sch, ch, &io, errp) ||
        !guest_io_check(&d->sch, &io, ch, false,
                        "Read Device Characteristics", errp)) {
        return false;
    }
    data = ccw_chain_in_data(ch, idx, &size);
    d->g->stats.bytes_read += size - MIN(io.scsw.count, size);
    if (io.scsw.count) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: Read Device Characteristics returned %u of %d "
                    "bytes", d->sch.name, ECKD_RDC_SIZE - io.scsw.count,
                    ECKD_RDC_SIZE);
        return false;
    }
    memcpy(d->rdc, data, ECKD_RDC_SIZE);
    if (!eckd_parse_rdc(d->rdc, &d->geo)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: Read Device Characteristics does not describe a "
                    "DASD (class 0x%02x, %u cylinders, %u heads)",
                    d->sch.name, d->geo.dev_class, d->geo.cyls,
                    d->geo.heads);
        return false;
    }
    return true;
}

bool dasd_open(GuestCss *g, const char *busid, DasdDev *d, GError **errp)
{
    uint8_t ssid;
    uint16_t devno;

    memset(d, 0, sizeof(*d));
    d->g = g;
    if (!guest_parse_busid(busid, &ssid, &devno, errp) ||
        !guest_find_device(g, ssid, devno, &d->sch, errp) ||
        !guest_set_enabled(g, &d->sch, true, errp) ||
        !dasd_sense_id(g, &d->sch, &d->id, errp)) {
        return false;
    }
    if (!is_eckd_dasd(&d->id)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_NO_DEVICE,
                    "%s: not an ECKD DASD (Sense ID: device %04x/%02x on "
                    "control unit %04x/%02x)", d->sch.name, d->id.dev_type,
                    d->id.dev_model, d->id.cu_type, d->id.cu_model);
        return false;
    }
    return dasd_read_rdc(d, errp);
}

uint32_t dasd_tracks(const DasdDev *d)
{
    return d->geo.cyls * d->geo.heads;
}

/* Define Extent + Locate Record opening every data program. */
static void add_dx_lr(DasdDev *d, CcwChain *ch, uint8_t mask,
                      uint32_t ext_first, uint32_t ext_last, uint8_t orient,
                      uint8_t op, uint8_t count, uint32_t track, uint8_t rec,
                      uint16_t tlf)
{
    uint8_t dx[ECKD_DX_SIZE], lr[ECKD_LR_SIZE];

    eckd_build_dx(dx, mask, 0, ext_first, ext_last, d->geo.heads);
    eckd_build_lr(lr, orient, op, count, track, d->geo.heads, rec, tlf);
    ccw_chain_add_out(ch, ECKD_DEFINE_EXTENT, 0, dx, sizeof(dx));
    ccw_chain_add_out(ch, ECKD_LOCATE_RECORD, 0, lr, sizeof(lr));
}

static bool check_track(const DasdDev *d, uint32_t track, GError **errp)
{
    if (track >= dasd_tracks(d)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "%s: track %u is beyond the volume's %u tracks",
                    d->sch.name, track, dasd_tracks(d));
        return false;
    }
    return true;
}

bool dasd_read_tracks(DasdDev *d, uint32_t first, uint32_t n, DasdTrackFn fn,
                      void *opaque, GError **errp)
{
    g_autoptr(GArray) recs = g_array_new(false, false, sizeof(EckdRecord));

    if (n && !check_track(d, first + n - 1, errp)) {
        return false;
    }
    while (n) {
        g_autoptr(CcwChain) ch = ccw_chain_new();
        uint32_t batch = MIN(n, DASD_TRACKS_PER_IO);
        size_t idx[DASD_TRACKS_PER_IO];
        GuestIo io;

        add_dx_lr(d, ch, ECKD_MASK_READ_ONLY, first, first + batch - 1,
                  ECKD_ORIENT_HA, ECKD_LR_READ_TRACKS, (uint8_t)batch, first,
                  0, 0);
        for (uint32_t i = 0; i < batch; i++) {
            idx[i] = ccw_chain_add_in(ch, ECKD_READ_TRACK, CCW_FLAG_SLI,
                                      DASD_TRACK_BUF);
        }
        g_autofree char *what = g_strdup_printf(
            "reading tracks cyl %u head %u - cyl %u head %u",
            first / d->geo.heads, first % d->geo.heads,
            (first + batch - 1) / d->geo.heads,
            (first + batch - 1) % d->geo.heads);

        if (!guest_run(d->g, &d->sch, ch, &io, errp) ||
            !guest_io_check(&d->sch, &io, ch, false, what, errp)) {
            return false;
        }
        for (uint32_t i = 0; i < batch; i++) {
            size_t len;
            const uint8_t *buf = ccw_chain_in_data(ch, idx[i], &len);
            const EckdRecord *last;

            g_array_set_size(recs, 0);
            if (!eckd_parse_track(buf, len, recs)) {
                g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                            "%s: track %u (cyl %u head %u): Read Track data "
                            "does not end in an end-of-track marker",
                            d->sch.name, first + i,
                            (first + i) / d->geo.heads,
                            (first + i) % d->geo.heads);
                return false;
            }
            if (recs->len) {
                last = &g_array_index(recs, EckdRecord, recs->len - 1);
                d->g->stats.bytes_read += last->count_off + ECKD_COUNT_SIZE +
                                          last->kl + last->dl;
            }
            if (!fn(first + i, buf, len, recs, opaque, errp)) {
                return false;
            }
        }
        first += batch;
        n -= batch;
    }
    return true;
}

bool dasd_read_record(DasdDev *d, const char *what_name, uint32_t track,
                      uint8_t rec, bool with_key, uint8_t *buf, size_t size,
                      size_t *len, GError **errp)
{
    g_autoptr(CcwChain) ch = ccw_chain_new();
    g_autofree char *what = NULL;
    const uint8_t *data;
    size_t idx, got;
    GuestIo io;

    g_assert(size > 0 && size <= 0xffff);
    if (!check_track(d, track, errp)) {
        return false;
    }
    add_dx_lr(d, ch, ECKD_MASK_READ_ONLY, track, track, ECKD_ORIENT_COUNT,
              ECKD_LR_READ_DATA, 1, track, rec, 0);
    idx = ccw_chain_add_in(ch, with_key ? ECKD_READ_KD : ECKD_READ_DATA,
                           CCW_FLAG_SLI, (uint16_t)size);
    what = g_strdup_printf("reading %s at cyl %u head %u record %u",
                           what_name, track / d->geo.heads,
                           track % d->geo.heads, rec);
    if (!guest_run(d->g, &d->sch, ch, &io, errp) ||
        !guest_io_check(&d->sch, &io, ch, true, what, errp)) {
        return false;
    }
    data = ccw_chain_in_data(ch, idx, &got);
    *len = size - MIN(io.scsw.count, size);
    memcpy(buf, data, *len);
    d->g->stats.bytes_read += *len;
    return true;
}

bool dasd_update_record(DasdDev *d, const char *what_name, uint32_t track,
                        uint8_t rec, bool with_key, const uint8_t *data,
                        size_t len, GError **errp)
{
    g_autoptr(CcwChain) ch = ccw_chain_new();
    g_autofree char *what = NULL;
    GuestIo io;

    g_assert(len > 0 && len <= 0xffff);
    if (!check_track(d, track, errp)) {
        return false;
    }
    add_dx_lr(d, ch, ECKD_MASK_UPDATE, track, track, ECKD_ORIENT_COUNT,
              ECKD_LR_WRITE_DATA, 1, track, rec, (uint16_t)len);
    ccw_chain_add_out(ch, with_key ? ECKD_WRITE_UPDATE_KD :
                      ECKD_WRITE_UPDATE_DATA, 0, data, (uint16_t)len);
    what = g_strdup_printf("updating %s at cyl %u head %u record %u",
                           what_name, track / d->geo.heads,
                           track % d->geo.heads, rec);
    if (!guest_run(d->g, &d->sch, ch, &io, errp) ||
        !guest_io_check(&d->sch, &io, ch, false, what, errp)) {
        return false;
    }
    d->g->stats.bytes_written += len;
    return true;
}

/* The record after @prev in a format-write domain, or false. */
static bool follows(const DasdNewRecord *prev, const DasdNewRecord *r)
{
    return (r->track == prev->track && r->rec == prev->rec + 1) ||
           (r->track == prev->track + 1 && r->rec == 1);
}

/* One format-write program for @recs[0..n-1], all following each other. */
static bool format_group(DasdDev *d, uint32_t ext_first, uint32_t ext_last,
                         const DasdNewRecord *recs, size_t n, GError **errp)
{
    g_autoptr(CcwChain) ch = ccw_chain_new();
    g_autofree char *what = NULL;
    uint64_t bytes = 0;
    GuestIo io;

    add_dx_lr(d, ch, ECKD_MASK_FORMAT, ext_first, ext_last,
              ECKD_ORIENT_COUNT, ECKD_LR_FORMAT_WRITE, (uint8_t)n,
              recs[0].track, (uint8_t)(recs[0].rec - 1), 0);
    for (size_t i = 0; i < n; i++) {
        const DasdNewRecord *r = &recs[i];
        size_t len = ECKD_COUNT_SIZE + r->kl + r->dl;
        g_autofree uint8_t *buf = g_malloc(len);
        bool next = i > 0 && r->track != recs[i - 1].track;

        eckd_cchh(r->track / d->geo.heads, r->track % d->geo.heads, buf);
        buf[4] = r->rec;
        buf[5] = r->kl;
        stw_be_p(buf + 6, r->dl);
        if (r->kl + r->dl) {
            memcpy(buf + ECKD_COUNT_SIZE, r->data, r->kl + r->dl);
        }
        ccw_chain_add_out(ch, next ? ECKD_WRITE_CKD_NEXT_TRK : ECKD_WRITE_CKD,
                          0, buf, (uint16_t)len);
        bytes += len;
    }
    what = g_strdup_printf("writing %zu records from cyl %u head %u "
                           "record %u", n, recs[0].track / d->geo.heads,
                           recs[0].track % d->geo.heads, recs[0].rec);
    if (!guest_run(d->g, &d->sch, ch, &io, errp) ||
        !guest_io_check(&d->sch, &io, ch, false, what, errp)) {
        return false;
    }
    d->g->stats.bytes_written += bytes;
    return true;
}

bool dasd_format_records(DasdDev *d, uint32_t ext_first, uint32_t ext_last,
                         const DasdNewRecord *recs, size_t n, GError **errp)
{
    size_t start = 0;

    if (ext_first > ext_last || !check_track(d, ext_last, errp)) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        const DasdNewRecord *r = &recs[i];

        if (r->track < ext_first || r->track > ext_last || r->rec == 0 ||
            (uint32_t)r->kl + r->dl + ECKD_COUNT_SIZE > 0xffff ||
            (i > 0 && r->track == recs[i - 1].track &&
             r->rec != recs[i - 1].rec + 1) ||
            (i > 0 && r->track != recs[i - 1].track && r->rec != 1) ||
            (i > 0 && r->track < recs[i - 1].track)) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                        "%s: record %zu (track %u R%u) is out of order or "
                        "outside tracks %u-%u", d->sch.name, i, r->track,
                        r->rec, ext_first, ext_last);
            return false;
        }
    }
    while (start < n) {
        size_t end = start + 1;
        uint64_t bytes = ECKD_COUNT_SIZE + recs[start].kl + recs[start].dl;

        while (end < n && end - start < FORMAT_MAX_RECORDS &&
               follows(&recs[end - 1], &recs[end])) {
            bytes += ECKD_COUNT_SIZE + recs[end].kl + recs[end].dl;
            if (bytes > FORMAT_MAX_BYTES) {
                break;
            }
            end++;
        }
        if (!format_group(d, ext_first, ext_last, recs + start, end - start,
                          errp)) {
            return false;
        }
        start = end;
    }
    return true;
}
