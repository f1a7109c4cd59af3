/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-ccw-interp: the channel-program interpreter (hw/s390x/ccw-interp.h)
 * on arbitrary storage, ORBs and device behaviour.
 *
 * Storage is 64 KiB at address 0 with a storage key per 4 KiB frame, and
 * three 8 KiB windows: across the 16 MiB line, across the 2 GiB line, and
 * the last 8 KiB below 2^64 (reachable only through format-2 IDAWs), so
 * that 24-bit, 31-bit and 64-bit address handling all meet mapped bytes
 * on both sides of their limits.  The callbacks check the interpreter's
 * side of the CcwMemOps contract on every access (1..4096 bytes inside
 * one frame, key 0-15) and are its only way to storage.
 *
 * Input:
 *   bytes 0-11   ORB, big-endian as in storage (CPA bit 0 is cleared:
 *                SSCH refuses it before a run could start)
 *   byte 12      CCW limit / 4 (0: the default limit)
 *   byte 13      bit 0: clear the S flag of a suspended CCW before each
 *                resume; bits 1-2: resumes to try (0-3)
 *   bytes 14-29  storage keys of the 16 frames (access key << 4 | F 0x08)
 *   bytes 30-93  the echo device's script (fuzz-echo.h)
 *   rest         storage from 0x1000 on (the program usually starts
 *                there); the rest of storage is 0xee
 *
 * What must hold besides the callback contract and the device's checks
 * (fuzz-echo.h): the result has only the subchannel-status bits the
 * interpreter may set, PCI in cstat exactly when @pci, suspension only
 * with the ORB's S bit and with CPA = the suspended CCW + 8, no more CCWs
 * than the limit, and exactly as many commands as the device saw.
 */
#include "qemu/osdep.h"

#include "hw/s390x/ccw-interp.h"
#include "fuzz.h"
#include "fuzz-echo.h"

#define FRAME 4096u
#define LOW_SIZE 0x10000u
#define WIN_SIZE 0x2000u
#define PROG_START 0x1000u
#define FILL 0xee
#define SKEY_FETCH_PROT 0x08

typedef struct Window {
    uint64_t base;
    uint32_t size;
    uint8_t *bytes;
} Window;

typedef struct Storage {
    Window win[4];
    uint8_t skey[LOW_SIZE / FRAME];
} Storage;

/* ---- storage ------------------------------------------------------------ */

static uint8_t *storage_find(Storage *s, uint64_t addr, uint32_t len)
{
    for (size_t i = 0; i < G_N_ELEMENTS(s->win); i++) {
        Window *w = &s->win[i];

        if (addr >= w->base && addr - w->base < w->size &&
            len <= w->size - (addr - w->base)) {
            return w->bytes + (addr - w->base);
        }
    }
    return NULL;
}

static CcwMemAccess storage_access(Storage *s, uint64_t addr, uint32_t len,
                                   uint8_t key, bool store, uint8_t **p)
{
    uint8_t skey = addr < LOW_SIZE ? s->skey[addr / FRAME] : 0;

    /* the interpreter's promise (CcwMemOps) */
    g_assert_cmpuint(len, >=, 1);
    g_assert_cmpuint(len, <=, FRAME);
    g_assert_cmphex(addr / FRAME, ==, (addr + len - 1) / FRAME);
    g_assert_cmpuint(key, <=, 15);

    *p = storage_find(s, addr, len);
    if (!*p) {
        return CCW_MEM_ADDRESSING;
    }
    /* key-controlled protection, PoP ch. 3 */
    if (key != 0 && key != skey >> 4 && (store || (skey & SKEY_FETCH_PROT))) {
        return CCW_MEM_PROTECTION;
    }
    return CCW_MEM_OK;
}

static CcwMemAccess storage_read(void *opaque, uint64_t addr, void *buf,
                                 uint32_t len, uint8_t key)
{
    uint8_t *p;
    CcwMemAccess acc = storage_access(opaque, addr, len, key, false, &p);

    if (acc == CCW_MEM_OK) {
        memcpy(buf, p, len);
    }
    return acc;
}

static CcwMemAccess storage_write(void *opaque, uint64_t addr,
                                  const void *buf, uint32_t len, uint8_t key)
{
    uint8_t *p;
    CcwMemAccess acc = storage_access(opaque, addr, len, key, true, &p);

    if (acc == CCW_MEM_OK) {
        memcpy(p, buf, len);
    }
    return acc;
}

static const CcwMemOps storage_ops = {
    .read = storage_read,
    .write = storage_write,
};

