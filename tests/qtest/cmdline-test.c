/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command line: help output, and one clear line plus exit status 1
 * for every bad option, property or value.  Also the qtest server's
 * stdio, listen and log modes, which need a process of their own.
 */
#include "qemu/osdep.h"
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "libqtest.h"

/* Run with @args; expect exit 1 and exactly one stderr line with @needle. */
static void assert_one_line_error(const char *args, const char *needle)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = qtest_run_binary(args, NULL, &out, &err);
    const char *nl = strchr(err, '\n');

    if (status != 1 || !nl || nl[1] != '\0' || !strstr(err, needle) ||
        !g_str_has_prefix(err, "qemu-system-s390x: ")) {
        g_error("'%s': status %d, stderr '%s'; expected status 1 and one "
                "line containing '%s'", args, status, err, needle);
    }
    g_assert_cmpstr(out, ==, "");
}

static void test_machine_help_lists_s390_ccw_virtio(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint(qtest_run_binary("-M help", NULL, &out, &err), ==, 0);
    g_assert_nonnull(strstr(out, "\ns390-ccw-virtio "));
}

static void test_device_help_lists_devices(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint(qtest_run_binary("-device help", NULL, &out, &err), ==, 0);
    g_assert_true(g_str_has_prefix(out, "Devices:\n"));
    g_assert_cmpstr(err, ==, "");
}

static void test_version_and_help(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *hout = NULL;
    g_autofree char *herr = NULL;

    g_assert_cmpint(qtest_run_binary("-version", NULL, &out, &err), ==, 0);
    g_assert_true(g_str_has_prefix(out, "QEMU emulator version "));
    g_assert_cmpint(qtest_run_binary("-h", NULL, &hout, &herr), ==, 0);
    g_assert_nonnull(strstr(hout, "-device TYPE[,PROP=VALUE...]"));
    g_assert_nonnull(strstr(hout, "-qtest-log FILE"));
}

static void test_errors_are_one_line(void)
{
    static const struct {
        const char *args;
        const char *needle;
    } cases[] = {
        { "-M s390-ccw-virtio,bogus=1", "has no property 'bogus'" },
        { "-M s390-ccw-virtio,s390-squash-mcss=maybe",
          "does not take 'maybe'" },
        { "-M s390-ccw-virtio,s390-squash-mcss", "needs a value" },
        { "-M pc", "unsupported machine type 'pc'" },
        { "-M s390-ccw-virtio,=1", "empty parameter name" },
        { "-M s390-ccw-virtio,a,,b=1", "no property 'a,b'" },
        { "-m 12x", "-m 12x" },
        { "-m 0", "-m 0" },
        { "-m 4097K", "multiple of 4K" },
        { "-m 2T", "too large" },
        { "-m 99999999999999999999", "too large" },
        { "-frobnicate", "-frobnicate: invalid option" },
        { "s390-ccw-virtio", "s390-ccw-virtio: invalid option" },
        { "-m", "-m: requires an argument" },
        { "-device nosuchdev", "'nosuchdev' is not a valid device model name" },
        { "-device nosuchdev,help", "'nosuchdev' is not a valid device" },
        { "-device id=x", "missing device type" },
        { "-accel kvm", "-accel kvm: accelerator not available" },
        { "-display gtk", "-display gtk: only 'none'" },
        { "-qtest tcp:1234", "-qtest tcp:1234: expected stdio" },
        { "-qtest unix:/nonexistent/dir/sock", "cannot connect qtest" },
        { "-qtest unix:/tmp/x,server=maybe", "unknown or bad parameter" },
        { "-qtest stdio -qtest-log /nonexistent/dir/log", "-qtest-log" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        assert_one_line_error(cases[i].args, cases[i].needle);
    }
}

static void test_qtest_stdio_session(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = qtest_run_binary(
        "-M s390-ccw-virtio -qtest stdio",
        "endianness\nwriteq 0x1000 0x0102030405060708\nreadl 0x1000\n",
        &out, &err);

    g_assert_cmpint(status, ==, 0);
    g_assert_cmpstr(out, ==, "OK big\nOK\nOK 0x01020304\n");
}

static void test_default_ram_is_128m(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = qtest_run_binary("-qtest stdio",
                                  "readb 0x7ffffff\nreadb 0x8000000\n",
                                  &out, &err);

    g_assert_cmpint(status, ==, 0);
    g_assert_true(g_str_has_prefix(out, "OK 0x00\nFAIL "));
}

static void test_m_sizes(void)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = qtest_run_binary("-m 65536K -qtest stdio",
                                  "readb 0x3ffffff\nreadb 0x4000000\n",
                                  &out, &err);

    g_assert_cmpint(status, ==, 0);
    g_assert_true(g_str_has_prefix(out, "OK 0x00\nFAIL "));
}

