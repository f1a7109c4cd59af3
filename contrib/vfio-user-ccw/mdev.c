/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mdev.c: the simulated vfio-ccw mediated device (see mdev.h).
 *
 * This file is the kernel's part: the FSM, the regions, the IRQ
 * eventfds and the CRW queue (vfio_ccw_fsm.c / vfio_ccw_ops.c /
 * vfio_ccw_async.c / vfio_ccw_chp.c).  Below it, mdev-hw.c models the
 * host subchannel that real hardware would be.
 */
#include "qemu/osdep.h"

#include "mdev-int.h"

typedef void (*MdevFsmFunc)(Mdev *m, MdevEvent event);

static const char *const state_names[MDEV_STATE_NR] = {
    [MDEV_STATE_NOT_OPER] = "NOT_OPER",
    [MDEV_STATE_STANDBY] = "STANDBY",
    [MDEV_STATE_IDLE] = "IDLE",
    [MDEV_STATE_CP_PROCESSING] = "CP_PROCESSING",
    [MDEV_STATE_CP_PENDING] = "CP_PENDING",
};

static const char *const event_names[MDEV_EVENT_NR] = {
    [MDEV_EVENT_NOT_OPER] = "NOT_OPER",
    [MDEV_EVENT_IO_REQ] = "IO_REQ",
    [MDEV_EVENT_INTERRUPT] = "INTERRUPT",
    [MDEV_EVENT_ASYNC_REQ] = "ASYNC_REQ",
    [MDEV_EVENT_OPEN] = "OPEN",
    [MDEV_EVENT_CLOSE] = "CLOSE",
};

const char *mdev_state_name(MdevState s)
{
    return s < MDEV_STATE_NR ? state_names[s] : "?";
}

const char *mdev_event_name(MdevEvent e)
{
    return e < MDEV_EVENT_NR ? event_names[e] : "?";
}

void mdev_trace(Mdev *m, const char *fmt, ...)
{
    g_autofree char *body = NULL;
    g_autofree char *line = NULL;
    va_list ap;

    if (!m->trace) {
        return;
    }
    va_start(ap, fmt);
    body = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    line = g_strdup_printf("%x.%x.%04x: %s", m->cfg.cssid, m->cfg.ssid,
                           m->cfg.schno, body);
    m->trace(m->trace_opaque, line);
}

/* ------------------------------------------------------------------------
 * IRQs and CRWs
 * ------------------------------------------------------------------------ */

bool mdev_signal_irq(Mdev *m, uint32_t index)
{
    uint64_t one = 1;

    if (index >= VFIO_CCW_NUM_IRQS || m->irq_fd[index] < 0) {
        return false;
    }
    /* A full counter (EAGAIN) still means "signalled". */
    if (write(m->irq_fd[index], &one, sizeof(one)) < 0 && errno != EAGAIN) {
        return false;
    }
    return true;
}

bool mdev_trigger_irq(Mdev *m, uint32_t index)
{
    return mdev_signal_irq(m, index);
}

int mdev_set_irq_fd(Mdev *m, uint32_t index, int fd)
{
    if (index >= VFIO_CCW_NUM_IRQS) {
        if (fd >= 0) {
            close(fd);
        }
        return -EINVAL;
    }
    if (m->irq_fd[index] >= 0) {
        close(m->irq_fd[index]);
    }
    m->irq_fd[index] = fd;
    /* CRWs queued while nobody listened are announced now. */
    if (index == VFIO_CCW_CRW_IRQ_INDEX && !g_queue_is_empty(&m->crws)) {
        mdev_signal_irq(m, index);
    }
    return 0;
}

static void close_irq_fds(Mdev *m)
{
    for (unsigned i = 0; i < VFIO_CCW_NUM_IRQS; i++) {
        if (m->irq_fd[i] >= 0) {
            close(m->irq_fd[i]);
            m->irq_fd[i] = -1;
        }
    }
}

bool mdev_request_release(Mdev *m)
{
    bool asked = mdev_signal_irq(m, VFIO_CCW_REQ_IRQ_INDEX);

    mdev_trace(m, "request to release the device %s",
               asked ? "signalled" : "not delivered: no REQ eventfd");
    return asked;
}

