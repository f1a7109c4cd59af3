/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The benchmark's channel programs, its volume, and the statistics every
 * series shares.  The programs are the ones a Linux dasd_eckd driver
 * (Define Extent + Locate Record + data) and a classic OS/360-style
 * access method (Seek + Search ID Equal + TIC loop) send; command codes
 * and parameter layouts are those of facts-dasd-eckd.md section 2.
 */
#include "qemu/osdep.h"
#include <time.h>

#include "block/ckd.h"
#include "contrib/ccw-guest/eckd.h"
#include "ccw-bench.h"

#define CMD_NOP        0x03
#define CMD_SEEK       0x07
#define CMD_SEARCH_ID  0x31
#define CMD_READ_MCKD  0x5e

static BenchProgram progs[7];
static unsigned nprogs;

static void add_ccw(BenchProgram *p, uint8_t cmd, uint8_t flags,
                    uint16_t count, uint32_t addr)
{
    g_assert(p->nccw < BENCH_MAX_CCWS);
    p->ccw[p->nccw++] = (BenchCcw){ cmd, flags, count, addr };
}

/* Define Extent over @track alone plus a Locate Record for its records. */
static void add_dx_lr(BenchProgram *p, uint8_t mask, uint8_t op,
                      uint8_t count, uint32_t track, uint16_t tlf)
{
    eckd_build_dx(p->params + BENCH_P_DX, mask, 0, track, track,
                  BENCH_HEADS);
    eckd_build_lr(p->params + BENCH_P_LR, ECKD_ORIENT_COUNT, op, count,
                  track, BENCH_HEADS, 1, tlf);
    add_ccw(p, ECKD_DEFINE_EXTENT, BENCH_CCW_CC, ECKD_DX_SIZE,
            BENCH_PARAMS + BENCH_P_DX);
    add_ccw(p, ECKD_LOCATE_RECORD, BENCH_CCW_CC, ECKD_LR_SIZE,
            BENCH_PARAMS + BENCH_P_LR);
}

/* Seek argument 00 00 CC CC HH HH for cylinder 0, head @head. */
static void add_seek(BenchProgram *p, uint32_t head)
{
    uint8_t *s = p->params + BENCH_P_SEEK;

    memset(s, 0, 6);
    eckd_cchh(0, head, s + 2);
    add_ccw(p, CMD_SEEK, BENCH_CCW_CC, 6, BENCH_PARAMS + BENCH_P_SEEK);
}

static BenchProgram *new_prog(const char *name, const char *what,
                              double hercules_us)
{
    BenchProgram *p = &progs[nprogs++];

    g_assert(nprogs <= G_N_ELEMENTS(progs));
    p->name = name;
    p->what = what;
    p->hercules_us = hercules_us;
    return p;
}

