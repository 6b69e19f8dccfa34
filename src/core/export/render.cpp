#include "aikg/render.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "aikg/text.hpp"

extern char** environ;

namespace aikg {
namespace {

std::string_view format_name(RenderFormat f) {
  switch (f) {
    case RenderFormat::png: return "png";
    case RenderFormat::pdf: return "pdf";
    case RenderFormat::svg: break;
  }
  return "svg";
}

// Closes a descriptor on every path out of render_with_graphviz.
struct Fd {
  int fd = -1;
  ~Fd() { close(); }
  void close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

// Writes all of `data` to the child's stdin. A child that exits early (a
// syntax error) closes the pipe: EPIPE is reported through its exit status.
void feed(int fd, std::string_view data) {
  while (!data.empty()) {
    const auto n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error(fmt::format("waiting for Graphviz: {}", std::strerror(errno)));
  return status;
}

}  // namespace

std::optional<RenderFormat> parse_render_format(std::string_view s) {
  const std::string lower = ascii_lower(s);
  if (lower == "svg") return RenderFormat::svg;
  if (lower == "png") return RenderFormat::png;
  if (lower == "pdf") return RenderFormat::pdf;
  return std::nullopt;
}

void render_with_graphviz(std::string_view dot_source, RenderFormat format, int out_fd) {
  std::array<int, 2> pipe_fds{};
  if (::pipe2(pipe_fds.data(), O_CLOEXEC) != 0) throw std::runtime_error("cannot start Graphviz: no pipe");
  Fd read_end{pipe_fds[0]}, write_end{pipe_fds[1]};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, read_end.fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  std::string type = fmt::format("-T{}", format_name(format));
  std::array<char*, 3> argv{const_cast<char*>("dot"), type.data(), nullptr};
  pid_t pid = 0;
  const int err = ::posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err == ENOENT)
    throw std::runtime_error(
        "Graphviz is not installed (no `dot` on PATH): install it (Debian/Ubuntu: apt install graphviz; "
        "macOS: brew install graphviz) or export DOT and render it elsewhere");
  if (err != 0) throw std::runtime_error(fmt::format("cannot start Graphviz `dot`: {}", std::strerror(err)));
  read_end.close();
  feed(write_end.fd, dot_source);
  write_end.close();
  const int status = wait_for(pid);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error(fmt::format("Graphviz `dot -{}` failed ({})", type.substr(1),
                                         WIFEXITED(status) ? fmt::format("exit status {}", WEXITSTATUS(status))
                                                           : fmt::format("signal {}", WTERMSIG(status))));
}

}  // namespace aikg
