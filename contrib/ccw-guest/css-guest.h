/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-guest.h: the guest side of the channel subsystem, played through
 * qtest: find a subchannel by device number (STORE SUBCHANNEL), enable it
 * (MODIFY SUBCHANNEL with an ISC), and run one channel program (START
 * SUBCHANNEL, wait for the I/O interruption, TEST SUBCHANNEL, and a Sense
 * when a unit check came without concurrent sense).  PoP ch. 14-16.
 *
 * Guest memory used (absolute addresses, all below the 64 MiB the machine
 * is given): ORB at GUEST_ORB_ADDR, IRB at GUEST_IRB_ADDR, SCHIB at
 * GUEST_SCHIB_ADDR, the channel program and its data from
 * GUEST_PROGRAM_ADDR up to GUEST_PROGRAM_MAX bytes.  Control blocks are
 * converted between guest big-endian bytes and host structures only by
 * the copy_*_to/from_guest() helpers of hw/s390x/ioinst.h.
 *
 * Device numbers are written as Linux writes bus ids: "0.0.1234" is
 * subchannel set 0, device number 0x1234 (the first field, the css id, is
 * always 0 for a guest without MCSS-E).
 *
 * Who calls it: the commands, one thread.
 */
#ifndef CCW_GUEST_CSS_GUEST_H
#define CCW_GUEST_CSS_GUEST_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#include "hw/s390x/ioinst.h"
#include "ccw-chain.h"
#include "qtest-client.h"

#define GUEST_ORB_ADDR      0x1000u
#define GUEST_IRB_ADDR      0x1100u
#define GUEST_SCHIB_ADDR    0x1200u
#define GUEST_PROGRAM_ADDR  0x10000u
#define GUEST_PROGRAM_MAX   (8u * 1024 * 1024)

/** GUEST_ISC: interruption subclass our subchannels use (Linux's, 3). */
#define GUEST_ISC 3

/** GUEST_SSID_MAX: highest subchannel-set id a guest can address. */
#define GUEST_SSID_MAX 3

/**
 * GuestStats: counters for --stats.
 * @ios: channel programs started (START SUBCHANNEL with cc 0).
 * @bytes_read: data bytes the device sent (record data, not CCWs).
 * @bytes_written: data bytes sent to the device.
 */
typedef struct GuestStats {
    uint64_t ios;
    uint64_t bytes_read;
    uint64_t bytes_written;
} GuestStats;

/**
 * GuestCss: the CPU's view of the channel subsystem over one connection.
 * @qc: the qtest connection (borrowed).
 * @timeout_ms: how long to wait for an I/O interruption.
 * @stats: counters.
 * @intparm: the interruption parameter of the last program started.
 * @cr6_set: CR6 has been set on this connection.
 * @sensing: a Sense program for an earlier unit check is running.
 */
typedef struct GuestCss {
    QtestClient *qc;
    unsigned timeout_ms;
    GuestStats stats;
    uint32_t intparm;
    bool cr6_set;
    bool sensing;
} GuestCss;

/**
 * GuestSubch: one subchannel with a device.
 * @sid: subsystem-identification word (GR1 of the I/O instructions).
 * @ssid: subchannel set.  @schno: subchannel number.  @devno: device.
 * @name: the device as "0.0.1234".
 * @schib: as stored by the last STSCH.
 */
typedef struct GuestSubch {
    uint32_t sid;
    uint8_t ssid;
    uint16_t schno;
    uint16_t devno;
    char name[16];
    SCHIB schib;
} GuestSubch;

/**
 * GuestIo: how a channel program ended.
 * @scsw: the SCSW TEST SUBCHANNEL stored.
 * @erw: the extended-report word of the ESW.
 * @sense_valid: @sense holds the device's sense bytes (unit check only).
 * @sense: sense data, from the ECW (concurrent sense) or a Sense command.
 * @last_ccw: index of the last CCW executed (from the SCSW CCW address),
 *            -1 if the address was not in the program.
 */
