#!/usr/bin/env bash
# Builds aikg with AddressSanitizer + UndefinedBehaviorSanitizer (leak checks
# on, any UB report fatal) in its own build folder and runs the unit tests,
# then every end-to-end test with the instrumented binary (about 3 minutes).
# Usage: tools/sanitize.sh [BUILD_DIR]   (env: CXX to pick the compiler,
#        clang++ by default; SANITIZE_E2E="names" to choose the e2e tests,
#        "all" for every one, "" for none; by default all but the Python-bound
#        networkx_compare and dask_scaleout and the process tests crash_safety
#        and concurrency)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
cxx=${CXX:-$(command -v clang++ || command -v g++)}
# By default every e2e test but those whose work is in Python (the NetworkX
# and Dask comparisons run the same aikg calls the other tests make) and the
# two whose subject is processes, not memory (kill -9 during an ingest, two
# writers at once: a minute each under ASan, on ingest paths the other tests
# run here too; the plain stage runs them).
e2e=${SANITIZE_E2E-default}
start=$(date +%s)

# -O1 keeps the build and the run fast; sanitizer reports need frame pointers
# and line tables only (-gline-tables-only), not full debug info: a faster build.
# With clang the same build also carries the fuzz targets (tools/fuzz.sh).
fuzz=OFF
debug_info=-g1
case $("$cxx" --version) in *clang*) fuzz=ON debug_info=-gline-tables-only ;; esac
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 $debug_info" \
      -DAIKG_SANITIZE=ON -DAIKG_FUZZ=$fuzz -DAIKG_BUILD_TESTS=ON -DAIKG_WERROR=OFF > /dev/null
cmake --build "$build" -j"$(nproc)" --target aikg aikg_unit_tests
built=$(date +%s)

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=${LSAN_SUPPRESSIONS:-/dev/null}
# e2e.hostile_inputs reads a 5 MB single line here instead of 50 MB (same code
# path; the memory bound is checked by the plain run).
export AIKG_E2E_HUGE_MB=5

echo "sanitize: unit tests under ASan+UBSan" >&2
"$build"/tests/aikg_unit_tests --order rand --rng-seed 7 | tail -n 3

if [ "$e2e" = default ]; then
  ctest --test-dir "$build" -R '^e2e\.' -E '^e2e\.(networkx_compare|dask_scaleout|crash_safety|concurrency)$' --output-on-failure -j"$(nproc)"
elif [ "$e2e" = all ]; then
  ctest --test-dir "$build" -R '^e2e\.' --output-on-failure -j"$(nproc)"
elif [ -n "$e2e" ]; then
  regex=$(printf '^e2e\\.%s$|' $e2e)
  ctest --test-dir "$build" -R "${regex%|}" --output-on-failure -j"$(nproc)"
fi
end=$(date +%s)
echo "sanitize: ok (build $((built - start)) s, tests $((end - built)) s)" >&2
