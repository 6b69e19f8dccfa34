// Analytics for the questions analysts ask of the alliance graph: which
// groups are connected, which 3-way and larger alliances exist, who is
// central, which blocs form, and what changed when.
//
// The graph algorithms run on the simple view (Csr in graph.hpp): parallel
// relations between two organisations count once and self-loops are ignored,
// as in NetworkX's Graph. Vertex ids are the Csr's, which are the
// AllianceGraph's. Results are deterministic: ties go to the smaller vertex
// id and random choices come from a caller-given seed (std::mt19937_64, whose
// output the standard fixes, with our own sampling on top of it).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/graph.hpp"
#include "aikg/store.hpp"

namespace aikg {

using VertexId = std::uint32_t;

// ---------------------------------------------------------------------------
// Components

struct Components {
  std::vector<std::uint32_t> of;               // vertex -> index into members
  std::vector<std::vector<VertexId>> members;  // largest first, ties by smallest member; each sorted
};
// Connected components by breadth-first search. O(V + E).
Components connected_components(const Csr& g);

// ---------------------------------------------------------------------------
// Cliques and triangles

// Degeneracy (smallest-last) order: repeatedly remove a vertex of least
// remaining degree (Matula & Beck 1983, bucket queue). O(V + E). The
// degeneracy d is the largest degree seen at removal; every vertex has at
// most d neighbours later in the order. Alliance graphs have small d (tens)
// even when hubs have thousands of partners.
struct Degeneracy {
  std::vector<VertexId> order;
  std::size_t degeneracy = 0;
};
Degeneracy degeneracy_order(const Csr& g);

// Calls `visit` once per maximal clique with at least `min_size` vertices
// (sorted ascending; the span is only valid during the call). Bron-Kerbosch
// with Tomita pivoting, its outer level in degeneracy order (Eppstein,
// Loeffler & Strash 2010, "Listing all maximal cliques in sparse graphs in
// near-optimal time"): O(d V 3^(d/3)). Isolated vertices are cliques of size 1.
void for_each_maximal_clique(const Csr& g, std::size_t min_size,
                             const std::function<void(std::span<const VertexId>)>& visit);
// The same, collected: largest first, then in lexicographic order.
std::vector<std::vector<VertexId>> maximal_cliques(const Csr& g, std::size_t min_size = 1);

// Every triangle {a < b < c}, sorted. Forward algorithm (Schank & Wagner 2005,
// "Finding, counting and listing all triangles in large graphs"): orient each
// edge towards the higher (degree, id) end and intersect forward lists. O(E^1.5).
std::vector<std::array<VertexId, 3>> triangles(const Csr& g);
std::uint64_t count_triangles(const Csr& g);

// ---------------------------------------------------------------------------
// Centrality. Scores are normalised as NetworkX does by default, so they can
// be compared with it and across graphs of different sizes.

struct CentralityOptions {
  // Betweenness and closeness: 0 = exact (a search from every vertex);
  // k > 0 = estimate from k sources drawn with `seed` (k >= V is exact).
  std::size_t samples = 0;
  std::uint64_t seed = 42;
  unsigned threads = 0;  // 0 = std::thread::hardware_concurrency()
};

// Partners / (V - 1). O(V).
std::vector<double> degree_centrality(const Csr& g);

// Betweenness: the share of shortest paths between other pairs that pass
// through each vertex (Brandes 2001, "A faster algorithm for betweenness
// centrality"), normalised by (V-1)(V-2)/2. Exact: O(V E). Sampled: the
// dependencies of k uniform sources scaled by V/k (Brandes & Pich 2007), an
// unbiased estimate in O(k E). Sources are split over threads in a fixed way
// and summed in thread order, so a given thread count gives identical results.
std::vector<double> betweenness(const Csr& g, const CentralityOptions& options = {});

// Closeness with the Wasserman-Faust correction for disconnected graphs (as
// NetworkX): (r / (V-1)) * r / (sum of distances to the r reachable vertices).
// Exact: a breadth-first search from every vertex, O(V E). Sampled: distances
// from k pivots spread over the components in proportion to their size (at
// least two each), averaged per vertex (Eppstein & Wang 2004, "Fast
// approximation of centrality"), O(k E).
std::vector<double> closeness(const Csr& g, const CentralityOptions& options = {});

struct PowerIteration {
  double tolerance = 1e-10;  // stop when the L1 change of the scores is below this
  std::size_t max_iterations = 1000;
};
struct PowerResult {
  std::vector<double> score;
  std::size_t iterations = 0;
  bool converged = false;  // false: the scores are those of the last iteration
};

// PageRank (Brin & Page 1998) by power iteration on the CSR, damping 0.85;
// a vertex without partners spreads its rank uniformly. Scores sum to 1.
// O(E) per iteration; about log(tolerance)/log(damping) iterations.
PowerResult pagerank(const Csr& g, double damping = 0.85, const PowerIteration& stop = {});

// Eigenvector centrality: the leading eigenvector of the adjacency matrix,
// by power iteration on A + I (the shift avoids oscillating on bipartite
// parts, as NetworkX does), unit Euclidean norm. O(E) per iteration; an
// iteration is one product with the matrix, and between power steps short
// Lanczos rounds take the vector much closer to the limit than as many
// power steps would (eigenvector.cpp), so the stop test and the result are
// power iteration's, in about a third of the products. In a disconnected
// graph the weight goes to the component with the largest eigenvalue; the
// others tend to 0.
PowerResult eigenvector_centrality(const Csr& g, const PowerIteration& stop = {});

// ---------------------------------------------------------------------------
// Communities

struct Communities {
  std::vector<std::uint32_t> of;               // vertex -> index into members
  std::vector<std::vector<VertexId>> members;  // largest first, ties by smallest member; each sorted
  double modularity = 0;
  std::size_t levels = 0;  // aggregation levels the method went through
};

struct LouvainOptions {
  double resolution = 1.0;  // > 1 favours more, smaller communities
  std::uint64_t seed = 42;  // order in which vertices are visited
};

// Louvain method (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast
// unfolding of communities in large networks"): move vertices to the
// neighbouring community with the best modularity gain until none improves,
// merge communities into vertices, repeat. After one pass over all vertices
// only those next to a move are visited again. Roughly O(E) per level; a
// handful of levels in practice.
Communities louvain(const Csr& g, const LouvainOptions& options = {});

// Newman-Girvan modularity of a partition (unit edge weights):
// sum over communities c of L_c / m - resolution * (d_c / 2m)^2, where L_c is
// the number of edges inside c, d_c the sum of its degrees and m the number
// of edges. 0 for a graph without edges. O(V + E).
double modularity(const Csr& g, const std::vector<std::uint32_t>& community_of, double resolution = 1.0);

// ---------------------------------------------------------------------------
// Timelines, from evidence dates. These take relations with their evidence
// (select_relations(store, selection, true)); the pointers they return point
// into that vector, which must outlive the result.

// One step in an entity's story: a relation seen with a status on a date.
struct TimelineEvent {
  std::string date;              // ISO date; empty when the evidence has none
  const RelationRow* relation = nullptr;
  Status status = Status::done;
  std::size_t sentences = 0;     // evidence sentences for this relation, date and status
  const EvidenceRow* evidence = nullptr;  // the most confident of them
};
// The events of every relation of `entity_id`, by date (undated last), then
// relation type, then the other party's name, then status. O(R log R) for R
// evidence rows.
std::vector<TimelineEvent> timeline(const std::vector<RelationRow>& relations, std::int64_t entity_id);

// A relation that appeared or changed status within a window of evidence dates.
struct Change {
  const RelationRow* relation = nullptr;
  std::optional<Status> before;  // the status before the window; nullopt: new in the window
  Status after = Status::done;   // the status at the end of the window
  std::string date;              // first date in the window with `after`
  const EvidenceRow* evidence = nullptr;  // the evidence for it (the most confident that day)
};
// The status at a point is that of the latest dated evidence up to it, the
// most definite on ties (as the store summarises). `until` may be empty (no
// end). Undated evidence is ignored. Relations whose status is the same
// before and at the end of the window are not listed. Sorted by date, type,
// then names. O(R log R).
std::vector<Change> changes(const std::vector<RelationRow>& relations, std::string_view since, std::string_view until);

}  // namespace aikg
