// The alliance graph: relations from the store as a Boost.Graph with bundled
// properties, and the traversals the CLI needs (ego network, shortest path).
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
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

struct Neighbor {
  Vertex vertex;
  std::size_t depth;
  std::vector<Edge> edges;  // the edges that reached it from depth - 1
};
// Breadth-first ego network up to `depth` hops (O(V + E)); the start is excluded.
std::vector<Neighbor> neighbors(const AllianceGraph& g, Vertex start, std::size_t depth);

// A shortest path by hop count (breadth-first, O(V + E)); each hop is the
// edge taken (the most definite one when several link the same pair).
// nullopt when the two are not connected.
std::optional<std::vector<Edge>> shortest_path(const AllianceGraph& g, Vertex from, Vertex to);

}  // namespace aikg
