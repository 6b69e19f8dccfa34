// aikg neighbors, aikg path.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>
#include <unordered_map>

#include "aikg/graph.hpp"
#include "aikg/selection.hpp"
#include "cli.hpp"

namespace aikg::cli {

using nlohmann::ordered_json;

namespace {

struct NeighborOptions {
  DbOption db;
  SelectionOptions selection;
  std::string name;
  std::size_t depth = 1;
  FormatOption output;
  bool evidence = false;
};

// One relation type between a neighbour and the organisation it was reached
// from, with the parallel relations of that type merged (both directions, or
// several stored relations rolled up into one group).
struct MergedRelation {
  RelationType type{};
  Status status = Status::ended;     // the most definite
  bool forward = false, backward = false;  // from -> neighbour, neighbour -> from (directed types)
  std::int64_t evidence_count = 0;
  std::string last_seen;
  std::string via;                    // the organisation it was reached from
  std::int64_t via_id = 0;
  std::optional<Edge> strongest;      // of those merged: its sentence is shown
  std::string arrow() const {
    if (!is_directed(type)) return "";
    return forward && backward ? " \u2194" : forward ? " \u2192" : " \u2190";
  }
  std::string direction() const {
    if (!is_directed(type)) return "none";
    return forward && backward ? "both" : forward ? "forward" : "backward";
  }
};

// Stronger first: more evidence, a more definite status, seen more recently.
template <typename T>
bool stronger(const T& a, const T& b) {
  if (a.evidence_count != b.evidence_count) return a.evidence_count > b.evidence_count;
  if (a.status != b.status) return rank(a.status) < rank(b.status);
  return a.last_seen > b.last_seen;
}

struct NeighborRow {
  Vertex vertex{};
  std::size_t depth = 0;
  std::vector<MergedRelation> relations;  // strongest first
  std::int64_t evidence_count = 0;
  Status status = Status::ended;
  std::string last_seen;
};

NeighborRow merge_relations(const Graph& g, const Neighbor& n) {
  NeighborRow row;
  row.vertex = n.vertex, row.depth = n.depth;
  for (const auto& e : n.edges) {
    const auto& p = g[e];
    const auto from = boost::source(e, g) == n.vertex ? boost::target(e, g) : boost::source(e, g);
    const auto& via = g[from].name;
    auto it = std::find_if(row.relations.begin(), row.relations.end(),
                           [&](const MergedRelation& m) { return m.type == p.type && m.via == via; });
    if (it == row.relations.end()) {
      MergedRelation fresh;
      fresh.type = p.type, fresh.status = p.status, fresh.via = via, fresh.via_id = g[from].entity_id;
      it = row.relations.insert(row.relations.end(), std::move(fresh));
    }
    auto& m = *it;
    const bool is_forward = p.source_id == g[from].entity_id;
    (is_forward ? m.forward : m.backward) = true;
    if (!m.strongest || stronger(p, g[*m.strongest])) m.strongest = e;
    if (rank(p.status) < rank(m.status)) m.status = p.status;
    m.evidence_count += p.evidence_count;
    m.last_seen = std::max(m.last_seen, p.last_seen);
  }
  std::sort(row.relations.begin(), row.relations.end(), [](const auto& a, const auto& b) { return stronger(a, b); });
  for (const auto& m : row.relations) {
    row.evidence_count += m.evidence_count;
    if (rank(m.status) < rank(row.status)) row.status = m.status;
    row.last_seen = std::max(row.last_seen, m.last_seen);
  }
  return row;
}

int run_neighbors(const NeighborOptions& o) {
  const auto store = o.db.open(true);
  const auto selection = o.selection.resolve();
  auto id = resolve_or_explain(store, o.name);
  if (selection.group) id = group_of(id, store.entities());
  std::unordered_map<std::int64_t, std::vector<EvidenceRow>> evidence;
  AllianceGraph ag;
  if (o.evidence) {
    // The relations with their sentences (a roll-up merges them, so they cannot be read by id later).
    auto rows = select_relations(store, selection, true);
    ag = build_graph(rows, store.entities());
    for (auto& r : rows) evidence.emplace(r.id, std::move(r.evidence));
  } else {
    ag = select_local_graph(store, selection, id, o.depth);  // not the whole graph
  }
  const auto start = ag.find(id);
  const auto& g = ag.graph;
  std::vector<NeighborRow> found;
  for (const auto& n : start ? neighbors(ag, *start, o.depth) : std::vector<Neighbor>{})
    found.push_back(merge_relations(g, n));
  std::stable_sort(found.begin(), found.end(), [&](const NeighborRow& a, const NeighborRow& b) {
    if (a.depth != b.depth) return a.depth < b.depth;
    if (stronger(a, b) != stronger(b, a)) return stronger(a, b);
    return g[a.vertex].name < g[b.vertex].name;
  });
  auto best_sentence = [&](const MergedRelation& m) -> const EvidenceRow* {
    const auto it = evidence.find(g[*m.strongest].relation_id);
    return it == evidence.end() ? nullptr : hop_evidence(m.status, it->second);
  };
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> table;
  for (const auto& n : found) {
    ordered_json rels = ordered_json::array();
    std::vector<std::string> text;
    for (const auto& m : n.relations) {
      ordered_json r = {{"type", name(m.type)}, {"direction", m.direction()}, {"status", name(m.status)},
                        {"evidence_count", m.evidence_count},
                        {"last_seen", m.last_seen.empty() ? ordered_json() : ordered_json(m.last_seen)},
                        {"via", entity_json(m.via_id, m.via)}};
      if (o.evidence) r["evidence"] = evidence_json(best_sentence(m));
      rels.push_back(std::move(r));
      text.push_back(fmt::format("{}{} ({}{})", name(m.type), m.arrow(), name(m.status),
                                 m.evidence_count > 1 ? fmt::format(", {}x", m.evidence_count) : "") +
                     (n.depth > 1 ? " via " + m.via : ""));
    }
    const auto& node = g[n.vertex];
    out.push_back({{"id", node.entity_id}, {"name", node.name}, {"depth", n.depth}, {"evidence_count", n.evidence_count},
                   {"relations", rels}});
    table.push_back({node.name, std::to_string(n.depth), n.last_seen, joined(text, ", ")});
    if (!o.evidence) continue;
    for (const auto& m : n.relations)
      if (const auto* e = best_sentence(m))
        table.push_back({"", "", e->date, fmt::format("  {}: \u201C{}\u201D ({})", name(m.type), clip(e->sentence, 100), e->doc)});
  }
  o.output.print(out, {"neighbor", "depth", "last seen", "relations"}, table);
  return found_or_say(!found.empty(), fmt::format("'{}' has no neighbours in the selection", o.name));
}

void setup_neighbors(CLI::App& cmd, NeighborOptions& o) {
  o.db.add(&cmd);
  o.selection.add(&cmd);
  cmd.add_option("name", o.name, "Organisation (any alias, Korean or English)")->required();
  cmd.add_option("--depth", o.depth, "Hops from the organisation")->capture_default_str()->check(CLI::Range(1, 10));
  cmd.add_flag("--evidence", o.evidence, "Show the best sentence of each relation (its status, then the latest)");
  o.output.add(&cmd,
               "JSON array of {id, name, depth, evidence_count, relations: [{type, direction (forward|backward|both|"
               "none), status, evidence_count, last_seen, via: {id, name}, evidence (with --evidence): {doc, sentence, "
               "date, url}}]} (docs/json.md)");
  cmd.footer("One row per neighbour, its relations of one type merged (both directions, the most definite status,\n"
             "evidence counted together); strongest first: more evidence, then a more definite status, then more\n"
             "recent. Directed types show \u2192 when the organisation (or the one it was reached via) is the source:\n"
             "invests in the neighbour, supplies it, is its subsidiary (subsidiary_of); \u2190 the reverse.\n"
             "Exit status: 0 success, 1 no neighbours in the selection, 2 error (an unknown name gets suggestions).\n"
             "Example: aikg neighbors --db aikg.db 오픈AI --depth 2 --min-status planned --evidence");
}

struct PathOptions {
  DbOption db;
  SelectionOptions selection;
  std::string from, to;
  bool all = false, weighted = false;
  FormatOption output;
  std::size_t k = 1;
};

std::vector<Path> find_paths(const PathOptions& o, PathFinder& finder, Vertex a, Vertex b) {
  if (o.all) return finder.all_shortest(a, b, std::max<std::size_t>(o.k, 100));
  if (o.k > 1) return finder.k_shortest(a, b, o.k);
  auto p = finder.shortest(a, b);
  return p ? std::vector<Path>{std::move(*p)} : std::vector<Path>{};
}

// Prints paths as text, or collects them as JSON (and CSV/TSV rows, one a hop).
class PathPrinter {
 public:
  PathPrinter(const AllianceGraph& ag, HopEvidence evidence, const FormatOption& output)
      : ag_(ag), output_(output), evidence_(std::move(evidence)) {}
  void add(const Path& path, std::size_t index, std::size_t count, bool weighted);
  void finish() const {
    if (!output_.table())
      output_.print(out_, {"path", "hop", "from", "to", "direction", "type", "status", "date", "evidence", "sentence", "doc"},
                    rows_);
  }

