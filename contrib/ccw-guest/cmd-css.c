/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-guest lscss, senseid, rdc: subchannels and what their devices say
 * about themselves.
 */
#include "qemu/osdep.h"

#include "commands.h"
#include "dasd.h"
#include "guest-error.h"

/* Sense ID of a device whose subchannel may be disabled: enable it for
 * the one program and leave it as it was. */
static bool probe_sense_id(GuestCss *g, GuestSubch *sch, EckdSenseId *id,
                           GError **errp)
{
    bool was_enabled = sch->schib.pmcw.flags & PMCW_FLAGS_MASK_ENA;
    bool ok;

    if (!was_enabled && !guest_set_enabled(g, sch, true, errp)) {
        return false;
    }
    ok = dasd_sense_id(g, sch, id, errp);
    if (!was_enabled) {
        g_autoptr(GError) err = NULL;

        if (!guest_set_enabled(g, sch, false, ok ? errp : &err)) {
            return false;
        }
    }
    return ok;
}

static void print_lscss_row(const GuestSubch *sch, const EckdSenseId *id,
                            bool enabled)
{
    const PMCW *p = &sch->schib.pmcw;

    printf("0.%x.%04x 0.%x.%04x  %04x/%02x %04x/%02x %-3s  %02x  %02x  %02x"
           "   %02x%02x%02x%02x %02x%02x%02x%02x\n",
           sch->ssid, sch->devno, sch->ssid, sch->schno, id->dev_type,
           id->dev_model, id->cu_type, id->cu_model, enabled ? "yes" : "",
           p->pim, p->pam, p->pom, p->chpid[0], p->chpid[1], p->chpid[2],
           p->chpid[3], p->chpid[4], p->chpid[5], p->chpid[6], p->chpid[7]);
}

bool cmd_lscss(GuestCss *g, int argc, char **argv, const GuestOptions *o,
               GError **errp)
{
    bool filter = argc > 0, found = false;
    uint8_t want_ssid = 0;
    uint16_t want_devno = 0;

    if (filter && !guest_parse_busid(argv[0], &want_ssid, &want_devno,
                                     errp)) {
        return false;
    }
    printf("Device   Subchan.  DevType CU Type Use  PIM PAM POM  CHPIDs\n"
           "------------------------------------------------------------"
           "----------\n");
    for (unsigned ssid = 0; ssid <= GUEST_SSID_MAX; ssid++) {
        for (uint32_t schno = 0; schno <= 0xffff; schno++) {
            GuestSubch sch = {
                .sid = guest_sid((uint8_t)ssid, (uint16_t)schno),
                .ssid = (uint8_t)ssid, .schno = (uint16_t)schno,
            };
            EckdSenseId id = { 0 };
            g_autoptr(GError) err = NULL;
            int cc = guest_stsch(g, sch.sid, &sch.schib, errp);
            bool enabled;

            if (cc < 0) {
                return false;
            }
            if (cc == 3) {
                break;
            }
            if (!(sch.schib.pmcw.flags & PMCW_FLAGS_MASK_DNV) ||
                ((sch.schib.pmcw.chars & PMCW_CHARS_MASK_ST) >>
                 PMCW_CHARS_ST_SHIFT) != PMCW_ST_IO) {
                continue;
            }
            sch.devno = sch.schib.pmcw.devno;
            g_snprintf(sch.name, sizeof(sch.name), "0.%x.%04x", ssid,
                       sch.devno);
            if (filter && (ssid != want_ssid || sch.devno != want_devno)) {
                continue;
            }
            enabled = sch.schib.pmcw.flags & PMCW_FLAGS_MASK_ENA;
            /* a device that does not answer Sense ID shows as 0000/00 */
            if (!probe_sense_id(g, &sch, &id, &err)) {
                memset(&id, 0, sizeof(id));
                if (err->code == GUEST_ERROR_PROTOCOL) {
                    g_propagate_error(errp, g_steal_pointer(&err));
                    return false;
                }
            }
            print_lscss_row(&sch, &id, enabled);
            found = true;
        }
    }
    if (filter && !found) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_NO_DEVICE,
                    "%s: no such device", argv[0]);
        return false;
    }
    return true;
}

static const char *ciw_name(uint8_t type)
{
    switch (type) {
    case 0:
        return "read configuration data";
    case 1:
        return "set interface identifier";
    case 2:
        return "read node identifier";
    default:
        return "(other)";
    }
}

bool cmd_senseid(GuestCss *g, int argc, char **argv, const GuestOptions *o,
                 GError **errp)
{
    GuestSubch sch;
    EckdSenseId id;
    uint8_t ssid;
    uint16_t devno;

    if (!guest_parse_busid(argv[0], &ssid, &devno, errp) ||
        !guest_find_device(g, ssid, devno, &sch, errp) ||
        !guest_set_enabled(g, &sch, true, errp) ||
        !dasd_sense_id(g, &sch, &id, errp)) {
        return false;
    }
    printf("%s: control unit %04x/%02x, device %04x/%02x, %u CIW%s\n",
           sch.name, id.cu_type, id.cu_model, id.dev_type, id.dev_model,
           id.nciw, id.nciw == 1 ? "" : "s");
    for (unsigned i = 0; i < id.nciw; i++) {
        printf("  CIW type %u %-26s command 0x%02x, %u bytes\n",
               id.ciw[i].type, ciw_name(id.ciw[i].type), id.ciw[i].cmd,
               id.ciw[i].count);
    }
    return true;
}

bool cmd_rdc(GuestCss *g, int argc, char **argv, const GuestOptions *o,
             GError **errp)
{
    DasdDev d;
    const EckdGeometry *geo = &d.geo;
    static const uint16_t sizes[] = { 512, 1024, 2048, 4096, 27998, 56664 };

    if (!dasd_open(g, argv[0], &d, errp)) {
        return false;
    }
    printf("%s: DASD %04x/%02x (CU %04x/%02x) with %u cylinders, %u heads, "
           "%u sectors\n", d.sch.name, geo->dev_type, geo->dev_model,
           geo->cu_type, geo->cu_model, geo->cyls, geo->heads, geo->sectors);
    printf("  tracks              %u\n", dasd_tracks(&d));
    printf("  track length        %u bytes\n", geo->track_len);
    printf("  HA + R0 overhead    %u bytes, largest R0 %u bytes\n",
           geo->ha_r0_len, geo->r0_max);
    printf("  capacity formula    %u, factors %u %u %u %u %u\n",
           geo->formula, geo->factors[0], geo->factors[1], geo->factors[2],
           geo->factors[3], geo->factors[4]);
    printf("  facilities          %08x\n", geo->facilities);
    printf("  device class        0x%02x, unit type 0x%02x\n",
           geo->dev_class, geo->unit_type);
    if (geo->dev_type == 0x3390) {
        printf("  records per track  ");
        for (size_t i = 0; i < G_N_ELEMENTS(sizes); i++) {
            printf(" %u x %u%s", ECKD_3390_CELLS /
                   eckd_record_cells(0, sizes[i]), sizes[i],
                   i + 1 < G_N_ELEMENTS(sizes) ? "," : " (keyless)\n");
        }
    }
    for (unsigned off = 0; off < ECKD_RDC_SIZE; off += 16) {
        printf("  %s %02u:", off ? "   " : "RDC", off);
        for (unsigned i = 0; i < 16; i++) {
            printf(" %02x", d.rdc[off + i]);
        }
        printf("\n");
    }
    return true;
}
