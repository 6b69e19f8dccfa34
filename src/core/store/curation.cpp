// Curation: what analysts assert by hand. Each action is one transaction and
// is stored where ingest cannot undo it: curated aliases and merges redirect
// names (curated_entity), curated evidence has no document for a re-ingest to
// replace, and retractions are keyed by (type, source, target), not by id.
// The SQL is in statements.cpp; what ingest shares with curation is in
// relations.cpp.
#include "aikg/text.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::known;
using detail::RelationKey;
using detail::Sql;

std::int64_t replaced(std::int64_t id, std::int64_t drop, std::int64_t keep) { return id == drop ? keep : id; }

std::int64_t existing_entity(const Store& store, std::string_view name) {
  if (const auto id = store.resolve(name)) return *id;
  throw StoreError(fmt::format("no entity named '{}'", name));
}

}  // namespace

// The rows of `sql` (id, type, source_id, target_id) that involve `entity`,
// read in full before any of them is changed.
std::vector<std::pair<std::int64_t, RelationKey>> Store::Impl::keyed_rows(Sql sql, std::int64_t entity) {
  std::vector<std::pair<std::int64_t, RelationKey>> rows;
  const auto q = bound(sql, entity);
  while (q->step()) {
    const std::string type = q->column_text(1);
    rows.push_back({q->column_int(0), RelationKey{known(parse_relation_type(type), "relation type", type), q->column_int(2),
                                                  q->column_int(3)}});
  }
  return rows;
}

// RelationKey `k` with `drop` replaced by `keep`, in canonical order.
RelationKey Store::Impl::moved(RelationKey k, std::int64_t drop, std::int64_t keep) {
  k.source = replaced(k.source, drop, keep), k.target = replaced(k.target, drop, keep);
  orient(k.type, k.source, k.target);
  return k;
}

std::optional<std::int64_t> Store::Impl::relation_with(const RelationKey& k) {
  const auto q = bound(Sql::find_relation, name(k.type), k.source, k.target);
  if (!q->step()) return std::nullopt;
  return q->column_int(0);
}

// Moves every relation of `drop` onto `keep`: repointed, folded into the
// relation `keep` already has, or deleted when it joined the two.
void Store::Impl::move_relations(std::int64_t drop, std::int64_t keep, MergeResult& r) {
  for (const auto& [id, key] : keyed_rows(Sql::relations_of_entity, drop)) {
    const RelationKey k = moved(key, drop, keep);
    if (k.source == k.target) {
      bound(Sql::delete_relation, id)->run();
      ++r.dropped;
    } else if (const auto twin = relation_with(k)) {
      bound(Sql::move_evidence, id, *twin)->run();
      bound(Sql::delete_relation, id)->run();
      recompute_summary(*twin);
      ++r.merged;
    } else {
      bound(Sql::repoint_relation, id, k.source, k.target)->run();
      ++r.moved;
    }
  }
}

void Store::Impl::move_retractions(std::int64_t drop, std::int64_t keep) {
  for (const auto& [id, key] : keyed_rows(Sql::retractions_of_entity, drop)) {
    const RelationKey k = moved(key, drop, keep);
    if (k.source != k.target) bound(Sql::copy_retraction, id, name(k.type), k.source, k.target)->run();
    bound(Sql::delete_retraction, id)->run();
  }
}

// Aliases, children, the parent, earlier merges into `drop`, and the record
// that sends the dropped name to `keep` from now on.
void Store::Impl::move_names(std::int64_t drop, std::int64_t keep) {
  const std::string drop_name = entity_name(drop);
  const std::string key = alias_key(drop_name);
  bound(Sql::move_aliases, drop, keep)->run();
  bound(Sql::move_children, drop, keep)->run();
  bound(Sql::inherit_parent, drop, keep)->run();
  bound(Sql::move_merges, drop, keep)->run();
  bound(Sql::record_merge, drop_name, key, keep)->run();
  bound(Sql::delete_entity, drop)->run();
}

