/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-interp.h: the channel's execution of a command-mode channel program.
 *
 * This is the part of the channel subsystem that walks a program of CCWs
 * (PoP ch. 15, "Channel-Command Word", "Chaining", "Transfer in Channel",
 * "Indirect Data Addressing", "Suspension of Channel-Program Execution";
 * ch. 16, "Subchannel Status" and "CCW-Address Field"): it fetches and
 * checks CCWs, follows TICs, command and data chaining, moves the data of
 * each command between storage and the device through a data stream that
 * hides data chaining, IDALs, skipping and read backward, and works out
 * the SCSW words that end the run: CCW address, device status, subchannel
 * status and residual count.
 *
 * Who may call it: the channel subsystem (hw/s390x/css.c) for emulated
 * devices on guest RAM, and the vfio-user-ccw server for the guest's
 * programs on its DMA-mapped view of guest RAM.  Neither is assumed: all
 * storage accesses go through CcwMemOps and every command goes to
 * CcwDevOps.  A run is synchronous: ccw_interp_start() returns when the
 * program ends or is suspended.  Nothing here keeps state between runs;
 * the caller keeps the ORB (and the suspension point) in its subchannel.
 *
 * What it does not do: status-control / activity-control bits, interrupts,
 * halt and clear, concurrent sense, the initial-status interruption
 * (ORB I) and address-limit checking (ORB A) belong to the caller;
 * transport mode and MIDAWs are not supported (a CCW with the MIDA flag
 * gets a program check, as when ORB D is zero; SSCH refuses ORB D).
 *
 * Addresses are absolute storage addresses, host-order integers.  CCWs and
 * IDAWs in storage are big-endian bytes (converted by the copy_*_from_guest
 * helpers of ioinst.h).
 */
#ifndef HW_S390X_CCW_INTERP_H
#define HW_S390X_CCW_INTERP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hw/s390x/ioinst.h"

/*
 * CCW_INTERP_DEFAULT_CCW_LIMIT: CCWs one run may fetch (TICs and
 * data-chained CCWs included) before the program is ended with a program
 * check.  The architecture has no such limit: a real channel runs a
 * looping program until HALT or CLEAR SUBCHANNEL.  A synchronous run
 * must end, so a program that is still going after this many CCWs is
 * treated as one in error, and the CCW that would exceed the limit gets
 * the program check (CPA = its address + 8).  Real programs stay far
 * below: Linux's vfio-ccw refuses chain segments over 256 CCWs, and an
 * ECKD search loop ends within two revolutions of a track.
 */
#define CCW_INTERP_DEFAULT_CCW_LIMIT 65536u

/**
 * CcwMemAccess: outcome of one storage access by the channel.
 * @CCW_MEM_OK: all bytes were transferred.
 * @CCW_MEM_ADDRESSING: (some of) the location is not available to the
 *     channel; the interpreter reports a program check (PoP ch. 16,
 *     "Program Check": invalid CCW, IDAW or data address).
 * @CCW_MEM_PROTECTION: key-controlled protection forbids the access: the
 *     access key is not 0, differs from the storage key, and the access is
 *     a store or the location is fetch-protected; the interpreter reports
 *     a protection check (PoP ch. 16, "Protection Check").
 */
typedef enum CcwMemAccess {
    CCW_MEM_OK = 0,
    CCW_MEM_ADDRESSING,
    CCW_MEM_PROTECTION,
} CcwMemAccess;

/**
 * CcwMemOps: absolute storage as the channel sees it.
 * @read: fetch @len bytes at @addr into @buf with access key @key.
 * @write: store @len bytes from @buf at @addr with access key @key.
 *
 * Guarantees to the callbacks: @len is 1..4096, the range
 * [@addr, @addr + @len) lies within one 4 KiB frame (so one storage key
 * covers it and @addr + @len - 1 does not wrap; @addr may be any 64-bit
 * value, format-2 IDAWs hold 64-bit addresses), and @key is 0-15 (the
 * ORB key).  The callback transfers all bytes or none and returns
 * CCW_MEM_OK, or transfers nothing and names the access problem.  It
 * must check the whole range: the interpreter never reads or writes
 * storage any other way.  CCWs and IDAWs are fetched with @read too.
 */
