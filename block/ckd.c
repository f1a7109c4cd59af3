/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hercules CKD_P370 image files: open and check, read and write whole
 * tracks, create.  Format and sources: include/block/ckd.h and
 * facts-dasd-eckd.md section 3.
 *
 * Writes go straight to the file (pwrite, plus fdatasync with sync=on)
 * before they are reported done, so a device built on this may acknowledge
 * an I/O as soon as ckd_write_track() returns.  A few recently used tracks
 * are kept in memory to serve repeated reads; the cache is write-through
 * and never holds data the file does not.
 */
#include "qemu/osdep.h"
#include <sys/stat.h>
#include "block/ckd.h"

/* Tracks kept in memory: 8 x 56832 bytes, under half a megabyte. */
#define CKD_CACHE_TRACKS 8

/* Device header fields (little-endian numbers) */
#define CKD_HDR_EYE       0
#define CKD_HDR_HEADS     8
#define CKD_HDR_TRKSIZE   12
#define CKD_HDR_DEVTYPE   16
#define CKD_HDR_FILESEQ   17
#define CKD_HDR_HIGHCYL   18

typedef struct CkdFile {
    char *path;
    int fd;
    uint32_t first_trk;         /* volume track number of its first track */
    uint32_t ntrks;
} CkdFile;

typedef struct CkdCacheSlot {
    bool valid;
    uint32_t trk;
    uint64_t last_use;          /* for least-recently-used replacement */
    uint8_t *buf;
} CkdCacheSlot;

struct CkdImage {
    const CkdFileSyscalls *sys; /* track I/O and flushes go through these */
    CkdGeometry geo;
    bool readonly;
    bool sync;
    unsigned nfiles;
    CkdFile files[CKD_MAX_FILES];
    CkdCacheSlot cache[CKD_CACHE_TRACKS];
    uint64_t clock;
};

/* ---- small I/O helpers --------------------------------------------------- */

static ssize_t host_pread(int fd, void *buf, size_t len, off_t off)
{
    return pread(fd, buf, len, off);
}

static ssize_t host_pwrite(int fd, const void *buf, size_t len, off_t off)
{
    return pwrite(fd, buf, len, off);
}

const CkdFileSyscalls ckd_host_syscalls = {
    .pread = host_pread,
    .pwrite = host_pwrite,
    .fdatasync = fdatasync,
};

/* Returns bytes read (less than @len only at end of file), or -1. */
static ssize_t ckd_pread_full(const CkdFileSyscalls *sys, int fd, void *buf,
                              size_t len, off_t off)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = sys->pread(fd, (uint8_t *)buf + done, len - done,
                               off + done);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return -1;
        }
        if (n == 0) {
            break;
        }
        done += n;
    }
    return done;
}

static bool ckd_pwrite_full(const CkdFileSyscalls *sys, int fd,
                            const void *buf, size_t len, off_t off)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = sys->pwrite(fd, (const uint8_t *)buf + done, len - done,
                                off + done);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            if (n == 0) {
                errno = EIO;
            }
            return false;
        }
        done += n;
    }
    return true;
}

/* "43 4b 44 ..." for up to @len bytes, to show what a bad field held. */
static char *ckd_hex(const uint8_t *p, size_t len)
{
    GString *s = g_string_new(NULL);

    for (size_t i = 0; i < len; i++) {
        g_string_append_printf(s, i ? " %02x" : "%02x", p[i]);
    }
    return g_string_free(s, false);
}

/* ---- names of multi-file volumes ----------------------------------------- */

char *ckd_multifile_name(const char *path, unsigned seq)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    /* a leading dot (hidden file) is part of the name, not a suffix */
    const char *dot = base[0] ? strchr(base + 1, '.') : NULL;
    size_t stem = dot ? (size_t)(dot - path) : strlen(path);
    char c;

    g_return_val_if_fail(seq >= 1 && seq <= 35, NULL);
    c = seq <= 9 ? '0' + seq : 'A' + (seq - 10);

    if (stem - (base - path) >= 2 && path[stem - 2] == '_') {
        char *name = g_strdup(path);

        name[stem - 1] = c;
        return name;
    }
    return g_strdup_printf("%.*s_%c%s", (int)stem, path, c, path + stem);
}