void mdev_queue_crw(Mdev *m, uint8_t rsc, uint8_t erc, uint16_t rsid)
{
    uint32_t word = ((uint32_t)((rsc << CRW_FLAGS_RSC_SHIFT) &
                                CRW_FLAGS_MASK_RSC) |
                     (erc & CRW_FLAGS_MASK_ERC)) << 16 | rsid;

    if (g_queue_get_length(&m->crws) >= MDEV_CRW_QUEUE_MAX) {
        /* Lost reports: the newest one kept says so (PoP ch. 17, R). */
        uint32_t tail = GPOINTER_TO_UINT(g_queue_pop_tail(&m->crws));

        g_queue_push_tail(&m->crws, GUINT_TO_POINTER(
                              tail | (uint32_t)CRW_FLAGS_MASK_R << 16));
        mdev_trace(m, "CRW queue full: report rsc %x erc %x dropped", rsc,
                   erc);
        return;
    }
    g_queue_push_tail(&m->crws, GUINT_TO_POINTER(word));
    mdev_trace(m, "CRW queued: rsc %x erc %x rsid %04x", rsc, erc, rsid);
    mdev_signal_irq(m, VFIO_CCW_CRW_IRQ_INDEX);
}

unsigned mdev_crws_queued(const Mdev *m)
{
    return m->crws.length;
}

/* ------------------------------------------------------------------------
 * The FSM (the kernel's vfio_ccw_jumptable, cell for cell)
 * ------------------------------------------------------------------------ */

static int32_t io_ret(const Mdev *m)
{
    return (int32_t)m->io.ret_code;
}

static int32_t cmd_ret(const Mdev *m)
{
    return (int32_t)m->cmd.ret_code;
}

static void fsm_nop(Mdev *m, MdevEvent event)
{
}

static void fsm_notoper(Mdev *m, MdevEvent event)
{
    mdev_hw_cancel(m);
    m->hw.enabled = false;
    m->state = MDEV_STATE_NOT_OPER;
    cp_free(m->cp);
}

static void fsm_io_error(Mdev *m, MdevEvent event)
{
    m->io.ret_code = (uint32_t)-EIO;
}

static void fsm_io_busy(Mdev *m, MdevEvent event)
{
    m->io.ret_code = (uint32_t)-EBUSY;
}

static void fsm_io_retry(Mdev *m, MdevEvent event)
{
    m->io.ret_code = (uint32_t)-EAGAIN;
}

static void fsm_async_error(Mdev *m, MdevEvent event)
{
    m->cmd.ret_code = (uint32_t)-EIO;
}

static void fsm_async_retry(Mdev *m, MdevEvent event)
{
    m->cmd.ret_code = (uint32_t)-EAGAIN;
}

/* An interruption while disabled: it is dropped (disabled again). */
static void fsm_disabled_irq(Mdev *m, MdevEvent event)
{
    m->hw.enabled = false;
    mdev_trace(m, "hw: interruption while disabled, dropped");
}

static void fsm_io_request(Mdev *m, MdevEvent event)
{
    SCSW scsw;
    ORB orb;
    int ret;

    m->state = MDEV_STATE_CP_PROCESSING;
    copy_scsw_from_guest(m->io.scsw_area, &scsw);
    if (scsw.ctrl & SCSW_FCTL_START_FUNC) {
        copy_orb_from_guest(m->io.orb_area, &orb);
        if (orb.ctrl0 & ORB_CTRL0_MASK_TM) {
            /* No channel program is built for transport mode. */
            ret = -EOPNOTSUPP;
            goto err_out;
        }
        ret = cp_init(m->cp, &orb);
        if (ret) {
            goto err_out;
        }
        ret = cp_prefetch(m->cp);
        if (ret) {
            cp_free(m->cp);
            goto err_out;
        }
        ret = mdev_hw_ssch(m);
        if (ret) {
            cp_free(m->cp);
            goto err_out;
        }
        m->io.ret_code = 0;
        return;
    } else if (scsw.ctrl & (SCSW_FCTL_HALT_FUNC | SCSW_FCTL_CLEAR_FUNC)) {
        /* Halt and clear go through the async command region. */
        ret = -EOPNOTSUPP;
        goto err_out;
    }
    /*
     * No function at all: like the kernel, leave ret_code as the writer
     * left it (QEMU writes the whole region with ret_code 0).
     */
    m->state = MDEV_STATE_IDLE;
    return;

err_out:
    m->io.ret_code = (uint32_t)ret;
    m->state = MDEV_STATE_IDLE;
}

static void fsm_async_request(Mdev *m, MdevEvent event)
{
    switch (m->cmd.command) {
    case VFIO_CCW_ASYNC_CMD_HSCH:
        m->cmd.ret_code = (uint32_t)mdev_hw_hsch(m);
        break;
    case VFIO_CCW_ASYNC_CMD_CSCH:
        m->cmd.ret_code = (uint32_t)mdev_hw_csch(m);
        break;
    default:
        m->cmd.ret_code = (uint32_t)-EINVAL;
        break;
    }
}

