/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The guest side of the channel subsystem over qtest (see css-guest.h).
 */
#include "qemu/osdep.h"

#include "css-guest.h"
#include "dasd-sense.h"
#include "guest-error.h"

/* CR6 bit for GUEST_ISC: bits 0-7 of the 32-bit value are ISC 0-7. */
#define GUEST_CR6 (0x80000000u >> GUEST_ISC)

/* Interruption parameters of our programs: a tag and a sequence number. */
#define GUEST_INTPARM_TAG 0xcc000000u

uint32_t guest_sid(uint8_t ssid, uint16_t schno)
{
    return SID_ONE | ((uint32_t)ssid << SID_SSID_SHIFT) | schno;
}

/* One hexadecimal field of a bus id, at most @max. */
static bool parse_hex_field(const char *s, uint64_t max, uint64_t *v)
{
    char *end = NULL;

    if (!*s || !g_ascii_isxdigit(*s)) {
        return false;
    }
    errno = 0;
    *v = g_ascii_strtoull(s, &end, 16);
    return !errno && end && !*end && *v <= max;
}

bool guest_parse_busid(const char *s, uint8_t *ssid, uint16_t *devno,
                       GError **errp)
{
    g_auto(GStrv) f = g_strsplit(s, ".", -1);
    guint n = g_strv_length(f);
    uint64_t cssid = 0, set = 0, dev = 0;

    if (n == 1 && strlen(f[0]) <= 4 && parse_hex_field(f[0], 0xffff, &dev)) {
        *ssid = 0;
        *devno = (uint16_t)dev;
        return true;
    }
    if (n != 3 || strlen(f[2]) != 4 ||
        !parse_hex_field(f[0], 0xff, &cssid) ||
        !parse_hex_field(f[1], GUEST_SSID_MAX, &set) ||
        !parse_hex_field(f[2], 0xffff, &dev)) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_INPUT,
                    "'%s' is not a device number (expected C.S.DDDD as in "
                    "0.0.1234, with S 0-%d)", s, GUEST_SSID_MAX);
        return false;
    }
    if (cssid != 0) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_NO_DEVICE,
                    "%s: no such device (a guest without MCSS-E sees only "
                    "css 0; use 0.%x.%04x)", s, (unsigned)set,
                    (unsigned)dev);
        return false;
    }
    *ssid = (uint8_t)set;
    *devno = (uint16_t)dev;
    return true;
}

int guest_stsch(GuestCss *g, uint32_t sid, SCHIB *schib, GError **errp)
{
    uint8_t be[SCHIB_SIZE];
    int cc = qtc_ioinst(g->qc, "stsch", sid, GUEST_SCHIB_ADDR, errp);

    if (cc < 0) {
        return -1;
    }
    if (cc == QTC_PGM(PGM_OPERAND)) {
        /* a subchannel set this machine does not have */
        return 3;
    }
    if (cc > 3) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "STSCH 0x%08x: program interruption 0x%04x", sid,
                    cc - QTC_PGM(0));
        return -1;
    }
    if (cc == 0) {
        if (!qtc_mem_read(g->qc, GUEST_SCHIB_ADDR, be, sizeof(be), errp)) {
            return -1;
        }
        copy_schib_from_guest(be, schib);
    }
    return cc;
}

static void subch_name(GuestSubch *sch)
{
    g_snprintf(sch->name, sizeof(sch->name), "0.%x.%04x", sch->ssid,
               sch->devno);
}

bool guest_find_device(GuestCss *g, uint8_t ssid, uint16_t devno,
                       GuestSubch *sch, GError **errp)
{
    for (uint32_t schno = 0; schno <= 0xffff; schno++) {
        uint32_t sid = guest_sid(ssid, (uint16_t)schno);
        SCHIB schib;
        int cc = guest_stsch(g, sid, &schib, errp);

        if (cc < 0) {
            return false;
        }
        if (cc == 3) {
            break;
        }
        if ((schib.pmcw.flags & PMCW_FLAGS_MASK_DNV) &&
            schib.pmcw.devno == devno) {
            *sch = (GuestSubch) {
                .sid = sid, .ssid = ssid, .schno = (uint16_t)schno,
                .devno = devno, .schib = schib,
            };
            subch_name(sch);
            return true;
        }
    }
    g_set_error(errp, GUEST_ERROR, GUEST_ERROR_NO_DEVICE,
                "0.%x.%04x: no such device", ssid, devno);
    return false;
}

