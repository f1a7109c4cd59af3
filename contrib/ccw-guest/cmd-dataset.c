/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest read, write, members: the records of a sequential data set or
 * of a PDS member, and a PDS directory.
 *
 * read --ascii prints what Hercules `dasdseq -ascii` writes into its
 * output file (and, for a member, what `dasdcat ... :ac` prints), so the
 * outputs can be compared with cmp; without --ascii the logical records
 * go to standard output unchanged.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <gio/gunixinputstream.h>

#include "commands.h"
#include "dataset.h"
#include "ebcdic.h"
#include "guest-error.h"
#include "pds.h"

typedef struct ReadOut {
    const Dscb1 *f1;
    bool ascii;
    uint64_t records;
    uint64_t blocks;
    GString *line;
} ReadOut;

static bool put_record(const uint8_t *rec, size_t len, void *opaque,
                       GError **errp)
{
    ReadOut *out = opaque;
    size_t n;

    out->records++;
    if (out->ascii) {
        g_string_truncate(out->line, 0);
        ebcdic_record_to_text(out->line, rec, len);
        n = fwrite(out->line->str, 1, out->line->len, stdout);
        len = out->line->len;
    } else {
        n = fwrite(rec, 1, len, stdout);
    }
    if (n != len) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "standard output: %s", g_strerror(errno));
        return false;
    }
    return true;
}

static bool put_block(const uint8_t *block, size_t len, void *opaque,
                      GError **errp)
{
    ReadOut *out = opaque;

    out->blocks++;
    return dataset_deblock(out->f1, block, len, put_record, out, errp);
}

/* Open @busid and find @dsname in its VTOC. */
static bool open_dataset(GuestCss *g, const char *busid, const char *dsname,
                         DasdDev *d, Volume *v, const VolDataset **ds,
                         GError **errp)
{
    if (!dasd_open(g, busid, d, errp) || !volume_read(d, v, errp)) {
        return false;
    }
    *ds = volume_find(v, dsname);
    if (!*ds) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_NO_DATASET,
                    "%s: no data set %s in the VTOC of volume %s",
                    d->sch.name, dsname, v->vol1.volser);
        return false;
    }
    return true;
}

/*
 * "DSN(MEMBER)": split off the member name.
 * Returns: the data set name (g_free); *@member the member or NULL.
 */
static char *split_member(const char *arg, char **member, GError **errp)
{
    const char *open = strchr(arg, '(');
    size_t n = strlen(arg);

    *member = NULL;
    if (!open) {
        return g_strdup(arg);
    }
    if (arg[n - 1] != ')' || open == arg || open + 2 >= arg + n ||
        (size_t)(arg + n - 1 - (open + 1)) > 8) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "'%s' is not DSN or DSN(MEMBER) with a member name of "
                    "1-8 characters", arg);
        return NULL;
    }
    *member = g_strndup(open + 1, arg + n - 1 - (open + 1));
    return g_strndup(arg, open - arg);
}

/* Read member @name of the PDS @ds. */
static bool read_member(DasdDev *d, const VolDataset *ds, const char *name,
                        ReadOut *out, GError **errp)
{
    g_autoptr(GArray) dir = g_array_new(false, true, sizeof(PdsEntry));
    const PdsEntry *e;

    if (!pds_read_directory(d, ds, dir, errp)) {
        return false;
    }
    e = pds_find(dir, name);
    if (!e) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_NO_DATASET,
                    "%s: %s: no member %s", d->sch.name, ds->f1.dsname,
                    name);
        return false;
    }
    return dataset_read_from(d, ds, e->tt, e->rec, put_block, out, errp);
}

bool cmd_read(GuestCss *g, int argc, char **argv, const GuestOptions *o,
              GError **errp)
{
    g_autoptr(GString) line = g_string_new(NULL);
    g_autofree char *member = NULL;
    g_autofree char *dsn = split_member(argv[1], &member, errp);
    const VolDataset *ds = NULL;
    DasdDev d;
    Volume v = { 0 };
    ReadOut out = { .ascii = o->ascii, .line = line };
    bool ok;

    if (!dsn) {
        return false;
    }
    ok = open_dataset(g, argv[0], dsn, &d, &v, &ds, errp);
    if (ok) {
        out.f1 = &ds->f1;
        ok = member ? read_member(&d, ds, member, &out, errp) :
                      dataset_read(&d, ds, put_block, &out, errp);
    }
    if (fflush(stdout) != 0 && ok) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "standard output: %s", g_strerror(errno));
        ok = false;
    }
    if (ok) {
        g_printerr("ccw-guest: %s: %s: %" PRIu64 " record%s in %" PRIu64
                   " block%s\n", d.sch.name, argv[1], out.records,
                   out.records == 1 ? "" : "s", out.blocks,
                   out.blocks == 1 ? "" : "s");
    }
    volume_clear(&v);
    return ok;
}

/* A whole file, with a NUL after its last byte. */
static bool load_file(const char *path, char **data, size_t *len,
                      GError **errp)
{
    g_autoptr(GByteArray) buf = g_byte_array_new();
    FILE *f = fopen(path, "rb");
    uint8_t chunk[65536];
    size_t n;

    if (!f) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT, "%s: %s", path,
                    g_strerror(errno));
        return false;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        g_byte_array_append(buf, chunk, n);
    }
    if (ferror(f)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT, "%s: %s", path,
                    g_strerror(errno));
        fclose(f);
        return false;
    }
    fclose(f);
    *len = buf->len;
    g_byte_array_append(buf, (const uint8_t *)"", 1);
    *data = (char *)g_byte_array_free(g_steal_pointer(&buf), false);
    return true;
}

