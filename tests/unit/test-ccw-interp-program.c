/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ccw-interp-program.c: cases for the walk through a channel program.
 *
 * CCW formats, command codes, command and data chaining, TIC, the CCW
 * address stored at the end, suspension, PCI, device status and the
 * bound on a run (PoP ch. 15 and ch. 16).
 *
 * Expected values are worked out by hand from the rules named in each
 * path; see test-ccw-interp.h for what a case holds.
 */
#include "qemu/osdep.h"

#include "test-ccw-interp.h"

const Case ccw_interp_program_cases[] = {
    /* --- CCW formats ------------------------------------------------------ */
    {
        .path = "/ccw-interp/fmt1/read-decodes-command-flags-count-address",
        .ccw = { { PROG, 0x02, SLI, 4, DATA } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1, .ccws = 1 },
        .mem = { { DATA, B("ABCD\xee") } },
        .calls = { { 0x02, false, 4 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/fmt0/read-decodes-command-address-flags-count",
        .fmt0 = true,
        .ccw = { { PROG, 0x02, SLI, 4, DATA } },
        /* byte 5 of a format-0 CCW is ignored */
        .data = { { PROG + 5, B("\xff") } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { DATA, B("ABCD\xee") } },
        .calls = { { 0x02, false, 4 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/fmt0/count-zero-is-program-check",
        .fmt0 = true,
        .ccw = { { PROG, 0x02, 0, 0, DATA } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
        .no_writes = true,
    },
    {
        .path = "/ccw-interp/fmt1/count-zero-without-cd-is-executed",
        .ccw = { { PROG, 0x13, 0, 0, 0 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .calls = { { 0x13, false, 0 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/fmt1/count-zero-with-cd-is-program-check",
        .ccw = { { PROG, 0x01, CD, 0, DATA },
                 { PROG + 8, 0x01, 0, 4, DATA + 0x100 } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/fmt1/count-zero-fetched-on-data-chaining-is-"
                "program-check",
        .ccw = { { PROG, 0x01, CD, 2, DATA },
                 { PROG + 8, 0x01, 0, 0, DATA + 0x100 } },
        .data = { { DATA, B("AB") } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .cstat = C_PGM,
                  .commands = 1 },
        .fetched = B("AB"),
        .calls = { { 0x01, false, 2 } },
        .check_calls = true,
    },

    /* --- command codes ---------------------------------------------------- */
    {
        .path = "/ccw-interp/cmd/low-nibble-zero-is-program-check",
        .ccw = { { PROG, 0x10, 0, 4, DATA } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/cmd/invalid-code-on-command-chaining-is-"
                "program-check",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x00, 0, 4, DATA } },
        .want = { .cpa = PROG + 16, .cstat = C_PGM, .commands = 1 },
    },

    /* --- chaining --------------------------------------------------------- */
    {
        .path = "/ccw-interp/chain/cd-new-command-code-is-ignored",
        .ccw = { { PROG, 0x01, CD, 2, DATA },
                 { PROG + 8, 0x00, 0, 2, DATA + 0x100 } },
        .data = { { DATA, B("AB") }, { DATA + 0x100, B("CD") } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .commands = 1 },
        .fetched = B("ABCD"),
        .calls = { { 0x01, false, 4 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/chain/cd-write-gathers-data",
        .ccw = { { PROG, 0x01, CD, 2, DATA },
                 { PROG + 8, 0x01, CD, 3, DATA + 0x100 },
                 { PROG + 16, 0x01, 0, 1, DATA + 0x200 } },
        .data = { { DATA, B("AB") }, { DATA + 0x100, B("CDE") },
                  { DATA + 0x200, B("F") } },
        .want = { .cpa = PROG + 24, .dstat = CEDE, .commands = 1,
                  .ccws = 3 },
        .fetched = B("ABCDEF"),
        .calls = { { 0x01, false, 6 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/chain/cd-read-scatters-data",
        .ccw = { { PROG, 0x02, CD, 3, DATA },
                 { PROG + 8, 0x02, 0, 3, DATA + 0x100 } },
        .step = { { .data = B("ABCDEF") } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .commands = 1 },
        .mem = { { DATA, B("ABC\xee") }, { DATA + 0x100, B("DEF\xee") } },
        .calls = { { 0x02, false, 6 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/chain/cd-takes-flags-from-new-ccw",
        .ccw = { { PROG, 0x02, CD, 2, DATA },
                 { PROG + 8, 0x02, SKIP | SLI, 2, DATA + 0x100 } },
        .step = { { .data = B("ABCDEF") } },
        /* long block, but SLI of the new CCW suppresses it */
        .want = { .cpa = PROG + 16, .dstat = CEDE, .commands = 1 },
        .mem = { { DATA, B("AB\xee") }, { DATA + 0x100, B("\xee\xee") } },
    },
    {
        .path = "/ccw-interp/chain/cc-sends-next-command-chained",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x13, 0, 0, 0 } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .commands = 2 },
        .calls = { { 0x03, false, 0 }, { 0x13, true, 0 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/chain/no-cc-ends-program",
        .ccw = { { PROG, 0x03, 0, 0, 0 },
                 { PROG + 8, 0x13, 0, 0, 0 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
    },
    {
        .path = "/ccw-interp/chain/cd-takes-precedence-over-cc",
        .ccw = { { PROG, 0x02, CD | CC, 2, DATA },
                 { PROG + 8, 0x02, CC, 2, DATA + 0x100 },
                 { PROG + 16, 0x03, 0, 0, 0 } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 24, .dstat = CEDE, .commands = 2 },
        .mem = { { DATA, B("AB\xee") }, { DATA + 0x100, B("CD\xee") } },
        .calls = { { 0x02, false, 4 }, { 0x03, true, 0 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/echo/write-then-read-returns-data",
        .ccw = { { PROG, 0x01, CC, 5, DATA },
                 { PROG + 8, 0x02, 0, 5, DATA + 0x100 } },
        .data = { { DATA, B("HELLO") } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .commands = 2 },
        .mem = { { DATA + 0x100, B("HELLO\xee") } },
        .fetched = B("HELLO"),
    },

    /* --- transfer in channel ---------------------------------------------- */
    {
        .path = "/ccw-interp/tic/tic-to-tic-is-program-check",
        .ccw = { { PROG, 0x08, 0, 0, PROG + 0x100 },
                 { PROG + 0x100, 0x08, 0, 0, PROG + 0x200 },
                 { PROG + 0x200, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 0x108, .cstat = C_PGM, .ccws = 2 },
    },
    {
        .path = "/ccw-interp/tic/fmt1-nonzero-flags-is-program-check",
        .ccw = { { PROG, 0x08, CC, 0, PROG + 0x100 },
                 { PROG + 0x100, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/tic/fmt1-nonzero-count-is-program-check",
        .ccw = { { PROG, 0x08, 0, 8, PROG + 0x100 },
                 { PROG + 0x100, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/tic/fmt1-nonzero-high-nibble-is-program-check",
        .ccw = { { PROG, 0x18, 0, 0, PROG + 0x100 },
                 { PROG + 0x100, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/tic/fmt0-ignores-flags-count-and-high-nibble",
        .fmt0 = true,
        .ccw = { { PROG, 0xf8, 0xff, 0xffff, PROG + 0x100 },
                 { PROG + 0x100, 0x03, SLI, 1, 0 } },
        .want = { .cpa = PROG + 0x108, .dstat = CEDE, .count = 1,
                  .commands = 1 },
    },
    {
        .path = "/ccw-interp/tic/unaligned-target-is-program-check-at-tic",
        .ccw = { { PROG, 0x08, 0, 0, PROG + 0x104 } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/tic/unavailable-target-is-program-check-at-tic",
        .ccw = { { PROG, 0x08, 0, 0, 0x00400000 } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/tic/fmt1-target-above-2g-is-program-check-at-"
                "tic",
        .ccw = { { PROG, 0x08, 0, 0, 0x80000000 } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/tic/after-cd-continues-data-chain",
        .ccw = { { PROG, 0x01, CD, 2, DATA },
                 { PROG + 8, 0x08, 0, 0, PROG + 0x100 },
                 { PROG + 0x100, 0x00, 0, 2, DATA + 0x100 } },
        .data = { { DATA, B("AB") }, { DATA + 0x100, B("CD") } },
        .want = { .cpa = PROG + 0x108, .dstat = CEDE, .commands = 1 },
        .fetched = B("ABCD"),
        .calls = { { 0x01, false, 4 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/tic/first-ccw-may-be-tic",
        .ccw = { { PROG, 0x08, 0, 0, PROG + 0x100 },
                 { PROG + 0x100, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 0x108, .dstat = CEDE, .commands = 1 },
    },
    {
        .path = "/ccw-interp/tic/command-chains-through-tic",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x08, 0, 0, PROG + 0x100 },
                 { PROG + 0x100, 0x13, 0, 0, 0 } },
        .want = { .cpa = PROG + 0x108, .dstat = CEDE, .commands = 2 },
        .calls = { { 0x03, false, 0 }, { 0x13, true, 0 } },
        .check_calls = true,
    },

    /* --- CCW address ------------------------------------------------------ */
    {
        .path = "/ccw-interp/cpa/unaligned-is-program-check",
        .cpa = PROG + 4,
        .ccw = { { PROG, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 12, .cstat = C_PGM },
        .no_reads = true,
    },
    {
        .path = "/ccw-interp/cpa/fmt0-above-16m-is-program-check",
        .fmt0 = true,
        .cpa = 0x01000000,
        .ccw = { { 0x01000000, 0x03, 0, 0, 0 } },
        .want = { .cpa = 0x01000008, .cstat = C_PGM },
        .no_reads = true,
    },
    {
        .path = "/ccw-interp/cpa/unavailable-is-program-check",
        .cpa = 0x00400000,
        .want = { .cpa = 0x00400008, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/cpa/last-ccw-plus-8",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x03, CC, 0, 0 },
                 { PROG + 16, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 24, .dstat = CEDE, .commands = 3 },
    },
    {
        .path = "/ccw-interp/cpa/chaining-past-storage-is-program-check",
        .cpa = LOW_SIZE - 8,
        .ccw = { { LOW_SIZE - 8, 0x03, CC, 0, 0 } },
        .want = { .cpa = LOW_SIZE + 8, .cstat = C_PGM, .commands = 1 },
    },

    /* --- suspend ---------------------------------------------------------- */
    {
        .path = "/ccw-interp/suspend/s-flag-with-orb-s",
        .suspend_ctl = true,
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x02, SUSP, 4, DATA } },
        .want = { .cpa = PROG + 16, .count = 4, .suspended = true,
                  .suspend_addr = PROG + 8, .commands = 1 },
    },
    {
        .path = "/ccw-interp/suspend/s-flag-without-orb-s-is-program-check",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x02, SUSP, 4, DATA } },
        .want = { .cpa = PROG + 16, .cstat = C_PGM, .commands = 1 },
    },
    {
        .path = "/ccw-interp/suspend/first-ccw-suspends-before-device",
        .suspend_ctl = true,
        .ccw = { { PROG, 0x02, SUSP, 4, DATA } },
        .want = { .cpa = PROG + 8, .count = 4, .suspended = true,
                  .suspend_addr = PROG },
    },
    {
        .path = "/ccw-interp/suspend/s-flag-fetched-on-data-chaining-is-"
                "program-check",
        .suspend_ctl = true,
        .ccw = { { PROG, 0x02, CD, 2, DATA },
                 { PROG + 8, 0x02, SUSP, 2, DATA + 0x100 } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .cstat = C_PGM,
                  .commands = 1 },
        .mem = { { DATA, B("AB\xee") }, { DATA + 0x100, B("\xee") } },
    },
    {
        .path = "/ccw-interp/suspend/ccw-starting-a-data-chain-may-suspend",
        .suspend_ctl = true,
        .ccw = { { PROG, 0x02, CD | SUSP, 2, DATA },
                 { PROG + 8, 0x02, 0, 2, DATA + 0x100 } },
        .want = { .cpa = PROG + 8, .count = 2, .suspended = true,
                  .suspend_addr = PROG },
    },
    {
        .path = "/ccw-interp/suspend/invalid-ccw-is-checked-before-"
                "suspending",
        .suspend_ctl = true,
        .fmt0 = true,
        .ccw = { { PROG, 0x02, SUSP, 0, DATA } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/suspend/pci-is-recognised-at-suspension",
        .suspend_ctl = true,
        .ccw = { { PROG, 0x02, SUSP | PCI, 4, DATA } },
        .want = { .cpa = PROG + 8, .cstat = C_PCI, .count = 4,
                  .suspended = true, .suspend_addr = PROG, .pci = true },
    },

    /* --- program-controlled interruption ---------------------------------- */
    {
        .path = "/ccw-interp/pci/reported-with-final-status",
        .ccw = { { PROG, 0x03, CC | PCI, 0, 0 },
                 { PROG + 8, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .cstat = C_PCI,
                  .pci = true, .commands = 2 },
    },
    {
        .path = "/ccw-interp/pci/on-data-chained-ccw",
        .ccw = { { PROG, 0x02, CD, 2, DATA },
                 { PROG + 8, 0x02, PCI, 2, DATA + 0x100 } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .cstat = C_PCI,
                  .pci = true, .commands = 1 },
    },
    {
        .path = "/ccw-interp/pci/invalid-ccw-does-not-take-control",
        .ccw = { { PROG, 0x10, PCI, 4, DATA } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },

    /* --- device status ---------------------------------------------------- */
    {
        .path = "/ccw-interp/sm/skips-next-ccw-on-command-chaining",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x13, CC, 0, 0 },
                 { PROG + 16, 0x23, 0, 0, 0 } },
        .step = { { .dstat = CEDE | SM } },
        .want = { .cpa = PROG + 24, .dstat = CEDE, .commands = 2 },
        .calls = { { 0x03, false, 0 }, { 0x23, true, 0 } },
        .check_calls = true,
    },
    {
        .path = "/ccw-interp/sm/without-chaining-skips-nothing",
        .ccw = { { PROG, 0x03, 0, 0, 0 } },
        .step = { { .dstat = CEDE | SM } },
        .want = { .cpa = PROG + 8, .dstat = CEDE | SM, .commands = 1 },
    },
    {
        .path = "/ccw-interp/uc/unit-check-ends-chain",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x03, 0, 0, 0 } },
        .step = { { .dstat = CEDE | UC } },
        .want = { .cpa = PROG + 8, .dstat = CEDE | UC, .commands = 1 },
    },
    {
        .path = "/ccw-interp/ue/unit-exception-ends-chain",
        .ccw = { { PROG, 0x02, CC | SLI, 4, DATA },
                 { PROG + 8, 0x03, 0, 0, 0 } },
        .step = { { .dstat = CEDE | UE, .data = B("AB") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE | UE, .count = 2,
                  .commands = 1 },
    },
    {
        .path = "/ccw-interp/busy/ends-chain",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x02, CC, 4, DATA },
                 { PROG + 16, 0x03, 0, 0, 0 } },
        .step = { { 0 }, { .dstat = BUSY } },
        .want = { .cpa = PROG + 16, .dstat = BUSY, .count = 4,
                  .commands = 2 },
    },
    {
        .path = "/ccw-interp/attention/ends-chain",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x03, 0, 0, 0 } },
        .step = { { .dstat = CEDE | ATTN } },
        .want = { .cpa = PROG + 8, .dstat = CEDE | ATTN, .commands = 1 },
    },

    /* --- bound on a run --------------------------------------------------- */
    {
        .path = "/ccw-interp/limit/tic-loop-terminates",
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x08, 0, 0, PROG } },
        /*
         * The documented default bound is 65536 CCWs: 32768 NOOPs and
         * 32768 TICs, then the NOOP that would be CCW 65537 is in error.
         */
        .want = { .cpa = PROG + 8, .cstat = C_PGM, .commands = 32768,
                  .ccws = 65536 },
    },
    {
        .path = "/ccw-interp/limit/data-chain-loop-terminates",
        .limit = 100,
        .ccw = { { PROG, 0x02, CD, 16, DATA },
                 { PROG + 8, 0x08, 0, 0, PROG } },
        .step = { { .fill = 4096 } },
        /* 50 reads of 16 bytes and 50 TICs, then the 101st CCW */
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .commands = 1, .ccws = 100 },
        .mem = { { DATA, B("xxxxxxxxxxxxxxxx\xee") } },
    },
    {
        .path = "/ccw-interp/limit/orb-parameter-overrides-default",
        .limit = 3,
        .ccw = { { PROG, 0x03, CC, 0, 0 },
                 { PROG + 8, 0x03, CC, 0, 0 },
                 { PROG + 16, 0x03, CC, 0, 0 },
                 { PROG + 24, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 32, .cstat = C_PGM, .commands = 3,
                  .ccws = 3 },
    },
};

const size_t ccw_interp_program_ncases = G_N_ELEMENTS(ccw_interp_program_cases);
