/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu.h: the CPU state the I/O instructions need.
 *
 * There is no CPU model yet: under -qtest the test client is the CPU and
 * this is all of it the instruction handlers (target/s390x/ioinst.c)
 * look at: the problem-state bit of the PSW (I/O instructions are
 * privileged), the PSW condition code, control register 6 (the
 * I/O-interruption subclass mask) and guest RAM (prefix 0: real
 * addresses are absolute).  A later CPU embeds or replaces it.
 */
#ifndef TARGET_S390X_CPU_H
#define TARGET_S390X_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "system/memory.h"

/*
 * CR6 bits 32-39: ISC 0-7 enabled (PoP ch. 16, "I/O-Interruption
 * Subclass Mask"); in the 64-bit value ISC n is 1 << (31 - n).
 */
#define CR6_ISC_MASK_SHIFT 24

/**
 * S390CPU: the CPU state seen by the I/O instructions.
 * @ram: guest RAM (borrowed).
 * @cr6: control register 6; only bits 32-39 (the ISC mask) are used.
 * @problem_state: PSW bit 15: I/O instructions then give a
 *     privileged-operation exception.
 * @cc: PSW condition code, as the last instruction left it.
 */
typedef struct S390CPU {
    GuestRAM *ram;
    uint64_t cr6;
    bool problem_state;
    uint8_t cc;
} S390CPU;

/** s390_cpu_isc_mask: Returns: CR6's ISC mask, 0x80 >> n for ISC n. */
static inline uint8_t s390_cpu_isc_mask(const S390CPU *cpu)
{
    return (cpu->cr6 >> CR6_ISC_MASK_SHIFT) & 0xff;
}

#endif /* TARGET_S390X_CPU_H */
