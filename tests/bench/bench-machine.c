/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The full passthrough path, timed in-process: the machine is created as
 * qemu-system-s390x creates it (s390-ccw-virtio, -device vfio-user-ccw),
 * and the benchmark plays the CPU by calling the I/O-instruction handlers
 * directly, so no qtest text is parsed inside the timed loop.  One
 * iteration is SSCH, running the GLib main context until the IO eventfd
 * has delivered the IRB and an I/O interruption is pending, accepting it
 * (what TPI or an interruption does), and TSCH.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "hw/boards.h"
#include "hw/qdev-properties.h"
#include "hw/s390x/s390-virtio-ccw.h"
#include "system/device-create.h"
#include "system/memory.h"
#include "target/s390x/ioinst.h"
#include "ccw-bench.h"

/* squash-mcss puts the device in css 0: subchannel 0.0.0000. */
#define SID0 0x00010000u
#define ISC 3u
#define INTPARM 0x0bec0becu
#define ORB_W1_FMT1_PFCH_LPM 0x00c0ff00u
#define DSTAT_CE_DE 0x0c
#define WAIT_LIMIT_NS (10ull * 1000000000ull)
#define START_LIMIT_MS 20000

typedef struct Server {
    GPid pid;
} Server;

static void child_setup(gpointer data)
{
    prctl(PR_SET_PDEATHSIG, SIGTERM);
}

static bool server_start(Server *s, const char *bin, const char *volume,
                         const char *sock, GError **errp)
{
    const char *argv[] = { bin, "--socket", sock, "--dasd", volume,
                           "--devno", "0.0.4321", "--chpid", "0x50", NULL };
    int status;

    if (!g_spawn_async(NULL, (char **)argv, NULL,
                       G_SPAWN_DO_NOT_REAP_CHILD, child_setup, NULL,
                       &s->pid, errp)) {
        return false;
    }
    for (int waited = 0; !g_file_test(sock, G_FILE_TEST_EXISTS);
         waited += 10) {
        if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
            s->pid = 0;
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_FAILED,
                        "%s exited (status 0x%x) before listening", bin,
                        status);
            return false;
        }
        if (waited > START_LIMIT_MS) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        "%s did not create %s", bin, sock);
            return false;
        }
        g_usleep(10 * 1000);
    }
    return true;
}

static void server_stop(Server *s)
{
    int status;

    if (!s->pid) {
        return;
    }
    kill(s->pid, SIGTERM);
    waitpid(s->pid, &status, 0);
    g_spawn_close_pid(s->pid);
    s->pid = 0;
}

static bool new_machine(const char *sock, MachineState **out, GError **errp)
{
    GType t = machine_type_from_name("s390-ccw-virtio");
    g_autoptr(MachineState) ms = NULL;
    g_autofree char *opt = g_strdup_printf("vfio-user-ccw,socket=%s,"
                                           "devno=0.0.1234", sock);
    g_autofree char *type = NULL;
    g_autoptr(GPtrArray) pairs = NULL;
    g_autoptr(DeviceState) dev = NULL;
    GType dt;

    if (!t) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                    "no s390-ccw-virtio machine type");
        return false;
    }
    ms = g_object_new(t, "s390-squash-mcss", TRUE, NULL);
    ms->ram_size = 16 * 1024 * 1024;
    if (!machine_run_init(ms, errp)) {
        return false;
    }
    pairs = qemu_opts_split(opt, &type, errp);
    if (!pairs) {
        return false;
    }
    dt = qdev_device_type_from_name(type, errp);
    if (!dt) {
        return false;
    }
    dev = qdev_device_new_from_pairs(dt, pairs, errp);
    if (!dev || !machine_device_add(ms, dev, errp)) {
        return false;
    }
    qemu_system_reset(ms);
    *out = g_steal_pointer(&ms);
    return true;
}

/* STSCH, set ISC and the enabled bit, MSCH: what a driver does first. */
static bool enable_subchannel(S390CPU *cpu, ChannelSubSys *css,
                              GError **errp)
{
    uint16_t w1;
    IOInstResult r = ioinst_handle_stsch(cpu, css, SID0, BENCH_SCHIB);

    if (r.pgm || r.cc) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_FAILED,
                    "STSCH 0.0.0000: pgm 0x%x cc %u", r.pgm, r.cc);
        return false;
    }
    guest_ram_lduw_be(cpu->ram, BENCH_SCHIB + 4, &w1);
    guest_ram_stl_be(cpu->ram, BENCH_SCHIB, INTPARM);
    guest_ram_stw_be(cpu->ram, BENCH_SCHIB + 4,
                     (uint16_t)((ISC << 11) | 0x0080 | (w1 & 1)));
    r = ioinst_handle_msch(cpu, css, SID0, BENCH_SCHIB);
    if (r.pgm || r.cc) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_FAILED,
                    "MSCH 0.0.0000: pgm 0x%x cc %u", r.pgm, r.cc);
        return false;
    }
    return true;
}

/* ORB, CCWs and parameters of @p into guest RAM. */
static void load_program(GuestRAM *ram, const BenchProgram *p)
{
    for (unsigned i = 0; i < p->nccw; i++) {
        const BenchCcw *c = &p->ccw[i];
        uint64_t at = BENCH_CCWS + 8u * i;
        uint32_t addr = c->cmd == BENCH_CCW_TIC ? BENCH_CCWS + 8u * c->addr
                                                : c->addr;

        guest_ram_stl_be(ram, at, (uint32_t)c->cmd << 24 |
                         (uint32_t)c->flags << 16 | c->count);
        guest_ram_stl_be(ram, at + 4, addr);
    }
    guest_ram_write(ram, BENCH_PARAMS, p->params, sizeof(p->params));
    guest_ram_memset(ram, BENCH_DATA, 0x5a, BENCH_RECLEN);
    guest_ram_stl_be(ram, BENCH_ORB, INTPARM);
    guest_ram_stl_be(ram, BENCH_ORB + 4, ORB_W1_FMT1_PFCH_LPM);
    guest_ram_stl_be(ram, BENCH_ORB + 8, BENCH_CCWS);
}

