// Curation: what analysts assert by hand. Each action is one transaction and
// is stored where ingest cannot undo it: curated aliases and merges redirect
// names (curated_entity), curated evidence has no document for a re-ingest to
// replace, and retractions are keyed by (type, source, target), not by id.
#include <functional>

#include "aikg/text.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::Statement;

constexpr std::string_view kNow = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

}  // namespace

// One curation action, all or nothing; a savepoint inside the caller's begin().
class Store::Impl::CurationScope {
 public:
  explicit CurationScope(Store::Impl& s) : s_(s), nested_(s.inside_transaction()) {
    if (nested_)
      s_.exec("SAVEPOINT curation", "starting a savepoint");
    else
      s_.begin_immediate();
  }
  CurationScope(const CurationScope&) = delete;
  CurationScope& operator=(const CurationScope&) = delete;
  void commit() {
    if (!nested_) s_.index_pending_evidence();
    s_.exec(nested_ ? "RELEASE curation" : "COMMIT", "committing the curation");
    done_ = true;
    s_.forget_cached_ids();  // entities and relations were moved or deleted
  }
  ~CurationScope() {
    if (done_) return;
    if (!nested_)
      s_.rollback_quietly();
    else if (s_.inside_transaction())
      sqlite3_exec(s_.db.get(), "ROLLBACK TO curation; RELEASE curation", nullptr, nullptr, nullptr);
    s_.forget_cached_ids();
  }

 private:
  Store::Impl& s_;
  bool nested_;
  bool done_ = false;
};

namespace {

// Runs SQL with integer and text parameters, in order ?1, ?2, ...
struct Arg {
  Arg(std::int64_t v) : is_int(true), i(v) {}  // NOLINT: implicit on purpose, for call sites
  Arg(std::string_view v) : text(v) {}         // NOLINT
  bool is_int = false;
  std::int64_t i = 0;
  std::string_view text;
};

Statement bound(sqlite3* db, std::string_view sql, std::initializer_list<Arg> args) {
  Statement q(db, sql, "curating", 0);
  int n = 0;
  for (const Arg& a : args) {
    if (a.is_int)
      q.bind_int(++n, a.i);
    else
      q.bind_text(++n, a.text);
  }
  return q;
}

void run(sqlite3* db, std::string_view sql, std::initializer_list<Arg> args) { bound(db, sql, args).run(); }

std::optional<std::int64_t> one_int(sqlite3* db, std::string_view sql, std::initializer_list<Arg> args) {
  auto q = bound(db, sql, args);
  if (!q.step()) return std::nullopt;
  return q.column_int(0);
}

std::string entity_name(sqlite3* db, std::int64_t id) {
  auto q = bound(db, "SELECT name FROM entities WHERE id = ?1", {id});
  return q.step() ? q.column_text(0) : std::string();
}

struct Key {
  std::string type;
  std::int64_t source = 0, target = 0;
};

// Undirected relations are stored with the smaller name as source.
Key oriented(sqlite3* db, std::string type, std::int64_t source, std::int64_t target) {
  const auto t = parse_relation_type(type);
  if (t && !is_directed(*t) && entity_name(db, target) < entity_name(db, source)) std::swap(source, target);
  return {std::move(type), source, target};
}

std::int64_t replaced(std::int64_t id, std::int64_t drop, std::int64_t keep) { return id == drop ? keep : id; }

}  // namespace

std::optional<std::int64_t> Store::Impl::curated_entity(const std::string& name) {
  const std::string key = alias_key(name);
  return one_int(db.get(),
                 "SELECT keep_id FROM merges WHERE drop_key = ?1 "
                 "UNION ALL SELECT entity_id FROM aliases WHERE alias_key = ?1 AND curated = 1 LIMIT 1",
                 {std::string_view(key)});
}

void Store::Impl::orient_by_name(std::int64_t& source, std::int64_t& target) {
  if (entity_name(db.get(), target) < entity_name(db.get(), source)) std::swap(source, target);
}

