/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-dasd-eckd.c: the 3390/3990 device model: the fixture and helpers
 * all its tests use, and the tests of identification (Sense ID, RDC, RCD,
 * path groups, PSF), sense data, record capacity and image trouble.
 * See test-dasd-eckd.h for how the tests are split.
 */
#include "qemu/osdep.h"

#include <glib/gstdio.h>

#include "test-dasd-eckd.h"

/* ---- fixture ---- */

void fixture_open(Fixture *f, bool readonly)
{
    g_autoptr(GError) err = NULL;

    f->img = ckd_open(f->path, readonly, false, &err);
    g_assert_no_error(err);
    f->d = dasd_eckd_new(f->img, &err);
    g_assert_no_error(err);
}

void fixture_close(Fixture *f)
{
    dasd_eckd_free(f->d);
    f->d = NULL;
    ckd_close(f->img);
    f->img = NULL;
}

/* A 2-cylinder 3390, every track HA + R0 + end marker. */
void fixture_setup(Fixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;

    f->dir = g_dir_make_tmp("test-dasd-eckd-XXXXXX", &err);
    g_assert_no_error(err);
    f->path = g_build_filename(f->dir, "vol.3390", NULL);
    g_assert_true(ckd_create(f->path, 0x3390, 0, 2, &err));
    g_assert_no_error(err);
    fixture_open(f, false);
}

void fixture_teardown(Fixture *f, gconstpointer data)
{
    fixture_close(f);
    g_unlink(f->path);
    g_rmdir(f->dir);
    g_free(f->path);
    g_free(f->dir);
}

/*
 * A volume of @cyls cylinders without formatted tracks: the 512-byte
 * header of facts 3.1 and a sparse file, for commands that never read a
 * track (identification) on sizes too large to format in a unit test.
 */
void make_sparse_volume(const char *path, uint32_t cyls)
{
    uint8_t hdr[512] = { 0 };
    int fd;

    memcpy(hdr, "CKD_P370", 8);
    stl_le_p(hdr + 8, 15);
    stl_le_p(hdr + 12, TRKSIZE);
    hdr[16] = 0x90;
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(write(fd, hdr, sizeof(hdr)), ==, sizeof(hdr));
    g_assert_cmpint(ftruncate(fd, 512 + (off_t)cyls * 15 * TRKSIZE), ==, 0);
    g_assert_cmpint(close(fd), ==, 0);
}

/* Replace the fixture's volume by a sparse one of @cyls cylinders. */
void fixture_use_sparse(Fixture *f, uint32_t cyls)
{
    fixture_close(f);
    g_unlink(f->path);
    make_sparse_volume(f->path, cyls);
    fixture_open(f, false);
}

/* ---- driving the device ---- */

uint8_t run(Fixture *f, uint8_t cmd, bool chained, void *buf,
                   uint32_t count)
{
    return dasd_eckd_execute(f->d, cmd, chained, buf, count, &f->len);
}

void assert_sense(Fixture *f, Sense want)
{
    uint8_t s[DASD_ECKD_SENSE_SIZE];

    dasd_eckd_get_sense(f->d, s);
    g_assert_cmphex(s[0], ==, want.b0);
    g_assert_cmphex(s[1], ==, want.b1);
    g_assert_cmphex(s[7], ==, want.b7);
    /* 24-byte compatible sense with a valid track address (facts 1.5) */
    g_assert_cmphex(s[27] & 0xA0, ==, 0xA0);
}

void assert_unit_check(Fixture *f, uint8_t status, Sense want)
{
    g_assert_cmphex(status, ==, ST_UC);
    assert_sense(f, want);
}

/* Define Extent parameters (facts 2.2). */
void dx(uint8_t p[16], uint8_t mask, uint32_t btrk, uint32_t etrk)
{
    memset(p, 0, 16);
    p[0] = mask;
    p[1] = 0xC0;                        /* ECKD architecture mode */
    stw_be_p(p + 8, btrk / 15);
    stw_be_p(p + 10, btrk % 15);
    stw_be_p(p + 12, etrk / 15);
    stw_be_p(p + 14, etrk % 15);
}

