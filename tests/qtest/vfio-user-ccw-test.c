/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A 3390 passed through with -device vfio-user-ccw, served by the real
 * vfio-user-ccw program: what the guest sees through the I/O
 * instructions (SCHIB, Sense ID, unit check and sense, halt and clear of
 * an active program) and what happens when the server goes away.
 * Expected values: PoP ch. 14-16, facts-css-vfio-ccw.md §3, and the 3390
 * Sense ID of facts-dasd-eckd.md §1.3.
 */
#include "qemu/osdep.h"
#include "libcss.h"
#include "libvuc.h"

#define SID0 CSS_SID(0, 0)
#define ORB 0x1000
#define CCWS 0x2000
#define DATA 0x3000
#define IRB 0x5000
#define SCHIB 0x6000

#define DSTAT_CE_DE 0x0c
#define DSTAT_UC 0x02

typedef struct Fixture {
    VucServer *srv;
    QTestState *qts;
} Fixture;

/* Host: subchannel 0.0.0042, device 0.0.4321, two paths 0x50 and 0x51. */
static const char *const server_args[] = {
    "--schid", "0.0.0042", "--devno", "0.0.4321", "--chpid", "0x50,0x51",
    NULL,
};

static void start(Fixture *f, const char *const *args)
{
    f->srv = vuc_server_start(10, args ? args : server_args);
    f->qts = qtest_initf("-M s390-ccw-virtio,s390-squash-mcss=on -m 64M "
                         "-nodefaults -device vfio-user-ccw,socket=%s,"
                         "devno=0.0.1234", f->srv->sock);
}

static void stop(Fixture *f)
{
    qtest_quit(f->qts);
    vuc_server_stop(f->srv);
}

/* SENSE ID with SLI into DATA, 256 bytes. */
static void write_sense_id(QTestState *s)
{
    css_write_ccw1(s, CCWS, 0xe4, CCW_FLAG_SLI, 256, DATA);
    css_write_orb(s, ORB, 0x0a0b0c0d, ORB_W1_FMT1_PFCH_LPM, CCWS);
}

static int run(QTestState *s, CssIrbView *irb)
{
    uint32_t sid, intparm, intid;

    g_assert_cmpint(css_insn(s, "ssch", SID0, ORB), ==, 0);
    g_assert_true(css_wait_io(s, 5000, &sid, &intparm, &intid));
    g_assert_cmphex(sid, ==, SID0);
    g_assert_cmphex(intparm, ==, 0x0a0b0c0d);
    g_assert_cmphex(intid, ==, 3u << 27);
    return css_tsch(s, SID0, IRB, irb);
}

/* STSCH: the guest's devno, the host's paths; disabled until MSCH. */
static void test_stsch_shows_built_schib(void)
{
    Fixture f;

    start(&f, NULL);
    g_assert_cmpint(css_insn(f.qts, "stsch", SID0, SCHIB), ==, 0);
    /* word 1: DNV set, E clear, ISC 0, devno 0x1234 (not the host's) */
    g_assert_cmphex(qtest_readl(f.qts, SCHIB + 4), ==, 0x00011234);
    g_assert_cmphex(qtest_readb(f.qts, SCHIB + 11), ==, 0xc0);   /* PIM */
    g_assert_cmphex(qtest_readb(f.qts, SCHIB + 16), ==, 0x50);   /* CHPID0 */
    g_assert_cmphex(qtest_readb(f.qts, SCHIB + 17), ==, 0x51);   /* CHPID1 */
    g_assert_cmphex(qtest_readb(f.qts, SCHIB + 18), ==, 0x00);
    /* no other subchannel */
    g_assert_cmpint(css_insn(f.qts, "stsch", CSS_SID(0, 1), SCHIB), ==, 3);
    stop(&f);
}

static void test_msch_enables(void)
{
    Fixture f;

    start(&f, NULL);
    css_enable(f.qts, SID0, 3, 0x0a0b0c0d);
    g_assert_cmpint(css_insn(f.qts, "stsch", SID0, SCHIB), ==, 0);
    g_assert_cmphex(qtest_readl(f.qts, SCHIB), ==, 0x0a0b0c0d);
    g_assert_cmphex(qtest_readw(f.qts, SCHIB + 4), ==, 0x1881); /* ISC3 E V */
    stop(&f);
}

