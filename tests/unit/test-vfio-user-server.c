/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-user-server.c: the real vfio-user-ccw program on a 3390
 * volume made with ckd_create(), driven by a raw vfio-user client
 * (test-vfio-user-server.h): the whole path of a Sense ID from VERSION to
 * the IRB, unit check with concurrent sense, reconnection, one client at
 * a time, the socket's mode, a clean exit on SIGTERM.  Malformed
 * messages: test-vfio-user-server-bad.c.
 */
#include "qemu/osdep.h"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "test-vfio-user-server.h"

/* ------------------------------------------------------------------------
 * The whole path: Sense ID
 * ------------------------------------------------------------------------ */

static void check_regions(Client *c)
{
    static const struct {
        uint64_t size;
        uint32_t flags;
        uint32_t subtype;
    } expect[VFIO_USER_CCW_NUM_REGIONS] = {
        { 124, VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE, 0 },
        { 8, VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE,
          VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD },
        { 52, VFIO_REGION_INFO_FLAG_READ, VFIO_REGION_SUBTYPE_CCW_SCHIB },
        { 8, VFIO_REGION_INFO_FLAG_READ, VFIO_REGION_SUBTYPE_CCW_CRW },
        { 24, VFIO_REGION_INFO_FLAG_READ, VFIO_USER_CCW_REGION_SUBTYPE_ID },
    };

    for (uint32_t i = 0; i < VFIO_USER_CCW_NUM_REGIONS; i++) {
        g_autoptr(GByteArray) out = g_byte_array_new();
        struct vfio_region_info info = { .argsz = 64, .index = i };
        struct vfio_region_info_cap_type cap;

        g_assert_cmpint(call(c, VFIO_USER_DEVICE_GET_REGION_INFO, &info,
                             sizeof(info), NULL, 0, out), ==, 0);
        g_assert_cmpuint(out->len, >=, sizeof(info));
        memcpy(&info, out->data, sizeof(info));
        g_assert_cmpuint(info.index, ==, i);
        g_assert_cmpuint(info.size, ==, expect[i].size);
        g_assert_cmphex(info.flags & ~VFIO_REGION_INFO_FLAG_CAPS, ==,
                        expect[i].flags);
        if (!expect[i].subtype) {
            g_assert_cmpuint(out->len, ==, sizeof(info));
            g_assert_cmphex(info.flags & VFIO_REGION_INFO_FLAG_CAPS, ==, 0);
            continue;
        }
        g_assert_cmphex(info.flags & VFIO_REGION_INFO_FLAG_CAPS, ==,
                        VFIO_REGION_INFO_FLAG_CAPS);
        g_assert_cmpuint(info.cap_offset, ==, sizeof(info));
        g_assert_cmpuint(out->len, ==, sizeof(info) + sizeof(cap));
        memcpy(&cap, out->data + info.cap_offset, sizeof(cap));
        g_assert_cmpuint(cap.header.id, ==, VFIO_REGION_INFO_CAP_TYPE);
        g_assert_cmpuint(cap.header.version, ==, 1);
        g_assert_cmpuint(cap.header.next, ==, 0);
        g_assert_cmpuint(cap.type, ==, VFIO_REGION_TYPE_CCW);
        g_assert_cmpuint(cap.subtype, ==, expect[i].subtype);
    }
}

