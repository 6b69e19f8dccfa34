#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "aikg/error.hpp"
#include "aikg/text.hpp"
#include "cli.hpp"

namespace aikg::cli {

std::int64_t resolve_or_explain(const Store& store, const std::string& name) {
  if (auto id = store.resolve(name)) return *id;
  const auto near = store.suggest(name);
  if (near.empty()) throw UsageError(fmt::format("no entity named '{}' in the database", name));
  throw UsageError(fmt::format("no entity named '{}'; did you mean {}?", name,
                               fmt::format("'{}'", fmt::join(near, "', '"))));
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(separator) : std::string()) + parts[i];
  return out;
}

nlohmann::ordered_json entity_json(std::int64_t id, std::string_view name) {
  return {{"id", id}, {"name", name}};
}

nlohmann::ordered_json text_or_null(std::string_view s) {
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

nlohmann::ordered_json evidence_json(const EvidenceRow* e) {
  if (!e) return nullptr;
  return {{"doc", text_or_null(e->doc)}, {"sentence", e->sentence}, {"date", text_or_null(e->date)},
          {"url", text_or_null(e->url)}};
}

void print_json(const nlohmann::ordered_json& j) {
  fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string clip(std::string_view s, std::size_t max) {
  std::size_t i = 0, count = 0;
  while (i < s.size() && count < max) next_code_point(s, i), ++count;
  return i < s.size() ? std::string(s.substr(0, i)) + "..." : std::string(s);
}

int found_or_say(bool found, std::string_view what) {
  if (found) return kOk;
  fmt::print(stderr, "aikg: {}\n", what);
  return kPartial;
}

bool stderr_is_tty() { return isatty(STDERR_FILENO) != 0; }

namespace {
std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60);
    w += wide ? 2 : 1;
  }
  return w;
}
}  // namespace

bool stdout_in_colour() {
  // https://no-color.org: NO_COLOR set to anything but "" turns colour off.
  const char* no_color = std::getenv("NO_COLOR");
  static const bool colour = isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
  return colour;
}

namespace {

// ANSI SGR codes: the header bold, a status by how definite it is.
std::string_view colour_of(std::string_view cell, bool header) {
  if (header) return "1";
  if (cell == "done") return "32";
  if (cell == "planned") return "36";
  if (cell == "talks") return "33";
  if (cell == "speculated") return "35";
  if (cell == "ended") return "2";
  return "";
}

}  // namespace

void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width(header.size(), 0);
  for (std::size_t i = 0; i < header.size(); ++i) width[i] = display_width(header[i]);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  const bool colour = stdout_in_colour();
  auto line = [&](const std::vector<std::string>& cells, bool is_header) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const auto code = colour ? colour_of(cells[i], is_header) : std::string_view();
      out += code.empty() || cells[i].empty() ? cells[i] : fmt::format("\x1b[{}m{}\x1b[0m", code, cells[i]);
      if (i + 1 < cells.size()) out += std::string(width[i] - display_width(cells[i]) + 2, ' ');
    }
    fmt::print("{}\n", out);
  };
  line(header, true);
  for (const auto& r : rows) line(r, false);
}

}  // namespace aikg::cli
