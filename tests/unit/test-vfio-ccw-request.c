/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-ccw-request.c: START, HALT and CLEAR SUBCHANNEL on a vfio-ccw
 * subchannel: what the device writes into the I/O and async-command
 * regions, and what the guest gets for each answer of the mdev (facts
 * §3.6, §4.3): 0 cc 0, -EBUSY cc 2 (a unit exception for CSCH),
 * -ENODEV/-EACCES cc 3, -EAGAIN retried, anything else (and a short
 * write) a synthetic unit exception with an interruption and cc 0.
 */
#include "qemu/osdep.h"

#include "test-vfio-ccw.h"

/* SCSW control halfword values (PoP ch. 16), built by hand. */
#define FC_START        0x4000
#define FC_HALT         0x2000
#define FC_CLEAR        0x1000
#define AC_START_PEND   0x0400
#define AC_HALT_PEND    0x0200
#define AC_CLEAR_PEND   0x0100
#define SC_ALERT        0x0010
#define SC_PRIMARY      0x0004
#define SC_SECONDARY    0x0002
#define SC_PENDING      0x0001
/* The synthetic end of a refused request: primary, secondary, alert. */
#define SC_UE_END       (SC_PRIMARY | SC_SECONDARY | SC_ALERT | SC_PENDING)
#define DSTAT_UNIT_EXC  0x01
#define DSTAT_DEV_END   0x04

/* The SCSW as STSCH shows it (SCHIB bytes 28-39), without changing it. */
static void peek_scsw(VfioCcwFixture *f, uint8_t scsw[12])
{
    uint8_t schib[SCHIB_SIZE];

    g_assert_cmpint(vfx_stsch(f, schib), ==, 0);
    memcpy(scsw, schib + 28, 12);
}

static uint16_t peek_ctrl(VfioCcwFixture *f)
{
    uint8_t scsw[12];

    peek_scsw(f, scsw);
    return scsw_ctrl(scsw);
}

/* Accept a pending unit exception with TSCH and check it. */
static void assert_unit_exception(VfioCcwFixture *f, uint16_t ctrl,
                                  bool check_cpa)
{
    uint8_t irb[IRB_SIZE_NO_EMW];

    g_assert_true(css_io_pending(f->css, VFX_ISC_MASK));
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(scsw_ctrl(irb), ==, ctrl);
    g_assert_cmphex(scsw_dstat(irb), ==, DSTAT_UNIT_EXC);
    g_assert_cmphex(scsw_cstat(irb), ==, 0);
    if (check_cpa) {
        /* "CPA = channel program + 8": the first CCW was not run. */
        g_assert_cmphex(scsw_cpa(irb), ==, VFX_CCW + 8);
    }
    g_assert_false(css_io_pending(f->css, 0xff));
    /* TSCH cleared it: idle again. */
    g_assert_cmpint(vfx_tsch(f, irb), ==, 1);
    g_assert_cmphex(scsw_ctrl(irb), ==, 0);
}

/* The I/O region as the device wrote it for vfx_ssch()'s ORB. */
static void assert_io_region_written(VfioCcwFixture *f, uint16_t orb_ctrl0)
{
    const uint8_t *r = f->fake.io_written;

    /* ORB @0: intparm, ctrl0, LPM, ctrl1, CPA (PoP ch. 15). */
    g_assert_cmphex(ldl_be_p(r), ==, VFX_INTPARM);
    g_assert_cmphex(lduw_be_p(r + 4), ==, orb_ctrl0);
    g_assert_cmphex(r[6], ==, 0xc0);
    g_assert_cmphex(r[7], ==, 0);
    g_assert_cmphex(ldl_be_p(r + 8), ==, VFX_CCW);
    /* SCSW @12: the start function, pending; nothing else yet. */
    g_assert_cmphex(scsw_flags(r + 12), ==, 0);
    g_assert_cmphex(scsw_ctrl(r + 12), ==, FC_START | AC_START_PEND);
    g_assert_cmphex(scsw_cpa(r + 12), ==, 0);
    /* IRB area and ret_code zeroed. */
    for (size_t i = 24; i < sizeof(f->fake.io_written); i++) {
        g_assert_cmphex(r[i], ==, 0);
    }
}

