#!/usr/bin/python3
"""The benchmark suite (not a test): extraction, ingest and graph queries, with
NetworkX and python-igraph on the identical graphs, in one run on this machine.
Writes docs/benchmarks.md. Run it through tools/bench.sh, which builds first.

  extraction   `aikg extract --jsonl` on generated Korean and English corpora
               (tools/gen_corpus.py), CPU seconds on one core -> MB/s per core;
               `aikg ingest --jobs 1` and `--jobs 2` wall time on the Korean one
  ingest       articles/s and evidence rows/s into SQLite end to end, database
               bytes per 1k relations, peak memory (ru_maxrss of the process)
  recall       typed precision/recall of the generated corpus against its
               generated ground truth (`aikg eval`)
  graph        tools/bench_graph.py: load and every query at 10k, 100k and 1M
               edges beside NetworkX and igraph (its table is included)
  hostile      tests/hostile/run.py: the largest ratio of database growth to
               input size and the peak memory seen on the hostile corpus

Medians of --runs runs. Usage: tools/bench.py [--build build-bench] [--articles 20000]
[--sizes 10000 100000 1000000] [--runs 3] [--out docs/benchmarks.md]
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_measured(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall s, CPU s, peak RSS MiB) of that process alone."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def generate(workdir, name, articles, english_share, seed):
    corpus, gold = os.path.join(workdir, f"{name}.jsonl"), os.path.join(workdir, f"{name}.gold.tsv")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_corpus.py"), "--articles", str(articles),
                    "--seed", str(seed), "--english-share", str(english_share), "--out", corpus, "--gold", gold],
                   check=True)
    return corpus, gold


def text_megabytes(corpus):
    with open(corpus, encoding="utf-8") as f:
        return sum(len(json.loads(line)["text"].encode("utf-8")) for line in f) / 1e6


def extraction(aikg, corpus, runs):
    cpus, walls = [], []
    for _ in range(runs):
        with open(corpus, "rb") as f:
            wall, cpu, _ = run_measured([aikg, "extract", "--jsonl"], stdin=f)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def ingest(aikg, corpus, workdir, jobs, runs):
    walls, rss = [], 0.0
    db = os.path.join(workdir, f"ingest-j{jobs}.db")
    for _ in range(runs):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        wall, _, peak = run_measured([aikg, "ingest", "--db", db, "--jobs", str(jobs), corpus])
        walls.append(wall)
        rss = max(rss, peak)
    counts = subprocess.run(["sqlite3", db, "select (select count(*) from documents), (select count(*) from relations),"
                             " (select count(*) from evidence)"], capture_output=True, text=True, check=True)
    documents, relations, evidence = (int(x) for x in counts.stdout.strip().split("|"))
    return {"wall": statistics.median(walls), "documents": documents, "relations": relations, "evidence": evidence,
            "bytes": os.path.getsize(db), "rss": rss, "db": db}


def evaluation(aikg, db, gold):
    out = subprocess.run([aikg, "eval", "--db", db, "--gold", gold, "--json"], capture_output=True, text=True)
    return json.loads(out.stdout) if out.stdout.strip() else None


def hostile_inputs(aikg, work):
    """One paragraph: the worst database growth and memory on tests/hostile (issue 15)."""
    summary = os.path.join(work, "hostile.json")
    subprocess.run([sys.executable, os.path.join(ROOT, "tests", "hostile", "run.py"), aikg,
                    os.path.join(work, "hostile"), "--json", summary], check=False)
    with open(summary, encoding="utf-8") as f:
        s = json.load(f)
    worst = max(s["inputs"], key=lambda r: r["ratio"])
    peak = max(s["inputs"], key=lambda r: r["peak_rss"])
    print(f"bench: hostile: largest db/input ratio {worst['ratio']:.1f}", file=sys.stderr)
    return (f"On the hostile corpus ({len(s['inputs'])} inputs, `tests/hostile/run.py`), the largest ratio of "
            f"database growth to input size is **{worst['ratio']:.1f}** ({worst['input']}: "
            f"{worst['bytes']:,} bytes in, {worst['growth']:,} bytes stored); the largest peak memory is "
            f"{peak['peak_rss'] / 2**20:.0f} MiB ({peak['input']}; bound {s['memory_bound'] / 2**20:.0f} MiB, "
            f"20 times the largest input of {s['largest_input'] / 2**20:.1f} MiB or 512 MiB).")


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) // (1024 * 1024) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    compiler = subprocess.run(["c++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return f"{os.cpu_count()} cores ({model}), {mem} GiB RAM; {platform.platform()}; {compiler}"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    p.add_argument("--articles", type=int, default=20000, help="generated articles per language")
    p.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000, 1000000], help="graph sizes in edges")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    args = p.parse_args()
    aikg = os.path.join(args.build, "aikg")
    started = datetime.datetime.now()
    load_start = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory(prefix="aikg-bench-") as work:
        corpora = {}
        for lang, share in (("Korean", 0.0), ("English", 1.0)):
            corpus, gold = generate(work, lang, args.articles, share, seed=7)
            corpora[lang] = (corpus, gold, text_megabytes(corpus))
            wall, cpu = extraction(aikg, corpus, args.runs)
            mb = corpora[lang][2]
            rows.append(f"| extract, {lang}, 1 thread | {mb:.1f} MB | {wall:.2f} s | {cpu:.2f} s | "
                        f"**{mb / cpu:.1f} MB/s per core** ({mb / wall:.1f} MB/s wall) |")
            print(f"bench: extraction {lang}: {mb / cpu:.1f} MB/s per core", file=sys.stderr)
        corpus, gold, mb = corpora["Korean"]
        ingests = {}
        for jobs in (1, 2):
            r = ingest(aikg, corpus, work, jobs, args.runs)
            ingests[jobs] = r
            rows.append(f"| ingest --jobs {jobs}, Korean | {r['documents']:,} articles, {mb:.1f} MB | {r['wall']:.2f} s | – | "
                        f"{r['documents'] / r['wall']:,.0f} articles/s, **{r['evidence'] / r['wall']:,.0f} evidence rows/s**, "
                        f"{mb / r['wall']:.1f} MB/s |")
            print(f"bench: ingest --jobs {jobs}: {r['evidence'] / r['wall']:,.0f} evidence rows/s", file=sys.stderr)
        r = ingests[2]
        quality = evaluation(aikg, r["db"], gold) or {}
        graph_md = os.path.join(work, "graph.md")
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "bench_graph.py"), "--build", args.build,
                        "--sizes", *map(str, args.sizes), "--workdir", os.path.join(work, "graph"), "--out", graph_md],
                       check=True)
        with open(graph_md, encoding="utf-8") as f:
            graph_report = f.read()
        hostile = hostile_inputs(aikg, work)
        memory = []
        for size in args.sizes:  # the whole graph with its names, as a command loads it
            db = os.path.join(work, "graph", f"hk{size}.db")
            if os.path.exists(db):
                wall, _, peak = run_measured([aikg, "rank", "--db", db, "--by", "pagerank", "--top", "1"])
                memory.append(f"{size:,} edges: {peak:.0f} MiB ({wall:.2f} s)")

    typed = quality.get("typed", {})
    took = (datetime.datetime.now() - started).total_seconds()
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `bash tools/bench.sh` on {started:%Y-%m-%d} ({started:%H:%M}). Machine: {machine()}. "
        f"Load average (1 min) at the start: {load_start:.1f}. Medians of {args.runs} runs. Corpora from "
        f"`tools/gen_corpus.py --articles {args.articles} --seed 7` (Korean: `--english-share 0`, English: `1`). "
        f"The run took {took // 60:.0f} min {took % 60:.0f} s (the build before it not counted).",
        "",
        "## Extraction and ingest",
        "",
        "| what | input | wall | CPU | throughput |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"Database: {r['bytes'] / 1e6:.1f} MB for {r['relations']:,} relations and {r['evidence']:,} evidence rows "
        f"({r['bytes'] / max(1, r['relations']) * 1000 / 1e6:.2f} MB per 1k relations, FTS index included). "
        f"Peak memory of an ingest: {max(i['rss'] for i in ingests.values()):.0f} MiB.",
        "",
        f"Extraction quality on the generated Korean corpus against its ground truth: typed precision "
        f"{typed.get('precision', float('nan')):.3f}, recall {typed.get('recall', float('nan')):.3f}, "
        f"F1 {typed.get('f1', float('nan')):.3f} (`aikg eval --db DB --gold GOLD`).",
        "",
        "Targets (issue 6): extraction >= 50 MB/s of Korean per core; ingest >= 150k evidence rows/s with "
        "`--jobs 2`.",
        "",
        "Peak memory of `aikg rank --by pagerank` (opening the database, loading the whole graph with its "
        "names, PageRank): " + "; ".join(memory) + ". Target: a 1M-edge graph in well under 1 GiB.",
        "",
        "## Hostile inputs",
        "",
        hostile,
        "",
        graph_report.replace("# Graph benchmark", "## Graph queries", 1),
    ]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"bench: wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
