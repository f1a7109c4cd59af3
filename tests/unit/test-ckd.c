/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for block/ckd.c: Hercules CKD_P370 images.
 *
 * Expected bytes come from the format description (facts-dasd-eckd.md
 * section 3) and from the real Hercules tools (dasdinit, dasdcopy), not
 * from the code under test: the helpers below write headers and tracks
 * byte by byte on their own.
 */
#include "qemu/osdep.h"
#include <sys/stat.h>
#include "test-ckd.h"


void fixture_setup(Fixture *fx, gconstpointer data)
{
    GError *err = NULL;

    fx->dir = g_dir_make_tmp("test-ckd-XXXXXX", &err);
    g_assert_no_error(err);
}

void fixture_teardown(Fixture *fx, gconstpointer data)
{
    GDir *d = g_dir_open(fx->dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *p = g_build_filename(fx->dir, name, NULL);

        g_assert_cmpint(unlink(p), ==, 0);
    }
    if (d) {
        g_dir_close(d);
    }
    g_assert_cmpint(rmdir(fx->dir), ==, 0);
    g_free(fx->dir);
}

char *fx_path(Fixture *fx, const char *name)
{
    return g_build_filename(fx->dir, name, NULL);
}

/* ---- image bytes written by hand, per the format description ------------- */

static void put_le(uint8_t *p, uint32_t v, unsigned len)
{
    for (unsigned i = 0; i < len; i++) {
        p[i] = v >> (8 * i);
    }
}

static void make_header(uint8_t *hdr, const char *eye, uint32_t heads,
                        uint32_t trksize, uint8_t devbyte, uint8_t seq,
                        uint16_t highcyl)
{
    memset(hdr, 0, 512);
    memcpy(hdr, eye, 8);
    put_le(hdr + 8, heads, 4);
    put_le(hdr + 12, trksize, 4);
    hdr[16] = devbyte;
    hdr[17] = seq;
    put_le(hdr + 18, highcyl, 2);
}

/* HA, R0 (CCHH 0 0 8 + 8 zeros), 8 x FF, zero padding: dasdinit -r */
static void make_empty_track(uint8_t *t, uint32_t trksize, uint32_t cyl,
                             uint32_t head)
{
    memset(t, 0, trksize);
    t[1] = cyl >> 8;
    t[2] = cyl;
    t[3] = head >> 8;
    t[4] = head;
    memcpy(t + 5, t + 1, 4);
    t[12] = 8;
    memset(t + 21, 0xff, 8);
}

/* One file of a volume: header plus @ncyls cylinders from @first_cyl. */
void make_volume_file(const char *path, const char *eye,
                             uint8_t devbyte, uint32_t trksize, uint8_t seq,
                             uint16_t highcyl, uint32_t first_cyl,
                             uint32_t ncyls)
{
    size_t size = 512 + (size_t)ncyls * HEADS * trksize;
    g_autofree uint8_t *f = g_malloc(size);
    GError *err = NULL;

    make_header(f, eye, HEADS, trksize, devbyte, seq, highcyl);
    for (uint32_t c = 0; c < ncyls; c++) {
        for (uint32_t h = 0; h < HEADS; h++) {
            make_empty_track(f + 512 + ((size_t)c * HEADS + h) * trksize,
                             trksize, first_cyl + c, h);
        }
    }
    g_file_set_contents(path, (const char *)f, size, &err);
    g_assert_no_error(err);
}

void patch_file(const char *path, off_t off, const void *bytes,
                       size_t len)
{
    int fd = open(path, O_WRONLY);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(pwrite(fd, bytes, len, off), ==, (ssize_t)len);
    close(fd);
}

void read_file_at(const char *path, off_t off, void *buf, size_t len)
{
    int fd = open(path, O_RDONLY);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(pread(fd, buf, len, off), ==, (ssize_t)len);
    close(fd);
}

/* @err is @code, one line, and mentions every string of the NULL-ended list */
void G_GNUC_NULL_TERMINATED
assert_error_mentions(GError *err, CkdError code, ...)
{
    const char *needle;
    va_list ap;

    g_assert_nonnull(err);
    g_test_message("error: %s", err->message);
    g_assert_error(err, CKD_ERROR, (gint)code);
    g_assert_null(strchr(err->message, '\n'));
    va_start(ap, code);
    while ((needle = va_arg(ap, const char *))) {
        g_assert_nonnull(strstr(err->message, needle));
    }
    va_end(ap);
}

/*
 * A track with R1 (key "IPL1" 4 bytes, 24 data bytes) and R2 (an EOF
 * record, KL 0 DL 0), written by hand.
 */
