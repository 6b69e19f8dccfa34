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
ordered_json node_data(const ExportView& g, std::size_t i) {
  const auto n = g.node(i);
  return {{"id", detail::node_id(n.entity_id)},
          {"name", n.name},
          {"entity_id", n.entity_id},
          {"kind", name(n.kind)},
          {"group", g.group(i)},
          {"parent_name", n.parent},  // not "parent": Cytoscape.js reads that as a compound-node id
          {"aliases", detail::other_aliases(g, i, n)}};
}

ordered_json edge_data(const EdgeProps& p, const std::vector<EvidenceRow>& evidence) {
  const auto* ev = representative_evidence(evidence);
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
          {"url", latest_web_url(evidence)}};
}

// `j` as the whole document's dump(1) writes it at nesting `depth`: the
// document is written a node or an edge at a time, never held whole. Raw
// line breaks are only ever layout (JSON strings escape theirs).
void dump(std::ostream& out, const ordered_json& j, std::size_t depth) {
  // Ill-formed UTF-8 cannot reach here from the store, but a replacement
  // character beats an exception halfway through a file.
  const auto text = detail::json_for_html(j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
  const std::string indent(depth, ' ');
  std::size_t from = 0;
  for (auto nl = text.find('\n'); nl != std::string::npos; from = nl + 1, nl = text.find('\n', from))
    out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from)) << indent;
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

// "key": [items...] as dump(1) writes an array member at nesting `depth`.
template <typename Item>
void array(std::ostream& out, std::string_view key, std::size_t count, std::size_t depth, Item item) {
  const std::string indent(depth, ' ');
  out << indent << '"' << key << "\": ";
  if (count == 0) {
    out << "[]";
    return;
  }
  out << "[\n";
  for (std::size_t i = 0; i < count; ++i) {
    out << indent << ' ';
    dump(out, item(i), depth + 1);
    out << (i + 1 < count ? ",\n" : "\n");
  }
  out << indent << ']';
}

}  // namespace

void write_node_link_json(std::ostream& out, const ExportView& g) {
  out << "{\n \"directed\": false,\n \"multigraph\": true,\n \"graph\": ";
  dump(out, {{"name", "aikg"}, {"title", g.title()}}, 1);
  out << ",\n";
  array(out, "nodes", g.nodes(), 1, [&](std::size_t i) { return node_data(g, i); });
  out << ",\n";
  array(out, "edges", g.edges(), 1, [&](std::size_t i) {
    const auto evidence = g.evidence(i);
    auto d = edge_data(g.edge(i), evidence);
    d.erase("id");  // NetworkX would keep it as an attribute; "key" identifies the edge
    ordered_json rows = ordered_json::array();
    for (const auto& row : evidence) rows.push_back(evidence_json(row));
    d["evidence"] = std::move(rows);
    return d;
  });
  out << "\n}\n";
}

void write_cytoscape_json(std::ostream& out, const ExportView& g) {
  out << "{\n \"data\": ";
  dump(out, {{"name", "aikg"}, {"title", g.title()}}, 1);
  out << ",\n \"directed\": false,\n \"multigraph\": true,\n \"elements\": {\n";
  array(out, "nodes", g.nodes(), 2, [&](std::size_t i) {
    auto d = node_data(g, i);
    d["value"] = d["id"];  // NetworkX's cytoscape_graph names nodes by "value"
    return ordered_json{{"data", std::move(d)}};
  });
  out << ",\n";
  array(out, "edges", g.edges(), 2, [&](std::size_t i) { return ordered_json{{"data", edge_data(g.edge(i), g.evidence(i))}}; });
  out << "\n }\n}\n";
}

}  // namespace aikg
