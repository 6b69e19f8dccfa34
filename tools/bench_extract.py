#!/usr/bin/env python3
"""Extraction throughput benchmark (not a test): MB/s of article text through
`aikg extract --jsonl` on one core, separately for Korean and English.

The corpus is the bundled samples repeated (each copy with its own id) until it
reaches --mb megabytes of text; timing covers reading JSON Lines, extraction
and writing mentions. Usage: tools/bench_extract.py [--aikg build-release/aikg] [--mb 50] [--runs 3]
"""
import argparse, json, pathlib, statistics, subprocess, sys, tempfile, time

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
    print("| text | MB | median s | MB/s (1 core) |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for lang, label in (("ko", "Korean"), ("en", "English")):
            path = pathlib.Path(tmp) / f"{lang}.jsonl"
            size = corpus(lang, args.mb, path)
            times = []
            for _ in range(args.runs):
                with path.open("rb") as stdin:
                    start = time.perf_counter()
                    subprocess.run([args.aikg, "extract", "--jsonl"], stdin=stdin, stdout=subprocess.DEVNULL, check=True)
                    times.append(time.perf_counter() - start)
            t = statistics.median(times)
            print(f"| {label} | {size / 1e6:.1f} | {t:.2f} | {size / 1e6 / t:.1f} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
