/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel transport of vfio-ccw, part 2: attach, the kernel ops and
 * detach against a fake kernel behind VFIOKernelSyscalls, which answers
 * the way Linux with vfio_ccw does unless a test injects a fault.
 */
#include "qemu/osdep.h"
#include <linux/vfio.h>
#include <linux/vfio_ccw.h>

#include "hw/vfio/vfio-ccw-regions.h"
#include "hw/vfio/vfio-kernel.h"
#include "system/memory.h"
#include "test-vfio-kernel.h"

#define UUID TEST_UUID
#define RAM_SIZE TEST_RAM_SIZE

/* ---- a fake kernel behind VFIOKernelSyscalls ------------------------ */

enum { FD_CONTAINER = 100, FD_GROUP, FD_DEVICE, FD_END };

#define FAKE_DEV "/fakedev"
#define FAKE_REGIONS 4
#define FAKE_IRQS 3

typedef struct FakeRegion {
    uint64_t size;
    uint64_t offset;
    uint32_t subtype;       /* 0: no type capability */
    bool leading_cap;       /* an unrelated capability first */
    uint8_t data[256];
} FakeRegion;

typedef struct FakeKernel {
    /* faults: 0 = behave like a kernel with vfio_ccw */
    const char *fail_open;          /* path whose open fails ... */
    int open_err;                   /* ... with this errno */
    unsigned long fail_req;         /* ioctl that fails ... */
    int req_err;                    /* ... with this errno */
    int api_delta;
    bool no_type1v2;
    bool no_type1;
    bool not_viable;
    uint32_t clear_flags;
    ssize_t short_by;
    int write_err;
    /* state and what was seen */
    bool open[FD_END - FD_CONTAINER];
    unsigned long iommu_type;
    struct vfio_iommu_type1_dma_map map;
    /* kept as fields: the UAPI struct ends in a flexible array */
    uint64_t unmap_iova;
    uint64_t unmap_size;
    int irq_index;
    int irq_fd;
    uint32_t irq_flags;
    int resets;
    GString *log;
    FakeRegion regions[FAKE_REGIONS];
    VFIOKernelSyscalls sys;
    VFIOKernelEnv env;
} FakeKernel;

static const char *fd_name(int fd)
{
    return fd == FD_CONTAINER ? "container" :
           fd == FD_GROUP ? "group" : fd == FD_DEVICE ? "device" : "?";
}

static int fake_open(void *opaque, const char *path, int flags)
{
    FakeKernel *k = opaque;
    int fd;

    if (k->fail_open && strcmp(path, k->fail_open) == 0) {
        return -k->open_err;
    }
    if (strcmp(path, FAKE_DEV "/vfio/vfio") == 0) {
        fd = FD_CONTAINER;
    } else if (strcmp(path, FAKE_DEV "/vfio/17") == 0) {
        fd = FD_GROUP;
    } else {
        return -ENOENT;
    }
    g_assert_false(k->open[fd - FD_CONTAINER]);
    g_assert_cmphex(flags & O_ACCMODE, ==, O_RDWR);
    k->open[fd - FD_CONTAINER] = true;
    g_string_append_printf(k->log, "open-%s ", fd_name(fd));
    return fd;
}

static int fake_close(void *opaque, int fd)
{
    FakeKernel *k = opaque;

    g_assert_cmpint(fd, >=, FD_CONTAINER);
    g_assert_cmpint(fd, <, FD_END);
    g_assert_true(k->open[fd - FD_CONTAINER]);
    k->open[fd - FD_CONTAINER] = false;
    g_string_append_printf(k->log, "close-%s ", fd_name(fd));
    return 0;
}

