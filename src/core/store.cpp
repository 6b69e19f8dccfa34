#include "aikg/store.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aikg/error.hpp"
#include "aikg/text.hpp"
#include "embedded.hpp"
#include "sqlite_handle.hpp"

namespace aikg {
namespace {

using detail::Statement;
using detail::StatementUse;

// "AIKG" in the file header (offset 68), so file(1) and aikg recognise the file.
constexpr std::int64_t kApplicationId = 0x41494B47;
// A read-only open cannot migrate, so it accepts every schema version the
// queries below can read. Raise this when a migration changes what they read.
constexpr int kOldestReadableSchema = 1;
// Long enough for a writer waiting behind a bulk ingest's commit; SQLite
// retries for this long before giving up with SQLITE_BUSY.
constexpr int kBusyTimeoutMs = 30000;
// Page cache per connection, in KiB (negative cache_size means KiB).
constexpr int kCacheSizeKiB = -64 * 1024;
// Real group structures are two or three levels deep; the bound only stops a
// parent cycle in a hand-edited gazetteer from recursing forever.
constexpr int kMaxParentDepth = 8;

// ---------------------------------------------------------------------------
// Migrations: the embedded schema/NNN_*.sql files.

struct Migration {
  int version = 0;
  std::string_view path;
  std::string_view sql;
};

int migration_version(std::string_view path) {
  const std::string_view file = path.substr(path.rfind('/') + 1);
  const char* const end = file.data() + file.size();
  int version = 0;
  const auto [stop, error] = std::from_chars(file.data(), end, version);
  if (error != std::errc() || stop == file.data() || stop == end || *stop != '_' || version <= 0)
    throw StoreError(fmt::format("embedded migration {}: the name must be NNN_description.sql", path));
  return version;
}

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> out;
    for (const auto& f : detail::embedded_under("schema/"))
      if (f.path.ends_with(".sql")) out.push_back({migration_version(f.path), f.path, f.bytes});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    return out;
  }();
  return all;
}

// ---------------------------------------------------------------------------
// Every statement the store runs more than once. They are prepared on first
// use and kept for the Store's lifetime (SQLITE_PREPARE_PERSISTENT).

enum class Sql : std::size_t {
  data_version,
  find_document,
  find_same_content,
  relations_of_document,
  delete_document_evidence,
  upsert_document,
  upsert_entity,
  insert_alias,
  find_relation,
  insert_relation,
  insert_evidence,
  add_evidence_to_relation,
  recompute_relation,
  drop_unsupported_relation,
  entity_rows,
  entity_row,
  all_aliases,
  aliases_of,
  alias_owner,
  entity_named,
  entity_names,
  names_and_alias_keys,
  evidence_of,
  counts,
  count_
};

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
    {Sql::insert_relation, "storing a relation",
     "INSERT INTO relations(type, source_id, target_id, status) VALUES (?1, ?2, ?3, ?4) "
     "ON CONFLICT(type, source_id, target_id) DO NOTHING"},
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
    {Sql::names_and_alias_keys, "listing names for suggestions",
     "SELECT a.alias_key, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id "
     "UNION ALL SELECT NULL, name FROM entities"},
    {Sql::evidence_of, "reading evidence",
     "SELECT e.id, d.doc_id, e.sentence, e.status, e.date, e.confidence, e.begin_char, e.end_char, d.url "
     "FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.relation_id = ?1 "
     "ORDER BY coalesce(e.date, ''), d.doc_id, e.begin_char"},
    {Sql::counts, "counting rows",
     "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities), "
     "(SELECT count(*) FROM relations), (SELECT count(*) FROM evidence)"},
}};

constexpr bool sql_table_in_enum_order() {
  for (std::size_t i = 0; i < kSql.size(); ++i)
    if (static_cast<std::size_t>(kSql[i].id) != i) return false;
  return true;
}
static_assert(sql_table_in_enum_order(), "kSql must list the statements in the order of enum Sql");

// ---------------------------------------------------------------------------
// Small helpers.