/* ---- opening ------------------------------------------------------------- */

static CkdImage *ckd_image_new(bool readonly, bool sync)
{
    CkdImage *img = g_new0(CkdImage, 1);

    img->sys = &ckd_host_syscalls;
    img->readonly = readonly;
    img->sync = sync;
    for (unsigned i = 0; i < CKD_MAX_FILES; i++) {
        img->files[i].fd = -1;
    }
    return img;
}

static bool ckd_check_eyecatcher(const char *name, const uint8_t *hdr,
                                 GError **errp)
{
    g_autofree char *hex = NULL;

    if (memcmp(hdr, "CKD_P370", 8) == 0) {
        return true;
    }
    if (memcmp(hdr, "CKD_C370", 8) == 0 || memcmp(hdr, "CKD_S370", 8) == 0) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_UNSUPPORTED,
                    "%s: \"%.8s\" at offset 0: compressed CCKD images are "
                    "not supported yet; convert with dasdcopy "
                    "(dasdcopy IN OUT.3390)", name, (const char *)hdr);
        return false;
    }
    /* only the real names: the message quotes them as text */
    if (memcmp(hdr, "CKD_P064", 8) == 0 || memcmp(hdr, "CKD_C064", 8) == 0 ||
        memcmp(hdr, "CKD_S064", 8) == 0) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_UNSUPPORTED,
                    "%s: \"%.8s\" at offset 0: 64-bit CKD images (Hercules "
                    "4.x) are not supported; convert to a CKD_P370 image",
                    name, (const char *)hdr);
        return false;
    }
    hex = ckd_hex(hdr, 8);
    g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                "%s: not a Hercules CKD image: eye-catcher at offset 0 is "
                "%s, expected \"CKD_P370\"", name, hex);
    return false;
}

/*
 * Check the header of file @seq (1-based) of a volume whose earlier files
 * hold img->geo.cyls cylinders, against the file's @size.  On success the
 * file's track range is recorded and *@highcyl says whether more follow.
 */
