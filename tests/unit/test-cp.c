/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-cp.c: the vfio-user-ccw channel-program translator
 * (contrib/vfio-user-ccw/cp.c) against the rules of Linux's vfio_ccw_cp.c
 * (facts-css-vfio-ccw.md section 5.3): chain segments, TICs and TIC
 * loops, format-0 conversion, IDALs of every format and block size, the
 * 256-CCW limit, zero counts, transport mode, MIDAW and prefetch, the
 * host ORB.  DMA-window boundaries, execution and the CPA mapped back are
 * in test-cp-run.c; the fixture is described in test-cp.h.
 */
#include "qemu/osdep.h"

#include "test-cp.h"

void fixture_setup(Fixture *f, gconstpointer data)
{
    const Window layout[] = {
        { RAM_BASE, RAM_SIZE, DMA_MAP_PROT_READ | DMA_MAP_PROT_WRITE },
        { W2_BASE, W2_SIZE, DMA_MAP_PROT_READ | DMA_MAP_PROT_WRITE },
        { RO_BASE, RO_SIZE, DMA_MAP_PROT_READ },
        { ADJ1_BASE, ADJ_SIZE, DMA_MAP_PROT_READ | DMA_MAP_PROT_WRITE },
        { ADJ2_BASE, ADJ_SIZE, DMA_MAP_PROT_READ | DMA_MAP_PROT_WRITE },
    };

    f->maps = dma_maps_new(16);
    for (unsigned i = 0; i < G_N_ELEMENTS(layout); i++) {
        f->win[i] = layout[i];
        f->win[i].mem = g_malloc0(layout[i].size);
        /* A recognisable byte pattern: its own guest address, mod 251. */
        for (uint32_t j = 0; j < layout[i].size; j++) {
            f->win[i].mem[j] = (layout[i].base + j) % 251;
        }
        g_assert_cmpint(dma_maps_add(f->maps, layout[i].base, layout[i].size,
                                     f->win[i].mem, layout[i].prot, NULL),
                        ==, 0);
    }
    f->cp = cp_new(f->maps);
}

void fixture_teardown(Fixture *f, gconstpointer data)
{
    cp_destroy(f->cp);
    dma_maps_free(f->maps);
    for (unsigned i = 0; i < G_N_ELEMENTS(f->win); i++) {
        g_free(f->win[i].mem);
    }
}

/* Host pointer for guest bytes [addr, addr + len) in one window, or NULL. */
uint8_t *guest_or_null(Fixture *f, uint32_t addr, uint32_t len)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(f->win); i++) {
        const Window *w = &f->win[i];

        if (addr >= w->base && addr - w->base + len <= w->size) {
            return w->mem + (addr - w->base);
        }
    }
    return NULL;
}

uint8_t *guest(Fixture *f, uint32_t addr, uint32_t len)
{
    uint8_t *p = guest_or_null(f, addr, len);

    g_assert_nonnull(p);
    return p;
}

void put_ccw1(Fixture *f, uint32_t addr, uint8_t cmd, uint8_t flags,
              uint16_t count, uint32_t cda)
{
    CCW1 c = { .cmd_code = cmd, .flags = flags, .count = count, .cda = cda };

    copy_ccw1_to_guest(guest(f, addr, CCW_SIZE), &c);
}

void put_ccw0(Fixture *f, uint32_t addr, uint8_t cmd, uint8_t flags,
              uint16_t count, uint32_t cda)
{
    CCW0 c = { .cmd_code = cmd, .flags = flags, .count = count, .cda = cda };

    copy_ccw0_to_guest(guest(f, addr, CCW_SIZE), &c);
}

ORB orb_at(uint32_t cpa, uint16_t extra_ctrl0)
{
    return (ORB) {
        .intparm = 0x12345678,
        .ctrl0 = ORB_CTRL0_MASK_FMT | ORB_CTRL0_MASK_PFCH | extra_ctrl0,
        .lpm = 0x80,
        .cpa = cpa,
    };
}

/* cp_init + cp_prefetch as the mdev does them. */
int translate(Fixture *f, const ORB *orb)
{
    int ret = cp_init(f->cp, orb);

    if (ret) {
        return ret;
    }
    ret = cp_prefetch(f->cp);
    if (ret) {
        cp_free(f->cp);
    }
    return ret;
}

