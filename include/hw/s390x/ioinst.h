/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ioinst.h: architected channel-I/O data of z/Architecture.
 *
 * The control blocks that the I/O instructions and the channel subsystem
 * exchange with a program (subsystem-identification word, PMCW, SCSW,
 * SCHIB, ORB, IRB with ESW/ECW/EMW, CCWs of format 0 and 1, IDAWs of
 * format 1 and 2, CRW, I/O-interruption code, CHSC headers), with every
 * bit mask and code the model uses.  Source: z/Architecture Principles of
 * Operation (SA22-7832), chapters 13 (I/O overview), 14 (I/O
 * instructions), 15 (basic I/O functions), 16 (I/O interruptions) and 17
 * (I/O support functions, CRWs).  Bit numbers in comments are IBM style:
 * bit 0 is the most significant bit of the field, and masks are given for
 * the natural big-endian integer of the stated width.
 *
 * The structures here are HOST order with fixed-width fields and no
 * bitfields.  Guest memory and the vfio-ccw regions hold the architected
 * big-endian bytes; the copy_*_from_guest() / copy_*_to_guest() helpers
 * (hw/s390x/ioinst-conv.c) are the only place where the two meet.  Each
 * structure states its architected size in a *_SIZE constant, checked at
 * build time against the structure's last field.
 *
 * Who may call: the channel subsystem (hw/s390x/css*.c), the instruction
 * handlers (target/s390x/ioinst.c), the channel-program interpreter
 * (hw/s390x/ccw-interp.c), devices, and the vfio-user-ccw server program.
 * This header does not depend on any machine state.
 */
#ifndef HW_S390X_IOINST_H
#define HW_S390X_IOINST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * IOINST_ASSERT_SIZE: the last field of @type ends exactly at the
 * architected size @size.  Trailing padding of the host structure (e.g. a
 * SCHIB holds a 64-bit field, so the host rounds it up to 56) is allowed:
 * the host layout is never copied to or from guest bytes.
 */
