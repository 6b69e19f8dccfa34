// The command table, assembled from its families, built on the CLI11 app.
#include "cli.hpp"

#include <map>

namespace aikg::cli {
namespace {

std::vector<CommandSpec> table() {
  std::vector<CommandSpec> all;
  for (auto family : {ingest_commands, query_commands, graph_commands, analytics_commands, history_commands,
                      export_commands, serve_commands, eval_commands, database_commands, curation_commands,
                      report_commands, help_commands})
    for (auto& spec : family()) all.push_back(std::move(spec));
  return all;
}

}  // namespace

Registry::Registry(CLI::App& app) {
  std::map<std::string, CLI::App*, std::less<>> groups;
  for (const auto& spec : table()) {
    CLI::App* parent = &app;
    std::string_view name = spec.path;
    if (const auto space = name.find(' '); space != std::string_view::npos) {
      parent = groups.find(name.substr(0, space))->second;  // a group precedes its subcommands in the table
      name.remove_prefix(space + 1);
    }
    auto* sub = parent->add_subcommand(std::string(name), std::string(spec.summary));
    if (!spec.make) {
      sub->require_subcommand(1);
      groups.emplace(std::string(name), sub);
      continue;
    }
    auto command = spec.make();
    command->setup(*sub);
    commands_.emplace_back(sub, std::move(command));
  }
}

int Registry::run_parsed() const {
  for (const auto& [app, command] : commands_)
    if (app->parsed()) return command->run();
  return kFatal;
}

}  // namespace aikg::cli
