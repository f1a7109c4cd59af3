/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-ccw-realize.c: bringing a vfio-ccw device up and down
 * (facts §3.11, §4.1): the I/O region and IO IRQ are required, the async,
 * SCHIB and CRW regions and the CRW/REQ IRQs optional; a failure is one
 * line and undoes everything; unrealize hands every eventfd and the mdev
 * back.  Also the transport failing for good (cc 3, deferred cc 3 for a
 * program in flight, a channel report) and system reset.
 */
#include "qemu/osdep.h"

#include "test-vfio-ccw.h"

/*
 * The realize failed, said so in one line naming the mdev and @what, and
 * left nothing behind.  Returns: the message (free it).
 */
static char *assert_realize_fails(VfioCcwFixture *f, const char *what)
{
    g_autoptr(GError) err = NULL;
    uint8_t s[SCHIB_SIZE];

    g_assert_false(vfx_realize(f, &err));
    g_assert_nonnull(err);
    g_test_message("realize: %s", err->message);
    g_assert_null(strchr(err->message, '\n'));
    g_assert_nonnull(strstr(err->message, "fake-mdev"));
    g_assert_nonnull(strstr(err->message, what));
    g_assert_false(DEVICE(f->dev)->realized);
    g_assert_false(f->fake.attached);
    g_assert_cmpuint(f->fake.detaches, ==, f->fake.attaches);
    for (unsigned i = 0; i < FAKE_NUM_IRQS; i++) {
        g_assert_cmpint(f->fake.irqs[i].fd, ==, -1);
        if (f->fake.irqs[i].last_fd >= 0) {
            g_assert_cmpint(fcntl(f->fake.irqs[i].last_fd, F_GETFD), ==, -1);
        }
    }
    /* The subchannel was given back. */
    g_assert_cmpint(vfx_stsch(f, s), ==, 3);
    g_assert_false(css_crw_pending(f->css));
    return g_strdup(err->message);
}

static void test_full_device(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t s[SCHIB_SIZE];
    int fds[FAKE_NUM_IRQS];

    vfx_plug(f, false);
    g_assert_cmpuint(f->fake.attaches, ==, 1);
    for (unsigned i = 0; i < FAKE_NUM_IRQS; i++) {
        g_assert_cmpuint(f->fake.irqs[i].sets, ==, 1);
        fds[i] = f->fake.irqs[i].fd;
        g_assert_cmpint(fds[i], >=, 0);
    }
    g_assert_cmpint(fds[0], !=, fds[1]);
    g_assert_cmpint(fds[1], !=, fds[2]);
    /* Cold plug: no channel report. */
    g_assert_false(css_crw_pending(f->css));
    /* The guest SCHIB: its devno, the host's paths (PoP ch. 15). */
    g_assert_cmpint(vfx_stsch(f, s), ==, 0);
    g_assert_cmphex(lduw_be_p(s + 6), ==, 0x0313);
    g_assert_cmphex(lduw_be_p(s + 4) & 0x0001, ==, 0x0001);
    g_assert_cmphex(s[11], ==, 0xc0);
    g_assert_cmphex(s[16], ==, 0x40);
    g_assert_cmphex(s[17], ==, 0x41);
    g_assert_cmphex(s[18], ==, 0);
}

static void test_unrealize_releases(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t s[SCHIB_SIZE];

    vfx_plug(f, false);
    qdev_unrealize(DEVICE(f->dev));
    g_assert_cmpuint(f->fake.detaches, ==, 1);
    for (unsigned i = 0; i < FAKE_NUM_IRQS; i++) {
        g_assert_cmpuint(f->fake.irqs[i].unsets, ==, 1);
        g_assert_cmpint(fcntl(f->fake.irqs[i].last_fd, F_GETFD), ==, -1);
    }
    g_assert_cmpint(vfx_stsch(f, s), ==, 3);
}

