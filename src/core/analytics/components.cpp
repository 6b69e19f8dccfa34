// Connected components, and the canonical order of a partition.
#include <algorithm>
#include <limits>

#include "aikg/analytics.hpp"
#include "analytics/detail.hpp"

namespace aikg {

namespace detail {

std::vector<std::vector<std::uint32_t>> group_by_label(std::vector<std::uint32_t>& labels, std::size_t count) {
  std::vector<std::vector<std::uint32_t>> groups(count);
  for (std::uint32_t v = 0; v < labels.size(); ++v) groups[labels[v]].push_back(v);  // sorted: v increases
  std::erase_if(groups, [](const auto& g) { return g.empty(); });
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  for (std::uint32_t i = 0; i < groups.size(); ++i)
    for (const auto v : groups[i]) labels[v] = i;
  return groups;
}

}  // namespace detail

Components connected_components(const Csr& g) {
  constexpr auto kUnset = std::numeric_limits<std::uint32_t>::max();
  const auto n = static_cast<VertexId>(g.num_vertices());
  Components out;
  out.of.assign(n, kUnset);
  std::size_t count = 0;
  std::vector<VertexId> queue;
  for (VertexId s = 0; s < n; ++s) {
    if (out.of[s] != kUnset) continue;
    const auto id = static_cast<std::uint32_t>(count++);
    queue.assign(1, s);
    out.of[s] = id;
    for (std::size_t head = 0; head < queue.size(); ++head)
      for (const auto w : g.neighbors(queue[head]))
        if (out.of[w] == kUnset) out.of[w] = id, queue.push_back(w);
  }
  out.members = detail::group_by_label(out.of, count);
  return out;
}

}  // namespace aikg
