/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ioinst-misc.c: the I/O instructions that are not about one
 * subchannel: TPI, STCRW, SCHM, RCHP, CHSC and SAL, and taking an I/O
 * interruption as a CPU does (PoP ch. 14, 16, 17; facts §2).
 */
#include "qemu/osdep.h"

#include "test-css-fixture.h"

/* ------------------------------------------------------------------------
 * TEST PENDING INTERRUPTION
 * ------------------------------------------------------------------------ */

static void fx_pending_on_isc(CssFixture *fx, uint8_t isc, uint32_t intparm)
{
    fx_enable(fx, fx->sch, isc, intparm);
    fx_make_status_pending(fx, fx->sch);
}

static void test_tpi_spec(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "tpi", 0, FX_TPI + 2), PGM_SPECIFICATION);
}

static void test_tpi_cc0_none(CssFixture *fx, gconstpointer data)
{
    uint32_t w;

    fx->cpu.cr6 = 0xff000000;
    g_assert_true(guest_ram_stl_be(fx->ram, FX_TPI, 0x5a5a5a5a));
    assert_cc(fx_insn(fx, "tpi", 0, FX_TPI), 0);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_TPI, &w));
    g_assert_cmphex(w, ==, 0x5a5a5a5a);
}

static void test_tpi_operand_two_words(CssFixture *fx, gconstpointer data)
{
    uint32_t w[3];

    fx_pending_on_isc(fx, 3, 0x1111);
    fx->cpu.cr6 = 0x10000000;
    g_assert_true(guest_ram_memset(fx->ram, FX_TPI, 0x5a, 12));
    assert_cc(fx_insn(fx, "tpi", 0, FX_TPI), 1);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_TPI, &w[0]));
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_TPI + 4, &w[1]));
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_TPI + 8, &w[2]));
    g_assert_cmphex(w[0], ==, fx_sid(fx->sch));
    g_assert_cmphex(w[1], ==, 0x1111);
    g_assert_cmphex(w[2], ==, 0x5a5a5a5a);
    /* Taken: gone from the queue, the subchannel stays status pending. */
    g_assert_false(css_io_pending(fx->css, 0xff));
    g_assert_true(fx_sc(fx->sch) & SCSW_STCTL_STATUS_PEND);
}

static void test_tpi_zero_lowcore(CssFixture *fx, gconstpointer data)
{
    uint32_t w[3];

    fx_pending_on_isc(fx, 3, 0x2222);
    fx->cpu.cr6 = 0x10000000;
    assert_cc(fx_insn(fx, "tpi", 0, 0), 1);
    g_assert_true(guest_ram_ldl_be(fx->ram, 0xb8, &w[0]));
    g_assert_true(guest_ram_ldl_be(fx->ram, 0xbc, &w[1]));
    g_assert_true(guest_ram_ldl_be(fx->ram, 0xc0, &w[2]));
    g_assert_cmphex(w[0], ==, fx_sid(fx->sch));
    g_assert_cmphex(w[1], ==, 0x2222);
    g_assert_cmphex(w[2], ==, 3u << 27);
}

static void test_tpi_isc_masked(CssFixture *fx, gconstpointer data)
{
    fx_pending_on_isc(fx, 3, 0);
    /* CR6 enables every ISC but 3. */
    fx->cpu.cr6 = 0xef000000;
    assert_cc(fx_insn(fx, "tpi", 0, FX_TPI), 0);
    g_assert_true(css_io_pending(fx->css, 0x10));
}

static void test_tpi_addressing_keeps(CssFixture *fx, gconstpointer data)
{
    fx_pending_on_isc(fx, 3, 0);
    fx->cpu.cr6 = 0xff000000;
    assert_pgm(fx_insn(fx, "tpi", 0, FX_RAM_SIZE - 4), PGM_ADDRESSING);
    g_assert_true(css_io_pending(fx->css, 0x10));
}

