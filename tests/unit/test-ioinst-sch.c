/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ioinst-sch.c: START, STORE, MODIFY and TEST SUBCHANNEL as a CPU
 * executes them: program exceptions, their order, and condition codes
 * (PoP ch. 14; facts §2).
 */
#include "qemu/osdep.h"

#include "test-css-fixture.h"

#define SID_NONE 0x0001ff00     /* valid form, no subchannel there */

/* ------------------------------------------------------------------------
 * Privileged operation: every I/O instruction, before anything else
 * ------------------------------------------------------------------------ */

static void test_all_privileged(CssFixture *fx, gconstpointer data)
{
    static const char *const names[] = {
        "ssch", "stsch", "msch", "tsch", "csch", "hsch", "xsch", "rsch",
        "tpi", "stcrw", "schm", "rchp", "chsc", "sal",
    };
    size_t i;

    fx->cpu.problem_state = true;
    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        /* Even with an unaligned operand and a bad SID. */
        assert_pgm(fx_insn(fx, names[i], 0, 0x1001), PGM_PRIVILEGED);
    }
}

static void test_unknown_mnemonic(CssFixture *fx, gconstpointer data)
{
    g_assert_null(ioinst_by_name("siga"));
    g_assert_null(ioinst_by_name("SSCH"));
}

/* ------------------------------------------------------------------------
 * START SUBCHANNEL
 * ------------------------------------------------------------------------ */

static void test_ssch_spec_unaligned(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    fx_enable(fx, fx->sch, 3, 0);
    fx_put_orb(fx, FX_ORB + 1, &orb);
    assert_pgm(fx_insn(fx, "ssch", fx_sid(fx->sch), FX_ORB + 1),
               PGM_SPECIFICATION);
    assert_pgm(fx_insn(fx, "ssch", fx_sid(fx->sch), FX_ORB + 2),
               PGM_SPECIFICATION);
    /* Specification comes before the SID check. */
    assert_pgm(fx_insn(fx, "ssch", 0, FX_ORB + 2), PGM_SPECIFICATION);
    g_assert_cmpuint(fx->dev.commands, ==, 0);
}

static void test_ssch_addressing(CssFixture *fx, gconstpointer data)
{
    /* The ORB is fetched before the SID is checked: addressing wins. */
    assert_pgm(fx_insn(fx, "ssch", fx_sid(fx->sch), FX_RAM_SIZE),
               PGM_ADDRESSING);
    assert_pgm(fx_insn(fx, "ssch", 0, FX_RAM_SIZE - 8), PGM_ADDRESSING);
    assert_pgm(fx_insn(fx, "ssch", fx_sid(fx->sch), UINT64_MAX - 3),
               PGM_ADDRESSING);
}

static void test_ssch_bad_sid(CssFixture *fx, gconstpointer data)
{
    static const uint32_t bad[] = {
        0x00000000,     /* bit 15 zero */
        0x0000ffff,     /* bit 15 zero */
        0x01010000,     /* CSSID without M */
        0x00810000,     /* bits 8-11 not zero */
    };
    ORB orb = fx_orb(FX_CCW, 0);
    size_t i;

    fx_put_orb(fx, FX_ORB, &orb);
    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        assert_pgm(fx_insn(fx, "ssch", bad[i], FX_ORB), PGM_OPERAND);
    }
}

static void test_ssch_reserved_orb_bits(CssFixture *fx, gconstpointer data)
{
    static const uint8_t ctrl1_bits[] = { 0x02, 0x04, 0x08, 0x10, 0x20 };
    size_t i;

    fx_enable(fx, fx->sch, 3, 0);
    for (i = 0; i < G_N_ELEMENTS(ctrl1_bits); i++) {
        ORB orb = fx_orb(FX_CCW, 0);

        orb.ctrl1 = ctrl1_bits[i];
        assert_pgm(fx_ssch(fx, fx->sch, &orb), PGM_OPERAND);
    }
    g_assert_cmphex(fx_fc(fx->sch), ==, 0);
}

static void test_ssch_orb_transport_mode(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    fx_enable(fx, fx->sch, 3, 0);
    orb.ctrl0 |= ORB_CTRL0_MASK_TM;
    assert_pgm(fx_ssch(fx, fx->sch, &orb), PGM_OPERAND);
}

static void test_ssch_orb_midaw(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    fx_enable(fx, fx->sch, 3, 0);
    orb.ctrl1 |= ORB_CTRL1_MASK_MIDAW;
    assert_pgm(fx_ssch(fx, fx->sch, &orb), PGM_OPERAND);
}