void make_two_record_track(uint8_t *t, uint32_t trksize, uint32_t cyl,
                                  uint32_t head)
{
    uint8_t *p;

    make_empty_track(t, trksize, cyl, head);
    p = t + 21;
    p[0] = cyl >> 8; p[1] = cyl; p[2] = head >> 8; p[3] = head;
    p[4] = 1; p[5] = 4; p[6] = 0; p[7] = 24;
    memcpy(p + 8, "\xc9\xd7\xd3\xf1", 4);
    for (int i = 0; i < 24; i++) {
        p[12 + i] = 0xa0 + i;
    }
    p += 8 + 4 + 24;
    p[0] = cyl >> 8; p[1] = cyl; p[2] = head >> 8; p[3] = head;
    p[4] = 2; p[5] = 0; p[6] = 0; p[7] = 0;
    memset(p + 8, 0xff, 8);
}

/* ---- geometry ------------------------------------------------------------ */

static void test_geometry_model_bytes(void)
{
    /* sizes and model bytes from Hercules dasdtab (facts section 1.1) */
    static const struct {
        uint16_t devtype;
        uint32_t cyls;
        uint8_t model;
    } cases[] = {
        { 0x3390, 1, 0x02 }, { 0x3390, 1113, 0x02 }, { 0x3390, 1114, 0x02 },
        { 0x3390, 1115, 0x06 }, { 0x3390, 2227, 0x06 },
        { 0x3390, 2228, 0x0a }, { 0x3390, 3340, 0x0a },
        { 0x3390, 3341, 0x0c }, { 0x3390, 10017, 0x0c },
        { 0x3390, 65520, 0x0c }, { 0x3390, 262668, 0x0c },
        { 0x3380, 885, 0x02 }, { 0x3380, 887, 0x0a },
        { 0x3380, 1770, 0x0a }, { 0x3380, 2655, 0x1e },
        { 0x90, 3339, 0x0a },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        const CkdModelInfo *m = ckd_model_lookup(cases[i].devtype,
                                                 cases[i].cyls);

        g_assert_nonnull(m);
        g_assert_cmphex(m->model, ==, cases[i].model);
        g_assert_cmpuint(m->heads, ==, 15);
    }
    g_assert_null(ckd_model_lookup(0x3390, 0));
    g_assert_null(ckd_model_lookup(0x3350, 10));
    g_assert_null(ckd_model_lookup(0x3390, 2000000));
}

static void test_geometry_model_numbers(void)
{
    static const struct {
        unsigned number;
        uint32_t cyls;
    } cases[] = { { 1, 1113 }, { 2, 2226 }, { 3, 3339 }, { 9, 10017 },
                  { 27, 32760 }, { 54, 65520 } };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        const CkdModelInfo *m = ckd_model_by_number(0x3390, cases[i].number);

        g_assert_nonnull(m);
        g_assert_cmpuint(m->cyls, ==, cases[i].cyls);
    }
    g_assert_cmpuint(ckd_model_by_number(0x3380, 3)->cyls, ==, 2655);
    g_assert_null(ckd_model_by_number(0x3390, 4));
    g_assert_null(ckd_model_by_number(0x3390, 0));
}

static void test_geometry_track_size_matches_dasdinit(void)
{
    CkdGeometry geo;
    GError *err = NULL;

    /* dasdinit: "56832 bytes/track" (3390), "47616 bytes/track" (3380) */
    g_assert_cmpuint(ckd_image_trksize(56664), ==, T3390);
    g_assert_cmpuint(ckd_image_trksize(47476), ==, T3380);

    g_assert_true(ckd_geometry_init(&geo, 0x3390, 10017, &err));
    g_assert_no_error(err);
    g_assert_cmphex(geo.devtype, ==, 0x3390);
    g_assert_cmphex(geo.model, ==, 0x0c);
    g_assert_cmpuint(geo.cyls, ==, 10017);
    g_assert_cmpuint(geo.heads, ==, 15);
    g_assert_cmpuint(geo.trksize, ==, T3390);
    g_assert_cmpuint(geo.max_r1_data, ==, 56664);
}

static void test_geometry_refuses_unknown_devtype(void)
{
    CkdGeometry geo;
    GError *err = NULL;

    g_assert_false(ckd_geometry_init(&geo, 0x3350, 10, &err));
    assert_error_mentions(err, CKD_ERROR_INVALID, "3350", NULL);
    g_clear_error(&err);
    g_assert_false(ckd_geometry_init(&geo, 0x3390, 0, &err));
    assert_error_mentions(err, CKD_ERROR_INVALID, "0 cylinders", NULL);
    g_clear_error(&err);
}

/* ---- create / open ------------------------------------------------------- */

