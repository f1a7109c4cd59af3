/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-cp-translate: the channel-program translator of the simulated
 * vfio-ccw mdev (contrib/vfio-user-ccw/cp.h) on arbitrary guest memory,
 * ORBs and DMA windows, then the translated program run against the
 * scripted echo device (fuzz-echo.h).
 *
 * Guest memory is 64 KiB at guest address 0, 16 pages, each shared with
 * the server or not, and with read and/or write rights.  Every window
 * gets its own heap copy of its pages, freed when the window goes, so
 * that AddressSanitizer sees any access through a window that is gone.
 *
 * Input:
 *   bytes 0-11   the guest's ORB, big-endian as in storage
 *   byte 12      bit 0: one window per page (else runs of pages with the
 *                same rights share a window); bit 1: also map the last
 *                page below 2^64; bit 2: remove one window after
 *                prefetch, before the run (cp.h: accesses to its pages
 *                must then fail, never touch freed memory); bit 3: try
 *                cp_init() a second time (-EBUSY)
 *   byte 13      which window to remove
 *   byte 14      the subchannel's LPM for cp_get_orb()
 *   bytes 15-30  page rights: bit 0 shared, bit 1 read, bit 2 write
 *   bytes 31-94  the echo device's script (fuzz-echo.h); from the 1024th
 *                command on it adds unit exception, which ends the
 *                chain: a TIC loop runs the same translated CCWs again
 *                and again, up to the run's limit of 65536, at a cost of
 *                a second per input that teaches the translator nothing
 *                (that limit is fuzz-ccw-interp's subject)
 *   rest         guest memory from 0x1000 on; the rest is 0xee
 *
 * What must hold (cp.h): cp_init() and cp_prefetch() answer only the
 * errno values they document and leave the slot uninitialised on error;
 * the host ORB is the guest's with format-1 CCWs, format-2 IDAWs, the
 * LPM rule, and a CPA in host storage below 2 GiB; only pages that lay in
 * a window are pinned; the run and cp_update_scsw() never touch anything
 * outside the windows; cp_free() leaves nothing initialised or pinned.
 *
 * FUZZ_TRACE=1 in the environment prints the steps' results.
 */
#include "qemu/osdep.h"

#include "cp.h"
#include "dma-map.h"
#include "fuzz.h"
#include "fuzz-echo.h"

#define PAGE DMA_MAP_PAGE_SIZE
#define NPAGES 16
#define GUEST_SIZE (NPAGES * PAGE)
#define PROG_START 0x1000u
#define FILL 0xee
#define PAGE_SHARED 0x01
#define PAGE_READ 0x02
#define PAGE_WRITE 0x04
#define MAX_WINDOWS (NPAGES + 1)
#define MAX_COMMANDS 1024       /* the echo device ends longer runs */

static bool trace;              /* FUZZ_TRACE=1: print what happened */

typedef struct Window {
    uint64_t iova;
    uint64_t size;
} Window;

/* cp.c warns on stderr once per program slot; here that is every input. */
static void discard_printerr(const gchar *msg)
{
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    g_set_printerr_handler(discard_printerr);
    trace = g_getenv("FUZZ_TRACE") != NULL;
    return 0;
}

static void window_release(void *host, uint64_t size)
{
    g_free(host);
}

static uint32_t page_prot(uint8_t rights)
{
    return (rights & PAGE_READ ? DMA_MAP_PROT_READ : 0) |
           (rights & PAGE_WRITE ? DMA_MAP_PROT_WRITE : 0);
}

/* Share [@first, @first + @n) pages of @guest. Returns: 1 if mapped. */
static unsigned add_window(DmaMaps *maps, const uint8_t *guest,
                           unsigned first, unsigned n, uint32_t prot,
                           Window *w)
{
    uint64_t size = (uint64_t)n * PAGE;
    void *host = g_memdup2(guest + first * PAGE, size);
    int ret = dma_maps_add(maps, (uint64_t)first * PAGE, size, host, prot,
                           window_release);

    if (ret < 0) {
        /* no rights at all is not a window */
        g_assert_cmpint(ret, ==, -EINVAL);
        g_assert_cmpuint(prot, ==, 0);
        g_free(host);
        return 0;
    }
    w->iova = (uint64_t)first * PAGE;
    w->size = size;
    return 1;
}

static unsigned map_guest(DmaMaps *maps, const uint8_t *guest,
                          const uint8_t *rights, bool per_page, bool top,
                          Window *w)
{
    unsigned n = 0;

    for (unsigned p = 0; p < NPAGES;) {
        unsigned run = 1;

        if (!(rights[p] & PAGE_SHARED)) {
            p++;
            continue;
        }
        while (!per_page && p + run < NPAGES &&
               (rights[p + run] & PAGE_SHARED) &&
               page_prot(rights[p + run]) == page_prot(rights[p])) {
            run++;
        }
        n += add_window(maps, guest, p, run, page_prot(rights[p]), &w[n]);
        p += run;
    }
    if (top) {
        uint64_t iova = UINT64_MAX - PAGE + 1;
        void *host = g_malloc(PAGE);
        int ret;

        memset(host, FILL, PAGE);
        ret = dma_maps_add(maps, iova, PAGE, host,
                           DMA_MAP_PROT_READ | DMA_MAP_PROT_WRITE,
                           window_release);
        /* the very last page either is a window or is refused cleanly */
        g_assert_true(ret == 0 || ret == -EINVAL);
        if (ret == 0) {
            w[n].iova = iova;
            w[n].size = PAGE;
            n++;
        } else {
            g_free(host);
        }
    }
    return n;
}

static bool page_was_shared(const uint8_t *rights, uint64_t iova)
{
    return iova < GUEST_SIZE ? rights[iova / PAGE] & PAGE_SHARED
                             : iova >= UINT64_MAX - PAGE + 1;
}

static void check_host_orb(const ORB *guest, const ORB *host, uint32_t intparm,
                           uint8_t sch_lpm)
{
    g_assert_cmphex(host->intparm, ==, intparm);
    g_assert_true(host->ctrl0 & ORB_CTRL0_MASK_FMT);
    g_assert_true(host->ctrl0 & ORB_CTRL0_MASK_C64);
    g_assert_cmphex(host->ctrl0 & ORB_CTRL0_MASK_KEY, ==,
                    guest->ctrl0 & ORB_CTRL0_MASK_KEY);
    g_assert_cmphex(host->lpm, ==, guest->lpm ? guest->lpm : sch_lpm);
    g_assert_cmphex(host->cpa, >=, CP_HOST_BASE);
    g_assert_cmphex(host->cpa, <, CCW1_CPA_LIMIT);
    g_assert_cmphex(host->cpa % CCW_ALIGN, ==, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in;
    uint8_t orb_be[ORB_SIZE], rights[NPAGES];
    uint8_t ctl, victim, sch_lpm;
    ORB orb, host_orb;
    g_autofree uint8_t *guest = g_malloc(GUEST_SIZE);
    g_autofree FuzzEchoDev *dev = g_new0(FuzzEchoDev, 1);
    g_autoptr(DmaMaps) maps = dma_maps_new(MAX_WINDOWS);
    Window win[MAX_WINDOWS];
    unsigned nwin;
    CcwProgram *cp;
    CcwInterpResult res;
    SCSW scsw;
    const uint8_t *bytes;
    size_t got;
    int ret;

    fuzz_input_init(&in, data, size);
    fuzz_bytes(&in, orb_be, sizeof(orb_be));
    ctl = fuzz_u8(&in);
    victim = fuzz_u8(&in);
    sch_lpm = fuzz_u8(&in);
    fuzz_bytes(&in, rights, sizeof(rights));
    fuzz_echo_read_script(dev, &in);
    /* TIC loops: the translator's work is done by then (see top) */
    dev->max_calls = MAX_COMMANDS;
    memset(guest, FILL, GUEST_SIZE);
    bytes = fuzz_span(&in, GUEST_SIZE - PROG_START, &got);
    memcpy(guest + PROG_START, bytes, got);
    copy_orb_from_guest(orb_be, &orb);

    nwin = map_guest(maps, guest, rights, ctl & 1, ctl & 2, win);
    g_assert_cmpuint(dma_maps_count(maps), ==, nwin);

    cp = cp_new(maps);
    g_assert_false(cp_initialized(cp));
    ret = cp_init(cp, &orb);
    if (trace) {
        g_print("%u windows, cp_init %d\n", nwin, ret);
    }
    g_assert_true(ret == 0 || ret == -EOPNOTSUPP || ret == -EFAULT ||
                  ret == -EINVAL || ret == -ENOMEM);
    g_assert_cmpint(cp_initialized(cp), ==, ret == 0);
    if (ret < 0) {
        g_assert_false(cp_iova_pinned(cp, 0, UINT64_MAX));
        cp_destroy(cp);
        return 0;
    }
    g_assert_cmpint(cp_pfch_warned(cp), ==,
                    !(orb.ctrl0 & ORB_CTRL0_MASK_PFCH));
    if (ctl & 8) {
        g_assert_cmpint(cp_init(cp, &orb), ==, -EBUSY);
        g_assert_true(cp_initialized(cp));
    }

    ret = cp_prefetch(cp);
    if (trace) {
        g_print("cp_prefetch %d\n", ret);
    }
    g_assert_true(ret == 0 || ret == -EFAULT || ret == -ENOMEM);
    if (ret == 0) {
        for (unsigned p = 0; p < NPAGES; p++) {
            if (cp_iova_pinned(cp, (uint64_t)p * PAGE, PAGE)) {
                g_assert_true(page_was_shared(rights, (uint64_t)p * PAGE));
            }
        }
        cp_get_orb(cp, 0x0badcafe, sch_lpm, &host_orb);
        check_host_orb(&orb, &host_orb, 0x0badcafe, sch_lpm);
        if ((ctl & 4) && nwin) {
            const Window *w = &win[victim % nwin];

            g_assert_cmpint(dma_maps_remove(maps, w->iova, w->size), ==, 0);
        }
        cp_run(cp, &host_orb, &fuzz_echo_ops, dev, &res);
        g_assert_cmpuint(res.ccws, <=, CCW_INTERP_DEFAULT_CCW_LIMIT);
        g_assert_cmpuint(res.commands, ==, dev->calls);
        memset(&scsw, 0, sizeof(scsw));
        scsw.cpa = res.cpa;
        cp_update_scsw(cp, &scsw);
        if (trace) {
            g_print("run: cpa 0x%x (guest 0x%x) dstat 0x%02x cstat 0x%02x "
                    "count %u, %u commands\n", res.cpa, scsw.cpa, res.dstat,
                    res.cstat, res.count, res.commands);
        }
    }

    cp_free(cp);
    g_assert_false(cp_initialized(cp));
    g_assert_false(cp_iova_pinned(cp, 0, UINT64_MAX));
    cp_destroy(cp);
    return 0;
}
