# Issue 15, class 8: --jobs out of range is a usage error, never
# std::terminate; threads the system cannot start are done without.
source "$(dirname "$0")/lib.sh"
article=$SRC/samples/en_stargate_launch.txt
for jobs in -1 -5 257 100000 18446744073709551615 99999999999999999999 abc; do
  set +e; err=$("$AIKG" ingest --db "$WORK/j.db" --jobs "$jobs" "$article" 2>&1); rc=$?; set -e
  expect_eq "$rc" 2 "--jobs $jobs"
  expect_contains "$err" "jobs" "--jobs $jobs names the option"
  grep -q terminate <<<"$err" && fail "--jobs $jobs: $err"
done
[ -e "$WORK/j.db" ] && fail "a refused --jobs created the database"
# 0 is one thread per core; 1 and 256 are in range.
for jobs in 0 1 256; do
  "$AIKG" ingest --db "$WORK/j$jobs.db" --jobs "$jobs" "$SRC/samples" > /dev/null 2>&1 || [ $? = 1 ] || fail "--jobs $jobs"
done
# Address space for a few thread stacks only (8 MiB each): 256 extraction
# threads cannot all start. The ingest runs with those that could, and stores
# what one thread stores.
"$AIKG" relations --json --db "$WORK/j1.db" > "$WORK/one.json"
# AddressSanitizer reserves terabytes of shadow address space at start, so an
# instrumented binary cannot run under ulimit -v at all: that case is for the
# plain build (tools/sanitize.sh exports ASAN_OPTIONS).
if [ -z "${ASAN_OPTIONS:-}" ]; then
  set +e; err=$(ulimit -v 400000; "$AIKG" ingest --db "$WORK/limited.db" --jobs 256 "$SRC/samples" 2>&1 > /dev/null); rc=$?; set -e
  grep -q terminate <<<"$err" && fail "thread creation failure: $err"
  [ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "ingest with threads unavailable exited $rc: $err"
  "$AIKG" relations --json --db "$WORK/limited.db" > "$WORK/limited.json"
  cmp -s "$WORK/one.json" "$WORK/limited.json" || fail "ingest with few threads differs from one thread"
else
  echo "jobs_range: the ulimit -v case skipped under AddressSanitizer"
fi
echo "jobs_range: ok"
