/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-css-fixture.h: a machine for the channel-subsystem tests.
 *
 * 1 MiB of guest RAM, a channel subsystem, a CPU in supervisor state and
 * a test-only virtual device at fe.0.1234 (subchannel 0) whose commands
 * are:  0x01 write (keeps the data), 0x02 read (gives TESTDEV_READ_LEN
 * bytes 0xa0, 0xa1, ...), 0x07 control that ends with unit check and
 * sense byte 0 = 0x10.  Every other command is left to css.c (NOOP,
 * BASIC SENSE) or rejected by it.  Guest addresses used by the helpers
 * are fixed (FX_ORB, FX_SCHIB, ...) so tests read like programs.
 */
#ifndef TEST_CSS_FIXTURE_H
#define TEST_CSS_FIXTURE_H

#include "hw/s390x/css.h"
#include "target/s390x/ioinst.h"

#define FX_RAM_SIZE     (1024 * 1024)
#define FX_ORB          0x1000
#define FX_SCHIB        0x2000
#define FX_IRB          0x3000
#define FX_CCW          0x4000
#define FX_DATA         0x5000
#define FX_CRW          0x6000
#define FX_TPI          0x7000
#define FX_CHSC         0x8000
#define FX_MB           0x9000
#define FX_DEVNO        "fe.0.1234"

#define TESTDEV_CMD_WRITE   0x01
#define TESTDEV_CMD_READ    0x02
#define TESTDEV_CMD_UC      0x07
#define TESTDEV_READ_LEN    16
#define TESTDEV_SENSE0      0x10

typedef struct TestDev {
    unsigned commands;
    uint8_t last_cmd;
    uint8_t written[256];
    size_t written_len;
    unsigned disabled;
    unsigned resets;
} TestDev;

typedef struct CssFixture {
    GuestRAM *ram;
    ChannelSubSys *css;
    S390CPU cpu;
    SubchDev *sch;
    TestDev dev;
    unsigned io_notes;
    unsigned crw_notes;
} CssFixture;

static inline void testdev_execute(SubchDev *sch, const CcwDevCommand *cmd,
                                   CcwDataStream *ds, CcwDevResult *res)
{
    TestDev *dev = sch->driver_data;
    uint8_t data[TESTDEV_READ_LEN];
    size_t i;

    dev->commands++;
    dev->last_cmd = cmd->cmd;
    switch (cmd->cmd) {
    case TESTDEV_CMD_WRITE:
        dev->written_len = ccw_stream_fetch(ds, dev->written,
                                            sizeof(dev->written));
        break;
    case TESTDEV_CMD_READ:
        for (i = 0; i < sizeof(data); i++) {
            data[i] = 0xa0 + i;
        }
        ccw_stream_store(ds, data, sizeof(data));
        res->data_len = sizeof(data);
        break;
    case TESTDEV_CMD_UC:
        memset(sch->sense_data, 0, sizeof(sch->sense_data));
        sch->sense_data[0] = TESTDEV_SENSE0;
        res->dstat |= SCSW_DSTAT_UNIT_CHECK;
        res->immediate = true;
        break;
    default:
        /* Command reject, as a real device would. */
        memset(sch->sense_data, 0, sizeof(sch->sense_data));
        sch->sense_data[0] = 0x80;
        res->dstat |= SCSW_DSTAT_UNIT_CHECK;
        res->immediate = true;
        break;
    }
}

static inline void testdev_disable(SubchDev *sch)
{
    ((TestDev *)sch->driver_data)->disabled++;
}

static inline void testdev_reset(SubchDev *sch)
{
    ((TestDev *)sch->driver_data)->resets++;
}

static const SubchDevOps testdev_ops = {
    .execute = testdev_execute,
    .disable = testdev_disable,
    .reset = testdev_reset,
};

static inline void fx_notify(void *opaque, CssEvent ev)
{
    CssFixture *fx = opaque;

    if (ev == CSS_EVENT_IO_INT) {
        fx->io_notes++;
    } else {
        fx->crw_notes++;
    }
}

static inline void fx_setup_squash(CssFixture *fx, bool squash)
{
    g_autoptr(GError) err = NULL;

    memset(fx, 0, sizeof(*fx));
    fx->ram = guest_ram_new(FX_RAM_SIZE, &err);
    g_assert_no_error(err);
    fx->css = css_new(fx->ram, squash);
    css_set_notify(fx->css, fx_notify, fx);
    fx->cpu.ram = fx->ram;
    fx->sch = css_create_sch(fx->css, squash ? NULL : FX_DEVNO, true, squash,
                             "testdev", &err);
    g_assert_no_error(err);
    css_sch_build_virtual_schib(fx->sch, VIRTUAL_CHPID, VIRTUAL_CHPID_TYPE);
    fx->sch->ops = &testdev_ops;
    fx->sch->driver_data = &fx->dev;
}

static inline void fx_setup(CssFixture *fx, gconstpointer data)
{
    fx_setup_squash(fx, false);
}

static inline void fx_teardown(CssFixture *fx, gconstpointer data)
{
    css_free(fx->css);
    guest_ram_free(fx->ram);
}

static inline IOInstResult fx_insn(CssFixture *fx, const char *name,
                                   uint64_t reg1, uint64_t op2)
{
    const IOInstDesc *d = ioinst_by_name(name);

    g_assert_nonnull(d);
    return d->handler(&fx->cpu, fx->css, reg1, op2);
}

