/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-insn.c: the subchannel instructions (PoP ch. 14) on the
 * function-control (FC), activity-control (AC) and status-control (SC)
 * fields of the SCSW (PoP ch. 16, "Subchannel-Status Word").
 *
 * Each css_do_<insn>() checks the subchannel's state, sets the function
 * it starts, hands the work to the device (css-virtual.c or
 * css-passthrough.c) and undoes its SCSW change if the device refused
 * the function with a non-zero condition code.  The rules are QEMU's
 * (facts §2); where the architecture differs and we follow it, the
 * comment says so.
 */
#include "qemu/osdep.h"

#include "css-internal.h"

static IOInstEnding do_subchannel_work(SubchDev *sch)
{
    g_assert(sch->curr_status.scsw.ctrl & SCSW_CTRL_MASK_FCTL);
    if (sch->is_virtual) {
        return do_subchannel_work_virtual(sch);
    }
    return do_subchannel_work_passthrough(sch);
}

IOInstEnding css_do_ssch(SubchDev *sch, const ORB *orb)
{
    SCSW *s = &sch->curr_status.scsw;
    uint16_t old_ctrl, old_flags;
    IOInstEnding cc;

    if (!css_sch_operational(sch)) {
        return IOINST_CC_NOT_OPERATIONAL;
    }
    if (css_sch_status_pending(sch)) {
        return IOINST_CC_STATUS_PRESENT;
    }
    if (s->ctrl & SCSW_CTRL_MASK_FCTL) {
        return IOINST_CC_BUSY;
    }
    css_update_chnmon(sch);
    sch->orb = *orb;
    sch->channel_prog = orb->cpa;

    old_ctrl = s->ctrl;
    old_flags = s->flags;
    s->ctrl |= SCSW_FCTL_START_FUNC | SCSW_ACTL_START_PEND;
    s->flags &= ~SCSW_FLAGS_MASK_PNO;

    cc = do_subchannel_work(sch);
    if (cc != IOINST_CC_EXPECTED) {
        s->ctrl = old_ctrl;
        s->flags = old_flags;
    }
    return cc;
}

IOInstEnding css_do_stsch(SubchDev *sch, SCHIB *schib)
{
    SCHIB host;

    /*
     * A passthrough subchannel's paths change on the host: take the
     * host's path masks and path-not-operational bit (facts §3.7).
     */
    if (sch->ops && sch->ops->handle_store &&
        sch->ops->handle_store(sch, &host) == 0) {
        PMCW *p = &sch->curr_status.pmcw;

        p->pnom = host.pmcw.pnom;
        p->lpum = host.pmcw.lpum;
        p->pam = host.pmcw.pam;
        p->pom = host.pmcw.pom;
        sch->curr_status.scsw.flags |= host.scsw.flags & SCSW_FLAGS_MASK_PNO;
    }
    *schib = sch->curr_status;
    return IOINST_CC_EXPECTED;
}

IOInstEnding css_do_msch(SubchDev *sch, const SCHIB *in)
{
    SCHIB *schib = &sch->curr_status;
    const uint16_t flag_mask = PMCW_FLAGS_MASK_ISC | PMCW_FLAGS_MASK_ENA |
                               PMCW_FLAGS_MASK_LM | PMCW_FLAGS_MASK_MME |
                               PMCW_FLAGS_MASK_MP;
    const uint32_t chars_mask = PMCW_CHARS_MASK_MBFC | PMCW_CHARS_MASK_CSENSE;
    uint16_t old_flags;

    /* No device: the instruction completes, nothing to modify. */
    if (!(schib->pmcw.flags & PMCW_FLAGS_MASK_DNV)) {
        return IOINST_CC_EXPECTED;
    }
    if (css_sch_status_pending(sch)) {
        return IOINST_CC_STATUS_PRESENT;
    }
    if (schib->scsw.ctrl & SCSW_CTRL_MASK_FCTL) {
        return IOINST_CC_BUSY;
    }
    /* Only the program-modifiable fields (PoP ch. 14, MSCH). */
    old_flags = schib->pmcw.flags;
    schib->pmcw.intparm = in->pmcw.intparm;
    schib->pmcw.flags = (old_flags & ~flag_mask) | (in->pmcw.flags & flag_mask);
    schib->pmcw.lpm = in->pmcw.lpm;
    schib->pmcw.mbi = in->pmcw.mbi;
    schib->pmcw.pom = in->pmcw.pom;
    schib->pmcw.chars = (schib->pmcw.chars & ~chars_mask) |
                        (in->pmcw.chars & chars_mask);
    schib->mba = in->mba;

    if ((old_flags & PMCW_FLAGS_MASK_ENA) &&
        !(schib->pmcw.flags & PMCW_FLAGS_MASK_ENA) &&
        sch->ops && sch->ops->disable) {
        sch->ops->disable(sch);
    }
    return IOINST_CC_EXPECTED;
}

