#!/usr/bin/python3
"""Scale-out ingest on a Dask distributed cluster: the workers run the mapper
`aikg extract --jsonl` over partitions of a JSON Lines corpus, and this client
streams the results, in partition order, into one `aikg ingest --mentions -`
process, the only writer of the database. The database is the same as a plain
`aikg ingest --db OUT.db INPUTS` of the same files.

  tools/dask_ingest.py --scheduler tcp://host:8786 --aikg /opt/aikg/bin/aikg \\
      --db news.db [--partition-mb 8] [--gazetteer extra.tsv ...] corpus/ more.jsonl
  tools/dask_ingest.py --local 2 --aikg build/aikg --db news.db corpus.jsonl

Inputs are .jsonl files or folders (searched recursively, in aikg's order:
sorted names, depth first, hidden names and links to folders skipped). Other
files in a folder (.txt, .html) are skipped with a notice: load them with
`aikg ingest`.

Partitions: each file is cut at line boundaries into partitions of at most
--partition-mb megabytes (a longer line is a partition of its own); the cut
depends only on the files and --partition-mb. A partition's text travels to
its worker as data, inside its task: workers need no shared filesystem and no
copy of the corpus, and a task whose worker dies runs again on another. The
client reads each file once, sequentially. The aikg binary, however, must
exist at the --aikg path on every worker (and on this machine, or at
--writer-aikg, for the writer). --gazetteer files are read here and broadcast
to the workers, so mapper and writer always use the same gazetteer.

Memory stays bounded: at most --in-flight partitions (default: twice the
workers' threads, plus two) are submitted and not yet written; results that
finish early wait in a reorder buffer until their turn.

The mapper's own reports (bad lines) are relayed on stderr with the partition,
the file and the line number in that file. Exit status, as for `aikg ingest`:
0 everything stored; 1 finished, but some lines or files were skipped (each
reported); 2 a task, the writer or the cluster failed (message on stderr; what
was written before stays and a re-run skips it, unchanged articles add nothing).
"""
import argparse
import contextlib
import os
import signal
import stat
import sys
import time
import uuid
import warnings

BOM = b"\xef\xbb\xbf"
SPACE = b" \t\n\r\f\v"
# Every partition is piped with this line first. It makes each partition look
# like the middle of the file to aikg's JSONL reader, whose file-level checks
# (BOM on line 1, binary or UTF-16 first line, empty file) are done here, once
# per file, and not once per partition. Its report ("missing text") is dropped.
SENTINEL = b"{}\n"


# --- on the workers ------------------------------------------------------------

def extract_partition(aikg, path, first_line, data, gazetteers):
    """Runs `aikg extract --jsonl` on one partition (a worker task).

    Returns the mention lines with origins and fallback ids as a plain ingest
    of `path` would give them, the translated problem reports and counts.
    Raises when aikg cannot run or fails (exit status other than 0)."""
    import json
    import re
    import shutil
    import socket
    import subprocess
    import tempfile
    try:
        from distributed import get_worker
        where = get_worker().address
    except Exception:  # noqa: BLE001 - outside a worker (tests, debugging)
        where = socket.gethostname()
    started = time.time()
    args = [aikg, "extract", "--jsonl"]
    renames = {}
    tmp = tempfile.mkdtemp(prefix="aikg-gazetteer-") if gazetteers else None
    try:
        for i, (original, content) in enumerate(gazetteers or ()):
            local = os.path.join(tmp, f"{i}-{os.path.basename(original)}")
            with open(local, "wb") as f:
                f.write(content)
            args += ["--gazetteer", local]
            renames[local] = original
        stdin = SENTINEL + data
        try:
            proc = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as e:
            raise RuntimeError(f"cannot run {aikg} on worker {where} ({socket.gethostname()}): {e.strerror}; "
                               "the aikg binary must be installed at that path on every worker") from None
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    err = proc.stderr.decode("utf-8", "replace")
    for local, original in renames.items():
        err = err.replace(local, original)
    if proc.returncode != 0:
        raise RuntimeError(f"aikg extract exited with status {proc.returncode} on worker {where}: {err.strip()}")

    offset = first_line - 2  # stdin line k is line k + offset of the file (line 1 is the sentinel)
    problems, messages = [], []
    for line in err.splitlines():
        m = re.match(r"aikg: <stdin>:(\d+): (.*)\Z", line)
        if m and m.group(1) == "1":
            continue  # the sentinel
        if m:
            problems.append(f"aikg: {path}:{int(m.group(1)) + offset}: {m.group(2)}")
        elif line.strip():
            messages.append(line)

    # aikg names the stream "<stdin>" and numbers its lines from the partition's
    # start: give each article its file and line back, and an article without
    # an id the fallback id of a plain ingest of the file ("<stem>-<line>")
    # instead of the stream's "text-<hash>".
    base = os.path.basename(path)
    stem = base[:-6] if len(base) > 6 else base  # the name ends in .jsonl (any case)
    stdin_lines = None
    out = []
    for raw in proc.stdout.splitlines():
        if not raw.strip():
            continue
        d = json.loads(raw)
        k = int(str(d.get("origin", "")).rsplit(":", 1)[-1])
        d["origin"] = f"{path}:{k + offset}"
        if str(d.get("id", "")).startswith("text-"):
            if stdin_lines is None:
                stdin_lines = stdin.split(b"\n")
            if not _has_id(stdin_lines[k - 1]):
                d["id"] = f"{stem}-{k + offset}"
        out.append(json.dumps(d, ensure_ascii=False, separators=(",", ":")))
    text = ("\n".join(out) + "\n").encode("utf-8") if out else b""
    return {"mentions": text, "articles": len(out), "problems": problems, "messages": messages,
            "worker": where, "seconds": time.time() - started}


