/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest's EBCDIC code page 037 conversion.  Expected code points are
 * those of IBM's code page 037 table (CDRA), written out by hand.
 */
#include "qemu/osdep.h"

#include "contrib/ccw-guest/ebcdic.h"
#include "contrib/ccw-guest/guest-error.h"

/* Letters, digits and the punctuation of a text file. */
static void test_spot_checks(void)
{
    static const struct {
        uint8_t e;
        uint8_t u;
    } t[] = {
        { 0x40, ' ' }, { 0x4b, '.' }, { 0x4c, '<' }, { 0x4d, '(' },
        { 0x4e, '+' }, { 0x4f, '|' }, { 0x50, '&' }, { 0x5a, '!' },
        { 0x5b, '$' }, { 0x5c, '*' }, { 0x5d, ')' }, { 0x5e, ';' },
        { 0x60, '-' }, { 0x61, '/' }, { 0x6b, ',' }, { 0x6c, '%' },
        { 0x6d, '_' }, { 0x6e, '>' }, { 0x6f, '?' }, { 0x79, '`' },
        { 0x7a, ':' }, { 0x7b, '#' }, { 0x7c, '@' }, { 0x7d, '\'' },
        { 0x7e, '=' }, { 0x7f, '"' }, { 0x81, 'a' }, { 0x89, 'i' },
        { 0x91, 'j' }, { 0x99, 'r' }, { 0xa2, 's' }, { 0xa9, 'z' },
        { 0xc1, 'A' }, { 0xc9, 'I' }, { 0xd1, 'J' }, { 0xd9, 'R' },
        { 0xe2, 'S' }, { 0xe9, 'Z' }, { 0xf0, '0' }, { 0xf9, '9' },
        { 0xa1, '~' }, { 0xc0, '{' }, { 0xd0, '}' }, { 0xe0, '\\' },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(t); i++) {
        g_assert_cmphex(ebcdic_to_unicode(t[i].e), ==, t[i].u);
        g_assert_cmphex(ebcdic_from_unicode(t[i].u), ==, t[i].e);
    }
}

/* Where 037 differs from other EBCDIC code pages (1047, 500). */
static void test_brackets_and_not_sign(void)
{
    g_assert_cmphex(ebcdic_to_unicode(0xba), ==, '[');
    g_assert_cmphex(ebcdic_to_unicode(0xbb), ==, ']');
    g_assert_cmphex(ebcdic_to_unicode(0xb0), ==, '^');
    g_assert_cmphex(ebcdic_to_unicode(0x5f), ==, 0xac);     /* not sign */
    g_assert_cmphex(ebcdic_to_unicode(0x4a), ==, 0xa2);     /* cent */
    g_assert_cmphex(ebcdic_to_unicode(0x6a), ==, 0xa6);     /* broken bar */
    g_assert_cmphex(ebcdic_to_unicode(0xad), ==, 0xdd);     /* Y acute */
}

static void test_controls(void)
{
    g_assert_cmphex(ebcdic_to_unicode(0x00), ==, 0x00);
    g_assert_cmphex(ebcdic_to_unicode(0x05), ==, 0x09);     /* HT */
    g_assert_cmphex(ebcdic_to_unicode(0x25), ==, 0x0a);     /* LF */
    g_assert_cmphex(ebcdic_to_unicode(0x0d), ==, 0x0d);     /* CR */
    g_assert_cmphex(ebcdic_to_unicode(0x15), ==, 0x85);     /* NEL */
    g_assert_cmphex(ebcdic_to_unicode(0xff), ==, 0x9f);
}

/* 037 is a permutation of the 256 Latin-1 code points. */
static void test_round_trip_every_byte(void)
{
    bool seen[256] = { false };

    for (unsigned e = 0; e < 256; e++) {
        uint8_t u = ebcdic_to_unicode((uint8_t)e);

        g_assert_false(seen[u]);
        seen[u] = true;
        g_assert_cmphex(ebcdic_from_unicode(u), ==, e);
    }
}

/* As dasdseq -ascii: blanks at the end go, inner blanks stay. */
static void test_record_trims_trailing_blanks(void)
{
    /* " HI  THERE   " */
    static const uint8_t rec[] = {
        0x40, 0xc8, 0xc9, 0x40, 0x40, 0xe3, 0xc8, 0xc5, 0xd9, 0xc5,
        0x40, 0x40, 0x40,
    };
    g_autoptr(GString) s = g_string_new("x");

    ebcdic_record_to_text(s, rec, sizeof(rec));
    g_assert_cmpstr(s->str, ==, "x HI  THERE\n");
}

static void test_record_of_blanks_is_empty_line(void)
{
    uint8_t rec[80];
    g_autoptr(GString) s = g_string_new(NULL);

    memset(rec, 0x40, sizeof(rec));
    ebcdic_record_to_text(s, rec, sizeof(rec));
    g_assert_cmpstr(s->str, ==, "\n");
}

/* dasdseq prints the record as a C string: the first NUL ends it. */
static void test_record_cut_at_nul(void)
{
    /* "AB" NUL "CD" */
    static const uint8_t rec[] = { 0xc1, 0xc2, 0x00, 0xc3, 0xc4, 0x40 };
    g_autoptr(GString) s = g_string_new(NULL);

    ebcdic_record_to_text(s, rec, sizeof(rec));
    g_assert_cmpstr(s->str, ==, "AB\n");
}

static void test_record_latin1_as_utf8(void)
{
    /* cent sign, e acute (0x51) */
    static const uint8_t rec[] = { 0x4a, 0x51 };
    g_autoptr(GString) s = g_string_new(NULL);

    ebcdic_record_to_text(s, rec, sizeof(rec));
    g_assert_cmpstr(s->str, ==, "\xc2\xa2\xc3\xa9\n");
}

