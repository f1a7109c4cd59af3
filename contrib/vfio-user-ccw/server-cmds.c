/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * server-cmds.c: the vfio-user commands of a vfio-ccw device, each
 * validated against its layout in include/hw/vfio-user/protocol.h before
 * anything is done.  The errno of every refusal is the one documented
 * there.
 */
#include "qemu/osdep.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include "hw/vfio-user/caps.h"
#include "server-int.h"

#define HDR_SIZE ((uint32_t)sizeof(VFIOUserHdr))

/* Payload sizes of the fixed layouts. */
#define VERSION_FIXED   (sizeof(VFIOUserVersion) - HDR_SIZE)
#define DMA_MAP_SIZE    (sizeof(VFIOUserDMAMap) - HDR_SIZE)
#define DMA_UNMAP_SIZE  (sizeof(VFIOUserDMAUnmap) - HDR_SIZE)
#define DEV_INFO_SIZE   (sizeof(VFIOUserDeviceInfo) - HDR_SIZE)
#define REG_INFO_SIZE   (sizeof(struct vfio_region_info))
#define CAP_TYPE_SIZE   (sizeof(struct vfio_region_info_cap_type))
#define IRQ_INFO_SIZE   (sizeof(struct vfio_irq_info))
#define IRQ_SET_FIXED   (sizeof(VFIOUserIRQSet) - HDR_SIZE)
#define REGION_RW_FIXED (sizeof(VFIOUserRegionRW) - HDR_SIZE)

const char *vuc_command_name(uint16_t command)
{
    static const char *const names[] = {
        [VFIO_USER_VERSION] = "VERSION",
        [VFIO_USER_DMA_MAP] = "DMA_MAP",
        [VFIO_USER_DMA_UNMAP] = "DMA_UNMAP",
        [VFIO_USER_DEVICE_GET_INFO] = "DEVICE_GET_INFO",
        [VFIO_USER_DEVICE_GET_REGION_INFO] = "DEVICE_GET_REGION_INFO",
        [VFIO_USER_DEVICE_GET_REGION_IO_FDS] = "DEVICE_GET_REGION_IO_FDS",
        [VFIO_USER_DEVICE_GET_IRQ_INFO] = "DEVICE_GET_IRQ_INFO",
        [VFIO_USER_DEVICE_SET_IRQS] = "DEVICE_SET_IRQS",
        [VFIO_USER_REGION_READ] = "REGION_READ",
        [VFIO_USER_REGION_WRITE] = "REGION_WRITE",
        [VFIO_USER_DMA_READ] = "DMA_READ",
        [VFIO_USER_DMA_WRITE] = "DMA_WRITE",
        [VFIO_USER_DEVICE_RESET] = "DEVICE_RESET",
        [VFIO_USER_REGION_WRITE_MULTI] = "REGION_WRITE_MULTI",
        [VFIO_USER_DEVICE_FEATURE] = "DEVICE_FEATURE",
        [VFIO_USER_MIG_DATA_READ] = "MIG_DATA_READ",
        [VFIO_USER_MIG_DATA_WRITE] = "MIG_DATA_WRITE",
    };

    if (command < G_N_ELEMENTS(names) && names[command]) {
        return names[command];
    }
    return "unknown";
}

/* ------------------------------------------------------------------------
 * VERSION
 * ------------------------------------------------------------------------ */

/* Check the client's capabilities; keep its max_data_xfer_size. */
static int parse_client_caps(VucClient *c, const char *json, size_t len)
{
    VFIOUserCaps client;

    if (!vfio_user_caps_from_json(json, len, &client, NULL)) {
        return -EINVAL;
    }
    /* We map guest memory in 4 KiB pages; the client must allow it. */
    if (!(client.pgsizes & VFIO_USER_DEF_PGSIZE) ||
        !client.max_data_xfer_size) {
        return -EINVAL;
    }
    c->peer_max_xfer = MIN(client.max_data_xfer_size, UINT32_MAX);
    return 0;
}

