#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Check that every file of the source tree is covered by an F: pattern of
MAINTAINERS (a trailing slash covers a whole folder; other patterns are
shell globs on the path).  Prints each uncovered file and exits 1, or
prints a count and exits 0.  Files come from `git ls-files`, or from a
walk of the tree outside a git checkout (build folders skipped)."""
import fnmatch
import os
import subprocess
import sys


def tree_files(top):
    try:
        out = subprocess.run(['git', 'ls-files'], cwd=top, check=True,
                             capture_output=True, text=True).stdout
        return out.split()
    except (OSError, subprocess.CalledProcessError):
        files = []
        for d, dirs, names in os.walk(top):
            dirs[:] = [x for x in dirs
                       if not x.startswith(('build', '.git'))]
            files += [os.path.relpath(os.path.join(d, n), top) for n in names]
        return files


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else '.'
    with open(os.path.join(top, 'MAINTAINERS'), encoding='utf-8') as f:
        pats = [l[3:].strip() for l in f if l.startswith('F: ')]
    missing = [p for p in tree_files(top)
               if not any(p.startswith(pat) if pat.endswith('/')
                          else fnmatch.fnmatch(p, pat) for pat in pats)]
    for p in missing:
        print(f'MAINTAINERS does not cover {p}')
    if missing:
        sys.exit(1)
    print('MAINTAINERS covers every file')


if __name__ == '__main__':
    main()
