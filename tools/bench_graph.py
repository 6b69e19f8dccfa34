#!/usr/bin/python3
"""Graph benchmark: aikg against NetworkX and python-igraph on the same graphs.

For each size it generates a Holme-Kim graph (scale-free with triangle
closure, like an alliance network with hub conglomerates: the graphs of
docs/perf-anchors), stores it in an aikg database through
`aikg ingest --mentions`, then in the same run times:
  * aikg: loading the selection (select_simple on the graph snapshot; the
    old load from the tables as a diagnostic) and each query
    (bench/graph_bench.cpp, aikg_bench), and the commands end to end as a user
    runs them, beside an igraph script doing the same (tools/bench_commands.py);
  * NetworkX and igraph: loading the same edges from the same database with
    Python's sqlite3, then the same queries.
Medians of 5 runs under 1 s, 3 under 10 s, else 1 run. A peer's query is
skipped when its time at the previous size, scaled by the algorithm's
complexity, predicts more than 120 s. Writes the table to --out; tools/bench.py
runs it as part of the suite and includes the table in docs/benchmarks.md.

Not a test. Needs Debian's python3-networkx, python3-igraph (and SciPy, for
NetworkX's PageRank), and aikg built with -DAIKG_BUILD_BENCH=ON:
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DAIKG_BUILD_BENCH=ON
  cmake --build build-bench -j2 --target aikg aikg_bench
  /usr/bin/python3 tools/bench_graph.py --build build-bench --sizes 10000 100000 [1000000]
"""
import argparse
import datetime
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import time

# One thread for the Python libraries, as in docs of perf anchors: igraph's
# OpenMP threads would otherwise spin against each other on two cores.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
from networkx_compare import org, write_mentions  # noqa: E402  (one writer for tests and benchmark)
sys.path.insert(0, os.path.join(ROOT, "tools"))
import bench_commands  # noqa: E402

LIMIT_S = 120
LOAD_AT_START = f"{os.getloadavg()[0]:.1f}"
# How a query's time grows when the graph grows tenfold (edges and vertices):
# O(E) -> 10, O(V E) -> 100; cliques and triangles grow a little faster than E
# on these graphs. Sampled betweenness is O(k E) but NetworkX's took 29x
# longer from 100k to 1M edges in docs of perf anchors (187 s): caches stop helping.
# NetworkX's Louvain took 57x (6.6 s -> 373 s) in this benchmark's first full run.
GROWTH = {"load": 12, "components": 12, "triangles": 15, "maximal_cliques": 15, "degree": 10,
          "betweenness_exact": 100, "betweenness_k64": 30, "closeness_exact": 100, "closeness_k64": 12,
          "pagerank": 15, "eigenvector": 15, "louvain": 60, "paths_100": 12}
QUERIES = ["components", "triangles", "maximal_cliques", "degree", "betweenness_exact", "betweenness_k64",
           "closeness_exact", "closeness_k64", "pagerank", "eigenvector", "louvain", "paths_100"]
LABELS = {"load": "load selection from SQLite", "components": "connected components", "triangles": "triangle count",
          "maximal_cliques": "maximal cliques", "degree": "degree centrality",
          "betweenness_exact": "betweenness, exact", "betweenness_k64": "betweenness, 64 sampled sources",
          "closeness_exact": "closeness, exact", "closeness_k64": "closeness, 64 sampled pivots",
          "pagerank": "PageRank", "eigenvector": "eigenvector centrality", "louvain": "Louvain communities",
          "paths_100": "100 s-t shortest paths"}


def timed(f, skip=False):
    """Median seconds and the last result of f(), repeated as in perf-anchors."""
    if skip:
        return None, None
    runs, result = [], None
    while True:
        start = time.perf_counter()
        result = f()
        runs.append(time.perf_counter() - start)
        want = 5 if runs[0] < 1 else 3 if runs[0] < 10 else 1
        if len(runs) >= want:
            return statistics.median(runs), result


