#include "aikg/output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "aikg/error.hpp"
#include "aikg/text.hpp"

namespace aikg {
namespace {

OutputError io_error(const std::filesystem::path& path, std::string_view what, int err = errno) {
  return OutputError(fmt::format("{}: {}: {}", path.string(), what, std::strerror(err)));
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

// The permission bits a new output file gets: the target's when it exists
// (an analyst's 0640 stays 0640), else what the umask gives any new file
// (mkstemp's 0600 suits secrets, not exports meant to be shared).
mode_t mode_for(const std::filesystem::path& target) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

void write_all(int fd, std::string_view data, std::string_view what) {
  while (!data.empty()) {
    const auto n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EPIPE) throw ReaderGone();
    if (n < 0) throw OutputError(fmt::format("{}: write failed: {}", what, std::strerror(errno)));
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void finish_stdout() {
  // stdio first: std::cout shares its buffer (sync_with_stdio), and a second
  // flush after a failed one reports success with the data gone.
  errno = 0;
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout);
  const int err = errno;
  std::clearerr(stdout);
  if (failed && err == EPIPE) throw ReaderGone();
  if (failed)
    throw OutputError(fmt::format("standard output: write failed: {}",
                                  err ? std::strerror(err) : "an earlier write failed"));
  if (!std::cout.flush()) throw OutputError("standard output: write failed");
}

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  auto dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  auto pattern = (dir / ("." + target_.filename().string() + ".XXXXXX")).string();
  const mode_t mode = mode_for(target_);
  fd_ = ::mkstemp(pattern.data());  // O_CREAT | O_EXCL, mode 0600
  if (fd_ < 0) throw io_error(target_, "cannot create");
  temp_ = pattern;
  ::fchmod(fd_, mode);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view data) {
  try {
    write_all(fd_, data, target_.string());
  } catch (const ReaderGone&) {
    throw io_error(target_, "write failed", EPIPE);
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

Output::Output(const std::string& target, const std::vector<std::filesystem::path>& inputs)
    : name_(target), stdout_(target == "-") {
  if (stdout_) return;
  if (check_output_target(target, inputs) == TargetWrite::replace) {
    file_ = std::make_unique<AtomicFile>(target);
    return;
  }
  // A FIFO blocks here until its reader opens it, as `> fifo` would.
  in_place_fd_ = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (in_place_fd_ < 0) throw io_error(target, "cannot open");
}

Output::~Output() {
  if (in_place_fd_ >= 0) ::close(in_place_fd_);
}

int Output::fd() const {
  if (file_) return file_->fd();
  if (in_place_fd_ >= 0) return in_place_fd_;
  std::fflush(stdout);  // what was printed before goes first
  return STDOUT_FILENO;
}

void Output::write(std::string_view data) {
  if (file_) return file_->write(data);
  if (stdout_) std::fflush(stdout);
  write_all(fd(), data, stdout_ ? std::string("standard output") : name_);
}

void Output::commit() {
  if (file_) return file_->commit();
  if (stdout_) return finish_stdout();
  const int fd = in_place_fd_;
  in_place_fd_ = -1;
  if (::close(fd) != 0) throw io_error(name_, "write failed");
}

// 1 MiB: few enough write calls that they cost nothing beside the writers.
constexpr std::size_t kStreamBuffer = std::size_t{1} << 20;

OutputStream::Buffer::Buffer(Output& target) : out_(target), data_(kStreamBuffer) {
  setp(data_.data(), data_.data() + data_.size());
}

void OutputStream::Buffer::drain() {
  out_.write(std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())));
  setp(data_.data(), data_.data() + data_.size());
}

OutputStream::Buffer::int_type OutputStream::Buffer::overflow(int_type c) {
  drain();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int OutputStream::Buffer::sync() {
  drain();
  return 0;
}

OutputStream::OutputStream(Output& target) : std::ostream(nullptr), buffer_(target) {
  rdbuf(&buffer_);
  // The stream rethrows what the buffer's writes throw, with its message.
  exceptions(std::ios::badbit);
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
