/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-user-server-bad.c: malformed vfio-user messages sent to the
 * real vfio-user-ccw, each answered with an error reply carrying the
 * documented errno, after which the same connection still works: sizes
 * below the header, beyond the limit or off the layout, argsz, flags,
 * fds where none belong, region offsets and counts out of range, DMA
 * windows the server cannot take, commands before VERSION.
 */
#include "qemu/osdep.h"

#include "test-vfio-user-server.h"

/* ------------------------------------------------------------------------
 * Malformed messages
 * ------------------------------------------------------------------------ */

typedef struct BadCase {
    const char *path;
    bool before_version;        /* send it without a VERSION first */
    uint16_t command;
    uint32_t flags;
    uint32_t size_delta;        /* added to the header's size field */
    bool short_size;            /* header size field 8 */
    const void *payload;
    uint32_t len;
    bool fd;                    /* attach an fd */
    int err;
} BadCase;

static const uint32_t getinfo_ok[4] = { 16, 0, 0, 0 };
static const uint32_t getinfo_small_argsz[4] = { 8, 0, 0, 0 };
static const uint32_t getinfo_long[5] = { 20, 0, 0, 0, 0 };
static const uint32_t regioninfo_small_argsz[8] = { 16, 0, 0, 0, 0, 0, 0, 0 };
static const uint32_t regioninfo_bad_index[8] = { 32, 0, 9, 0, 0, 0, 0, 0 };
static const uint32_t irqinfo_bad_index[4] = { 16, 0, 3, 0 };
/* SET_IRQS: argsz, flags, index, start, count */
static const uint32_t irqset_bad_argsz[5] = {
    24, VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 1 };
static const uint32_t irqset_mask_action[5] = {
    20, VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_MASK, 0, 0, 1 };
static const uint32_t irqset_two_types[5] = {
    20, VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_DATA_EVENTFD |
    VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 1 };
static const uint32_t irqset_none_with_fd[5] = {
    20, VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 1 };
/* Payloads with 64-bit fields, as the message structures lay them out. */
static const VFIOUserRegionRW read_past_io = { .offset = 120, .count = 8 };
static const VFIOUserRegionRW read_huge_offset = {
    .offset = UINT64_MAX - 3, .count = 8 };
static const VFIOUserRegionRW read_bad_region = { .region = 9, .count = 4 };
static const VFIOUserRegionRW read_too_big = { .count = 8192 };
static const VFIOUserRegionRW read_schib_past = {
    .offset = 48, .region = VFIO_USER_CCW_SCHIB_REGION_INDEX, .count = 8 };
static const VFIOUserRegionRW read_ok = { .count = 4 };
static const VFIOUserDMAMap map_unaligned = {
    .argsz = 32, .flags = 3, .iova = 0x800, .size = 0x1000 };
static const VFIOUserDMAMap map_zero = { .argsz = 32, .flags = 3 };
static const VFIOUserDMAMap map_past_file = {
    .argsz = 32, .flags = 3, .offset = GUEST_SIZE, .size = 0x1000 };
static const VFIOUserDMAMap map_bad_flags = {
    .argsz = 32, .flags = 0x80, .size = 0x1000 };
static const VFIOUserDMAMap map_bad_argsz = {
    .argsz = 48, .flags = 3, .size = 0x1000 };
static const VFIOUserDMAMap map_ok = {
    .argsz = 32, .flags = 3, .size = 0x1000 };
static const VFIOUserDMAUnmap unmap_unknown = {
    .argsz = 24, .iova = 0x100000, .size = 0x1000 };
static const VFIOUserDMAUnmap unmap_dirty = {
    .argsz = 24, .flags = VFIO_USER_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP,
    .size = 0x1000 };
/* REGION_WRITE payloads: offset 0, then region, count and data. */
static const uint32_t write_schib[5] = { 0, 0, 2, 4, 0 };
static const uint32_t write_count_mismatch[5] = { 0, 0, 0, 8, 0 };
static const char version_bad_json[] = "\0\0\0\0{\"capabilities\":[1,2]}";
static const char version_no_nul[] = "\0\0\0\0{}";
static const char version_major1[] = "\1\0\0\0";
static const uint16_t version_ok[2] = { VFIO_USER_MAJOR, VFIO_USER_MINOR };

