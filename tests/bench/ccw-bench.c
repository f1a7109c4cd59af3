/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-bench: how fast channel I/O goes through the passthrough path, and
 * how that compares with what this host can do at best.
 *
 *   ccw-bench [--server PATH] [--json FILE] [--iterations N] [--warmup N]
 *
 * One run measures, in order: the DASD model alone, the bare IPC floor
 * (one and two socket round trips plus one eventfd wake), memcpy, and the
 * full path through the in-process machine and a spawned vfio-user-ccw.
 * It prints a table and writes the numbers and ratios as JSON.  Targets
 * are reported, never enforced: the exit status only says whether the
 * measurements could be taken.
 */
#include "qemu/osdep.h"
#include <json-glib/json-glib.h>

#include "qemu/module.h"
#include "ccw-bench.h"

#ifndef CCW_BENCH_SERVER
#define CCW_BENCH_SERVER "build/contrib/vfio-user-ccw/vfio-user-ccw"
#endif

/* Reported in the issue for Hercules 3.13, in µs: device thread path. */
#define HERCULES_THREAD_US 34.0

/* Targets (informational). */
#define TARGET_FULL_OVER_LIMIT 1.25
#define TARGET_MODEL_US 2.0
#define TARGET_TRACK_OVER_MEMCPY 0.5

typedef struct Results {
    unsigned nprog;
    const BenchProgram *progs;
    BenchStats *full;
    BenchStats *model;
    BenchStats ipc1;
    BenchStats ipc2;
    BenchStats mem4k;
    BenchStats mem48k;
} Results;

static double us(double ns)
{
    return ns / 1000.0;
}

static int prog_index(const Results *r, const char *name)
{
    for (unsigned i = 0; i < r->nprog; i++) {
        if (g_str_equal(r->progs[i].name, name)) {
            return (int)i;
        }
    }
    g_assert_not_reached();
}

static void print_table(const Results *r, unsigned iters)
{
    const BenchStats *lim = &r->ipc1;

    printf("ccw-bench: %u iterations per series; latencies in us\n\n",
           iters);
    printf("%-15s %9s %8s %8s %8s %8s %8s %10s\n", "program", "IOPS",
           "p50", "p99", "MB/s", "model", "p50/lim", "Hercules");
    printf("%-15s %9s %8s %8s %8s %8s %8s %10s\n", "", "(full)", "(full)",
           "(full)", "(full)", "us/IO", "", "3.13 (rep.)");
    for (unsigned i = 0; i < r->nprog; i++) {
        const BenchStats *f = &r->full[i];
        g_autofree char *herc = r->progs[i].hercules_us > 0 ?
            g_strdup_printf("%.2f", r->progs[i].hercules_us) :
            g_strdup("-");

        printf("%-15s %9.0f %8.1f %8.1f %8.1f %8.2f %8.2f %10s\n",
               r->progs[i].name, bench_iops(f), us(f->p50_ns),
               us(f->p99_ns), bench_mbps(f), us(r->model[i].p50_ns),
               f->p50_ns / lim->p50_ns, herc);
    }
    printf("\nfull path by phase, p50 us: SSCH (ORB region write) / main "
           "loop until pending (device,\nIO eventfd, IRB region read) / "
           "accept + TSCH\n");
    for (unsigned i = 0; i < r->nprog; i++) {
        const double *ph = r->full[i].phase_p50_ns;

        printf("  %-15s %8.1f %8.1f %8.2f\n", r->progs[i].name, us(ph[0]),
               us(ph[1]), us(ph[2]));
    }
    printf("\nbaselines\n");
    printf("%-28s %9.0f %8.1f %8.1f\n", "ipc: 1 round trip + wake",
           bench_iops(&r->ipc1), us(r->ipc1.p50_ns), us(r->ipc1.p99_ns));
    printf("%-28s %9.0f %8.1f %8.1f\n", "ipc: 2 round trips + wake",
           bench_iops(&r->ipc2), us(r->ipc2.p50_ns), us(r->ipc2.p99_ns));
    printf("%-28s %9s %8.3f %8.3f %8.0f MB/s\n", "memcpy 4 KiB", "",
           us(r->mem4k.p50_ns), us(r->mem4k.p99_ns), bench_mbps(&r->mem4k));
    printf("%-28s %9s %8.3f %8.3f %8.0f MB/s\n", "memcpy 48 KiB", "",
           us(r->mem48k.p50_ns), us(r->mem48k.p99_ns),
           bench_mbps(&r->mem48k));
    printf("Hercules 3.13 (reported): %.2f us NOP, %.1f us 4K search+read, "
           "%.1f us full track inside SSCH; ~%.0f us via its device "
           "thread\n", r->progs[prog_index(r, "nop")].hercules_us,
           r->progs[prog_index(r, "search-read-4k")].hercules_us,
           r->progs[prog_index(r, "rmckd-track")].hercules_us,
           HERCULES_THREAD_US);
}

