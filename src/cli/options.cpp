// The shared options: --db and the selection flags (options.hpp).
#include "options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "aikg/error.hpp"
#include "aikg/export.hpp"
#include "aikg/text.hpp"
#include "cli.hpp"

namespace aikg::cli {
namespace {

std::string all_type_names() {
  std::vector<RelationType> all;
  for (const auto& t : kRelationTypes) all.push_back(t.type);
  return type_names(all);
}

}  // namespace

std::string DbOption::default_database() {
  const char* env = std::getenv("AIKG_DB");
  return env && *env ? env : "aikg.db";
}

void DbOption::add(CLI::App* app) {
  app->add_option("--db", path, "SQLite database file (default: $AIKG_DB, else aikg.db)")->capture_default_str();
}

Store DbOption::open(bool read_only, bool keep_snapshot) const {
  check_database_path(path);  // before "no such database": ":memory:" is not a missing file
  if (read_only && !std::filesystem::exists(path))
    throw UsageError(fmt::format("{}: no such database (create one with `aikg ingest --db {} FILES`)", path, path));
  StoreOptions options{read_only, !read_only};
  options.keep_snapshot = keep_snapshot;
  return Store(path, options);
}

void FormatOption::add(CLI::App* app, std::string_view json_doc) {
  auto* json_flag = app->add_flag("--json", json, fmt::format("The same as --format json: {}", json_doc));
  app->add_option("--format", format, "table, json, jsonl (one element a line), csv or tsv (the table's columns)")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv", "tsv"}))
      ->excludes(json_flag);
}

namespace {

std::string tsv_field(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

void print_delimited(const std::vector<std::string>& cells, bool csv) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i)
    line += (i ? (csv ? "," : "\t") : "") + (csv ? csv_field(cells[i], false) : tsv_field(cells[i]));
  fmt::print("{}{}", line, csv ? "\r\n" : "\n");
}

}  // namespace

void FormatOption::print(const nlohmann::ordered_json& doc, const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) const {
  if (is("json")) return print_json(doc);
  if (is("jsonl")) {
    if (!doc.is_array()) return fmt::print("{}\n", doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    for (const auto& item : doc) fmt::print("{}\n", item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  if (is("table")) return print_table(header, rows);
  const bool csv = is("csv");
  print_delimited(header, csv);
  for (const auto& r : rows) print_delimited(r, csv);
}

std::string type_names(const std::vector<RelationType>& types) {
  std::vector<std::string> names;
  for (const auto t : types) names.emplace_back(name(t));
  return joined(names, ", ");
}

std::string checked_iso_date(const std::string& text, std::string_view flag) {
  const auto number = [&](std::size_t at, std::size_t len) {
    int n = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (!is_ascii_digit(text[i])) return -1;
      n = n * 10 + (text[i] - '0');
    }
    return n;
  };
  std::optional<std::string> day;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') day = iso_date(number(0, 4), number(5, 2), number(8, 2));
  if (!day) throw UsageError(fmt::format("{} '{}' is not a date (YYYY-MM-DD, a day of the calendar)", flag, text));
  return *day;
}

namespace {

std::vector<RelationType> parse_types(const std::vector<std::string>& names, std::string_view flag) {
  std::vector<RelationType> out;
  for (const auto& t : names) {
    if (t == "none" && flag == "--exclude-types") continue;
    const auto type = parse_relation_type(t);
    if (!type) throw UsageError(fmt::format("{}: unknown relation type '{}' (one of: {})", flag, t, all_type_names()));
    out.push_back(*type);
  }
  return out;
}

}  // namespace

void SelectionOptions::add(CLI::App* app, std::vector<RelationType> default_exclusion) {
  default_exclusion_ = std::move(default_exclusion);
  app->add_option("--types", types_, "Only these relation types (comma-separated: loi,mou,...)")
      ->delimiter(',')
      ->allow_extra_args(false);
  std::string exclude_help = "Leave out these relation types (comma-separated; none: leave out nothing)";
  if (!default_exclusion_.empty())
    exclude_help += fmt::format(". Default here: {}, unless --types names them", type_names(default_exclusion_));
  app->add_option("--exclude-types", exclude_types_, exclude_help)->delimiter(',')->allow_extra_args(false);
  app->add_option("--status", statuses_, "Only these statuses (comma-separated: done,planned,talks,speculated,ended)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app->add_option("--min-status", min_status_, "At least this definite: done > planned > talks > speculated (drops ended)");
  app->add_option("--since", base_.since, "Evidence dated on or after this ISO date (YYYY-MM-DD)");
  app->add_option("--until", base_.until, "Evidence dated on or before this ISO date (YYYY-MM-DD)");
  app->add_option("--min-confidence", base_.min_confidence, "Evidence with at least this confidence (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--min-evidence", base_.min_evidence, "Relations with at least N evidence sentences")
      ->check(CLI::PositiveNumber);
  app->add_flag("--group", base_.group, "Roll affiliates up into their business group (SK Telecom -> SK Group)");
}

Selection SelectionOptions::resolve() const {
  Selection s = base_;
  s.types = parse_types(types_, "--types");
  if (!exclude_types_.empty()) {
    s.exclude_types = parse_types(exclude_types_, "--exclude-types");
  } else {  // the command's default, minus what --types asks for by name
    for (const auto t : default_exclusion_)
      if (std::find(s.types.begin(), s.types.end(), t) == s.types.end()) s.exclude_types.push_back(t);
  }
  for (const auto& t : statuses_) {
    const auto status = parse_status(t);
    if (!status) throw UsageError(fmt::format("unknown status '{}'", t));
    s.statuses.push_back(*status);
  }
  if (!min_status_.empty()) {
    s.min_status = parse_status(min_status_);
    if (!s.min_status) throw UsageError(fmt::format("unknown status '{}'", min_status_));
  }
  if (!s.since.empty()) s.since = checked_iso_date(s.since, "--since");
  if (!s.until.empty()) s.until = checked_iso_date(s.until, "--until");
  return s;
}

}  // namespace aikg::cli
