/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cutils.h: strict parsing of numbers and sizes given by users.
 *
 * Command-line values, qtest requests and properties all go through these,
 * so "12x", "", "-1" for an unsigned value and overflow are refused the
 * same way everywhere.
 */
#ifndef QEMU_CUTILS_H
#define QEMU_CUTILS_H

#include <stdbool.h>
#include <stdint.h>

/**
 * qemu_strtou64: parse @str as an unsigned 64-bit number.
 * Decimal, or hexadecimal with a 0x/0X prefix; no sign, no blanks, no
 * trailing characters.
 * Returns: 0 on success, -EINVAL for junk, -ERANGE for overflow; @result
 * is set only on success.
 */
int qemu_strtou64(const char *str, uint64_t *result);

/**
 * qemu_strtoi64: like qemu_strtou64() but with an optional leading '-'.
 * Returns: 0, -EINVAL or -ERANGE.
 */
int qemu_strtoi64(const char *str, int64_t *result);

/**
 * qemu_strtosz_MiB: parse a memory size as -m takes it: a number with an
 * optional suffix K, M, G or T (powers of 1024, either case); a bare
 * number means MiB, as in QEMU's -m.
 * Returns: 0 with @result in bytes, -EINVAL for junk, -ERANGE on overflow.
 */
int qemu_strtosz_MiB(const char *str, uint64_t *result);

/**
 * qemu_parse_bool: "on", "yes", "true" -> true; "off", "no", "false" ->
 * false (the words QEMU accepts for boolean options).
 * Returns: 0 on success, -EINVAL otherwise.
 */
int qemu_parse_bool(const char *str, bool *result);

#endif /* QEMU_CUTILS_H */