static void test_ssch_orb_cpa_bit0(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(0x80000000 | FX_CCW, 0);

    fx_enable(fx, fx->sch, 3, 0);
    assert_pgm(fx_ssch(fx, fx->sch, &orb), PGM_OPERAND);
}

static void test_ssch_orb_all_ones(CssFixture *fx, gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    g_assert_true(guest_ram_memset(fx->ram, FX_ORB, 0xff, ORB_SIZE));
    assert_pgm(fx_insn(fx, "ssch", fx_sid(fx->sch), FX_ORB), PGM_OPERAND);
}

static void test_ssch_orb_extension_accepted(CssFixture *fx,
                                             gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    fx_enable(fx, fx->sch, 3, 0);
    fx_put_ccw1(fx, FX_CCW, CCW_CMD_NOOP, 0, 0, 0);
    orb.ctrl1 |= ORB_CTRL1_MASK_ORBX;
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
}

static void test_ssch_cc3_no_subchannel(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    fx_put_orb(fx, FX_ORB, &orb);
    assert_cc(fx_insn(fx, "ssch", SID_NONE, FX_ORB), 3);
}

static void test_ssch_cc3_invisible(CssFixture *fx, gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    SubchDev *s1 = css_create_sch(fx->css, "fe.1.0001", true, false, "s1",
                                  &err);
    ORB orb = fx_orb(FX_CCW, 0);

    g_assert_no_error(err);
    css_sch_build_virtual_schib(s1, VIRTUAL_CHPID, VIRTUAL_CHPID_TYPE);
    /* Set 1 is not there for the program until MSS is enabled. */
    s1->curr_status.pmcw.flags |= PMCW_FLAGS_MASK_ENA;
    fx_put_orb(fx, FX_ORB, &orb);
    assert_cc(fx_insn(fx, "ssch", fx_sid(s1), FX_ORB), 3);
    css_destroy_sch(s1);
}

static void test_ssch_cc3_not_enabled(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    assert_cc(fx_ssch(fx, fx->sch, &orb), 3);
}

static void test_ssch_cc3_no_device_number(CssFixture *fx,
                                           gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    fx_enable(fx, fx->sch, 3, 0);
    fx->sch->curr_status.pmcw.flags &= ~PMCW_FLAGS_MASK_DNV;
    assert_cc(fx_ssch(fx, fx->sch, &orb), 3);
}

static void test_ssch_cc1_status_pending(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    fx->dev.commands = 0;
    assert_cc(fx_ssch(fx, fx->sch, &orb), 1);
    g_assert_cmpuint(fx->dev.commands, ==, 0);
}

static void test_ssch_cc2_function_active(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    fx_enable(fx, fx->sch, 3, 0);
    /* A suspended program keeps the start function. */
    fx_put_ccw1(fx, FX_CCW, CCW_CMD_NOOP, CCW_FLAG_SUSPEND, 0, 0);
    orb.ctrl0 |= ORB_CTRL0_MASK_SPND | ORB_CTRL0_MASK_SSIC;
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    g_assert_cmphex(fx_fc(fx->sch), ==, SCSW_FCTL_START_FUNC);
    assert_cc(fx_ssch(fx, fx->sch, &orb), 2);
}

static void test_ssch_cc0_runs_program(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0xfeedf00d);
    uint8_t got[TESTDEV_READ_LEN];
    IOIntCode code;

    fx_enable(fx, fx->sch, 5, 0);
    fx_put_ccw1(fx, FX_CCW, TESTDEV_CMD_READ, 0, TESTDEV_READ_LEN, FX_DATA);
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    g_assert_true(guest_ram_read(fx->ram, FX_DATA, got, sizeof(got)));
    g_assert_cmphex(got[0], ==, 0xa0);
    g_assert_cmphex(got[15], ==, 0xaf);
    /* The ORB's intparm became the subchannel's; ISC 5 interruption. */
    g_assert_cmphex(fx->sch->curr_status.pmcw.intparm, ==, 0xfeedf00d);
    g_assert_true(css_dequeue_io_int(fx->css, 0x80 >> 5, &code));
    g_assert_cmphex(code.sid, ==, fx_sid(fx->sch));
    g_assert_cmphex(code.intparm, ==, 0xfeedf00d);
    g_assert_cmphex(code.intid, ==, 5u << 27);
}

