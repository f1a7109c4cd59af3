/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The VFIO container and group of a vfio-ccw mdev (legacy container path,
 * facts-css-vfio-ccw.md §4.1 step 1-2): open, check, attach the group,
 * choose the type1 IOMMU, map guest RAM for DMA; and the real system
 * calls behind VFIOKernelSyscalls.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <sys/ioctl.h>
#include <linux/vfio.h>

#include "hw/vfio/vfio-kernel.h"

/* ---- the real system calls ------------------------------------------ */

static int host_open(void *opaque, const char *path, int flags)
{
    int fd;

    do {
        fd = open(path, flags | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    return fd < 0 ? -errno : fd;
}

static int host_close(void *opaque, int fd)
{
    /* Not retried on EINTR: on Linux the fd is gone either way. */
    return close(fd) < 0 ? -errno : 0;
}

static int host_ioctl(void *opaque, int fd, unsigned long request, void *arg)
{
    int ret = ioctl(fd, request, arg);

    return ret < 0 ? -errno : ret;
}

static ssize_t host_pread(void *opaque, int fd, void *buf, size_t len,
                          off_t off)
{
    ssize_t n;

    do {
        n = pread(fd, buf, len, off);
    } while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : n;
}

static ssize_t host_pwrite(void *opaque, int fd, const void *buf, size_t len,
                           off_t off)
{
    ssize_t n;

    do {
        n = pwrite(fd, buf, len, off);
    } while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : n;
}

const VFIOKernelSyscalls vfio_kernel_host_syscalls = {
    .open = host_open,
    .close = host_close,
    .ioctl = host_ioctl,
    .pread = host_pread,
    .pwrite = host_pwrite,
    .opaque = NULL,
};

/* ---- the container -------------------------------------------------- */

struct VFIOContainer {
    const VFIOKernelSyscalls *sys;
    char *path;             /* <dev>/vfio/vfio */
    char *group_path;       /* <dev>/vfio/<group> */
    int group;
    int fd;
    int group_fd;
    uint64_t dma_size;      /* bytes mapped at iova 0 */
};

static int sys_ioctl(const VFIOContainer *c, int fd, unsigned long request,
                     void *arg)
{
    return c->sys->ioctl(c->sys->opaque, fd, request, arg);
}

/*
 * What the user can do about a failed open of a VFIO node, as
 * " (hint)", or "" when there is nothing to suggest.
 */
static char *open_hint(int err, const char *path, bool is_container)
{
    switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
        return g_strdup(is_container ?
            " (load the vfio and vfio_iommu_type1 modules; in a container, "
            "pass /dev/vfio through)" :
            " (is the mdev's group still there? in a container, pass "
            "/dev/vfio through)");
    case EACCES:
    case EPERM:
        return g_strdup_printf(" (give the user access to %s)", path);
    case EBUSY:
        return g_strdup(" (another process already uses this VFIO group)");
    default:
        return g_strdup("");
    }
}

static int open_node(VFIOContainer *c, const char *path, bool is_container,
                     GError **errp)
{
    int fd = c->sys->open(c->sys->opaque, path, O_RDWR);

    if (fd < 0) {
        g_autofree char *hint = open_hint(-fd, path, is_container);

        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-fd),
                    "vfio-ccw: cannot open VFIO %s %s: %s%s",
                    is_container ? "container" : "group", path,
                    g_strerror(-fd), hint);
    }
    return fd;
}

/* API version and a type1 IOMMU.  Returns: the IOMMU type, or 0. */
static unsigned long check_container(VFIOContainer *c, GError **errp)
{
    static const unsigned long types[] = {
        VFIO_TYPE1v2_IOMMU, VFIO_TYPE1_IOMMU,
    };
    int ret;

    ret = sys_ioctl(c, c->fd, VFIO_GET_API_VERSION, NULL);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-ccw: VFIO_GET_API_VERSION on %s failed: %s",
                    c->path, g_strerror(-ret));
        return 0;
    }
    if (ret != VFIO_API_VERSION) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "vfio-ccw: %s speaks VFIO API version %d, this program "
                    "knows only version %d", c->path, ret, VFIO_API_VERSION);
        return 0;
    }
    /* type1v2 if possible (what QEMU prefers); plain type1 serves mdevs. */
    for (size_t i = 0; i < G_N_ELEMENTS(types); i++) {
        ret = sys_ioctl(c, c->fd, VFIO_CHECK_EXTENSION,
                        (void *)(uintptr_t)types[i]);
        if (ret > 0) {
            return types[i];
        }
    }
    g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                "vfio-ccw: %s offers no type1 IOMMU (load the "
                "vfio_iommu_type1 module)", c->path);
    return 0;
}

static bool check_group_viable(VFIOContainer *c, GError **errp)
{
    struct vfio_group_status status = { .argsz = sizeof(status) };
    int ret;

    ret = sys_ioctl(c, c->group_fd, VFIO_GROUP_GET_STATUS, &status);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-ccw: VFIO_GROUP_GET_STATUS on %s failed: %s",
                    c->group_path, g_strerror(-ret));
        return false;
    }
    if (!(status.flags & VFIO_GROUP_FLAGS_VIABLE)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_BUSY,
                    "vfio-ccw: VFIO group %d (%s) is not viable (bind "
                    "every device of the group to vfio)",
                    c->group, c->group_path);
        return false;
    }
    return true;
}

