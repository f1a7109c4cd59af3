/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-cp.h: what the translator tests (test-cp.c: segments, TICs,
 * formats, IDALs, ORB controls; test-cp-run.c: DMA-window boundaries and
 * running the translated program) share: the guest memory layout, the
 * fixture and helpers that write guest CCWs and read back what the
 * translator built, through cp_mem_ops as the channel reads it.
 *
 * Guest memory is a set of DMA windows made of plain buffers:
 *   RAM   [0x00000, 0x10000)  read/write
 *   W2    [0x20000, 0x21000)  read/write, a gap on both sides
 *   RO    [0x30000, 0x31000)  read only
 *   ADJ1  [0x40000, 0x41000)  read/write, directly followed by
 *   ADJ2  [0x41000, 0x42000)  read/write
 * Every byte starts as its own guest address mod 251.
 */
#ifndef TEST_CP_H
#define TEST_CP_H

#include "cp.h"

#define RAM_BASE    0x00000u
#define RAM_SIZE    0x10000u
#define W2_BASE     0x20000u
#define W2_SIZE     0x1000u
#define RO_BASE     0x30000u
#define RO_SIZE     0x1000u
#define ADJ1_BASE   0x40000u
#define ADJ2_BASE   0x41000u
#define ADJ_SIZE    0x1000u

#define CCW_READ    0x02    /* a read command */
#define CCW_WRITE   0x01    /* a write command */
#define CCW_SENSE   0x04

typedef struct Window {
    uint32_t base;
    uint32_t size;
    uint32_t prot;
    uint8_t *mem;
} Window;

typedef struct Fixture {
    DmaMaps *maps;
    Window win[5];
    CcwProgram *cp;
} Fixture;

void fixture_setup(Fixture *f, gconstpointer data);
void fixture_teardown(Fixture *f, gconstpointer data);

/* guest_or_null: host pointer of guest [addr, addr + len) in one window. */
uint8_t *guest_or_null(Fixture *f, uint32_t addr, uint32_t len);
/* guest: the same, asserting that the range is mapped. */
uint8_t *guest(Fixture *f, uint32_t addr, uint32_t len);
/* put_ccw1, put_ccw0: store a CCW of that format at guest @addr. */
void put_ccw1(Fixture *f, uint32_t addr, uint8_t cmd, uint8_t flags,
              uint16_t count, uint32_t cda);
void put_ccw0(Fixture *f, uint32_t addr, uint8_t cmd, uint8_t flags,
              uint16_t count, uint32_t cda);
/* orb_at: a format-1, prefetch ORB for @cpa, plus @extra_ctrl0 bits. */
ORB orb_at(uint32_t cpa, uint16_t extra_ctrl0);
/* translate: cp_init + cp_prefetch as the mdev does; the errno. */
int translate(Fixture *f, const ORB *orb);
/* host_cpa: the host ORB's CPA (first host segment). */
uint32_t host_cpa(Fixture *f);
/* host_read: read host storage as the channel does. */
CcwMemAccess host_read(Fixture *f, uint64_t addr, void *buf, uint32_t len);
/* host_ccw, host_idaw: a host CCW / the @i-th host IDAW of an IDAL. */
CCW1 host_ccw(Fixture *f, uint32_t addr);
uint64_t host_idaw(Fixture *f, uint32_t idal, unsigned i);
/* assert_idaw_is: host IDAW @idaw leads to guest @gaddr (@len bytes). */
void assert_idaw_is(Fixture *f, uint64_t idaw, uint32_t gaddr,
                    uint32_t len);

/* test_cp_add_run_tests: register the tests of test-cp-run.c. */
void test_cp_add_run_tests(void);

#endif /* TEST_CP_H */
