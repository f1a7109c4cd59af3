/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ccw-testdev: a scriptable channel-attached device for tests.
 *
 *   -device ccw-testdev[,devno=fe.0.0001][,mode=echo][,sense=HEX][,residual=N]
 *
 * Control unit type 0xffff model 0x01, device type 0xffff model 0x01, in
 * the virtual css (0xfe).  What it does with a command depends on its
 * mode, which a test may change at any time with the qtest request
 *
 *   ccw_testdev DEVNO|ID MODE [ARG]
 *
 * (docs/devel/qtest-s390x.rst):
 *   echo              write-type commands store the data (up to 64 KiB),
 *                     read-type commands return what was stored last
 *   residual N        as echo, but the device moves N bytes fewer than
 *                     the count (incorrect length unless SLI)
 *   reject            every command ends in unit check, sense byte 0 =
 *                     command reject (0x80)
 *   unit-check HEX    every command ends in unit check with these sense
 *                     bytes (1-32 bytes, hex)
 *   unit-exception    every command ends with CE, DE and unit exception
 *   busy              every command is answered with busy status
 *   hold              a started program stays active (subchannel and
 *                     device active) until "release"; then it runs as
 *                     in echo mode.  Lets a test meet HSCH, CSCH and XSCH
 *                     on an active subchannel.
 * and two actions:
 *   release           run the held program now (FAIL if none is held)
 *   attention         present unsolicited attention status (FAIL unless
 *                     the subchannel is enabled and idle)
 * NOOP and BASIC SENSE are answered by the subchannel itself (css).
 * SENSE ID (0xe4) always answers with the identity above.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "qemu/cutils.h"
#include "qemu/module.h"
#include "qom/object.h"
#include "hw/boards.h"
#include "hw/s390x/ccw-device.h"
#include "hw/s390x/s390-virtio-ccw.h"
#include "system/qtest.h"

#define TYPE_CCW_TESTDEV "ccw-testdev"
#define TESTDEV_BUF_SIZE (64 * 1024)
#define TESTDEV_CU_TYPE 0xffff
#define TESTDEV_DEV_TYPE 0xffff
#define TESTDEV_MODEL 0x01

typedef enum TestDevMode {
    TESTDEV_ECHO,
    TESTDEV_RESIDUAL,
    TESTDEV_REJECT,
    TESTDEV_UNIT_CHECK,
    TESTDEV_UNIT_EXCEPTION,
    TESTDEV_BUSY,
    TESTDEV_HOLD,
} TestDevMode;

static GType testdev_mode_get_type(void)
{
    static gsize id;
    static const GEnumValue values[] = {
        { TESTDEV_ECHO, "TESTDEV_ECHO", "echo" },
        { TESTDEV_RESIDUAL, "TESTDEV_RESIDUAL", "residual" },
        { TESTDEV_REJECT, "TESTDEV_REJECT", "reject" },
        { TESTDEV_UNIT_CHECK, "TESTDEV_UNIT_CHECK", "unit-check" },
        { TESTDEV_UNIT_EXCEPTION, "TESTDEV_UNIT_EXCEPTION", "unit-exception" },
        { TESTDEV_BUSY, "TESTDEV_BUSY", "busy" },
        { TESTDEV_HOLD, "TESTDEV_HOLD", "hold" },
        { 0, NULL, NULL },
    };

    if (g_once_init_enter(&id)) {
        g_once_init_leave(&id, g_enum_register_static("CcwTestDevMode",
                                                      values));
    }
    return id;
}

typedef struct CcwTestDev {
    CcwDevice parent_obj;
    TestDevMode mode;
    guint residual;
    uint8_t sense[SENSE_DATA_SIZE];
    size_t sense_len;
    uint8_t *buf;              /* echo data, TESTDEV_BUF_SIZE bytes */
    size_t buf_len;            /* bytes stored by the last write */
} CcwTestDev;

typedef struct CcwTestDevClass {
    CcwDeviceClass parent_class;
} CcwTestDevClass;

