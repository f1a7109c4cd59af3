/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-dasd-eckd-ckd.c: classic CKD channel programs on the 3390/3990
 * model: seeks, searches with the channel's TIC loop, reads and writes
 * outside Locate Record domains, Read IPL (facts 2.1, 2.7, 2.9).
 */
#include "qemu/osdep.h"

#include "test-dasd-eckd.h"

/* ---- format writes after a search ---- */

static void test_write_ckd_erases_rest(Fixture *f, gconstpointer data)
{
    uint8_t id[5], c[8 + 4 + 16];
    g_autofree uint8_t *trk = NULL;
    CkdRecord recs[8];

    format_tracks(f, 0, 1, 3, 0, 100);
    /* classic: Seek, Search ID Equal R1, (TIC skipped), Write CKD R2 */
    g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
    count_field(c, 0, 1, 0, 0);
    memcpy(id, c, 5);
    g_assert_cmphex(run(f, 0x31, true, id, 5), ==, ST_OK);     /* R0 */
    g_assert_cmphex(run(f, 0x31, true, id, 5), ==, ST_SM);     /* R1 */
    count_field(c, 0, 2, 4, 16);
    memcpy(c + 8, "KEY2", 4);
    memset(c + 12, 0x77, 16);
    g_assert_cmphex(run(f, 0x1D, true, c, sizeof(c)), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, sizeof(c));

    trk = read_back(f, 0);
    g_assert_cmpuint(track_records(trk, recs, 8), ==, 3);
    g_assert_cmpuint(recs[2].rec, ==, 2);
    g_assert_cmpuint(recs[2].kl, ==, 4);
    g_assert_cmpuint(recs[2].dl, ==, 16);
    g_assert_cmpmem(trk + recs[2].key_offset, 4, "KEY2", 4);
    g_assert_cmphex(trk[recs[2].data_offset + 15], ==, 0x77);
    /* the rest of the image track is zero (facts 6.3) */
    g_assert_cmphex(trk[recs[2].next_offset + 8], ==, 0x00);
}

static void test_write_ckd_needs_orientation(Fixture *f, gconstpointer data)
{
    uint8_t c[8];

    count_field(c, 0, 1, 0, 100);
    g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
    assert_unit_check(f, run(f, 0x1D, true, c, 8), INVALID_SEQUENCE);
}

static void test_write_r0_after_search_ha(Fixture *f, gconstpointer data)
{
    uint8_t ha[4] = { 0, 0, 0, 1 }, r0[16], mask = 0xC0;
    g_autofree uint8_t *trk = NULL;
    CkdRecord recs[8];

    format_tracks(f, 1, 1, 3, 0, 100);
    g_assert_cmphex(run(f, 0x1F, false, &mask, 1), ==, ST_OK);
    g_assert_cmphex(seek(f, true, 1), ==, ST_OK);
    g_assert_cmphex(run(f, 0x39, true, ha, 4), ==, ST_SM);
    count_field(r0, 1, 0, 0, 8);
    memset(r0 + 8, 0x42, 8);
    g_assert_cmphex(run(f, 0x15, true, r0, 16), ==, ST_OK);

    trk = read_back(f, 1);
    g_assert_cmpuint(track_records(trk, recs, 8), ==, 1);
    g_assert_cmphex(trk[recs[0].data_offset], ==, 0x42);
}

static void test_write_r0_needs_allow_all(Fixture *f, gconstpointer data)
{
    uint8_t ha[4] = { 0, 0, 0, 1 }, r0[16];

    /* no file mask (0x00) inhibits Write HA and Write R0 */
    g_assert_cmphex(seek(f, false, 1), ==, ST_OK);
    g_assert_cmphex(run(f, 0x39, true, ha, 4), ==, ST_SM);
    count_field(r0, 1, 0, 0, 8);
    memset(r0 + 8, 0, 8);
    assert_unit_check(f, run(f, 0x15, true, r0, 16), FILE_PROTECTED);
}

static void test_erase(Fixture *f, gconstpointer data)
{
    uint8_t id[5] = { 0, 0, 0, 0, 1 }, c[8];
    g_autofree uint8_t *trk = NULL;
    CkdRecord recs[8];

    format_tracks(f, 0, 1, 4, 0, 64);
    g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
    g_assert_cmphex(run(f, 0x31, true, id, 5), ==, ST_OK);     /* R0 */
    g_assert_cmphex(run(f, 0x31, true, id, 5), ==, ST_SM);     /* R1 */
    count_field(c, 0, 2, 0, 64);
    g_assert_cmphex(run(f, 0x11, true, c, 8), ==, ST_OK);

    trk = read_back(f, 0);
    g_assert_cmpuint(track_records(trk, recs, 8), ==, 2);
}

/* ---- searches ---- */

