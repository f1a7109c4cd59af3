/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The s390-ccw-virtio machine: guest RAM, the channel subsystem and the
 * virtual css bus.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "hw/s390x/s390-virtio-ccw.h"

typedef struct S390CcwMachineClass {
    MachineClass parent_class;
} S390CcwMachineClass;

OBJECT_DEFINE_TYPE(S390CcwMachineState, S390CcwMachineClass, s390_ccw_machine,
                   TYPE_S390_CCW_MACHINE, TYPE_MACHINE)

enum { PROP_0, PROP_SQUASH_MCSS, N_PROPS };
static GParamSpec *machine_props[N_PROPS];

static void s390_ccw_machine_set_property(GObject *obj, guint id,
                                          const GValue *value,
                                          GParamSpec *pspec)
{
    S390CcwMachineState *ms = S390_CCW_MACHINE(obj);

    switch (id) {
    case PROP_SQUASH_MCSS:
        ms->squash_mcss = g_value_get_boolean(value);
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

static void s390_ccw_machine_get_property(GObject *obj, guint id,
                                          GValue *value, GParamSpec *pspec)
{
    S390CcwMachineState *ms = S390_CCW_MACHINE(obj);

    switch (id) {
    case PROP_SQUASH_MCSS:
        g_value_set_boolean(value, ms->squash_mcss);
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

static bool s390_ccw_machine_init_hook(MachineState *machine, GError **errp)
{
    S390CcwMachineState *ms = S390_CCW_MACHINE(machine);

    ms->bus = VIRTUAL_CSS_BUS(qbus_new(virtual_css_bus_get_type(),
                                       "virtual-css"));
    ms->bus->squash_mcss = ms->squash_mcss;
    machine_add_bus(machine, BUS(ms->bus));
    return true;
}

static void s390_ccw_machine_reset(MachineState *machine)
{
    S390CcwMachineState *ms = S390_CCW_MACHINE(machine);

    qbus_reset_all(BUS(ms->bus));
}

static void s390_ccw_machine_class_init(S390CcwMachineClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    MachineClass *mc = MACHINE_CLASS(klass);

    oc->set_property = s390_ccw_machine_set_property;
    oc->get_property = s390_ccw_machine_get_property;
    mc->desc = "s390x machine with channel I/O (virtio-ccw style, "
               "vfio-ccw passthrough)";
    mc->default_ram_size = 128 * 1024 * 1024;
    mc->init = s390_ccw_machine_init_hook;
    mc->reset = s390_ccw_machine_reset;

    machine_props[PROP_SQUASH_MCSS] =
        g_param_spec_boolean("s390-squash-mcss", "s390-squash-mcss",
                             "put all subchannels into css image 0 (the "
                             "default image for guests without MCSS-E); "
                             "virtual devices must name cssid fe, "
                             "passthrough devices must not",
                             FALSE,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
    g_object_class_install_properties(oc, N_PROPS, machine_props);
}

static void s390_ccw_machine_init(S390CcwMachineState *ms G_GNUC_UNUSED)
{
}

static void s390_ccw_machine_register(void)
{
    g_type_ensure(s390_ccw_machine_get_type());
}

type_init(s390_ccw_machine_register)