static void test_tpi_priority(CssFixture *fx, gconstpointer data)
{
    g_autoptr(GError) err = NULL;
    SubchDev *s2 = css_create_sch(fx->css, "fe.0.2000", true, false, "s2",
                                  &err);
    uint32_t w;

    g_assert_no_error(err);
    css_sch_build_virtual_schib(s2, VIRTUAL_CHPID, VIRTUAL_CHPID_TYPE);
    /* ISC 6 first in time, then ISC 1: ISC 1 is taken first. */
    fx_enable(fx, fx->sch, 6, 0x6666);
    fx_make_status_pending(fx, fx->sch);
    fx_enable(fx, s2, 1, 0x1111);
    fx_make_status_pending(fx, s2);
    fx->cpu.cr6 = 0xff000000;
    assert_cc(fx_insn(fx, "tpi", 0, FX_TPI), 1);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_TPI + 4, &w));
    g_assert_cmphex(w, ==, 0x1111);
    assert_cc(fx_insn(fx, "tpi", 0, FX_TPI), 1);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_TPI + 4, &w));
    g_assert_cmphex(w, ==, 0x6666);
    assert_cc(fx_insn(fx, "tpi", 0, FX_TPI), 0);
    css_destroy_sch(s2);
}

static void test_io_wait_accepts(CssFixture *fx, gconstpointer data)
{
    IOIntCode code;
    uint32_t w;

    fx->cpu.cr6 = 0x10000000;
    g_assert_false(ioinst_accept_io_interruption(&fx->cpu, fx->css, &code));
    fx_pending_on_isc(fx, 3, 0xabcd);
    g_assert_cmpuint(fx->io_notes, ==, 1);
    g_assert_true(ioinst_accept_io_interruption(&fx->cpu, fx->css, &code));
    g_assert_cmphex(code.sid, ==, fx_sid(fx->sch));
    g_assert_cmphex(code.intparm, ==, 0xabcd);
    g_assert_cmphex(code.intid, ==, 3u << 27);
    g_assert_true(guest_ram_ldl_be(fx->ram, 0xbc, &w));
    g_assert_cmphex(w, ==, 0xabcd);
    g_assert_false(ioinst_accept_io_interruption(&fx->cpu, fx->css, &code));
}

/* ------------------------------------------------------------------------
 * STORE CHANNEL REPORT WORD
 * ------------------------------------------------------------------------ */

static void test_stcrw_spec(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "stcrw", 0, FX_CRW + 1), PGM_SPECIFICATION);
    assert_pgm(fx_insn(fx, "stcrw", 0, FX_CRW + 2), PGM_SPECIFICATION);
}

static void test_stcrw_empty_zeros(CssFixture *fx, gconstpointer data)
{
    uint32_t w;

    g_assert_true(guest_ram_stl_be(fx->ram, FX_CRW, 0xffffffff));
    assert_cc(fx_insn(fx, "stcrw", 0, FX_CRW), 1);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_CRW, &w));
    g_assert_cmphex(w, ==, 0);
}

static void test_stcrw_after_rchp(CssFixture *fx, gconstpointer data)
{
    uint32_t w;

    assert_cc(fx_insn(fx, "rchp", VIRTUAL_CHPID, 0), 0);
    assert_cc(fx_insn(fx, "stcrw", 0, FX_CRW), 0);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_CRW, &w));
    /* Solicited, RSC channel path, ERC initialized, RSID the CHPID. */
    g_assert_cmphex(w, ==, 0x44020000 | VIRTUAL_CHPID);
    assert_cc(fx_insn(fx, "stcrw", 0, FX_CRW), 1);
}

static void test_stcrw_addressing_keeps(CssFixture *fx, gconstpointer data)
{
    assert_cc(fx_insn(fx, "rchp", VIRTUAL_CHPID, 0), 0);
    assert_pgm(fx_insn(fx, "stcrw", 0, FX_RAM_SIZE), PGM_ADDRESSING);
    assert_cc(fx_insn(fx, "stcrw", 0, FX_CRW), 0);
}

/* ------------------------------------------------------------------------
 * SET CHANNEL MONITOR
 * ------------------------------------------------------------------------ */

