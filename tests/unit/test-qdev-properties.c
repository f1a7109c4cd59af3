/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Properties from user strings, property help, option splitting, and the
 * device life cycle on a machine's bus.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "qemu/module.h"
#include "qom/object.h"
#include "hw/boards.h"
#include "hw/qdev-properties.h"
#include "system/device-create.h"

/* ---- a device type with one property of each kind ---------------------- */

typedef enum TestMode {
    TEST_MODE_ECHO,
    TEST_MODE_HOLD,
} TestMode;

static GType test_mode_get_type(void)
{
    static gsize id;
    static const GEnumValue values[] = {
        { TEST_MODE_ECHO, "TEST_MODE_ECHO", "echo" },
        { TEST_MODE_HOLD, "TEST_MODE_HOLD", "hold" },
        { 0, NULL, NULL },
    };

    if (g_once_init_enter(&id)) {
        g_once_init_leave(&id, g_enum_register_static("TestMode", values));
    }
    return id;
}

typedef struct TestDev {
    DeviceState parent_obj;
    bool flag;
    guint small;
    gint offset;
    guint64 big;
    char *label;
    TestMode mode;
    int realize_count;
    int unrealize_count;
} TestDev;

typedef struct TestDevClass {
    DeviceClass parent_class;
} TestDevClass;

#define TYPE_TEST_DEV "test-dev"
static GType test_dev_get_type(void);
#define TEST_DEV(o) G_TYPE_CHECK_INSTANCE_CAST((o), test_dev_get_type(), TestDev)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TestDev, g_object_unref)

OBJECT_DEFINE_TYPE(TestDev, TestDevClass, test_dev, TYPE_TEST_DEV, TYPE_DEVICE)

enum { P_0, P_FLAG, P_SMALL, P_OFFSET, P_BIG, P_LABEL, P_MODE, N_P };

static void test_dev_set_property(GObject *o, guint id, const GValue *v,
                                  GParamSpec *ps)
{
    TestDev *d = TEST_DEV(o);

    switch (id) {
    case P_FLAG:
        d->flag = g_value_get_boolean(v);
        break;
    case P_SMALL:
        d->small = g_value_get_uint(v);
        break;
    case P_OFFSET:
        d->offset = g_value_get_int(v);
        break;
    case P_BIG:
        d->big = g_value_get_uint64(v);
        break;
    case P_LABEL:
        g_free(d->label);
        d->label = g_value_dup_string(v);
        break;
    case P_MODE:
        d->mode = g_value_get_enum(v);
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(o, id, ps);
    }
}

static void test_dev_get_property(GObject *o, guint id, GValue *v,
                                  GParamSpec *ps)
{
    G_OBJECT_WARN_INVALID_PROPERTY_ID(o, id, ps);
}

static bool test_dev_realize(DeviceState *dev, GError **errp)
{
    TestDev *d = TEST_DEV(dev);

    if (d->label && g_str_equal(d->label, "refuse")) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "test-dev: label 'refuse' refused");
        return false;
    }
    d->realize_count++;
    return true;
}

static void test_dev_unrealize(DeviceState *dev)
{
    TEST_DEV(dev)->unrealize_count++;
}

static void test_dev_finalize(GObject *o)
{
    g_free(TEST_DEV(o)->label);
    G_OBJECT_CLASS(test_dev_parent_class)->finalize(o);
}

static void test_dev_class_init(TestDevClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    DeviceClass *dc = DEVICE_CLASS(klass);
    GParamSpec *props[N_P] = { NULL };
    const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

    oc->set_property = test_dev_set_property;
    oc->get_property = test_dev_get_property;
    oc->finalize = test_dev_finalize;
    dc->desc = "a device for property tests";
    dc->bus_type = "virtual-css-bus";
    dc->user_creatable = true;
    dc->realize = test_dev_realize;
    dc->unrealize = test_dev_unrealize;
    props[P_FLAG] = g_param_spec_boolean("flag", NULL, "a switch", FALSE, rw);
    props[P_SMALL] = g_param_spec_uint("small", NULL, "0 to 255", 0, 255, 7,
                                       rw);
    props[P_OFFSET] = g_param_spec_int("offset", NULL, "-10 to 10", -10, 10,
                                       0, rw);
    props[P_BIG] = g_param_spec_uint64("big", NULL, "any 64-bit value", 0,
                                       G_MAXUINT64, 0, rw);
    props[P_LABEL] = g_param_spec_string("label", NULL, "a name", NULL, rw);
    props[P_MODE] = g_param_spec_enum("mode", NULL, "what to do",
                                      test_mode_get_type(), TEST_MODE_ECHO,
                                      rw);
    g_object_class_install_properties(oc, N_P, props);
}

