/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * protocol.h: vfio-user messages as they travel on the socket, and the
 * conventions that carry a vfio-ccw mediated device over them.
 *
 * What it is: the wire layouts of the vfio-user protocol subset that a CCW
 * device needs (QEMU docs/interop/vfio-user.rst, the normative spec; facts
 * in facts-vfio-user.md sections 2-5), plus the few things vfio-user does
 * not define for CCW devices: the region and IRQ numbering, and the
 * device-identity region (VFIO_USER_CCW_ID_REGION_INDEX) that tells a
 * client the host subchannel id, device number and CHPIDs.  The design is
 * explained in docs/interop/vfio-user-ccw.rst.
 *
 * Who uses it: the machine's client (hw/vfio-user/) and the device
 * process (contrib/vfio-user-ccw/server.c).  Both sides live on one host.
 *
 * Byte order: every field declared here is in the HOST's byte order, as
 * the vfio-user spec says.  The payloads of the vfio-ccw regions are not
 * declared here: they are the kernel's (<linux/vfio_ccw.h>), and inside
 * them the architected blocks (ORB, SCSW, IRB, SCHIB, CRW) are big-endian
 * bytes while the ret_code and command words are host order.
 *
 * Framing: every message is a VFIOUserHdr followed by a payload; @size in
 * the header covers both.  Structures named VFIOUser<Command> include the
 * header, so sizeof() of one is the whole fixed part of its message.
 * File descriptors ride along as SCM_RIGHTS ancillary data on the first
 * byte of the message; only DMA_MAP (one memfd) and SET_IRQS with
 * VFIO_IRQ_SET_DATA_EVENTFD (one eventfd) carry any.
 *
 * Kernel structures reused unchanged: struct vfio_region_info,
 * struct vfio_region_info_cap_type and struct vfio_irq_info from
 * <linux/vfio.h>; the flag and index constants of <linux/vfio.h> and
 * <linux/vfio_ccw.h> (VFIO_DEVICE_FLAGS_CCW, VFIO_IRQ_SET_*,
 * VFIO_CCW_IO_IRQ_INDEX, VFIO_REGION_SUBTYPE_CCW_*, ...).
 *
 * Names here are stable: the client and the server are built from this
 * header, and tests speak it byte by byte.
 */
#ifndef HW_VFIO_USER_PROTOCOL_H
#define HW_VFIO_USER_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>
#include <linux/vfio.h>
#include <linux/vfio_ccw.h>

/* ------------------------------------------------------------------------
 * Version and limits
 * ------------------------------------------------------------------------ */

/* VFIO_USER_MAJOR, VFIO_USER_MINOR: the protocol version both sides speak. */
#define VFIO_USER_MAJOR 0
#define VFIO_USER_MINOR 0

/*
 * Defaults of the VERSION capabilities when a peer does not send them
 * (spec, "Version"): one fd per message, 1 MiB per data transfer, 4 KiB
 * DMA pages, 65535 DMA windows.
 */
#define VFIO_USER_DEF_MAX_FDS       1
#define VFIO_USER_DEF_MAX_XFER      (1024 * 1024)
#define VFIO_USER_DEF_PGSIZE        4096
#define VFIO_USER_DEF_MAX_DMA_MAPS  65535

/*
 * VFIO_USER_CCW_MAX_MSG_SIZE: the largest message the vfio-user-ccw
 * server reads (header included).  The CCW regions are at most 124 bytes
 * and the VERSION JSON a few hundred, so 64 KiB leaves room without
 * letting a peer make the server buffer megabytes.  A bigger message gets
 * an E2BIG error reply and its payload is discarded.
 */
#define VFIO_USER_CCW_MAX_MSG_SIZE  (64 * 1024)

/*
 * VFIO_USER_CCW_MAX_XFER: the max_data_xfer_size the server advertises:
 * no CCW region is larger than a page.
 */
#define VFIO_USER_CCW_MAX_XFER      4096

/*
 * VFIO_USER_CCW_MAX_DMA_MAPS: the max_dma_maps the server advertises.
 * Guest RAM is one memfd, so a handful of windows is plenty.
 */
#define VFIO_USER_CCW_MAX_DMA_MAPS  64

/* ------------------------------------------------------------------------
 * Header
 * ------------------------------------------------------------------------ */

