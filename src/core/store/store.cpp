// The store's transactions, savepoints and queries. Its SQL is in
// statements.cpp, opening in open.cpp, writing in ingest.cpp and curation.cpp.
#include "aikg/store.hpp"

#include <algorithm>

#include "aikg/text.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::known;
using detail::Sql;
using detail::Statement;

// Above this many relations, their evidence is read in one pass over the
// table rather than with a query per relation.
constexpr std::size_t kEvidenceQueriesMax = 256;
// Entities named by one query each up to this many, by one pass beyond.
constexpr std::size_t kEntityLookupsMax = 256;

// One row of Sql::evidence_of / Sql::evidence_all.
EvidenceRow evidence_row(detail::Statement& q) {
  EvidenceRow e;
  e.id = q.column_int(0);
  e.doc = q.column_text(1);
  e.sentence = q.column_text(2);
  const std::string status = q.column_text(3);
  e.status = known(parse_status(status), "status", status);
  e.date = q.column_text(4);
  e.confidence = q.column_double(5);
  e.begin = static_cast<std::size_t>(q.column_int(6));
  e.end = static_cast<std::size_t>(q.column_int(7));
  e.url = q.column_text(8);
  e.curated = q.column_int(9) != 0;
  return e;
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

// Levenshtein distance with two rows.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

// ---------------------------------------------------------------------------
// Transactions and caches.

// BEGIN IMMEDIATE takes the write lock now, so the transaction cannot fail
// later with SQLITE_BUSY_SNAPSHOT when it first writes after reading.
void Store::Impl::begin_immediate() {
  exec("BEGIN IMMEDIATE", "taking the write lock");
  forget_cached_ids_if_others_wrote();
}

// New evidence waits in evidence_fts_pending (see schema/003) and is indexed
// here, in one statement, by every aikg transaction before it commits.
void Store::Impl::index_pending_evidence() {
  use(Sql::index_pending_evidence)->run();
  use(Sql::clear_pending_evidence)->run();
}

// put_documents' new evidence, inserted with the triggers off, is indexed
// by id range instead of through the queue (Sql::index_new_evidence).
void Store::Impl::index_new_evidence() {
  if (!first_new_evidence) return;
  bound(Sql::index_new_evidence, *first_new_evidence)->run();
  first_new_evidence.reset();
}

void Store::Impl::rollback_quietly() noexcept {
  // Some errors (disk full, I/O) make SQLite roll back on its own.
  if (inside_transaction()) sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  first_new_evidence.reset();
  forget_cached_ids();
}

void Store::Impl::forget_cached_ids() {
  entity_ids.clear();
  redirected_names.clear();
  rejected_keys.reset();
  curation_recorded.reset();
  relation_ids.clear();
}

// Another connection may have deleted relations since this one cached their
// ids. PRAGMA data_version changes exactly when another connection committed.
void Store::Impl::forget_cached_ids_if_others_wrote() {
  const auto q = use(Sql::data_version);
  const std::int64_t version = q->step() ? q->column_int(0) : -1;
  if (version != seen_data_version) forget_cached_ids();
  seen_data_version = version;
}

Store::Impl::Savepoint::Savepoint(Store::Impl& store, std::string_view name, std::string_view what,
                                  bool forget_on_commit)
    : store_(store), name_(name), what_(what), forget_on_commit_(forget_on_commit),
      nested_(store.inside_transaction()) {
  if (nested_)
    store_.exec("SAVEPOINT " + name_, "starting a savepoint");
  else
    store_.begin_immediate();
}

void Store::Impl::Savepoint::commit() {
  if (!nested_) store_.index_pending_evidence();
  store_.exec(nested_ ? "RELEASE " + name_ : std::string("COMMIT"), "committing the " + what_);
  done_ = true;
  if (forget_on_commit_) store_.forget_cached_ids();
}

Store::Impl::Savepoint::~Savepoint() {
  if (done_) return;
  if (!nested_) {
    store_.rollback_quietly();
    return;
  }
  // If SQLite already rolled back the whole transaction (disk full), there
  // is no savepoint left; the caller's commit() will report that.
  if (store_.inside_transaction()) {
    const std::string undo = fmt::format("ROLLBACK TO {0}; RELEASE {0}", name_);
    sqlite3_exec(store_.db.get(), undo.c_str(), nullptr, nullptr, nullptr);
  }
  store_.forget_cached_ids();
}

void Store::Impl::require_writable(std::string_view action) const {
  if (read_only) throw StoreError(fmt::format("{}: opened read-only, cannot {}", path, action));
}

// ---------------------------------------------------------------------------
// Reading.

EntityRow Store::Impl::entity_from(const Statement& q) const {
  EntityRow e;
  e.id = q.column_int(0);
  e.name = q.column_text(1);
  const std::string kind = q.column_text(2);
  e.kind = known(parse_entity_kind(kind), "entity kind", kind);
  e.parent = q.column_text(3);
  e.candidate = q.column_int(4) != 0;
  return e;
}

std::vector<std::string> Store::Impl::aliases_of(std::int64_t entity) {
  const auto q = use(Sql::aliases_of);
  q->bind_int(1, entity);
  std::vector<std::string> out;
  while (q->step()) out.push_back(q->column_text(0));
  std::sort(out.begin(), out.end());
  return out;
}

// Relations without their entities' names: joining two names per row was
// most of the time loading a large graph (fill_names reads them once). The IN
// list's length varies with the filter, so this statement is prepared per
// call. Only placeholders are put into the text, never a value.
Statement Store::Impl::relation_query(const RelationFilter& filter) {
  std::vector<std::string_view> types;
  for (const RelationType t : filter.types) types.push_back(name(t));
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());

  std::string sql =
      "SELECT r.id, r.type, r.source_id, r.target_id, r.status, r.first_seen, r.last_seen, r.confidence, "
      "r.evidence_count, EXISTS (SELECT 1 FROM retractions x WHERE x.type = r.type AND x.source_id = r.source_id "
      "AND x.target_id = r.target_id) AS retracted FROM relations r WHERE 1";
  if (!filter.include_retracted) sql += " AND NOT retracted";
  if (filter.entity) sql += " AND (r.source_id = ?1 OR r.target_id = ?1)";
  if (!types.empty()) {
    sql += " AND r.type IN (";
    for (std::size_t i = 0; i < types.size(); ++i) sql += fmt::format("{}?{}", i ? ", " : "", i + 2);
    sql += ")";
  }
  Statement q(db.get(), sql, "listing relations", 0);
  if (filter.entity) q.bind_int(1, *filter.entity);
  for (std::size_t i = 0; i < types.size(); ++i) q.bind_text(static_cast<int>(i + 2), types[i]);
  return q;
}