static void test_dev_init(TestDev *d G_GNUC_UNUSED)
{
}

static TestDev *new_dev(void)
{
    return g_object_new(test_dev_get_type(), NULL);
}

static bool set(TestDev *d, const char *k, const char *v, GError **errp)
{
    return object_set_prop_str(G_OBJECT(d), "device 'test-dev'", k, v, errp);
}

/* ---- tests -------------------------------------------------------------- */

static void test_bool_words(void)
{
    g_autoptr(TestDev) d = new_dev();

    g_assert_true(set(d, "flag", "on", NULL));
    g_assert_true(d->flag);
    g_assert_true(set(d, "flag", "false", NULL));
    g_assert_false(d->flag);
    g_assert_true(set(d, "flag", "yes", NULL));
    g_assert_true(d->flag);
}

static void test_int_decimal_hex_and_range(void)
{
    g_autoptr(TestDev) d = new_dev();
    g_autoptr(GError) err = NULL;

    g_assert_true(set(d, "small", "0xff", NULL));
    g_assert_cmpuint(d->small, ==, 255);
    g_assert_true(set(d, "small", "12", NULL));
    g_assert_cmpuint(d->small, ==, 12);
    g_assert_false(set(d, "small", "256", &err));
    g_assert_cmpstr(err->message, ==,
                    "property 'small' of device 'test-dev' does not take "
                    "'256': expected an integer in 0..255 (decimal or 0x hex)");
    g_assert_cmpuint(d->small, ==, 12);          /* unchanged */
    g_assert_true(set(d, "offset", "-10", NULL));
    g_assert_cmpint(d->offset, ==, -10);
    g_assert_false(set(d, "offset", "-11", NULL));
    g_assert_false(set(d, "offset", "0x", NULL));
    g_assert_true(set(d, "big", "0xffffffffffffffff", NULL));
    g_assert_cmphex(d->big, ==, G_MAXUINT64);
    g_assert_false(set(d, "big", "-1", NULL));
}

static void test_string_and_enum(void)
{
    g_autoptr(TestDev) d = new_dev();
    g_autoptr(GError) err = NULL;

    g_assert_true(set(d, "label", "a,b c", NULL));
    g_assert_cmpstr(d->label, ==, "a,b c");
    g_assert_true(set(d, "mode", "hold", NULL));
    g_assert_cmpint(d->mode, ==, TEST_MODE_HOLD);
    g_assert_false(set(d, "mode", "HOLD", &err));
    g_assert_nonnull(strstr(err->message, "expected one of echo|hold"));
}

static void test_unknown_and_valueless(void)
{
    g_autoptr(TestDev) d = new_dev();
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;
    g_autoptr(GError) e3 = NULL;

    g_assert_false(set(d, "bogus", "1", &e1));
    g_assert_cmpstr(e1->message, ==,
                    "device 'test-dev' has no property 'bogus'");
    g_assert_false(set(d, "flag", NULL, &e2));
    g_assert_nonnull(strstr(e2->message, "needs a value"));
    g_assert_false(set(d, "flag", "2", &e3));
    g_assert_nonnull(strstr(e3->message, "expected on/off"));
}

static void test_help_lists_type_default_blurb(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    object_class_print_props(test_dev_get_type(), out);
    fclose(out);
    g_assert_nonnull(strstr(text, "  flag=<bool> - a switch (default: off)\n"));
    g_assert_nonnull(strstr(text, "  small=<uint32> - 0 to 255 (default: 7)\n"));
    g_assert_nonnull(strstr(text, "  mode=<enum (echo|hold)> - what to do "
                                  "(default: echo)\n"));
    g_assert_nonnull(strstr(text, "  label=<string> - a name "
                                  "(default: (none))\n"));
    /* sorted by name */
    g_assert_true(strstr(text, "big=") < strstr(text, "flag="));
    free(text);
}

static void test_opts_split(void)
{
    g_autofree char *first = NULL;
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) pairs =
        qemu_opts_split("vfio-ccw,sysfsdev=/a,,b,devno=fe.0.1,help", &first,
                        &err);
    QemuOptPair *p;

    g_assert_no_error(err);
    g_assert_cmpstr(first, ==, "vfio-ccw");
    g_assert_cmpuint(pairs->len, ==, 3);
    p = pairs->pdata[0];
    g_assert_cmpstr(p->key, ==, "sysfsdev");
    g_assert_cmpstr(p->value, ==, "/a,b");
    p = pairs->pdata[2];
    g_assert_cmpstr(p->key, ==, "help");
    g_assert_null(p->value);
}

