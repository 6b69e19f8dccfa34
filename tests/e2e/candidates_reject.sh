#!/usr/bin/env bash
# Discovered names as an analyst reviews them: `entities --candidates` lists
# them with their evidence; `alias reject` removes one with its relations and
# keeps it out of later ingests; `alias add` promotes another; a known
# organisation cannot be rejected.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/in" "$WORK/later"
# Invented names; "Quillmark Robotics" and "Tandem Labs" look like firms.
cat > "$WORK/in/a.txt" <<'TXT'
Kakao signs a deal with Quillmark Robotics

Kakao signed a supply agreement with Quillmark Robotics Inc. on Monday.

Naver said it invested in Tandem Labs, a Seoul-based startup.
TXT
cat > "$WORK/later/b.txt" <<'TXT'
Quillmark Robotics and Samsung Electronics sign an MOU

Samsung Electronics signed an MOU with Quillmark Robotics Inc. to build robot chips.
TXT
db=$WORK/a.db
"$AIKG" ingest --db "$db" "$WORK/in" 2> /dev/null
json=$("$AIKG" entities --db "$db" --candidates --json)
names=$(python3 -c 'import json,sys; print(" ".join(sorted(c["name"] for c in json.load(sys.stdin))))' <<<"$json")
expect_contains "$names" "Quillmark Robotics" "candidates list the discovered firm"
expect_contains "$names" "Tandem Labs" "candidates list the discovered startup"
sample=$(python3 -c 'import json,sys; print([c["sample"] for c in json.load(sys.stdin) if c["name"].startswith("Quillmark")][0])' <<<"$json")
expect_contains "$sample" "Quillmark Robotics" "a candidate comes with a sentence that names it"
"$AIKG" entities --db "$db" --candidates | grep -q "sample sentence" || fail "the table has a sample column"

# Rejecting a known organisation is refused, with a pointer to retract.
if out=$("$AIKG" alias reject --db "$db" Kakao 2>&1); then fail "rejecting a gazetteer name succeeded"; fi
expect_contains "$out" "retract" "the refusal says what to do instead"

quill=$(python3 -c 'import json,sys; print([c["name"] for c in json.load(sys.stdin) if c["name"].startswith("Quillmark")][0])' <<<"$json")
"$AIKG" alias reject --db "$db" "$quill" --note "a test name" 2> "$WORK/err"
expect_contains "$(cat "$WORK/err")" "relation(s) removed" "reject reports what it removed"
left=$("$AIKG" relations --db "$db" --json | python3 -c 'import json,sys; print(sum("Quillmark" in (r["source"]["name"] + r["target"]["name"]) for r in json.load(sys.stdin)))')
expect_eq "$left" 0 "no relation keeps the rejected name"
# A later ingest respects the rejection; the other candidate stays.
"$AIKG" ingest --db "$db" "$WORK/later" 2> /dev/null
left=$(sqlite3 "$db" "select count(*) from entities where name like 'Quillmark%'")
expect_eq "$left" 0 "a later ingest files nothing under the rejected name"
expect_eq "$(sqlite3 "$db" "select count(*) from rejected_names where note = 'a test name'")" 1 "the rejection is stored"
"$AIKG" entities --db "$db" --candidates --json | grep -q "Tandem Labs" || fail "the other candidate stays"
# Promoting: an alias makes the candidate findable under another name.
"$AIKG" alias add --db "$db" "Tandem Labs" "탠덤랩스"
"$AIKG" relations --db "$db" --entity "탠덤랩스" --json | grep -q "Naver" || fail "the promoted alias finds the relation"
echo ok
