// Issue 15: the rules that keep the analyst's files safe, at the level of the
// core functions the commands call (the e2e tests run them as commands).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "aikg/error.hpp"
#include "aikg/ingest.hpp"
#include "aikg/output.hpp"
#include "aikg/store.hpp"
#include "aikg/text.hpp"

namespace fs = std::filesystem;
using namespace aikg;

namespace {

struct TempDir {
  fs::path path = fs::temp_directory_path() / fmt::format("aikg_reliability_{}", ::getpid());
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("output targets: the database's files, links and sockets are refused", "[reliability]") {
  TempDir dir;
  const auto db = dir.path / "a.db";
  std::ofstream(db) << "db";
  const auto inputs = database_files(db);
  CHECK_THROWS_AS(check_output_target(db, inputs), OutputError);
  CHECK_THROWS_AS(check_output_target(dir.path / "a.db-wal", inputs), OutputError);  // not there yet
  CHECK_THROWS_AS(check_output_target(dir.path / "." / "a.db-shm", inputs), OutputError);
  fs::create_hard_link(db, dir.path / "b.db");
  CHECK_THROWS_AS(check_output_target(dir.path / "b.db", inputs), OutputError);
  fs::create_symlink("a.db", dir.path / "link");
  CHECK_THROWS_AS(check_output_target(dir.path / "link", {}), OutputError);
  CHECK_THROWS_AS(check_output_target(dir.path, {}), OutputError);
  CHECK_THROWS_AS(check_output_target("", {}), OutputError);
  CHECK(check_output_target(dir.path / "new.json", inputs) == TargetWrite::replace);
  CHECK(check_output_target(db, {}) == TargetWrite::replace);
  CHECK(check_output_target("/dev/null", inputs) == TargetWrite::in_place);
  REQUIRE(::mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
  CHECK(check_output_target(dir.path / "fifo", inputs) == TargetWrite::in_place);
}

TEST_CASE("output: a replaced file keeps its mode; a full device is an error", "[reliability]") {
  TempDir dir;
  const auto target = dir.path / "out.json";
  std::ofstream(target) << "old";
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  {
    Output out(target.string(), {});
    out.write("new");
    out.commit();
  }
  CHECK((fs::status(target).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  Output full("/dev/full", {});
  CHECK_THROWS_AS(full.write(std::string(1 << 16, 'x')), OutputError);
}

TEST_CASE("database paths SQLite would not take as a file are refused", "[reliability]") {
  for (const char* p : {"", ":memory:", "file:a.db", "FILE:a.db", "file:a.db?mode=memory", "file::memory:"})
    CHECK_THROWS_AS(check_database_path(p), UsageError);
  CHECK_THROWS_AS(check_database_path(fs::temp_directory_path()), UsageError);
  CHECK_NOTHROW(check_database_path("./file:a.db"));
  CHECK_NOTHROW(check_database_path("aikg.db"));
}

TEST_CASE("resolve_jobs: 0 is one per core, 1 to kMaxJobs as given, else a usage error", "[reliability]") {
  CHECK(resolve_jobs(0) >= 1);
  CHECK(resolve_jobs(1) == 1);
  CHECK(resolve_jobs(kMaxJobs) == static_cast<std::size_t>(kMaxJobs));
  CHECK_THROWS_AS(resolve_jobs(-1), UsageError);
  CHECK_THROWS_AS(resolve_jobs(kMaxJobs + 1), UsageError);
  CHECK_THROWS_AS(resolve_jobs(100000), UsageError);
}

TEST_CASE("file names: invalid UTF-8 bytes are escaped, valid text is kept", "[reliability]") {
  CHECK(escape_invalid_utf8("plain 삼성.txt") == "plain 삼성.txt");
  CHECK(escape_invalid_utf8("caf\xe9.txt") == "caf\\xe9.txt");
  CHECK(escape_invalid_utf8("\xc0\xaf") == "\\xc0\\xaf");   // overlong
  CHECK(escape_invalid_utf8("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // surrogate
  CHECK(escape_invalid_utf8("a\xe3\x81") == "a\\xe3\\x81");  // cut off
  CHECK(escape_invalid_utf8("\xbb\xef") != escape_invalid_utf8("\xbb\xee"));
  CHECK_FALSE(find_invalid_utf8(escape_invalid_utf8("\xff\xfe\x80 x \xf8\x88\x80\x80\x80")));
}