def _has_id(line):
    """True when the JSONL record has an id as aikg reads it (a non-blank string or an integer)."""
    import json
    try:
        v = json.loads(line).get("id")
    except Exception:  # noqa: BLE001 - aikg parsed it; if Python cannot, keep aikg's id
        return True
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return True
    return isinstance(v, str) and bool(v.strip(" \t\n\r\f\v"))


# --- on the client -------------------------------------------------------------

class Problems:
    def __init__(self):
        self.count = 0

    def __call__(self, where, why):
        self.count += 1
        print(f"aikg: {where}: {why}", file=sys.stderr, flush=True)


def is_jsonl(path):
    base = os.path.basename(path)  # as aikg: ".jsonl" alone is a hidden name without extension
    return base.lower().endswith(".jsonl") and len(base) > len(".jsonl")


def jsonl_files(inputs, problem):
    """The .jsonl files of `inputs` in the order `aikg ingest` reads them."""
    def walk(folder):
        try:
            names = sorted((n for n in os.listdir(folder) if not (len(n) > 1 and n[0] == ".")),
                           key=os.fsencode)
        except OSError as e:
            problem(folder, e.strerror)
            return
        for name in names:
            entry = os.path.join(folder, name)
            try:
                own = os.lstat(entry)
            except OSError as e:
                problem(entry, e.strerror)
                continue
            if stat.S_ISDIR(own.st_mode):
                yield from walk(entry)
            elif stat.S_ISLNK(own.st_mode) and os.path.isdir(entry):
                problem(entry, "link to a folder (not followed)")
            else:
                yield from regular(entry, in_folder=True)

    def regular(path, in_folder):
        if is_jsonl(path):
            yield path
        elif in_folder:
            print(f"dask_ingest: {path}: skipped, not JSON Lines (load .txt and .html with aikg ingest)",
                  file=sys.stderr)
        else:
            problem(path, "not a .jsonl file (dask_ingest partitions JSON Lines; use aikg ingest for others)")

    for p in inputs:
        if os.path.isdir(p):
            yield from walk(p)
        elif os.path.exists(p):
            yield from regular(p, in_folder=False)
        else:
            problem(p, "No such file or directory")


class Partition:
    __slots__ = ("index", "path", "first", "last", "data")

    def __init__(self, index, path, first, last, data):
        self.index, self.path, self.first, self.last, self.data = index, path, first, last, data

    @property
    def name(self):
        return f"partition {self.index} ({self.path}:{self.first}-{self.last})"


