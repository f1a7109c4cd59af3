/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main.c: vfio-user-ccw, a simulated vfio-ccw mediated device with a 3390
 * DASD behind it, served over vfio-user.
 *
 *   vfio-user-ccw --socket PATH | --fd N
 *                 --dasd FILE[,readonly=on|off][,sync=on|off]
 *                 [--schid C.S.NNNN] [--devno C.S.NNNN] [--chpid X[,X...]]
 *                 [--latency MS] [--trace]
 *
 * It follows the vfio-user backend conventions: it does not daemonize,
 * SIGTERM (or SIGINT, SIGHUP) ends it cleanly with status 0, and it takes
 * either a socket path (--socket, alias --socket-path) or an inherited
 * socket (--fd).  SIGUSR1 asks the client to release the device (REQ
 * IRQ); SIGUSR2 takes the first channel path offline, or back online,
 * with a channel report (CRW IRQ).  A start-up error is one line on
 * stderr and exit status 1.
 */
#include "qemu/osdep.h"

#include <signal.h>
#include <glib-unix.h>

#include "block/ckd.h"
#include "dasd-channel.h"
#include "dasd-eckd.h"
#include "server.h"

typedef struct Options {
    char *socket_path;
    int fd;
    char *dasd;
    char *schid;
    char *devno;
    char *chpid;
    gint latency;
    gboolean trace;
} Options;

typedef struct Program {
    GMainLoop *loop;
    Mdev *mdev;
} Program;

