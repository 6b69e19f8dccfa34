// Paths on the graph snapshot: the path finder's CSR (with the cost of the
// cheapest relation per pair, as make_csr(ag, true) chooses it) built from
// the columns, and a Boost graph of only the vertices and hops the answer
// shows. A million-relation multigraph is never built.
#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "aikg/selection.hpp"
#include "graph/snapshot_graph.hpp"

namespace aikg {
namespace {

struct Slot {
  std::uint32_t target;
  double cost;
  std::int64_t relation_id;  // breaks cost ties, as make_csr does
  std::uint32_t row;         // in the snapshot
};

double cost_of(const GraphSnapshot& snap, std::uint32_t r) {
  EdgeProps e;
  e.status = snap.status[r];
  e.evidence_count = snap.evidence_count[r];
  e.confidence = snap.confidence[r];
  return hop_cost(e);
}

// make_csr(ag, true) over the selected rows, with each slot's snapshot row
// in place of its Boost edge.
struct CostCsr {
  Csr csr;
  std::vector<std::uint32_t> row;  // per adjacency slot
};

CostCsr cost_csr(const GraphSnapshot& snap, const std::vector<std::uint32_t>& rows,
                 const detail::VertexNumbering& numbering) {
  const std::size_t n = numbering.entity_of_vertex.size();
  std::vector<std::uint32_t> start(n + 1, 0);
  auto ends = [&](std::uint32_t r) {
    return std::pair(numbering.vertex_of_entity[snap.source[r]], numbering.vertex_of_entity[snap.target[r]]);
  };
  for (const auto r : rows)
    if (const auto [u, v] = ends(r); u != v) ++start[u + 1], ++start[v + 1];
  for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<Slot> slots(start[n]);
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (const auto r : rows) {
    const auto [u, v] = ends(r);
    if (u == v) continue;
    const double cost = cost_of(snap, r);
    slots[fill[u]++] = {v, cost, snap.relation_id[r], r};
    slots[fill[v]++] = {u, cost, snap.relation_id[r], r};
  }
  CostCsr out;
  out.csr.offsets.reserve(n + 1);
  out.csr.offsets.push_back(0);
  for (std::size_t v = 0; v < n; ++v) {
    const auto begin = slots.begin() + start[v], end = slots.begin() + start[v + 1];
    std::sort(begin, end, [](const Slot& a, const Slot& b) {
      return std::tie(a.target, a.cost, a.relation_id) < std::tie(b.target, b.cost, b.relation_id);
    });
    for (auto it = begin; it != end; ++it) {
      if (it != begin && it->target == std::prev(it)->target) continue;
      out.csr.adj.push_back(it->target);
      out.csr.cost.push_back(it->cost);
      out.row.push_back(it->row);
    }
    out.csr.offsets.push_back(static_cast<std::uint32_t>(out.csr.adj.size()));
  }
  return out;
}

// The paths' vertices and hops as a small Boost graph; the paths are
// rewritten to refer to it.
class ShownGraph {
 public:
  ShownGraph(const GraphSnapshot& snap, const detail::VertexNumbering& numbering, const CostCsr& csr,
             AllianceGraph& ag)
      : snap_(snap), numbering_(numbering), csr_(csr), ag_(ag) {}

  std::vector<Path> take(std::vector<Path> paths) {
    for (auto& p : paths) {
      for (std::size_t i = 0; i + 1 < p.vertices.size(); ++i)
        p.hops.push_back(hop(static_cast<std::uint32_t>(p.vertices[i]), static_cast<std::uint32_t>(p.vertices[i + 1])));
      for (auto& v : p.vertices) v = vertex(numbering_.entity_of_vertex[v]);
    }
    return paths;
  }

 private:
  Vertex vertex(std::uint32_t entity) {
    const auto id = snap_.entity_id[entity];
    if (const auto v = ag_.find(id)) return *v;
    NodeProps p;
    p.entity_id = id;
    p.name = snap_.name(entity);
    p.kind = snap_.entity_kind[entity];
    if (snap_.entity_parent[entity] != GraphSnapshot::npos) p.parent = snap_.name(snap_.entity_parent[entity]);
    const auto v = boost::add_vertex(std::move(p), ag_.graph);
    ag_.vertex_of.emplace(id, v);
    return v;
  }

  Edge hop(std::uint32_t u, std::uint32_t w) {
    const auto r = csr_.row[csr_.csr.slot(u, w)];
    if (const auto it = edges_.find(r); it != edges_.end()) return it->second;
    const auto s = vertex(snap_.source[r]), t = vertex(snap_.target[r]);
    EdgeProps e{snap_.relation_id[r], snap_.type[r], snap_.status[r], snap_.entity_id[snap_.source[r]],
                snap_.entity_id[snap_.target[r]], snap_.evidence_count[r], snap_.confidence[r],
                std::string(snap_.date(snap_.first_seen[r])), std::string(snap_.date(snap_.last_seen[r]))};
    const auto edge = boost::add_edge(s, t, std::move(e), ag_.graph).first;
    edges_.emplace(r, edge);
    return edge;
  }

  const GraphSnapshot& snap_;
  const detail::VertexNumbering& numbering_;
  const CostCsr& csr_;
  AllianceGraph& ag_;  // filled in place: edge descriptors point into it
  std::unordered_map<std::uint32_t, Edge> edges_;
};

}  // namespace

std::vector<Path> select_paths(const Store& store, const Selection& selection, std::int64_t from, std::int64_t to,
                               bool weighted, const PathQuery& query, AllianceGraph& graph) {
  graph = AllianceGraph();
  if (detail::snapshot_answers(selection))
    if (const auto snap = detail::selection_snapshot(store, selection)) {
      const auto rows = detail::selected_rows(*snap, selection);
      const auto numbering = detail::number_vertices(*snap, rows);
      auto vertex_of = [&](std::int64_t id) {
        const auto e = snap->index_of(id);
        return e == GraphSnapshot::npos ? GraphSnapshot::npos : numbering.vertex_of_entity[e];
      };
      const auto a = vertex_of(from), b = vertex_of(to);
      if (a == GraphSnapshot::npos || b == GraphSnapshot::npos) return {};
      const auto csr = cost_csr(*snap, rows, numbering);
      PathFinder finder(csr.csr, weighted);
      return ShownGraph(*snap, numbering, csr, graph).take(query(finder, a, b));
    }
  graph = select_graph(store, selection);
  const auto a = graph.find(from), b = graph.find(to);
  if (!a || !b) return {};
  const auto csr = make_csr(graph, true);
  PathFinder finder(csr, weighted);
  return query(finder, *a, *b);
}

}  // namespace aikg
