/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vfio-kernel.h: the kernel transport of `-device vfio-ccw,sysfsdev=PATH`.
 *
 * Everything between the sysfsdev path and a working VFIODevice:
 *   1. vfio_ccw_sysfs_resolve() turns PATH (an mdev of the vfio_ccw
 *      driver, e.g. /sys/bus/mdev/devices/UUID) into VFIOCcwHostInfo: the
 *      mdev UUID, the host subchannel id, the IOMMU group and the path
 *      masks, CHPIDs and channel-path types of the host subchannel
 *      (facts-css-vfio-ccw.md §3.9, §3.10);
 *   2. vfio_kernel_attach() opens the VFIO container and group, maps guest
 *      RAM for DMA (iova = guest absolute address), gets the device fd and
 *      checks VFIO_DEVICE_GET_INFO (facts §4.1), and fills in a VFIODevice
 *      whose ops issue ioctl/pread/pwrite on the device fd;
 *   3. vfio_kernel_detach() undoes 2 in reverse order.
 * What the regions and IRQs of the device must look like is checked by
 * vfio_ccw_find_regions()/vfio_ccw_check_irqs() (hw/vfio/vfio-ccw-regions.h),
 * which serve the vfio-user transport too.
 *
 * Kernel structures, ioctl numbers and constants come from <linux/vfio.h>
 * and <linux/vfio_ccw.h>; nothing of theirs is re-declared here.
 *
 * Errors: every failing step sets ONE GError (domain G_IO_ERROR) whose
 * message starts with "vfio-ccw: ", names the step, the path and the errno
 * text, and ends with a hint in parentheses where the user can act.  The
 * caller adds nothing to it.
 *
 * Testability: where sysfs and /dev live and how the VFIO fds are opened
 * and driven are given by a VFIOKernelEnv; NULL means the real host.  There
 * is no hidden global state.
 * Who may call: hw/vfio/ccw.c, hw/s390x/s390-ccw.c and tests.
 * Single-threaded, like the rest of the machine.
 */
#ifndef HW_VFIO_VFIO_KERNEL_H
#define HW_VFIO_VFIO_KERNEL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <glib.h>

#include "hw/vfio/vfio-device.h"
#include "system/memory.h"

/**
 * VFIOKernelSyscalls: the system calls the kernel transport makes on VFIO
 * character devices, so tests can stand in for a kernel that has vfio_ccw.
 * Every hook returns what the system call returns on success and a
 * negative errno (never -1 with errno) on failure.
 * @open: open(2) of @path with @flags.  Returns: an fd or -errno.
 * @close: close(2).  Returns: 0 or -errno.
 * @ioctl: ioctl(2) with @arg passed as the third argument (a pointer, or
 *     an integer cast to one for VFIO_CHECK_EXTENSION / VFIO_SET_IOMMU).
 *     Returns: the ioctl's non-negative result, or -errno.
 * @pread: pread(2).  Returns: bytes read or -errno.
 * @pwrite: pwrite(2).  Returns: bytes written or -errno.
 * @opaque: passed as the first argument of every hook.
 */
typedef struct VFIOKernelSyscalls {
    int (*open)(void *opaque, const char *path, int flags);
    int (*close)(void *opaque, int fd);
    int (*ioctl)(void *opaque, int fd, unsigned long request, void *arg);
    ssize_t (*pread)(void *opaque, int fd, void *buf, size_t len, off_t off);
    ssize_t (*pwrite)(void *opaque, int fd, const void *buf, size_t len,
                      off_t off);
    void *opaque;
} VFIOKernelSyscalls;

/**
 * vfio_kernel_host_syscalls: the real system calls (open with O_CLOEXEC
 * added, close, ioctl, pread/pwrite retried on EINTR).
 */
extern const VFIOKernelSyscalls vfio_kernel_host_syscalls;

/**
 * VFIOKernelEnv: where the host kernel is reached.  A NULL env, or a NULL
 * field, means the real one.
 * @sysfs_root: sysfs mount point, "/sys" by default; used for the
 *     channel-path type files <sysfs_root>/devices/css<C>/chp<C>.<PP>/type.
 *     (The mdev itself is found through the sysfsdev path as given.)
 * @dev_root: device directory, "/dev" by default; VFIO nodes are
 *     <dev_root>/vfio/vfio and <dev_root>/vfio/<group>.
 * @sys: the system calls on those nodes, &vfio_kernel_host_syscalls by
 *     default.  Must outlive every device attached with this env.
 */
