/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qemu-system-s390x: the command line.
 *
 * Options are QEMU's (single dash, repeated -device), parsed from a
 * table; every problem with them is one line on stderr naming the option
 * and the value, and exit status 1.
 */
#include "qemu/osdep.h"
#include <glib-unix.h>
#include <signal.h>

#include "config-host.h"
#include "qemu/cutils.h"
#include "qemu/module.h"
#include "hw/boards.h"
#include "hw/qdev-properties.h"
#include "monitor/qmp.h"
#include "system/device-create.h"
#include "system/qtest.h"
#include "system/runstate.h"

#define DEFAULT_MACHINE "s390-ccw-virtio"

/* Guest RAM above this is refused: a typo, not a wish. */
#define MAX_RAM_SIZE (1ULL << 40)

typedef enum OptId {
    OPT_MACHINE, OPT_MEMORY, OPT_DEVICE, OPT_QTEST, OPT_QTEST_LOG, OPT_QMP,
    OPT_ACCEL, OPT_NODEFAULTS, OPT_DISPLAY, OPT_NOGRAPHIC, OPT_NAME,
    OPT_VERSION, OPT_HELP,
} OptId;

typedef struct OptDef {
    const char *name;
    OptId id;
    bool has_arg;
    const char *arg_name;
    const char *help;
} OptDef;

static const OptDef opt_defs[] = {
    { "M", OPT_MACHINE, true, "TYPE[,PROP=VALUE...]",
      "select the machine (-M help lists them)" },
    { "machine", OPT_MACHINE, true, "TYPE[,PROP=VALUE...]",
      "same as -M" },
    { "m", OPT_MEMORY, true, "SIZE[K|M|G|T]",
      "guest RAM (default 128M; a bare number is MiB)" },
    { "device", OPT_DEVICE, true, "TYPE[,PROP=VALUE...]",
      "add a device (-device help, -device TYPE,help)" },
    { "qtest", OPT_QTEST, true, "stdio|unix:PATH[,server=on]",
      "serve the qtest protocol (implies -accel qtest)" },
    { "qtest-log", OPT_QTEST_LOG, true, "FILE",
      "log qtest requests and replies" },
    { "qmp", OPT_QMP, true, "stdio|unix:PATH,server=on[,wait=off]",
      "serve QMP" },
    { "accel", OPT_ACCEL, true, "qtest",
      "accelerator (only qtest: there is no CPU yet)" },
    { "nodefaults", OPT_NODEFAULTS, false, NULL,
      "create no default devices" },
    { "display", OPT_DISPLAY, true, "none",
      "display back end (only none)" },
    { "nographic", OPT_NOGRAPHIC, false, NULL,
      "no graphical output" },
    { "name", OPT_NAME, true, "NAME",
      "name of the guest" },
    { "version", OPT_VERSION, false, NULL,
      "print the version and exit" },
    { "h", OPT_HELP, false, NULL,
      "print this help and exit" },
    { "help", OPT_HELP, false, NULL,
      "same as -h" },
};

typedef struct CmdLine {
    const char *machine;
    const char *memory;
    GPtrArray *devices;         /* const char * option strings */
    const char *qtest;
    const char *qtest_log;
    GPtrArray *qmp;             /* const char * -qmp specs */
    const char *name;
} CmdLine;

