/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz.h: what every fuzz target in tests/fuzz provides, and a reader that
 * turns the fuzzer's bytes into the values a target needs.
 *
 * A target is one file, fuzz-<name>.c, defining the two libFuzzer entry
 * points below.  It is linked either with libFuzzer (clang,
 * -fsanitize=fuzzer: `make fuzz`) or with standalone-main.c, which replays
 * the seed corpus and a fixed number of deterministic mutations (any
 * compiler: `make check`).  Targets must be deterministic (same input, same
 * behaviour, whatever ran before), must not leak, and report a broken
 * invariant by aborting (g_assert*), so that both drivers see a crash.
 *
 * FuzzInput hands out the input front to back.  When the bytes run out it
 * yields zeros, so a target never needs to check lengths and a short input
 * means "defaults" rather than "refused".  Multi-byte values are read
 * big-endian, like the guest's data, so that a hex dump of an input reads
 * the way the target uses it.
 */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/**
 * LLVMFuzzerInitialize: one-time set-up before the first input (register
 * types, create temporary directories).  Every target defines it.
 * @argc, @argv: the driver's command line (unused by our targets).
 * Returns: 0.
 */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/**
 * LLVMFuzzerTestOneInput: run one input.
 * @data: @size bytes, valid only during the call.
 * @size: may be 0.
 * Returns: 0 (libFuzzer reserves other values).
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/**
 * FuzzInput: a cursor over one input.
 * @data: the bytes.  @size: their number.  @pos: the next unread byte.
 */
typedef struct FuzzInput {
    const uint8_t *data;
    size_t size;
    size_t pos;
} FuzzInput;

/** fuzz_input_init: start reading @size bytes at @data (NULL if @size 0). */
static inline void fuzz_input_init(FuzzInput *in, const uint8_t *data,
                                   size_t size)
{
    static const uint8_t none[1];

    /* memcpy() and memchr() want a valid pointer even for 0 bytes */
    in->data = data ? data : none;
    in->size = size;
    in->pos = 0;
}

/** fuzz_left: Returns: bytes not read yet. */
static inline size_t fuzz_left(const FuzzInput *in)
{
    return in->size - in->pos;
}

/** fuzz_u8: Returns: the next byte, or 0 past the end. */
static inline uint8_t fuzz_u8(FuzzInput *in)
{
    return in->pos < in->size ? in->data[in->pos++] : 0;
}

/** fuzz_u16: Returns: the next two bytes, big-endian. */
static inline uint16_t fuzz_u16(FuzzInput *in)
{
    uint16_t hi = fuzz_u8(in);

    return (uint16_t)(hi << 8 | fuzz_u8(in));
}

/** fuzz_u32: Returns: the next four bytes, big-endian. */
static inline uint32_t fuzz_u32(FuzzInput *in)
{
    uint32_t hi = fuzz_u16(in);

    return hi << 16 | fuzz_u16(in);
}

/** fuzz_u64: Returns: the next eight bytes, big-endian. */
static inline uint64_t fuzz_u64(FuzzInput *in)
{
    uint64_t hi = fuzz_u32(in);

    return hi << 32 | fuzz_u32(in);
}

/**
 * fuzz_bytes: copy the next @len bytes to @buf; what the input lacks is
 * zero-filled.  Returns: bytes that came from the input.
 */
static inline size_t fuzz_bytes(FuzzInput *in, void *buf, size_t len)
{
    size_t n = len < fuzz_left(in) ? len : fuzz_left(in);

    memcpy(buf, in->data + in->pos, n);
    memset((uint8_t *)buf + n, 0, len - n);
    in->pos += n;
    return n;
}

/**
 * fuzz_span: the next (up to) @len bytes in place, without copying.
 * @got: set to how many there are (fewer than @len at the end).
 * Returns: a pointer into the input.
 */
static inline const uint8_t *fuzz_span(FuzzInput *in, size_t len, size_t *got)
{
    const uint8_t *p = in->data + in->pos;

    *got = len < fuzz_left(in) ? len : fuzz_left(in);
    in->pos += *got;
    return p;
}

#endif /* TESTS_FUZZ_FUZZ_H */
