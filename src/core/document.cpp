#include "document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <unordered_set>

#include "aikg/text.hpp"
#include "tsv.hpp"

namespace aikg::detail {
namespace {

// A paragraph this long is article prose again, which ends a boilerplate block.
constexpr std::size_t kProseBytes = 200;

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// Bylines and contact lines: short and carrying an e-mail address.
bool is_contact_line(std::string_view line) {
  const auto at = line.find('@');
  return at != std::string_view::npos && at > 0 && line.size() < 120 && std::isalnum(static_cast<unsigned char>(line[at - 1]));
}

std::string_view strip_bullets(std::string_view line) {
  // Leading list/decoration characters such as "▶", "-", "[", "■".
  static constexpr std::array<std::string_view, 10> bullets{"▶", "▷", "■", "□", "●", "◆", "-", "[", "<", "*"};
  bool again = true;
  while (again) {
    again = false;
    line = trim(line);
    for (auto b : bullets)
      if (line.starts_with(b)) {
        line.remove_prefix(b.size());
        again = true;
      }
  }
  return line;
}

}  // namespace

BoilerplateFilter::BoilerplateFilter(const Lexicon& lexicon) {
  for (const auto& e : lexicon.list("boilerplate"))
    (e.label == "section" ? section_markers_ : line_markers_).push_back(e.cue);
}

bool BoilerplateFilter::starts_section(std::string_view line) const {
  const auto s = strip_bullets(line);
  if (s.size() > 60) return false;  // a section header is short
  return std::any_of(section_markers_.begin(), section_markers_.end(),
                     [&](const std::string& m) { return s.starts_with(m); });
}

bool BoilerplateFilter::is_chrome_line(std::string_view line) const {
  if (is_contact_line(line)) return true;
  return std::any_of(line_markers_.begin(), line_markers_.end(),
                     [&](const std::string& m) { return contains(line, m); });
}

std::vector<std::pair<std::size_t, std::size_t>> BoilerplateFilter::article_lines(std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  std::unordered_set<std::string_view> seen;
  bool in_section = false;
  for (std::size_t pos = 0; pos < text.size();) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    const auto lead = raw.size() - raw.substr(raw.find_first_not_of(" \t") == std::string_view::npos
                                                  ? raw.size()
                                                  : raw.find_first_not_of(" \t"))
                                      .size();
    const std::string_view line = trim(raw);
    const std::size_t begin = pos + lead;
    pos = nl + 1;
    if (line.empty()) continue;
    if (starts_section(line)) {
      in_section = true;
      continue;
    }
    if (in_section && line.size() < kProseBytes) continue;
    in_section = false;
    if (is_chrome_line(line) || !seen.insert(line).second) continue;
    lines.emplace_back(begin, begin + line.size());
  }
  return lines;
}

namespace {

bool is_abbreviation(std::string_view word) {
  static const std::unordered_set<std::string_view> abbreviations{
      "Mr", "Mrs", "Ms", "Dr", "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "St", "vs", "etc", "No", "Jan",
      "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "e.g",
      "i.e", "approx", "Gov", "Sen", "Rep", "Prof", "Bros", "Mt", "Ft", "a.m", "p.m"};
  if (abbreviations.count(word)) return true;
  // Initials ("J.", "U.S.").
  return word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]));
}

bool is_closing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::size_t line_begin, std::size_t line_end) {
  std::vector<Sentence> out;
  std::size_t start = line_begin;
  std::size_t i = line_begin;
  char32_t prev = 0;
  std::size_t word_start = line_begin;
  while (i < line_end) {
    const std::size_t at = i;
    const char32_t c = next_code_point(text, i);
    if (c == ' ') word_start = i;
    const bool terminator = c == '.' || c == '?' || c == '!' || c == 0x3002 || c == 0x2026;
    if (terminator) {
      std::size_t j = i;
      while (j < line_end) {  // absorb closing quotes and brackets
        std::size_t k = j;
        const char32_t d = next_code_point(text, k);
        if (!is_closing(d) && d != '.' && d != '?' && d != '!') break;
        j = k;
      }
      const bool at_end = j >= line_end;
      const bool then_space = at_end || text[j] == ' ' || text[j] == '\t';
      bool split = then_space;
      if (split && c == '.' && !is_hangul_syllable(prev)) {
        const auto word = text.substr(word_start, at - word_start);
        const auto w = trim(word);
        if (is_abbreviation(w)) split = false;
        if (!at_end) {  // English: the next sentence starts with a capital, digit, quote or Hangul
          std::size_t k = j;
          while (k < line_end && text[k] == ' ') ++k;
          std::size_t m = k;
          const char32_t n = k < line_end ? next_code_point(text, m) : 0;
          if (n >= 'a' && n <= 'z') split = false;
        }
      }
      if (split) {
        out.push_back({start, j, false});
        while (j < line_end && (text[j] == ' ' || text[j] == '\t')) ++j;
        start = j;
        i = j;
        word_start = j;
        prev = 0;
        continue;
      }
    }
    prev = c;
  }
  if (start < line_end) {
    const auto rest = trim(text.substr(start, line_end - start));
    if (!rest.empty()) out.push_back({start, line_end, out.empty()});
  }
  return out;
}

