/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-strict.h: refuse, before json-glib reads a QMP text, what json-glib
 * 1.6 accepts but reads differently from JSON (RFC 8259), so that a
 * client never gets back an id, or has a command run with arguments,
 * other than the ones it sent (monitor-internal).
 *
 * json-glib 1.6 parses with GScanner, which also takes C comments, hex
 * numbers, leading zeros, octal and unknown escapes ("\0" is a NUL, "\q"
 * a q), a \u0000 escape (its strings end at the NUL), a lone UTF-16
 * surrogate (passed on as invalid UTF-8), integers past 64 bits
 * (wrapped) and numbers past a double (infinity, which it then writes as
 * "inf.0").  QEMU's own parser refuses all of these.
 * Single-quoted strings stay allowed: QEMU takes them too, and json-glib
 * reads them literally.
 */
#ifndef MONITOR_JSON_STRICT_H
#define MONITOR_JSON_STRICT_H

#include <stdbool.h>
#include <stddef.h>

/**
 * json_text_strict: check the tokens of one JSON text.
 * @text, @len: the text (UTF-8; it need not be NUL-terminated).
 * @why: on refusal, a static one-line reason ("comments are not JSON",
 *     "invalid escape in a string", "U+0000 in a string is not
 *     supported", "unpaired UTF-16 surrogate in a string", "invalid
 *     number", "integer out of range", "number too large for a double").
 * Returns: true if nothing in @text is one of the forms above.  The
 * structure (brackets, commas, barewords) is left to json-glib.
 */
bool json_text_strict(const char *text, size_t len, const char **why);

#endif /* MONITOR_JSON_STRICT_H */
