/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vfio-ccw.h: the vfio-ccw passthrough device (TYPE_VFIO_CCW "vfio-ccw").
 *
 *   -device vfio-ccw,sysfsdev=/sys/bus/mdev/devices/UUID[,devno=C.S.DDDD]
 *                    [,force-orb-pfch=on]
 *
 * It implements the passthrough hooks (handle_request, handle_halt,
 * handle_clear, handle_store) on the vfio-ccw regions of a mediated
 * device, and turns the device's IO, CRW and REQ interrupts into channel
 * subsystem events.  How the mediated device is reached is a class hook
 * (@attach_transport): the kernel (this type) or a vfio-user socket
 * (TYPE_VFIO_USER_CCW, which derives from it and swaps only that).
 * Regions and IRQs: <linux/vfio_ccw.h>, facts §4.
 */
#ifndef HW_S390X_VFIO_CCW_H
#define HW_S390X_VFIO_CCW_H

#include "hw/s390x/s390-ccw.h"
#include "hw/vfio/vfio-device.h"

#define TYPE_VFIO_CCW "vfio-ccw"

/**
 * VFIOCCWIrq: one of the device's interrupts: an eventfd the transport
 * signals, watched on the main loop.
 * @fd: the eventfd, -1 when not registered.
 * @source: the main-loop source id, 0 when none.
 */
typedef struct VFIOCCWIrq {
    int fd;
    guint source;
} VFIOCCWIrq;

/**
 * VFIOCCWDevice:
 * @sysfsdev: property: the mdev's sysfs path (kernel transport).
 * @force_orb_pfch: property: set the ORB's prefetch bit on every start.
 * @vdev: the attached mediated device (its ops are the transport).
 * @io, @async, @schib, @crw: the regions; @has_* for the optional ones.
 * @io_irq, @crw_irq, @req_irq: registered interrupts.
 * @broken: the transport failed for good: the subchannel answers cc 3.
 */
typedef struct VFIOCCWDevice {
    S390CCWDevice parent_obj;
    char *sysfsdev;
    bool force_orb_pfch;
    bool warned_orb_pfch;
    VFIODevice vdev;
    VFIORegion io;
    VFIORegion async;
    VFIORegion schib;
    VFIORegion crw;
    bool has_async;
    bool has_schib;
    bool has_crw;
    VFIOCCWIrq io_irq;
    VFIOCCWIrq crw_irq;
    VFIOCCWIrq req_irq;
    bool broken;
    guint unplug_idle;
} VFIOCCWDevice;

/**
 * VFIOCCWDeviceClass:
 * @attach_transport: reach the mediated device: fill @vdev (ops, opaque,
 *     GET_INFO results) and the host info of the S390CCWDevice.  One
 *     GError line on failure.
 * @detach_transport: undo it (the IRQs are already unregistered).
 */
typedef struct VFIOCCWDeviceClass {
    S390CCWDeviceClass parent_class;

    bool (*attach_transport)(VFIOCCWDevice *vcdev, GError **errp);
    void (*detach_transport)(VFIOCCWDevice *vcdev);
} VFIOCCWDeviceClass;

GType vfio_ccw_device_get_type(void);

#define VFIO_CCW_DEVICE(obj) \
    G_TYPE_CHECK_INSTANCE_CAST((obj), vfio_ccw_device_get_type(), \
                               VFIOCCWDevice)
#define VFIO_CCW_DEVICE_CLASS(klass) \
    G_TYPE_CHECK_CLASS_CAST((klass), vfio_ccw_device_get_type(), \
                            VFIOCCWDeviceClass)
#define VFIO_CCW_DEVICE_GET_CLASS(obj) \
    G_TYPE_INSTANCE_GET_CLASS((obj), vfio_ccw_device_get_type(), \
                              VFIOCCWDeviceClass)

/**
 * vfio_ccw_transport_failed: the transport is gone (server died, socket
 * closed, a reply could not be trusted): from now on the subchannel is
 * not operational (cc 3), a program in flight ends with a deferred cc 3,
 * and a channel report tells the guest.  Idempotent.
 */
void vfio_ccw_transport_failed(VFIOCCWDevice *vcdev);

/** VFIO_CCW_EAGAIN_RETRIES: how often a busy (-EAGAIN) region write is retried. */
#define VFIO_CCW_EAGAIN_RETRIES 100

#endif /* HW_S390X_VFIO_CCW_H */
