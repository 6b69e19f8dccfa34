# aikg report: a brief for a period, in Markdown and HTML, with its picture.
# Invented names: a deal before the period that moves from talks to done in
# it, a new deal in it, a rival pair (no deal), and a name not in the gazetteer.
source "$(dirname "$0")/lib.sh"
db=$WORK/r.db
python3 - "$WORK/mentions.jsonl" <<'PY'
import json, sys
def m(i, a, b, t, status, date, sentence, candidate=False):
    return {"id": f"m{i}", "type": t, "source": {"name": a, "kind": "company", **({"candidate": True} if candidate else {})},
            "target": {"name": b, "kind": "company"}, "status": status, "confidence": 0.9, "sentence": sentence,
            "begin": 0, "end": 10, "date": date, "cue": t}
docs = [("d1", "https://example.com/d1", [m(1, "Halden AI", "Mirefield Data", "mou", "talks", "2025-03-01",
                                              "Halden AI is in talks with Mirefield Data over an MOU.")]),
        ("d2", "https://example.com/d2", [m(2, "Halden AI", "Mirefield Data", "mou", "done", "2025-10-02",
                                              "Halden AI and Mirefield Data signed the MOU."),
                                            m(3, "Quillon Chips", "Halden AI", "supply", "planned", "2025-10-03",
                                              "Quillon Chips will supply chips to Halden AI."),
                                            m(4, "Brindle Systems", "Corvid Labs", "competition", "done", "2025-10-04",
                                              "Brindle Systems and Corvid Labs compete head on."),
                                            m(5, "Nimbus Robotics Inc.", "Halden AI", "investment", "done", "2025-10-05",
                                              "Nimbus Robotics Inc. invested in Halden AI.", candidate=True)])]
with open(sys.argv[1], "w") as out:
    for doc_id, url, mentions in docs:
        out.write(json.dumps({"id": doc_id, "title": "", "published": "", "url": url, "source": "test", "origin": "test",
                              "content_hash": doc_id, "date": "", "mentions": mentions}) + "\n")
PY
"$AIKG" ingest --db "$db" --mentions "$WORK/mentions.jsonl" >/dev/null 2>&1 || fail "ingest mentions"
"$AIKG" report --db "$db" --since 2025-10-01 -o "$WORK/brief.md" 2>/dev/null || fail "report exited $?"
md=$(cat "$WORK/brief.md")
expect_contains "$md" "# AI alliances: all organisations, since 2025-10-01" "title"
expect_contains "$md" "## New deals (2)" "new deals counted, the rivalry left out"
expect_contains "$md" "**2025-10-03** Quillon Chips → Halden AI: supply (planned). “Quillon Chips will supply chips to Halden AI.” ([d2](<https://example.com/d2>), 2025-10-03)" "a deal with its sentence and source"
expect_contains "$md" "Halden AI — Mirefield Data: mou (talks → done)" "a status change"
expect_contains "$md" "**Nimbus Robotics Inc.** (investment with Halden AI)" "a name to curate"
expect_contains "$md" "**Halden AI** (" "the most central"
[[ "$md" == *Corvid* ]] && fail "a rivalry reported as a deal"
expect_contains "$md" "![the alliance graph of the period](<brief.svg>)" "the picture's link"
if command -v dot >/dev/null; then grep -q "<svg" "$WORK/brief.svg" || fail "no picture beside the report"; fi
"$AIKG" report --db "$db" --focus "Quillon Chips" --html > "$WORK/brief.html" 2>/dev/null || fail "report --html"
python3 -c 'import sys, html.parser; html.parser.HTMLParser().feed(open(sys.argv[1]).read())' "$WORK/brief.html"
expect_contains "$(cat "$WORK/brief.html")" "<h2>New deals" "HTML sections"
expect_contains "$(cat "$WORK/brief.html")" "Quillon Chips and its network within 1 hop" "focus scope"
[[ "$(cat "$WORK/brief.html")" == *Brindle* ]] && fail "--focus keeps only the network around it"
echo ok
