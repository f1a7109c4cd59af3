/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ioinst.c: the I/O instructions (PoP ch. 14) as a CPU executes them.
 *
 * Operand addresses are real addresses and, with prefix 0, absolute; an
 * operand that does not lie entirely in guest RAM is an addressing
 * exception.  Every store is checked before anything changes, so a
 * suppressed instruction leaves guest RAM and the channel subsystem as
 * they were.
 */
#include "qemu/osdep.h"

#include "target/s390x/ioinst.h"

/* SCHM general register 1 (PoP ch. 14, SET CHANNEL MONITOR). */
#define SCHM_REG1_RSVD      0x0ffffffcu
#define SCHM_REG1_UPDATE    0x00000002u
#define SCHM_MBO_ALIGN_MASK 0x1fu           /* origin on 32 bytes */

/* RCHP general register 1: CSSID in bits 40-47, CHPID in 56-63. */
#define RCHP_REG1_RSVD      0xff00ff00u
#define RCHP_REG1_CSSID     0x00ff0000u
#define RCHP_REG1_CHPID     0x000000ffu

/* SAL general register 1: bit 32 and bits 48-63 must be zero. */
#define SAL_REG1_RSVD       0x8000ffffu

static IOInstResult pgm(uint16_t code)
{
    IOInstResult r = { .pgm = code };

    return r;
}

static IOInstResult set_cc(S390CPU *cpu, IOInstEnding cc)
{
    IOInstResult r = { .cc = cc };

    cpu->cc = cc;
    return r;
}

static IOInstResult keep_cc(S390CPU *cpu)
{
    IOInstResult r = { .cc = cpu->cc };

    return r;
}

static bool ram_ok(S390CPU *cpu, uint64_t addr, uint64_t len)
{
    return cpu->ram && guest_ram_valid(cpu->ram, addr, len);
}

/*
 * The checks an instruction with a storage operand makes before anything
 * else, in the architected order: privileged operation, specification
 * (@addr not a multiple of @align), addressing (@len bytes at @addr not
 * in guest RAM).  @addr is where the access goes (TPI: maybe the lowcore),
 * @op2 the operand address whose alignment counts.
 * Returns: true when all pass; else false with @res the program check.
 */
static bool operand_ok(S390CPU *cpu, uint64_t op2, uint64_t align,
                       uint64_t addr, uint64_t len, IOInstResult *res)
{
    if (cpu->problem_state) {
        *res = pgm(PGM_PRIVILEGED);
    } else if (op2 & (align - 1)) {
        *res = pgm(PGM_SPECIFICATION);
    } else if (!ram_ok(cpu, addr, len)) {
        *res = pgm(PGM_ADDRESSING);
    } else {
        return true;
    }
    return false;
}

/* The subchannel a valid SID names, if the program may see it. */
static SubchDev *visible_subch(ChannelSubSys *css, const IOInstSid *sid)
{
    SubchDev *sch = css_find_subch(css, sid->m, sid->cssid, sid->ssid,
                                   sid->schno);

    return sch && css_subch_visible(sch) ? sch : NULL;
}

/*
 * ORB checks for SSCH (facts §1.5): transport mode, reserved ctrl1 bits,
 * MIDAW control (not supported) and CPA bit 0.  X (extension) is
 * accepted; the extension words are never needed.
 */
static bool orb_valid(const ORB *orb)
{
    return !(orb->ctrl0 & ORB_CTRL0_MASK_TM) &&
           !(orb->ctrl1 & (ORB_CTRL1_MASK_RSVD | ORB_CTRL1_MASK_MIDAW)) &&
           !(orb->cpa & ORB_CPA_MASK_INVALID);
}

/*
 * SCHIB checks for MSCH: PMCW bits 0, 1, 6, 7 (bit 5 is ignored), the
 * reserved characteristics, extended measurements (not supported) and a
 * format-1 measurement block that is not on 64 bytes.
 */
static bool schib_valid(const SCHIB *schib)
{
    const PMCW *p = &schib->pmcw;

    if ((p->flags & PMCW_FLAGS_MASK_INVALID) ||
        (p->chars & PMCW_CHARS_MASK_INVALID) ||
        (p->chars & PMCW_CHARS_MASK_XMWME)) {
        return false;
    }
    return !((p->chars & PMCW_CHARS_MASK_MBFC) &&
             (schib->mba & (SCHIB_MBA_ALIGN - 1)));
}

