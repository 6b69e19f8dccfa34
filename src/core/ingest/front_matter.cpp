#include "front_matter.hpp"

#include <fmt/format.h>

#include "aikg/text.hpp"

namespace aikg::detail {
namespace {

constexpr std::size_t kMaxFrontMatterLines = 40;  // a block is a few lines; beyond that it is text

bool is_fence(std::string_view line) { return trim(line) == "---"; }

}  // namespace

std::optional<FrontMatter> read_front_matter(std::string_view text, std::string* why) {
  std::size_t pos = 0, line_no = 0;
  auto next_line = [&]() -> std::optional<std::string_view> {
    if (pos >= text.size()) return std::nullopt;
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const auto line = text.substr(pos, end - pos);
    pos = end + 1, ++line_no;
    return line;
  };
  auto line = next_line();
  while (line && trim(*line).empty()) line = next_line();
  if (!line || !is_fence(*line)) return std::nullopt;
  FrontMatter out;
  std::size_t date_line = 0;
  for (std::size_t n = 0; n < kMaxFrontMatterLines; ++n) {
    line = next_line();
    if (!line) return std::nullopt;
    if (is_fence(*line)) {
      if (!out.date.empty()) {
        const auto iso = normalize_date(out.date);
        if (iso.empty()) {
          if (why) *why = fmt::format("line {}: front matter date '{}' is not a date (YYYY-MM-DD)", date_line, out.date);
          return std::nullopt;
        }
        out.date = iso;
      }
      out.body_offset = std::min(pos, text.size());
      return out;
    }
    if (trim(*line).empty()) continue;
    const auto colon = line->find(':');
    if (colon == std::string_view::npos) return std::nullopt;  // not "key: value": a rule and text, not a block
    const auto key = ascii_lower(trim(line->substr(0, colon)));
    auto value = trim(line->substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    if (key == "date" || key == "published") out.date = value, date_line = line_no;
    else if (key == "url" || key == "link") out.url = value;
    else if (key == "source") out.source = value;
    else if (key == "title") out.title = value;
  }
  return std::nullopt;
}

}  // namespace aikg::detail