static GType ccw_testdev_get_type(void);
#define CCW_TESTDEV(obj) \
    G_TYPE_CHECK_INSTANCE_CAST((obj), ccw_testdev_get_type(), CcwTestDev)

OBJECT_DEFINE_TYPE(CcwTestDev, CcwTestDevClass, ccw_testdev, TYPE_CCW_TESTDEV,
                   ccw_device_get_type())

enum { PROP_0, PROP_MODE, PROP_SENSE, PROP_RESIDUAL, N_PROPS };
static GParamSpec *testdev_props[N_PROPS];

/* "HEX" -> sense bytes; 1 to 32 bytes, two digits each. */
static bool parse_sense(const char *hex, uint8_t *sense, size_t *len)
{
    size_t n = strlen(hex);

    if (g_str_has_prefix(hex, "0x")) {
        hex += 2;
        n -= 2;
    }
    if (n == 0 || n % 2 || n / 2 > SENSE_DATA_SIZE) {
        return false;
    }
    for (size_t i = 0; i < n / 2; i++) {
        int hi = g_ascii_xdigit_value(hex[2 * i]);
        int lo = g_ascii_xdigit_value(hex[2 * i + 1]);

        if (hi < 0 || lo < 0) {
            return false;
        }
        sense[i] = (uint8_t)(hi << 4 | lo);
    }
    *len = n / 2;
    return true;
}

