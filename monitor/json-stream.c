/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Cutting a byte stream into JSON texts, for the QMP monitor.
 *
 * Only the structure is followed here (RFC 8259: strings, escapes,
 * objects, arrays); whether a text is valid JSON is json-glib's to say.
 */
#include "qemu/osdep.h"

#include "json-stream.h"

void json_stream_init(JsonStream *js, JsonStreamFn fn, void *opaque)
{
    memset(js, 0, sizeof(*js));
    js->buf = g_string_new(NULL);
    js->fn = fn;
    js->opaque = opaque;
}

void json_stream_destroy(JsonStream *js)
{
    if (js->buf) {
        g_string_free(js->buf, TRUE);
        js->buf = NULL;
    }
}

static void json_stream_clear(JsonStream *js)
{
    g_string_truncate(js->buf, 0);
    js->depth = 0;
    js->in_text = false;
    js->in_string = false;
    js->escape = false;
}

void json_stream_reset(JsonStream *js)
{
    json_stream_clear(js);
    js->skipping = false;
}

static bool is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Hand the text collected so far to the callback. */
static bool json_stream_emit(JsonStream *js)
{
    size_t len = js->buf->len;
    g_autofree char *text = g_malloc(len + 1);

    /* Every byte, NULs included: the callback decides what is valid. */
    memcpy(text, js->buf->str, len);
    text[len] = '\0';
    json_stream_clear(js);
    return js->fn(js->opaque, text, len, NULL);
}

/* Refuse the current text and skip the rest of its line. */
static bool json_stream_refuse(JsonStream *js, const char *why, char c)
{
    json_stream_clear(js);
    js->skipping = c != '\n';
    return js->fn(js->opaque, NULL, 0, why);
}

/* A byte outside any text: white space, or the start of the next one. */
static bool json_stream_start(JsonStream *js, char c)
{
    if (is_json_space(c)) {
        return true;
    }
    js->in_text = true;
    g_string_append_c(js->buf, c);
    switch (c) {
    case '{':
    case '[':
        js->depth = 1;
        return true;
    case '"':
        js->in_string = true;
        return true;
    case '}':
    case ']':
        /* A closing bracket with nothing open: an error text of its own. */
        return json_stream_emit(js);
    default:
        /* A scalar or garbage: it ends where a separator starts. */
        return true;
    }
}

/* Returns: false when the callback asked to stop. */
static bool json_stream_byte(JsonStream *js, char c, bool *reuse)
{
    *reuse = false;
    if (js->skipping) {
        js->skipping = c != '\n';
        return true;
    }
    if (!js->in_text) {
        return json_stream_start(js, c);
    }
    if (js->in_string) {
        if ((unsigned char)c < 0x20) {
            /* RFC 8259 section 7: control characters must be escaped. */
            return json_stream_refuse(js, "control character in a string",
                                      c);
        }
        g_string_append_c(js->buf, c);
        if (js->escape) {
            js->escape = false;
        } else if (c == '\\') {
            js->escape = true;
        } else if (c == '"') {
            js->in_string = false;
            if (js->depth == 0) {
                return json_stream_emit(js);
            }
        }
    } else if (js->depth == 0) {
        /* A bare scalar: a separator ends it and then counts itself. */
        /* (strchr() would find the terminator for a NUL byte.) */
        if (is_json_space(c) || (c && strchr("{}[]\"", c))) {
            *reuse = true;
            return json_stream_emit(js);
        }
        g_string_append_c(js->buf, c);
    } else {
        g_string_append_c(js->buf, c);
        switch (c) {
        case '"':
            js->in_string = true;
            break;
        case '{':
        case '[':
            if (++js->depth > JSON_STREAM_MAX_DEPTH) {
                return json_stream_refuse(js, "nested too deeply", c);
            }
            break;
        case '}':
        case ']':
            if (--js->depth == 0) {
                return json_stream_emit(js);
            }
            break;
        default:
            break;
        }
    }
    if (js->buf->len > JSON_STREAM_MAX_SIZE) {
        return json_stream_refuse(js, "too large", c);
    }
    return true;
}

size_t json_stream_feed(JsonStream *js, const char *data, size_t len)
{
    size_t i = 0;

    while (i < len) {
        bool reuse;
        bool go_on = json_stream_byte(js, data[i], &reuse);

        if (!reuse) {
            i++;
        }
        if (!go_on) {
            break;
        }
    }
    return i;
}
