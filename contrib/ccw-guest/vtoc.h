/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vtoc.h: the standard volume label and the VTOC of an OS-formatted
 * volume, as bytes read from the device.
 *
 * Sources: facts-dasd-eckd.md section 3.6 (VOL1, DSCB formats 1, 3, 4
 * with their offsets) and z/OS DFSMSdfp Advanced Services, "VTOC
 * Components".  A DSCB is 140 bytes: a 44-byte key (the data set name for
 * format 1) and 96 bytes of data.  Offsets below are within the 140 bytes,
 * as IBM documents them; the data area starts at offset 44.  Every field
 * is big-endian EBCDIC or binary; the parsers return host-order values
 * and ASCII names.
 *
 * Pure functions; the unit tests feed them hand-made EBCDIC byte arrays.
 */
#ifndef CCW_GUEST_VTOC_H
#define CCW_GUEST_VTOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#define VOL1_SIZE 80            /* data of cyl 0 head 0 record 3 */
#define DSCB_KEY_SIZE 44
#define DSCB_DATA_SIZE 96
#define DSCB_SIZE (DSCB_KEY_SIZE + DSCB_DATA_SIZE)

/* Format identifiers (byte 44, EBCDIC '1', '3', '4', ...). */
#define DSCB_FMT1 0xf1
#define DSCB_FMT3 0xf3
#define DSCB_FMT4 0xf4
#define DSCB_FMT5 0xf5
#define DSCB_FMT8 0xf8

/* Offsets of the format-1 fields that ccw-guest rewrites. */
#define DSCB1_LSTAR_OFF 98      /* last used TTR (3 bytes) */
#define DSCB1_TRBAL_OFF 101     /* bytes left on the last track (2) */

/* DS1DSORG byte 0 and DS1RECFM bits. */
#define DSORG_IS 0x80
#define DSORG_PS 0x40
#define DSORG_DA 0x20
#define DSORG_PO 0x02
#define DSORG_U  0x01
#define DSORG_AM 0x08           /* byte 1: VSAM */
#define RECFM_F  0x80
#define RECFM_V  0x40
#define RECFM_U  0xc0
#define RECFM_FORMAT 0xc0
#define RECFM_T  0x20           /* track overflow */
#define RECFM_B  0x10
#define RECFM_S  0x08           /* standard (F) / spanned (V) */
#define RECFM_A  0x04
#define RECFM_M  0x02

/**
 * Vol1: the standard volume label.
 * @volser: volume serial, ASCII, blanks dropped.
 * @vtoc_cyl/@vtoc_head/@vtoc_rec: where the VTOC's format-4 DSCB is.
 * @owner: owner field, ASCII.
 */
typedef struct Vol1 {
    char volser[7];
    uint32_t vtoc_cyl;
    uint32_t vtoc_head;
    uint8_t vtoc_rec;
    char owner[15];
} Vol1;

/**
 * vtoc_parse_vol1: read a VOL1 label.
 * @data: the record's data (80 bytes: "VOL1", volser, security byte,
 *        VTOC CCHHR at 11, owner at 37).
 * @len: its length.
 * @v: receives the fields.
 * @errp: when the record is too short or does not start with "VOL1".
 * Returns: true on success.
 */
bool vtoc_parse_vol1(const uint8_t *data, size_t len, Vol1 *v,
                     GError **errp);

/**
 * DsExtent: one extent of a data set, tracks begin..end inclusive.
 * @type: 0x00 unused, 0x01 data, 0x81 cylinder-aligned, 0x40 labels.
 * @seq: extent sequence number.
 */
typedef struct DsExtent {
    uint8_t type;
    uint8_t seq;
    uint32_t bcyl;
    uint32_t bhead;
    uint32_t ecyl;
    uint32_t ehead;
} DsExtent;

/**
 * vtoc_parse_extent: one 10-byte extent descriptor (type, sequence,
 * begin CCHH, end CCHH).
 * @p: 10 bytes.  @e: receives it.
 */
void vtoc_parse_extent(const uint8_t *p, DsExtent *e);

/**
 * extent_tracks: @e: an extent. @heads: tracks per cylinder.
 * Returns: its number of tracks (0 for an unused or reversed extent).
 */
uint32_t extent_tracks(const DsExtent *e, uint32_t heads);

/** DS_MAX_EXTENTS: extents a format-1 DSCB plus its format-3 chain hold. */
#define DS_MAX_EXTENTS 16

/**
 * Dscb1: a data set described by a format-1 (or format-8) DSCB.
 * @dsname: data set name, ASCII.  @fmtid: 0xF1 or 0xF8.
 * @volser: volume serial.  @volseq: volume sequence number.
 * @credt/@expdt/@refdt: dates as stored: year - 1900, day of year (2).
 * @noepv: extents on this volume.  @nobdb: bytes used in the last PDS
 *         directory block.
 * @syscd: system code, ASCII.
 * @dsorg: DS1DSORG (2 bytes: byte 0 in the high half).
 * @recfm/@optcd: record format and option code bytes.
 * @blksize/@lrecl/@keylen/@rkp: DCB attributes.
 * @dsind: data set indicators.
 * @scalo_unit: secondary allocation unit byte (0xC0 cyl, 0x80 trk,
 *              0x40 blk, 0x00 absolute tracks).  @scalo_qty: quantity.
 * @lstar_tt/@lstar_r: last used track (relative) and record.
 * @trbal: bytes left on the last used track.
 * @ext: extents: the three of the format-1 DSCB, then those of the
 *       format-3 chain when the caller added them.
 * @next: CCHHR of the next DSCB in the chain (format 2 or 3), zeros if
 *        none.
 */
