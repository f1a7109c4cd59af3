/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The test side of the qtest protocol: start, talk to and reap a machine.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "libqtest.h"

#define QTEST_CONNECT_TIMEOUT_MS 30000
#define QTEST_EXIT_TIMEOUT_MS 30000

struct QTestState {
    pid_t pid;
    int fd;
    GString *rx;
    char *tmpdir;
    char *sock_path;
};

const char *qtest_binary(void)
{
    const char *bin = g_getenv("QTEST_QEMU_BINARY");

    if (!bin || !*bin) {
        g_error("QTEST_QEMU_BINARY is not set: point it at the "
                "qemu-system-s390x you built (meson test sets it)");
    }
    return bin;
}

void qtest_argv_add_binary(GPtrArray *argv)
{
    const char *wrapper = g_getenv("MESON_EXE_WRAPPER");

    if (wrapper && *wrapper) {
        g_auto(GStrv) words = NULL;
        g_autoptr(GError) err = NULL;

        if (!g_shell_parse_argv(wrapper, NULL, &words, &err)) {
            g_error("bad MESON_EXE_WRAPPER '%s': %s", wrapper, err->message);
        }
        for (int i = 0; words[i]; i++) {
            g_ptr_array_add(argv, g_strdup(words[i]));
        }
    }
    g_ptr_array_add(argv, g_strdup(qtest_binary()));
}

static int listen_unix(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpuint(strlen(path), <, sizeof(sa.sun_path));
    memcpy(sa.sun_path, path, strlen(path));
    g_assert_cmpint(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    g_assert_cmpint(listen(fd, 1), ==, 0);
    return fd;
}

/* Wait for the machine to connect; fail early if it exits instead. */
static int accept_machine(int lfd, pid_t pid)
{
    for (int waited = 0; waited < QTEST_CONNECT_TIMEOUT_MS; waited += 50) {
        struct pollfd pfd = { .fd = lfd, .events = POLLIN };
        int status;

        if (poll(&pfd, 1, 50) > 0) {
            int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);

            g_assert_cmpint(fd, >=, 0);
            return fd;
        }
        if (waitpid(pid, &status, WNOHANG) == pid) {
            g_error("the machine exited before connecting (status 0x%x); "
                    "see its messages above", status);
        }
    }
    g_error("the machine did not connect within %d ms",
            QTEST_CONNECT_TIMEOUT_MS);
    return -1;
}

QTestState *qtest_init(const char *extra_args)
{
    QTestState *s = g_new0(QTestState, 1);
    g_autoptr(GError) err = NULL;
    g_auto(GStrv) extra = NULL;
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    GPid pid;
    int lfd;

    s->tmpdir = g_dir_make_tmp("qtest-XXXXXX", &err);
    g_assert_no_error(err);
    s->sock_path = g_build_filename(s->tmpdir, "qtest.sock", NULL);
    lfd = listen_unix(s->sock_path);

    if (!g_shell_parse_argv(extra_args && *extra_args ? extra_args : "''",
                            NULL, &extra, &err)) {
        g_error("bad machine arguments '%s': %s", extra_args, err->message);
    }
    qtest_argv_add_binary(argv);
    for (int i = 0; extra[i]; i++) {
        if (*extra[i]) {
            g_ptr_array_add(argv, g_strdup(extra[i]));
        }
    }
    g_ptr_array_add(argv, g_strdup("-qtest"));
    g_ptr_array_add(argv, g_strdup_printf("unix:%s", s->sock_path));
    g_ptr_array_add(argv, g_strdup("-accel"));
    g_ptr_array_add(argv, g_strdup("qtest"));
    g_ptr_array_add(argv, NULL);

    if (!g_spawn_async(NULL, (char **)argv->pdata, NULL,
                       G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &err)) {
        g_error("cannot start %s: %s", qtest_binary(), err->message);
    }
    s->pid = pid;
    s->fd = accept_machine(lfd, pid);
    close(lfd);
    s->rx = g_string_new(NULL);
    return s;
}

QTestState *qtest_initf(const char *fmt, ...)
{
    va_list ap;
    g_autofree char *args = NULL;

    va_start(ap, fmt);
    args = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return qtest_init(args);
}

pid_t qtest_pid(QTestState *s)
{
    return s->pid;
}

static int wait_exit(pid_t pid, int timeout_ms)
{
    int status;

    for (int waited = 0; waited < timeout_ms; waited += 10) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            return status;
        }
        g_usleep(10 * 1000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    g_error("the machine did not exit within %d ms after the session "
            "closed (killed)", timeout_ms);
    return status;
}

void qtest_quit(QTestState *s)
{
    int status;

    /* Closing the session is the machine's cue to shut down cleanly. */
    close(s->fd);
    status = wait_exit(s->pid, QTEST_EXIT_TIMEOUT_MS);
    if (WIFSIGNALED(status)) {
        g_error("the machine was killed by signal %d (%s)", WTERMSIG(status),
                g_strsignal(WTERMSIG(status)));
    }
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    unlink(s->sock_path);
    rmdir(s->tmpdir);
    g_free(s->sock_path);
    g_free(s->tmpdir);
    g_string_free(s->rx, TRUE);
    g_free(s);
}

static void send_all(int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            g_error("qtest send failed: %s", g_strerror(errno));
        }
        buf += n;
        len -= (size_t)n;
    }
}

