/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The token checks of json-strict.h: strings with their escapes and
 * numbers, as RFC 8259 sections 6 and 7 write them.
 */
#include "qemu/osdep.h"
#include <math.h>

#include "json-strict.h"

typedef struct Scan {
    const char *p, *end;
    const char *why;
} Scan;

static bool refuse(Scan *s, const char *why)
{
    s->why = why;
    return false;
}

/* The 4 hex digits of a \u escape at @s->p (after the 'u'), or -1. */
static int scan_hex4(Scan *s)
{
    int v = 0;

    for (int i = 0; i < 4; i++, s->p++) {
        if (s->p == s->end || !g_ascii_isxdigit(*s->p)) {
            return -1;
        }
        v = v << 4 | g_ascii_xdigit_value(*s->p);
    }
    return v;
}

/*
 * A \u escape, after the 'u'.  UTF-16 surrogates must come in pairs: a
 * lone one has no UTF-8 form, and json-glib would pass on the bytes of
 * one anyway, making the reply invalid UTF-8.
 */
static bool scan_unicode_escape(Scan *s)
{
    int v = scan_hex4(s), low;

    if (v < 0) {
        return refuse(s, "invalid escape in a string");
    }
    if (v == 0) {
        return refuse(s, "U+0000 in a string is not supported");
    }
    if (v >= 0xdc00 && v <= 0xdfff) {
        return refuse(s, "unpaired UTF-16 surrogate in a string");
    }
    if (v < 0xd800 || v > 0xdbff) {
        return true;
    }
    if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u') {
        return refuse(s, "unpaired UTF-16 surrogate in a string");
    }
    s->p += 2;
    low = scan_hex4(s);
    if (low < 0xdc00 || low > 0xdfff) {
        return refuse(s, "unpaired UTF-16 surrogate in a string");
    }
    return true;
}

/* After the backslash of a double-quoted string: one escape. */
static bool scan_escape(Scan *s)
{
    if (s->p == s->end) {
        return true;                /* cut short: json-glib says so */
    }
    if (*s->p && strchr("\"\\/bfnrt", *s->p)) {
        s->p++;
        return true;
    }
    if (*s->p != 'u') {
        return refuse(s, "invalid escape in a string");
    }
    s->p++;
    return scan_unicode_escape(s);
}

/* From after the opening quote to after the closing one. */
static bool scan_string(Scan *s, char quote)
{
    while (s->p < s->end) {
        char c = *s->p++;

        if (c == quote) {
            return true;
        }
        /* Single-quoted strings take no escapes (GScanner, and QEMU's). */
        if (c == '\\' && quote == '"' && !scan_escape(s)) {
            return false;
        }
    }
    return true;                    /* unterminated: json-glib says so */
}

static const char *skip_digits(const char *p, const char *end)
{
    while (p < end && g_ascii_isdigit(*p)) {
        p++;
    }
    return p;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, then no word character. */
static bool scan_number(Scan *s)
{
    const char *start = s->p, *p = s->p, *d;
    bool integer = true;
    g_autofree char *token = NULL;

    if (p < s->end && *p == '-') {
        p++;
    }
    d = skip_digits(p, s->end);
    if (d == p || (*p == '0' && d - p > 1)) {
        return refuse(s, "invalid number");
    }
    p = d;
    if (p < s->end && *p == '.') {
        d = skip_digits(p + 1, s->end);
        if (d == p + 1) {
            return refuse(s, "invalid number");
        }
        p = d;
        integer = false;
    }
    if (p < s->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < s->end && (*p == '+' || *p == '-')) {
            p++;
        }
        d = skip_digits(p, s->end);
        if (d == p) {
            return refuse(s, "invalid number");
        }
        p = d;
        integer = false;
    }
    if (p < s->end && (g_ascii_isalnum(*p) || *p == '.' || *p == '_')) {
        return refuse(s, "invalid number");        /* 0x10, 1.2.3, 1e5x */
    }
    s->p = p;
    token = g_strndup(start, p - start);
    if (integer) {
        return g_ascii_string_to_signed(token, 10, G_MININT64, G_MAXINT64,
                                        NULL, NULL) ?
               true : refuse(s, "integer out of range");
    }
    return isfinite(g_ascii_strtod(token, NULL)) ?
           true : refuse(s, "number too large for a double");
}

bool json_text_strict(const char *text, size_t len, const char **why)
{
    Scan s = { .p = text, .end = text + len };
    bool ok = true;

    while (ok && s.p < s.end) {
        char c = *s.p;

        if (c == '"' || c == '\'') {
            s.p++;
            ok = scan_string(&s, c);
        } else if (c == '/') {
            ok = refuse(&s, "comments are not JSON");
        } else if (c == '-' || g_ascii_isdigit(c)) {
            ok = scan_number(&s);
        } else if (g_ascii_isalpha(c) || c == '_') {
            /* A bareword (true, null, or one json-glib refuses). */
            while (s.p < s.end && (g_ascii_isalnum(*s.p) || *s.p == '_')) {
                s.p++;
            }
        } else {
            s.p++;
        }
    }
    if (!ok && why) {
        *why = s.why;
    }
    return ok;
}
