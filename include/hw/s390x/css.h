/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css.h: the channel subsystem model.
 *
 * A ChannelSubSys holds channel-subsystem images 0x00-0xfe (the default
 * image is 0xfe, or 0 with s390-squash-mcss), each with subchannel sets
 * 0-3 and channel paths 0-255; the queue of pending channel reports
 * (CRWs); the pending I/O interruptions, one queue per ISC; and the
 * channel-monitoring state.  A SubchDev is one subchannel: its SCHIB, the
 * ORB of the current start function, sense data, and the callbacks of the
 * device behind it.  One css_do_<insn>() per I/O instruction applies the
 * architected function/activity/status-control rules (PoP ch. 14-16) and
 * returns the condition code as an IOInstEnding; program checks are the
 * caller's business (target/s390x/ioinst.c).
 *
 * Virtual devices run their channel program synchronously through the
 * channel-program interpreter (hw/s390x/ccw-interp.h); passthrough devices
 * (vfio-ccw) forward start/halt/clear to the host through SubchDevOps and
 * hand the host's IRB back with css_sch_merge_host_irb().
 *
 * There is no hidden global state: every function takes the
 * ChannelSubSys (directly or through the SubchDev).  Single-threaded: the
 * machine's main loop or a test calls in.
 * Who may call: the machine, devices, target/s390x/ioinst.c and tests.
 */
#ifndef HW_S390X_CSS_H
#define HW_S390X_CSS_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#include "hw/s390x/ccw-interp.h"
#include "hw/s390x/ioinst.h"
#include "system/memory.h"

#define MAX_CSSID       255     /* 0xff itself is never a valid image */
#define MAX_SSID        3
#define MAX_SCHID       65535
#define MAX_DEVNO       65535
#define MAX_CHPID       255
#define MAX_ISC         7
#define VIRTUAL_CSSID   0xfe    /* default image without squash-mcss */
#define VIRTUAL_CHPID   0x00    /* channel path of virtual devices */
#define VIRTUAL_CHPID_TYPE 0x32 /* the type QEMU gives virtio's path */
#define CSS_MAX_PENDING_CRWS 64 /* more are lost and reported with R */

typedef struct ChannelSubSys ChannelSubSys;
typedef struct SubchDev SubchDev;

/**
 * CssDevId: a device's place in the channel subsystem, as written in
 * `-device ...,devno=C.S.DDDD` (QEMU's CssDevId).
 * @cssid: css image 0x00-0xfe.  @ssid: subchannel set 0-3.
 * @devno: device number.  @valid: false for "not set".
 */
typedef struct CssDevId {
    uint8_t cssid;
    uint8_t ssid;
    uint16_t devno;
    bool valid;
} CssDevId;

/**
 * css_devid_parse: parse "C.S.DDDD": cssid 1-2 hex digits, ssid 1 hex
 * digit, devno exactly 4 hex digits, nothing else.
 * @str: the text.  @id: filled (with @valid true) on success.
 * @errp: "Invalid cssid or ssid" for cssid 0xff or ssid > 3, else
 *        "Invalid devno '<str>': expected cssid.ssid.devno, e.g. fe.0.1234".
 * Returns: true on success.
 */
bool css_devid_parse(const char *str, CssDevId *id, GError **errp);

/**
 * css_devid_to_string: Returns: "fe.0.1234" (cssid without a leading
 * zero, ssid one digit, devno four digits), or "<unset>" if !@id->valid;
 * free with g_free().
 */
char *css_devid_to_string(const CssDevId *id);

/*
 * Device callbacks.  Every member may be NULL.
 */

