/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-css-passthrough.c: the contract between the channel subsystem and
 * a passthrough device (vfio-ccw, facts §3.6-3.9): start, halt and clear
 * requests and the mapping of their errno results, the STSCH refresh,
 * the host IRB merge and its error variants, and the SCHIB built from
 * host data.  The device here is a test double that records what it was
 * asked and answers what the test says.
 */
#include "qemu/osdep.h"

#include "test-css-fixture.h"

typedef struct PtDev {
    int start_ret;          /* errno result of the host start */
    int halt_ret;
    int clear_ret;
    int store_ret;
    SCHIB host_schib;
    unsigned starts, halts, clears, stores;
    ORB seen_orb;
    SCSW seen_scsw;
    uint32_t seen_intparm;
} PtDev;

typedef struct PtFixture {
    CssFixture fx;
    SubchDev *pt;
    PtDev dev;
} PtFixture;

static IOInstEnding pt_request(SubchDev *sch)
{
    PtDev *d = sch->driver_data;

    d->starts++;
    d->seen_orb = sch->orb;
    d->seen_scsw = sch->curr_status.scsw;
    d->seen_intparm = sch->curr_status.pmcw.intparm;
    return css_sch_map_start_errno(sch, d->start_ret);
}

static int pt_halt(SubchDev *sch)
{
    PtDev *d = sch->driver_data;

    d->halts++;
    d->seen_scsw = sch->curr_status.scsw;
    return d->halt_ret;
}

static int pt_clear(SubchDev *sch)
{
    PtDev *d = sch->driver_data;

    d->clears++;
    d->seen_scsw = sch->curr_status.scsw;
    return d->clear_ret;
}

static int pt_store(SubchDev *sch, SCHIB *host)
{
    PtDev *d = sch->driver_data;

    d->stores++;
    *host = d->host_schib;
    return d->store_ret;
}

static const SubchDevOps pt_ops = {
    .handle_request = pt_request,
    .handle_halt = pt_halt,
    .handle_clear = pt_clear,
    .handle_store = pt_store,
};

static const uint8_t host_chpids[8] = { 0x40, 0x41, 0, 0, 0, 0, 0, 0 };
static const uint8_t host_types[8] = { 0x1d, 0x1d, 0, 0, 0, 0, 0, 0 };

static void pt_setup(PtFixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;

    fx_setup(&f->fx, data);
    memset(&f->dev, 0, sizeof(f->dev));
    /* What a STSCH on the host would show. */
    f->dev.host_schib.pmcw.pim = 0xc0;
    f->dev.host_schib.pmcw.pam = 0xc0;
    f->dev.host_schib.pmcw.pom = 0xff;
    f->pt = css_create_sch(f->fx.css, "fe.0.0313", false, false, "vfio0",
                           &err);
    g_assert_no_error(err);
    css_sch_build_schib(f->pt, 0xc0, 0xc0, 0xff, host_chpids, host_types);
    f->pt->ops = &pt_ops;
    f->pt->driver_data = &f->dev;
    fx_enable(&f->fx, f->pt, 3, 0);
}

static void pt_teardown(PtFixture *f, gconstpointer data)
{
    css_destroy_sch(f->pt);
    fx_teardown(&f->fx, data);
}

#define PT_TEST(path, fn) \
    g_test_add(path, PtFixture, NULL, pt_setup, fn, pt_teardown)

static IOInstResult pt_ssch(PtFixture *f, uint8_t lpm)
{
    ORB orb = fx_orb(FX_CCW, 0x0badcafe);

    orb.lpm = lpm;
    return fx_ssch(&f->fx, f->pt, &orb);
}

/* An IRB as the host puts it into the I/O region. */
static void host_irb(uint8_t *be, uint16_t ctrl, uint8_t dstat,
                     uint32_t cpa, uint8_t sense0)
{
    IRB irb = {
        .scsw = { .flags = SCSW_FLAGS_MASK_FMT | SCSW_FLAGS_MASK_PFCH,
                  .ctrl = ctrl, .cpa = cpa, .dstat = dstat },
        .esw = { .sublog = 0x00400000, .erw = 0x01200000,
                 .faddr = { 0, 0x1000 }, .saddr = 0x2000 },
    };

    irb.ecw[0] = sense0;
    irb.ecw[31] = 0x77;
    copy_irb_to_guest(be, &irb);
}

