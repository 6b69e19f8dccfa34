// The options several commands share, in one place so that every command
// gets them the same way: --db, and the selection flags of queries and
// exports. A check of the database file or a new shared flag goes here.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "aikg/selection.hpp"
#include "aikg/store.hpp"

namespace aikg::cli {

// --db, shared by every command that reads or writes a database.
struct DbOption {
  std::string path = "aikg.db";
  void add(CLI::App* app);
  Store open(bool read_only) const;
};

// The selection options shared by every query and export: --types, --status,
// --min-status, --since, --until, --min-confidence, --min-evidence, --group.
struct SelectionOptions {
  void add(CLI::App* app);
  Selection resolve() const;  // throws UsageError on an unknown type or status

 private:
  Selection base_;
  std::vector<std::string> types_, statuses_;
  std::string min_status_;
};

}  // namespace aikg::cli
