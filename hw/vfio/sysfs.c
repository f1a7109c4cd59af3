/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * From a sysfsdev path to the host side of a vfio-ccw mdev: mdev UUID,
 * host subchannel id, IOMMU group, path masks, CHPIDs and channel-path
 * types (facts-css-vfio-ccw.md §3.9, §3.10).
 *
 * The sysfs tree of one mdev, as Linux lays it out:
 *   /sys/bus/mdev/devices/<UUID> -> ../../../devices/css0/0.0.0313/<UUID>
 *   /sys/devices/css0/0.0.0313/<UUID>/iommu_group -> .../iommu_groups/17
 *   /sys/devices/css0/0.0.0313/{pimpampom,chpids,dev_busid}
 *   /sys/devices/css0/chp0.50/type
 */
#include "qemu/osdep.h"
#include <gio/gio.h>

#include "hw/vfio/vfio-kernel.h"

#define SYSFSDEV_DOC "see docs/system/s390x/vfio-ccw.rst"

/* sysfs attributes are at most a page; anything longer is not ours. */
#define SYSFS_ATTR_MAX 4096

/* Longest file content quoted in a message, before escaping. */
#define QUOTE_MAX 40

void vfio_ccw_host_info_clear(VFIOCcwHostInfo *info)
{
    g_free(info->mdev_path);
    g_free(info->mdev_uuid);
    memset(info, 0, sizeof(*info));
}

/*
 * Read a sysfs attribute into a NUL-terminated string.
 * Returns: the text (g_free), or NULL with *err = the errno.
 */
static char *read_attr(const char *path, int *err)
{
    g_autofree char *buf = g_malloc(SYSFS_ATTR_MAX + 1);
    size_t got = 0;
    int fd;

    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *err = errno;
        return NULL;
    }
    while (got < SYSFS_ATTR_MAX) {
        ssize_t n = read(fd, buf + got, SYSFS_ATTR_MAX - got);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            *err = errno;
            close(fd);
            return NULL;
        }
        if (n == 0) {
            break;
        }
        got += (size_t)n;
    }
    close(fd);
    buf[got] = '\0';
    return g_steal_pointer(&buf);
}

/* @text shortened and escaped so that it fits in a one-line message. */
static char *quote(const char *text)
{
    g_autofree char *cut = g_strndup(text, QUOTE_MAX);
    g_autofree char *esc = g_strescape(cut, NULL);

    if (strlen(text) > QUOTE_MAX) {
        return g_strconcat(esc, "...", NULL);
    }
    return g_steal_pointer(&esc);
}

/*
 * Parse 1..@max_digits hex digits at @p into *@val.
 * Returns: the first character after them, or NULL if there are none or
 * too many.
 */
static const char *parse_hex(const char *p, unsigned max_digits,
                             unsigned *val)
{
    unsigned digits = 0;

    *val = 0;
    while (g_ascii_isxdigit(*p)) {
        if (++digits > max_digits) {
            return NULL;
        }
        *val = (*val << 4) | (unsigned)g_ascii_xdigit_value(*p);
        p++;
    }
    return digits ? p : NULL;
}

/*
 * A css device name: "%x.%x.%04x" (cssid 0-ff, ssid 0-3, four digits of
 * subchannel number), the way Linux names subchannels.
 */
static bool parse_schid(const char *name, uint8_t *cssid, uint8_t *ssid,
                        uint16_t *schno)
{
    const char *p = name;
    const char *start;
    unsigned c, s, n;

    p = parse_hex(p, 2, &c);
    if (!p || *p++ != '.') {
        return false;
    }
    p = parse_hex(p, 1, &s);
    if (!p || s > 3 || *p++ != '.') {
        return false;
    }
    start = p;
    p = parse_hex(p, 4, &n);
    if (!p || p - start != 4 || *p != '\0') {
        return false;
    }
    *cssid = (uint8_t)c;
    *ssid = (uint8_t)s;
    *schno = (uint16_t)n;
    return true;
}

/*
 * Exactly @count whitespace-separated hex bytes of one or two digits each,
 * as the kernel prints pimpampom ("80 80 ff\n") and chpids (eight of them,
 * with a trailing blank).
 */
