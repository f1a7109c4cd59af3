/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ckd.h: Hercules CKD disk images (plain CKD_P370 format).
 *
 * A CKD image holds one count-key-data volume (3390 or 3380) as a sequence
 * of fixed-size track images, in one file or split over up to four files
 * the way Hercules 3.x splits volumes.  The vfio-user-ccw server's DASD
 * model reads and writes whole tracks through this API; tools and tests use
 * the track-image helpers to walk records.  Volumes made by Hercules
 * dasdinit/dasdload open here, and what we write stays readable by the
 * Hercules utilities (dasdls, dasdseq, dasdcopy).
 *
 * Layout (docs: facts-dasd-eckd.md section 3; Hercules ckddasd.c, dasdtab.c):
 *
 *   file    = 512-byte device header + tracks * trksize bytes, nothing else
 *   header  = "CKD_P370" (ASCII), heads (4 bytes), trksize (4 bytes),
 *             device type low byte (0x90 = 3390, 0x80 = 3380), file
 *             sequence (0 = only file, else 1..4), highest cylinder in this
 *             file (2 bytes, 0 in the last or only file), zeros.
 *             Multi-byte header fields are LITTLE-endian.
 *   track   = HA (bin byte 0, CC, HH), R0 count + 8 data bytes, records
 *             R1..Rn as count (CC HH R KL DL, 8 bytes) + key + data with no
 *             gaps, an 8 x 0xFF end marker, then padding up to trksize.
 *             Multi-byte fields inside a track image are BIG-endian.
 *
 * Track t lives at cylinder t / heads, head t % heads.  The HA of every
 * track carries its own address: CC = cylinder & 0xffff, HH = head, as
 * Hercules writes it.
 *
 * Who may call it: any single thread.  A CkdImage is not thread-safe; it
 * serves one device at a time.  Writes are write-through: when
 * ckd_write_track() returns true the data is in the file (and on stable
 * storage when opened with sync), so a device may acknowledge the I/O.
 *
 * Errors are GErrors in CKD_ERROR, one line each, naming the file and for
 * format errors the byte offset in that file and what was wrong.
 */
#ifndef BLOCK_CKD_H
#define BLOCK_CKD_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

/** CKD_HEADER_SIZE: bytes of the device header at the start of every file. */
#define CKD_HEADER_SIZE 512

/** CKD_HA_SIZE: bytes of the home address at the start of a track image. */
#define CKD_HA_SIZE 5

/** CKD_COUNT_SIZE: bytes of a count field (CC HH R KL DL). */
#define CKD_COUNT_SIZE 8

/** CKD_R0_DATA_SIZE: data length of R0 in every valid track image. */
#define CKD_R0_DATA_SIZE 8

/** CKD_EOT_SIZE: bytes of the 0xFF end-of-track marker. */
#define CKD_EOT_SIZE 8

/**
 * CKD_FIRST_RECORD_OFFSET: where R1's count field starts in a track image
 * (after HA, R0 count and R0 data).
 */
#define CKD_FIRST_RECORD_OFFSET \
    (CKD_HA_SIZE + CKD_COUNT_SIZE + CKD_R0_DATA_SIZE)

/** CKD_MAX_FILES: most files per volume, as in Hercules 3.x. */
#define CKD_MAX_FILES 4

/** CKD_ERROR: GError domain of this API. */
#define CKD_ERROR (ckd_error_quark())

/**
 * CkdError: error codes in CKD_ERROR.
 * @CKD_ERROR_IO: open/read/write/fsync failed (message has the errno text).
 * @CKD_ERROR_FORMAT: a header or file size is inconsistent or truncated.
 * @CKD_ERROR_UNSUPPORTED: a valid image this code does not handle
 *                         (compressed CCKD, 64-bit CCKD, other device type).
 * @CKD_ERROR_TRACK_FORMAT: a track image is malformed ("invalid track
 *                          format"; a DASD answers with a unit check).
 * @CKD_ERROR_RANGE: cylinder or head outside the volume.
 * @CKD_ERROR_READONLY: a write to an image opened read-only.
 * @CKD_ERROR_INVALID: a bad argument (unknown model, zero cylinders, ...).
 */
typedef enum CkdError {
    CKD_ERROR_IO,
    CKD_ERROR_FORMAT,
    CKD_ERROR_UNSUPPORTED,
    CKD_ERROR_TRACK_FORMAT,
    CKD_ERROR_RANGE,
    CKD_ERROR_READONLY,
    CKD_ERROR_INVALID,
} CkdError;

