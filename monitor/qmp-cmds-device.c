/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hot-plug from the monitor: device_add, device_del and the
 * DEVICE_DELETED event.
 *
 * device_add takes what -device takes: its arguments become the option
 * pairs "driver,key=value,..." and go through the same code as the
 * command line (qdev_device_new_from_pairs(), machine_device_add()), so a
 * property is accepted or refused with the same message in both places.
 * The device is marked hot-plugged before it is realized: a CCW device
 * then reports its new subchannel to the program with a channel report
 * (facts §3.12, css_generate_sch_crws()).
 *
 * device_del unplugs a CCW device as the host's request to release a
 * vfio-ccw device does (ccw_device_unplug(): subchannel disabled,
 * reported gone, device unrealized); both end in the unplug notifiers,
 * where DEVICE_DELETED is sent.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "qemu/module.h"
#include "hw/boards.h"
#include "hw/qdev-properties.h"
#include "hw/s390x/ccw-device.h"
#include "system/device-create.h"
#include "qmp-internal.h"

char *qmp_device_bus_addr(DeviceState *dev)
{
    CcwDevice *cdev;
    CssDevId did;

    if (!IS_CCW_DEVICE(dev) || !CCW_DEVICE(dev)->sch) {
        return NULL;
    }
    cdev = CCW_DEVICE(dev);
    did = css_sch_dev_id(cdev->sch);
    return css_devid_to_string(&did);
}

char *qmp_device_path(DeviceState *dev, const char *bus_addr)
{
    if (dev->id) {
        return g_strdup_printf("/machine/peripheral/%s", dev->id);
    }
    if (bus_addr) {
        return g_strdup_printf("/machine/peripheral-anon/%s[%s]",
                               G_OBJECT_TYPE_NAME(dev), bus_addr);
    }
    return g_strdup_printf("/machine/peripheral-anon/%s",
                           G_OBJECT_TYPE_NAME(dev));
}

static MachineState *qmp_machine(GError **errp)
{
    if (!current_machine) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                    "no machine");
    }
    return current_machine;
}

/* QEMU's rule for ids: a letter, then letters, digits, '-', '.', '_'. */
static bool id_wellformed(const char *id)
{
    if (!g_ascii_isalpha(id[0])) {
        return false;
    }
    for (const char *p = id + 1; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p)) {
            return false;
        }
    }
    return true;
}

static void opt_pair_free(gpointer p)
{
    QemuOptPair *pair = p;

    g_free(pair->key);
    g_free(pair->value);
    g_free(pair);
}

/* A device property from JSON, as it would be written after -device. */
static char *scalar_to_option(JsonNode *node)
{
    switch (json_node_get_value_type(node)) {
    case G_TYPE_BOOLEAN:
        return g_strdup(json_node_get_boolean(node) ? "on" : "off");
    case G_TYPE_INT64:
        return g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(node));
    default:
        return g_strdup(json_node_get_string(node));
    }
}

static const QmpArgSpec device_add_args[] = {
    { "driver", QMP_ARG_STRING, false },
    { "id", QMP_ARG_STRING, true },
    { "bus", QMP_ARG_STRING, true },
    { NULL },
};

/*
 * {"driver": "ccw-testdev", "id": "t1", "devno": "fe.0.0002", ...}:
 * every argument but driver and bus is a device property (or the id).
 */
