/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cp.c: channel-program translation (see cp.h for the rules and where
 * they come from).
 *
 * Host storage: every segment and every IDAL is a "range" with its own
 * buffer and a synthetic address below 2 GiB; the ranges are handed out
 * in increasing address order with an 8-byte hole between neighbours, so
 * that a CCW fetch one past a segment's end never lands in the next one.
 * Pinned pages get consecutive 4 KiB slots at CP_HOST_PIN_BASE: the
 * offset inside the page is kept, so the block alignment rules for IDAWs
 * hold for the host IDAL exactly when they held for the guest's.
 */
#include "qemu/osdep.h"

#include "cp.h"

#define CCW_BYTES 8u
#define PAGE_BYTES 4096u
#define PAGE_MASK_LOW (PAGE_BYTES - 1)

/* A piece of host storage: a segment's CCWs or an IDAL. */
typedef struct CpRange {
    uint32_t host;
    uint32_t nbytes;
    uint8_t *bytes;         /* big-endian, as the channel reads them */
} CpRange;

/* A chain segment: guest head, and where its copy lives. */
typedef struct CpSegment {
    uint32_t guest;
    uint32_t host;
    uint32_t len;           /* CCWs */
    guint range;            /* index into CcwProgram.ranges */
} CpSegment;

/*
 * A pinned guest page.  Only its guest address is kept: every access
 * looks the window up again, so a window that went away can never leave
 * a dangling pointer behind.
 */
typedef struct CpPin {
    uint64_t guest_page;
} CpPin;

struct CcwProgram {
    const DmaMaps *maps;
    bool initialized;
    bool warned_pfch;
    ORB orb;                /* the guest's */
    GArray *ranges;         /* CpRange, sorted by host address */
    GArray *segments;       /* CpSegment, in creation order */
    GArray *pins;           /* CpPin, slot i at CP_HOST_PIN_BASE + i*4K */
    uint32_t next_host;     /* next free host address */
};

CcwProgram *cp_new(const DmaMaps *maps)
{
    CcwProgram *cp = g_new0(CcwProgram, 1);

    cp->maps = maps;
    cp->ranges = g_array_new(FALSE, TRUE, sizeof(CpRange));
    cp->segments = g_array_new(FALSE, TRUE, sizeof(CpSegment));
    cp->pins = g_array_new(FALSE, TRUE, sizeof(CpPin));
    cp->next_host = CP_HOST_BASE;
    return cp;
}

void cp_free(CcwProgram *cp)
{
    for (guint i = 0; i < cp->ranges->len; i++) {
        g_free(g_array_index(cp->ranges, CpRange, i).bytes);
    }
    g_array_set_size(cp->ranges, 0);
    g_array_set_size(cp->segments, 0);
    g_array_set_size(cp->pins, 0);
    cp->next_host = CP_HOST_BASE;
    cp->initialized = false;
}

void cp_destroy(CcwProgram *cp)
{
    if (!cp) {
        return;
    }
    cp_free(cp);
    g_array_free(cp->ranges, TRUE);
    g_array_free(cp->segments, TRUE);
    g_array_free(cp->pins, TRUE);
    g_free(cp);
}

bool cp_initialized(const CcwProgram *cp)
{
    return cp->initialized;
}

bool cp_pfch_warned(const CcwProgram *cp)
{
    return cp->warned_pfch;
}

/* ------------------------------------------------------------------------
 * Host storage
 * ------------------------------------------------------------------------ */

/* A new zeroed range of @nbytes; returns its index or -ENOMEM. */
static int host_alloc(CcwProgram *cp, uint32_t nbytes)
{
    CpRange r;

    if (nbytes > CP_HOST_SPACE_MAX ||
        cp->next_host - CP_HOST_BASE > CP_HOST_SPACE_MAX - nbytes) {
        return -ENOMEM;
    }
    r.host = cp->next_host;
    r.nbytes = nbytes;
    r.bytes = g_malloc0(nbytes);
    /* Keep 8-byte alignment and an 8-byte hole after every range. */
    cp->next_host += (nbytes + CCW_BYTES - 1) / CCW_BYTES * CCW_BYTES +
                     CCW_BYTES;
    g_array_append_val(cp->ranges, r);
    return cp->ranges->len - 1;
}

static CpRange *range_at(const CcwProgram *cp, guint i)
{
    return &g_array_index(cp->ranges, CpRange, i);
}

