/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-eckd.h: an IBM 3390 disk behind a 3990 model 3 storage control,
 * the device at the end of the simulated vfio-ccw subchannel.
 *
 * Who calls it: the vfio-user-ccw server's channel-program executor.  The
 * executor walks the CCW chain (TIC, data chaining, IDALs, skip, incorrect
 * length, the status-modifier skip) and hands the device one command at a
 * time with a contiguous buffer; this model answers with the device-status
 * byte and, on unit check, 32 bytes of sense.  It keeps the volume in a
 * Hercules CKD image (block/ckd.h) and writes every changed track to the
 * image before the command's status is returned, so acknowledged data is
 * in the file.
 *
 * What it implements (facts-dasd-eckd.md sections 1 and 2; IBM 3990/9390
 * Storage Control Reference GA32-0274 as implemented by Hercules and
 * exercised by Linux dasd_eckd and classic OS/360-MVS channel programs):
 *   - identification: Sense ID with CIWs, Read Device Characteristics,
 *     Read Configuration Data, Sense / Set Path Group ID, Perform Subsystem
 *     Function + Read Subsystem Data (zero feature codes), Sense;
 *   - ECKD: Define Extent (extent and file mask enforced), Locate Record
 *     (orient, write data, format write, read data, write track, read
 *     tracks, read) with Read Track, Write Update Data / Key and Data,
 *     Write CKD Next Track;
 *   - classic CKD: Seek / Seek Cylinder / Seek Head / Recalibrate, Set File
 *     Mask, Set/Read Sector, Search ID / Key (Equal, High, Equal or High)
 *     and Search HA Equal, Read HA / R0 / Count / Data / Key and Data / CKD
 *     (and their multitrack forms), Read Multiple CKD, Read IPL, Write R0 /
 *     CKD / Data / Key and Data, Erase, No-Op.
 * Anything else (Prefix, Locate Record Extended, Write HA, reserve and
 * release, diagnostics) is an invalid command.
 *
 * Record capacity follows the real 3390 (1,729 cells of 34 bytes per track,
 * see dasd_eckd_record_cells()), not just the size of the image's track
 * buffer.  A write that the CKD image format cannot hold (an R0 other than
 * 8 data bytes, a user record numbered 0, a head number beyond 14 in the
 * count field) ends with invalid track format as well.
 *
 * Byte order: every parameter and every byte returned to the channel is the
 * architected big-endian layout; nothing is held in host structures that
 * mirror those layouts.
 *
 * Threading: none.  A DasdEckd is used by one thread; it has no global
 * state, and the same commands on the same image give the same answers.
 */
#ifndef VFIO_USER_CCW_DASD_ECKD_H
#define VFIO_USER_CCW_DASD_ECKD_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#include "block/ckd.h"

/** DASD_ECKD_SENSE_SIZE: bytes of sense data (Sense, CCW 0x04). */
#define DASD_ECKD_SENSE_SIZE 32

/** DASD_ECKD_SENSE_ID_SIZE: bytes of Sense ID data (7 + 1 + 3 CIWs). */
#define DASD_ECKD_SENSE_ID_SIZE 20

/** DASD_ECKD_RDC_SIZE: bytes of Read Device Characteristics data. */
#define DASD_ECKD_RDC_SIZE 64

/** DASD_ECKD_RCD_SIZE: bytes of Read Configuration Data (8 x 32). */
#define DASD_ECKD_RCD_SIZE 256

/** DASD_ECKD_TRACK_CELLS: 3390 track capacity in 34-byte cells. */
#define DASD_ECKD_TRACK_CELLS 1729

/*
 * Sense byte 0, 1, 7 and 27 values (24-byte compatible sense; facts
 * section 1.5).  Byte 7 is the format (high nibble) and message (low
 * nibble); format 0 messages qualify a command reject.
 */
