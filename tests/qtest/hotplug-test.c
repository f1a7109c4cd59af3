/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hot-plug and unplug through the monitor, seen from both sides: QMP
 * (device_add, device_del, DEVICE_DELETED, query-ccw-subchannels,
 * query-chpids) and the guest (channel reports with STCRW, STSCH, SSCH,
 * TSCH through qtest).  Expected CRW contents are the architecture's
 * (PoP ch. 17, "Channel-Report Word"; facts §1.9 and §3.12).
 *
 * The passthrough tests run the simulated mediated device
 * (contrib/vfio-user-ccw, beside the machine in the build tree, or
 * $VFIO_USER_CCW_BINARY) on a small 3390 volume.
 */
#include "qemu/osdep.h"
#include <signal.h>
#include <sys/wait.h>

#include "libcss.h"
#include "libqmp.h"
#include "libvuc.h"

#define ARGS "-M s390-ccw-virtio -m 64M -nodefaults " \
             "-device ccw-testdev,id=t0,devno=fe.0.0001"
#define SID0 CSS_SID(0, 0)      /* t0 */
#define SID1 CSS_SID(0, 1)      /* the first hot-plugged device */
#define ORB 0x1000
#define CCWS 0x2000
#define DATA 0x3000
#define IRB 0x5000
#define SCHIB 0x6000
#define CRW_ADDR 0x7000
#define CHSC_ADDR 0x8000

#define DSTAT_CE_DE 0x0c
#define CCW_CMD_NOOP 0x03
#define CCW_CMD_SENSE_ID 0xe4

/* CRW word (PoP ch. 17): S, R, C, RSC, A, ERC, RSID. */
#define CRW_S 0x40000000u
#define CRW_R 0x20000000u
#define CRW_C 0x10000000u
#define CRW_A 0x00800000u
#define CRW_RSC(w) (((w) >> 24) & 0x0f)
#define CRW_ERC(w) (((w) >> 16) & 0x3f)
#define CRW_RSID(w) ((w) & 0xffff)
#define RSC_SUBCHANNEL 0x3
#define ERC_IPI 0x04            /* installed parameters initialized */

typedef struct Fixture {
    QmpMachine *m;
    QTestState *s;
    QmpClient *qmp;
} Fixture;

static void fixture_setup(Fixture *f, gconstpointer data)
{
    f->m = qmp_machine_start(ARGS);
    f->s = f->m->qts;
    f->qmp = f->m->qmp;
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    qmp_machine_stop(f->m);
}

static void device_add(Fixture *f, const char *args_json)
{
    g_autoptr(JsonNode) ret = qmp_execute_ok(f->qmp, "device_add", args_json);

    g_assert_cmpuint(json_object_get_size(qmp_node_get_object(ret)), ==, 0);
}

static void device_del(Fixture *f, const char *id)
{
    g_autofree char *args = g_strdup_printf("{\"id\": \"%s\"}", id);
    g_autoptr(JsonNode) ret = qmp_execute_ok(f->qmp, "device_del", args);

    g_assert_cmpuint(json_object_get_size(qmp_node_get_object(ret)), ==, 0);
}

/* Wait for a channel report and store it; Returns: the CRW word. */
static uint32_t take_crw(QTestState *s)
{
    g_autofree char *w = qtest_okf(s, "s390x_crw_wait 2000");

    g_assert_cmpstr(w, ==, "1");
    g_assert_cmpint(css_insn(s, "stcrw", 0, CRW_ADDR), ==, 0);
    return qtest_readl(s, CRW_ADDR);
}

static void assert_no_crw(QTestState *s)
{
    g_autofree char *w = qtest_okf(s, "s390x_crw_wait 100");

    g_assert_cmpstr(w, ==, "0");
    g_assert_cmpint(css_insn(s, "stcrw", 0, CRW_ADDR), ==, 1);
}

/* A subchannel CRW: not solicited, no overflow, no ancillary report. */
static void assert_sch_crw(uint32_t crw, bool chained, uint16_t rsid)
{
    g_assert_cmphex(crw & (CRW_S | CRW_R | CRW_A), ==, 0);
    g_assert_cmphex(crw & CRW_C, ==, chained ? CRW_C : 0);
    g_assert_cmphex(CRW_RSC(crw), ==, RSC_SUBCHANNEL);
    g_assert_cmphex(CRW_ERC(crw), ==, ERC_IPI);
    g_assert_cmphex(CRW_RSID(crw), ==, rsid);
}

