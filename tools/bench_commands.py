#!/usr/bin/python3
"""Commands end to end, as an analyst types them, beside a plain python-igraph
script doing the same on the same file (issue 19's table): each side opens the
database, reads what it needs, answers and prints names. Wall clock and peak
memory (ru_maxrss) of the process; medians of --runs runs. Not a test.

tools/bench_graph.py runs it for its largest graph; alone:
  /usr/bin/python3 tools/bench_commands.py --aikg build-bench/aikg --db hk1000000.db \
      --pair 'Org 35222' 'Org 149213' [--runs 3] [--json out.json]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

# The igraph script of each row: a fresh process, reading the file as
# tools/bench_graph.py's load_igraph does, then the query and its printed names.
IGRAPH_PRELUDE = r"""
import os, sqlite3, sys
os.environ.setdefault("OMP_NUM_THREADS", "1")
import igraph as ig
db = sys.argv[1]
def load():
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = dict(c.execute("SELECT id, name FROM entities"))
    index = {}
    pairs = [(index.setdefault(a, len(index)), index.setdefault(b, len(index)))
             for a, b in c.execute("SELECT source_id, target_id FROM relations")]
    g = ig.Graph(n=len(index), edges=pairs)
    g.vs["name"] = [names[i] for i in index]
    g.simplify()
    return g
"""
IGRAPH = {
    "rank": "g = load(); s = g.pagerank(); print([g.vs[i]['name'] for i in sorted(range(len(s)), key=lambda i: -s[i])[:10]])",
    "components": "g = load(); c = sorted(g.connected_components(), key=len, reverse=True)[:5]; "
                  "print([sorted(g.vs[i]['name'] for i in m)[:12] for m in c])",
    "path": "g = load(); a, b = g.vs.find(name=sys.argv[2]).index, g.vs.find(name=sys.argv[3]).index; "
            "print([g.vs[i]['name'] for i in g.get_shortest_paths(a, b)[0]])",
    "neighbors": "c = sqlite3.connect(f'file:{db}?mode=ro', uri=True); "
                 "print(c.execute('SELECT n.name FROM entities e JOIN relations r ON r.source_id = e.id OR "
                 "r.target_id = e.id JOIN entities n ON n.id = CASE WHEN r.source_id = e.id THEN r.target_id "
                 "ELSE r.source_id END WHERE e.name = ?', (sys.argv[2],)).fetchall())",
    "communities": None,
    "export graphml": "g = load(); g.write_graphml(sys.argv[4])",
}


def measured(cmd, runs):
    """Median wall seconds, median CPU seconds and the largest peak RSS (MiB) of
    `runs` runs of cmd. CPU time is the steadier figure on a shared machine.
    The peak comes from /usr/bin/time: the ru_maxrss of a child forked from
    this (large) Python process starts at this process's size."""
    walls, cpus, peak = [], [], 0.0
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        for _ in range(runs):
            start = time.perf_counter()
            proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name, *cmd],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - start)
            cpus.append(usage.ru_utime + usage.ru_stime)  # includes the command, which time waited for
            rss.seek(0)
            peak = max(peak, int(rss.read().split()[-1]) / 1024)
            if status != 0:
                raise SystemExit(f"bench_commands: {' '.join(cmd)} failed ({status})")
    return statistics.median(walls), statistics.median(cpus), peak


def end_to_end(aikg, db, pair, runs, workdir):
    a, b = pair
    out = os.path.join(workdir, "export.graphml")
    rows = [("aikg rank --by pagerank --top 10", ["rank", "--by", "pagerank", "--top", "10"], "rank"),
            ("aikg components --top 5", ["components", "--top", "5"], "components"),
            (f"aikg path '{a}' '{b}'", ["path", a, b], "path"),
            (f"aikg neighbors '{a}'", ["neighbors", a], "neighbors"),
            ("aikg communities --top 5", ["communities", "--top", "5"], "communities"),
            ("aikg export graphml", ["export", "graphml", "-o", out], "export graphml")]
    script = os.path.join(workdir, "igraph_query.py")
    results = []
    for label, args, key in rows:
        if os.path.exists(out):
            os.remove(out)
        ours = measured([aikg, *args, "--db", db], runs)
        peer = None
        if IGRAPH[key]:
            with open(script, "w", encoding="utf-8") as f:
                f.write(IGRAPH_PRELUDE + IGRAPH[key] + "\n")
            peer = measured([sys.executable, script, db, a, b, out], runs)
        results.append({"command": label, "aikg_s": ours[0], "aikg_cpu_s": ours[1], "aikg_mib": ours[2],
                        "igraph_s": peer[0] if peer else None, "igraph_cpu_s": peer[1] if peer else None,
                        "igraph_mib": peer[2] if peer else None})
        print(f"  {label}: {ours[0]:.3f} s ({ours[1]:.3f} s CPU), {ours[2]:.0f} MiB"
              + (f"; igraph script {peer[0]:.3f} s ({peer[1]:.3f} s CPU), {peer[2]:.0f} MiB" if peer else ""),
              file=sys.stderr)
    return results


def markdown(results):
    lines = ["| command, end to end | aikg wall (CPU) | peak memory | igraph script wall (CPU) | its peak memory "
             "| igraph / aikg (wall) |",
             "|---|---|---|---|---|---|"]
    for r in results:
        peer = r["igraph_s"]
        lines.append(f"| `{r['command']}` | {r['aikg_s']:.3f} s ({r['aikg_cpu_s']:.3f} s) | {r['aikg_mib']:.0f} MiB | "
                     + (f"{peer:.3f} s ({r['igraph_cpu_s']:.3f} s) | {r['igraph_mib']:.0f} MiB | "
                        f"{peer / r['aikg_s']:.1f}× |" if peer else "– | – | – |"))
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--aikg", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--pair", nargs=2, required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--json")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="aikg-bench-cmd-") as work:
        results = end_to_end(args.aikg, args.db, args.pair, args.runs, work)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    print(markdown(results))


if __name__ == "__main__":
    main()
