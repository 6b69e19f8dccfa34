// The selection on the graph snapshot (snapshot_graph.cpp), for selection.cpp
// and the local queries: not part of the public interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "aikg/graph.hpp"
#include "aikg/selection.hpp"
#include "aikg/snapshot.hpp"

namespace aikg::detail {

// For a selection without roll-up: filters r's evidence (which must be read
// when the selection filters evidence rows, or `recompute`), recomputes its
// summary from what passed, and says whether r passes (select_relations'
// rule, per row).
bool keep_selected(RelationRow& r, const Selection& s, bool recompute = false);

// The selection's rule for one evidence row (--status, --min-status,
// --since, --until, --min-confidence), and whether `s` has any of those.
bool evidence_passes(const Selection& s, Status status, std::string_view date, double confidence);
bool filters_evidence(const Selection& s);

// Whether the snapshot answers `s`: anything but a roll-up by group (which
// merges relations, so the rows must carry their evidence).
bool snapshot_answers(const Selection& s);

// The snapshot as `s` sees it: when `s` filters evidence rows, each
// relation's summary recomputed from its evidence that passes (evidence
// count 0 when none does), as select_relations recomputes it. nullopt when
// the store has no snapshot (AIKG_SNAPSHOT=off, an old schema). With
// `evidence_columns` the evidence columns are read whatever `s` filters.
std::optional<GraphSnapshot> selection_snapshot(const Store& store, const Selection& s, bool evidence_columns = false);

// Relation row r of the snapshot as the graph's edge properties.
EdgeProps edge_props(const GraphSnapshot& snap, std::uint32_t r);

// The relations of selection_snapshot(store, s) that pass `s` (types, some
// evidence left, --min-evidence), in listing order.
std::vector<std::uint32_t> selected_rows(const GraphSnapshot& snap, const Selection& s);

// Vertex ids as build_graph gives them: in order of first appearance in `rows`.
struct VertexNumbering {
  std::vector<std::uint32_t> vertex_of_entity;  // npos for entities without a selected relation
  std::vector<std::uint32_t> entity_of_vertex;
};
VertexNumbering number_vertices(const GraphSnapshot& snap, const std::vector<std::uint32_t>& rows);

RelationRow relation_row(const GraphSnapshot& snap, std::uint32_t row);

// build_graph(rows as RelationRows, entities), without making either.
AllianceGraph graph_from_snapshot(const GraphSnapshot& snap, const std::vector<std::uint32_t>& rows);

}  // namespace aikg::detail
