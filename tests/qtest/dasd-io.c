/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Record-level 3390 I/O through the passthrough path (see dasd-io.h).
 */
#include "qemu/osdep.h"

#include "block/ckd.h"
#include "dasd-io.h"

#define DIO_TIMEOUT_MS 20000
#define PATTERN_MAGIC 0xd5c4c1e3u      /* "DURT" in EBCDIC-ish bytes */

/* Offsets inside a DioArea. */
#define A_ORB 0x000
#define A_IRB 0x100
#define A_CCW 0x200
#define A_DX 0x300
#define A_LR 0x310
#define A_DATA 0x1000

/* ORB word 1: format-1 CCWs, prefetch allowed (bits 8, 9), LPM 0xff. */
#define ORB_W1 0x00c0ff00u

#define CMD_DX 0x63
#define CMD_LR 0x47
#define CMD_WRITE_DATA 0x85
#define CMD_READ_DATA 0x06
#define CMD_WRITE_CKD 0x1d

/* ---- patterns ---- */

static uint32_t pattern_seed(uint32_t track, uint8_t rec, uint32_t seq)
{
    uint32_t x = track * 2654435761u ^ (uint32_t)rec * 40503u ^
                 seq * 2246822519u;

    return x ? x : 1;
}

/* xorshift32: cheap, and every byte depends on track, record and seq */
static uint32_t next_word(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

void dio_pattern(uint8_t *buf, uint32_t track, uint8_t rec, uint32_t seq)
{
    uint32_t x = pattern_seed(track, rec, seq);

    stl_be_p(buf, PATTERN_MAGIC);
    stl_be_p(buf + 4, track);
    stl_be_p(buf + 8, rec);
    stl_be_p(buf + 12, seq);
    for (uint32_t off = 16; off < DIO_RECLEN; off += 4) {
        stl_be_p(buf + off, next_word(&x));
    }
}

int64_t dio_pattern_seq(const uint8_t *buf, uint32_t track, uint8_t rec)
{
    uint32_t seq = ldl_be_p(buf + 12);
    uint32_t x = pattern_seed(track, rec, seq);

    if (ldl_be_p(buf) != PATTERN_MAGIC || ldl_be_p(buf + 4) != track ||
        ldl_be_p(buf + 8) != rec) {
        return -1;
    }
    for (uint32_t off = 16; off < DIO_RECLEN; off += 4) {
        if (ldl_be_p(buf + off) != next_word(&x)) {
            return -1;
        }
    }
    return seq;
}

/* ---- the volume ---- */

void dio_volume_create(const char *path, unsigned cyls)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(CkdImage) img = NULL;
    g_autofree uint8_t *trk = NULL;
    uint8_t data[DIO_RECLEN];
    const CkdGeometry *geo;

    g_assert_true(ckd_create(path, 0x3390, 0, cyls, &err));
    g_assert_no_error(err);
    img = ckd_open(path, false, false, &err);
    g_assert_no_error(err);
    geo = ckd_geometry(img);
    g_assert_cmpuint(geo->heads, ==, DIO_HEADS);
    trk = g_malloc(geo->trksize);
    for (uint32_t t = 0; t < cyls * DIO_HEADS; t++) {
        uint32_t cyl = t / DIO_HEADS, head = t % DIO_HEADS;
        uint32_t end = CKD_FIRST_RECORD_OFFSET;

        ckd_track_format_empty(geo, cyl, head, trk);
        for (unsigned r = 1; r <= DIO_RECS; r++) {
            dio_pattern(data, t, r, 0);
            end = ckd_track_put_record(trk, geo->trksize, end, cyl, head, r,
                                       NULL, 0, data, DIO_RECLEN);
            g_assert_cmpuint(end, !=, 0);
        }
        g_assert_true(ckd_write_track(img, cyl, head, trk, &err));
        g_assert_no_error(err);
    }
}

uint32_t dio_image_seqs(const char *image, int64_t *seq)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(CkdImage) img = ckd_open(image, true, false, &err);
    g_autofree uint8_t *trk = NULL;
    const CkdGeometry *geo;
    uint32_t tracks;

    g_assert_no_error(err);
    geo = ckd_geometry(img);
    tracks = geo->cyls * geo->heads;
    trk = g_malloc(geo->trksize);
    for (uint32_t t = 0; t < tracks; t++) {
        uint32_t cyl = t / geo->heads, head = t % geo->heads;
        CkdTrackIter it;
        CkdRecord r;
        unsigned n = 0;

        if (!ckd_read_track(img, cyl, head, trk, &err)) {
            g_error("track %u: %s", t, err->message);
        }
        ckd_track_iter_init(&it, trk, geo->trksize);
        g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_RECORD);
        g_assert_cmpuint(r.rec, ==, 0);
        while (ckd_track_iter_next(&it, &r) == CKD_ITER_RECORD) {
            n++;
            g_assert_cmpuint(r.cyl, ==, cyl);
            g_assert_cmpuint(r.head, ==, head);
            g_assert_cmpuint(r.rec, ==, n);
            g_assert_cmpuint(r.kl, ==, 0);
            g_assert_cmpuint(r.dl, ==, DIO_RECLEN);
            seq[t * DIO_RECS + n - 1] =
                dio_pattern_seq(trk + r.data_offset, t, r.rec);
        }
        g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_END);
        g_assert_cmpuint(n, ==, DIO_RECS);
    }
    return tracks;
}

