/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VFIODeviceIOOps over the kernel's VFIO device fd: ioctl for info, IRQs
 * and reset, pread/pwrite at the region's offset for region accesses
 * (facts-css-vfio-ccw.md §4.1, §4.4); and attaching/detaching a vfio-ccw
 * mdev through its container.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <linux/vfio.h>

#include "hw/vfio/vfio-ccw-regions.h"
#include "hw/vfio/vfio-kernel.h"

/*
 * Region offsets and sizes are looked up once and kept; vfio-ccw has four
 * regions, so a few slots are plenty and later indices are simply asked
 * for every time.
 */
#define REGION_CACHE_SLOTS 8

/* A GET_REGION_INFO reply larger than this is not believed. */
#define REGION_INFO_MAX 4096

typedef struct VFIOKernelDevice {
    const VFIOKernelSyscalls *sys;
    VFIOContainer *container;
    int fd;
    VFIORegion regions[REGION_CACHE_SLOTS];
    bool region_known[REGION_CACHE_SLOTS];
} VFIOKernelDevice;

static int dev_ioctl(VFIOKernelDevice *kd, unsigned long request, void *arg)
{
    return kd->sys->ioctl(kd->sys->opaque, kd->fd, request, arg);
}

static int kernel_get_info(VFIODevice *vdev, struct vfio_device_info *info)
{
    info->argsz = sizeof(*info);
    return dev_ioctl(vdev->opaque, VFIO_DEVICE_GET_INFO, info);
}

/*
 * GET_REGION_INFO, asked twice when the capability chain does not fit:
 * the kernel then answers with the argsz it needs.
 */
static int kernel_get_region_info(VFIODevice *vdev, uint32_t index,
                                  VFIORegion *region)
{
    VFIOKernelDevice *kd = vdev->opaque;
    struct vfio_region_info head = {
        .argsz = sizeof(head),
        .index = index,
    };
    g_autofree struct vfio_region_info *full = NULL;
    uint32_t argsz;
    int ret;

    ret = dev_ioctl(kd, VFIO_DEVICE_GET_REGION_INFO, &head);
    if (ret < 0) {
        return ret;
    }
    if (head.argsz <= sizeof(head)) {
        ret = vfio_region_info_decode(&head, sizeof(head), region);
    } else {
        if (head.argsz > REGION_INFO_MAX) {
            return -EPROTO;
        }
        argsz = head.argsz;
        full = g_malloc0(argsz);
        full->argsz = argsz;
        full->index = index;
        ret = dev_ioctl(kd, VFIO_DEVICE_GET_REGION_INFO, full);
        if (ret < 0) {
            return ret;
        }
        /* Only what we allocated is ours to read, whatever argsz says. */
        ret = vfio_region_info_decode(full, argsz, region);
    }
    if (ret < 0) {
        return ret;
    }
    region->index = index;
    if (index < REGION_CACHE_SLOTS) {
        kd->regions[index] = *region;
        kd->region_known[index] = true;
    }
    return 0;
}

static int lookup_region(VFIODevice *vdev, uint32_t index, VFIORegion *out)
{
    VFIOKernelDevice *kd = vdev->opaque;

    if (index >= vdev->num_regions) {
        return -EINVAL;
    }
    if (index < REGION_CACHE_SLOTS && kd->region_known[index]) {
        *out = kd->regions[index];
        return 0;
    }
    return kernel_get_region_info(vdev, index, out);
}

/*
 * Where [@off, @off + @len) of region @index lies in the device fd.
 * Returns: 0, or -EINVAL if it is not inside the region (the kernel would
 * refuse too, but the next region starts right after this one).
 */
static int region_pos(VFIODevice *vdev, uint32_t index, uint64_t off,
                      size_t len, off_t *pos)
{
    VFIORegion r;
    int ret;

    ret = lookup_region(vdev, index, &r);
    if (ret < 0) {
        return ret;
    }
    if (off > r.size || len > r.size - off ||
        r.offset > (uint64_t)INT64_MAX - r.size) {
        return -EINVAL;
    }
    *pos = (off_t)(r.offset + off);
    return 0;
}

/* A short transfer returns the short count: the caller decides. */
static ssize_t kernel_region_read(VFIODevice *vdev, uint32_t index,
                                  uint64_t off, void *buf, size_t len)
{
    VFIOKernelDevice *kd = vdev->opaque;
    off_t pos;
    int ret;

    ret = region_pos(vdev, index, off, len, &pos);
    if (ret < 0) {
        return ret;
    }
    return kd->sys->pread(kd->sys->opaque, kd->fd, buf, len, pos);
}