std::int64_t read_int(sqlite3* db, std::string_view sql, std::string_view what) {
  Statement q(db, sql, what, 0);
  return q.step() ? q.column_int(0) : 0;
}

// Values read back must be ones this binary knows; a file written by a newer
// aikg with a larger taxonomy (same schema) is the only way to meet others.
template <typename T>
T known(std::optional<T> value, std::string_view what, std::string_view text) {
  if (!value)
    throw StoreError(fmt::format("unknown {} '{}' in the database (written by a newer aikg?)", what, text));
  return *value;
}

// The id an INSERT ... RETURNING id (or upsert) gave back.
std::int64_t returned_id(Statement& q) {
  if (!q.step()) throw StoreError("an insert returned no id");
  return q.column_int(0);
}

struct RelationKey {
  RelationType type;
  std::int64_t source, target;
  bool operator==(const RelationKey&) const = default;
};

struct RelationKeyHash {
  std::size_t operator()(const RelationKey& k) const noexcept {
    std::size_t h = std::hash<std::int64_t>{}(k.source);
    h = h * 1000003u ^ std::hash<std::int64_t>{}(k.target);
    return h * 31u ^ static_cast<std::size_t>(k.type);
  }
};

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

void validate(const DocumentMentions& doc) {
  if (doc.article.id.empty()) throw StoreError("a document without an id");
  if (doc.content_hash.empty()) throw StoreError("a document without a content hash");
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (m.id.empty() || m.source.name.empty() || m.target.name.empty())
      throw StoreError(fmt::format("mention {} has no id or an unnamed entity", i + 1));
  }
}

}  // namespace

// ---------------------------------------------------------------------------

struct Store::Impl {
  std::string path;  // for messages
  bool read_only = false;
  detail::DbHandle db;
  int schema_version = 0;
  std::array<Statement, kSql.size()> statements;  // prepared on first use

  // Ids of rows this connection has seen, so that a bulk ingest touches
  // SQLite only for what is new. Forgotten whenever rows may have vanished:
  // after a rollback, or when another connection committed in between.
  std::unordered_map<std::string, std::int64_t> entity_ids;
  std::unordered_map<RelationKey, std::int64_t, RelationKeyHash> relation_ids;
  std::int64_t seen_data_version = -1;
  bool in_transaction = false;  // begin() called, commit()/rollback() not yet

  Impl(const std::filesystem::path& file, const StoreOptions& options);

  // --- opening
  void open_connection(const std::filesystem::path& file, const StoreOptions& options);
  void configure_connection();
  struct FileState {
    std::int64_t application_id = 0, user_version = 0, objects = 0;
    bool is_new() const { return application_id == 0 && user_version == 0 && objects == 0; }
  };
  FileState read_file_state();
  void check_identity(const FileState& state) const;
  void check_readable_without_migrating(const FileState& state) const;
  void enable_wal();
  void migrate(const FileState& state);
  void apply_migration(const Migration& m);
  bool taxonomy_stored();
  void store_taxonomy();

  // --- transactions
  void exec(const std::string& sql, std::string_view what) { detail::exec(db.get(), sql, what); }
  bool inside_transaction() const { return sqlite3_get_autocommit(db.get()) == 0; }
  void begin_immediate();
  void rollback_quietly() noexcept;
  void forget_cached_ids();
  void forget_cached_ids_if_others_wrote();
  void require_writable(std::string_view action) const;
  class DocumentScope;

  // --- statements
  Statement& statement(Sql id);
  StatementUse use(Sql id) { return StatementUse(statement(id)); }

