/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-user-caps.c: the VERSION capabilities document both ends of
 * a vfio-user connection write and read (hw/vfio-user/caps.c).  What must
 * hold: what one side writes the other reads back unchanged; a missing
 * document part means the spec's defaults; anything that is not a JSON
 * object or a non-negative integer where one is due is refused, naming
 * what was wrong, and leaves the caller's values alone.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "hw/vfio-user/caps.h"
#include "hw/vfio-user/protocol.h"

static VFIOUserCaps parse_ok(const char *json)
{
    g_autoptr(GError) err = NULL;
    VFIOUserCaps caps = { 0 };

    g_assert_true(vfio_user_caps_from_json(json, strlen(json), &caps, &err));
    g_assert_no_error(err);
    return caps;
}

static void assert_defaults(const VFIOUserCaps *caps)
{
    g_assert_cmpuint(caps->max_msg_fds, ==, 1);
    g_assert_cmpuint(caps->max_data_xfer_size, ==, 1024 * 1024);
    g_assert_cmpuint(caps->max_dma_maps, ==, 65535);
    g_assert_cmpuint(caps->pgsizes, ==, 4096);
}

static void test_defaults(void)
{
    VFIOUserCaps caps = vfio_user_caps_defaults();

    assert_defaults(&caps);
}

/* Written by one side, read by the other: the same four numbers. */
static void test_round_trip(void)
{
    const VFIOUserCaps ours = {
        .max_msg_fds = 3,
        .max_data_xfer_size = 4096,
        .max_dma_maps = 64,
        .pgsizes = 4096 | (1 << 21),
    };
    g_autofree char *json = vfio_user_caps_to_json(&ours);
    VFIOUserCaps back = parse_ok(json);

    g_assert_cmpmem(&back, sizeof(back), &ours, sizeof(ours));
    g_assert_nonnull(strstr(json, "\"capabilities\""));
    g_assert_nonnull(strstr(json, "\"max_dma_maps\":64"));
}

/* JSON has no unsigned 64-bit integers: the largest is 2^63-1. */
static void test_write_clamps_to_int64(void)
{
    VFIOUserCaps big = vfio_user_caps_defaults();
    g_autofree char *json = NULL;
    VFIOUserCaps back;

    big.pgsizes = UINT64_MAX;
    json = vfio_user_caps_to_json(&big);
    back = parse_ok(json);
    g_assert_cmpuint(back.pgsizes, ==, (uint64_t)G_MAXINT64);
}

static void test_missing_parts_are_defaults(void)
{
    VFIOUserCaps caps;

    caps = parse_ok("");
    assert_defaults(&caps);
    caps = parse_ok("{}");
    assert_defaults(&caps);
    caps = parse_ok("{\"capabilities\": {}}");
    assert_defaults(&caps);
    caps = parse_ok("{\"capabilities\": {\"max_dma_maps\": 7}}");
    g_assert_cmpuint(caps.max_dma_maps, ==, 7);
    g_assert_cmpuint(caps.max_msg_fds, ==, 1);
    g_assert_cmpuint(caps.max_data_xfer_size, ==, 1024 * 1024);
}

/* A newer peer may send members we do not know, of any type. */
static void test_unknown_members_ignored(void)
{
    VFIOUserCaps caps = parse_ok(
        "{\"capabilities\": {\"write_multiple\": true,"
        " \"twin_socket\": {\"supported\": false},"
        " \"migration\": {\"pgsize\": 4096},"
        " \"max_data_xfer_size\": 124}, \"other\": [1]}");

    g_assert_cmpuint(caps.max_data_xfer_size, ==, 124);
    g_assert_cmpuint(caps.pgsizes, ==, 4096);
}

typedef struct BadCase {
    const char *path;
    const char *json;
    const char *message;    /* what the error must say */
} BadCase;

static const BadCase bad_cases[] = {
    { "/vfio-user-caps/bad/blank", " ", "not a JSON object" },
    { "/vfio-user-caps/bad/not-json", "{capabilities", "not a JSON object" },
    { "/vfio-user-caps/bad/array", "[1, 2]", "not a JSON object" },
    { "/vfio-user-caps/bad/number", "4096", "not a JSON object" },
    { "/vfio-user-caps/bad/caps-array", "{\"capabilities\": [1, 2]}",
      "\"capabilities\" is not an object" },
    { "/vfio-user-caps/bad/caps-null", "{\"capabilities\": null}",
      "\"capabilities\" is not an object" },
    { "/vfio-user-caps/bad/negative",
      "{\"capabilities\": {\"max_msg_fds\": -1}}",
      "\"max_msg_fds\" is not a non-negative integer" },
    { "/vfio-user-caps/bad/fraction",
      "{\"capabilities\": {\"max_data_xfer_size\": 4096.5}}",
      "\"max_data_xfer_size\" is not a non-negative integer" },
    { "/vfio-user-caps/bad/string",
      "{\"capabilities\": {\"pgsizes\": \"4096\"}}",
      "\"pgsizes\" is not a non-negative integer" },
    { "/vfio-user-caps/bad/bool",
      "{\"capabilities\": {\"max_dma_maps\": true}}",
      "\"max_dma_maps\" is not a non-negative integer" },
    { "/vfio-user-caps/bad/object",
      "{\"capabilities\": {\"pgsizes\": {}}}",
      "\"pgsizes\" is not a non-negative integer" },
    { "/vfio-user-caps/bad/good-then-bad",
      "{\"capabilities\": {\"max_msg_fds\": 3, \"pgsizes\": -1}}",
      "\"pgsizes\" is not a non-negative integer" },
    { "/vfio-user-caps/bad/past-int64",
      "{\"capabilities\": {\"pgsizes\": 18446744073709551616}}",
      "\"pgsizes\" is not a non-negative integer" },
};

static void test_bad(gconstpointer data)
{
    const BadCase *bc = data;
    g_autoptr(GError) err = NULL;
    VFIOUserCaps caps = { .max_msg_fds = 99 };

    g_assert_false(vfio_user_caps_from_json(bc->json, strlen(bc->json),
                                            &caps, &err));
    g_assert_error(err, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_nonnull(strstr(err->message, bc->message));
    /* Refused means untouched, even when earlier members were good. */
    g_assert_cmpuint(caps.max_msg_fds, ==, 99);
    g_assert_cmpuint(caps.pgsizes, ==, 0);
}

/* Only @len bytes count: what follows is not part of the document. */
static void test_length_bounds_the_document(void)
{
    const char json[] = "{\"capabilities\": {\"max_dma_maps\": 5}}garbage";
    g_autoptr(GError) err = NULL;
    VFIOUserCaps caps;

    g_assert_true(vfio_user_caps_from_json(json, strlen(json) - 7, &caps,
                                           &err));
    g_assert_cmpuint(caps.max_dma_maps, ==, 5);
    g_assert_false(vfio_user_caps_from_json(json, strlen(json), &caps,
                                            NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-user-caps/defaults", test_defaults);
    g_test_add_func("/vfio-user-caps/round-trip", test_round_trip);
    g_test_add_func("/vfio-user-caps/write-clamps-to-int64",
                    test_write_clamps_to_int64);
    g_test_add_func("/vfio-user-caps/missing-parts-are-defaults",
                    test_missing_parts_are_defaults);
    g_test_add_func("/vfio-user-caps/unknown-members-ignored",
                    test_unknown_members_ignored);
    g_test_add_func("/vfio-user-caps/length-bounds-the-document",
                    test_length_bounds_the_document);
    for (size_t i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        g_test_add_data_func(bad_cases[i].path, &bad_cases[i], test_bad);
    }
    return g_test_run();
}
