/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-dasd-eckd-eckd.c: the ECKD side of the 3390/3990 model: Define
 * Extent (extent, file mask), Locate Record domains, and the programs
 * Linux dasd_eckd and dasdfmt build from them (facts 2.2, 2.3, 2.8).
 */
#include "qemu/osdep.h"

#include "test-dasd-eckd.h"

/* ---- Define Extent ---- */

static void test_dx_bad_parameters(Fixture *f, gconstpointer data)
{
    static const struct {
        const char *what;
        unsigned byte;
        uint8_t value;
        uint32_t count;
        Sense sense;
    } cases[] = {
        { "short", 0, 0x00, 15, { 0x80, 0x00, 0x03 } },
        { "reserved mask bit", 0, 0x20, 16, { 0x80, 0x00, 0x04 } },
        { "not ECKD mode", 1, 0x40, 16, { 0x80, 0x00, 0x04 } },
        { "blocksize too large", 2, 0xE0, 16, { 0x80, 0x00, 0x04 } },
        { "begin beyond volume", 9, 0x05, 16, { 0x80, 0x00, 0x04 } },
        { "head 15", 15, 0x0F, 16, { 0x80, 0x00, 0x04 } },
        { "begin after end", 11, 0x0E, 16, { 0x80, 0x00, 0x04 } },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        uint8_t p[16];

        g_test_message("%s", cases[i].what);
        dx(p, 0x40, 1, 5);
        p[cases[i].byte] = cases[i].value;
        assert_unit_check(f, run(f, 0x63, false, p, cases[i].count),
                          cases[i].sense);
    }
}

static void test_dx_second_must_match(Fixture *f, gconstpointer data)
{
    uint8_t p[16], q[16];

    dx(p, 0x40, 0, 29);
    dx(q, 0x40, 0, 14);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    g_assert_cmphex(run(f, 0x63, true, q, 16), ==, ST_OK);
    dx(q, 0x80, 0, 14);
    assert_unit_check(f, run(f, 0x63, true, q, 16), INVALID_SEQUENCE);
    /* Set File Mask and Define Extent exclude each other */
    g_assert_cmphex(run(f, 0x1F, false, (uint8_t[]){ 0xC0 }, 1), ==, ST_OK);
    assert_unit_check(f, run(f, 0x63, true, p, 16), INVALID_SEQUENCE);
}

static void test_dx_write_inhibited(Fixture *f, gconstpointer data)
{
    uint8_t p[16], block[4096];
    g_autofree uint8_t *trk = NULL;
    CkdRecord recs[16];

    format_tracks(f, 1, 1, 12, 0, 4096);
    /* mask 0x40: bits 0-1 = 01, inhibit all writes */
    dx(p, 0x40, 1, 1);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x01, 1, 1, 1, 4096);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    memset(block, 0x5A, sizeof(block));
    assert_unit_check(f, run(f, 0x85, true, block, 4096), FILE_PROTECTED);

    trk = read_back(f, 1);
    g_assert_cmpuint(track_records(trk, recs, 16), ==, 13);
    g_assert_cmphex(trk[recs[1].data_offset], ==, 0x00);
}

static void test_dx_update_only_refuses_format(Fixture *f, gconstpointer data)
{
    uint8_t p[16], c[8];

    /* mask 0x80: update writes only, no Write CKD */
    dx(p, 0x80, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x03, 1, 0, 0, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    count_field(c, 0, 1, 0, 512);
    assert_unit_check(f, run(f, 0x1D, true, c, 8), FILE_PROTECTED);
}

static void test_dx_locate_outside_extent(Fixture *f, gconstpointer data)
{
    uint8_t p[16];

    dx(p, 0x40, 2, 4);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 1, 5, 0, 0);
    assert_unit_check(f, run(f, 0x47, true, p, 16), FILE_PROTECTED);
}

static void test_dx_seek_control(Fixture *f, gconstpointer data)
{
    static const struct {
        uint8_t mask;
        uint8_t cmd;
        bool allowed;
    } cases[] = {
        { 0x00, 0x07, true },       /* 00: every seek */
        { 0x08, 0x07, false },      /* 01: seek cylinder and head only */
        { 0x08, 0x0B, true },
        { 0x10, 0x0B, false },      /* 10: seek head only */
        { 0x10, 0x1B, true },
        { 0x18, 0x1B, false },      /* 11: no seeks */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        uint8_t p[16], s[6] = { 0, 0, 0, 0, 0, 3 };
        uint8_t st;

        dx(p, cases[i].mask, 0, 29);
        g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
        if (cases[i].cmd == 0x1B) {
            /* Seek Head needs a position first: Locate Record gives it */
            lr(p, 3, 0x00, 0, 0, 0, 0);
            g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
        }
        st = run(f, cases[i].cmd, true, s, 6);
        if (cases[i].allowed) {
            g_assert_cmphex(st, ==, ST_OK);
        } else {
            assert_unit_check(f, st, FILE_PROTECTED);
        }
    }
}

