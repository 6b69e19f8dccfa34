// Quoting data for DOT. Graphviz reads a quoted string in three passes: the
// lexer (only \" is special), escString substitution (\N, \G, \E, \T, \H, \L
// and \n, \l, \r), and for labels HTML entity decoding. Each function below
// writes text that comes out of all three as it went in.
#include <fmt/format.h>

#include "aikg/dot.hpp"
#include "aikg/text.hpp"

namespace aikg {
namespace {

// Shared by labels and tooltips; `backslash` is what a real backslash becomes.
std::string quote(std::string_view s, std::string_view backslash) {
  std::string out = "\"";
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);  // ill-formed UTF-8 -> U+FFFD, which Graphviz accepts
    if (c == '\\') {
      out += backslash;
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '&') {
      out += "&amp;";  // "&lt;" in a name must not turn into "<"
    } else if (c == '\r') {
      out += "\\n";
      if (i < s.size() && s[i] == '\n') ++i;  // CRLF is one line break
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += ' ';
    } else if (c < 0x20 || c == 0x7F) {
      continue;  // no meaning in a picture; some break SVG output
    } else {
      append_utf8(out, c);
    }
  }
  out += '"';
  return out;
}

bool url_safe(unsigned char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  // RFC 3986 unreserved and reserved characters, minus the apostrophe (it
  // could end a single-quoted attribute in a page that embeds the SVG).
  return std::string_view("-._~:/?#[]@!$()*+,;=%").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string dot_quote(std::string_view s) { return quote(s, "\\\\"); }

std::string dot_tooltip(std::string_view s) { return quote(s, "\u29F5"); }

std::string dot_url(std::string_view url) {
  if (!is_web_url(url)) return {};
  std::string out = "\"";
  for (const char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '&')
      out += "&amp;";
    else if (url_safe(c))
      out += ch;
    else
      out += fmt::format("%{:02X}", c);
  }
  out += '"';
  return out;
}

}  // namespace aikg