static JsonNode *qmp_device_add(JsonObject *args, GError **errp)
{
    MachineState *ms = qmp_machine(errp);
    const char *driver = json_object_get_string_member(args, "driver");
    g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func(opt_pair_free);
    g_autoptr(GList) members = json_object_get_members(args);
    g_autoptr(DeviceState) dev = NULL;
    GType type;

    if (!ms) {
        return NULL;
    }
    if (json_object_has_member(args, "id") &&
        !id_wellformed(json_object_get_string_member(args, "id"))) {
        g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                    "Parameter 'id' expects an identifier (a letter, then "
                    "letters, digits, '-', '.' or '_')");
        return NULL;
    }
    type = qdev_device_type_from_name(driver, errp);
    if (!type) {
        return NULL;
    }
    if (json_object_has_member(args, "bus")) {
        /* Each device type has one bus here; naming it is allowed. */
        const char *bus = json_object_get_string_member(args, "bus");
        g_autoptr(GTypeClass) klass = g_type_class_ref(type);
        const char *want = DEVICE_CLASS(klass)->bus_type;
        BusState *b = want ? machine_find_bus(ms, want) : NULL;

        if (!b || !g_str_equal(b->name, bus)) {
            g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                        "Bus '%s' not found (device '%s' plugs into %s%s%s)",
                        bus, driver, b ? "'" : "no bus of this machine",
                        b ? b->name : "", b ? "'" : "");
            return NULL;
        }
    }
    for (GList *l = members; l; l = l->next) {
        const char *key = l->data;
        QemuOptPair *pair;

        if (g_str_equal(key, "driver") || g_str_equal(key, "bus")) {
            continue;
        }
        pair = g_new0(QemuOptPair, 1);
        pair->key = g_strdup(key);
        pair->value = scalar_to_option(json_object_get_member(args, key));
        g_ptr_array_add(pairs, pair);
    }
    dev = qdev_device_new_from_pairs(type, pairs, errp);
    if (!dev) {
        return NULL;
    }
    /* Realized while the machine runs: reported to the program (CRW). */
    dev->hotplugged = true;
    if (!machine_device_add(ms, dev, errp)) {
        return NULL;
    }
    return qmp_object_node(json_object_new());
}

/* The realized device named by @name: its id, or its path. */
static DeviceState *find_device(MachineState *ms, const char *name)
{
    DeviceState *dev = machine_find_device(ms, name);

    if (dev || name[0] != '/') {
        return dev;
    }
    for (guint i = 0; i < ms->buses->len; i++) {
        BusState *bus = ms->buses->pdata[i];

        for (GList *l = bus->children.head; l; l = l->next) {
            g_autofree char *addr = qmp_device_bus_addr(l->data);
            g_autofree char *path = qmp_device_path(l->data, addr);

            if (g_str_equal(path, name)) {
                return l->data;
            }
        }
    }
    return NULL;
}

static const QmpArgSpec device_del_args[] = {
    { "id", QMP_ARG_STRING, false },
    { NULL },
};

/* {"id": "t1"} or {"id": "/machine/peripheral-anon/ccw-testdev[fe.0.0002]"} */
static JsonNode *qmp_device_del(JsonObject *args, GError **errp)
{
    MachineState *ms = qmp_machine(errp);
    const char *id = json_object_get_string_member(args, "id");
    DeviceState *dev;

    if (!ms) {
        return NULL;
    }
    dev = find_device(ms, id);
    if (!dev) {
        g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_DEVICE_NOT_FOUND,
                    "Device '%s' not found", id);
        return NULL;
    }
    if (!IS_CCW_DEVICE(dev)) {
        g_set_error(errp, QMP_ERROR, QMP_ERROR_CLASS_GENERIC_ERROR,
                    "Device '%s' (%s) does not support hot-unplugging", id,
                    G_OBJECT_TYPE_NAME(dev));
        return NULL;
    }
    /* Synchronous: DEVICE_DELETED is on its way before this returns. */
    ccw_device_unplug(CCW_DEVICE(dev));
    return qmp_object_node(json_object_new());
}

/* DEVICE_DELETED {"device": ID, "path": PATH}, "device" only with an id. */
static void qmp_device_unplugged(DeviceState *dev, const char *bus_addr,
                                 void *opaque)
{
    JsonObject *data = json_object_new();
    g_autofree char *path = qmp_device_path(dev, bus_addr);

    if (dev->id) {
        json_object_set_string_member(data, "device", dev->id);
    }
    json_object_set_string_member(data, "path", path);
    qmp_event_emit("DEVICE_DELETED", data);
}

static const QmpCommand qmp_device_commands[] = {
    { .name = "device_add", .fn = qmp_device_add, .args = device_add_args,
      .extra_scalars = true },
    { .name = "device_del", .fn = qmp_device_del, .args = device_del_args },
};

static void qmp_register_device_commands(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(qmp_device_commands); i++) {
        qmp_register_command(&qmp_device_commands[i]);
    }
    qdev_add_unplug_notifier(qmp_device_unplugged, NULL);
}

type_init(qmp_register_device_commands)