IOInstResult ioinst_handle_ssch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    uint8_t buf[ORB_SIZE];
    IOInstSid sid;
    SubchDev *sch;
    IOInstResult res;
    ORB orb;

    if (!operand_ok(cpu, op2, 4, op2, ORB_SIZE, &res)) {
        return res;
    }
    guest_ram_read(cpu->ram, op2, buf, sizeof(buf));
    copy_orb_from_guest(buf, &orb);
    if (!ioinst_sid_decode(reg1, &sid) || !orb_valid(&orb)) {
        return pgm(PGM_OPERAND);
    }
    sch = visible_subch(css, &sid);
    if (!sch) {
        return set_cc(cpu, IOINST_CC_NOT_OPERATIONAL);
    }
    return set_cc(cpu, css_do_ssch(sch, &orb));
}

/*
 * STSCH: an invalid SID is an operand exception, but access exceptions
 * have priority, so the store area is checked first (QEMU, kvm-unit-tests).
 */
IOInstResult ioinst_handle_stsch(S390CPU *cpu, ChannelSubSys *css,
                                 uint64_t reg1, uint64_t op2)
{
    uint8_t buf[SCHIB_SIZE];
    IOInstEnding cc;
    IOInstSid sid;
    SubchDev *sch;
    IOInstResult res;
    SCHIB schib;

    if (!operand_ok(cpu, op2, 4, op2, SCHIB_SIZE, &res)) {
        return res;
    }
    if (!ioinst_sid_decode(reg1, &sid)) {
        return pgm(PGM_OPERAND);
    }
    sch = css_find_subch(css, sid.m, sid.cssid, sid.ssid, sid.schno);
    if (sch) {
        /* Found but not visible: "no more subchannels" for the program. */
        cc = css_subch_visible(sch) ? css_do_stsch(sch, &schib)
                                    : IOINST_CC_NOT_OPERATIONAL;
    } else if (css_schid_final(css, sid.m, sid.cssid, sid.ssid, sid.schno)) {
        cc = IOINST_CC_NOT_OPERATIONAL;
    } else {
        /* A hole below the last subchannel reads as an empty SCHIB. */
        memset(&schib, 0, sizeof(schib));
        cc = IOINST_CC_EXPECTED;
    }
    if (cc == IOINST_CC_EXPECTED) {
        copy_schib_to_guest(buf, &schib);
        guest_ram_write(cpu->ram, op2, buf, sizeof(buf));
    }
    return set_cc(cpu, cc);
}

IOInstResult ioinst_handle_msch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    uint8_t buf[SCHIB_SIZE];
    IOInstSid sid;
    SubchDev *sch;
    IOInstResult res;
    SCHIB schib;

    if (!operand_ok(cpu, op2, 4, op2, SCHIB_SIZE, &res)) {
        return res;
    }
    guest_ram_read(cpu->ram, op2, buf, sizeof(buf));
    copy_schib_from_guest(buf, &schib);
    if (!ioinst_sid_decode(reg1, &sid) || !schib_valid(&schib)) {
        return pgm(PGM_OPERAND);
    }
    sch = visible_subch(css, &sid);
    if (!sch) {
        return set_cc(cpu, IOINST_CC_NOT_OPERATIONAL);
    }
    return set_cc(cpu, css_do_msch(sch, &schib));
}

/*
 * TSCH: the SID is checked before the operand's alignment (QEMU's order,
 * facts §2); with cc 3 the 64-byte area is still access-checked, since
 * access exceptions win over cc 3.
 */