// Names the rows' entities: one lookup each for a few rows, one pass over
// the entities table for many.
void Store::Impl::fill_names(std::vector<RelationRow>& rows) {
  std::unordered_map<std::int64_t, std::string> names;
  for (const RelationRow& r : rows) names.try_emplace(r.source_id), names.try_emplace(r.target_id);
  if (names.size() > kEntityLookupsMax) {
    const auto q = use(Sql::entity_names);
    while (q->step())
      if (const auto it = names.find(q->column_int(0)); it != names.end()) it->second = q->column_view(1);
  } else {
    const auto q = use(Sql::entity_name);
    for (auto& [id, name] : names) {
      q->bind_int(1, id);
      if (q->step()) name = q->column_view(0);
      q->reset();
    }
  }
  for (RelationRow& r : rows) r.source_name = names.at(r.source_id), r.target_name = names.at(r.target_id);
}

// ---------------------------------------------------------------------------
// The public interface.

// Names are ranked once and an index is sorted by integer keys: comparing
// strings at every step of sorting a million rows, and moving rows of a few
// hundred bytes each time, was most of the time.
void sort_relations(std::vector<RelationRow>& rows) {
  std::unordered_map<std::string_view, std::uint32_t> rank;
  for (const RelationRow& r : rows) rank.try_emplace(r.source_name), rank.try_emplace(r.target_name);
  std::vector<std::string_view> names;
  names.reserve(rank.size());
  for (const auto& [name, unused] : rank) names.push_back(name);
  std::sort(names.begin(), names.end());
  for (std::uint32_t i = 0; i < names.size(); ++i) rank[names[i]] = i;

  struct Key {
    std::string_view type;
    std::uint32_t source, target, row;
  };
  std::vector<Key> keys;
  keys.reserve(rows.size());
  for (std::uint32_t i = 0; i < rows.size(); ++i)
    keys.push_back({name(rows[i].type), rank[rows[i].source_name], rank[rows[i].target_name], i});
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return std::tie(a.type, a.source, a.target) < std::tie(b.type, b.source, b.target);
  });
  // Applied in place, cycle by cycle: no second copy of the rows.
  std::vector<std::uint32_t> from(rows.size());
  for (std::uint32_t i = 0; i < keys.size(); ++i) from[i] = keys[i].row;
  for (std::uint32_t start = 0; start < from.size(); ++start) {
    if (from[start] == start) continue;
    RelationRow held = std::move(rows[start]);
    std::uint32_t at = start;
    while (from[at] != start) {
      rows[at] = std::move(rows[from[at]]);
      std::swap(at, from[at]);  // from[at] becomes the old `at`: marks it placed
    }
    rows[at] = std::move(held);
    from[at] = at;
  }
}

