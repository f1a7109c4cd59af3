/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-cp-run.c: the translator at the edges of the client's DMA windows
 * (at and past every boundary, for CCWs, IDALs, IDAWs and data), and the
 * translated program run through the channel interpreter: the CPA mapped
 * back with the one-past-the-end rule, protection and program checks
 * instead of accesses outside the windows.  Fixture: test-cp.h.
 */
#include "qemu/osdep.h"

#include "test-cp.h"

/* ------------------------------------------------------------------------
 * DMA-window boundaries
 * ------------------------------------------------------------------------ */

typedef struct BoundCase {
    const char *path;
    uint32_t at;            /* the CCW and the ORB's CPA */
    uint8_t cmd;
    uint8_t flags;
    uint16_t count;
    uint32_t cda;
    int expect;
} BoundCase;

static const BoundCase bound_cases[] = {
    /* CCWs */
    { "/cp/bounds/ccw-in-last-doubleword-of-window", RAM_SIZE - 8,
      CCW_READ, 0, 8, 0x100, 0 },
    { "/cp/bounds/chain-continues-past-window", RAM_SIZE - 8,
      CCW_READ, CCW_FLAG_CC, 8, 0x100, -EFAULT },
    { "/cp/bounds/ccw-at-first-byte-past-window", RAM_SIZE,
      CCW_READ, 0, 8, 0x100, -EFAULT },
    { "/cp/bounds/ccw-in-gap-before-window", W2_BASE - 8,
      CCW_READ, 0, 8, 0x100, -EFAULT },
    { "/cp/bounds/ccw-at-window-start", W2_BASE,
      CCW_READ, 0, 8, 0x100, 0 },
    { "/cp/bounds/ccw-in-last-doubleword-of-second-window",
      W2_BASE + W2_SIZE - 8,
      CCW_READ, 0, 8, 0x100, 0 },
    { "/cp/bounds/ccw-past-second-window", W2_BASE + W2_SIZE,
      CCW_READ, 0, 8, 0x100, -EFAULT },
    { "/cp/bounds/chain-across-adjacent-windows", ADJ2_BASE - 8,
      CCW_READ, CCW_FLAG_CC, 8, 0x100, 0 },
    { "/cp/bounds/ccw-in-read-only-window", RO_BASE,
      CCW_READ, 0, 8, 0x100, 0 },
    /* data */
    { "/cp/bounds/data-at-last-byte-of-window", 0x100,
      CCW_READ, 0, 1, RAM_SIZE - 1, 0 },
    { "/cp/bounds/data-one-byte-past-window", 0x100,
      CCW_READ, 0, 2, RAM_SIZE - 1, -EFAULT },
    { "/cp/bounds/data-at-first-byte-past-window", 0x100,
      CCW_READ, 0, 1, RAM_SIZE, -EFAULT },
    { "/cp/bounds/data-at-last-byte-before-window", 0x100,
      CCW_READ, 0, 1, W2_BASE - 1, -EFAULT },
    { "/cp/bounds/data-from-gap-into-window", 0x100,
      CCW_READ, 0, 2, W2_BASE - 1, -EFAULT },
    { "/cp/bounds/data-fills-window", 0x100,
      CCW_READ, 0, W2_SIZE, W2_BASE, 0 },
    { "/cp/bounds/data-one-byte-longer-than-window", 0x100,
      CCW_READ, 0, W2_SIZE + 1, W2_BASE, -EFAULT },
    { "/cp/bounds/data-across-adjacent-windows", 0x100,
      CCW_READ, 0, ADJ_SIZE, ADJ1_BASE + 0x800, 0 },
    { "/cp/bounds/data-past-adjacent-windows", 0x100,
      CCW_READ, 0, ADJ_SIZE + 1, ADJ2_BASE, -EFAULT },
    { "/cp/bounds/data-in-read-only-window", 0x100,
      CCW_WRITE, 0, 16, RO_BASE, 0 },
};

static void test_bounds(Fixture *f, gconstpointer data)
{
    const BoundCase *tc = data;
    ORB orb = orb_at(tc->at, ORB_CTRL0_MASK_C64);

    /* A CPA outside the windows has no memory to hold the CCW. */
    if (guest_or_null(f, tc->at, CCW_SIZE)) {
        put_ccw1(f, tc->at, tc->cmd, tc->flags, tc->count, tc->cda);
    }
    if (tc->flags & CCW_FLAG_CC) {
        uint32_t next = tc->at + CCW_SIZE;

        /* The next CCW, where there is memory for it. */
        if (next == ADJ2_BASE) {
            put_ccw1(f, next, CCW_CMD_NOOP, 0, 0, 0);
        }
    }
    g_assert_cmpint(translate(f, &orb), ==, tc->expect);
    g_assert_cmpint(cp_initialized(f->cp), ==, tc->expect == 0);
}