uint32_t host_cpa(Fixture *f)
{
    ORB host;

    cp_get_orb(f->cp, 0, 0x80, &host);
    return host.cpa;
}

CcwMemAccess host_read(Fixture *f, uint64_t addr, void *buf, uint32_t len)
{
    return cp_mem_ops.read(f->cp, addr, buf, len, 0);
}

CCW1 host_ccw(Fixture *f, uint32_t addr)
{
    uint8_t be[CCW_SIZE];
    CCW1 c;

    g_assert_cmpint(host_read(f, addr, be, sizeof(be)), ==, CCW_MEM_OK);
    copy_ccw1_from_guest(be, &c);
    return c;
}

uint64_t host_idaw(Fixture *f, uint32_t idal, unsigned i)
{
    uint8_t be[IDAW2_SIZE];

    g_assert_cmpint(host_read(f, idal + i * IDAW2_SIZE, be, sizeof(be)), ==,
                    CCW_MEM_OK);
    return copy_idaw2_from_guest(be);
}

/* The host IDAW @idaw must lead to guest address @gaddr (len bytes). */
void assert_idaw_is(Fixture *f, uint64_t idaw, uint32_t gaddr,
                    uint32_t len)
{
    g_autofree uint8_t *buf = g_malloc(len);

    g_assert_cmpint(host_read(f, idaw, buf, len), ==, CCW_MEM_OK);
    g_assert_cmpmem(buf, len, guest(f, gaddr, len), len);
}

/* ------------------------------------------------------------------------
 * Chain segments
 * ------------------------------------------------------------------------ */

static void test_single_ccw(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    uint8_t be[CCW_SIZE];
    CCW1 c;

    put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_SLI, 80, 0x2000);
    g_assert_cmpint(translate(f, &orb), ==, 0);

    c = host_ccw(f, host_cpa(f));
    g_assert_cmphex(c.cmd_code, ==, CCW_READ);
    g_assert_cmphex(c.flags, ==, CCW_FLAG_SLI | CCW_FLAG_IDA);
    g_assert_cmpuint(c.count, ==, 80);
    assert_idaw_is(f, host_idaw(f, c.cda, 0), 0x2000, 80);
    /* Only one CCW was copied: the doubleword after it is no storage. */
    g_assert_cmpint(host_read(f, host_cpa(f) + CCW_SIZE, be, CCW_SIZE), ==,
                    CCW_MEM_ADDRESSING);
}

static void test_chain_length(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    uint32_t head;
    uint8_t be[CCW_SIZE];

    put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_CC, 4, 0x2000);
    put_ccw1(f, 0x108, CCW_READ, CCW_FLAG_CD, 4, 0x2004);
    put_ccw1(f, 0x110, CCW_READ, CCW_FLAG_CC, 4, 0x2008);
    put_ccw1(f, 0x118, CCW_READ, 0, 4, 0x200c);
    /* Not part of the program although it chains. */
    put_ccw1(f, 0x120, CCW_READ, CCW_FLAG_CC, 4, 0x2010);
    g_assert_cmpint(translate(f, &orb), ==, 0);

    head = host_cpa(f);
    for (unsigned i = 0; i < 4; i++) {
        g_assert_cmpuint(host_ccw(f, head + i * CCW_SIZE).count, ==, 4);
    }
    g_assert_cmpint(host_read(f, head + 4 * CCW_SIZE, be, CCW_SIZE), ==,
                    CCW_MEM_ADDRESSING);
}

/* Fill a segment of @n CCWs at 0x1000; all but the last chain if @end. */
static void put_long_chain(Fixture *f, unsigned n, bool end)
{
    for (unsigned i = 0; i < n; i++) {
        bool last = end && i == n - 1;

        put_ccw1(f, 0x1000 + i * CCW_SIZE, CCW_CMD_NOOP,
                 last ? 0 : CCW_FLAG_CC, 0, 0);
    }
}

static void test_256_ccws_fit(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x1000, 0);

    put_long_chain(f, CP_CHAIN_LEN_MAX, true);
    g_assert_cmpint(translate(f, &orb), ==, 0);
    g_assert_cmphex(host_ccw(f, host_cpa(f) + 255 * CCW_SIZE).flags &
                    CCW_FLAG_CC, ==, 0);
}

