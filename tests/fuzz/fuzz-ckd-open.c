/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-ckd-open: block/ckd.c opening CKD_P370 volumes of one to four
 * files made from the input, then reading (and writing back) every track.
 *
 * A real track image is 47-57 KB and a volume at least one cylinder of 15
 * of them, far too big for a fuzzer to mutate byte by byte.  So the input
 * describes the files and the target builds them, sparse, in a private
 * directory on tmpfs (/dev/shm, else $TMPDIR):
 *
 *   byte 0     bits 0-1: number of files - 1; bit 2: name the files
 *              vol_1.3390, vol_2.3390, ... and open "vol.3390" (the
 *              Hercules fallback), else vol.3390, vol_2.3390, ...;
 *              bit 3: open read-only; bit 4: format every track empty
 *              (HA, R0, end marker) before the patches; bit 5: sync
 *   per file   1 byte n + n bytes: the start of the 512-byte header
 *              (the rest is zeros);
 *              1 byte: cylinders in the file (modulo 3);
 *              2 bytes: signed size adjustment in bytes (truncated or
 *              oversized files);
 *              1 byte: number of patches (modulo 8), each 2 bytes track
 *              in the file, 2 bytes offset in the track, 1 byte length,
 *              then that many bytes written there.
 *   The file is 512 + cylinders * 15 * trksize + adjustment bytes long,
 *   trksize being that of the device type byte in the header (0x80: 3380,
 *   else 3390).
 *
 * What must hold: every failure is a GError in CKD_ERROR with a one-line
 * message; an opened volume has a geometry its header allows and exactly
 * the tracks the files hold; every track either reads and passes
 * ckd_track_check() or fails with a CKD_ERROR; a track that read back
 * writes back unchanged (or is refused with READONLY); reading past the
 * volume is a RANGE error.
 */
#include "qemu/osdep.h"

#include "block/ckd.h"
#include "fuzz.h"

#define CKD_HDR_DEVTYPE_OFFSET 16   /* device type byte in the header */
#define MAX_PATCHES 8
#define MAX_FILE_CYLS 3
#define HEADS 15
#define EMPTY_TRACK_USED (CKD_FIRST_RECORD_OFFSET + CKD_EOT_SIZE)

static char *fuzz_dir;

static char *file_name(unsigned seq, bool alt)
{
    g_autofree char *base = g_build_filename(fuzz_dir, "vol.3390", NULL);

    if (seq == 1 && !alt) {
        return g_steal_pointer(&base);
    }
    return ckd_multifile_name(base, seq);
}

static void remove_files(void)
{
    for (unsigned seq = 1; seq <= CKD_MAX_FILES; seq++) {
        g_autofree char *plain = file_name(seq, false);
        g_autofree char *alt = file_name(seq, true);

        unlink(plain);
        unlink(alt);
    }
}