static void test_sense_id(Fixture *f, gconstpointer data)
{
    Client c;
    Guest g;
    VFIOUserDeviceInfo info;
    VFIOUserCCWId id;
    IRB irb;
    int efd;

    guest_new(&g);
    client_connect(f, &c);
    do_version(&c);
    g_assert_cmpint(dma_map(&c, &g, 0, GUEST_SIZE, 0,
                            VFIO_USER_DMA_MAP_FLAG_READ |
                            VFIO_USER_DMA_MAP_FLAG_WRITE, true), ==, 0);
    g_assert_cmpint(get_info(&c, &info), ==, 0);
    g_assert_cmphex(info.flags, ==, VFIO_DEVICE_FLAGS_CCW |
                    VFIO_DEVICE_FLAGS_RESET);
    g_assert_cmpuint(info.num_regions, ==, VFIO_USER_CCW_NUM_REGIONS);
    g_assert_cmpuint(info.num_irqs, ==, VFIO_CCW_NUM_IRQS);
    check_regions(&c);
    for (uint32_t i = 0; i < VFIO_CCW_NUM_IRQS; i++) {
        g_autoptr(GByteArray) out = g_byte_array_new();
        struct vfio_irq_info irq = { .argsz = sizeof(irq), .index = i };

        g_assert_cmpint(call(&c, VFIO_USER_DEVICE_GET_IRQ_INFO, &irq,
                             sizeof(irq), NULL, 0, out), ==, 0);
        memcpy(&irq, out->data, sizeof(irq));
        g_assert_cmpuint(irq.count, ==, 1);
        g_assert_cmphex(irq.flags, ==, VFIO_IRQ_INFO_EVENTFD);
    }
    g_assert_cmpint(region_read(&c, VFIO_USER_CCW_ID_REGION_INDEX, 0, &id,
                                sizeof(id)), ==, 0);
    g_assert_cmphex(id.schno, ==, 0x42);
    g_assert_cmphex(id.devno, ==, 0x1234);
    g_assert_cmphex(id.pim, ==, 0x80);
    g_assert_cmphex(id.chpid[0], ==, 0x50);

    efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    g_assert_cmpint(set_irq_eventfd(&c, VFIO_CCW_IO_IRQ_INDEX, efd), ==, 0);

    put_ccw(&g, CCW_ADDR, 0xe4, CCW_FLAG_SLI, 20, DATA_ADDR);
    memset(g.mem + DATA_ADDR, 0, 32);
    g_assert_cmpint(start_program(&c, CCW_ADDR), ==, 0);
    wait_irb(&c, efd, &irb);

    g_assert_cmphex(irb.scsw.dstat, ==, SCSW_DSTAT_CHANNEL_END |
                    SCSW_DSTAT_DEVICE_END);
    g_assert_cmphex(irb.scsw.cstat, ==, 0);
    g_assert_cmphex(irb.scsw.ctrl, ==, SCSW_FCTL_START_FUNC |
                    SCSW_STCTL_PRIMARY | SCSW_STCTL_SECONDARY |
                    SCSW_STCTL_STATUS_PEND);
    g_assert_cmphex(irb.scsw.cpa, ==, CCW_ADDR + 8);
    g_assert_cmphex(irb.esw.sublog & ESW_SUBLOG_MASK_LPUM, ==,
                    0x80u << ESW_SUBLOG_LPUM_SHIFT);
    /* Sense ID: FF, control unit 3990, device 3390. */
    g_assert_cmphex(g.mem[DATA_ADDR], ==, 0xff);
    g_assert_cmphex(lduw_be_p(g.mem + DATA_ADDR + 1), ==, 0x3990);
    g_assert_cmphex(lduw_be_p(g.mem + DATA_ADDR + 4), ==, 0x3390);

    close(efd);
    client_close(&c);
    guest_free(&g);
}

static void test_unit_check_sense(Fixture *f, gconstpointer data)
{
    Client c;
    Guest g;
    IRB irb;
    int efd;

    guest_new(&g);
    client_connect(f, &c);
    efd = open_session(&c, &g);
    /* A command the 3990 does not know: command reject. */
    put_ccw(&g, CCW_ADDR, 0xcb, CCW_FLAG_SLI, 8, DATA_ADDR);
    g_assert_cmpint(start_program(&c, CCW_ADDR), ==, 0);
    wait_irb(&c, efd, &irb);
    g_assert_cmphex(irb.scsw.dstat & SCSW_DSTAT_UNIT_CHECK, ==,
                    SCSW_DSTAT_UNIT_CHECK);
    g_assert_cmphex(irb.scsw.ctrl & SCSW_STCTL_ALERT, ==, SCSW_STCTL_ALERT);
    g_assert_cmphex(irb.esw.erw & ESW_ERW_MASK_CONS, ==, ESW_ERW_MASK_CONS);
    g_assert_cmphex(irb.ecw[0] & 0x80, ==, 0x80);
    close(efd);
    client_close(&c);
    guest_free(&g);
}