static void test_ssch_measures(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);
    SCHIB schib;
    uint16_t count0;
    uint32_t count1;

    fx_put_ccw1(fx, FX_CCW, CCW_CMD_NOOP, 0, 0, 0);
    /* Format 0: 16-bit count at origin + MBI * 32. */
    assert_cc(fx_insn(fx, "schm", 0x2, FX_MB), 0);
    schib = fx_stsch(fx, fx_sid(fx->sch));
    schib.pmcw.flags |= PMCW_FLAGS_MASK_ENA | 0x0008;   /* MM: SSCH count */
    schib.pmcw.mbi = 2;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &schib), 0);
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    fx_tsch(fx, fx->sch, 0);
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    fx_tsch(fx, fx->sch, 0);
    g_assert_true(guest_ram_lduw_be(fx->ram, FX_MB + 64, &count0));
    g_assert_cmpuint(count0, ==, 2);
    /* Format 1: 32-bit count at the SCHIB's MBA. */
    schib = fx_stsch(fx, fx_sid(fx->sch));
    schib.pmcw.chars |= PMCW_CHARS_MASK_MBFC;
    schib.mba = FX_MB + 0x100;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &schib), 0);
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_MB + 0x100, &count1));
    g_assert_cmpuint(count1, ==, 1);
}

/* ------------------------------------------------------------------------
 * STORE SUBCHANNEL
 * ------------------------------------------------------------------------ */

static void test_stsch_spec_unaligned(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "stsch", fx_sid(fx->sch), FX_SCHIB + 1),
               PGM_SPECIFICATION);
    assert_pgm(fx_insn(fx, "stsch", fx_sid(fx->sch), FX_SCHIB + 2),
               PGM_SPECIFICATION);
}

static void test_stsch_bad_sid(CssFixture *fx, gconstpointer data)
{
    g_assert_true(guest_ram_memset(fx->ram, FX_SCHIB, 0x5a, SCHIB_SIZE));
    assert_pgm(fx_insn(fx, "stsch", 0x00000000, FX_SCHIB), PGM_OPERAND);
    assert_pgm(fx_insn(fx, "stsch", 0x01010000, FX_SCHIB), PGM_OPERAND);
    /* Suppressed: nothing stored. */
    {
        uint8_t b;

        g_assert_true(guest_ram_ldub(fx->ram, FX_SCHIB, &b));
        g_assert_cmphex(b, ==, 0x5a);
    }
}

static void test_stsch_access_before_sid(CssFixture *fx, gconstpointer data)
{
    /* An unwritable area is reported instead of the bad SID. */
    assert_pgm(fx_insn(fx, "stsch", 0x00000000, FX_RAM_SIZE - 48),
               PGM_ADDRESSING);
}

static void test_stsch_cc3_beyond_last(CssFixture *fx, gconstpointer data)
{
    uint8_t b;

    g_assert_true(guest_ram_memset(fx->ram, FX_SCHIB, 0x5a, SCHIB_SIZE));
    assert_cc(fx_insn(fx, "stsch", 0x0001ffff, FX_SCHIB), 3);
    assert_cc(fx_insn(fx, "stsch", 0x00010001, FX_SCHIB), 3);
    /* Sets that hold nothing end at once. */
    assert_cc(fx_insn(fx, "stsch", 0x00030000, FX_SCHIB), 3);
    g_assert_true(guest_ram_ldub(fx->ram, FX_SCHIB, &b));
    g_assert_cmphex(b, ==, 0x5a);
}

static void test_stsch_cc3_still_access_checked(CssFixture *fx,
                                                gconstpointer data)
{
    assert_pgm(fx_insn(fx, "stsch", 0x0001ffff, FX_RAM_SIZE - 4),
               PGM_ADDRESSING);
}

static void test_stsch_hole_stores_zeros(CssFixture *fx, gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    SubchDev *s2, *s1;
    uint8_t buf[SCHIB_SIZE], zero[SCHIB_SIZE] = { 0 };

    s1 = css_create_sch(fx->css, "fe.0.0001", true, false, "s1", &err);
    s2 = css_create_sch(fx->css, "fe.0.0002", true, false, "s2", &err);
    g_assert_no_error(err);
    g_assert_cmpuint(s2->schid, ==, 2);
    css_destroy_sch(s1);
    g_assert_true(guest_ram_memset(fx->ram, FX_SCHIB, 0x5a, SCHIB_SIZE));
    assert_cc(fx_insn(fx, "stsch", 0x00010001, FX_SCHIB), 0);
    g_assert_true(guest_ram_read(fx->ram, FX_SCHIB, buf, sizeof(buf)));
    g_assert_cmpmem(buf, sizeof(buf), zero, sizeof(zero));
    css_destroy_sch(s2);
}

