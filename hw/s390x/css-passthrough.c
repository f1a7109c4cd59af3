/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-passthrough.c: the functions of a passthrough subchannel
 * (vfio-ccw): start, halt and clear go to the host through SubchDevOps,
 * and the host's IRB comes back through css_sch_merge_host_irb().
 *
 * The host's errno values are mapped to condition codes and status here,
 * in one switch per function (facts §3.6, §3.8, §4.3), so every transport
 * (kernel vfio-ccw, vfio-user) answers the guest the same way.
 */
#include "qemu/osdep.h"

#include "css-internal.h"

/* The end of a function with status the channel made up itself. */
static void end_with_status(SubchDev *sch, uint8_t dstat, uint8_t cstat)
{
    SCSW *s = &sch->curr_status.scsw;

    /* Start pending stays until TSCH, as after a real end (QEMU 6.1). */
    s->ctrl &= ~(SCSW_ACTL_DEVICE_ACTIVE | SCSW_ACTL_SUBCH_ACTIVE |
                 SCSW_CTRL_MASK_STCTL);
    s->ctrl |= SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
               SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND;
    s->cpa = sch->channel_prog + 8;
    s->dstat = dstat;
    s->cstat = cstat;
    css_inject_io_interrupt(sch);
}

void css_sch_unit_exception(SubchDev *sch)
{
    end_with_status(sch, SCSW_DSTAT_UNIT_EXCEP, 0);
}

IOInstEnding css_sch_map_start_errno(SubchDev *sch, int err)
{
    switch (err) {
    case 0:
        /* The host started it; the IRB follows. */
        return IOINST_CC_EXPECTED;
    case -EBUSY:
        /* Host cc 1 or 2, or a program already pending: busy. */
        return IOINST_CC_BUSY;
    case -ENODEV:
    case -EACCES:
        /* Host cc 3: no path (left) to the device. */
        return IOINST_CC_NOT_OPERATIONAL;
    default:
        /*
         * The host could not take the program at all (-EIO wrong state,
         * -EINVAL/-EFAULT/-ENOMEM translation, -EOPNOTSUPP): there is no
         * condition code for that, so the start ends with unit exception.
         */
        css_sch_unit_exception(sch);
        return IOINST_CC_EXPECTED;
    }
}

static IOInstEnding halt_passthrough(SubchDev *sch)
{
    int ret = -ENOSYS;

    if (sch->ops && sch->ops->handle_halt) {
        ret = sch->ops->handle_halt(sch);
    }
    switch (ret) {
    case 0:
        /* The host halts; its IRB ends the halt function. */
        return IOINST_CC_EXPECTED;
    case -ENOSYS:
        /*
         * The host cannot halt (no async command region): emulate it.
         * QEMU makes the subchannel status pending without an
         * interruption; the architecture has a halt end with one.
         */
        css_sch_emulate_halt(sch);
        css_inject_io_interrupt(sch);
        return IOINST_CC_EXPECTED;
    case -EBUSY:
        return IOINST_CC_BUSY;
    case -ENODEV:
    case -EACCES:
        return IOINST_CC_NOT_OPERATIONAL;
    default:
        css_sch_unit_exception(sch);
        return IOINST_CC_EXPECTED;
    }
}

static IOInstEnding clear_passthrough(SubchDev *sch)
{
    int ret = -ENOSYS;

    if (sch->ops && sch->ops->handle_clear) {
        ret = sch->ops->handle_clear(sch);
    }
    switch (ret) {
    case 0:
        return IOINST_CC_EXPECTED;
    case -ENOSYS:
        /* As for halt: emulated, with the interruption. */
        css_sch_emulate_clear(sch);
        css_inject_io_interrupt(sch);
        return IOINST_CC_EXPECTED;
    case -ENODEV:
    case -EACCES:
        return IOINST_CC_NOT_OPERATIONAL;
    default:
        /* CSCH has no busy cc: -EBUSY ends here too. */
        css_sch_unit_exception(sch);
        return IOINST_CC_EXPECTED;
    }
}

static IOInstEnding start_passthrough(SubchDev *sch)
{
    SCHIB *schib = &sch->curr_status;

    /* A resume keeps the intparm of the original start. */
    if (!(schib->scsw.ctrl & SCSW_ACTL_SUSP)) {
        schib->pmcw.intparm = sch->orb.intparm;
    }
    if (!sch->ops || !sch->ops->handle_request) {
        return IOINST_CC_STATUS_PRESENT;
    }
    return sch->ops->handle_request(sch);
}

IOInstEnding do_subchannel_work_passthrough(SubchDev *sch)
{
    uint16_t fc = sch->curr_status.scsw.ctrl & SCSW_CTRL_MASK_FCTL;

    if (fc & SCSW_FCTL_CLEAR_FUNC) {
        return clear_passthrough(sch);
    }
    if (fc & SCSW_FCTL_HALT_FUNC) {
        return halt_passthrough(sch);
    }
    if (fc & SCSW_FCTL_START_FUNC) {
        return start_passthrough(sch);
    }
    return IOINST_CC_EXPECTED;
}

void css_sch_merge_host_irb(SubchDev *sch, const uint8_t *irb_be)
{
    SCHIB *schib = &sch->curr_status;
    IRB irb;

    copy_irb_from_guest(irb_be, &irb);
    /* The host's SCSW (CPA already translated back) is the guest's now. */
    schib->scsw = irb.scsw;
    sch->esw = irb.esw;
    /*
     * Sense goes with the status when the guest asked for concurrent
     * sense, and also whenever the host says its ECW holds sense: the
     * device gave it up with that status, so a later SENSE would not
     * find it, and the ESW handed over says it is there.  (QEMU copies
     * it only in the first case, leaving a zero ECW behind a set ERW
     * bit.)
     */
    if ((irb.scsw.dstat & SCSW_DSTAT_UNIT_CHECK) &&
        ((schib->pmcw.chars & PMCW_CHARS_MASK_CSENSE) ||
         (irb.esw.erw & ESW_ERW_MASK_CONS))) {
        memcpy(sch->sense_data, irb.ecw, sizeof(sch->sense_data));
    }
    css_inject_io_interrupt(sch);
}

void css_sch_host_irb_error(SubchDev *sch, int err)
{
    SCSW *s = &sch->curr_status.scsw;
    uint8_t cstat;

    switch (err) {
    case ENODEV:
        /*
         * The device is gone: deferred condition code 3, with no status of
         * an earlier program left behind.
         */
        s->dstat = 0;
        s->cstat = 0;
        s->flags |= SCSW_FLAGS_MASK_CC;
        s->ctrl &= ~SCSW_CTRL_MASK_STCTL;
        s->ctrl |= SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND;
        css_inject_io_interrupt(sch);
        return;
    case EFAULT:
        cstat = SCSW_CSTAT_DATA_CHECK;
        break;
    case 0:
        /* Short read: the IRB never fully reached us. */
        cstat = SCSW_CSTAT_CHN_CTRL_CHK;
        break;
    default:
        cstat = SCSW_CSTAT_PROG_CHECK;
        break;
    }
    s->ctrl &= ~(SCSW_ACTL_START_PEND | SCSW_CTRL_MASK_STCTL);
    s->ctrl |= SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
               SCSW_STCTL_ALERT | SCSW_STCTL_STATUS_PEND;
    s->cstat = cstat;
    css_inject_io_interrupt(sch);
}
