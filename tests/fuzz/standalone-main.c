/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * standalone-main.c: a main() for a fuzz target when libFuzzer is not
 * there (gcc builds, `make check`).
 *
 *   fuzz-NAME [--runs N] [--seed S] [--max-len N] [--dict FILE]
 *             [--artifact-dir DIR] [--dump I=FILE] PATH...
 *
 * Every PATH is a file or a directory of files (a seed corpus); they are
 * run in name order.  Then N inputs are made by mutating corpus entries
 * with a pseudo-random generator seeded with S: bit flips, boundary
 * values, inserted and deleted ranges, copies within the input, splices
 * of two entries and dictionary tokens (libFuzzer's -dict format).  The
 * same arguments give the same inputs on every machine, so a failure in CI
 * is reproduced with the same command line; --dump I=FILE writes mutated
 * input number I to FILE instead of running anything.
 *
 * A crash (assertion, signal, or a sanitizer report) says which input was
 * running, prints it in hex when short, and with --artifact-dir leaves it
 * in DIR/crash-NAME-<what>, ready for tests/fuzz/crashes/.
 */
#include "qemu/osdep.h"
#include <signal.h>

#include "fuzz.h"

#define DEFAULT_MAX_LEN 4096
#define MAX_DICT_TOKEN 128

typedef struct Blob {
    uint8_t *data;
    size_t len;
    char *name;
} Blob;

typedef struct Driver {
    GPtrArray *corpus;          /* Blob */
    GPtrArray *dict;            /* GBytes */
    GRand *rand;
    size_t max_len;
} Driver;

/*
 * What is running now, for the crash reporter.  Signal handlers and the
 * sanitizers' death callback have no other way in.
 */
static struct {
    const char *prog;
    const uint8_t *data;
    size_t len;
    char what[64];
    char artifact[PATH_MAX];
} crash_ctx;

static void blob_free(gpointer p)
{
    Blob *b = p;

    g_free(b->data);
    g_free(b->name);
    g_free(b);
}

/* ---- crash reporting (async-signal-safe: write(2) only) ----------------- */

static void say(const char *s)
{
    size_t len = strlen(s);

    while (len) {
        ssize_t n = write(STDERR_FILENO, s, len);

        if (n <= 0) {
            return;
        }
        s += n;
        len -= (size_t)n;
    }
}

static void say_hex(const uint8_t *p, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    char line[2 * 32 + 2];

    for (size_t i = 0; i < len; i += 32) {
        size_t n = len - i < 32 ? len - i : 32, k = 0;

        for (size_t j = 0; j < n; j++) {
            line[k++] = digits[p[i + j] >> 4];
            line[k++] = digits[p[i + j] & 0xf];
        }
        line[k++] = '\n';
        line[k] = '\0';
        say(line);
    }
}

static void report_crash(void)
{
    static volatile sig_atomic_t reported;

    if (reported || !crash_ctx.data) {
        return;
    }
    reported = 1;
    say(crash_ctx.prog);
    say(": CRASH while running ");
    say(crash_ctx.what);
    say("\n");
    if (crash_ctx.len <= 512) {
        say("input (hex):\n");
        say_hex(crash_ctx.data, crash_ctx.len);
    }
    if (crash_ctx.artifact[0]) {
        int fd = open(crash_ctx.artifact, O_WRONLY | O_CREAT | O_TRUNC, 0644);

        if (fd >= 0) {
            size_t off = 0;

            while (off < crash_ctx.len) {
                ssize_t n = write(fd, crash_ctx.data + off,
                                  crash_ctx.len - off);

                if (n <= 0) {
                    break;
                }
                off += (size_t)n;
            }
            close(fd);
            say("input written to ");
            say(crash_ctx.artifact);
            say("\n");
        }
    }
}

static void crash_signal(int sig)
{
    report_crash();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Provided by the sanitizer runtimes; absent (NULL) in plain builds. */
void __sanitizer_set_death_callback(void (*cb)(void)) __attribute__((weak));

static void install_crash_reporter(const char *prog)
{
    static const int sigs[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };

    crash_ctx.prog = prog;
    for (size_t i = 0; i < G_N_ELEMENTS(sigs); i++) {
        signal(sigs[i], crash_signal);
    }
    if (__sanitizer_set_death_callback) {
        __sanitizer_set_death_callback(report_crash);
    }
}

/* ---- corpus and dictionary ---------------------------------------------- */

static bool add_file(Driver *d, const char *path, GError **errp)
{
    Blob *b = g_new0(Blob, 1);
    gchar *contents = NULL;
    gsize len = 0;

    if (!g_file_get_contents(path, &contents, &len, errp)) {
        g_free(b);
        return false;
    }
    b->data = (uint8_t *)contents;
    b->len = len;
    b->name = g_path_get_basename(path);
    g_ptr_array_add(d->corpus, b);
    return true;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool add_path(Driver *d, const char *path, GError **errp)
{
    g_autoptr(GPtrArray) names = NULL;
    GDir *dir;
    const char *name;

    if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
        return add_file(d, path, errp);
    }
    dir = g_dir_open(path, 0, errp);
    if (!dir) {
        return false;
    }
    names = g_ptr_array_new_with_free_func(g_free);
    while ((name = g_dir_read_name(dir))) {
        g_autofree char *full = g_build_filename(path, name, NULL);

        if (name[0] != '.' && g_file_test(full, G_FILE_TEST_IS_REGULAR)) {
            g_ptr_array_add(names, g_steal_pointer(&full));
        }
    }
    g_dir_close(dir);
    /* Directory order differs between file systems; names do not. */
    g_ptr_array_sort(names, compare_names);
    for (guint i = 0; i < names->len; i++) {
        if (!add_file(d, names->pdata[i], errp)) {
            return false;
        }
    }
    return true;
}

/*
 * One token of a libFuzzer dictionary line: [name=]"text", where text may
 * use \\, \" and \xNN.  Other lines (comments, blanks) give NULL.
 */
static GBytes *parse_dict_line(const char *line)
{
    const char *p = strchr(line, '"');
    const char *hash = strchr(line, '#');
    uint8_t tok[MAX_DICT_TOKEN];
    size_t n = 0;

    if (!p || (hash && hash < p)) {
        return NULL;
    }
    for (p++; *p && *p != '"' && n < sizeof(tok); p++) {
        if (*p == '\\' && p[1] == 'x' && g_ascii_isxdigit(p[2]) &&
            g_ascii_isxdigit(p[3])) {
            tok[n++] = (uint8_t)(g_ascii_xdigit_value(p[2]) << 4 |
                                 g_ascii_xdigit_value(p[3]));
            p += 3;
        } else if (*p == '\\' && p[1]) {
            tok[n++] = (uint8_t)*++p;
        } else {
            tok[n++] = (uint8_t)*p;
        }
    }
    return n ? g_bytes_new(tok, n) : NULL;
}

static bool load_dict(Driver *d, const char *path, GError **errp)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;

    if (!g_file_get_contents(path, &text, NULL, errp)) {
        return false;
    }
    lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        GBytes *tok = parse_dict_line(lines[i]);

        if (tok) {
            g_ptr_array_add(d->dict, tok);
        }
    }
    return true;
}

