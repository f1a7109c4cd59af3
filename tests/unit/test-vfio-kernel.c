/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel transport of vfio-ccw, part 1: sysfs resolution on fake sysfs
 * trees, one run of the real path on this host, and main().  Part 2
 * (test-vfio-kernel-attach.c) drives the container/group/device sequence
 * against a fake kernel behind VFIOKernelSyscalls; part 3
 * (test-vfio-kernel-regions.c) checks regions and IRQs on a fake
 * VFIODeviceIOOps.
 */
#include "qemu/osdep.h"
#include <ftw.h>

#include "hw/vfio/vfio-kernel.h"
#include "system/memory.h"
#include "test-vfio-kernel.h"

#define UUID TEST_UUID
#define RAM_SIZE TEST_RAM_SIZE

void assert_one_line(const GError *err)
{
    g_assert_nonnull(err);
    g_test_message("%s", err->message);
    g_assert_null(strchr(err->message, '\n'));
    g_assert_true(g_str_has_prefix(err->message, "vfio-ccw: "));
}

void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle)) {
        g_error("'%s' lacks '%s'", haystack, needle);
    }
}

/* ---- fake sysfs trees ------------------------------------------------ */

static void put_file(const char *dir, const char *name, const char *text)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autofree char *parent = g_path_get_dirname(path);
    g_autoptr(GError) err = NULL;

    g_assert_cmpint(g_mkdir_with_parents(parent, 0755), ==, 0);
    g_file_set_contents(path, text, -1, &err);
    g_assert_no_error(err);
}

static void put_link(const char *path, const char *target)
{
    g_autofree char *parent = g_path_get_dirname(path);

    g_assert_cmpint(g_mkdir_with_parents(parent, 0755), ==, 0);
    unlink(path);
    g_assert_cmpint(symlink(target, path), ==, 0);
}

/*
 * The layout Linux gives a vfio_ccw mdev on subchannel @sch_name (like
 * "0.0.0313"), group 17, paths 0 and 1 on CHPIDs 50 and 51.
 */
static void tree_build(SysfsTree *t, const char *sch_name)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *target = NULL;
    g_autofree char *group = NULL;

    t->root = g_dir_make_tmp("vfio-kernel-XXXXXX", &err);
    g_assert_no_error(err);
    t->sysfs = g_build_filename(t->root, "sys", NULL);
    t->sch = g_build_filename(t->sysfs, "devices", "css0", sch_name, NULL);
    t->mdev = g_build_filename(t->sch, UUID, NULL);
    t->link = g_build_filename(t->sysfs, "bus", "mdev", "devices", UUID,
                               NULL);
    g_assert_cmpint(g_mkdir_with_parents(t->mdev, 0755), ==, 0);
    target = g_strdup_printf("../../../devices/css0/%s/" UUID, sch_name);
    put_link(t->link, target);
    group = g_build_filename(t->mdev, "iommu_group", NULL);
    put_link(group, "../../../../kernel/iommu_groups/17");
    put_file(t->sch, "pimpampom", "c0 c0 ff\n");
    put_file(t->sch, "chpids", "50 51 00 00 00 00 00 00 \n");
    put_file(t->sch, "dev_busid", "0.0.1234\n");
    put_file(t->sysfs, "devices/css0/chp0.50/type", "1a\n");
    put_file(t->sysfs, "devices/css0/chp0.51/type", "1b\n");
}

void tree_setup(SysfsTree *t, gconstpointer data)
{
    tree_build(t, "0.0.0313");
}

/* The same tree on a parent named @data. */
static void tree_setup_named(SysfsTree *t, gconstpointer data)
{
    tree_build(t, data);
}

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
    return remove(path);
}

void tree_teardown(SysfsTree *t, gconstpointer data)
{
    g_assert_cmpint(nftw(t->root, remove_entry, 16, FTW_DEPTH | FTW_PHYS),
                    ==, 0);
    g_free(t->root);
    g_free(t->sysfs);
    g_free(t->sch);
    g_free(t->mdev);
    g_free(t->link);
}

