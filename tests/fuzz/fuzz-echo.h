/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-echo.h: a scripted echo device for the channel-program fuzz
 * targets (fuzz-ccw-interp.c, fuzz-cp-translate.c), and the checks it
 * makes on every data stream it is given.
 *
 * Output commands (write, control) fetch data into the device's buffer,
 * input commands (read, sense, read backward) store what the last output
 * command left there.  A script of 16 steps, one per command in program
 * order (then starting over), says how each command goes:
 *   byte 0  index into a table of device-status endings (CE+DE, status
 *           modifier, unit check, unit exception, busy, attention, ...)
 *   byte 1  FUZZ_ECHO_* flags
 *   byte 2-3 bytes to move (big-endian; 0: as many as there are), also
 *           reported as CcwDevResult.data_len with FUZZ_ECHO_DATA_LEN
 *
 * What it checks (include/hw/s390x/ccw-interp.h): only valid command
 * codes reach a device (never a TIC or an invalid code); CcwDevResult
 * comes preset; a stream never moves more than asked, never in the
 * direction opposite to the command's, and nothing once it failed; and
 * ccw_stream_moved() counts exactly what moved.
 */
#ifndef TESTS_FUZZ_FUZZ_ECHO_H
#define TESTS_FUZZ_FUZZ_ECHO_H

#include <glib.h>

#include "hw/s390x/ccw-interp.h"
#include "fuzz.h"

#define FUZZ_ECHO_STEPS 16
#define FUZZ_ECHO_SIZE 0x10000u

#define FUZZ_ECHO_IMMEDIATE  0x01   /* end at initiation, move nothing */
#define FUZZ_ECHO_DATA_LEN   0x02   /* report the step's length */
#define FUZZ_ECHO_PIECES     0x04   /* move in small, uneven pieces */
#define FUZZ_ECHO_WRONG_WAY  0x08   /* also try the opposite direction */

/** FuzzEchoStep: one scripted command (see above). */
typedef struct FuzzEchoStep {
    uint8_t status;
    uint8_t flags;
    uint16_t len;
} FuzzEchoStep;

/**
 * FuzzEchoDev: the device.
 * @step: the script.  @calls: commands executed so far.
 * @max_calls: 0, or the command after which the device ends every command
 *     with unit exception as well, which ends the chain: a target whose
 *     subject is not the run's own CCW limit bounds a looping program's
 *     cost this way (65536 commands otherwise).
 * @buf: data of the last output command, @held bytes of it.
 */
typedef struct FuzzEchoDev {
    FuzzEchoStep step[FUZZ_ECHO_STEPS];
    unsigned calls;
    unsigned max_calls;
    uint8_t buf[FUZZ_ECHO_SIZE];
    size_t held;
} FuzzEchoDev;

/* How a command can end (CE, DE, SM, BUSY, UC, UE, ATTN and mixes). */
static const uint8_t fuzz_echo_endings[] = {
    0x0c, 0x0c, 0x0c, 0x0c, 0x4c, 0x0e, 0x0d, 0x10, 0x8c, 0x08, 0x04,
    0x00, 0x2c, 0x1c, 0x0f, 0xff,
};

/** fuzz_echo_read_script: fill @dev's script from 64 input bytes. */
static inline void fuzz_echo_read_script(FuzzEchoDev *dev, FuzzInput *in)
{
    for (unsigned i = 0; i < FUZZ_ECHO_STEPS; i++) {
        dev->step[i].status = fuzz_u8(in);
        dev->step[i].flags = fuzz_u8(in);
        dev->step[i].len = fuzz_u16(in);
    }
}

static inline bool fuzz_echo_is_output(uint8_t cmd)
{
    CcwCmdClass c = ccw_cmd_class(cmd);

    return c == CCW_CMD_CLASS_WRITE || c == CCW_CMD_CLASS_CONTROL;
}

