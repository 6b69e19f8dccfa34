// Store::publish: a compact copy of the database for sharing, written so
// that nothing at the target is lost or half-replaced. A new target is a
// copy renamed into place. An existing database is replaced from inside
// SQLite: publish takes its lock as the only connection, lets SQLite fold a
// crashed writer's -wal into it and remove the -wal, then copies the pages in
// with the backup API, journalled like any write. Renaming over a database
// instead would leave its -wal to be replayed into the copy (a malformed
// file) and its live connections writing into a file no one will read.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <random>

#include "aikg/output.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

namespace fs = std::filesystem;
using detail::DbHandle;

// How long publish waits for another connection to let go of the target
// before it reports the target in use: long enough for a query to finish,
// short enough not to hang behind an ingest that keeps it for minutes.
constexpr int kTargetBusyMs = 500;

void fsync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags);
  if (fd < 0) throw StoreError(fmt::format("{}: cannot open to sync", p.string()));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw StoreError(fmt::format("{}: fsync failed", p.string()));
}

DbHandle open_raw(const fs::path& p, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(p.c_str(), &raw, flags, nullptr);
  DbHandle db(raw);
  if (rc != SQLITE_OK) detail::throw_sqlite(db.get(), fmt::format("{}: cannot open", p.string()));
  return db;
}

int primary_error(sqlite3* db) { return sqlite3_errcode(db) & 0xff; }

[[noreturn]] void in_use(const fs::path& out) {
  throw StoreError(fmt::format("{}: in use by another connection (an ingest or a query); not replacing it: "
                               "try again when it has finished",
                               out.string()));
}

// A -wal or -journal with content beside a name: SQLite replays it into
// whatever database next has that name, so the copy must not take it.
void refuse_stale_journals(const fs::path& out) {
  for (const char* suffix : {"-wal", "-journal"}) {
    const fs::path journal = out.string() + suffix;
    std::error_code ec;
    if (fs::is_regular_file(journal, ec) && fs::file_size(journal, ec) > 0)
      throw StoreError(fmt::format("{}: left by a database that is no longer {} (moved or deleted?); SQLite would "
                                   "replay it into the published copy: move it away first",
                                   journal.string(), out.string()));
  }
}

// Runs `sql` on the target; "in use" when another connection holds it.
bool run_on_target(sqlite3* db, const char* sql, const fs::path& out, std::string* answer = nullptr) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> q(raw, &sqlite3_finalize);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW)
      if (answer) *answer = reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 0));
  if (rc == SQLITE_DONE) return true;
  const int code = primary_error(db);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) in_use(out);
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) return false;
  detail::throw_sqlite(db, fmt::format("{}: taking the database for publishing", out.string()));
}

// The target, held with an exclusive lock until the handle closes, in
// rollback-journal mode (only the sole connection may leave WAL, which
// checkpoints and removes a crashed writer's -wal). Empty when the target is
// not a readable SQLite database: then it is an ordinary file to replace.
DbHandle take_target(const fs::path& out) {
  auto db = open_raw(out, SQLITE_OPEN_READWRITE);
  sqlite3_busy_timeout(db.get(), kTargetBusyMs);
  std::string mode;
  if (!run_on_target(db.get(), "PRAGMA locking_mode = EXCLUSIVE", out) ||
      !run_on_target(db.get(), "SELECT count(*) FROM sqlite_schema", out) ||
      !run_on_target(db.get(), "PRAGMA journal_mode = DELETE", out, &mode))
    return nullptr;
  if (mode != "delete") in_use(out);
  if (!run_on_target(db.get(), "BEGIN EXCLUSIVE", out) || !run_on_target(db.get(), "COMMIT", out)) return nullptr;
  return db;
}

// Replaces the target's pages with the copy's, in one journalled write.
void copy_into(sqlite3* target, const fs::path& copy, const fs::path& out) {
  auto source = open_raw(copy, SQLITE_OPEN_READONLY);
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source.get(), "main");
  if (!backup) detail::throw_sqlite(target, fmt::format("{}: replacing the database", out.string()));
  const int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) detail::throw_sqlite(target, fmt::format("{}: replacing the database", out.string()));
}

void keep_mode(const fs::path& from, const fs::path& to) {
  struct stat st {};
  if (::stat(from.c_str(), &st) == 0) ::chmod(to.c_str(), st.st_mode & 07777);
}

}  // namespace

void Store::publish(const fs::path& out, bool overwrite) const {
  // Not the source, its -wal or -shm, a link, a device: publish replaces
  // regular files only (a FIFO cannot hold a database).
  if (check_output_target(out, database_files(impl_->path)) != TargetWrite::replace)
    throw StoreError(fmt::format("{}: not a regular file; a database can only be published to a file", out.string()));
  const bool exists = fs::exists(out);
  if (exists && !overwrite)
    throw StoreError(fmt::format("{}: already exists (use --force to replace it)", out.string()));
  // The copy carries a current graph snapshot: its readers may not be able
  // to write one (a read-only share), and would rebuild it on every query.
  try {
    (void)graph_snapshot();
  } catch (const std::runtime_error&) {
    // only a cache: the copy's readers rebuild it
  }
  // A fresh name beside the target: VACUUM INTO needs a file that does not exist.
  const fs::path tmp = out.string() + fmt::format(".tmp-{}-{}", ::getpid(), std::random_device{}());
  try {
    // VACUUM INTO writes only the new file, but query_only (a reader's guard,
    // open.cpp) refuses it like any write.
    impl_->exec("PRAGMA query_only = OFF", "writing the copy");
    detail::Statement q(impl_->db.get(), "VACUUM INTO ?1", "writing the copy", 0);
    const std::string target = tmp.string();
    q.bind_text(1, target);
    q.run();
    fsync_path(tmp, O_RDONLY);
    if (exists) {
      if (auto held = take_target(out)) {
        copy_into(held.get(), tmp, out);
        held.reset();  // commits are done; closing releases the lock
        fs::remove(tmp);
        return;
      }
      keep_mode(out, tmp);
    }
    refuse_stale_journals(out);
    fs::rename(tmp, out);
    fsync_path(out.has_parent_path() ? out.parent_path() : fs::path("."), O_RDONLY | O_DIRECTORY);
  } catch (...) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw;
  }
}

}  // namespace aikg
