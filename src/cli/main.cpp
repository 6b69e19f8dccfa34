// aikg: build a knowledge graph of corporate AI partnerships from news.
#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <system_error>
#include <iostream>

#include "aikg/error.hpp"
#include "aikg/output.hpp"
#include "cli.hpp"

int main(int argc, char** argv) {
  using namespace aikg::cli;
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe (| head) ends output quietly
  std::signal(SIGXFSZ, SIG_IGN);  // past a file-size limit, a write fails (EFBIG) and is reported
  CLI::App app{"aikg: a knowledge graph of corporate AI partnerships, built from news articles.\n"
               "Exit status: 0 success, 1 finished but some inputs were skipped or nothing was found, "
               "2 usage or fatal error."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "aikg 0.1.0");
  const Registry commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    if (code != 0) suggest_after_parse_error(app);
    return code == 0 ? kOk : kFatal;
  }
  try {
    const int code = commands.run_parsed();
    aikg::finish_stdout();  // a write the buffering held back can still fail
    return code;
  } catch (const aikg::ReaderGone&) {
    return kOk;
  } catch (const std::system_error& e) {  // fmt::print's write errors
    if (e.code().value() == EPIPE) return kOk;
    fmt::print(stderr, "aikg: {}\n", e.what());
    return kFatal;
  } catch (const aikg::UsageError& e) {
    fmt::print(stderr, "aikg: {}\n", e.what());
    return kFatal;
  } catch (const std::exception& e) {
    fmt::print(stderr, "aikg: {}\n", e.what());
    return kFatal;
  }
}
