# The graph snapshot (issue 19) changes no answer: every query gives the same
# output with the snapshot turned off (AIKG_SNAPSHOT=off: straight from the
# tables), when it is built on the way, and when it is read back; and again
# after ingest and curation moved the generation on, and while another
# process writes. Small graphs: the samples and 600 generated relations.
source "$(dirname "$0")/lib.sh"
db=$WORK/g.db
"$AIKG" ingest --db "$db" "$SRC/samples" > /dev/null 2>&1 || fail "ingest samples"
python3 - "$WORK/gen.jsonl" "$SRC" <<'PY'
import random, sys
sys.path.insert(0, sys.argv[2] + "/tests/e2e")
from networkx_compare import org, write_mentions
rng = random.Random(19)
types = ["partnership", "mou", "investment", "contract", "supply"]
statuses = ["done", "planned", "talks", "speculated", "ended"]
rows = []
for i in range(600):
    a, b = rng.sample(range(160), 2)
    date = "" if i % 7 == 0 else f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
    rows.append((org(a), org(b), rng.choice(types), rng.choice(statuses), date))
rows += rows[:120:3]  # some relations seen twice
write_mentions(sys.argv[1], rows, per_doc=50)
PY
"$AIKG" ingest --db "$db" --mentions "$WORK/gen.jsonl" > /dev/null || fail "ingest generated mentions"
snapshot_rows() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from graph_snapshot').fetchone()[0])" "$db"; }

queries=("rank --by degree --top 0 --json" "rank --by pagerank --top 0" "components --json" "communities --json"
         "alliances --json" "neighbors OpenAI --json" "neighbors 'Org 0001' --depth 2 --json"
         "neighbors 'Org 0002' --depth 3" "path 'Org 0001' 'Org 0150' --k 3 --json"
         "path 'Org 0003' 'Org 0099' --weighted" "path SK텔레콤 SoftBank" "timeline OpenAI --json"
         "timeline 'Org 0004'" "export graphml -o -")
selections=("" "--types partnership,mou" "--min-evidence 2" "--min-status planned" "--since 2025-03-01 --min-confidence 0.5" "--group")
# After a write, fewer: whether the stale snapshot is left alone, not every flag again.
after_write=("rank --by degree --top 0 --json" "components --json" "neighbors 'Org 0001' --depth 2 --json"
             "path 'Org 0001' 'Org 0150' --k 3 --json" "timeline 'Org 0004'")
run() {  # run ARGS... : the output and exit status of one command
  set +e; out=$(eval "$AIKG $* --db '$db'" 2>&1); rc=$?; set -e
  printf '%s\n[exit %s]' "$out" "$rc"
}
compare_all() {  # compare_all WHEN QUERY...: each query with each selection, off / building / stored
  local when=$1 q s off built stored
  shift
  for q in "$@"; do
    for s in "${selections[@]}"; do
      off=$(AIKG_SNAPSHOT=off run "$q $s")
      built=$(run "$q $s")
      stored=$(run "$q $s")
      [ "$off" = "$built" ] || fail "$when: '$q $s' differs with a snapshot built on the way:
$(diff <(echo "$off") <(echo "$built") | head -20)"
      [ "$off" = "$stored" ] || fail "$when: '$q $s' differs with the stored snapshot"
    done
  done
}

expect_eq "$(snapshot_rows)" "0" "no snapshot before the first query"
compare_all "fresh database" "${queries[@]}"
[ "$(snapshot_rows)" -gt 0 ] || fail "the first whole-graph query stored no snapshot"
"$AIKG" check --db "$db" > /dev/null || fail "check with a current snapshot"

# Ingest moves the generation on: the stored snapshot is stale and not used.
before=$(run "rank --by degree --top 0 --json")
python3 - "$WORK/more.jsonl" "$SRC" <<'PY'
import sys
sys.path.insert(0, sys.argv[2] + "/tests/e2e")
from networkx_compare import org, mention_line
mentions = [{"id": f"more{i}", "type": "partnership", "source": {"name": org(i), "kind": "company"},
             "target": {"name": org(500 + i), "kind": "company"}, "status": "done", "confidence": 0.8,
             "sentence": "They agreed again.", "begin": 0, "end": 18, "date": "2025-06-01", "cue": "agreed"} for i in range(1, 6)]
open(sys.argv[1], "w").write(mention_line("more", mentions) + "\n")
PY
"$AIKG" ingest --db "$db" --mentions "$WORK/more.jsonl" > /dev/null || fail "second ingest"
after=$(run "rank --by degree --top 0 --json")
[ "$before" != "$after" ] || fail "the second ingest changed nothing: the test would not see a stale snapshot"
compare_all "after an ingest" "${after_write[@]}"

