"""Opens aikg exports with the clients analysts use and checks what they see.

Usage: export_check.py CHECK REFERENCE FORMAT=FILE...
  counts RELATIONS_JSON      node and edge counts equal `aikg relations --json`
  names ENTITIES_JSON        every entity's name comes out intact
  neighbors NEIGHBORS_JSON   a --focus export holds the focus and its `aikg neighbors`
FORMAT: svg (rendered DOT), graphml, gexf, json (node-link), cytoscape, csv, csv-excel,
csv-neo4j (FILE is then the directory). One process checks many files: importing
NetworkX takes a second or more.
Exits non-zero with a message on the first mismatch.
"""
import csv
import inspect
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
GEXF = "{http://gexf.net/1.3}"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def fail(msg):
    sys.exit(f"export_check: {msg}")


def node_link_graph(data):
    """NetworkX >= 3.4 takes edges=, older versions link= (3.6 dropped link=)."""
    import networkx as nx
    params = inspect.signature(nx.node_link_graph).parameters
    if "edges" in params:
        return nx.node_link_graph(data, edges="edges")
    return nx.node_link_graph(data, link="edges")


def svg_graph(path):
    """Nodes {id: label lines joined by \\n} and the edge count of a Graphviz SVG."""
    root = ET.parse(path).getroot()
    nodes, edges = {}, 0
    for g in root.iter(SVG + "g"):
        cls = g.get("class", "").split()
        if "node" in cls:
            nodes[g.findtext(SVG + "title")] = "\n".join(t.text or "" for t in g.iter(SVG + "text"))
        elif "edge" in cls:
            edges += 1
    return nodes, edges


def gexf_graph(path):
    root = ET.parse(path).getroot()
    if root.tag != GEXF + "gexf" or root.get("version") != "1.3":
        fail(f"{path}: not GEXF 1.3 ({root.tag} version {root.get('version')})")
    graph = root.find(GEXF + "graph")
    if graph.get("mode") != "dynamic" or graph.get("timeformat") != "date":
        fail(f"{path}: graph is not dynamic with dates")
    date = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    nodes = {}
    for n in graph.iter(GEXF + "node"):
        nodes[n.get("id")] = n.get("label")
    edges = list(graph.iter(GEXF + "edge"))
    for el in list(graph.iter(GEXF + "node")) + edges + list(graph.iter(GEXF + "attvalue")):
        start, end = el.get("start"), el.get("end")
        for d in (start, end):
            if d is not None and not date.match(d):
                fail(f"{path}: bad date {d!r}")
        if start and end and end < start:
            fail(f"{path}: interval ends before it starts: {start}..{end}")
    for e in edges:
        if e.get("source") not in nodes or e.get("target") not in nodes:
            fail(f"{path}: edge {e.get('id')} points at a missing node")
    return nodes, len(edges)


def read_csv(path, excel):
    raw = open(path, "rb").read()
    if excel != raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{path}: UTF-8 BOM {'missing' if excel else 'unexpected'}")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def csv_graph(directory, flavour):
    nodes = read_csv(os.path.join(directory, "nodes.csv"), flavour == "csv-excel")
    edges = read_csv(os.path.join(directory, "edges.csv"), flavour == "csv-excel")
    if flavour == "csv-neo4j":
        for col in ("id:ID(Entity)", ":LABEL"):
            if col not in nodes[0]:
                fail(f"neo4j nodes.csv lacks {col}")
        for col in (":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "evidenceCount:int"):
            if col not in edges[0]:
                fail(f"neo4j edges.csv lacks {col}")
        return {n["id:ID(Entity)"]: n["name"] for n in nodes}, len(edges)
    if flavour == "csv-excel":
        for e in edges:  # numbers are never guarded: "-1" must stay a number
            float(e["confidence"]), int(e["evidence_count"])
    return {n["id"]: n["name"] for n in nodes}, len(edges)


def networkx_graph(fmt, path):
    import networkx as nx
    if fmt == "graphml":
        g = nx.read_graphml(path)  # a MultiGraph when the file has parallel edges
        names = {n: d.get("label") for n, d in g.nodes(data=True)}
    else:
        data = json.load(open(path, encoding="utf-8"))
        g = node_link_graph(data) if fmt == "json" else nx.cytoscape_graph(data)
        names = {n: d.get("name") for n, d in g.nodes(data=True)}
    if fmt != "graphml" and not g.is_multigraph():
        fail(f"{path}: NetworkX did not read a multigraph")
    return names, g.number_of_edges()


def igraph_counts(path):
    """igraph's GraphML reader, when python-igraph is installed."""
    try:
        import igraph
    except ImportError:
        return None
    g = igraph.Graph.Read_GraphML(path)
    return g.vcount(), g.ecount()


def load(fmt, path):
    if fmt == "svg":
        return svg_graph(path)
    if fmt == "gexf":
        return gexf_graph(path)
    if fmt.startswith("csv"):
        return csv_graph(path, fmt)
    return networkx_graph(fmt, path)


def expected_name(fmt, name):
    """What each client shows for a name: DOT labels turn TAB into a space and
    CR/LF into line breaks; Excel CSV cells get the formula guard."""
    if fmt == "svg":
        return name.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if fmt == "csv-excel" and name.startswith(FORMULA_START):
        return "'" + name
    return name


def check_counts(fmt, path, relations_json):
    rels = json.load(open(relations_json, encoding="utf-8"))
    ends = {r["source"]["id"] for r in rels} | {r["target"]["id"] for r in rels}
    nodes, edges = load(fmt, path)
    if (len(nodes), edges) != (len(ends), len(rels)):
        fail(f"{fmt}: {len(nodes)} nodes, {edges} edges; aikg relations has {len(ends)}, {len(rels)}")
    if fmt == "graphml":
        ig = igraph_counts(path)
        if ig is not None and ig != (len(ends), len(rels)):
            fail(f"igraph read {ig} from {path}")
        if ig is not None:
            print(f"graphml: igraph read {ig[0]} nodes, {ig[1]} edges")
    print(f"{fmt}: {len(nodes)} nodes, {edges} edges")


def check_names(fmt, path, entities_json):
    entities = json.load(open(entities_json, encoding="utf-8"))
    nodes, _ = load(fmt, path)
    for e in entities:
        want = expected_name(fmt, e["name"])
        got = nodes.get(f"n{e['id']}")
        if got != want:
            fail(f"{fmt}: n{e['id']} is {got!r}, expected {want!r}")
    print(f"{fmt}: {len(entities)} names intact")


def check_neighbors(fmt, path, neighbors_json):
    want = {n["name"] for n in json.load(open(neighbors_json, encoding="utf-8"))}
    nodes, _ = load(fmt, path)
    got = set(nodes.values())
    if not want <= got or len(got) != len(want) + 1:
        fail(f"{fmt}: focus export has {sorted(got)}, neighbours are {sorted(want)}")
    print(f"{fmt}: focus and {len(want)} neighbours")


def main():
    if len(sys.argv) < 4 or any("=" not in a for a in sys.argv[3:]):
        fail(__doc__)
    check = {"counts": check_counts, "names": check_names, "neighbors": check_neighbors}[sys.argv[1]]
    for arg in sys.argv[3:]:
        fmt, path = arg.split("=", 1)
        check(fmt, path, sys.argv[2])


if __name__ == "__main__":
    main()
