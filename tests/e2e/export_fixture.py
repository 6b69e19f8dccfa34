"""Writes the export fixture: mentions of a small invented graph that has
what every writer formats differently: business groups (gazetteer parents),
names with quotes, markup, commas and a spreadsheet formula, several evidence
rows per relation on different dates and statuses, partial and missing
dates, web and non-web URLs, directed and undirected types, parallel
relations between one pair. Usage: export_fixture.py OUT.jsonl"""
import json
import random
import sys

ORGS = ["11st", "SK Square", "SK Telecom", "Kakao", "AXZ", 'Quill "Q" & <Co>', "Comma, Inc", "=Formula Corp",
        "Lumen Bay", "Nordkap Data", "Orchid Robotics", "Pinecrest AI", "Quartz Labs", "Riverbend Cloud"]
TYPES = ["partnership", "mou", "investment", "contract", "supply", "joint_venture", "competition", "loi"]
STATUSES = ["done", "planned", "talks", "speculated", "ended"]
DATES = ["", "2024", "2024-05", "2024-05-17", "2025-01-02", "2025-01-02", "2025-03-30", "2023-11-08"]
URLS = ["https://news.example/a?x=1&y=\"2\"", "", "javascript:alert(1)", "https://news.example/b", "file:///etc/passwd"]

rng = random.Random(1919)
pairs = [tuple(rng.sample(ORGS, 2)) for _ in range(26)]
pairs += [(ORGS[0], ORGS[1]), (ORGS[3], ORGS[4])]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for d in range(12):
        mentions = []
        for k, (a, b) in enumerate(pairs):
            if (k + d) % 3:
                continue
            rtype = TYPES[(k + d // 4) % len(TYPES)]
            if rtype not in ("investment", "supply", "contract"):
                a, b = sorted((a, b))
            mentions.append({"id": f"m{d}-{k}", "type": rtype, "source": {"name": a, "kind": "company"},
                             "target": {"name": b, "kind": "company"}, "status": STATUSES[(k * 7 + d) % 5],
                             "confidence": round(0.5 + 0.05 * ((k + d) % 10), 2),
                             "sentence": f"{a} and {b} talked about <working> together, \"soon\" (note {d}-{k}).",
                             "begin": k, "end": k + 40, "date": DATES[(k + d) % len(DATES)], "cue": "together"})
        out.write(json.dumps({"id": f"doc{d}", "title": f"Fixture {d}", "published": "", "url": URLS[d % len(URLS)],
                              "source": "fixture", "origin": "export_fixture", "content_hash": f"fixture-{d}",
                              "date": "", "mentions": mentions}, ensure_ascii=False) + "\n")
