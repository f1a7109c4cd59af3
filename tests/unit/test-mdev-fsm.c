/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-mdev-fsm.c: the simulated vfio-ccw mdev (contrib/vfio-user-ccw/
 * mdev.c): every cell of the kernel's state x event table with its errno
 * result, then the regions, the IRB, halt and clear, channel paths and
 * CRWs, reset and DMA unmap (facts-css-vfio-ccw.md sections 4 and 5).
 *
 * The device behind the subchannel is a fake that counts its commands
 * and ends them with whatever status the test asks for.  Guest memory is
 * one 64 KiB window at address 0 holding a one-CCW program at 0x100.
 */
#include "qemu/osdep.h"

#include <sys/eventfd.h>

#include "mdev.h"

#define RAM_SIZE 0x10000u
#define PROGRAM  0x100u

typedef struct FakeDevice {
    unsigned commands;
    uint8_t dstat;                  /* how commands end */
    uint8_t sense[SENSE_DATA_SIZE];
} FakeDevice;

typedef struct Fixture {
    uint8_t *ram;
    DmaMaps *maps;
    FakeDevice fake;
    Mdev *m;
    int irq[VFIO_CCW_NUM_IRQS];     /* our ends of the eventfds */
    unsigned trace_lines;
} Fixture;

static void fake_execute(void *opaque, const CcwDevCommand *cmd,
                         CcwDataStream *ds, CcwDevResult *res)
{
    FakeDevice *fd = opaque;

    fd->commands++;
    res->dstat = fd->dstat;
    res->immediate = true;
}

static const CcwDevOps fake_ops = { .execute = fake_execute };

static void fake_sense(void *opaque, uint8_t sense[SENSE_DATA_SIZE])
{
    FakeDevice *fd = opaque;

    memcpy(sense, fd->sense, SENSE_DATA_SIZE);
}

static void count_trace(void *opaque, const char *line)
{
    Fixture *f = opaque;

    g_assert_nonnull(strstr(line, "0.1.0042: "));
    f->trace_lines++;
}

static void setup_with(Fixture *f, unsigned num_chpids)
{
    MdevConfig cfg = {
        .cssid = 0, .ssid = 1, .schno = 0x42, .devno = 0x1234,
        .chpid = { 0x50, 0x51, 0x52 },
        .num_chpids = num_chpids,
    };
    MdevDevice dev = {
        .ops = &fake_ops,
        .opaque = &f->fake,
        .get_sense = fake_sense,
    };
    CCW1 noop = { .cmd_code = CCW_CMD_NOOP, .flags = CCW_FLAG_SLI };

    f->ram = g_malloc0(RAM_SIZE);
    copy_ccw1_to_guest(f->ram + PROGRAM, &noop);
    f->maps = dma_maps_new(4);
    g_assert_cmpint(dma_maps_add(f->maps, 0, RAM_SIZE, f->ram,
                                 DMA_MAP_PROT_READ | DMA_MAP_PROT_WRITE,
                                 NULL), ==, 0);
    f->fake.dstat = SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END;
    f->m = mdev_new(&cfg, &dev, f->maps);
    mdev_set_trace(f->m, count_trace, f);
    for (unsigned i = 0; i < VFIO_CCW_NUM_IRQS; i++) {
        f->irq[i] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        g_assert_cmpint(f->irq[i], >=, 0);
        g_assert_cmpint(mdev_set_irq_fd(f->m, i, dup(f->irq[i])), ==, 0);
    }
}

static void setup(Fixture *f, gconstpointer data)
{
    setup_with(f, 1);
}

static void setup_3paths(Fixture *f, gconstpointer data)
{
    setup_with(f, 3);
}

static void teardown(Fixture *f, gconstpointer data)
{
    mdev_free(f->m);
    dma_maps_free(f->maps);
    g_free(f->ram);
    for (unsigned i = 0; i < VFIO_CCW_NUM_IRQS; i++) {
        close(f->irq[i]);
    }
}

/* How often IRQ @index was signalled since the last look. */
static uint64_t irq_count(Fixture *f, unsigned index)
{
    uint64_t n = 0;

    if (read(f->irq[index], &n, sizeof(n)) != sizeof(n)) {
        return 0;
    }
    return n;
}