/* ------------------------------------------------------------------------
 * START: the errno table, one named test per row
 * ------------------------------------------------------------------------ */

typedef enum StartEnd {
    START_ACCEPTED,     /* start pending until the host's IRB */
    START_REFUSED,      /* cc 2/3: SCSW as before, no interruption */
    START_UNIT_EXC,     /* ended at once with unit exception, cc 0 */
} StartEnd;

typedef struct StartCase {
    const char *path;
    unsigned n;
    ssize_t rets[FAKE_SEQ_MAX];
    int cc;
    unsigned writes;    /* 0: VFIO_CCW_EAGAIN_RETRIES */
    StartEnd end;
} StartCase;

static const StartCase start_cases[] = {
    { "/vfio-ccw/request/accepted-cc0-start-pending", 1, { FAKE_OK },
      0, 1, START_ACCEPTED },
    { "/vfio-ccw/request/eagain-retried-then-cc0", 3,
      { -EAGAIN, -EAGAIN, FAKE_OK }, 0, 3, START_ACCEPTED },
    { "/vfio-ccw/request/eagain-forever-unit-exception", 1, { -EAGAIN },
      0, 0, START_UNIT_EXC },
    { "/vfio-ccw/request/eagain-then-ebusy-cc2", 2, { -EAGAIN, -EBUSY },
      2, 2, START_REFUSED },
    { "/vfio-ccw/request/ebusy-cc2", 1, { -EBUSY }, 2, 1, START_REFUSED },
    { "/vfio-ccw/request/enodev-cc3", 1, { -ENODEV }, 3, 1, START_REFUSED },
    { "/vfio-ccw/request/eacces-cc3", 1, { -EACCES }, 3, 1, START_REFUSED },
    { "/vfio-ccw/request/efault-unit-exception", 1, { -EFAULT }, 0, 1,
      START_UNIT_EXC },
    { "/vfio-ccw/request/eio-unit-exception", 1, { -EIO }, 0, 1,
      START_UNIT_EXC },
    { "/vfio-ccw/request/einval-unit-exception", 1, { -EINVAL }, 0, 1,
      START_UNIT_EXC },
    { "/vfio-ccw/request/eopnotsupp-unit-exception", 1, { -EOPNOTSUPP }, 0,
      1, START_UNIT_EXC },
    { "/vfio-ccw/request/enomem-unit-exception", 1, { -ENOMEM }, 0, 1,
      START_UNIT_EXC },
    /* A partial write of a request is a broken device, not a retry. */
    { "/vfio-ccw/request/short-write-unit-exception", 1, { 100 }, 0, 1,
      START_UNIT_EXC },
    { "/vfio-ccw/request/zero-byte-write-unit-exception", 1, { 0 }, 0, 1,
      START_UNIT_EXC },
};

static void test_start_case(VfioCcwFixture *f, gconstpointer data)
{
    const StartCase *c = data;
    unsigned writes = c->writes ? c->writes : VFIO_CCW_EAGAIN_RETRIES;
    uint8_t irb[IRB_SIZE_NO_EMW];

    vfx_plug(f, false);
    fake_seq_set(&f->fake.io_write, c->n, c->rets);
    g_assert_cmpint(vfx_ssch(f), ==, c->cc);
    g_assert_cmpuint(f->fake.io_writes, ==, writes);
    assert_io_region_written(f, 0x00c0);

    switch (c->end) {
    case START_ACCEPTED:
        g_assert_false(css_io_pending(f->css, 0xff));
        g_assert_cmphex(peek_ctrl(f), ==, FC_START | AC_START_PEND);
        /* A function is in progress: the next SSCH is busy, not sent. */
        g_assert_cmpint(vfx_ssch(f), ==, 2);
        g_assert_cmpuint(f->fake.io_writes, ==, writes);
        break;
    case START_REFUSED:
        g_assert_false(css_io_pending(f->css, 0xff));
        g_assert_cmpint(vfx_tsch(f, irb), ==, 1);
        g_assert_cmphex(scsw_ctrl(irb), ==, 0);
        break;
    case START_UNIT_EXC:
        /* Start pending stays until TSCH; primary, secondary, alert. */
        assert_unit_exception(f, FC_START | AC_START_PEND | SC_UE_END, true);
        break;
    }
}

