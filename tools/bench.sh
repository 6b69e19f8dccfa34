#!/usr/bin/env bash
# The benchmark suite in one command: installs what is missing (with the
# Python peers NetworkX and python-igraph), builds a Release aikg with the graph
# benchmark driver, then runs tools/bench.py, which writes docs/benchmarks.md,
# and tools/bench_explorer.py, which adds the explorer's section.
# Not part of CI. Arguments go to tools/bench.py, e.g. --sizes 10000 100000
# for a shorter run. About 10 minutes on 2 cores (9 min 13 s measured, build
# already done).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build-bench Release --with-bench -DAIKG_BUILD_BENCH=ON
/usr/bin/python3 tools/bench.py --build build-bench "$@"
# The explorer's figures (a section of docs/benchmarks.md): the 10k-edge page in
# headless Chromium, depth-2 neighbourhoods from `aikg serve` on 1M edges.
/usr/bin/python3 tools/bench_explorer.py --build build-bench
