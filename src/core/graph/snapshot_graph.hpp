// The selection on the graph snapshot (snapshot_graph.cpp), for selection.cpp
// and the local queries: not part of the public interface.
#pragma once

#include <cstdint>
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

// Whether the stored relation summaries answer `s` as they are: no roll-up
// (it merges relations) and no filter on single evidence rows (it recomputes
// the summaries from the evidence that passes).
bool snapshot_answers(const Selection& s);

// The snapshot's relations that pass `s` (types, --min-evidence), in listing order.
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