def partitions(files, limit, problem):
    """Cuts each file at line boundaries into partitions of at most `limit` bytes."""
    index = 0
    for path in files:
        try:
            f = open(path, "rb")
        except OSError as e:
            problem(path, e.strerror)
            continue
        with f:
            buf, size, first, lineno, offset, seen, skip = [], 0, 1, 0, 0, False, False
            for line in f:
                lineno += 1
                raw_length = len(line)
                bom = 0
                if lineno == 1 and line.startswith(BOM):
                    line, bom = line[len(BOM):], len(BOM)
                if not seen and line.strip(SPACE):
                    seen = True  # aikg's check of a file's first content line
                    view = line[:-1] if line.endswith(b"\n") else line
                    nul = view.find(b"\0")
                    if view.startswith((b"\xff\xfe", b"\xfe\xff")) and nul < 0:
                        why = "UTF-16 text (only UTF-8 is supported)"
                    elif nul >= 0:
                        why = f"binary file (NUL byte at byte {offset + bom + nul})"
                    else:
                        why = None
                    if why:
                        problem(path, why)
                        skip = True
                        break
                if buf and size + len(line) > limit:
                    yield Partition(index, path, first, lineno - 1, b"".join(buf))
                    index += 1
                    buf, size, first = [], 0, lineno
                buf.append(line)
                size += len(line)
                offset += raw_length
            if skip:
                continue
            if not seen:
                problem(path, "empty file")
            elif buf:
                yield Partition(index, path, first, lineno, b"".join(buf))
                index += 1


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="dask_ingest.py", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://10.0.0.5:8786")
    where.add_argument("--local", type=int, metavar="N",
                       help="start an in-process LocalCluster with N worker processes (one thread each)")
    ap.add_argument("--aikg", required=True, metavar="PATH",
                    help="the aikg binary; this path must exist on every worker")
    ap.add_argument("--writer-aikg", metavar="PATH", help="aikg on this machine for the writer (default: --aikg)")
    ap.add_argument("--db", required=True, metavar="FILE", help="SQLite database to write (on this machine)")
    ap.add_argument("--partition-mb", type=float, default=8.0, metavar="MB",
                    help="largest partition in megabytes of JSONL (default 8)")
    ap.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                    help="extra gazetteer TSV, read here and shipped to the workers; repeatable")
    ap.add_argument("--in-flight", type=int, metavar="N",
                    help="partitions submitted but not yet written (default: 2 x worker threads + 2)")
    ap.add_argument("--min-workers", type=int, default=1, metavar="N",
                    help="wait until N workers are connected before starting (default 1)")
    ap.add_argument("--timeout", type=float, default=60, metavar="SECONDS",
                    help="for connecting to the scheduler and waiting for workers (default 60)")
    ap.add_argument("inputs", nargs="+", metavar="INPUT.jsonl|DIR")
    args = ap.parse_args(argv)
    if args.partition_mb <= 0:
        ap.error("--partition-mb must be positive")
    if args.in_flight is not None and args.in_flight < 1:
        ap.error("--in-flight must be at least 1")
    return args


def fatal(message):
    print(f"dask_ingest: {message}", file=sys.stderr, flush=True)
    return 2


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    writer_aikg = args.writer_aikg or args.aikg
    if not (os.path.isfile(writer_aikg) and os.access(writer_aikg, os.X_OK)):
        return fatal(f"{writer_aikg}: not an executable here (the writer runs on this machine; see --writer-aikg)")
    gazetteers = []
    for g in args.gazetteer:
        try:
            with open(g, "rb") as f:
                gazetteers.append((g, f.read()))
        except OSError as e:
            return fatal(f"{g}: {e.strerror}")
    # Partitions go into the tasks themselves, not through client.scatter: the
    # scheduler then holds each task's input until it is done and can run it
    # again elsewhere when a worker dies (scattered data would die with it).
    # --in-flight bounds what it holds; Dask's advice to scatter is silenced.
    warnings.filterwarnings("ignore", message="Large object of size", category=UserWarning)
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        return fatal(f"Dask distributed is not installed for {sys.executable} ({e}); "
                     "apt-get install python3-distributed")

    cluster = None
    scratch = None
    try:
        if args.local:
            import logging
            import tempfile
            scratch = tempfile.TemporaryDirectory(prefix="aikg-dask-")  # the workers' files, removed at the end
            cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.CRITICAL,
                                   local_directory=scratch.name)
            client = Client(cluster)
        else:
            client = Client(args.scheduler, timeout=args.timeout)
    except Exception as e:  # noqa: BLE001 - OSError, TimeoutError, ValueError for a bad address
        if cluster:
            cluster.close()
        if scratch:
            scratch.cleanup()
        return fatal(f"cannot reach the Dask scheduler {args.scheduler or '(local)'}: {e}")
    try:
        return run(args, client, as_completed, writer_aikg, gazetteers, started)
    finally:
        client.close()
        if cluster:
            cluster.close()
        if scratch:
            scratch.cleanup()


