// Degree centrality and PageRank (eigenvector centrality: eigenvector.cpp).
#include <cmath>

#include "aikg/analytics.hpp"

namespace aikg {

std::vector<double> degree_centrality(const Csr& g) {
  const auto n = g.num_vertices();
  std::vector<double> out(n, 0.0);
  if (n < 2) return out;  // NetworkX gives a lone vertex 1; "no partners" reads better as 0
  for (VertexId v = 0; v < n; ++v) out[v] = static_cast<double>(g.degree(v)) / static_cast<double>(n - 1);
  return out;
}

namespace {

double l1_distance(const std::vector<double>& a, const std::vector<double>& b) {
  double d = 0;
  for (std::size_t i = 0; i < a.size(); ++i) d += std::abs(a[i] - b[i]);
  return d;
}

}  // namespace

// Pull form: each vertex sums its partners' shares, so a pass reads the CSR
// once in order and writes each score once.
PowerResult pagerank(const Csr& g, double damping, const PowerIteration& stop) {
  const auto n = static_cast<VertexId>(g.num_vertices());
  PowerResult r;
  if (n == 0) return r.converged = true, r;
  const double uniform = 1.0 / n;
  std::vector<double> rank(n, uniform), next(n), share(n);
  while (r.iterations < stop.max_iterations) {
    ++r.iterations;
    double dangling = 0;
    for (VertexId v = 0; v < n; ++v) {
      if (g.degree(v) == 0) dangling += rank[v], share[v] = 0;
      else share[v] = rank[v] / static_cast<double>(g.degree(v));
    }
    const double base = (1.0 - damping) * uniform + damping * dangling * uniform;
    for (VertexId v = 0; v < n; ++v) {
      double sum = 0;
      for (const auto u : g.neighbors(v)) sum += share[u];
      next[v] = base + damping * sum;
    }
    const double change = l1_distance(rank, next);
    rank.swap(next);
    if (change < stop.tolerance) {
      r.converged = true;
      break;
    }
  }
  r.score = std::move(rank);
  return r;
}

}  // namespace aikg