/* What we state in the VERSION reply (docs/interop/vfio-user-ccw.rst). */
static char *server_caps_json(void)
{
    const VFIOUserCaps ours = {
        .max_msg_fds = VUC_MAX_MSG_FDS,
        .max_data_xfer_size = VFIO_USER_CCW_MAX_XFER,
        .max_dma_maps = VFIO_USER_CCW_MAX_DMA_MAPS,
        .pgsizes = VFIO_USER_DEF_PGSIZE,
    };

    return vfio_user_caps_to_json(&ours);
}

static int cmd_version(VucServer *s, VucClient *c, VucRequest *req,
                       GByteArray *reply)
{
    g_autofree char *json = NULL;
    uint16_t major, minor;
    int ret;

    if (req->len < VERSION_FIXED || c->versioned) {
        return -EINVAL;
    }
    memcpy(&major, req->payload, sizeof(major));
    memcpy(&minor, req->payload + sizeof(major), sizeof(minor));
    if (major != VFIO_USER_MAJOR) {
        return -EINVAL;
    }
    c->peer_max_xfer = VFIO_USER_DEF_MAX_XFER;
    /* A lone NUL is an empty document: no capabilities, the defaults. */
    if (req->len > VERSION_FIXED + 1 ||
        (req->len == VERSION_FIXED + 1 && req->payload[VERSION_FIXED])) {
        const char *caps = (const char *)req->payload + VERSION_FIXED;
        size_t caps_len = req->len - VERSION_FIXED;

        /* The document is NUL-terminated and ends the message. */
        if (caps[caps_len - 1] != '\0' || strlen(caps) != caps_len - 1) {
            return -EINVAL;
        }
        ret = parse_client_caps(c, caps, caps_len - 1);
        if (ret) {
            return ret;
        }
    }

    /* We speak minor VFIO_USER_MINOR and every lower one. */
    if (minor > VFIO_USER_MINOR) {
        minor = VFIO_USER_MINOR;
    }
    json = server_caps_json();
    g_byte_array_append(reply, (const guint8 *)&major, sizeof(major));
    g_byte_array_append(reply, (const guint8 *)&minor, sizeof(minor));
    g_byte_array_append(reply, (const guint8 *)json, strlen(json) + 1);

    c->versioned = true;
    mdev_open(s->mdev);
    return 0;
}

/* ------------------------------------------------------------------------
 * DMA_MAP / DMA_UNMAP
 * ------------------------------------------------------------------------ */

static void unmap_window(void *host, uint64_t size)
{
    munmap(host, size);
}

static int cmd_dma_map(VucServer *s, VucClient *c, VucRequest *req,
                       GByteArray *reply)
{
    const uint32_t known = VFIO_USER_DMA_MAP_FLAG_READ |
                           VFIO_USER_DMA_MAP_FLAG_WRITE;
    VFIOUserDMAMap m;
    struct stat st;
    void *host;
    int prot = PROT_NONE;
    int ret;

    if (req->len != DMA_MAP_SIZE) {
        return -EINVAL;
    }
    memcpy((uint8_t *)&m + HDR_SIZE, req->payload, DMA_MAP_SIZE);
    if (m.argsz != DMA_MAP_SIZE || (m.flags & ~known) || req->nfds > 1) {
        return -EINVAL;
    }
    if (req->nfds == 0) {
        /* A window without an fd needs DMA_READ/WRITE: not offered. */
        return -EOPNOTSUPP;
    }
    if (!m.size || (m.iova | m.size | m.offset) % DMA_MAP_PAGE_SIZE ||
        m.iova + (m.size - 1) < m.iova || m.offset + m.size < m.offset ||
        m.size > SIZE_MAX) {
        return -EINVAL;
    }
    /*
     * The file must cover the window now: touching a page past its end
     * would kill the server with SIGBUS.
     */
    if (fstat(req->fds[0], &st) < 0 || !S_ISREG(st.st_mode) ||
        (uint64_t)st.st_size < m.offset + m.size) {
        return -EINVAL;
    }
    if (m.flags & VFIO_USER_DMA_MAP_FLAG_READ) {
        prot |= PROT_READ;
    }
    if (m.flags & VFIO_USER_DMA_MAP_FLAG_WRITE) {
        prot |= PROT_WRITE;
    }
    host = mmap(NULL, m.size, prot, MAP_SHARED, req->fds[0], m.offset);
    if (host == MAP_FAILED) {
        return -errno;
    }
    ret = dma_maps_add(s->maps, m.iova, m.size, host, m.flags, unmap_window);
    if (ret) {
        munmap(host, m.size);
        return ret;
    }
    return 0;
}

