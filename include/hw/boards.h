/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * boards.h: the machine base type.
 *
 * A machine type owns guest RAM and the buses devices plug into.  Its
 * GType name is "<name>-machine"; users select it as -M <name>.
 * Life: properties from -machine are set, then machine_run_init()
 * allocates RAM and calls the class init hook; system_reset() resets
 * buses and devices; machine_teardown() unrealizes everything.
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include <stdbool.h>
#include <stdint.h>
#include <glib-object.h>

#include "hw/qdev-core.h"
#include "system/memory.h"

#define TYPE_MACHINE (machine_get_type())
#define MACHINE(obj) G_TYPE_CHECK_INSTANCE_CAST((obj), TYPE_MACHINE, MachineState)
#define MACHINE_CLASS(klass) \
    G_TYPE_CHECK_CLASS_CAST((klass), TYPE_MACHINE, MachineClass)
#define MACHINE_GET_CLASS(obj) \
    G_TYPE_INSTANCE_GET_CLASS((obj), TYPE_MACHINE, MachineClass)
#define TYPE_MACHINE_SUFFIX "-machine"

/**
 * MachineState: one running machine.
 * @ram_size: bytes of guest RAM (-m).
 * @ram: guest RAM, created by machine_run_init().
 * @name: -name value or NULL.
 * @buses: the buses devices plug into (BusState, references held), in
 *         creation order; added by the class init hook.
 */
typedef struct MachineState {
    GObject parent_instance;
    uint64_t ram_size;
    GuestRAM *ram;
    char *name;
    GPtrArray *buses;
} MachineState;

/**
 * MachineClass:
 * @desc: one line for -M help.
 * @default_ram_size: bytes when -m is not given.
 * @init: create buses and built-in devices; RAM already exists.
 * @reset: system reset (subsystem reset of the channel subsystem, device
 *         resets); called at start-up and by system_reset().
 */
typedef struct MachineClass {
    GObjectClass parent_class;

    const char *desc;
    uint64_t default_ram_size;

    bool (*init)(MachineState *ms, GError **errp);
    void (*reset)(MachineState *ms);
} MachineClass;

GType machine_get_type(void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MachineState, g_object_unref)

/** current_machine: the machine of this process, once created. */
extern MachineState *current_machine;

/**
 * machine_type_from_name: Returns: the machine GType for -M @name, or
 * G_TYPE_INVALID.
 */
GType machine_type_from_name(const char *name);

/** machine_print_help: list the machine types for -M help, sorted. */
void machine_print_help(FILE *out);

/**
 * machine_run_init: allocate guest RAM and run the class init hook.
 * Returns: false with @errp set (RAM size or init failure).
 */
bool machine_run_init(MachineState *ms, GError **errp);

/** qemu_system_reset: system reset of @ms (the class hook). */
void qemu_system_reset(MachineState *ms);

/** machine_teardown: unrealize every device, last bus first (idempotent). */
void machine_teardown(MachineState *ms);

/** machine_add_bus: give @bus (a new reference) to @ms. */
void machine_add_bus(MachineState *ms, BusState *bus);

/**
 * machine_find_bus: Returns: the first bus of @ms whose type is, or
 * derives from, the type named @bus_type; NULL if none (no reference).
 */
BusState *machine_find_bus(MachineState *ms, const char *bus_type);

/**
 * machine_device_add: realize @dev on the bus its class asks for.
 * Returns: false with @errp set ("no bus for device X", realize errors).
 */
bool machine_device_add(MachineState *ms, DeviceState *dev, GError **errp);

/** machine_find_device: Returns: the realized device with id @id, or NULL. */
DeviceState *machine_find_device(MachineState *ms, const char *id);

#endif /* HW_BOARDS_H */
