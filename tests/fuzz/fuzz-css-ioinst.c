/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-css-ioinst: sequences of I/O instructions (target/s390x/ioinst.h)
 * with arbitrary operands against a machine-less channel subsystem
 * (hw/s390x/css.h), its guest RAM, and two devices: a virtual echo device
 * that can hold its programs back, and a passthrough device double whose
 * host answers (errno results, host SCHIB, IRBs, CRWs) come from the
 * input too.
 *
 * Input:
 *   byte 0      bit 0: s390-squash-mcss; bits 1-3: where the virtual
 *               device goes, bits 4-6: where the passthrough device goes
 *               (index into a table of devnos, some of them refused)
 *   bytes 1-4   passthrough host results: start, halt, clear, store
 *               (indices into tables of errno values)
 *   bytes 5-56  the host's SCHIB, big-endian, for STSCH refreshes
 *   then up to 64 operations, one byte each plus its operands:
 *     0-13   an I/O instruction (ssch .. sal, in the order of insns[]):
 *            GR1 mode byte (0/1: SID of device 0/1, 2: 4 bytes, 3: 8
 *            bytes); for instructions with an operand, a mode byte (0-6:
 *            one of the fixed areas plus an offset byte, 7: 8 bytes)
 *     14     write guest RAM: 2 bytes address, 1 byte length, bytes
 *     15     a host IRB for the passthrough device: 96 bytes
 *     16     a failed host IRB read: errno index
 *     17     release the virtual device's held program
 *     18     unsolicited status: device byte, device-status byte
 *     19     a host CRW: 4 bytes
 *     20     subsystem reset
 *     21     CPU: problem-state byte (bit 0), CR6 (4 bytes)
 *     22     take an I/O interruption as an enabled CPU
 *     23     the virtual device: hold (bit 0) and status-table index
 *     24     hot-unplug the passthrough device
 *     25     a channel report for device 0/1 (add bit 1, hotplug bit 2)
 *
 * What must hold, whatever the sequence: in problem state every
 * instruction is a privileged-operation exception; otherwise the answer is
 * a program interruption the architecture allows for I/O instructions or
 * a condition code 0-3; a suppressed instruction (program interruption)
 * changes neither guest RAM nor the subchannels; SSCH with cc 0 leaves
 * the start function set; TSCH with cc 0 leaves no status pending, and
 * cc 1 only when none was pending.  And no crash, leak or UB in between.
 *
 * FUZZ_TRACE=1 in the environment prints each instruction and its result.
 */
#include "qemu/osdep.h"

#include "hw/s390x/css.h"
#include "target/s390x/ioinst.h"
#include "fuzz.h"

#define RAM_SIZE (20 * 1024)
#define MAX_OPS 64
#define ECHO_SIZE 4096

typedef struct VirtDev {
    bool hold;
    uint8_t status;
    uint8_t buf[ECHO_SIZE];
    size_t held;
} VirtDev;

typedef struct PtDev {
    int start_ret;
    int halt_ret;
    int clear_ret;
    int store_ret;
    SCHIB host_schib;
} PtDev;

typedef struct Machine {
    ChannelSubSys *css;
    S390CPU cpu;
    SubchDev *sch[2];
    VirtDev virt;
    PtDev pt;
} Machine;

static GuestRAM *ram;
static uint8_t *ram_copy;
static bool trace;              /* FUZZ_TRACE=1: print every instruction */

static const char *const insns[] = {
    "ssch", "stsch", "msch", "tsch", "csch", "hsch", "xsch", "rsch",
    "tpi", "stcrw", "schm", "rchp", "chsc", "sal",
};

/* Operand areas: aligned for every instruction, and a few that are not. */
static const uint64_t areas[] = {
    0x1000, 0x2000, 0x3000, 0x4000, RAM_SIZE - 8, 0x0, RAM_SIZE - 4,
};

static const char *const virt_devnos[] = {
    "fe.0.1234", NULL, "fe.1.0001", "0.0.0042", "fe.3.ffff", "ff.0.0001",
    "fe.0.0313", "fe.0.1234",
};
static const char *const pt_devnos[] = {
    "fe.0.0313", NULL, "0.0.0313", "fe.2.0002", "5.0.1234", "fe.0.1234",
    "0.0.0001", "fe.0.0313",
};

