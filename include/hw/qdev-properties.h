/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties.h: setting GObject properties from user strings, and
 * describing them.
 *
 * `-device TYPE,k=v,...`, `-machine TYPE,k=v` and the monitor's
 * device_add all set properties through here, so the same value is
 * accepted or refused the same way everywhere:
 *   boolean            on/off, yes/no, true/false
 *   (u)int, (u)int64,  decimal or 0x hex, checked against the GParamSpec's
 *   uchar, (u)long     minimum and maximum
 *   string             taken as is
 *   enum               the value's nick
 * Every refusal is one line naming the object, the property and the value.
 */
#ifndef HW_QDEV_PROPERTIES_H
#define HW_QDEV_PROPERTIES_H

#include <stdbool.h>
#include <stdio.h>
#include <glib-object.h>

/**
 * object_set_prop_str: set property @name of @obj from @value.
 * @what: how to name @obj in messages, e.g. "device 'vfio-ccw'".
 * Returns: true on success; false with @errp set ("<what> has no property
 * 'x'", "property 'x' of <what> does not take 'y': expected ...").
 */
bool object_set_prop_str(GObject *obj, const char *what, const char *name,
                         const char *value, GError **errp);

/**
 * object_prop_type_name: Returns: a short user-facing name of the type of
 * @pspec ("bool", "uint32", "string", "enum (a|b)", ...); owned by the
 * caller.
 */
char *object_prop_type_name(GParamSpec *pspec);

/**
 * object_prop_default_str: Returns: @pspec's default value in the syntax
 * the parser accepts ("off", "0x0", "128", "(none)"); owned by the caller.
 */
char *object_prop_default_str(GParamSpec *pspec);

/**
 * object_class_print_props: print one line per writable property of
 * @type to @out: "  name=<type> - blurb (default: value)", sorted by name.
 * Prints "  (no properties)" when there are none.
 */
void object_class_print_props(GType type, FILE *out);

/**
 * QemuOptPair: one "key=value" element of an option string; @value is
 * NULL for a bare word ("help").
 */
typedef struct QemuOptPair {
    char *key;
    char *value;
} QemuOptPair;

/**
 * qemu_opts_split: split an option string "first,k=v,k2=v2" at commas,
 * where ",," stands for a literal comma.
 * @first: set to the leading element when it is a bare word without '='
 *         (the type name), else NULL; owned by the caller.
 * Returns: the key/value pairs (GPtrArray of QemuOptPair, freeing them),
 * or NULL with @errp set for an empty key ("k=v,,=x" or ",").
 */
GPtrArray *qemu_opts_split(const char *str, char **first, GError **errp);

#endif /* HW_QDEV_PROPERTIES_H */