/* ------------------------------------------------------------------------
 * START: what reaches the region
 * ------------------------------------------------------------------------ */

static void test_orb_verbatim(VfioCcwFixture *f, gconstpointer data)
{
    const uint8_t *r = f->fake.io_written;

    vfx_plug(f, false);
    /* Key 3, F, P, I; LPM 0x80; L (suppress incorrect length). */
    vfx_put_orb(f, 0xcafef00d, 0x30e0, 0x80, 0x00012340);
    g_assert_true(guest_ram_write(f->ram, VFX_ORB + 7, "\x80", 1));
    g_assert_cmpint(vfx_insn(f, "ssch", VFX_ORB), ==, 0);
    g_assert_cmphex(ldl_be_p(r), ==, 0xcafef00d);
    g_assert_cmphex(lduw_be_p(r + 4), ==, 0x30e0);
    g_assert_cmphex(r[6], ==, 0x80);
    g_assert_cmphex(r[7], ==, 0x80);
    g_assert_cmphex(ldl_be_p(r + 8), ==, 0x00012340);
}

static void test_pfch_left_alone(VfioCcwFixture *f, gconstpointer data)
{
    vfx_plug(f, false);
    /* Format 1 without P, and no force-orb-pfch: sent as the guest said. */
    vfx_put_orb(f, VFX_INTPARM, 0x0080, 0xc0, VFX_CCW);
    g_assert_cmpint(vfx_insn(f, "ssch", VFX_ORB), ==, 0);
    assert_io_region_written(f, 0x0080);
}

/* Start without P, end it (unit exception), TSCH: @n times. */
static void start_and_end(VfioCcwFixture *f, uint16_t ctrl0, unsigned n)
{
    static const ssize_t eio[] = { -EIO };
    uint8_t irb[IRB_SIZE_NO_EMW];

    fake_seq_set(&f->fake.io_write, 1, eio);
    for (unsigned i = 0; i < n; i++) {
        vfx_put_orb(f, VFX_INTPARM, ctrl0, 0xc0, VFX_CCW);
        g_assert_cmpint(vfx_insn(f, "ssch", VFX_ORB), ==, 0);
        /* P (ORB word 1 bit 9, 0x0040) set; the rest as given. */
        g_assert_cmphex(ldl_be_p(f->fake.io_written), ==, VFX_INTPARM);
        g_assert_cmphex(lduw_be_p(f->fake.io_written + 4), ==,
                        0x00c0 | ctrl0);
        g_assert_cmphex(ldl_be_p(f->fake.io_written + 8), ==, VFX_CCW);
        g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    }
}

static void test_force_pfch_sets_pfch(VfioCcwFixture *f, gconstpointer data)
{
    g_autofree char *text = NULL;
    char *path = NULL;
    int saved;

    g_object_set(f->dev, "force-orb-pfch", TRUE, NULL);
    vfx_plug(f, false);
    saved = vfx_capture_begin(&path);
    start_and_end(f, 0x0080, 3);
    text = vfx_capture_end(saved, path);
    /* Told once, not on every start. */
    g_assert_nonnull(strstr(text, "warning: vfio-ccw"));
    g_assert_nonnull(strstr(text, "force-orb-pfch"));
    g_assert_null(strstr(strstr(text, "force-orb-pfch") + 1,
                         "force-orb-pfch"));
}

static void test_force_pfch_quiet(VfioCcwFixture *f, gconstpointer data)
{
    g_autofree char *text = NULL;
    char *path = NULL;
    int saved;

    g_object_set(f->dev, "force-orb-pfch", TRUE, NULL);
    vfx_plug(f, false);
    saved = vfx_capture_begin(&path);
    /* The guest allows prefetch itself: nothing is forced. */
    start_and_end(f, 0x00c0, 2);
    text = vfx_capture_end(saved, path);
    g_assert_cmpstr(text, ==, "");
}

