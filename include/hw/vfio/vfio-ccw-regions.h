/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vfio-ccw-regions.h: what a vfio-ccw device must offer, whatever the
 * transport.
 *
 * The vfio_ccw mdev (kernel, or the vfio-user-ccw server that mimics it)
 * has the I/O region at index 0 and optional regions found by their
 * VFIO_REGION_INFO_CAP_TYPE capability (type VFIO_REGION_TYPE_CCW,
 * subtypes ASYNC_CMD, SCHIB, CRW), each exactly the size of its struct in
 * <linux/vfio_ccw.h>; and the IRQs VFIO_CCW_IO_IRQ_INDEX (required),
 * VFIO_CCW_CRW_IRQ_INDEX and VFIO_CCW_REQ_IRQ_INDEX (optional) of
 * <linux/vfio.h> (facts-css-vfio-ccw.md §4.1, §4.2).  These helpers check
 * that through VFIODeviceIOOps, so both transports give the same answers
 * and the same one-line messages ("vfio-ccw: <vdev name>: ...", domain
 * G_IO_ERROR).
 * Who may call: hw/vfio/ccw.c, hw/vfio/device.c, hw/vfio-user/ and tests.
 */
#ifndef HW_VFIO_VFIO_CCW_REGIONS_H
#define HW_VFIO_VFIO_CCW_REGIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "hw/vfio/vfio-device.h"

/**
 * VFIOCcwRegions: the regions of a vfio-ccw device.
 * @io: the I/O region (index VFIO_CCW_CONFIG_REGION_INDEX = 0), always
 *     there: struct ccw_io_region (ORB, SCSW, IRB, ret_code; 124 bytes).
 * @async: struct ccw_cmd_region (HSCH/CSCH), valid if @has_async.
 * @schib: struct ccw_schib_region (host STSCH), valid if @has_schib.
 * @crw: struct ccw_crw_region (host CRWs), valid if @has_crw.
 * When a device offers two regions of one subtype, the lower index wins.
 */
typedef struct VFIOCcwRegions {
    VFIORegion io;
    VFIORegion async;
    VFIORegion schib;
    VFIORegion crw;
    bool has_async;
    bool has_schib;
    bool has_crw;
} VFIOCcwRegions;

/**
 * vfio_ccw_find_regions: look up the regions of @vdev via
 * @vdev->ops->get_region_info for every index below @vdev->num_regions.
 * @regions: zeroed, then filled in.
 * @errp: one message if the I/O region is missing or not exactly
 *     sizeof(struct ccw_io_region) bytes, if a CCW-typed region has the
 *     wrong size for its subtype, or if GET_REGION_INFO fails for an index
 *     the device claims to have.  Missing optional regions are no error.
 * Returns: true on success.
 */
bool vfio_ccw_find_regions(VFIODevice *vdev, VFIOCcwRegions *regions,
                           GError **errp);

/**
 * VFIOCcwIrqs: the optional IRQs a vfio-ccw device offers.
 * @has_crw: VFIO_CCW_CRW_IRQ_INDEX exists with count >= 1 and eventfd
 *     signalling (older kernels have none: num_irqs = 1).
 * @has_req: likewise VFIO_CCW_REQ_IRQ_INDEX (the kernel asks for the
 *     device back).
 */
typedef struct VFIOCcwIrqs {
    bool has_crw;
    bool has_req;
} VFIOCcwIrqs;

/**
 * vfio_ccw_check_irqs: check the IRQs of @vdev via
 * @vdev->ops->get_irq_info.  The I/O IRQ (index 0) is required: it must
 * exist (num_irqs >= 1), answer GET_IRQ_INFO, have count >= 1 and
 * VFIO_IRQ_INFO_EVENTFD.  CRW and REQ are optional: any failure there
 * just reports them absent.
 * @irqs: zeroed, then filled in.
 * @errp: one message when the I/O IRQ is unusable.
 * Returns: true on success.
 */
bool vfio_ccw_check_irqs(VFIODevice *vdev, VFIOCcwIrqs *irqs, GError **errp);

/**
 * vfio_region_info_decode: decode a VFIO_DEVICE_GET_REGION_INFO reply.
 * @buf, @len: struct vfio_region_info (host order, as the kernel and the
 *     vfio-user protocol both give it) followed by its capability chain;
 *     @len is the number of valid bytes, any alignment.
 * @region: filled from the fixed part; @type/@subtype from the first
 *     VFIO_REGION_INFO_CAP_TYPE capability, 0 if there is none (or the
 *     reply did not fit, i.e. VFIO_REGION_INFO_FLAG_CAPS with cap_offset 0).
 * Returns: 0, or -EPROTO if @len is too short for the fixed part or the
 * chain points outside @buf, overlaps a header, or loops.
 */
int vfio_region_info_decode(const void *buf, size_t len, VFIORegion *region);

#endif /* HW_VFIO_VFIO_CCW_REGIONS_H */
