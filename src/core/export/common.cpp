#include "export/common.hpp"

#include <algorithm>
#include <tuple>

namespace aikg::detail {

std::vector<Vertex> vertices_of(const Graph& g) {
  std::vector<Vertex> out;
  out.reserve(boost::num_vertices(g));
  for (auto [v, end] = boost::vertices(g); v != end; ++v) out.push_back(*v);
  return out;
}

std::vector<Edge> edges_of(const Graph& g) {
  std::vector<Edge> out;
  out.reserve(boost::num_edges(g));
  for (auto [e, end] = boost::edges(g); e != end; ++e) out.push_back(*e);
  // Relation id breaks ties between the (type, pair) keys, which are unique
  // anyway; sorting makes the order independent of Boost's edge storage.
  std::sort(out.begin(), out.end(), [&](const Edge& a, const Edge& b) {
    const auto& pa = g[a];
    const auto& pb = g[b];
    return std::tie(pa.type, pa.source_id, pa.target_id, pa.relation_id) <
           std::tie(pb.type, pb.source_id, pb.target_id, pb.relation_id);
  });
  return out;
}

std::string other_aliases(const ExportGraph& g, const NodeProps& node) {
  const auto it = g.aliases.find(node.entity_id);
  if (it == g.aliases.end()) return {};
  std::string out;
  for (const auto& a : it->second) {
    if (a == node.name) continue;
    if (!out.empty()) out += "; ";
    out += a;
  }
  return out;
}

const std::string& group_of(const ExportGraph& g, std::int64_t entity_id) {
  static const std::string none;
  const auto it = g.group_of.find(entity_id);
  return it == g.group_of.end() ? none : it->second;
}

std::string other_aliases(const ExportView& g, std::size_t i, const NodeProps& node) {
  std::string out;
  for (const auto& a : g.aliases(i)) {
    if (a == node.name) continue;
    if (!out.empty()) out += "; ";
    out += a;
  }
  return out;
}

std::string json_for_html(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace aikg::detail