  // --- writing one document
  IngestResult store_document(const DocumentMentions& doc, const Gazetteer& gazetteer);
  struct StoredDocument {
    std::int64_t id = 0;
    std::string content_hash;
  };
  std::optional<StoredDocument> find_document(const std::string& doc_id);
  bool content_stored_elsewhere(const std::string& content_hash, const std::string& doc_id);
  std::vector<std::int64_t> remove_evidence_of(std::int64_t document_id);
  std::int64_t upsert_document(const DocumentMentions& doc);
  bool add_mention(std::int64_t document_id, const Mention& m, std::string_view document_date,
                   const Gazetteer& gazetteer);
  std::int64_t entity_id(const std::string& name, EntityKind kind, bool candidate, const Gazetteer& gazetteer,
                         int depth);
  std::optional<std::int64_t> parent_entity_id(const GazetteerEntry* entry, EntityKind child_kind,
                                               const Gazetteer& gazetteer, int depth);
  std::int64_t upsert_entity(const std::string& name, EntityKind kind, std::optional<std::int64_t> parent,
                             bool candidate);
  void add_alias(std::int64_t entity, std::string_view alias);
  std::pair<std::int64_t, bool> relation_id(RelationType type, std::int64_t source, std::int64_t target,
                                            Status status);
  bool insert_evidence(std::int64_t relation, std::int64_t document_id, const Mention& m, std::string_view date);
  void add_to_summary(std::int64_t relation, const Mention& m, std::string_view date);
  void recompute_summary(std::int64_t relation);
  void drop_if_unsupported(std::int64_t relation);

  // --- reading
  EntityRow entity_from(const Statement& q) const;
  std::vector<std::string> aliases_of(std::int64_t entity);
  Statement relation_query(const RelationFilter& filter);
};

// ---------------------------------------------------------------------------
// Opening.

Store::Impl::Impl(const std::filesystem::path& file, const StoreOptions& options)
    : path(file.string()), read_only(options.read_only) {
  open_connection(file, options);
  configure_connection();
  // Identify the file before changing anything in it: a file that is not
  // ours must be left exactly as it was (not even switched to WAL).
  const FileState state = read_file_state();
  check_identity(state);
  if (read_only) {
    check_readable_without_migrating(state);
    schema_version = static_cast<int>(state.user_version);
    return;
  }
  enable_wal();
  migrate(state);
  store_taxonomy();
}

void Store::Impl::open_connection(const std::filesystem::path& file, const StoreOptions& options) {
  int flags = SQLITE_OPEN_READONLY;
  if (!options.read_only) flags = SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  db.reset(raw);  // also on failure: the handle carries the message and must be closed
  if (rc != SQLITE_OK) detail::throw_sqlite(db.get(), fmt::format("{}: cannot open", file.string()));
}

void Store::Impl::configure_connection() {
  // Analysts exchange these files, so a file may come from anyone: refuse
  // schema tricks (writable_schema, shadow tables) and functions called from
  // a crafted schema's views and triggers.
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  const auto what = fmt::format("{}: configuring the connection", path);
  // Foreign keys are per connection and off by default; they cannot be
  // switched inside a transaction, so do it first. NORMAL in WAL loses at
  // most the last commits on power loss, never consistency. The savepoint of
  // each document journals every page it touches: keep that journal in
  // memory. A large page cache keeps the indexes' inner pages resident during
  // a bulk ingest (the memory is only taken as pages are read).
  exec(fmt::format("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; PRAGMA synchronous = NORMAL; "
                   "PRAGMA temp_store = MEMORY; PRAGMA cache_size = {}",
                   kCacheSizeKiB),
       what);
}

Store::Impl::FileState Store::Impl::read_file_state() {
  const auto what = fmt::format("{}: reading the file header", path);
  FileState s;
  s.application_id = read_int(db.get(), "PRAGMA application_id", what);
  s.user_version = read_int(db.get(), "PRAGMA user_version", what);
  s.objects = read_int(db.get(), "SELECT count(*) FROM sqlite_schema", what);
  return s;
}

void Store::Impl::check_identity(const FileState& state) const {
  if (!state.is_new() && state.application_id != kApplicationId)
    throw StoreError(fmt::format("{}: not an aikg database (application_id {:#010x}, expected {:#010x})", path,
                                 static_cast<std::uint32_t>(state.application_id), kApplicationId));
  const int latest = latest_schema_version();
  if (state.user_version > latest)
    throw StoreError(fmt::format(
        "{}: written by a newer aikg (schema version {}; this aikg knows versions 1 to {}); upgrade aikg", path,
        state.user_version, latest));
}