/**
 * SubchDevOps: what a device behind a subchannel provides.
 *
 * Passthrough devices (facts: QEMU's S390CCWDeviceClass):
 * @handle_request: start (or resume) the function in sch->orb on the host.
 *     Returns: the IOInstEnding to give the guest.  For host errors that
 *     have no cc (e.g. -EIO) use css_sch_map_start_errno().  NULL -> cc 1.
 * @handle_halt: forward HALT SUBCHANNEL.  Returns 0 when the host took it,
 *     -ENOSYS if the host has no way to halt (no async region: css.c then
 *     emulates the halt), or a negative errno (see css.c for the mapping:
 *     -EBUSY cc 2, -ENODEV/-EACCES cc 3, others a unit exception).
 * @handle_clear: forward CLEAR SUBCHANNEL; as @handle_halt, except that
 *     -EBUSY also becomes a unit exception (CSCH has no cc 2).
 * @handle_store: read the host's SCHIB for STORE SUBCHANNEL into @host
 *     (host order).  Returns 0, or a negative errno (then nothing from
 *     the host is merged; STSCH has no cc for it).
 *
 * Virtual devices:
 * @execute: perform one command of a channel program (the interpreter's
 *     CcwDevOps.execute, with the subchannel instead of an opaque).  NOOP
 *     and BASIC SENSE (from @sense_data) are answered by css.c without
 *     it; with no @execute every other command is rejected (unit check,
 *     sense byte 0 command reject).  A device that ends a command with
 *     unit check puts its sense bytes into sch->sense_data.
 *
 * @hold_start: return true to keep a started program waiting with the
 *     subchannel and device active (a slow device), instead of running
 *     it now; css_sch_release_held() runs it later.  Tests use it to
 *     meet HSCH, CSCH and XSCH on an active subchannel.
 *
 * All devices:
 * @disable: MSCH turned the enabled bit off.
 * @reset: subsystem reset reached this subchannel (css_reset()).
 */
typedef struct SubchDevOps {
    void (*execute)(SubchDev *sch, const CcwDevCommand *cmd,
                    CcwDataStream *ds, CcwDevResult *res);
    bool (*hold_start)(SubchDev *sch);
    IOInstEnding (*handle_request)(SubchDev *sch);
    int (*handle_halt)(SubchDev *sch);
    int (*handle_clear)(SubchDev *sch);
    int (*handle_store)(SubchDev *sch, SCHIB *host);
    void (*disable)(SubchDev *sch);
    void (*reset)(SubchDev *sch);
} SubchDevOps;

/**
 * SubchDev: one subchannel.
 * @css: the channel subsystem it is registered in.
 * @cssid, @ssid, @schid: where it lives (real image id, not squashed
 *     for the guest).  @devno: its device number.
 * @is_virtual: virtual (emulated, css 0xfe) vs passthrough device.
 * @label: the device's name for messages (its id or type).
 * @curr_status: the guest-visible SCHIB, host order.
 * @orb: the ORB of the last START SUBCHANNEL, host order.
 * @channel_prog: address of the current CCW: the first one after SSCH,
 *     the suspended one while suspended.
 * @sense_data: sense bytes for BASIC SENSE / concurrent sense (ECW).
 * @esw: passthrough: the ESW of the last host IRB, given to the guest
 *     unchanged at TSCH.
 * @ops: device callbacks (may be NULL).
 * @driver_data: the device's own pointer.
 */
struct SubchDev {
    ChannelSubSys *css;
    uint8_t cssid;
    uint8_t ssid;
    uint16_t schid;
    uint16_t devno;
    bool is_virtual;
    char *label;
    SCHIB curr_status;
    ORB orb;
    uint32_t channel_prog;
    uint8_t sense_data[SENSE_DATA_SIZE];
    ESW esw;
    const SubchDevOps *ops;
    void *driver_data;
};

/* ------------------------------------------------------------------------
 * The channel subsystem
 * ------------------------------------------------------------------------ */

/**
 * CssEvent: what css_set_notify()'s callback is told.
 * @CSS_EVENT_IO_INT: an I/O interruption was queued.
 * @CSS_EVENT_CRW: a CRW was queued while channel-report machine checks
 *     were armed (a CPU would take a channel-report-pending machine check).
 */
typedef enum CssEvent {
    CSS_EVENT_IO_INT,
    CSS_EVENT_CRW,
} CssEvent;

