/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Durability: records written through the whole stack (machine, vfio-user,
 * vfio-user-ccw, CKD image) survive the server being SIGKILLed while
 * writes are in flight.
 *
 * Each round starts the server on the same image and a new machine,
 * completes a few writes (Define Extent + Locate Record + Write Update
 * Data of 1-3 4 KiB records), starts one more and kills the server a
 * pseudo-random time later.  The in-flight program must end (bounded
 * wait) either normally or with deferred cc 3 (PoP ch. 16, SCSW CC; the
 * device is gone), later starts get cc 3 after the channel report.  Then
 * our own reader (ckd_open, ckd_read_track, the track iterator) checks
 * every track and every record: a record whose I/O ended with channel
 * end + device end holds exactly what was written; a record of the
 * unacknowledged program holds its old or its new pattern, never a mix.
 *
 * Rounds: $DURABILITY_ROUNDS, default 20 (about 3 s natively); 5 under
 * $MESON_EXE_WRAPPER (qemu-user is ~10x slower).  The PRNG has a fixed
 * seed ($DURABILITY_SEED overrides it), so a failing round repeats.
 */
#include "qemu/osdep.h"
#include "block/ckd.h"
#include "dasd-io.h"
#include "libcss.h"

#define CYLS 1
#define TRACKS (CYLS * DIO_HEADS)
#define NREC (TRACKS * DIO_RECS)
#define WAIT_MS 10000

typedef struct Fixture {
    char *dir;
    char *image;
    char *sock;
    GRand *rand;
    uint32_t acked[NREC];       /* last acknowledged sequence number */
    int64_t pending[NREC];      /* sequence in flight at the kill, or -1 */
    uint32_t next_seq;
    unsigned deferred_cc3;      /* in-flight writes ended by the kill */
    unsigned completed;         /* in-flight writes that ended normally */
} Fixture;

static unsigned env_uint(const char *name, unsigned dflt)
{
    const char *v = g_getenv(name);

    return v && *v ? (unsigned)g_ascii_strtoull(v, NULL, 10) : dflt;
}

static void fixture_setup(Fixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;

    f->dir = g_dir_make_tmp("durability-XXXXXX", &err);
    g_assert_no_error(err);
    f->image = g_build_filename(f->dir, "volume.3390", NULL);
    f->sock = g_build_filename(f->dir, "vuc.sock", NULL);
    f->rand = g_rand_new_with_seed(env_uint("DURABILITY_SEED", 20261121));
    f->next_seq = 1;
    dio_volume_create(f->image, CYLS);
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    unlink(f->image);
    unlink(f->sock);
    rmdir(f->dir);
    g_rand_free(f->rand);
    g_free(f->image);
    g_free(f->sock);
    g_free(f->dir);
}

/* A random write: track, first record, count, fresh sequence numbers. */
typedef struct Write {
    uint32_t track;
    uint8_t rec;
    unsigned n;
    uint32_t seq[DIO_MAX_PER_IO];
} Write;

static void pick_write(Fixture *f, Write *w)
{
    w->track = g_rand_int_range(f->rand, 0, TRACKS);
    w->rec = g_rand_int_range(f->rand, 1, DIO_RECS + 1);
    w->n = g_rand_int_range(f->rand, 1,
                            MIN(DIO_MAX_PER_IO, DIO_RECS + 1 - w->rec) + 1);
    for (unsigned i = 0; i < w->n; i++) {
        w->seq[i] = f->next_seq++;
    }
}

static unsigned rec_index(const Write *w, unsigned i)
{
    return w->track * DIO_RECS + w->rec - 1 + i;
}

/* Wait (bounded) for the one interruption and store the status. */
static void wait_and_tsch(QTestState *qts, const DioArea *a, CssIrbView *irb)
{
    uint32_t sid, intparm, intid;

    if (!css_wait_io(qts, WAIT_MS, &sid, &intparm, &intid)) {
        g_error("no I/O interruption within %d ms: the program hangs",
                WAIT_MS);
    }
    g_assert_cmphex(sid, ==, a->sid);
    g_assert_cmpint(dio_tsch(qts, a, irb), ==, 0);
}