// A read-only open must not write, so it cannot migrate. Older files the
// queries can still read are used as they are; anything older is refused
// with the way out, rather than failing later on a missing column.
void Store::Impl::check_readable_without_migrating(const FileState& state) const {
  if (state.is_new()) throw StoreError(fmt::format("{}: not an aikg database (the file is empty)", path));
  if (state.user_version < kOldestReadableSchema)
    throw StoreError(fmt::format(
        "{}: schema version {} is too old to read without upgrading; open it once for writing to migrate it to "
        "version {}",
        path, state.user_version, latest_schema_version()));
}

void Store::Impl::enable_wal() {
  // Readers do not block the writer in WAL. The pragma answers with the mode
  // it got; a filesystem without shared memory keeps the rollback journal,
  // which is slower but correct, so the answer is not checked.
  Statement q(db.get(), "PRAGMA journal_mode = WAL", "switching to WAL", 0);
  q.run();
}

void Store::Impl::migrate(const FileState& state) {
  for (const Migration& m : migrations())
    if (m.version > state.user_version) apply_migration(m);
  schema_version = static_cast<int>(read_int(db.get(), "PRAGMA user_version", "reading the schema version"));
}

// One migration, all or nothing, together with the version it brings the
// file to. Another process may have migrated the file since we looked: the
// version is read again once the write lock is held.
void Store::Impl::apply_migration(const Migration& m) {
  try {
    exec("BEGIN IMMEDIATE", "taking the write lock");
    try {
      if (read_int(db.get(), "PRAGMA user_version", "reading the schema version") < m.version) {
        if (read_int(db.get(), "PRAGMA application_id", "reading the application id") != kApplicationId)
          exec(fmt::format("PRAGMA application_id = {}", kApplicationId), "marking the file as aikg's");
        exec(std::string(m.sql), "running the SQL");
        exec(fmt::format("PRAGMA user_version = {}", m.version), "setting the schema version");
      }
      exec("COMMIT", "committing");
    } catch (...) {
      rollback_quietly();
      throw;
    }
  } catch (const StoreError& e) {
    throw StoreError(
        fmt::format("{}: migrating to schema version {} ({}) failed: {}", path, m.version, m.path, e.what()));
  }
}

// True when every taxonomy row is already stored as it is in the binary;
// then opening writes nothing, and does not wait for another writer's lock.
bool Store::Impl::taxonomy_stored() {
  const auto what = "checking the lookup tables";
  Statement types(db.get(), "SELECT 1 FROM relation_types WHERE name = ?1 AND directed = ?2 AND description = ?3",
                  what, 0);
  for (const auto& t : kRelationTypes) {
    types.bind_text(1, t.name);
    types.bind_int(2, t.directed ? 1 : 0);
    types.bind_text(3, t.description);
    const bool found = types.step();
    types.reset();
    if (!found) return false;
  }
  Statement statuses(db.get(), "SELECT 1 FROM statuses WHERE name = ?1 AND rank = ?2 AND description = ?3", what,
                     0);
  for (const auto& s : kStatuses) {
    statuses.bind_text(1, s.name);
    statuses.bind_int(2, rank(s.status));
    statuses.bind_text(3, s.description);
    const bool found = statuses.step();
    statuses.reset();
    if (!found) return false;
  }
  Statement kinds(db.get(), "SELECT 1 FROM entity_kinds WHERE name = ?1", what, 0);
  for (const auto& k : kEntityKinds) {
    kinds.bind_text(1, k.second);
    const bool found = kinds.step();
    kinds.reset();
    if (!found) return false;
  }
  return true;
}

