/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The volume label and the VTOC's DSCBs (see vtoc.h).
 */
#include "qemu/osdep.h"

#include "ebcdic.h"
#include "guest-error.h"
#include "vtoc.h"

/* "VOL1" in EBCDIC */
static const uint8_t vol1_id[4] = { 0xe5, 0xd6, 0xd3, 0xf1 };

/* Copy an EBCDIC field into a fixed ASCII buffer of @size bytes. */
static void name_field(char *dst, size_t size, const uint8_t *src,
                       size_t len)
{
    g_autofree char *s = ebcdic_to_ascii_name(src, len);

    g_strlcpy(dst, s, size);
}

bool vtoc_parse_vol1(const uint8_t *data, size_t len, Vol1 *v,
                     GError **errp)
{
    memset(v, 0, sizeof(*v));
    if (len < VOL1_SIZE || memcmp(data, vol1_id, sizeof(vol1_id)) != 0) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "cyl 0 head 0 record 3 is not a VOL1 label (%zu bytes "
                    "starting %02x %02x %02x %02x)", len,
                    len > 0 ? data[0] : 0, len > 1 ? data[1] : 0,
                    len > 2 ? data[2] : 0, len > 3 ? data[3] : 0);
        return false;
    }
    name_field(v->volser, sizeof(v->volser), data + 4, 6);
    v->vtoc_cyl = lduw_be_p(data + 11);
    v->vtoc_head = lduw_be_p(data + 13);
    v->vtoc_rec = data[15];
    /* owner ids are often written centred; show the name alone */
    name_field(v->owner, sizeof(v->owner), data + 37, 14);
    g_strchug(v->owner);
    return true;
}

void vtoc_parse_extent(const uint8_t *p, DsExtent *e)
{
    e->type = p[0];
    e->seq = p[1];
    e->bcyl = lduw_be_p(p + 2);
    e->bhead = lduw_be_p(p + 4);
    e->ecyl = lduw_be_p(p + 6);
    e->ehead = lduw_be_p(p + 8);
}

uint32_t extent_tracks(const DsExtent *e, uint32_t heads)
{
    uint64_t b = (uint64_t)e->bcyl * heads + e->bhead;
    uint64_t x = (uint64_t)e->ecyl * heads + e->ehead;

    if (!e->type || x < b) {
        return 0;
    }
    return (uint32_t)(x - b + 1);
}

bool vtoc_parse_dscb1(const uint8_t dscb[DSCB_SIZE], Dscb1 *d)
{
    memset(d, 0, sizeof(*d));
    if (dscb[44] != DSCB_FMT1 && dscb[44] != DSCB_FMT8) {
        return false;
    }
    name_field(d->dsname, sizeof(d->dsname), dscb, DSCB_KEY_SIZE);
    d->fmtid = dscb[44];
    name_field(d->volser, sizeof(d->volser), dscb + 45, 6);
    d->volseq = lduw_be_p(dscb + 51);
    memcpy(d->credt, dscb + 53, 3);
    memcpy(d->expdt, dscb + 56, 3);
    d->noepv = dscb[59];
    d->nobdb = dscb[60];
    name_field(d->syscd, sizeof(d->syscd), dscb + 62, 13);
    memcpy(d->refdt, dscb + 75, 3);
    d->dsorg = lduw_be_p(dscb + 82);
    d->recfm = dscb[84];
    d->optcd = dscb[85];
    d->blksize = lduw_be_p(dscb + 86);
    d->lrecl = lduw_be_p(dscb + 88);
    d->keylen = dscb[90];
    d->rkp = lduw_be_p(dscb + 91);
    d->dsind = dscb[93];
    d->scalo_unit = dscb[94];
    d->scalo_qty = ((uint32_t)dscb[95] << 16) | lduw_be_p(dscb + 96);
    d->lstar_tt = lduw_be_p(dscb + DSCB1_LSTAR_OFF);
    d->lstar_r = dscb[DSCB1_LSTAR_OFF + 2];
    d->trbal = lduw_be_p(dscb + DSCB1_TRBAL_OFF);
    for (unsigned i = 0; i < 3; i++) {
        vtoc_parse_extent(dscb + 105 + 10 * i, &d->ext[i]);
    }
    d->next_ext = 3;
    memcpy(d->next, dscb + 135, sizeof(d->next));
    return true;
}

static void add_extent(Dscb1 *d, const uint8_t *p)
{
    if (d->next_ext < DS_MAX_EXTENTS) {
        vtoc_parse_extent(p, &d->ext[d->next_ext++]);
    }
}

bool vtoc_add_dscb3(const uint8_t dscb[DSCB_SIZE], Dscb1 *d)
{
    static const uint8_t f3_id[4] = { 0x03, 0x03, 0x03, 0x03 };

    if (memcmp(dscb, f3_id, sizeof(f3_id)) != 0 || dscb[44] != DSCB_FMT3) {
        return false;
    }
    for (unsigned i = 0; i < 4; i++) {
        add_extent(d, dscb + 4 + 10 * i);
    }
    for (unsigned i = 0; i < 9; i++) {
        add_extent(d, dscb + 45 + 10 * i);
    }
    memcpy(d->next, dscb + 135, sizeof(d->next));
    return true;
}