static void G_GNUC_PRINTF(1, 2) error_report(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "qemu-system-s390x: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static void print_help(void)
{
    printf("usage: qemu-system-s390x [options]\n\n");
    for (size_t i = 0; i < G_N_ELEMENTS(opt_defs); i++) {
        g_autofree char *left = g_strdup_printf("-%s%s%s", opt_defs[i].name,
                                                opt_defs[i].has_arg ? " " : "",
                                                opt_defs[i].has_arg ?
                                                opt_defs[i].arg_name : "");
        printf("  %-42s %s\n", left, opt_defs[i].help);
    }
}

static const OptDef *find_opt(const char *arg)
{
    const char *name = arg + 1;

    if (name[0] == '-') {
        name++;                         /* --opt works like -opt */
    }
    for (size_t i = 0; i < G_N_ELEMENTS(opt_defs); i++) {
        if (g_str_equal(name, opt_defs[i].name)) {
            return &opt_defs[i];
        }
    }
    return NULL;
}

/*
 * Parse argv into @cl.  Returns: -1 to go on, or an exit status (0 after
 * -h/-version, 1 after an error that was already reported).
 */
static int parse_cmdline(int argc, char **argv, CmdLine *cl)
{
    for (int i = 1; i < argc; i++) {
        const OptDef *od;
        const char *arg = NULL;

        if (argv[i][0] != '-' || !(od = find_opt(argv[i]))) {
            error_report("%s: invalid option", argv[i]);
            return 1;
        }
        if (od->has_arg) {
            if (i + 1 >= argc) {
                error_report("%s: requires an argument (%s)", argv[i],
                             od->arg_name);
                return 1;
            }
            arg = argv[++i];
        }
        switch (od->id) {
        case OPT_MACHINE:
            cl->machine = arg;
            break;
        case OPT_MEMORY:
            cl->memory = arg;
            break;
        case OPT_DEVICE:
            g_ptr_array_add(cl->devices, (gpointer)arg);
            break;
        case OPT_QTEST:
            cl->qtest = arg;
            break;
        case OPT_QTEST_LOG:
            cl->qtest_log = arg;
            break;
        case OPT_QMP:
            g_ptr_array_add(cl->qmp, (gpointer)arg);
            break;
        case OPT_ACCEL:
            if (!g_str_equal(arg, "qtest")) {
                error_report("-accel %s: accelerator not available (this "
                             "machine has no CPU yet; use -accel qtest)", arg);
                return 1;
            }
            break;
        case OPT_DISPLAY:
            if (!g_str_equal(arg, "none")) {
                error_report("-display %s: only 'none' is supported", arg);
                return 1;
            }
            break;
        case OPT_NAME:
            cl->name = arg;
            break;
        case OPT_NODEFAULTS:
        case OPT_NOGRAPHIC:
            /* Nothing to switch off: there are no default devices or UI. */
            break;
        case OPT_VERSION:
            printf("QEMU emulator version %s (%s)\n", QEMU_VERSION,
                   QEMU_PKGNAME);
            return 0;
        case OPT_HELP:
            print_help();
            return 0;
        }
    }
    return -1;
}

static bool parse_memory(const char *arg, uint64_t *size)
{
    const char *val = g_str_has_prefix(arg, "size=") ? arg + 5 : arg;
    int ret = qemu_strtosz_MiB(val, size);

    if (ret < 0 || *size == 0 || *size > MAX_RAM_SIZE || *size % 4096) {
        error_report("-m %s: %s", arg,
                     ret == -ERANGE || (ret == 0 && *size > MAX_RAM_SIZE) ?
                     "too large (at most 1T)" :
                     "expected a size such as 64M or 1G, a multiple of 4K");
        return false;
    }
    return true;
}

/* -device help and -device TYPE,help are answered before any machine. */
static int device_help_requested(GPtrArray *devices)
{
    for (guint i = 0; i < devices->len; i++) {
        const char *opt = devices->pdata[i];
        g_autofree char *type = NULL;
        g_autoptr(GError) err = NULL;
        g_autoptr(GPtrArray) pairs = qemu_opts_split(opt, &type, &err);
        GType t;

        if (!pairs) {
            error_report("-device %s: %s", opt, err->message);
            return 1;
        }
        if (type && (g_str_equal(type, "help") || g_str_equal(type, "?"))) {
            qdev_print_device_help(stdout);
            return 0;
        }
        for (guint j = 0; j < pairs->len; j++) {
            QemuOptPair *p = pairs->pdata[j];

            if (g_str_equal(p->key, "help") && !p->value) {
                t = type ? qdev_device_type_from_name(type, &err)
                         : G_TYPE_INVALID;
                if (!t) {
                    error_report("-device %s: %s", opt,
                                 err ? err->message : "missing device type");
                    return 1;
                }
                qdev_print_props_help(t, stdout);
                return 0;
            }
        }
    }
    return -1;
}

static MachineState *create_machine(const CmdLine *cl)
{
    const char *opt = cl->machine ? cl->machine : DEFAULT_MACHINE;
    g_autofree char *type = NULL;
    g_autofree char *what = NULL;
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) pairs = qemu_opts_split(opt, &type, &err);
    g_autoptr(GObject) obj = NULL;
    GType t;

    if (!pairs) {
        error_report("-M %s: %s", opt, err->message);
        return NULL;
    }
    if (!type) {
        type = g_strdup(DEFAULT_MACHINE);
    }
    t = machine_type_from_name(type);
    if (!t) {
        error_report("-M %s: unsupported machine type '%s' (-M help lists "
                     "them)", opt, type);
        return NULL;
    }
    obj = g_object_new(t, NULL);
    what = g_strdup_printf("machine '%s'", type);
    for (guint i = 0; i < pairs->len; i++) {
        QemuOptPair *p = pairs->pdata[i];

        if (!object_set_prop_str(obj, what, p->key, p->value, &err)) {
            error_report("-M %s: %s", opt, err->message);
            return NULL;
        }
    }
    return MACHINE(g_steal_pointer(&obj));
}

