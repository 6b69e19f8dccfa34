// Triangles by the forward algorithm.
#include <algorithm>
#include <numeric>

#include "aikg/analytics.hpp"

namespace aikg {
namespace {

// Calls visit(a, b, c) once per triangle. Vertices are ranked by (degree,
// id) and each edge points to its higher-ranked end, so a hub's long list is
// only ever intersected from its few higher-ranked partners: this is what
// brings the cost from O(sum of degree^2) down to O(E^1.5).
template <class Visit>
void for_each_triangle(const Csr& g, Visit visit) {
  const auto n = static_cast<VertexId>(g.num_vertices());
  std::vector<VertexId> by_rank(n), rank(n);
  std::iota(by_rank.begin(), by_rank.end(), 0u);
  std::sort(by_rank.begin(), by_rank.end(), [&](VertexId a, VertexId b) {
    return g.degree(a) != g.degree(b) ? g.degree(a) < g.degree(b) : a < b;
  });
  for (VertexId r = 0; r < n; ++r) rank[by_rank[r]] = r;
  // Forward lists in rank space, each sorted.
  std::vector<std::uint32_t> offsets(n + 1, 0), forward;
  forward.reserve(g.num_edges());
  for (VertexId r = 0; r < n; ++r) {
    const auto begin = forward.size();
    for (const auto w : g.neighbors(by_rank[r]))
      if (rank[w] > r) forward.push_back(rank[w]);
    std::sort(forward.begin() + static_cast<std::ptrdiff_t>(begin), forward.end());
    offsets[r + 1] = static_cast<std::uint32_t>(forward.size());
  }
  for (VertexId r = 0; r < n; ++r) {
    for (auto i = offsets[r]; i < offsets[r + 1]; ++i) {
      const auto s = forward[i];
      // Common forward partners of r and s; those of r after s suffice.
      auto a = i + 1, b = offsets[s];
      while (a < offsets[r + 1] && b < offsets[s + 1]) {
        if (forward[a] < forward[b]) ++a;
        else if (forward[b] < forward[a]) ++b;
        else visit(by_rank[r], by_rank[s], by_rank[forward[a]]), ++a, ++b;
      }
    }
  }
}

}  // namespace

std::vector<std::array<VertexId, 3>> triangles(const Csr& g) {
  std::vector<std::array<VertexId, 3>> out;
  for_each_triangle(g, [&](VertexId a, VertexId b, VertexId c) {
    std::array<VertexId, 3> t{a, b, c};
    std::sort(t.begin(), t.end());
    out.push_back(t);
  });
  std::sort(out.begin(), out.end());
  return out;
}

std::uint64_t count_triangles(const Csr& g) {
  std::uint64_t count = 0;
  for_each_triangle(g, [&](VertexId, VertexId, VertexId) { ++count; });
  return count;
}

}  // namespace aikg
