/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dasd-eckd-int.h: state shared by the files of the 3390/3990 model.
 *
 * Only dasd-eckd*.c include this.  The model is split by concept:
 *   dasd-eckd.c        lifecycle, command dispatch, sense, chain state,
 *                      Locate Record domain bookkeeping
 *   dasd-eckd-ident.c  identification and subsystem commands (Sense ID,
 *                      RDC, RCD, path groups, PSF/RSSD)
 *   dasd-eckd-track.c  the current track image, orientation on it, index
 *                      points and track switching, record capacity,
 *                      writing tracks back to the image
 *   dasd-eckd-locate.c positioning: Seek family, Set File Mask, Define
 *                      Extent, Locate Record, Read IPL, sectors
 *   dasd-eckd-rw.c     record commands: reads, writes, searches
 */
#ifndef VFIO_USER_CCW_DASD_ECKD_INT_H
#define VFIO_USER_CCW_DASD_ECKD_INT_H

#include "dasd-eckd.h"

/* The volume: 3390 constants (facts sections 1.1-1.4). */
#define DASD_HEADS          15
#define DASD_SECTORS        224
#define DASD_MAX_R1_DATA    56664       /* largest keyless R1 data */
#define DASD_MAX_R0_BLKSIZE 57326       /* largest R0 data length */
#define DASD_DX_MAX_BLKSIZE (DASD_MAX_R0_BLKSIZE + 8)
#define DASD_EAV_COMPAT_CYL 0xFFFE      /* RDC cylinders field of an EAV */
#define DASD_EAV_FIRST_CYL  65521       /* larger volumes are EAVs */

/* The control unit: a 3990 model 3 (facts section 1.3, table "CU"). */
#define DASD_CU_TYPE        0x3990
#define DASD_CU_MODEL       0xEC
#define DASD_DEV_TYPE       0x3390

/* Define Extent file mask, byte 0 (facts section 2.2). */
#define DX_MASK_WRITE       0xC0        /* write control, bits 0-1 */
#define DX_MASK_INHIBIT_HA_R0 0x00      /* all writes but Write HA/R0 */
#define DX_MASK_INHIBIT_ALL 0x40
#define DX_MASK_UPDATE_ONLY 0x80
#define DX_MASK_ALLOW_ALL   0xC0
#define DX_MASK_RESERVED    0x20        /* bit 2 must be zero */
#define DX_MASK_SEEK        0x18        /* seek control, bits 3-4 */
#define DX_MASK_SEEK_ALL    0x00
#define DX_MASK_SEEK_CYL    0x08        /* seek cylinder and seek head */
#define DX_MASK_SEEK_HEAD   0x10        /* seek head only */
#define DX_MASK_SEEK_NONE   0x18        /* no seeks, no multitrack */

/* Define Extent global attributes, byte 1. */
#define DX_GA_MODE          0xC0        /* architecture mode, must be 11 */
#define DX_GA_CKD_CONV      0x20        /* CKD conversion: no TLF check */
#define DX_GAX_TIME_STAMP   0x08        /* byte 7: time stamp valid */
#define DX_GAX_EXT_PARAMS   0x02        /* byte 7: 16 more bytes follow */

/* Locate Record, byte 0: orientation (bits 0-1) and operation. */
#define LR_ORIENT_COUNT     0
#define LR_ORIENT_HA        1
#define LR_ORIENT_DATA      2
#define LR_ORIENT_INDEX     3
#define LR_OP_ORIENT        0x00
#define LR_OP_WRITE_DATA    0x01
#define LR_OP_FORMAT_WRITE  0x03
#define LR_OP_READ_DATA     0x06
#define LR_OP_WRITE_TRACK   0x0B
#define LR_OP_READ_TRACKS   0x0C
#define LR_OP_READ          0x16
#define LR_AUX_TLF_VALID    0x80
#define LR_AUX_READ_COUNT_SUFFIX 0x01
#define LR_AUX_RESERVED     0x7E