static void add_stats(JsonBuilder *b, const char *name, const BenchStats *s)
{
    json_builder_set_member_name(b, name);
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "iterations");
    json_builder_add_int_value(b, s->n);
    json_builder_set_member_name(b, "iops");
    json_builder_add_double_value(b, bench_iops(s));
    json_builder_set_member_name(b, "p50_us");
    json_builder_add_double_value(b, us(s->p50_ns));
    json_builder_set_member_name(b, "p99_us");
    json_builder_add_double_value(b, us(s->p99_ns));
    json_builder_set_member_name(b, "mean_us");
    json_builder_add_double_value(b, us(s->mean_ns));
    json_builder_set_member_name(b, "min_us");
    json_builder_add_double_value(b, us(s->min_ns));
    json_builder_set_member_name(b, "bytes_per_io");
    json_builder_add_int_value(b, (gint64)s->bytes);
    json_builder_set_member_name(b, "mb_per_s");
    json_builder_add_double_value(b, bench_mbps(s));
    if (s->phase_p50_ns[1] > 0) {
        json_builder_set_member_name(b, "phase_p50_us");
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "ssch");
        json_builder_add_double_value(b, us(s->phase_p50_ns[0]));
        json_builder_set_member_name(b, "wait_pending");
        json_builder_add_double_value(b, us(s->phase_p50_ns[1]));
        json_builder_set_member_name(b, "accept_tsch");
        json_builder_add_double_value(b, us(s->phase_p50_ns[2]));
        json_builder_end_object(b);
    }
    json_builder_end_object(b);
}

static void add_double(JsonBuilder *b, const char *name, double v)
{
    json_builder_set_member_name(b, name);
    json_builder_add_double_value(b, v);
}

static JsonNode *build_json(const Results *r, unsigned iters,
                            unsigned warmup)
{
    g_autoptr(JsonBuilder) b = json_builder_new();
    int trk = prog_index(r, "track-12x4k");
    int rd = prog_index(r, "read-4k");

    json_builder_begin_object(b);
    json_builder_set_member_name(b, "iterations");
    json_builder_add_int_value(b, iters);
    json_builder_set_member_name(b, "warmup");
    json_builder_add_int_value(b, warmup);

    json_builder_set_member_name(b, "programs");
    json_builder_begin_object(b);
    for (unsigned i = 0; i < r->nprog; i++) {
        json_builder_set_member_name(b, r->progs[i].name);
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "what");
        json_builder_add_string_value(b, r->progs[i].what);
        add_stats(b, "full", &r->full[i]);
        add_stats(b, "model", &r->model[i]);
        add_double(b, "full_over_limit", r->full[i].p50_ns / r->ipc1.p50_ns);
        add_double(b, "model_us", us(r->model[i].p50_ns));
        if (r->progs[i].hercules_us > 0) {
            add_double(b, "hercules_3_13_reported_us",
                       r->progs[i].hercules_us);
        }
        json_builder_end_object(b);
    }
    json_builder_end_object(b);

    json_builder_set_member_name(b, "baselines");
    json_builder_begin_object(b);
    add_stats(b, "ipc_1rt_wake", &r->ipc1);
    add_stats(b, "ipc_2rt_wake", &r->ipc2);
    add_stats(b, "memcpy_4k", &r->mem4k);
    add_stats(b, "memcpy_48k", &r->mem48k);
    add_double(b, "hercules_3_13_reported_thread_us", HERCULES_THREAD_US);
    json_builder_end_object(b);

    json_builder_set_member_name(b, "ratios");
    json_builder_begin_object(b);
    add_double(b, "full_read4k_over_limit",
               r->full[rd].p50_ns / r->ipc1.p50_ns);
    add_double(b, "full_read4k_over_2rt_wake",
               r->full[rd].p50_ns / r->ipc2.p50_ns);
    add_double(b, "model_read4k_us", us(r->model[rd].p50_ns));
    add_double(b, "track_mbps_over_memcpy_48k",
               bench_mbps(&r->full[trk]) / bench_mbps(&r->mem48k));
    json_builder_end_object(b);

    json_builder_set_member_name(b, "targets");
    json_builder_begin_object(b);
    add_double(b, "full_over_limit_max", TARGET_FULL_OVER_LIMIT);
    add_double(b, "model_us_max", TARGET_MODEL_US);
    add_double(b, "track_over_memcpy_min", TARGET_TRACK_OVER_MEMCPY);
    json_builder_end_object(b);

    json_builder_end_object(b);
    return json_builder_get_root(b);
}

static bool write_json(JsonNode *root, const char *path, GError **errp)
{
    g_autoptr(JsonGenerator) gen = json_generator_new();
    g_autofree char *dir = g_path_get_dirname(path);

    if (g_mkdir_with_parents(dir, 0755) < 0) {
        g_set_error(errp, G_FILE_ERROR, g_file_error_from_errno(errno),
                    "cannot create %s: %s", dir, g_strerror(errno));
        return false;
    }
    json_generator_set_pretty(gen, TRUE);
    json_generator_set_root(gen, root);
    return json_generator_to_file(gen, path, errp);
}

