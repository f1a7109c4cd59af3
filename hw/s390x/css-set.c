/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-set.c: one subchannel set (PoP ch. 13, "Subchannel Sets"): the
 * subchannels by subchannel number 0..0xffff and the device numbers in use.
 *
 * A set may hold 65536 subchannels but a machine has a handful, so the
 * table is sparse: 256 pages of 256 entries, a page allocated when its
 * first subchannel arrives and each with a count of its subchannels.
 * Whole-set walks (reset, teardown, "is there any subchannel past this
 * number" for STSCH, the first free number for hot-plug) then cost the
 * pages in use, not 65536 steps each; a guest that probes every
 * subchannel number with STSCH stays linear.
 */
#include "qemu/osdep.h"

#include "css-internal.h"

#define PAGE_OF(schid) ((schid) / SUBCH_SET_PAGE_SIZE)
#define SLOT_OF(schid) ((schid) % SUBCH_SET_PAGE_SIZE)

SubchDev *subch_set_get(const SubchSet *set, uint16_t schid)
{
    SubchDev *const *page = set->pages[PAGE_OF(schid)];

    return page ? page[SLOT_OF(schid)] : NULL;
}

void subch_set_put(SubchSet *set, uint16_t schid, SubchDev *sch)
{
    unsigned p = PAGE_OF(schid);
    SubchDev *old;

    if (!set->pages[p]) {
        if (!sch) {
            return;
        }
        set->pages[p] = g_new0(SubchDev *, SUBCH_SET_PAGE_SIZE);
    }
    old = set->pages[p][SLOT_OF(schid)];
    set->pages[p][SLOT_OF(schid)] = sch;
    set->page_used[p] += (sch != NULL) - (old != NULL);
}

bool subch_set_first_free(const SubchSet *set, uint16_t *schid)
{
    for (unsigned p = 0; p < SUBCH_SET_PAGES; p++) {
        if (set->page_used[p] == SUBCH_SET_PAGE_SIZE) {
            continue;
        }
        for (unsigned s = 0; s < SUBCH_SET_PAGE_SIZE; s++) {
            if (!set->pages[p] || !set->pages[p][s]) {
                *schid = p * SUBCH_SET_PAGE_SIZE + s;
                return true;
            }
        }
    }
    return false;
}

bool subch_set_any_from(const SubchSet *set, uint16_t schid)
{
    unsigned p = PAGE_OF(schid);

    if (set->page_used[p]) {
        for (unsigned s = SLOT_OF(schid); s < SUBCH_SET_PAGE_SIZE; s++) {
            if (set->pages[p][s]) {
                return true;
            }
        }
    }
    for (p++; p < SUBCH_SET_PAGES; p++) {
        if (set->page_used[p]) {
            return true;
        }
    }
    return false;
}

void subch_set_foreach(SubchSet *set,
                       void (*fn)(SubchDev *sch, void *opaque), void *opaque)
{
    for (unsigned p = 0; p < SUBCH_SET_PAGES; p++) {
        for (unsigned s = 0; set->page_used[p] && s < SUBCH_SET_PAGE_SIZE;
             s++) {
            /* Read first: @fn may free (and unregister) the subchannel. */
            SubchDev *sch = set->pages[p][s];

            if (sch) {
                fn(sch, opaque);
            }
        }
    }
}

void subch_set_free(SubchSet *set)
{
    if (!set) {
        return;
    }
    for (unsigned p = 0; p < SUBCH_SET_PAGES; p++) {
        g_free(set->pages[p]);
    }
    g_free(set);
}
