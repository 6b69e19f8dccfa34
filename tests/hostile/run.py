#!/usr/bin/env python3
"""The hostile-input corpus (issue 15) and its runner.

Every input that once made aikg lose data, blow up or run away is generated
here by a function of its own, named after what it found; the corpus grows
with every such bug. Each input is ingested on its own into a fresh database
under GNU time, and must:
  * finish (exit 0 or 1, within --timeout seconds: a guard against hangs),
  * stay below the memory bound: peak RSS under 20 times the largest input
    file or 512 MiB, whichever is larger,
  * leave a database that grew at most --max-ratio times the input's size
    (growth measured on `aikg publish` copies, minus an empty database),
  * keep every --json output valid JSON.

Usage: run.py AIKG WORKDIR [--max-ratio 72] [--timeout 120] [--json SUMMARY]
Exit status 1 when a bound is broken. tools/bench.py reports the summary.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MIB = 1024 * 1024


def gazetteer_names():
    names = []
    with open(os.path.join(ROOT, "data", "gazetteer", "organisations.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            names += [cols[0]] + [a for a in cols[3].split("|") + cols[4].split("|") if a]
    return list(dict.fromkeys(names))


def listing(names, tail):
    return ", ".join(names[:-1]) + " and " + names[-1] + tail


# --- the corpus: file name -> bytes --------------------------------------------------------

def amplification_thousand_names(names):
    """Issue 15 class 7: 1,000 names in one sentence once gave a 511 MB database."""
    return listing((names * 3)[:1000], " announced a strategic partnership.\n").encode()


def amplification_dense_lists(names):
    """Issue 15 class 7: 300 short sentences of 8 names, the most pairs per input byte."""
    return "".join(listing([names[(i + k * 37) % len(names)] for k in range(8)], " formed an alliance.\n")
                   for i in range(300)).encode()


def amplification_korean_list(names):
    """Issue 15 class 7, Korean: 400 names joined with 、 and a particle."""
    return ("、".join((names * 2)[:400]) + "와 오픈AI가 전략적 파트너십을 맺었다.\n").encode()


def run_on_clauses(names):
    """Fuzzing (issue 7): 20,000 clauses without a full stop, once one quadratic sentence."""
    return ("카카오는 네이버와 협력하고, " * 20000 + "삼성전자는 오픈AI와 업무협약을 체결했다.\n").encode()


def one_line_4mb(names):
    """Issue 7: a 4 MB file without a line end, names sprinkled through it."""
    chunk = "Samsung Electronics and OpenAI signed a memorandum of understanding, said analysts "
    return (chunk * (4 * MIB // len(chunk))).encode()


def no_spaces_1mb(names):
    """One 1 MB word of Hangul: nothing to split on."""
    return ("가" * (MIB // 3)).encode()


def same_sentence_20000(names):
    """The same sentence 20,000 times: one relation, evidence bounded by the sentence count."""
    return ("Kakao and OpenAI announced a strategic partnership.\n" * 20000).encode()


def deep_html(names):
    """Issue 7: 100,000 levels of nesting around one sentence."""
    return ("<html><body>" + "<div>" * 100000 + "<p>SK Telecom signed an MOU with OpenAI.</p>"
            + "</div>" * 100000 + "</body></html>").encode()


def jsonl_huge_record(names):
    """One JSON Lines record with a 2 MB text field."""
    text = "NVIDIA invested in OpenAI. " * (2 * MIB // 27)
    return (json.dumps({"id": "huge", "text": text}) + "\n").encode()


def jsonl_many_records(names):
    """20,000 tiny records, each its own article."""
    return "".join(json.dumps({"id": f"r{i}", "text": f"Kakao and {names[i % len(names)]} announced a partnership."})
                   + "\n" for i in range(20000)).encode()


def nul_after_64k(names):
    """Issue 7: a NUL byte past the first 64 KiB (a binary file with a .txt name)."""
    return b"A" * 70000 + b"\0tail\n"


CORPUS = {
    "thousand_names.txt": amplification_thousand_names,
    "dense_lists.txt": amplification_dense_lists,
    "korean_list.txt": amplification_korean_list,
    "run_on.txt": run_on_clauses,
    "one_line_4mb.txt": one_line_4mb,
    "no_spaces_1mb.txt": no_spaces_1mb,
    "same_sentence.txt": same_sentence_20000,
    "deep.html": deep_html,
    "huge_record.jsonl": jsonl_huge_record,
    "many_records.jsonl": jsonl_many_records,
    "nul_after_64k.txt": nul_after_64k,
    # Issue 15 class 6: a name that is not UTF-8 (CP949 삼성, Latin-1 é).
    b"\xbb\xef\xbc\xba_caf\xe9.txt": lambda names: b"Samsung Electronics signed an MOU with OpenAI.\n",
}


def generate(directory):
    names = gazetteer_names()
    os.makedirs(directory, exist_ok=True)
    paths = []
    for name, make in CORPUS.items():
        path = os.path.join(os.fsencode(directory), name if isinstance(name, bytes) else name.encode())
        with open(path, "wb") as f:
            f.write(make(names))
        paths.append(path)
    return paths


# --- the runner ---------------------------------------------------------------------------

def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def ingest_measured(aikg, db, path, timeout):
    """(exit status, peak RSS in bytes) of `aikg ingest`, measured by GNU time."""
    rss_file = db + ".rss"
    r = run(["/usr/bin/time", "-f", "%M", "-o", rss_file, "timeout", str(timeout), aikg, "ingest", "--db", db,
             "--jobs", "1", path])
    with open(rss_file) as f:
        rss = int(f.read().split()[-1]) * 1024
    return r.returncode, rss, r.stderr.decode("utf-8", "replace")


def published_size(aikg, db):
    copy = db + ".pub"
    run([aikg, "publish", "--db", db, copy, "--force"], check=True)
    return os.path.getsize(copy)


def json_outputs_valid(aikg, db):
    for cmd in (["entities", "--json"], ["relations", "--json"], ["search", "OpenAI", "--json"], ["check", "--json"]):
        r = run([aikg, *cmd, "--db", db])
        if r.returncode > 1:
            return f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.decode('utf-8', 'replace')}"
        try:
            json.loads(r.stdout.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            return f"{' '.join(cmd)}: {e}"
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("aikg")
    p.add_argument("workdir")
    p.add_argument("--max-ratio", type=float, default=72)
    p.add_argument("--timeout", type=int, default=120)
    p.add_argument("--memory-scale", type=float, default=1.0,
                   help="multiply the memory bound (AddressSanitizer's shadow memory and redzones need about 3x)")
    p.add_argument("--json", help="write the summary here")
    args = p.parse_args()
    inputs = generate(os.path.join(args.workdir, "corpus"))
    largest = max(os.path.getsize(i) for i in inputs)
    memory_bound = int(max(20 * largest, 512 * MIB) * args.memory_scale)
    empty = os.path.join(args.workdir, "empty.db")
    run([args.aikg, "ingest", "--db", empty, os.path.join(args.workdir, "missing.txt")])
    empty_size = published_size(args.aikg, empty)
    failures, rows = [], []
    for n, path in enumerate(inputs):
        name = os.fsdecode(os.path.basename(path))
        db = os.path.join(args.workdir, f"input{n}.db")
        status, rss, err = ingest_measured(args.aikg, db, path, args.timeout)
        size = os.path.getsize(path)
        growth = max(0, published_size(args.aikg, db) - empty_size) if os.path.exists(db) else 0
        ratio = growth / size
        rows.append({"input": name, "bytes": size, "growth": growth, "ratio": ratio, "peak_rss": rss, "status": status})
        print(f"hostile: {name}: {size:,} B in, database +{growth:,} B (ratio {ratio:.1f}), peak {rss / MIB:.0f} MiB,"
              f" exit {status}")
        if status not in (0, 1):
            failures.append(f"{name}: exit {status}: {err.strip()[-300:]}")
        if rss > memory_bound:
            failures.append(f"{name}: peak memory {rss / MIB:.0f} MiB over {memory_bound / MIB:.0f} MiB")
        if ratio > args.max_ratio:
            failures.append(f"{name}: the database grew {ratio:.1f} times the input (bound {args.max_ratio})")
        if os.path.exists(db) and (problem := json_outputs_valid(args.aikg, db)):
            failures.append(f"{name}: {problem}")
    worst = max(rows, key=lambda r: r["ratio"])
    peak = max(rows, key=lambda r: r["peak_rss"])
    print(f"hostile: largest db/input ratio {worst['ratio']:.1f} ({worst['input']}); peak memory "
          f"{peak['peak_rss'] / MIB:.0f} MiB ({peak['input']}); largest input {largest / MIB:.1f} MiB, "
          f"memory bound {memory_bound / MIB:.0f} MiB")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"inputs": rows, "largest_input": largest, "memory_bound": memory_bound}, f, indent=1)
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
