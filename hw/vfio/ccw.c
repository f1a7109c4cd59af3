/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vfio-ccw: a host subchannel passed through to the guest by way of a
 * vfio-ccw mediated device (facts §3.6-3.8, §4).
 *
 * The guest's start, halt and clear functions become writes to the I/O
 * and async-command regions; the device's answer comes back as the errno
 * of that write (mapped to a condition code by css.c) and, later, as an
 * IRB in the I/O region announced on the IO eventfd.  All region payloads
 * that the architecture defines (ORB, SCSW, IRB, SCHIB, CRW) are
 * big-endian bytes; they are converted only by the copy_*_guest()
 * helpers of ioinst.h.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <glib-unix.h>
#include <sys/eventfd.h>
#include <linux/vfio_ccw.h>

#include "qemu/module.h"
#include "qom/object.h"
#include "hw/s390x/vfio-ccw.h"
#include "hw/vfio/vfio-ccw-regions.h"
#include "hw/vfio/vfio-kernel.h"

OBJECT_DEFINE_TYPE(VFIOCCWDevice, VFIOCCWDeviceClass, vfio_ccw_device,
                   TYPE_VFIO_CCW, s390_ccw_device_get_type())

enum { PROP_0, PROP_SYSFSDEV, PROP_FORCE_ORB_PFCH, N_PROPS };
static GParamSpec *vfio_ccw_props[N_PROPS];

static VFIOCCWDevice *from_s390(S390CCWDevice *dev)
{
    return VFIO_CCW_DEVICE(dev);
}

static SubchDev *vcdev_sch(VFIOCCWDevice *vcdev)
{
    return CCW_DEVICE(vcdev)->sch;
}

/*
 * Write a region, retrying while the mdev says it is busy with an
 * earlier request (-EAGAIN).  The retries are bounded: a device that
 * stays busy gets its -EAGAIN passed on, which css.c turns into a unit
 * exception rather than a hung CPU.
 */
static ssize_t region_write_retry(VFIOCCWDevice *vcdev, const VFIORegion *r,
                                  const void *buf, size_t len)
{
    ssize_t ret = -EAGAIN;

    for (int i = 0; i < VFIO_CCW_EAGAIN_RETRIES && ret == -EAGAIN; i++) {
        ret = vcdev->vdev.ops->region_write(&vcdev->vdev, r->index, 0, buf,
                                            len);
    }
    if (ret >= 0 && (size_t)ret != len) {
        /* A partial write of a request region is a broken device. */
        ret = -EIO;
    }
    return ret;
}

static IOInstEnding vfio_ccw_handle_request(S390CCWDevice *dev)
{
    VFIOCCWDevice *vcdev = from_s390(dev);
    SubchDev *sch = vcdev_sch(vcdev);
    struct ccw_io_region region;
    ssize_t ret;

    if (vcdev->broken) {
        return IOINST_CC_NOT_OPERATIONAL;
    }
    if (!(sch->orb.ctrl0 & ORB_CTRL0_MASK_PFCH) && vcdev->force_orb_pfch) {
        sch->orb.ctrl0 |= ORB_CTRL0_MASK_PFCH;
        if (!vcdev->warned_orb_pfch) {
            g_autofree char *label = qdev_label(DEVICE(vcdev));

            vcdev->warned_orb_pfch = true;
            g_printerr("qemu-system-s390x: warning: vfio-ccw '%s': "
                       "force-orb-pfch: the guest's channel programs are "
                       "run as if prefetch were allowed\n", label);
        }
    }
    memset(&region, 0, sizeof(region));
    copy_orb_to_guest(region.orb_area, &sch->orb);
    copy_scsw_to_guest(region.scsw_area, &sch->curr_status.scsw);
    ret = region_write_retry(vcdev, &vcdev->io, &region, sizeof(region));
    /* One switch maps the mdev's errno for every transport: css.c. */
    return css_sch_map_start_errno(sch, ret < 0 ? (int)ret : 0);
}