static void storage_init(Storage *s)
{
    static const uint64_t bases[] = {
        0, 0x00fff000u, 0x7ffff000u, UINT64_MAX - WIN_SIZE + 1,
    };

    for (size_t i = 0; i < G_N_ELEMENTS(s->win); i++) {
        s->win[i].base = bases[i];
        s->win[i].size = i ? WIN_SIZE : LOW_SIZE;
        s->win[i].bytes = g_malloc(s->win[i].size);
        memset(s->win[i].bytes, FILL, s->win[i].size);
    }
}

static void storage_free(Storage *s)
{
    for (size_t i = 0; i < G_N_ELEMENTS(s->win); i++) {
        g_free(s->win[i].bytes);
    }
}

/* ---- the run ------------------------------------------------------------ */

static void check_result(const CcwInterpParams *p, const CcwInterpResult *res,
                         unsigned calls_before, const FuzzEchoDev *dev)
{
    uint32_t limit = p->ccw_limit ? p->ccw_limit
                                  : CCW_INTERP_DEFAULT_CCW_LIMIT;

    g_assert_cmphex(res->cstat & ~(SCSW_CSTAT_PCI | SCSW_CSTAT_INCORR_LEN |
                                   SCSW_CSTAT_PROG_CHECK |
                                   SCSW_CSTAT_PROT_CHECK), ==, 0);
    g_assert_cmpint(!!(res->cstat & SCSW_CSTAT_PCI), ==, res->pci);
    g_assert_cmpuint(res->commands, ==, dev->calls - calls_before);
    g_assert_cmpuint(res->ccws, <=, limit);
    g_assert_cmpuint(res->commands, <=, res->ccws);
    if (res->suspended) {
        g_assert_true(p->suspend_ctl);
        g_assert_cmphex(res->cpa, ==, res->suspend_addr + 8);
        g_assert_cmphex(res->dstat, ==, 0);
        g_assert_cmphex(res->cstat & ~SCSW_CSTAT_PCI, ==, 0);
    }
    if (res->commands == 0) {
        g_assert_cmphex(res->dstat, ==, 0);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in;
    uint8_t orb_be[ORB_SIZE];
    ORB orb;
    CcwInterpParams p;
    CcwInterpResult res;
    Storage st;
    g_autofree FuzzEchoDev *dev = g_new0(FuzzEchoDev, 1);
    CcwInterpEnv env = {
        .mem = &storage_ops, .mem_opaque = &st,
        .dev = &fuzz_echo_ops, .dev_opaque = dev,
    };
    uint8_t limit, resume_ctl;
    unsigned calls_before;
    const uint8_t *prog;
    size_t got;

    fuzz_input_init(&in, data, size);
    fuzz_bytes(&in, orb_be, sizeof(orb_be));
    limit = fuzz_u8(&in);
    resume_ctl = fuzz_u8(&in);

    storage_init(&st);
    fuzz_bytes(&in, st.skey, sizeof(st.skey));
    fuzz_echo_read_script(dev, &in);
    prog = fuzz_span(&in, LOW_SIZE - PROG_START, &got);
    memcpy(st.win[0].bytes + PROG_START, prog, got);

    copy_orb_from_guest(orb_be, &orb);
    orb.cpa &= ~ORB_CPA_MASK_INVALID;
    ccw_interp_params_from_orb(&orb, &p);
    g_assert_cmphex(p.cpa, ==, orb.cpa);
    g_assert_cmpuint(p.key, ==, orb.ctrl0 >> ORB_CTRL0_KEY_SHIFT);
    g_assert_cmpint(p.fmt1, ==, !!(orb.ctrl0 & ORB_CTRL0_MASK_FMT));
    g_assert_cmpuint(p.ccw_limit, ==, 0);
    p.ccw_limit = limit * 4u;

    calls_before = dev->calls;
    ccw_interp_start(&env, &p, &res);
    check_result(&p, &res, calls_before, dev);

    for (unsigned i = 0; res.suspended && i < ((resume_ctl >> 1) & 3); i++) {
        uint32_t at = res.suspend_addr;
        uint8_t *flags = storage_find(&st, (uint64_t)at + 1, 1);

        if ((resume_ctl & 1) && flags) {
            *flags &= ~CCW_FLAG_SUSPEND;
        }
        calls_before = dev->calls;
        ccw_interp_resume(&env, &p, at, &res);
        check_result(&p, &res, calls_before, dev);
    }
    storage_free(&st);
    return 0;
}
