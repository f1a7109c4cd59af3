/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest's channel programs: how CCWs and their data are laid out in
 * guest memory, the ECKD parameter blocks (Define Extent, Locate Record),
 * the data the device returns (RDC, Sense ID, Read Track), sense bytes in
 * words and device names.  Expected bytes come from the PoP (CCW format 1)
 * and facts-dasd-eckd.md sections 1-2, written out by hand.
 */
#include "qemu/osdep.h"

#include "contrib/ccw-guest/ccw-chain.h"
#include "contrib/ccw-guest/css-guest.h"
#include "contrib/ccw-guest/dasd-sense.h"
#include "contrib/ccw-guest/eckd.h"
#include "contrib/ccw-guest/guest-error.h"

#define BASE 0x10000u

static void assert_bytes(const uint8_t *got, const uint8_t *want, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (got[i] != want[i]) {
            g_test_message("byte %zu", i);
        }
        g_assert_cmphex(got[i], ==, want[i]);
    }
}

/*
 * DX (16 bytes out), LR (16 out), Read Data (80 in, SLI): CCWs at BASE,
 * output areas after the 3 CCWs, the input area after those.
 */
static void test_chain_layout(void)
{
    g_autoptr(CcwChain) ch = ccw_chain_new();
    static const uint8_t dx[16] = { 0x40, 0xc0 };
    static const uint8_t lr[16] = { 0x06 };
    static const uint8_t want[] = {
        0x63, 0x40, 0x00, 0x10, 0x00, 0x01, 0x00, 0x18,  /* DX, CC */
        0x47, 0x40, 0x00, 0x10, 0x00, 0x01, 0x00, 0x28,  /* LR, CC */
        0x06, 0x20, 0x00, 0x50, 0x00, 0x01, 0x00, 0x38,  /* Read, SLI */
        0x40, 0xc0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    };
    g_autofree uint8_t *img = NULL;
    size_t size, len;
    uint32_t in_addr;

    g_assert_cmpuint(ccw_chain_add_out(ch, 0x63, 0, dx, sizeof(dx)), ==, 0);
    g_assert_cmpuint(ccw_chain_add_out(ch, 0x47, 0, lr, sizeof(lr)), ==, 1);
    g_assert_cmpuint(ccw_chain_add_in(ch, 0x06, CCW_FLAG_SLI, 80), ==, 2);
    img = ccw_chain_image(ch, BASE, &size);
    g_assert_cmpuint(size, ==, sizeof(want));
    assert_bytes(img, want, sizeof(want));
    g_assert_cmpuint(ccw_chain_in_span(ch, BASE, &in_addr), ==, 80);
    g_assert_cmphex(in_addr, ==, BASE + 0x38);
    memset(ccw_chain_in_buffer(ch), 0xc1, 80);
    g_assert_cmphex(ccw_chain_in_data(ch, 2, &len)[79], ==, 0xc1);
    g_assert_cmpuint(len, ==, 80);
}

/* Data areas start on doublewords: a 5-byte area takes 8. */
static void test_chain_areas_doubleword_aligned(void)
{
    g_autoptr(CcwChain) ch = ccw_chain_new();
    static const uint8_t five[5] = { 1, 2, 3, 4, 5 };
    g_autofree uint8_t *img = NULL;
    size_t size;
    uint32_t in_addr;

    ccw_chain_add_out(ch, 0x01, 0, five, sizeof(five));
    ccw_chain_add_out(ch, 0x01, 0, five, sizeof(five));
    ccw_chain_add_in(ch, 0x02, 0, 3);
    ccw_chain_add_in(ch, 0x02, 0, 3);
    img = ccw_chain_image(ch, BASE, &size);
    /* 4 CCWs, then areas at +0x20 and +0x28, inputs at +0x30, +0x38 */
    g_assert_cmphex(ldl_be_p(img + 4), ==, BASE + 0x20);
    g_assert_cmphex(ldl_be_p(img + 12), ==, BASE + 0x28);
    g_assert_cmphex(ldl_be_p(img + 20), ==, BASE + 0x30);
    g_assert_cmphex(ldl_be_p(img + 28), ==, BASE + 0x38);
    g_assert_cmpuint(size, ==, 0x30);
    g_assert_cmpuint(ccw_chain_in_span(ch, BASE, &in_addr), ==, 16);
    /* command chaining on all but the last */
    g_assert_cmphex(img[1], ==, CCW_FLAG_CC);
    g_assert_cmphex(img[25], ==, 0);
}