typedef struct VFIOKernelEnv {
    const char *sysfs_root;
    const char *dev_root;
    const VFIOKernelSyscalls *sys;
} VFIOKernelEnv;

/** vfio_kernel_env_sysfs_root: Returns: @env's sysfs root, or "/sys". */
static inline const char *vfio_kernel_env_sysfs_root(const VFIOKernelEnv *env)
{
    return env && env->sysfs_root ? env->sysfs_root : "/sys";
}

/** vfio_kernel_env_dev_root: Returns: @env's device directory, or "/dev". */
static inline const char *vfio_kernel_env_dev_root(const VFIOKernelEnv *env)
{
    return env && env->dev_root ? env->dev_root : "/dev";
}

/** vfio_kernel_env_sys: Returns: @env's system calls, or the real ones. */
static inline const VFIOKernelSyscalls *
vfio_kernel_env_sys(const VFIOKernelEnv *env)
{
    return env && env->sys ? env->sys : &vfio_kernel_host_syscalls;
}

/**
 * VFIOCcwHostInfo: what sysfs says about the host side of a vfio-ccw mdev.
 * All numbers are host order.
 * @mdev_path: the sysfsdev path with every symlink resolved, e.g.
 *     /sys/devices/css0/0.0.0313/<UUID>.  Owned (g_free).
 * @mdev_uuid: basename of @mdev_path: the mdev's UUID, which is also the
 *     name VFIO_GROUP_GET_DEVICE_FD takes.  Owned (g_free).
 * @cssid, @ssid, @schno: the host subchannel id, parsed from the name of
 *     the mdev's parent directory ("%x.%x.%04x", e.g. "0.0.0313"; Linux
 *     names css devices by subchannel id, not device number).
 * @iommu_group: the VFIO group number, basename of <mdev>/iommu_group.
 * @pim, @pam, @pom: path-installed/-available/-operational masks from
 *     <subchannel>/pimpampom (bit 0x80 = path 0; PoP 15, PMCW).
 * @chpids: channel-path ids of paths 0-7 from <subchannel>/chpids
 *     (0 where no path is installed).
 * @chpid_types: channel-path type of every path whose @pim bit is set,
 *     from <sysfs>/devices/css<cssid>/chp<cssid>.<chpid>/type; 0 for
 *     paths that are not installed.
 * @has_devno, @devno: the host device number, from <subchannel>/dev_busid
 *     ("0.<ssid>.<devno>", Linux 5.15+).  @has_devno is false when the
 *     file is missing (older kernels) or says "none" (no valid device);
 *     the guest never sees it (its devno comes from the devno property),
 *     it only helps messages.
 */
typedef struct VFIOCcwHostInfo {
    char *mdev_path;
    char *mdev_uuid;
    uint8_t cssid;
    uint8_t ssid;
    uint16_t schno;
    int iommu_group;
    uint8_t pim;
    uint8_t pam;
    uint8_t pom;
    uint8_t chpids[8];
    uint8_t chpid_types[8];
    bool has_devno;
    uint16_t devno;
} VFIOCcwHostInfo;

/**
 * vfio_ccw_sysfs_resolve: read the host side of a vfio-ccw mdev from sysfs.
 * @env: where sysfs is (NULL: the real host).
 * @sysfsdev: the sysfsdev property: a path to the mdev, normally
 *     /sys/bus/mdev/devices/<UUID>; NULL or "" is refused.
 * @info: filled in on success; on failure left all zero.  Release it with
 *     vfio_ccw_host_info_clear().
 * @errp: one message naming the path and what is wrong with it, e.g.
 *     "vfio-ccw: cannot resolve sysfsdev PATH: No such file or directory
 *     (is the vfio_ccw module loaded and the mdev created? ...)" or
 *     "... '0.0.zz13' is not a subchannel id ...".
 * Returns: true on success.
 */
bool vfio_ccw_sysfs_resolve(const VFIOKernelEnv *env, const char *sysfsdev,
                            VFIOCcwHostInfo *info, GError **errp);

