/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libcss.h: a guest's channel I/O, for qtests: lay out ORBs and CCWs in
 * guest memory (big-endian, as the architecture defines them) and run
 * the I/O instructions through the qtest protocol.
 *
 * Layouts (PoP ch. 15-16): ORB word 0 intparm, word 1 key/flags/LPM,
 * word 2 CPA; format-1 CCW: command, flags, count, data address.
 */
#ifndef TESTS_QTEST_LIBCSS_H
#define TESTS_QTEST_LIBCSS_H

#include <stdint.h>
#include "libqtest.h"

/* SID of subchannel @schno in set @ssid, for a guest without MCSS-E. */
#define CSS_SID(ssid, schno) (0x00010000u | ((uint32_t)(ssid) << 17) | (schno))

/* ORB word 1: format-1 CCWs (F), prefetch allowed (P), LPM 0xff. */
#define ORB_W1_FMT1_PFCH_LPM 0x00c0ff00u

#define CCW_FLAG_CD   0x80
#define CCW_FLAG_CC   0x40
#define CCW_FLAG_SLI  0x20
#define CCW_FLAG_SKIP 0x10
#define CCW_FLAG_PCI  0x08
#define CCW_FLAG_IDA  0x04
#define CCW_FLAG_S    0x02

/**
 * css_insn: "ioinst NAME GR1 [OP]" (@op is not sent for the instructions
 * without a second operand: csch, hsch, xsch, rsch, rchp, sal).
 * Returns: cc 0-3, or 0x100 + the program-interruption code.
 */
int css_insn(QTestState *s, const char *name, uint32_t gr1, uint64_t op);

/** css_pgm: Returns: the value css_insn() returns for program code @code. */
static inline int css_pgm(int code)
{
    return 0x100 + code;
}

/** css_enable: MSCH the subchannel enabled with @isc and @intparm; asserts cc 0. */
void css_enable(QTestState *s, uint32_t sid, unsigned isc, uint32_t intparm);

/** css_write_ccw1: store a format-1 CCW at @addr. */
void css_write_ccw1(QTestState *s, uint64_t addr, uint8_t cmd, uint8_t flags,
                    uint16_t count, uint32_t data);

/** css_write_orb: store an ORB at @addr. */
void css_write_orb(QTestState *s, uint64_t addr, uint32_t intparm,
                   uint32_t word1, uint32_t cpa);

/**
 * css_wait_io: enable every ISC in CR6 and wait up to @ms for an I/O
 * interruption.  Returns: true and the code's words, or false for none.
 */
bool css_wait_io(QTestState *s, int ms, uint32_t *sid, uint32_t *intparm,
                 uint32_t *intid);

/**
 * CssIrbView: the SCSW fields of an IRB stored by TSCH (host order).
 */
typedef struct CssIrbView {
    uint16_t flags;     /* word 0 bits 0-15 */
    uint16_t ctrl;      /* word 0 bits 16-31: FC, AC, SC */
    uint32_t cpa;
    uint8_t dstat;
    uint8_t cstat;
    uint16_t count;
    uint32_t esw0;
    uint32_t erw;
    uint8_t ecw[32];
} CssIrbView;

/** css_tsch: TSCH into @irb_addr; Returns: cc; @irb filled from guest memory. */
int css_tsch(QTestState *s, uint32_t sid, uint64_t irb_addr, CssIrbView *irb);

#endif /* TESTS_QTEST_LIBCSS_H */
