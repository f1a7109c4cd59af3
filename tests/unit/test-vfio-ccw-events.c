/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-ccw-events.c: what the mdev tells the machine on its own:
 * the IRB behind the IO interrupt (merged into the guest's SCSW, ESW and
 * sense; read errors become deferred cc 3 or channel checks; facts §3.8),
 * host CRWs (forwarded verbatim, §3.12), the REQ interrupt (the device is
 * unplugged and the guest told with a CRW), and the host SCHIB behind
 * STSCH (§3.7).
 */
#include "qemu/osdep.h"

#include "test-vfio-ccw.h"

/* SCSW control and status values (PoP ch. 16), by hand. */
#define CTRL_START_PEND     0x4400      /* FC start, AC start pending */
#define CTRL_START_END      0x4007      /* FC start, primary/secondary/pend */
#define CTRL_START_UC_END   0x4017      /* ... and alert */
#define SC_MASK             0x001f
#define SC_ALERT_PEND       0x0011
#define SC_CHECK_END        0x0017      /* primary, secondary, alert, pend */
#define FLAGS_DEFERRED_CC3  0x0300      /* SCSW word 0 bits 6-7 */
#define DSTAT_CE_DE         0x0c
#define DSTAT_CE_DE_UC      0x0e

static void irq_signal_and_run(VfioCcwFixture *f, unsigned index)
{
    fake_signal(&f->fake, index);
    vfx_run();
}

/* ------------------------------------------------------------------------
 * IO interrupt: the IRB
 * ------------------------------------------------------------------------ */

static void test_irb_merged(VfioCcwFixture *f, gconstpointer data)
{
    static const uint8_t model_ecw[32] = { 0xde, 0xad, [31] = 0x99 };
    uint8_t irb[IRB_SIZE_NO_EMW];
    uint8_t tpi[8];

    vfx_plug(f, false);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    /*
     * Format-1 prefetch program ended after two CCWs: CPA 0x4010, channel
     * end and device end; ESW word 0 with LPUM 0x80, words 2-4 a failing
     * address and secondary CCW; an ECW of model-dependent bytes.
     */
    vfx_host_irb(f->fake.irb, 0x00c0, CTRL_START_END, VFX_CCW + 16,
                 DSTAT_CE_DE, 0, 0x00800000, 0, model_ecw);
    stl_be_p(f->fake.irb + 20, 0x00001000);
    stl_be_p(f->fake.irb + 28, 0x00002000);
    stw_be_p(f->fake.irb + 10, 0x0012);     /* residual count */
    g_assert_false(css_io_pending(f->css, 0xff));
    g_assert_cmpuint(f->fake.io_reads, ==, 0);

    irq_signal_and_run(f, VFIO_CCW_IO_IRQ_INDEX);
    g_assert_cmpuint(f->fake.io_reads, ==, 1);
    g_assert_true(css_io_pending(f->css, VFX_ISC_MASK));

    /* TPI: the guest's SID and the intparm of its ORB. */
    g_assert_cmpint(vfx_insn(f, "tpi", VFX_TPI), ==, 1);
    g_assert_true(guest_ram_read(f->ram, VFX_TPI, tpi, sizeof(tpi)));
    g_assert_cmphex(ldl_be_p(tpi), ==, VFX_SID);
    g_assert_cmphex(ldl_be_p(tpi + 4), ==, VFX_INTPARM);
    g_assert_false(css_io_pending(f->css, 0xff));

    /* TSCH: the host's SCSW and ESW, byte for byte. */
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmpmem(irb, 12, f->fake.irb, 12);
    g_assert_cmpmem(irb + 12, 20, f->fake.irb + 12, 20);
    /* No unit check: the ECW holds no sense for the guest. */
    for (int i = 32; i < 64; i++) {
        g_assert_cmphex(irb[i], ==, 0);
    }
    g_assert_cmpint(vfx_tsch(f, irb), ==, 1);
    g_assert_cmphex(scsw_ctrl(irb), ==, 0);
}

