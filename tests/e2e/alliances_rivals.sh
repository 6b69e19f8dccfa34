# Alliances are not rivalries: alliances, communities and the DOT picture
# leave out competition by default (and alliances ownership too), every
# selection takes --exclude-types, and --types or --exclude-types none brings
# them back. Three invented triangles: rivals, partners, and a business group
# whose two affiliates work together (a triangle only through ownership).
source "$(dirname "$0")/lib.sh"
db=$WORK/a.db
python3 - "$WORK/mentions.jsonl" <<'PY'
import json, sys
edges = [("Corvid Labs", "Brindle Systems", "competition"), ("Brindle Systems", "Ostrava Compute", "competition"),
         ("Corvid Labs", "Ostrava Compute", "competition"),
         ("Halden AI", "Mirefield Data", "partnership"), ("Mirefield Data", "Quillon Chips", "contract"),
         ("Halden AI", "Quillon Chips", "mou"),
         ("Tamsin Cloud", "Tamsin Group", "subsidiary_of"), ("Tamsin Robotics", "Tamsin Group", "subsidiary_of"),
         ("Tamsin Cloud", "Tamsin Robotics", "joint_development")]
mentions = []
for i, (a, b, t) in enumerate(edges):
    if t != "subsidiary_of":
        a, b = sorted((a, b))
    mentions.append({"id": f"m{i}", "type": t, "source": {"name": a, "kind": "company"},
                     "target": {"name": b, "kind": "group" if b == "Tamsin Group" else "company"},
                     "status": "done", "confidence": 0.9, "sentence": f"{a} and {b}.", "begin": 0, "end": 10,
                     "date": "2025-05-01", "cue": "x"})
doc = {"id": "d1", "title": "", "published": "", "url": "", "source": "test", "origin": "test",
       "content_hash": "h1", "date": "", "mentions": mentions}
open(sys.argv[1], "w").write(json.dumps(doc) + "\n")
PY
"$AIKG" ingest --db "$db" --mentions "$WORK/mentions.jsonl" >/dev/null 2>&1 || fail "ingest mentions"
triangles() { python3 -c 'import json,sys; print(sorted(" ".join(m["name"] for m in t) for t in json.load(sys.stdin)["triangles"]))'; }

expect_eq "$("$AIKG" alliances --db "$db" --json | triangles)" \
  "['Halden AI Mirefield Data Quillon Chips']" "a rivalry triangle is not an alliance, nor an ownership one"
expect_eq "$("$AIKG" alliances --db "$db" --types competition --json | triangles)" \
  "['Brindle Systems Corvid Labs Ostrava Compute']" "--types competition asks for rivals by name"
expect_eq "$("$AIKG" alliances --db "$db" --exclude-types none --json | triangles | tr -cd "'" | wc -c)" "6" \
  "--exclude-types none counts every triangle"
expect_eq "$("$AIKG" alliances --db "$db" --exclude-types mou --json | triangles)" \
  "['Brindle Systems Corvid Labs Ostrava Compute', 'Tamsin Cloud Tamsin Group Tamsin Robotics']" \
  "--exclude-types replaces the default"

members=$("$AIKG" communities --db "$db" --json | python3 -c 'import json,sys; print(sorted(m["name"] for c in json.load(sys.stdin)["communities"] for m in c["members"]))')
[[ "$members" == *"Corvid"* ]] && fail "communities count rivals as a bloc: $members"
expect_contains "$members" "Tamsin Group" "communities keep ownership"

# components has no default: every selection takes --exclude-types.
expect_contains "$("$AIKG" components --db "$db" --json)" "Corvid Labs" "components count rivals"
[[ "$("$AIKG" components --db "$db" --exclude-types competition --json)" == *Corvid* ]] && fail "components --exclude-types"
[[ "$("$AIKG" relations --db "$db" --json 2>/dev/null)" == *Corvid* ]] || fail "relations lists rivals"

"$AIKG" export dot --db "$db" -o "$WORK/g.dot" 2>/dev/null
grep -q 'class="competition' "$WORK/g.dot" && fail "the alliance picture draws rivals"
grep -q 'arrowhead=diamond' "$WORK/g.dot" || fail "ownership is not drawn as such"
grep -q 'without competition' "$WORK/g.dot" || fail "the caption does not say rivals are left out"
"$AIKG" export dot --db "$db" --exclude-types none -o "$WORK/all.dot" 2>/dev/null
grep -q 'class="competition' "$WORK/all.dot" || fail "--exclude-types none draws rivals"

err=$("$AIKG" alliances --db "$db" --exclude-types rivalry 2>&1) && fail "unknown type accepted"
expect_contains "$err" "unknown relation type 'rivalry'" "unknown --exclude-types"
expect_contains "$("$AIKG" alliances --help)" "competition" "alliances --help says rivals are left out"
expect_contains "$("$AIKG" communities --help)" "competition" "communities --help says rivals are left out"
echo ok