// The lookup tables' rows come from taxonomy.hpp, the one place the taxonomy
// is defined. An upsert rather than INSERT OR REPLACE: REPLACE deletes the old
// row first, which a foreign key pointing at it would not like. Rows the
// binary no longer knows are kept: evidence may still refer to them.
void Store::Impl::store_taxonomy() {
  if (taxonomy_stored()) return;
  const auto what = "filling the lookup tables";
  begin_immediate();
  try {
    Statement types(db.get(),
                    "INSERT INTO relation_types(name, directed, description) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT(name) DO UPDATE SET directed = excluded.directed, description = excluded.description",
                    what, 0);
    for (const auto& t : kRelationTypes) {
      types.bind_text(1, t.name);
      types.bind_int(2, t.directed ? 1 : 0);
      types.bind_text(3, t.description);
      types.run();
      types.reset();
    }
    Statement statuses(db.get(),
                       "INSERT INTO statuses(name, rank, description) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT(name) DO UPDATE SET rank = excluded.rank, description = excluded.description",
                       what, 0);
    for (const auto& s : kStatuses) {
      statuses.bind_text(1, s.name);
      statuses.bind_int(2, rank(s.status));
      statuses.bind_text(3, s.description);
      statuses.run();
      statuses.reset();
    }
    Statement kinds(db.get(), "INSERT INTO entity_kinds(name) VALUES (?1) ON CONFLICT(name) DO NOTHING", what, 0);
    for (const auto& k : kEntityKinds) {
      kinds.bind_text(1, k.second);
      kinds.run();
      kinds.reset();
    }
    exec("COMMIT", what);
  } catch (const StoreError& e) {
    rollback_quietly();
    throw StoreError(fmt::format("{}: {}", path, e.what()));
  }
}

// ---------------------------------------------------------------------------
// Transactions and caches.

// BEGIN IMMEDIATE takes the write lock now, so the transaction cannot fail
// later with SQLITE_BUSY_SNAPSHOT when it first writes after reading.
void Store::Impl::begin_immediate() {
  exec("BEGIN IMMEDIATE", "taking the write lock");
  forget_cached_ids_if_others_wrote();
}

void Store::Impl::rollback_quietly() noexcept {
  // Some errors (disk full, I/O) make SQLite roll back on its own.
  if (inside_transaction()) sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  forget_cached_ids();
}