/*
 * The extended-measurement word is stored only with measurement mode
 * and extended-measurement-word mode on, an ESW without format bit L,
 * and status that ends a start (PoP ch. 16, "Extended-Measurement Word").
 */
static bool irb_has_emw(const SubchDev *sch, const IRB *irb)
{
    const PMCW *p = &sch->curr_status.pmcw;
    uint16_t sc = irb->scsw.ctrl & SCSW_CTRL_MASK_STCTL;
    uint16_t ac = irb->scsw.ctrl & SCSW_CTRL_MASK_ACTL;

    if ((irb->scsw.flags & SCSW_FLAGS_MASK_ESWF) ||
        !(p->flags & PMCW_FLAGS_MASK_TF) ||
        !(p->chars & PMCW_CHARS_MASK_XMWME) ||
        !(sc & SCSW_STCTL_STATUS_PEND)) {
        return false;
    }
    return (sc & SCSW_STCTL_PRIMARY) ||
           sc == (SCSW_STCTL_SECONDARY | SCSW_STCTL_STATUS_PEND) ||
           ((sc & SCSW_STCTL_INTERMEDIATE) && (ac & SCSW_ACTL_SUSP));
}

/* The ESW and ECW of a virtual device: single path 0x80. */
static void build_irb_virtual(SubchDev *sch, IRB *irb)
{
    const SCSW *s = &sch->curr_status.scsw;
    const uint8_t checks = SCSW_CSTAT_DATA_CHECK | SCSW_CSTAT_CHN_CTRL_CHK |
                           SCSW_CSTAT_INTF_CTRL_CHK;

    if (!(s->ctrl & SCSW_STCTL_STATUS_PEND)) {
        return;
    }
    irb->esw.sublog = 0x80u << ESW_SUBLOG_LPUM_SHIFT;
    if (s->cstat & checks) {
        /* QEMU's logout for these checks: ESF bit 5, LPUM, FVF bit 17. */
        irb->scsw.flags |= SCSW_FLAGS_MASK_ESWF;
        irb->esw.sublog = 0x04804000;
    }
    if ((s->dstat & SCSW_DSTAT_UNIT_CHECK) &&
        (sch->curr_status.pmcw.chars & PMCW_CHARS_MASK_CSENSE)) {
        irb->scsw.flags |= SCSW_FLAGS_MASK_ESWF | SCSW_FLAGS_MASK_ECTL;
        memcpy(irb->ecw, sch->sense_data, sizeof(sch->sense_data));
        /*
         * Sense count in ERW bits 10-15 as the architecture places it
         * (QEMU shifts it into bits 16-23; Linux only looks at CONS).
         */
        irb->esw.erw = ESW_ERW_MASK_CONS |
                       ((uint32_t)sizeof(sch->sense_data)
                        << ESW_ERW_SCNT_SHIFT);
    }
}