static void build_programs(void)
{
    BenchProgram *p;

    p = new_prog("read-4k", "DX + LR + Read Data, one 4 KiB record", 0);
    add_dx_lr(p, ECKD_MASK_READ_ONLY, ECKD_LR_READ_DATA, 1, BENCH_TRACK_RD,
              0);
    add_ccw(p, ECKD_READ_DATA, 0, BENCH_RECLEN, BENCH_DATA);

    p = new_prog("write-4k", "DX + LR + Write Update Data, one 4 KiB record",
                 0);
    add_dx_lr(p, ECKD_MASK_UPDATE, ECKD_LR_WRITE_DATA, 1, BENCH_TRACK_WR,
              BENCH_RECLEN);
    add_ccw(p, ECKD_WRITE_UPDATE_DATA, 0, BENCH_RECLEN, BENCH_DATA);

    p = new_prog("track-12x4k", "DX + LR + 12 x Read Data, a full track",
                 0);
    add_dx_lr(p, ECKD_MASK_READ_ONLY, ECKD_LR_READ_DATA, BENCH_RECS,
              BENCH_TRACK_RD, 0);
    for (unsigned i = 0; i < BENCH_RECS; i++) {
        add_ccw(p, ECKD_READ_DATA, i + 1 < BENCH_RECS ? BENCH_CCW_CC : 0,
                BENCH_RECLEN, BENCH_DATA + i * BENCH_RECLEN);
    }

    p = new_prog("sense-id", "Sense ID (20 bytes, SLI)", 0);
    add_ccw(p, ECKD_SENSE_ID, BENCH_CCW_SLI, 256, BENCH_DATA);

    p = new_prog("nop", "No-Op", 0.34);
    add_ccw(p, CMD_NOP, 0, 0, 0);

    p = new_prog("search-read-4k", "Seek + Search ID Equal + TIC + Read Data",
                 1.2);
    add_seek(p, BENCH_TRACK_RD);
    eckd_cchh(0, BENCH_TRACK_RD, p->params + BENCH_P_SEARCH);
    p->params[BENCH_P_SEARCH + 4] = 1;
    add_ccw(p, CMD_SEARCH_ID, BENCH_CCW_CC, 5, BENCH_PARAMS + BENCH_P_SEARCH);
    add_ccw(p, BENCH_CCW_TIC, 0, 0, 1);
    add_ccw(p, ECKD_READ_DATA, 0, BENCH_RECLEN, BENCH_DATA);

    p = new_prog("rmckd-track", "Seek + Read Multiple CKD, a full track",
                 3.2);
    add_seek(p, BENCH_TRACK_RD);
    add_ccw(p, CMD_READ_MCKD, BENCH_CCW_SLI, 0xffff, BENCH_DATA);
}

const BenchProgram *bench_programs(unsigned *n)
{
    if (!nprogs) {
        build_programs();
    }
    *n = nprogs;
    return progs;
}

bool bench_make_volume(const char *path, GError **errp)
{
    g_autoptr(CkdImage) img = NULL;
    g_autofree uint8_t *trk = NULL;
    g_autofree uint8_t *data = g_malloc(BENCH_RECLEN);
    const CkdGeometry *geo;

    if (!ckd_create(path, 0x3390, 0, BENCH_CYLS, errp)) {
        return false;
    }
    img = ckd_open(path, false, false, errp);
    if (!img) {
        return false;
    }
    geo = ckd_geometry(img);
    trk = g_malloc(geo->trksize);
    for (uint32_t head = 1; head <= BENCH_TRACK_LAST; head++) {
        uint32_t end;

        ckd_track_format_empty(geo, 0, head, trk);
        end = ckd_track_used(trk, geo->trksize) - 8;
        for (uint32_t r = 1; r <= BENCH_RECS; r++) {
            memset(data, (int)(head * 16 + r), BENCH_RECLEN);
            end = ckd_track_put_record(trk, geo->trksize, end, 0,
                                       (uint16_t)head, (uint8_t)r, NULL, 0,
                                       data, BENCH_RECLEN);
            g_assert(end != 0);
        }
        if (!ckd_write_track(img, 0, head, trk, errp)) {
            return false;
        }
    }
    return ckd_flush(img, errp);
}

uint64_t bench_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

void bench_stats_from(uint64_t *lat_ns, unsigned n, uint64_t total_ns,
                      uint64_t bytes, BenchStats *st)
{
    double sum = 0;

    g_assert(n > 0);
    qsort(lat_ns, n, sizeof(*lat_ns), cmp_u64);
    for (unsigned i = 0; i < n; i++) {
        sum += (double)lat_ns[i];
    }
    st->n = n;
    st->total_ns = (double)total_ns;
    st->min_ns = (double)lat_ns[0];
    st->p50_ns = (double)lat_ns[n / 2];
    st->p99_ns = (double)lat_ns[MIN(n - 1, (n * 99u) / 100u)];
    st->mean_ns = sum / n;
    st->bytes = bytes;
    memset(st->phase_p50_ns, 0, sizeof(st->phase_p50_ns));
}

double bench_iops(const BenchStats *st)
{
    return st->total_ns > 0 ? st->n * 1e9 / st->total_ns : 0;
}

double bench_mbps(const BenchStats *st)
{
    return st->total_ns > 0 ? (double)st->bytes * st->n * 1e3 / st->total_ns
                            : 0;
}
