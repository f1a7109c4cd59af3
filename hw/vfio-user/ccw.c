/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vfio-user-ccw: the vfio-ccw device over a vfio-user socket.
 *
 *   -device vfio-user-ccw,socket=PATH[,devno=C.S.DDDD][,force-orb-pfch=on]
 *
 * Everything above the transport (regions, handle_request, IRB merge,
 * IRQs) is vfio-ccw's; this type only swaps how the mediated device is
 * reached: a socket to a vfio-user server such as contrib/vfio-user-ccw,
 * which learns guest RAM through DMA_MAP of its memfd.  The host identity
 * that the kernel path reads from sysfs comes from the server's
 * device-identity region (docs/interop/vfio-user-ccw.rst).  If the server
 * goes away the machine keeps running: the subchannel becomes not
 * operational and a channel report says so.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "qemu/module.h"
#include "qom/object.h"
#include "hw/s390x/vfio-ccw.h"
#include "hw/vfio-user/device.h"

#define TYPE_VFIO_USER_CCW "vfio-user-ccw"

/*
 * The channel-path type reported for the server's paths in CHSC
 * (the identity region has none): FICON, what a 3390 sits behind.
 */
#define VFIO_USER_CCW_CHPID_TYPE 0x1a

typedef struct VFIOUserCCWDevice {
    VFIOCCWDevice parent_obj;
    char *socket;
} VFIOUserCCWDevice;

typedef struct VFIOUserCCWDeviceClass {
    VFIOCCWDeviceClass parent_class;
} VFIOUserCCWDeviceClass;

static GType vfio_user_ccw_device_get_type(void);
#define VFIO_USER_CCW_DEVICE(obj) \
    G_TYPE_CHECK_INSTANCE_CAST((obj), vfio_user_ccw_device_get_type(), \
                               VFIOUserCCWDevice)

OBJECT_DEFINE_TYPE(VFIOUserCCWDevice, VFIOUserCCWDeviceClass,
                   vfio_user_ccw_device, TYPE_VFIO_USER_CCW,
                   vfio_ccw_device_get_type())

enum { PROP_0, PROP_SOCKET, N_PROPS };
static GParamSpec *vfio_user_ccw_props[N_PROPS];

static void vfio_user_ccw_dead(void *opaque)
{
    VFIOCCWDevice *vcdev = opaque;
    g_autofree char *label = qdev_label(DEVICE(vcdev));

    g_printerr("qemu-system-s390x: vfio-user-ccw '%s': the server at %s went "
               "away; the subchannel is not operational now\n", label,
               vcdev->vdev.name ? vcdev->vdev.name : "?");
    vfio_ccw_transport_failed(vcdev);
}

/* The identity region: host subchannel id, devno and CHPIDs. */
static bool read_identity(VFIOCCWDevice *vcdev, GError **errp)
{
    S390CCWDevice *sdev = S390_CCW_DEVICE(vcdev);
    VFIODevice *vdev = &vcdev->vdev;
    VFIORegion region;
    VFIOUserCCWId id;
    SCHIB schib;
    ssize_t n;
    int ret;

    ret = vdev->ops->get_region_info(vdev, VFIO_USER_CCW_ID_REGION_INDEX,
                                     &region);
    if (ret < 0 || region.type != VFIO_REGION_TYPE_CCW ||
        region.subtype != VFIO_USER_CCW_REGION_SUBTYPE_ID ||
        region.size < sizeof(id)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "vfio-user-ccw %s: no device-identity region (index %d): "
                    "%s", vdev->name, VFIO_USER_CCW_ID_REGION_INDEX,
                    ret < 0 ? g_strerror(-ret) : "wrong type or size");
        return false;
    }
    n = vdev->ops->region_read(vdev, region.index, 0, &id, sizeof(id));
    if (n != (ssize_t)sizeof(id) || id.version < VFIO_USER_CCW_ID_VERSION ||
        id.size < sizeof(id) || id.ssid > 3) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                    "vfio-user-ccw %s: unusable device-identity region",
                    vdev->name);
        return false;
    }
    sdev->host.cssid = id.cssid;
    sdev->host.ssid = id.ssid;
    sdev->host.schno = id.schno;
    sdev->host.devno = id.devno;
    sdev->host.pim = id.pim;
    for (int i = 0; i < 8; i++) {
        bool installed = id.pim & (0x80 >> i);

        sdev->host.chpids[i] = installed ? id.chpid[i] : 0;
        sdev->host.chpid_types[i] = installed ? VFIO_USER_CCW_CHPID_TYPE : 0;
    }
    /* PAM/POM as the host's STSCH gives them; all installed if unknown. */
    sdev->host.pam = id.pim;
    sdev->host.pom = 0xff;
    if (S390_CCW_DEVICE_GET_CLASS(sdev)->handle_store &&
        vcdev->vdev.ops->region_read) {
        VFIORegion sr;

        if (vdev->ops->get_region_info(vdev, VFIO_USER_CCW_SCHIB_REGION_INDEX,
                                       &sr) == 0 &&
            sr.size == sizeof(struct ccw_schib_region)) {
            struct ccw_schib_region buf;

            if (vdev->ops->region_read(vdev, sr.index, 0, &buf,
                                       sizeof(buf)) == (ssize_t)sizeof(buf)) {
                copy_schib_from_guest(buf.schib_area, &schib);
                sdev->host.pam = schib.pmcw.pam;
                sdev->host.pom = schib.pmcw.pom;
            }
        }
    }
    return true;
}

