/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-user-server-client.c: the fixture that runs vfio-user-ccw and
 * the raw vfio-user client the server tests speak through (see
 * test-vfio-user-server.h).  Every helper asserts what the protocol
 * promises about a reply (id, command, type, sizes) before returning it.
 */
#include "qemu/osdep.h"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "block/ckd.h"
#include "test-vfio-user-server.h"

/* ------------------------------------------------------------------------
 * The server process
 * ------------------------------------------------------------------------ */

/* A failed test must not leave its server behind. */
static void server_child_setup(gpointer data)
{
    prctl(PR_SET_PDEATHSIG, SIGTERM);
}

void fixture_setup(Fixture *f, gconstpointer data)
{
    const char *bin = g_getenv("VFIO_USER_CCW_BINARY");
    g_autoptr(GError) err = NULL;
    const char *argv[] = {
        bin, "--socket", NULL, "--dasd", NULL, "--schid", "0.0.0042",
        "--devno", "0.0.1234", "--chpid", "0x50", NULL,
    };

    g_autoptr(GPtrArray) args = g_ptr_array_new();
    g_auto(GStrv) wrapper = NULL;
    const char *w = g_getenv("MESON_EXE_WRAPPER");

    g_assert_nonnull(bin);
    f->dir = g_dir_make_tmp("vfio-user-ccw-XXXXXX", &err);
    g_assert_no_error(err);
    f->volume = g_build_filename(f->dir, "volume.3390", NULL);
    f->sock = g_build_filename(f->dir, "sock", NULL);
    g_assert_true(ckd_create(f->volume, 0x3390, 0, 10, &err));
    g_assert_no_error(err);
    argv[2] = f->sock;
    argv[4] = f->volume;
    /* A cross build runs its programs through an emulator (qemu-user). */
    if (w && *w) {
        g_assert_true(g_shell_parse_argv(w, NULL, &wrapper, &err));
        for (unsigned i = 0; wrapper[i]; i++) {
            g_ptr_array_add(args, wrapper[i]);
        }
    }
    for (unsigned i = 0; argv[i]; i++) {
        g_ptr_array_add(args, (char *)argv[i]);
    }
    g_ptr_array_add(args, NULL);
    g_assert_true(g_spawn_async(NULL, (char **)args->pdata, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD |
                                (wrapper ? G_SPAWN_SEARCH_PATH : 0),
                                server_child_setup, NULL, &f->pid, &err));
    g_assert_no_error(err);
}

/* Wait up to TIMEOUT_MS for the server to exit; returns whether it did. */
bool wait_exit(Fixture *f)
{
    for (int i = 0; i < TIMEOUT_MS / 10 && !f->reaped; i++) {
        int status;
        pid_t r = waitpid(f->pid, &status, WNOHANG);

        if (r == f->pid) {
            f->reaped = true;
            f->exit_status = status;
            break;
        }
        g_usleep(10 * 1000);
    }
    return f->reaped;
}

void fixture_teardown(Fixture *f, gconstpointer data)
{
    /*
     * Whatever the test did, the server must still stop cleanly (under
     * the sanitizers this also checks it for leaks).
     */
    if (!f->reaped) {
        g_assert_cmpint(kill(f->pid, SIGTERM), ==, 0);
        if (!wait_exit(f)) {
            kill(f->pid, SIGKILL);
            waitpid(f->pid, NULL, 0);
            g_assert_not_reached();
        }
    }
    g_assert_true(WIFEXITED(f->exit_status));
    g_assert_cmpint(WEXITSTATUS(f->exit_status), ==, 0);
    g_spawn_close_pid(f->pid);
    unlink(f->volume);
    unlink(f->sock);
    rmdir(f->dir);
    g_free(f->volume);
    g_free(f->sock);
    g_free(f->dir);
}

/* ------------------------------------------------------------------------
 * A raw client
 * ------------------------------------------------------------------------ */