namespace {

std::int64_t existing_entity(const Store& store, std::string_view name) {
  if (const auto id = store.resolve(name)) return *id;
  throw StoreError(fmt::format("no entity named '{}'", name));
}

// Moves one relation of `drop` onto `keep`: repointed, folded into the
// relation `keep` already has, or deleted when it joined the two.
using Recompute = std::function<void(std::int64_t)>;

void move_relation(sqlite3* db, const Recompute& recompute, std::int64_t id, Key key, std::int64_t drop,
                   std::int64_t keep, MergeResult& r) {
  const Key k = oriented(db, key.type, replaced(key.source, drop, keep), replaced(key.target, drop, keep));
  if (k.source == k.target) {
    run(db, "DELETE FROM relations WHERE id = ?1", {id});
    ++r.dropped;
    return;
  }
  const auto twin = one_int(db, "SELECT id FROM relations WHERE type = ?1 AND source_id = ?2 AND target_id = ?3",
                            {std::string_view(k.type), k.source, k.target});
  if (!twin) {
    run(db, "UPDATE relations SET source_id = ?2, target_id = ?3 WHERE id = ?1", {id, k.source, k.target});
    ++r.moved;
    return;
  }
  run(db, "UPDATE evidence SET relation_id = ?2 WHERE relation_id = ?1", {id, *twin});
  run(db, "DELETE FROM relations WHERE id = ?1", {id});
  recompute(*twin);
  ++r.merged;
}

void move_relations(sqlite3* db, const Recompute& recompute, std::int64_t drop, std::int64_t keep, MergeResult& r) {
  std::vector<std::pair<std::int64_t, Key>> rows;
  {
    auto q = bound(db, "SELECT id, type, source_id, target_id FROM relations WHERE ?1 IN (source_id, target_id)",
                   {drop});
    while (q.step()) rows.push_back({q.column_int(0), Key{q.column_text(1), q.column_int(2), q.column_int(3)}});
  }
  for (auto& [id, key] : rows) move_relation(db, recompute, id, std::move(key), drop, keep, r);
}

void move_retractions(sqlite3* db, std::int64_t drop, std::int64_t keep) {
  std::vector<std::pair<std::int64_t, Key>> rows;
  {
    auto q = bound(db, "SELECT id, type, source_id, target_id FROM retractions WHERE ?1 IN (source_id, target_id)",
                   {drop});
    while (q.step()) rows.push_back({q.column_int(0), Key{q.column_text(1), q.column_int(2), q.column_int(3)}});
  }
  for (const auto& [id, key] : rows) {
    const Key k = oriented(db, key.type, replaced(key.source, drop, keep), replaced(key.target, drop, keep));
    if (k.source != k.target)
      run(db,
          "INSERT INTO retractions(type, source_id, target_id, note, retracted_at) "
          "SELECT ?2, ?3, ?4, note, retracted_at FROM retractions WHERE id = ?1 "
          "ON CONFLICT(type, source_id, target_id) DO NOTHING",
          {id, std::string_view(k.type), k.source, k.target});
    run(db, "DELETE FROM retractions WHERE id = ?1", {id});
  }
}

// Aliases, children, the parent, earlier merges into `drop`, and the record
// that sends the dropped name to `keep` from now on.
void move_names(sqlite3* db, std::int64_t drop, std::int64_t keep, const std::string& drop_name) {
  run(db, "UPDATE aliases SET entity_id = ?2 WHERE entity_id = ?1", {drop, keep});
  run(db, "UPDATE entities SET parent_id = ?2 WHERE parent_id = ?1 AND id <> ?2", {drop, keep});
  run(db,
      "UPDATE entities SET parent_id = CASE WHEN parent_id = ?1 THEN NULL ELSE coalesce(parent_id, "
      "(SELECT parent_id FROM entities WHERE id = ?1 AND parent_id <> ?2)) END WHERE id = ?2",
      {drop, keep});
  run(db, "UPDATE merges SET keep_id = ?2 WHERE keep_id = ?1", {drop, keep});
  const std::string key = alias_key(drop_name);
  run(db,
      fmt::format("INSERT INTO merges(drop_name, drop_key, keep_id, merged_at) VALUES (?1, ?2, ?3, {}) "
                  "ON CONFLICT(drop_key) DO UPDATE SET keep_id = excluded.keep_id, merged_at = excluded.merged_at",
                  kNow),
      {std::string_view(drop_name), std::string_view(key), keep});
  run(db, "DELETE FROM entities WHERE id = ?1", {drop});
}

// Text an analyst types is stored as the name or the sentence every --json
// output shows: it must be UTF-8 (a terminal in another encoding sends other bytes).
void require_utf8(std::string_view text, std::string_view what) {
  if (const auto at = find_invalid_utf8(text))
    throw StoreError(fmt::format("{} is not valid UTF-8 (byte {}): '{}'", what, *at, escape_invalid_utf8(text)));
}

}  // namespace

