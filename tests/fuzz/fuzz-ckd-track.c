/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-ckd-track: the track-image helpers of block/ckd.h on arbitrary
 * track bytes.
 *
 * Input:
 *   byte 0      bit 0: 3380 (else 3390); bit 1: start from an empty track
 *               (HA, R0, end marker) for this cylinder/head and lay the
 *               rest of the input over it from R1's position on, so that
 *               records are cheap to reach; else the rest is the track
 *               image from offset 0; bit 2: pad with zeros instead of
 *               0xff (0xff reads as an end marker right after the input,
 *               zeros as thousands of empty records: a slow walk, so
 *               only when asked for)
 *   bytes 1-4   cylinders of the volume (1 .. what the type allows; an
 *               impossible count falls back to a 3390-1 / 3380-1)
 *   bytes 5-8   cylinder of the track (modulo the cylinders)
 *   byte 9      head (modulo the heads)
 *   bytes 10-14 a record to append to a well-formed track: R, head, KL,
 *               DL (2 bytes)
 *   rest        track bytes, padded to the track size (see bit 2)
 *
 * What must hold, whatever the bytes (include/block/ckd.h):
 *   - the iterator only reports ranges inside the image, with each field's
 *     offset derived from the count, ends at END or BAD within
 *     trksize / 8 + 1 steps, and keeps answering the same afterwards;
 *   - ckd_track_used() is the END marker's offset + 8, or 0 after BAD;
 *   - ckd_track_find_record() on an END-terminated chain finds exactly the
 *     first record with that R;
 *   - a track ckd_track_check() accepts ends at a marker, starts with a
 *     proper R0, and stays accepted after ckd_track_put_record() appends a
 *     valid record (which it refuses only when it does not fit);
 *   - a refused track names an offset inside the image and a reason;
 *   - ckd_track_format_empty() output is always accepted.
 */
#include "qemu/osdep.h"

#include "block/ckd.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return 0;
}

/* The volume: 3390 or 3380, @cyls if the type allows that many. */
static void pick_geometry(bool is_3380, uint32_t cyls, CkdGeometry *geo)
{
    uint16_t devtype = is_3380 ? 0x3380 : 0x3390;

    if (!ckd_geometry_init(geo, devtype, cyls, NULL)) {
        g_assert_true(ckd_geometry_init(geo, devtype, 1, NULL));
    }
    g_assert_cmpuint(geo->trksize % 512, ==, 0);
    g_assert_cmpuint(geo->trksize, >=, CKD_FIRST_RECORD_OFFSET +
                     CKD_COUNT_SIZE + geo->max_r1_data + CKD_EOT_SIZE);
}

/* Walk the whole chain, checking every answer. Returns: END or BAD. */
static CkdIterResult walk(const uint8_t *buf, uint32_t trksize,
                          CkdRecord *last, uint32_t *nrec)
{
    CkdTrackIter it;
    CkdRecord r, again;
    CkdIterResult res;
    uint32_t prev_next = CKD_HA_SIZE;

    *nrec = 0;
    ckd_track_iter_init(&it, buf, trksize);
    while ((res = ckd_track_iter_next(&it, &r)) == CKD_ITER_RECORD) {
        g_assert_cmpuint(r.offset, ==, prev_next);
        g_assert_cmphex(r.cyl, ==, lduw_be_p(buf + r.offset));
        g_assert_cmphex(r.head, ==, lduw_be_p(buf + r.offset + 2));
        g_assert_cmphex(r.rec, ==, buf[r.offset + 4]);
        g_assert_cmphex(r.kl, ==, buf[r.offset + 5]);
        g_assert_cmphex(r.dl, ==, lduw_be_p(buf + r.offset + 6));
        g_assert_cmpuint(r.key_offset, ==, r.offset + CKD_COUNT_SIZE);
        g_assert_cmpuint(r.data_offset, ==, r.key_offset + r.kl);
        g_assert_cmpuint(r.next_offset, ==, r.data_offset + r.dl);
        g_assert_cmpuint(r.next_offset + CKD_EOT_SIZE, <=, trksize);
        prev_next = r.next_offset;
        (*nrec)++;
        /* every record is at least a count field long */
        g_assert_cmpuint(*nrec, <=, trksize / CKD_COUNT_SIZE);
    }
    g_assert_cmpuint(r.offset, ==, prev_next);
    if (res == CKD_ITER_END) {
        g_assert_cmpuint(r.offset + CKD_EOT_SIZE, <=, trksize);
        for (unsigned i = 0; i < CKD_EOT_SIZE; i++) {
            g_assert_cmphex(buf[r.offset + i], ==, 0xff);
        }
    } else {
        g_assert_cmpint(res, ==, CKD_ITER_BAD);
    }
    /* a finished walk keeps giving the same answer */
    g_assert_cmpint(ckd_track_iter_next(&it, &again), ==, res);
    g_assert_cmpuint(again.offset, ==, r.offset);
    *last = r;
    return res;
}

static void check_find_one(const uint8_t *buf, uint32_t trksize,
                           unsigned n, uint32_t first)
{
    CkdRecord r;
    bool found = ckd_track_find_record(buf, trksize, n, &r);

    g_assert_cmpint(found, ==, first != 0);
    if (found) {
        g_assert_cmpuint(r.offset, ==, first);
        g_assert_cmpuint(r.rec, ==, n);
    }
}