/* ------------------------------------------------------------------------
 * SCHIB from the host
 * ------------------------------------------------------------------------ */

static void test_build_schib(PtFixture *f, gconstpointer data)
{
    const PMCW *p = &f->pt->curr_status.pmcw;

    g_assert_cmphex(p->devno, ==, 0x0313);
    g_assert_true(p->flags & PMCW_FLAGS_MASK_DNV);
    g_assert_cmphex(p->pim, ==, 0xc0);
    g_assert_cmphex(p->pam, ==, 0xc0);
    g_assert_cmphex(p->pom, ==, 0xff);
    g_assert_cmphex(p->chpid[0], ==, 0x40);
    g_assert_cmphex(p->chpid[1], ==, 0x41);
    g_assert_true(css_chpid_in_use(f->fx.css, 0xfe, 0x40));
    g_assert_true(css_chpid_in_use(f->fx.css, 0xfe, 0x41));
    /* Host paths are not virtual: RCHP leaves them to the host. */
    assert_cc(fx_insn(&f->fx, "rchp", 0x40, 0), 3);
}

/* ------------------------------------------------------------------------
 * Start
 * ------------------------------------------------------------------------ */

static void test_start_request(PtFixture *f, gconstpointer data)
{
    assert_cc(pt_ssch(f, 0xc0), 0);
    g_assert_cmpuint(f->dev.starts, ==, 1);
    g_assert_cmphex(f->dev.seen_orb.cpa, ==, FX_CCW);
    g_assert_cmphex(f->dev.seen_orb.lpm, ==, 0xc0);
    g_assert_cmphex(f->dev.seen_intparm, ==, 0x0badcafe);
    g_assert_cmphex(f->dev.seen_scsw.ctrl, ==,
                    SCSW_FCTL_START_FUNC | SCSW_ACTL_START_PEND);
    /* Start pending until the host's IRB arrives; no interruption yet. */
    g_assert_cmphex(f->pt->curr_status.scsw.ctrl, ==,
                    SCSW_FCTL_START_FUNC | SCSW_ACTL_START_PEND);
    g_assert_false(css_io_pending(f->fx.css, 0xff));
    assert_cc(pt_ssch(f, 0xc0), 2);
}

static void test_start_no_lpm_check(PtFixture *f, gconstpointer data)
{
    /* The host picks the paths (LPM 0: its own); no deferred cc 3. */
    assert_cc(pt_ssch(f, 0), 0);
    g_assert_cmpuint(f->dev.starts, ==, 1);
}

static void test_start_without_handler(PtFixture *f, gconstpointer data)
{
    static const SubchDevOps none = { 0 };

    f->pt->ops = &none;
    assert_cc(pt_ssch(f, 0xc0), 1);
    g_assert_cmphex(f->pt->curr_status.scsw.ctrl, ==, 0);
}

static void test_start_errno_table(PtFixture *f, gconstpointer data)
{
    static const struct {
        int err;
        int cc;
        bool unit_exception;
    } rows[] = {
        { 0, 0, false },
        { -EBUSY, 2, false },
        { -ENODEV, 3, false },
        { -EACCES, 3, false },
        { -EIO, 0, true },
        { -EINVAL, 0, true },
        { -EFAULT, 0, true },
        { -EOPNOTSUPP, 0, true },
        { -ENOMEM, 0, true },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(rows); i++) {
        SCSW *s = &f->pt->curr_status.scsw;

        memset(s, 0, sizeof(*s));
        f->dev.start_ret = rows[i].err;
        assert_cc(pt_ssch(f, 0xc0), rows[i].cc);
        if (rows[i].unit_exception) {
            g_assert_cmphex(s->dstat, ==, SCSW_DSTAT_UNIT_EXCEP);
            g_assert_cmphex(s->cpa, ==, FX_CCW + 8);
            g_assert_cmphex(s->ctrl, ==,
                            SCSW_FCTL_START_FUNC | SCSW_ACTL_START_PEND |
                            SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
                            SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND);
            g_assert_true(css_io_pending(f->fx.css, 0x10));
            fx_tsch(&f->fx, f->pt, 0);
        } else if (rows[i].cc) {
            /* Refused: the SCSW is as before the SSCH. */
            g_assert_cmphex(s->ctrl, ==, 0);
            g_assert_false(css_io_pending(f->fx.css, 0xff));
        } else {
            g_assert_cmphex(s->ctrl, ==,
                            SCSW_FCTL_START_FUNC | SCSW_ACTL_START_PEND);
        }
    }
}