static int cmd_dma_unmap(VucServer *s, VucClient *c, VucRequest *req,
                         GByteArray *reply)
{
    VFIOUserDMAUnmap u;
    int ret;

    if (req->len != DMA_UNMAP_SIZE || req->nfds) {
        return -EINVAL;
    }
    memcpy((uint8_t *)&u + HDR_SIZE, req->payload, DMA_UNMAP_SIZE);
    if (u.argsz < DMA_UNMAP_SIZE) {
        return -EINVAL;
    }
    if (u.flags == VFIO_USER_DMA_UNMAP_FLAG_ALL) {
        if (u.iova || u.size) {
            return -EINVAL;
        }
        mdev_dma_unmap(s->mdev, 0, UINT64_MAX);
        dma_maps_clear(s->maps);
    } else if (u.flags) {
        return -EINVAL;
    } else {
        if (!dma_maps_find(s->maps, u.iova, u.size ? u.size : 1, NULL)) {
            return -ENOENT;
        }
        /* The program in flight lets go of the window first. */
        mdev_dma_unmap(s->mdev, u.iova, u.size);
        ret = dma_maps_remove(s->maps, u.iova, u.size);
        if (ret) {
            return ret;
        }
    }
    u.argsz = DMA_UNMAP_SIZE;
    g_byte_array_append(reply, (const guint8 *)&u + HDR_SIZE, DMA_UNMAP_SIZE);
    return 0;
}

/* ------------------------------------------------------------------------
 * Device, region and IRQ information
 * ------------------------------------------------------------------------ */

static int cmd_get_info(VucServer *s, VucClient *c, VucRequest *req,
                        GByteArray *reply)
{
    VFIOUserDeviceInfo info;

    if (req->len != DEV_INFO_SIZE || req->nfds) {
        return -EINVAL;
    }
    memcpy((uint8_t *)&info + HDR_SIZE, req->payload, DEV_INFO_SIZE);
    if (info.argsz < DEV_INFO_SIZE) {
        return -EINVAL;
    }
    info.argsz = DEV_INFO_SIZE;
    info.flags = VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET;
    info.num_regions = VFIO_USER_CCW_NUM_REGIONS;
    info.num_irqs = VFIO_CCW_NUM_IRQS;
    g_byte_array_append(reply, (const guint8 *)&info + HDR_SIZE,
                        DEV_INFO_SIZE);
    return 0;
}

static int cmd_get_region_info(VucServer *s, VucClient *c, VucRequest *req,
                               GByteArray *reply)
{
    struct vfio_region_info info;
    struct vfio_region_info_cap_type cap;
    const MdevRegionDesc *d;
    uint32_t need;

    if (req->len != REG_INFO_SIZE || req->nfds) {
        return -EINVAL;
    }
    memcpy(&info, req->payload, REG_INFO_SIZE);
    d = mdev_region_desc(info.index);
    if (info.argsz < REG_INFO_SIZE || !d) {
        return -EINVAL;
    }
    need = REG_INFO_SIZE + (d->subtype ? CAP_TYPE_SIZE : 0);
    info.flags = d->flags;
    info.size = d->size;
    info.offset = (uint64_t)info.index << VFIO_USER_CCW_REGION_OFFSET_SHIFT;
    info.cap_offset = 0;
    if (d->subtype) {
        info.flags |= VFIO_REGION_INFO_FLAG_CAPS;
        if (info.argsz >= need) {
            info.cap_offset = REG_INFO_SIZE;
        }
    }
    /* Too small a buffer learns the size it needs, as from the kernel. */
    info.argsz = need;
    g_byte_array_append(reply, (const guint8 *)&info, REG_INFO_SIZE);
    if (info.cap_offset) {
        memset(&cap, 0, sizeof(cap));
        cap.header.id = VFIO_REGION_INFO_CAP_TYPE;
        cap.header.version = 1;
        cap.header.next = 0;
        cap.type = VFIO_REGION_TYPE_CCW;
        cap.subtype = d->subtype;
        g_byte_array_append(reply, (const guint8 *)&cap, CAP_TYPE_SIZE);
    }
    return 0;
}

