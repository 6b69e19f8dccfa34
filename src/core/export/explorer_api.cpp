// The explorer's API over one selection of a read-only database: the selected
// graph is built once at start; a request is a breadth-first search or a
// lookup in it, and evidence is read per edge (selected_evidence).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "aikg/explorer.hpp"
#include "aikg/text.hpp"
#include "export/common.hpp"
#include "export/explorer_json.hpp"

namespace aikg {
namespace {

using nlohmann::ordered_json;

// "n42" -> 42 for prefix 'n'; nullopt for anything else (no sign, no spaces).
std::optional<std::int64_t> parse_id(std::string_view id, char prefix) {
  if (id.size() < 2 || id.size() > 20 || id[0] != prefix) return std::nullopt;
  std::int64_t value = 0;
  const auto* first = id.data() + 1;
  const auto* last = id.data() + id.size();
  const auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc{} || end != last || *first == '-') return std::nullopt;
  return value;
}

// The edges among `keep`, those touching `start` first, each group in the
// order of every export (detail::edges_of); at most `max_edges`.
detail::ExplorerPart induced(const Graph& graph, Vertex start, const std::vector<Vertex>& keep, std::size_t max_edges) {
  std::unordered_set<Vertex> in(keep.begin(), keep.end());
  std::vector<Edge> first, rest;
  for (const auto v : keep)
    for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e) {
      const auto w = boost::target(*e, graph);
      if (!in.contains(w) || w < v) continue;  // each undirected edge once, from its smaller end
      (v == start || w == start ? first : rest).push_back(*e);
    }
  const auto order = [&](const Edge& a, const Edge& b) {
    const auto& pa = graph[a];
    const auto& pb = graph[b];
    return std::tie(pa.type, pa.source_id, pa.target_id, pa.relation_id) <
           std::tie(pb.type, pb.source_id, pb.target_id, pb.relation_id);
  };
  std::sort(first.begin(), first.end(), order);
  std::sort(rest.begin(), rest.end(), order);
  detail::ExplorerPart part;
  part.edges = std::move(first);
  part.edges.insert(part.edges.end(), rest.begin(), rest.end());
  if (part.edges.size() > max_edges) {
    part.edges.resize(max_edges);
    part.truncated = true;
  }
  // The nodes the kept edges reach, and the start even when it has none.
  std::unordered_set<Vertex> seen{start};
  part.vertices.push_back(start);
  for (const auto e : part.edges)
    for (const auto v : {boost::source(e, graph), boost::target(e, graph)})
      if (seen.insert(v).second) part.vertices.push_back(v);
  return part;
}

}  // namespace

ExplorerApi::ExplorerApi(const Store& store, Selection selection)
    : store_(store),
      selection_(std::move(selection)),
      // A roll-up merges relations, so their evidence must be read with them;
      // otherwise per edge, when asked.
      graph_(select_export(store_, selection_, std::nullopt, selection_.group)) {
  const auto& g = graph_.alliances.graph;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    keys_.emplace_back(alias_key(g[*v].name), *v);
    if (const auto it = graph_.aliases.find(g[*v].entity_id); it != graph_.aliases.end())
      for (const auto& a : it->second) keys_.emplace_back(alias_key(a), *v);
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) relation_ids_.insert(g[*e].relation_id);
}

std::size_t ExplorerApi::num_nodes() const { return boost::num_vertices(graph_.alliances.graph); }
std::size_t ExplorerApi::num_edges() const { return boost::num_edges(graph_.alliances.graph); }

std::string ExplorerApi::graph_json(std::size_t max_edges) const {
  detail::ExplorerPart part;
  if (num_edges() <= max_edges) {
    part.vertices = detail::vertices_of(graph_.alliances.graph);
    part.edges = detail::edges_of(graph_.alliances.graph);
  } else {
    part.truncated = true;
  }
  return detail::dump_json(detail::explorer_json(graph_, selection_, part, false));
}

std::optional<std::string> ExplorerApi::neighbors_json(std::string_view node_id, std::size_t depth,
                                                       std::size_t max_edges) const {
  const auto id = parse_id(node_id, 'n');
  const auto start = id ? graph_.alliances.find(*id) : std::nullopt;
  if (!start) return std::nullopt;
  std::vector<Vertex> keep{*start};
  for (const auto& n : neighbors(graph_.alliances, *start, depth)) keep.push_back(n.vertex);
  const auto part = induced(graph_.alliances.graph, *start, keep, max_edges);
  return detail::dump_json(detail::explorer_json(graph_, selection_, part, false));
}

std::optional<std::string> ExplorerApi::evidence_json(std::string_view edge_id) const {
  const auto id = parse_id(edge_id, 'r');
  if (!id || !relation_ids_.contains(*id)) return std::nullopt;
  std::vector<EvidenceRow> rows;
  if (const auto it = graph_.evidence.find(*id); it != graph_.evidence.end())
    rows = it->second;
  else if (!selection_.group)
    rows = selected_evidence(store_, selection_, *id);
  ordered_json evidence = ordered_json::array();
  for (const auto& row : rows) evidence.push_back(detail::explorer_evidence(row));
  return detail::dump_json(ordered_json{{"edge", edge_id}, {"evidence", std::move(evidence)}});
}

std::string ExplorerApi::search_json(std::string_view query, std::size_t limit) const {
  const auto key = alias_key(query);
  const auto& g = graph_.alliances.graph;
  // Vertex -> how well it matched: 0 a whole name or alias, 1 its start, 2 inside.
  std::unordered_map<Vertex, int> rank;
  if (!key.empty())
    for (const auto& [k, v] : keys_) {
      const auto at = k.find(key);
      if (at == std::string::npos) continue;
      const int r = k.size() == key.size() ? 0 : at == 0 ? 1 : 2;
      const auto [it, added] = rank.emplace(v, r);
      if (!added) it->second = std::min(it->second, r);
    }
  std::vector<Vertex> hits;
  for (const auto& [v, r] : rank) hits.push_back(v);
  std::sort(hits.begin(), hits.end(), [&](Vertex a, Vertex b) {
    const auto da = boost::out_degree(a, g), db = boost::out_degree(b, g);
    return std::tie(rank[a], db, g[a].name) < std::tie(rank[b], da, g[b].name);
  });
  if (hits.size() > limit) hits.resize(limit);
  ordered_json out = ordered_json::array();
  for (const auto v : hits)
    out.push_back({{"id", detail::node_id(g[v].entity_id)}, {"name", g[v].name}, {"kind", name(g[v].kind)},
                   {"degree", boost::out_degree(v, g)}});
  return detail::dump_json(out);
}

}  // namespace aikg
