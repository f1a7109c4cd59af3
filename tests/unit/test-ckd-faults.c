/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ckd-faults.c: the image layer under file I/O that a local disk
 * rarely gives: reads and writes that move a few bytes at a time, EINTR,
 * and I/O errors at the start of or in the middle of a track, through
 * ckd_set_syscalls().  What must hold: partial transfers are resumed and
 * give the same bytes; an error fails the call with CKD_ERROR_IO naming
 * file, cylinder and head; a failed write is never reported done and
 * never served from memory afterwards.
 */
#include "qemu/osdep.h"

#include "test-ckd.h"

/* What the injecting calls do; one for reads, one for writes. */
typedef struct Fault {
    size_t chunk;           /* most bytes one call moves (0: all asked) */
    unsigned eintr_every;   /* every Nth call fails with EINTR first */
    int error;              /* errno to fail with, once @ok_calls are done */
    unsigned ok_calls;      /* calls that move data before @error */
    unsigned calls;         /* calls so far */
    unsigned moved_calls;   /* calls that moved data */
} Fault;

static Fault rd, wr;
static int sync_error;

/* Shared rules of both directions.  Returns: -1 (errno set) or the count. */
static ssize_t fault_step(Fault *f, size_t *len)
{
    f->calls++;
    if (f->eintr_every && f->calls % f->eintr_every == 0) {
        errno = EINTR;
        return -1;
    }
    if (f->error && f->moved_calls >= f->ok_calls) {
        errno = f->error;
        return -1;
    }
    if (f->chunk && *len > f->chunk) {
        *len = f->chunk;
    }
    f->moved_calls++;
    return 0;
}

static ssize_t faulty_pread(int fd, void *buf, size_t len, off_t off)
{
    return fault_step(&rd, &len) < 0 ? -1 : pread(fd, buf, len, off);
}

static ssize_t faulty_pwrite(int fd, const void *buf, size_t len, off_t off)
{
    return fault_step(&wr, &len) < 0 ? -1 : pwrite(fd, buf, len, off);
}

static int faulty_fdatasync(int fd)
{
    if (sync_error) {
        errno = sync_error;
        return -1;
    }
    return fdatasync(fd);
}

static const CkdFileSyscalls faulty = {
    .pread = faulty_pread,
    .pwrite = faulty_pwrite,
    .fdatasync = faulty_fdatasync,
};

static void faults_reset(void)
{
    memset(&rd, 0, sizeof(rd));
    memset(&wr, 0, sizeof(wr));
    sync_error = 0;
}

static off_t track_offset(uint32_t cyl, uint32_t head)
{
    return 512 + (off_t)(cyl * HEADS + head) * T3390;
}

static void test_short_reads_resumed(Fixture *fx, gconstpointer data)
{
    g_autoptr(CkdImage) img = open_new_volume(fx, "r.3390", 2, false, NULL);
    g_autofree uint8_t *t = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    GError *err = NULL;

    faults_reset();
    for (uint32_t trk = 0; trk < 30; trk++) {
        make_two_record_track(t, T3390, trk / 15, trk % 15);
        t[21 + 12] = trk;
        g_assert_true(ckd_write_track(img, trk / 15, trk % 15, t, &err));
        g_assert_no_error(err);
    }
    /* 1000 bytes a call, every third call interrupted */
    rd.chunk = 1000;
    rd.eintr_every = 3;
    ckd_set_syscalls(img, &faulty);
    for (uint32_t trk = 0; trk < 30; trk++) {
        make_two_record_track(t, T3390, trk / 15, trk % 15);
        t[21 + 12] = trk;
        g_assert_true(ckd_read_track(img, trk / 15, trk % 15, got, &err));
        g_assert_no_error(err);
        g_assert_cmpmem(got, T3390, t, T3390);
    }
    /* every track came through the calls, in 57 pieces each */
    g_assert_cmpuint(rd.moved_calls, ==, 30 * ((T3390 + 999) / 1000));
}

