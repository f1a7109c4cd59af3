/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The passthrough device base: host identity, the guest SCHIB built from
 * the host's, and the route from the channel subsystem's callbacks to the
 * device class (facts §3.9, §3.11).
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "hw/s390x/s390-ccw.h"

OBJECT_DEFINE_ABSTRACT_TYPE(S390CCWDevice, S390CCWDeviceClass, s390_ccw_device,
                            TYPE_S390_CCW, ccw_device_get_type())

static S390CCWDevice *sch_dev(SubchDev *sch)
{
    return S390_CCW_DEVICE(sch->driver_data);
}

static IOInstEnding s390_ccw_handle_request(SubchDev *sch)
{
    S390CCWDevice *dev = sch_dev(sch);
    S390CCWDeviceClass *k = S390_CCW_DEVICE_GET_CLASS(dev);

    /* A device that cannot start I/O answers as QEMU does: cc 1. */
    return k->handle_request ? k->handle_request(dev)
                             : IOINST_CC_STATUS_PRESENT;
}

static int s390_ccw_handle_halt(SubchDev *sch)
{
    S390CCWDevice *dev = sch_dev(sch);
    S390CCWDeviceClass *k = S390_CCW_DEVICE_GET_CLASS(dev);

    return k->handle_halt ? k->handle_halt(dev) : -ENOSYS;
}

static int s390_ccw_handle_clear(SubchDev *sch)
{
    S390CCWDevice *dev = sch_dev(sch);
    S390CCWDeviceClass *k = S390_CCW_DEVICE_GET_CLASS(dev);

    return k->handle_clear ? k->handle_clear(dev) : -ENOSYS;
}

static int s390_ccw_handle_store(SubchDev *sch, SCHIB *host)
{
    S390CCWDevice *dev = sch_dev(sch);
    S390CCWDeviceClass *k = S390_CCW_DEVICE_GET_CLASS(dev);

    return k->handle_store ? k->handle_store(dev, host) : -ENOSYS;
}

static void s390_ccw_reset(SubchDev *sch)
{
    S390CCWDevice *dev = sch_dev(sch);
    S390CCWDeviceClass *k = S390_CCW_DEVICE_GET_CLASS(dev);

    if (k->reset) {
        k->reset(dev);
    }
}

static const SubchDevOps s390_ccw_subch_ops = {
    .handle_request = s390_ccw_handle_request,
    .handle_halt = s390_ccw_handle_halt,
    .handle_clear = s390_ccw_handle_clear,
    .handle_store = s390_ccw_handle_store,
    .reset = s390_ccw_reset,
};

/*
 * QEMU's order: host first, then the SCHIB from the host's masks and
 * CHPIDs; the guest's devno and subchannel number are our own.
 */
static bool s390_ccw_realize_subch(CcwDevice *cdev, GError **errp)
{
    S390CCWDevice *dev = S390_CCW_DEVICE(cdev);
    S390CCWDeviceClass *k = S390_CCW_DEVICE_GET_CLASS(dev);

    dev->host.devno = -1;
    if (k->attach && !k->attach(dev, errp)) {
        return false;
    }
    css_sch_build_schib(cdev->sch, dev->host.pim, dev->host.pam,
                        dev->host.pom, dev->host.chpids,
                        dev->host.chpid_types);
    cdev->sch->ops = &s390_ccw_subch_ops;
    return true;
}

static void s390_ccw_unrealize_subch(CcwDevice *cdev)
{
    S390CCWDevice *dev = S390_CCW_DEVICE(cdev);
    S390CCWDeviceClass *k = S390_CCW_DEVICE_GET_CLASS(dev);

    cdev->sch->ops = NULL;
    if (k->detach) {
        k->detach(dev);
    }
}

static void s390_ccw_device_class_init(S390CCWDeviceClass *klass)
{
    CcwDeviceClass *cc = CCW_DEVICE_CLASS(klass);

    cc->is_virtual = false;
    cc->realize_subch = s390_ccw_realize_subch;
    cc->unrealize_subch = s390_ccw_unrealize_subch;
}

static void s390_ccw_device_init(S390CCWDevice *dev G_GNUC_UNUSED)
{
}