static void test_schm_reserved_reg1(CssFixture *fx, gconstpointer data)
{
    static const uint32_t bad[] = { 0x0ffffffc, 0x00000004, 0x08000000 };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        assert_pgm(fx_insn(fx, "schm", bad[i], 0), PGM_OPERAND);
    }
    g_assert_false(css_chnmon_active(fx->css, NULL));
}

static void test_schm_unaligned_origin(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "schm", 0x2, FX_MB + 16), PGM_OPERAND);
    g_assert_false(css_chnmon_active(fx->css, NULL));
    /* Without U the origin is not used and not checked. */
    assert_cc(fx_insn(fx, "schm", 0x0, FX_MB + 16), 0);
}

static void test_schm_on_off(CssFixture *fx, gconstpointer data)
{
    uint64_t area;

    /* MBK (bits 32-35) and D are accepted and ignored. */
    assert_cc(fx_insn(fx, "schm", 0xf0000003, FX_MB), 0);
    g_assert_true(css_chnmon_active(fx->css, &area));
    g_assert_cmphex(area, ==, FX_MB);
    /* U while active keeps the first origin. */
    assert_cc(fx_insn(fx, "schm", 0x2, FX_MB + 0x200), 0);
    g_assert_true(css_chnmon_active(fx->css, &area));
    g_assert_cmphex(area, ==, FX_MB);
    assert_cc(fx_insn(fx, "schm", 0x0, 0), 0);
    g_assert_false(css_chnmon_active(fx->css, NULL));
}

static void test_schm_keeps_cc(CssFixture *fx, gconstpointer data)
{
    fx->cpu.cc = 2;
    assert_cc(fx_insn(fx, "schm", 0, 0), 2);
    assert_cc(fx_insn(fx, "sal", 0x00010000, 0), 2);
}

/* ------------------------------------------------------------------------
 * RESET CHANNEL PATH
 * ------------------------------------------------------------------------ */

static void test_rchp_reserved(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "rchp", 0x00000100, 0), PGM_OPERAND);
    assert_pgm(fx_insn(fx, "rchp", 0x01000000, 0), PGM_OPERAND);
}

static void test_rchp_bad_cssid(CssFixture *fx, gconstpointer data)
{
    /* Without MCSS-E only cssid 0 (the default image) can be named. */
    assert_pgm(fx_insn(fx, "rchp", 0x00fe0000, 0), PGM_OPERAND);
    css_enable_mcsse(fx->css);
    assert_pgm(fx_insn(fx, "rchp", 0x00050000, 0), PGM_OPERAND);
    assert_cc(fx_insn(fx, "rchp", 0x00fe0000, 0), 0);
}

static void test_rchp_cc3_unknown(CssFixture *fx, gconstpointer data)
{
    assert_cc(fx_insn(fx, "rchp", 0x42, 0), 3);
    g_assert_false(css_crw_pending(fx->css));
}

static void test_rchp_cc3_not_virtual(CssFixture *fx, gconstpointer data)
{
    g_assert_cmpint(css_add_chpid(fx->css, VIRTUAL_CSSID, 0x42, 0x1d, false),
                    ==, 0);
    assert_cc(fx_insn(fx, "rchp", 0x42, 0), 3);
    g_assert_false(css_crw_pending(fx->css));
}

static void test_rchp_chained_with_mcsse(CssFixture *fx, gconstpointer data)
{
    uint32_t w;

    css_enable_mcsse(fx->css);
    assert_cc(fx_insn(fx, "rchp", 0x00fe0000 | VIRTUAL_CHPID, 0), 0);
    assert_cc(fx_insn(fx, "stcrw", 0, FX_CRW), 0);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_CRW, &w));
    g_assert_cmphex(w, ==, 0x54020000 | VIRTUAL_CHPID);  /* S, C */
    assert_cc(fx_insn(fx, "stcrw", 0, FX_CRW), 0);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_CRW, &w));
    g_assert_cmphex(w, ==, 0x4402fe00);
}

/* ------------------------------------------------------------------------
 * CHANNEL SUBSYSTEM CALL
 * ------------------------------------------------------------------------ */

