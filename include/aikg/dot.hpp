// Graphviz DOT output of an alliance graph, drawn to be looked at: colour per
// relation type, line style per status, width by evidence count, shape per
// entity kind, affiliates inside a box for their business group, a legend,
// and tooltips and links to the evidence in SVG output.
//
// Node ids are synthetic (n<entity id>) and every piece of data goes through
// the quoting functions below, so no name can end a string early, inject
// attributes, or trigger Graphviz's \N / \G substitutions. Data never picks
// attributes that read files (image, shapefile, fontpath).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "aikg/export.hpp"

namespace aikg {

enum class DotLayout { automatic, dot, sfdp };

struct DotOptions {
  DotLayout layout = DotLayout::automatic;
  bool legend = true;
  // One edge per relation; by default a pair of organisations linked by
  // several relations (loi, contract, investment ...) gets one edge, styled by
  // its strongest relation and labelled with all of them.
  bool split_types = false;
};

// What `automatic` picks: dot (hierarchical, clusters, edge labels) up to 300
// nodes and 1,000 edges; sfdp beyond, where dot takes minutes (perf-anchors:
// dot needs 36 s for 3k edges, sfdp 1.2 s).
DotLayout choose_layout(std::size_t nodes, std::size_t edges);

void write_dot(std::ostream& out, const ExportView& g, const DotOptions& options = {});

// A DOT double-quoted string for a label (escString): \ -> \\, " -> \",
// & -> &amp; (Graphviz decodes entities in labels), line breaks -> \n (a line
// break in the picture), TAB -> space, other control characters dropped.
std::string dot_quote(std::string_view s);

// A DOT string for a tooltip. As dot_quote, but a backslash is written as
// U+29F5 (reverse solidus operator): Graphviz unescapes tooltips a different
// number of times in different versions (2.43 turns \\N into the node name),
// so no escaping of a real backslash is portable.
std::string dot_tooltip(std::string_view s);

// A DOT string for a URL attribute, or "" when `url` is not http(s): quotes,
// angle brackets, backslashes, spaces and non-ASCII bytes percent-encoded,
// & as &amp; (Graphviz 2.43 copies URL into SVG href without escaping).
std::string dot_url(std::string_view url);

}  // namespace aikg