Store::Store(const std::filesystem::path& path, StoreOptions options)
    : impl_(std::make_unique<Impl>(path, options)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

int Store::schema_version() const { return impl_->schema_version; }

void Store::begin() {
  impl_->require_writable("begin a transaction");
  if (impl_->in_transaction) throw StoreError(fmt::format("{}: begin(): a transaction is already open", impl_->path));
  impl_->begin_immediate();
  impl_->in_transaction = true;
}

void Store::commit() {
  Impl& s = *impl_;
  if (!s.in_transaction) throw StoreError(fmt::format("{}: commit() without begin()", s.path));
  s.in_transaction = false;
  if (!s.inside_transaction()) {
    s.forget_cached_ids();
    throw StoreError(fmt::format("{}: commit(): SQLite already rolled the transaction back after an error", s.path));
  }
  try {
    s.index_pending_evidence();
    s.exec("COMMIT", fmt::format("{}: committing", s.path));
  } catch (...) {
    // A busy or failed COMMIT leaves the transaction open: keep it so the
    // caller can retry or roll back.
    s.in_transaction = s.inside_transaction();
    if (!s.in_transaction) s.forget_cached_ids();
    throw;
  }
}

void Store::rollback() {
  Impl& s = *impl_;
  s.in_transaction = false;
  s.forget_cached_ids();  // ids handed out in the transaction may be gone
  if (s.inside_transaction()) s.exec("ROLLBACK", fmt::format("{}: rolling back", s.path));
}

std::vector<EntityRow> Store::entities() const {
  std::vector<EntityRow> out;
  std::unordered_map<std::int64_t, std::size_t> index;
  {
    const auto q = impl_->use(Sql::entity_rows);
    while (q->step()) {
      out.push_back(impl_->entity_from(*q));
      index.emplace(out.back().id, out.size() - 1);
    }
  }
  const auto q = impl_->use(Sql::all_aliases);
  while (q->step())
    if (const auto it = index.find(q->column_int(0)); it != index.end())
      out[it->second].aliases.push_back(q->column_text(1));
  for (EntityRow& e : out) std::sort(e.aliases.begin(), e.aliases.end());
  return out;
}

std::optional<EntityRow> Store::entity(std::int64_t id) const {
  std::optional<EntityRow> e;
  {
    const auto q = impl_->use(Sql::entity_row);
    q->bind_int(1, id);
    if (!q->step()) return std::nullopt;
    e = impl_->entity_from(*q);
  }
  e->aliases = impl_->aliases_of(id);
  return e;
}

std::optional<std::int64_t> Store::resolve(std::string_view name_or_alias) const {
  const std::string key = alias_key(name_or_alias);
  if (key.empty()) return std::nullopt;
  {
    const auto q = impl_->use(Sql::alias_owner);
    q->bind_text(1, key);
    if (q->step()) return q->column_int(0);
  }
  // Every entity's name is also an alias, unless another entity claimed its
  // key first or the file was edited by hand: then compare names directly.
  {
    const auto q = impl_->use(Sql::entity_named);
    q->bind_text(1, name_or_alias);
    if (q->step()) return q->column_int(0);
  }
  const auto q = impl_->use(Sql::entity_names);
  while (q->step())
    if (alias_key(q->column_text(1)) == key) return q->column_int(0);
  return std::nullopt;
}

std::vector<std::string> Store::suggest(std::string_view name, std::size_t max) const {
  const std::u32string wanted = code_points(alias_key(name));
  if (wanted.empty() || max == 0) return {};
  // Closer than a third of the name (at least 2 edits): typos and a missing
  // particle, not a different company that happens to share a suffix.
  const std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
  std::unordered_map<std::string, std::size_t> best;  // entity name -> distance
  const auto q = impl_->use(Sql::names_and_alias_keys);
  while (q->step()) {
    std::string entity = q->column_text(1);
    const std::u32string candidate = code_points(q->is_null(0) ? alias_key(entity) : q->column_text(0));
    const std::size_t longer = std::max(candidate.size(), wanted.size());
    if (longer - std::min(candidate.size(), wanted.size()) > limit) continue;
    const std::size_t d = edit_distance(wanted, candidate);
    if (d > limit) continue;
    const auto [it, inserted] = best.emplace(std::move(entity), d);
    if (!inserted) it->second = std::min(it->second, d);
  }
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (auto& [entity, d] : best) ranked.emplace_back(d, entity);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < max; ++i) out.push_back(std::move(ranked[i].second));
  return out;
}

