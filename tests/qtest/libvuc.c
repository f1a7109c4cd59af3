/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A real vfio-user-ccw server for qtests.
 */
#include "qemu/osdep.h"
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "block/ckd.h"
#include "libqtest.h"
#include "libvuc.h"

#define VUC_TIMEOUT_MS 20000

const char *vuc_server_binary(void)
{
    const char *bin = g_getenv("VFIO_USER_CCW_BINARY");

    if (!bin || !*bin) {
        g_error("VFIO_USER_CCW_BINARY is not set: point it at the "
                "vfio-user-ccw you built (meson test sets it)");
    }
    return bin;
}

/* A failed test aborts without teardown: the server must not outlive it. */
static void child_setup(gpointer data)
{
    const off_t *fsize_limit = data;

    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (*fsize_limit) {
        /*
         * Writes at or past the limit fail with EFBIG, as on a full file
         * system; SIGXFSZ (which would kill) stays ignored across exec.
         */
        struct rlimit rl = { *fsize_limit, *fsize_limit };

        signal(SIGXFSZ, SIG_IGN);
        setrlimit(RLIMIT_FSIZE, &rl);
    }
}

VucServer *vuc_server_serve(const char *image, const char *dasd_opts,
                            const char *sock, const char *const *args)
{
    return vuc_server_serve_fsize(image, dasd_opts, sock, args, 0);
}

VucServer *vuc_server_serve_fsize(const char *image, const char *dasd_opts,
                                  const char *sock, const char *const *args,
                                  off_t fsize_limit)
{
    VucServer *s = g_new0(VucServer, 1);
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) err = NULL;
    int status;

    s->sock = g_strdup(sock);
    /* a killed server leaves its socket behind */
    unlink(sock);
    /* The wrapper's words, then the server instead of the machine. */
    qtest_argv_add_binary(argv);
    g_free(argv->pdata[argv->len - 1]);
    argv->pdata[argv->len - 1] = g_strdup(vuc_server_binary());
    g_ptr_array_add(argv, g_strdup("--socket"));
    g_ptr_array_add(argv, g_strdup(sock));
    g_ptr_array_add(argv, g_strdup("--dasd"));
    g_ptr_array_add(argv, g_strconcat(image, dasd_opts, NULL));
    for (int i = 0; args && args[i]; i++) {
        g_ptr_array_add(argv, g_strdup(args[i]));
    }
    g_ptr_array_add(argv, NULL);
    if (!g_spawn_async(NULL, (char **)argv->pdata, NULL,
                       G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH,
                       child_setup, &fsize_limit, &s->pid, &err)) {
        g_error("cannot start vfio-user-ccw: %s", err->message);
    }
    for (int waited = 0; !g_file_test(sock, G_FILE_TEST_EXISTS);
         waited += 5) {
        if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
            g_error("vfio-user-ccw exited (status 0x%x) before listening",
                    status);
        }
        if (waited > VUC_TIMEOUT_MS) {
            g_error("vfio-user-ccw did not create %s", sock);
        }
        g_usleep(5 * 1000);
    }
    return s;
}

VucServer *vuc_server_start(unsigned cyls, const char *const *args)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *dir = g_dir_make_tmp("vuc-XXXXXX", &err);
    g_autofree char *volume = NULL;
    g_autofree char *sock = NULL;
    VucServer *s;

    g_assert_no_error(err);
    volume = g_build_filename(dir, "volume.3390", NULL);
    sock = g_build_filename(dir, "vfio-user.sock", NULL);
    g_assert_true(ckd_create(volume, 0x3390, 0, cyls, &err));
    g_assert_no_error(err);
    s = vuc_server_serve(volume, "", sock, args);
    s->dir = g_steal_pointer(&dir);
    s->volume = g_steal_pointer(&volume);
    return s;
}

static void cleanup(VucServer *s)
{
    unlink(s->sock);
    if (s->dir) {
        unlink(s->volume);
        rmdir(s->dir);
    }
    g_free(s->volume);
    g_free(s->sock);
    g_free(s->dir);
    g_free(s);
}

void vuc_server_kill(VucServer *s)
{
    int status;

    if (!s->pid) {
        return;
    }
    kill(s->pid, SIGKILL);
    waitpid(s->pid, &status, 0);
    g_spawn_close_pid(s->pid);
    s->pid = 0;
}

void vuc_server_stop(VucServer *s)
{
    int status = 0;

    if (!s) {
        return;
    }
    if (s->pid) {
        kill(s->pid, SIGTERM);
        for (int waited = 0; waitpid(s->pid, &status, WNOHANG) == 0;
             waited += 10) {
            if (waited > VUC_TIMEOUT_MS) {
                kill(s->pid, SIGKILL);
                waitpid(s->pid, &status, 0);
                g_error("vfio-user-ccw did not stop on SIGTERM");
            }
            g_usleep(10 * 1000);
        }
        g_spawn_close_pid(s->pid);
        g_assert_true(WIFEXITED(status));
        g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    }
    cleanup(s);
}
