/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Soak: eight 3390s, each served by its own vfio-user-ccw process, under
 * pseudo-random reads and writes of 1-3 4 KiB records with a program in
 * flight on every subchannel at once, for a bounded time.  Every read is
 * checked against what was last written (zero mismatches), and at the
 * end our own reader checks every record of every image.  The resident
 * set (VmRSS) of every server and of the machine is logged after a
 * warm-up pass and at the end; growth must stay under 8 MiB (32 MiB
 * under ASan or qemu-user, whose shadow memory and translation cache
 * grow on their own; ASan's quarantine is cut to 4 MiB in the children).
 *
 * Time: $SOAK_SECONDS, default 3.  The PRNG seed is fixed
 * ($SOAK_SEED overrides it); the operations done depend on the time
 * given, not their order for a given count.
 */
#include "qemu/osdep.h"
#include "dasd-io.h"

#define NDEV 8
#define CYLS 1
#define TRACKS (CYLS * DIO_HEADS)
#define NREC (TRACKS * DIO_RECS)
#define WAIT_MS 10000

#if defined(__SANITIZE_ADDRESS__)
#define RSS_SLACK_KIB (32 * 1024)
#else
#define RSS_SLACK_KIB (8 * 1024)
#endif
#define RSS_SLACK_WRAPPED_KIB (32 * 1024)

typedef struct Op {
    bool write;
    uint32_t track;
    uint8_t rec;
    unsigned n;
    uint32_t seq[DIO_MAX_PER_IO];
} Op;

typedef struct Dev {
    char *image;
    char *sock;
    VucServer *srv;
    DioArea a;
    uint32_t model[NREC];       /* sequence number each record holds */
    Op op;                      /* the program in flight */
    long rss_start;
} Dev;

typedef struct Fixture {
    char *dir;
    Dev dev[NDEV];
    QTestState *qts;
    GRand *rand;
    uint32_t next_seq;
    unsigned reads, writes, mismatches;
} Fixture;

static unsigned env_uint(const char *name, unsigned dflt)
{
    const char *v = g_getenv(name);

    return v && *v ? (unsigned)g_ascii_strtoull(v, NULL, 10) : dflt;
}

static void fixture_setup(Fixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(GString) args = g_string_new("-M s390-ccw-virtio,"
                                           "s390-squash-mcss=on -m 64M "
                                           "-nodefaults");

    f->dir = g_dir_make_tmp("soak-XXXXXX", &err);
    g_assert_no_error(err);
    f->rand = g_rand_new_with_seed(env_uint("SOAK_SEED", 8086));
    f->next_seq = 1;
    for (unsigned i = 0; i < NDEV; i++) {
        Dev *d = &f->dev[i];

        d->image = g_strdup_printf("%s/vol%u.3390", f->dir, i);
        d->sock = g_strdup_printf("%s/vuc%u.sock", f->dir, i);
        dio_volume_create(d->image, CYLS);
        d->srv = vuc_server_serve(d->image, "", d->sock, NULL);
        g_string_append_printf(args, " -device vfio-user-ccw,socket=%s,"
                               "devno=0.0.%04x", d->sock, 0x1000 + i);
    }
    f->qts = qtest_init(args->str);
    /* find each device's subchannel by its device number */
    for (unsigned schno = 0; schno < NDEV; schno++) {
        uint32_t sid = CSS_SID(0, schno);
        unsigned i;

        g_assert_cmpint(css_insn(f->qts, "stsch", sid, 0xf000), ==, 0);
        i = (qtest_readl(f->qts, 0xf004) & 0xffff) - 0x1000;
        g_assert_cmpuint(i, <, NDEV);
        f->dev[i].a = (DioArea) { .sid = sid, .base = 0x100000 + i * 0x10000 };
        css_enable(f->qts, sid, 3, sid);
    }
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    qtest_quit(f->qts);
    for (unsigned i = 0; i < NDEV; i++) {
        vuc_server_stop(f->dev[i].srv);
        unlink(f->dev[i].image);
        g_free(f->dev[i].image);
        g_free(f->dev[i].sock);
    }
    rmdir(f->dir);
    g_rand_free(f->rand);
    g_free(f->dir);
}

static void start_op(Fixture *f, Dev *d)
{
    Op *op = &d->op;

    op->write = g_rand_int_range(f->rand, 0, 5) < 3;
    op->track = g_rand_int_range(f->rand, 0, TRACKS);
    op->rec = g_rand_int_range(f->rand, 1, DIO_RECS + 1);
    op->n = g_rand_int_range(f->rand, 1,
                             MIN(DIO_MAX_PER_IO, DIO_RECS + 1 - op->rec) + 1);
    if (op->write) {
        for (unsigned i = 0; i < op->n; i++) {
            op->seq[i] = f->next_seq++;
        }
        g_assert_cmpint(dio_start_write(f->qts, &d->a, op->track, op->rec,
                                        op->n, op->seq), ==, 0);
    } else {
        g_assert_cmpint(dio_start_read(f->qts, &d->a, op->track, op->rec,
                                       op->n), ==, 0);
    }
}

static void finish_op(Fixture *f, Dev *d)
{
    Op *op = &d->op;
    uint32_t *model = d->model + op->track * DIO_RECS + op->rec - 1;
    uint8_t buf[DIO_RECLEN];
    CssIrbView irb;

    g_assert_cmpint(dio_tsch(f->qts, &d->a, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, 0x0c);
    g_assert_cmphex(irb.cstat, ==, 0);
    g_assert_cmpuint(irb.count, ==, 0);
    for (unsigned i = 0; i < op->n; i++) {
        if (op->write) {
            model[i] = op->seq[i];
            continue;
        }
        dio_read_data(f->qts, &d->a, i, buf);
        if (dio_pattern_seq(buf, op->track, op->rec + i) != model[i]) {
            g_test_message("mismatch: device %u track %u R%u, expected "
                           "seq %u", (unsigned)(d - f->dev), op->track,
                           op->rec + i, model[i]);
            f->mismatches++;
        }
    }
    f->reads += !op->write;
    f->writes += op->write;
}

/* One program on every device at once, then all their interruptions. */
static void pass(Fixture *f)
{
    for (unsigned i = 0; i < NDEV; i++) {
        start_op(f, &f->dev[i]);
    }
    for (unsigned done = 0; done < NDEV; done++) {
        uint32_t sid, intparm, intid;

        if (!css_wait_io(f->qts, WAIT_MS, &sid, &intparm, &intid)) {
            g_error("no I/O interruption within %d ms (%u of %u came)",
                    WAIT_MS, done, NDEV);
        }
        g_assert_cmpuint(sid & 0xffff, <, NDEV);
        for (unsigned i = 0; i < NDEV; i++) {
            if (f->dev[i].a.sid == sid) {
                finish_op(f, &f->dev[i]);
            }
        }
    }
}

static void test_random_io_no_mismatch_bounded_rss(Fixture *f,
                                                    gconstpointer data)
{
    const char *wrapper = g_getenv("MESON_EXE_WRAPPER");
    long slack = wrapper && *wrapper ? RSS_SLACK_WRAPPED_KIB : RSS_SLACK_KIB;
    gint64 end = g_get_monotonic_time() +
                 (gint64)env_uint("SOAK_SECONDS", 3) * G_USEC_PER_SEC;
    g_autofree int64_t *seq = g_new(int64_t, NREC);
    long qemu_rss_start, qemu_rss_end;
    unsigned passes = 0;

    /* warm-up: every code path once before the baseline */
    for (int i = 0; i < 4; i++) {
        pass(f);
    }
    for (unsigned i = 0; i < NDEV; i++) {
        f->dev[i].rss_start = dio_rss_kib(f->dev[i].srv->pid);
        g_assert_cmpint(f->dev[i].rss_start, >, 0);
    }
    qemu_rss_start = dio_rss_kib(qtest_pid(f->qts));
    while (g_get_monotonic_time() < end) {
        pass(f);
        passes++;
    }
    qemu_rss_end = dio_rss_kib(qtest_pid(f->qts));
    g_test_message("%u passes: %u reads, %u writes, %u mismatches", passes,
                   f->reads, f->writes, f->mismatches);
    g_test_message("machine pid %d VmRSS %ld -> %ld KiB",
                   (int)qtest_pid(f->qts), qemu_rss_start, qemu_rss_end);
    for (unsigned i = 0; i < NDEV; i++) {
        long rss = dio_rss_kib(f->dev[i].srv->pid);

        g_test_message("server %u pid %d VmRSS %ld -> %ld KiB", i,
                       (int)f->dev[i].srv->pid, f->dev[i].rss_start, rss);
        g_assert_cmpint(rss, <=, f->dev[i].rss_start + slack);
    }
    g_assert_cmpint(qemu_rss_end, <=, qemu_rss_start + slack);
    g_assert_cmpuint(f->mismatches, ==, 0);
    g_assert_cmpuint(f->reads, >, 0);
    g_assert_cmpuint(f->writes, >, 0);

    /* what the images hold, by our own reader */
    for (unsigned i = 0; i < NDEV; i++) {
        g_assert_cmpuint(dio_image_seqs(f->dev[i].image, seq), ==, TRACKS);
        for (unsigned r = 0; r < NREC; r++) {
            g_assert_cmpint(seq[r], ==, f->dev[i].model[r]);
        }
    }
}

int main(int argc, char **argv)
{
#if defined(__SANITIZE_ADDRESS__)
    /*
     * ASan keeps freed blocks in a quarantine of up to 256 MiB, which the
     * machine's per-I/O allocations fill at once: a small one in the
     * children we spawn makes their VmRSS show real growth again.
     */
    const char *asan = g_getenv("ASAN_OPTIONS");
    g_autofree char *opts = g_strdup_printf("%s%squarantine_size_mb=4",
                                            asan ? asan : "",
                                            asan && *asan ? ":" : "");

    g_setenv("ASAN_OPTIONS", opts, true);
#endif
    g_test_init(&argc, &argv, NULL);
    g_test_add("/soak/eight-servers/random-io-no-mismatch-bounded-rss",
               Fixture, NULL, fixture_setup,
               test_random_io_no_mismatch_bounded_rss, fixture_teardown);
    return g_test_run();
}
