/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz-qtest-request: request lines through qtest_process_request()
 * (include/system/qtest.h), as a qtest client would send them, on a real
 * s390-ccw-virtio machine with 24 KiB of RAM and two ccw-testdevs
 * (t0 at fe.0.0001, and t1 in hold mode with an automatic devno), made
 * afresh for each input.
 *
 * Input: text; each line (up to 64, a trailing CR dropped, a NUL ending
 * the line early as it would end the C string) is one request.  Waiting
 * requests (s390x_io_wait, s390x_crw_wait) get a timeout of 0 instead of
 * theirs, so that an input never sleeps; everything else goes through
 * unchanged.
 *
 * What must hold: every reply is one line that is "OK", "OK <words>" or
 * "FAIL <message>"; a FAIL changes nothing in guest RAM (the contract of
 * QTestCommandFn); a successful writeb/w/l/q reads back the same value
 * with readb/w/l/q; and no crash, leak or UB, whatever the requests.
 *
 * FUZZ_TRACE=1 in the environment prints every request and its reply.
 */
#include "qemu/osdep.h"

#include "qemu/module.h"
#include "hw/boards.h"
#include "hw/qdev-properties.h"
#include "system/device-create.h"
#include "system/qtest.h"
#include "fuzz.h"

#define RAM_SIZE (24 * 1024)
#define MAX_LINES 64
#define MAX_WAIT_MS (24 * 3600 * 1000)  /* longer waits are refused */

static const char *const devices[] = {
    "ccw-testdev,id=t0,devno=fe.0.0001",
    "ccw-testdev,id=t1,mode=hold",
};

static uint8_t *ram_copy;
static bool trace;              /* FUZZ_TRACE=1: print requests and replies */

static void add_device(MachineState *ms, const char *opts)
{
    g_autofree char *type = NULL;
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) pairs = qemu_opts_split(opts, &type, &err);
    g_autoptr(DeviceState) dev = NULL;
    GType t;

    g_assert_no_error(err);
    t = qdev_device_type_from_name(type, &err);
    g_assert_no_error(err);
    dev = qdev_device_new_from_pairs(t, pairs, &err);
    g_assert_no_error(err);
    g_assert_true(machine_device_add(ms, dev, &err));
    g_assert_no_error(err);
}

static MachineState *new_machine(void)
{
    GType t = machine_type_from_name("s390-ccw-virtio");
    g_autoptr(GError) err = NULL;
    MachineState *ms;

    g_assert_cmpuint(t, !=, G_TYPE_INVALID);
    ms = g_object_new(t, NULL);
    ms->ram_size = RAM_SIZE;
    g_assert_true(machine_run_init(ms, &err));
    g_assert_no_error(err);
    for (size_t i = 0; i < G_N_ELEMENTS(devices); i++) {
        add_device(ms, devices[i]);
    }
    qemu_system_reset(ms);
    return ms;
}

static void free_copy(void)
{
    g_free(ram_copy);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    module_call_init();
    ram_copy = g_malloc(RAM_SIZE);
    atexit(free_copy);
    trace = g_getenv("FUZZ_TRACE") != NULL;
    return 0;
}

/* A wait with a timeout it accepts waits 0 ms instead. */
static char *defuse_waits(const char *line)
{
    g_auto(GStrv) words = g_strsplit(line, " ", -1);
    uint64_t ms;

    if (g_strv_length(words) == 2 &&
        (g_str_equal(words[0], "s390x_io_wait") ||
         g_str_equal(words[0], "s390x_crw_wait")) &&
        qtest_parse_u64(words[1], "timeout", &ms, NULL) &&
        ms <= MAX_WAIT_MS) {
        return g_strconcat(words[0], " 0", NULL);
    }
    return g_strdup(line);
}

static void check_reply(const char *reply)
{
    g_assert_nonnull(reply);
    g_assert_null(strchr(reply, '\n'));
    g_assert_true(g_str_equal(reply, "OK") ||
                  g_str_has_prefix(reply, "OK ") ||
                  g_str_has_prefix(reply, "FAIL "));
}

/* After "writeX ADDR VALUE" said OK, "readX ADDR" must give VALUE back. */
static void check_write_readback(const char *line)
{
    g_auto(GStrv) w = g_strsplit(line, " ", -1);
    g_autofree char *req = NULL;
    g_autofree char *reply = NULL;
    uint64_t want, got;

    g_assert_cmpuint(g_strv_length(w), ==, 3);
    g_assert_true(qtest_parse_u64(w[2], "value", &want, NULL));
    req = g_strdup_printf("read%s %s", w[0] + strlen("write"), w[1]);
    reply = qtest_process_request(req);
    g_assert_true(g_str_has_prefix(reply, "OK "));
    g_assert_true(qtest_parse_u64(reply + 3, "value", &got, NULL));
    g_assert_cmphex(got, ==, want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(MachineState) ms = new_machine();
    const char *p = data ? (const char *)data : "", *end = p + size;

    for (unsigned n = 0; n < MAX_LINES && p < end; n++) {
        const char *nl = memchr(p, '\n', end - p);
        size_t len = (nl ? nl : end) - p;
        g_autofree char *raw = g_strndup(p, len);
        g_autofree char *line = NULL;
        g_autofree char *reply = NULL;
        size_t l = strlen(raw);

        p += len + (nl ? 1 : 0);
        if (l && raw[l - 1] == '\r') {
            raw[l - 1] = '\0';
        }
        line = defuse_waits(raw);
        g_assert_true(guest_ram_read(ms->ram, 0, ram_copy, RAM_SIZE));
        reply = qtest_process_request(line);
        if (trace) {
            g_printerr("> %s\n< %s\n", line, reply);
        }
        check_reply(reply);
        if (g_str_has_prefix(reply, "FAIL")) {
            g_assert_true(memcmp(guest_ram_map(ms->ram, 0, RAM_SIZE),
                                 ram_copy, RAM_SIZE) == 0);
        } else if (g_str_has_prefix(line, "write") &&
                   line[5] && strchr("bwlq", line[5]) && line[6] == ' ') {
            check_write_readback(line);
        }
    }
    return 0;
}
