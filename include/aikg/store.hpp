// The store: the only code that speaks SQL. One SQLite file holds documents,
// entities, aliases, relations (deduplicated across documents) and evidence.
// The schema is the numbered migrations in schema/, applied in order; the file
// is marked with application_id 0x41494B47 ("AIKG") and user_version.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aikg/gazetteer.hpp"
#include "aikg/mention.hpp"
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
};

struct IngestResult {
  enum class Outcome { added, updated, unchanged, duplicate } outcome = Outcome::added;
  std::size_t evidence_added = 0;
};

struct StoreOptions {
  bool read_only = false;
  bool create = true;  // create the file when missing (ignored when read_only)
};

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
  };
  std::vector<RelationRow> relations(const RelationFilter& filter, bool with_evidence) const;
  std::vector<EvidenceRow> evidence(std::int64_t relation_id) const;

  struct Counts {
    std::int64_t documents = 0, entities = 0, relations = 0, evidence = 0;
  };
  Counts counts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aikg
