// Shared pieces of the command-line interface: options every command takes,
// the exit codes, and output helpers. The CLI parses, dispatches and prints;
// the work is done by aikg_core.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "aikg/store.hpp"

namespace aikg::cli {

enum ExitCode : int { kOk = 0, kPartial = 1, kFatal = 2 };

// A command's run function, called after parsing; returns the exit code.
using Runner = std::function<int()>;

struct Command {
  CLI::App* app;
  Runner run;
};

// --db, shared by every command that reads or writes a database.
struct DbOption {
  std::string path = "aikg.db";
  void add(CLI::App* app);
  Store open(bool read_only) const;
};

// Resolves a user-given name through the store's aliases, or throws a
// UsageError with "did you mean" suggestions.
std::int64_t resolve_or_explain(const Store& store, const std::string& name);

// Progress lines on stderr, only when stderr is a terminal.
bool stderr_is_tty();

// Prints rows as an aligned text table (widths in display columns: Hangul counts double).
void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

void register_ingest(CLI::App& app, std::vector<Command>& commands);
void register_extract(CLI::App& app, std::vector<Command>& commands);
void register_queries(CLI::App& app, std::vector<Command>& commands);
void register_graph(CLI::App& app, std::vector<Command>& commands);
void register_analytics(CLI::App& app, std::vector<Command>& commands);
void register_export(CLI::App& app, std::vector<Command>& commands);
void register_eval(CLI::App& app, std::vector<Command>& commands);
void register_db(CLI::App& app, std::vector<Command>& commands);

}  // namespace aikg::cli

#include "aikg/selection.hpp"

namespace aikg::cli {
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
