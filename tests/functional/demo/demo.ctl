# SPDX-License-Identifier: GPL-2.0-or-later
# Hercules dasdload control file for the ccw-guest demo and tests:
# a 20-cylinder 3390 labelled DEMO01 with a text data set (guide.txt), a
# partitioned data set (members/*.txt, packed into lib.xmi by mkxmit.py
# before dasdload runs; its DCB comes from that file), a scratch data set
# that ccw-guest rewrites, and a 5-track VTOC.
#
# dsname          method  file       space       dir dsorg recfm lrecl blksize
DEMO01 3390 20
DEMO.GUIDE.TEXT   TEXT    guide.txt  trk 2 1 0       ps    fb    80    800
DEMO.LIB.PDS      XMIT    lib.xmi    trk 5 1 0
DEMO.SCRATCH      EMPTY              trk 15 0 0      ps    fb    80    3200
SYSVTOC           VTOC               trk 5
