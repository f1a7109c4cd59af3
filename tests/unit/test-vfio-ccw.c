/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-vfio-ccw.c: the vfio-ccw device on a scripted fake mdev: the fake
 * backend, the test device type, the machine fixture and the guest-side
 * helpers.  The tests themselves are in test-vfio-ccw-request.c (start,
 * halt, clear), test-vfio-ccw-events.c (IO/CRW/REQ interrupts, STSCH)
 * and test-vfio-ccw-realize.c (realize, transport failure, reset).
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "qemu/module.h"
#include "qom/object.h"

#include "test-vfio-ccw.h"

/* ------------------------------------------------------------------------
 * The fake mdev behind VFIODeviceIOOps
 * ------------------------------------------------------------------------ */

static FakeMdev *fake_of(VFIODevice *vdev)
{
    FakeMdev *m = vdev->opaque;

    g_assert_nonnull(m);
    return m;
}

static ssize_t fake_seq_next(FakeSeq *s, size_t len)
{
    ssize_t r = s->n ? s->ret[MIN(s->calls, s->n - 1)] : FAKE_OK;

    s->calls++;
    return r == FAKE_OK ? (ssize_t)len : r;
}

void fake_seq_set(FakeSeq *s, unsigned n, const ssize_t *rets)
{
    g_assert_cmpuint(n, <=, FAKE_SEQ_MAX);
    memset(s, 0, sizeof(*s));
    memcpy(s->ret, rets, n * sizeof(*rets));
    s->n = n;
}

/* Which vfio-ccw region @index is, by its type capability; -1 if none. */
static int fake_region_kind(FakeMdev *m, uint32_t index)
{
    if (index == FAKE_IO) {
        return FAKE_IO;
    }
    if (index >= m->num_regions || index >= FAKE_MAX_REGIONS ||
        m->regions[index].type != VFIO_REGION_TYPE_CCW) {
        return -1;
    }
    switch (m->regions[index].subtype) {
    case VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD:
        return FAKE_ASYNC;
    case VFIO_REGION_SUBTYPE_CCW_SCHIB:
        return FAKE_SCHIB;
    case VFIO_REGION_SUBTYPE_CCW_CRW:
        return FAKE_CRW;
    }
    return -1;
}

static int fake_get_info(VFIODevice *vdev, struct vfio_device_info *info)
{
    FakeMdev *m = fake_of(vdev);

    info->flags = VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET;
    info->num_regions = m->num_regions;
    info->num_irqs = m->num_irqs;
    return 0;
}

static int fake_get_region_info(VFIODevice *vdev, uint32_t index,
                                VFIORegion *region)
{
    FakeMdev *m = fake_of(vdev);

    if (!m->attached || index >= m->num_regions ||
        index >= FAKE_MAX_REGIONS) {
        m->bad_calls++;
        return -EINVAL;
    }
    if (m->region_info_err[index]) {
        return m->region_info_err[index];
    }
    *region = m->regions[index];
    return 0;
}

/* Copy what a read returns: all of @src, or the first @ret bytes. */
static ssize_t fake_read_result(ssize_t ret, void *buf, size_t len,
                                const void *src)
{
    if (ret == FAKE_OK) {
        ret = len;
    }
    if (ret > 0) {
        memcpy(buf, src, MIN((size_t)ret, len));
    }
    return ret;
}

static ssize_t fake_region_read(VFIODevice *vdev, uint32_t index,
                                uint64_t off, void *buf, size_t len)
{
    FakeMdev *m = fake_of(vdev);

    if (!m->attached || off != 0) {
        m->bad_calls++;
        return -EINVAL;
    }
    switch (fake_region_kind(m, index)) {
    case FAKE_IO: {
        struct ccw_io_region r;

        m->io_reads++;
        if (len != sizeof(r)) {
            m->bad_calls++;
            return -EINVAL;
        }
        memset(&r, 0, sizeof(r));
        memcpy(r.irb_area, m->irb, sizeof(r.irb_area));
        return fake_read_result(m->io_read_ret, buf, len, &r);
    }
    case FAKE_SCHIB:
        m->schib_reads++;
        if (len != sizeof(m->schib)) {
            m->bad_calls++;
            return -EINVAL;
        }
        return fake_read_result(m->schib_read_ret, buf, len, m->schib);
    case FAKE_CRW: {
        uint8_t r[sizeof(struct ccw_crw_region)] = { 0 };
        unsigned i = m->crw_reads++;
        uint32_t crw = 0;

        if (len != sizeof(r)) {
            m->bad_calls++;
            return -EINVAL;
        }
        if (m->crw_endless) {
            crw = m->crws[0];
        } else if (i < m->n_crws) {
            crw = m->crws[i];
        }
        /* The CRW as the architecture lays it out: big-endian. */
        stl_be_p(r, crw);
        return fake_read_result(m->crw_read_ret, buf, len, r);
    }
    }
    m->bad_calls++;
    return -EINVAL;
}