/* HSCH/CSCH through the async-command region (host-order command word). */
static int vfio_ccw_async_cmd(VFIOCCWDevice *vcdev, uint32_t command)
{
    struct ccw_cmd_region region = { .command = command };
    ssize_t ret;

    if (vcdev->broken) {
        return -ENODEV;
    }
    if (!vcdev->has_async) {
        /* Old kernels: css.c emulates halt and clear. */
        return -ENOSYS;
    }
    ret = region_write_retry(vcdev, &vcdev->async, &region, sizeof(region));
    return ret < 0 ? (int)ret : 0;
}

static int vfio_ccw_handle_halt(S390CCWDevice *dev)
{
    return vfio_ccw_async_cmd(from_s390(dev), VFIO_CCW_ASYNC_CMD_HSCH);
}

static int vfio_ccw_handle_clear(S390CCWDevice *dev)
{
    return vfio_ccw_async_cmd(from_s390(dev), VFIO_CCW_ASYNC_CMD_CSCH);
}

/* STSCH: the host SCHIB, from which css.c takes the path masks. */
static int vfio_ccw_handle_store(S390CCWDevice *dev, SCHIB *host)
{
    VFIOCCWDevice *vcdev = from_s390(dev);
    struct ccw_schib_region region;
    ssize_t ret;

    if (vcdev->broken || !vcdev->has_schib) {
        return -ENODEV;
    }
    ret = vcdev->vdev.ops->region_read(&vcdev->vdev, vcdev->schib.index, 0,
                                       &region, sizeof(region));
    if (ret < 0) {
        return (int)ret;
    }
    if ((size_t)ret != sizeof(region)) {
        return -EIO;
    }
    copy_schib_from_guest(region.schib_area, host);
    return 0;
}

static void vfio_ccw_reset(S390CCWDevice *dev)
{
    VFIOCCWDevice *vcdev = from_s390(dev);

    if (!vcdev->broken && vcdev->vdev.ops && vcdev->vdev.ops->reset) {
        vcdev->vdev.ops->reset(&vcdev->vdev);
    }
}

/* ---- interrupts ---------------------------------------------------------- */

/* Drain an eventfd; Returns: false if it is gone. */
static bool eventfd_drain(int fd)
{
    eventfd_t v;

    return eventfd_read(fd, &v) == 0 || errno == EAGAIN;
}

/* IO: the mdev stored an IRB in the I/O region (facts §3.8). */
static gboolean vfio_ccw_io_notify(gint fd, GIOCondition cond, gpointer opaque)
{
    VFIOCCWDevice *vcdev = opaque;
    SubchDev *sch = vcdev_sch(vcdev);
    struct ccw_io_region region;
    ssize_t ret;

    eventfd_drain(fd);
    if (vcdev->broken) {
        return G_SOURCE_CONTINUE;
    }
    ret = vcdev->vdev.ops->region_read(&vcdev->vdev, vcdev->io.index, 0,
                                       &region, sizeof(region));
    if (ret < 0) {
        css_sch_host_irb_error(sch, (int)-ret);
    } else if ((size_t)ret != sizeof(region)) {
        css_sch_host_irb_error(sch, 0);
    } else {
        css_sch_merge_host_irb(sch, region.irb_area);
    }
    return G_SOURCE_CONTINUE;
}

/*
 * CRW: the mdev has channel reports; each read of the CRW region takes one
 * (zero when none is left).  They go to the guest unchanged: it sees the
 * host's CHPIDs.  Bounded, so a device that never runs dry cannot spin.
 */