static bool parse_hex_bytes(const char *text, uint8_t *out, size_t count)
{
    const char *p = text;
    size_t n = 0;

    for (;;) {
        unsigned v;

        while (g_ascii_isspace(*p)) {
            p++;
        }
        if (*p == '\0') {
            return n == count;
        }
        if (n == count) {
            return false;
        }
        p = parse_hex(p, 2, &v);
        if (!p || (*p != '\0' && !g_ascii_isspace(*p))) {
            return false;
        }
        out[n++] = (uint8_t)v;
    }
}

/* Read @dir/@attr and parse it as @count hex bytes. */
static bool read_hex_bytes(const char *dir, const char *attr,
                           const char *what, const char *example,
                           uint8_t *out, size_t count, GError **errp)
{
    g_autofree char *path = g_build_filename(dir, attr, NULL);
    g_autofree char *text = NULL;
    int err = 0;

    text = read_attr(path, &err);
    if (!text) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(err),
                    "vfio-ccw: cannot read %s: %s (the mdev's parent must "
                    "be an I/O subchannel bound to vfio_ccw)",
                    path, g_strerror(err));
        return false;
    }
    if (!parse_hex_bytes(text, out, count)) {
        g_autofree char *q = quote(text);

        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                    "vfio-ccw: %s holds '%s', expected %zu hex bytes "
                    "(%s, e.g. '%s')", path, q, count, what, example);
        return false;
    }
    return true;
}

/*
 * The IOMMU group: basename of the target of <mdev>/iommu_group, in
 * decimal.  The target itself need not be reachable.
 */
static bool read_iommu_group(const char *mdev_path, int *group,
                             GError **errp)
{
    g_autofree char *link = g_build_filename(mdev_path, "iommu_group", NULL);
    char target[PATH_MAX];
    const char *base;
    ssize_t n;
    unsigned long v = 0;

    n = readlink(link, target, sizeof(target) - 1);
    if (n < 0) {
        int err = errno;

        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(err),
                    "vfio-ccw: cannot read the IOMMU group link %s: %s "
                    "(load the vfio module before creating the mdev)",
                    link, g_strerror(err));
        return false;
    }
    target[n] = '\0';
    base = strrchr(target, '/');
    base = base ? base + 1 : target;
    /* Nine decimal digits at most, so that it fits an int. */
    if (*base == '\0' || strlen(base) > 9 ||
        strspn(base, "0123456789") != strlen(base)) {
        g_autofree char *q = quote(target);

        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                    "vfio-ccw: IOMMU group link %s points to '%s', whose "
                    "name is not a group number", link, q);
        return false;
    }
    for (const char *p = base; *p; p++) {
        v = v * 10 + (unsigned long)(*p - '0');
    }
    *group = (int)v;
    return true;
}

/*
 * The type of each installed path (PIM bit set), from the channel-path
 * device of the host css: css<C>/chp<C>.<PP>/type, "%x\n".  Linux names
 * the chp device after the cssid of its css (facts §3.9 has "chp0.",
 * which is the same for the only css Linux shows).
 */
static bool read_chpid_types(const VFIOKernelEnv *env, VFIOCcwHostInfo *info,
                             GError **errp)
{
    for (unsigned i = 0; i < 8; i++) {
        g_autofree char *path = NULL;
        g_autofree char *text = NULL;
        const char *end;
        unsigned type;
        int err = 0;

        if (!(info->pim & (0x80u >> i))) {
            continue;
        }
        path = g_strdup_printf("%s/devices/css%x/chp%x.%02x/type",
                               vfio_kernel_env_sysfs_root(env), info->cssid,
                               info->cssid, info->chpids[i]);
        text = read_attr(path, &err);
        if (!text) {
            g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(err),
                        "vfio-ccw: cannot read the type of channel path "
                        "%x.%02x (path %u of subchannel %x.%x.%04x) from %s: "
                        "%s", info->cssid, info->chpids[i], i, info->cssid,
                        info->ssid, info->schno, path, g_strerror(err));
            return false;
        }
        end = parse_hex(text, 2, &type);
        if (!end || (*end != '\0' && strcmp(end, "\n") != 0)) {
            g_autofree char *q = quote(text);

            g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                        "vfio-ccw: %s holds '%s', expected a channel-path "
                        "type in hex (e.g. '1a')", path, q);
            return false;
        }
        info->chpid_types[i] = (uint8_t)type;
    }
    return true;
}