/* Write ORB + SCSW (+ zero IRB and ret_code) as QEMU does. */
static ssize_t write_io(Fixture *f, const ORB *orb, uint16_t fctl)
{
    struct ccw_io_region io;
    SCSW scsw = { .ctrl = fctl };

    memset(&io, 0, sizeof(io));
    copy_orb_to_guest(io.orb_area, orb);
    copy_scsw_to_guest(io.scsw_area, &scsw);
    return mdev_region_write(f->m, VFIO_USER_CCW_IO_REGION_INDEX, 0, &io,
                             sizeof(io));
}

static ORB program_orb(uint32_t cpa, uint8_t lpm)
{
    return (ORB) {
        .intparm = 1,
        .ctrl0 = ORB_CTRL0_MASK_FMT | ORB_CTRL0_MASK_PFCH,
        .lpm = lpm,
        .cpa = cpa,
    };
}

static ssize_t ssch(Fixture *f)
{
    ORB orb = program_orb(PROGRAM, 0);

    return write_io(f, &orb, SCSW_FCTL_START_FUNC);
}

static ssize_t async_cmd(Fixture *f, uint32_t command)
{
    struct ccw_cmd_region cmd = { .command = command };

    return mdev_region_write(f->m, VFIO_USER_CCW_ASYNC_REGION_INDEX, 0, &cmd,
                             sizeof(cmd));
}

static void read_irb(Fixture *f, IRB *irb)
{
    uint8_t be[IRB_SIZE];

    g_assert_cmpint(mdev_region_read(f->m, VFIO_USER_CCW_IO_REGION_INDEX,
                                     offsetof(struct ccw_io_region, irb_area),
                                     be, sizeof(be)), ==, IRB_SIZE);
    copy_irb_from_guest(be, irb);
}

/* ------------------------------------------------------------------------
 * Every cell of the state x event table
 * ------------------------------------------------------------------------ */

typedef struct FsmCell {
    const char *path;
    MdevState from;
    MdevEvent event;
    MdevState to;
    int ret;            /* IO_REQ / ASYNC_REQ: the write's result */
    bool io_irq;        /* the IO eventfd was signalled */
} FsmCell;

