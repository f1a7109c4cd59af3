/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A guest's channel I/O for qtests.
 */
#include "qemu/osdep.h"
#include "libcss.h"

/* The instructions that have no second operand in the qtest request. */
static bool insn_has_operand(const char *name)
{
    static const char *const none[] = {
        "csch", "hsch", "xsch", "rsch", "rchp", "sal",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(none); i++) {
        if (g_str_equal(name, none[i])) {
            return false;
        }
    }
    return true;
}

int css_insn(QTestState *s, const char *name, uint32_t gr1, uint64_t op)
{
    g_autofree char *r = insn_has_operand(name) ?
        qtest_requestf(s, "ioinst %s 0x%x 0x%" PRIx64, name, gr1, op) :
        qtest_requestf(s, "ioinst %s 0x%x", name, gr1);
    unsigned v;

    if (sscanf(r, "OK cc=%u", &v) == 1) {
        return (int)v;
    }
    if (sscanf(r, "OK pgm=0x%x", &v) == 1) {
        return 0x100 + (int)v;
    }
    g_error("ioinst %s got '%s'", name, r);
    return -1;
}

void css_enable(QTestState *s, uint32_t sid, unsigned isc, uint32_t intparm)
{
    const uint64_t schib = 0xf000;

    g_assert_cmpint(css_insn(s, "stsch", sid, schib), ==, 0);
    qtest_writel(s, schib, intparm);
    /* PMCW word 1: ISC in bits 2-4, E (enabled) bit 8; devno kept. */
    qtest_writew(s, schib + 4, (uint16_t)((isc << 11) | 0x0080 |
                                          (qtest_readw(s, schib + 4) & 1)));
    g_assert_cmpint(css_insn(s, "msch", sid, schib), ==, 0);
}

void css_write_ccw1(QTestState *s, uint64_t addr, uint8_t cmd, uint8_t flags,
                    uint16_t count, uint32_t data)
{
    qtest_writel(s, addr, (uint32_t)cmd << 24 | (uint32_t)flags << 16 | count);
    qtest_writel(s, addr + 4, data);
}

void css_write_orb(QTestState *s, uint64_t addr, uint32_t intparm,
                   uint32_t word1, uint32_t cpa)
{
    qtest_writel(s, addr, intparm);
    qtest_writel(s, addr + 4, word1);
    qtest_writel(s, addr + 8, cpa);
}

bool css_wait_io(QTestState *s, int ms, uint32_t *sid, uint32_t *intparm,
                 uint32_t *intid)
{
    qtest_cmdf(s, "s390x_cr6 0xff000000");
    g_autofree char *r = qtest_okf(s, "s390x_io_wait %d", ms);

    if (g_str_equal(r, "none")) {
        return false;
    }
    g_assert_cmpint(sscanf(r, "0x%x 0x%x 0x%x", sid, intparm, intid), ==, 3);
    return true;
}

int css_tsch(QTestState *s, uint32_t sid, uint64_t irb_addr, CssIrbView *irb)
{
    int cc = css_insn(s, "tsch", sid, irb_addr);
    uint32_t w0;

    if (cc > 3) {
        return cc;
    }
    w0 = qtest_readl(s, irb_addr);
    irb->flags = w0 >> 16;
    irb->ctrl = w0 & 0xffff;
    irb->cpa = qtest_readl(s, irb_addr + 4);
    irb->dstat = qtest_readb(s, irb_addr + 8);
    irb->cstat = qtest_readb(s, irb_addr + 9);
    irb->count = qtest_readw(s, irb_addr + 10);
    irb->esw0 = qtest_readl(s, irb_addr + 12);
    irb->erw = qtest_readl(s, irb_addr + 16);
    qtest_memread(s, irb_addr + 32, irb->ecw, sizeof(irb->ecw));
    return cc;
}