/* ------------------------------------------------------------------------
 * Halt and clear
 * ------------------------------------------------------------------------ */

static void test_halt_errno_table(PtFixture *f, gconstpointer data)
{
    static const struct {
        int err;
        int cc;
        uint16_t ctrl;          /* SCSW ctrl afterwards */
        uint8_t dstat;
    } rows[] = {
        /* The host halts: halt pending until its IRB. */
        { 0, 0, SCSW_FCTL_HALT_FUNC | SCSW_ACTL_HALT_PEND, 0 },
        /* No async region: emulated, status pending at once. */
        { -ENOSYS, 0, SCSW_FCTL_HALT_FUNC | SCSW_STCTL_STATUS_PEND,
          SCSW_DSTAT_DEVICE_END },
        { -EBUSY, 2, 0, 0 },
        { -ENODEV, 3, 0, 0 },
        { -EACCES, 3, 0, 0 },
        { -EIO, 0, SCSW_FCTL_HALT_FUNC | SCSW_ACTL_HALT_PEND |
          SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY | SCSW_STCTL_ALERT |
          SCSW_STCTL_STATUS_PEND, SCSW_DSTAT_UNIT_EXCEP },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(rows); i++) {
        SCSW *s = &f->pt->curr_status.scsw;
        bool pending = rows[i].ctrl & SCSW_STCTL_STATUS_PEND;

        memset(s, 0, sizeof(*s));
        f->dev.halt_ret = rows[i].err;
        assert_cc(fx_insn(&f->fx, "hsch", fx_sid(f->pt), 0), rows[i].cc);
        g_assert_cmphex(s->ctrl, ==, rows[i].ctrl);
        g_assert_cmphex(s->dstat, ==, rows[i].dstat);
        /* Status pending always comes with an interruption. */
        g_assert_cmpint(css_io_pending(f->fx.css, 0x10), ==, pending);
        if (pending) {
            fx_tsch(&f->fx, f->pt, 0);
        }
    }
    g_assert_cmpuint(f->dev.halts, ==, G_N_ELEMENTS(rows));
}

static void test_halt_cc2_halt_pending(PtFixture *f, gconstpointer data)
{
    assert_cc(fx_insn(&f->fx, "hsch", fx_sid(f->pt), 0), 0);
    assert_cc(fx_insn(&f->fx, "hsch", fx_sid(f->pt), 0), 2);
    g_assert_cmpuint(f->dev.halts, ==, 1);
}

static void test_clear_errno_table(PtFixture *f, gconstpointer data)
{
    static const struct {
        int err;
        int cc;
        uint16_t ctrl;
        uint8_t dstat;
    } rows[] = {
        { 0, 0, SCSW_FCTL_CLEAR_FUNC | SCSW_ACTL_CLEAR_PEND, 0 },
        { -ENOSYS, 0, SCSW_FCTL_CLEAR_FUNC | SCSW_STCTL_STATUS_PEND, 0 },
        { -ENODEV, 3, 0, 0 },
        { -EACCES, 3, 0, 0 },
        /* CSCH has no cc 2: busy is a unit exception too. */
        { -EBUSY, 0, SCSW_FCTL_CLEAR_FUNC | SCSW_ACTL_CLEAR_PEND |
          SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY | SCSW_STCTL_ALERT |
          SCSW_STCTL_STATUS_PEND, SCSW_DSTAT_UNIT_EXCEP },
        { -EIO, 0, SCSW_FCTL_CLEAR_FUNC | SCSW_ACTL_CLEAR_PEND |
          SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY | SCSW_STCTL_ALERT |
          SCSW_STCTL_STATUS_PEND, SCSW_DSTAT_UNIT_EXCEP },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(rows); i++) {
        SCSW *s = &f->pt->curr_status.scsw;
        bool pending = rows[i].ctrl & SCSW_STCTL_STATUS_PEND;

        memset(s, 0, sizeof(*s));
        f->dev.clear_ret = rows[i].err;
        assert_cc(fx_insn(&f->fx, "csch", fx_sid(f->pt), 0), rows[i].cc);
        g_assert_cmphex(s->ctrl, ==, rows[i].ctrl);
        g_assert_cmphex(s->dstat, ==, rows[i].dstat);
        g_assert_cmpint(css_io_pending(f->fx.css, 0x10), ==, pending);
        if (pending) {
            fx_tsch(&f->fx, f->pt, 0);
        }
    }
}