static void test_create_round_trip(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = fx_path(fx, "new.3390");
    g_autoptr(CkdImage) img = NULL;
    g_autofree uint8_t *want = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    uint8_t hdr[512], want_hdr[512];
    GError *err = NULL;
    struct stat st;

    g_assert_true(ckd_create(path, 0x3390, 0, 10, &err));
    g_assert_no_error(err);
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_size, ==, 512 + 150 * T3390);
    read_file_at(path, 0, hdr, 512);
    make_header(want_hdr, "CKD_P370", 15, T3390, 0x90, 0, 0);
    g_assert_cmpmem(hdr, 512, want_hdr, 512);

    img = ckd_open(path, false, false, &err);
    g_assert_no_error(err);
    g_assert_cmphex(ckd_geometry(img)->devtype, ==, 0x3390);
    g_assert_cmphex(ckd_geometry(img)->model, ==, 0x02);
    g_assert_cmpuint(ckd_geometry(img)->cyls, ==, 10);
    g_assert_cmpuint(ckd_geometry(img)->heads, ==, 15);
    g_assert_cmpuint(ckd_geometry(img)->trksize, ==, T3390);
    g_assert_false(ckd_is_readonly(img));
    for (uint32_t c = 0; c < 10; c++) {
        for (uint32_t h = 0; h < 15; h++) {
            g_assert_true(ckd_read_track(img, c, h, got, &err));
            g_assert_no_error(err);
            make_empty_track(want, T3390, c, h);
            g_assert_cmpmem(got, T3390, want, T3390);
        }
    }
}

