// Reading the project's TSV data files: '#' comments, blank lines skipped,
// fields split on TAB, each row remembering its line for error messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/text.hpp"

namespace aikg::detail {

struct TsvRow {
  std::size_t line = 0;
  std::vector<std::string_view> fields;  // views into the text given to parse_tsv
};

std::vector<TsvRow> parse_tsv(std::string_view text);

// Splits on `sep`, trimming spaces around each part and dropping empty parts.
std::vector<std::string> split_list(std::string_view s, char sep);

// trim lives in aikg/text.hpp; this keeps detail::trim for its callers.
using aikg::trim;

}  // namespace aikg::detail
