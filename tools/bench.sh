#!/usr/bin/env bash
# The benchmark suite in one command: installs what is missing (with the
# Python peers NetworkX and python-igraph), builds a Release aikg with the graph
# benchmark driver, then runs tools/bench.py, which writes docs/benchmarks.md.
# Not part of CI. Arguments go to tools/bench.py, e.g. --sizes 10000 100000
# for a shorter run. About 10 minutes on 2 cores (9 min 13 s measured, build
# already done).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build-bench Release --with-bench -DAIKG_BUILD_BENCH=ON
/usr/bin/python3 tools/bench.py --build build-bench "$@"