static bool resolve(SysfsTree *t, const char *sysfsdev,
                    VFIOCcwHostInfo *info, GError **errp)
{
    VFIOKernelEnv env = { .sysfs_root = t->sysfs };

    return vfio_ccw_sysfs_resolve(&env, sysfsdev, info, errp);
}

/* Resolve the default link, expecting failure with @needle in the text. */
static void expect_resolve_error(SysfsTree *t, const char *needle)
{
    VFIOCcwHostInfo info;
    g_autoptr(GError) err = NULL;

    g_assert_false(resolve(t, t->link, &info, &err));
    assert_one_line(err);
    assert_contains(err->message, needle);
    g_assert_null(info.mdev_uuid);
}

static void test_sysfs_reads_host_side(SysfsTree *t, gconstpointer data)
{
    static const uint8_t chpids[8] = { 0x50, 0x51 };
    static const uint8_t types[8] = { 0x1a, 0x1b };
    VFIOCcwHostInfo info;
    g_autoptr(GError) err = NULL;
    char real[PATH_MAX];

    g_assert_true(resolve(t, t->link, &info, &err));
    g_assert_no_error(err);
    g_assert_nonnull(realpath(t->mdev, real));
    g_assert_cmpstr(info.mdev_path, ==, real);
    g_assert_cmpstr(info.mdev_uuid, ==, UUID);
    g_assert_cmphex(info.cssid, ==, 0);
    g_assert_cmphex(info.ssid, ==, 0);
    g_assert_cmphex(info.schno, ==, 0x0313);
    g_assert_cmpint(info.iommu_group, ==, 17);
    g_assert_cmphex(info.pim, ==, 0xc0);
    g_assert_cmphex(info.pam, ==, 0xc0);
    g_assert_cmphex(info.pom, ==, 0xff);
    g_assert_cmpmem(info.chpids, 8, chpids, 8);
    g_assert_cmpmem(info.chpid_types, 8, types, 8);
    g_assert_true(info.has_devno);
    g_assert_cmphex(info.devno, ==, 0x1234);
    vfio_ccw_host_info_clear(&info);
    g_assert_null(info.mdev_uuid);
    vfio_ccw_host_info_clear(&info);
}

/* Subchannel 1.3.beef on css 1: the chp files follow the cssid. */
static void test_sysfs_reads_other_css(SysfsTree *t, gconstpointer data)
{
    VFIOCcwHostInfo info;
    g_autoptr(GError) err = NULL;
    g_autofree char *link = g_build_filename(t->sysfs, "mdev-b", NULL);
    g_autofree char *sch = g_build_filename(t->sysfs, "devices", "css1",
                                            "1.3.beef", NULL);
    g_autofree char *mdev = g_build_filename(sch, UUID, NULL);
    g_autofree char *group = g_build_filename(mdev, "iommu_group", NULL);

    g_assert_cmpint(g_mkdir_with_parents(mdev, 0755), ==, 0);
    put_link(link, mdev);
    put_link(group, "/sys/kernel/iommu_groups/4095");
    put_file(sch, "pimpampom", "20 20 FF\n");
    put_file(sch, "chpids", "00 00 7 00 00 00 00 00\n");
    put_file(t->sysfs, "devices/css1/chp1.07/type", "25\n");

    g_assert_true(resolve(t, link, &info, &err));
    g_assert_no_error(err);
    g_assert_cmphex(info.cssid, ==, 1);
    g_assert_cmphex(info.ssid, ==, 3);
    g_assert_cmphex(info.schno, ==, 0xbeef);
    g_assert_cmpint(info.iommu_group, ==, 4095);
    g_assert_cmphex(info.pom, ==, 0xff);
    g_assert_cmphex(info.chpids[2], ==, 0x07);
    g_assert_cmphex(info.chpid_types[2], ==, 0x25);
    g_assert_cmphex(info.chpid_types[0], ==, 0);
    g_assert_false(info.has_devno);     /* no dev_busid file */
    vfio_ccw_host_info_clear(&info);
}

