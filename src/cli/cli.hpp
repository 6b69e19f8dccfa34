// The command-line interface: a table of commands, each declared once with
// its name, a one-line summary and a setup/run pair (as osmium-tool does):
// setup declares the command's options and the checks CLI11 runs while
// parsing; run does the work, through aikg_core, and prints. One file per
// command family (cmd_*.cpp) holds its part of the table.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/store.hpp"
#include "options.hpp"

namespace aikg::cli {

enum ExitCode : int { kOk = 0, kPartial = 1, kFatal = 2 };

class Command {
 public:
  virtual ~Command() = default;
  virtual void setup(CLI::App& app) = 0;
  virtual int run() = 0;  // after a successful parse; returns the exit code
};

// A command as two functions over its options struct, which it owns (CLI11
// writes parsed values into it).
template <typename Options>
class CommandOf final : public Command {
 public:
  using Setup = void (*)(CLI::App&, Options&);
  using Run = int (*)(const Options&);
  CommandOf(Setup set_up, Run work) : setup_(set_up), run_(work) {}
  void setup(CLI::App& app) override { setup_(app, options_); }
  int run() override { return run_(options_); }

 private:
  Setup setup_;
  Run run_;
  Options options_;
};

// One row of the command table.
struct CommandSpec {
  std::string_view path;     // "merge"; "alias add" is subcommand "add" of group "alias"
  std::string_view summary;  // shown by --help
  std::function<std::unique_ptr<Command>()> make;  // empty for a group of subcommands
};

template <typename Options>
CommandSpec command(std::string_view path, std::string_view summary, void (*setup)(CLI::App&, Options&),
                    int (*run)(const Options&)) {
  return {path, summary, [setup, run]() -> std::unique_ptr<Command> {
            return std::make_unique<CommandOf<Options>>(setup, run);
          }};
}

inline CommandSpec group(std::string_view path, std::string_view summary) { return {path, summary, {}}; }

// The families' parts of the table, in the order --help lists them.
std::vector<CommandSpec> ingest_commands();     // cmd_ingest.cpp: ingest, extract
std::vector<CommandSpec> query_commands();      // cmd_query.cpp: entities, relations
std::vector<CommandSpec> graph_commands();      // cmd_graph.cpp: neighbors, path
std::vector<CommandSpec> analytics_commands();  // cmd_analytics.cpp: components, alliances, rank, communities
std::vector<CommandSpec> history_commands();    // cmd_history.cpp: timeline, changes
std::vector<CommandSpec> export_commands();     // cmd_export.cpp: export dot|graphml|gexf|json|cytoscape|csv
std::vector<CommandSpec> eval_commands();       // cmd_eval.cpp: eval
std::vector<CommandSpec> database_commands();   // cmd_database.cpp: search, publish, check
std::vector<CommandSpec> curation_commands();   // cmd_curation.cpp: alias add, merge, relation add|retract
std::vector<CommandSpec> serve_commands();      // cmd_serve.cpp: serve
std::vector<CommandSpec> report_commands();     // cmd_report.cpp: report
std::vector<CommandSpec> help_commands();       // cmd_help.cpp: completion, manpage

// Builds every command of the table on `app`; the registry owns them.
class Registry {
 public:
  explicit Registry(CLI::App& app);
  // Runs the command the parse selected; kFatal when none was.
  int run_parsed() const;

 private:
  std::vector<std::pair<CLI::App*, std::unique_ptr<Command>>> commands_;
};

// The name in `names` closest to `typed` (edit distance, at most about a
// third of its length), or "" when none is close.
std::string closest_name(std::string_view typed, const std::vector<std::string>& names);
// After a parse error: "did you mean" for each argument the command did not take.
void suggest_after_parse_error(const CLI::App& app);

// Resolves a user-given name through the store's aliases, or throws a
// UsageError with "did you mean" suggestions.
std::int64_t resolve_or_explain(const Store& store, const std::string& name);

// A query that found nothing says so in one line on stderr ("aikg: WHAT")
// and exits 1; `found` is whether it did find something.
int found_or_say(bool found, std::string_view what);

// Progress lines on stderr, only when stderr is a terminal.
bool stderr_is_tty();

// Colour on stdout: only on a terminal, and never with NO_COLOR set.
bool stdout_in_colour();

// Prints rows as an aligned text table (colour as stdout_in_colour says) (widths in display columns: Hangul counts double).
void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

// fmt::join would do, but with fmt 9 it trips a false -Wstringop-overflow in
// GCC 12 at -O3, which -Werror builds would reject.
std::string joined(const std::vector<std::string>& parts, std::string_view separator);

// The one JSON shape (docs/json.md): an entity is {id, name}; a missing
// value is null, never ""; an evidence sentence is {doc, sentence, date, url}.
nlohmann::ordered_json entity_json(std::int64_t id, std::string_view name);
nlohmann::ordered_json text_or_null(std::string_view s);
nlohmann::ordered_json evidence_json(const EvidenceRow* e);  // null when there is none

// One JSON document on stdout (invalid UTF-8 replaced, not fatal).
void print_json(const nlohmann::ordered_json& j);

// The first `max` code points of `s`, with an ellipsis when cut.
std::string clip(std::string_view s, std::size_t max);

}  // namespace aikg::cli