#define P(x) (x), sizeof(x)
/* The payload of a message structure: everything after its header. */
#define PL(x) ((const uint8_t *)&(x) + HDR_SIZE), (sizeof(x) - HDR_SIZE)

static const BadCase bad_cases[] = {
    { "/vfio-user-server/bad/size-below-header", false,
      VFIO_USER_DEVICE_GET_INFO, 0, 0, true, NULL, 0, false, EINVAL },
    { "/vfio-user-server/bad/payload-longer-than-layout", false,
      VFIO_USER_DEVICE_GET_INFO, 0, 0, false, P(getinfo_long), false, EINVAL },
    { "/vfio-user-server/bad/payload-shorter-than-layout", false,
      VFIO_USER_DMA_MAP, 0, 0, false, (const uint8_t *)&map_ok + HDR_SIZE, 24,
      true, EINVAL },
    { "/vfio-user-server/bad/oversized-message-skipped", false,
      VFIO_USER_DEVICE_GET_INFO, 0, 128 * 1024, false, P(getinfo_ok), false,
      E2BIG },
    { "/vfio-user-server/bad/get-info-argsz", false,
      VFIO_USER_DEVICE_GET_INFO, 0, 0, false, P(getinfo_small_argsz), false,
      EINVAL },
    { "/vfio-user-server/bad/region-info-argsz", false,
      VFIO_USER_DEVICE_GET_REGION_INFO, 0, 0, false, P(regioninfo_small_argsz),
      false, EINVAL },
    { "/vfio-user-server/bad/region-info-index", false,
      VFIO_USER_DEVICE_GET_REGION_INFO, 0, 0, false, P(regioninfo_bad_index),
      false, EINVAL },
    { "/vfio-user-server/bad/irq-info-index", false,
      VFIO_USER_DEVICE_GET_IRQ_INFO, 0, 0, false, P(irqinfo_bad_index), false,
      EINVAL },
    { "/vfio-user-server/bad/set-irqs-argsz", false,
      VFIO_USER_DEVICE_SET_IRQS, 0, 0, false, P(irqset_bad_argsz), false,
      EINVAL },
    { "/vfio-user-server/bad/set-irqs-mask-action", false,
      VFIO_USER_DEVICE_SET_IRQS, 0, 0, false, P(irqset_mask_action), false,
      EINVAL },
    { "/vfio-user-server/bad/set-irqs-two-data-types", false,
      VFIO_USER_DEVICE_SET_IRQS, 0, 0, false, P(irqset_two_types), false,
      EINVAL },
    { "/vfio-user-server/bad/set-irqs-fd-without-eventfd-type", false,
      VFIO_USER_DEVICE_SET_IRQS, 0, 0, false, P(irqset_none_with_fd), true,
      EINVAL },
    { "/vfio-user-server/bad/unknown-command", false,
      99, 0, 0, false, P(getinfo_ok), false, ENOSYS },
    { "/vfio-user-server/bad/dirty-pages-command", false,
      14, 0, 0, false, NULL, 0, false, ENOSYS },
    { "/vfio-user-server/bad/reply-instead-of-command", false,
      VFIO_USER_DEVICE_GET_INFO, VFIO_USER_REPLY, 0, false, P(getinfo_ok),
      false, EINVAL },
    { "/vfio-user-server/bad/fd-with-get-info", false,
      VFIO_USER_DEVICE_GET_INFO, 0, 0, false, P(getinfo_ok), true, EINVAL },
    { "/vfio-user-server/bad/fd-with-region-read", false,
      VFIO_USER_REGION_READ, 0, 0, false, PL(read_ok), true, EINVAL },
    { "/vfio-user-server/bad/fd-with-reset", false,
      VFIO_USER_DEVICE_RESET, 0, 0, false, NULL, 0, true, EINVAL },
    { "/vfio-user-server/bad/reset-with-payload", false,
      VFIO_USER_DEVICE_RESET, 0, 0, false, P(getinfo_ok), false, EINVAL },
    { "/vfio-user-server/bad/region-read-past-end", false,
      VFIO_USER_REGION_READ, 0, 0, false, PL(read_past_io), false, EINVAL },
    { "/vfio-user-server/bad/region-read-offset-wraps", false,
      VFIO_USER_REGION_READ, 0, 0, false, PL(read_huge_offset), false, EINVAL },
    { "/vfio-user-server/bad/region-read-unknown-region", false,
      VFIO_USER_REGION_READ, 0, 0, false, PL(read_bad_region), false, EINVAL },
    { "/vfio-user-server/bad/region-read-count-over-max-xfer", false,
      VFIO_USER_REGION_READ, 0, 0, false, PL(read_too_big), false, EINVAL },
    { "/vfio-user-server/bad/schib-read-past-end", false,
      VFIO_USER_REGION_READ, 0, 0, false, PL(read_schib_past), false, EINVAL },
    { "/vfio-user-server/bad/schib-write", false,
      VFIO_USER_REGION_WRITE, 0, 0, false, write_schib, 20, false, EINVAL },
    { "/vfio-user-server/bad/region-write-count-mismatch", false,
      VFIO_USER_REGION_WRITE, 0, 0, false, P(write_count_mismatch), false,
      EINVAL },
    { "/vfio-user-server/bad/dma-map-without-fd", false,
      VFIO_USER_DMA_MAP, 0, 0, false, PL(map_ok), false, EOPNOTSUPP },
    { "/vfio-user-server/bad/dma-map-unaligned", false,
      VFIO_USER_DMA_MAP, 0, 0, false, PL(map_unaligned), true, EINVAL },
    { "/vfio-user-server/bad/dma-map-zero-size", false,
      VFIO_USER_DMA_MAP, 0, 0, false, PL(map_zero), true, EINVAL },
    { "/vfio-user-server/bad/dma-map-past-end-of-file", false,
      VFIO_USER_DMA_MAP, 0, 0, false, PL(map_past_file), true, EINVAL },
    { "/vfio-user-server/bad/dma-map-unknown-flags", false,
      VFIO_USER_DMA_MAP, 0, 0, false, PL(map_bad_flags), true, EINVAL },
    { "/vfio-user-server/bad/dma-map-argsz", false,
      VFIO_USER_DMA_MAP, 0, 0, false, PL(map_bad_argsz), true, EINVAL },
    { "/vfio-user-server/bad/dma-unmap-unknown-window", false,
      VFIO_USER_DMA_UNMAP, 0, 0, false, PL(unmap_unknown), false, ENOENT },
    { "/vfio-user-server/bad/dma-unmap-dirty-bitmap", false,
      VFIO_USER_DMA_UNMAP, 0, 0, false, PL(unmap_dirty), false, EINVAL },
    { "/vfio-user-server/bad/command-before-version", true,
      VFIO_USER_DEVICE_GET_INFO, 0, 0, false, P(getinfo_ok), false, EINVAL },
    { "/vfio-user-server/bad/version-json-not-object", true,
      VFIO_USER_VERSION, 0, 0, false, P(version_bad_json), false, EINVAL },
    { "/vfio-user-server/bad/version-json-not-terminated", true,
      VFIO_USER_VERSION, 0, 0, false, version_no_nul, 6, false, EINVAL },
    { "/vfio-user-server/bad/version-major-1", true,
      VFIO_USER_VERSION, 0, 0, false, P(version_major1), false, EINVAL },
    { "/vfio-user-server/bad/version-with-fd", true,
      VFIO_USER_VERSION, 0, 0, false, P(version_ok), true, EINVAL },
    { "/vfio-user-server/bad/second-version", false,
      VFIO_USER_VERSION, 0, 0, false, P(version_ok), false, EINVAL },
};