bool vtoc_parse_dscb4(const uint8_t dscb[DSCB_SIZE], Dscb4 *d,
                      GError **errp)
{
    memset(d, 0, sizeof(*d));
    if (dscb[44] != DSCB_FMT4) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "the record VOL1 points at is not a format-4 DSCB "
                    "(format byte 0x%02x)", dscb[44]);
        return false;
    }
    d->last_f1_cyl = lduw_be_p(dscb + 45);
    d->last_f1_head = lduw_be_p(dscb + 47);
    d->last_f1_rec = dscb[49];
    d->free_dscbs = lduw_be_p(dscb + 50);
    d->vtoci = dscb[58];
    d->dev_cyls = lduw_be_p(dscb + 62);
    d->dev_heads = lduw_be_p(dscb + 64);
    d->dev_track_len = lduw_be_p(dscb + 66);
    d->dscbs_per_track = dscb[74];
    d->dirblks_per_track = dscb[75];
    vtoc_parse_extent(dscb + 105, &d->extent);
    if (d->extent.ecyl < d->extent.bcyl ||
        (d->extent.ecyl == d->extent.bcyl &&
         d->extent.ehead < d->extent.bhead)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_FORMAT,
                    "the format-4 DSCB's VTOC extent ends before it begins "
                    "(cyl %u head %u - cyl %u head %u)", d->extent.bcyl,
                    d->extent.bhead, d->extent.ecyl, d->extent.ehead);
        return false;
    }
    return true;
}

bool vtoc_rel_track(const Dscb1 *d, uint32_t heads, uint32_t tt,
                    uint32_t *track, uint32_t *ext_last)
{
    for (unsigned i = 0; i < d->next_ext; i++) {
        const DsExtent *e = &d->ext[i];
        uint32_t n = extent_tracks(e, heads);

        if (tt < n) {
            *track = e->bcyl * heads + e->bhead + tt;
            *ext_last = e->ecyl * heads + e->ehead;
            return true;
        }
        tt -= n;
    }
    return false;
}

uint32_t dscb1_tracks(const Dscb1 *d, uint32_t heads)
{
    uint32_t n = 0;

    for (unsigned i = 0; i < d->next_ext; i++) {
        n += extent_tracks(&d->ext[i], heads);
    }
    return n;
}

const char *dsorg_text(uint16_t dsorg)
{
    uint8_t b0 = dsorg >> 8, b1 = dsorg & 0xff;
    bool u = b0 & DSORG_U;

    if (b1 & DSORG_AM) {
        return u ? "VSU" : "VS ";
    }
    if (b1) {
        return u ? "??U" : "?? ";
    }
    switch (b0 & (DSORG_IS | DSORG_PS | DSORG_DA | DSORG_PO)) {
    case DSORG_PS:
        return u ? "PSU" : "PS ";
    case DSORG_PO:
        return u ? "POU" : "PO ";
    case DSORG_DA:
        return u ? "DAU" : "DA ";
    case DSORG_IS:
        return u ? "ISU" : "IS ";
    case 0:
        return u ? "  U" : "   ";
    default:
        return u ? "??U" : "?? ";
    }
}

char *recfm_text(uint8_t recfm, char buf[8])
{
    size_t n = 0;

    /* no format bits reads as U, as dasdls shows it */
    switch (recfm & RECFM_FORMAT) {
    case RECFM_F:
        buf[n++] = 'F';
        break;
    case RECFM_V:
        buf[n++] = 'V';
        break;
    default:
        buf[n++] = 'U';
        break;
    }
    if (recfm & RECFM_B) {
        buf[n++] = 'B';
    }
    if (recfm & RECFM_S) {
        buf[n++] = 'S';
    }
    switch (recfm & (RECFM_A | RECFM_M)) {
    case RECFM_A:
        buf[n++] = 'A';
        break;
    case RECFM_M:
        buf[n++] = 'M';
        break;
    case RECFM_A | RECFM_M:
        buf[n++] = '?';
        break;
    }
    if (recfm & RECFM_T) {
        buf[n++] = 'T';
    }
    buf[n] = '\0';
    return buf;
}

char *vtoc_date_text(const uint8_t d[3], char buf[16])
{
    static const char *const months[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun",
        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    };
    unsigned year = 1900u + d[0];
    unsigned day = lduw_be_p(d + 1);
    g_autoptr(GDate) date = NULL;

    if (!d[0] && !day) {
        g_strlcpy(buf, "---------", 16);
        return buf;
    }
    if (day < 1 || day > (g_date_is_leap_year(year) ? 366u : 365u)) {
        g_strlcpy(buf, "*********", 16);
        return buf;
    }
    date = g_date_new_dmy(1, G_DATE_JANUARY, year);
    g_date_add_days(date, day - 1);
    g_snprintf(buf, 16, "%04u%s%02u", year,
               months[g_date_get_month(date) - 1], g_date_get_day(date));
    return buf;
}
