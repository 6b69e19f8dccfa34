// The explorer page: its data as JSON (legend from the taxonomy, nodes, edges,
// evidence) and the page itself, assembled from the template, styles and
// scripts built into the binary (web/, cmake/embed.cmake).
#include "aikg/explorer.hpp"

#include <algorithm>
#include <stdexcept>

#include "export/common.hpp"
#include "export/explorer_json.hpp"
#include "export/style.hpp"
#include "text/embedded.hpp"

namespace aikg {
namespace {

using nlohmann::ordered_json;

ordered_json legend_json() {
  ordered_json types = ordered_json::array(), statuses = ordered_json::array(), kinds = ordered_json::array();
  for (const auto& t : kRelationTypes)
    types.push_back({{"name", t.name}, {"colour", t.colour}, {"directed", t.directed}, {"description", t.description}});
  for (const auto& s : kStatuses)
    statuses.push_back({{"name", s.name},
                        {"description", s.description},
                        {"line", detail::status_line_style(s.status)},
                        {"faded", detail::status_faded(s.status)}});
  for (const auto& [k, kname] : kEntityKinds) {
    const auto style = detail::kind_style(k);
    kinds.push_back({{"name", kname}, {"shape", style.web_shape}, {"fill", style.fill}});
  }
  return {{"types", std::move(types)}, {"statuses", std::move(statuses)}, {"kinds", std::move(kinds)}};
}

std::vector<std::string> aliases_of(const ExportGraph& g, const NodeProps& n) {
  std::vector<std::string> out;
  if (const auto it = g.aliases.find(n.entity_id); it != g.aliases.end())
    for (const auto& a : it->second)
      if (a != n.name) out.push_back(a);
  return out;
}

ordered_json node_json(const ExportGraph& g, const NodeProps& n) {
  return {{"id", detail::node_id(n.entity_id)},
          {"name", n.name},
          {"kind", name(n.kind)},
          {"group", detail::group_of(g, n.entity_id)},
          {"aliases", aliases_of(g, n)}};
}

ordered_json edge_json(const ExportGraph& g, const EdgeProps& p, bool with_evidence) {
  ordered_json e{{"id", detail::edge_id(p.relation_id)},
                 {"source", detail::node_id(p.source_id)},
                 {"target", detail::node_id(p.target_id)},
                 {"type", name(p.type)},
                 {"directed", is_directed(p.type)},
                 {"status", name(p.status)},
                 {"evidence_count", p.evidence_count},
                 {"confidence", p.confidence},
                 {"first_seen", p.first_seen},
                 {"last_seen", p.last_seen},
                 {"width", detail::pen_width(p.evidence_count)}};
  if (!with_evidence) return e;
  ordered_json evidence = ordered_json::array();
  if (const auto it = g.evidence.find(p.relation_id); it != g.evidence.end())
    for (const auto& row : it->second) evidence.push_back(detail::explorer_evidence(row));
  e["evidence"] = std::move(evidence);
  return e;
}

// Competition is a rivalry, not an alliance: the page starts with it hidden
// unless --types named it.
bool asked_for_competition(const Selection& s) {
  return std::find(s.types.begin(), s.types.end(), RelationType::competition) != s.types.end();
}

std::string_view embedded(std::string_view path) {
  for (const auto& f : detail::embedded_files())
    if (f.path == path) return f.bytes;
  throw std::logic_error("not built into the binary: " + std::string(path));
}

// The template with each @AIKG:NAME@ replaced, in one pass over the template
// only, so nothing inserted (data, scripts) is ever searched for placeholders.
std::string page(std::string_view data_json, std::string_view connect_src) {
  const auto tmpl = embedded("web/explorer.html");
  std::string out;
  std::size_t i = 0;
  while (true) {
    const auto at = tmpl.find("@AIKG:", i);
    if (at == std::string_view::npos) break;
    const auto end = tmpl.find('@', at + 6);
    if (end == std::string_view::npos) throw std::logic_error("web/explorer.html: unterminated placeholder");
    out.append(tmpl.substr(i, at - i));
    const auto key = tmpl.substr(at + 6, end - at - 6);
    if (key == "DATA")
      out += detail::json_for_html(data_json);
    else if (key == "CONNECT")
      out += connect_src;
    else if (key == "CSS")
      out += embedded("web/explorer.css");
    else if (key == "CYTOSCAPE")
      out += embedded("web/vendor/cytoscape/cytoscape.min.js");
    else if (key == "JS")
      out += embedded("web/explorer.js");
    else
      throw std::logic_error("web/explorer.html: unknown placeholder " + std::string(key));
    i = end + 1;
  }
  out.append(tmpl.substr(i));
  return out;
}

}  // namespace

namespace detail {

ordered_json explorer_evidence(const EvidenceRow& e) {
  return {{"doc", e.doc},
          {"sentence", e.sentence},
          {"status", name(e.status)},
          {"date", e.date},
          {"confidence", e.confidence},
          {"url", is_web_url(e.url) ? e.url : ""}};
}

ordered_json explorer_json(const ExportGraph& g, const Selection& selection, const ExplorerPart& part,
                           bool with_evidence) {
  const auto& graph = g.alliances.graph;
  ordered_json nodes = ordered_json::array(), edges = ordered_json::array();
  for (const auto v : part.vertices) nodes.push_back(node_json(g, graph[v]));
  for (const auto e : part.edges) edges.push_back(edge_json(g, graph[e], with_evidence));
  return {{"title", g.title},
          {"legend", legend_json()},
          {"show_competition", asked_for_competition(selection)},
          {"nodes", std::move(nodes)},
          {"edges", std::move(edges)},
          {"total", {{"nodes", boost::num_vertices(graph)}, {"edges", boost::num_edges(graph)}}},
          {"truncated", part.truncated}};
}

std::string dump_json(const ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace detail

std::string explorer_data_json(const ExportGraph& g, const Selection& selection, bool with_evidence) {
  const detail::ExplorerPart whole{detail::vertices_of(g.alliances.graph), detail::edges_of(g.alliances.graph), false};
  return detail::dump_json(detail::explorer_json(g, selection, whole, with_evidence));
}

void write_explorer_html(std::ostream& out, const ExportGraph& g, const Selection& selection) {
  // A file opened from disk fetches nothing: its data is inside.
  out << page(explorer_data_json(g, selection, true), "'none'");
}

std::string explorer_server_page() { return page(R"({"api":"api/"})", "'self'"); }

}  // namespace aikg
