/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * volume.h: read an OS volume's table of contents through the driver:
 * the VOL1 label (cyl 0 head 0 record 3, Read Data), the format-4 DSCB it
 * points at (Read Key and Data), then every track of the VTOC extent
 * (Read Track) for the format-1/8 DSCBs of the data sets and the format-3
 * DSCBs that carry their extra extents.
 *
 * This is what Hercules dasdls walks in the image file; here the same
 * records arrive through channel programs.
 */
#ifndef CCW_GUEST_VOLUME_H
#define CCW_GUEST_VOLUME_H

#include <stdbool.h>
#include <glib.h>

#include "dasd.h"
#include "vtoc.h"

/**
 * VolDataset: one data set of the VTOC.
 * @f1: its format-1 DSCB, with the format-3 extents added.
 * @track/@rec: where that DSCB is (for rewriting it).
 */
typedef struct VolDataset {
    Dscb1 f1;
    uint32_t track;
    uint8_t rec;
} VolDataset;

/**
 * Volume: the label and table of contents.
 * @vol1: the volume label.  @f4: the VTOC's own DSCB.
 * @vtoc_first/@vtoc_tracks: the VTOC extent (absolute tracks).
 * @datasets: VolDataset, in VTOC order.
 * @dscbs: DSCB records seen in the VTOC (all formats, empty ones too).
 */
typedef struct Volume {
    Vol1 vol1;
    Dscb4 f4;
    uint32_t vtoc_first;
    uint32_t vtoc_tracks;
    GArray *datasets;
    unsigned dscbs;
} Volume;

/**
 * volume_read: read label and VTOC of the volume on @d.
 * @d: an open DASD.  @v: receives the contents (volume_clear() it).
 * @errp: I/O errors, a missing label, a VTOC outside the volume.
 * Returns: true on success.
 */
bool volume_read(DasdDev *d, Volume *v, GError **errp);

/** volume_clear: free what volume_read() allocated in @v. */
void volume_clear(Volume *v);

/**
 * volume_find: the data set named @dsname (case-insensitive).
 * @v: the volume.  @dsname: an ASCII data set name.
 * Returns: the entry, or NULL.
 */
const VolDataset *volume_find(const Volume *v, const char *dsname);

#endif /* CCW_GUEST_VOLUME_H */
