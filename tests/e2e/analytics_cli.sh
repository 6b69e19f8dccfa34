# The analytics commands on the bundled samples with the real binary: every
# command runs, its JSON parses and means what it says, the selection flags
# narrow the graph, and mistakes exit 2 with a useful message. Assertions hold
# for any reasonable extraction of the samples (OpenAI is everyone's partner),
# not for one exact output.
source "$(dirname "$0")/lib.sh"
db=$WORK/s.db
"$AIKG" ingest --db "$db" "$SRC/samples" > /dev/null 2>&1 || fail "ingest"

check() {  # check NAME PYTHON-ASSERTIONS < JSON
  python3 -c "import json, sys; d = json.load(sys.stdin); $2" || fail "$1"
}

# Every command, as text and as JSON.
for cmd in "components" "alliances" "rank" "rank --by betweenness" "rank --by closeness" "rank --by pagerank" \
           "rank --by eigenvector" "communities" "timeline OpenAI" "changes --since 2025-01-01" \
           "path SK텔레콤 SoftBank" "neighbors OpenAI"; do
  # shellcheck disable=SC2086
  "$AIKG" $cmd --db "$db" > "$WORK/out.txt" || fail "$cmd exited $?"
  [ -s "$WORK/out.txt" ] || fail "$cmd printed nothing"
  # shellcheck disable=SC2086
  "$AIKG" $cmd --db "$db" --json | python3 -c "import json, sys; json.load(sys.stdin)" || fail "$cmd --json"
done

all=$("$AIKG" components --db "$db" --json)
check "components" '
assert d and all(c["size"] == len(c["members"]) for c in d)
assert [c["size"] for c in d] == sorted((c["size"] for c in d), reverse=True)
assert "OpenAI" in [m["name"] for m in d[0]["members"]]' <<<"$all"

# Filters select a subgraph: fewer organisations, and only those they allow.
"$AIKG" components --db "$db" --status planned --json | check "components --status planned" "
everyone = {m['name'] for c in $all for m in c['members']}
planned = {m['name'] for c in d for m in c['members']}
assert planned < everyone, (len(planned), len(everyone))"
"$AIKG" neighbors --db "$db" OpenAI --status planned --json | check "neighbors --status planned" '
assert d and all(r["status"] == "planned" for n in d for r in n["relations"])'
"$AIKG" components --db "$db" --min-evidence 2 --json | check "components --min-evidence 2" "
assert sum(c['size'] for c in d) < sum(c['size'] for c in $all)"
"$AIKG" rank --db "$db" --types mou --top 0 --json | check "rank --types mou" '
names = {r["name"] for r in d}
assert "SK Telecom" in names and "Samsung SDS" not in names, names'
"$AIKG" components --db "$db" --group --json | check "components --group" '
names = {m["name"] for c in d for m in c["members"]}
assert "SK Group" in names and "SK Telecom" not in names and "SK hynix" not in names, names'
"$AIKG" timeline --db "$db" OpenAI --since 2025-10-01 --json | check "timeline --since" '
assert d and all(e["date"] >= "2025-10-01" for e in d)'

"$AIKG" alliances --db "$db" --min-size 4 --json | check "alliances" '
assert d["min_size"] == 4 and d["clique_count"] == len(d["cliques"]) > 0
assert all(c["size"] >= 4 and c["size"] == len({m["id"] for m in c["members"]}) for c in d["cliques"])
assert d["triangle_count"] == len(d["triangles"]) > 0 and all(len({m["id"] for m in t}) == 3 for t in d["triangles"])'

"$AIKG" rank --db "$db" --top 5 --json | check "rank --by degree" '
assert len(d) == 5 and d[0]["name"] == "OpenAI" and d[0]["rank"] == 1
assert all(a["score"] >= b["score"] for a, b in zip(d, d[1:]))
assert set(d[0]) == {"rank", "id", "name", "score", "partners", "relations"}'
"$AIKG" rank --db "$db" --by pagerank --top 0 --json | check "rank --by pagerank" '
assert abs(sum(r["score"] for r in d) - 1) < 1e-6 and d[0]["name"] == "OpenAI"'
"$AIKG" rank --db "$db" --by betweenness --samples 5 --seed 3 --top 0 --json 2> "$WORK/err" > /dev/null
expect_contains "$(cat "$WORK/err")" "estimated from 5 of" "sampled betweenness note"

# communities leave out rivals: a partition of the organisations linked otherwise.
allied=$("$AIKG" components --db "$db" --exclude-types competition --json)
"$AIKG" communities --db "$db" --json | check "communities" "
assert 0 < d['modularity'] < 1 and d['levels'] >= 1
members = sorted(m['name'] for c in d['communities'] for m in c['members'])
assert members == sorted(m['name'] for c in $allied for m in c['members'])"

"$AIKG" timeline --db "$db" 삼성전자 --json | check "timeline (Korean alias)" '
dated = [e["date"] for e in d if e["date"]]
assert dated == sorted(dated) and all(e["date"] is None for e in d[len(dated):])
assert any(e["with"]["name"] == "OpenAI" and e["type"] == "loi" for e in d)
assert all(e["evidence"]["doc"] and e["evidence"]["sentence"] for e in d)'

"$AIKG" changes --db "$db" --since 2025-06-01 --status done --json | check "changes" '
assert d and all(c["to"] == "done" and c["date"] >= "2025-06-01" for c in d)
assert all(c["change"] in ("new", "changed") and (c["from"] is None) == (c["change"] == "new") for c in d)'

# Paths: each hop has its evidence; k paths come shortest first.
"$AIKG" path --db "$db" "SK Telecom" 소프트뱅크 --json | check "path" '
assert len(d) == 1 and d[0]["hops"][0]["from"]["name"] == "SK Telecom" and d[0]["hops"][-1]["to"]["name"] == "SoftBank Group"
assert all(h["evidence"]["doc"] and h["evidence"]["sentence"] and h["type"] and h["status"] for h in d[0]["hops"])'
"$AIKG" path --db "$db" "SK Telecom" SoftBank --k 3 --weighted --json | check "path --k --weighted" '
assert 1 <= len(d) <= 3 and all(a["length"] <= b["length"] for a, b in zip(d, d[1:]))'
"$AIKG" path --db "$db" "SK Telecom" SoftBank --all --json | check "path --all" '
assert d and len({len(p["hops"]) for p in d}) == 1'

# Mistakes: exit 2 with a message that helps.
expect_exit2() {  # expect_exit2 WHAT EXPECTED-MESSAGE ARGS...
  local what=$1 message=$2 code
  shift 2
  set +e
  err=$("$AIKG" "$@" 2>&1 >/dev/null); code=$?
  set -e
  expect_eq "$code" "2" "$what exit status"
  expect_contains "$err" "$message" "$what message"
}
expect_exit2 "timeline of an unknown name" "did you mean" timeline --db "$db" OpenAl
expect_exit2 "path to an unknown name" "did you mean" path --db "$db" OpenAI "SK Telecon"
expect_exit2 "changes without --since" "needs --since" changes --db "$db"
expect_exit2 "rank by nonsense" "--by" rank --db "$db" --by fame
expect_exit2 "bad --samples" "--samples" rank --db "$db" --by betweenness --samples many

# Help says what each command computes.
for pair in "components:breadth-first" "alliances:Bron-Kerbosch" "rank:Brandes" "communities:Louvain" \
            "timeline:date order" "changes:talks -> done" "path:Yen"; do
  expect_contains "$("$AIKG" "${pair%%:*}" --help)" "${pair#*:}" "${pair%%:*} --help"
done
echo "ok"