typedef struct GuestIo {
    SCSW scsw;
    uint32_t erw;
    bool sense_valid;
    uint8_t sense[SENSE_DATA_SIZE];
    int last_ccw;
} GuestIo;

/**
 * guest_sid: @ssid: subchannel set (0-3). @schno: subchannel number.
 * Returns: the subsystem-identification word (PoP ch. 14: bit 15 one,
 * set id in bits 13-14, number in bits 16-31).
 */
uint32_t guest_sid(uint8_t ssid, uint16_t schno);

/**
 * guest_parse_busid: read a device name.
 * @s: "C.S.DDDD" (css id, set, device number in hex, as Linux writes bus
 *     ids) or a bare hexadecimal device number "DDDD" (set 0).
 * @ssid: receives the subchannel set.
 * @devno: receives the device number.
 * @errp: names @s and says what is wrong (the css id must be 0: without
 *        MCSS-E a guest sees only its own channel subsystem).
 * Returns: true on success.
 */
bool guest_parse_busid(const char *s, uint8_t *ssid, uint16_t *devno,
                       GError **errp);

/**
 * guest_stsch: STORE SUBCHANNEL.
 * @g: the connection.  @sid: the subchannel.  @schib: receives the SCHIB.
 * @errp: on a protocol failure.
 * Returns: the condition code (0 stored, 3 not operational; a set the
 * machine does not provide counts as 3), or -1 with @errp set.
 */
int guest_stsch(GuestCss *g, uint32_t sid, SCHIB *schib, GError **errp);

/**
 * guest_find_device: the subchannel with device number @devno in set
 * @ssid (STSCH from subchannel 0 on until cc 3).
 * @g: the connection.  @ssid: set.  @devno: device number.
 * @sch: receives the subchannel.
 * @errp: "0.0.1234: no such device" (GUEST_ERROR_NO_DEVICE) or a
 *        protocol failure.
 * Returns: true if found.
 */
bool guest_find_device(GuestCss *g, uint8_t ssid, uint16_t devno,
                       GuestSubch *sch, GError **errp);

/**
 * guest_set_enabled: MODIFY SUBCHANNEL: enable @sch for I/O with
 * interruption subclass GUEST_ISC, or disable it.
 * @g: the connection.  @sch: the subchannel (its @schib is refreshed).
 * @enable: the wanted state.
 * @errp: when STSCH or MSCH do not end with cc 0.
 * Returns: true on success.
 */
bool guest_set_enabled(GuestCss *g, GuestSubch *sch, bool enable,
                       GError **errp);

/**
 * guest_run: run the channel program @ch on @sch and wait for its end.
 * @g: the connection.  @sch: an enabled subchannel.
 * @ch: the program; its input areas are filled from guest memory after
 *      the program ended (also when it ended with an error).
 * @io: receives the ending status; after a unit check the sense bytes.
 * @errp: when the program could not be started (cc 1 twice, cc 2, cc 3,
 *        program interruption), no interruption came within the timeout
 *        (the subchannel is then cleared), or the connection failed.
 * Returns: true if the program ran to an ending status, whatever that
 * status is; judge it with guest_io_check().
 */
bool guest_run(GuestCss *g, GuestSubch *sch, CcwChain *ch, GuestIo *io,
               GError **errp);

/**
 * guest_io_check: did the program end cleanly?
 * @sch: the subchannel (for the message).
 * @io: its ending.
 * @ch: the program (names the failing command in the message).
 * @allow_ux: a unit exception (end of file read) is acceptable.
 * @context: what the program did, for the message (may be NULL).
 * @errp: one line, e.g. "0.0.1234: reading cyl 0 head 1 record 1: unit
 *        check: no record found (sense 00 08 00 ... ; CCW 2, command
 *        0x86)".
 * Returns: true for channel end + device end with no unit check and no
 * subchannel status (and no unit exception unless @allow_ux).
 */
bool guest_io_check(const GuestSubch *sch, const GuestIo *io,
                    const CcwChain *ch, bool allow_ux, const char *context,
                    GError **errp);

#endif /* CCW_GUEST_CSS_GUEST_H */
