#include "aikg/graph.hpp"

#include <algorithm>
#include <deque>

namespace aikg {

std::optional<Vertex> AllianceGraph::find(std::int64_t entity_id) const {
  const auto it = vertex_of.find(entity_id);
  if (it == vertex_of.end()) return std::nullopt;
  return it->second;
}

AllianceGraph build_graph(const std::vector<RelationRow>& relations, const std::vector<EntityRow>& entities) {
  AllianceGraph ag;
  std::unordered_map<std::int64_t, const EntityRow*> by_id;
  for (const auto& e : entities) by_id.emplace(e.id, &e);
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

std::optional<std::vector<Edge>> shortest_path(const AllianceGraph& ag, Vertex from, Vertex to) {
  const auto& g = ag.graph;
  const auto n = boost::num_vertices(g);
  std::vector<std::optional<Edge>> via(n);
  std::vector<bool> seen(n, false);
  std::deque<Vertex> queue{from};
  seen[from] = true;
  while (!queue.empty() && !seen[to]) {
    const auto u = queue.front();
    queue.pop_front();
    for (auto [e, end] = boost::out_edges(u, g); e != end; ++e) {
      const auto v = boost::target(*e, g);
      if (seen[v]) {
        // Prefer the most definite of parallel edges for the hop already chosen.
        if (via[v] && boost::source(*via[v], g) == u && rank(g[*e].status) < rank(g[*via[v]].status)) via[v] = *e;
        continue;
      }
      seen[v] = true;
      via[v] = *e;
      queue.push_back(v);
    }
  }
  if (!seen[to]) return std::nullopt;
  std::vector<Edge> path;
  for (Vertex v = to; v != from;) {
    const auto e = *via[v];
    path.push_back(e);
    v = boost::source(e, g) == v ? boost::target(e, g) : boost::source(e, g);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace aikg
