/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The s390x qtest requests: the client executes I/O instructions, sets
 * CR6, and waits for I/O interruptions and channel reports, as the CPU
 * of the machine would (docs/devel/qtest-s390x.rst).
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "qemu/module.h"
#include "hw/s390x/s390-virtio-ccw.h"
#include "system/qtest.h"
#include "system/runstate.h"
#include "target/s390x/ioinst.h"

static bool get_machine(S390CPU **cpu, ChannelSubSys **css, GError **errp)
{
    *cpu = s390_ccw_machine_cpu(current_machine);
    *css = s390_ccw_machine_css(current_machine);
    if (!*cpu || !*css) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "not an s390-ccw-virtio machine");
        return false;
    }
    return true;
}

/* ioinst NAME GR1 [OPERAND] -> "cc=N" or "pgm=0xNNNN" */
static bool qtest_ioinst(int argc, char **argv, GString *reply, GError **errp)
{
    S390CPU *cpu;
    ChannelSubSys *css;
    const IOInstDesc *insn;
    uint64_t reg1, op2 = 0;
    IOInstResult res;

    if (!get_machine(&cpu, &css, errp)) {
        return false;
    }
    if (argc < 3) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "usage: ioinst NAME GR1 [OPERAND]");
        return false;
    }
    insn = ioinst_by_name(argv[1]);
    if (!insn) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "unknown I/O instruction '%s'", argv[1]);
        return false;
    }
    if (argc != (insn->has_operand ? 4 : 3)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "usage: ioinst %s GR1%s", insn->name,
                    insn->has_operand ? " OPERAND" : "");
        return false;
    }
    if (!qtest_parse_u64(argv[2], "GR1", &reg1, errp) ||
        (insn->has_operand &&
         !qtest_parse_u64(argv[3], "operand", &op2, errp))) {
        return false;
    }
    res = insn->handler(cpu, css, reg1, op2);
    if (res.pgm) {
        g_string_append_printf(reply, "pgm=0x%04x", res.pgm);
    } else {
        g_string_append_printf(reply, "cc=%u", res.cc);
    }
    return true;
}

/* s390x_cr6 VALUE: bits 0-7 of the 32-bit value enable ISC 0-7. */
static bool qtest_s390x_cr6(int argc, char **argv, GString *reply,
                            GError **errp)
{
    S390CPU *cpu;
    ChannelSubSys *css;
    uint64_t val;

    if (!get_machine(&cpu, &css, errp)) {
        return false;
    }
    if (argc != 2) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "usage: s390x_cr6 VALUE");
        return false;
    }
    if (!qtest_parse_u64(argv[1], "value", &val, errp)) {
        return false;
    }
    if (val > UINT32_MAX) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "value '%s' is wider than 32 bits", argv[1]);
        return false;
    }
    /* The 32-bit value is bits 32-63 of the 64-bit control register. */
    cpu->cr6 = val;
    return true;
}

typedef struct WaitIo {
    S390CPU *cpu;
    ChannelSubSys *css;
} WaitIo;

static bool io_pending_enabled(void *opaque)
{
    WaitIo *w = opaque;

    return css_io_pending(w->css, s390_cpu_isc_mask(w->cpu));
}

static bool crw_pending(void *opaque)
{
    return css_crw_pending(opaque);
}

static bool parse_timeout(int argc, char **argv, int64_t *ms, GError **errp)
{
    uint64_t val;

    if (argc != 2) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "usage: %s MS", argv[0]);
        return false;
    }
    if (!qtest_parse_u64(argv[1], "timeout", &val, errp)) {
        return false;
    }
    /* More than a day is a typo; refuse rather than hang the test. */
    if (val > 24 * 3600 * 1000) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "timeout %s ms is longer than a day", argv[1]);
        return false;
    }
    *ms = (int64_t)val;
    return true;
}

/* s390x_io_wait MS -> "SID INTPARM INTID" or "none" */
static bool qtest_s390x_io_wait(int argc, char **argv, GString *reply,
                                GError **errp)
{
    WaitIo w;
    IOIntCode code;
    int64_t ms;

    if (!get_machine(&w.cpu, &w.css, errp) ||
        !parse_timeout(argc, argv, &ms, errp)) {
        return false;
    }
    if (!main_loop_wait_until(io_pending_enabled, &w, ms) ||
        !ioinst_accept_io_interruption(w.cpu, w.css, &code)) {
        g_string_append(reply, "none");
        return true;
    }
    g_string_append_printf(reply, "0x%08x 0x%08x 0x%08x", code.sid,
                           code.intparm, code.intid);
    return true;
}

/* s390x_crw_wait MS -> "1" (a channel report is pending) or "0" */
static bool qtest_s390x_crw_wait(int argc, char **argv, GString *reply,
                                 GError **errp)
{
    S390CPU *cpu;
    ChannelSubSys *css;
    int64_t ms;

    if (!get_machine(&cpu, &css, errp) ||
        !parse_timeout(argc, argv, &ms, errp)) {
        return false;
    }
    g_string_append(reply, main_loop_wait_until(crw_pending, css, ms) ?
                           "1" : "0");
    return true;
}

static void s390_qtest_register(void)
{
    qtest_register_command("ioinst", qtest_ioinst);
    qtest_register_command("s390x_cr6", qtest_s390x_cr6);
    qtest_register_command("s390x_io_wait", qtest_s390x_io_wait);
    qtest_register_command("s390x_crw_wait", qtest_s390x_crw_wait);
}

type_init(s390_qtest_register)
