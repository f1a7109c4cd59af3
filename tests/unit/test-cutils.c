/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Strict parsing of numbers, sizes and booleans from users.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"

static void test_strtou64_accepts_decimal_and_hex(void)
{
    uint64_t v = 0;

    g_assert_cmpint(qemu_strtou64("0", &v), ==, 0);
    g_assert_cmpuint(v, ==, 0);
    g_assert_cmpint(qemu_strtou64("4096", &v), ==, 0);
    g_assert_cmpuint(v, ==, 4096);
    g_assert_cmpint(qemu_strtou64("0x1000", &v), ==, 0);
    g_assert_cmphex(v, ==, 0x1000);
    g_assert_cmpint(qemu_strtou64("0XfFfF", &v), ==, 0);
    g_assert_cmphex(v, ==, 0xffff);
    g_assert_cmpint(qemu_strtou64("18446744073709551615", &v), ==, 0);
    g_assert_cmphex(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("0xffffffffffffffff", &v), ==, 0);
    g_assert_cmphex(v, ==, UINT64_MAX);
}

static void test_strtou64_refuses_junk(void)
{
    static const char *const bad[] = {
        "", "0x", "x10", "12x", " 1", "1 ", "-1", "+1", "0x-1", "1e3",
        "0b101", "ten",
    };
    uint64_t v = 42;

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_assert_cmpint(qemu_strtou64(bad[i], &v), ==, -EINVAL);
    }
    g_assert_cmpint(qemu_strtou64(NULL, &v), ==, -EINVAL);
    g_assert_cmpuint(v, ==, 42);      /* untouched on error */
}

static void test_strtou64_refuses_overflow(void)
{
    uint64_t v = 42;

    g_assert_cmpint(qemu_strtou64("18446744073709551616", &v), ==, -ERANGE);
    g_assert_cmpint(qemu_strtou64("0x10000000000000000", &v), ==, -ERANGE);
    g_assert_cmpuint(v, ==, 42);
}

static void test_strtoi64_signs_and_limits(void)
{
    int64_t v = 0;

    g_assert_cmpint(qemu_strtoi64("-5", &v), ==, 0);
    g_assert_cmpint(v, ==, -5);
    g_assert_cmpint(qemu_strtoi64("-9223372036854775808", &v), ==, 0);
    g_assert_cmpint(v, ==, INT64_MIN);
    g_assert_cmpint(qemu_strtoi64("9223372036854775807", &v), ==, 0);
    g_assert_cmpint(v, ==, INT64_MAX);
    g_assert_cmpint(qemu_strtoi64("9223372036854775808", &v), ==, -ERANGE);
    g_assert_cmpint(qemu_strtoi64("-9223372036854775809", &v), ==, -ERANGE);
    g_assert_cmpint(qemu_strtoi64("--1", &v), ==, -EINVAL);
}

static void test_strtosz_suffixes(void)
{
    static const struct {
        const char *in;
        uint64_t out;
    } ok[] = {
        { "64", 64ULL << 20 },          /* a bare number is MiB, as -m */
        { "64M", 64ULL << 20 },
        { "64m", 64ULL << 20 },
        { "65536K", 64ULL << 20 },
        { "1G", 1ULL << 30 },
        { "1T", 1ULL << 40 },
        { "0x10M", 16ULL << 20 },
    };
    uint64_t v;

    for (size_t i = 0; i < G_N_ELEMENTS(ok); i++) {
        g_assert_cmpint(qemu_strtosz_MiB(ok[i].in, &v), ==, 0);
        g_assert_cmpuint(v, ==, ok[i].out);
    }
    g_assert_cmpint(qemu_strtosz_MiB("12x", &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz_MiB("M", &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz_MiB("", &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz_MiB("17179869184G", &v), ==, -ERANGE);
}

static void test_parse_bool_words(void)
{
    static const char *const yes[] = { "on", "yes", "true" };
    static const char *const no[] = { "off", "no", "false" };
    bool b;

    for (size_t i = 0; i < G_N_ELEMENTS(yes); i++) {
        b = false;
        g_assert_cmpint(qemu_parse_bool(yes[i], &b), ==, 0);
        g_assert_true(b);
        g_assert_cmpint(qemu_parse_bool(no[i], &b), ==, 0);
        g_assert_false(b);
    }
    g_assert_cmpint(qemu_parse_bool("ON", &b), ==, -EINVAL);
    g_assert_cmpint(qemu_parse_bool("1", &b), ==, -EINVAL);
    g_assert_cmpint(qemu_parse_bool("", &b), ==, -EINVAL);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cutils/strtou64/decimal-and-hex",
                    test_strtou64_accepts_decimal_and_hex);
    g_test_add_func("/cutils/strtou64/refuses-junk",
                    test_strtou64_refuses_junk);
    g_test_add_func("/cutils/strtou64/refuses-overflow",
                    test_strtou64_refuses_overflow);
    g_test_add_func("/cutils/strtoi64/signs-and-limits",
                    test_strtoi64_signs_and_limits);
    g_test_add_func("/cutils/strtosz/suffixes", test_strtosz_suffixes);
    g_test_add_func("/cutils/parse-bool/words", test_parse_bool_words);
    return g_test_run();
}