/* The interrupt (and the kernel's io work right after it). */
static void fsm_irq(Mdev *m, MdevEvent event)
{
    IRB irb = m->hw.irb;
    uint16_t sc = irb.scsw.ctrl & SCSW_CTRL_MASK_STCTL;
    bool solicited = (irb.scsw.flags & SCSW_FLAGS_MASK_CC) ||
                     sc != (SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND);
    bool final = !(irb.scsw.ctrl & (SCSW_ACTL_SUBCH_ACTIVE |
                                    SCSW_ACTL_DEVICE_ACTIVE));
    bool finished = false;

    if (solicited) {
        cp_update_scsw(m->cp, &irb.scsw);
        if (final && m->state == MDEV_STATE_CP_PENDING) {
            cp_free(m->cp);
            finished = true;
        }
    }
    copy_irb_to_guest(m->io.irb_area, &irb);
    /* The state is right before the user hears about it. */
    if (finished) {
        m->state = MDEV_STATE_IDLE;
    }
    mdev_signal_irq(m, VFIO_CCW_IO_IRQ_INDEX);
}

static void fsm_open(Mdev *m, MdevEvent event)
{
    m->hw.enabled = true;
    m->hw.intparm = ioinst_sid_encode(true, m->cfg.cssid, m->cfg.ssid,
                                      m->cfg.schno);
    m->state = MDEV_STATE_IDLE;
}

static void fsm_close(Mdev *m, MdevEvent event)
{
    if (!m->hw.enabled) {
        fsm_notoper(m, event);
        return;
    }
    /* Quiesce: whatever the subchannel was doing is cancelled. */
    mdev_hw_cancel(m);
    m->hw.enabled = false;
    m->state = MDEV_STATE_STANDBY;
    cp_free(m->cp);
}

static const MdevFsmFunc mdev_fsm[MDEV_STATE_NR][MDEV_EVENT_NR] = {
    [MDEV_STATE_NOT_OPER] = {
        [MDEV_EVENT_NOT_OPER] = fsm_nop,
        [MDEV_EVENT_IO_REQ] = fsm_io_error,
        [MDEV_EVENT_INTERRUPT] = fsm_disabled_irq,
        [MDEV_EVENT_ASYNC_REQ] = fsm_async_error,
        [MDEV_EVENT_OPEN] = fsm_nop,
        [MDEV_EVENT_CLOSE] = fsm_nop,
    },
    [MDEV_STATE_STANDBY] = {
        [MDEV_EVENT_NOT_OPER] = fsm_notoper,
        [MDEV_EVENT_IO_REQ] = fsm_io_error,
        [MDEV_EVENT_INTERRUPT] = fsm_disabled_irq,
        [MDEV_EVENT_ASYNC_REQ] = fsm_async_error,
        [MDEV_EVENT_OPEN] = fsm_open,
        [MDEV_EVENT_CLOSE] = fsm_notoper,
    },
    [MDEV_STATE_IDLE] = {
        [MDEV_EVENT_NOT_OPER] = fsm_notoper,
        [MDEV_EVENT_IO_REQ] = fsm_io_request,
        [MDEV_EVENT_INTERRUPT] = fsm_irq,
        [MDEV_EVENT_ASYNC_REQ] = fsm_async_request,
        [MDEV_EVENT_OPEN] = fsm_notoper,
        [MDEV_EVENT_CLOSE] = fsm_close,
    },
    [MDEV_STATE_CP_PROCESSING] = {
        [MDEV_EVENT_NOT_OPER] = fsm_notoper,
        [MDEV_EVENT_IO_REQ] = fsm_io_retry,
        [MDEV_EVENT_INTERRUPT] = fsm_irq,
        [MDEV_EVENT_ASYNC_REQ] = fsm_async_retry,
        [MDEV_EVENT_OPEN] = fsm_notoper,
        [MDEV_EVENT_CLOSE] = fsm_close,
    },
    [MDEV_STATE_CP_PENDING] = {
        [MDEV_EVENT_NOT_OPER] = fsm_notoper,
        [MDEV_EVENT_IO_REQ] = fsm_io_busy,
        [MDEV_EVENT_INTERRUPT] = fsm_irq,
        [MDEV_EVENT_ASYNC_REQ] = fsm_async_request,
        [MDEV_EVENT_OPEN] = fsm_notoper,
        [MDEV_EVENT_CLOSE] = fsm_close,
    },
};