static void test_missing_io_region(VfioCcwFixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *msg = NULL;

    f->fake.num_regions = 0;
    msg = assert_realize_fails(f, "I/O region");
    g_assert_cmpuint(f->fake.irqs[0].sets, ==, 0);
    /* Fixed up, the same device realizes: nothing was left half-done. */
    f->fake.num_regions = 4;
    g_assert_true(vfx_realize(f, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(f->fake.irqs[0].sets, ==, 1);
}

static void test_io_region_info_fails(VfioCcwFixture *f, gconstpointer data)
{
    g_autofree char *msg = NULL;

    f->fake.region_info_err[FAKE_IO] = -EIO;
    msg = assert_realize_fails(f, g_strerror(EIO));
}

static void test_optional_region_info_fails(VfioCcwFixture *f,
                                            gconstpointer data)
{
    g_autofree char *msg = NULL;

    /* The device claims region 2 and cannot describe it. */
    f->fake.region_info_err[FAKE_SCHIB] = -EIO;
    msg = assert_realize_fails(f, "region 2");
}

typedef struct SizeCase {
    const char *path;
    uint32_t index;
    uint64_t size;
    const char *what;
} SizeCase;

/* Each region must be exactly its struct: 124, 8, 52, 8 bytes. */
static const SizeCase size_cases[] = {
    { "/vfio-ccw/realize/wrong-io-size", FAKE_IO, 123, "124" },
    { "/vfio-ccw/realize/wrong-io-size-larger", FAKE_IO, 128, "124" },
    { "/vfio-ccw/realize/wrong-async-size", FAKE_ASYNC, 16, "async" },
    { "/vfio-ccw/realize/wrong-schib-size", FAKE_SCHIB, 56, "SCHIB" },
    { "/vfio-ccw/realize/wrong-crw-size", FAKE_CRW, 4, "CRW" },
};

static void test_wrong_size(VfioCcwFixture *f, gconstpointer data)
{
    const SizeCase *c = data;
    g_autofree char *size = g_strdup_printf(" %" PRIu64 " ", c->size);
    g_autofree char *msg = NULL;

    f->fake.regions[c->index].size = c->size;
    msg = assert_realize_fails(f, c->what);
    /* The size found is named too. */
    g_assert_nonnull(strstr(msg, size));
}

typedef struct IoIrqCase {
    const char *path;
    uint32_t num_irqs;
    uint32_t count;
    uint32_t flags;
    int info_err;
    int set_err;
    const char *what;
} IoIrqCase;

static const IoIrqCase io_irq_cases[] = {
    { "/vfio-ccw/realize/missing-io-irq", 0, 1, VFIO_IRQ_INFO_EVENTFD, 0, 0,
      "I/O interrupt" },
    { "/vfio-ccw/realize/io-irq-count-zero", 3, 0, VFIO_IRQ_INFO_EVENTFD, 0,
      0, "count 0" },
    { "/vfio-ccw/realize/io-irq-without-eventfd", 3, 1, 0, 0, 0,
      "eventfd" },
    { "/vfio-ccw/realize/io-irq-info-fails", 3, 1, VFIO_IRQ_INFO_EVENTFD,
      -EIO, 0, "I/O interrupt" },
    { "/vfio-ccw/realize/io-irq-register-fails", 3, 1,
      VFIO_IRQ_INFO_EVENTFD, 0, -EBUSY, "I/O interrupt" },
};

static void test_io_irq(VfioCcwFixture *f, gconstpointer data)
{
    const IoIrqCase *c = data;

    f->fake.num_irqs = c->num_irqs;
    f->fake.irqs[0].count = c->count;
    f->fake.irqs[0].flags = c->flags;
    f->fake.irqs[0].info_err = c->info_err;
    f->fake.irqs[0].set_err = c->set_err;
    g_free(assert_realize_fails(f, c->what));
}

static void test_crw_irq_register_fails(VfioCcwFixture *f,
                                        gconstpointer data)
{
    f->fake.irqs[VFIO_CCW_CRW_IRQ_INDEX].set_err = -EBUSY;
    g_free(assert_realize_fails(f, "CRW interrupt"));
    /* The IO interrupt it had registered is given back. */
    g_assert_cmpuint(f->fake.irqs[0].sets, ==, 1);
    g_assert_cmpuint(f->fake.irqs[0].unsets, ==, 1);
}

static void test_crw_region_without_irq(VfioCcwFixture *f,
                                        gconstpointer data)
{
    g_autoptr(GError) err = NULL;

    /*
     * Facts §3.11: with a CRW region the CRW IRQ is registered and its
     * failure is fatal (QEMU: "IRQ 1 not available").  A device with the
     * region but no IRQ cannot deliver its channel reports.
     */
    f->fake.num_irqs = 1;
    g_assert_false(vfx_realize(f, &err));
    g_assert_nonnull(strstr(err->message, "CRW"));
    g_assert_null(strchr(err->message, '\n'));
}

static void test_optional_missing(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t s[SCHIB_SIZE];

    /* An old kernel: the I/O region and the IO IRQ only. */
    f->fake.num_regions = 1;
    f->fake.num_irqs = 1;
    vfx_plug(f, false);
    g_assert_cmpuint(f->fake.irqs[0].sets, ==, 1);
    g_assert_cmpint(vfx_stsch(f, s), ==, 0);
    g_assert_cmpuint(f->fake.schib_reads, ==, 0);
    /* Halt is emulated, not sent. */
    g_assert_cmpint(vfx_insn(f, "hsch", 0), ==, 0);
    g_assert_cmpuint(f->fake.async_writes, ==, 0);
    g_assert_true(css_io_pending(f->css, VFX_ISC_MASK));
}

static void test_unknown_regions_ignored(VfioCcwFixture *f,
                                         gconstpointer data)
{
    /* An untyped region and a CCW subtype from the future: not used. */
    f->fake.num_regions = 6;
    fake_drop_region(&f->fake, 4);
    f->fake.regions[5] = f->fake.regions[FAKE_CRW];
    f->fake.regions[5].index = 5;
    f->fake.regions[5].subtype = 42;
    f->fake.regions[5].size = 4096;
    vfx_plug(f, false);
    g_assert_cmpint(vfx_insn(f, "hsch", 0), ==, 0);
    g_assert_cmpuint(f->fake.async_writes, ==, 1);
}

static void test_req_missing_warns(VfioCcwFixture *f, gconstpointer data)
{
    char *path = NULL;
    int saved;
    g_autofree char *text = NULL;

    /* IO and CRW only (an older kernel): the device still works. */
    f->fake.num_irqs = 2;
    saved = vfx_capture_begin(&path);
    vfx_plug(f, false);
    text = vfx_capture_end(saved, path);
    g_assert_true(DEVICE(f->dev)->realized);
    g_assert_cmpuint(f->fake.irqs[VFIO_CCW_CRW_IRQ_INDEX].sets, ==, 1);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    /* Facts §3.11: a missing request IRQ is warned about, not fatal. */
    g_assert_nonnull(strstr(text, "warning"));
    g_assert_nonnull(strstr(text, "fake-mdev"));
}

static void test_req_register_fails(VfioCcwFixture *f, gconstpointer data)
{
    char *path = NULL;
    int saved;
    g_autofree char *text = NULL;

    f->fake.irqs[VFIO_CCW_REQ_IRQ_INDEX].set_err = -EBUSY;
    saved = vfx_capture_begin(&path);
    vfx_plug(f, false);
    text = vfx_capture_end(saved, path);
    g_assert_cmpuint(f->fake.irqs[VFIO_CCW_REQ_IRQ_INDEX].sets, ==, 0);
    g_assert_nonnull(strstr(text, "warning: vfio-ccw: fake-mdev"));
    g_assert_nonnull(strstr(text, "request"));
    /* One line. */
    g_assert_true(g_str_has_suffix(text, "\n"));
    g_assert_true(strchr(text, '\n') == text + strlen(text) - 1);
    /* The device works without it. */
    g_assert_cmpint(vfx_ssch(f), ==, 0);
}

static void test_attach_fails(VfioCcwFixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    uint8_t s[SCHIB_SIZE];

    f->fake.attach_fails = true;
    g_assert_false(vfx_realize(f, &err));
    g_assert_cmpstr(err->message, ==, "fake-mdev: attach refused");
    /* Nothing was attached, so nothing is detached. */
    g_assert_cmpuint(f->fake.detaches, ==, 0);
    g_assert_cmpint(vfx_stsch(f, s), ==, 3);
}

/* ------------------------------------------------------------------------
 * The transport fails for good
 * ------------------------------------------------------------------------ */

/* Subchannel CRW (RSC 3), permanent error not initialized (ERC 6). */
#define CRW_SCH_PERRN 0x03060000u

static void test_failed_cc3_and_crw(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t s[SCHIB_SIZE];
    uint32_t crw;
    unsigned schib_reads;

    vfx_plug(f, false);
    vfio_ccw_transport_failed(vfx_vcdev(f));
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 0);
    g_assert_cmphex(crw, ==, CRW_SCH_PERRN);
    /* Not operational: nothing reaches the dead transport. */
    g_assert_cmpint(vfx_ssch(f), ==, 3);
    g_assert_cmpint(vfx_insn(f, "hsch", 0), ==, 3);
    g_assert_cmpint(vfx_insn(f, "csch", 0), ==, 3);
    g_assert_cmpuint(f->fake.io_writes, ==, 0);
    g_assert_cmpuint(f->fake.async_writes, ==, 0);
    schib_reads = f->fake.schib_reads;
    g_assert_cmpint(vfx_stsch(f, s), ==, 0);
    g_assert_cmpuint(f->fake.schib_reads, ==, schib_reads);
    /* A late IRQ is not read either. */
    fake_signal(&f->fake, VFIO_CCW_IO_IRQ_INDEX);
    fake_signal(&f->fake, VFIO_CCW_CRW_IRQ_INDEX);
    vfx_run();
    g_assert_cmpuint(f->fake.io_reads, ==, 0);
    g_assert_cmpuint(f->fake.crw_reads, ==, 0);
    g_assert_false(css_io_pending(f->css, 0xff));
    /* Idempotent: one report. */
    vfio_ccw_transport_failed(vfx_vcdev(f));
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 1);
    /* Unrealize does not talk to it, but still releases it. */
    qdev_unrealize(DEVICE(f->dev));
    g_assert_cmpuint(f->fake.detaches, ==, 1);
    for (unsigned i = 0; i < FAKE_NUM_IRQS; i++) {
        g_assert_cmpuint(f->fake.irqs[i].unsets, ==, 0);
        g_assert_cmpint(fcntl(f->fake.irqs[i].last_fd, F_GETFD), ==, -1);
    }
}

