/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ioinst-conv.c: architected channel-I/O control blocks <-> host structs.
 *
 * The one place where the big-endian layouts of PoP chapters 15-17 meet
 * the host-order structures of include/hw/s390x/ioinst.h.  Byte offsets
 * are written out per field, so the code is right on hosts of either byte
 * order and at any alignment of the guest bytes.  This file is linked
 * both into the machine and into the vfio-user-ccw server.
 */
#include "qemu/osdep.h"
#include "hw/s390x/ioinst.h"

void copy_pmcw_from_guest(const uint8_t *be, PMCW *host)
{
    host->intparm = ldl_be_p(be + 0);
    host->flags = lduw_be_p(be + 4);
    host->devno = lduw_be_p(be + 6);
    host->lpm = be[8];
    host->pnom = be[9];
    host->lpum = be[10];
    host->pim = be[11];
    host->mbi = lduw_be_p(be + 12);
    host->pom = be[14];
    host->pam = be[15];
    memcpy(host->chpid, be + 16, sizeof(host->chpid));
    host->chars = ldl_be_p(be + 24);
}

void copy_pmcw_to_guest(uint8_t *be, const PMCW *host)
{
    stl_be_p(be + 0, host->intparm);
    stw_be_p(be + 4, host->flags);
    stw_be_p(be + 6, host->devno);
    be[8] = host->lpm;
    be[9] = host->pnom;
    be[10] = host->lpum;
    be[11] = host->pim;
    stw_be_p(be + 12, host->mbi);
    be[14] = host->pom;
    be[15] = host->pam;
    memcpy(be + 16, host->chpid, sizeof(host->chpid));
    stl_be_p(be + 24, host->chars);
}

void copy_scsw_from_guest(const uint8_t *be, SCSW *host)
{
    host->flags = lduw_be_p(be + 0);
    host->ctrl = lduw_be_p(be + 2);
    host->cpa = ldl_be_p(be + 4);
    host->dstat = be[8];
    host->cstat = be[9];
    host->count = lduw_be_p(be + 10);
}

void copy_scsw_to_guest(uint8_t *be, const SCSW *host)
{
    stw_be_p(be + 0, host->flags);
    stw_be_p(be + 2, host->ctrl);
    stl_be_p(be + 4, host->cpa);
    be[8] = host->dstat;
    be[9] = host->cstat;
    stw_be_p(be + 10, host->count);
}

void copy_schib_from_guest(const uint8_t *be, SCHIB *host)
{
    copy_pmcw_from_guest(be, &host->pmcw);
    copy_scsw_from_guest(be + PMCW_SIZE, &host->scsw);
    host->mba = ldq_be_p(be + 40);
    memcpy(host->mda, be + 48, sizeof(host->mda));
}

void copy_schib_to_guest(uint8_t *be, const SCHIB *host)
{
    copy_pmcw_to_guest(be, &host->pmcw);
    copy_scsw_to_guest(be + PMCW_SIZE, &host->scsw);
    stq_be_p(be + 40, host->mba);
    memcpy(be + 48, host->mda, sizeof(host->mda));
}

void copy_orb_from_guest(const uint8_t *be, ORB *host)
{
    host->intparm = ldl_be_p(be + 0);
    host->ctrl0 = lduw_be_p(be + 4);
    host->lpm = be[6];
    host->ctrl1 = be[7];
    host->cpa = ldl_be_p(be + 8);
}

void copy_orb_to_guest(uint8_t *be, const ORB *host)
{
    stl_be_p(be + 0, host->intparm);
    stw_be_p(be + 4, host->ctrl0);
    be[6] = host->lpm;
    be[7] = host->ctrl1;
    stl_be_p(be + 8, host->cpa);
}

void copy_esw_from_guest(const uint8_t *be, ESW *host)
{
    host->sublog = ldl_be_p(be + 0);
    host->erw = ldl_be_p(be + 4);
    host->faddr[0] = ldl_be_p(be + 8);
    host->faddr[1] = ldl_be_p(be + 12);
    host->saddr = ldl_be_p(be + 16);
}

void copy_esw_to_guest(uint8_t *be, const ESW *host)
{
    stl_be_p(be + 0, host->sublog);
    stl_be_p(be + 4, host->erw);
    stl_be_p(be + 8, host->faddr[0]);
    stl_be_p(be + 12, host->faddr[1]);
    stl_be_p(be + 16, host->saddr);
}

