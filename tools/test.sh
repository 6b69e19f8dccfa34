#!/usr/bin/env bash
# Sets up and runs every test: installs what is missing, builds with -Werror,
# runs the unit and end-to-end tests (ctest); then the suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer, and each libFuzzer target for
# FUZZ_SECONDS (default 5) on its seed corpus. AIKG_QUICK=1 stops after ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build-test RelWithDebInfo --with-tests -DAIKG_WERROR=ON -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
if [ "${AIKG_QUICK:-}" != 1 ]; then
  tools/sanitize.sh
  FUZZ_SECONDS=${FUZZ_SECONDS:-5} tools/fuzz.sh
fi