#define IOINST_ASSERT_SIZE(type, last, size) \
    _Static_assert(offsetof(type, last) + sizeof(((type *)0)->last) == (size), \
                   #type " is not " #size " bytes")

/* ------------------------------------------------------------------------
 * Condition codes of the I/O instructions
 * ------------------------------------------------------------------------ */

/**
 * IOInstEnding: how an I/O instruction ended when it was not suppressed
 * by a program interruption; the value is the condition code set.  The
 * meaning of each code differs per instruction (PoP ch. 14, "Resulting
 * Condition Code" of each instruction); the names give the usual sense.
 * @IOINST_CC_EXPECTED: cc 0, the function was initiated / info stored.
 * @IOINST_CC_STATUS_PRESENT: cc 1, status pending (or "nothing stored").
 * @IOINST_CC_BUSY: cc 2, a function is already in progress.
 * @IOINST_CC_NOT_OPERATIONAL: cc 3, subchannel not operational.
 */
typedef enum IOInstEnding {
    IOINST_CC_EXPECTED = 0,
    IOINST_CC_STATUS_PRESENT = 1,
    IOINST_CC_BUSY = 2,
    IOINST_CC_NOT_OPERATIONAL = 3,
} IOInstEnding;

/* ------------------------------------------------------------------------
 * Program-interruption codes (PoP ch. 6, "Program-Interruption
 * Conditions") recognised by the I/O instructions
 * ------------------------------------------------------------------------ */
#define PGM_OPERATION       0x0001
#define PGM_PRIVILEGED      0x0002
#define PGM_EXECUTE         0x0003
#define PGM_PROTECTION      0x0004
#define PGM_ADDRESSING      0x0005
#define PGM_SPECIFICATION   0x0006
#define PGM_DATA            0x0007
#define PGM_OPERAND         0x0015

/* ------------------------------------------------------------------------
 * Subsystem-identification word (general register 1), PoP ch. 13,
 * "Subsystem Identification Word"
 *   bits 0-7   CSSID (meaningful only when M is one)
 *   bits 8-11  zero
 *   bit  12    M, the MCSS-E format bit
 *   bits 13-14 subchannel-set identifier
 *   bit  15    one
 *   bits 16-31 subchannel number
 * ------------------------------------------------------------------------ */
#define SID_CSSID_MASK      0xff000000u
#define SID_CSSID_SHIFT     24
#define SID_RESERVED_MASK   0x00f00000u
#define SID_M               0x00080000u
#define SID_SSID_MASK       0x00060000u
#define SID_SSID_SHIFT      17
#define SID_ONE             0x00010000u
#define SID_SCHNO_MASK      0x0000ffffu

/**
 * IOInstSid: a decoded subsystem-identification word.
 * @m: the M bit (1: @cssid is valid; 0: the default css image is meant).
 * @cssid: channel-subsystem image id, 0 when @m is 0.
 * @ssid: subchannel-set id, 0-3.
 * @schno: subchannel number.
 */
typedef struct IOInstSid {
    uint8_t m;
    uint8_t cssid;
    uint8_t ssid;
    uint16_t schno;
} IOInstSid;

/**
 * ioinst_sid_decode: split general register 1 into its fields.
 * @reg1: the low 32 bits of general register 1.
 * @sid: filled on success.
 *
 * The SID is invalid (operand exception) when bit 15 is zero, when bits
 * 8-11 are not zero, or when M is zero with a non-zero CSSID field.  The
 * architecture requires bits 8-11 to be zero (PoP ch. 14, "Programming
 * Exceptions" of each subchannel instruction); QEMU does not check them,
 * we follow the architecture.
 *
 * Returns: true if @reg1 is a valid SID.
 */
static inline bool ioinst_sid_decode(uint32_t reg1, IOInstSid *sid)
{
    uint8_t cssid = (reg1 & SID_CSSID_MASK) >> SID_CSSID_SHIFT;
    uint8_t m = (reg1 & SID_M) ? 1 : 0;

    if (!(reg1 & SID_ONE) || (reg1 & SID_RESERVED_MASK) || (!m && cssid)) {
        return false;
    }
    sid->m = m;
    sid->cssid = cssid;
    sid->ssid = (reg1 & SID_SSID_MASK) >> SID_SSID_SHIFT;
    sid->schno = reg1 & SID_SCHNO_MASK;
    return true;
}

/**
 * ioinst_sid_encode: build the 32-bit subsystem-identification word.
 * @m: whether to present @cssid (MCSS-E enabled); else CSSID and M are 0.
 * Returns: the word, as stored in GR1 or in the I/O-interruption code.
 */
static inline uint32_t ioinst_sid_encode(bool m, uint8_t cssid, uint8_t ssid,
                                         uint16_t schno)
{
    uint32_t w = SID_ONE | ((uint32_t)(ssid & 3) << SID_SSID_SHIFT) | schno;

    if (m) {
        w |= SID_M | ((uint32_t)cssid << SID_CSSID_SHIFT);
    }
    return w;
}

/* ------------------------------------------------------------------------
 * PMCW, path-management-control word (PoP ch. 15, "Subchannel-Information
 * Block", words 0-6): 28 bytes
 * ------------------------------------------------------------------------ */
#define PMCW_SIZE 28

/* Word 1, bits 0-15 (the "flags" halfword). */
#define PMCW_FLAGS_MASK_QF      0x8000  /* bit 0, QDIO facility */
#define PMCW_FLAGS_MASK_W       0x4000  /* bit 1 */
#define PMCW_FLAGS_MASK_ISC     0x3800  /* bits 2-4 */
#define PMCW_FLAGS_ISC_SHIFT    11
#define PMCW_FLAGS_MASK_RSVD5   0x0400  /* bit 5, ignored by MSCH */
#define PMCW_FLAGS_MASK_RSVD67  0x0300  /* bits 6-7 */
#define PMCW_FLAGS_MASK_ENA     0x0080  /* bit 8, enabled */
#define PMCW_FLAGS_MASK_LM      0x0060  /* bits 9-10, limit mode */
#define PMCW_FLAGS_MASK_MME     0x0018  /* bits 11-12, measurement mode */
#define PMCW_FLAGS_MASK_MP      0x0004  /* bit 13, multipath mode */
#define PMCW_FLAGS_MASK_TF      0x0002  /* bit 14, timing facility */
#define PMCW_FLAGS_MASK_DNV     0x0001  /* bit 15, device number valid */
/* MSCH: bits 0, 1, 6 and 7 must be zero (bit 5 is ignored). */
#define PMCW_FLAGS_MASK_INVALID 0xc300

/* Word 6, the characteristics word. */
#define PMCW_CHARS_MASK_ST      0x00e00000u /* bits 8-10, subchannel type */
#define PMCW_CHARS_ST_SHIFT     21
#define PMCW_CHARS_MASK_MBFC    0x00000004u /* bit 29, MB format control F */
#define PMCW_CHARS_MASK_XMWME   0x00000002u /* bit 30, extended-MW mode X */
#define PMCW_CHARS_MASK_CSENSE  0x00000001u /* bit 31, concurrent sense S */
/* MSCH: everything but the type, F, X and S must be zero. */
#define PMCW_CHARS_MASK_INVALID 0xff1ffff8u

#define PMCW_ST_IO              0           /* I/O subchannel */

/**
 * PMCW: path-management-control word, host order.
 * @intparm: interruption parameter (word 0).
 * @flags: word 1 bits 0-15, PMCW_FLAGS_MASK_*.
 * @devno: device number.
 * @lpm: logical-path mask.  @pnom: path-not-operational mask.
 * @lpum: last-path-used mask.  @pim: path-installed mask.
 * @mbi: measurement-block index.
 * @pom: path-operational mask.  @pam: path-available mask.
 * @chpid: channel-path ids for paths 0-7.
 * @chars: word 6, PMCW_CHARS_MASK_*.
 */
typedef struct PMCW {
    uint32_t intparm;
    uint16_t flags;
    uint16_t devno;
    uint8_t lpm;
    uint8_t pnom;
    uint8_t lpum;
    uint8_t pim;
    uint16_t mbi;
    uint8_t pom;
    uint8_t pam;
    uint8_t chpid[8];
    uint32_t chars;
} PMCW;
IOINST_ASSERT_SIZE(PMCW, chars, PMCW_SIZE);

/* ------------------------------------------------------------------------
 * SCSW, subchannel-status word, command mode (PoP ch. 16,
 * "Subchannel-Status Word"): 12 bytes
 * ------------------------------------------------------------------------ */
#define SCSW_SIZE 12

/* Word 0, bits 0-15 (the "flags" halfword). */
#define SCSW_FLAGS_MASK_KEY     0xf000  /* bits 0-3, subchannel key */
#define SCSW_FLAGS_MASK_SCTL    0x0800  /* bit 4, S suspend control */
#define SCSW_FLAGS_MASK_ESWF    0x0400  /* bit 5, L ESW format */
#define SCSW_FLAGS_MASK_CC      0x0300  /* bits 6-7, deferred cc */
#define SCSW_FLAGS_CC_SHIFT     8
#define SCSW_FLAGS_MASK_FMT     0x0080  /* bit 8, F CCW format */
#define SCSW_FLAGS_MASK_PFCH    0x0040  /* bit 9, P prefetch */
#define SCSW_FLAGS_MASK_ISIC    0x0020  /* bit 10, I initial-status ctl */
#define SCSW_FLAGS_MASK_ALCC    0x0010  /* bit 11, A address-limit ctl */
#define SCSW_FLAGS_MASK_SSI     0x0008  /* bit 12, U suppress suspended int */
#define SCSW_FLAGS_MASK_ZCC     0x0004  /* bit 13, Z zero cc */
#define SCSW_FLAGS_MASK_ECTL    0x0002  /* bit 14, E extended control */
#define SCSW_FLAGS_MASK_PNO     0x0001  /* bit 15, N path not operational */

/* Word 0, bits 16-31 (the "ctrl" halfword). */
#define SCSW_CTRL_MASK_FCTL     0x7000  /* bits 17-19, function control */
#define SCSW_CTRL_MASK_ACTL     0x0fe0  /* bits 20-26, activity control */
#define SCSW_CTRL_MASK_STCTL    0x001f  /* bits 27-31, status control */

#define SCSW_FCTL_START_FUNC    0x4000
#define SCSW_FCTL_HALT_FUNC     0x2000
#define SCSW_FCTL_CLEAR_FUNC    0x1000

#define SCSW_ACTL_RESUME_PEND   0x0800
#define SCSW_ACTL_START_PEND    0x0400
#define SCSW_ACTL_HALT_PEND     0x0200
#define SCSW_ACTL_CLEAR_PEND    0x0100
#define SCSW_ACTL_SUBCH_ACTIVE  0x0080
#define SCSW_ACTL_DEVICE_ACTIVE 0x0040
#define SCSW_ACTL_SUSP          0x0020

#define SCSW_STCTL_ALERT        0x0010
#define SCSW_STCTL_INTERMEDIATE 0x0008
#define SCSW_STCTL_PRIMARY      0x0004
#define SCSW_STCTL_SECONDARY    0x0002
#define SCSW_STCTL_STATUS_PEND  0x0001

/* Word 2, byte 0: device status (PoP ch. 16, "Device Status"). */
#define SCSW_DSTAT_ATTENTION    0x80
#define SCSW_DSTAT_STAT_MOD     0x40
#define SCSW_DSTAT_CU_END       0x20
#define SCSW_DSTAT_BUSY         0x10
#define SCSW_DSTAT_CHANNEL_END  0x08
#define SCSW_DSTAT_DEVICE_END   0x04
#define SCSW_DSTAT_UNIT_CHECK   0x02
#define SCSW_DSTAT_UNIT_EXCEP   0x01

/* Word 2, byte 1: subchannel status (PoP ch. 16, "Subchannel Status"). */
#define SCSW_CSTAT_PCI          0x80
#define SCSW_CSTAT_INCORR_LEN   0x40
#define SCSW_CSTAT_PROG_CHECK   0x20
#define SCSW_CSTAT_PROT_CHECK   0x10
#define SCSW_CSTAT_DATA_CHECK   0x08
#define SCSW_CSTAT_CHN_CTRL_CHK 0x04
#define SCSW_CSTAT_INTF_CTRL_CHK 0x02
#define SCSW_CSTAT_CHAIN_CHECK  0x01

/**
 * SCSW: subchannel-status word (command mode), host order.
 * @flags: word 0 bits 0-15, SCSW_FLAGS_MASK_*.
 * @ctrl: word 0 bits 16-31: SCSW_FCTL_*, SCSW_ACTL_*, SCSW_STCTL_*.
 * @cpa: word 1, CCW address (address of the last CCW executed + 8).
 * @dstat: device status, SCSW_DSTAT_*.
 * @cstat: subchannel status, SCSW_CSTAT_*.
 * @count: residual byte count of the last CCW.
 */
typedef struct SCSW {
    uint16_t flags;
    uint16_t ctrl;
    uint32_t cpa;
    uint8_t dstat;
    uint8_t cstat;
    uint16_t count;
} SCSW;
IOINST_ASSERT_SIZE(SCSW, count, SCSW_SIZE);

/* ------------------------------------------------------------------------
 * SCHIB, subchannel-information block (PoP ch. 15): 52 bytes
 *   0 PMCW (28), 28 SCSW (12), 40 measurement-block address (8),
 *   48 model-dependent area (4)
 * ------------------------------------------------------------------------ */
#define SCHIB_SIZE 52
#define SCHIB_MBA_ALIGN 64  /* MB format 1 (PMCW F): MBA on 64 bytes */

/**
 * SCHIB: subchannel-information block, host order.
 * @pmcw: path-management-control word.
 * @scsw: subchannel-status word.
 * @mba: measurement-block address (used with MB format 1).
 * @mda: model-dependent area, kept as bytes.
 */
typedef struct SCHIB {
    PMCW pmcw;
    SCSW scsw;
    uint64_t mba;
    uint8_t mda[4];
} SCHIB;
IOINST_ASSERT_SIZE(SCHIB, mda, SCHIB_SIZE);

/* ------------------------------------------------------------------------
 * ORB, operation-request block, command mode (PoP ch. 15,
 * "Operation-Request Block"): 12 bytes are carried; 32 bytes are fetched
 * architecturally when the ORB-extension bit X is one.
 * ------------------------------------------------------------------------ */
#define ORB_SIZE 12
#define ORB_EXT_SIZE 32

/* Word 1 bits 0-15 ("ctrl0"). */
#define ORB_CTRL0_MASK_KEY      0xf000  /* bits 0-3, subchannel key */
#define ORB_CTRL0_MASK_SPND     0x0800  /* bit 4, S suspend control */
#define ORB_CTRL0_MASK_STR      0x0400  /* bit 5, C streaming mode */
#define ORB_CTRL0_MASK_MOD      0x0200  /* bit 6, M modification ctl */
#define ORB_CTRL0_MASK_SYNC     0x0100  /* bit 7, Y synchronization ctl */
#define ORB_CTRL0_MASK_FMT      0x0080  /* bit 8, F format-1 CCWs */
#define ORB_CTRL0_MASK_PFCH     0x0040  /* bit 9, P prefetch allowed */
#define ORB_CTRL0_MASK_ISIC     0x0020  /* bit 10, I initial-status int */
#define ORB_CTRL0_MASK_ALCC     0x0010  /* bit 11, A address-limit check */
#define ORB_CTRL0_MASK_SSIC     0x0008  /* bit 12, U suppress-susp. int */
#define ORB_CTRL0_MASK_TM       0x0004  /* bit 13, B transport mode */
#define ORB_CTRL0_MASK_C64      0x0002  /* bit 14, H format-2 IDAWs */
#define ORB_CTRL0_MASK_I2K      0x0001  /* bit 15, T 2K format-2 IDAWs */
#define ORB_CTRL0_KEY_SHIFT     12

/* Word 1 bits 24-31 ("ctrl1"). */
#define ORB_CTRL1_MASK_ILS      0x80    /* bit 24, L suppress incorr. len */
#define ORB_CTRL1_MASK_MIDAW    0x40    /* bit 25, D MIDAW control */
#define ORB_CTRL1_MASK_RSVD     0x3e    /* bits 26-30, must be zero */
#define ORB_CTRL1_MASK_ORBX     0x01    /* bit 31, X ORB extension */

#define ORB_CPA_MASK_INVALID    0x80000000u /* word 2 bit 0 must be zero */

/**
 * ORB: operation-request block (first 12 bytes), host order.
 * @intparm: interruption parameter, stored into the PMCW on start.
 * @ctrl0: word 1 bits 0-15, ORB_CTRL0_MASK_*.
 * @lpm: logical-path mask for this start.
 * @ctrl1: word 1 bits 24-31, ORB_CTRL1_MASK_*.
 * @cpa: channel-program address (the first CCW).
 */
typedef struct ORB {
    uint32_t intparm;
    uint16_t ctrl0;
    uint8_t lpm;
    uint8_t ctrl1;
    uint32_t cpa;
} ORB;
IOINST_ASSERT_SIZE(ORB, cpa, ORB_SIZE);

/* ------------------------------------------------------------------------
 * ESW, extended-status word (PoP ch. 16, "Extended-Status Word"):
 * 20 bytes.  Format 0 (after a start function) is described; formats 1
 * and 2 only use the LPUM in word 0 and the ERW.
 * ------------------------------------------------------------------------ */
#define ESW_SIZE 20

/* Word 0, the subchannel logout (format 0). */
#define ESW_SUBLOG_MASK_ESF     0x7f000000u /* bits 1-7, ext. status flags */
#define ESW_SUBLOG_MASK_LPUM    0x00ff0000u /* bits 8-15, LPUM */
#define ESW_SUBLOG_LPUM_SHIFT   16
#define ESW_SUBLOG_MASK_A       0x00008000u /* bit 16, ancillary report */
#define ESW_SUBLOG_MASK_FVF     0x00007c00u /* bits 17-21, field validity */
#define ESW_SUBLOG_MASK_SAC     0x00000300u /* bits 22-23, storage access */
#define ESW_SUBLOG_MASK_TC      0x000000c0u /* bits 24-25, termination code */
#define ESW_SUBLOG_MASK_D       0x00000020u /* bit 26, device-status check */
#define ESW_SUBLOG_MASK_E       0x00000010u /* bit 27, secondary error */
#define ESW_SUBLOG_MASK_IOEA    0x00000008u /* bit 28, I/O-error alert */
#define ESW_SUBLOG_MASK_SEQ     0x00000007u /* bits 29-31, sequence code */

/* Word 1, the extended-report word (ERW). */
#define ESW_ERW_MASK_AUTH       0x10000000u /* bit 3, authorization check */
#define ESW_ERW_MASK_PVR        0x08000000u /* bit 4, path verif. required */
#define ESW_ERW_MASK_CPT        0x04000000u /* bit 5, channel-path timeout */
#define ESW_ERW_MASK_FSAV       0x02000000u /* bit 6, failing addr valid */
#define ESW_ERW_MASK_CONS       0x01000000u /* bit 7, concurrent sense */
#define ESW_ERW_MASK_SCAV       0x00800000u /* bit 8, secondary CCW valid */
#define ESW_ERW_MASK_FSAF       0x00400000u /* bit 9, failing addr format */
#define ESW_ERW_MASK_SCNT       0x003f0000u /* bits 10-15, sense count */
#define ESW_ERW_SCNT_SHIFT      16

/**
 * ESW: extended-status word (format 0 layout), host order.
 * @sublog: word 0, subchannel logout (ESW_SUBLOG_MASK_*).
 * @erw: word 1, extended-report word (ESW_ERW_MASK_*).
 * @faddr: words 2-3, failing-storage address (31-bit in word 0 when
 *         ERW bit 9 is zero, 64-bit over both words when it is one).
 * @saddr: word 4, secondary-CCW address.
 */
typedef struct ESW {
    uint32_t sublog;
    uint32_t erw;
    uint32_t faddr[2];
    uint32_t saddr;
} ESW;
IOINST_ASSERT_SIZE(ESW, saddr, ESW_SIZE);

/* ------------------------------------------------------------------------
 * IRB, interruption-response block (PoP ch. 16): 96 bytes
 *   0 SCSW (12), 12 ESW (20), 32 ECW (32), 64 EMW (32)
 * TSCH stores 64 bytes unless the extended-measurement word is stored.
 * ------------------------------------------------------------------------ */
#define IRB_SIZE 96
#define IRB_SIZE_NO_EMW 64
#define IRB_ECW_SIZE 32
#define IRB_EMW_WORDS 8
#define SENSE_DATA_SIZE 32      /* sense bytes kept per subchannel */
#define SENSE_CMD_REJECT 0x80   /* sense byte 0 bit 0: command reject */

/**
 * IRB: interruption-response block, host order.
 * @scsw: subchannel-status word.
 * @esw: extended-status word.
 * @ecw: extended-control word, bytes (sense data when ERW CONS is one).
 * @emw: extended-measurement word, 8 words.
 */
typedef struct IRB {
    SCSW scsw;
    ESW esw;
    uint8_t ecw[IRB_ECW_SIZE];
    uint32_t emw[IRB_EMW_WORDS];
} IRB;
IOINST_ASSERT_SIZE(IRB, emw, IRB_SIZE);

/* ------------------------------------------------------------------------
 * CCWs (PoP ch. 15, "Channel-Command Word"): 8 bytes, doubleword aligned
 *   format 0: command, 24-bit data address, flags, (ignored), count
 *   format 1: command, flags, count, 31-bit data address
 * ------------------------------------------------------------------------ */
#define CCW_SIZE 8
#define CCW_ALIGN 8

#define CCW_FLAG_CD             0x80    /* chain data */
#define CCW_FLAG_CC             0x40    /* chain command */
#define CCW_FLAG_SLI            0x20    /* suppress length indication */
#define CCW_FLAG_SKIP           0x10    /* skip data transfer */
#define CCW_FLAG_PCI            0x08    /* program-controlled interruption */
#define CCW_FLAG_IDA            0x04    /* indirect data addressing */
#define CCW_FLAG_SUSPEND        0x02    /* suspend before this CCW */
#define CCW_FLAG_MIDA           0x01    /* modified IDA */

#define CCW0_CDA_MASK           0x00ffffffu /* 24-bit data address */
#define CCW1_CDA_MASK_INVALID   0x80000000u /* bit 0 must be zero */
#define CCW0_CPA_LIMIT          0x01000000u /* fmt-0 CCWs below 16 MiB */
#define CCW1_CPA_LIMIT          0x80000000u /* fmt-1 CCWs below 2 GiB */

/* Command codes the model knows by name. */
#define CCW_CMD_TIC             0x08
#define CCW_CMD_NOOP            0x03
#define CCW_CMD_BASIC_SENSE     0x04
#define CCW_CMD_SENSE_ID        0xe4

/**
 * CcwCmdClass: the kind of a command code, from its low bits (PoP ch. 15,
 * "Command Code").
 * @CCW_CMD_CLASS_INVALID: low nibble 0 (a "test" command): invalid.
 * @CCW_CMD_CLASS_WRITE: low 2 bits 01.
 * @CCW_CMD_CLASS_READ: low 2 bits 10 (other than the cases below).
 * @CCW_CMD_CLASS_CONTROL: low 2 bits 11.
 * @CCW_CMD_CLASS_SENSE: low nibble 0100.
 * @CCW_CMD_CLASS_TIC: low nibble 1000 (transfer in channel).
 * @CCW_CMD_CLASS_READ_BACKWARD: low nibble 1100.
 */
typedef enum CcwCmdClass {
    CCW_CMD_CLASS_INVALID,
    CCW_CMD_CLASS_WRITE,
    CCW_CMD_CLASS_READ,
    CCW_CMD_CLASS_CONTROL,
    CCW_CMD_CLASS_SENSE,
    CCW_CMD_CLASS_TIC,
    CCW_CMD_CLASS_READ_BACKWARD,
} CcwCmdClass;

/** ccw_cmd_class: Returns: the class of command code @cmd. */
static inline CcwCmdClass ccw_cmd_class(uint8_t cmd)
{
    switch (cmd & 0x0f) {
    case 0x0:
        return CCW_CMD_CLASS_INVALID;
    case 0x4:
        return CCW_CMD_CLASS_SENSE;
    case 0x8:
        return CCW_CMD_CLASS_TIC;
    case 0xc:
        return CCW_CMD_CLASS_READ_BACKWARD;
    }
    switch (cmd & 0x3) {
    case 0x1:
        return CCW_CMD_CLASS_WRITE;
    case 0x2:
        return CCW_CMD_CLASS_READ;
    default:
        return CCW_CMD_CLASS_CONTROL;
    }
}

/**
 * CCW0: format-0 CCW, host order.
 * @cmd_code: command code.  @flags: CCW_FLAG_*.
 * @count: byte count.  @cda: 24-bit data address (CCW0_CDA_MASK).
 * The field order differs from the guest layout; only the conversion
 * helpers know the byte positions.
 */
typedef struct CCW0 {
    uint8_t cmd_code;
    uint8_t flags;
    uint16_t count;
    uint32_t cda;
} CCW0;
IOINST_ASSERT_SIZE(CCW0, cda, CCW_SIZE);

/**
 * CCW1: format-1 CCW, host order.
 * @cmd_code: command code.  @flags: CCW_FLAG_*.
 * @count: byte count.  @cda: 31-bit data address (bit 0 must be zero).
 */
typedef struct CCW1 {
    uint8_t cmd_code;
    uint8_t flags;
    uint16_t count;
    uint32_t cda;
} CCW1;
IOINST_ASSERT_SIZE(CCW1, cda, CCW_SIZE);

/* ------------------------------------------------------------------------
 * IDAWs (PoP ch. 15, "Indirect Data Addressing")
 *   format 1: 4 bytes, 31-bit address, each IDAW up to a 2 KiB boundary
 *   format 2: 8 bytes, 64-bit address, 4 KiB blocks (2 KiB if ORB T=1)
 * ORB H (C64) selects format 2.  The first IDAW may point anywhere; every
 * following one must be aligned to the block size.
 * ------------------------------------------------------------------------ */
#define IDAW1_SIZE 4
#define IDAW2_SIZE 8
#define IDAW1_ADDR_MASK_INVALID 0x80000000u
#define IDAW1_BLOCK 2048
#define IDAW2_BLOCK_4K 4096
#define IDAW2_BLOCK_2K 2048

/**
 * idaw_count: number of IDAWs that describe a transfer.
 * @addr: data address in the first IDAW.
 * @len: byte count (a count of 0 still needs one IDAW).
 * @block: IDAW block size, a power of two (IDAW1_BLOCK, IDAW2_BLOCK_*).
 * Returns: ceil(((@addr mod @block) + @len) / @block), at least 1.
 */
static inline uint64_t idaw_count(uint64_t addr, uint32_t len, uint32_t block)
{
    uint64_t span = (addr & (block - 1)) + (len ? len : 1);

    return (span + block - 1) / block;
}

/* ------------------------------------------------------------------------
 * CRW, channel-report word (PoP ch. 17, "Channel-Report Word"): 4 bytes
 * ------------------------------------------------------------------------ */
#define CRW_SIZE 4

#define CRW_FLAGS_MASK_S        0x4000  /* bit 1, solicited */
#define CRW_FLAGS_MASK_R        0x2000  /* bit 2, overflow: CRWs lost */
#define CRW_FLAGS_MASK_C        0x1000  /* bit 3, chaining */
#define CRW_FLAGS_MASK_RSC      0x0f00  /* bits 4-7, reporting-source code */
#define CRW_FLAGS_RSC_SHIFT     8
#define CRW_FLAGS_MASK_A        0x0080  /* bit 8, ancillary report */
#define CRW_FLAGS_MASK_ERC      0x003f  /* bits 10-15, error-recovery code */

#define CRW_RSC_MONITOR         0x2
#define CRW_RSC_SUBCH           0x3
#define CRW_RSC_CHP             0x4
#define CRW_RSC_CAF             0x9     /* configuration-alert facility */
#define CRW_RSC_CSS             0xb

#define CRW_ERC_EVENT           0x00    /* event information pending */
#define CRW_ERC_AVAIL           0x01    /* available */
#define CRW_ERC_INIT            0x02    /* initialized */
#define CRW_ERC_TERROR          0x03    /* temporary error */
#define CRW_ERC_IPI             0x04    /* installed parameters initialized */
#define CRW_ERC_TERM            0x05    /* terminal */
#define CRW_ERC_PERRN           0x06    /* permanent error, not initialized */
#define CRW_ERC_PERRI           0x07    /* permanent error, initialized */
#define CRW_ERC_PMOD            0x08    /* installed parameters modified */

/**
 * CRW: channel-report word, host order.
 * @flags: bits 0-15: CRW_FLAGS_MASK_*, RSC and ERC.
 * @rsid: bits 16-31, reporting-source id (schno, chpid, ...).
 */
typedef struct CRW {
    uint16_t flags;
    uint16_t rsid;
} CRW;
IOINST_ASSERT_SIZE(CRW, rsid, CRW_SIZE);

/* ------------------------------------------------------------------------
 * I/O-interruption code (PoP ch. 16, "I/O-Interruption Code"), stored in
 * the lowcore at 0xb8-0xc3 on an interruption or by TPI with operand 0;
 * TPI with a non-zero operand stores only the first 8 bytes there.
 * ------------------------------------------------------------------------ */
#define IO_INT_CODE_SIZE 12
#define IO_INT_CODE_TPI_SIZE 8
#define LOWCORE_IO_INT_CODE 0xb8

#define IO_INT_WORD_AI          0x80000000u /* bit 0, adapter interruption */
#define IO_INT_WORD_ISC_MASK    0x38000000u /* bits 2-4, ISC */
#define IO_INT_WORD_ISC_SHIFT   27

/**
 * IOIntCode: I/O-interruption code, host order.
 * @sid: subsystem-identification word (ioinst_sid_encode()).
 * @intparm: interruption parameter of the subchannel.
 * @intid: interruption-identification word (IO_INT_WORD_*).
 */
typedef struct IOIntCode {
    uint32_t sid;
    uint32_t intparm;
    uint32_t intid;
} IOIntCode;
IOINST_ASSERT_SIZE(IOIntCode, intid, IO_INT_CODE_SIZE);

/* ------------------------------------------------------------------------
 * CHANNEL SUBSYSTEM CALL: command-request block header (16 bytes) and
 * response-block header (8 bytes).  The response follows the request at
 * request address + request length.
 * ------------------------------------------------------------------------ */
#define CHSC_REQ_HDR_SIZE 16
#define CHSC_RESP_HDR_SIZE 8
#define CHSC_AREA_SIZE 4096
#define CHSC_REQ_LEN_MIN 16
#define CHSC_REQ_LEN_MAX (CHSC_AREA_SIZE - 8)

#define CHSC_CMD_SCPD           0x0002  /* store channel-path description */
#define CHSC_CMD_SEI            0x000e  /* store event information */
#define CHSC_CMD_SCSC           0x0010  /* store css characteristics */
#define CHSC_CMD_SDA            0x0031  /* set domain attributes */

#define CHSC_RC_OK              0x0001
#define CHSC_RC_REQUEST_INVALID 0x0003  /* bad length or reserved bits */
#define CHSC_RC_NOT_SUPPORTED   0x0004
#define CHSC_RC_NO_EVENT        0x0005  /* SEI: nothing to store */
#define CHSC_RC_FORMAT_INVALID  0x0007
#define CHSC_RC_CSSID_INVALID   0x0008
#define CHSC_RC_SDA_FAILED      0x0101

/**
 * ChscReqHeader: CHSC command-request block header, host order.
 * @length: request length in bytes (16-4088, a multiple of 8).
 * @command: CHSC_CMD_*.
 * @param: the three words at offsets 4, 8 and 12 (command-specific).
 */
typedef struct ChscReqHeader {
    uint16_t length;
    uint16_t command;
    uint32_t param[3];
} ChscReqHeader;
IOINST_ASSERT_SIZE(ChscReqHeader, param, CHSC_REQ_HDR_SIZE);

/**
 * ChscRespHeader: CHSC response-block header, host order.
 * @length: response length in bytes, header included.
 * @code: response code, CHSC_RC_*.
 * @param: format / command-specific word.
 */
typedef struct ChscRespHeader {
    uint16_t length;
    uint16_t code;
    uint32_t param;
} ChscRespHeader;
IOINST_ASSERT_SIZE(ChscRespHeader, param, CHSC_RESP_HDR_SIZE);

/* ------------------------------------------------------------------------
 * Conversions between guest (big-endian) bytes and the host structures.
 * @be points at the architected bytes (*_SIZE of them, any alignment);
 * the host structure is the other side.  Nothing is validated here: the
 * caller applies the architected checks on the host values.
 * Implemented in hw/s390x/ioinst-conv.c.
 * ------------------------------------------------------------------------ */

/** copy_pmcw_from_guest: @be: PMCW_SIZE bytes; @host: filled. */
void copy_pmcw_from_guest(const uint8_t *be, PMCW *host);
/** copy_pmcw_to_guest: @be: PMCW_SIZE bytes written; @host: source. */
void copy_pmcw_to_guest(uint8_t *be, const PMCW *host);
/** copy_scsw_from_guest: @be: SCSW_SIZE bytes; @host: filled. */
void copy_scsw_from_guest(const uint8_t *be, SCSW *host);
/** copy_scsw_to_guest: @be: SCSW_SIZE bytes written; @host: source. */
void copy_scsw_to_guest(uint8_t *be, const SCSW *host);
/** copy_schib_from_guest: @be: SCHIB_SIZE bytes; @host: filled. */
void copy_schib_from_guest(const uint8_t *be, SCHIB *host);
/** copy_schib_to_guest: @be: SCHIB_SIZE bytes written; @host: source. */
void copy_schib_to_guest(uint8_t *be, const SCHIB *host);
/** copy_orb_from_guest: @be: ORB_SIZE bytes; @host: filled. */
void copy_orb_from_guest(const uint8_t *be, ORB *host);
/** copy_orb_to_guest: @be: ORB_SIZE bytes written; @host: source. */
void copy_orb_to_guest(uint8_t *be, const ORB *host);
/** copy_esw_from_guest: @be: ESW_SIZE bytes; @host: filled. */
void copy_esw_from_guest(const uint8_t *be, ESW *host);
/** copy_esw_to_guest: @be: ESW_SIZE bytes written; @host: source. */
void copy_esw_to_guest(uint8_t *be, const ESW *host);
/** copy_irb_from_guest: @be: IRB_SIZE bytes; @host: filled. */
void copy_irb_from_guest(const uint8_t *be, IRB *host);
/**
 * copy_irb_to_guest: @be: IRB_SIZE bytes written (all 96, even when the
 * caller then stores only IRB_SIZE_NO_EMW of them); @host: source.
 */
void copy_irb_to_guest(uint8_t *be, const IRB *host);
/** copy_ccw0_from_guest: @be: CCW_SIZE bytes, format 0; @host: filled. */
void copy_ccw0_from_guest(const uint8_t *be, CCW0 *host);
/** copy_ccw0_to_guest: @be: CCW_SIZE bytes written; @host: source. */
void copy_ccw0_to_guest(uint8_t *be, const CCW0 *host);
/** copy_ccw1_from_guest: @be: CCW_SIZE bytes, format 1; @host: filled. */
void copy_ccw1_from_guest(const uint8_t *be, CCW1 *host);
/** copy_ccw1_to_guest: @be: CCW_SIZE bytes written; @host: source. */
void copy_ccw1_to_guest(uint8_t *be, const CCW1 *host);
/** copy_idaw1_from_guest: @be: 4 bytes. Returns: the IDAW (bit 0 kept). */
uint32_t copy_idaw1_from_guest(const uint8_t *be);
/** copy_idaw2_from_guest: @be: 8 bytes. Returns: the 64-bit IDAW. */
uint64_t copy_idaw2_from_guest(const uint8_t *be);
/** copy_idaw1_to_guest: @be: 4 bytes written with @idaw. */
void copy_idaw1_to_guest(uint8_t *be, uint32_t idaw);
/** copy_idaw2_to_guest: @be: 8 bytes written with @idaw. */
void copy_idaw2_to_guest(uint8_t *be, uint64_t idaw);
/** copy_crw_from_guest: @be: CRW_SIZE bytes; @host: filled. */
void copy_crw_from_guest(const uint8_t *be, CRW *host);
/** copy_crw_to_guest: @be: CRW_SIZE bytes written; @host: source. */
void copy_crw_to_guest(uint8_t *be, const CRW *host);
/** copy_io_int_code_from_guest: @be: IO_INT_CODE_SIZE bytes; @host: filled. */
void copy_io_int_code_from_guest(const uint8_t *be, IOIntCode *host);
/** copy_io_int_code_to_guest: @be: IO_INT_CODE_SIZE bytes written. */
void copy_io_int_code_to_guest(uint8_t *be, const IOIntCode *host);
/** copy_chsc_req_header_from_guest: @be: CHSC_REQ_HDR_SIZE bytes. */
void copy_chsc_req_header_from_guest(const uint8_t *be, ChscReqHeader *host);
/** copy_chsc_resp_header_to_guest: @be: CHSC_RESP_HDR_SIZE bytes written. */
void copy_chsc_resp_header_to_guest(uint8_t *be, const ChscRespHeader *host);

/**
 * ccw0_to_ccw1: widen a format-0 CCW to format 1 (PoP ch. 15: the two
 * formats describe the same operation).  A TIC is normalised to command
 * 0x08 with flags and count zero, because in format 0 the high nibble of
 * a TIC's command code, its flags and its count are ignored.
 * @in: format-0 CCW.  @out: the equivalent format-1 CCW.
 */
void ccw0_to_ccw1(const CCW0 *in, CCW1 *out);

#endif /* HW_S390X_IOINST_H */
