// Opening a store: is the file aikg's, which schema version, migrations,
// and the lookup tables filled from taxonomy.hpp.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

#include <unistd.h>

#include "text/embedded.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::Migration;
using detail::migrations;
using detail::read_int;
using detail::Sql;
using detail::Statement;

// "AIKG" in the file header (offset 68), so file(1) and aikg recognise the file.
constexpr std::int64_t kApplicationId = 0x41494B47;
// A read-only open cannot migrate, so it accepts every schema version the
// queries can read. Raise this when a migration changes what they read.
// Version 2 added the columns and tables that relations() and evidence() read
// (curated evidence, retractions).
constexpr int kOldestReadableSchema = 2;
// Long enough for a writer waiting behind a bulk ingest's commit; SQLite
// retries for this long before giving up with SQLITE_BUSY.
constexpr int kBusyTimeoutMs = 30000;
// Page cache per connection, in KiB (negative cache_size means KiB).
constexpr int kCacheSizeKiB = -64 * 1024;
// Read-only opens verify files up to this size before use: quick_check reads
// every page, about a second per few hundred MiB, too slow for every query on
// a large file (`aikg check` covers those).
constexpr std::int64_t kQuickCheckMaxBytes = 256 * 1024 * 1024;

int migration_version(std::string_view path) {
  const std::string_view file = path.substr(path.rfind('/') + 1);
  const char* const end = file.data() + file.size();
  int version = 0;
  const auto [stop, error] = std::from_chars(file.data(), end, version);
  if (error != std::errc() || stop == file.data() || stop == end || *stop != '_' || version <= 0)
    throw StoreError(fmt::format("embedded migration {}: the name must be NNN_description.sql", path));
  return version;
}

}  // namespace

namespace detail {

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

}  // namespace detail

int Store::latest_schema_version() { return migrations().empty() ? 0 : migrations().back().version; }

void check_database_path(const std::filesystem::path& file) {
  const std::string p = file.string();
  if (p.empty()) throw UsageError("the database path is empty: give a file name (--db FILE)");
  if (p == ":memory:")
    throw UsageError("':memory:' is SQLite's in-memory database, lost when aikg exits: give a file name (--db FILE)");
  // SQLite reads "file:..." as a URI (?mode=memory, vfs=...), which can put
  // the database anywhere or nowhere: only plain paths are taken.
  if (p.size() >= 5 && std::equal(p.begin(), p.begin() + 5, "file:", [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == b;
      }))
    throw UsageError(fmt::format("'{}' is an SQLite URI; aikg takes a plain file path (for a file of that name, "
                                 "write ./{})",
                                 p, p));
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw UsageError(fmt::format("{}: is a directory; give a database file (for example {}/aikg.db)", p, p));
}

Store::Impl::Impl(const std::filesystem::path& file, const StoreOptions& options)
    : path(file.string()), read_only(options.read_only), keep_snapshot(options.keep_snapshot) {
  check_database_path(file);
  try {
    open_file(file, options);
  } catch (const DamagedError& e) {
    if (read_only) throw;
    std::string_view why = e.what();
    if (why.starts_with(path + ": ")) why.remove_prefix(path.size() + 2);
    throw DamagedError(fmt::format("{}: the file is damaged ({}); not writing into it: `aikg check --db {}` "
                                   "lists what is wrong; restore a copy",
                                   path, why, path));
  }
}

void Store::Impl::open_file(const std::filesystem::path& file, const StoreOptions& options) {
  open_connection(file, options);
  // Identify the file before changing anything in it: a file that is not
  // ours must be left exactly as it was (not even switched to WAL).
  FileState state;
  try {
    configure_connection();
    state = read_file_state();
  } catch (const StoreError&) {
    // Say what the user needs to hear: they passed the wrong file.
    if (sqlite3_errcode(db.get()) == SQLITE_NOTADB)
      throw StoreError(fmt::format("{}: not an aikg database (not an SQLite file)", path));
    throw;
  }
  check_identity(state);
  if (read_only) {
    check_readable_without_migrating(state);
    schema_version = static_cast<int>(state.user_version);
    if (options.quick_check) quick_check(kQuickCheckMaxBytes);
    return;
  }
  // Writing into a damaged file spreads the damage: every page is checked
  // before the first write, whatever the file's size (docs/schema.md: the cost).
  quick_check(std::numeric_limits<std::int64_t>::max());
  enable_wal();
  migrate(state);
  trust_schema_if_ours();
  store_taxonomy();
  index_evidence_left_pending();
}

// Evidence another program inserted waits for the search index until a
// writer indexes it; reading the queue takes no lock when it is empty.
void Store::Impl::index_evidence_left_pending() {
  const bool pending = [&] {
    const auto q = use(Sql::pending_evidence);
    return q->step() && q->column_int(0) != 0;
  }();
  if (!pending) return;
  begin_immediate();
  try {
    index_pending_evidence();
    exec("COMMIT", "indexing evidence left pending");
  } catch (...) {
    rollback_quietly();
    throw;
  }
}

namespace {

// Whether a reader may open `file` for writing: it and its folder writable.
bool writable_with_folder(const std::filesystem::path& file) {
  const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  return ::access(file.c_str(), W_OK) == 0 && ::access(folder.c_str(), W_OK) == 0;
}

}  // namespace

void Store::Impl::open_connection(const std::filesystem::path& file, const StoreOptions& options) {
  // A read-only SQLite connection to a WAL file leaves its -wal and -shm
  // behind when it closes: only a connection that may write checkpoints and
  // removes them. So a reader opens a file it could write for writing, and
  // query_only (set before anything is read) keeps it from writing anything.
  const bool reader_as_writer = options.read_only && writable_with_folder(file);
  int flags = SQLITE_OPEN_READONLY;
  if (!options.read_only) flags = SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
  if (reader_as_writer) flags = SQLITE_OPEN_READWRITE;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  db.reset(raw);  // also on failure: the handle carries the message and must be closed
  if (rc != SQLITE_OK) detail::throw_sqlite(db.get(), fmt::format("{}: cannot open", file.string()));
  if (reader_as_writer) exec("PRAGMA query_only = ON", fmt::format("{}: opening for reading", path));
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
  // cell_size_check catches a crafted or damaged page before it is used.
  exec(fmt::format("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; "
                   "PRAGMA synchronous = NORMAL; "
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

}  // namespace aikg
