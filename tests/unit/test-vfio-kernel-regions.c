/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel transport of vfio-ccw, part 3: decoding GET_REGION_INFO
 * replies, and the region/IRQ checks both transports share, on a fake
 * VFIODeviceIOOps shaped like a vfio-user-ccw server.
 */
#include "qemu/osdep.h"
#include <linux/vfio.h>
#include <linux/vfio_ccw.h>

#include "hw/vfio/vfio-ccw-regions.h"
#include "test-vfio-kernel.h"

/* ---- vfio_region_info_decode ---------------------------------------- */

/* Room for a reply stored at byte 1, with a capability up to byte 80. */
#define REPLY_BUF (1 + 96)

/* A reply with the type capability at @cap_at, stored at byte 1. */
static size_t make_reply(uint8_t *buf, uint32_t cap_at, uint32_t next)
{
    struct vfio_region_info ri = {
        .argsz = 64, .flags = VFIO_REGION_INFO_FLAG_CAPS, .index = 2,
        .cap_offset = cap_at, .size = 52, .offset = 2 << 10,
    };
    struct vfio_region_info_cap_type cap = {
        .header = { .id = VFIO_REGION_INFO_CAP_TYPE, .version = 1,
                    .next = next },
        .type = VFIO_REGION_TYPE_CCW, .subtype = 2,
    };

    g_assert_cmpuint(1 + cap_at + sizeof(cap), <=, REPLY_BUF);
    memset(buf, 0, REPLY_BUF);
    memcpy(buf + 1, &ri, sizeof(ri));
    memcpy(buf + 1 + cap_at, &cap, sizeof(cap));
    return sizeof(ri) + sizeof(cap);
}

static void test_decode_reads_unaligned_reply(void)
{
    uint8_t buf[REPLY_BUF];
    size_t len = make_reply(buf, 32, 0);
    VFIORegion r;

    g_assert_cmpint(vfio_region_info_decode(buf + 1, len, &r), ==, 0);
    g_assert_cmpuint(r.index, ==, 2);
    g_assert_cmpuint(r.size, ==, 52);
    g_assert_cmphex(r.offset, ==, 2 << 10);
    g_assert_cmpuint(r.type, ==, VFIO_REGION_TYPE_CCW);
    g_assert_cmpuint(r.subtype, ==, 2);
}

static void test_decode_refuses_bad_chains(void)
{
    const struct vfio_info_cap_header self = {
        .id = 0x7f, .version = 1, .next = 32,
    };
    uint8_t buf[REPLY_BUF] = { 0 };
    size_t len;
    VFIORegion r;

    g_assert_cmpint(vfio_region_info_decode(buf, 31, &r), ==, -EPROTO);
    len = make_reply(buf, 32, 0);
    g_assert_cmpint(vfio_region_info_decode(buf + 1, len - 1, &r), ==,
                    -EPROTO);                  /* capability cut short */
    make_reply(buf, 16, 0);
    g_assert_cmpint(vfio_region_info_decode(buf + 1, 64, &r), ==,
                    -EPROTO);                  /* inside the fixed part */
    make_reply(buf, 60, 0);
    g_assert_cmpint(vfio_region_info_decode(buf + 1, 64, &r), ==,
                    -EPROTO);                  /* beyond the reply */
    /* An unknown capability pointing back at itself. */
    len = make_reply(buf, 32, 0);
    memcpy(buf + 1 + 32, &self, sizeof(self));
    g_assert_cmpint(vfio_region_info_decode(buf + 1, len, &r), ==, -EPROTO);
}

/* ---- region and IRQ checks on a fake VFIODeviceIOOps ---------------- */

typedef struct FakeOps {
    VFIORegion regions[6];
    int region_err[6];
    struct vfio_irq_info irqs[3];
    int irq_err[3];
    VFIODevice vdev;
} FakeOps;

static int ops_get_region_info(VFIODevice *vdev, uint32_t index,
                               VFIORegion *region)
{
    FakeOps *o = vdev->opaque;

    g_assert_cmpuint(index, <, vdev->num_regions);
    if (o->region_err[index]) {
        return -o->region_err[index];
    }
    *region = o->regions[index];
    return 0;
}

static int ops_get_irq_info(VFIODevice *vdev, uint32_t index,
                            struct vfio_irq_info *info)
{
    FakeOps *o = vdev->opaque;