void copy_irb_from_guest(const uint8_t *be, IRB *host)
{
    int i;

    copy_scsw_from_guest(be, &host->scsw);
    copy_esw_from_guest(be + SCSW_SIZE, &host->esw);
    memcpy(host->ecw, be + SCSW_SIZE + ESW_SIZE, IRB_ECW_SIZE);
    for (i = 0; i < IRB_EMW_WORDS; i++) {
        host->emw[i] = ldl_be_p(be + IRB_SIZE_NO_EMW + 4 * i);
    }
}

void copy_irb_to_guest(uint8_t *be, const IRB *host)
{
    int i;

    copy_scsw_to_guest(be, &host->scsw);
    copy_esw_to_guest(be + SCSW_SIZE, &host->esw);
    memcpy(be + SCSW_SIZE + ESW_SIZE, host->ecw, IRB_ECW_SIZE);
    for (i = 0; i < IRB_EMW_WORDS; i++) {
        stl_be_p(be + IRB_SIZE_NO_EMW + 4 * i, host->emw[i]);
    }
}

/* Format 0: command, 24-bit address, flags, ignored byte, count. */
void copy_ccw0_from_guest(const uint8_t *be, CCW0 *host)
{
    host->cmd_code = be[0];
    host->cda = ldl_be_p(be + 0) & CCW0_CDA_MASK;
    host->flags = be[4];
    host->count = lduw_be_p(be + 6);
}

void copy_ccw0_to_guest(uint8_t *be, const CCW0 *host)
{
    stl_be_p(be + 0, host->cda & CCW0_CDA_MASK);
    be[0] = host->cmd_code;
    be[4] = host->flags;
    be[5] = 0;
    stw_be_p(be + 6, host->count);
}

/* Format 1: command, flags, count, 31-bit address. */
void copy_ccw1_from_guest(const uint8_t *be, CCW1 *host)
{
    host->cmd_code = be[0];
    host->flags = be[1];
    host->count = lduw_be_p(be + 2);
    host->cda = ldl_be_p(be + 4);
}

void copy_ccw1_to_guest(uint8_t *be, const CCW1 *host)
{
    be[0] = host->cmd_code;
    be[1] = host->flags;
    stw_be_p(be + 2, host->count);
    stl_be_p(be + 4, host->cda);
}

uint32_t copy_idaw1_from_guest(const uint8_t *be)
{
    return ldl_be_p(be);
}

uint64_t copy_idaw2_from_guest(const uint8_t *be)
{
    return ldq_be_p(be);
}

void copy_idaw1_to_guest(uint8_t *be, uint32_t idaw)
{
    stl_be_p(be, idaw);
}

void copy_idaw2_to_guest(uint8_t *be, uint64_t idaw)
{
    stq_be_p(be, idaw);
}

void copy_crw_from_guest(const uint8_t *be, CRW *host)
{
    host->flags = lduw_be_p(be + 0);
    host->rsid = lduw_be_p(be + 2);
}

void copy_crw_to_guest(uint8_t *be, const CRW *host)
{
    stw_be_p(be + 0, host->flags);
    stw_be_p(be + 2, host->rsid);
}

void copy_io_int_code_from_guest(const uint8_t *be, IOIntCode *host)
{
    host->sid = ldl_be_p(be + 0);
    host->intparm = ldl_be_p(be + 4);
    host->intid = ldl_be_p(be + 8);
}

void copy_io_int_code_to_guest(uint8_t *be, const IOIntCode *host)
{
    stl_be_p(be + 0, host->sid);
    stl_be_p(be + 4, host->intparm);
    stl_be_p(be + 8, host->intid);
}

void copy_chsc_req_header_from_guest(const uint8_t *be, ChscReqHeader *host)
{
    host->length = lduw_be_p(be + 0);
    host->command = lduw_be_p(be + 2);
    host->param[0] = ldl_be_p(be + 4);
    host->param[1] = ldl_be_p(be + 8);
    host->param[2] = ldl_be_p(be + 12);
}

void copy_chsc_resp_header_to_guest(uint8_t *be, const ChscRespHeader *host)
{
    stw_be_p(be + 0, host->length);
    stw_be_p(be + 2, host->code);
    stl_be_p(be + 4, host->param);
}

void ccw0_to_ccw1(const CCW0 *in, CCW1 *out)
{
    if (ccw_cmd_class(in->cmd_code) == CCW_CMD_CLASS_TIC) {
        out->cmd_code = CCW_CMD_TIC;
        out->flags = 0;
        out->count = 0;
    } else {
        out->cmd_code = in->cmd_code;
        out->flags = in->flags;
        out->count = in->count;
    }
    out->cda = in->cda & CCW0_CDA_MASK;
}