bool guest_set_enabled(GuestCss *g, GuestSubch *sch, bool enable,
                       GError **errp)
{
    uint8_t be[SCHIB_SIZE];
    SCHIB schib;
    int cc = guest_stsch(g, sch->sid, &schib, errp);

    if (cc < 0) {
        return false;
    }
    if (cc != 0) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_NO_DEVICE,
                    "%s: subchannel 0.%x.%04x is gone (STSCH cc %d)",
                    sch->name, sch->ssid, sch->schno, cc);
        return false;
    }
    schib.pmcw.flags &= ~(PMCW_FLAGS_MASK_ISC | PMCW_FLAGS_MASK_ENA);
    if (enable) {
        schib.pmcw.flags |= (GUEST_ISC << PMCW_FLAGS_ISC_SHIFT) |
                            PMCW_FLAGS_MASK_ENA;
    }
    copy_schib_to_guest(be, &schib);
    if (!qtc_mem_write(g->qc, GUEST_SCHIB_ADDR, be, sizeof(be), errp)) {
        return false;
    }
    cc = qtc_ioinst(g->qc, "msch", sch->sid, GUEST_SCHIB_ADDR, errp);
    if (cc < 0) {
        return false;
    }
    if (cc != 0) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: MSCH to %s the subchannel ended with %s %d",
                    sch->name, enable ? "enable" : "disable",
                    cc > 3 ? "program interruption" : "cc",
                    cc > 3 ? cc - QTC_PGM(0) : cc);
        return false;
    }
    sch->schib = schib;
    return true;
}

/* TEST SUBCHANNEL into GUEST_IRB_ADDR.  Returns: cc, or -1. */
static int guest_tsch(GuestCss *g, uint32_t sid, IRB *irb, GError **errp)
{
    uint8_t be[IRB_SIZE];
    int cc = qtc_ioinst(g->qc, "tsch", sid, GUEST_IRB_ADDR, errp);

    if (cc < 0) {
        return -1;
    }
    if (cc == 0) {
        if (!qtc_mem_read(g->qc, GUEST_IRB_ADDR, be, sizeof(be), errp)) {
            return -1;
        }
        copy_irb_from_guest(be, irb);
    }
    return cc;
}

/* START SUBCHANNEL with the ORB at GUEST_ORB_ADDR; clears stale status. */
static bool guest_ssch(GuestCss *g, GuestSubch *sch, GError **errp)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        IRB stale;
        int cc = qtc_ioinst(g->qc, "ssch", sch->sid, GUEST_ORB_ADDR, errp);

        switch (cc) {
        case -1:
            return false;
        case 0:
            g->stats.ios++;
            return true;
        case 1:
            /*
             * Status pending from an earlier client (state outlives a
             * connection): accept it with TSCH and try once more.
             */
            if (guest_tsch(g, sch->sid, &stale, errp) < 0) {
                return false;
            }
            continue;
        case 2:
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                        "%s: SSCH cc 2: the subchannel is busy with another "
                        "function", sch->name);
            return false;
        case 3:
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                        "%s: SSCH cc 3: not operational (subchannel not "
                        "enabled or device gone)", sch->name);
            return false;
        default:
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                        "%s: SSCH: program interruption 0x%04x", sch->name,
                        cc - QTC_PGM(0));
            return false;
        }
    }
    g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                "%s: SSCH: status stays pending", sch->name);
    return false;
}

/*
 * Wait for the interruption of our program.  Interruptions of other
 * subchannels (or stale ones of ours) are accepted and their status
 * cleared, as a driver would do for devices it does not own.
 */
static bool guest_wait(GuestCss *g, GuestSubch *sch, GError **errp)
{
    for (;;) {
        uint32_t sid = 0, intparm = 0;
        IRB other;
        int r = qtc_io_wait(g->qc, g->timeout_ms, &sid, &intparm, errp);

        if (r < 0) {
            return false;
        }
        if (r == 0) {
            g_autofree char *c = NULL;

            /*
             * Leave the subchannel idle for the next program.  Errors of
             * this clean-up are not reported: the timeout is the news.
             */
            if (qtc_ioinst(g->qc, "csch", sch->sid, 0, NULL) == 0) {
                c = qtc_request(g->qc, NULL, "s390x_io_wait %u",
                                g->timeout_ms);
                guest_tsch(g, sch->sid, &other, NULL);
            }
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                        "%s: no I/O interruption within %u ms; the "
                        "subchannel was cleared", sch->name, g->timeout_ms);
            return false;
        }
        if (sid == sch->sid && intparm == g->intparm) {
            return true;
        }
        if (guest_tsch(g, sid, &other, errp) < 0) {
            return false;
        }
    }
}