/**
 * VFIOUserCommand: the command numbers (spec, "Commands").  The server of
 * a CCW device implements VERSION, DMA_MAP, DMA_UNMAP, DEVICE_GET_INFO,
 * DEVICE_GET_REGION_INFO, DEVICE_GET_IRQ_INFO, DEVICE_SET_IRQS,
 * REGION_READ, REGION_WRITE and DEVICE_RESET; any other number gets an
 * ENOSYS error reply.
 * @VFIO_USER_VERSION: version and capability negotiation, first message.
 * @VFIO_USER_DMA_MAP: client memory the server may access.
 * @VFIO_USER_DMA_UNMAP: withdraw such memory.
 * @VFIO_USER_DEVICE_GET_INFO: device flags and region / IRQ counts.
 * @VFIO_USER_DEVICE_GET_REGION_INFO: one region's size, flags and caps.
 * @VFIO_USER_DEVICE_GET_REGION_IO_FDS: ioeventfd shortcuts (not for CCW).
 * @VFIO_USER_DEVICE_GET_IRQ_INFO: one IRQ index's count and flags.
 * @VFIO_USER_DEVICE_SET_IRQS: eventfds (or direct triggers) for IRQs.
 * @VFIO_USER_REGION_READ: read bytes of a region.
 * @VFIO_USER_REGION_WRITE: write bytes of a region.
 * @VFIO_USER_DMA_READ: server reads client memory (no-fd windows).
 * @VFIO_USER_DMA_WRITE: server writes client memory (no-fd windows).
 * @VFIO_USER_DEVICE_RESET: reset the device.
 * @VFIO_USER_REGION_WRITE_MULTI: batched small writes.
 * @VFIO_USER_DEVICE_FEATURE: migration and dirty-logging features.
 * @VFIO_USER_MIG_DATA_READ: migration data out.
 * @VFIO_USER_MIG_DATA_WRITE: migration data in.
 */
typedef enum VFIOUserCommand {
    VFIO_USER_VERSION = 1,
    VFIO_USER_DMA_MAP = 2,
    VFIO_USER_DMA_UNMAP = 3,
    VFIO_USER_DEVICE_GET_INFO = 4,
    VFIO_USER_DEVICE_GET_REGION_INFO = 5,
    VFIO_USER_DEVICE_GET_REGION_IO_FDS = 6,
    VFIO_USER_DEVICE_GET_IRQ_INFO = 7,
    VFIO_USER_DEVICE_SET_IRQS = 8,
    VFIO_USER_REGION_READ = 9,
    VFIO_USER_REGION_WRITE = 10,
    VFIO_USER_DMA_READ = 11,
    VFIO_USER_DMA_WRITE = 12,
    VFIO_USER_DEVICE_RESET = 13,
    VFIO_USER_REGION_WRITE_MULTI = 15,
    VFIO_USER_DEVICE_FEATURE = 16,
    VFIO_USER_MIG_DATA_READ = 17,
    VFIO_USER_MIG_DATA_WRITE = 18,
} VFIOUserCommand;

/* VFIOUserHdr.flags: bits 0-3 message type, then No_reply and Error. */
#define VFIO_USER_TYPE_MASK     0x0000000fu
#define VFIO_USER_REQUEST       0x00000000u   /* a command */
#define VFIO_USER_REPLY         0x00000001u   /* the answer to one */
#define VFIO_USER_NO_REPLY      0x00000010u   /* command: send no answer */
#define VFIO_USER_ERROR         0x00000020u   /* reply: @error_reply valid */

/**
 * VFIOUserHdr: the 16 bytes that start every message (spec, "Header").
 * @id: message id chosen by the sender of a command and echoed in its
 *      reply; the receiver never assumes ids are unique.
 * @command: VFIOUserCommand; repeated in the reply.
 * @size: bytes of the whole message, this header included (>= 16).
 * @flags: VFIO_USER_REQUEST or VFIO_USER_REPLY in the type bits, plus
 *         VFIO_USER_NO_REPLY (commands) or VFIO_USER_ERROR (replies).
 * @error_reply: in a reply with VFIO_USER_ERROR, a positive errno value
 *         (EINVAL, ENOSYS, ...); 0 otherwise.  An error reply is the
 *         header alone.  For REGION_WRITE to the vfio-ccw I/O and async
 *         regions this errno IS the mdev's answer (EBUSY, ENODEV, EACCES,
 *         EAGAIN, EIO, EOPNOTSUPP, EFAULT, EINVAL: see
 *         docs/interop/vfio-user-ccw.rst), exactly as pwrite() on the
 *         kernel's device fd would set errno.
 */
