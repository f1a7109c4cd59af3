/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ckd.h: what the block/ckd.c unit tests share: the fixture (a
 * temporary directory) and the helpers that write image bytes by hand,
 * per the format description (facts-dasd-eckd.md section 3).
 */
#ifndef TESTS_UNIT_TEST_CKD_H
#define TESTS_UNIT_TEST_CKD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <glib.h>
#include "block/ckd.h"

#define T3390 56832u            /* 3390 image track size (dasdinit) */
#define T3380 47616u            /* 3380 image track size (dasdinit) */
#define HEADS 15u

typedef struct Fixture {
    char *dir;
} Fixture;

void fixture_setup(Fixture *fx, gconstpointer data);
void fixture_teardown(Fixture *fx, gconstpointer data);
char *fx_path(Fixture *fx, const char *name);
void make_volume_file(const char *path, const char *eye, uint8_t devbyte,
                      uint32_t trksize, uint8_t seq, uint16_t highcyl,
                      uint32_t first_cyl, uint32_t ncyls);
void patch_file(const char *path, off_t off, const void *bytes, size_t len);
void read_file_at(const char *path, off_t off, void *buf, size_t len);
void make_two_record_track(uint8_t *t, uint32_t trksize, uint32_t cyl,
                           uint32_t head);
CkdImage *open_new_volume(Fixture *fx, const char *name, uint32_t cyls,
                          bool readonly, char **path_out);
/* @err is @code, one line, and mentions every string of the NULL-ended
 * list. */
void assert_error_mentions(GError *err, CkdError code, ...) G_GNUC_NULL_TERMINATED;

/** test_ckd_add_files: register the multi-file and Hercules tests. */
void test_ckd_add_files(void);

/** test_ckd_add_faults: register the injected file I/O fault tests. */
void test_ckd_add_faults(void);

#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

#endif /* TESTS_UNIT_TEST_CKD_H */
