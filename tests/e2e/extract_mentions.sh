# The scale-out path: `aikg extract --jsonl` as a mapper (stable ids, bad lines
# skipped) and `aikg ingest --mentions` as the single writer give the same
# database as a plain ingest; `aikg eval` scores it against the samples' gold.
source "$(dirname "$0")/lib.sh"

# Articles as JSON Lines, with one broken line in the middle.
python3 - "$SRC/samples" > "$WORK/articles.jsonl" <<'PY'
import json, pathlib, sys
lines = []
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    lines.append(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False))
lines.insert(2, '{"id": "broken", "text": ')
print("\n".join(lines))
PY

"$AIKG" extract --jsonl < "$WORK/articles.jsonl" > "$WORK/m1.jsonl" 2> "$WORK/err" || fail "extract exit $?"
expect_contains "$(cat "$WORK/err")" "<stdin>:3" "bad line reported with its line number"
"$AIKG" extract --jsonl < "$WORK/articles.jsonl" > "$WORK/m2.jsonl" 2>/dev/null
cmp -s "$WORK/m1.jsonl" "$WORK/m2.jsonl" || fail "extract output is not deterministic"
expect_eq "$(wc -l < "$WORK/m1.jsonl")" "$(ls "$SRC"/samples/*.txt | wc -l)" "one output line per good article"

# The single writer, twice (idempotent), against a plain ingest of the same articles.
"$AIKG" ingest --db "$WORK/a.db" --mentions "$WORK/m1.jsonl" > /dev/null || fail "ingest --mentions"
"$AIKG" ingest --db "$WORK/a.db" --mentions "$WORK/m1.jsonl" > /dev/null || fail "ingest --mentions again"
"$AIKG" ingest --db "$WORK/b.db" "$WORK/articles.jsonl" > /dev/null 2>&1 && fail "a broken line must give exit 1"
dump() {
  sqlite3 "$1" "select e.sentence, r.type, s.name, t.name, e.status, e.date from evidence e
                join relations r on r.id = e.relation_id join entities s on s.id = r.source_id
                join entities t on t.id = r.target_id order by 1, 2, 3, 4"
}
[ "$(dump "$WORK/a.db")" = "$(dump "$WORK/b.db")" ] || fail "mentions path and plain ingest differ"
[ -n "$(dump "$WORK/a.db")" ] || fail "no evidence at all"

# Lines parsed on a thread ahead of the writer (--jobs 2) or in line
# (--jobs 1): the same database, the same problems at the same line numbers.
{ head -n 2 "$WORK/m1.jsonl"; echo; echo '{"id": "cut short", "mentions": ['; tail -n +3 "$WORK/m1.jsonl"; } > "$WORK/m3.jsonl"
for jobs in 1 2; do
  "$AIKG" ingest --db "$WORK/j$jobs.db" --mentions "$WORK/m3.jsonl" --jobs "$jobs" --batch 2 > /dev/null \
    2> "$WORK/j$jobs.err" && fail "a broken mentions line must give exit 1 (--jobs $jobs)"
  expect_contains "$(cat "$WORK/j$jobs.err")" "m3.jsonl:4" "broken mentions line reported with its number (--jobs $jobs)"
done
cmp -s "$WORK/j1.err" "$WORK/j2.err" || fail "--jobs 1 and 2 report different problems"
[ "$(dump "$WORK/j2.db")" = "$(dump "$WORK/a.db")" ] || fail "mentions parsed ahead differ from the plain ingest"
[ "$(dump "$WORK/j1.db")" = "$(dump "$WORK/j2.db")" ] || fail "--jobs 1 and 2 give different databases"

# Scoring through the tool.
out=$("$AIKG" eval --db "$WORK/a.db" --gold "$SRC/samples/gold.tsv" --json)
python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert set(r) >= {"pair", "typed", "status_accuracy"}, r
assert 0 < r["typed"]["f1"] <= 1 and 0 < r["pair"]["precision"] <= 1, r' "$out" || fail "eval json"

# A user gazetteer adds an organisation without rebuilding.
printf 'Hanbit Robotics\tcompany\t\t한빛로보\tHanbit Robotics\n' > "$WORK/user.tsv"
printf '카카오는 한빛로보와 업무협약을 체결했다.\n' > "$WORK/user_article.txt"
"$AIKG" ingest --db "$WORK/c.db" --gazetteer "$WORK/user.tsv" "$WORK/user_article.txt" > /dev/null
"$AIKG" relations --db "$WORK/c.db" --entity 한빛로보 --json | grep -q '"Hanbit Robotics"' || fail "user gazetteer"
echo "ok"