void client_connect(Fixture *f, Client *c)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };

    g_assert_cmpuint(strlen(f->sock), <, sizeof(addr.sun_path));
    memcpy(addr.sun_path, f->sock, strlen(f->sock) + 1);
    c->next_id = 1;
    for (int i = 0; i < TIMEOUT_MS / 10; i++) {
        c->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        g_assert_cmpint(c->fd, >=, 0);
        if (connect(c->fd, (struct sockaddr *)&addr, sizeof(addr)) == 0) {
            return;
        }
        close(c->fd);
        g_usleep(10 * 1000);
    }
    g_assert_not_reached();
}

void client_close(Client *c)
{
    close(c->fd);
    c->fd = -1;
}

void send_raw(Client *c, const void *buf, size_t len, const int *fds,
              unsigned nfds)
{
    union {
        char buf[CMSG_SPACE(4 * sizeof(int))];
        struct cmsghdr align;
    } ctrl;
    struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

    g_assert_cmpuint(nfds, <=, 4);
    if (nfds) {
        struct cmsghdr *cm;

        memset(&ctrl, 0, sizeof(ctrl));
        mh.msg_control = ctrl.buf;
        mh.msg_controllen = CMSG_SPACE(nfds * sizeof(int));
        cm = CMSG_FIRSTHDR(&mh);
        cm->cmsg_level = SOL_SOCKET;
        cm->cmsg_type = SCM_RIGHTS;
        cm->cmsg_len = CMSG_LEN(nfds * sizeof(int));
        memcpy(CMSG_DATA(cm), fds, nfds * sizeof(int));
    }
    g_assert_cmpint(sendmsg(c->fd, &mh, MSG_NOSIGNAL), ==, len);
}

/* Send a command: header (size from @len) + payload. Returns its id. */
uint16_t send_cmd(Client *c, uint16_t command, uint32_t flags,
                  const void *payload, uint32_t len, const int *fds,
                  unsigned nfds)
{
    VFIOUserHdr h = {
        .id = c->next_id++,
        .command = command,
        .size = HDR_SIZE + len,
        .flags = flags,
    };
    g_autofree uint8_t *msg = g_malloc(HDR_SIZE + len);

    memcpy(msg, &h, HDR_SIZE);
    if (len) {
        memcpy(msg + HDR_SIZE, payload, len);
    }
    send_raw(c, msg, HDR_SIZE + len, fds, nfds);
    return h.id;
}

/* Read exactly @len bytes; false at end of stream. */
bool recv_exact(Client *c, void *buf, size_t len)
{
    uint8_t *p = buf;

    while (len) {
        struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
        ssize_t n;

        g_assert_cmpint(poll(&pfd, 1, TIMEOUT_MS), ==, 1);
        n = recv(c->fd, p, len, 0);
        if (n == 0 || (n < 0 && errno == ECONNRESET)) {
            return false;
        }
        g_assert_cmpint(n, >, 0);
        p += n;
        len -= n;
    }
    return true;
}

/*
 * Receive the reply to command @id/@command: returns its errno (0 for
 * success) and the payload in @payload (may be NULL).
 */
int recv_reply(Client *c, uint16_t id, uint16_t command,
               GByteArray *payload)
{
    VFIOUserHdr h;
    g_autofree uint8_t *body = NULL;

    g_assert_true(recv_exact(c, &h, HDR_SIZE));
    g_assert_cmpuint(h.id, ==, id);
    g_assert_cmpuint(h.command, ==, command);
    g_assert_cmphex(h.flags & VFIO_USER_TYPE_MASK, ==, VFIO_USER_REPLY);
    g_assert_cmpuint(h.size, >=, HDR_SIZE);
    g_assert_cmpuint(h.size, <=, VFIO_USER_CCW_MAX_MSG_SIZE);
    body = g_malloc(h.size - HDR_SIZE + 1);
    g_assert_true(recv_exact(c, body, h.size - HDR_SIZE));
    if (h.flags & VFIO_USER_ERROR) {
        g_assert_cmpuint(h.size, ==, HDR_SIZE);
        g_assert_cmpuint(h.error_reply, !=, 0);
        return h.error_reply;
    }
    if (payload) {
        g_byte_array_append(payload, body, h.size - HDR_SIZE);
    }
    return 0;
}

int call(Client *c, uint16_t command, const void *payload,
         uint32_t len, const int *fds, unsigned nfds, GByteArray *out)
{
    uint16_t id = send_cmd(c, command, 0, payload, len, fds, nfds);

    return recv_reply(c, id, command, out);
}