/* The SCSW CCW address points 8 past the last CCW executed. */
static void test_chain_index_of_cpa(void)
{
    g_autoptr(CcwChain) ch = ccw_chain_new();

    ccw_chain_add_out(ch, 0x03, 0, NULL, 0);
    ccw_chain_add_out(ch, 0x03, 0, NULL, 0);
    g_assert_cmpint(ccw_chain_index_of(ch, BASE, BASE + 8), ==, 0);
    g_assert_cmpint(ccw_chain_index_of(ch, BASE, BASE + 16), ==, 1);
    g_assert_cmpint(ccw_chain_index_of(ch, BASE, BASE), ==, -1);
    g_assert_cmpint(ccw_chain_index_of(ch, BASE, BASE + 24), ==, -1);
    g_assert_cmpint(ccw_chain_index_of(ch, BASE, BASE + 12), ==, -1);
    g_assert_cmphex(ccw_chain_cmd(ch, 1), ==, 0x03);
}

/* A CCW without data gets data address 0. */
static void test_chain_no_data_no_address(void)
{
    g_autoptr(CcwChain) ch = ccw_chain_new();
    g_autofree uint8_t *img = NULL;
    size_t size;

    ccw_chain_add_out(ch, 0x03, CCW_FLAG_SLI, NULL, 0);
    img = ccw_chain_image(ch, BASE, &size);
    g_assert_cmpuint(size, ==, 8);
    g_assert_cmphex(ldl_be_p(img), ==, 0x03200000);
    g_assert_cmphex(ldl_be_p(img + 4), ==, 0);
}

/* Define Extent for a read of cyl 1 heads 1-14. */
static void test_dx_bytes(void)
{
    uint8_t dx[ECKD_DX_SIZE];
    static const uint8_t want[ECKD_DX_SIZE] = {
        0x40, 0xc0, 0x00, 0x00, 0, 0, 0, 0,
        0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00, 0x0e,
    };

    eckd_build_dx(dx, ECKD_MASK_READ_ONLY, 0, 16, 29, 15);
    assert_bytes(dx, want, sizeof(want));
}

static void test_dx_blocksize(void)
{
    uint8_t dx[ECKD_DX_SIZE];

    eckd_build_dx(dx, ECKD_MASK_UPDATE, 4096, 0, 0, 15);
    g_assert_cmphex(dx[0], ==, 0x80);
    g_assert_cmphex(lduw_be_p(dx + 2), ==, 4096);
}

/* Locate Record: read 1 record, cyl 0 head 2 record 3, no TLF. */
static void test_lr_read_data(void)
{
    uint8_t lr[ECKD_LR_SIZE];
    static const uint8_t want[ECKD_LR_SIZE] = {
        0x06, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x02,
        0x00, 0x00, 0x00, 0x02, 0x03,
        0xff, 0x00, 0x00,
    };

    eckd_build_lr(lr, ECKD_ORIENT_COUNT, ECKD_LR_READ_DATA, 1, 2, 15, 3, 0);
    assert_bytes(lr, want, sizeof(want));
}

/* Orientation in bits 0-1; a TLF sets auxiliary bit 0. */
static void test_lr_orientation_and_tlf(void)
{
    uint8_t lr[ECKD_LR_SIZE];

    eckd_build_lr(lr, ECKD_ORIENT_HA, ECKD_LR_READ_TRACKS, 15, 15, 15, 0, 0);
    g_assert_cmphex(lr[0], ==, 0x4c);
    g_assert_cmphex(lr[1], ==, 0x00);
    g_assert_cmphex(lr[3], ==, 15);
    g_assert_cmphex(ldl_be_p(lr + 4), ==, 0x00010000);
    eckd_build_lr(lr, ECKD_ORIENT_COUNT, ECKD_LR_WRITE_DATA, 1, 8, 15, 5, 96);
    g_assert_cmphex(lr[0], ==, 0x01);
    g_assert_cmphex(lr[1], ==, 0x80);
    g_assert_cmphex(lduw_be_p(lr + 14), ==, 96);
}

