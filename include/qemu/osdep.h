/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * osdep.h: the first include of every .c file in this project.
 *
 * It pulls in the C library and GLib headers that nearly every file needs,
 * so that feature macros and include order are the same everywhere.
 * Headers never include it themselves.
 */
#ifndef QEMU_OSDEP_H
#define QEMU_OSDEP_H

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib.h>

#include "qemu/bswap.h"

#ifndef QEMU_BUILD_BUG_ON
/* A compile-time check, e.g. on the size of an architected structure. */
#define QEMU_BUILD_BUG_ON(cond) _Static_assert(!(cond), "not expecting: " #cond)
#endif

#endif /* QEMU_OSDEP_H */
