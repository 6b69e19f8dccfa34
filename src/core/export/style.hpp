// How the pictures draw the taxonomy, shared by the DOT export and the HTML
// explorer so that both show a relation or an organisation the same way:
// colour per type (taxonomy.hpp), line style per status, width by evidence,
// shape and fill per entity kind. Private to aikg_core.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "aikg/taxonomy.hpp"

namespace aikg::detail {

struct KindStyle {
  std::string_view shape, style, fill, words;  // Graphviz shape and style; words: the shape, for the legend
  std::string_view web_shape;                  // the nearest Cytoscape.js shape
};

inline KindStyle kind_style(EntityKind k) {
  switch (k) {
    case EntityKind::group: return {"box3d", "filled", "#dbe5f1", "3-D box", "rectangle"};
    case EntityKind::government: return {"house", "filled", "#f3e6cc", "house", "pentagon"};
    case EntityKind::project: return {"hexagon", "filled", "#e2f0d9", "hexagon", "hexagon"};
    case EntityKind::person: return {"ellipse", "filled", "#f8e1ea", "ellipse", "ellipse"};
    case EntityKind::media: return {"note", "filled", "#eeeeee", "note", "tag"};
    case EntityKind::other: return {"ellipse", "filled", "#eeeeee", "ellipse", "ellipse"};
    case EntityKind::company: break;
  }
  return {"box", "rounded,filled", "#f7f7f7", "box", "round-rectangle"};
}

// Signed or done: solid; planned: dashed; talks and speculation: dotted.
// Ended relations keep a solid line but are faded (status_faded).
inline std::string_view status_line_style(Status s) {
  switch (s) {
    case Status::planned: return "dashed";
    case Status::talks:
    case Status::speculated: return "dotted";
    case Status::done:
    case Status::ended: break;
  }
  return "solid";
}

inline bool status_faded(Status s) { return s == Status::ended; }
// The alpha of a faded line: 0x55 keeps the type's hue but pushes it back.
inline constexpr std::string_view kFadedAlphaHex = "55";

// 1 evidence: 1pt; each doubling adds 1.5pt, up to 6pt.
inline double pen_width(std::int64_t evidence) {
  return std::min(6.0, 1.0 + 1.5 * std::log2(static_cast<double>(std::max<std::int64_t>(1, evidence))));
}

}  // namespace aikg::detail