static const int start_errnos[] = {
    0, -EBUSY, -ENODEV, -EACCES, -EIO, -EINVAL, -EFAULT, -ENOMEM,
};
static const int halt_errnos[] = {
    0, -ENOSYS, -EBUSY, -ENODEV, -EACCES, -EIO, 0, -EAGAIN,
};
static const int irb_errnos[] = { 0, ENODEV, EFAULT, EIO, EINVAL };

/* Device endings of the echo device (CE+DE, SM, UC, UE, busy, ...). */
static const uint8_t endings[] = {
    0x0c, 0x4c, 0x0e, 0x0d, 0x10, 0x8c, 0x08, 0x00,
};

/* ---- the devices -------------------------------------------------------- */

static void virt_execute(SubchDev *sch, const CcwDevCommand *cmd,
                         CcwDataStream *ds, CcwDevResult *res)
{
    VirtDev *d = sch->driver_data;

    switch (ccw_cmd_class(cmd->cmd)) {
    case CCW_CMD_CLASS_WRITE:
    case CCW_CMD_CLASS_CONTROL:
        d->held = ccw_stream_fetch(ds, d->buf, sizeof(d->buf));
        break;
    default:
        ccw_stream_store(ds, d->buf, d->held);
        res->data_len = d->held;
        break;
    }
    res->dstat = endings[d->status % G_N_ELEMENTS(endings)];
    if (res->dstat & SCSW_DSTAT_UNIT_CHECK) {
        memset(sch->sense_data, 0, sizeof(sch->sense_data));
        sch->sense_data[0] = SENSE_CMD_REJECT;
    }
}

static bool virt_hold(SubchDev *sch)
{
    return ((VirtDev *)sch->driver_data)->hold;
}

static const SubchDevOps virt_ops = {
    .execute = virt_execute,
    .hold_start = virt_hold,
};

static IOInstEnding pt_request(SubchDev *sch)
{
    return css_sch_map_start_errno(sch, ((PtDev *)sch->driver_data)->start_ret);
}

static int pt_halt(SubchDev *sch)
{
    return ((PtDev *)sch->driver_data)->halt_ret;
}

static int pt_clear(SubchDev *sch)
{
    return ((PtDev *)sch->driver_data)->clear_ret;
}

static int pt_store(SubchDev *sch, SCHIB *host)
{
    PtDev *d = sch->driver_data;

    *host = d->host_schib;
    return d->store_ret;
}

static const SubchDevOps pt_ops = {
    .handle_request = pt_request,
    .handle_halt = pt_halt,
    .handle_clear = pt_clear,
    .handle_store = pt_store,
};

static const uint8_t host_chpids[8] = { 0x40, 0x41, 0, 0, 0, 0, 0, 0 };
static const uint8_t host_types[8] = { 0x1d, 0x1d, 0, 0, 0, 0, 0, 0 };

static void machine_init(Machine *m, FuzzInput *in)
{
    uint8_t where = fuzz_u8(in);
    bool squash = where & 1;
    const char *vdev = virt_devnos[(where >> 1) & 7];
    const char *pdev = pt_devnos[(where >> 4) & 7];
    uint8_t sch_be[SCHIB_SIZE];

    memset(m, 0, sizeof(*m));
    guest_ram_memset(ram, 0, 0, RAM_SIZE);
    m->css = css_new(ram, squash);
    m->cpu.ram = ram;

    /* Placement may be refused (squash rules, collisions): no device. */
    m->sch[0] = css_create_sch(m->css, vdev, true, squash, "virt", NULL);
    if (m->sch[0]) {
        css_sch_build_virtual_schib(m->sch[0], VIRTUAL_CHPID,
                                    VIRTUAL_CHPID_TYPE);
        m->sch[0]->ops = &virt_ops;
        m->sch[0]->driver_data = &m->virt;
    }
    m->sch[1] = css_create_sch(m->css, pdev, false, squash, "pt", NULL);
    if (m->sch[1]) {
        css_sch_build_schib(m->sch[1], 0xc0, 0xc0, 0xff, host_chpids,
                            host_types);
        m->sch[1]->ops = &pt_ops;
        m->sch[1]->driver_data = &m->pt;
    }
    m->pt.start_ret = start_errnos[fuzz_u8(in) % G_N_ELEMENTS(start_errnos)];
    m->pt.halt_ret = halt_errnos[fuzz_u8(in) % G_N_ELEMENTS(halt_errnos)];
    m->pt.clear_ret = halt_errnos[fuzz_u8(in) % G_N_ELEMENTS(halt_errnos)];
    m->pt.store_ret = fuzz_u8(in) & 1 ? -EIO : 0;
    fuzz_bytes(in, sch_be, sizeof(sch_be));
    copy_schib_from_guest(sch_be, &m->pt.host_schib);
}