static void test_search_id_then_read(Fixture *f, gconstpointer data)
{
    uint8_t id[5], buf[64], c[8 + 64], st;

    format_tracks(f, 4, 1, 3, 0, 64);
    /* give R2 recognisable data: Search ID Equal R2 + Write Data */
    g_assert_cmphex(seek(f, false, 4), ==, ST_OK);
    count_field(c, 4, 2, 0, 64);
    memcpy(id, c, 5);
    do {
        /* the channel's TIC *-8 back to the search until it matches */
        st = run(f, 0x31, true, id, 5);
    } while (st == ST_OK);
    g_assert_cmphex(st, ==, ST_SM);
    memset(buf, 0x99, sizeof(buf));
    g_assert_cmphex(run(f, 0x05, true, buf, 64), ==, ST_OK);

    /* Seek, Search ID Equal (TIC skipped on SM), Read Data */
    memset(buf, 0, sizeof(buf));
    g_assert_cmphex(seek(f, false, 4), ==, ST_OK);
    g_assert_cmphex(run(f, 0x31, true, id, 5), ==, ST_OK);     /* R0 */
    g_assert_cmphex(run(f, 0x31, true, id, 5), ==, ST_OK);     /* R1 */
    g_assert_cmphex(run(f, 0x31, true, id, 5), ==, ST_SM);     /* R2 */
    g_assert_cmpuint(f->len, ==, 5);
    g_assert_cmphex(run(f, 0x06, true, buf, 64), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 64);
    g_assert_cmphex(buf[63], ==, 0x99);
    /* Read CKD then reads the following record */
    g_assert_cmphex(run(f, 0x1E, true, c, sizeof(c)), ==, ST_OK);
    g_assert_cmpuint(c[4], ==, 3);
}

static void test_search_nrf_two_index(Fixture *f, gconstpointer data)
{
    uint8_t id[8];
    unsigned searches = 0;
    uint8_t st;

    format_tracks(f, 0, 1, 3, 0, 64);
    count_field(id, 0, 9, 0, 0);
    g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
    /* Search ID Equal + TIC *-8 loop for a record that is not there */
    do {
        st = run(f, 0x31, true, id, 5);
        searches++;
    } while (st == ST_OK && searches < 100);
    assert_unit_check(f, st, NO_RECORD_FOUND);
    /*
     * R0..R3 are compared on each of two revolutions; the search that
     * meets the index point a second time ends the loop.
     */
    g_assert_cmpuint(searches, ==, 2 * 4 + 1);
}

static void test_search_high(Fixture *f, gconstpointer data)
{
    static const struct {
        uint8_t cmd;
        uint8_t arg_rec;
        uint8_t first_hit;      /* first record that gives SM */
    } cases[] = {
        { 0x31, 2, 2 },     /* equal */
        { 0x51, 2, 3 },     /* high */
        { 0x71, 2, 2 },     /* equal or high */
    };

    format_tracks(f, 0, 1, 4, 0, 32);
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        uint8_t id[8];
        unsigned rec = 0;

        count_field(id, 0, cases[i].arg_rec, 0, 0);
        g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
        /* ID searches start at R0 */
        while (run(f, cases[i].cmd, true, id, 5) == ST_OK) {
            rec++;
        }
        g_assert_cmpuint(rec, ==, cases[i].first_hit);
    }
}

