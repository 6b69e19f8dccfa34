# The SQLite file as a product, through the clients analysts use: the views
# answer in the sqlite3 command-line client, search finds Korean terms,
# publish writes one self-contained file, check tells clean from broken,
# curation survives a re-ingest, and files from others open safely.
source "$(dirname "$0")/lib.sh"
db=$WORK/s.db
"$AIKG" ingest --db "$db" "$SRC/samples" > /dev/null 2>&1 || fail "ingest"
q() { sqlite3 -bail "$@"; }
# Runs aikg and keeps its exit code and stderr, without stopping the script.
run_aikg() { set +e; out=$("$AIKG" "$@" 2>"$WORK/err"); code=$?; set -e; err=$(cat "$WORK/err"); }

# --- Views answer through sqlite3.
[ "$(q "$db" "select count(*) from v_relations")" -gt 0 ] || fail "v_relations empty"
expect_eq "$(q "$db" "select count(*) from v_relations")" "$(q "$db" "select count(*) from relations")" "v_relations rows"
expect_eq "$(q "$db" "select count(*) from v_evidence")" "$(q "$db" "select count(*) from evidence")" "v_evidence rows"
expect_eq "$(q "$db" "select count(*) from v_entity_summary")" "$(q "$db" "select count(*) from entities")" "summary rows"
openai_degree=$(q "$db" "select degree from v_entity_summary where name = 'OpenAI'")
[ "$openai_degree" -ge 3 ] || fail "OpenAI degree $openai_degree"
q "$db" "select latest_deal_date, latest_deal_partner from v_entity_summary where name = 'OpenAI'" | grep -q . ||
  fail "latest deal"
expect_eq "$(q "$db" "select count(*) from evidence_fts where evidence_fts match '\"오픈AI\"'")" \
  "$(q "$db" "select count(*) from evidence where sentence like '%오픈AI%'")" "FTS in sqlite3"

# --- Search: a 3+ character Korean term through the index, a 2-character one by LIKE.
run_aikg search --db "$db" 오픈AI --json
expect_eq "$code" "0" "search 오픈AI exit"
python3 -c 'import json,sys; h=json.loads(sys.argv[1]); assert h and all("오픈AI" in x["sentence"] for x in h), h' "$out" ||
  fail "search 오픈AI"
run_aikg search --db "$db" 삼성 --json
expect_eq "$code" "0" "search 삼성 exit"
python3 -c 'import json,sys; h=json.loads(sys.argv[1]); assert h and all("삼성" in x["sentence"] for x in h), h' "$out" ||
  fail "search 삼성"
run_aikg search --db "$db" '"삼성 OR * NEAR(' --json
expect_eq "$out" "[]" "FTS operators are literal text"
run_aikg search --db "$db" '%_'
expect_eq "$code" "1" "LIKE wildcards are literal"

# --- Publish: one file, no -wal/-shm, opens and checks clean; no overwrite without --force.
"$AIKG" publish --db "$db" "$WORK/pub.db" 2>/dev/null || fail "publish"
[ ! -e "$WORK/pub.db-wal" ] && [ ! -e "$WORK/pub.db-shm" ] || fail "publish left -wal/-shm"
expect_eq "$(q "$WORK/pub.db" "pragma journal_mode")" "delete" "published journal mode"
expect_eq "$(q "$WORK/pub.db" "select count(*) from v_relations")" "$(q "$db" "select count(*) from v_relations")" \
  "published relations"
expect_eq "$(q "$WORK/pub.db" "pragma application_id")" "1095322439" "published application_id"
run_aikg publish --db "$db" "$WORK/pub.db"
expect_eq "$code" "2" "publish over an existing file"
expect_contains "$err" "--force" "publish refusal names --force"
"$AIKG" publish --db "$db" "$WORK/pub.db" --force 2>/dev/null || fail "publish --force"

# --- Check: clean, then a broken foreign key made by hand.
run_aikg check --db "$WORK/pub.db"
expect_eq "$code" "0" "check clean exit: $out"
expect_contains "$out" "ok:" "check clean report"
q "$WORK/pub.db" "pragma foreign_keys=off; update evidence set relation_id = 999999 where id = (select min(id) from evidence)"
run_aikg check --db "$WORK/pub.db"
expect_eq "$code" "1" "check broken exit"
expect_contains "$out" "foreign key: evidence row" "check names the broken row"
run_aikg check --db "$WORK/pub.db" --json
python3 -c 'import json,sys; r=json.loads(sys.argv[1]); assert not r["clean"] and r["problems"], r' "$out" ||
  fail "check --json"

# --- Curation survives a re-ingest of the same samples (and of new versions).
"$AIKG" alias add --db "$db" OpenAI "Open A.I. Inc" || fail "alias add"
expect_eq "$(q "$db" "select e.name from aliases a join entities e on e.id = a.entity_id where a.alias = 'Open A.I. Inc' and a.curated = 1")" \
  "OpenAI" "curated alias"