/* ---- mutations ---------------------------------------------------------- */

/*
 * A random number below @n (0 for 0).  Never call it inside MIN(), which
 * evaluates its arguments twice.
 */
static size_t pick(Driver *d, size_t n)
{
    return n ? (size_t)g_rand_int_range(d->rand, 0, (gint32)MIN(n, G_MAXINT32))
             : 0;
}

/* Open a gap of @n bytes at @at (the caller checked the room). */
static void make_room(uint8_t *buf, size_t len, size_t at, size_t n)
{
    memmove(buf + at + n, buf + at, len - at);
}

/* Mutate @buf (@len bytes, room for d->max_len) once. Returns: new length. */
static size_t mutate_once(Driver *d, uint8_t *buf, size_t len)
{
    static const uint8_t interesting8[] = { 0x00, 0x01, 0x02, 0x07, 0x08,
                                            0x0f, 0x10, 0x3f, 0x40, 0x7f,
                                            0x80, 0xfe, 0xff };
    static const uint32_t interesting32[] = { 0, 1, 8, 0xff, 0x100, 0x1000,
                                              0x7fff, 0x8000, 0xffff,
                                              0x10000, 0x7fffffff,
                                              0x80000000, 0xfffffff8,
                                              0xffffffff };
    size_t room = d->max_len - len;

    switch (g_rand_int_range(d->rand, 0, 9)) {
    case 0:                                     /* flip a bit */
        if (len) {
            buf[pick(d, len)] ^= (uint8_t)(1u << pick(d, 8));
        }
        break;
    case 1:                                     /* any byte */
        if (len) {
            buf[pick(d, len)] = (uint8_t)pick(d, 256);
        }
        break;
    case 2:                                     /* a boundary byte */
        if (len) {
            buf[pick(d, len)] = interesting8[pick(d, sizeof(interesting8))];
        }
        break;
    case 3: {                                   /* a boundary word, BE */
        uint32_t v = interesting32[pick(d, G_N_ELEMENTS(interesting32))];
        size_t w = g_rand_boolean(d->rand) ? 4 : 2;

        if (len >= w) {
            size_t at = pick(d, len - w + 1);

            for (size_t i = 0; i < w; i++) {
                buf[at + i] = (uint8_t)(v >> (8 * (w - 1 - i)));
            }
        }
        break;
    }
    case 4: {                                   /* insert random bytes */
        size_t want = 1 + pick(d, 16);
        size_t n = MIN(want, room);
        size_t at = pick(d, len + 1);

        make_room(buf, len, at, n);
        for (size_t i = 0; i < n; i++) {
            buf[at + i] = (uint8_t)pick(d, 256);
        }
        return len + n;
    }
    case 5: {                                   /* delete a range */
        size_t want = 1 + pick(d, 32);
        size_t n = MIN(want, len);
        size_t at = pick(d, len - n + 1);

        memmove(buf + at, buf + at + n, len - at - n);
        return len - n;
    }
    case 6:                                     /* copy a range over another */
        if (len >= 2) {
            size_t n = 1 + pick(d, len / 2);
            size_t from = pick(d, len - n + 1), to = pick(d, len - n + 1);

            memmove(buf + to, buf + from, n);
        }
        break;
    case 7: {                                   /* splice another entry */
        const Blob *o = d->corpus->len ?
                        d->corpus->pdata[pick(d, d->corpus->len)] : NULL;
        size_t keep = pick(d, len + 1);
        size_t from = o ? pick(d, o->len + 1) : 0;
        size_t n = o ? MIN(o->len - from, d->max_len - keep) : 0;

        if (o) {
            memcpy(buf + keep, o->data + from, n);
            return keep + n;
        }
        break;
    }
    default: {                                  /* a dictionary token */
        GBytes *tok = d->dict->len ? d->dict->pdata[pick(d, d->dict->len)]
                                   : NULL;
        gsize n = 0;
        const uint8_t *t = tok ? g_bytes_get_data(tok, &n) : NULL;
        size_t at = pick(d, len + 1);

        if (!t || n > room) {
            break;
        }
        if (g_rand_boolean(d->rand)) {
            make_room(buf, len, at, n);
            memcpy(buf + at, t, n);
            return len + n;
        }
        n = MIN(n, len - at);
        memcpy(buf + at, t, n);
        break;
    }
    }
    return len;
}

