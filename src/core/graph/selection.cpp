#include "aikg/selection.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "aikg/summary.hpp"
#include "graph/snapshot_graph.hpp"

namespace aikg {
namespace {

bool row_passes(const Selection& s, const EvidenceRow& e) {
  return detail::evidence_passes(s, e.status, e.date, e.confidence);
}

RelationSummary summary_of(const RelationRow& r) {
  return {r.status, r.first_seen, r.last_seen, r.confidence, r.evidence_count};
}

void set_summary(RelationRow& r, RelationSummary s) {
  r.status = s.status;
  r.first_seen = std::move(s.first_seen), r.last_seen = std::move(s.last_seen);
  r.confidence = s.confidence;
  r.evidence_count = s.evidence_count;
}

// Recomputes a relation's summary from its (filtered) evidence, as the store does.
void summarise(RelationRow& r) {
  RelationSummary s;
  for (const auto& e : r.evidence) s.add(RelationSummary::of(e.status, e.date, e.confidence));
  if (s.evidence_count == 0) s.status = r.status;  // (callers drop relations left without evidence)
  set_summary(r, std::move(s));
}

// Folds relation b's summary into a (a group roll-up without evidence rows):
// the same figures summarise() computes from the union of their evidence.
void merge_summary(RelationRow& a, const RelationRow& b) {
  RelationSummary s = summary_of(a);
  s.add(summary_of(b));
  set_summary(a, std::move(s));
}

}  // namespace

bool detail::evidence_passes(const Selection& s, Status status, std::string_view date, double confidence) {
  if (!status_passes(s, status) || confidence < s.min_confidence) return false;
  if ((!s.since.empty() || !s.until.empty()) && date.empty()) return false;
  if (!s.since.empty() && date < s.since) return false;
  if (!s.until.empty() && date > s.until) return false;
  return true;
}

bool detail::filters_evidence(const Selection& s) {
  return !s.statuses.empty() || s.min_status || !s.since.empty() || !s.until.empty() || s.min_confidence > 0;
}

bool detail::keep_selected(RelationRow& r, const Selection& s, bool recompute) {
  if (recompute || detail::filters_evidence(s)) {
    std::erase_if(r.evidence, [&](const EvidenceRow& e) { return !row_passes(s, e); });
    if (r.evidence.empty()) return false;
    summarise(r);
  }
  return r.evidence_count >= s.min_evidence;
}

std::vector<RelationRow> select_relations(const Store& store, const Selection& s, bool with_evidence) {
  if (!with_evidence && detail::snapshot_answers(s))
    if (const auto snap = detail::selection_snapshot(store, s)) {
      std::vector<RelationRow> out;
      const auto rows = detail::selected_rows(*snap, s);
      out.reserve(rows.size());
      for (const auto r : rows) out.push_back(detail::relation_row(*snap, r));
      return out;
    }
  Store::RelationFilter filter;
  filter.types = selected_types(s);
  if (filter.types.empty() && !s.exclude_types.empty()) return {};  // all excluded (an empty filter means every type)
  filter.sorted = false;  // sorted below, after the roll-up
  const bool per_evidence = with_evidence || detail::filters_evidence(s);
  auto rows = store.relations(filter, per_evidence);
  if (!s.group && !per_evidence) {  // the stored summaries as they are: only the bar to apply
    std::erase_if(rows, [&](const RelationRow& r) { return r.evidence_count < s.min_evidence; });
    sort_relations(rows);
    return rows;
  }
  std::unordered_map<std::int64_t, const EntityRow*> top;
  std::vector<EntityRow> entities;
  if (s.group) {
    entities = store.entities();
    top = group_tops(entities);
  }
  std::vector<RelationRow> out;
  // Counts, dates and status from the evidence that passed; then the bars.
  auto keep = [&](RelationRow&& r) {
    if (per_evidence) summarise(r);
    if (r.evidence_count < s.min_evidence) return;
    if (!with_evidence) r.evidence.clear();
    out.push_back(std::move(r));
  };
  std::map<std::tuple<RelationType, std::int64_t, std::int64_t>, RelationRow> merged;  // the roll-up's
  for (auto& r : rows) {
    if (per_evidence) {
      std::erase_if(r.evidence, [&](const EvidenceRow& e) { return !row_passes(s, e); });
      if (r.evidence.empty()) continue;
    }
    if (!s.group) {  // (type, source, target) is unique in the store: nothing to merge
      keep(std::move(r));
      continue;
    }
    const auto* a = top.at(r.source_id);
    const auto* b = top.at(r.target_id);
    r.source_id = a->id, r.source_name = a->name;
    r.target_id = b->id, r.target_name = b->name;
    if (r.source_id == r.target_id) continue;
    if (!is_canonical_pair(r.type, r.source_name, r.target_name))
      std::swap(r.source_id, r.target_id), std::swap(r.source_name, r.target_name);
    const std::tuple key{r.type, r.source_id, r.target_id};
    const auto it = merged.find(key);
    if (it == merged.end()) {
      merged.emplace(key, std::move(r));
    } else if (per_evidence) {
      auto& into = it->second.evidence;
      into.insert(into.end(), std::make_move_iterator(r.evidence.begin()), std::make_move_iterator(r.evidence.end()));
    } else {
      merge_summary(it->second, r);
    }
  }
  for (auto& [key, r] : merged) keep(std::move(r));
  sort_relations(out);
  return out;
}

std::vector<EvidenceRow> selected_evidence(const Store& store, const Selection& s, std::int64_t relation_id) {
  auto rows = store.evidence(relation_id);
  std::erase_if(rows, [&](const EvidenceRow& e) { return !row_passes(s, e); });
  return rows;
}

std::vector<RelationType> selected_types(const Selection& s) {
  if (s.exclude_types.empty()) return s.types;
  std::vector<RelationType> out;
  for (const auto& t : kRelationTypes) {
    const bool listed = s.types.empty() || std::find(s.types.begin(), s.types.end(), t.type) != s.types.end();
    const bool excluded = std::find(s.exclude_types.begin(), s.exclude_types.end(), t.type) != s.exclude_types.end();
    if (listed && !excluded) out.push_back(t.type);
  }
  return out;
}

bool status_passes(const Selection& s, Status status) {
  if (!s.statuses.empty() && std::find(s.statuses.begin(), s.statuses.end(), status) == s.statuses.end()) return false;
  if (s.min_status && (status == Status::ended || rank(status) > rank(*s.min_status))) return false;
  return true;
}

AllianceGraph select_graph(const Store& store, const Selection& selection) {
  if (detail::snapshot_answers(selection))
    if (const auto snap = detail::selection_snapshot(store, selection))
      return detail::graph_from_snapshot(*snap, detail::selected_rows(*snap, selection));
  return build_graph(select_relations(store, selection), store.entities());
}

}  // namespace aikg