def make_database(aikg, workdir, edges_wanted):
    """The Holme-Kim graph of docs/perf-anchors (m = 5, p = 0.3, seed 42) in a database."""
    n = edges_wanted // 5 + 5
    db, path = f"{workdir}/hk{edges_wanted}.db", f"{workdir}/hk{edges_wanted}.jsonl"
    start = time.perf_counter()
    g = nx.powerlaw_cluster_graph(n, 5, 0.3, seed=42)
    generate_s = time.perf_counter() - start
    if not os.path.exists(db):
        write_mentions(path, [(org(a), org(b), "partnership", "done", "2025-01-01") for a, b in g.edges],
                       per_doc=2000)
        start = time.perf_counter()
        subprocess.run([aikg, "ingest", "--db", db, "--mentions", path, "--batch", "50"], check=True,
                       stdout=subprocess.DEVNULL)
        ingest_s = time.perf_counter() - start
        os.remove(path)
    else:
        ingest_s = None
    rng = random.Random(1)
    nodes = sorted(g.nodes)
    pairs = [(org(a), org(b)) for a, b in (rng.sample(nodes, 2) for _ in range(100))]
    with open(f"{workdir}/pairs{edges_wanted}.tsv", "w") as f:
        f.writelines(f"{a}\t{b}\n" for a, b in pairs)
    return db, g, pairs, {"generate_s": generate_s, "ingest_s": ingest_s,
                          "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                          "max_degree": max(d for _, d in g.degree)}


def load_edges(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        names = dict(c.execute("SELECT id, name FROM entities"))
        return names, c.execute("SELECT source_id, target_id FROM relations").fetchall()


def load_networkx(db):
    names, edges = load_edges(db)
    g = nx.Graph()
    g.add_edges_from((names[a], names[b]) for a, b in edges)
    return g


def load_igraph(db):
    names, edges = load_edges(db)
    index = {}
    pairs = [(index.setdefault(names[a], len(index)), index.setdefault(names[b], len(index))) for a, b in edges]
    g = ig.Graph(n=len(index), edges=pairs)
    g.vs["name"] = list(index)
    g.simplify()
    return g


def networkx_queries(g, pairs):
    return {
        "components": lambda: len(list(nx.connected_components(g))),
        "triangles": lambda: sum(nx.triangles(g).values()) // 3,
        "maximal_cliques": lambda: sum(1 for _ in nx.find_cliques(g)),
        "degree": lambda: max(nx.degree_centrality(g).values()),
        "betweenness_exact": lambda: max(nx.betweenness_centrality(g).values()),
        "betweenness_k64": lambda: max(nx.betweenness_centrality(g, k=64, seed=42).values()),
        "closeness_exact": lambda: max(nx.closeness_centrality(g).values()),
        "pagerank": lambda: max(nx.pagerank(g).values()),
        "eigenvector": lambda: max(nx.eigenvector_centrality_numpy(g).values()),
        "louvain": lambda: round(nx.community.modularity(g, nx.community.louvain_communities(g, seed=42)), 4),
        "paths_100": lambda: sum(len(nx.shortest_path(g, a, b)) - 1 for a, b in pairs),
    }


def igraph_queries(g, pairs):
    ids = [(g.vs.find(name=a).index, g.vs.find(name=b).index) for a, b in pairs]
    return {
        "components": lambda: len(g.connected_components()),
        "triangles": lambda: len(g.list_triangles()),
        "maximal_cliques": lambda: len(g.maximal_cliques()),
        "degree": lambda: max(g.degree()),
        "betweenness_exact": lambda: max(g.betweenness()),
        "closeness_exact": lambda: max(g.closeness()),
        "pagerank": lambda: max(g.pagerank()),
        "eigenvector": lambda: max(g.eigenvector_centrality()),
        "louvain": lambda: round(g.community_multilevel().modularity, 4),
        "paths_100": lambda: sum(len(g.get_shortest_paths(a, to=b)[0]) - 1 for a, b in ids),
    }


def predicted_over(previous, name):
    return previous is not None and previous.get(name) is not None and previous[name] * GROWTH[name] > LIMIT_S


def run_peer(label, loader, queries, db, pairs, previous):
    """Times of one Python library; None where skipped or not offered."""
    out, skipped = {}, []
    out["load"], g = timed(lambda: loader(db), predicted_over(previous, "load"))
    if g is None:
        return out, ["everything (load predicted over the limit)"]
    available = queries(g, pairs)
    for name in QUERIES:
        if name not in available:
            continue
        if predicted_over(previous, name) or (previous is not None and name in previous and previous[name] is None):
            skipped.append(name)
            out[name] = None
            continue
        out[name], result = timed(available[name])
        print(f"  {label} {name}: {out[name]:.4g} s ({result})", file=sys.stderr)
    return out, skipped


def run_aikg(bench, db, pairs_file, previous):
    skip = [n for n in QUERIES if predicted_over(previous, n) or (previous is not None and previous.get(n) is None)]
    cmd = [bench, db, "--pairs", pairs_file] + (["--skip", ",".join(skip)] if skip else [])
    lines = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    raw = {r["name"]: r for r in map(json.loads, lines)}
    out = {n: raw[n]["median_s"] if n in raw else None for n in QUERIES}
    out["load"] = sum(raw[n]["median_s"] for n in raw if n.startswith("load_"))
    for n, r in raw.items():
        print(f"  aikg {n}: {r['median_s']:.4g} s ({r['result']})", file=sys.stderr)
    return out, skip, raw


def run_cli(aikg, db, pairs, workdir):
    """Commands as an analyst types them (open, load, query, print), beside a
    plain igraph script doing the same (tools/bench_commands.py)."""
    return bench_commands.end_to_end(aikg, db, pairs[0], 3, workdir)


def fmt_s(x):
    if x is None:
        return "–"
    return f"{x * 1000:.3g} ms" if x < 1 else f"{x:.3g} s"


def ratio(peer, ours):
    return f"{peer / ours:.2g}×" if peer and ours else "–"


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) // (1024 * 1024) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    gxx = subprocess.run(["g++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return (f"{os.cpu_count()} vCPU {model}, {mem} GiB RAM; {platform.platform()}; {gxx}; "
            f"Python {platform.python_version()}, NetworkX {nx.__version__}, python-igraph {ig.__version__}, "
            f"SQLite {sqlite3.sqlite_version}")