static void test_257_ccws_refused(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x1000, 0);

    put_long_chain(f, CP_CHAIN_LEN_MAX + 1, true);
    g_assert_cmpint(translate(f, &orb), ==, -EINVAL);
    g_assert_false(cp_initialized(f->cp));
}

static void test_init_busy(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, 0);

    put_ccw1(f, 0x100, CCW_CMD_NOOP, 0, 0, 0);
    g_assert_cmpint(cp_init(f->cp, &orb), ==, 0);
    g_assert_cmpint(cp_init(f->cp, &orb), ==, -EBUSY);
    cp_free(f->cp);
    g_assert_cmpint(cp_init(f->cp, &orb), ==, 0);
}

static void test_prefetch_uninitialised(Fixture *f, gconstpointer data)
{
    g_assert_cmpint(cp_prefetch(f->cp), ==, -EINVAL);
}

/* ------------------------------------------------------------------------
 * TICs
 * ------------------------------------------------------------------------ */

static void test_tic_new_segment(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    CCW1 tic, target;

    put_ccw1(f, 0x100, CCW_CMD_NOOP, CCW_FLAG_CC, 0, 0);
    put_ccw1(f, 0x108, CCW_CMD_TIC, 0, 0, 0x3000);
    put_ccw1(f, 0x110, CCW_READ, 0, 99, 0x0);  /* after the TIC: not used */
    put_ccw1(f, 0x3000, CCW_READ, 0, 16, 0x2000);
    g_assert_cmpint(translate(f, &orb), ==, 0);

    tic = host_ccw(f, host_cpa(f) + CCW_SIZE);
    g_assert_cmphex(tic.cmd_code, ==, CCW_CMD_TIC);
    target = host_ccw(f, tic.cda);
    g_assert_cmphex(target.cmd_code, ==, CCW_READ);
    g_assert_cmpuint(target.count, ==, 16);
    assert_idaw_is(f, host_idaw(f, target.cda, 0), 0x2000, 16);
}

static void test_tic_loop_stays_in_segment(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    uint32_t head;
    CCW1 tic, after;

    /* Search; TIC back to it; the CCW that status modifier skips to. */
    put_ccw1(f, 0x100, 0x31, CCW_FLAG_CC, 5, 0x2000);
    put_ccw1(f, 0x108, CCW_CMD_TIC, 0, 0, 0x100);
    put_ccw1(f, 0x110, CCW_READ, 0, 8, 0x2100);
    g_assert_cmpint(translate(f, &orb), ==, 0);

    head = host_cpa(f);
    tic = host_ccw(f, head + CCW_SIZE);
    g_assert_cmphex(tic.cda, ==, head);
    after = host_ccw(f, head + 2 * CCW_SIZE);
    g_assert_cmphex(after.cmd_code, ==, CCW_READ);
}

static void test_tic_into_existing_segment(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    uint32_t head;
    CCW1 tic1, tic2;

    put_ccw1(f, 0x100, CCW_CMD_NOOP, CCW_FLAG_CC, 0, 0);
    put_ccw1(f, 0x108, CCW_CMD_NOOP, CCW_FLAG_CC, 0, 0);
    put_ccw1(f, 0x110, CCW_CMD_TIC, 0, 0, 0x3000);
    /* The second segment jumps into the middle of the first one. */
    put_ccw1(f, 0x3000, CCW_CMD_TIC, 0, 0, 0x108);
    g_assert_cmpint(translate(f, &orb), ==, 0);

    head = host_cpa(f);
    tic1 = host_ccw(f, head + 2 * CCW_SIZE);
    tic2 = host_ccw(f, tic1.cda);
    g_assert_cmphex(tic2.cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmphex(tic2.cda, ==, head + CCW_SIZE);
}

static void test_tic_target_unmapped(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, 0);

    put_ccw1(f, 0x100, CCW_CMD_NOOP, CCW_FLAG_CC, 0, 0);
    put_ccw1(f, 0x108, CCW_CMD_TIC, 0, 0, RAM_BASE + RAM_SIZE);
    g_assert_cmpint(translate(f, &orb), ==, -EFAULT);
    g_assert_false(cp_initialized(f->cp));
}

/* ------------------------------------------------------------------------
 * Format-0 CCWs
 * ------------------------------------------------------------------------ */