/* Locate Record parameters (facts 2.3); @tlf 0 = none given. */
void lr(uint8_t p[16], uint8_t orient, uint8_t op, uint8_t count,
               uint32_t trk, uint8_t rec, uint16_t tlf)
{
    memset(p, 0, 16);
    p[0] = (orient << 6) | op;
    p[1] = tlf ? 0x80 : 0x00;
    p[3] = count;
    stw_be_p(p + 4, trk / 15);
    stw_be_p(p + 6, trk % 15);
    stw_be_p(p + 8, trk / 15);
    stw_be_p(p + 10, trk % 15);
    p[12] = rec;
    p[13] = 0xFF;                       /* sector: don't care */
    stw_be_p(p + 14, tlf);
}

/* A count field CC HH R KL DL. */
void count_field(uint8_t p[8], uint32_t trk, uint8_t rec, uint8_t kl,
                        uint16_t dl)
{
    stw_be_p(p, trk / 15);
    stw_be_p(p + 2, trk % 15);
    p[4] = rec;
    p[5] = kl;
    stw_be_p(p + 6, dl);
}

/* Seek (BBCCHH) as the first or a chained command. */
uint8_t seek(Fixture *f, bool chained, uint32_t trk)
{
    uint8_t p[6] = { 0 };

    stw_be_p(p + 2, trk / 15);
    stw_be_p(p + 4, trk % 15);
    return run(f, 0x07, chained, p, sizeof(p));
}

/*
 * Format tracks @trk..@trk + @ntrk - 1 the way dasdfmt does (facts 2.8):
 * DX mask 0x00, LR Format Write oriented on R0, then Write CKD with only
 * the 8-byte count (key and data are zero padded) and Write CKD Next
 * Track for the first record of each further track.
 */
void format_tracks(Fixture *f, uint32_t trk, uint32_t ntrk,
                          uint8_t nrec, uint8_t kl, uint16_t dl)
{
    uint8_t p[16], c[8];

    dx(p, 0x00, trk, trk + ntrk - 1);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x03, nrec * ntrk, trk, 0, dl);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    for (uint32_t t = trk; t < trk + ntrk; t++) {
        for (uint8_t r = 1; r <= nrec; r++) {
            count_field(c, t, r, kl, dl);
            g_assert_cmphex(run(f, r == 1 && t != trk ? 0x9D : 0x1D, true,
                                c, 8), ==, ST_OK);
            g_assert_cmpuint(f->len, ==, 8 + kl + dl);
        }
    }
    g_assert_cmphex(dasd_eckd_chain_end(f->d), ==, 0);
}

/* Read track @trk through a fresh open of the file. */
uint8_t *read_back(Fixture *f, uint32_t trk)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(CkdImage) img = ckd_open(f->path, true, false, &err);
    uint8_t *buf = g_malloc(TRKSIZE);

    g_assert_no_error(err);
    g_assert_true(ckd_read_track(img, trk / 15, trk % 15, buf, &err));
    g_assert_no_error(err);
    return buf;
}

/* The records of a track image (R0 included), from the image layer. */
unsigned track_records(const uint8_t *buf, CkdRecord *recs,
                              unsigned max)
{
    CkdTrackIter it;
    CkdRecord r;
    unsigned n = 0;

    ckd_track_iter_init(&it, buf, TRKSIZE);
    while (ckd_track_iter_next(&it, &r) == CKD_ITER_RECORD) {
        g_assert_cmpuint(n, <, max);
        recs[n++] = r;
    }
    return n;
}

/* ---- identification ---- */