static void test_search_key_then_read_data(Fixture *f, gconstpointer data)
{
    uint8_t p[16], key[8], buf[80];

    /* three records with keys "AAAAAAAA", "BBBBBBBB", "CCCCCCCC" */
    dx(p, 0x00, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x03, 3, 0, 0, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    for (int r = 1; r <= 3; r++) {
        uint8_t rec[8 + 8 + 80];

        count_field(rec, 0, r, 8, 80);
        memset(rec + 8, 'A' + r - 1, 8);
        memset(rec + 16, '0' + r, 80);
        g_assert_cmphex(run(f, 0x1D, true, rec, sizeof(rec)), ==, ST_OK);
    }

    memset(key, 'B', 8);
    g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
    g_assert_cmphex(run(f, 0x29, true, key, 8), ==, ST_OK);    /* R1 */
    g_assert_cmphex(run(f, 0x29, true, key, 8), ==, ST_SM);    /* R2 */
    g_assert_cmpuint(f->len, ==, 8);
    g_assert_cmphex(run(f, 0x06, true, buf, 80), ==, ST_OK);
    g_assert_cmphex(buf[0], ==, '2');
}

/* ---- reads ---- */

static void test_read_eof_unit_exception(Fixture *f, gconstpointer data)
{
    uint8_t buf[64];

    /* R1 is an end-of-file record: KL 0, DL 0 */
    format_tracks(f, 0, 1, 1, 0, 0);
    g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
    g_assert_cmphex(run(f, 0x06, true, buf, 64), ==, ST_UX);
    g_assert_cmpuint(f->len, ==, 0);
}

static void test_read_needs_seek(Fixture *f, gconstpointer data)
{
    uint8_t buf[64];

    assert_unit_check(f, run(f, 0x06, false, buf, 64), INVALID_SEQUENCE);
}

static void test_read_count_skips_r0(Fixture *f, gconstpointer data)
{
    uint8_t buf[8], want[8];

    format_tracks(f, 5, 1, 2, 0, 700);
    g_assert_cmphex(seek(f, false, 5), ==, ST_OK);
    g_assert_cmphex(run(f, 0x12, true, buf, 8), ==, ST_OK);
    count_field(want, 5, 1, 0, 700);
    g_assert_cmpmem(buf, 8, want, 8);
}

static void test_read_ha_and_r0(Fixture *f, gconstpointer data)
{
    uint8_t buf[16], want[16] = { 0 };

    g_assert_cmphex(seek(f, false, 17), ==, ST_OK);
    g_assert_cmphex(run(f, 0x1A, true, buf, 5), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 5);
    /* flag byte 0, CC 0001, HH 0002 */
    g_assert_cmpmem(buf, 5, ((uint8_t[]){ 0, 0, 1, 0, 2 }), 5);
    g_assert_cmphex(run(f, 0x16, true, buf, 16), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 16);
    count_field(want, 17, 0, 0, 8);
    g_assert_cmpmem(buf, 16, want, 16);
}

static void test_read_mt_next_head(Fixture *f, gconstpointer data)
{
    uint8_t buf[8], want[8];

    format_tracks(f, 3, 1, 1, 0, 300);
    /* head 2 holds only R0: Read Count MT goes on to head 3 */
    g_assert_cmphex(seek(f, false, 2), ==, ST_OK);
    g_assert_cmphex(run(f, 0x92, true, buf, 8), ==, ST_OK);
    count_field(want, 3, 1, 0, 300);
    g_assert_cmpmem(buf, 8, want, 8);
}

static void test_read_mt_end_of_cylinder(Fixture *f, gconstpointer data)
{
    uint8_t buf[8];

    g_assert_cmphex(seek(f, false, 14), ==, ST_OK);
    assert_unit_check(f, run(f, 0x92, true, buf, 8), END_OF_CYLINDER);
}

static void test_read_ipl(Fixture *f, gconstpointer data)
{
    uint8_t p[16], rec[8 + 4 + 24], buf[24];

    /* track 0 R1: key "IPL1", 24 data bytes (PSW + CCW), facts 3.3 */
    dx(p, 0x00, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x03, 1, 0, 0, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    count_field(rec, 0, 1, 4, 24);
    memcpy(rec + 8, "IPL1", 4);
    for (int i = 0; i < 24; i++) {
        rec[12 + i] = i + 1;
    }
    g_assert_cmphex(run(f, 0x1D, true, rec, sizeof(rec)), ==, ST_OK);

    g_assert_cmphex(run(f, 0x02, false, buf, 24), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 24);
    g_assert_cmpmem(buf, 24, rec + 12, 24);
    /* Read IPL stands in for Define Extent: no Define Extent after it */
    assert_unit_check(f, run(f, 0x63, true, p, 16), INVALID_SEQUENCE);
}

static void test_read_multiple_ckd(Fixture *f, gconstpointer data)
{
    uint8_t buf[3 * (8 + 50)], want[8];

    format_tracks(f, 6, 1, 3, 0, 50);
    g_assert_cmphex(seek(f, false, 6), ==, ST_OK);
    g_assert_cmphex(run(f, 0x5E, true, buf, sizeof(buf)), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, sizeof(buf));
    for (int r = 0; r < 3; r++) {
        count_field(want, 6, r + 1, 0, 50);
        g_assert_cmpmem(buf + r * 58, 8, want, 8);
    }
}

/* ---- seeks ---- */

static void test_seek_bad(Fixture *f, gconstpointer data)
{
    static const struct {
        const char *what;
        uint8_t p[6];
        uint32_t count;
        Sense sense;
    } cases[] = {
        { "short", { 0, 0, 0, 0, 0, 1 }, 5, { 0x80, 0x00, 0x03 } },
        { "bin not zero", { 0, 1, 0, 0, 0, 1 }, 6, { 0x80, 0x00, 0x04 } },
        { "cylinder 2", { 0, 0, 0, 2, 0, 0 }, 6, { 0x80, 0x00, 0x04 } },
        { "head 15", { 0, 0, 0, 0, 0, 15 }, 6, { 0x80, 0x00, 0x04 } },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_test_message("%s", cases[i].what);
        assert_unit_check(f, run(f, 0x07, false, (void *)cases[i].p,
                                 cases[i].count), cases[i].sense);
    }
}

static void test_seek_outside_extent(Fixture *f, gconstpointer data)
{
    uint8_t p[16];

    dx(p, 0x40, 0, 4);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    assert_unit_check(f, seek(f, true, 5), FILE_PROTECTED);
}

static void test_seek_head_keeps_cylinder(Fixture *f, gconstpointer data)
{
    uint8_t p[6] = { 0, 0, 0, 0, 0, 5 }, ha[5];

    /* Seek to cylinder 1 head 2, then Seek Head 5: cylinder 1 head 5 */
    g_assert_cmphex(seek(f, false, 17), ==, ST_OK);
    g_assert_cmphex(run(f, 0x1B, true, p, 6), ==, ST_OK);
    g_assert_cmphex(run(f, 0x1A, true, ha, 5), ==, ST_OK);
    g_assert_cmpmem(ha, 5, ((uint8_t[]){ 0, 0, 1, 0, 5 }), 5);
    /* Seek Head needs to know the cylinder already */
    assert_unit_check(f, run(f, 0x1B, false, p, 6), INVALID_SEQUENCE);
}

static void test_recalibrate(Fixture *f, gconstpointer data)
{
    uint8_t ha[5];

    g_assert_cmphex(seek(f, false, 29), ==, ST_OK);
    g_assert_cmphex(run(f, 0x13, true, NULL, 0), ==, ST_OK);
    g_assert_cmphex(run(f, 0x1A, true, ha, 5), ==, ST_OK);
    g_assert_cmpmem(ha, 5, ((uint8_t[]){ 0, 0, 0, 0, 0 }), 5);
}

static void test_set_sector_then_search(Fixture *f, gconstpointer data)
{
    uint8_t sector = 40, id[8], buf[32], st;

    /* an MVS-style read: Seek, Set Sector, Search ID Equal, TIC, Read */
    format_tracks(f, 9, 1, 2, 0, 32);
    count_field(id, 9, 2, 0, 0);
    g_assert_cmphex(seek(f, false, 9), ==, ST_OK);
    g_assert_cmphex(run(f, 0x23, true, &sector, 1), ==, ST_OK);
    do {
        st = run(f, 0x31, true, id, 5);
    } while (st == ST_OK);
    g_assert_cmphex(st, ==, ST_SM);
    g_assert_cmphex(run(f, 0x06, true, buf, 32), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 32);
    /* sectors run 0..223, or 0xFF for "don't care" */
    sector = 224;
    assert_unit_check(f, run(f, 0x23, false, &sector, 1), INVALID_PARAMETER);
}

void test_dasd_eckd_add_ckd(void)
{
    ADD("/dasd-eckd/write-ckd/erases-rest-of-track",
        test_write_ckd_erases_rest);
    ADD("/dasd-eckd/write-ckd/needs-search-or-locate",
        test_write_ckd_needs_orientation);
    ADD("/dasd-eckd/write-r0/after-search-ha", test_write_r0_after_search_ha);
    ADD("/dasd-eckd/write-r0/needs-allow-all-mask",
        test_write_r0_needs_allow_all);
    ADD("/dasd-eckd/erase/ends-track-after-record", test_erase);
    ADD("/dasd-eckd/search/id-equal-then-read-data",
        test_search_id_then_read);
    ADD("/dasd-eckd/search/no-record-found-after-two-index-points",
        test_search_nrf_two_index);
    ADD("/dasd-eckd/search/equal-high-equal-or-high", test_search_high);
    ADD("/dasd-eckd/search/key-equal-then-read-data",
        test_search_key_then_read_data);
    ADD("/dasd-eckd/read/eof-record-is-unit-exception",
        test_read_eof_unit_exception);
    ADD("/dasd-eckd/read/needs-seek-first", test_read_needs_seek);
    ADD("/dasd-eckd/read/count-skips-r0", test_read_count_skips_r0);
    ADD("/dasd-eckd/read/home-address-and-r0", test_read_ha_and_r0);
    ADD("/dasd-eckd/read/multitrack-goes-to-next-head",
        test_read_mt_next_head);
    ADD("/dasd-eckd/read/multitrack-end-of-cylinder",
        test_read_mt_end_of_cylinder);
    ADD("/dasd-eckd/read/ipl-reads-r1-data", test_read_ipl);
    ADD("/dasd-eckd/read/multiple-ckd-whole-track", test_read_multiple_ckd);
    ADD("/dasd-eckd/seek/bad-address", test_seek_bad);
    ADD("/dasd-eckd/seek/outside-extent-is-file-protected",
        test_seek_outside_extent);
    ADD("/dasd-eckd/seek/seek-head-keeps-cylinder",
        test_seek_head_keeps_cylinder);
    ADD("/dasd-eckd/seek/recalibrate-goes-to-track-0", test_recalibrate);
    ADD("/dasd-eckd/search/set-sector-then-search-id",
        test_set_sector_then_search);
}
