/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-virtual.c: the functions of a virtual (emulated) subchannel.
 *
 * Clear and halt are emulated at once; a start runs the whole channel
 * program synchronously through the interpreter (ccw-interp.h) on guest
 * RAM, so the subchannel goes straight from start pending to status
 * pending (or suspended).  Virtual devices have one path, 0x80.
 */
#include "qemu/osdep.h"

#include "css-internal.h"

#define VIRTUAL_PATH 0x80

/* ------------------------------------------------------------------------
 * Clear and halt (PoP ch. 15, "Clear Function", "Halt Function")
 * ------------------------------------------------------------------------ */

void css_sch_emulate_clear(SubchDev *sch)
{
    SCHIB *schib = &sch->curr_status;

    /* Path state is reset before the (always successful) clear signal. */
    schib->pmcw.pom = 0xff;
    schib->scsw.flags &= ~SCSW_FLAGS_MASK_PNO;
    sch->channel_prog = 0;
    schib->scsw.ctrl &= ~SCSW_ACTL_CLEAR_PEND;
    schib->scsw.ctrl |= SCSW_STCTL_STATUS_PEND;
    schib->scsw.dstat = 0;
    schib->scsw.cstat = 0;
    schib->pmcw.lpum = VIRTUAL_PATH;
}

void css_sch_emulate_halt(SubchDev *sch)
{
    SCSW *s = &sch->curr_status.scsw;
    uint16_t active = SCSW_ACTL_SUBCH_ACTIVE | SCSW_ACTL_DEVICE_ACTIVE;
    uint32_t curr_ccw = sch->channel_prog;

    sch->channel_prog = 0;
    s->ctrl &= ~SCSW_ACTL_HALT_PEND;
    s->ctrl |= SCSW_STCTL_STATUS_PEND;
    /*
     * The device was signalled (device end) unless the halt only caught
     * a start the device never saw (start pending or suspended).
     */
    if ((s->ctrl & active) ||
        !(s->ctrl & (SCSW_ACTL_START_PEND | SCSW_ACTL_SUSP))) {
        s->dstat = SCSW_DSTAT_DEVICE_END;
    }
    if ((s->ctrl & active) || (s->ctrl & SCSW_ACTL_SUSP)) {
        s->cpa = curr_ccw + 8;
    }
    s->cstat = 0;
    sch->curr_status.pmcw.lpum = VIRTUAL_PATH;
}

/* ------------------------------------------------------------------------
 * Start: storage and device for the interpreter
 * ------------------------------------------------------------------------ */

/* No storage keys in this machine: every key may access everything. */
static CcwMemAccess virt_mem_read(void *opaque, uint64_t addr, void *buf,
                                  uint32_t len, uint8_t key)
{
    GuestRAM *ram = opaque;

    return ram && guest_ram_read(ram, addr, buf, len) ? CCW_MEM_OK
                                                     : CCW_MEM_ADDRESSING;
}

static CcwMemAccess virt_mem_write(void *opaque, uint64_t addr,
                                   const void *buf, uint32_t len, uint8_t key)
{
    GuestRAM *ram = opaque;

    return ram && guest_ram_write(ram, addr, buf, len) ? CCW_MEM_OK
                                                      : CCW_MEM_ADDRESSING;
}

static const CcwMemOps virt_mem_ops = {
    .read = virt_mem_read,
    .write = virt_mem_write,
};

/*
 * Commands every virtual subchannel answers itself: NOOP and BASIC SENSE
 * (the sense bytes live in the subchannel).  The rest goes to the device,
 * or is rejected when it has no execute callback.
 */
static void virt_dev_execute(void *opaque, const CcwDevCommand *cmd,
                             CcwDataStream *ds, CcwDevResult *res)
{
    SubchDev *sch = opaque;

    switch (cmd->cmd) {
    case CCW_CMD_NOOP:
        res->immediate = true;
        return;
    case CCW_CMD_BASIC_SENSE:
        ccw_stream_store(ds, sch->sense_data, sizeof(sch->sense_data));
        res->data_len = sizeof(sch->sense_data);
        if (!ccw_stream_failed(ds)) {
            memset(sch->sense_data, 0, sizeof(sch->sense_data));
        }
        return;
    }
    if (sch->ops && sch->ops->execute) {
        sch->ops->execute(sch, cmd, ds, res);
        return;
    }
    memset(sch->sense_data, 0, sizeof(sch->sense_data));
    sch->sense_data[0] = SENSE_CMD_REJECT;
    res->dstat = SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END |
                 SCSW_DSTAT_UNIT_CHECK;
    res->immediate = true;
}

