/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A channel program as a guest lays it out (see ccw-chain.h).
 */
#include "qemu/osdep.h"

#include "hw/s390x/ioinst.h"
#include "ccw-chain.h"

typedef struct ChainCcw {
    uint8_t cmd;
    uint8_t flags;
    uint16_t count;
    bool in;            /* data flows from the device */
    size_t off;         /* offset in the output or the input areas */
} ChainCcw;

struct CcwChain {
    GArray *ccws;       /* ChainCcw */
    GByteArray *out;    /* output areas, each padded to 8 bytes */
    size_t in_size;     /* input areas, each padded to 8 bytes */
    uint8_t *in;        /* in_size bytes, filled after the run */
};

#define ALIGN8(x) (((x) + 7) & ~(size_t)7)

CcwChain *ccw_chain_new(void)
{
    CcwChain *ch = g_new0(CcwChain, 1);

    ch->ccws = g_array_new(false, true, sizeof(ChainCcw));
    ch->out = g_byte_array_new();
    return ch;
}

void ccw_chain_free(CcwChain *ch)
{
    if (!ch) {
        return;
    }
    g_array_unref(ch->ccws);
    g_byte_array_unref(ch->out);
    g_free(ch->in);
    g_free(ch);
}

size_t ccw_chain_add_out(CcwChain *ch, uint8_t cmd, uint8_t flags,
                         const void *data, uint16_t len)
{
    static const uint8_t zeros[8];
    ChainCcw c = {
        .cmd = cmd, .flags = flags, .count = len, .in = false,
        .off = ch->out->len,
    };

    if (len) {
        g_byte_array_append(ch->out, data, len);
        g_byte_array_append(ch->out, zeros, ALIGN8(len) - len);
    }
    g_array_append_val(ch->ccws, c);
    return ch->ccws->len - 1;
}

size_t ccw_chain_add_in(CcwChain *ch, uint8_t cmd, uint8_t flags,
                        uint16_t len)
{
    ChainCcw c = {
        .cmd = cmd, .flags = flags, .count = len, .in = true,
        .off = ch->in_size,
    };

    ch->in_size += ALIGN8(len);
    g_free(ch->in);
    ch->in = NULL;
    g_array_append_val(ch->ccws, c);
    return ch->ccws->len - 1;
}

size_t ccw_chain_len(const CcwChain *ch)
{
    return ch->ccws->len;
}

/* Guest offsets of the output and input areas from the program's base. */
static size_t out_offset(const CcwChain *ch)
{
    return (size_t)ch->ccws->len * CCW_SIZE;
}

static size_t in_offset(const CcwChain *ch)
{
    return out_offset(ch) + ch->out->len;
}

uint8_t *ccw_chain_image(const CcwChain *ch, uint32_t base, size_t *size)
{
    size_t n = ch->ccws->len;
    uint8_t *img = g_malloc0(out_offset(ch) + ch->out->len);

    for (size_t i = 0; i < n; i++) {
        const ChainCcw *c = &g_array_index(ch->ccws, ChainCcw, i);
        CCW1 ccw = {
            .cmd_code = c->cmd,
            .flags = c->flags | (i + 1 < n ? CCW_FLAG_CC : 0),
            .count = c->count,
            .cda = base + (uint32_t)((c->in ? in_offset(ch) : out_offset(ch))
                                     + c->off),
        };

        if (!c->count) {
            ccw.cda = 0;
        }
        copy_ccw1_to_guest(img + i * CCW_SIZE, &ccw);
    }
    if (ch->out->len) {
        memcpy(img + out_offset(ch), ch->out->data, ch->out->len);
    }
    *size = out_offset(ch) + ch->out->len;
    return img;
}

size_t ccw_chain_in_span(const CcwChain *ch, uint32_t base, uint32_t *addr)
{
    *addr = base + (uint32_t)in_offset(ch);
    return ch->in_size;
}

uint8_t *ccw_chain_in_buffer(CcwChain *ch)
{
    if (!ch->in) {
        ch->in = g_malloc0(MAX(ch->in_size, 1));
    }
    return ch->in;
}

const uint8_t *ccw_chain_in_data(const CcwChain *ch, size_t idx,
                                 size_t *len)
{
    const ChainCcw *c;

    g_assert(idx < ch->ccws->len);
    c = &g_array_index(ch->ccws, ChainCcw, idx);
    g_assert(c->in && ch->in);
    *len = c->count;
    return ch->in + c->off;
}

int ccw_chain_index_of(const CcwChain *ch, uint32_t base, uint32_t cpa)
{
    uint64_t end = (uint64_t)base + out_offset(ch);

    if (cpa < (uint64_t)base + CCW_SIZE || cpa > end ||
        (cpa - base) % CCW_SIZE) {
        return -1;
    }
    return (int)((cpa - base) / CCW_SIZE) - 1;
}

uint8_t ccw_chain_cmd(const CcwChain *ch, size_t idx)
{
    g_assert(idx < ch->ccws->len);
    return g_array_index(ch->ccws, ChainCcw, idx).cmd;
}