/*
 * A classic CKD search loop: Seek, Search ID Equal + TIC back to it, then
 * the data command (the TIC-loop rule keeps all of it in one segment, and
 * status modifier skips the TIC once the search matches).
 */
static void put_search_program(Guest *g, uint32_t at, uint8_t data_cmd,
                               uint32_t data)
{
    static const uint8_t seek[6] = { 0, 0, 0, 0, 0, 1 };     /* cyl 0 hd 1 */
    static const uint8_t id[5] = { 0, 0, 0, 1, 0 };          /* R0 */
    static const uint8_t mask = 0xc0;                        /* all writes */

    memcpy(g->mem + 0x3000, seek, sizeof(seek));
    g->mem[0x3010] = mask;
    memcpy(g->mem + 0x3018, id, sizeof(id));
    put_ccw(g, at, 0x07, CCW_FLAG_CC, sizeof(seek), 0x3000);
    put_ccw(g, at + 8, 0x1f, CCW_FLAG_CC, 1, 0x3010);
    put_ccw(g, at + 16, 0x31, CCW_FLAG_CC, sizeof(id), 0x3018);
    put_ccw(g, at + 24, CCW_CMD_TIC, 0, 0, at + 16);
    put_ccw(g, at + 32, data_cmd, 0, 8, data);
}

static void test_write_read_r0(Fixture *f, gconstpointer data)
{
    Client c;
    Guest g;
    IRB irb;
    int efd;

    guest_new(&g);
    client_connect(f, &c);
    efd = open_session(&c, &g);

    memcpy(g.mem + 0x3100, "ABCDEFGH", 8);
    put_search_program(&g, 0x1000, 0x05, 0x3100);
    g_assert_cmpint(start_program(&c, 0x1000), ==, 0);
    wait_irb(&c, efd, &irb);
    g_assert_cmphex(irb.scsw.dstat, ==, SCSW_DSTAT_CHANNEL_END |
                    SCSW_DSTAT_DEVICE_END);
    g_assert_cmphex(irb.scsw.cstat, ==, 0);
    g_assert_cmphex(irb.scsw.cpa, ==, 0x1000 + 40);

    memset(g.mem + 0x3200, 0xaa, 8);
    put_search_program(&g, 0x1100, 0x06, 0x3200);
    g_assert_cmpint(start_program(&c, 0x1100), ==, 0);
    wait_irb(&c, efd, &irb);
    g_assert_cmphex(irb.scsw.dstat, ==, SCSW_DSTAT_CHANNEL_END |
                    SCSW_DSTAT_DEVICE_END);
    g_assert_cmphex(irb.scsw.cpa, ==, 0x1100 + 40);
    g_assert_cmphex(irb.scsw.count, ==, 0);
    g_assert_cmpmem(g.mem + 0x3200, 8, "ABCDEFGH", 8);

    close(efd);
    client_close(&c);
    guest_free(&g);
}

