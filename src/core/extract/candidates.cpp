// Organisations the gazetteer does not know, read from how they are written.
#include "extract/sentence_analysis.hpp"

#include <algorithm>
#include <cctype>

#include "aikg/text.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

namespace {

bool is_latin_name(std::string_view w) {
  if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  return std::all_of(w.begin(), w.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '&' || ch == '-' || ch == '.';
  });
}

// Whether a name already found covers some of [b, e).
bool overlaps_any(const std::vector<Unit>& units, std::size_t b, std::size_t e) {
  return std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.begin < e && b < u.end; });
}

// "Project Rainier", "프로젝트 누리": a prefix word, a space and a name after it.
bool has_project_prefix(std::string_view name, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
    return name.size() > p.size() + 1 && name.starts_with(p) && name[p.size()] == ' ';
  });
}

}  // namespace

// A word the gazetteer does not know, read as an organisation when it looks
// like one: a Latin name with a Korean particle ("Acme가"), or a Korean name
// with a company ending ("한빛테크놀로지스와").
std::optional<Unit> DocumentState::korean_candidate(std::size_t begin, std::size_t end, std::size_t word_begin) const {
  const auto word = text_.substr(begin, end - begin);
  // The longest particle the word ends with.
  std::size_t stem_end = end;
  Role role = Role::none;
  for (std::size_t cut = std::max(begin, end - std::min(end, c_.longest_josa)); cut < end; ++cut) {
    if ((static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80) continue;
    if (auto it = c_.josa.find(text_.substr(cut, end - cut)); it != c_.josa.end()) {
      stem_end = cut, role = it->second;
      break;
    }
  }
  if (stem_end == begin) return std::nullopt;
  // A name needs its particle here, unless it is a list member with a company
  // ending ("한빛테크놀로지스, 새봄로보틱스와"): the list's particle comes later.
  const bool listed = stem_end == end && end < text_.size() && (text_[end] == ',' || text_.substr(end).starts_with("·"));
  if (stem_end == end && !listed) return std::nullopt;
  const auto stem = text_.substr(begin, stem_end - begin);
  Unit u;
  u.begin = begin;
  u.end = end;
  u.role = role;
  u.topic = is_topic_particle(text_.substr(stem_end, end - stem_end));
  if (is_latin_name(stem) && !listed) {
    if (c_.not_organisations.contains(stem) || stem.size() < 2) return std::nullopt;
    // "Acme Robotics가": capitalised words before belong to the name.
    std::size_t b = begin;
    while (b > word_begin + 1 && text_[b - 1] == ' ') {
      std::size_t a = b - 1;
      while (a > word_begin && text_[a - 1] != ' ') --a;
      if (!is_latin_name(text_.substr(a, b - 1 - a)) || c_.not_organisations.contains(text_.substr(a, b - 1 - a)))
        break;
      b = a;
    }
    u.begin = b;
    u.candidate = std::string(text_.substr(b, stem_end - b));
    u.project = has_project_prefix(u.candidate, c_.english_project_prefixes);
    return u;
  }
  if (!is_hangul_syllable(code_point_at(stem, 0)) || is_common_word(stem)) return std::nullopt;
  // "미국 AI 스타트업 노바마인드는": the noun before names what the word is.
  // A plural ("리더들") is a group of people or things, not one organisation.
  if (count_code_points(stem) >= 2 && !listed && !stem.ends_with("들") &&
      after_descriptor(begin, word_begin, c_.korean_descriptors)) {
    u.candidate = std::string(stem);
    return u;
  }
  if (count_code_points(stem) < 3) return std::nullopt;
  for (const auto& suffix : c_.company_suffixes)
    if (stem.ends_with(suffix) && stem.size() > suffix.size()) {
      u.candidate = std::string(stem);
      return u;
    }
  (void)word;
  return std::nullopt;
}

bool DocumentState::is_common_word(std::string_view word) const {
  return c_.common_words.contains(alias_key(word));
}

// Whether the word before `pos` is one of `descriptors` ("startup", "스타트업").
bool DocumentState::after_descriptor(std::size_t pos, std::size_t limit,
                                     const std::vector<std::string>& descriptors) const {
  std::size_t b = pos;
  while (b > limit && text_[b - 1] == ' ') --b;
  if (b == pos) return false;  // glued to the word before: not a separate noun
  std::size_t a = b;
  while (a > limit && text_[a - 1] != ' ') --a;
  std::string word(text_.substr(a, b - a));
  for (auto& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return std::find(descriptors.begin(), descriptors.end(), word) != descriptors.end() ||
         std::any_of(descriptors.begin(), descriptors.end(), [&](const std::string& d) {
           return !is_ascii(d) && word.size() > d.size() && word.ends_with(d) && word[word.size() - d.size() - 1] == '-';
         });
}

// "the chipmaker Quanta Silicon", "Seoul-based startup Tanda": capitalised
// words after a noun that says what they name (english_descriptor).
std::optional<Unit> DocumentState::english_described(std::size_t begin, const Sentence& s) const {
  constexpr int kMaxWords = 3;
  if (!after_descriptor(begin, s.begin, c_.english_descriptors)) return std::nullopt;
  std::size_t end = begin;
  for (int words = 0; words < kMaxWords && end < s.end; ++words) {
    std::size_t e = end;
    while (e < s.end && text_[e] != ' ') ++e;
    std::size_t word_end = e;
    while (word_end > end && std::string_view(",.;:)'\"").find(text_[word_end - 1]) != std::string_view::npos)
      --word_end;
    const auto word = text_.substr(end, word_end - end);
    if (!is_latin_name(word) || c_.not_organisations.contains(word) || is_common_word(word)) break;
    end = word_end;
    if (word_end < e || e >= s.end || !is_latin_name(text_.substr(e + 1, 1))) break;  // punctuation ends the name
    end = e + 1;
  }
  while (end > begin && text_[end - 1] == ' ') --end;
  if (end <= begin) return std::nullopt;
  Unit u;
  u.begin = begin;
  u.end = end;
  u.candidate = std::string(text_.substr(begin, end - begin));
  return u;
}

void DocumentState::find_candidates(const Sentence& s, bool english, std::vector<Unit>& units) {
  auto covered = [&](std::size_t b, std::size_t e) { return overlaps_any(units, b, e); };
  std::vector<Unit> found;
  std::size_t i = s.begin;
  while (i < s.end) {
    // Korean lists often leave out the space after a comma ("A,B와").
    auto separates = [&](char ch) { return ch == ' ' || (!english && ch == ','); };
    while (i < s.end && (separates(text_[i]) || text_[i] == '\'' || text_[i] == '"' || text_[i] == '(')) ++i;
    std::size_t e = i;
    while (e < s.end && !separates(text_[e])) ++e;
    std::size_t word_end = e;
    while (word_end > i && std::string_view(",.;:)'\"").find(text_[word_end - 1]) != std::string_view::npos) --word_end;
    if (word_end > i && !covered(i, word_end)) {
      const auto word = text_.substr(i, word_end - i);
      if (english) {
        if (auto u = english_described(i, s); u && !covered(u->begin, u->end)) {
          found.push_back(*u);
          e = std::max(e, u->end);
        }
        const auto suffix_is = [&](const std::vector<std::string>& suffixes) {
          return std::find(suffixes.begin(), suffixes.end(), word) != suffixes.end();
        };
        // "Project Hanbit" before "the Hanbit Project": in a title-case
        // headline ("Kakao Joins Project Hanbit") the words before are no name.
        std::optional<Unit> prefixed;
        if (suffix_is(c_.english_project_prefixes)) prefixed = english_named_after(word_end, s, units);
        if (prefixed) {
          prefixed->begin = i;
          prefixed->candidate = std::string(text_.substr(i, prefixed->end - i));
          found.push_back(*prefixed);
          e = std::max(e, prefixed->end);
        }
        const bool project = suffix_is(c_.english_project_suffixes);
        if (!prefixed && (project || suffix_is(c_.english_suffixes)))
          if (auto u = english_named_before(i, word_end, s, units)) {
            u->project = project;
            found.push_back(*u);
          }
      } else if (auto u = korean_candidate(i, word_end, s.begin); u && !covered(u->begin, u->end)) {
        found.push_back(*u);
      }
    }
    i = e;
  }
  if (!english) find_quoted_projects(s, units, found);
  for (auto& u : found) u.candidate = without_legal_form(u.candidate);
  units.insert(units.end(), found.begin(), found.end());
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.begin < b.begin; });
}

