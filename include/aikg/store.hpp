// The store: the only code that speaks SQL. One SQLite file holds documents,
// entities, aliases, relations (deduplicated across documents) and evidence.
// The schema is the numbered migrations in schema/, applied in order; the file
// is marked with application_id 0x41494B47 ("AIKG") and user_version.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/gazetteer.hpp"
#include "aikg/mention.hpp"
#include "aikg/snapshot.hpp"
#include "aikg/taxonomy.hpp"

namespace aikg {

struct EntityRow {
  std::int64_t id = 0;
  std::string name;
  EntityKind kind = EntityKind::company;
  std::string parent;  // canonical name of the parent group, or empty
  bool candidate = false;
  std::vector<std::string> aliases;  // sorted
};

struct EvidenceRow {
  std::int64_t id = 0;
  std::string doc;  // document id
  std::string sentence;
  Status status = Status::done;
  std::string date;
  double confidence = 0;
  std::size_t begin = 0, end = 0;
  std::string url;  // the document's url, may be empty
  bool curated = false;
};

struct RelationRow {
  std::int64_t id = 0;
  RelationType type = RelationType::partnership;
  std::int64_t source_id = 0, target_id = 0;
  std::string source_name, target_name;
  Status status = Status::done;   // status of the latest evidence (most definite on ties)
  std::string first_seen, last_seen;  // evidence dates, may be empty
  double confidence = 0;              // max over evidence
  std::int64_t evidence_count = 0;
  std::vector<EvidenceRow> evidence;  // filled only when asked
  bool retracted = false;             // an analyst retracted it (listed only when asked for)
};

// Sorts relations the way they are listed: by type name, source name, target
// name (unique per relation, so the order is total).
void sort_relations(std::vector<RelationRow>& rows);

struct IngestResult {
  enum class Outcome { added, updated, unchanged, duplicate } outcome = Outcome::added;
  std::size_t evidence_added = 0;
};

// What became of one document of a batch: its result, or why it failed.
struct PutOutcome {
  IngestResult result;
  std::string error;  // empty when stored
};

struct StoreOptions {
  bool read_only = false;
  bool create = true;  // create the file when missing (ignored when read_only)
  // Read-only opens of small files run PRAGMA quick_check first and refuse a
  // damaged file; `aikg check` turns this off to report the damage itself.
  bool quick_check = true;
  // A snapshot a read rebuilds (graph_snapshot) is kept in the file for the
  // next command; off for a process that must never write (aikg serve).
  bool keep_snapshot = true;
};

// One evidence sentence found by Store::search.
struct SearchHit {
  std::int64_t evidence_id = 0, relation_id = 0;
  RelationType type = RelationType::partnership;
  std::string source, target;  // entity names
  Status status = Status::done;
  std::string date, doc, url;  // doc and url are empty for curated evidence
  std::string sentence;
  bool curated = false, retracted = false;
};

// What Store::check found. problems empty means the file is sound.
struct CheckReport {
  int schema_version = 0, latest_schema_version = 0;
  std::vector<std::string> problems;  // each one readable on its own line
  std::int64_t documents = 0, entities = 0, relations = 0, evidence = 0;
  std::int64_t curated_evidence = 0, retractions = 0, merges = 0, curated_aliases = 0;
  bool clean() const { return problems.empty(); }
};

// A relation asserted by an analyst (aikg relation add).
struct CuratedRelation {
  RelationType type = RelationType::partnership;
  std::string source, target;  // names or aliases of existing entities
  Status status = Status::done;
  std::string note;            // provenance; stored as the evidence sentence
  std::string date;            // ISO date, may be empty
};

// A name found in articles that no gazetteer row backs, for an analyst to
// promote (aikg alias add) or reject (aikg alias reject).
struct CandidateRow {
  std::int64_t id = 0;
  std::string name;
  std::int64_t evidence = 0, documents = 0;
  std::string sample;  // its most confident evidence sentence
};

struct MergeResult {
  std::int64_t moved = 0;    // relations repointed to the kept entity
  std::int64_t merged = 0;   // relations folded into one the kept entity already had
  std::int64_t dropped = 0;  // relations between the two, now self-loops, deleted
};

// Refuses (UsageError) a database path SQLite would not take as a plain file:
// empty (a temporary database), ":memory:", a "file:" URI, or a directory.
void check_database_path(const std::filesystem::path& path);

class Store;
// What `aikg check` reports: opens the file read-only without refusing damage
// and runs Store::check. A damaged file (even one whose schema cannot be
// read) gives a report of problems; only a file that is not an aikg
// database, or cannot be opened, throws.
CheckReport check_database(const std::filesystem::path& path);

class Store {
 public:
  // Opens (and creates or migrates) the database. Throws StoreError when the
  // file is not aikg's, has a newer schema, or cannot be opened.
  Store(const std::filesystem::path& path, StoreOptions options = {});
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  int schema_version() const;
  static int latest_schema_version();

  // Batched writes: begin() takes the write lock up front (BEGIN IMMEDIATE);
  // commit() makes everything since durable; rollback() forgets it.
  void begin();
  void commit();
  void rollback();

