/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-dasd-eckd.h: what the 3390/3990 device-model tests share.
 *
 * The tests drive contrib/vfio-user-ccw/dasd-eckd*.c one CCW at a time, as
 * the channel-program executor would, on real CKD image files (block/ckd.c)
 * in a temporary directory, and compare status, data and sense with the
 * architected answers of facts-dasd-eckd.md.  What a write did is checked
 * by reading the track back through a second, fresh ckd_open().
 *
 * They are split along the concepts they check: identification, sense,
 * capacity and image trouble in test-dasd-eckd.c (with the fixture and
 * main()); Define Extent, Locate Record and Linux-style formatting in
 * test-dasd-eckd-eckd.c; classic CKD programs (seek, search, read and
 * write outside Locate Record domains) in test-dasd-eckd-ckd.c.  Only the
 * test program includes this.
 */
#ifndef TESTS_UNIT_TEST_DASD_ECKD_H
#define TESTS_UNIT_TEST_DASD_ECKD_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#include "block/ckd.h"
#include "../../contrib/vfio-user-ccw/dasd-eckd.h"

/* Device status bytes (channel end, device end and friends). */
#define ST_OK   0x0C    /* channel end + device end */
#define ST_SM   0x4C    /* ... + status modifier */
#define ST_UX   0x0D    /* ... + unit exception */
#define ST_UC   0x0E    /* ... + unit check */

#define TRKSIZE 56832   /* image track size of a 3390 (facts 3.1) */

/* Sense bytes 0, 1 and 7 of a unit check (facts 1.5, "Common conditions"). */
typedef struct Sense {
    uint8_t b0, b1, b7;
} Sense;

#define INVALID_COMMAND      ((Sense){ 0x80, 0x00, 0x01 })
#define INVALID_SEQUENCE     ((Sense){ 0x80, 0x00, 0x02 })
#define COUNT_TOO_SMALL      ((Sense){ 0x80, 0x00, 0x03 })
#define INVALID_PARAMETER    ((Sense){ 0x80, 0x00, 0x04 })
#define NO_RECORD_FOUND      ((Sense){ 0x00, 0x08, 0x00 })
#define FILE_PROTECTED       ((Sense){ 0x00, 0x04, 0x00 })
#define WRITE_INHIBITED      ((Sense){ 0x10, 0x02, 0x10 })
#define END_OF_CYLINDER      ((Sense){ 0x00, 0x20, 0x00 })
#define INVALID_TRACK_FORMAT ((Sense){ 0x00, 0x40, 0x00 })
#define EQUIPMENT_CHECK      ((Sense){ 0x10, 0x00, 0x10 })

/* A device on a fresh 2-cylinder 3390 volume. */
typedef struct Fixture {
    char *dir;
    char *path;
    CkdImage *img;
    DasdEckd *d;
    uint32_t len;           /* data length of the last command */
} Fixture;

void fixture_setup(Fixture *f, gconstpointer data);
void fixture_teardown(Fixture *f, gconstpointer data);
void fixture_open(Fixture *f, bool readonly);
void fixture_close(Fixture *f);
void make_sparse_volume(const char *path, uint32_t cyls);
void fixture_use_sparse(Fixture *f, uint32_t cyls);

#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

/* One CCW; f->len gets the device's data length. */
uint8_t run(Fixture *f, uint8_t cmd, bool chained, void *buf, uint32_t count);
void assert_sense(Fixture *f, Sense want);
void assert_unit_check(Fixture *f, uint8_t status, Sense want);

/* Parameter blocks; tracks are numbered cylinder * 15 + head. */
void dx(uint8_t p[16], uint8_t mask, uint32_t btrk, uint32_t etrk);
void lr(uint8_t p[16], uint8_t orient, uint8_t op, uint8_t count,
        uint32_t trk, uint8_t rec, uint16_t tlf);
void count_field(uint8_t p[8], uint32_t trk, uint8_t rec, uint8_t kl,
                 uint16_t dl);
uint8_t seek(Fixture *f, bool chained, uint32_t trk);

void format_tracks(Fixture *f, uint32_t trk, uint32_t ntrk, uint8_t nrec,
                   uint8_t kl, uint16_t dl);
uint8_t *read_back(Fixture *f, uint32_t trk);
unsigned track_records(const uint8_t *buf, CkdRecord *recs, unsigned max);

void test_dasd_eckd_add_eckd(void);
void test_dasd_eckd_add_ckd(void);

#endif /* TESTS_UNIT_TEST_DASD_ECKD_H */
