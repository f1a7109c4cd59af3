/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-chain.h: build a channel program the way a guest lays it out in its
 * memory: format-1 CCWs (PoP ch. 15, "Channel-Command Word": command,
 * flags, 16-bit count, 31-bit data address; 8 bytes, big-endian,
 * doubleword aligned), followed by the data areas they point at.
 *
 *   base:   CCW 0, CCW 1, ... CCW n-1          (n x 8 bytes)
 *           output data (write/control CCWs)   (each area 8-byte aligned)
 *           input areas (read/sense CCWs)      (each area 8-byte aligned)
 *
 * Every CCW but the last gets command chaining; callers add SLI or skip.
 * The runner (css-guest.c) stores the CCWs and the output data with one
 * memory write, fills the input areas with 0xFF (so that a record stream
 * shorter than its area ends in an all-ones count field), runs the
 * program and reads the input areas back into the chain.
 *
 * Who calls it: the DASD driver (dasd.c) and the runner.  Pure data; no
 * I/O happens here.
 */
#ifndef CCW_GUEST_CCW_CHAIN_H
#define CCW_GUEST_CCW_CHAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/** CCW_CHAIN_MAX: most CCWs per program (a vfio-ccw chain segment). */
#define CCW_CHAIN_MAX 256

/** CcwChain: a channel program under construction.  Opaque. */
typedef struct CcwChain CcwChain;

/** ccw_chain_new: Returns: an empty program. */
CcwChain *ccw_chain_new(void);

/** ccw_chain_free: @ch: the program, or NULL. */
void ccw_chain_free(CcwChain *ch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CcwChain, ccw_chain_free)

/**
 * ccw_chain_add_out: append a CCW that sends @len bytes to the device
 * (a write or control command).
 * @ch: the program.
 * @cmd: command code.
 * @flags: CCW flags other than command chaining (e.g. SLI).
 * @data: the bytes sent (copied); may be NULL when @len is 0.
 * @len: byte count.
 * Returns: the index of the new CCW.
 */
size_t ccw_chain_add_out(CcwChain *ch, uint8_t cmd, uint8_t flags,
                         const void *data, uint16_t len);

/**
 * ccw_chain_add_in: append a CCW that receives up to @len bytes (a read
 * or sense command).
 * @ch: the program.  @cmd: command code.  @flags: CCW flags (SLI for
 * records shorter than @len).  @len: byte count, > 0.
 * Returns: the index of the new CCW.
 */
size_t ccw_chain_add_in(CcwChain *ch, uint8_t cmd, uint8_t flags,
                        uint16_t len);

/** ccw_chain_len: @ch: the program. Returns: number of CCWs. */
size_t ccw_chain_len(const CcwChain *ch);

/**
 * ccw_chain_image: the CCWs and the output data as guest bytes.
 * @ch: the program.
 * @base: guest address of CCW 0, 8-byte aligned, below 2 GiB.
 * @size: receives the image size (CCWs + output areas).
 * Returns: the image (g_free); CCW i is at offset 8 * i.
 */
uint8_t *ccw_chain_image(const CcwChain *ch, uint32_t base, size_t *size);

/**
 * ccw_chain_in_span: where the input areas lie.
 * @ch: the program.  @base: as for ccw_chain_image().
 * @addr: receives the guest address of the first input area.
 * Returns: bytes from @addr to the end of the last input area (0 if
 * there is none).
 */
size_t ccw_chain_in_span(const CcwChain *ch, uint32_t base, uint32_t *addr);

/**
 * ccw_chain_in_buffer: the chain's copy of all input areas, which the
 * runner fills from guest memory after the program ended.
 * @ch: the program.
 * Returns: ccw_chain_in_span() bytes.
 */
uint8_t *ccw_chain_in_buffer(CcwChain *ch);

/**
 * ccw_chain_in_data: the input area of CCW @idx after the run.
 * @ch: the program.  @idx: an index returned by ccw_chain_add_in().
 * @len: receives the CCW's byte count.
 * Returns: pointer into the chain (valid until it is freed).
 */
const uint8_t *ccw_chain_in_data(const CcwChain *ch, size_t idx,
                                 size_t *len);

/**
 * ccw_chain_index_of: which CCW a channel-program address names.
 * @ch: the program.  @base: its guest address.
 * @cpa: an address from the SCSW, which points 8 bytes past the last
 *       CCW executed.
 * Returns: the index of that last CCW, or -1 if @cpa is outside the
 * program.
 */
int ccw_chain_index_of(const CcwChain *ch, uint32_t base, uint32_t cpa);

/**
 * ccw_chain_cmd: @ch: the program. @idx: a CCW index.
 * Returns: its command code.
 */
uint8_t ccw_chain_cmd(const CcwChain *ch, size_t idx);

#endif /* CCW_GUEST_CCW_CHAIN_H */
