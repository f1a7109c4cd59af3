/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fault injection on the passthrough path: the vfio-user-ccw server
 * killed before, during and after a write; images the server must refuse
 * at open; a read-only image under writes.
 *
 * Expected values: deferred cc 3 for a program whose device vanished and
 * cc 3 for later starts (PoP ch. 16; facts-css-vfio-ccw.md §3), the
 * channel report of a permanent error, and the "file protected" sense
 * (byte 0 0x00, byte 1 0x04, byte 7 0x00) of facts-dasd-eckd.md §1.5.
 * Every wait is bounded: a hang fails the test instead of stalling it.
 */
#include "qemu/osdep.h"

#include "block/ckd.h"
#include "dasd-io.h"
#include "libvuc.h"

#define WAIT_MS 10000
#define CYLS 1

typedef struct Fixture {
    char *dir;
    char *image;
    char *sock;
    VucServer *srv;
    QTestState *qts;
    DioArea a;
} Fixture;

static void fixture_setup(Fixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;

    f->dir = g_dir_make_tmp("fault-XXXXXX", &err);
    g_assert_no_error(err);
    f->image = g_build_filename(f->dir, "volume.3390", NULL);
    f->sock = g_build_filename(f->dir, "vuc.sock", NULL);
    f->a = (DioArea) { .sid = CSS_SID(0, 0), .base = 0x100000 };
    dio_volume_create(f->image, CYLS);
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    if (f->qts) {
        qtest_quit(f->qts);
    }
    vuc_server_stop(f->srv);
    unlink(f->image);
    unlink(f->sock);
    rmdir(f->dir);
    g_free(f->image);
    g_free(f->sock);
    g_free(f->dir);
}

/* Serve the image with @opts (and @extra arguments) to a new machine. */
static void start(Fixture *f, const char *opts, const char *const *extra)
{
    f->srv = vuc_server_serve(f->image, opts, f->sock, extra);
    f->qts = qtest_initf("-M s390-ccw-virtio,s390-squash-mcss=on -m 64M "
                         "-nodefaults -device vfio-user-ccw,socket=%s,"
                         "devno=0.0.1234", f->sock);
    css_enable(f->qts, f->a.sid, 3, f->a.sid);
}

static void wait_io(Fixture *f)
{
    uint32_t sid, intparm, intid;

    if (!css_wait_io(f->qts, WAIT_MS, &sid, &intparm, &intid)) {
        g_error("no I/O interruption within %d ms", WAIT_MS);
    }
    g_assert_cmphex(sid, ==, f->a.sid);
}

/* The channel report of the vanished device, within a bounded time. */
static void expect_crw(Fixture *f)
{
    g_autofree char *w = qtest_okf(f->qts, "s390x_crw_wait %d", WAIT_MS);
    uint32_t crw;

    g_assert_cmpstr(w, ==, "1");
    g_assert_cmpint(css_insn(f->qts, "stcrw", 0, 0x7000), ==, 0);
    crw = qtest_readl(f->qts, 0x7000);
    g_assert_cmphex((crw >> 24) & 0x0f, ==, 0x3);      /* RSC subchannel */
    g_assert_cmphex((crw >> 16) & 0x3f, ==, 0x06);     /* permanent error */
}

/* Sequence number of record @rec of @track in the image now. */
static int64_t image_seq(Fixture *f, uint32_t track, uint8_t rec)
{
    g_autofree int64_t *seq = g_new(int64_t, CYLS * DIO_HEADS * DIO_RECS);

    dio_image_seqs(f->image, seq);
    return seq[track * DIO_RECS + rec - 1];
}

static void test_killed_before_io_ssch_cc3(Fixture *f, gconstpointer data)
{
    const uint32_t seq = 7;

    start(f, "", NULL);
    vuc_server_kill(f->srv);
    expect_crw(f);
    g_assert_cmpint(dio_start_write(f->qts, &f->a, 2, 1, 1, &seq), ==, 3);
    g_assert_cmpint(image_seq(f, 2, 1), ==, 0);
}

/* The server holds programs 2 s: the kill lands while one is in flight. */
static void test_killed_during_io_deferred_cc3(Fixture *f, gconstpointer data)
{
    static const char *const slow[] = { "--latency", "2000", NULL };
    const uint32_t seq[2] = { 11, 12 };
    CssIrbView irb;
    gint64 t0;

    start(f, "", slow);
    g_assert_cmpint(dio_start_write(f->qts, &f->a, 4, 5, 2, seq), ==, 0);
    vuc_server_kill(f->srv);
    t0 = g_get_monotonic_time();
    wait_io(f);
    /* the machine noticed the loss, it did not wait out the latency */
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 1500 * 1000);
    g_assert_cmpint(dio_tsch(f->qts, &f->a, &irb), ==, 0);
    g_assert_cmpuint(dio_deferred_cc(&irb), ==, 3);
    g_assert_cmphex(irb.ctrl & 0x4000, ==, 0x4000);   /* start function */
    g_assert_cmphex(irb.ctrl & 0x0011, ==, 0x0011);   /* alert, pending */
    expect_crw(f);
    /* status was cleared by TSCH: nothing more, and no new start */
    g_assert_cmpint(dio_tsch(f->qts, &f->a, &irb), ==, 1);
    g_assert_cmpint(dio_start_write(f->qts, &f->a, 4, 5, 2, seq), ==, 3);
    /* the program never ran: the records are whole and old */
    g_assert_cmpint(image_seq(f, 4, 5), ==, 0);
    g_assert_cmpint(image_seq(f, 4, 6), ==, 0);
}