/** ckd_error_quark: Returns: the GQuark of CKD_ERROR. */
GQuark ckd_error_quark(void);

/** CkdImage: an open CKD volume (one or more files). Opaque. */
typedef struct CkdImage CkdImage;

/**
 * CkdGeometry: shape of a volume, host byte order.
 * @devtype: device type, 0x3390 or 0x3380.
 * @model: model byte as a DASD reports it in Sense ID byte 6 and Read
 *         Device Characteristics byte 5 (0x02 for a 3390-1, 0x0C for a
 *         3390-9 and larger); derived from @cyls as Hercules does.
 * @cyls: cylinders on the volume (all files together).
 * @heads: tracks per cylinder (15 for 3390 and 3380).
 * @trksize: bytes of one track image in the file (56832 for 3390, 47616
 *           for 3380): HA + R0 + the largest R1 + end marker, rounded up to
 *           a multiple of 512.
 * @max_r1_data: largest data length of a single keyless record on a track
 *               (56664 for 3390, 47476 for 3380).
 */
typedef struct CkdGeometry {
    uint16_t devtype;
    uint8_t model;
    uint32_t cyls;
    uint32_t heads;
    uint32_t trksize;
    uint32_t max_r1_data;
} CkdGeometry;

/**
 * CkdModelInfo: one row of the device table (Hercules dasdtab.c values;
 * facts-dasd-eckd.md section 1.1).
 * @name: product name, e.g. "3390-3"; "3390-A"/"3380-x" for any size.
 * @devtype: 0x3390 or 0x3380.
 * @number: model number in the name (1, 2, 3, 9, 27, 54), 0 for the
 *          any-size rows.
 * @model: model byte (Sense ID byte 6, RDC byte 5).
 * @cyls: primary cylinders of the model.
 * @alt_cyls: alternate cylinders; an image of up to @cyls + @alt_cyls
 *            cylinders is still this model (dasdinit -a adds them).
 * @heads: tracks per cylinder.
 * @max_r1_data: largest keyless R1 data length.
 */
typedef struct CkdModelInfo {
    const char *name;
    uint16_t devtype;
    uint16_t number;
    uint8_t model;
    uint32_t cyls;
    uint32_t alt_cyls;
    uint32_t heads;
    uint32_t max_r1_data;
} CkdModelInfo;

/**
 * ckd_model_lookup: the model a volume of @cyls cylinders is, the way
 * Hercules picks it when it opens an image: the first row of @devtype
 * whose @cyls + @alt_cyls is at least @cyls.
 * @devtype: 0x3390 or 0x3380 (the low byte alone, 0x90/0x80, also works).
 * @cyls: cylinders of the volume, at least 1.
 * Returns: the table row, or NULL for an unknown device type, zero or too
 * many cylinders.
 */
const CkdModelInfo *ckd_model_lookup(uint16_t devtype, uint32_t cyls);

/**
 * ckd_model_by_number: the row for a model number, e.g. 3 for a 3390-3.
 * @devtype: 0x3390 or 0x3380.
 * @number: model number (see CkdModelInfo.number), not the model byte.
 * Returns: the table row, or NULL if there is no such model.
 */
const CkdModelInfo *ckd_model_by_number(uint16_t devtype, unsigned number);

/**
 * ckd_geometry_init: fill @geo for a volume of @devtype with @cyls
 * cylinders (model byte, heads, image track size, max R1 data).
 * @geo: filled in on success.
 * @devtype: 0x3390 or 0x3380.
 * @cyls: cylinders, 1 .. the largest size of the device type.
 * @errp: CKD_ERROR_INVALID naming the device type or cylinder count.
 * Returns: true on success.
 */
bool ckd_geometry_init(CkdGeometry *geo, uint16_t devtype, uint32_t cyls,
                       GError **errp);

/**
 * ckd_image_trksize: bytes of one track image for a device whose largest
 * R1 holds @max_r1_data bytes: HA + R0 count + R0 data + R1 count + R1 data
 * + end marker, rounded up to 512 (Hercules dasdutil.c).
 * @max_r1_data: e.g. 56664 for 3390.
 * Returns: the image track size, e.g. 56832 for 3390.
 */
uint32_t ckd_image_trksize(uint32_t max_r1_data);

