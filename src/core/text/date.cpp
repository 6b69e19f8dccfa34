// Dates: the one calendar rule (iso_date) and the parser of metadata dates.
// The extractor's scanners for dates in running text build on iso_date too,
// so a file's metadata and its text agree on which days exist.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "aikg/text.hpp"

namespace aikg {
namespace {

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

// Reads up to `max_digits` digits (at least one) at the front of `s`.
std::optional<int> take_number(std::string_view& s, std::size_t max_digits) {
  std::size_t n = 0;
  int value = 0;
  while (n < s.size() && n < max_digits && is_ascii_digit(s[n])) value = value * 10 + (s[n++] - '0');
  if (n == 0) return std::nullopt;
  s.remove_prefix(n);
  return value;
}

bool take_date_separator(std::string_view& s) {
  if (s.empty()) return false;
  if (s[0] == '-' || s[0] == '/' || s[0] == '.') {
    s.remove_prefix(1);
  } else if (s.starts_with("년") || s.starts_with("월")) {  // 2025년 10월 1일
    s.remove_prefix(std::string_view("년").size());
  } else {
    return false;
  }
  while (!s.empty() && s[0] == ' ') s.remove_prefix(1);
  return true;
}

int digits(std::string_view s) {
  int v = 0;
  for (const char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<std::string> iso_date(int y, int m, int d) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::string normalize_date(std::string_view raw) {
  std::string_view s = trim(raw);
  if (s.size() >= 8 && std::all_of(s.begin(), s.begin() + 8, is_ascii_digit) && (s.size() == 8 || s[8] == 'T'))
    return iso_date(digits(s.substr(0, 4)), digits(s.substr(4, 2)), digits(s.substr(6, 2))).value_or("");
  if (s.size() < 5 || !std::all_of(s.begin(), s.begin() + 4, is_ascii_digit)) return {};
  const auto year = take_number(s, 4);
  if (!take_date_separator(s)) return {};
  const auto month = take_number(s, 2);
  if (!month || !take_date_separator(s)) return {};
  const auto day = take_number(s, 2);
  if (!day || (!s.empty() && is_ascii_digit(s[0]))) return {};
  return iso_date(*year, *month, *day).value_or("");
}

}  // namespace aikg