static void test_clear_refused_keeps_status(PtFixture *f, gconstpointer data)
{
    IRB irb;

    /* A pending status survives a CSCH the host refuses with cc 3. */
    f->pt->curr_status.scsw.ctrl = SCSW_STCTL_STATUS_PEND |
                                   SCSW_STCTL_ALERT;
    css_inject_io_interrupt(f->pt);
    f->dev.clear_ret = -ENODEV;
    assert_cc(fx_insn(&f->fx, "csch", fx_sid(f->pt), 0), 3);
    g_assert_true(css_io_pending(f->fx.css, 0x10));
    irb = fx_tsch(&f->fx, f->pt, 0);
    g_assert_cmphex(irb.scsw.ctrl, ==,
                    SCSW_STCTL_STATUS_PEND | SCSW_STCTL_ALERT);
}

static void test_xsch_local(PtFixture *f, gconstpointer data)
{
    /* CANCEL is never sent to the host: a start pending is cancelled. */
    assert_cc(pt_ssch(f, 0xc0), 0);
    assert_cc(fx_insn(&f->fx, "xsch", fx_sid(f->pt), 0), 0);
    g_assert_cmphex(f->pt->curr_status.scsw.ctrl, ==, 0);
    g_assert_cmpuint(f->dev.halts + f->dev.clears, ==, 0);
}

/* ------------------------------------------------------------------------
 * STSCH refresh
 * ------------------------------------------------------------------------ */

static void test_store_refresh(PtFixture *f, gconstpointer data)
{
    SCHIB s;

    f->dev.host_schib.pmcw.pnom = 0x40;
    f->dev.host_schib.pmcw.lpum = 0x80;
    f->dev.host_schib.pmcw.pam = 0x80;
    f->dev.host_schib.pmcw.pom = 0xbf;
    f->dev.host_schib.pmcw.intparm = 0xdeadbeef;   /* the host's own */
    f->dev.host_schib.pmcw.devno = 0x4444;
    f->dev.host_schib.scsw.flags = SCSW_FLAGS_MASK_PNO;
    f->dev.stores = 0;
    s = fx_stsch(&f->fx, fx_sid(f->pt));
    g_assert_cmpuint(f->dev.stores, ==, 1);
    g_assert_cmphex(s.pmcw.pnom, ==, 0x40);
    g_assert_cmphex(s.pmcw.lpum, ==, 0x80);
    g_assert_cmphex(s.pmcw.pam, ==, 0x80);
    g_assert_cmphex(s.pmcw.pom, ==, 0xbf);
    g_assert_true(s.scsw.flags & SCSW_FLAGS_MASK_PNO);
    /* Only those: the guest's intparm and devno stay. */
    g_assert_cmphex(s.pmcw.intparm, ==, 0);
    g_assert_cmphex(s.pmcw.devno, ==, 0x0313);
}

static void test_store_refresh_error(PtFixture *f, gconstpointer data)
{
    SCHIB s;

    f->dev.store_ret = -EIO;
    f->dev.host_schib.pmcw.pam = 0x01;
    s = fx_stsch(&f->fx, fx_sid(f->pt));
    g_assert_cmphex(s.pmcw.pam, ==, 0xc0);
}

/* ------------------------------------------------------------------------
 * Host IRB
 * ------------------------------------------------------------------------ */

