# Issue 15, class 4: a database with damaged pages is never written into
# (every command that writes refuses it and leaves it byte for byte as it
# was), and `aikg check` reports the damage with exit 1.
source "$(dirname "$0")/lib.sh"
good=$WORK/good.db
"$AIKG" ingest --db "$good" "$SRC/samples" > /dev/null 2>&1 || true
# One file, no -wal: the damage is in the file itself.
"$AIKG" publish --db "$good" "$WORK/clean.db" 2> /dev/null
pages=$(( $(stat -c %s "$WORK/clean.db") / 4096 ))
# Garbage over: a data page near the end, pages in the middle, the schema's
# second page, and a page-sized run starting mid-page.
damage() {  # damage OUT OFFSET_BYTES LENGTH
  cp "$WORK/clean.db" "$1"
  python3 - "$1" "$2" "$3" <<'PY'
import random, sys
path, offset, length = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(offset)
with open(path, "r+b") as f:
    f.seek(offset); f.write(bytes(rnd.randrange(256) for _ in range(length)))
PY
}
damage "$WORK/tail.db" $(( (pages - 2) * 4096 )) 4096
damage "$WORK/middle.db" $(( pages / 2 * 4096 )) 12288
damage "$WORK/schema.db" 4096 4096
damage "$WORK/offset.db" $(( pages / 3 * 4096 + 1000 )) 4096
article=$SRC/samples/ko_samsung_openai_loi.txt
for db in tail middle schema offset; do
  f=$WORK/$db.db
  before=$(sha256sum "$f")
  for c in "ingest $article" "alias add OpenAI OAI-$db" "relation add --type mou OpenAI Kakao --note n" "merge OpenAI Kakao"; do
    set +e; err=$("$AIKG" $c --db "$f" 2>&1); rc=$?; set -e
    expect_eq "$rc" 2 "aikg $c on $db.db"
    expect_contains "$err" "damaged" "aikg $c on $db.db says it is damaged"
  done
  expect_eq "$(sha256sum "$f")" "$before" "$db.db after refused writes"
  [ -e "$f-wal" ] && [ -s "$f-wal" ] && fail "$db.db: a -wal with frames was written"
  set +e; out=$("$AIKG" check --db "$f" 2>&1); rc=$?; set -e
  expect_eq "$rc" 1 "aikg check on $db.db"
  expect_contains "$out" "problem" "aikg check on $db.db lists problems"
  set +e; json=$("$AIKG" check --json --db "$f" 2> /dev/null); rc=$?; set -e
  expect_eq "$rc" 1 "aikg check --json on $db.db"
  python3 -c 'import json,sys; r = json.loads(sys.stdin.read()); assert r["clean"] is False and r["problems"], r' <<<"$json" ||
    fail "check --json on $db.db: not a report of problems"
  expect_eq "$(sha256sum "$f")" "$before" "$db.db after check"
done
# The undamaged copy still takes writes.
"$AIKG" ingest --db "$WORK/clean.db" "$article" > /dev/null || fail "ingest into the clean copy"
"$AIKG" check --db "$WORK/clean.db" > /dev/null || fail "clean copy after ingest"
echo "damaged_db: ok"