static int cmd_get_irq_info(VucServer *s, VucClient *c, VucRequest *req,
                            GByteArray *reply)
{
    struct vfio_irq_info info;

    if (req->len != IRQ_INFO_SIZE || req->nfds) {
        return -EINVAL;
    }
    memcpy(&info, req->payload, IRQ_INFO_SIZE);
    if (info.argsz < IRQ_INFO_SIZE || info.index >= VFIO_CCW_NUM_IRQS) {
        return -EINVAL;
    }
    info.argsz = IRQ_INFO_SIZE;
    info.flags = VFIO_IRQ_INFO_EVENTFD;
    info.count = 1;
    g_byte_array_append(reply, (const guint8 *)&info, IRQ_INFO_SIZE);
    return 0;
}

static int cmd_set_irqs(VucServer *s, VucClient *c, VucRequest *req,
                        GByteArray *reply)
{
    const uint32_t data_mask = VFIO_IRQ_SET_DATA_NONE |
                               VFIO_IRQ_SET_DATA_BOOL |
                               VFIO_IRQ_SET_DATA_EVENTFD;
    VFIOUserIRQSet set;
    uint32_t data;

    if (req->len < IRQ_SET_FIXED) {
        return -EINVAL;
    }
    memcpy((uint8_t *)&set + HDR_SIZE, req->payload, IRQ_SET_FIXED);
    data = set.flags & data_mask;
    /* One data type, and TRIGGER: the only action vfio_ccw accepts. */
    if (set.argsz != req->len || (set.flags & ~data_mask) !=
        VFIO_IRQ_SET_ACTION_TRIGGER || !data || (data & (data - 1)) ||
        set.index >= VFIO_CCW_NUM_IRQS || set.start != 0 || set.count > 1) {
        return -EINVAL;
    }
    if (req->nfds && data != VFIO_IRQ_SET_DATA_EVENTFD) {
        return -EINVAL;
    }
    switch (data) {
    case VFIO_IRQ_SET_DATA_NONE:
        if (req->len != IRQ_SET_FIXED) {
            return -EINVAL;
        }
        if (set.count) {
            mdev_trigger_irq(s->mdev, set.index);
        } else {
            mdev_set_irq_fd(s->mdev, set.index, -1);
        }
        return 0;
    case VFIO_IRQ_SET_DATA_BOOL:
        if (set.count != 1 || req->len != IRQ_SET_FIXED + 1) {
            return -EINVAL;
        }
        if (req->payload[IRQ_SET_FIXED]) {
            mdev_trigger_irq(s->mdev, set.index);
        }
        return 0;
    default:
        if (req->len != IRQ_SET_FIXED || req->nfds > set.count) {
            return -EINVAL;
        }
        if (req->nfds) {
            int fd = req->fds[0];

            req->fds[0] = -1;
            return mdev_set_irq_fd(s->mdev, set.index, fd);
        }
        return mdev_set_irq_fd(s->mdev, set.index, -1);
    }
}

/* ------------------------------------------------------------------------
 * Region access and reset
 * ------------------------------------------------------------------------ */

static int region_rw_header(VucClient *c, VucRequest *req,
                            VFIOUserRegionRW *rw)
{
    if (req->len < REGION_RW_FIXED || req->nfds) {
        return -EINVAL;
    }
    memcpy((uint8_t *)rw + HDR_SIZE, req->payload, REGION_RW_FIXED);
    if (rw->count > VFIO_USER_CCW_MAX_XFER || rw->count > c->peer_max_xfer ||
        !mdev_region_desc(rw->region)) {
        return -EINVAL;
    }
    return 0;
}