void mdev_fsm_event(Mdev *m, MdevEvent event)
{
    MdevState from = m->state;

    if (event >= MDEV_EVENT_NR || from >= MDEV_STATE_NR) {
        return;
    }
    mdev_fsm[from][event](m, event);
    switch (event) {
    case MDEV_EVENT_IO_REQ:
        mdev_trace(m, "fsm: %s + %s -> %s, ret %d", state_names[from],
                   event_names[event], state_names[m->state], io_ret(m));
        break;
    case MDEV_EVENT_ASYNC_REQ:
        mdev_trace(m, "fsm: %s + %s (command %u) -> %s, ret %d",
                   state_names[from], event_names[event], m->cmd.command,
                   state_names[m->state], cmd_ret(m));
        break;
    default:
        mdev_trace(m, "fsm: %s + %s -> %s", state_names[from],
                   event_names[event], state_names[m->state]);
        break;
    }
}

void mdev_fsm_force_state(Mdev *m, MdevState state)
{
    if (state < MDEV_STATE_NR) {
        mdev_trace(m, "fsm: forced %s -> %s", state_names[m->state],
                   state_names[state]);
        m->state = state;
    }
}

MdevState mdev_state(const Mdev *m)
{
    return m->state;
}

/* ------------------------------------------------------------------------
 * Life cycle
 * ------------------------------------------------------------------------ */

Mdev *mdev_new(const MdevConfig *cfg, const MdevDevice *dev,
               const DmaMaps *maps)
{
    Mdev *m = g_new0(Mdev, 1);
    unsigned n = MIN(MAX(cfg->num_chpids, 1), MDEV_MAX_CHPIDS);

    m->cfg = *cfg;
    m->cfg.num_chpids = n;
    for (unsigned i = n; i < MDEV_MAX_CHPIDS; i++) {
        m->cfg.chpid[i] = 0;
    }
    m->dev = *dev;
    m->maps = maps;
    m->cp = cp_new(maps);
    m->state = MDEV_STATE_STANDBY;
    for (unsigned i = 0; i < VFIO_CCW_NUM_IRQS; i++) {
        m->irq_fd[i] = -1;
    }
    g_queue_init(&m->crws);
    for (unsigned i = 0; i < n; i++) {
        m->hw.pim |= mdev_path_bit(i);
    }
    m->hw.opm = m->hw.pim;
    m->hw.lpm = m->hw.pim;
    return m;
}

void mdev_free(Mdev *m)
{
    if (!m) {
        return;
    }
    close_irq_fds(m);
    cp_destroy(m->cp);
    g_queue_clear(&m->crws);
    g_free(m);
}

void mdev_set_trace(Mdev *m, MdevTraceFn fn, void *opaque)
{
    m->trace = fn;
    m->trace_opaque = opaque;
}

void mdev_open(Mdev *m)
{
    mdev_fsm_event(m, MDEV_EVENT_OPEN);
}

void mdev_close(Mdev *m)
{
    mdev_fsm_event(m, MDEV_EVENT_CLOSE);
    close_irq_fds(m);
}

int mdev_reset(Mdev *m)
{
    mdev_fsm_event(m, MDEV_EVENT_CLOSE);
    mdev_fsm_event(m, MDEV_EVENT_OPEN);
    return m->state == MDEV_STATE_NOT_OPER ? -EINVAL : 0;
}

bool mdev_dma_unmap(Mdev *m, uint64_t iova, uint64_t size)
{
    if (!size || !cp_iova_pinned(m->cp, iova, size)) {
        return false;
    }
    mdev_trace(m, "DMA unmap of pinned memory at %" PRIx64 ": reset", iova);
    mdev_reset(m);
    return true;
}


/* ------------------------------------------------------------------------
 * Regions
 * ------------------------------------------------------------------------ */

static const MdevRegionDesc region_descs[VFIO_USER_CCW_NUM_REGIONS] = {
    [VFIO_USER_CCW_IO_REGION_INDEX] = {
        .size = VFIO_USER_CCW_IO_REGION_SIZE,
        .flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE,
    },
    [VFIO_USER_CCW_ASYNC_REGION_INDEX] = {
        .size = VFIO_USER_CCW_ASYNC_REGION_SIZE,
        .flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE,
        .subtype = VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD,
    },
    [VFIO_USER_CCW_SCHIB_REGION_INDEX] = {
        .size = VFIO_USER_CCW_SCHIB_REGION_SIZE,
        .flags = VFIO_REGION_INFO_FLAG_READ,
        .subtype = VFIO_REGION_SUBTYPE_CCW_SCHIB,
    },
    [VFIO_USER_CCW_CRW_REGION_INDEX] = {
        .size = VFIO_USER_CCW_CRW_REGION_SIZE,
        .flags = VFIO_REGION_INFO_FLAG_READ,
        .subtype = VFIO_REGION_SUBTYPE_CCW_CRW,
    },
    [VFIO_USER_CCW_ID_REGION_INDEX] = {
        .size = VFIO_USER_CCW_ID_REGION_SIZE,
        .flags = VFIO_REGION_INFO_FLAG_READ,
        .subtype = VFIO_USER_CCW_REGION_SUBTYPE_ID,
    },
};

