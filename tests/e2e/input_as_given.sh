# Input as users give it (issue 18, items 4 and 5): stdin (JSON Lines or
# text), a named file aikg cannot read, a folder as --db, dates that are no
# day, a mistyped flag, an empty answer; and dates on every article: front
# matter, a dateline in the text, --date for the rest, the undated counted.
source "$(dirname "$0")/lib.sh"
db=$WORK/in.db
cd "$WORK"
# Invented organisations, so the test sentences are our own.
printf 'Halden AI\tcompany\t\t할든AI\tHalden AI\nMirefield Data\tcompany\t\t마이어필드\tMirefield Data\nQuillon Chips\tcompany\t\t퀼런칩스\tQuillon Chips\nTanda Robotics\tcompany\t\t탄다로보틱스\tTanda Robotics\nBrindle Systems\tcompany\t\t브린들\tBrindle Systems\nCorvid Labs\tcompany\t\t코비드랩스\tCorvid Labs\nOstrava Compute\tcompany\t\t오스트라바\tOstrava Compute\n' > names.tsv
aikg() { "$AIKG" "$@" --gazetteer names.tsv; }

# stdin: JSON Lines, then plain text.
printf '{"id":"j1","published":"2025-03-04","text":"Halden AI signed an MOU with Mirefield Data."}\n' |
  aikg ingest --db "$db" - > out 2> err || fail "ingest - (jsonl): $(cat err)"
expect_contains "$(cat out)" "ingested 1 articles" "stdin JSON Lines"
printf 'A headline\nQuillon Chips signed a contract with Halden AI.\n' |
  aikg ingest --db "$db" - > out 2> err || fail "ingest - (text): $(cat err)"
expect_contains "$(cat out)" "ingested 1 articles" "stdin text"
expect_eq "$(sqlite3 "$db" "select count(*) from documents where doc_id like 'text-%'")" "1" "stdin text named by its content"
printf 'x\n' | "$AIKG" ingest --db "$db" - - 2> err && fail "two - accepted"
expect_contains "$(cat err)" "only once" "- twice"

# A named file aikg cannot read, or a missing one: exit 1, with its name.
echo "%PDF" > report.pdf
code=0; "$AIKG" ingest --db "$db" report.pdf > /dev/null 2> err || code=$?
expect_eq "$code" "1" "unsupported named file exit"
expect_contains "$(cat err)" "report.pdf: unsupported file type .pdf" "unsupported named file message"
code=0; "$AIKG" ingest --db "$db" missing.txt > /dev/null 2> err || code=$?
expect_eq "$code" "1" "missing file exit"
expect_contains "$(cat err)" "missing.txt" "missing file message"
mkdir folder
code=0; "$AIKG" entities --db folder 2> err >/dev/null || code=$?
expect_eq "$code" "2" "--db folder exit"
expect_contains "$(cat err)" "is a directory" "--db folder message"

# Dates that are no day, a mistyped flag, a mistyped command.
for bad in 2025-13-45 2025-02-30 20250101 yesterday; do
  code=0; "$AIKG" relations --db "$db" --since "$bad" > /dev/null 2> err || code=$?
  expect_eq "$code" "2" "--since $bad exit"
  expect_contains "$(cat err)" "'$bad' is not a date" "--since $bad message"
done
"$AIKG" ingest --db "$db" --date 2025-02-29 - < /dev/null 2> err && fail "--date 2025-02-29 accepted"
code=0; "$AIKG" relations --db "$db" --tpyes mou 2> err || code=$?
expect_eq "$code" "2" "mistyped flag exit"
expect_contains "$(cat err)" "did you mean --types?" "mistyped flag suggestion"
"$AIKG" aliances --db "$db" 2> err && fail "mistyped command accepted"
expect_contains "$(cat err)" "did you mean alliances?" "mistyped command suggestion"

