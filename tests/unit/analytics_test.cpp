// The graph analytics on tiny graphs whose answers can be worked out by hand,
// plus cross-checks against Boost.Graph's own algorithms on random graphs.
// (tests/e2e/networkx_compare.sh compares with NetworkX on larger graphs.)
#include "aikg/analytics.hpp"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/bron_kerbosch_all_cliques.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <random>
#include <set>

using namespace aikg;
using Catch::Matchers::WithinAbs;
using Edges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
using Ids = std::vector<VertexId>;

namespace {

//   0 --- 1
//   | \ / |
//   | / \ |        K4 on {0, 1, 2, 3}
//   2 --- 3
//         |
//         4 --- 5
//          \   /
//            6     triangle {4, 5, 6}
const Edges kK4Tail{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {4, 6}, {5, 6}};

// 0 - 1 - 2 - 3 - 4
const Edges kPath5{{0, 1}, {1, 2}, {2, 3}, {3, 4}};

//      1
//      |
//  4 - 0 - 2
//      |
//      3
const Edges kStar{{0, 1}, {0, 2}, {0, 3}, {0, 4}};

// Two K5s, {0..4} and {5..9}, joined by the edge 4 - 5.
Edges barbell() {
  Edges e;
  for (std::uint32_t base : {0u, 5u})
    for (std::uint32_t i = 0; i < 5; ++i)
      for (std::uint32_t j = i + 1; j < 5; ++j) e.emplace_back(base + i, base + j);
  e.emplace_back(4, 5);
  return e;
}

Edges random_edges(std::uint32_t n, double p, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> coin(0, 1);
  Edges e;
  for (std::uint32_t i = 0; i < n; ++i)
    for (std::uint32_t j = i + 1; j < n; ++j)
      if (coin(rng) < p) e.emplace_back(i, j);
  return e;
}

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

struct CliqueCollector {
  std::set<Ids>* out;
  template <class Clique, class G>
  void clique(const Clique& c, const G&) const {
    Ids ids(c.begin(), c.end());
    std::sort(ids.begin(), ids.end());
    out->insert(ids);
  }
};

RelationRow relation(std::int64_t id, RelationType type, std::int64_t s, std::string sn, std::int64_t t, std::string tn,
                     Status status, std::int64_t evidence = 1, double confidence = 0.9) {
  RelationRow r;
  r.id = id, r.type = type, r.status = status;
  r.source_id = s, r.source_name = std::move(sn), r.target_id = t, r.target_name = std::move(tn);
  r.evidence_count = evidence, r.confidence = confidence;
  return r;
}

EvidenceRow evidence(std::string date, Status status, std::string doc, double confidence = 0.8) {
  EvidenceRow e;
  e.date = std::move(date), e.status = status, e.doc = std::move(doc), e.confidence = confidence;
  e.sentence = "sentence in " + e.doc;
  return e;
}

}  // namespace

TEST_CASE("the simple view drops loops and duplicates and sorts rows", "[analytics]") {
  const auto g = Csr::from_edges(4, {{2, 0}, {0, 2}, {1, 1}, {0, 3}, {3, 0}, {0, 1}});
  CHECK(g.num_vertices() == 4);
  CHECK(g.num_edges() == 3);
  CHECK(Ids(g.neighbors(0).begin(), g.neighbors(0).end()) == Ids{1, 2, 3});
  CHECK(g.degree(1) == 1);
  CHECK(g.slot(0, 3) != Csr::npos);
  CHECK(g.slot(1, 2) == Csr::npos);
}

TEST_CASE("the simple view of the alliance graph keeps the cheapest of parallel relations", "[analytics]") {
  // Samsung and OpenAI: a rumoured investment and a signed LOI seen in four sentences.
  const std::vector<RelationRow> rows{
      relation(1, RelationType::investment, 10, "Samsung", 20, "OpenAI", Status::speculated),
      relation(2, RelationType::loi, 10, "Samsung", 20, "OpenAI", Status::done, 4),
      relation(3, RelationType::meeting, 10, "Samsung", 10, "Samsung", Status::done)};
  const auto ag = build_graph(rows, {});
  const auto csr = make_csr(ag, true);
  REQUIRE(csr.num_edges() == 1);
  const auto s = *ag.find(10), t = *ag.find(20);
  const auto slot = csr.slot(static_cast<VertexId>(s), static_cast<VertexId>(t));
  REQUIRE(slot != Csr::npos);
  CHECK(ag.graph[csr.edge[slot]].relation_id == 2);
  CHECK_THAT(csr.cost[slot], WithinAbs(1.1 / 3.0, 1e-12));  // done, confidence 0.9, 1 + log2(4) = 3
}