// "Nimbus Robotics Inc.", "the Nova Alliance": the capitalised words before a
// suffix that says what they name, with it ("The" that opens a sentence is not
// part of the name).
std::optional<Unit> DocumentState::english_named_before(std::size_t suffix_begin, std::size_t end, const Sentence& s,
                                                        const std::vector<Unit>& units) const {
  std::size_t b = suffix_begin;
  while (b > s.begin + 1) {
    std::size_t a = b - 1;
    while (a > s.begin && text_[a - 1] != ' ') --a;
    const auto word = text_.substr(a, b - 1 - a);
    if (!is_latin_name(word) || word == "The" || overlaps_any(units, a, b - 1)) break;
    b = a;
  }
  if (b >= suffix_begin) return std::nullopt;
  Unit u;
  u.begin = b;
  u.end = end;
  u.candidate = std::string(text_.substr(b, end - b));
  if (u.candidate.back() == '.') u.candidate.pop_back();
  return u;
}

// "Project Rainier", "Project Blue Harbor": capitalised words after a prefix
// that says they name a project. Lower-case words ("Project management"), a
// generic or a verb ("Project Finance Firm Backs ...") end the name; a known
// name after the prefix ("Project Stargate") stays that name.
std::optional<Unit> DocumentState::english_named_after(std::size_t prefix_end, const Sentence& s,
                                                       const std::vector<Unit>& units) const {
  constexpr int kMaxWords = 3;
  std::size_t end = prefix_end;
  for (int words = 0; words < kMaxWords && end < s.end && text_[end] == ' '; ++words) {
    const std::size_t b = end + 1;
    std::size_t e = b;
    while (e < s.end && text_[e] != ' ') ++e;
    std::size_t word_end = e;
    while (word_end > b && std::string_view(",.;:)'\"").find(text_[word_end - 1]) != std::string_view::npos) --word_end;
    const auto word = text_.substr(b, word_end - b);
    std::string lower(word);
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const auto& verbs = c_.grammar.english_verbs;
    if (!is_latin_name(word) || c_.not_organisations.contains(word) || is_common_word(word) ||
        std::binary_search(verbs.begin(), verbs.end(), lower) || overlaps_any(units, b, word_end))
      break;
    end = word_end;
    if (word_end < e) break;  // punctuation ends the name
  }
  if (end == prefix_end) return std::nullopt;
  Unit u;
  u.end = end;
  u.project = true;
  return u;
}