static void test_idal_past_window(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);

    /* Two IDAWs needed; the list starts in the window's last doubleword. */
    copy_idaw2_to_guest(guest(f, RAM_SIZE - 8, 8), 0x3000);
    put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_IDA, 8192, RAM_SIZE - 8);
    g_assert_cmpint(translate(f, &orb), ==, -EFAULT);
}

static void test_idaw_past_window(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);

    copy_idaw2_to_guest(guest(f, 0x600, 8), 0x3000);
    copy_idaw2_to_guest(guest(f, 0x608, 8), RAM_SIZE);
    put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_IDA, 8192, 0x600);
    g_assert_cmpint(translate(f, &orb), ==, -EFAULT);
}

static void test_idaw_past_2g(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);

    /* Format-2 IDAWs reach 64-bit addresses: none is mapped there. */
    copy_idaw2_to_guest(guest(f, 0x600, 8), 0x100000000ull);
    put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_IDA, 8, 0x600);
    g_assert_cmpint(translate(f, &orb), ==, -EFAULT);
}

/* ------------------------------------------------------------------------
 * Execution through the interpreter, and the CPA mapped back
 * ------------------------------------------------------------------------ */

/* A device that reads and writes its whole count and ends normally. */
static void fake_execute(void *opaque, const CcwDevCommand *cmd,
                         CcwDataStream *ds, CcwDevResult *res)
{
    uint8_t buf[256];
    uint64_t left = MIN(cmd->total_count, sizeof(buf));

    switch (ccw_cmd_class(cmd->cmd)) {
    case CCW_CMD_CLASS_READ:
    case CCW_CMD_CLASS_SENSE:
        memset(buf, 0xa5, sizeof(buf));
        ccw_stream_store(ds, buf, left);
        break;
    default:
        /* Every other command (even NOOP) asks for its count of bytes. */
        ccw_stream_fetch(ds, buf, left);
        break;
    }
}

static const CcwDevOps fake_dev = { .execute = fake_execute };

static void run(Fixture *f, CcwInterpResult *res)
{
    ORB host;

    cp_get_orb(f->cp, 0, 0x80, &host);
    cp_run(f->cp, &host, &fake_dev, NULL, res);
}

static void test_cpa_one_past_end(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    CcwInterpResult res;
    SCSW scsw = { 0 };

    put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_CC, 8, 0x2000);
    put_ccw1(f, 0x108, CCW_CMD_TIC, 0, 0, 0x3000);
    put_ccw1(f, 0x3000, CCW_READ, CCW_FLAG_CC, 8, 0x2008);
    put_ccw1(f, 0x3008, CCW_READ, 0, 8, 0x2010);
    g_assert_cmpint(translate(f, &orb), ==, 0);
    run(f, &res);
    g_assert_cmphex(res.dstat, ==, SCSW_DSTAT_CHANNEL_END |
                    SCSW_DSTAT_DEVICE_END);
    g_assert_cmphex(res.cstat, ==, 0);
    /* The data reached guest memory through the pins. */
    for (unsigned i = 0; i < 24; i++) {
        g_assert_cmphex(*guest(f, 0x2000 + i, 1), ==, 0xa5);
    }
    scsw.cpa = res.cpa;
    cp_update_scsw(f->cp, &scsw);
    g_assert_cmphex(scsw.cpa, ==, 0x3010);
}

static void test_cpa_mapping(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    uint32_t head;
    CCW1 tic;
    SCSW scsw = { 0 };

    put_ccw1(f, 0x100, CCW_CMD_NOOP, CCW_FLAG_CC, 0, 0);
    put_ccw1(f, 0x108, CCW_CMD_NOOP, CCW_FLAG_CC, 0, 0);
    put_ccw1(f, 0x110, CCW_CMD_TIC, 0, 0, 0x3000);
    put_ccw1(f, 0x3000, CCW_CMD_NOOP, 0, 0, 0);
    g_assert_cmpint(translate(f, &orb), ==, 0);
    head = host_cpa(f);
    tic = host_ccw(f, head + 2 * CCW_SIZE);

    /* Every CCW of a segment, and the doubleword after the last one. */
    for (uint32_t i = 0; i <= 3; i++) {
        scsw.cpa = head + i * CCW_SIZE;
        cp_update_scsw(f->cp, &scsw);
        g_assert_cmphex(scsw.cpa, ==, 0x100 + i * CCW_SIZE);
    }
    for (uint32_t i = 0; i <= 1; i++) {
        scsw.cpa = tic.cda + i * CCW_SIZE;
        cp_update_scsw(f->cp, &scsw);
        g_assert_cmphex(scsw.cpa, ==, 0x3000 + i * CCW_SIZE);
    }
    /* Two past the end belongs to no segment: left alone. */
    scsw.cpa = tic.cda + 2 * CCW_SIZE;
    cp_update_scsw(f->cp, &scsw);
    g_assert_cmphex(scsw.cpa, ==, tic.cda + 2 * CCW_SIZE);
    /* Without a program nothing is mapped. */
    cp_free(f->cp);
    scsw.cpa = head;
    cp_update_scsw(f->cp, &scsw);
    g_assert_cmphex(scsw.cpa, ==, head);
}

