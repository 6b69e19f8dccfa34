// The Store's private parts, shared by its source files:
//   statements.cpp  the SQL of every statement (enum Sql below)
//   store.cpp       transactions, savepoints, queries
//   open.cpp        opening a file: identity checks, migrations, lookup tables
//   relations.cpp   what both writers share: curated names, pair order, summaries
//   ingest.cpp      put_document (uses relations.cpp)
//   curation.cpp    aliases, merges, curated and retracted relations (uses relations.cpp)
//   admin.cpp       search, publish, and trusting our own schema
//   check.cpp       check()
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aikg/error.hpp"
#include "aikg/snapshot.hpp"
#include "aikg/store.hpp"
#include "aikg/summary.hpp"
#include "store/sqlite_handle.hpp"

namespace aikg {
namespace detail {

struct Migration {
  int version = 0;
  std::string_view path;
  std::string_view sql;
};

// The embedded schema/NNN_*.sql files, in version order.
const std::vector<Migration>& migrations();

// Every statement the store runs more than once; their SQL is kSql in
// statements.cpp. Each is prepared on first use and kept for the Store's lifetime.
enum class Sql : std::size_t {
  data_version,
  find_document,
  find_same_content,
  relations_of_document,
  delete_document_evidence,
  upsert_document,
  insert_entity,
  upsert_entity,
  insert_alias,
  find_relation,
  insert_relation,
  delete_relation,
  insert_evidence,
  index_new_evidence,
  unindex_document_evidence,
  unqueue_document_evidence,
  move_generation,
  drop_unsupported_relation,
  entity_rows,
  entity_row,
  all_aliases,
  aliases_of,
  alias_owner,
  entity_named,
  entity_names,
  entity_name,
  names_and_alias_keys,
  evidence_of,
  evidence_all,
  counts,
  pending_evidence,
  index_pending_evidence,
  clear_pending_evidence,
  // relation summaries (the rule itself is RelationSummary's, in C++)
  relation_summary,
  write_relation_summary,
  evidence_summaries,
  // curation
  curated_entity,
  curation_recorded,
  relations_of_entity,
  repoint_relation,
  move_evidence,
  retractions_of_entity,
  copy_retraction,
  delete_retraction,
  delete_retraction_of,
  retract_relation,
  move_aliases,
  move_children,
  inherit_parent,
  move_merges,
  record_merge,
  delete_entity,
  insert_curated_alias,
  insert_curated_relation,
  insert_curated_evidence,
  count_
};

// Throws StoreError naming `what` when an analyst's text is not UTF-8 (curation.cpp).
void require_utf8(std::string_view text, std::string_view what);

// What identifies a relation: UNIQUE(type, source_id, target_id).
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

// ---------------------------------------------------------------------------
// Small helpers.

inline std::int64_t read_int(sqlite3* db, std::string_view sql, std::string_view what) {
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

// Binds ?1, ?2, ... in order: integers as integers, anything else as text.
inline void bind_all(Statement&, int) {}
template <typename T, typename... Rest>
void bind_all(Statement& q, int i, const T& value, const Rest&... rest) {
  if constexpr (std::is_integral_v<T>)
    q.bind_int(i, value);
  else
    q.bind_text(i, std::string_view(value));
  bind_all(q, i + 1, rest...);
}

// The id an INSERT ... RETURNING id (or upsert) gave back.
inline std::int64_t returned_id(Statement& q) {
  if (!q.step()) throw StoreError("an insert returned no id");
  return q.column_int(0);
}

}  // namespace detail

struct Store::Impl {
  std::string path;  // for messages
  bool read_only = false;
  bool keep_snapshot = true;  // StoreOptions::keep_snapshot
  detail::DbHandle db;
  int schema_version = 0;
  std::array<detail::Statement, static_cast<std::size_t>(detail::Sql::count_)> statements;  // prepared on first use

  // Ids of rows this connection has seen, so that a bulk ingest touches
  // SQLite only for what is new. Forgotten whenever rows may have vanished:
  // after a rollback, or when another connection committed in between.
  std::unordered_map<std::string, std::int64_t> entity_ids;
  std::unordered_map<detail::RelationKey, std::int64_t, detail::RelationKeyHash> relation_ids;
  std::int64_t seen_data_version = -1;
  // Names curation filed under another entity's name (see curated_entity);
  // forgotten with entity_ids, which caches the same lookups.
  std::unordered_set<std::string> redirected_names;
  // Alias keys of names an analyst rejected (candidates.cpp), read on first need.
  std::optional<std::unordered_set<std::string>> rejected_keys;
  bool rejected(const EntityRef& e);
  // Whether any merge or curated alias exists, read on first need: without
  // one, no name needs looking up in them (curated_entity).
  std::optional<bool> curation_recorded;
  bool in_transaction = false;  // begin() called, commit()/rollback() not yet
  // put_documents runs with the schema's triggers off and does their work
  // itself (store/ingest.cpp: TriggersDoneByHand).
  bool triggers_by_hand = false;
  // The smallest evidence id put_documents inserted in its open transaction
  // (with triggers_by_hand): it and every larger id get indexed before the commit.
  std::optional<std::int64_t> first_new_evidence;