static void test_sense_id(Fixture *f, gconstpointer data)
{
    /*
     * facts 1.3: FF, CU 3990 model EC, device 3390, model byte (0x02 for
     * a volume that is a 3390-1 by size, facts 1.1), 00, then the CIWs of
     * a 3990-3: RCD 0xFA/256, SII via PSF 0x27/4, RNI via RSSD 0x3E/64.
     */
    static const uint8_t want[20] = {
        0xff, 0x39, 0x90, 0xec, 0x33, 0x90, 0x02, 0x00,
        0x40, 0xfa, 0x01, 0x00, 0x41, 0x27, 0x00, 0x04,
        0x42, 0x3e, 0x00, 0x40,
    };
    uint8_t buf[40];

    memset(buf, 0xAA, sizeof(buf));
    /* Linux reads 40 bytes with SLI */
    g_assert_cmphex(run(f, 0xE4, false, buf, sizeof(buf)), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, sizeof(want));
    g_assert_cmpmem(buf, sizeof(want), want, sizeof(want));
    g_assert_cmphex(dasd_eckd_cu_type(f->d), ==, 0x3990);
    g_assert_cmphex(dasd_eckd_cu_model(f->d), ==, 0xEC);
    g_assert_cmphex(dasd_eckd_dev_type(f->d), ==, 0x3390);
    g_assert_cmphex(dasd_eckd_dev_model(f->d), ==, 0x02);
}

/* Model byte by volume size (facts 1.1; alternate cylinders included). */
static const struct {
    uint32_t cyls;
    uint8_t model;
} model_table[] = {
    { 1114, 0x02 },     /* 3390-1 with its alternate cylinder */
    { 1115, 0x06 },
    { 3339, 0x0A },
    { 3341, 0x0C },
    { 65520, 0x0C },
};

static void test_sense_id_model(Fixture *f, gconstpointer data)
{
    for (size_t i = 0; i < G_N_ELEMENTS(model_table); i++) {
        uint8_t buf[20];

        fixture_use_sparse(f, model_table[i].cyls);
        g_assert_cmphex(run(f, 0xE4, false, buf, sizeof(buf)), ==, ST_OK);
        g_assert_cmphex(buf[6], ==, model_table[i].model);
    }
}

static void test_rdc_3390_3(Fixture *f, gconstpointer data)
{
    /* facts 1.4, "Full example for 3390-3 on 3990-3" */
    static const uint8_t want[64] = {
        0x39, 0x90, 0xec, 0x33, 0x90, 0x0a, 0xd0, 0x80,
        0x10, 0x94, 0x20, 0x24, 0x0d, 0x0b, 0x00, 0x0f,
        0xe0, 0x00, 0xe5, 0xa2, 0x05, 0x94, 0x02, 0x22,
        0x13, 0x09, 0x06, 0x74, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x24, 0x24, 0x06, 0x02, 0xdf, 0xee, 0x00, 0x01,
        0x06, 0x77, 0x08, 0x0f, 0x00, 0x3f, 0x00, 0x00,
        0x00, 0xff, 0x00, 0x00, 0x00, 0x00, 0x0d, 0x0b,
    };
    uint8_t buf[64];

    fixture_use_sparse(f, 3339);
    g_assert_cmphex(run(f, 0x64, false, buf, sizeof(buf)), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 64);
    g_assert_cmpmem(buf, sizeof(buf), want, sizeof(want));
}

static void test_rdc_eav(Fixture *f, gconstpointer data)
{
    uint8_t buf[64];

    /* above 65,520 cylinders: 0xFFFE in bytes 12-13, count in 60-63 */
    fixture_use_sparse(f, 65535);
    g_assert_cmphex(run(f, 0x64, false, buf, sizeof(buf)), ==, ST_OK);
    g_assert_cmphex(lduw_be_p(buf + 12), ==, 0xFFFE);
    g_assert_cmphex(ldl_be_p(buf + 60), ==, 65535);
    g_assert_cmphex(buf[5], ==, 0x0C);
    g_assert_cmphex(buf[11], ==, 0x32);
}

