// The explorer's JSON, shared by the self-contained page and the API: the
// legend from the taxonomy and a part of an ExportGraph. Private to aikg_core.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "aikg/export.hpp"
#include "aikg/selection.hpp"

namespace aikg::detail {

struct ExplorerPart {
  std::vector<Vertex> vertices;
  std::vector<Edge> edges;
  bool truncated = false;
};

nlohmann::ordered_json explorer_evidence(const EvidenceRow& e);

// The page's data for `part` of `g`; the evidence of each edge (from
// g.evidence) when `with_evidence`.
nlohmann::ordered_json explorer_json(const ExportGraph& g, const Selection& selection, const ExplorerPart& part,
                                     bool with_evidence);

// Serialised, ill-formed UTF-8 replaced (it cannot come from the store, but a
// replacement character beats an exception).
std::string dump_json(const nlohmann::ordered_json& j);

}  // namespace aikg::detail
