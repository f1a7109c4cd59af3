/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ccw-interp-data.c: cases for the data transfer of a command.
 *
 * Residual count, incorrect length and SLI, skip, IDALs of format 1 and
 * 2, storage keys, data-address limits and read backward (PoP ch. 15
 * and ch. 16).
 *
 * Expected values are worked out by hand from the rules named in each
 * path; see test-ccw-interp.h for what a case holds.
 */
#include "qemu/osdep.h"

#include "test-ccw-interp.h"

const Case ccw_interp_data_cases[] = {
    /* --- residual count, incorrect length, SLI ---------------------------- */
    {
        .path = "/ccw-interp/residual/short-read-residual",
        .ccw = { { PROG, 0x02, SLI, 10, DATA } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .count = 6,
                  .commands = 1 },
        .mem = { { DATA, B("ABCD\xee") } },
    },
    {
        .path = "/ccw-interp/il/short-read-is-incorrect-length",
        .ccw = { { PROG, 0x02, 0, 10, DATA } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .count = 6, .commands = 1 },
    },
    {
        .path = "/ccw-interp/il/long-read-is-incorrect-length",
        .ccw = { { PROG, 0x02, 0, 4, DATA } },
        .step = { { .data = B("ABCDEFGHIJ") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .commands = 1 },
        .mem = { { DATA, B("ABCD\xee") } },
    },
    {
        .path = "/ccw-interp/sli/suppresses-incorrect-length",
        .ccw = { { PROG, 0x02, SLI, 4, DATA } },
        .step = { { .data = B("ABCDEFGHIJ") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { DATA, B("ABCD\xee") } },
    },
    {
        .path = "/ccw-interp/sli/ignored-in-ccw-with-cd",
        .ccw = { { PROG, 0x02, CD | SLI, 4, DATA },
                 { PROG + 8, 0x02, 0, 4, DATA + 0x100 } },
        .step = { { .data = B("AB") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .count = 2, .commands = 1 },
    },
    {
        .path = "/ccw-interp/il/ends-command-chaining",
        .ccw = { { PROG, 0x02, CC, 10, DATA },
                 { PROG + 8, 0x03, 0, 0, 0 } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .count = 6, .commands = 1 },
    },
    {
        .path = "/ccw-interp/sli/command-chaining-continues",
        .ccw = { { PROG, 0x02, CC | SLI, 10, DATA },
                 { PROG + 8, 0x03, 0, 0, 0 } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .commands = 2 },
    },
    {
        .path = "/ccw-interp/il/short-write-is-incorrect-length",
        .ccw = { { PROG, 0x01, 0, 8, DATA } },
        .data = { { DATA, B("ABCDEFGH") } },
        .step = { { .want = 4 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .count = 4, .commands = 1 },
        .fetched = B("ABCD"),
    },
    {
        .path = "/ccw-interp/il/long-write-is-incorrect-length",
        .ccw = { { PROG, 0x01, 0, 4, DATA } },
        .data = { { DATA, B("ABCDEFGH") } },
        .step = { { .want = 8 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .commands = 1 },
        .fetched = B("ABCD"),
    },
    {
        .path = "/ccw-interp/il/exact-count-is-not-incorrect-length",
        .ccw = { { PROG, 0x02, 0, 4, DATA } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
    },
    {
        .path = "/ccw-interp/il/fmt0-immediate-with-count-is-suppressed",
        .fmt0 = true,
        .ccw = { { PROG, 0x03, 0, 0x500, 0x500 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .count = 0x500,
                  .commands = 1 },
    },
    {
        .path = "/ccw-interp/il/fmt1-immediate-with-count-is-incorrect-length",
        .ccw = { { PROG, 0x03, 0, 0x500, 0x500 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .count = 0x500, .commands = 1 },
    },
    {
        .path = "/ccw-interp/il/orb-l-suppresses-fmt1-immediate",
        .il_suppress = true,
        .ccw = { { PROG, 0x03, 0, 0x500, 0x500 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .count = 0x500,
                  .commands = 1 },
    },
    {
        .path = "/ccw-interp/sli/suppresses-fmt1-immediate",
        .ccw = { { PROG, 0x03, SLI, 0x500, 0x500 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .count = 0x500,
                  .commands = 1 },
    },

    {
        .path = "/ccw-interp/il/command-rejected-at-initiation-is-not-"
                "incorrect-length",
        .ccw = { { PROG, 0x02, 0, 4, DATA } },
        .step = { { .dstat = CEDE | UC, .data = B("") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE | UC, .count = 4,
                  .commands = 1 },
    },
    {
        .path = "/ccw-interp/il/unit-check-after-data-is-incorrect-length",
        .ccw = { { PROG, 0x02, 0, 10, DATA } },
        .step = { { .dstat = CEDE | UC, .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE | UC, .cstat = C_IL,
                  .count = 6, .commands = 1 },
    },

    /* --- skip ------------------------------------------------------------- */
    {
        .path = "/ccw-interp/skip/read-stores-nothing",
        .ccw = { { PROG, 0x02, SKIP, 4, DATA } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { DATA, B("\xee\xee\xee\xee") } },
        .no_writes = true,
    },
    {
        .path = "/ccw-interp/skip/data-address-is-not-used",
        .ccw = { { PROG, 0x02, SKIP, 4, 0x00400000 } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
    },
    {
        .path = "/ccw-interp/skip/idal-is-not-fetched",
        /* the IDAL holds 0xee bytes: an invalid format-1 IDAW */
        .ccw = { { PROG, 0x02, SKIP | IDA, 4, IDAL } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
    },
    {
        .path = "/ccw-interp/skip/write-ignores-skip",
        .ccw = { { PROG, 0x01, SKIP, 2, DATA } },
        .data = { { DATA, B("AB") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .fetched = B("AB"),
    },

    /* --- indirect data addressing ----------------------------------------- */
    {
        .path = "/ccw-interp/idal/fmt1-first-idaw-may-point-anywhere",
        .ccw = { { PROG, 0x02, IDA, 8, IDAL } },
        .idaw = { { IDAL, 0x27fc }, { IDAL + 4, 0x5000 } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { 0x27fc, B("ABCD") }, { 0x5000, B("EFGH\xee") } },
    },
    {
        .path = "/ccw-interp/idal/fmt1-second-idaw-unaligned-is-program-"
                "check",
        .ccw = { { PROG, 0x02, IDA, 8, IDAL } },
        .idaw = { { IDAL, 0x27fc }, { IDAL + 4, 0x5004 } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 4, .commands = 1 },
        .mem = { { 0x27fc, B("ABCD") }, { 0x5004, B("\xee") } },
    },
    {
        .path = "/ccw-interp/idal/fmt1-idaw-bit0-is-program-check",
        .ccw = { { PROG, 0x02, IDA, 8, IDAL } },
        .idaw = { { IDAL, 0x80002000 } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 8, .commands = 1 },
        .no_writes = true,
    },
    {
        .path = "/ccw-interp/idal/fmt1-idal-not-word-aligned-is-program-"
                "check",
        .ccw = { { PROG, 0x02, IDA, 8, IDAL + 2 } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/idal/fmt2-4k-blocks",
        .idaw_fmt2 = true,
        .ccw = { { PROG, 0x02, IDA, 8, IDAL } },
        .idaw = { { IDAL, 0x2ffc }, { IDAL + 8, 0x5000 } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { 0x2ffc, B("ABCD") }, { 0x5000, B("EFGH\xee") } },
    },
    {
        .path = "/ccw-interp/idal/fmt2-4k-second-idaw-unaligned-is-program-"
                "check",
        .idaw_fmt2 = true,
        .ccw = { { PROG, 0x02, IDA, 8, IDAL } },
        .idaw = { { IDAL, 0x2ffc }, { IDAL + 8, 0x5800 } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 4, .commands = 1 },
        .mem = { { 0x2ffc, B("ABCD") }, { 0x5800, B("\xee") } },
    },
    {
        .path = "/ccw-interp/idal/fmt2-2k-blocks-with-i2k",
        .idaw_fmt2 = true,
        .idaw_2k = true,
        .ccw = { { PROG, 0x02, IDA, 8, IDAL } },
        .idaw = { { IDAL, 0x27fc }, { IDAL + 8, 0x5800 } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { 0x27fc, B("ABCD\xee") }, { 0x5800, B("EFGH\xee") } },
    },
    {
        .path = "/ccw-interp/idal/fmt2-i2k-second-idaw-unaligned-is-program-"
                "check",
        .idaw_fmt2 = true,
        .idaw_2k = true,
        .ccw = { { PROG, 0x02, IDA, 8, IDAL } },
        .idaw = { { IDAL, 0x27fc }, { IDAL + 8, 0x5400 } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 4, .commands = 1 },
    },
    {
        .path = "/ccw-interp/idal/fmt2-idal-not-doubleword-aligned-is-"
                "program-check",
        .idaw_fmt2 = true,
        .ccw = { { PROG, 0x02, IDA, 8, IDAL + 4 } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },
    {
        .path = "/ccw-interp/idal/fmt2-address-beyond-storage-is-program-"
                "check",
        .idaw_fmt2 = true,
        .ccw = { { PROG, 0x02, IDA, 8, IDAL } },
        .idaw = { { IDAL, 0x100000000ull } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 8, .commands = 1 },
    },
    {
        .path = "/ccw-interp/idal/write-gathers-through-idal",
        .ccw = { { PROG, 0x01, IDA, 8, IDAL } },
        .idaw = { { IDAL, 0x27fc }, { IDAL + 4, 0x5000 } },
        .data = { { 0x27fc, B("ABCD") }, { 0x5000, B("EFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .fetched = B("ABCDEFGH"),
    },
    {
        .path = "/ccw-interp/idal/mida-flag-is-program-check",
        .ccw = { { PROG, 0x02, MIDA, 4, DATA } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },

    /* --- storage keys ----------------------------------------------------- */
    {
        .path = "/ccw-interp/key/access-key-zero-matches-all",
        .keys = { { DATA, SKEY(5) | SKEY_F } },
        .ccw = { { PROG, 0x02, 0, 4, DATA } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { DATA, B("ABCD") } },
    },
    {
        .path = "/ccw-interp/key/store-with-other-key-is-protection-check",
        .key = 3,
        .keys = { { DATA, SKEY(5) } },
        .ccw = { { PROG, 0x02, 0, 4, DATA } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PROT,
                  .count = 4, .commands = 1 },
        .mem = { { DATA, B("\xee\xee\xee\xee") } },
    },
    {
        .path = "/ccw-interp/key/store-with-matching-key",
        .key = 3,
        .keys = { { DATA, SKEY(3) | SKEY_F } },
        .ccw = { { PROG, 0x02, 0, 4, DATA } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { DATA, B("ABCD") } },
    },
    {
        .path = "/ccw-interp/key/fetch-with-other-key-unprotected-frame",
        .key = 3,
        .keys = { { DATA, SKEY(5) } },
        .ccw = { { PROG, 0x01, 0, 4, DATA } },
        .data = { { DATA, B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .fetched = B("ABCD"),
    },
    {
        .path = "/ccw-interp/key/fetch-protected-data-is-protection-check",
        .key = 3,
        .keys = { { DATA, SKEY(5) | SKEY_F } },
        .ccw = { { PROG, 0x01, 0, 4, DATA } },
        .data = { { DATA, B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PROT,
                  .count = 4, .commands = 1 },
        .fetched = B(""),
    },
    {
        .path = "/ccw-interp/key/fetch-protected-ccw-is-protection-check",
        .key = 3,
        .keys = { { PROG, SKEY(5) | SKEY_F } },
        .ccw = { { PROG, 0x03, 0, 0, 0 } },
        .want = { .cpa = PROG + 8, .cstat = C_PROT },
    },
    {
        .path = "/ccw-interp/key/fetch-protected-idal-is-protection-check",
        .key = 3,
        .keys = { { IDAL, SKEY(5) | SKEY_F } },
        .ccw = { { PROG, 0x02, IDA, 4, IDAL } },
        .idaw = { { IDAL, DATA } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PROT,
                  .count = 4, .commands = 1 },
    },
    {
        .path = "/ccw-interp/key/protection-mid-transfer-keeps-stored-part",
        .key = 3,
        .keys = { { 0x2000, SKEY(3) }, { 0x3000, SKEY(5) } },
        .ccw = { { PROG, 0x02, 0, 8, 0x2ffc } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PROT,
                  .count = 4, .commands = 1 },
        .mem = { { 0x2ffc, B("ABCD\xee") } },
    },

    /* --- data addresses --------------------------------------------------- */
    {
        .path = "/ccw-interp/addr/data-beyond-storage-is-program-check",
        .ccw = { { PROG, 0x02, 0, 8, LOW_SIZE - 4 } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 4, .commands = 1 },
        .mem = { { LOW_SIZE - 4, B("ABCD") } },
    },
    {
        .path = "/ccw-interp/addr/fmt0-data-past-16m-is-program-check",
        .fmt0 = true,
        .ccw = { { PROG, 0x02, 0, 8, 0x00fffffc } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 4, .commands = 1 },
        .mem = { { 0x00fffffc, B("ABCD\xee") } },
    },
    {
        .path = "/ccw-interp/addr/fmt1-data-past-2g-is-program-check",
        .ccw = { { PROG, 0x02, 0, 8, 0x7ffffffc } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 4, .commands = 1 },
        .mem = { { 0x7ffffffc, B("ABCD\xee") } },
    },
    {
        .path = "/ccw-interp/addr/fmt1-data-address-bit0-is-program-check",
        .ccw = { { PROG, 0x02, 0, 4, 0x80000000 | DATA } },
        .want = { .cpa = PROG + 8, .cstat = C_PGM },
    },

    /* --- read backward ---------------------------------------------------- */
    {
        .path = "/ccw-interp/rdbk/stores-at-descending-addresses",
        .ccw = { { PROG, 0x0c, 0, 4, DATA + 3 } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { DATA, B("DCBA\xee") } },
    },
    {
        .path = "/ccw-interp/rdbk/idal-later-idaw-designates-block-end",
        .ccw = { { PROG, 0x0c, IDA, 4, IDAL } },
        .idaw = { { IDAL, 0x2801 }, { IDAL + 4, 0x57ff } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .commands = 1 },
        .mem = { { 0x2800, B("BA\xee") }, { 0x57fd, B("\xee" "DC") } },
    },
    {
        .path = "/ccw-interp/rdbk/idal-later-idaw-not-at-block-end-is-"
                "program-check",
        .ccw = { { PROG, 0x0c, IDA, 4, IDAL } },
        .idaw = { { IDAL, 0x2801 }, { IDAL + 4, 0x5800 } },
        .step = { { .data = B("ABCD") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 2, .commands = 1 },
        .mem = { { 0x2800, B("BA") } },
    },
    {
        .path = "/ccw-interp/rdbk/below-address-zero-is-program-check",
        .ccw = { { PROG, 0x0c, 0, 8, 3 } },
        .step = { { .data = B("ABCDEFGH") } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PGM,
                  .count = 4, .commands = 1 },
        .mem = { { 0, B("DCBA") } },
    },

    /* --- peeking, then fetching what the device takes ------------------- */
    {
        .path = "/ccw-interp/peek/then-fetch-less-is-short-block",
        .ccw = { { PROG, 0x01, 0, 8, DATA } },
        .data = { { DATA, B("ABCDEFGH") } },
        .step = { { .peek = true, .want = 4 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .count = 4, .commands = 1, .ccws = 1 },
        .peeked = B("ABCDEFGH"),
        .fetched = B("ABCD"),
    },
    {
        .path = "/ccw-interp/peek/stops-at-protected-frame-records-nothing",
        .key = 3,
        .keys = { { 0x3000, SKEY(5) | SKEY_F } },
        .ccw = { { PROG, 0x01, 0, 8, 0x2ffc } },
        .data = { { 0x2ffc, B("ABCDEFGH") } },
        .step = { { .peek = true, .want = 4 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .count = 4, .commands = 1 },
        .peeked = B("ABCD"),
        .fetched = B("ABCD"),
    },
    {
        .path = "/ccw-interp/peek/fetch-into-protected-frame-still-checks",
        .key = 3,
        .keys = { { 0x3000, SKEY(5) | SKEY_F } },
        .ccw = { { PROG, 0x01, 0, 8, 0x2ffc } },
        .data = { { 0x2ffc, B("ABCDEFGH") } },
        .step = { { .peek = true } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_PROT,
                  .count = 4, .commands = 1 },
        .peeked = B("ABCD"),
        .fetched = B("ABCD"),
    },
    {
        .path = "/ccw-interp/peek/data-chain-ccws-counted-once",
        .ccw = { { PROG, 0x01, CD, 4, DATA },
                 { PROG + 8, 0x01, 0, 4, DATA + 0x100 } },
        .data = { { DATA, B("ABCD") }, { DATA + 0x100, B("EFGH") } },
        .step = { { .peek = true, .want = 4 } },
        .want = { .cpa = PROG + 16, .dstat = CEDE, .cstat = C_IL,
                  .count = 4, .commands = 1, .ccws = 2 },
        .peeked = B("ABCDEFGH"),
        .fetched = B("ABCD"),
    },
    {
        .path = "/ccw-interp/peek/bad-ccw-past-what-is-taken-unseen",
        .ccw = { { PROG, 0x01, CD, 8, DATA },
                 { PROG + 8, 0x01, 0, 0, DATA + 0x100 } },
        .data = { { DATA, B("ABCDEFGH") } },
        .step = { { .peek = true, .want = 4 } },
        .want = { .cpa = PROG + 8, .dstat = CEDE, .cstat = C_IL,
                  .count = 4, .commands = 1, .ccws = 1 },
        .peeked = B("ABCDEFGH"),
        .fetched = B("ABCD"),
    },
};

const size_t ccw_interp_data_ncases = G_N_ELEMENTS(ccw_interp_data_cases);