/* Status the device presented before it died stays for TSCH. */
static void test_killed_after_io_status_kept(Fixture *f, gconstpointer data)
{
    const uint32_t seq[3] = { 21, 22, 23 };
    CssIrbView irb;

    start(f, "", NULL);
    g_assert_cmpint(dio_start_write(f->qts, &f->a, 9, 10, 3, seq), ==, 0);
    wait_io(f);
    vuc_server_kill(f->srv);
    expect_crw(f);
    g_assert_cmpint(dio_tsch(f->qts, &f->a, &irb), ==, 0);
    g_assert_cmpuint(dio_deferred_cc(&irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, 0x0c);
    g_assert_cmphex(irb.cstat, ==, 0);
    g_assert_cmphex(irb.ctrl & 0x001f, ==, 0x0007);   /* prim sec pend */
    for (unsigned i = 0; i < 3; i++) {
        g_assert_cmpint(image_seq(f, 9, 10 + i), ==, seq[i]);
    }
}

/* Run vfio-user-ccw on @image; Returns: exit status, @err its stderr. */
static int run_server(Fixture *f, const char *image, char **err_text)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) err = NULL;
    int status;

    qtest_argv_add_binary(argv);
    g_free(argv->pdata[argv->len - 1]);
    argv->pdata[argv->len - 1] = g_strdup(vuc_server_binary());
    g_ptr_array_add(argv, g_strdup("--socket"));
    g_ptr_array_add(argv, g_strdup(f->sock));
    g_ptr_array_add(argv, g_strdup("--dasd"));
    g_ptr_array_add(argv, g_strdup(image));
    g_ptr_array_add(argv, NULL);
    g_assert_true(g_spawn_sync(NULL, (char **)argv->pdata, NULL,
                               G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err_text, &status, &err));
    g_assert_no_error(err);
    g_assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

/* One line naming the file and the offset, exit status 1, no socket. */
static void expect_refused(Fixture *f, const char *offset_words)
{
    g_autofree char *err = NULL;

    g_assert_cmpint(run_server(f, f->image, &err), ==, 1);
    g_test_message("refused: %s", err);
    g_assert_nonnull(strstr(err, f->image));
    g_assert_nonnull(strstr(err, offset_words));
    /* one line, and no LeakSanitizer report after it under ASan */
    g_assert_true(strchr(err, '\n') == err + strlen(err) - 1);
    g_assert_false(g_file_test(f->sock, G_FILE_TEST_EXISTS));
}

static void test_image_refuses_truncated(Fixture *f, gconstpointer data)
{
    const CkdGeometry *geo;
    g_autoptr(GError) err = NULL;
    g_autoptr(CkdImage) img = ckd_open(f->image, true, false, &err);
    off_t full;

    g_assert_no_error(err);
    geo = ckd_geometry(img);
    full = CKD_HEADER_SIZE + (off_t)geo->trksize * geo->heads * geo->cyls;
    /* the last track lost its last 1000 bytes */
    g_assert_cmpint(truncate(f->image, full - 1000), ==, 0);
    expect_refused(f, "offset");
}

static void test_image_refuses_corrupt_header(Fixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *bytes = NULL;
    gsize len;

    g_assert_true(g_file_get_contents(f->image, &bytes, &len, &err));
    /* heads (little-endian, offset 8): 15 becomes 16 */
    bytes[8] = 16;
    g_assert_true(g_file_set_contents(f->image, bytes, len, &err));
    expect_refused(f, "offset 8");
}

static char *file_sha256(const char *path)
{
    g_autofree char *bytes = NULL;
    gsize len;

    g_assert_true(g_file_get_contents(path, &bytes, &len, NULL));
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (guchar *)bytes,
                                       len);
}