run_aikg alias add --db "$db" OpenAI "Samsung Electronics"
expect_eq "$code" "2" "alias taken by another entity"
expect_contains "$err" "aikg merge" "alias refusal suggests merge"
rid=$("$AIKG" relation add --db "$db" --type mou "Kakao" "Samsung SDS" --status planned --note "Analyst: confirmed by phone" --date 2025-03-01) ||
  fail "relation add"
retract_id=$(q "$db" "select id from v_relations where source = 'OpenAI' or target = 'OpenAI' order by id limit 1")
"$AIKG" relation retract --db "$db" --id "$retract_id" --note "Analyst: misread headline" > /dev/null || fail "retract"
drop=$(q "$db" "select name from entities where name <> 'OpenAI' and name <> 'SK Telecom' and id in (select source_id from relations union select target_id from relations) order by name desc limit 1")
"$AIKG" merge --db "$db" "SK Telecom" "$drop" 2>/dev/null || fail "merge"

snapshot() {
  q "$db" "select (select count(*) from v_relations where retracted = 1)||'/'||(select count(*) from evidence where curated = 1)||'/'||(select count(*) from entities where name = '$drop')||'/'||(select count(*) from aliases where curated = 1)"
}
before=$(snapshot)
expect_eq "$before" "1/1/0/1" "curation recorded"
"$AIKG" ingest --db "$db" "$SRC/samples" > /dev/null 2>&1
expect_eq "$(snapshot)" "$before" "curation after re-ingest"
# New versions of every document (same ids, changed text) replace all extracted evidence.
mkdir "$WORK/v2"
for f in "$SRC"/samples/*.txt; do { cat "$f"; echo; echo "(updated)"; } > "$WORK/v2/$(basename "$f")"; done
"$AIKG" ingest --db "$db" "$WORK/v2" > /dev/null
expect_eq "$(snapshot)" "$before" "curation after re-ingest of changed documents"
expect_eq "$(q "$db" "select count(*) from relations where id = $rid and evidence_count >= 1")" "1" "curated relation kept"
run_aikg relations --db "$db" --json
python3 -c 'import json,sys; ids={r["id"] for r in json.loads(sys.argv[1])}; assert int(sys.argv[2]) not in ids' "$out" "$retract_id" ||
  fail "retracted relation still listed"
run_aikg check --db "$db"
expect_eq "$code" "0" "check after curation: $out"

# --- Files from others: wrong application_id, newer schema: exit 2 and a clear message.
cp "$WORK/pub.db" "$WORK/other.db"
q "$WORK/other.db" "pragma application_id = 1234"
run_aikg relations --db "$WORK/other.db"
expect_eq "$code" "2" "wrong application_id exit"
expect_contains "$err" "not an aikg database" "wrong application_id message"
cp "$db" "$WORK/newer.db"
q "$WORK/newer.db" "pragma wal_checkpoint(truncate); pragma user_version = 99" > /dev/null
run_aikg relations --db "$WORK/newer.db"
expect_eq "$code" "2" "newer schema exit"
expect_contains "$err" "newer aikg" "newer schema message"

# --- An older file (schema version 1) migrates and keeps its data.
old=$WORK/v1.db
q "$old" < "$SRC/schema/001_init.sql"
q "$old" "pragma application_id = 1095322439; pragma user_version = 1;
  insert into entity_kinds values ('company');
  insert into statuses values ('done', 0, 'done');
  insert into relation_types values ('mou', 0, 'memorandum');
  insert into entities(name, kind) values ('Alpha', 'company'), ('Beta', 'company');
  insert into aliases(entity_id, alias, alias_key) values (1, 'Alpha', 'alpha'), (2, 'Beta', 'beta');
  insert into documents(doc_id, content_hash) values ('old1', 'h1');
  insert into relations(type, source_id, target_id, status, evidence_count) values ('mou', 1, 2, 'done', 1);
  insert into evidence(relation_id, document_id, mention_key, sentence, status)
    values (1, 1, 'k1', '알파와 베타가 업무협약을 맺었다', 'done');"
run_aikg relations --db "$old"
expect_eq "$code" "2" "read-only open of a version 1 file"
expect_contains "$err" "open it once for writing" "old schema message"
"$AIKG" alias add --db "$old" Alpha "알파" || fail "writing migrates the old file"
expect_eq "$(q "$old" "pragma user_version")" "$(q "$db" "pragma user_version")" "migrated version"
expect_eq "$(q "$old" "select source||'|'||target||'|'||retracted from v_relations")" "Alpha|Beta|0" "migrated data"
run_aikg search --db "$old" 업무협약 --json
expect_contains "$out" "알파와 베타" "migrated evidence is searchable"
run_aikg check --db "$old"
expect_eq "$code" "0" "migrated file checks clean: $out"
echo "ok"
