// The two sources an ExportView reads from: an ExportGraph in memory, and the
// graph snapshot with the store behind it, which streams. The streaming one
// holds the snapshot's columns, the selected rows in edge order and the
// vertex numbering (a few bytes per relation); names come from the snapshot,
// aliases and evidence from the store, one node or edge at a time.
#include <algorithm>
#include <deque>
#include <tuple>

#include "export/common.hpp"
#include "graph/snapshot_graph.hpp"

namespace aikg {
namespace {

class GraphSource final : public ExportView::Source {
 public:
  explicit GraphSource(const ExportGraph& g) : g_(g) { index(); }
  explicit GraphSource(ExportGraph&& g) : owned_(std::make_unique<ExportGraph>(std::move(g))), g_(*owned_) { index(); }

  std::size_t nodes() const override { return vertices_.size(); }
  std::size_t edges() const override { return edges_.size(); }
  NodeProps node(std::size_t i) const override { return g_.alliances.graph[vertices_[i]]; }
  std::string group(std::size_t i) const override {
    const auto it = g_.group_of.find(g_.alliances.graph[vertices_[i]].entity_id);
    return it == g_.group_of.end() ? std::string() : it->second;
  }
  std::vector<std::string> aliases(std::size_t i) const override {
    const auto it = g_.aliases.find(g_.alliances.graph[vertices_[i]].entity_id);
    return it == g_.aliases.end() ? std::vector<std::string>{} : it->second;
  }
  EdgeProps edge(std::size_t i) const override { return g_.alliances.graph[edges_[i]]; }
  std::vector<EvidenceRow> evidence(std::size_t i) const override {
    const auto it = g_.evidence.find(g_.alliances.graph[edges_[i]].relation_id);
    return it == g_.evidence.end() ? std::vector<EvidenceRow>{} : it->second;
  }
  std::string name_of(std::int64_t entity_id) const override {
    return g_.alliances.graph[g_.alliances.vertex_of.at(entity_id)].name;
  }
  const std::string& title() const override { return g_.title; }
  std::optional<std::int64_t> focus() const override { return g_.focus; }