/* Make the next generated input in @buf. Returns: its length. */
static size_t next_input(Driver *d, uint8_t *buf, char *what, size_t what_len,
                         unsigned iter)
{
    size_t len = 0;
    unsigned rounds = 1 + (unsigned)pick(d, 4);

    if (d->corpus->len) {
        const Blob *b = d->corpus->pdata[pick(d, d->corpus->len)];

        len = MIN(b->len, d->max_len);
        memcpy(buf, b->data, len);
        g_snprintf(what, what_len, "mutation %u of %s", iter, b->name);
    } else {
        g_snprintf(what, what_len, "mutation %u of the empty input", iter);
    }
    for (unsigned i = 0; i < rounds; i++) {
        len = mutate_once(d, buf, len);
    }
    return len;
}

static void run_one(const uint8_t *data, size_t len, const char *what)
{
    /*
     * A private copy of exactly @len bytes, so that ASan sees reads past
     * the end; never NULL, as libFuzzer never passes NULL either.
     */
    g_autofree uint8_t *copy = g_malloc(len ? len : 1);

    memcpy(copy, data, len);

    crash_ctx.data = copy;
    crash_ctx.len = len;
    g_strlcpy(crash_ctx.what, what, sizeof(crash_ctx.what));
    LLVMFuzzerTestOneInput(copy, len);
    crash_ctx.data = NULL;
}

static void set_artifact(const char *dir, const char *prog, const char *tag)
{
    g_autofree char *base = g_path_get_basename(prog);
    g_autofree char *path = NULL;

    if (!dir) {
        return;
    }
    path = g_strdup_printf("%s/crash-%s-%s", dir, base, tag);
    g_strlcpy(crash_ctx.artifact, path, sizeof(crash_ctx.artifact));
}