static bool add_devices(MachineState *ms, GPtrArray *devices)
{
    for (guint i = 0; i < devices->len; i++) {
        const char *opt = devices->pdata[i];
        g_autofree char *type = NULL;
        g_autoptr(GError) err = NULL;
        g_autoptr(GPtrArray) pairs = qemu_opts_split(opt, &type, &err);
        g_autoptr(DeviceState) dev = NULL;
        GType t;

        if (pairs && !type) {
            g_set_error(&err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                        "missing device type (-device TYPE,...)");
        }
        t = err ? G_TYPE_INVALID : qdev_device_type_from_name(type, &err);
        if (t) {
            dev = qdev_device_new_from_pairs(t, pairs, &err);
        }
        if (!dev || !machine_device_add(ms, dev, &err)) {
            error_report("-device %s: %s", opt, err->message);
            return false;
        }
    }
    return true;
}

/* Monitors start after the devices, so that device_add meets a full machine. */
static bool start_monitors(const CmdLine *cl)
{
    g_autoptr(GError) err = NULL;
    bool stdio_taken = cl->qtest && g_str_equal(cl->qtest, "stdio");

    for (guint i = 0; i < cl->qmp->len; i++) {
        const char *spec = cl->qmp->pdata[i];

        if (g_str_equal(spec, "stdio")) {
            if (stdio_taken) {
                error_report("-qmp stdio: stdio is already used by another "
                             "-qmp or -qtest");
                return false;
            }
            stdio_taken = true;
        }
        if (!qmp_monitor_init(spec, &err)) {
            error_report("%s", err->message);
            return false;
        }
    }
    return true;
}

static gboolean on_terminate_signal(gpointer opaque)
{
    qemu_system_shutdown_request(0);
    return G_SOURCE_CONTINUE;
}

static int run(const CmdLine *cl)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(MachineState) ms = NULL;
    int status;

    if (cl->memory && !parse_memory(cl->memory, &(uint64_t){ 0 })) {
        return 1;
    }
    ms = create_machine(cl);
    if (!ms) {
        return 1;
    }
    if (cl->memory) {
        parse_memory(cl->memory, &ms->ram_size);
    }
    ms->name = g_strdup(cl->name);
    if (!machine_run_init(ms, &err)) {
        error_report("%s", err->message);
        return 1;
    }
    if (!add_devices(ms, cl->devices)) {
        return 1;
    }
    if (!start_monitors(cl)) {
        qmp_monitor_cleanup();
        return 1;
    }
    if (cl->qtest && !qtest_server_init(cl->qtest, cl->qtest_log, &err)) {
        error_report("%s", err->message);
        qmp_monitor_cleanup();
        return 1;
    }
    if (!cl->qtest && !cl->qmp->len) {
        /* Nothing can drive the machine without a CPU: say so, then idle. */
        error_report("warning: no CPU model yet: drive the machine with "
                     "-qtest; waiting for SIGTERM");
    }
    qemu_system_reset(ms);
    g_unix_signal_add(SIGTERM, on_terminate_signal, NULL);
    g_unix_signal_add(SIGINT, on_terminate_signal, NULL);
    g_unix_signal_add(SIGHUP, on_terminate_signal, NULL);
    status = qemu_main_loop();
    qmp_monitor_cleanup();
    qtest_server_cleanup();
    machine_teardown(ms);
    return status;
}

int main(int argc, char **argv)
{
    CmdLine cl = { .devices = g_ptr_array_new(), .qmp = g_ptr_array_new() };
    int status;

    /* A vanished client must cost a write error, not the process. */
    signal(SIGPIPE, SIG_IGN);
    module_call_init();

    status = parse_cmdline(argc, argv, &cl);
    if (status < 0 && cl.machine &&
        (g_str_equal(cl.machine, "help") || g_str_equal(cl.machine, "?"))) {
        machine_print_help(stdout);
        status = 0;
    }
    if (status < 0) {
        status = device_help_requested(cl.devices);
    }
    if (status < 0) {
        status = run(&cl);
    }
    g_ptr_array_unref(cl.devices);
    g_ptr_array_unref(cl.qmp);
    return status;
}
