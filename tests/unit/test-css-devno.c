/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-css-devno.c: placing subchannels: device-number syntax, automatic
 * assignment, collisions, s390-squash-mcss (facts §3.3-3.5), visibility
 * of sets and images, and subsystem reset.
 */
#include "qemu/osdep.h"

#include "test-css-fixture.h"

typedef struct CssOnly {
    ChannelSubSys *css;
} CssOnly;

static void css_only_setup(CssOnly *f, gconstpointer data)
{
    f->css = css_new(NULL, GPOINTER_TO_INT(data));
}

static void css_only_teardown(CssOnly *f, gconstpointer data)
{
    css_free(f->css);
}

#define CSS_TEST(path, fn) \
    g_test_add(path, CssOnly, GINT_TO_POINTER(0), css_only_setup, fn, \
               css_only_teardown)
#define SQUASH_TEST(path, fn) \
    g_test_add(path, CssOnly, GINT_TO_POINTER(1), css_only_setup, fn, \
               css_only_teardown)

static SubchDev *create(CssOnly *f, const char *devno, bool virt,
                        bool squash, const char *label)
{
    g_autoptr(GError) err = NULL;
    SubchDev *sch = css_create_sch(f->css, devno, virt, squash, label, &err);

    g_assert_no_error(err);
    g_assert_nonnull(sch);
    return sch;
}

static char *create_error(CssOnly *f, const char *devno, bool virt,
                          bool squash, const char *label)
{
    GError *err = NULL;
    char *msg;

    g_assert_null(css_create_sch(f->css, devno, virt, squash, label, &err));
    g_assert_nonnull(err);
    msg = g_strdup(err->message);
    g_error_free(err);
    /* One line. */
    g_assert_null(strchr(msg, '\n'));
    return msg;
}

/* ------------------------------------------------------------------------
 * "C.S.DDDD"
 * ------------------------------------------------------------------------ */

static void test_parse_good(void)
{
    static const struct {
        const char *in;
        uint8_t cssid, ssid;
        uint16_t devno;
        const char *printed;
    } rows[] = {
        { "fe.0.1234", 0xfe, 0, 0x1234, "fe.0.1234" },
        { "0.3.ffff", 0, 3, 0xffff, "0.3.ffff" },
        { "00.1.0000", 0, 1, 0, "0.1.0000" },
        { "A.2.BcDe", 0x0a, 2, 0xbcde, "a.2.bcde" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(rows); i++) {
        g_autoptr(GError) err = NULL;
        g_autofree char *s = NULL;
        CssDevId id;

        g_assert_true(css_devid_parse(rows[i].in, &id, &err));
        g_assert_no_error(err);
        g_assert_true(id.valid);
        g_assert_cmphex(id.cssid, ==, rows[i].cssid);
        g_assert_cmphex(id.ssid, ==, rows[i].ssid);
        g_assert_cmphex(id.devno, ==, rows[i].devno);
        s = css_devid_to_string(&id);
        g_assert_cmpstr(s, ==, rows[i].printed);
    }
}

static void test_parse_bad(void)
{
    static const char *const bad[] = {
        "", "fe", "fe.0", "fe.0.123", "fe.0.12345", "fe.00.1234",
        "100.0.1234", ".0.1234", "fe..1234", "fe.0.1234 ", "g.0.1234",
        "fe.0.12x4", "fe.0.1234.", "-1.0.1234",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) err = NULL;
        CssDevId id = { 0 };

        g_assert_false(css_devid_parse(bad[i], &id, &err));
        g_assert_nonnull(err);
        g_assert_true(strstr(err->message, "devno") != NULL);
        g_assert_false(id.valid);
    }
}

static void test_parse_bad_ids(void)
{
    g_autoptr(GError) err1 = NULL;
    g_autoptr(GError) err2 = NULL;
    CssDevId id;

    /* cssid 0xff is no image, sets end at 3. */
    g_assert_false(css_devid_parse("ff.0.1234", &id, &err1));
    g_assert_true(strstr(err1->message, "Invalid cssid or ssid") != NULL);
    g_assert_false(css_devid_parse("fe.4.1234", &id, &err2));
    g_assert_true(strstr(err2->message, "Invalid cssid or ssid") != NULL);
}

