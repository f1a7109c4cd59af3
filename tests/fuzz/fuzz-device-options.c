/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-device-options: -machine and -device option strings through the
 * parsing the command line and the monitor share: qemu_opts_split(),
 * object_set_prop_str() (hw/qdev-properties.h), qdev_device_type_from_name()
 * and qdev_device_new_from_pairs() (system/device-create.h), then realize
 * on a fresh s390-ccw-virtio machine, as system/main.c does.
 *
 * Input: text lines.  Line 1 is the -machine string (empty: the default
 * machine; a refused string: the default machine without its
 * properties); each further line (up to 8) is a -device string.  Devices
 * of types that need the host (vfio-ccw opens sysfs and /dev/vfio,
 * vfio-user-ccw connects to a socket) are created and their properties
 * set, but never realized: a fuzzer must not reach the host's devices or
 * sockets.  ccw-testdev is realized and later unrealized with the machine.
 * "help" in a device string prints that type's property help into memory.
 *
 * What must hold: every refusal is a GError with a one-line, non-empty
 * message; a device that realized has a subchannel and can be found by
 * its id; the machine comes apart without leaks; nothing crashes.
 */
#include "qemu/osdep.h"

#include "qemu/module.h"
#include "hw/boards.h"
#include "hw/qdev-properties.h"
#include "system/device-create.h"
#include "fuzz.h"

#define DEFAULT_MACHINE "s390-ccw-virtio"
#define RAM_SIZE (64 * 1024)
#define MAX_DEVICES 8

/* Device types that are safe to realize in a fuzzer (no host access). */
static const char *const realizable[] = { "ccw-testdev" };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    module_call_init();
    return 0;
}

static void check_error(const GError *err)
{
    g_assert_nonnull(err);
    g_assert_nonnull(err->message);
    g_assert_cmpuint(strlen(err->message), >, 0);
    g_assert_null(strchr(err->message, '\n'));
}

static MachineState *make_machine(const char *opts)
{
    g_autofree char *type = NULL;
    g_autofree char *what = NULL;
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) pairs = qemu_opts_split(opts, &type, &err);
    g_autoptr(GObject) obj = NULL;
    GType t = G_TYPE_INVALID;

    if (!pairs) {
        check_error(err);
    } else {
        t = machine_type_from_name(type ? type : DEFAULT_MACHINE);
    }
    if (!t) {
        return g_object_new(machine_type_from_name(DEFAULT_MACHINE), NULL);
    }
    obj = g_object_new(t, NULL);
    what = g_strdup_printf("machine '%s'", type ? type : DEFAULT_MACHINE);
    for (guint i = 0; i < pairs->len; i++) {
        QemuOptPair *p = pairs->pdata[i];

        g_assert_nonnull(p->key);
        if (!object_set_prop_str(obj, what, p->key, p->value, &err)) {
            check_error(err);
            return g_object_new(machine_type_from_name(DEFAULT_MACHINE),
                                NULL);
        }
    }
    return MACHINE(g_steal_pointer(&obj));
}

static bool wants_help(GPtrArray *pairs)
{
    for (guint i = 0; i < pairs->len; i++) {
        QemuOptPair *p = pairs->pdata[i];

        if (g_str_equal(p->key, "help") && !p->value) {
            return true;
        }
    }
    return false;
}

static void print_help(GType t)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    g_assert_nonnull(out);
    qdev_print_props_help(t, out);
    fclose(out);
    free(text);         /* open_memstream's buffer is the C library's */
}

static bool is_realizable(GType t)
{
    for (size_t i = 0; i < G_N_ELEMENTS(realizable); i++) {
        if (g_str_equal(g_type_name(t), realizable[i])) {
            return true;
        }
    }
    return false;
}

static void add_device(MachineState *ms, const char *opts)
{
    g_autofree char *type = NULL;
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) pairs = qemu_opts_split(opts, &type, &err);
    g_autoptr(DeviceState) dev = NULL;
    GType t;

    if (!pairs) {
        check_error(err);
        return;
    }
    if (!type) {
        return;                 /* main.c: "missing device type" */
    }
    t = qdev_device_type_from_name(type, &err);
    if (!t) {
        check_error(err);
        return;
    }
    if (wants_help(pairs)) {
        print_help(t);
        return;
    }
    dev = qdev_device_new_from_pairs(t, pairs, &err);
    if (!dev) {
        check_error(err);
        return;
    }
    g_assert_no_error(err);
    if (!is_realizable(t)) {
        return;
    }
    if (!machine_device_add(ms, dev, &err)) {
        check_error(err);
        g_assert_false(dev->realized);
        return;
    }
    g_assert_no_error(err);
    g_assert_true(dev->realized);
    if (dev->id) {
        g_assert_true(machine_find_device(ms, dev->id) == dev);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = data ? (const char *)data : "", *end = p + size;
    g_autoptr(MachineState) ms = NULL;
    g_autoptr(GError) err = NULL;

    for (unsigned n = 0; n <= MAX_DEVICES && (n == 0 || p < end); n++) {
        const char *nl = memchr(p, '\n', end - p);
        size_t len = (nl ? nl : end) - p;
        g_autofree char *line = g_strndup(p, len);

        p += len + (nl ? 1 : 0);
        if (n == 0) {
            ms = make_machine(line);
            ms->ram_size = RAM_SIZE;
            g_assert_true(machine_run_init(ms, &err));
            g_assert_no_error(err);
            continue;
        }
        add_device(ms, line);
    }
    qemu_system_reset(ms);
    return 0;
}