/* The acceptance path: SENSE ID answers CU 3990, device 3390. */
static void test_ssch_sense_id_3990_3390(void)
{
    Fixture f;
    CssIrbView irb;
    uint8_t id[7];

    start(&f, NULL);
    css_enable(f.qts, SID0, 3, 0x0a0b0c0d);
    write_sense_id(f.qts);
    g_assert_cmpint(run(f.qts, &irb), ==, 0);
    g_assert_cmphex(irb.ctrl & 0x7000, ==, 0x4000);           /* FC start */
    g_assert_cmphex(irb.ctrl & 0x001f, ==, 0x0007);           /* prim|sec|pend */
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(irb.cstat, ==, 0);
    g_assert_cmphex(irb.cpa, ==, CCWS + 8);                   /* guest address */
    qtest_memread(f.qts, DATA, id, sizeof(id));
    g_assert_cmphex(id[0], ==, 0xff);
    g_assert_cmphex(id[1] << 8 | id[2], ==, 0x3990);
    g_assert_cmphex(id[4] << 8 | id[5], ==, 0x3390);
    /* SLI: the residual is what the device did not fill */
    g_assert_cmpuint(irb.count, >, 0);
    g_assert_cmpuint(irb.count, <, 256 - 7 + 1);
    stop(&f);
}