/* EAV: the cylinder's high 12 bits go above the head in HH. */
static void test_cchh_eav(void)
{
    uint8_t p[4];
    uint32_t cyl, head;

    eckd_cchh(0x12345, 7, p);
    g_assert_cmphex(ldl_be_p(p), ==, 0x23450017);
    eckd_cchh_decode(p, &cyl, &head);
    g_assert_cmphex(cyl, ==, 0x12345);
    g_assert_cmpuint(head, ==, 7);
    eckd_cchh(3338, 14, p);
    g_assert_cmphex(ldl_be_p(p), ==, 0x0d0a000e);
}

/* The records-per-track table of facts 1.2. */
static void test_record_cells_table(void)
{
    static const struct {
        uint8_t kl;
        uint32_t dl;
        uint32_t cells;
        uint32_t per_track;
    } t[] = {
        { 0, 512, 35, 49 }, { 0, 1024, 51, 33 }, { 0, 2048, 81, 21 },
        { 0, 4096, 143, 12 }, { 0, 3200, 116, 14 }, { 0, 6144, 205, 8 },
        { 0, 18452, 576, 3 }, { 0, 27998, 864, 2 }, { 0, 56664, 1729, 1 },
        { 44, 96, 34, 50 }, { 8, 256, 38, 45 }, { 0, 0, 20, 86 },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(t); i++) {
        uint32_t c = eckd_record_cells(t[i].kl, t[i].dl);

        g_assert_cmpuint(c, ==, t[i].cells);
        g_assert_cmpuint(ECKD_3390_CELLS / c, ==, t[i].per_track);
    }
    g_assert_cmpuint(ECKD_3390_CELLS / eckd_record_cells(0, 27999), ==, 1);
    g_assert_cmpuint(ECKD_3390_CELLS / eckd_record_cells(0, 56665), ==, 0);
}

/* RDC of a 3390-3 on a 3990-3, the example of facts 1.4. */
static const uint8_t rdc_3390_3[ECKD_RDC_SIZE] = {
    0x39, 0x90, 0xec, 0x33, 0x90, 0x0a, 0xd0, 0x80,
    0x10, 0x94, 0x20, 0x24, 0x0d, 0x0b, 0x00, 0x0f,
    0xe0, 0x00, 0xe5, 0xa2, 0x05, 0x94, 0x02, 0x22,
    0x13, 0x09, 0x06, 0x74, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x24, 0x24, 0x06, 0x02, 0xdf, 0xee, 0x00, 0x01,
    0x06, 0x77, 0x08, 0x0f, 0x00, 0x3f, 0x00, 0x00,
    0x00, 0xff, 0x00, 0x00, 0x00, 0x00, 0x0d, 0x0b,
};

static void test_rdc_3390_3(void)
{
    EckdGeometry g;

    g_assert_true(eckd_parse_rdc(rdc_3390_3, &g));
    g_assert_cmphex(g.cu_type, ==, 0x3990);
    g_assert_cmphex(g.cu_model, ==, 0xec);
    g_assert_cmphex(g.dev_type, ==, 0x3390);
    g_assert_cmphex(g.dev_model, ==, 0x0a);
    g_assert_cmphex(g.facilities, ==, 0xd0801094);
    g_assert_cmphex(g.dev_class, ==, 0x20);
    g_assert_cmpuint(g.cyls, ==, 3339);
    g_assert_cmpuint(g.heads, ==, 15);
    g_assert_cmpuint(g.sectors, ==, 224);
    g_assert_cmpuint(g.track_len, ==, 58786);
    g_assert_cmpuint(g.ha_r0_len, ==, 1428);
    g_assert_cmpuint(g.formula, ==, 2);
    g_assert_cmpuint(g.factors[0], ==, 34);
    g_assert_cmpuint(g.factors[4], ==, 116);
    g_assert_cmpuint(g.r0_max, ==, 57326);
}