/* Channel command codes the model knows (facts section 2.7). */
enum {
    CCW_READ_IPL = 0x02,
    CCW_NOP = 0x03,
    CCW_SENSE = 0x04,
    CCW_WRITE_DATA = 0x05,
    CCW_READ_DATA = 0x06,
    CCW_SEEK = 0x07,
    CCW_SEEK_CYL = 0x0B,
    CCW_WRITE_KD = 0x0D,
    CCW_READ_KD = 0x0E,
    CCW_ERASE = 0x11,
    CCW_READ_COUNT = 0x12,
    CCW_RECALIBRATE = 0x13,
    CCW_WRITE_R0 = 0x15,
    CCW_READ_R0 = 0x16,
    CCW_READ_HA = 0x1A,
    CCW_SEEK_HEAD = 0x1B,
    CCW_WRITE_CKD = 0x1D,
    CCW_READ_CKD = 0x1E,
    CCW_SET_FILE_MASK = 0x1F,
    CCW_READ_SECTOR = 0x22,
    CCW_SET_SECTOR = 0x23,
    CCW_PSF = 0x27,
    CCW_SEARCH_KEY_EQ = 0x29,
    CCW_SEARCH_ID_EQ = 0x31,
    CCW_SNID = 0x34,
    CCW_SEARCH_HA_EQ = 0x39,
    CCW_RSSD = 0x3E,
    CCW_LOCATE_RECORD = 0x47,
    CCW_SEARCH_KEY_HI = 0x49,
    CCW_SEARCH_ID_HI = 0x51,
    CCW_READ_MULTIPLE_CKD = 0x5E,
    CCW_DEFINE_EXTENT = 0x63,
    CCW_RDC = 0x64,
    CCW_SEARCH_KEY_EH = 0x69,
    CCW_SEARCH_ID_EH = 0x71,
    CCW_WRITE_UPDATE_DATA = 0x85,
    CCW_WRITE_UPDATE_KD = 0x8D,
    CCW_WRITE_CKD_NEXT_TRACK = 0x9D,
    CCW_SPID = 0xAF,
    CCW_READ_TRACK = 0xDE,
    CCW_SENSE_ID = 0xE4,
    CCW_RCD = 0xFA,
};

/* The multitrack bit of read, search and read-HA/R0 command codes. */
#define CCW_MT 0x80

/* Where the device is on the current track (facts section 2.1). */
typedef enum DasdPos {
    POS_INDEX,      /* just past the index point, before the HA */
    POS_HA,         /* after the home address, before R0's count */
    POS_COUNT,      /* after the count field of record @rec */
    POS_KEY,        /* after the key field of record @rec */
    POS_DATA,       /* after the data field of record @rec */
} DasdPos;

/* What the last command left behind for the next chained one. */
typedef enum DasdPrev {
    PREV_NONE,
    PREV_SEARCH_ID_EQ,      /* Search ID Equal that matched */
    PREV_SEARCH_KEY_EQ,     /* Search Key Equal that matched */
    PREV_SEARCH_HA_EQ,      /* Search HA Equal that matched */
    PREV_FORMAT_WRITE,      /* Write R0 or Write CKD */
    PREV_PRSSD,             /* PSF that prepared subsystem data */
} DasdPrev;

/* One record of the current track: where its count field is, KL, DL. */
typedef struct DasdRec {
    uint32_t off;
    uint8_t kl;
    uint16_t dl;
} DasdRec;

/* The track the device is on, as read from the image. */
typedef struct DasdTrack {
    bool valid;
    uint32_t cyl;
    uint32_t head;
    uint8_t *buf;           /* trksize bytes */
    DasdRec *rec;           /* rec[0] is R0 */
    uint32_t nrec;
    uint32_t end;           /* offset of the end-of-track marker */
} DasdTrack;

/* Per channel program state; all of it resets at chain begin. */
typedef struct DasdChain {
    /* position */
    bool have_seek;         /* a Seek/LR/Read IPL/Recalibrate ran */
    uint32_t cyl;
    uint32_t head;
    DasdPos pos;
    uint32_t rec;
    unsigned index_passes;  /* since the last non-search transfer */

    /* permissions: Define Extent, Set File Mask, Read IPL */
    bool dx_given;
    bool sfm_given;
    bool read_ipl;
    uint8_t mask;
    uint8_t ga;
    uint8_t ga_ext;
    uint16_t blksize;       /* DX bytes 2-3 as given (0 = largest) */
    uint32_t ext_begin;     /* extent as track numbers, inclusive */
    uint32_t ext_end;

    /* Locate Record domain */
    bool lr_active;
    uint8_t lr_op;
    uint8_t lr_orient;
    uint8_t lr_aux;
    uint32_t lr_left;       /* commands left in the domain */
    uint32_t lr_done;       /* commands run in the domain so far */
    uint32_t tlf;           /* transfer length factor, 0 = none */

    /* sequencing */
    DasdPrev prev;
    uint8_t prev_cmd;
    bool failed;            /* a command of this chain got unit check */

    /* data prepared by PSF for Read Subsystem Data */
    uint32_t rssd_len;
} DasdChain;

