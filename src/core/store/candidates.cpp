// Discovered names: the candidate entities an analyst reviews (aikg entities
// --candidates), and the names they reject (aikg alias reject), which later
// ingests respect. Each runs once per call, so its SQL is here.
#include "aikg/text.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::require_utf8;
using detail::Statement;

constexpr std::string_view kCandidates =
    "SELECT e.id, e.name, count(v.id), count(DISTINCT v.document_id), "
    "  (SELECT v2.sentence FROM evidence v2 JOIN relations r2 ON r2.id = v2.relation_id "
    "    WHERE r2.source_id = e.id OR r2.target_id = e.id "
    "    ORDER BY coalesce(v2.confidence, 0) DESC, v2.id LIMIT 1) "
    "FROM entities e "
    "LEFT JOIN relations r ON r.source_id = e.id OR r.target_id = e.id "
    "LEFT JOIN evidence v ON v.relation_id = r.id "
    "WHERE e.candidate = 1 GROUP BY e.id ORDER BY count(v.id) DESC, e.name";

// What goes with a rejected entity, in an order the foreign keys accept.
constexpr std::string_view kRemoveEntity[] = {
    "DELETE FROM evidence WHERE relation_id IN (SELECT id FROM relations WHERE source_id = ?1 OR target_id = ?1)",
    "DELETE FROM retractions WHERE source_id = ?1 OR target_id = ?1",
    "DELETE FROM relations WHERE source_id = ?1 OR target_id = ?1",
    "DELETE FROM merges WHERE keep_id = ?1",
    "UPDATE entities SET parent_id = NULL WHERE parent_id = ?1",
    "DELETE FROM aliases WHERE entity_id = ?1",
    "DELETE FROM entities WHERE id = ?1",
};

}  // namespace

std::vector<CandidateRow> Store::candidates() const {
  Statement q(impl_->db.get(), kCandidates, "listing discovered names", 0);
  std::vector<CandidateRow> out;
  while (q.step())
    out.push_back({q.column_int(0), q.column_text(1), q.column_int(2), q.column_int(3), q.column_text(4)});
  return out;
}

std::int64_t Store::reject_name(std::string_view name, std::string_view note) {
  impl_->require_writable("reject a name");
  require_utf8(name, "the name");
  require_utf8(note, "the note");
  const std::string key = alias_key(name), text(name), why(note);
  if (key.empty()) throw StoreError("an empty name");
  const auto id = resolve(name);
  const auto row = id ? entity(*id) : std::nullopt;
  if (row && !row->candidate)
    throw StoreError(fmt::format("'{}' is a known organisation ({}), not a discovered name; retract its relations "
                                 "with aikg relation retract instead",
                                 name, row->name));
  Impl::Savepoint scope(*impl_, "curation", "curation", true);
  std::int64_t removed = 0;
  if (id) {
    {
      Statement count(impl_->db.get(), "SELECT count(*) FROM relations WHERE source_id = ?1 OR target_id = ?1",
                      "counting a name's relations", 0);
      count.bind_int(1, *id);
      if (count.step()) removed = count.column_int(0);
    }
    for (const auto sql : kRemoveEntity) {
      Statement q(impl_->db.get(), sql, "removing a rejected name", 0);
      q.bind_int(1, *id);
      q.step();
    }
  }
  Statement q(impl_->db.get(),
              "INSERT INTO rejected_names(alias_key, name, note, rejected_at) "
              "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
              "ON CONFLICT(alias_key) DO UPDATE SET note = excluded.note",
              "recording a rejected name", 0);
  q.bind_text(1, key);
  q.bind_text(2, text);
  q.bind_text(3, why);
  q.step();
  scope.commit();
  impl_->rejected_keys.reset();
  return removed;
}

// Only discovered names can be rejected: a name the gazetteer backs is never one.
bool Store::Impl::rejected(const EntityRef& e) {
  if (!e.candidate) return false;
  if (!rejected_keys) {
    rejected_keys.emplace();
    Statement q(db.get(), "SELECT alias_key FROM rejected_names", "reading rejected names", 0);
    while (q.step()) rejected_keys->insert(q.column_text(0));
  }
  return !rejected_keys->empty() && rejected_keys->contains(alias_key(e.name));
}

}  // namespace aikg
