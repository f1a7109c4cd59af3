/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mdev-int.h: the Mdev structure, shared by mdev.c (state machine,
 * regions, IRQs, CRWs: the kernel's part) and mdev-hw.c (the simulated
 * host subchannel: the hardware's part).  Not for other users.
 */
#ifndef VFIO_USER_CCW_MDEV_INT_H
#define VFIO_USER_CCW_MDEV_INT_H

#include "cp.h"
#include "mdev.h"

/* Work the host subchannel has accepted and not yet performed. */
#define HW_START  (1u << 0)
#define HW_HALT   (1u << 1)
#define HW_CLEAR  (1u << 2)

struct Mdev {
    MdevConfig cfg;
    MdevDevice dev;
    const DmaMaps *maps;
    CcwProgram *cp;
    MdevState state;
    MdevTraceFn trace;
    void *trace_opaque;

    /* Regions that keep contents between accesses, as the kernel's do. */
    struct ccw_io_region io;
    struct ccw_cmd_region cmd;

    int irq_fd[VFIO_CCW_NUM_IRQS];
    GQueue crws;                /* CRWs as (flags << 16 | rsid) */

    /* The simulated host subchannel. */
    struct {
        bool enabled;
        uint32_t intparm;
        uint8_t pim;            /* installed paths */
        uint8_t opm;            /* operational (online) paths */
        uint8_t lpm;            /* the kernel's sch->lpm */
        uint8_t lpum;           /* path of the last I/O */
        unsigned work;          /* HW_* */
        SCSW scsw;              /* function and activity while pending */
        ORB orb;                /* the started (translated) program */
        IRB irb;                /* the IRB the INTERRUPT event presents */
    } hw;
};

/* mdev_trace: one trace line, prefixed with the subchannel id. */
void mdev_trace(Mdev *m, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* mdev_signal_irq: write the eventfd of IRQ @index; false if none is set. */
bool mdev_signal_irq(Mdev *m, uint32_t index);

/* mdev_path_bit: the path-mask bit of path @path (0x80 >> @path). */
uint8_t mdev_path_bit(unsigned path);

/*
 * The host subchannel's instructions, as the kernel issues them: 0 for
 * cc 0 (the function is pending until mdev_run_work()), -EBUSY for cc 1
 * or 2, -EACCES / -ENODEV for cc 3 (mdev_hw_ssch: paths remain / none).
 */
int mdev_hw_ssch(Mdev *m);
int mdev_hw_hsch(Mdev *m);
int mdev_hw_csch(Mdev *m);

/* mdev_hw_cancel: forget a pending function without an interruption. */
void mdev_hw_cancel(Mdev *m);

#endif /* VFIO_USER_CCW_MDEV_INT_H */
