/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-io.h: record-level I/O to a 3390 through the whole passthrough
 * path, for the durability, fault and soak qtests.
 *
 * The volume is laid out before a server starts: every track holds
 * DIO_RECS records of DIO_RECLEN bytes (R1..R12, keyless), each filled
 * with the pattern of sequence number 0.  A pattern names its record and
 * a sequence number in its first 16 bytes (big-endian) and derives every
 * other byte from them, so a record read back is either exactly one
 * pattern or corrupt (a torn or mixed record never matches).
 *
 * Programs (facts-dasd-eckd.md §2.2, §2.3): Define Extent of the one
 * track, Locate Record orient-count with the first record as search
 * argument and a count of records, then one Write Update Data (0x85) or
 * Read Data (0x06) CCW of DIO_RECLEN bytes per record.
 */
#ifndef TESTS_QTEST_DASD_IO_H
#define TESTS_QTEST_DASD_IO_H

#include <stdint.h>
#include <glib.h>
#include "libcss.h"
#include "libvuc.h"

#define DIO_RECS 12             /* 4 KiB records per 3390 track */
#define DIO_RECLEN 4096
#define DIO_HEADS 15
#define DIO_MAX_PER_IO 3        /* records per program at most */

/**
 * dio_volume_create: make a @cyls-cylinder 3390 at @path whose every
 * track holds DIO_RECS records with the pattern of sequence 0.
 */
void dio_volume_create(const char *path, unsigned cyls);

/** dio_rss_kib: Returns: VmRSS of @pid in KiB from /proc, or -1. */
long dio_rss_kib(GPid pid);

/**
 * dio_pattern: fill @buf (DIO_RECLEN bytes) with the pattern of record
 * @rec on @track for sequence number @seq.
 */
void dio_pattern(uint8_t *buf, uint32_t track, uint8_t rec, uint32_t seq);

/**
 * dio_pattern_seq: which sequence number the DIO_RECLEN bytes at @buf
 * hold for record @rec on @track.
 * Returns: the sequence number, or -1 if the bytes are no whole pattern
 * of that record.
 */
int64_t dio_pattern_seq(const uint8_t *buf, uint32_t track, uint8_t rec);

/**
 * DioArea: guest memory reserved for one subchannel's programs: the
 * ORB, CCWs, parameters, data and IRB live at @base .. @base + 64 KiB.
 */
typedef struct DioArea {
    uint32_t sid;
    uint64_t base;
} DioArea;

/**
 * dio_start_write: lay out and start (SSCH) a program writing records
 * @rec .. @rec + @n - 1 of @track with sequence numbers @seq[i].
 * Returns: the SSCH condition code.
 */
int dio_start_write(QTestState *qts, const DioArea *a, uint32_t track,
                    uint8_t rec, unsigned n, const uint32_t *seq);

/** dio_start_read: like dio_start_write() for Read Data of @n records. */
int dio_start_read(QTestState *qts, const DioArea *a, uint32_t track,
                   uint8_t rec, unsigned n);

/**
 * dio_start_format_write: start a format write (Define Extent mask
 * "inhibit HA/R0 writes", Locate Record format write, one Write CKD of
 * count + DIO_RECLEN data bytes) that rewrites record @rec of @track with
 * the pattern of @seq, erasing the records after it.
 * Returns: the SSCH condition code.
 */
int dio_start_format_write(QTestState *qts, const DioArea *a, uint32_t track,
                           uint8_t rec, uint32_t seq);

/** dio_read_data: copy record @i of the last read program of @a to @buf. */
void dio_read_data(QTestState *qts, const DioArea *a, unsigned i,
                   uint8_t *buf);

/** dio_tsch: TSCH @a's subchannel into its IRB area. Returns: the cc. */
int dio_tsch(QTestState *qts, const DioArea *a, CssIrbView *irb);

/**
 * dio_deferred_cc: Returns: the deferred condition code of an IRB (SCSW
 * word 0 bits 6-7, PoP ch. 16).
 */
static inline unsigned dio_deferred_cc(const CssIrbView *irb)
{
    return (irb->flags >> 8) & 3;
}

/**
 * dio_image_seqs: open @image with our own reader, check every track
 * (ckd_read_track validates it) and that it holds exactly R1..R12 of
 * DIO_RECLEN bytes with the right count fields, and store each record's
 * sequence number in @seq[track * DIO_RECS + rec - 1] (-1: corrupt).
 * Returns: the number of tracks.
 */
uint32_t dio_image_seqs(const char *image, int64_t *seq);

#endif /* TESTS_QTEST_DASD_IO_H */