/* Run one CCW on @sid and take its ending status. */
static void run_one_ccw(QTestState *s, uint32_t sid, uint8_t cmd,
                        uint8_t flags, uint16_t count, CssIrbView *irb)
{
    uint32_t isid, intparm, intid;

    css_write_ccw1(s, CCWS, cmd, flags, count, DATA);
    css_write_orb(s, ORB, 0xfeed0000 | cmd, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(css_insn(s, "ssch", sid, ORB), ==, 0);
    g_assert_true(css_wait_io(s, 2000, &isid, &intparm, &intid));
    g_assert_cmphex(isid, ==, sid);
    g_assert_cmphex(intparm, ==, 0xfeed0000 | cmd);
    g_assert_cmpint(css_tsch(s, sid, IRB, irb), ==, 0);
}

/* CHSC set domain attributes (operation code 0 MCSS-E, 2 MSS). */
static void chsc_sda(QTestState *s, uint16_t oc)
{
    qtest_memset(s, CHSC_ADDR, 0, 4096);
    qtest_writew(s, CHSC_ADDR, 0x0400);
    qtest_writew(s, CHSC_ADDR + 2, 0x0031);
    qtest_writel(s, CHSC_ADDR + 4, oc);
    g_assert_cmpint(css_insn(s, "chsc", 0, CHSC_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, CHSC_ADDR + 0x400 + 2), ==, 0x0001);
}

/* ---- hot-plug ----------------------------------------------------------- */

/* Devices present at start-up are no news: no channel report. */
static void test_coldplug_no_crw(Fixture *f, gconstpointer data)
{
    assert_no_crw(f->s);
}

static void test_add_reports_crw_then_usable(Fixture *f, gconstpointer data)
{
    CssIrbView irb;
    uint32_t crw;

    device_add(f, "{\"driver\": \"ccw-testdev\", \"id\": \"t1\", "
               "\"devno\": \"fe.0.0002\"}");
    crw = take_crw(f->s);
    /* Without MSS and MCSS-E: one CRW naming the new subchannel (1). */
    assert_sch_crw(crw, false, 1);
    g_assert_cmpint(css_insn(f->s, "stcrw", 0, CRW_ADDR), ==, 1);

    /* STSCH: device number valid, devno 0002, one path. */
    g_assert_cmpint(css_insn(f->s, "stsch", SID1, SCHIB), ==, 0);
    g_assert_cmphex(qtest_readl(f->s, SCHIB + 4), ==, 0x00010002);
    g_assert_cmphex(qtest_readb(f->s, SCHIB + 11), ==, 0x80);
    css_enable(f->s, SID1, 3, 0x22);
    run_one_ccw(f->s, SID1, CCW_CMD_NOOP, 0, 1, &irb);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
}

/*
 * With MSS on, the report is chained: the subchannel number, then the
 * css and set (guest cssid << 8 | ssid << 4).
 */
static void test_add_in_set1_with_mss_chains_crws(Fixture *f,
                                                  gconstpointer data)
{
    uint32_t crw1, crw2;

    chsc_sda(f->s, 2);
    device_add(f, "{\"driver\": \"ccw-testdev\", \"devno\": \"fe.1.0005\"}");
    crw1 = take_crw(f->s);
    crw2 = take_crw(f->s);
    assert_sch_crw(crw1, true, 0);
    assert_sch_crw(crw2, false, 1 << 4);
    g_assert_cmpint(css_insn(f->s, "stsch", CSS_SID(1, 0), SCHIB), ==, 0);
    g_assert_cmphex(qtest_readw(f->s, SCHIB + 6), ==, 0x0005);
}

/* A subchannel the program cannot see yet is not reported nor listed. */
static void test_add_in_invisible_set_silent(Fixture *f, gconstpointer data)
{
    g_autoptr(JsonNode) list = NULL;

    device_add(f, "{\"driver\": \"ccw-testdev\", \"devno\": \"fe.1.0005\"}");
    assert_no_crw(f->s);
    list = qmp_execute_ok(f->qmp, "query-ccw-subchannels", NULL);
    g_assert_cmpuint(json_array_get_length(qmp_node_get_array(list)), ==, 1);
}

typedef struct AddError {
    const char *args;
    const char *desc;
} AddError;

static const AddError add_errors[] = {
    { "{\"driver\": \"no-such-device\"}",
      "'no-such-device' is not a valid device model name" },
    { "{\"driver\": \"ccw-testdev\", \"devno\": \"fe.0.0001\"}",
      "Device fe.0.0001 already exists" },
    { "{\"driver\": \"ccw-testdev\", \"id\": \"t0\"}",
      "duplicate device id 't0'" },
    { "{\"driver\": \"ccw-testdev\", \"nosuch\": \"1\"}",
      "has no property 'nosuch'" },
    { "{\"driver\": \"ccw-testdev\", \"mode\": \"sideways\"}",
      "'sideways'" },
    { "{\"driver\": \"ccw-testdev\", \"residual\": 70000}", "'70000'" },
    { "{\"driver\": \"ccw-testdev\", \"sense\": true}",
      "sense must be 1 to 32 bytes in hex" },
    { "{\"driver\": \"ccw-testdev\", \"devno\": \"fe.0.12\"}",
      "Invalid devno 'fe.0.12'" },
    { "{\"driver\": \"ccw-testdev\", \"devno\": \"ff.0.0012\"}",
      "Invalid cssid or ssid" },
    { "{\"driver\": \"ccw-testdev\", \"id\": \"1st\"}",
      "Parameter 'id' expects an identifier" },
    { "{\"driver\": \"ccw-testdev\", \"bus\": \"pci.0\"}",
      "Bus 'pci.0' not found" },
    { "{\"driver\": \"vfio-user-ccw\"}", "socket is required" },
};

/* Every refusal is a GenericError with a clear desc; nothing is added. */
static void test_add_errors_leave_machine_alone(Fixture *f,
                                                gconstpointer data)
{
    g_autoptr(JsonNode) list = NULL;
    CssIrbView irb;

    for (size_t i = 0; i < G_N_ELEMENTS(add_errors); i++) {
        g_autoptr(JsonObject) r = qmp_execute(f->qmp, "device_add",
                                              add_errors[i].args);

        g_test_message("device_add %s", add_errors[i].args);
        qmp_assert_error(r, "GenericError", add_errors[i].desc);
    }
    assert_no_crw(f->s);
    list = qmp_execute_ok(f->qmp, "query-ccw-subchannels", NULL);
    g_assert_cmpuint(json_array_get_length(qmp_node_get_array(list)), ==, 1);
    g_assert_cmpint(css_insn(f->s, "stsch", SID1, SCHIB), ==, 3);
    css_enable(f->s, SID0, 3, 0x11);
    run_one_ccw(f->s, SID0, CCW_CMD_NOOP, 0, 1, &irb);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
}

/* ---- unplug ------------------------------------------------------------- */

static void assert_device_deleted(Fixture *f, const char *id,
                                  const char *path)
{
    g_autoptr(JsonObject) ev = qmp_event_wait(f->qmp, "DEVICE_DELETED",
                                              QMP_TIMEOUT_MS);
    JsonObject *d;

    g_assert_nonnull(ev);
    d = json_object_get_object_member(ev, "data");
    if (id) {
        g_assert_cmpstr(json_object_get_string_member(d, "device"), ==, id);
    } else {
        g_assert_false(json_object_has_member(d, "device"));
    }
    g_assert_cmpstr(json_object_get_string_member(d, "path"), ==, path);
}

static void test_del_reports_crw_then_cc3(Fixture *f, gconstpointer data)
{
    g_autoptr(JsonNode) list = NULL;

    device_add(f, "{\"driver\": \"ccw-testdev\", \"id\": \"t1\", "
               "\"devno\": \"fe.0.0002\"}");
    assert_sch_crw(take_crw(f->s), false, 1);
    css_enable(f->s, SID1, 3, 0x22);

    device_del(f, "t1");
    assert_sch_crw(take_crw(f->s), false, 1);
    g_assert_cmpint(css_insn(f->s, "stcrw", 0, CRW_ADDR), ==, 1);
    /* Gone: the last subchannel, so STSCH says "no more" (cc 3). */
    g_assert_cmpint(css_insn(f->s, "stsch", SID1, SCHIB), ==, 3);
    css_write_ccw1(f->s, CCWS, CCW_CMD_NOOP, 0, 1, 0);
    css_write_orb(f->s, ORB, 0, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(css_insn(f->s, "ssch", SID1, ORB), ==, 3);
    assert_device_deleted(f, "t1", "/machine/peripheral/t1");
    list = qmp_execute_ok(f->qmp, "query-ccw-subchannels", NULL);
    g_assert_cmpuint(json_array_get_length(qmp_node_get_array(list)), ==, 1);

    /* Its device number and id are free again. */
    device_add(f, "{\"driver\": \"ccw-testdev\", \"id\": \"t1\", "
               "\"devno\": \"fe.0.0002\"}");
    assert_sch_crw(take_crw(f->s), false, 1);
}

/*
 * Unplugging a device in the middle of a channel program: the program
 * ends with the subchannel, nothing is left to interrupt for, and the
 * channel report says the subchannel is gone.
 */
static void test_del_with_active_program(Fixture *f, gconstpointer data)
{
    g_autofree char *hold = NULL;
    g_autofree char *none = NULL;
    g_autofree char *cr6 = NULL;
    CssIrbView irb;

    device_add(f, "{\"driver\": \"ccw-testdev\", \"id\": \"t1\", "
               "\"devno\": \"fe.0.0002\"}");
    assert_sch_crw(take_crw(f->s), false, 1);
    css_enable(f->s, SID1, 3, 0x22);
    hold = qtest_okf(f->s, "ccw_testdev t1 hold");
    css_write_ccw1(f->s, CCWS, CCW_CMD_NOOP, 0, 1, 0);
    css_write_orb(f->s, ORB, 0x77, ORB_W1_FMT1_PFCH_LPM, CCWS);
    g_assert_cmpint(css_insn(f->s, "ssch", SID1, ORB), ==, 0);
    /* Held: the function is active (SSCH again: cc 2). */
    g_assert_cmpint(css_insn(f->s, "ssch", SID1, ORB), ==, 2);

    device_del(f, "t1");
    assert_sch_crw(take_crw(f->s), false, 1);
    g_assert_cmpint(css_insn(f->s, "stsch", SID1, SCHIB), ==, 3);
    cr6 = qtest_okf(f->s, "s390x_cr6 0xff000000");
    none = qtest_okf(f->s, "s390x_io_wait 200");
    g_assert_cmpstr(none, ==, "none");
    g_assert_cmpint(css_tsch(f->s, SID1, IRB, &irb), ==, 3);
    assert_device_deleted(f, "t1", "/machine/peripheral/t1");

    /* The rest of the channel subsystem goes on. */
    css_enable(f->s, SID0, 3, 0x11);
    run_one_ccw(f->s, SID0, CCW_CMD_NOOP, 0, 1, &irb);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
}

/* A device without id is named by its path, in the list and the event. */
static void test_del_anonymous_by_path(Fixture *f, gconstpointer data)
{
    static const char path[] =
        "/machine/peripheral-anon/ccw-testdev[fe.0.0003]";
    g_autoptr(JsonNode) list = NULL;
    g_autofree char *args = g_strdup_printf("{\"id\": \"%s\"}", path);
    g_autoptr(JsonNode) ret = NULL;
    JsonObject *o;

    device_add(f, "{\"driver\": \"ccw-testdev\", \"devno\": \"fe.0.0003\"}");
    assert_sch_crw(take_crw(f->s), false, 1);
    list = qmp_execute_ok(f->qmp, "query-ccw-subchannels", NULL);
    o = json_array_get_object_element(qmp_node_get_array(list), 1);
    g_assert_cmpstr(json_object_get_string_member(o, "path"), ==, path);
    g_assert_false(json_object_has_member(o, "id"));
    ret = qmp_execute_ok(f->qmp, "device_del", args);
    assert_device_deleted(f, NULL, path);
    assert_sch_crw(take_crw(f->s), false, 1);
}

/* Cold-plugged devices can go too. */
static void test_del_coldplugged(Fixture *f, gconstpointer data)
{
    device_del(f, "t0");
    assert_sch_crw(take_crw(f->s), false, 0);
    g_assert_cmpint(css_insn(f->s, "stsch", SID0, SCHIB), ==, 3);
    assert_device_deleted(f, "t0", "/machine/peripheral/t0");
}

static void test_del_unknown_device_not_found(Fixture *f, gconstpointer data)
{
    g_autoptr(JsonObject) r = qmp_execute(f->qmp, "device_del",
                                          "{\"id\": \"nosuch\"}");
    g_autoptr(JsonObject) r2 = qmp_execute(f->qmp, "device_del",
                                           "{\"id\": \"/machine/x\"}");

    qmp_assert_error(r, "DeviceNotFound", "Device 'nosuch' not found");
    qmp_assert_error(r2, "DeviceNotFound", "Device '/machine/x' not found");
    assert_no_crw(f->s);
}

/* ---- query-ccw-subchannels, query-chpids -------------------------------- */

static JsonObject *find_subchannel(JsonArray *list, const char *dev_id)
{
    for (guint i = 0; i < json_array_get_length(list); i++) {
        JsonObject *o = json_array_get_object_element(list, i);

        if (g_str_equal(json_object_get_string_member(o, "dev-id"),
                        dev_id)) {
            return o;
        }
    }
    g_error("no subchannel with dev-id %s", dev_id);
    return NULL;
}

/* Each field against what the guest itself reads (STSCH, SENSE ID). */
static void assert_subchannel_as_guest_sees(QTestState *s, JsonObject *o,
                                            uint32_t sid)
{
    JsonArray *chpids = json_object_get_array_member(o, "chpids");
    CssIrbView irb;
    uint8_t id[7];
    uint16_t w1;

    g_assert_cmpint(css_insn(s, "stsch", sid, SCHIB), ==, 0);
    w1 = qtest_readw(s, SCHIB + 4);
    g_assert_cmpint(json_object_get_boolean_member(o, "in-use"), ==,
                    !!(w1 & 0x0080));
    g_assert_cmpint(json_object_get_int_member(o, "pim"), ==,
                    qtest_readb(s, SCHIB + 11));
    g_assert_cmpint(json_object_get_int_member(o, "pom"), ==,
                    qtest_readb(s, SCHIB + 14));
    g_assert_cmpint(json_object_get_int_member(o, "pam"), ==,
                    qtest_readb(s, SCHIB + 15));
    g_assert_cmpuint(json_array_get_length(chpids), ==, 8);
    for (guint i = 0; i < 8; i++) {
        g_assert_cmpint(json_array_get_int_element(chpids, i), ==,
                        qtest_readb(s, SCHIB + 16 + i));
    }
    /* SENSE ID: 0xff, CU type, CU model, device type, device model. */
    if (!(w1 & 0x0080)) {
        css_enable(s, sid, 3, 0x99);
    }
    qtest_memset(s, DATA, 0, 8);
    run_one_ccw(s, sid, CCW_CMD_SENSE_ID, CCW_FLAG_SLI, 7, &irb);
    g_assert_cmphex(irb.dstat, ==, DSTAT_CE_DE);
    qtest_memread(s, DATA, id, sizeof(id));
    g_assert_cmphex(id[0], ==, 0xff);
    g_assert_cmphex(json_object_get_int_member(o, "cu-type"), ==,
                    (id[1] << 8) | id[2]);
    g_assert_cmphex(json_object_get_int_member(o, "cu-model"), ==, id[3]);
    g_assert_cmphex(json_object_get_int_member(o, "dev-type"), ==,
                    (id[4] << 8) | id[5]);
    g_assert_cmphex(json_object_get_int_member(o, "dev-model"), ==, id[6]);
}

static void test_query_subchannels_fields(Fixture *f, gconstpointer data)
{
    g_autoptr(JsonNode) list = NULL;
    JsonArray *a;
    JsonObject *t0, *t1;

    device_add(f, "{\"driver\": \"ccw-testdev\", \"id\": \"t1\", "
               "\"devno\": \"fe.0.0042\"}");
    css_enable(f->s, SID0, 3, 0x11);
    list = qmp_execute_ok(f->qmp, "query-ccw-subchannels", NULL);
    a = qmp_node_get_array(list);
    g_assert_cmpuint(json_array_get_length(a), ==, 2);
    t0 = find_subchannel(a, "fe.0.0001");
    t1 = find_subchannel(a, "fe.0.0042");
    /* Subchannel order, as lscss lists them. */
    g_assert_true(json_array_get_object_element(a, 0) == t0);

    /* Without MCSS-E the guest names the default image css 0. */
    g_assert_cmpstr(json_object_get_string_member(t0, "devno"), ==,
                    "0.0.0001");
    g_assert_cmpstr(json_object_get_string_member(t0, "subchannel"), ==,
                    "0.0.0000");
    g_assert_cmpstr(json_object_get_string_member(t1, "devno"), ==,
                    "0.0.0042");
    g_assert_cmpstr(json_object_get_string_member(t1, "subchannel"), ==,
                    "0.0.0001");
    g_assert_cmpstr(json_object_get_string_member(t0, "driver"), ==,
                    "ccw-testdev");
    g_assert_cmpstr(json_object_get_string_member(t0, "id"), ==, "t0");
    g_assert_cmpstr(json_object_get_string_member(t1, "path"), ==,
                    "/machine/peripheral/t1");
    g_assert_true(json_object_get_boolean_member(t0, "virtual"));
    g_assert_false(json_object_has_member(t0, "host"));
    /* The identity of ccw-testdev: 0xffff/01 for both. */
    g_assert_cmphex(json_object_get_int_member(t1, "cu-type"), ==, 0xffff);
    g_assert_cmphex(json_object_get_int_member(t1, "dev-model"), ==, 0x01);
    g_assert_true(json_object_get_boolean_member(t0, "in-use"));
    g_assert_false(json_object_get_boolean_member(t1, "in-use"));
    assert_subchannel_as_guest_sees(f->s, t0, SID0);
    assert_subchannel_as_guest_sees(f->s, t1, SID1);
}

/* Asking leaves no trace for the program: no status, no interruption. */
static void test_query_subchannels_invisible_to_guest(Fixture *f,
                                                      gconstpointer data)
{
    g_autoptr(JsonNode) list = NULL;
    g_autofree char *cr6 = NULL;
    g_autofree char *none = NULL;
    CssIrbView irb;

    css_enable(f->s, SID0, 3, 0x11);
    list = qmp_execute_ok(f->qmp, "query-ccw-subchannels", NULL);
    cr6 = qtest_okf(f->s, "s390x_cr6 0xff000000");
    none = qtest_okf(f->s, "s390x_io_wait 100");
    g_assert_cmpstr(none, ==, "none");
    g_assert_cmpint(css_tsch(f->s, SID0, IRB, &irb), ==, 1);
}

/* With MCSS-E the guest sees the real css id, and so does the list. */
static void test_query_subchannels_follow_mcsse(Fixture *f,
                                                gconstpointer data)
{
    g_autoptr(JsonNode) list = NULL;
    JsonObject *t0;

    chsc_sda(f->s, 0);
    list = qmp_execute_ok(f->qmp, "query-ccw-subchannels", NULL);
    t0 = json_array_get_object_element(qmp_node_get_array(list), 0);
    g_assert_cmpstr(json_object_get_string_member(t0, "devno"), ==,
                    "fe.0.0001");
    g_assert_cmpstr(json_object_get_string_member(t0, "subchannel"), ==,
                    "fe.0.0000");
}

/*
 * The one virtual path: CHPID 0 of image fe, type 0x32 (QEMU's type for
 * the virtio path, facts §3.1), configured, in use while a subchannel
 * has it installed.
 */
static void test_query_chpids_fields(Fixture *f, gconstpointer data)
{
    g_autoptr(JsonNode) before = NULL;
    g_autoptr(JsonNode) after = NULL;
    JsonArray *a;
    JsonObject *chp;

    before = qmp_execute_ok(f->qmp, "query-chpids", NULL);
    a = qmp_node_get_array(before);
    g_assert_cmpuint(json_array_get_length(a), ==, 1);
    chp = json_array_get_object_element(a, 0);
    g_assert_cmpint(json_object_get_int_member(chp, "cssid"), ==, 0xfe);
    g_assert_cmpint(json_object_get_int_member(chp, "chpid"), ==, 0x00);
    g_assert_cmphex(json_object_get_int_member(chp, "type"), ==, 0x32);
    g_assert_true(json_object_get_boolean_member(chp, "configured"));
    g_assert_true(json_object_get_boolean_member(chp, "in-use"));

    /* Without subchannels the path stays installed, unused. */
    device_del(f, "t0");
    after = qmp_execute_ok(f->qmp, "query-chpids", NULL);
    a = qmp_node_get_array(after);
    g_assert_cmpuint(json_array_get_length(a), ==, 1);
    chp = json_array_get_object_element(a, 0);
    g_assert_cmpint(json_object_get_int_member(chp, "chpid"), ==, 0x00);
    g_assert_false(json_object_get_boolean_member(chp, "in-use"));
}

/* ---- passthrough: vfio-user-ccw ----------------------------------------- */

/*
 * squash-mcss puts the passthrough device into the default image 0, so
 * that a guest without MCSS-E sees it (facts §3.5).
 */
#define PT_ARGS "-M s390-ccw-virtio,s390-squash-mcss=on -m 64M -nodefaults " \
                "-device ccw-testdev,id=t0,devno=fe.0.0001"
#define PT_TIMEOUT_MS 20000

typedef struct PtFixture {
    VucServer *srv;
    QmpMachine *m;
} PtFixture;

/* Start the server on a new volume, then the machine. */
static void pt_setup(PtFixture *f)
{
    static const char *const args[] = {
        "--schid", "0.0.0313", "--devno", "0.0.2b09", "--chpid", "0x32,0x33",
        NULL,
    };

    f->srv = vuc_server_start(10, args);
    f->m = qmp_machine_start(PT_ARGS);
}

static void pt_teardown(PtFixture *f)
{
    if (f->m) {
        qmp_machine_stop(f->m);
    }
    vuc_server_stop(f->srv);
}

static void pt_device_add(PtFixture *f)
{
    g_autofree char *args = g_strdup_printf(
        "{\"driver\": \"vfio-user-ccw\", \"id\": \"dasd1\", "
        "\"socket\": \"%s\", \"devno\": \"0.0.1234\"}", f->srv->sock);
    json_node_unref(qmp_execute_ok(f->m->qmp, "device_add", args));
}

/*
 * A passthrough device added at run time: reported like any other; the
 * monitor shows the host's subchannel, device number and paths, and no
 * device identity (that would take a channel program on the device).
 */
static void test_pt_add_reports_and_shows_host(void)
{
    PtFixture f = { 0 };
    g_autoptr(JsonNode) subch = NULL;
    g_autoptr(JsonNode) chps = NULL;
    JsonObject *o, *host;
    JsonArray *a;

    pt_setup(&f);
    pt_device_add(&f);
    assert_sch_crw(take_crw(f.m->qts), false, 1);
    subch = qmp_execute_ok(f.m->qmp, "query-ccw-subchannels", NULL);
    a = qmp_node_get_array(subch);
    g_assert_cmpuint(json_array_get_length(a), ==, 2);
    o = find_subchannel(a, "0.0.1234");
    g_assert_cmpstr(json_object_get_string_member(o, "devno"), ==,
                    "0.0.1234");
    g_assert_cmpstr(json_object_get_string_member(o, "subchannel"), ==,
                    "0.0.0001");
    g_assert_cmpstr(json_object_get_string_member(o, "driver"), ==,
                    "vfio-user-ccw");
    g_assert_false(json_object_get_boolean_member(o, "virtual"));
    g_assert_false(json_object_has_member(o, "cu-type"));
    g_assert_false(json_object_has_member(o, "dev-type"));
    host = json_object_get_object_member(o, "host");
    g_assert_cmpstr(json_object_get_string_member(host, "subchannel"), ==,
                    "0.0.0313");
    g_assert_cmpstr(json_object_get_string_member(host, "devno"), ==,
                    "0.0.2b09");
    g_assert_cmpint(json_object_get_int_member(o, "pim"), ==, 0xc0);
    g_assert_cmpint(json_array_get_int_element(
        json_object_get_array_member(o, "chpids"), 1), ==, 0x33);
    g_assert_cmpint(css_insn(f.m->qts, "stsch", SID1, SCHIB), ==, 0);
    g_assert_cmphex(qtest_readw(f.m->qts, SCHIB + 6), ==, 0x1234);
    g_assert_cmphex(qtest_readb(f.m->qts, SCHIB + 11), ==, 0xc0);
    g_assert_cmphex(qtest_readb(f.m->qts, SCHIB + 16), ==, 0x32);
    g_assert_cmphex(qtest_readb(f.m->qts, SCHIB + 17), ==, 0x33);

    /* Image 0: the virtual path 0 and the host's two. */
    chps = qmp_execute_ok(f.m->qmp, "query-chpids", NULL);
    a = qmp_node_get_array(chps);
    g_assert_cmpuint(json_array_get_length(a), ==, 3);
    o = json_array_get_object_element(a, 1);
    g_assert_cmpint(json_object_get_int_member(o, "cssid"), ==, 0);
    g_assert_cmpint(json_object_get_int_member(o, "chpid"), ==, 0x32);
    g_assert_true(json_object_get_boolean_member(o, "in-use"));
    pt_teardown(&f);
}

/*
 * The host asks for its device back (vfio-ccw request interrupt, which
 * the server raises on SIGUSR1): the machine unplugs it as device_del
 * would, with its channel report and DEVICE_DELETED.
 */
static void test_pt_host_request_unplugs_with_event(void)
{
    PtFixture f = { 0 };
    g_autoptr(JsonObject) ev = NULL;
    g_autoptr(JsonNode) list = NULL;
    JsonObject *d;

    pt_setup(&f);
    pt_device_add(&f);
    assert_sch_crw(take_crw(f.m->qts), false, 1);
    g_assert_cmpint(kill(f.srv->pid, SIGUSR1), ==, 0);
    ev = qmp_event_wait(f.m->qmp, "DEVICE_DELETED", PT_TIMEOUT_MS);
    g_assert_nonnull(ev);
    d = json_object_get_object_member(ev, "data");
    g_assert_cmpstr(json_object_get_string_member(d, "device"), ==, "dasd1");
    g_assert_cmpstr(json_object_get_string_member(d, "path"), ==,
                    "/machine/peripheral/dasd1");
    assert_sch_crw(take_crw(f.m->qts), false, 1);
    g_assert_cmpint(css_insn(f.m->qts, "stsch", SID1, SCHIB), ==, 3);
    list = qmp_execute_ok(f.m->qmp, "query-ccw-subchannels", NULL);
    g_assert_cmpuint(json_array_get_length(qmp_node_get_array(list)), ==, 1);
    pt_teardown(&f);
}

#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    ADD("/hotplug/coldplug/no-crw", test_coldplug_no_crw);
    ADD("/hotplug/add/reports-crw-then-usable",
        test_add_reports_crw_then_usable);
    ADD("/hotplug/add/set1-with-mss-chains-crws",
        test_add_in_set1_with_mss_chains_crws);
    ADD("/hotplug/add/invisible-set-silent",
        test_add_in_invisible_set_silent);
    ADD("/hotplug/add/errors-leave-machine-alone",
        test_add_errors_leave_machine_alone);
    ADD("/hotplug/del/reports-crw-then-cc3", test_del_reports_crw_then_cc3);
    ADD("/hotplug/del/active-program-ends-without-interruption",
        test_del_with_active_program);
    ADD("/hotplug/del/anonymous-by-path", test_del_anonymous_by_path);
    ADD("/hotplug/del/coldplugged", test_del_coldplugged);
    ADD("/hotplug/del/unknown-device-not-found",
        test_del_unknown_device_not_found);
    ADD("/hotplug/query-ccw-subchannels/fields",
        test_query_subchannels_fields);
    ADD("/hotplug/query-ccw-subchannels/invisible-to-guest",
        test_query_subchannels_invisible_to_guest);
    ADD("/hotplug/query-ccw-subchannels/follow-mcsse",
        test_query_subchannels_follow_mcsse);
    ADD("/hotplug/query-chpids/fields", test_query_chpids_fields);
    g_test_add_func("/hotplug/passthrough/add-reports-and-shows-host",
                    test_pt_add_reports_and_shows_host);
    g_test_add_func("/hotplug/passthrough/host-request-unplugs-with-event",
                    test_pt_host_request_unplugs_with_event);
    return g_test_run();
}