// Text an analyst types is stored as the name or the sentence every --json
// output shows: it must be UTF-8 (a terminal in another encoding sends other bytes).
void detail::require_utf8(std::string_view text, std::string_view what) {
  if (const auto at = find_invalid_utf8(text))
    throw StoreError(fmt::format("{} is not valid UTF-8 (byte {}): '{}'", what, *at, escape_invalid_utf8(text)));
}

namespace {
using detail::require_utf8;

}  // namespace

void Store::add_alias(std::string_view entity, std::string_view alias) {
  impl_->require_writable("add an alias");
  require_utf8(alias, "the alias");
  const std::int64_t id = existing_entity(*this, entity);
  const std::string key = alias_key(alias);
  if (key.empty()) throw StoreError("an empty alias");
  if (const auto owner = resolve(alias); owner && *owner != id)
    throw StoreError(fmt::format("'{}' already names '{}'; to make them one entity run: aikg merge '{}' '{}'", alias,
                                 impl_->entity_name(*owner), impl_->entity_name(id), alias));
  Impl::Savepoint scope(*impl_, "curation", "curation", true);
  impl_->bound(Sql::insert_curated_alias, id, alias, key)->run();
  scope.commit();
}

MergeResult Store::merge(std::string_view keep, std::string_view drop) {
  impl_->require_writable("merge entities");
  const std::int64_t k = existing_entity(*this, keep), d = existing_entity(*this, drop);
  if (k == d) throw StoreError(fmt::format("'{}' and '{}' are already one entity", keep, drop));
  Impl::Savepoint scope(*impl_, "curation", "curation", true);
  MergeResult result;
  impl_->move_relations(d, k, result);
  impl_->move_retractions(d, k);
  impl_->move_names(d, k);
  scope.commit();
  return result;
}

std::int64_t Store::add_relation(const CuratedRelation& c) {
  impl_->require_writable("add a relation");
  require_utf8(c.note, "the note");
  require_utf8(c.date, "the date");
  Impl& s = *impl_;
  const std::int64_t source = existing_entity(*this, c.source), target = existing_entity(*this, c.target);
  if (source == target) throw StoreError(fmt::format("'{}' and '{}' are the same entity", c.source, c.target));
  Impl::Savepoint scope(s, "curation", "curation", true);
  RelationKey k{c.type, source, target};
  s.orient(k.type, k.source, k.target);
  s.bound(Sql::insert_curated_relation, name(k.type), k.source, k.target, name(c.status))->run();
  const std::int64_t id = *s.relation_with(k);
  const std::string sentence = c.note.empty() ? std::string("Added by an analyst.") : c.note;
  s.bound(Sql::insert_curated_evidence, id, sentence, name(c.status), c.date, c.note)->run();
  s.recompute_summary(id);
  s.bound(Sql::delete_retraction_of, name(k.type), k.source, k.target)->run();
  scope.commit();
  return id;
}

std::int64_t Store::retract_relation(std::int64_t relation_id, std::string_view note) {
  impl_->require_writable("retract a relation");
  if (note.empty()) throw StoreError("a retraction needs a note saying why");
  require_utf8(note, "the note");
  Impl::Savepoint scope(*impl_, "curation", "curation", true);
  impl_->bound(Sql::retract_relation, relation_id, note)->run();
  if (sqlite3_changes(impl_->db.get()) == 0) throw StoreError(fmt::format("no relation with id {}", relation_id));
  scope.commit();
  return relation_id;
}

std::int64_t Store::retract_relation(RelationType type, std::string_view source, std::string_view target,
                                     std::string_view note) {
  RelationKey k{type, existing_entity(*this, source), existing_entity(*this, target)};
  impl_->orient(k.type, k.source, k.target);
  const auto id = impl_->relation_with(k);
  if (!id) throw StoreError(fmt::format("no {} relation from '{}' to '{}'", name(type), source, target));
  return retract_relation(*id, note);
}

}  // namespace aikg