static void test_failed_in_flight(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t irb[IRB_SIZE_NO_EMW];
    uint32_t crw;

    vfx_plug(f, false);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    vfio_ccw_transport_failed(vfx_vcdev(f));
    /* The program in flight ends with deferred cc 3, alert status. */
    g_assert_true(css_io_pending(f->css, VFX_ISC_MASK));
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(scsw_flags(irb) & 0x0300, ==, 0x0300);
    g_assert_cmphex(scsw_ctrl(irb) & 0x001f, ==, 0x0011);
    g_assert_cmphex(scsw_ctrl(irb) & 0x4000, ==, 0x4000);
    g_assert_cmpint(vfx_stcrw(f, &crw), ==, 0);
    g_assert_cmphex(crw, ==, CRW_SCH_PERRN);
}

static void test_failed_status_kept(VfioCcwFixture *f, gconstpointer data)
{
    static const ssize_t eio[] = { -EIO };
    uint8_t irb[IRB_SIZE_NO_EMW];

    vfx_plug(f, false);
    fake_seq_set(&f->fake.io_write, 1, eio);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    /* Status is already pending: it is not overwritten. */
    vfio_ccw_transport_failed(vfx_vcdev(f));
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(scsw_flags(irb) & 0x0300, ==, 0);
    g_assert_cmphex(scsw_ctrl(irb), ==, 0x4417);
    g_assert_cmphex(scsw_dstat(irb), ==, 0x01);
}

