#!/usr/bin/env bash
# The main job on the bundled samples: set up, build (Release), ingest
# samples/ into out/samples.db, answer a query, write out/samples.dot and,
# with Graphviz, out/samples.svg, and the explorer page out/samples.html.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build-release Release
aikg=build-release/aikg
mkdir -p out
db=out/samples.db

echo "== ingest samples/"
$aikg ingest --db "$db" samples/
echo
echo "== aikg path --db $db \"SK Telecom\" SoftBank"
$aikg path --db "$db" "SK Telecom" SoftBank || true
echo
echo "== aikg neighbors --db $db 오픈AI"
$aikg neighbors --db "$db" 오픈AI
echo
$aikg export dot --db "$db" -o out/samples.dot
if command -v dot >/dev/null; then
  dot -Tsvg out/samples.dot -o out/samples.svg
  echo "wrote out/samples.svg"
fi
$aikg export html --db "$db" -o out/samples.html   # open it in a browser
