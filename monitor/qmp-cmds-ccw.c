/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The channel subsystem as the monitor shows it: query-ccw-subchannels
 * (what Linux's lscss lists in the guest) and query-chpids (what lschp
 * lists).  docs/system/s390x/qmp.rst puts both beside lscss/lschp output.
 *
 * Nothing here changes what the program sees: the SCHIB is reported as
 * the guest last saw it (no STSCH refresh from the host), channel paths
 * come from a CHSC store-channel-path-description on a private request
 * block, and the device identity of an emulated device from a SENSE ID
 * run against private storage.  Passthrough devices are never sent a
 * channel program: their identity is reported as unknown.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "qemu/module.h"
#include "hw/boards.h"
#include "hw/s390x/ccw-device.h"
#include "hw/s390x/ccw-interp.h"
#include "hw/s390x/s390-ccw.h"
#include "hw/s390x/s390-virtio-ccw.h"
#include "qmp-internal.h"

/* ---- SENSE ID of an emulated device ------------------------------------- */

/*
 * Private storage for one SENSE ID: the CCW at 8, its data at 16.  The
 * reply layout (byte 0 0xff, CU type, CU model, device type, device
 * model) is the one SENSE ID has used since System/370 (PoP ch. 13,
 * and Linux's struct senseid).
 */
#define PROBE_CCW_ADDR  8
#define PROBE_DATA_ADDR 16
#define PROBE_DATA_LEN  7
#define PROBE_MEM_SIZE  32

typedef struct SenseIdProbe {
    uint8_t mem[PROBE_MEM_SIZE];
    SubchDev *sch;
} SenseIdProbe;

static CcwMemAccess probe_read(void *opaque, uint64_t addr, void *buf,
                               uint32_t len, uint8_t key)
{
    SenseIdProbe *p = opaque;

    if (addr >= PROBE_MEM_SIZE || len > PROBE_MEM_SIZE - addr) {
        return CCW_MEM_ADDRESSING;
    }
    memcpy(buf, p->mem + addr, len);
    return CCW_MEM_OK;
}

static CcwMemAccess probe_write(void *opaque, uint64_t addr, const void *buf,
                                uint32_t len, uint8_t key)
{
    SenseIdProbe *p = opaque;

    if (addr >= PROBE_MEM_SIZE || len > PROBE_MEM_SIZE - addr) {
        return CCW_MEM_ADDRESSING;
    }
    memcpy(p->mem + addr, buf, len);
    return CCW_MEM_OK;
}

static void probe_execute(void *opaque, const CcwDevCommand *cmd,
                          CcwDataStream *ds, CcwDevResult *res)
{
    SenseIdProbe *p = opaque;

    p->sch->ops->execute(p->sch, cmd, ds, res);
}

static const CcwMemOps probe_mem_ops = {
    .read = probe_read,
    .write = probe_write,
};

static const CcwDevOps probe_dev_ops = {
    .execute = probe_execute,
};

/*
 * Ask an emulated device for its identity.  Returns: false if it is a
 * passthrough device, has no command handler, or does not answer SENSE
 * ID with channel end and device end and the 7 bytes.
 */
static bool sense_id_probe(SubchDev *sch, uint8_t id[PROBE_DATA_LEN])
{
    SenseIdProbe p = { .sch = sch };
    CcwInterpEnv env = {
        .mem = &probe_mem_ops, .mem_opaque = &p,
        .dev = &probe_dev_ops, .dev_opaque = &p,
    };
    CcwInterpParams params = { .cpa = PROBE_CCW_ADDR, .fmt1 = true };
    CCW1 ccw = {
        .cmd_code = CCW_CMD_SENSE_ID, .flags = CCW_FLAG_SLI,
        .count = PROBE_DATA_LEN, .cda = PROBE_DATA_ADDR,
    };
    uint8_t saved_sense[SENSE_DATA_SIZE];
    CcwInterpResult res;

    if (!sch->is_virtual || !sch->ops || !sch->ops->execute) {
        return false;
    }
    copy_ccw1_to_guest(p.mem + PROBE_CCW_ADDR, &ccw);
    /* A device that refuses stores sense: that is the guest's, keep it. */
    memcpy(saved_sense, sch->sense_data, sizeof(saved_sense));
    ccw_interp_start(&env, &params, &res);
    memcpy(sch->sense_data, saved_sense, sizeof(saved_sense));
    if (res.dstat != (SCSW_DSTAT_CHANNEL_END | SCSW_DSTAT_DEVICE_END) ||
        res.cstat || res.count != 0 || p.mem[PROBE_DATA_ADDR] != 0xff) {
        return false;
    }
    memcpy(id, p.mem + PROBE_DATA_ADDR, PROBE_DATA_LEN);
    return true;
}

