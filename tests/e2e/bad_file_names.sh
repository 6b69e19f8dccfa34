# Issue 15, class 6: file names that are not valid UTF-8 (CP949 from a
# Windows zip, Latin-1, stray bytes) are stored with each invalid byte written
# as \xNN, so every --json output of the database stays valid JSON and two
# such names stay two documents.
source "$(dirname "$0")/lib.sh"
in=$WORK/in
mkdir -p "$in"
sentence="Samsung Electronics signed a memorandum of understanding with OpenAI on Monday."
printf '%s\n' "$sentence" > "$in/$(printf '\xbb\xef\xbc\xba')_cp949.txt"
printf '%s\n' "Kakao and OpenAI announced a strategic partnership." > "$in/$(printf '\xbb\xee\xbc\xba')_cp949.txt"
printf '<html><body><p>%s</p></body></html>\n' "NVIDIA invested in OpenAI." > "$in/caf$(printf '\xe9').html"
printf '%s\n' '{"title":"t","text":"Microsoft and OpenAI extended their partnership."}' > "$in/wire$(printf '\xff').jsonl"
mkdir "$in/$(printf 'dir\xc0\xaf')"
printf '%s\n' "SK Telecom signed a memorandum of understanding with Anthropic." > "$in/$(printf 'dir\xc0\xaf')/a.txt"
db=$WORK/n.db
set +e; "$AIKG" ingest --db "$db" "$in" > /dev/null 2> "$WORK/ingest.err"; rc=$?; set -e
expect_eq "$rc" 0 "ingest of files with invalid names ($(cat "$WORK/ingest.err"))"
# Names typed on a command line in another encoding (an alias, a note) are
# refused, saying which byte.
for c in "alias add OpenAI $(printf 'Open\xffAI')" "relation add --type mou Kakao OpenAI --note $(printf '\xe9t\xe9')"; do
  set +e; err=$("$AIKG" $c --db "$db" 2>&1); rc=$?; set -e
  expect_eq "$rc" 2 "aikg $c"
  expect_contains "$err" "not valid UTF-8" "aikg $c says why"
done
valid_json() {  # valid_json NAME < text
  python3 -c 'import json,sys; json.loads(sys.stdin.buffer.read().decode("utf-8"))' || fail "$1: not valid UTF-8 JSON"
}
for c in "entities --json" "relations --json" "search OpenAI --json" "search 삼성 --json" "check --json" \
         "export json" "export cytoscape"; do
  set +e; out=$("$AIKG" $c --db "$db" 2> "$WORK/err"); rc=$?; set -e
  [ "$rc" -le 1 ] || fail "aikg $c exited $rc: $(cat "$WORK/err")"
  valid_json "aikg $c" <<<"$out"
done
"$AIKG" export graphml --db "$db" -o "$WORK/g.graphml" 2> /dev/null
python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$WORK/g.graphml" || fail "graphml is not XML"
# extract (JSON Lines) on the same files.
"$AIKG" extract "$in" 2> /dev/null | while IFS= read -r line; do valid_json "aikg extract" <<<"$line"; done
# Both CP949 names are documents of their own, and the names show the bytes.
docs=$("$AIKG" relations --json --db "$db" | python3 -c '
import json, sys
print("\n".join(sorted({e["doc"] for r in json.load(sys.stdin) for e in r["evidence"]})))')
# (EF BC BA and EE BC BA happen to be valid UTF-8: only the lone BB is escaped.)
expect_eq "$(grep -c '^\\xbb.*_cp949$' <<<"$docs")" 2 "two CP949 names, two documents, escaped: $docs"
expect_contains "$docs" 'caf\xe9' "the Latin-1 name, escaped"
echo "bad_file_names: ok"
