/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mdev.h: the simulated vfio-ccw mediated device: its regions, IRQs,
 * state machine and CRW queue, after Linux's drivers/s390/cio/vfio_ccw_*
 * (facts-css-vfio-ccw.md sections 4 and 5), with a simulated host
 * subchannel underneath where the kernel has real hardware.
 *
 * Who calls it: server.c, which turns vfio-user messages into these calls
 * (REGION_READ/WRITE -> mdev_region_read/write, SET_IRQS ->
 * mdev_set_irq_fd, DEVICE_RESET -> mdev_reset, connect/disconnect ->
 * mdev_open/mdev_close, DMA_UNMAP -> mdev_dma_unmap), and tests.
 *
 * Regions (index, layout from <linux/vfio_ccw.h>, byte order):
 *   0 I/O, struct ccw_io_region (124 bytes): ORB, SCSW and IRB areas in
 *     architected big-endian bytes; ret_code host order.  Read/write.
 *   1 async command, struct ccw_cmd_region (8): command and ret_code,
 *     host order.  Read/write.
 *   2 SCHIB, struct ccw_schib_region (52, big-endian SCHIB).  Read only.
 *   3 CRW, struct ccw_crw_region (8): bytes 0-3 the big-endian CRW, 4-7
 *     zero.  Read only; every read takes the oldest queued CRW (zeros
 *     when none).
 *   4 device identity, VFIOUserCCWId (24, host order).  Read only.
 * Any access with offset + length beyond the region is -EINVAL; a write
 * to a read-only region is -EINVAL, as the kernel answers.
 *
 * IRQs: VFIO_CCW_IO_IRQ_INDEX (an IRB is in the I/O region),
 * VFIO_CCW_CRW_IRQ_INDEX (CRWs are queued), VFIO_CCW_REQ_IRQ_INDEX (the
 * host wants the device back).  Each is one eventfd, written with 1.
 *
 * The state machine is the kernel's table (mdev.c): states NOT_OPER,
 * STANDBY, IDLE, CP_PROCESSING, CP_PENDING x events NOT_OPER, IO_REQ,
 * INTERRUPT, ASYNC_REQ, OPEN, CLOSE, every cell filled, with the kernel's
 * errno results; every event is traced (mdev_set_trace()).
 *
 * Time: the kernel's START SUBCHANNEL returns at once and the interrupt
 * comes later.  Here, accepting a program (CP_PENDING) schedules "host
 * work"; mdev_run_work() performs it (runs the program on the device,
 * or halts, or clears) and raises the INTERRUPT event, which stores the
 * IRB and signals the IO eventfd.  The server calls mdev_run_work() from
 * its main loop after replying to the write, so the guest sees cc 0
 * first and the interruption afterwards, and a second START in between
 * finds the program pending (-EBUSY), as on real hardware.
 */
#ifndef VFIO_USER_CCW_MDEV_H
#define VFIO_USER_CCW_MDEV_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "hw/s390x/ccw-interp.h"
#include "hw/s390x/ioinst.h"
#include "hw/vfio-user/protocol.h"
#include "dma-map.h"

/**
 * MdevState: states of the kernel's vfio_ccw FSM.
 * @MDEV_STATE_NOT_OPER: the subchannel is gone; everything fails (-EIO).
 * @MDEV_STATE_STANDBY: no user (no client); the subchannel is disabled.
 * @MDEV_STATE_IDLE: open, enabled, no channel program.
 * @MDEV_STATE_CP_PROCESSING: a request is being translated.
 * @MDEV_STATE_CP_PENDING: a program was started; its interrupt is due.
 */
typedef enum MdevState {
    MDEV_STATE_NOT_OPER,
    MDEV_STATE_STANDBY,
    MDEV_STATE_IDLE,
    MDEV_STATE_CP_PROCESSING,
    MDEV_STATE_CP_PENDING,
    MDEV_STATE_NR,
} MdevState;

/**
 * MdevEvent: events of the kernel's vfio_ccw FSM.
 * @MDEV_EVENT_NOT_OPER: the subchannel became not operational.
 * @MDEV_EVENT_IO_REQ: the I/O region was written (start a program).
 * @MDEV_EVENT_INTERRUPT: the host subchannel presented an IRB.
 * @MDEV_EVENT_ASYNC_REQ: the async region was written (halt/clear).
 * @MDEV_EVENT_OPEN: a user (client) opened the device.
 * @MDEV_EVENT_CLOSE: the user closed it.
 */
typedef enum MdevEvent {
    MDEV_EVENT_NOT_OPER,
    MDEV_EVENT_IO_REQ,
    MDEV_EVENT_INTERRUPT,
    MDEV_EVENT_ASYNC_REQ,
    MDEV_EVENT_OPEN,
    MDEV_EVENT_CLOSE,
    MDEV_EVENT_NR,
} MdevEvent;