static ssize_t fake_region_write(VFIODevice *vdev, uint32_t index,
                                 uint64_t off, const void *buf, size_t len)
{
    FakeMdev *m = fake_of(vdev);

    if (!m->attached || off != 0) {
        m->bad_calls++;
        return -EINVAL;
    }
    switch (fake_region_kind(m, index)) {
    case FAKE_IO:
        m->io_writes++;
        if (len != sizeof(m->io_written)) {
            m->bad_calls++;
            return -EINVAL;
        }
        memcpy(m->io_written, buf, len);
        return fake_seq_next(&m->io_write, len);
    case FAKE_ASYNC:
        if (len != sizeof(struct ccw_cmd_region)) {
            m->bad_calls++;
            return -EINVAL;
        }
        /* The command word is host order, as the kernel reads it. */
        if (m->async_writes < G_N_ELEMENTS(m->async_cmd)) {
            memcpy(&m->async_cmd[m->async_writes], buf, sizeof(uint32_t));
        }
        m->async_writes++;
        return fake_seq_next(&m->async_write, len);
    }
    /* SCHIB and CRW regions are read-only in the kernel. */
    m->bad_calls++;
    return -EINVAL;
}

static int fake_get_irq_info(VFIODevice *vdev, uint32_t index,
                             struct vfio_irq_info *info)
{
    FakeMdev *m = fake_of(vdev);

    if (!m->attached || index >= m->num_irqs || index >= FAKE_NUM_IRQS) {
        m->bad_calls++;
        return -EINVAL;
    }
    if (m->irqs[index].info_err) {
        return m->irqs[index].info_err;
    }
    info->count = m->irqs[index].count;
    info->flags = m->irqs[index].flags;
    return 0;
}

static int fake_set_irq_eventfd(VFIODevice *vdev, uint32_t index, int fd)
{
    FakeMdev *m = fake_of(vdev);
    FakeIrq *irq;

    if (!m->attached || index >= m->num_irqs || index >= FAKE_NUM_IRQS) {
        m->bad_calls++;
        return -EINVAL;
    }
    irq = &m->irqs[index];
    if (fd < 0) {
        irq->unsets++;
        irq->fd = -1;
        return 0;
    }
    if (irq->set_err) {
        return irq->set_err;
    }
    irq->sets++;
    irq->fd = fd;
    irq->last_fd = fd;
    return 0;
}

static int fake_reset(VFIODevice *vdev)
{
    fake_of(vdev)->resets++;
    return 0;
}

static const VFIODeviceIOOps fake_ops = {
    .get_info = fake_get_info,
    .get_region_info = fake_get_region_info,
    .region_read = fake_region_read,
    .region_write = fake_region_write,
    .get_irq_info = fake_get_irq_info,
    .set_irq_eventfd = fake_set_irq_eventfd,
    .reset = fake_reset,
};

static void fake_region(FakeMdev *m, uint32_t index, uint64_t size,
                        uint32_t type, uint32_t subtype)
{
    g_assert_cmpuint(index, <, FAKE_MAX_REGIONS);
    m->regions[index] = (VFIORegion) {
        .index = index,
        .flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE |
                 (type ? VFIO_REGION_INFO_FLAG_CAPS : 0),
        .size = size,
        .offset = (uint64_t)index << 10,    /* VFIO_CCW_OFFSET_SHIFT */
        .type = type,
        .subtype = subtype,
    };
}

