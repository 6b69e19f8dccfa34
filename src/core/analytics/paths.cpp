// Shortest, all shortest and k shortest paths on the simple view.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <stdexcept>

#include "aikg/graph.hpp"

namespace aikg {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Path lengths are sums of doubles: the same costs added in another order can
// differ in the last bits, and such paths are still equally short.
bool same_length(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a)); }

}  // namespace

PathFinder::PathFinder(const Csr& csr, bool weighted) : csr_(csr), weighted_(weighted) {
  if (weighted && csr.cost.size() != csr.adj.size())
    throw std::invalid_argument("weighted paths need the costs of make_csr(graph, true)");
  const auto n = csr.num_vertices();
  for (int side = 0; side < 2; ++side) {
    stamp_[side].assign(n, 0);
    parent_[side].assign(n, kNone);
    depth_[side].assign(n, 0);
  }
  dist_.assign(n, kInf);
  banned_.assign(n, 0);
}

void PathFinder::next_query() {
  if (++query_ != 0) return;
  // The stamp wrapped around after 2^32 queries: old stamps would look fresh.
  for (auto& s : stamp_) std::fill(s.begin(), s.end(), 0);
  query_ = 1;
}

std::vector<std::uint32_t> PathFinder::trace(int side, std::uint32_t v) const {
  std::vector<std::uint32_t> out;
  for (; v != kNone; v = parent_[side][v]) out.push_back(v);
  return out;
}

Path PathFinder::make_path(const std::vector<std::uint32_t>& vertices) const {
  Path p;
  p.vertices.assign(vertices.begin(), vertices.end());
  for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
    const auto slot = csr_.slot(vertices[i], vertices[i + 1]);
    if (!csr_.edge.empty()) p.hops.push_back(csr_.edge[slot]);
    p.length += length(slot);
  }
  return p;
}

std::optional<std::vector<std::uint32_t>> PathFinder::dijkstra(std::uint32_t from, std::uint32_t to) {
  next_query();
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  auto reach = [&](std::uint32_t v, double d, std::uint32_t parent) {
    stamp_[0][v] = query_, dist_[v] = d, parent_[0][v] = parent;
    heap.emplace(d, v);
  };
  auto allowed = [&](std::uint32_t u, std::uint32_t w) {
    if (!banning_) return true;
    if (banned_[w] == ban_) return false;
    return u != from || std::find(banned_next_.begin(), banned_next_.end(), w) == banned_next_.end();
  };
  reach(from, 0, kNone);
  while (!heap.empty()) {
    const auto [d, u] = heap.top();
    heap.pop();
    if (d > dist_[u]) continue;  // a stale entry: u was reached again, shorter
    if (u == to) {
      auto path = trace(0, to);
      std::reverse(path.begin(), path.end());
      return path;
    }
    for (std::size_t slot = csr_.offsets[u]; slot < csr_.offsets[u + 1]; ++slot) {
      const auto w = csr_.adj[slot];
      if (!allowed(u, w)) continue;
      const double nd = d + length(slot);
      if (stamp_[0][w] != query_ || nd < dist_[w]) reach(w, nd, u);
    }
  }
  return std::nullopt;
}

// Grows whole levels from both ends, the smaller frontier first. The first
// level that links the two balls holds a shortest path; the best link of that
// level is taken (a link found early in the level may be one hop longer).
std::optional<std::vector<std::uint32_t>> PathFinder::bidirectional_bfs(std::uint32_t from, std::uint32_t to) {
  next_query();
  std::vector<std::uint32_t> frontier[2] = {{from}, {to}}, next;
  for (int side = 0; side < 2; ++side) {
    const auto v = frontier[side][0];
    stamp_[side][v] = query_, parent_[side][v] = kNone, depth_[side][v] = 0;
  }
  if (from == to) return std::vector<std::uint32_t>{from};
  while (!frontier[0].empty() && !frontier[1].empty()) {
    const int side = frontier[0].size() <= frontier[1].size() ? 0 : 1, other = 1 - side;
    std::uint32_t best = kNone, best_u = kNone, best_w = kNone;
    next.clear();
    for (const auto u : frontier[side]) {
      for (const auto w : csr_.neighbors(u)) {
        if (stamp_[other][w] == query_) {
          const auto len = depth_[side][u] + 1 + depth_[other][w];
          if (len < best) best = len, best_u = u, best_w = w;
          continue;
        }
        if (stamp_[side][w] == query_) continue;
        stamp_[side][w] = query_, parent_[side][w] = u, depth_[side][w] = depth_[side][u] + 1;
        next.push_back(w);
      }
    }
    if (best != kNone) {
      auto head = trace(side, best_u), tail = trace(other, best_w);
      std::reverse(head.begin(), head.end());
      head.insert(head.end(), tail.begin(), tail.end());
      if (side == 1) std::reverse(head.begin(), head.end());
      return head;
    }
    std::swap(frontier[side], next);
  }
  return std::nullopt;
}