static void print_targets(const Results *r)
{
    int rd = prog_index(r, "read-4k");
    int trk = prog_index(r, "track-12x4k");
    double full = r->full[rd].p50_ns / r->ipc1.p50_ns;
    double model = us(r->model[rd].p50_ns);
    double track = bench_mbps(&r->full[trk]) / bench_mbps(&r->mem48k);

    printf("\ntargets (informational)\n");
    printf("  4K read full path / IPC limit  %6.2f  (target <= %.2f) %s\n",
           full, TARGET_FULL_OVER_LIMIT,
           full <= TARGET_FULL_OVER_LIMIT ? "met" : "not met");
    printf("  model cost per 4K read (us)    %6.2f  (target <= %.2f) %s\n",
           model, TARGET_MODEL_US, model <= TARGET_MODEL_US ? "met" :
           "not met");
    printf("  full track MB/s / memcpy MB/s  %6.3f  (target >= %.2f) %s\n",
           track, TARGET_TRACK_OVER_MEMCPY,
           track >= TARGET_TRACK_OVER_MEMCPY ? "met" : "not met");
}

static bool run_all(const char *server, unsigned iters, unsigned warmup,
                    Results *r, GError **errp)
{
    g_autofree char *dir = g_dir_make_tmp("ccw-bench-XXXXXX", errp);
    g_autofree char *vol_srv = NULL;
    g_autofree char *vol_model = NULL;
    g_autofree char *sock = NULL;
    bool ok;

    if (!dir) {
        return false;
    }
    vol_srv = g_build_filename(dir, "server.3390", NULL);
    vol_model = g_build_filename(dir, "model.3390", NULL);
    sock = g_build_filename(dir, "vfio-user.sock", NULL);
    ok = bench_make_volume(vol_srv, errp) &&
         bench_make_volume(vol_model, errp) &&
         bench_model_run(vol_model, iters, warmup, r->model, errp) &&
         bench_ipc_run(1, iters, warmup, &r->ipc1, errp) &&
         bench_ipc_run(2, iters, warmup, &r->ipc2, errp);
    if (ok) {
        bench_memcpy_run(BENCH_RECLEN, iters * 10, &r->mem4k);
        bench_memcpy_run(BENCH_RECLEN * BENCH_RECS, iters * 10, &r->mem48k);
        ok = bench_full_run(server, vol_srv, sock, iters, warmup, r->full,
                            errp);
    }
    unlink(sock);
    unlink(vol_srv);
    unlink(vol_model);
    rmdir(dir);
    return ok;
}

int main(int argc, char **argv)
{
    g_autofree char *server = NULL;
    g_autofree char *json = NULL;
    gint iters = 2000, warmup = 200;
    GOptionEntry entries[] = {
        { "server", 0, 0, G_OPTION_ARG_FILENAME, &server,
          "vfio-user-ccw program (default $VFIO_USER_CCW_BINARY, else the "
          "one of this build)", "PATH" },
        { "json", 0, 0, G_OPTION_ARG_FILENAME, &json,
          "write results here (default build/bench/ccw-bench.json)",
          "FILE" },
        { "iterations", 0, 0, G_OPTION_ARG_INT, &iters,
          "timed iterations per series (default 2000)", "N" },
        { "warmup", 0, 0, G_OPTION_ARG_INT, &warmup,
          "untimed iterations first (default 200)", "N" },
        { NULL },
    };
    g_autoptr(GOptionContext) ctx =
        g_option_context_new("- channel I/O passthrough benchmark");
    g_autoptr(GError) err = NULL;
    g_autoptr(JsonNode) root = NULL;
    g_autofree BenchStats *full = NULL;
    g_autofree BenchStats *model = NULL;
    Results r = { 0 };

    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
        fprintf(stderr, "ccw-bench: %s\n", err->message);
        return 2;
    }
    if (iters < 1 || iters > 1000000 || warmup < 0 || warmup > 1000000) {
        fprintf(stderr, "ccw-bench: --iterations must be 1-1000000 and "
                "--warmup 0-1000000\n");
        return 2;
    }
    if (!server) {
        const char *env = g_getenv("VFIO_USER_CCW_BINARY");

        server = g_strdup(env && *env ? env : CCW_BENCH_SERVER);
    }
    if (!json) {
        json = g_strdup("build/bench/ccw-bench.json");
    }
    module_call_init();
    r.progs = bench_programs(&r.nprog);
    full = g_new0(BenchStats, r.nprog);
    model = g_new0(BenchStats, r.nprog);
    r.full = full;
    r.model = model;
    if (!run_all(server, (unsigned)iters, (unsigned)warmup, &r, &err)) {
        fprintf(stderr, "ccw-bench: %s\n", err->message);
        return 1;
    }
    print_table(&r, (unsigned)iters);
    print_targets(&r);
    root = build_json(&r, (unsigned)iters, (unsigned)warmup);
    if (!write_json(root, json, &err)) {
        fprintf(stderr, "ccw-bench: %s\n", err->message);
        return 1;
    }
    printf("\nwrote %s\n", json);
    return 0;
}