static void test_read_only_window_protection_check(Fixture *f,
                                                   gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    CcwInterpResult res;

    put_ccw1(f, 0x100, CCW_READ, 0, 16, RO_BASE);
    g_assert_cmpint(translate(f, &orb), ==, 0);
    run(f, &res);
    g_assert_cmphex(res.cstat & SCSW_CSTAT_PROT_CHECK, ==,
                    SCSW_CSTAT_PROT_CHECK);
    g_assert_cmphex(*guest(f, RO_BASE, 1), ==, RO_BASE % 251);
}

static void test_unpinned_idaw_program_check(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    CcwInterpResult res;

    /*
     * A NOOP moves no data, so nothing was pinned; a device that fetches
     * anyway finds no storage there: program check, nothing read.
     */
    put_ccw1(f, 0x100, CCW_CMD_NOOP, 0, 16, 0x2000);
    g_assert_cmpint(translate(f, &orb), ==, 0);
    run(f, &res);
    g_assert_cmphex(res.cstat & SCSW_CSTAT_PROG_CHECK, ==,
                    SCSW_CSTAT_PROG_CHECK);
}

static void test_mida_ccw_program_check(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    CcwInterpResult res;
    SCSW scsw = { 0 };

    put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_MIDA, 16, 0x2000);
    g_assert_cmpint(translate(f, &orb), ==, 0);
    run(f, &res);
    g_assert_cmphex(res.cstat & SCSW_CSTAT_PROG_CHECK, ==,
                    SCSW_CSTAT_PROG_CHECK);
    scsw.cpa = res.cpa;
    cp_update_scsw(f->cp, &scsw);
    g_assert_cmphex(scsw.cpa, ==, 0x108);
}

static void test_pinned_pages(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);

    put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_CC, 16, W2_BASE + 0x10);
    put_ccw1(f, 0x108, CCW_CMD_NOOP, 0, 16, ADJ1_BASE);
    g_assert_cmpint(translate(f, &orb), ==, 0);
    g_assert_true(cp_iova_pinned(f->cp, W2_BASE, W2_SIZE));
    g_assert_true(cp_iova_pinned(f->cp, W2_BASE + W2_SIZE - 1, 1));
    g_assert_false(cp_iova_pinned(f->cp, W2_BASE + W2_SIZE, 1));
    /* The NOOP's page was never pinned. */
    g_assert_false(cp_iova_pinned(f->cp, ADJ1_BASE, ADJ_SIZE));
    cp_free(f->cp);
    g_assert_false(cp_iova_pinned(f->cp, W2_BASE, W2_SIZE));
}

static void test_window_gone(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    CcwInterpResult res;

    put_ccw1(f, 0x100, CCW_READ, 0, 16, W2_BASE);
    g_assert_cmpint(translate(f, &orb), ==, 0);
    /* Even if the window went away behind our back, no stale access. */
    g_assert_cmpint(dma_maps_remove(f->maps, W2_BASE, W2_SIZE), ==, 0);
    run(f, &res);
    g_assert_cmphex(res.cstat & SCSW_CSTAT_PROG_CHECK, ==,
                    SCSW_CSTAT_PROG_CHECK);
}

#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

void test_cp_add_run_tests(void)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(bound_cases); i++) {
        g_test_add(bound_cases[i].path, Fixture, &bound_cases[i],
                   fixture_setup, test_bounds, fixture_teardown);
    }
    ADD("/cp/bounds/idal-past-window", test_idal_past_window);
    ADD("/cp/bounds/idaw-past-window", test_idaw_past_window);
    ADD("/cp/bounds/idaw-above-4g", test_idaw_past_2g);
    ADD("/cp/run/cpa-one-past-last-ccw", test_cpa_one_past_end);
    ADD("/cp/scsw/cpa-mapped-back-per-segment", test_cpa_mapping);
    ADD("/cp/run/store-to-read-only-window-protection-check",
        test_read_only_window_protection_check);
    ADD("/cp/run/unpinned-idaw-program-check",
        test_unpinned_idaw_program_check);
    ADD("/cp/run/mida-ccw-program-check", test_mida_ccw_program_check);
    ADD("/cp/pin/pages-of-transferring-ccws", test_pinned_pages);
    ADD("/cp/run/window-removed-no-stale-access", test_window_gone);
}
