/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ccw-interp.h: what the channel-program test cases are made of.
 *
 * A case lays CCWs, IDAWs and data into the test storage of
 * test-ccw-interp.c, scripts the echo device, and states the SCSW words
 * the run must end with.  The cases live in two tables, split along the
 * rules they check: the walk through the program (formats, chaining,
 * TIC, CCW address, suspend, PCI, device status, the bound on a run) in
 * test-ccw-interp-program.c, and the data transfer (count, incorrect
 * length, skip, IDALs, storage keys and addresses, read backward) in
 * test-ccw-interp-data.c.  Only the test program includes this.
 */
#ifndef TESTS_UNIT_TEST_CCW_INTERP_H
#define TESTS_UNIT_TEST_CCW_INTERP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Test storage (see test-ccw-interp.c). */
#define FRAME 4096u
#define LOW_SIZE 0x10000u
#define EDGE_SIZE 0x2000u
#define EDGE16M 0x00fff000u
#define EDGE2G 0x7ffff000u
#define FILL 0xee

#define PROG 0x1000u
#define DATA 0x2000u
#define IDAL 0x3000u

/* Storage-key byte of a frame: access-control bits 0-3, fetch protection. */
#define SKEY(k) ((uint8_t)((k) << 4))
#define SKEY_F 0x08

/* A string literal and its length, embedded NULs included. */
#define B(s) (s), (sizeof(s) - 1)

/* CCW flags, spelled out here rather than taken from ioinst.h. */
#define CD      0x80
#define CC      0x40
#define SLI     0x20
#define SKIP    0x10
#define PCI     0x08
#define IDA     0x04
#define SUSP    0x02
#define MIDA    0x01

/* Device status. */
#define CEDE    0x0c    /* channel end + device end */
#define SM      0x40
#define UC      0x02
#define UE      0x01
#define BUSY    0x10
#define ATTN    0x80

/* Subchannel status. */
#define C_PCI   0x80
#define C_IL    0x40
#define C_PGM   0x20
#define C_PROT  0x10

/*
 * One command of the scripted echo device.  Output commands fetch all
 * they can get (or @want bytes), with @peek after looking at all they
 * could get first; input commands offer @data, or @fill bytes of 'x', or
 * else what earlier output commands fetched.
 */
typedef struct Step {
    uint8_t dstat;          /* 0: CE+DE */
    const char *data;       /* input: bytes to offer */
    size_t len;
    size_t fill;            /* input: offer this many 'x' instead */
    size_t want;            /* output: bytes wanted; 0: all there is */
    bool peek;              /* output: first peek at all there is */
} Step;

/* A CCW laid in the case's format; the address 0 ends a list. */
typedef struct CcwSpec {
    uint32_t at;            /* 0 ends the list */
    uint8_t cmd;
    uint8_t flags;
    uint16_t count;
    uint32_t cda;
} CcwSpec;

/* An IDAW laid in the case's IDAW format (4 or 8 bytes). */
typedef struct IdawSpec {
    uint32_t at;            /* 0 ends the list */
    uint64_t val;
} IdawSpec;

/* Bytes in storage: laid before the run, or expected after it. */
typedef struct BytesSpec {
    uint64_t at;
    const char *bytes;      /* NULL ends the list */
    size_t len;
} BytesSpec;

/* The storage key of one frame of the low 64 KiB (else key 0). */
typedef struct KeySpec {
    uint32_t frame;         /* any address in the frame */
    uint8_t skey;           /* 0 with frame 0 ends the list */
} KeySpec;

/* What the device must have been told about the n-th command. */
typedef struct CallSpec {
    uint8_t cmd;
    bool chained;
    uint64_t total_count;
} CallSpec;

/* The result of the run (CcwInterpResult), field by field. */
typedef struct Expect {
    uint32_t cpa;
    uint8_t dstat;
    uint8_t cstat;
    uint16_t count;
    bool suspended;
    uint32_t suspend_addr;
    bool pci;
    uint32_t commands;
    uint32_t ccws;          /* 0: not checked */
} Expect;

/*
 * One run: ORB parameters (format 1, key 0, CPA 0x1000 unless told),
 * storage, device script, and what must come out.
 */
typedef struct Case {
    const char *path;
    /* ORB */
    bool fmt0;
    bool idaw_fmt2;
    bool idaw_2k;
    bool suspend_ctl;
    bool il_suppress;
    uint8_t key;
    uint32_t cpa;           /* 0: PROG */
    uint32_t limit;
    /* storage before the run (data is laid after the CCWs) */
    CcwSpec ccw[6];
    IdawSpec idaw[4];
    BytesSpec data[4];
    KeySpec keys[3];
    /* device */
    Step step[4];
    /* expected */
    Expect want;
    BytesSpec mem[4];
    const char *fetched;    /* NULL: not checked */
    size_t fetched_len;
    const char *peeked;     /* what peeking steps saw; NULL: not checked */
    size_t peeked_len;
    CallSpec calls[4];      /* checked when check_calls */
    bool check_calls;
    bool no_writes;
    bool no_reads;
} Case;

/* The tables, each with its number of entries. */
extern const Case ccw_interp_program_cases[];
extern const size_t ccw_interp_program_ncases;
extern const Case ccw_interp_data_cases[];
extern const size_t ccw_interp_data_ncases;

#endif /* TESTS_UNIT_TEST_CCW_INTERP_H */
