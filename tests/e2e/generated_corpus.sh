# The synthetic corpus generator (tools/gen_corpus.py): reproducible from its
# seed, shards that add up to the single file, and a corpus the extractor
# reads well enough to guard against regressions (typed F1 and status
# accuracy against the generated ground truth; the templates are cleaner than
# news, so the bar is high).
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
gen() { $PY "$SRC/tools/gen_corpus.py" --articles 400 --seed 11 --quiet "$@"; }
gen --out "$WORK/a.jsonl" --gold "$WORK/a.tsv"
gen --out "$WORK/b.jsonl" --gold "$WORK/b.tsv"
cmp -s "$WORK/a.jsonl" "$WORK/b.jsonl" || fail "same seed, different corpus"
cmp -s "$WORK/a.tsv" "$WORK/b.tsv" || fail "same seed, different gold"
mkdir "$WORK/shards"
gen --out "$WORK/shards/c.jsonl" --gold "$WORK/shards/g.tsv" --shards 3
cat "$WORK"/shards/c-*.jsonl | cmp -s - "$WORK/a.jsonl" || fail "shards do not add up to the single file"
$PY "$SRC/tools/gen_corpus.py" --articles 50 --seed 12 --quiet --out "$WORK/other.jsonl" --gold "$WORK/other.tsv"
cmp -s <(head -n 50 "$WORK/a.jsonl") "$WORK/other.jsonl" && fail "another seed gave the same articles"
expect_eq "$(wc -l < "$WORK/a.jsonl")" 400 "articles"

"$AIKG" ingest --db "$WORK/a.db" "$WORK/a.jsonl" > /dev/null
"$AIKG" eval --db "$WORK/a.db" --gold "$WORK/a.tsv" --json > "$WORK/eval.json"
$PY - "$WORK/eval.json" <<'PY' || fail "extraction quality on the generated corpus"
import json, sys
e = json.load(open(sys.argv[1]))
typed, status = e["typed"], e["status_accuracy"]
print(f"generated corpus: typed P={typed['precision']:.3f} R={typed['recall']:.3f} F1={typed['f1']:.3f}, status {status:.3f}")
assert typed["tp"] > 500, typed
assert typed["f1"] >= 0.9, typed
assert status >= 0.9, status
PY
