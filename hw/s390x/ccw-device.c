/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The CCW device base: one subchannel per device, placed at realize.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "hw/s390x/ccw-device.h"
#include "hw/s390x/css-bridge.h"

OBJECT_DEFINE_ABSTRACT_TYPE(CcwDevice, CcwDeviceClass, ccw_device,
                            TYPE_CCW_DEVICE, TYPE_DEVICE)

enum { PROP_0, PROP_DEVNO, N_PROPS };
static GParamSpec *ccw_device_props[N_PROPS];

static void ccw_device_set_property(GObject *obj, guint id,
                                    const GValue *value, GParamSpec *pspec)
{
    CcwDevice *dev = CCW_DEVICE(obj);

    switch (id) {
    case PROP_DEVNO:
        g_free(dev->devno);
        dev->devno = g_value_dup_string(value);   /* checked at realize */
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

static void ccw_device_get_property(GObject *obj, guint id, GValue *value,
                                    GParamSpec *pspec)
{
    CcwDevice *dev = CCW_DEVICE(obj);

    switch (id) {
    case PROP_DEVNO:
        if (dev->sch) {
            CssDevId did = css_sch_dev_id(dev->sch);

            g_value_take_string(value, css_devid_to_string(&did));
        } else {
            g_value_set_string(value, dev->devno);
        }
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

ChannelSubSys *ccw_device_css(CcwDevice *dev)
{
    BusState *bus = DEVICE(dev)->parent_bus;

    return bus ? VIRTUAL_CSS_BUS(bus)->css : NULL;
}

static bool ccw_device_realize(DeviceState *ds, GError **errp)
{
    CcwDevice *dev = CCW_DEVICE(ds);
    CcwDeviceClass *cc = CCW_DEVICE_GET_CLASS(dev);
    VirtualCssBus *bus = VIRTUAL_CSS_BUS(ds->parent_bus);
    g_autofree char *label = qdev_label(ds);

    dev->sch = css_create_sch(bus->css, dev->devno, cc->is_virtual,
                              bus->squash_mcss, label, errp);
    if (!dev->sch) {
        return false;
    }
    dev->sch->driver_data = dev;
    if (cc->realize_subch && !cc->realize_subch(dev, errp)) {
        css_destroy_sch(dev->sch);
        dev->sch = NULL;
        return false;
    }
    /* Only a device that appears at run time is news to the program. */
    css_generate_sch_crws(bus->css, dev->sch->cssid, dev->sch->ssid,
                          dev->sch->schid, ds->hotplugged, true);
    return true;
}

static void ccw_device_unrealize(DeviceState *ds)
{
    CcwDevice *dev = CCW_DEVICE(ds);
    CcwDeviceClass *cc = CCW_DEVICE_GET_CLASS(dev);

    if (cc->unrealize_subch) {
        cc->unrealize_subch(dev);
    }
    css_destroy_sch(dev->sch);
    dev->sch = NULL;
}

void ccw_device_unplug(CcwDevice *dev)
{
    CssDevId did;
    g_autofree char *devno = NULL;

    if (!DEVICE(dev)->realized) {
        return;
    }
    /*
     * The unplug notifiers (the monitor's DEVICE_DELETED) come after the
     * removal, when the device has lost its bus reference and its
     * subchannel: keep it alive and remember its device number for them.
     */
    did = css_sch_dev_id(dev->sch);
    devno = css_devid_to_string(&did);
    g_object_ref(dev);
    css_sch_unplug(dev->sch);
    qdev_unrealize(DEVICE(dev));
    qdev_unplug_notify(DEVICE(dev), devno);
    g_object_unref(dev);
}

CcwDevice *ccw_device_find(BusState *bus, const char *name)
{
    for (GList *l = bus->children.head; l; l = l->next) {
        CcwDevice *dev = CCW_DEVICE(l->data);
        CssDevId did = css_sch_dev_id(dev->sch);
        g_autofree char *devno = css_devid_to_string(&did);

        if (g_str_equal(devno, name) ||
            (DEVICE(dev)->id && g_str_equal(DEVICE(dev)->id, name))) {
            return dev;
        }
    }
    return NULL;
}

static void ccw_device_finalize(GObject *obj)
{
    g_free(CCW_DEVICE(obj)->devno);
    G_OBJECT_CLASS(ccw_device_parent_class)->finalize(obj);
}

static void ccw_device_class_init(CcwDeviceClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    DeviceClass *dc = DEVICE_CLASS(klass);

    oc->set_property = ccw_device_set_property;
    oc->get_property = ccw_device_get_property;
    oc->finalize = ccw_device_finalize;
    dc->bus_type = TYPE_VIRTUAL_CSS_BUS;
    dc->realize = ccw_device_realize;
    dc->unrealize = ccw_device_unrealize;

    ccw_device_props[PROP_DEVNO] =
        g_param_spec_string("devno", "devno",
                            "device number as cssid.ssid.devno (e.g. "
                            "fe.0.1234); default: the first free one",
                            NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
    g_object_class_install_properties(oc, N_PROPS, ccw_device_props);
}

static void ccw_device_init(CcwDevice *dev G_GNUC_UNUSED)
{
}
