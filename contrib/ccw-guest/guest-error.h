/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * guest-error.h: the GError domain of ccw-guest.
 *
 * Every failure the tool reports is one GError with a one-line message
 * that already names the device (as 0.0.1234) or the file; main.c prints
 * it after "ccw-guest: " and exits non-zero.
 */
#ifndef CCW_GUEST_GUEST_ERROR_H
#define CCW_GUEST_GUEST_ERROR_H

#include <glib.h>

/** GUEST_ERROR: GError domain of ccw-guest. */
#define GUEST_ERROR (guest_error_quark())

/**
 * GuestError: codes in GUEST_ERROR.
 * @GUEST_ERROR_PROTOCOL: the qtest connection failed or answered nonsense.
 * @GUEST_ERROR_NO_DEVICE: no subchannel with that device number.
 * @GUEST_ERROR_IO: an I/O instruction or a channel program failed (cc,
 *                  unit check with sense, channel status, timeout).
 * @GUEST_ERROR_FORMAT: the volume's labels or VTOC are not as expected.
 * @GUEST_ERROR_NO_DATASET: the VTOC has no such data set.
 * @GUEST_ERROR_INPUT: bad command-line argument or input file.
 */
typedef enum GuestError {
    GUEST_ERROR_PROTOCOL,
    GUEST_ERROR_NO_DEVICE,
    GUEST_ERROR_IO,
    GUEST_ERROR_FORMAT,
    GUEST_ERROR_NO_DATASET,
    GUEST_ERROR_INPUT,
} GuestError;

/** guest_error_quark: Returns: the quark of GUEST_ERROR. */
GQuark guest_error_quark(void);

#endif /* CCW_GUEST_GUEST_ERROR_H */
