// Closeness centrality, exact or from sampled pivots.
#include <algorithm>
#include <cmath>
#include <random>

#include "aikg/analytics.hpp"
#include "analytics/detail.hpp"

namespace aikg {
namespace {

// One thread's breadth-first searches: per vertex, the sum of distances to
// (or from: the graph is undirected) the sources, and how many reached it.
struct DistanceSums {
  explicit DistanceSums(std::size_t n) : dist(n, -1), sum(n, 0), reached(n, 0) {}
  std::vector<std::int32_t> dist;
  std::vector<double> sum;             // sampled: sum over sources of d(source, v)
  std::vector<std::uint32_t> reached;  // sampled: sources (other than v) that reached v
  std::vector<VertexId> order;

  // Breadth-first search from s; returns the sum of distances from s.
  double from(const Csr& g, VertexId s, bool per_target);
};

double DistanceSums::from(const Csr& g, VertexId s, bool per_target) {
  order.assign(1, s);
  dist[s] = 0;
  double total = 0;
  for (std::size_t head = 0; head < order.size(); ++head) {
    const auto v = order[head];
    total += dist[v];
    if (per_target && v != s) sum[v] += dist[v], ++reached[v];
    for (const auto w : g.neighbors(v))
      if (dist[w] < 0) dist[w] = dist[v] + 1, order.push_back(w);
  }
  for (const auto v : order) dist[v] = -1;
  return total;
}

// Wasserman-Faust: (r / (n-1)) * r / total, r = other vertices reached.
double corrected(double reached, double total, double n) { return total > 0 ? (reached / (n - 1)) * reached / total : 0; }

std::vector<double> exact_closeness(const Csr& g, const CentralityOptions& options) {
  const auto n = g.num_vertices();
  std::vector<double> out(n, 0.0);
  // Each source writes only its own entry, so the threads share `out` safely.
  detail::run_split<DistanceSums>(detail::pick_sources(n, 0, 0), options.threads, [n] { return DistanceSums(n); },
                                  [&](DistanceSums& d, VertexId s) {
                                    const double total = d.from(g, s, false);
                                    out[s] = corrected(static_cast<double>(d.order.size() - 1), total,
                                                       static_cast<double>(n));
                                  });
  return out;
}

// Pivots for each component in proportion to its size, at least two (so
// every vertex has a pivot other than itself), drawn with one generator over
// the components in canonical order.
std::vector<VertexId> spread_pivots(const Components& c, std::size_t n, std::size_t k, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<VertexId> pivots;
  for (auto members : c.members) {
    const auto size = members.size();
    const auto share = static_cast<std::size_t>(std::ceil(static_cast<double>(k) * static_cast<double>(size) / static_cast<double>(n)));
    const auto want = std::min(size, std::max<std::size_t>(2, share));
    for (std::size_t i = 0; i < want; ++i) std::swap(members[i], members[i + static_cast<std::size_t>(rng() % (size - i))]);
    pivots.insert(pivots.end(), members.begin(), members.begin() + static_cast<std::ptrdiff_t>(want));
  }
  std::sort(pivots.begin(), pivots.end());
  return pivots;
}

std::vector<double> sampled_closeness(const Csr& g, const CentralityOptions& options) {
  const auto n = g.num_vertices();
  const auto components = connected_components(g);
  const auto pivots = spread_pivots(components, n, options.samples, options.seed);
  auto states = detail::run_split<DistanceSums>(pivots, options.threads, [n] { return DistanceSums(n); },
                                                [&](DistanceSums& d, VertexId s) { d.from(g, s, true); });
  std::vector<double> out(n, 0.0);
  for (VertexId v = 0; v < n; ++v) {
    double sum = 0, reached = 0;
    for (const auto& st : states) sum += st.sum[v], reached += st.reached[v];
    const auto others = static_cast<double>(components.members[components.of[v]].size() - 1);
    if (reached == 0 || sum == 0) continue;
    // The mean distance to the pivots estimates the mean to all others.
    out[v] = corrected(others, others * sum / reached, static_cast<double>(n));
  }
  return out;
}

}  // namespace

std::vector<double> closeness(const Csr& g, const CentralityOptions& options) {
  const auto n = g.num_vertices();
  if (n < 2) return std::vector<double>(n, 0.0);
  if (options.samples == 0 || options.samples >= n) return exact_closeness(g, options);
  return sampled_closeness(g, options);
}

}  // namespace aikg