/* The whole input: a file, or standard input for "-". */
static bool load_input(const char *path, char **data, size_t *len,
                       GError **errp)
{
    g_autoptr(GError) err = NULL;

    if (g_str_equal(path, "-")) {
        g_autoptr(GInputStream) in = g_unix_input_stream_new(0, false);
        g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable();

        /* a NUL after the data, as g_file_get_contents() leaves one */
        if (g_output_stream_splice(mem, in, 0, NULL, &err) < 0 ||
            !g_output_stream_write_all(mem, "", 1, NULL, NULL, &err) ||
            !g_output_stream_close(mem, NULL, &err)) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                        "standard input: %s", err->message);
            return false;
        }
        *len = g_memory_output_stream_get_data_size(
            G_MEMORY_OUTPUT_STREAM(mem)) - 1;
        *data = g_memory_output_stream_steal_data(
            G_MEMORY_OUTPUT_STREAM(mem));
        return true;
    }
    return load_file(path, data, len, errp);
}

/* Text lines as LRECL-byte EBCDIC records, blank padded. */
static uint8_t *text_records(const char *path, char *text, size_t len,
                             uint16_t lrecl, size_t *nrec, GError **errp)
{
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_autofree uint8_t *rec = g_malloc(lrecl);
    size_t lineno = 0, pos = 0;

    if (memchr(text, '\0', len)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "%s: contains NUL bytes; not a text file", path);
        return NULL;
    }
    while (pos < len) {
        char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        g_autoptr(GError) err = NULL;

        lineno++;
        text[end] = '\0';           /* the newline, or the final NUL */
        if (end > pos && text[end - 1] == '\r') {
            text[end - 1] = '\0';
        }
        if (!ebcdic_text_to_record(text + pos, rec, lrecl, &err)) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT, "%s:%zu: %s",
                        path, lineno, err->message);
            return NULL;
        }
        g_byte_array_append(out, rec, lrecl);
        pos = end + 1;
    }
    *nrec = out->len / lrecl;
    if (!out->len) {
        return g_malloc0(1);    /* no records: still a buffer, not NULL */
    }
    return g_byte_array_free(g_steal_pointer(&out), false);
}

bool cmd_write(GuestCss *g, int argc, char **argv, const GuestOptions *o,
               GError **errp)
{
    const char *path = argv[2];
    const VolDataset *ds = NULL;
    g_autofree char *input = NULL;
    g_autofree uint8_t *records = NULL;
    size_t len = 0, nrec = 0, blocks = 0;
    DasdDev d;
    Volume v = { 0 };
    bool ok;

    if (!load_input(path, &input, &len, errp)) {
        return false;
    }
    ok = open_dataset(g, argv[0], argv[1], &d, &v, &ds, errp);
    if (ok && !ds->f1.lrecl) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "%s: %s has LRECL 0; write needs fixed-length records",
                    d.sch.name, ds->f1.dsname);
        ok = false;
    }
    if (ok && o->ascii) {
        /* load_input leaves room for the NUL that ends the last line */
        records = text_records(path, input, len, ds->f1.lrecl, &nrec, errp);
        ok = records != NULL;
    } else if (ok) {
        if (len % ds->f1.lrecl) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                        "%s: %zu bytes are not a multiple of LRECL %u (use "
                        "--ascii for text)", path, len, ds->f1.lrecl);
            ok = false;
        } else {
            nrec = len / ds->f1.lrecl;
            records = (uint8_t *)g_steal_pointer(&input);
        }
    }
    if (ok) {
        ok = dataset_write(&d, ds, records, nrec, &blocks, errp);
    }
    if (ok) {
        Volume after = { 0 };
        const VolDataset *now;

        /* report what the DSCB says now, as read back from the device */
        ok = volume_read(&d, &after, errp);
        now = ok ? volume_find(&after, ds->f1.dsname) : NULL;
        if (now) {
            char recfm[8];

            printf("%s: %s: wrote %zu record%s in %zu block%s (RECFM=%s "
                   "LRECL=%u BLKSIZE=%u); DS1LSTAR %04x%02x, DS1TRBAL %u\n",
                   d.sch.name, now->f1.dsname, nrec, nrec == 1 ? "" : "s",
                   blocks, blocks == 1 ? "" : "s",
                   recfm_text(now->f1.recfm, recfm), now->f1.lrecl,
                   now->f1.blksize, now->f1.lstar_tt, now->f1.lstar_r,
                   now->f1.trbal);
        }
        volume_clear(&after);
    }
    volume_clear(&v);
    return ok;
}

bool cmd_members(GuestCss *g, int argc, char **argv, const GuestOptions *o,
                 GError **errp)
{
    g_autoptr(GArray) dir = g_array_new(false, true, sizeof(PdsEntry));
    const VolDataset *ds = NULL;
    DasdDev d;
    Volume v = { 0 };
    bool ok;

    ok = open_dataset(g, argv[0], argv[1], &d, &v, &ds, errp) &&
         pds_read_directory(&d, ds, dir, errp);
    if (ok) {
        /* the lines Hercules dasdpdsu prints for each member */
        for (guint i = 0; i < dir->len; i++) {
            const PdsEntry *e = &g_array_index(dir, PdsEntry, i);

            printf("%s %s TTR=%04X%02X\n", e->alias ? "Alias " : "Member",
                   e->name, e->tt, e->rec);
        }
        printf("%s: %s: %u directory entr%s\n", d.sch.name, ds->f1.dsname,
               dir->len, dir->len == 1 ? "y" : "ies");
    }
    volume_clear(&v);
    return ok;
}