/* Fetch sense bytes for a unit check that came without concurrent sense. */
static bool guest_basic_sense(GuestCss *g, GuestSubch *sch, GuestIo *io,
                              GError **errp)
{
    g_autoptr(CcwChain) sense = ccw_chain_new();
    GuestIo sio;
    size_t idx = ccw_chain_add_in(sense, CCW_CMD_BASIC_SENSE, CCW_FLAG_SLI,
                                  SENSE_DATA_SIZE);
    size_t len;
    const uint8_t *data;

    if (!guest_run(g, sch, sense, &sio, errp)) {
        return false;
    }
    if (sio.scsw.dstat & SCSW_DSTAT_UNIT_CHECK) {
        /* nothing to learn; report the first unit check without sense */
        return true;
    }
    data = ccw_chain_in_data(sense, idx, &len);
    memcpy(io->sense, data, SENSE_DATA_SIZE);
    io->sense_valid = true;
    return true;
}

/*
 * Did the IRB bring the sense bytes (ERW bit 7, with a sense count)?  An
 * ECW of zeros is not believed even then: a unit check always sets some
 * sense bit, and the machine's passthrough path has been seen to pass
 * the host's ERW on without the ECW; a Sense command then still works,
 * because the device keeps its sense until it is read.
 */
static bool concurrent_sense(const IRB *irb)
{
    static const uint8_t zeros[SENSE_DATA_SIZE];

    return (irb->esw.erw & ESW_ERW_MASK_CONS) &&
           ((irb->esw.erw & ESW_ERW_MASK_SCNT) >> ESW_ERW_SCNT_SHIFT) &&
           memcmp(irb->ecw, zeros, sizeof(zeros)) != 0;
}

bool guest_run(GuestCss *g, GuestSubch *sch, CcwChain *ch, GuestIo *io,
               GError **errp)
{
    uint8_t orb_be[ORB_SIZE];
    g_autofree uint8_t *img = NULL;
    size_t img_size, in_size;
    uint32_t in_addr;
    ORB orb;
    IRB irb;
    int cc;

    memset(io, 0, sizeof(*io));
    io->last_ccw = -1;
    img = ccw_chain_image(ch, GUEST_PROGRAM_ADDR, &img_size);
    in_size = ccw_chain_in_span(ch, GUEST_PROGRAM_ADDR, &in_addr);
    if (ccw_chain_len(ch) == 0 || ccw_chain_len(ch) > CCW_CHAIN_MAX ||
        img_size + in_size > GUEST_PROGRAM_MAX) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: channel program of %zu CCWs and %zu bytes is "
                    "beyond what ccw-guest lays out", sch->name,
                    ccw_chain_len(ch), img_size + in_size);
        return false;
    }
    if (!g->cr6_set) {
        g_autofree char *r = qtc_request(g->qc, errp, "s390x_cr6 0x%08x",
                                         GUEST_CR6);
        if (!r) {
            return false;
        }
        g->cr6_set = true;
    }
    g->intparm = GUEST_INTPARM_TAG | ((g->intparm + 1) & 0x00ffffffu);
    orb = (ORB) {
        .intparm = g->intparm,
        .ctrl0 = ORB_CTRL0_MASK_FMT | ORB_CTRL0_MASK_PFCH,
        .lpm = 0xff,
        .cpa = GUEST_PROGRAM_ADDR,
    };
    copy_orb_to_guest(orb_be, &orb);
    if (!qtc_mem_write(g->qc, GUEST_PROGRAM_ADDR, img, img_size, errp) ||
        !qtc_mem_fill(g->qc, in_addr, 0xff, in_size, errp) ||
        !qtc_mem_write(g->qc, GUEST_ORB_ADDR, orb_be, sizeof(orb_be), errp) ||
        !guest_ssch(g, sch, errp) || !guest_wait(g, sch, errp)) {
        return false;
    }
    cc = guest_tsch(g, sch->sid, &irb, errp);
    if (cc < 0) {
        return false;
    }
    if (cc != 0) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: TSCH after the interruption ended with cc %d",
                    sch->name, cc);
        return false;
    }
    io->scsw = irb.scsw;
    io->erw = irb.esw.erw;
    io->last_ccw = ccw_chain_index_of(ch, GUEST_PROGRAM_ADDR, irb.scsw.cpa);
    if (in_size &&
        !qtc_mem_read(g->qc, in_addr, ccw_chain_in_buffer(ch), in_size,
                      errp)) {
        return false;
    }
    if (irb.scsw.dstat & SCSW_DSTAT_UNIT_CHECK) {
        if (concurrent_sense(&irb)) {
            memcpy(io->sense, irb.ecw, SENSE_DATA_SIZE);
            io->sense_valid = true;
        } else if (!g->sensing) {
            /* a Sense that fails itself is not chased with another one */
            bool ok;

            g->sensing = true;
            ok = guest_basic_sense(g, sch, io, errp);
            g->sensing = false;
            if (!ok) {
                return false;
            }
        }
    }
    return true;
}

