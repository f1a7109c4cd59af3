/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * css.c: the channel subsystem: images, subchannel sets, channel paths,
 * device numbers, and subsystem reset.
 *
 * The instructions are in css-insn.c, the device work in css-virtual.c
 * and css-passthrough.c, interruptions in css-irq.c, channel reports in
 * css-crw.c, CHSC in css-chsc.c and channel monitoring in css-schm.c.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "css-internal.h"

/* ------------------------------------------------------------------------
 * Device ids "C.S.DDDD"
 * ------------------------------------------------------------------------ */

static bool parse_hex_field(const char *s, size_t len, unsigned *val)
{
    size_t i;

    *val = 0;
    for (i = 0; i < len; i++) {
        if (!g_ascii_isxdigit(s[i])) {
            return false;
        }
        *val = *val * 16 + g_ascii_xdigit_value(s[i]);
    }
    return true;
}

bool css_devid_parse(const char *str, CssDevId *id, GError **errp)
{
    const char *dot1 = str ? strchr(str, '.') : NULL;
    const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
    size_t cs_len, ss_len, dn_len;
    unsigned cssid, ssid, devno;

    if (!dot2) {
        goto bad_format;
    }
    cs_len = dot1 - str;
    ss_len = dot2 - dot1 - 1;
    dn_len = strlen(dot2 + 1);
    if (cs_len < 1 || cs_len > 2 || ss_len != 1 || dn_len != 4 ||
        !parse_hex_field(str, cs_len, &cssid) ||
        !parse_hex_field(dot1 + 1, ss_len, &ssid) ||
        !parse_hex_field(dot2 + 1, dn_len, &devno)) {
        goto bad_format;
    }
    /* 0xff is never an image (PoP: CSSIDs 0-254 with MCSS-E). */
    if (cssid >= MAX_CSSID || ssid > MAX_SSID) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "Invalid cssid or ssid in devno '%s': cssid must be "
                    "00-fe and ssid 0-3", str);
        return false;
    }
    id->cssid = cssid;
    id->ssid = ssid;
    id->devno = devno;
    id->valid = true;
    return true;

bad_format:
    g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                "Invalid devno '%s': expected cssid.ssid.devno in hex, "
                "e.g. fe.0.1234", str ? str : "");
    return false;
}

char *css_devid_to_string(const CssDevId *id)
{
    if (!id->valid) {
        return g_strdup("<unset>");
    }
    return g_strdup_printf("%x.%x.%04x", id->cssid, id->ssid, id->devno);
}

/* ------------------------------------------------------------------------
 * The channel subsystem and its images
 * ------------------------------------------------------------------------ */

CssImage *css_image(const ChannelSubSys *css, uint8_t cssid)
{
    return css->images[cssid];
}

void css_notify(ChannelSubSys *css, CssEvent event)
{
    if (css->notify) {
        css->notify(css->notify_opaque, event);
    }
}

ChannelSubSys *css_new(GuestRAM *ram, bool squash_mcss)
{
    ChannelSubSys *css = g_new0(ChannelSubSys, 1);
    int isc;

    css->ram = ram;
    css->squash_mcss = squash_mcss;
    css->default_cssid = squash_mcss ? 0 : VIRTUAL_CSSID;
    css->do_crw_mchk = true;
    for (isc = 0; isc <= MAX_ISC; isc++) {
        g_queue_init(&css->io_ints[isc]);
    }
    css_create_css_image(css, css->default_cssid);
    return css;
}

void css_foreach_subch(ChannelSubSys *css,
                       void (*fn)(SubchDev *sch, void *opaque), void *opaque)
{
    for (int cssid = 0; cssid <= MAX_CSSID; cssid++) {
        CssImage *img = css->images[cssid];

        for (int ssid = 0; img && ssid <= MAX_SSID; ssid++) {
            if (img->sets[ssid]) {
                subch_set_foreach(img->sets[ssid], fn, opaque);
            }
        }
    }
}

static void free_subch(SubchDev *sch, void *opaque)
{
    g_free(sch->label);
    g_free(sch);
}

void css_free(ChannelSubSys *css)
{
    if (!css) {
        return;
    }
    css_flush_io_ints(css);
    css_foreach_subch(css, free_subch, NULL);
    for (int cssid = 0; cssid <= MAX_CSSID; cssid++) {
        CssImage *img = css->images[cssid];

        for (int ssid = 0; img && ssid <= MAX_SSID; ssid++) {
            subch_set_free(img->sets[ssid]);
        }
        g_free(img);
    }
    g_free(css);
}

void css_set_notify(ChannelSubSys *css, CssNotifyFn fn, void *opaque)
{
    css->notify = fn;
    css->notify_opaque = opaque;
}

GuestRAM *css_guest_ram(ChannelSubSys *css)
{
    return css->ram;
}

