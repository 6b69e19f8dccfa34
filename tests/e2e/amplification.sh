# Issue 15, class 7: a sentence naming very many organisations must not make
# the database grow with the square of the names (1,000 names gave 511 MB).
# At most 16 relation mentions per sentence, each sentence stored up to 1,000
# bytes: the database stays within a constant of its input.
source "$(dirname "$0")/lib.sh"
python3 - "$SRC/data/gazetteer/organisations.tsv" "$WORK" <<'PY'
import sys
names = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    cols = line.rstrip("\n").split("\t")
    names += [cols[0]] + [a for a in cols[3].split("|") + cols[4].split("|") if a]
names = list(dict.fromkeys(names))
many = (names * 3)[:1000]  # 1,000 names, repeats allowed
def sentence(ns, tail):
    return ", ".join(ns[:-1]) + " and " + ns[-1] + tail
out = sys.argv[2]
# Variants: one giant English list, a Korean list with particles, a list
# with "with" (two groups), and a short dense one.
open(f"{out}/thousand.txt", "w").write(sentence(many, " announced a strategic partnership.\n"))
open(f"{out}/korean.txt", "w").write("、".join(many[:400]) + "와 오픈AI가 전략적 파트너십을 맺었다.\n")
open(f"{out}/with.txt", "w").write(sentence(names[:30], " signed a memorandum of understanding with ")
                                   + sentence(names[30:60], ".\n"))
# 300 short sentences of 8 names each: the most pairs per byte of input.
open(f"{out}/dense.txt", "w").write("".join(
    sentence([names[(i + k * 37) % len(names)] for k in range(8)], " formed an alliance.\n") for i in range(300)))
PY
ratio_ok=1
for f in thousand korean with dense; do
  db=$WORK/$f.db
  /usr/bin/time -f "%M" -o "$WORK/$f.rss" "$AIKG" ingest --db "$db" "$WORK/$f.txt" > /dev/null 2> "$WORK/$f.err" || fail "ingest $f: $(cat "$WORK/$f.err")"
  input=$(stat -c %s "$WORK/$f.txt")
  "$AIKG" publish --db "$db" "$WORK/$f.pub" 2> /dev/null
  empty_pub=$WORK/empty.pub
  [ -e "$empty_pub" ] || { "$AIKG" ingest --db "$WORK/empty.db" "$WORK/none.txt" > /dev/null 2>&1 || true; "$AIKG" publish --db "$WORK/empty.db" "$empty_pub" 2> /dev/null; }
  size=$(( $(stat -c %s "$WORK/$f.pub") - $(stat -c %s "$empty_pub") ))
  evidence=$(sqlite3 "$db" "SELECT count(*) FROM evidence" 2> /dev/null || python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM evidence").fetchone()[0])' "$db")
  longest=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT coalesce(max(length(CAST(sentence AS BLOB))),0) FROM evidence").fetchone()[0])' "$db")
  echo "amplification: $f: input $input B, database growth $size B (ratio $((size / input))), $evidence evidence, longest stored sentence $longest B, peak $(cat "$WORK/$f.rss") KiB"
  lines=$(wc -l < "$WORK/$f.txt")
  [ "$evidence" -le $((16 * lines)) ] || fail "$f: $evidence evidence rows from $lines sentences (bound 16 each)"
  [ "$longest" -le 1003 ] || fail "$f: a stored sentence of $longest bytes (bound 1,000 plus the ellipsis)"
  # The constant: 16 rows per sentence, each a copy of the sentence with its
  # trigram index (about 4 bytes per byte of sentence), so about 64; a
  # sentence that is nothing but names comes closest (measured 65 for 60
  # names in 1 KB). 72 leaves room for page rounding, not for growth with n.
  [ "$size" -le $((72 * input)) ] || fail "$f: the database grew $size bytes from $input bytes of input"
done
echo "amplification: ok"