typedef struct CcwMemOps {
    CcwMemAccess (*read)(void *opaque, uint64_t addr, void *buf,
                         uint32_t len, uint8_t key);
    CcwMemAccess (*write)(void *opaque, uint64_t addr, const void *buf,
                          uint32_t len, uint8_t key);
} CcwMemOps;

/**
 * CcwDataStream: the data of one command as the device sees it.
 *
 * Opaque; valid only during the CcwDevOps.execute() call it is passed to.
 * It starts at the command's CCW and covers its data chain: when the count
 * of a CCW with the CD flag is used up, the next CCW is fetched (TICs
 * followed; its command code is ignored, its flags, count and address are
 * used, PoP ch. 15, "Data Chaining").  Data areas are direct or IDALs of
 * format 1 or 2 (2 or 4 KiB blocks); a CCW with SKIP on an input command
 * consumes its count without storing; a read-backward command stores at
 * descending addresses.  An error in the chain (program or protection
 * check) stops the stream: every later call moves nothing.
 */
typedef struct CcwDataStream CcwDataStream;

/**
 * ccw_stream_fetch: give the device data from storage, for output
 * commands (write, control: low command bits 01 or 11).
 * @ds: the command's stream.
 * @buf: receives up to @len bytes, in storage order.
 * @len: bytes the device wants now.
 *
 * Returns: bytes delivered.  Fewer than @len when the count of the data
 * chain is used up, when the stream failed (ccw_stream_failed()), or when
 * the command is an input command (then 0: the direction is the
 * command's, PoP ch. 15, "Command Code").
 */
size_t ccw_stream_fetch(CcwDataStream *ds, void *buf, size_t len);

/**
 * ccw_stream_peek: look at the data an output command's stream would give
 * next, without taking it.
 * @ds: the command's stream.
 * @buf: receives up to @len bytes, as ccw_stream_fetch() would.
 * @len: bytes to look at.
 *
 * For a device that must see its whole parameter or data area before it
 * knows how much of it it takes: it peeks, decides, then fetches just
 * that much, so the residual count and incorrect length are the channel's
 * as if the device had asked byte by byte.  Nothing is recorded: a check
 * the peek runs into is reported only if a fetch reaches it, CCWs fetched
 * on data chaining are fetched again by the fetch, and the stream stays
 * where it was.
 *
 * Returns: bytes copied; fewer than @len where ccw_stream_fetch() would
 * stop (count used up, or a check that a fetch would report there); 0 for
 * an input command or a failed stream.
 */
size_t ccw_stream_peek(CcwDataStream *ds, void *buf, size_t len);

/**
 * ccw_stream_store: take data from the device into storage, for input
 * commands (read, sense, read backward).
 * @ds: the command's stream.
 * @buf: @len bytes in the order the device produces them.  For read
 *     backward that is the reverse of the medium's order; the stream puts
 *     byte 0 at the data address (or first IDAW) and each further byte one
 *     address lower (PoP ch. 15, "Read Backward").
 * @len: bytes offered.
 *
 * Returns: bytes accepted (skipped bytes count as accepted).  Fewer than
 * @len when the count of the data chain is used up, when the stream
 * failed, or when the command is an output command (then 0).
 */
size_t ccw_stream_store(CcwDataStream *ds, const void *buf, size_t len);

/**
 * ccw_stream_failed: @ds: the command's stream.
 * Returns: true once the channel found a program or protection check in
 * the data chain or its storage; the device should end the command (its
 * status is reported together with the channel's check).
 */
bool ccw_stream_failed(const CcwDataStream *ds);

/**
 * ccw_stream_moved: @ds: the command's stream.
 * Returns: bytes moved so far over the whole data chain (skipped bytes
 * included), what a device puts in CcwDevResult.data_len when it had
 * exactly that much.
 */
uint64_t ccw_stream_moved(const CcwDataStream *ds);

/**
 * CcwDevCommand: one command sent to the device.
 * @cmd: command code of the CCW that starts the command (for a
 *     data chain, the first CCW's code).
 * @chained: true when the command was reached by command chaining in this
 *     run; false for the first CCW of a start or resume.
 * @total_count: sum of the counts over the command's data chain as the
 *     CCWs read when the command starts (0 to 65535 without data
 *     chaining).  A program that rewrites a later CCW of the chain during
 *     the transfer (allowed without ORB P) gets the new CCW: the stream,
 *     not this number, is what counts.
 * @ccw_addr: address of that CCW, for tracing.
 */