/* Above 65,520 cylinders bytes 12-13 say 0xFFFE; 60-63 have the count. */
static void test_rdc_eav_cylinders(void)
{
    uint8_t rdc[ECKD_RDC_SIZE];
    EckdGeometry g;

    memcpy(rdc, rdc_3390_3, sizeof(rdc));
    stw_be_p(rdc + 12, 0xfffe);
    stl_be_p(rdc + 60, 262668);
    g_assert_true(eckd_parse_rdc(rdc, &g));
    g_assert_cmpuint(g.cyls, ==, 262668);
}

static void test_rdc_refuses_non_dasd(void)
{
    uint8_t rdc[ECKD_RDC_SIZE];
    EckdGeometry g;

    memcpy(rdc, rdc_3390_3, sizeof(rdc));
    rdc[10] = 0x10;
    g_assert_false(eckd_parse_rdc(rdc, &g));
}

static void test_sense_id_with_ciws(void)
{
    /* facts 1.3: 3390-3 on 3990-3 */
    static const uint8_t id[] = {
        0xff, 0x39, 0x90, 0xec, 0x33, 0x90, 0x0a, 0x00,
        0x40, 0xfa, 0x01, 0x00, 0x41, 0x27, 0x00, 0x04,
        0x42, 0x3e, 0x00, 0x40,
    };
    EckdSenseId s;

    g_assert_true(eckd_parse_sense_id(id, sizeof(id), &s));
    g_assert_cmphex(s.cu_type, ==, 0x3990);
    g_assert_cmphex(s.cu_model, ==, 0xec);
    g_assert_cmphex(s.dev_type, ==, 0x3390);
    g_assert_cmphex(s.dev_model, ==, 0x0a);
    g_assert_cmpuint(s.nciw, ==, 3);
    g_assert_cmpuint(s.ciw[0].type, ==, 0);
    g_assert_cmphex(s.ciw[0].cmd, ==, 0xfa);
    g_assert_cmpuint(s.ciw[0].count, ==, 256);
    g_assert_cmpuint(s.ciw[2].type, ==, 2);
    g_assert_cmphex(s.ciw[2].cmd, ==, 0x3e);
    g_assert_cmpuint(s.ciw[2].count, ==, 64);
}

static void test_sense_id_seven_bytes(void)
{
    static const uint8_t id[] = { 0xff, 0xff, 0xff, 0x01, 0xff, 0xff, 0x01 };
    EckdSenseId s;

    g_assert_true(eckd_parse_sense_id(id, sizeof(id), &s));
    g_assert_cmphex(s.cu_type, ==, 0xffff);
    g_assert_cmphex(s.dev_type, ==, 0xffff);
    g_assert_cmpuint(s.nciw, ==, 0);
}

static void test_sense_id_refuses_bad_first_byte(void)
{
    static const uint8_t id[] = { 0x00, 0x39, 0x90, 0xec };
    EckdSenseId s;

    g_assert_false(eckd_parse_sense_id(id, sizeof(id), &s));
    g_assert_false(eckd_parse_sense_id(id, 3, &s));
}

