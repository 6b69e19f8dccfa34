// The selection answered from the graph snapshot: each selection flag is a
// test on a column of the relation summaries, names are read only for the
// vertices a command builds or prints. Vertex ids and edge order are
// build_graph's on the listed rows, so every result is the tables' result.
#include <algorithm>

#include "aikg/selection.hpp"
#include "aikg/summary.hpp"
#include "graph/snapshot_graph.hpp"

namespace aikg {
namespace detail {

bool snapshot_answers(const Selection& s) { return !s.group; }

namespace {

// Relation r's summary from its evidence that passes `s`, written over its
// stored one; the rule is RelationSummary's, as select_relations applies it.
void recompute(GraphSnapshot& snap, std::uint32_t r, const Selection& s) {
  RelationSummary sum;
  for (auto i = snap.evidence_offset[r]; i < snap.evidence_offset[r + 1]; ++i) {
    const auto date = snap.date(snap.evidence_date[i]);
    if (evidence_passes(s, snap.evidence_status[i], date, snap.evidence_confidence[i]))
      sum.add(RelationSummary::of(snap.evidence_status[i], date, snap.evidence_confidence[i]));
  }
  snap.evidence_count[r] = sum.evidence_count;
  if (sum.evidence_count == 0) return;  // not selected (selected_rows)
  snap.status[r] = sum.status;
  snap.confidence[r] = sum.confidence;
  // The summary's dates are dates of its evidence: find their indices there.
  for (auto i = snap.evidence_offset[r]; i < snap.evidence_offset[r + 1]; ++i) {
    const auto date = snap.date(snap.evidence_date[i]);
    if (date == sum.first_seen) snap.first_seen[r] = snap.evidence_date[i];
    if (date == sum.last_seen) snap.last_seen[r] = snap.evidence_date[i];
  }
}

}  // namespace

std::optional<GraphSnapshot> selection_snapshot(const Store& store, const Selection& s, bool evidence_columns) {
  const bool per_evidence = filters_evidence(s);
  auto snap = store.graph_snapshot(per_evidence || evidence_columns);
  if (!snap || !per_evidence) return snap;
  for (std::uint32_t r = 0; r < snap->relations(); ++r) recompute(*snap, r, s);
  return snap;
}

std::vector<std::uint32_t> selected_rows(const GraphSnapshot& snap, const Selection& s) {
  std::array<bool, static_cast<std::size_t>(RelationType::competition) + 1> type_wanted{};
  type_wanted.fill(s.types.empty());
  for (const auto t : s.types) type_wanted[static_cast<std::size_t>(t)] = true;
  for (const auto t : s.exclude_types) type_wanted[static_cast<std::size_t>(t)] = false;
  // Evidence filters drop a relation none of whose evidence passed, whatever
  // --min-evidence says (select_relations' rule).
  const std::int64_t bar = filters_evidence(s) ? std::max<std::int64_t>(1, s.min_evidence) : s.min_evidence;
  std::vector<std::uint32_t> rows;
  rows.reserve(snap.relations());
  for (std::uint32_t r = 0; r < snap.relations(); ++r)
    if (type_wanted[static_cast<std::size_t>(snap.type[r])] && snap.evidence_count[r] >= bar) rows.push_back(r);
  return rows;
}

VertexNumbering number_vertices(const GraphSnapshot& snap, const std::vector<std::uint32_t>& rows) {
  VertexNumbering out;
  out.vertex_of_entity.assign(snap.entities(), GraphSnapshot::npos);
  auto number = [&](std::uint32_t entity) {
    auto& v = out.vertex_of_entity[entity];
    if (v != GraphSnapshot::npos) return;
    v = static_cast<std::uint32_t>(out.entity_of_vertex.size());
    out.entity_of_vertex.push_back(entity);
  };
  for (const auto r : rows) number(snap.source[r]), number(snap.target[r]);
  return out;
}

RelationRow relation_row(const GraphSnapshot& snap, std::uint32_t r) {
  RelationRow row;
  row.id = snap.relation_id[r];
  row.type = snap.type[r];
  row.source_id = snap.entity_id[snap.source[r]];
  row.target_id = snap.entity_id[snap.target[r]];
  row.source_name = snap.name(snap.source[r]);
  row.target_name = snap.name(snap.target[r]);
  row.status = snap.status[r];
  row.first_seen = snap.date(snap.first_seen[r]);
  row.last_seen = snap.date(snap.last_seen[r]);
  row.confidence = snap.confidence[r];
  row.evidence_count = snap.evidence_count[r];
  return row;
}

EdgeProps edge_props(const GraphSnapshot& snap, std::uint32_t r) {
  return {snap.relation_id[r],
          snap.type[r],
          snap.status[r],
          snap.entity_id[snap.source[r]],
          snap.entity_id[snap.target[r]],
          snap.evidence_count[r],
          snap.confidence[r],
          std::string(snap.date(snap.first_seen[r])),
          std::string(snap.date(snap.last_seen[r]))};
}

AllianceGraph graph_from_snapshot(const GraphSnapshot& snap, const std::vector<std::uint32_t>& rows) {
  const auto numbering = number_vertices(snap, rows);
  AllianceGraph ag;
  ag.graph = Graph(numbering.entity_of_vertex.size());
  ag.vertex_of.reserve(numbering.entity_of_vertex.size());
  for (std::uint32_t v = 0; v < numbering.entity_of_vertex.size(); ++v) {
    const auto e = numbering.entity_of_vertex[v];
    auto& p = ag.graph[v];
    p.entity_id = snap.entity_id[e];
    p.name = snap.name(e);
    p.kind = snap.entity_kind[e];
    if (snap.entity_parent[e] != GraphSnapshot::npos) p.parent = snap.name(snap.entity_parent[e]);
    ag.vertex_of.emplace(p.entity_id, v);
  }
  for (const auto r : rows) {
    boost::add_edge(numbering.vertex_of_entity[snap.source[r]], numbering.vertex_of_entity[snap.target[r]],
                    edge_props(snap, r), ag.graph);
  }
  return ag;
}

}  // namespace detail

// ---------------------------------------------------------------------------
// SimpleSelection

namespace {

// The simple view of an edge list over 0..n-1, as make_csr builds it from
// the multigraph: loops dropped, rows sorted, parallel edges once. Counting
// sort by row, then each (short) row sorted: no sort of all the edges.
Csr csr_of(std::size_t n, const std::vector<std::uint32_t>& from, const std::vector<std::uint32_t>& to) {
  Csr csr;
  std::vector<std::uint32_t> start(n + 1, 0);
  for (std::size_t i = 0; i < from.size(); ++i)
    if (from[i] != to[i]) ++start[from[i] + 1], ++start[to[i] + 1];
  for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<std::uint32_t> adj(start[n]);
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i] == to[i]) continue;
    adj[fill[from[i]]++] = to[i];
    adj[fill[to[i]]++] = from[i];
  }
  csr.offsets.reserve(n + 1);
  csr.offsets.push_back(0);
  std::uint32_t out = 0;
  for (std::size_t v = 0; v < n; ++v) {
    const auto begin = adj.begin() + start[v], end = adj.begin() + start[v + 1];
    std::sort(begin, end);
    const auto last = std::unique(begin, end);
    for (auto it = begin; it != last; ++it) adj[out++] = *it;  // out <= start[v]: compacts in place
    csr.offsets.push_back(out);
  }
  adj.resize(out);
  adj.shrink_to_fit();
  csr.adj = std::move(adj);
  return csr;
}

}  // namespace

