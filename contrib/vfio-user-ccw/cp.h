/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cp.h: channel-program translation for the simulated vfio-ccw mdev, after
 * the rules of Linux's drivers/s390/cio/vfio_ccw_cp.c (facts-css-vfio-ccw.md
 * section 5.3).
 *
 * A guest's channel program lives in guest memory that the client shared
 * with DMA_MAP.  Translation copies it into "host storage" the way the
 * kernel copies it into kernel memory, so that the guest can neither see
 * nor change what runs, and every address in it has been checked:
 *   - each chain segment is fetched from guest memory, up to 256 CCWs
 *     (CP_CHAIN_LEN_MAX), converted from format 0 to format 1;
 *   - its length is the run of CCWs with chain-data or chain-command set,
 *     plus TICs back into the segment (device-orientation loops); one
 *     past 256 is -EINVAL;
 *   - every TIC whose target is not inside a segment yet starts a new
 *     segment there; TICs are pointed at the host copy of their target;
 *   - every other CCW gets a host format-2 IDAL (2 KiB blocks when the
 *     guest used format-1 IDAWs or ORB I2K, else 4 KiB), built from the
 *     guest's IDAL or fabricated from a direct address; a count of 0
 *     counts as 1 byte; each guest IDAW's page is "pinned": it must lie
 *     in a DMA window, else -EFAULT (the kernel's IOMMU says -EINVAL
 *     there; the guest-visible outcome, a unit exception made up by the
 *     machine, is the same).  CCWs that move no data (count 0, NOOP, SKIP
 *     on an input command) are not pinned, and their IDAWs lead nowhere;
 *   - the host ORB is the guest's with F = 1, H (C64) = 1, T (I2K) = 1 if
 *     the guest used format-1 IDAWs, LPM = the guest's or, if 0, the
 *     subchannel's, and CPA = the first host segment.
 * Refused at once: a transport-mode ORB (-EOPNOTSUPP, as the kernel does
 * before cp_init), an ORB with MIDAW control (-EOPNOTSUPP: nothing here
 * translates MIDALs).  A CCW with the MIDA flag is copied as it is; the
 * channel then ends the program with a program check, as a real channel
 * does behind the kernel when ORB D is zero.  A missing ORB prefetch bit
 * only warns, once per CcwProgram: the program is prefetched anyway
 * (Linux >= 5.8).
 *
 * Differences from the kernel, all on the safe side: a segment is fetched
 * only as far as guest memory is mapped (the kernel reads a whole 2 KiB
 * and fails near the end of RAM); a format-1 IDAL is read with 4-byte
 * entries (the kernel reads 8 bytes per entry); the translated program is
 * limited to CP_MAX_SEGMENTS segments and CP_HOST_SPACE_MAX bytes
 * (-ENOMEM).
 *
 * Host storage is a synthetic address space that only the channel (the
 * interpreter of ccw-interp.h, through cp_mem_ops) can reach: CCW
 * segments and IDALs live below 2 GiB at CP_HOST_BASE, pinned data pages
 * at CP_HOST_PIN_BASE.  An access anywhere else is an addressing error
 * (program check); a store into a window the client mapped without
 * write access, or a fetch from one without read access, is a protection
 * check.  Storage keys do not exist on this path and are not checked.
 *
 * Who calls it: mdev.c (one CcwProgram per device), tests.  Nothing here
 * is thread-safe; the program holds pointers into the DmaMaps it was made
 * with, so the caller must cp_free() it before removing a window that
 * cp_iova_pinned() reports (mdev.c resets the device, as the kernel
 * does).  Should a window disappear anyway, accesses to its pages fail
 * with addressing errors instead of touching freed memory.
 */
#ifndef VFIO_USER_CCW_CP_H
#define VFIO_USER_CCW_CP_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/s390x/ccw-interp.h"
#include "hw/s390x/ioinst.h"
#include "dma-map.h"

/* CP_CHAIN_LEN_MAX: CCWs per chain segment (the kernel's CCWCHAIN_LEN_MAX). */
#define CP_CHAIN_LEN_MAX 256

/* CP_MAX_SEGMENTS: chain segments one program may have. */
#define CP_MAX_SEGMENTS 4096

/* CP_HOST_SPACE_MAX: bytes of host CCWs and IDALs one program may have. */
#define CP_HOST_SPACE_MAX (16u * 1024 * 1024)

