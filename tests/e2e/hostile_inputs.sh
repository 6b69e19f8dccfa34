# Hostile input (issue 7): every kind of damaged file the issue lists, generated
# here, ingested in ONE run together with good articles. Each bad input must
# give exactly one clear stderr line naming it (with the byte offset or line
# number where that helps), every good document must land, the exit status
# must be 1 (some inputs skipped), and memory must stay bounded on a 50 MB
# single-line file.
source "$(dirname "$0")/lib.sh"
in=$WORK/in
mkdir -p "$in/sub"
db=$WORK/h.db

# --- good articles (must all land) ------------------------------------------
cp "$SRC/samples/ko_kakao_openai_partnership.txt" "$in/good_ko.txt"
cp "$SRC/samples/en_stargate_launch.txt" "$in/sub/good_en.txt"
cp "$SRC/samples/en_oracle_openai_contract.html" "$in/good_html.html"
# UTF-8 BOM, CRLF line ends and lone CRs are fine, not errors.
printf '\xef\xbb\xbfSamsung Electronics signed a memorandum of understanding with OpenAI on Monday.\r\nThe deal covers memory chips.\r\n' > "$in/bom_crlf.txt"
printf 'Kakao and OpenAI announced a strategic partnership.\rThe companies will build products together.\r' > "$in/lone_cr.txt"
# NFD Hangul (as macOS file names and text copied from them arrive): must be
# read, normalised to NFC and give the same mentions as the NFC text.
python3 - "$SRC/samples/ko_lee_son_altman_meeting.txt" "$in/nfd_hangul.txt" <<'PY'
import sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
nfd = unicodedata.normalize("NFD", text)
assert nfd != text
open(sys.argv[2], "w", encoding="utf-8").write(nfd)
PY
# HTML with scripts, styles, comments, a noscript, hidden text and 200,000
# levels of nesting: the visible sentence lands; the hidden ones do not.
python3 - "$in/tricky.html" <<'PY'
import sys
hidden = "Hooli signed a memorandum of understanding with Initech."
parts = ["<!doctype html><html><head><title>Hostile page</title>",
         "<style>body:before{content:'%s'}</style>" % hidden,
         "<script>var s = \"%s\"; document.write('</div>');</script>" % hidden,
         "</head><body><!-- %s --><!-- unterminated? no -->" % hidden,
         "<p>SK Telecom signed a memorandum of understanding with OpenAI in Seoul on Tuesday.</p>",
         "<div hidden>%s</div>" % hidden,
         "<div>" * 200000, "deep text", "</div>" * 200000,
         "<script>/* unterminated comment in script", "</script>",
         "</body></html>"]
open(sys.argv[1], "w").write("".join(parts))
PY
# JSONL: good lines around bad ones (line numbers are checked below).
{
  printf '%s\n' '{"id":"wire_ok_1","title":"ok","published":"2025-01-02","text":"NVIDIA invested in OpenAI."}'
  printf '%s\n' '{"id":"trunc","title":"cut","text":"NVIDIA and Oracle signed'          # 2: truncated
  printf '%s\n' 'this is not json at all'                                                 # 3: malformed
  printf '%s\n' '{"id":"notext","title":"no text field"}'                                 # 4: no text
  printf '{"id":"badutf","text":"\xc0\xaf overlong"}\n'                                   # 5: invalid UTF-8
  printf '%s\n' '["an","array"]'                                                          # 6: not an object
  printf '%s\n' '{"id":"wire_ok_2","text":"Microsoft and OpenAI extended their partnership."}'
  printf '%s' '{"id":"tail","text":"a last line cut off without a newline'                # 8: truncated, no \n
} > "$in/mixed.jsonl"

