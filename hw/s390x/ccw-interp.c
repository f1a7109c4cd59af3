/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-interp.c: the channel's execution of a command-mode channel program.
 *
 * One run walks the CCWs of a program: fetch (following TICs), check,
 * suspend or hand the command to the device with a data stream, then
 * decide from the device's ending status, the count left and the CCW
 * flags whether to chain.  The rules are those of the z/Architecture
 * Principles of Operation (SA22-7832), ch. 15 "Channel-Command Word"
 * and following sections, and ch. 16 "Program Check", "Protection
 * Check", "Incorrect Length" and "CCW-Address Field"; each check names
 * its rule where it is made.
 *
 * In the middle is the data stream a device moves a command's data
 * through: data chaining, direct and indirect (IDAL) addressing, skip
 * and read backward (PoP ch. 15, "Data Chaining", "Indirect Data
 * Addressing", "Skip", "Read Backward").
 */
#include "qemu/osdep.h"

#include "hw/s390x/ccw-interp.h"

/* Storage accesses never cross a frame, so one storage key covers each. */
#define FRAME_SIZE 4096u

/* The state of one run. */
typedef struct CcwInterp {
    const CcwInterpEnv *env;
    const CcwInterpParams *p;
    CcwInterpResult *res;
    uint32_t limit;                 /* CCWs the run may fetch */
    uint64_t peeks_left;            /* look-ahead left, see below */
} CcwInterp;

/*
 * Look-ahead along data chains (data_chain_count()) gets its own budget
 * per run, a multiple of the CCW limit: without one, a program whose
 * commands each start a long (or TIC-looping) data chain but consume only
 * a CCW or two makes every command re-read the rest of the chain, which
 * is quadratic in the limit (seconds of machine time for one START
 * SUBCHANNEL, found by fuzz-ccw-interp).  Real programs never come near.
 */
#define CCW_INTERP_PEEKS_PER_CCW 4u

/* A CCW that passed its checks, in the format-1 shape. */
typedef struct CcwInterpCcw {
    uint32_t addr;
    CCW1 ccw;
} CcwInterpCcw;

struct CcwDataStream {
    CcwInterp *s;
    bool input;             /* read, sense, read backward: device -> storage */
    bool backward;          /* read backward: descending addresses */
    bool failed;            /* a check ended the stream */
    uint64_t moved;         /* bytes over the whole data chain */

    /* The CCW in control of the transfer. */
    uint32_t ccw_addr;
    uint8_t flags;
    uint32_t left;          /* count not yet used */

    /* Where the next byte goes or comes from. */
    uint64_t next;
    /* Direct addressing: bytes before the format's address limit (or 0). */
    uint64_t room;
    /* Indirect addressing: the next IDAW, and what is left of its block. */
    uint64_t idaw_addr;
    uint32_t block_left;
    bool first_idaw;
};

void ccw_interp_params_from_orb(const ORB *orb, CcwInterpParams *p)
{
    *p = (CcwInterpParams) {
        .cpa = orb->cpa,
        .key = (orb->ctrl0 & ORB_CTRL0_MASK_KEY) >> ORB_CTRL0_KEY_SHIFT,
        .fmt1 = orb->ctrl0 & ORB_CTRL0_MASK_FMT,
        .prefetch = orb->ctrl0 & ORB_CTRL0_MASK_PFCH,
        .idaw_fmt2 = orb->ctrl0 & ORB_CTRL0_MASK_C64,
        .idaw_2k = orb->ctrl0 & ORB_CTRL0_MASK_I2K,
        .suspend_ctl = orb->ctrl0 & ORB_CTRL0_MASK_SPND,
        .il_suppress = orb->ctrl1 & ORB_CTRL1_MASK_ILS,
        .ccw_limit = 0,
    };
}

static void interp_check(CcwInterp *s, uint8_t cstat, uint32_t cpa,
                         uint16_t count)
{
    s->res->cstat |= cstat;
    s->res->cpa = cpa;
    s->res->count = count;
}

static uint8_t access_cstat(CcwMemAccess acc)
{
    /*
     * An unavailable location is a program check ("invalid CCW, IDAW or
     * data address"); a key mismatch is a protection check.
     */
    return acc == CCW_MEM_PROTECTION ? SCSW_CSTAT_PROT_CHECK
                                     : SCSW_CSTAT_PROG_CHECK;
}

static uint32_t addr_limit(const CcwInterp *s)
{
    /* Format-0 CCWs carry 24-bit addresses, format-1 CCWs 31-bit ones. */
    return s->p->fmt1 ? CCW1_CPA_LIMIT : CCW0_CPA_LIMIT;
}

/*
 * Read the eight bytes at @addr as a CCW in the program's format, widened
 * to the format-1 shape.  A format-0 TIC comes back as command 0x08 with
 * flags and count zero: in format 0 they are ignored (PoP ch. 15,
 * "Transfer in Channel").  Returns the storage outcome; *raw_cmd gets the
 * command byte as stored, for the format-1 TIC check.
 */
static CcwMemAccess read_ccw(CcwInterp *s, uint32_t addr, CCW1 *ccw,
                             uint8_t *raw_cmd)
{
    uint8_t be[CCW_SIZE];
    CcwMemAccess acc;

    acc = s->env->mem->read(s->env->mem_opaque, addr, be, sizeof(be),
                            s->p->key);
    if (acc != CCW_MEM_OK) {
        return acc;
    }
    *raw_cmd = be[0];
    if (s->p->fmt1) {
        copy_ccw1_from_guest(be, ccw);
    } else {
        CCW0 ccw0;

        copy_ccw0_from_guest(be, &ccw0);
        ccw0_to_ccw1(&ccw0, ccw);
    }
    return CCW_MEM_OK;
}

/* A CCW address must be a doubleword inside the format's address space. */
static bool ccw_addr_valid(const CcwInterp *s, uint32_t addr)
{
    return !(addr & (CCW_ALIGN - 1)) && addr < addr_limit(s);
}

/*
 * The checks a CCW other than a TIC passes before it takes control,
 * named after the program-check conditions of PoP ch. 16, "Program
 * Check".  @data_chain: the CCW was fetched on data chaining.
 */
static bool ccw_valid(const CcwInterp *s, const CCW1 *ccw, bool data_chain)
{
    const CcwInterpParams *p = s->p;

    /*
     * Invalid command code: low four bits zero.  Not tested on data
     * chaining, where the new CCW's command code is ignored.
     */
    if (!data_chain && ccw_cmd_class(ccw->cmd_code) == CCW_CMD_CLASS_INVALID) {
        return false;
    }
    /*
     * Invalid count: format 0 never allows zero; format 1 allows it only
     * in a CCW that neither specifies data chaining nor was fetched on
     * data chaining (data chaining is driven by the count running out).
     */
    if (ccw->count == 0 &&
        (!p->fmt1 || data_chain || (ccw->flags & CCW_FLAG_CD))) {
        return false;
    }
    /* MIDAWs are not offered (SSCH refuses ORB D), so MIDA is invalid. */
    if (ccw->flags & CCW_FLAG_MIDA) {
        return false;
    }
    /*
     * Invalid suspend flag: suspension happens only between commands,
     * never inside a data chain, and only when the ORB allows it.
     */
    if ((ccw->flags & CCW_FLAG_SUSPEND) && (data_chain || !p->suspend_ctl)) {
        return false;
    }
    /* Format-1 data addresses are 31 bits: bit 0 of the word is zero. */
    if (p->fmt1 && (ccw->cda & CCW1_CDA_MASK_INVALID)) {
        return false;
    }
    /*
     * Invalid IDAW-address specification: the IDAL starts on a word
     * (format-1 IDAWs) or doubleword (format-2 IDAWs) boundary.
     */
    if ((ccw->flags & CCW_FLAG_IDA) &&
        (ccw->cda & ((p->idaw_fmt2 ? IDAW2_SIZE : IDAW1_SIZE) - 1))) {
        return false;
    }
    return true;
}

/*
 * Fetch the CCW at @addr for command chaining (or the start) or, with
 * @data_chain, for data chaining; follow a TIC there and check the CCW
 * that is to take control.  Returns true with *cur filled; false with
 * the program or protection check, its CCW address and count recorded
 * in the result.  Every CCW fetched, TICs included, counts against the
 * limit of the run.
 */
static bool fetch_ccw(CcwInterp *s, uint32_t addr, bool data_chain,
                      CcwInterpCcw *cur)
{
    bool via_tic = false;
    uint32_t tic_addr = 0;

    for (;;) {
        /*
         * When the CCW a TIC designates cannot be fetched, the TIC is the
         * CCW in error: the CCW address points past the TIC (PoP ch. 16,
         * "CCW-Address Field", invalid CCW address in a TIC).
         */
        uint32_t blame = via_tic ? tic_addr : addr;
        CcwMemAccess acc;
        uint8_t raw_cmd;
        CCW1 ccw;

        if (s->res->ccws >= s->limit) {
            /* Our bound on a run, see CCW_INTERP_DEFAULT_CCW_LIMIT. */
            interp_check(s, SCSW_CSTAT_PROG_CHECK, addr + CCW_SIZE, 0);
            return false;
        }
        /* Invalid CCW-address specification / invalid CCW address. */
        if (!ccw_addr_valid(s, addr)) {
            interp_check(s, SCSW_CSTAT_PROG_CHECK, blame + CCW_SIZE, 0);
            return false;
        }
        acc = read_ccw(s, addr, &ccw, &raw_cmd);
        if (acc != CCW_MEM_OK) {
            interp_check(s, access_cstat(acc), blame + CCW_SIZE, 0);
            return false;
        }
        s->res->ccws++;

        if (ccw_cmd_class(ccw.cmd_code) != CCW_CMD_CLASS_TIC) {
            if (!ccw_valid(s, &ccw, data_chain)) {
                interp_check(s, SCSW_CSTAT_PROG_CHECK, addr + CCW_SIZE, 0);
                return false;
            }
            cur->addr = addr;
            cur->ccw = ccw;
            return true;
        }

        /* Invalid sequence: a TIC designating a TIC. */
        if (via_tic) {
            interp_check(s, SCSW_CSTAT_PROG_CHECK, addr + CCW_SIZE, 0);
            return false;
        }
        /*
         * A format-1 TIC has zeros in bits 0-3 and 8-31 (command high
         * nibble, flags, count); a format-0 TIC ignores them.
         */
        if (s->p->fmt1 && ((raw_cmd & 0xf0) || ccw.flags || ccw.count)) {
            interp_check(s, SCSW_CSTAT_PROG_CHECK, addr + CCW_SIZE, 0);
            return false;
        }
        /*
         * The chaining mode (command or data) carries over the TIC to the
         * CCW it designates.
         */
        via_tic = true;
        tic_addr = addr;
        addr = ccw.cda;
    }
}

/*
 * Look at the CCW at @addr without any effect on the run: no check is
 * recorded and nothing counts against the limit.  Returns false when it
 * cannot be read.
 */
static bool peek_ccw(CcwInterp *s, uint32_t addr, CCW1 *ccw)
{
    uint8_t raw_cmd;

    return ccw_addr_valid(s, addr) &&
           read_ccw(s, addr, ccw, &raw_cmd) == CCW_MEM_OK;
}

/* ------------------------------------------------------------------------
 * The data stream of one command
 * ------------------------------------------------------------------------ */

/* End the stream with a check at the CCW in control. */
static void stream_fail(CcwDataStream *ds, uint8_t cstat)
{
    ds->failed = true;
    interp_check(ds->s, cstat, ds->ccw_addr + CCW_SIZE, ds->left);
}

/* Make @cur the CCW in control of the transfer. */
static void stream_load(CcwDataStream *ds, const CcwInterpCcw *cur)
{
    uint32_t cda = cur->ccw.cda;

    ds->ccw_addr = cur->addr;
    ds->flags = cur->ccw.flags;
    ds->left = cur->ccw.count;
    if (ds->flags & CCW_FLAG_IDA) {
        ds->idaw_addr = cda;
        ds->block_left = 0;
        ds->first_idaw = true;
    } else {
        /*
         * A direct data area may not run past the end of the format's
         * address space (24 or 31 bits) nor, read backward, below 0.
         */
        ds->next = cda;
        ds->room = ds->backward ? (uint64_t)cda + 1
                                : addr_limit(ds->s) - (uint64_t)cda;
    }
}

static void stream_init(CcwDataStream *ds, CcwInterp *s,
                        const CcwInterpCcw *cur)
{
    CcwCmdClass cls = ccw_cmd_class(cur->ccw.cmd_code);

    *ds = (CcwDataStream) {
        .s = s,
        .input = cls == CCW_CMD_CLASS_READ || cls == CCW_CMD_CLASS_SENSE ||
                 cls == CCW_CMD_CLASS_READ_BACKWARD,
        .backward = cls == CCW_CMD_CLASS_READ_BACKWARD,
    };
    stream_load(ds, cur);
}

/*
 * Data chaining: the count of the CCW in control is used up and it has
 * the CD flag, so the next CCW takes over (PoP ch. 15, "Data Chaining").
 * The channel chains as soon as the count runs out, whether or not the
 * device wants more, so a bad CCW there ends the command.
 */
static void stream_chain(CcwDataStream *ds)
{
    CcwInterpCcw cur;

    if (!fetch_ccw(ds->s, ds->ccw_addr + CCW_SIZE, true, &cur)) {
        /* fetch_ccw() recorded the check at the new CCW. */
        ds->failed = true;
        return;
    }
    if (cur.ccw.flags & CCW_FLAG_PCI) {
        ds->s->res->pci = true;
    }
    stream_load(ds, &cur);
}

/*
 * Fetch the next IDAW of the CCW in control (PoP ch. 15, "Indirect Data
 * Addressing").  Format-1 IDAWs are 4 bytes with a 31-bit address and
 * cover 2 KiB blocks; format-2 IDAWs are 8 bytes with a 64-bit address
 * and cover 4 KiB blocks, or 2 KiB ones with ORB I2K.  The first IDAW may
 * point anywhere in its block; each later one must designate the first
 * byte of a block (read backward: its last byte), else a program check
 * ("invalid IDAW specification").
 */
static bool stream_next_idaw(CcwDataStream *ds)
{
    const CcwInterpParams *p = ds->s->p;
    const CcwMemOps *mem = ds->s->env->mem;
    uint32_t size = p->idaw_fmt2 ? IDAW2_SIZE : IDAW1_SIZE;
    uint64_t block = !p->idaw_fmt2 ? IDAW1_BLOCK :
                     p->idaw_2k ? IDAW2_BLOCK_2K : IDAW2_BLOCK_4K;
    uint8_t be[IDAW2_SIZE];
    uint64_t idaw;
    CcwMemAccess acc;

    /* The IDAL lives in the address space of the CCW format. */
    if (ds->idaw_addr + size > addr_limit(ds->s)) {
        stream_fail(ds, SCSW_CSTAT_PROG_CHECK);
        return false;
    }
    acc = mem->read(ds->s->env->mem_opaque, ds->idaw_addr, be, size, p->key);
    if (acc != CCW_MEM_OK) {
        stream_fail(ds, access_cstat(acc));
        return false;
    }
    if (p->idaw_fmt2) {
        idaw = copy_idaw2_from_guest(be);
    } else {
        uint32_t idaw1 = copy_idaw1_from_guest(be);

        if (idaw1 & IDAW1_ADDR_MASK_INVALID) {
            stream_fail(ds, SCSW_CSTAT_PROG_CHECK);
            return false;
        }
        idaw = idaw1;
    }
    if (!ds->first_idaw &&
        ((ds->backward ? idaw + 1 : idaw) & (block - 1))) {
        stream_fail(ds, SCSW_CSTAT_PROG_CHECK);
        return false;
    }
    ds->next = idaw;
    ds->block_left = ds->backward ? (idaw & (block - 1)) + 1
                                  : block - (idaw & (block - 1));
    ds->idaw_addr += size;
    ds->first_idaw = false;
    return true;
}

/*
 * Where the next byte of the CCW in control is: *addr, with *max bytes
 * reachable from there in the direction of travel without leaving the
 * IDAW block, the direct data area's address space or the 4 KiB frame.
 */
static bool stream_segment(CcwDataStream *ds, uint64_t *addr, uint32_t *max)
{
    uint64_t run;
    uint32_t in_frame;

    if (ds->flags & CCW_FLAG_IDA) {
        if (ds->block_left == 0 && !stream_next_idaw(ds)) {
            return false;
        }
        run = ds->block_left;
    } else {
        /* Invalid data address: beyond 2^24 or 2^31, or below 0. */
        if (ds->room == 0) {
            stream_fail(ds, SCSW_CSTAT_PROG_CHECK);
            return false;
        }
        run = ds->room;
    }
    in_frame = ds->backward ? (ds->next & (FRAME_SIZE - 1)) + 1
                            : FRAME_SIZE - (ds->next & (FRAME_SIZE - 1));
    *addr = ds->next;
    *max = MIN(run, in_frame);
    return true;
}

/*
 * Move up to @len bytes: from storage into @in (output commands) or from
 * @out into storage (input commands).  Returns the bytes moved.
 */
static size_t stream_move(CcwDataStream *ds, uint8_t *in, const uint8_t *out,
                          size_t len)
{
    const CcwInterpEnv *env = ds->s->env;
    uint8_t key = ds->s->p->key;
    size_t done = 0;

    while (done < len && !ds->failed && ds->left > 0) {
        uint32_t n = MIN(len - done, ds->left);

        /*
         * Skip suppresses the transfer to storage of an input command:
         * the count runs down, nothing is stored and no IDAW is fetched.
         * An output command ignores the flag.
         */
        if (!(ds->input && (ds->flags & CCW_FLAG_SKIP))) {
            CcwMemAccess acc;
            uint64_t addr;
            uint32_t max;

            if (!stream_segment(ds, &addr, &max)) {
                break;
            }
            n = MIN(n, max);
            if (!ds->input) {
                acc = env->mem->read(env->mem_opaque, addr, in + done, n, key);
            } else if (!ds->backward) {
                acc = env->mem->write(env->mem_opaque, addr, out + done, n,
                                      key);
            } else {
                /*
                 * Byte i of the device goes to addr - i: the run lies at
                 * [addr - n + 1, addr] in reverse order.
                 */
                uint8_t rev[FRAME_SIZE];

                for (uint32_t i = 0; i < n; i++) {
                    rev[n - 1 - i] = out[done + i];
                }
                acc = env->mem->write(env->mem_opaque, addr - n + 1, rev, n,
                                      key);
            }
            if (acc != CCW_MEM_OK) {
                stream_fail(ds, access_cstat(acc));
                break;
            }
            if (ds->backward) {
                ds->next -= n;
            } else {
                ds->next += n;
            }
            if (ds->flags & CCW_FLAG_IDA) {
                ds->block_left -= n;
            } else {
                ds->room -= n;
            }
        }
        done += n;
        ds->left -= n;
        ds->moved += n;
        if (ds->left == 0 && (ds->flags & CCW_FLAG_CD)) {
            stream_chain(ds);
        }
    }
    return done;
}

size_t ccw_stream_fetch(CcwDataStream *ds, void *buf, size_t len)
{
    /* The direction of the transfer is the command's, not the device's. */
    if (ds->input) {
        return 0;
    }
    return stream_move(ds, buf, NULL, len);
}

size_t ccw_stream_peek(CcwDataStream *ds, void *buf, size_t len)
{
    CcwDataStream saved = *ds;
    CcwInterpResult res = *ds->s->res;
    size_t n;

    if (ds->input) {
        return 0;
    }
    /*
     * Walk as a fetch would, then put back all it changed: the stream's
     * place and the run's result (a check it met, CCWs it fetched on data
     * chaining, PCI).  Storage reads have no effect to undo.
     */
    n = stream_move(ds, buf, NULL, len);
    *ds = saved;
    *ds->s->res = res;
    return n;
}

size_t ccw_stream_store(CcwDataStream *ds, const void *buf, size_t len)
{
    if (!ds->input) {
        return 0;
    }
    return stream_move(ds, NULL, buf, len);
}

bool ccw_stream_failed(const CcwDataStream *ds)
{
    return ds->failed;
}

uint64_t ccw_stream_moved(const CcwDataStream *ds)
{
    return ds->moved;
}

/* ------------------------------------------------------------------------
 * Commands and the run
 * ------------------------------------------------------------------------ */

/*
 * The count of the data chain that starts at @cur, as its CCWs read now,
 * for CcwDevCommand.total_count.  It stops where the stream would stop
 * with a check, and after as many CCWs as the run may still fetch.
 */
static uint64_t data_chain_count(CcwInterp *s, const CcwInterpCcw *cur)
{
    uint64_t total = cur->ccw.count;
    uint8_t flags = cur->ccw.flags;
    uint32_t next = cur->addr + CCW_SIZE;
    uint32_t steps = s->limit - s->res->ccws;
    bool after_tic = false;

    while ((flags & CCW_FLAG_CD) && steps > 0 && s->peeks_left > 0) {
        CCW1 ccw;

        steps--;
        s->peeks_left--;
        if (!peek_ccw(s, next, &ccw)) {
            break;
        }
        if (ccw_cmd_class(ccw.cmd_code) == CCW_CMD_CLASS_TIC) {
            if (after_tic) {
                break;
            }
            after_tic = true;
            next = ccw.cda;
            continue;
        }
        if (ccw.count == 0) {
            break;
        }
        after_tic = false;
        total += ccw.count;
        flags = ccw.flags;
        next += CCW_SIZE;
    }
    return total;
}

/*
 * Incorrect length (PoP ch. 16, "Incorrect Length"): the count of the
 * data chain and the length of the device's block differ, and the program
 * did not ask to suppress the indication.  Only meaningful when the
 * device presented channel end; a channel check already ended the run.
 */
static bool incorrect_length(const CcwInterp *s, const CcwDataStream *ds,
                             const CcwDevResult *dr, bool immediate)
{
    bool long_block, short_block;

    if (!(dr->dstat & SCSW_DSTAT_CHANNEL_END)) {
        return false;
    }
    /*
     * A unit check before any data moved is a command the device
     * rejected at initiation: no transfer began, so there is no length
     * to compare; the sense data tells the program what happened.
     */
    if ((dr->dstat & SCSW_DSTAT_UNIT_CHECK) && ds->moved == 0) {
        return false;
    }
    if (immediate) {
        /*
         * An immediate operation with a non-zero count: format-0 CCWs run
         * in incorrect-length-suppression mode, format-1 CCWs only when
         * the ORB L bit asks for it; SLI suppresses it in any case.
         */
        return ds->left && !(ds->flags & CCW_FLAG_SLI) &&
               s->p->fmt1 && !s->p->il_suppress;
    }
    long_block = dr->data_len > ds->moved;
    short_block = ds->left || (ds->flags & CCW_FLAG_CD);
    if (!long_block && !short_block) {
        return false;
    }
    /* SLI counts only in a CCW that does not specify data chaining. */
    return !(ds->flags & CCW_FLAG_SLI) || (ds->flags & CCW_FLAG_CD);
}

/*
 * Send the command at @cur to the device and judge its ending.  Returns
 * true to chain to the CCW at *next; false when the run ends here (the
 * result then describes the end).
 */
static bool run_command(CcwInterp *s, const CcwInterpCcw *cur, bool chained,
                        uint32_t *next)
{
    CcwInterpResult *res = s->res;
    CcwDataStream ds;
    CcwDevCommand cmd;
    CcwDevResult dr = {
        .dstat = SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END,
    };
    uint8_t flags;
    bool immediate;

    stream_init(&ds, s, cur);
    cmd = (CcwDevCommand) {
        .cmd = cur->ccw.cmd_code,
        .chained = chained,
        .total_count = data_chain_count(s, cur),
        .ccw_addr = cur->addr,
    };
    res->commands++;
    s->env->dev->execute(s->env->dev_opaque, &cmd, &ds, &dr);
    res->dstat = dr.dstat;

    if (ds.failed) {
        /* The stream recorded the check, its CCW address and count. */
        return false;
    }
    res->cpa = ds.ccw_addr + CCW_SIZE;
    res->count = ds.left;

    /* A device that moved data did not end at initiation. */
    immediate = dr.immediate && ds.moved == 0;
    if (incorrect_length(s, &ds, &dr, immediate)) {
        /* Incorrect length not suppressed ends command chaining. */
        res->cstat |= SCSW_CSTAT_INCORR_LEN;
        return false;
    }
    /*
     * Command chaining needs channel end and device end and nothing
     * unusual: unit check, unit exception, attention, busy or
     * control-unit end end the chain (PoP ch. 15, "Command Chaining").
     */
    if ((dr.dstat & ~SCSW_DSTAT_STAT_MOD) !=
        (SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END)) {
        return false;
    }
    flags = ds.flags;
    if (immediate) {
        /* An immediate operation has no data to chain. */
        flags &= ~CCW_FLAG_CD;
    }
    if (!(flags & CCW_FLAG_CC) || (flags & CCW_FLAG_CD)) {
        return false;
    }
    /* Status modifier: chain to the CCW 16 bytes on, skipping one. */
    *next = ds.ccw_addr + CCW_SIZE;
    if (dr.dstat & SCSW_DSTAT_STAT_MOD) {
        *next += CCW_SIZE;
    }
    return true;
}

static void interp_run(const CcwInterpEnv *env, const CcwInterpParams *p,
                       uint32_t first, CcwInterpResult *res)
{
    CcwInterp s = {
        .env = env,
        .p = p,
        .res = res,
        .limit = p->ccw_limit ? p->ccw_limit : CCW_INTERP_DEFAULT_CCW_LIMIT,
    };
    uint32_t addr = first;

    s.peeks_left = (uint64_t)s.limit * CCW_INTERP_PEEKS_PER_CCW;
    bool chained = false;

    *res = (CcwInterpResult) { 0 };

    for (;;) {
        CcwInterpCcw cur;

        /* A CCW that never reaches the device ends with no device status. */
        res->dstat = 0;
        if (!fetch_ccw(&s, addr, false, &cur)) {
            break;
        }
        if (cur.ccw.flags & CCW_FLAG_SUSPEND) {
            /*
             * Suspension: the command is not sent; the CCW is fetched
             * again on resumption.  A PCI flag in it is still recognised.
             */
            res->suspended = true;
            res->suspend_addr = cur.addr;
            res->cpa = cur.addr + CCW_SIZE;
            res->count = cur.ccw.count;
            if (cur.ccw.flags & CCW_FLAG_PCI) {
                res->pci = true;
            }
            break;
        }
        /* The CCW takes control: now its PCI flag counts. */
        if (cur.ccw.flags & CCW_FLAG_PCI) {
            res->pci = true;
        }
        if (!run_command(&s, &cur, chained, &addr)) {
            break;
        }
        chained = true;
    }

    if (res->pci) {
        res->cstat |= SCSW_CSTAT_PCI;
    }
}

void ccw_interp_start(const CcwInterpEnv *env, const CcwInterpParams *p,
                      CcwInterpResult *res)
{
    interp_run(env, p, p->cpa, res);
}

void ccw_interp_resume(const CcwInterpEnv *env, const CcwInterpParams *p,
                       uint32_t ccw_addr, CcwInterpResult *res)
{
    interp_run(env, p, ccw_addr, res);
}