std::string_view SimpleSelection::name(std::uint32_t v) const {
  return snapshot_ ? snapshot_->name(entity_of_vertex_[v]) : std::string_view(names_[v]);
}

std::int64_t SimpleSelection::entity_id(std::uint32_t v) const {
  return snapshot_ ? snapshot_->entity_id[entity_of_vertex_[v]] : entity_ids_[v];
}

SimpleSelection select_simple(const Store& store, const Selection& selection) {
  SimpleSelection out;
  if (detail::snapshot_answers(selection)) {
    if (auto snap = detail::selection_snapshot(store, selection)) {
      const auto rows = detail::selected_rows(*snap, selection);
      auto numbering = detail::number_vertices(*snap, rows);
      std::vector<std::uint32_t> from, to;
      from.reserve(rows.size()), to.reserve(rows.size());
      out.relations_.assign(numbering.entity_of_vertex.size(), 0);
      for (const auto r : rows) {
        from.push_back(numbering.vertex_of_entity[snap->source[r]]);
        to.push_back(numbering.vertex_of_entity[snap->target[r]]);
        ++out.relations_[from.back()], ++out.relations_[to.back()];  // a loop counts twice, as in Boost
      }
      out.csr = csr_of(numbering.entity_of_vertex.size(), from, to);
      out.entity_of_vertex_ = std::move(numbering.entity_of_vertex);
      out.snapshot_ = std::make_shared<const GraphSnapshot>(std::move(*snap));
      return out;
    }
  }
  const auto ag = select_graph(store, selection);
  out.csr = make_csr(ag);
  const auto n = boost::num_vertices(ag.graph);
  for (Vertex v = 0; v < n; ++v) {
    out.names_.push_back(ag.graph[v].name);
    out.entity_ids_.push_back(ag.graph[v].entity_id);
    out.relations_.push_back(boost::out_degree(v, ag.graph));
  }
  return out;
}

}  // namespace aikg