# --- bad inputs (each must be reported once, by name) ------------------------
# Invalid UTF-8 at a known byte offset (a CP949 "삼성" in a UTF-8 file).
printf 'Samsung \xbb\xef\xbc\xba signed.\n' > "$in/bad_utf8.txt"
# Overlong, surrogate and 5-byte forms (Kuhn's test file), each alone.
printf 'ok \xc0\xaf\n' > "$in/overlong.txt"
printf 'ok \xed\xa0\x80\n' > "$in/surrogate.txt"
printf 'ok \xf8\x88\x80\x80\x80\n' > "$in/five_byte.txt"
printf 'ok truncated \xe3\x81' > "$in/truncated_seq.txt"
# A NUL byte past the first 64 KiB (grep/ripgrep only sniff the start).
python3 - "$in/nul_late.txt" <<'PY'
import sys
open(sys.argv[1], "wb").write(b"A" * 70000 + b"\0" + b"tail\n")
PY
printf '' > "$in/empty.txt"
printf ' \n\t\r\n' > "$in/blank.txt"
# A binary file with a .txt name (a PNG header and random bytes).
{ printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR'; head -c 4096 /dev/urandom; } > "$in/image.txt"
# UTF-16 (Windows Notepad "Unicode").
printf '\xff\xfeS\x00a\x00m\x00' > "$in/utf16.txt"
printf '<html><head><script>var a=1;</script><style>p{}</style></head><body><!-- only a comment --></body></html>' > "$in/empty.html"
: > "$in/zero.html"
printf '\x00\x01\x02' > "$in/binary.jsonl"
: > "$in/empty.jsonl"
# A symlink loop, a dangling link and a link to a folder (not followed).
ln -s loop_b "$in/loop_a.txt"
ln -s loop_a.txt "$in/loop_b"
ln -s does_not_exist.txt "$in/dangling.txt"
ln -s . "$in/sub/self"
# A file type aikg does not read is a notice, not a failure.
printf 'notes\n' > "$in/notes.md"

# The 50 MB single-line file: valid text, no newline anywhere. Under the
# sanitizers (tools/sanitize.sh sets AIKG_E2E_HUGE_MB) a smaller one takes the
# same code path: there the point is memory safety, not the memory bound, and
# 50 MB costs over a minute of the test command.
huge_mb=${AIKG_E2E_HUGE_MB:-50}
python3 - "$in/huge_line.txt" "$huge_mb" <<'PY'
import sys
s = "Samsung Electronics and OpenAI discussed memory supply in Seoul. Nothing was signed, people familiar said. "
n = int(sys.argv[2]) * 1024 * 1024 // len(s) + 1
with open(sys.argv[1], "w") as f:
    f.write(s * n)
PY
[ "$(wc -l < "$in/huge_line.txt")" = "0" ] || fail "huge file has a newline"

# --- unreadable files ---------------------------------------------------------
mkdir -p "$in/locked" "$in/dir_locked"
cp "$SRC/samples/en_meta_scale_stake.txt" "$in/locked/secret.txt"
printf 'x\n' > "$in/dir_locked/inside.txt"
chmod 000 "$in/locked/secret.txt" "$in/dir_locked"
restore() { chmod -R u+rwx "$in" 2>/dev/null || true; rm -rf "$WORK"; }
trap restore EXIT
root=0
[ "$(id -u)" = 0 ] && root=1

# --- the run -----------------------------------------------------------------
mem_cmd=()
[ -x /usr/bin/time ] && mem_cmd=(/usr/bin/time -v -o "$WORK/time.txt")
set +e
"${mem_cmd[@]}" "$AIKG" ingest --db "$db" "$in" > "$WORK/out" 2> "$WORK/err"
code=$?
set -e
[ "$code" = 1 ] || { cat "$WORK/err" >&2; fail "exit status $code, expected 1"; }
err=$(cat "$WORK/err")

# One line per bad input, naming it; `what` is a fragment of the message.
expect_problem() {  # name fragment
  local n
  n=$(grep -cF -- "$1" <<<"$err" || true)
  [ "$n" = 1 ] || fail "expected exactly one stderr line for $1, got $n:"$'\n'"$err"
  grep -F -- "$1" <<<"$err" | grep -qF -- "$2" || fail "message for $1 lacks '$2': $(grep -F -- "$1" <<<"$err")"
}
expect_problem "bad_utf8.txt" "invalid UTF-8 at byte 8"
expect_problem "overlong.txt" "invalid UTF-8 at byte 3"
expect_problem "surrogate.txt" "invalid UTF-8 at byte 3"
expect_problem "five_byte.txt" "invalid UTF-8 at byte 3"
expect_problem "truncated_seq.txt" "invalid UTF-8 at byte 13"
expect_problem "nul_late.txt" "NUL byte at byte 70000"
expect_problem "empty.txt" "empty"
expect_problem "blank.txt" "empty"
expect_problem "image.txt" "binary"
expect_problem "utf16.txt" "UTF-16"
expect_problem "empty.html" "no visible text"
expect_problem "zero.html" "empty"
expect_problem "binary.jsonl" "binary"
expect_problem "empty.jsonl" "empty"
expect_problem "mixed.jsonl:2:" "invalid JSON"
expect_problem "mixed.jsonl:3:" "invalid JSON"
expect_problem "mixed.jsonl:4:" "text"
expect_problem "mixed.jsonl:5:" "invalid UTF-8"
expect_problem "mixed.jsonl:6:" "not a JSON object"
expect_problem "mixed.jsonl:8:" "invalid JSON"
expect_problem "loop_a.txt" "symbolic links"
expect_problem "loop_b" "symbolic links"
expect_problem "dangling.txt" "No such file"
expect_problem "sub/self" "link to a folder"
expect_problem "notes.md" "unsupported file type (.md)"
if [ "$root" = 0 ]; then
  expect_problem "secret.txt" "Permission denied"
  expect_problem "dir_locked" "Permission denied"
  locked_docs=0
else
  # root reads through chmod 000: the file is simply ingested, the folder walked.
  grep -qF "secret.txt" <<<"$err" && fail "root: chmod 000 file reported: $err"
  locked_docs=2
fi
# No line that names no input, apart from the summary lines.
while IFS= read -r line; do
  case $line in
    "aikg: $in"*) ;;
    "aikg: "*" inputs could not be read and were skipped") ;;
    "aikg: "*" files of unsupported types skipped") ;;
    "aikg: "*" new or changed articles have no date "*) ;;
    *) fail "stderr line names no input: $line" ;;
  esac
