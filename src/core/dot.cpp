#include "aikg/dot.hpp"

#include <fmt/format.h>

#include <array>

namespace aikg {

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '\\')
      out += "\\\\";
    else if (ch == '"')
      out += "\\\"";
    else if (ch == '\n' || ch == '\r' || ch == '\t')
      out += ' ';
    else if (c < 0x20 || c == 0x7F)
      continue;
    else
      out += ch;
  }
  out += '"';
  return out;
}

std::string_view relation_colour(RelationType t) {
  // One colour per type, from ColorBrewer's qualitative palettes: distinct on
  // screen and in print.
  static constexpr std::array<std::string_view, 15> colours{
      "#1f78b4", "#33a02c", "#6a3d9a", "#e31a1c", "#ff7f00", "#b15928", "#a6cee3", "#b2df8a",
      "#fb9a99", "#fdbf6f", "#cab2d6", "#666666", "#17becf", "#bcbd22", "#d62728"};
  return colours[static_cast<std::size_t>(t)];
}

namespace {

std::string_view status_style(Status s) {
  switch (s) {
    case Status::done: return "solid";
    case Status::planned: return "dashed";
    case Status::ended: return "tapered";
    default: return "dotted";
  }
}

std::string_view node_shape(EntityKind k) {
  switch (k) {
    case EntityKind::group: return "box3d";
    case EntityKind::government: return "house";
    case EntityKind::project: return "hexagon";
    case EntityKind::person: return "oval";
    default: return "box";
  }
}

}  // namespace

void write_dot(std::ostream& out, const AllianceGraph& ag) {
  const auto& g = ag.graph;
  out << "graph aikg {\n"
      << "  graph [overlap=false, splines=true, fontname=\"sans-serif\"];\n"
      << "  node [style=\"rounded,filled\", fillcolor=\"#f7f7f7\", fontname=\"sans-serif\"];\n"
      << "  edge [fontname=\"sans-serif\", fontsize=9];\n";
  for (auto [v, end] = boost::vertices(g); v != end; ++v)
    out << fmt::format("  n{} [label={}, shape={}];\n", *v, dot_quote(g[*v].name), node_shape(g[*v].kind));
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const auto& p = g[*e];
    auto s = boost::source(*e, g), t = boost::target(*e, g);
    if (g[s].entity_id != p.source_id) std::swap(s, t);
    const bool directed = is_directed(p.type);
    out << fmt::format("  n{} -- n{} [label={}, color=\"{}\", fontcolor=\"{}\", style={}, dir={}, penwidth={:.1f}, tooltip={}];\n",
                       s, t, dot_quote(name(p.type)), relation_colour(p.type), relation_colour(p.type),
                       status_style(p.status), directed ? "forward" : "none",
                       1.0 + std::min<double>(3.0, static_cast<double>(p.evidence_count - 1) * 0.5),
                       dot_quote(fmt::format("{} ({}), {} evidence", name(p.type), name(p.status), p.evidence_count)));
  }
  out << "}\n";
}

}  // namespace aikg