typedef void (*CssNotifyFn)(void *opaque, CssEvent event);

/**
 * css_new: create a channel subsystem with its default image.
 * @ram: guest RAM for channel programs and measurement blocks (may be
 *     NULL in tests that start no I/O; borrowed, must outlive the css).
 * @squash_mcss: the machine's s390-squash-mcss: default image 0 instead
 *     of 0xfe.
 * Returns: the new css; free with css_free().
 */
ChannelSubSys *css_new(GuestRAM *ram, bool squash_mcss);

/**
 * css_foreach_subch: call @fn(sch, @opaque) for every subchannel of
 * @css, in css image, set and subchannel-number order.  @fn may destroy
 * the subchannel it is given, but no other.
 */
void css_foreach_subch(ChannelSubSys *css,
                       void (*fn)(SubchDev *sch, void *opaque), void *opaque);

/**
 * css_free: free @css and every subchannel still registered in it
 * (NULL allowed).  Devices should have destroyed theirs first.
 */
void css_free(ChannelSubSys *css);

/** css_set_notify: call @fn(@opaque, event) on queued interruptions/CRWs. */
void css_set_notify(ChannelSubSys *css, CssNotifyFn fn, void *opaque);

/** css_guest_ram: Returns: the guest RAM given to css_new(). */
GuestRAM *css_guest_ram(ChannelSubSys *css);

/** css_default_cssid: Returns: 0xfe, or 0 with s390-squash-mcss. */
uint8_t css_default_cssid(const ChannelSubSys *css);

/**
 * css_create_css_image: create image @cssid (0x00-0xfe).
 * Returns: 0, -EINVAL for 0xff, -EBUSY if it exists.
 */
int css_create_css_image(ChannelSubSys *css, uint8_t cssid);

/** css_present: Returns: whether image @cssid exists. */
bool css_present(const ChannelSubSys *css, uint8_t cssid);

/**
 * css_mcsse_enabled / css_mss_enabled: Returns: whether the program
 * enabled the multiple-channel-subsystems extension (MCSS-E: it may name
 * images by cssid) or multiple subchannel sets (MSS: sets 1-3 visible),
 * both with CHSC Set Domain Attributes; system reset turns them off.
 */
bool css_mcsse_enabled(const ChannelSubSys *css);
bool css_mss_enabled(const ChannelSubSys *css);

/** css_enable_mcsse, css_enable_mss: what CHSC SDA does. Returns: 0. */
int css_enable_mcsse(ChannelSubSys *css);
int css_enable_mss(ChannelSubSys *css);

/**
 * css_reset: subsystem reset (system reset, IPL clear; PoP ch. 17, "I/O
 * System Reset").  MCSS-E and MSS off, CRW queue emptied and
 * channel-report machine checks re-armed, pending I/O interruptions
 * withdrawn, channel monitoring off, and every subchannel reset
 * (css_reset_sch()).
 */
void css_reset(ChannelSubSys *css);

/* ------------------------------------------------------------------------
 * Subchannels and channel paths
 * ------------------------------------------------------------------------ */

/**
 * css_create_sch: place a new subchannel and register it.
 * @css: the channel subsystem.
 * @devno: "C.S.DDDD" or NULL for automatic assignment.
 * @is_virtual: virtual device (vs passthrough).
 * @squash_mcss: QEMU 2.10 semantics (facts §3.5): an explicit cssid must
 *     be 0xfe for virtual devices and must not be 0xfe for passthrough
 *     ones, and is then replaced by 0; without a devno the subchannel
 *     goes into the default image.  Pass the machine's setting (the same
 *     as css_new()'s).  Without squash, any cssid is allowed and
 *     automatic assignment starts at the default image and moves on to
 *     the following ones (facts §3.4).
 * @dev_label: the device's id or type, for messages and collisions.
 * @errp: one message naming the devno and both devices on a collision,
 *     or what else was wrong.
 *
 * The subchannel gets the first free subchannel number of its set; an
 * automatic devno is the first free one from the subchannel number up
 * (wrapping, never 0xffff).  Its SCHIB is zero apart from the device
 * number; build it with css_sch_build_virtual_schib() or
 * css_sch_build_schib().
 * Returns: the new subchannel (owned by the caller: css_destroy_sch()),
 * or NULL with @errp set.
 */