# Issue 19's commands at a million edges before the graph snapshot, measured by
# hand on 2026-12-06 on this machine (same database, same build flags; wall
# clock with load average 4 to 7, CPU seconds in brackets): a fixed column, so
# every regenerated table shows what the snapshot and the kernels changed.
BEFORE_SNAPSHOT = {"rank": "7.47 s (4.83 s)", "components": "7.12 s (4.66 s)", "path": "6.71 s (4.40 s)",
                   "neighbors": "5.56 s (3.64 s)", "communities": "14.57 s (9.31 s)",
                   "export graphml": "87 s, 1,879 MiB"}
# Issue 19's targets, end to end at a million edges.
TARGETS = {"rank": "5× faster than igraph", "components": "5× faster than igraph",
           "path": "5× faster than igraph", "neighbors": "≤ 50 ms", "communities": "≤ 3 s",
           "export graphml": "peak < 300 MiB"}


def issue19_section(size, r):
    """The end-to-end commands of the largest graph, beside the igraph script
    and the figures before the snapshot (issue 19's table)."""
    raw = r["aikg_raw"]
    lines = [f"## Commands end to end at {r['graph']['edges']:,} edges (issue 19)", "",
             "Each command as an analyst runs it (open the file, load the selection, answer, print names), "
             "beside a python-igraph script doing the same on the same file (`tools/bench_commands.py`), "
             "in this run; the \"before\" column is the same database before the graph snapshot (measured by "
             "hand on 2026-12-06, fixed). Wall clock, CPU seconds in brackets (the steadier figure when other "
             "jobs share the cores).", "",
             "| command | before the snapshot | aikg now | igraph script | igraph / aikg (wall) | target |",
             "|---|---|---|---|---|---|"]
    for c in r["cli"]:
        key = next(k for k in BEFORE_SNAPSHOT if c["command"].startswith(f"aikg {k}"))
        now = f"{fmt_s(c['aikg_s'])} ({fmt_s(c['aikg_cpu_s'])}), {c['aikg_mib']:.0f} MiB"
        peer = (f"{fmt_s(c['igraph_s'])} ({fmt_s(c['igraph_cpu_s'])}), {c['igraph_mib']:.0f} MiB"
                if c["igraph_s"] else "–")
        lines.append(f"| `{c['command']}` | {BEFORE_SNAPSHOT[key]} | {now} | {peer} | "
                     f"{ratio(c['igraph_s'], c['aikg_s'])} | {TARGETS[key]} |")
    louvain = raw.get("louvain", {}).get("result", {})
    lines += ["", f"Load of the whole selection (`select_simple` on the snapshot, warm): "
              f"{fmt_s(raw['load_select_simple']['median_s'])} (target ≤ 0.25 s). Eigenvector centrality, "
              f"NetworkX / aikg: {ratio(r['networkx'].get('eigenvector'), r['aikg'].get('eigenvector'))} "
              f"(target ≥ 10×; 9.4× before Lanczos rounds, 512 ms). Louvain: "
              f"{fmt_s(r['aikg'].get('louvain'))}, modularity {louvain.get('modularity', float('nan')):.4f} "
              f"({louvain.get('communities', 0)} communities; before the visit queue 2.44 s, and 0.3216 on "
              "this graph).", ""]
    return lines


