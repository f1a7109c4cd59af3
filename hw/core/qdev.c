/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device and bus base types: plugging, realize/unrealize and reset.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "hw/qdev-core.h"

OBJECT_DEFINE_ABSTRACT_TYPE(DeviceState, DeviceClass, device, "device",
                            G_TYPE_OBJECT)

static void device_finalize(GObject *obj)
{
    DeviceState *dev = DEVICE(obj);

    /* Realized devices are held by their bus, so this cannot be one. */
    g_warn_if_fail(!dev->realized);
    g_free(dev->id);
    G_OBJECT_CLASS(device_parent_class)->finalize(obj);
}

static void device_class_init(DeviceClass *klass)
{
    G_OBJECT_CLASS(klass)->finalize = device_finalize;
}

static void device_init(DeviceState *dev G_GNUC_UNUSED)
{
}

char *qdev_label(DeviceState *dev)
{
    return g_strdup(dev->id ? dev->id : G_OBJECT_TYPE_NAME(dev));
}

bool qdev_realize(DeviceState *dev, BusState *bus, GError **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    g_return_val_if_fail(!dev->realized, false);

    /* The bus is set first so that realize can find its neighbours. */
    dev->parent_bus = bus;
    if (dc->realize && !dc->realize(dev, errp)) {
        dev->parent_bus = NULL;
        return false;
    }
    dev->realized = true;
    if (bus) {
        g_queue_push_tail(&bus->children, g_object_ref(dev));
    }
    return true;
}

void qdev_unrealize(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusState *bus = dev->parent_bus;

    if (!dev->realized) {
        return;
    }
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
    dev->realized = false;
    dev->parent_bus = NULL;
    if (bus && g_queue_remove(&bus->children, dev)) {
        g_object_unref(dev);
    }
}

void device_cold_reset(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (dev->realized && dc->reset) {
        dc->reset(dev);
    }
}

/* ---- hot-unplug notification ------------------------------------------ */

typedef struct UnplugNotifier {
    DeviceUnplugNotifyFn fn;
    void *opaque;
} UnplugNotifier;

/*
 * Who wants to hear of hot-unplugs (the QMP monitor, for DEVICE_DELETED).
 * A list rather than a call into the monitor keeps hw/ free of it.
 */
static GSList *unplug_notifiers;

void qdev_add_unplug_notifier(DeviceUnplugNotifyFn fn, void *opaque)
{
    UnplugNotifier *n = g_new0(UnplugNotifier, 1);

    n->fn = fn;
    n->opaque = opaque;
    unplug_notifiers = g_slist_append(unplug_notifiers, n);
}

void qdev_remove_unplug_notifier(DeviceUnplugNotifyFn fn, void *opaque)
{
    for (GSList *l = unplug_notifiers; l; l = l->next) {
        UnplugNotifier *n = l->data;

        if (n->fn == fn && n->opaque == opaque) {
            unplug_notifiers = g_slist_delete_link(unplug_notifiers, l);
            g_free(n);
            return;
        }
    }
}

void qdev_unplug_notify(DeviceState *dev, const char *bus_addr)
{
    for (GSList *l = unplug_notifiers; l; l = l->next) {
        UnplugNotifier *n = l->data;

        n->fn(dev, bus_addr, n->opaque);
    }
}

/* ---- buses ------------------------------------------------------------ */

OBJECT_DEFINE_TYPE(BusState, BusClass, bus, "bus", G_TYPE_OBJECT)

static void bus_dispose(GObject *obj)
{
    BusState *bus = BUS(obj);

    qbus_unrealize_all(bus);
    G_OBJECT_CLASS(bus_parent_class)->dispose(obj);
}

static void bus_finalize(GObject *obj)
{
    g_free(BUS(obj)->name);
    G_OBJECT_CLASS(bus_parent_class)->finalize(obj);
}

static void bus_class_init(BusClass *klass)
{
    G_OBJECT_CLASS(klass)->dispose = bus_dispose;
    G_OBJECT_CLASS(klass)->finalize = bus_finalize;
}

static void bus_init(BusState *bus)
{
    g_queue_init(&bus->children);
}

BusState *qbus_new(GType type, const char *name)
{
    BusState *bus = g_object_new(type, NULL);

    bus->name = g_strdup(name);
    return bus;
}

DeviceState *qbus_find_device(BusState *bus, const char *id)
{
    for (GList *l = bus->children.head; l; l = l->next) {
        DeviceState *dev = l->data;

        if (dev->id && g_str_equal(dev->id, id)) {
            return dev;
        }
    }
    return NULL;
}

void qbus_reset_all(BusState *bus)
{
    for (GList *l = bus->children.head; l; l = l->next) {
        device_cold_reset(l->data);
    }
}

void qbus_unrealize_all(BusState *bus)
{
    while (!g_queue_is_empty(&bus->children)) {
        qdev_unrealize(g_queue_peek_tail(&bus->children));
    }
}
