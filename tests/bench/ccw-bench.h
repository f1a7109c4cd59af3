/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-bench.h: what the parts of the channel-I/O benchmark share.
 *
 * The benchmark runs the same channel programs three ways (through the
 * in-process machine and a spawned vfio-user-ccw, on the DASD model alone,
 * and not at all but as the bare IPC and memcpy they cannot beat) and
 * reports each as a latency distribution.  Nothing here is a test: no
 * number ever decides an exit status.
 */
#ifndef TESTS_BENCH_CCW_BENCH_H
#define TESTS_BENCH_CCW_BENCH_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

/* Guest (and model buffer) layout: everything below BENCH_MEM_SIZE. */
#define BENCH_ORB        0x1000u
#define BENCH_CCWS       0x2000u
#define BENCH_PARAMS     0x3000u    /* DX, LR, seek and search arguments */
#define BENCH_IRB        0x8000u
#define BENCH_SCHIB      0x9000u
#define BENCH_DATA       0x10000u   /* up to 64 KiB of data */
#define BENCH_MEM_SIZE   0x20000u

/* Where the parameters sit inside BENCH_PARAMS. */
#define BENCH_P_DX       0x00u
#define BENCH_P_LR       0x10u
#define BENCH_P_SEEK     0x20u
#define BENCH_P_SEARCH   0x28u

/* CCW flags (format 1, PoP ch. 15). */
#define BENCH_CCW_CC     0x40u
#define BENCH_CCW_SLI    0x20u
#define BENCH_CCW_TIC    0x08u      /* the command code of TIC */

/* Volume: 3390, 10 cylinders; tracks formatted with 12 x 4 KiB records. */
#define BENCH_CYLS       10u
#define BENCH_HEADS      15u
#define BENCH_RECS       12u
#define BENCH_RECLEN     4096u
#define BENCH_TRACK_RD   1u         /* cyl 0 head 1: every read program */
#define BENCH_TRACK_WR   2u         /* cyl 0 head 2: the update write */
#define BENCH_TRACK_LAST 4u         /* heads 1-4 are formatted */

#define BENCH_MAX_CCWS   16

/**
 * BenchCcw: one CCW of a benchmark program.
 * @cmd: command code (BENCH_CCW_TIC for a transfer in channel).
 * @flags: BENCH_CCW_* flags.
 * @count: byte count.
 * @addr: data address in guest RAM (BENCH_* layout); for a TIC the index
 *        of the CCW it transfers to.
 */
typedef struct BenchCcw {
    uint8_t cmd;
    uint8_t flags;
    uint16_t count;
    uint32_t addr;
} BenchCcw;

/**
 * BenchProgram: a channel program and what to expect of it.
 * @name: short key for the table and the JSON ("read-4k").
 * @what: one line describing the program.
 * @hercules_us: Hercules 3.13's reported cost inside SSCH in µs, or 0
 *               when the issue reported none for this program.
 * @nccw: CCWs in @ccw.
 * @ccw: the program; the machine path lays it out at BENCH_CCWS.
 * @params: parameter bytes (DX, LR, seek, search; BENCH_P_* offsets),
 *          written at BENCH_PARAMS.
 */
typedef struct BenchProgram {
    const char *name;
    const char *what;
    double hercules_us;
    unsigned nccw;
    BenchCcw ccw[BENCH_MAX_CCWS];
    uint8_t params[0x30];
} BenchProgram;

/**
 * BenchStats: one measured series.
 * @n: iterations timed.
 * @total_ns: wall time of the whole timed loop.
 * @p50_ns, @p99_ns, @mean_ns, @min_ns: per-iteration latency.
 * @bytes: data bytes moved per iteration (0 when none).
 * @phase_p50_ns: full path only (else zeros): median time of SSCH itself,
 *                of waiting in the main loop until the interruption is
 *                pending, and of accepting it plus TSCH.
 */
typedef struct BenchStats {
    unsigned n;
    double total_ns;
    double p50_ns;
    double p99_ns;
    double mean_ns;
    double min_ns;
    uint64_t bytes;
    double phase_p50_ns[3];
} BenchStats;

/** bench_now_ns: Returns: CLOCK_MONOTONIC in nanoseconds. */
uint64_t bench_now_ns(void);

/**
 * bench_stats_from: summarise @n per-iteration latencies (sorted in place).
 * @lat_ns: the latencies in ns.  @n: how many (at least 1).
 * @total_ns: wall time of the loop.  @bytes: data bytes per iteration.
 * @st: receives the summary.
 */
void bench_stats_from(uint64_t *lat_ns, unsigned n, uint64_t total_ns,
                      uint64_t bytes, BenchStats *st);

/** bench_iops: Returns: iterations per second of @st. */
double bench_iops(const BenchStats *st);

/** bench_mbps: Returns: MB/s (10^6 bytes) of @st, 0 without data. */
double bench_mbps(const BenchStats *st);

/**
 * bench_programs: Returns: the programs, @n set to how many.  Their
 * parameters address the volume made by bench_make_volume().
 */
const BenchProgram *bench_programs(unsigned *n);

/**
 * bench_make_volume: create a 3390 image at @path and format heads
 * 1..BENCH_TRACK_LAST of cylinder 0 with BENCH_RECS keyless records of
 * BENCH_RECLEN bytes.
 * Returns: false with @errp set on failure.
 */
bool bench_make_volume(const char *path, GError **errp);

/**
 * bench_model_run: time the programs on the DASD model in-process (no
 * channel, no transport).
 * @volume: an image made by bench_make_volume() that nobody else uses.
 * @iters, @warmup: timed and untimed iterations per program.
 * @out: receives one BenchStats per program, in bench_programs() order.
 * Returns: false with @errp set when the model refuses a program.
 */
bool bench_model_run(const char *volume, unsigned iters, unsigned warmup,
                     BenchStats *out, GError **errp);

/**
 * bench_full_run: time the programs through the in-process machine: SSCH,
 * the GLib main context until the interruption is pending, TPI-style
 * acceptance, TSCH; against a spawned vfio-user-ccw serving @volume.
 * @server: path of the vfio-user-ccw program.
 * @volume: an image made by bench_make_volume().
 * @sockpath: where the server listens.
 * @iters, @warmup: timed and untimed iterations per program.
 * @out: receives one BenchStats per program.
 * Returns: false with @errp set when something does not come up or a
 * program does not end with channel end + device end.
 */
bool bench_full_run(const char *server, const char *volume,
                    const char *sockpath, unsigned iters, unsigned warmup,
                    BenchStats *out, GError **errp);

/**
 * bench_ipc_run: the transport's floor: a child process echoes a 16-byte
 * message over an AF_UNIX socketpair @round_trips times and then writes an
 * eventfd the parent blocks on; one iteration is that whole exchange.
 * Returns: false with @errp set when fork or the sockets fail.
 */
bool bench_ipc_run(unsigned round_trips, unsigned iters, unsigned warmup,
                   BenchStats *out, GError **errp);

/**
 * bench_memcpy_run: memcpy of @size bytes between two cache-resident
 * buffers, timed like the rest.
 */
void bench_memcpy_run(size_t size, unsigned iters, BenchStats *out);

#endif /* TESTS_BENCH_CCW_BENCH_H */
