#include "aikg/dot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "aikg/text.hpp"
#include "export/common.hpp"
#include "export/style.hpp"

namespace aikg {
namespace {

using detail::node_id;

// Beyond these dot needs seconds to minutes; sfdp stays near a second up to
// 10k edges (perf-anchors section 4).
constexpr std::size_t kDotMaxNodes = 300;
constexpr std::size_t kDotMaxEdges = 1000;
// dot turns each edge label into a virtual node, multiplying its time by 5-6;
// above this many edges the colours and the legend carry the type instead.
constexpr std::size_t kMaxLabelledEdges = 300;
// Tooltips show one evidence sentence; news sentences can run to paragraphs.
constexpr std::size_t kTooltipSentence = 280;
constexpr std::size_t kLegendTypesPerLine = 6;
constexpr std::string_view kFont = "Helvetica,Arial,sans-serif";

using detail::kind_style;
using detail::pen_width;

std::string_view status_sample(Status s) {
  switch (s) {
    case Status::planned: return "&#8211; &#8211; &#8211;";
    case Status::talks:
    case Status::speculated: return "&#183; &#183; &#183; &#183;";
    case Status::done:
    case Status::ended: break;
  }
  return "&#8212;&#8212;&#8212;";
}

std::string edge_colour(const EdgeProps& p) {
  return fmt::format("{}{}", info(p.type).colour, detail::status_faded(p.status) ? detail::kFadedAlphaHex : "");
}

std::string truncated(std::string_view s, std::size_t max_code_points) {
  std::size_t i = 0;
  for (std::size_t n = 0; n < max_code_points && i < s.size(); ++n) next_code_point(s, i);
  return i >= s.size() ? std::string(s) : std::string(s.substr(0, i)) + "\u2026";
}

// One-line HTML-table text: control characters would be taken literally.
std::string html_text(std::string_view s) {
  std::string flat(s);
  for (auto& c : flat)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return xml_escape(flat);
}

// One legend line: its heading, then the samples as one run of text. (Cells
// per sample would be stretched to the widest line by Graphviz.)
std::string legend_row(std::string_view heading, const std::vector<std::string>& samples) {
  // Graphviz rejects an empty <i></i>, so continuation lines get a bare cell.
  return fmt::format(R"(<tr><td align="left">{}</td><td align="left">{}</td></tr>)",
                     heading.empty() ? "" : fmt::format("<i>{}</i>", heading), fmt::join(samples, "&#160;&#160;&#160;"));
}

// Relation types, a few per line: the whole taxonomy on one line would be
// wider than most graphs.
std::string type_legend(const std::array<bool, kRelationTypes.size()>& present) {
  std::vector<std::string> samples;
  for (const auto& t : kRelationTypes)
    if (present[static_cast<std::size_t>(t.type)])
      samples.push_back(fmt::format(R"(<font color="{}">&#9473;&#9473;{}</font> {}{})", t.colour,
                                    t.ownership ? "&#9670;" : "", t.name,
                                    t.ownership ? " (ownership, not an alliance)" : t.directed ? " &#8594;" : ""));
  std::string rows;
  for (std::size_t i = 0; i < samples.size(); i += kLegendTypesPerLine) {
    const auto first = samples.begin() + static_cast<std::ptrdiff_t>(i);
    const auto last = samples.begin() + static_cast<std::ptrdiff_t>(std::min(samples.size(), i + kLegendTypesPerLine));
    rows += legend_row(i == 0 ? "relation" : "", {first, last});
  }
  return rows;
}

std::string status_legend(const std::array<bool, kStatuses.size()>& present) {
  std::vector<std::string> samples;
  for (const auto& s : kStatuses)
    if (present[static_cast<std::size_t>(s.status)])
      samples.push_back(fmt::format(R"(<font color="{}">{}</font> {})", s.status == Status::ended ? "#aaaaaa" : "#333333",
                                    status_sample(s.status), s.name));
  samples.emplace_back("(thicker: more evidence)");
  return legend_row("status", samples);
}

std::string kind_legend(const std::array<bool, kEntityKinds.size()>& present) {
  std::vector<std::string> samples;
  for (const auto& [k, kname] : kEntityKinds)
    if (present[static_cast<std::size_t>(k)]) samples.push_back(fmt::format("{}: {}", kind_style(k).words, kname));
  return legend_row("node", samples);
}

// The caption and legend as one HTML-like graph label: it sits beside the
// drawing in every layout engine, which a legend built from nodes does not.
// Only what the graph contains is listed.
std::string legend_label(const ExportGraph& g, bool legend) {
  const auto& graph = g.alliances.graph;
  std::array<bool, kRelationTypes.size()> types{};
  std::array<bool, kStatuses.size()> statuses{};
  std::array<bool, kEntityKinds.size()> kinds{};
  for (auto [e, end] = boost::edges(graph); e != end; ++e)
    types[static_cast<std::size_t>(graph[*e].type)] = statuses[static_cast<std::size_t>(graph[*e].status)] = true;
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) kinds[static_cast<std::size_t>(graph[*v].kind)] = true;
  std::string rows = fmt::format(R"(<tr><td align="left" colspan="2"><b>{}</b></td></tr>)", html_text(g.title));
  if (legend && boost::num_edges(graph) > 0) rows += type_legend(types) + status_legend(statuses) + kind_legend(kinds);
  return fmt::format(R"(<<table border="0" cellborder="0" cellspacing="0" cellpadding="2">{}</table>>)", rows);
}

void write_header(std::ostream& out, const ExportGraph& g, DotLayout layout, bool legend) {
  out << "graph aikg {\n";
  out << fmt::format("  graph [layout={}, fontname=\"{}\", fontsize=11, labelloc=t, labeljust=l, tooltip={},\n",
                     layout == DotLayout::sfdp ? "sfdp" : "dot", kFont, dot_tooltip(g.title));
  if (layout == DotLayout::sfdp)
    // prism removes node overlaps (it needs GTS; Graphviz builds without it
    // warn and fall back); drawing edges first keeps names readable.
    out << "         overlap=prism, outputorder=edgesfirst, splines=false,\n";
  else
    out << "         rankdir=LR, splines=true, nodesep=0.25, ranksep=0.7, newrank=true,\n";
  out << "         label=" << legend_label(g, legend) << "];\n";
  out << fmt::format("  node [fontname=\"{}\", fontsize=10, color=\"#555555\", margin=\"0.12,0.05\"];\n", kFont);
  out << fmt::format("  edge [fontname=\"{}\", fontsize=8, arrowsize=0.7];\n", kFont);
}

std::string node_tooltip(const ExportGraph& g, const NodeProps& n) {
  std::string tip = fmt::format("{}\n{}", n.name, name(n.kind));
  if (const auto& group = detail::group_of(g, n.entity_id); !group.empty()) tip += " in " + group;
  if (const auto aliases = detail::other_aliases(g, n); !aliases.empty()) tip += "\nalso: " + aliases;
  return tip;
}

void write_node(std::ostream& out, const ExportGraph& g, Vertex v, std::string_view indent) {
  const auto& n = g.alliances.graph[v];
  const auto style = kind_style(n.kind);
  const bool focus = g.focus == n.entity_id;
  out << fmt::format("{}{} [id=\"{}\", class=\"{}\", label={}, shape={}, style=\"{}\", fillcolor=\"{}\", tooltip={}{}];\n",
                     indent, node_id(n.entity_id), node_id(n.entity_id), name(n.kind), dot_quote(n.name), style.shape,
                     style.style, focus ? "#ffe08a" : style.fill, dot_tooltip(node_tooltip(g, n)),
                     focus ? ", penwidth=2.5, color=\"#b8860b\"" : "");
}

// Affiliates (and the group itself, when drawn) inside one box per business
// group. Only dot draws clusters, so other layouts get plain nodes.
void write_nodes(std::ostream& out, const ExportGraph& g, bool clusters) {
  const auto& graph = g.alliances.graph;
  std::map<std::string, std::vector<Vertex>> boxes;  // group name -> members, sorted for stable output
  std::vector<Vertex> loose;
  if (clusters)
    for (const auto v : detail::vertices_of(graph))
      if (const auto& group = detail::group_of(g, graph[v].entity_id); !group.empty()) boxes[group].push_back(v);
  for (const auto v : detail::vertices_of(graph)) {
    const auto it = boxes.find(graph[v].name);
    if (it != boxes.end())
      it->second.insert(it->second.begin(), v);  // the group's own node, first in its box
    else if (!clusters || detail::group_of(g, graph[v].entity_id).empty())
      loose.push_back(v);
  }
  std::size_t index = 0;
  for (const auto& [group, members] : boxes) {
    // When the group's own node is in its box it names the box: a label too
    // would show the group twice.
    const bool named_by_node = graph[members.front()].name == group;
    out << fmt::format("  subgraph cluster_{} {{\n    label={}; tooltip={}; style=\"rounded,filled\"; "
                       "fillcolor=\"#f5f7fb\"; color=\"#b8c4d6\"; fontsize=10;\n",
                       index++, named_by_node ? "\"\"" : dot_quote(group), dot_tooltip(group));
    for (const auto v : members) write_node(out, g, v, "    ");
    out << "  }\n";
  }
  for (const auto v : loose) write_node(out, g, v, "  ");
}

std::string edge_tooltip(const ExportGraph& g, const EdgeProps& p) {
  std::string tip = fmt::format("{} ({}), {} evidence", name(p.type), name(p.status), p.evidence_count);
  if (!p.first_seen.empty())
    tip += p.first_seen == p.last_seen ? ", " + p.first_seen : fmt::format(", {} to {}", p.first_seen, p.last_seen);
  if (const auto* ev = representative_evidence(g, p.relation_id)) {
    tip += fmt::format("\n\u201C{}\u201D ({}{})", truncated(ev->sentence, kTooltipSentence), ev->doc,
                       ev->date.empty() ? "" : ", " + ev->date);
    if (is_web_url(ev->url)) tip += "\n" + ev->url;
  }
  return tip;
}

void write_edge(std::ostream& out, const ExportGraph& g, Edge e, bool label) {
  const auto& p = g.alliances.graph[e];
  const auto colour = edge_colour(p);
  std::string attrs = fmt::format("id=\"{}\", class=\"{} {}\", color=\"{}\", style={}, penwidth={:.1f}, dir={}",
                                  detail::edge_id(p.relation_id), name(p.type), name(p.status), colour,
                                  detail::status_line_style(p.status), pen_width(p.evidence_count),
                                  is_directed(p.type) ? "forward" : "none");
  // Ownership is drawn as such (a diamond at the owner), never like a deal between equals.
  if (info(p.type).ownership) attrs += ", arrowhead=diamond";
  if (label) attrs += fmt::format(", label=\"{}\", fontcolor=\"{}\"", name(p.type), colour);
  attrs += ", tooltip=" + dot_tooltip(edge_tooltip(g, p));
  if (const auto url = dot_url(latest_web_url(g, p.relation_id)); !url.empty())
    attrs += fmt::format(", URL={}, target=\"_blank\"", url);
  out << fmt::format("  {} -- {} [{}];\n", node_id(p.source_id), node_id(p.target_id), attrs);
}

// The relations between one pair of organisations, strongest first (the most
// definite status, then the most evidence), drawn as one edge.
using PairEdges = std::vector<Edge>;

std::vector<PairEdges> edges_by_pair(const Graph& graph) {
  std::map<std::pair<std::int64_t, std::int64_t>, PairEdges> pairs;  // ordered: stable output
  for (const auto e : detail::edges_of(graph)) {
    const auto& p = graph[e];
    pairs[std::minmax(p.source_id, p.target_id)].push_back(e);
  }
  std::vector<PairEdges> out;
  for (auto& [pair, edges] : pairs) {
    std::stable_sort(edges.begin(), edges.end(), [&](Edge a, Edge b) {
      const auto &x = graph[a], &y = graph[b];
      return x.status != y.status ? rank(x.status) < rank(y.status) : x.evidence_count > y.evidence_count;
    });
    out.push_back(std::move(edges));
  }
  return out;
}

void write_pair_edge(std::ostream& out, const ExportGraph& g, const PairEdges& edges, bool label) {
  const auto& graph = g.alliances.graph;
  if (edges.size() == 1) return write_edge(out, g, edges.front(), label);
  const auto& top = graph[edges.front()];
  const auto tail = top.source_id, head = top.target_id;
  std::int64_t evidence = 0;
  // Direction only when every relation points the same way: "A invests in B,
  // B supplies A" drawn as one arrow would say something false; then each
  // directed relation's label names its target.
  const bool one_way = std::all_of(edges.begin(), edges.end(), [&](Edge e) {
    return is_directed(graph[e].type) && graph[e].source_id == tail;
  });
  std::vector<std::string> classes, labels, tips;
  for (const auto e : edges) {
    const auto& p = graph[e];
    evidence += p.evidence_count;
    classes.emplace_back(name(p.type));
    const bool name_target = is_directed(p.type) && !one_way;
    labels.push_back(fmt::format("{}{}", name(p.type), name_target ? " \u2192 " + graph[*g.alliances.find(p.target_id)].name : ""));
    tips.push_back(edge_tooltip(g, p));
  }
  const auto colour = edge_colour(top);
  std::string attrs = fmt::format("id=\"{}\", class=\"{} {}\", color=\"{}\", style={}, penwidth={:.1f}, dir={}",
                                  detail::edge_id(top.relation_id), fmt::join(classes, " "), name(top.status), colour,
                                  detail::status_line_style(top.status), pen_width(evidence), one_way ? "forward" : "none");
  if (label) attrs += fmt::format(", label={}, fontcolor=\"{}\"", dot_quote(fmt::format("{}", fmt::join(labels, "\n"))), colour);
  attrs += ", tooltip=" + dot_tooltip(fmt::format("{}", fmt::join(tips, "\n\n")));
  if (const auto url = dot_url(latest_web_url(g, top.relation_id)); !url.empty())
    attrs += fmt::format(", URL={}, target=\"_blank\"", url);
  out << fmt::format("  {} -- {} [{}];\n", node_id(tail), node_id(head), attrs);
}

}  // namespace

DotLayout choose_layout(std::size_t nodes, std::size_t edges) {
  return nodes <= kDotMaxNodes && edges <= kDotMaxEdges ? DotLayout::dot : DotLayout::sfdp;
}

void write_dot(std::ostream& out, const ExportGraph& g, const DotOptions& options) {
  const auto& graph = g.alliances.graph;
  const auto layout = options.layout == DotLayout::automatic
                          ? choose_layout(boost::num_vertices(graph), boost::num_edges(graph))
                          : options.layout;
  write_header(out, g, layout, options.legend);
  write_nodes(out, g, layout == DotLayout::dot);
  const bool labels = layout == DotLayout::dot && boost::num_edges(graph) <= kMaxLabelledEdges;
  if (options.split_types)
    for (const auto e : detail::edges_of(graph)) write_edge(out, g, e, labels);
  else
    for (const auto& pair : edges_by_pair(graph)) write_pair_edge(out, g, pair, labels);
  out << "}\n";
}

}  // namespace aikg