/* One line and exit 1; nothing allocated, so nothing leaks at exit(). */
static void G_GNUC_PRINTF(1, 2) G_GNUC_NORETURN die(const char *fmt, ...)
{
    va_list ap;

    fputs("vfio-user-ccw: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

/* "C.S.NNNN" (hex) or "NNNN"; returns false on anything else. */
static bool parse_busid(const char *s, uint8_t *cssid, uint8_t *ssid,
                        uint16_t *num)
{
    g_auto(GStrv) parts = g_strsplit(s, ".", -1);
    guint n = g_strv_length(parts);
    guint64 v[3] = { 0, 0, 0 };
    const guint64 max[3] = { 0xff, 0x3, 0xffff };

    if (n != 1 && n != 3) {
        return false;
    }
    for (guint i = 0; i < n; i++) {
        guint slot = 3 - n + i;

        if (!g_ascii_string_to_unsigned(parts[i], 16, 0, max[slot],
                                        &v[slot], NULL)) {
            return false;
        }
    }
    *cssid = v[0];
    *ssid = v[1];
    *num = v[2];
    return true;
}

static void parse_chpids(const char *s, MdevConfig *cfg)
{
    g_auto(GStrv) parts = g_strsplit(s, ",", -1);
    guint n = g_strv_length(parts);

    if (n == 0 || n > MDEV_MAX_CHPIDS) {
        die("--chpid '%s': give 1 to %d CHPIDs separated by commas", s,
            MDEV_MAX_CHPIDS);
    }
    for (guint i = 0; i < n; i++) {
        const char *p = parts[i];
        guint64 v;
        guint base = 10;

        if (g_str_has_prefix(p, "0x") || g_str_has_prefix(p, "0X")) {
            p += 2;
            base = 16;
        }
        if (!g_ascii_string_to_unsigned(p, base, 0, 0xff, &v, NULL)) {
            die("--chpid '%s': '%s' is not a CHPID (0-255, e.g. 0x50)", s,
                parts[i]);
        }
        cfg->chpid[i] = v;
    }
    cfg->num_chpids = n;
}

/* FILE[,readonly=on|off][,sync=on|off] */
static void parse_dasd(const char *arg, char **file, bool *readonly,
                       bool *sync)
{
    g_auto(GStrv) parts = g_strsplit(arg, ",", -1);

    if (!parts[0] || !*parts[0]) {
        die("--dasd '%s': no image file name", arg);
    }
    *file = g_strdup(parts[0]);
    for (guint i = 1; parts[i]; i++) {
        const char *opt = parts[i];
        bool *target;
        const char *val;

        if (g_str_has_prefix(opt, "readonly=")) {
            target = readonly;
        } else if (g_str_has_prefix(opt, "sync=")) {
            target = sync;
        } else {
            die("--dasd '%s': unknown option '%s' (readonly=, sync=)", arg,
                opt);
        }
        val = strchr(opt, '=') + 1;
        if (!strcmp(val, "on")) {
            *target = true;
        } else if (!strcmp(val, "off")) {
            *target = false;
        } else {
            die("--dasd '%s': '%s' wants on or off", arg, opt);
        }
    }
}

static void trace_to_stderr(void *opaque, const char *line)
{
    g_printerr("vfio-user-ccw: trace: %s\n", line);
}

static gboolean on_quit(gpointer opaque)
{
    Program *p = opaque;

    g_main_loop_quit(p->loop);
    return G_SOURCE_CONTINUE;
}

static void on_done(void *opaque)
{
    Program *p = opaque;

    g_main_loop_quit(p->loop);
}

static gboolean on_release_request(gpointer opaque)
{
    Program *p = opaque;

    if (mdev_request_release(p->mdev)) {
        g_printerr("vfio-user-ccw: asked the client to release the device\n");
    } else {
        g_printerr("vfio-user-ccw: release request not delivered: no client "
                   "has set a REQ eventfd\n");
    }
    return G_SOURCE_CONTINUE;
}

static gboolean on_path_toggle(gpointer opaque)
{
    Program *p = opaque;
    bool online = !mdev_path_online(p->mdev, 0);

    mdev_chp_event(p->mdev, 0, online);
    g_printerr("vfio-user-ccw: channel path 0 %s, channel report queued\n",
               online ? "online" : "offline");
    return G_SOURCE_CONTINUE;
}

int main(int argc, char **argv)
{
    Options o = { .fd = -1 };
    GOptionEntry entries[] = {
        { "socket", 0, 0, G_OPTION_ARG_FILENAME, &o.socket_path,
          "listen on a UNIX socket created at PATH (mode 0600)", "PATH" },
        { "socket-path", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME,
          &o.socket_path, "same as --socket", "PATH" },
        { "fd", 0, 0, G_OPTION_ARG_INT, &o.fd,
          "serve on inherited socket N (listening or connected)", "N" },
        { "dasd", 0, 0, G_OPTION_ARG_FILENAME, &o.dasd,
          "3390 CKD image, options readonly=on|off, sync=on|off",
          "FILE[,readonly=on][,sync=on]" },
        { "schid", 0, 0, G_OPTION_ARG_STRING, &o.schid,
          "host subchannel id (default 0.0.0000)", "C.S.NNNN" },
        { "devno", 0, 0, G_OPTION_ARG_STRING, &o.devno,
          "device number (default 0.0.0000)", "C.S.NNNN" },
        { "chpid", 0, 0, G_OPTION_ARG_STRING, &o.chpid,
          "CHPIDs of the paths, up to 8 (default 0x00)", "X[,X...]" },
        { "latency", 0, 0, G_OPTION_ARG_INT, &o.latency,
          "milliseconds a channel program takes before it ends, as a slow "
          "device (default 0)", "MS" },
        { "trace", 0, 0, G_OPTION_ARG_NONE, &o.trace,
          "trace state-machine transitions and messages to stderr", NULL },
        { NULL }
    };
    g_autoptr(GOptionContext) ctx =
        g_option_context_new("- simulated vfio-ccw DASD over vfio-user");
    g_autoptr(GError) err = NULL;
    g_autoptr(CkdImage) img = NULL;
    g_autoptr(DasdEckd) dasd = NULL;
    g_autoptr(DmaMaps) maps = NULL;
    g_autofree char *file = NULL;
    bool readonly = false, sync = false;
    MdevConfig cfg = { .num_chpids = 1 };
    MdevDevice dev;
    DasdChannel *dc;
    VucServer *server;
    Program prog = { 0 };

    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
        die("%s", err->message);
    }
    if (argc > 1) {
        die("unexpected argument '%s'", argv[1]);
    }
    if (!o.socket_path == (o.fd < 0)) {
        die("give exactly one of --socket PATH and --fd N");
    }
    if (!o.dasd) {
        die("no device: give --dasd FILE");
    }
    if (o.latency < 0 || o.latency > 60000) {
        die("--latency %d: expected 0 to 60000 milliseconds", o.latency);
    }
    parse_dasd(o.dasd, &file, &readonly, &sync);
    if (o.schid && !parse_busid(o.schid, &cfg.cssid, &cfg.ssid, &cfg.schno)) {
        die("--schid '%s': expected C.S.NNNN in hex, e.g. 0.0.0042", o.schid);
    }
    if (o.devno) {
        uint8_t cssid, ssid;

        if (!parse_busid(o.devno, &cssid, &ssid, &cfg.devno)) {
            die("--devno '%s': expected C.S.NNNN in hex, e.g. 0.0.1234",
                o.devno);
        }
        if (strchr(o.devno, '.') && (cssid != cfg.cssid || ssid != cfg.ssid)) {
            die("--devno '%s': a device is in the channel subsystem and "
                "subchannel set of its subchannel %x.%x.%04x", o.devno,
                cfg.cssid, cfg.ssid, cfg.schno);
        }
    }
    if (o.chpid) {
        parse_chpids(o.chpid, &cfg);
    }

    img = ckd_open(file, readonly, sync, &err);
    if (!img) {
        die("%s", err->message);
    }
    dasd = dasd_eckd_new(img, &err);
    if (!dasd) {
        die("%s: %s", file, err->message);
    }
    dasd_eckd_set_devno(dasd, cfg.devno);
    dc = dasd_channel_new(dasd);
    dasd_channel_device(dc, &dev);
    maps = dma_maps_new(VFIO_USER_CCW_MAX_DMA_MAPS);
    prog.mdev = mdev_new(&cfg, &dev, maps);
    if (o.trace) {
        mdev_set_trace(prog.mdev, trace_to_stderr, NULL);
    }

    signal(SIGPIPE, SIG_IGN);
    prog.loop = g_main_loop_new(NULL, FALSE);
    /* Signals are ours before anyone can connect and then signal us. */
    g_unix_signal_add(SIGTERM, on_quit, &prog);
    g_unix_signal_add(SIGINT, on_quit, &prog);
    g_unix_signal_add(SIGHUP, on_quit, &prog);
    g_unix_signal_add(SIGUSR1, on_release_request, &prog);
    g_unix_signal_add(SIGUSR2, on_path_toggle, &prog);
    server = vuc_server_new(prog.mdev, maps, o.trace);
    vuc_server_set_latency(server, (unsigned)o.latency);
    vuc_server_set_done(server, on_done, &prog);
    if (o.socket_path ? !vuc_server_listen(server, o.socket_path, &err)
                      : !vuc_server_use_fd(server, o.fd, &err)) {
        die("%s", err->message);
    }

    g_printerr("vfio-user-ccw: serving %s%s as subchannel %x.%x.%04x, "
               "device %x.%x.%04x, on %s\n", file,
               readonly ? " (read-only)" : "", cfg.cssid, cfg.ssid,
               cfg.schno, cfg.cssid, cfg.ssid, cfg.devno,
               o.socket_path ? o.socket_path : "an inherited socket");
    g_main_loop_run(prog.loop);

    /* Mirror image of the set-up: the client goes first, the image last. */
    vuc_server_free(server);
    mdev_free(prog.mdev);
    dasd_channel_free(dc);
    g_main_loop_unref(prog.loop);
    if (!readonly && !ckd_flush(img, &err)) {
        /* Acknowledged writes may not be on disk: say so in the status. */
        g_printerr("vfio-user-ccw: %s\n", err->message);
        return 1;
    }
    g_free(o.socket_path);
    g_free(o.dasd);
    g_free(o.schid);
    g_free(o.devno);
    g_free(o.chpid);
    return 0;
}