static void put_chsc(CssFixture *fx, uint16_t len, uint16_t cmd,
                     uint32_t p0, uint32_t p1, uint32_t p2)
{
    g_assert_true(guest_ram_memset(fx->ram, FX_CHSC, 0, CHSC_AREA_SIZE));
    g_assert_true(guest_ram_stw_be(fx->ram, FX_CHSC, len));
    g_assert_true(guest_ram_stw_be(fx->ram, FX_CHSC + 2, cmd));
    g_assert_true(guest_ram_stl_be(fx->ram, FX_CHSC + 4, p0));
    g_assert_true(guest_ram_stl_be(fx->ram, FX_CHSC + 8, p1));
    g_assert_true(guest_ram_stl_be(fx->ram, FX_CHSC + 12, p2));
}

/* Run CHSC; Returns: the response code, with its length in *len. */
static uint16_t run_chsc(CssFixture *fx, uint16_t req_len, uint16_t *len)
{
    uint16_t code, l;

    assert_cc(fx_insn(fx, "chsc", 0, FX_CHSC), 0);
    g_assert_true(guest_ram_lduw_be(fx->ram, FX_CHSC + req_len, &l));
    g_assert_true(guest_ram_lduw_be(fx->ram, FX_CHSC + req_len + 2, &code));
    if (len) {
        *len = l;
    }
    return code;
}

static void test_chsc_spec(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "chsc", 0, FX_CHSC + 8), PGM_SPECIFICATION);
}

static void test_chsc_bad_length(CssFixture *fx, gconstpointer data)
{
    static const uint16_t bad[] = { 0, 8, 12, 4096, 4090, 0x0014 };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        put_chsc(fx, bad[i], CHSC_CMD_SCSC, 0, 0, 0);
        assert_pgm(fx_insn(fx, "chsc", 0, FX_CHSC), PGM_OPERAND);
    }
}

static void test_chsc_addressing(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "chsc", 0, FX_RAM_SIZE), PGM_ADDRESSING);
}

static void test_chsc_not_supported(CssFixture *fx, gconstpointer data)
{
    uint16_t len;

    put_chsc(fx, 0x10, 0x0004, 0, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, &len), ==, CHSC_RC_NOT_SUPPORTED);
    g_assert_cmpuint(len, ==, 8);
}

static void test_chsc_sda_mcsse(CssFixture *fx, gconstpointer data)
{
    put_chsc(fx, 0x400, CHSC_CMD_SDA, 0x00000000, 0, 0);
    g_assert_false(css_mcsse_enabled(fx->css));
    g_assert_cmphex(run_chsc(fx, 0x400, NULL), ==, CHSC_RC_OK);
    g_assert_true(css_mcsse_enabled(fx->css));
    g_assert_false(css_mss_enabled(fx->css));
}

static void test_chsc_sda_mss(CssFixture *fx, gconstpointer data)
{
    put_chsc(fx, 0x400, CHSC_CMD_SDA, 0x00000002, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x400, NULL), ==, CHSC_RC_OK);
    g_assert_true(css_mss_enabled(fx->css));
    g_assert_false(css_mcsse_enabled(fx->css));
}

static void test_chsc_sda_errors(CssFixture *fx, gconstpointer data)
{
    put_chsc(fx, 0x10, CHSC_CMD_SDA, 0, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, NULL), ==, CHSC_RC_REQUEST_INVALID);
    put_chsc(fx, 0x400, CHSC_CMD_SDA, 0x00010000, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x400, NULL), ==, CHSC_RC_REQUEST_INVALID);
    put_chsc(fx, 0x400, CHSC_CMD_SDA, 0x00000001, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x400, NULL), ==, CHSC_RC_REQUEST_INVALID);
    put_chsc(fx, 0x400, CHSC_CMD_SDA, 0x01000000, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x400, NULL), ==, CHSC_RC_FORMAT_INVALID);
    g_assert_false(css_mcsse_enabled(fx->css));
    g_assert_false(css_mss_enabled(fx->css));
}

static void test_chsc_scsc(CssFixture *fx, gconstpointer data)
{
    uint32_t w0;
    uint16_t len;

    put_chsc(fx, 0x10, CHSC_CMD_SCSC, 0, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, &len), ==, CHSC_RC_OK);
    g_assert_cmpuint(len, ==, 4080);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_CHSC + 0x10 + 8, &w0));
    g_assert_cmphex(w0, ==, 0x03000000);
}