static void ccw_testdev_set_property(GObject *obj, guint id,
                                     const GValue *value, GParamSpec *pspec)
{
    CcwTestDev *td = CCW_TESTDEV(obj);

    switch (id) {
    case PROP_MODE:
        td->mode = g_value_get_enum(value);
        break;
    case PROP_SENSE: {
        const char *hex = g_value_get_string(value);
        uint8_t sense[SENSE_DATA_SIZE] = { 0 };
        size_t len = 0;

        /* Bad text leaves the old sense; realize reports it. */
        if (hex && parse_sense(hex, sense, &len)) {
            memcpy(td->sense, sense, sizeof(sense));
            td->sense_len = len;
        } else {
            td->sense_len = SIZE_MAX;
        }
        break;
    }
    case PROP_RESIDUAL:
        td->residual = g_value_get_uint(value);
        break;
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

static void ccw_testdev_get_property(GObject *obj, guint id, GValue *value,
                                     GParamSpec *pspec)
{
    CcwTestDev *td = CCW_TESTDEV(obj);

    switch (id) {
    case PROP_MODE:
        g_value_set_enum(value, td->mode);
        break;
    case PROP_RESIDUAL:
        g_value_set_uint(value, td->residual);
        break;
    case PROP_SENSE: {
        GString *s = g_string_new(NULL);

        for (size_t i = 0; td->sense_len != SIZE_MAX && i < td->sense_len;
             i++) {
            g_string_append_printf(s, "%02x", td->sense[i]);
        }
        g_value_take_string(value, g_string_free(s, FALSE));
        break;
    }
    default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID(obj, id, pspec);
    }
}

/* SENSE ID data (PoP-independent, device-defined): 0xff, CU, device. */
static void testdev_sense_id(CcwDataStream *ds, CcwDevResult *res)
{
    uint8_t id[7];

    id[0] = 0xff;
    stw_be_p(&id[1], TESTDEV_CU_TYPE);
    id[3] = TESTDEV_MODEL;
    stw_be_p(&id[4], TESTDEV_DEV_TYPE);
    id[6] = TESTDEV_MODEL;
    ccw_stream_store(ds, id, sizeof(id));
    res->data_len = sizeof(id);
}

static void testdev_unit_check(SubchDev *sch, const uint8_t *sense,
                               size_t len, CcwDevResult *res)
{
    memset(sch->sense_data, 0, sizeof(sch->sense_data));
    memcpy(sch->sense_data, sense, len);
    res->dstat |= SCSW_DSTAT_UNIT_CHECK;
    res->immediate = true;
}

/* Move data for echo and residual modes. */
static void testdev_echo(CcwTestDev *td, const CcwDevCommand *cmd,
                         CcwDataStream *ds, CcwDevResult *res)
{
    uint64_t want = cmd->total_count;
    uint64_t shortfall = td->mode == TESTDEV_RESIDUAL ? td->residual : 0;

    switch (ccw_cmd_class(cmd->cmd)) {
    case CCW_CMD_CLASS_WRITE: {
        size_t n = (size_t)MIN(want > shortfall ? want - shortfall : 0,
                               (uint64_t)TESTDEV_BUF_SIZE);

        td->buf_len = ccw_stream_fetch(ds, td->buf, n);
        res->data_len = n;
        break;
    }
    case CCW_CMD_CLASS_READ: {
        size_t n = td->buf_len;

        if (td->mode == TESTDEV_RESIDUAL) {
            n = (size_t)(want > shortfall ? want - shortfall : 0);
            n = MIN(n, (size_t)TESTDEV_BUF_SIZE);
        }
        ccw_stream_store(ds, td->buf, n);
        res->data_len = n;
        break;
    }
    case CCW_CMD_CLASS_CONTROL:
        res->immediate = true;
        break;
    default: {
        static const uint8_t reject[1] = { SENSE_CMD_REJECT };

        testdev_unit_check(CCW_DEVICE(td)->sch, reject, 1, res);
        break;
    }
    }
}

static void testdev_execute(SubchDev *sch, const CcwDevCommand *cmd,
                            CcwDataStream *ds, CcwDevResult *res)
{
    CcwTestDev *td = CCW_TESTDEV(sch->driver_data);
    static const uint8_t reject[1] = { SENSE_CMD_REJECT };

    if (cmd->cmd == CCW_CMD_SENSE_ID) {
        testdev_sense_id(ds, res);
        return;
    }
    switch (td->mode) {
    case TESTDEV_ECHO:
    case TESTDEV_RESIDUAL:
    case TESTDEV_HOLD:
        testdev_echo(td, cmd, ds, res);
        break;
    case TESTDEV_REJECT:
        testdev_unit_check(sch, reject, sizeof(reject), res);
        break;
    case TESTDEV_UNIT_CHECK:
        testdev_unit_check(sch, td->sense, td->sense_len, res);
        break;
    case TESTDEV_UNIT_EXCEPTION:
        res->dstat |= SCSW_DSTAT_UNIT_EXCEP;
        res->immediate = true;
        break;
    case TESTDEV_BUSY:
        /* Busy at initial selection: no CE/DE, nothing started. */
        res->dstat = SCSW_DSTAT_BUSY;
        res->immediate = true;
        break;
    }
}

static bool testdev_hold_start(SubchDev *sch)
{
    return CCW_TESTDEV(sch->driver_data)->mode == TESTDEV_HOLD;
}

static void testdev_reset(SubchDev *sch)
{
    CcwTestDev *td = CCW_TESTDEV(sch->driver_data);

    td->buf_len = 0;
}

static const SubchDevOps testdev_ops = {
    .execute = testdev_execute,
    .hold_start = testdev_hold_start,
    .reset = testdev_reset,
};

static bool ccw_testdev_realize_subch(CcwDevice *dev, GError **errp)
{
    CcwTestDev *td = CCW_TESTDEV(dev);

    if (td->sense_len == SIZE_MAX) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "ccw-testdev: sense must be 1 to 32 bytes in hex");
        return false;
    }
    css_sch_build_virtual_schib(dev->sch, VIRTUAL_CHPID, VIRTUAL_CHPID_TYPE);
    dev->sch->ops = &testdev_ops;
    return true;
}

static void ccw_testdev_finalize(GObject *obj)
{
    g_free(CCW_TESTDEV(obj)->buf);
    G_OBJECT_CLASS(ccw_testdev_parent_class)->finalize(obj);
}