  // Stores one document and its mentions. A document whose content hash is
  // already stored under the same id is `unchanged` (nothing written); the
  // same id with new content replaces that document's evidence (`updated`);
  // the same content under another id is a `duplicate` (nothing written).
  // Entities are created on first mention, with their aliases from `gazetteer`.
  IngestResult put_document(const DocumentMentions& doc, const Gazetteer& gazetteer);
  // Stores documents in one transaction of their own (not inside begin()),
  // each all or nothing as put_document does: a failing document is undone
  // alone and reported in its outcome, the others are committed. Faster than
  // put_document per document inside begin(), which journals every page each
  // document touches in case it must be undone.
  std::vector<PutOutcome> put_documents(std::span<const DocumentMentions> docs, const Gazetteer& gazetteer);

  // Queries.
  std::vector<EntityRow> entities() const;
  std::optional<EntityRow> entity(std::int64_t id) const;
  // Resolves a name or alias (case-insensitive, NFC, spaces ignored).
  std::optional<std::int64_t> resolve(std::string_view name_or_alias) const;
  // Names close to `name`, for "did you mean".
  std::vector<std::string> suggest(std::string_view name, std::size_t max = 3) const;

  struct RelationFilter {
    std::optional<std::int64_t> entity;  // either endpoint
    std::vector<RelationType> types;     // empty: all
    bool include_retracted = false;      // retracted relations are hidden unless asked for
    bool sorted = true;                  // by type, source and target name (a caller that sorts itself saves a large sort)
  };
  std::vector<RelationRow> relations(const RelationFilter& filter, bool with_evidence) const;
  std::vector<EvidenceRow> evidence(std::int64_t relation_id) const;
  // An entity's aliases (its name among them), sorted as entities() sorts them.
  std::vector<std::string> aliases(std::int64_t entity_id) const;

  // One read transaction for as long as it lives (unless one is open already,
  // which it leaves alone): everything read meanwhile is one state of the
  // file, also while another process writes. For commands that read in many
  // steps (a streaming export); the store must outlive it.
  class ReadScope {
   public:
    explicit ReadScope(const Store& store);
    ReadScope(ReadScope&& other) noexcept : store_(other.store_), own_(other.own_) { other.own_ = false; }
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;
    ReadScope& operator=(ReadScope&&) = delete;
    ~ReadScope();

   private:
    const Store* store_;
    bool own_ = false;
  };

  // The graph snapshot of the data as it is now (include/aikg/snapshot.hpp):
  // the stored one when it was built from the current generation, else one
  // built from the tables and stored for the next reader when the file can
  // be written without waiting (docs/schema.md). Read in one transaction, so
  // it is never stale, also while another process writes. nullopt for a file
  // of schema 3 or older (read-only opens do not migrate), or when the
  // environment sets AIKG_SNAPSHOT=off (then callers read the tables).
  // Without `with_evidence` the evidence columns may be left empty (a
  // selection that does not filter evidence rows never reads them).
  std::optional<GraphSnapshot> graph_snapshot(bool with_evidence = true) const;
  // A snapshot built from the tables, whatever is stored (tests, check).
  GraphSnapshot build_graph_snapshot() const;

  struct Counts {
    std::int64_t documents = 0, entities = 0, relations = 0, evidence = 0;
  };
  Counts counts() const;

  // --- The file as a product (store/admin.cpp, store/check.cpp).

  // Evidence sentences containing every whitespace-separated term of `text`,
  // best match first. Terms of 3 or more characters use the trigram index;
  // if any term is shorter (삼성), a LIKE scan answers instead. Terms are
  // matched literally: FTS5 operators in `text` have no effect.
  std::vector<SearchHit> search(std::string_view text, std::size_t limit = 50) const;
  // Writes a compact, self-contained copy (VACUUM INTO, no -wal/-shm) to
  // `out`. Throws StoreError when `out` exists, unless `overwrite`; the copy is
  // written beside `out`, so `out` is never half-written. An existing
  // database at `out` is replaced under its own lock (a crashed writer's -wal
  // folded in and removed first); one that another connection holds open is
  // refused as in use. Never writes onto this store's own files, a symbolic
  // link or a device (OutputError), nor beside a stale -wal (StoreError).
  void publish(const std::filesystem::path& out, bool overwrite = false) const;
  // Integrity, foreign keys, schema and summary consistency; never throws for
  // what it finds, only when it cannot look.
  CheckReport check() const;

  // --- Curation (store/curation.cpp). Each call is one transaction, recorded
  // so that ingesting again never undoes it. Names resolve as in resolve();
  // an unknown name throws StoreError.

  // Discovered names (candidate entities), most evidence first.
  std::vector<CandidateRow> candidates() const;
  // Says a discovered name is no organisation: its entity, relations and
  // evidence go, and later ingests file no relation under it. Returns the
  // relations removed. Throws StoreError for a name the gazetteer or an
  // analyst backs (retract its relations instead).
  std::int64_t reject_name(std::string_view name, std::string_view note);
  // Adds `alias` to `entity`; ingest then files mentions of `alias` under
  // `entity`. Throws when the alias already names another entity (merge them).
  void add_alias(std::string_view entity, std::string_view alias);
  // Makes `drop` part of `keep`: relations, evidence, aliases and retractions
  // move over, duplicate relations are merged, and later ingests file the
  // dropped name under `keep`.
  MergeResult merge(std::string_view keep, std::string_view drop);
  // Adds curated evidence (creating the relation if needed) and lifts a
  // retraction of the same relation. Returns the relation id.
  std::int64_t add_relation(const CuratedRelation& relation);
  // Hides a relation from relations() and the exports, for good; returns its id.
  std::int64_t retract_relation(std::int64_t relation_id, std::string_view note);
  std::int64_t retract_relation(RelationType type, std::string_view source, std::string_view target,
                                std::string_view note);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aikg