static bool vfio_user_ccw_attach_transport(VFIOCCWDevice *vcdev,
                                           GError **errp)
{
    VFIOUserCCWDevice *udev = VFIO_USER_CCW_DEVICE(vcdev);
    GuestRAM *ram = css_guest_ram(ccw_device_css(CCW_DEVICE(vcdev)));
    VFIOUserProxy *proxy;

    if (!udev->socket || !*udev->socket) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "vfio-user-ccw: socket is required (e.g. "
                    "socket=/run/vfio-user-ccw.sock)");
        return false;
    }
    if (vcdev->sysfsdev) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "vfio-user-ccw: sysfsdev is for vfio-ccw; give socket= "
                    "only");
        return false;
    }
    proxy = vfio_user_connect(udev->socket, errp);
    if (!proxy) {
        return false;
    }
    if (!vfio_user_device_attach(&vcdev->vdev, proxy, ram, udev->socket,
                                 errp)) {
        return false;
    }
    if (!read_identity(vcdev, errp)) {
        vcdev->vdev.ops->detach(&vcdev->vdev);
        return false;
    }
    vfio_user_set_dead_notify(proxy, vfio_user_ccw_dead, vcdev);
    return true;
}

static void vfio_user_ccw_detach_transport(VFIOCCWDevice *vcdev)
{
    if (vcdev->vdev.ops) {
        vcdev->vdev.ops->detach(&vcdev->vdev);
    }
}

static void vfio_user_ccw_set_property(GObject *obj, guint id,
                                       const GValue *value, GParamSpec *pspec)
{
    VFIOUserCCWDevice *udev = VFIO_USER_CCW_DEVICE(obj);

    switch (id) {
    case PROP_SOCKET:
        g_free(udev->socket);
        udev->socket = g_value_dup_string(value);
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

static void vfio_user_ccw_get_property(GObject *obj, guint id, GValue *value,
                                       GParamSpec *pspec)
{
    VFIOUserCCWDevice *udev = VFIO_USER_CCW_DEVICE(obj);

    switch (id) {
    case PROP_SOCKET:
        g_value_set_string(value, udev->socket);
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

static void vfio_user_ccw_finalize(GObject *obj)
{
    g_free(VFIO_USER_CCW_DEVICE(obj)->socket);
    G_OBJECT_CLASS(vfio_user_ccw_device_parent_class)->finalize(obj);
}

static void vfio_user_ccw_device_class_init(VFIOUserCCWDeviceClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    DeviceClass *dc = DEVICE_CLASS(klass);
    VFIOCCWDeviceClass *vc = VFIO_CCW_DEVICE_CLASS(klass);

    oc->set_property = vfio_user_ccw_set_property;
    oc->get_property = vfio_user_ccw_get_property;
    oc->finalize = vfio_user_ccw_finalize;
    dc->desc = "vfio-ccw subchannel served over a vfio-user socket "
               "(e.g. by vfio-user-ccw)";
    dc->user_creatable = true;
    vc->attach_transport = vfio_user_ccw_attach_transport;
    vc->detach_transport = vfio_user_ccw_detach_transport;

    vfio_user_ccw_props[PROP_SOCKET] =
        g_param_spec_string("socket", "socket",
                            "path of the vfio-user server's UNIX socket",
                            NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
    g_object_class_install_properties(oc, N_PROPS, vfio_user_ccw_props);
}

static void vfio_user_ccw_device_init(VFIOUserCCWDevice *udev G_GNUC_UNUSED)
{
}

static void vfio_user_ccw_register(void)
{
    g_type_ensure(vfio_user_ccw_device_get_type());
}

type_init(vfio_user_ccw_register)
