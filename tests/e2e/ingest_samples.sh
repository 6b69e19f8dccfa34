# Ingests the bundled samples with the real binary and checks the database,
# the JSON outputs, idempotence and that Graphviz accepts the DOT.
source "$(dirname "$0")/lib.sh"
db=$WORK/s.db

"$AIKG" ingest --db "$db" "$SRC/samples" > "$WORK/out1" || fail "ingest exit $?"
docs=$(sqlite3 "$db" "select count(*) from documents")
expect_eq "$docs" "$(( $(ls "$SRC"/samples/*.txt "$SRC"/samples/*.html | wc -l) + $(wc -l < "$SRC/samples/wire.jsonl") ))" "documents"
[ "$(sqlite3 "$db" "pragma application_id")" = "1095322439" ] || fail "application_id"
[ "$(sqlite3 "$db" "pragma foreign_key_check" | wc -l)" = "0" ] || fail "foreign keys"

# Idempotent: a second ingest changes nothing.
before=$(sqlite3 "$db" "select (select count(*) from relations)||'/'||(select count(*) from evidence)")
"$AIKG" ingest --db "$db" "$SRC/samples" > "$WORK/out2"
after=$(sqlite3 "$db" "select (select count(*) from relations)||'/'||(select count(*) from evidence)")
expect_eq "$after" "$before" "re-ingest"
expect_contains "$(cat "$WORK/out2")" "0 added" "re-ingest summary"

# The seed stories are there, with Korean aliases resolving.
json=$("$AIKG" relations --db "$db" --entity 삼성SDS --types reseller --json)
python3 - "$json" <<'PY' || fail "reseller relation"
import json, sys
rels = json.loads(sys.argv[1])
assert any(r["source"]["name"] == "Samsung SDS" and r["target"]["name"] == "OpenAI" for r in rels), rels
r = rels[0]
assert set(r) == {"id", "type", "source", "target", "status", "evidence_count", "first_seen", "last_seen", "evidence"}, r.keys()
assert r["evidence"] and set(r["evidence"][0]) == {"doc", "sentence", "status", "date", "url"}
PY
"$AIKG" relations --db "$db" --types mou --json | python3 -c '
import json, sys
rels = json.load(sys.stdin)
pairs = {frozenset((r["source"]["name"], r["target"]["name"])) for r in rels}
assert frozenset(("SK Telecom", "OpenAI")) in pairs, pairs' || fail "SK Telecom-OpenAI mou"

"$AIKG" entities --db "$db" --json | python3 -c '
import json, sys
ents = json.load(sys.stdin)
assert all(set(e) == {"id", "name", "kind", "parent", "candidate", "aliases"} for e in ents)
assert any(e["name"] == "OpenAI" and "오픈AI" in e["aliases"] for e in ents)' || fail "entities json"

# Unknown names get a suggestion and exit 2.
set +e
err=$("$AIKG" neighbors --db "$db" "OpenAl" 2>&1 >/dev/null); code=$?
set -e
expect_eq "$code" "2" "unknown name exit"
expect_contains "$err" "did you mean" "unknown name message"

# DOT renders.
"$AIKG" export dot --db "$db" -o "$WORK/g.dot" 2>/dev/null
dot -Tsvg "$WORK/g.dot" -o "$WORK/g.svg" || fail "dot rejected the export"
grep -q "<svg" "$WORK/g.svg" || fail "no svg"
echo "ok"
