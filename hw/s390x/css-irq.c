/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-irq.c: pending I/O interruptions, one queue per ISC (PoP ch. 16,
 * "Interruption Subclass"; priority: ISC 0 first, then oldest first).
 *
 * A subchannel has at most one pending interruption request.  It is
 * withdrawn when TEST SUBCHANNEL clears the status, by CLEAR SUBCHANNEL,
 * by subsystem reset, and when the subchannel goes away; TPI or a CPU
 * taking the interruption accepts it.
 */
#include "qemu/osdep.h"

#include "css-internal.h"

static uint8_t sch_isc(const SubchDev *sch)
{
    return (sch->curr_status.pmcw.flags & PMCW_FLAGS_MASK_ISC) >>
           PMCW_FLAGS_ISC_SHIFT;
}

static IoIntEntry *find_entry(ChannelSubSys *css, const SubchDev *sch,
                              int *isc_out)
{
    int isc;

    for (isc = 0; isc <= MAX_ISC; isc++) {
        GList *l;

        for (l = css->io_ints[isc].head; l; l = l->next) {
            IoIntEntry *e = l->data;

            if (e->sch == sch) {
                *isc_out = isc;
                return e;
            }
        }
    }
    return NULL;
}

void css_inject_io_interrupt(SubchDev *sch)
{
    ChannelSubSys *css = sch->css;
    IoIntEntry *e;
    uint8_t isc = sch_isc(sch);
    int old_isc;

    if (find_entry(css, sch, &old_isc)) {
        return;
    }
    e = g_new0(IoIntEntry, 1);
    e->sch = sch;
    e->code.sid = css_sid_for_guest(sch);
    e->code.intparm = sch->curr_status.pmcw.intparm;
    e->code.intid = (uint32_t)isc << IO_INT_WORD_ISC_SHIFT;
    g_queue_push_tail(&css->io_ints[isc], e);
    css_notify(css, CSS_EVENT_IO_INT);
}

bool css_sch_int_pending(SubchDev *sch)
{
    int isc;

    return find_entry(sch->css, sch, &isc) != NULL;
}

void css_withdraw_io_int(SubchDev *sch)
{
    ChannelSubSys *css = sch->css;
    IoIntEntry *e;
    int isc;

    while ((e = find_entry(css, sch, &isc)) != NULL) {
        g_queue_remove(&css->io_ints[isc], e);
        g_free(e);
    }
}

void css_flush_io_ints(ChannelSubSys *css)
{
    int isc;

    for (isc = 0; isc <= MAX_ISC; isc++) {
        IoIntEntry *e;

        while ((e = g_queue_pop_head(&css->io_ints[isc])) != NULL) {
            g_free(e);
        }
    }
}

bool css_io_pending(const ChannelSubSys *css, uint8_t isc_mask)
{
    int isc;

    for (isc = 0; isc <= MAX_ISC; isc++) {
        if ((isc_mask & (0x80 >> isc)) &&
            css->io_ints[isc].length > 0) {
            return true;
        }
    }
    return false;
}

bool css_dequeue_io_int(ChannelSubSys *css, uint8_t isc_mask,
                        IOIntCode *code)
{
    int isc;

    for (isc = 0; isc <= MAX_ISC; isc++) {
        IoIntEntry *e;

        if (!(isc_mask & (0x80 >> isc))) {
            continue;
        }
        e = g_queue_pop_head(&css->io_ints[isc]);
        if (e) {
            *code = e->code;
            g_free(e);
            return true;
        }
    }
    return false;
}

void css_requeue_io_int(ChannelSubSys *css, const IOIntCode *code)
{
    IOInstSid sid;
    SubchDev *sch;
    IoIntEntry *e;
    int isc = (code->intid & IO_INT_WORD_ISC_MASK) >> IO_INT_WORD_ISC_SHIFT;
    int old_isc;

    if (!ioinst_sid_decode(code->sid, &sid)) {
        return;
    }
    sch = css_find_subch(css, sid.m, sid.cssid, sid.ssid, sid.schno);
    if (!sch || find_entry(css, sch, &old_isc)) {
        return;
    }
    e = g_new0(IoIntEntry, 1);
    e->sch = sch;
    e->code = *code;
    g_queue_push_head(&css->io_ints[isc], e);
}
