/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * s390-virtio-ccw.h: the s390-ccw-virtio machine.
 *
 * The machine has guest RAM, a channel subsystem and one virtual css bus.
 * There is no CPU yet: under -qtest the test client plays the CPU.
 */
#ifndef HW_S390X_S390_VIRTIO_CCW_H
#define HW_S390X_S390_VIRTIO_CCW_H

#include "hw/boards.h"
#include "hw/s390x/css-bridge.h"
#include "target/s390x/cpu.h"

#define TYPE_S390_CCW_MACHINE "s390-ccw-virtio-machine"

/**
 * S390CcwMachineState:
 * @squash_mcss: property s390-squash-mcss: put every subchannel into css
 *               image 0 (QEMU 2.10 semantics; see docs/system/s390x/css.rst).
 * @bus: the virtual css bus (also in MachineState.buses).
 * @css: the channel subsystem: images, subchannels, interruption and
 *       channel-report queues.
 * @cpu: what a CPU holds that the I/O instructions use (CR6, condition
 *       code); under qtest the client plays this CPU.
 */
typedef struct S390CcwMachineState {
    MachineState parent_obj;
    bool squash_mcss;
    VirtualCssBus *bus;
    ChannelSubSys *css;
    S390CPU cpu;
} S390CcwMachineState;

GType s390_ccw_machine_get_type(void);

/**
 * s390_ccw_machine_css: Returns: the channel subsystem of @ms if it is an
 * s390-ccw-virtio machine, else NULL.
 */
ChannelSubSys *s390_ccw_machine_css(MachineState *ms);

/** s390_ccw_machine_cpu: Returns: the CPU state of @ms, or NULL. */
S390CPU *s390_ccw_machine_cpu(MachineState *ms);

#define S390_CCW_MACHINE(obj) \
    G_TYPE_CHECK_INSTANCE_CAST((obj), s390_ccw_machine_get_type(), \
                               S390CcwMachineState)

#endif /* HW_S390X_S390_VIRTIO_CCW_H */