static void test_stsch_stores_schib(CssFixture *fx, gconstpointer data)
{
    SCHIB s = fx_stsch(fx, 0x00010000);

    g_assert_cmphex(s.pmcw.devno, ==, 0x1234);
    g_assert_cmphex(s.pmcw.flags, ==, PMCW_FLAGS_MASK_DNV);
    g_assert_cmphex(s.pmcw.pim, ==, 0x80);
    g_assert_cmphex(s.pmcw.pam, ==, 0x80);
    g_assert_cmphex(s.pmcw.pom, ==, 0xff);
    g_assert_cmphex(s.pmcw.chpid[0], ==, VIRTUAL_CHPID);
    g_assert_cmphex(s.scsw.ctrl, ==, 0);
}

static void test_stsch_other_image_invisible(CssFixture *fx,
                                             gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    SubchDev *s = css_create_sch(fx->css, "5.0.0100", false, false, "pt",
                                 &err);

    g_assert_no_error(err);
    /* Without MCSS-E the program can only name the default image. */
    assert_cc(fx_insn(fx, "stsch", 0x05090000, FX_SCHIB), 3);
    css_enable_mcsse(fx->css);
    assert_cc(fx_insn(fx, "stsch", 0x05090000, FX_SCHIB), 0);
    css_destroy_sch(s);
}

/* ------------------------------------------------------------------------
 * MODIFY SUBCHANNEL
 * ------------------------------------------------------------------------ */

static void test_msch_spec_unaligned(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "msch", fx_sid(fx->sch), FX_SCHIB + 1),
               PGM_SPECIFICATION);
    assert_pgm(fx_insn(fx, "msch", fx_sid(fx->sch), FX_SCHIB + 2),
               PGM_SPECIFICATION);
}

static void test_msch_addressing(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "msch", 0, FX_RAM_SIZE - 4), PGM_ADDRESSING);
}

static void test_msch_bad_sid(CssFixture *fx, gconstpointer data)
{
    SCHIB s = fx_stsch(fx, fx_sid(fx->sch));

    assert_pgm(fx_msch(fx, 0x0000ffff, &s), PGM_OPERAND);
}

static void test_msch_pmcw_reserved_bits(CssFixture *fx, gconstpointer data)
{
    /* Bits 0, 1, 6 and 7 of word 1 (facts §1.2, kvm-unit-tests). */
    static const uint16_t bits[] = { 0x8000, 0x4000, 0x0200, 0x0100 };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bits); i++) {
        SCHIB s = fx_stsch(fx, fx_sid(fx->sch));

        s.pmcw.flags |= bits[i] | PMCW_FLAGS_MASK_ENA;
        assert_pgm(fx_msch(fx, fx_sid(fx->sch), &s), PGM_OPERAND);
        g_assert_false(fx->sch->curr_status.pmcw.flags &
                       PMCW_FLAGS_MASK_ENA);
    }
}

static void test_msch_pmcw_bit5_ignored(CssFixture *fx, gconstpointer data)
{
    SCHIB s = fx_stsch(fx, fx_sid(fx->sch));

    s.pmcw.flags |= PMCW_FLAGS_MASK_RSVD5 | PMCW_FLAGS_MASK_ENA;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 0);
    s = fx_stsch(fx, fx_sid(fx->sch));
    g_assert_true(s.pmcw.flags & PMCW_FLAGS_MASK_ENA);
    g_assert_false(s.pmcw.flags & PMCW_FLAGS_MASK_RSVD5);
}

static void test_msch_reserved_chars(CssFixture *fx, gconstpointer data)
{
    static const uint32_t bits[] = { 0x80000000, 0x00100000, 0x00000008 };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bits); i++) {
        SCHIB s = fx_stsch(fx, fx_sid(fx->sch));

        s.pmcw.chars |= bits[i];
        assert_pgm(fx_msch(fx, fx_sid(fx->sch), &s), PGM_OPERAND);
    }
}

static void test_msch_extended_measurement(CssFixture *fx,
                                           gconstpointer data)
{
    SCHIB s = fx_stsch(fx, fx_sid(fx->sch));

    s.pmcw.chars |= PMCW_CHARS_MASK_XMWME;
    assert_pgm(fx_msch(fx, fx_sid(fx->sch), &s), PGM_OPERAND);
}

static void test_msch_mb_fmt1_unaligned(CssFixture *fx, gconstpointer data)
{
    SCHIB s = fx_stsch(fx, fx_sid(fx->sch));

    s.pmcw.chars |= PMCW_CHARS_MASK_MBFC;
    s.mba = FX_MB + 32;
    assert_pgm(fx_msch(fx, fx_sid(fx->sch), &s), PGM_OPERAND);
    /* Format 0 does not use the MBA: no alignment rule. */
    s.pmcw.chars &= ~PMCW_CHARS_MASK_MBFC;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 0);
    s.pmcw.chars |= PMCW_CHARS_MASK_MBFC;
    s.mba = FX_MB + 64;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 0);
}