void do_version(Client *c)
{
    const char caps[] = "{\"capabilities\":{\"max_msg_fds\":16,"
                        "\"max_data_xfer_size\":1048576,\"pgsizes\":4096}}";
    uint8_t payload[4 + sizeof(caps)];
    uint16_t v[2] = { VFIO_USER_MAJOR, VFIO_USER_MINOR };
    g_autoptr(GByteArray) out = g_byte_array_new();

    memcpy(payload, v, 4);
    memcpy(payload + 4, caps, sizeof(caps));
    g_assert_cmpint(call(c, VFIO_USER_VERSION, payload, sizeof(payload),
                         NULL, 0, out), ==, 0);
    g_assert_cmpuint(out->len, >, 4);
    memcpy(v, out->data, 4);
    g_assert_cmpuint(v[0], ==, VFIO_USER_MAJOR);
    g_assert_cmpuint(v[1], <=, VFIO_USER_MINOR);
    /* A NUL-terminated JSON document with our four capabilities. */
    g_assert_cmpuint(out->data[out->len - 1], ==, 0);
    g_assert_nonnull(strstr((const char *)out->data + 4, "\"max_msg_fds\""));
    g_assert_nonnull(strstr((const char *)out->data + 4,
                            "\"max_data_xfer_size\""));
    g_assert_nonnull(strstr((const char *)out->data + 4, "\"pgsizes\""));
    g_assert_nonnull(strstr((const char *)out->data + 4, "\"max_dma_maps\""));
}


void guest_new(Guest *g)
{
    g->fd = memfd_create("guest-ram", MFD_CLOEXEC);
    g_assert_cmpint(g->fd, >=, 0);
    g_assert_cmpint(ftruncate(g->fd, GUEST_SIZE), ==, 0);
    g->mem = mmap(NULL, GUEST_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
                  g->fd, 0);
    g_assert_true(g->mem != MAP_FAILED);
}

void guest_free(Guest *g)
{
    munmap(g->mem, GUEST_SIZE);
    close(g->fd);
}

int dma_map(Client *c, const Guest *g, uint64_t iova, uint64_t size,
            uint64_t offset, uint32_t flags, bool with_fd)
{
    VFIOUserDMAMap m = {
        .argsz = sizeof(m) - HDR_SIZE,
        .flags = flags,
        .offset = offset,
        .iova = iova,
        .size = size,
    };

    return call(c, VFIO_USER_DMA_MAP, (uint8_t *)&m + HDR_SIZE,
                sizeof(m) - HDR_SIZE, &g->fd, with_fd ? 1 : 0, NULL);
}

int region_write(Client *c, uint32_t region, uint64_t off,
                 const void *data, uint32_t count)
{
    VFIOUserRegionRW rw = { .offset = off, .region = region, .count = count };
    g_autofree uint8_t *payload = g_malloc(sizeof(rw) - HDR_SIZE + count);
    g_autoptr(GByteArray) out = g_byte_array_new();
    int err;

    memcpy(payload, (uint8_t *)&rw + HDR_SIZE, sizeof(rw) - HDR_SIZE);
    memcpy(payload + sizeof(rw) - HDR_SIZE, data, count);
    err = call(c, VFIO_USER_REGION_WRITE, payload,
               sizeof(rw) - HDR_SIZE + count, NULL, 0, out);
    if (!err) {
        VFIOUserRegionRW r;

        g_assert_cmpuint(out->len, ==, sizeof(r) - HDR_SIZE);
        memcpy((uint8_t *)&r + HDR_SIZE, out->data, out->len);
        g_assert_cmpuint(r.count, ==, count);
    }
    return err;
}

int region_read(Client *c, uint32_t region, uint64_t off, void *data,
                uint32_t count)
{
    VFIOUserRegionRW rw = { .offset = off, .region = region, .count = count };
    g_autoptr(GByteArray) out = g_byte_array_new();
    int err = call(c, VFIO_USER_REGION_READ, (uint8_t *)&rw + HDR_SIZE,
                   sizeof(rw) - HDR_SIZE, NULL, 0, out);

    if (!err) {
        g_assert_cmpuint(out->len, ==, sizeof(rw) - HDR_SIZE + count);
        memcpy(data, out->data + sizeof(rw) - HDR_SIZE, count);
    }
    return err;
}