static const CcwDevOps virt_dev_ops = {
    .execute = virt_dev_execute,
};

/*
 * Alert status goes with an end that is not the normal CE/DE (PoP ch. 16,
 * "Status-Control Field": alert interruption conditions): checks
 * detected by the channel, and unit check, unit exception, busy or
 * attention from the device.  Incorrect length and PCI alone are not
 * alert conditions here.
 */
static bool end_is_alert(uint8_t dstat, uint8_t cstat)
{
    return (cstat & ~(SCSW_CSTAT_PCI | SCSW_CSTAT_INCORR_LEN)) ||
           (dstat & (SCSW_DSTAT_UNIT_CHECK | SCSW_DSTAT_UNIT_EXCEP |
                     SCSW_DSTAT_BUSY | SCSW_DSTAT_ATTENTION));
}

/* ORB word 1 bits that the SCSW shows in the same positions. */
#define ORB_FLAGS_IN_SCSW (ORB_CTRL0_MASK_KEY | ORB_CTRL0_MASK_SPND | \
                           ORB_CTRL0_MASK_FMT | ORB_CTRL0_MASK_PFCH | \
                           ORB_CTRL0_MASK_ISIC | ORB_CTRL0_MASK_ALCC | \
                           ORB_CTRL0_MASK_SSIC)

/* Returns: whether the program ran (false: deferred cc 3, no path). */
static bool start_prologue(SubchDev *sch)
{
    SCHIB *schib = &sch->curr_status;
    const ORB *orb = &sch->orb;

    schib->scsw.cstat = 0;
    schib->scsw.dstat = 0;
    schib->scsw.count = 0;
    schib->pmcw.intparm = orb->intparm;
    /*
     * The SCSW shows the ORB's key, S, F, P, I, A and U while the start
     * is in progress (PoP ch. 16, SCSW word 0); QEMU copies only F.
     */
    schib->scsw.flags &= ~(ORB_FLAGS_IN_SCSW | SCSW_FLAGS_MASK_CC |
                           SCSW_FLAGS_MASK_ZCC);
    schib->scsw.flags |= orb->ctrl0 & ORB_FLAGS_IN_SCSW;
    if (!(orb->lpm & VIRTUAL_PATH)) {
        /* No usable path: deferred condition code 3 (facts §3.13). */
        schib->scsw.flags |= 3 << SCSW_FLAGS_CC_SHIFT;
        schib->scsw.ctrl &= ~SCSW_CTRL_MASK_STCTL;
        schib->scsw.ctrl |= SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND;
        return false;
    }
    return true;
}

static void start_epilogue(SubchDev *sch, const CcwInterpResult *res)
{
    SCSW *s = &sch->curr_status.scsw;

    s->cpa = res->cpa;
    s->dstat = res->dstat;
    s->cstat = res->cstat;
    s->count = res->count;
    sch->curr_status.pmcw.lpum = VIRTUAL_PATH;
    if ((sch->orb.ctrl0 & ORB_CTRL0_MASK_ISIC) && res->commands) {
        /* The device accepted the first command: what Z reports. */
        s->flags |= SCSW_FLAGS_MASK_ZCC;
    }
    s->ctrl &= ~(SCSW_ACTL_START_PEND | SCSW_ACTL_RESUME_PEND |
                 SCSW_ACTL_SUBCH_ACTIVE | SCSW_ACTL_DEVICE_ACTIVE |
                 SCSW_CTRL_MASK_STCTL);
    if (res->suspended) {
        sch->channel_prog = res->suspend_addr;
        s->ctrl |= SCSW_ACTL_SUSP;
        /*
         * Suspension is an intermediate interruption condition unless
         * the ORB's U bit suppresses it (PoP ch. 15, "Suspension").
         * QEMU queues an interruption without making status pending.
         */
        if (!(sch->orb.ctrl0 & ORB_CTRL0_MASK_SSIC) || res->pci) {
            s->ctrl |= SCSW_STCTL_INTERMEDIATE | SCSW_STCTL_STATUS_PEND;
        }
        return;
    }
    /* A synchronous device is done: primary and secondary status. */
    s->ctrl |= SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
               SCSW_STCTL_STATUS_PEND;
    if (end_is_alert(res->dstat, res->cstat)) {
        s->ctrl |= SCSW_STCTL_ALERT;
    }
}

