// The store's SQL, its transactions and its queries. Opening is in
// store_open.cpp, put_document in store_ingest.cpp.
#include "aikg/store.hpp"

#include <algorithm>

#include "aikg/text.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::known;
using detail::Sql;
using detail::Statement;

// The SQL of every statement in enum Sql, in the enum's order. All values
// are bound parameters (?N); no text is ever formatted into SQL.
struct SqlText {
  Sql id;
  std::string_view what;  // for error messages: "<what>: <sqlite message>"
  std::string_view sql;
};

constexpr std::array<SqlText, static_cast<std::size_t>(Sql::count_)> kSql{{
    {Sql::data_version, "checking for other writers", "PRAGMA data_version"},
    {Sql::find_document, "looking up a document", "SELECT id, content_hash FROM documents WHERE doc_id = ?1"},
    {Sql::find_same_content, "looking up a document by content",
     "SELECT doc_id FROM documents WHERE content_hash = ?1 AND doc_id <> ?2 LIMIT 1"},
    {Sql::relations_of_document, "finding the relations of a document",
     "SELECT DISTINCT relation_id FROM evidence WHERE document_id = ?1"},
    {Sql::delete_document_evidence, "deleting a document's old evidence",
     "DELETE FROM evidence WHERE document_id = ?1"},
    {Sql::upsert_document, "storing a document",
     "INSERT INTO documents(doc_id, title, published, url, source, origin, date, content_hash, char_count, "
     "ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
     "ON CONFLICT(doc_id) DO UPDATE SET title = excluded.title, published = excluded.published, "
     "url = excluded.url, source = excluded.source, origin = excluded.origin, date = excluded.date, "
     "content_hash = excluded.content_hash, char_count = excluded.char_count, ingested_at = excluded.ingested_at "
     "RETURNING id"},
    // A reference backed by the gazetteer (candidate = 0) is authoritative for
    // the kind and clears the candidate flag; a candidate never overrides it.
    {Sql::upsert_entity, "storing an entity",
     "INSERT INTO entities(name, kind, parent_id, candidate) VALUES (?1, ?2, ?3, ?4) "
     "ON CONFLICT(name) DO UPDATE SET "
     "kind = CASE WHEN excluded.candidate = 0 THEN excluded.kind ELSE entities.kind END, "
     "parent_id = coalesce(excluded.parent_id, entities.parent_id), "
     "candidate = min(entities.candidate, excluded.candidate) "
     "RETURNING id"},
    // The first entity to claim an alias key keeps it: one key, one entity.
    {Sql::insert_alias, "storing an alias",
     "INSERT INTO aliases(entity_id, alias, alias_key) VALUES (?1, ?2, ?3) ON CONFLICT(alias_key) DO NOTHING"},
    {Sql::find_relation, "looking up a relation",
     "SELECT id FROM relations WHERE type = ?1 AND source_id = ?2 AND target_id = ?3"},
    // A new relation starts out summarising its first evidence (status ?4,
    // date ?5, confidence ?6), which saves updating the row right after.
    {Sql::insert_relation, "storing a relation",
     "INSERT INTO relations(type, source_id, target_id, status, first_seen, last_seen, confidence, evidence_count) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, 1) ON CONFLICT(type, source_id, target_id) DO NOTHING"},
    {Sql::delete_relation, "deleting a relation", "DELETE FROM relations WHERE id = ?1"},
    // A mention stored before (same extractor output ingested again) is skipped.
    {Sql::insert_evidence, "storing evidence",
     "INSERT INTO evidence(relation_id, document_id, mention_key, sentence, begin_char, end_char, status, date, "
     "confidence, cue) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(mention_key) DO NOTHING"},
    // Folds one new piece of evidence (date ?2, status ?3 of rank ?4,
    // confidence ?5) into the relation's summary without rereading the
    // relation's other evidence; gives the same result as recompute_relation.
    // Empty dates count as the oldest.
    {Sql::add_evidence_to_relation, "updating a relation's summary",
     "UPDATE relations SET "
     "status = CASE "
     "  WHEN evidence_count = 0 THEN ?3 "
     "  WHEN coalesce(?2, '') > coalesce(last_seen, '') THEN ?3 "
     "  WHEN coalesce(?2, '') = coalesce(last_seen, '') "
     "   AND ?4 < (SELECT rank FROM statuses WHERE name = relations.status) THEN ?3 "
     "  ELSE status END, "
     "first_seen = CASE WHEN coalesce(?2, '') <> '' AND (first_seen IS NULL OR ?2 < first_seen) "
     "  THEN ?2 ELSE first_seen END, "
     "last_seen = CASE WHEN coalesce(?2, '') <> '' AND (last_seen IS NULL OR ?2 > last_seen) "
     "  THEN ?2 ELSE last_seen END, "
     "confidence = max(coalesce(confidence, ?5), ?5), "
     "evidence_count = evidence_count + 1 "
     "WHERE id = ?1"},
    {Sql::recompute_relation, "recomputing a relation's summary",
     "UPDATE relations SET "
     "evidence_count = (SELECT count(*) FROM evidence WHERE relation_id = ?1), "
     "confidence = (SELECT max(confidence) FROM evidence WHERE relation_id = ?1), "
     "first_seen = (SELECT min(date) FROM evidence WHERE relation_id = ?1 AND date <> ''), "
     "last_seen = (SELECT max(date) FROM evidence WHERE relation_id = ?1 AND date <> ''), "
     "status = coalesce((SELECT e.status FROM evidence e JOIN statuses s ON s.name = e.status "
     "  WHERE e.relation_id = ?1 ORDER BY coalesce(e.date, '') DESC, s.rank ASC LIMIT 1), status) "
     "WHERE id = ?1"},
    {Sql::drop_unsupported_relation, "deleting a relation without evidence",
     "DELETE FROM relations WHERE id = ?1 AND evidence_count = 0 RETURNING type, source_id, target_id"},
    {Sql::entity_rows, "listing entities",
     "SELECT e.id, e.name, e.kind, p.name, e.candidate FROM entities e "
     "LEFT JOIN entities p ON p.id = e.parent_id ORDER BY e.name"},
    {Sql::entity_row, "reading an entity",
     "SELECT e.id, e.name, e.kind, p.name, e.candidate FROM entities e "
     "LEFT JOIN entities p ON p.id = e.parent_id WHERE e.id = ?1"},
    {Sql::all_aliases, "listing aliases", "SELECT entity_id, alias FROM aliases"},
    {Sql::aliases_of, "listing an entity's aliases", "SELECT alias FROM aliases WHERE entity_id = ?1"},
    {Sql::alias_owner, "resolving an alias", "SELECT entity_id FROM aliases WHERE alias_key = ?1"},
    {Sql::entity_named, "resolving a name", "SELECT id FROM entities WHERE name = ?1"},
    {Sql::entity_names, "listing entity names", "SELECT id, name FROM entities ORDER BY id"},
    {Sql::entity_name, "reading an entity's name", "SELECT name FROM entities WHERE id = ?1"},
    {Sql::names_and_alias_keys, "listing names for suggestions",
     "SELECT a.alias_key, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id "
     "UNION ALL SELECT NULL, name FROM entities"},
    {Sql::evidence_of, "reading evidence",
     "SELECT e.id, d.doc_id, e.sentence, e.status, e.date, e.confidence, e.begin_char, e.end_char, d.url, "
     "e.curated FROM evidence e LEFT JOIN documents d ON d.id = e.document_id WHERE e.relation_id = ?1 "
     "ORDER BY coalesce(e.date, ''), d.doc_id, e.begin_char"},
    {Sql::evidence_all, "reading evidence",
     "SELECT e.id, d.doc_id, e.sentence, e.status, e.date, e.confidence, e.begin_char, e.end_char, d.url, "
     "e.curated, e.relation_id FROM evidence e LEFT JOIN documents d ON d.id = e.document_id "
     "ORDER BY e.relation_id, coalesce(e.date, ''), d.doc_id, e.begin_char"},
    {Sql::counts, "counting rows",
     "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities), "
     "(SELECT count(*) FROM relations), (SELECT count(*) FROM evidence)"},
    {Sql::pending_evidence, "looking for evidence not yet indexed",
     "SELECT EXISTS (SELECT 1 FROM evidence_fts_pending)"},
    // The docsize check keeps a row indexed twice out of the index, should
    // someone have rebuilt it by hand while rows were queued.
    {Sql::index_pending_evidence, "indexing new evidence for search",
     "INSERT INTO evidence_fts(rowid, sentence) SELECT e.id, e.sentence FROM evidence_fts_pending p "
     "JOIN evidence e ON e.id = p.id WHERE NOT EXISTS (SELECT 1 FROM evidence_fts_docsize d WHERE d.id = p.id)"},
    {Sql::clear_pending_evidence, "indexing new evidence for search", "DELETE FROM evidence_fts_pending"},
}};

