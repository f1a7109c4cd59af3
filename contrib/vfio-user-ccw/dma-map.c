/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dma-map.c: the client's DMA windows, kept sorted by guest address.
 *
 * A handful of windows at most (guest RAM is one memfd), so a sorted array
 * with a binary search is all the structure needed.
 */
#include "qemu/osdep.h"

#include "dma-map.h"

typedef struct DmaMap {
    uint64_t iova;
    uint64_t size;
    uint8_t *host;
    uint32_t prot;
    DmaMapRelease release;
} DmaMap;

struct DmaMaps {
    GArray *maps;           /* DmaMap, sorted by iova, disjoint */
    unsigned max_maps;
    uint64_t generation;
};

DmaMaps *dma_maps_new(unsigned max_maps)
{
    DmaMaps *maps = g_new0(DmaMaps, 1);

    maps->maps = g_array_new(FALSE, TRUE, sizeof(DmaMap));
    maps->max_maps = max_maps;
    return maps;
}

void dma_maps_free(DmaMaps *maps)
{
    if (!maps) {
        return;
    }
    dma_maps_clear(maps);
    g_array_free(maps->maps, TRUE);
    g_free(maps);
}

static DmaMap *map_at(const DmaMaps *maps, guint i)
{
    return &g_array_index(maps->maps, DmaMap, i);
}

/* Index of the first window that ends after @iova (may be the count). */
static guint first_ending_after(const DmaMaps *maps, uint64_t iova)
{
    guint lo = 0, hi = maps->maps->len;

    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        const DmaMap *m = map_at(maps, mid);

        /* Windows never wrap, so iova + size - 1 is the last byte. */
        if (m->iova + (m->size - 1) < iova) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* The window holding @iova, or NULL. */
static const DmaMap *find_map(const DmaMaps *maps, uint64_t iova)
{
    guint i = first_ending_after(maps, iova);

    if (i < maps->maps->len && map_at(maps, i)->iova <= iova) {
        return map_at(maps, i);
    }
    return NULL;
}

int dma_maps_add(DmaMaps *maps, uint64_t iova, uint64_t size, void *host,
                 uint32_t prot, DmaMapRelease release)
{
    DmaMap m = {
        .iova = iova, .size = size, .host = host, .prot = prot,
        .release = release,
    };
    guint i;

    if (!size || !host || (iova | size) % DMA_MAP_PAGE_SIZE ||
        iova + (size - 1) < iova ||
        (prot & ~(DMA_MAP_PROT_READ | DMA_MAP_PROT_WRITE))) {
        return -EINVAL;
    }
    i = first_ending_after(maps, iova);
    if (i < maps->maps->len && map_at(maps, i)->iova <= iova + (size - 1)) {
        return -EEXIST;
    }
    if (maps->maps->len >= maps->max_maps) {
        return -ENOSPC;
    }
    g_array_insert_val(maps->maps, i, m);
    maps->generation++;
    return 0;
}

static void release_map(DmaMap *m)
{
    if (m->release) {
        m->release(m->host, m->size);
    }
}

int dma_maps_remove(DmaMaps *maps, uint64_t iova, uint64_t size)
{
    guint i = first_ending_after(maps, iova);
    DmaMap *m;

    if (i >= maps->maps->len) {
        return -ENOENT;
    }
    m = map_at(maps, i);
    if (m->iova != iova || m->size != size) {
        return -ENOENT;
    }
    release_map(m);
    g_array_remove_index(maps->maps, i);
    maps->generation++;
    return 0;
}

unsigned dma_maps_clear(DmaMaps *maps)
{
    unsigned n = maps->maps->len;

    for (guint i = 0; i < n; i++) {
        release_map(map_at(maps, i));
    }
    g_array_set_size(maps->maps, 0);
    if (n) {
        maps->generation++;
    }
    return n;
}

unsigned dma_maps_count(const DmaMaps *maps)
{
    return maps->maps->len;
}

uint64_t dma_maps_generation(const DmaMaps *maps)
{
    return maps->generation;
}

void *dma_maps_find(const DmaMaps *maps, uint64_t iova, uint64_t len,
                    uint32_t *prot)
{
    const DmaMap *m;
    uint64_t off;

    if (!len || iova + (len - 1) < iova) {
        return NULL;
    }
    m = find_map(maps, iova);
    if (!m) {
        return NULL;
    }
    off = iova - m->iova;
    if (len > m->size - off) {
        return NULL;
    }
    if (prot) {
        *prot = m->prot;
    }
    return m->host + off;
}

uint64_t dma_maps_readable_span(const DmaMaps *maps, uint64_t iova,
                                uint64_t len)
{
    uint64_t done = 0;

    while (done < len) {
        uint64_t at = iova + done;
        const DmaMap *m;
        uint64_t n;

        if (at < iova) {
            break;                  /* wrapped past 2^64 */
        }
        m = find_map(maps, at);
        if (!m || !(m->prot & DMA_MAP_PROT_READ)) {
            break;
        }
        n = MIN(len - done, m->size - (at - m->iova));
        done += n;
    }
    return done;
}

bool dma_maps_read(const DmaMaps *maps, uint64_t iova, void *buf,
                   uint64_t len)
{
    uint8_t *out = buf;
    uint64_t done = 0;

    if (dma_maps_readable_span(maps, iova, len) != len) {
        return false;
    }
    while (done < len) {
        const DmaMap *m = find_map(maps, iova + done);
        uint64_t off = iova + done - m->iova;
        uint64_t n = MIN(len - done, m->size - off);

        memcpy(out + done, m->host + off, n);
        done += n;
    }
    return true;
}
