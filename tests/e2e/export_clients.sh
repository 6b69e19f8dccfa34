# Every export opened by the client analysts use: Graphviz renders each DOT
# (with --focus and the filters), NetworkX and igraph read GraphML, NetworkX
# reads node-link and Cytoscape JSON, xml.etree reads GEXF and python's csv
# module the CSVs, with the node and edge counts of `aikg relations --json`.
# Then hostile names (quotes, backslashes, newlines, SQL, markup, formulas,
# \N) go through every format and come out intact.
source "$(dirname "$0")/lib.sh"
db=$WORK/s.db
# check CHECK REFERENCE FORMAT=FILE...: see export_check.py.
check() { "$PY" "$SRC/tests/e2e/export_check.py" "$@" >/dev/null || fail "export_check $*"; }

# NetworkX renamed node_link_graph's link= to edges= in 3.4; test with every
# python3 that has NetworkX (Debian's is 2.8, a pip one may be 3.x).
pythons=()
for py in python3 /usr/bin/python3; do
  p=$(command -v "$py" 2>/dev/null) || continue
  [[ " ${pythons[*]-} " == *" $p "* ]] && continue
  "$p" -c 'import networkx' 2>/dev/null && pythons+=("$p")
done
[ ${#pythons[@]} -gt 0 ] || fail "no python3 with NetworkX (tools/setup.sh --with-tests installs it)"
PY=${pythons[0]}

"$AIKG" ingest --db "$db" "$SRC/samples" >/dev/null 2>&1 || fail "ingest samples"
"$AIKG" relations --db "$db" --json > "$WORK/relations.json"

# DOT: every selection renders with dot -Tsvg, including a forced sfdp.
selections=("" "--focus OpenAI --depth 2" "--focus 오픈AI" "--types mou,investment" "--status planned,talks"
            "--min-status planned --since 2024-01-01" "--until 2025-12-31" "--min-confidence 0.8"
            "--min-evidence 2" "--group" "--group --focus SK텔레콤" "--layout sfdp" "--no-legend")
for sel in "${selections[@]}"; do
  # shellcheck disable=SC2086  # word splitting of the flags is intended
  "$AIKG" export dot --db "$db" $sel -o "$WORK/g.dot" 2>/dev/null || [ $? -eq 1 ] || fail "export dot $sel"
  dot -Tsvg "$WORK/g.dot" -o "$WORK/g.svg" 2>"$WORK/dot.err" || fail "dot rejected export dot $sel: $(cat "$WORK/dot.err")"
  grep -q "<svg" "$WORK/g.svg" || fail "no svg for $sel"
done
grep -q "layout=sfdp" "$WORK/g.dot" && fail "--no-legend run should use dot"
"$AIKG" export dot --db "$db" --exclude-types none --split-types -o "$WORK/all.dot" 2>/dev/null  # every relation
dot -Tsvg "$WORK/all.dot" -o "$WORK/all.svg"
check counts "$WORK/relations.json" svg="$WORK/all.svg"
grep -q 'subgraph cluster_' "$WORK/all.dot" || fail "no business-group clusters"
grep -q 'tooltip=' "$WORK/all.dot" || fail "no tooltips"

# --focus matches `aikg neighbors`, through an alias (the picture leaves rivals out by default).
"$AIKG" neighbors --db "$db" 오픈AI --depth 1 --exclude-types competition --json > "$WORK/neighbors.json"
"$AIKG" export dot --db "$db" --focus 오픈AI -o "$WORK/focus.svg" 2>/dev/null || fail "render focus"
"$AIKG" export graphml --db "$db" --focus OpenAI --exclude-types competition -o "$WORK/focus.graphml" 2>/dev/null
check neighbors "$WORK/neighbors.json" svg="$WORK/focus.svg" graphml="$WORK/focus.graphml"

# --render and picture extensions; files appear whole or not at all.
"$AIKG" export dot --db "$db" --focus OpenAI --render png -o "$WORK/p.png" 2>/dev/null
[ "$(head -c 4 "$WORK/p.png" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "png"
"$AIKG" export dot --db "$db" --focus OpenAI -o "$WORK/p.pdf" 2>/dev/null
[ "$(head -c 4 "$WORK/p.pdf")" = "%PDF" ] || fail "pdf"
set +e
err=$(PATH=/nonexistent "$AIKG" export dot --db "$db" -o "$WORK/none.svg" 2>&1); code=$?
set -e
expect_eq "$code" "2" "render without Graphviz"
expect_contains "$err" "Graphviz is not installed" "render without Graphviz message"
[ ! -e "$WORK/none.svg" ] || fail "a failed render left a file"
ls -a "$WORK" | grep -q '^\.none\.svg\.' && fail "a failed render left its temporary file"

# Every format, read by its client, has the counts of `aikg relations`.
"$AIKG" export graphml --db "$db" -o "$WORK/g.graphml" 2>/dev/null
"$AIKG" export gexf --db "$db" -o "$WORK/g.gexf" 2>/dev/null
"$AIKG" export json --db "$db" -o "$WORK/g.json" 2>/dev/null
"$AIKG" export cytoscape --db "$db" > "$WORK/g.cyjs"
"$AIKG" export csv --db "$db" -o "$WORK/csv" 2>/dev/null
"$AIKG" export csv --db "$db" --excel -o "$WORK/xl" 2>/dev/null
"$AIKG" export csv --db "$db" --neo4j -o "$WORK/neo" 2>/dev/null
for py in "${pythons[@]}"; do
  PY=$py check counts "$WORK/relations.json" graphml="$WORK/g.graphml" json="$WORK/g.json" cytoscape="$WORK/g.cyjs"
done
check counts "$WORK/relations.json" gexf="$WORK/g.gexf" csv="$WORK/csv" csv-excel="$WORK/xl" csv-neo4j="$WORK/neo"

# A CSV directory stays a directory; its files stay inside it.
set +e
"$AIKG" export csv --db "$db" -o "$WORK/g.json" 2>/dev/null; code=$?
set -e
expect_eq "$code" "2" "csv into a file"

# A graph beyond 300 nodes gets sfdp, and renders.
python3 - "$WORK/big.jsonl" <<'PY'
import json, sys
mentions = [{"id": f"m{i}", "type": "partnership", "source": {"name": f"Org {i:03}", "kind": "company"},
             "target": {"name": f"Org {(i * 7 + 1) % 400:03}", "kind": "company"}, "status": "done",
             "confidence": 0.9, "sentence": f"Org {i} and friends.", "begin": 0, "end": 10,
             "date": "2024-01-01", "cue": "partnership"} for i in range(400)]
doc = {"id": "big", "title": "", "published": "", "url": "", "source": "", "origin": "",
       "content_hash": "big", "date": "2024-01-01", "mentions": mentions}
open(sys.argv[1], "w").write(json.dumps(doc) + "\n")
PY
"$AIKG" ingest --db "$WORK/big.db" --mentions "$WORK/big.jsonl" >/dev/null
"$AIKG" export dot --db "$WORK/big.db" -o "$WORK/big.dot" 2>/dev/null
grep -q "layout=sfdp" "$WORK/big.dot" || fail "a 400-node graph should use sfdp"
timeout 120 dot -Tsvg "$WORK/big.dot" -o "$WORK/big.svg" || fail "sfdp did not finish"

# Hostile names: every format parses and holds them intact (Excel: guarded).
python3 - "$WORK/hostile.jsonl" <<'PY'
import json, sys
names = ['Quote "Inc"', 'Back\\slash Corp\\', 'Line1\nLine2 Ltd', '"; DROP TABLE x; --',
         '<script>alert(1)</script>', "=cmd|' /C calc'!A0", '\\N Holdings', '\\G\\E\\T \\\\ \\n end\\',
         'Amp &amp; &lt;b&gt;', "Tab\tCo", "+SUM(1)", "-2 Corp", "@at", "]]> --> <!-- 'single'"]
kinds = ["company", "group", "government", "project"]
mentions = [{"id": f"m{i}", "type": ["mou", "investment", "partnership", "contract"][i % 4],
             "source": {"name": n, "kind": kinds[i % 4]},
             "target": {"name": names[(i + 1) % len(names)], "kind": kinds[(i + 1) % 4]},
             "status": ["done", "planned", "talks", "ended"][i % 4], "confidence": 0.9,
             "sentence": f"{n} & {names[(i + 1) % len(names)]} signed </title>", "begin": 0, "end": 10,
             "date": f"2024-0{1 + i % 9}-1{i % 9}", "cue": "x"} for i, n in enumerate(names)]
doc = {"id": "h", "title": "", "published": "", "url": "https://example.com/?a=1&b=\"<x>\"", "source": "",
       "origin": "", "content_hash": "h", "date": "2024-01-01", "mentions": mentions}
open(sys.argv[1], "w").write(json.dumps(doc) + "\n")
PY
hdb=$WORK/hostile.db
"$AIKG" ingest --db "$hdb" --mentions "$WORK/hostile.jsonl" >/dev/null
"$AIKG" entities --db "$hdb" --json > "$WORK/h_entities.json"
"$AIKG" relations --db "$hdb" --json > "$WORK/h_relations.json"
"$AIKG" export dot --db "$hdb" -o "$WORK/h.svg" 2>/dev/null
"$AIKG" export dot --db "$hdb" --focus '"; DROP TABLE x; --' --depth 3 -o "$WORK/hf.dot" 2>/dev/null
dot -Tsvg "$WORK/hf.dot" >/dev/null || fail "focus on a hostile name"
"$AIKG" export graphml --db "$hdb" -o "$WORK/h.graphml" 2>/dev/null
"$AIKG" export gexf --db "$hdb" -o "$WORK/h.gexf" 2>/dev/null
"$AIKG" export json --db "$hdb" -o "$WORK/h.json" 2>/dev/null
"$AIKG" export cytoscape --db "$hdb" -o "$WORK/h.cyjs" 2>/dev/null
"$AIKG" export csv --db "$hdb" -o "$WORK/hcsv" 2>/dev/null
"$AIKG" export csv --db "$hdb" --excel -o "$WORK/hxl" 2>/dev/null
"$AIKG" export csv --db "$hdb" --neo4j -o "$WORK/hneo" 2>/dev/null
hostile=(svg="$WORK/h.svg" graphml="$WORK/h.graphml" gexf="$WORK/h.gexf" json="$WORK/h.json"
         cytoscape="$WORK/h.cyjs" csv="$WORK/hcsv" csv-excel="$WORK/hxl" csv-neo4j="$WORK/hneo")
check names "$WORK/h_entities.json" "${hostile[@]}"
check counts "$WORK/h_relations.json" "${hostile[@]}"
# Markup in names stays text: no raw <script> in the SVG or the JSON.
grep -q "<script>" "$WORK/h.svg" "$WORK/h.json" "$WORK/h.cyjs" && fail "raw <script> in an export"
grep -q 'href="javascript' "$WORK/h.svg" && fail "javascript link in SVG"
echo "ok"
