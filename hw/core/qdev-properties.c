/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * User strings -> GObject property values, property help, and option
 * string splitting.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include <gio/gio.h>

#include "hw/qdev-properties.h"

/* An enum's accepted words for messages: "a|b|c". */
static char *enum_nicks(GType enum_type)
{
    g_autoptr(GEnumClass) ec = g_type_class_ref(enum_type);
    GString *s = g_string_new(NULL);

    for (guint i = 0; i < ec->n_values; i++) {
        g_string_append_printf(s, "%s%s", i ? "|" : "", ec->values[i].value_nick);
    }
    return g_string_free(s, FALSE);
}

/* Signed limits of an integer GParamSpec, if it is a signed one. */
static bool pspec_int_range(GParamSpec *p, int64_t *min, int64_t *max)
{
    if (G_IS_PARAM_SPEC_INT(p)) {
        *min = G_PARAM_SPEC_INT(p)->minimum;
        *max = G_PARAM_SPEC_INT(p)->maximum;
    } else if (G_IS_PARAM_SPEC_INT64(p)) {
        *min = G_PARAM_SPEC_INT64(p)->minimum;
        *max = G_PARAM_SPEC_INT64(p)->maximum;
    } else if (G_IS_PARAM_SPEC_LONG(p)) {
        *min = G_PARAM_SPEC_LONG(p)->minimum;
        *max = G_PARAM_SPEC_LONG(p)->maximum;
    } else {
        return false;
    }
    return true;
}

/* Unsigned limits of an integer GParamSpec, if it is an unsigned one. */
static bool pspec_uint_range(GParamSpec *p, uint64_t *min, uint64_t *max)
{
    if (G_IS_PARAM_SPEC_UINT(p)) {
        *min = G_PARAM_SPEC_UINT(p)->minimum;
        *max = G_PARAM_SPEC_UINT(p)->maximum;
    } else if (G_IS_PARAM_SPEC_UINT64(p)) {
        *min = G_PARAM_SPEC_UINT64(p)->minimum;
        *max = G_PARAM_SPEC_UINT64(p)->maximum;
    } else if (G_IS_PARAM_SPEC_ULONG(p)) {
        *min = G_PARAM_SPEC_ULONG(p)->minimum;
        *max = G_PARAM_SPEC_ULONG(p)->maximum;
    } else if (G_IS_PARAM_SPEC_UCHAR(p)) {
        *min = G_PARAM_SPEC_UCHAR(p)->minimum;
        *max = G_PARAM_SPEC_UCHAR(p)->maximum;
    } else {
        return false;
    }
    return true;
}

/* Hex for the wide unsigned types people write as masks, decimal else. */
static char *format_range(GParamSpec *p)
{
    int64_t smin, smax;
    uint64_t umin, umax;

    if (pspec_int_range(p, &smin, &smax)) {
        return g_strdup_printf("%" PRId64 "..%" PRId64, smin, smax);
    }
    if (pspec_uint_range(p, &umin, &umax)) {
        return g_strdup_printf("%" PRIu64 "..%" PRIu64, umin, umax);
    }
    return g_strdup("?");
}

char *object_prop_type_name(GParamSpec *pspec)
{
    GType t = G_PARAM_SPEC_VALUE_TYPE(pspec);

    switch (G_TYPE_FUNDAMENTAL(t)) {
    case G_TYPE_BOOLEAN:
        return g_strdup("bool");
    case G_TYPE_INT:
        return g_strdup("int32");
    case G_TYPE_UINT:
        return g_strdup("uint32");
    case G_TYPE_INT64:
    case G_TYPE_LONG:
        return g_strdup("int64");
    case G_TYPE_UINT64:
    case G_TYPE_ULONG:
        return g_strdup("uint64");
    case G_TYPE_UCHAR:
        return g_strdup("uint8");
    case G_TYPE_STRING:
        return g_strdup("string");
    case G_TYPE_ENUM: {
        g_autofree char *nicks = enum_nicks(t);
        return g_strdup_printf("enum (%s)", nicks);
    }
    default:
        return g_strdup(g_type_name(t));
    }
}

