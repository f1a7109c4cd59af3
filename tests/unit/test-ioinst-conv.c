/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ioinst-conv.c: the architected byte layouts of ioinst.h.
 *
 * Each structure is written out byte by byte as the Principles of
 * Operation draws it (big-endian, with distinct values in every field),
 * converted to the host structure, checked field by field, and converted
 * back to the same bytes: a byte-order or offset slip fails here, on
 * hosts of either byte order.
 */
#include "qemu/osdep.h"

#include "hw/s390x/ioinst.h"

/* PMCW (PoP ch. 15, SCHIB words 0-6). */
static const uint8_t pmcw_be[PMCW_SIZE] = {
    0x12, 0x34, 0x56, 0x78,             /* word 0: interruption parameter */
    0x18, 0x9d,                         /* flags: ISC 3, E, MM 11, D, V */
    0xab, 0xcd,                         /* device number */
    0x80, 0x40, 0x20, 0xe0,             /* LPM PNOM LPUM PIM */
    0x01, 0x02,                         /* MBI */
    0xfe, 0xc0,                         /* POM PAM */
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,   /* CHPIDs 0-7 */
    0x00, 0x20, 0x00, 0x05,             /* word 6: type 1, F, S */
};

static void test_pmcw(void)
{
    uint8_t out[PMCW_SIZE];
    PMCW p;

    copy_pmcw_from_guest(pmcw_be, &p);
    g_assert_cmphex(p.intparm, ==, 0x12345678);
    g_assert_cmphex(p.flags, ==, 0x189d);
    g_assert_cmphex((p.flags & PMCW_FLAGS_MASK_ISC) >> PMCW_FLAGS_ISC_SHIFT,
                    ==, 3);
    g_assert_true(p.flags & PMCW_FLAGS_MASK_ENA);
    g_assert_true(p.flags & PMCW_FLAGS_MASK_DNV);
    g_assert_cmphex(p.devno, ==, 0xabcd);
    g_assert_cmphex(p.lpm, ==, 0x80);
    g_assert_cmphex(p.pnom, ==, 0x40);
    g_assert_cmphex(p.lpum, ==, 0x20);
    g_assert_cmphex(p.pim, ==, 0xe0);
    g_assert_cmphex(p.mbi, ==, 0x0102);
    g_assert_cmphex(p.pom, ==, 0xfe);
    g_assert_cmphex(p.pam, ==, 0xc0);
    g_assert_cmphex(p.chpid[0], ==, 0x10);
    g_assert_cmphex(p.chpid[7], ==, 0x17);
    g_assert_cmphex(p.chars, ==, 0x00200005);
    g_assert_cmphex((p.chars & PMCW_CHARS_MASK_ST) >> PMCW_CHARS_ST_SHIFT,
                    ==, 1);
    g_assert_true(p.chars & PMCW_CHARS_MASK_MBFC);
    g_assert_true(p.chars & PMCW_CHARS_MASK_CSENSE);
    copy_pmcw_to_guest(out, &p);
    g_assert_cmpmem(out, sizeof(out), pmcw_be, sizeof(pmcw_be));
}

/* SCSW (PoP ch. 16): key 5, S, F, P, Z; start function, status pending. */
static const uint8_t scsw_be[SCSW_SIZE] = {
    0x58, 0xc4,                         /* flags */
    0x44, 0x07,                         /* FC start, AC start pending, SC */
    0x00, 0x12, 0x34, 0x58,             /* CCW address */
    0x0c, 0x40,                         /* CE DE, incorrect length */
    0x01, 0x23,                         /* residual count */
};

