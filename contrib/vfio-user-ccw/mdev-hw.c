/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mdev-hw.c: the simulated host subchannel under the mdev, standing in
 * for what START, HALT and CLEAR SUBCHANNEL do on real hardware behind
 * the kernel's vfio_ccw: condition codes, path selection, the pending
 * function, and at mdev_run_work() the channel program run on the device
 * (through cp_run()) with the IRB it ends with, as the interruption would
 * present it (PoP ch. 15 and 16).  Also the channel-path events that
 * change which paths are operational.
 */
#include "qemu/osdep.h"

#include "mdev-int.h"

/* ------------------------------------------------------------------------
 * The host subchannel
 * ------------------------------------------------------------------------ */

uint8_t mdev_path_bit(unsigned path)
{
    return 0x80 >> path;
}

/* The first usable path of @mask, as the channel would pick it. */
static uint8_t first_path(uint8_t mask)
{
    for (unsigned i = 0; i < MDEV_MAX_CHPIDS; i++) {
        if (mask & mdev_path_bit(i)) {
            return mdev_path_bit(i);
        }
    }
    return 0;
}

void mdev_get_schib(const Mdev *m, SCHIB *schib)
{
    PMCW *p = &schib->pmcw;

    memset(schib, 0, sizeof(*schib));
    p->intparm = m->hw.enabled ? m->hw.intparm : 0;
    p->flags = (MDEV_ISC << PMCW_FLAGS_ISC_SHIFT) | PMCW_FLAGS_MASK_DNV |
               (m->hw.enabled ? PMCW_FLAGS_MASK_ENA : 0);
    p->devno = m->cfg.devno;
    p->lpm = m->hw.lpm;
    p->lpum = m->hw.lpum;
    p->pim = m->hw.pim;
    p->pam = m->hw.pim;
    p->pom = m->hw.opm;
    memcpy(p->chpid, m->cfg.chpid, sizeof(p->chpid));
    /* Linux's cio sets concurrent sense on I/O subchannels. */
    p->chars = (PMCW_ST_IO << PMCW_CHARS_ST_SHIFT) | PMCW_CHARS_MASK_CSENSE;
    schib->scsw = m->hw.scsw;
}

/* ORB word 1 bits that the SCSW shows in the same positions. */
#define ORB_FLAGS_IN_SCSW (ORB_CTRL0_MASK_KEY | ORB_CTRL0_MASK_SPND | \
                           ORB_CTRL0_MASK_FMT | ORB_CTRL0_MASK_PFCH | \
                           ORB_CTRL0_MASK_ISIC | ORB_CTRL0_MASK_ALCC | \
                           ORB_CTRL0_MASK_SSIC)

/* Status that makes the ending an alert (PoP ch. 16, "Alert Status"). */
static bool end_is_alert(uint8_t dstat, uint8_t cstat)
{
    return (cstat & ~(SCSW_CSTAT_PCI | SCSW_CSTAT_INCORR_LEN)) ||
           (dstat & (SCSW_DSTAT_UNIT_CHECK | SCSW_DSTAT_UNIT_EXCEP |
                     SCSW_DSTAT_BUSY | SCSW_DSTAT_ATTENTION));
}

/*
 * START SUBCHANNEL on the host subchannel (the kernel's fsm_io_helper):
 * cc 2 while a function is pending, cc 3 when no path of the ORB's LPM is
 * operational, else the program is started.
 */
