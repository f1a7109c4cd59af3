/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest vtoc: the volume label and the data sets of the VTOC.
 *
 * The first lines have the columns of Hercules `dasdls -hdr -info -caldt`
 * so that both listings of one volume can be put side by side; the
 * extents and the DSCB pointers follow.
 */
#include "qemu/osdep.h"

#include "commands.h"
#include "dasd.h"
#include "volume.h"

/* Width of the data set name column (dasdls's default). */
#define DSN_WIDTH 44

static void print_dataset(const DasdDev *d, const Dscb1 *f1)
{
    uint32_t heads = d->geo.heads, space = dscb1_tracks(f1, heads);
    char date[16], recfm[8];

    printf("%-*s %s %s %-5s", DSN_WIDTH, f1->dsname,
           vtoc_date_text(f1->credt, date), dsorg_text(f1->dsorg),
           recfm_text(f1->recfm, recfm));
    if (f1->lrecl) {
        printf(" %5u", f1->lrecl);
    } else {
        printf("      ");
    }
    printf(" %5u %3u %5u", f1->blksize, f1->keylen, space);
    if (space) {
        /*
         * Tracks in use: DS1LSTAR's track counts whole, the last one as
         * far as DS1TRBAL says, over the device's track length.
         */
        double used = f1->lstar_tt + 1.0 -
                      (double)f1->trbal / d->geo.track_len;

        printf(" %3.0f", used * 100.0 / space);
    } else {
        printf("    ");
    }
    printf(" %3u", f1->noepv);
    switch (f1->scalo_unit & 0xc0) {
    case 0xc0:
        printf(" CYL%8u", f1->scalo_qty);
        break;
    case 0x80:
        printf(" TRK%8u", f1->scalo_qty);
        break;
    case 0x40:
        printf(" BLK%8u", f1->scalo_qty);
        break;
    default:
        printf(" %-11s", "ABSTR");
        break;
    }
    printf("\n");
}

static void print_extents(const DasdDev *d, const VolDataset *ds)
{
    const Dscb1 *f1 = &ds->f1;
    uint32_t heads = d->geo.heads;
    bool first = true;

    for (unsigned i = 0; i < f1->next_ext; i++) {
        const DsExtent *e = &f1->ext[i];

        if (!e->type) {
            continue;
        }
        printf("%-*s %2u: cyl %u head %u - cyl %u head %u (%u track%s, "
               "type 0x%02x)\n", 26, first ? f1->dsname : "", e->seq,
               e->bcyl, e->bhead, e->ecyl, e->ehead,
               extent_tracks(e, heads),
               extent_tracks(e, heads) == 1 ? "" : "s", e->type);
        first = false;
    }
    printf("%-*s     DSCB at cyl %u head %u record %u, DS1LSTAR %04x%02x, "
           "DS1TRBAL %u\n", 26, first ? f1->dsname : "", ds->track / heads,
           ds->track % heads, ds->rec, f1->lstar_tt, f1->lstar_r,
           f1->trbal);
}

bool cmd_vtoc(GuestCss *g, int argc, char **argv, const GuestOptions *o,
              GError **errp)
{
    DasdDev d;
    Volume v;
    bool ok;

    if (!dasd_open(g, argv[0], &d, errp)) {
        return false;
    }
    ok = volume_read(&d, &v, errp);
    if (ok) {
        uint32_t heads = d.geo.heads;

        printf("%s: VOLSER=%s\n", d.sch.name, v.vol1.volser);
        printf("%-*s  Created  ORG RECFM LRECL BLKSZ Key  Trks%%Use#Ext "
               "2ndry_alloc\n", DSN_WIDTH, "Dsname");
        for (guint i = 0; i < v.datasets->len; i++) {
            print_dataset(&d, &g_array_index(v.datasets, VolDataset, i).f1);
        }
        printf("\nVolume %s, owner %s, %u cylinders of %u tracks; VTOC at "
               "cyl %u head %u - cyl %u head %u (%u tracks, %u DSCBs, %u "
               "free), format-4 DSCB at cyl %u head %u record %u\n",
               v.vol1.volser, v.vol1.owner[0] ? v.vol1.owner : "(none)",
               d.geo.cyls, heads, v.f4.extent.bcyl, v.f4.extent.bhead,
               v.f4.extent.ecyl, v.f4.extent.ehead, v.vtoc_tracks, v.dscbs,
               v.f4.free_dscbs, v.vol1.vtoc_cyl, v.vol1.vtoc_head,
               v.vol1.vtoc_rec);
        for (guint i = 0; i < v.datasets->len; i++) {
            print_extents(&d, &g_array_index(v.datasets, VolDataset, i));
        }
    }
    volume_clear(&v);
    return ok;
}