typedef struct CcwDevCommand {
    uint8_t cmd;
    bool chained;
    uint64_t total_count;
    uint32_t ccw_addr;
} CcwDevCommand;

/**
 * CcwDevResult: how the device ended a command.
 * @dstat: device status (SCSW_DSTAT_*): CE|DE when all went well; with
 *     SM (status modifier) the channel skips the next CCW of a command
 *     chain (PoP ch. 15, "Command Chaining"); UC, UE, ATTN, BUSY, CUE or
 *     a missing CE/DE end the chain.  Preset to CE|DE.
 * @data_len: bytes the operation had: for an input command the length of
 *     the block the device had to offer, for an output command the length
 *     it wanted.  More than ccw_stream_moved() (with the chain's count
 *     used up) is a long block; 0, the preset, means "just what moved".
 *     The channel compares this and the count left to decide incorrect
 *     length and the residual count.  Incorrect length needs channel
 *     end, and is not indicated for a unit check before any data moved
 *     (a command rejected at initiation).
 * @immediate: the device ended the command at initiation without asking
 *     for or offering data (an "immediate operation" such as NOOP, PoP
 *     ch. 15, "Immediate Operations").  Incorrect length then follows the
 *     immediate-operation rule.  Preset to false.
 */
typedef struct CcwDevResult {
    uint8_t dstat;
    uint64_t data_len;
    bool immediate;
} CcwDevResult;

/**
 * CcwDevOps: the device at the other end of the channel.
 * @execute: perform @cmd, moving its data through @ds, and fill @res
 *     (preset as documented there).  Called once per command, in program
 *     order; the interpreter has already checked the CCW.  Sense data and
 *     unit-check handling are the device's and the caller's business.
 */
typedef struct CcwDevOps {
    void (*execute)(void *opaque, const CcwDevCommand *cmd,
                    CcwDataStream *ds, CcwDevResult *res);
} CcwDevOps;

/**
 * CcwInterpEnv: the storage and device one run works on.
 * @mem: storage callbacks; @mem_opaque is passed to them.
 * @dev: device callbacks; @dev_opaque is passed to them.
 */
typedef struct CcwInterpEnv {
    const CcwMemOps *mem;
    void *mem_opaque;
    const CcwDevOps *dev;
    void *dev_opaque;
} CcwInterpEnv;

/**
 * CcwInterpParams: the start parameters, taken from the ORB (PoP ch. 15,
 * "Operation-Request Block").  ccw_interp_params_from_orb() fills them.
 * @cpa: channel-program address, the first CCW (word 2).  Bit 0 is the
 *     caller's (SSCH: operand exception); with format-0 CCWs bits 1-7 must
 *     be zero too, else the run ends with a program check.
 * @key: subchannel key, 0-15, used for every storage access.
 * @fmt1: F, format-1 CCWs (else format 0).
 * @prefetch: P, the channel may prefetch CCWs and data.  Accepted without
 *     effect: this channel fetches each CCW when it needs it, which both
 *     settings allow.
 * @idaw_fmt2: H (C64), IDAWs are format 2 (8 bytes, 64-bit) else format 1
 *     (4 bytes, 31-bit, 2 KiB blocks).
 * @idaw_2k: T (I2K), format-2 IDAWs cover 2 KiB blocks instead of 4 KiB.
 * @suspend_ctl: S, the CCW S flag suspends the program (else it is a
 *     program check).
 * @il_suppress: L, incorrect-length-suppression mode: an immediate
 *     operation with a non-zero count and without SLI does not indicate
 *     incorrect length.  With format-0 CCWs that mode always applies.
 * @ccw_limit: CCWs this run may fetch; 0 selects
 *     CCW_INTERP_DEFAULT_CCW_LIMIT.
 */
typedef struct CcwInterpParams {
    uint32_t cpa;
    uint8_t key;
    bool fmt1;
    bool prefetch;
    bool idaw_fmt2;
    bool idaw_2k;
    bool suspend_ctl;
    bool il_suppress;
    uint32_t ccw_limit;
} CcwInterpParams;

