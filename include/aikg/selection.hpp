// One way to select the graph, shared by every query and export: which
// relation types and statuses, which evidence dates and confidence, how much
// evidence, and whether affiliates are rolled up into their business group.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "aikg/graph.hpp"
#include "aikg/store.hpp"
#include "aikg/taxonomy.hpp"

namespace aikg {

struct Selection {
  std::vector<RelationType> types;   // empty: every type
  std::vector<RelationType> exclude_types;  // never these, even when listed in `types`
  std::vector<Status> statuses;      // empty: every status (see min_status)
  std::optional<Status> min_status;  // keep statuses at least this definite (done > planned > talks > speculated); never ended
  std::string since, until;          // ISO dates, inclusive, on evidence dates; evidence without a date is dropped when set
  double min_confidence = 0.0;       // on evidence
  std::int64_t min_evidence = 1;     // evidence rows left after the filters above
  bool group = false;                // roll affiliates up into their top-level parent (SK Telecom -> SK Group)
};

// The types `selection` reads: `types` (or every type) without `exclude_types`.
std::vector<RelationType> selected_types(const Selection& selection);

// The relations that pass `selection`, with their counts, dates, status and
// confidence recomputed from the evidence that passes. Relations that roll up
// onto the same (type, pair), and self-loops created by the roll-up (an
// affiliate's relation with its own group), are merged or dropped.
std::vector<RelationRow> select_relations(const Store& store, const Selection& selection, bool with_evidence = false);

// The evidence of one stored relation that passes `selection`'s evidence
// filters, in date order: for a few relations, far cheaper than
// select_relations(..., true) over a whole graph.
std::vector<EvidenceRow> selected_evidence(const Store& store, const Selection& selection, std::int64_t relation_id);

// The selected relations as a graph (built once per command).
AllianceGraph select_graph(const Store& store, const Selection& selection);

// Whether `status` passes the selection's --status and --min-status (which
// never keeps ended).
bool status_passes(const Selection& selection, Status status);

// ---------------------------------------------------------------------------
// The evidence of paths (path_evidence.cpp)

using HopEvidence = std::unordered_map<std::int64_t, std::vector<EvidenceRow>>;  // relation id -> sentences

// The evidence of every hop on `paths` that passes `selection`. `rows` are
// the relations `ag` was built from: a roll-up (selection.group) merges
// relations, so its rows must carry their evidence (select_relations(...,
// true)); otherwise only the hops' relations are read, not the whole graph's
// evidence.
HopEvidence evidence_of_hops(const Store& store, const Selection& selection, const std::vector<RelationRow>& rows,
                             const AllianceGraph& ag, const std::vector<Path>& paths);

// The sentence to show for a hop: one stating the relation's current
// `status`, then the latest, then the most confident; nullptr when none.
const EvidenceRow* hop_evidence(Status status, const std::vector<EvidenceRow>& evidence);

}  // namespace aikg
