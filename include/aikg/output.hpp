// Writing export files safely: all or nothing, and never outside the place
// the user chose.
#pragma once

#include <filesystem>
#include <string_view>

namespace aikg {

// A file that appears complete or not at all. The data goes to a temporary
// file beside the target (created with O_EXCL, so it never follows a planted
// symlink) and commit() fsyncs it and renames it over the target. Without
// commit() (an exception, a failed render) the temporary file is removed and
// the target is untouched. Throws std::runtime_error naming the path on I/O
// errors.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  int fd() const { return fd_; }  // for writers that need a descriptor (a child process)
  void write(std::string_view data);
  void commit();

 private:
  std::filesystem::path target_, temp_;
  int fd_ = -1;
};

// `dir / name` for a file the export names itself (nodes.csv). Throws
// UsageError when `name` is not a plain file name ([A-Za-z0-9._-], no "..",
// no Windows device name, no trailing dot), when `dir / name` is a symbolic
// link, or when it would resolve outside `dir`.
std::filesystem::path path_inside(const std::filesystem::path& dir, std::string_view name);

}  // namespace aikg