static void test_msch_cc3_no_subchannel(CssFixture *fx, gconstpointer data)
{
    SCHIB s = fx_stsch(fx, fx_sid(fx->sch));

    assert_cc(fx_msch(fx, SID_NONE, &s), 3);
}

static void test_msch_cc0_no_dnv(CssFixture *fx, gconstpointer data)
{
    SCHIB s = fx_stsch(fx, fx_sid(fx->sch));

    fx->sch->curr_status.pmcw.flags &= ~PMCW_FLAGS_MASK_DNV;
    s.pmcw.flags |= PMCW_FLAGS_MASK_ENA;
    s.pmcw.intparm = 0x12345678;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 0);
    g_assert_false(fx->sch->curr_status.pmcw.flags & PMCW_FLAGS_MASK_ENA);
    g_assert_cmphex(fx->sch->curr_status.pmcw.intparm, ==, 0);
}

static void test_msch_cc1_status_pending(CssFixture *fx, gconstpointer data)
{
    SCHIB s;

    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    s = fx_stsch(fx, fx_sid(fx->sch));
    s.pmcw.intparm = 0x42;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 1);
    g_assert_cmphex(fx->sch->curr_status.pmcw.intparm, !=, 0x42);
}

static void test_msch_cc2_function_active(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);
    SCHIB s;

    fx_enable(fx, fx->sch, 3, 0);
    fx_put_ccw1(fx, FX_CCW, CCW_CMD_NOOP, CCW_FLAG_SUSPEND, 0, 0);
    orb.ctrl0 |= ORB_CTRL0_MASK_SPND | ORB_CTRL0_MASK_SSIC;
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    s = fx_stsch(fx, fx_sid(fx->sch));
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 2);
}

static void test_msch_program_fields_only(CssFixture *fx, gconstpointer data)
{
    SCHIB s = fx_stsch(fx, fx_sid(fx->sch));
    const SCHIB *cur = &fx->sch->curr_status;

    s.pmcw.intparm = 0xabcdef01;
    s.pmcw.flags = PMCW_FLAGS_MASK_ENA | (6 << PMCW_FLAGS_ISC_SHIFT) |
                   PMCW_FLAGS_MASK_MP | 0x0020 /* LM */ |
                   PMCW_FLAGS_MASK_TF;      /* T is not modifiable */
    s.pmcw.devno = 0x9999;
    s.pmcw.lpm = 0xc0;
    s.pmcw.pnom = 0x11;
    s.pmcw.lpum = 0x22;
    s.pmcw.pim = 0xff;
    s.pmcw.mbi = 0x77;
    s.pmcw.pom = 0x3c;
    s.pmcw.pam = 0xff;
    s.pmcw.chpid[1] = 0x55;
    s.pmcw.chars = PMCW_CHARS_MASK_CSENSE | PMCW_CHARS_MASK_MBFC |
                   (3u << PMCW_CHARS_ST_SHIFT);
    s.mba = 0x4000;
    s.scsw.ctrl = SCSW_FCTL_START_FUNC;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 0);
    g_assert_cmphex(cur->pmcw.intparm, ==, 0xabcdef01);
    g_assert_cmphex(cur->pmcw.flags, ==,
                    PMCW_FLAGS_MASK_ENA | (6 << PMCW_FLAGS_ISC_SHIFT) |
                    PMCW_FLAGS_MASK_MP | 0x0020 | PMCW_FLAGS_MASK_DNV);
    g_assert_cmphex(cur->pmcw.devno, ==, 0x1234);
    g_assert_cmphex(cur->pmcw.lpm, ==, 0xc0);
    g_assert_cmphex(cur->pmcw.pnom, ==, 0);
    g_assert_cmphex(cur->pmcw.lpum, ==, 0);
    g_assert_cmphex(cur->pmcw.pim, ==, 0x80);
    g_assert_cmphex(cur->pmcw.mbi, ==, 0x77);
    g_assert_cmphex(cur->pmcw.pom, ==, 0x3c);
    g_assert_cmphex(cur->pmcw.pam, ==, 0x80);
    g_assert_cmphex(cur->pmcw.chpid[1], ==, 0);
    g_assert_cmphex(cur->pmcw.chars, ==,
                    PMCW_CHARS_MASK_CSENSE | PMCW_CHARS_MASK_MBFC);
    g_assert_cmphex(cur->mba, ==, 0x4000);
    g_assert_cmphex(cur->scsw.ctrl, ==, 0);
}