static void test_failed_crw_chained(VfioCcwFixture *f, gconstpointer data)
{
    uint32_t crw[2];

    /*
     * With MSS enabled a subchannel report names the set in a chained
     * second CRW (facts §3.12, as for unplug): rsid cssid << 8 | ssid << 4.
     */
    vfx_plug(f, false);
    css_enable_mss(f->css);
    vfio_ccw_transport_failed(vfx_vcdev(f));
    g_assert_cmpint(vfx_stcrw(f, &crw[0]), ==, 0);
    g_assert_cmphex(crw[0], ==, CRW_SCH_PERRN | 0x10000000);
    g_assert_cmpint(vfx_stcrw(f, &crw[1]), ==, 0);
    g_assert_cmphex(crw[1] & 0x0f00ffff, ==, 0x03000000);
}

/* ------------------------------------------------------------------------
 * System reset
 * ------------------------------------------------------------------------ */

static void test_reset_forwarded(VfioCcwFixture *f, gconstpointer data)
{
    vfx_plug(f, false);
    qemu_system_reset(f->ms);
    g_assert_cmpuint(f->fake.resets, ==, 1);
}

static void test_reset_broken(VfioCcwFixture *f, gconstpointer data)
{
    vfx_plug(f, false);
    vfio_ccw_transport_failed(vfx_vcdev(f));
    qemu_system_reset(f->ms);
    g_assert_cmpuint(f->fake.resets, ==, 0);
}