uint8_t css_default_cssid(const ChannelSubSys *css)
{
    return css->default_cssid;
}

int css_create_css_image(ChannelSubSys *css, uint8_t cssid)
{
    if (cssid == MAX_CSSID) {
        return -EINVAL;
    }
    if (css->images[cssid]) {
        return -EBUSY;
    }
    css->images[cssid] = g_new0(CssImage, 1);
    return 0;
}

bool css_present(const ChannelSubSys *css, uint8_t cssid)
{
    return css->images[cssid] != NULL;
}

bool css_mcsse_enabled(const ChannelSubSys *css)
{
    return css->max_cssid > 0;
}

bool css_mss_enabled(const ChannelSubSys *css)
{
    return css->max_ssid > 0;
}

int css_enable_mcsse(ChannelSubSys *css)
{
    css->max_cssid = MAX_CSSID;
    return 0;
}

int css_enable_mss(ChannelSubSys *css)
{
    css->max_ssid = MAX_SSID;
    return 0;
}

/* ------------------------------------------------------------------------
 * Channel paths
 * ------------------------------------------------------------------------ */

int css_add_chpid(ChannelSubSys *css, uint8_t cssid, uint8_t chpid,
                  uint8_t type, bool is_virtual)
{
    CssImage *img = css->images[cssid];

    if (!img) {
        return -EINVAL;
    }
    if (img->chpids[chpid].in_use) {
        return -EEXIST;
    }
    img->chpids[chpid].in_use = true;
    img->chpids[chpid].type = type;
    img->chpids[chpid].is_virtual = is_virtual;
    return 0;
}

bool css_chpid_in_use(const ChannelSubSys *css, uint8_t cssid, uint8_t chpid)
{
    const CssImage *img = css->images[cssid];

    return img && img->chpids[chpid].in_use;
}

/* ------------------------------------------------------------------------
 * Placing subchannels
 * ------------------------------------------------------------------------ */

static SubchSet *css_get_set(ChannelSubSys *css, uint8_t cssid, uint8_t ssid)
{
    CssImage *img = css->images[cssid];

    if (!img) {
        return NULL;
    }
    if (!img->sets[ssid]) {
        img->sets[ssid] = g_new0(SubchSet, 1);
    }
    return img->sets[ssid];
}

static bool devno_used(const SubchSet *set, uint16_t devno)
{
    return set->devno_used[devno / 8] & (1u << (devno % 8));
}

static void set_devno_used(SubchSet *set, uint16_t devno, bool used)
{
    if (used) {
        set->devno_used[devno / 8] |= 1u << (devno % 8);
    } else {
        set->devno_used[devno / 8] &= ~(1u << (devno % 8));
    }
}

/*
 * Automatic device numbers start at the subchannel number and wrap at
 * 0xffff (never chosen), as QEMU does, so that the first devices get
 * devno == schno.
 */
static bool find_free_devno(const SubchSet *set, uint16_t start,
                            uint16_t *devno)
{
    unsigned i;

    for (i = 0; i < MAX_DEVNO; i++) {
        uint16_t d = (start + i) % MAX_DEVNO;

        if (!devno_used(set, d)) {
            *devno = d;
            return true;
        }
    }
    return false;
}

typedef struct DevnoOwner {
    uint16_t devno;
    const char *label;
} DevnoOwner;

static void match_devno(SubchDev *sch, void *opaque)
{
    DevnoOwner *o = opaque;

    if (sch->devno == o->devno) {
        o->label = sch->label;
    }
}

static const char *devno_owner(SubchSet *set, uint16_t devno)
{
    DevnoOwner o = { .devno = devno, .label = "?" };

    subch_set_foreach(set, match_devno, &o);
    return o.label;
}

/* Try every set of one image for a free (schid, devno) pair. */
static bool place_in_image(ChannelSubSys *css, uint8_t cssid,
                           uint8_t *ssid, uint16_t *schid, uint16_t *devno)
{
    unsigned s;

    for (s = 0; s <= MAX_SSID; s++) {
        SubchSet *set = css_get_set(css, cssid, s);

        if (subch_set_first_free(set, schid) &&
            find_free_devno(set, *schid, devno)) {
            *ssid = s;
            return true;
        }
    }
    return false;
}

static SubchDev *css_register_new_sch(ChannelSubSys *css, uint8_t cssid,
                                      uint8_t ssid, uint16_t schid,
                                      uint16_t devno, bool is_virtual,
                                      const char *dev_label)
{
    SubchSet *set = css_get_set(css, cssid, ssid);
    SubchDev *sch = g_new0(SubchDev, 1);

    sch->css = css;
    sch->cssid = cssid;
    sch->ssid = ssid;
    sch->schid = schid;
    sch->devno = devno;
    sch->is_virtual = is_virtual;
    sch->label = g_strdup(dev_label ? dev_label : "<unnamed>");
    sch->curr_status.pmcw.devno = devno;
    subch_set_put(set, schid, sch);
    set_devno_used(set, devno, true);
    return sch;
}

