# `aikg ingest --jobs N` extracts on N threads with one writer in input order:
# the database must be the same as with --jobs 1, ids included, and a broken
# file in the batch must be reported the same way and lose nothing else.
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
$PY "$SRC/tests/e2e/db_state.py" corpus "$WORK/corpus.jsonl" 300 5
printf '\xff\xfe broken' > "$WORK/broken.txt"
inputs=("$SRC/samples" "$WORK/corpus.jsonl" "$WORK/broken.txt")

for jobs in 1 2 3; do
  status=0
  "$AIKG" ingest --db "$WORK/j$jobs.db" --jobs "$jobs" "${inputs[@]}" > "$WORK/out$jobs" 2> "$WORK/err$jobs" || status=$?
  expect_eq "$status" 1 "exit status with a broken file (--jobs $jobs)"
  expect_contains "$(cat "$WORK/err$jobs")" "broken.txt" "broken file reported (--jobs $jobs)"
  $PY "$SRC/tests/e2e/db_state.py" dump "$WORK/j$jobs.db" "$WORK/state$jobs"
  sqlite3 "$WORK/j$jobs.db" "select id, name from entities order by id; select id, type, source_id, target_id from relations order by id;
    select id, relation_id, document_id, begin_char from evidence order by id" > "$WORK/ids$jobs"
done
[ "$(sqlite3 "$WORK/j1.db" "select count(*) from evidence")" -gt 1000 ] || fail "too little evidence to compare"
for jobs in 2 3; do
  diff -q "$WORK/state1" "$WORK/state$jobs" > /dev/null || fail "--jobs $jobs: graph differs from --jobs 1"
  diff -q "$WORK/ids1" "$WORK/ids$jobs" > /dev/null || fail "--jobs $jobs: ids differ from --jobs 1"
  expect_eq "$(cat "$WORK/out$jobs")" "$(cat "$WORK/out1")" "--jobs $jobs summary"
  expect_eq "$(sort "$WORK/err$jobs")" "$(sort "$WORK/err1")" "--jobs $jobs messages"
done

# A re-run with more jobs than articles adds nothing.
"$AIKG" ingest --db "$WORK/j2.db" --jobs 8 "$SRC/samples" > "$WORK/again" 2> /dev/null
expect_contains "$(cat "$WORK/again")" " 0 added, 0 updated" "idempotent parallel re-run"
echo "parallel ingest: --jobs 1, 2 and 3 give the same database"
