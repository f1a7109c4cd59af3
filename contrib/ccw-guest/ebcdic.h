/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ebcdic.h: EBCDIC code page 037 (US/Canada) to and from text.
 *
 * Code page 037 is a permutation of the 256 ISO-8859-1 code points (IBM
 * CDRA; the same table as Python's "cp037" codec), so every EBCDIC byte has
 * exactly one Unicode character U+0000..U+00FF and back.  Text on the host
 * side is UTF-8: ASCII stays one byte, the Latin-1 letters become two.
 *
 * Hercules 3.13's default code page (what dasdload TEXT and dasdseq -ascii
 * use) agrees with 037 on letters, digits, blank and most punctuation, but
 * not on [ ] ^ | and the non-ASCII characters (it maps to PC code page
 * 437); docs/tools/ccw-guest.rst lists the differences.
 *
 * Who calls it: the read/write commands and the VTOC printer.  Pure
 * functions, no state.
 */
#ifndef CCW_GUEST_EBCDIC_H
#define CCW_GUEST_EBCDIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/**
 * ebcdic_to_unicode: @e: an EBCDIC (037) byte.
 * Returns: its Unicode code point, 0x00..0xff.
 */
uint8_t ebcdic_to_unicode(uint8_t e);

/**
 * ebcdic_from_unicode: @u: a code point 0x00..0xff.
 * Returns: its EBCDIC (037) byte.
 */
uint8_t ebcdic_from_unicode(uint8_t u);

/**
 * ebcdic_to_ascii_name: a fixed-width EBCDIC name field (volser, data set
 * name, key) as a C string: converted, trailing blanks and NULs dropped.
 * Characters outside printable ASCII become '?', so a damaged field cannot
 * smuggle control characters onto a terminal.
 * @src: the field.
 * @len: its length in bytes.
 * Returns: a new string (g_free).
 */
char *ebcdic_to_ascii_name(const uint8_t *src, size_t len);

/**
 * ebcdic_name_from_ascii: an ASCII name as a fixed-width EBCDIC field,
 * padded with EBCDIC blanks (0x40).
 * @name: the name; only its first @len bytes are used.
 * @dst: receives @len bytes.
 * @len: field width.
 * Returns: false if @name is longer than @len or holds a byte outside
 * printable ASCII (nothing useful can be compared then).
 */
bool ebcdic_name_from_ascii(const char *name, uint8_t *dst, size_t len);

/**
 * ebcdic_record_to_text: append one logical record as a line of text the
 * way Hercules `dasdseq -ascii` writes it: every byte converted, trailing
 * blanks removed, and the line cut at the first NUL that is left (dasdseq
 * prints the record as a C string); then a newline.
 * @out: the line is appended here, UTF-8.
 * @rec: the record (EBCDIC).
 * @len: its length.
 */
void ebcdic_record_to_text(GString *out, const uint8_t *rec, size_t len);

/**
 * ebcdic_text_to_record: one line of UTF-8 text (without its newline) as
 * a fixed-length EBCDIC record, padded with blanks.
 * @line: the text.
 * @dst: receives @len bytes.
 * @len: the record length.
 * @errp: one line saying what does not fit: invalid UTF-8, a character
 *        above U+00FF (no 037 equivalent), or text longer than @len.
 * Returns: true on success.
 */
bool ebcdic_text_to_record(const char *line, uint8_t *dst, size_t len,
                           GError **errp);

#endif /* CCW_GUEST_EBCDIC_H */