static void test_short_writes_resumed(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = NULL;
    g_autoptr(CkdImage) img = open_new_volume(fx, "w.3390", 2, false, &path);
    g_autofree uint8_t *t = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    GError *err = NULL;

    faults_reset();
    wr.chunk = 777;
    wr.eintr_every = 5;
    ckd_set_syscalls(img, &faulty);
    make_two_record_track(t, T3390, 1, 3);
    g_assert_true(ckd_write_track(img, 1, 3, t, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(wr.moved_calls, ==, (T3390 + 776) / 777);
    read_file_at(path, track_offset(1, 3), got, T3390);
    g_assert_cmpmem(got, T3390, t, T3390);
}

static void test_read_error(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = NULL;
    g_autoptr(CkdImage) img = open_new_volume(fx, "e.3390", 2, false, &path);
    g_autofree uint8_t *got = g_malloc(T3390);
    GError *err = NULL;

    /* at the first byte, then after three 1000-byte pieces */
    for (unsigned ok = 0; ok <= 3; ok += 3) {
        faults_reset();
        rd.chunk = 1000;
        rd.error = EIO;
        rd.ok_calls = ok;
        ckd_set_syscalls(img, &faulty);
        g_assert_false(ckd_read_track(img, 1, 7, got, &err));
        assert_error_mentions(err, CKD_ERROR_IO, path, "cyl 1", "head 7",
                              g_strerror(EIO), NULL);
        g_clear_error(&err);
    }
    /* the error is not remembered: the next read works */
    rd.error = 0;
    g_assert_true(ckd_read_track(img, 1, 7, got, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(ckd_track_used(got, T3390), ==, 29);
}

/*
 * A write that fails is not done: the call says so, and a later read
 * gives what the file holds, never the bytes that failed to get there.
 * Failing before the first byte keeps the old track whole; failing in
 * the middle leaves a torn track in the file, which reads show as it is.
 */
static void test_write_error(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = NULL;
    g_autoptr(CkdImage) img = open_new_volume(fx, "f.3390", 2, false, &path);
    g_autofree uint8_t *old = g_malloc(T3390);
    g_autofree uint8_t *new = g_malloc(T3390);
    g_autofree uint8_t *got = g_malloc(T3390);
    g_autofree uint8_t *file = g_malloc(T3390);
    GError *err = NULL;

    faults_reset();
    ckd_set_syscalls(img, &faulty);
    make_two_record_track(old, T3390, 0, 4);
    g_assert_true(ckd_write_track(img, 0, 4, old, &err));
    g_assert_no_error(err);
    /* served from memory from now on */
    g_assert_true(ckd_read_track(img, 0, 4, got, &err));

    for (unsigned ok = 0; ok <= 2; ok += 2) {
        /* a file system remounted read-only, then a full one */
        int error = ok ? ENOSPC : EROFS;

        make_two_record_track(new, T3390, 0, 4);
        new[21 + 12] = 0x11 + ok;           /* R1's first data byte */
        new[T3390 - 1] = 0x5a;              /* past the end marker */
        wr.chunk = 1000;
        wr.error = error;
        wr.ok_calls = ok;
        wr.moved_calls = 0;
        g_assert_false(ckd_write_track(img, 0, 4, new, &err));
        assert_error_mentions(err, CKD_ERROR_IO, path, "cyl 0", "head 4",
                              g_strerror(error), NULL);
        g_clear_error(&err);

        wr.error = 0;
        read_file_at(path, track_offset(0, 4), file, T3390);
        g_assert_true(ckd_read_track(img, 0, 4, got, &err));
        g_assert_no_error(err);
        g_assert_cmpmem(got, T3390, file, T3390);
        g_assert_cmphex(got[T3390 - 1], ==, 0);
        if (ok == 0) {
            g_assert_cmpmem(got, T3390, old, T3390);
        } else {
            /* the first 2000 bytes arrived, the rest did not */
            g_assert_cmphex(got[21 + 12], ==, 0x13);
        }
    }
}

static void test_sync_error(Fixture *fx, gconstpointer data)
{
    g_autofree char *path = fx_path(fx, "s.3390");
    g_autofree uint8_t *t = g_malloc(T3390);
    GError *err = NULL;
    CkdImage *img;

    g_assert_true(ckd_create(path, 0x3390, 0, 2, &err));
    g_assert_no_error(err);
    img = ckd_open(path, false, true, &err);        /* sync=on */
    g_assert_no_error(err);
    faults_reset();
    sync_error = EIO;
    ckd_set_syscalls(img, &faulty);

    make_two_record_track(t, T3390, 1, 1);
    g_assert_false(ckd_write_track(img, 1, 1, t, &err));
    assert_error_mentions(err, CKD_ERROR_IO, path, "cyl 1", "head 1", NULL);
    g_clear_error(&err);
    g_assert_false(ckd_flush(img, &err));
    assert_error_mentions(err, CKD_ERROR_IO, path, "fdatasync", NULL);
    g_clear_error(&err);

    sync_error = 0;
    g_assert_true(ckd_write_track(img, 1, 1, t, &err));
    g_assert_no_error(err);
    g_assert_true(ckd_flush(img, &err));
    g_assert_no_error(err);
    ckd_close(img);
}

void test_ckd_add_faults(void)
{
    ADD("/ckd/faults/short-reads-and-eintr-resumed",
        test_short_reads_resumed);
    ADD("/ckd/faults/short-writes-and-eintr-resumed",
        test_short_writes_resumed);
    ADD("/ckd/faults/read-error-names-file-cyl-head", test_read_error);
    ADD("/ckd/faults/failed-write-not-done-nor-cached", test_write_error);
    ADD("/ckd/faults/fdatasync-error-fails-write-and-flush",
        test_sync_error);
}
