/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ioinst-func.c: CLEAR, HALT, CANCEL and RESUME SUBCHANNEL on a
 * virtual subchannel (PoP ch. 14, ch. 15 "Clear/Halt/Resume Function";
 * facts §2).
 */
#include "qemu/osdep.h"

#include "test-css-fixture.h"

#define SID_NONE 0x0001ff00

/*
 * Start a program that suspends at its first CCW, without intermediate
 * status (ORB U), leaving FC start + AC suspended.
 */
static void fx_suspend(CssFixture *fx)
{
    ORB orb = fx_orb(FX_CCW, 0x5555);

    fx_put_ccw1(fx, FX_CCW, TESTDEV_CMD_READ, CCW_FLAG_SUSPEND,
                TESTDEV_READ_LEN, FX_DATA);
    orb.ctrl0 |= ORB_CTRL0_MASK_SPND | ORB_CTRL0_MASK_SSIC;
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    g_assert_cmphex(fx_fc(fx->sch), ==, SCSW_FCTL_START_FUNC);
    g_assert_cmphex(fx_ac(fx->sch), ==, SCSW_ACTL_SUSP);
    g_assert_cmphex(fx_sc(fx->sch), ==, 0);
}

static void test_sid_only_bad_sid(CssFixture *fx, gconstpointer data)
{
    static const char *const names[] = { "csch", "hsch", "xsch", "rsch" };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        assert_pgm(fx_insn(fx, names[i], 0x00000000, 0), PGM_OPERAND);
        assert_pgm(fx_insn(fx, names[i], 0x02010000, 0), PGM_OPERAND);
    }
}

static void test_sid_only_cc3(CssFixture *fx, gconstpointer data)
{
    static const char *const names[] = { "csch", "hsch", "xsch", "rsch" };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        /* No subchannel there, and one that is not enabled. */
        assert_cc(fx_insn(fx, names[i], SID_NONE, 0), 3);
        assert_cc(fx_insn(fx, names[i], fx_sid(fx->sch), 0), 3);
    }
}

/* ------------------------------------------------------------------------
 * CLEAR SUBCHANNEL
 * ------------------------------------------------------------------------ */

static void test_csch_idle(CssFixture *fx, gconstpointer data)
{
    IRB irb;

    fx_enable(fx, fx->sch, 2, 0x77);
    assert_cc(fx_insn(fx, "csch", fx_sid(fx->sch), 0), 0);
    /* The emulated clear ends at once: status pending alone. */
    g_assert_cmphex(fx->sch->curr_status.scsw.ctrl, ==,
                    SCSW_FCTL_CLEAR_FUNC | SCSW_STCTL_STATUS_PEND);
    g_assert_true(css_io_pending(fx->css, 0x80 >> 2));
    irb = fx_tsch(fx, fx->sch, 0);
    g_assert_cmphex(irb.scsw.dstat, ==, 0);
    g_assert_cmphex(irb.scsw.cstat, ==, 0);
    g_assert_cmphex(fx->sch->curr_status.pmcw.lpum, ==, 0x80);
    g_assert_cmphex(fx->sch->curr_status.pmcw.pom, ==, 0xff);
    g_assert_cmphex(fx->sch->curr_status.scsw.ctrl, ==, 0);
}

static void test_csch_status_pending(CssFixture *fx, gconstpointer data)
{
    IOIntCode code;
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    /* CSCH has no cc 1: the old status is withdrawn. */
    assert_cc(fx_insn(fx, "csch", fx_sid(fx->sch), 0), 0);
    irb = fx_tsch(fx, fx->sch, 0);
    g_assert_cmphex(irb.scsw.ctrl, ==,
                    SCSW_FCTL_CLEAR_FUNC | SCSW_STCTL_STATUS_PEND);
    g_assert_cmphex(irb.scsw.dstat, ==, 0);
    /* One interruption only, and TSCH took it. */
    g_assert_false(css_dequeue_io_int(fx->css, 0xff, &code));
}

static void test_csch_suspended(CssFixture *fx, gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    fx_suspend(fx);
    assert_cc(fx_insn(fx, "csch", fx_sid(fx->sch), 0), 0);
    g_assert_cmphex(fx_fc(fx->sch), ==, SCSW_FCTL_CLEAR_FUNC);
    g_assert_cmphex(fx_ac(fx->sch), ==, 0);
    g_assert_cmphex(fx_sc(fx->sch), ==, SCSW_STCTL_STATUS_PEND);
}