static CpSegment *segment_at(const CcwProgram *cp, guint i)
{
    return &g_array_index(cp->segments, CpSegment, i);
}

/* The range holding all of [@addr, @addr + @len), or NULL. */
static const CpRange *find_range(const CcwProgram *cp, uint64_t addr,
                                 uint32_t len)
{
    guint lo = 0, hi = cp->ranges->len;

    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        const CpRange *r = range_at(cp, mid);

        if ((uint64_t)r->host + r->nbytes <= addr) {
            lo = mid + 1;
        } else if (r->host > addr) {
            hi = mid;
        } else {
            return addr + len <= (uint64_t)r->host + r->nbytes ? r : NULL;
        }
    }
    return NULL;
}

/* The host page behind pin slot @slot, or NULL. */
static uint8_t *pin_page(const CcwProgram *cp, uint64_t slot, uint32_t *prot)
{
    if (slot >= cp->pins->len) {
        return NULL;
    }
    return dma_maps_find(cp->maps,
                         g_array_index(cp->pins, CpPin, slot).guest_page,
                         PAGE_BYTES, prot);
}

static CcwMemAccess cp_mem_read(void *opaque, uint64_t addr, void *buf,
                                uint32_t len, uint8_t key)
{
    const CcwProgram *cp = opaque;

    if (addr >= CP_HOST_PIN_BASE && addr < CP_HOST_NOPIN_BASE) {
        uint64_t off = addr & PAGE_MASK_LOW;
        uint32_t prot = 0;
        uint8_t *page = pin_page(cp, (addr - CP_HOST_PIN_BASE) / PAGE_BYTES,
                                 &prot);

        if (!page || off + len > PAGE_BYTES) {
            return CCW_MEM_ADDRESSING;
        }
        if (!(prot & DMA_MAP_PROT_READ)) {
            return CCW_MEM_PROTECTION;
        }
        memcpy(buf, page + off, len);
        return CCW_MEM_OK;
    }
    if (addr < CP_HOST_PIN_BASE) {
        const CpRange *r = find_range(cp, addr, len);

        if (r) {
            memcpy(buf, r->bytes + (addr - r->host), len);
            return CCW_MEM_OK;
        }
    }
    return CCW_MEM_ADDRESSING;
}

static CcwMemAccess cp_mem_write(void *opaque, uint64_t addr,
                                 const void *buf, uint32_t len, uint8_t key)
{
    const CcwProgram *cp = opaque;

    /* Only pinned data pages take stores; the program itself is ours. */
    if (addr >= CP_HOST_PIN_BASE && addr < CP_HOST_NOPIN_BASE) {
        uint64_t off = addr & PAGE_MASK_LOW;
        uint32_t prot = 0;
        uint8_t *page = pin_page(cp, (addr - CP_HOST_PIN_BASE) / PAGE_BYTES,
                                 &prot);

        if (!page || off + len > PAGE_BYTES) {
            return CCW_MEM_ADDRESSING;
        }
        if (!(prot & DMA_MAP_PROT_WRITE)) {
            return CCW_MEM_PROTECTION;
        }
        memcpy(page + off, buf, len);
        return CCW_MEM_OK;
    }
    return CCW_MEM_ADDRESSING;
}

const CcwMemOps cp_mem_ops = {
    .read = cp_mem_read,
    .write = cp_mem_write,
};

/* ------------------------------------------------------------------------
 * Chain segments (the kernel's cp_init)
 * ------------------------------------------------------------------------ */

static void ccw_get(const uint8_t *be, CCW1 *ccw)
{
    copy_ccw1_from_guest(be, ccw);
}

/* The kernel counts a TIC only by its exact command code. */
static bool ccw_is_tic(const CCW1 *ccw)
{
    return ccw->cmd_code == CCW_CMD_TIC;
}

static bool ccw_chains(const CCW1 *ccw)
{
    return ccw->flags & (CCW_FLAG_CC | CCW_FLAG_CD);
}

/* @addr lies on one of the @len CCWs from @head (both ends included). */
static bool in_segment(uint32_t addr, uint32_t head, uint32_t len)
{
    return head <= addr && addr <= (uint64_t)head + (len - 1) * CCW_BYTES;
}