static bool ckd_check_header(CkdImage *img, unsigned seq, const char *name,
                             const uint8_t *hdr, uint64_t size,
                             uint16_t *highcyl, GError **errp)
{
    CkdFile *f = &img->files[seq - 1];
    uint8_t devbyte = ldub_p(hdr + CKD_HDR_DEVTYPE);
    uint32_t heads = ldl_le_p(hdr + CKD_HDR_HEADS);
    uint32_t trksize = ldl_le_p(hdr + CKD_HDR_TRKSIZE);
    uint8_t fileseq = ldub_p(hdr + CKD_HDR_FILESEQ);
    uint16_t hicyl = lduw_le_p(hdr + CKD_HDR_HIGHCYL);
    const CkdModelInfo *m = ckd_model_lookup(devbyte, 1);
    uint32_t want_trksize;
    uint64_t ntrks, partial, cyls;
    uint32_t first_cyl = img->geo.cyls;

    if (!ckd_check_eyecatcher(name, hdr, errp)) {
        return false;
    }
    if (!m) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_UNSUPPORTED,
                    "%s: device type byte 0x%02x at offset %d is not a "
                    "3390 (0x90) or 3380 (0x80)", name, devbyte,
                    CKD_HDR_DEVTYPE);
        return false;
    }
    if (seq > 1 && m->devtype != img->geo.devtype) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: device type byte 0x%02x at offset %d differs from "
                    "the volume's first file (%04x)", name, devbyte,
                    CKD_HDR_DEVTYPE, img->geo.devtype);
        return false;
    }
    if (heads != m->heads) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: heads at offset %d is %" PRIu32 ", expected %" PRIu32
                    " for a %04x", name, CKD_HDR_HEADS, heads, m->heads,
                    m->devtype);
        return false;
    }
    want_trksize = ckd_image_trksize(m->max_r1_data);
    if (trksize != want_trksize) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: track size at offset %d is %" PRIu32 ", expected %"
                    PRIu32 " for a %04x", name, CKD_HDR_TRKSIZE, trksize,
                    want_trksize, m->devtype);
        return false;
    }

    /* A lone file says 0; the files of a split volume count from 1. */
    if (fileseq != seq && !(seq == 1 && fileseq == 0)) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: file sequence at offset %d is %u, expected %s%u%s",
                    name, CKD_HDR_FILESEQ, fileseq, seq == 1 ? "0 or " : "",
                    seq, seq == 1 ? " (open the first file of a multi-file "
                    "volume)" : "");
        return false;
    }
    if (fileseq == 0 && hicyl != 0) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: highest cylinder at offset %d is %u, expected 0 in "
                    "a single-file volume (file sequence 0)", name,
                    CKD_HDR_HIGHCYL, hicyl);
        return false;
    }

    /* The file is the header and whole cylinders of tracks, nothing else. */
    ntrks = (size - CKD_HEADER_SIZE) / trksize;
    partial = (size - CKD_HEADER_SIZE) % trksize;
    if (partial) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: file size %" PRIu64 " is not 512 + whole tracks of "
                    "%" PRIu32 " bytes: %" PRIu64 " bytes of a partial track "
                    "start at offset %" PRIu64 " (truncated or oversized)",
                    name, size, trksize, partial, size - partial);
        return false;
    }
    if (ntrks == 0 || ntrks % heads) {
        uint64_t off = CKD_HEADER_SIZE + ntrks / heads * heads * trksize;

        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: file holds %" PRIu64 " tracks, not whole cylinders "
                    "of %" PRIu32 ": %s at offset %" PRIu64, name, ntrks,
                    heads, ntrks ? "partial cylinder starts" : "no tracks",
                    off);
        return false;
    }
    cyls = ntrks / heads;
    if (hicyl != 0 && hicyl != first_cyl + cyls - 1) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: highest cylinder at offset %d is %u, but the file "
                    "holds cylinders %" PRIu32 "-%" PRIu64 " (size %" PRIu64
                    ")", name, CKD_HDR_HIGHCYL, hicyl, first_cyl,
                    first_cyl + cyls - 1, size);
        return false;
    }
    if (first_cyl + cyls > UINT32_MAX / heads) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_UNSUPPORTED,
                    "%s: %" PRIu64 " cylinders is too large a volume", name,
                    first_cyl + cyls);
        return false;
    }

    img->geo.devtype = m->devtype;
    img->geo.heads = heads;
    img->geo.trksize = trksize;
    img->geo.cyls = first_cyl + cyls;
    f->first_trk = first_cyl * heads;
    f->ntrks = ntrks;
    *highcyl = hicyl;
    return true;
}

static bool ckd_open_file(CkdImage *img, unsigned seq, const char *name,
                          uint16_t *highcyl, GError **errp)
{
    CkdFile *f = &img->files[seq - 1];
    uint8_t hdr[CKD_HEADER_SIZE];
    struct stat st;
    ssize_t n;

    f->path = g_strdup(name);
    f->fd = open(name, (img->readonly ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    if (f->fd < 0) {
        int err = errno;

        g_set_error(errp, CKD_ERROR, CKD_ERROR_IO,
                    "%s: cannot open%s: %s", name,
                    seq > 1 ? " (next file of a multi-file volume)" : "",
                    g_strerror(err));
        return false;
    }
    img->nfiles = seq;

    if (fstat(f->fd, &st) < 0) {
        int err = errno;

        g_set_error(errp, CKD_ERROR, CKD_ERROR_IO, "%s: fstat: %s", name,
                    g_strerror(err));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: not a regular file", name);
        return false;
    }
    n = ckd_pread_full(img->sys, f->fd, hdr, sizeof(hdr), 0);
    if (n < 0) {
        int err = errno;

        g_set_error(errp, CKD_ERROR, CKD_ERROR_IO,
                    "%s: cannot read the CKD header: %s", name,
                    g_strerror(err));
        return false;
    }
    if (n < CKD_HEADER_SIZE) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: file ends at offset %zd, inside the 512-byte CKD "
                    "header (truncated)", name, n);
        return false;
    }
    return ckd_check_header(img, seq, name, hdr, st.st_size, highcyl, errp);
}

