// An optional front matter block at the top of a .txt article, the way static
// site generators and note apps write one:
//   ---
//   date: 2025-10-01
//   url: https://example.com/news/1
//   source: Example Daily
//   title: A headline
//   ---
// Keys other tools add (tags, author) are ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aikg::detail {

struct FrontMatter {
  std::string date, url, source, title;
  std::size_t body_offset = 0;  // where the article's text starts
};

// The block at the top of `text` (white space before it allowed), or nullopt
// when there is none: no "---" first line, or no closing "---" after lines of
// "key: value". A block whose date is no day of the calendar sets `why`
// ("line N: ...") and returns nullopt.
std::optional<FrontMatter> read_front_matter(std::string_view text, std::string* why);

}  // namespace aikg::detail
