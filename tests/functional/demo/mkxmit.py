#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Pack text files into a TSO TRANSMIT (XMIT) file of a partitioned data
set, the input that Hercules dasdload's XMIT method reads.

    mkxmit.py OUT.xmi DSNAME MEMBER=FILE...

Each text line becomes one 80-byte record in EBCDIC code page 037 (blank
padded); records are blocked 39 to a 3120-byte block (RECFM=FB).

Layout, as the TSO/E and DFSMSdfp documentation describe it and as
dasdload parses it:

  XMIT file    80-byte card images carrying segments: a length byte (the
               segment's size, these 2 bytes included), a flag byte (0x80
               first segment of a record, 0x40 last, 0x20 control record),
               then up to 253 bytes of the logical record.
  records      INMR01 (header), INMR02 (file 1 was made by IEBCOPY, with
               the data set's attributes), INMR03 (data follows), the
               IEBCOPY unload records, INMR06 (end).  Control records are
               the EBCDIC name followed by text units: key (2 bytes),
               number of fields (2), then per field a length (2) and data.
  unload       COPYR1 (56 bytes: unload format, header id CA6D0F, DCB
               attributes, device characteristics), COPYR2 (276 bytes: the
               DEB's extent count and extent descriptors), then one block
               per record: 12-byte header (4 reserved, CC, HH, R, KL, DL)
               + key + data.  First the directory blocks (8-byte key, 256
               bytes of data), then 12 zero bytes, then the members'
               blocks, each member closed by an end-of-file block.
  TTRs         relative track (within the unloaded extents) and record
               of a member's first block; dasdload maps them to where it
               puts the blocks and rewrites the directory.
"""
import sys

LRECL = 80
BLKSIZE = 3120
HEADS = 15
CELLS = 1729            # 3390 track capacity in 34-byte cells


def ebcdic(text, width=None):
    raw = text.encode('cp037')
    if width is not None:
        if len(raw) > width:
            raise SystemExit('mkxmit: %r is longer than %d' % (text, width))
        raw += b'\x40' * (width - len(raw))
    return raw


def cells(kl, dl):
    """3390 capacity formula (facts-dasd-eckd.md 1.2)."""
    def up(a, b):
        return (a + b - 1) // b
    c = 19 + up(dl + 6 * (up(dl + 6, 232) + 1), 34)
    if kl:
        c += 9 + up(kl + 6 * (up(kl + 6, 232) + 1), 34)
    return c


class Tracks:
    """Place records on the tracks of the pretend original data set."""

    def __init__(self):
        self.tt, self.rec, self.used = 0, 0, 0

    def place(self, kl, dl):
        c = cells(kl, dl)
        if self.used + c > CELLS:
            self.tt, self.rec, self.used = self.tt + 1, 0, 0
        self.rec += 1
        self.used += c
        return self.tt, self.rec


def block(tt, rec, key, data):
    cyl, head = divmod(tt, HEADS)
    return (bytes(4) + cyl.to_bytes(2, 'big') + head.to_bytes(2, 'big') +
            bytes([rec, len(key)]) + len(data).to_bytes(2, 'big') + key + data)


def text_unit(key, *fields):
    out = key.to_bytes(2, 'big') + len(fields).to_bytes(2, 'big')
    for f in fields:
        out += len(f).to_bytes(2, 'big') + f
    return out


def num(value, size):
    return value.to_bytes(size, 'big')


def segments(record, control):
    out = b''
    for pos in range(0, max(len(record), 1), 253):
        piece = record[pos:pos + 253]
        flags = 0x20 if control else 0
        if pos == 0:
            flags |= 0x80
        if pos + 253 >= len(record):
            flags |= 0x40
        out += bytes([len(piece) + 2, flags]) + piece
    return out


def main(argv):
    if len(argv) < 4:
        raise SystemExit(__doc__.split('\n\n')[1])
    out, dsname, specs = argv[1], argv[2].upper(), argv[3:]
    members = []
    for spec in specs:
        name, path = spec.split('=', 1)
        with open(path, encoding='ascii') as f:
            lines = f.read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        members.append((name.upper(), [ebcdic(l, LRECL) for l in lines]))
    members.sort()

    # Directory: entries of 12 bytes (name, TTR, C=0), 21 to a block,
    # then the end marker; two spare blocks that hold only the marker.
    entries_per_block = (256 - 2) // 12
    nblocks = len(members) // entries_per_block + 1
    ndir = nblocks + 2
    trk = Tracks()
    dir_places = [trk.place(8, 256) for _ in range(ndir)]

    # Member blocks after the directory, each member closed by an EOF.
    unload_members = []
    ttrs = {}
    per_block = BLKSIZE // LRECL
    for name, recs in members:
        blocks = []
        for i in range(0, len(recs), per_block):
            data = b''.join(recs[i:i + per_block])
            tt, rec = trk.place(0, len(data))
            ttrs.setdefault(name, (tt, rec))
            blocks.append(block(tt, rec, b'', data))
        tt, rec = trk.place(0, 0)
        ttrs.setdefault(name, (tt, rec))
        blocks.append(block(tt, rec, b'', b''))
        unload_members.append(blocks)
    ntracks = trk.tt + 1

    dir_blocks = []
    names = [n for n, _ in members]
    for b in range(ndir):
        chunk = names[b * entries_per_block:(b + 1) * entries_per_block]
        data = b''
        for n in chunk:
            tt, rec = ttrs[n]
            data += ebcdic(n, 8) + num(tt, 2) + bytes([rec, 0])
        last = b * entries_per_block + len(chunk) == len(names)
        if last or b >= nblocks:
            data += b'\xff' * 8 + bytes(4)
            key = b'\xff' * 8
        else:
            key = ebcdic(chunk[-1], 8)
        used = 2 + len(data)
        data = num(used, 2) + data + bytes(256 - used)
        tt, rec = dir_places[b]
        dir_blocks.append(block(tt, rec, key, data))

    copyr1 = (bytes([0x00]) + b'\xca\x6d\x0f' +       # old format, id
              num(0x0200, 2) + num(BLKSIZE, 2) + num(LRECL, 2) +
              bytes([0x90, 0, 0, 0]) +                  # FB, keylen, ...
              num(BLKSIZE + 12, 2) +                    # unload block size
              num(0x3010200F, 4) +                      # UCB type: 3390
              num(56664, 4) + num(ntracks // HEADS + 1, 2) + num(HEADS, 2) +
              num(58786, 2) + bytes(6) +                # track length ...
              bytes(2) + bytes(18))                     # 2 headers, dates
    assert len(copyr1) == 56
    last_tt = ntracks - 1
    extent = (bytes(6) + num(0, 2) + num(0, 2) +
              num(last_tt // HEADS, 2) + num(last_tt % HEADS, 2) +
              num(ntracks, 2))
    copyr2 = bytes([1]) + bytes(15) + extent + bytes(16 * 15) + bytes(4)
    assert len(copyr2) == 276

    qualifiers = [ebcdic(q) for q in dsname.split('.')]
    inmr01 = (ebcdic('INMR01') +
              text_unit(0x0042, num(80, 2)) +                 # INMLRECL
              text_unit(0x1011, ebcdic('HERCULES')) +         # INMFNODE
              text_unit(0x1012, ebcdic('CCWGUEST')) +         # INMFUID
              text_unit(0x1001, ebcdic('HERCULES')) +         # INMTNODE
              text_unit(0x1002, ebcdic('CCWGUEST')) +         # INMTUID
              text_unit(0x1024, ebcdic('20260101000000')) +   # INMFTIME
              text_unit(0x102F, num(1, 1)))                   # INMNUMF
    inmr02 = (ebcdic('INMR02') + num(1, 4) +
              text_unit(0x1028, ebcdic('IEBCOPY')) +          # INMUTILN
              text_unit(0x102C, num(ntracks * 56664, 4)) +    # INMSIZE
              text_unit(0x003C, num(0x0200, 2)) +             # INMDSORG PO
              text_unit(0x0030, num(BLKSIZE, 2)) +            # INMBLKSZ
              text_unit(0x0049, num(0x9000, 2)) +             # INMRECFM FB
              text_unit(0x0042, num(LRECL, 2)) +              # INMLRECL
              text_unit(0x000C, num(ndir, 2)) +               # INMDIR
              text_unit(0x0002, *qualifiers))                 # INMDSNAM
    inmr03 = (ebcdic('INMR03') +
              text_unit(0x102C, num(ntracks * 56664, 4)) +    # INMSIZE
              text_unit(0x003C, num(0x4000, 2)) +             # INMDSORG PS
              text_unit(0x0042, num(BLKSIZE + 12, 2)) +       # INMLRECL
              text_unit(0x0049, num(0x0001, 2)))              # INMRECFM

    stream = segments(inmr01, True) + segments(inmr02, True)
    stream += segments(inmr03, True)
    stream += segments(copyr1, False) + segments(copyr2, False)
    for b in dir_blocks:
        stream += segments(b, False)
    stream += segments(bytes(12), False)                      # end of dir
    for blocks in unload_members:
        for b in blocks:
            stream += segments(b, False)
    stream += segments(ebcdic('INMR06'), True)
    stream += bytes(-len(stream) % 80)                        # whole cards
    with open(out, 'wb') as f:
        f.write(stream)


if __name__ == '__main__':
    main(sys.argv)
