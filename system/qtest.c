/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The qtest server: a line protocol through which a test (or a script)
 * plays the CPU.  Framing, the guest-memory requests and the log live
 * here; other requests register themselves (qtest_register_command).
 * The protocol is documented in docs/devel/qtest-s390x.rst.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <glib-unix.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "qemu/cutils.h"
#include "qemu/module.h"
#include "hw/boards.h"
#include "system/qtest.h"
#include "system/runstate.h"

/*
 * A request line longer than this is refused as a whole: b64write of a
 * whole megabyte stays well inside it, a runaway client does not grow
 * the machine without bound.
 */
#define QTEST_MAX_LINE (64 * 1024 * 1024)

/* The largest read/write/memset one request may cover. */
#define QTEST_MAX_XFER (16 * 1024 * 1024)

typedef enum QTestMode {
    QTEST_MODE_STDIO,
    QTEST_MODE_CONNECT,
    QTEST_MODE_LISTEN,
} QTestMode;

typedef struct QTestServer {
    QTestMode mode;
    int in_fd;              /* requests come from here (-1: no client) */
    int out_fd;             /* replies go there */
    int listen_fd;          /* listen mode only */
    char *listen_path;
    guint client_watch;
    guint listen_watch;
    GString *inbuf;
    bool discarding;        /* skipping the rest of an over-long line */
    FILE *log;
    gint64 start_us;
} QTestServer;

static QTestServer qtest;
static GHashTable *qtest_commands;

void qtest_register_command(const char *name, QTestCommandFn fn)
{
    if (!qtest_commands) {
        qtest_commands = g_hash_table_new(g_str_hash, g_str_equal);
    }
    if (g_hash_table_contains(qtest_commands, name)) {
        g_error("qtest request '%s' registered twice", name);
    }
    g_hash_table_insert(qtest_commands, (gpointer)name, (gpointer)fn);
}

bool qtest_parse_u64(const char *arg, const char *what, uint64_t *val,
                     GError **errp)
{
    if (qemu_strtou64(arg, val) < 0) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "bad %s '%s'", what, arg);
        return false;
    }
    return true;
}

/* ---- guest memory requests -------------------------------------------- */

static bool check_argc(int argc, char **argv, int want, const char *usage,
                       GError **errp)
{
    if (argc != want) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "usage: %s%s%s", argv[0], *usage ? " " : "", usage);
        return false;
    }
    return true;
}

static GuestRAM *machine_ram(GError **errp)
{
    if (!current_machine || !current_machine->ram) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                    "no guest RAM");
        return NULL;
    }
    return current_machine->ram;
}

/* Parse ADDR and SIZE and check that the range is inside guest RAM. */
static bool parse_range(GuestRAM *ram, const char *a, const char *s,
                        uint64_t *addr, uint64_t *size, GError **errp)
{
    if (!qtest_parse_u64(a, "address", addr, errp) ||
        !qtest_parse_u64(s, "size", size, errp)) {
        return false;
    }
    if (*size > QTEST_MAX_XFER) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "size %" PRIu64 " is larger than %u bytes", *size,
                    QTEST_MAX_XFER);
        return false;
    }
    if (!guest_ram_valid(ram, *addr, *size)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "address 0x%" PRIx64 " size 0x%" PRIx64
                    " is outside guest RAM (0x%" PRIx64 " bytes)",
                    *addr, *size, guest_ram_size(ram));
        return false;
    }
    return true;
}

/* Width in bytes of readb/readw/readl/readq and the write twins. */
static unsigned access_width(const char *name)
{
    switch (name[strlen(name) - 1]) {
    case 'b':
        return 1;
    case 'w':
        return 2;
    case 'l':
        return 4;
    default:
        return 8;
    }
}

static bool qtest_read_n(int argc, char **argv, GString *reply, GError **errp)
{
    GuestRAM *ram = machine_ram(errp);
    unsigned width = access_width(argv[0]);
    uint64_t addr, size = width, val = 0;
    uint8_t buf[8];

    if (!ram || !check_argc(argc, argv, 2, "ADDR", errp)) {
        return false;
    }
    if (!qtest_parse_u64(argv[1], "address", &addr, errp)) {
        return false;
    }
    if (!guest_ram_read(ram, addr, buf, size)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "address 0x%" PRIx64 " is outside guest RAM", addr);
        return false;
    }
    for (unsigned i = 0; i < width; i++) {
        val = val << 8 | buf[i];       /* guest memory is big-endian */
    }
    /* Two digits per byte of the access, as the example shows. */
    g_string_append_printf(reply, "0x%0*" PRIx64, (int)width * 2, val);
    return true;
}

