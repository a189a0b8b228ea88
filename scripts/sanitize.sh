#!/usr/bin/env bash
# make sanitize: the whole test suite under AddressSanitizer (with LeakSanitizer), then under ThreadSanitizer —
# the parallel algorithms, the Graphviz lock, the score command's account pool. The CLI tests run the tiemap
# binary built with the same sanitizer (TIEMAP_BIN), so a report in the command fails its test. Each sanitizer
# builds in its own folder (.build-asan, .build-tsan) beside the normal .build. Leaks inside the system's libraries
# (Graphviz, fontconfig, glib, the XCTest runner) are suppressed by scripts/lsan.supp; the hang guards' time bounds
# are scaled (TIEMAP_TIME_SCALE) for the slower builds.
set -euo pipefail
cd "$(dirname "$0")/.."
for s in ${SANITIZERS:-address thread}; do
  dir=.build-${s:0:1}san
  echo "== $s sanitizer ($dir)"
  swift build --sanitize="$s" --build-path "$dir"
  # halt_on_error: the first report fails the run, whatever test it is in.
  scale=4; [ "$s" = thread ] && scale=10
  TIEMAP_BIN=$PWD/$dir/debug/tiemap TIEMAP_TIME_SCALE=$scale \
  ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0 \
  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    swift test --sanitize="$s" --build-path "$dir"
done
echo "sanitize: clean under ${SANITIZERS:-address thread}"