done <<<"$err"
problems=$(grep -c "^aikg: $in" <<<"$err")

# Every good document landed.
want="bom_crlf good_en good_html good_ko huge_line lone_cr nfd_hangul tricky wire_ok_1 wire_ok_2"
[ "$root" = 1 ] && want="$want inside secret"
got=$(sqlite3 "$db" "select doc_id from documents order by doc_id" | tr '\n' ' ' | sed 's/ $//')
want=$(tr ' ' '\n' <<<"$want" | sort | tr '\n' ' ' | sed 's/ $//')
expect_eq "$got" "$want" "documents stored"
[ "$(sqlite3 "$db" "pragma integrity_check")" = ok ] || fail "integrity_check"
[ -z "$(sqlite3 "$db" "pragma foreign_key_check")" ] || fail "foreign_key_check"

# The HTML's hidden parts (script, style, comment, hidden) gave nothing; the
# visible sentence did.
hidden=$(sqlite3 "$db" "select count(*) from entities where name in ('Hooli','Initech')")
expect_eq "$hidden" "0" "entities from hidden HTML"
sqlite3 "$db" "select sentence from evidence e join documents d on d.id = e.document_id where d.doc_id = 'tricky'" \
  | grep -q "SK Telecom" || fail "visible HTML sentence gave no evidence"

