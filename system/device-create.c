/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Devices from option strings: type lookup, properties, help.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "hw/qdev-properties.h"
#include "system/device-create.h"

GType qdev_device_type_from_name(const char *name, GError **errp)
{
    GType t = g_type_from_name(name);
    g_autoptr(GTypeClass) klass = NULL;

    if (!t || !g_type_is_a(t, TYPE_DEVICE) || G_TYPE_IS_ABSTRACT(t)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                    "'%s' is not a valid device model name (see -device help)",
                    name);
        return G_TYPE_INVALID;
    }
    klass = g_type_class_ref(t);
    if (!DEVICE_CLASS(klass)->user_creatable) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "device '%s' cannot be created by the user", name);
        return G_TYPE_INVALID;
    }
    return t;
}

DeviceState *qdev_device_new_from_pairs(GType type, GPtrArray *pairs,
                                        GError **errp)
{
    g_autoptr(GObject) obj = g_object_new(type, NULL);
    g_autofree char *what = g_strdup_printf("device '%s'", g_type_name(type));

    for (guint i = 0; i < pairs->len; i++) {
        QemuOptPair *p = pairs->pdata[i];

        if (g_str_equal(p->key, "id")) {
            if (!p->value || !*p->value) {
                g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                            "%s: id needs a value", what);
                return NULL;
            }
            g_free(DEVICE(obj)->id);
            DEVICE(obj)->id = g_strdup(p->value);
            continue;
        }
        if (!object_set_prop_str(obj, what, p->key, p->value, errp)) {
            return NULL;
        }
    }
    return DEVICE(g_steal_pointer(&obj));
}

static void collect_user_devices(GType parent, GPtrArray *out)
{
    guint n = 0;
    g_autofree GType *kids = g_type_children(parent, &n);

    for (guint i = 0; i < n; i++) {
        if (!G_TYPE_IS_ABSTRACT(kids[i])) {
            g_autoptr(GTypeClass) klass = g_type_class_ref(kids[i]);

            if (DEVICE_CLASS(klass)->user_creatable) {
                g_ptr_array_add(out, (gpointer)g_type_name(kids[i]));
            }
        }
        collect_user_devices(kids[i], out);
    }
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void qdev_print_device_help(FILE *out)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new();

    collect_user_devices(TYPE_DEVICE, names);
    g_ptr_array_sort(names, compare_strings);
    fprintf(out, "Devices:\n");
    for (guint i = 0; i < names->len; i++) {
        g_autoptr(GTypeClass) klass =
            g_type_class_ref(g_type_from_name(names->pdata[i]));
        DeviceClass *dc = DEVICE_CLASS(klass);

        fprintf(out, "name \"%s\"%s%s, desc \"%s\"\n",
                (const char *)names->pdata[i],
                dc->bus_type ? ", bus " : "", dc->bus_type ? dc->bus_type : "",
                dc->desc ? dc->desc : "");
    }
    if (!names->len) {
        fprintf(out, "  (none)\n");
    }
}

void qdev_print_props_help(GType type, FILE *out)
{
    fprintf(out, "%s options:\n", g_type_name(type));
    object_class_print_props(type, out);
}
