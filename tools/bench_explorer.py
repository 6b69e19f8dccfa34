#!/usr/bin/python3
"""The alliance explorer's benchmark (not a test), on the Holme-Kim graphs of
tools/bench_graph.py (nx.powerlaw_cluster_graph(n, 5, 0.3, seed=42), one
`partnership` mention per edge):

  file     `aikg export html` of the 10,000-edge graph: export time and size,
           then the time from navigation to the first settled picture in
           Debian's headless Chromium and the frame rate of a pan
           (tools/bench_explorer.mjs), medians of --runs
  server   `aikg serve` on the 1,000,000-edge graph: time to listen, peak
           memory, and the latency of --requests depth-2 neighbourhoods of
           random organisations (median, 95th percentile, max)

Writes (or replaces) the section "## The alliance explorer" of --out.
Usage: tools/bench_explorer.py [--build build-bench] [--work DIR] [--runs 3] [--requests 100]
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
from networkx_compare import org, write_mentions  # noqa: E402  (one writer for tests and benchmark)

HEADING = "## The alliance explorer"


def database(aikg, work, edges):
    db = os.path.join(work, f"hk{edges}.db")
    if not os.path.exists(db):
        g = nx.powerlaw_cluster_graph(edges // 5 + 5, 5, 0.3, seed=42)
        path = os.path.join(work, f"hk{edges}.jsonl")
        write_mentions(path, [(org(a), org(b), "partnership", "done", "2025-01-01") for a, b in g.edges], per_doc=2000)
        subprocess.run([aikg, "ingest", "--db", db, "--mentions", path, "--batch", "50"], check=True,
                       stdout=subprocess.DEVNULL)
        os.remove(path)
    return db


def bench_file(aikg, work, edges, runs):
    db, page = database(aikg, work, edges), os.path.join(work, f"hk{edges}.html")
    start = time.perf_counter()
    subprocess.run([aikg, "export", "html", "--db", db, "-o", page], check=True, stderr=subprocess.DEVNULL)
    export_s = time.perf_counter() - start
    results = []
    for _ in range(runs):
        out = subprocess.run(["node", os.path.join(ROOT, "tools", "bench_explorer.mjs"), "file://" + page],
                             check=True, capture_output=True, text=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"edges": results[0]["edges"], "nodes": results[0]["nodes"], "export_s": export_s,
            "bytes": os.path.getsize(page), "settled_ms": statistics.median(r["settled_ms"] for r in results),
            "pan_fps": statistics.median(r["pan_fps"] for r in results)}


def bench_server(aikg, work, edges, requests):
    db = database(aikg, work, edges)
    ids = [row[0] for row in sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("select id from entities")]
    start = time.perf_counter()
    server = subprocess.Popen([aikg, "serve", "--db", db], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        listen_s = time.perf_counter() - start
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        rng = random.Random(7)
        latencies, sizes, cut = [], [], 0
        for _ in range(requests):
            t = time.perf_counter()
            conn.request("GET", f"/api/neighbors?id=n{rng.choice(ids)}&depth=2")
            reply = conn.getresponse()
            body = reply.read()
            latencies.append(time.perf_counter() - t)
            if reply.status != 200:
                sys.exit(f"bench_explorer: HTTP {reply.status}")
            part = json.loads(body)
            sizes.append(len(part["edges"]))
            cut += part["truncated"]
        with open(f"/proc/{server.pid}/status") as f:
            rss = int(re.search(r"VmHWM:\s+(\d+) kB", f.read()).group(1)) / 1024
    finally:
        server.terminate()
        server.wait()
    latencies.sort()
    return {"edges": edges, "listen_s": listen_s, "rss": rss, "requests": requests,
            "median_ms": 1000 * statistics.median(latencies), "p95_ms": 1000 * latencies[int(0.95 * requests) - 1],
            "max_ms": 1000 * latencies[-1], "median_edges": statistics.median(sizes), "cut": cut}


def section(f, s, command):
    return "\n".join([
        HEADING, "",
        f"Measured by `{command}` on {time.strftime('%Y-%m-%d %H:%M')}; load average (1 min) "
        f"{os.getloadavg()[0]:.1f} (other jobs shared the two cores). Graphs as in the graph queries above "
        "(Holme-Kim, one `partnership` per edge).", "",
        "| what | figure |", "|---|---|",
        f"| `aikg export html`, {f['edges']:,} edges, {f['nodes']:,} organisations | {f['export_s']:.1f} s, "
        f"{f['bytes'] / 1e6:.1f} MB file |",
        f"| first settled picture in headless Chromium (navigation to end of layout: rings by degree above 300 "
        f"nodes) | **{f['settled_ms'] / 1000:.1f} s** |",
        f"| panning that picture | {f['pan_fps']:.0f} frames/s |",
        f"| `aikg serve`, {s['edges']:,} edges: start to listening | {s['listen_s']:.1f} s, peak memory {s['rss']:.0f} MiB |",
        f"| depth-2 neighbourhood, {s['requests']} requests of random organisations | **median {s['median_ms']:.0f} ms, "
        f"95th percentile {s['p95_ms']:.0f} ms**, max {s['max_ms']:.0f} ms (median {s['median_edges']:.0f} edges; "
        f"{s['cut']} cut at 3,000) |", "",
        "Targets (issue 20): smooth at 10,000 edges in one file; a neighbourhood of a 1M-edge database in "
        "under a second. Force layouts were measured and left out above 300 nodes: Cytoscape.js's CoSE needed "
        "61 s to settle the 2,005 nodes in the page, Boost's Fruchterman-Reingold 17 s in C++ (its repulsion "
        "grid is sized by area, so it is one cell and O(n^2) per iteration); the page draws rings by degree "
        "instead (around the focus by distance, once an organisation is chosen) and runs CoSE, animated, up to "
        "300 nodes.", ""])


def write(out, text):
    old = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
    start = old.find(HEADING)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + len(HEADING))
        new = old[:start] + text + (old[end + 1:] if end >= 0 else "")
    with open(out, "w", encoding="utf-8") as f:
        f.write(new)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default="build-bench")
    p.add_argument("--work", help="keeps the generated databases for another run")
    p.add_argument("--file-edges", type=int, default=10000)
    p.add_argument("--server-edges", type=int, default=1000000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--requests", type=int, default=100)
    p.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    args = p.parse_args()
    aikg = os.path.abspath(os.path.join(args.build, "aikg"))
    work = args.work or tempfile.mkdtemp(prefix="aikg-bench-explorer-")
    os.makedirs(work, exist_ok=True)
    f = bench_file(aikg, work, args.file_edges, args.runs)
    print(f"bench_explorer: file {f}", file=sys.stderr)
    s = bench_server(aikg, work, args.server_edges, args.requests)
    print(f"bench_explorer: server {s}", file=sys.stderr)
    write(args.out, section(f, s, "tools/bench_explorer.py --build " + args.build))
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