/*
 * The host device number, from <subchannel>/dev_busid ("0.<ssid>.<devno>"
 * or "none").  Only informative, so a missing file (kernels before 5.15)
 * or a format this program does not know leaves it unknown.
 */
static void read_host_devno(const char *sch_path, VFIOCcwHostInfo *info)
{
    g_autofree char *path = g_build_filename(sch_path, "dev_busid", NULL);
    g_autofree char *text = NULL;
    uint8_t cssid, ssid;
    uint16_t devno;
    int err = 0;

    text = read_attr(path, &err);
    if (!text) {
        return;
    }
    g_strchomp(text);
    if (parse_schid(text, &cssid, &ssid, &devno)) {
        info->has_devno = true;
        info->devno = devno;
    }
}

bool vfio_ccw_sysfs_resolve(const VFIOKernelEnv *env, const char *sysfsdev,
                            VFIOCcwHostInfo *out, GError **errp)
{
    VFIOCcwHostInfo info = { 0 };
    g_autofree char *sch_path = NULL;
    g_autofree char *sch_name = NULL;
    char resolved[PATH_MAX];
    uint8_t masks[3];

    memset(out, 0, sizeof(*out));
    if (!sysfsdev || !*sysfsdev) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "vfio-ccw: sysfsdev is required "
                    "(e.g. sysfsdev=/sys/bus/mdev/devices/UUID)");
        return false;
    }
    if (!realpath(sysfsdev, resolved)) {
        int err = errno;

        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(err),
                    "vfio-ccw: cannot resolve sysfsdev %s: %s (is the "
                    "vfio_ccw module loaded and the mdev created? "
                    SYSFSDEV_DOC ")", sysfsdev, g_strerror(err));
        return false;
    }
    info.mdev_path = g_strdup(resolved);
    info.mdev_uuid = g_path_get_basename(resolved);
    if (!g_uuid_string_is_valid(info.mdev_uuid)) {
        /* Show where a symlink led, if it did. */
        g_autofree char *via = strcmp(sysfsdev, resolved) == 0 ?
                               g_strdup("") :
                               g_strdup_printf(" (%s)", resolved);

        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "vfio-ccw: sysfsdev %s%s is not an mdev: '%s' is not a "
                    "UUID (give the mdev, e.g. "
                    "sysfsdev=/sys/bus/mdev/devices/UUID, not the "
                    "subchannel; " SYSFSDEV_DOC ")", sysfsdev, via,
                    info.mdev_uuid);
        goto fail;
    }

    sch_path = g_path_get_dirname(resolved);
    sch_name = g_path_get_basename(sch_path);
    if (!parse_schid(sch_name, &info.cssid, &info.ssid, &info.schno)) {
        g_autofree char *q = quote(sch_name);

        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                    "vfio-ccw: mdev %s: its parent '%s' is not a "
                    "subchannel id (cssid.ssid.schno, e.g. 0.0.0313; is "
                    "this a vfio_ccw mdev?)", resolved, q);
        goto fail;
    }

    if (!read_iommu_group(resolved, &info.iommu_group, errp)) {
        goto fail;
    }

    if (!read_hex_bytes(sch_path, "pimpampom", "PIM PAM POM", "80 80 ff",
                        masks, 3, errp)) {
        goto fail;
    }
    info.pim = masks[0];
    info.pam = masks[1];
    info.pom = masks[2];
    if (!read_hex_bytes(sch_path, "chpids", "CHPIDs of paths 0-7",
                        "50 51 00 00 00 00 00 00", info.chpids, 8, errp)) {
        goto fail;
    }
    if (!read_chpid_types(env, &info, errp)) {
        goto fail;
    }
    read_host_devno(sch_path, &info);

    *out = info;
    return true;

fail:
    vfio_ccw_host_info_clear(&info);
    return false;
}
