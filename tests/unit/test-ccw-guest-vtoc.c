/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest's reading of the volume label and the VTOC, on hand-made
 * EBCDIC records laid out as facts-dasd-eckd.md section 3.6 (and z/OS
 * DFSMSdfp Advanced Services) gives the offsets.
 */
#include "qemu/osdep.h"

#include "contrib/ccw-guest/guest-error.h"
#include "contrib/ccw-guest/vtoc.h"

/* Store ASCII @s as EBCDIC at @p (letters, digits, '.', blank only). */
static void put_ebcdic(uint8_t *p, const char *s)
{
    for (; *s; s++, p++) {
        char c = *s;

        if (c >= 'A' && c <= 'I') {
            *p = 0xc1 + (c - 'A');
        } else if (c >= 'J' && c <= 'R') {
            *p = 0xd1 + (c - 'J');
        } else if (c >= 'S' && c <= 'Z') {
            *p = 0xe2 + (c - 'S');
        } else if (c >= '0' && c <= '9') {
            *p = 0xf0 + (c - '0');
        } else if (c == '.') {
            *p = 0x4b;
        } else {
            *p = 0x40;
        }
    }
}

static void make_vol1(uint8_t v[VOL1_SIZE])
{
    memset(v, 0x40, VOL1_SIZE);
    put_ebcdic(v, "VOL1DEMO01");
    /* VTOC at cyl 0 head 8 record 1 */
    memcpy(v + 11, (const uint8_t[]) { 0x00, 0x00, 0x00, 0x08, 0x01 }, 5);
    /* owner field at 37, written with leading blanks as dasdload does */
    put_ebcdic(v + 41, "HERCULES");
}

static void test_vol1(void)
{
    uint8_t v[VOL1_SIZE];
    g_autoptr(GError) err = NULL;
    Vol1 vol;

    make_vol1(v);
    g_assert_true(vtoc_parse_vol1(v, sizeof(v), &vol, &err));
    g_assert_no_error(err);
    g_assert_cmpstr(vol.volser, ==, "DEMO01");
    g_assert_cmpuint(vol.vtoc_cyl, ==, 0);
    g_assert_cmpuint(vol.vtoc_head, ==, 8);
    g_assert_cmpuint(vol.vtoc_rec, ==, 1);
    g_assert_cmpstr(vol.owner, ==, "HERCULES");
}