static void test_unset_prints(void)
{
    CssDevId id = { .valid = false };
    g_autofree char *s = css_devid_to_string(&id);

    g_assert_cmpstr(s, ==, "<unset>");
}

/* ------------------------------------------------------------------------
 * Assignment
 * ------------------------------------------------------------------------ */

static void test_auto_assigns(CssOnly *f, gconstpointer data)
{
    SubchDev *a = create(f, NULL, true, false, "a");
    SubchDev *b = create(f, NULL, false, false, "b");

    /* Default image 0xfe, set 0; devno follows the subchannel number. */
    g_assert_cmphex(a->cssid, ==, 0xfe);
    g_assert_cmpuint(a->ssid, ==, 0);
    g_assert_cmpuint(a->schid, ==, 0);
    g_assert_cmphex(a->devno, ==, 0);
    g_assert_cmphex(b->cssid, ==, 0xfe);
    g_assert_cmpuint(b->schid, ==, 1);
    g_assert_cmphex(b->devno, ==, 1);
    g_assert_cmpstr(b->label, ==, "b");
    css_destroy_sch(a);
    css_destroy_sch(b);
}

static void test_auto_skips_used_devno(CssOnly *f, gconstpointer data)
{
    SubchDev *x = create(f, "fe.0.0001", true, false, "x");
    SubchDev *y = create(f, NULL, true, false, "y");

    /* x took subchannel 0 and devno 1: y gets subchannel 1, devno 2. */
    g_assert_cmpuint(x->schid, ==, 0);
    g_assert_cmpuint(y->schid, ==, 1);
    g_assert_cmphex(y->devno, ==, 2);
    css_destroy_sch(x);
    css_destroy_sch(y);
}

static void test_explicit_creates_image(CssOnly *f, gconstpointer data)
{
    SubchDev *s;

    g_assert_false(css_present(f->css, 0x12));
    s = create(f, "12.2.abcd", false, false, "pt");
    g_assert_true(css_present(f->css, 0x12));
    g_assert_cmphex(s->cssid, ==, 0x12);
    g_assert_cmpuint(s->ssid, ==, 2);
    g_assert_cmpuint(s->schid, ==, 0);
    g_assert_cmphex(s->devno, ==, 0xabcd);
    g_assert_cmphex(s->curr_status.pmcw.devno, ==, 0xabcd);
    css_destroy_sch(s);
}

static void test_collision(CssOnly *f, gconstpointer data)
{
    SubchDev *a = create(f, "fe.0.1234", true, false, "disk-a");
    g_autofree char *msg = create_error(f, "fe.0.1234", false, false,
                                        "disk-b");

    g_assert_true(strstr(msg, "fe.0.1234") != NULL);
    g_assert_true(strstr(msg, "disk-a") != NULL);
    g_assert_true(strstr(msg, "disk-b") != NULL);
    css_destroy_sch(a);
}

static void test_destroy_frees_devno(CssOnly *f, gconstpointer data)
{
    SubchDev *a = create(f, "fe.0.1234", true, false, "a");

    css_destroy_sch(a);
    a = create(f, "fe.0.1234", true, false, "again");
    g_assert_cmpuint(a->schid, ==, 0);
    css_destroy_sch(a);
}

/*
 * Every subchannel number of set 0 (devno 0xffff is never chosen, so set 0
 * holds 65535 automatic devices), then set 1; a freed number in the middle
 * is the next one taken.  Also makes sure placement is not quadratic.
 */