static bool qtest_write_n(int argc, char **argv, GString *reply, GError **errp)
{
    GuestRAM *ram = machine_ram(errp);
    unsigned width = access_width(argv[0]);
    uint64_t addr, val;
    uint8_t buf[8];

    if (!ram || !check_argc(argc, argv, 3, "ADDR VALUE", errp)) {
        return false;
    }
    if (!qtest_parse_u64(argv[1], "address", &addr, errp) ||
        !qtest_parse_u64(argv[2], "value", &val, errp)) {
        return false;
    }
    if (width < 8 && val >> (width * 8)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "value '%s' does not fit in %u bytes", argv[2], width);
        return false;
    }
    for (unsigned i = 0; i < width; i++) {
        buf[i] = (uint8_t)(val >> (8 * (width - 1 - i)));
    }
    if (!guest_ram_write(ram, addr, buf, width)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "address 0x%" PRIx64 " is outside guest RAM", addr);
        return false;
    }
    return true;
}

static bool qtest_read(int argc, char **argv, GString *reply, GError **errp)
{
    GuestRAM *ram = machine_ram(errp);
    uint64_t addr, size;
    const uint8_t *p;

    if (!ram || !check_argc(argc, argv, 3, "ADDR SIZE", errp) ||
        !parse_range(ram, argv[1], argv[2], &addr, &size, errp)) {
        return false;
    }
    p = guest_ram_map(ram, addr, size);
    g_string_append(reply, "0x");
    for (uint64_t i = 0; i < size; i++) {
        g_string_append_printf(reply, "%02x", p[i]);
    }
    return true;
}

static bool qtest_write(int argc, char **argv, GString *reply, GError **errp)
{
    GuestRAM *ram = machine_ram(errp);
    uint64_t addr, size, ndigits;
    const char *hex;
    g_autofree uint8_t *buf = NULL;

    if (!ram || !check_argc(argc, argv, 4, "ADDR SIZE 0xHEX", errp) ||
        !parse_range(ram, argv[1], argv[2], &addr, &size, errp)) {
        return false;
    }
    hex = argv[3];
    if (hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X')) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "data '%.16s' does not start with 0x", hex);
        return false;
    }
    hex += 2;
    ndigits = strlen(hex);
    /* As in QEMU, fewer digits than SIZE bytes leave zeros at the end. */
    if (ndigits % 2 || ndigits > 2 * size) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "data has %" PRIu64 " hex digits for %" PRIu64
                    " bytes", ndigits, size);
        return false;
    }
    buf = g_malloc0(size ? size : 1);
    for (uint64_t i = 0; i < ndigits / 2; i++) {
        int hi = g_ascii_xdigit_value(hex[2 * i]);
        int lo = g_ascii_xdigit_value(hex[2 * i + 1]);

        if (hi < 0 || lo < 0) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "data has a non-hex digit at offset %" PRIu64,
                        2 * i + 2);
            return false;
        }
        buf[i] = (uint8_t)(hi << 4 | lo);
    }
    guest_ram_write(ram, addr, buf, size);
    return true;
}

static bool qtest_b64read(int argc, char **argv, GString *reply, GError **errp)
{
    GuestRAM *ram = machine_ram(errp);
    uint64_t addr, size;
    g_autofree char *b64 = NULL;

    if (!ram || !check_argc(argc, argv, 3, "ADDR SIZE", errp) ||
        !parse_range(ram, argv[1], argv[2], &addr, &size, errp)) {
        return false;
    }
    b64 = g_base64_encode(guest_ram_map(ram, addr, size), size);
    g_string_append(reply, b64);
    return true;
}