/* The segment whose CCWs include @addr, or -1. */
static int segment_holding(const CcwProgram *cp, uint32_t addr)
{
    for (guint i = 0; i < cp->segments->len; i++) {
        const CpSegment *s = segment_at(cp, i);

        if (in_segment(addr, s->guest, s->len)) {
            return i;
        }
    }
    return -1;
}

/*
 * Fetch the segment at guest address @head into a new range and segment.
 * Returns 0 or a negative errno.
 */
static int build_segment(CcwProgram *cp, uint32_t head)
{
    uint8_t buf[CP_CHAIN_LEN_MAX * CCW_BYTES];
    uint32_t avail, len = 0;
    CpSegment seg;
    int r;

    if (cp->segments->len >= CP_MAX_SEGMENTS) {
        return -ENOMEM;
    }
    /* As much of the 2 KiB as guest memory holds; the rest may not matter. */
    avail = dma_maps_readable_span(cp->maps, head, sizeof(buf)) / CCW_BYTES;
    if (!avail || !dma_maps_read(cp->maps, head, buf, avail * CCW_BYTES)) {
        return -EFAULT;
    }
    if (!(cp->orb.ctrl0 & ORB_CTRL0_MASK_FMT)) {
        for (uint32_t i = 0; i < avail; i++) {
            CCW0 c0;
            CCW1 c1;

            copy_ccw0_from_guest(buf + i * CCW_BYTES, &c0);
            ccw0_to_ccw1(&c0, &c1);
            copy_ccw1_to_guest(buf + i * CCW_BYTES, &c1);
        }
    }

    /*
     * The segment goes on while a CCW chains, or is a TIC back into the
     * segment so far (a device-orientation loop: the CCW before the TIC
     * either branches back or, with status modifier, skips past it).
     */
    for (;;) {
        CCW1 ccw;

        if (len == avail) {
            /* It goes on into memory that is not there. */
            return -EFAULT;
        }
        ccw_get(buf + len * CCW_BYTES, &ccw);
        len++;
        if (!ccw_chains(&ccw) &&
            !(ccw_is_tic(&ccw) && in_segment(ccw.cda, head, len))) {
            break;
        }
        if (len == CP_CHAIN_LEN_MAX) {
            return -EINVAL;
        }
    }

    r = host_alloc(cp, len * CCW_BYTES);
    if (r < 0) {
        return r;
    }
    memcpy(range_at(cp, r)->bytes, buf, len * CCW_BYTES);
    seg = (CpSegment) {
        .guest = head, .host = range_at(cp, r)->host, .len = len, .range = r,
    };
    g_array_append_val(cp->segments, seg);
    return 0;
}

/* Build a segment at @head and, depth first, at every new TIC target. */
static int build_segments(CcwProgram *cp, uint32_t head)
{
    typedef struct {
        guint seg;
        uint32_t next;      /* next CCW to look at */
    } Frame;
    g_autoptr(GArray) stack = g_array_new(FALSE, FALSE, sizeof(Frame));
    Frame f = { .seg = 0, .next = 0 };
    int ret;

    ret = build_segment(cp, head);
    if (ret) {
        return ret;
    }
    g_array_append_val(stack, f);
    while (stack->len) {
        Frame *top = &g_array_index(stack, Frame, stack->len - 1);
        const CpSegment *s = segment_at(cp, top->seg);
        CCW1 ccw;

        if (top->next == s->len) {
            g_array_set_size(stack, stack->len - 1);
            continue;
        }
        ccw_get(range_at(cp, s->range)->bytes + top->next * CCW_BYTES, &ccw);
        top->next++;
        if (!ccw_is_tic(&ccw) || segment_holding(cp, ccw.cda) >= 0) {
            continue;
        }
        ret = build_segment(cp, ccw.cda);
        if (ret) {
            return ret;
        }
        f = (Frame) { .seg = cp->segments->len - 1, .next = 0 };
        g_array_append_val(stack, f);
    }
    return 0;
}

int cp_init(CcwProgram *cp, const ORB *orb)
{
    int ret;

    if (cp->initialized) {
        return -EBUSY;
    }
    if ((orb->ctrl0 & ORB_CTRL0_MASK_TM) ||
        (orb->ctrl1 & ORB_CTRL1_MASK_MIDAW)) {
        return -EOPNOTSUPP;
    }
    if (!(orb->ctrl0 & ORB_CTRL0_MASK_PFCH) && !cp->warned_pfch) {
        cp->warned_pfch = true;
        g_printerr("vfio-user-ccw: ORB without the prefetch bit: the channel "
                   "program is prefetched anyway (warned once)\n");
    }
    cp->orb = *orb;
    ret = build_segments(cp, orb->cpa);
    if (ret) {
        cp_free(cp);
        return ret;
    }
    cp->initialized = true;
    return 0;
}

