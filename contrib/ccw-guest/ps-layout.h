/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ps-layout.h: where the blocks of a sequential (DSORG=PS) data set go
 * when it is rewritten from its first track, and what the format-1 DSCB
 * must then say.
 *
 * Blocks are keyless records R1, R2, ... filling each track as far as the
 * 3390 track capacity allows (1,729 cells, eckd_record_cells()), then the
 * next relative track from R1.  After the last block comes an end-of-file
 * record (key length 0, data length 0) on the same track if it fits, else
 * as R1 of the next track; when the data set's space ends right after the
 * last block there is no room for it and DS1LSTAR alone marks the end.
 *
 * DSCB fields (z/OS DFSMSdfp Advanced Services, format-1 DSCB):
 *   DS1LSTAR (offset 98, TTR): relative track and record number of the
 *            last data block; 000000 when the data set is empty.
 *   DS1TRBAL (offset 101): bytes left on that track after the last
 *            block, in the 34-byte cells of RDC's track length
 *            (58,786 - 34 x cells of R1..last block); 58,786 when empty.
 * Hercules dasdload counts the end-of-file record into both; dasdseq
 * reads either form correctly, because it stops at the end-of-file record
 * as well as after DS1LSTAR.
 *
 * Pure functions.
 */
#ifndef CCW_GUEST_PS_LAYOUT_H
#define CCW_GUEST_PS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/**
 * PsPlace: where one record goes.
 * @tt: relative track in the data set.  @rec: record number on it.
 */
typedef struct PsPlace {
    uint32_t tt;
    uint8_t rec;
} PsPlace;

/**
 * PsLayout: the plan for a data set.
 * @blocks: PsPlace per block, in order.
 * @has_eof: an end-of-file record is written at @eof.
 * @eof: its place.
 * @lstar_tt/@lstar_r: DS1LSTAR.
 * @trbal: DS1TRBAL.
 * @tracks: relative tracks the plan touches (blocks and end of file).
 */
typedef struct PsLayout {
    GArray *blocks;
    bool has_eof;
    PsPlace eof;
    uint16_t lstar_tt;
    uint8_t lstar_r;
    uint16_t trbal;
    uint32_t tracks;
} PsLayout;

/**
 * ps_layout_plan: place @n keyless blocks of the given lengths.
 * @lens: block data lengths, each 1..56,664.
 * @n: number of blocks.
 * @space: relative tracks the data set has.
 * @plan: receives the plan (ps_layout_clear() it).
 * @errp: a block too long for a track, or the blocks need more than
 *        @space tracks (the message says how many).
 * Returns: true on success.
 */
bool ps_layout_plan(const uint32_t *lens, size_t n, uint32_t space,
                    PsLayout *plan, GError **errp);

/** ps_layout_clear: free what ps_layout_plan() allocated in @plan. */
void ps_layout_clear(PsLayout *plan);

#endif /* CCW_GUEST_PS_LAYOUT_H */
