/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-ccw-interp.c: the channel-program rules of hw/s390x/ccw-interp.c.
 *
 * Each case lays a channel program into a small test storage as
 * big-endian bytes written out by hand from the CCW, IDAW and ORB layouts
 * of the Principles of Operation (ch. 15), runs it against a scripted
 * echo device and compares the ending SCSW words with values worked out
 * by hand from the rules in ch. 15 and 16.  The storage callbacks also
 * check the interpreter's promise to them: every access is 1..4096 bytes
 * inside one 4 KiB frame.
 *
 * Storage layout used by the cases: CCWs from 0x1000, data from 0x2000
 * (pre-filled with 0xee so untouched bytes show), IDALs at 0x3000.
 */
#include "qemu/osdep.h"

#include "hw/s390x/ccw-interp.h"
#include "test-ccw-interp.h"

/* ------------------------------------------------------------------------
 * Test storage: 64 KiB at 0 with a storage key per 4 KiB frame, plus two
 * 8 KiB windows across the 16 MiB and 2 GiB lines, so that the 24- and
 * 31-bit limits can be told apart from plain addressing errors.
 * ------------------------------------------------------------------------ */

typedef struct Region {
    uint64_t base;
    uint32_t size;
    uint8_t *bytes;
} Region;

typedef struct TestMem {
    Region region[3];
    uint8_t skey[LOW_SIZE / FRAME];
    unsigned reads;
    unsigned writes;
} TestMem;

/* The bytes at [@addr, @addr + @len), or NULL if not all in storage. */
static uint8_t *mem_find(TestMem *m, uint64_t addr, uint64_t len)
{
    for (size_t i = 0; i < G_N_ELEMENTS(m->region); i++) {
        Region *r = &m->region[i];

        if (addr >= r->base && addr - r->base <= r->size &&
            len <= r->size - (addr - r->base)) {
            return r->bytes + (addr - r->base);
        }
    }
    return NULL;
}

static uint8_t *mem_at(TestMem *m, uint64_t addr, uint64_t len)
{
    uint8_t *p = mem_find(m, addr, len);

    g_assert_nonnull(p);
    return p;
}

/*
 * Key-controlled protection (PoP ch. 3, "Key-Controlled Protection"):
 * access key 0 matches every storage key; otherwise a store needs equal
 * keys, and so does a fetch from a fetch-protected frame.
 */
static CcwMemAccess mem_access(TestMem *m, uint64_t addr, uint32_t len,
                               uint8_t key, bool store, uint8_t **p)
{
    uint8_t skey = 0;

    g_assert_cmpuint(len, >=, 1);
    g_assert_cmpuint(len, <=, FRAME);
    g_assert_cmphex(addr / FRAME, ==, (addr + len - 1) / FRAME);
    g_assert_cmpuint(key, <=, 15);

    *p = mem_find(m, addr, len);
    if (!*p) {
        return CCW_MEM_ADDRESSING;
    }
    if (addr < LOW_SIZE) {
        skey = m->skey[addr / FRAME];
    }
    if (key != 0 && key != (skey >> 4) && (store || (skey & SKEY_F))) {
        return CCW_MEM_PROTECTION;
    }
    return CCW_MEM_OK;
}

static CcwMemAccess mem_read(void *opaque, uint64_t addr, void *buf,
                             uint32_t len, uint8_t key)
{
    TestMem *m = opaque;
    uint8_t *p;
    CcwMemAccess acc = mem_access(m, addr, len, key, false, &p);

    if (acc == CCW_MEM_OK) {
        memcpy(buf, p, len);
        m->reads++;
    }
    return acc;
}

static CcwMemAccess mem_write(void *opaque, uint64_t addr, const void *buf,
                              uint32_t len, uint8_t key)
{
    TestMem *m = opaque;
    uint8_t *p;
    CcwMemAccess acc = mem_access(m, addr, len, key, true, &p);

    if (acc == CCW_MEM_OK) {
        memcpy(p, buf, len);
        m->writes++;
    }
    return acc;
}

static const CcwMemOps test_mem_ops = {
    .read = mem_read,
    .write = mem_write,
};