static void test_vol1_refuses_other_label(void)
{
    uint8_t v[VOL1_SIZE];
    g_autoptr(GError) err = NULL;
    Vol1 vol;

    make_vol1(v);
    put_ebcdic(v, "LNX1");
    g_assert_false(vtoc_parse_vol1(v, sizeof(v), &vol, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_FORMAT);
}

static void test_vol1_refuses_short_record(void)
{
    uint8_t v[VOL1_SIZE];
    g_autoptr(GError) err = NULL;
    Vol1 vol;

    make_vol1(v);
    g_assert_false(vtoc_parse_vol1(v, 40, &vol, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_FORMAT);
}

/* A format-1 DSCB like the one dasdload writes for a TEXT data set. */
static void make_dscb1(uint8_t d[DSCB_SIZE])
{
    static const uint8_t ext1[10] = {
        0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02,
    };

    memset(d, 0, DSCB_SIZE);
    memset(d, 0x40, DSCB_KEY_SIZE);
    put_ebcdic(d, "DEMO.TEXT");
    d[44] = 0xf1;
    put_ebcdic(d + 45, "DEMO01");
    d[52] = 1;                                  /* volume sequence 1 */
    memcpy(d + 53, (const uint8_t[]) { 126, 0x01, 0x44 }, 3); /* 2026.324 */
    d[59] = 1;                                  /* one extent */
    put_ebcdic(d + 62, "HERCULES     ");
    d[82] = 0x40;                               /* DSORG=PS */
    d[84] = 0x90;                               /* RECFM=FB */
    stw_be_p(d + 86, 800);
    stw_be_p(d + 88, 80);
    d[94] = 0x80;                               /* secondary: TRK 1 */
    d[97] = 1;
    memcpy(d + 98, (const uint8_t[]) { 0x00, 0x00, 0x05 }, 3);
    stw_be_p(d + 101, 52700);
    memcpy(d + 105, ext1, sizeof(ext1));
}

static void test_dscb1_fields(void)
{
    uint8_t d[DSCB_SIZE];
    Dscb1 f;

    make_dscb1(d);
    g_assert_true(vtoc_parse_dscb1(d, &f));
    g_assert_cmpstr(f.dsname, ==, "DEMO.TEXT");
    g_assert_cmphex(f.fmtid, ==, 0xf1);
    g_assert_cmpstr(f.volser, ==, "DEMO01");
    g_assert_cmpuint(f.volseq, ==, 1);
    g_assert_cmpuint(f.noepv, ==, 1);
    g_assert_cmpstr(f.syscd, ==, "HERCULES");
    g_assert_cmphex(f.dsorg, ==, 0x4000);
    g_assert_cmphex(f.recfm, ==, 0x90);
    g_assert_cmpuint(f.blksize, ==, 800);
    g_assert_cmpuint(f.lrecl, ==, 80);
    g_assert_cmpuint(f.keylen, ==, 0);
    g_assert_cmphex(f.scalo_unit, ==, 0x80);
    g_assert_cmpuint(f.scalo_qty, ==, 1);
    g_assert_cmpuint(f.lstar_tt, ==, 0);
    g_assert_cmpuint(f.lstar_r, ==, 5);
    g_assert_cmpuint(f.trbal, ==, 52700);
    g_assert_cmpuint(f.next_ext, ==, 3);
    g_assert_cmphex(f.ext[0].type, ==, 0x01);
    g_assert_cmpuint(f.ext[0].bcyl, ==, 0);
    g_assert_cmpuint(f.ext[0].bhead, ==, 1);
    g_assert_cmpuint(f.ext[0].ecyl, ==, 0);
    g_assert_cmpuint(f.ext[0].ehead, ==, 2);
    g_assert_cmpuint(dscb1_tracks(&f, 15), ==, 2);
}

static void test_dscb1_refuses_format4(void)
{
    uint8_t d[DSCB_SIZE];
    Dscb1 f;

    make_dscb1(d);
    d[44] = 0xf4;
    g_assert_false(vtoc_parse_dscb1(d, &f));
}

static void test_dscb1_accepts_format8(void)
{
    uint8_t d[DSCB_SIZE];
    Dscb1 f;

    make_dscb1(d);
    d[44] = 0xf8;
    g_assert_true(vtoc_parse_dscb1(d, &f));
    g_assert_cmphex(f.fmtid, ==, 0xf8);
}

/* A format-3 DSCB brings 4 extents in its key and 9 in its data. */
static void test_dscb3_adds_thirteen_extents(void)
{
    uint8_t d1[DSCB_SIZE], d3[DSCB_SIZE];
    Dscb1 f;

    make_dscb1(d1);
    memset(d3, 0, sizeof(d3));
    memset(d3, 0x03, 4);
    d3[44] = 0xf3;
    for (unsigned i = 0; i < 13; i++) {
        uint8_t *e = i < 4 ? d3 + 4 + 10 * i : d3 + 45 + 10 * (i - 4);

        e[0] = 0x01;
        e[1] = (uint8_t)(3 + i);
        stw_be_p(e + 2, (uint16_t)(i + 1));     /* cylinder i + 1 */
        stw_be_p(e + 6, (uint16_t)(i + 1));
        stw_be_p(e + 8, 14);                    /* the whole cylinder */
    }
    g_assert_true(vtoc_parse_dscb1(d1, &f));
    g_assert_true(vtoc_add_dscb3(d3, &f));
    g_assert_cmpuint(f.next_ext, ==, 16);
    g_assert_cmpuint(f.ext[3].bcyl, ==, 1);
    g_assert_cmpuint(f.ext[15].bcyl, ==, 13);
    g_assert_cmpuint(dscb1_tracks(&f, 15), ==, 2 + 13 * 15);
}

static void test_dscb3_refuses_other_key(void)
{
    uint8_t d1[DSCB_SIZE], d3[DSCB_SIZE];
    Dscb1 f;

    make_dscb1(d1);
    memset(d3, 0, sizeof(d3));
    d3[44] = 0xf3;                              /* key not 4 x 0x03 */
    g_assert_true(vtoc_parse_dscb1(d1, &f));
    g_assert_false(vtoc_add_dscb3(d3, &f));
    g_assert_cmpuint(f.next_ext, ==, 3);
}

static void make_dscb4(uint8_t d[DSCB_SIZE])
{
    memset(d, 0, DSCB_SIZE);
    memset(d, 0x04, DSCB_KEY_SIZE);
    d[44] = 0xf4;
    memcpy(d + 45, (const uint8_t[]) { 0, 0, 0, 8, 5 }, 5);
    stw_be_p(d + 50, 245);                      /* free DSCBs */
    d[58] = 0x80;
    d[59] = 1;
    stw_be_p(d + 62, 10);                       /* 10 cylinders */
    stw_be_p(d + 64, 15);                       /* of 15 tracks */
    stw_be_p(d + 66, 58786);
    d[74] = 50;
    d[75] = 45;
    /* VTOC extent cyl 0 head 8 - cyl 0 head 12 */
    memcpy(d + 105, (const uint8_t[]) { 1, 0, 0, 0, 0, 8, 0, 0, 0, 12 }, 10);
}

static void test_dscb4(void)
{
    uint8_t d[DSCB_SIZE];
    g_autoptr(GError) err = NULL;
    Dscb4 f4;

    make_dscb4(d);
    g_assert_true(vtoc_parse_dscb4(d, &f4, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(f4.last_f1_head, ==, 8);
    g_assert_cmpuint(f4.last_f1_rec, ==, 5);
    g_assert_cmpuint(f4.free_dscbs, ==, 245);
    g_assert_cmphex(f4.vtoci, ==, 0x80);
    g_assert_cmpuint(f4.dev_cyls, ==, 10);
    g_assert_cmpuint(f4.dev_heads, ==, 15);
    g_assert_cmpuint(f4.dev_track_len, ==, 58786);
    g_assert_cmpuint(f4.dscbs_per_track, ==, 50);
    g_assert_cmpuint(f4.dirblks_per_track, ==, 45);
    g_assert_cmpuint(f4.extent.bhead, ==, 8);
    g_assert_cmpuint(f4.extent.ehead, ==, 12);
    g_assert_cmpuint(extent_tracks(&f4.extent, 15), ==, 5);
}

static void test_dscb4_refuses_format1(void)
{
    uint8_t d[DSCB_SIZE];
    g_autoptr(GError) err = NULL;
    Dscb4 f4;

    make_dscb1(d);
    g_assert_false(vtoc_parse_dscb4(d, &f4, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_FORMAT);
}

static void test_dscb4_refuses_reversed_extent(void)
{
    uint8_t d[DSCB_SIZE];
    g_autoptr(GError) err = NULL;
    Dscb4 f4;

    make_dscb4(d);
    stw_be_p(d + 113, 7);                       /* ends at head 7 */
    g_assert_false(vtoc_parse_dscb4(d, &f4, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_FORMAT);
}

/* Relative tracks count through the extents in their order. */
static void test_rel_track_crosses_extents(void)
{
    Dscb1 f = { .next_ext = 2 };
    uint32_t t, last;

    f.ext[0] = (DsExtent) { 1, 0, 0, 1, 0, 2 };      /* 2 tracks */
    f.ext[1] = (DsExtent) { 1, 1, 3, 0, 3, 4 };      /* 5 tracks */
    g_assert_true(vtoc_rel_track(&f, 15, 0, &t, &last));
    g_assert_cmpuint(t, ==, 1);
    g_assert_cmpuint(last, ==, 2);
    g_assert_true(vtoc_rel_track(&f, 15, 1, &t, &last));
    g_assert_cmpuint(t, ==, 2);
    g_assert_true(vtoc_rel_track(&f, 15, 2, &t, &last));
    g_assert_cmpuint(t, ==, 45);
    g_assert_cmpuint(last, ==, 49);
    g_assert_true(vtoc_rel_track(&f, 15, 6, &t, &last));
    g_assert_cmpuint(t, ==, 49);
    g_assert_false(vtoc_rel_track(&f, 15, 7, &t, &last));
}

static void test_extent_tracks_unused_is_zero(void)
{
    DsExtent e = { 0, 0, 0, 1, 0, 2 };

    g_assert_cmpuint(extent_tracks(&e, 15), ==, 0);
    e = (DsExtent) { 1, 0, 2, 14, 4, 0 };           /* over a cylinder */
    g_assert_cmpuint(extent_tracks(&e, 15), ==, 17);
}

static void test_dsorg_text(void)
{
    g_assert_cmpstr(dsorg_text(0x4000), ==, "PS ");
    g_assert_cmpstr(dsorg_text(0x0200), ==, "PO ");
    g_assert_cmpstr(dsorg_text(0x2000), ==, "DA ");
    g_assert_cmpstr(dsorg_text(0x4100), ==, "PSU");
    g_assert_cmpstr(dsorg_text(0x0008), ==, "VS ");
    g_assert_cmpstr(dsorg_text(0x0000), ==, "   ");
    g_assert_cmpstr(dsorg_text(0x4200), ==, "?? ");
}

static void test_recfm_text(void)
{
    char b[8];

    g_assert_cmpstr(recfm_text(0x90, b), ==, "FB");
    g_assert_cmpstr(recfm_text(0x80, b), ==, "F");
    g_assert_cmpstr(recfm_text(0x58, b), ==, "VBS");
    g_assert_cmpstr(recfm_text(0xc0, b), ==, "U");
    g_assert_cmpstr(recfm_text(0x94, b), ==, "FBA");
    g_assert_cmpstr(recfm_text(0x52, b), ==, "VBM");
    g_assert_cmpstr(recfm_text(0xa0, b), ==, "FT");
    g_assert_cmpstr(recfm_text(0x00, b), ==, "U");
}

static void test_date_text(void)
{
    char b[16];

    g_assert_cmpstr(vtoc_date_text((const uint8_t[]) { 126, 1, 0x44 }, b),
                    ==, "2026Nov20");
    /* day 60 is February 29 in a leap year, March 1 otherwise */
    g_assert_cmpstr(vtoc_date_text((const uint8_t[]) { 124, 0, 60 }, b),
                    ==, "2024Feb29");
    g_assert_cmpstr(vtoc_date_text((const uint8_t[]) { 123, 0, 60 }, b),
                    ==, "2023Mar01");
    g_assert_cmpstr(vtoc_date_text((const uint8_t[]) { 99, 0, 1 }, b),
                    ==, "1999Jan01");
    g_assert_cmpstr(vtoc_date_text((const uint8_t[]) { 123, 1, 110 }, b),
                    ==, "*********");
    g_assert_cmpstr(vtoc_date_text((const uint8_t[]) { 0, 0, 0 }, b),
                    ==, "---------");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ccw-guest/vtoc/vol1/fields", test_vol1);
    g_test_add_func("/ccw-guest/vtoc/vol1/refuses-other-label",
                    test_vol1_refuses_other_label);
    g_test_add_func("/ccw-guest/vtoc/vol1/refuses-short-record",
                    test_vol1_refuses_short_record);
    g_test_add_func("/ccw-guest/vtoc/dscb1/fields", test_dscb1_fields);
    g_test_add_func("/ccw-guest/vtoc/dscb1/refuses-format4",
                    test_dscb1_refuses_format4);
    g_test_add_func("/ccw-guest/vtoc/dscb1/accepts-format8",
                    test_dscb1_accepts_format8);
    g_test_add_func("/ccw-guest/vtoc/dscb3/adds-thirteen-extents",
                    test_dscb3_adds_thirteen_extents);
    g_test_add_func("/ccw-guest/vtoc/dscb3/refuses-other-key",
                    test_dscb3_refuses_other_key);
    g_test_add_func("/ccw-guest/vtoc/dscb4/fields", test_dscb4);
    g_test_add_func("/ccw-guest/vtoc/dscb4/refuses-format1",
                    test_dscb4_refuses_format1);
    g_test_add_func("/ccw-guest/vtoc/dscb4/refuses-reversed-extent",
                    test_dscb4_refuses_reversed_extent);
    g_test_add_func("/ccw-guest/vtoc/extent/relative-track-crosses-extents",
                    test_rel_track_crosses_extents);
    g_test_add_func("/ccw-guest/vtoc/extent/tracks",
                    test_extent_tracks_unused_is_zero);
    g_test_add_func("/ccw-guest/vtoc/text/dsorg", test_dsorg_text);
    g_test_add_func("/ccw-guest/vtoc/text/recfm", test_recfm_text);
    g_test_add_func("/ccw-guest/vtoc/text/date", test_date_text);
    return g_test_run();
}