char *object_prop_default_str(GParamSpec *pspec)
{
    const GValue *v = g_param_spec_get_default_value(pspec);
    GType t = G_PARAM_SPEC_VALUE_TYPE(pspec);

    switch (G_TYPE_FUNDAMENTAL(t)) {
    case G_TYPE_BOOLEAN:
        return g_strdup(g_value_get_boolean(v) ? "on" : "off");
    case G_TYPE_INT:
        return g_strdup_printf("%d", g_value_get_int(v));
    case G_TYPE_UINT:
        return g_strdup_printf("%u", g_value_get_uint(v));
    case G_TYPE_INT64:
        return g_strdup_printf("%" PRId64, (int64_t)g_value_get_int64(v));
    case G_TYPE_UINT64:
        return g_strdup_printf("%" PRIu64, (uint64_t)g_value_get_uint64(v));
    case G_TYPE_LONG:
        return g_strdup_printf("%ld", g_value_get_long(v));
    case G_TYPE_ULONG:
        return g_strdup_printf("%lu", g_value_get_ulong(v));
    case G_TYPE_UCHAR:
        return g_strdup_printf("%u", g_value_get_uchar(v));
    case G_TYPE_STRING:
        return g_strdup(g_value_get_string(v) ? g_value_get_string(v)
                                              : "(none)");
    case G_TYPE_ENUM: {
        g_autoptr(GEnumClass) ec = g_type_class_ref(t);
        GEnumValue *ev = g_enum_get_value(ec, g_value_get_enum(v));
        return g_strdup(ev ? ev->value_nick : "?");
    }
    default:
        return g_strdup("?");
    }
}

/* Parse @value for an integer @pspec into @gv (already initialised). */
static bool parse_int_value(GParamSpec *pspec, const char *value, GValue *gv)
{
    int64_t smin, smax, s;
    uint64_t umin, umax, u;

    if (pspec_int_range(pspec, &smin, &smax)) {
        if (qemu_strtoi64(value, &s) < 0 || s < smin || s > smax) {
            return false;
        }
        if (G_IS_PARAM_SPEC_INT(pspec)) {
            g_value_set_int(gv, (int)s);
        } else if (G_IS_PARAM_SPEC_INT64(pspec)) {
            g_value_set_int64(gv, s);
        } else {
            g_value_set_long(gv, (long)s);
        }
        return true;
    }
    if (pspec_uint_range(pspec, &umin, &umax)) {
        if (qemu_strtou64(value, &u) < 0 || u < umin || u > umax) {
            return false;
        }
        if (G_IS_PARAM_SPEC_UINT(pspec)) {
            g_value_set_uint(gv, (unsigned)u);
        } else if (G_IS_PARAM_SPEC_UINT64(pspec)) {
            g_value_set_uint64(gv, u);
        } else if (G_IS_PARAM_SPEC_ULONG(pspec)) {
            g_value_set_ulong(gv, (unsigned long)u);
        } else {
            g_value_set_uchar(gv, (guchar)u);
        }
        return true;
    }
    return false;
}

/* What the parser expects for @pspec, for messages. */
static char *expected_words(GParamSpec *pspec)
{
    GType t = G_PARAM_SPEC_VALUE_TYPE(pspec);
    g_autofree char *range = NULL;

    switch (G_TYPE_FUNDAMENTAL(t)) {
    case G_TYPE_BOOLEAN:
        return g_strdup("on/off, yes/no or true/false");
    case G_TYPE_ENUM: {
        g_autofree char *nicks = enum_nicks(t);
        return g_strdup_printf("one of %s", nicks);
    }
    default:
        range = format_range(pspec);
        return g_strdup_printf("an integer in %s (decimal or 0x hex)", range);
    }
}