#define CELL(st, ev, to, ret, irq) \
    { "/mdev/fsm/" #st "/" #ev, MDEV_STATE_##st, MDEV_EVENT_##ev, \
      MDEV_STATE_##to, ret, irq }

static const FsmCell cells[] = {
    CELL(NOT_OPER, NOT_OPER, NOT_OPER, 0, false),
    CELL(NOT_OPER, IO_REQ, NOT_OPER, -EIO, false),
    CELL(NOT_OPER, INTERRUPT, NOT_OPER, 0, false),
    CELL(NOT_OPER, ASYNC_REQ, NOT_OPER, -EIO, false),
    CELL(NOT_OPER, OPEN, NOT_OPER, 0, false),
    CELL(NOT_OPER, CLOSE, NOT_OPER, 0, false),

    CELL(STANDBY, NOT_OPER, NOT_OPER, 0, false),
    CELL(STANDBY, IO_REQ, STANDBY, -EIO, false),
    CELL(STANDBY, INTERRUPT, STANDBY, 0, false),
    CELL(STANDBY, ASYNC_REQ, STANDBY, -EIO, false),
    CELL(STANDBY, OPEN, IDLE, 0, false),
    CELL(STANDBY, CLOSE, NOT_OPER, 0, false),

    CELL(IDLE, NOT_OPER, NOT_OPER, 0, false),
    CELL(IDLE, IO_REQ, CP_PENDING, 0, false),
    CELL(IDLE, INTERRUPT, IDLE, 0, true),
    CELL(IDLE, ASYNC_REQ, IDLE, 0, false),
    CELL(IDLE, OPEN, NOT_OPER, 0, false),
    CELL(IDLE, CLOSE, STANDBY, 0, false),

    CELL(CP_PROCESSING, NOT_OPER, NOT_OPER, 0, false),
    CELL(CP_PROCESSING, IO_REQ, CP_PROCESSING, -EAGAIN, false),
    CELL(CP_PROCESSING, INTERRUPT, CP_PROCESSING, 0, true),
    CELL(CP_PROCESSING, ASYNC_REQ, CP_PROCESSING, -EAGAIN, false),
    CELL(CP_PROCESSING, OPEN, NOT_OPER, 0, false),
    CELL(CP_PROCESSING, CLOSE, STANDBY, 0, false),

    CELL(CP_PENDING, NOT_OPER, NOT_OPER, 0, false),
    CELL(CP_PENDING, IO_REQ, CP_PENDING, -EBUSY, false),
    CELL(CP_PENDING, INTERRUPT, IDLE, 0, true),
    CELL(CP_PENDING, ASYNC_REQ, CP_PENDING, 0, false),
    CELL(CP_PENDING, OPEN, NOT_OPER, 0, false),
    CELL(CP_PENDING, CLOSE, STANDBY, 0, false),
};

/* Reach @state the way a user would (CP_PROCESSING only by force). */
static void reach(Fixture *f, MdevState state)
{
    switch (state) {
    case MDEV_STATE_STANDBY:
        break;
    case MDEV_STATE_NOT_OPER:
        mdev_open(f->m);
        mdev_fsm_event(f->m, MDEV_EVENT_NOT_OPER);
        break;
    case MDEV_STATE_IDLE:
        mdev_open(f->m);
        break;
    case MDEV_STATE_CP_PROCESSING:
        mdev_open(f->m);
        mdev_fsm_force_state(f->m, MDEV_STATE_CP_PROCESSING);
        break;
    case MDEV_STATE_CP_PENDING:
        mdev_open(f->m);
        g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
        break;
    default:
        g_assert_not_reached();
    }
    g_assert_cmpint(mdev_state(f->m), ==, state);
    irq_count(f, VFIO_CCW_IO_IRQ_INDEX);
}

static void test_cell(Fixture *f, gconstpointer data)
{
    const FsmCell *c = data;
    unsigned lines;

    reach(f, c->from);
    lines = f->trace_lines;
    switch (c->event) {
    case MDEV_EVENT_IO_REQ:
        g_assert_cmpint(ssch(f), ==,
                        c->ret ? c->ret : (int)sizeof(struct ccw_io_region));
        break;
    case MDEV_EVENT_ASYNC_REQ:
        g_assert_cmpint(async_cmd(f, VFIO_CCW_ASYNC_CMD_HSCH), ==,
                        c->ret ? c->ret : 8);
        break;
    case MDEV_EVENT_INTERRUPT:
        /* A pending program interrupts when the host work is done. */
        if (mdev_work_pending(f->m)) {
            mdev_run_work(f->m);
        } else {
            mdev_fsm_event(f->m, MDEV_EVENT_INTERRUPT);
        }
        break;
    default:
        mdev_fsm_event(f->m, c->event);
        break;
    }
    g_assert_cmpstr(mdev_state_name(mdev_state(f->m)), ==,
                    mdev_state_name(c->to));
    g_assert_cmpint(irq_count(f, VFIO_CCW_IO_IRQ_INDEX) > 0, ==, c->io_irq);
    /* Every event leaves a trace line. */
    g_assert_cmpuint(f->trace_lines, >, lines);
}

/* ------------------------------------------------------------------------
 * The I/O region and the IRB
 * ------------------------------------------------------------------------ */

static void test_program_irb(Fixture *f, gconstpointer data)
{
    IRB irb;

    mdev_open(f->m);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
    /* cc 0 first; the device has not run yet. */
    g_assert_cmpuint(f->fake.commands, ==, 0);
    g_assert_cmpuint(irq_count(f, VFIO_CCW_IO_IRQ_INDEX), ==, 0);
    mdev_run_work(f->m);
    g_assert_cmpuint(f->fake.commands, ==, 1);
    g_assert_cmpuint(irq_count(f, VFIO_CCW_IO_IRQ_INDEX), ==, 1);
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);

    read_irb(f, &irb);
    g_assert_cmphex(irb.scsw.ctrl, ==, SCSW_FCTL_START_FUNC |
                    SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
                    SCSW_STCTL_STATUS_PEND);
    g_assert_cmphex(irb.scsw.dstat, ==, SCSW_DSTAT_CHANNEL_END |
                    SCSW_DSTAT_DEVICE_END);
    g_assert_cmphex(irb.scsw.cstat, ==, 0);
    /* The guest's CCW + 8, not the host copy's. */
    g_assert_cmphex(irb.scsw.cpa, ==, PROGRAM + 8);
    g_assert_cmphex(irb.scsw.flags & SCSW_FLAGS_MASK_FMT, ==,
                    SCSW_FLAGS_MASK_FMT);
    g_assert_cmphex(irb.esw.sublog & ESW_SUBLOG_MASK_LPUM, ==,
                    0x80u << ESW_SUBLOG_LPUM_SHIFT);
    g_assert_cmphex(irb.esw.erw, ==, 0);
}