static void test_rdc_small(Fixture *f, gconstpointer data)
{
    uint8_t buf[64];

    /* the 2-cylinder volume is a 3390-1 by size: model 02, unit type 26 */
    g_assert_cmphex(run(f, 0x64, false, buf, sizeof(buf)), ==, ST_OK);
    g_assert_cmphex(buf[5], ==, 0x02);
    g_assert_cmphex(buf[11], ==, 0x26);
    g_assert_cmphex(buf[40], ==, 0x26);
    g_assert_cmphex(lduw_be_p(buf + 12), ==, 2);
    g_assert_cmphex(ldl_be_p(buf + 60), ==, 2);
}

static void test_rcd(Fixture *f, gconstpointer data)
{
    /* "003390" in EBCDIC */
    static const uint8_t type[6] = { 0xF0, 0xF0, 0xF3, 0xF3, 0xF9, 0xF0 };
    uint8_t buf[256];

    dasd_eckd_set_devno(f->d, 0x1234);
    /* Linux puts "V1.0" in front; the device overwrites all 256 bytes */
    memset(buf, 0xE5, sizeof(buf));
    g_assert_cmphex(run(f, 0xFA, false, buf, sizeof(buf)), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 256);
    /* facts 1.6: a NED (bits 11) describing the device (descriptor 1) */
    g_assert_cmphex(buf[0] & 0xC0, ==, 0xC0);
    g_assert_cmphex(buf[1], ==, 0x01);
    g_assert_cmpmem(buf + 4, 6, type, 6);
    g_assert_cmphex(buf[31], ==, 0x34);
    /* a GNEQ (bits 10) and no SNEQ (bits 01) anywhere */
    for (unsigned i = 0; i < 8; i++) {
        g_assert_cmphex(buf[32 * i] & 0xC0, !=, 0x40);
    }
    g_assert_cmphex(buf[224] & 0xC0, ==, 0x80);
    g_assert_cmphex(lduw_be_p(buf + 232), ==, 0x1200);
}

static void test_pgid(Fixture *f, gconstpointer data)
{
    uint8_t snid[12], spid[12], other[12];

    g_assert_cmphex(run(f, 0x34, false, snid, 12), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 12);
    g_assert_cmphex(snid[0], ==, 0x00);         /* reset, single path */

    /* establish a multipath group (facts 1.7) */
    spid[0] = 0x80;
    for (int i = 1; i < 12; i++) {
        spid[i] = i;
    }
    g_assert_cmphex(run(f, 0xAF, false, spid, 12), ==, ST_OK);
    g_assert_cmphex(run(f, 0x34, false, snid, 12), ==, ST_OK);
    g_assert_cmphex(snid[0], ==, 0xC8);         /* grouped, multipath */
    g_assert_cmpmem(snid + 1, 11, spid + 1, 11);

    /* a different group is refused, a short SPID too */
    memcpy(other, spid, 12);
    other[11] ^= 0xFF;
    assert_unit_check(f, run(f, 0xAF, false, other, 12), INVALID_PARAMETER);
    assert_unit_check(f, run(f, 0xAF, false, spid, 11), COUNT_TOO_SMALL);
    /* path-group commands come first in a program */
    g_assert_cmphex(run(f, 0x03, false, NULL, 0), ==, ST_OK);
    assert_unit_check(f, run(f, 0x34, true, snid, 12), INVALID_SEQUENCE);
}

static void test_psf_features(Fixture *f, gconstpointer data)
{
    uint8_t psf[12] = { 0x18, 0x00, 0, 0, 0, 0, 0x41 };
    uint8_t buf[256];

    memset(buf, 0xAA, sizeof(buf));
    g_assert_cmphex(run(f, 0x27, false, psf, 12), ==, ST_OK);
    g_assert_cmphex(run(f, 0x3E, true, buf, 256), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 256);
    for (unsigned i = 0; i < 256; i++) {
        g_assert_cmphex(buf[i], ==, 0);
    }
    /* RSSD only straight after the PSF that prepared its data */
    assert_unit_check(f, run(f, 0x3E, false, buf, 256), INVALID_SEQUENCE);
}