CkdImage *ckd_open(const char *path, bool readonly, bool sync, GError **errp)
{
    g_autoptr(CkdImage) img = ckd_image_new(readonly, sync);
    g_autofree char *first = g_strdup(path);
    const CkdModelInfo *m;

    /* like the Hercules utilities, "vol.3390" also finds "vol_1.3390" */
    if (access(path, F_OK) < 0 && errno == ENOENT) {
        g_autofree char *alt = ckd_multifile_name(path, 1);

        if (access(alt, F_OK) == 0) {
            g_free(first);
            first = g_steal_pointer(&alt);
        }
    }

    for (unsigned seq = 1;; seq++) {
        g_autofree char *name =
            seq == 1 ? g_strdup(first) : ckd_multifile_name(first, seq);
        uint16_t highcyl;

        if (!ckd_open_file(img, seq, name, &highcyl, errp)) {
            return NULL;
        }
        if (highcyl == 0) {
            break;
        }
        if (seq == CKD_MAX_FILES) {
            g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                        "%s: highest cylinder at offset %d is %u, so more "
                        "files would follow, but a volume has at most %d",
                        name, CKD_HDR_HIGHCYL, highcyl, CKD_MAX_FILES);
            return NULL;
        }
    }

    m = ckd_model_lookup(img->geo.devtype, img->geo.cyls);
    if (!m) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_UNSUPPORTED,
                    "%s: %" PRIu32 " cylinders is too many for a %04x",
                    first, img->geo.cyls, img->geo.devtype);
        return NULL;
    }
    img->geo.model = m->model;
    img->geo.max_r1_data = m->max_r1_data;
    return g_steal_pointer(&img);
}

void ckd_close(CkdImage *img)
{
    g_autoptr(GError) err = NULL;

    if (!img) {
        return;
    }
    if (img->nfiles && !ckd_flush(img, &err)) {
        g_warning("%s", err->message);
    }
    for (unsigned i = 0; i < CKD_MAX_FILES; i++) {
        if (img->files[i].fd >= 0) {
            close(img->files[i].fd);
        }
        g_free(img->files[i].path);
    }
    for (unsigned i = 0; i < CKD_CACHE_TRACKS; i++) {
        g_free(img->cache[i].buf);
    }
    g_free(img);
}

const CkdGeometry *ckd_geometry(const CkdImage *img)
{
    return &img->geo;
}

bool ckd_is_readonly(const CkdImage *img)
{
    return img->readonly;
}

/* ---- track cache --------------------------------------------------------- */

static CkdCacheSlot *ckd_cache_find(CkdImage *img, uint32_t trk)
{
    for (unsigned i = 0; i < CKD_CACHE_TRACKS; i++) {
        if (img->cache[i].valid && img->cache[i].trk == trk) {
            img->cache[i].last_use = ++img->clock;
            return &img->cache[i];
        }
    }
    return NULL;
}

static void ckd_cache_drop(CkdImage *img, uint32_t trk)
{
    CkdCacheSlot *slot = ckd_cache_find(img, trk);

    if (slot) {
        slot->valid = false;
    }
}

/* Remember @buf as the file's current contents of track @trk. */
static void ckd_cache_store(CkdImage *img, uint32_t trk, const uint8_t *buf)
{
    CkdCacheSlot *slot = ckd_cache_find(img, trk);

    for (unsigned i = 0; !slot && i < CKD_CACHE_TRACKS; i++) {
        if (!img->cache[i].valid) {
            slot = &img->cache[i];
        }
    }
    if (!slot) {
        slot = &img->cache[0];
        for (unsigned i = 1; i < CKD_CACHE_TRACKS; i++) {
            if (img->cache[i].last_use < slot->last_use) {
                slot = &img->cache[i];
            }
        }
    }
    if (!slot->buf) {
        slot->buf = g_malloc(img->geo.trksize);
    }
    memcpy(slot->buf, buf, img->geo.trksize);
    slot->trk = trk;
    slot->valid = true;
    slot->last_use = ++img->clock;
}

/* ---- tracks -------------------------------------------------------------- */