static void test_unit_check_sense(Fixture *f, gconstpointer data)
{
    IRB irb;

    for (unsigned i = 0; i < SENSE_DATA_SIZE; i++) {
        f->fake.sense[i] = 0x80 + i;
    }
    f->fake.dstat = SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END |
                    SCSW_DSTAT_UNIT_CHECK;
    mdev_open(f->m);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
    mdev_run_work(f->m);
    read_irb(f, &irb);
    g_assert_cmphex(irb.scsw.dstat & SCSW_DSTAT_UNIT_CHECK, ==,
                    SCSW_DSTAT_UNIT_CHECK);
    g_assert_cmphex(irb.scsw.ctrl & SCSW_STCTL_ALERT, ==, SCSW_STCTL_ALERT);
    g_assert_cmphex(irb.scsw.flags & SCSW_FLAGS_MASK_ECTL, ==,
                    SCSW_FLAGS_MASK_ECTL);
    g_assert_cmphex(irb.esw.erw & ESW_ERW_MASK_CONS, ==, ESW_ERW_MASK_CONS);
    g_assert_cmpuint((irb.esw.erw & ESW_ERW_MASK_SCNT) >> ESW_ERW_SCNT_SHIFT,
                     ==, SENSE_DATA_SIZE);
    g_assert_cmpmem(irb.ecw, IRB_ECW_SIZE, f->fake.sense, SENSE_DATA_SIZE);
}

typedef struct IoRefusal {
    const char *path;
    uint16_t fctl;
    uint16_t extra_ctrl0;
    uint32_t cpa;
    int ret;
} IoRefusal;

static const IoRefusal io_refusals[] = {
    { "/mdev/io/halt-on-io-region-eopnotsupp", SCSW_FCTL_HALT_FUNC, 0,
      PROGRAM, -EOPNOTSUPP },
    { "/mdev/io/clear-on-io-region-eopnotsupp", SCSW_FCTL_CLEAR_FUNC, 0,
      PROGRAM, -EOPNOTSUPP },
    { "/mdev/io/transport-mode-eopnotsupp", SCSW_FCTL_START_FUNC,
      ORB_CTRL0_MASK_TM, PROGRAM, -EOPNOTSUPP },
    { "/mdev/io/program-outside-memory-efault", SCSW_FCTL_START_FUNC, 0,
      RAM_SIZE, -EFAULT },
};

static void test_io_refusal(Fixture *f, gconstpointer data)
{
    const IoRefusal *tc = data;
    ORB orb = program_orb(tc->cpa, 0);

    orb.ctrl0 |= tc->extra_ctrl0;
    mdev_open(f->m);
    g_assert_cmpint(write_io(f, &orb, tc->fctl), ==, tc->ret);
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);
    g_assert_false(mdev_work_pending(f->m));
    /* The next request is taken normally. */
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
}

static void test_no_function_keeps_ret_code(Fixture *f, gconstpointer data)
{
    ORB orb = program_orb(PROGRAM, 0);

    mdev_open(f->m);
    g_assert_cmpint(write_io(f, &orb, 0), ==, sizeof(struct ccw_io_region));
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);
    g_assert_false(mdev_work_pending(f->m));
}

static void test_zero_length_write(Fixture *f, gconstpointer data)
{
    mdev_open(f->m);
    g_assert_cmpint(mdev_region_write(f->m, VFIO_USER_CCW_IO_REGION_INDEX, 0,
                                      "", 0), ==, 0);
    g_assert_false(mdev_work_pending(f->m));
}

/* ------------------------------------------------------------------------
 * Halt and clear
 * ------------------------------------------------------------------------ */

static void test_halt_pending_program(Fixture *f, gconstpointer data)
{
    IRB irb;

    mdev_open(f->m);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
    g_assert_cmpint(async_cmd(f, VFIO_CCW_ASYNC_CMD_HSCH), ==, 8);
    mdev_run_work(f->m);
    g_assert_cmpuint(f->fake.commands, ==, 0);
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);
    read_irb(f, &irb);
    /* The start was withdrawn before the device saw it: no device end. */
    g_assert_cmphex(irb.scsw.ctrl, ==, SCSW_FCTL_START_FUNC |
                    SCSW_FCTL_HALT_FUNC | SCSW_STCTL_STATUS_PEND);
    g_assert_cmphex(irb.scsw.dstat, ==, 0);
}

