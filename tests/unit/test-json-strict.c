/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-json-strict.c: the monitor's token check (monitor/json-strict.c).
 * What must hold: every JSON text RFC 8259 allows passes (a QMP client
 * must never be refused for valid input), and each form json-glib 1.6
 * would read differently from JSON is refused with its reason.
 */
#include "qemu/osdep.h"

#include "monitor/json-strict.h"

typedef struct Case {
    const char *text;
    const char *why;        /* NULL: accepted */
} Case;

static const Case cases[] = {
    /* Valid JSON, including the corners of the grammar. */
    { "{\"execute\": \"query-status\", \"id\": 1}", NULL },
    { "[0, -0, 1, -1, 10, 0.5, -0.5, 1e5, 1E+5, 1e-5, 2.5E-3]", NULL },
    { "[9223372036854775807, -9223372036854775808]", NULL },
    { "[1.7976931348623157e308, 4.9e-324, 1e-400]", NULL },
    { "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\",\n"
      " \"\\u00e9\\u0001\\uFFFF\"]", NULL },
    { "[\"\\ud83d\\ude00\", \"\\uD800\\uDC00\", \"\\udbff\\udfff\"]", NULL },
    /* Escaped backslashes, not escapes. */
    { "[\"\\\\u0000\", \"\\\\0\", \"a\\\\\"]", NULL },
    { "{\"a/b\": \"// /* not a comment */\", \"0x10\": \"1e400\"}", NULL },
    { "[true, false, null, e5, abc123]", NULL },  /* barewords: json-glib's */
    { "{\"id\": \"\xc3\xa9\xe2\x82\xac\"}", NULL },
    /* Single quotes: QEMU's extension; no escapes inside. */
    { "{'execute': 'query-status', 'id': '\\u0000\\q\\0'}", NULL },
    { "", NULL },
    { "\"unterminated \\", NULL },                /* json-glib says so */
    /* What json-glib reads other than JSON. */
    { "{\"execute\": /* c */ \"quit\"}", "comments are not JSON" },
    { "// c\n{}", "comments are not JSON" },
    { "[\"\\u0000\"]", "U+0000 in a string is not supported" },
    { "[\"x\\u0000y\"]", "U+0000 in a string is not supported" },
    { "[\"\\0\"]", "invalid escape in a string" },
    { "[\"\\012\"]", "invalid escape in a string" },
    { "[\"\\q\"]", "invalid escape in a string" },
    { "[\"\\x41\"]", "invalid escape in a string" },
    { "[\"\\u12\"]", "invalid escape in a string" },
    { "[\"\\u12g4\"]", "invalid escape in a string" },
    { "[\"\\ud800\"]", "unpaired UTF-16 surrogate in a string" },
    { "[\"\\ud800abc\"]", "unpaired UTF-16 surrogate in a string" },
    { "[\"\\udbff\\u0041\"]", "unpaired UTF-16 surrogate in a string" },
    { "[\"\\ud800\\ud800\"]", "unpaired UTF-16 surrogate in a string" },
    { "[\"\\udc00\"]", "unpaired UTF-16 surrogate in a string" },
    { "[\"\\ud800\\n\"]", "unpaired UTF-16 surrogate in a string" },
    { "[0x10]", "invalid number" },
    { "[01]", "invalid number" },
    { "[-01]", "invalid number" },
    { "[1.]", "invalid number" },
    { "[1.2.3]", "invalid number" },
    { "[1e]", "invalid number" },
    { "[1e+]", "invalid number" },
    { "[-]", "invalid number" },
    { "[-Infinity]", "invalid number" },
    { "[1e5x]", "invalid number" },
    { "[9223372036854775808]", "integer out of range" },
    { "[-9223372036854775809]", "integer out of range" },
    { "[18446744073709551615]", "integer out of range" },
    { "[1e400]", "number too large for a double" },
    { "[-1.5e309]", "number too large for a double" },
};

static void test_case(gconstpointer data)
{
    const Case *c = data;
    const char *why = NULL;
    bool ok = json_text_strict(c->text, strlen(c->text), &why);

    if (!c->why) {
        g_assert_true(ok);
        g_assert_null(why);
    } else {
        g_assert_false(ok);
        g_assert_cmpstr(why, ==, c->why);
    }
}

/* Only @len bytes count, and the text need not end with a NUL. */
static void test_length_bounds_the_text(void)
{
    const char text[] = "[1, \"\\u0000\"]";
    const char *why = NULL;

    g_assert_true(json_text_strict(text, 3, &why));         /* "[1," */
    g_assert_false(json_text_strict(text, sizeof(text) - 1, &why));
    g_assert_true(json_text_strict("[12345678901234567890]", 10, &why));
    g_assert_true(json_text_strict(text, 0, NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/json-strict/case/%02zu", i);

        g_test_add_data_func(path, &cases[i], test_case);
    }
    g_test_add_func("/json-strict/length-bounds-the-text",
                    test_length_bounds_the_text);
    return g_test_run();
}