static void test_create_3380(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = fx_path(fx, "new.3380");
    g_autoptr(CkdImage) img = NULL;
    g_autofree uint8_t *got = g_malloc(T3380);
    GError *err = NULL;
    struct stat st;

    g_assert_true(ckd_create(path, 0x3380, 0, 2, &err));
    g_assert_no_error(err);
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_size, ==, 512 + 30 * T3380);
    img = ckd_open(path, true, false, &err);
    g_assert_no_error(err);
    g_assert_cmphex(ckd_geometry(img)->devtype, ==, 0x3380);
    g_assert_cmpuint(ckd_geometry(img)->trksize, ==, T3380);
    g_assert_cmpuint(ckd_geometry(img)->max_r1_data, ==, 47476);
    g_assert_true(ckd_read_track(img, 1, 14, got, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(ckd_track_used(got, T3380), ==, 29);
}

static void test_create_refuses_bad_arguments(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = fx_path(fx, "bad.3390");
    GError *err = NULL;

    g_assert_false(ckd_create(path, 0x3390, 0, 0, &err));
    assert_error_mentions(err, CKD_ERROR_INVALID, path, NULL);
    g_clear_error(&err);
    g_assert_false(ckd_create(path, 0x3390, 4, 0, &err));
    assert_error_mentions(err, CKD_ERROR_INVALID, "model 4", NULL);
    g_clear_error(&err);
    g_assert_false(ckd_create(path, 0x9345, 0, 10, &err));
    assert_error_mentions(err, CKD_ERROR_INVALID, "9345", NULL);
    g_clear_error(&err);
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
}

static void test_create_refuses_existing_file(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = fx_path(fx, "old.3390");
    g_autofree char *contents = NULL;
    GError *err = NULL;

    g_file_set_contents(path, "keep me", -1, &err);
    g_assert_no_error(err);
    g_assert_false(ckd_create(path, 0x3390, 0, 1, &err));
    assert_error_mentions(err, CKD_ERROR_IO, path, NULL);
    g_clear_error(&err);
    g_file_get_contents(path, &contents, NULL, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(contents, ==, "keep me");
}

static void test_open_refuses_missing_file(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = fx_path(fx, "none.3390");
    GError *err = NULL;

    g_assert_null(ckd_open(path, true, false, &err));
    assert_error_mentions(err, CKD_ERROR_IO, path, g_strerror(ENOENT), NULL);
    g_clear_error(&err);
}

/* ---- header validation, one field at a time ------------------------------ */

typedef struct HeaderCase {
    uint32_t patch_off;         /* patch these bytes ... */
    const char *patch;
    size_t patch_len;           /* ... if not 0 */
    off_t size;                 /* truncate/extend to this size if not 0 */
    CkdError code;
    const char *needle1;
    const char *needle2;
} HeaderCase;

/* A 1-cylinder 3390 file is 512 + 15 * 56832 = 852992 bytes. */
static const HeaderCase hc_eye = {
    0, "CKD_X370", 8, 0, CKD_ERROR_FORMAT, "offset 0", "CKD_P370" };
static const HeaderCase hc_cckd = {
    0, "CKD_C370", 8, 0, CKD_ERROR_UNSUPPORTED,
    "compressed CCKD images are not supported yet; convert with dasdcopy",
    NULL };
static const HeaderCase hc_shadow = {
    0, "CKD_S370", 8, 0, CKD_ERROR_UNSUPPORTED,
    "compressed CCKD images are not supported yet; convert with dasdcopy",
    NULL };
static const HeaderCase hc_64 = {
    0, "CKD_P064", 8, 0, CKD_ERROR_UNSUPPORTED, "64-bit", NULL };
/* a control character where 64-bit images have P, C or S: shown in hex */
static const HeaderCase hc_64_ctl = {
    0, "CKD_\n064", 8, 0, CKD_ERROR_FORMAT, "offset 0", "5f 0a 30" };
static const HeaderCase hc_heads = {
    8, "\x10\0\0\0", 4, 0, CKD_ERROR_FORMAT, "offset 8", "16" };
static const HeaderCase hc_trksize = {
    12, "\0\xe0\0\0", 4, 0, CKD_ERROR_FORMAT, "offset 12", "57344" };
static const HeaderCase hc_devtype = {
    16, "\x50", 1, 0, CKD_ERROR_UNSUPPORTED, "offset 16", "0x50" };
static const HeaderCase hc_fileseq = {
    17, "\x02", 1, 0, CKD_ERROR_FORMAT, "offset 17", "first file" };
static const HeaderCase hc_highcyl = {
    18, "\x05\0", 2, 0, CKD_ERROR_FORMAT, "offset 18", NULL };
static const HeaderCase hc_truncated = {
    0, NULL, 0, 852992 - 100, CKD_ERROR_FORMAT,
    "offset 796160", "truncated" };   /* 512 + 14 * 56832 */
static const HeaderCase hc_oversized = {
    0, NULL, 0, 852992 + 1, CKD_ERROR_FORMAT, "offset 852992", "oversized" };
static const HeaderCase hc_partial_cyl = {
    0, NULL, 0, 512 + 14 * 56832, CKD_ERROR_FORMAT,
    "partial cylinder starts at offset 512", NULL };
static const HeaderCase hc_header_cut = {
    0, NULL, 0, 200, CKD_ERROR_FORMAT, "offset 200", "header" };
static const HeaderCase hc_no_tracks = {
    0, NULL, 0, 512, CKD_ERROR_FORMAT, "no tracks at offset 512", NULL };

static void test_open_refuses_header(Fixture *fx, gconstpointer data)
{
    const HeaderCase *hc = data;
    g_autofree char *path = fx_path(fx, "h.3390");
    GError *err = NULL;

    make_volume_file(path, "CKD_P370", 0x90, T3390, 0, 0, 0, 1);
    if (hc->patch_len) {
        patch_file(path, hc->patch_off, hc->patch, hc->patch_len);
    }
    if (hc->size) {
        g_assert_cmpint(truncate(path, hc->size), ==, 0);
    }
    g_assert_null(ckd_open(path, false, false, &err));
    /* needle2 may be NULL, which ends the list early */
    assert_error_mentions(err, hc->code, path, hc->needle1, hc->needle2,
                          NULL);
    g_clear_error(&err);
}

/* ---- tracks -------------------------------------------------------------- */

CkdImage *open_new_volume(Fixture *fx, const char *name, uint32_t cyls,
                                 bool readonly, char **path_out)
{
    g_autofree char *path = fx_path(fx, name);
    GError *err = NULL;
    CkdImage *img;

    g_assert_true(ckd_create(path, 0x3390, 0, cyls, &err));
    g_assert_no_error(err);
    img = ckd_open(path, readonly, true, &err);
    g_assert_no_error(err);
    if (path_out) {
        *path_out = g_steal_pointer(&path);
    }
    return img;
}

static void test_track_write_read_round_trip(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = NULL;
    g_autoptr(CkdImage) img = open_new_volume(fx, "rw.3390", 2, false, &path);
    g_autofree uint8_t *t = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    GError *err = NULL;

    make_two_record_track(t, T3390, 1, 7);
    g_assert_true(ckd_write_track(img, 1, 7, t, &err));
    g_assert_no_error(err);

    /* in the file when the call returns, at 512 + track * trksize */
    read_file_at(path, 512 + (off_t)(15 + 7) * T3390, got, T3390);
    g_assert_cmpmem(got, T3390, t, T3390);

    g_assert_true(ckd_read_track(img, 1, 7, got, &err));
    g_assert_no_error(err);
    g_assert_cmpmem(got, T3390, t, T3390);

    /* a fresh open sees the same; neighbours are untouched */
    g_clear_pointer(&img, ckd_close);
    img = ckd_open(path, true, false, &err);
    g_assert_no_error(err);
    g_assert_true(ckd_read_track(img, 1, 7, got, &err));
    g_assert_no_error(err);
    g_assert_cmpmem(got, T3390, t, T3390);
    g_assert_true(ckd_read_track(img, 1, 8, got, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(ckd_track_used(got, T3390), ==, 29);
    g_assert_true(ckd_flush(img, &err));
    g_assert_no_error(err);
}

static void test_track_rewrites_are_seen(Fixture *fx, gconstpointer data)
{
    /*
     * Each track is read right after each of two writes, so a read served
     * from memory must show the newest write; 30 tracks are more than any
     * small cache holds, so the final pass also reads evicted tracks.
     */
    g_autoptr(CkdImage) img = open_new_volume(fx, "many.3390", 2, false, NULL);
    g_autofree uint8_t *t = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    GError *err = NULL;

    for (uint32_t trk = 0; trk < 30; trk++) {
        make_two_record_track(t, T3390, trk / 15, trk % 15);
        for (int pass = 1; pass <= 2; pass++) {
            t[21 + 12] = pass * 100 + trk;      /* first data byte of R1 */
            g_assert_true(ckd_write_track(img, trk / 15, trk % 15, t, &err));
            g_assert_no_error(err);
            g_assert_true(ckd_read_track(img, trk / 15, trk % 15, got, &err));
            g_assert_no_error(err);
            g_assert_cmpuint(got[21 + 12], ==, pass * 100 + trk);
        }
    }
    for (uint32_t trk = 0; trk < 30; trk++) {
        g_assert_true(ckd_read_track(img, trk / 15, trk % 15, got, &err));
        g_assert_no_error(err);
        g_assert_cmpuint(got[21 + 12], ==, 200 + trk);
    }
}

static void test_track_refuses_out_of_range(Fixture *fx, gconstpointer data)
{
    g_autoptr(CkdImage) img = open_new_volume(fx, "r.3390", 2, false, NULL);
    g_autofree uint8_t *t = g_malloc(T3390);
    GError *err = NULL;

    g_assert_false(ckd_read_track(img, 2, 0, t, &err));
    assert_error_mentions(err, CKD_ERROR_RANGE, "cyl 2 head 0", NULL);
    g_clear_error(&err);
    g_assert_false(ckd_read_track(img, 0, 15, t, &err));
    assert_error_mentions(err, CKD_ERROR_RANGE, "cyl 0 head 15", NULL);
    g_clear_error(&err);
    make_empty_track(t, T3390, 2, 0);
    g_assert_false(ckd_write_track(img, 2, 0, t, &err));
    assert_error_mentions(err, CKD_ERROR_RANGE, NULL);
    g_clear_error(&err);
}

static void test_readonly_refuses_writes(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = NULL;
    g_autoptr(CkdImage) img = open_new_volume(fx, "ro.3390", 1, true, &path);
    g_autofree uint8_t *t = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    GError *err = NULL;

    g_assert_true(ckd_is_readonly(img));
    make_two_record_track(t, T3390, 0, 3);
    g_assert_false(ckd_write_track(img, 0, 3, t, &err));
    assert_error_mentions(err, CKD_ERROR_READONLY, path, "read-only", NULL);
    g_clear_error(&err);
    read_file_at(path, 512 + 3 * T3390, got, T3390);
    make_empty_track(t, T3390, 0, 3);
    g_assert_cmpmem(got, T3390, t, T3390);
    g_assert_true(ckd_flush(img, &err));
    g_assert_no_error(err);
}

static void test_readonly_opens_unwritable_file(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = fx_path(fx, "ro.3390");
    g_autoptr(CkdImage) img = NULL;
    GError *err = NULL;

    make_volume_file(path, "CKD_P370", 0x90, T3390, 0, 0, 0, 1);
    g_assert_cmpint(chmod(path, 0444), ==, 0);
    img = ckd_open(path, true, false, &err);
    g_assert_no_error(err);
    g_assert_nonnull(img);
}

/* Broken tracks in the file: each is reported, with file and offset. */
typedef struct TrackCase {
    uint32_t off;               /* patch at this byte of cyl 1 head 1 */
    const char *bytes;
    size_t len;
    uint32_t fault;             /* byte of the track the error names */
    const char *reason;
} TrackCase;

#define TRACK16 (512 + 16 * 56832)
static const TrackCase tc_bin = { 0, "\x01", 1, 0, "bin byte" };
static const TrackCase tc_ha = { 4, "\x02", 1, 1, "home address" };
static const TrackCase tc_r0_cchh = { 8, "\x05", 1, 5, "R0 count CCHH" };
static const TrackCase tc_r0_dl = {
    12, "\x10", 1, 10, "R0 is not KL 0 DL 8" };
static const TrackCase tc_no_r0 = {
    5, "\xff\xff\xff\xff\xff\xff\xff\xff", 8, 5, "R0 missing" };
/* R1 count with R 0 where the end marker was */
static const TrackCase tc_rec0 = {
    21, "\0\x01\0\x01\0\0\0\0", 8, 25, "R 0" };
static const TrackCase tc_head = {
    21, "\0\x01\0\x0f\x01\0\0\0", 8, 23, "head number" };
/* R1 with DL 0xffff runs past the 56832-byte track */
static const TrackCase tc_overrun = {
    21, "\0\x01\0\x01\x01\0\xff\xff", 8, 21, "end marker" };
/*
 * R1 with DL 56795 ends at 56824, 8 bytes before the end of the image,
 * where the marker should be, but the padding there is zeros.
 */
static const TrackCase tc_no_eot = {
    21, "\0\x01\0\x01\x01\0\xdd\xdb", 8, 56824, "end marker" };

static void test_track_read_refuses_invalid(Fixture *fx, gconstpointer data)
{
    const TrackCase *tc = data;
    g_autofree char *path = NULL;
    g_autoptr(CkdImage) img = NULL;
    g_autofree uint8_t *t = g_malloc(T3390);
    g_autofree char *where = g_strdup_printf("offset %u ",
                                             TRACK16 + tc->fault);
    GError *err = NULL;

    img = open_new_volume(fx, "bad.3390", 2, false, &path);
    patch_file(path, TRACK16 + tc->off, tc->bytes, tc->len);
    g_assert_false(ckd_read_track(img, 1, 1, t, &err));
    assert_error_mentions(err, CKD_ERROR_TRACK_FORMAT, "invalid track format",
                          path, where, tc->reason, NULL);
    g_clear_error(&err);

    /* the same bytes are refused as a write */
    g_assert_false(ckd_write_track(img, 1, 1, t, &err));
    assert_error_mentions(err, CKD_ERROR_TRACK_FORMAT, "not writing", NULL);
    g_clear_error(&err);
    /* the other tracks still read */
    g_assert_true(ckd_read_track(img, 1, 0, t, &err));
    g_assert_no_error(err);
}

static void test_track_write_refuses_wrong_address(Fixture *fx,
                                                   gconstpointer data)
{
    g_autofree char *path = NULL;
    g_autoptr(CkdImage) img = open_new_volume(fx, "w.3390", 1, false, &path);
    g_autofree uint8_t *t = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    g_autofree uint8_t *want = g_malloc(T3390);
    GError *err = NULL;

    /* a good track image, but for head 4, written to head 5 */
    make_two_record_track(t, T3390, 0, 4);
    g_assert_false(ckd_write_track(img, 0, 5, t, &err));
    /* the HA's CC starts at byte 1 of the track: 512 + 5 * 56832 + 1 */
    assert_error_mentions(err, CKD_ERROR_TRACK_FORMAT, "home address",
                          "offset 284673", NULL);
    g_clear_error(&err);
    read_file_at(path, 512 + 5 * T3390, got, T3390);
    make_empty_track(want, T3390, 0, 5);
    g_assert_cmpmem(got, T3390, want, T3390);
}

/* ---- track-image helpers ------------------------------------------------- */

static void test_iter_walks_records(void)
{
    g_autofree uint8_t *t = g_malloc(T3390);
    CkdTrackIter it;
    CkdRecord r;

    make_two_record_track(t, T3390, 3, 9);
    ckd_track_iter_init(&it, t, T3390);

    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_RECORD);
    g_assert_cmpuint(r.offset, ==, 5);
    g_assert_cmpuint(r.cyl, ==, 3);
    g_assert_cmpuint(r.head, ==, 9);
    g_assert_cmpuint(r.rec, ==, 0);
    g_assert_cmpuint(r.dl, ==, 8);
    g_assert_cmpuint(r.data_offset, ==, 13);
    g_assert_cmpuint(r.next_offset, ==, 21);

    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_RECORD);
    g_assert_cmpuint(r.offset, ==, 21);
    g_assert_cmpuint(r.rec, ==, 1);
    g_assert_cmpuint(r.kl, ==, 4);
    g_assert_cmpuint(r.dl, ==, 24);
    g_assert_cmpuint(r.key_offset, ==, 29);
    g_assert_cmpmem(t + r.key_offset, 4, "\xc9\xd7\xd3\xf1", 4);
    g_assert_cmpuint(r.data_offset, ==, 33);
    g_assert_cmphex(t[r.data_offset], ==, 0xa0);
    g_assert_cmpuint(r.next_offset, ==, 57);

    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_RECORD);
    g_assert_cmpuint(r.rec, ==, 2);
    g_assert_cmpuint(r.kl, ==, 0);
    g_assert_cmpuint(r.dl, ==, 0);
    g_assert_cmpuint(r.next_offset, ==, 65);

    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_END);
    g_assert_cmpuint(r.offset, ==, 65);
    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_END);
    g_assert_cmpuint(ckd_track_used(t, T3390), ==, 73);
}