static void test_fill_set(CssOnly *f, gconstpointer data)
{
    g_autofree SubchDev **all = g_new0(SubchDev *, MAX_SCHID + 1);
    SubchDev *next;

    for (unsigned i = 0; i < MAX_DEVNO; i++) {
        all[i] = create(f, NULL, true, false, "many");
        g_assert_cmpuint(all[i]->ssid, ==, 0);
        g_assert_cmpuint(all[i]->schid, ==, i);
        g_assert_cmphex(all[i]->devno, ==, i);
    }
    next = create(f, NULL, true, false, "next");
    g_assert_cmpuint(next->ssid, ==, 1);
    g_assert_cmpuint(next->schid, ==, 0);
    css_destroy_sch(next);

    css_destroy_sch(all[300]);
    all[300] = create(f, NULL, true, false, "refill");
    g_assert_cmpuint(all[300]->ssid, ==, 0);
    g_assert_cmpuint(all[300]->schid, ==, 300);
    g_assert_cmphex(all[300]->devno, ==, 300);
    /* css_free() frees whatever is left. */
}

/* "No subchannel numbered this or higher", around page boundaries. */
static void test_schid_final(CssOnly *f, gconstpointer data)
{
    SubchDev *a = create(f, "fe.0.1000", true, false, "a");
    SubchDev *b = create(f, "fe.0.1001", true, false, "b");

    g_assert_cmpuint(a->schid, ==, 0);
    g_assert_false(css_schid_final(f->css, 0, 0, 0, 0));
    g_assert_false(css_schid_final(f->css, 0, 0, 0, 1));
    g_assert_true(css_schid_final(f->css, 0, 0, 0, 2));
    g_assert_true(css_schid_final(f->css, 0, 0, 0, 0xffff));
    g_assert_true(css_schid_final(f->css, 0, 0, 1, 0));

    /* Move b to the last number of a page, then to the very last. */
    css_destroy_sch(b);
    for (unsigned n = 1; n <= 0x1ff; n++) {
        g_autofree char *devno = g_strdup_printf("fe.0.%04x", 0x2000 + n);

        b = create(f, devno, true, false, "b");
        g_assert_cmpuint(b->schid, ==, n);
        if (n < 0x1ff) {
            css_destroy_sch(b);
            create(f, NULL, true, false, "filler");
        }
    }
    g_assert_false(css_schid_final(f->css, 0, 0, 0, 0x100));
    g_assert_false(css_schid_final(f->css, 0, 0, 0, 0x1ff));
    g_assert_true(css_schid_final(f->css, 0, 0, 0, 0x200));
    css_destroy_sch(b);
    g_assert_true(css_schid_final(f->css, 0, 0, 0, 0x1ff));
    g_assert_false(css_schid_final(f->css, 0, 0, 0, 0x1fe));
}

static void test_bad_devno_refused(CssOnly *f, gconstpointer data)
{
    g_autofree char *msg = create_error(f, "fe.0.12", true, false, "x");

    g_assert_true(strstr(msg, "fe.0.12") != NULL);
}

static void test_ids(CssOnly *f, gconstpointer data)
{
    SubchDev *a = create(f, NULL, true, false, "a");
    SubchDev *b = create(f, "fe.1.4711", true, false, "b");
    CssDevId dev = css_sch_dev_id(b);
    CssDevId sub = css_sch_subch_id(b);
    g_autofree char *s1 = css_devid_to_string(&dev);
    g_autofree char *s2 = css_devid_to_string(&sub);

    g_assert_cmpstr(s1, ==, "fe.1.4711");
    g_assert_cmpstr(s2, ==, "fe.1.0000");
    css_destroy_sch(a);
    css_destroy_sch(b);
}

/* ------------------------------------------------------------------------
 * s390-squash-mcss (QEMU 2.10 semantics)
 * ------------------------------------------------------------------------ */

static void test_squash_default_image(CssOnly *f, gconstpointer data)
{
    SubchDev *a = create(f, NULL, true, true, "virtio");
    SubchDev *b = create(f, NULL, false, true, "vfio");

    g_assert_cmphex(css_default_cssid(f->css), ==, 0);
    g_assert_cmphex(a->cssid, ==, 0);
    g_assert_cmphex(b->cssid, ==, 0);
    g_assert_false(css_present(f->css, 0xfe));
    css_destroy_sch(a);
    css_destroy_sch(b);
}

static void test_squash_virtual_must_use_fe(CssOnly *f, gconstpointer data)
{
    g_autofree char *msg = create_error(f, "0.0.1234", true, true, "virtio");

    g_assert_true(strstr(msg, "cssid 0 not valid for virtual") != NULL);
    g_assert_true(strstr(msg, "virtio") != NULL);
}

