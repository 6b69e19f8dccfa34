# Issue 15, class 1: an output target is never replaced unless it is a
# regular file that is not one of the command's inputs; what is refused is
# said, and a replaced file keeps its mode.
source "$(dirname "$0")/lib.sh"
db=$WORK/s.db
"$AIKG" ingest --db "$db" "$SRC/samples" > /dev/null 2>&1 || true
sum() { sha256sum "$1" | cut -d' ' -f1; }
before=$(sum "$db")

# -o naming the database, its -wal or -shm (present or not), or a hard link to it.
"$AIKG" ingest --db "$db" "$SRC/samples/en_stargate_launch.txt" > /dev/null 2>&1 || true
for target in "$db" "$db-wal" "$db-shm" "$WORK/./s.db"; do
  set +e; err=$("$AIKG" export json --db "$db" -o "$target" 2>&1); rc=$?; set -e
  expect_eq "$rc" 2 "export -o $target onto its own database"
  expect_contains "$err" "database" "refusal names the database ($target)"
done
ln "$db" "$WORK/hardlink.db"
set +e; err=$("$AIKG" export graphml --db "$db" -o "$WORK/hardlink.db" 2>&1); rc=$?; set -e
expect_eq "$rc" 2 "export onto a hard link of the database"
[ "$("$AIKG" check --db "$db" > /dev/null 2>&1; echo $?)" = 0 ] || fail "the database was damaged by a refused export"
# csv: a database that happens to be DIR/nodes.csv is not replaced either.
mkdir "$WORK/csvdir"
cp "$db" "$WORK/csvdir/nodes.csv"
set +e; err=$("$AIKG" export csv --db "$WORK/csvdir/nodes.csv" -o "$WORK/csvdir" 2>&1); rc=$?; set -e
expect_eq "$rc" 2 "csv export onto its own database"
"$AIKG" check --db "$WORK/csvdir/nodes.csv" > /dev/null || fail "csv export replaced its database"

# A symbolic link (to a file, or dangling) is refused and left a link.
echo keep > "$WORK/real.json"
ln -s real.json "$WORK/link.json"
ln -s nowhere.json "$WORK/dangling.json"
for target in link.json dangling.json; do
  set +e; err=$("$AIKG" export json --db "$db" -o "$WORK/$target" 2>&1); rc=$?; set -e
  expect_eq "$rc" 2 "export onto symlink $target"
  expect_contains "$err" "symbolic link" "symlink refusal says why"
  [ -L "$WORK/$target" ] || fail "$target is no longer a symlink"
done
expect_eq "$(cat "$WORK/real.json")" keep "the symlink's target was written"

# A FIFO is written in place (never replaced by a regular file).
mkfifo "$WORK/fifo"
cat "$WORK/fifo" > "$WORK/from_fifo.json" &
reader=$!
"$AIKG" export json --db "$db" -o "$WORK/fifo" 2> /dev/null
wait "$reader"
[ -p "$WORK/fifo" ] || fail "the FIFO was replaced"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/from_fifo.json" || fail "FIFO output is not JSON"
# A character device is written in place: /dev/null stays a device.
"$AIKG" export gexf --db "$db" -o /dev/null 2> /dev/null || fail "export to /dev/null"
[ -c /dev/null ] || fail "/dev/null was replaced"
# A socket is refused.
python3 - "$WORK/sock" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])
PY
set +e; err=$("$AIKG" export json --db "$db" -o "$WORK/sock" 2>&1); rc=$?; set -e
expect_eq "$rc" 2 "export onto a socket"
[ -S "$WORK/sock" ] || fail "the socket was replaced"

# A replaced regular file keeps its mode.
echo old > "$WORK/mode.json"
chmod 640 "$WORK/mode.json"
"$AIKG" export json --db "$db" -o "$WORK/mode.json" 2> /dev/null
expect_eq "$(stat -c %a "$WORK/mode.json")" 640 "mode after export"
mkdir "$WORK/csvmode"; echo x > "$WORK/csvmode/edges.csv"; chmod 600 "$WORK/csvmode/edges.csv"
"$AIKG" export csv --db "$db" -o "$WORK/csvmode" 2> /dev/null
expect_eq "$(stat -c %a "$WORK/csvmode/edges.csv")" 600 "mode of edges.csv after export"
expect_eq "$(sum "$db")" "$(sum "$db")" "database unchanged"
echo "output_targets: ok"
