/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The qtest guest-memory requests and framing, one rule per test, over a
 * real socket session with a running machine.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define RAM_SIZE (64 * 1024 * 1024)
#define MACHINE_ARGS "-M s390-ccw-virtio -m 64M -nodefaults -display none"

static QTestState *start(void)
{
    return qtest_init(MACHINE_ARGS);
}

/* Assert that @line gets a FAIL whose message contains @needle. */
static void assert_fail(QTestState *s, const char *line, const char *needle)
{
    g_autofree char *reply = qtest_request(s, line);

    if (!g_str_has_prefix(reply, "FAIL ") || !strstr(reply, needle)) {
        g_error("'%s' answered '%s', expected FAIL with '%s'", line, reply,
                needle);
    }
}

static void test_endianness_is_big(void)
{
    QTestState *s = start();
    g_autofree char *r = qtest_request(s, "endianness");

    g_assert_cmpstr(r, ==, "OK big");
    qtest_quit(s);
}

static void test_writeq_readl_is_big_endian(void)
{
    QTestState *s = start();
    g_autofree char *w = qtest_request(s, "writeq 0x1000 0x0102030405060708");
    g_autofree char *r = qtest_request(s, "readl 0x1000");
    g_autofree char *rb = qtest_request(s, "readb 0x1007");

    g_assert_cmpstr(w, ==, "OK");
    g_assert_cmpstr(r, ==, "OK 0x01020304");
    g_assert_cmpstr(rb, ==, "OK 0x08");
    qtest_quit(s);
}

static void test_every_width_round_trips(void)
{
    QTestState *s = start();

    qtest_writeb(s, 0x2000, 0xa5);
    qtest_writew(s, 0x2002, 0xbeef);
    qtest_writel(s, 0x2004, 0xdeadbeef);
    qtest_writeq(s, 0x2008, 0x0123456789abcdefULL);
    g_assert_cmphex(qtest_readb(s, 0x2000), ==, 0xa5);
    g_assert_cmphex(qtest_readw(s, 0x2002), ==, 0xbeef);
    g_assert_cmphex(qtest_readl(s, 0x2004), ==, 0xdeadbeef);
    g_assert_cmphex(qtest_readq(s, 0x2008), ==, 0x0123456789abcdefULL);
    /* big-endian: the halfword's high byte comes first in memory */
    g_assert_cmphex(qtest_readb(s, 0x2002), ==, 0xbe);
    /* unaligned accesses are fine for the protocol */
    g_assert_cmphex(qtest_readw(s, 0x2001), ==, 0x00be);
    qtest_quit(s);
}

static void test_read_write_hex(void)
{
    QTestState *s = start();
    g_autofree char *w = qtest_request(s, "write 0x3000 4 0xcafef00d");
    g_autofree char *r = qtest_request(s, "read 0x3000 4");
    g_autofree char *w2 = qtest_request(s, "write 0x3000 4 0xab");
    g_autofree char *r2 = qtest_request(s, "read 0x3000 4");

    g_assert_cmpstr(w, ==, "OK");
    g_assert_cmpstr(r, ==, "OK 0xcafef00d");
    /* fewer digits than bytes: the rest of the range becomes zero */
    g_assert_cmpstr(w2, ==, "OK");
    g_assert_cmpstr(r2, ==, "OK 0xab000000");
    qtest_quit(s);
}

static void test_b64_round_trip(void)
{
    QTestState *s = start();
    uint8_t data[300], back[300];

    for (size_t i = 0; i < sizeof(data); i++) {
        data[i] = (uint8_t)(i * 7 + 3);
    }
    qtest_memwrite(s, 0x4001, data, sizeof(data));
    qtest_memread(s, 0x4001, back, sizeof(back));
    g_assert_cmpmem(data, sizeof(data), back, sizeof(back));
    qtest_quit(s);
}

static void test_memset_fills_exact_range(void)
{
    QTestState *s = start();

    qtest_memset(s, 0x5000, 0x11, 16);
    qtest_memset(s, 0x5004, 0xee, 8);
    g_assert_cmphex(qtest_readl(s, 0x5000), ==, 0x11111111);
    g_assert_cmphex(qtest_readq(s, 0x5004), ==, 0xeeeeeeeeeeeeeeeeULL);
    g_assert_cmphex(qtest_readl(s, 0x500c), ==, 0x11111111);
    qtest_quit(s);
}