/* ---- Locate Record ---- */

static void test_lr_needs_dx(Fixture *f, gconstpointer data)
{
    uint8_t p[16];

    lr(p, 0, 0x06, 1, 0, 0, 0);
    assert_unit_check(f, run(f, 0x47, false, p, 16), INVALID_SEQUENCE);
}

static void test_lr_bad_parameters(Fixture *f, gconstpointer data)
{
    static const struct {
        const char *what;
        unsigned byte;
        uint8_t value;
        uint32_t count;
        Sense sense;
    } cases[] = {
        { "short", 0, 0x06, 15, { 0x80, 0x00, 0x03 } },
        { "unknown operation", 0, 0x3F, 16, { 0x80, 0x00, 0x04 } },
        { "read data, index orientation", 0, 0xC6, 16, { 0x80, 0, 0x04 } },
        { "write data, HA orientation", 0, 0x41, 16, { 0x80, 0, 0x04 } },
        { "reserved auxiliary bit", 1, 0x40, 16, { 0x80, 0x00, 0x04 } },
        { "byte 2 not zero", 2, 0x01, 16, { 0x80, 0x00, 0x04 } },
        { "count 0 for read data", 3, 0x00, 16, { 0x80, 0x00, 0x04 } },
        { "seek beyond volume", 5, 0x02, 16, { 0x80, 0x00, 0x04 } },
        { "sector 230", 13, 230, 16, { 0x80, 0x00, 0x04 } },
        { "outside extent", 7, 0x03, 16, { 0x00, 0x04, 0x00 } },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        uint8_t p[16];

        g_test_message("%s", cases[i].what);
        dx(p, 0x40, 0, 2);
        g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
        lr(p, 0, 0x06, 1, 0, 0, 0);
        p[cases[i].byte] = cases[i].value;
        assert_unit_check(f, run(f, 0x47, true, p, cases[i].count),
                          cases[i].sense);
    }
}

static void test_lr_tlf_above_blocksize(Fixture *f, gconstpointer data)
{
    uint8_t p[16];

    dx(p, 0x40, 0, 2);
    stw_be_p(p + 2, 4096);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 1, 0, 0, 4097);
    assert_unit_check(f, run(f, 0x47, true, p, 16), INVALID_PARAMETER);
}

/* Linux block I/O (facts 2.8): DX + LR + one CCW per 4K block. */
static void test_lr_read_write_data_4k(Fixture *f, gconstpointer data)
{
    uint8_t p[16], blocks[3][4096], got[4096];
    g_autofree uint8_t *t0 = NULL;
    g_autofree uint8_t *t1 = NULL;
    CkdRecord recs[16];

    format_tracks(f, 0, 2, 12, 0, 4096);
    for (int i = 0; i < 3; i++) {
        memset(blocks[i], 0x31 + i, 4096);
    }

    /* write blocks 11, 12 of track 0 and block 1 of track 1 */
    dx(p, 0x80, 0, 1);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x01, 3, 0, 11, 4096);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    for (int i = 0; i < 3; i++) {
        g_assert_cmphex(run(f, 0x85, true, blocks[i], 4096), ==, ST_OK);
        g_assert_cmpuint(f->len, ==, 4096);
    }
    g_assert_cmphex(dasd_eckd_chain_end(f->d), ==, 0);

    /* what the file holds, through a fresh open */
    t0 = read_back(f, 0);
    t1 = read_back(f, 1);
    g_assert_cmpuint(track_records(t0, recs, 16), ==, 13);
    g_assert_cmpuint(recs[11].rec, ==, 11);
    g_assert_cmpmem(t0 + recs[11].data_offset, 4096, blocks[0], 4096);
    g_assert_cmpmem(t0 + recs[12].data_offset, 4096, blocks[1], 4096);
    g_assert_cmphex(t0[recs[10].data_offset], ==, 0x00);
    g_assert_cmpuint(track_records(t1, recs, 16), ==, 13);
    g_assert_cmpmem(t1 + recs[1].data_offset, 4096, blocks[2], 4096);

    /* and read back through the device, across the track boundary */
    dx(p, 0x40, 0, 1);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 3, 0, 11, 4096);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    for (int i = 0; i < 3; i++) {
        g_assert_cmphex(run(f, 0x86, true, got, 4096), ==, ST_OK);
        g_assert_cmpuint(f->len, ==, 4096);
        g_assert_cmpmem(got, 4096, blocks[i], 4096);
    }
    g_assert_cmphex(dasd_eckd_chain_end(f->d), ==, 0);
}