static void test_iter_stops_at_record_past_end(void)
{
    g_autofree uint8_t *t = g_malloc0(64);
    CkdTrackIter it;
    CkdRecord r;

    /* a 64-byte "track": R0 fits, R1 with DL 30 would end at 59 + 8 > 64 */
    memcpy(t + 5, "\0\0\0\0\0\0\0\x08", 8);
    memcpy(t + 21, "\0\0\0\0\x01\0\0\x1e", 8);
    ckd_track_iter_init(&it, t, 64);
    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_RECORD);
    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_BAD);
    g_assert_cmpuint(r.offset, ==, 21);
    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_BAD);
    g_assert_cmpuint(r.offset, ==, 21);
    g_assert_cmpuint(ckd_track_used(t, 64), ==, 0);

    /* DL 27 ends at 56, the marker at 56..63 fits exactly */
    t[28] = 27;
    memset(t + 56, 0xff, 8);
    g_assert_cmpuint(ckd_track_used(t, 64), ==, 64);

    /* no room for a count field at all */
    ckd_track_iter_init(&it, t, 9);
    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_BAD);
}

static void test_find_record(void)
{
    g_autofree uint8_t *t = g_malloc(T3390);
    CkdRecord r;

    make_two_record_track(t, T3390, 0, 0);
    g_assert_true(ckd_track_find_record(t, T3390, 0, &r));
    g_assert_cmpuint(r.offset, ==, 5);
    g_assert_true(ckd_track_find_record(t, T3390, 2, &r));
    g_assert_cmpuint(r.offset, ==, 57);
    g_assert_false(ckd_track_find_record(t, T3390, 3, &r));
}