static void test_scsw(void)
{
    uint8_t out[SCSW_SIZE];
    SCSW s;

    copy_scsw_from_guest(scsw_be, &s);
    g_assert_cmphex(s.flags, ==, 0x58c4);
    g_assert_cmphex(s.flags & SCSW_FLAGS_MASK_KEY, ==, 0x5000);
    g_assert_true(s.flags & SCSW_FLAGS_MASK_SCTL);
    g_assert_true(s.flags & SCSW_FLAGS_MASK_ZCC);
    g_assert_cmphex(s.ctrl & SCSW_CTRL_MASK_FCTL, ==, SCSW_FCTL_START_FUNC);
    g_assert_cmphex(s.ctrl & SCSW_CTRL_MASK_ACTL, ==, SCSW_ACTL_START_PEND);
    g_assert_cmphex(s.ctrl & SCSW_CTRL_MASK_STCTL, ==,
                    SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
                    SCSW_STCTL_STATUS_PEND);
    g_assert_cmphex(s.cpa, ==, 0x00123458);
    g_assert_cmphex(s.dstat, ==, SCSW_DSTAT_CHANNEL_END |
                    SCSW_DSTAT_DEVICE_END);
    g_assert_cmphex(s.cstat, ==, SCSW_CSTAT_INCORR_LEN);
    g_assert_cmphex(s.count, ==, 0x0123);
    copy_scsw_to_guest(out, &s);
    g_assert_cmpmem(out, sizeof(out), scsw_be, sizeof(scsw_be));
}

static void test_schib(void)
{
    uint8_t be[SCHIB_SIZE], out[SCHIB_SIZE];
    static const uint8_t tail[12] = {
        0x00, 0x00, 0x00, 0x01, 0x23, 0x45, 0x67, 0x80,   /* MBA */
        0xde, 0xad, 0xbe, 0xef,                           /* model area */
    };
    SCHIB s;

    memcpy(be, pmcw_be, PMCW_SIZE);
    memcpy(be + 28, scsw_be, SCSW_SIZE);
    memcpy(be + 40, tail, sizeof(tail));
    copy_schib_from_guest(be, &s);
    g_assert_cmphex(s.pmcw.devno, ==, 0xabcd);
    g_assert_cmphex(s.scsw.cpa, ==, 0x00123458);
    g_assert_cmphex(s.mba, ==, 0x0000000123456780ull);
    g_assert_cmphex(s.mda[0], ==, 0xde);
    g_assert_cmphex(s.mda[3], ==, 0xef);
    copy_schib_to_guest(out, &s);
    g_assert_cmpmem(out, sizeof(out), be, sizeof(be));
}

/* ORB (PoP ch. 15): key 3, S, F, P, C64; LPM 0xc0; L and X; CPA. */
static const uint8_t orb_be[ORB_SIZE] = {
    0xca, 0xfe, 0xba, 0xbe,             /* interruption parameter */
    0x38, 0xc2,                         /* ctrl0 */
    0xc0,                               /* LPM */
    0x81,                               /* ctrl1: L, X */
    0x00, 0x0a, 0xbc, 0xd8,             /* channel-program address */
};

static void test_orb(void)
{
    uint8_t out[ORB_SIZE];
    ORB o;

    copy_orb_from_guest(orb_be, &o);
    g_assert_cmphex(o.intparm, ==, 0xcafebabe);
    g_assert_cmphex(o.ctrl0, ==, 0x38c2);
    g_assert_cmphex((o.ctrl0 & ORB_CTRL0_MASK_KEY) >> ORB_CTRL0_KEY_SHIFT,
                    ==, 3);
    g_assert_true(o.ctrl0 & ORB_CTRL0_MASK_SPND);
    g_assert_true(o.ctrl0 & ORB_CTRL0_MASK_FMT);
    g_assert_true(o.ctrl0 & ORB_CTRL0_MASK_PFCH);
    g_assert_true(o.ctrl0 & ORB_CTRL0_MASK_C64);
    g_assert_cmphex(o.lpm, ==, 0xc0);
    g_assert_cmphex(o.ctrl1, ==, ORB_CTRL1_MASK_ILS | ORB_CTRL1_MASK_ORBX);
    g_assert_cmphex(o.cpa, ==, 0x000abcd8);
    copy_orb_to_guest(out, &o);
    g_assert_cmpmem(out, sizeof(out), orb_be, sizeof(orb_be));
}