static void test_fmt0_converted(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, 0);
    ORB host;
    CCW1 c, tic, target;

    orb.ctrl0 &= ~ORB_CTRL0_MASK_FMT;
    put_ccw0(f, 0x100, CCW_READ, CCW_FLAG_CC | CCW_FLAG_SLI, 24, 0x2345);
    /* A format-0 TIC: high nibble, flags and count are ignored. */
    put_ccw0(f, 0x108, 0xf8, 0xff, 0x1234, 0x3000);
    put_ccw0(f, 0x3000, CCW_WRITE, 0, 8, 0x2400);
    g_assert_cmpint(translate(f, &orb), ==, 0);

    cp_get_orb(f->cp, 0, 0x80, &host);
    g_assert_cmphex(host.ctrl0 & ORB_CTRL0_MASK_FMT, ==, ORB_CTRL0_MASK_FMT);
    c = host_ccw(f, host.cpa);
    g_assert_cmphex(c.cmd_code, ==, CCW_READ);
    g_assert_cmphex(c.flags, ==, CCW_FLAG_CC | CCW_FLAG_SLI | CCW_FLAG_IDA);
    g_assert_cmpuint(c.count, ==, 24);
    assert_idaw_is(f, host_idaw(f, c.cda, 0), 0x2345, 24);

    tic = host_ccw(f, host.cpa + CCW_SIZE);
    g_assert_cmphex(tic.cmd_code, ==, CCW_CMD_TIC);
    g_assert_cmphex(tic.flags, ==, 0);
    g_assert_cmpuint(tic.count, ==, 0);
    target = host_ccw(f, tic.cda);
    g_assert_cmphex(target.cmd_code, ==, CCW_WRITE);
    assert_idaw_is(f, host_idaw(f, target.cda, 0), 0x2400, 8);
}

/* ------------------------------------------------------------------------
 * IDALs
 * ------------------------------------------------------------------------ */

typedef struct IdalCase {
    const char *path;
    uint16_t ctrl0;         /* ORB C64 / I2K */
    bool guest_idal;        /* CCW IDA with a guest IDAL, else direct */
    uint32_t first;         /* data address (first IDAW) */
    uint16_t count;
    uint32_t block;         /* the block size the rule gives */
    bool host_i2k;          /* host ORB T expected */
} IdalCase;

static const IdalCase idal_cases[] = {
    { "/cp/idal/format1-2k-blocks", 0, true, 0x2700, 3000, 2048, true },
    { "/cp/idal/format2-2k-blocks", ORB_CTRL0_MASK_C64 | ORB_CTRL0_MASK_I2K,
      true, 0x2700, 3000, 2048, true },
    { "/cp/idal/format2-4k-blocks", ORB_CTRL0_MASK_C64, true, 0x2700, 9000,
      4096, false },
    { "/cp/idal/direct-made-4k-idal", ORB_CTRL0_MASK_C64, false, 0x2ff0, 5000,
      4096, false },
    { "/cp/idal/direct-made-2k-idal-without-c64", 0, false, 0x27f0, 5000,
      2048, true },
    { "/cp/idal/aligned-start-exact-blocks", ORB_CTRL0_MASK_C64, true, 0x3000,
      8192, 4096, false },
};

