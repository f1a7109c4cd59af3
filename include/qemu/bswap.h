/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bswap.h: loads and stores of big- and little-endian integers at any
 * byte address.
 *
 * Guest memory, the vfio-ccw regions and CKD track images hold big-endian
 * bytes; Hercules image headers hold little-endian ones.  These helpers are
 * the only way this project turns such bytes into host integers and back.
 * They go through memcpy, so they are safe at any alignment and correct on
 * hosts of either byte order.
 */
#ifndef QEMU_BSWAP_H
#define QEMU_BSWAP_H

#include <stdint.h>
#include <string.h>
#include <glib.h>

/** ldub_p: @p: byte address. Returns: the byte at @p. */
static inline uint8_t ldub_p(const void *p)
{
    return *(const uint8_t *)p;
}

/** stb_p: @p: byte address; @v: the byte stored there. */
static inline void stb_p(void *p, uint8_t v)
{
    *(uint8_t *)p = v;
}

/** lduw_be_p: @p: any address. Returns: the big-endian 16-bit value at @p. */
static inline uint16_t lduw_be_p(const void *p)
{
    uint16_t v;

    memcpy(&v, p, sizeof(v));
    return GUINT16_FROM_BE(v);
}

/** ldl_be_p: @p: any address. Returns: the big-endian 32-bit value at @p. */
static inline uint32_t ldl_be_p(const void *p)
{
    uint32_t v;

    memcpy(&v, p, sizeof(v));
    return GUINT32_FROM_BE(v);
}

/** ldq_be_p: @p: any address. Returns: the big-endian 64-bit value at @p. */
static inline uint64_t ldq_be_p(const void *p)
{
    uint64_t v;

    memcpy(&v, p, sizeof(v));
    return GUINT64_FROM_BE(v);
}

/** stw_be_p: @p: any address; @v: stored there as 2 big-endian bytes. */
static inline void stw_be_p(void *p, uint16_t v)
{
    v = GUINT16_TO_BE(v);
    memcpy(p, &v, sizeof(v));
}

/** stl_be_p: @p: any address; @v: stored there as 4 big-endian bytes. */
static inline void stl_be_p(void *p, uint32_t v)
{
    v = GUINT32_TO_BE(v);
    memcpy(p, &v, sizeof(v));
}

/** stq_be_p: @p: any address; @v: stored there as 8 big-endian bytes. */
static inline void stq_be_p(void *p, uint64_t v)
{
    v = GUINT64_TO_BE(v);
    memcpy(p, &v, sizeof(v));
}

/** lduw_le_p: @p: any address. Returns: the little-endian 16-bit value. */
static inline uint16_t lduw_le_p(const void *p)
{
    uint16_t v;

    memcpy(&v, p, sizeof(v));
    return GUINT16_FROM_LE(v);
}

/** ldl_le_p: @p: any address. Returns: the little-endian 32-bit value. */
static inline uint32_t ldl_le_p(const void *p)
{
    uint32_t v;

    memcpy(&v, p, sizeof(v));
    return GUINT32_FROM_LE(v);
}

/** stw_le_p: @p: any address; @v: stored as 2 little-endian bytes. */
static inline void stw_le_p(void *p, uint16_t v)
{
    v = GUINT16_TO_LE(v);
    memcpy(p, &v, sizeof(v));
}

/** stl_le_p: @p: any address; @v: stored as 4 little-endian bytes. */
static inline void stl_le_p(void *p, uint32_t v)
{
    v = GUINT32_TO_LE(v);
    memcpy(p, &v, sizeof(v));
}

#endif /* QEMU_BSWAP_H */
