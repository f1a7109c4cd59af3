/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-json-write.c: the monitor's JSON writer (monitor/json-write.c).
 * What must hold: the output is compact JSON that json-glib reads back
 * as an equal tree, for every kind of value, including the doubles
 * json-glib 1.6's own generator writes wrongly (1e40 as "1e+40.0"), and
 * strings with quotes, backslashes, control characters and non-ASCII.
 */
#include "qemu/osdep.h"
#include <math.h>

#include "monitor/json-write.h"

static char *write_node(JsonNode *node)
{
    GString *out = g_string_new(NULL);

    json_write_compact(out, node);
    return g_string_free(out, FALSE);
}

static JsonNode *read_text(const char *text)
{
    g_autoptr(JsonParser) p = json_parser_new();
    g_autoptr(GError) err = NULL;

    if (!json_parser_load_from_data(p, text, -1, &err)) {
        g_error("'%s' does not read back: %s", text, err->message);
    }
    return json_node_copy(json_parser_get_root(p));
}

/* Written, read back, equal; and the text is what @want says. */
static void assert_writes(JsonNode *node, const char *want)
{
    g_autofree char *text = write_node(node);
    g_autoptr(JsonNode) back = read_text(text);

    if (want) {
        g_assert_cmpstr(text, ==, want);
    }
    g_assert_true(json_node_equal(node, back));
}

static void test_compact_and_ordered(void)
{
    g_autoptr(JsonNode) tree = read_text(
        "{ \"return\" : { }, \"b\": [1, [], {}, null, true, false],"
        "  \"a\": \"x\" }");

    assert_writes(tree, "{\"return\":{},\"b\":[1,[],{},null,true,false],"
                        "\"a\":\"x\"}");
}

static void test_doubles(void)
{
    static const struct {
        double d;
        const char *want;
    } cases[] = {
        { 1e40, "1e+40" },
        { 1e-7, "9.9999999999999995e-08" },
        { 1.0, "1.0" },
        { -0.0, "-0.0" },
        { 0.5, "0.5" },
        { 1e22, "1e+22" },
        { 123456789012.0, "123456789012.0" },
        { 1.7976931348623157e308, "1.7976931348623157e+308" },
        { 4.9406564584124654e-324, "4.9406564584124654e-324" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(JsonNode) n = json_node_init_double(json_node_alloc(),
                                                      cases[i].d);

        assert_writes(n, cases[i].want);
    }
}

/* JSON has no infinity: null is all that can be said. */
static void test_non_finite_is_null(void)
{
    g_autoptr(JsonNode) inf = json_node_init_double(json_node_alloc(),
                                                    INFINITY);
    g_autoptr(JsonNode) nan = json_node_init_double(json_node_alloc(), NAN);
    g_autofree char *t1 = write_node(inf);
    g_autofree char *t2 = write_node(nan);

    g_assert_cmpstr(t1, ==, "null");
    g_assert_cmpstr(t2, ==, "null");
}

static void test_integers(void)
{
    static const gint64 cases[] = { 0, -1, 42, G_MAXINT64, G_MININT64 };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(JsonNode) n = json_node_init_int(json_node_alloc(),
                                                   cases[i]);
        g_autofree char *want = g_strdup_printf("%" G_GINT64_FORMAT,
                                                cases[i]);

        assert_writes(n, want);
    }
}

static void test_strings(void)
{
    static const struct {
        const char *s;
        const char *want;
    } cases[] = {
        { "", "\"\"" },
        { "a\"b\\c/d", "\"a\\\"b\\\\c/d\"" },
        { "\n\r\t\x01\x1f\x7f", "\"\\n\\r\\t\\u0001\\u001f\\u007f\"" },
        { "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", NULL },   /* é € 😀 */
        { "\xe2\x80\xa8", NULL },                           /* U+2028 */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(JsonNode) n = json_node_init_string(json_node_alloc(),
                                                      cases[i].s);
        g_autofree char *text = write_node(n);

        assert_writes(n, cases[i].want);
        if (!cases[i].want) {
            /* Non-ASCII goes out as UTF-8, not as escapes. */
            g_assert_nonnull(strstr(text, cases[i].s));
        }
    }
}

/* A member name is a string like any other. */
static void test_member_names_escaped(void)
{
    g_autoptr(JsonObject) o = json_object_new();
    g_autoptr(JsonNode) n = json_node_new(JSON_NODE_OBJECT);

    json_object_set_int_member(o, "a\"\n", 1);
    json_node_set_object(n, o);
    assert_writes(n, "{\"a\\\"\\n\":1}");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/json-write/compact-and-ordered",
                    test_compact_and_ordered);
    g_test_add_func("/json-write/doubles", test_doubles);
    g_test_add_func("/json-write/non-finite-is-null",
                    test_non_finite_is_null);
    g_test_add_func("/json-write/integers", test_integers);
    g_test_add_func("/json-write/strings", test_strings);
    g_test_add_func("/json-write/member-names-escaped",
                    test_member_names_escaped);
    return g_test_run();
}
