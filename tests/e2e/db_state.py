"""Helpers for the reliability e2e tests (crash_safety, concurrency).

  db_state.py corpus OUT N [SEED] [VARIANT]  write N JSONL articles (distinct texts)
  db_state.py dump DB OUT                  sorted dump of the graph without ids/timestamps
  db_state.py check DB MENTIONS...         integrity, foreign keys, no half-ingested document
                                           (MENTIONS: `aikg extract` outputs giving the
                                           expected evidence per content hash)
"""
import glob
import json
import os
import random
import sqlite3
import sys


def corpus(out, n, seed=1, variant=""):
    src = os.path.join(os.path.dirname(__file__), "..", "..", "samples")
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(src, "*.txt")))]
    gaz = os.path.join(src, "..", "data", "gazetteer", "organisations.tsv")
    names = [l.split("\t")[0] for l in open(gaz, encoding="utf-8") if l.strip() and not l.startswith("#")][1:]
    rnd = random.Random(seed)
    tmpl = ["{a} signed a memorandum of understanding with {b} on March {d}.",
            "{a} invested in {b}, the companies said on May {d}.",
            "{a}와 {b}가 {d}일 업무협약(MOU)을 체결했다."]
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            extra = " ".join(rnd.choice(tmpl).format(a=rnd.choice(names), b=rnd.choice(names), d=rnd.randint(1, 28))
                             for _ in range(3))
            text = texts[(i + seed) % len(texts)] + "\n" + extra + f"\nArticle {seed}-{i}{variant}."
            f.write(json.dumps({"id": f"doc{seed}_{i:05d}", "title": f"t{i}", "published": "2025-03-01",
                                "text": text}, ensure_ascii=False) + "\n")


def dump(db, out):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    q = {
        "documents": "select doc_id, title, published, url, source, origin, date, content_hash, char_count from documents",
        "entities": "select e.name, e.kind, p.name, e.candidate from entities e left join entities p on p.id = e.parent_id",
        "aliases": "select e.name, a.alias, a.alias_key from aliases a join entities e on e.id = a.entity_id",
        "relations": "select r.type, s.name, t.name, r.status, r.first_seen, r.last_seen, round(r.confidence, 9), "
                     "r.evidence_count from relations r join entities s on s.id = r.source_id "
                     "join entities t on t.id = r.target_id",
        "evidence": "select e.mention_key, d.doc_id, r.type, s.name, t.name, e.sentence, e.begin_char, e.end_char, "
                    "e.status, e.date, round(e.confidence, 9), e.cue from evidence e "
                    "join documents d on d.id = e.document_id join relations r on r.id = e.relation_id "
                    "join entities s on s.id = r.source_id join entities t on t.id = r.target_id",
    }
    with open(out, "w", encoding="utf-8") as f:
        for table, sql in q.items():
            rows = sorted(repr(r) for r in con.execute(sql))
            f.write(f"## {table} {len(rows)}\n")
            f.writelines(r + "\n" for r in rows)


def check(db, mention_files):
    expected = {}
    for p in mention_files:
        for line in open(p, encoding="utf-8"):
            d = json.loads(line)
            expected[d["content_hash"]] = len({m["id"] for m in d["mentions"]})
    if not os.path.exists(db):  # killed before it created the file (a slow start, e.g. under ASan)
        print("0 (no file yet)")
        return
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    problems = []
    ic = [r[0] for r in con.execute("pragma integrity_check")]
    if ic != ["ok"]:
        problems.append(f"integrity_check: {ic[:5]}")
    fk = list(con.execute("pragma foreign_key_check"))
    if fk:
        problems.append(f"foreign_key_check: {fk[:5]}")
    objects = con.execute("select count(*) from sqlite_schema").fetchone()[0]
    if objects == 0 and not problems:  # killed before the schema was committed: an empty file
        print("0 (empty file)")
        return
    docs = 0
    for doc_id, h, n in con.execute("select d.doc_id, d.content_hash, (select count(*) from evidence e "
                                    "where e.document_id = d.id) from documents d"):
        docs += 1
        if h not in expected:
            problems.append(f"{doc_id}: unknown content hash")
        elif expected[h] != n:
            problems.append(f"{doc_id}: half-ingested, {n} of {expected[h]} evidence rows")
    bad = list(con.execute("select r.id, r.evidence_count, count(e.id) from relations r left join evidence e "
                           "on e.relation_id = r.id group by r.id having r.evidence_count != count(e.id) "
                           "or count(e.id) = 0"))
    if bad:
        problems.append(f"relation summaries out of step with evidence: {bad[:5]}")
    if problems:
        print("\n".join(problems[:20]), file=sys.stderr)
        sys.exit(1)
    print(docs)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "corpus":
        corpus(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1,
               sys.argv[5] if len(sys.argv) > 5 else "")
    elif cmd == "dump":
        dump(sys.argv[2], sys.argv[3])
    elif cmd == "check":
        check(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(f"unknown command {cmd}")