/* ------------------------------------------------------------------------
 * IDALs and pinning (the kernel's cp_prefetch)
 * ------------------------------------------------------------------------ */

static bool ccw_moves_data(const CCW1 *ccw)
{
    CcwCmdClass cls = ccw_cmd_class(ccw->cmd_code);

    if (ccw->count == 0 || ccw->cmd_code == CCW_CMD_NOOP) {
        return false;
    }
    if (!(ccw->flags & CCW_FLAG_SKIP)) {
        return true;
    }
    /* SKIP suppresses the transfer of input commands only. */
    return cls != CCW_CMD_CLASS_READ && cls != CCW_CMD_CLASS_READ_BACKWARD &&
           cls != CCW_CMD_CLASS_SENSE;
}

/* Pin the page of @guest; returns the host IDAW for it, or 0 on failure. */
static uint64_t pin(CcwProgram *cp, uint64_t guest)
{
    CpPin p = { .guest_page = guest & ~(uint64_t)PAGE_MASK_LOW };

    if (!dma_maps_find(cp->maps, p.guest_page, PAGE_BYTES, NULL) ||
        cp->pins->len >= (CP_HOST_NOPIN_BASE - CP_HOST_PIN_BASE) / PAGE_BYTES) {
        return 0;
    }
    g_array_append_val(cp->pins, p);
    return CP_HOST_PIN_BASE + (uint64_t)(cp->pins->len - 1) * PAGE_BYTES +
           (guest & PAGE_MASK_LOW);
}

/* The guest's IDAW list for @ccw (read or made up), @nr entries. */
static int guest_idal(CcwProgram *cp, const CCW1 *ccw, bool fmt2,
                      uint32_t block, uint64_t first, uint64_t *idaws,
                      uint32_t nr)
{
    if (ccw->flags & CCW_FLAG_IDA) {
        uint32_t size = fmt2 ? IDAW2_SIZE : IDAW1_SIZE;
        g_autofree uint8_t *be = g_malloc(nr * size);

        if (!dma_maps_read(cp->maps, ccw->cda, be, (uint64_t)nr * size)) {
            return -EFAULT;
        }
        for (uint32_t i = 0; i < nr; i++) {
            idaws[i] = fmt2 ? copy_idaw2_from_guest(be + i * size)
                            : copy_idaw1_from_guest(be + i * size);
        }
        return 0;
    }
    /* Direct addressing: block-aligned steps after the first address. */
    idaws[0] = first;
    for (uint32_t i = 1; i < nr; i++) {
        idaws[i] = (idaws[i - 1] + block) & ~(uint64_t)(block - 1);
    }
    return 0;
}

static int prefetch_ccw(CcwProgram *cp, uint8_t *ccw_be)
{
    bool fmt2 = cp->orb.ctrl0 & ORB_CTRL0_MASK_C64;
    bool two_k = !fmt2 || (cp->orb.ctrl0 & ORB_CTRL0_MASK_I2K);
    uint32_t block = two_k ? IDAW2_BLOCK_2K : IDAW2_BLOCK_4K;
    g_autofree uint64_t *idaws = NULL;
    bool moves = false;
    uint64_t first;
    uint32_t nr;
    CpRange *idal;
    CCW1 ccw;
    int r;

    ccw_get(ccw_be, &ccw);
    if (ccw_is_tic(&ccw)) {
        int s = segment_holding(cp, ccw.cda);
        const CpSegment *seg;

        if (s < 0) {
            return -EFAULT;
        }
        seg = segment_at(cp, s);
        ccw.cda = seg->host + (ccw.cda - seg->guest);
        copy_ccw1_to_guest(ccw_be, &ccw);
        return 0;
    }

    if (ccw.flags & CCW_FLAG_IDA) {
        uint8_t be[IDAW2_SIZE];

        if (!dma_maps_read(cp->maps, ccw.cda, be,
                           fmt2 ? IDAW2_SIZE : IDAW1_SIZE)) {
            return -EFAULT;
        }
        first = fmt2 ? copy_idaw2_from_guest(be) : copy_idaw1_from_guest(be);
    } else {
        first = ccw.cda;
    }
    /* A count of 0 still needs one IDAW (idaw_count() treats it as 1). */
    nr = idaw_count(first, ccw.count, block);
    idaws = g_new(uint64_t, nr);
    r = guest_idal(cp, &ccw, fmt2, block, first, idaws, nr);
    if (r) {
        return r;
    }

    moves = ccw_moves_data(&ccw);
    for (uint32_t i = 0; i < nr; i++) {
        if (moves) {
            uint64_t host = pin(cp, idaws[i]);

            if (!host) {
                return -EFAULT;
            }
            idaws[i] = host;
        } else {
            /* Nothing is pinned: these IDAWs must never be used. */
            idaws[i] = CP_HOST_NOPIN_BASE + (idaws[i] & PAGE_MASK_LOW);
        }
    }

    r = host_alloc(cp, nr * IDAW2_SIZE);
    if (r < 0) {
        return r;
    }
    idal = range_at(cp, r);
    for (uint32_t i = 0; i < nr; i++) {
        copy_idaw2_to_guest(idal->bytes + i * IDAW2_SIZE, idaws[i]);
    }
    ccw.cda = idal->host;
    ccw.flags |= CCW_FLAG_IDA;
    copy_ccw1_to_guest(ccw_be, &ccw);
    return 0;
}

