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