static void test_irb_sense(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t sense[32];
    uint8_t irb[IRB_SIZE_NO_EMW];

    for (int i = 0; i < 32; i++) {
        sense[i] = 0x10 + i;
    }
    vfx_plug(f, true);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    /* Unit check with concurrent sense: ERW CONS, sense count 32. */
    vfx_host_irb(f->fake.irb, 0x00c0, CTRL_START_UC_END, VFX_CCW + 8,
                 DSTAT_CE_DE_UC, 0, 0x00800000, 0x01200000, sense);
    irq_signal_and_run(f, VFIO_CCW_IO_IRQ_INDEX);
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(scsw_dstat(irb), ==, DSTAT_CE_DE_UC);
    g_assert_cmphex(ldl_be_p(irb + 16), ==, 0x01200000);
    g_assert_cmpmem(irb + 32, 32, sense, 32);
}

static void test_irb_no_csense(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t sense[32] = { 0x10, [31] = 0x77 };
    uint8_t irb[IRB_SIZE_NO_EMW];

    /* The guest did not ask for concurrent sense: it issues SENSE. */
    vfx_plug(f, false);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    vfx_host_irb(f->fake.irb, 0x00c0, CTRL_START_UC_END, VFX_CCW + 8,
                 DSTAT_CE_DE_UC, 0, 0x00800000, 0, sense);
    irq_signal_and_run(f, VFIO_CCW_IO_IRQ_INDEX);
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(scsw_dstat(irb), ==, DSTAT_CE_DE_UC);
    for (int i = 32; i < 64; i++) {
        g_assert_cmphex(irb[i], ==, 0);
    }
}

static void test_irb_unsolicited(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t irb[IRB_SIZE_NO_EMW];

    /* Attention from the device on an idle subchannel: alert status. */
    vfx_plug(f, false);
    vfx_host_irb(f->fake.irb, 0, SC_ALERT_PEND, 0, 0x80, 0, 0, 0, NULL);
    irq_signal_and_run(f, VFIO_CCW_IO_IRQ_INDEX);
    g_assert_true(css_io_pending(f->css, VFX_ISC_MASK));
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(scsw_ctrl(irb), ==, SC_ALERT_PEND);
    g_assert_cmphex(scsw_dstat(irb), ==, 0x80);
}

static void test_irq_drained(VfioCcwFixture *f, gconstpointer data)
{
    vfx_plug(f, false);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    vfx_host_irb(f->fake.irb, 0x00c0, CTRL_START_END, VFX_CCW + 8,
                 DSTAT_CE_DE, 0, 0, 0, NULL);
    /* Two signals before the loop runs: one wake-up, one IRB read. */
    fake_signal(&f->fake, VFIO_CCW_IO_IRQ_INDEX);
    fake_signal(&f->fake, VFIO_CCW_IO_IRQ_INDEX);
    vfx_run();
    g_assert_cmpuint(f->fake.io_reads, ==, 1);
}

typedef struct IrbErrCase {
    const char *path;
    ssize_t read_ret;
    uint16_t ctrl;      /* SCSW control after the error */
    uint16_t cc_bits;   /* deferred cc in SCSW word 0 */
    uint8_t cstat;
} IrbErrCase;

static const IrbErrCase irb_err_cases[] = {
    /* The device is gone: deferred cc 3, alert status; start stays. */
    { "/vfio-ccw/irq/read-enodev-deferred-cc3", -ENODEV,
      CTRL_START_PEND | SC_ALERT_PEND, FLAGS_DEFERRED_CC3, 0 },
    /* The IRB could not be fetched: channel checks end the start. */
    { "/vfio-ccw/irq/read-efault-channel-data-check", -EFAULT,
      0x4000 | SC_CHECK_END, 0, 0x08 },
    { "/vfio-ccw/irq/read-eio-channel-program-check", -EIO,
      0x4000 | SC_CHECK_END, 0, 0x20 },
    { "/vfio-ccw/irq/short-read-channel-control-check", 60,
      0x4000 | SC_CHECK_END, 0, 0x04 },
};

