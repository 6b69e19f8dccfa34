// The few exception types: each stops a command and becomes an exit code in
// main (usage -> 2, everything else fatal -> 2). Expected, per-item failures
// (an unreadable article) are values, not exceptions.
#pragma once

#include <stdexcept>
#include <string>

namespace aikg {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A data file (gazetteer, lexicon, gold, mentions) is malformed: message names file:line.
struct DataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The database cannot be used: not aikg's, newer schema, SQLite failure.
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The database file is damaged (SQLite reported SQLITE_CORRUPT): nothing may
// be written into it; `aikg check` reports it rather than failing.
struct DamagedError : StoreError {
  using StoreError::StoreError;
};

}  // namespace aikg