static void test_bad(Fixture *f, gconstpointer data)
{
    const BadCase *tc = data;
    VFIOUserDeviceInfo info;
    VFIOUserHdr h;
    Client c;
    Guest g;
    int fd = -1;

    guest_new(&g);
    client_connect(f, &c);
    if (!tc->before_version) {
        do_version(&c);
    }
    h = (VFIOUserHdr) {
        .id = 0x7777,
        .command = tc->command,
        .size = tc->short_size ? 8 : HDR_SIZE + tc->len + tc->size_delta,
        .flags = tc->flags,
    };
    if (tc->fd) {
        fd = g.fd;
    }
    {
        g_autoptr(GByteArray) msg = g_byte_array_new();

        g_byte_array_append(msg, (const guint8 *)&h, HDR_SIZE);
        if (tc->len) {
            g_byte_array_append(msg, tc->payload, tc->len);
        }
        send_raw(&c, msg->data, msg->len, &fd, tc->fd ? 1 : 0);
        /* The rest of an oversized message, which the server skips. */
        if (tc->size_delta) {
            g_autofree uint8_t *junk = g_malloc0(tc->size_delta);

            send_raw(&c, junk, tc->size_delta, NULL, 0);
        }
    }
    g_assert_cmpint(recv_reply(&c, 0x7777, tc->command, NULL), ==, tc->err);

    /* The server carries on with the same connection. */
    if (tc->before_version) {
        do_version(&c);
    }
    g_assert_cmpint(get_info(&c, &info), ==, 0);
    g_assert_cmphex(info.flags, ==, VFIO_DEVICE_FLAGS_CCW |
                    VFIO_DEVICE_FLAGS_RESET);
    client_close(&c);
    guest_free(&g);
}