long dio_rss_kib(GPid pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/status", (int)pid);
    g_autofree char *text = NULL;
    const char *p;

    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        return -1;
    }
    p = strstr(text, "\nVmRSS:");
    return p ? strtol(p + 7, NULL, 10) : -1;
}

/* ---- programs ---- */

/* Define Extent of one track and Locate Record for @n records at @rec. */
static void put_dx_lr(QTestState *qts, const DioArea *a, uint8_t mask,
                      uint8_t lr_op, uint32_t track, uint8_t rec, unsigned n)
{
    uint8_t dx[16] = { 0 }, lr[16] = { 0 };

    dx[0] = mask;
    dx[1] = 0xc0;                       /* ECKD mode, normal cache */
    stw_be_p(dx + 8, track / DIO_HEADS);
    stw_be_p(dx + 10, track % DIO_HEADS);
    memcpy(dx + 12, dx + 8, 4);
    lr[0] = lr_op;                      /* orientation: count */
    lr[1] = 0x80;                       /* transfer-length factor valid */
    lr[3] = n;
    memcpy(lr + 4, dx + 8, 4);          /* seek address */
    memcpy(lr + 8, dx + 8, 4);          /* search argument CCHH */
    lr[12] = rec;                       /* and R */
    lr[13] = 0xff;                      /* no sector */
    stw_be_p(lr + 14, DIO_RECLEN);
    qtest_memwrite(qts, a->base + A_DX, dx, sizeof(dx));
    qtest_memwrite(qts, a->base + A_LR, lr, sizeof(lr));
    css_write_ccw1(qts, a->base + A_CCW, CMD_DX, CCW_FLAG_CC, 16,
                   a->base + A_DX);
    css_write_ccw1(qts, a->base + A_CCW + 8, CMD_LR, CCW_FLAG_CC, 16,
                   a->base + A_LR);
}

static int start_program(QTestState *qts, const DioArea *a, uint8_t cmd,
                         unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        css_write_ccw1(qts, a->base + A_CCW + 16 + 8 * i, cmd,
                       i + 1 < n ? CCW_FLAG_CC : 0, DIO_RECLEN,
                       a->base + A_DATA + i * DIO_RECLEN);
    }
    css_write_orb(qts, a->base + A_ORB, a->sid, ORB_W1,
                  a->base + A_CCW);
    return css_insn(qts, "ssch", a->sid, a->base + A_ORB);
}

int dio_start_write(QTestState *qts, const DioArea *a, uint32_t track,
                    uint8_t rec, unsigned n, const uint32_t *seq)
{
    g_autofree uint8_t *data = g_malloc(n * DIO_RECLEN);

    g_assert_cmpuint(n, >=, 1);
    g_assert_cmpuint(n, <=, DIO_MAX_PER_IO);
    for (unsigned i = 0; i < n; i++) {
        dio_pattern(data + i * DIO_RECLEN, track, rec + i, seq[i]);
    }
    qtest_memwrite(qts, a->base + A_DATA, data, n * DIO_RECLEN);
    put_dx_lr(qts, a, 0x80, 0x01, track, rec, n);   /* update, write data */
    return start_program(qts, a, CMD_WRITE_DATA, n);
}

int dio_start_format_write(QTestState *qts, const DioArea *a, uint32_t track,
                           uint8_t rec, uint32_t seq)
{
    g_autofree uint8_t *buf = g_malloc(8 + DIO_RECLEN);

    g_assert_cmpuint(rec, >=, 1);
    stw_be_p(buf, track / DIO_HEADS);
    stw_be_p(buf + 2, track % DIO_HEADS);
    buf[4] = rec;
    buf[5] = 0;
    stw_be_p(buf + 6, DIO_RECLEN);
    dio_pattern(buf + 8, track, rec, seq);
    qtest_memwrite(qts, a->base + A_DATA, buf, 8 + DIO_RECLEN);
    /* orient to the record before: Write CKD writes the one after it */
    put_dx_lr(qts, a, 0x00, 0x03, track, rec - 1, 1);
    css_write_ccw1(qts, a->base + A_CCW + 16, CMD_WRITE_CKD, 0,
                   8 + DIO_RECLEN, a->base + A_DATA);
    css_write_orb(qts, a->base + A_ORB, a->sid, ORB_W1,
                  a->base + A_CCW);
    return css_insn(qts, "ssch", a->sid, a->base + A_ORB);
}

int dio_start_read(QTestState *qts, const DioArea *a, uint32_t track,
                   uint8_t rec, unsigned n)
{
    g_assert_cmpuint(n, >=, 1);
    g_assert_cmpuint(n, <=, DIO_MAX_PER_IO);
    qtest_memset(qts, a->base + A_DATA, 0xee, n * DIO_RECLEN);
    put_dx_lr(qts, a, 0x40, 0x06, track, rec, n);   /* read only, read */
    return start_program(qts, a, CMD_READ_DATA, n);
}

void dio_read_data(QTestState *qts, const DioArea *a, unsigned i,
                   uint8_t *buf)
{
    qtest_memread(qts, a->base + A_DATA + i * DIO_RECLEN, buf, DIO_RECLEN);
}

int dio_tsch(QTestState *qts, const DioArea *a, CssIrbView *irb)
{
    return css_tsch(qts, a->sid, a->base + A_IRB, irb);
}