constexpr bool sql_table_in_enum_order() {
  for (std::size_t i = 0; i < kSql.size(); ++i)
    if (static_cast<std::size_t>(kSql[i].id) != i) return false;
  return true;
}
static_assert(sql_table_in_enum_order(), "kSql must list the statements in the order of enum Sql");

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

void Store::Impl::rollback_quietly() noexcept {
  // Some errors (disk full, I/O) make SQLite roll back on its own.
  if (inside_transaction()) sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  forget_cached_ids();
}

void Store::Impl::forget_cached_ids() {
  entity_ids.clear();
  redirected_names.clear();
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

void Store::Impl::require_writable(std::string_view action) const {
  if (read_only) throw StoreError(fmt::format("{}: opened read-only, cannot {}", path, action));
}

Statement& Store::Impl::statement(Sql id) {
  const auto i = static_cast<std::size_t>(id);
  if (!statements[i]) statements[i] = Statement(db.get(), kSql[i].sql, kSql[i].what, SQLITE_PREPARE_PERSISTENT);
  return statements[i];
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

Store::Counts Store::counts() const {
  const auto q = impl_->use(Sql::counts);
  q->step();
  return {q->column_int(0), q->column_int(1), q->column_int(2), q->column_int(3)};
}

}  // namespace aikg