static void test_squash_passthrough_not_fe(CssOnly *f, gconstpointer data)
{
    g_autofree char *msg = create_error(f, "fe.0.1234", false, true, "vfio");

    g_assert_true(strstr(msg, "cssid fe not valid for non-virtual") != NULL);
}

static void test_squash_into_0(CssOnly *f, gconstpointer data)
{
    SubchDev *v = create(f, "fe.1.1234", true, true, "virtio");
    SubchDev *p = create(f, "3.1.1235", false, true, "vfio");
    g_autofree char *msg = NULL;

    g_assert_cmphex(v->cssid, ==, 0);
    g_assert_cmpuint(v->ssid, ==, 1);
    g_assert_cmphex(p->cssid, ==, 0);
    /* No image is created for the named cssid. */
    g_assert_false(css_present(f->css, 3));
    /* Squashed, fe.1.1234 and 5.1.1234 are the same device number. */
    msg = create_error(f, "5.1.1234", false, true, "vfio2");
    g_assert_true(strstr(msg, "virtio") != NULL);
    css_destroy_sch(v);
    css_destroy_sch(p);
}

static void test_no_squash_unrestricted(CssOnly *f, gconstpointer data)
{
    /* Without squash any device may use any image. */
    SubchDev *v = create(f, "0.0.1234", true, false, "virtio");
    SubchDev *p = create(f, "fe.0.1234", false, false, "vfio");

    g_assert_cmphex(v->cssid, ==, 0);
    g_assert_cmphex(p->cssid, ==, 0xfe);
    css_destroy_sch(v);
    css_destroy_sch(p);
}

/* ------------------------------------------------------------------------
 * Visibility and lookup
 * ------------------------------------------------------------------------ */

static void test_visible_sets(CssOnly *f, gconstpointer data)
{
    SubchDev *s0 = create(f, "fe.0.0001", true, false, "s0");
    SubchDev *s3 = create(f, "fe.3.0001", true, false, "s3");

    g_assert_true(css_subch_visible(s0));
    g_assert_false(css_subch_visible(s3));
    css_enable_mss(f->css);
    g_assert_true(css_subch_visible(s3));
    css_destroy_sch(s0);
    css_destroy_sch(s3);
}

static void test_visible_images(CssOnly *f, gconstpointer data)
{
    SubchDev *o = create(f, "7.0.0001", false, false, "other");

    g_assert_false(css_subch_visible(o));
    css_enable_mcsse(f->css);
    g_assert_true(css_subch_visible(o));
    css_destroy_sch(o);
}

static void test_find_default_image(CssOnly *f, gconstpointer data)
{
    SubchDev *s = create(f, "fe.0.0001", true, false, "s");

    /* M=0 names the default image; M=1 names images literally. */
    g_assert_true(css_find_subch(f->css, 0, 0, 0, 0) == s);
    g_assert_true(css_find_subch(f->css, 1, 0xfe, 0, 0) == s);
    g_assert_null(css_find_subch(f->css, 1, 0, 0, 0));
    g_assert_null(css_find_subch(f->css, 0, 0, 1, 0));
    css_destroy_sch(s);
}

static void test_guest_sid(CssOnly *f, gconstpointer data)
{
    SubchDev *s = create(f, "fe.2.0001", true, false, "s");

    g_assert_cmphex(css_sid_for_guest(s), ==, 0x00050000);
    css_enable_mcsse(f->css);
    g_assert_cmphex(css_sid_for_guest(s), ==, 0xfe0d0000);
    css_destroy_sch(s);
}

static void test_create_image_rules(CssOnly *f, gconstpointer data)
{
    g_assert_cmpint(css_create_css_image(f->css, 0xff), ==, -EINVAL);
    g_assert_cmpint(css_create_css_image(f->css, 0xfe), ==, -EBUSY);
    g_assert_cmpint(css_create_css_image(f->css, 0x01), ==, 0);
}

/* ------------------------------------------------------------------------
 * Subsystem reset
 * ------------------------------------------------------------------------ */