/*
 * For the I/O and async regions the write's errno is the mdev's answer
 * to the request (-EBUSY, -ENODEV, ...): it is passed up unchanged.
 */
static ssize_t kernel_region_write(VFIODevice *vdev, uint32_t index,
                                   uint64_t off, const void *buf, size_t len)
{
    VFIOKernelDevice *kd = vdev->opaque;
    off_t pos;
    int ret;

    ret = region_pos(vdev, index, off, len, &pos);
    if (ret < 0) {
        return ret;
    }
    return kd->sys->pwrite(kd->sys->opaque, kd->fd, buf, len, pos);
}

static int kernel_get_irq_info(VFIODevice *vdev, uint32_t index,
                               struct vfio_irq_info *info)
{
    info->argsz = sizeof(*info);
    info->index = index;
    return dev_ioctl(vdev->opaque, VFIO_DEVICE_GET_IRQ_INFO, info);
}

static int kernel_set_irq_eventfd(VFIODevice *vdev, uint32_t index, int fd)
{
    size_t argsz = sizeof(struct vfio_irq_set) + sizeof(int32_t);
    g_autofree struct vfio_irq_set *set = g_malloc0(argsz);
    int32_t data = fd;

    set->argsz = argsz;
    set->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
    set->index = index;
    set->start = 0;
    set->count = 1;
    /* One s32 fd after the header, host order; -1 unregisters. */
    memcpy(set->data, &data, sizeof(data));
    return dev_ioctl(vdev->opaque, VFIO_DEVICE_SET_IRQS, set);
}

static int kernel_reset(VFIODevice *vdev)
{
    return dev_ioctl(vdev->opaque, VFIO_DEVICE_RESET, NULL);
}

static const VFIODeviceIOOps vfio_kernel_ops = {
    .get_info = kernel_get_info,
    .get_region_info = kernel_get_region_info,
    .region_read = kernel_region_read,
    .region_write = kernel_region_write,
    .get_irq_info = kernel_get_irq_info,
    .set_irq_eventfd = kernel_set_irq_eventfd,
    .reset = kernel_reset,
    .detach = vfio_kernel_detach,
};

bool vfio_kernel_attach(VFIODevice *vdev, const VFIOKernelEnv *env,
                        const VFIOCcwHostInfo *host, GuestRAM *ram,
                        GError **errp)
{
    VFIOKernelDevice *kd = g_new0(VFIOKernelDevice, 1);
    struct vfio_device_info info = { .argsz = sizeof(info) };
    int ret;

    kd->sys = vfio_kernel_env_sys(env);
    kd->container = vfio_container_connect(env, host->iommu_group, ram,
                                           errp);
    if (!kd->container) {
        goto out_free;
    }
    kd->fd = vfio_container_get_device_fd(kd->container, host->mdev_uuid,
                                          errp);
    if (kd->fd < 0) {
        goto out_disconnect;
    }
    ret = dev_ioctl(kd, VFIO_DEVICE_GET_INFO, &info);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-ccw: VFIO_DEVICE_GET_INFO on mdev %s failed: %s",
                    host->mdev_uuid, g_strerror(-ret));
        goto out_close_device;
    }
    if (!(info.flags & VFIO_DEVICE_FLAGS_CCW)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "vfio-ccw: mdev %s is not a vfio-ccw device (GET_INFO "
                    "flags 0x%" PRIx32 " lack VFIO_DEVICE_FLAGS_CCW)",
                    host->mdev_uuid, info.flags);
        goto out_close_device;
    }

    vdev->name = g_strdup(host->mdev_uuid);
    vdev->ops = &vfio_kernel_ops;
    vdev->opaque = kd;
    vdev->flags = info.flags;
    vdev->num_regions = info.num_regions;
    vdev->num_irqs = info.num_irqs;
    return true;

out_close_device:
    kd->sys->close(kd->sys->opaque, kd->fd);
out_disconnect:
    vfio_container_disconnect(kd->container);
out_free:
    g_free(kd);
    return false;
}

void vfio_kernel_detach(VFIODevice *vdev)
{
    VFIOKernelDevice *kd = vdev->opaque;

    if (!kd || vdev->ops != &vfio_kernel_ops) {
        return;
    }
    kd->sys->close(kd->sys->opaque, kd->fd);
    vfio_container_disconnect(kd->container);
    g_free(kd);
    g_free(vdev->name);
    memset(vdev, 0, sizeof(*vdev));
}