std::optional<std::string> make_iso_date(int year, int month, int day) {
  static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > days[month - 1]) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

namespace {

int month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  std::string lower;
  for (char c : name.substr(0, 3)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < months.size(); ++i)
    if (lower == months[i]) return static_cast<int>(i) + 1;
  return 0;
}

}  // namespace

std::optional<std::string> find_document_date(std::string_view text) {
  // Dates are looked for near the top, where datelines are.
  const std::string head(text.substr(0, std::min<std::size_t>(text.size(), 3000)));
  static const std::regex numeric(R"((\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2}))");
  static const std::regex korean("(\\d{4})년\\s*(\\d{1,2})월\\s*(\\d{1,2})일");
  static const std::regex english(
      R"(\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(\d{1,2}),?\s+(\d{4}))");
  static const std::regex english_dmy(
      R"(\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4}))");
  std::optional<std::pair<std::size_t, std::string>> best;
  auto consider = [&](std::size_t pos, std::optional<std::string> iso) {
    if (iso && (!best || pos < best->first)) best = std::make_pair(pos, *iso);
  };
  std::smatch m;
  if (std::regex_search(head, m, numeric))
    consider(m.position(0), make_iso_date(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])));
  if (std::regex_search(head, m, korean))
    consider(m.position(0), make_iso_date(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])));
  if (std::regex_search(head, m, english))
    consider(m.position(0), make_iso_date(std::stoi(m[3]), month_number(m[1].str()), std::stoi(m[2])));
  if (std::regex_search(head, m, english_dmy))
    consider(m.position(0), make_iso_date(std::stoi(m[3]), month_number(m[2].str()), std::stoi(m[1])));
  if (!best) return std::nullopt;
  return best->second;
}

std::optional<std::string> resolve_day_reference(std::string_view sentence, std::string_view document_date) {
  if (document_date.size() != 10) return std::nullopt;
  const int year = std::stoi(std::string(document_date.substr(0, 4)));
  const int month = std::stoi(std::string(document_date.substr(5, 2)));
  const int day = std::stoi(std::string(document_date.substr(8, 2)));
  const std::string s(sentence);
  static const std::regex month_day("(\\d{1,2})월\\s*(\\d{1,2})일");
  static const std::regex day_only("(지난|오는|이번 달|이달)?\\s*(^|[^\\d월])(\\d{1,2})일(?=[\\s,.에부까]|$)");
  std::smatch m;
  if (std::regex_search(s, m, month_day)) {
    const int mo = std::stoi(m[1]), d = std::stoi(m[2]);
    // A month after the document's month in a past-tense report is last year's.
    return make_iso_date(mo > month + 1 ? year - 1 : year, mo, d);
  }
  if (!std::regex_search(s, m, day_only)) {
    if (s.find("이날") != std::string::npos) return std::string(document_date);
    return std::nullopt;
  }
  const int d = std::stoi(m[3]);
  const std::string when = m[1].str();
  int mo = month, y = year;
  if (when == "지난" && d > day) --mo;       // "지난 27일" written on the 3rd: last month
  else if (when == "오는" && d < day) ++mo;  // "오는 2일" written on the 28th: next month
  if (mo == 0) mo = 12, --y;
  if (mo == 13) mo = 1, ++y;
  return make_iso_date(y, mo, d);
}

}  // namespace aikg::detail