/* ------------------------------------------------------------------------
 * The scripted echo device.  Per command, in program order, a step says
 * what to do; without a step the device ends with CE+DE.  Output commands
 * fetch (all they can get, or @want bytes) and append it to the echo
 * buffer; input commands store the step's bytes, or the echo buffer.
 * NOOP (0x03) is an immediate operation.
 * ------------------------------------------------------------------------ */

#define MAX_CALLS 8

typedef struct Call {
    uint8_t cmd;
    bool chained;
    uint64_t total_count;
    uint32_t ccw_addr;
    uint64_t moved;
    bool failed;
} Call;

typedef struct EchoDev {
    const Step *steps;
    size_t nsteps;
    unsigned ncalls;
    Call calls[MAX_CALLS];
    GByteArray *fetched;    /* everything output commands got */
    GByteArray *peeked;     /* everything peeking commands saw */
    GByteArray *echo;
} EchoDev;

/*
 * Look at all the stream has, twice (a peek changes nothing, so the
 * second look sees the same), and keep it in d->peeked.
 */
static void echo_peek(EchoDev *d, CcwDataStream *ds)
{
    uint8_t look[256], again[256];
    size_t n = ccw_stream_peek(ds, look, sizeof(look));

    g_assert_cmpuint(ccw_stream_moved(ds), ==, 0);
    g_assert_false(ccw_stream_failed(ds));
    g_assert_cmpuint(ccw_stream_peek(ds, again, sizeof(again)), ==, n);
    g_assert_cmpmem(again, n, look, n);
    g_byte_array_append(d->peeked, look, n);
}

static void echo_execute(void *opaque, const CcwDevCommand *cmd,
                         CcwDataStream *ds, CcwDevResult *res)
{
    static const Step none;
    EchoDev *d = opaque;
    const Step *st = d->ncalls < d->nsteps ? &d->steps[d->ncalls] : &none;
    CcwCmdClass cls = ccw_cmd_class(cmd->cmd);
    Call *c = d->ncalls < MAX_CALLS ? &d->calls[d->ncalls] : NULL;

    d->ncalls++;
    if (cmd->cmd == CCW_CMD_NOOP) {
        res->immediate = true;
    } else if (cls == CCW_CMD_CLASS_READ || cls == CCW_CMD_CLASS_SENSE ||
               cls == CCW_CMD_CLASS_READ_BACKWARD) {
        g_autofree uint8_t *fill = NULL;
        const void *data = d->echo->data;
        size_t len = d->echo->len;

        if (st->fill) {
            fill = g_malloc(st->fill);
            memset(fill, 'x', st->fill);
            data = fill;
            len = st->fill;
        } else if (st->data) {
            data = st->data;
            len = st->len;
        }
        ccw_stream_store(ds, data, len);
        res->data_len = len;
    } else {
        uint8_t buf[64];

        if (st->peek) {
            echo_peek(d, ds);
        }
        for (;;) {
            size_t ask = sizeof(buf);
            size_t got;

            if (st->want) {
                size_t have = ccw_stream_moved(ds);

                if (have >= st->want) {
                    break;
                }
                ask = MIN(ask, st->want - have);
            }
            got = ccw_stream_fetch(ds, buf, ask);
            g_byte_array_append(d->fetched, buf, got);
            g_byte_array_append(d->echo, buf, got);
            if (got < ask) {
                break;
            }
        }
        res->data_len = st->want;
    }
    if (st->dstat) {
        res->dstat = st->dstat;
    }
    if (c) {
        *c = (Call) {
            .cmd = cmd->cmd,
            .chained = cmd->chained,
            .total_count = cmd->total_count,
            .ccw_addr = cmd->ccw_addr,
            .moved = ccw_stream_moved(ds),
            .failed = ccw_stream_failed(ds),
        };
    }
}

static const CcwDevOps echo_dev_ops = {
    .execute = echo_execute,
};

/* ------------------------------------------------------------------------
 * Fixture
 * ------------------------------------------------------------------------ */

typedef struct Fixture {
    TestMem mem;
    EchoDev dev;
    CcwInterpEnv env;
    CcwInterpParams p;
    CcwInterpResult res;
} Fixture;

