/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-schm.c: channel monitoring (PoP ch. 17, "Channel Monitoring"):
 * SET CHANNEL MONITOR and the SSCH/RSCH count of the measurement block.
 *
 * Only the start-subchannel + resume-subchannel count is kept (our
 * devices have no connect or disconnect time to measure).  Format-0
 * blocks are 32 bytes at origin + MBI * 32 with a 16-bit count at offset
 * 0; format-1 blocks are at the SCHIB's MBA with a 32-bit count at 0.
 */
#include "qemu/osdep.h"

#include "css-internal.h"

#define MB_FMT0_SIZE 32

void css_do_schm(ChannelSubSys *css, bool update, uint64_t mbo)
{
    if (update && !css->chnmon_active) {
        css->chnmon_area = mbo;
        css->chnmon_active = true;
    } else if (!update && css->chnmon_active) {
        css->chnmon_area = 0;
        css->chnmon_active = false;
    }
    /* U=1 while active keeps the old origin, as QEMU does. */
}

bool css_chnmon_active(const ChannelSubSys *css, uint64_t *area)
{
    if (area) {
        *area = css->chnmon_area;
    }
    return css->chnmon_active;
}

void css_update_chnmon(SubchDev *sch)
{
    ChannelSubSys *css = sch->css;
    const PMCW *p = &sch->curr_status.pmcw;

    if (!css->chnmon_active || !(p->flags & PMCW_FLAGS_MASK_MME) ||
        !css->ram) {
        return;
    }
    /*
     * A block outside guest RAM is simply not updated: a measurement
     * failure does not change the outcome of the instruction.
     */
    if (p->chars & PMCW_CHARS_MASK_MBFC) {
        uint32_t count;
        uint64_t addr = sch->curr_status.mba;

        if (guest_ram_ldl_be(css->ram, addr, &count)) {
            guest_ram_stl_be(css->ram, addr, count + 1);
        }
    } else {
        uint16_t count;
        uint64_t addr = css->chnmon_area + (uint64_t)p->mbi * MB_FMT0_SIZE;

        if (guest_ram_lduw_be(css->ram, addr, &count)) {
            guest_ram_stw_be(css->ram, addr, count + 1);
        }
    }
}