int mdev_hw_ssch(Mdev *m)
{
    uint8_t usable;

    cp_get_orb(m->cp, m->hw.intparm, m->hw.lpm, &m->hw.orb);
    if (m->hw.work) {
        return -EBUSY;
    }
    usable = m->hw.orb.lpm & m->hw.pim & m->hw.opm;
    if (!usable) {
        /* The kernel drops the paths that failed from its LPM. */
        m->hw.lpm = m->hw.orb.lpm ? m->hw.lpm & ~m->hw.orb.lpm : 0;
        return m->hw.lpm ? -EACCES : -ENODEV;
    }
    m->hw.scsw = (SCSW) {
        .flags = m->hw.orb.ctrl0 & ORB_FLAGS_IN_SCSW,
        .ctrl = SCSW_FCTL_START_FUNC | SCSW_ACTL_START_PEND,
    };
    m->hw.work = HW_START;
    m->state = MDEV_STATE_CP_PENDING;
    mdev_trace(m, "hw: ssch cpa %08x lpm %02x", m->hw.orb.cpa,
               m->hw.orb.lpm);
    return 0;
}

int mdev_hw_hsch(Mdev *m)
{
    if (m->hw.work & (HW_HALT | HW_CLEAR)) {
        return -EBUSY;
    }
    if (!(m->hw.pim & m->hw.opm)) {
        return -ENODEV;
    }
    m->hw.work |= HW_HALT;
    m->hw.scsw.ctrl |= SCSW_FCTL_HALT_FUNC | SCSW_ACTL_HALT_PEND;
    mdev_trace(m, "hw: hsch");
    return 0;
}

int mdev_hw_csch(Mdev *m)
{
    if (!(m->hw.pim & m->hw.opm)) {
        return -ENODEV;
    }
    m->hw.work = HW_CLEAR;
    m->hw.scsw = (SCSW) {
        .ctrl = SCSW_FCTL_CLEAR_FUNC | SCSW_ACTL_CLEAR_PEND,
    };
    mdev_trace(m, "hw: csch");
    return 0;
}

/* Forget a pending function without an interruption (quiesce, gone). */
void mdev_hw_cancel(Mdev *m)
{
    if (m->hw.work) {
        mdev_trace(m, "hw: pending function cancelled");
    }
    m->hw.work = 0;
    m->hw.scsw = (SCSW) { 0 };
}

/* Run the started program; returns false if no interruption is due. */
static bool hw_run_start(Mdev *m, IRB *irb)
{
    const MdevDevice *dev = &m->dev;
    const ORB *orb = &m->hw.orb;
    CcwInterpResult res;
    SCSW *s = &irb->scsw;

    cp_run(m->cp, orb, dev->ops, dev->opaque, &res);
    if (!res.suspended && res.commands && dev->program_end &&
        !(res.dstat & SCSW_DSTAT_UNIT_CHECK) &&
        !(res.cstat & (SCSW_CSTAT_PROG_CHECK | SCSW_CSTAT_PROT_CHECK))) {
        /* The control unit may still object to how the program ended. */
        res.dstat |= dev->program_end(dev->opaque);
    }
    m->hw.lpum = first_path(orb->lpm & m->hw.pim & m->hw.opm);

    s->flags = orb->ctrl0 & ORB_FLAGS_IN_SCSW;
    if ((orb->ctrl0 & ORB_CTRL0_MASK_ISIC) && res.commands) {
        /* The device accepted the first command: what Z reports. */
        s->flags |= SCSW_FLAGS_MASK_ZCC;
    }
    s->cpa = res.cpa;
    s->dstat = res.dstat;
    s->cstat = res.cstat;
    s->count = res.count;
    s->ctrl = SCSW_FCTL_START_FUNC;
    if (res.suspended) {
        s->ctrl |= SCSW_ACTL_SUSP;
        /* Suspension interrupts unless ORB U suppresses it. */
        if ((orb->ctrl0 & ORB_CTRL0_MASK_SSIC) && !res.pci) {
            m->hw.scsw = *s;
            mdev_trace(m, "hw: suspended at %08x, no interruption",
                       res.suspend_addr);
            return false;
        }
        s->ctrl |= SCSW_STCTL_INTERMEDIATE | SCSW_STCTL_STATUS_PEND;
    } else {
        s->ctrl |= SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
                   SCSW_STCTL_STATUS_PEND;
        if (end_is_alert(res.dstat, res.cstat)) {
            s->ctrl |= SCSW_STCTL_ALERT;
        }
    }

    irb->esw.sublog = (uint32_t)m->hw.lpum << ESW_SUBLOG_LPUM_SHIFT;
    if (res.dstat & SCSW_DSTAT_UNIT_CHECK) {
        /* Concurrent sense: the sense bytes come with the status. */
        if (dev->get_sense) {
            dev->get_sense(dev->opaque, irb->ecw);
        }
        s->flags |= SCSW_FLAGS_MASK_ESWF | SCSW_FLAGS_MASK_ECTL;
        irb->esw.erw = ESW_ERW_MASK_CONS |
                       ((uint32_t)SENSE_DATA_SIZE << ESW_ERW_SCNT_SHIFT);
    }
    mdev_trace(m, "hw: program ended: cpa %08x dstat %02x cstat %02x "
               "count %u after %u CCWs", res.cpa, res.dstat, res.cstat,
               res.count, res.ccws);
    return true;
}

