# Crash safety (issue 7): a large ingest killed with kill -9 at several
# points. After every kill the database passes integrity_check and
# foreign_key_check and holds no half-ingested document (each document has
# exactly the evidence `aikg extract` gives for its text); re-runs complete to
# exactly the state of an uninterrupted run. Then the same for an ingest that
# replaces documents with new versions (the update path).
source "$(dirname "$0")/lib.sh"
py=$(dirname "$0")/db_state.py
n=${CRASH_DOCS:-1200}
python3 "$py" corpus "$WORK/v1.jsonl" "$n" 7
python3 "$py" corpus "$WORK/v2.jsonl" "$n" 7 " (revised)"
# Only every other article changes in v2: keep the odd lines of v1.
awk 'NR % 2 == 0' "$WORK/v2.jsonl" > "$WORK/v2_even"
awk 'NR % 2 == 1' "$WORK/v1.jsonl" > "$WORK/v1_odd"
paste -d '\n' "$WORK/v1_odd" "$WORK/v2_even" | sed '/^$/d' > "$WORK/v2.jsonl"
"$AIKG" extract "$WORK/v1.jsonl" > "$WORK/m1.json"
"$AIKG" extract "$WORK/v2.jsonl" > "$WORK/m2.json"

# Uninterrupted reference runs: v1, then v1 followed by v2.
"$AIKG" ingest --db "$WORK/clean.db" --batch 50 "$WORK/v1.jsonl" > /dev/null
python3 "$py" dump "$WORK/clean.db" "$WORK/clean1.dump"
start=$(date +%s.%N)
"$AIKG" ingest --db "$WORK/clean.db" --batch 50 "$WORK/v2.jsonl" > /dev/null
full=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
python3 "$py" dump "$WORK/clean.db" "$WORK/clean2.dump"

kills=0
# Starts an ingest, kills it with SIGKILL after $2 seconds and checks the file.
kill_during() {  # input delay
  local pid docs
  "$AIKG" ingest --db "$WORK/crash.db" --batch 50 "$1" > /dev/null 2> "$WORK/kill.err" &
  pid=$!
  sleep "$2"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    kills=$((kills + 1))
  else
    wait "$pid" || fail "ingest failed before the kill: $(cat "$WORK/kill.err")"
  fi
  docs=$(python3 "$py" check "$WORK/crash.db" "$WORK/m1.json" "$WORK/m2.json") || fail "after kill at ${2}s of $1"
  echo "killed at ${2}s: $docs documents, consistent"
}

# Phase 1: kills early (schema creation), mid-batch and late, each re-run
# resuming from what the previous one committed.
for delay in 0.05 0.4 0.9 1.5 2.2; do kill_during "$WORK/v1.jsonl" "$delay"; done
"$AIKG" ingest --db "$WORK/crash.db" --batch 50 "$WORK/v1.jsonl" > /dev/null || fail "re-run after kills"
python3 "$py" dump "$WORK/crash.db" "$WORK/crash1.dump"
diff -q "$WORK/clean1.dump" "$WORK/crash1.dump" > /dev/null ||
  fail "state after kills and a re-run differs from an uninterrupted run: $(diff "$WORK/clean1.dump" "$WORK/crash1.dump" | head -5)"

# Phase 2: kills while new versions replace old ones.
for delay in 0.3 0.8 1.3; do kill_during "$WORK/v2.jsonl" "$delay"; done
"$AIKG" ingest --db "$WORK/crash.db" --batch 50 "$WORK/v2.jsonl" > /dev/null || fail "re-run of the update after kills"
python3 "$py" check "$WORK/crash.db" "$WORK/m2.json" > /dev/null || fail "final state"
python3 "$py" dump "$WORK/crash.db" "$WORK/crash2.dump"
diff -q "$WORK/clean2.dump" "$WORK/crash2.dump" > /dev/null ||
  fail "updated state after kills differs from an uninterrupted run: $(diff "$WORK/clean2.dump" "$WORK/crash2.dump" | head -5)"
[ "$kills" -ge 5 ] || fail "only $kills of 8 kills hit a running ingest (the update ingest took ${full}s)"
echo "ok: $kills kill -9 survived, final state equals an uninterrupted run ($n documents)"
