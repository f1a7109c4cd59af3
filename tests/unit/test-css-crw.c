/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-css-crw.c: the channel-report queue (PoP ch. 17, "Channel-Report
 * Word"): order, chaining, overflow, machine-check arming, the reports of
 * hot-plug and unplug (facts §3.12), and host CRWs.
 */
#include "qemu/osdep.h"

#include "test-css-fixture.h"

static CRW stcrw(CssFixture *fx, int want_cc)
{
    CRW crw;

    g_assert_cmpint(css_do_stcrw(fx->css, &crw), ==, want_cc);
    return crw;
}

static void test_fifo(CssFixture *fx, gconstpointer data)
{
    CRW c;

    css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, 1);
    css_queue_crw(fx->css, CRW_RSC_CHP, CRW_ERC_INIT, true, false, 2);
    c = stcrw(fx, 0);
    g_assert_cmphex(c.flags, ==, 0x0304);
    g_assert_cmphex(c.rsid, ==, 1);
    c = stcrw(fx, 0);
    g_assert_cmphex(c.flags, ==, 0x4402);
    g_assert_cmphex(c.rsid, ==, 2);
    c = stcrw(fx, 1);
    g_assert_cmphex(c.flags, ==, 0);
    g_assert_cmphex(c.rsid, ==, 0);
}

static void test_overflow_sets_r(CssFixture *fx, gconstpointer data)
{
    unsigned i;
    CRW c;

    for (i = 0; i < CSS_MAX_PENDING_CRWS + 3; i++) {
        css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, i);
    }
    /* The queued ones come out unmarked; the lost ones are gone. */
    for (i = 0; i < CSS_MAX_PENDING_CRWS; i++) {
        c = stcrw(fx, 0);
        g_assert_cmphex(c.rsid, ==, i);
        g_assert_false(c.flags & CRW_FLAGS_MASK_R);
    }
    stcrw(fx, 1);
    /* The next report says that reports were lost before it. */
    css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, 0x99);
    c = stcrw(fx, 0);
    g_assert_true(c.flags & CRW_FLAGS_MASK_R);
    g_assert_cmphex(c.rsid, ==, 0x99);
    /* ... and only that one. */
    css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, 0x9a);
    c = stcrw(fx, 0);
    g_assert_false(c.flags & CRW_FLAGS_MASK_R);
}

static void test_chain_not_split(CssFixture *fx, gconstpointer data)
{
    unsigned i;
    CRW c;

    /* Room for one more CRW, but a hot-plug chain needs two. */
    css_enable_mss(fx->css);
    for (i = 0; i < CSS_MAX_PENDING_CRWS - 1; i++) {
        css_queue_crw(fx->css, CRW_RSC_CHP, CRW_ERC_INIT, false, false, i);
    }
    css_generate_sch_crws(fx->css, 0xfe, 0, 7, true, true);
    for (i = 0; i < CSS_MAX_PENDING_CRWS - 1; i++) {
        c = stcrw(fx, 0);
        g_assert_false(c.flags & CRW_FLAGS_MASK_C);
    }
    stcrw(fx, 1);
}

static void test_undo_head(CssFixture *fx, gconstpointer data)
{
    CRW c, first;

    css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, 1);
    css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, 2);
    first = stcrw(fx, 0);
    css_undo_stcrw(fx->css, &first);
    c = stcrw(fx, 0);
    g_assert_cmphex(c.rsid, ==, 1);
    c = stcrw(fx, 0);
    g_assert_cmphex(c.rsid, ==, 2);
}

static void test_notify_once(CssFixture *fx, gconstpointer data)
{
    css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, 1);
    css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, 2);
    /* One machine check until STCRW finds the queue empty. */
    g_assert_cmpuint(fx->crw_notes, ==, 1);
    stcrw(fx, 0);
    stcrw(fx, 0);
    css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, 3);
    g_assert_cmpuint(fx->crw_notes, ==, 1);
    stcrw(fx, 0);
    stcrw(fx, 1);
    css_queue_crw(fx->css, CRW_RSC_SUBCH, CRW_ERC_IPI, false, false, 4);
    g_assert_cmpuint(fx->crw_notes, ==, 2);
    g_assert_true(css_crw_pending(fx->css));
}

