/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The regions and IRQs a vfio-ccw device must offer, checked through
 * VFIODeviceIOOps so the kernel and the vfio-user transport agree.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <linux/vfio.h>
#include <linux/vfio_ccw.h>

#include "hw/vfio/vfio-ccw-regions.h"

int vfio_region_info_decode(const void *buf, size_t len, VFIORegion *region)
{
    const uint8_t *bytes = buf;
    struct vfio_region_info info;
    size_t off;

    memset(region, 0, sizeof(*region));
    if (len < sizeof(info)) {
        return -EPROTO;
    }
    /* memcpy: a reply buffer from a socket need not be aligned. */
    memcpy(&info, bytes, sizeof(info));
    region->index = info.index;
    region->flags = info.flags;
    region->size = info.size;
    region->offset = info.offset;
    if (!(info.flags & VFIO_REGION_INFO_FLAG_CAPS) || info.cap_offset == 0) {
        /* cap_offset 0 with CAPS: the chain did not fit into argsz. */
        return 0;
    }

    /*
     * Capabilities follow the fixed part; each names the next by its
     * offset from the start of the reply, 0 ending the chain.  Demanding
     * that every next one starts after the current header keeps a bad
     * chain from looping or overlapping.
     */
    off = info.cap_offset;
    if (off < sizeof(info)) {
        return -EPROTO;
    }
    for (;;) {
        struct vfio_info_cap_header hdr;

        if (off > len || len - off < sizeof(hdr)) {
            return -EPROTO;
        }
        memcpy(&hdr, bytes + off, sizeof(hdr));
        if (hdr.id == VFIO_REGION_INFO_CAP_TYPE) {
            struct vfio_region_info_cap_type cap;

            if (len - off < sizeof(cap)) {
                return -EPROTO;
            }
            memcpy(&cap, bytes + off, sizeof(cap));
            region->type = cap.type;
            region->subtype = cap.subtype;
            return 0;
        }
        if (hdr.next == 0) {
            return 0;
        }
        if (hdr.next < off + sizeof(hdr)) {
            return -EPROTO;
        }
        off = hdr.next;
    }
}

static const char *vdev_name(const VFIODevice *vdev)
{
    return vdev->name ? vdev->name : "(unnamed device)";
}

static bool take_optional_region(VFIODevice *vdev, const VFIORegion *reg,
                                 VFIOCcwRegions *regions, GError **errp)
{
    /* The optional regions, by VFIO_REGION_SUBTYPE_CCW_* (facts §4.2). */
    const struct {
        uint32_t subtype;
        const char *what;
        const char *layout;
        size_t size;
        VFIORegion *slot;
        bool *has;
    } optional[] = {
        { VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD, "async command region",
          "struct ccw_cmd_region", sizeof(struct ccw_cmd_region),
          &regions->async, &regions->has_async },
        { VFIO_REGION_SUBTYPE_CCW_SCHIB, "SCHIB region",
          "struct ccw_schib_region", sizeof(struct ccw_schib_region),
          &regions->schib, &regions->has_schib },
        { VFIO_REGION_SUBTYPE_CCW_CRW, "CRW region",
          "struct ccw_crw_region", sizeof(struct ccw_crw_region),
          &regions->crw, &regions->has_crw },
    };

    if (reg->type != VFIO_REGION_TYPE_CCW) {
        return true;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(optional); i++) {
        if (reg->subtype != optional[i].subtype || *optional[i].has) {
            continue;
        }
        if (reg->size != optional[i].size) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                        "vfio-ccw: %s: %s (index %" PRIu32 ") is %" PRIu64
                        " bytes, must be %zu (%s)", vdev_name(vdev),
                        optional[i].what, reg->index, reg->size,
                        optional[i].size, optional[i].layout);
            return false;
        }
        *optional[i].slot = *reg;
        *optional[i].has = true;
        return true;
    }
    /* A CCW subtype newer than this program, or a duplicate: not used. */
    return true;
}