/* An invalid command: unit check, command reject in the sense. */
static void test_unit_check_command_reject_sense(void)
{
    Fixture f;
    CssIrbView irb;

    start(&f, NULL);
    css_enable(f.qts, SID0, 3, 0x0a0b0c0d);
    css_write_ccw1(f.qts, CCWS, 0xf1, 0, 8, DATA);   /* no such 3990 command */
    css_write_orb(f.qts, ORB, 0x0a0b0c0d, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(run(f.qts, &irb), ==, 0);
    g_assert_cmphex(irb.dstat & DSTAT_UC, ==, DSTAT_UC);
    /* the host presented sense with the status: command reject, byte 0 */
    g_assert_cmphex(irb.erw & 0x01000000, ==, 0x01000000);
    g_assert_cmphex(irb.ecw[0] & 0x80, ==, 0x80);
    stop(&f);
}

/*
 * Format-write R1 of track 0 (DX, LR Format Write oriented on R0, Write
 * CKD with count field KL 0, DL 64) with a CCW count 32 bytes longer than
 * the record (facts-dasd-eckd.md §2.3, §2.8).
 */
#define R1_DL 64
#define OVER 32

static void write_format_r1(QTestState *s, uint8_t wckd_flags, uint8_t fill)
{
    uint8_t dx[16] = { 0 }, lr[16] = { 0 }, rec[8 + R1_DL + OVER];

    dx[1] = 0xc0;                       /* ECKD mode, normal cache */
    lr[0] = 0x03;                       /* Format Write, orient on count */
    lr[1] = 0x80;                       /* transfer-length factor valid */
    lr[3] = 1;                          /* one record */
    lr[13] = 0xff;                      /* no sector */
    stw_be_p(lr + 14, R1_DL);
    memset(rec, fill, sizeof(rec));
    memcpy(rec, "\0\0\0\0\x01\0", 6);  /* CCHH 0000 0000, R 1, KL 0 */
    stw_be_p(rec + 6, R1_DL);
    qtest_memwrite(s, DATA, dx, sizeof(dx));
    qtest_memwrite(s, DATA + 0x10, lr, sizeof(lr));
    qtest_memwrite(s, DATA + 0x100, rec, sizeof(rec));
    css_write_ccw1(s, CCWS, 0x63, CCW_FLAG_CC, 16, DATA);
    css_write_ccw1(s, CCWS + 8, 0x47, CCW_FLAG_CC, 16, DATA + 0x10);
    css_write_ccw1(s, CCWS + 16, 0x1d, wckd_flags, sizeof(rec),
                   DATA + 0x100);
    css_write_orb(s, ORB, 0x0a0b0c0d, ORB_W1_FMT1_PFCH_LPM, CCWS);
}

/*
 * An output CCW whose count is longer than what the device takes: the
 * channel moves only the record, so the residual count is the excess and
 * incorrect length is indicated unless SLI suppresses it (PoP ch. 15,
 * "Incorrect Length"; "Count").  The record is written with its own
 * length; the bytes past it are not.
 */
static void test_write_longer_than_record(void)
{
    Fixture f;
    CssIrbView irb;
    uint8_t got[R1_DL + 8];

    start(&f, NULL);
    css_enable(f.qts, SID0, 3, 0x0a0b0c0d);

    write_format_r1(f.qts, 0, 0x5a);
    g_assert_cmpint(run(f.qts, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(irb.cstat, ==, 0x40);                     /* IL */
    g_assert_cmpuint(irb.count, ==, OVER);
    g_assert_cmphex(irb.cpa, ==, CCWS + 24);

    write_format_r1(f.qts, CCW_FLAG_SLI, 0x6b);
    g_assert_cmpint(run(f.qts, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(irb.cstat, ==, 0);
    g_assert_cmpuint(irb.count, ==, OVER);

    /* Read Data of R1, 8 bytes more than it has, SLI: the record only */
    qtest_memset(f.qts, DATA + 0x200, 0xee, sizeof(got));
    qtest_writeb(f.qts, DATA, 0x40);                  /* DX: inhibit writes */
    qtest_writeb(f.qts, DATA + 0x10, 0x06);           /* LR: Read */
    qtest_writeb(f.qts, DATA + 0x10 + 12, 1);         /* search R1 */
    css_write_ccw1(f.qts, CCWS + 16, 0x86, CCW_FLAG_SLI, sizeof(got),
                   DATA + 0x200);
    g_assert_cmpint(run(f.qts, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmpuint(irb.count, ==, 8);
    qtest_memread(f.qts, DATA + 0x200, got, sizeof(got));
    for (unsigned i = 0; i < R1_DL; i++) {
        g_assert_cmphex(got[i], ==, 0x6b);
    }
    g_assert_cmphex(got[R1_DL], ==, 0xee);
    stop(&f);
}

/*
 * No-Op with a count: an immediate operation.  No data moves, so the
 * residual is the whole count; a format-1 CCW without ORB L gets
 * incorrect length unless SLI is set (PoP ch. 15, "Immediate
 * Operations").
 */
static void test_noop_moves_nothing(void)
{
    Fixture f;
    CssIrbView irb;

    start(&f, NULL);
    css_enable(f.qts, SID0, 3, 0x0a0b0c0d);
    for (int sli = 0; sli <= 1; sli++) {
        css_write_ccw1(f.qts, CCWS, 0x03, sli ? CCW_FLAG_SLI : 0, 8, DATA);
        css_write_orb(f.qts, ORB, 0x0a0b0c0d, ORB_W1_FMT1_PFCH_LPM, CCWS);
        g_assert_cmpint(run(f.qts, &irb), ==, 0);
        g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
        g_assert_cmphex(irb.cstat, ==, sli ? 0 : 0x40);
        g_assert_cmpuint(irb.count, ==, 8);
    }
    stop(&f);
}

/* A slow device: programs end 3 s after they were started. */
static const char *const slow_args[] = {
    "--schid", "0.0.0042", "--devno", "0.0.4321", "--chpid", "0x50,0x51",
    "--latency", "3000", NULL,
};

/* Start SENSE ID on the slow device; it is still in progress after. */
static void start_slow_program(Fixture *f)
{
    uint32_t sid, intparm, intid;

    start(f, slow_args);
    css_enable(f->qts, SID0, 3, 0x0a0b0c0d);
    qtest_memset(f->qts, DATA, 0x5a, 8);
    write_sense_id(f->qts);
    g_assert_cmpint(css_insn(f->qts, "ssch", SID0, ORB), ==, 0);
    g_assert_false(css_wait_io(f->qts, 100, &sid, &intparm, &intid));
    /* busy with it: another start is refused */
    g_assert_cmpint(css_insn(f->qts, "ssch", SID0, ORB), ==, 2);
}

/*
 * HSCH while the host has not yet begun the program: the start is
 * withdrawn, halt and start function, status pending, no device end
 * (PoP ch. 15, "Halt Function"); no data reached guest storage.
 */
static void test_hsch_active_program(void)
{
    Fixture f;
    uint32_t sid, intparm, intid;
    CssIrbView irb;

    start_slow_program(&f);
    g_assert_cmpint(css_insn(f.qts, "hsch", SID0, 0), ==, 0);
    g_assert_true(css_wait_io(f.qts, 2000, &sid, &intparm, &intid));
    g_assert_cmpint(css_tsch(f.qts, SID0, IRB, &irb), ==, 0);
    g_assert_cmphex(irb.ctrl & 0x7000, ==, 0x6000);   /* FC start | halt */
    g_assert_cmphex(irb.ctrl & 0x001f, ==, 0x0001);   /* status pending */
    g_assert_cmphex(irb.dstat, ==, 0);
    g_assert_cmphex(qtest_readl(f.qts, DATA), ==, 0x5a5a5a5a);
    /* the halted program does not come back later */
    g_assert_false(css_wait_io(f.qts, 3500, &sid, &intparm, &intid));
    /* and the device works again */
    g_assert_cmpint(css_insn(f.qts, "ssch", SID0, ORB), ==, 0);
    stop(&f);
}

/* CSCH of the program in progress: clear function, status pending only. */
static void test_csch_active_program(void)
{
    Fixture f;
    uint32_t sid, intparm, intid;
    CssIrbView irb;

    start_slow_program(&f);
    g_assert_cmpint(css_insn(f.qts, "csch", SID0, 0), ==, 0);
    g_assert_true(css_wait_io(f.qts, 2000, &sid, &intparm, &intid));
    g_assert_cmpint(css_tsch(f.qts, SID0, IRB, &irb), ==, 0);
    g_assert_cmphex(irb.ctrl & 0x7000, ==, 0x1000);   /* FC clear */
    g_assert_cmphex(irb.ctrl & 0x0fe0, ==, 0);        /* no activity */
    g_assert_cmphex(irb.ctrl & 0x001f, ==, 0x0001);   /* status pending */
    g_assert_cmphex(irb.dstat, ==, 0);
    g_assert_cmphex(irb.cstat, ==, 0);
    g_assert_cmphex(qtest_readl(f.qts, DATA), ==, 0x5a5a5a5a);
    g_assert_false(css_wait_io(f.qts, 3500, &sid, &intparm, &intid));
    stop(&f);
}

/* The slow program, left alone, ends normally. */
static void test_slow_program_completes(void)
{
    Fixture f;
    uint32_t sid, intparm, intid;
    CssIrbView irb;

    start_slow_program(&f);
    g_assert_true(css_wait_io(f.qts, 10000, &sid, &intparm, &intid));
    g_assert_cmpint(css_tsch(f.qts, SID0, IRB, &irb), ==, 0);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    g_assert_cmphex(qtest_readb(f.qts, DATA), ==, 0xff);
    stop(&f);
}

/* The server dies: cc 3 from then on and a channel report; no hang. */
static void test_server_death_cc3_and_crw(void)
{
    Fixture f;
    g_autofree char *w = NULL;
    uint32_t crw;

    start(&f, NULL);
    css_enable(f.qts, SID0, 3, 0x0a0b0c0d);
    vuc_server_kill(f.srv);
    w = qtest_okf(f.qts, "s390x_crw_wait 5000");
    g_assert_cmpstr(w, ==, "1");
    g_assert_cmpint(css_insn(f.qts, "stcrw", 0, 0x7000), ==, 0);
    crw = qtest_readl(f.qts, 0x7000);
    g_assert_cmphex((crw >> 24) & 0x0f, ==, 0x3);      /* RSC subchannel */
    g_assert_cmphex((crw >> 16) & 0x3f, ==, 0x06);     /* permanent error */
    g_assert_cmphex(crw & 0xffff, ==, 0x0000);         /* schid */
    write_sense_id(f.qts);
    g_assert_cmpint(css_insn(f.qts, "ssch", SID0, ORB), ==, 3);
    g_assert_cmpint(css_insn(f.qts, "hsch", SID0, 0), ==, 3);
    stop(&f);
}

static void test_bad_socket_one_line(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int st = qtest_run_binary("-M s390-ccw-virtio "
                              "-device vfio-user-ccw,socket=/nonexistent/s",
                              NULL, &out, &err);

    g_assert_cmpint(st, ==, 1);
    g_assert_nonnull(strstr(err, "cannot connect to /nonexistent/s"));
    g_assert_true(strchr(err, '\n') == err + strlen(err) - 1);
}

static void test_kernel_mdev_missing_one_line(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int st = qtest_run_binary("-M s390-ccw-virtio -device vfio-ccw,sysfsdev="
                              "/sys/bus/mdev/devices/"
                              "00000000-0000-0000-0000-000000000000",
                              NULL, &out, &err);

    g_assert_cmpint(st, ==, 1);
    g_assert_nonnull(strstr(err, "vfio-ccw: cannot resolve sysfsdev"));
    g_assert_true(strchr(err, '\n') == err + strlen(err) - 1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-user-ccw/stsch/shows-built-schib",
                    test_stsch_shows_built_schib);
    g_test_add_func("/vfio-user-ccw/msch/enables", test_msch_enables);
    g_test_add_func("/vfio-user-ccw/ssch/sense-id-3990-3390",
                    test_ssch_sense_id_3990_3390);
    g_test_add_func("/vfio-user-ccw/ssch/unit-check-command-reject-sense",
                    test_unit_check_command_reject_sense);
    g_test_add_func("/vfio-user-ccw/ssch/write-longer-than-record-residual",
                    test_write_longer_than_record);
    g_test_add_func("/vfio-user-ccw/ssch/noop-moves-nothing",
                    test_noop_moves_nothing);
    g_test_add_func("/vfio-user-ccw/hsch/active-program",
                    test_hsch_active_program);
    g_test_add_func("/vfio-user-ccw/csch/active-program",
                    test_csch_active_program);
    g_test_add_func("/vfio-user-ccw/latency/slow-program-completes",
                    test_slow_program_completes);
    g_test_add_func("/vfio-user-ccw/server-death/cc3-and-crw",
                    test_server_death_cc3_and_crw);
    g_test_add_func("/vfio-user-ccw/cmdline/bad-socket-one-line",
                    test_bad_socket_one_line);
    g_test_add_func("/vfio-ccw/cmdline/mdev-missing-one-line",
                    test_kernel_mdev_missing_one_line);
    return g_test_run();
}