/* The subchannel-status bits in words, most serious first. */
static const char *cstat_text(uint8_t cstat)
{
    static const struct {
        uint8_t bit;
        const char *text;
    } bits[] = {
        { SCSW_CSTAT_CHN_CTRL_CHK, "channel-control check" },
        { SCSW_CSTAT_INTF_CTRL_CHK, "interface-control check" },
        { SCSW_CSTAT_DATA_CHECK, "channel-data check" },
        { SCSW_CSTAT_PROG_CHECK, "program check" },
        { SCSW_CSTAT_PROT_CHECK, "protection check" },
        { SCSW_CSTAT_CHAIN_CHECK, "chaining check" },
        { SCSW_CSTAT_INCORR_LEN, "incorrect length" },
        { SCSW_CSTAT_PCI, "program-controlled interruption" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(bits); i++) {
        if (cstat & bits[i].bit) {
            return bits[i].text;
        }
    }
    return "no subchannel status";
}

/* "; CCW 2, command 0x86" for the message, or "" */
static char *where(const GuestIo *io, const CcwChain *ch)
{
    if (io->last_ccw < 0) {
        return g_strdup("");
    }
    return g_strdup_printf("; CCW %d, command 0x%02x", io->last_ccw,
                           ccw_chain_cmd(ch, (size_t)io->last_ccw));
}

bool guest_io_check(const GuestSubch *sch, const GuestIo *io,
                    const CcwChain *ch, bool allow_ux, const char *context,
                    GError **errp)
{
    g_autofree char *who = context ?
        g_strdup_printf("%s: %s", sch->name, context) : g_strdup(sch->name);
    const SCSW *s = &io->scsw;
    uint8_t want = SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END;
    uint8_t bad = SCSW_DSTAT_UNIT_CHECK | SCSW_DSTAT_BUSY |
                  SCSW_DSTAT_ATTENTION | (allow_ux ? 0 : SCSW_DSTAT_UNIT_EXCEP);
    g_autofree char *at = where(io, ch);

    if (s->dstat & SCSW_DSTAT_UNIT_CHECK) {
        if (!io->sense_valid) {
            g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                        "%s: unit check (no sense data%s)", who, at);
            return false;
        }
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: unit check: %s (sense %02x %02x %02x %02x %02x "
                    "%02x %02x %02x ...%s)", who,
                    dasd_sense_meaning(io->sense), io->sense[0],
                    io->sense[1], io->sense[2], io->sense[3], io->sense[4],
                    io->sense[5], io->sense[6], io->sense[7], at);
        return false;
    }
    if (s->cstat) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: %s (subchannel status 0x%02x, device status "
                    "0x%02x%s)", who, cstat_text(s->cstat), s->cstat,
                    s->dstat, at);
        return false;
    }
    if ((s->dstat & bad) || (s->dstat & want) != want) {
        g_set_error(errp, GUEST_ERROR, GUEST_ERROR_IO,
                    "%s: unexpected device status 0x%02x%s%s", who,
                    s->dstat,
                    (s->dstat & SCSW_DSTAT_UNIT_EXCEP) ?
                    " (unit exception: end of file)" : "", at);
        return false;
    }
    return true;
}
