/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The channel subsystem seen by a guest through the qtest protocol: the
 * I/O instructions, interruptions, channel reports and the channel
 * program interpreter, on the s390-ccw-virtio machine with ccw-testdev.
 * One test per rule; expected values come from the PoP (ch. 14-17).
 */
#include "qemu/osdep.h"
#include "libcss.h"

#define ARGS "-M s390-ccw-virtio -m 64M -nodefaults " \
             "-device ccw-testdev,id=t0,devno=fe.0.0001"
#define SID0 CSS_SID(0, 0)      /* the first subchannel of set 0 */
#define ORB 0x1000
#define CCWS 0x2000
#define DATA 0x3000
#define DATA2 0x4000
#define IRB 0x5000
#define SCHIB 0x6000

#define DSTAT_CE_DE 0x0c
#define CSTAT_IL 0x40
#define CSTAT_PROG_CHECK 0x20
#define SC_PENDING_END 0x0007   /* primary | secondary | status pending */

static QTestState *start_enabled(void)
{
    QTestState *s = qtest_init(ARGS);

    css_enable(s, SID0, 3, 0x11223344);
    return s;
}

/* Run the program at CCWS and take its interruption; Returns: TSCH cc. */
static int run_program(QTestState *s, uint32_t orb_w1, CssIrbView *irb)
{
    uint32_t sid, intparm, intid;

    css_write_orb(s, ORB, 0xcafe0001, orb_w1, CCWS);
    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 0);
    g_assert_true(css_wait_io(s, 2000, &sid, &intparm, &intid));
    g_assert_cmphex(sid, ==, SID0);
    g_assert_cmphex(intparm, ==, 0xcafe0001);
    return css_tsch(s, SID0, IRB, irb);
}

/* The acceptance scenario: a chained write + read echo. */
static void test_echo_chained_write_read(void)
{
    QTestState *s = start_enabled();
    CssIrbView irb;
    uint32_t sid, intparm, intid;

    qtest_writel(s, DATA, 0xdeadbeef);
    qtest_writel(s, DATA + 4, 0x01020304);
    css_write_ccw1(s, CCWS, 0x01, CCW_FLAG_CC, 8, DATA);
    css_write_ccw1(s, CCWS + 8, 0x02, 0, 8, DATA2);
    css_write_orb(s, ORB, 0xcafe0001, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 0);
    g_assert_true(css_wait_io(s, 2000, &sid, &intparm, &intid));
    g_assert_cmphex(sid, ==, SID0);
    g_assert_cmphex(intparm, ==, 0xcafe0001);
    /* interruption identification: ISC 3 in bits 2-4 */
    g_assert_cmphex(intid, ==, 3u << 27);
    g_assert_cmpint(css_tsch(s, SID0, IRB, &irb), ==, 0);
    g_assert_cmphex(irb.ctrl & 0x7000, ==, 0x4000);        /* FC start */
    g_assert_cmphex(irb.ctrl & 0x001f, ==, SC_PENDING_END);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(irb.cstat, ==, 0);
    g_assert_cmphex(irb.cpa, ==, CCWS + 16);               /* last CCW + 8 */
    g_assert_cmpuint(irb.count, ==, 0);
    g_assert_cmphex(qtest_readl(s, DATA2), ==, 0xdeadbeef);
    g_assert_cmphex(qtest_readl(s, DATA2 + 4), ==, 0x01020304);
    /* TSCH cleared the status: a second TSCH finds none (cc 1) */
    g_assert_cmpint(css_tsch(s, SID0, IRB, &irb), ==, 1);
    qtest_quit(s);
}

static void test_stsch_shows_testdev(void)
{
    QTestState *s = qtest_init(ARGS);

    g_assert_cmpint(css_insn(s, "stsch", SID0, SCHIB), ==, 0);
    /* PMCW word 1: DNV set, devno 0x0001; path masks 0x80/0xff/0x80 */
    g_assert_cmphex(qtest_readl(s, SCHIB + 4), ==, 0x00010001);
    g_assert_cmphex(qtest_readb(s, SCHIB + 11), ==, 0x80);  /* PIM */
    g_assert_cmphex(qtest_readb(s, SCHIB + 14), ==, 0xff);  /* POM */
    g_assert_cmphex(qtest_readb(s, SCHIB + 15), ==, 0x80);  /* PAM */
    qtest_quit(s);
}

