#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Compare two Hercules CKD_P370 images track by track.

Each track is compared from its home address up to and including the
8 x 0xFF end-of-track marker; bytes after the marker are padding that
tools may leave stale or zero.  Exit 0 when every track matches, 1 with
one line naming the first differing track otherwise.  Formats:
facts-dasd-eckd.md section 3 (512-byte header: heads and track size
little-endian at offsets 8 and 12).
"""
import struct
import sys


def tracks(path):
    with open(path, 'rb') as f:
        hdr = f.read(512)
        if hdr[:8] != b'CKD_P370':
            sys.exit(f'{path}: not a CKD_P370 image')
        trksize = struct.unpack_from('<I', hdr, 12)[0]
        n = 0
        while True:
            trk = f.read(trksize)
            if not trk:
                return
            if len(trk) != trksize:
                sys.exit(f'{path}: track {n} is truncated')
            end = trk.find(b'\xff' * 8, 5 + 16)
            if end < 0:
                sys.exit(f'{path}: track {n} has no end-of-track marker')
            yield trk[:end + 8]
            n += 1


def main():
    a, b = sys.argv[1], sys.argv[2]
    n = -1
    for n, (ta, tb) in enumerate(zip(tracks(a), tracks(b), strict=True)):
        if ta != tb:
            sys.exit(f'track {n} (cyl {n // 15} head {n % 15}) differs')
    print(f'{n + 1} tracks identical')


if __name__ == '__main__':
    main()