static gboolean vfio_ccw_crw_notify(gint fd, GIOCondition cond,
                                    gpointer opaque)
{
    VFIOCCWDevice *vcdev = opaque;
    SubchDev *sch = vcdev_sch(vcdev);

    eventfd_drain(fd);
    for (int i = 0; i < 256 && !vcdev->broken && vcdev->has_crw; i++) {
        struct ccw_crw_region region;
        ssize_t ret = vcdev->vdev.ops->region_read(&vcdev->vdev,
                                                   vcdev->crw.index, 0,
                                                   &region, sizeof(region));
        uint32_t crw;

        if (ret != (ssize_t)sizeof(region)) {
            break;
        }
        crw = ldl_be_p(&region.crw);        /* an architected word */
        if (!crw) {
            break;
        }
        css_queue_host_crw(sch->css, crw);
    }
    return G_SOURCE_CONTINUE;
}

static gboolean vfio_ccw_unplug_idle(gpointer opaque)
{
    VFIOCCWDevice *vcdev = opaque;

    vcdev->unplug_idle = 0;
    ccw_device_unplug(CCW_DEVICE(vcdev));
    return G_SOURCE_REMOVE;
}

/*
 * REQ: the host wants the device back (mdev removal).  Unplug it as
 * device_del would, from an idle callback: not from inside its own
 * interrupt handler, whose source the unplug removes.
 */
static gboolean vfio_ccw_req_notify(gint fd, GIOCondition cond,
                                    gpointer opaque)
{
    VFIOCCWDevice *vcdev = opaque;

    eventfd_drain(fd);
    if (!vcdev->unplug_idle) {
        vcdev->unplug_idle = g_idle_add(vfio_ccw_unplug_idle, vcdev);
    }
    return G_SOURCE_CONTINUE;
}

static int vfio_ccw_register_irq(VFIOCCWDevice *vcdev, uint32_t index,
                                 VFIOCCWIrq *irq, GUnixFDSourceFunc fn)
{
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    int ret;

    if (fd < 0) {
        return -errno;
    }
    ret = vcdev->vdev.ops->set_irq_eventfd(&vcdev->vdev, index, fd);
    if (ret < 0) {
        close(fd);
        return ret;
    }
    irq->fd = fd;
    irq->source = g_unix_fd_add(fd, G_IO_IN, fn, vcdev);
    return 0;
}

static void vfio_ccw_unregister_irq(VFIOCCWDevice *vcdev, uint32_t index,
                                    VFIOCCWIrq *irq)
{
    if (irq->fd < 0) {
        return;
    }
    if (!vcdev->broken) {
        vcdev->vdev.ops->set_irq_eventfd(&vcdev->vdev, index, -1);
    }
    g_source_remove(irq->source);
    close(irq->fd);
    irq->fd = -1;
    irq->source = 0;
}

void vfio_ccw_transport_failed(VFIOCCWDevice *vcdev)
{
    SubchDev *sch = vcdev_sch(vcdev);

    if (vcdev->broken) {
        return;
    }
    vcdev->broken = true;
    if (!sch) {
        return;
    }
    /* A program in flight gets the deferred cc 3 of a vanished device. */
    if (sch->curr_status.scsw.ctrl & SCSW_CTRL_MASK_FCTL &&
        !(sch->curr_status.scsw.ctrl & SCSW_STCTL_STATUS_PEND)) {
        css_sch_host_irb_error(sch, ENODEV);
    }
    css_sch_report_error(sch, CRW_ERC_PERRN);
}

/* ---- realize ----------------------------------------------------------- */