const MdevRegionDesc *mdev_region_desc(uint32_t index)
{
    return index < VFIO_USER_CCW_NUM_REGIONS ? &region_descs[index] : NULL;
}

/* Whether [@off, @off + @len) fits region @index (pos + count <= size). */
static bool range_ok(uint32_t index, uint64_t off, size_t len)
{
    const MdevRegionDesc *d = mdev_region_desc(index);

    return d && off <= d->size && len <= d->size - off;
}

static void fill_id(const Mdev *m, VFIOUserCCWId *id)
{
    memset(id, 0, sizeof(*id));
    id->version = VFIO_USER_CCW_ID_VERSION;
    id->size = sizeof(*id);
    id->cssid = m->cfg.cssid;
    id->ssid = m->cfg.ssid;
    id->schno = m->cfg.schno;
    id->devno = m->cfg.devno;
    id->pim = m->hw.pim;
    memcpy(id->chpid, m->cfg.chpid, sizeof(id->chpid));
}

ssize_t mdev_region_read(Mdev *m, uint32_t index, uint64_t off, void *buf,
                         size_t len)
{
    if (!range_ok(index, off, len)) {
        return -EINVAL;
    }
    switch (index) {
    case VFIO_USER_CCW_IO_REGION_INDEX:
        memcpy(buf, (uint8_t *)&m->io + off, len);
        break;
    case VFIO_USER_CCW_ASYNC_REGION_INDEX:
        memcpy(buf, (uint8_t *)&m->cmd + off, len);
        break;
    case VFIO_USER_CCW_SCHIB_REGION_INDEX: {
        struct ccw_schib_region region;
        SCHIB schib;

        /* STSCH on a subchannel that is gone fails (cc 3). */
        if (m->state == MDEV_STATE_NOT_OPER) {
            return -ENODEV;
        }
        mdev_get_schib(m, &schib);
        copy_schib_to_guest(region.schib_area, &schib);
        memcpy(buf, (uint8_t *)&region + off, len);
        break;
    }
    case VFIO_USER_CCW_CRW_REGION_INDEX: {
        struct ccw_crw_region region = { 0 };
        uint8_t *bytes = (uint8_t *)&region;

        /* Every read takes one CRW, whatever part of the region it reads. */
        if (!g_queue_is_empty(&m->crws)) {
            uint32_t word = GPOINTER_TO_UINT(g_queue_pop_head(&m->crws));
            CRW crw = { .flags = word >> 16, .rsid = word & 0xffff };

            copy_crw_to_guest(bytes, &crw);
        }
        memcpy(buf, bytes + off, len);
        if (!g_queue_is_empty(&m->crws)) {
            mdev_signal_irq(m, VFIO_CCW_CRW_IRQ_INDEX);
        }
        break;
    }
    case VFIO_USER_CCW_ID_REGION_INDEX: {
        VFIOUserCCWId id;

        fill_id(m, &id);
        memcpy(buf, (uint8_t *)&id + off, len);
        break;
    }
    default:
        return -EINVAL;
    }
    return len;
}

ssize_t mdev_region_write(Mdev *m, uint32_t index, uint64_t off,
                          const void *buf, size_t len)
{
    int32_t ret;

    if (!range_ok(index, off, len) ||
        !(region_descs[index].flags & VFIO_REGION_INFO_FLAG_WRITE)) {
        return -EINVAL;
    }
    if (!len) {
        return 0;
    }
    if (index == VFIO_USER_CCW_IO_REGION_INDEX) {
        memcpy((uint8_t *)&m->io + off, buf, len);
        mdev_fsm_event(m, MDEV_EVENT_IO_REQ);
        ret = io_ret(m);
    } else {
        memcpy((uint8_t *)&m->cmd + off, buf, len);
        mdev_fsm_event(m, MDEV_EVENT_ASYNC_REQ);
        ret = cmd_ret(m);
    }
    return ret ? ret : (ssize_t)len;
}