def write_report(path, results, args, started):
    lines = ["# Graph benchmark: aikg vs NetworkX vs python-igraph", "",
             f"Generated by `tools/bench_graph.py` on {started:%Y-%m-%d}. Machine: {machine()}. "
             f"Load average (1 min) when the run started: {LOAD_AT_START}, when this was written: "
             f"{os.getloadavg()[0]:.1f}: other jobs shared the two cores, so every figure carries noise, "
             "alike for the three libraries.", "",
             "Command:", "", "```",
             "cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DAIKG_BUILD_BENCH=ON -DAIKG_BUILD_TESTS=OFF",
             "cmake --build build-bench -j2 --target aikg aikg_bench",
             f"/usr/bin/python3 tools/bench_graph.py --build build-bench --sizes {' '.join(map(str, args.sizes))}",
             "```", "",
             "Graphs: `nx.powerlaw_cluster_graph(n, 5, 0.3, seed=42)` (Holme-Kim, as in docs of perf anchors), "
             "one `partnership` mention per edge, stored with `aikg ingest --mentions`. Every library reads the "
             "same database: aikg through its graph snapshot (the relation summaries as column blobs, made into "
             "the CSR view the analytics run on, with names; the queries below run on the same CSR); NetworkX and "
             "igraph through Python's `sqlite3` (`SELECT source_id, target_id FROM relations`). "
             "Times are medians (5 runs under 1 s, 3 under 10 s, else 1). aikg's betweenness and closeness use "
             f"{args.threads or os.cpu_count()} threads; everything else, in every library, one. "
             "Ratios are peer time / aikg time: above 1, aikg is faster. – : not offered by the library "
             f"(python-igraph 0.10 has no source sampling), or skipped because the previous size predicted "
             f"more than {LIMIT_S} s.", ""]
    largest = max(results)
    if results[largest]["graph"]["edges"] >= 900_000:
        lines += issue19_section(largest, results[largest])
    for size, r in results.items():
        info = r["graph"]
        lines += [f"## {info['edges']:,} edges ({info['nodes']:,} organisations, max degree {info['max_degree']:,})", "",
                  f"Ingest of the mentions: {fmt_s(info['ingest_s'])}." if info["ingest_s"] else "", "",
                  "| query | aikg | NetworkX | igraph | NetworkX / aikg | igraph / aikg |",
                  "|---|---|---|---|---|---|"]
        for name in ["load"] + QUERIES:
            a, n, i = r["aikg"].get(name), r["networkx"].get(name), r["igraph"].get(name)
            lines.append(f"| {LABELS[name]} | {fmt_s(a)} | {fmt_s(n)} | {fmt_s(i)} | {ratio(n, a)} | {ratio(i, a)} |")
        raw = r["aikg_raw"]
        lines += ["", "aikg's load is `select_simple` on the graph snapshot (schema 4), warm: "
                  f"{fmt_s(raw['load_select_simple']['median_s'])}. The same selection from the tables "
                  "(`AIKG_SNAPSHOT=off`, the load before the snapshot), step by step: " + ", ".join(
            f"{n.removeprefix('tables_')} {fmt_s(raw[n]['median_s'])}" for n in raw if n.startswith("tables_")) + ".",
                  "", "Commands end to end, beside a python-igraph script that opens the same file, reads "
                  "`SELECT source_id, target_id FROM relations` and the names, builds the graph, answers and "
                  "prints names (`tools/bench_commands.py`; medians of 3 runs; CPU in brackets, the steadier "
                  "figure on a shared machine):", "", bench_commands.markdown(r["cli"])]
        skipped = [f"{who}: {', '.join(s)}" for who, s in r["skipped"].items() if s]
        if skipped:
            lines += ["", "Skipped (predicted over the limit): " + "; ".join(skipped) + "."]
        lines.append("")
    with open(path, "w") as f:
        f.write("\n".join(lines))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    p.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    p.add_argument("--workdir", default="/tmp/aikg-bench")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks-graph.md"), help="where the table goes")
    args = p.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    aikg, bench = os.path.join(args.build, "aikg"), os.path.join(args.build, "aikg_bench")
    started, results, previous = datetime.datetime.now(), {}, {"aikg": None, "networkx": None, "igraph": None}
    for size in args.sizes:
        print(f"== {size} edges", file=sys.stderr)
        db, g, pairs, info = make_database(aikg, args.workdir, size)
        del g  # the peers load from the database like aikg does
        r = {"graph": info, "skipped": {}}
        r["aikg"], r["skipped"]["aikg"], r["aikg_raw"] = run_aikg(bench, db, f"{args.workdir}/pairs{size}.tsv",
                                                                  previous["aikg"])
        r["networkx"], r["skipped"]["NetworkX"] = run_peer("networkx", load_networkx, networkx_queries, db, pairs,
                                                           previous["networkx"])
        r["igraph"], r["skipped"]["igraph"] = run_peer("igraph", load_igraph, igraph_queries, db, pairs,
                                                       previous["igraph"])
        r["cli"] = run_cli(aikg, db, pairs, args.workdir)
        results[size] = r
        previous = {"aikg": r["aikg"], "networkx": r["networkx"], "igraph": r["igraph"]}
        write_report(args.out, results, args, started)  # after every size: a long run leaves partial results
    with open(os.path.join(args.workdir, "results.json"), "w") as f:
        json.dump({str(k): v for k, v in results.items()}, f, indent=1)


if __name__ == "__main__":
    main()