static void test_halt_idle(Fixture *f, gconstpointer data)
{
    IRB irb;

    mdev_open(f->m);
    g_assert_cmpint(async_cmd(f, VFIO_CCW_ASYNC_CMD_HSCH), ==, 8);
    /* A second halt while the first is pending: busy. */
    g_assert_cmpint(async_cmd(f, VFIO_CCW_ASYNC_CMD_HSCH), ==, -EBUSY);
    /* So is a start. */
    g_assert_cmpint(ssch(f), ==, -EBUSY);
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);
    mdev_run_work(f->m);
    read_irb(f, &irb);
    g_assert_cmphex(irb.scsw.ctrl, ==, SCSW_FCTL_HALT_FUNC |
                    SCSW_STCTL_STATUS_PEND);
    g_assert_cmphex(irb.scsw.dstat, ==, SCSW_DSTAT_DEVICE_END);
    g_assert_cmpuint(irq_count(f, VFIO_CCW_IO_IRQ_INDEX), ==, 1);
}

static void test_clear_pending_program(Fixture *f, gconstpointer data)
{
    IRB irb;

    mdev_open(f->m);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
    g_assert_cmpint(async_cmd(f, VFIO_CCW_ASYNC_CMD_HSCH), ==, 8);
    /* Clear overrides start and halt. */
    g_assert_cmpint(async_cmd(f, VFIO_CCW_ASYNC_CMD_CSCH), ==, 8);
    mdev_run_work(f->m);
    g_assert_cmpuint(f->fake.commands, ==, 0);
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);
    read_irb(f, &irb);
    g_assert_cmphex(irb.scsw.ctrl, ==, SCSW_FCTL_CLEAR_FUNC |
                    SCSW_STCTL_STATUS_PEND);
}

static void test_async_unknown_command(Fixture *f, gconstpointer data)
{
    mdev_open(f->m);
    g_assert_cmpint(async_cmd(f, 4), ==, -EINVAL);
    g_assert_cmpint(async_cmd(f, 0), ==, -EINVAL);
    g_assert_false(mdev_work_pending(f->m));
}

/* ------------------------------------------------------------------------
 * Channel paths and CRWs
 * ------------------------------------------------------------------------ */

static void read_crw(Fixture *f, CRW *crw)
{
    struct ccw_crw_region r;

    g_assert_cmpint(mdev_region_read(f->m, VFIO_USER_CCW_CRW_REGION_INDEX, 0,
                                     &r, sizeof(r)), ==, sizeof(r));
    copy_crw_from_guest((const uint8_t *)&r, crw);
    g_assert_cmphex(r.pad, ==, 0);
}

static void test_last_path_offline(Fixture *f, gconstpointer data)
{
    CRW crw;

    mdev_open(f->m);
    g_assert_true(mdev_chp_event(f->m, 0, false));
    g_assert_false(mdev_chp_event(f->m, 0, false));
    g_assert_cmpuint(irq_count(f, VFIO_CCW_CRW_IRQ_INDEX), ==, 1);
    g_assert_cmpint(ssch(f), ==, -ENODEV);
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);

    read_crw(f, &crw);
    g_assert_cmphex(crw.flags, ==, (CRW_RSC_CHP << CRW_FLAGS_RSC_SHIFT) |
                    CRW_ERC_PERRN);
    g_assert_cmphex(crw.rsid, ==, 0x50);
    read_crw(f, &crw);
    g_assert_cmphex(crw.flags, ==, 0);

    g_assert_true(mdev_chp_event(f->m, 0, true));
    read_crw(f, &crw);
    g_assert_cmphex(crw.flags, ==, (CRW_RSC_CHP << CRW_FLAGS_RSC_SHIFT) |
                    CRW_ERC_INIT);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
}

static void test_other_paths_left_eacces(Fixture *f, gconstpointer data)
{
    ORB orb = program_orb(PROGRAM, 0x80);

    mdev_open(f->m);
    g_assert_true(mdev_chp_event(f->m, 0, false));
    /* The ORB allows only the offline path; others remain: -EACCES. */
    g_assert_cmpint(write_io(f, &orb, SCSW_FCTL_START_FUNC), ==, -EACCES);
    /* LPM 0 uses the subchannel's paths: 0x40 and 0x20 are fine. */
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
}