static void test_sysfs_skips_uninstalled_paths(SysfsTree *t,
                                               gconstpointer data)
{
    VFIOCcwHostInfo info;
    g_autoptr(GError) err = NULL;
    g_autofree char *chp51 = g_build_filename(t->sysfs, "devices", "css0",
                                              "chp0.51", "type", NULL);

    /* Path 1 is not installed: its (missing) type is not looked for. */
    put_file(t->sch, "pimpampom", "80 80 80\n");
    g_assert_cmpint(unlink(chp51), ==, 0);
    put_file(t->sch, "dev_busid", "none\n");
    g_assert_true(resolve(t, t->link, &info, &err));
    g_assert_no_error(err);
    g_assert_cmphex(info.chpid_types[0], ==, 0x1a);
    g_assert_cmphex(info.chpid_types[1], ==, 0);
    g_assert_false(info.has_devno);
    vfio_ccw_host_info_clear(&info);
}

static void test_sysfs_requires_sysfsdev(void)
{
    static const char *const missing[] = { NULL, "" };

    for (size_t i = 0; i < G_N_ELEMENTS(missing); i++) {
        VFIOCcwHostInfo info;
        g_autoptr(GError) err = NULL;

        g_assert_false(vfio_ccw_sysfs_resolve(NULL, missing[i], &info,
                                              &err));
        assert_one_line(err);
        g_assert_cmpstr(err->message, ==, "vfio-ccw: sysfsdev is required "
                        "(e.g. sysfsdev=/sys/bus/mdev/devices/UUID)");
    }
}

static void test_sysfs_missing_path(SysfsTree *t, gconstpointer data)
{
    g_autofree char *expect = g_strdup_printf(
        "vfio-ccw: cannot resolve sysfsdev %s: %s (is the vfio_ccw module "
        "loaded", t->link, g_strerror(ENOENT));

    g_assert_cmpint(unlink(t->link), ==, 0);
    expect_resolve_error(t, expect);
    expect_resolve_error(t, "docs/system/s390x/vfio-ccw.rst");
}

static void test_sysfs_refuses_subchannel_path(SysfsTree *t,
                                               gconstpointer data)
{
    VFIOCcwHostInfo info;
    g_autoptr(GError) err = NULL;

    g_assert_false(resolve(t, t->sch, &info, &err));
    assert_one_line(err);
    assert_contains(err->message, "'0.0.0313' is not a UUID");
    assert_contains(err->message, "not the subchannel");
}

static void test_sysfs_refuses_bad_parent(SysfsTree *t, gconstpointer data)
{
    g_autofree char *expect = g_strdup_printf("'%s' is not a subchannel id",
                                              (const char *)data);

    expect_resolve_error(t, expect);
}

static void test_sysfs_missing_iommu_group(SysfsTree *t, gconstpointer data)
{
    g_autofree char *group = g_build_filename(t->mdev, "iommu_group", NULL);
    g_autofree char *expect = g_strdup_printf(
        "cannot read the IOMMU group link %s: %s", group, g_strerror(ENOENT));

    g_assert_cmpint(unlink(group), ==, 0);
    expect_resolve_error(t, expect);
}

static void test_sysfs_bad_iommu_group(SysfsTree *t, gconstpointer data)
{
    g_autofree char *group = g_build_filename(t->mdev, "iommu_group", NULL);

    put_link(group, "../iommu_groups/17a");
    expect_resolve_error(t, "points to '../iommu_groups/17a', whose name "
                         "is not a group number");
    put_link(group, "../iommu_groups/1234567890");
    expect_resolve_error(t, "is not a group number");
}

typedef struct BadAttr {
    const char *path;
    const char *file;       /* relative to the subchannel */
    const char *text;
    const char *expect;
} BadAttr;

