/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-internal.h: the channel subsystem's private state, shared by the
 * hw/s390x/css*.c files and nobody else (the public API is css.h).
 */
#ifndef HW_S390X_CSS_INTERNAL_H
#define HW_S390X_CSS_INTERNAL_H

#include "hw/s390x/css.h"

/* One channel path of an image (CHSC SCPD, RCHP). */
typedef struct ChpInfo {
    bool in_use;
    bool is_virtual;
    uint8_t type;
} ChpInfo;

#define SUBCH_SET_PAGE_SIZE 256
#define SUBCH_SET_PAGES ((MAX_SCHID + 1) / SUBCH_SET_PAGE_SIZE)

/*
 * One subchannel set (css-set.c): subchannels by number in a sparse table
 * of pages allocated on first use, and the device numbers in use (a bit
 * per devno).
 */
typedef struct SubchSet {
    SubchDev **pages[SUBCH_SET_PAGES];
    uint16_t page_used[SUBCH_SET_PAGES];   /* subchannels on each page */
    uint8_t devno_used[(MAX_DEVNO + 1) / 8];
} SubchSet;

/** subch_set_get: Returns: the subchannel numbered @schid, or NULL. */
SubchDev *subch_set_get(const SubchSet *set, uint16_t schid);

/**
 * subch_set_put: make @sch (NULL: none) the subchannel numbered @schid.
 * The caller keeps ownership of the SubchDev; the set only points to it.
 */
void subch_set_put(SubchSet *set, uint16_t schid, SubchDev *sch);

/**
 * subch_set_first_free: the lowest subchannel number without a subchannel.
 * Returns: false (and leaves @schid alone) when all 65536 are taken.
 */
bool subch_set_first_free(const SubchSet *set, uint16_t *schid);

/**
 * subch_set_any_from: Returns: whether any subchannel is numbered @schid
 * or higher (STSCH's "no more subchannels in this set", css_schid_final).
 */
bool subch_set_any_from(const SubchSet *set, uint16_t schid);

/**
 * subch_set_foreach: call @fn(sch, @opaque) for each subchannel in
 * ascending number order.  @fn may free or unregister the one it is given.
 */
void subch_set_foreach(SubchSet *set,
                       void (*fn)(SubchDev *sch, void *opaque), void *opaque);

/** subch_set_free: free the set's table (not its subchannels); NULL is ok. */
void subch_set_free(SubchSet *set);

/* One channel-subsystem image; sets are allocated on first use. */
typedef struct CssImage {
    SubchSet *sets[MAX_SSID + 1];
    ChpInfo chpids[MAX_CHPID + 1];
} CssImage;

/* A pending I/O interruption, queued on the ISC it was made pending for. */
typedef struct IoIntEntry {
    SubchDev *sch;
    IOIntCode code;
} IoIntEntry;

struct ChannelSubSys {
    GuestRAM *ram;
    bool squash_mcss;
    uint8_t default_cssid;
    /* Highest cssid / ssid the program may use: 0 until CHSC SDA. */
    uint8_t max_cssid;
    uint8_t max_ssid;
    CssImage *images[MAX_CSSID + 1];

    /* CRW queue: a ring of CSS_MAX_PENDING_CRWS entries. */
    CRW crws[CSS_MAX_PENDING_CRWS];
    unsigned crw_head;
    unsigned crw_count;
    bool crws_lost;      /* the next CRW queued carries R */
    bool do_crw_mchk;    /* the next CRW queued raises a machine check */

    GQueue io_ints[MAX_ISC + 1];    /* of IoIntEntry, oldest first */

    bool chnmon_active;
    uint64_t chnmon_area;

    CssNotifyFn notify;
    void *notify_opaque;
};

/* css.c */
CssImage *css_image(const ChannelSubSys *css, uint8_t cssid);
void css_notify(ChannelSubSys *css, CssEvent event);

/* css-irq.c */
void css_withdraw_io_int(SubchDev *sch);
bool css_sch_int_pending(SubchDev *sch);
void css_flush_io_ints(ChannelSubSys *css);

/* css-crw.c */
void css_flush_crws(ChannelSubSys *css);

/* css-schm.c */
void css_update_chnmon(SubchDev *sch);

/* css-virtual.c */
void css_sch_emulate_halt(SubchDev *sch);
void css_sch_emulate_clear(SubchDev *sch);

/* The SCSW status-control bits that make a subchannel status pending. */
static inline bool css_sch_status_pending(const SubchDev *sch)
{
    return sch->curr_status.scsw.ctrl & SCSW_STCTL_STATUS_PEND;
}

/* Operational for the instructions: device number valid and enabled. */
static inline bool css_sch_operational(const SubchDev *sch)
{
    uint16_t want = PMCW_FLAGS_MASK_DNV | PMCW_FLAGS_MASK_ENA;

    return (sch->curr_status.pmcw.flags & want) == want;
}

#endif /* HW_S390X_CSS_INTERNAL_H */