static void test_crw_signals(Fixture *f, gconstpointer data)
{
    CRW crw;

    mdev_queue_crw(f->m, CRW_RSC_CSS, CRW_ERC_EVENT, 0);
    mdev_queue_crw(f->m, CRW_RSC_SUBCH, CRW_ERC_IPI, 0x42);
    g_assert_cmpuint(irq_count(f, VFIO_CCW_CRW_IRQ_INDEX), ==, 2);
    /* A read that leaves CRWs behind signals again. */
    read_crw(f, &crw);
    g_assert_cmphex(crw.flags >> CRW_FLAGS_RSC_SHIFT, ==, CRW_RSC_CSS);
    g_assert_cmpuint(irq_count(f, VFIO_CCW_CRW_IRQ_INDEX), ==, 1);
    /* A new eventfd hears about what is still queued. */
    g_assert_cmpint(mdev_set_irq_fd(f->m, VFIO_CCW_CRW_IRQ_INDEX,
                                    dup(f->irq[VFIO_CCW_CRW_IRQ_INDEX])),
                    ==, 0);
    g_assert_cmpuint(irq_count(f, VFIO_CCW_CRW_IRQ_INDEX), ==, 1);
    read_crw(f, &crw);
    g_assert_cmphex(crw.rsid, ==, 0x42);
    g_assert_cmpuint(mdev_crws_queued(f->m), ==, 0);
}

static void test_crw_overflow(Fixture *f, gconstpointer data)
{
    CRW crw;

    for (unsigned i = 0; i < MDEV_CRW_QUEUE_MAX + 3; i++) {
        mdev_queue_crw(f->m, CRW_RSC_SUBCH, CRW_ERC_AVAIL, i);
    }
    g_assert_cmpuint(mdev_crws_queued(f->m), ==, MDEV_CRW_QUEUE_MAX);
    for (unsigned i = 0; i < MDEV_CRW_QUEUE_MAX; i++) {
        read_crw(f, &crw);
        g_assert_cmphex(crw.rsid, ==, i);
        /* The last one kept carries R: reports were lost after it. */
        g_assert_cmphex(crw.flags & CRW_FLAGS_MASK_R, ==,
                        i == MDEV_CRW_QUEUE_MAX - 1 ? CRW_FLAGS_MASK_R : 0);
    }
}

/* ------------------------------------------------------------------------
 * SCHIB and identity regions
 * ------------------------------------------------------------------------ */

static void read_schib(Fixture *f, SCHIB *schib)
{
    struct ccw_schib_region r;

    g_assert_cmpint(mdev_region_read(f->m, VFIO_USER_CCW_SCHIB_REGION_INDEX,
                                     0, &r, sizeof(r)), ==, sizeof(r));
    copy_schib_from_guest(r.schib_area, schib);
}

static void test_schib(Fixture *f, gconstpointer data)
{
    const uint8_t chpids[8] = { 0x50, 0x51, 0x52 };
    SCHIB s;

    mdev_open(f->m);
    read_schib(f, &s);
    g_assert_cmphex(s.pmcw.flags, ==, (3 << PMCW_FLAGS_ISC_SHIFT) |
                    PMCW_FLAGS_MASK_ENA | PMCW_FLAGS_MASK_DNV);
    g_assert_cmphex(s.pmcw.devno, ==, 0x1234);
    g_assert_cmphex(s.pmcw.pim, ==, 0xe0);
    g_assert_cmphex(s.pmcw.pam, ==, 0xe0);
    g_assert_cmphex(s.pmcw.pom, ==, 0xe0);
    g_assert_cmphex(s.pmcw.lpm, ==, 0xe0);
    g_assert_cmpmem(s.pmcw.chpid, 8, chpids, 8);
    g_assert_cmphex(s.pmcw.chars, ==, PMCW_CHARS_MASK_CSENSE);

    mdev_chp_event(f->m, 1, false);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
    read_schib(f, &s);
    g_assert_cmphex(s.pmcw.pom, ==, 0xa0);
    g_assert_cmphex(s.pmcw.pam, ==, 0xe0);
    /* A start is pending on the host subchannel. */
    g_assert_cmphex(s.scsw.ctrl, ==, SCSW_FCTL_START_FUNC |
                    SCSW_ACTL_START_PEND);
    mdev_run_work(f->m);
    read_schib(f, &s);
    g_assert_cmphex(s.pmcw.lpum, ==, 0x80);
    g_assert_cmphex(s.scsw.ctrl, ==, 0);

    mdev_close(f->m);
    read_schib(f, &s);
    g_assert_cmphex(s.pmcw.flags & PMCW_FLAGS_MASK_ENA, ==, 0);
    mdev_fsm_event(f->m, MDEV_EVENT_NOT_OPER);
    g_assert_cmpint(mdev_region_read(f->m, VFIO_USER_CCW_SCHIB_REGION_INDEX,
                                     0, &s, 4), ==, -ENODEV);
}

