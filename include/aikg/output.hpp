// Writing a command's output without losing anything: to standard output or
// to a file named with -o, every write and the final flush checked, and never
// onto something that must not be replaced.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <streambuf>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace aikg {

// The output could not be written (a full disk, a file-size limit) or the
// target was refused. The message names the target and the reason.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Standard output's reader went away (`| head`): the output ends quietly.
struct ReaderGone : std::runtime_error {
  ReaderGone() : std::runtime_error("standard output: the reader closed the pipe") {}
};

// The files an SQLite database is made of: the file, its -wal, -shm and
// -journal. A command reading `db` must not write onto any of them.
std::vector<std::filesystem::path> database_files(const std::filesystem::path& db);

// How a target that passed check_output_target is written.
enum class TargetWrite {
  replace,   // a regular file or a new name: a temporary file renamed over it
  in_place,  // a FIFO or a character device (/dev/null): opened and written
};

// Refuses, with an OutputError saying why: a directory, a symbolic link
// (replacing it would replace the link), a block device or socket, and any
// of `inputs` (the same file by inode, a hard link, or the same name, so a
// database's -wal is refused before it exists).
TargetWrite check_output_target(const std::filesystem::path& target,
                                const std::vector<std::filesystem::path>& inputs);

// A file that appears complete or not at all. The data goes to a temporary
// file beside the target (created with O_EXCL, so it never follows a planted
// symlink) and commit() fsyncs it and renames it over the target; the target's
// permission bits are kept. Without commit() (an exception, a failed render)
// the temporary file is removed and the target is untouched.
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

// One command output: "-" is standard output, anything else a file target
// checked by check_output_target when the Output is made (before the work is
// done, so a refused target costs nothing). Every write is checked.
class Output {
 public:
  Output(const std::string& target, const std::vector<std::filesystem::path>& inputs);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  bool is_stdout() const { return stdout_; }
  const std::string& name() const { return name_; }
  int fd() const;  // for a child process writing the output itself (Graphviz)
  void write(std::string_view data);
  // Makes the output final: flushes and closes (a file replaced by rename).
  // An error here is an OutputError like any other write error.
  void commit();

 private:
  std::string name_;
  bool stdout_ = false;
  std::unique_ptr<AtomicFile> file_;  // TargetWrite::replace
  int in_place_fd_ = -1;              // TargetWrite::in_place
};

// A buffered std::ostream onto an Output, for writers that stream a document
// as they make it. Write errors come out as the Output's own exceptions
// (OutputError, ReaderGone), not as a stream state; flush() before commit().
class OutputStream : public std::ostream {
 public:
  explicit OutputStream(Output& target);
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(Output& target);
   protected:
    int_type overflow(int_type c) override;
    int sync() override;
   private:
    void drain();
    Output& out_;
    std::vector<char> data_;
  };
  Buffer buffer_;
};

// Writes to file descriptor `fd`, all of it, retrying on EINTR. Throws
// ReaderGone on EPIPE, OutputError naming `what` on any other error.
void write_all(int fd, std::string_view data, std::string_view what);

// Flushes standard output (stdio and iostreams) and reports a failed write
// that the buffering hid until now: the last step of every command. Throws
// OutputError, or ReaderGone when the reader has gone.
void finish_stdout();

// `dir / name` for a file the export names itself (nodes.csv). Throws
// UsageError when `name` is not a plain file name ([A-Za-z0-9._-], no "..",
// no Windows device name, no trailing dot), when `dir / name` is a symbolic
// link, or when it would resolve outside `dir`.
std::filesystem::path path_inside(const std::filesystem::path& dir, std::string_view name);

}  // namespace aikg