void vfio_ccw_realize_tests(void)
{
    VFX_TEST("/vfio-ccw/realize/full-device-three-irqs", NULL,
             test_full_device);
    VFX_TEST("/vfio-ccw/realize/unrealize-releases-irqs-and-mdev", NULL,
             test_unrealize_releases);
    VFX_TEST("/vfio-ccw/realize/missing-io-region-fails-one-line", NULL,
             test_missing_io_region);
    VFX_TEST("/vfio-ccw/realize/io-region-info-fails", NULL,
             test_io_region_info_fails);
    VFX_TEST("/vfio-ccw/realize/optional-region-info-fails", NULL,
             test_optional_region_info_fails);
    for (size_t i = 0; i < G_N_ELEMENTS(size_cases); i++) {
        VFX_TEST(size_cases[i].path, &size_cases[i], test_wrong_size);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(io_irq_cases); i++) {
        VFX_TEST(io_irq_cases[i].path, &io_irq_cases[i], test_io_irq);
    }
    VFX_TEST("/vfio-ccw/realize/crw-irq-register-fails-unwinds", NULL,
             test_crw_irq_register_fails);
    VFX_TEST("/vfio-ccw/realize/crw-region-without-crw-irq-fails", NULL,
             test_crw_region_without_irq);
    VFX_TEST("/vfio-ccw/realize/optional-regions-missing-ok", NULL,
             test_optional_missing);
    VFX_TEST("/vfio-ccw/realize/unknown-regions-ignored", NULL,
             test_unknown_regions_ignored);
    VFX_TEST("/vfio-ccw/realize/missing-req-irq-warns-only", NULL,
             test_req_missing_warns);
    VFX_TEST("/vfio-ccw/realize/req-irq-register-fails-warns-only", NULL,
             test_req_register_fails);
    VFX_TEST("/vfio-ccw/realize/attach-transport-fails", NULL,
             test_attach_fails);
    VFX_TEST("/vfio-ccw/transport-failed/cc3-and-crw", NULL,
             test_failed_cc3_and_crw);
    VFX_TEST("/vfio-ccw/transport-failed/program-in-flight-deferred-cc3",
             NULL, test_failed_in_flight);
    VFX_TEST("/vfio-ccw/transport-failed/pending-status-kept", NULL,
             test_failed_status_kept);
    VFX_TEST("/vfio-ccw/transport-failed/crw-chained-with-mss", NULL,
             test_failed_crw_chained);
    VFX_TEST("/vfio-ccw/reset/forwarded-to-mdev", NULL, test_reset_forwarded);
    VFX_TEST("/vfio-ccw/reset/not-forwarded-when-broken", NULL,
             test_reset_broken);
}
