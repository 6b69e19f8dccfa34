// aikg: build a knowledge graph of corporate AI partnerships from news.
#include <fmt/format.h>

#include <csignal>
#include <iostream>

#include "aikg/error.hpp"
#include "cli.hpp"

int main(int argc, char** argv) {
  using namespace aikg::cli;
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe (| head) ends output quietly
  CLI::App app{"aikg: a knowledge graph of corporate AI partnerships, built from news articles.\n"
               "Exit status: 0 success, 1 finished but some inputs were skipped or nothing was found, "
               "2 usage or fatal error."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "aikg 0.1.0");
  const Registry commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kFatal;
  }
  try {
    return commands.run_parsed();
  } catch (const aikg::UsageError& e) {
    fmt::print(stderr, "aikg: {}\n", e.what());
    return kFatal;
  } catch (const std::exception& e) {
    fmt::print(stderr, "aikg: {}\n", e.what());
    return kFatal;
  }
}