static bool qtest_b64write(int argc, char **argv, GString *reply,
                           GError **errp)
{
    GuestRAM *ram = machine_ram(errp);
    uint64_t addr, size;
    gsize len = 0;
    g_autofree uint8_t *data = NULL;

    if (!ram || !check_argc(argc, argv, 4, "ADDR SIZE BASE64", errp) ||
        !parse_range(ram, argv[1], argv[2], &addr, &size, errp)) {
        return false;
    }
    for (const char *p = argv[3]; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '+' && *p != '/' && *p != '=') {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "data is not base64 (character '%c')", *p);
            return false;
        }
    }
    data = g_base64_decode(argv[3], &len);
    if (len != size) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "data decodes to %zu bytes, not %" PRIu64, (size_t)len,
                    size);
        return false;
    }
    guest_ram_write(ram, addr, data, size);
    return true;
}

static bool qtest_memset(int argc, char **argv, GString *reply, GError **errp)
{
    GuestRAM *ram = machine_ram(errp);
    uint64_t addr, size, byte;

    if (!ram || !check_argc(argc, argv, 4, "ADDR SIZE BYTE", errp) ||
        !parse_range(ram, argv[1], argv[2], &addr, &size, errp) ||
        !qtest_parse_u64(argv[3], "byte", &byte, errp)) {
        return false;
    }
    if (byte > 0xff) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "byte '%s' is larger than 0xff", argv[3]);
        return false;
    }
    guest_ram_memset(ram, addr, (uint8_t)byte, size);
    return true;
}

static bool qtest_endianness(int argc, char **argv, GString *reply,
                             GError **errp)
{
    if (!check_argc(argc, argv, 1, "", errp)) {
        return false;
    }
    /* The guest's byte order, whatever the host's. */
    g_string_append(reply, "big");
    return true;
}

/* system_reset: as after IPL clear (the machine's reset hook). */
static bool qtest_system_reset(int argc, char **argv, GString *reply,
                               GError **errp)
{
    if (!check_argc(argc, argv, 1, "", errp)) {
        return false;
    }
    if (!current_machine) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                    "no machine");
        return false;
    }
    qemu_system_reset(current_machine);
    return true;
}

static void qtest_register_memory_commands(void)
{
    static const char *const rw[] = {
        "readb", "readw", "readl", "readq",
    };
    static const char *const ww[] = {
        "writeb", "writew", "writel", "writeq",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(rw); i++) {
        qtest_register_command(rw[i], qtest_read_n);
        qtest_register_command(ww[i], qtest_write_n);
    }
    qtest_register_command("read", qtest_read);
    qtest_register_command("write", qtest_write);
    qtest_register_command("b64read", qtest_b64read);
    qtest_register_command("b64write", qtest_b64write);
    qtest_register_command("memset", qtest_memset);
    qtest_register_command("endianness", qtest_endianness);
    qtest_register_command("system_reset", qtest_system_reset);
}

type_init(qtest_register_memory_commands)

/* ---- framing ------------------------------------------------------------ */

static void qtest_log(char dir, const char *line)
{
    gint64 t;

    if (!qtest.log) {
        return;
    }
    t = g_get_monotonic_time() - qtest.start_us;
    fprintf(qtest.log, "[%c +%" PRId64 ".%06" PRId64 "] %s\n", dir,
            t / G_USEC_PER_SEC, t % G_USEC_PER_SEC, line);
    fflush(qtest.log);
}

char *qtest_process_request(const char *line)
{
    g_auto(GStrv) argv = g_strsplit(line, " ", -1);
    int argc = (int)g_strv_length(argv);
    g_autoptr(GString) reply = g_string_new(NULL);
    g_autoptr(GError) err = NULL;
    QTestCommandFn fn;

    if (argc == 0 || !*argv[0]) {
        return g_strdup("FAIL empty request");
    }
    for (int i = 1; i < argc; i++) {
        if (!*argv[i]) {
            return g_strdup_printf("FAIL words of '%s' must be separated "
                                   "by single spaces", argv[0]);
        }
    }
    fn = qtest_commands ? g_hash_table_lookup(qtest_commands, argv[0]) : NULL;
    if (!fn) {
        return g_strdup_printf("FAIL unknown command '%s'", argv[0]);
    }
    if (!fn(argc, argv, reply, &err)) {
        return g_strdup_printf("FAIL %s", err ? err->message : "failed");
    }
    return reply->len ? g_strdup_printf("OK %s", reply->str) : g_strdup("OK");
}

static bool write_all(int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = write(fd, buf, len);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        buf += n;
        len -= (size_t)n;
    }
    return true;
}