static void fixture_setup(Fixture *f, gconstpointer data)
{
    static const uint64_t base[] = { 0, EDGE16M, EDGE2G };
    static const uint32_t size[] = { LOW_SIZE, EDGE_SIZE, EDGE_SIZE };

    for (size_t i = 0; i < G_N_ELEMENTS(f->mem.region); i++) {
        f->mem.region[i] = (Region) {
            .base = base[i],
            .size = size[i],
            .bytes = g_malloc0(size[i]),
        };
        if (i > 0) {
            memset(f->mem.region[i].bytes, FILL, size[i]);
        }
    }
    memset(f->mem.region[0].bytes + DATA, FILL, LOW_SIZE - DATA);

    f->dev.fetched = g_byte_array_new();
    f->dev.peeked = g_byte_array_new();
    f->dev.echo = g_byte_array_new();
    f->env = (CcwInterpEnv) {
        .mem = &test_mem_ops,
        .mem_opaque = &f->mem,
        .dev = &echo_dev_ops,
        .dev_opaque = &f->dev,
    };
    f->p = (CcwInterpParams) { .cpa = PROG, .fmt1 = true };
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    for (size_t i = 0; i < G_N_ELEMENTS(f->mem.region); i++) {
        g_free(f->mem.region[i].bytes);
    }
    g_byte_array_unref(f->dev.fetched);
    g_byte_array_unref(f->dev.peeked);
    g_byte_array_unref(f->dev.echo);
}

/*
 * Lay CCWs out byte by byte.  Format 1: command, flags, count (2 bytes),
 * data address (4 bytes).  Format 0: command, data address (3 bytes),
 * flags, one ignored byte, count (2 bytes).
 */
static void put_ccw1(Fixture *f, uint32_t at, uint8_t cmd, uint8_t flags,
                     uint16_t count, uint32_t cda)
{
    uint8_t *b = mem_at(&f->mem, at, 8);

    b[0] = cmd;
    b[1] = flags;
    b[2] = count >> 8;
    b[3] = count & 0xff;
    b[4] = cda >> 24;
    b[5] = (cda >> 16) & 0xff;
    b[6] = (cda >> 8) & 0xff;
    b[7] = cda & 0xff;
}

static void put_ccw0(Fixture *f, uint32_t at, uint8_t cmd, uint8_t flags,
                     uint16_t count, uint32_t cda)
{
    uint8_t *b = mem_at(&f->mem, at, 8);

    g_assert_cmphex(cda, <=, 0xffffff);
    b[0] = cmd;
    b[1] = (cda >> 16) & 0xff;
    b[2] = (cda >> 8) & 0xff;
    b[3] = cda & 0xff;
    b[4] = flags;
    b[5] = 0;
    b[6] = count >> 8;
    b[7] = count & 0xff;
}

/* Format-1 IDAW: 4 bytes; format-2 IDAW: 8 bytes; both big-endian. */
static void put_idaw(Fixture *f, uint32_t at, uint64_t val, bool fmt2)
{
    unsigned n = fmt2 ? 8 : 4;
    uint8_t *b = mem_at(&f->mem, at, n);

    for (unsigned i = 0; i < n; i++) {
        b[i] = (val >> (8 * (n - 1 - i))) & 0xff;
    }
}

static void put_bytes(Fixture *f, uint64_t at, const char *s, size_t len)
{
    memcpy(mem_at(&f->mem, at, len), s, len);
}

/* ------------------------------------------------------------------------
 * Running a table case
 * ------------------------------------------------------------------------ */

