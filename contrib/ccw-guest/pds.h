/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pds.h: partitioned data sets: the directory and the members.
 *
 * The directory is a run of blocks at the start of the data set, each an
 * 8-byte key (the highest member name in the block) and 256 bytes of
 * data: a 2-byte count of the bytes used (itself included), then entries
 * of a member name (8 bytes EBCDIC), the TTR of the member's first block
 * (relative track, 2 bytes, and record, 1 byte), and a byte C whose bit 0
 * marks an alias and whose low 5 bits count the halfwords of user data
 * that follow.  An entry named eight 0xFF bytes ends the directory, and
 * an end-of-file record follows the last directory block.  A member is
 * the sequence of blocks from its TTR to the next end-of-file record.
 * (z/OS DFSMS Using Data Sets, "Partitioned data set directory".)
 */
#ifndef CCW_GUEST_PDS_H
#define CCW_GUEST_PDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "dasd.h"
#include "volume.h"

/** PDS_DIR_BLOCK: data length of a directory block. */
#define PDS_DIR_BLOCK 256

/**
 * PdsEntry: one directory entry.
 * @name: member name, ASCII.  @tt/@rec: TTR of the first block.
 * @alias: the entry is an alias.  @user_halfwords: user data length / 2.
 */
typedef struct PdsEntry {
    char name[9];
    uint16_t tt;
    uint8_t rec;
    bool alias;
    uint8_t user_halfwords;
} PdsEntry;

/**
 * pds_parse_dir_block: the entries of one directory block.
 * @data: the block's data.  @len: its length (256).
 * @entries: PdsEntry values are appended.
 * @end: set when the block holds the end-of-directory entry.
 * @errp: a byte count outside 2..256 or an entry that runs past it.
 * Returns: true on success.
 */
bool pds_parse_dir_block(const uint8_t *data, size_t len, GArray *entries,
                         bool *end, GError **errp);

/**
 * pds_read_directory: read the whole directory of @ds.
 * @d: the device.  @ds: a DSORG=PO data set.
 * @entries: receives PdsEntry values in directory order.
 * @errp: not a PDS, I/O errors, a malformed or unterminated directory.
 * Returns: true on success.
 */
bool pds_read_directory(DasdDev *d, const VolDataset *ds, GArray *entries,
                        GError **errp);

/**
 * pds_find: @entries: a directory. @name: member name (case-insensitive).
 * Returns: the entry, or NULL.
 */
const PdsEntry *pds_find(GArray *entries, const char *name);

#endif /* CCW_GUEST_PDS_H */
