#!/usr/bin/env bash
# The main job on the bundled samples: set up, build (Release), install aikg
# (with its man page and shell completions) where the README's commands find
# it, ingest samples/ into out/samples.db, answer a query, write
# out/samples.dot and, with Graphviz, out/samples.svg, and the explorer page
# out/samples.html. AIKG_PREFIX chooses where to install: /usr/local as root,
# else ~/.local.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build-release Release
prefix=${AIKG_PREFIX:-$([ "$(id -u)" -eq 0 ] && echo /usr/local || echo "$HOME/.local")}
cmake --install build-release --prefix "$prefix" >/dev/null
aikg=$prefix/bin/aikg
echo "installed $aikg (man aikg; completions for bash and zsh)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
mkdir -p out
export AIKG_DB=out/samples.db  # the default --db of every command below

echo "== ingest samples/"
$aikg ingest samples/
echo
echo "== aikg path \"SK Telecom\" SoftBank"
$aikg path "SK Telecom" SoftBank || true
echo
echo "== aikg neighbors 오픈AI"
$aikg neighbors 오픈AI
echo
$aikg export dot -o out/samples.dot
if command -v dot >/dev/null; then
  dot -Tsvg out/samples.dot -o out/samples.svg
  echo "wrote out/samples.svg"
fi
$aikg export html -o out/samples.html   # open it in a browser