static void case_prepare(Fixture *f, const Case *c)
{
    f->p = (CcwInterpParams) {
        .cpa = c->cpa ? c->cpa : PROG,
        .key = c->key,
        .fmt1 = !c->fmt0,
        .idaw_fmt2 = c->idaw_fmt2,
        .idaw_2k = c->idaw_2k,
        .suspend_ctl = c->suspend_ctl,
        .il_suppress = c->il_suppress,
        .ccw_limit = c->limit,
    };
    for (const CcwSpec *s = c->ccw; s < c->ccw + G_N_ELEMENTS(c->ccw) &&
         s->at; s++) {
        if (c->fmt0) {
            put_ccw0(f, s->at, s->cmd, s->flags, s->count, s->cda);
        } else {
            put_ccw1(f, s->at, s->cmd, s->flags, s->count, s->cda);
        }
    }
    for (const IdawSpec *s = c->idaw; s < c->idaw + G_N_ELEMENTS(c->idaw) &&
         s->at; s++) {
        put_idaw(f, s->at, s->val, c->idaw_fmt2);
    }
    for (const BytesSpec *s = c->data; s < c->data + G_N_ELEMENTS(c->data) &&
         s->bytes; s++) {
        put_bytes(f, s->at, s->bytes, s->len);
    }
    for (const KeySpec *s = c->keys; s < c->keys + G_N_ELEMENTS(c->keys) &&
         (s->frame || s->skey); s++) {
        f->mem.skey[s->frame / FRAME] = s->skey;
    }
    f->dev.steps = c->step;
    f->dev.nsteps = G_N_ELEMENTS(c->step);
    f->mem.reads = 0;
    f->mem.writes = 0;
}

static void expect_result(const CcwInterpResult *res, const Expect *want)
{
    g_assert_cmphex(res->cpa, ==, want->cpa);
    g_assert_cmphex(res->dstat, ==, want->dstat);
    g_assert_cmphex(res->cstat, ==, want->cstat);
    g_assert_cmpuint(res->count, ==, want->count);
    g_assert_cmpint(res->suspended, ==, want->suspended);
    if (want->suspended) {
        g_assert_cmphex(res->suspend_addr, ==, want->suspend_addr);
    }
    g_assert_cmpint(res->pci, ==, want->pci);
    g_assert_cmpuint(res->commands, ==, want->commands);
    if (want->ccws) {
        g_assert_cmpuint(res->ccws, ==, want->ccws);
    }
}

static void test_case(Fixture *f, gconstpointer data)
{
    const Case *c = data;

    case_prepare(f, c);
    ccw_interp_start(&f->env, &f->p, &f->res);

    expect_result(&f->res, &c->want);
    g_assert_cmpuint(f->dev.ncalls, ==, c->want.commands);
    for (const BytesSpec *s = c->mem; s < c->mem + G_N_ELEMENTS(c->mem) &&
         s->bytes; s++) {
        g_assert_cmpmem(mem_at(&f->mem, s->at, s->len), s->len,
                        s->bytes, s->len);
    }
    if (c->fetched) {
        g_assert_cmpmem(f->dev.fetched->data, f->dev.fetched->len,
                        c->fetched, c->fetched_len);
    }
    if (c->peeked) {
        g_assert_cmpmem(f->dev.peeked->data, f->dev.peeked->len,
                        c->peeked, c->peeked_len);
    }
    if (c->check_calls) {
        for (unsigned i = 0; i < c->want.commands; i++) {
            g_assert_cmphex(f->dev.calls[i].cmd, ==, c->calls[i].cmd);
            g_assert_cmpint(f->dev.calls[i].chained, ==, c->calls[i].chained);
            g_assert_cmpuint(f->dev.calls[i].total_count, ==,
                             c->calls[i].total_count);
        }
    }
    if (c->no_writes) {
        g_assert_cmpuint(f->mem.writes, ==, 0);
    }
    if (c->no_reads) {
        g_assert_cmpuint(f->mem.reads, ==, 0);
    }
}

/* ------------------------------------------------------------------------
 * Cases that need more than one run or a look inside the device
 * ------------------------------------------------------------------------ */