/* ------------------------------------------------------------------------
 * HALT SUBCHANNEL
 * ------------------------------------------------------------------------ */

static void test_hsch_cc1_status_pending(CssFixture *fx, gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    assert_cc(fx_insn(fx, "hsch", fx_sid(fx->sch), 0), 1);
}

static void test_hsch_cc1_status_pending_alone(CssFixture *fx,
                                               gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    assert_cc(fx_insn(fx, "csch", fx_sid(fx->sch), 0), 0);
    g_assert_cmphex(fx_sc(fx->sch), ==, SCSW_STCTL_STATUS_PEND);
    assert_cc(fx_insn(fx, "hsch", fx_sid(fx->sch), 0), 1);
}

static void test_hsch_idle_device_end(CssFixture *fx, gconstpointer data)
{
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    assert_cc(fx_insn(fx, "hsch", fx_sid(fx->sch), 0), 0);
    irb = fx_tsch(fx, fx->sch, 0);
    g_assert_cmphex(irb.scsw.ctrl, ==,
                    SCSW_FCTL_HALT_FUNC | SCSW_STCTL_STATUS_PEND);
    /* No start was pending: the device was signalled. */
    g_assert_cmphex(irb.scsw.dstat, ==, SCSW_DSTAT_DEVICE_END);
    g_assert_cmphex(fx->sch->curr_status.pmcw.lpum, ==, 0x80);
}

static void test_hsch_suspended(CssFixture *fx, gconstpointer data)
{
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    fx_suspend(fx);
    assert_cc(fx_insn(fx, "hsch", fx_sid(fx->sch), 0), 0);
    irb = fx_tsch(fx, fx->sch, 0);
    /* HSCH replaces the start function; CPA is the suspended CCW + 8. */
    g_assert_cmphex(irb.scsw.ctrl & SCSW_CTRL_MASK_FCTL, ==,
                    SCSW_FCTL_HALT_FUNC);
    g_assert_cmphex(irb.scsw.cpa, ==, FX_CCW + 8);
    g_assert_cmphex(irb.scsw.dstat, ==, 0);
    g_assert_cmphex(fx->sch->curr_status.scsw.ctrl, ==, 0);
}

static void test_hsch_intermediate_withdrawn(CssFixture *fx,
                                             gconstpointer data)
{
    ORB orb = fx_orb(FX_CCW, 0);

    fx_enable(fx, fx->sch, 3, 0);
    /* Suspension with intermediate status (no U): status pending. */
    fx_put_ccw1(fx, FX_CCW, CCW_CMD_NOOP, CCW_FLAG_SUSPEND, 0, 0);
    orb.ctrl0 |= ORB_CTRL0_MASK_SPND;
    assert_cc(fx_ssch(fx, fx->sch, &orb), 0);
    g_assert_cmphex(fx_sc(fx->sch), ==,
                    SCSW_STCTL_INTERMEDIATE | SCSW_STCTL_STATUS_PEND);
    /* Intermediate status alone does not block HSCH (PoP). */
    assert_cc(fx_insn(fx, "hsch", fx_sid(fx->sch), 0), 0);
    g_assert_cmphex(fx_fc(fx->sch), ==, SCSW_FCTL_HALT_FUNC);
    g_assert_cmphex(fx_sc(fx->sch), ==, SCSW_STCTL_STATUS_PEND);
}

/* ------------------------------------------------------------------------
 * CANCEL SUBCHANNEL
 * ------------------------------------------------------------------------ */

static void test_xsch_cc1_status(CssFixture *fx, gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    assert_cc(fx_insn(fx, "xsch", fx_sid(fx->sch), 0), 1);
}

static void test_xsch_cc2_idle(CssFixture *fx, gconstpointer data)
{
    /* No start function to cancel. */
    fx_enable(fx, fx->sch, 3, 0);
    assert_cc(fx_insn(fx, "xsch", fx_sid(fx->sch), 0), 2);
}

static void test_xsch_cancels_suspended(CssFixture *fx, gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    fx_suspend(fx);
    assert_cc(fx_insn(fx, "xsch", fx_sid(fx->sch), 0), 0);
    g_assert_cmphex(fx->sch->curr_status.scsw.ctrl, ==, 0);
    /* No status and no interruption: the subchannel is simply idle. */
    g_assert_false(css_io_pending(fx->css, 0xff));
    fx_tsch(fx, fx->sch, 1);
}

/* ------------------------------------------------------------------------
 * RESUME SUBCHANNEL
 * ------------------------------------------------------------------------ */