static void test_id_region(Fixture *f, gconstpointer data)
{
    const uint8_t chpids[8] = { 0x50, 0x51, 0x52 };
    VFIOUserCCWId id;

    g_assert_cmpint(mdev_region_read(f->m, VFIO_USER_CCW_ID_REGION_INDEX, 0,
                                     &id, sizeof(id)), ==, sizeof(id));
    g_assert_cmpuint(id.version, ==, VFIO_USER_CCW_ID_VERSION);
    g_assert_cmpuint(id.size, ==, sizeof(id));
    g_assert_cmphex(id.cssid, ==, 0);
    g_assert_cmphex(id.ssid, ==, 1);
    g_assert_cmphex(id.schno, ==, 0x42);
    g_assert_cmphex(id.devno, ==, 0x1234);
    g_assert_cmphex(id.pim, ==, 0xe0);
    g_assert_cmpmem(id.chpid, 8, chpids, 8);
}

typedef struct RegionAccess {
    const char *path;
    uint32_t index;
    uint64_t off;
    size_t len;
    bool write;
    int ret;
} RegionAccess;

static const RegionAccess region_accesses[] = {
    { "/mdev/region/io-read-whole", 0, 0, 124, false, 124 },
    { "/mdev/region/io-read-past-end", 0, 1, 124, false, -EINVAL },
    { "/mdev/region/io-read-at-end", 0, 124, 0, false, 0 },
    { "/mdev/region/io-read-offset-past-end", 0, 125, 0, false, -EINVAL },
    { "/mdev/region/io-write-past-end", 0, 120, 8, true, -EINVAL },
    { "/mdev/region/io-read-huge-offset", 0, UINT64_MAX - 2, 4, false,
      -EINVAL },
    { "/mdev/region/async-read-past-end", 1, 4, 8, false, -EINVAL },
    { "/mdev/region/schib-write-einval", 2, 0, 4, true, -EINVAL },
    { "/mdev/region/schib-read-past-end", 2, 48, 8, false, -EINVAL },
    { "/mdev/region/crw-write-einval", 3, 0, 4, true, -EINVAL },
    { "/mdev/region/crw-read-pad", 3, 4, 4, false, 4 },
    { "/mdev/region/id-write-einval", 4, 0, 4, true, -EINVAL },
    { "/mdev/region/id-read-past-end", 4, 0, 25, false, -EINVAL },
    { "/mdev/region/unknown-index-read", 5, 0, 4, false, -EINVAL },
    { "/mdev/region/unknown-index-write", 5, 0, 4, true, -EINVAL },
};

static void test_region_access(Fixture *f, gconstpointer data)
{
    const RegionAccess *tc = data;
    uint8_t buf[256] = { 0 };

    mdev_open(f->m);
    if (tc->write) {
        g_assert_cmpint(mdev_region_write(f->m, tc->index, tc->off, buf,
                                          tc->len), ==, tc->ret);
    } else {
        g_assert_cmpint(mdev_region_read(f->m, tc->index, tc->off, buf,
                                         tc->len), ==, tc->ret);
    }
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);
}

/* ------------------------------------------------------------------------
 * Reset, DMA unmap, REQ, close
 * ------------------------------------------------------------------------ */

static void test_reset_drops_program(Fixture *f, gconstpointer data)
{
    mdev_open(f->m);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
    g_assert_cmpint(mdev_reset(f->m), ==, 0);
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);
    g_assert_false(mdev_work_pending(f->m));
    g_assert_cmpuint(irq_count(f, VFIO_CCW_IO_IRQ_INDEX), ==, 0);
    g_assert_cmpuint(f->fake.commands, ==, 0);
    mdev_fsm_event(f->m, MDEV_EVENT_NOT_OPER);
    g_assert_cmpint(mdev_reset(f->m), ==, -EINVAL);
}