#define assert_cc(res, want) \
    do { \
        IOInstResult r_ = (res); \
        g_assert_cmphex(r_.pgm, ==, 0); \
        g_assert_cmpint(r_.cc, ==, (want)); \
    } while (0)

#define assert_pgm(res, want) g_assert_cmphex((res).pgm, ==, (want))

/* The SID the program uses for @sch (no MCSS-E: just set and number). */
static inline uint32_t fx_sid(const SubchDev *sch)
{
    return css_sid_for_guest(sch);
}

static inline void fx_put_orb(CssFixture *fx, uint64_t addr, const ORB *orb)
{
    uint8_t buf[ORB_SIZE];

    copy_orb_to_guest(buf, orb);
    g_assert_true(guest_ram_write(fx->ram, addr, buf, sizeof(buf)));
}

/* A format-1 ORB for the program at @cpa, path 0x80, intparm @intparm. */
static inline ORB fx_orb(uint32_t cpa, uint32_t intparm)
{
    ORB orb = {
        .intparm = intparm,
        .ctrl0 = ORB_CTRL0_MASK_FMT | ORB_CTRL0_MASK_PFCH,
        .lpm = 0x80,
        .cpa = cpa,
    };

    return orb;
}

static inline void fx_put_ccw1(CssFixture *fx, uint64_t addr, uint8_t cmd,
                               uint8_t flags, uint16_t count, uint32_t cda)
{
    CCW1 ccw = { .cmd_code = cmd, .flags = flags, .count = count,
                 .cda = cda };
    uint8_t buf[CCW_SIZE];

    copy_ccw1_to_guest(buf, &ccw);
    g_assert_true(guest_ram_write(fx->ram, addr, buf, sizeof(buf)));
}

static inline SCHIB fx_stsch(CssFixture *fx, uint32_t sid)
{
    uint8_t buf[SCHIB_SIZE];
    SCHIB schib;

    assert_cc(fx_insn(fx, "stsch", sid, FX_SCHIB), 0);
    g_assert_true(guest_ram_read(fx->ram, FX_SCHIB, buf, sizeof(buf)));
    copy_schib_from_guest(buf, &schib);
    return schib;
}

static inline IOInstResult fx_msch(CssFixture *fx, uint32_t sid,
                                   const SCHIB *schib)
{
    uint8_t buf[SCHIB_SIZE];

    copy_schib_to_guest(buf, schib);
    g_assert_true(guest_ram_write(fx->ram, FX_SCHIB, buf, sizeof(buf)));
    return fx_insn(fx, "msch", sid, FX_SCHIB);
}

/* Enable @sch with @isc and @intparm in its PMCW, as a driver does. */
static inline void fx_enable(CssFixture *fx, SubchDev *sch, uint8_t isc,
                             uint32_t intparm)
{
    SCHIB schib = fx_stsch(fx, fx_sid(sch));

    schib.pmcw.flags |= PMCW_FLAGS_MASK_ENA;
    schib.pmcw.flags &= ~PMCW_FLAGS_MASK_ISC;
    schib.pmcw.flags |= (uint16_t)isc << PMCW_FLAGS_ISC_SHIFT;
    schib.pmcw.intparm = intparm;
    assert_cc(fx_msch(fx, fx_sid(sch), &schib), 0);
}

static inline IOInstResult fx_ssch(CssFixture *fx, SubchDev *sch,
                                   const ORB *orb)
{
    fx_put_orb(fx, FX_ORB, orb);
    return fx_insn(fx, "ssch", fx_sid(sch), FX_ORB);
}

/* TSCH into FX_IRB; Returns: the IRB read back. */
static inline IRB fx_tsch(CssFixture *fx, SubchDev *sch, int want_cc)
{
    uint8_t buf[IRB_SIZE];
    IRB irb;

    assert_cc(fx_insn(fx, "tsch", fx_sid(sch), FX_IRB), want_cc);
    g_assert_true(guest_ram_read(fx->ram, FX_IRB, buf, sizeof(buf)));
    copy_irb_from_guest(buf, &irb);
    return irb;
}

/*
 * Start a one-CCW program (NOOP) that ends at once: status pending and an
 * interruption, with the intparm the PMCW already has.
 */
static inline void fx_make_status_pending(CssFixture *fx, SubchDev *sch)
{
    ORB orb = fx_orb(FX_CCW, sch->curr_status.pmcw.intparm);

    fx_put_ccw1(fx, FX_CCW, CCW_CMD_NOOP, 0, 0, 0);
    assert_cc(fx_ssch(fx, sch, &orb), 0);
    g_assert_true(sch->curr_status.scsw.ctrl & SCSW_STCTL_STATUS_PEND);
}

static inline uint16_t fx_sc(const SubchDev *sch)
{
    return sch->curr_status.scsw.ctrl & SCSW_CTRL_MASK_STCTL;
}

static inline uint16_t fx_fc(const SubchDev *sch)
{
    return sch->curr_status.scsw.ctrl & SCSW_CTRL_MASK_FCTL;
}

static inline uint16_t fx_ac(const SubchDev *sch)
{
    return sch->curr_status.scsw.ctrl & SCSW_CTRL_MASK_ACTL;
}

#define FX_TEST(path, fn) \
    g_test_add(path, CssFixture, NULL, fx_setup, fn, fx_teardown)

#endif /* TEST_CSS_FIXTURE_H */