static void test_stsch_cc3_beyond_last(void)
{
    QTestState *s = qtest_init(ARGS);

    g_assert_cmpint(css_insn(s, "stsch", CSS_SID(0, 1), SCHIB), ==, 3);
    g_assert_cmpint(css_insn(s, "stsch", 0x0001ffff, SCHIB), ==, 3);
    qtest_quit(s);
}

static void test_stsch_pgm_operand_bad_sid(void)
{
    QTestState *s = qtest_init(ARGS);

    /* bit 15 (the "one" bit) clear */
    g_assert_cmpint(css_insn(s, "stsch", 0x00000000, SCHIB), ==,
                    css_pgm(0x15));
    qtest_quit(s);
}

static void test_ssch_pgm_specification_unaligned_orb(void)
{
    QTestState *s = start_enabled();

    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB + 2), ==, css_pgm(0x06));
    qtest_quit(s);
}

static void test_ssch_pgm_addressing_orb_outside_ram(void)
{
    QTestState *s = start_enabled();

    g_assert_cmpint(css_insn(s, "ssch", SID0, 0x4000000), ==, css_pgm(0x05));
    qtest_quit(s);
}

static void test_ssch_cc3_not_enabled(void)
{
    QTestState *s = qtest_init(ARGS);

    css_write_ccw1(s, CCWS, 0x03, 0, 0, 0);
    css_write_orb(s, ORB, 0, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 3);
    qtest_quit(s);
}

static void test_ssch_cc1_status_pending(void)
{
    QTestState *s = start_enabled();
    uint32_t sid, intparm, intid;

    css_write_ccw1(s, CCWS, 0x03, 0, 1, 0);             /* NOOP */
    css_write_orb(s, ORB, 0, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 0);
    g_assert_true(css_wait_io(s, 2000, &sid, &intparm, &intid));
    /* not yet cleared by TSCH: status pending */
    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 1);
    qtest_quit(s);
}

static void test_tsch_cc1_no_status(void)
{
    QTestState *s = start_enabled();
    CssIrbView irb;

    g_assert_cmpint(css_tsch(s, SID0, IRB, &irb), ==, 1);
    qtest_quit(s);
}

static void test_io_wait_none_without_io(void)
{
    QTestState *s = start_enabled();
    uint32_t sid, intparm, intid;

    g_assert_false(css_wait_io(s, 50, &sid, &intparm, &intid));
    qtest_quit(s);
}

/* An ISC not enabled in CR6 keeps its interruption pending. */
static void test_cr6_masks_isc(void)
{
    QTestState *s = start_enabled();
    g_autofree char *r1 = NULL;
    g_autofree char *r2 = NULL;
    g_autofree char *r3 = NULL;

    css_write_ccw1(s, CCWS, 0x03, 0, 1, 0);
    css_write_orb(s, ORB, 7, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 0);
    r1 = qtest_okf(s, "s390x_cr6 0xef000000");       /* all but ISC 3 */
    r2 = qtest_okf(s, "s390x_io_wait 50");
    g_assert_cmpstr(r2, ==, "none");
    r3 = qtest_okf(s, "s390x_cr6 0x10000000");       /* ISC 3 only */
    g_free(r2);
    r2 = qtest_okf(s, "s390x_io_wait 50");
    g_assert_cmpstr(r2, ==, "0x00010000 0x00000007 0x18000000");
    qtest_quit(s);
}

static void test_tpi_stores_two_words(void)
{
    QTestState *s = start_enabled();
    qtest_cmdf(s, "s390x_cr6 0xff000000");

    css_write_ccw1(s, CCWS, 0x03, 0, 1, 0);
    css_write_orb(s, ORB, 0x55aa55aa, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 0);
    qtest_memset(s, 0x7000, 0xee, 12);
    g_assert_cmpint(css_insn(s, "tpi", 0, 0x7000), ==, 1);
    g_assert_cmphex(qtest_readl(s, 0x7000), ==, SID0);
    g_assert_cmphex(qtest_readl(s, 0x7004), ==, 0x55aa55aa);
    g_assert_cmphex(qtest_readl(s, 0x7008), ==, 0xeeeeeeee);  /* untouched */
    /* dequeued: nothing left */
    g_assert_cmpint(css_insn(s, "tpi", 0, 0x7000), ==, 0);
    qtest_quit(s);
}

