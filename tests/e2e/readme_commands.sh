# The README cannot go stale: every ```sh block of README.md (except those
# marked `<!-- readme_commands: skip (why) -->`) runs, in order, in a fresh
# directory holding a copy of samples/, with aikg on the PATH (installed by
# `cmake --install` when the build has the man page, else the built binary).
# Optional flags written `[--flag value]` are given; `[a | b]` takes a. A
# command that exits with a status other than 0 fails the test with its
# README line. ```python blocks run with python3 (NetworkX in the Debian or
# pip version at hand), in the same directory at the point they appear. Rendering needs Graphviz (tools/setup.sh installs it).
source "$(dirname "$0")/lib.sh"
build=$(cd "$(dirname "$AIKG")" && pwd)
if [ -f "$build/aikg.1" ] && command -v cmake >/dev/null; then
  cmake --install "$build" --prefix "$WORK/prefix" >/dev/null || fail "cmake --install"
  for f in bin/aikg share/man/man1/aikg.1 share/bash-completion/completions/aikg share/zsh/vendor-completions/_aikg; do
    [ -f "$WORK/prefix/$f" ] || fail "cmake --install did not install $f"
  done
else
  mkdir -p "$WORK/prefix/bin" && ln -s "$AIKG" "$WORK/prefix/bin/aikg"
fi
mkdir "$WORK/run" && cp -r "$SRC/samples" "$WORK/run/samples"
python3 - "$SRC/README.md" > "$WORK/readme.sh" <<'PY'
import re, shlex, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = ['fail_at() { echo "FAIL: README.md line $1 exited $2: $3" >&2; exit 1; }']
i, skip = 0, False
while i < len(lines):
    line = lines[i]
    if line.startswith("<!-- readme_commands: skip"):
        skip = True
    elif line.strip() == "```sh":
        i += 1
        while lines[i].strip() != "```":
            start, cmd = i + 1, lines[i]
            while cmd.rstrip().endswith("\\"):
                i += 1
                cmd = cmd.rstrip()[:-1] + " " + lines[i].strip()
            i += 1
            cmd = re.sub(r"\s+#\s.*$", "", cmd).strip()  # the README's comments
            cmd = re.sub(r"\[([^\]|]*?)(\s*\|[^\]]*)?\]", r"\1", cmd)  # [--flag] given; [a | b] takes a
            if cmd and not skip:
                out.append(f"{cmd} || fail_at {start} $? {shlex.quote(cmd)}")
        skip = False
    elif line.strip() == "```python":
        start, body = i + 1, []
        i += 1
        while lines[i].strip() != "```":
            body.append(lines[i])
            i += 1
        if not skip:
            code = "\n".join(body)
            out.append(f"python3 -c {shlex.quote(code)} || fail_at {start} $? 'the python block'")
        skip = False
    elif line.startswith("```"):
        skip = False
    i += 1
print("\n".join(out))
PY
[ "$(grep -c '|| fail_at' "$WORK/readme.sh")" -gt 30 ] || fail "too few README commands found: $(cat "$WORK/readme.sh")"
(cd "$WORK/run" && PATH="$WORK/prefix/bin:$PATH" bash "$WORK/readme.sh" > "$WORK/readme.out" 2> "$WORK/readme.err") ||
  fail "$(tail -n 5 "$WORK/readme.err")"
# The bash completion the binary prints completes commands, subcommands and each command's flags.
got=$(bash -c 'source <("$1" completion bash)
  complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _aikg; echo "${COMPREPLY[*]}"; }
  complete_words aikg alli; complete_words aikg export d; complete_words aikg export dot --spl
  complete_words aikg alliances --exclude' _ "$AIKG")
expect_eq "$got" $'alliances\ndot\n--split-types\n--exclude-types' "bash completion"
grep -qE "^[0-9]+ organisations, [0-9]+ relations$" "$WORK/readme.out" || fail "the NetworkX block printed nothing"
echo ok