static void check_find(const uint8_t *buf, uint32_t trksize)
{
    /* first offset of each record number on the chain, 0 = none */
    uint32_t first[256] = { 0 };
    CkdTrackIter it;
    CkdRecord r;
    unsigned absent = 0;

    ckd_track_iter_init(&it, buf, trksize);
    while (ckd_track_iter_next(&it, &r) == CKD_ITER_RECORD) {
        if (!first[r.rec]) {
            first[r.rec] = r.offset;
        }
    }
    /* every number on the chain, and a few that are not (each is a walk) */
    for (unsigned n = 0; n < 256; n++) {
        if (first[n] || absent++ < 4) {
            check_find_one(buf, trksize, n, first[n]);
        }
    }
}

/* The record the input asks to append (bytes 10-14). */
typedef struct AppendSpec {
    uint8_t rec_no;
    uint8_t head;
    uint8_t kl;
    uint16_t dl;
} AppendSpec;

static void check_append(const CkdGeometry *geo, uint32_t cyl, uint32_t head,
                         uint8_t *buf, const AppendSpec *a)
{
    uint32_t used = ckd_track_used(buf, geo->trksize);
    uint8_t rec_no = a->rec_no | 1;             /* R 0 is only R0's */
    uint16_t rhead = a->head % geo->heads;
    uint8_t kl = a->kl;
    uint16_t dl = a->dl;
    uint64_t want_end = (uint64_t)used - CKD_EOT_SIZE + CKD_COUNT_SIZE + kl +
                        dl;
    uint32_t end;

    g_assert_cmpuint(used, >=, CKD_FIRST_RECORD_OFFSET + CKD_EOT_SIZE);
    end = ckd_track_put_record(buf, geo->trksize, used - CKD_EOT_SIZE,
                               cyl & 0xffff, rhead, rec_no, NULL, kl, NULL,
                               dl);
    if (want_end + CKD_EOT_SIZE > geo->trksize) {
        g_assert_cmpuint(end, ==, 0);
        g_assert_cmpuint(ckd_track_used(buf, geo->trksize), ==, used);
        return;
    }
    g_assert_cmpuint(end, ==, want_end);
    g_assert_cmpuint(ckd_track_used(buf, geo->trksize), ==,
                     end + CKD_EOT_SIZE);
    g_assert_true(ckd_track_check(geo, cyl, head, buf, NULL, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in;
    CkdGeometry geo;
    AppendSpec app;
    g_autofree uint8_t *buf = NULL;
    uint8_t ctl;
    uint32_t cyls, cyl, head, nrec, bad = UINT32_MAX;
    const char *reason = NULL;
    CkdRecord last;
    CkdIterResult res;
    size_t got;
    const uint8_t *bytes;

    fuzz_input_init(&in, data, size);
    ctl = fuzz_u8(&in);
    cyls = fuzz_u32(&in);
    pick_geometry(ctl & 1, cyls, &geo);
    cyl = fuzz_u32(&in) % geo.cyls;
    head = fuzz_u8(&in) % geo.heads;
    app.rec_no = fuzz_u8(&in);
    app.head = fuzz_u8(&in);
    app.kl = fuzz_u8(&in);
    app.dl = fuzz_u16(&in);

    buf = g_malloc0(geo.trksize);
    ckd_track_format_empty(&geo, cyl, head, buf);
    g_assert_true(ckd_track_check(&geo, cyl, head, buf, NULL, NULL));
    g_assert_cmpuint(ckd_track_used(buf, geo.trksize), ==,
                     CKD_FIRST_RECORD_OFFSET + CKD_EOT_SIZE);

    if (ctl & 2) {
        bytes = fuzz_span(&in, geo.trksize - CKD_FIRST_RECORD_OFFSET, &got);
        memcpy(buf + CKD_FIRST_RECORD_OFFSET, bytes, got);
        /* the empty track's own end marker stays unless overwritten */
        got = MAX(CKD_FIRST_RECORD_OFFSET + got,
                  CKD_FIRST_RECORD_OFFSET + CKD_EOT_SIZE);
    } else {
        bytes = fuzz_span(&in, geo.trksize, &got);
        memcpy(buf, bytes, got);
    }
    memset(buf + got, ctl & 4 ? 0 : 0xff, geo.trksize - got);

    res = walk(buf, geo.trksize, &last, &nrec);
    g_assert_cmpuint(ckd_track_used(buf, geo.trksize), ==,
                     res == CKD_ITER_END ? last.offset + CKD_EOT_SIZE : 0);
    if (res == CKD_ITER_END) {
        check_find(buf, geo.trksize);
    }

    if (!ckd_track_check(&geo, cyl, head, buf, &bad, &reason)) {
        g_assert_cmpuint(bad, <, geo.trksize);
        g_assert_nonnull(reason);
        return 0;
    }
    /* accepted: HA of this track, R0 first, chain ends at a marker */
    g_assert_cmpint(res, ==, CKD_ITER_END);
    g_assert_cmpuint(nrec, >=, 1);
    g_assert_cmphex(buf[0], ==, 0);
    g_assert_cmphex(lduw_be_p(buf + 1), ==, cyl & 0xffff);
    g_assert_cmphex(lduw_be_p(buf + 3), ==, head);
    g_assert_true(ckd_track_find_record(buf, geo.trksize, 0, &last));
    g_assert_cmpuint(last.offset, ==, CKD_HA_SIZE);
    g_assert_cmpuint(last.dl, ==, CKD_R0_DATA_SIZE);
    check_append(&geo, cyl, head, buf, &app);
    return 0;
}