static void test_msch_disable_callback(CssFixture *fx, gconstpointer data)
{
    SCHIB s;

    fx_enable(fx, fx->sch, 3, 0);
    g_assert_cmpuint(fx->dev.disabled, ==, 0);
    s = fx_stsch(fx, fx_sid(fx->sch));
    s.pmcw.flags &= ~PMCW_FLAGS_MASK_ENA;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 0);
    g_assert_cmpuint(fx->dev.disabled, ==, 1);
    /* Disabled to disabled is no transition. */
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 0);
    g_assert_cmpuint(fx->dev.disabled, ==, 1);
}

/* ------------------------------------------------------------------------
 * TEST SUBCHANNEL
 * ------------------------------------------------------------------------ */

static void test_tsch_bad_sid_first(CssFixture *fx, gconstpointer data)
{
    /* QEMU's order: the SID before the operand's alignment. */
    assert_pgm(fx_insn(fx, "tsch", 0x00000000, FX_IRB + 2), PGM_OPERAND);
}

static void test_tsch_spec_unaligned(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "tsch", fx_sid(fx->sch), FX_IRB + 2),
               PGM_SPECIFICATION);
}

static void test_tsch_cc3_no_subchannel(CssFixture *fx, gconstpointer data)
{
    assert_cc(fx_insn(fx, "tsch", SID_NONE, FX_IRB), 3);
}

static void test_tsch_cc3_access_checked(CssFixture *fx, gconstpointer data)
{
    /* Access exceptions come before cc 3: 64 bytes must be writable. */
    assert_pgm(fx_insn(fx, "tsch", SID_NONE, FX_RAM_SIZE - 60),
               PGM_ADDRESSING);
    assert_cc(fx_insn(fx, "tsch", SID_NONE, FX_RAM_SIZE - 64), 3);
}

static void test_tsch_cc3_not_enabled(CssFixture *fx, gconstpointer data)
{
    assert_cc(fx_insn(fx, "tsch", fx_sid(fx->sch), FX_IRB), 3);
}

static void test_tsch_cc1_not_pending(CssFixture *fx, gconstpointer data)
{
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    g_assert_true(guest_ram_memset(fx->ram, FX_IRB, 0x5a, IRB_SIZE));
    irb = fx_tsch(fx, fx->sch, 1);
    g_assert_cmphex(irb.scsw.ctrl, ==, 0);
}

static void test_tsch_cc0_clears_status(CssFixture *fx, gconstpointer data)
{
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    irb = fx_tsch(fx, fx->sch, 0);
    g_assert_cmphex(irb.scsw.ctrl, ==,
                    SCSW_FCTL_START_FUNC | SCSW_STCTL_PRIMARY |
                    SCSW_STCTL_SECONDARY | SCSW_STCTL_STATUS_PEND);
    g_assert_cmphex(irb.scsw.dstat, ==,
                    SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END);
    g_assert_cmphex(irb.scsw.cpa, ==, FX_CCW + 8);
    g_assert_cmphex(irb.esw.sublog, ==, 0x00800000);   /* LPUM 0x80 */
    /* The subchannel is idle again, and a second TSCH says so. */
    g_assert_cmphex(fx->sch->curr_status.scsw.ctrl, ==, 0);
    fx_tsch(fx, fx->sch, 1);
}

static void test_tsch_addressing_keeps_status(CssFixture *fx,
                                              gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    assert_pgm(fx_insn(fx, "tsch", fx_sid(fx->sch), FX_RAM_SIZE - 32),
               PGM_ADDRESSING);
    g_assert_true(fx_sc(fx->sch) & SCSW_STCTL_STATUS_PEND);
    g_assert_true(css_io_pending(fx->css, 0xff));
}

static void test_tsch_withdraws_interruption(CssFixture *fx,
                                             gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    g_assert_true(css_io_pending(fx->css, 0x10));
    fx_tsch(fx, fx->sch, 0);
    g_assert_false(css_io_pending(fx->css, 0xff));
}

static void test_tsch_irb_64_bytes(CssFixture *fx, gconstpointer data)
{
    uint8_t b;

    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    g_assert_true(guest_ram_memset(fx->ram, FX_IRB, 0x5a, IRB_SIZE));
    assert_cc(fx_insn(fx, "tsch", fx_sid(fx->sch), FX_IRB), 0);
    g_assert_true(guest_ram_ldub(fx->ram, FX_IRB + 63, &b));
    g_assert_cmphex(b, ==, 0);
    g_assert_true(guest_ram_ldub(fx->ram, FX_IRB + 64, &b));
    g_assert_cmphex(b, ==, 0x5a);
}