/**
 * MdevDevice: the device at the end of the host subchannel.
 * @ops: its command callbacks for the channel interpreter; @opaque is
 *     passed to every callback here.
 * @program_end: called when a program ended without unit check and
 *     without a program or protection check; returns device status to
 *     merge into the ending status (e.g. unit check for an incomplete
 *     Locate Record domain), or 0.  May be NULL.
 * @get_sense: the device's current sense bytes, for the IRB's ECW when
 *     the ending status has unit check (concurrent sense).  May be NULL
 *     (then zeros).
 */
typedef struct MdevDevice {
    const CcwDevOps *ops;
    void *opaque;
    uint8_t (*program_end)(void *opaque);
    void (*get_sense)(void *opaque, uint8_t sense[SENSE_DATA_SIZE]);
} MdevDevice;

/* MDEV_MAX_CHPIDS: channel paths of a subchannel (PMCW CHPID 0-7). */
#define MDEV_MAX_CHPIDS 8

/* MDEV_ISC: the ISC the kernel enables its subchannels with (IO_SCH_ISC). */
#define MDEV_ISC 3

/* MDEV_CRW_QUEUE_MAX: CRWs kept before the overflow (R) bit is used. */
#define MDEV_CRW_QUEUE_MAX 32

/**
 * MdevConfig: identity of the simulated host subchannel.
 * @cssid, @ssid, @schno: host subchannel id.
 * @devno: device number (in subchannel set @ssid).
 * @chpid: CHPIDs of paths 0 .. @num_chpids - 1.
 * @num_chpids: 1 to MDEV_MAX_CHPIDS.
 */
typedef struct MdevConfig {
    uint8_t cssid;
    uint8_t ssid;
    uint16_t schno;
    uint16_t devno;
    uint8_t chpid[MDEV_MAX_CHPIDS];
    unsigned num_chpids;
} MdevConfig;

/** Mdev: one simulated vfio-ccw mediated device. Opaque. */
typedef struct Mdev Mdev;

/**
 * MdevTraceFn: receives one trace line (no newline) per FSM event and
 * per host-subchannel action.
 */
typedef void (*MdevTraceFn)(void *opaque, const char *line);

/**
 * mdev_new: a device in state STANDBY (no user yet).
 * @cfg: identity; @cfg->num_chpids must be 1..8.
 * @dev: the device behind the subchannel (copied).
 * @maps: the client's DMA windows; must outlive the device.
 * Returns: the device; free with mdev_free().
 */
Mdev *mdev_new(const MdevConfig *cfg, const MdevDevice *dev,
               const DmaMaps *maps);

/** mdev_free: close the IRQ eventfds and free @m (NULL allowed). */
void mdev_free(Mdev *m);

/** mdev_set_trace: send trace lines to @fn (NULL: no tracing). */
void mdev_set_trace(Mdev *m, MdevTraceFn fn, void *opaque);

/** mdev_state: Returns: the FSM state. */
MdevState mdev_state(const Mdev *m);

/** mdev_state_name: Returns: "NOT_OPER", "STANDBY", ... */
const char *mdev_state_name(MdevState s);

/** mdev_event_name: Returns: "NOT_OPER", "IO_REQ", ... */
const char *mdev_event_name(MdevEvent e);

/**
 * mdev_fsm_event: feed @event to the state machine (the kernel's
 * vfio_ccw_fsm_event()).  Results land where the kernel puts them: the
 * I/O region's ret_code for IO_REQ, the async region's for ASYNC_REQ.
 */
void mdev_fsm_event(Mdev *m, MdevEvent event);

/**
 * mdev_fsm_force_state: put the FSM in @state without any action, for
 * tests that must reach CP_PROCESSING (a state that only exists inside
 * one call here).
 */
void mdev_fsm_force_state(Mdev *m, MdevState state);

/**
 * mdev_open: a client attached: FSM OPEN (STANDBY -> IDLE, subchannel
 * enabled with ISC 3).  Queued CRWs are announced once the CRW eventfd
 * is set.
 */
void mdev_open(Mdev *m);

/**
 * mdev_close: the client went away: FSM CLOSE (a program in flight is
 * dropped, the subchannel disabled, -> STANDBY) and its IRQ eventfds are
 * closed.  Regions, queued CRWs and the device keep their state.
 */
void mdev_close(Mdev *m);

/**
 * mdev_reset: VFIO_DEVICE_RESET: FSM CLOSE then OPEN.
 * Returns: 0, or -EINVAL if the device is not operational afterwards.
 */
int mdev_reset(Mdev *m);

/**
 * MdevRegionDesc: what GET_REGION_INFO reports for one region.
 * @size: bytes.
 * @flags: VFIO_REGION_INFO_FLAG_READ / _WRITE.
 * @subtype: VFIO_REGION_SUBTYPE_CCW_* or VFIO_USER_CCW_REGION_SUBTYPE_ID
 *     under VFIO_REGION_TYPE_CCW; 0 for the I/O region (no capability).
 */
typedef struct MdevRegionDesc {
    uint64_t size;
    uint32_t flags;
    uint32_t subtype;
} MdevRegionDesc;