/* Unit check with concurrent sense saying "file protected". */
static void expect_write_inhibited(Fixture *f)
{
    CssIrbView irb;

    wait_io(f);
    g_assert_cmpint(dio_tsch(f->qts, &f->a, &irb), ==, 0);
    g_assert_cmpuint(dio_deferred_cc(&irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, 0x0e);             /* CE DE UC */
    g_assert_cmphex(irb.erw & 0x01000000, ==, 0x01000000);
    /* write inhibited (facts-dasd-eckd.md §1.5: 10 02 .. 10) */
    g_assert_cmphex(irb.ecw[0], ==, 0x10);
    g_assert_cmphex(irb.ecw[1], ==, 0x02);
    g_assert_cmphex(irb.ecw[7], ==, 0x10);
}

static void test_readonly_every_write_inhibited(Fixture *f,
                                                     gconstpointer data)
{
    g_autofree char *before = file_sha256(f->image);
    g_autofree char *after = NULL;
    const uint32_t seq[3] = { 31, 32, 33 };
    uint8_t buf[DIO_RECLEN];
    CssIrbView irb;

    start(f, ",readonly=on", NULL);
    g_assert_cmpint(dio_start_write(f->qts, &f->a, 0, 1, 1, seq), ==, 0);
    expect_write_inhibited(f);
    g_assert_cmpint(dio_start_write(f->qts, &f->a, 14, 10, 3, seq), ==, 0);
    expect_write_inhibited(f);
    g_assert_cmpint(dio_start_format_write(f->qts, &f->a, 3, 1, 34), ==, 0);
    expect_write_inhibited(f);
    /* reads still work and see the old data */
    g_assert_cmpint(dio_start_read(f->qts, &f->a, 14, 10, 1), ==, 0);
    wait_io(f);
    g_assert_cmpint(dio_tsch(f->qts, &f->a, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, 0x0c);
    dio_read_data(f->qts, &f->a, 0, buf);
    g_assert_cmpint(dio_pattern_seq(buf, 14, 10), ==, 0);
    qtest_quit(f->qts);
    f->qts = NULL;
    vuc_server_stop(f->srv);
    f->srv = NULL;
    after = file_sha256(f->image);
    g_assert_cmpstr(after, ==, before);
}

/*
 * The image file cannot grow or be written past track 4 (a full file
 * system): a write there ends in unit check with equipment-check sense
 * (facts-dasd-eckd.md 1.5: 10 00 .. 10), the track keeps its old records,
 * and writes below the limit still work.
 */
static void test_image_write_error_equipment_check(Fixture *f,
                                                   gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(CkdImage) img = ckd_open(f->image, true, false, &err);
    const uint32_t seq[1] = { 41 };
    int64_t seqs[CYLS * DIO_HEADS * DIO_RECS];
    off_t limit;
    CssIrbView irb;

    g_assert_no_error(err);
    limit = CKD_HEADER_SIZE + (off_t)ckd_geometry(img)->trksize * 5;
    f->srv = vuc_server_serve_fsize(f->image, "", f->sock, NULL, limit);
    f->qts = qtest_initf("-M s390-ccw-virtio,s390-squash-mcss=on -m 64M "
                         "-nodefaults -device vfio-user-ccw,socket=%s,"
                         "devno=0.0.1234", f->sock);
    css_enable(f->qts, f->a.sid, 3, f->a.sid);

    g_assert_cmpint(dio_start_write(f->qts, &f->a, 10, 2, 1, seq), ==, 0);
    wait_io(f);
    g_assert_cmpint(dio_tsch(f->qts, &f->a, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, 0x0e);                 /* CE DE UC */
    g_assert_cmphex(irb.ecw[0], ==, 0x10);                /* equipment check */
    g_assert_cmphex(irb.ecw[7], ==, 0x10);
    /* below the limit the device still writes */
    g_assert_cmpint(dio_start_write(f->qts, &f->a, 1, 3, 1, seq), ==, 0);
    wait_io(f);
    g_assert_cmpint(dio_tsch(f->qts, &f->a, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, 0x0c);
    qtest_quit(f->qts);
    f->qts = NULL;
    vuc_server_stop(f->srv);
    f->srv = NULL;
    /* the refused record kept its old data; the accepted one is there */
    g_assert_cmpuint(dio_image_seqs(f->image, seqs), ==, CYLS * DIO_HEADS);
    g_assert_cmpint(seqs[10 * DIO_RECS + 2 - 1], ==, 0);
    g_assert_cmpint(seqs[1 * DIO_RECS + 3 - 1], ==, 41);
}

static void add(const char *path,
                void (*fn)(Fixture *f, gconstpointer data))
{
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    add("/fault/server-killed/before-io-ssch-cc3",
        test_killed_before_io_ssch_cc3);
    add("/fault/server-killed/during-io-deferred-cc3",
        test_killed_during_io_deferred_cc3);
    add("/fault/server-killed/after-io-status-kept",
        test_killed_after_io_status_kept);
    add("/fault/image/refuses-truncated", test_image_refuses_truncated);
    add("/fault/image/refuses-corrupt-header",
        test_image_refuses_corrupt_header);
    add("/fault/image/write-error-equipment-check",
        test_image_write_error_equipment_check);
    add("/fault/readonly/every-write-inhibited",
        test_readonly_every_write_inhibited);
    return g_test_run();
}
