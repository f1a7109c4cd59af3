/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virtual css bus: where channel-attached devices plug in.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "hw/s390x/css-bridge.h"

typedef struct VirtualCssBusClass {
    BusClass parent_class;
} VirtualCssBusClass;

OBJECT_DEFINE_TYPE(VirtualCssBus, VirtualCssBusClass, virtual_css_bus,
                   TYPE_VIRTUAL_CSS_BUS, TYPE_BUS)

static void virtual_css_bus_class_init(VirtualCssBusClass *klass G_GNUC_UNUSED)
{
}

static void virtual_css_bus_init(VirtualCssBus *bus G_GNUC_UNUSED)
{
}

static void virtual_css_bus_register(void)
{
    g_type_ensure(virtual_css_bus_get_type());
}

type_init(virtual_css_bus_register)