def run(args, client, as_completed, writer_aikg, gazetteers, started):
    try:
        client.wait_for_workers(args.min_workers, timeout=args.timeout)
    except Exception:  # noqa: BLE001 - TimeoutError
        return fatal(f"fewer than {args.min_workers} workers connected to {args.scheduler} "
                     f"after {args.timeout:g} s")
    threads = sum(client.nthreads().values()) or 1
    in_flight = args.in_flight or 2 * threads + 2
    problems = Problems()
    source = partitions(jsonl_files(args.inputs, problems), int(args.partition_mb * 1024 * 1024), problems)
    gazetteer_future = client.scatter([gazetteers], broadcast=True, hash=False)[0] if gazetteers else None

    gaz_args = [a for g in args.gazetteer for a in ("--gazetteer", g)]
    writer = subprocess_popen([writer_aikg, "ingest", "--db", args.db, *gaz_args, "--mentions", "-"])
    meta = {}          # future key -> partition (without its data)
    outstanding = []   # futures not yet collected, to cancel on failure
    ready = {}         # partition index -> (partition, result): the reorder buffer
    state = {"submitted": 0, "written": 0, "exhausted": False}
    totals = {"articles": 0, "bad": 0, "task_seconds": 0.0, "workers": set()}
    futures = as_completed()
    run_id = uuid.uuid4().hex[:12]

    def submit_more():
        while not state["exhausted"] and state["submitted"] - state["written"] < in_flight:
            p = next(source, None)
            if p is None:
                state["exhausted"] = True
                return
            fut = client.submit(extract_partition, args.aikg, p.path, p.first, p.data, gazetteer_future,
                                key=f"aikg-extract-{run_id}-{p.index}", pure=False)
            p.data = None
            meta[fut.key] = p
            outstanding.append(fut)
            futures.add(fut)
            state["submitted"] += 1

    def abort(message):
        client.cancel(outstanding)
        code = close_writer(writer)
        print(f"dask_ingest: {message}", file=sys.stderr)
        if code not in (0, 1):
            print(f"dask_ingest: stopped; the writer (aikg ingest --db {args.db} --mentions -) failed with exit "
                  f"status {code}", file=sys.stderr, flush=True)
        else:
            done = f"partitions 0-{state['written'] - 1} are" if state["written"] else "no partition is"
            print(f"dask_ingest: stopped; {done} in {args.db}; a re-run adds only what is missing",
                  file=sys.stderr, flush=True)
        return 2

    try:
        submit_more()
        for fut in futures:
            p = meta.pop(fut.key)
            outstanding.remove(fut)
            if fut.status != "finished":
                exc = fut.exception() if fut.status == "error" else fut.status
                return abort(f"{p.name} failed: {exc}")
            result = fut.result()
            fut.release()
            ready[p.index] = (p, result)
            while state["written"] in ready:
                q, r = ready.pop(state["written"])
                for line in r["messages"]:
                    print(f"dask_ingest: {q.name}: {line}", file=sys.stderr)
                for line in r["problems"]:
                    print(f"dask_ingest: {q.name}: {line}", file=sys.stderr)
                sys.stderr.flush()
                totals["articles"] += r["articles"]
                totals["bad"] += len(r["problems"])
                totals["task_seconds"] += r["seconds"]
                totals["workers"].add(r["worker"])
                try:
                    with whole_writes():
                        writer.stdin.write(r["mentions"])
                        writer.stdin.flush()
                        state["written"] += 1
                except BrokenPipeError:
                    return abort(f"the writer (aikg ingest --mentions) stopped while loading {q.name}")
            submit_more()
    except KeyboardInterrupt:
        return abort("interrupted")
    except Exception as e:  # noqa: BLE001 - lost scheduler, unreadable input: stop cleanly
        return abort(f"{type(e).__name__}: {e}")

    code = close_writer(writer)
    seconds = time.time() - started
    print(f"dask_ingest: {state['written']} partitions, {totals['articles']} articles, {totals['bad']} bad lines "
          f"skipped, {seconds:.1f} s ({totals['task_seconds']:.1f} s of extraction on "
          f"{len(totals['workers'])} workers)", file=sys.stderr, flush=True)
    if code not in (0, 1):
        return fatal(f"the writer (aikg ingest --db {args.db} --mentions -) failed with exit status {code}")
    if code == 1:
        print("dask_ingest: the writer skipped some mention lines (reported above)", file=sys.stderr)
    return 1 if code == 1 or problems.count or totals["bad"] else 0


@contextlib.contextmanager
def whole_writes():
    """Defers Ctrl-C until a partition's lines are all written: the writer
    never sees half a line."""
    deferred = []
    previous = signal.signal(signal.SIGINT, lambda *_: deferred.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if deferred:
        raise KeyboardInterrupt


def subprocess_popen(argv):
    """The writer, in its own session: Ctrl-C stops the client, which then closes
    the writer's input so that it commits what it has and exits by itself."""
    import subprocess
    return subprocess.Popen(argv, stdin=subprocess.PIPE, start_new_session=True)


def close_writer(writer):
    try:
        writer.stdin.close()
    except BrokenPipeError:
        pass
    return writer.wait()


if __name__ == "__main__":
    sys.exit(main())