/* Host storage layout (see above). */
#define CP_HOST_BASE        0x10000000u         /* CCW segments, IDALs */
#define CP_HOST_PIN_BASE    (1ull << 40)        /* pinned page i at + i*4K */
#define CP_HOST_NOPIN_BASE  (1ull << 41)        /* IDAWs that move nothing */

/** CcwProgram: one device's channel program slot. Opaque. */
typedef struct CcwProgram CcwProgram;

/**
 * cp_new: an empty (uninitialised) program slot.
 * @maps: the client's DMA windows; must outlive the slot.
 * Returns: the slot; free with cp_destroy().
 */
CcwProgram *cp_new(const DmaMaps *maps);

/** cp_destroy: cp_free() and release @cp (NULL is fine). */
void cp_destroy(CcwProgram *cp);

/**
 * cp_init: take the guest's ORB and build the chain segments.
 * @cp: an uninitialised slot.
 * @orb: the guest's ORB, host order (copy_orb_from_guest()).
 * Returns: 0; -EBUSY if @cp is already initialised; -EOPNOTSUPP for a
 * transport-mode or MIDAW ORB; -EFAULT when a CCW lies outside the DMA
 * windows (or in one without read access); -EINVAL when a segment chains
 * past CP_CHAIN_LEN_MAX CCWs; -ENOMEM past the limits above.  On error
 * @cp stays uninitialised.
 */
int cp_init(CcwProgram *cp, const ORB *orb);

/**
 * cp_prefetch: build the IDALs and pin the data pages of every CCW.
 * @cp: initialised by cp_init().
 * Returns: 0; -EINVAL if @cp is not initialised; -EFAULT when an IDAL or
 * a data page that a transferring CCW uses lies outside the windows;
 * -ENOMEM past the limits.  On error the caller must cp_free().
 */
int cp_prefetch(CcwProgram *cp);

/**
 * cp_free: drop the translation and unpin; @cp becomes uninitialised.
 * Harmless when it is not initialised.
 */
void cp_free(CcwProgram *cp);

/** cp_initialized: Returns: whether @cp holds a program (cp_init() ok). */
bool cp_initialized(const CcwProgram *cp);

/**
 * cp_get_orb: the ORB that starts the translated program (see above).
 * @cp: initialised and prefetched.
 * @intparm: interruption parameter for the host ORB.
 * @sch_lpm: the subchannel's logical-path mask, used when the guest's
 *     ORB LPM is 0.
 * @orb: filled, host order.
 */
void cp_get_orb(const CcwProgram *cp, uint32_t intparm, uint8_t sch_lpm,
                ORB *orb);

/**
 * cp_update_scsw: turn the host CCW address in @scsw->cpa back into the
 * guest's.  The segment whose host range [head, head + len * 8] holds it
 * (one past the last CCW included: a program that ended normally leaves
 * the CPA at its last CCW + 8) gives guest head + the same offset; an
 * address in no segment is left alone, as the kernel leaves it.
 * Nothing happens when @cp is not initialised.
 */
void cp_update_scsw(const CcwProgram *cp, SCSW *scsw);

/**
 * cp_iova_pinned: whether a pinned page of @cp lies in guest range
 * [@iova, @iova + @len).  @len: bytes, at least 1.
 */
bool cp_iova_pinned(const CcwProgram *cp, uint64_t iova, uint64_t len);

/**
 * cp_pfch_warned: Returns: whether @cp has warned about an ORB without
 * the prefetch bit (it warns once per slot).
 */
bool cp_pfch_warned(const CcwProgram *cp);

/**
 * cp_mem_ops: host storage as the channel sees it, for the interpreter
 * (opaque: the CcwProgram).  See the header comment for what each
 * address range answers.
 */
extern const CcwMemOps cp_mem_ops;

/**
 * cp_run: execute the translated program, synchronously, through the
 * channel interpreter against a device.
 * @cp: initialised and prefetched.
 * @host_orb: from cp_get_orb().
 * @dev: the device's command callbacks; @dev_opaque is passed to them.
 * @res: the ending status; @res->cpa is a HOST address (cp_update_scsw()).
 */
void cp_run(CcwProgram *cp, const ORB *host_orb, const CcwDevOps *dev,
            void *dev_opaque, CcwInterpResult *res);

#endif /* VFIO_USER_CCW_CP_H */
