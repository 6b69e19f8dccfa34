#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang, ASan+UBSan; in the build
# folder tools/sanitize.sh uses, so after it nothing is compiled twice) and
# runs each for a bounded time on a seed corpus generated from samples/,
# printing the executions per target. A crash fails the run; its input is kept under
# BUILD_DIR/crashes/ and belongs in tests/fuzz/regressions/TARGET/ (replayed by
# the unit test regression_fuzz_test.cpp) once fixed.
# Usage: tools/fuzz.sh [BUILD_DIR]   env: FUZZ_SECONDS (default 30) per target,
#        FUZZ_JOBS targets at once (default: number of cores), FUZZ_TARGETS.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
seconds=${FUZZ_SECONDS:-30}
jobs=${FUZZ_JOBS:-$(nproc)}
targets=${FUZZ_TARGETS:-"text html jsonl extractor mentions export publish"}
cxx=${CXX:-clang++}
start=$(date +%s)

cmake -S . -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
      -DAIKG_SANITIZE=ON -DAIKG_FUZZ=ON -DAIKG_WERROR=OFF > /dev/null
cmake --build "$build" -j"$(nproc)" --target $(printf 'fuzz_%s ' $targets) aikg
built=$(date +%s)

# Seed corpora (regenerated each run, kept between runs so fuzzing resumes).
corpus=$build/corpus
mkdir -p "$build/crashes"
for t in $targets; do mkdir -p "$corpus/$t"; done
seed() { cp "$2" "$corpus/$1/seed_$(basename "$2")" 2>/dev/null || true; }
for f in samples/*.txt; do seed text "$f"; seed extractor "$f"; done
for f in samples/*.html; do seed html "$f"; done
i=0
while IFS= read -r line; do
  i=$((i + 1)); printf '%s' "$line" > "$corpus/jsonl/seed_wire_$i"
done < samples/wire.jsonl
# Mention lines from the instrumented aikg itself; a sanitizer report there is
# the extractor target's to find, so it does not stop the seeding.
ASAN_OPTIONS=detect_leaks=0:halt_on_error=0 "$build"/aikg extract samples 2> /dev/null > "$build/mentions.jsonl" ||
  echo "fuzz: aikg extract failed while seeding (the extractor target will show why)" >&2
i=0
while IFS= read -r line; do
  i=$((i + 1))
  for t in mentions export publish; do [ -d "$corpus/$t" ] && printf '%s' "$line" > "$corpus/$t/seed_$i"; done
done < "$build/mentions.jsonl"
for t in $targets; do
  [ -d "tests/fuzz/regressions/$t" ] && cp tests/fuzz/regressions/"$t"/* "$corpus/$t/" 2>/dev/null || true
done

# Readers take whole files, so allow long inputs; the extractor is bounded
# (its time grows with the square of a sentence's length, see issue 7).
max_len() { case $1 in extractor) echo 4096 ;; mentions|jsonl|export|publish) echo 16384 ;; *) echo 65536 ;; esac; }
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_one() {
  "$build/tests/fuzz/fuzz_$1" "$corpus/$1" -dict=tests/fuzz/aikg.dict -max_total_time="$seconds" -max_len="$(max_len "$1")" \
    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/crashes/$1-" \
    > "$build/$1.log" 2>&1
}
pids=() names=() failed=()
for t in $targets; do
  run_one "$t" &
  pids+=($!) names+=("$t")
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || failed+=("${names[0]}")
    pids=("${pids[@]:1}") names=("${names[@]:1}")
  fi
done
for k in "${!pids[@]}"; do wait "${pids[$k]}" || failed+=("${names[$k]}"); done

for t in $targets; do
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$build/$t.log")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$build/$t.log")
  echo "fuzz: $t: ${execs:-?} executions (${rate:-?}/s), corpus $(ls "$corpus/$t" | wc -l) inputs"
done
end=$(date +%s)
if [ ${#failed[@]} -gt 0 ]; then
  for t in "${failed[@]}"; do
    echo "fuzz: $t FAILED; log $build/$t.log, inputs $(ls "$build"/crashes/"$t"-* 2>/dev/null | tr '\n' ' ')" >&2
    grep -m1 -A12 "ERROR\|runtime error\|deadly signal\|Timeout" "$build/$t.log" >&2 || true
  done
  exit 1
fi
echo "fuzz: ok (build $((built - start)) s, fuzzing $((end - built)) s)"
