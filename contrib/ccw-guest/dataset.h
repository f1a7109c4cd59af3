/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dataset.h: sequential (DSORG=PS) data sets on an open DASD: read their
 * blocks the way Hercules dasdseq does, split blocks into logical
 * records, and rewrite a data set from its first track.
 *
 * Reading walks the relative tracks of the data set's extents, reading
 * whole tracks (dasd_read_tracks()) and taking records R1, R2, ... of each
 * track in turn; it ends at the first end-of-file record (data length 0),
 * after the record DS1LSTAR names (when DS1LSTAR is not zero), or at the
 * end of the space, whichever comes first.  Keys are skipped.
 *
 * Writing formats new blocks from relative track 0 record 1 (Write CKD,
 * which also erases the rest of each track), writes the end-of-file record
 * ps-layout.h places, and then updates DS1LSTAR and DS1TRBAL in the
 * format-1 DSCB with Write Update Data.  Nothing else of the DSCB changes.
 */
#ifndef CCW_GUEST_DATASET_H
#define CCW_GUEST_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "dasd.h"
#include "volume.h"

/**
 * DsBlockFn: called for every data block read.
 * @block: the block's data.  @len: its length.  @opaque: the caller's.
 * @errp: to stop with an error.
 * Returns: true to go on.
 */
typedef bool (*DsBlockFn)(const uint8_t *block, size_t len, void *opaque,
                          GError **errp);

/**
 * dataset_read: read the blocks of a sequential data set.
 * @d: the device.  @ds: the data set (from volume_read()).
 * @fn: called per block.  @opaque: passed on.
 * @errp: not a sequential data set, I/O errors, or @fn's error.
 * Returns: true on success.
 */
bool dataset_read(DasdDev *d, const VolDataset *ds, DsBlockFn fn,
                  void *opaque, GError **errp);

/**
 * dataset_read_from: read blocks from relative track @tt, record @rec on,
 * to the next end-of-file record or the end of the space, whatever the
 * data set's organization (a PDS member starts at the TTR of its
 * directory entry).  DS1LSTAR is not looked at.
 * @d: the device.  @ds: the data set.  @tt/@rec: the first block (TTR).
 * @fn: called per block.  @opaque: passed on.
 * @errp: I/O errors, a TTR with record 0, or @fn's error.
 * Returns: true on success.
 */
bool dataset_read_from(DasdDev *d, const VolDataset *ds, uint32_t tt,
                       uint8_t rec, DsBlockFn fn, void *opaque,
                       GError **errp);

/**
 * DsRecordFn: called for every logical record of a block.
 * @rec: the record; for RECFM V without its 4-byte record descriptor.
 * @len: its length.  @opaque: the caller's.  @errp: to stop.
 * Returns: true to go on.
 */
typedef bool (*DsRecordFn)(const uint8_t *rec, size_t len, void *opaque,
                           GError **errp);

/**
 * dataset_deblock: split one block into logical records by the data
 * set's RECFM and LRECL: F/FB in LRECL pieces (a short tail is passed as
 * it is, as dasdseq reads it); V/VB by the block and record descriptor
 * words; U, and F with LRECL 0, as one record per block.
 * @f1: the data set's DSCB.  @block: the block.  @len: its length.
 * @fn: called per record.  @opaque: passed on.
 * @errp: a malformed V block, or @fn's error.
 * Returns: true on success.
 */
bool dataset_deblock(const Dscb1 *f1, const uint8_t *block, size_t len,
                     DsRecordFn fn, void *opaque, GError **errp);

/**
 * dataset_write: replace the contents of a RECFM F or FB sequential data
 * set with @nrec records of LRECL bytes.
 * @d: the device.  @ds: the data set.
 * @records: @nrec * LRECL bytes, EBCDIC or binary as the data set wants.
 * @nrec: number of records (0 empties the data set).
 * @blocks: receives the number of blocks written (may be NULL).
 * @errp: wrong DSORG/RECFM/key length, not enough space, I/O errors.
 * Returns: true on success.
 */
bool dataset_write(DasdDev *d, const VolDataset *ds, const uint8_t *records,
                   size_t nrec, size_t *blocks, GError **errp);

#endif /* CCW_GUEST_DATASET_H */