static void test_irb_error(VfioCcwFixture *f, gconstpointer data)
{
    const IrbErrCase *c = data;
    uint8_t irb[IRB_SIZE_NO_EMW];

    vfx_plug(f, false);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    vfx_host_irb(f->fake.irb, 0x00c0, CTRL_START_END, VFX_CCW + 8,
                 DSTAT_CE_DE, 0, 0, 0, NULL);
    f->fake.io_read_ret = c->read_ret;
    irq_signal_and_run(f, VFIO_CCW_IO_IRQ_INDEX);
    g_assert_true(css_io_pending(f->css, VFX_ISC_MASK));
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(scsw_ctrl(irb), ==, c->ctrl);
    g_assert_cmphex(scsw_flags(irb) & FLAGS_DEFERRED_CC3, ==, c->cc_bits);
    g_assert_cmphex(scsw_cstat(irb), ==, c->cstat);
    /* Nothing of the unread IRB leaked in. */
    g_assert_cmphex(scsw_dstat(irb), ==, 0);
    g_assert_cmpint(vfx_tsch(f, irb), ==, 1);
}

/* ------------------------------------------------------------------------
 * STSCH: the host SCHIB
 * ------------------------------------------------------------------------ */

static void test_store_refresh(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t *h = f->fake.schib;
    uint8_t s[SCHIB_SIZE];
    unsigned reads;

    vfx_plug(f, false);
    /* The host lost a path: PNOM 0x40, LPUM 0x80, PAM 0x80, POM 0xbf. */
    h[9] = 0x40;
    h[10] = 0x80;
    h[14] = 0xbf;
    h[15] = 0x80;
    h[11] = 0xff;               /* a PIM the guest must not take */
    stw_be_p(h + 28, 0x0001);   /* SCSW N: path not operational */
    reads = f->fake.schib_reads;
    g_assert_cmpint(vfx_stsch(f, s), ==, 0);
    g_assert_cmpuint(f->fake.schib_reads, ==, reads + 1);
    g_assert_cmphex(s[9], ==, 0x40);
    g_assert_cmphex(s[10], ==, 0x80);
    g_assert_cmphex(s[14], ==, 0xbf);
    g_assert_cmphex(s[15], ==, 0x80);
    g_assert_cmphex(lduw_be_p(s + 28) & 0x0001, ==, 0x0001);
    /* Only those: PIM, the guest's devno, intparm and ISC stay. */
    g_assert_cmphex(s[11], ==, 0xc0);
    g_assert_cmphex(lduw_be_p(s + 6), ==, 0x0313);
    g_assert_cmphex(ldl_be_p(s), ==, 0);
    g_assert_cmphex(lduw_be_p(s + 4), ==, 0x0080 | (VFX_ISC << 11) | 1);
    g_assert_cmphex(s[16], ==, 0x40);
    g_assert_cmphex(s[17], ==, 0x41);
}

typedef struct StoreErrCase {
    const char *path;
    ssize_t read_ret;
    bool has_region;
} StoreErrCase;

static const StoreErrCase store_err_cases[] = {
    { "/vfio-ccw/store/read-error-keeps-masks", -EIO, true },
    { "/vfio-ccw/store/short-read-keeps-masks", 20, true },
    { "/vfio-ccw/store/no-schib-region-keeps-masks", FAKE_OK, false },
};

static void test_store_error(VfioCcwFixture *f, gconstpointer data)
{
    const StoreErrCase *c = data;
    uint8_t s[SCHIB_SIZE];
    unsigned reads;

    if (!c->has_region) {
        fake_drop_region(&f->fake, FAKE_SCHIB);
    }
    vfx_plug(f, false);
    f->fake.schib[15] = 0x01;
    f->fake.schib[14] = 0x01;
    f->fake.schib_read_ret = c->read_ret;
    reads = f->fake.schib_reads;
    /* STSCH has no condition code for it: cc 0, the masks as before. */
    g_assert_cmpint(vfx_stsch(f, s), ==, 0);
    g_assert_cmpuint(f->fake.schib_reads, ==, reads + c->has_region);
    g_assert_cmphex(s[11], ==, 0xc0);
    g_assert_cmphex(s[14], ==, 0xff);
    g_assert_cmphex(s[15], ==, 0xc0);
}

