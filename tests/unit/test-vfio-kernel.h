/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-kernel.h: what the parts of test-vfio-kernel share: message
 * checks, fake sysfs trees, and each part's test registration.
 */
#ifndef TESTS_UNIT_TEST_VFIO_KERNEL_H
#define TESTS_UNIT_TEST_VFIO_KERNEL_H

#include <glib.h>

#define TEST_UUID "6dfd3ec5-e8b3-4e18-a6fe-57bc9eceb920"
#define TEST_RAM_SIZE (1024 * 1024)

/* Every message is one line starting "vfio-ccw: " (logged for TAP). */
void assert_one_line(const GError *err);

/* g_error() unless @needle occurs in @haystack. */
void assert_contains(const char *haystack, const char *needle);

/*
 * A fake sysfs tree in a temporary directory, laid out as Linux lays out
 * a vfio_ccw mdev on subchannel 0.0.0313: IOMMU group 17, PIM/PAM c0,
 * POM ff, CHPIDs 50 and 51 of types 1a and 1b, device number 0.0.1234.
 */
typedef struct SysfsTree {
    char *root;         /* temporary directory */
    char *sysfs;        /* <root>/sys */
    char *sch;          /* <sysfs>/devices/css0/<subchannel> */
    char *mdev;         /* <sch>/<UUID> */
    char *link;         /* <sysfs>/bus/mdev/devices/<UUID> */
} SysfsTree;

/* Fixture hooks; @data is ignored. */
void tree_setup(SysfsTree *t, gconstpointer data);
void tree_teardown(SysfsTree *t, gconstpointer data);

/* Each part adds its tests. */
void register_attach_tests(void);
void register_region_tests(void);

#endif /* TESTS_UNIT_TEST_VFIO_KERNEL_H */
