#include "aikg/output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "aikg/error.hpp"
#include "aikg/text.hpp"

namespace aikg {
namespace {

std::runtime_error io_error(const std::filesystem::path& path, std::string_view what) {
  return std::runtime_error(fmt::format("{}: {}: {}", path.string(), what, std::strerror(errno)));
}

// Reserved by Windows whatever the extension: an export copied there breaks.
bool windows_device(std::string_view name) {
  const std::string stem = ascii_upper(name.substr(0, name.find('.')));
  static constexpr std::array<std::string_view, 6> fixed{"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"};
  for (const auto f : fixed)
    if (stem == f) return true;
  return stem.size() == 4 && (stem.starts_with("COM") || stem.starts_with("LPT")) && stem[3] >= '1' && stem[3] <= '9';
}

bool plain_file_name(std::string_view name) {
  if (name.empty() || name == "." || name == ".." || name.back() == '.' || windows_device(name)) return false;
  for (const char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  auto dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  auto pattern = (dir / ("." + target_.filename().string() + ".XXXXXX")).string();
  fd_ = ::mkstemp(pattern.data());  // O_CREAT | O_EXCL, mode 0600
  if (fd_ < 0) throw io_error(target_, "cannot create");
  temp_ = pattern;
  // mkstemp's 0600 suits secrets, not exports meant to be shared: use what
  // the user's umask gives any new file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd_, 0666 & ~mask);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view data) {
  while (!data.empty()) {
    const auto n = ::write(fd_, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw io_error(target_, "write failed");
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::commit() {
  if (::fsync(fd_) != 0) throw io_error(target_, "write failed");
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw io_error(target_, "write failed");
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) throw io_error(target_, "cannot replace");
  temp_.clear();
}

std::filesystem::path path_inside(const std::filesystem::path& dir, std::string_view name) {
  if (!plain_file_name(name)) throw UsageError(fmt::format("'{}' is not a safe file name", name));
  const auto target = dir / name;
  // A symlink, even a dangling one, is someone else's choice of target:
  // refuse it rather than guess (rename would replace the link itself).
  if (std::filesystem::is_symlink(target))
    throw UsageError(fmt::format("{} is a symbolic link; not writing through it", target.string()));
  if (std::filesystem::weakly_canonical(target).parent_path() != std::filesystem::weakly_canonical(dir))
    throw UsageError(fmt::format("{} would be written outside {}", target.string(), dir.string()));
  return target;
}

}  // namespace aikg
