/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-write.h: write a json-glib tree as compact JSON (monitor-internal).
 *
 * The monitor writes its replies itself instead of with json-glib 1.6's
 * JsonGenerator, which writes a double whose shortest form has an
 * exponent but no point as, say, "1e+40.0": not JSON, so a client that
 * sent the id 1e40 could read neither the reply nor anything after it.
 */
#ifndef MONITOR_JSON_WRITE_H
#define MONITOR_JSON_WRITE_H

#include <glib.h>
#include <json-glib/json-glib.h>

/**
 * json_write_compact: append @node to @out as RFC 8259 JSON with no
 * white space (what QEMU sends: {"return":{}}).
 *
 * Members keep their order.  Strings are written as UTF-8 with '"', '\'
 * and the control characters escaped (an invalid UTF-8 string, which
 * the monitor never makes, is repaired with U+FFFD).  Integers are
 * written in decimal; doubles with 17 significant digits, which read
 * back as the same double, and with ".0" added when they would
 * otherwise look like integers; a non-finite double, which JSON cannot
 * hold, as null.
 */
void json_write_compact(GString *out, JsonNode *node);

/**
 * json_escape_char: if @c needs an escape inside a JSON string ('"',
 * '\', the C0 control characters and DEL), append the escape ("\n",
 * "\u001b", ...) to @out and return true; otherwise append nothing and
 * return false.  The monitor's error descs use the same escapes.
 */
bool json_escape_char(GString *out, gunichar c);

#endif /* MONITOR_JSON_WRITE_H */