/* GET_REGION_INFO the way the kernel answers it, capabilities included. */
static int fake_region_info(FakeKernel *k, struct vfio_region_info *ri)
{
    const FakeRegion *r;
    struct vfio_info_cap_header other = { .id = 0x7f, .version = 1 };
    struct vfio_region_info_cap_type type = {
        .header = { .id = VFIO_REGION_INFO_CAP_TYPE, .version = 1 },
        .type = VFIO_REGION_TYPE_CCW,
    };
    uint32_t caps_at = sizeof(*ri), need = sizeof(*ri);
    uint8_t *bytes = (uint8_t *)ri;

    if (ri->index >= FAKE_REGIONS) {
        return -EINVAL;
    }
    r = &k->regions[ri->index];
    ri->flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
    ri->size = r->size;
    ri->offset = r->offset;
    ri->cap_offset = 0;
    if (!r->subtype) {
        return 0;
    }
    ri->flags |= VFIO_REGION_INFO_FLAG_CAPS;
    need += (r->leading_cap ? sizeof(other) : 0) + sizeof(type);
    if (ri->argsz < need) {
        ri->argsz = need;
        return 0;
    }
    ri->cap_offset = caps_at;
    if (r->leading_cap) {
        other.next = caps_at + sizeof(other);
        memcpy(bytes + caps_at, &other, sizeof(other));
        caps_at += sizeof(other);
    }
    type.subtype = r->subtype;
    memcpy(bytes + caps_at, &type, sizeof(type));
    return 0;
}

static int fake_ioctl(void *opaque, int fd, unsigned long req, void *arg)
{
    FakeKernel *k = opaque;

    g_assert_true(fd >= FD_CONTAINER && fd < FD_END &&
                  k->open[fd - FD_CONTAINER]);
    if (req == k->fail_req) {
        return -k->req_err;
    }
    switch (req) {
    case VFIO_GET_API_VERSION:
        return VFIO_API_VERSION + k->api_delta;
    case VFIO_CHECK_EXTENSION:
        return ((uintptr_t)arg == VFIO_TYPE1v2_IOMMU && !k->no_type1v2) ||
               ((uintptr_t)arg == VFIO_TYPE1_IOMMU && !k->no_type1);
    case VFIO_GROUP_GET_STATUS:
        ((struct vfio_group_status *)arg)->flags =
            k->not_viable ? 0 : VFIO_GROUP_FLAGS_VIABLE;
        return 0;
    case VFIO_GROUP_SET_CONTAINER:
        g_assert_cmpint(*(int32_t *)arg, ==, FD_CONTAINER);
        g_string_append(k->log, "set-container ");
        return 0;
    case VFIO_GROUP_UNSET_CONTAINER:
        g_string_append(k->log, "unset-container ");
        return 0;
    case VFIO_SET_IOMMU:
        k->iommu_type = (uintptr_t)arg;
        return 0;
    case VFIO_IOMMU_MAP_DMA:
        memcpy(&k->map, arg, sizeof(k->map));
        g_string_append(k->log, "map ");
        return 0;
    case VFIO_IOMMU_UNMAP_DMA: {
        struct vfio_iommu_type1_dma_unmap u;

        memcpy(&u, arg, sizeof(u));
        k->unmap_iova = u.iova;
        k->unmap_size = u.size;
        g_string_append(k->log, "unmap ");
        return 0;
    }
    case VFIO_GROUP_GET_DEVICE_FD:
        if (strcmp(arg, UUID) != 0) {
            return -ENODEV;
        }
        k->open[FD_DEVICE - FD_CONTAINER] = true;
        g_string_append(k->log, "open-device ");
        return FD_DEVICE;
    case VFIO_DEVICE_GET_INFO: {
        struct vfio_device_info *info = arg;

        info->flags = (VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET) &
                      ~k->clear_flags;
        info->num_regions = FAKE_REGIONS;
        info->num_irqs = FAKE_IRQS;
        return 0;
    }
    case VFIO_DEVICE_GET_REGION_INFO:
        return fake_region_info(k, arg);
    case VFIO_DEVICE_GET_IRQ_INFO: {
        struct vfio_irq_info *info = arg;

        if (info->index >= FAKE_IRQS) {
            return -EINVAL;
        }
        info->flags = VFIO_IRQ_INFO_EVENTFD;
        info->count = 1;
        return 0;
    }
    case VFIO_DEVICE_SET_IRQS: {
        const struct vfio_irq_set *set = arg;
        int32_t efd;

        g_assert_cmpuint(set->argsz, ==, sizeof(*set) + sizeof(efd));
        g_assert_cmpuint(set->start, ==, 0);
        g_assert_cmpuint(set->count, ==, 1);
        memcpy(&efd, set->data, sizeof(efd));
        k->irq_index = set->index;
        k->irq_flags = set->flags;
        k->irq_fd = efd;
        return 0;
    }
    case VFIO_DEVICE_RESET:
        k->resets++;
        return 0;
    default:
        return -ENOTTY;
    }
}