/**
 * vfio_ccw_host_info_clear: free what @info owns and zero it.  Safe on a
 * zeroed or already cleared @info.
 */
void vfio_ccw_host_info_clear(VFIOCcwHostInfo *info);

/**
 * VFIOContainer: an open VFIO container (<dev>/vfio/vfio) with one group
 * attached, a type1 IOMMU set and guest RAM mapped for DMA.  Opaque.
 */
typedef struct VFIOContainer VFIOContainer;

/**
 * vfio_container_connect: set up the container for IOMMU group @group
 * (facts §4.1 step 1): open <dev>/vfio/vfio, check VFIO_GET_API_VERSION
 * and the type1 IOMMU extension (type1v2 preferred, type1 accepted), open
 * <dev>/vfio/<group>, check VFIO_GROUP_GET_STATUS for VIABLE, then
 * VFIO_GROUP_SET_CONTAINER, VFIO_SET_IOMMU and VFIO_IOMMU_MAP_DMA of all
 * of @ram with iova 0 (= guest absolute address 0), read and write.
 * @env: where /dev is and the system calls (NULL: the real host).
 * @group: the IOMMU group number (VFIOCcwHostInfo.iommu_group).
 * @ram: guest RAM; must outlive the container.
 * @errp: one message, e.g. "vfio-ccw: cannot open VFIO group /dev/vfio/17:
 *     Permission denied (give the user access to /dev/vfio/17)".
 * Returns: the container, or NULL with @errp set and nothing left open.
 */
VFIOContainer *vfio_container_connect(const VFIOKernelEnv *env, int group,
                                      GuestRAM *ram, GError **errp);

/**
 * vfio_container_get_device_fd: VFIO_GROUP_GET_DEVICE_FD for the mdev
 * named @uuid in @container's group.
 * Returns: the device fd (owned by the caller; close it with the env's
 * close hook), or -1 with @errp set.
 */
int vfio_container_get_device_fd(VFIOContainer *container, const char *uuid,
                                 GError **errp);

/**
 * vfio_container_disconnect: undo vfio_container_connect() in reverse:
 * VFIO_IOMMU_UNMAP_DMA, VFIO_GROUP_UNSET_CONTAINER, close the group, close
 * the container.  Errors are ignored (nothing can be done about them at
 * teardown).  NULL is allowed.
 */
void vfio_container_disconnect(VFIOContainer *container);

/**
 * vfio_kernel_attach: connect @vdev to the host mdev described by @host.
 * Sets up the container (vfio_container_connect()), gets the device fd
 * and VFIO_DEVICE_GET_INFO, which must report VFIO_DEVICE_FLAGS_CCW.
 * @vdev: zeroed (or detached).  On success: @name = the mdev UUID (owned),
 *     @ops = the kernel ops (ioctl/pread/pwrite on the device fd; region
 *     accesses are bounds-checked against GET_REGION_INFO's size; a short
 *     read or write returns the short count), @opaque = the transport's
 *     state, @flags/@num_regions/@num_irqs from GET_INFO.  Unchanged on
 *     failure.
 * @env: where /dev is and the system calls (NULL: the real host); @env
 *     itself need not outlive the call, its @sys must outlive the device.
 * @host: from vfio_ccw_sysfs_resolve().
 * @ram: guest RAM to map for DMA; must outlive the device.
 * @errp: one message naming the failing step (see vfio_container_connect(),
 *     or "vfio-ccw: mdev UUID is not a vfio-ccw device (GET_INFO flags
 *     0x.. lack VFIO_DEVICE_FLAGS_CCW)").
 * Returns: true on success; on failure nothing is left open.
 */
bool vfio_kernel_attach(VFIODevice *vdev, const VFIOKernelEnv *env,
                        const VFIOCcwHostInfo *host, GuestRAM *ram,
                        GError **errp);

/**
 * vfio_kernel_detach: close the device fd, then disconnect the container
 * (unmap DMA, unset the container, close group and container), free
 * @vdev's name and zero @vdev.  This is also @vdev->ops->detach.  A
 * zeroed or already detached @vdev is left alone.
 */
void vfio_kernel_detach(VFIODevice *vdev);

#endif /* HW_VFIO_VFIO_KERNEL_H */
