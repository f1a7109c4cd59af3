/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * s390-ccw.h: the passthrough device base (TYPE_S390_CCW, abstract).
 *
 * A passthrough device hands the guest's start, halt, clear and store
 * functions of its subchannel to a host subchannel (facts §3.6-3.11).
 * This base knows the host's identity and path masks, builds the guest's
 * SCHIB from them (css_sch_build_schib()) and routes the channel
 * subsystem's callbacks to the class hooks below; how the host is reached
 * (kernel vfio-ccw, vfio-user) is the subclass's business.
 */
#ifndef HW_S390X_S390_CCW_H
#define HW_S390X_S390_CCW_H

#include "hw/s390x/ccw-device.h"

#define TYPE_S390_CCW "s390-ccw"

/**
 * S390CCWHostInfo: what the host says about its subchannel.
 * @cssid, @ssid, @schno: the host subchannel id ("0.0.0313").
 * @devno: the host device number, or -1 if unknown.
 * @pim, @pam, @pom: host path-installed/-available/-operational masks.
 * @chpids: the host CHPIDs of the eight paths (0 where no path).
 * @chpid_types: their channel-path types (e.g. 0x1b FICON).
 */
typedef struct S390CCWHostInfo {
    uint8_t cssid;
    uint8_t ssid;
    uint16_t schno;
    int devno;
    uint8_t pim;
    uint8_t pam;
    uint8_t pom;
    uint8_t chpids[8];
    uint8_t chpid_types[8];
} S390CCWHostInfo;

/**
 * S390CCWDevice:
 * @host: filled by the subclass's @attach.
 */
typedef struct S390CCWDevice {
    CcwDevice parent_obj;
    S390CCWHostInfo host;
} S390CCWDevice;

/**
 * S390CCWDeviceClass: a passthrough subchannel's hooks, called by css.c
 * through the subchannel (QEMU's S390CCWDeviceClass).
 * @attach: connect to the host subchannel and fill dev->host; on failure
 *     set @errp to one line naming the step, the path and the errno text.
 * @detach: undo @attach (called after the subchannel stopped).
 * @handle_request: START (or RESUME) the function in sch->orb on the
 *     host. Returns: the condition code for the guest.
 * @handle_halt / @handle_clear: forward HSCH / CSCH. Returns: 0, -ENOSYS
 *     when the host cannot (css.c then emulates it), or -errno.
 * @handle_store: read the host SCHIB (host order) for STSCH. Returns: 0
 *     or -errno.
 * @reset: the host device's reset at system reset (may be NULL).
 */
typedef struct S390CCWDeviceClass {
    CcwDeviceClass parent_class;

    bool (*attach)(S390CCWDevice *dev, GError **errp);
    void (*detach)(S390CCWDevice *dev);
    IOInstEnding (*handle_request)(S390CCWDevice *dev);
    int (*handle_halt)(S390CCWDevice *dev);
    int (*handle_clear)(S390CCWDevice *dev);
    int (*handle_store)(S390CCWDevice *dev, SCHIB *host);
    void (*reset)(S390CCWDevice *dev);
} S390CCWDeviceClass;

GType s390_ccw_device_get_type(void);

#define S390_CCW_DEVICE(obj) \
    G_TYPE_CHECK_INSTANCE_CAST((obj), s390_ccw_device_get_type(), \
                               S390CCWDevice)
#define S390_CCW_DEVICE_CLASS(klass) \
    G_TYPE_CHECK_CLASS_CAST((klass), s390_ccw_device_get_type(), \
                            S390CCWDeviceClass)
#define S390_CCW_DEVICE_GET_CLASS(obj) \
    G_TYPE_INSTANCE_GET_CLASS((obj), s390_ccw_device_get_type(), \
                              S390CCWDeviceClass)

/** s390_ccw_subch: Returns: @dev's subchannel while realized. */
static inline SubchDev *s390_ccw_subch(S390CCWDevice *dev)
{
    return ((CcwDevice *)dev)->sch;
}

#endif /* HW_S390X_S390_CCW_H */
