/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for block/ckd.c: multi-file volumes, and cross-checks with
 * the real Hercules tools (dasdinit, dasdcopy).
 */
#include "qemu/osdep.h"
#include <sys/stat.h>
#include "test-ckd.h"

/* ---- multi-file volumes -------------------------------------------------- */

static void test_multifile_naming(void)
{
    static const struct {
        const char *path;
        unsigned seq;
        const char *want;
    } cases[] = {
        { "multi.3390", 1, "multi_1.3390" },        /* facts 3.4, dasdinit */
        { "multi.3390", 2, "multi_2.3390" },
        { "multi_1.3390", 2, "multi_2.3390" },
        { "multi_1.3390", 1, "multi_1.3390" },
        { "d.x/vol", 3, "d.x/vol_3" },
        { "vol_1", 4, "vol_4" },
        { "/a/b.c.d", 1, "/a/b_1.c.d" },
        { "vol_1.3390", 10, "vol_A.3390" },
        { ".hidden", 1, ".hidden_1" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = ckd_multifile_name(cases[i].path,
                                                  cases[i].seq);

        g_assert_cmpstr(got, ==, cases[i].want);
    }
}

/*
 * A 5-cylinder volume in three files, headers as Hercules writes them:
 * vol_1 holds cylinders 0-1 (seq 1, highcyl 1), vol_2 2-3 (seq 2,
 * highcyl 3), vol_3 cylinder 4 (seq 3, highcyl 0: the last file).
 */
static void make_three_file_volume(Fixture *fx)
{
    g_autofree char *p1 = fx_path(fx, "vol_1.3390");
    g_autofree char *p2 = fx_path(fx, "vol_2.3390");
    g_autofree char *p3 = fx_path(fx, "vol_3.3390");

    make_volume_file(p1, "CKD_P370", 0x90, T3390, 1, 1, 0, 2);
    make_volume_file(p2, "CKD_P370", 0x90, T3390, 2, 3, 2, 2);
    make_volume_file(p3, "CKD_P370", 0x90, T3390, 3, 0, 4, 1);
}

static void test_multifile_open(Fixture *fx, gconstpointer data)
{
    g_autofree char *p1 = fx_path(fx, "vol_1.3390");
    g_autofree char *p2 = fx_path(fx, "vol_2.3390");
    g_autoptr(CkdImage) img = NULL;
    g_autofree uint8_t *t = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    GError *err = NULL;

    make_three_file_volume(fx);
    img = ckd_open(p1, false, false, &err);
    g_assert_no_error(err);
    g_assert_cmpuint(ckd_geometry(img)->cyls, ==, 5);

    /* every track reads, and its HA names it (a wrong file would not) */
    for (uint32_t c = 0; c < 5; c++) {
        for (uint32_t h = 0; h < 15; h++) {
            g_assert_true(ckd_read_track(img, c, h, got, &err));
            g_assert_no_error(err);
            g_assert_cmpuint(got[2], ==, c);
            g_assert_cmpuint(got[4], ==, h);
        }
    }

    /* vol_2 starts at cylinder 2: cyl 3 head 2 is its track 1 * 15 + 2 */
    make_two_record_track(t, T3390, 3, 2);
    g_assert_true(ckd_write_track(img, 3, 2, t, &err));
    g_assert_no_error(err);
    read_file_at(p2, 512 + 17 * T3390, got, T3390);
    g_assert_cmpmem(got, T3390, t, T3390);
}

static void test_multifile_open_by_volume_name(Fixture *fx,
                                               gconstpointer data)
{
    g_autofree char *base = fx_path(fx, "vol.3390");
    g_autoptr(CkdImage) img = NULL;
    GError *err = NULL;

    make_three_file_volume(fx);
    img = ckd_open(base, true, false, &err);
    g_assert_no_error(err);
    g_assert_cmpuint(ckd_geometry(img)->cyls, ==, 5);
}

static void test_multifile_refuses_missing_file(Fixture *fx,
                                                gconstpointer data)
{
    g_autofree char *p1 = fx_path(fx, "vol_1.3390");
    g_autofree char *p3 = fx_path(fx, "vol_3.3390");
    GError *err = NULL;

    make_three_file_volume(fx);
    g_assert_cmpint(unlink(p3), ==, 0);
    g_assert_null(ckd_open(p1, false, false, &err));
    assert_error_mentions(err, CKD_ERROR_IO, p3, "multi-file", NULL);
    g_clear_error(&err);
}

static void test_multifile_refuses_bad_sequence(Fixture *fx,
                                                gconstpointer data)
{
    g_autofree char *p1 = fx_path(fx, "vol_1.3390");
    g_autofree char *p2 = fx_path(fx, "vol_2.3390");
    GError *err = NULL;

    make_three_file_volume(fx);
    patch_file(p2, 17, "\x03", 1);
    g_assert_null(ckd_open(p1, false, false, &err));
    assert_error_mentions(err, CKD_ERROR_FORMAT, p2, "offset 17", NULL);
    g_clear_error(&err);

    /* the second file is not a volume's start */
    patch_file(p2, 17, "\x02", 1);
    g_assert_null(ckd_open(p2, false, false, &err));
    assert_error_mentions(err, CKD_ERROR_FORMAT, "offset 17", "first file",
                          NULL);
    g_clear_error(&err);
}

static void test_multifile_refuses_bad_highcyl(Fixture *fx,
                                               gconstpointer data)
{
    g_autofree char *p1 = fx_path(fx, "vol_1.3390");
    g_autofree char *p2 = fx_path(fx, "vol_2.3390");
    GError *err = NULL;

    make_three_file_volume(fx);
    patch_file(p2, 18, "\x04\x00", 2);      /* holds 2-3, says 4 */
    g_assert_null(ckd_open(p1, false, false, &err));
    assert_error_mentions(err, CKD_ERROR_FORMAT, p2, "offset 18", NULL);
    g_clear_error(&err);
}

static void test_multifile_refuses_mixed_devtypes(Fixture *fx,
                                                  gconstpointer data)
{
    g_autofree char *p1 = fx_path(fx, "vol_1.3390");
    g_autofree char *p2 = fx_path(fx, "vol_2.3390");
    GError *err = NULL;

    make_three_file_volume(fx);
    make_volume_file(p2, "CKD_P370", 0x80, T3380, 2, 3, 2, 2);
    g_assert_null(ckd_open(p1, false, false, &err));
    assert_error_mentions(err, CKD_ERROR_FORMAT, p2, "offset 16", NULL);
    g_clear_error(&err);
}

static void test_multifile_refuses_fifth_file(Fixture *fx, gconstpointer data)
{
    g_autofree char *p1 = fx_path(fx, "v_1.3390");
    GError *err = NULL;

    /* four files that each say another follows (Hercules 3.x: at most 4) */
    make_volume_file(p1, "CKD_P370", 0x90, T3390, 1, 1, 0, 2);
    for (unsigned seq = 2; seq <= 4; seq++) {
        g_autofree char *name = g_strdup_printf("v_%u.3390", seq);
        g_autofree char *p = fx_path(fx, name);

        make_volume_file(p, "CKD_P370", 0x90, T3390, seq, seq, seq, 1);
    }
    g_assert_null(ckd_open(p1, false, false, &err));
    assert_error_mentions(err, CKD_ERROR_FORMAT, "at most 4", "v_4.3390",
                          NULL);
    g_clear_error(&err);
}

/* ---- cross-checks with the real Hercules tools --------------------------- */

static bool need_tool(const char *tool)
{
    g_autofree char *where = g_find_program_in_path(tool);

    if (!where) {
        g_test_fail_printf("Hercules tool '%s' not found: run "
                           "scripts/install-deps.sh (Debian package "
                           "hercules)", tool);
        return false;
    }
    return true;
}

/* Run a Hercules utility in the fixture directory; its stderr is returned. */
static char *run_tool(Fixture *fx, const char *const *argv)
{
    g_autofree char *out = NULL;
    char *errout = NULL;
    GError *err = NULL;
    int status;

    g_spawn_sync(fx->dir, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                 NULL, &out, &errout, &status, &err);
    g_assert_no_error(err);
    g_test_message("%s: %s%s", argv[0], out, errout);
    g_spawn_check_wait_status(status, &err);
    g_assert_no_error(err);
    return errout;
}

/* EBCDIC of the few letters and digits the labels below use */
static const uint8_t ebc_IPL1[4] = { 0xc9, 0xd7, 0xd3, 0xf1 };
static const uint8_t ebc_IPL2[4] = { 0xc9, 0xd7, 0xd3, 0xf2 };
static const uint8_t ebc_VOL1[4] = { 0xe5, 0xd6, 0xd3, 0xf1 };
static const uint8_t ebc_VOL001[6] = { 0xe5, 0xd6, 0xd3, 0xf0, 0xf0, 0xf1 };
static const uint8_t ebc_LNX001[6] = { 0xd3, 0xd5, 0xe7, 0xf0, 0xf0, 0xf1 };

/* Track 0 of a dasdinit volume: R1 IPL1, R2 IPL2, R3 VOL1 with @volser. */
static void check_label_track(const uint8_t *t, const uint8_t *volser)
{
    static const struct {
        const uint8_t *key;
        uint16_t dl;
    } want[] = { { ebc_IPL1, 24 }, { ebc_IPL2, 144 }, { ebc_VOL1, 80 } };
    CkdRecord r;

    for (unsigned i = 0; i < 3; i++) {
        g_assert_true(ckd_track_find_record(t, T3390, i + 1, &r));
        g_assert_cmpuint(r.kl, ==, 4);
        g_assert_cmpuint(r.dl, ==, want[i].dl);
        g_assert_cmpmem(t + r.key_offset, 4, want[i].key, 4);
    }
    /* VOL1 data: "VOL1" then the volume serial */
    g_assert_cmpmem(t + r.data_offset, 4, ebc_VOL1, 4);
    g_assert_cmpmem(t + r.data_offset + 4, 6, volser, 6);
}

static void test_hercules_dasdinit_3390_1(Fixture *fx, gconstpointer data)
{
    const char *argv[] = { "dasdinit", "-a", "x.3390", "3390-1", "VOL001",
                           NULL };
    g_autofree char *path = fx_path(fx, "x.3390");
    g_autofree char *errout = NULL;
    g_autoptr(CkdImage) img = NULL;
    g_autofree uint8_t *t = g_malloc(T3390);
    GError *err = NULL;

    if (!need_tool("dasdinit")) {
        return;
    }
    errout = run_tool(fx, argv);
    img = ckd_open(path, true, false, &err);
    g_assert_no_error(err);
    g_assert_cmphex(ckd_geometry(img)->devtype, ==, 0x3390);
    g_assert_cmphex(ckd_geometry(img)->model, ==, 0x02);
    g_assert_cmpuint(ckd_geometry(img)->cyls, ==, 1114);  /* 1113 + alt */
    g_assert_cmpuint(ckd_geometry(img)->heads, ==, 15);
    g_assert_cmpuint(ckd_geometry(img)->trksize, ==, T3390);

    g_assert_true(ckd_read_track(img, 0, 0, t, &err));
    g_assert_no_error(err);
    check_label_track(t, ebc_VOL001);
    g_assert_true(ckd_read_track(img, 1113, 14, t, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(ckd_track_used(t, T3390), ==, 29);
}

static void test_hercules_dasdinit_linux(Fixture *fx, gconstpointer data)
{
    const char *argv[] = { "dasdinit", "-linux", "l.3390", "3390", "LNX001",
                           "10", NULL };
    g_autofree char *path = fx_path(fx, "l.3390");
    g_autofree char *errout = NULL;
    g_autoptr(CkdImage) img = NULL;
    g_autofree uint8_t *t = g_malloc(T3390);
    CkdTrackIter it;
    CkdRecord r;
    unsigned n = 0;
    GError *err = NULL;

    if (!need_tool("dasdinit")) {
        return;
    }
    errout = run_tool(fx, argv);
    img = ckd_open(path, false, false, &err);
    g_assert_no_error(err);
    g_assert_cmpuint(ckd_geometry(img)->cyls, ==, 10);

    g_assert_true(ckd_read_track(img, 0, 0, t, &err));
    g_assert_no_error(err);
    check_label_track(t, ebc_LNX001);
    g_assert_true(ckd_track_find_record(t, T3390, 12, &r));
    g_assert_cmpuint(r.dl, ==, 4096);

    /* track 1: the VTOC, F4 DSCB first (key 44 x 0x04, data 0xF4) */
    g_assert_true(ckd_read_track(img, 0, 1, t, &err));
    g_assert_no_error(err);
    g_assert_true(ckd_track_find_record(t, T3390, 1, &r));
    g_assert_cmpuint(r.kl, ==, 44);
    g_assert_cmpuint(r.dl, ==, 96);
    g_assert_cmphex(t[r.key_offset], ==, 0x04);
    g_assert_cmphex(t[r.data_offset], ==, 0xf4);

    /* other tracks: twelve 4K records, like dasdfmt leaves them */
    g_assert_true(ckd_read_track(img, 9, 14, t, &err));
    g_assert_no_error(err);
    ckd_track_iter_init(&it, t, T3390);
    g_assert_cmpint(ckd_track_iter_next(&it, &r), ==, CKD_ITER_RECORD);
    while (ckd_track_iter_next(&it, &r) == CKD_ITER_RECORD) {
        g_assert_cmpuint(r.dl, ==, 4096);
        g_assert_cmpuint(r.rec, ==, ++n);
    }
    g_assert_cmpuint(n, ==, 12);

    /* and a track dasdinit wrote can be written back unchanged */
    g_assert_true(ckd_write_track(img, 9, 14, t, &err));
    g_assert_no_error(err);
}

static void test_hercules_create_matches_dasdinit(Fixture *fx,
                                                  gconstpointer data)
{
    static const struct {
        const char *type;
        uint16_t devtype;
        const char *cyls;
    } cases[] = { { "3390", 0x3390, "10" }, { "3380", 0x3380, "2" } };

    if (!need_tool("dasdinit")) {
        return;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        const char *argv[] = { "dasdinit", "-r", "theirs", cases[i].type,
                               cases[i].cyls, NULL };
        g_autofree char *theirs = fx_path(fx, "theirs");
        g_autofree char *ours = fx_path(fx, "ours");
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;
        gsize alen, blen;
        GError *err = NULL;

        g_free(run_tool(fx, argv));
        g_assert_true(ckd_create(ours, cases[i].devtype, 0,
                                 atoi(cases[i].cyls), &err));
        g_assert_no_error(err);
        g_file_get_contents(theirs, &a, &alen, &err);
        g_assert_no_error(err);
        g_file_get_contents(ours, &b, &blen, &err);
        g_assert_no_error(err);
        g_assert_cmpmem(b, blen, a, alen);
        unlink(theirs);
        unlink(ours);
    }
}

static void test_hercules_dasdcopy_reads_our_writes(Fixture *fx,
                                                    gconstpointer data)
{
    const char *to_cckd[] = { "dasdcopy", "-q", "-z", "ours.3390",
                              "ours.cckd", NULL };
    const char *check[] = { "cckdcdsk", "-3", "-ro", "ours.cckd", NULL };
    const char *back[] = { "dasdcopy", "-q", "-o", "CKD", "ours.cckd",
                           "back.3390", NULL };
    g_autofree char *ours = fx_path(fx, "ours.3390");
    g_autofree char *backp = fx_path(fx, "back.3390");
    g_autoptr(CkdImage) img = NULL;
    g_autofree uint8_t *t = g_malloc(T3390);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    gsize alen, blen;
    GError *err = NULL;

    if (!need_tool("dasdcopy") || !need_tool("cckdcdsk")) {
        return;
    }
    img = open_new_volume(fx, "ours.3390", 3, false, NULL);
    for (uint32_t trk = 0; trk < 45; trk += 4) {
        make_two_record_track(t, T3390, trk / 15, trk % 15);
        g_assert_true(ckd_write_track(img, trk / 15, trk % 15, t, &err));
        g_assert_no_error(err);
    }
    g_clear_pointer(&img, ckd_close);

    /* dasdcopy reports unreadable tracks on stderr but still exits 0 */
    g_free(run_tool(fx, to_cckd));
    a = run_tool(fx, check);
    g_assert_null(strstr(a, "rror"));
    g_clear_pointer(&a, g_free);
    b = run_tool(fx, back);
    g_assert_null(strstr(b, "rror"));
    g_clear_pointer(&b, g_free);

    g_file_get_contents(ours, &a, &alen, &err);
    g_assert_no_error(err);
    g_file_get_contents(backp, &b, &blen, &err);
    g_assert_no_error(err);
    g_assert_cmpmem(b, blen, a, alen);
}

void test_ckd_add_files(void)
{
    g_test_add_func("/ckd/multifile/naming", test_multifile_naming);
    ADD("/ckd/multifile/open", test_multifile_open);
    ADD("/ckd/multifile/open-by-volume-name",
        test_multifile_open_by_volume_name);
    ADD("/ckd/multifile/refuses-missing-file",
        test_multifile_refuses_missing_file);
    ADD("/ckd/multifile/refuses-bad-sequence",
        test_multifile_refuses_bad_sequence);
    ADD("/ckd/multifile/refuses-bad-highcyl",
        test_multifile_refuses_bad_highcyl);
    ADD("/ckd/multifile/refuses-mixed-devtypes",
        test_multifile_refuses_mixed_devtypes);
    ADD("/ckd/multifile/refuses-fifth-file",
        test_multifile_refuses_fifth_file);

    ADD("/ckd/hercules/dasdinit-3390-1", test_hercules_dasdinit_3390_1);
    ADD("/ckd/hercules/dasdinit-linux", test_hercules_dasdinit_linux);
    ADD("/ckd/hercules/create-matches-dasdinit",
        test_hercules_create_matches_dasdinit);
    ADD("/ckd/hercules/dasdcopy-reads-our-writes",
        test_hercules_dasdcopy_reads_our_writes);
}