/**
 * CcwInterpResult: how the run ended, in SCSW terms (PoP ch. 16,
 * "Subchannel-Status Word").
 * @cpa: CCW address for SCSW word 1: the address of the last CCW used + 8.
 *     For a check found while fetching or checking a CCW it is that CCW's
 *     address + 8, except that a CCW designated by a TIC that cannot be
 *     fetched (bad alignment, addressing, protection) reports the TIC's
 *     address + 8, and a TIC following a TIC reports the second TIC + 8.
 *     When suspended: the suspended CCW's address + 8.
 * @dstat: device status of the command that ended the run; 0 when the run
 *     ended on a CCW that never reached the device (a check in it, or
 *     suspension).
 * @cstat: subchannel status: SCSW_CSTAT_PCI (a CCW with the PCI flag took
 *     control, see @pci), SCSW_CSTAT_INCORR_LEN, SCSW_CSTAT_PROG_CHECK,
 *     SCSW_CSTAT_PROT_CHECK.  Chaining check cannot happen here (no
 *     overrun in a synchronous channel) and is never set.
 * @count: residual count: what is left of the count of the CCW named by
 *     @cpa.  After a program or protection check the architecture leaves
 *     it unpredictable: it is 0 for a CCW that failed its checks and the
 *     untransferred rest (exact to the 4 KiB frame) for a storage error
 *     during the transfer.
 * @suspended: the program is suspended before the CCW at @suspend_addr
 *     (a valid S flag with @suspend_ctl).  Resume with ccw_interp_resume().
 * @suspend_addr: the suspended CCW; meaningful only when @suspended.
 * @pci: a PCI flag was seen (PoP ch. 15, "Program-Controlled
 *     Interruption"): an intermediate interruption condition.  This
 *     channel cannot interrupt in the middle of a run, so it is reported
 *     with the status that ends it (also in @cstat), which the
 *     architecture permits when the PCI condition has not been cleared
 *     before the final status; at suspension it goes with the
 *     intermediate status.
 * @ccws: CCWs fetched in this run (TICs and data-chained CCWs included).
 * @commands: commands passed to the device in this run.
 */
typedef struct CcwInterpResult {
    uint32_t cpa;
    uint8_t dstat;
    uint8_t cstat;
    uint16_t count;
    bool suspended;
    uint32_t suspend_addr;
    bool pci;
    uint32_t ccws;
    uint32_t commands;
} CcwInterpResult;

/**
 * ccw_interp_params_from_orb: take the start parameters from an ORB.
 * @orb: the ORB of the start function, host order (copy_orb_from_guest()).
 * @p: filled: @cpa, @key, @fmt1, @prefetch, @idaw_fmt2, @idaw_2k,
 *     @suspend_ctl and @il_suppress from ORB word 1 and 2; @ccw_limit 0.
 *
 * The ORB's validity (reserved bits, MIDAW and transport-mode controls,
 * CPA bit 0) is checked by SSCH before; it is not looked at here.
 */
void ccw_interp_params_from_orb(const ORB *orb, CcwInterpParams *p);

/**
 * ccw_interp_start: run a channel program from its first CCW (the start
 * function of START SUBCHANNEL, PoP ch. 15, "Start Function").
 * @env: storage and device.
 * @p: start parameters.
 * @res: filled with the ending status; always fully written.
 *
 * Guest errors never fail the call: they become the architected status
 * in @res.  The run ends at the first CCW without chaining, at unusual
 * device status, at incorrect length, at a program or protection check,
 * at suspension, or after @p->ccw_limit CCWs (program check).
 */
void ccw_interp_start(const CcwInterpEnv *env, const CcwInterpParams *p,
                      CcwInterpResult *res);

/**
 * ccw_interp_resume: continue a suspended program (RESUME SUBCHANNEL,
 * PoP ch. 14 and ch. 15, "Suspension of Channel-Program Execution").
 * @env: storage and device.
 * @p: the parameters of the original start (from the same ORB); its @cpa
 *     is ignored.
 * @ccw_addr: the suspended CCW, CcwInterpResult.suspend_addr of the run
 *     that suspended.
 * @res: filled as for ccw_interp_start().
 *
 * The suspended CCW is fetched again, since the program may have changed
 * it: if its S flag is still one the program suspends again at once (the
 * channel never executes a CCW with the S flag).  The first command is
 * not command-chained: the device ended its chain at the suspension.
 */
void ccw_interp_resume(const CcwInterpEnv *env, const CcwInterpParams *p,
                       uint32_t ccw_addr, CcwInterpResult *res);

#endif /* HW_S390X_CCW_INTERP_H */