 private:
  ordered_json hop(Vertex here, Vertex next, const Edge& e) const;

  const AllianceGraph& ag_;
  const FormatOption& output_;
  HopEvidence evidence_;
  ordered_json out_ = ordered_json::array();
  std::vector<std::vector<std::string>> rows_;
};

ordered_json PathPrinter::hop(Vertex here, Vertex next, const Edge& e) const {
  const auto& g = ag_.graph;
  const auto& p = g[e];
  const auto it = evidence_.find(p.relation_id);
  const auto* ev = it == evidence_.end() ? nullptr : hop_evidence(p.status, it->second);
  // Paths ignore direction, but "A invested in B" must not read as the reverse.
  const std::string direction = !is_directed(p.type) ? "none" : g[here].entity_id == p.source_id ? "forward" : "backward";
  return {{"from", entity_json(g[here].entity_id, g[here].name)},
          {"to", entity_json(g[next].entity_id, g[next].name)},
          {"direction", direction},
          {"type", name(p.type)},
          {"status", name(p.status)},
          {"date", text_or_null(p.last_seen)},
          {"evidence_count", p.evidence_count},
          {"evidence", evidence_json(ev)}};
}

void PathPrinter::add(const Path& path, std::size_t index, std::size_t count, bool weighted) {
  ordered_json hops = ordered_json::array();
  for (std::size_t i = 0; i < path.hops.size(); ++i) hops.push_back(hop(path.vertices[i], path.vertices[i + 1], path.hops[i]));
  if (!output_.table()) {
    const auto text = [](const ordered_json& j) { return j.is_null() ? std::string() : j.get<std::string>(); };
    for (std::size_t i = 0; i < hops.size(); ++i) {
      const auto& h = hops[i];
      const auto& ev = h["evidence"];
      rows_.push_back({std::to_string(index + 1), std::to_string(i + 1), h["from"]["name"].get<std::string>(),
                       h["to"]["name"].get<std::string>(), h["direction"].get<std::string>(), h["type"].get<std::string>(),
                       h["status"].get<std::string>(), text(h["date"]), std::to_string(h["evidence_count"].get<std::int64_t>()),
                       ev.is_null() ? "" : ev["sentence"].get<std::string>(), ev.is_null() ? "" : text(ev["doc"])});
    }
    // Hops are counted in whole numbers; only a weighted length is a real number.
    out_.push_back({{"length", weighted ? ordered_json(path.length) : ordered_json(path.hops.size())}, {"hops", hops}});
    return;
  }
  if (count > 1)
    fmt::print("{}path {} of {}: {} hops{}\n", index ? "\n" : "", index + 1, count, path.hops.size(),
               weighted ? fmt::format(", length {:.3f}", path.length) : "");
  for (const auto& h : hops) {
    const auto date = h["date"].is_null() ? std::string() : h["date"].get<std::string>();
    const auto direction = h["direction"].get<std::string>();
    fmt::print("{} {}--[{}, {}{}]--{} {}\n", h["from"]["name"].get<std::string>(), direction == "backward" ? "<" : "",
               h["type"].get<std::string>(), h["status"].get<std::string>(), date.empty() ? "" : ", " + date,
               direction == "forward" ? ">" : "", h["to"]["name"].get<std::string>());
    if (!h["evidence"].is_null())
      fmt::print("    \"{}\" ({})\n", h["evidence"]["sentence"].get<std::string>(),
                 h["evidence"]["doc"].is_null() ? "curated" : h["evidence"]["doc"].get<std::string>());
  }
}

int run_path(const PathOptions& o) {
  const auto store = o.db.open(true);
  const auto selection = o.selection.resolve();
  auto a = resolve_or_explain(store, o.from), b = resolve_or_explain(store, o.to);
  std::vector<RelationRow> rows;  // a roll-up's, with their evidence (evidence_of_hops)
  AllianceGraph ag;  // filled in place: the paths' edge descriptors point into it
  std::vector<Path> paths;
  auto query = [&](PathFinder& finder, Vertex from, Vertex to) { return find_paths(o, finder, from, to); };
  if (selection.group) {
    const auto entities = store.entities();
    a = group_of(a, entities), b = group_of(b, entities);
    rows = select_relations(store, selection, true);
    ag = build_graph(rows, entities);
    const auto va = ag.find(a), vb = ag.find(b);
    const auto csr = make_csr(ag, true);
    PathFinder finder(csr, o.weighted);
    if (va && vb) paths = query(finder, *va, *vb);
  } else {
    paths = select_paths(store, selection, a, b, o.weighted, query, ag);  // from the graph snapshot when it can
  }
  PathPrinter printer(ag, evidence_of_hops(store, selection, rows, ag, paths), o.output);
  for (std::size_t i = 0; i < paths.size(); ++i) printer.add(paths[i], i, paths.size(), o.weighted);
  printer.finish();
  if (paths.empty()) fmt::print(stderr, "aikg: no path between '{}' and '{}'\n", o.from, o.to);
  return paths.empty() ? kPartial : kOk;
}

void setup_path(CLI::App& cmd, PathOptions& o) {
  o.db.add(&cmd);
  o.selection.add(&cmd);
  cmd.add_option("from", o.from, "First organisation (any alias, Korean or English)")->required();
  cmd.add_option("to", o.to, "Second organisation")->required();
  cmd.add_flag("--all", o.all, "Every shortest path (at most max(--k, 100))");
  cmd.add_option("--k", o.k, "The k shortest loopless paths (Yen's algorithm)")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd.add_flag("--weighted", o.weighted,
               "Signed, well-evidenced, confident deals are shorter: a hop costs status factor (done 1, planned "
               "1.5, talks 2.5, speculated 4, ended 8) x (2 - confidence) / (1 + log2(evidence sentences))");
  o.output.add(&cmd, "JSON array of paths {length, hops: [{from: {id, name}, to: {id, name}, direction "
                                   "(forward|backward|none), type, status, date, evidence_count, evidence: {doc, "
                                   "sentence, date, url}}]} (docs/json.md)");
  cmd.footer("Without --weighted, paths count hops and each hop takes the most definite, best-evidenced of the\n"
             "relations between the two. Shortest path: bidirectional BFS (O(V + E)), Dijkstra when weighted.\n"
             "Exit status: 0 a path was found, 1 the two are not connected, 2 error.\n"
             "Example: aikg path --db aikg.db \"SK Telecom\" SoftBank --k 3 --weighted");
}

}  // namespace

std::vector<CommandSpec> graph_commands() {
  return {command("neighbors",
                  "The ego network of an organisation: who it is linked to within N hops, through which relations "
                  "(breadth-first search over the relations of the organisations it reaches, read through the "
                  "database's indexes: never the whole graph, except with --group).",
                  setup_neighbors, run_neighbors),
          command("path",
                  "How two organisations are connected: a shortest chain of relations, each hop with its type, "
                  "status, date and one evidence sentence with its document.",
                  setup_path, run_path)};
}

}  // namespace aikg::cli