static void test_interp_short_read_sli_residual(void)
{
    QTestState *s = start_enabled();
    CssIrbView irb;

    /* store 4 bytes, then read 8 with SLI: residual 4, no IL */
    qtest_writel(s, DATA, 0x0a0b0c0d);
    css_write_ccw1(s, CCWS, 0x01, CCW_FLAG_CC, 4, DATA);
    css_write_ccw1(s, CCWS + 8, 0x02, CCW_FLAG_SLI, 8, DATA2);
    g_assert_cmpint(run_program(s, ORB_W1_FMT1_PFCH_LPM, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(irb.cstat, ==, 0);
    g_assert_cmpuint(irb.count, ==, 4);
    qtest_quit(s);
}

static void test_interp_short_read_incorrect_length(void)
{
    QTestState *s = start_enabled();
    CssIrbView irb;

    css_write_ccw1(s, CCWS, 0x01, CCW_FLAG_CC, 4, DATA);
    css_write_ccw1(s, CCWS + 8, 0x02, 0, 8, DATA2);
    g_assert_cmpint(run_program(s, ORB_W1_FMT1_PFCH_LPM, &irb), ==, 0);
    g_assert_cmphex(irb.cstat, ==, CSTAT_IL);
    g_assert_cmpuint(irb.count, ==, 4);
    g_assert_cmphex(irb.cpa, ==, CCWS + 16);
    qtest_quit(s);
}

static void test_interp_invalid_command_program_check(void)
{
    QTestState *s = start_enabled();
    CssIrbView irb;

    css_write_ccw1(s, CCWS, 0x00, 0, 4, DATA);   /* low nibble 0: invalid */
    g_assert_cmpint(run_program(s, ORB_W1_FMT1_PFCH_LPM, &irb), ==, 0);
    g_assert_cmphex(irb.cstat, ==, CSTAT_PROG_CHECK);
    /* status is alert: SC alert | primary | secondary | pending */
    g_assert_cmphex(irb.ctrl & 0x001f, ==, 0x0017);
    qtest_quit(s);
}

static void test_interp_tic_continues_chain(void)
{
    QTestState *s = start_enabled();
    CssIrbView irb;

    qtest_writel(s, DATA, 0x77777777);
    css_write_ccw1(s, CCWS, 0x01, CCW_FLAG_CC, 4, DATA);
    css_write_ccw1(s, CCWS + 8, 0x08, 0, 0, CCWS + 0x100);   /* TIC */
    css_write_ccw1(s, CCWS + 0x100, 0x02, 0, 4, DATA2);
    g_assert_cmpint(run_program(s, ORB_W1_FMT1_PFCH_LPM, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(irb.cpa, ==, CCWS + 0x108);
    g_assert_cmphex(qtest_readl(s, DATA2), ==, 0x77777777);
    qtest_quit(s);
}

/* Format-2 IDAL with 4K blocks: a read spanning two blocks. */
static void test_interp_idal_fmt2_read(void)
{
    QTestState *s = start_enabled();
    CssIrbView irb;
    uint8_t pattern[16], back[16];

    for (int i = 0; i < 16; i++) {
        pattern[i] = (uint8_t)(0xa0 + i);
    }
    qtest_memwrite(s, DATA, pattern, sizeof(pattern));
    css_write_ccw1(s, CCWS, 0x01, CCW_FLAG_CC, 16, DATA);
    /* read 16 bytes: 8 at 0x8ff8 (end of a 4K block), 8 at 0xa000 */
    css_write_ccw1(s, CCWS + 8, 0x02, CCW_FLAG_IDA, 16, 0x7000);
    qtest_writeq(s, 0x7000, 0x8ff8);
    qtest_writeq(s, 0x7008, 0xa000);
    /* ORB: format-2 IDAWs (H bit 0x0002 of ctrl0) */
    g_assert_cmpint(run_program(s, ORB_W1_FMT1_PFCH_LPM | 0x00020000, &irb),
                    ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(irb.cstat, ==, 0);
    qtest_memread(s, 0x8ff8, back, 8);
    qtest_memread(s, 0xa000, back + 8, 8);
    g_assert_cmpmem(back, 16, pattern, 16);
    qtest_quit(s);
}

static void test_testdev_unit_check_sense(void)
{
    QTestState *s = start_enabled();
    CssIrbView irb;
    g_autofree char *r = qtest_okf(s, "ccw_testdev t0 unit-check 10204080");

    css_write_ccw1(s, CCWS, 0x01, 0, 4, DATA);
    g_assert_cmpint(run_program(s, ORB_W1_FMT1_PFCH_LPM, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE | 0x02);    /* unit check */
    /* BASIC SENSE returns the sense bytes */
    g_free(r);
    r = qtest_okf(s, "ccw_testdev t0 echo");
    css_write_ccw1(s, CCWS, 0x04, CCW_FLAG_SLI, 32, DATA2);
    g_assert_cmpint(run_program(s, ORB_W1_FMT1_PFCH_LPM, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(qtest_readl(s, DATA2), ==, 0x10204080);
    qtest_quit(s);
}

static void test_testdev_unit_exception(void)
{
    QTestState *s = start_enabled();
    CssIrbView irb;
    qtest_cmdf(s, "ccw_testdev fe.0.0001 unit-exception");

    css_write_ccw1(s, CCWS, 0x01, 0, 4, DATA);
    g_assert_cmpint(run_program(s, ORB_W1_FMT1_PFCH_LPM, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE | 0x01);
    qtest_quit(s);
}

static void test_testdev_bad_requests_fail(void)
{
    QTestState *s = qtest_init(ARGS);
    g_autofree char *r1 = qtest_request(s, "ccw_testdev nosuch echo");
    g_autofree char *r2 = qtest_request(s, "ccw_testdev t0 dance");
    g_autofree char *r3 = qtest_request(s, "ccw_testdev t0 unit-check zz");
    g_autofree char *r4 = qtest_request(s, "ioinst frob 0x10000");
    g_autofree char *r5 = qtest_request(s, "ioinst ssch 0x10000");

    g_assert_true(g_str_has_prefix(r1, "FAIL no ccw-testdev 'nosuch'"));
    g_assert_true(g_str_has_prefix(r2, "FAIL unknown ccw-testdev mode"));
    g_assert_true(g_str_has_prefix(r3, "FAIL sense 'zz'"));
    g_assert_true(g_str_has_prefix(r4, "FAIL unknown I/O instruction"));
    g_assert_true(g_str_has_prefix(r5, "FAIL usage: ioinst ssch GR1 OPERAND"));
    qtest_quit(s);
}

/* RCHP of the virtual path queues a solicited channel-path CRW. */
static void test_crw_rchp_then_stcrw(void)
{
    QTestState *s = qtest_init(ARGS);
    g_autofree char *w = NULL;
    uint32_t crw;

    g_assert_cmpint(css_insn(s, "rchp", 0x00, 0), ==, 0);
    w = qtest_okf(s, "s390x_crw_wait 1000");
    g_assert_cmpstr(w, ==, "1");
    g_assert_cmpint(css_insn(s, "stcrw", 0, 0x7000), ==, 0);
    crw = qtest_readl(s, 0x7000);
    g_assert_cmphex((crw >> 24) & 0x0f, ==, 0x4);           /* RSC: chpid */
    g_assert_cmphex(crw & 0xffff, ==, 0x0000);               /* RSID: 0 */
    /* queue empty: cc 1 and zeros stored */
    qtest_writel(s, 0x7000, 0xffffffff);
    g_assert_cmpint(css_insn(s, "stcrw", 0, 0x7000), ==, 1);
    g_assert_cmphex(qtest_readl(s, 0x7000), ==, 0);
    qtest_quit(s);
}

static void test_system_reset_disables(void)
{
    QTestState *s = start_enabled();
    qtest_cmdf(s, "system_reset");

    g_assert_cmpint(css_insn(s, "stsch", SID0, SCHIB), ==, 0);
    g_assert_cmphex(qtest_readw(s, SCHIB + 4) & 0x0080, ==, 0);  /* E off */
    g_assert_cmphex(qtest_readl(s, SCHIB), ==, 0);               /* intparm */
    qtest_quit(s);
}

/* Start a program the test device holds active; no interruption yet. */
static QTestState *start_held_program(void)
{
    QTestState *s = start_enabled();
    qtest_cmdf(s, "ccw_testdev t0 hold");
    uint32_t sid, intparm, intid;

    qtest_writel(s, DATA, 0x13572468);
    css_write_ccw1(s, CCWS, 0x01, CCW_FLAG_CC, 4, DATA);
    css_write_ccw1(s, CCWS + 8, 0x02, 0, 4, DATA2);
    css_write_orb(s, ORB, 0x0000beef, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 0);
    g_assert_false(css_wait_io(s, 50, &sid, &intparm, &intid));
    return s;
}

static void test_ssch_cc2_function_active(void)
{
    QTestState *s = start_held_program();

    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 2);
    qtest_quit(s);
}

/* XSCH gives cc 2 once the subchannel is active (PoP ch. 14, XSCH). */
static void test_xsch_cc2_subchannel_active(void)
{
    QTestState *s = start_held_program();

    g_assert_cmpint(css_insn(s, "xsch", SID0, 0), ==, 2);
    qtest_quit(s);
}

static void test_hsch_halts_active_program(void)
{
    QTestState *s = start_held_program();
    g_autofree char *rel = NULL;
    uint32_t sid, intparm, intid;
    CssIrbView irb;

    g_assert_cmpint(css_insn(s, "hsch", SID0, 0), ==, 0);
    g_assert_true(css_wait_io(s, 2000, &sid, &intparm, &intid));
    g_assert_cmphex(intparm, ==, 0x0000beef);
    g_assert_cmpint(css_tsch(s, SID0, IRB, &irb), ==, 0);
    g_assert_cmphex(irb.ctrl & 0x7000, ==, 0x2000);        /* FC halt */
    g_assert_cmphex(irb.ctrl & 0x0001, ==, 0x0001);        /* pending */
    g_assert_cmphex(irb.dstat, ==, 0x04);                  /* device end */
    g_assert_cmphex(irb.cpa, ==, CCWS + 8);
    /* the program never ran, and cannot be released any more */
    g_assert_cmphex(qtest_readl(s, DATA2), ==, 0);
    rel = qtest_request(s, "ccw_testdev t0 release");
    g_assert_true(g_str_has_prefix(rel, "FAIL no held channel program"));
    qtest_quit(s);
}

static void test_csch_clears_active_program(void)
{
    QTestState *s = start_held_program();
    uint32_t sid, intparm, intid;
    CssIrbView irb;

    g_assert_cmpint(css_insn(s, "csch", SID0, 0), ==, 0);
    g_assert_true(css_wait_io(s, 2000, &sid, &intparm, &intid));
    g_assert_cmpint(css_tsch(s, SID0, IRB, &irb), ==, 0);
    g_assert_cmphex(irb.ctrl & 0x7000, ==, 0x1000);        /* FC clear */
    g_assert_cmphex(irb.ctrl & 0x0fe0, ==, 0);             /* no activity */
    g_assert_cmphex(irb.dstat, ==, 0);
    g_assert_cmphex(irb.cstat, ==, 0);
    /* idle again: a new program starts */
    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 0);
    qtest_quit(s);
}

static void test_hold_release_runs_program(void)
{
    QTestState *s = start_held_program();
    qtest_cmdf(s, "ccw_testdev t0 release");
    uint32_t sid, intparm, intid;
    CssIrbView irb;

    g_assert_true(css_wait_io(s, 2000, &sid, &intparm, &intid));
    g_assert_cmpint(css_tsch(s, SID0, IRB, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(irb.cpa, ==, CCWS + 16);
    g_assert_cmphex(qtest_readl(s, DATA2), ==, 0x13572468);
    qtest_quit(s);
}

/* Attention with no function: alert + status pending, deferred cc 0. */
static void test_attention_unsolicited_status(void)
{
    QTestState *s = start_enabled();
    qtest_cmdf(s, "ccw_testdev t0 attention");
    g_autofree char *again = NULL;
    uint32_t sid, intparm, intid;
    CssIrbView irb;

    /* status pending now: a second attention must wait */
    again = qtest_request(s, "ccw_testdev t0 attention");
    g_assert_true(g_str_has_prefix(again, "FAIL "));
    g_assert_true(css_wait_io(s, 2000, &sid, &intparm, &intid));
    g_assert_cmphex(intparm, ==, 0x11223344);   /* the PMCW's, from MSCH */
    g_assert_cmpint(css_tsch(s, SID0, IRB, &irb), ==, 0);
    g_assert_cmphex(irb.ctrl, ==, 0x0011);       /* alert | pending only */
    g_assert_cmphex(irb.flags & 0x0300, ==, 0);  /* deferred cc 0 */
    g_assert_cmphex(irb.dstat, ==, 0x80);        /* attention */
    qtest_quit(s);
}

static void test_devno_collision_names_both(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int st = qtest_run_binary("-M s390-ccw-virtio "
                              "-device ccw-testdev,id=a,devno=fe.0.0042 "
                              "-device ccw-testdev,id=b,devno=fe.0.0042",
                              NULL, &out, &err);

    g_assert_cmpint(st, ==, 1);
    g_assert_nonnull(strstr(err, "'a'"));
    g_assert_nonnull(strstr(err, "'b'"));
    /* one line */
    g_assert_cmpuint(strlen(err), >, 0);
    g_assert_true(strchr(err, '\n') == err + strlen(err) - 1);
}

static void test_squash_mcss_virtual_must_use_fe(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int st = qtest_run_binary("-M s390-ccw-virtio,s390-squash-mcss=on "
                              "-device ccw-testdev,devno=0.0.0042",
                              NULL, &out, &err);

    g_assert_cmpint(st, ==, 1);
    g_assert_nonnull(strstr(err, "cssid"));
}

/* Squashed: fe.0.0042 lands in css 0, visible at the same SID. */
static void test_squash_mcss_places_into_css0(void)
{
    QTestState *s = qtest_init("-M s390-ccw-virtio,s390-squash-mcss=on "
                               "-device ccw-testdev,devno=fe.0.0042");

    g_assert_cmpint(css_insn(s, "stsch", SID0, SCHIB), ==, 0);
    g_assert_cmphex(qtest_readl(s, SCHIB + 4), ==, 0x00010042);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/css/echo/chained-write-read",
                    test_echo_chained_write_read);
    g_test_add_func("/css/stsch/cc0-shows-testdev", test_stsch_shows_testdev);
    g_test_add_func("/css/stsch/cc3-beyond-last", test_stsch_cc3_beyond_last);
    g_test_add_func("/css/stsch/pgm-operand-bad-sid",
                    test_stsch_pgm_operand_bad_sid);
    g_test_add_func("/css/ssch/pgm-specification-unaligned-orb",
                    test_ssch_pgm_specification_unaligned_orb);
    g_test_add_func("/css/ssch/pgm-addressing-orb-outside-ram",
                    test_ssch_pgm_addressing_orb_outside_ram);
    g_test_add_func("/css/ssch/cc3-not-enabled", test_ssch_cc3_not_enabled);
    g_test_add_func("/css/ssch/cc1-status-pending",
                    test_ssch_cc1_status_pending);
    g_test_add_func("/css/tsch/cc1-no-status", test_tsch_cc1_no_status);
    g_test_add_func("/css/io-wait/none-without-io",
                    test_io_wait_none_without_io);
    g_test_add_func("/css/cr6/masks-isc", test_cr6_masks_isc);
    g_test_add_func("/css/tpi/stores-two-words", test_tpi_stores_two_words);
    g_test_add_func("/css/interp/short-read-sli-residual",
                    test_interp_short_read_sli_residual);
    g_test_add_func("/css/interp/short-read-incorrect-length",
                    test_interp_short_read_incorrect_length);
    g_test_add_func("/css/interp/invalid-command-program-check",
                    test_interp_invalid_command_program_check);
    g_test_add_func("/css/interp/tic-continues-chain",
                    test_interp_tic_continues_chain);
    g_test_add_func("/css/interp/idal-fmt2-read", test_interp_idal_fmt2_read);
    g_test_add_func("/css/testdev/unit-check-sense",
                    test_testdev_unit_check_sense);
    g_test_add_func("/css/testdev/unit-exception",
                    test_testdev_unit_exception);
    g_test_add_func("/css/testdev/bad-requests-fail",
                    test_testdev_bad_requests_fail);
    g_test_add_func("/css/crw/rchp-then-stcrw", test_crw_rchp_then_stcrw);
    g_test_add_func("/css/reset/system-reset-disables",
                    test_system_reset_disables);
    g_test_add_func("/css/ssch/cc2-function-active",
                    test_ssch_cc2_function_active);
    g_test_add_func("/css/xsch/cc2-subchannel-active",
                    test_xsch_cc2_subchannel_active);
    g_test_add_func("/css/hsch/halts-active-program",
                    test_hsch_halts_active_program);
    g_test_add_func("/css/csch/clears-active-program",
                    test_csch_clears_active_program);
    g_test_add_func("/css/testdev/hold-release-runs-program",
                    test_hold_release_runs_program);
    g_test_add_func("/css/testdev/attention-unsolicited-status",
                    test_attention_unsolicited_status);
    g_test_add_func("/css/devno/collision-names-both-devices",
                    test_devno_collision_names_both);
    g_test_add_func("/css/squash-mcss/virtual-must-use-fe",
                    test_squash_mcss_virtual_must_use_fe);
    g_test_add_func("/css/squash-mcss/places-into-css0",
                    test_squash_mcss_places_into_css0);
    return g_test_run();
}
