/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory.h: guest RAM of the s390x machine.
 *
 * Guest RAM is one memfd mapping of the size given by -m.  Absolute address
 * 0 of the guest is byte 0 of the mapping (there is no prefixing and no
 * storage key checking here: callers that need them do them first).  The
 * fd can be handed to a device process (vfio-user DMA_MAP) or its pages
 * mapped into a kernel IOMMU (VFIO_IOMMU_MAP_DMA with iova = guest address).
 *
 * Every access is bounds-checked, including against address wrap-around:
 * an out-of-range request returns false (or NULL) and touches nothing.
 * Multi-byte values in guest RAM are big-endian, as on z/Architecture.
 * Who may call: the machine (system/, hw/, target/s390x/) and tests.
 */
#ifndef SYSTEM_MEMORY_H
#define SYSTEM_MEMORY_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

typedef struct GuestRAM GuestRAM;

/**
 * guest_ram_new: create guest RAM of @size bytes, zero-filled.
 * @size: bytes, > 0 and a multiple of 4096 (the -m value).
 * @errp: set to one message naming the size and the errno text on failure.
 * Returns: the new RAM, or NULL with @errp set.
 */
GuestRAM *guest_ram_new(uint64_t size, GError **errp);

/** guest_ram_free: unmap and close @ram (NULL is allowed). */
void guest_ram_free(GuestRAM *ram);

/** guest_ram_size: Returns: the size of @ram in bytes. */
uint64_t guest_ram_size(const GuestRAM *ram);

/**
 * guest_ram_fd: Returns: the memfd backing @ram, owned by @ram; dup() it to
 * keep it.  Offset N of the file is guest absolute address N.
 */
int guest_ram_fd(const GuestRAM *ram);

/**
 * guest_ram_valid: Returns: true if [@addr, @addr + @len) lies inside @ram.
 * A zero @len is valid at any address up to and including the size.
 */
bool guest_ram_valid(const GuestRAM *ram, uint64_t addr, uint64_t len);

/**
 * guest_ram_map: Returns: a host pointer to @len bytes at guest address
 * @addr, valid while @ram lives, or NULL if the range is outside @ram.
 */
void *guest_ram_map(GuestRAM *ram, uint64_t addr, uint64_t len);

/** guest_ram_read: copy @len bytes at @addr to @buf. Returns: false if out of range. */
bool guest_ram_read(const GuestRAM *ram, uint64_t addr, void *buf, uint64_t len);

/** guest_ram_write: copy @len bytes from @buf to @addr. Returns: false if out of range. */
bool guest_ram_write(GuestRAM *ram, uint64_t addr, const void *buf, uint64_t len);

/** guest_ram_memset: fill @len bytes at @addr with @byte. Returns: false if out of range. */
bool guest_ram_memset(GuestRAM *ram, uint64_t addr, uint8_t byte, uint64_t len);

/*
 * Big-endian loads and stores of 1, 2, 4 and 8 bytes at any alignment.
 * Returns: false if out of range (then *val is left unchanged / nothing
 * is stored).
 */
bool guest_ram_ldub(const GuestRAM *ram, uint64_t addr, uint8_t *val);
bool guest_ram_lduw_be(const GuestRAM *ram, uint64_t addr, uint16_t *val);
bool guest_ram_ldl_be(const GuestRAM *ram, uint64_t addr, uint32_t *val);
bool guest_ram_ldq_be(const GuestRAM *ram, uint64_t addr, uint64_t *val);
bool guest_ram_stb(GuestRAM *ram, uint64_t addr, uint8_t val);
bool guest_ram_stw_be(GuestRAM *ram, uint64_t addr, uint16_t val);
bool guest_ram_stl_be(GuestRAM *ram, uint64_t addr, uint32_t val);
bool guest_ram_stq_be(GuestRAM *ram, uint64_t addr, uint64_t val);

#endif /* SYSTEM_MEMORY_H */