void fake_mdev_init(FakeMdev *m)
{
    static const uint8_t chpids[8] = { 0x40, 0x41 };
    static const uint8_t types[8] = { 0x1d, 0x1d };

    memset(m, 0, sizeof(*m));
    /* Sizes from <linux/vfio_ccw.h>, facts §4.2: 124, 8, 52, 8 bytes. */
    m->num_regions = 4;
    fake_region(m, FAKE_IO, 124, 0, 0);
    fake_region(m, FAKE_ASYNC, 8, VFIO_REGION_TYPE_CCW,
                VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD);
    fake_region(m, FAKE_SCHIB, 52, VFIO_REGION_TYPE_CCW,
                VFIO_REGION_SUBTYPE_CCW_SCHIB);
    fake_region(m, FAKE_CRW, 8, VFIO_REGION_TYPE_CCW,
                VFIO_REGION_SUBTYPE_CCW_CRW);
    m->num_irqs = FAKE_NUM_IRQS;
    for (unsigned i = 0; i < FAKE_NUM_IRQS; i++) {
        m->irqs[i].count = 1;
        m->irqs[i].flags = VFIO_IRQ_INFO_EVENTFD;
        m->irqs[i].fd = -1;
        m->irqs[i].last_fd = -1;
    }
    m->io_read_ret = FAKE_OK;
    m->schib_read_ret = FAKE_OK;
    m->crw_read_ret = FAKE_OK;
    m->pim = 0xc0;
    m->pam = 0xc0;
    m->pom = 0xff;
    memcpy(m->chpids, chpids, sizeof(chpids));
    memcpy(m->chpid_types, types, sizeof(types));

    /*
     * The host's own SCHIB (PoP ch. 15 layout): its intparm, enabled on
     * ISC 3 with DNV (0x1881), host devno 0x4711, LPM 0xc0, PIM/POM/PAM
     * c0/ff/c0 and the two CHPIDs.
     */
    stl_be_p(m->schib, 0x0badf00d);
    stw_be_p(m->schib + 4, 0x1881);
    stw_be_p(m->schib + 6, 0x4711);
    m->schib[8] = 0xc0;
    m->schib[11] = m->pim;
    m->schib[14] = m->pom;
    m->schib[15] = m->pam;
    memcpy(m->schib + 16, m->chpids, 8);
}

void fake_drop_region(FakeMdev *m, uint32_t index)
{
    /* An untyped region is one vfio-ccw does not know: as good as gone. */
    fake_region(m, index, 0x1000, 0, 0);
}

void fake_signal(FakeMdev *m, unsigned index)
{
    g_assert_cmpint(m->irqs[index].fd, >=, 0);
    g_assert_cmpint(eventfd_write(m->irqs[index].fd, 1), ==, 0);
}

/* ------------------------------------------------------------------------
 * The test device: vfio-ccw whose transport is the fake
 * ------------------------------------------------------------------------ */

typedef struct TestVfioCcwClass {
    VFIOCCWDeviceClass parent_class;
} TestVfioCcwClass;

OBJECT_DEFINE_TYPE(TestVfioCcw, TestVfioCcwClass, test_vfio_ccw,
                   TYPE_TEST_VFIO_CCW, vfio_ccw_device_get_type())

static bool test_vfio_ccw_attach(VFIOCCWDevice *vcdev, GError **errp)
{
    TestVfioCcw *t = (TestVfioCcw *)vcdev;
    S390CCWDevice *sdev = S390_CCW_DEVICE(vcdev);
    FakeMdev *m = t->fake;
    struct vfio_device_info info = { .argsz = sizeof(info) };

    m->attaches++;
    if (m->attach_fails) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED,
                    "fake-mdev: attach refused");
        return false;
    }
    m->attached = true;
    vcdev->vdev.ops = &fake_ops;
    vcdev->vdev.opaque = m;
    g_free(vcdev->vdev.name);
    vcdev->vdev.name = g_strdup("fake-mdev");
    g_assert_cmpint(fake_ops.get_info(&vcdev->vdev, &info), ==, 0);
    vcdev->vdev.flags = info.flags;
    vcdev->vdev.num_regions = info.num_regions;
    vcdev->vdev.num_irqs = info.num_irqs;

    /* The host subchannel 0.0.0313 and its paths, as sysfs would say. */
    sdev->host.cssid = 0;
    sdev->host.ssid = 0;
    sdev->host.schno = 0x0313;
    sdev->host.devno = 0x4711;
    sdev->host.pim = m->pim;
    sdev->host.pam = m->pam;
    sdev->host.pom = m->pom;
    memcpy(sdev->host.chpids, m->chpids, sizeof(m->chpids));
    memcpy(sdev->host.chpid_types, m->chpid_types, sizeof(m->chpid_types));
    return true;
}