static void test_chsc_scsc_errors(CssFixture *fx, gconstpointer data)
{
    put_chsc(fx, 0x18, CHSC_CMD_SCSC, 0, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x18, NULL), ==, CHSC_RC_REQUEST_INVALID);
    put_chsc(fx, 0x10, CHSC_CMD_SCSC, 0x00010000, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, NULL), ==, CHSC_RC_FORMAT_INVALID);
    put_chsc(fx, 0x10, CHSC_CMD_SCSC, 0x0000fe00, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, NULL), ==, CHSC_RC_CSSID_INVALID);
    put_chsc(fx, 0x10, CHSC_CMD_SCSC, 0, 1, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, NULL), ==, CHSC_RC_REQUEST_INVALID);
}

static void test_chsc_scpd(CssFixture *fx, gconstpointer data)
{
    uint32_t d0, d1;
    uint16_t len;

    g_assert_cmpint(css_add_chpid(fx->css, VIRTUAL_CSSID, 0x40, 0x1d, false),
                    ==, 0);
    /* Paths 0x00-0xff, response format 0: 8 bytes per installed path. */
    put_chsc(fx, 0x10, CHSC_CMD_SCPD, 0x00000000, 0x000000ff, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, &len), ==, CHSC_RC_OK);
    g_assert_cmpuint(len, ==, 8 + 2 * 8);
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_CHSC + 0x18, &d0));
    g_assert_true(guest_ram_ldl_be(fx->ram, FX_CHSC + 0x20, &d1));
    g_assert_cmphex(d0, ==, 0x80000000 | (VIRTUAL_CHPID_TYPE << 8) |
                    VIRTUAL_CHPID);
    g_assert_cmphex(d1, ==, 0x80001d40);
    /* C selects 32-byte descriptors. */
    put_chsc(fx, 0x10, CHSC_CMD_SCPD, 0x10000040, 0x00000040, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, &len), ==, CHSC_RC_OK);
    g_assert_cmpuint(len, ==, 8 + 32);
}

static void test_chsc_scpd_errors(CssFixture *fx, gconstpointer data)
{
    put_chsc(fx, 0x10, CHSC_CMD_SCPD, 0x00000005, 0x00000004, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, NULL), ==, CHSC_RC_REQUEST_INVALID);
    put_chsc(fx, 0x10, CHSC_CMD_SCPD, 0x01000000, 0x000000ff, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, NULL), ==, CHSC_RC_FORMAT_INVALID);
    put_chsc(fx, 0x10, CHSC_CMD_SCPD, 0x00fe0000, 0x000000ff, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, NULL), ==, CHSC_RC_CSSID_INVALID);
    put_chsc(fx, 0x10, CHSC_CMD_SCPD, 0x00000000, 0x000001ff, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, NULL), ==, CHSC_RC_REQUEST_INVALID);
    put_chsc(fx, 0x10, CHSC_CMD_SCPD, 0x00000000, 0x000000ff, 1);
    g_assert_cmphex(run_chsc(fx, 0x10, NULL), ==, CHSC_RC_REQUEST_INVALID);
}

static void test_chsc_scpd_with_m(CssFixture *fx, gconstpointer data)
{
    uint16_t len;

    /* M with cssid 0xfe names the default image explicitly. */
    put_chsc(fx, 0x10, CHSC_CMD_SCPD, 0x20fe0000, 0x000000ff, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, &len), ==, CHSC_RC_OK);
    g_assert_cmpuint(len, ==, 16);
}

static void test_chsc_sei_no_event(CssFixture *fx, gconstpointer data)
{
    uint16_t len;

    put_chsc(fx, 0x10, CHSC_CMD_SEI, 0, 0, 0);
    g_assert_cmphex(run_chsc(fx, 0x10, &len), ==, CHSC_RC_NO_EVENT);
    g_assert_cmpuint(len, ==, 8);
}