SubchDev *css_create_sch(ChannelSubSys *css, const char *devno,
                         bool is_virtual, bool squash_mcss,
                         const char *dev_label, GError **errp);

/**
 * css_destroy_sch: unregister @sch, withdraw its pending interruption and
 * free it (NULL allowed).
 */
void css_destroy_sch(SubchDev *sch);

/** css_sch_dev_id: Returns: @sch's cssid.ssid.devno. */
CssDevId css_sch_dev_id(const SubchDev *sch);

/** css_sch_subch_id: Returns: @sch's cssid.ssid.schid (devno = schid). */
CssDevId css_sch_subch_id(const SubchDev *sch);

/**
 * css_find_subch: look a subchannel up as the program names it.
 * @m: the SID's M bit: 0 means the default image (and @cssid is 0).
 * Returns: the subchannel or NULL.  Visibility is not checked.
 */
SubchDev *css_find_subch(ChannelSubSys *css, uint8_t m, uint8_t cssid,
                         uint8_t ssid, uint16_t schid);

/**
 * css_subch_visible: Returns: whether the program can see @sch: its set
 * is 0 or MSS is on, and it is in the default image or MCSS-E is on.
 */
bool css_subch_visible(const SubchDev *sch);

/**
 * css_schid_final: Returns: true if no subchannel exists at or beyond
 * @schid in that image and set (STSCH then ends with cc 3, "no more
 * subchannels"; below it, holes read as all-zero SCHIBs).
 */
bool css_schid_final(ChannelSubSys *css, uint8_t m, uint8_t cssid,
                     uint8_t ssid, uint16_t schid);

/**
 * css_sid_for_guest: Returns: @sch's subsystem-identification word as
 * the program sees it now (CSSID and M only while MCSS-E is on; the
 * default image shows as cssid 0 when it is off).
 */
uint32_t css_sid_for_guest(const SubchDev *sch);

/**
 * css_add_chpid: install channel path @chpid in image @cssid.
 * @type: channel-path type (CHSC SCPD).  @is_virtual: RCHP works on it.
 * Returns: 0, -EINVAL if the image is missing, -EEXIST if installed.
 */
int css_add_chpid(ChannelSubSys *css, uint8_t cssid, uint8_t chpid,
                  uint8_t type, bool is_virtual);

/** css_chpid_in_use: Returns: whether path @chpid exists in @cssid. */
bool css_chpid_in_use(const ChannelSubSys *css, uint8_t cssid, uint8_t chpid);

/**
 * css_sch_build_virtual_schib: the SCHIB of a virtual device (facts
 * §3.13): one path, PIM/PAM/LPM 0x80, POM 0xff, CHPID 0 = @chpid (which
 * is installed as a virtual path of @type if new), device number valid,
 * I/O subchannel, disabled.
 */
void css_sch_build_virtual_schib(SubchDev *sch, uint8_t chpid, uint8_t type);

/**
 * css_sch_build_schib: the initial SCHIB of a passthrough subchannel from
 * the host's values (facts §3.9; the device reads them from sysfs
 * pimpampom, chpids and chp<cssid>.<chpid>/type).
 * @pim, @pam, @pom: the host's path masks.
 * @chpids: the host's 8 channel-path ids.
 * @chpid_types: the type of each, used to install a non-zero chpid not
 *     yet known in @sch's image as a non-virtual path.
 * Everything else (intparm, ISC, enable, LPM, ...) is zero until MSCH.
 */
void css_sch_build_schib(SubchDev *sch, uint8_t pim, uint8_t pam,
                         uint8_t pom, const uint8_t chpids[8],
                         const uint8_t chpid_types[8]);