/* ------------------------------------------------------------------------
 * CRW interrupt: host channel reports
 * ------------------------------------------------------------------------ */

static void test_crws_forwarded(VfioCcwFixture *f, gconstpointer data)
{
    uint32_t crw;

    /*
     * Channel path 0x40 initialized, chained (C) and ancillary (A):
     * 0x1482_0040; then path 0x41 installed parameters modified.
     */
    f->fake.crws[0] = 0x14820040;
    f->fake.crws[1] = 0x04080041;
    f->fake.n_crws = 2;
    vfx_plug(f, false);
    g_assert_false(css_crw_pending(f->css));
    irq_signal_and_run(f, VFIO_CCW_CRW_IRQ_INDEX);
    /* Read until the region says zero. */
    g_assert_cmpuint(f->fake.crw_reads, ==, 3);
    g_assert_true(css_crw_pending(f->css));
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 0);
    g_assert_cmphex(crw, ==, 0x14820040);
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 0);
    g_assert_cmphex(crw, ==, 0x04080041);
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 1);
    g_assert_cmphex(crw, ==, 0);
}

static void test_crw_read_error(VfioCcwFixture *f, gconstpointer data)
{
    f->fake.crws[0] = 0x04020040;
    f->fake.n_crws = 1;
    f->fake.crw_read_ret = -EIO;
    vfx_plug(f, false);
    irq_signal_and_run(f, VFIO_CCW_CRW_IRQ_INDEX);
    g_assert_cmpuint(f->fake.crw_reads, ==, 1);
    g_assert_false(css_crw_pending(f->css));
}

static void test_crw_endless(VfioCcwFixture *f, gconstpointer data)
{
    uint32_t crw;
    unsigned stored = 0;

    /* A broken mdev that never runs dry must not hang the machine. */
    f->fake.crws[0] = 0x04020040;
    f->fake.crw_endless = true;
    vfx_plug(f, false);
    irq_signal_and_run(f, VFIO_CCW_CRW_IRQ_INDEX);
    g_assert_cmpuint(f->fake.crw_reads, >, 1);
    g_assert_cmpuint(f->fake.crw_reads, <=, 4096);
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 0);
    g_assert_cmphex(crw, ==, 0x04020040);
    while (vfx_stcrw(f, &crw) == 0) {
        g_assert_cmpuint(++stored, <=, 4096);
    }
}

static void test_no_crw_region(VfioCcwFixture *f, gconstpointer data)
{
    fake_drop_region(&f->fake, FAKE_CRW);
    vfx_plug(f, false);
    /* Nothing to read reports from: the CRW IRQ is not taken. */
    g_assert_cmpuint(f->fake.irqs[VFIO_CCW_CRW_IRQ_INDEX].sets, ==, 0);
    g_assert_cmpuint(f->fake.irqs[VFIO_CCW_IO_IRQ_INDEX].sets, ==, 1);
}

/* ------------------------------------------------------------------------
 * REQ interrupt: the host wants the device back
 * ------------------------------------------------------------------------ */

static void test_req_unplugs(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t s[SCHIB_SIZE];
    uint32_t crw;

    vfx_plug(f, false);
    g_assert_false(css_crw_pending(f->css));
    /* As with -device: only the bus holds the device. */
    g_object_add_weak_pointer(G_OBJECT(f->dev), (gpointer *)&f->dev);
    g_object_unref(f->dev);
    g_assert_nonnull(f->dev);

    irq_signal_and_run(f, VFIO_CCW_REQ_IRQ_INDEX);
    /* Unplugged and gone; the mdev and every eventfd handed back. */
    g_assert_null(f->dev);
    g_assert_cmpuint(f->fake.detaches, ==, 1);
    for (unsigned i = 0; i < FAKE_NUM_IRQS; i++) {
        g_assert_cmpuint(f->fake.irqs[i].unsets, ==, 1);
        g_assert_cmpint(fcntl(f->fake.irqs[i].last_fd, F_GETFD), ==, -1);
    }
    /* The guest sees it: no more subchannels, and a channel report. */
    g_assert_cmpint(vfx_stsch(f, s), ==, 3);
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 0);
    /* Subchannel (RSC 3), installed parameters initialized (ERC 4). */
    g_assert_cmphex(crw, ==, 0x03040000);
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 1);
}