/* Read Track data: R0, R1 with a key, then the end marker. */
static const uint8_t track_img[] = {
    0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x08,      /* R0 count */
    0, 0, 0, 0, 0, 0, 0, 0,
    0x00, 0x00, 0x00, 0x05, 0x01, 0x04, 0x00, 0x03,      /* R1: 4 + 3 */
    0xc1, 0xc2, 0xc3, 0xc4, 0xf1, 0xf2, 0xf3,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

static void test_track_parse(void)
{
    g_autoptr(GArray) recs = g_array_new(false, false, sizeof(EckdRecord));
    const EckdRecord *r;

    g_assert_true(eckd_parse_track(track_img, sizeof(track_img), recs));
    g_assert_cmpuint(recs->len, ==, 2);
    r = &g_array_index(recs, EckdRecord, 0);
    g_assert_cmpuint(r->rec, ==, 0);
    g_assert_cmpuint(r->dl, ==, 8);
    g_assert_cmpuint(r->head, ==, 5);
    r = &g_array_index(recs, EckdRecord, 1);
    g_assert_cmpuint(r->rec, ==, 1);
    g_assert_cmpuint(r->kl, ==, 4);
    g_assert_cmpuint(r->dl, ==, 3);
    g_assert_cmpuint(r->count_off, ==, 16);
    g_assert_cmphex(track_img[r->count_off + 8 + r->kl], ==, 0xf1);
}

static void test_track_refuses_record_past_end(void)
{
    g_autoptr(GArray) recs = g_array_new(false, false, sizeof(EckdRecord));

    /* cut inside R1's data */
    g_assert_false(eckd_parse_track(track_img, 28, recs));
}

static void test_track_refuses_missing_marker(void)
{
    g_autoptr(GArray) recs = g_array_new(false, false, sizeof(EckdRecord));

    g_assert_false(eckd_parse_track(track_img, sizeof(track_img) - 8, recs));
}

static void test_sense_meaning(void)
{
    uint8_t s[DASD_SENSE_SIZE] = { 0 };

    g_assert_cmpstr(dasd_sense_meaning(s), ==, "no sense bits set");
    s[1] = 0x08;
    g_assert_cmpstr(dasd_sense_meaning(s), ==, "no record found");
    s[1] = 0x04;
    g_assert_cmpstr(dasd_sense_meaning(s), ==, "file protected");
    s[1] = 0x40;
    g_assert_cmpstr(dasd_sense_meaning(s), ==, "invalid track format");
    s[1] = 0x20;
    g_assert_cmpstr(dasd_sense_meaning(s), ==, "end of cylinder");
    /* write inhibited comes with equipment check; byte 1 names it */
    s[0] = 0x10;
    s[1] = 0x02;
    g_assert_cmpstr(dasd_sense_meaning(s), ==, "write inhibited");
    s[1] = 0;
    g_assert_cmpstr(dasd_sense_meaning(s), ==, "equipment check");
    s[0] = 0x08;
    g_assert_cmpstr(dasd_sense_meaning(s), ==, "data check");
    s[0] = 0x40;
    g_assert_cmpstr(dasd_sense_meaning(s), ==, "intervention required");
}

static void test_sense_command_reject_messages(void)
{
    uint8_t s[DASD_SENSE_SIZE] = { 0x80 };

    s[7] = 0x01;
    g_assert_cmpstr(dasd_sense_meaning(s), ==,
                    "command reject: invalid command");
    s[7] = 0x02;
    g_assert_cmpstr(dasd_sense_meaning(s), ==,
                    "command reject: invalid command sequence");
    s[7] = 0x03;
    g_assert_cmpstr(dasd_sense_meaning(s), ==,
                    "command reject: CCW count too small");
    s[7] = 0x04;
    g_assert_cmpstr(dasd_sense_meaning(s), ==,
                    "command reject: invalid parameter");
    s[7] = 0x24;                /* not a format-0 message */
    g_assert_cmpstr(dasd_sense_meaning(s), ==, "command reject");
    s[0] = 0x81;
    g_assert_cmpstr(dasd_sense_meaning(s), ==,
                    "command reject: incomplete domain");
}

static void test_busid(void)
{
    g_autoptr(GError) err = NULL;
    uint8_t ssid;
    uint16_t devno;

    g_assert_true(guest_parse_busid("0.0.1234", &ssid, &devno, &err));
    g_assert_cmpuint(ssid, ==, 0);
    g_assert_cmphex(devno, ==, 0x1234);
    g_assert_true(guest_parse_busid("0.1.abcd", &ssid, &devno, &err));
    g_assert_cmpuint(ssid, ==, 1);
    g_assert_cmphex(devno, ==, 0xabcd);
    g_assert_true(guest_parse_busid("5678", &ssid, &devno, &err));
    g_assert_cmpuint(ssid, ==, 0);
    g_assert_cmphex(devno, ==, 0x5678);
    g_assert_no_error(err);
}

static void test_busid_refuses(void)
{
    static const char *const bad[] = {
        "0.4.1234", "0.0.12345", "0.0.12", "0.0", "1.2.3.4", "", "x",
        "0.0.-123", "0.0.12g4", "12345",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) err = NULL;
        uint8_t ssid;
        uint16_t devno;

        g_assert_false(guest_parse_busid(bad[i], &ssid, &devno, &err));
        g_assert_error(err, GUEST_ERROR, GUEST_ERROR_INPUT);
    }
}