    g_assert_cmpuint(index, <, vdev->num_irqs);
    if (o->irq_err[index]) {
        return -o->irq_err[index];
    }
    *info = o->irqs[index];
    return 0;
}

static const VFIODeviceIOOps fake_ops = {
    .get_region_info = ops_get_region_info,
    .get_irq_info = ops_get_irq_info,
};

/* A well-formed vfio-ccw device as the vfio-user server offers it. */
static void ops_setup(FakeOps *o, gconstpointer data)
{
    static const VFIORegion regions[4] = {
        { .index = 0, .size = sizeof(struct ccw_io_region) },
        { .index = 1, .size = sizeof(struct ccw_cmd_region),
          .type = VFIO_REGION_TYPE_CCW, .subtype = 1 },
        { .index = 2, .size = sizeof(struct ccw_schib_region),
          .type = VFIO_REGION_TYPE_CCW, .subtype = 2 },
        { .index = 3, .size = sizeof(struct ccw_crw_region),
          .type = VFIO_REGION_TYPE_CCW, .subtype = 3 },
    };

    memset(o, 0, sizeof(*o));
    memcpy(o->regions, regions, sizeof(regions));
    for (int i = 0; i < 3; i++) {
        o->irqs[i] = (struct vfio_irq_info) {
            .argsz = sizeof(struct vfio_irq_info),
            .flags = VFIO_IRQ_INFO_EVENTFD, .index = i, .count = 1,
        };
    }
    o->vdev = (VFIODevice) {
        .name = (char *)"/run/ccw.sock", .ops = &fake_ops, .opaque = o,
        .num_regions = 4, .num_irqs = 3,
    };
}

static void ops_teardown(FakeOps *o, gconstpointer data)
{
}

static void expect_regions_error(FakeOps *o, const char *needle)
{
    g_autoptr(GError) err = NULL;
    VFIOCcwRegions r;

    g_assert_false(vfio_ccw_find_regions(&o->vdev, &r, &err));
    assert_one_line(err);
    assert_contains(err->message, "vfio-ccw: /run/ccw.sock: ");
    assert_contains(err->message, needle);
}

static void test_regions_accepts_all_four(FakeOps *o, gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    VFIOCcwRegions r;

    g_assert_true(vfio_ccw_find_regions(&o->vdev, &r, &err));
    g_assert_no_error(err);
    g_assert_true(r.has_async && r.has_schib && r.has_crw);
    g_assert_cmpuint(r.async.index, ==, 1);
    g_assert_cmpuint(r.schib.index, ==, 2);
    g_assert_cmpuint(r.crw.index, ==, 3);
}

static void test_regions_optional_may_be_missing(FakeOps *o,
                                                 gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    VFIOCcwRegions r;

    o->vdev.num_regions = 1;
    g_assert_true(vfio_ccw_find_regions(&o->vdev, &r, &err));
    g_assert_false(r.has_async || r.has_schib || r.has_crw);

    /* Untyped, foreign-typed and unknown-subtype regions are not used. */
    o->vdev.num_regions = 6;
    o->regions[1].type = 0;
    o->regions[2].type = 1;
    o->regions[3].subtype = 9;
    o->regions[4] = (VFIORegion) { .index = 4, .type = 2, .subtype = 3,
                                   .size = 8 };
    o->regions[5] = (VFIORegion) { .index = 5, .type = 2, .subtype = 3,
                                   .size = 8 };
    g_assert_true(vfio_ccw_find_regions(&o->vdev, &r, &err));
    g_assert_no_error(err);
    g_assert_false(r.has_async || r.has_schib);
    g_assert_true(r.has_crw);
    g_assert_cmpuint(r.crw.index, ==, 4);      /* the first one wins */
}

static void test_regions_requires_io_region(FakeOps *o, gconstpointer data)
{
    o->vdev.num_regions = 0;
    expect_regions_error(o, "the I/O region (index 0) is missing (the "
                         "device reports 0 regions)");
    o->vdev.num_regions = 4;
    o->region_err[0] = EINVAL;
    expect_regions_error(o, "cannot get info of the I/O region (index 0)");
    expect_regions_error(o, g_strerror(EINVAL));
}

static void test_regions_io_size_exact(FakeOps *o, gconstpointer data)
{
    o->regions[0].size = sizeof(struct ccw_io_region) - 1;
    expect_regions_error(o, "the I/O region (index 0) is 123 bytes, must be "
                         "124 (struct ccw_io_region)");
    o->regions[0].size = 4096;
    expect_regions_error(o, "is 4096 bytes, must be 124");
}