/* ---- one I/O instruction ------------------------------------------------ */

static uint64_t pick_gr1(Machine *m, FuzzInput *in)
{
    uint8_t mode = fuzz_u8(in) & 3;

    if (mode < 2) {
        return m->sch[mode] ? css_sid_for_guest(m->sch[mode]) : SID_ONE;
    }
    return mode == 2 ? fuzz_u32(in) : fuzz_u64(in);
}

static uint64_t pick_operand(FuzzInput *in)
{
    uint8_t mode = fuzz_u8(in) & 7;

    if (mode < G_N_ELEMENTS(areas)) {
        return areas[mode] + (fuzz_u8(in) & 0xfc);
    }
    return fuzz_u64(in);
}

/* Both SCHIBs in their architected form (no padding to compare). */
static void snapshot_schs(const Machine *m, uint8_t out[2][SCHIB_SIZE])
{
    for (unsigned i = 0; i < 2; i++) {
        memset(out[i], 0, SCHIB_SIZE);
        if (m->sch[i]) {
            copy_schib_to_guest(out[i], &m->sch[i]->curr_status);
        }
    }
}

static bool status_pending(const SubchDev *sch)
{
    return sch->curr_status.scsw.ctrl & SCSW_STCTL_STATUS_PEND;
}

static void do_insn(Machine *m, FuzzInput *in, unsigned idx)
{
    const IOInstDesc *d = ioinst_by_name(insns[idx]);
    uint64_t reg1 = pick_gr1(m, in);
    uint64_t op2 = d->has_operand ? pick_operand(in) : 0;
    uint8_t before[2][SCHIB_SIZE], after[2][SCHIB_SIZE];
    bool pending_before[2] = { false, false };
    bool io_before = css_io_pending(m->css, 0xff);
    bool crw_before = css_crw_pending(m->css);
    IOInstResult r;

    g_assert_nonnull(d);
    g_assert_cmpstr(d->name, ==, insns[idx]);
    g_assert_true(guest_ram_read(ram, 0, ram_copy, RAM_SIZE));
    snapshot_schs(m, before);
    for (unsigned i = 0; i < 2; i++) {
        pending_before[i] = m->sch[i] && status_pending(m->sch[i]);
    }

    r = d->handler(&m->cpu, m->css, reg1, op2);
    if (trace) {
        g_printerr("%s 0x%" PRIx64 " 0x%" PRIx64 " -> %s%x\n", d->name,
                   reg1, op2, r.pgm ? "pgm=0x" : "cc=",
                   r.pgm ? r.pgm : r.cc);
    }

    if (m->cpu.problem_state) {
        g_assert_cmphex(r.pgm, ==, PGM_PRIVILEGED);
    }
    if (r.pgm) {
        g_assert_true(r.pgm == PGM_PRIVILEGED || r.pgm == PGM_SPECIFICATION ||
                      r.pgm == PGM_ADDRESSING || r.pgm == PGM_OPERAND);
        /* suppressed: nothing changed */
        g_assert_true(memcmp(guest_ram_map(ram, 0, RAM_SIZE), ram_copy,
                             RAM_SIZE) == 0);
        snapshot_schs(m, after);
        g_assert_true(memcmp(before, after, sizeof(before)) == 0);
        g_assert_cmpint(css_io_pending(m->css, 0xff), ==, io_before);
        g_assert_cmpint(css_crw_pending(m->css), ==, crw_before);
        return;
    }
    g_assert_cmpuint(r.cc, <=, 3);

    /* The rules that name one subchannel: find which one GR1 named. */
    for (unsigned i = 0; i < 2; i++) {
        SubchDev *sch = m->sch[i];

        /* an invisible subchannel's SID may equal a visible one's */
        if (!sch || !css_subch_visible(sch) ||
            reg1 != css_sid_for_guest(sch)) {
            continue;
        }
        if (idx == 0 && r.cc == 0) {
            g_assert_true(sch->curr_status.scsw.ctrl & SCSW_FCTL_START_FUNC);
        }
        if (idx == 3 && r.cc == 0) {
            g_assert_true(pending_before[i]);
            g_assert_false(status_pending(sch));
        }
        if (idx == 3 && r.cc == 1) {
            g_assert_false(pending_before[i]);
        }
    }
}