void PathFinder::distances(std::uint32_t from, std::vector<double>& dist) {
  dist.assign(csr_.num_vertices(), kInf);
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  dist[from] = 0;
  heap.emplace(0.0, from);
  while (!heap.empty()) {
    const auto [d, u] = heap.top();
    heap.pop();
    if (d > dist[u]) continue;
    for (std::size_t slot = csr_.offsets[u]; slot < csr_.offsets[u + 1]; ++slot) {
      const auto w = csr_.adj[slot];
      if (d + length(slot) < dist[w]) dist[w] = d + length(slot), heap.emplace(dist[w], w);
    }
  }
}

std::optional<Path> PathFinder::shortest(Vertex from, Vertex to) {
  const auto s = static_cast<std::uint32_t>(from), t = static_cast<std::uint32_t>(to);
  const auto vertices = weighted_ ? dijkstra(s, t) : bidirectional_bfs(s, t);
  if (!vertices) return std::nullopt;
  return make_path(*vertices);
}

// A vertex lies on a shortest path when its distances to both ends add up to
// the shortest length; walking forward along such vertices, rows in id order,
// lists the paths in lexicographic order without ever backtracking in vain.
std::vector<Path> PathFinder::all_shortest(Vertex from, Vertex to, std::size_t limit) {
  std::vector<double> ds, dt;
  distances(static_cast<std::uint32_t>(from), ds);
  if (ds[to] == kInf || limit == 0) return {};
  distances(static_cast<std::uint32_t>(to), dt);
  const double total = ds[to];
  std::vector<Path> out;
  std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(from)};
  std::function<void()> walk = [&] {
    const auto u = stack.back();
    if (u == to) {
      out.push_back(make_path(stack));
      return;
    }
    for (std::size_t slot = csr_.offsets[u]; slot < csr_.offsets[u + 1] && out.size() < limit; ++slot) {
      const auto w = csr_.adj[slot];
      if (!same_length(ds[u] + length(slot), ds[w]) || !same_length(ds[w] + dt[w], total)) continue;
      stack.push_back(w);
      walk();
      stack.pop_back();
    }
  };
  walk();
  return out;
}

std::vector<Path> PathFinder::k_shortest(Vertex from, Vertex to, std::size_t k) {
  std::vector<Path> found;
  if (k == 0) return found;
  if (auto first = shortest(from, to)) found.push_back(std::move(*first));
  // Candidates ordered by length, then vertices, so the order is deterministic.
  std::set<std::pair<double, std::vector<std::uint32_t>>> candidates;
  auto as_ids = [](const Path& p) { return std::vector<std::uint32_t>(p.vertices.begin(), p.vertices.end()); };
  banning_ = true;
  while (!found.empty() && found.size() < k) {
    const auto previous = as_ids(found.back());
    for (std::size_t j = 0; j + 1 < previous.size(); ++j) {
      // Paths found so far that share the root previous[0..j] may not leave
      // the spur vertex previous[j] the way they did; the root may not be revisited.
      banned_next_.clear();
      for (const auto& p : found) {
        const auto ids = as_ids(p);
        if (ids.size() > j + 1 && std::equal(previous.begin(), previous.begin() + static_cast<std::ptrdiff_t>(j + 1), ids.begin()))
          banned_next_.push_back(ids[j + 1]);
      }
      if (++ban_ == 0) std::fill(banned_.begin(), banned_.end(), 0), ban_ = 1;  // wrapped around
      for (std::size_t i = 0; i < j; ++i) banned_[previous[i]] = ban_;
      const auto spur = dijkstra(previous[j], static_cast<std::uint32_t>(to));
      if (!spur) continue;
      std::vector<std::uint32_t> whole(previous.begin(), previous.begin() + static_cast<std::ptrdiff_t>(j));
      whole.insert(whole.end(), spur->begin(), spur->end());
      candidates.emplace(make_path(whole).length, std::move(whole));
    }
    if (candidates.empty()) break;
    found.push_back(make_path(candidates.begin()->second));
    candidates.erase(candidates.begin());
  }
  banning_ = false;
  return found;
}

}  // namespace aikg