  Impl(const std::filesystem::path& file, const StoreOptions& options);

  // --- opening
  void open_file(const std::filesystem::path& file, const StoreOptions& options);
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
  void apply_migration(const detail::Migration& m);
  bool taxonomy_stored();
  void store_taxonomy();
  void trust_schema_if_ours();
  // PRAGMA quick_check on files up to max_bytes; throws DamagedError.
  void quick_check(std::int64_t max_bytes);
  void schema_problems(std::vector<std::string>& problems) const;  // for check()

  // --- transactions
  void exec(const std::string& sql, std::string_view what) { detail::exec(db.get(), sql, what); }
  bool inside_transaction() const { return sqlite3_get_autocommit(db.get()) == 0; }
  void begin_immediate();
  void rollback_quietly() noexcept;
  void index_pending_evidence();
  void index_new_evidence();  // put_documents' own, see first_new_evidence
  void index_evidence_left_pending();  // by someone else's writes
  void forget_cached_ids();
  void forget_cached_ids_if_others_wrote();
  void require_writable(std::string_view action) const;
  class Savepoint;
  class TriggersDoneByHand;  // ingest.cpp

  // --- statements
  detail::Statement& statement(detail::Sql id);
  detail::StatementUse use(detail::Sql id) { return detail::StatementUse(statement(id)); }
  // use() with ?1, ?2, ... bound to `args` (text is bound, not copied: no temporaries).
  template <typename... Args>
  detail::StatementUse bound(detail::Sql id, Args&&... args) {
    static_assert(((std::is_lvalue_reference_v<Args> || !std::is_same_v<std::remove_cvref_t<Args>, std::string>) && ...),
                  "a temporary string would dangle: text is bound without a copy");
    detail::Statement& q = statement(id);
    try {
      detail::bind_all(q, 1, args...);
    } catch (...) {
      q.reset();
      throw;
    }
    return detail::StatementUse(q);
  }

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
  std::pair<std::int64_t, bool> relation_id(const Mention& m, std::int64_t source, std::int64_t target,
                                            std::string_view date);
  void delete_relation(std::int64_t relation, const detail::RelationKey& key);
  bool insert_evidence(std::int64_t relation, std::int64_t document_id, const Mention& m, std::string_view date);
  void drop_if_unsupported(std::int64_t relation);

  // --- shared by ingest and curation (relations.cpp)
  // The entity an analyst filed `name` under (merge, curated alias), if any.
  std::optional<std::int64_t> curated_entity(const std::string& name);
  std::string entity_name(std::int64_t id);
  // Swaps source and target unless they are in is_canonical_pair's order.
  void orient(RelationType type, std::int64_t& source, std::int64_t& target);
  void add_to_summary(std::int64_t relation, const Mention& m, std::string_view date);
  void recompute_summary(std::int64_t relation);
  void write_summary(std::int64_t relation, const RelationSummary& s);

  // --- curation (curation.cpp)
  // The rows of `sql` (id, type, source_id, target_id) that involve `entity`.
  std::vector<std::pair<std::int64_t, detail::RelationKey>> keyed_rows(detail::Sql sql, std::int64_t entity);
  detail::RelationKey moved(detail::RelationKey key, std::int64_t drop, std::int64_t keep);
  std::optional<std::int64_t> relation_with(const detail::RelationKey& key);
  void move_relations(std::int64_t drop, std::int64_t keep, MergeResult& r);
  void move_retractions(std::int64_t drop, std::int64_t keep);
  void move_names(std::int64_t drop, std::int64_t keep);

  // --- reading
  EntityRow entity_from(const detail::Statement& q) const;
  std::vector<std::string> aliases_of(std::int64_t entity);
  detail::Statement relation_query(const RelationFilter& filter);
  void fill_names(std::vector<RelationRow>& rows);

  // --- the graph snapshot (snapshot.cpp)
  GraphSnapshot build_snapshot();                   // from the tables, in one read transaction
  std::optional<GraphSnapshot> stored_snapshot();  // the stored one, when current and sound
  void save_snapshot(const GraphSnapshot& s) noexcept;
  std::optional<std::string> snapshot_problem();   // for check()
};

// Makes one write (a document, a curation action) all or nothing. Inside the
// caller's begin() it is a savepoint, so a failing write is undone alone and
// the caller's transaction goes on; otherwise it is a transaction of its own.
class Store::Impl::Savepoint {
 public:
  // `name` names the savepoint; `what` ends "committing the <what>" in errors.
  // `forget_on_commit`: the write moved or deleted rows the id caches hold.
  Savepoint(Store::Impl& store, std::string_view name, std::string_view what, bool forget_on_commit);
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void commit();
  ~Savepoint();

 private:
  Store::Impl& store_;
  std::string name_, what_;
  bool forget_on_commit_;
  bool nested_;
  bool done_ = false;
};

}  // namespace aikg