/* Run the loop until the REQ handler has scheduled the unplug. */
static void run_until_unplug_scheduled(VfioCcwFixture *f)
{
    VFIOCCWDevice *vc = vfx_vcdev(f);

    for (int i = 0; i < 10 && !vc->unplug_idle; i++) {
        g_main_context_iteration(NULL, FALSE);
    }
    g_assert_cmpuint(vc->unplug_idle, !=, 0);
}

static void test_req_then_unrealize(VfioCcwFixture *f, gconstpointer data)
{
    vfx_plug(f, false);
    fake_signal(&f->fake, VFIO_CCW_REQ_IRQ_INDEX);
    run_until_unplug_scheduled(f);
    /*
     * device_del got there first and the device is freed: the scheduled
     * unplug must not run on it (ASan sees it if it does).
     */
    g_object_add_weak_pointer(G_OBJECT(f->dev), (gpointer *)&f->dev);
    g_object_unref(f->dev);
    ccw_device_unplug(CCW_DEVICE(f->dev));
    g_assert_null(f->dev);
    g_assert_cmpuint(f->fake.detaches, ==, 1);
    vfx_run();
    g_assert_cmpuint(f->fake.detaches, ==, 1);
}

static void test_req_twice(VfioCcwFixture *f, gconstpointer data)
{
    uint32_t crw;

    vfx_plug(f, false);
    fake_signal(&f->fake, VFIO_CCW_REQ_IRQ_INDEX);
    run_until_unplug_scheduled(f);
    fake_signal(&f->fake, VFIO_CCW_REQ_IRQ_INDEX);
    vfx_run();
    g_assert_false(DEVICE(f->dev)->realized);
    g_assert_cmpuint(f->fake.detaches, ==, 1);
    /* One unplug, one report. */
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 0);
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 1);
}

void vfio_ccw_event_tests(void)
{
    VFX_TEST("/vfio-ccw/irq/irb-merged-and-interruption", NULL,
             test_irb_merged);
    VFX_TEST("/vfio-ccw/irq/unit-check-sense-into-ecw", NULL,
             test_irb_sense);
    VFX_TEST("/vfio-ccw/irq/unit-check-without-concurrent-sense-no-ecw",
             NULL, test_irb_no_csense);
    VFX_TEST("/vfio-ccw/irq/unsolicited-status-on-idle-subchannel", NULL,
             test_irb_unsolicited);
    VFX_TEST("/vfio-ccw/irq/eventfd-drained-one-read-per-wakeup", NULL,
             test_irq_drained);
    for (size_t i = 0; i < G_N_ELEMENTS(irb_err_cases); i++) {
        VFX_TEST(irb_err_cases[i].path, &irb_err_cases[i], test_irb_error);
    }
    VFX_TEST("/vfio-ccw/store/schib-region-refreshes-masks", NULL,
             test_store_refresh);
    for (size_t i = 0; i < G_N_ELEMENTS(store_err_cases); i++) {
        VFX_TEST(store_err_cases[i].path, &store_err_cases[i],
                 test_store_error);
    }
    VFX_TEST("/vfio-ccw/crw/host-crws-forwarded", NULL, test_crws_forwarded);
    VFX_TEST("/vfio-ccw/crw/read-error-queues-nothing", NULL,
             test_crw_read_error);
    VFX_TEST("/vfio-ccw/crw/endless-reports-bounded", NULL,
             test_crw_endless);
    VFX_TEST("/vfio-ccw/crw/no-crw-region-no-crw-irq", NULL,
             test_no_crw_region);
    VFX_TEST("/vfio-ccw/req/unplugs-device", NULL, test_req_unplugs);
    VFX_TEST("/vfio-ccw/req/unrealize-before-unplug-runs", NULL,
             test_req_then_unrealize);
    VFX_TEST("/vfio-ccw/req/second-request-one-unplug", NULL,
             test_req_twice);
}