TEST_CASE("connected components, largest first", "[analytics]") {
  // 0 - 1 - 2    3 - 4    5
  const auto c = connected_components(Csr::from_edges(6, {{0, 1}, {1, 2}, {3, 4}}));
  CHECK(c.members == std::vector<Ids>{{0, 1, 2}, {3, 4}, {5}});
  CHECK(c.of == std::vector<std::uint32_t>{0, 0, 0, 1, 1, 2});
}

TEST_CASE("triangles and maximal cliques of a K4 with a triangle on a tail", "[analytics]") {
  const auto g = Csr::from_edges(7, kK4Tail);
  CHECK(count_triangles(g) == 5);
  CHECK(triangles(g) == std::vector<std::array<VertexId, 3>>{{0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}, {4, 5, 6}});
  CHECK(degeneracy_order(g).degeneracy == 3);
  CHECK(maximal_cliques(g) == std::vector<Ids>{{0, 1, 2, 3}, {4, 5, 6}, {3, 4}});
  CHECK(maximal_cliques(g, 3) == std::vector<Ids>{{0, 1, 2, 3}, {4, 5, 6}});
  CHECK(maximal_cliques(g, 5).empty());
}

TEST_CASE("an isolated vertex is a clique of one", "[analytics]") {
  CHECK(maximal_cliques(Csr::from_edges(3, {{0, 1}})) == std::vector<Ids>{{0, 1}, {2}});
}

TEST_CASE("maximal cliques agree with Boost's Bron-Kerbosch on random graphs", "[analytics]") {
  for (std::uint64_t seed : {1, 2, 3}) {
    const auto edges = random_edges(70, 0.25, seed);
    BoostGraph bg(70);
    for (const auto& [u, v] : edges) boost::add_edge(u, v, bg);
    std::set<Ids> expected;
    boost::bron_kerbosch_all_cliques(bg, CliqueCollector{&expected}, 1);
    const auto found = maximal_cliques(Csr::from_edges(70, edges));
    CHECK(std::set<Ids>(found.begin(), found.end()) == expected);
    CHECK(found.size() == expected.size());
  }
}

TEST_CASE("degree centrality is partners over n - 1", "[analytics]") {
  CHECK(degree_centrality(Csr::from_edges(5, kStar)) == std::vector<double>{1.0, 0.25, 0.25, 0.25, 0.25});
}

TEST_CASE("betweenness on a path and a star", "[analytics]") {
  // Pairs through 1 on the path: (0,2) (0,3) (0,4); through 2: four pairs; of C(4,2) = 6.
  const auto path = betweenness(Csr::from_edges(5, kPath5));
  const std::vector<double> expected{0, 3.0 / 6, 4.0 / 6, 3.0 / 6, 0};
  for (std::size_t i = 0; i < 5; ++i) CHECK_THAT(path[i], WithinAbs(expected[i], 1e-12));
  const auto star = betweenness(Csr::from_edges(5, kStar));
  CHECK_THAT(star[0], WithinAbs(1.0, 1e-12));
  CHECK_THAT(star[1], WithinAbs(0.0, 1e-12));
}

TEST_CASE("betweenness agrees with Boost's Brandes and does not depend on threads", "[analytics]") {
  const std::uint32_t n = 120;
  const auto edges = random_edges(n, 0.04, 7);
  BoostGraph bg(n);
  for (const auto& [u, v] : edges) boost::add_edge(u, v, bg);
  std::vector<double> raw(n);
  boost::brandes_betweenness_centrality(
      bg, boost::centrality_map(boost::make_iterator_property_map(raw.begin(), boost::get(boost::vertex_index, bg))));
  const auto g = Csr::from_edges(n, edges);
  const auto one = betweenness(g, {0, 42, 1});
  const auto two = betweenness(g, {0, 42, 2});
  const double pairs = (n - 1.0) * (n - 2.0) / 2.0;
  for (std::uint32_t v = 0; v < n; ++v) {
    CHECK_THAT(one[v] * pairs, WithinAbs(raw[v], 1e-6 * std::max(1.0, raw[v])));  // Boost counts each pair once here
    CHECK_THAT(two[v], WithinAbs(one[v], 1e-12));
  }
  // Sampling every vertex is the exact computation; fewer is an estimate with the same scale.
  const auto all = betweenness(g, {n, 42, 2});
  for (std::uint32_t v = 0; v < n; ++v) CHECK_THAT(all[v], WithinAbs(one[v], 1e-12));
  const auto some = betweenness(g, {40, 42, 2});
  CHECK(some == betweenness(g, {40, 42, 2}));
  CHECK_THAT(std::accumulate(some.begin(), some.end(), 0.0),
             WithinAbs(std::accumulate(one.begin(), one.end(), 0.0), 0.25 * std::accumulate(one.begin(), one.end(), 0.0)));
}