static void cleanup_dir(void)
{
    if (fuzz_dir) {
        remove_files();
        rmdir(fuzz_dir);
        g_clear_pointer(&fuzz_dir, g_free);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *tmp = g_file_test("/dev/shm", G_FILE_TEST_IS_DIR) &&
                      access("/dev/shm", W_OK) == 0 ? "/dev/shm"
                                                    : g_get_tmp_dir();
    g_autofree char *tmpl = g_build_filename(tmp, "fuzz-ckd-open-XXXXXX",
                                             NULL);

    fuzz_dir = g_mkdtemp(g_steal_pointer(&tmpl));
    g_assert_nonnull(fuzz_dir);
    atexit(cleanup_dir);
    return 0;
}

static void assert_ckd_error(const GError *err)
{
    g_assert_nonnull(err);
    g_assert_true(err->domain == CKD_ERROR);
    g_assert_cmpuint(strlen(err->message), >, 0);
    g_assert_null(strchr(err->message, '\n'));
}

/* Write all of @len bytes at @off or fail the run (tmpfs full?). */
static void put(int fd, const void *buf, size_t len, off_t off)
{
    g_assert_cmpint(pwrite(fd, buf, len, off), ==, (ssize_t)len);
}

/* Build file @seq from the input. Returns: its cylinders. */
static uint32_t make_file(FuzzInput *in, unsigned seq, bool alt, bool format,
                          uint32_t first_cyl)
{
    g_autofree char *name = file_name(seq, alt);
    uint8_t hdr[CKD_HEADER_SIZE] = { 0 };
    uint32_t cyls, trksize;
    int16_t adjust;
    unsigned npatch;
    int64_t size;
    int fd;

    /* in input order */
    fuzz_bytes(in, hdr, fuzz_u8(in));
    cyls = fuzz_u8(in) % MAX_FILE_CYLS;
    adjust = (int16_t)fuzz_u16(in);
    npatch = fuzz_u8(in) % MAX_PATCHES;
    trksize = ckd_image_trksize(hdr[CKD_HDR_DEVTYPE_OFFSET] == 0x80 ? 47476
                                                                    : 56664);
    size = CKD_HEADER_SIZE + (int64_t)cyls * HEADS * trksize + adjust;
    size = MAX(size, 0);

    fd = open(name, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(ftruncate(fd, size), ==, 0);
    put(fd, hdr, MIN(size, CKD_HEADER_SIZE), 0);

    for (uint32_t t = 0; format && t < cyls * HEADS; t++) {
        off_t off = CKD_HEADER_SIZE + (off_t)t * trksize;
        uint32_t trk = first_cyl * HEADS + t;
        CkdGeometry geo = { .trksize = trksize, .heads = HEADS };
        g_autofree uint8_t *track = g_malloc(trksize);

        if (off + EMPTY_TRACK_USED > size) {
            break;
        }
        /* only the used part: the rest of a sparse file reads as zeros */
        ckd_track_format_empty(&geo, trk / HEADS, trk % HEADS, track);
        put(fd, track, EMPTY_TRACK_USED, off);
    }

    for (unsigned i = 0; i < npatch; i++) {
        uint16_t trk = fuzz_u16(in);
        uint16_t at = fuzz_u16(in);
        uint8_t len = fuzz_u8(in);
        uint8_t bytes[256];
        int64_t off = CKD_HEADER_SIZE + (int64_t)trk * trksize + at;

        fuzz_bytes(in, bytes, len);
        /* patches stay inside the file: they model content, not size */
        if (off < size) {
            put(fd, bytes, MIN(len, size - off), off);
        }
    }
    close(fd);
    return cyls;
}

static void read_all_tracks(CkdImage *img, bool readonly)
{
    const CkdGeometry *geo = ckd_geometry(img);
    g_autofree uint8_t *buf = g_malloc(geo->trksize);
    g_autofree uint8_t *again = g_malloc(geo->trksize);

    for (uint32_t cyl = 0; cyl < geo->cyls; cyl++) {
        for (uint32_t head = 0; head < geo->heads; head++) {
            g_autoptr(GError) err = NULL;

            if (!ckd_read_track(img, cyl, head, buf, &err)) {
                assert_ckd_error(err);
                g_assert_cmpint(err->code, ==, CKD_ERROR_TRACK_FORMAT);
                continue;
            }
            g_assert_true(ckd_track_check(geo, cyl, head, buf, NULL, NULL));
            if (readonly) {
                g_assert_false(ckd_write_track(img, cyl, head, buf, &err));
                assert_ckd_error(err);
                g_assert_cmpint(err->code, ==, CKD_ERROR_READONLY);
                continue;
            }
            g_assert_true(ckd_write_track(img, cyl, head, buf, &err));
            g_assert_no_error(err);
            g_assert_true(ckd_read_track(img, cyl, head, again, &err));
            g_assert_no_error(err);
            g_assert_cmpmem(buf, geo->trksize, again, geo->trksize);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in;
    uint8_t ctl;
    unsigned nfiles;
    bool alt, readonly;
    uint32_t cyls = 0;
    g_autofree char *open_name = NULL;
    g_autoptr(GError) err = NULL;
    g_autoptr(CkdImage) img = NULL;
    const CkdGeometry *geo;
    g_autofree uint8_t *buf = NULL;

    fuzz_input_init(&in, data, size);
    ctl = fuzz_u8(&in);
    nfiles = (ctl & 3) + 1;
    alt = ctl & 4;
    readonly = ctl & 8;

    remove_files();
    for (unsigned seq = 1; seq <= nfiles; seq++) {
        cyls += make_file(&in, seq, alt, ctl & 0x10, cyls);
    }

    open_name = file_name(1, false);
    img = ckd_open(open_name, readonly, ctl & 0x20, &err);
    if (!img) {
        assert_ckd_error(err);
        return 0;
    }
    g_assert_no_error(err);

    /* The volume is what the files hold, no more. */
    geo = ckd_geometry(img);
    g_assert_true(geo->devtype == 0x3390 || geo->devtype == 0x3380);
    g_assert_cmpuint(geo->heads, ==, HEADS);
    g_assert_cmpuint(geo->trksize, ==, ckd_image_trksize(geo->max_r1_data));
    g_assert_cmpuint(geo->cyls, >=, 1);
    g_assert_cmpuint(geo->cyls, <=, cyls);
    g_assert_nonnull(ckd_model_lookup(geo->devtype, geo->cyls));
    g_assert_cmpint(ckd_is_readonly(img), ==, readonly);

    read_all_tracks(img, readonly);

    buf = g_malloc(geo->trksize);
    g_assert_false(ckd_read_track(img, geo->cyls, 0, buf, &err));
    assert_ckd_error(err);
    g_assert_cmpint(err->code, ==, CKD_ERROR_RANGE);
    g_clear_error(&err);
    g_assert_false(ckd_read_track(img, 0, geo->heads, buf, &err));
    assert_ckd_error(err);
    g_assert_cmpint(err->code, ==, CKD_ERROR_RANGE);
    g_clear_error(&err);

    g_assert_true(ckd_flush(img, &err));
    g_assert_no_error(err);
    return 0;
}
