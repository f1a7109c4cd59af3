/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Partitioned data sets: directory and members (see pds.h).
 */
#include "qemu/osdep.h"

#include "dataset.h"
#include "ebcdic.h"
#include "guest-error.h"
#include "pds.h"

#define PDS_NAME_LEN 8
#define PDS_ENTRY_MIN 12            /* name, TTR, C */
#define PDS_C_ALIAS 0x80
#define PDS_C_HALFWORDS 0x1f

bool pds_parse_dir_block(const uint8_t *data, size_t len, GArray *entries,
                         bool *end, GError **errp)
{
    static const uint8_t last[PDS_NAME_LEN] = {
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    };
    size_t used = len >= 2 ? lduw_be_p(data) : 0, off = 2;

    *end = false;
    if (used < 2 || used > len || used > PDS_DIR_BLOCK) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "directory block says %zu bytes used", used);
        return false;
    }
    while (off < used) {
        const uint8_t *e = data + off;
        PdsEntry ent = { 0 };
        g_autofree char *name = NULL;
        size_t size;

        if (off + PDS_NAME_LEN <= used &&
            memcmp(e, last, PDS_NAME_LEN) == 0) {
            *end = true;
            return true;
        }
        size = off + PDS_ENTRY_MIN <= used ?
               PDS_ENTRY_MIN + 2u * (e[11] & PDS_C_HALFWORDS) : 0;
        if (!size || off + size > used) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                        "directory entry at offset %zu runs past the %zu "
                        "bytes used", off, used);
            return false;
        }
        name = ebcdic_to_ascii_name(e, PDS_NAME_LEN);
        g_strlcpy(ent.name, name, sizeof(ent.name));
        ent.tt = lduw_be_p(e + 8);
        ent.rec = e[10];
        ent.alias = e[11] & PDS_C_ALIAS;
        ent.user_halfwords = e[11] & PDS_C_HALFWORDS;
        g_array_append_val(entries, ent);
        off += size;
    }
    return true;
}

typedef struct DirWalk {
    const char *who;            /* "0.0.1234: DSN" for messages */
    GArray *entries;
    bool end;
} DirWalk;

static bool dir_block(const uint8_t *block, size_t len, void *opaque,
                      GError **errp)
{
    DirWalk *w = opaque;

    if (w->end) {
        return true;            /* blocks after the last entry: unused */
    }
    if (len != PDS_DIR_BLOCK) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "%s: a %zu-byte block where a directory block belongs",
                    w->who, len);
        return false;
    }
    if (!pds_parse_dir_block(block, len, w->entries, &w->end, errp)) {
        g_prefix_error(errp, "%s: ", w->who);
        return false;
    }
    return true;
}

bool pds_read_directory(DasdDev *d, const VolDataset *ds, GArray *entries,
                        GError **errp)
{
    g_autofree char *who = g_strdup_printf("%s: %s", d->sch.name,
                                           ds->f1.dsname);
    DirWalk w = { .who = who, .entries = entries };

    if (!((ds->f1.dsorg >> 8) & DSORG_PO)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "%s: %s: DSORG is %.2s, not a partitioned data set",
                    d->sch.name, ds->f1.dsname, dsorg_text(ds->f1.dsorg));
        return false;
    }
    if (!dataset_read_from(d, ds, 0, 1, dir_block, &w, errp)) {
        return false;
    }
    if (!w.end) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "%s: the directory has no end-of-directory entry", who);
        return false;
    }
    return true;
}

const PdsEntry *pds_find(GArray *entries, const char *name)
{
    for (guint i = 0; i < entries->len; i++) {
        const PdsEntry *e = &g_array_index(entries, PdsEntry, i);

        if (g_ascii_strcasecmp(e->name, name) == 0) {
            return e;
        }
    }
    return NULL;
}
