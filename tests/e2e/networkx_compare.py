"""Compares aikg's graph analytics with NetworkX on the same graphs.

Each graph is generated here, written as `aikg extract`-style mentions (one
relation mention per edge), loaded with `aikg ingest --mentions`, and queried
with the real binary and --json. The same graph in NetworkX gives the
reference: components, maximal cliques, triangles, degree, betweenness,
closeness, PageRank and eigenvector centrality, shortest paths, and the
modularity of aikg's communities. Graphs range from Zachary's karate club to
Holme-Kim graphs of several hundred organisations, a forest of small
components, parallel relations, and subgraphs chosen with the selection flags.

Usage: networkx_compare.py AIKG WORKDIR
"""
import json
import random
import subprocess
import sys

import networkx as nx

TOLERANCE = 1e-9       # exact algorithms: only rounding differs
PAGERANK_TOLERANCE = 1e-7
EIGENVECTOR_TOLERANCE = 1e-6


def org(i):
    return f"Org {i:04d}"


def mention_line(doc_id, mentions):
    """One document of `aikg extract` output carrying `mentions`."""
    return json.dumps({"id": doc_id, "title": "", "published": "", "url": "", "source": "synthetic",
                       "origin": "networkx_compare", "content_hash": f"hash-{doc_id}", "date": "",
                       "mentions": mentions}, ensure_ascii=False)


def write_mentions(path, relations, per_doc=500):
    """relations: (a, b, type, status, date) tuples, one mention each.

    Undirected types name the smaller organisation first, as the extractor does.
    """
    with open(path, "w", encoding="utf-8") as out:
        for start in range(0, len(relations), per_doc):
            mentions = []
            for i, (a, b, rtype, status, date) in enumerate(relations[start:start + per_doc], start):
                a, b = sorted((a, b))
                mentions.append({"id": f"m{i}", "type": rtype, "source": {"name": a, "kind": "company"},
                                 "target": {"name": b, "kind": "company"}, "status": status, "confidence": 0.9,
                                 "sentence": f"{a} and {b} agreed to cooperate.", "begin": 0, "end": 40,
                                 "date": date, "cue": "cooperate"})
            out.write(mention_line(f"doc{start}", mentions) + "\n")


def ingest(aikg, db, mentions_path):
    subprocess.run([aikg, "ingest", "--db", db, "--mentions", mentions_path, "--batch", "50"], check=True,
                   stdout=subprocess.DEVNULL)