/* ------------------------------------------------------------------------
 * SET ADDRESS LIMIT
 * ------------------------------------------------------------------------ */

static void test_sal(CssFixture *fx, gconstpointer data)
{
    assert_pgm(fx_insn(fx, "sal", 0x80000000, 0), PGM_OPERAND);
    assert_pgm(fx_insn(fx, "sal", 0x00000001, 0), PGM_OPERAND);
    assert_cc(fx_insn(fx, "sal", 0x7fff0000, 0), 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    FX_TEST("/css/tpi/pgm-specification-unaligned", test_tpi_spec);
    FX_TEST("/css/tpi/cc0-none-pending-stores-nothing", test_tpi_cc0_none);
    FX_TEST("/css/tpi/cc1-operand-gets-two-words",
            test_tpi_operand_two_words);
    FX_TEST("/css/tpi/cc1-operand-0-stores-lowcore", test_tpi_zero_lowcore);
    FX_TEST("/css/tpi/cc0-isc-disabled-in-cr6", test_tpi_isc_masked);
    FX_TEST("/css/tpi/pgm-addressing-keeps-interruption",
            test_tpi_addressing_keeps);
    FX_TEST("/css/tpi/lowest-isc-first", test_tpi_priority);
    FX_TEST("/css/io-wait/accepts-and-stores-lowcore", test_io_wait_accepts);

    FX_TEST("/css/stcrw/pgm-specification-unaligned", test_stcrw_spec);
    FX_TEST("/css/stcrw/cc1-empty-stores-zeros", test_stcrw_empty_zeros);
    FX_TEST("/css/stcrw/cc0-stores-rchp-report", test_stcrw_after_rchp);
    FX_TEST("/css/stcrw/pgm-addressing-keeps-crw",
            test_stcrw_addressing_keeps);

    FX_TEST("/css/schm/pgm-operand-reserved-gr1", test_schm_reserved_reg1);
    FX_TEST("/css/schm/pgm-operand-unaligned-origin",
            test_schm_unaligned_origin);
    FX_TEST("/css/schm/update-starts-and-stops", test_schm_on_off);
    FX_TEST("/css/schm/no-condition-code", test_schm_keeps_cc);

    FX_TEST("/css/rchp/pgm-operand-reserved-gr1", test_rchp_reserved);
    FX_TEST("/css/rchp/pgm-operand-bad-cssid", test_rchp_bad_cssid);
    FX_TEST("/css/rchp/cc3-path-not-installed", test_rchp_cc3_unknown);
    FX_TEST("/css/rchp/cc3-path-not-virtual", test_rchp_cc3_not_virtual);
    FX_TEST("/css/rchp/crws-chained-with-mcsse",
            test_rchp_chained_with_mcsse);

    FX_TEST("/css/chsc/pgm-specification-not-page-aligned", test_chsc_spec);
    FX_TEST("/css/chsc/pgm-operand-bad-request-length",
            test_chsc_bad_length);
    FX_TEST("/css/chsc/pgm-addressing-outside-ram", test_chsc_addressing);
    FX_TEST("/css/chsc/rc4-command-not-supported", test_chsc_not_supported);
    FX_TEST("/css/chsc/sda-enables-mcsse", test_chsc_sda_mcsse);
    FX_TEST("/css/chsc/sda-enables-mss", test_chsc_sda_mss);
    FX_TEST("/css/chsc/sda-bad-requests", test_chsc_sda_errors);
    FX_TEST("/css/chsc/scsc-characteristics", test_chsc_scsc);
    FX_TEST("/css/chsc/scsc-bad-requests", test_chsc_scsc_errors);
    FX_TEST("/css/chsc/scpd-describes-installed-paths", test_chsc_scpd);
    FX_TEST("/css/chsc/scpd-bad-requests", test_chsc_scpd_errors);
    FX_TEST("/css/chsc/scpd-m-names-image", test_chsc_scpd_with_m);
    FX_TEST("/css/chsc/sei-no-event", test_chsc_sei_no_event);

    FX_TEST("/css/sal/pgm-operand-reserved-gr1", test_sal);
    return g_test_run();
}