struct DasdEckd {
    CkdImage *img;
    CkdGeometry geo;
    uint32_t ntracks;
    bool readonly;
    uint16_t devno;

    DasdTrack trk;
    uint8_t *scratch;       /* trksize bytes for building new tracks */

    uint8_t sense[DASD_ECKD_SENSE_SIZE];
    char *last_error;

    /* path group (survives chains) */
    uint8_t pgid[11];
    uint8_t path_state;

    uint8_t rssd[512];
    DasdChain ch;
};

/* One command in flight. */
typedef struct DasdCmd {
    uint8_t code;
    bool chained;
    DasdPrev prev;          /* what the previous command left behind */
    bool in_domain;         /* runs inside a Locate Record domain */
    uint8_t *buf;
    uint32_t count;
    uint32_t data_len;
    uint8_t status;         /* SM / UX to add to CE | DE */
} DasdCmd;

/* ---- dasd-eckd.c ---- */
bool dasd_fail(DasdEckd *d, uint8_t b0, uint8_t b1, uint8_t b7);
bool dasd_reject(DasdEckd *d, uint8_t msg);
bool dasd_file_protected(DasdEckd *d);
bool dasd_write_inhibited(DasdEckd *d);
void dasd_set_last_error(DasdEckd *d, const GError *err);
void dasd_put(DasdCmd *c, uint32_t at, const void *src, uint32_t len);
void dasd_get(const DasdCmd *c, uint32_t at, void *dst, uint32_t len);
void dasd_cchh_store(uint8_t *p, uint32_t cyl, uint32_t head);

/* ---- dasd-eckd-ident.c ---- */
bool dasd_cmd_sense_id(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_rdc(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_rcd(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_snid(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_spid(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_psf(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_rssd(DasdEckd *d, DasdCmd *c);

/* ---- dasd-eckd-track.c ---- */
bool dasd_track_load(DasdEckd *d, uint32_t cyl, uint32_t head);
bool dasd_seek_to(DasdEckd *d, uint32_t cyl, uint32_t head);
bool dasd_in_extent(const DasdEckd *d, uint32_t cyl, uint32_t head);
bool dasd_next_count(DasdEckd *d, const DasdCmd *c, bool skip_r0);
bool dasd_pass_index(DasdEckd *d, const DasdCmd *c);
bool dasd_next_track(DasdEckd *d);
uint32_t dasd_track_cells(const DasdEckd *d, uint32_t upto);
bool dasd_track_build(DasdEckd *d, uint32_t keep, uint32_t cells,
                      const uint8_t *count, const DasdCmd *c, uint32_t at);
bool dasd_track_commit(DasdEckd *d);
const uint8_t *dasd_rec_count(const DasdEckd *d, uint32_t rec);

/* ---- dasd-eckd-locate.c ---- */
bool dasd_cmd_seek(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_recalibrate(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_set_file_mask(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_define_extent(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_locate_record(DasdEckd *d, DasdCmd *c);
bool dasd_ipl_position(DasdEckd *d);
bool dasd_cmd_sector(DasdEckd *d, DasdCmd *c);
bool dasd_decode_cchh(const DasdEckd *d, const uint8_t *p, uint32_t *cyl,
                      uint32_t *head);

/* ---- dasd-eckd-rw.c ---- */
bool dasd_cmd_read(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_read_ipl(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_read_ha(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_read_r0(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_read_multiple_ckd(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_read_track(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_search(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_search_ha(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_write_update(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_write_r0(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_write_ckd(DasdEckd *d, DasdCmd *c);
bool dasd_cmd_erase(DasdEckd *d, DasdCmd *c);

#endif /* VFIO_USER_CCW_DASD_ECKD_INT_H */