IOInstResult ioinst_handle_tsch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    uint8_t buf[IRB_SIZE];
    IOInstEnding cc;
    IOInstSid sid;
    SubchDev *sch;
    int irb_len;
    IRB irb;

    if (cpu->problem_state) {
        return pgm(PGM_PRIVILEGED);
    }
    if (!ioinst_sid_decode(reg1, &sid)) {
        return pgm(PGM_OPERAND);
    }
    if (op2 & 3) {
        return pgm(PGM_SPECIFICATION);
    }
    sch = visible_subch(css, &sid);
    if (!sch) {
        if (!ram_ok(cpu, op2, IRB_SIZE_NO_EMW)) {
            return pgm(PGM_ADDRESSING);
        }
        return set_cc(cpu, IOINST_CC_NOT_OPERATIONAL);
    }
    cc = css_do_tsch_get_irb(sch, &irb, &irb_len);
    if (cc == IOINST_CC_NOT_OPERATIONAL) {
        if (!ram_ok(cpu, op2, IRB_SIZE_NO_EMW)) {
            return pgm(PGM_ADDRESSING);
        }
        return set_cc(cpu, cc);
    }
    if (!ram_ok(cpu, op2, irb_len)) {
        return pgm(PGM_ADDRESSING);
    }
    copy_irb_to_guest(buf, &irb);
    guest_ram_write(cpu->ram, op2, buf, irb_len);
    /* Only a stored IRB clears the status. */
    css_do_tsch_update_subch(sch);
    return set_cc(cpu, cc);
}

typedef IOInstEnding (*SubchFunction)(SubchDev *sch);

/* CSCH, HSCH, XSCH, RSCH: GR1 only. */
static IOInstResult handle_sid_only(S390CPU *cpu, ChannelSubSys *css,
                                    uint64_t reg1, SubchFunction fn)
{
    IOInstSid sid;
    SubchDev *sch;

    if (cpu->problem_state) {
        return pgm(PGM_PRIVILEGED);
    }
    if (!ioinst_sid_decode(reg1, &sid)) {
        return pgm(PGM_OPERAND);
    }
    sch = visible_subch(css, &sid);
    if (!sch) {
        return set_cc(cpu, IOINST_CC_NOT_OPERATIONAL);
    }
    return set_cc(cpu, fn(sch));
}

IOInstResult ioinst_handle_csch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    return handle_sid_only(cpu, css, reg1, css_do_csch);
}

IOInstResult ioinst_handle_hsch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    return handle_sid_only(cpu, css, reg1, css_do_hsch);
}

IOInstResult ioinst_handle_xsch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    return handle_sid_only(cpu, css, reg1, css_do_xsch);
}

IOInstResult ioinst_handle_rsch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    return handle_sid_only(cpu, css, reg1, css_do_rsch);
}

/*
 * TPI: with operand 0 the full 12-byte interruption code goes to the
 * lowcore, else its first 8 bytes go to the operand.  The store area is
 * checked before the interruption is taken off its queue.
 */
IOInstResult ioinst_handle_tpi(S390CPU *cpu, ChannelSubSys *css,
                               uint64_t reg1, uint64_t op2)
{
    uint8_t buf[IO_INT_CODE_SIZE];
    uint64_t addr = op2 ? op2 : LOWCORE_IO_INT_CODE;
    uint64_t len = op2 ? IO_INT_CODE_TPI_SIZE : IO_INT_CODE_SIZE;
    IOInstResult res;
    IOIntCode code;

    if (!operand_ok(cpu, op2, 4, addr, len, &res)) {
        return res;
    }
    if (!css_dequeue_io_int(css, s390_cpu_isc_mask(cpu), &code)) {
        return set_cc(cpu, IOINST_CC_EXPECTED);
    }
    copy_io_int_code_to_guest(buf, &code);
    guest_ram_write(cpu->ram, addr, buf, len);
    return set_cc(cpu, IOINST_CC_STATUS_PRESENT);
}

IOInstResult ioinst_handle_stcrw(S390CPU *cpu, ChannelSubSys *css,
                                 uint64_t reg1, uint64_t op2)
{
    uint8_t buf[CRW_SIZE];
    IOInstEnding cc;
    IOInstResult res;
    CRW crw;

    /* Storage is checked first, so no CRW is taken that cannot be stored. */
    if (!operand_ok(cpu, op2, 4, op2, CRW_SIZE, &res)) {
        return res;
    }
    cc = css_do_stcrw(css, &crw);
    copy_crw_to_guest(buf, &crw);
    guest_ram_write(cpu->ram, op2, buf, sizeof(buf));
    return set_cc(cpu, cc);
}

