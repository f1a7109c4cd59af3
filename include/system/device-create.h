/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * device-create.h: creating devices and configuring machines from option
 * strings, shared by the command line and the monitor.
 */
#ifndef SYSTEM_DEVICE_CREATE_H
#define SYSTEM_DEVICE_CREATE_H

#include <stdbool.h>
#include <stdio.h>
#include <glib-object.h>

#include "hw/qdev-core.h"

/**
 * qdev_device_type_from_name: Returns: the GType of user-creatable device
 * @name, or G_TYPE_INVALID with @errp set ("'x' is not a valid device
 * model name" / "... cannot be created by the user").
 */
GType qdev_device_type_from_name(const char *name, GError **errp);

/**
 * qdev_device_new_from_pairs: create (not realize) a device of @type and
 * set the properties in @pairs (QemuOptPair, from qemu_opts_split);
 * the pair "id" names the device instead of setting a property.
 * Returns: a new reference, or NULL with @errp set.
 */
DeviceState *qdev_device_new_from_pairs(GType type, GPtrArray *pairs,
                                        GError **errp);

/** qdev_print_device_help: print every user-creatable device type (-device help). */
void qdev_print_device_help(FILE *out);

/** qdev_print_props_help: print @type's properties (-device TYPE,help). */
void qdev_print_props_help(GType type, FILE *out);

#endif /* SYSTEM_DEVICE_CREATE_H */
