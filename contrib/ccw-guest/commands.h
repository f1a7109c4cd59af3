/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * commands.h: the subcommands of ccw-guest.  Each runs against one
 * machine connection, prints its result on standard output and returns
 * false with a one-line GError on failure (main.c prints it and exits
 * non-zero).  docs/tools/ccw-guest.rst describes their output.
 */
#ifndef CCW_GUEST_COMMANDS_H
#define CCW_GUEST_COMMANDS_H

#include <stdbool.h>
#include <glib.h>

#include "css-guest.h"

/**
 * GuestOptions: command-line options the subcommands look at.
 * @ascii: read/write: convert between EBCDIC 037 records and text lines.
 * @extents: verify: only the tracks the VTOC lists, not the whole volume.
 */
typedef struct GuestOptions {
    gboolean ascii;
    gboolean extents;
} GuestOptions;

/**
 * GuestCommandFn: one subcommand.
 * @g: the connection.  @argv: the subcommand's arguments (after its
 * name), @argc of them, already checked against the command's counts.
 * @o: options.  @errp: the failure.
 * Returns: true on success.
 */
typedef bool (*GuestCommandFn)(GuestCss *g, int argc, char **argv,
                               const GuestOptions *o, GError **errp);

/* Subchannel and device identification (cmd-css.c). */
bool cmd_lscss(GuestCss *g, int argc, char **argv, const GuestOptions *o,
               GError **errp);
bool cmd_senseid(GuestCss *g, int argc, char **argv, const GuestOptions *o,
                 GError **errp);
bool cmd_rdc(GuestCss *g, int argc, char **argv, const GuestOptions *o,
             GError **errp);

/* The volume table of contents (cmd-vtoc.c). */
bool cmd_vtoc(GuestCss *g, int argc, char **argv, const GuestOptions *o,
              GError **errp);

/* Sequential data sets and PDS members (cmd-dataset.c). */
bool cmd_read(GuestCss *g, int argc, char **argv, const GuestOptions *o,
              GError **errp);
bool cmd_write(GuestCss *g, int argc, char **argv, const GuestOptions *o,
               GError **errp);

/* Partitioned data sets (cmd-dataset.c). */
bool cmd_members(GuestCss *g, int argc, char **argv, const GuestOptions *o,
                 GError **errp);

/* Surface check (cmd-verify.c). */
bool cmd_verify(GuestCss *g, int argc, char **argv, const GuestOptions *o,
                GError **errp);

#endif /* CCW_GUEST_COMMANDS_H */
