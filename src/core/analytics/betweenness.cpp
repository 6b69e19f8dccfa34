// Betweenness centrality: Brandes' accumulation, sources split over threads.
#include <algorithm>

#include "aikg/analytics.hpp"
#include "analytics/detail.hpp"

namespace aikg {
namespace {

// One thread's work arrays and its share of the scores. A vertex's distance,
// path count and dependency sit together: a neighbour costs one cache miss,
// not three, once the graph outgrows the cache. Only the vertices a search
// reached are reset after it, so small components cost little.
struct Brandes {
  struct Slot {
    std::int32_t dist = -1;
    double sigma = 0;  // shortest-path counts overflow 64-bit integers on large graphs
    double delta = 0;
  };
  explicit Brandes(std::size_t n) : at(n), score(n, 0) {}
  std::vector<Slot> at;
  std::vector<double> score;
  std::vector<VertexId> order;

  void from(const Csr& g, VertexId s);
};

void Brandes::from(const Csr& g, VertexId s) {
  order.assign(1, s);
  at[s].dist = 0, at[s].sigma = 1;
  for (std::size_t head = 0; head < order.size(); ++head) {
    const auto v = order[head];
    const auto next = at[v].dist + 1;
    const auto sigma = at[v].sigma;
    for (const auto w : g.neighbors(v)) {
      auto& x = at[w];
      if (x.dist < 0) x.dist = next, order.push_back(w);
      if (x.dist == next) x.sigma += sigma;
    }
  }
  // Dependencies in order of decreasing distance; predecessors are found by
  // rescanning the row (distance one less) instead of being stored.
  for (auto i = order.size(); i-- > 1;) {
    const auto w = order[i];
    const auto previous = at[w].dist - 1;
    const double coefficient = (1.0 + at[w].delta) / at[w].sigma;
    for (const auto v : g.neighbors(w))
      if (at[v].dist == previous) at[v].delta += at[v].sigma * coefficient;
    score[w] += at[w].delta;
  }
  for (const auto v : order) at[v] = Slot{};
}

}  // namespace

std::vector<double> betweenness(const Csr& g, const CentralityOptions& options) {
  const auto n = g.num_vertices();
  std::vector<double> out(n, 0.0);
  if (n <= 2) return out;
  const auto sources = detail::pick_sources(n, options.samples, options.seed);
  auto states = detail::run_split<Brandes>(
      sources, options.threads, [n] { return Brandes(n); }, [&](Brandes& b, VertexId s) { b.from(g, s); });
  for (const auto& st : states)
    for (std::size_t v = 0; v < n; ++v) out[v] += st.score[v];
  // Each pair was counted from both ends; NetworkX's normalisation
  // 1 / ((n-1)(n-2)) absorbs that factor 2. Sampling scales by n / k.
  const auto nd = static_cast<double>(n);
  const double scale = 1.0 / ((nd - 1) * (nd - 2)) * nd / static_cast<double>(sources.size());
  for (auto& x : out) x *= scale;
  return out;
}

}  // namespace aikg