static void test_regions_subtype_sizes_exact(FakeOps *o, gconstpointer data)
{
    o->regions[1].size = 4;
    expect_regions_error(o, "async command region (index 1) is 4 bytes, "
                         "must be 8 (struct ccw_cmd_region)");
    o->regions[1].size = 8;
    o->regions[2].size = 51;
    expect_regions_error(o, "SCHIB region (index 2) is 51 bytes, must be "
                         "52 (struct ccw_schib_region)");
    o->regions[2].size = 52;
    o->regions[3].size = 16;
    expect_regions_error(o, "CRW region (index 3) is 16 bytes, must be 8 "
                         "(struct ccw_crw_region)");
}

static void test_regions_info_failure(FakeOps *o, gconstpointer data)
{
    o->region_err[2] = EIO;
    expect_regions_error(o, "cannot get info of region 2 (the device "
                         "reports 4 regions)");
}

static void expect_irqs(FakeOps *o, bool crw, bool req)
{
    g_autoptr(GError) err = NULL;
    VFIOCcwIrqs irqs;

    g_assert_true(vfio_ccw_check_irqs(&o->vdev, &irqs, &err));
    g_assert_no_error(err);
    g_assert_cmpint(irqs.has_crw, ==, crw);
    g_assert_cmpint(irqs.has_req, ==, req);
}

static void expect_irqs_error(FakeOps *o, const char *needle)
{
    g_autoptr(GError) err = NULL;
    VFIOCcwIrqs irqs;

    g_assert_false(vfio_ccw_check_irqs(&o->vdev, &irqs, &err));
    assert_one_line(err);
    assert_contains(err->message, needle);
}

static void test_irqs_optional_may_be_missing(FakeOps *o, gconstpointer data)
{
    expect_irqs(o, true, true);
    o->vdev.num_irqs = 2;
    expect_irqs(o, true, false);
    o->vdev.num_irqs = 1;
    expect_irqs(o, false, false);
    o->vdev.num_irqs = 3;
    o->irqs[1].count = 0;
    o->irq_err[2] = EINVAL;
    expect_irqs(o, false, false);
    o->irqs[1].count = 1;
    o->irqs[1].flags = 0;
    expect_irqs(o, false, false);
}

static void test_irqs_requires_io_irq(FakeOps *o, gconstpointer data)
{
    o->vdev.num_irqs = 0;
    expect_irqs_error(o, "the I/O interrupt (IRQ index 0) is missing (the "
                      "device reports 0 IRQs)");
    o->vdev.num_irqs = 3;
    o->irqs[0].count = 0;
    expect_irqs_error(o, "the I/O interrupt (IRQ index 0) has count 0");
    o->irqs[0].count = 1;
    o->irqs[0].flags = 0;
    expect_irqs_error(o, "cannot signal an eventfd (flags 0x0 lack "
                      "VFIO_IRQ_INFO_EVENTFD)");
    o->irq_err[0] = EIO;
    expect_irqs_error(o, "cannot get info of the I/O interrupt");
}

void register_region_tests(void)
{
    g_test_add_func("/vfio-ccw/region-info/reads-unaligned-reply",
                    test_decode_reads_unaligned_reply);
    g_test_add_func("/vfio-ccw/region-info/refuses-bad-chains",
                    test_decode_refuses_bad_chains);

#define OPS_TEST(path, fn) \
    g_test_add(path, FakeOps, NULL, ops_setup, fn, ops_teardown)
    OPS_TEST("/vfio-ccw/regions/accepts-all-four",
             test_regions_accepts_all_four);
    OPS_TEST("/vfio-ccw/regions/optional-may-be-missing",
             test_regions_optional_may_be_missing);
    OPS_TEST("/vfio-ccw/regions/requires-io-region",
             test_regions_requires_io_region);
    OPS_TEST("/vfio-ccw/regions/io-size-exact", test_regions_io_size_exact);
    OPS_TEST("/vfio-ccw/regions/subtype-sizes-exact",
             test_regions_subtype_sizes_exact);
    OPS_TEST("/vfio-ccw/regions/info-failure-is-an-error",
             test_regions_info_failure);
    OPS_TEST("/vfio-ccw/irqs/optional-may-be-missing",
             test_irqs_optional_may_be_missing);
    OPS_TEST("/vfio-ccw/irqs/requires-io-irq", test_irqs_requires_io_irq);
#undef OPS_TEST
}
