/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-device.h: the base type of every channel-attached device.
 *
 * A CcwDevice owns one subchannel of the machine's channel subsystem.
 * Its realize places the subchannel (devno property, auto-assignment,
 * s390-squash-mcss rules: css_create_sch()) and then lets the subclass
 * build the SCHIB and install its callbacks (@realize_subch); unrealize
 * mirrors that.  A device realized while the machine runs (hot-plug)
 * reports itself with a channel report; a device unplugged at run time
 * (ccw_device_unplug()) is reported gone before it is destroyed.
 */
#ifndef HW_S390X_CCW_DEVICE_H
#define HW_S390X_CCW_DEVICE_H

#include "hw/qdev-core.h"
#include "hw/s390x/css.h"

#define TYPE_CCW_DEVICE "ccw-device"

/**
 * CcwDevice:
 * @devno: property "devno": "cssid.ssid.devno" (e.g. fe.0.1234), or NULL
 *         for the first free one.
 * @sch: the subchannel while realized, else NULL.
 */
typedef struct CcwDevice {
    DeviceState parent_obj;
    char *devno;
    SubchDev *sch;
} CcwDevice;

/**
 * CcwDeviceClass:
 * @is_virtual: an emulated device (css 0xfe rules) rather than passthrough.
 * @realize_subch: build the SCHIB and set sch->ops; the subchannel exists.
 *     On failure set @errp; the base then destroys the subchannel.
 * @unrealize_subch: undo @realize_subch (may be NULL).
 */
typedef struct CcwDeviceClass {
    DeviceClass parent_class;

    bool is_virtual;
    bool (*realize_subch)(CcwDevice *dev, GError **errp);
    void (*unrealize_subch)(CcwDevice *dev);
} CcwDeviceClass;

GType ccw_device_get_type(void);

#define CCW_DEVICE(obj) \
    G_TYPE_CHECK_INSTANCE_CAST((obj), ccw_device_get_type(), CcwDevice)
#define CCW_DEVICE_CLASS(klass) \
    G_TYPE_CHECK_CLASS_CAST((klass), ccw_device_get_type(), CcwDeviceClass)
#define CCW_DEVICE_GET_CLASS(obj) \
    G_TYPE_INSTANCE_GET_CLASS((obj), ccw_device_get_type(), CcwDeviceClass)
#define IS_CCW_DEVICE(obj) \
    G_TYPE_CHECK_INSTANCE_TYPE((obj), ccw_device_get_type())

/** ccw_device_css: Returns: the channel subsystem @dev's bus belongs to. */
ChannelSubSys *ccw_device_css(CcwDevice *dev);

/**
 * ccw_device_unplug: remove a realized device at run time: its subchannel
 * is disabled and reported gone with a channel report (PoP ch. 17,
 * "Channel-Report Word"), then the device is unrealized, and then the
 * unplug notifiers (qdev_add_unplug_notifier(): the monitor's
 * DEVICE_DELETED) are told, with the devno as the bus address.  The
 * caller's reference, if any, keeps @dev alive afterwards.
 */
void ccw_device_unplug(CcwDevice *dev);

/**
 * ccw_device_find: Returns: the realized CCW device on @bus whose devno
 * ("fe.0.0001", as css_devid_to_string() prints it) or id is @name, or
 * NULL.
 */
CcwDevice *ccw_device_find(BusState *bus, const char *name);

#endif /* HW_S390X_CCW_DEVICE_H */
