// Two JSON graph formats. Node-link is what NetworkX's node_link_data writes
// and node_link_graph reads (edges under "edges", the key NetworkX 3.6
// settles on); Cytoscape.js elements JSON is what cy.add()/cy.json() take and
// Cytoscape desktop imports, and NetworkX reads it with cytoscape_graph.
#include <nlohmann/json.hpp>

#include "export/common.hpp"

namespace aikg {
namespace {

using nlohmann::ordered_json;

ordered_json evidence_json(const EvidenceRow& e) {
  return {{"doc", e.doc},
          {"sentence", e.sentence},
          {"status", name(e.status)},
          {"date", e.date},
          {"confidence", e.confidence},
          {"url", is_web_url(e.url) ? e.url : ""}};
}

// The node's data, shared by both formats; `name` is what Cytoscape labels
// nodes with, and what NetworkX's cytoscape_graph maps names from.
ordered_json node_data(const ExportGraph& g, const NodeProps& n) {
  return {{"id", detail::node_id(n.entity_id)},
          {"name", n.name},
          {"entity_id", n.entity_id},
          {"kind", name(n.kind)},
          {"group", detail::group_of(g, n.entity_id)},
          {"parent_name", n.parent},  // not "parent": Cytoscape.js reads that as a compound-node id
          {"aliases", detail::other_aliases(g, n)}};
}

ordered_json edge_data(const ExportGraph& g, const EdgeProps& p) {
  const auto* ev = representative_evidence(g, p.relation_id);
  return {{"id", detail::edge_id(p.relation_id)},
          {"source", detail::node_id(p.source_id)},
          {"target", detail::node_id(p.target_id)},
          {"key", p.relation_id},
          {"relation_id", p.relation_id},
          {"type", name(p.type)},
          {"directed", is_directed(p.type)},
          {"status", name(p.status)},
          {"evidence_count", p.evidence_count},
          {"confidence", p.confidence},
          {"first_seen", p.first_seen},
          {"last_seen", p.last_seen},
          {"sentence", ev ? ev->sentence : ""},
          {"url", latest_web_url(g, p.relation_id)}};
}

void dump(std::ostream& out, const ordered_json& j) {
  // Ill-formed UTF-8 cannot reach here from the store, but a replacement
  // character beats an exception halfway through a file.
  out << detail::json_for_html(j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace)) << '\n';
}

}  // namespace

void write_node_link_json(std::ostream& out, const ExportGraph& g) {
  const auto& graph = g.alliances.graph;
  ordered_json nodes = ordered_json::array(), edges = ordered_json::array();
  for (const auto v : detail::vertices_of(graph)) nodes.push_back(node_data(g, graph[v]));
  for (const auto e : detail::edges_of(graph)) {
    auto d = edge_data(g, graph[e]);
    d.erase("id");  // NetworkX would keep it as an attribute; "key" identifies the edge
    ordered_json evidence = ordered_json::array();
    if (const auto it = g.evidence.find(graph[e].relation_id); it != g.evidence.end())
      for (const auto& row : it->second) evidence.push_back(evidence_json(row));
    d["evidence"] = std::move(evidence);
    edges.push_back(std::move(d));
  }
  dump(out, ordered_json{{"directed", false},
                         {"multigraph", true},
                         {"graph", {{"name", "aikg"}, {"title", g.title}}},
                         {"nodes", std::move(nodes)},
                         {"edges", std::move(edges)}});
}

void write_cytoscape_json(std::ostream& out, const ExportGraph& g) {
  const auto& graph = g.alliances.graph;
  ordered_json nodes = ordered_json::array(), edges = ordered_json::array();
  for (const auto v : detail::vertices_of(graph)) {
    auto d = node_data(g, graph[v]);
    d["value"] = d["id"];  // NetworkX's cytoscape_graph names nodes by "value"
    nodes.push_back({{"data", std::move(d)}});
  }
  for (const auto e : detail::edges_of(graph)) edges.push_back({{"data", edge_data(g, graph[e])}});
  dump(out, ordered_json{{"data", {{"name", "aikg"}, {"title", g.title}}},
                         {"directed", false},
                         {"multigraph", true},
                         {"elements", {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}}}});
}

}  // namespace aikg