# Curation moves it too: aliases do not change the graph, merges, curated
# and retracted relations do.
"$AIKG" merge --db "$db" "Org 0001" "Org 0002" > /dev/null 2>&1 || fail "merge"
"$AIKG" relation add --db "$db" --type mou "Org 0005" "Org 0150" --note "invented for the test" > /dev/null || fail "relation add"
"$AIKG" relation retract --db "$db" --type partnership "Org 0003" "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select t.name from relations r join entities s on s.id = r.source_id join entities t on t.id = r.target_id where s.name = 'Org 0003' and r.type = 'partnership' limit 1\").fetchone()[0])" "$db")" --note "not a deal" > /dev/null || fail "retract"
compare_all "after curation" "${after_write[@]}"

# A writer in another process: while it holds its transaction open, readers
# see the old data (and the stored snapshot stays valid); once it commits,
# the next reader rebuilds. The writer retracts three relations by hand.
q="rank --by degree --top 0 --json"
old=$(run "$q")
python3 - "$db" "$WORK/hold" "$WORK/release" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO retractions(type, source_id, target_id, note, retracted_at) "
           "SELECT type, source_id, target_id, 'by hand', '2026-01-01' FROM relations r WHERE NOT EXISTS "
           "(SELECT 1 FROM retractions x WHERE x.type = r.type AND x.source_id = r.source_id "
           "AND x.target_id = r.target_id) ORDER BY id LIMIT 3")
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.01)
db.execute("COMMIT")
PY
writer=$!
for _ in $(seq 1000); do [ -e "$WORK/hold" ] && break; sleep 0.01; done
[ -e "$WORK/hold" ] || fail "the writer process did not start its transaction"
expect_eq "$(run "$q")" "$old" "a reader while another process holds uncommitted writes"
touch "$WORK/release"; wait "$writer"
new=$(run "$q")
[ "$new" != "$old" ] || fail "the committed write changed nothing: the test would not see a stale snapshot"
expect_eq "$new" "$(AIKG_SNAPSHOT=off run "$q")" "a reader after the other process committed"

# Readers racing a writer that keeps adding and retracting a relation: each
# answer is one of the two states, and the last one is the tables' answer.
q="rank --by degree --top 0 --json"
"$AIKG" relation retract --db "$db" --type mou "Org 0005" "Org 0150" --note "off" > /dev/null
absent=$(AIKG_SNAPSHOT=off run "$q")
"$AIKG" relation add --db "$db" --type mou "Org 0005" "Org 0150" --note "on" > /dev/null
present=$(AIKG_SNAPSHOT=off run "$q")
[ "$absent" != "$present" ] || fail "the toggled relation does not show in the ranking"
( for i in 1 2 3 4 5 6 7 8; do
    "$AIKG" relation retract --db "$db" --type mou "Org 0005" "Org 0150" --note "off $i" > /dev/null
    "$AIKG" relation add --db "$db" --type mou "Org 0005" "Org 0150" --note "on $i" > /dev/null
  done ) &
writer=$!
while kill -0 "$writer" 2> /dev/null; do
  seen=$(run "$q")
  [ "$seen" = "$absent" ] || [ "$seen" = "$present" ] || fail "a reader racing a writer saw neither state"
done
wait "$writer"
expect_eq "$(run "$q")" "$present" "the reader after the racing writer"
"$AIKG" check --db "$db" > "$WORK/check.txt" 2>&1 || fail "check after the race: $(cat "$WORK/check.txt")"

# publish ships a current snapshot (made current first: the last write left
# it stale), so readers of the copy, who may not be able to write one, answer
# from it at once, and the same.
"$AIKG" relation add --db "$db" --type loi "Org 0007" "Org 0008" --note "stale it before publishing" > /dev/null
mkdir "$WORK/share"
"$AIKG" publish --db "$db" "$WORK/share/copy.db" > /dev/null 2>&1 || fail "publish"
current=$(python3 -c "import sqlite3,sys; c = sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from graph_snapshot where generation = (select value from graph_generation)').fetchone()[0])" "$WORK/share/copy.db")
[ "$current" -gt 0 ] || fail "the published copy has no current snapshot"
chmod a-w "$WORK/share" "$WORK/share/copy.db"
expect_eq "$("$AIKG" rank --by degree --top 0 --json --db "$WORK/share/copy.db")" \
          "$(AIKG_SNAPSHOT=off "$AIKG" rank --by degree --top 0 --json --db "$db")" "a query on the published copy"
chmod u+w "$WORK/share" "$WORK/share/copy.db"
echo "graph_snapshot: ok"
