/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vfio-device.h: a VFIO device seen through swappable I/O operations.
 *
 * The vfio-ccw device (hw/vfio/ccw.c) talks to its mediated device only
 * through VFIODeviceIOOps, so the same code drives the kernel's vfio_ccw
 * (ioctl + pread/pwrite on the device fd: hw/vfio/device.c) and the
 * vfio-user-ccw server (messages on a socket: hw/vfio-user/device.c).
 * Structures and constants are the kernel's, from <linux/vfio.h> and
 * <linux/vfio_ccw.h>; they are never re-declared here.
 *
 * Errors are negative errno values, as the kernel reports them: for the
 * vfio-ccw I/O region, the errno of a failed write IS the answer of the
 * mdev (-EBUSY, -ENODEV, -EACCES, -EAGAIN, ...; see hw/vfio/ccw.c).
 */
#ifndef HW_VFIO_VFIO_DEVICE_H
#define HW_VFIO_VFIO_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/vfio.h>

typedef struct VFIODevice VFIODevice;

/**
 * VFIORegion: what GET_REGION_INFO says about one region.
 * @index: region index (VFIO_CCW_CONFIG_REGION_INDEX = 0 is the I/O region).
 * @flags: VFIO_REGION_INFO_FLAG_*.
 * @size: bytes.
 * @offset: where the region starts in the device fd (kernel path); the
 *          vfio-user path addresses regions by index and ignores it.
 * @type, @subtype: from the VFIO_REGION_INFO_CAP_TYPE capability
 *          (VFIO_REGION_TYPE_CCW and VFIO_REGION_SUBTYPE_CCW_*); both 0
 *          when the region has no type capability.
 */
typedef struct VFIORegion {
    uint32_t index;
    uint32_t flags;
    uint64_t size;
    uint64_t offset;
    uint32_t type;
    uint32_t subtype;
} VFIORegion;

/**
 * VFIODeviceIOOps: how a device is reached.  Every hook returns 0 (or a
 * byte count) on success and a negative errno on failure; none may crash
 * or block forever on a peer's bad behaviour.
 * @get_info: VFIO_DEVICE_GET_INFO into @info (argsz set by the caller).
 * @get_region_info: VFIO_DEVICE_GET_REGION_INFO for @index, with the type
 *     capability decoded into @region.
 * @region_read / @region_write: @len bytes at byte @off inside region
 *     @index.  Returns: bytes transferred, or -errno (for the vfio-ccw
 *     I/O and async regions the errno carries the mdev's answer).
 * @get_irq_info: VFIO_DEVICE_GET_IRQ_INFO for @index into @info.
 * @set_irq_eventfd: trigger eventfd @fd for IRQ @index (count 1, start 0,
 *     ACTION_TRIGGER | DATA_EVENTFD); @fd = -1 unregisters.
 * @reset: VFIO_DEVICE_RESET.
 * @detach: release the transport (close fds / the socket); may be NULL.
 */
typedef struct VFIODeviceIOOps {
    int (*get_info)(VFIODevice *vdev, struct vfio_device_info *info);
    int (*get_region_info)(VFIODevice *vdev, uint32_t index,
                           VFIORegion *region);
    ssize_t (*region_read)(VFIODevice *vdev, uint32_t index, uint64_t off,
                           void *buf, size_t len);
    ssize_t (*region_write)(VFIODevice *vdev, uint32_t index, uint64_t off,
                            const void *buf, size_t len);
    int (*get_irq_info)(VFIODevice *vdev, uint32_t index,
                        struct vfio_irq_info *info);
    int (*set_irq_eventfd)(VFIODevice *vdev, uint32_t index, int fd);
    int (*reset)(VFIODevice *vdev);
    void (*detach)(VFIODevice *vdev);
} VFIODeviceIOOps;

/**
 * VFIODevice: one attached mediated device.
 * @name: for messages (mdev UUID, or the socket path).
 * @ops: the transport.
 * @opaque: the transport's state.
 * @flags, @num_regions, @num_irqs: from GET_INFO.
 */
struct VFIODevice {
    char *name;
    const VFIODeviceIOOps *ops;
    void *opaque;
    uint32_t flags;
    uint32_t num_regions;
    uint32_t num_irqs;
};

#endif /* HW_VFIO_VFIO_DEVICE_H */