TEST_CASE("closeness with the correction for disconnected graphs", "[analytics]") {
  const auto path = closeness(Csr::from_edges(5, kPath5));
  CHECK_THAT(path[0], WithinAbs(4.0 / 10, 1e-12));  // distances 1 + 2 + 3 + 4
  CHECK_THAT(path[2], WithinAbs(4.0 / 6, 1e-12));   // 2 + 1 + 1 + 2
  // 0 - 1    2 - 3 - 4: vertex 3 reaches 2 of the 4 others, at mean distance 1.
  const auto split = closeness(Csr::from_edges(5, {{0, 1}, {2, 3}, {3, 4}}));
  CHECK_THAT(split[0], WithinAbs(0.25, 1e-12));
  CHECK_THAT(split[3], WithinAbs(0.5, 1e-12));
}

TEST_CASE("sampled closeness is exact where every distance is the same", "[analytics]") {
  Edges k6;
  for (std::uint32_t i = 0; i < 6; ++i)
    for (std::uint32_t j = i + 1; j < 6; ++j) k6.emplace_back(i, j);
  for (const auto x : closeness(Csr::from_edges(6, k6), {2, 42, 2})) CHECK_THAT(x, WithinAbs(1.0, 1e-12));
}

TEST_CASE("PageRank of a star and a cycle", "[analytics]") {
  // Centre c and leaves l: c = 0.15/5 + 0.85 * 4l, l = 0.15/5 + 0.85 * c/4.
  const auto star = pagerank(Csr::from_edges(5, kStar));
  CHECK(star.converged);
  CHECK_THAT(star.score[0], WithinAbs(0.132 / 0.2775, 1e-9));
  CHECK_THAT(star.score[1], WithinAbs(0.03 + 0.2125 * 0.132 / 0.2775, 1e-9));
  const auto cycle = pagerank(Csr::from_edges(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}}));
  for (const auto x : cycle.score) CHECK_THAT(x, WithinAbs(0.25, 1e-12));
}

TEST_CASE("eigenvector centrality of a star", "[analytics]") {
  // Leading eigenvalue 2: the centre is twice each leaf, unit norm.
  const auto r = eigenvector_centrality(Csr::from_edges(5, kStar));
  CHECK(r.converged);
  CHECK_THAT(r.score[0], WithinAbs(1 / std::sqrt(2.0), 1e-8));
  CHECK_THAT(r.score[3], WithinAbs(1 / (2 * std::sqrt(2.0)), 1e-8));
}

// A scale-free graph with triangles, like the benchmark's (Holme-Kim:
// preferential attachment, then a triangle step with probability 0.3).
Csr holme_kim(std::uint32_t n, std::uint32_t m, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  Edges edges;
  std::vector<std::uint32_t> ends;  // each vertex once per edge end: preferential draws
  for (std::uint32_t v = m; v < n; ++v) {
    std::set<std::uint32_t> chosen;
    while (chosen.size() < m) {
      const auto u = ends.empty() ? static_cast<std::uint32_t>(chosen.size()) : ends[rng() % ends.size()];
      if (u == v || !chosen.insert(u).second) continue;
      if (rng() % 10 < 3 && !ends.empty()) chosen.insert(ends[rng() % ends.size()] % v);
    }
    for (const auto u : chosen) edges.emplace_back(u, v), ends.push_back(u), ends.push_back(v);
  }
  return Csr::from_edges(n, edges);
}

// Plain power iteration on A + I: the reference the accelerated one must meet.
std::vector<double> power_iteration(const Csr& g) {
  const auto n = g.num_vertices();
  std::vector<double> x(n, 1 / std::sqrt(static_cast<double>(n))), next(n);
  for (int it = 0; it < 100000; ++it) {
    double norm = 0, change = 0;
    for (VertexId v = 0; v < n; ++v) {
      next[v] = x[v];
      for (const auto u : g.neighbors(v)) next[v] += x[u];
      norm += next[v] * next[v];
    }
    for (VertexId v = 0; v < n; ++v) next[v] /= std::sqrt(norm), change += std::abs(next[v] - x[v]);
    x.swap(next);
    if (change < 1e-13) break;
  }
  return x;
}

