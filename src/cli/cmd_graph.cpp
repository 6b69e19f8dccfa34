// aikg neighbors, aikg path.
#include <fmt/format.h>

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
  bool json = false;
};

int run_neighbors(const NeighborOptions& o) {
  const auto store = o.db.open(true);
  const auto selection = o.selection.resolve();
  auto id = resolve_or_explain(store, o.name);
  if (selection.group) id = group_of(id, store.entities());
  const auto ag = select_local_graph(store, selection, id, o.depth);  // not the whole graph
  const auto start = ag.find(id);
  const auto found = start ? neighbors(ag, *start, o.depth) : std::vector<Neighbor>{};
  const auto& g = ag.graph;
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& n : found) {
    ordered_json rels = ordered_json::array();
    std::vector<std::string> text;
    for (const auto& e : n.edges) {
      const auto& p = g[e];
      const auto via = g[boost::source(e, g) == n.vertex ? boost::target(e, g) : boost::source(e, g)].name;
      rels.push_back({{"type", name(p.type)}, {"status", name(p.status)}, {"via", via}});
      text.push_back(fmt::format("{} ({})", name(p.type), name(p.status)) + (n.depth > 1 ? " via " + via : ""));
    }
    out.push_back({{"name", g[n.vertex].name}, {"depth", n.depth}, {"relations", rels}});
    rows.push_back({g[n.vertex].name, std::to_string(n.depth), joined(text, ", ")});
  }
  if (o.json)
    print_json(out);
  else
    print_table({"neighbor", "depth", "relations"}, rows);
  return found.empty() ? kPartial : kOk;
}

void setup_neighbors(CLI::App& cmd, NeighborOptions& o) {
  o.db.add(&cmd);
  o.selection.add(&cmd);
  cmd.add_option("name", o.name, "Organisation (any alias, Korean or English)")->required();
  cmd.add_option("--depth", o.depth, "Hops from the organisation")->capture_default_str()->check(CLI::Range(1, 10));
  cmd.add_flag("--json", o.json, "JSON array of {name, depth, relations: [{type, status, via}]}");
  cmd.footer("Exit status: 0 success, 1 no neighbours in the selection, 2 error (an unknown name gets suggestions).\n"
             "Example: aikg neighbors --db aikg.db 오픈AI --depth 2 --min-status planned");
}

struct PathOptions {
  DbOption db;
  SelectionOptions selection;
  std::string from, to;
  bool all = false, weighted = false, json = false;
  std::size_t k = 1;
};

std::vector<Path> find_paths(const PathOptions& o, PathFinder& finder, Vertex a, Vertex b) {
  if (o.all) return finder.all_shortest(a, b, std::max<std::size_t>(o.k, 100));
  if (o.k > 1) return finder.k_shortest(a, b, o.k);
  auto p = finder.shortest(a, b);
  return p ? std::vector<Path>{std::move(*p)} : std::vector<Path>{};
}

// Prints paths as text, or collects them as JSON.
class PathPrinter {
 public:
  PathPrinter(const AllianceGraph& ag, HopEvidence evidence, bool json)
      : ag_(ag), json_(json), evidence_(std::move(evidence)) {}
  void add(const Path& path, std::size_t index, std::size_t count, bool weighted);
  void finish() const {
    if (json_) print_json(out_);
  }

 private:
  ordered_json hop(Vertex here, Vertex next, const Edge& e) const;

  const AllianceGraph& ag_;
  bool json_;
  HopEvidence evidence_;
  ordered_json out_ = ordered_json::array();
};

ordered_json PathPrinter::hop(Vertex here, Vertex next, const Edge& e) const {
  const auto& g = ag_.graph;
  const auto& p = g[e];
  const auto it = evidence_.find(p.relation_id);
  const auto* ev = it == evidence_.end() ? nullptr : hop_evidence(p.status, it->second);
  // Paths ignore direction, but "A invested in B" must not read as the reverse.
  const std::string direction = !is_directed(p.type) ? "none" : g[here].entity_id == p.source_id ? "forward" : "backward";
  return {{"from", g[here].name},
          {"to", g[next].name},
          {"direction", direction},
          {"type", name(p.type)},
          {"status", name(p.status)},
          {"date", p.last_seen},
          {"evidence_count", p.evidence_count},
          {"evidence", ev ? ordered_json{{"doc", ev->doc}, {"sentence", ev->sentence}, {"url", ev->url}} : ordered_json()}};
}

void PathPrinter::add(const Path& path, std::size_t index, std::size_t count, bool weighted) {
  ordered_json hops = ordered_json::array();
  for (std::size_t i = 0; i < path.hops.size(); ++i) hops.push_back(hop(path.vertices[i], path.vertices[i + 1], path.hops[i]));
  if (json_) {
    out_.push_back({{"length", path.length}, {"hops", hops}});
    return;
  }
  if (count > 1)
    fmt::print("{}path {} of {}: {} hops{}\n", index ? "\n" : "", index + 1, count, path.hops.size(),
               weighted ? fmt::format(", length {:.3f}", path.length) : "");
  for (const auto& h : hops) {
    const auto date = h["date"].get<std::string>(), direction = h["direction"].get<std::string>();
    fmt::print("{} {}--[{}, {}{}]--{} {}\n", h["from"].get<std::string>(), direction == "backward" ? "<" : "",
               h["type"].get<std::string>(), h["status"].get<std::string>(), date.empty() ? "" : ", " + date,
               direction == "forward" ? ">" : "", h["to"].get<std::string>());
    if (!h["evidence"].is_null())
      fmt::print("    \"{}\" ({})\n", h["evidence"]["sentence"].get<std::string>(), h["evidence"]["doc"].get<std::string>());
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
  PathPrinter printer(ag, evidence_of_hops(store, selection, rows, ag, paths), o.json);
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
  cmd.add_flag("--json", o.json, "JSON array of paths {length, hops: [{from, to, direction (forward|backward|none), "
                                   "type, status, date, evidence_count, evidence: {doc, sentence, url}}]}");
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
