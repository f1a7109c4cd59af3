/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Guest RAM: one memfd mapping with bounds-checked accessors.
 */
#include "qemu/osdep.h"
#include <gio/gio.h>
#include <sys/mman.h>

#include "system/memory.h"

struct GuestRAM {
    int fd;
    uint8_t *base;
    uint64_t size;
};

GuestRAM *guest_ram_new(uint64_t size, GError **errp)
{
    GuestRAM *ram;
    int fd;
    void *base;

    if (size == 0 || size % 4096 || size > (uint64_t)SIZE_MAX / 2) {
        g_set_error(errp, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "guest RAM size %" PRIu64 " bytes is not a positive "
                    "multiple of 4 KiB", size);
        return NULL;
    }
    /* A memfd, so a device process can map the same pages (DMA_MAP). */
    fd = memfd_create("guest-ram", MFD_CLOEXEC);
    if (fd < 0) {
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(errno),
                    "cannot create guest RAM: memfd_create: %s",
                    g_strerror(errno));
        return NULL;
    }
    if (ftruncate(fd, (off_t)size) < 0) {
        int err = errno;

        close(fd);
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(err),
                    "cannot size guest RAM to %" PRIu64 " bytes: %s",
                    size, g_strerror(err));
        return NULL;
    }
    base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) {
        int err = errno;

        close(fd);
        g_set_error(errp, G_IO_ERROR, g_io_error_from_errno(err),
                    "cannot map %" PRIu64 " bytes of guest RAM: %s",
                    size, g_strerror(err));
        return NULL;
    }
    ram = g_new0(GuestRAM, 1);
    ram->fd = fd;
    ram->base = base;
    ram->size = size;
    return ram;
}

void guest_ram_free(GuestRAM *ram)
{
    if (!ram) {
        return;
    }
    munmap(ram->base, ram->size);
    close(ram->fd);
    g_free(ram);
}

uint64_t guest_ram_size(const GuestRAM *ram)
{
    return ram->size;
}

int guest_ram_fd(const GuestRAM *ram)
{
    return ram->fd;
}

bool guest_ram_valid(const GuestRAM *ram, uint64_t addr, uint64_t len)
{
    /* Written so that addr + len cannot wrap around. */
    return addr <= ram->size && len <= ram->size - addr;
}

void *guest_ram_map(GuestRAM *ram, uint64_t addr, uint64_t len)
{
    return guest_ram_valid(ram, addr, len) ? ram->base + addr : NULL;
}

bool guest_ram_read(const GuestRAM *ram, uint64_t addr, void *buf,
                    uint64_t len)
{
    if (!guest_ram_valid(ram, addr, len)) {
        return false;
    }
    memcpy(buf, ram->base + addr, len);
    return true;
}

bool guest_ram_write(GuestRAM *ram, uint64_t addr, const void *buf,
                     uint64_t len)
{
    if (!guest_ram_valid(ram, addr, len)) {
        return false;
    }
    memcpy(ram->base + addr, buf, len);
    return true;
}

bool guest_ram_memset(GuestRAM *ram, uint64_t addr, uint8_t byte,
                      uint64_t len)
{
    if (!guest_ram_valid(ram, addr, len)) {
        return false;
    }
    memset(ram->base + addr, byte, len);
    return true;
}

bool guest_ram_ldub(const GuestRAM *ram, uint64_t addr, uint8_t *val)
{
    return guest_ram_read(ram, addr, val, 1);
}

bool guest_ram_lduw_be(const GuestRAM *ram, uint64_t addr, uint16_t *val)
{
    uint8_t b[2];

    if (!guest_ram_read(ram, addr, b, sizeof(b))) {
        return false;
    }
    *val = lduw_be_p(b);
    return true;
}

bool guest_ram_ldl_be(const GuestRAM *ram, uint64_t addr, uint32_t *val)
{
    uint8_t b[4];

    if (!guest_ram_read(ram, addr, b, sizeof(b))) {
        return false;
    }
    *val = ldl_be_p(b);
    return true;
}

bool guest_ram_ldq_be(const GuestRAM *ram, uint64_t addr, uint64_t *val)
{
    uint8_t b[8];

    if (!guest_ram_read(ram, addr, b, sizeof(b))) {
        return false;
    }
    *val = ldq_be_p(b);
    return true;
}

bool guest_ram_stb(GuestRAM *ram, uint64_t addr, uint8_t val)
{
    return guest_ram_write(ram, addr, &val, 1);
}

bool guest_ram_stw_be(GuestRAM *ram, uint64_t addr, uint16_t val)
{
    uint8_t b[2];

    stw_be_p(b, val);
    return guest_ram_write(ram, addr, b, sizeof(b));
}

bool guest_ram_stl_be(GuestRAM *ram, uint64_t addr, uint32_t val)
{
    uint8_t b[4];

    stl_be_p(b, val);
    return guest_ram_write(ram, addr, b, sizeof(b));
}

bool guest_ram_stq_be(GuestRAM *ram, uint64_t addr, uint64_t val)
{
    uint8_t b[8];

    stq_be_p(b, val);
    return guest_ram_write(ram, addr, b, sizeof(b));
}