TEST_CASE("eigenvector centrality of a path: sines", "[analytics]") {
  // The leading eigenvector of the path on n vertices is sin(pi (i+1) / (n+1)).
  const std::uint32_t n = 9;
  Edges path;
  for (std::uint32_t i = 0; i + 1 < n; ++i) path.emplace_back(i, i + 1);
  const auto r = eigenvector_centrality(Csr::from_edges(n, path));
  CHECK(r.converged);
  double norm = 0;
  for (std::uint32_t i = 0; i < n; ++i) norm += std::pow(std::sin(M_PI * (i + 1) / (n + 1)), 2);
  for (std::uint32_t i = 0; i < n; ++i)
    CHECK_THAT(r.score[i], WithinAbs(std::sin(M_PI * (i + 1) / (n + 1)) / std::sqrt(norm), 1e-9));
}

TEST_CASE("eigenvector centrality meets plain power iteration on a scale-free graph", "[analytics]") {
  const auto g = holme_kim(3000, 3, 5);
  const auto r = eigenvector_centrality(g);
  CHECK(r.converged);
  const auto want = power_iteration(g);
  double worst = 0;
  for (VertexId v = 0; v < g.num_vertices(); ++v) worst = std::max(worst, std::abs(r.score[v] - want[v]));
  CHECK(worst < 1e-10);
  // The stop test is a power step: one more changes the result by less than the tolerance.
  double norm = 0, change = 0;
  std::vector<double> next(g.num_vertices());
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    next[v] = r.score[v];
    for (const auto u : g.neighbors(v)) next[v] += r.score[u];
    norm += next[v] * next[v];
  }
  for (VertexId v = 0; v < g.num_vertices(); ++v) change += std::abs(next[v] / std::sqrt(norm) - r.score[v]);
  CHECK(change < PowerIteration{}.tolerance);
  CHECK(eigenvector_centrality(g).score == r.score);  // deterministic
}

TEST_CASE("eigenvector centrality: disconnected graphs and the iteration cap", "[analytics]") {
  // K4 (eigenvalue 3) beside a path of three (sqrt 2): the weight goes to K4.
  const auto g = Csr::from_edges(7, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {4, 5}, {5, 6}});
  const auto r = eigenvector_centrality(g);
  CHECK(r.converged);
  for (std::uint32_t v = 0; v < 4; ++v) CHECK_THAT(r.score[v], WithinAbs(0.5, 1e-9));
  for (std::uint32_t v = 4; v < 7; ++v) CHECK_THAT(r.score[v], WithinAbs(0.0, 1e-6));
  const auto capped = eigenvector_centrality(holme_kim(3000, 3, 5), {1e-10, 5});
  CHECK_FALSE(capped.converged);
  CHECK(capped.iterations == 5);
  const auto lone = eigenvector_centrality(Csr::from_edges(3, {}));
  CHECK(lone.converged);
  for (const auto x : lone.score) CHECK_THAT(x, WithinAbs(1 / std::sqrt(3.0), 1e-12));
}

TEST_CASE("Louvain finds planted groups", "[analytics]") {
  // Four groups of 30: each inside pair linked with probability 0.4, each
  // pair across with 0.01. The groups are the partition of best modularity.
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> coin(0, 1);
  Edges edges;
  for (std::uint32_t a = 0; a < 120; ++a)
    for (std::uint32_t b = a + 1; b < 120; ++b)
      if (coin(rng) < (a / 30 == b / 30 ? 0.4 : 0.01)) edges.emplace_back(a, b);
  const auto g = Csr::from_edges(120, edges);
  const auto c = louvain(g);
  REQUIRE(c.members.size() == 4);
  for (const auto& group : c.members) {
    REQUIRE(group.size() == 30);
    CHECK(group.back() - group.front() == 29);
    CHECK(group.front() % 30 == 0);
  }
  CHECK_THAT(c.modularity, WithinAbs(modularity(g, c.of), 1e-12));
  CHECK(louvain(g).of == c.of);  // deterministic
}