std::vector<RelationRow> Store::relations(const RelationFilter& filter, bool with_evidence) const {
  std::vector<RelationRow> out;
  // Growing a vector of a million rows would move each of them many times.
  if (!filter.entity)
    out.reserve(static_cast<std::size_t>(
        detail::read_int(impl_->db.get(), "SELECT count(*) FROM relations", "counting relations")));
  Statement q = impl_->relation_query(filter);
  while (q.step()) {
    RelationRow& r = out.emplace_back();
    r.id = q.column_int(0);
    r.type = known(parse_relation_type(q.column_view(1)), "relation type", q.column_view(1));
    r.source_id = q.column_int(2);
    r.target_id = q.column_int(3);
    r.status = known(parse_status(q.column_view(4)), "status", q.column_view(4));
    r.first_seen = q.column_view(5);
    r.last_seen = q.column_view(6);
    r.confidence = q.column_double(7);
    r.evidence_count = q.column_int(8);
    r.retracted = q.column_int(9) != 0;
  }
  impl_->fill_names(out);
  if (filter.sorted) sort_relations(out);
  if (!with_evidence) return out;
  // Many relations: one pass over the evidence table beats a query each.
  if (out.size() <= kEvidenceQueriesMax) {
    for (RelationRow& r : out) r.evidence = evidence(r.id);
    return out;
  }
  std::unordered_map<std::int64_t, RelationRow*> by_id;
  for (RelationRow& r : out) by_id.emplace(r.id, &r);
  const auto all = impl_->use(Sql::evidence_all);
  while (all->step())
    if (const auto it = by_id.find(all->column_int(10)); it != by_id.end())
      it->second->evidence.push_back(evidence_row(*all));
  return out;
}

std::vector<EvidenceRow> Store::evidence(std::int64_t relation_id) const {
  std::vector<EvidenceRow> out;
  const auto q = impl_->use(Sql::evidence_of);
  q->bind_int(1, relation_id);
  while (q->step()) out.push_back(evidence_row(*q));
  return out;
}

std::vector<std::string> Store::aliases(std::int64_t entity_id) const { return impl_->aliases_of(entity_id); }

Store::ReadScope::ReadScope(const Store& store) : store_(&store), own_(sqlite3_get_autocommit(store.impl_->db.get()) != 0) {
  if (own_) detail::exec(store.impl_->db.get(), "BEGIN", "starting a read");
}

Store::ReadScope::~ReadScope() {
  sqlite3* db = store_->impl_->db.get();
  if (own_ && sqlite3_get_autocommit(db) == 0) sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

Store::Counts Store::counts() const {
  const auto q = impl_->use(Sql::counts);
  q->step();
  return {q->column_int(0), q->column_int(1), q->column_int(2), q->column_int(3)};
}

}  // namespace aikg

