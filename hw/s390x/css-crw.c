/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-crw.c: channel reports (PoP ch. 17, "Channel-Subsystem Recovery"):
 * the bounded CRW queue, STORE CHANNEL REPORT WORD, the reports for
 * subchannels coming and going, and RESET CHANNEL PATH, which answers
 * with a report.
 */
#include "qemu/osdep.h"

#include "css-internal.h"

void css_flush_crws(ChannelSubSys *css)
{
    css->crw_head = 0;
    css->crw_count = 0;
    css->crws_lost = false;
    css->do_crw_mchk = true;
}

/*
 * Queue @n CRWs as one unit: a chain is never cut in two.  If they do
 * not fit they are lost, and the next CRW that is queued carries R
 * (overflow: "one or more CRWs were lost before this one").
 */
static void css_queue_crws(ChannelSubSys *css, const CRW *crws, unsigned n)
{
    unsigned i;

    if (css->crw_count + n > CSS_MAX_PENDING_CRWS) {
        css->crws_lost = true;
        return;
    }
    for (i = 0; i < n; i++) {
        unsigned slot = (css->crw_head + css->crw_count) %
                        CSS_MAX_PENDING_CRWS;

        css->crws[slot] = crws[i];
        if (i == 0 && css->crws_lost) {
            css->crws[slot].flags |= CRW_FLAGS_MASK_R;
            css->crws_lost = false;
        }
        css->crw_count++;
    }
    if (css->do_crw_mchk) {
        /* One channel-report-pending machine check until STCRW drains. */
        css->do_crw_mchk = false;
        css_notify(css, CSS_EVENT_CRW);
    }
}

static CRW make_crw(uint8_t rsc, uint8_t erc, bool solicited, bool chain,
                    uint16_t rsid)
{
    CRW crw = {
        .flags = ((rsc << CRW_FLAGS_RSC_SHIFT) & CRW_FLAGS_MASK_RSC) |
                 (erc & CRW_FLAGS_MASK_ERC),
        .rsid = rsid,
    };

    if (solicited) {
        crw.flags |= CRW_FLAGS_MASK_S;
    }
    if (chain) {
        crw.flags |= CRW_FLAGS_MASK_C;
    }
    return crw;
}

void css_queue_crw(ChannelSubSys *css, uint8_t rsc, uint8_t erc,
                   bool solicited, bool chain, uint16_t rsid)
{
    CRW crw = make_crw(rsc, erc, solicited, chain, rsid);

    css_queue_crws(css, &crw, 1);
}

void css_queue_host_crw(ChannelSubSys *css, uint32_t word)
{
    CRW crw = { .flags = word >> 16, .rsid = word & 0xffff };

    /* Verbatim; only R may be added, for reports lost on our side. */
    css_queue_crws(css, &crw, 1);
}

bool css_crw_pending(const ChannelSubSys *css)
{
    return css->crw_count > 0;
}

IOInstEnding css_do_stcrw(ChannelSubSys *css, CRW *crw)
{
    if (!css->crw_count) {
        /* Nothing pending: zeros, and the next report raises a check. */
        memset(crw, 0, sizeof(*crw));
        css->do_crw_mchk = true;
        return IOINST_CC_STATUS_PRESENT;
    }
    *crw = css->crws[css->crw_head];
    css->crw_head = (css->crw_head + 1) % CSS_MAX_PENDING_CRWS;
    css->crw_count--;
    return IOINST_CC_EXPECTED;
}

void css_undo_stcrw(ChannelSubSys *css, const CRW *crw)
{
    if (css->crw_count == CSS_MAX_PENDING_CRWS) {
        css->crws_lost = true;
        return;
    }
    css->crw_head = (css->crw_head + CSS_MAX_PENDING_CRWS - 1) %
                    CSS_MAX_PENDING_CRWS;
    css->crws[css->crw_head] = *crw;
    css->crw_count++;
}

/*
 * Report subchannel @schid of @cssid.@ssid with @erc, if the program can
 * see it: one CRW, chained with a second naming the css image and set
 * when MSS or MCSS-E is on (facts §3.12).  Returns: whether it was queued.
 */
static bool queue_sch_crws(ChannelSubSys *css, uint8_t cssid, uint8_t ssid,
                           uint16_t schid, uint8_t erc)
{
    bool chain = css->max_ssid > 0 || css->max_cssid > 0;
    uint8_t guest_cssid;
    CRW crws[2];

    /* Without MCSS-E the program knows the default image as css 0. */
    if (css->max_cssid == 0) {
        if (cssid != css->default_cssid) {
            return false;
        }
        guest_cssid = 0;
    } else {
        guest_cssid = cssid;
    }
    if (ssid > css->max_ssid) {
        return false;
    }
    crws[0] = make_crw(CRW_RSC_SUBCH, erc, false, chain, schid);
    crws[1] = make_crw(CRW_RSC_SUBCH, erc, false, false,
                       (guest_cssid << 8) | (ssid << 4));
    css_queue_crws(css, crws, chain ? 2 : 1);
    return true;
}

void css_sch_report_error(SubchDev *sch, uint8_t erc)
{
    queue_sch_crws(sch->css, sch->cssid, sch->ssid, sch->schid, erc);
}

void css_generate_sch_crws(ChannelSubSys *css, uint8_t cssid, uint8_t ssid,
                           uint16_t schid, bool hotplugged, bool add)
{
    SubchDev *sch;

    if (add && !hotplugged) {
        return;
    }
    if (!queue_sch_crws(css, cssid, ssid, schid, CRW_ERC_IPI)) {
        return;
    }
    sch = css_find_subch(css, 1, cssid, ssid, schid);
    if (sch) {
        css_withdraw_io_int(sch);
    }
}

void css_sch_unplug(SubchDev *sch)
{
    sch->curr_status.pmcw.flags &= ~(PMCW_FLAGS_MASK_ENA |
                                     PMCW_FLAGS_MASK_DNV);
    css_generate_sch_crws(sch->css, sch->cssid, sch->ssid, sch->schid,
                          true, false);
}

bool css_do_rchp(ChannelSubSys *css, uint8_t cssid, uint8_t chpid,
                 IOInstEnding *cc)
{
    CssImage *img;
    uint8_t real;

    if (cssid > css->max_cssid) {
        return false;
    }
    real = css->max_cssid == 0 ? css->default_cssid : cssid;
    img = css_image(css, real);
    if (!img) {
        return false;
    }
    if (!img->chpids[chpid].in_use) {
        *cc = IOINST_CC_NOT_OPERATIONAL;
        return true;
    }
    if (!img->chpids[chpid].is_virtual) {
        /*
         * A host path: resetting it is the host's business.  QEMU answers
         * cc 3 (and logs it; we do not, the guest could flood the log).
         */
        *cc = IOINST_CC_NOT_OPERATIONAL;
        return true;
    }
    /* Nothing to reset on a virtual path: just report it initialized. */
    if (css->max_cssid > 0) {
        CRW crws[2] = {
            make_crw(CRW_RSC_CHP, CRW_ERC_INIT, true, true, chpid),
            make_crw(CRW_RSC_CHP, CRW_ERC_INIT, true, false, real << 8),
        };

        css_queue_crws(css, crws, 2);
    } else {
        CRW crw = make_crw(CRW_RSC_CHP, CRW_ERC_INIT, true, false, chpid);

        css_queue_crws(css, &crw, 1);
    }
    *cc = IOINST_CC_EXPECTED;
    return true;
}
