/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ioinst.h: the I/O instructions as a CPU executes them.
 *
 * One handler per instruction (PoP ch. 14) decodes its operands, reads
 * and writes guest RAM (converting at the copy_*_guest() boundary),
 * recognises the program exceptions, and otherwise lets the channel
 * subsystem (hw/s390x/css.h) decide the condition code.  The checking
 * order is: privileged operation, specification (operand alignment),
 * access to the operand (addressing: outside guest RAM), operand
 * validity (operand exception), subchannel not there (cc 3), and the
 * subchannel's state; per-instruction exceptions to that order are
 * QEMU's and are named at each handler (facts §2).  A suppressed
 * instruction changes nothing in guest RAM or in the channel subsystem.
 *
 * Who may call: the qtest server (requests "ioinst NAME GR1 [OPERAND]",
 * "s390x_io_wait") and, later, a CPU model's intercepts.
 */
#ifndef TARGET_S390X_IOINST_H
#define TARGET_S390X_IOINST_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/s390x/css.h"
#include "target/s390x/cpu.h"

/**
 * IOInstResult: how an instruction ended.
 * @pgm: 0 when it completed; else the program-interruption code
 *     (PGM_PRIVILEGED, PGM_SPECIFICATION, PGM_ADDRESSING, PGM_OPERAND)
 *     and the instruction was suppressed.
 * @cc: the PSW condition code after completion (unchanged by SCHM and
 *     SAL, which set none); meaningless when @pgm is set.
 */
typedef struct IOInstResult {
    uint16_t pgm;
    uint8_t cc;
} IOInstResult;

/**
 * IOInstHandler: execute one I/O instruction.
 * @cpu: CPU state (RAM, CR6, problem state; @cpu->cc is updated).
 * @css: the channel subsystem.
 * @reg1: general register 1 (the SID for subchannel instructions; the
 *     SCHM controls; the CHPID for RCHP).
 * @op2: the second-operand address (SCHM: general register 2, the
 *     measurement-block origin); ignored by CSCH, HSCH, XSCH, RSCH,
 *     RCHP and SAL.
 */
typedef IOInstResult (*IOInstHandler)(S390CPU *cpu, ChannelSubSys *css,
                                      uint64_t reg1, uint64_t op2);

/**
 * IOInstDesc: one instruction for a dispatch table.
 * @name: the mnemonic in lower case ("ssch").
 * @handler: its handler.
 * @has_operand: whether @op2 means anything.
 */
typedef struct IOInstDesc {
    const char *name;
    IOInstHandler handler;
    bool has_operand;
} IOInstDesc;

/**
 * ioinst_by_name: Returns: the instruction called @name (ssch, stsch,
 * msch, tsch, csch, hsch, xsch, rsch, tpi, stcrw, schm, rchp, chsc, sal),
 * or NULL.
 */
const IOInstDesc *ioinst_by_name(const char *name);

/**
 * ioinst_handle_ssch: START SUBCHANNEL: @reg1 SID, @op2 ORB (word aligned, 12
 *     bytes).
 */
IOInstResult ioinst_handle_ssch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_stsch: STORE SUBCHANNEL: @reg1 SID, @op2 SCHIB store area (52
 *     bytes).
 */
IOInstResult ioinst_handle_stsch(S390CPU *cpu, ChannelSubSys *css,
                                 uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_msch: MODIFY SUBCHANNEL: @reg1 SID, @op2 SCHIB (word aligned,
 *     52 bytes).
 */
IOInstResult ioinst_handle_msch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_tsch: TEST SUBCHANNEL: @reg1 SID, @op2 IRB store area (64/96
 *     bytes).
 */
IOInstResult ioinst_handle_tsch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_csch: CLEAR SUBCHANNEL: @reg1 SID.
 */
IOInstResult ioinst_handle_csch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_hsch: HALT SUBCHANNEL: @reg1 SID.
 */
IOInstResult ioinst_handle_hsch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_xsch: CANCEL SUBCHANNEL: @reg1 SID.
 */
IOInstResult ioinst_handle_xsch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_rsch: RESUME SUBCHANNEL: @reg1 SID.
 */
IOInstResult ioinst_handle_rsch(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_tpi: TEST PENDING INTERRUPTION: @op2 0 (lowcore 0xb8) or
 *     8-byte area.
 */
IOInstResult ioinst_handle_tpi(S390CPU *cpu, ChannelSubSys *css,
                               uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_stcrw: STORE CHANNEL REPORT WORD: @op2 CRW store area (4
 *     bytes).
 */
IOInstResult ioinst_handle_stcrw(S390CPU *cpu, ChannelSubSys *css,
                                 uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_schm: SET CHANNEL MONITOR: @reg1 controls (U 0x2), @op2 GR2
 *     origin.
 */
IOInstResult ioinst_handle_schm(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_rchp: RESET CHANNEL PATH: @reg1 CSSID bits 40-47, CHPID bits
 *     56-63.
 */
IOInstResult ioinst_handle_rchp(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_chsc: CHANNEL SUBSYSTEM CALL: @op2 4 KiB-aligned request
 *     block.
 */
IOInstResult ioinst_handle_chsc(S390CPU *cpu, ChannelSubSys *css,
                                uint64_t reg1, uint64_t op2);
/**
 * ioinst_handle_sal: SET ADDRESS LIMIT: @reg1 checked only (no limit checking
 *     here).
 */
IOInstResult ioinst_handle_sal(S390CPU *cpu, ChannelSubSys *css,
                               uint64_t reg1, uint64_t op2);

/**
 * ioinst_accept_io_interruption: take a pending I/O interruption as a CPU
 * enabled for I/O does (what qtest's s390x_io_wait does when one is
 * pending): the one of highest priority among the ISCs enabled in CR6 is
 * dequeued and its 12-byte interruption code stored in the lowcore at
 * 0xb8 (PoP ch. 16, "I/O-Interruption Code").
 * @code: the interruption code (SID, intparm, identification word).
 * Returns: false if none is pending for an enabled ISC.
 */
bool ioinst_accept_io_interruption(S390CPU *cpu, ChannelSubSys *css,
                                   IOIntCode *code);

#endif /* TARGET_S390X_IOINST_H */
