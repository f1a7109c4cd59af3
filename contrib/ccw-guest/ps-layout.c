/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Placing the blocks of a sequential data set (see ps-layout.h).
 */
#include "qemu/osdep.h"

#include "eckd.h"
#include "guest-error.h"
#include "ps-layout.h"

/* Largest keyless record on a 3390 track: it uses all 1729 cells. */
#define PS_MAX_BLOCK 56664

/* Records per track are numbered in one byte. */
#define PS_MAX_REC 255

bool ps_layout_plan(const uint32_t *lens, size_t n, uint32_t space,
                    PsLayout *plan, GError **errp)
{
    uint32_t tt = 0, used = 0, eof_cells = eckd_record_cells(0, 0);
    uint8_t rec = 0;

    memset(plan, 0, sizeof(*plan));
    plan->blocks = g_array_sized_new(false, false, sizeof(PsPlace), n);
    plan->trbal = ECKD_3390_TRACK_LEN;
    for (size_t i = 0; i < n; i++) {
        uint32_t cells;
        PsPlace p;

        if (lens[i] == 0 || lens[i] > PS_MAX_BLOCK) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                        "block %zu has %u bytes; a 3390 track holds "
                        "1-%d", i + 1, lens[i], PS_MAX_BLOCK);
            return false;
        }
        cells = eckd_record_cells(0, lens[i]);
        if (used + cells > ECKD_3390_CELLS || rec == PS_MAX_REC) {
            tt++;
            used = 0;
            rec = 0;
        }
        if (tt >= space) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                        "%zu blocks do not fit in the data set's %u "
                        "tracks (block %zu would go on relative track %u)",
                        n, space, i + 1, tt);
            return false;
        }
        used += cells;
        p = (PsPlace) { .tt = tt, .rec = ++rec };
        g_array_append_val(plan->blocks, p);
        plan->lstar_tt = (uint16_t)tt;
        plan->lstar_r = rec;
        plan->trbal = (uint16_t)((ECKD_3390_CELLS - used) * 34);
    }
    plan->tracks = n ? tt + 1 : 0;
    if (used + eof_cells > ECKD_3390_CELLS || rec == PS_MAX_REC) {
        tt++;
        rec = 0;
    }
    if (tt < space) {
        plan->has_eof = true;
        plan->eof = (PsPlace) { .tt = tt, .rec = (uint8_t)(rec + 1) };
        plan->tracks = tt + 1;
    }
    return true;
}

void ps_layout_clear(PsLayout *plan)
{
    if (plan->blocks) {
        g_array_unref(plan->blocks);
        plan->blocks = NULL;
    }
}