/**
 * ckd_multifile_name: the name of file @seq of a multi-file volume, as
 * Hercules dasdinit names them: the sequence character goes before the
 * first '.' of the base name as "_<c>", or is appended when there is no
 * dot; if the base name already has "_<c>" there, <c> is replaced.
 * "vol.3390" -> "vol_1.3390", "vol_2.3390"; "vol" -> "vol_1"; sequence
 * 10 and up use letters ("_A").
 * @path: any file name of the volume (directories are kept unchanged).
 * @seq: 1 .. 35.
 * Returns: a newly allocated name (g_free it).
 */
char *ckd_multifile_name(const char *path, unsigned seq);

/**
 * ckd_open: open a CKD_P370 volume and check it as Hercules does.
 * @path: the only file of a volume, or the first ("_1") file of a
 *        multi-file volume; the other files' names are derived with
 *        ckd_multifile_name().  If @path does not exist, its "_1" name is
 *        tried, like the Hercules utilities do.
 * @readonly: open O_RDONLY; writes then fail with CKD_ERROR_READONLY.
 * @sync: fdatasync() after every track write (power-loss durability).
 * @errp: one line naming the file: CKD_ERROR_IO (cannot open/read),
 *        CKD_ERROR_UNSUPPORTED ("CKD_C370"/"CKD_S370" compressed images,
 *        64-bit "*_064" images, device types other than 3390/3380),
 *        CKD_ERROR_FORMAT with the byte offset for a bad eye-catcher,
 *        heads, track size, device type byte, file sequence, highest
 *        cylinder, differing headers between files, or a file size that
 *        is not exactly 512 + whole cylinders of tracks (truncated or
 *        oversized files are refused, naming where the partial data
 *        starts).
 * Track contents are not read here; each track is checked when read.
 * Returns: the image, or NULL on error.
 */
CkdImage *ckd_open(const char *path, bool readonly, bool sync, GError **errp);

/**
 * ckd_close: flush and close @img and free it.  A failing flush is only
 * logged (g_warning): call ckd_flush() first to see errors.
 * @img: the image, or NULL (then nothing happens).
 */
void ckd_close(CkdImage *img);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CkdImage, ckd_close)

/**
 * ckd_geometry: @img's geometry, valid until ckd_close().
 * @img: an open image.
 * Returns: the geometry (never NULL).
 */
const CkdGeometry *ckd_geometry(const CkdImage *img);

/**
 * ckd_is_readonly: @img: an open image.
 * Returns: true if @img was opened read-only.
 */
bool ckd_is_readonly(const CkdImage *img);

/**
 * CkdFileSyscalls: the calls an open image makes on its files' descriptors
 * for track reads and writes and for flushing, with the contract of the
 * POSIX calls of the same names (a short count is not an error; -1 sets
 * errno).  Images use the real calls (&ckd_host_syscalls); tests swap in
 * others with ckd_set_syscalls() to inject short transfers, EINTR and I/O
 * errors that a local file system never produces.
 */
typedef struct CkdFileSyscalls {
    ssize_t (*pread)(int fd, void *buf, size_t len, off_t off);
    ssize_t (*pwrite)(int fd, const void *buf, size_t len, off_t off);
    int (*fdatasync)(int fd);
} CkdFileSyscalls;

/** ckd_host_syscalls: pread(2), pwrite(2) and fdatasync(2). */
extern const CkdFileSyscalls ckd_host_syscalls;

/**
 * ckd_set_syscalls: make @img's track I/O and flushes use @sys (NULL: the
 * host's) from now on.  The cache is emptied, so the next read of every
 * track goes through @sys.  @sys must outlive its use by @img.
 */
void ckd_set_syscalls(CkdImage *img, const CkdFileSyscalls *sys);

/**
 * ckd_read_track: read the track image at @cyl/@head into @buf and check
 * it with ckd_track_check().
 * @img: an open image.
 * @cyl: cylinder, below ckd_geometry(img)->cyls.
 * @head: head, below ckd_geometry(img)->heads.
 * @buf: receives trksize bytes (big-endian track image, see above).
 * @errp: CKD_ERROR_RANGE, CKD_ERROR_IO, CKD_ERROR_FORMAT (the file was
 *        truncated after it was opened), or CKD_ERROR_TRACK_FORMAT
 *        ("invalid track format" with file, file offset and reason; @buf
 *        then still holds the raw bytes).
 * Returns: true on success.
 */
