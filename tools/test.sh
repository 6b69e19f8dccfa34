#!/usr/bin/env bash
# Sets up (installing missing Debian packages), builds with warnings as errors
# and runs the whole test suite: Catch2 unit tests and end-to-end tests of the
# real binary.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build-test RelWithDebInfo --with-tests
cmake -S . -B build-test -DAIKG_WERROR=ON >/dev/null
cmake --build build-test -j"$(nproc)"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
# In CI (CI=true) or on request (AIKG_FULL=1): the suite again under
# ASan+UBSan, then each libFuzzer target for FUZZ_SECONDS (default 45).
if [ "${CI:-}" = true ] || [ "${AIKG_FULL:-}" = 1 ]; then
  tools/sanitize.sh
  tools/fuzz.sh
fi