/**
 * css_reset_sch: reset one subchannel as subsystem reset does: disabled,
 * ISC/intparm/LM/MM/D/T/MBI/F/X/S zero, LPM = PIM, SCSW zero, no program,
 * no pending interruption.  Path masks of a passthrough subchannel stay
 * the host's (QEMU leaves a vfio-ccw SCHIB alone entirely; the
 * architecture resets the subchannel, so we do).
 */
void css_reset_sch(SubchDev *sch);

/* ------------------------------------------------------------------------
 * I/O instructions (PoP ch. 14).  Callers have decoded the operands and
 * applied the program-check rules; these return the condition code.
 * ------------------------------------------------------------------------ */

/**
 * css_do_ssch: START SUBCHANNEL with @orb (host order, validated).
 * Returns: cc 3 not enabled / no device number, cc 1 status pending,
 * cc 2 a function in progress, else what the device work returns.
 */
IOInstEnding css_do_ssch(SubchDev *sch, const ORB *orb);

/**
 * css_do_stsch: STORE SUBCHANNEL for a found, visible subchannel; a
 * passthrough device refreshes the path masks from the host first.
 * @schib: the SCHIB to store.  Returns: cc 0.
 */
IOInstEnding css_do_stsch(SubchDev *sch, SCHIB *schib);

/**
 * css_do_msch: MODIFY SUBCHANNEL with @schib (host order, validated).
 * Returns: cc 0 (and nothing changes) if the device number is not
 * valid, cc 1 status pending, cc 2 function in progress, else cc 0 with
 * the program-modifiable fields taken over.
 */
IOInstEnding css_do_msch(SubchDev *sch, const SCHIB *schib);

/**
 * css_do_tsch_get_irb: first half of TEST SUBCHANNEL: build the IRB.
 * @irb: filled.  @irb_len: 64, or 96 with an extended-measurement word.
 * Returns: cc 0 status pending, cc 1 not, cc 3 not operational.
 */
IOInstEnding css_do_tsch_get_irb(SubchDev *sch, IRB *irb, int *irb_len);

/**
 * css_do_tsch_update_subch: second half of TEST SUBCHANNEL, only after
 * the IRB was stored: clear the status and the function as the
 * architecture says, and withdraw the pending interruption.
 */
void css_do_tsch_update_subch(SubchDev *sch);

/** css_do_csch: CLEAR SUBCHANNEL. Returns: cc 0, or 3 not operational. */
IOInstEnding css_do_csch(SubchDev *sch);

/** css_do_hsch: HALT SUBCHANNEL. Returns: cc 0, 1 status pending, 2, 3. */
IOInstEnding css_do_hsch(SubchDev *sch);

/** css_do_xsch: CANCEL SUBCHANNEL (always local). Returns: cc 0-3. */
IOInstEnding css_do_xsch(SubchDev *sch);

/** css_do_rsch: RESUME SUBCHANNEL. Returns: cc 0-3. */
IOInstEnding css_do_rsch(SubchDev *sch);

/**
 * css_do_stcrw: STORE CHANNEL REPORT WORD: dequeue the oldest CRW.
 * @crw: filled, or zeroed when none is pending.
 * Returns: cc 0 stored, cc 1 none pending (machine checks re-armed).
 */
IOInstEnding css_do_stcrw(ChannelSubSys *css, CRW *crw);

/**
 * css_undo_stcrw: put @crw back at the head of the queue, because the
 * store failed and STCRW is suppressed.
 */
void css_undo_stcrw(ChannelSubSys *css, const CRW *crw);

/**
 * css_do_schm: SET CHANNEL MONITOR (operands already checked).
 * @update: U bit: start monitoring with origin @mbo if it is off;
 *     when zero, stop monitoring.  MBK and DCT are ignored.
 */
void css_do_schm(ChannelSubSys *css, bool update, uint64_t mbo);

/** css_chnmon_active: Returns: whether monitoring is on, and its origin. */
bool css_chnmon_active(const ChannelSubSys *css, uint64_t *area);

