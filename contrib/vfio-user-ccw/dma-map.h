/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dma-map.h: the guest memory windows a vfio-user client has shared with
 * the vfio-user-ccw server (VFIO_USER_DMA_MAP), the only memory the
 * channel-program translator may touch.
 *
 * Who calls it: server.c adds and removes windows as DMA_MAP / DMA_UNMAP
 * arrive (after mmap()ing the client's fd); cp.c looks addresses up.
 * Addresses are guest absolute addresses ("iova" in vfio terms), host
 * order integers.  Windows are page granular (DMA_MAP_PAGE_SIZE), do not
 * overlap, and a lookup never returns a pointer unless the whole range
 * lies inside windows: that is the guarantee that nothing outside the
 * client's memory is ever accessed.
 */
#ifndef VFIO_USER_CCW_DMA_MAP_H
#define VFIO_USER_CCW_DMA_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/* DMA_MAP_PAGE_SIZE: window alignment and size granule (vfio-user pgsizes). */
#define DMA_MAP_PAGE_SIZE 4096u

/* Access rights of a window (the VFIO_USER_DMA_MAP_FLAG_* values). */
#define DMA_MAP_PROT_READ   (1u << 0)
#define DMA_MAP_PROT_WRITE  (1u << 1)

/**
 * DmaMapRelease: called when a window goes away, to undo what made @host
 * (the server munmap()s).  @host, @size: as given to dma_maps_add().
 */
typedef void (*DmaMapRelease)(void *host, uint64_t size);

/** DmaMaps: a set of windows. Opaque. */
typedef struct DmaMaps DmaMaps;

/**
 * dma_maps_new: an empty set.
 * @max_maps: most windows at a time (dma_maps_add() then fails).
 * Returns: the set; free with dma_maps_free().
 */
DmaMaps *dma_maps_new(unsigned max_maps);

/**
 * dma_maps_free: drop every window (calling their release functions) and
 * free @maps.  @maps: the set, or NULL.
 */
void dma_maps_free(DmaMaps *maps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(DmaMaps, dma_maps_free)

/**
 * dma_maps_add: add the window [@iova, @iova + @size) backed by @host.
 * @maps: the set.
 * @iova: guest absolute address, a multiple of DMA_MAP_PAGE_SIZE.
 * @size: bytes, a non-zero multiple of DMA_MAP_PAGE_SIZE; the window may
 *        not wrap past 2^64.
 * @host: @size bytes of host memory that stay valid until the window is
 *        removed.
 * @prot: DMA_MAP_PROT_READ and/or DMA_MAP_PROT_WRITE.
 * @release: called with @host and @size when the window is removed (also
 *        by dma_maps_free()); NULL when the caller keeps ownership.
 * Returns: 0; -EINVAL for bad alignment, size or @prot; -EEXIST when it
 * overlaps a window; -ENOSPC when @max_maps windows exist.  On error
 * nothing is kept and @release is not called.
 */
int dma_maps_add(DmaMaps *maps, uint64_t iova, uint64_t size, void *host,
                 uint32_t prot, DmaMapRelease release);

/**
 * dma_maps_remove: remove the window that was added with exactly @iova
 * and @size, calling its release function.
 * Returns: 0, or -ENOENT if there is no such window.
 */
int dma_maps_remove(DmaMaps *maps, uint64_t iova, uint64_t size);

/**
 * dma_maps_clear: remove every window (a client went away).
 * Returns: how many were removed.
 */
unsigned dma_maps_clear(DmaMaps *maps);

/** dma_maps_count: Returns: the number of windows in @maps. */
unsigned dma_maps_count(const DmaMaps *maps);

/**
 * dma_maps_generation: a number that changes whenever a window is added
 * or removed, so that a holder of pointers from dma_maps_find() can tell
 * they may be stale.
 */
uint64_t dma_maps_generation(const DmaMaps *maps);

/**
 * dma_maps_find: the host address of [@iova, @iova + @len), which must lie
 * inside ONE window.
 * @maps: the set.
 * @iova: guest address.
 * @len: bytes, at least 1.
 * @prot: if non-NULL, receives the window's DMA_MAP_PROT_* rights.
 * Returns: the host pointer, or NULL when any byte is outside that window
 * (or the range wraps).
 */
void *dma_maps_find(const DmaMaps *maps, uint64_t iova, uint64_t len,
                    uint32_t *prot);

/**
 * dma_maps_read: copy @len bytes at @iova into @buf, across adjacent
 * windows if need be.  Nothing is copied unless every byte is mapped
 * with DMA_MAP_PROT_READ.
 * Returns: true if copied.
 */
bool dma_maps_read(const DmaMaps *maps, uint64_t iova, void *buf,
                   uint64_t len);

/**
 * dma_maps_readable_span: how many bytes from @iova on (at most @len) are
 * readable without a gap, following adjacent windows.
 * Returns: 0 .. @len.
 */
uint64_t dma_maps_readable_span(const DmaMaps *maps, uint64_t iova,
                                uint64_t len);

#endif /* VFIO_USER_CCW_DMA_MAP_H */