/* A wake-up source so that a lost interruption ends the run, not hangs it. */
static gboolean tick(gpointer opaque)
{
    return G_SOURCE_CONTINUE;
}

/*
 * One I/O.  Returns: the data bytes it moved (from the residual count of
 * the last CCW), or -1 with @errp set.
 */
static int64_t one_io(S390CPU *cpu, ChannelSubSys *css, const BenchProgram *p,
                      uint64_t phase[3], GError **errp)
{
    uint8_t mask = s390_cpu_isc_mask(cpu);
    uint64_t ts = bench_now_ns();
    IOInstResult r = ioinst_handle_ssch(cpu, css, SID0, BENCH_ORB);
    const BenchCcw *last = &p->ccw[p->nccw - 1];
    uint64_t t0 = bench_now_ns(), t1;
    uint32_t w2;
    int64_t bytes = 0;
    IOIntCode code;

    if (r.pgm || r.cc) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_FAILED,
                    "%s: SSCH pgm 0x%x cc %u", p->name, r.pgm, r.cc);
        return -1;
    }
    while (!css_io_pending(css, mask)) {
        g_main_context_iteration(NULL, TRUE);
        if (bench_now_ns() - t0 > WAIT_LIMIT_NS) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        "%s: no I/O interruption within 10 s", p->name);
            return -1;
        }
    }
    t1 = bench_now_ns();
    if (!ioinst_accept_io_interruption(cpu, css, &code)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_FAILED,
                    "%s: interruption pending but not accepted", p->name);
        return -1;
    }
    r = ioinst_handle_tsch(cpu, css, SID0, BENCH_IRB);
    phase[0] = t0 - ts;
    phase[1] = t1 - t0;
    phase[2] = bench_now_ns() - t1;
    guest_ram_ldl_be(cpu->ram, BENCH_IRB + 8, &w2);
    if (r.pgm || r.cc || (w2 >> 24) != DSTAT_CE_DE || ((w2 >> 16) & 0xff)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_FAILED,
                    "%s: TSCH pgm 0x%x cc %u, device status 0x%02x, "
                    "channel status 0x%02x (want cc 0, 0x0c, 0x00)",
                    p->name, r.pgm, r.cc, w2 >> 24, (w2 >> 16) & 0xff);
        return -1;
    }
    for (unsigned i = 0; i < p->nccw; i++) {
        if (p->ccw[i].cmd != BENCH_CCW_TIC && p->ccw[i].addr >= BENCH_DATA) {
            bytes += p->ccw[i].count;
        }
    }
    if (last->addr >= BENCH_DATA) {
        bytes -= w2 & 0xffff;
    }
    return bytes;
}

static bool run_programs(S390CPU *cpu, ChannelSubSys *css, unsigned iters,
                         unsigned warmup, BenchStats *out, GError **errp)
{
    g_autofree uint64_t *lat = g_new(uint64_t, iters);
    g_autofree uint64_t *ph = g_new(uint64_t, 3 * iters);
    unsigned n;
    const BenchProgram *progs = bench_programs(&n);

    for (unsigned k = 0; k < n; k++) {
        uint64_t t0, start = 0, phase[3];
        int64_t bytes = 0;

        load_program(cpu->ram, &progs[k]);
        for (unsigned i = 0; i < warmup + iters; i++) {
            t0 = bench_now_ns();
            if (i == warmup) {
                start = t0;
            }
            bytes = one_io(cpu, css, &progs[k], phase, errp);
            if (bytes < 0) {
                return false;
            }
            if (i >= warmup) {
                lat[i - warmup] = bench_now_ns() - t0;
                for (unsigned j = 0; j < 3; j++) {
                    ph[j * iters + i - warmup] = phase[j];
                }
            }
        }
        bench_stats_from(lat, iters, bench_now_ns() - start,
                         (uint64_t)bytes, &out[k]);
        for (unsigned j = 0; j < 3; j++) {
            BenchStats tmp;

            bench_stats_from(ph + j * iters, iters, 1, 0, &tmp);
            out[k].phase_p50_ns[j] = tmp.p50_ns;
        }
    }
    return true;
}

bool bench_full_run(const char *server, const char *volume,
                    const char *sockpath, unsigned iters, unsigned warmup,
                    BenchStats *out, GError **errp)
{
    Server srv = { 0 };
    MachineState *ms = NULL;
    guint tick_id;
    bool ok;

    if (!server_start(&srv, server, volume, sockpath, errp)) {
        server_stop(&srv);
        return false;
    }
    ok = new_machine(sockpath, &ms, errp);
    if (ok) {
        S390CPU *cpu = s390_ccw_machine_cpu(ms);
        ChannelSubSys *css = s390_ccw_machine_css(ms);

        cpu->cr6 = 0xffull << CR6_ISC_MASK_SHIFT;
        tick_id = g_timeout_add_seconds(1, tick, NULL);
        ok = enable_subchannel(cpu, css, errp) &&
             run_programs(cpu, css, iters, warmup, out, errp);
        g_source_remove(tick_id);
    }
    if (ms) {
        g_object_unref(ms);
    }
    server_stop(&srv);
    return ok;
}