IOInstEnding css_do_tsch_get_irb(SubchDev *sch, IRB *irb, int *irb_len)
{
    if (!css_sch_operational(sch)) {
        return IOINST_CC_NOT_OPERATIONAL;
    }
    memset(irb, 0, sizeof(*irb));
    irb->scsw = sch->curr_status.scsw;
    if (sch->is_virtual) {
        build_irb_virtual(sch, irb);
    } else {
        /*
         * Passthrough: the host's ESW, and the ECW whether it holds sense
         * or model-dependent data; the ERW tells the program which.
         */
        irb->esw = sch->esw;
        memcpy(irb->ecw, sch->sense_data, sizeof(sch->sense_data));
    }
    *irb_len = irb_has_emw(sch, irb) ? IRB_SIZE : IRB_SIZE_NO_EMW;
    return css_sch_status_pending(sch) ? IOINST_CC_EXPECTED
                                       : IOINST_CC_STATUS_PRESENT;
}

void css_do_tsch_update_subch(SubchDev *sch)
{
    SCSW *s = &sch->curr_status.scsw;
    uint16_t sc = s->ctrl & SCSW_CTRL_MASK_STCTL;
    uint16_t fc = s->ctrl & SCSW_CTRL_MASK_FCTL;
    uint16_t ac = s->ctrl & SCSW_CTRL_MASK_ACTL;
    const uint16_t pending = SCSW_ACTL_RESUME_PEND | SCSW_ACTL_START_PEND |
                             SCSW_ACTL_HALT_PEND | SCSW_ACTL_CLEAR_PEND |
                             SCSW_ACTL_SUSP;
    bool intermediate_only =
        sc == (SCSW_STCTL_INTERMEDIATE | SCSW_STCTL_STATUS_PEND);

    if (!(sc & SCSW_STCTL_STATUS_PEND)) {
        return;
    }
    /* TSCH clears the status and the interruption request with it. */
    css_withdraw_io_int(sch);
    s->ctrl &= ~SCSW_CTRL_MASK_STCTL;
    /* Intermediate status alone leaves the function in progress. */
    if (!intermediate_only ||
        ((fc & SCSW_FCTL_HALT_FUNC) && (ac & SCSW_ACTL_SUSP))) {
        s->ctrl &= ~SCSW_CTRL_MASK_FCTL;
    }
    if (!intermediate_only) {
        s->flags &= ~SCSW_FLAGS_MASK_PNO;
        s->ctrl &= ~pending;
    } else if ((ac & SCSW_ACTL_SUSP) && (fc & SCSW_FCTL_START_FUNC)) {
        s->flags &= ~SCSW_FLAGS_MASK_PNO;
        if (fc & SCSW_FCTL_HALT_FUNC) {
            s->ctrl &= ~pending;
        } else {
            s->ctrl &= ~SCSW_ACTL_RESUME_PEND;
        }
    }
    if (sch->curr_status.pmcw.chars & PMCW_CHARS_MASK_CSENSE) {
        /* Concurrent sense was presented with this IRB. */
        memset(sch->sense_data, 0, sizeof(sch->sense_data));
    }
}

IOInstEnding css_do_csch(SubchDev *sch)
{
    SCSW *s = &sch->curr_status.scsw;
    uint16_t old_ctrl;
    bool had_int;
    IOInstEnding cc;

    if (!css_sch_operational(sch)) {
        return IOINST_CC_NOT_OPERATIONAL;
    }
    old_ctrl = s->ctrl;
    had_int = css_sch_int_pending(sch);
    /*
     * CSCH ends whatever the subchannel was doing and withdraws its
     * status (PoP ch. 14, CSCH: "the status-pending condition and any
     * pending I/O-interruption request are cleared").  QEMU keeps the old
     * SC bits here; we follow the architecture.
     */
    s->ctrl &= ~(SCSW_CTRL_MASK_FCTL | SCSW_CTRL_MASK_ACTL |
                 SCSW_CTRL_MASK_STCTL);
    s->ctrl |= SCSW_FCTL_CLEAR_FUNC | SCSW_ACTL_CLEAR_PEND;
    css_withdraw_io_int(sch);
    cc = do_subchannel_work(sch);
    if (cc != IOINST_CC_EXPECTED) {
        s->ctrl = old_ctrl;
        if (had_int) {
            css_inject_io_interrupt(sch);
        }
    }
    return cc;
}