static void test_qtest_log_records_requests(void)
{
    g_autoptr(GError) gerr = NULL;
    g_autofree char *dir = g_dir_make_tmp("qtest-log-XXXXXX", &gerr);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    g_autofree char *args = g_strdup_printf("-qtest stdio -qtest-log %s", log);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *text = NULL;

    g_assert_cmpint(qtest_run_binary(args, "endianness\n", &out, &err), ==, 0);
    g_assert_true(g_file_get_contents(log, &text, NULL, NULL));
    g_assert_true(g_regex_match_simple("^\\[R \\+[0-9]+\\.[0-9]{6}\\] "
                                       "endianness\n\\[S \\+[0-9.]+\\] OK big\n$",
                                       text, 0, 0));
    unlink(log);
    rmdir(dir);
}

static int connect_unix(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    memcpy(sa.sun_path, path, strlen(path));
    for (int i = 0; i < 3000; i++) {
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0) {
            return fd;
        }
        g_usleep(10 * 1000);
    }
    g_error("cannot connect to %s", path);
    return -1;
}

static char *session_request(int fd, const char *line)
{
    char buf[256];
    size_t got = 0;

    g_assert_cmpint(write(fd, line, strlen(line)), ==, (ssize_t)strlen(line));
    while (got == 0 || buf[got - 1] != '\n') {
        ssize_t n = read(fd, buf + got, sizeof(buf) - got - 1);

        g_assert_cmpint(n, >, 0);
        got += (size_t)n;
    }
    buf[got] = '\0';
    return g_strdup(buf);
}

/* server=on: one client after the other, same machine, memory persists. */
static void test_qtest_listen_serves_successive_clients(void)
{
    g_autoptr(GError) gerr = NULL;
    g_autofree char *dir = g_dir_make_tmp("qtest-srv-XXXXXX", &gerr);
    g_autofree char *sock = g_build_filename(dir, "s", NULL);
    g_autofree char *spec = g_strdup_printf("unix:%s,server=on", sock);
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    GPid pid;
    int status;

    qtest_argv_add_binary(argv);
    g_ptr_array_add(argv, g_strdup("-qtest"));
    g_ptr_array_add(argv, g_strdup(spec));
    g_ptr_array_add(argv, NULL);
    g_assert_true(g_spawn_async(NULL, (char **)argv->pdata, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                &gerr));
    for (int round = 0; round < 2; round++) {
        int fd = connect_unix(sock);
        g_autofree char *r1 = NULL;

        if (round == 0) {
            r1 = session_request(fd, "writel 0x100 0x11223344\n");
            g_assert_cmpstr(r1, ==, "OK\n");
        } else {
            r1 = session_request(fd, "readl 0x100\n");
            g_assert_cmpstr(r1, ==, "OK 0x11223344\n");
        }
        close(fd);
    }
    kill(pid, SIGTERM);
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    /* the listening socket is removed on exit */
    g_assert_false(g_file_test(sock, G_FILE_TEST_EXISTS));
    rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cmdline/machine-help/lists-s390-ccw-virtio",
                    test_machine_help_lists_s390_ccw_virtio);
    g_test_add_func("/cmdline/device-help/lists-devices",
                    test_device_help_lists_devices);
    g_test_add_func("/cmdline/version-and-help", test_version_and_help);
    g_test_add_func("/cmdline/errors/one-line-exit-1",
                    test_errors_are_one_line);
    g_test_add_func("/cmdline/m/default-128m", test_default_ram_is_128m);
    g_test_add_func("/cmdline/m/suffix-k", test_m_sizes);
    g_test_add_func("/qtest/stdio/session", test_qtest_stdio_session);
    g_test_add_func("/qtest/log/records-requests",
                    test_qtest_log_records_requests);
    g_test_add_func("/qtest/listen/successive-clients",
                    test_qtest_listen_serves_successive_clients);
    return g_test_run();
}