bool ckd_read_track(CkdImage *img, uint32_t cyl, uint32_t head, uint8_t *buf,
                    GError **errp);

/**
 * ckd_write_track: check @buf with ckd_track_check() and write it as the
 * track at @cyl/@head.  When this returns true the bytes are in the file
 * (pwrite done, plus fdatasync when opened with sync); a malformed track is
 * never written.
 * @img: an open, writable image.
 * @cyl: cylinder, below ckd_geometry(img)->cyls.
 * @head: head, below ckd_geometry(img)->heads.
 * @buf: trksize bytes of track image.  Bytes after the end marker are
 *       written as given; zero them for byte-identical round trips.
 * @errp: CKD_ERROR_READONLY, CKD_ERROR_RANGE, CKD_ERROR_TRACK_FORMAT
 *        (nothing written) or CKD_ERROR_IO (the track's contents in the
 *        file are then unknown).
 * Returns: true on success.
 */
bool ckd_write_track(CkdImage *img, uint32_t cyl, uint32_t head,
                     const uint8_t *buf, GError **errp);

/**
 * ckd_flush: fdatasync() every file of a writable image (no-op when
 * read-only).  Writes are never buffered here, so this only matters for
 * images opened without sync.
 * @img: an open image.
 * @errp: CKD_ERROR_IO naming the file.
 * Returns: true on success.
 */
bool ckd_flush(CkdImage *img, GError **errp);

/**
 * ckd_create: create a single-file CKD_P370 volume the way Hercules
 * "dasdinit -r" does: every track is HA + R0 (8 zero data bytes) + end
 * marker, zero padded.  An existing file is refused, not overwritten.
 * @path: file to create.
 * @devtype: 0x3390 or 0x3380.
 * @model: model NUMBER (1, 2, 3, 9, 27, 54 for 3390; 1, 2, 3 for 3380),
 *         not the model byte; it only chooses the size when @cyls is 0.
 *         0 for none.
 * @cyls: cylinders; 0 means the size of @model including its alternate
 *        cylinders, as "dasdinit -a" makes it (1114 for a 3390-1).  The
 *        model byte of the result follows from the size (ckd_model_lookup).
 * @errp: CKD_ERROR_INVALID (unknown type/model, no size) or CKD_ERROR_IO
 *        (the partial file is removed).
 * Returns: true on success.
 */
bool ckd_create(const char *path, uint16_t devtype, uint8_t model,
                uint32_t cyls, GError **errp);

/* ---- track-image helpers (pure functions on a trksize buffer) ------------ */

/**
 * CkdRecord: a record's count field decoded to host order, with where its
 * parts are in the track image.
 * @offset: offset of the count field in the track image.
 * @cyl: CC of the count field.
 * @head: HH of the count field.
 * @rec: R (0 for R0).
 * @kl: key length.
 * @dl: data length.
 * @key_offset: offset of the key (@offset + 8).
 * @data_offset: offset of the data (@key_offset + @kl).
 * @next_offset: offset just past the data, where the next count field or
 *               the end marker starts.
 */
typedef struct CkdRecord {
    uint32_t offset;
    uint16_t cyl;
    uint16_t head;
    uint8_t rec;
    uint8_t kl;
    uint16_t dl;
    uint32_t key_offset;
    uint32_t data_offset;
    uint32_t next_offset;
} CkdRecord;

/**
 * CkdTrackIter: walks the count fields of a track image from R0 on.
 * Initialise with ckd_track_iter_init(); callers only read the results of
 * ckd_track_iter_next().
 * @buf: the track image being walked.
 * @trksize: its size; no offset at or past it is ever read.
 * @pos: offset of the next count field (or of the marker / bad field).
 * @done: the walk reached the end marker or a bad field.
 */
typedef struct CkdTrackIter {
    const uint8_t *buf;
    uint32_t trksize;
    uint32_t pos;
    bool done;
} CkdTrackIter;

/**
 * CkdIterResult: what ckd_track_iter_next() found.
 * @CKD_ITER_END: the end marker; the walk is over.
 * @CKD_ITER_RECORD: a record (R0 first).
 * @CKD_ITER_BAD: a count field, key or data would run past the track image
 *                (or leave no room for the end marker); the walk is over.
 */
typedef enum CkdIterResult {
    CKD_ITER_END,
    CKD_ITER_RECORD,
    CKD_ITER_BAD,
} CkdIterResult;

