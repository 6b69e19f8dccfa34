// Files compiled into the binary (see cmake/embed.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace aikg::detail {

struct EmbeddedFile {
  std::string_view path;  // relative to the repository root, e.g. "schema/001_init.sql"
  std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_files();

// Files under `prefix` (e.g. "schema/"), in path order.
std::vector<EmbeddedFile> embedded_under(std::string_view prefix);

}  // namespace aikg::detail