static void hw_end_halt(Mdev *m, IRB *irb)
{
    bool start_pending = m->hw.work & HW_START;
    SCSW *s = &irb->scsw;

    /* A start the device never saw is withdrawn without device end. */
    s->ctrl = SCSW_FCTL_HALT_FUNC | SCSW_STCTL_STATUS_PEND;
    if (start_pending) {
        s->ctrl |= SCSW_FCTL_START_FUNC;
        s->flags = m->hw.orb.ctrl0 & ORB_FLAGS_IN_SCSW;
    } else {
        s->dstat = SCSW_DSTAT_DEVICE_END;
    }
    irb->esw.sublog = (uint32_t)m->hw.lpum << ESW_SUBLOG_LPUM_SHIFT;
}

static void hw_end_clear(Mdev *m, IRB *irb)
{
    /* Clear resets the path state and everything but the function. */
    m->hw.lpum = 0;
    irb->scsw.ctrl = SCSW_FCTL_CLEAR_FUNC | SCSW_STCTL_STATUS_PEND;
}

bool mdev_work_pending(const Mdev *m)
{
    return m->hw.work != 0;
}

bool mdev_work_is_start(const Mdev *m)
{
    return m->hw.work == HW_START;
}

void mdev_run_work(Mdev *m)
{
    unsigned work = m->hw.work;
    IRB irb = { 0 };

    if (!work) {
        return;
    }
    if (work & HW_CLEAR) {
        hw_end_clear(m, &irb);
    } else if (work & HW_HALT) {
        hw_end_halt(m, &irb);
    } else if (!hw_run_start(m, &irb)) {
        /* Suspended without an interruption: the start stays pending. */
        m->hw.work = 0;
        return;
    }
    m->hw.work = 0;
    /* The kernel's interrupt handler takes the status (TSCH) at once. */
    m->hw.scsw = (SCSW) { 0 };
    m->hw.irb = irb;
    mdev_fsm_event(m, MDEV_EVENT_INTERRUPT);
}

bool mdev_path_online(const Mdev *m, unsigned path)
{
    return path < m->cfg.num_chpids && (m->hw.opm & mdev_path_bit(path));
}

bool mdev_chp_event(Mdev *m, unsigned path, bool online)
{
    uint8_t mask;

    if (path >= m->cfg.num_chpids || mdev_path_online(m, path) == online) {
        return false;
    }
    mask = mdev_path_bit(path);
    if (online) {
        m->hw.opm |= mask;
        m->hw.lpm |= mask;
        mdev_queue_crw(m, CRW_RSC_CHP, CRW_ERC_INIT, m->cfg.chpid[path]);
    } else {
        m->hw.opm &= ~mask;
        m->hw.lpm &= ~mask;
        mdev_queue_crw(m, CRW_RSC_CHP, CRW_ERC_PERRN, m->cfg.chpid[path]);
    }
    return true;
}
