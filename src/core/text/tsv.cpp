#include "text/tsv.hpp"

namespace aikg::detail {

std::vector<TsvRow> parse_tsv(std::string_view text) {
  std::vector<TsvRow> rows;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    TsvRow row{line_no, {}};
    for (std::size_t start = 0;;) {
      const auto tab = line.find('\t', start);
      row.fields.push_back(trim(line.substr(start, tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> split_list(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= s.size();) {
    auto end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    const auto part = trim(s.substr(start, end - start));
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

}  // namespace aikg::detail