/* The region whose fd range holds [@off, @off + @len), or NULL. */
static FakeRegion *fake_region_at(FakeKernel *k, off_t off, size_t len)
{
    for (int i = 0; i < FAKE_REGIONS; i++) {
        FakeRegion *r = &k->regions[i];

        if ((uint64_t)off >= r->offset &&
            (uint64_t)off + len <= r->offset + r->size) {
            return r;
        }
    }
    return NULL;
}

static ssize_t fake_pread(void *opaque, int fd, void *buf, size_t len,
                          off_t off)
{
    FakeKernel *k = opaque;
    FakeRegion *r = fake_region_at(k, off, len);

    g_assert_cmpint(fd, ==, FD_DEVICE);
    if (!r) {
        return -EINVAL;
    }
    len -= (size_t)k->short_by;
    memcpy(buf, r->data + (off - r->offset), len);
    return (ssize_t)len;
}

static ssize_t fake_pwrite(void *opaque, int fd, const void *buf, size_t len,
                           off_t off)
{
    FakeKernel *k = opaque;
    FakeRegion *r = fake_region_at(k, off, len);

    g_assert_cmpint(fd, ==, FD_DEVICE);
    if (!r) {
        return -EINVAL;
    }
    if (k->write_err) {
        return -k->write_err;
    }
    len -= (size_t)k->short_by;
    memcpy(r->data + (off - r->offset), buf, len);
    return (ssize_t)len;
}

typedef struct KernelFixture {
    FakeKernel k;
    SysfsTree tree;
    VFIOCcwHostInfo host;
    GuestRAM *ram;
    VFIODevice vdev;
} KernelFixture;

/* The regions vfio_ccw registers (facts §4.2), at its 1 KiB spacing. */
static void kernel_setup(KernelFixture *f, gconstpointer data)
{
    static const FakeRegion layout[FAKE_REGIONS] = {
        { sizeof(struct ccw_io_region), 0 << 10, 0, false },
        { sizeof(struct ccw_cmd_region), 1 << 10,
          VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD, false },
        { sizeof(struct ccw_schib_region), 2 << 10,
          VFIO_REGION_SUBTYPE_CCW_SCHIB, true },
        { sizeof(struct ccw_crw_region), 3 << 10,
          VFIO_REGION_SUBTYPE_CCW_CRW, false },
    };
    FakeKernel *k = &f->k;
    g_autoptr(GError) err = NULL;

    memcpy(k->regions, layout, sizeof(layout));
    k->log = g_string_new("");
    k->sys = (VFIOKernelSyscalls) {
        fake_open, fake_close, fake_ioctl, fake_pread, fake_pwrite, k,
    };
    tree_setup(&f->tree, NULL);
    k->env = (VFIOKernelEnv) {
        .sysfs_root = f->tree.sysfs, .dev_root = FAKE_DEV, .sys = &k->sys,
    };
    g_assert_true(vfio_ccw_sysfs_resolve(&k->env, f->tree.link, &f->host,
                                         &err));
    g_assert_no_error(err);
    f->ram = guest_ram_new(RAM_SIZE, &err);
    g_assert_no_error(err);
}

static void assert_all_closed(const FakeKernel *k)
{
    for (int fd = FD_CONTAINER; fd < FD_END; fd++) {
        if (k->open[fd - FD_CONTAINER]) {
            g_error("fake %s fd left open", fd_name(fd));
        }
    }
}

static void kernel_teardown(KernelFixture *f, gconstpointer data)
{
    vfio_kernel_detach(&f->vdev);
    assert_all_closed(&f->k);
    g_string_free(f->k.log, TRUE);
    vfio_ccw_host_info_clear(&f->host);
    guest_ram_free(f->ram);
    tree_teardown(&f->tree, NULL);
}