static void test_reconnect(Fixture *f, gconstpointer data)
{
    Client c;
    Guest g;
    IRB irb;
    int efd;

    guest_new(&g);
    client_connect(f, &c);
    efd = open_session(&c, &g);
    put_ccw(&g, CCW_ADDR, CCW_CMD_NOOP, CCW_FLAG_SLI, 0, 0);
    g_assert_cmpint(start_program(&c, CCW_ADDR), ==, 0);
    wait_irb(&c, efd, &irb);
    g_assert_cmphex(irb.scsw.dstat, ==, SCSW_DSTAT_CHANNEL_END |
                    SCSW_DSTAT_DEVICE_END);
    close(efd);
    client_close(&c);

    /* The next client: its windows are its own, the old ones are gone. */
    client_connect(f, &c);
    do_version(&c);
    g_assert_cmpint(start_program(&c, CCW_ADDR), ==, EFAULT);
    efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    g_assert_cmpint(dma_map(&c, &g, 0, GUEST_SIZE, 0,
                            VFIO_USER_DMA_MAP_FLAG_READ |
                            VFIO_USER_DMA_MAP_FLAG_WRITE, true), ==, 0);
    g_assert_cmpint(set_irq_eventfd(&c, VFIO_CCW_IO_IRQ_INDEX, efd), ==, 0);
    g_assert_cmpint(start_program(&c, CCW_ADDR), ==, 0);
    wait_irb(&c, efd, &irb);
    g_assert_cmphex(irb.scsw.cpa, ==, CCW_ADDR + 8);
    close(efd);
    client_close(&c);
    guest_free(&g);
}

/* ------------------------------------------------------------------------
 * One client at a time, the socket, SIGTERM
 * ------------------------------------------------------------------------ */

static void test_second_client_refused(Fixture *f, gconstpointer data)
{
    VFIOUserDeviceInfo info;
    Client c1, c2;
    uint8_t byte;

    client_connect(f, &c1);
    do_version(&c1);
    client_connect(f, &c2);
    /* Closed without a word. */
    g_assert_false(recv_exact(&c2, &byte, 1));
    client_close(&c2);
    g_assert_cmpint(get_info(&c1, &info), ==, 0);
    client_close(&c1);
}

static void test_socket_mode(Fixture *f, gconstpointer data)
{
    struct stat st;
    Client c;

    client_connect(f, &c);
    g_assert_cmpint(stat(f->sock, &st), ==, 0);
    g_assert_true(S_ISSOCK(st.st_mode));
    g_assert_cmpint(st.st_mode & 0777, ==, 0600);
    client_close(&c);
}

static void test_sigterm(Fixture *f, gconstpointer data)
{
    Client c;
    Guest g;
    int efd;

    guest_new(&g);
    client_connect(f, &c);
    efd = open_session(&c, &g);
    g_assert_cmpint(kill(f->pid, SIGTERM), ==, 0);
    g_assert_true(wait_exit(f));
    g_assert_true(WIFEXITED(f->exit_status));
    g_assert_cmpint(WEXITSTATUS(f->exit_status), ==, 0);
    g_assert_false(g_file_test(f->sock, G_FILE_TEST_EXISTS));
    close(efd);
    client_close(&c);
    guest_free(&g);
}

static void test_sigterm_idle(Fixture *f, gconstpointer data)
{
    Client c;

    /* Make sure it is up before asking it to stop. */
    client_connect(f, &c);
    client_close(&c);
    g_assert_cmpint(kill(f->pid, SIGTERM), ==, 0);
    g_assert_true(wait_exit(f));
    g_assert_true(WIFEXITED(f->exit_status));
    g_assert_cmpint(WEXITSTATUS(f->exit_status), ==, 0);
}

#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    signal(SIGPIPE, SIG_IGN);

    ADD("/vfio-user-server/sense-id/cu-3990-device-3390", test_sense_id);
    ADD("/vfio-user-server/unit-check/concurrent-sense-in-ecw",
        test_unit_check_sense);
    ADD("/vfio-user-server/dasd/search-loop-write-then-read-r0",
        test_write_read_r0);
    ADD("/vfio-user-server/reconnect/windows-dropped-device-kept",
        test_reconnect);
    test_vfio_user_server_add_bad_tests();
    ADD("/vfio-user-server/clients/second-refused",
        test_second_client_refused);
    ADD("/vfio-user-server/socket/mode-0600", test_socket_mode);
    ADD("/vfio-user-server/sigterm/exits-0-in-session", test_sigterm);
    ADD("/vfio-user-server/sigterm/exits-0-idle", test_sigterm_idle);
    return g_test_run();
}
