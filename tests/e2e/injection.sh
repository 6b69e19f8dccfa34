# Untrusted names and files (issue 7): entity names made to break SQL, JSON,
# DOT, SVG, CSV and spreadsheets round-trip unchanged through every query and
# export; the database keeps all its tables; a database from elsewhere (wrong
# application_id, or aikg's own file with a planted trigger or view) is
# refused or opened without running any of it.
source "$(dirname "$0")/lib.sh"
db=$WORK/i.db

# The hostile names, written as JSON so that every byte is exact.
cat > "$WORK/names.json" <<'EOF'
["Quote \"Corp\" 'Ltd'",
 "Back\\slash\\\\Co\\",
 "Line\nBreak\r\nInc",
 "\"; DROP TABLE relations; --",
 "'); DELETE FROM entities; --",
 "<script>alert(1)</script>",
 "=cmd|' /C calc'!A0",
 "+SUM(1+1)",
 "@HYPERLINK(\"http://x\")",
 "-2+3",
 "Tab\tSeparated",
 "]; evil -> x [label=\"pwn\"",
 "\\N \\G \\E \\L node",
 "삼성\"전자\\",
 "%s%n{}{0} Corp",
 "<a href=\"javascript:alert(1)\">x</a>",
 "Ünïcödé \u200b zero-width"]
EOF
python3 - "$WORK/names.json" "$WORK/m.jsonl" <<'PY'
import json, sys
names = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i, a in enumerate(names):
        b = names[(i + 1) % len(names)]
        mentions = []
        for k, (t, s, d) in enumerate([("mou", a, b), ("investment", a, b)]):
            mentions.append({"id": f"m{i}-{k}", "type": t, "source": {"name": s, "kind": "company", "candidate": True},
                             "target": {"name": d, "kind": "company", "candidate": True}, "status": "done",
                             "confidence": 0.9, "sentence": f"{s} and {d} did business.", "begin": 0, "end": 10,
                             "date": "2025-01-0%d" % (i % 9 + 1), "cue": "signed"})
        f.write(json.dumps({"id": f"doc \"{i}\"; DROP TABLE documents; --", "title": names[i], "content_hash": f"h{i}",
                            "url": "javascript:alert(1)", "date": "2025-01-01", "mentions": mentions}) + "\n")
PY
"$AIKG" ingest --db "$db" --mentions "$WORK/m.jsonl" > /dev/null 2> "$WORK/ingest.err" ||
  fail "ingest --mentions: $(cat "$WORK/ingest.err")"
tables_before="documents entities evidence relations"

# JSON outputs: every name exactly as written.
"$AIKG" entities --db "$db" --json > "$WORK/e.json" || fail "entities --json"
"$AIKG" relations --db "$db" --json > "$WORK/r.json" || fail "relations --json"
python3 - "$WORK/names.json" "$WORK/e.json" "$WORK/r.json" <<'PY' || fail "JSON round trip"
import json, sys
names = json.load(open(sys.argv[1]))
ents = {e["name"] for e in json.load(open(sys.argv[2]))}
missing = [n for n in names if n not in ents]
assert not missing, f"entities lost or altered: {missing!r}; got {sorted(ents)!r}"
rels = json.load(open(sys.argv[3]))
got = {(r["type"], frozenset((r["source"]["name"], r["target"]["name"]))) for r in rels}
want = {(t, frozenset((a, names[(i + 1) % len(names)]))) for i, a in enumerate(names) for t in ("mou", "investment")}
assert got == want, (got ^ want)
inv = {(r["source"]["name"], r["target"]["name"]) for r in rels if r["type"] == "investment"}
assert inv == {(a, names[(i + 1) % len(names)]) for i, a in enumerate(names)}, "direction"
PY

# DOT: Graphviz accepts it, sees exactly the graph's nodes and edges (nothing
# injected), and the labels give the names back; the SVG is well-formed XML
# with the markup in names escaped.
"$AIKG" export dot --db "$db" --no-legend --split-types -o "$WORK/g.dot" 2> "$WORK/dot.err" || fail "export dot: $(cat "$WORK/dot.err")"
dot -Tjson "$WORK/g.dot" > "$WORK/g.json" || fail "Graphviz rejected the DOT"
dot -Tsvg "$WORK/g.dot" -o "$WORK/g.svg" || fail "Graphviz could not render the DOT"
python3 - "$WORK/names.json" "$WORK/g.json" "$WORK/g.svg" <<'PY' || fail "DOT round trip"
import json, re, sys, xml.etree.ElementTree as ET
names = json.load(open(sys.argv[1]))
g = json.load(open(sys.argv[2]))
nodes = [o for o in g.get("objects", []) if "nodes" not in o]  # skip clusters
assert len(nodes) == len(names), f"{len(nodes)} nodes for {len(names)} names"
assert len(g.get("edges", [])) == 2 * len(names), f"{len(g.get('edges', []))} edges"
assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", o["name"]) for o in nodes), "node ids must be synthetic"
def unescape(s):
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nlr" else m.group(1), s)
def norm(s):  # line breaks may become \n or a space; other controls may be dropped
    return re.sub(r"\s+", " ", s).strip()
labels = {norm(unescape(o.get("label", ""))) for o in nodes}
missing = [n for n in names if not any(norm(n) in l or norm(n).replace("\u200b", "") in l for l in labels)]
assert not missing, f"labels lost names: {missing!r}; labels {sorted(labels)!r}"
for o in g.get("objects", []) + g.get("edges", []):
    for key in ("URL", "href", "image", "shapefile", "fontpath"):
        v = o.get(key, "")
        ok = (not v or v.startswith(("http://", "https://"))) if key in ("URL", "href") else not v
        assert ok, f"{key}={v!r}"