static void test_last_byte_ok_one_past_fails(void)
{
    QTestState *s = start();
    g_autofree char *ok1 = qtest_requestf(s, "writeb 0x%x 0x5a", RAM_SIZE - 1);
    g_autofree char *ok2 = qtest_requestf(s, "readb 0x%x", RAM_SIZE - 1);

    g_assert_cmpstr(ok1, ==, "OK");
    g_assert_cmpstr(ok2, ==, "OK 0x5a");
    assert_fail(s, "readb 0x4000000", "outside guest RAM");
    assert_fail(s, "readw 0x3ffffff", "outside guest RAM");
    assert_fail(s, "writeq 0x3fffffc 0", "outside guest RAM");
    assert_fail(s, "read 0x3ffffff 2", "outside guest RAM");
    assert_fail(s, "memset 0x3fffff0 0x11 1", "outside guest RAM");
    assert_fail(s, "b64write 0x3ffffff 2 AAA=", "outside guest RAM");
    /* address + size wrapping around 2^64 is out of range too */
    assert_fail(s, "read 0xffffffffffffffff 2", "outside guest RAM");
    qtest_quit(s);
}

static void test_fail_changes_nothing(void)
{
    QTestState *s = start();

    qtest_writel(s, 0x6000, 0x01020304);
    assert_fail(s, "writel 0x6000 0x100000000", "does not fit");
    assert_fail(s, "write 0x6000 2 0x010203", "hex digits");
    assert_fail(s, "write 0x6000 2 0x01zz", "non-hex");
    assert_fail(s, "b64write 0x6000 4 AAA=", "decodes to 2 bytes");
    assert_fail(s, "b64write 0x6000 3 A*A=", "not base64");
    assert_fail(s, "memset 0x6000 4 0x100", "larger than 0xff");
    g_assert_cmphex(qtest_readl(s, 0x6000), ==, 0x01020304);
    qtest_quit(s);
}

static void test_bad_numbers_fail(void)
{
    QTestState *s = start();

    assert_fail(s, "readb 12x", "bad address '12x'");
    assert_fail(s, "readb 0x", "bad address '0x'");
    assert_fail(s, "readb -1", "bad address '-1'");
    assert_fail(s, "readb 0x10000000000000000", "bad address");
    assert_fail(s, "writeb 0x10 zz", "bad value 'zz'");
    assert_fail(s, "read 0x10 size", "bad size 'size'");
    qtest_quit(s);
}

static void test_framing_errors_fail(void)
{
    QTestState *s = start();

    assert_fail(s, "frobnicate 1 2", "unknown command 'frobnicate'");
    assert_fail(s, "", "empty request");
    assert_fail(s, "readb  0x10", "single spaces");
    assert_fail(s, "readb", "usage: readb ADDR");
    assert_fail(s, "readb 1 2", "usage: readb ADDR");
    assert_fail(s, "write 0x10 2", "usage: write ADDR SIZE 0xHEX");
    /* the session goes on after errors */
    {
        g_autofree char *r = qtest_request(s, "endianness");
        g_assert_cmpstr(r, ==, "OK big");
    }
    qtest_quit(s);
}

static void test_crlf_line_end_accepted(void)
{
    QTestState *s = start();
    g_autofree char *r = qtest_request(s, "endianness\r");

    g_assert_cmpstr(r, ==, "OK big");
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qtest/endianness/is-big", test_endianness_is_big);
    g_test_add_func("/qtest/memory/writeq-readl-big-endian",
                    test_writeq_readl_is_big_endian);
    g_test_add_func("/qtest/memory/every-width-round-trips",
                    test_every_width_round_trips);
    g_test_add_func("/qtest/memory/read-write-hex", test_read_write_hex);
    g_test_add_func("/qtest/memory/b64-round-trip", test_b64_round_trip);
    g_test_add_func("/qtest/memory/memset-exact-range",
                    test_memset_fills_exact_range);
    g_test_add_func("/qtest/memory/last-byte-ok-one-past-fails",
                    test_last_byte_ok_one_past_fails);
    g_test_add_func("/qtest/memory/fail-changes-nothing",
                    test_fail_changes_nothing);
    g_test_add_func("/qtest/framing/bad-numbers-fail", test_bad_numbers_fail);
    g_test_add_func("/qtest/framing/errors-fail", test_framing_errors_fail);
    g_test_add_func("/qtest/framing/crlf-accepted",
                    test_crlf_line_end_accepted);
    return g_test_run();
}
