// Which output targets a command may write, and how (output.hpp). The rules
// protect what the analyst already has: a database, a link, a device.
#include <fmt/format.h>
#include <sys/stat.h>

#include <system_error>

#include "aikg/output.hpp"

namespace aikg {
namespace {

namespace fs = std::filesystem;

// The same path after resolving what exists of it ("./a/../s.db" is "s.db").
fs::path canonical_name(const fs::path& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(p, ec);
  return ec ? fs::absolute(p).lexically_normal() : c;
}

bool same_file(const struct stat& a, const fs::path& b) {
  struct stat st {};
  return ::stat(b.c_str(), &st) == 0 && st.st_dev == a.st_dev && st.st_ino == a.st_ino;
}

void refuse_inputs(const fs::path& target, const struct stat* existing, const std::vector<fs::path>& inputs) {
  const auto name = canonical_name(target);
  for (const auto& input : inputs)
    if ((existing && same_file(*existing, input)) || canonical_name(input) == name)
      throw OutputError(fmt::format("{}: is {}, part of the database this command reads; not writing onto it", target.string(),
                                    input.string()));
}

std::string_view kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory; give a file name";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

std::vector<fs::path> database_files(const fs::path& db) {
  const auto s = db.string();
  return {db, s + "-wal", s + "-shm", s + "-journal"};
}

TargetWrite check_output_target(const fs::path& target, const std::vector<fs::path>& inputs) {
  if (target.empty()) throw OutputError("the output file name is empty");
  struct stat st {};
  if (::lstat(target.c_str(), &st) != 0) {
    refuse_inputs(target, nullptr, inputs);  // a database's -wal may not exist yet
    return TargetWrite::replace;
  }
  if (S_ISLNK(st.st_mode))
    throw OutputError(fmt::format("{}: is a symbolic link; aikg replaces files whole and would replace the link: "
                                  "give the path of the file itself (or - for standard output)",
                                  target.string()));
  refuse_inputs(target, &st, inputs);
  if (S_ISREG(st.st_mode)) return TargetWrite::replace;
  if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) return TargetWrite::in_place;
  throw OutputError(fmt::format("{}: is {}; not writing there", target.string(), kind_of(st.st_mode)));
}

}  // namespace aikg