static void test_rsch_resends_orb(VfioCcwFixture *f, gconstpointer data)
{
    static const ssize_t rets[] = { FAKE_OK, -EBUSY };
    uint8_t first[sizeof(f->fake.io_written)];
    uint8_t irb[IRB_SIZE_NO_EMW];

    vfx_plug(f, false);
    fake_seq_set(&f->fake.io_write, 2, rets);
    /* Suspend control S (0x0800), F, P. */
    vfx_put_orb(f, VFX_INTPARM, 0x08c0, 0xc0, VFX_CCW);
    g_assert_cmpint(vfx_insn(f, "ssch", VFX_ORB), ==, 0);
    memcpy(first, f->fake.io_written, sizeof(first));
    /* The host reports the program suspended: intermediate status. */
    vfx_host_irb(f->fake.irb, 0x08c0, FC_START | 0x0020 | 0x0008 |
                 SC_PENDING, VFX_CCW + 8, 0, 0, 0, 0, NULL);
    fake_signal(&f->fake, VFIO_CCW_IO_IRQ_INDEX);
    vfx_run();
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(peek_ctrl(f), ==, FC_START | 0x0020);
    /*
     * RESUME goes to the host as the stored ORB again (facts §3.6): the
     * host sees a second start and, with one pending, says busy: cc 2.
     */
    g_assert_cmpint(vfx_insn(f, "rsch", 0), ==, 2);
    g_assert_cmpuint(f->fake.io_writes, ==, 2);
    g_assert_cmpmem(f->fake.io_written, 12, first, 12);
    g_assert_cmphex(scsw_ctrl(f->fake.io_written + 12), ==,
                    FC_START | 0x0800 | 0x0020);
    g_assert_cmphex(peek_ctrl(f), ==, FC_START | 0x0020);
}

/* ------------------------------------------------------------------------
 * HALT and CLEAR through the async-command region
 * ------------------------------------------------------------------------ */

typedef struct AsyncCase {
    const char *path;
    const char *insn;   /* "hsch" or "csch", on an idle subchannel */
    unsigned n;
    ssize_t rets[FAKE_SEQ_MAX];
    int cc;
    unsigned writes;    /* 0: VFIO_CCW_EAGAIN_RETRIES */
    uint16_t ctrl;      /* SCSW control afterwards */
    bool unit_exc;
} AsyncCase;

static const AsyncCase async_cases[] = {
    { "/vfio-ccw/halt/idle-async-hsch-cc0", "hsch", 1, { FAKE_OK }, 0, 1,
      FC_HALT | AC_HALT_PEND, false },
    { "/vfio-ccw/halt/eagain-retried-then-cc0", "hsch", 3,
      { -EAGAIN, -EAGAIN, FAKE_OK }, 0, 3, FC_HALT | AC_HALT_PEND, false },
    { "/vfio-ccw/halt/eagain-forever-unit-exception", "hsch", 1,
      { -EAGAIN }, 0, 0, FC_HALT | AC_HALT_PEND | SC_UE_END, true },
    { "/vfio-ccw/halt/ebusy-cc2", "hsch", 1, { -EBUSY }, 2, 1, 0, false },
    { "/vfio-ccw/halt/enodev-cc3", "hsch", 1, { -ENODEV }, 3, 1, 0, false },
    { "/vfio-ccw/halt/eacces-cc3", "hsch", 1, { -EACCES }, 3, 1, 0, false },
    { "/vfio-ccw/halt/eio-unit-exception", "hsch", 1, { -EIO }, 0, 1,
      FC_HALT | AC_HALT_PEND | SC_UE_END, true },
    { "/vfio-ccw/halt/einval-unit-exception", "hsch", 1, { -EINVAL }, 0, 1,
      FC_HALT | AC_HALT_PEND | SC_UE_END, true },
    { "/vfio-ccw/halt/short-write-unit-exception", "hsch", 1, { 4 }, 0, 1,
      FC_HALT | AC_HALT_PEND | SC_UE_END, true },
    { "/vfio-ccw/clear/idle-async-csch-cc0", "csch", 1, { FAKE_OK }, 0, 1,
      FC_CLEAR | AC_CLEAR_PEND, false },
    { "/vfio-ccw/clear/eagain-retried-then-cc0", "csch", 2,
      { -EAGAIN, FAKE_OK }, 0, 2, FC_CLEAR | AC_CLEAR_PEND, false },
    /* CSCH has no busy condition code. */
    { "/vfio-ccw/clear/ebusy-unit-exception", "csch", 1, { -EBUSY }, 0, 1,
      FC_CLEAR | AC_CLEAR_PEND | SC_UE_END, true },
    { "/vfio-ccw/clear/enodev-cc3", "csch", 1, { -ENODEV }, 3, 1, 0, false },
    { "/vfio-ccw/clear/eacces-cc3", "csch", 1, { -EACCES }, 3, 1, 0, false },
    { "/vfio-ccw/clear/eio-unit-exception", "csch", 1, { -EIO }, 0, 1,
      FC_CLEAR | AC_CLEAR_PEND | SC_UE_END, true },
    { "/vfio-ccw/clear/short-write-unit-exception", "csch", 1, { 0 }, 0, 1,
      FC_CLEAR | AC_CLEAR_PEND | SC_UE_END, true },
};

