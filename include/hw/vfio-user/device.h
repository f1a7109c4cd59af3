/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * device.h: a VFIODevice reached over vfio-user.
 *
 * The VFIODeviceIOOps of include/hw/vfio/vfio-device.h carried as
 * vfio-user messages (GET_INFO, GET_REGION_INFO, REGION_READ/WRITE,
 * GET_IRQ_INFO, SET_IRQS with an eventfd, DEVICE_RESET), so the vfio-ccw
 * device above does not know which transport it runs on.
 */
#ifndef HW_VFIO_USER_DEVICE_H
#define HW_VFIO_USER_DEVICE_H

#include <stdbool.h>
#include <glib.h>

#include "hw/vfio/vfio-device.h"
#include "hw/vfio-user/proxy.h"
#include "system/memory.h"

/**
 * vfio_user_device_attach: make @vdev talk to the server behind @proxy
 * (which @vdev then owns and frees on detach): share guest RAM with it
 * (DMA_MAP of the RAM memfd, iova = guest absolute address 0, read and
 * write), then GET_INFO, which must report VFIO_DEVICE_FLAGS_CCW.
 * @name: for messages (the socket path).
 * Returns: false with @errp set to one line; then @proxy is freed too.
 */
bool vfio_user_device_attach(VFIODevice *vdev, VFIOUserProxy *proxy,
                             GuestRAM *ram, const char *name, GError **errp);

/** vfio_user_device_proxy: Returns: @vdev's proxy, or NULL. */
VFIOUserProxy *vfio_user_device_proxy(VFIODevice *vdev);

#endif /* HW_VFIO_USER_DEVICE_H */
