// One way to select the graph, shared by every query and export: which
// relation types and statuses, which evidence dates and confidence, how much
// evidence, and whether affiliates are rolled up into their business group.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aikg/graph.hpp"
#include "aikg/store.hpp"
#include "aikg/taxonomy.hpp"

namespace aikg {

struct Selection {
  std::vector<RelationType> types;   // empty: every type
  std::vector<RelationType> exclude_types;  // never these, even when listed in `types`
  std::vector<Status> statuses;      // empty: every status (see min_status)
  std::optional<Status> min_status;  // keep statuses at least this definite (done > planned > talks > speculated); never ended
  std::string since, until;          // ISO dates, inclusive, on evidence dates; evidence without a date is dropped when set
  double min_confidence = 0.0;       // on evidence
  std::int64_t min_evidence = 1;     // evidence rows left after the filters above
  bool group = false;                // roll affiliates up into their top-level parent (SK Telecom -> SK Group)
};

// The types `selection` reads: `types` (or every type) without `exclude_types`.
std::vector<RelationType> selected_types(const Selection& selection);

// The relations that pass `selection`, with their counts, dates, status and
// confidence recomputed from the evidence that passes. Relations that roll up
// onto the same (type, pair), and self-loops created by the roll-up (an
// affiliate's relation with its own group), are merged or dropped.
std::vector<RelationRow> select_relations(const Store& store, const Selection& selection, bool with_evidence = false);

// The evidence of one stored relation that passes `selection`'s evidence
// filters, in date order: for a few relations, far cheaper than
// select_relations(..., true) over a whole graph.
std::vector<EvidenceRow> selected_evidence(const Store& store, const Selection& selection, std::int64_t relation_id);

// The selected relations as a graph (built once per command).
AllianceGraph select_graph(const Store& store, const Selection& selection);

// The selection as the whole-graph analytics need it: the simple graph (the
// CSR make_csr(select_graph(...)) gives, same vertex ids) with each vertex's
// entity, name and number of relations, without a Boost graph or a row per
// relation. Built from the graph snapshot when the selection allows it (no
// --group, no filter on single evidence rows), names read only when asked.
class SimpleSelection {
 public:
  Csr csr;
  std::size_t num_vertices() const { return csr.num_vertices(); }
  std::string_view name(std::uint32_t v) const;
  std::int64_t entity_id(std::uint32_t v) const;
  // Relations at v, parallel ones each counted (Csr::degree counts partners).
  std::size_t relations(std::uint32_t v) const { return relations_[v]; }

 private:
  friend SimpleSelection select_simple(const Store& store, const Selection& selection);
  std::shared_ptr<const GraphSnapshot> snapshot_;  // when built from it
  std::vector<std::uint32_t> entity_of_vertex_;   // into snapshot_
  std::vector<std::string> names_;                // otherwise
  std::vector<std::int64_t> entity_ids_;
  std::vector<std::size_t> relations_;
};
SimpleSelection select_simple(const Store& store, const Selection& selection);

// The part of the selected graph that neighbors(g, entity, depth) explores:
// every selected relation of the organisations fewer than `depth` hops from
// `entity`, read through the store's indexes, never the whole graph.
// neighbors() on it gives what it gives on select_graph(store, selection), in
// the same order. Vertices carry names only (no kind or parent). With
// selection.group it is the whole select_graph (a roll-up needs every relation).
AllianceGraph select_local_graph(const Store& store, const Selection& selection, std::int64_t entity,
                                 std::size_t depth);

// select_relations(store, selection, true) restricted to the relations of
// `entity` (either end), read through the store's indexes when the selection
// does not roll up by group. In listing order.
std::vector<RelationRow> select_relations_of(const Store& store, const Selection& selection, std::int64_t entity);

// Paths between two organisations of the selection, exactly as PathFinder
// finds them on make_csr(select_graph(store, selection), true): `query` runs
// the finder from `from`'s vertex to `to`'s. From the graph snapshot when the
// selection allows (no --group, no evidence filters), without building the
// whole Boost graph: `graph` is then filled with only the paths' vertices and
// hops; otherwise with the whole selected graph. The paths refer to `graph`
// (its edge descriptors point into it: it must not be copied or moved while
// they are used). No paths when either organisation has no relation in the
// selection.
using PathQuery = std::function<std::vector<Path>(PathFinder& finder, Vertex from, Vertex to)>;
std::vector<Path> select_paths(const Store& store, const Selection& selection, std::int64_t from, std::int64_t to,
                               bool weighted, const PathQuery& query, AllianceGraph& graph);

// Whether `status` passes the selection's --status and --min-status (which
// never keeps ended).
bool status_passes(const Selection& selection, Status status);

// ---------------------------------------------------------------------------
// The evidence of paths (path_evidence.cpp)

using HopEvidence = std::unordered_map<std::int64_t, std::vector<EvidenceRow>>;  // relation id -> sentences

// The evidence of every hop on `paths` that passes `selection`. `rows` are
// the relations `ag` was built from: a roll-up (selection.group) merges
// relations, so its rows must carry their evidence (select_relations(...,
// true)); otherwise only the hops' relations are read, not the whole graph's
// evidence.
HopEvidence evidence_of_hops(const Store& store, const Selection& selection, const std::vector<RelationRow>& rows,
                             const AllianceGraph& ag, const std::vector<Path>& paths);

// The sentence to show for a hop: one stating the relation's current
// `status`, then the latest, then the most confident; nullptr when none.
const EvidenceRow* hop_evidence(Status status, const std::vector<EvidenceRow>& evidence);

}  // namespace aikg
