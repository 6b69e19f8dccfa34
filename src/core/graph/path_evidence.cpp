// The evidence shown for the hops of paths (aikg path): which relations'
// sentences to read, and which one sentence speaks for a hop.
#include <tuple>

#include "aikg/selection.hpp"

namespace aikg {

HopEvidence evidence_of_hops(const Store& store, const Selection& selection, const std::vector<RelationRow>& rows,
                             const AllianceGraph& ag, const std::vector<Path>& paths) {
  std::unordered_map<std::int64_t, const RelationRow*> rolled_up;
  if (selection.group)
    for (const auto& r : rows) rolled_up.emplace(r.id, &r);
  HopEvidence out;
  for (const auto& path : paths)
    for (const auto& e : path.hops) {
      const std::int64_t id = ag.graph[e].relation_id;
      if (out.contains(id)) continue;
      out.emplace(id, selection.group ? rolled_up.at(id)->evidence : selected_evidence(store, selection, id));
    }
  return out;
}

const EvidenceRow* hop_evidence(Status status, const std::vector<EvidenceRow>& evidence) {
  const EvidenceRow* best = nullptr;
  const auto key = [&](const EvidenceRow& x) { return std::make_tuple(x.status == status, x.date, x.confidence); };
  for (const auto& e : evidence)
    if (!best || key(e) > key(*best)) best = &e;
  return best;
}

}  // namespace aikg