static void test_rsch_cc1_status_pending(CssFixture *fx, gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    assert_cc(fx_insn(fx, "rsch", fx_sid(fx->sch), 0), 1);
}

static void test_rsch_cc2_not_suspended(CssFixture *fx, gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    assert_cc(fx_insn(fx, "rsch", fx_sid(fx->sch), 0), 2);
}

static void test_rsch_cc2_resume_pending(CssFixture *fx, gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    fx_suspend(fx);
    fx->sch->curr_status.scsw.ctrl |= SCSW_ACTL_RESUME_PEND;
    assert_cc(fx_insn(fx, "rsch", fx_sid(fx->sch), 0), 2);
}

static void test_rsch_resumes(CssFixture *fx, gconstpointer data)
{
    uint8_t first;
    IRB irb;

    fx_enable(fx, fx->sch, 3, 0);
    fx_suspend(fx);
    g_assert_cmpuint(fx->dev.commands, ==, 0);
    /* The program clears S in the suspended CCW, then resumes it. */
    fx_put_ccw1(fx, FX_CCW, TESTDEV_CMD_READ, 0, TESTDEV_READ_LEN, FX_DATA);
    assert_cc(fx_insn(fx, "rsch", fx_sid(fx->sch), 0), 0);
    g_assert_cmpuint(fx->dev.commands, ==, 1);
    g_assert_true(guest_ram_ldub(fx->ram, FX_DATA, &first));
    g_assert_cmphex(first, ==, 0xa0);
    irb = fx_tsch(fx, fx->sch, 0);
    g_assert_cmphex(irb.scsw.ctrl, ==,
                    SCSW_FCTL_START_FUNC | SCSW_STCTL_PRIMARY |
                    SCSW_STCTL_SECONDARY | SCSW_STCTL_STATUS_PEND);
    g_assert_cmphex(irb.scsw.cpa, ==, FX_CCW + 8);
    /* The intparm of the original start. */
    g_assert_cmphex(fx->sch->curr_status.pmcw.intparm, ==, 0x5555);
}

static void test_rsch_suspends_again(CssFixture *fx, gconstpointer data)
{
    fx_enable(fx, fx->sch, 3, 0);
    fx_suspend(fx);
    /* S still set: suspended again at once, nothing executed. */
    assert_cc(fx_insn(fx, "rsch", fx_sid(fx->sch), 0), 0);
    g_assert_cmpuint(fx->dev.commands, ==, 0);
    g_assert_cmphex(fx_ac(fx->sch), ==, SCSW_ACTL_SUSP);
    assert_cc(fx_insn(fx, "rsch", fx_sid(fx->sch), 0), 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    FX_TEST("/css/sch-insn/pgm-operand-bad-sid", test_sid_only_bad_sid);
    FX_TEST("/css/sch-insn/cc3-missing-or-not-enabled", test_sid_only_cc3);

    FX_TEST("/css/csch/cc0-idle-clear-status-pending", test_csch_idle);
    FX_TEST("/css/csch/cc0-withdraws-old-status",
            test_csch_status_pending);
    FX_TEST("/css/csch/cc0-ends-suspended-program", test_csch_suspended);

    FX_TEST("/css/hsch/cc1-status-pending", test_hsch_cc1_status_pending);
    FX_TEST("/css/hsch/cc1-status-pending-alone",
            test_hsch_cc1_status_pending_alone);
    FX_TEST("/css/hsch/cc0-idle-gives-device-end", test_hsch_idle_device_end);
    FX_TEST("/css/hsch/cc0-suspended-cpa-next-ccw", test_hsch_suspended);
    FX_TEST("/css/hsch/intermediate-status-withdrawn",
            test_hsch_intermediate_withdrawn);

    FX_TEST("/css/xsch/cc1-status-pending", test_xsch_cc1_status);
    FX_TEST("/css/xsch/cc2-no-start-function", test_xsch_cc2_idle);
    FX_TEST("/css/xsch/cc0-cancels-suspended-start",
            test_xsch_cancels_suspended);

    FX_TEST("/css/rsch/cc1-status-pending", test_rsch_cc1_status_pending);
    FX_TEST("/css/rsch/cc2-not-suspended", test_rsch_cc2_not_suspended);
    FX_TEST("/css/rsch/cc2-resume-already-pending",
            test_rsch_cc2_resume_pending);
    FX_TEST("/css/rsch/cc0-resumes-program", test_rsch_resumes);
    FX_TEST("/css/rsch/suspend-flag-still-set-suspends-again",
            test_rsch_suspends_again);
    return g_test_run();
}
