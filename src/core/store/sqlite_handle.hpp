// Small RAII wrappers over the SQLite C API, private to the store. Every
// failure becomes a StoreError carrying sqlite3_errmsg and what was being done.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "aikg/error.hpp"

namespace aikg::detail {

// Damage is its own error: it must stop writers and be reported by check.
inline bool damaged(sqlite3* db) { return db && (sqlite3_errcode(db) & 0xff) == SQLITE_CORRUPT; }

[[noreturn]] inline void throw_sqlite(sqlite3* db, std::string_view what) {
  auto message = fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : "out of memory");
  if (damaged(db)) throw DamagedError(message);
  throw StoreError(message);
}

struct CloseDb {
  // close_v2 tolerates statements that are still alive: they are finalized by
  // their own owners later and the connection goes away with the last one.
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, CloseDb>;

// Runs SQL text that returns no rows (several statements allowed).
inline void exec(sqlite3* db, const std::string& sql, std::string_view what) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return;
  std::string why = message ? message : sqlite3_errmsg(db);
  sqlite3_free(message);
  if (damaged(db)) throw DamagedError(fmt::format("{}: {}", what, why));
  throw StoreError(fmt::format("{}: {}", what, why));
}

// A prepared statement. Text is bound with SQLITE_STATIC, so the bound bytes
// must stay alive until reset(); binding a temporary string does not compile.
class Statement {
 public:
  Statement() = default;
  // `what` names the operation in error messages; it must be a string literal.
  Statement(sqlite3* db, std::string_view sql, std::string_view what, unsigned prepare_flags)
      : what_(what) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), prepare_flags, &raw,
                           nullptr) != SQLITE_OK)
      throw_sqlite(db, fmt::format("preparing SQL for {}", what));
    stmt_.reset(raw);
  }

  explicit operator bool() const { return stmt_ != nullptr; }

  void bind_text(int i, std::string_view text) {
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
      throw StoreError(fmt::format("{}: a text value of {} bytes is too long", what_, text.size()));
    check(sqlite3_bind_text(stmt_.get(), i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
  }
  void bind_text(int i, std::string&&) = delete;
  // Empty text is stored as NULL: "unknown" for optional columns.
  void bind_text_or_null(int i, std::string_view text) {
    if (text.empty())
      bind_null(i);
    else
      bind_text(i, text);
  }
  void bind_text_or_null(int i, std::string&&) = delete;
  void bind_int(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_.get(), i, v)); }
  void bind_double(int i, double v) { check(sqlite3_bind_double(stmt_.get(), i, v)); }
  void bind_null(int i) { check(sqlite3_bind_null(stmt_.get(), i)); }
  void bind_blob(int i, std::string_view bytes) {
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
      throw StoreError(fmt::format("{}: a value of {} bytes is too long", what_, bytes.size()));
    check(sqlite3_bind_blob(stmt_.get(), i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC));
  }

  // Advances; true when a row is available, false when the statement is done.
  bool step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_sqlite(sqlite3_db_handle(stmt_.get()), what_);
  }
  // Steps a statement that returns no rows (or whose rows do not matter).
  void run() {
    while (step()) {
    }
  }

  // Clearing the bindings drops the SQLITE_STATIC pointers, which may dangle
  // once the caller's strings are gone.
  void reset() noexcept {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
  }

  bool is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
  std::int64_t column_int(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
  double column_double(int col) const { return sqlite3_column_double(stmt_.get(), col); }
  // NULL reads as the empty string.
  std::string column_text(int col) const { return std::string(column_view(col)); }
  // Valid until the next step() or reset(): no copy for text only looked at.
  std::string_view column_blob(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_.get(), col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)))
             : std::string_view();
  }
  std::string_view column_view(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)))
             : std::string_view();
  }

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
  };

  void check(int rc) {
    if (rc != SQLITE_OK) throw_sqlite(sqlite3_db_handle(stmt_.get()), fmt::format("binding a value for {}", what_));
  }

  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
  std::string_view what_;
};

// One use of a long-lived statement: resets it when the use ends, also when an
// exception leaves the scope, so the next use starts clean.
class StatementUse {
 public:
  explicit StatementUse(Statement& s) : s_(&s) {}
  ~StatementUse() { s_->reset(); }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;

  Statement* operator->() const { return s_; }
  Statement& operator*() const { return *s_; }

 private:
  Statement* s_;
};

}  // namespace aikg::detail