static void test_psf_unit_address(Fixture *f, gconstpointer data)
{
    uint8_t psf[12] = { 0x18, 0x00, 0, 0, 0, 0, 0x0E };
    uint8_t buf[512];

    dasd_eckd_set_devno(f->d, 0x0A17);
    g_assert_cmphex(run(f, 0x27, false, psf, 12), ==, ST_OK);
    g_assert_cmphex(run(f, 0x3E, true, buf, 512), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 512);
    /* facts 1.6: our unit address is a base device (type 1) */
    g_assert_cmphex(buf[2 * 0x17], ==, 0x01);
    g_assert_cmphex(buf[2 * 0x17 + 1], ==, 0x17);
    g_assert_cmphex(buf[0], ==, 0x00);
}

/* ---- sense ---- */

static void test_sense_after_reject(Fixture *f, gconstpointer data)
{
    uint8_t buf[32];

    /* Write Special CKD does not exist on a 3390 (facts 2.7) */
    assert_unit_check(f, run(f, 0x01, false, NULL, 0), INVALID_COMMAND);
    memset(buf, 0xAA, sizeof(buf));
    g_assert_cmphex(run(f, 0x04, false, buf, 32), ==, ST_OK);
    g_assert_cmpuint(f->len, ==, 32);
    g_assert_cmphex(buf[0], ==, 0x80);
    g_assert_cmphex(buf[7], ==, 0x01);
    g_assert_cmphex(buf[27] & 0x80, ==, 0x80);
    /* the sense was consumed */
    g_assert_cmphex(run(f, 0x04, false, buf, 32), ==, ST_OK);
    for (unsigned i = 0; i < 32; i++) {
        g_assert_cmphex(buf[i], ==, 0);
    }
}

static void test_sense_reset_by_next_command(Fixture *f, gconstpointer data)
{
    uint8_t s[32];

    assert_unit_check(f, run(f, 0x01, false, NULL, 0), INVALID_COMMAND);
    g_assert_cmphex(run(f, 0x03, false, NULL, 0), ==, ST_OK);
    dasd_eckd_get_sense(f->d, s);
    g_assert_cmphex(s[0], ==, 0);
}

static void test_invalid_commands(Fixture *f, gconstpointer data)
{
    /* Write Special CKD, Write HA, Restore, LRE, Prefix (not on a 3990-3) */
    static const uint8_t codes[] = { 0x01, 0x17, 0x19, 0x4B, 0xE7 };

    for (size_t i = 0; i < G_N_ELEMENTS(codes); i++) {
        uint8_t buf[64] = { 0 };

        assert_unit_check(f, run(f, codes[i], false, buf, sizeof(buf)),
                          INVALID_COMMAND);
    }
}

static void test_sense_eav_address(Fixture *f, gconstpointer data)
{
    uint8_t p[6] = { 0 }, s[32];

    /*
     * Seek to cylinder 70000 head 3 of a sparse EAV: the track there is
     * not formatted, so the device answers with a unit check whose track
     * address is in the EAV CCHH form (facts 1.1, 1.5): CC = 0x1170,
     * HH = 0x0013.
     */
    fixture_use_sparse(f, 70001);
    stw_be_p(p + 2, 0x1170);
    stw_be_p(p + 4, 0x0013);
    g_assert_cmphex(run(f, 0x07, false, p, 6), ==, ST_UC);
    dasd_eckd_get_sense(f->d, s);
    g_assert_cmphex(s[1], ==, 0x40);
    g_assert_cmphex(s[5], ==, 0xFF);
    g_assert_cmphex(s[6], ==, 0xFF);
    g_assert_cmphex(s[27], ==, 0xB0);
    g_assert_cmphex(ldl_be_p(s + 28), ==, 0x11700013);
    g_assert_nonnull(dasd_eckd_last_error(f->d));
}

/* ---- capacity ---- */