int cp_prefetch(CcwProgram *cp)
{
    if (!cp->initialized) {
        return -EINVAL;
    }
    for (guint s = 0; s < cp->segments->len; s++) {
        guint range = segment_at(cp, s)->range;
        uint32_t len = segment_at(cp, s)->len;

        for (uint32_t i = 0; i < len; i++) {
            /* Index anew: host_alloc() may move the range array. */
            int r = prefetch_ccw(cp, range_at(cp, range)->bytes +
                                     i * CCW_BYTES);
            if (r) {
                return r;
            }
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * Start and completion
 * ------------------------------------------------------------------------ */

void cp_get_orb(const CcwProgram *cp, uint32_t intparm, uint8_t sch_lpm,
                ORB *orb)
{
    *orb = cp->orb;
    orb->intparm = intparm;
    orb->ctrl0 |= ORB_CTRL0_MASK_FMT;
    /* Every host IDAL is format 2; format-1 IDAWs meant 2 KiB blocks. */
    if (!(orb->ctrl0 & ORB_CTRL0_MASK_C64)) {
        orb->ctrl0 |= ORB_CTRL0_MASK_I2K;
    }
    orb->ctrl0 |= ORB_CTRL0_MASK_C64;
    if (!orb->lpm) {
        orb->lpm = sch_lpm;
    }
    orb->cpa = cp->segments->len ? segment_at(cp, 0)->host : 0;
}

void cp_update_scsw(const CcwProgram *cp, SCSW *scsw)
{
    if (!cp->initialized) {
        return;
    }
    for (guint i = 0; i < cp->segments->len; i++) {
        const CpSegment *s = segment_at(cp, i);

        /* len + 1 CCWs: the address after the last one is included. */
        if (in_segment(scsw->cpa, s->host, s->len + 1)) {
            scsw->cpa = s->guest + (scsw->cpa - s->host);
            return;
        }
    }
}

bool cp_iova_pinned(const CcwProgram *cp, uint64_t iova, uint64_t len)
{
    uint64_t first = iova & ~(uint64_t)PAGE_MASK_LOW;
    uint64_t last = (iova + (len ? len - 1 : 0)) & ~(uint64_t)PAGE_MASK_LOW;

    if (!cp->initialized) {
        return false;
    }
    for (guint i = 0; i < cp->pins->len; i++) {
        uint64_t page = g_array_index(cp->pins, CpPin, i).guest_page;

        if (page >= first && page <= last) {
            return true;
        }
    }
    return false;
}

void cp_run(CcwProgram *cp, const ORB *host_orb, const CcwDevOps *dev,
            void *dev_opaque, CcwInterpResult *res)
{
    CcwInterpEnv env = {
        .mem = &cp_mem_ops,
        .mem_opaque = cp,
        .dev = dev,
        .dev_opaque = dev_opaque,
    };
    CcwInterpParams p;

    ccw_interp_params_from_orb(host_orb, &p);
    ccw_interp_start(&env, &p, res);
}
