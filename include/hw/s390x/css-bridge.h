/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-bridge.h: the bus that channel-attached devices plug into.
 *
 * Every subchannel device of the machine, virtual (ccw-testdev) or
 * passthrough (vfio-ccw, vfio-user-ccw), is a child of the one
 * "virtual-css-bus" the s390-ccw-virtio machine creates.
 */
#ifndef HW_S390X_CSS_BRIDGE_H
#define HW_S390X_CSS_BRIDGE_H

#include "hw/qdev-core.h"
#include "hw/s390x/css.h"

#define TYPE_VIRTUAL_CSS_BUS "virtual-css-bus"

/**
 * VirtualCssBus: the css bus.
 * @squash_mcss: the machine's s390-squash-mcss setting, cached for the
 *               devices that place subchannels (QEMU 2.10 semantics).
 * @css: the machine's channel subsystem (owned by the machine).
 */
typedef struct VirtualCssBus {
    BusState parent_obj;
    bool squash_mcss;
    ChannelSubSys *css;
} VirtualCssBus;

GType virtual_css_bus_get_type(void);

#define VIRTUAL_CSS_BUS(obj) \
    G_TYPE_CHECK_INSTANCE_CAST((obj), virtual_css_bus_get_type(), VirtualCssBus)

#endif /* HW_S390X_CSS_BRIDGE_H */