static void test_vfio_ccw_detach(VFIOCCWDevice *vcdev)
{
    FakeMdev *m = ((TestVfioCcw *)vcdev)->fake;

    m->detaches++;
    m->attached = false;
    /* Any later use of the ops crashes the test, as it should. */
    vcdev->vdev.ops = NULL;
    vcdev->vdev.opaque = NULL;
}

static void test_vfio_ccw_class_init(TestVfioCcwClass *klass)
{
    VFIOCCWDeviceClass *vc = VFIO_CCW_DEVICE_CLASS(klass);

    DEVICE_CLASS(klass)->desc = "vfio-ccw on a scripted fake mdev (tests)";
    vc->attach_transport = test_vfio_ccw_attach;
    vc->detach_transport = test_vfio_ccw_detach;
}

static void test_vfio_ccw_init(TestVfioCcw *t G_GNUC_UNUSED)
{
}

/* ------------------------------------------------------------------------
 * Fixture and guest helpers
 * ------------------------------------------------------------------------ */

void vfx_setup(VfioCcwFixture *f, gconstpointer data)
{
    GType t = machine_type_from_name("s390-ccw-virtio");
    g_autoptr(GError) err = NULL;

    memset(f, 0, sizeof(*f));
    g_assert_cmpuint(t, !=, G_TYPE_INVALID);
    f->ms = g_object_new(t, NULL);
    f->ms->ram_size = VFX_RAM_SIZE;
    g_assert_true(machine_run_init(f->ms, &err));
    g_assert_no_error(err);
    f->css = s390_ccw_machine_css(f->ms);
    f->cpu = s390_ccw_machine_cpu(f->ms);
    f->ram = f->ms->ram;
    g_assert_nonnull(f->css);
    g_assert_nonnull(f->cpu);
    /* CR6: every ISC enabled, so TPI sees any interruption. */
    f->cpu->cr6 = 0xffull << 24;

    fake_mdev_init(&f->fake);
    f->dev = g_object_new(test_vfio_ccw_get_type(), "devno", VFX_DEVNO,
                          NULL);
    f->dev->fake = &f->fake;
}

void vfx_teardown(VfioCcwFixture *f, gconstpointer data)
{
    /* The machine unrealizes the device, which hands the mdev back. */
    g_object_unref(f->ms);
    if (f->dev) {
        g_object_unref(f->dev);
    }
    vfx_run();
    g_assert_false(f->fake.attached);
    g_assert_cmpuint(f->fake.bad_calls, ==, 0);
}

VFIOCCWDevice *vfx_vcdev(VfioCcwFixture *f)
{
    return VFIO_CCW_DEVICE(f->dev);
}

bool vfx_realize(VfioCcwFixture *f, GError **errp)
{
    return machine_device_add(f->ms, DEVICE(f->dev), errp);
}

void vfx_plug(VfioCcwFixture *f, bool csense)
{
    g_autoptr(GError) err = NULL;
    uint8_t schib[SCHIB_SIZE];
    uint16_t flags;

    g_assert_true(vfx_realize(f, &err));
    g_assert_no_error(err);
    g_assert_cmpint(vfx_stsch(f, schib), ==, 0);
    /* PMCW word 1: E (bit 8, 0x0080) and the ISC (bits 2-4). */
    flags = lduw_be_p(schib + 4);
    flags |= 0x0080 | (VFX_ISC << 11);
    stw_be_p(schib + 4, flags);
    /* PMCW word 6 bit 31: S, concurrent sense. */
    if (csense) {
        schib[27] |= 0x01;
    }
    g_assert_true(guest_ram_write(f->ram, VFX_SCHIB, schib, sizeof(schib)));
    g_assert_cmpint(vfx_insn(f, "msch", VFX_SCHIB), ==, 0);
}

void vfx_run(void)
{
    for (int i = 0; i < 100 && g_main_context_pending(NULL); i++) {
        g_main_context_iteration(NULL, FALSE);
    }
}