#define DASD_SNS0_CMD_REJECT          0x80
#define DASD_SNS0_INTERVENTION_REQ    0x40
#define DASD_SNS0_EQUIPMENT_CHECK     0x10
#define DASD_SNS0_DATA_CHECK          0x08
#define DASD_SNS0_INCOMPLETE_DOMAIN   0x01
#define DASD_SNS1_PERMANENT_ERROR     0x80
#define DASD_SNS1_INVALID_TRACK_FMT   0x40
#define DASD_SNS1_END_OF_CYLINDER     0x20
#define DASD_SNS1_NO_RECORD_FOUND     0x08
#define DASD_SNS1_FILE_PROTECTED      0x04
#define DASD_SNS1_WRITE_INHIBITED     0x02
#define DASD_SNS7_INVALID_COMMAND     0x01
#define DASD_SNS7_INVALID_SEQUENCE    0x02
#define DASD_SNS7_COUNT_TOO_SMALL     0x03
#define DASD_SNS7_INVALID_PARAMETER   0x04
#define DASD_SNS7_EQUIPMENT_FORMAT1   0x10
#define DASD_SNS7_WRITE_INHIBITED_DATA 0x10  /* with SNS1 write inhibited */
#define DASD_SNS27_24BYTE_COMPAT      0x80
#define DASD_SNS27_ADDRESS_VALID      0x20
#define DASD_SNS27_EAV_ADDRESS        0x10

/** DasdEckd: one 3390 device and its control-unit state. Opaque. */
typedef struct DasdEckd DasdEckd;

/**
 * dasd_eckd_new: a 3390 on a 3990-3 serving the volume in @img.
 * @img: an open 3390 image; it must outlive the device (the device does
 *       not close it).  A read-only image gives a device whose writes end
 *       in unit check, file protected.
 * @errp: one line naming what does not fit: a device type other than 3390,
 *        a head count other than 15, a track size too small for a 3390
 *        track, or more cylinders than a 28-bit track address can reach.
 * Returns: the device, or NULL on error.
 */
DasdEckd *dasd_eckd_new(CkdImage *img, GError **errp);

/**
 * dasd_eckd_free: release @d (not its image).
 * @d: the device, or NULL.
 */
void dasd_eckd_free(DasdEckd *d);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(DasdEckd, dasd_eckd_free)

/**
 * dasd_eckd_set_devno: tell the device its device number, from which the
 * configuration data takes its unit address (@devno & 0xff), subsystem id
 * (@devno & 0xff00) and serial number (so that volumes on different device
 * numbers never look like one device to Linux's path checks).
 * @d: the device.
 * @devno: device number; 0 until set.
 */
void dasd_eckd_set_devno(DasdEckd *d, uint16_t devno);

/**
 * dasd_eckd_chain_begin: a new channel program starts.  Forgets what the
 * previous program established, as a 3990 does when a command arrives
 * that is not command-chained: Define Extent / Set File Mask (extent back
 * to the whole volume, file mask 0x00), Locate Record domain, seek,
 * orientation, search results, index-point count, prepared subsystem
 * data.  Sense data and the path group survive.
 * @d: the device.
 */
void dasd_eckd_chain_begin(DasdEckd *d);

/**
 * dasd_eckd_execute: run one channel command.
 * @d: the device.
 * @cmd: CCW command code.
 * @chained: true if the CCW is command-chained from the previous CCW of
 *           the same program; false starts a new program (implies
 *           dasd_eckd_chain_begin()).
 * @buf: the channel's data area for this CCW (may be NULL when @count is
 *       0).  Write and control commands find @count bytes from the channel
 *       here; read and sense commands store up to @count bytes here.
 * @count: CCW byte count.
 * @data_len: set to the length of the data the operation has on the
 *            device side (record length, parameter length); the channel
 *            compares it with @count for incorrect length and residual.
 *            Writes use the first min(@count, *@data_len) bytes and pad
 *            the rest with zeros.
 * Returns: device status: channel end | device end (0x0c) on success,
 * plus status modifier (0x40) for a search that matched (the channel then
 * skips one CCW), plus unit exception (0x01) when a read reached an
 * end-of-file record (data length 0); channel end | device end | unit
 * check (0x0e) with sense stored on error (see dasd_eckd_get_sense()).
 */