static void test_async_case(VfioCcwFixture *f, gconstpointer data)
{
    const AsyncCase *c = data;
    unsigned writes = c->writes ? c->writes : VFIO_CCW_EAGAIN_RETRIES;
    /* Command words of <linux/vfio_ccw.h>: HSCH 1 << 0, CSCH 1 << 1. */
    uint32_t cmd = g_str_equal(c->insn, "hsch") ? 1 : 2;

    vfx_plug(f, false);
    fake_seq_set(&f->fake.async_write, c->n, c->rets);
    g_assert_cmpint(vfx_insn(f, c->insn, 0), ==, c->cc);
    g_assert_cmpuint(f->fake.async_writes, ==, writes);
    g_assert_cmphex(f->fake.async_cmd[0], ==, cmd);
    g_assert_cmphex(f->fake.async_cmd[MIN(writes, 16) - 1], ==, cmd);
    g_assert_cmpuint(f->fake.io_writes, ==, 0);
    if (c->unit_exc) {
        assert_unit_exception(f, c->ctrl, false);
    } else {
        g_assert_false(css_io_pending(f->css, 0xff));
        g_assert_cmphex(peek_ctrl(f), ==, c->ctrl);
    }
}

/* Completion of a forwarded halt/clear comes as an IRB on the IO IRQ. */
static void complete_with_irb(VfioCcwFixture *f, uint16_t ctrl)
{
    uint8_t irb[IRB_SIZE_NO_EMW];

    vfx_host_irb(f->fake.irb, 0, ctrl, 0, 0, 0, 0, 0, NULL);
    fake_signal(&f->fake, VFIO_CCW_IO_IRQ_INDEX);
    vfx_run();
    g_assert_true(css_io_pending(f->css, VFX_ISC_MASK));
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(scsw_ctrl(irb), ==, ctrl);
    g_assert_cmpint(vfx_tsch(f, irb), ==, 1);
    g_assert_cmphex(scsw_ctrl(irb), ==, 0);
}

static void test_async_hsch(VfioCcwFixture *f, gconstpointer data)
{
    vfx_plug(f, false);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    /* The start is with the host: HSCH goes to the async region. */
    g_assert_cmpint(vfx_insn(f, "hsch", 0), ==, 0);
    g_assert_cmpuint(f->fake.async_writes, ==, 1);
    g_assert_cmphex(f->fake.async_cmd[0], ==, 1);
    g_assert_cmphex(peek_ctrl(f) & (FC_HALT | AC_HALT_PEND), ==,
                    FC_HALT | AC_HALT_PEND);
    g_assert_false(css_io_pending(f->css, 0xff));
    /* A second halt while one is pending: busy, not forwarded. */
    g_assert_cmpint(vfx_insn(f, "hsch", 0), ==, 2);
    g_assert_cmpuint(f->fake.async_writes, ==, 1);
    /* The host ends start and halt: status pending alone. */
    complete_with_irb(f, FC_START | FC_HALT | SC_PENDING);
}