/* Linux's volume analysis (facts 2.8) on formatted and blank volumes. */
static void analysis(Fixture *f, uint8_t counts[5][8], uint8_t *last)
{
    uint8_t p[16];

    dx(p, 0x40, 0, 1);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 4, 0, 0, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    for (int i = 0; i < 4; i++) {
        *last = run(f, 0x12, true, counts[i], 8);
        if (*last != ST_OK) {
            return;
        }
    }
    lr(p, 0, 0x06, 1, 1, 0, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    *last = run(f, 0x12, true, counts[4], 8);
}

static void test_lr_analysis_reads_counts(Fixture *f, gconstpointer data)
{
    uint8_t counts[5][8], want[8], last;

    format_tracks(f, 0, 2, 12, 0, 4096);
    analysis(f, counts, &last);
    g_assert_cmphex(last, ==, ST_OK);
    for (int i = 0; i < 4; i++) {
        count_field(want, 0, i + 1, 0, 4096);
        g_assert_cmpmem(counts[i], 8, want, 8);
    }
    count_field(want, 1, 1, 0, 4096);
    g_assert_cmpmem(counts[4], 8, want, 8);
}

static void test_lr_unformatted_is_nrf(Fixture *f, gconstpointer data)
{
    uint8_t counts[5][8], last;

    /* Linux takes No Record Found here for "not formatted" */
    analysis(f, counts, &last);
    assert_unit_check(f, last, NO_RECORD_FOUND);
}

static void test_lr_search_arg_not_on_track(Fixture *f, gconstpointer data)
{
    uint8_t p[16];

    format_tracks(f, 0, 1, 3, 0, 4096);
    dx(p, 0x40, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 1, 0, 4, 0);
    assert_unit_check(f, run(f, 0x47, true, p, 16), NO_RECORD_FOUND);
}

static void test_lr_incomplete_domain(Fixture *f, gconstpointer data)
{
    uint8_t p[16], buf[4096], s[32];

    format_tracks(f, 0, 1, 12, 0, 4096);
    dx(p, 0x40, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 3, 0, 1, 4096);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    g_assert_cmphex(run(f, 0x86, true, buf, 4096), ==, ST_OK);
    /* the program ends with two commands of the domain still owed */
    g_assert_cmphex(dasd_eckd_chain_end(f->d), ==, 0x02);
    dasd_eckd_get_sense(f->d, s);
    g_assert_cmphex(s[0], ==, 0x81);
    g_assert_cmphex(s[3], ==, 2);
}

static void test_lr_command_outside_operation(Fixture *f, gconstpointer data)
{
    uint8_t p[16], buf[4096] = { 0 };

    format_tracks(f, 0, 1, 12, 0, 4096);
    dx(p, 0xC0, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 2, 0, 1, 4096);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    /* a Read Data domain admits no write, and no second Locate Record */
    assert_unit_check(f, run(f, 0x85, true, buf, 4096), INVALID_SEQUENCE);
    dx(p, 0xC0, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 2, 0, 1, 4096);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    assert_unit_check(f, run(f, 0x47, true, p, 16), INVALID_SEQUENCE);
}

static void test_lr_write_length_must_match(Fixture *f, gconstpointer data)
{
    uint8_t p[16], buf[4096] = { 0 };

    format_tracks(f, 0, 1, 12, 0, 4096);
    dx(p, 0x80, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    /* the domain announces 512-byte records, the track has 4096 */
    lr(p, 0, 0x01, 1, 0, 1, 512);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    assert_unit_check(f, run(f, 0x85, true, buf, 512), INVALID_TRACK_FORMAT);
}

static void test_lr_read_tracks(Fixture *f, gconstpointer data)
{
    uint8_t p[16], buf[2 * 8192];
    uint32_t per_track = 8 + 8 + 2 * (8 + 100) + 8;

    format_tracks(f, 3, 2, 2, 0, 100);
    dx(p, 0x40, 3, 4);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x0C, 2, 3, 0, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    for (uint32_t t = 3; t <= 4; t++) {
        uint8_t want[8];

        g_assert_cmphex(run(f, 0xDE, true, buf, sizeof(buf)), ==, ST_OK);
        /* R0, R1, R2 (count, key, data each) and the end marker */
        g_assert_cmpuint(f->len, ==, per_track);
        count_field(want, t, 0, 0, 8);
        g_assert_cmpmem(buf, 8, want, 8);
        count_field(want, t, 2, 0, 100);
        g_assert_cmpmem(buf + 16 + 108, 8, want, 8);
        g_assert_cmphex(ldq_be_p(buf + per_track - 8), ==,
                        0xFFFFFFFFFFFFFFFFull);
    }
    g_assert_cmphex(dasd_eckd_chain_end(f->d), ==, 0);
}

/* ---- formatting in Format Write domains ---- */

static void test_format_linux_4k(Fixture *f, gconstpointer data)
{
    g_autofree uint8_t *t0 = NULL;
    g_autofree uint8_t *t1 = NULL;
    CkdRecord recs[16];

    format_tracks(f, 0, 2, 12, 0, 4096);
    t0 = read_back(f, 0);
    t1 = read_back(f, 1);
    g_assert_cmpuint(track_records(t0, recs, 16), ==, 13);
    g_assert_cmpuint(track_records(t1, recs, 16), ==, 13);
    for (unsigned i = 1; i < 13; i++) {
        g_assert_cmpuint(recs[i].cyl, ==, 0);
        g_assert_cmpuint(recs[i].head, ==, 1);
        g_assert_cmpuint(recs[i].rec, ==, i);
        g_assert_cmpuint(recs[i].kl, ==, 0);
        g_assert_cmpuint(recs[i].dl, ==, 4096);
    }
}

static void test_write_ckd_too_long(Fixture *f, gconstpointer data)
{
    uint8_t p[16], c[8];
    g_autofree uint8_t *trk = NULL;
    CkdRecord recs[16];

    /*
     * Twelve 4K records use 1716 of 1729 cells; a 13th would still fit
     * in the 56832-byte image track, but not on a 3390 (facts 1.2, 6.2).
     */
    format_tracks(f, 0, 1, 12, 0, 4096);
    dx(p, 0x00, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x03, 1, 0, 12, 4096);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    count_field(c, 0, 13, 0, 4096);
    assert_unit_check(f, run(f, 0x1D, true, c, 8), INVALID_TRACK_FORMAT);

    trk = read_back(f, 0);
    g_assert_cmpuint(track_records(trk, recs, 16), ==, 13);
}

static void test_write_ckd_full_track(Fixture *f, gconstpointer data)
{
    static const struct {
        uint16_t dl;
        uint8_t status;
    } cases[] = {
        { 56664, ST_OK },
        { 56665, ST_UC },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        uint8_t p[16], c[8];

        dx(p, 0x00, 2, 2);
        g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
        lr(p, 0, 0x03, 1, 2, 0, 0);
        g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
        count_field(c, 2, 1, 0, cases[i].dl);
        g_assert_cmphex(run(f, 0x1D, true, c, 8), ==, cases[i].status);
    }
    assert_sense(f, INVALID_TRACK_FORMAT);
}

static void test_write_ckd_unstorable(Fixture *f, gconstpointer data)
{
    uint8_t p[16], c[8];

    /* the CKD image format cannot hold a user record numbered 0 */
    dx(p, 0x00, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x03, 1, 0, 0, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    count_field(c, 0, 0, 0, 80);
    assert_unit_check(f, run(f, 0x1D, true, c, 8), INVALID_TRACK_FORMAT);
}

static void test_readonly_refuses_writes(Fixture *f, gconstpointer data)
{
    uint8_t p[16], c[8], buf[100];

    format_tracks(f, 0, 1, 2, 0, 100);
    fixture_close(f);
    fixture_open(f, true);

    dx(p, 0x00, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x03, 1, 0, 0, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    count_field(c, 0, 1, 0, 100);
    assert_unit_check(f, run(f, 0x1D, true, c, 8), WRITE_INHIBITED);

    memset(buf, 0x11, sizeof(buf));
    dx(p, 0x80, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x01, 1, 0, 1, 100);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    assert_unit_check(f, run(f, 0x85, true, buf, 100), WRITE_INHIBITED);

    /* reads still work */
    dx(p, 0x40, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 1, 0, 1, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    g_assert_cmphex(run(f, 0x06, true, buf, 100), ==, ST_OK);
    g_assert_cmphex(buf[0], ==, 0x00);
}

static void test_domain_only_commands(Fixture *f, gconstpointer data)
{
    uint8_t c[8], buf[512];

    /*
     * Write CKD Next Track, Write Update Data and Read Track exist only
     * inside the Locate Record domain that admits them (facts 2.7).
     */
    format_tracks(f, 0, 1, 1, 0, 512);
    count_field(c, 1, 1, 0, 512);
    g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
    assert_unit_check(f, run(f, 0x9D, true, c, 8), INVALID_SEQUENCE);
    g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
    assert_unit_check(f, run(f, 0x85, true, buf, 512), INVALID_SEQUENCE);
    g_assert_cmphex(seek(f, false, 0), ==, ST_OK);
    assert_unit_check(f, run(f, 0xDE, true, buf, 512), INVALID_SEQUENCE);
}

static void test_format_next_track_outside_extent(Fixture *f,
                                                  gconstpointer data)
{
    uint8_t p[16], c[8];

    /* the extent is track 4 alone: the next track is file protected */
    dx(p, 0x00, 4, 4);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x03, 2, 4, 0, 0);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    count_field(c, 4, 1, 0, 1000);
    g_assert_cmphex(run(f, 0x1D, true, c, 8), ==, ST_OK);
    count_field(c, 5, 1, 0, 1000);
    assert_unit_check(f, run(f, 0x9D, true, c, 8), FILE_PROTECTED);
}

void test_dasd_eckd_add_eckd(void)
{
    ADD("/dasd-eckd/define-extent/bad-parameters", test_dx_bad_parameters);
    ADD("/dasd-eckd/define-extent/second-must-match",
        test_dx_second_must_match);
    ADD("/dasd-eckd/define-extent/write-inhibited-is-file-protected",
        test_dx_write_inhibited);
    ADD("/dasd-eckd/define-extent/update-only-refuses-format-write",
        test_dx_update_only_refuses_format);
    ADD("/dasd-eckd/define-extent/locate-outside-extent-is-file-protected",
        test_dx_locate_outside_extent);
    ADD("/dasd-eckd/define-extent/seek-control", test_dx_seek_control);
    ADD("/dasd-eckd/locate-record/needs-define-extent", test_lr_needs_dx);
    ADD("/dasd-eckd/locate-record/bad-parameters", test_lr_bad_parameters);
    ADD("/dasd-eckd/locate-record/tlf-above-blocksize",
        test_lr_tlf_above_blocksize);
    ADD("/dasd-eckd/locate-record/read-data-4k", test_lr_read_write_data_4k);
    ADD("/dasd-eckd/locate-record/analysis-reads-counts",
        test_lr_analysis_reads_counts);
    ADD("/dasd-eckd/locate-record/unformatted-is-no-record-found",
        test_lr_unformatted_is_nrf);
    ADD("/dasd-eckd/locate-record/search-argument-not-on-track",
        test_lr_search_arg_not_on_track);
    ADD("/dasd-eckd/locate-record/incomplete-domain-at-chain-end",
        test_lr_incomplete_domain);
    ADD("/dasd-eckd/locate-record/command-outside-operation",
        test_lr_command_outside_operation);
    ADD("/dasd-eckd/locate-record/write-length-must-match-tlf",
        test_lr_write_length_must_match);
    ADD("/dasd-eckd/locate-record/read-tracks", test_lr_read_tracks);
    ADD("/dasd-eckd/write-ckd/format-linux-4k", test_format_linux_4k);
    ADD("/dasd-eckd/write-ckd/record-too-long-is-invalid-track-format",
        test_write_ckd_too_long);
    ADD("/dasd-eckd/write-ckd/full-track-record-fits",
        test_write_ckd_full_track);
    ADD("/dasd-eckd/write-ckd/record-zero-number-is-invalid-track-format",
        test_write_ckd_unstorable);
    ADD("/dasd-eckd/readonly/refuses-writes-write-inhibited",
        test_readonly_refuses_writes);
    ADD("/dasd-eckd/locate-record/domain-only-commands-outside-domain",
        test_domain_only_commands);
    ADD("/dasd-eckd/write-ckd/next-track-outside-extent-is-file-protected",
        test_format_next_track_outside_extent);
}