void vfx_put_orb(VfioCcwFixture *f, uint32_t intparm, uint16_t ctrl0,
                 uint8_t lpm, uint32_t cpa)
{
    uint8_t orb[12];

    /* PoP ch. 15: intparm; key/S/C/M/Y/F/P/I/A/U/B/H/T, LPM, L/D/X; CPA. */
    stl_be_p(orb, intparm);
    stw_be_p(orb + 4, ctrl0);
    orb[6] = lpm;
    orb[7] = 0;
    stl_be_p(orb + 8, cpa);
    g_assert_true(guest_ram_write(f->ram, VFX_ORB, orb, sizeof(orb)));
}

int vfx_insn(VfioCcwFixture *f, const char *name, uint64_t op2)
{
    const IOInstDesc *d = ioinst_by_name(name);
    IOInstResult r;

    g_assert_nonnull(d);
    r = d->handler(f->cpu, f->css, VFX_SID, op2);
    g_assert_cmphex(r.pgm, ==, 0);
    return r.cc;
}

int vfx_ssch(VfioCcwFixture *f)
{
    /* Format-1 CCWs (F 0x0080), prefetch allowed (P 0x0040). */
    vfx_put_orb(f, VFX_INTPARM, 0x00c0, 0xc0, VFX_CCW);
    return vfx_insn(f, "ssch", VFX_ORB);
}

int vfx_tsch(VfioCcwFixture *f, uint8_t irb[IRB_SIZE_NO_EMW])
{
    int cc;

    g_assert_true(guest_ram_memset(f->ram, VFX_IRB, 0xee, IRB_SIZE));
    cc = vfx_insn(f, "tsch", VFX_IRB);
    g_assert_true(guest_ram_read(f->ram, VFX_IRB, irb, IRB_SIZE_NO_EMW));
    return cc;
}

int vfx_stsch(VfioCcwFixture *f, uint8_t schib[SCHIB_SIZE])
{
    int cc = vfx_insn(f, "stsch", VFX_SCHIB);

    g_assert_true(guest_ram_read(f->ram, VFX_SCHIB, schib, SCHIB_SIZE));
    return cc;
}

int vfx_stcrw(VfioCcwFixture *f, uint32_t *crw)
{
    uint8_t b[4];
    int cc = vfx_insn(f, "stcrw", VFX_CRW);

    g_assert_true(guest_ram_read(f->ram, VFX_CRW, b, sizeof(b)));
    *crw = ldl_be_p(b);
    return cc;
}

int vfx_capture_begin(char **path)
{
    int fd = g_file_open_tmp("test-vfio-ccw-XXXXXX", path, NULL);
    int saved;

    g_assert_cmpint(fd, >=, 0);
    fflush(stderr);
    saved = dup(STDERR_FILENO);
    g_assert_cmpint(saved, >=, 0);
    g_assert_cmpint(dup2(fd, STDERR_FILENO), ==, STDERR_FILENO);
    close(fd);
    return saved;
}

char *vfx_capture_end(int saved, char *path)
{
    char *text = NULL;

    fflush(stderr);
    g_assert_cmpint(dup2(saved, STDERR_FILENO), ==, STDERR_FILENO);
    close(saved);
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    unlink(path);
    g_free(path);
    return text;
}

void vfx_host_irb(uint8_t irb[IRB_AREA_SIZE], uint16_t flags, uint16_t ctrl,
                  uint32_t cpa, uint8_t dstat, uint8_t cstat,
                  uint32_t sublog, uint32_t erw, const uint8_t *ecw)
{
    /* PoP ch. 16: SCSW @0 (12), ESW @12 (20), ECW @32 (32), EMW @64. */
    memset(irb, 0, IRB_AREA_SIZE);
    stw_be_p(irb, flags);
    stw_be_p(irb + 2, ctrl);
    stl_be_p(irb + 4, cpa);
    irb[8] = dstat;
    irb[9] = cstat;
    stl_be_p(irb + 12, sublog);
    stl_be_p(irb + 16, erw);
    if (ecw) {
        memcpy(irb + 32, ecw, 32);
    }
}

int main(int argc, char **argv)
{
    module_call_init();
    g_test_init(&argc, &argv, NULL);
    g_type_ensure(test_vfio_ccw_get_type());
    vfio_ccw_request_tests();
    vfio_ccw_event_tests();
    vfio_ccw_realize_tests();
    return g_test_run();
}