/**
 * css_do_rchp: RESET CHANNEL PATH.
 * @cssid: from GR1 bits 40-47.  @chpid: GR1 bits 56-63.
 * @cc: the condition code when this returns true: cc 0 (a solicited CRW
 *     was queued), cc 3 path not installed or not virtual.
 * Returns: false if @cssid names no image (operand exception).
 */
bool css_do_rchp(ChannelSubSys *css, uint8_t cssid, uint8_t chpid,
                 IOInstEnding *cc);

/**
 * css_do_chsc: CHANNEL SUBSYSTEM CALL on a copy of the 4 KiB area.
 * @area: CHSC_AREA_SIZE big-endian bytes: the request at 0 (its length
 *     already checked: 16-4088, a multiple of 8), the response is built at
 *     the request length.
 * Returns: the response length in bytes (from its header), to be stored
 * at operand + request length.
 */
uint16_t css_do_chsc(ChannelSubSys *css, uint8_t *area);

/* ------------------------------------------------------------------------
 * I/O interruptions (PoP ch. 16) and channel reports (PoP ch. 17)
 * ------------------------------------------------------------------------ */

/**
 * css_inject_io_interrupt: make @sch's interruption pending on the ISC of
 * its PMCW, with its intparm and current SID.  A subchannel has at most
 * one pending interruption; a second call replaces nothing.
 */
void css_inject_io_interrupt(SubchDev *sch);

/**
 * css_io_pending: Returns: whether an I/O interruption is pending for an
 * ISC in @isc_mask (bit 0x80 >> n = ISC n, as in CR6 bits 32-39).
 */
bool css_io_pending(const ChannelSubSys *css, uint8_t isc_mask);

/**
 * css_dequeue_io_int: accept the pending interruption of highest priority
 * (lowest ISC, oldest first) among the ISCs in @isc_mask.
 * @code: the interruption code (SID, intparm, identification word).
 * Returns: false if none is pending.  The subchannel stays status pending.
 */
bool css_dequeue_io_int(ChannelSubSys *css, uint8_t isc_mask,
                        IOIntCode *code);

/**
 * css_requeue_io_int: put @code back at the head of its ISC's queue
 * (TPI's store failed).  Does nothing if its subchannel is gone.
 */
void css_requeue_io_int(ChannelSubSys *css, const IOIntCode *code);

/**
 * css_queue_crw: queue a CRW.
 * @rsc: reporting-source code.  @erc: error-recovery code.
 * @solicited: S bit.  @chain: C bit (another CRW follows).
 * @rsid: reporting-source id.
 * When the queue is full the CRW is lost; the next CRW queued carries the
 * R (overflow) bit.
 */
void css_queue_crw(ChannelSubSys *css, uint8_t rsc, uint8_t erc,
                   bool solicited, bool chain, uint16_t rsid);

/**
 * css_queue_host_crw: queue a CRW from the host (vfio-ccw CRW region),
 * verbatim.  @crw: the 32-bit CRW as a host integer (word 0 of the
 * region, converted from big-endian).
 */
void css_queue_host_crw(ChannelSubSys *css, uint32_t crw);

/** css_crw_pending: Returns: whether a CRW is queued. */
bool css_crw_pending(const ChannelSubSys *css);

/**
 * css_generate_sch_crws: report a subchannel appearing (@add) or going
 * away (facts §3.12).  Nothing for a cold-plugged add (@hotplugged
 * false) or for a subchannel the program cannot see.  Otherwise a CRW
 * {subchannel, installed parameters initialized, schid}, chained with a
 * second one {rsid = guest cssid << 8 | ssid << 4} when MSS or MCSS-E is
 * on; then any pending interruption of that subchannel is withdrawn.
 */
void css_generate_sch_crws(ChannelSubSys *css, uint8_t cssid, uint8_t ssid,
                           uint16_t schid, bool hotplugged, bool add);