static void test_dma_map_overlap(Fixture *f, gconstpointer data)
{
    Client c;
    Guest g;

    guest_new(&g);
    client_connect(f, &c);
    do_version(&c);
    g_assert_cmpint(dma_map(&c, &g, 0x100000, 0x2000, 0, 3, true), ==, 0);
    g_assert_cmpint(dma_map(&c, &g, 0x101000, 0x2000, 0, 3, true), ==,
                    EEXIST);
    g_assert_cmpint(dma_map(&c, &g, 0xff000, 0x1000, 0, 3, true), ==, 0);
    client_close(&c);
    guest_free(&g);
}

static void test_no_reply_flag(Fixture *f, gconstpointer data)
{
    VFIOUserDeviceInfo info;
    Client c;

    client_connect(f, &c);
    do_version(&c);
    /* No answer at all, not even for an error... */
    send_cmd(&c, 99, VFIO_USER_NO_REPLY, NULL, 0, NULL, 0);
    send_cmd(&c, VFIO_USER_DEVICE_GET_INFO, VFIO_USER_NO_REPLY, getinfo_ok,
             sizeof(getinfo_ok), NULL, 0);
    /* ... so the next reply is the next command's. */
    g_assert_cmpint(get_info(&c, &info), ==, 0);
    client_close(&c);
}

static void test_truncated_then_gone(Fixture *f, gconstpointer data)
{
    VFIOUserDeviceInfo info;
    VFIOUserHdr h = { .id = 1, .command = VFIO_USER_VERSION, .size = 64 };
    Client c;

    /* Half a header, then half a message, then the client vanishes. */
    client_connect(f, &c);
    send_raw(&c, &h, 8, NULL, 0);
    client_close(&c);
    client_connect(f, &c);
    send_raw(&c, &h, sizeof(h), NULL, 0);
    client_close(&c);

    client_connect(f, &c);
    do_version(&c);
    g_assert_cmpint(get_info(&c, &info), ==, 0);
    client_close(&c);
}

#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

void test_vfio_user_server_add_bad_tests(void)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        g_test_add(bad_cases[i].path, Fixture, &bad_cases[i], fixture_setup,
                   test_bad, fixture_teardown);
    }
    ADD("/vfio-user-server/bad/dma-map-overlap-eexist", test_dma_map_overlap);
    ADD("/vfio-user-server/no-reply/nothing-sent", test_no_reply_flag);
    ADD("/vfio-user-server/framing/truncated-then-gone",
        test_truncated_then_gone);
}