void Store::add_alias(std::string_view entity, std::string_view alias) {
  impl_->require_writable("add an alias");
  require_utf8(alias, "the alias");
  const std::int64_t id = existing_entity(*this, entity);
  const std::string key = alias_key(alias);
  if (key.empty()) throw StoreError("an empty alias");
  if (const auto owner = resolve(alias); owner && *owner != id)
    throw StoreError(fmt::format("'{}' already names '{}'; to make them one entity run: aikg merge '{}' '{}'", alias,
                                 entity_name(impl_->db.get(), *owner), entity_name(impl_->db.get(), id), alias));
  Impl::CurationScope scope(*impl_);
  run(impl_->db.get(),
      "INSERT INTO aliases(entity_id, alias, alias_key, curated) VALUES (?1, ?2, ?3, 1) "
      "ON CONFLICT(alias_key) DO UPDATE SET curated = 1",
      {id, alias, std::string_view(key)});
  scope.commit();
}

MergeResult Store::merge(std::string_view keep, std::string_view drop) {
  impl_->require_writable("merge entities");
  const std::int64_t k = existing_entity(*this, keep), d = existing_entity(*this, drop);
  if (k == d) throw StoreError(fmt::format("'{}' and '{}' are already one entity", keep, drop));
  Impl::CurationScope scope(*impl_);
  MergeResult result;
  move_relations(impl_->db.get(), [this](std::int64_t id) { impl_->recompute_summary(id); }, d, k, result);
  move_retractions(impl_->db.get(), d, k);
  move_names(impl_->db.get(), d, k, entity_name(impl_->db.get(), d));
  scope.commit();
  return result;
}

std::int64_t Store::add_relation(const CuratedRelation& c) {
  impl_->require_writable("add a relation");
  require_utf8(c.note, "the note");
  require_utf8(c.date, "the date");
  sqlite3* db = impl_->db.get();
  const std::int64_t s = existing_entity(*this, c.source), t = existing_entity(*this, c.target);
  if (s == t) throw StoreError(fmt::format("'{}' and '{}' are the same entity", c.source, c.target));
  Impl::CurationScope scope(*impl_);
  const Key k = oriented(db, std::string(name(c.type)), s, t);
  run(db,
      "INSERT INTO relations(type, source_id, target_id, status, evidence_count) VALUES (?1, ?2, ?3, ?4, 0) "
      "ON CONFLICT(type, source_id, target_id) DO NOTHING",
      {std::string_view(k.type), k.source, k.target, name(c.status)});
  const std::int64_t id = *one_int(db, "SELECT id FROM relations WHERE type = ?1 AND source_id = ?2 AND target_id = ?3",
                                   {std::string_view(k.type), k.source, k.target});
  // The note is also the sentence, so search and the exports show it.
  const std::string sentence = c.note.empty() ? std::string("Added by an analyst.") : c.note;
  auto q = bound(db,
                 fmt::format("INSERT INTO evidence(relation_id, sentence, status, date, confidence, curated, note, "
                             "curated_at) VALUES (?1, ?2, ?3, nullif(?4, ''), 1.0, 1, nullif(?5, ''), {})",
                             kNow),
                 {id, std::string_view(sentence), name(c.status), std::string_view(c.date), std::string_view(c.note)});
  q.run();
  impl_->recompute_summary(id);
  run(db, "DELETE FROM retractions WHERE type = ?1 AND source_id = ?2 AND target_id = ?3",
      {std::string_view(k.type), k.source, k.target});
  scope.commit();
  return id;
}

std::int64_t Store::retract_relation(std::int64_t relation_id, std::string_view note) {
  impl_->require_writable("retract a relation");
  if (note.empty()) throw StoreError("a retraction needs a note saying why");
  require_utf8(note, "the note");
  Impl::CurationScope scope(*impl_);
  run(impl_->db.get(),
      fmt::format("INSERT INTO retractions(type, source_id, target_id, note, retracted_at) "
                  "SELECT type, source_id, target_id, ?2, {} FROM relations WHERE id = ?1 "
                  "ON CONFLICT(type, source_id, target_id) DO UPDATE SET note = excluded.note, "
                  "retracted_at = excluded.retracted_at",
                  kNow),
      {relation_id, note});
  if (sqlite3_changes(impl_->db.get()) == 0) throw StoreError(fmt::format("no relation with id {}", relation_id));
  scope.commit();
  return relation_id;
}

std::int64_t Store::retract_relation(RelationType type, std::string_view source, std::string_view target,
                                     std::string_view note) {
  sqlite3* db = impl_->db.get();
  const Key k = oriented(db, std::string(name(type)), existing_entity(*this, source), existing_entity(*this, target));
  const auto id = one_int(db, "SELECT id FROM relations WHERE type = ?1 AND source_id = ?2 AND target_id = ?3",
                          {std::string_view(k.type), k.source, k.target});
  if (!id) throw StoreError(fmt::format("no {} relation from '{}' to '{}'", name(type), source, target));
  return retract_relation(*id, note);
}

}  // namespace aikg
