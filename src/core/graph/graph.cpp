#include "aikg/graph.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <string_view>
#include <tuple>

namespace aikg {

std::optional<Vertex> AllianceGraph::find(std::int64_t entity_id) const {
  const auto it = vertex_of.find(entity_id);
  if (it == vertex_of.end()) return std::nullopt;
  return it->second;
}

AllianceGraph build_graph(const std::vector<RelationRow>& relations, const std::vector<EntityRow>& entities) {
  AllianceGraph ag;
  std::unordered_map<std::int64_t, const EntityRow*> by_id;
  by_id.reserve(entities.size());
  for (const auto& e : entities) by_id.emplace(e.id, &e);
  ag.vertex_of.reserve(entities.size());
  auto vertex = [&](std::int64_t id, const std::string& fallback_name) {
    if (auto it = ag.vertex_of.find(id); it != ag.vertex_of.end()) return it->second;
    NodeProps p;
    p.entity_id = id;
    p.name = fallback_name;
    if (auto it = by_id.find(id); it != by_id.end()) {
      p.name = it->second->name;
      p.kind = it->second->kind;
      p.parent = it->second->parent;
    }
    const auto v = boost::add_vertex(p, ag.graph);
    ag.vertex_of.emplace(id, v);
    return v;
  };
  for (const auto& r : relations) {
    const auto s = vertex(r.source_id, r.source_name);
    const auto t = vertex(r.target_id, r.target_name);
    EdgeProps e{r.id, r.type, r.status, r.source_id, r.target_id, r.evidence_count, r.confidence, r.first_seen, r.last_seen};
    boost::add_edge(s, t, e, ag.graph);
  }
  return ag;
}

std::unordered_map<std::int64_t, const EntityRow*> group_tops(const std::vector<EntityRow>& entities) {
  std::unordered_map<std::string_view, const EntityRow*> by_name;
  for (const auto& e : entities) by_name.emplace(e.name, &e);
  std::unordered_map<std::int64_t, const EntityRow*> top;
  for (const auto& e : entities) {
    const EntityRow* t = &e;
    for (int depth = 0; depth < 8 && !t->parent.empty(); ++depth) {
      const auto it = by_name.find(t->parent);
      if (it == by_name.end()) break;
      t = it->second;
    }
    top.emplace(e.id, t);
  }
  return top;
}

std::int64_t group_of(std::int64_t entity_id, const std::vector<EntityRow>& entities) {
  const auto top = group_tops(entities);
  const auto it = top.find(entity_id);
  return it == top.end() ? entity_id : it->second->id;
}

double hop_cost(const EdgeProps& e) {
  // Each step down in definiteness costs more than the last: a rumour should
  // lose to a two-hop chain of signed deals, a denial to almost anything.
  static constexpr std::array<double, 5> kStatusFactor{1.0, 1.5, 2.5, 4.0, 8.0};
  const double evidence = static_cast<double>(std::max<std::int64_t>(1, e.evidence_count));
  const double confidence = std::clamp(e.confidence, 0.0, 1.0);
  return kStatusFactor[static_cast<std::size_t>(rank(e.status))] * (2.0 - confidence) / (1.0 + std::log2(evidence));
}

std::size_t Csr::slot(std::uint32_t v, std::uint32_t w) const {
  const auto row = neighbors(v);
  const auto it = std::lower_bound(row.begin(), row.end(), w);
  if (it == row.end() || *it != w) return npos;
  return offsets[v] + static_cast<std::size_t>(it - row.begin());
}

Csr Csr::from_edges(std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> both;
  both.reserve(2 * edges.size());
  for (const auto& [u, v] : edges) {
    if (u == v) continue;
    both.emplace_back(u, v);
    both.emplace_back(v, u);
  }
  std::sort(both.begin(), both.end());
  both.erase(std::unique(both.begin(), both.end()), both.end());
  Csr csr;
  csr.offsets.assign(n + 1, 0);
  for (const auto& [u, v] : both) ++csr.offsets[u + 1];
  for (std::size_t i = 0; i < n; ++i) csr.offsets[i + 1] += csr.offsets[i];
  csr.adj.reserve(both.size());
  for (const auto& [u, v] : both) csr.adj.push_back(v);
  return csr;
}

namespace {

struct Slot {
  std::uint32_t target;
  double cost;
  std::int64_t relation_id;  // breaks cost ties, so the choice does not depend on insertion order
  Edge edge;
};

// Row v of the simple view: its distinct partners, each with the cheapest of
// the relations linking them.
void collect_row(const Graph& g, Vertex v, bool with_edges, std::vector<Slot>& row) {
  row.clear();
  for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
    const auto w = boost::target(*e, g);
    if (w == v) continue;
    row.push_back({static_cast<std::uint32_t>(w), with_edges ? hop_cost(g[*e]) : 0.0, g[*e].relation_id, *e});
  }
  std::sort(row.begin(), row.end(), [](const Slot& a, const Slot& b) {
    return std::tie(a.target, a.cost, a.relation_id) < std::tie(b.target, b.cost, b.relation_id);
  });
  row.erase(std::unique(row.begin(), row.end(), [](const Slot& a, const Slot& b) { return a.target == b.target; }),
            row.end());
}

}  // namespace

Csr make_csr(const AllianceGraph& ag, bool with_edges) {
  const auto& g = ag.graph;
  const auto n = boost::num_vertices(g);
  Csr csr;
  csr.offsets.reserve(n + 1);
  csr.offsets.push_back(0);
  csr.adj.reserve(2 * boost::num_edges(g));
  std::vector<Slot> row;
  for (Vertex v = 0; v < n; ++v) {
    collect_row(g, v, with_edges, row);
    for (const auto& s : row) {
      csr.adj.push_back(s.target);
      if (!with_edges) continue;
      csr.edge.push_back(s.edge);
      csr.cost.push_back(s.cost);
    }
    csr.offsets.push_back(static_cast<std::uint32_t>(csr.adj.size()));
  }
  return csr;
}

std::vector<Neighbor> neighbors(const AllianceGraph& ag, Vertex start, std::size_t depth) {
  const auto& g = ag.graph;
  std::vector<std::size_t> dist(boost::num_vertices(g), SIZE_MAX);
  std::vector<Neighbor> out;
  std::unordered_map<Vertex, std::size_t> index;
  std::deque<Vertex> queue{start};
  dist[start] = 0;
  while (!queue.empty()) {
    const auto u = queue.front();
    queue.pop_front();
    if (dist[u] >= depth) continue;
    for (auto [e, end] = boost::out_edges(u, g); e != end; ++e) {
      const auto v = boost::target(*e, g);
      if (v == start) continue;
      if (dist[v] == SIZE_MAX) {
        dist[v] = dist[u] + 1;
        index.emplace(v, out.size());
        out.push_back({v, dist[v], {}});
        queue.push_back(v);
      }
      if (dist[v] == dist[u] + 1) out[index[v]].edges.push_back(*e);
    }
  }
  return out;
}

}  // namespace aikg