typedef struct VFIOUserHdr {
    uint16_t id;
    uint16_t command;
    uint32_t size;
    uint32_t flags;
    uint32_t error_reply;
} VFIOUserHdr;
_Static_assert(sizeof(VFIOUserHdr) == 16, "VFIOUserHdr is 16 bytes");

/* ------------------------------------------------------------------------
 * VFIO_USER_VERSION
 * ------------------------------------------------------------------------ */

/**
 * VFIOUserVersion: VERSION command and reply (spec, "VFIO_USER_VERSION").
 * @hdr: header; @hdr.size = 20 + the length of @capabilities with its NUL.
 * @major: VFIO_USER_MAJOR; a reply with another major ends the session.
 * @minor: proposed minor; the reply carries min(proposed, supported).
 * @capabilities: optional NUL-terminated UTF-8 JSON object
 *     {"capabilities": {...}} with "max_msg_fds", "max_data_xfer_size",
 *     "max_dma_maps", "pgsizes" (numbers).  The vfio-user-ccw server
 *     answers with all four (1, VFIO_USER_CCW_MAX_XFER,
 *     VFIO_USER_CCW_MAX_DMA_MAPS, 4096) and ignores members it does not
 *     know; a malformed document or wrong types get EINVAL.
 *
 * VERSION must be the first command of a session: the server answers any
 * other command before a successful VERSION with EINVAL.  It carries no
 * fds.
 */
typedef struct VFIOUserVersion {
    VFIOUserHdr hdr;
    uint16_t major;
    uint16_t minor;
    char capabilities[];
} VFIOUserVersion;
_Static_assert(sizeof(VFIOUserVersion) == 20, "VFIOUserVersion is 20 bytes");

/* ------------------------------------------------------------------------
 * VFIO_USER_DMA_MAP / VFIO_USER_DMA_UNMAP
 * ------------------------------------------------------------------------ */

/* VFIOUserDMAMap.flags */
#define VFIO_USER_DMA_MAP_FLAG_READ   (1u << 0)  /* server may read */
#define VFIO_USER_DMA_MAP_FLAG_WRITE  (1u << 1)  /* server may write */

/**
 * VFIOUserDMAMap: DMA_MAP command (spec, "VFIO_USER_DMA_MAP"): guest
 * memory the server may reach.  Message size 48, one fd attached.
 * @hdr: header.
 * @argsz: 32 (the payload size; the reply has no payload).
 * @flags: VFIO_USER_DMA_MAP_FLAG_READ / _WRITE; other bits are refused.
 * @offset: offset of the window inside the attached fd.
 * @iova: guest absolute address of the window (channel programs use
 *        absolute addresses, so this is where a CCW address points).
 * @size: window size in bytes.
 *
 * The vfio-user-ccw server needs exactly one fd (it mmaps it; windows
 * without an fd would need DMA_READ/WRITE, which it does not implement:
 * EOPNOTSUPP).  @iova, @offset and @size must be multiples of 4096 and
 * @size non-zero (EINVAL); @offset + @size must lie within the file
 * (EINVAL); a window overlapping an existing one gets EEXIST; more than
 * VFIO_USER_CCW_MAX_DMA_MAPS windows get ENOSPC.  Reply: header only.
 */
typedef struct VFIOUserDMAMap {
    VFIOUserHdr hdr;
    uint32_t argsz;
    uint32_t flags;
    uint64_t offset;
    uint64_t iova;
    uint64_t size;
} VFIOUserDMAMap;
_Static_assert(sizeof(VFIOUserDMAMap) == 48, "VFIOUserDMAMap is 48 bytes");

/* VFIOUserDMAUnmap.flags */
#define VFIO_USER_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP (1u << 0) /* refused */
#define VFIO_USER_DMA_UNMAP_FLAG_ALL              (1u << 1)

/**
 * VFIOUserDMAUnmap: DMA_UNMAP command and reply (spec,
 * "VFIO_USER_DMA_UNMAP").  Message size 40 both ways; no fds.
 * @hdr: header.
 * @argsz: in the command, the largest reply payload the client accepts
 *         (>= 24); in the reply, 24.
 * @flags: 0, or VFIO_USER_DMA_UNMAP_FLAG_ALL with @iova and @size 0 to
 *         drop every window.  Dirty bitmaps are not supported (EINVAL).
 * @iova: base of a window exactly as mapped.
 * @size: its size exactly as mapped; no such window -> ENOENT.
 *
 * As with the kernel's vfio_ccw, unmapping memory that the channel
 * program in flight has pinned resets the device first (the program is
 * dropped without an interruption).  The reply echoes the command.
 */