static char *recv_line(QTestState *s)
{
    char *nl;

    while (!(nl = memchr(s->rx->str, '\n', s->rx->len))) {
        char buf[65536];
        ssize_t n = recv(s->fd, buf, sizeof(buf), 0);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            g_error("the machine closed the qtest session (%s)",
                    n < 0 ? g_strerror(errno) : "end of file");
        }
        g_string_append_len(s->rx, buf, n);
    }
    {
        size_t len = (size_t)(nl - s->rx->str);
        char *line = g_strndup(s->rx->str, len);

        g_string_erase(s->rx, 0, (gssize)len + 1);
        return line;
    }
}

char *qtest_request(QTestState *s, const char *line)
{
    g_autofree char *framed = g_strconcat(line, "\n", NULL);

    send_all(s->fd, framed, strlen(framed));
    return recv_line(s);
}

char *qtest_requestf(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *line = NULL;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return qtest_request(s, line);
}

char *qtest_okf(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *line = NULL;
    g_autofree char *reply = NULL;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    reply = qtest_request(s, line);
    if (g_str_equal(reply, "OK")) {
        return g_strdup("");
    }
    if (!g_str_has_prefix(reply, "OK ")) {
        g_error("request '%s' got '%s'", line, reply);
    }
    return g_strdup(reply + 3);
}

void qtest_cmdf(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *line = NULL;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_free(qtest_okf(s, "%s", line));
}

static uint64_t parse_reply_u64(const char *words)
{
    guint64 v;
    g_autoptr(GError) err = NULL;

    if (!g_ascii_string_to_unsigned(g_str_has_prefix(words, "0x") ?
                                    words + 2 : words,
                                    g_str_has_prefix(words, "0x") ? 16 : 10,
                                    0, G_MAXUINT64, &v, &err)) {
        g_error("reply '%s' is not a number: %s", words, err->message);
    }
    return v;
}

static uint64_t read_n(QTestState *s, const char *req, uint64_t addr)
{
    g_autofree char *words = qtest_okf(s, "%s 0x%" PRIx64, req, addr);

    return parse_reply_u64(words);
}

static void write_n(QTestState *s, const char *req, uint64_t addr,
                    uint64_t val)
{
    qtest_cmdf(s, "%s 0x%" PRIx64 " 0x%" PRIx64, req, addr, val);
}

uint8_t qtest_readb(QTestState *s, uint64_t addr)
{
    return (uint8_t)read_n(s, "readb", addr);
}

uint16_t qtest_readw(QTestState *s, uint64_t addr)
{
    return (uint16_t)read_n(s, "readw", addr);
}

uint32_t qtest_readl(QTestState *s, uint64_t addr)
{
    return (uint32_t)read_n(s, "readl", addr);
}

uint64_t qtest_readq(QTestState *s, uint64_t addr)
{
    return read_n(s, "readq", addr);
}

void qtest_writeb(QTestState *s, uint64_t addr, uint8_t val)
{
    write_n(s, "writeb", addr, val);
}

void qtest_writew(QTestState *s, uint64_t addr, uint16_t val)
{
    write_n(s, "writew", addr, val);
}

void qtest_writel(QTestState *s, uint64_t addr, uint32_t val)
{
    write_n(s, "writel", addr, val);
}

void qtest_writeq(QTestState *s, uint64_t addr, uint64_t val)
{
    write_n(s, "writeq", addr, val);
}

void qtest_memread(QTestState *s, uint64_t addr, void *buf, size_t size)
{
    g_autofree char *b64 = qtest_okf(s, "b64read 0x%" PRIx64 " %zu", addr,
                                     size);
    gsize len = 0;
    g_autofree uint8_t *data = g_base64_decode(b64, &len);

    g_assert_cmpuint(len, ==, size);
    memcpy(buf, data, size);
}

void qtest_memwrite(QTestState *s, uint64_t addr, const void *buf,
                    size_t size)
{
    g_autofree char *b64 = g_base64_encode(buf, size);
    qtest_cmdf(s, "b64write 0x%" PRIx64 " %zu %s", addr, size, b64);
}

void qtest_memset(QTestState *s, uint64_t addr, uint8_t byte, size_t size)
{
    qtest_cmdf(s, "memset 0x%" PRIx64 " %zu 0x%x", addr, size, byte);
}

int qtest_run_binary(const char *args, const char *stdin_text, char **out,
                     char **err)
{
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) words = NULL;
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GSubprocess) proc = NULL;
    int status;

    if (!g_shell_parse_argv(args && *args ? args : "''", NULL, &words,
                            &error)) {
        g_error("bad arguments '%s': %s", args, error->message);
    }
    qtest_argv_add_binary(argv);
    for (int i = 0; words[i]; i++) {
        if (*words[i]) {
            g_ptr_array_add(argv, g_strdup(words[i]));
        }
    }
    g_ptr_array_add(argv, NULL);
    proc = g_subprocess_newv((const char *const *)argv->pdata,
                             G_SUBPROCESS_FLAGS_STDIN_PIPE |
                             G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                             G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
    g_assert_no_error(error);
    g_subprocess_communicate_utf8(proc, stdin_text ? stdin_text : "", NULL,
                                  out, err, &error);
    g_assert_no_error(error);
    status = g_subprocess_get_status(proc);
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return WEXITSTATUS(status);
}