/* RSCH: the suspended CCW is fetched again, so a cleared S flag counts. */
static void test_resume_refetches_suspended_ccw(Fixture *f, gconstpointer d)
{
    static const Step steps[] = { { 0 }, { .data = B("ABCD") } };

    f->p.suspend_ctl = true;
    put_ccw1(f, PROG, 0x03, CC, 0, 0);
    put_ccw1(f, PROG + 8, 0x02, SUSP | CC, 4, DATA);
    put_ccw1(f, PROG + 16, 0x03, 0, 0, 0);
    f->dev.steps = steps;
    f->dev.nsteps = G_N_ELEMENTS(steps);

    ccw_interp_start(&f->env, &f->p, &f->res);
    g_assert_true(f->res.suspended);
    g_assert_cmphex(f->res.suspend_addr, ==, PROG + 8);
    g_assert_cmphex(f->res.cpa, ==, PROG + 16);

    /* The program turns the S flag off (byte 1 of the CCW), then RSCH. */
    mem_at(&f->mem, PROG + 9, 1)[0] = CC;
    ccw_interp_resume(&f->env, &f->p, f->res.suspend_addr, &f->res);

    g_assert_false(f->res.suspended);
    g_assert_cmphex(f->res.cpa, ==, PROG + 24);
    g_assert_cmphex(f->res.dstat, ==, CEDE);
    g_assert_cmphex(f->res.cstat, ==, 0);
    g_assert_cmpuint(f->res.commands, ==, 2);
    g_assert_cmpuint(f->dev.ncalls, ==, 3);
    /* After the suspension the device starts a new chain. */
    g_assert_cmphex(f->dev.calls[1].cmd, ==, 0x02);
    g_assert_false(f->dev.calls[1].chained);
    g_assert_cmphex(f->dev.calls[2].cmd, ==, 0x03);
    g_assert_true(f->dev.calls[2].chained);
    g_assert_cmpmem(mem_at(&f->mem, DATA, 4), 4, "ABCD", 4);
}

/* The channel never executes a CCW with the S flag, however often resumed. */
static void test_resume_with_s_still_set_suspends_again(Fixture *f,
                                                        gconstpointer d)
{
    f->p.suspend_ctl = true;
    put_ccw1(f, PROG, 0x02, SUSP, 4, DATA);

    ccw_interp_start(&f->env, &f->p, &f->res);
    g_assert_true(f->res.suspended);
    ccw_interp_resume(&f->env, &f->p, f->res.suspend_addr, &f->res);

    g_assert_true(f->res.suspended);
    g_assert_cmphex(f->res.suspend_addr, ==, PROG);
    g_assert_cmphex(f->res.cpa, ==, PROG + 8);
    g_assert_cmpuint(f->res.commands, ==, 0);
    g_assert_cmpuint(f->dev.ncalls, ==, 0);
}

/*
 * The direction of a transfer is the command's: a device cannot fetch
 * through a read command's stream nor store through a write command's.
 */
typedef struct WrongWay {
    size_t got;
} WrongWay;

static void wrong_way_execute(void *opaque, const CcwDevCommand *cmd,
                              CcwDataStream *ds, CcwDevResult *res)
{
    WrongWay *w = opaque;
    uint8_t buf[4] = { 'A', 'B', 'C', 'D' };

    if (ccw_cmd_class(cmd->cmd) == CCW_CMD_CLASS_READ) {
        w->got = ccw_stream_fetch(ds, buf, sizeof(buf));
    } else {
        w->got = ccw_stream_store(ds, buf, sizeof(buf));
    }
    res->data_len = 4;
}

static void test_stream_direction_is_the_commands(Fixture *f,
                                                  gconstpointer d)
{
    static const CcwDevOps ops = { .execute = wrong_way_execute };
    WrongWay w = { .got = 99 };

    f->env.dev = &ops;
    f->env.dev_opaque = &w;
    put_ccw1(f, PROG, 0x02, SLI, 4, DATA);
    ccw_interp_start(&f->env, &f->p, &f->res);
    g_assert_cmpuint(w.got, ==, 0);
    g_assert_cmpmem(mem_at(&f->mem, DATA, 4), 4, "\xee\xee\xee\xee", 4);

    w.got = 99;
    put_ccw1(f, PROG, 0x01, SLI, 4, DATA);
    ccw_interp_start(&f->env, &f->p, &f->res);
    g_assert_cmpuint(w.got, ==, 0);
    g_assert_cmpuint(f->mem.writes, ==, 0);
}