static void test_tsch_irb_96_with_emw(CssFixture *fx, gconstpointer data)
{
    uint8_t b;

    /*
     * MSCH refuses X, so only a SCHIB built that way (e.g. the host's)
     * reaches here: then the EMW is stored too.
     */
    fx_enable(fx, fx->sch, 3, 0);
    fx->sch->curr_status.pmcw.flags |= PMCW_FLAGS_MASK_TF;
    fx->sch->curr_status.pmcw.chars |= PMCW_CHARS_MASK_XMWME;
    fx_make_status_pending(fx, fx->sch);
    g_assert_true(guest_ram_memset(fx->ram, FX_IRB, 0x5a, IRB_SIZE));
    assert_cc(fx_insn(fx, "tsch", fx_sid(fx->sch), FX_IRB), 0);
    g_assert_true(guest_ram_ldub(fx->ram, FX_IRB + 95, &b));
    g_assert_cmphex(b, ==, 0);
}

static void test_tsch_concurrent_sense(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);
    SCHIB s;
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    s = fx_stsch(fx, fx_sid(fx->sch));
    s.pmcw.chars |= PMCW_CHARS_MASK_CSENSE;
    assert_cc(fx_msch(fx, fx_sid(fx->sch), &s), 0);
    fx_put_ccw1(fx, FX_CCW, TESTDEV_CMD_UC, 0, 0, 0);
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    irb = fx_tsch(fx, fx->sch, 0);
    g_assert_true(irb.scsw.dstat & SCSW_DSTAT_UNIT_CHECK);
    g_assert_true(irb.scsw.ctrl & SCSW_STCTL_ALERT);
    g_assert_true(irb.scsw.flags & SCSW_FLAGS_MASK_ESWF);
    g_assert_true(irb.scsw.flags & SCSW_FLAGS_MASK_ECTL);
    g_assert_true(irb.esw.erw & ESW_ERW_MASK_CONS);
    g_assert_cmphex((irb.esw.erw & ESW_ERW_MASK_SCNT) >> ESW_ERW_SCNT_SHIFT,
                    ==, SENSE_DATA_SIZE);
    g_assert_cmphex(irb.ecw[0], ==, TESTDEV_SENSE0);
    /* Presented with the IRB: the subchannel's copy is gone. */
    g_assert_cmphex(fx->sch->sense_data[0], ==, 0);
}

