/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-css-virtual.c: the start function of a virtual subchannel: the
 * channel program runs through the interpreter at SSCH, and the SCSW and
 * IRB show its end (PoP ch. 15-16; facts §3.13).
 */
#include "qemu/osdep.h"

#include "test-css-fixture.h"

static IRB run(CssFixture *fx, const ORB *orb)
{
    assert_cc(fx_ssch(fx, fx->sch, orb), 0);
    return fx_tsch(fx, fx->sch, 0);
}

static void test_deferred_cc3_no_path(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0x77);
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    fx_put_ccw1(fx, FX_CCW, TESTDEV_CMD_READ, 0, 16, FX_DATA);
    orb.lpm = 0x7f;                     /* every path but the only one */
    irb = run(fx, &orb);
    g_assert_cmpint((irb.scsw.flags & SCSW_FLAGS_MASK_CC) >>
                    SCSW_FLAGS_CC_SHIFT, ==, 3);
    g_assert_cmphex(irb.scsw.ctrl & SCSW_CTRL_MASK_STCTL, ==,
                    SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND);
    g_assert_cmpuint(fx->dev.commands, ==, 0);
}

static void test_command_chaining(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);
    const char msg[] = "hello";
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    g_assert_true(guest_ram_write(fx->ram, FX_DATA + 0x100, msg, 5));
    fx_put_ccw1(fx, FX_CCW, TESTDEV_CMD_WRITE, CCW_FLAG_CC, 5,
                FX_DATA + 0x100);
    fx_put_ccw1(fx, FX_CCW + 8, TESTDEV_CMD_READ, 0, 16, FX_DATA);
    irb = run(fx, &orb);
    g_assert_cmpuint(fx->dev.commands, ==, 2);
    g_assert_cmpmem(fx->dev.written, fx->dev.written_len, msg, 5);
    g_assert_cmphex(irb.scsw.cpa, ==, FX_CCW + 16);
    g_assert_cmphex(irb.scsw.dstat, ==,
                    SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END);
    g_assert_cmphex(irb.scsw.cstat, ==, 0);
    g_assert_cmphex(irb.scsw.count, ==, 0);
    g_assert_false(irb.scsw.ctrl & SCSW_STCTL_ALERT);
}

static void test_scsw_shows_orb(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    fx_put_ccw1(fx, FX_CCW, CCW_CMD_NOOP, 0, 0, 0);
    orb.ctrl0 |= 0x6000 | ORB_CTRL0_MASK_ISIC;      /* key 6, I */
    irb = run(fx, &orb);
    g_assert_cmphex(irb.scsw.flags & SCSW_FLAGS_MASK_KEY, ==, 0x6000);
    g_assert_true(irb.scsw.flags & SCSW_FLAGS_MASK_FMT);
    g_assert_true(irb.scsw.flags & SCSW_FLAGS_MASK_PFCH);
    g_assert_true(irb.scsw.flags & SCSW_FLAGS_MASK_ISIC);
    /* With I, Z says the device accepted the first command. */
    g_assert_true(irb.scsw.flags & SCSW_FLAGS_MASK_ZCC);
}

static void test_command_reject(CssFixture *fx, gconstpointer data)
{
    static const SubchDevOps no_commands = { 0 };
    ORB orb = fx_orb(FX_CCW, 0);
    uint8_t sense[SENSE_DATA_SIZE];
    IRB irb;

    /* A device without command handling rejects what css.c can't do. */
    fx->sch->ops = &no_commands;
    fx_enable(fx, fx->sch, 3, 0);
    fx_put_ccw1(fx, FX_CCW, TESTDEV_CMD_READ, 0, 16, FX_DATA);
    irb = run(fx, &orb);
    g_assert_cmphex(irb.scsw.dstat, ==, SCSW_DSTAT_CHANNEL_END |
                    SCSW_DSTAT_DEVICE_END | SCSW_DSTAT_UNIT_CHECK);
    g_assert_true(irb.scsw.ctrl & SCSW_STCTL_ALERT);
    /* BASIC SENSE then returns command reject and clears the sense. */
    fx_put_ccw1(fx, FX_CCW, CCW_CMD_BASIC_SENSE, 0, SENSE_DATA_SIZE,
                FX_DATA);
    irb = run(fx, &orb);
    g_assert_cmphex(irb.scsw.dstat, ==,
                    SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END);
    g_assert_true(guest_ram_read(fx->ram, FX_DATA, sense, sizeof(sense)));
    g_assert_cmphex(sense[0], ==, 0x80);
    g_assert_cmphex(fx->sch->sense_data[0], ==, 0);
}

