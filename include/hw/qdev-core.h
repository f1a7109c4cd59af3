/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-core.h: the device and bus base types (GObject) with QEMU's
 * vocabulary.
 *
 * A device is a GObject whose class says what it is (@desc), which bus it
 * plugs into (@bus_type) and how it comes to life: properties are set
 * first (GParamSpecs, each with a blurb, so `-device TYPE,help` is
 * generated), then realize() validates them and connects the device, or
 * fails with one GError naming the device, the property and the value.
 * unrealize() undoes exactly what realize() did, in reverse order.
 *
 * Who may call: the command line, the monitor, machine code and tests.
 */
#ifndef HW_QDEV_CORE_H
#define HW_QDEV_CORE_H

#include <stdbool.h>
#include <glib-object.h>

typedef struct BusState BusState;
typedef struct DeviceState DeviceState;

#define TYPE_DEVICE (device_get_type())
#define DEVICE(obj) G_TYPE_CHECK_INSTANCE_CAST((obj), TYPE_DEVICE, DeviceState)
#define DEVICE_CLASS(klass) \
    G_TYPE_CHECK_CLASS_CAST((klass), TYPE_DEVICE, DeviceClass)
#define DEVICE_GET_CLASS(obj) \
    G_TYPE_INSTANCE_GET_CLASS((obj), TYPE_DEVICE, DeviceClass)
#define IS_DEVICE(obj) G_TYPE_CHECK_INSTANCE_TYPE((obj), TYPE_DEVICE)

/**
 * DeviceState: the common part of every device instance.
 * @id: the user's name for it (-device ...,id=NAME), or NULL.
 * @realized: true between a successful realize and unrealize.
 * @hotplugged: realized after the machine started (e.g. by device_add).
 * @parent_bus: the bus it is plugged into while realized, else NULL.
 */
struct DeviceState {
    GObject parent_instance;
    char *id;
    bool realized;
    bool hotplugged;
    BusState *parent_bus;
};

/**
 * DeviceClass: what a device type is and how it lives.
 * @desc: one line for `-device help`.
 * @bus_type: GType name of the bus type it plugs into, or NULL.
 * @user_creatable: may be created with -device / device_add.
 * @realize: validate properties and connect; on failure set @errp (one
 *           message: device, property or step, value or errno text) and
 *           return false having undone everything.
 * @unrealize: undo realize, in reverse order. May be NULL.
 * @reset: back to the power-on state (system reset). May be NULL.
 */
typedef struct DeviceClass {
    GObjectClass parent_class;

    const char *desc;
    const char *bus_type;
    bool user_creatable;

    bool (*realize)(DeviceState *dev, GError **errp);
    void (*unrealize)(DeviceState *dev);
    void (*reset)(DeviceState *dev);
} DeviceClass;

GType device_get_type(void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DeviceState, g_object_unref)

/**
 * qdev_realize: plug @dev into @bus (may be NULL for a bus-less device)
 * and realize it.  The bus takes a reference.
 * Returns: true on success; false with @errp set and @dev unplugged.
 */
bool qdev_realize(DeviceState *dev, BusState *bus, GError **errp);

/** qdev_unrealize: unrealize @dev and unplug it from its bus (drops the bus's reference). */
void qdev_unrealize(DeviceState *dev);

/** device_cold_reset: run the class reset hook of a realized @dev. */
void device_cold_reset(DeviceState *dev);

/**
 * qdev_label: Returns: a name for messages, unquoted: the device's id if
 * it has one, else its type name; owned by the caller.
 */
char *qdev_label(DeviceState *dev);

/**
 * DeviceUnplugNotifyFn: told that a device was hot-unplugged.
 * @dev: the device, unrealized and off its bus but still alive (its id
 *     and type may be read) until the notifiers return.
 * @bus_addr: where it sat on its bus, which it no longer knows (for a
 *     CCW device its "cssid.ssid.devno", e.g. "fe.0.0001"), or NULL.
 */
typedef void (*DeviceUnplugNotifyFn)(DeviceState *dev, const char *bus_addr,
                                     void *opaque);

/**
 * qdev_add_unplug_notifier: call @fn(dev, bus_addr, @opaque) after each
 * hot-unplug, whatever asked for it (the monitor's device_del, a host
 * asking for its device back).  The monitor uses it for DEVICE_DELETED.
 */
void qdev_add_unplug_notifier(DeviceUnplugNotifyFn fn, void *opaque);

/** qdev_remove_unplug_notifier: undo qdev_add_unplug_notifier(@fn, @opaque). */
void qdev_remove_unplug_notifier(DeviceUnplugNotifyFn fn, void *opaque);

/**
 * qdev_unplug_notify: run the unplug notifiers for @dev; called by the
 * bus's unplug code right after it unrealized @dev, while it still holds
 * a reference (not at machine teardown, which is no hot-unplug).
 */
void qdev_unplug_notify(DeviceState *dev, const char *bus_addr);

/* ---- buses ------------------------------------------------------------ */

#define TYPE_BUS (bus_get_type())
#define BUS(obj) G_TYPE_CHECK_INSTANCE_CAST((obj), TYPE_BUS, BusState)
#define IS_BUS(obj) G_TYPE_CHECK_INSTANCE_TYPE((obj), TYPE_BUS)

/**
 * BusState: a set of plugged devices.
 * @name: the bus's name for messages.
 * @children: the realized devices on it, in plug order (references held).
 */
struct BusState {
    GObject parent_instance;
    char *name;
    GQueue children;
};

typedef struct BusClass {
    GObjectClass parent_class;
} BusClass;

GType bus_get_type(void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(BusState, g_object_unref)

/** qbus_new: Returns: a new bus of @type (a TYPE_BUS subtype) named @name. */
BusState *qbus_new(GType type, const char *name);

/** qbus_find_device: Returns: the device with id @id on @bus, or NULL (no reference). */
DeviceState *qbus_find_device(BusState *bus, const char *id);

/** qbus_reset_all: reset every device on @bus, in plug order. */
void qbus_reset_all(BusState *bus);

/** qbus_unrealize_all: unrealize every device on @bus, last plugged first. */
void qbus_unrealize_all(BusState *bus);

#endif /* HW_QDEV_CORE_H */