/* facts 1.2: cells per record and records per track */
static const struct {
    uint8_t kl;
    uint32_t dl;
    uint32_t cells;
    uint32_t per_track;
} capacity_table[] = {
    { 0, 512, 35, 49 },
    { 0, 1024, 51, 33 },
    { 0, 2048, 81, 21 },
    { 0, 4096, 143, 12 },
    { 0, 3200, 116, 14 },
    { 0, 6144, 205, 8 },
    { 0, 18452, 576, 3 },
    { 0, 27998, 864, 2 },
    { 0, 56664, 1729, 1 },
    { 44, 96, 34, 50 },
    { 8, 256, 38, 45 },
    { 0, 0, 20, 86 },
};

static void test_capacity_table(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(capacity_table); i++) {
        uint32_t cells = dasd_eckd_record_cells(capacity_table[i].kl,
                                                capacity_table[i].dl);

        g_assert_cmpuint(cells, ==, capacity_table[i].cells);
        g_assert_cmpuint(DASD_ECKD_TRACK_CELLS / cells, ==,
                         capacity_table[i].per_track);
    }
    /* one byte more and the half-track / full-track blocking breaks */
    g_assert_cmpuint(DASD_ECKD_TRACK_CELLS /
                     dasd_eckd_record_cells(0, 27999), ==, 1);
    g_assert_cmpuint(DASD_ECKD_TRACK_CELLS /
                     dasd_eckd_record_cells(0, 56665), ==, 0);
}

/* ---- image trouble ---- */

static void test_equipment_check_truncated(Fixture *f, gconstpointer data)
{
    /* the file loses its second cylinder while the device has it open */
    g_assert_cmpint(truncate(f->path, 512 + 15 * TRKSIZE), ==, 0);
    assert_unit_check(f, seek(f, false, 20), EQUIPMENT_CHECK);
    g_assert_nonnull(dasd_eckd_last_error(f->d));
}

static ssize_t pread_eio(int fd, void *buf, size_t len, off_t off)
{
    errno = EIO;
    return -1;
}

static ssize_t pwrite_eio(int fd, const void *buf, size_t len, off_t off)
{
    errno = EIO;
    return -1;
}

/* The disk under the image file fails reads: equipment check. */
static void test_equipment_check_read_error(Fixture *f, gconstpointer data)
{
    static CkdFileSyscalls sys;

    sys = ckd_host_syscalls;
    sys.pread = pread_eio;
    ckd_set_syscalls(f->img, &sys);
    assert_unit_check(f, seek(f, false, 20), EQUIPMENT_CHECK);
    g_assert_nonnull(strstr(dasd_eckd_last_error(f->d), g_strerror(EIO)));

    ckd_set_syscalls(f->img, NULL);
    g_assert_cmphex(seek(f, false, 20), ==, ST_OK);
}

/* Write one 4 KiB block (record @rec of track 0) with Write Data. */
static uint8_t write_block(Fixture *f, uint8_t rec, const uint8_t *block)
{
    uint8_t p[16], st;

    dx(p, 0x80, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x01, 1, 0, rec, 4096);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    st = run(f, 0x85, true, (uint8_t *)block, 4096);
    dasd_eckd_chain_end(f->d);
    return st;
}

/*
 * The disk fails writes: the Write Data ends in unit check with
 * equipment check, and the record keeps its acknowledged contents, in the
 * file and as the device reads it.
 */
static void test_equipment_check_write_error(Fixture *f, gconstpointer data)
{
    static CkdFileSyscalls sys;
    uint8_t old[4096], new[4096], got[4096], p[16];
    g_autofree uint8_t *t = NULL;
    CkdRecord recs[16];

    format_tracks(f, 0, 1, 12, 0, 4096);
    memset(old, 0x31, sizeof(old));
    memset(new, 0x32, sizeof(new));
    g_assert_cmphex(write_block(f, 3, old), ==, ST_OK);

    sys = ckd_host_syscalls;
    sys.pwrite = pwrite_eio;
    ckd_set_syscalls(f->img, &sys);
    assert_unit_check(f, write_block(f, 3, new), EQUIPMENT_CHECK);
    g_assert_nonnull(strstr(dasd_eckd_last_error(f->d), g_strerror(EIO)));
    ckd_set_syscalls(f->img, NULL);

    t = read_back(f, 0);
    g_assert_cmpuint(track_records(t, recs, 16), ==, 13);
    g_assert_cmpmem(t + recs[3].data_offset, 4096, old, 4096);

    dx(p, 0x40, 0, 0);
    g_assert_cmphex(run(f, 0x63, false, p, 16), ==, ST_OK);
    lr(p, 0, 0x06, 1, 0, 3, 4096);
    g_assert_cmphex(run(f, 0x47, true, p, 16), ==, ST_OK);
    g_assert_cmphex(run(f, 0x86, true, got, 4096), ==, ST_OK);
    g_assert_cmpmem(got, 4096, old, 4096);
}