static const BadAttr bad_attrs[] = {
    { "/vfio-ccw/sysfs/pimpampom/refuses-two-bytes", "pimpampom",
      "80 80\n", "holds '80 80\\n', expected 3 hex bytes (PIM PAM POM" },
    { "/vfio-ccw/sysfs/pimpampom/refuses-four-bytes", "pimpampom",
      "80 80 ff 00\n", "expected 3 hex bytes" },
    { "/vfio-ccw/sysfs/pimpampom/refuses-non-hex", "pimpampom",
      "zz 80 ff\n", "holds 'zz 80 ff\\n'" },
    { "/vfio-ccw/sysfs/pimpampom/refuses-three-digit-byte", "pimpampom",
      "800 80 ff\n", "expected 3 hex bytes" },
    { "/vfio-ccw/sysfs/pimpampom/refuses-empty", "pimpampom", "",
      "holds '', expected 3 hex bytes" },
    { "/vfio-ccw/sysfs/chpids/refuses-seven-bytes", "chpids",
      "50 51 00 00 00 00 00\n", "expected 8 hex bytes (CHPIDs" },
    { "/vfio-ccw/sysfs/chpids/refuses-glued-bytes", "chpids",
      "5051 00 00 00 00 00 00 00\n", "expected 8 hex bytes" },
    { "/vfio-ccw/sysfs/chp-type/refuses-non-hex", "../chp0.51/type",
      "fibre\n", "holds 'fibre\\n', expected a channel-path type" },
};

static void test_sysfs_bad_attr(SysfsTree *t, gconstpointer data)
{
    const BadAttr *bad = data;
    g_autofree char *path = g_canonicalize_filename(bad->file, t->sch);

    put_file(t->sch, bad->file, bad->text);
    expect_resolve_error(t, path);
    expect_resolve_error(t, bad->expect);
}

static void test_sysfs_quotes_long_text_short(SysfsTree *t,
                                              gconstpointer data)
{
    g_autofree char *junk = g_strnfill(3000, 'x');

    put_file(t->sch, "pimpampom", junk);
    expect_resolve_error(t, "xxx...', expected 3 hex bytes");
}

static void test_sysfs_unreadable_pimpampom(SysfsTree *t,
                                            gconstpointer data)
{
    g_autofree char *path = g_build_filename(t->sch, "pimpampom", NULL);
    g_autofree char *expect = g_strdup_printf("cannot read %s: %s", path,
                                              g_strerror(EISDIR));

    /* Root reads mode-000 files, so a directory stands for "unreadable". */
    g_assert_cmpint(unlink(path), ==, 0);
    g_assert_cmpint(mkdir(path, 0755), ==, 0);
    expect_resolve_error(t, expect);
}

static void test_sysfs_missing_chpids(SysfsTree *t, gconstpointer data)
{
    g_autofree char *path = g_build_filename(t->sch, "chpids", NULL);
    g_autofree char *expect = g_strdup_printf("cannot read %s: %s", path,
                                              g_strerror(ENOENT));

    g_assert_cmpint(unlink(path), ==, 0);
    expect_resolve_error(t, expect);
}

static void test_sysfs_missing_chp_type(SysfsTree *t, gconstpointer data)
{
    g_autofree char *path = g_build_filename(t->sysfs, "devices", "css0",
                                             "chp0.51", "type", NULL);
    g_autofree char *expect = g_strdup_printf(
        "type of channel path 0.51 (path 1 of subchannel 0.0.0313) from "
        "%s: %s", path, g_strerror(ENOENT));

    g_assert_cmpint(unlink(path), ==, 0);
    expect_resolve_error(t, expect);
}

/* ---- the real host ---------------------------------------------------- */

/*
 * The real system calls and /dev on this machine: wherever VFIO is
 * missing, attaching ends in one line that says so.
 */
