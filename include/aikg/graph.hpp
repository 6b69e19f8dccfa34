// The alliance graph: relations from the store as a Boost.Graph with bundled
// properties, a compact simple-graph view (CSR) for the analytics, and the
// traversals the CLI needs (ego network, shortest and k shortest paths).
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "aikg/store.hpp"
#include "aikg/taxonomy.hpp"

namespace aikg {

struct NodeProps {
  std::int64_t entity_id = 0;
  std::string name;
  EntityKind kind = EntityKind::company;
  std::string parent;
};

struct EdgeProps {
  std::int64_t relation_id = 0;
  RelationType type = RelationType::partnership;
  Status status = Status::done;
  std::int64_t source_id = 0, target_id = 0;  // the relation's own direction
  std::int64_t evidence_count = 0;
  double confidence = 0;
  std::string first_seen, last_seen;
};

// Undirected multigraph: one edge per relation, so two companies linked by an
// LOI and an MOU have two parallel edges. Direction is kept on the edge.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

struct AllianceGraph {
  Graph graph;
  std::unordered_map<std::int64_t, Vertex> vertex_of;  // entity id -> vertex
  std::optional<Vertex> find(std::int64_t entity_id) const;
};

// Builds the graph of `relations`; nodes are the entities they touch.
AllianceGraph build_graph(const std::vector<RelationRow>& relations, const std::vector<EntityRow>& entities);

// Entity id -> the top of its parent chain (the business group; the entity
// itself when it has no known parent). Chains are followed by name and cut at
// 8 links, so a parent cycle in a hand-edited gazetteer cannot loop. The rows
// point into `entities`, which must outlive the map.
std::unordered_map<std::int64_t, const EntityRow*> group_tops(const std::vector<EntityRow>& entities);

// What an entity became in a selection rolled up by business group: its
// group_tops entry, or the entity itself when unknown. O(entities).
std::int64_t group_of(std::int64_t entity_id, const std::vector<EntityRow>& entities);

// The length of a hop when paths are weighted: signed, well-evidenced,
// confident relations are short. status factor (done 1, planned 1.5, talks
// 2.5, speculated 4, ended 8) x (2 - confidence) / (1 + log2(evidence)).
// Always > 0. A done deal seen once at confidence 0.9 costs 1.1; seen in 8
// sentences, 0.275; a rumour seen once, about 5.
double hop_cost(const EdgeProps& e);

// The undirected simple graph under the multigraph, in compressed sparse row
// form: vertex ids are the multigraph's (0..n-1), parallel relations are one
// adjacency, self-loops are dropped, each row is sorted. Analytics run on this
// view: scanning a row is a contiguous read, which matters at a million edges.
struct Csr {
  std::vector<std::uint32_t> offsets;  // n + 1 entries; row v is adj[offsets[v], offsets[v + 1])
  std::vector<std::uint32_t> adj;
  // Filled by make_csr(ag, true): per adjacency slot, the relation chosen for
  // that pair (least hop_cost) and its cost. Empty otherwise.
  std::vector<Edge> edge;
  std::vector<double> cost;

  std::size_t num_vertices() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::size_t num_edges() const { return adj.size() / 2; }  // undirected pairs
  std::size_t degree(std::uint32_t v) const { return offsets[v + 1] - offsets[v]; }
  std::span<const std::uint32_t> neighbors(std::uint32_t v) const {
    return {adj.data() + offsets[v], adj.data() + offsets[v + 1]};
  }
  // The slot of w in v's row, or npos: binary search, O(log deg v).
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::size_t slot(std::uint32_t v, std::uint32_t w) const;

  // From an edge list over vertices 0..n-1 (duplicates and loops are dropped).
  // O(E log E). For tests, benchmarks and generated graphs.
  static Csr from_edges(std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges);
};

// The simple view of `ag`; with_edges also fills Csr::edge and Csr::cost
// (needed by the path queries). O(V + E log dmax).
Csr make_csr(const AllianceGraph& ag, bool with_edges = false);

struct Neighbor {
  Vertex vertex;
  std::size_t depth;
  std::vector<Edge> edges;  // the edges that reached it from depth - 1
};
// Breadth-first ego network up to `depth` hops (O(V + E)); the start is excluded.
std::vector<Neighbor> neighbors(const AllianceGraph& g, Vertex start, std::size_t depth);

// A path between two vertices: the vertices visited (from first, to last),
// the relation taken on each hop, and the total length (hops, or the sum of
// hop_cost when weighted).
struct Path {
  std::vector<Vertex> vertices;
  std::vector<Edge> hops;
  double length = 0;
};

// Path queries on make_csr(ag, true): unweighted paths count hops, weighted
// ones sum hop_cost; each hop takes the relation with the least hop_cost
// among parallel ones. The finder keeps its work arrays between queries and
// resets only what a query touched, so a query does not pay O(V) to start.
// `csr` must outlive the finder. Ties are broken towards smaller vertex ids,
// so answers are deterministic.
class PathFinder {
 public:
  explicit PathFinder(const Csr& csr, bool weighted = false);
  PathFinder(Csr&&, bool = false) = delete;  // it keeps a reference: a temporary would dangle

  // One shortest path, or nullopt when the two are not connected.
  // Unweighted: bidirectional breadth-first search, O(V + E) worst case but it
  // only explores the two balls around the ends. Weighted: Dijkstra, O(E log V).
  std::optional<Path> shortest(Vertex from, Vertex to);

  // Every shortest path (lengths equal within 1e-9), in lexicographic vertex
  // order, at most `limit` of them: their number can grow exponentially.
  // Two single-source searches plus the output, O(E log V + output).
  std::vector<Path> all_shortest(Vertex from, Vertex to, std::size_t limit);

  // The k shortest loopless paths, shortest first (Yen 1971, "Finding the K
  // shortest loopless paths in a network"). O(k V E log V) worst case; in
  // practice k times the path length Dijkstra runs.
  std::vector<Path> k_shortest(Vertex from, Vertex to, std::size_t k);

 private:
  void next_query();
  std::vector<std::uint32_t> trace(int side, std::uint32_t v) const;
  std::optional<std::vector<std::uint32_t>> dijkstra(std::uint32_t from, std::uint32_t to);
  std::optional<std::vector<std::uint32_t>> bidirectional_bfs(std::uint32_t from, std::uint32_t to);
  void distances(std::uint32_t from, std::vector<double>& dist);
  Path make_path(const std::vector<std::uint32_t>& vertices) const;
  double length(std::size_t slot) const { return weighted_ ? csr_.cost[slot] : 1.0; }

  const Csr& csr_;
  bool weighted_;
  // Per search side (0 from the source, 1 from the target in the
  // bidirectional search): reached when stamp_ == query_, then parent_ and
  // depth_ (breadth-first) or dist_ (Dijkstra) are valid.
  std::vector<std::uint32_t> stamp_[2], parent_[2], depth_[2];
  std::vector<double> dist_;
  std::uint32_t query_ = 0;
  // Yen's spur searches: vertices of the root path (banned_ == ban_) and, out
  // of the spur vertex, the next vertices of paths already found.
  std::vector<std::uint32_t> banned_;
  std::uint32_t ban_ = 0;
  bool banning_ = false;
  std::vector<std::uint32_t> banned_next_;
};

}  // namespace aikg