root = ET.parse(sys.argv[3]).getroot()  # well-formed XML
for el in root.iter():
    assert not el.tag.endswith("}script") and el.tag != "script", "a <script> element in the SVG"
    for k, v in el.attrib.items():
        assert not (k.endswith("href") and v.strip().lower().startswith("javascript:")), f"{k}={v!r} in the SVG"
text = "".join(el.text or "" for el in root.iter())
assert "<script>alert(1)</script>" in text, "the name with markup is not shown as text"
PY

# CSV: a CSV reader gives the names back; the spreadsheet flavour defuses formulas.
if "$AIKG" export csv --help > /dev/null 2>&1; then
  "$AIKG" export csv --db "$db" -o "$WORK/csv" > /dev/null 2> "$WORK/csv.err" || fail "export csv: $(cat "$WORK/csv.err")"
  "$AIKG" export csv --db "$db" --excel -o "$WORK/xl" > /dev/null 2> "$WORK/xl.err" || fail "export csv --excel: $(cat "$WORK/xl.err")"
  python3 - "$WORK/names.json" "$WORK/csv/nodes.csv" "$WORK/xl/nodes.csv" <<'PY' || fail "CSV round trip"
import csv, json, sys
names = json.load(open(sys.argv[1]))
def cells(p, enc):
    with open(p, newline="", encoding=enc) as f:
        return {c for row in csv.reader(f) for c in row}
plain = cells(sys.argv[2], "utf-8")
missing = [n for n in names if n not in plain]
assert not missing, f"CSV lost names: {missing!r}"
xl = cells(sys.argv[3], "utf-8-sig")
for n in names:
    if n[0] in "=+-@\t\r":
        assert n not in xl and ("'" + n) in xl, f"formula not defused in the Excel CSV: {n!r}"
    else:
        assert n in xl, f"Excel CSV altered {n!r}"
PY
fi

# Nothing was executed against the database: all tables and rows are there.
tables=$(sqlite3 "$db" "select name from sqlite_schema where type = 'table' and name in ('documents','entities','evidence','relations') order by name" | tr '\n' ' ' | sed 's/ $//')
expect_eq "$tables" "$tables_before" "tables after the queries"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/names.json")
expect_eq "$(sqlite3 "$db" "select count(*) from relations")" "$((2 * n))" "relations after the queries"
expect_eq "$(sqlite3 "$db" "select count(*) from documents")" "$n" "documents after the queries"
[ "$(sqlite3 "$db" "pragma integrity_check")" = ok ] || fail "integrity_check"

# --- databases from elsewhere ---------------------------------------------------
cp "$SRC/samples/en_stargate_launch.txt" "$WORK/article.txt"
# 1. Not aikg's: another application's SQLite file with a view and a trigger
#    that call functions. Refused for reading and writing, left byte-identical.
sqlite3 "$WORK/foreign.db" "PRAGMA application_id = 1234; CREATE TABLE canary(x);
  CREATE TABLE documents(id INTEGER PRIMARY KEY, doc_id TEXT);
  CREATE VIEW v_relations AS SELECT load_extension('/nonexistent/evil.so') AS x;
  CREATE TRIGGER evil AFTER INSERT ON documents BEGIN INSERT INTO canary VALUES (hex(randomblob(8))); END;"
sum_before=$(sha256sum < "$WORK/foreign.db")
for cmd in "entities --json" "relations --json" "export dot -o $WORK/f.dot" "ingest $WORK/article.txt"; do
  set +e
  # shellcheck disable=SC2086
  err=$("$AIKG" $cmd --db "$WORK/foreign.db" 2>&1 >/dev/null); code=$?
  set -e
  expect_eq "$code" "2" "foreign database: $cmd exit"
  expect_contains "$err" "not an aikg database" "foreign database: $cmd message"
done
expect_eq "$(sha256sum < "$WORK/foreign.db")" "$sum_before" "foreign database changed"
[ ! -e "$WORK/foreign.db-wal" ] || fail "foreign database switched to WAL"

# 2. aikg's own file with planted objects: a trigger that writes on every
#    document insert (calling a function), a view of ours redefined to call
#    load_extension. Either refused (exit 2, saying why) or opened without
#    running any of it: the canary table stays empty.
"$AIKG" ingest --db "$WORK/planted.db" "$SRC/samples/en_meta_scale_stake.txt" > /dev/null
sqlite3 "$WORK/planted.db" "CREATE TABLE canary(x);
  CREATE TRIGGER evil AFTER INSERT ON documents BEGIN INSERT INTO canary VALUES (hex(randomblob(8))); END;
  CREATE TRIGGER evil2 AFTER UPDATE ON relations BEGIN INSERT INTO canary VALUES ('update'); END;
  DROP VIEW v_relations;
  CREATE VIEW v_relations AS SELECT load_extension('/nonexistent/evil.so') AS id, 'x' AS type;"
refused=0
for cmd in "entities --json" "relations --json" "export dot -o $WORK/p.dot" "ingest $WORK/article.txt"; do
  set +e
  # shellcheck disable=SC2086
  err=$("$AIKG" $cmd --db "$WORK/planted.db" 2>&1 >/dev/null); code=$?
  set -e
  case $code in
    0) ;;
    2) [ -n "$err" ] || fail "planted database: $cmd refused without a message"; refused=$((refused + 1)) ;;
    *) fail "planted database: $cmd exit $code: $err" ;;
  esac
  canary=$(sqlite3 "$WORK/planted.db" "select count(*) from canary")
  [ "$canary" = 0 ] || fail "planted database: '$cmd' ran a planted trigger ($canary canary rows)"
done
echo "ok: ${n} hostile names round-tripped (JSON, DOT/SVG, CSV); foreign file refused; planted trigger/view not run ($refused of 4 commands refused)"
