/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-sense.h: what the sense bytes of a unit check mean, in words.
 *
 * Layout: 24-byte compatible sense of a 3990-attached 3390
 * (facts-dasd-eckd.md section 1.5).  Byte 0 bits are common to all
 * devices (command reject, intervention required, bus-out parity,
 * equipment check, data check, overrun); byte 1 and the format-0
 * messages in byte 7 are the DASD ones.
 *
 * Pure functions; unit-tested on hand-made sense bytes.
 */
#ifndef CCW_GUEST_DASD_SENSE_H
#define CCW_GUEST_DASD_SENSE_H

#include <stdint.h>

/** DASD_SENSE_SIZE: bytes of sense a 3990 returns. */
#define DASD_SENSE_SIZE 32

/**
 * dasd_sense_meaning: the most specific condition the sense reports.
 * @sense: DASD_SENSE_SIZE bytes.
 * Returns: a static string such as "no record found", "file protected",
 * "command reject: invalid parameter", "command reject: incomplete
 * domain"; "no sense bits set" when bytes 0 and 1 are zero.
 */
const char *dasd_sense_meaning(const uint8_t *sense);

#endif /* CCW_GUEST_DASD_SENSE_H */
