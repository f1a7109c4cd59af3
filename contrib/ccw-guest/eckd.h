/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * eckd.h: the parameters and data layouts of the ECKD channel commands a
 * driver sends to a 3390 behind a 3990 (facts-dasd-eckd.md sections 1-2;
 * IBM 3990/9390 Storage Control Reference GA32-0274, as Linux's dasd_eckd
 * uses them): Define Extent and Locate Record parameter blocks, track
 * addresses, Read Device Characteristics, Sense ID, the record stream of
 * Read Track, and the 3390 track-capacity formula.
 *
 * All parameter blocks are built as the big-endian bytes the device
 * fetches; parsed results are host-order structures.  Pure functions, no
 * I/O: the unit tests check them byte by byte against the tables of the
 * facts file.
 */
#ifndef CCW_GUEST_ECKD_H
#define CCW_GUEST_ECKD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/* Command codes (facts section 2.7). */
#define ECKD_READ_DATA          0x06
#define ECKD_READ_KD            0x0e
#define ECKD_READ_COUNT         0x12
#define ECKD_WRITE_CKD          0x1d
#define ECKD_DEFINE_EXTENT      0x63
#define ECKD_RDC                0x64
#define ECKD_LOCATE_RECORD      0x47
#define ECKD_WRITE_UPDATE_DATA  0x85
#define ECKD_READ_DATA_MT       0x86
#define ECKD_WRITE_UPDATE_KD    0x8d
#define ECKD_READ_KD_MT         0x8e
#define ECKD_WRITE_CKD_NEXT_TRK 0x9d
#define ECKD_READ_TRACK         0xde
#define ECKD_SENSE_ID           0xe4

/* Define Extent file mask, byte 0 (write control in bits 0-1). */
#define ECKD_MASK_FORMAT        0x00    /* all writes but HA/R0 */
#define ECKD_MASK_READ_ONLY     0x40    /* inhibit all writes */
#define ECKD_MASK_UPDATE        0x80    /* update writes only */

/* Define Extent global attributes, byte 1: ECKD mode, normal cache. */
#define ECKD_GA_ECKD            0xc0

/* Locate Record orientation (byte 0 bits 0-1) and operation (2-7). */
#define ECKD_ORIENT_COUNT       0x00
#define ECKD_ORIENT_HA          0x01
#define ECKD_ORIENT_DATA        0x02
#define ECKD_ORIENT_INDEX       0x03
#define ECKD_LR_WRITE_DATA      0x01
#define ECKD_LR_FORMAT_WRITE    0x03
#define ECKD_LR_READ_DATA       0x06
#define ECKD_LR_READ_TRACKS     0x0c

/* Locate Record auxiliary byte: the transfer-length factor is valid. */
#define ECKD_LR_AUX_TLF         0x80

/* Parameter sizes. */
#define ECKD_DX_SIZE            16
#define ECKD_LR_SIZE            16
#define ECKD_RDC_SIZE           64
#define ECKD_SENSE_ID_MAX       40      /* 8 bytes + 8 CIWs */
#define ECKD_COUNT_SIZE         8       /* CC HH R KL DL */

/** ECKD_3390_CELLS: user cells of 34 bytes on a 3390 track. */
#define ECKD_3390_CELLS 1729

/** ECKD_3390_TRACK_LEN: 3390 track length as RDC reports it (bytes). */
#define ECKD_3390_TRACK_LEN 58786

/** ECKD_MAX_LR_COUNT: largest Locate Record count (one byte). */
#define ECKD_MAX_LR_COUNT 255

/**
 * EckdGeometry: what Read Device Characteristics says (facts 1.4).
 * @cu_type: control unit type (0x3990, 0x2105, ...).  @cu_model: CU model.
 * @dev_type: device type (0x3390).  @dev_model: model byte.
 * @facilities: bytes 6-9.
 * @dev_class: byte 10 (0x20 DASD).  @unit_type: byte 11.
 * @cyls: cylinders (the 32-bit field for EAV volumes).
 * @heads: tracks per cylinder.  @sectors: sectors per track.
 * @track_len: track length in bytes (58786 on a 3390).
 * @ha_r0_len: HA + R0 overhead.  @formula: capacity formula (2 on 3390).
 * @factors: f1..f5 of the formula.
 * @r0_max: largest R0 data length.
 */
typedef struct EckdGeometry {
    uint16_t cu_type;
    uint8_t cu_model;
    uint16_t dev_type;
    uint8_t dev_model;
    uint32_t facilities;
    uint8_t dev_class;
    uint8_t unit_type;
    uint32_t cyls;
    uint16_t heads;
    uint8_t sectors;
    uint32_t track_len;
    uint16_t ha_r0_len;
    uint8_t formula;
    uint8_t factors[5];
    uint16_t r0_max;
} EckdGeometry;

/**
 * eckd_parse_rdc: read the 64 bytes of Read Device Characteristics.
 * @rdc: the bytes as the device sent them.
 * @geo: receives the fields.
 * Returns: false if the data does not describe a DASD (class 0x20) with
 * cylinders and heads.
 */