static void test_corrupt_track(Fixture *f, gconstpointer data)
{
    uint8_t junk[64];
    int fd;

    /* scribble over the HA and R0 of track 7 behind the device's back */
    memset(junk, 0x5A, sizeof(junk));
    fd = open(f->path, O_WRONLY);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(pwrite(fd, junk, sizeof(junk), 512 + 7 * TRKSIZE), ==,
                    sizeof(junk));
    close(fd);
    assert_unit_check(f, seek(f, false, 7), INVALID_TRACK_FORMAT);
}

static void test_new_refuses_3380(void)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *dir = g_dir_make_tmp("test-dasd-eckd-XXXXXX", &err);
    g_autofree char *path = g_build_filename(dir, "vol.3380", NULL);
    CkdImage *img;

    g_assert_true(ckd_create(path, 0x3380, 0, 1, &err));
    img = ckd_open(path, false, false, &err);
    g_assert_no_error(err);
    g_assert_null(dasd_eckd_new(img, &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(err->message, "3380"));
    ckd_close(img);
    g_unlink(path);
    g_rmdir(dir);
}

/* ---- main ---- */

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    ADD("/dasd-eckd/sense-id/cu-3990-dev-3390", test_sense_id);
    ADD("/dasd-eckd/sense-id/model-byte-follows-cylinders",
        test_sense_id_model);
    ADD("/dasd-eckd/rdc/geometry-3390-3", test_rdc_3390_3);
    ADD("/dasd-eckd/rdc/eav-cylinders-in-bytes-60-63", test_rdc_eav);
    ADD("/dasd-eckd/rdc/small-volume-is-3390-1", test_rdc_small);
    ADD("/dasd-eckd/rcd/ned-and-gneq-no-sneq", test_rcd);
    ADD("/dasd-eckd/pgid/establish-then-sense-grouped", test_pgid);
    ADD("/dasd-eckd/psf/feature-codes-are-zero", test_psf_features);
    ADD("/dasd-eckd/psf/unit-address-is-base", test_psf_unit_address);
    ADD("/dasd-eckd/sense/reject-then-sense-then-cleared",
        test_sense_after_reject);
    ADD("/dasd-eckd/sense/reset-by-next-command",
        test_sense_reset_by_next_command);
    ADD("/dasd-eckd/command/unsupported-is-invalid-command",
        test_invalid_commands);
    ADD("/dasd-eckd/sense/eav-track-address", test_sense_eav_address);
    g_test_add_func("/dasd-eckd/capacity/cells-and-records-per-track",
                    test_capacity_table);
    ADD("/dasd-eckd/image/truncated-file-is-equipment-check",
        test_equipment_check_truncated);
    ADD("/dasd-eckd/image/read-error-is-equipment-check",
        test_equipment_check_read_error);
    ADD("/dasd-eckd/image/write-error-keeps-acknowledged-record",
        test_equipment_check_write_error);
    ADD("/dasd-eckd/image/corrupt-track-is-invalid-track-format",
        test_corrupt_track);
    g_test_add_func("/dasd-eckd/new/refuses-3380-image",
                    test_new_refuses_3380);
    test_dasd_eckd_add_eckd();
    test_dasd_eckd_add_ckd();
    return g_test_run();
}
