// Pieces the export writers share: synthetic ids, iteration in a stable
// order, and small formatting helpers. Private to aikg_core.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/export.hpp"
#include "aikg/selection.hpp"

namespace aikg::detail {

inline std::string node_id(std::int64_t entity_id) { return fmt::format("n{}", entity_id); }
inline std::string edge_id(std::int64_t relation_id) { return fmt::format("r{}", relation_id); }

// Vertices and edges in the order build_graph added them (relations sorted by
// type and names), so exports of the same data are byte-identical.
std::vector<Vertex> vertices_of(const Graph& g);
std::vector<Edge> edges_of(const Graph& g);

// Aliases other than the name itself, joined with "; ".
std::string other_aliases(const ExportGraph& g, const NodeProps& node);
const std::string& group_of(const ExportGraph& g, std::int64_t entity_id);

// Node i's aliases other than its name, joined with "; ".
std::string other_aliases(const ExportView& g, std::size_t i, const NodeProps& node);

// The one-line caption of an export: what was selected, and how much of it.
std::string export_caption(const Selection& s, std::size_t nodes, std::size_t edges, const std::string& focus_name,
                           std::size_t depth);

// Shortest decimal that reads back as the same double ("0.85", not "0.850000").
inline std::string number(double x) { return fmt::format("{}", x); }

// Replaces <, >, & and U+2028/U+2029 in serialised JSON by \u escapes, which
// every JSON reader decodes back: the document can then be pasted into an
// HTML <script> block without a name such as "</script>" ending it. Safe on
// the whole text because these characters only occur inside JSON strings.
std::string json_for_html(std::string_view json);

}  // namespace aikg::detail