static bool vfio_ccw_attach(S390CCWDevice *dev, GError **errp)
{
    VFIOCCWDevice *vcdev = from_s390(dev);
    VFIOCCWDeviceClass *k = VFIO_CCW_DEVICE_GET_CLASS(vcdev);
    VFIOCcwRegions regions;
    VFIOCcwIrqs irqs;
    int ret;

    if (!k->attach_transport(vcdev, errp)) {
        return false;
    }
    if (!vfio_ccw_find_regions(&vcdev->vdev, &regions, errp) ||
        !vfio_ccw_check_irqs(&vcdev->vdev, &irqs, errp)) {
        goto out_detach;
    }
    vcdev->io = regions.io;
    vcdev->async = regions.async;
    vcdev->schib = regions.schib;
    vcdev->crw = regions.crw;
    vcdev->has_async = regions.has_async;
    vcdev->has_schib = regions.has_schib;
    vcdev->has_crw = regions.has_crw;

    ret = vfio_ccw_register_irq(vcdev, VFIO_CCW_IO_IRQ_INDEX, &vcdev->io_irq,
                                vfio_ccw_io_notify);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-ccw: %s: cannot register the I/O interrupt: %s",
                    vcdev->vdev.name, g_strerror(-ret));
        goto out_detach;
    }
    if (vcdev->has_crw) {
        /* Channel reports come only through their interrupt (facts §3.11). */
        if (!irqs.has_crw) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                        "vfio-ccw: %s: has a CRW region but no CRW interrupt",
                        vcdev->vdev.name);
            goto out_unregister_io_irq;
        }
        ret = vfio_ccw_register_irq(vcdev, VFIO_CCW_CRW_IRQ_INDEX,
                                    &vcdev->crw_irq, vfio_ccw_crw_notify);
        if (ret < 0) {
            g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                        "vfio-ccw: %s: cannot register the CRW interrupt: %s",
                        vcdev->vdev.name, g_strerror(-ret));
            goto out_unregister_io_irq;
        }
    }
    if (!irqs.has_req ||
        vfio_ccw_register_irq(vcdev, VFIO_CCW_REQ_IRQ_INDEX, &vcdev->req_irq,
                              vfio_ccw_req_notify) < 0) {
        /* Without it the host cannot ask for the device back: not fatal. */
        g_printerr("qemu-system-s390x: warning: vfio-ccw: %s: no request "
                   "interrupt; the host cannot ask to release it\n",
                   vcdev->vdev.name);
    }
    return true;

out_unregister_io_irq:
    vfio_ccw_unregister_irq(vcdev, VFIO_CCW_IO_IRQ_INDEX, &vcdev->io_irq);
out_detach:
    k->detach_transport(vcdev);
    return false;
}

static void vfio_ccw_detach(S390CCWDevice *dev)
{
    VFIOCCWDevice *vcdev = from_s390(dev);
    VFIOCCWDeviceClass *k = VFIO_CCW_DEVICE_GET_CLASS(vcdev);

    if (vcdev->unplug_idle) {
        g_source_remove(vcdev->unplug_idle);
        vcdev->unplug_idle = 0;
    }
    vfio_ccw_unregister_irq(vcdev, VFIO_CCW_REQ_IRQ_INDEX, &vcdev->req_irq);
    vfio_ccw_unregister_irq(vcdev, VFIO_CCW_CRW_IRQ_INDEX, &vcdev->crw_irq);
    vfio_ccw_unregister_irq(vcdev, VFIO_CCW_IO_IRQ_INDEX, &vcdev->io_irq);
    k->detach_transport(vcdev);
}

/* ---- the kernel transport ---------------------------------------------- */

/*
 * sysfsdev -> host subchannel, IOMMU group, path masks (sysfs), then the
 * container, group and device fd with guest RAM mapped for DMA.
 */
static bool vfio_ccw_attach_kernel(VFIOCCWDevice *vcdev, GError **errp)
{
    S390CCWDevice *sdev = S390_CCW_DEVICE(vcdev);
    GuestRAM *ram = css_guest_ram(ccw_device_css(CCW_DEVICE(vcdev)));
    VFIOCcwHostInfo info = { 0 };
    bool ok;

    ok = vfio_ccw_sysfs_resolve(NULL, vcdev->sysfsdev, &info, errp) &&
         vfio_kernel_attach(&vcdev->vdev, NULL, &info, ram, errp);
    if (ok) {
        sdev->host.cssid = info.cssid;
        sdev->host.ssid = info.ssid;
        sdev->host.schno = info.schno;
        sdev->host.devno = info.has_devno ? info.devno : -1;
        sdev->host.pim = info.pim;
        sdev->host.pam = info.pam;
        sdev->host.pom = info.pom;
        memcpy(sdev->host.chpids, info.chpids, sizeof(info.chpids));
        memcpy(sdev->host.chpid_types, info.chpid_types,
               sizeof(info.chpid_types));
    }
    vfio_ccw_host_info_clear(&info);
    return ok;
}

