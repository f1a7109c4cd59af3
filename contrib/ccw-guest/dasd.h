/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd.h: a small ECKD DASD driver that works the way Linux's dasd_eckd
 * does: every channel program starts with Define Extent (the tracks it may
 * touch and a file mask that allows only what it needs) and a Locate
 * Record that positions the device and announces how many records or
 * tracks follow; then the read or write commands.
 *
 *   read tracks:     DX(read only) LR(Read Tracks, HA orientation, n)
 *                    Read Track x n            (up to DASD_TRACKS_PER_IO)
 *   read a record:   DX(read only) LR(Read Data, count orientation, 1)
 *                    Read Data | Read Key and Data
 *   update a record: DX(update writes) LR(Write Data, 1, TLF = length)
 *                    Write Update Data | Write Update Key and Data
 *   format records:  DX(format writes) LR(Format Write, count orientation
 *                    on the record before the first, n)
 *                    Write CKD, ..., Write CKD Next Track, Write CKD, ...
 *
 * Facts: facts-dasd-eckd.md sections 1.3-1.5 and 2.2-2.8.  Each call is
 * one or more complete channel programs; errors are one-line GErrors that
 * name the device and, for a unit check, the sense meaning.
 *
 * Who calls it: the commands.  One thread.
 */
#ifndef CCW_GUEST_DASD_H
#define CCW_GUEST_DASD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "css-guest.h"
#include "eckd.h"

/** DASD_TRACKS_PER_IO: tracks one Read Tracks program reads (a cylinder). */
#define DASD_TRACKS_PER_IO 15

/** DASD_TRACK_BUF: bytes reserved per track read (a CCW count is 16 bits). */
#define DASD_TRACK_BUF 0xfff8

/**
 * DasdDev: an open DASD.
 * @g: the connection (borrowed).
 * @sch: its subchannel, enabled.
 * @id: Sense ID data.
 * @geo: Read Device Characteristics data.
 * @rdc: the raw RDC bytes.
 */
typedef struct DasdDev {
    GuestCss *g;
    GuestSubch sch;
    EckdSenseId id;
    EckdGeometry geo;
    uint8_t rdc[ECKD_RDC_SIZE];
} DasdDev;

/**
 * dasd_sense_id: run Sense ID (0xE4) on any device.
 * @g: the connection.  @sch: an enabled subchannel.
 * @id: receives the parsed data.
 * @errp: when the program fails or the data is not Sense ID data.
 * Returns: true on success.
 */
bool dasd_sense_id(GuestCss *g, GuestSubch *sch, EckdSenseId *id,
                   GError **errp);

/**
 * dasd_open: find the device @busid, enable its subchannel, check with
 * Sense ID that it is an ECKD DASD (3390 or 3380) and read its
 * characteristics.
 * @g: the connection.  @busid: "0.0.1234".  @d: receives the device.
 * @errp: no such device, not a DASD, or the I/O failed.
 * Returns: true on success.
 */
bool dasd_open(GuestCss *g, const char *busid, DasdDev *d, GError **errp);

/** dasd_tracks: @d: the device. Returns: tracks on the volume. */
uint32_t dasd_tracks(const DasdDev *d);

/**
 * DasdTrackFn: called for every track dasd_read_tracks() read.
 * @track: absolute track number (cylinder * heads + head).
 * @buf: the Read Track data (count, key, data of R0..Rn, 8 x 0xFF).
 * @len: bytes in @buf that belong to this track's area.
 * @recs: the records found (EckdRecord), R0 first.
 * @opaque: the caller's.
 * @errp: to stop the walk with an error.
 * Returns: true to go on.
 */
typedef bool (*DasdTrackFn)(uint32_t track, const uint8_t *buf, size_t len,
                            GArray *recs, void *opaque, GError **errp);

/**
 * dasd_read_tracks: read tracks @first .. @first + @n - 1 whole, up to
 * DASD_TRACKS_PER_IO per channel program, and hand each to @fn in order.
 * @d: the device.  @first: first track.  @n: track count.
 * @fn: the callback.  @opaque: passed to it.
 * @errp: I/O error, a track whose data does not parse (invalid track
 *        format seen by the driver), or @fn's error.
 * Returns: true on success.
 */
bool dasd_read_tracks(DasdDev *d, uint32_t first, uint32_t n, DasdTrackFn fn,
                      void *opaque, GError **errp);

/**
 * dasd_read_record: read one record's key and data, or its data.
 * @d: the device.
 * @what_name: what the record is, for messages ("VOL1 label").
 * @track: absolute track.  @rec: record number (R).
 * @with_key: Read Key and Data instead of Read Data.
 * @buf: receives up to @size bytes.  @size: buffer size, <= 65535.
 * @len: receives the bytes transferred (a longer record is cut at @size).
 * @errp: I/O error; no record found when the record does not exist.
 * Returns: true on success (an end-of-file record reads as @len 0).
 */
bool dasd_read_record(DasdDev *d, const char *what_name, uint32_t track,
                      uint8_t rec, bool with_key, uint8_t *buf, size_t size,
                      size_t *len, GError **errp);

/**
 * dasd_update_record: rewrite the data (or key and data) of an existing
 * record in place; the track layout does not change.
 * @d: the device.
 * @what_name: what the record is, for messages ("format-1 DSCB").
 * @track: absolute track.  @rec: record number.
 * @with_key: the new bytes are key + data.
 * @data: the bytes; @len must equal the record's (key and) data length.
 * @len: their count.
 * @errp: I/O error (invalid track format if @len is not the record's).
 * Returns: true on success.
 */
bool dasd_update_record(DasdDev *d, const char *what_name, uint32_t track,
                        uint8_t rec, bool with_key, const uint8_t *data,
                        size_t len, GError **errp);

/**
 * DasdNewRecord: a record to format.
 * @track: absolute track.  @rec: R (1-255).
 * @kl: key length.  @dl: data length (0 writes an end-of-file record).
 * @data: @kl + @dl bytes (key first); may be NULL when both are 0.
 */
typedef struct DasdNewRecord {
    uint32_t track;
    uint8_t rec;
    uint8_t kl;
    uint16_t dl;
    const uint8_t *data;
} DasdNewRecord;

/**
 * dasd_format_records: write new records, erasing what followed them on
 * their tracks.  The records must be in track order within the extent
 * @ext_first .. @ext_last, numbered consecutively on each track, and the
 * first record on every track but the first must be R1; the first record
 * of all follows R(@recs[0].rec - 1), which must exist.
 * @d: the device.
 * @ext_first/@ext_last: absolute tracks the programs may touch.
 * @recs: the records.  @n: how many.
 * @errp: invalid arguments or an I/O error.
 * Returns: true on success.
 */
bool dasd_format_records(DasdDev *d, uint32_t ext_first, uint32_t ext_last,
                         const DasdNewRecord *recs, size_t n, GError **errp);

#endif /* CCW_GUEST_DASD_H */
