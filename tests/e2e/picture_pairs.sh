# Pictures that read: a pair of organisations linked by several relations is
# one edge in DOT by default, styled by its strongest relation and labelled
# with all of them; --split-types draws each. Invented names.
source "$(dirname "$0")/lib.sh"
db=$WORK/p.db
python3 - "$WORK/mentions.jsonl" <<'PY'
import json, sys
# (source, target, type, status, evidence sentences)
rels = [("Halden AI", "Mirefield Data", "loi", "done", 1), ("Halden AI", "Mirefield Data", "contract", "planned", 3),
        ("Halden AI", "Mirefield Data", "investment", "done", 2), ("Mirefield Data", "Halden AI", "supply", "talks", 1),
        ("Quillon Chips", "Halden AI", "investment", "done", 1), ("Quillon Chips", "Halden AI", "supply", "done", 1)]
mentions = []
for t_i, (a, b, t, status, n) in enumerate(rels):
    for k in range(n):
        mentions.append({"id": f"m{t_i}-{k}", "type": t, "source": {"name": a, "kind": "company"},
                         "target": {"name": b, "kind": "company"}, "status": status, "confidence": 0.9,
                         "sentence": f"{a} {t} {b} ({k}).", "begin": 0, "end": 10, "date": f"2025-0{k + 1}-01", "cue": t})
doc = {"id": "d1", "title": "", "published": "", "url": "", "source": "test", "origin": "test",
       "content_hash": "h1", "date": "", "mentions": mentions}
open(sys.argv[1], "w").write(json.dumps(doc) + "\n")
PY
"$AIKG" ingest --db "$db" --mentions "$WORK/mentions.jsonl" >/dev/null 2>&1 || fail "ingest mentions"
"$AIKG" export dot --db "$db" -o "$WORK/g.dot" 2>/dev/null || fail "export dot"
expect_eq "$(grep -c -- ' -- ' "$WORK/g.dot")" "2" "one edge per pair"
pair=$(grep -- ' -- ' "$WORK/g.dot" | grep 'loi')
# The strongest relation (done, then most evidence: investment) styles it; every relation labels it.
expect_contains "$pair" 'class="investment loi contract supply done"' "relations strongest first"
expect_contains "$pair" 'style=solid' "styled by the strongest (done)"
expect_contains "$pair" 'dir=none' "mixed directions draw no arrow"
expect_contains "$pair" 'supply → Halden AI' "a directed relation against the others names its target"
one_way=$(grep -- ' -- ' "$WORK/g.dot" | grep -v 'loi')
expect_contains "$one_way" 'dir=forward' "relations all one way draw one arrow"
"$AIKG" export dot --db "$db" --split-types -o "$WORK/s.dot" 2>/dev/null || fail "export dot --split-types"
expect_eq "$(grep -c -- ' -- ' "$WORK/s.dot")" "6" "--split-types draws each relation"
if command -v dot >/dev/null; then
  for f in g s; do dot -Tsvg "$WORK/$f.dot" -o "$WORK/$f.svg" || fail "dot rejected $f.dot"; done
fi
echo ok
