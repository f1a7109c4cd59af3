/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Machine base type: RAM, start-up, reset, teardown, device placement.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "qom/object.h"
#include "hw/boards.h"

MachineState *current_machine;

OBJECT_DEFINE_ABSTRACT_TYPE(MachineState, MachineClass, machine, "machine",
                            G_TYPE_OBJECT)

static void machine_finalize(GObject *obj)
{
    MachineState *ms = MACHINE(obj);

    machine_teardown(ms);
    g_ptr_array_unref(ms->buses);
    guest_ram_free(ms->ram);
    g_free(ms->name);
    if (current_machine == ms) {
        current_machine = NULL;
    }
    G_OBJECT_CLASS(machine_parent_class)->finalize(obj);
}

static void machine_class_init(MachineClass *klass)
{
    G_OBJECT_CLASS(klass)->finalize = machine_finalize;
    klass->default_ram_size = 128 * 1024 * 1024;
}

static void machine_init(MachineState *ms)
{
    ms->buses = g_ptr_array_new_with_free_func(g_object_unref);
}

GType machine_type_from_name(const char *name)
{
    g_autofree char *tname = g_strconcat(name, TYPE_MACHINE_SUFFIX, NULL);
    GType t = g_type_from_name(tname);

    if (!t || !g_type_is_a(t, TYPE_MACHINE) || G_TYPE_IS_ABSTRACT(t)) {
        return G_TYPE_INVALID;
    }
    return t;
}

static void collect_concrete(GType parent, GPtrArray *out)
{
    guint n = 0;
    g_autofree GType *kids = g_type_children(parent, &n);

    for (guint i = 0; i < n; i++) {
        if (!G_TYPE_IS_ABSTRACT(kids[i])) {
            g_ptr_array_add(out, (gpointer)g_type_name(kids[i]));
        }
        collect_concrete(kids[i], out);
    }
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void machine_print_help(FILE *out)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new();

    collect_concrete(TYPE_MACHINE, names);
    g_ptr_array_sort(names, compare_strings);
    fprintf(out, "Supported machines are:\n");
    for (guint i = 0; i < names->len; i++) {
        const char *tname = names->pdata[i];
        g_autoptr(GTypeClass) klass = g_type_class_ref(g_type_from_name(tname));
        g_autofree char *name =
            g_strndup(tname, strlen(tname) - strlen(TYPE_MACHINE_SUFFIX));

        fprintf(out, "%-20s %s\n", name, MACHINE_CLASS(klass)->desc);
    }
}

bool machine_run_init(MachineState *ms, GError **errp)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);

    if (!ms->ram_size) {
        ms->ram_size = mc->default_ram_size;
    }
    ms->ram = guest_ram_new(ms->ram_size, errp);
    if (!ms->ram) {
        return false;
    }
    current_machine = ms;
    return !mc->init || mc->init(ms, errp);
}

void qemu_system_reset(MachineState *ms)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);

    if (mc->reset) {
        mc->reset(ms);
    }
}

void machine_teardown(MachineState *ms)
{
    /* Mirror of start-up: last bus (and last device on it) first. */
    for (guint i = ms->buses->len; i > 0; i--) {
        qbus_unrealize_all(ms->buses->pdata[i - 1]);
    }
}

void machine_add_bus(MachineState *ms, BusState *bus)
{
    g_ptr_array_add(ms->buses, bus);
}

BusState *machine_find_bus(MachineState *ms, const char *bus_type)
{
    GType t = g_type_from_name(bus_type);

    for (guint i = 0; t && i < ms->buses->len; i++) {
        if (g_type_is_a(G_OBJECT_TYPE(ms->buses->pdata[i]), t)) {
            return ms->buses->pdata[i];
        }
    }
    return NULL;
}

bool machine_device_add(MachineState *ms, DeviceState *dev, GError **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusState *bus = NULL;

    if (dc->bus_type) {
        bus = machine_find_bus(ms, dc->bus_type);
        if (!bus) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                        "device '%s' needs a %s, which machine '%s' lacks",
                        G_OBJECT_TYPE_NAME(dev), dc->bus_type,
                        G_OBJECT_TYPE_NAME(ms));
            return false;
        }
    }
    if (dev->id && machine_find_device(ms, dev->id)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_EXISTS,
                    "duplicate device id '%s'", dev->id);
        return false;
    }
    return qdev_realize(dev, bus, errp);
}

DeviceState *machine_find_device(MachineState *ms, const char *id)
{
    for (guint i = 0; i < ms->buses->len; i++) {
        DeviceState *dev = qbus_find_device(ms->buses->pdata[i], id);

        if (dev) {
            return dev;
        }
    }
    return NULL;
}