/**
 * ckd_track_iter_init: start a walk over @buf.
 * @it: the iterator.
 * @buf: a track image of @trksize bytes; must stay valid during the walk.
 * @trksize: image track size (all offsets are checked against it).
 */
void ckd_track_iter_init(CkdTrackIter *it, const uint8_t *buf,
                         uint32_t trksize);

/**
 * ckd_track_iter_next: the next count field, starting with R0 at offset 5.
 * @it: the iterator.
 * @rec: filled in for CKD_ITER_RECORD; for CKD_ITER_END and CKD_ITER_BAD
 *       only @rec->offset is set (offset of the marker or bad field).
 * Returns: what was found; after END or BAD it keeps returning the same.
 */
CkdIterResult ckd_track_iter_next(CkdTrackIter *it, CkdRecord *rec);

/**
 * ckd_track_find_record: the first record numbered @rec_no (R of the count
 * field) on the track, walking from R0.
 * @buf: track image of @trksize bytes.
 * @trksize: image track size.
 * @rec_no: record number; 0 finds R0.
 * @rec: filled in when found.
 * Returns: true if found before the end marker of a well-formed chain.
 */
bool ckd_track_find_record(const uint8_t *buf, uint32_t trksize,
                           uint8_t rec_no, CkdRecord *rec);

/**
 * ckd_track_used: bytes of a track image in use, from the HA up to and
 * including the end marker.
 * @buf: track image of @trksize bytes.
 * @trksize: image track size.
 * Returns: the length, or 0 if the record chain does not end at a marker
 * inside the image.
 */
uint32_t ckd_track_used(const uint8_t *buf, uint32_t trksize);

/**
 * ckd_track_check: is @buf a well-formed track image for @cyl/@head?  The
 * rules of Hercules' track reader and cckdcdsk: HA bin byte 0; HA CC/HH
 * equal the track (CC = cyl & 0xffff); R0 count has the HA's CC/HH, R 0,
 * KL 0, DL 8; every later record has R != 0 and a head below @geo->heads
 * (only the low 4 bits of HH for volumes above 65535 cylinders, whose
 * counts use the EAV CCHH form); the chain ends at an 8 x 0xFF marker that
 * lies inside the image.
 * @geo: the volume's geometry (trksize, heads, cyls).
 * @cyl: cylinder the track belongs to.
 * @head: head the track belongs to.
 * @buf: @geo->trksize bytes.
 * @bad_offset: if not NULL, set to the offset in the track of the first bad
 *              byte or field when the track is malformed.
 * @reason: if not NULL, set to a static one-phrase reason when malformed.
 * Returns: true if well-formed.
 */
bool ckd_track_check(const CkdGeometry *geo, uint32_t cyl, uint32_t head,
                     const uint8_t *buf, uint32_t *bad_offset,
                     const char **reason);

/**
 * ckd_track_format_empty: build an empty track image for @cyl/@head: HA,
 * R0 with 8 zero data bytes, end marker, zeros up to @geo->trksize (what
 * dasdinit writes on a raw volume).
 * @geo: the volume's geometry.
 * @cyl: cylinder.
 * @head: head.
 * @buf: @geo->trksize bytes, overwritten.
 */
void ckd_track_format_empty(const CkdGeometry *geo, uint32_t cyl,
                            uint32_t head, uint8_t *buf);

/**
 * ckd_track_put_record: store a record (count, key, data) at @offset of a
 * track image and an end marker right after it.
 * @buf: track image of @trksize bytes.
 * @trksize: image track size.
 * @offset: where the count field goes, normally where the end marker was
 *          (ckd_track_used() - 8), at least CKD_HA_SIZE.
 * @cyl: CC of the count field.
 * @head: HH of the count field.
 * @rec_no: R of the count field.
 * @key: @kl key bytes, or NULL for zeros.
 * @kl: key length.
 * @data: @dl data bytes, or NULL for zeros.
 * @dl: data length.
 * Returns: the offset of the new end marker, or 0 (nothing written) if the
 * record and marker do not fit in @trksize.
 */
uint32_t ckd_track_put_record(uint8_t *buf, uint32_t trksize, uint32_t offset,
                              uint16_t cyl, uint16_t head, uint8_t rec_no,
                              const uint8_t *key, uint8_t kl,
                              const uint8_t *data, uint16_t dl);

#endif /* BLOCK_CKD_H */
