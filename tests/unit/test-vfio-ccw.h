/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-ccw.h: the vfio-ccw device (hw/vfio/ccw.c) on a scripted fake
 * mediated device.
 *
 * A subclass of TYPE_VFIO_CCW ("test-vfio-ccw") attaches to a FakeMdev
 * instead of the kernel: its VFIODeviceIOOps answer GET_REGION_INFO and
 * GET_IRQ_INFO from the script, keep the eventfds the device registers
 * (so a test can signal them and run the main loop), record what the
 * device writes into the I/O and async-command regions, and answer
 * writes and reads with scripted results.  The guest side runs through
 * the real I/O-instruction handlers on an s390-ccw-virtio machine.
 *
 * Region layouts (facts-css-vfio-ccw.md §4.2): I/O region = ORB @0 (12),
 * SCSW @12 (12), IRB @24 (96), ret_code @120: 124 bytes; async = u32
 * command (host order) @0, ret_code @4; SCHIB region = 52 bytes; CRW
 * region = u32 CRW @0, pad @4.  Architected data are big-endian bytes,
 * written and checked by hand in the tests from the PoP layouts.
 */
#ifndef TEST_VFIO_CCW_H
#define TEST_VFIO_CCW_H

#include <sys/eventfd.h>
#include <linux/vfio.h>
#include <linux/vfio_ccw.h>

#include "hw/boards.h"
#include "hw/s390x/s390-virtio-ccw.h"
#include "hw/s390x/vfio-ccw.h"
#include "target/s390x/ioinst.h"

/* ---- the fake mediated device ------------------------------------------ */

#define FAKE_MAX_REGIONS 6
#define FAKE_NUM_IRQS 3
#define FAKE_SEQ_MAX 8
/* A scripted transfer result meaning "all the bytes asked for". */
#define FAKE_OK INT_MAX

/* The region indices the default script uses. */
enum {
    FAKE_IO = 0,
    FAKE_ASYNC = 1,
    FAKE_SCHIB = 2,
    FAKE_CRW = 3,
};

/**
 * FakeSeq: results of successive calls; the last entry repeats forever.
 * @ret: FAKE_OK, a short byte count, or -errno.
 * @n: entries used (0: always FAKE_OK).
 * @calls: how many calls were answered.
 */
typedef struct FakeSeq {
    ssize_t ret[FAKE_SEQ_MAX];
    unsigned n;
    unsigned calls;
} FakeSeq;

/**
 * FakeIrq: one IRQ index as GET_IRQ_INFO / SET_IRQS see it.
 * @count, @flags: the GET_IRQ_INFO answer.
 * @info_err: -errno for GET_IRQ_INFO, or 0.
 * @set_err: -errno for registering an eventfd, or 0.
 * @fd: the eventfd the device registered, -1 when none.
 * @last_fd: the last eventfd ever registered (to see it closed later).
 * @sets, @unsets: registrations with an fd / with -1.
 */
typedef struct FakeIrq {
    uint32_t count;
    uint32_t flags;
    int info_err;
    int set_err;
    int fd;
    int last_fd;
    unsigned sets;
    unsigned unsets;
} FakeIrq;

/**
 * FakeMdev: the script and the record of one fake vfio-ccw mdev.
 * Regions and IRQs are what GET_INFO/GET_REGION_INFO/GET_IRQ_INFO say;
 * the other members are grouped by region.  @bad_calls counts accesses
 * that no real mdev would accept (wrong offset or length, a call after
 * detach): every test expects 0.
 */
typedef struct FakeMdev {
    uint32_t num_regions;
    VFIORegion regions[FAKE_MAX_REGIONS];
    int region_info_err[FAKE_MAX_REGIONS];
    uint32_t num_irqs;
    FakeIrq irqs[FAKE_NUM_IRQS];

    /* I/O region: writes (start requests) and reads (IRBs). */
    FakeSeq io_write;
    uint8_t io_written[sizeof(struct ccw_io_region)];
    unsigned io_writes;
    ssize_t io_read_ret;
    uint8_t irb[IRB_AREA_SIZE];
    unsigned io_reads;

    /* Async-command region. */
    FakeSeq async_write;
    uint32_t async_cmd[16];
    unsigned async_writes;

    /* SCHIB region. */
    ssize_t schib_read_ret;
    uint8_t schib[SCHIB_AREA_SIZE];
    unsigned schib_reads;

    /* CRW region: @crws in order, then zero (or @crws[0] forever). */
    uint32_t crws[8];
    unsigned n_crws;
    bool crw_endless;
    ssize_t crw_read_ret;
    unsigned crw_reads;

    /* Transport and host subchannel. */
    bool attach_fails;
    bool attached;
    unsigned attaches;
    unsigned detaches;
    unsigned resets;
    unsigned bad_calls;
    uint8_t pim, pam, pom;
    uint8_t chpids[8];
    uint8_t chpid_types[8];
} FakeMdev;

/** fake_mdev_init: a full device: 4 regions, 3 IRQs, two host paths. */
void fake_mdev_init(FakeMdev *m);

/** fake_seq_set: script @s with @n results (@n <= FAKE_SEQ_MAX). */
void fake_seq_set(FakeSeq *s, unsigned n, const ssize_t *rets);

/** fake_drop_region: the device no longer offers region @index. */
void fake_drop_region(FakeMdev *m, uint32_t index);

/** fake_signal: signal IRQ @index as the mdev would (eventfd_write). */
void fake_signal(FakeMdev *m, unsigned index);

/* ---- the test device ----------------------------------------------------- */

#define TYPE_TEST_VFIO_CCW "test-vfio-ccw"