bool vfio_ccw_find_regions(VFIODevice *vdev, VFIOCcwRegions *regions,
                           GError **errp)
{
    int ret;

    memset(regions, 0, sizeof(*regions));
    if (vdev->num_regions <= VFIO_CCW_CONFIG_REGION_INDEX) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "vfio-ccw: %s: the I/O region (index 0) is missing "
                    "(the device reports %" PRIu32 " regions)",
                    vdev_name(vdev), vdev->num_regions);
        return false;
    }
    ret = vdev->ops->get_region_info(vdev, VFIO_CCW_CONFIG_REGION_INDEX,
                                     &regions->io);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-ccw: %s: cannot get info of the I/O region "
                    "(index 0): %s", vdev_name(vdev), g_strerror(-ret));
        return false;
    }
    regions->io.index = VFIO_CCW_CONFIG_REGION_INDEX;
    if (regions->io.size != sizeof(struct ccw_io_region)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                    "vfio-ccw: %s: the I/O region (index 0) is %" PRIu64
                    " bytes, must be %zu (struct ccw_io_region)",
                    vdev_name(vdev), regions->io.size,
                    sizeof(struct ccw_io_region));
        return false;
    }

    for (uint32_t i = VFIO_CCW_CONFIG_REGION_INDEX + 1;
         i < vdev->num_regions; i++) {
        VFIORegion reg;

        ret = vdev->ops->get_region_info(vdev, i, &reg);
        if (ret < 0) {
            g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                        "vfio-ccw: %s: cannot get info of region %" PRIu32
                        " (the device reports %" PRIu32 " regions): %s",
                        vdev_name(vdev), i, vdev->num_regions,
                        g_strerror(-ret));
            return false;
        }
        reg.index = i;
        if (!take_optional_region(vdev, &reg, regions, errp)) {
            return false;
        }
    }
    return true;
}

/* Is IRQ @index there, with at least one vector signalled by eventfd? */
static int probe_irq(VFIODevice *vdev, uint32_t index,
                     struct vfio_irq_info *info)
{
    int ret;

    memset(info, 0, sizeof(*info));
    info->argsz = sizeof(*info);
    info->index = index;
    if (index >= vdev->num_irqs) {
        return -ENOENT;
    }
    ret = vdev->ops->get_irq_info(vdev, index, info);
    return ret < 0 ? ret : 0;
}

bool vfio_ccw_check_irqs(VFIODevice *vdev, VFIOCcwIrqs *irqs, GError **errp)
{
    struct vfio_irq_info info;
    int ret;

    memset(irqs, 0, sizeof(*irqs));
    ret = probe_irq(vdev, VFIO_CCW_IO_IRQ_INDEX, &info);
    if (ret == -ENOENT) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "vfio-ccw: %s: the I/O interrupt (IRQ index 0) is "
                    "missing (the device reports %" PRIu32 " IRQs)",
                    vdev_name(vdev), vdev->num_irqs);
        return false;
    }
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-ccw: %s: cannot get info of the I/O interrupt "
                    "(IRQ index 0): %s", vdev_name(vdev), g_strerror(-ret));
        return false;
    }
    if (info.count < 1) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "vfio-ccw: %s: the I/O interrupt (IRQ index 0) has "
                    "count 0, needs 1", vdev_name(vdev));
        return false;
    }
    if (!(info.flags & VFIO_IRQ_INFO_EVENTFD)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "vfio-ccw: %s: the I/O interrupt (IRQ index 0) cannot "
                    "signal an eventfd (flags 0x%" PRIx32 " lack "
                    "VFIO_IRQ_INFO_EVENTFD)", vdev_name(vdev), info.flags);
        return false;
    }

    /* Optional ones: older kernels simply have fewer IRQs. */
    irqs->has_crw = probe_irq(vdev, VFIO_CCW_CRW_IRQ_INDEX, &info) == 0 &&
                    info.count >= 1 && (info.flags & VFIO_IRQ_INFO_EVENTFD);
    irqs->has_req = probe_irq(vdev, VFIO_CCW_REQ_IRQ_INDEX, &info) == 0 &&
                    info.count >= 1 && (info.flags & VFIO_IRQ_INFO_EVENTFD);
    return true;
}
