/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-stream.h: cut a byte stream into JSON texts (monitor-internal).
 *
 * QMP has no framing of its own: a client may send several requests on
 * one line, one request over several reads, or pretty-printed over
 * several lines.  A JsonStream follows just enough JSON syntax (strings
 * with their escapes, and the nesting of objects and arrays) to tell
 * where a value ends, and hands each complete text to a callback, which
 * parses it with json-glib.  A value that is not an object or array
 * (stray words, numbers, a lone "}") is cut at the next white space or
 * bracket, so that garbage costs one error and the stream goes on.
 */
#ifndef MONITOR_JSON_STREAM_H
#define MONITOR_JSON_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

/* A text longer than this is refused (QMP requests are a few KiB). */
#define JSON_STREAM_MAX_SIZE (1024 * 1024)

/* Objects and arrays nested deeper than this are refused. */
#define JSON_STREAM_MAX_DEPTH 1024

/**
 * JsonStreamFn: called for each text cut from the stream.
 * @text: the text, NUL-terminated (it may contain other NULs: check
 *     @len); NULL when the stream refused one.
 * @error: NULL, or why the text was refused ("too large", "nested too
 *     deeply", "control character in a string"); the refused text and
 *     the rest of its line are dropped.
 * Returns: true to go on, false to stop json_stream_feed() after this
 * text (the caller keeps the bytes it did not consume).
 */
typedef bool (*JsonStreamFn)(void *opaque, const char *text, size_t len,
                             const char *error);

/**
 * JsonStream: the cutter's state between reads.  Initialise with
 * json_stream_init(), free the buffer with json_stream_destroy().
 */
typedef struct JsonStream {
    GString *buf;
    int depth;          /* open objects and arrays */
    bool in_text;       /* inside a text (buf holds its start) */
    bool in_string;
    bool escape;        /* the previous byte was a backslash in a string */
    bool skipping;      /* dropping the rest of a refused text's line */
    JsonStreamFn fn;
    void *opaque;
} JsonStream;

/** json_stream_init: start an empty stream reporting to @fn(@opaque, ...). */
void json_stream_init(JsonStream *js, JsonStreamFn fn, void *opaque);

/** json_stream_destroy: free @js's buffer (a partial text is dropped). */
void json_stream_destroy(JsonStream *js);

/** json_stream_reset: drop a partial text, e.g. when a new client connects. */
void json_stream_reset(JsonStream *js);

/**
 * json_stream_feed: take up to @len more bytes; calls the callback once
 * for each text completed or refused in them, in order.
 * Returns: the bytes consumed: @len, or fewer when the callback asked to
 * stop (the rest must be fed again later).
 */
size_t json_stream_feed(JsonStream *js, const char *data, size_t len);

#endif /* MONITOR_JSON_STREAM_H */