/**
 * mdev_region_desc: @index: region index.
 * Returns: its description, or NULL for index >= VFIO_USER_CCW_NUM_REGIONS.
 */
const MdevRegionDesc *mdev_region_desc(uint32_t index);

/**
 * mdev_region_read: read @len bytes at @off of region @index (pread() on
 * the kernel's device fd).  Reading the SCHIB region refreshes it (the
 * kernel's STSCH); reading the CRW region takes a CRW.
 * Returns: @len, or -EINVAL (unknown region, range beyond it).
 */
ssize_t mdev_region_read(Mdev *m, uint32_t index, uint64_t off, void *buf,
                         size_t len);

/**
 * mdev_region_write: write @len bytes at @off of region @index (pwrite()).
 * Writing the I/O region raises IO_REQ, the async region ASYNC_REQ; a
 * write of 0 bytes does nothing.
 * Returns: @len, or the negative ret_code the FSM left (-EBUSY, -EAGAIN,
 * -EIO, -EOPNOTSUPP, -EFAULT, -EINVAL, -ENOMEM, -ENODEV, -EACCES), or
 * -EINVAL for an unknown or read-only region or a range beyond it.
 */
ssize_t mdev_region_write(Mdev *m, uint32_t index, uint64_t off,
                          const void *buf, size_t len);

/**
 * mdev_set_irq_fd: use eventfd @fd for IRQ @index, closing the previous
 * one; @fd = -1 unregisters.  @m owns @fd from now on.  Setting the CRW
 * eventfd while CRWs are queued signals it at once.
 * Returns: 0, or -EINVAL for an unknown index (then @fd is closed).
 */
int mdev_set_irq_fd(Mdev *m, uint32_t index, int fd);

/**
 * mdev_trigger_irq: signal IRQ @index now, if it has an eventfd
 * (SET_IRQS with DATA_NONE / DATA_BOOL).
 * Returns: true if an eventfd was written.
 */
bool mdev_trigger_irq(Mdev *m, uint32_t index);

/** mdev_work_pending: Returns: whether mdev_run_work() has work. */
bool mdev_work_pending(const Mdev *m);

/**
 * mdev_work_is_start: Returns: whether the pending work is a channel
 * program to run (no halt or clear waiting): the part a device takes
 * its time over.
 */
bool mdev_work_is_start(const Mdev *m);

/**
 * mdev_run_work: perform the host subchannel's pending function: run the
 * started program on the device, or end a halt or clear; then raise the
 * INTERRUPT event with the IRB.  Nothing happens without pending work.
 */
void mdev_run_work(Mdev *m);

/**
 * mdev_dma_unmap: the client is about to remove the window [@iova,
 * @iova + @size).  If the program in flight pinned pages in it, the device
 * is reset first (the program is dropped, no interruption), as the
 * kernel's vfio_ccw does.
 * Returns: true if a reset happened.
 */
bool mdev_dma_unmap(Mdev *m, uint64_t iova, uint64_t size);

/**
 * mdev_request_release: ask the user to give the device back (REQ IRQ,
 * as the kernel does when the mdev is to be removed).
 * Returns: true if a REQ eventfd was signalled, false if none is set.
 */
bool mdev_request_release(Mdev *m);

/**
 * mdev_queue_crw: queue a channel report for the user and signal the CRW
 * eventfd (the kernel's vfio_ccw_queue_crw()).  Beyond
 * MDEV_CRW_QUEUE_MAX the report is dropped and the newest queued CRW gets
 * the overflow bit R.
 * @rsc: reporting-source code (CRW_RSC_*).  @erc: CRW_ERC_*.
 * @rsid: reporting-source id.
 */
void mdev_queue_crw(Mdev *m, uint8_t rsc, uint8_t erc, uint16_t rsid);

/** mdev_crws_queued: Returns: CRWs waiting to be read. */
unsigned mdev_crws_queued(const Mdev *m);

/**
 * mdev_chp_event: channel path @path (0 .. num_chpids - 1) went offline
 * or came online, as the kernel's vfio_ccw_chp_event() handles it: the
 * path leaves or rejoins the operational and logical path masks, and a
 * CRW {RSC channel path, ERC 6 (permanent error, not initialised) when
 * offline / 2 (initialised) when online, RSID = the CHPID} is queued.
 * Returns: false for an unknown path or no change.
 */
bool mdev_chp_event(Mdev *m, unsigned path, bool online);

/**
 * mdev_path_online: @path: 0 .. num_chpids - 1.
 * Returns: whether the path is operational.
 */
bool mdev_path_online(const Mdev *m, unsigned path);

/**
 * mdev_get_schib: the host SCHIB as a STSCH would store it now (host
 * order): PMCW with ISC 3, enabled while open, DNV, the devno, PIM/PAM
 * for the configured paths, POM/LPM for the operational ones, LPUM of
 * the last I/O, the CHPIDs, concurrent sense; the SCSW of a pending
 * function.
 */
void mdev_get_schib(const Mdev *m, SCHIB *schib);

#endif /* VFIO_USER_CCW_MDEV_H */