TEST_CASE("Louvain splits a barbell into its two cliques", "[analytics]") {
  const auto g = Csr::from_edges(10, barbell());
  const auto c = louvain(g);
  CHECK(c.members == std::vector<Ids>{{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}});
  // m = 21; each side has 10 edges inside and degree sum 21: 2 (10/21 - 1/4).
  CHECK_THAT(c.modularity, WithinAbs(2 * (10.0 / 21 - 0.25), 1e-12));
  CHECK(louvain(g, {1.0, 7}).members == c.members);
}

TEST_CASE("modularity of trivial partitions", "[analytics]") {
  const auto g = Csr::from_edges(10, barbell());
  CHECK_THAT(modularity(g, std::vector<std::uint32_t>(10, 0)), WithinAbs(0.0, 1e-12));
  std::vector<std::uint32_t> alone(10);
  std::iota(alone.begin(), alone.end(), 0u);
  double expected = 0;
  for (VertexId v = 0; v < 10; ++v) expected -= std::pow(static_cast<double>(g.degree(v)) / 42, 2);
  CHECK_THAT(modularity(g, alone), WithinAbs(expected, 1e-12));
  CHECK(modularity(Csr::from_edges(3, {}), {0, 1, 2}) == 0);
}

TEST_CASE("shortest, all shortest and k shortest paths count hops", "[analytics]") {
  //   0 --- 1 --- 2
  //   |           |  \ (2 - 5)
  //   3 --------- 4 - 5
  const auto g = Csr::from_edges(6, {{0, 1}, {1, 2}, {0, 3}, {3, 4}, {2, 4}, {2, 5}, {4, 5}});
  PathFinder finder(g);
  const auto p = finder.shortest(0, 5);
  REQUIRE(p);
  CHECK(p->length == 3);
  CHECK(p->vertices.size() == 4);
  const auto all = finder.all_shortest(0, 5, 10);
  REQUIRE(all.size() == 2);
  CHECK(all[0].vertices == std::vector<Vertex>{0, 1, 2, 5});
  CHECK(all[1].vertices == std::vector<Vertex>{0, 3, 4, 5});
  CHECK(finder.all_shortest(0, 5, 1).size() == 1);
  const auto k = finder.k_shortest(0, 5, 4);
  REQUIRE(k.size() == 4);
  CHECK(k[0].length == 3);
  CHECK(k[1].length == 3);
  CHECK(k[2].vertices == std::vector<Vertex>{0, 1, 2, 4, 5});
  CHECK(k[3].vertices == std::vector<Vertex>{0, 3, 4, 2, 5});
  CHECK(finder.k_shortest(0, 5, 100).size() == 4);  // every loopless path
  CHECK(finder.shortest(3, 3)->vertices == std::vector<Vertex>{3});
  // The finder resets between queries: the same answers again.
  CHECK(finder.shortest(0, 5)->length == 3);
}

TEST_CASE("no path between components", "[analytics]") {
  const auto g = Csr::from_edges(4, {{0, 1}, {2, 3}});
  PathFinder finder(g);
  CHECK_FALSE(finder.shortest(0, 3));
  CHECK(finder.all_shortest(0, 3, 5).empty());
  CHECK(finder.k_shortest(0, 3, 5).empty());
}

TEST_CASE("weighted paths prefer signed, well-evidenced deals", "[analytics]") {
  //  A --(done)-- B --(speculated)-- C        two hops, one a rumour
  //  A --(done)-- D --(done)-- E --(done)-- C three hops, all signed
  const std::vector<RelationRow> rows{
      relation(1, RelationType::mou, 1, "A", 2, "B", Status::done),
      relation(2, RelationType::supply, 2, "B", 3, "C", Status::speculated),
      relation(3, RelationType::contract, 1, "A", 4, "D", Status::done),
      relation(4, RelationType::contract, 4, "D", 5, "E", Status::done),
      relation(5, RelationType::contract, 5, "E", 3, "C", Status::done)};
  const auto ag = build_graph(rows, {});
  const auto csr = make_csr(ag, true);
  const auto a = *ag.find(1), c = *ag.find(3);
  const auto hops = PathFinder(csr).shortest(a, c);
  REQUIRE(hops);
  CHECK(hops->hops.size() == 2);
  const auto weighted = PathFinder(csr, true).shortest(a, c);
  REQUIRE(weighted);
  REQUIRE(weighted->hops.size() == 3);
  CHECK(ag.graph[weighted->hops[0]].relation_id == 3);
  CHECK_THAT(weighted->length, WithinAbs(3 * 1.1, 1e-12));
  CHECK(PathFinder(csr, true).k_shortest(a, c, 2)[1].hops.size() == 2);
}