typedef struct Dscb1 {
    char dsname[45];
    uint8_t fmtid;
    char volser[7];
    uint16_t volseq;
    uint8_t credt[3];
    uint8_t expdt[3];
    uint8_t refdt[3];
    uint8_t noepv;
    uint8_t nobdb;
    char syscd[14];
    uint16_t dsorg;
    uint8_t recfm;
    uint8_t optcd;
    uint16_t blksize;
    uint16_t lrecl;
    uint8_t keylen;
    uint16_t rkp;
    uint8_t dsind;
    uint8_t scalo_unit;
    uint32_t scalo_qty;
    uint16_t lstar_tt;
    uint8_t lstar_r;
    uint16_t trbal;
    unsigned next_ext;
    DsExtent ext[DS_MAX_EXTENTS];
    uint8_t next[5];
} Dscb1;

/**
 * vtoc_parse_dscb1: read a format-1 or format-8 DSCB.
 * @dscb: DSCB_SIZE bytes (key + data).
 * @d: receives the fields; @d->next_ext = the extents it holds (3).
 * Returns: false if byte 44 is neither 0xF1 nor 0xF8.
 */
bool vtoc_parse_dscb1(const uint8_t dscb[DSCB_SIZE], Dscb1 *d);

/**
 * vtoc_add_dscb3: append the extents of a format-3 DSCB (4 in the key
 * after its 4 x 0x03 identifier, 9 in the data after the 0xF3 id).
 * @dscb: DSCB_SIZE bytes.
 * @d: the data set; its @next becomes the format-3 DSCB's pointer.
 * Returns: false if @dscb is not a format-3 DSCB.
 */
bool vtoc_add_dscb3(const uint8_t dscb[DSCB_SIZE], Dscb1 *d);

/**
 * Dscb4: the VTOC's own DSCB (format 4).
 * @last_f1_*: CCHHR of the last active format-1 DSCB.
 * @free_dscbs: available DSCBs.  @vtoci: VTOC indicators.
 * @dev_cyls/@dev_heads: device size.  @dev_track_len: track length.
 * @dscbs_per_track: DSCBs per VTOC track.
 * @dirblks_per_track: PDS directory blocks per track.
 * @extent: where the VTOC is.
 */
typedef struct Dscb4 {
    uint32_t last_f1_cyl;
    uint32_t last_f1_head;
    uint8_t last_f1_rec;
    uint16_t free_dscbs;
    uint8_t vtoci;
    uint16_t dev_cyls;
    uint16_t dev_heads;
    uint16_t dev_track_len;
    uint8_t dscbs_per_track;
    uint8_t dirblks_per_track;
    DsExtent extent;
} Dscb4;

/**
 * vtoc_parse_dscb4: read the format-4 DSCB.
 * @dscb: DSCB_SIZE bytes (key 44 x 0x04, 0xF4 at 44).
 * @d: receives the fields.
 * @errp: when byte 44 is not 0xF4 or the VTOC extent is empty.
 * Returns: true on success.
 */
bool vtoc_parse_dscb4(const uint8_t dscb[DSCB_SIZE], Dscb4 *d,
                      GError **errp);

/**
 * vtoc_rel_track: the absolute track of relative track @tt of a data set
 * (its extents in order; a relative track counts through them).
 * @d: the data set.  @heads: tracks per cylinder.  @tt: relative track.
 * @track: receives cylinder * heads + head.
 * @ext_last: receives the last absolute track of the extent holding @tt.
 * Returns: false if @tt is beyond the data set's space.
 */
bool vtoc_rel_track(const Dscb1 *d, uint32_t heads, uint32_t tt,
                    uint32_t *track, uint32_t *ext_last);

/**
 * dscb1_tracks: @d: a data set. @heads: tracks per cylinder.
 * Returns: tracks allocated in its extents.
 */
uint32_t dscb1_tracks(const Dscb1 *d, uint32_t heads);

/**
 * dsorg_text: the data set organization as dasdls prints it: "PS", "PO",
 * "DA", "IS", "VS", "??", "  " (none), with a trailing "U" (unmovable) or
 * blank.  @dsorg: DS1DSORG.
 * Returns: a static 3-character string.
 */
const char *dsorg_text(uint16_t dsorg);

/**
 * recfm_text: the record format in letters ("FB", "VBS", "U", "FBA").
 * @recfm: DS1RECFM.  @buf: receives up to 6 characters and a NUL.
 * Returns: @buf.
 */
char *recfm_text(uint8_t recfm, char buf[8]);

/**
 * vtoc_date_text: a DSCB date as "2026Nov20" (calendar form, as dasdls
 * -caldt prints it).  @d: year - 1900 and the day of the year.
 * @buf: receives 9 characters and a NUL.
 * Returns: @buf; "---------" for an all-zero date, "*********" for an
 * impossible day.
 */
char *vtoc_date_text(const uint8_t d[3], char buf[16]);

#endif /* CCW_GUEST_VTOC_H */
