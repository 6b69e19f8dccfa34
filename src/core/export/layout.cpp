#include "export/layout.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <cmath>
#include <unordered_map>

namespace aikg::detail {

std::vector<Position> force_layout(const Graph& graph, const std::vector<Vertex>& vertices, const std::vector<Edge>& edges,
                                   std::size_t iterations) {
  using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  std::unordered_map<Vertex, std::size_t> index;
  for (std::size_t i = 0; i < vertices.size(); ++i) index.emplace(vertices[i], i);
  Simple g(vertices.size());
  for (const auto e : edges) {
    const auto s = index.at(boost::source(e, graph)), t = index.at(boost::target(e, graph));
    if (s != t) boost::add_edge(s, t, g);
  }
  // A square with room for each node (labels are about 100 px wide); the fixed
  // seed makes the same graph come out the same (exports are deterministic).
  const double side = 120.0 * std::sqrt(static_cast<double>(std::max<std::size_t>(vertices.size(), 4)));
  boost::minstd_rand random(42);
  using Topology = boost::square_topology<boost::minstd_rand>;
  const Topology topology(random, side);
  std::vector<Topology::point_type> points(vertices.size());
  const auto position = boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, g));
  boost::random_graph_layout(g, position, topology);
  boost::fruchterman_reingold_force_directed_layout(
      g, position, topology, boost::cooling(boost::linear_cooling<double>(iterations, side / 10)));
  std::vector<Position> out;
  out.reserve(points.size());
  for (const auto& p : points) out.push_back({std::round(p[0] * 10) / 10, std::round(p[1] * 10) / 10});
  return out;
}

}  // namespace aikg::detail