/**
 * css_sch_report_error: report @sch with error-recovery code @erc (e.g.
 * CRW_ERC_PERRN when its device became unusable), chained and only if
 * visible, as css_generate_sch_crws() does; a pending interruption of
 * @sch stays (it may carry the deferred cc 3 of the failure).
 */
void css_sch_report_error(SubchDev *sch, uint8_t erc);

/**
 * css_sch_unplug: hot-unplug: disable @sch, clear its device-number-valid
 * bit and report it gone.  The caller then destroys it.
 */
void css_sch_unplug(SubchDev *sch);

/* ------------------------------------------------------------------------
 * Subchannel work: the start, halt and clear functions
 * ------------------------------------------------------------------------ */

/**
 * do_subchannel_work_virtual: perform the function in @sch's FC for a
 * virtual device: clear and halt are emulated, start runs the channel
 * program through the interpreter.  The subchannel ends status pending
 * (or suspended) and its interruption is queued.  Returns: cc 0.
 */
IOInstEnding do_subchannel_work_virtual(SubchDev *sch);

/**
 * css_sch_release_held: run the program a virtual device held back with
 * SubchDevOps.hold_start, as if the device had only now taken it, and
 * present its ending status with an I/O interruption.
 * Returns: false (and does nothing) unless a held start is still in
 * progress: after HSCH or CSCH there is nothing left to run.
 */
bool css_sch_release_held(SubchDev *sch);

/**
 * css_sch_present_unsolicited: a device signals status on its own
 * (attention, for instance) while its subchannel is idle: the subchannel
 * becomes status pending with alert status and @dstat (PoP ch. 16,
 * "Status-Control Field"; unsolicited: no function, deferred cc 0) and an
 * I/O interruption is queued.
 * Returns: false if the subchannel is not enabled, has status pending or
 * a function in progress (then nothing changes).
 */
bool css_sch_present_unsolicited(SubchDev *sch, uint8_t dstat);

/**
 * do_subchannel_work_passthrough: hand the function in @sch's FC to the
 * device (clear before halt before start; facts §3.6).
 * Returns: the condition code for the instruction.
 */
IOInstEnding do_subchannel_work_passthrough(SubchDev *sch);

/**
 * css_sch_map_start_errno: the condition code for a host start request's
 * result (facts §3.6, §4.3): 0 cc 0, -EBUSY cc 2, -ENODEV/-EACCES cc 3;
 * anything else (-EIO, -EINVAL, -EFAULT, -EOPNOTSUPP, -ENOMEM, ...) makes
 * the start end with unit exception (css_sch_unit_exception()) and cc 0.
 */
IOInstEnding css_sch_map_start_errno(SubchDev *sch, int err);

/**
 * css_sch_unit_exception: end the current function with a synthetic unit
 * exception because the host refused it: not active, SC primary |
 * secondary | alert | status pending, CPA = program + 8, and queue the
 * interruption.
 */
void css_sch_unit_exception(SubchDev *sch);

/**
 * css_sch_merge_host_irb: the host finished (part of) a function: take
 * its IRB as read from the vfio-ccw I/O region (facts §3.8).
 * @irb_be: IRB_SIZE big-endian bytes.
 * The SCSW replaces the guest's, the ESW is kept for TSCH, and with unit
 * check and concurrent sense enabled the ECW becomes the sense data.
 * The interruption is queued.
 */
void css_sch_merge_host_irb(SubchDev *sch, const uint8_t *irb_be);

/**
 * css_sch_host_irb_error: reading the host's IRB failed.
 * @err: the positive errno of the failed read, or 0 for a short read.
 * ENODEV: deferred cc 3 (SCSW CC 3, alert | status pending);
 * EFAULT: channel-data check; 0 (short read): channel-control check;
 * others: channel-program check; the three checks end the start with
 * primary | secondary | alert | status pending.  The interruption is
 * queued.
 */
void css_sch_host_irb_error(SubchDev *sch, int err);

#endif /* HW_S390X_CSS_H */