// "'한강' 프로젝트", "‘새봄’ 컨소시엄에": a quoted name before a word that says it
// is a project or alliance; "'프로젝트 누리'에": a quoted name after such a word.
void DocumentState::find_quoted_projects(const Sentence& s, const std::vector<Unit>& units, std::vector<Unit>& found) const {
  constexpr std::size_t kLongest = 40;  // bytes inside the quotes
  for (const auto& [open, close] : {std::pair{"'", "'"}, std::pair{"‘", "’"}}) {
    for (std::size_t i = text_.find(open, s.begin); i < s.end; i = text_.find(open, i + 1)) {
      const std::size_t inner = i + std::string_view(open).size();
      const std::size_t shut = text_.find(close, inner);
      if (shut == std::string_view::npos || shut >= s.end || shut == inner || shut - inner > kLongest) continue;
      std::size_t after = shut + std::string_view(close).size();
      const std::size_t closed = after;
      while (after < s.end && text_[after] == ' ') ++after;
      const auto before = found.size();
      for (const auto& suffix : c_.project_suffixes) {
        if (!text_.substr(after, s.end - after).starts_with(suffix)) continue;
        const auto name = trim(text_.substr(inner, shut - inner));
        const bool known = overlaps_any(units, i, after);
        if (name.empty() || known || is_common_word(name)) break;
        Unit u;
        u.begin = i;
        u.project = true;
        u.candidate = std::string(name) + " " + suffix;
        const std::size_t tail = after + suffix.size();
        const auto run = hangul_run_end(text_, tail, s.end);
        const auto role = particle_role(text_.substr(tail, run - tail));
        u.role = role.value_or(Role::none);
        u.end = role ? run : tail;
        if (!role && run > tail) break;  // the word goes on: "프로젝트팀"
        found.push_back(u);
        break;
      }
      if (found.size() == before) add_prefixed_project(i, inner, shut, closed, s, units, found);
    }
  }
}

void DocumentState::add_prefixed_project(std::size_t open, std::size_t inner, std::size_t shut, std::size_t closed,
                                         const Sentence& s, const std::vector<Unit>& units,
                                         std::vector<Unit>& found) const {
  const auto name = trim(text_.substr(inner, shut - inner));
  const bool prefixed =
      has_project_prefix(name, c_.project_prefixes) || has_project_prefix(name, c_.english_project_prefixes);
  if (!prefixed || overlaps_any(units, open, closed) || is_common_word(trim(name.substr(name.find(' ')))))
    return;
  const auto run = hangul_run_end(text_, closed, s.end);
  const auto role = particle_role(text_.substr(closed, run - closed));
  if (!role && run > closed) return;  // the word goes on
  Unit u;
  u.begin = open;
  u.end = role ? run : closed;
  u.role = role.value_or(Role::none);
  u.project = true;
  u.candidate = std::string(name);
  found.push_back(u);
}

// "Acme Robotics Inc." and "Acme Robotics", "㈜한빛" and "한빛": one name.
std::string DocumentState::without_legal_form(std::string name) const {
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& form : c_.legal_forms) {
      const bool latin = is_ascii(form);
      const std::string tail = latin ? " " + form : form;
      if (name.size() > tail.size() && name.ends_with(tail)) {
        name.resize(name.size() - tail.size());
        while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.pop_back();
        changed = true;
      } else if (!latin && name.size() > form.size() && name.starts_with(form)) {
        name.erase(0, form.size());
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        changed = true;
      }
    }
  }
  return name;
}

}  // namespace aikg::detail