static void qtest_client_gone(void);

static void qtest_handle_line(const char *line)
{
    g_autofree char *reply = NULL;
    g_autofree char *framed = NULL;

    qtest_log('R', line);
    reply = qtest_process_request(line);
    qtest_log('S', reply);
    framed = g_strconcat(reply, "\n", NULL);
    if (qtest.out_fd >= 0 && !write_all(qtest.out_fd, framed, strlen(framed))) {
        qtest_client_gone();
    }
}

/* Split the input buffer into lines and serve each complete one. */
static void qtest_drain_lines(void)
{
    char *nl;

    while (qtest.in_fd >= 0 && (nl = memchr(qtest.inbuf->str, '\n',
                                             qtest.inbuf->len))) {
        size_t len = (size_t)(nl - qtest.inbuf->str);
        g_autofree char *line = g_strndup(qtest.inbuf->str, len);

        g_string_erase(qtest.inbuf, 0, (gssize)len + 1);
        if (qtest.discarding) {
            qtest.discarding = false;
            continue;
        }
        if (len && line[len - 1] == '\r') {
            line[len - 1] = '\0';
        }
        qtest_handle_line(line);
    }
    if (qtest.inbuf->len > QTEST_MAX_LINE) {
        /* One FAIL for the whole over-long request, then skip to its end. */
        g_string_truncate(qtest.inbuf, 0);
        if (!qtest.discarding) {
            qtest.discarding = true;
            qtest_log('R', "(request too long)");
            qtest_log('S', "FAIL request longer than 64 MiB");
            if (qtest.out_fd >= 0) {
                write_all(qtest.out_fd, "FAIL request longer than 64 MiB\n",
                          32);
            }
        }
    }
}

static gboolean qtest_client_readable(gint fd, GIOCondition cond,
                                      gpointer opaque)
{
    char buf[65536];
    ssize_t n = read(fd, buf, sizeof(buf));

    if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
        return G_SOURCE_CONTINUE;
    }
    if (n <= 0) {
        qtest.client_watch = 0;
        qtest_client_gone();
        return G_SOURCE_REMOVE;
    }
    g_string_append_len(qtest.inbuf, buf, n);
    qtest_drain_lines();
    return qtest.in_fd >= 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void qtest_start_client(int in_fd, int out_fd)
{
    qtest.in_fd = in_fd;
    qtest.out_fd = out_fd;
    g_string_truncate(qtest.inbuf, 0);
    qtest.discarding = false;
    qtest.client_watch = g_unix_fd_add(in_fd, G_IO_IN | G_IO_HUP | G_IO_ERR,
                                       qtest_client_readable, NULL);
}

static gboolean qtest_accept(gint fd, GIOCondition cond, gpointer opaque);

/*
 * The client closed its end (or a reply could not be written).  A test
 * that started us (stdio, connect) is finished: shut down cleanly.  A
 * listening server waits for the next client.
 */
static void qtest_client_gone(void)
{
    if (qtest.client_watch) {
        g_source_remove(qtest.client_watch);
        qtest.client_watch = 0;
    }
    if (qtest.mode == QTEST_MODE_STDIO) {
        qtest.in_fd = qtest.out_fd = -1;
        qemu_system_shutdown_request(0);
        return;
    }
    if (qtest.in_fd >= 0) {
        close(qtest.in_fd);
    }
    qtest.in_fd = qtest.out_fd = -1;
    if (qtest.mode == QTEST_MODE_CONNECT) {
        qemu_system_shutdown_request(0);
    } else if (!qtest.listen_watch) {
        qtest.listen_watch = g_unix_fd_add(qtest.listen_fd, G_IO_IN,
                                           qtest_accept, NULL);
    }
}

static gboolean qtest_accept(gint fd, GIOCondition cond, gpointer opaque)
{
    int cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC);

    if (cfd < 0) {
        return G_SOURCE_CONTINUE;
    }
    /* One client at a time: later ones wait in the backlog. */
    qtest.listen_watch = 0;
    qtest_start_client(cfd, cfd);
    return G_SOURCE_REMOVE;
}