/**
 * TestVfioCcw: vfio-ccw on a FakeMdev.
 * @fake: the script, set before realize (borrowed).
 */
typedef struct TestVfioCcw {
    VFIOCCWDevice parent_obj;
    FakeMdev *fake;
} TestVfioCcw;

GType test_vfio_ccw_get_type(void);

/* ---- fixture and guest helpers ------------------------------------------ */

/* Guest addresses used by the helpers. */
#define VFX_RAM_SIZE    (1024 * 1024)
#define VFX_ORB         0x1000
#define VFX_SCHIB       0x2000
#define VFX_IRB         0x3000
#define VFX_CCW         0x4000
#define VFX_CRW         0x6000
#define VFX_TPI         0x7000

/* The device: fe.0.0313, the only subchannel: set 0, number 0. */
#define VFX_DEVNO       "fe.0.0313"
#define VFX_SID         0x00010000u     /* GR1: bit 15 one, ssid 0, sch 0 */
#define VFX_ISC         3
#define VFX_ISC_MASK    0x10            /* CR6 mask bit of ISC 3 */
#define VFX_INTPARM     0x12345678u

/**
 * VfioCcwFixture: an s390-ccw-virtio machine with one test-vfio-ccw
 * device (created, not yet realized) and its fake mdev.
 */
typedef struct VfioCcwFixture {
    MachineState *ms;
    ChannelSubSys *css;
    S390CPU *cpu;
    GuestRAM *ram;
    FakeMdev fake;
    TestVfioCcw *dev;
} VfioCcwFixture;

void vfx_setup(VfioCcwFixture *f, gconstpointer data);
void vfx_teardown(VfioCcwFixture *f, gconstpointer data);

#define VFX_TEST(path, data, fn) \
    g_test_add(path, VfioCcwFixture, data, vfx_setup, fn, vfx_teardown)

/** vfx_vcdev: Returns: the device as a VFIOCCWDevice. */
VFIOCCWDevice *vfx_vcdev(VfioCcwFixture *f);

/** vfx_realize: realize the device on the machine. Returns: success. */
bool vfx_realize(VfioCcwFixture *f, GError **errp);

/**
 * vfx_plug: realize (must succeed), then enable the subchannel with
 * MSCH: ISC 3, intparm 0 (the ORB brings VFX_INTPARM), concurrent sense
 * if @csense.
 */
void vfx_plug(VfioCcwFixture *f, bool csense);

/** vfx_run: run the main context until nothing is ready (bounded). */
void vfx_run(void);

/** vfx_put_orb: a command-mode ORB at VFX_ORB (big-endian bytes). */
void vfx_put_orb(VfioCcwFixture *f, uint32_t intparm, uint16_t ctrl0,
                 uint8_t lpm, uint32_t cpa);

/**
 * vfx_ssch: SSCH with a format-1 ORB: intparm VFX_INTPARM, F and P,
 * LPM 0xc0, program at VFX_CCW.  Returns: the condition code (asserts
 * no program interruption).
 */
int vfx_ssch(VfioCcwFixture *f);

/** vfx_insn: run I/O instruction @name with GR1 VFX_SID. Returns: cc. */
int vfx_insn(VfioCcwFixture *f, const char *name, uint64_t op2);

/** vfx_tsch: TSCH into VFX_IRB; @irb: the 64 bytes stored. Returns: cc. */
int vfx_tsch(VfioCcwFixture *f, uint8_t irb[IRB_SIZE_NO_EMW]);

/** vfx_stsch: STSCH into VFX_SCHIB; @schib: the 52 bytes. Returns: cc. */
int vfx_stsch(VfioCcwFixture *f, uint8_t schib[SCHIB_SIZE]);

/** vfx_stcrw: STCRW; @crw: the word stored. Returns: cc. */
int vfx_stcrw(VfioCcwFixture *f, uint32_t *crw);

/**
 * vfx_capture_begin: send stderr to a temporary file (for checking
 * warnings).  @path: set to the file's name.  Returns: the saved stderr
 * for vfx_capture_end().
 */
int vfx_capture_begin(char **path);

/**
 * vfx_capture_end: restore stderr; @path is freed and removed.
 * Returns: what was written meanwhile (free it).
 */
char *vfx_capture_end(int saved, char *path);

/* SCSW fields from architected bytes (PoP ch. 16, SCSW word 0-2). */
static inline uint16_t scsw_flags(const uint8_t *scsw)
{
    return lduw_be_p(scsw);
}

static inline uint16_t scsw_ctrl(const uint8_t *scsw)
{
    return lduw_be_p(scsw + 2);
}

static inline uint32_t scsw_cpa(const uint8_t *scsw)
{
    return ldl_be_p(scsw + 4);
}

static inline uint8_t scsw_dstat(const uint8_t *scsw)
{
    return scsw[8];
}

static inline uint8_t scsw_cstat(const uint8_t *scsw)
{
    return scsw[9];
}

/*
 * An IRB as the mdev stores it into the I/O region: SCSW word 0
 * (@flags, @ctrl), CPA, device and subchannel status, count 0; ESW word 0
 * @sublog and word 1 @erw; the ECW @ecw (32 bytes, may be NULL).
 */
void vfx_host_irb(uint8_t irb[IRB_AREA_SIZE], uint16_t flags, uint16_t ctrl,
                  uint32_t cpa, uint8_t dstat, uint8_t cstat,
                  uint32_t sublog, uint32_t erw, const uint8_t *ecw);

/* ---- the test groups ---------------------------------------------------- */

void vfio_ccw_request_tests(void);
void vfio_ccw_event_tests(void);
void vfio_ccw_realize_tests(void);

#endif /* TEST_VFIO_CCW_H */