static void attach(KernelFixture *f)
{
    g_autoptr(GError) err = NULL;

    g_assert_true(vfio_kernel_attach(&f->vdev, &f->k.env, &f->host, f->ram,
                                     &err));
    g_assert_no_error(err);
}

static void test_attach_sets_up_device(KernelFixture *f, gconstpointer data)
{
    attach(f);
    g_assert_cmpstr(f->vdev.name, ==, UUID);
    g_assert_nonnull(f->vdev.ops);
    g_assert_cmphex(f->vdev.flags, ==,
                    VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET);
    g_assert_cmpuint(f->vdev.num_regions, ==, FAKE_REGIONS);
    g_assert_cmpuint(f->vdev.num_irqs, ==, FAKE_IRQS);
    g_assert_cmpuint(f->k.iommu_type, ==, VFIO_TYPE1v2_IOMMU);
    g_assert_cmpstr(f->k.log->str, ==, "open-container open-group "
                    "set-container map open-device ");
}

/* iova = guest absolute address 0, the whole RAM, read and write. */
static void test_attach_maps_all_guest_ram(KernelFixture *f,
                                           gconstpointer data)
{
    attach(f);
    g_assert_cmpuint(f->k.map.argsz, ==, sizeof(f->k.map));
    g_assert_cmphex(f->k.map.iova, ==, 0);
    g_assert_cmphex(f->k.map.size, ==, RAM_SIZE);
    g_assert_cmphex(f->k.map.vaddr, ==,
                    (uintptr_t)guest_ram_map(f->ram, 0, RAM_SIZE));
    g_assert_cmphex(f->k.map.flags, ==,
                    VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE);
}

static void test_attach_falls_back_to_type1(KernelFixture *f,
                                            gconstpointer data)
{
    f->k.no_type1v2 = true;
    attach(f);
    g_assert_cmpuint(f->k.iommu_type, ==, VFIO_TYPE1_IOMMU);
}

static void test_detach_mirrors_attach(KernelFixture *f, gconstpointer data)
{
    attach(f);
    g_string_truncate(f->k.log, 0);
    f->vdev.ops->detach(&f->vdev);
    g_assert_cmpstr(f->k.log->str, ==, "close-device unmap unset-container "
                    "close-group close-container ");
    g_assert_cmphex(f->k.unmap_iova, ==, 0);
    g_assert_cmphex(f->k.unmap_size, ==, RAM_SIZE);
    g_assert_null(f->vdev.name);
    g_assert_null(f->vdev.opaque);
    assert_all_closed(&f->k);
    vfio_kernel_detach(&f->vdev);       /* twice is harmless */
}

typedef struct AttachFault {
    const char *path;
    const char *fail_open;
    int open_err;
    unsigned long fail_req;
    int req_err;
    int api_delta;
    bool no_type1;
    bool not_viable;
    uint32_t clear_flags;
    const char *expect;
    const char *expect_hint;
} AttachFault;