TEST_CASE("hop cost orders statuses and rewards evidence", "[analytics]") {
  auto cost = [](Status s, std::int64_t n, double confidence) {
    EdgeProps e;
    e.status = s, e.evidence_count = n, e.confidence = confidence;
    return hop_cost(e);
  };
  CHECK(cost(Status::done, 1, 0.9) < cost(Status::planned, 1, 0.9));
  CHECK(cost(Status::talks, 1, 0.9) < cost(Status::speculated, 1, 0.9));
  CHECK(cost(Status::speculated, 1, 0.9) < cost(Status::ended, 1, 0.9));
  CHECK(cost(Status::done, 8, 0.9) < cost(Status::done, 1, 0.9));
  CHECK(cost(Status::done, 1, 1.0) < cost(Status::done, 1, 0.5));
  CHECK(cost(Status::done, 0, 0.0) > 0);
}

TEST_CASE("group_of follows parent names to the top", "[analytics]") {
  std::vector<EntityRow> entities(3);
  entities[0].id = 1, entities[0].name = "SK Group";
  entities[1].id = 2, entities[1].name = "SK Telecom", entities[1].parent = "SK Group";
  entities[2].id = 3, entities[2].name = "SK Broadband", entities[2].parent = "SK Telecom";
  CHECK(group_of(3, entities) == 1);
  CHECK(group_of(1, entities) == 1);
  CHECK(group_of(99, entities) == 99);
}

namespace {

// Samsung: LOI with OpenAI in talks in February, signed in October (two
// reports); a supply plan with NVIDIA in 2024; one undated rumour with Meta.
std::vector<RelationRow> samsung_story() {
  auto loi = relation(1, RelationType::loi, 1, "Samsung", 2, "OpenAI", Status::done);
  loi.evidence = {evidence("2025-02-04", Status::talks, "feb"), evidence("2025-10-01", Status::done, "oct-a", 0.7),
                  evidence("2025-10-01", Status::done, "oct-b", 0.9)};
  auto supply = relation(2, RelationType::supply, 1, "Samsung", 3, "NVIDIA", Status::planned);
  supply.evidence = {evidence("2024-05-01", Status::planned, "may")};
  auto rumour = relation(3, RelationType::investment, 4, "Meta", 1, "Samsung", Status::speculated);
  rumour.evidence = {evidence("", Status::speculated, "undated")};
  auto other = relation(4, RelationType::mou, 2, "OpenAI", 3, "NVIDIA", Status::done);
  other.evidence = {evidence("2025-03-01", Status::done, "unrelated")};
  return {loi, supply, rumour, other};
}

}  // namespace

TEST_CASE("timeline lists an entity's relations by date, undated last", "[analytics]") {
  const auto rows = samsung_story();
  const auto events = timeline(rows, 1);
  REQUIRE(events.size() == 4);
  CHECK(events[0].date == "2024-05-01");
  CHECK(events[1].date == "2025-02-04");
  CHECK(events[1].status == Status::talks);
  CHECK(events[2].date == "2025-10-01");
  CHECK(events[2].sentences == 2);
  CHECK(events[2].evidence->doc == "oct-b");  // the more confident
  CHECK(events[3].date.empty());
  CHECK(events[3].relation->source_name == "Meta");
}

TEST_CASE("changes in a window: new relations and status moves", "[analytics]") {
  const auto rows = samsung_story();
  // Since June 2025: the LOI moved from talks to done.
  auto c = changes(rows, "2025-06-01", "");
  REQUIRE(c.size() == 1);
  CHECK(c[0].before == Status::talks);
  CHECK(c[0].after == Status::done);
  CHECK(c[0].date == "2025-10-01");
  // In 2025 the LOI and the OpenAI-NVIDIA MOU are new; the LOI ends the year signed.
  c = changes(rows, "2025-01-01", "2025-12-31");
  REQUIRE(c.size() == 2);
  CHECK(c[0].relation->id == 4);
  CHECK_FALSE(c[1].before);
  CHECK(c[1].after == Status::done);
  CHECK(c[1].date == "2025-10-01");
  // Up to March 2025 the LOI was only in talks.
  c = changes(rows, "2024-01-01", "2025-03-01");
  REQUIRE(c.size() == 3);
  CHECK(c[0].relation->id == 2);
  CHECK(c[1].after == Status::talks);
  // Nothing said in 2023.
  CHECK(changes(rows, "2023-01-01", "2023-12-31").empty());
}