/* All of guest RAM at iova = guest absolute address 0 (ARCHITECTURE §3). */
static bool map_guest_ram(VFIOContainer *c, GuestRAM *ram, GError **errp)
{
    uint64_t size = guest_ram_size(ram);
    struct vfio_iommu_type1_dma_map map = {
        .argsz = sizeof(map),
        .flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
        .vaddr = (uint64_t)(uintptr_t)guest_ram_map(ram, 0, size),
        .iova = 0,
        .size = size,
    };
    int ret;

    ret = sys_ioctl(c, c->fd, VFIO_IOMMU_MAP_DMA, &map);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-ccw: VFIO_IOMMU_MAP_DMA of %" PRIu64 " bytes of "
                    "guest RAM at iova 0 on %s failed: %s%s",
                    size, c->path, g_strerror(-ret),
                    -ret == ENOMEM || -ret == ENOSPC ?
                    " (check the locked-memory limit, ulimit -l, and the "
                    "vfio_iommu_type1 dma_entry_limit)" : "");
        return false;
    }
    c->dma_size = size;
    return true;
}

static void unmap_guest_ram(VFIOContainer *c)
{
    struct vfio_iommu_type1_dma_unmap unmap = {
        .argsz = sizeof(unmap),
        .iova = 0,
        .size = c->dma_size,
    };

    if (c->dma_size) {
        sys_ioctl(c, c->fd, VFIO_IOMMU_UNMAP_DMA, &unmap);
        c->dma_size = 0;
    }
}

static void container_free(VFIOContainer *c)
{
    g_free(c->path);
    g_free(c->group_path);
    g_free(c);
}

VFIOContainer *vfio_container_connect(const VFIOKernelEnv *env, int group,
                                      GuestRAM *ram, GError **errp)
{
    VFIOContainer *c = g_new0(VFIOContainer, 1);
    const char *dev = vfio_kernel_env_dev_root(env);
    unsigned long iommu_type;
    int32_t container_fd;
    int ret;

    c->sys = vfio_kernel_env_sys(env);
    c->group = group;
    c->path = g_strdup_printf("%s/vfio/vfio", dev);
    c->group_path = g_strdup_printf("%s/vfio/%d", dev, group);
    c->fd = -1;
    c->group_fd = -1;

    c->fd = open_node(c, c->path, true, errp);
    if (c->fd < 0) {
        goto out_free;
    }
    iommu_type = check_container(c, errp);
    if (!iommu_type) {
        goto out_close_container;
    }
    c->group_fd = open_node(c, c->group_path, false, errp);
    if (c->group_fd < 0) {
        goto out_close_container;
    }
    if (!check_group_viable(c, errp)) {
        goto out_close_group;
    }
    container_fd = c->fd;
    ret = sys_ioctl(c, c->group_fd, VFIO_GROUP_SET_CONTAINER, &container_fd);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-ccw: VFIO_GROUP_SET_CONTAINER of %s into %s "
                    "failed: %s", c->group_path, c->path, g_strerror(-ret));
        goto out_close_group;
    }
    ret = sys_ioctl(c, c->fd, VFIO_SET_IOMMU, (void *)(uintptr_t)iommu_type);
    if (ret < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-ret),
                    "vfio-ccw: VFIO_SET_IOMMU (type1%s) on %s failed: %s",
                    iommu_type == VFIO_TYPE1v2_IOMMU ? "v2" : "", c->path,
                    g_strerror(-ret));
        goto out_unset_container;
    }
    if (!map_guest_ram(c, ram, errp)) {
        goto out_unset_container;
    }
    return c;

out_unset_container:
    sys_ioctl(c, c->group_fd, VFIO_GROUP_UNSET_CONTAINER, NULL);
out_close_group:
    c->sys->close(c->sys->opaque, c->group_fd);
out_close_container:
    c->sys->close(c->sys->opaque, c->fd);
out_free:
    container_free(c);
    return NULL;
}

int vfio_container_get_device_fd(VFIOContainer *c, const char *uuid,
                                 GError **errp)
{
    g_autofree char *name = g_strdup(uuid);
    int fd;

    fd = sys_ioctl(c, c->group_fd, VFIO_GROUP_GET_DEVICE_FD, name);
    if (fd < 0) {
        const char *hint = "";

        if (fd == -EBUSY) {
            hint = " (the mdev is in use, by another process or device)";
        } else if (fd == -ENODEV || fd == -EINVAL) {
            hint = " (is the mdev in this group? check its iommu_group "
                   "link)";
        }
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(-fd),
                    "vfio-ccw: VFIO_GROUP_GET_DEVICE_FD for mdev %s on %s "
                    "failed: %s%s", uuid, c->group_path, g_strerror(-fd),
                    hint);
        return -1;
    }
    return fd;
}

void vfio_container_disconnect(VFIOContainer *c)
{
    if (!c) {
        return;
    }
    unmap_guest_ram(c);
    sys_ioctl(c, c->group_fd, VFIO_GROUP_UNSET_CONTAINER, NULL);
    c->sys->close(c->sys->opaque, c->group_fd);
    c->sys->close(c->sys->opaque, c->fd);
    container_free(c);
}
