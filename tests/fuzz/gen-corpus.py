#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Writes the binary seed inputs of tests/fuzz/corpus/<target>/.  Each seed
# is built here from the layouts the targets document at the top of
# their fuzz-<target>.c, so that a seed's bytes can be read back as the
# channel program, image or message it stands for.  The text seeds
# (qtest-request, device-options) are plain files and are not made here.
#
#   tests/fuzz/gen-corpus.py [OUTDIR]     (default: the corpus directory)
#
# Without OUTDIR it also writes the regression inputs of fixed findings
# (replayed by make check like every seed).
#
# The output is deterministic; the files are committed, so this only has
# to be run again after changing a seed.
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'corpus')


def write(target, name, data, where=None):
    d = os.path.join(where or OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(bytes(data))


def be16(v):
    return struct.pack('>H', v)


def be32(v):
    return struct.pack('>I', v)


def be64(v):
    return struct.pack('>Q', v)


# ---- CKD images ------------------------------------------------------------

EOT = b'\xff' * 8


def count(cyl, head, rec, kl, dl):
    return be16(cyl) + be16(head) + bytes([rec, kl]) + be16(dl)


def ha_r0(cyl, head):
    return b'\x00' + be16(cyl) + be16(head) + count(cyl, head, 0, 0, 8) + \
        b'\x00' * 8


def record(cyl, head, rec, key, data):
    return count(cyl, head, rec, len(key), len(data)) + key + data


def ckd_track_seeds():
    t = 'ckd-track'
    # ctl, cyls, cyl, head, append (R, head, KL, DL), track bytes
    def seed(ctl, cyls, cyl, head, app, body):
        return bytes([ctl]) + be32(cyls) + be32(cyl) + bytes([head]) + \
            bytes(app[:3]) + be16(app[3]) + body

    write(t, 'empty-3390', seed(2, 1113, 0, 0, (1, 0, 0, 80), b''))
    body = record(5, 3, 1, b'KEY1', b'data of r1......') + \
        record(5, 3, 2, b'', b'\x00' * 40) + \
        record(5, 3, 3, b'\x01' * 8, b'r3') + EOT
    write(t, 'records-3390', seed(2, 3339, 5, 3, (4, 3, 4, 4096), body))
    # the same records without their end marker, padded with 0xff
    write(t, 'records-ff-padded', seed(2, 3339, 5, 3, (4, 3, 4, 4096),
                                       body[:-8]))
    # HA and R0, then zeros: thousands of empty records to the end
    write(t, 'zero-padded', seed(4, 1113, 3, 1, (1, 1, 0, 80), ha_r0(3, 1)))
    raw = ha_r0(7, 14) + record(7, 14, 1, b'', b'x' * 64) + EOT
    write(t, 'raw-3380', seed(1, 885, 7, 14, (2, 14, 0, 47000), raw))
    # EAV: cylinder 70000 = 0x11170; counts carry the high bits in HH
    cyl = 70000
    hh = ((cyl >> 16) << 4) | 2
    body = record(cyl & 0xffff, hh, 1, b'', b'eav record') + EOT
    write(t, 'eav-3390', seed(2, 100000, cyl, 2, (2, 2, 0, 10), body))
    # a record whose data runs past the image
    body = count(0, 0, 1, 0, 0xffff) + b'\x00' * 16
    write(t, 'bad-overrun', seed(2, 1113, 0, 0, (1, 0, 0, 1), body))
    # a chain of key-only records filling a good part of the track
    body = b''.join(record(9, 1, r, b'k' * 8, b'') for r in range(1, 21))
    write(t, 'many-records', seed(2, 1113, 9, 1, (255, 1, 255, 65535),
                                  body + EOT))


def ckd_header(devtype, seq, highcyl, eye=b'CKD_P370'):
    trksize = 56832 if devtype == 0x90 else 47616
    return eye + struct.pack('<II', 15, trksize) + \
        bytes([devtype, seq]) + struct.pack('<H', highcyl)


def ckd_file(hdr, cyls, adjust=0, patches=()):
    out = bytes([len(hdr)]) + hdr + bytes([cyls]) + struct.pack('>h', adjust)
    out += bytes([len(patches)])
    for trk, at, data in patches:
        out += be16(trk) + be16(at) + bytes([len(data)]) + data
    return out


def ckd_open_seeds():
    t = 'ckd-open'
    r1 = record(0, 0, 1, b'', b'hello, volume!!!') + EOT
    write(t, 'single-3390', bytes([0x10]) +
          ckd_file(ckd_header(0x90, 0, 0), 1, 0, [(0, 21, r1)]))
    write(t, 'two-files-3380', bytes([0x11]) +
          ckd_file(ckd_header(0x80, 1, 1), 2) +
          ckd_file(ckd_header(0x80, 2, 0), 1,
                   0, [(4, 21, record(2, 4, 1, b'K', b'v') + EOT)]))
    write(t, 'alt-name', bytes([0x14]) + ckd_file(ckd_header(0x90, 1, 0), 1))
    write(t, 'readonly', bytes([0x18]) + ckd_file(ckd_header(0x90, 0, 0), 1))
    write(t, 'sync', bytes([0x30]) + ckd_file(ckd_header(0x80, 0, 0), 1))
    write(t, 'truncated', bytes([0x10]) +
          ckd_file(ckd_header(0x90, 0, 0), 1, -100))
    write(t, 'compressed', bytes([0x00]) +
          ckd_file(ckd_header(0x90, 0, 0, b'CKD_C370'), 1))
    write(t, 'bad-r0', bytes([0x10]) +
          ckd_file(ckd_header(0x90, 0, 0), 1, 0,
                   [(3, 5, count(0, 3, 0, 0, 9))]))
    write(t, 'unformatted', bytes([0x00]) +
          ckd_file(ckd_header(0x90, 0, 0), 1))


# ---- channel programs ------------------------------------------------------

def ccw1(cmd, flags, cnt, cda):
    return bytes([cmd, flags]) + be16(cnt) + be32(cda)


def ccw0(cmd, flags, cnt, cda):
    return bytes([cmd]) + be32(cda)[1:] + bytes([flags, 0]) + be16(cnt)


CD, CC, SLI, SKIP, PCI, IDA, SUSP, MIDA = \
    0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01


def orb(intparm=0x12345678, key=0, ctrl0=0x00c0, lpm=0x80, ctrl1=0,
        cpa=0x1000):
    return be32(intparm) + be16(ctrl0 | key << 12) + bytes([lpm, ctrl1]) + \
        be32(cpa)


def place(layout, start=0x1000):
    """Storage from @start: {address: bytes}, gaps filled with 0xee."""
    end = max(a + len(b) for a, b in layout.items())
    mem = bytearray(b'\xee' * (end - start))
    for a, b in layout.items():
        mem[a - start:a - start + len(b)] = b
    return bytes(mem)


def interp_seed(o, storage, limit=0, resume=0, keys=b'', steps=b''):
    keys = keys.ljust(16, b'\x00')
    steps = steps.ljust(64, b'\x00')
    return o + bytes([limit, resume]) + keys + steps + storage


def ccw_interp_seeds():
    t = 'ccw-interp'
    data = b'echo this, 16 B!'
    write(t, 'write-read-echo', interp_seed(orb(), place({
        0x1000: ccw1(0x01, CC, 16, 0x1040) + ccw1(0x02, SLI, 16, 0x1080),
        0x1040: data, 0x1080: b'\x00' * 16})))
    # format 0: data chaining over two areas, then a TIC to a sense
    write(t, 'fmt0-chain-tic', interp_seed(orb(ctrl0=0x0040), place({
        0x1000: ccw0(0x01, CD, 8, 0x1100) + ccw0(0x00, CC, 8, 0x1108) +
        ccw0(0x08, 0, 0, 0x1040),
        0x1040: ccw0(0x04, SLI, 32, 0x1200),
        0x1100: b'ABCDEFGHIJKLMNOP'})))
    # format-1 IDAL crossing a 2 KiB block, with data at the 16 MiB line
    write(t, 'idal-fmt1', interp_seed(orb(), place({
        0x1000: ccw1(0x01, IDA | CC, 0x900, 0x1080) +
        ccw1(0x02, IDA | SLI, 0x100, 0x10c0),
        0x1080: be32(0x1200) + be32(0x1800) + be32(0x00fff800),
        0x10c0: be32(0x7ffffff0) + be32(0x80000000)})))
    # format-2 IDAWs (ORB H) in 2 KiB blocks (ORB T) up at 2^64 - 8K
    write(t, 'idal-fmt2-top', interp_seed(orb(ctrl0=0x00c3), place({
        0x1000: ccw1(0x01, IDA | CC, 0x40, 0x1080) +
        ccw1(0x02, IDA, 0x40, 0x1080),
        0x1080: be64(0xffffffffffffe000)})))
    # suspend at the second CCW; resume once after clearing S
    write(t, 'suspend-resume', interp_seed(orb(ctrl0=0x08c0), place({
        0x1000: ccw1(0x03, CC, 0, 0) + ccw1(0x01, SUSP, 4, 0x1040),
        0x1040: b'wxyz'}), resume=0x03))
    # key 3: frame 1 is key 3, frame 2 key 5 fetch-protected
    write(t, 'storage-keys', interp_seed(orb(key=3), place({
        0x1000: ccw1(0x02, CC | SLI, 8, 0x1100) +
        ccw1(0x01, 0, 8, 0x2000)}),
        keys=bytes([0x00, 0x30, 0x58])))
    # read backward into the end of an area, skip, PCI
    write(t, 'read-backward-skip-pci', interp_seed(orb(), place({
        0x1000: ccw1(0x01, CC | PCI, 4, 0x1100) +
        ccw1(0x0c, CC | SLI, 4, 0x1203) + ccw1(0x02, SKIP | SLI, 64, 0),
        0x1100: b'back'})))
    # a TIC loop, ended by a small CCW limit
    write(t, 'tic-loop-limit', interp_seed(orb(), place({
        0x1000: ccw1(0x03, CC, 0, 0) + ccw1(0x08, 0, 0, 0x1000)}), limit=4))
    # device endings: status modifier skips a CCW, then unit check
    steps = bytes([4, 0, 0, 0, 5, 1, 0, 0])
    write(t, 'status-modifier-uc', interp_seed(orb(), place({
        0x1000: ccw1(0x03, CC, 0, 0) + ccw1(0x03, CC, 0, 0) +
        ccw1(0x03, CC, 0, 0) + ccw1(0x03, 0, 0, 0)}), steps=steps))
    # incorrect length: the device wants 8 bytes of a 16-byte write
    steps = bytes([0, 0x06, 0, 8])
    write(t, 'incorrect-length', interp_seed(orb(), place({
        0x1000: ccw1(0x01, 0, 16, 0x1040), 0x1040: b'0123456789abcdef'}),
        steps=steps))


# ---- translated channel programs -------------------------------------------

def cp_seed(o, storage, ctl=0, victim=0, lpm=0x80, rights=None, steps=b''):
    rights = rights if rights is not None else b'\x07' * 16
    return o + bytes([ctl, victim, lpm]) + rights + steps.ljust(64, b'\0') + \
        storage


def cp_translate_seeds():
    t = 'cp-translate'
    data = b'echo this, 16 B!'
    echo = place({0x1000: ccw1(0x01, CC, 16, 0x2000) +
                  ccw1(0x02, SLI, 16, 0x2100), 0x2000: data})
    write(t, 'write-read-echo', cp_seed(orb(), echo))
    write(t, 'fmt0-chain-tic', cp_seed(orb(ctrl0=0x0040), place({
        0x1000: ccw0(0x01, CD, 8, 0x2000) + ccw0(0x00, CC, 8, 0x3000) +
        ccw0(0x08, 0, 0, 0x1800),
        0x1800: ccw0(0x04, SLI, 32, 0x2200), 0x2000: b'ABCDEFGH'})))
    write(t, 'idal-fmt1', cp_seed(orb(), place({
        0x1000: ccw1(0x01, IDA | CC, 0x900, 0x1080) +
        ccw1(0x02, IDA | SLI, 0x100, 0x10c0),
        0x1080: be32(0x2000) + be32(0x2800) + be32(0x3000),
        0x10c0: be32(0x4400)})))
    write(t, 'idal-fmt2-2k', cp_seed(orb(ctrl0=0x00c3), place({
        0x1000: ccw1(0x01, IDA | CC, 0x1000, 0x1080) +
        ccw1(0x02, IDA, 0x40, 0x10c0),
        0x1080: be64(0x2000) + be64(0x2800),
        0x10c0: be64(0xfffffffffffff000)}), ctl=2))
    # one window per page, the read's page read-only: protection check
    rights = bytearray(b'\x07' * 16)
    rights[3] = 0x03
    write(t, 'read-only-page', cp_seed(orb(), place({
        0x1000: ccw1(0x01, CC, 4, 0x2000) + ccw1(0x02, 0, 4, 0x3000),
        0x2000: b'data'}), ctl=1, rights=bytes(rights)))
    # data in a page that is not shared: -EFAULT at prefetch
    rights = bytearray(b'\x07' * 16)
    rights[5] = 0
    write(t, 'unshared-data', cp_seed(orb(), place({
        0x1000: ccw1(0x02, 0, 16, 0x5000)}), ctl=1, rights=bytes(rights)))
    # the data page's window goes between prefetch and run
    write(t, 'window-removed', cp_seed(orb(), echo, ctl=5, victim=2))
    # a device-orientation loop: TIC back into the segment
    write(t, 'tic-back-loop', cp_seed(orb(), place({
        0x1000: ccw1(0x03, CC, 0, 0) + ccw1(0x02, CC | SLI, 8, 0x2000) +
        ccw1(0x08, 0, 0, 0x1008) + ccw1(0x03, 0, 0, 0)}),
        steps=bytes([1, 0, 0, 0, 4, 0, 0, 0])))
    # 257 chained NOOPs: one past the segment limit, -EINVAL
    write(t, 'chain-too-long', cp_seed(orb(), place({
        0x1000: ccw1(0x03, CC, 0, 0) * 256 + ccw1(0x03, 0, 0, 0)})))
    # no prefetch bit (a warning), LPM 0 (the subchannel's), second init
    write(t, 'no-pfch-lpm0-busy', cp_seed(orb(ctrl0=0x0080, lpm=0), echo,
                                          ctl=8, lpm=0xc0))
    write(t, 'transport-mode', cp_seed(orb(ctrl0=0x00c4), echo))
    write(t, 'midaw', cp_seed(orb(ctrl1=0x40), echo))


# ---- vfio-user messages (host byte order: little-endian here) --------------

VERSION, DMA_MAP, DMA_UNMAP, GET_INFO, GET_REGION_INFO = 1, 2, 3, 4, 5
GET_IRQ_INFO, SET_IRQS, REGION_READ, REGION_WRITE, RESET = 7, 8, 9, 10, 13
WITH_MEMFD, WITH_EVENTFD, SPLIT, FIX_SIZE = 1, 2, 4, 8


def vu_msg(cmd, payload, msg_id=1, flags=0, size=None):
    size = 16 + len(payload) if size is None else size
    return struct.pack('<HHIII', msg_id, cmd, size, flags, 0) + payload


def vu_send(msg, flags=0, split=None):
    out = bytes([flags | (SPLIT if split else 0)])
    if split:
        out += bytes([split])
    return out + be16(len(msg)) + msg


def vu_seed(guest, msgs, steps=b''):
    return steps.ljust(64, b'\0') + be16(len(guest)) + guest + b''.join(msgs)


CAPS = b'{"capabilities":{"max_msg_fds":1,"max_data_xfer_size":4096,' \
    b'"pgsizes":4096}}\0'


def vu_version(caps=CAPS, major=0, minor=0, msg_id=1):
    return vu_send(vu_msg(VERSION, struct.pack('<HH', major, minor) + caps,
                          msg_id))


def vu_region_rw(cmd, region, offset, count, data=b'', msg_id=9):
    return vu_send(vu_msg(cmd, struct.pack('<QII', offset, region, count) +
                          data, msg_id))


def vu_dma_map(iova=0, size=0x10000, prot=3, offset=0):
    return vu_send(vu_msg(DMA_MAP, struct.pack('<IIQQQ', 32, prot, offset,
                                               iova, size), 3), WITH_MEMFD)


def vu_set_irq_eventfd(index):
    return vu_send(vu_msg(SET_IRQS, struct.pack('<IIIII', 20, 4 | 32, index,
                                                0, 1), 4), WITH_EVENTFD)


def io_region(o, fctl=0x4000):
    scsw = be16(0) + be16(fctl) + be32(0) + b'\0' * 4
    return o + scsw + b'\0' * 96 + struct.pack('<I', 0)


def vfio_user_server_msg_seeds():
    t = 'vfio-user-server-msg'
    guest = place({0x100: ccw1(0x01, CC, 16, 0x200) +
                   ccw1(0x02, SLI, 16, 0x280), 0x200: b'echo this, 16 B!'},
                  start=0)
    start = io_region(orb(cpa=0x100))
    write(t, 'session-echo', vu_seed(guest, [
        vu_version(),
        vu_send(vu_msg(GET_INFO, struct.pack('<IIII', 16, 0, 0, 0), 2)),
        vu_send(vu_msg(GET_REGION_INFO, struct.pack('<IIIIQQ', 48, 0, 0, 0,
                                                     0, 0), 2)),
        vu_send(vu_msg(GET_REGION_INFO, struct.pack('<IIIIQQ', 32, 0, 4, 0,
                                                     0, 0), 2)),
        vu_send(vu_msg(GET_IRQ_INFO, struct.pack('<IIII', 16, 0, 0, 0), 2)),
        vu_set_irq_eventfd(0), vu_set_irq_eventfd(1),
        vu_dma_map(),
        vu_region_rw(REGION_WRITE, 0, 0, len(start), start),
        vu_region_rw(REGION_READ, 0, 24, 96),
        vu_region_rw(REGION_READ, 0, 120, 4),
        vu_send(vu_msg(DMA_UNMAP, struct.pack('<IIQQ', 24, 0, 0, 0x10000),
                       5)),
        vu_send(vu_msg(RESET, b'', 6)),
    ]))
    write(t, 'version-variants', vu_seed(b'', [
        vu_version(caps=b'{"capabilities":{"pgsizes":8192}}\0'),
        vu_version(caps=b'not json\0'),
        vu_version(caps=b'{"capabilities":[]}'),
        vu_version(major=1),
        vu_version(caps=b'', minor=7),
        vu_version(),
    ]))
    big = vu_msg(GET_INFO, b'\0' * 16, 7, size=0x20000)
    write(t, 'framing', vu_seed(b'', [
        vu_send(vu_msg(GET_INFO, b'', 1, size=8)),
        vu_version(),
        vu_send(vu_msg(GET_INFO, struct.pack('<IIII', 16, 0, 0, 0), 2,
                       flags=0x10)),
        vu_send(vu_msg(GET_INFO, struct.pack('<IIII', 16, 0, 0, 0), 3,
                       flags=0x01)),
        vu_send(vu_msg(99, b'', 4)),
        vu_send(vu_msg(GET_INFO, struct.pack('<IIII', 16, 0, 0, 0), 5),
                split=10),
        vu_send(vu_msg(GET_INFO, struct.pack('<IIII', 16, 0, 0, 0), 6),
                WITH_MEMFD | WITH_EVENTFD),
        vu_send(vu_msg(GET_INFO, b'\0' * 4, 8, size=0), FIX_SIZE),
        vu_send(big + b'\xaa' * 64),
    ]))
    hsch = struct.pack('<II', 1, 0)
    write(t, 'async-and-regions', vu_seed(guest, [
        vu_version(), vu_dma_map(),
        vu_region_rw(REGION_WRITE, 0, 0, len(start), start),
        vu_region_rw(REGION_WRITE, 1, 0, 8, hsch),
        vu_region_rw(REGION_READ, 1, 0, 8),
        vu_region_rw(REGION_WRITE, 1, 0, 8, struct.pack('<II', 2, 0)),
        vu_region_rw(REGION_READ, 2, 0, 52),
        vu_region_rw(REGION_READ, 3, 0, 8),
        vu_region_rw(REGION_READ, 4, 0, 64),
        vu_region_rw(REGION_READ, 5, 0, 4),
        vu_region_rw(REGION_READ, 0, 0x10000, 4),
        vu_send(vu_msg(DMA_UNMAP, struct.pack('<IIQQ', 24, 2, 0, 0), 5)),
        vu_send(vu_msg(RESET, b'', 6)),
    ]))
    write(t, 'before-version', vu_seed(b'', [
        vu_send(vu_msg(GET_INFO, struct.pack('<IIII', 16, 0, 0, 0), 2)),
        vu_dma_map(),
        vu_region_rw(REGION_READ, 0, 0, 4),
    ]))
    write(t, 'bad-dma-maps', vu_seed(b'', [
        vu_version(),
        vu_dma_map(size=0x20000),
        vu_dma_map(iova=0x800),
        vu_dma_map(iova=0xfffffffffffff000, size=0x2000),
        vu_dma_map(prot=0),
        vu_send(vu_msg(DMA_MAP, struct.pack('<IIQQQ', 32, 3, 0, 0, 0x1000),
                       3)),
        vu_dma_map(), vu_dma_map(),
        vu_send(vu_msg(DMA_UNMAP, struct.pack('<IIQQ', 24, 0, 0x1000,
                                              0x1000), 5)),
    ]))


def vfio_user_server_msg_regressions():
    """Fixed findings, replayed by make check so they stay fixed."""
    t = 'vfio-user-server-msg'
    # An I/O-region write with no function in the SCSW: the mdev answers
    # with the ret_code the client wrote (0xeeeeeeee); the server must
    # not put its negation into error_reply, which takes only an errno.
    region = b'\0' * 24 + b'\0' * 96 + struct.pack('<I', 0xeeeeeeee)
    if len(sys.argv) <= 1:
        write(t, 'regression-error-reply-not-errno', vu_seed(b'', [
            vu_version(caps=b''),
            vu_region_rw(REGION_WRITE, 0, 0, len(region), region)]))


def vfio_user_client_seeds():
    """The stream a vfio-user-ccw server sends to the machine's client."""
    t = 'vfio-user-client'
    ccw_flag, reset_flag = 1 << 4, 1 << 0

    def reply(msg_id, cmd, payload=b''):
        return vu_msg(cmd, payload, msg_id, flags=1)

    def error(msg_id, cmd, err):
        return struct.pack('<HHIII', msg_id, cmd, 16, 1 | 0x20, err)

    caps = b'{"capabilities":{"max_data_xfer_size":4096}}\0'
    version = reply(0, VERSION, struct.pack('<HH', 0, 0) + caps)
    dma_map = reply(1, DMA_MAP)
    info = reply(2, GET_INFO,
                 struct.pack('<IIII', 16, ccw_flag | reset_flag, 5, 3))
    write(t, 'realize', version + dma_map + info)
    # region 0: argsz 32, flags R|W, index 0, cap_offset 0, size 124
    region0 = reply(3, GET_REGION_INFO,
                    struct.pack('<IIIIQQ', 32, 3, 0, 0, 124, 0))
    write(t, 'realize-region0', version + dma_map + info + region0)
    write(t, 'version-refused', error(0, VERSION, 22))
    write(t, 'not-ccw', version + dma_map +
          reply(2, GET_INFO, struct.pack('<IIII', 16, 0, 1, 1)))
    write(t, 'wrong-id', version + reply(7, DMA_MAP))


# ---- I/O instruction sequences ---------------------------------------------

INSNS = ['ssch', 'stsch', 'msch', 'tsch', 'csch', 'hsch', 'xsch', 'rsch',
         'tpi', 'stcrw', 'schm', 'rchp', 'chsc', 'sal']
WITH_OPERAND = {'ssch', 'stsch', 'msch', 'tsch', 'tpi', 'stcrw', 'schm',
                'chsc'}
AREA = {0x1000: 0, 0x2000: 1, 0x3000: 2, 0x4000: 3}    # RAM is 20 KiB


def insn(name, dev=0, gr1=None, area=None, off=0, op2=None):
    """dev 0/1: that device's SID; else gr1 as 8 bytes."""
    out = bytes([INSNS.index(name)])
    out += bytes([dev]) if gr1 is None else bytes([3]) + be64(gr1)
    if name in WITH_OPERAND:
        if op2 is not None:
            out += bytes([7]) + be64(op2)
        else:
            out += bytes([AREA[area], off])
    return out


def wram(addr, data):
    return bytes([14]) + be16(addr) + bytes([len(data)]) + data


def enable(dev, isc=3, intparm=0xcafe0000):
    """STSCH, set ENA and the ISC in the copy, MSCH it back."""
    return insn('stsch', dev, area=0x2000) + \
        wram(0x2000, be32(intparm + dev) + be16(0x0081 | isc << 11)) + \
        insn('msch', dev, area=0x2000)


def css_seed(where=0, host=b'\0\0\0\0', host_schib=b'', ops=b''):
    return bytes([where]) + host + host_schib.ljust(52, b'\0') + ops


def css_ioinst_seeds():
    t = 'css-ioinst'
    prog = wram(0x1000, orb(intparm=0x11, cpa=0x3000)) + \
        wram(0x3000, ccw1(0x01, CC, 4, 0x3100) + ccw1(0x02, SLI, 4, 0x3200) +
             ccw1(0x00, 0, 0, 0)) + wram(0x3100, b'data')
    write(t, 'virtual-ssch-tsch', css_seed(ops=enable(0) + prog +
          insn('ssch', 0, area=0x1000) + bytes([22]) +
          insn('tsch', 0, area=0x4000) + insn('tsch', 0, area=0x4000)))
    irb = be32(0x00c04017) + be32(0x3008) + be32(0x0c000000) + b'\0' * 84
    host_schib = be32(0) + be16(0x0001) + be16(0x0313) + \
        bytes([0x80, 0, 0, 0xc0, 0, 0, 0xff, 0xc0]) + \
        bytes([0x40, 0x41, 0, 0, 0, 0, 0, 0]) + be32(0)
    write(t, 'passthrough-irb', css_seed(host_schib=host_schib, ops=enable(1) +
          prog + insn('ssch', 1, area=0x1000) + bytes([15]) + irb +
          insn('stsch', 1, area=0x2000) + insn('tsch', 1, area=0x4000)))
    write(t, 'passthrough-errors', css_seed(host=bytes([4, 2, 5, 1]),
          ops=enable(1) + prog + insn('ssch', 1, area=0x1000) +
          insn('tsch', 1, area=0x4000) + insn('hsch', 1) + insn('csch', 1) +
          bytes([16, 1]) + insn('tsch', 1, area=0x4000) +
          insn('stsch', 1, area=0x2000)))
    write(t, 'hold-halt-clear-cancel', css_seed(ops=enable(0) + prog +
          bytes([23, 1]) + insn('ssch', 0, area=0x1000) + insn('xsch', 0) +
          insn('ssch', 0, area=0x1000) + insn('hsch', 0) + bytes([17]) +
          insn('tsch', 0, area=0x4000) + bytes([23, 1]) +
          insn('ssch', 0, area=0x1000) + insn('csch', 0) +
          insn('tsch', 0, area=0x4000)))
    scsc = be16(16) + be16(0x0010) + b'\0' * 12
    sda = be16(32) + be16(0x0031) + b'\0' * 4 + be16(0) + be16(2) + \
        b'\0' * 20
    write(t, 'crw-rchp-chsc', css_seed(ops=insn('rchp', gr1=0x00) +
          insn('stcrw', area=0x3000) + insn('stcrw', area=0x3000) +
          wram(0x4000, scsc) + insn('chsc', area=0x4000) +
          wram(0x4000, sda) + insn('chsc', area=0x4000) +
          bytes([19]) + be32(0x00830313) + insn('stcrw', area=0x3000) +
          bytes([25, 6]) + insn('stcrw', area=0x3000) + bytes([24]) +
          insn('stcrw', area=0x3000) + insn('sal', gr1=0)))
    write(t, 'squash-unsolicited-tpi', css_seed(where=0x11, ops=enable(0) +
          enable(1, isc=5) + bytes([18, 0, 0x80]) + bytes([18, 1, 0x80]) +
          bytes([21, 0]) + be32(0xff000000) + insn('tpi', area=0x3000) +
          insn('tpi', op2=0) + insn('tsch', 0, area=0x4000) + bytes([20]) +
          insn('stsch', 0, area=0x2000)))
    write(t, 'problem-state', css_seed(ops=bytes([21, 1]) + be32(0) +
          insn('ssch', 0, area=0x1000) + insn('stcrw', area=0x3000)))
    susp = wram(0x1000, orb(intparm=0x22, ctrl0=0x08c0, cpa=0x3000)) + \
        wram(0x3000, ccw1(0x03, CC, 0, 0) + ccw1(0x01, SUSP, 4, 0x3100))
    write(t, 'schm-suspend-resume', css_seed(ops=insn('schm', gr1=2,
          area=0x2000, off=0x40) + enable(0) + susp +
          insn('ssch', 0, area=0x1000) + insn('tsch', 0, area=0x4000) +
          wram(0x3009, b'\0') + insn('rsch', 0) +
          insn('tsch', 0, area=0x4000) + insn('schm', gr1=0, area=0x1000)))
    write(t, 'bad-operands', css_seed(ops=insn('ssch', 0, op2=0x1001) +
          insn('stsch', gr1=0x00000001, area=0x1000) +
          insn('msch', 0, op2=0xffffffffffff0000) +
          insn('tsch', gr1=0x0001ffff, area=0x4000) +
          insn('chsc', op2=0x4100) + insn('schm', gr1=0xffffffff, op2=1)))


if __name__ == '__main__':
    ckd_track_seeds()
    ckd_open_seeds()
    ccw_interp_seeds()
    css_ioinst_seeds()
    cp_translate_seeds()
    vfio_user_server_msg_seeds()
    vfio_user_server_msg_regressions()
    vfio_user_client_seeds()