typedef struct VFIOUserDMAUnmap {
    VFIOUserHdr hdr;
    uint32_t argsz;
    uint32_t flags;
    uint64_t iova;
    uint64_t size;
} VFIOUserDMAUnmap;
_Static_assert(sizeof(VFIOUserDMAUnmap) == 40,
               "VFIOUserDMAUnmap is 40 bytes");

/* ------------------------------------------------------------------------
 * VFIO_USER_DEVICE_GET_INFO
 * ------------------------------------------------------------------------ */

/**
 * VFIOUserDeviceInfo: DEVICE_GET_INFO command and reply (spec,
 * "VFIO_USER_DEVICE_GET_INFO"); the vfio-user form of struct
 * vfio_device_info without its cap_offset.  Message size 32 both ways.
 * @hdr: header.
 * @argsz: command: largest reply payload accepted (>= 16); reply: 16.
 * @flags: reply: VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET.
 * @num_regions: reply: VFIO_USER_CCW_NUM_REGIONS (5).
 * @num_irqs: reply: VFIO_CCW_NUM_IRQS (3).
 */
typedef struct VFIOUserDeviceInfo {
    VFIOUserHdr hdr;
    uint32_t argsz;
    uint32_t flags;
    uint32_t num_regions;
    uint32_t num_irqs;
} VFIOUserDeviceInfo;
_Static_assert(sizeof(VFIOUserDeviceInfo) == 32,
               "VFIOUserDeviceInfo is 32 bytes");

/* ------------------------------------------------------------------------
 * VFIO_USER_DEVICE_GET_REGION_INFO
 * ------------------------------------------------------------------------ */

/**
 * VFIOUserRegionInfo: DEVICE_GET_REGION_INFO command and reply (spec,
 * "VFIO_USER_DEVICE_GET_REGION_INFO").  Command: message size 48 with only
 * @info.argsz (largest reply payload accepted, >= 32) and @info.index set.
 * @hdr: header.
 * @info: the kernel's struct vfio_region_info.  Reply: @info.size is the
 *     region size, @info.flags VFIO_REGION_INFO_FLAG_READ / _WRITE (never
 *     MMAP, so no fd), @info.offset is the kernel's offset (index << 10)
 *     for information only, since vfio-user addresses regions by index.
 *     Regions 1-4 carry a capability chain: VFIO_REGION_INFO_FLAG_CAPS is
 *     set, and when the client's @info.argsz allows 48 bytes the reply
 *     holds a struct vfio_region_info_cap_type (header id
 *     VFIO_REGION_INFO_CAP_TYPE, version 1, next 0; type
 *     VFIO_REGION_TYPE_CCW; the subtype) at @info.cap_offset = 32,
 *     counted from the start of @info.  When it does not, the reply is 32
 *     bytes with @info.argsz = 48 and @info.cap_offset = 0, so the client
 *     can ask again (as the kernel answers a short argsz).
 * Unknown index -> EINVAL.
 */
typedef struct VFIOUserRegionInfo {
    VFIOUserHdr hdr;
    struct vfio_region_info info;
} VFIOUserRegionInfo;
_Static_assert(sizeof(VFIOUserRegionInfo) == 48,
               "VFIOUserRegionInfo is 48 bytes");

/* ------------------------------------------------------------------------
 * VFIO_USER_DEVICE_GET_IRQ_INFO / VFIO_USER_DEVICE_SET_IRQS
 * ------------------------------------------------------------------------ */

/**
 * VFIOUserIRQInfo: DEVICE_GET_IRQ_INFO command and reply (spec,
 * "VFIO_USER_DEVICE_GET_IRQ_INFO").  Message size 32 both ways.
 * @hdr: header.
 * @info: the kernel's struct vfio_irq_info.  Command: @info.argsz
 *     (>= 16) and @info.index.  Reply for VFIO_CCW_IO_IRQ_INDEX,
 *     VFIO_CCW_CRW_IRQ_INDEX and VFIO_CCW_REQ_IRQ_INDEX: count 1, flags
 *     VFIO_IRQ_INFO_EVENTFD, as the kernel's vfio_ccw.  Other index ->
 *     EINVAL.
 */