static void vfio_ccw_detach_kernel(VFIOCCWDevice *vcdev)
{
    vfio_kernel_detach(&vcdev->vdev);
}

/* ---- properties and type ----------------------------------------------- */

static void vfio_ccw_set_property(GObject *obj, guint id, const GValue *value,
                                  GParamSpec *pspec)
{
    VFIOCCWDevice *vcdev = VFIO_CCW_DEVICE(obj);

    switch (id) {
    case PROP_SYSFSDEV:
        g_free(vcdev->sysfsdev);
        vcdev->sysfsdev = g_value_dup_string(value);
        break;
    case PROP_FORCE_ORB_PFCH:
        vcdev->force_orb_pfch = g_value_get_boolean(value);
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

static void vfio_ccw_get_property(GObject *obj, guint id, GValue *value,
                                  GParamSpec *pspec)
{
    VFIOCCWDevice *vcdev = VFIO_CCW_DEVICE(obj);

    switch (id) {
    case PROP_SYSFSDEV:
        g_value_set_string(value, vcdev->sysfsdev);
        break;
    case PROP_FORCE_ORB_PFCH:
        g_value_set_boolean(value, vcdev->force_orb_pfch);
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

static void vfio_ccw_finalize(GObject *obj)
{
    VFIOCCWDevice *vcdev = VFIO_CCW_DEVICE(obj);

    g_free(vcdev->sysfsdev);
    g_free(vcdev->vdev.name);
    G_OBJECT_CLASS(vfio_ccw_device_parent_class)->finalize(obj);
}

static void vfio_ccw_device_class_init(VFIOCCWDeviceClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    DeviceClass *dc = DEVICE_CLASS(klass);
    S390CCWDeviceClass *sc = S390_CCW_DEVICE_CLASS(klass);
    const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

    oc->set_property = vfio_ccw_set_property;
    oc->get_property = vfio_ccw_get_property;
    oc->finalize = vfio_ccw_finalize;
    dc->desc = "VFIO-based subchannel assignment (kernel vfio_ccw mdev)";
    dc->user_creatable = true;
    sc->attach = vfio_ccw_attach;
    sc->detach = vfio_ccw_detach;
    sc->handle_request = vfio_ccw_handle_request;
    sc->handle_halt = vfio_ccw_handle_halt;
    sc->handle_clear = vfio_ccw_handle_clear;
    sc->handle_store = vfio_ccw_handle_store;
    sc->reset = vfio_ccw_reset;
    klass->attach_transport = vfio_ccw_attach_kernel;
    klass->detach_transport = vfio_ccw_detach_kernel;

    vfio_ccw_props[PROP_SYSFSDEV] =
        g_param_spec_string("sysfsdev", "sysfsdev",
                            "sysfs path of the vfio-ccw mediated device, "
                            "e.g. /sys/bus/mdev/devices/UUID", NULL, rw);
    vfio_ccw_props[PROP_FORCE_ORB_PFCH] =
        g_param_spec_boolean("force-orb-pfch", "force-orb-pfch",
                             "set the prefetch bit in every ORB (for hosts "
                             "that refuse ORBs without it)", FALSE, rw);
    g_object_class_install_properties(oc, N_PROPS, vfio_ccw_props);
}

static void vfio_ccw_device_init(VFIOCCWDevice *vcdev)
{
    vcdev->io_irq.fd = vcdev->crw_irq.fd = vcdev->req_irq.fd = -1;
}

static void vfio_ccw_register(void)
{
    g_type_ensure(vfio_ccw_device_get_type());
}

type_init(vfio_ccw_register)
