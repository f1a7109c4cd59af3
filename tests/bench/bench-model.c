/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The device's own cost: the benchmark programs handed to the 3390 model
 * one command at a time, the way the server's executor does, but with a
 * plain buffer for guest memory and no channel-program translation,
 * socket or interruption around them.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "block/ckd.h"
#include "contrib/vfio-user-ccw/dasd-eckd.h"
#include "ccw-bench.h"

#define DSTAT_SM 0x40
#define DSTAT_UC 0x02

/*
 * One program on @d; Returns: data bytes moved, or -1 on a unit check.
 * A matched search (status modifier) skips the TIC after it, as the
 * channel does; an unmatched one would loop, so the walk is bounded.
 */
static int64_t run_once(DasdEckd *d, const BenchProgram *p, uint8_t *mem)
{
    bool chained = false;
    int64_t bytes = 0;
    unsigned i = 0;

    for (unsigned steps = 0; steps < 4 * BENCH_MAX_CCWS; steps++) {
        const BenchCcw *c = &p->ccw[i];
        uint32_t len = 0;
        uint8_t st;

        if (c->cmd == BENCH_CCW_TIC) {
            i = c->addr;
            continue;
        }
        st = dasd_eckd_execute(d, c->cmd, chained, mem + c->addr, c->count,
                               &len);
        if (st & DSTAT_UC) {
            return -1;
        }
        if (c->addr >= BENCH_DATA) {
            bytes += MIN(len, c->count);
        }
        if (!(c->flags & BENCH_CCW_CC)) {
            return (dasd_eckd_chain_end(d) & DSTAT_UC) ? -1 : bytes;
        }
        chained = true;
        i += (st & DSTAT_SM) ? 2 : 1;
        if (i >= p->nccw) {
            return -1;
        }
    }
    return -1;
}

bool bench_model_run(const char *volume, unsigned iters, unsigned warmup,
                     BenchStats *out, GError **errp)
{
    g_autoptr(CkdImage) img = ckd_open(volume, false, false, errp);
    g_autoptr(DasdEckd) d = NULL;
    g_autofree uint8_t *mem = g_malloc0(BENCH_MEM_SIZE);
    g_autofree uint64_t *lat = g_new(uint64_t, iters);
    const BenchProgram *progs;
    unsigned n;

    if (!img) {
        return false;
    }
    d = dasd_eckd_new(img, errp);
    if (!d) {
        return false;
    }
    progs = bench_programs(&n);
    for (unsigned k = 0; k < n; k++) {
        const BenchProgram *p = &progs[k];
        uint64_t t0, start = 0;
        int64_t bytes = 0;
        uint8_t sense[DASD_ECKD_SENSE_SIZE];

        memcpy(mem + BENCH_PARAMS, p->params, sizeof(p->params));
        memset(mem + BENCH_DATA, 0x5a, BENCH_RECLEN);
        for (unsigned i = 0; i < warmup + iters; i++) {
            t0 = bench_now_ns();
            if (i == warmup) {
                start = t0;
            }
            bytes = run_once(d, p, mem);
            if (i >= warmup) {
                lat[i - warmup] = bench_now_ns() - t0;
            }
            if (bytes < 0) {
                dasd_eckd_get_sense(d, sense);
                g_set_error(errp, G_IO_ERROR, G_IO_ERROR_FAILED,
                            "model: %s ended in unit check (sense %02x %02x "
                            "%02x, byte 7 %02x)", p->name, sense[0],
                            sense[1], sense[2], sense[7]);
                return false;
            }
        }
        bench_stats_from(lat, iters, bench_now_ns() - start, (uint64_t)bytes,
                         &out[k]);
    }
    return true;
}
