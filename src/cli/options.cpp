// The shared options: --db and the selection flags (options.hpp).
#include "options.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "aikg/error.hpp"

namespace aikg::cli {

void DbOption::add(CLI::App* app) {
  app->add_option("--db", path, "SQLite database file")->capture_default_str();
}

Store DbOption::open(bool read_only) const {
  check_database_path(path);  // before "no such database": ":memory:" is not a missing file
  if (read_only && !std::filesystem::exists(path))
    throw UsageError(fmt::format("{}: no such database (create one with `aikg ingest --db {} FILES`)", path, path));
  return Store(path, StoreOptions{read_only, !read_only});
}

void SelectionOptions::add(CLI::App* app) {
  app->add_option("--types", types_, "Only these relation types (comma-separated: loi,mou,...)")
      ->delimiter(',')
      ->allow_extra_args(false);
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
  for (const auto& t : types_) {
    const auto type = parse_relation_type(t);
    if (!type) throw UsageError(fmt::format("unknown relation type '{}'", t));
    s.types.push_back(*type);
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
  for (const auto* d : {&s.since, &s.until})
    if (!d->empty() && (d->size() != 10 || (*d)[4] != '-' || (*d)[7] != '-'))
      throw UsageError(fmt::format("'{}' is not an ISO date (YYYY-MM-DD)", *d));
  return s;
}

}  // namespace aikg::cli