int main(int argc, char **argv)
{
    gint64 runs = 0, seed = 1, max_len = 0;
    char *dict = NULL, *artifact_dir = NULL, *dump = NULL;
    GOptionEntry entries[] = {
        { "runs", 0, 0, G_OPTION_ARG_INT64, &runs,
          "mutated inputs to run after the corpus", "N" },
        { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
          "seed of the mutations", "S" },
        { "max-len", 0, 0, G_OPTION_ARG_INT64, &max_len,
          "longest generated input (default: longest seed, at least 4096)",
          "N" },
        { "dict", 0, 0, G_OPTION_ARG_FILENAME, &dict,
          "tokens to insert (libFuzzer -dict format)", "FILE" },
        { "artifact-dir", 0, 0, G_OPTION_ARG_FILENAME, &artifact_dir,
          "write a crashing input there", "DIR" },
        { "dump", 0, 0, G_OPTION_ARG_STRING, &dump,
          "write mutated input I to FILE, run nothing", "I=FILE" },
        { NULL },
    };
    g_autoptr(GOptionContext) ctx = g_option_context_new("PATH...");
    g_autoptr(GError) err = NULL;
    g_autofree uint8_t *buf = NULL;
    Driver d = { 0 };
    unsigned dump_iter = 0;
    char *dump_file = NULL;
    int status = 0;

    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
        g_printerr("%s: %s\n", argv[0], err->message);
        return 2;
    }
    d.corpus = g_ptr_array_new_with_free_func(blob_free);
    d.dict = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    for (int i = 1; i < argc; i++) {
        if (!add_path(&d, argv[i], &err)) {
            g_printerr("%s: %s\n", argv[0], err->message);
            status = 2;
            goto out;
        }
    }
    if (dict && !load_dict(&d, dict, &err)) {
        g_printerr("%s: %s\n", argv[0], err->message);
        status = 2;
        goto out;
    }
    if (dump) {
        char *eq = strchr(dump, '=');
        g_autofree char *num = eq ? g_strndup(dump, eq - dump) : NULL;
        guint64 n = 0;

        if (!eq || !eq[1] ||
            !g_ascii_string_to_unsigned(num, 10, 0, G_MAXUINT, &n, NULL)) {
            g_printerr("%s: --dump wants I=FILE, e.g. --dump 17=in.bin\n",
                       argv[0]);
            status = 2;
            goto out;
        }
        dump_iter = (unsigned)n;
        dump_file = eq + 1;
    }
    d.max_len = DEFAULT_MAX_LEN;
    for (guint i = 0; i < d.corpus->len; i++) {
        d.max_len = MAX(d.max_len, ((Blob *)d.corpus->pdata[i])->len);
    }
    if (max_len > 0) {
        d.max_len = (size_t)max_len;
    }
    d.rand = g_rand_new_with_seed((guint32)seed);
    buf = g_malloc(d.max_len);

    install_crash_reporter(argv[0]);
    LLVMFuzzerInitialize(&argc, &argv);

    if (!dump) {
        for (guint i = 0; i < d.corpus->len; i++) {
            const Blob *b = d.corpus->pdata[i];
            g_autofree char *what = g_strdup_printf("corpus file %s",
                                                    b->name);

            set_artifact(artifact_dir, argv[0], b->name);
            run_one(b->data, b->len, what);
        }
    }
    for (gint64 i = 0; i < runs; i++) {
        char what[64];
        size_t len = next_input(&d, buf, what, sizeof(what), (unsigned)i);

        if (dump) {
            if ((unsigned)i == dump_iter) {
                if (!g_file_set_contents(dump_file, (const char *)buf,
                                         (gssize)len, &err)) {
                    g_printerr("%s: %s\n", argv[0], err->message);
                    status = 1;
                }
                goto out;
            }
            continue;
        }
        g_autofree char *tag = g_strdup_printf("seed%" G_GINT64_FORMAT
                                               "-run%" G_GINT64_FORMAT,
                                               seed, i);
        set_artifact(artifact_dir, argv[0], tag);
        run_one(buf, len, what);
    }
    if (dump) {
        g_printerr("%s: --dump %u: only %" G_GINT64_FORMAT " runs\n",
                   argv[0], dump_iter, runs);
        status = 2;
        goto out;
    }
    g_print("%s: %u corpus inputs and %" G_GINT64_FORMAT " mutated inputs "
            "(seed %" G_GINT64_FORMAT ", max-len %zu) ran without a finding\n",
            argv[0], d.corpus->len, runs, seed, d.max_len);

out:
    if (d.rand) {
        g_rand_free(d.rand);
    }
    g_ptr_array_unref(d.corpus);
    g_ptr_array_unref(d.dict);
    g_free(dict);
    g_free(artifact_dir);
    g_free(dump);
    return status;
}
