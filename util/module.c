/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The list behind type_init(): constructors add to it before main() runs,
 * module_call_init() runs it once.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"

/*
 * A fixed array rather than a GList: constructors run before main() and
 * must not depend on allocator set-up order.  The bound is generous; the
 * assert fires at start-up of a build that outgrew it, never on input.
 */
#define MAX_MODULE_INITS 256

static ModuleInitFn module_inits[MAX_MODULE_INITS];
static unsigned n_module_inits;
static bool module_inits_done;

void register_module_init(ModuleInitFn fn)
{
    assert(n_module_inits < MAX_MODULE_INITS);
    module_inits[n_module_inits++] = fn;
}

void module_call_init(void)
{
    if (module_inits_done) {
        return;
    }
    module_inits_done = true;
    for (unsigned i = 0; i < n_module_inits; i++) {
        module_inits[i]();
    }
}
