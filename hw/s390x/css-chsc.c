/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css-chsc.c: CHANNEL SUBSYSTEM CALL commands.
 *
 * The request block sits at the start of a 4 KiB area and the response
 * block follows it; both are big-endian.  The headers go through the
 * ioinst-conv.c helpers; the command bodies are a few words each, read
 * and written here with the bswap.h helpers.  Supported: store channel-
 * path description (SCPD), store channel-subsystem characteristics
 * (SCSC), set domain attributes (SDA: how a program enables MCSS-E and
 * MSS), store event information (SEI, which never has an event here).
 * Everything else answers response code 0x0004 "not supported".
 * Field layouts as in QEMU's implementation (facts §2 CHSC), since the
 * CHSC commands are not described in the Principles of Operation.
 */
#include "qemu/osdep.h"

#include "css-internal.h"

/* SCPD, request word 1 (param[0]) and word 2 (param[1]). */
#define SCPD_0_M            0x20000000u
#define SCPD_0_C            0x10000000u
#define SCPD_0_FMT          0x0f000000u
#define SCPD_0_CSSID        0x00ff0000u
#define SCPD_0_RFMT         0x00000f00u
#define SCPD_0_RSVD         0xc000f000u
#define SCPD_1_RSVD         0xffffff00u
#define SCPD_CHPID          0x000000ffu
#define SCPD_DESC_VALID     0x80000000u

/* SCSC, request word 1. */
#define SCSC_0_M            0x20000000u
#define SCSC_0_FMT          0x000f0000u
#define SCSC_0_CSSID        0x0000ff00u
#define SCSC_0_RSVD         0xdff000ffu
#define SCSC_RESP_LEN       4080
#define SCSC_GENERAL_WORDS  510

/* SDA, request word 1. */
#define SDA_REQ_LEN         0x0400
#define SDA_0_FMT           0x0f000000u
#define SDA_0_OC            0x0000ffffu
#define SDA_0_RSVD          0xf0ff0000u
#define SDA_OC_MCSSE        0x0
#define SDA_OC_MSS          0x2

static uint16_t chsc_error(uint8_t *resp, uint16_t code, uint32_t param)
{
    ChscRespHeader h = {
        .length = CHSC_RESP_HDR_SIZE, .code = code, .param = param,
    };

    copy_chsc_resp_header_to_guest(resp, &h);
    return h.length;
}

/* The image a CHSC request names: cssid 0 without M is the default. */
static bool chsc_cssid_ok(const ChannelSubSys *css, uint8_t cssid, bool m)
{
    return cssid == 0 || (m && css_present(css, cssid));
}

static uint16_t chsc_scpd(ChannelSubSys *css, const ChscReqHeader *req,
                          uint8_t *resp, size_t room)
{
    uint32_t p0 = req->param[0];
    uint32_t p1 = req->param[1];
    unsigned rfmt = (p0 & SCPD_0_RFMT) >> 8;
    uint8_t cssid = (p0 & SCPD_0_CSSID) >> 16;
    bool m = p0 & SCPD_0_M;
    unsigned first = p0 & SCPD_CHPID;
    unsigned last = p1 & SCPD_CHPID;
    unsigned desc_size, chpid, off;
    const CssImage *img;
    ChscRespHeader h;

    /* Response formats 0 and 1 are chosen by C; the others are kept. */
    if (rfmt <= 1) {
        rfmt = (p0 & SCPD_0_C) ? 1 : 0;
    }
    if (req->length != 0x0010 || (p0 & SCPD_0_RSVD) || (p1 & SCPD_1_RSVD) ||
        req->param[2]) {
        return chsc_error(resp, CHSC_RC_REQUEST_INVALID, rfmt);
    }
    if (p0 & SCPD_0_FMT) {
        return chsc_error(resp, CHSC_RC_FORMAT_INVALID, rfmt);
    }
    if (!chsc_cssid_ok(css, cssid, m)) {
        return chsc_error(resp, CHSC_RC_CSSID_INVALID, rfmt);
    }
    if (last < first) {
        return chsc_error(resp, CHSC_RC_REQUEST_INVALID, rfmt);
    }
    img = css_image(css, (!m && !cssid) ? css->default_cssid : cssid);
    desc_size = rfmt == 0 ? 8 : rfmt == 1 ? 32 : 0;
    off = CHSC_RESP_HDR_SIZE;
    for (chpid = first; img && desc_size && chpid <= last; chpid++) {
        if (!img->chpids[chpid].in_use) {
            continue;
        }
        if (off + desc_size > room) {
            /* 256 format-1 descriptors would not fit in the page. */
            break;
        }
        memset(resp + off, 0, desc_size);
        stl_be_p(resp + off, SCPD_DESC_VALID |
                 ((uint32_t)img->chpids[chpid].type << 8) | chpid);
        off += desc_size;
    }
    h.length = off;
    h.code = CHSC_RC_OK;
    h.param = rfmt;
    copy_chsc_resp_header_to_guest(resp, &h);
    return h.length;
}