IOInstResult ioinst_handle_schm(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    bool update = reg1 & SCHM_REG1_UPDATE;

    if (cpu->problem_state) {
        return pgm(PGM_PRIVILEGED);
    }
    if (reg1 & SCHM_REG1_RSVD) {
        return pgm(PGM_OPERAND);
    }
    if (update && (op2 & SCHM_MBO_ALIGN_MASK)) {
        return pgm(PGM_OPERAND);
    }
    css_do_schm(css, update, op2);
    return keep_cc(cpu);
}

IOInstResult ioinst_handle_rchp(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    uint8_t cssid = (reg1 & RCHP_REG1_CSSID) >> 16;
    uint8_t chpid = reg1 & RCHP_REG1_CHPID;
    IOInstEnding cc;

    if (cpu->problem_state) {
        return pgm(PGM_PRIVILEGED);
    }
    if ((reg1 & RCHP_REG1_RSVD) || !css_do_rchp(css, cssid, chpid, &cc)) {
        return pgm(PGM_OPERAND);
    }
    return set_cc(cpu, cc);
}

/*
 * CHSC: the request/response area is the 4 KiB page at the operand.  As
 * the operand is page-aligned and guest RAM a whole number of pages, the
 * page is in RAM when its first byte is; it is copied in whole, so a
 * command with side effects (SDA) never runs without its response being
 * stored.
 */
IOInstResult ioinst_handle_chsc(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2)
{
    g_autofree uint8_t *area = NULL;
    ChscReqHeader req;
    uint16_t resp_len;
    IOInstResult res;

    if (!operand_ok(cpu, op2, CHSC_AREA_SIZE, op2, CHSC_AREA_SIZE, &res)) {
        return res;
    }
    area = g_malloc(CHSC_AREA_SIZE);
    guest_ram_read(cpu->ram, op2, area, CHSC_AREA_SIZE);
    copy_chsc_req_header_from_guest(area, &req);
    if (req.length < CHSC_REQ_LEN_MIN || req.length > CHSC_REQ_LEN_MAX ||
        (req.length & 7)) {
        return pgm(PGM_OPERAND);
    }
    resp_len = css_do_chsc(css, area);
    guest_ram_write(cpu->ram, op2 + req.length, area + req.length, resp_len);
    return set_cc(cpu, IOINST_CC_EXPECTED);
}

/* SAL: no address-limit checking here, so only the operand checks. */
IOInstResult ioinst_handle_sal(S390CPU *cpu, ChannelSubSys *css,
                               uint64_t reg1, uint64_t op2)
{
    if (cpu->problem_state) {
        return pgm(PGM_PRIVILEGED);
    }
    if (reg1 & SAL_REG1_RSVD) {
        return pgm(PGM_OPERAND);
    }
    return keep_cc(cpu);
}

static const IOInstDesc ioinst_table[] = {
    { "ssch", ioinst_handle_ssch, true },
    { "stsch", ioinst_handle_stsch, true },
    { "msch", ioinst_handle_msch, true },
    { "tsch", ioinst_handle_tsch, true },
    { "csch", ioinst_handle_csch, false },
    { "hsch", ioinst_handle_hsch, false },
    { "xsch", ioinst_handle_xsch, false },
    { "rsch", ioinst_handle_rsch, false },
    { "tpi", ioinst_handle_tpi, true },
    { "stcrw", ioinst_handle_stcrw, true },
    { "schm", ioinst_handle_schm, true },
    { "rchp", ioinst_handle_rchp, false },
    { "chsc", ioinst_handle_chsc, true },
    { "sal", ioinst_handle_sal, false },
};

const IOInstDesc *ioinst_by_name(const char *name)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(ioinst_table); i++) {
        if (g_str_equal(ioinst_table[i].name, name)) {
            return &ioinst_table[i];
        }
    }
    return NULL;
}

bool ioinst_accept_io_interruption(S390CPU *cpu, ChannelSubSys *css,
                                   IOIntCode *code)
{
    uint8_t buf[IO_INT_CODE_SIZE];

    if (!css_dequeue_io_int(css, s390_cpu_isc_mask(cpu), code)) {
        return false;
    }
    copy_io_int_code_to_guest(buf, code);
    if (ram_ok(cpu, LOWCORE_IO_INT_CODE, sizeof(buf))) {
        guest_ram_write(cpu->ram, LOWCORE_IO_INT_CODE, buf, sizeof(buf));
    }
    return true;
}
