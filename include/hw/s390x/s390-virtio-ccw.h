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

#define TYPE_S390_CCW_MACHINE "s390-ccw-virtio-machine"

/**
 * S390CcwMachineState:
 * @squash_mcss: property s390-squash-mcss: put every subchannel into css
 *               image 0 (QEMU 2.10 semantics; see docs/system/s390x/css.rst).
 * @bus: the virtual css bus (also in MachineState.buses).
 */
typedef struct S390CcwMachineState {
    MachineState parent_obj;
    bool squash_mcss;
    VirtualCssBus *bus;
} S390CcwMachineState;

GType s390_ccw_machine_get_type(void);

#define S390_CCW_MACHINE(obj) \
    G_TYPE_CHECK_INSTANCE_CAST((obj), s390_ccw_machine_get_type(), \
                               S390CcwMachineState)

#endif /* HW_S390X_S390_VIRTIO_CCW_H */
