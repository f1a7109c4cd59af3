/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest's sequential data sets without a device: where rewritten
 * blocks go on 3390 tracks and what DS1LSTAR / DS1TRBAL then say
 * (capacities from facts-dasd-eckd.md 1.2: 1,729 cells of 34 bytes), and
 * how blocks split into records by RECFM, and PDS directory blocks
 * (z/OS DFSMS Using Data Sets: count, entries of name, TTR and C, end
 * marker of eight 0xFF bytes).
 */
#include "qemu/osdep.h"

#include "contrib/ccw-guest/dataset.h"
#include "contrib/ccw-guest/guest-error.h"
#include "contrib/ccw-guest/pds.h"
#include "contrib/ccw-guest/ps-layout.h"

static const PsPlace *block_at(const PsLayout *p, size_t i)
{
    return &g_array_index(p->blocks, PsPlace, i);
}

/*
 * 33 records of 80 bytes in 800-byte blocks: three full blocks (44 cells
 * each) and one of 240 bytes (27 cells) on track 0, then end of file.
 */
static void test_short_last_block(void)
{
    static const uint32_t lens[] = { 800, 800, 800, 240 };
    g_autoptr(GError) err = NULL;
    PsLayout p;

    g_assert_true(ps_layout_plan(lens, 4, 2, &p, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(p.blocks->len, ==, 4);
    g_assert_cmpuint(block_at(&p, 3)->tt, ==, 0);
    g_assert_cmpuint(block_at(&p, 3)->rec, ==, 4);
    g_assert_true(p.has_eof);
    g_assert_cmpuint(p.eof.tt, ==, 0);
    g_assert_cmpuint(p.eof.rec, ==, 5);
    g_assert_cmpuint(p.lstar_tt, ==, 0);
    g_assert_cmpuint(p.lstar_r, ==, 4);
    g_assert_cmpuint(p.trbal, ==, (1729 - 3 * 44 - 27) * 34);
    g_assert_cmpuint(p.tracks, ==, 1);
    ps_layout_clear(&p);
}

/* 14 blocks of 3200 fill a track (116 cells each); the 15th moves on. */
static void test_fifteenth_block_on_next_track(void)
{
    uint32_t lens[15];
    g_autoptr(GError) err = NULL;
    PsLayout p;

    for (size_t i = 0; i < G_N_ELEMENTS(lens); i++) {
        lens[i] = 3200;
    }
    g_assert_true(ps_layout_plan(lens, 15, 3, &p, &err));
    g_assert_cmpuint(block_at(&p, 13)->tt, ==, 0);
    g_assert_cmpuint(block_at(&p, 13)->rec, ==, 14);
    g_assert_cmpuint(block_at(&p, 14)->tt, ==, 1);
    g_assert_cmpuint(block_at(&p, 14)->rec, ==, 1);
    g_assert_cmpuint(p.eof.tt, ==, 1);
    g_assert_cmpuint(p.eof.rec, ==, 2);
    g_assert_cmpuint(p.lstar_tt, ==, 1);
    g_assert_cmpuint(p.lstar_r, ==, 1);
    g_assert_cmpuint(p.trbal, ==, (1729 - 116) * 34);
    g_assert_cmpuint(p.tracks, ==, 2);
    ps_layout_clear(&p);
}

/* 14 x 116 + 20 cells of the end-of-file record still fit on track 0. */
static void test_eof_fits_after_full_blocks(void)
{
    uint32_t lens[14];
    g_autoptr(GError) err = NULL;
    PsLayout p;

    for (size_t i = 0; i < G_N_ELEMENTS(lens); i++) {
        lens[i] = 3200;
    }
    g_assert_true(ps_layout_plan(lens, 14, 1, &p, &err));
    g_assert_true(p.has_eof);
    g_assert_cmpuint(p.eof.tt, ==, 0);
    g_assert_cmpuint(p.eof.rec, ==, 15);
    ps_layout_clear(&p);
}

/* A full-track block leaves no room: end of file on the next track ... */
static void test_full_track_block(void)
{
    static const uint32_t lens[] = { 56664 };
    g_autoptr(GError) err = NULL;
    PsLayout p;

    g_assert_true(ps_layout_plan(lens, 1, 2, &p, &err));
    g_assert_cmpuint(p.trbal, ==, 0);
    g_assert_true(p.has_eof);
    g_assert_cmpuint(p.eof.tt, ==, 1);
    g_assert_cmpuint(p.eof.rec, ==, 1);
    ps_layout_clear(&p);
    /* ... or none when the space ends there (DS1LSTAR marks the end) */
    g_assert_true(ps_layout_plan(lens, 1, 1, &p, &err));
    g_assert_false(p.has_eof);
    g_assert_cmpuint(p.lstar_r, ==, 1);
    ps_layout_clear(&p);
}

static void test_empty_data_set(void)
{
    g_autoptr(GError) err = NULL;
    PsLayout p;

    g_assert_true(ps_layout_plan(NULL, 0, 1, &p, &err));
    g_assert_cmpuint(p.blocks->len, ==, 0);
    g_assert_true(p.has_eof);
    g_assert_cmpuint(p.eof.tt, ==, 0);
    g_assert_cmpuint(p.eof.rec, ==, 1);
    g_assert_cmpuint(p.lstar_tt, ==, 0);
    g_assert_cmpuint(p.lstar_r, ==, 0);
    g_assert_cmpuint(p.trbal, ==, 58786);
    ps_layout_clear(&p);
}

static void test_refuses_too_many_blocks(void)
{
    uint32_t lens[15];
    g_autoptr(GError) err = NULL;
    PsLayout p;

    for (size_t i = 0; i < G_N_ELEMENTS(lens); i++) {
        lens[i] = 3200;
    }
    g_assert_false(ps_layout_plan(lens, 15, 1, &p, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_INPUT);
    ps_layout_clear(&p);
}

static void test_refuses_block_longer_than_track(void)
{
    static const uint32_t lens[] = { 56665 };
    g_autoptr(GError) err = NULL;
    PsLayout p;

    g_assert_false(ps_layout_plan(lens, 1, 5, &p, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_INPUT);
    ps_layout_clear(&p);
}

typedef struct Collect {
    GPtrArray *recs;
} Collect;

static bool collect(const uint8_t *rec, size_t len, void *opaque,
                    GError **errp)
{
    Collect *c = opaque;

    g_ptr_array_add(c->recs, g_bytes_new(rec, len));
    return true;
}

static size_t rec_len(const Collect *c, guint i)
{
    return g_bytes_get_size(g_ptr_array_index(c->recs, i));
}

static void test_deblock_fb_with_short_tail(void)
{
    Dscb1 f1 = { .recfm = 0x90, .lrecl = 80 };
    uint8_t block[200] = { 0 };
    Collect c = { g_ptr_array_new_with_free_func(
                      (GDestroyNotify)g_bytes_unref) };
    g_autoptr(GError) err = NULL;

    g_assert_true(dataset_deblock(&f1, block, sizeof(block), collect, &c,
                                  &err));
    g_assert_cmpuint(c.recs->len, ==, 3);
    g_assert_cmpuint(rec_len(&c, 0), ==, 80);
    g_assert_cmpuint(rec_len(&c, 2), ==, 40);
    g_ptr_array_unref(c.recs);
}

/* RECFM VB: block descriptor, then records each behind its own RDW. */
static void test_deblock_vb(void)
{
    Dscb1 f1 = { .recfm = 0x50, .lrecl = 84 };
    static const uint8_t block[] = {
        0x00, 0x11, 0x00, 0x00,                     /* BDW: 17 bytes */
        0x00, 0x07, 0x00, 0x00, 0xc1, 0xc2, 0xc3,   /* RDW 7: "ABC" */
        0x00, 0x06, 0x00, 0x00, 0xc4, 0xc5,         /* RDW 6: "DE" */
        0x00, 0x00,                                 /* past the BDW */
    };
    Collect c = { g_ptr_array_new_with_free_func(
                      (GDestroyNotify)g_bytes_unref) };
    g_autoptr(GError) err = NULL;

    g_assert_true(dataset_deblock(&f1, block, sizeof(block), collect, &c,
                                  &err));
    g_assert_no_error(err);
    g_assert_cmpuint(c.recs->len, ==, 2);
    g_assert_cmpuint(rec_len(&c, 0), ==, 3);
    g_assert_cmpuint(rec_len(&c, 1), ==, 2);
    g_ptr_array_unref(c.recs);
}

static void test_deblock_vb_refuses_bad_rdw(void)
{
    Dscb1 f1 = { .recfm = 0x50, .lrecl = 84 };
    static const uint8_t block[] = {
        0x00, 0x0b, 0x00, 0x00,
        0x00, 0x09, 0x00, 0x00, 0xc1, 0xc2, 0xc3,   /* RDW runs past BDW */
    };
    Collect c = { g_ptr_array_new_with_free_func(
                      (GDestroyNotify)g_bytes_unref) };
    g_autoptr(GError) err = NULL;

    g_assert_false(dataset_deblock(&f1, block, sizeof(block), collect, &c,
                                   &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_FORMAT);
    g_ptr_array_unref(c.recs);
}

static void test_deblock_u_is_one_record(void)
{
    Dscb1 f1 = { .recfm = 0xc0, .lrecl = 0 };
    uint8_t block[123] = { 0 };
    Collect c = { g_ptr_array_new_with_free_func(
                      (GDestroyNotify)g_bytes_unref) };
    g_autoptr(GError) err = NULL;

    g_assert_true(dataset_deblock(&f1, block, sizeof(block), collect, &c,
                                  &err));
    g_assert_cmpuint(c.recs->len, ==, 1);
    g_assert_cmpuint(rec_len(&c, 0), ==, 123);
    g_ptr_array_unref(c.recs);
}

/* Directory block: ALPHA at TTR 000105, BETA alias with 2 halfwords. */
static void make_dir_block(uint8_t d[PDS_DIR_BLOCK])
{
    static const uint8_t entries[] = {
        0xc1, 0xd3, 0xd7, 0xc8, 0xc1, 0x40, 0x40, 0x40,     /* ALPHA */
        0x00, 0x01, 0x05, 0x00,
        0xc2, 0xc5, 0xe3, 0xc1, 0x40, 0x40, 0x40, 0x40,     /* BETA */
        0x00, 0x02, 0x01, 0x82, 0xaa, 0xbb, 0xcc, 0xdd,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,     /* end */
    };

    memset(d, 0, PDS_DIR_BLOCK);
    stw_be_p(d, 2 + sizeof(entries));
    memcpy(d + 2, entries, sizeof(entries));
}

static void test_dir_block_entries(void)
{
    uint8_t d[PDS_DIR_BLOCK];
    g_autoptr(GArray) e = g_array_new(false, true, sizeof(PdsEntry));
    g_autoptr(GError) err = NULL;
    const PdsEntry *p;
    bool end;

    make_dir_block(d);
    g_assert_true(pds_parse_dir_block(d, sizeof(d), e, &end, &err));
    g_assert_no_error(err);
    g_assert_true(end);
    g_assert_cmpuint(e->len, ==, 2);
    p = &g_array_index(e, PdsEntry, 0);
    g_assert_cmpstr(p->name, ==, "ALPHA");
    g_assert_cmphex(p->tt, ==, 0x0001);
    g_assert_cmphex(p->rec, ==, 0x05);
    g_assert_false(p->alias);
    p = &g_array_index(e, PdsEntry, 1);
    g_assert_cmpstr(p->name, ==, "BETA");
    g_assert_true(p->alias);
    g_assert_cmpuint(p->user_halfwords, ==, 2);
    g_assert_nonnull(pds_find(e, "beta"));
    g_assert_null(pds_find(e, "GAMMA"));
}

/* A block full of entries without the marker: the directory goes on. */
static void test_dir_block_without_end(void)
{
    uint8_t d[PDS_DIR_BLOCK];
    g_autoptr(GArray) e = g_array_new(false, true, sizeof(PdsEntry));
    g_autoptr(GError) err = NULL;
    bool end = true;

    make_dir_block(d);
    stw_be_p(d, 2 + 12);                        /* ALPHA only */
    g_assert_true(pds_parse_dir_block(d, sizeof(d), e, &end, &err));
    g_assert_false(end);
    g_assert_cmpuint(e->len, ==, 1);
}

static void test_dir_block_refuses_bad_count(void)
{
    uint8_t d[PDS_DIR_BLOCK];
    g_autoptr(GArray) e = g_array_new(false, true, sizeof(PdsEntry));
    g_autoptr(GError) err = NULL;
    bool end;

    make_dir_block(d);
    stw_be_p(d, 300);
    g_assert_false(pds_parse_dir_block(d, sizeof(d), e, &end, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_FORMAT);
    g_clear_error(&err);
    stw_be_p(d, 0);
    g_assert_false(pds_parse_dir_block(d, sizeof(d), e, &end, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_FORMAT);
}

/* BETA's user data would end past the bytes the block says it uses. */
static void test_dir_block_refuses_entry_past_count(void)
{
    uint8_t d[PDS_DIR_BLOCK];
    g_autoptr(GArray) e = g_array_new(false, true, sizeof(PdsEntry));
    g_autoptr(GError) err = NULL;
    bool end;

    make_dir_block(d);
    stw_be_p(d, 2 + 12 + 14);
    g_assert_false(pds_parse_dir_block(d, sizeof(d), e, &end, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_FORMAT);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ccw-guest/ps-layout/short-last-block",
                    test_short_last_block);
    g_test_add_func("/ccw-guest/ps-layout/fifteenth-block-on-next-track",
                    test_fifteenth_block_on_next_track);
    g_test_add_func("/ccw-guest/ps-layout/eof-fits-after-full-blocks",
                    test_eof_fits_after_full_blocks);
    g_test_add_func("/ccw-guest/ps-layout/full-track-block",
                    test_full_track_block);
    g_test_add_func("/ccw-guest/ps-layout/empty-data-set",
                    test_empty_data_set);
    g_test_add_func("/ccw-guest/ps-layout/refuses-too-many-blocks",
                    test_refuses_too_many_blocks);
    g_test_add_func("/ccw-guest/ps-layout/refuses-block-longer-than-track",
                    test_refuses_block_longer_than_track);
    g_test_add_func("/ccw-guest/deblock/fb-with-short-tail",
                    test_deblock_fb_with_short_tail);
    g_test_add_func("/ccw-guest/deblock/vb", test_deblock_vb);
    g_test_add_func("/ccw-guest/deblock/vb-refuses-bad-rdw",
                    test_deblock_vb_refuses_bad_rdw);
    g_test_add_func("/ccw-guest/deblock/u-is-one-record",
                    test_deblock_u_is_one_record);
    g_test_add_func("/ccw-guest/pds/dir-block/entries",
                    test_dir_block_entries);
    g_test_add_func("/ccw-guest/pds/dir-block/without-end",
                    test_dir_block_without_end);
    g_test_add_func("/ccw-guest/pds/dir-block/refuses-bad-count",
                    test_dir_block_refuses_bad_count);
    g_test_add_func("/ccw-guest/pds/dir-block/refuses-entry-past-count",
                    test_dir_block_refuses_entry_past_count);
    return g_test_run();
}