/* Explicit devno: check (squash), pick the image, refuse collisions. */
static SubchDev *css_create_sch_at(ChannelSubSys *css, const char *devno_str,
                                   bool is_virtual, bool squash_mcss,
                                   const char *label, GError **errp)
{
    g_autofree char *name = NULL;
    CssDevId id;
    SubchSet *set;
    uint16_t schid;

    if (!css_devid_parse(devno_str, &id, errp)) {
        return NULL;
    }
    name = css_devid_to_string(&id);
    if (squash_mcss) {
        /*
         * QEMU 2.10: virtual devices belong to css 0xfe and real ones must
         * stay out of it; both then live in the default image 0.
         */
        if (is_virtual && id.cssid != VIRTUAL_CSSID) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "Device '%s': cssid %x not valid for virtual "
                        "devices (use fe.%x.%04x with s390-squash-mcss)",
                        label, id.cssid, id.ssid, id.devno);
            return NULL;
        }
        if (!is_virtual && id.cssid == VIRTUAL_CSSID) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "Device '%s': cssid %x not valid for non-virtual "
                        "devices (pick a cssid other than fe)",
                        label, id.cssid);
            return NULL;
        }
        id.cssid = 0;
    } else if (!css->images[id.cssid]) {
        css_create_css_image(css, id.cssid);
    }
    set = css_get_set(css, id.cssid, id.ssid);
    if (!set) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_FAILED,
                    "Device '%s': css image %x does not exist", label,
                    id.cssid);
        return NULL;
    }
    if (devno_used(set, id.devno)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_EXISTS,
                    "Device %s already exists: '%s' cannot use it, '%s' "
                    "does (pick another devno)", name, label,
                    devno_owner(set, id.devno));
        return NULL;
    }
    if (!subch_set_first_free(set, &schid)) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                    "Device '%s': no free subchannel found for %s", label,
                    name);
        return NULL;
    }
    return css_register_new_sch(css, id.cssid, id.ssid, schid, id.devno,
                                is_virtual, label);
}

SubchDev *css_create_sch(ChannelSubSys *css, const char *devno,
                         bool is_virtual, bool squash_mcss,
                         const char *dev_label, GError **errp)
{
    const char *label = dev_label ? dev_label : "<unnamed>";
    uint8_t cssid, ssid;
    uint16_t schid, dn;

    if (devno) {
        return css_create_sch_at(css, devno, is_virtual, squash_mcss, label,
                                 errp);
    }
    if (squash_mcss) {
        /* QEMU 2.10: everything without a devno goes to the default image. */
        cssid = css->default_cssid;
        if (place_in_image(css, cssid, &ssid, &schid, &dn)) {
            return css_register_new_sch(css, cssid, ssid, schid, dn,
                                        is_virtual, label);
        }
    } else {
        /* From the default image on, creating images as they are needed. */
        cssid = css->default_cssid;
        do {
            if (!css->images[cssid]) {
                css_create_css_image(css, cssid);
            }
            if (place_in_image(css, cssid, &ssid, &schid, &dn)) {
                return css_register_new_sch(css, cssid, ssid, schid, dn,
                                            is_virtual, label);
            }
            cssid = (cssid + 1) % MAX_CSSID;
        } while (cssid != css->default_cssid);
    }
    g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                "Device '%s': virtual channel subsystem is full", label);
    return NULL;
}

void css_destroy_sch(SubchDev *sch)
{
    SubchSet *set;

    if (!sch) {
        return;
    }
    css_withdraw_io_int(sch);
    set = css_get_set(sch->css, sch->cssid, sch->ssid);
    if (set && subch_set_get(set, sch->schid) == sch) {
        subch_set_put(set, sch->schid, NULL);
        set_devno_used(set, sch->devno, false);
    }
    g_free(sch->label);
    g_free(sch);
}

CssDevId css_sch_dev_id(const SubchDev *sch)
{
    CssDevId id = {
        .cssid = sch->cssid, .ssid = sch->ssid, .devno = sch->devno,
        .valid = true,
    };

    return id;
}

CssDevId css_sch_subch_id(const SubchDev *sch)
{
    CssDevId id = {
        .cssid = sch->cssid, .ssid = sch->ssid, .devno = sch->schid,
        .valid = true,
    };

    return id;
}

/* ------------------------------------------------------------------------
 * Looking subchannels up as the program names them
 * ------------------------------------------------------------------------ */

static uint8_t real_cssid(const ChannelSubSys *css, uint8_t m, uint8_t cssid)
{
    /* Without M, the SID names the default image (PoP ch. 13, MCSS-E). */
    return (!m && cssid == 0) ? css->default_cssid : cssid;
}

