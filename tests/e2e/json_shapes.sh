# One JSON shape (docs/json.md): every query's --json output on the samples
# validates against its JSON Schema in json_schemas/shapes.json, and no value
# anywhere is an empty string (a missing value is null). Needs Python's
# jsonschema (Debian: python3-jsonschema, installed by tools/setup.sh --with-tests).
source "$(dirname "$0")/lib.sh"
python3 -c 'import jsonschema' 2>/dev/null || fail "python3 jsonschema missing (tools/setup.sh --with-tests installs python3-jsonschema)"
db=$WORK/s.db
"$AIKG" ingest --db "$db" "$SRC/samples" > /dev/null 2>&1 || fail "ingest samples"
run() {  # run SCHEMA ARGS...: the command's --json output into $WORK/SCHEMA-N.json
  local schema=$1; shift
  n=$((n + 1))
  "$AIKG" "$@" --db "$db" --json > "$WORK/$schema-$n.json" || fail "aikg $* --json exited $?"
  echo "$schema $WORK/$schema-$n.json" >> "$WORK/outputs"
}
n=0
run entities entities
run relations relations
run relations relations --entity 삼성SDS --types reseller --since 2025-01-01
run neighbors neighbors OpenAI --depth 2
run neighbors neighbors OpenAI --evidence
run path path "SK Telecom" SoftBank --all
run path path "SK Telecom" SoftBank --k 3 --weighted
run components components
run alliances alliances
run rank rank --by pagerank
run communities communities
run timeline timeline Samsung
run changes changes --since 2025-01-01
run search search 의향서
run check check
run eval eval --gold "$SRC/samples/gold.tsv"
python3 - "$SRC/tests/e2e/json_schemas/shapes.json" "$WORK/outputs" <<'PY' || fail "JSON shapes"
import json, sys
import jsonschema
shapes = json.load(open(sys.argv[1], encoding="utf-8"))
def empty_strings(x, where="$"):
    if x == "":
        yield where
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from empty_strings(v, f"{where}.{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from empty_strings(v, f"{where}[{i}]")
for line in open(sys.argv[2]):
    name, path = line.split()
    doc = json.load(open(path, encoding="utf-8"))
    schema = dict(shapes["commands"][name], definitions=shapes["definitions"])
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        sys.exit(f"{name} ({path}): {e.message} at {list(e.absolute_path)}")
    bad = list(empty_strings(doc))
    if bad:
        sys.exit(f"{name}: empty strings (missing values must be null) at {bad[:5]}")
    if doc in ([], {}):
        sys.exit(f"{name}: the samples gave nothing to check")
PY

# --format on every query: jsonl is the JSON array one element a line; csv
# and tsv are the table, one header and one row per element, every row as wide.
for q in "entities" "relations" "neighbors OpenAI" "components" "rank" "communities" "timeline Samsung" \
         "changes --since 2025-01-01" "search 의향서" "path SK_Telecom SoftBank --all"; do
  read -r -a args <<< "$q"
  args=("${args[@]//_/ }")
  "$AIKG" "${args[@]}" --db "$db" --json > "$WORK/f.json" || fail "$q --json"
  for f in jsonl csv tsv; do
    "$AIKG" "${args[@]}" --db "$db" --format "$f" > "$WORK/f.$f" || fail "$q --format $f exited $?"
  done
  python3 - "$WORK/f" "$q" <<'PY' || fail "--format of $q"
import csv, json, sys
base, q = sys.argv[1], sys.argv[2]
doc = json.load(open(base + ".json", encoding="utf-8"))
items = doc if isinstance(doc, list) else doc.get("communities", [doc])
lines = [json.loads(l) for l in open(base + ".jsonl", encoding="utf-8")]
assert lines == (doc if isinstance(doc, list) else [doc]), "jsonl is not the JSON, one element a line"
for fmt, delim in (("csv", ","), ("tsv", "\t")):
    rows = list(csv.reader(open(base + "." + fmt, encoding="utf-8", newline=""), delimiter=delim,
                           quoting=csv.QUOTE_MINIMAL if fmt == "csv" else csv.QUOTE_NONE))
    assert len({len(r) for r in rows}) == 1, f"{fmt}: ragged rows"
    if not q.startswith(("path", "neighbors")):  # path: a row per hop; neighbors: evidence sub-rows only with --evidence
        assert len(rows) - 1 == len(items), f"{fmt}: {len(rows) - 1} rows for {len(items)} elements"
PY
done
echo ok
