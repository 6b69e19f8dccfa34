// Reading the project's TSV data files: '#' comments, blank lines skipped,
// fields split on TAB, each row remembering its line for error messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aikg::detail {

struct TsvRow {
  std::size_t line = 0;
  std::vector<std::string_view> fields;  // views into the text given to parse_tsv
};

std::vector<TsvRow> parse_tsv(std::string_view text);

// Splits on `sep`, trimming spaces around each part and dropping empty parts.
std::vector<std::string> split_list(std::string_view s, char sep);

std::string_view trim(std::string_view s);

}  // namespace aikg::detail