/* ESW format 0 (PoP ch. 16): LPUM 0x80, ERW concurrent sense, count 32. */
static const uint8_t esw_be[ESW_SIZE] = {
    0x04, 0x80, 0x40, 0x00,             /* subchannel logout */
    0x01, 0x20, 0x00, 0x00,             /* ERW: CONS, sense count 32 */
    0x00, 0x00, 0x00, 0x01,             /* failing-storage address hi */
    0x80, 0x00, 0x10, 0x00,             /* failing-storage address lo */
    0x00, 0x00, 0x40, 0x08,             /* secondary-CCW address */
};

static void test_esw(void)
{
    uint8_t out[ESW_SIZE];
    ESW e;

    copy_esw_from_guest(esw_be, &e);
    g_assert_cmphex(e.sublog, ==, 0x04804000);
    g_assert_cmphex((e.sublog & ESW_SUBLOG_MASK_LPUM) >>
                    ESW_SUBLOG_LPUM_SHIFT, ==, 0x80);
    g_assert_cmphex(e.erw, ==, 0x01200000);
    g_assert_true(e.erw & ESW_ERW_MASK_CONS);
    g_assert_cmphex((e.erw & ESW_ERW_MASK_SCNT) >> ESW_ERW_SCNT_SHIFT, ==,
                    32);
    g_assert_cmphex(e.faddr[0], ==, 0x00000001);
    g_assert_cmphex(e.faddr[1], ==, 0x80001000);
    g_assert_cmphex(e.saddr, ==, 0x00004008);
    copy_esw_to_guest(out, &e);
    g_assert_cmpmem(out, sizeof(out), esw_be, sizeof(esw_be));
}

static void test_irb(void)
{
    uint8_t be[IRB_SIZE], out[IRB_SIZE];
    IRB irb;
    int i;

    memcpy(be, scsw_be, SCSW_SIZE);
    memcpy(be + 12, esw_be, ESW_SIZE);
    for (i = 0; i < IRB_ECW_SIZE; i++) {
        be[32 + i] = 0x40 + i;                  /* sense bytes */
    }
    for (i = 0; i < IRB_EMW_WORDS * 4; i++) {
        be[64 + i] = 0x90 + i;                  /* measurement words */
    }
    copy_irb_from_guest(be, &irb);
    g_assert_cmphex(irb.scsw.count, ==, 0x0123);
    g_assert_cmphex(irb.esw.saddr, ==, 0x00004008);
    g_assert_cmphex(irb.ecw[0], ==, 0x40);
    g_assert_cmphex(irb.ecw[31], ==, 0x5f);
    g_assert_cmphex(irb.emw[0], ==, 0x90919293);
    g_assert_cmphex(irb.emw[7], ==, 0xacadaeaf);
    copy_irb_to_guest(out, &irb);
    g_assert_cmpmem(out, sizeof(out), be, sizeof(be));
}

static void test_ccw0(void)
{
    /* Format 0: command, 24-bit address, flags, ignored, count. */
    static const uint8_t be[CCW_SIZE] = {
        0x02, 0x12, 0x34, 0x56, 0x64, 0x00, 0x01, 0x00,
    };
    uint8_t out[CCW_SIZE];
    CCW0 c;

    copy_ccw0_from_guest(be, &c);
    g_assert_cmphex(c.cmd_code, ==, 0x02);
    g_assert_cmphex(c.cda, ==, 0x123456);
    g_assert_cmphex(c.flags, ==, CCW_FLAG_CC | CCW_FLAG_SLI | CCW_FLAG_IDA);
    g_assert_cmphex(c.count, ==, 0x0100);
    copy_ccw0_to_guest(out, &c);
    g_assert_cmpmem(out, sizeof(out), be, sizeof(be));
}