static void one_round(Fixture *f, unsigned round)
{
    /*
     * Every other round the server holds each program for 1 ms before
     * running it, so that most of those kills hit a program in flight;
     * the others race the write itself.
     */
    static const char *const slow[] = { "--latency", "1", NULL };
    VucServer *srv = vuc_server_serve(f->image, "", f->sock,
                                      round % 2 ? slow : NULL);
    QTestState *qts = qtest_initf("-M s390-ccw-virtio,s390-squash-mcss=on "
                                  "-m 64M -nodefaults -device vfio-user-ccw,"
                                  "socket=%s,devno=0.0.1234", f->sock);
    const DioArea a = { .sid = CSS_SID(0, 0), .base = 0x100000 };
    unsigned before = g_rand_int_range(f->rand, 0, 12);
    unsigned delay_us = g_rand_int_range(f->rand, 0, 1500);
    g_autofree int64_t *seq = g_new(int64_t, NREC);
    g_autofree char *crw = NULL;
    CssIrbView irb;
    Write w;

    css_enable(qts, a.sid, 3, a.sid);
    for (unsigned i = 0; i < before; i++) {
        pick_write(f, &w);
        g_assert_cmpint(dio_start_write(qts, &a, w.track, w.rec, w.n, w.seq),
                        ==, 0);
        wait_and_tsch(qts, &a, &irb);
        g_assert_cmphex(irb.dstat, ==, 0x0c);
        g_assert_cmphex(irb.cstat, ==, 0);
        for (unsigned r = 0; r < w.n; r++) {
            f->acked[rec_index(&w, r)] = w.seq[r];
        }
    }

    /* the write in flight at the kill */
    pick_write(f, &w);
    g_assert_cmpint(dio_start_write(qts, &a, w.track, w.rec, w.n, w.seq),
                    ==, 0);
    g_usleep(delay_us);
    vuc_server_kill(srv);
    wait_and_tsch(qts, &a, &irb);
    if (dio_deferred_cc(&irb) == 3) {
        /* the device vanished under the program: no status from it */
        g_assert_cmphex(irb.ctrl & 0x0011, ==, 0x0011);  /* alert, pending */
        f->deferred_cc3++;
        for (unsigned r = 0; r < w.n; r++) {
            f->pending[rec_index(&w, r)] = w.seq[r];
        }
    } else {
        /* it ended before the kill: acknowledged, must be durable */
        g_assert_cmphex(irb.dstat, ==, 0x0c);
        g_assert_cmphex(irb.cstat, ==, 0);
        f->completed++;
        for (unsigned r = 0; r < w.n; r++) {
            f->acked[rec_index(&w, r)] = w.seq[r];
        }
    }
    /* the device is gone for good: a channel report, then cc 3 */
    crw = qtest_okf(qts, "s390x_crw_wait %d", WAIT_MS);
    g_assert_cmpstr(crw, ==, "1");
    g_assert_cmpint(dio_start_write(qts, &a, w.track, w.rec, w.n, w.seq),
                    ==, 3);
    qtest_quit(qts);
    vuc_server_stop(srv);

    /* our own reader: every track valid, every record one whole pattern */
    g_assert_cmpuint(dio_image_seqs(f->image, seq), ==, TRACKS);
    for (unsigned i = 0; i < NREC; i++) {
        if (seq[i] < 0) {
            g_error("round %u: track %u R%u is no whole record pattern "
                    "(torn or mixed write)", round, i / DIO_RECS,
                    i % DIO_RECS + 1);
        }
        if (f->pending[i] >= 0) {
            if (seq[i] != f->acked[i] && seq[i] != f->pending[i]) {
                g_error("round %u: track %u R%u has seq %" PRId64 ", "
                        "neither old %u nor new %" PRId64, round,
                        i / DIO_RECS, i % DIO_RECS + 1, seq[i], f->acked[i],
                        f->pending[i]);
            }
            f->acked[i] = seq[i];
            f->pending[i] = -1;
        } else if (seq[i] != f->acked[i]) {
            g_error("round %u: acknowledged track %u R%u lost: seq %" PRId64
                    ", expected %u", round, i / DIO_RECS, i % DIO_RECS + 1,
                    seq[i], f->acked[i]);
        }
    }
}

static void test_sigkill_loses_no_acknowledged_record(Fixture *f,
                                                      gconstpointer data)
{
    bool wrapped = g_getenv("MESON_EXE_WRAPPER") &&
                   *g_getenv("MESON_EXE_WRAPPER");
    unsigned rounds = env_uint("DURABILITY_ROUNDS", wrapped ? 5 : 20);

    for (unsigned i = 0; i < NREC; i++) {
        f->pending[i] = -1;
    }
    for (unsigned r = 0; r < rounds; r++) {
        one_round(f, r);
    }
    g_test_message("%u rounds, %u sequence numbers written: %u in-flight "
                   "writes ended with deferred cc 3, %u completed first",
                   rounds, f->next_seq - 1, f->deferred_cc3, f->completed);
    g_assert_cmpuint(f->deferred_cc3 + f->completed, ==, rounds);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add("/durability/sigkill/loses-no-acknowledged-record", Fixture,
               NULL, fixture_setup, test_sigkill_loses_no_acknowledged_record,
               fixture_teardown);
    return g_test_run();
}
