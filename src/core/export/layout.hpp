// A force-directed layout computed before the page opens, for graphs too big
// for the browser's own: Cytoscape.js's CoSE is O(n^2) per iteration and
// needed a minute for 2,000 nodes (docs/benchmarks.md), Boost's
// Fruchterman-Reingold with grid-based repulsion about O(V + E) per
// iteration. Private to aikg_core.
#pragma once

#include <cstddef>
#include <vector>

#include "aikg/graph.hpp"

namespace aikg::detail {

struct Position {
  double x = 0, y = 0;
};

// Positions of `vertices` (in that order) laid out by the `edges` among them,
// which must join only those vertices. Deterministic.
std::vector<Position> force_layout(const Graph& graph, const std::vector<Vertex>& vertices, const std::vector<Edge>& edges,
                                   std::size_t iterations = 100);

}  // namespace aikg::detail