/* A guest without MCSS-E sees only css 0. */
static void test_busid_other_css_is_no_device(void)
{
    g_autoptr(GError) err = NULL;
    uint8_t ssid;
    uint16_t devno;

    g_assert_false(guest_parse_busid("fe.0.1234", &ssid, &devno, &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_NO_DEVICE);
}

static void test_sid(void)
{
    g_assert_cmphex(guest_sid(0, 0), ==, 0x00010000);
    g_assert_cmphex(guest_sid(1, 5), ==, 0x00030005);
    g_assert_cmphex(guest_sid(3, 0xffff), ==, 0x0007ffff);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ccw-guest/chain/layout", test_chain_layout);
    g_test_add_func("/ccw-guest/chain/areas-doubleword-aligned",
                    test_chain_areas_doubleword_aligned);
    g_test_add_func("/ccw-guest/chain/index-of-cpa", test_chain_index_of_cpa);
    g_test_add_func("/ccw-guest/chain/no-data-no-address",
                    test_chain_no_data_no_address);
    g_test_add_func("/ccw-guest/eckd/dx/bytes", test_dx_bytes);
    g_test_add_func("/ccw-guest/eckd/dx/blocksize", test_dx_blocksize);
    g_test_add_func("/ccw-guest/eckd/lr/read-data", test_lr_read_data);
    g_test_add_func("/ccw-guest/eckd/lr/orientation-and-tlf",
                    test_lr_orientation_and_tlf);
    g_test_add_func("/ccw-guest/eckd/cchh/eav", test_cchh_eav);
    g_test_add_func("/ccw-guest/eckd/capacity/record-cells-table",
                    test_record_cells_table);
    g_test_add_func("/ccw-guest/eckd/rdc/3390-3", test_rdc_3390_3);
    g_test_add_func("/ccw-guest/eckd/rdc/eav-cylinders",
                    test_rdc_eav_cylinders);
    g_test_add_func("/ccw-guest/eckd/rdc/refuses-non-dasd",
                    test_rdc_refuses_non_dasd);
    g_test_add_func("/ccw-guest/eckd/sense-id/with-ciws",
                    test_sense_id_with_ciws);
    g_test_add_func("/ccw-guest/eckd/sense-id/seven-bytes",
                    test_sense_id_seven_bytes);
    g_test_add_func("/ccw-guest/eckd/sense-id/refuses-bad-first-byte",
                    test_sense_id_refuses_bad_first_byte);
    g_test_add_func("/ccw-guest/eckd/track/parse", test_track_parse);
    g_test_add_func("/ccw-guest/eckd/track/refuses-record-past-end",
                    test_track_refuses_record_past_end);
    g_test_add_func("/ccw-guest/eckd/track/refuses-missing-marker",
                    test_track_refuses_missing_marker);
    g_test_add_func("/ccw-guest/sense/meaning", test_sense_meaning);
    g_test_add_func("/ccw-guest/sense/command-reject-messages",
                    test_sense_command_reject_messages);
    g_test_add_func("/ccw-guest/busid/accepts", test_busid);
    g_test_add_func("/ccw-guest/busid/refuses", test_busid_refuses);
    g_test_add_func("/ccw-guest/busid/other-css-is-no-device",
                    test_busid_other_css_is_no_device);
    g_test_add_func("/ccw-guest/busid/sid", test_sid);
    return g_test_run();
}