/* Find the file holding @cyl/@head and the track's offset in it. */
static bool ckd_locate(CkdImage *img, uint32_t cyl, uint32_t head,
                       uint32_t *trk, CkdFile **file, off_t *off,
                       GError **errp)
{
    const char *name = img->files[0].path;

    if (cyl >= img->geo.cyls || head >= img->geo.heads) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_RANGE,
                    "%s: cyl %" PRIu32 " head %" PRIu32 " is outside the "
                    "volume (%" PRIu32 " cylinders of %" PRIu32 " heads)",
                    name, cyl, head, img->geo.cyls, img->geo.heads);
        return false;
    }
    *trk = cyl * img->geo.heads + head;
    for (unsigned i = 0; i < img->nfiles; i++) {
        CkdFile *f = &img->files[i];

        if (*trk - f->first_trk < f->ntrks) {
            *file = f;
            *off = CKD_HEADER_SIZE +
                   (off_t)(*trk - f->first_trk) * img->geo.trksize;
            return true;
        }
    }
    g_assert_not_reached();
    return false;
}

static void ckd_set_track_error(GError **errp, const char *verb,
                                const CkdImage *img, const CkdFile *f,
                                off_t off, uint32_t cyl, uint32_t head,
                                const uint8_t *buf, uint32_t bad,
                                const char *why)
{
    size_t show = MIN(8, img->geo.trksize - bad);
    g_autofree char *hex = ckd_hex(buf + bad, show);

    g_set_error(errp, CKD_ERROR, CKD_ERROR_TRACK_FORMAT,
                "%s: %sinvalid track format at offset %" PRIu64 " (cyl %"
                PRIu32 " head %" PRIu32 ", byte %" PRIu32 " of the track): "
                "%s; found %s", f->path, verb, (uint64_t)off + bad, cyl, head,
                bad, why, hex);
}

void ckd_set_syscalls(CkdImage *img, const CkdFileSyscalls *sys)
{
    img->sys = sys ? sys : &ckd_host_syscalls;
    /* what was cached came through the old calls */
    for (unsigned i = 0; i < CKD_CACHE_TRACKS; i++) {
        img->cache[i].valid = false;
    }
}

bool ckd_read_track(CkdImage *img, uint32_t cyl, uint32_t head, uint8_t *buf,
                    GError **errp)
{
    uint32_t trk, bad;
    const char *why;
    CkdFile *f;
    CkdCacheSlot *slot;
    off_t off;
    ssize_t n;

    if (!ckd_locate(img, cyl, head, &trk, &f, &off, errp)) {
        return false;
    }
    slot = ckd_cache_find(img, trk);
    if (slot) {
        memcpy(buf, slot->buf, img->geo.trksize);
        return true;
    }

    n = ckd_pread_full(img->sys, f->fd, buf, img->geo.trksize, off);
    if (n < 0) {
        int err = errno;

        g_set_error(errp, CKD_ERROR, CKD_ERROR_IO,
                    "%s: read of cyl %" PRIu32 " head %" PRIu32 " at offset %"
                    PRIu64 " failed: %s", f->path, cyl, head, (uint64_t)off,
                    g_strerror(err));
        return false;
    }
    if (n < img->geo.trksize) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_FORMAT,
                    "%s: file ends at offset %" PRIu64 ", inside cyl %" PRIu32
                    " head %" PRIu32 " (truncated since it was opened)",
                    f->path, (uint64_t)off + n, cyl, head);
        return false;
    }
    if (!ckd_track_check(&img->geo, cyl, head, buf, &bad, &why)) {
        ckd_set_track_error(errp, "", img, f, off, cyl, head, buf, bad, why);
        return false;
    }
    ckd_cache_store(img, trk, buf);
    return true;
}

bool ckd_write_track(CkdImage *img, uint32_t cyl, uint32_t head,
                     const uint8_t *buf, GError **errp)
{
    uint32_t trk, bad;
    const char *why;
    CkdFile *f;
    off_t off;

    if (img->readonly) {
        g_set_error(errp, CKD_ERROR, CKD_ERROR_READONLY,
                    "%s: image is open read-only; not writing cyl %" PRIu32
                    " head %" PRIu32, img->files[0].path, cyl, head);
        return false;
    }
    if (!ckd_locate(img, cyl, head, &trk, &f, &off, errp)) {
        return false;
    }
    if (!ckd_track_check(&img->geo, cyl, head, buf, &bad, &why)) {
        ckd_set_track_error(errp, "not writing: ", img, f, off, cyl, head,
                            buf, bad, why);
        return false;
    }

    if (!ckd_pwrite_full(img->sys, f->fd, buf, img->geo.trksize, off) ||
        (img->sync && img->sys->fdatasync(f->fd) < 0)) {
        int err = errno;

        /* what the file holds for this track is unknown now */
        ckd_cache_drop(img, trk);
        g_set_error(errp, CKD_ERROR, CKD_ERROR_IO,
                    "%s: write of cyl %" PRIu32 " head %" PRIu32 " at offset %"
                    PRIu64 " failed: %s", f->path, cyl, head, (uint64_t)off,
                    g_strerror(err));
        return false;
    }
    ckd_cache_store(img, trk, buf);
    return true;
}