static void test_opts_split_refuses_empty_key(void)
{
    g_autofree char *first = NULL;
    g_autoptr(GError) err = NULL;

    g_assert_null(qemu_opts_split("x,=1", &first, &err));
    g_assert_nonnull(err);
    g_assert_null(first);
}

static void test_device_from_pairs_with_id(void)
{
    g_autofree char *first = NULL;
    g_autoptr(GPtrArray) pairs =
        qemu_opts_split("test-dev,id=d0,small=3", &first, NULL);
    g_autoptr(GError) err = NULL;
    g_autoptr(DeviceState) dev = NULL;
    GType t = qdev_device_type_from_name(first, &err);

    g_assert_no_error(err);
    dev = qdev_device_new_from_pairs(t, pairs, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(dev->id, ==, "d0");
    g_assert_cmpuint(TEST_DEV(dev)->small, ==, 3);
}

static void test_unknown_device_type(void)
{
    g_autoptr(GError) err = NULL;

    g_assert_cmpuint(qdev_device_type_from_name("no-such", &err), ==,
                     G_TYPE_INVALID);
    g_assert_nonnull(strstr(err->message, "not a valid device model name"));
    g_clear_error(&err);
    /* an abstract base is not creatable either */
    g_assert_cmpuint(qdev_device_type_from_name("device", &err), ==,
                     G_TYPE_INVALID);
}

static MachineState *new_machine(void)
{
    GType t = machine_type_from_name("s390-ccw-virtio");
    MachineState *ms;
    g_autoptr(GError) err = NULL;

    g_assert_cmpuint(t, !=, G_TYPE_INVALID);
    ms = g_object_new(t, NULL);
    ms->ram_size = 1024 * 1024;
    g_assert_true(machine_run_init(ms, &err));
    g_assert_no_error(err);
    return ms;
}

static void test_lifecycle_mirrors(void)
{
    g_autoptr(MachineState) ms = new_machine();
    TestDev *a = new_dev();
    TestDev *b = new_dev();
    TestDev *bad = new_dev();
    g_autoptr(GError) err = NULL;

    DEVICE(a)->id = g_strdup("a");
    DEVICE(b)->id = g_strdup("a");
    g_assert_true(machine_device_add(ms, DEVICE(a), &err));
    g_assert_true(DEVICE(a)->realized);
    g_assert_false(machine_device_add(ms, DEVICE(b), &err));
    g_assert_cmpstr(err->message, ==, "duplicate device id 'a'");
    g_assert_false(DEVICE(b)->realized);
    g_clear_error(&err);

    set(bad, "label", "refuse", NULL);
    g_assert_false(machine_device_add(ms, DEVICE(bad), &err));
    g_assert_null(DEVICE(bad)->parent_bus);
    g_assert_true(machine_find_device(ms, "a") == DEVICE(a));

    qdev_unrealize(DEVICE(a));
    g_assert_false(DEVICE(a)->realized);
    g_assert_cmpint(a->realize_count, ==, 1);
    g_assert_cmpint(a->unrealize_count, ==, 1);
    g_assert_null(machine_find_device(ms, "a"));
    g_object_unref(a);
    g_object_unref(b);
    g_object_unref(bad);
}

static void test_teardown_unrealizes_all(void)
{
    MachineState *ms = new_machine();
    TestDev *a = new_dev();

    g_assert_true(machine_device_add(ms, DEVICE(a), NULL));
    g_object_unref(ms);            /* tears down: a is unrealized */
    g_assert_cmpint(a->unrealize_count, ==, 1);
    g_assert_false(DEVICE(a)->realized);
    g_object_unref(a);
}

int main(int argc, char **argv)
{
    module_call_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qdev/props/bool-words", test_bool_words);
    g_test_add_func("/qdev/props/int-decimal-hex-range",
                    test_int_decimal_hex_and_range);
    g_test_add_func("/qdev/props/string-and-enum", test_string_and_enum);
    g_test_add_func("/qdev/props/unknown-and-valueless",
                    test_unknown_and_valueless);
    g_test_add_func("/qdev/props/help-type-default-blurb",
                    test_help_lists_type_default_blurb);
    g_test_add_func("/qdev/opts/split", test_opts_split);
    g_test_add_func("/qdev/opts/refuses-empty-key",
                    test_opts_split_refuses_empty_key);
    g_test_add_func("/qdev/create/from-pairs-with-id",
                    test_device_from_pairs_with_id);
    g_test_add_func("/qdev/create/unknown-type", test_unknown_device_type);
    g_test_add_func("/qdev/lifecycle/mirrors", test_lifecycle_mirrors);
    g_test_add_func("/qdev/lifecycle/teardown-unrealizes-all",
                    test_teardown_unrealizes_all);
    return g_test_run();
}
