#include "extract/document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "aikg/text.hpp"
#include "text/tsv.hpp"

namespace aikg::detail {
namespace {

// A paragraph this long is article prose again, which ends a boilerplate block.
constexpr std::size_t kProseBytes = 200;

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
    if (e.label == "section") section_markers_.push_back(e.cue);
    else if (e.label == "tail") {
      tail_markers_.add(e.cue, 0);
      tail_first_bytes_[static_cast<unsigned char>(e.cue[0])] = true;
    }
    else line_markers_.add(e.cue, 0);
}

// Where a trailing link ("... 밝혔다. ▷관련기사: ...") cuts the line; its size if none does.
std::size_t BoilerplateFilter::tail_begin(std::string_view line) const {
  std::vector<PhraseMatcher::Hit> hits;
  // Only where a marker could begin: most lines hold none.
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (!tail_first_bytes_[static_cast<unsigned char>(line[i])]) continue;
    tail_markers_.match_at(line, i, hits);
    if (!hits.empty()) return i;
  }
  return line.size();
}

bool BoilerplateFilter::starts_section(std::string_view line) const {
  const auto s = strip_bullets(line);
  if (s.size() > 60) return false;  // a section header is short
  return std::any_of(section_markers_.begin(), section_markers_.end(),
                     [&](const std::string& m) { return s.starts_with(m); });
}