/* Move up to @len bytes the command's way, in pieces if asked. */
static inline size_t fuzz_echo_transfer(CcwDataStream *ds, bool output,
                                        uint8_t *buf, size_t len,
                                        bool pieces)
{
    size_t done = 0;

    while (done < len) {
        size_t piece = pieces ? MIN(len - done, 1 + done % 97) : len - done;
        uint64_t before = ccw_stream_moved(ds);
        bool failed = ccw_stream_failed(ds);
        size_t n = output ? ccw_stream_fetch(ds, buf + done, piece)
                          : ccw_stream_store(ds, buf + done, piece);

        g_assert_cmpuint(n, <=, piece);
        g_assert_cmpuint(ccw_stream_moved(ds), ==, before + n);
        if (failed) {
            g_assert_cmpuint(n, ==, 0);
        }
        done += n;
        if (n < piece) {
            break;
        }
    }
    return done;
}

/* The stream's direction is the command's, whatever the device asks. */
static inline void fuzz_echo_wrong_way(CcwDataStream *ds, bool output)
{
    uint64_t before = ccw_stream_moved(ds);
    uint8_t scratch[8];

    memset(scratch, 0x5a, sizeof(scratch));
    if (output) {
        g_assert_cmpuint(ccw_stream_store(ds, scratch, sizeof(scratch)), ==,
                         0);
    } else {
        g_assert_cmpuint(ccw_stream_fetch(ds, scratch, sizeof(scratch)), ==,
                         0);
    }
    g_assert_cmpuint(ccw_stream_moved(ds), ==, before);
}

/** fuzz_echo_execute: CcwDevOps.execute of the device (@opaque: it). */
static inline void fuzz_echo_execute(void *opaque, const CcwDevCommand *cmd,
                                     CcwDataStream *ds, CcwDevResult *res)
{
    FuzzEchoDev *dev = opaque;
    const FuzzEchoStep *st = &dev->step[dev->calls++ % FUZZ_ECHO_STEPS];
    bool output = fuzz_echo_is_output(cmd->cmd);
    size_t want = st->len ? st->len : FUZZ_ECHO_SIZE;
    bool pieces = st->flags & FUZZ_ECHO_PIECES;

    g_assert_cmpint(ccw_cmd_class(cmd->cmd), !=, CCW_CMD_CLASS_INVALID);
    g_assert_cmpint(ccw_cmd_class(cmd->cmd), !=, CCW_CMD_CLASS_TIC);
    g_assert_cmphex(res->dstat, ==,
                    SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END);
    g_assert_cmpuint(res->data_len, ==, 0);
    g_assert_false(res->immediate);

    if (st->flags & FUZZ_ECHO_WRONG_WAY) {
        fuzz_echo_wrong_way(ds, output);
    }
    if (!(st->flags & FUZZ_ECHO_IMMEDIATE)) {
        if (output) {
            dev->held = fuzz_echo_transfer(ds, true, dev->buf,
                                           MIN(want, FUZZ_ECHO_SIZE), pieces);
        } else {
            fuzz_echo_transfer(ds, false, dev->buf, MIN(want, dev->held),
                               pieces);
        }
    }
    res->dstat = fuzz_echo_endings[st->status %
                                   G_N_ELEMENTS(fuzz_echo_endings)];
    res->immediate = st->flags & FUZZ_ECHO_IMMEDIATE;
    if (st->flags & FUZZ_ECHO_DATA_LEN) {
        res->data_len = st->len;
    }
    if (dev->max_calls && dev->calls >= dev->max_calls) {
        res->dstat |= SCSW_DSTAT_UNIT_EXCEP;
    }
}

/* fuzz_echo_ops: the device's callbacks (opaque: a FuzzEchoDev). */
static const CcwDevOps fuzz_echo_ops = {
    .execute = fuzz_echo_execute,
};

#endif /* TESTS_FUZZ_FUZZ_ECHO_H */