static void test_format_empty_matches_dasdinit(void)
{
    g_autofree uint8_t *want = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    CkdGeometry geo;

    g_assert_true(ckd_geometry_init(&geo, 0x3390, 300, NULL));
    make_empty_track(want, T3390, 258, 14);
    memset(got, 0x55, T3390);
    ckd_track_format_empty(&geo, 258, 14, got);
    g_assert_cmpmem(got, T3390, want, T3390);
    g_assert_cmpuint(ckd_track_used(got, T3390), ==, 29);
    g_assert_true(ckd_track_check(&geo, 258, 14, got, NULL, NULL));
}

static void test_put_record_builds_and_refuses_overflow(void)
{
    g_autofree uint8_t *want = g_malloc(T3390);
    g_autofree uint8_t *t = g_malloc(T3390);
    uint8_t data[24];
    CkdGeometry geo;
    uint32_t end;

    for (int i = 0; i < 24; i++) {
        data[i] = 0xa0 + i;
    }
    g_assert_true(ckd_geometry_init(&geo, 0x3390, 10, NULL));
    make_two_record_track(want, T3390, 2, 3);
    ckd_track_format_empty(&geo, 2, 3, t);
    end = ckd_track_put_record(t, T3390, 21, 2, 3, 1,
                               (const uint8_t *)"\xc9\xd7\xd3\xf1", 4,
                               data, 24);
    g_assert_cmpuint(end, ==, 57);
    end = ckd_track_put_record(t, T3390, end, 2, 3, 2, NULL, 0, NULL, 0);
    g_assert_cmpuint(end, ==, 65);
    g_assert_cmpmem(t, T3390, want, T3390);

    /* the largest R1 fits behind R0; one byte more does not */
    ckd_track_format_empty(&geo, 2, 3, t);
    g_assert_cmpuint(ckd_track_put_record(t, T3390, 21, 2, 3, 1, NULL, 0,
                                          NULL, 56664), ==, 21 + 8 + 56664);
    g_assert_true(ckd_track_check(&geo, 2, 3, t, NULL, NULL));
    g_assert_cmpuint(ckd_track_put_record(t, T3390, 21, 2, 3, 1, NULL, 0,
                                          NULL, T3390 - 21 - 16 + 1), ==, 0);
    g_assert_cmpuint(ckd_track_put_record(t, T3390, 2, 0, 0, 1, NULL, 0,
                                          NULL, 0), ==, 0);
}