bool BoilerplateFilter::is_chrome_line(std::string_view line) const {
  if (is_contact_line(line)) return true;
  std::vector<PhraseMatcher::Hit> hits;
  for (std::size_t i = 0; i < line.size(); next_code_point(line, i)) {
    if (!line_markers_.may_start(line, i)) continue;
    line_markers_.match_at(line, i, hits);
    if (!hits.empty()) return true;
  }
  return false;
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
    std::string_view line = trim(raw);
    line = trim(line.substr(0, tail_begin(line)));
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

// Run-on "sentences" (a scraped page without punctuation, a 50 MB line) are
// cut into pieces of at most this many bytes, at the last comma or space, so
// the per-sentence analysis (quadratic in the names it finds) stays bounded.
// Real news sentences are far shorter: ~300 Hangul syllables is ~900 bytes.
constexpr std::size_t kMaxSentenceBytes = 4096;

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
  std::size_t last_clause = line_begin, last_space = line_begin;  // just after the latest , or ; and space
  while (i < line_end) {
    if (i - start >= kMaxSentenceBytes) {
      const std::size_t half = start + kMaxSentenceBytes / 2;
      const std::size_t cut = last_clause > half ? last_clause : last_space > half ? last_space : i;
      out.push_back({start, cut, false});
      start = word_start = i = cut;
      prev = 0;
      continue;
    }
    const std::size_t at = i;
    const char32_t c = next_code_point(text, i);
    if (c == ' ') word_start = i;
    if (c == ' ') last_space = i;
    if (c == ',' || c == ';') last_clause = i;
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

// The calendar is aikg::iso_date's (text/date.cpp), shared with the readers;
// the window only keeps numbers in running text ("1000.1.1") from passing
// for dates.
std::optional<std::string> make_iso_date(int year, int month, int day) {
  if (year < 1900 || year > 2199) return std::nullopt;
  return iso_date(year, month, day);
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

namespace {

// Hand-written scanners instead of std::regex, which costs more than all the
// rest of extraction together (it consults the locale on every character).

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at pos; returns the value and advances pos.
std::optional<int> read_number(std::string_view s, std::size_t& pos, std::size_t max_digits) {
  std::size_t n = 0;
  int value = 0;
  while (pos + n < s.size() && n < max_digits && is_digit(s[pos + n])) value = value * 10 + (s[pos + n++] - '0');
  if (n == 0 || (pos + n < s.size() && is_digit(s[pos + n]))) return std::nullopt;
  pos += n;
  return value;
}

void skip_spaces(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
}

bool eat(std::string_view s, std::size_t& pos, std::string_view token) {
  if (s.substr(pos).starts_with(token)) {
    pos += token.size();
    return true;
  }
  return false;
}

// "2025.11.03", "2025-02-04", "2025/1/22", "2025년 10월 1일" starting at pos.
std::optional<std::string> numeric_date_at(std::string_view s, std::size_t pos) {
  if (pos > 0 && is_digit(s[pos - 1])) return std::nullopt;
  const auto year = read_number(s, pos, 4);
  if (!year || *year < 1900) return std::nullopt;
  skip_spaces(s, pos);
  const bool korean = eat(s, pos, "년");
  if (!korean && !(pos < s.size() && (s[pos] == '.' || s[pos] == '-' || s[pos] == '/'))) return std::nullopt;
  const char sep = korean ? 0 : s[pos];
  if (!korean) ++pos;
  skip_spaces(s, pos);
  const auto month = read_number(s, pos, 2);
  if (!month) return std::nullopt;
  skip_spaces(s, pos);
  if (korean ? !eat(s, pos, "월") : !(pos < s.size() && s[pos] == sep)) return std::nullopt;
  if (!korean) ++pos;
  skip_spaces(s, pos);
  const auto day = read_number(s, pos, 2);
  if (!day) return std::nullopt;
  return make_iso_date(*year, *month, *day);
}

// "September 22, 2025", "Sept. 22 2025" or "22 September 2025" starting at pos.
std::optional<std::string> english_date_at(std::string_view s, std::size_t pos) {
  auto word_at = [&](std::size_t p) {
    std::size_t e = p;
    while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
    return s.substr(p, e - p);
  };
  if (pos > 0 && std::isalnum(static_cast<unsigned char>(s[pos - 1]))) return std::nullopt;
  if (std::isalpha(static_cast<unsigned char>(s[pos]))) {
    const auto w = word_at(pos);
    const int month = month_number(w);
    if (!month || (w.size() > 3 && w.size() < 5 && w != "Sept" && w != "June" && w != "July")) return std::nullopt;
    pos += w.size();
    eat(s, pos, ".");
    skip_spaces(s, pos);
    const auto day = read_number(s, pos, 2);
    if (!day) return std::nullopt;
    eat(s, pos, ",");
    skip_spaces(s, pos);
    const auto year = read_number(s, pos, 4);
    if (!year) return std::nullopt;
    return make_iso_date(*year, month, *day);
  }
  const auto day = read_number(s, pos, 2);
  if (!day) return std::nullopt;
  skip_spaces(s, pos);
  const auto w = word_at(pos);
  const int month = w.size() >= 3 ? month_number(w) : 0;
  if (!month) return std::nullopt;
  pos += w.size();
  skip_spaces(s, pos);
  const auto year = read_number(s, pos, 4);
  if (!year) return std::nullopt;
  return make_iso_date(*year, month, *day);
}

}  // namespace

std::optional<std::string> find_document_date(std::string_view text) {
  // Datelines are near the top.
  const auto head = text.substr(0, std::min<std::size_t>(text.size(), 3000));
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (is_digit(head[i])) {
      if (auto d = numeric_date_at(head, i)) return d;
      if (auto d = english_date_at(head, i)) return d;
    } else if (std::isupper(static_cast<unsigned char>(head[i]))) {
      if (auto d = english_date_at(head, i)) return d;
    }
  }
  return std::nullopt;
}

std::optional<std::string> resolve_day_reference(std::string_view sentence, std::string_view document_date) {
  if (document_date.size() != 10) return std::nullopt;
  const int year = std::stoi(std::string(document_date.substr(0, 4)));
  const int month = std::stoi(std::string(document_date.substr(5, 2)));
  const int day = std::stoi(std::string(document_date.substr(8, 2)));
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    if (!is_digit(sentence[i]) || (i > 0 && is_digit(sentence[i - 1]))) continue;
    std::size_t p = i;
    const auto first = read_number(sentence, p, 2);
    if (!first) continue;
    std::size_t q = p;
    skip_spaces(sentence, q);
    if (eat(sentence, q, "월")) {  // "10월 1일"
      skip_spaces(sentence, q);
      const auto d = read_number(sentence, q, 2);
      if (d && eat(sentence, q, "일")) return make_iso_date(*first > month + 1 ? year - 1 : year, *first, *d);
      continue;
    }
    if (!eat(sentence, p, "일")) continue;
    // "1일간", "1일부터" are durations or ranges unless a particle follows directly.
    if (p < sentence.size() && static_cast<unsigned char>(sentence[p]) >= 0x80 && !sentence.substr(p).starts_with("에") &&
        !sentence.substr(p).starts_with("까지"))
      continue;
    const auto before = sentence.substr(0, i);
    int mo = month, y = year;
    if (before.ends_with("지난 ") && *first > day) --mo;       // "지난 27일" written on the 3rd
    else if (before.ends_with("오는 ") && *first < day) ++mo;  // "오는 2일" written on the 28th
    if (mo == 0) mo = 12, --y;
    if (mo == 13) mo = 1, ++y;
    return make_iso_date(y, mo, *first);
  }
  if (sentence.find("이날") != std::string_view::npos) return std::string(document_date);
  return std::nullopt;
}

}  // namespace aikg::detail