static void test_text_to_record_pads_with_blanks(void)
{
    uint8_t rec[8];
    g_autoptr(GError) err = NULL;

    g_assert_true(ebcdic_text_to_record("Az9", rec, sizeof(rec), &err));
    g_assert_no_error(err);
    g_assert_cmphex(rec[0], ==, 0xc1);
    g_assert_cmphex(rec[1], ==, 0xa9);
    g_assert_cmphex(rec[2], ==, 0xf9);
    for (size_t i = 3; i < sizeof(rec); i++) {
        g_assert_cmphex(rec[i], ==, 0x40);
    }
}

static void test_text_to_record_takes_latin1_utf8(void)
{
    uint8_t rec[2];
    g_autoptr(GError) err = NULL;

    /* U+00E9 e acute is EBCDIC 0x51 */
    g_assert_true(ebcdic_text_to_record("\xc3\xa9", rec, sizeof(rec), &err));
    g_assert_cmphex(rec[0], ==, 0x51);
    g_assert_cmphex(rec[1], ==, 0x40);
}

static void test_text_to_record_refuses_long_line(void)
{
    uint8_t rec[4];
    g_autoptr(GError) err = NULL;

    g_assert_false(ebcdic_text_to_record("ABCDE", rec, sizeof(rec), &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_INPUT);
}

static void test_text_to_record_refuses_euro_sign(void)
{
    uint8_t rec[4];
    g_autoptr(GError) err = NULL;

    /* U+20AC is not in code page 037 */
    g_assert_false(ebcdic_text_to_record("1\xe2\x82\xac", rec, sizeof(rec),
                                         &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_INPUT);
    g_assert_nonnull(strstr(err->message, "U+20AC"));
    g_assert_nonnull(strstr(err->message, "column 2"));
}

static void test_text_to_record_refuses_bad_utf8(void)
{
    uint8_t rec[4];
    g_autoptr(GError) err = NULL;

    g_assert_false(ebcdic_text_to_record("A\xff", rec, sizeof(rec), &err));
    g_assert_error(err, GUEST_ERROR, GUEST_ERROR_INPUT);
}

static void test_name_trims_blanks_and_nuls(void)
{
    /* "SYS1" + blank + NUL */
    static const uint8_t f[] = { 0xe2, 0xe8, 0xe2, 0xf1, 0x40, 0x00 };
    g_autofree char *s = ebcdic_to_ascii_name(f, sizeof(f));

    g_assert_cmpstr(s, ==, "SYS1");
}

static void test_name_masks_unprintable(void)
{
    /* 'A', LF, e acute: only printable ASCII reaches a terminal */
    static const uint8_t f[] = { 0xc1, 0x25, 0x51 };
    g_autofree char *s = ebcdic_to_ascii_name(f, sizeof(f));

    g_assert_cmpstr(s, ==, "A??");
}

static void test_name_from_ascii(void)
{
    uint8_t f[6];

    g_assert_true(ebcdic_name_from_ascii("A.B", f, sizeof(f)));
    g_assert_cmphex(f[0], ==, 0xc1);
    g_assert_cmphex(f[1], ==, 0x4b);
    g_assert_cmphex(f[2], ==, 0xc2);
    g_assert_cmphex(f[5], ==, 0x40);
    g_assert_false(ebcdic_name_from_ascii("TOOLONG", f, sizeof(f)));
    g_assert_false(ebcdic_name_from_ascii("A\tB", f, sizeof(f)));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ccw-guest/ebcdic/cp037/spot-checks", test_spot_checks);
    g_test_add_func("/ccw-guest/ebcdic/cp037/brackets-and-not-sign",
                    test_brackets_and_not_sign);
    g_test_add_func("/ccw-guest/ebcdic/cp037/controls", test_controls);
    g_test_add_func("/ccw-guest/ebcdic/cp037/round-trip-every-byte",
                    test_round_trip_every_byte);
    g_test_add_func("/ccw-guest/ebcdic/record/trims-trailing-blanks",
                    test_record_trims_trailing_blanks);
    g_test_add_func("/ccw-guest/ebcdic/record/blanks-give-empty-line",
                    test_record_of_blanks_is_empty_line);
    g_test_add_func("/ccw-guest/ebcdic/record/cut-at-nul",
                    test_record_cut_at_nul);
    g_test_add_func("/ccw-guest/ebcdic/record/latin1-as-utf8",
                    test_record_latin1_as_utf8);
    g_test_add_func("/ccw-guest/ebcdic/text/pads-with-blanks",
                    test_text_to_record_pads_with_blanks);
    g_test_add_func("/ccw-guest/ebcdic/text/takes-latin1-utf8",
                    test_text_to_record_takes_latin1_utf8);
    g_test_add_func("/ccw-guest/ebcdic/text/refuses-long-line",
                    test_text_to_record_refuses_long_line);
    g_test_add_func("/ccw-guest/ebcdic/text/refuses-euro-sign",
                    test_text_to_record_refuses_euro_sign);
    g_test_add_func("/ccw-guest/ebcdic/text/refuses-bad-utf8",
                    test_text_to_record_refuses_bad_utf8);
    g_test_add_func("/ccw-guest/ebcdic/name/trims-blanks-and-nuls",
                    test_name_trims_blanks_and_nuls);
    g_test_add_func("/ccw-guest/ebcdic/name/masks-unprintable",
                    test_name_masks_unprintable);
    g_test_add_func("/ccw-guest/ebcdic/name/from-ascii",
                    test_name_from_ascii);
    return g_test_run();
}