 private:
  void index() {
    vertices_ = detail::vertices_of(g_.alliances.graph);
    edges_ = detail::edges_of(g_.alliances.graph);
  }
  std::unique_ptr<ExportGraph> owned_;  // when the view owns its graph
  const ExportGraph& g_;
  std::vector<Vertex> vertices_;
  std::vector<Edge> edges_;
};

// The selected rows of `snap` (listing order) cut to those whose two ends are
// within `depth` hops of entity index `start` (cut_to_ego_network's rule).
std::vector<std::uint32_t> ego_rows(const GraphSnapshot& snap, const std::vector<std::uint32_t>& rows,
                                    std::uint32_t start, std::size_t depth) {
  const auto numbering = detail::number_vertices(snap, rows);
  if (start == GraphSnapshot::npos || numbering.vertex_of_entity[start] == GraphSnapshot::npos) return {};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  pairs.reserve(rows.size());
  for (const auto r : rows) pairs.emplace_back(numbering.vertex_of_entity[snap.source[r]], numbering.vertex_of_entity[snap.target[r]]);
  const auto csr = Csr::from_edges(numbering.entity_of_vertex.size(), pairs);
  std::vector<std::size_t> dist(numbering.entity_of_vertex.size(), SIZE_MAX);
  const auto from = numbering.vertex_of_entity[start];
  std::deque<std::uint32_t> queue{from};
  dist[from] = 0;
  while (!queue.empty()) {
    const auto u = queue.front();
    queue.pop_front();
    if (dist[u] >= depth) continue;
    for (const auto v : csr.neighbors(u))
      if (dist[v] == SIZE_MAX) dist[v] = dist[u] + 1, queue.push_back(v);
  }
  std::vector<std::uint32_t> out;
  for (const auto r : rows)
    if (dist[numbering.vertex_of_entity[snap.source[r]]] != SIZE_MAX &&
        dist[numbering.vertex_of_entity[snap.target[r]]] != SIZE_MAX)
      out.push_back(r);
  return out;
}

class SnapshotSource final : public ExportView::Source {
 public:
  SnapshotSource(const Store& store, Store::ReadScope read, const Selection& selection, GraphSnapshot snap,
                 const std::optional<Focus>& focus)
      : store_(store), read_(std::move(read)), selection_(selection), snap_(std::move(snap)) {
    rows_ = detail::selected_rows(snap_, selection);
    std::string focus_name;
    if (focus) {
      const auto start = snap_.index_of(focus->entity_id);
      rows_ = ego_rows(snap_, rows_, start, focus->depth);
      if (const auto e = store.entity(focus->entity_id)) focus_name = e->name;
      if (!rows_.empty()) focus_ = focus->entity_id;
    }
    entity_of_vertex_ = detail::number_vertices(snap_, rows_).entity_of_vertex;
    // edges_of's order: by type, then the endpoints' and the relation's ids.
    auto key = [&](std::uint32_t r) {
      return std::tuple(snap_.type[r], snap_.entity_id[snap_.source[r]], snap_.entity_id[snap_.target[r]], snap_.relation_id[r]);
    };
    std::sort(rows_.begin(), rows_.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    for (std::uint32_t v = 0; v < entity_of_vertex_.size(); ++v) by_id_.emplace_back(snap_.entity_id[entity_of_vertex_[v]], entity_of_vertex_[v]);
    std::sort(by_id_.begin(), by_id_.end());
    title_ = detail::export_caption(selection, nodes(), edges(), focus_name, focus ? focus->depth : 0);
  }

  std::size_t nodes() const override { return entity_of_vertex_.size(); }
  std::size_t edges() const override { return rows_.size(); }
  NodeProps node(std::size_t i) const override {
    const auto e = entity_of_vertex_[i];
    NodeProps p;
    p.entity_id = snap_.entity_id[e];
    p.name = snap_.name(e);
    p.kind = snap_.entity_kind[e];
    if (snap_.entity_parent[e] != GraphSnapshot::npos) p.parent = snap_.name(snap_.entity_parent[e]);
    return p;
  }
  // group_tops' rule: up the parent chain, at most 8 links.
  std::string group(std::size_t i) const override {
    const auto e = entity_of_vertex_[i];
    auto top = e;
    for (int depth = 0; depth < 8 && snap_.entity_parent[top] != GraphSnapshot::npos; ++depth) top = snap_.entity_parent[top];
    return top == e ? std::string() : std::string(snap_.name(top));
  }
  std::vector<std::string> aliases(std::size_t i) const override {
    return store_.aliases(snap_.entity_id[entity_of_vertex_[i]]);
  }
  EdgeProps edge(std::size_t i) const override {
    return detail::edge_props(snap_, rows_[i]);
  }
  std::vector<EvidenceRow> evidence(std::size_t i) const override {
    return selected_evidence(store_, selection_, snap_.relation_id[rows_[i]]);
  }
  // From the snapshot's evidence columns, without a query.
  std::vector<EvidenceRow> evidence_dates(std::size_t i) const override {
    const auto r = rows_[i];
    std::vector<EvidenceRow> out;
    for (auto k = snap_.evidence_offset[r]; k < snap_.evidence_offset[r + 1]; ++k) {
      const auto date = snap_.date(snap_.evidence_date[k]);
      if (!detail::evidence_passes(selection_, snap_.evidence_status[k], date, snap_.evidence_confidence[k])) continue;
      auto& e = out.emplace_back();
      e.status = snap_.evidence_status[k];
      e.date = date;
      e.confidence = snap_.evidence_confidence[k];
    }
    return out;
  }
  std::string name_of(std::int64_t entity_id) const override {
    const auto it = std::lower_bound(by_id_.begin(), by_id_.end(), std::pair(entity_id, std::uint32_t{0}));
    return it == by_id_.end() || it->first != entity_id ? std::string() : std::string(snap_.name(it->second));
  }
  const std::string& title() const override { return title_; }
  std::optional<std::int64_t> focus() const override { return focus_; }

 private:
  const Store& store_;
  Store::ReadScope read_;
  Selection selection_;
  GraphSnapshot snap_;
  std::vector<std::uint32_t> rows_;              // selected, in edge order
  std::vector<std::uint32_t> entity_of_vertex_;  // node order
  std::vector<std::pair<std::int64_t, std::uint32_t>> by_id_;  // entity id -> entity index, sorted
  std::string title_;
  std::optional<std::int64_t> focus_;
};

}  // namespace

ExportView::ExportView(const ExportGraph& g) : source_(std::make_shared<GraphSource>(g)) {}

ExportView open_export(const Store& store, const Selection& selection, const std::optional<Focus>& focus) {
  if (detail::snapshot_answers(selection)) {
    Store::ReadScope read(store);  // the snapshot and what the view reads later: one state of the file
    if (auto snap = detail::selection_snapshot(store, selection, /*evidence_columns=*/true))
      return ExportView(std::make_shared<SnapshotSource>(store, std::move(read), selection, std::move(*snap), focus));
  }
  return ExportView(std::make_shared<GraphSource>(select_export(store, selection, focus)));
}

}  // namespace aikg
