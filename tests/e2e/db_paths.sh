# Issue 15, class 5: --db values that SQLite would not take as a file (empty,
# :memory:, URIs) are refused with a message, never a "successful" ingest
# that wrote nothing; a folder is named as such. Every command, read or write.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
article=$SRC/samples/en_stargate_launch.txt
for db in "" ":memory:" "file:x.db" "file:y.db?mode=memory" "file:$WORK/z.db" "FILE:w.db" "file::memory:?cache=shared"; do
  for c in "ingest" "entities" "check" "export json" "alias add OpenAI Open-AI"; do
    args=()
    [ "$c" = ingest ] && args=("$article")
    set +e; err=$("$AIKG" $c --db "$db" "${args[@]}" 2>&1); rc=$?; set -e
    expect_eq "$rc" 2 "aikg $c --db '$db'"
    expect_contains "$err" "aikg:" "aikg $c --db '$db' explains"
    case $db in
      "") expect_contains "$err" "empty" "empty --db" ;;
      :memory:) expect_contains "$err" "memory" "--db :memory:" ;;
      *) expect_contains "$err" "URI" "--db $db" ;;
    esac
  done
done
[ -z "$(ls -A "$WORK")" ] || fail "refused --db values left files: $(ls -A "$WORK")"
# A file whose name starts with file: is reachable as ./file:NAME.
"$AIKG" ingest --db "./file:x.db" "$article" > /dev/null
[ -f "$WORK/file:x.db" ] || fail "./file:x.db was not created as a file"
# A folder.
mkdir "$WORK/folder"
for c in ingest entities check; do
  args=(); [ "$c" = ingest ] && args=("$article")
  set +e; err=$("$AIKG" $c --db "$WORK/folder" "${args[@]}" 2>&1); rc=$?; set -e
  expect_eq "$rc" 2 "aikg $c --db FOLDER"
  expect_contains "$err" "is a directory" "aikg $c --db FOLDER says so"
done
echo "db_paths: ok"
