// Timelines and changes, from evidence dates.
#include <algorithm>
#include <map>
#include <tuple>

#include "aikg/analytics.hpp"

namespace aikg {
namespace {

const std::string& other_party(const RelationRow& r, std::int64_t entity_id) {
  return r.source_id == entity_id ? r.target_name : r.source_name;
}

// Later dates win; on the same date the more definite status (the store's rule).
bool later(const EvidenceRow& a, const EvidenceRow& b) {
  return a.date != b.date ? a.date > b.date : rank(a.status) < rank(b.status);
}

// The status at the latest evidence dated within [from, to] (empty: open), or nullptr.
const EvidenceRow* latest(const RelationRow& r, std::string_view from, std::string_view to) {
  const EvidenceRow* best = nullptr;
  for (const auto& e : r.evidence) {
    if (e.date.empty() || (!from.empty() && e.date < from) || (!to.empty() && e.date > to)) continue;
    if (!best || later(e, *best)) best = &e;
  }
  return best;
}

// The first evidence in [from, to] with `status`, the most confident on that day.
const EvidenceRow* first_with(const RelationRow& r, Status status, std::string_view from, std::string_view to) {
  const EvidenceRow* best = nullptr;
  for (const auto& e : r.evidence) {
    if (e.status != status || e.date.empty() || e.date < from || (!to.empty() && e.date > to)) continue;
    if (!best || e.date < best->date || (e.date == best->date && e.confidence > best->confidence)) best = &e;
  }
  return best;
}

// The status just before the window: that of the latest evidence dated
// before `since` (ISO dates compare as strings).
std::optional<Status> status_before(const RelationRow& r, std::string_view since) {
  const EvidenceRow* best = nullptr;
  for (const auto& e : r.evidence)
    if (!e.date.empty() && e.date < since && (!best || later(e, *best))) best = &e;
  if (!best) return std::nullopt;
  return best->status;
}

}  // namespace

std::vector<TimelineEvent> timeline(const std::vector<RelationRow>& relations, std::int64_t entity_id) {
  std::vector<TimelineEvent> out;
  for (const auto& r : relations) {
    if (r.source_id != entity_id && r.target_id != entity_id) continue;
    std::map<std::pair<std::string, Status>, TimelineEvent> by_day;
    for (const auto& e : r.evidence) {
      auto& ev = by_day[{e.date, e.status}];
      ev.date = e.date, ev.relation = &r, ev.status = e.status;
      ++ev.sentences;
      if (!ev.evidence || e.confidence > ev.evidence->confidence) ev.evidence = &e;
    }
    for (auto& [key, ev] : by_day) out.push_back(std::move(ev));
  }
  auto key = [&](const TimelineEvent& e) {
    return std::make_tuple(e.date.empty(), std::cref(e.date), e.relation->type,
                           std::cref(other_party(*e.relation, entity_id)), rank(e.status));
  };
  std::sort(out.begin(), out.end(), [&](const TimelineEvent& a, const TimelineEvent& b) { return key(a) < key(b); });
  return out;
}

std::vector<Change> changes(const std::vector<RelationRow>& relations, std::string_view since, std::string_view until) {
  std::vector<Change> out;
  for (const auto& r : relations) {
    const auto* end = latest(r, since, until);
    if (!end) continue;  // nothing said about it in the window
    const auto before = status_before(r, since);
    if (before == end->status) continue;
    out.push_back({&r, before, end->status, {}, first_with(r, end->status, since, until)});
    out.back().date = out.back().evidence->date;
  }
  std::sort(out.begin(), out.end(), [](const Change& a, const Change& b) {
    return std::tie(a.date, a.relation->type, a.relation->source_name, a.relation->target_name) <
           std::tie(b.date, b.relation->type, b.relation->source_name, b.relation->target_name);
  });
  return out;
}

}  // namespace aikg
