/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest: a DASD driver for the s390x machine's qtest socket.
 *
 *   ccw-guest --qtest PATH [--stats] [--timeout S] SUBCOMMAND ARGS...
 *
 * The machine runs without a CPU; ccw-guest plays it: it lays out ORBs,
 * CCWs and data in guest memory, issues the I/O instructions and takes
 * the I/O interruptions, so every byte it shows came through the
 * machine's channel subsystem and the device behind it.
 * docs/tools/ccw-guest.rst has the details.
 */
#include "qemu/osdep.h"

#include "commands.h"
#include "guest-error.h"
#include "qtest-client.h"

typedef struct GuestCommand {
    const char *name;
    int min_args;
    int max_args;
    const char *args;
    const char *help;
    GuestCommandFn fn;
} GuestCommand;

static const GuestCommand commands[] = {
    { "lscss", 0, 1, "[DEVNO]",
      "list subchannels and their devices, as Linux lscss", cmd_lscss },
    { "senseid", 1, 1, "DEVNO", "the device's Sense ID data", cmd_senseid },
    { "rdc", 1, 1, "DEVNO",
      "DASD geometry from Read Device Characteristics", cmd_rdc },
    { "vtoc", 1, 1, "DEVNO", "volume label and data sets", cmd_vtoc },
    { "read", 2, 2, "DEVNO DSN|DSN(MEMBER)",
      "records of a sequential data set or a PDS member to stdout",
      cmd_read },
    { "members", 2, 2, "DEVNO DSN", "the directory of a PDS", cmd_members },
    { "write", 3, 3, "DEVNO DSN FILE",
      "replace a sequential data set's records (FILE - is stdin)",
      cmd_write },
    { "verify", 1, 1, "DEVNO",
      "read every track and check the channel programs", cmd_verify },
};

static char *usage_commands(void)
{
    GString *s = g_string_new("Subcommands (DEVNO as 0.0.1234):\n");

    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        g_autofree char *call = g_strdup_printf("%s %s", commands[i].name,
                                                commands[i].args);

        g_string_append_printf(s, "  %-30s %s\n", call, commands[i].help);
    }
    return g_string_free(s, false);
}

static void print_stats(const GuestCss *g, const QtestClient *qc,
                        double secs)
{
    uint64_t bytes = g->stats.bytes_read + g->stats.bytes_written;

    g_printerr("ccw-guest: stats: %" PRIu64 " channel programs, %" PRIu64
               " bytes read, %" PRIu64 " bytes written, %" PRIu64
               " qtest requests, %.3f s, %.0f I/Os/s, %.2f MB/s\n",
               g->stats.ios, g->stats.bytes_read, g->stats.bytes_written,
               qtc_requests(qc), secs, secs > 0 ? g->stats.ios / secs : 0.0,
               secs > 0 ? bytes / secs / 1e6 : 0.0);
}

int main(int argc, char **argv)
{
    g_autofree char *qtest_path = NULL;
    g_autofree char *help = usage_commands();
    gboolean stats = false;
    gint timeout_s = 10;
    GuestOptions opts = { 0 };
    GOptionEntry entries[] = {
        { "qtest", 0, 0, G_OPTION_ARG_FILENAME, &qtest_path,
          "the machine's qtest socket (-qtest unix:PATH,server=on)", "PATH" },
        { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout_s,
          "seconds to wait for an I/O interruption (default 10)", "S" },
        { "stats", 0, 0, G_OPTION_ARG_NONE, &stats,
          "print I/O counters and the rate on standard error", NULL },
        { "ascii", 0, 0, G_OPTION_ARG_NONE, &opts.ascii,
          "read/write: EBCDIC 037 records as text lines", NULL },
        { "extents", 0, 0, G_OPTION_ARG_NONE, &opts.extents,
          "verify: only the tracks the VTOC lists", NULL },
        { NULL },
    };
    g_autoptr(GOptionContext) ctx =
        g_option_context_new("SUBCOMMAND [ARGS...] - a DASD driver that "
                             "plays the CPU over qtest");
    g_autoptr(GError) err = NULL;
    g_autoptr(QtestClient) qc = NULL;
    const GuestCommand *cmd = NULL;
    GuestCss g = { 0 };
    gint64 t0;
    bool ok;

    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(ctx, help);
    if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
        g_printerr("ccw-guest: %s\n", err->message);
        return 2;
    }
    if (argc < 2) {
        g_printerr("ccw-guest: no subcommand (see ccw-guest --help)\n");
        return 2;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (g_str_equal(argv[1], commands[i].name)) {
            cmd = &commands[i];
        }
    }
    if (!cmd) {
        g_printerr("ccw-guest: unknown subcommand '%s' (see ccw-guest "
                   "--help)\n", argv[1]);
        return 2;
    }
    if (argc - 2 < cmd->min_args || argc - 2 > cmd->max_args) {
        g_printerr("ccw-guest: usage: ccw-guest --qtest PATH %s %s\n",
                   cmd->name, cmd->args);
        return 2;
    }
    if (!qtest_path) {
        g_printerr("ccw-guest: --qtest PATH is required\n");
        return 2;
    }
    if (timeout_s <= 0 || timeout_s > 3600) {
        g_printerr("ccw-guest: --timeout must be 1-3600 seconds\n");
        return 2;
    }
    qc = qtc_connect(qtest_path, (unsigned)timeout_s + 30, &err);
    if (!qc) {
        g_printerr("ccw-guest: %s\n", err->message);
        return 1;
    }
    g.qc = qc;
    g.timeout_ms = (unsigned)timeout_s * 1000;
    t0 = g_get_monotonic_time();
    ok = cmd->fn(&g, argc - 2, argv + 2, &opts, &err);
    fflush(stdout);
    if (stats) {
        print_stats(&g, qc, (g_get_monotonic_time() - t0) / 1e6);
    }
    if (!ok) {
        g_printerr("ccw-guest: %s\n", err ? err->message : "failed");
        return 1;
    }
    return 0;
}