def query(aikg, db, *args, expect_ok=True):
    p = subprocess.run([aikg, *args, "--db", db, "--json"], capture_output=True, text=True)
    if expect_ok and p.returncode != 0:
        raise AssertionError(f"aikg {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)


def reference_pagerank(g):
    """NetworkX's PageRank; its pure-Python variant where SciPy is missing
    (Debian's python3-networkx only recommends SciPy)."""
    try:
        return nx.pagerank(g, tol=1e-13, max_iter=10000)
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(g, tol=1e-13, max_iter=10000)


def named(g):
    """The graph with organisation names and no edge data (the karate club
    carries weights, which PageRank would use)."""
    return nx.Graph((org(a), org(b)) for a, b in g.edges)


def close(a, b, tol):
    return abs(a - b) <= tol * max(1.0, abs(b))


class Checker:
    def __init__(self, aikg, db, label):
        self.aikg, self.db, self.label = aikg, db, label

    def q(self, *args):
        return query(self.aikg, self.db, *args)

    def fail(self, what, detail):
        raise AssertionError(f"{self.label}: {what}: {detail}")

    def components(self, g, *sel):
        got = {frozenset(m["name"] for m in c["members"]) for c in self.q("components", *sel)}
        want = {frozenset(c) for c in nx.connected_components(g)}
        if got != want:
            self.fail("components", f"{len(got)} vs {len(want)}")

    def cliques(self, g, *sel):
        out = self.q("alliances", "--min-size", "1", *sel)
        got = {frozenset(m["name"] for m in c["members"]) for c in out["cliques"]}
        want = {frozenset(c) for c in nx.find_cliques(g)}
        if got != want or out["clique_count"] != len(want):
            self.fail("maximal cliques", f"{len(got)} vs {len(want)}; e.g. {sorted(map(sorted, got ^ want))[:3]}")
        triangles = sum(nx.triangles(g).values()) // 3
        if out["triangle_count"] != triangles:
            self.fail("triangles", f"{out['triangle_count']} vs {triangles}")

    def ranking(self, measure, want, tol, *sel):
        got = {r["name"]: r["score"] for r in self.q("rank", "--by", measure, "--top", "0", "--samples", "exact", *sel)}
        if set(got) != set(want):
            self.fail(measure, "different organisations")
        worst = max(want, key=lambda v: abs(got[v] - want[v]))
        if not close(got[worst], want[worst], tol):
            self.fail(measure, f"{worst}: aikg {got[worst]!r}, networkx {want[worst]!r}")

    def centralities(self, g, *sel):
        self.ranking("degree", nx.degree_centrality(g), TOLERANCE, *sel)
        self.ranking("betweenness", nx.betweenness_centrality(g), TOLERANCE, *sel)
        self.ranking("closeness", nx.closeness_centrality(g), TOLERANCE, *sel)
        self.ranking("pagerank", reference_pagerank(g), PAGERANK_TOLERANCE, *sel)
        if nx.is_connected(g):  # elsewhere the leading eigenvector is not unique
            self.ranking("eigenvector", nx.eigenvector_centrality(g, max_iter=10000, tol=1e-13),
                         EIGENVECTOR_TOLERANCE, *sel)

    def communities(self, g, *sel):
        out = self.q("communities", *sel)
        parts = [set(m["name"] for m in c["members"]) for c in out["communities"]]
        if sorted(v for p in parts for v in p) != sorted(g.nodes):
            self.fail("communities", "not a partition of the organisations")
        q = nx.community.modularity(g, parts)
        if not close(out["modularity"], q, TOLERANCE):
            self.fail("modularity", f"aikg reports {out['modularity']}, networkx computes {q}")
        reference = nx.community.modularity(g, nx.community.louvain_communities(g, seed=1))
        if out["modularity"] < reference - 0.03:
            self.fail("louvain quality", f"modularity {out['modularity']:.4f}, networkx louvain {reference:.4f}")

    def paths(self, g, pairs, *sel):
        for a, b in pairs:
            out = self.q("path", a, b, "--k", "4", *sel)
            want = [len(p) - 1 for _, p in zip(range(4), nx.shortest_simple_paths(g, a, b))]
            if [len(p["hops"]) for p in out] != want:
                self.fail("k shortest paths", f"{a} -> {b}: {[len(p['hops']) for p in out]} vs {want}")
            hops = [[h["from"]["name"] for h in p["hops"]] + [b] for p in self.q("path", a, b, "--all", *sel)]
            want_all = sorted(nx.all_shortest_paths(g, a, b))
            if len(want_all) <= 100 and sorted(hops) != want_all:
                self.fail("all shortest paths", f"{a} -> {b}: {len(hops)} vs {len(want_all)}")

    def everything(self, g, pairs=(), *sel):
        self.components(g, *sel)
        self.cliques(g, *sel)
        self.centralities(g, *sel)
        self.communities(g, *sel)
        self.paths(g, pairs, *sel)


def random_pairs(g, count, seed):
    rng = random.Random(seed)
    nodes = sorted(g.nodes)
    component = {v: i for i, c in enumerate(nx.connected_components(g)) for v in c}
    pairs = []
    while len(pairs) < count:
        a, b = rng.sample(nodes, 2)
        if component[a] == component[b]:
            pairs.append((a, b))
    return pairs


def plain(g, rtype="partnership"):
    return [(a, b, rtype, "done", "2025-01-01") for a, b in g.edges]


def check_graph(aikg, workdir, label, g, relations=None, pairs=3):
    db, path = f"{workdir}/{label}.db", f"{workdir}/{label}.jsonl"
    write_mentions(path, relations or plain(g))
    ingest(aikg, db, path)
    Checker(aikg, db, label).everything(g, random_pairs(g, pairs, 7) if pairs else ())
    print(f"ok {label}: {g.number_of_nodes()} organisations, {g.number_of_edges()} links")


def check_selection(aikg, workdir):
    """Statuses and dates on the edges; the flags must select NetworkX's edge subgraph."""
    rng = random.Random(11)
    g = named(nx.powerlaw_cluster_graph(400, 3, 0.3, seed=5))
    relations = []
    for a, b in g.edges:
        status = rng.choices(["done", "planned", "talks", "speculated"], [5, 2, 2, 1])[0]
        date = f"{rng.choice([2023, 2024, 2025])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        g.edges[a, b].update(status=status, date=date)
        relations.append((a, b, "partnership", status, date))
    db, path = f"{workdir}/selection.db", f"{workdir}/selection.jsonl"
    write_mentions(path, relations)
    ingest(aikg, db, path)
    cases = [
        (("--status", "done"), lambda d: d["status"] == "done"),
        (("--min-status", "planned"), lambda d: d["status"] in ("done", "planned")),
        (("--since", "2024-06-01", "--until", "2025-03-31"), lambda d: "2024-06-01" <= d["date"] <= "2025-03-31"),
    ]
    for flags, keep in cases:
        sub = g.edge_subgraph([(a, b) for a, b, d in g.edges(data=True) if keep(d)]).copy()
        c = Checker(aikg, db, f"selection {' '.join(flags)}")
        c.components(sub, *flags)
        c.cliques(sub, *flags)
        c.ranking("betweenness", nx.betweenness_centrality(sub), TOLERANCE, *flags)
        c.ranking("pagerank", reference_pagerank(sub), PAGERANK_TOLERANCE, *flags)
        c.paths(sub, random_pairs(sub, 2, 3), *flags)
        print(f"ok selection {' '.join(flags)}: {sub.number_of_nodes()} organisations, {sub.number_of_edges()} links")


def main():
    aikg, workdir = sys.argv[1], sys.argv[2]
    check_graph(aikg, workdir, "karate", named(nx.karate_club_graph()))
    check_graph(aikg, workdir, "holme_kim_300", named(nx.powerlaw_cluster_graph(300, 3, 0.3, seed=1)))
    check_graph(aikg, workdir, "holme_kim_800", named(nx.powerlaw_cluster_graph(800, 4, 0.4, seed=2)), pairs=2)
    # Disconnected: a giant component and dozens of small ones.
    sparse = named(nx.gnp_random_graph(600, 0.0025, seed=3))
    assert nx.number_connected_components(sparse) > 20
    check_graph(aikg, workdir, "sparse_random", sparse)
    # Parallel relations (an MOU and a contract for the same pair) are one link.
    multi = named(nx.powerlaw_cluster_graph(250, 3, 0.5, seed=4))
    doubled = plain(multi) + [(a, b, "contract", "done", "2025-02-01") for i, (a, b) in enumerate(multi.edges) if i % 3 == 0]
    check_graph(aikg, workdir, "parallel_relations", multi, doubled)
    check_selection(aikg, workdir)


if __name__ == "__main__":
    main()
