#include "aikg/dot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <span>
#include <tuple>

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
std::string legend_label(const ExportView& g, bool legend) {
  std::array<bool, kRelationTypes.size()> types{};
  std::array<bool, kStatuses.size()> statuses{};
  std::array<bool, kEntityKinds.size()> kinds{};
  if (legend) {
    for (std::size_t i = 0; i < g.edges(); ++i) {
      const auto p = g.edge(i);
      types[static_cast<std::size_t>(p.type)] = statuses[static_cast<std::size_t>(p.status)] = true;
    }
    for (std::size_t i = 0; i < g.nodes(); ++i) kinds[static_cast<std::size_t>(g.node(i).kind)] = true;
  }
  std::string rows = fmt::format(R"(<tr><td align="left" colspan="2"><b>{}</b></td></tr>)", html_text(g.title()));
  if (legend && g.edges() > 0) rows += type_legend(types) + status_legend(statuses) + kind_legend(kinds);
  return fmt::format(R"(<<table border="0" cellborder="0" cellspacing="0" cellpadding="2">{}</table>>)", rows);
}

void write_header(std::ostream& out, const ExportView& g, DotLayout layout, bool legend) {
  out << "graph aikg {\n";
  out << fmt::format("  graph [layout={}, fontname=\"{}\", fontsize=11, labelloc=t, labeljust=l, tooltip={},\n",
                     layout == DotLayout::sfdp ? "sfdp" : "dot", kFont, dot_tooltip(g.title()));
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

std::string node_tooltip(const ExportView& g, std::size_t i, const NodeProps& n) {
  std::string tip = fmt::format("{}\n{}", n.name, name(n.kind));
  if (const auto group = g.group(i); !group.empty()) tip += " in " + group;
  if (const auto aliases = detail::other_aliases(g, i, n); !aliases.empty()) tip += "\nalso: " + aliases;
  return tip;
}

void write_node(std::ostream& out, const ExportView& g, std::size_t i, std::string_view indent) {
  const auto n = g.node(i);
  const auto style = kind_style(n.kind);
  const bool focus = g.focus() == n.entity_id;
  out << fmt::format("{}{} [id=\"{}\", class=\"{}\", label={}, shape={}, style=\"{}\", fillcolor=\"{}\", tooltip={}{}];\n",
                     indent, node_id(n.entity_id), node_id(n.entity_id), name(n.kind), dot_quote(n.name), style.shape,
                     style.style, focus ? "#ffe08a" : style.fill, dot_tooltip(node_tooltip(g, i, n)),
                     focus ? ", penwidth=2.5, color=\"#b8860b\"" : "");
}

// Affiliates (and the group itself, when drawn) inside one box per business
// group. Only dot draws clusters, so other layouts get plain nodes.
void write_nodes(std::ostream& out, const ExportView& g, bool clusters) {
  std::map<std::string, std::vector<std::size_t>> boxes;  // group name -> members, sorted for stable output
  std::vector<std::size_t> loose;
  if (clusters)
    for (std::size_t i = 0; i < g.nodes(); ++i)
      if (auto group = g.group(i); !group.empty()) boxes[std::move(group)].push_back(i);
  for (std::size_t i = 0; i < g.nodes(); ++i) {
    const auto it = clusters ? boxes.find(g.node(i).name) : boxes.end();
    if (it != boxes.end())
      it->second.insert(it->second.begin(), i);  // the group's own node, first in its box
    else if (!clusters || g.group(i).empty())
      loose.push_back(i);
  }
  std::size_t index = 0;
  for (const auto& [group, members] : boxes) {
    // When the group's own node is in its box it names the box: a label too
    // would show the group twice.
    const bool named_by_node = g.node(members.front()).name == group;
    out << fmt::format("  subgraph cluster_{} {{\n    label={}; tooltip={}; style=\"rounded,filled\"; "
                       "fillcolor=\"#f5f7fb\"; color=\"#b8c4d6\"; fontsize=10;\n",
                       index++, named_by_node ? "\"\"" : dot_quote(group), dot_tooltip(group));
    for (const auto i : members) write_node(out, g, i, "    ");
    out << "  }\n";
  }
  for (const auto i : loose) write_node(out, g, i, "  ");
}

std::string edge_tooltip(const EdgeProps& p, const std::vector<EvidenceRow>& evidence) {
  std::string tip = fmt::format("{} ({}), {} evidence", name(p.type), name(p.status), p.evidence_count);
  if (!p.first_seen.empty())
    tip += p.first_seen == p.last_seen ? ", " + p.first_seen : fmt::format(", {} to {}", p.first_seen, p.last_seen);
  if (const auto* ev = representative_evidence(evidence)) {
    tip += fmt::format("\n\u201C{}\u201D ({}{})", truncated(ev->sentence, kTooltipSentence), ev->doc,
                       ev->date.empty() ? "" : ", " + ev->date);
    if (is_web_url(ev->url)) tip += "\n" + ev->url;
  }
  return tip;
}

void write_edge(std::ostream& out, const ExportView& g, std::size_t i, bool label) {
  const auto p = g.edge(i);
  const auto evidence = g.evidence(i);
  const auto colour = edge_colour(p);
  std::string attrs = fmt::format("id=\"{}\", class=\"{} {}\", color=\"{}\", style={}, penwidth={:.1f}, dir={}",
                                  detail::edge_id(p.relation_id), name(p.type), name(p.status), colour,
                                  detail::status_line_style(p.status), pen_width(p.evidence_count),
                                  is_directed(p.type) ? "forward" : "none");
  // Ownership is drawn as such (a diamond at the owner), never like a deal between equals.
  if (info(p.type).ownership) attrs += ", arrowhead=diamond";
  if (label) attrs += fmt::format(", label=\"{}\", fontcolor=\"{}\"", name(p.type), colour);
  attrs += ", tooltip=" + dot_tooltip(edge_tooltip(p, evidence));
  if (const auto url = dot_url(latest_web_url(evidence)); !url.empty())
    attrs += fmt::format(", URL={}, target=\"_blank\"", url);
  out << fmt::format("  {} -- {} [{}];\n", node_id(p.source_id), node_id(p.target_id), attrs);
}

// An edge's place among the relations between one pair of organisations:
// pairs in id order, then the strongest first (the most definite status, then
// the most evidence), then edge order. A few bytes per edge: the edges
// themselves are read again as each pair is written.
struct PairSlot {
  std::int64_t low, high;
  int status_rank;
  std::int64_t evidence;
  std::size_t edge;
  auto key() const { return std::tuple(low, high, status_rank, -evidence, edge); }
};

std::vector<PairSlot> edges_by_pair(const ExportView& g) {
  std::vector<PairSlot> slots;
  slots.reserve(g.edges());
  for (std::size_t i = 0; i < g.edges(); ++i) {
    const auto p = g.edge(i);
    const auto [low, high] = std::minmax(p.source_id, p.target_id);
    slots.push_back({low, high, static_cast<int>(rank(p.status)), p.evidence_count, i});
  }
  std::sort(slots.begin(), slots.end(), [](const PairSlot& a, const PairSlot& b) { return a.key() < b.key(); });
  return slots;
}

// The relations between one pair of organisations, strongest first, drawn as one edge.
void write_pair_edge(std::ostream& out, const ExportView& g, std::span<const PairSlot> pair, bool label) {
  if (pair.size() == 1) return write_edge(out, g, pair.front().edge, label);
  std::vector<EdgeProps> edges;
  for (const auto& slot : pair) edges.push_back(g.edge(slot.edge));
  const auto& top = edges.front();
  const auto tail = top.source_id, head = top.target_id;
  std::int64_t evidence = 0;
  // Direction only when every relation points the same way: "A invests in B,
  // B supplies A" drawn as one arrow would say something false; then each
  // directed relation's label names its target.
  const bool one_way = std::all_of(edges.begin(), edges.end(), [&](const EdgeProps& p) {
    return is_directed(p.type) && p.source_id == tail;
  });
  std::vector<std::string> classes, labels, tips;
  std::string url;
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const auto& p = edges[k];
    const auto rows = g.evidence(pair[k].edge);
    if (k == 0) url = latest_web_url(rows);
    evidence += p.evidence_count;
    classes.emplace_back(name(p.type));
    const bool name_target = is_directed(p.type) && !one_way;
    labels.push_back(fmt::format("{}{}", name(p.type), name_target ? " \u2192 " + g.name_of(p.target_id) : ""));
    tips.push_back(edge_tooltip(p, rows));
  }
  const auto colour = edge_colour(top);
  std::string attrs = fmt::format("id=\"{}\", class=\"{} {}\", color=\"{}\", style={}, penwidth={:.1f}, dir={}",
                                  detail::edge_id(top.relation_id), fmt::join(classes, " "), name(top.status), colour,
                                  detail::status_line_style(top.status), pen_width(evidence), one_way ? "forward" : "none");
  if (label) attrs += fmt::format(", label={}, fontcolor=\"{}\"", dot_quote(fmt::format("{}", fmt::join(labels, "\n"))), colour);
  attrs += ", tooltip=" + dot_tooltip(fmt::format("{}", fmt::join(tips, "\n\n")));
  if (const auto link = dot_url(url); !link.empty()) attrs += fmt::format(", URL={}, target=\"_blank\"", link);
  out << fmt::format("  {} -- {} [{}];\n", node_id(tail), node_id(head), attrs);
}

}  // namespace

DotLayout choose_layout(std::size_t nodes, std::size_t edges) {
  return nodes <= kDotMaxNodes && edges <= kDotMaxEdges ? DotLayout::dot : DotLayout::sfdp;
}

void write_dot(std::ostream& out, const ExportView& g, const DotOptions& options) {
  const auto layout = options.layout == DotLayout::automatic ? choose_layout(g.nodes(), g.edges()) : options.layout;
  write_header(out, g, layout, options.legend);
  write_nodes(out, g, layout == DotLayout::dot);
  const bool labels = layout == DotLayout::dot && g.edges() <= kMaxLabelledEdges;
  if (options.split_types) {
    for (std::size_t i = 0; i < g.edges(); ++i) write_edge(out, g, i, labels);
  } else {
    const auto slots = edges_by_pair(g);
    for (std::size_t begin = 0, end = 0; begin < slots.size(); begin = end) {
      for (end = begin + 1; end < slots.size() && slots[end].low == slots[begin].low && slots[end].high == slots[begin].high;) ++end;
      write_pair_edge(out, g, std::span(slots).subspan(begin, end - begin), labels);
    }
  }
  out << "}\n";
}

}  // namespace aikg
