// The options several commands share, in one place so that every command
// gets them the same way: --db, and the selection flags of queries and
// exports. A check of the database file or a new shared flag goes here.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
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
  // keep_snapshot false: never write, not even the graph snapshot a read rebuilds (aikg serve).
  Store open(bool read_only, bool keep_snapshot = true) const;
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

// --format table|json|jsonl|csv|tsv (and --json, short for --format json),
// shared by every query: JSON is the command's document (docs/json.md),
// jsonl its array one element a line, csv and tsv the table's rows.
struct FormatOption {
  std::string format = "table";
  bool json = false;
  void add(CLI::App* app, std::string_view json_doc);
  bool is(std::string_view f) const { return json ? f == "json" : format == f; }
  bool table() const { return is("table"); }
  // Prints `doc` or the table, as the format says.
  void print(const nlohmann::ordered_json& doc, const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows) const;
};

// A comma-separated list of type names for help texts ("competition, subsidiary_of").
std::string type_names(const std::vector<RelationType>& types);

// The date in `text` if it is a day of the calendar in ISO form (YYYY-MM-DD);
// otherwise a UsageError naming `flag`.
std::string checked_iso_date(const std::string& text, std::string_view flag);

}  // namespace aikg::cli