# A query that finds nothing says so on stderr, in one line, and exits 1.
expect_eq "$(sqlite3 "$db" "select count(*) from relations")" "2" "relations from stdin"
for q in "relations --types merger" "neighbors Quillon_Chips --types merger" "changes --since 2030-01-01" \
         "search zzzz" "alliances" "components --types merger"; do
  read -r -a args <<< "${q//_/ }"
  [ "${args[0]}" = neighbors ] && args=(neighbors "Quillon Chips" --types merger)
  code=0; "$AIKG" "${args[@]}" --db "$db" > /dev/null 2> err || code=$?
  expect_eq "$code" "1" "$q: exit"
  [ "$(wc -l < err)" = "1" ] || fail "$q: expected one line on stderr, got: $(cat err)"
done

# Dates on every article: front matter, a dateline in the text, --date.
mkdir news
printf -- '---\ndate: 2025-10-01\nurl: https://example.com/a\nsource: Example Daily\n---\nTanda Robotics signs an MOU\nTanda Robotics signed an MOU with Halden AI.\n' > news/a.txt
printf 'Brindle Systems invests in Quillon Chips\nPublished Oct. 2, 2025 09:10\nBrindle Systems invested in Quillon Chips.\n' > news/b.txt
printf 'Corvid Labs and Mirefield Data meet\n입력 2025.10.03 10:32\nCorvid Labs signed a contract with Mirefield Data.\n' > news/c.txt
printf 'Ostrava Compute partners with Halden AI\nOstrava Compute signed an MOU with Halden AI.\n' > news/d.txt
aikg ingest --db dated.db news/ > out 2> err || fail "ingest dated: $(cat err)"
expect_contains "$(cat err)" "1 of the 4 new or changed articles have no date" "undated count"
dates=$(sqlite3 dated.db "select doc_id || '=' || coalesce(date, '') from documents order by doc_id" | tr '\n' ' ')
expect_eq "$dates" "a=2025-10-01 b=2025-10-02 c=2025-10-03 d= " "dates from front matter and text"
expect_eq "$(sqlite3 dated.db "select url || ' ' || source from documents where doc_id = 'a'")" \
  "https://example.com/a Example Daily" "front matter url and source"
aikg ingest --db dated2.db --date 2025-09-30 news/ > out 2> err || fail "ingest --date: $(cat err)"
[[ "$(cat err)" == *"no date"* ]] && fail "--date left articles undated"
expect_eq "$(sqlite3 dated2.db "select date from documents where doc_id in ('a', 'd') order by doc_id" | tr '\n' ' ')" \
  "2025-10-01 2025-09-30 " "--date fills only undated articles"
printf -- '---\ndate: 2025-10-41\n---\nText.\n' > news/e.txt
code=0; "$AIKG" ingest --db dated.db news/e.txt > /dev/null 2> err || code=$?
expect_eq "$code" "1" "bad front matter date exit"
expect_contains "$(cat err)" "e.txt: line 2: front matter date '2025-10-41'" "bad front matter date message"

# Colour and progress on a terminal only (script(1) gives the command one), never with NO_COLOR.
if command -v script >/dev/null; then
  esc=$'\x1b['
  tty_out=$(env -u NO_COLOR script -qec "$AIKG relations --db $WORK/dated.db" /dev/null)
  [[ "$tty_out" == *"$esc"* ]] || fail "no colour on a terminal"
  tty_out=$(NO_COLOR=1 script -qec "$AIKG relations --db $WORK/dated.db" /dev/null)
  [[ "$tty_out" == *"$esc"* ]] && fail "colour despite NO_COLOR"
  progress=$(script -qec "$AIKG ingest --db $WORK/tty.db $WORK/news" /dev/null || true)  # e.txt: exit 1
  expect_contains "$progress" "articles/s" "progress line"
  expect_contains "$progress" "4 of 5 articles" "progress counts the articles to come (e.txt is unreadable)"
fi
[[ "$("$AIKG" relations --db dated.db)" == *"$'\x1b['"* ]] && fail "colour into a pipe"

# A read-only command leaves no -wal or -shm beside the database.
"$AIKG" entities --db dated.db > /dev/null
"$AIKG" neighbors --db dated.db "Halden AI" > /dev/null
for f in dated.db-wal dated.db-shm; do [ -e "$f" ] && fail "a read-only command left $f"; done
echo ok