IOInstEnding css_do_hsch(SubchDev *sch)
{
    SCSW *s = &sch->curr_status.scsw;
    uint16_t sc = s->ctrl & SCSW_CTRL_MASK_STCTL;
    uint16_t old_ctrl;
    bool had_int;
    IOInstEnding cc;

    if (!css_sch_operational(sch)) {
        return IOINST_CC_NOT_OPERATIONAL;
    }
    if (sc == SCSW_STCTL_STATUS_PEND ||
        (sc & (SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
               SCSW_STCTL_ALERT))) {
        return IOINST_CC_STATUS_PRESENT;
    }
    if (s->ctrl & (SCSW_FCTL_HALT_FUNC | SCSW_FCTL_CLEAR_FUNC)) {
        return IOINST_CC_BUSY;
    }
    old_ctrl = s->ctrl;
    had_int = css_sch_int_pending(sch);
    s->ctrl |= SCSW_FCTL_HALT_FUNC;
    s->ctrl &= ~SCSW_FCTL_START_FUNC;
    /*
     * Status pending with intermediate status alone does not block HSCH,
     * which withdraws it (PoP ch. 14, HSCH).  QEMU compares SC with
     * "intermediate" without the pending bit, which never matches.
     */
    if (sc == (SCSW_STCTL_INTERMEDIATE | SCSW_STCTL_STATUS_PEND)) {
        s->ctrl &= ~SCSW_CTRL_MASK_STCTL;
        css_withdraw_io_int(sch);
    }
    s->ctrl |= SCSW_ACTL_HALT_PEND;

    cc = do_subchannel_work(sch);
    if (cc != IOINST_CC_EXPECTED) {
        s->ctrl = old_ctrl;
        if (had_int && !css_sch_int_pending(sch)) {
            css_inject_io_interrupt(sch);
        }
    }
    return cc;
}

IOInstEnding css_do_xsch(SubchDev *sch)
{
    SCSW *s = &sch->curr_status.scsw;
    uint16_t fc = s->ctrl & SCSW_CTRL_MASK_FCTL;

    if (!css_sch_operational(sch)) {
        return IOINST_CC_NOT_OPERATIONAL;
    }
    if (s->ctrl & SCSW_CTRL_MASK_STCTL) {
        return IOINST_CC_STATUS_PRESENT;
    }
    /*
     * Only a start that the channel has not begun (start or resume
     * pending) or that is suspended can be cancelled.
     */
    if (fc != SCSW_FCTL_START_FUNC ||
        !(s->ctrl & (SCSW_ACTL_RESUME_PEND | SCSW_ACTL_START_PEND |
                     SCSW_ACTL_SUSP)) ||
        (s->ctrl & SCSW_ACTL_SUBCH_ACTIVE)) {
        return IOINST_CC_BUSY;
    }
    s->ctrl &= ~(SCSW_FCTL_START_FUNC | SCSW_ACTL_RESUME_PEND |
                 SCSW_ACTL_START_PEND | SCSW_ACTL_SUSP);
    sch->channel_prog = 0;
    s->dstat = 0;
    s->cstat = 0;
    return IOINST_CC_EXPECTED;
}

IOInstEnding css_do_rsch(SubchDev *sch)
{
    SCSW *s = &sch->curr_status.scsw;
    uint16_t old_ctrl;
    IOInstEnding cc;

    if (!css_sch_operational(sch)) {
        return IOINST_CC_NOT_OPERATIONAL;
    }
    if (css_sch_status_pending(sch)) {
        return IOINST_CC_STATUS_PRESENT;
    }
    if ((s->ctrl & SCSW_CTRL_MASK_FCTL) != SCSW_FCTL_START_FUNC ||
        (s->ctrl & SCSW_ACTL_RESUME_PEND) ||
        !(s->ctrl & SCSW_ACTL_SUSP)) {
        return IOINST_CC_BUSY;
    }
    css_update_chnmon(sch);
    old_ctrl = s->ctrl;
    s->ctrl |= SCSW_ACTL_RESUME_PEND;
    cc = do_subchannel_work(sch);
    if (cc != IOINST_CC_EXPECTED) {
        s->ctrl = old_ctrl;
    }
    return cc;
}