int set_irq_eventfd(Client *c, uint32_t index, int fd)
{
    VFIOUserIRQSet s = {
        .argsz = sizeof(s) - HDR_SIZE,
        .flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
        .index = index,
        .start = 0,
        .count = 1,
    };

    return call(c, VFIO_USER_DEVICE_SET_IRQS, (uint8_t *)&s + HDR_SIZE,
                sizeof(s) - HDR_SIZE, &fd, fd >= 0 ? 1 : 0, NULL);
}

int get_info(Client *c, VFIOUserDeviceInfo *info)
{
    g_autoptr(GByteArray) out = g_byte_array_new();
    VFIOUserDeviceInfo req = { .argsz = sizeof(req) - HDR_SIZE };
    int err = call(c, VFIO_USER_DEVICE_GET_INFO, (uint8_t *)&req + HDR_SIZE,
                   sizeof(req) - HDR_SIZE, NULL, 0, out);

    if (!err) {
        g_assert_cmpuint(out->len, ==, sizeof(*info) - HDR_SIZE);
        memcpy((uint8_t *)info + HDR_SIZE, out->data, out->len);
    }
    return err;
}

/* A session's start: VERSION, guest memory, the IO eventfd. */
int open_session(Client *c, const Guest *g)
{
    int efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);

    g_assert_cmpint(efd, >=, 0);
    do_version(c);
    g_assert_cmpint(dma_map(c, g, 0, GUEST_SIZE, 0,
                            VFIO_USER_DMA_MAP_FLAG_READ |
                            VFIO_USER_DMA_MAP_FLAG_WRITE, true), ==, 0);
    g_assert_cmpint(set_irq_eventfd(c, VFIO_CCW_IO_IRQ_INDEX, efd), ==, 0);
    return efd;
}

/* START SUBCHANNEL: ORB + SCSW into the I/O region, as QEMU writes it. */
int start_program(Client *c, uint32_t cpa)
{
    struct ccw_io_region io;
    ORB orb = {
        .intparm = 0xfeedf00d,
        .ctrl0 = ORB_CTRL0_MASK_FMT | ORB_CTRL0_MASK_PFCH,
        .lpm = 0x80,
        .cpa = cpa,
    };
    SCSW scsw = { .ctrl = SCSW_FCTL_START_FUNC };

    memset(&io, 0, sizeof(io));
    copy_orb_to_guest(io.orb_area, &orb);
    copy_scsw_to_guest(io.scsw_area, &scsw);
    return region_write(c, VFIO_USER_CCW_IO_REGION_INDEX, 0, &io, sizeof(io));
}

/* Wait for the IO eventfd, then read the IRB. */
void wait_irb(Client *c, int efd, IRB *irb)
{
    struct pollfd pfd = { .fd = efd, .events = POLLIN };
    uint8_t be[IRB_SIZE];
    uint64_t n;

    g_assert_cmpint(poll(&pfd, 1, TIMEOUT_MS), ==, 1);
    g_assert_cmpint(read(efd, &n, sizeof(n)), ==, sizeof(n));
    /*
     * Non-zero, not 1: under qemu-user an eventfd that crossed into the
     * server by SCM_RIGHTS loses qemu's byte swapping, so the s390x
     * server's 1 arrives as 1 << 56.
     */
    g_assert_cmpuint(n, !=, 0);
    g_assert_cmpint(region_read(c, VFIO_USER_CCW_IO_REGION_INDEX,
                                offsetof(struct ccw_io_region, irb_area),
                                be, sizeof(be)), ==, 0);
    copy_irb_from_guest(be, irb);
}

void put_ccw(Guest *g, uint32_t addr, uint8_t cmd, uint8_t flags,
             uint16_t count, uint32_t cda)
{
    CCW1 ccw = { .cmd_code = cmd, .flags = flags, .count = count, .cda = cda };

    copy_ccw1_to_guest(g->mem + addr, &ccw);
}