static int cmd_region_read(VucServer *s, VucClient *c, VucRequest *req,
                           GByteArray *reply)
{
    VFIOUserRegionRW rw;
    uint8_t data[VFIO_USER_CCW_MAX_XFER];
    ssize_t n;
    int ret = region_rw_header(c, req, &rw);

    if (ret) {
        return ret;
    }
    if (req->len != REGION_RW_FIXED) {
        return -EINVAL;
    }
    n = mdev_region_read(s->mdev, rw.region, rw.offset, data, rw.count);
    if (n < 0) {
        return n;
    }
    rw.count = n;
    g_byte_array_append(reply, (const guint8 *)&rw + HDR_SIZE,
                        REGION_RW_FIXED);
    g_byte_array_append(reply, data, n);
    return 0;
}

static int cmd_region_write(VucServer *s, VucClient *c, VucRequest *req,
                            GByteArray *reply)
{
    VFIOUserRegionRW rw;
    ssize_t n;
    int ret = region_rw_header(c, req, &rw);

    if (ret) {
        return ret;
    }
    if (req->len != REGION_RW_FIXED + rw.count) {
        return -EINVAL;
    }
    n = mdev_region_write(s->mdev, rw.region, rw.offset,
                          req->payload + REGION_RW_FIXED, rw.count);
    /*
     * With no function in the SCSW the I/O region's ret_code stays the
     * writer's own word (as in the kernel), so the result may be neither
     * an errno nor a byte count.  The reply can carry only those: anything
     * else is refused as EINVAL (found by fuzz-vfio-user-server-msg).
     */
    if (n < -4095 || n > (ssize_t)rw.count) {
        return -EINVAL;
    }
    if (n < 0) {
        return n;
    }
    rw.count = n;
    g_byte_array_append(reply, (const guint8 *)&rw + HDR_SIZE,
                        REGION_RW_FIXED);
    return 0;
}

static int cmd_reset(VucServer *s, VucClient *c, VucRequest *req,
                     GByteArray *reply)
{
    if (req->len || req->nfds) {
        return -EINVAL;
    }
    return mdev_reset(s->mdev);
}

int vuc_handle_command(VucServer *s, VucClient *c, VucRequest *req,
                       GByteArray *reply)
{
    if ((req->hdr->flags & VFIO_USER_TYPE_MASK) != VFIO_USER_REQUEST) {
        /* The server never asks, so it expects no replies. */
        return -EINVAL;
    }
    if (req->hdr->command != VFIO_USER_VERSION && !c->versioned) {
        return -EINVAL;
    }
    switch (req->hdr->command) {
    case VFIO_USER_VERSION:
        return req->nfds ? -EINVAL : cmd_version(s, c, req, reply);
    case VFIO_USER_DMA_MAP:
        return cmd_dma_map(s, c, req, reply);
    case VFIO_USER_DMA_UNMAP:
        return cmd_dma_unmap(s, c, req, reply);
    case VFIO_USER_DEVICE_GET_INFO:
        return cmd_get_info(s, c, req, reply);
    case VFIO_USER_DEVICE_GET_REGION_INFO:
        return cmd_get_region_info(s, c, req, reply);
    case VFIO_USER_DEVICE_GET_IRQ_INFO:
        return cmd_get_irq_info(s, c, req, reply);
    case VFIO_USER_DEVICE_SET_IRQS:
        return cmd_set_irqs(s, c, req, reply);
    case VFIO_USER_REGION_READ:
        return cmd_region_read(s, c, req, reply);
    case VFIO_USER_REGION_WRITE:
        return cmd_region_write(s, c, req, reply);
    case VFIO_USER_DEVICE_RESET:
        return cmd_reset(s, c, req, reply);
    default:
        return -ENOSYS;
    }
}

void vuc_session_close(VucServer *s, VucClient *c)
{
    if (!c->versioned) {
        return;
    }
    c->versioned = false;
    /* FSM CLOSE drops the program (and its pins) before the windows go. */
    mdev_close(s->mdev);
    dma_maps_clear(s->maps);
}
