/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VFIODeviceIOOps over vfio-user messages.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "hw/vfio-user/device.h"
#include "hw/vfio/vfio-ccw-regions.h"

/* Room for a region info with its capability chain. */
#define REGION_INFO_ARGSZ 256

static VFIOUserProxy *proxy_of(VFIODevice *vdev)
{
    return vdev->opaque;
}

VFIOUserProxy *vfio_user_device_proxy(VFIODevice *vdev)
{
    return vdev->opaque;
}

static int vu_get_info(VFIODevice *vdev, struct vfio_device_info *info)
{
    VFIOUserDeviceInfo msg = {
        .hdr = { .command = VFIO_USER_DEVICE_GET_INFO, .size = sizeof(msg) },
        .argsz = 16,
    };
    size_t len = 0;
    int ret = vfio_user_request(proxy_of(vdev), &msg.hdr, NULL, 0, &msg,
                                sizeof(msg), &len);

    if (ret < 0) {
        return ret;
    }
    if (len != sizeof(msg)) {
        return -EPROTO;
    }
    memset(info, 0, sizeof(*info));
    info->argsz = sizeof(*info);
    info->flags = msg.flags;
    info->num_regions = msg.num_regions;
    info->num_irqs = msg.num_irqs;
    return 0;
}

static int vu_get_region_info(VFIODevice *vdev, uint32_t index,
                              VFIORegion *region)
{
    uint8_t buf[sizeof(VFIOUserHdr) + REGION_INFO_ARGSZ];
    VFIOUserRegionInfo *msg = (VFIOUserRegionInfo *)buf;
    size_t len = 0;
    int ret;

    memset(buf, 0, sizeof(buf));
    msg->hdr.command = VFIO_USER_DEVICE_GET_REGION_INFO;
    msg->hdr.size = sizeof(*msg);
    msg->info.argsz = REGION_INFO_ARGSZ;
    msg->info.index = index;
    ret = vfio_user_request(proxy_of(vdev), &msg->hdr, NULL, 0, buf,
                            sizeof(buf), &len);
    if (ret < 0) {
        return ret;
    }
    if (len < sizeof(*msg)) {
        return -EPROTO;
    }
    /* The kernel's info + capability chain: one decoder for both paths. */
    ret = vfio_region_info_decode(buf + sizeof(VFIOUserHdr),
                                  len - sizeof(VFIOUserHdr), region);
    if (ret == 0 && region->index != index) {
        return -EPROTO;
    }
    return ret;
}

static ssize_t vu_region_read(VFIODevice *vdev, uint32_t index, uint64_t off,
                              void *buf, size_t len)
{
    VFIOUserProxy *proxy = proxy_of(vdev);
    g_autofree uint8_t *reply = NULL;
    VFIOUserRegionRW msg = {
        .hdr = { .command = VFIO_USER_REGION_READ, .size = sizeof(msg) },
        .offset = off,
        .region = index,
        .count = (uint32_t)len,
    };
    VFIOUserRegionRW *rep;
    size_t rlen = 0;
    int ret;

    if (len > vfio_user_max_xfer(proxy)) {
        return -EINVAL;
    }
    reply = g_malloc0(sizeof(msg) + len);
    ret = vfio_user_request(proxy, &msg.hdr, NULL, 0, reply,
                            sizeof(msg) + len, &rlen);
    if (ret < 0) {
        return ret;
    }
    rep = (VFIOUserRegionRW *)reply;
    /* The reply must describe what we asked and carry that many bytes. */
    if (rlen < sizeof(*rep) || rep->region != index || rep->offset != off ||
        rep->count > len || rlen != sizeof(*rep) + rep->count) {
        return -EPROTO;
    }
    memcpy(buf, rep->data, rep->count);
    return rep->count;
}

static ssize_t vu_region_write(VFIODevice *vdev, uint32_t index, uint64_t off,
                               const void *buf, size_t len)
{
    VFIOUserProxy *proxy = proxy_of(vdev);
    g_autofree VFIOUserRegionRW *msg = NULL;
    VFIOUserRegionRW rep;
    size_t rlen = 0;
    int ret;

    if (len > vfio_user_max_xfer(proxy)) {
        return -EINVAL;
    }
    msg = g_malloc0(sizeof(*msg) + len);
    msg->hdr.command = VFIO_USER_REGION_WRITE;
    msg->hdr.size = (uint32_t)(sizeof(*msg) + len);
    msg->offset = off;
    msg->region = index;
    msg->count = (uint32_t)len;
    memcpy(msg->data, buf, len);
    ret = vfio_user_request(proxy, &msg->hdr, NULL, 0, &rep, sizeof(rep),
                            &rlen);
    if (ret < 0) {
        return ret;
    }
    if (rlen != sizeof(rep) || rep.region != index || rep.offset != off ||
        rep.count > len) {
        return -EPROTO;
    }
    return rep.count;
}

