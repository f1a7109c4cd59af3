/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Guest RAM: bounds, wrap-around, big-endian accessors, the shared fd.
 */
#include "qemu/osdep.h"
#include <sys/mman.h>

#include "system/memory.h"

#define RAM_SIZE (1024 * 1024)

typedef struct Fixture {
    GuestRAM *ram;
} Fixture;

static void fixture_setup(Fixture *f, gconstpointer data)
{
    g_autoptr(GError) err = NULL;

    f->ram = guest_ram_new(RAM_SIZE, &err);
    g_assert_no_error(err);
    g_assert_nonnull(f->ram);
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    guest_ram_free(f->ram);
}

static void test_new_refuses_bad_sizes(void)
{
    static const uint64_t bad[] = { 0, 4095, 4097, UINT64_MAX };

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) err = NULL;

        g_assert_null(guest_ram_new(bad[i], &err));
        g_assert_nonnull(err);
        g_assert_nonnull(strstr(err->message, "multiple of 4 KiB"));
    }
}

static void test_starts_zeroed(Fixture *f, gconstpointer data)
{
    uint64_t v = 1;

    g_assert_true(guest_ram_ldq_be(f->ram, 0, &v));
    g_assert_cmphex(v, ==, 0);
    g_assert_true(guest_ram_ldq_be(f->ram, RAM_SIZE - 8, &v));
    g_assert_cmphex(v, ==, 0);
}

static void test_valid_edges(Fixture *f, gconstpointer data)
{
    g_assert_true(guest_ram_valid(f->ram, 0, RAM_SIZE));
    g_assert_true(guest_ram_valid(f->ram, RAM_SIZE - 1, 1));
    g_assert_true(guest_ram_valid(f->ram, RAM_SIZE, 0));
    g_assert_false(guest_ram_valid(f->ram, RAM_SIZE, 1));
    g_assert_false(guest_ram_valid(f->ram, RAM_SIZE - 1, 2));
    g_assert_false(guest_ram_valid(f->ram, 0, RAM_SIZE + 1));
    g_assert_false(guest_ram_valid(f->ram, RAM_SIZE + 1, 0));
    /* addr + len would wrap around to a small number */
    g_assert_false(guest_ram_valid(f->ram, UINT64_MAX, 2));
    g_assert_false(guest_ram_valid(f->ram, 8, UINT64_MAX - 4));
}

static void test_out_of_range_touches_nothing(Fixture *f, gconstpointer data)
{
    uint8_t buf[4] = { 1, 2, 3, 4 };
    uint32_t v = 0x5a5a5a5a;
    uint8_t *last = guest_ram_map(f->ram, RAM_SIZE - 2, 2);

    g_assert_nonnull(last);
    g_assert_false(guest_ram_write(f->ram, RAM_SIZE - 2, buf, 4));
    g_assert_false(guest_ram_stl_be(f->ram, RAM_SIZE - 2, 0xffffffff));
    g_assert_false(guest_ram_memset(f->ram, RAM_SIZE - 2, 0xff, 3));
    g_assert_cmphex(last[0], ==, 0);
    g_assert_cmphex(last[1], ==, 0);
    g_assert_false(guest_ram_ldl_be(f->ram, RAM_SIZE - 2, &v));
    g_assert_cmphex(v, ==, 0x5a5a5a5a);
    g_assert_false(guest_ram_read(f->ram, UINT64_MAX, buf, 1));
    g_assert_null(guest_ram_map(f->ram, RAM_SIZE, 1));
}

static void test_big_endian_layout(Fixture *f, gconstpointer data)
{
    static const uint8_t expect[15] = {
        0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,   /* q */
        0xca, 0xfe, 0xba, 0xbe,                           /* l */
        0x0b, 0xad,                                       /* w */
        0x7f,                                             /* b */
    };
    uint8_t got[15];
    uint64_t q;
    uint32_t l;
    uint16_t w;
    uint8_t b;

    g_assert_true(guest_ram_stq_be(f->ram, 0x101, 0x123456789abcdef0ULL));
    g_assert_true(guest_ram_stl_be(f->ram, 0x109, 0xcafebabe));
    g_assert_true(guest_ram_stw_be(f->ram, 0x10d, 0x0bad));
    g_assert_true(guest_ram_stb(f->ram, 0x10f, 0x7f));
    g_assert_true(guest_ram_read(f->ram, 0x101, got, sizeof(got)));
    g_assert_cmpmem(got, sizeof(got), expect, sizeof(expect));

    g_assert_true(guest_ram_ldq_be(f->ram, 0x101, &q));
    g_assert_true(guest_ram_ldl_be(f->ram, 0x109, &l));
    g_assert_true(guest_ram_lduw_be(f->ram, 0x10d, &w));
    g_assert_true(guest_ram_ldub(f->ram, 0x10f, &b));
    g_assert_cmphex(q, ==, 0x123456789abcdef0ULL);
    g_assert_cmphex(l, ==, 0xcafebabe);
    g_assert_cmphex(w, ==, 0x0bad);
    g_assert_cmphex(b, ==, 0x7f);
}

/* The fd maps the same pages: what a device process sees after DMA_MAP. */
static void test_fd_shares_pages(Fixture *f, gconstpointer data)
{
    uint8_t *alias = mmap(NULL, RAM_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
                          guest_ram_fd(f->ram), 0);
    uint32_t v;

    g_assert_true(alias != MAP_FAILED);
    g_assert_true(guest_ram_stl_be(f->ram, 0x2000, 0x01020304));
    g_assert_cmphex(alias[0x2000], ==, 0x01);
    g_assert_cmphex(alias[0x2003], ==, 0x04);
    alias[0x3000] = 0xab;
    g_assert_true(guest_ram_ldl_be(f->ram, 0x3000, &v));
    g_assert_cmphex(v, ==, 0xab000000);
    munmap(alias, RAM_SIZE);
    g_assert_cmpuint(guest_ram_size(f->ram), ==, RAM_SIZE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/new/refuses-bad-sizes",
                    test_new_refuses_bad_sizes);
    g_test_add("/memory/new/starts-zeroed", Fixture, NULL, fixture_setup,
               test_starts_zeroed, fixture_teardown);
    g_test_add("/memory/bounds/valid-edges", Fixture, NULL, fixture_setup,
               test_valid_edges, fixture_teardown);
    g_test_add("/memory/bounds/out-of-range-touches-nothing", Fixture, NULL,
               fixture_setup, test_out_of_range_touches_nothing,
               fixture_teardown);
    g_test_add("/memory/accessors/big-endian-layout", Fixture, NULL,
               fixture_setup, test_big_endian_layout, fixture_teardown);
    g_test_add("/memory/fd/shares-pages", Fixture, NULL, fixture_setup,
               test_fd_shares_pages, fixture_teardown);
    return g_test_run();
}