static void test_irb_merge(PtFixture *f, gconstpointer data)
{
    uint8_t be[IRB_SIZE];
    IOIntCode code;
    IRB irb;

    assert_cc(pt_ssch(f, 0xc0), 0);
    host_irb(be, SCSW_FCTL_START_FUNC | SCSW_STCTL_PRIMARY |
             SCSW_STCTL_SECONDARY | SCSW_STCTL_STATUS_PEND,
             SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END, FX_CCW + 16, 0);
    css_sch_merge_host_irb(f->pt, be);
    /* The interruption carries the guest's intparm and ISC. */
    g_assert_true(css_dequeue_io_int(f->fx.css, 0x10, &code));
    g_assert_cmphex(code.intparm, ==, 0x0badcafe);
    g_assert_cmphex(code.sid, ==, fx_sid(f->pt));
    css_requeue_io_int(f->fx.css, &code);
    irb = fx_tsch(&f->fx, f->pt, 0);
    /* SCSW replaced by the host's, ESW and ECW passed on unchanged. */
    g_assert_cmphex(irb.scsw.flags, ==,
                    SCSW_FLAGS_MASK_FMT | SCSW_FLAGS_MASK_PFCH);
    g_assert_cmphex(irb.scsw.cpa, ==, FX_CCW + 16);
    g_assert_cmphex(irb.esw.sublog, ==, 0x00400000);
    g_assert_cmphex(irb.esw.erw, ==, 0x01200000);
    g_assert_cmphex(irb.esw.faddr[1], ==, 0x1000);
    g_assert_cmphex(irb.esw.saddr, ==, 0x2000);
    g_assert_cmphex(f->pt->curr_status.scsw.ctrl, ==, 0);
    g_assert_false(css_io_pending(f->fx.css, 0xff));
}

static void test_irb_merge_sense(PtFixture *f, gconstpointer data)
{
    uint8_t be[IRB_SIZE];
    SCHIB s = fx_stsch(&f->fx, fx_sid(f->pt));
    IRB irb;

    s.pmcw.chars |= PMCW_CHARS_MASK_CSENSE;
    assert_cc(fx_msch(&f->fx, fx_sid(f->pt), &s), 0);
    assert_cc(pt_ssch(f, 0xc0), 0);
    host_irb(be, SCSW_FCTL_START_FUNC | SCSW_STCTL_PRIMARY |
             SCSW_STCTL_SECONDARY | SCSW_STCTL_ALERT |
             SCSW_STCTL_STATUS_PEND,
             SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END |
             SCSW_DSTAT_UNIT_CHECK, FX_CCW + 8, 0x10);
    css_sch_merge_host_irb(f->pt, be);
    g_assert_cmphex(f->pt->sense_data[0], ==, 0x10);
    irb = fx_tsch(&f->fx, f->pt, 0);
    g_assert_cmphex(irb.ecw[0], ==, 0x10);
    g_assert_cmphex(irb.ecw[31], ==, 0x77);
}

static void test_irb_merge_no_sense(PtFixture *f, gconstpointer data)
{
    uint8_t be[IRB_SIZE];
    IRB irb;

    /*
     * Unit check, no concurrent sense on either side (host ERW bit 7
     * clear, guest PMCW S clear): the sense stays with the device.
     */
    assert_cc(pt_ssch(f, 0xc0), 0);
    host_irb(be, SCSW_FCTL_START_FUNC | SCSW_STCTL_PRIMARY |
             SCSW_STCTL_SECONDARY | SCSW_STCTL_ALERT |
             SCSW_STCTL_STATUS_PEND,
             SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END |
             SCSW_DSTAT_UNIT_CHECK, FX_CCW + 8, 0x10);
    copy_irb_from_guest(be, &irb);
    irb.esw.erw &= ~(ESW_ERW_MASK_CONS | ESW_ERW_MASK_SCNT);
    copy_irb_to_guest(be, &irb);
    css_sch_merge_host_irb(f->pt, be);
    g_assert_cmphex(f->pt->sense_data[0], ==, 0);
}

/*
 * The host presented sense with the status (ERW bit 7) although the guest
 * did not ask for concurrent sense: the guest gets it in the ECW, since
 * the device gave it up and the ERW passed on says it is there.
 */