static void test_program_check_bad_cpa(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW + 4, 0);       /* not on a doubleword */
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    irb = run(fx, &orb);
    g_assert_cmphex(irb.scsw.cstat, ==, SCSW_CSTAT_PROG_CHECK);
    g_assert_cmphex(irb.scsw.ctrl & SCSW_CTRL_MASK_STCTL, ==,
                    SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
                    SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND);
    g_assert_cmpuint(fx->dev.commands, ==, 0);
}

static void test_program_check_data_outside_ram(CssFixture *fx,
                                                gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    fx_put_ccw1(fx, FX_CCW, TESTDEV_CMD_READ, 0, 16, FX_RAM_SIZE);
    irb = run(fx, &orb);
    g_assert_true(irb.scsw.cstat & SCSW_CSTAT_PROG_CHECK);
}

static void test_suspend_intermediate(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    fx_put_ccw1(fx, FX_CCW, CCW_CMD_NOOP, CCW_FLAG_SUSPEND, 0, 0);
    orb.ctrl0 |= ORB_CTRL0_MASK_SPND;
    irb = run(fx, &orb);
    g_assert_cmphex(irb.scsw.ctrl, ==,
                    SCSW_FCTL_START_FUNC | SCSW_ACTL_SUSP |
                    SCSW_STCTL_INTERMEDIATE | SCSW_STCTL_STATUS_PEND);
    /* After TSCH the program is still suspended, ready for RSCH. */
    g_assert_cmphex(fx->sch->curr_status.scsw.ctrl, ==,
                    SCSW_FCTL_START_FUNC | SCSW_ACTL_SUSP);
}

static void test_suspend_not_allowed(CssFixture *fx, gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);
    IRB irb;

    /* S flag without ORB S: program check. */
    fx_enable(fx, fx->sch, 3, 0);
    fx_put_ccw1(fx, FX_CCW, CCW_CMD_NOOP, CCW_FLAG_SUSPEND, 0, 0);
    irb = run(fx, &orb);
    g_assert_true(irb.scsw.cstat & SCSW_CSTAT_PROG_CHECK);
    g_assert_false(irb.scsw.ctrl & SCSW_ACTL_SUSP);
}

static void test_no_ram(CssFixture *fx, gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    ChannelSubSys *css = css_new(NULL, false);
    SubchDev *sch = css_create_sch(css, NULL, true, false, "x", &err);
    ORB orb = fx_orb(FX_CCW, 0);

    /* A css without RAM (tests only): the CCW fetch fails cleanly. */
    g_assert_no_error(err);
    css_sch_build_virtual_schib(sch, 0, 0);
    sch->curr_status.pmcw.flags |= PMCW_FLAGS_MASK_ENA;
    g_assert_cmpint(css_do_ssch(sch, &orb), ==, IOINST_CC_EXPECTED);
    g_assert_true(sch->curr_status.scsw.cstat & SCSW_CSTAT_PROG_CHECK);
    css_free(css);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    FX_TEST("/css/virtual/deferred-cc3-without-path-0x80",
            test_deferred_cc3_no_path);
    FX_TEST("/css/virtual/command-chaining-runs-all", test_command_chaining);
    FX_TEST("/css/virtual/scsw-shows-orb-controls", test_scsw_shows_orb);
    FX_TEST("/css/virtual/unknown-command-rejected-basic-sense",
            test_command_reject);
    FX_TEST("/css/virtual/program-check-unaligned-cpa",
            test_program_check_bad_cpa);
    FX_TEST("/css/virtual/program-check-data-outside-ram",
            test_program_check_data_outside_ram);
    FX_TEST("/css/virtual/suspend-gives-intermediate-status",
            test_suspend_intermediate);
    FX_TEST("/css/virtual/suspend-flag-without-orb-s-program-check",
            test_suspend_not_allowed);
    FX_TEST("/css/virtual/no-ram-program-check", test_no_ram);
    return g_test_run();
}