static void ccw_testdev_class_init(CcwTestDevClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    DeviceClass *dc = DEVICE_CLASS(klass);
    CcwDeviceClass *cc = CCW_DEVICE_CLASS(klass);
    const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

    oc->set_property = ccw_testdev_set_property;
    oc->get_property = ccw_testdev_get_property;
    oc->finalize = ccw_testdev_finalize;
    dc->desc = "scriptable CCW test device (CU type 0xffff)";
    dc->user_creatable = true;
    cc->is_virtual = true;
    cc->realize_subch = ccw_testdev_realize_subch;

    testdev_props[PROP_MODE] =
        g_param_spec_enum("mode", "mode",
                          "what the device does with a command",
                          testdev_mode_get_type(), TESTDEV_ECHO, rw);
    testdev_props[PROP_SENSE] =
        g_param_spec_string("sense", "sense",
                            "sense bytes in hex for mode=unit-check",
                            NULL, rw);
    testdev_props[PROP_RESIDUAL] =
        g_param_spec_uint("residual", "residual",
                          "bytes the device moves fewer than the count, "
                          "for mode=residual", 0, 65535, 0, rw);
    g_object_class_install_properties(oc, N_PROPS, testdev_props);
}

static void ccw_testdev_init(CcwTestDev *td)
{
    td->buf = g_malloc0(TESTDEV_BUF_SIZE);
}

/* ---- qtest: ccw_testdev DEVNO|ID MODE [ARG] ------------------------------ */

static bool qtest_ccw_testdev(int argc, char **argv, GString *reply,
                              GError **errp)
{
    ChannelSubSys *css = s390_ccw_machine_css(current_machine);
    BusState *bus = css ? machine_find_bus(current_machine,
                                           TYPE_VIRTUAL_CSS_BUS) : NULL;
    CcwDevice *dev;
    GEnumValue *ev;
    g_autoptr(GEnumClass) ec = g_type_class_ref(testdev_mode_get_type());
    CcwTestDev *td;

    if (argc < 3 || argc > 4) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "usage: ccw_testdev DEVNO|ID MODE [ARG]");
        return false;
    }
    dev = bus ? ccw_device_find(bus, argv[1]) : NULL;
    if (!dev || !G_TYPE_CHECK_INSTANCE_TYPE(dev, ccw_testdev_get_type())) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                    "no ccw-testdev '%s'", argv[1]);
        return false;
    }
    td = CCW_TESTDEV(dev);
    if (g_str_equal(argv[2], "release") || g_str_equal(argv[2], "attention")) {
        bool release = g_str_equal(argv[2], "release");

        if (argc != 3) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "%s takes no argument", argv[2]);
            return false;
        }
        if (release ? !css_sch_release_held(dev->sch) :
            !css_sch_present_unsolicited(dev->sch, SCSW_DSTAT_ATTENTION)) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_BUSY,
                        release ? "no held channel program to release" :
                        "subchannel not enabled, or busy or status pending");
            return false;
        }
        return true;
    }
    ev = g_enum_get_value_by_nick(ec, argv[2]);
    if (!ev) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "unknown ccw-testdev mode '%s'", argv[2]);
        return false;
    }
    if (ev->value == TESTDEV_RESIDUAL || ev->value == TESTDEV_UNIT_CHECK) {
        uint64_t n;
        uint8_t sense[SENSE_DATA_SIZE] = { 0 };
        size_t len;

        if (argc != 4) {
            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "mode %s needs an argument", argv[2]);
            return false;
        }
        if (ev->value == TESTDEV_RESIDUAL) {
            if (!qtest_parse_u64(argv[3], "residual", &n, errp)) {
                return false;
            }
            if (n > 65535) {
                g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                            "residual %s is larger than 65535", argv[3]);
                return false;
            }
            td->residual = (guint)n;
        } else {
            if (!parse_sense(argv[3], sense, &len)) {
                g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                            "sense '%s' is not 1 to 32 bytes in hex",
                            argv[3]);
                return false;
            }
            memcpy(td->sense, sense, sizeof(sense));
            td->sense_len = len;
        }
    } else if (argc != 3) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "mode %s takes no argument", argv[2]);
        return false;
    }
    td->mode = ev->value;
    return true;
}

static void ccw_testdev_register(void)
{
    g_type_ensure(ccw_testdev_get_type());
    qtest_register_command("ccw_testdev", qtest_ccw_testdev);
}

type_init(ccw_testdev_register)
