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

/* Interruptions may be queued from fd handlers: wake a waiting loop. */
static void s390_ccw_machine_css_event(void *opaque, CssEvent event)
{
    g_main_context_wakeup(NULL);
}

static bool s390_ccw_machine_init_hook(MachineState *machine, GError **errp)
{
    S390CcwMachineState *ms = S390_CCW_MACHINE(machine);

    ms->cpu.ram = machine->ram;
    ms->css = css_new(machine->ram, ms->squash_mcss);
    css_set_notify(ms->css, s390_ccw_machine_css_event, ms);
    ms->bus = VIRTUAL_CSS_BUS(qbus_new(virtual_css_bus_get_type(),
                                       "virtual-css"));
    ms->bus->squash_mcss = ms->squash_mcss;
    ms->bus->css = ms->css;
    machine_add_bus(machine, BUS(ms->bus));
    return true;
}

static void s390_ccw_machine_reset(MachineState *machine)
{
    S390CcwMachineState *ms = S390_CCW_MACHINE(machine);

    /* Subsystem reset (MCSS-E/MSS off, subchannels idle), then devices. */
    ms->cpu.cr6 = 0;
    ms->cpu.cc = 0;
    css_reset(ms->css);
    qbus_reset_all(BUS(ms->bus));
}

ChannelSubSys *s390_ccw_machine_css(MachineState *ms)
{
    if (!ms || !G_TYPE_CHECK_INSTANCE_TYPE(ms, s390_ccw_machine_get_type())) {
        return NULL;
    }
    return S390_CCW_MACHINE(ms)->css;
}

S390CPU *s390_ccw_machine_cpu(MachineState *ms)
{
    if (!ms || !G_TYPE_CHECK_INSTANCE_TYPE(ms, s390_ccw_machine_get_type())) {
        return NULL;
    }
    return &S390_CCW_MACHINE(ms)->cpu;
}

static void s390_ccw_machine_finalize(GObject *obj)
{
    S390CcwMachineState *ms = S390_CCW_MACHINE(obj);

    /* Devices give their subchannels back before the css goes. */
    machine_teardown(MACHINE(ms));
    css_free(ms->css);
    G_OBJECT_CLASS(s390_ccw_machine_parent_class)->finalize(obj);
}

static void s390_ccw_machine_class_init(S390CcwMachineClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    MachineClass *mc = MACHINE_CLASS(klass);

    oc->set_property = s390_ccw_machine_set_property;
    oc->get_property = s390_ccw_machine_get_property;
    oc->finalize = s390_ccw_machine_finalize;
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