static int vu_get_irq_info(VFIODevice *vdev, uint32_t index,
                           struct vfio_irq_info *info)
{
    VFIOUserIRQInfo msg = {
        .hdr = { .command = VFIO_USER_DEVICE_GET_IRQ_INFO,
                 .size = sizeof(msg) },
        .info = { .argsz = sizeof(struct vfio_irq_info), .index = index },
    };
    size_t len = 0;
    int ret = vfio_user_request(proxy_of(vdev), &msg.hdr, NULL, 0, &msg,
                                sizeof(msg), &len);

    if (ret < 0) {
        return ret;
    }
    if (len != sizeof(msg) || msg.info.index != index) {
        return -EPROTO;
    }
    *info = msg.info;
    return 0;
}

static int vu_set_irq_eventfd(VFIODevice *vdev, uint32_t index, int fd)
{
    VFIOUserIRQSet msg = {
        .hdr = { .command = VFIO_USER_DEVICE_SET_IRQS, .size = sizeof(msg) },
        .argsz = sizeof(msg) - sizeof(VFIOUserHdr),
        .flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
        .index = index,
        .start = 0,
        .count = fd >= 0 ? 1 : 0,   /* no fd and count 0: unregister */
    };
    VFIOUserHdr rep;
    size_t len = 0;

    return vfio_user_request(proxy_of(vdev), &msg.hdr, fd >= 0 ? &fd : NULL,
                             fd >= 0 ? 1 : 0, &rep, sizeof(rep), &len);
}

static int vu_reset(VFIODevice *vdev)
{
    VFIOUserHdr msg = { .command = VFIO_USER_DEVICE_RESET,
                        .size = sizeof(msg) };
    size_t len = 0;

    return vfio_user_request(proxy_of(vdev), &msg, NULL, 0, &msg, sizeof(msg),
                             &len);
}

static void vu_detach(VFIODevice *vdev)
{
    vfio_user_proxy_free(proxy_of(vdev));
    g_free(vdev->name);
    memset(vdev, 0, sizeof(*vdev));
}

static const VFIODeviceIOOps vfio_user_device_ops = {
    .get_info = vu_get_info,
    .get_region_info = vu_get_region_info,
    .region_read = vu_region_read,
    .region_write = vu_region_write,
    .get_irq_info = vu_get_irq_info,
    .set_irq_eventfd = vu_set_irq_eventfd,
    .reset = vu_reset,
    .detach = vu_detach,
};

static int dma_map_ram(VFIOUserProxy *proxy, GuestRAM *ram)
{
    VFIOUserDMAMap msg = {
        .hdr = { .command = VFIO_USER_DMA_MAP, .size = sizeof(msg) },
        .argsz = sizeof(msg) - sizeof(VFIOUserHdr),
        .flags = VFIO_USER_DMA_MAP_FLAG_READ | VFIO_USER_DMA_MAP_FLAG_WRITE,
        .offset = 0,
        .iova = 0,
        .size = guest_ram_size(ram),
    };
    int fd = guest_ram_fd(ram);
    VFIOUserHdr rep;
    size_t len = 0;

    return vfio_user_request(proxy, &msg.hdr, &fd, 1, &rep, sizeof(rep),
                             &len);
}

bool vfio_user_device_attach(VFIODevice *vdev, VFIOUserProxy *proxy,
                             GuestRAM *ram, const char *name, GError **errp)
{
    struct vfio_device_info info;
    int ret;

    memset(vdev, 0, sizeof(*vdev));
    vdev->ops = &vfio_user_device_ops;
    vdev->opaque = proxy;
    vdev->name = g_strdup(name);
    ret = dma_map_ram(proxy, ram);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-user %s: cannot share guest RAM (DMA_MAP): %s",
                    name, g_strerror(-ret));
        goto out_detach;
    }
    ret = vu_get_info(vdev, &info);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-user %s: DEVICE_GET_INFO failed: %s", name,
                    g_strerror(-ret));
        goto out_detach;
    }
    if (!(info.flags & VFIO_DEVICE_FLAGS_CCW)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "vfio-user %s: not a vfio-ccw device (GET_INFO flags 0x%x "
                    "lack VFIO_DEVICE_FLAGS_CCW)", name, info.flags);
        goto out_detach;
    }
    vdev->flags = info.flags;
    vdev->num_regions = info.num_regions;
    vdev->num_irqs = info.num_irqs;
    return true;

out_detach:
    vu_detach(vdev);
    return false;
}
