/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Strict number, size and boolean parsing for user-supplied strings.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"

int qemu_strtou64(const char *str, uint64_t *result)
{
    const char *digits = str;
    unsigned base = 10;
    uint64_t val = 0;

    if (!str || !*str) {
        return -EINVAL;
    }
    if (str[0] == '0' && (str[1] == 'x' || str[1] == 'X')) {
        base = 16;
        digits = str + 2;
        if (!*digits) {
            return -EINVAL;
        }
    }
    for (const char *p = digits; *p; p++) {
        int d = g_ascii_xdigit_value(*p);

        if (d < 0 || (unsigned)d >= base) {
            return -EINVAL;
        }
        if (val > (UINT64_MAX - (uint64_t)d) / base) {
            return -ERANGE;
        }
        val = val * base + (uint64_t)d;
    }
    *result = val;
    return 0;
}

int qemu_strtoi64(const char *str, int64_t *result)
{
    bool negative = str && str[0] == '-';
    uint64_t mag;
    int ret = qemu_strtou64(negative ? str + 1 : str, &mag);

    if (ret < 0) {
        return ret;
    }
    if (negative) {
        if (mag > (uint64_t)INT64_MAX + 1) {
            return -ERANGE;
        }
        *result = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    } else {
        if (mag > INT64_MAX) {
            return -ERANGE;
        }
        *result = (int64_t)mag;
    }
    return 0;
}

int qemu_strtosz_MiB(const char *str, uint64_t *result)
{
    g_autofree char *num = NULL;
    size_t len;
    unsigned shift = 20;
    uint64_t val;
    int ret;

    if (!str || !*str) {
        return -EINVAL;
    }
    len = strlen(str);
    switch (g_ascii_toupper(str[len - 1])) {
    case 'K':
        shift = 10;
        len--;
        break;
    case 'M':
        shift = 20;
        len--;
        break;
    case 'G':
        shift = 30;
        len--;
        break;
    case 'T':
        shift = 40;
        len--;
        break;
    default:
        break;
    }
    num = g_strndup(str, len);
    ret = qemu_strtou64(num, &val);
    if (ret < 0) {
        return ret;
    }
    if (val > (UINT64_MAX >> shift)) {
        return -ERANGE;
    }
    *result = val << shift;
    return 0;
}

int qemu_parse_bool(const char *str, bool *result)
{
    static const char *const yes[] = { "on", "yes", "true" };
    static const char *const no[] = { "off", "no", "false" };

    for (size_t i = 0; str && i < G_N_ELEMENTS(yes); i++) {
        if (g_str_equal(str, yes[i])) {
            *result = true;
            return 0;
        }
        if (g_str_equal(str, no[i])) {
            *result = false;
            return 0;
        }
    }
    return -EINVAL;
}
