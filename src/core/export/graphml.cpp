// GraphML with typed keys (graphml.graphdrawing.org). Read by Gephi, yEd,
// NetworkX (read_graphml) and igraph (Read_GraphML). The graph is undirected
// with parallel edges, as aikg's is: NetworkX refuses files that mix
// directed and undirected edges, so direction is the `directed` key and the
// edge's source/target order.
#include <fmt/format.h>

#include <array>

#include "export/common.hpp"

namespace aikg {
namespace {

struct Key {
  std::string_view id, domain, name, type;
};

// Key ids are short and readable; tools show attr.name.
constexpr std::array<Key, 18> kKeys{{
    {"g_title", "graph", "title", "string"},
    {"n_label", "node", "label", "string"},
    {"n_entity", "node", "entity_id", "long"},
    {"n_kind", "node", "kind", "string"},
    {"n_group", "node", "group", "string"},
    {"n_parent", "node", "parent", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"e_label", "edge", "label", "string"},
    {"e_relation", "edge", "relation_id", "long"},
    {"e_type", "edge", "type", "string"},
    {"e_directed", "edge", "directed", "boolean"},
    {"e_status", "edge", "status", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_confidence", "edge", "confidence", "double"},
    {"e_first", "edge", "first_seen", "string"},
    {"e_last", "edge", "last_seen", "string"},
    {"e_sentence", "edge", "sentence", "string"},
    {"e_url", "edge", "url", "string"},
}};

// Empty values are left out: NetworkX reads an empty <data> as the string "None".
void data(std::ostream& out, std::string_view key, std::string_view value, std::string_view indent = "      ") {
  if (!value.empty()) out << indent << "<data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

void write_node(std::ostream& out, const ExportView& g, std::size_t i) {
  const auto n = g.node(i);
  out << fmt::format("    <node id=\"{}\">\n", detail::node_id(n.entity_id));
  data(out, "n_label", n.name);
  data(out, "n_entity", std::to_string(n.entity_id));
  data(out, "n_kind", name(n.kind));
  data(out, "n_group", g.group(i));
  data(out, "n_parent", n.parent);
  data(out, "n_aliases", detail::other_aliases(g, i, n));
  out << "    </node>\n";
}

void write_edge(std::ostream& out, const ExportView& g, std::size_t i) {
  const auto p = g.edge(i);
  const auto evidence = g.evidence(i);
  out << fmt::format("    <edge id=\"{}\" source=\"{}\" target=\"{}\">\n", detail::edge_id(p.relation_id),
                     detail::node_id(p.source_id), detail::node_id(p.target_id));
  data(out, "e_label", name(p.type));
  data(out, "e_relation", std::to_string(p.relation_id));
  data(out, "e_type", name(p.type));
  data(out, "e_directed", is_directed(p.type) ? "true" : "false");
  data(out, "e_status", name(p.status));
  data(out, "e_weight", std::to_string(p.evidence_count));
  data(out, "e_confidence", detail::number(p.confidence));
  data(out, "e_first", p.first_seen);
  data(out, "e_last", p.last_seen);
  if (const auto* ev = representative_evidence(evidence)) data(out, "e_sentence", ev->sentence);
  data(out, "e_url", latest_web_url(evidence));
  out << "    </edge>\n";
}

}  // namespace

void write_graphml(std::ostream& out, const ExportView& g) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& k : kKeys)
    out << fmt::format("  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>\n", k.id, k.domain, k.name,
                       k.type);
  out << "  <graph id=\"aikg\" edgedefault=\"undirected\">\n";
  data(out, "g_title", g.title(), "    ");
  for (std::size_t i = 0; i < g.nodes(); ++i) write_node(out, g, i);
  for (std::size_t i = 0; i < g.edges(); ++i) write_edge(out, g, i);
  out << "  </graph>\n</graphml>\n";
}

}  // namespace aikg