static void test_async_csch(VfioCcwFixture *f, gconstpointer data)
{
    vfx_plug(f, false);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    g_assert_cmpint(vfx_insn(f, "csch", 0), ==, 0);
    g_assert_cmpuint(f->fake.async_writes, ==, 1);
    g_assert_cmphex(f->fake.async_cmd[0], ==, 2);
    /* CSCH replaces the start function by the clear function. */
    g_assert_cmphex(peek_ctrl(f), ==, FC_CLEAR | AC_CLEAR_PEND);
    complete_with_irb(f, FC_CLEAR | SC_PENDING);
}

static void test_halt_emulated(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t irb[IRB_SIZE_NO_EMW];

    fake_drop_region(&f->fake, FAKE_ASYNC);
    vfx_plug(f, false);
    /* Old kernel: the halt of an idle subchannel is done here. */
    g_assert_cmpint(vfx_insn(f, "hsch", 0), ==, 0);
    g_assert_cmpuint(f->fake.async_writes, ==, 0);
    g_assert_true(css_io_pending(f->css, VFX_ISC_MASK));
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    /* Halt, status pending; device end: the device was signalled. */
    g_assert_cmphex(scsw_ctrl(irb), ==, FC_HALT | SC_PENDING);
    g_assert_cmphex(scsw_dstat(irb), ==, DSTAT_DEV_END);
    g_assert_cmphex(scsw_cstat(irb), ==, 0);
}

static void test_clear_emulated(VfioCcwFixture *f, gconstpointer data)
{
    uint8_t irb[IRB_SIZE_NO_EMW];

    fake_drop_region(&f->fake, FAKE_ASYNC);
    vfx_plug(f, false);
    g_assert_cmpint(vfx_ssch(f), ==, 0);
    g_assert_cmpint(vfx_insn(f, "csch", 0), ==, 0);
    g_assert_cmpuint(f->fake.async_writes, ==, 0);
    g_assert_true(css_io_pending(f->css, VFX_ISC_MASK));
    g_assert_cmpint(vfx_tsch(f, irb), ==, 0);
    g_assert_cmphex(scsw_ctrl(irb), ==, FC_CLEAR | SC_PENDING);
    g_assert_cmphex(scsw_dstat(irb), ==, 0);
    g_assert_cmphex(scsw_cstat(irb), ==, 0);
}

void vfio_ccw_request_tests(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(start_cases); i++) {
        VFX_TEST(start_cases[i].path, &start_cases[i], test_start_case);
    }
    VFX_TEST("/vfio-ccw/request/orb-sent-verbatim", NULL,
             test_orb_verbatim);
    VFX_TEST("/vfio-ccw/request/pfch-left-alone-without-force", NULL,
             test_pfch_left_alone);
    VFX_TEST("/vfio-ccw/request/force-orb-pfch-sets-pfch-warns-once", NULL,
             test_force_pfch_sets_pfch);
    VFX_TEST("/vfio-ccw/request/force-orb-pfch-quiet-when-guest-sets-it",
             NULL, test_force_pfch_quiet);
    VFX_TEST("/vfio-ccw/request/rsch-resends-stored-orb", NULL,
             test_rsch_resends_orb);
    for (size_t i = 0; i < G_N_ELEMENTS(async_cases); i++) {
        VFX_TEST(async_cases[i].path, &async_cases[i], test_async_case);
    }
    VFX_TEST("/vfio-ccw/halt/async-hsch", NULL, test_async_hsch);
    VFX_TEST("/vfio-ccw/halt/no-async-region-emulated", NULL,
             test_halt_emulated);
    VFX_TEST("/vfio-ccw/clear/async-csch", NULL, test_async_csch);
    VFX_TEST("/vfio-ccw/clear/no-async-region-emulated", NULL,
             test_clear_emulated);
}