static void test_real_host_fails_in_one_line(SysfsTree *t, gconstpointer d)
{
    VFIOKernelEnv env = { .sysfs_root = t->sysfs };
    VFIOCcwHostInfo host;
    VFIODevice vdev = { 0 };
    g_autoptr(GError) err = NULL;
    GuestRAM *ram;

    g_assert_true(vfio_ccw_sysfs_resolve(&env, t->link, &host, &err));
    ram = guest_ram_new(RAM_SIZE, &err);
    g_assert_no_error(err);
    g_assert_false(vfio_kernel_attach(&vdev, &env, &host, ram, &err));
    assert_one_line(err);
    if (!g_file_test("/dev/vfio/vfio", G_FILE_TEST_EXISTS)) {
        g_autofree char *expect = g_strdup_printf(
            "vfio-ccw: cannot open VFIO container /dev/vfio/vfio: %s (load "
            "the vfio and vfio_iommu_type1 modules; in a container, pass "
            "/dev/vfio through)", g_strerror(ENOENT));

        g_assert_cmpstr(err->message, ==, expect);
    } else {
        assert_contains(err->message, "/dev/vfio/");
    }
    g_assert_null(vdev.ops);
    guest_ram_free(ram);
    vfio_ccw_host_info_clear(&host);
}

int main(int argc, char **argv)
{
    static const char *const bad_parents[] = {
        "0.0.zz13", "0.4.0313", "0.0.313", "0.0.03130", "100.0.0313",
        "0..0313", "css0",
    };

    g_test_init(&argc, &argv, NULL);

#define TREE_TEST(path, fn) \
    g_test_add(path, SysfsTree, NULL, tree_setup, fn, tree_teardown)
    TREE_TEST("/vfio-ccw/sysfs/reads-host-side", test_sysfs_reads_host_side);
    TREE_TEST("/vfio-ccw/sysfs/chp-type-follows-cssid",
              test_sysfs_reads_other_css);
    TREE_TEST("/vfio-ccw/sysfs/chp-type-only-for-installed-paths",
              test_sysfs_skips_uninstalled_paths);
    g_test_add_func("/vfio-ccw/sysfs/requires-sysfsdev",
                    test_sysfs_requires_sysfsdev);
    TREE_TEST("/vfio-ccw/sysfs/missing-path-names-module",
              test_sysfs_missing_path);
    TREE_TEST("/vfio-ccw/sysfs/refuses-subchannel-path",
              test_sysfs_refuses_subchannel_path);
    TREE_TEST("/vfio-ccw/sysfs/missing-iommu-group",
              test_sysfs_missing_iommu_group);
    TREE_TEST("/vfio-ccw/sysfs/iommu-group-must-be-a-number",
              test_sysfs_bad_iommu_group);
    TREE_TEST("/vfio-ccw/sysfs/pimpampom/quotes-long-text-short",
              test_sysfs_quotes_long_text_short);
    TREE_TEST("/vfio-ccw/sysfs/pimpampom/unreadable",
              test_sysfs_unreadable_pimpampom);
    TREE_TEST("/vfio-ccw/sysfs/chpids/missing", test_sysfs_missing_chpids);
    TREE_TEST("/vfio-ccw/sysfs/chp-type/missing",
              test_sysfs_missing_chp_type);
    TREE_TEST("/vfio-ccw/real-host/attach-fails-in-one-line",
              test_real_host_fails_in_one_line);
#undef TREE_TEST
    for (size_t i = 0; i < G_N_ELEMENTS(bad_parents); i++) {
        g_autofree char *path = g_strdup_printf(
            "/vfio-ccw/sysfs/parent-not-a-subchannel-id/%zu", i);

        g_test_add(path, SysfsTree, bad_parents[i], tree_setup_named,
                   test_sysfs_refuses_bad_parent, tree_teardown);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(bad_attrs); i++) {
        g_test_add(bad_attrs[i].path, SysfsTree, &bad_attrs[i], tree_setup,
                   test_sysfs_bad_attr, tree_teardown);
    }
    register_attach_tests();
    register_region_tests();
    return g_test_run();
}
