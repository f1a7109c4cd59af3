/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * module.h: self-registration of types and handlers.
 *
 * A file that defines a machine, device or qtest request registers it with
 * type_init(fn): fn runs once, from module_call_init(), before the command
 * line is parsed.  Adding a device therefore never edits a central list.
 * Libraries holding such files must be linked whole (meson link_whole).
 */
#ifndef QEMU_MODULE_H
#define QEMU_MODULE_H

typedef void (*ModuleInitFn)(void);

/** register_module_init: queue @fn for module_call_init() (from constructors). */
void register_module_init(ModuleInitFn fn);

/** module_call_init: run every queued init function once, in link order. */
void module_call_init(void);

#define type_init(fn)                                           \
    static void __attribute__((constructor)) do_init_##fn(void) \
    {                                                           \
        register_module_init(fn);                               \
    }

#endif /* QEMU_MODULE_H */
