/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-user-server.h: what the tests of the real vfio-user-ccw
 * program share: a fixture that starts the program (path in
 * $VFIO_USER_CCW_BINARY, through $MESON_EXE_WRAPPER in a cross build) on a
 * fresh 3390 volume, a minimal raw vfio-user client written from
 * include/hw/vfio-user/protocol.h, and guest memory in a memfd.
 */
#ifndef TEST_VFIO_USER_SERVER_H
#define TEST_VFIO_USER_SERVER_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#include "hw/s390x/ioinst.h"
#include "hw/vfio-user/protocol.h"

#define TIMEOUT_MS 10000
#define GUEST_SIZE (1024 * 1024)
#define CCW_ADDR   0x1000u
#define DATA_ADDR  0x2000u

#define HDR_SIZE ((uint32_t)sizeof(VFIOUserHdr))

typedef struct Fixture {
    char *dir;
    char *volume;
    char *sock;
    GPid pid;
    bool reaped;
    int exit_status;
} Fixture;

typedef struct Client {
    int fd;
    uint16_t next_id;
} Client;

/* Guest memory: a memfd the server maps at address 0. */
typedef struct Guest {
    int fd;
    uint8_t *mem;
} Guest;

/*
 * The server process: started by setup, stopped (SIGTERM, exit 0) by
 * teardown; wait_exit() waits up to TIMEOUT_MS for it to end.
 */
void fixture_setup(Fixture *f, gconstpointer data);
void fixture_teardown(Fixture *f, gconstpointer data);
bool wait_exit(Fixture *f);

/* Connecting (retried until the socket exists) and closing. */
void client_connect(Fixture *f, Client *c);
void client_close(Client *c);

/* Raw bytes with optional SCM_RIGHTS fds; a command with its header. */
void send_raw(Client *c, const void *buf, size_t len, const int *fds,
              unsigned nfds);
uint16_t send_cmd(Client *c, uint16_t command, uint32_t flags,
                  const void *payload, uint32_t len, const int *fds,
                  unsigned nfds);
/* Exactly @len bytes; false at end of stream. */
bool recv_exact(Client *c, void *buf, size_t len);
/* The reply to @id: its errno (0 = success), payload into @payload. */
int recv_reply(Client *c, uint16_t id, uint16_t command,
               GByteArray *payload);
/* send_cmd() + recv_reply(). */
int call(Client *c, uint16_t command, const void *payload,
         uint32_t len, const int *fds, unsigned nfds, GByteArray *out);

/* Commands, each asserting the reply's layout; errno returned. */
void do_version(Client *c);
int dma_map(Client *c, const Guest *g, uint64_t iova, uint64_t size,
            uint64_t offset, uint32_t flags, bool with_fd);
int region_write(Client *c, uint32_t region, uint64_t off,
                 const void *data, uint32_t count);
int region_read(Client *c, uint32_t region, uint64_t off, void *data,
                uint32_t count);
int set_irq_eventfd(Client *c, uint32_t index, int fd);
int get_info(Client *c, VFIOUserDeviceInfo *info);

/* Guest memory of GUEST_SIZE bytes in a memfd. */
void guest_new(Guest *g);
void guest_free(Guest *g);
void put_ccw(Guest *g, uint32_t addr, uint8_t cmd, uint8_t flags,
             uint16_t count, uint32_t cda);

/* VERSION, guest memory mapped at 0, an IO eventfd (returned). */
int open_session(Client *c, const Guest *g);
/* START SUBCHANNEL: ORB + SCSW into the I/O region; the write's errno. */
int start_program(Client *c, uint32_t cpa);
/* Wait for the IO eventfd, then read the IRB. */
void wait_irb(Client *c, int efd, IRB *irb);

/* Register the tests of test-vfio-user-server-bad.c. */
void test_vfio_user_server_add_bad_tests(void);

#endif /* TEST_VFIO_USER_SERVER_H */