/* ---- query-ccw-subchannels ---------------------------------------------- */

static bool qmp_css(ChannelSubSys **css, BusState **bus, GError **errp)
{
    *css = s390_ccw_machine_css(current_machine);
    *bus = *css ? machine_find_bus(current_machine, TYPE_VIRTUAL_CSS_BUS) :
                  NULL;
    if (!*bus) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                    "the machine has no channel subsystem");
        return false;
    }
    return true;
}

/* The css id the program uses: the default image is 0 without MCSS-E. */
static uint8_t guest_cssid(const SubchDev *sch)
{
    return css_mcsse_enabled(sch->css) ? sch->cssid : 0;
}

static gint compare_subch(gconstpointer a, gconstpointer b)
{
    const SubchDev *x = (*(CcwDevice *const *)a)->sch;
    const SubchDev *y = (*(CcwDevice *const *)b)->sch;
    uint32_t kx = (uint32_t)x->cssid << 24 | (uint32_t)x->ssid << 16 |
                  x->schid;
    uint32_t ky = (uint32_t)y->cssid << 24 | (uint32_t)y->ssid << 16 |
                  y->schid;

    return kx < ky ? -1 : kx > ky;
}

/* What a passthrough device learnt from its host without any I/O. */
static JsonObject *host_info(S390CCWDevice *sdev)
{
    JsonObject *host = json_object_new();
    g_autofree char *schid = g_strdup_printf("%x.%x.%04x", sdev->host.cssid,
                                             sdev->host.ssid,
                                             sdev->host.schno);

    json_object_set_string_member(host, "subchannel", schid);
    if (sdev->host.devno >= 0) {
        g_autofree char *devno = g_strdup_printf("%x.%x.%04x",
                                                 sdev->host.cssid,
                                                 sdev->host.ssid,
                                                 sdev->host.devno);

        json_object_set_string_member(host, "devno", devno);
    }
    return host;
}

static JsonObject *subchannel_info(CcwDevice *cdev)
{
    DeviceState *dev = DEVICE(cdev);
    SubchDev *sch = cdev->sch;
    const PMCW *p = &sch->curr_status.pmcw;
    JsonObject *o = json_object_new();
    JsonArray *chpids = json_array_new();
    CssDevId did = css_sch_dev_id(sch);
    g_autofree char *dev_id = css_devid_to_string(&did);
    g_autofree char *path = qmp_device_path(dev, dev_id);
    g_autofree char *devno = g_strdup_printf("%x.%x.%04x", guest_cssid(sch),
                                             sch->ssid, sch->devno);
    g_autofree char *schid = g_strdup_printf("%x.%x.%04x", guest_cssid(sch),
                                             sch->ssid, sch->schid);
    uint8_t id[PROBE_DATA_LEN];

    json_object_set_string_member(o, "devno", devno);
    json_object_set_string_member(o, "subchannel", schid);
    json_object_set_string_member(o, "dev-id", dev_id);
    json_object_set_string_member(o, "driver", G_OBJECT_TYPE_NAME(dev));
    if (dev->id) {
        json_object_set_string_member(o, "id", dev->id);
    }
    json_object_set_string_member(o, "path", path);
    json_object_set_boolean_member(o, "virtual", sch->is_virtual);
    if (sense_id_probe(sch, id)) {
        json_object_set_int_member(o, "dev-type", lduw_be_p(&id[4]));
        json_object_set_int_member(o, "dev-model", id[6]);
        json_object_set_int_member(o, "cu-type", lduw_be_p(&id[1]));
        json_object_set_int_member(o, "cu-model", id[3]);
    }
    json_object_set_boolean_member(o, "in-use",
                                   !!(p->flags & PMCW_FLAGS_MASK_ENA));
    json_object_set_int_member(o, "pim", p->pim);
    json_object_set_int_member(o, "pam", p->pam);
    json_object_set_int_member(o, "pom", p->pom);
    for (int i = 0; i < 8; i++) {
        json_array_add_int_element(chpids, p->chpid[i]);
    }
    json_object_set_array_member(o, "chpids", chpids);
    if (G_TYPE_CHECK_INSTANCE_TYPE(cdev, s390_ccw_device_get_type())) {
        json_object_set_object_member(o, "host",
                                      host_info(S390_CCW_DEVICE(cdev)));
    }
    return o;
}