static void test_tsch_no_sense_without_csense(CssFixture *fx,
                                              gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    fx_put_ccw1(fx, FX_CCW, TESTDEV_CMD_UC, 0, 0, 0);
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    irb = fx_tsch(fx, fx->sch, 0);
    g_assert_true(irb.scsw.dstat & SCSW_DSTAT_UNIT_CHECK);
    g_assert_false(irb.scsw.flags & SCSW_FLAGS_MASK_ECTL);
    g_assert_cmphex(irb.ecw[0], ==, 0);
    /* Kept for BASIC SENSE. */
    g_assert_cmphex(fx->sch->sense_data[0], ==, TESTDEV_SENSE0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    FX_TEST("/css/ioinst/pgm-privileged-in-problem-state",
            test_all_privileged);
    FX_TEST("/css/ioinst/unknown-mnemonic", test_unknown_mnemonic);

    FX_TEST("/css/ssch/pgm-specification-unaligned-orb",
            test_ssch_spec_unaligned);
    FX_TEST("/css/ssch/pgm-addressing-orb-outside-ram",
            test_ssch_addressing);
    FX_TEST("/css/ssch/pgm-operand-bad-sid", test_ssch_bad_sid);
    FX_TEST("/css/ssch/pgm-operand-reserved-orb-bits",
            test_ssch_reserved_orb_bits);
    FX_TEST("/css/ssch/pgm-operand-orb-transport-mode",
            test_ssch_orb_transport_mode);
    FX_TEST("/css/ssch/pgm-operand-orb-midaw", test_ssch_orb_midaw);
    FX_TEST("/css/ssch/pgm-operand-orb-cpa-bit-0", test_ssch_orb_cpa_bit0);
    FX_TEST("/css/ssch/pgm-operand-all-ones-orb", test_ssch_orb_all_ones);
    FX_TEST("/css/ssch/orb-extension-bit-accepted",
            test_ssch_orb_extension_accepted);
    FX_TEST("/css/ssch/cc3-no-subchannel", test_ssch_cc3_no_subchannel);
    FX_TEST("/css/ssch/cc3-set-invisible-without-mss",
            test_ssch_cc3_invisible);
    FX_TEST("/css/ssch/cc3-not-enabled", test_ssch_cc3_not_enabled);
    FX_TEST("/css/ssch/cc3-device-number-not-valid",
            test_ssch_cc3_no_device_number);
    FX_TEST("/css/ssch/cc1-status-pending", test_ssch_cc1_status_pending);
    FX_TEST("/css/ssch/cc2-function-active", test_ssch_cc2_function_active);
    FX_TEST("/css/ssch/cc0-runs-program-and-interrupts",
            test_ssch_cc0_runs_program);
    FX_TEST("/css/ssch/counts-in-measurement-block", test_ssch_measures);

    FX_TEST("/css/stsch/pgm-specification-unaligned",
            test_stsch_spec_unaligned);
    FX_TEST("/css/stsch/pgm-operand-bad-sid", test_stsch_bad_sid);
    FX_TEST("/css/stsch/pgm-addressing-before-bad-sid",
            test_stsch_access_before_sid);
    FX_TEST("/css/stsch/cc3-beyond-last", test_stsch_cc3_beyond_last);
    FX_TEST("/css/stsch/cc3-store-area-still-checked",
            test_stsch_cc3_still_access_checked);
    FX_TEST("/css/stsch/cc0-hole-stores-zeros", test_stsch_hole_stores_zeros);
    FX_TEST("/css/stsch/cc0-stores-schib", test_stsch_stores_schib);
    FX_TEST("/css/stsch/cc3-other-image-without-mcsse",
            test_stsch_other_image_invisible);

    FX_TEST("/css/msch/pgm-specification-unaligned",
            test_msch_spec_unaligned);
    FX_TEST("/css/msch/pgm-addressing-schib-outside-ram",
            test_msch_addressing);
    FX_TEST("/css/msch/pgm-operand-bad-sid", test_msch_bad_sid);
    FX_TEST("/css/msch/pgm-operand-pmcw-bits-0-1-6-7",
            test_msch_pmcw_reserved_bits);
    FX_TEST("/css/msch/pmcw-bit-5-ignored-stored-zero",
            test_msch_pmcw_bit5_ignored);
    FX_TEST("/css/msch/pgm-operand-reserved-chars",
            test_msch_reserved_chars);
    FX_TEST("/css/msch/pgm-operand-extended-measurement",
            test_msch_extended_measurement);
    FX_TEST("/css/msch/pgm-operand-mb-format-1-unaligned",
            test_msch_mb_fmt1_unaligned);
    FX_TEST("/css/msch/cc3-no-subchannel", test_msch_cc3_no_subchannel);
    FX_TEST("/css/msch/cc0-no-device-number-changes-nothing",
            test_msch_cc0_no_dnv);
    FX_TEST("/css/msch/cc1-status-pending", test_msch_cc1_status_pending);
    FX_TEST("/css/msch/cc2-function-active", test_msch_cc2_function_active);
    FX_TEST("/css/msch/cc0-program-modifiable-fields-only",
            test_msch_program_fields_only);
    FX_TEST("/css/msch/disable-calls-device", test_msch_disable_callback);

    FX_TEST("/css/tsch/pgm-operand-bad-sid-before-specification",
            test_tsch_bad_sid_first);
    FX_TEST("/css/tsch/pgm-specification-unaligned",
            test_tsch_spec_unaligned);
    FX_TEST("/css/tsch/cc3-no-subchannel", test_tsch_cc3_no_subchannel);
    FX_TEST("/css/tsch/cc3-store-area-still-checked",
            test_tsch_cc3_access_checked);
    FX_TEST("/css/tsch/cc3-not-enabled", test_tsch_cc3_not_enabled);
    FX_TEST("/css/tsch/cc1-not-status-pending", test_tsch_cc1_not_pending);
    FX_TEST("/css/tsch/cc0-status-pending-cleared",
            test_tsch_cc0_clears_status);
    FX_TEST("/css/tsch/pgm-addressing-keeps-status",
            test_tsch_addressing_keeps_status);
    FX_TEST("/css/tsch/withdraws-interruption",
            test_tsch_withdraws_interruption);
    FX_TEST("/css/tsch/irb-64-bytes-without-emw", test_tsch_irb_64_bytes);
    FX_TEST("/css/tsch/irb-96-bytes-with-emw", test_tsch_irb_96_with_emw);
    FX_TEST("/css/tsch/concurrent-sense-in-ecw", test_tsch_concurrent_sense);
    FX_TEST("/css/tsch/no-ecw-without-concurrent-sense",
            test_tsch_no_sense_without_csense);
    return g_test_run();
}