uint8_t dasd_eckd_execute(DasdEckd *d, uint8_t cmd, bool chained,
                          uint8_t *buf, uint32_t count, uint32_t *data_len);

/**
 * dasd_eckd_chain_end: the channel program ended after a command that got
 * no unit check and had no command chaining.  If a Locate Record domain is
 * still open (fewer commands than its count ran), the 3990 ends the
 * program with unit check, command reject + incomplete domain (sense
 * byte 0 = 0x81, byte 3 = commands left); the executor merges that status
 * into the last CCW's ending status.
 * @d: the device.
 * Returns: 0, or unit check (0x02) with sense stored.
 */
uint8_t dasd_eckd_chain_end(DasdEckd *d);

/**
 * dasd_eckd_get_sense: copy the current sense bytes (zeros when nothing is
 * pending), e.g. for concurrent sense in the IRB's ECW.  The sense is
 * kept until a Sense command (0x04) has read it or any other command
 * starts.
 * @d: the device.
 * @sense: receives DASD_ECKD_SENSE_SIZE bytes, 24-byte compatible layout
 *         (byte 27 = 0x80 | 0x20 when a unit check is pending).
 */
void dasd_eckd_get_sense(const DasdEckd *d,
                         uint8_t sense[DASD_ECKD_SENSE_SIZE]);

/**
 * dasd_eckd_last_error: what the image layer said the last time a track
 * could not be read or written (the cause behind an equipment check or an
 * invalid track format found on read), for the server's log.
 * @d: the device.
 * Returns: a one-line message owned by @d, or NULL if there was none.
 */
const char *dasd_eckd_last_error(const DasdEckd *d);

/** dasd_eckd_cu_type: @d: the device. Returns: control unit type, 0x3990. */
uint16_t dasd_eckd_cu_type(const DasdEckd *d);

/** dasd_eckd_cu_model: @d: the device. Returns: CU model, 0xEC (3990-3). */
uint8_t dasd_eckd_cu_model(const DasdEckd *d);

/** dasd_eckd_dev_type: @d: the device. Returns: device type, 0x3390. */
uint16_t dasd_eckd_dev_type(const DasdEckd *d);

/**
 * dasd_eckd_dev_model: @d: the device.
 * Returns: the model byte of Sense ID byte 6 / RDC byte 5 (0x02 3390-1,
 * 0x06 3390-2, 0x0A 3390-3, 0x0C 3390-9 and larger), from the image's
 * cylinder count.
 */
uint8_t dasd_eckd_dev_model(const DasdEckd *d);

/**
 * dasd_eckd_build_rdc: the 64 Read Device Characteristics bytes of a 3390
 * with geometry @geo on a 3990-3 (facts section 1.4): facilities
 * D0801094, track length 58786, formula 2 factors, cylinders in bytes
 * 12-13 (0xFFFE above 65,520) and 60-63.
 * @geo: the volume's geometry (devtype 0x3390, model byte, cylinders).
 * @rdc: receives DASD_ECKD_RDC_SIZE big-endian bytes.
 */
void dasd_eckd_build_rdc(const CkdGeometry *geo,
                         uint8_t rdc[DASD_ECKD_RDC_SIZE]);

/**
 * dasd_eckd_record_cells: track capacity one record uses on a 3390, in
 * 34-byte cells (capacity formula 2, facts section 1.2).  A track holds
 * R1..Rn when their cells add up to at most DASD_ECKD_TRACK_CELLS; the
 * home address and R0 are outside that budget.
 * @kl: key length.
 * @dl: data length.
 * Returns: the cells, e.g. 143 for a keyless 4096-byte record (12 fit).
 */
uint32_t dasd_eckd_record_cells(uint8_t kl, uint32_t dl);

#endif /* VFIO_USER_CCW_DASD_ECKD_H */