SubchDev *css_find_subch(ChannelSubSys *css, uint8_t m, uint8_t cssid,
                         uint8_t ssid, uint16_t schid)
{
    CssImage *img = css->images[real_cssid(css, m, cssid)];

    if (!img || ssid > MAX_SSID || !img->sets[ssid]) {
        return NULL;
    }
    return subch_set_get(img->sets[ssid], schid);
}

bool css_subch_visible(const SubchDev *sch)
{
    const ChannelSubSys *css = sch->css;

    if (sch->ssid > css->max_ssid) {
        return false;
    }
    return sch->cssid == css->default_cssid || css->max_cssid > 0;
}

bool css_schid_final(ChannelSubSys *css, uint8_t m, uint8_t cssid,
                     uint8_t ssid, uint16_t schid)
{
    CssImage *img = css->images[real_cssid(css, m, cssid)];

    if (!img || ssid > MAX_SSID || !img->sets[ssid]) {
        return true;
    }
    return !subch_set_any_from(img->sets[ssid], schid);
}

uint32_t css_sid_for_guest(const SubchDev *sch)
{
    bool mcsse = sch->css->max_cssid > 0;

    return ioinst_sid_encode(mcsse, sch->cssid, sch->ssid, sch->schid);
}

/* ------------------------------------------------------------------------
 * Initial SCHIBs
 * ------------------------------------------------------------------------ */

void css_sch_build_virtual_schib(SubchDev *sch, uint8_t chpid, uint8_t type)
{
    PMCW *p = &sch->curr_status.pmcw;

    memset(&sch->curr_status, 0, sizeof(sch->curr_status));
    p->flags = PMCW_FLAGS_MASK_DNV;
    p->devno = sch->devno;
    /* One path: the first. */
    p->pim = 0x80;
    p->pam = 0x80;
    p->lpm = 0x80;
    p->pom = 0xff;
    p->chpid[0] = chpid;
    if (!css_chpid_in_use(sch->css, sch->cssid, chpid)) {
        css_add_chpid(sch->css, sch->cssid, chpid, type, true);
    }
}

void css_sch_build_schib(SubchDev *sch, uint8_t pim, uint8_t pam,
                         uint8_t pom, const uint8_t chpids[8],
                         const uint8_t chpid_types[8])
{
    PMCW *p = &sch->curr_status.pmcw;
    int i;

    memset(&sch->curr_status, 0, sizeof(sch->curr_status));
    p->flags = PMCW_FLAGS_MASK_DNV;
    p->devno = sch->devno;
    p->pim = pim;
    p->pam = pam;
    p->pom = pom;
    for (i = 0; i < 8; i++) {
        p->chpid[i] = chpids[i];
        /* The guest sees the host's paths: install them, not virtual. */
        if (chpids[i] &&
            !css_chpid_in_use(sch->css, sch->cssid, chpids[i])) {
            css_add_chpid(sch->css, sch->cssid, chpids[i], chpid_types[i],
                          false);
        }
    }
}

/* ------------------------------------------------------------------------
 * Reset
 * ------------------------------------------------------------------------ */

void css_reset_sch(SubchDev *sch)
{
    PMCW *p = &sch->curr_status.pmcw;

    css_withdraw_io_int(sch);
    p->intparm = 0;
    p->flags &= ~(PMCW_FLAGS_MASK_ISC | PMCW_FLAGS_MASK_ENA |
                  PMCW_FLAGS_MASK_LM | PMCW_FLAGS_MASK_MME |
                  PMCW_FLAGS_MASK_MP | PMCW_FLAGS_MASK_TF);
    p->lpm = p->pim;
    p->pnom = 0;
    p->lpum = 0;
    p->mbi = 0;
    p->chars &= ~(PMCW_CHARS_MASK_MBFC | PMCW_CHARS_MASK_XMWME |
                  PMCW_CHARS_MASK_CSENSE);
    memset(&sch->curr_status.scsw, 0, sizeof(sch->curr_status.scsw));
    sch->curr_status.mba = 0;
    sch->channel_prog = 0;
    memset(&sch->orb, 0, sizeof(sch->orb));
    memset(sch->sense_data, 0, sizeof(sch->sense_data));
    memset(&sch->esw, 0, sizeof(sch->esw));
}

static void reset_subch(SubchDev *sch, void *opaque)
{
    css_reset_sch(sch);
    if (sch->ops && sch->ops->reset) {
        sch->ops->reset(sch);
    }
}

void css_reset(ChannelSubSys *css)
{
    css_flush_crws(css);
    css_flush_io_ints(css);
    css->chnmon_active = false;
    css->chnmon_area = 0;
    css->max_cssid = 0;
    css->max_ssid = 0;
    css_foreach_subch(css, reset_subch, NULL);
}
