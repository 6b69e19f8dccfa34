// Store::check: what `aikg check` reports. Reads only; every finding is a
// readable line in CheckReport::problems.
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::read_int;
using detail::Statement;

// Enough lines to see what is wrong without drowning the report.
constexpr int kMaxLinesPerCheck = 20;

void integrity(sqlite3* db, std::vector<std::string>& problems) {
  Statement q(db, fmt::format("PRAGMA integrity_check({})", kMaxLinesPerCheck), "checking integrity", 0);
  while (q.step())
    if (q.column_text(0) != "ok") problems.push_back("integrity: " + q.column_text(0));
}

void foreign_keys(sqlite3* db, std::vector<std::string>& problems) {
  Statement q(db, "PRAGMA foreign_key_check", "checking foreign keys", 0);
  int n = 0;
  while (q.step() && n++ < kMaxLinesPerCheck)
    problems.push_back(fmt::format("foreign key: {} row {} points at a missing row of {}", q.column_text(0),
                                   q.is_null(1) ? std::string("?") : std::to_string(q.column_int(1)),
                                   q.column_text(2)));
}

// Rows that are consistent for SQLite but not for aikg.
struct OrphanCheck {
  std::string_view description;
  std::string_view sql;  // returns one id per offending row
};

constexpr OrphanCheck kOrphanChecks[] = {
    {"relation without evidence",
     "SELECT r.id FROM relations r WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.relation_id = r.id)"},
    {"relation whose evidence_count disagrees with its evidence",
     "SELECT r.id FROM relations r WHERE r.evidence_count <> "
     "(SELECT count(*) FROM evidence e WHERE e.relation_id = r.id)"},
    {"relation of an entity with itself", "SELECT id FROM relations WHERE source_id = target_id"},
    {"extracted evidence without a document",
     "SELECT id FROM evidence WHERE curated = 0 AND document_id IS NULL"},
    {"entity that is its own parent", "SELECT id FROM entities WHERE parent_id = id"},
    // The index's per-row sizes table has one row per indexed evidence id;
    // readable without writing, unlike the FTS5 'integrity-check' command.
    {"evidence missing from the search index (INSERT INTO evidence_fts(evidence_fts) VALUES('rebuild'))",
     "SELECT e.id FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM evidence_fts_docsize d WHERE d.id = e.id)"},
    {"search index row without evidence (INSERT INTO evidence_fts(evidence_fts) VALUES('rebuild'))",
     "SELECT d.id FROM evidence_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.id = d.id)"},
    {"merged name that is still an entity of its own",
     "SELECT m.id FROM merges m JOIN entities e ON e.name = m.drop_name AND e.id <> m.keep_id"},
};

void orphans(sqlite3* db, std::vector<std::string>& problems) {
  for (const auto& check : kOrphanChecks) {
    Statement q(db, check.sql, "checking consistency", 0);
    std::vector<std::string> ids;
    while (q.step()) ids.push_back(std::to_string(q.column_int(0)));
    if (ids.empty()) continue;
    if (ids.size() > static_cast<std::size_t>(kMaxLinesPerCheck)) ids.resize(kMaxLinesPerCheck), ids.push_back("...");
    problems.push_back(fmt::format("{}: id {}", check.description, fmt::join(ids, ", ")));
  }
}

// The FTS index must hold exactly the evidence sentences. Its own check is an
// INSERT, which a read-only connection may not run (SQLITE_READONLY): then
// only the row checks in kOrphanChecks speak for the index.
void search_index(sqlite3* db, std::vector<std::string>& problems) {
  const int rc = sqlite3_exec(db, "INSERT INTO evidence_fts(evidence_fts, rank) VALUES ('integrity-check', 1)",
                              nullptr, nullptr, nullptr);
  if (rc == SQLITE_CORRUPT_VTAB || (rc & 0xff) == SQLITE_CORRUPT)
    problems.push_back(
        "search index out of step with evidence: repair with "
        "INSERT INTO evidence_fts(evidence_fts) VALUES('rebuild')");
}

// Runs one part of the check; damage that stops it is a finding, not a
// failure of the check (the other parts still run).
template <typename F>
void reporting_damage(std::vector<std::string>& problems, F&& part) {
  try {
    part();
  } catch (const DamagedError& e) {
    problems.push_back(fmt::format("damaged: {}", e.what()));
  }
}

}  // namespace

CheckReport Store::check() const {
  sqlite3* db = impl_->db.get();
  CheckReport r;
  r.schema_version = impl_->schema_version;
  r.latest_schema_version = latest_schema_version();
  if (r.schema_version < r.latest_schema_version)
    r.problems.push_back(fmt::format("schema version {} is older than this aikg's {}: open it for writing to migrate",
                                     r.schema_version, r.latest_schema_version));
  auto& p = r.problems;
  reporting_damage(p, [&] { integrity(db, p); });
  reporting_damage(p, [&] { foreign_keys(db, p); });
  reporting_damage(p, [&] { orphans(db, p); });
  reporting_damage(p, [&] { search_index(db, p); });
  reporting_damage(p, [&] { impl_->schema_problems(p); });
  reporting_damage(p, [&] {
    if (auto problem = impl_->snapshot_problem()) p.push_back(std::move(*problem));
  });
  reporting_damage(p, [&] {
    const auto c = counts();
    r.documents = c.documents, r.entities = c.entities, r.relations = c.relations, r.evidence = c.evidence;
  });
  reporting_damage(p, [&] {
    const auto what = "counting curation";
    r.curated_evidence = read_int(db, "SELECT count(*) FROM evidence WHERE curated = 1", what);
    r.retractions = read_int(db, "SELECT count(*) FROM retractions", what);
    r.merges = read_int(db, "SELECT count(*) FROM merges", what);
    r.curated_aliases = read_int(db, "SELECT count(*) FROM aliases WHERE curated = 1", what);
  });
  return r;
}

CheckReport check_database(const std::filesystem::path& path) {
  StoreOptions options;
  options.read_only = true;
  options.quick_check = false;  // the full check follows and reports, rather than refusing
  try {
    return Store(path, options).check();
  } catch (const DamagedError& e) {
    CheckReport r;
    r.latest_schema_version = Store::latest_schema_version();
    r.problems.push_back(fmt::format("damaged: {}", e.what()));
    return r;
  }
}

}  // namespace aikg