static bool unix_address(const char *path, struct sockaddr_un *sa,
                         GError **errp)
{
    memset(sa, 0, sizeof(*sa));
    sa->sun_family = AF_UNIX;
    if (!*path || strlen(path) >= sizeof(sa->sun_path)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "socket path '%s' is empty or longer than %zu bytes",
                    path, sizeof(sa->sun_path) - 1);
        return false;
    }
    memcpy(sa->sun_path, path, strlen(path));
    return true;
}

static bool qtest_open_unix(const char *path, bool server, GError **errp)
{
    struct sockaddr_un sa;
    struct stat st;
    int fd;

    if (!unix_address(path, &sa, errp)) {
        return false;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                    "qtest socket: %s", g_strerror(errno));
        return false;
    }
    if (!server) {
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
            g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                        "cannot connect qtest to '%s': %s", path,
                        g_strerror(errno));
            close(fd);
            return false;
        }
        qtest_start_client(fd, fd);
        return true;
    }
    /* A stale socket from an earlier run is replaced; other files are not. */
    if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
        unlink(path);
    }
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 4) < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                    "cannot listen for qtest on '%s': %s", path,
                    g_strerror(errno));
        close(fd);
        return false;
    }
    qtest.listen_fd = fd;
    qtest.listen_path = g_strdup(path);
    qtest.listen_watch = g_unix_fd_add(fd, G_IO_IN, qtest_accept, NULL);
    return true;
}

/* "unix:PATH[,server=on|off][,wait=on|off]" */
static bool qtest_parse_unix_spec(const char *spec, char **path, bool *server,
                                  GError **errp)
{
    g_auto(GStrv) parts = g_strsplit(spec + strlen("unix:"), ",", -1);

    *server = false;
    *path = g_strdup(parts[0]);
    for (int i = 1; parts[i]; i++) {
        bool b;

        if (g_str_has_prefix(parts[i], "server=") &&
            qemu_parse_bool(parts[i] + 7, &b) == 0) {
            *server = b;
        } else if (g_str_has_prefix(parts[i], "wait=") &&
                   qemu_parse_bool(parts[i] + 5, &b) == 0) {
            /* A listening qtest never blocks start-up: nothing to do. */
        } else {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "-qtest %s: unknown or bad parameter '%s'", spec,
                        parts[i]);
            g_clear_pointer(path, g_free);
            return false;
        }
    }
    return true;
}

bool qtest_server_init(const char *spec, const char *logfile, GError **errp)
{
    qtest.in_fd = qtest.out_fd = qtest.listen_fd = -1;
    qtest.inbuf = g_string_new(NULL);
    qtest.start_us = g_get_monotonic_time();
    if (logfile) {
        qtest.log = fopen(logfile, "w");
        if (!qtest.log) {
            g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                        "-qtest-log %s: %s", logfile, g_strerror(errno));
            return false;
        }
    }
    if (g_str_equal(spec, "stdio")) {
        qtest.mode = QTEST_MODE_STDIO;
        qtest_start_client(STDIN_FILENO, STDOUT_FILENO);
        return true;
    }
    if (g_str_has_prefix(spec, "unix:")) {
        g_autofree char *path = NULL;
        bool server;

        if (!qtest_parse_unix_spec(spec, &path, &server, errp)) {
            return false;
        }
        qtest.mode = server ? QTEST_MODE_LISTEN : QTEST_MODE_CONNECT;
        return qtest_open_unix(path, server, errp);
    }
    g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                "-qtest %s: expected stdio, unix:PATH or "
                "unix:PATH,server=on", spec);
    return false;
}

void qtest_server_cleanup(void)
{
    /* Never started (no -qtest): the zeroed fds are not ours to close. */
    if (!qtest.inbuf) {
        return;
    }
    if (qtest.client_watch) {
        g_source_remove(qtest.client_watch);
    }
    if (qtest.listen_watch) {
        g_source_remove(qtest.listen_watch);
    }
    if (qtest.mode != QTEST_MODE_STDIO && qtest.in_fd >= 0) {
        close(qtest.in_fd);
    }
    if (qtest.listen_fd >= 0) {
        close(qtest.listen_fd);
        unlink(qtest.listen_path);
    }
    g_free(qtest.listen_path);
    if (qtest.log) {
        fclose(qtest.log);
    }
    if (qtest.inbuf) {
        g_string_free(qtest.inbuf, TRUE);
    }
    memset(&qtest, 0, sizeof(qtest));
}
