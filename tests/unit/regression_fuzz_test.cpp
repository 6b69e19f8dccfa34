// Replays every input under tests/fuzz/regressions/TARGET/ through the fuzz
// target's body (tests/fuzz/targets.hpp), so an input that once crashed a
// target (copied there from build-fuzz/crashes/) stays a regression test.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>

#include "../fuzz/targets.hpp"

namespace fs = std::filesystem;

TEST_CASE("fuzz regressions replay without crashing", "[fuzz][regression]") {
  const std::map<std::string, std::function<void(std::string_view)>> targets{
      {"text", aikg::fuzz::text},           {"html", aikg::fuzz::html},
      {"jsonl", aikg::fuzz::jsonl},         {"extractor", aikg::fuzz::extractor},
      {"mentions", aikg::fuzz::mentions},   {"export", aikg::fuzz::exports},
      {"publish", aikg::fuzz::publish}};
  const fs::path root = fs::path(AIKG_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  std::size_t replayed = 0;
  for (const auto& [name, body] : targets) {
    const fs::path dir = root / name;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      INFO(name << ": " << entry.path().filename().string());
      CHECK_NOTHROW(body(bytes));
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}
