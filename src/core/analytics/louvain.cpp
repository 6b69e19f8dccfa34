// Communities by the Louvain method, and modularity.
//
// Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast unfolding of
// communities in large networks", J. Stat. Mech. P10008. Each level has two
// phases: (1) visit the vertices in turn and move each to the neighbouring
// community with the largest modularity gain, until a pass gains (almost)
// nothing; (2) merge each community into one vertex, internal edges becoming
// a self-loop, and start again on that graph. The gain of moving an isolated
// vertex i into community C is, up to the constant factor 1/m,
//     k_i,in(C) - resolution * tot(C) * k_i / 2m            (paper, eq. 2)
// where k_i,in(C) is the weight of i's edges into C, tot(C) the total degree
// of C and k_i the degree of i; so i is first taken out of its community and
// then put where this is largest (staying put on ties). Phase 1 visits each
// vertex once in a random order, then only vertices near a move (see
// LocalMoving::run).
#include <algorithm>
#include <numeric>
#include <random>

#include "aikg/analytics.hpp"
#include "analytics/detail.hpp"

namespace aikg {
namespace {

// A weighted graph of one level. Self-loops are kept apart: `loop` holds
// twice the weight of the edges merged inside a vertex, so that a vertex's
// degree (row weight + loop) equals the total degree of what it merged.
struct Level {
  std::vector<std::uint32_t> offsets{0}, adj;
  std::vector<double> weight, loop, degree;
  std::size_t size() const { return offsets.size() - 1; }
};

Level first_level(const Csr& g) {
  Level l;
  l.offsets = g.offsets, l.adj = g.adj;
  l.weight.assign(g.adj.size(), 1.0);
  l.loop.assign(g.num_vertices(), 0.0);
  l.degree.resize(g.num_vertices());
  for (VertexId v = 0; v < g.num_vertices(); ++v) l.degree[v] = static_cast<double>(g.degree(v));
  return l;
}

// Sums of weights per neighbouring community, reset after each use.
struct Tally {
  explicit Tally(std::size_t n) : sum(n, 0.0), seen(n, 0) {}
  std::vector<double> sum;
  std::vector<char> seen;
  std::vector<std::uint32_t> touched;
  void add(std::uint32_t c, double w) {
    if (!seen[c]) seen[c] = 1, touched.push_back(c);
    sum[c] += w;
  }
  void clear() {
    for (const auto c : touched) sum[c] = 0, seen[c] = 0;
    touched.clear();
  }
};

class LocalMoving {
 public:
  LocalMoving(const Level& l, double resolution) : l_(l), resolution_(resolution), tally_(l.size()) {
    community.resize(l.size());
    std::iota(community.begin(), community.end(), 0u);
    tot_ = l.degree;
    two_m_ = std::accumulate(l.degree.begin(), l.degree.end(), 0.0);
  }
  // Visits the vertices in `order`, then again every vertex a neighbour of
  // which left or joined its community, until no vertex wants to move;
  // returns whether any vertex moved.
  bool run(const std::vector<std::uint32_t>& order);
  std::vector<std::uint32_t> community;

 private:
  bool move(std::uint32_t i);  // whether i changed community