static void test_irb_merge_host_sense(PtFixture *f, gconstpointer data)
{
    uint8_t be[IRB_SIZE];
    IRB irb;

    assert_cc(pt_ssch(f, 0xc0), 0);
    host_irb(be, SCSW_FCTL_START_FUNC | SCSW_STCTL_PRIMARY |
             SCSW_STCTL_SECONDARY | SCSW_STCTL_ALERT |
             SCSW_STCTL_STATUS_PEND,
             SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END |
             SCSW_DSTAT_UNIT_CHECK, FX_CCW + 8, 0x10);
    css_sch_merge_host_irb(f->pt, be);
    g_assert_cmphex(f->pt->sense_data[0], ==, 0x10);
    irb = fx_tsch(&f->fx, f->pt, 0);
    g_assert_cmphex(irb.esw.erw & ESW_ERW_MASK_CONS, ==, ESW_ERW_MASK_CONS);
    g_assert_cmphex(irb.ecw[0], ==, 0x10);
}

static void test_irb_error_table(PtFixture *f, gconstpointer data)
{
    static const struct {
        int err;
        uint16_t sc;
        uint8_t cstat;
        bool deferred_cc3;
    } rows[] = {
        { ENODEV, SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND, 0, true },
        { EFAULT, SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
          SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND,
          SCSW_CSTAT_DATA_CHECK, false },
        { 0, SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
          SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND,
          SCSW_CSTAT_CHN_CTRL_CHK, false },
        { EIO, SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
          SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND,
          SCSW_CSTAT_PROG_CHECK, false },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(rows); i++) {
        IRB irb;

        assert_cc(pt_ssch(f, 0xc0), 0);
        css_sch_host_irb_error(f->pt, rows[i].err);
        g_assert_true(css_io_pending(f->fx.css, 0x10));
        irb = fx_tsch(&f->fx, f->pt, 0);
        g_assert_cmphex(irb.scsw.ctrl & SCSW_CTRL_MASK_STCTL, ==,
                        rows[i].sc);
        g_assert_cmphex(irb.scsw.cstat, ==, rows[i].cstat);
        g_assert_cmpint((irb.scsw.flags & SCSW_FLAGS_MASK_CC) >>
                        SCSW_FLAGS_CC_SHIFT, ==, rows[i].deferred_cc3 ? 3 : 0);
        if (!rows[i].deferred_cc3) {
            g_assert_false(irb.scsw.ctrl & SCSW_ACTL_START_PEND);
        }
        g_assert_cmphex(f->pt->curr_status.scsw.ctrl, ==, 0);
        f->pt->curr_status.scsw.flags = 0;
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    PT_TEST("/css/passthrough/schib-from-host-paths", test_build_schib);
    PT_TEST("/css/passthrough/start-calls-handle-request",
            test_start_request);
    PT_TEST("/css/passthrough/start-lpm-not-checked",
            test_start_no_lpm_check);
    PT_TEST("/css/passthrough/start-without-handler-cc1",
            test_start_without_handler);
    PT_TEST("/css/passthrough/start-errno-to-cc", test_start_errno_table);
    PT_TEST("/css/passthrough/halt-errno-to-cc", test_halt_errno_table);
    PT_TEST("/css/passthrough/halt-cc2-while-halt-pending",
            test_halt_cc2_halt_pending);
    PT_TEST("/css/passthrough/clear-errno-to-cc", test_clear_errno_table);
    PT_TEST("/css/passthrough/clear-refused-keeps-status",
            test_clear_refused_keeps_status);
    PT_TEST("/css/passthrough/cancel-stays-local", test_xsch_local);
    PT_TEST("/css/passthrough/stsch-refreshes-path-masks",
            test_store_refresh);
    PT_TEST("/css/passthrough/stsch-refresh-error-ignored",
            test_store_refresh_error);
    PT_TEST("/css/passthrough/irb-replaces-scsw-keeps-esw", test_irb_merge);
    PT_TEST("/css/passthrough/irb-concurrent-sense-into-ecw",
            test_irb_merge_sense);
    PT_TEST("/css/passthrough/irb-no-sense-without-concurrent-sense",
            test_irb_merge_no_sense);
    PT_TEST("/css/passthrough/irb-host-concurrent-sense-into-ecw",
            test_irb_merge_host_sense);
    PT_TEST("/css/passthrough/irb-read-errors", test_irb_error_table);
    return g_test_run();
}