bool eckd_parse_rdc(const uint8_t rdc[ECKD_RDC_SIZE], EckdGeometry *geo);

/**
 * EckdCiw: one command-information word of Sense ID.
 * @type: CIW type (0 read configuration data, 1 set interface id, 2 read
 *        node identifier, ...).  @cmd: command code.  @count: byte count.
 */
typedef struct EckdCiw {
    uint8_t type;
    uint8_t cmd;
    uint16_t count;
} EckdCiw;

/**
 * EckdSenseId: Sense ID data (facts 1.3; PoP "Sense ID").
 * @cu_type/@cu_model: control unit.  @dev_type/@dev_model: device.
 * @nciw: valid entries in @ciw.
 */
typedef struct EckdSenseId {
    uint16_t cu_type;
    uint8_t cu_model;
    uint16_t dev_type;
    uint8_t dev_model;
    unsigned nciw;
    EckdCiw ciw[8];
} EckdSenseId;

/**
 * eckd_parse_sense_id: read Sense ID data.
 * @buf: the bytes received.  @len: how many the device sent.
 * @id: receives the fields (device type 0 when only the 4-byte basic
 *      form came; CIWs end at the first word whose bits 0-1 are not 01).
 * Returns: false if byte 0 is not 0xFF or fewer than 4 bytes came.
 */
bool eckd_parse_sense_id(const uint8_t *buf, size_t len, EckdSenseId *id);

/**
 * eckd_cchh: a track address as the 4 CCHH bytes of Define Extent, Locate
 * Record and count fields (EAV form: CC = low 16 bits of the cylinder,
 * HH = high 12 cylinder bits above the 4-bit head; facts 1.1).
 * @cyl: cylinder.  @head: head, 0-14.
 * @out: receives 4 bytes.
 */
void eckd_cchh(uint32_t cyl, uint32_t head, uint8_t out[4]);

/**
 * eckd_cchh_decode: the inverse of eckd_cchh().
 * @p: 4 CCHH bytes.  @cyl: receives the cylinder.  @head: the head.
 */
void eckd_cchh_decode(const uint8_t *p, uint32_t *cyl, uint32_t *head);

/**
 * eckd_build_dx: Define Extent parameters (facts 2.2).
 * @out: receives ECKD_DX_SIZE bytes.
 * @mask: file mask (ECKD_MASK_*).
 * @blksize: blocksize for length checks; 0 for none.
 * @first: first track of the extent (cylinder * heads + head).
 * @last: last track of the extent.
 * @heads: tracks per cylinder.
 */
void eckd_build_dx(uint8_t out[ECKD_DX_SIZE], uint8_t mask, uint16_t blksize,
                   uint32_t first, uint32_t last, uint16_t heads);

/**
 * eckd_build_lr: Locate Record parameters (facts 2.3).
 * @out: receives ECKD_LR_SIZE bytes.
 * @orient: ECKD_ORIENT_*.  @op: ECKD_LR_*.
 * @count: records or tracks in the domain (1-255; 0 only to orient).
 * @track: the track sought (cylinder * heads + head).
 * @heads: tracks per cylinder.
 * @rec: record number of the search argument (CCHH of @track + @rec).
 * @tlf: transfer-length factor; 0 leaves it invalid (the Define Extent
 *       blocksize applies).
 */
void eckd_build_lr(uint8_t out[ECKD_LR_SIZE], uint8_t orient, uint8_t op,
                   uint8_t count, uint32_t track, uint16_t heads, uint8_t rec,
                   uint16_t tlf);

/**
 * eckd_record_cells: 34-byte cells a record uses on a 3390 track
 * (capacity formula 2; facts 1.2).  HA and R0 are outside the 1729 cells.
 * @kl: key length.  @dl: data length.
 * Returns: the cells, e.g. 143 for 0/4096 (12 per track), 20 for an EOF.
 */
uint32_t eckd_record_cells(uint8_t kl, uint32_t dl);

/**
 * EckdRecord: one record found in a track image.
 * @cyl/@head: the count field's CCHH.  @rec: its R.  @kl/@dl: lengths.
 * @count_off: offset of the count field in the buffer; the key follows
 *             it, the data follows the key.
 */
typedef struct EckdRecord {
    uint32_t cyl;
    uint32_t head;
    uint8_t rec;
    uint8_t kl;
    uint16_t dl;
    size_t count_off;
} EckdRecord;

/**
 * eckd_parse_track: split the bytes of Read Track (every record from R0
 * on as count + key + data, ending in eight 0xFF bytes) into records.
 * @buf: the data received.  @len: bytes available in @buf.
 * @recs: receives one EckdRecord per record, R0 included, in track order
 *        (appended; the caller clears it).
 * Returns: false if a record runs past @len or no end marker was found.
 */
bool eckd_parse_track(const uint8_t *buf, size_t len, GArray *recs);

#endif /* CCW_GUEST_ECKD_H */