static void test_dma_unmap_pinned(Fixture *f, gconstpointer data)
{
    CCW1 read = { .cmd_code = 0x02, .count = 16, .cda = 0x2000 };

    copy_ccw1_to_guest(f->ram + PROGRAM, &read);
    mdev_open(f->m);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
    /* Memory the program does not use: nothing happens. */
    g_assert_false(mdev_dma_unmap(f->m, 0x4000, 0x1000));
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_CP_PENDING);
    /* Its data page: the device is reset first. */
    g_assert_true(mdev_dma_unmap(f->m, 0x2000, 0x1000));
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);
    g_assert_false(mdev_work_pending(f->m));
}

static void test_request_release(Fixture *f, gconstpointer data)
{
    g_assert_true(mdev_request_release(f->m));
    g_assert_cmpuint(irq_count(f, VFIO_CCW_REQ_IRQ_INDEX), ==, 1);
    mdev_set_irq_fd(f->m, VFIO_CCW_REQ_IRQ_INDEX, -1);
    g_assert_false(mdev_request_release(f->m));
    g_assert_cmpint(mdev_set_irq_fd(f->m, VFIO_CCW_NUM_IRQS, -1), ==,
                    -EINVAL);
}

static void test_close_keeps_device_state(Fixture *f, gconstpointer data)
{
    mdev_open(f->m);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
    mdev_queue_crw(f->m, CRW_RSC_SUBCH, CRW_ERC_AVAIL, 1);
    mdev_close(f->m);
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_STANDBY);
    g_assert_false(mdev_work_pending(f->m));
    /* The IRQ fds are gone with the user ... */
    g_assert_false(mdev_request_release(f->m));
    /* ... but the reports wait for the next one. */
    g_assert_cmpuint(mdev_crws_queued(f->m), ==, 1);
    mdev_open(f->m);
    g_assert_cmpint(mdev_state(f->m), ==, MDEV_STATE_IDLE);
    g_assert_cmpint(ssch(f), ==, sizeof(struct ccw_io_region));
}

#define ADD(path, fn) g_test_add(path, Fixture, NULL, setup, fn, teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    for (unsigned i = 0; i < G_N_ELEMENTS(cells); i++) {
        g_test_add(cells[i].path, Fixture, &cells[i], setup, test_cell,
                   teardown);
    }
    ADD("/mdev/io/irb-after-program", test_program_irb);
    ADD("/mdev/io/unit-check-concurrent-sense", test_unit_check_sense);
    for (unsigned i = 0; i < G_N_ELEMENTS(io_refusals); i++) {
        g_test_add(io_refusals[i].path, Fixture, &io_refusals[i], setup,
                   test_io_refusal, teardown);
    }
    ADD("/mdev/io/no-function-keeps-ret-code",
        test_no_function_keeps_ret_code);
    ADD("/mdev/io/zero-length-write-no-request", test_zero_length_write);
    ADD("/mdev/async/halt-withdraws-pending-start",
        test_halt_pending_program);
    ADD("/mdev/async/halt-idle-device-end-then-busy", test_halt_idle);
    ADD("/mdev/async/clear-overrides-start-and-halt",
        test_clear_pending_program);
    ADD("/mdev/async/unknown-command-einval", test_async_unknown_command);
    ADD("/mdev/path/last-path-offline-enodev-and-crw",
        test_last_path_offline);
    g_test_add("/mdev/path/orb-path-offline-eacces", Fixture, NULL,
               setup_3paths, test_other_paths_left_eacces, teardown);
    ADD("/mdev/crw/read-pops-and-resignals", test_crw_signals);
    ADD("/mdev/crw/overflow-sets-r", test_crw_overflow);
    g_test_add("/mdev/schib/host-pmcw", Fixture, NULL, setup_3paths,
               test_schib, teardown);
    g_test_add("/mdev/id/region-contents", Fixture, NULL, setup_3paths,
               test_id_region, teardown);
    for (unsigned i = 0; i < G_N_ELEMENTS(region_accesses); i++) {
        g_test_add(region_accesses[i].path, Fixture, &region_accesses[i],
                   setup, test_region_access, teardown);
    }
    ADD("/mdev/reset/drops-program-without-interrupt",
        test_reset_drops_program);
    ADD("/mdev/dma-unmap/pinned-page-resets", test_dma_unmap_pinned);
    ADD("/mdev/req/signals-eventfd", test_request_release);
    ADD("/mdev/close/keeps-device-state", test_close_keeps_device_state);
    return g_test_run();
}