static void test_reset_mcsse_mss(CssOnly *f, gconstpointer data)
{
    css_enable_mcsse(f->css);
    css_enable_mss(f->css);
    css_reset(f->css);
    g_assert_false(css_mcsse_enabled(f->css));
    g_assert_false(css_mss_enabled(f->css));
}

static void test_reset_subchannels(CssFixture *fx, gconstpointer data)
{
    SCHIB s;

    fx_enable(fx, fx->sch, 3, 0x99);
    fx_make_status_pending(fx, fx->sch);
    assert_cc(fx_insn(fx, "schm", 0x2, FX_MB), 0);
    assert_cc(fx_insn(fx, "rchp", VIRTUAL_CHPID, 0), 0);
    css_reset(fx->css);
    g_assert_cmpuint(fx->dev.resets, ==, 1);
    g_assert_false(css_io_pending(fx->css, 0xff));
    g_assert_false(css_crw_pending(fx->css));
    g_assert_false(css_chnmon_active(fx->css, NULL));
    s = fx_stsch(fx, fx_sid(fx->sch));
    /* Disabled, no status, paths as built. */
    g_assert_cmphex(s.pmcw.flags, ==, PMCW_FLAGS_MASK_DNV);
    g_assert_cmphex(s.pmcw.intparm, ==, 0);
    g_assert_cmphex(s.pmcw.lpm, ==, 0x80);
    g_assert_cmphex(s.pmcw.pim, ==, 0x80);
    g_assert_cmphex(s.scsw.ctrl, ==, 0);
    g_assert_cmphex(s.pmcw.devno, ==, 0x1234);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/css/devno/parse-accepts-cssid-ssid-devno",
                    test_parse_good);
    g_test_add_func("/css/devno/parse-refuses-bad-format", test_parse_bad);
    g_test_add_func("/css/devno/parse-refuses-cssid-ff-ssid-4",
                    test_parse_bad_ids);
    g_test_add_func("/css/devno/unset-prints-unset", test_unset_prints);
    CSS_TEST("/css/devno/auto-assigns-schid-and-devno", test_auto_assigns);
    CSS_TEST("/css/devno/auto-skips-used-devno", test_auto_skips_used_devno);
    CSS_TEST("/css/devno/explicit-creates-image",
             test_explicit_creates_image);
    CSS_TEST("/css/devno/collision-names-both-devices", test_collision);
    CSS_TEST("/css/devno/destroy-frees-devno", test_destroy_frees_devno);
    CSS_TEST("/css/devno/bad-devno-refused", test_bad_devno_refused);
    CSS_TEST("/css/devno/fill-set-0-then-set-1", test_fill_set);
    CSS_TEST("/css/devno/schid-final-across-pages", test_schid_final);
    CSS_TEST("/css/devno/dev-id-and-subch-id", test_ids);

    SQUASH_TEST("/css/squash-mcss/default-image-is-0",
                test_squash_default_image);
    SQUASH_TEST("/css/squash-mcss/virtual-must-use-fe",
                test_squash_virtual_must_use_fe);
    SQUASH_TEST("/css/squash-mcss/passthrough-must-not-use-fe",
                test_squash_passthrough_not_fe);
    SQUASH_TEST("/css/squash-mcss/squashed-into-0", test_squash_into_0);
    CSS_TEST("/css/squash-mcss/off-any-cssid-allowed",
             test_no_squash_unrestricted);

    CSS_TEST("/css/visibility/set-above-0-needs-mss", test_visible_sets);
    CSS_TEST("/css/visibility/other-image-needs-mcsse",
             test_visible_images);
    CSS_TEST("/css/visibility/m0-names-default-image",
             test_find_default_image);
    CSS_TEST("/css/visibility/guest-sid-shows-cssid-with-mcsse",
             test_guest_sid);
    CSS_TEST("/css/images/ff-invalid-existing-busy", test_create_image_rules);

    CSS_TEST("/css/reset/turns-off-mcsse", test_reset_mcsse_mss);
    FX_TEST("/css/reset/resets-subchannels-queues-monitor",
            test_reset_subchannels);
    return g_test_run();
}
