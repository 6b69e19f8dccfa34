# Issue 15, class 2: publish --force onto a database in use. A crashed
# writer's -wal is dealt with before the target is replaced (the result
# passes `aikg check` and never replays old frames); a target that another
# connection holds open is refused and left as it was; a publish racing an
# ingest leaves a sound file whichever comes first.
source "$(dirname "$0")/lib.sh"
src=$WORK/src.db
"$AIKG" ingest --db "$src" "$SRC/samples" > /dev/null 2>&1 || true
expected=$("$AIKG" relations --json --db "$src")

# A target whose writer was killed with committed frames in its -wal.
crashed_target() {  # crashed_target DB: an aikg database plus a crashed writer's WAL
  rm -f "$1" "$1-wal" "$1-shm"
  "$AIKG" ingest --db "$1" "$SRC/samples/en_stargate_launch.txt" "$SRC/samples/ko_openai_aws_deal.txt" > /dev/null
  python3 - "$1" <<'PY' || true  # killed, as intended
import os, signal, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint = 0")
for i in range(3):  # committed, never checkpointed
    con.execute("UPDATE documents SET title = title || ' (rev)'")
os.kill(os.getpid(), signal.SIGKILL)
PY
}
crashed_target "$WORK/t1.db"
[ -s "$WORK/t1.db-wal" ] || fail "the crashed writer left no WAL frames (test setup)"
"$AIKG" publish --db "$src" "$WORK/t1.db" --force 2> /dev/null || fail "publish over a crashed writer's WAL"
"$AIKG" check --db "$WORK/t1.db" > /dev/null || fail "published file after a crashed writer's WAL: $("$AIKG" check --db "$WORK/t1.db" 2>&1)"
expect_eq "$("$AIKG" relations --json --db "$WORK/t1.db")" "$expected" "published relations"
[ -s "$WORK/t1.db-wal" ] && fail "the old WAL is still beside the published file"
python3 -c 'import sqlite3,sys; assert sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0] == "ok"' "$WORK/t1.db" ||
  fail "integrity_check on the published file"

# Live connections: a writer inside a transaction, an idle reader. Refused.
for mode in writer reader; do
  crashed_target "$WORK/t2.db"
  python3 - "$WORK/t2.db" "$mode" "$WORK/ready" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("SELECT count(*) FROM documents").fetchone()
if sys.argv[2] == "writer":
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE documents SET title = title || ' (live)'")
open(sys.argv[3], "w").close()
time.sleep(30)
PY
  holder=$!
  while [ ! -e "$WORK/ready" ]; do sleep 0.05; done
  rm -f "$WORK/ready"
  before=$(cat "$WORK/t2.db" "$WORK/t2.db-wal" | sha256sum)
  set +e; err=$("$AIKG" publish --db "$src" "$WORK/t2.db" --force 2>&1); rc=$?; set -e
  kill "$holder"; wait "$holder" 2> /dev/null || true
  expect_eq "$rc" 2 "publish onto a target with a live $mode"
  expect_contains "$err" "in use" "publish onto a live $mode says why"
  expect_eq "$(cat "$WORK/t2.db" "$WORK/t2.db-wal" | sha256sum)" "$before" "target with a live $mode"
  "$AIKG" check --db "$WORK/t2.db" > /dev/null || fail "target after a refused publish ($mode)"
done

# Refused targets: the source itself, its -wal, a stale -wal without a file.
for target in "$src" "$src-wal" "$WORK/./src.db"; do
  set +e; err=$("$AIKG" publish --db "$src" "$target" --force 2>&1); rc=$?; set -e
  expect_eq "$rc" 2 "publish onto $target"
done
"$AIKG" check --db "$src" > /dev/null || fail "source after refused publishes"
cp "$WORK/t1.db" "$WORK/gone.db"; crashed_target "$WORK/gone.db"; rm "$WORK/gone.db"
set +e; err=$("$AIKG" publish --db "$src" "$WORK/gone.db" 2>&1); rc=$?; set -e
expect_eq "$rc" 2 "publish beside a stale -wal"
expect_contains "$err" "-wal" "publish beside a stale -wal names it"
[ -e "$WORK/gone.db" ] && fail "published beside a stale -wal"

# A running aikg ingest holds the target (it waits for input on a FIFO):
# refused; once the ingest has finished, the same publish goes through.
python3 "$SRC/tools/gen_corpus.py" --articles 1500 --seed 11 --out "$WORK/c.jsonl" --gold "$WORK/g.tsv" --quiet
"$AIKG" extract --jsonl < "$WORK/c.jsonl" > "$WORK/m.jsonl"
"$AIKG" publish --db "$src" "$WORK/live.db" 2> /dev/null
mkfifo "$WORK/feed"
"$AIKG" ingest --db "$WORK/live.db" --mentions "$WORK/feed" > /dev/null 2>&1 &
ingest=$!
exec 3> "$WORK/feed"
head -n 700 "$WORK/m.jsonl" >&3
while [ ! -e "$WORK/live.db-wal" ]; do sleep 0.05; done  # the ingest has the database open
set +e; err=$("$AIKG" publish --db "$src" "$WORK/live.db" --force 2>&1); rc=$?; set -e
expect_eq "$rc" 2 "publish onto a database an ingest has open"
expect_contains "$err" "in use" "publish during an ingest says why"
tail -n +701 "$WORK/m.jsonl" >&3
exec 3>&-
wait "$ingest" || fail "the ingest that publish waited for failed"
"$AIKG" check --db "$WORK/live.db" > /dev/null || fail "live.db after the ingest"
"$AIKG" publish --db "$src" "$WORK/live.db" --force 2> /dev/null || fail "publish after the ingest finished"
expect_eq "$("$AIKG" relations --json --db "$WORK/live.db")" "$expected" "published over a finished ingest"

# Publish racing an ingest into the target: each publish succeeds or is
# refused as in use; the ingest succeeds; the result is sound.
"$AIKG" publish --db "$src" "$WORK/race.db" 2> /dev/null
"$AIKG" ingest --db "$WORK/race.db" --batch 50 "$WORK/c.jsonl" > /dev/null 2>&1 &
ingest=$!
refused=0 published=0
while kill -0 "$ingest" 2> /dev/null; do
  set +e; err=$("$AIKG" publish --db "$src" "$WORK/race.db" --force 2>&1); rc=$?; set -e
  case $rc in
    0) published=$((published + 1)) ;;
    2) expect_contains "$err" "in use" "publish during an ingest"; refused=$((refused + 1)) ;;
    *) fail "publish during an ingest exited $rc: $err" ;;
  esac
done
wait "$ingest" || fail "the ingest racing publishes failed"
"$AIKG" check --db "$WORK/race.db" > /dev/null || fail "race.db after ingest and publishes: $("$AIKG" check --db "$WORK/race.db" 2>&1)"
echo "publish_in_use: ok ($published published, $refused refused during the ingest)"