static const AttachFault attach_faults[] = {
    { "/vfio-ccw/attach/container-missing", FAKE_DEV "/vfio/vfio", ENOENT,
      .expect = "cannot open VFIO container " FAKE_DEV "/vfio/vfio: ",
      .expect_hint = "(load the vfio and vfio_iommu_type1 modules" },
    { "/vfio-ccw/attach/container-permission", FAKE_DEV "/vfio/vfio",
      EACCES, .expect = "cannot open VFIO container " FAKE_DEV "/vfio/vfio",
      .expect_hint = "(give the user access to " FAKE_DEV "/vfio/vfio)" },
    { "/vfio-ccw/attach/api-version-failure",
      .fail_req = VFIO_GET_API_VERSION, .req_err = ENOTTY,
      .expect = "VFIO_GET_API_VERSION on " FAKE_DEV "/vfio/vfio failed" },
    { "/vfio-ccw/attach/wrong-api-version", .api_delta = 1,
      .expect = "speaks VFIO API version 1, this program knows only "
                "version 0" },
    { "/vfio-ccw/attach/no-type1-iommu", .no_type1 = true,
      .expect = FAKE_DEV "/vfio/vfio offers no type1 IOMMU",
      .expect_hint = "(load the vfio_iommu_type1 module)" },
    { "/vfio-ccw/attach/group-missing", FAKE_DEV "/vfio/17", ENOENT,
      .expect = "cannot open VFIO group " FAKE_DEV "/vfio/17: ",
      .expect_hint = "pass /dev/vfio through)" },
    { "/vfio-ccw/attach/group-permission", FAKE_DEV "/vfio/17", EACCES,
      .expect = "cannot open VFIO group " FAKE_DEV "/vfio/17: ",
      .expect_hint = " (give the user access to " FAKE_DEV "/vfio/17)" },
    { "/vfio-ccw/attach/group-busy", FAKE_DEV "/vfio/17", EBUSY,
      .expect = "cannot open VFIO group",
      .expect_hint = "(another process already uses this VFIO group)" },
    { "/vfio-ccw/attach/group-status-failure",
      .fail_req = VFIO_GROUP_GET_STATUS, .req_err = EIO,
      .expect = "VFIO_GROUP_GET_STATUS on " FAKE_DEV "/vfio/17 failed" },
    { "/vfio-ccw/attach/group-not-viable", .not_viable = true,
      .expect = "VFIO group 17 (" FAKE_DEV "/vfio/17) is not viable",
      .expect_hint = "(bind every device of the group to vfio)" },
    { "/vfio-ccw/attach/set-container-failure",
      .fail_req = VFIO_GROUP_SET_CONTAINER, .req_err = EBUSY,
      .expect = "VFIO_GROUP_SET_CONTAINER of " FAKE_DEV "/vfio/17 into "
                FAKE_DEV "/vfio/vfio failed" },
    { "/vfio-ccw/attach/set-iommu-failure",
      .fail_req = VFIO_SET_IOMMU, .req_err = EINVAL,
      .expect = "VFIO_SET_IOMMU (type1v2) on " FAKE_DEV "/vfio/vfio" },
    { "/vfio-ccw/attach/map-dma-failure",
      .fail_req = VFIO_IOMMU_MAP_DMA, .req_err = ENOMEM,
      .expect = "VFIO_IOMMU_MAP_DMA of 1048576 bytes of guest RAM at iova 0",
      .expect_hint = "(check the locked-memory limit" },
    { "/vfio-ccw/attach/device-busy",
      .fail_req = VFIO_GROUP_GET_DEVICE_FD, .req_err = EBUSY,
      .expect = "VFIO_GROUP_GET_DEVICE_FD for mdev " UUID " on "
                FAKE_DEV "/vfio/17 failed",
      .expect_hint = "(the mdev is in use" },
    { "/vfio-ccw/attach/get-info-failure",
      .fail_req = VFIO_DEVICE_GET_INFO, .req_err = EFAULT,
      .expect = "VFIO_DEVICE_GET_INFO on mdev " UUID " failed" },
    { "/vfio-ccw/attach/refuses-non-ccw-device",
      .clear_flags = VFIO_DEVICE_FLAGS_CCW,
      .expect = "mdev " UUID " is not a vfio-ccw device (GET_INFO flags "
                "0x1 lack VFIO_DEVICE_FLAGS_CCW)" },
};

/*
 * @log is the setup steps that succeeded, then their undoing: check that
 * every one was undone, in reverse order.
 */
static void assert_undone_in_reverse(const char *log)
{
    static const char *const undo[][2] = {
        { "open-container", "close-container" },
        { "open-group", "close-group" },
        { "set-container", "unset-container" },
        { "map", "unmap" },
        { "open-device", "close-device" },
    };
    g_autofree char *trimmed = g_strstrip(g_strdup(log));
    g_auto(GStrv) steps = g_strsplit(trimmed, " ", -1);
    guint n = *trimmed ? g_strv_length(steps) : 0;
    guint done = 0;

    while (done < n) {
        bool is_setup = false;

        for (size_t i = 0; i < G_N_ELEMENTS(undo); i++) {
            is_setup |= strcmp(steps[done], undo[i][0]) == 0;
        }
        if (!is_setup) {
            break;
        }
        done++;
    }
    g_assert_cmpuint(n, ==, 2 * done);
    for (guint i = 0; i < done; i++) {
        const char *want = NULL;

        for (size_t j = 0; j < G_N_ELEMENTS(undo); j++) {
            if (strcmp(steps[i], undo[j][0]) == 0) {
                want = undo[j][1];
            }
        }
        g_assert_cmpstr(steps[n - 1 - i], ==, want);
    }
}

