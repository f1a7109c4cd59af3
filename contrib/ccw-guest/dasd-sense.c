/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DASD sense bytes in words (see dasd-sense.h).
 */
#include "qemu/osdep.h"

#include "dasd-sense.h"

/* Byte 0 */
#define SNS0_CMD_REJECT         0x80
#define SNS0_INTERVENTION_REQ   0x40
#define SNS0_BUS_OUT_PARITY     0x20
#define SNS0_EQUIPMENT_CHECK    0x10
#define SNS0_DATA_CHECK         0x08
#define SNS0_OVERRUN            0x04
#define SNS0_INCOMPLETE_DOMAIN  0x01
/* Byte 1 */
#define SNS1_PERMANENT_ERROR    0x80
#define SNS1_INVALID_TRACK_FMT  0x40
#define SNS1_END_OF_CYLINDER    0x20
#define SNS1_NO_RECORD_FOUND    0x08
#define SNS1_FILE_PROTECTED     0x04
#define SNS1_WRITE_INHIBITED    0x02

/* Format-0 messages that qualify a command reject (byte 7 = 0x0m). */
static const char *reject_reason(uint8_t b7)
{
    if (b7 >> 4) {
        return "command reject";
    }
    switch (b7 & 0x0f) {
    case 0x1:
        return "command reject: invalid command";
    case 0x2:
        return "command reject: invalid command sequence";
    case 0x3:
        return "command reject: CCW count too small";
    case 0x4:
        return "command reject: invalid parameter";
    case 0x5:
        return "command reject: command not allowed by the file mask";
    default:
        return "command reject";
    }
}

const char *dasd_sense_meaning(const uint8_t *sense)
{
    uint8_t b0 = sense[0], b1 = sense[1];

    /*
     * Most specific first: a command reject names the command's fault;
     * byte 1 names the record-level condition, which some errors pair
     * with a generic byte-0 bit (write inhibited comes with equipment
     * check).
     */
    if (b0 & SNS0_CMD_REJECT) {
        if (b0 & SNS0_INCOMPLETE_DOMAIN) {
            return "command reject: incomplete domain";
        }
        return reject_reason(sense[7]);
    }
    if (b1 & SNS1_WRITE_INHIBITED) {
        return "write inhibited";
    }
    if (b1 & SNS1_FILE_PROTECTED) {
        return "file protected";
    }
    if (b1 & SNS1_NO_RECORD_FOUND) {
        return "no record found";
    }
    if (b1 & SNS1_INVALID_TRACK_FMT) {
        return "invalid track format";
    }
    if (b1 & SNS1_END_OF_CYLINDER) {
        return "end of cylinder";
    }
    if (b0 & SNS0_INTERVENTION_REQ) {
        return "intervention required";
    }
    if (b0 & SNS0_EQUIPMENT_CHECK) {
        return "equipment check";
    }
    if (b0 & SNS0_DATA_CHECK) {
        return "data check";
    }
    if (b0 & SNS0_OVERRUN) {
        return "overrun";
    }
    if (b0 & SNS0_BUS_OUT_PARITY) {
        return "bus-out parity check";
    }
    if (b1 & SNS1_PERMANENT_ERROR) {
        return "permanent error";
    }
    return "no sense bits set";
}