static void test_idal(Fixture *f, gconstpointer data)
{
    const IdalCase *tc = data;
    bool fmt2 = tc->ctrl0 & ORB_CTRL0_MASK_C64;
    ORB orb = orb_at(0x100, tc->ctrl0);
    uint32_t nr = ((tc->first % tc->block) + tc->count + tc->block - 1) /
                  tc->block;
    uint32_t g[8];
    ORB host;
    CCW1 c;

    /* The guest's blocks: the first anywhere, the rest block aligned. */
    g[0] = tc->first;
    for (uint32_t i = 1; i < nr; i++) {
        g[i] = tc->guest_idal ? 0x8000 + i * tc->block
                              : (tc->first / tc->block + i) * tc->block;
    }
    if (tc->guest_idal) {
        for (uint32_t i = 0; i < nr; i++) {
            if (fmt2) {
                copy_idaw2_to_guest(guest(f, 0x600 + i * 8, 8), g[i]);
            } else {
                copy_idaw1_to_guest(guest(f, 0x600 + i * 4, 4), g[i]);
            }
        }
        put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_IDA, tc->count, 0x600);
    } else {
        put_ccw1(f, 0x100, CCW_READ, 0, tc->count, tc->first);
    }
    g_assert_cmpint(translate(f, &orb), ==, 0);

    cp_get_orb(f->cp, 0, 0x80, &host);
    g_assert_cmphex(host.ctrl0 & ORB_CTRL0_MASK_C64, ==, ORB_CTRL0_MASK_C64);
    g_assert_cmphex(!!(host.ctrl0 & ORB_CTRL0_MASK_I2K), ==, tc->host_i2k);
    c = host_ccw(f, host.cpa);
    g_assert_cmphex(c.flags & CCW_FLAG_IDA, ==, CCW_FLAG_IDA);
    for (uint32_t i = 0; i < nr; i++) {
        uint64_t idaw = host_idaw(f, c.cda, i);
        uint32_t len = tc->block - g[i] % tc->block;

        /* Same offset in the block, so the host IDAL obeys the rules. */
        g_assert_cmphex(idaw % tc->block, ==, g[i] % tc->block);
        assert_idaw_is(f, idaw, g[i], len);
    }
    /* Exactly nr entries: the next doubleword is outside the IDAL. */
    {
        uint8_t be[IDAW2_SIZE];

        g_assert_cmpint(host_read(f, c.cda + nr * IDAW2_SIZE, be, sizeof(be)),
                        ==, CCW_MEM_ADDRESSING);
    }
}

/* ------------------------------------------------------------------------
 * Counts and CCWs that move no data
 * ------------------------------------------------------------------------ */

typedef struct NoDataCase {
    const char *path;
    uint8_t cmd;
    uint8_t flags;
    uint16_t count;
    int expect;             /* with the data address outside every window */
} NoDataCase;

static const NoDataCase nodata_cases[] = {
    { "/cp/nodata/zero-count-read-not-pinned", CCW_READ, 0, 0, 0 },
    { "/cp/nodata/noop-not-pinned", CCW_CMD_NOOP, 0, 16, 0 },
    { "/cp/nodata/skip-read-not-pinned", CCW_READ, CCW_FLAG_SKIP, 16, 0 },
    { "/cp/nodata/skip-sense-not-pinned", CCW_SENSE, CCW_FLAG_SKIP, 16, 0 },
    { "/cp/nodata/skip-read-backward-not-pinned", 0x0c, CCW_FLAG_SKIP, 16, 0 },
    { "/cp/nodata/skip-write-is-pinned", CCW_WRITE, CCW_FLAG_SKIP, 16,
      -EFAULT },
    { "/cp/nodata/read-is-pinned", CCW_READ, 0, 1, -EFAULT },
};

static void test_nodata(Fixture *f, gconstpointer data)
{
    const NoDataCase *tc = data;
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);

    put_ccw1(f, 0x100, tc->cmd, tc->flags, tc->count, 0x7ff00000);
    g_assert_cmpint(translate(f, &orb), ==, tc->expect);
}

static void test_zero_count_one_idaw(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);
    uint8_t be[IDAW2_SIZE];
    CCW1 c;

    /* A zero count is one byte: at a block's last byte still one IDAW. */
    put_ccw1(f, 0x100, CCW_READ, 0, 0, 0x2fff);
    g_assert_cmpint(translate(f, &orb), ==, 0);
    c = host_ccw(f, host_cpa(f));
    g_assert_cmpuint(c.count, ==, 0);
    host_idaw(f, c.cda, 0);
    g_assert_cmpint(host_read(f, c.cda + IDAW2_SIZE, be, sizeof(be)), ==,
                    CCW_MEM_ADDRESSING);
}

static void test_zero_count_idal_still_read(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_C64);

    /* Nothing is pinned, but the first IDAW must still be fetched. */
    put_ccw1(f, 0x100, CCW_READ, CCW_FLAG_IDA, 0, RAM_BASE + RAM_SIZE);
    g_assert_cmpint(translate(f, &orb), ==, -EFAULT);
}

/* ------------------------------------------------------------------------
 * ORB controls
 * ------------------------------------------------------------------------ */