/* One line naming step, path and errno; nothing left open or set up. */
static void test_attach_fault(KernelFixture *f, gconstpointer data)
{
    const AttachFault *fault = data;
    FakeKernel *k = &f->k;
    g_autoptr(GError) err = NULL;
    int err_no = fault->fail_open ? fault->open_err : fault->req_err;

    k->fail_open = fault->fail_open;
    k->open_err = fault->open_err;
    k->fail_req = fault->fail_req;
    k->req_err = fault->req_err;
    k->api_delta = fault->api_delta;
    k->no_type1v2 = k->no_type1 = fault->no_type1;
    k->not_viable = fault->not_viable;
    k->clear_flags = fault->clear_flags;

    g_assert_false(vfio_kernel_attach(&f->vdev, &k->env, &f->host, f->ram,
                                      &err));
    assert_one_line(err);
    assert_contains(err->message, fault->expect);
    if (err_no) {
        assert_contains(err->message, g_strerror(err_no));
    }
    if (fault->expect_hint) {
        assert_contains(err->message, fault->expect_hint);
    }
    g_assert_null(f->vdev.ops);
    g_assert_null(f->vdev.name);
    assert_all_closed(k);
    assert_undone_in_reverse(k->log->str);
}

/* ---- the kernel ops on an attached device --------------------------- */

static void test_device_finds_regions_through_caps(KernelFixture *f,
                                                   gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    VFIOCcwRegions r;
    VFIOCcwIrqs irqs;

    attach(f);
    g_assert_true(vfio_ccw_find_regions(&f->vdev, &r, &err));
    g_assert_no_error(err);
    g_assert_cmphex(r.io.offset, ==, 0);
    g_assert_true(r.has_async && r.has_schib && r.has_crw);
    g_assert_cmpuint(r.async.index, ==, 1);
    g_assert_cmphex(r.async.offset, ==, 1 << 10);
    /* SCHIB's type capability comes second in its chain. */
    g_assert_cmpuint(r.schib.type, ==, VFIO_REGION_TYPE_CCW);
    g_assert_cmpuint(r.schib.subtype, ==, VFIO_REGION_SUBTYPE_CCW_SCHIB);
    g_assert_cmphex(r.crw.offset, ==, 3 << 10);
    g_assert_true(vfio_ccw_check_irqs(&f->vdev, &irqs, &err));
    g_assert_true(irqs.has_crw && irqs.has_req);
}

static void test_device_region_io_at_offsets(KernelFixture *f,
                                             gconstpointer data)
{
    const VFIODeviceIOOps *ops;
    uint8_t orb[12] = { 0x12, 0x34, 0x56, 0x78 };
    uint32_t crw = 0;
    uint8_t back[12];

    attach(f);
    ops = f->vdev.ops;
    memcpy(f->k.regions[3].data, "\x30\x04\x00\x51", 4);
    g_assert_cmpint(ops->region_write(&f->vdev, 0, 0, orb, sizeof(orb)), ==,
                    sizeof(orb));
    g_assert_cmpmem(f->k.regions[0].data, sizeof(orb), orb, sizeof(orb));
    g_assert_cmpint(ops->region_read(&f->vdev, 0, 0, back, sizeof(back)),
                    ==, sizeof(back));
    g_assert_cmpmem(back, sizeof(back), orb, sizeof(orb));
    g_assert_cmpint(ops->region_read(&f->vdev, 3, 0, &crw, 4), ==, 4);
    g_assert_cmphex(ldl_be_p(&crw), ==, 0x30040051);
}