static void test_check_eav_record_heads(void)
{
    g_autofree uint8_t *t = g_malloc(T3390);
    CkdGeometry small, eav;
    const char *why = NULL;
    uint32_t bad = 0;

    g_assert_true(ckd_geometry_init(&small, 0x3390, 100, NULL));
    g_assert_true(ckd_geometry_init(&eav, 0x3390, 70000, NULL));
    /* a count in EAV form: cylinder 65537 = CC 0x0001, HH 0x0012 */
    make_empty_track(t, T3390, 5, 2);
    g_assert_cmpuint(ckd_track_put_record(t, T3390, 21, 1, 0x12, 1, NULL, 0,
                                          NULL, 10), !=, 0);
    g_assert_true(ckd_track_check(&eav, 5, 2, t, NULL, NULL));
    g_assert_false(ckd_track_check(&small, 5, 2, t, &bad, &why));
    g_assert_cmpuint(bad, ==, 23);
    g_assert_nonnull(strstr(why, "head"));
}

#define ADD_DATA(path, data, fn) \
    g_test_add(path, Fixture, data, fixture_setup, fn, fixture_teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/ckd/geometry/model-byte-follows-cylinders",
                    test_geometry_model_bytes);
    g_test_add_func("/ckd/geometry/model-numbers-give-sizes",
                    test_geometry_model_numbers);
    g_test_add_func("/ckd/geometry/track-size-matches-dasdinit",
                    test_geometry_track_size_matches_dasdinit);
    g_test_add_func("/ckd/geometry/refuses-unknown-devtype",
                    test_geometry_refuses_unknown_devtype);

    ADD("/ckd/create/round-trip", test_create_round_trip);
    ADD("/ckd/create/3380", test_create_3380);
    ADD("/ckd/create/refuses-bad-arguments",
        test_create_refuses_bad_arguments);
    ADD("/ckd/create/refuses-existing-file",
        test_create_refuses_existing_file);

    ADD("/ckd/open/refuses-missing-file", test_open_refuses_missing_file);
    ADD_DATA("/ckd/open/refuses-bad-eye-catcher", &hc_eye,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-compressed", &hc_cckd,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-compressed-shadow", &hc_shadow,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-64bit-image", &hc_64,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/eye-catcher-control-byte-shown-in-hex", &hc_64_ctl,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-bad-heads", &hc_heads,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-bad-track-size", &hc_trksize,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-bad-devtype", &hc_devtype,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-bad-file-sequence", &hc_fileseq,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-highcyl-in-single-file", &hc_highcyl,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-truncated-file", &hc_truncated,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-oversized-file", &hc_oversized,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-partial-cylinder", &hc_partial_cyl,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-truncated-header", &hc_header_cut,
             test_open_refuses_header);
    ADD_DATA("/ckd/open/refuses-file-without-tracks", &hc_no_tracks,
             test_open_refuses_header);

    ADD("/ckd/track/write-read-round-trip", test_track_write_read_round_trip);
    ADD("/ckd/track/rewrites-are-seen", test_track_rewrites_are_seen);
    ADD("/ckd/track/refuses-out-of-range", test_track_refuses_out_of_range);
    ADD_DATA("/ckd/track/invalid-format/bin-byte", &tc_bin,
             test_track_read_refuses_invalid);
    ADD_DATA("/ckd/track/invalid-format/home-address", &tc_ha,
             test_track_read_refuses_invalid);
    ADD_DATA("/ckd/track/invalid-format/r0-address", &tc_r0_cchh,
             test_track_read_refuses_invalid);
    ADD_DATA("/ckd/track/invalid-format/r0-length", &tc_r0_dl,
             test_track_read_refuses_invalid);
    ADD_DATA("/ckd/track/invalid-format/r0-missing", &tc_no_r0,
             test_track_read_refuses_invalid);
    ADD_DATA("/ckd/track/invalid-format/record-zero", &tc_rec0,
             test_track_read_refuses_invalid);
    ADD_DATA("/ckd/track/invalid-format/record-head", &tc_head,
             test_track_read_refuses_invalid);
    ADD_DATA("/ckd/track/invalid-format/record-past-end", &tc_overrun,
             test_track_read_refuses_invalid);
    ADD_DATA("/ckd/track/invalid-format/no-end-marker", &tc_no_eot,
             test_track_read_refuses_invalid);
    ADD("/ckd/track/write-refuses-wrong-address",
        test_track_write_refuses_wrong_address);
    ADD("/ckd/readonly/refuses-writes", test_readonly_refuses_writes);
    ADD("/ckd/readonly/opens-unwritable-file",
        test_readonly_opens_unwritable_file);

    g_test_add_func("/ckd/image/iter-walks-records", test_iter_walks_records);
    g_test_add_func("/ckd/image/iter-stops-at-record-past-end",
                    test_iter_stops_at_record_past_end);
    g_test_add_func("/ckd/image/find-record", test_find_record);
    g_test_add_func("/ckd/image/format-empty-matches-dasdinit",
                    test_format_empty_matches_dasdinit);
    g_test_add_func("/ckd/image/put-record-refuses-overflow",
                    test_put_record_builds_and_refuses_overflow);
    g_test_add_func("/ckd/image/eav-record-heads", test_check_eav_record_heads);

    test_ckd_add_files();
    test_ckd_add_faults();

    return g_test_run();
}
