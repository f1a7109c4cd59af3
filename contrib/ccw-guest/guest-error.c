/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The GError domain of ccw-guest.
 */
#include "qemu/osdep.h"

#include "guest-error.h"

G_DEFINE_QUARK(ccw-guest-error-quark, guest_error)
