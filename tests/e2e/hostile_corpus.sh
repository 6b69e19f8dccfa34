# Issue 15: the hostile-input corpus (tests/hostile/run.py), each input
# ingested alone under GNU time with bounds on memory (20 times the largest
# input or 512 MiB), database growth (72 times the input) and a hang guard,
# and every --json output checked. Add each new bug's input to run.py.
source "$(dirname "$0")/lib.sh"
# Under AddressSanitizer (tools/sanitize.sh exports ASAN_OPTIONS) the same
# process needs about 3 times the memory: shadow memory and redzones.
scale=1
[ -n "${ASAN_OPTIONS:-}" ] && scale=4
python3 "$SRC/tests/hostile/run.py" "$AIKG" "$WORK" --max-ratio 72 --timeout 120 --memory-scale "$scale"
