# Issue 15, class 3: a write error on standard output or on an -o file (a
# full disk, a file-size limit) is an error (exit 2, a message), for every
# command that writes; a reader closing the pipe is not.
source "$(dirname "$0")/lib.sh"
db=$WORK/s.db
"$AIKG" ingest --db "$db" "$SRC/samples" > /dev/null 2>&1 || true
commands=(
  "entities" "entities --json" "relations" "relations --json" "search OpenAI" "search OpenAI --json"
  "check" "check --json" "export json" "export graphml" "export gexf" "export cytoscape" "export dot"
)
# Small outputs too: "search NVIDIA --limit 1" fits in one stdio buffer.
commands+=("search NVIDIA --limit 1" "search NVIDIA --limit 1 --json")
for c in "${commands[@]}"; do
  set +e; err=$("$AIKG" $c --db "$db" 2>&1 > /dev/full); rc=$?; set -e
  expect_eq "$rc" 2 "aikg $c > /dev/full"
  expect_contains "$err" "No space left on device" "aikg $c > /dev/full says why"
done
# -o /dev/full: written in place, the error reported.
set +e; err=$("$AIKG" export json --db "$db" -o /dev/full 2>&1); rc=$?; set -e
expect_eq "$rc" 2 "export -o /dev/full"
# A file-size limit (SIGXFSZ must not kill aikg; EFBIG is reported). 40 KiB:
# SQLite's 32 KiB -shm still fits, these outputs do not.
for c in "relations --json" "export json" "export graphml" "export cytoscape"; do
  set +e; err=$(ulimit -f 40; "$AIKG" $c --db "$db" 2>&1 > "$WORK/limited.out"); rc=$?; set -e
  expect_eq "$rc" 2 "aikg $c past a file-size limit"
  expect_contains "$err" "too large" "aikg $c past a file-size limit says why"
done
for fmt in json gexf; do
  set +e; err=$(ulimit -f 40; "$AIKG" export $fmt --db "$db" -o "$WORK/limited.$fmt" 2>&1); rc=$?; set -e
  expect_eq "$rc" 2 "export $fmt -o past a file-size limit"
  [ -e "$WORK/limited.$fmt" ] && fail "a cut-off export file was left behind"
done
# A reader that stops early is not an error (exit 0, nothing on stderr).
for c in "relations --json" "export json" "export graphml"; do
  set +e; $AIKG $c --db "$db" 2> "$WORK/pipe.err" | head -c 1 > /dev/null; rc=${PIPESTATUS[0]}; set -e
  expect_eq "$rc" 0 "aikg $c | head"
  [ -s "$WORK/pipe.err" ] && fail "aikg $c | head printed: $(cat "$WORK/pipe.err")"
done
echo "write_errors: ok"