static void test_host_crw_verbatim(CssFixture *fx, gconstpointer data)
{
    CRW c;

    css_queue_host_crw(fx->css, 0x44060042);
    c = stcrw(fx, 0);
    g_assert_cmphex(c.flags, ==, 0x4406);
    g_assert_cmphex(c.rsid, ==, 0x0042);
}

static void test_hotplug_crw(CssFixture *fx, gconstpointer data)
{
    CRW c;

    css_generate_sch_crws(fx->css, 0xfe, 0, 0x0012, true, true);
    c = stcrw(fx, 0);
    /* Not solicited, not chained: RSC subchannel, ERC IPI, schid. */
    g_assert_cmphex(c.flags, ==, 0x0304);
    g_assert_cmphex(c.rsid, ==, 0x0012);
    stcrw(fx, 1);
}

static void test_hotplug_chained_with_mss(CssFixture *fx, gconstpointer data)
{
    CRW c;

    css_enable_mss(fx->css);
    css_generate_sch_crws(fx->css, 0xfe, 2, 0x0012, true, true);
    c = stcrw(fx, 0);
    g_assert_cmphex(c.flags, ==, 0x1304);
    g_assert_cmphex(c.rsid, ==, 0x0012);
    c = stcrw(fx, 0);
    /* Without MCSS-E the default image is css 0 to the program. */
    g_assert_cmphex(c.flags, ==, 0x0304);
    g_assert_cmphex(c.rsid, ==, 0x0020);
}

static void test_hotplug_chained_with_mcsse(CssFixture *fx,
                                            gconstpointer data)
{
    CRW c;

    css_enable_mcsse(fx->css);
    css_generate_sch_crws(fx->css, 0xfe, 0, 0x0003, true, true);
    stcrw(fx, 0);
    c = stcrw(fx, 0);
    g_assert_cmphex(c.rsid, ==, 0xfe00);
}

static void test_coldplug_silent(CssFixture *fx, gconstpointer data)
{
    css_generate_sch_crws(fx->css, 0xfe, 0, 1, false, true);
    g_assert_false(css_crw_pending(fx->css));
    /* A removal is always reported. */
    css_generate_sch_crws(fx->css, 0xfe, 0, 1, false, false);
    g_assert_true(css_crw_pending(fx->css));
}

static void test_invisible_silent(CssFixture *fx, gconstpointer data)
{
    css_generate_sch_crws(fx->css, 0xfe, 1, 1, true, true);
    css_generate_sch_crws(fx->css, 0x05, 0, 1, true, true);
    g_assert_false(css_crw_pending(fx->css));
}

static void test_unplug(CssFixture *fx, gconstpointer data)
{
    CRW c;

    fx_enable(fx, fx->sch, 3, 0);
    fx_make_status_pending(fx, fx->sch);
    css_sch_unplug(fx->sch);
    g_assert_false(fx->sch->curr_status.pmcw.flags &
                   (PMCW_FLAGS_MASK_ENA | PMCW_FLAGS_MASK_DNV));
    /* Its pending interruption goes with it. */
    g_assert_false(css_io_pending(fx->css, 0xff));
    c = stcrw(fx, 0);
    g_assert_cmphex(c.flags, ==, 0x0304);
    g_assert_cmphex(c.rsid, ==, fx->sch->schid);
    assert_cc(fx_insn(fx, "tsch", fx_sid(fx->sch), FX_IRB), 3);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    FX_TEST("/css/crw/oldest-first", test_fifo);
    FX_TEST("/css/crw/overflow-sets-r", test_overflow_sets_r);
    FX_TEST("/css/crw/chain-never-split", test_chain_not_split);
    FX_TEST("/css/crw/undo-puts-back-at-head", test_undo_head);
    FX_TEST("/css/crw/machine-check-once-until-drained", test_notify_once);
    FX_TEST("/css/crw/host-crw-verbatim", test_host_crw_verbatim);
    FX_TEST("/css/crw/hotplug-reports-subchannel", test_hotplug_crw);
    FX_TEST("/css/crw/hotplug-chained-with-mss",
            test_hotplug_chained_with_mss);
    FX_TEST("/css/crw/hotplug-chained-cssid-with-mcsse",
            test_hotplug_chained_with_mcsse);
    FX_TEST("/css/crw/coldplug-not-reported", test_coldplug_silent);
    FX_TEST("/css/crw/invisible-not-reported", test_invisible_silent);
    FX_TEST("/css/crw/unplug-disables-and-reports", test_unplug);
    return g_test_run();
}
