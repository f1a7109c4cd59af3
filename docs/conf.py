# SPDX-License-Identifier: GPL-2.0-or-later
# Sphinx configuration: `sphinx-build docs build/docs` renders the manuals.
project = 'qemu-s390x-ccw'
copyright = 'the qemu-s390x-ccw developers'
master_doc = 'index'
exclude_patterns = ['_build']
html_theme = 'alabaster'