/*
 * The start function, for SSCH and for RSCH of a suspended program
 * (facts §2, SSCH; PoP ch. 15, "Start Function and Resume Function").
 */
static void css_sch_start_virtual(SubchDev *sch)
{
    SCSW *s = &sch->curr_status.scsw;
    CcwInterpEnv env = {
        .mem = &virt_mem_ops,
        .mem_opaque = sch->css->ram,
        .dev = &virt_dev_ops,
        .dev_opaque = sch,
    };
    CcwInterpParams params;
    CcwInterpResult res;

    ccw_interp_params_from_orb(&sch->orb, &params);
    if (s->ctrl & SCSW_ACTL_SUSP) {
        s->ctrl &= ~SCSW_ACTL_SUSP;
        ccw_interp_resume(&env, &params, sch->channel_prog, &res);
    } else {
        if (!start_prologue(sch)) {
            return;
        }
        if (sch->ops && sch->ops->hold_start && sch->ops->hold_start(sch)) {
            /* The device took the start and is busy with it. */
            sch->channel_prog = sch->orb.cpa;
            s->ctrl &= ~SCSW_ACTL_START_PEND;
            s->ctrl |= SCSW_ACTL_SUBCH_ACTIVE | SCSW_ACTL_DEVICE_ACTIVE;
            return;
        }
        ccw_interp_start(&env, &params, &res);
    }
    start_epilogue(sch, &res);
}

bool css_sch_release_held(SubchDev *sch)
{
    SCSW *s = &sch->curr_status.scsw;
    CcwInterpEnv env = {
        .mem = &virt_mem_ops,
        .mem_opaque = sch->css->ram,
        .dev = &virt_dev_ops,
        .dev_opaque = sch,
    };
    CcwInterpParams params;
    CcwInterpResult res;

    if ((s->ctrl & SCSW_CTRL_MASK_FCTL) != SCSW_FCTL_START_FUNC ||
        !(s->ctrl & SCSW_ACTL_SUBCH_ACTIVE) ||
        (s->ctrl & SCSW_STCTL_STATUS_PEND)) {
        return false;
    }
    ccw_interp_params_from_orb(&sch->orb, &params);
    ccw_interp_start(&env, &params, &res);
    start_epilogue(sch, &res);
    if (css_sch_status_pending(sch)) {
        css_inject_io_interrupt(sch);
    }
    return true;
}

bool css_sch_present_unsolicited(SubchDev *sch, uint8_t dstat)
{
    SCSW *s = &sch->curr_status.scsw;

    if (!css_sch_operational(sch) || css_sch_status_pending(sch) ||
        (s->ctrl & SCSW_CTRL_MASK_FCTL)) {
        return false;
    }
    s->flags &= ~SCSW_FLAGS_MASK_CC;
    s->ctrl &= ~(SCSW_CTRL_MASK_ACTL | SCSW_CTRL_MASK_STCTL);
    s->ctrl |= SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND;
    s->dstat = dstat;
    s->cstat = 0;
    s->count = 0;
    css_inject_io_interrupt(sch);
    return true;
}

IOInstEnding do_subchannel_work_virtual(SubchDev *sch)
{
    uint16_t fc = sch->curr_status.scsw.ctrl & SCSW_CTRL_MASK_FCTL;

    if (fc & SCSW_FCTL_CLEAR_FUNC) {
        css_sch_emulate_clear(sch);
    } else if (fc & SCSW_FCTL_HALT_FUNC) {
        css_sch_emulate_halt(sch);
    } else if (fc & SCSW_FCTL_START_FUNC) {
        css_sch_start_virtual(sch);
    }
    if (css_sch_status_pending(sch)) {
        css_inject_io_interrupt(sch);
    }
    return IOINST_CC_EXPECTED;
}
