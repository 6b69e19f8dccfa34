# Streaming exports (issue 19) write what the exports wrote when they built
# the whole graph in memory, byte for byte: every format of a small fixture
# (groups, hostile names, several evidence rows per relation, partial dates,
# web and other URLs) against the checksums of that older output, and every
# format under several selections streamed from the graph snapshot against
# the same export read straight from the tables (AIKG_SNAPSHOT=off). And a
# csv export that fails halfway leaves the old pair of files, not half a pair.
source "$(dirname "$0")/lib.sh"
db=$WORK/f.db
python3 "$SRC/tests/e2e/export_fixture.py" "$WORK/fixture.jsonl"
"$AIKG" ingest --db "$db" --mentions "$WORK/fixture.jsonl" > /dev/null 2>&1 || fail "ingest the fixture"

export_all() {  # export_all DIR ARGS...: every format into DIR
  local dir=$1
  shift
  mkdir -p "$dir"
  for spec in "dot x.dot" "dot split.dot --split-types" "dot dotlayout.dot --layout dot --no-legend" \
              "graphml x.graphml" "gexf x.gexf" "json x.json" "cytoscape x.cyjs" "csv csv" "csv neo4j --neo4j" \
              "csv excel --excel"; do
    read -r format file flags <<<"$spec"
    # shellcheck disable=SC2086  # flags and selection are word lists
    set +e
    "$AIKG" export "$format" --db "$db" $flags "$@" -o "$dir/$file" 2> /dev/null
    local rc=$?
    set -e
    [ "$rc" -le 1 ] || fail "export $format $*: exit $rc"  # 1: nothing selected, still a valid file
  done
}

# The output of the in-memory writers (aikg before streaming), pinned. After
# a deliberate change of a format, regenerate with:
#   (cd DIR && sha256sum $(find . -type f | sort)) > tests/e2e/export_stream.sha256
export_all "$WORK/pinned"
(cd "$WORK/pinned" && sha256sum --quiet -c "$SRC/tests/e2e/export_stream.sha256") ||
  fail "an export differs from the pinned output (tests/e2e/export_stream.sha256)"

selections=("" "--since 2024-05-01 --min-confidence 0.6" "--types partnership,mou,investment --min-evidence 2"
            "--min-status planned" "--focus Kakao --depth 2" "--focus 'Lumen Bay'" "--group")
i=0
for selection in "${selections[@]}"; do
  eval "export_all '$WORK/snapshot/$i' $selection"
  eval "AIKG_SNAPSHOT=off export_all '$WORK/tables/$i' $selection"
  i=$((i + 1))
done
diff -r "$WORK/snapshot" "$WORK/tables" > "$WORK/diff.txt" || fail "streamed exports differ from the tables': $(head -c 2000 "$WORK/diff.txt")"

# Both csv files or neither: past a 40 KiB file-size limit (the database's
# -shm needs 32) the 600 relations' edges.csv cannot be written, so their
# nodes.csv (7 KB) must not replace the old one either.
big=$WORK/big.db
python3 - "$WORK/big.jsonl" "$SRC" <<'PY'
import random, sys
sys.path.insert(0, sys.argv[2] + "/tests/e2e")
from networkx_compare import org, write_mentions
rng = random.Random(19)
write_mentions(sys.argv[1], [(org(a), org(b), "partnership", "done", "2025-01-01")
                             for a, b in (rng.sample(range(160), 2) for _ in range(600))], per_doc=100)
PY
"$AIKG" ingest --db "$big" --mentions "$WORK/big.jsonl" > /dev/null 2>&1 || fail "ingest 600 relations"
"$AIKG" export csv --db "$big" -o "$WORK/first" 2> /dev/null || fail "export csv"  # stores the snapshot
mkdir -p "$WORK/pair"
echo old > "$WORK/pair/nodes.csv"
echo old > "$WORK/pair/edges.csv"
set +e; err=$(trap '' XFSZ; ulimit -f 40; "$AIKG" export csv --db "$big" -o "$WORK/pair" 2>&1); rc=$?; set -e
expect_eq "$rc" 2 "export csv past a file-size limit ($err)"
expect_contains "$err" "edges.csv" "the error names the file"
expect_eq "$(head -c 40 "$WORK/pair/nodes.csv") $(head -c 40 "$WORK/pair/edges.csv")" "old old" "a failed csv export keeps the old pair"
[ -z "$(find "$WORK/pair" -name '.*')" ] || fail "a temporary file was left behind"
echo "export_stream: ok"