/* One entry per subchannel the program can see, in subchannel order. */
static JsonNode *qmp_query_ccw_subchannels(JsonObject *args, GError **errp)
{
    ChannelSubSys *css;
    BusState *bus;
    g_autoptr(GPtrArray) devs = g_ptr_array_new();
    JsonArray *list;
    JsonNode *node;

    if (!qmp_css(&css, &bus, errp)) {
        return NULL;
    }
    for (GList *l = bus->children.head; l; l = l->next) {
        CcwDevice *cdev = CCW_DEVICE(l->data);

        if (cdev->sch && css_subch_visible(cdev->sch)) {
            g_ptr_array_add(devs, cdev);
        }
    }
    g_ptr_array_sort(devs, compare_subch);
    list = json_array_new();
    for (guint i = 0; i < devs->len; i++) {
        json_array_add_object_element(list, subchannel_info(devs->pdata[i]));
    }
    node = json_node_new(JSON_NODE_ARRAY);
    json_node_take_array(node, list);
    return node;
}

/* ---- query-chpids ------------------------------------------------------- */

/* CHSC SCPD request word 1: M (name the image), the cssid, first chpid. */
#define SCPD_M              0x20000000u
#define SCPD_CSSID_SHIFT    16
#define SCPD_DESC_VALID     0x80000000u
#define SCPD_FMT0_DESC_SIZE 8

/* Whether a subchannel of image @cssid has @chpid among its installed paths. */
static bool chpid_used(BusState *bus, uint8_t cssid, uint8_t chpid)
{
    for (GList *l = bus->children.head; l; l = l->next) {
        SubchDev *sch = CCW_DEVICE(l->data)->sch;

        if (!sch || sch->cssid != cssid) {
            continue;
        }
        for (int i = 0; i < 8; i++) {
            if ((sch->curr_status.pmcw.pim & (0x80 >> i)) &&
                sch->curr_status.pmcw.chpid[i] == chpid) {
                return true;
            }
        }
    }
    return false;
}

/*
 * The installed paths of image @cssid, as CHSC store channel-path
 * description (format 0) reports them to a program: the way Linux
 * learns the types that lschp shows.
 */
static void list_chpids(ChannelSubSys *css, BusState *bus, uint8_t cssid,
                        JsonArray *list)
{
    g_autofree uint8_t *area = g_malloc0(CHSC_AREA_SIZE);
    uint8_t *resp = area + CHSC_REQ_HDR_SIZE;
    unsigned len;

    stw_be_p(area, CHSC_REQ_HDR_SIZE);
    stw_be_p(area + 2, CHSC_CMD_SCPD);
    stl_be_p(area + 4, SCPD_M | (uint32_t)cssid << SCPD_CSSID_SHIFT | 0x00);
    stl_be_p(area + 8, 0xff);
    css_do_chsc(css, area);
    if (lduw_be_p(resp + 2) != CHSC_RC_OK) {
        return;
    }
    len = MIN(lduw_be_p(resp), CHSC_AREA_SIZE - CHSC_REQ_HDR_SIZE);
    for (unsigned off = CHSC_RESP_HDR_SIZE;
         off + SCPD_FMT0_DESC_SIZE <= len; off += SCPD_FMT0_DESC_SIZE) {
        uint32_t w = ldl_be_p(resp + off);
        JsonObject *o;

        if (!(w & SCPD_DESC_VALID)) {
            continue;
        }
        o = json_object_new();
        json_object_set_int_member(o, "cssid", cssid);
        json_object_set_int_member(o, "chpid", w & 0xff);
        json_object_set_int_member(o, "type", (w >> 8) & 0xff);
        /* No configure/deconfigure here: an installed path is configured. */
        json_object_set_boolean_member(o, "configured", true);
        json_object_set_boolean_member(o, "in-use",
                                       chpid_used(bus, cssid, w & 0xff));
        json_array_add_object_element(list, o);
    }
}

/* One entry per installed channel path, image by image. */
static JsonNode *qmp_query_chpids(JsonObject *args, GError **errp)
{
    ChannelSubSys *css;
    BusState *bus;
    JsonArray *list;
    JsonNode *node;

    if (!qmp_css(&css, &bus, errp)) {
        return NULL;
    }
    list = json_array_new();
    for (unsigned cssid = 0; cssid < MAX_CSSID; cssid++) {
        if (css_present(css, cssid)) {
            list_chpids(css, bus, cssid, list);
        }
    }
    node = json_node_new(JSON_NODE_ARRAY);
    json_node_take_array(node, list);
    return node;
}

static const QmpCommand qmp_ccw_commands[] = {
    { .name = "query-ccw-subchannels", .fn = qmp_query_ccw_subchannels },
    { .name = "query-chpids", .fn = qmp_query_chpids },
};

static void qmp_register_ccw_commands(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(qmp_ccw_commands); i++) {
        qmp_register_command(&qmp_ccw_commands[i]);
    }
}

type_init(qmp_register_ccw_commands)