/* ---- everything else a sequence can do ---------------------------------- */

static void do_other(Machine *m, FuzzInput *in, uint8_t op)
{
    switch (op) {
    case 14: {                                          /* guest RAM */
        uint16_t addr = fuzz_u16(in);
        uint8_t buf[256];
        uint8_t len = fuzz_u8(in);

        fuzz_bytes(in, buf, len);
        if ((uint32_t)addr + len <= RAM_SIZE) {
            g_assert_true(guest_ram_write(ram, addr, buf, len));
        }
        break;
    }
    case 15: {                                          /* host IRB */
        uint8_t irb[IRB_SIZE];

        fuzz_bytes(in, irb, sizeof(irb));
        if (m->sch[1]) {
            css_sch_merge_host_irb(m->sch[1], irb);
        }
        break;
    }
    case 16: {
        int err = irb_errnos[fuzz_u8(in) % G_N_ELEMENTS(irb_errnos)];

        if (m->sch[1]) {
            css_sch_host_irb_error(m->sch[1], err);
        }
        break;
    }
    case 17:
        if (m->sch[0]) {
            css_sch_release_held(m->sch[0]);
        }
        break;
    case 18: {
        SubchDev *sch = m->sch[fuzz_u8(in) & 1];
        uint8_t dstat = fuzz_u8(in);

        if (sch) {
            css_sch_present_unsolicited(sch, dstat);
        }
        break;
    }
    case 19:
        css_queue_host_crw(m->css, fuzz_u32(in));
        break;
    case 20:
        css_reset(m->css);
        break;
    case 21:
        m->cpu.problem_state = fuzz_u8(in) & 1;
        m->cpu.cr6 = fuzz_u32(in);
        break;
    case 22: {
        IOIntCode code;

        ioinst_accept_io_interruption(&m->cpu, m->css, &code);
        break;
    }
    case 23: {
        uint8_t b = fuzz_u8(in);

        m->virt.hold = b & 1;
        m->virt.status = b >> 1;
        break;
    }
    case 24:
        if (m->sch[1]) {
            css_sch_unplug(m->sch[1]);
            css_destroy_sch(m->sch[1]);
            m->sch[1] = NULL;
        }
        break;
    case 25: {
        uint8_t b = fuzz_u8(in);
        SubchDev *sch = m->sch[b & 1];

        if (sch) {
            css_generate_sch_crws(m->css, sch->cssid, sch->ssid, sch->schid,
                                  b & 4, b & 2);
        }
        break;
    }
    default:
        break;
    }
}

static void free_ram(void)
{
    guest_ram_free(ram);
    g_free(ram_copy);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    g_autoptr(GError) err = NULL;

    /* one RAM for all inputs, zeroed for each (a memfd per input is slow) */
    ram = guest_ram_new(RAM_SIZE, &err);
    g_assert_no_error(err);
    ram_copy = g_malloc(RAM_SIZE);
    atexit(free_ram);
    trace = g_getenv("FUZZ_TRACE") != NULL;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in;
    Machine m;

    fuzz_input_init(&in, data, size);
    machine_init(&m, &in);
    for (unsigned n = 0; n < MAX_OPS && fuzz_left(&in); n++) {
        uint8_t op = fuzz_u8(&in) % 26;

        if (op < G_N_ELEMENTS(insns)) {
            do_insn(&m, &in, op);
        } else {
            do_other(&m, &in, op);
        }
    }
    /* devices go first, as a machine's teardown does */
    css_destroy_sch(m.sch[0]);
    css_destroy_sch(m.sch[1]);
    css_free(m.css);
    return 0;
}