static uint16_t chsc_scsc(ChannelSubSys *css, const ChscReqHeader *req,
                          uint8_t *resp, size_t room)
{
    uint32_t p0 = req->param[0];
    uint8_t cssid = (p0 & SCSC_0_CSSID) >> 8;
    uint8_t *general, *chsc;
    ChscRespHeader h;

    if (req->length != 0x0010) {
        return chsc_error(resp, CHSC_RC_REQUEST_INVALID, 0);
    }
    if (p0 & SCSC_0_FMT) {
        return chsc_error(resp, CHSC_RC_FORMAT_INVALID, 0);
    }
    if (!chsc_cssid_ok(css, cssid, p0 & SCSC_0_M)) {
        return chsc_error(resp, CHSC_RC_CSSID_INVALID, 0);
    }
    if ((p0 & SCSC_0_RSVD) || req->param[1] || req->param[2]) {
        return chsc_error(resp, CHSC_RC_REQUEST_INVALID, 0);
    }
    if (room < SCSC_RESP_LEN) {
        return chsc_error(resp, CHSC_RC_REQUEST_INVALID, 0);
    }
    memset(resp, 0, SCSC_RESP_LEN);
    general = resp + CHSC_RESP_HDR_SIZE;
    chsc = general + SCSC_GENERAL_WORDS * 4;
    /*
     * The characteristics QEMU reports (facts §2): among them MCSS-E and
     * MSS in the general bits, and SDA/SEI among the CHSC commands.
     */
    stl_be_p(general + 0, 0x03000000);
    stl_be_p(general + 4, 0x00079000);
    stl_be_p(general + 12, 0x00080000);
    stl_be_p(chsc + 0, 0x40000000);
    stl_be_p(chsc + 12, 0x00040000);
    h.length = SCSC_RESP_LEN;
    h.code = CHSC_RC_OK;
    h.param = 0;
    copy_chsc_resp_header_to_guest(resp, &h);
    return h.length;
}

static uint16_t chsc_sda(ChannelSubSys *css, const ChscReqHeader *req,
                         uint8_t *resp)
{
    uint32_t p0 = req->param[0];
    int ret;

    if (req->length != SDA_REQ_LEN || (p0 & SDA_0_RSVD)) {
        return chsc_error(resp, CHSC_RC_REQUEST_INVALID, 0);
    }
    if (p0 & SDA_0_FMT) {
        return chsc_error(resp, CHSC_RC_FORMAT_INVALID, 0);
    }
    switch (p0 & SDA_0_OC) {
    case SDA_OC_MCSSE:
        ret = css_enable_mcsse(css);
        break;
    case SDA_OC_MSS:
        ret = css_enable_mss(css);
        break;
    default:
        return chsc_error(resp, CHSC_RC_REQUEST_INVALID, 0);
    }
    return chsc_error(resp, ret ? CHSC_RC_SDA_FAILED : CHSC_RC_OK, 0);
}

uint16_t css_do_chsc(ChannelSubSys *css, uint8_t *area)
{
    ChscReqHeader req;
    uint8_t *resp;
    size_t room;

    copy_chsc_req_header_from_guest(area, &req);
    /* The caller checked the length; a bad one here is a bug of ours. */
    g_assert(req.length >= CHSC_REQ_LEN_MIN &&
             req.length <= CHSC_REQ_LEN_MAX && !(req.length & 7));
    resp = area + req.length;
    room = CHSC_AREA_SIZE - req.length;
    memset(resp, 0, room);

    switch (req.command) {
    case CHSC_CMD_SCPD:
        return chsc_scpd(css, &req, resp, room);
    case CHSC_CMD_SCSC:
        return chsc_scsc(css, &req, resp, room);
    case CHSC_CMD_SDA:
        return chsc_sda(css, &req, resp);
    case CHSC_CMD_SEI:
        /* No event source (no zPCI, no channel-path events) here. */
        return chsc_error(resp, CHSC_RC_NO_EVENT, 0);
    default:
        return chsc_error(resp, CHSC_RC_NOT_SUPPORTED, 0);
    }
}