bool ckd_flush(CkdImage *img, GError **errp)
{
    if (img->readonly) {
        return true;
    }
    for (unsigned i = 0; i < img->nfiles; i++) {
        if (img->sys->fdatasync(img->files[i].fd) < 0) {
            int err = errno;

            g_set_error(errp, CKD_ERROR, CKD_ERROR_IO, "%s: fdatasync: %s",
                        img->files[i].path, g_strerror(err));
            return false;
        }
    }
    return true;
}

/* ---- creating ------------------------------------------------------------ */

static bool ckd_create_write(int fd, const char *path, const CkdGeometry *geo,
                             GError **errp)
{
    uint8_t hdr[CKD_HEADER_SIZE] = { 0 };
    size_t cylsize = (size_t)geo->heads * geo->trksize;
    g_autofree uint8_t *cylbuf = g_malloc(cylsize);

    memcpy(hdr + CKD_HDR_EYE, "CKD_P370", 8);
    stl_le_p(hdr + CKD_HDR_HEADS, geo->heads);
    stl_le_p(hdr + CKD_HDR_TRKSIZE, geo->trksize);
    stb_p(hdr + CKD_HDR_DEVTYPE, geo->devtype & 0xff);
    /* file sequence 0 and highest cylinder 0: the only file */
    if (!ckd_pwrite_full(&ckd_host_syscalls, fd, hdr, sizeof(hdr), 0)) {
        goto fail;
    }
    for (uint32_t cyl = 0; cyl < geo->cyls; cyl++) {
        for (uint32_t head = 0; head < geo->heads; head++) {
            ckd_track_format_empty(geo, cyl, head,
                                   cylbuf + (size_t)head * geo->trksize);
        }
        if (!ckd_pwrite_full(&ckd_host_syscalls, fd, cylbuf, cylsize,
                             CKD_HEADER_SIZE + (off_t)cyl * cylsize)) {
            goto fail;
        }
    }
    return true;

fail:
    g_set_error(errp, CKD_ERROR, CKD_ERROR_IO, "%s: write failed: %s", path,
                g_strerror(errno));
    return false;
}

bool ckd_create(const char *path, uint16_t devtype, uint8_t model,
                uint32_t cyls, GError **errp)
{
    const CkdModelInfo *m = NULL;
    CkdGeometry geo;
    int fd;

    if (model) {
        m = ckd_model_by_number(devtype, model);
        if (!m) {
            g_set_error(errp, CKD_ERROR, CKD_ERROR_INVALID,
                        "%s: %04x has no model %u", path, devtype, model);
            return false;
        }
    }
    if (cyls == 0) {
        if (!m) {
            g_set_error(errp, CKD_ERROR, CKD_ERROR_INVALID,
                        "%s: give a cylinder count or a model number", path);
            return false;
        }
        /* like dasdinit -a: the model's alternate cylinders are included */
        cyls = m->cyls + m->alt_cyls;
    }
    if (!ckd_geometry_init(&geo, devtype, cyls, errp)) {
        g_prefix_error(errp, "%s: ", path);
        return false;
    }

    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        int err = errno;

        g_set_error(errp, CKD_ERROR, CKD_ERROR_IO, "%s: cannot create: %s",
                    path, g_strerror(err));
        return false;
    }
    if (!ckd_create_write(fd, path, &geo, errp)) {
        close(fd);
        unlink(path);
        return false;
    }
    if (close(fd) < 0) {
        int err = errno;

        g_set_error(errp, CKD_ERROR, CKD_ERROR_IO, "%s: close: %s", path,
                    g_strerror(err));
        unlink(path);
        return false;
    }
    return true;
}
