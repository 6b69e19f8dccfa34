// Escaping for XML, CSV and URLs: the one place where data meets syntax in
// the GraphML, GEXF and CSV writers (DOT has its own rules, in dot_quote.cpp).
#include <string>
#include <string_view>

#include "aikg/export.hpp"
#include "aikg/text.hpp"

namespace aikg {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

bool ascii_iequals_prefix(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (ascii_lower(s[i]) != lower_prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: append_utf8(out, xml_char(c) ? c : kReplacement);
    }
  }
  return out;
}

std::string csv_field(std::string_view s, bool guard_formula) {
  std::string cell;
  cell.reserve(s.size() + 3);
  bool quote = false;
  for (const char c : s) {
    if (c == '\0') continue;
    if (cell.empty() && guard_formula && formula_start(c)) cell += '\'';
    if (c == ',' || c == '"' || c == '\n' || c == '\r') quote = true;
    cell += c;
    if (c == '"') cell += '"';
  }
  return quote ? '"' + cell + '"' : cell;
}

bool is_web_url(std::string_view url) {
  const std::size_t host = ascii_iequals_prefix(url, "http://")    ? 7
                           : ascii_iequals_prefix(url, "https://") ? 8
                                                                   : 0;
  if (host == 0 || url.size() == host || url[host] == '/') return false;
  for (const char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  return true;
}

}  // namespace aikg