/* A transfer across several frames reaches storage frame by frame. */
static void test_large_transfer_is_split_by_frame(Fixture *f,
                                                  gconstpointer d)
{
    g_autofree char *big = g_malloc(3 * FRAME);
    Step steps[1] = { { .data = big, .len = 3 * FRAME } };

    for (unsigned i = 0; i < 3 * FRAME; i++) {
        big[i] = 'a' + i % 26;
    }
    f->dev.steps = steps;
    f->dev.nsteps = 1;
    put_ccw1(f, PROG, 0x02, 0, 3 * FRAME, 0x4800);

    ccw_interp_start(&f->env, &f->p, &f->res);
    g_assert_cmphex(f->res.cstat, ==, 0);
    g_assert_cmpuint(f->res.count, ==, 0);
    /* [0x4800, 0x7800): 0x800 + 0x1000 + 0x1000 + 0x800 bytes */
    g_assert_cmpuint(f->mem.writes, ==, 4);
    g_assert_cmpmem(mem_at(&f->mem, 0x4800, 3 * FRAME), 3 * FRAME,
                    big, 3 * FRAME);
}

/* ORB word 1 and 2 map onto the start parameters (PoP ch. 15, ORB). */
static void test_params_from_orb(Fixture *f, gconstpointer d)
{
    ORB orb = {
        .ctrl0 = 0x9000 | 0x0800 | 0x0080 | 0x0040 | 0x0002 | 0x0001,
        .ctrl1 = 0x80,
        .cpa = 0x12345678,
    };
    CcwInterpParams p;

    ccw_interp_params_from_orb(&orb, &p);
    g_assert_cmphex(p.cpa, ==, 0x12345678);
    g_assert_cmpuint(p.key, ==, 9);
    g_assert_true(p.suspend_ctl);
    g_assert_true(p.fmt1);
    g_assert_true(p.prefetch);
    g_assert_true(p.idaw_fmt2);
    g_assert_true(p.idaw_2k);
    g_assert_true(p.il_suppress);
    g_assert_cmpuint(p.ccw_limit, ==, 0);

    /* Streaming, modification, sync, ISIC, ALCC, SSIC bits are not ours. */
    orb = (ORB) { .ctrl0 = 0x0400 | 0x0200 | 0x0100 | 0x0020 | 0x0010 |
                           0x0008, .ctrl1 = 0x01 };
    ccw_interp_params_from_orb(&orb, &p);
    g_assert_cmpuint(p.key, ==, 0);
    g_assert_false(p.suspend_ctl);
    g_assert_false(p.fmt1);
    g_assert_false(p.prefetch);
    g_assert_false(p.idaw_fmt2);
    g_assert_false(p.idaw_2k);
    g_assert_false(p.il_suppress);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    for (size_t i = 0; i < ccw_interp_program_ncases; i++) {
        g_test_add(ccw_interp_program_cases[i].path, Fixture,
                   &ccw_interp_program_cases[i], fixture_setup, test_case,
                   fixture_teardown);
    }
    for (size_t i = 0; i < ccw_interp_data_ncases; i++) {
        g_test_add(ccw_interp_data_cases[i].path, Fixture,
                   &ccw_interp_data_cases[i], fixture_setup, test_case,
                   fixture_teardown);
    }
    g_test_add("/ccw-interp/suspend/resume-refetches-suspended-ccw",
               Fixture, NULL, fixture_setup,
               test_resume_refetches_suspended_ccw, fixture_teardown);
    g_test_add("/ccw-interp/suspend/resume-with-s-still-set-suspends-again",
               Fixture, NULL, fixture_setup,
               test_resume_with_s_still_set_suspends_again, fixture_teardown);
    g_test_add("/ccw-interp/stream/direction-is-the-commands", Fixture, NULL,
               fixture_setup, test_stream_direction_is_the_commands,
               fixture_teardown);
    g_test_add("/ccw-interp/stream/large-transfer-is-split-by-frame",
               Fixture, NULL, fixture_setup,
               test_large_transfer_is_split_by_frame, fixture_teardown);
    g_test_add("/ccw-interp/orb/params-from-orb", Fixture, NULL,
               fixture_setup, test_params_from_orb, fixture_teardown);
    return g_test_run();
}