static void test_device_region_io_stays_inside(KernelFixture *f,
                                               gconstpointer data)
{
    const VFIODeviceIOOps *ops;
    uint8_t buf[16] = { 0 };

    attach(f);
    ops = f->vdev.ops;
    g_assert_cmpint(ops->region_read(&f->vdev, 0, 120, buf, 8), ==,
                    -EINVAL);
    g_assert_cmpint(ops->region_write(&f->vdev, 1, 4, buf, 8), ==, -EINVAL);
    g_assert_cmpint(ops->region_read(&f->vdev, 0, UINT64_MAX, buf, 1), ==,
                    -EINVAL);
    g_assert_cmpint(ops->region_read(&f->vdev, FAKE_REGIONS, 0, buf, 1), ==,
                    -EINVAL);
    g_assert_cmpint(ops->region_read(&f->vdev, 0, 120, buf, 4), ==, 4);
}

/* The I/O region's errno is the mdev's answer; short counts stay short. */
static void test_device_write_errors_pass_through(KernelFixture *f,
                                                  gconstpointer data)
{
    uint8_t buf[24] = { 0 };

    attach(f);
    f->k.write_err = EBUSY;
    g_assert_cmpint(f->vdev.ops->region_write(&f->vdev, 0, 0, buf, 24), ==,
                    -EBUSY);
    f->k.write_err = 0;
    f->k.short_by = 1;
    g_assert_cmpint(f->vdev.ops->region_write(&f->vdev, 0, 0, buf, 24), ==,
                    23);
    g_assert_cmpint(f->vdev.ops->region_read(&f->vdev, 0, 0, buf, 24), ==,
                    23);
}

static void test_device_irq_eventfd_and_reset(KernelFixture *f,
                                              gconstpointer data)
{
    struct vfio_irq_info info = { 0 };

    attach(f);
    g_assert_cmpint(f->vdev.ops->get_irq_info(&f->vdev, 2, &info), ==, 0);
    g_assert_cmpuint(info.index, ==, 2);
    g_assert_cmpuint(info.count, ==, 1);
    g_assert_cmpint(f->vdev.ops->get_irq_info(&f->vdev, 3, &info), ==,
                    -EINVAL);
    g_assert_cmpint(f->vdev.ops->set_irq_eventfd(&f->vdev, 1, 42), ==, 0);
    g_assert_cmpint(f->k.irq_index, ==, 1);
    g_assert_cmpint(f->k.irq_fd, ==, 42);
    g_assert_cmphex(f->k.irq_flags, ==,
                    VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER);
    g_assert_cmpint(f->vdev.ops->set_irq_eventfd(&f->vdev, 1, -1), ==, 0);
    g_assert_cmpint(f->k.irq_fd, ==, -1);
    g_assert_cmpint(f->vdev.ops->reset(&f->vdev), ==, 0);
    g_assert_cmpint(f->k.resets, ==, 1);
}

void register_attach_tests(void)
{
#define KERNEL_TEST(path, fn, data) \
    g_test_add(path, KernelFixture, data, kernel_setup, fn, kernel_teardown)
    KERNEL_TEST("/vfio-ccw/attach/sets-up-device",
                test_attach_sets_up_device, NULL);
    KERNEL_TEST("/vfio-ccw/attach/maps-all-guest-ram-at-iova-0",
                test_attach_maps_all_guest_ram, NULL);
    KERNEL_TEST("/vfio-ccw/attach/falls-back-to-type1",
                test_attach_falls_back_to_type1, NULL);
    KERNEL_TEST("/vfio-ccw/detach/mirrors-attach",
                test_detach_mirrors_attach, NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(attach_faults); i++) {
        KERNEL_TEST(attach_faults[i].path, test_attach_fault,
                    &attach_faults[i]);
    }
    KERNEL_TEST("/vfio-ccw/device/finds-regions-through-caps",
                test_device_finds_regions_through_caps, NULL);
    KERNEL_TEST("/vfio-ccw/device/region-io-at-region-offset",
                test_device_region_io_at_offsets, NULL);
    KERNEL_TEST("/vfio-ccw/device/region-io-stays-inside-region",
                test_device_region_io_stays_inside, NULL);
    KERNEL_TEST("/vfio-ccw/device/write-errno-and-short-count-pass-through",
                test_device_write_errors_pass_through, NULL);
    KERNEL_TEST("/vfio-ccw/device/irq-eventfd-and-reset",
                test_device_irq_eventfd_and_reset, NULL);
#undef KERNEL_TEST
}