typedef struct VFIOUserIRQInfo {
    VFIOUserHdr hdr;
    struct vfio_irq_info info;
} VFIOUserIRQInfo;
_Static_assert(sizeof(VFIOUserIRQInfo) == 32, "VFIOUserIRQInfo is 32 bytes");

/**
 * VFIOUserIRQSet: DEVICE_SET_IRQS command (spec,
 * "VFIO_USER_DEVICE_SET_IRQS"); the fixed part of struct vfio_irq_set.
 * @hdr: header.
 * @argsz: the whole payload: 20, plus @count bytes for DATA_BOOL.
 * @flags: exactly one VFIO_IRQ_SET_DATA_* and, as the kernel's vfio_ccw
 *     accepts nothing else, VFIO_IRQ_SET_ACTION_TRIGGER (other actions
 *     or bits -> EINVAL).
 * @index: VFIO_CCW_*_IRQ_INDEX.
 * @start: 0.
 * @count: 0 or 1 (one vector per index).
 * @data: DATA_BOOL only: @count bytes, non-zero = trigger now.
 *
 * The forms the server takes:
 *   DATA_EVENTFD, count 1, one fd attached: signal IRQ @index by writing
 *       to that eventfd (replacing an earlier one);
 *   DATA_EVENTFD, count 1 or 0, no fd; or DATA_NONE, count 0: unregister;
 *   DATA_NONE, count 1: trigger the registered eventfd now;
 *   DATA_BOOL, count 1: trigger it now if @data[0] is non-zero.
 * Fds with any other form -> EINVAL.  Reply: header only.
 */
typedef struct VFIOUserIRQSet {
    VFIOUserHdr hdr;
    uint32_t argsz;
    uint32_t flags;
    uint32_t index;
    uint32_t start;
    uint32_t count;
    uint8_t data[];
} VFIOUserIRQSet;
_Static_assert(sizeof(VFIOUserIRQSet) == 36, "VFIOUserIRQSet is 36 bytes");

/* ------------------------------------------------------------------------
 * VFIO_USER_REGION_READ / VFIO_USER_REGION_WRITE
 * ------------------------------------------------------------------------ */

/**
 * VFIOUserRegionRW: REGION_READ and REGION_WRITE commands and replies
 * (spec, "VFIO_USER_REGION_READ"/"_WRITE").
 * @hdr: header.  Message size 32 + @count for a READ reply and a WRITE
 *     command, 32 for a READ command and a WRITE reply.
 * @offset: byte offset inside the region.
 * @region: region index (0-4, see VFIO_USER_CCW_*_REGION_INDEX).
 * @count: bytes, at most the smaller of both peers' max_data_xfer_size;
 *     @offset + @count must lie within the region (EINVAL), as the kernel
 *     checks pos + count against the region size.
 * @data: READ reply / WRITE command: the bytes.
 *
 * Semantics are those of pread()/pwrite() on the kernel's vfio_ccw
 * device fd at that region's offset: a write to the I/O region starts
 * (or refuses) a channel program and the reply's errno is its ret_code;
 * reads of the CRW region pop a CRW.  REGION_WRITE must not be sent with
 * VFIO_USER_NO_REPLY for the I/O and async regions: the errno is the
 * answer to the guest's instruction.
 */
typedef struct VFIOUserRegionRW {
    VFIOUserHdr hdr;
    uint64_t offset;
    uint32_t region;
    uint32_t count;
    uint8_t data[];
} VFIOUserRegionRW;
_Static_assert(sizeof(VFIOUserRegionRW) == 32, "VFIOUserRegionRW is 32 bytes");

/*
 * VFIO_USER_DEVICE_RESET: the header alone both ways (message size 16).
 * Resets as the kernel's vfio_ccw does (FSM CLOSE then OPEN: a program in
 * flight is dropped); EINVAL if the device is then not operational.
 */

/* ------------------------------------------------------------------------
 * The vfio-ccw device over vfio-user
 * ------------------------------------------------------------------------ */

/*
 * Region indexes.  Index 0 is the kernel's fixed I/O region
 * (VFIO_CCW_CONFIG_REGION_INDEX, struct ccw_io_region, 124 bytes).  The
 * kernel registers its optional regions in the order async, SCHIB, CRW,
 * so they get 1-3 here too; a client should still find them by their
 * VFIO_REGION_INFO_CAP_TYPE capability, as QEMU does with the kernel.
 * Index 4 is ours: the device identity (struct VFIOUserCCWId).
 */
