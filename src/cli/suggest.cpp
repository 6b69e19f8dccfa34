// "Did you mean" for a mistyped flag or command: CLI11 says only that an
// argument was not expected; the closest name the command takes is what the
// user meant nearly every time.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cli.hpp"

namespace aikg::cli {
namespace {

// Levenshtein distance over bytes: flag and command names are ASCII.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The deepest subcommand the parse reached (the command the flags belong to).
const CLI::App* parsed_command(const CLI::App& app) {
  for (const auto* sub : app.get_subcommands())
    if (sub->parsed()) return parsed_command(*sub);
  return &app;
}

// The names `cmd` takes: its long flags, or its subcommands.
std::vector<std::string> names_of(const CLI::App& cmd, bool flags) {
  std::vector<std::string> out;
  if (flags) {
    for (const auto* option : cmd.get_options())
      for (const auto& name : option->get_lnames()) out.push_back("--" + name);
  } else {
    for (const auto* sub : cmd.get_subcommands([](const CLI::App*) { return true; })) out.push_back(sub->get_name());
  }
  return out;
}

}  // namespace

std::string closest_name(std::string_view typed, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, typed.size() / 3) + 1;  // beyond that, a guess misleads
  for (const auto& name : names) {
    const auto d = distance(typed, name);
    if (d < best_distance || (d == best_distance && !best.empty() && name < best)) best = name, best_distance = d;
  }
  return best;
}

void suggest_after_parse_error(const CLI::App& app) {
  const auto* cmd = parsed_command(app);
  for (const auto& arg : cmd->remaining()) {
    const bool flag = arg.size() > 1 && arg[0] == '-';
    const auto typed = flag ? arg.substr(0, arg.find('=')) : arg;
    const auto near = closest_name(typed, names_of(*cmd, flag));
    if (!near.empty()) fmt::print(stderr, "aikg: '{}': did you mean {}?\n", typed, near);
  }
}

}  // namespace aikg::cli