static void test_ccw1(void)
{
    /* Format 1: command, flags, count, 31-bit address. */
    static const uint8_t be[CCW_SIZE] = {
        0xe4, 0x20, 0x00, 0x07, 0x7f, 0xed, 0xcb, 0xa8,
    };
    uint8_t out[CCW_SIZE];
    CCW1 c;

    copy_ccw1_from_guest(be, &c);
    g_assert_cmphex(c.cmd_code, ==, CCW_CMD_SENSE_ID);
    g_assert_cmphex(c.flags, ==, CCW_FLAG_SLI);
    g_assert_cmphex(c.count, ==, 7);
    g_assert_cmphex(c.cda, ==, 0x7fedcba8);
    copy_ccw1_to_guest(out, &c);
    g_assert_cmpmem(out, sizeof(out), be, sizeof(be));
}

static void test_ccw0_tic_normalised(void)
{
    /* Format-0 TIC: high nibble, flags and count are ignored. */
    static const uint8_t be[CCW_SIZE] = {
        0xf8, 0x00, 0x40, 0x10, 0xff, 0x77, 0xff, 0xff,
    };
    CCW0 c0;
    CCW1 c1;

    copy_ccw0_from_guest(be, &c0);
    ccw0_to_ccw1(&c0, &c1);
    g_assert_cmphex(c1.cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmphex(c1.flags, ==, 0);
    g_assert_cmphex(c1.count, ==, 0);
    g_assert_cmphex(c1.cda, ==, 0x004010);
}

static void test_ccw0_widened(void)
{
    CCW0 c0 = { .cmd_code = 0x01, .flags = CCW_FLAG_CD, .count = 80,
                .cda = 0xabcdef };
    CCW1 c1;

    ccw0_to_ccw1(&c0, &c1);
    g_assert_cmphex(c1.cmd_code, ==, 0x01);
    g_assert_cmphex(c1.flags, ==, CCW_FLAG_CD);
    g_assert_cmphex(c1.count, ==, 80);
    g_assert_cmphex(c1.cda, ==, 0xabcdef);
}

static void test_idaw(void)
{
    static const uint8_t be1[IDAW1_SIZE] = { 0x00, 0x12, 0x38, 0x00 };
    static const uint8_t be2[IDAW2_SIZE] = {
        0x00, 0x00, 0x00, 0x02, 0x80, 0x00, 0x10, 0x00,
    };
    uint8_t out1[IDAW1_SIZE], out2[IDAW2_SIZE];

    g_assert_cmphex(copy_idaw1_from_guest(be1), ==, 0x00123800);
    g_assert_cmphex(copy_idaw2_from_guest(be2), ==, 0x0000000280001000ull);
    copy_idaw1_to_guest(out1, 0x00123800);
    copy_idaw2_to_guest(out2, 0x0000000280001000ull);
    g_assert_cmpmem(out1, sizeof(out1), be1, sizeof(be1));
    g_assert_cmpmem(out2, sizeof(out2), be2, sizeof(be2));
}

static void test_idaw_count(void)
{
    /* ceil(((addr mod block) + count) / block), at least one IDAW. */
    g_assert_cmpuint(idaw_count(0x1000, 2048, IDAW1_BLOCK), ==, 1);
    g_assert_cmpuint(idaw_count(0x1001, 2048, IDAW1_BLOCK), ==, 2);
    g_assert_cmpuint(idaw_count(0x1ff0, 0x20, IDAW2_BLOCK_4K), ==, 2);
    g_assert_cmpuint(idaw_count(0x1000, 0, IDAW2_BLOCK_4K), ==, 1);
    g_assert_cmpuint(idaw_count(0x1800, 4096, IDAW2_BLOCK_2K), ==, 2);
}

static void test_crw(void)
{
    /* S, C, RSC 3 (subchannel), ERC 4 (IPI), RSID 0x0123. */
    static const uint8_t be[CRW_SIZE] = { 0x53, 0x04, 0x01, 0x23 };
    uint8_t out[CRW_SIZE];
    CRW c;

    copy_crw_from_guest(be, &c);
    g_assert_true(c.flags & CRW_FLAGS_MASK_S);
    g_assert_false(c.flags & CRW_FLAGS_MASK_R);
    g_assert_true(c.flags & CRW_FLAGS_MASK_C);
    g_assert_cmphex((c.flags & CRW_FLAGS_MASK_RSC) >> CRW_FLAGS_RSC_SHIFT,
                    ==, CRW_RSC_SUBCH);
    g_assert_cmphex(c.flags & CRW_FLAGS_MASK_ERC, ==, CRW_ERC_IPI);
    g_assert_cmphex(c.rsid, ==, 0x0123);
    copy_crw_to_guest(out, &c);
    g_assert_cmpmem(out, sizeof(out), be, sizeof(be));
}

static void test_io_int_code(void)
{
    /* SID 0x0001_0042 (set 0, subchannel 0x42), intparm, ISC 3. */
    static const uint8_t be[IO_INT_CODE_SIZE] = {
        0x00, 0x01, 0x00, 0x42, 0x11, 0x22, 0x33, 0x44,
        0x18, 0x00, 0x00, 0x00,
    };
    uint8_t out[IO_INT_CODE_SIZE];
    IOIntCode c;

    copy_io_int_code_from_guest(be, &c);
    g_assert_cmphex(c.sid, ==, 0x00010042);
    g_assert_cmphex(c.intparm, ==, 0x11223344);
    g_assert_cmphex((c.intid & IO_INT_WORD_ISC_MASK) >> IO_INT_WORD_ISC_SHIFT,
                    ==, 3);
    copy_io_int_code_to_guest(out, &c);
    g_assert_cmpmem(out, sizeof(out), be, sizeof(be));
}

static void test_chsc_headers(void)
{
    static const uint8_t req_be[CHSC_REQ_HDR_SIZE] = {
        0x04, 0x00, 0x00, 0x31, 0x00, 0x00, 0x00, 0x02,
        0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04,
    };
    static const uint8_t resp_be[CHSC_RESP_HDR_SIZE] = {
        0x0f, 0xf0, 0x00, 0x01, 0x00, 0x00, 0x00, 0x07,
    };
    ChscRespHeader resp = { .length = 0x0ff0, .code = 1, .param = 7 };
    uint8_t out[CHSC_RESP_HDR_SIZE];
    ChscReqHeader req;

    copy_chsc_req_header_from_guest(req_be, &req);
    g_assert_cmphex(req.length, ==, 0x0400);
    g_assert_cmphex(req.command, ==, CHSC_CMD_SDA);
    g_assert_cmphex(req.param[0], ==, 2);
    g_assert_cmphex(req.param[1], ==, 3);
    g_assert_cmphex(req.param[2], ==, 4);
    copy_chsc_resp_header_to_guest(out, &resp);
    g_assert_cmpmem(out, sizeof(out), resp_be, sizeof(resp_be));
}

static void test_conv_unaligned(void)
{
    /* The guest bytes may sit at any address. */
    uint8_t buf[SCSW_SIZE + 1];
    SCSW s;

    memcpy(buf + 1, scsw_be, SCSW_SIZE);
    copy_scsw_from_guest(buf + 1, &s);
    g_assert_cmphex(s.cpa, ==, 0x00123458);
}

static void test_sid_decode(void)
{
    IOInstSid sid;

    g_assert_true(ioinst_sid_decode(0x0001ffff, &sid));
    g_assert_cmpint(sid.m, ==, 0);
    g_assert_cmphex(sid.schno, ==, 0xffff);
    g_assert_true(ioinst_sid_decode(0xfe0f0007, &sid));
    g_assert_cmpint(sid.m, ==, 1);
    g_assert_cmphex(sid.cssid, ==, 0xfe);
    g_assert_cmpint(sid.ssid, ==, 3);
    g_assert_cmphex(sid.schno, ==, 7);
}

static void test_sid_invalid(void)
{
    IOInstSid sid;

    /* Bit 15 (the "one") zero; CSSID without M; bits 8-11 set. */
    g_assert_false(ioinst_sid_decode(0x00000001, &sid));
    g_assert_false(ioinst_sid_decode(0x01010000, &sid));
    g_assert_false(ioinst_sid_decode(0x00110000, &sid));
    g_assert_false(ioinst_sid_decode(0xfe890000, &sid));
}

static void test_sid_encode(void)
{
    g_assert_cmphex(ioinst_sid_encode(false, 0xfe, 2, 0x1234), ==,
                    0x00051234);
    g_assert_cmphex(ioinst_sid_encode(true, 0xfe, 2, 0x1234), ==,
                    0xfe0d1234);
}

static void test_ccw_cmd_class(void)
{
    static const struct {
        uint8_t cmd;
        CcwCmdClass want;
    } rows[] = {
        { 0x00, CCW_CMD_CLASS_INVALID }, { 0xf0, CCW_CMD_CLASS_INVALID },
        { 0x01, CCW_CMD_CLASS_WRITE }, { 0x05, CCW_CMD_CLASS_WRITE },
        { 0x02, CCW_CMD_CLASS_READ }, { 0x86, CCW_CMD_CLASS_READ },
        { 0x03, CCW_CMD_CLASS_CONTROL }, { 0x27, CCW_CMD_CLASS_CONTROL },
        { 0x04, CCW_CMD_CLASS_SENSE }, { 0xe4, CCW_CMD_CLASS_SENSE },
        { 0x08, CCW_CMD_CLASS_TIC }, { 0x0c, CCW_CMD_CLASS_READ_BACKWARD },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(rows); i++) {
        g_assert_cmpint(ccw_cmd_class(rows[i].cmd), ==, rows[i].want);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ioinst/conv/pmcw-round-trip", test_pmcw);
    g_test_add_func("/ioinst/conv/scsw-round-trip", test_scsw);
    g_test_add_func("/ioinst/conv/schib-round-trip", test_schib);
    g_test_add_func("/ioinst/conv/orb-round-trip", test_orb);
    g_test_add_func("/ioinst/conv/esw-round-trip", test_esw);
    g_test_add_func("/ioinst/conv/irb-round-trip", test_irb);
    g_test_add_func("/ioinst/conv/ccw0-round-trip", test_ccw0);
    g_test_add_func("/ioinst/conv/ccw1-round-trip", test_ccw1);
    g_test_add_func("/ioinst/conv/ccw0-tic-normalised",
                    test_ccw0_tic_normalised);
    g_test_add_func("/ioinst/conv/ccw0-widened-to-ccw1", test_ccw0_widened);
    g_test_add_func("/ioinst/conv/idaw-round-trip", test_idaw);
    g_test_add_func("/ioinst/conv/idaw-count", test_idaw_count);
    g_test_add_func("/ioinst/conv/crw-round-trip", test_crw);
    g_test_add_func("/ioinst/conv/io-int-code-round-trip", test_io_int_code);
    g_test_add_func("/ioinst/conv/chsc-headers", test_chsc_headers);
    g_test_add_func("/ioinst/conv/any-alignment", test_conv_unaligned);
    g_test_add_func("/ioinst/sid/decode", test_sid_decode);
    g_test_add_func("/ioinst/sid/invalid-forms", test_sid_invalid);
    g_test_add_func("/ioinst/sid/encode", test_sid_encode);
    g_test_add_func("/ioinst/ccw/command-classes", test_ccw_cmd_class);
    return g_test_run();
}
