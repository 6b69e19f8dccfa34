// What both writers, ingest.cpp and curation.cpp, share: where an analyst
// filed a name, the order of a relation's two entities, and relation
// summaries. Neither writer calls the other; both call down to this file.
#include "aikg/text.hpp"
#include "store/impl.hpp"

namespace aikg {

using detail::known;
using detail::Sql;

std::optional<std::int64_t> Store::Impl::curated_entity(const std::string& name) {
  if (!curation_recorded) {
    const auto q = use(Sql::curation_recorded);
    curation_recorded = q->step() && q->column_int(0) != 0;
  }
  if (!*curation_recorded) return std::nullopt;
  const std::string key = alias_key(name);
  const auto q = bound(Sql::curated_entity, key);
  if (!q->step()) return std::nullopt;
  return q->column_int(0);
}

std::string Store::Impl::entity_name(std::int64_t id) {
  const auto q = bound(Sql::entity_name, id);
  return q->step() ? q->column_text(0) : std::string();
}

void Store::Impl::orient(RelationType type, std::int64_t& source, std::int64_t& target) {
  if (is_directed(type)) return;  // no names to read
  if (!is_canonical_pair(type, entity_name(source), entity_name(target))) std::swap(source, target);
}

// Folds one more mention into the relation's stored summary, without
// rereading the relation's other evidence.
void Store::Impl::add_to_summary(std::int64_t relation, const Mention& m, std::string_view date) {
  RelationSummary s;
  {
    const auto q = bound(Sql::relation_summary, relation);
    if (!q->step()) throw StoreError("a relation vanished while it was being stored");
    const std::string status = q->column_text(0);
    s = {known(parse_status(status), "status", status), q->column_text(1), q->column_text(2), q->column_double(3),
         q->column_int(4)};
  }
  s.add(RelationSummary::of(m.status, date, m.confidence));
  write_summary(relation, s);
}

// The summary from all the relation's evidence, after evidence moved or went.
// Without evidence the status stays and the figures are empty.
void Store::Impl::recompute_summary(std::int64_t relation) {
  RelationSummary s;
  {
    const auto q = bound(Sql::evidence_summaries, relation);
    while (q->step()) {
      const std::string status = q->column_text(0);
      s.add(RelationSummary::of(known(parse_status(status), "status", status), q->column_view(1),
                                q->column_double(2)));
    }
  }
  if (s.evidence_count == 0) {
    const auto q = bound(Sql::relation_summary, relation);
    if (!q->step()) return;
    const std::string status = q->column_text(0);
    s.status = known(parse_status(status), "status", status);
  }
  write_summary(relation, s);
}

void Store::Impl::write_summary(std::int64_t relation, const RelationSummary& s) {
  const auto q = use(Sql::write_relation_summary);
  q->bind_int(1, relation);
  q->bind_text(2, name(s.status));
  q->bind_text_or_null(3, s.first_seen);
  q->bind_text_or_null(4, s.last_seen);
  if (s.evidence_count == 0)
    q->bind_null(5);  // no evidence, no confidence
  else
    q->bind_double(5, s.confidence);
  q->bind_int(6, s.evidence_count);
  q->run();
}

}  // namespace aikg