# NFD Hangul: the same mentions as the NFC original.
"$AIKG" extract "$in/nfd_hangul.txt" > "$WORK/nfd.json"
"$AIKG" extract "$SRC/samples/ko_lee_son_altman_meeting.txt" > "$WORK/nfc.json"
python3 - "$WORK/nfd.json" "$WORK/nfc.json" <<'PY' || fail "NFD Hangul differs from NFC"
import json, sys
a, b = (json.loads(open(p).read()) for p in sys.argv[1:])
assert a["content_hash"] == b["content_hash"], "content hash"
strip = lambda d: [(m["type"], m["source"]["name"], m["target"]["name"], m["sentence"]) for m in d["mentions"]]
assert strip(a) and strip(a) == strip(b), (strip(a), strip(b))
PY

# Memory stayed bounded on the 50 MB line: under 1 GiB (about 270 MiB measured).
rss_kb=unknown
if [ -s "$WORK/time.txt" ]; then
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  [ "$rss_kb" -lt $((1024 * 1024)) ] || fail "max RSS ${rss_kb} KiB on a ${huge_mb} MB file (bound 1 GiB)"
fi

# As root the permission checks above could not bite: run the reader as an
# unprivileged user on a copy, when setpriv is there.
if [ "$root" = 1 ] && command -v setpriv >/dev/null; then
  perm=$(mktemp -d)
  mkdir -p "$perm/p/dir_locked"
  cp "$SRC/samples/en_meta_scale_stake.txt" "$perm/p/secret.txt"
  cp "$SRC/samples/en_stargate_launch.txt" "$perm/p/open.txt"
  printf 'x\n' > "$perm/p/dir_locked/inside.txt"
  chmod 755 "$perm" "$perm/p"
  chmod 644 "$perm/p/open.txt"
  chmod 000 "$perm/p/secret.txt" "$perm/p/dir_locked"
  set +e
  setpriv --reuid=65534 --regid=65534 --clear-groups "$AIKG" extract "$perm/p" > "$WORK/perm.out" 2> "$WORK/perm.err"
  pcode=$?
  set -e
  chmod -R u+rwx "$perm"; rm -rf "$perm"
  perr=$(cat "$WORK/perm.err")
  expect_eq "$pcode" "0" "extract as nobody"
  [ "$(grep -c 'secret.txt: Permission denied' <<<"$perr")" = 1 ] || fail "unreadable file as nobody: $perr"
  [ "$(grep -c 'dir_locked: Permission denied' <<<"$perr")" = 1 ] || fail "unreadable folder as nobody: $perr"
  [ "$(wc -l < "$WORK/perm.out")" = 1 ] || fail "readable file next to unreadable ones not extracted"
  problems=$((problems + 2))
fi

# KNOWN BUG (issue 7, found by this test): the extractor's time grows with
# the square of a sentence's length when the sentence is full of names. A
# 2 MB run-on "sentence" (clauses joined by ';', no sentence end) takes about
# 30 s (1 MB 8 s, 4 MB 127 s, 50 MB hours) where 2 MB of short sentences
# takes 0.5 s. Fix in the extractor (not this test): split sentences longer
# than a few thousand code points at clause punctuation, or skip them with a
# notice, so the work per sentence is bounded.
python3 - "$WORK/runon.txt" <<'PY'
import sys
s = "Samsung Electronics and OpenAI discussed memory supply in Seoul, people familiar said, and nothing was signed; "
open(sys.argv[1], "w").write(s * (2 * 1024 * 1024 // len(s)))
PY
set +e
timeout 10 "$AIKG" extract "$WORK/runon.txt" > /dev/null 2>&1
rcode=$?
set -e
[ "$rcode" != 124 ] || fail "KNOWN BUG: extracting a 2 MB run-on sentence took over 10 s (quadratic in sentence length)"
[ "$rcode" = 0 ] || fail "extract on a 2 MB run-on sentence: exit $rcode"

echo "ok: $problems hostile inputs reported, $(wc -w <<<"$want") good documents stored, max RSS ${rss_kb} KiB"
