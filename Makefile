# SPDX-License-Identifier: GPL-2.0-or-later
#
# Forwards to meson/ninja.  Every target installs the Debian packages it
# needs first (scripts/install-deps.sh), so a fresh machine needs one
# command:  make | make check | make demo | make bench
BUILD ?= build
ASAN_BUILD ?= build-asan
MESON_TEST = meson test --print-errorlogs --num-processes 2

.PHONY: all deps check check-asan check-s390x demo bench fuzz soak clean distclean

all: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

deps:
	@bash scripts/install-deps.sh

$(BUILD)/build.ninja:
	./configure --builddir=$(BUILD)

check: all
	$(MESON_TEST) -C $(BUILD)

# The whole suite again under AddressSanitizer + UBSan (no recover).
$(ASAN_BUILD)/build.ninja:
	./configure --builddir=$(ASAN_BUILD) --enable-sanitizers

check-asan: deps $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD)
	G_SLICE=always-malloc G_DEBUG=gc-friendly \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	$(MESON_TEST) -C $(ASAN_BUILD)

# The main job end to end on a real volume: dasdload makes a 3390,
# vfio-user-ccw serves it, the machine passes it through, ccw-guest drives
# it with channel programs (installs, configures and builds by itself).
demo:
	BUILD=$(BUILD) bash scripts/demo.sh

# ccw-bench: the full passthrough path against its baselines (IPC floor,
# DASD model alone, memcpy); table on stdout, ratios in the JSON.
bench: all
	$(BUILD)/tests/bench/ccw-bench --json $(BUILD)/bench/ccw-bench.json

# libFuzzer on every target for FUZZ_SECONDS each (clang, ASan+UBSan, in
# build-fuzz); make check only replays the corpora.
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The soak test for SOAK_SECONDS (make check runs it for 3 s): eight
# servers, eight subchannels, random verified I/O, RSS at start and end.
SOAK_SECONDS ?= 600
soak: all
	BUILD=$(BUILD) tests/functional/soak $(SOAK_SECONDS)

# The suite again as a big-endian s390x build, run under qemu-user: the
# machine and vfio-user-ccw both run as s390x programs there.
check-s390x: deps
	scripts/check-s390x.sh

clean:
	[ ! -f $(BUILD)/build.ninja ] || ninja -C $(BUILD) clean

distclean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-s390x build-s390x-ubsan build-fuzz