void Store::Impl::forget_cached_ids() {
  entity_ids.clear();
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

// Makes one put_document all or nothing. Inside the caller's transaction it
// is a savepoint, so a failing document is undone alone and the batch goes
// on; otherwise the document gets a transaction of its own.
class Store::Impl::DocumentScope {
 public:
  explicit DocumentScope(Store::Impl& store) : store_(store), nested_(store.inside_transaction()) {
    if (nested_)
      store_.exec("SAVEPOINT put_document", "starting a savepoint");
    else
      store_.begin_immediate();
  }
  DocumentScope(const DocumentScope&) = delete;
  DocumentScope& operator=(const DocumentScope&) = delete;

  void commit() {
    store_.exec(nested_ ? "RELEASE put_document" : "COMMIT", "committing the document");
    done_ = true;
  }

  ~DocumentScope() {
    if (done_) return;
    if (!nested_) {
      store_.rollback_quietly();
      return;
    }
    // If SQLite already rolled back the whole transaction (disk full), there
    // is no savepoint left; the caller's commit() will report that.
    if (store_.inside_transaction())
      sqlite3_exec(store_.db.get(), "ROLLBACK TO put_document; RELEASE put_document", nullptr, nullptr, nullptr);
    store_.forget_cached_ids();
  }

 private:
  Store::Impl& store_;
  bool nested_;
  bool done_ = false;
};

// ---------------------------------------------------------------------------
// Writing one document.

IngestResult Store::Impl::store_document(const DocumentMentions& doc, const Gazetteer& gazetteer) {
  validate(doc);
  const auto stored = find_document(doc.article.id);
  if (stored && stored->content_hash == doc.content_hash) return {IngestResult::Outcome::unchanged, 0};
  if (content_stored_elsewhere(doc.content_hash, doc.article.id)) return {IngestResult::Outcome::duplicate, 0};

  // A new version replaces the old one's evidence. Its relations are
  // recomputed only after the new mentions are in, so a relation the new
  // version still supports keeps its id.
  std::vector<std::int64_t> touched;
  if (stored) touched = remove_evidence_of(stored->id);
  const std::int64_t document_id = upsert_document(doc);

  IngestResult result{stored ? IngestResult::Outcome::updated : IngestResult::Outcome::added, 0};
  for (const Mention& m : doc.mentions)
    if (add_mention(document_id, m, doc.date, gazetteer)) ++result.evidence_added;
  for (const std::int64_t relation : touched) {
    recompute_summary(relation);
    drop_if_unsupported(relation);
  }
  return result;
}

std::optional<Store::Impl::StoredDocument> Store::Impl::find_document(const std::string& doc_id) {
  const auto q = use(Sql::find_document);
  q->bind_text(1, doc_id);
  if (!q->step()) return std::nullopt;
  return StoredDocument{q->column_int(0), q->column_text(1)};
}

bool Store::Impl::content_stored_elsewhere(const std::string& content_hash, const std::string& doc_id) {
  const auto q = use(Sql::find_same_content);
  q->bind_text(1, content_hash);
  q->bind_text(2, doc_id);
  return q->step();
}

// Deletes the document's evidence; returns the relations it supported.
std::vector<std::int64_t> Store::Impl::remove_evidence_of(std::int64_t document_id) {
  std::vector<std::int64_t> relations;
  {
    const auto q = use(Sql::relations_of_document);
    q->bind_int(1, document_id);
    while (q->step()) relations.push_back(q->column_int(0));
  }
  const auto q = use(Sql::delete_document_evidence);
  q->bind_int(1, document_id);
  q->run();
  return relations;
}

std::int64_t Store::Impl::upsert_document(const DocumentMentions& doc) {
  const Article& a = doc.article;
  const auto q = use(Sql::upsert_document);
  q->bind_text(1, a.id);
  q->bind_text_or_null(2, a.title);
  q->bind_text_or_null(3, a.published);
  q->bind_text_or_null(4, a.url);
  q->bind_text_or_null(5, a.source);
  q->bind_text_or_null(6, a.origin);
  q->bind_text_or_null(7, doc.date);
  q->bind_text(8, doc.content_hash);
  // Mentions read back from `aikg extract` output may come without the text.
  if (a.text.empty())
    q->bind_null(9);
  else
    q->bind_int(9, static_cast<std::int64_t>(count_code_points(a.text)));
  return returned_id(*q);
}

// Stores one mention; false when it was stored before (same mention id).
bool Store::Impl::add_mention(std::int64_t document_id, const Mention& m, std::string_view document_date,
                              const Gazetteer& gazetteer) {
  const std::int64_t source = entity_id(m.source.name, m.source.kind, m.source.candidate, gazetteer, 0);
  const std::int64_t target = entity_id(m.target.name, m.target.kind, m.target.candidate, gazetteer, 0);
  const auto [relation, created] = relation_id(m.type, source, target, m.status);
  // A sentence without a date of its own is dated by its document.
  const std::string_view date = m.date.empty() ? document_date : std::string_view(m.date);
  if (!insert_evidence(relation, document_id, m, date)) {
    if (created) drop_if_unsupported(relation);
    return false;
  }
  add_to_summary(relation, m, date);
  return true;
}

// The entity's id, creating it (with its parent and aliases) on first sight.
std::int64_t Store::Impl::entity_id(const std::string& name, EntityKind kind, bool candidate,
                                    const Gazetteer& gazetteer, int depth) {
  if (const auto it = entity_ids.find(name); it != entity_ids.end()) return it->second;
  const GazetteerEntry* entry = gazetteer.by_name(name);
  const auto parent = parent_entity_id(entry, kind, gazetteer, depth);
  const std::int64_t id = upsert_entity(name, kind, parent, candidate);
  add_alias(id, name);
  if (entry)
    for (const std::string& alias : entry->aliases) add_alias(id, alias);
  entity_ids.emplace(name, id);
  return id;
}

std::optional<std::int64_t> Store::Impl::parent_entity_id(const GazetteerEntry* entry, EntityKind child_kind,
                                                          const Gazetteer& gazetteer, int depth) {
  if (!entry || entry->parent.empty() || entry->parent == entry->name || depth >= kMaxParentDepth)
    return std::nullopt;
  const GazetteerEntry* parent = gazetteer.by_name(entry->parent);
  // A parent the gazetteer does not list on its own line is still kept, as a
  // candidate: the organisation a person leads, or else a business group.
  const EntityKind kind = parent                         ? parent->kind
                          : child_kind == EntityKind::person ? EntityKind::company
                                                             : EntityKind::group;
  return entity_id(entry->parent, kind, parent == nullptr, gazetteer, depth + 1);
}

std::int64_t Store::Impl::upsert_entity(const std::string& name, EntityKind kind, std::optional<std::int64_t> parent,
                                        bool candidate) {
  const auto q = use(Sql::upsert_entity);
  q->bind_text(1, name);
  q->bind_text(2, aikg::name(kind));
  if (parent)
    q->bind_int(3, *parent);
  else
    q->bind_null(3);
  q->bind_int(4, candidate ? 1 : 0);
  return returned_id(*q);
}

void Store::Impl::add_alias(std::int64_t entity, std::string_view alias) {
  const std::string key = alias_key(alias);
  if (key.empty()) return;
  const auto q = use(Sql::insert_alias);
  q->bind_int(1, entity);
  q->bind_text(2, alias);
  q->bind_text(3, key);
  q->run();
}

// The relation's id and whether this call created it.
std::pair<std::int64_t, bool> Store::Impl::relation_id(RelationType type, std::int64_t source, std::int64_t target,
                                                       Status status) {
  const RelationKey key{type, source, target};
  if (const auto it = relation_ids.find(key); it != relation_ids.end()) return {it->second, false};
  // Inserting first costs one statement for a new relation, the common
  // case in a bulk ingest; only a known relation needs the lookup.
  bool created = false;
  {
    const auto q = use(Sql::insert_relation);
    q->bind_text(1, name(type));
    q->bind_int(2, source);
    q->bind_int(3, target);
    q->bind_text(4, name(status));
    q->run();
    created = sqlite3_changes(db.get()) == 1;
  }
  std::int64_t id = sqlite3_last_insert_rowid(db.get());
  if (!created) {
    const auto q = use(Sql::find_relation);
    q->bind_text(1, name(type));
    q->bind_int(2, source);
    q->bind_int(3, target);
    if (!q->step()) throw StoreError("a relation vanished while it was being stored");
    id = q->column_int(0);
  }
  relation_ids.emplace(key, id);
  return {id, created};
}

bool Store::Impl::insert_evidence(std::int64_t relation, std::int64_t document_id, const Mention& m,
                                  std::string_view date) {
  const auto q = use(Sql::insert_evidence);
  q->bind_int(1, relation);
  q->bind_int(2, document_id);
  q->bind_text(3, m.id);
  q->bind_text(4, m.sentence);
  q->bind_int(5, static_cast<std::int64_t>(m.begin));
  q->bind_int(6, static_cast<std::int64_t>(m.end));
  q->bind_text(7, name(m.status));
  q->bind_text_or_null(8, date);
  q->bind_double(9, m.confidence);
  q->bind_text_or_null(10, m.cue);
  q->run();
  return sqlite3_changes(db.get()) == 1;
}

void Store::Impl::add_to_summary(std::int64_t relation, const Mention& m, std::string_view date) {
  const auto q = use(Sql::add_evidence_to_relation);
  q->bind_int(1, relation);
  q->bind_text_or_null(2, date);
  q->bind_text(3, name(m.status));
  q->bind_int(4, rank(m.status));
  q->bind_double(5, m.confidence);
  q->run();
}

void Store::Impl::recompute_summary(std::int64_t relation) {
  const auto q = use(Sql::recompute_relation);
  q->bind_int(1, relation);
  q->run();
}

void Store::Impl::drop_if_unsupported(std::int64_t relation) {
  const auto q = use(Sql::drop_unsupported_relation);
  q->bind_int(1, relation);
  if (!q->step()) return;
  const RelationType type = known(parse_relation_type(q->column_text(0)), "relation type", q->column_text(0));
  relation_ids.erase(RelationKey{type, q->column_int(1), q->column_int(2)});
  q->run();
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

// The IN list's length varies with the filter, so this statement is prepared
// per call. Only placeholders are put into the text, never a value.
Statement Store::Impl::relation_query(const RelationFilter& filter) {
  std::vector<std::string_view> types;
  for (const RelationType t : filter.types) types.push_back(name(t));
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());

  std::string sql =
      "SELECT r.id, r.type, r.source_id, r.target_id, s.name, t.name, r.status, r.first_seen, r.last_seen, "
      "r.confidence, r.evidence_count FROM relations r "
      "JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id WHERE 1";
  if (filter.entity) sql += " AND (r.source_id = ?1 OR r.target_id = ?1)";
  if (!types.empty()) {
    sql += " AND r.type IN (";
    for (std::size_t i = 0; i < types.size(); ++i) sql += fmt::format("{}?{}", i ? ", " : "", i + 2);
    sql += ")";
  }
  sql += " ORDER BY r.type, s.name, t.name";

  Statement q(db.get(), sql, "listing relations", 0);
  if (filter.entity) q.bind_int(1, *filter.entity);
  for (std::size_t i = 0; i < types.size(); ++i) q.bind_text(static_cast<int>(i + 2), types[i]);
  return q;
}

// ---------------------------------------------------------------------------
// The public interface.

Store::Store(const std::filesystem::path& path, StoreOptions options)
    : impl_(std::make_unique<Impl>(path, options)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

int Store::schema_version() const { return impl_->schema_version; }

int Store::latest_schema_version() { return migrations().empty() ? 0 : migrations().back().version; }

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
  impl_->in_transaction = false;
  if (!impl_->inside_transaction()) {
    impl_->forget_cached_ids();
    return;
  }
  try {
    impl_->exec("ROLLBACK", fmt::format("{}: rolling back", impl_->path));
  } catch (...) {
    impl_->forget_cached_ids();
    throw;
  }
  impl_->forget_cached_ids();
}

IngestResult Store::put_document(const DocumentMentions& doc, const Gazetteer& gazetteer) {
  impl_->require_writable("store documents");
  try {
    Impl::DocumentScope scope(*impl_);
    const IngestResult result = impl_->store_document(doc, gazetteer);
    scope.commit();
    return result;
  } catch (const StoreError& e) {
    throw StoreError(fmt::format("{}: storing document '{}': {}", impl_->path, doc.article.id, e.what()));
  }
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
  Statement q = impl_->relation_query(filter);
  while (q.step()) {
    RelationRow r;
    r.id = q.column_int(0);
    const std::string type = q.column_text(1);
    r.type = known(parse_relation_type(type), "relation type", type);
    r.source_id = q.column_int(2);
    r.target_id = q.column_int(3);
    r.source_name = q.column_text(4);
    r.target_name = q.column_text(5);
    const std::string status = q.column_text(6);
    r.status = known(parse_status(status), "status", status);
    r.first_seen = q.column_text(7);
    r.last_seen = q.column_text(8);
    r.confidence = q.column_double(9);
    r.evidence_count = q.column_int(10);
    out.push_back(std::move(r));
  }
  if (with_evidence)
    for (RelationRow& r : out) r.evidence = evidence(r.id);
  return out;
}

std::vector<EvidenceRow> Store::evidence(std::int64_t relation_id) const {
  std::vector<EvidenceRow> out;
  const auto q = impl_->use(Sql::evidence_of);
  q->bind_int(1, relation_id);
  while (q->step()) {
    EvidenceRow e;
    e.id = q->column_int(0);
    e.doc = q->column_text(1);
    e.sentence = q->column_text(2);
    const std::string status = q->column_text(3);
    e.status = known(parse_status(status), "status", status);
    e.date = q->column_text(4);
    e.confidence = q->column_double(5);
    e.begin = static_cast<std::size_t>(q->column_int(6));
    e.end = static_cast<std::size_t>(q->column_int(7));
    e.url = q->column_text(8);
    out.push_back(std::move(e));
  }
  return out;
}

Store::Counts Store::counts() const {
  const auto q = impl_->use(Sql::counts);
  q->step();
  return {q->column_int(0), q->column_int(1), q->column_int(2), q->column_int(3)};
}

}  // namespace aikg