bool object_set_prop_str(GObject *obj, const char *what, const char *name,
                         const char *value, GError **errp)
{
    GParamSpec *pspec =
        g_object_class_find_property(G_OBJECT_GET_CLASS(obj), name);
    g_auto(GValue) gv = G_VALUE_INIT;
    GType t;
    bool ok = false;

    if (!pspec || !(pspec->flags & G_PARAM_WRITABLE)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "%s has no property '%s'", what, name);
        return false;
    }
    if (!value) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "property '%s' of %s needs a value (%s=...)",
                    name, what, name);
        return false;
    }
    t = G_PARAM_SPEC_VALUE_TYPE(pspec);
    g_value_init(&gv, t);
    switch (G_TYPE_FUNDAMENTAL(t)) {
    case G_TYPE_BOOLEAN: {
        bool b;
        ok = qemu_parse_bool(value, &b) == 0;
        if (ok) {
            g_value_set_boolean(&gv, b);
        }
        break;
    }
    case G_TYPE_STRING:
        g_value_set_string(&gv, value);
        ok = true;
        break;
    case G_TYPE_ENUM: {
        g_autoptr(GEnumClass) ec = g_type_class_ref(t);
        GEnumValue *ev = g_enum_get_value_by_nick(ec, value);
        ok = ev != NULL;
        if (ok) {
            g_value_set_enum(&gv, ev->value);
        }
        break;
    }
    default:
        ok = parse_int_value(pspec, value, &gv);
        break;
    }
    if (!ok) {
        g_autofree char *exp = expected_words(pspec);
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "property '%s' of %s does not take '%s': expected %s",
                    name, what, value, exp);
        return false;
    }
    g_object_set_property(obj, name, &gv);
    return true;
}

static gint compare_pspec_names(gconstpointer a, gconstpointer b)
{
    const GParamSpec *pa = *(GParamSpec *const *)a;
    const GParamSpec *pb = *(GParamSpec *const *)b;

    return strcmp(pa->name, pb->name);
}

void object_class_print_props(GType type, FILE *out)
{
    g_autoptr(GTypeClass) klass = g_type_class_ref(type);
    guint n = 0;
    g_autofree GParamSpec **props =
        g_object_class_list_properties(G_OBJECT_CLASS(klass), &n);
    unsigned printed = 0;

    qsort(props, n, sizeof(*props), compare_pspec_names);
    for (guint i = 0; i < n; i++) {
        g_autofree char *tname = NULL;
        g_autofree char *def = NULL;

        if (!(props[i]->flags & G_PARAM_WRITABLE)) {
            continue;
        }
        tname = object_prop_type_name(props[i]);
        def = object_prop_default_str(props[i]);
        fprintf(out, "  %s=<%s> - %s (default: %s)\n", props[i]->name, tname,
                g_param_spec_get_blurb(props[i]), def);
        printed++;
    }
    if (!printed) {
        fprintf(out, "  (no properties)\n");
    }
}

static void opt_pair_free(gpointer p)
{
    QemuOptPair *pair = p;

    g_free(pair->key);
    g_free(pair->value);
    g_free(pair);
}

/* Split at single commas, turning ",," into a literal comma. */
static GPtrArray *split_commas(const char *str)
{
    GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);

    for (const char *p = str; *p; p++) {
        if (*p == ',' && p[1] == ',') {
            g_string_append_c(cur, ',');
            p++;
        } else if (*p == ',') {
            g_ptr_array_add(parts, g_string_free(cur, FALSE));
            cur = g_string_new(NULL);
        } else {
            g_string_append_c(cur, *p);
        }
    }
    g_ptr_array_add(parts, g_string_free(cur, FALSE));
    return parts;
}

GPtrArray *qemu_opts_split(const char *str, char **first, GError **errp)
{
    g_autoptr(GPtrArray) parts = split_commas(str);
    g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func(opt_pair_free);

    *first = NULL;
    for (guint i = 0; i < parts->len; i++) {
        const char *part = parts->pdata[i];
        const char *eq = strchr(part, '=');
        QemuOptPair *pair;

        if (i == 0 && !eq && *part) {
            *first = g_strdup(part);
            continue;
        }
        if (!*part || eq == part) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "empty parameter name in '%s'", str);
            g_clear_pointer(first, g_free);
            return NULL;
        }
        pair = g_new0(QemuOptPair, 1);
        pair->key = eq ? g_strndup(part, eq - part) : g_strdup(part);
        pair->value = eq ? g_strdup(eq + 1) : NULL;
        g_ptr_array_add(pairs, pair);
    }
    return g_steal_pointer(&pairs);
}
