# Concurrency (issue 7), with real processes: queries and exports succeed
# while ingests write; two ingests into one file at the same time (disjoint
# inputs, then overlapping ones) both finish, and the result equals a
# sequential run: nothing lost, nothing duplicated.
source "$(dirname "$0")/lib.sh"
py=$(dirname "$0")/db_state.py
n=${CONCURRENCY_DOCS:-700}
python3 "$py" corpus "$WORK/a.jsonl" "$n" 11
python3 "$py" corpus "$WORK/b.jsonl" "$n" 12
half=$((n / 2))
# Overlapping inputs: each side also carries half of the other's articles.
cat "$WORK/a.jsonl" <(head -n "$half" "$WORK/b.jsonl") > "$WORK/ab.jsonl"
cat "$WORK/b.jsonl" <(tail -n "$half" "$WORK/a.jsonl") > "$WORK/ba.jsonl"

# The sequential reference.
"$AIKG" ingest --db "$WORK/ref.db" --batch 25 "$WORK/a.jsonl" > /dev/null
"$AIKG" ingest --db "$WORK/ref.db" --batch 25 "$WORK/b.jsonl" > /dev/null
python3 "$py" dump "$WORK/ref.db" "$WORK/ref.dump"

readers=0 during=0
# Two ingests of $1 and $2 into $3 at once, with queries and exports running
# against the file until both finish.
run_pair() {  # input1 input2 db
  local p1 p2 c1 c2 i=0
  "$AIKG" ingest --db "$3" --batch 25 "$1" > "$WORK/o1" 2> "$WORK/e1" &
  p1=$!
  "$AIKG" ingest --db "$3" --batch 25 "$2" > "$WORK/o2" 2> "$WORK/e2" &
  p2=$!
  # Wait for the first commit so the queries have a graph to read.
  while ! sqlite3 "$3" "select 1 from documents limit 1" 2>/dev/null | grep -q 1; do
    kill -0 "$p1" 2>/dev/null || kill -0 "$p2" 2>/dev/null || break
    sleep 0.05
  done
  while kill -0 "$p1" 2>/dev/null || kill -0 "$p2" 2>/dev/null; do
    i=$((i + 1))
    "$AIKG" relations --db "$3" --json > "$WORK/r.json" 2> "$WORK/r.err" || fail "relations during ingest: $(cat "$WORK/r.err")"
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/r.json" || fail "relations JSON during ingest"
    "$AIKG" export dot --db "$3" -o "$WORK/g$i.dot" 2> "$WORK/d.err" || fail "export dot during ingest: $(cat "$WORK/d.err")"
    [ "$(tail -n 1 "$WORK/g$i.dot")" = "}" ] || fail "export dot during ingest: truncated DOT"
    readers=$((readers + 2))
    kill -0 "$p1" 2>/dev/null && kill -0 "$p2" 2>/dev/null && during=$((during + 2))
  done
  set +e
  wait "$p1"; c1=$?
  wait "$p2"; c2=$?
  set -e
  [ "$c1" = 0 ] || fail "first ingest exit $c1: $(cat "$WORK/e1")"
  [ "$c2" = 0 ] || fail "second ingest exit $c2: $(cat "$WORK/e2")"
  dot -Tcanon "$WORK/g$i.dot" > /dev/null || fail "Graphviz rejected a DOT exported during ingest"
}

# Disjoint inputs, both ingests creating the file at the same moment.
run_pair "$WORK/a.jsonl" "$WORK/b.jsonl" "$WORK/disjoint.db"
python3 "$py" dump "$WORK/disjoint.db" "$WORK/disjoint.dump"
diff -q "$WORK/ref.dump" "$WORK/disjoint.dump" > /dev/null ||
  fail "two disjoint ingests at once differ from a sequential run: $(diff "$WORK/ref.dump" "$WORK/disjoint.dump" | head -6)"

# Overlapping inputs: each article is stored once, whichever ingest got it first.
run_pair "$WORK/ab.jsonl" "$WORK/ba.jsonl" "$WORK/overlap.db"
python3 "$py" dump "$WORK/overlap.db" "$WORK/overlap.dump"
# origin ("file:line") legitimately names whichever input stored the article.
sed -E "s/'[^']*\.jsonl:[0-9]+'/ORIGIN/" "$WORK/ref.dump" > "$WORK/ref.noorigin"
sed -E "s/'[^']*\.jsonl:[0-9]+'/ORIGIN/" "$WORK/overlap.dump" > "$WORK/overlap.noorigin"
diff -q "$WORK/ref.noorigin" "$WORK/overlap.noorigin" > /dev/null ||
  fail "two overlapping ingests at once differ from a sequential run: $(diff "$WORK/ref.noorigin" "$WORK/overlap.noorigin" | head -6)"
[ "$(sqlite3 "$WORK/overlap.db" "select count(*) from documents")" = $((2 * n)) ] || fail "overlap: document count"
for db in disjoint overlap; do
  [ "$(sqlite3 "$WORK/$db.db" "pragma integrity_check")" = ok ] || fail "$db: integrity_check"
  [ -z "$(sqlite3 "$WORK/$db.db" "pragma foreign_key_check")" ] || fail "$db: foreign_key_check"
done
[ "$during" -gt 0 ] || fail "no query ran while both ingests were writing"
echo "ok: 4 concurrent ingests (2 pairs, $n articles each), $readers queries/exports during ingest ($during while both wrote), results equal a sequential run"