  const Level& l_;
  double resolution_, two_m_;
  std::vector<double> tot_;
  Tally tally_;
};

bool LocalMoving::move(std::uint32_t i) {
  const auto home = community[i];
  const double k = l_.degree[i];
  for (auto s = l_.offsets[i]; s < l_.offsets[i + 1]; ++s) tally_.add(community[l_.adj[s]], l_.weight[s]);
  tot_[home] -= k;
  const double share = resolution_ * k / two_m_;
  auto gain = [&](std::uint32_t c) { return tally_.sum[c] - tot_[c] * share; };
  auto best = home;
  double best_gain = gain(home);
  for (const auto c : tally_.touched) {
    const double g = gain(c);
    // The margin keeps rounding noise from moving vertices back and forth.
    if (g > best_gain + 1e-12 * two_m_) best = c, best_gain = g;
  }
  tot_[best] += k;
  community[i] = best;
  tally_.clear();
  return best != home;
}

// The queue of vertices to visit (Ozaki, Tezuka & Inaba 2016, "A simple
// acceleration method for the Louvain algorithm"; the local moving of
// Traag, Waltman & van Eck 2019, "From Louvain to Leiden"): after the first
// pass only the neighbourhoods of moves are visited again, instead of every
// vertex in every pass while a few hundred still move. It ends where passes
// end, with no vertex that gains by moving.
bool LocalMoving::run(const std::vector<std::uint32_t>& order) {
  if (two_m_ == 0) return false;
  std::vector<std::uint32_t> queue(order.begin(), order.end());
  std::vector<char> queued(l_.size(), 1);
  bool moved = false;
  // The cap only guards against pathological inputs: every move gains at
  // least the margin, so the queue empties long before.
  const std::size_t cap = 1000 * queue.size() + 1;
  for (std::size_t head = 0, visits = 0; head < queue.size() && visits < cap; ++head, ++visits) {
    const auto i = queue[head];
    queued[i] = 0;
    if (!move(i)) continue;
    moved = true;
    for (auto s = l_.offsets[i]; s < l_.offsets[i + 1]; ++s) {
      const auto j = l_.adj[s];
      if (!queued[j] && community[j] != community[i]) queued[j] = 1, queue.push_back(j);
    }
    // Keep the queue's memory bounded by the vertices in it.
    if (head > l_.size() && head * 2 > queue.size()) {
      queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(head + 1));
      head = static_cast<std::size_t>(-1);
    }
  }
  return moved;
}

// Renumbers communities 0..k-1 in order of their smallest vertex; returns k.
std::size_t renumber(std::vector<std::uint32_t>& community) {
  std::vector<std::uint32_t> id(community.size(), ~0u);
  std::uint32_t next = 0;
  for (auto& c : community) {
    if (id[c] == ~0u) id[c] = next++;
    c = id[c];
  }
  return next;
}

// Phase 2: one vertex per community.
Level aggregate(const Level& l, const std::vector<std::uint32_t>& community, std::size_t k) {
  std::vector<std::vector<std::uint32_t>> members(k);
  for (std::uint32_t v = 0; v < l.size(); ++v) members[community[v]].push_back(v);
  Level next;
  next.loop.assign(k, 0.0);
  next.degree.assign(k, 0.0);
  Tally tally(k);
  for (std::uint32_t c = 0; c < k; ++c) {
    for (const auto v : members[c]) {
      next.loop[c] += l.loop[v];
      next.degree[c] += l.degree[v];
      for (auto s = l.offsets[v]; s < l.offsets[v + 1]; ++s) {
        const auto d = community[l.adj[s]];
        if (d == c) next.loop[c] += l.weight[s];  // seen from both ends: twice the edge, as `loop` wants
        else tally.add(d, l.weight[s]);
      }
    }
    std::sort(tally.touched.begin(), tally.touched.end());
    for (const auto d : tally.touched) next.adj.push_back(d), next.weight.push_back(tally.sum[d]);
    next.offsets.push_back(static_cast<std::uint32_t>(next.adj.size()));
    tally.clear();
  }
  return next;
}

std::vector<std::uint32_t> shuffled(std::size_t n, std::mt19937_64& rng) {
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[static_cast<std::size_t>(rng() % i)]);
  return order;
}

}  // namespace

Communities louvain(const Csr& g, const LouvainOptions& options) {
  std::mt19937_64 rng(options.seed);
  std::vector<std::uint32_t> membership(g.num_vertices());
  std::iota(membership.begin(), membership.end(), 0u);
  Communities out;
  Level level = first_level(g);
  while (true) {
    LocalMoving moving(level, options.resolution);
    if (!moving.run(shuffled(level.size(), rng))) break;
    const auto k = renumber(moving.community);
    for (auto& m : membership) m = moving.community[m];
    ++out.levels;
    if (k == level.size()) break;
    level = aggregate(level, moving.community, k);
  }
  out.of = membership;
  out.members = detail::group_by_label(out.of, g.num_vertices());
  out.modularity = modularity(g, out.of, options.resolution);
  return out;
}

double modularity(const Csr& g, const std::vector<std::uint32_t>& community_of, double resolution) {
  const double two_m = static_cast<double>(g.adj.size());
  if (two_m == 0) return 0;
  const auto k = community_of.empty() ? 0 : *std::max_element(community_of.begin(), community_of.end()) + 1;
  std::vector<double> inside(k, 0.0), total(k, 0.0);
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    total[community_of[v]] += static_cast<double>(g.degree(v));
    for (const auto w : g.neighbors(v))
      if (community_of[w] == community_of[v]) inside[community_of[v]] += 1;  // each inside edge twice
  }
  double q = 0;
  for (std::size_t c = 0; c < k; ++c) q += inside[c] / two_m - resolution * (total[c] / two_m) * (total[c] / two_m);
  return q;
}

}  // namespace aikg
