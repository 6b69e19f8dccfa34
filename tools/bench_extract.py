#!/usr/bin/env python3
"""Extraction throughput benchmark (not a test): MB/s of article text through
`aikg extract --jsonl` on one core, separately for Korean and English.

The corpus is the bundled samples repeated (each copy with its own id) until it
reaches --mb megabytes of text; timing covers reading JSON Lines, extraction
and writing mentions. Usage: tools/bench_extract.py [--aikg build-release/aikg] [--mb 50] [--runs 3]
"""
import argparse, json, pathlib, resource, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def corpus(lang: str, megabytes: float, out: pathlib.Path) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob(f"{lang}_*.txt"))]
    size, n = 0, 0
    with out.open("w", encoding="utf-8") as f:
        while size < megabytes * 1e6:
            for t in texts:
                f.write(json.dumps({"id": f"{lang}-{n}", "text": t}, ensure_ascii=False) + "\n")
                size += len(t.encode("utf-8"))
                n += 1
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--aikg", default=str(ROOT / "build-release" / "aikg"))
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    # CPU seconds (user + system) as well as wall time: on a busy machine the
    # CPU figure is the one that says what one core does.
    print("| text | MB | median wall s | MB/s wall | median CPU s | MB/s per CPU second |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for lang, label in (("ko", "Korean"), ("en", "English")):
            path = pathlib.Path(tmp) / f"{lang}.jsonl"
            size = corpus(lang, args.mb, path)
            walls, cpus = [], []
            for _ in range(args.runs):
                with path.open("rb") as stdin:
                    before = resource.getrusage(resource.RUSAGE_CHILDREN)
                    start = time.perf_counter()
                    subprocess.run([args.aikg, "extract", "--jsonl"], stdin=stdin, stdout=subprocess.DEVNULL, check=True)
                    walls.append(time.perf_counter() - start)
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            w, c = statistics.median(walls), statistics.median(cpus)
            mb = size / 1e6
            print(f"| {label} | {mb:.1f} | {w:.2f} | {mb / w:.1f} | {c:.2f} | {mb / c:.1f} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
