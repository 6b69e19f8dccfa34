#!/usr/bin/env bash
# Installs what aikg needs from Debian 12 packages (only the missing ones) and
# configures and builds. Usage: tools/setup.sh [BUILD_DIR] [BUILD_TYPE] [--with-tests|--with-bench|-] [CMAKE_ARGS...]
#   --with-tests  also what the tests use (sqlite3 client, Python peers, clang
#                 for the fuzzers and sanitizers) and builds the tests
#   --with-bench  what the benchmark suite compares with (NetworkX, igraph, SciPy)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
build_type=${2:-Release}
with_tests=${3:-}
shift $(($# < 3 ? $# : 3))  # what is left goes to cmake

packages=(build-essential cmake pkg-config libboost-graph-dev libsqlite3-dev libfmt-dev catch2
          libicu-dev nlohmann-json3-dev libgumbo-dev libcli11-dev libxxhash-dev graphviz)
if [ "$with_tests" = "--with-tests" ]; then
  packages+=(sqlite3 python3 python3-networkx python3-igraph python3-distributed python3-jsonschema time clang libclang-rt-14-dev)
elif [ "$with_tests" = "--with-bench" ]; then
  packages+=(sqlite3 python3 python3-networkx python3-igraph python3-scipy)
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

tests=OFF
[ "$with_tests" = "--with-tests" ] && tests=ON
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DAIKG_BUILD_TESTS="$tests" "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