static void test_transport_mode(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, ORB_CTRL0_MASK_TM);

    put_ccw1(f, 0x100, CCW_CMD_NOOP, 0, 0, 0);
    g_assert_cmpint(cp_init(f->cp, &orb), ==, -EOPNOTSUPP);
    g_assert_false(cp_initialized(f->cp));
}

static void test_midaw_orb(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, 0);

    orb.ctrl1 |= ORB_CTRL1_MASK_MIDAW;
    put_ccw1(f, 0x100, CCW_CMD_NOOP, 0, 0, 0);
    g_assert_cmpint(cp_init(f->cp, &orb), ==, -EOPNOTSUPP);
}

static void test_no_prefetch_warns(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, 0);

    orb.ctrl0 &= ~ORB_CTRL0_MASK_PFCH;
    put_ccw1(f, 0x100, CCW_CMD_NOOP, 0, 0, 0);
    g_assert_false(cp_pfch_warned(f->cp));
    g_assert_cmpint(translate(f, &orb), ==, 0);
    g_assert_true(cp_pfch_warned(f->cp));
}

static void test_host_orb(Fixture *f, gconstpointer data)
{
    ORB orb = orb_at(0x100, 0x3000 | ORB_CTRL0_MASK_SPND);
    ORB host;

    put_ccw1(f, 0x100, CCW_CMD_NOOP, 0, 0, 0);
    orb.lpm = 0;
    orb.ctrl1 = ORB_CTRL1_MASK_ILS;
    g_assert_cmpint(translate(f, &orb), ==, 0);
    cp_get_orb(f->cp, 0xcafe, 0x60, &host);
    g_assert_cmphex(host.intparm, ==, 0xcafe);
    /* Key and suspend control kept; F, H and (format-1 IDAWs) T set. */
    g_assert_cmphex(host.ctrl0, ==, 0x3000 | ORB_CTRL0_MASK_SPND |
                    ORB_CTRL0_MASK_FMT | ORB_CTRL0_MASK_PFCH |
                    ORB_CTRL0_MASK_C64 | ORB_CTRL0_MASK_I2K);
    g_assert_cmphex(host.ctrl1, ==, ORB_CTRL1_MASK_ILS);
    /* LPM 0 means "the subchannel's paths". */
    g_assert_cmphex(host.lpm, ==, 0x60);
    g_assert_cmphex(host.cpa, !=, 0x100);
}

#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    ADD("/cp/segment/single-ccw-copied-with-idal", test_single_ccw);
    ADD("/cp/segment/length-by-cc-and-cd", test_chain_length);
    ADD("/cp/segment/256-ccws-fit", test_256_ccws_fit);
    ADD("/cp/segment/257-ccws-einval", test_257_ccws_refused);
    ADD("/cp/init/second-init-ebusy", test_init_busy);
    ADD("/cp/prefetch/uninitialised-einval", test_prefetch_uninitialised);
    ADD("/cp/tic/target-starts-new-segment", test_tic_new_segment);
    ADD("/cp/tic/loop-back-stays-in-segment", test_tic_loop_stays_in_segment);
    ADD("/cp/tic/into-existing-segment", test_tic_into_existing_segment);
    ADD("/cp/tic/target-unmapped-efault", test_tic_target_unmapped);
    ADD("/cp/fmt0/converted-to-fmt1", test_fmt0_converted);
    for (unsigned i = 0; i < G_N_ELEMENTS(idal_cases); i++) {
        g_test_add(idal_cases[i].path, Fixture, &idal_cases[i],
                   fixture_setup, test_idal, fixture_teardown);
    }
    for (unsigned i = 0; i < G_N_ELEMENTS(nodata_cases); i++) {
        g_test_add(nodata_cases[i].path, Fixture, &nodata_cases[i],
                   fixture_setup, test_nodata, fixture_teardown);
    }
    ADD("/cp/count/zero-is-one-byte", test_zero_count_one_idaw);
    ADD("/cp/count/zero-count-idal-still-fetched",
        test_zero_count_idal_still_read);
    ADD("/cp/orb/transport-mode-eopnotsupp", test_transport_mode);
    ADD("/cp/orb/midaw-eopnotsupp", test_midaw_orb);
    ADD("/cp/orb/no-prefetch-warns-and-prefetches", test_no_prefetch_warns);
    ADD("/cp/orb/host-orb", test_host_orb);
    test_cp_add_run_tests();
    return g_test_run();
}
