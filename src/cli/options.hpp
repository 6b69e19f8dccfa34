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

// --db, shared by every command that reads or writes a database. Its default
// is the environment's AIKG_DB, else aikg.db, so a series of queries need not
// repeat it.
struct DbOption {
  std::string path = default_database();
  static std::string default_database();
  void add(CLI::App* app);
  Store open(bool read_only) const;
};

// The selection options shared by every query and export: --types,
// --exclude-types, --status, --min-status, --since, --until, --min-confidence,
// --min-evidence, --group.
struct SelectionOptions {
  // `default_exclusion`: types the command leaves out unless --types or
  // --exclude-types says otherwise (alliances leave out rivals).
  void add(CLI::App* app, std::vector<RelationType> default_exclusion = {});
  Selection resolve() const;  // throws UsageError on an unknown type or status, or a date that is no day

 private:
  Selection base_;
  std::vector<std::string> types_, exclude_types_, statuses_;
  std::string min_status_;
  std::vector<RelationType> default_exclusion_;
};

// A comma-separated list of type names for help texts ("competition, subsidiary_of").
std::string type_names(const std::vector<RelationType>& types);

// The date in `text` if it is a day of the calendar in ISO form (YYYY-MM-DD);
// otherwise a UsageError naming `flag`.
std::string checked_iso_date(const std::string& text, std::string_view flag);

}  // namespace aikg::cli
