#!/usr/bin/env bash
# Installs what aikg needs from Debian 12 packages (only the missing ones) and
# configures and builds. Usage: tools/setup.sh [BUILD_DIR] [BUILD_TYPE] [--with-tests|--with-bench|-] [CMAKE_ARGS...]
#   --with-tests  also what the tests use (sqlite3 client, Python peers, clang
#                 for the fuzzers and sanitizers, Chromium and Node.js with
#                 npm's puppeteer-core for the browser test) and builds the tests
#   --with-bench  what the benchmark suite compares with (NetworkX, igraph, SciPy),
#                 Chromium with puppeteer-core for the explorer's figures, and
#                 link-grammar for tools/parser_probe.py (never used by aikg itself)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
build_type=${2:-Release}
with_tests=${3:-}
shift $(($# < 3 ? $# : 3))  # what is left goes to cmake

packages=(build-essential cmake pkg-config libboost-graph-dev libsqlite3-dev libfmt-dev catch2
          libicu-dev nlohmann-json3-dev libgumbo-dev libcli11-dev libxxhash-dev libcpp-httplib-dev graphviz)
if [ "$with_tests" = "--with-tests" ]; then
  packages+=(sqlite3 python3 python3-networkx python3-igraph python3-distributed python3-jsonschema time clang libclang-rt-14-dev zsh)
elif [ "$with_tests" = "--with-bench" ]; then
  packages+=(sqlite3 python3 python3-networkx python3-igraph python3-scipy python3-link-grammar)
fi
browser=no  # the explorer's browser test and benchmark: Chromium driven from Node.js
if [ "$with_tests" = "--with-tests" ] || [ "$with_tests" = "--with-bench" ]; then
  browser=yes
  packages+=(chromium nodejs fonts-nanum)  # a Korean font, so screenshots show Hangul
  # Debian's npm would fight a Node.js that brings its own (NodeSource's): only when there is none.
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser driver (puppeteer-core), pinned by its package-lock.json;
# installed here so that nothing is downloaded at test time (Chromium is Debian's).
if [ "$browser" = yes ] && ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.aikg-installed-lock; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null
  cp tests/browser/package-lock.json tests/browser/node_modules/.aikg-installed-lock
fi

tests=OFF
[ "$with_tests" = "--with-tests" ] && tests=ON
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DAIKG_BUILD_TESTS="$tests" "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