#define VFIO_USER_CCW_IO_REGION_INDEX     VFIO_CCW_CONFIG_REGION_INDEX
#define VFIO_USER_CCW_ASYNC_REGION_INDEX  1   /* struct ccw_cmd_region */
#define VFIO_USER_CCW_SCHIB_REGION_INDEX  2   /* struct ccw_schib_region */
#define VFIO_USER_CCW_CRW_REGION_INDEX    3   /* struct ccw_crw_region */
#define VFIO_USER_CCW_ID_REGION_INDEX     4   /* VFIOUserCCWId */
#define VFIO_USER_CCW_NUM_REGIONS         5

/*
 * VFIO_USER_CCW_REGION_SUBTYPE_ID: the subtype, under
 * VFIO_REGION_TYPE_CCW, of the device-identity region.  The kernel numbers
 * its CCW subtypes from 1 upwards; bit 31 marks ours as private to
 * vfio-user-ccw so that a future kernel subtype can never collide with it.
 */
#define VFIO_USER_CCW_REGION_SUBTYPE_ID   0x80000001u

/* VFIOUserCCWId.version */
#define VFIO_USER_CCW_ID_VERSION          1

/**
 * VFIOUserCCWId: the device-identity region (read-only, 24 bytes, host
 * byte order): what the kernel path learns from sysfs (the subchannel
 * directory of the mdev's parent) and that vfio-user has no other place
 * for.
 * @version: VFIO_USER_CCW_ID_VERSION.  A later version only appends
 *     fields; a client reads min(@size, what it knows).
 * @size: bytes of this structure the server filled (24 for version 1);
 *     equal to the region size.
 * @cssid: host channel-subsystem id of the subchannel (0-255).
 * @ssid: host subchannel-set id (0-3).
 * @schno: host subchannel number.  Together "cssid.ssid.schno" is what
 *     the kernel path reads from the sysfs name (e.g. 0.0.0042).
 * @devno: device number of the device on that subchannel, in subchannel
 *     set @ssid (the same value as the PMCW devno in the SCHIB region).
 * @pim: path-installed mask: bit 0x80 >> i set for each valid @chpid[i].
 * @reserved: 0.
 * @chpid: CHPIDs of the installed paths (entries outside @pim are 0).
 *
 * Why a region: the client already finds the vfio-ccw regions by their
 * type capability and reads them with REGION_READ, so this costs it one
 * more lookup and no new parser; the VERSION JSON is for negotiating
 * transport capabilities (a reply may only narrow what was proposed),
 * not for describing a device.  The SCHIB region carries devno and
 * CHPIDs too, but not the subchannel id, and reading it means a STSCH on
 * the host; this region is static.
 */
typedef struct VFIOUserCCWId {
    uint32_t version;
    uint32_t size;
    uint8_t cssid;
    uint8_t ssid;
    uint16_t schno;
    uint16_t devno;
    uint8_t pim;
    uint8_t reserved;
    uint8_t chpid[8];
} VFIOUserCCWId;
_Static_assert(sizeof(VFIOUserCCWId) == 24, "VFIOUserCCWId is 24 bytes");

/* Region sizes, from the kernel's structures. */
#define VFIO_USER_CCW_IO_REGION_SIZE     sizeof(struct ccw_io_region)
#define VFIO_USER_CCW_ASYNC_REGION_SIZE  sizeof(struct ccw_cmd_region)
#define VFIO_USER_CCW_SCHIB_REGION_SIZE  sizeof(struct ccw_schib_region)
#define VFIO_USER_CCW_CRW_REGION_SIZE    sizeof(struct ccw_crw_region)
#define VFIO_USER_CCW_ID_REGION_SIZE     sizeof(VFIOUserCCWId)

_Static_assert(sizeof(struct ccw_io_region) == 124, "I/O region is 124 bytes");
_Static_assert(sizeof(struct ccw_cmd_region) == 8, "async region is 8 bytes");
_Static_assert(sizeof(struct ccw_schib_region) == 52, "SCHIB region 52 bytes");
_Static_assert(sizeof(struct ccw_crw_region) == 8, "CRW region is 8 bytes");

/*
 * VFIO_USER_CCW_REGION_OFFSET_SHIFT: the kernel's vfio_ccw places region
 * i at device-fd offset i << 10; GET_REGION_INFO reports that offset for
 * information (vfio-user addresses regions by index).
 */
#define VFIO_USER_CCW_REGION_OFFSET_SHIFT 10

#endif /* HW_VFIO_USER_PROTOCOL_H */
