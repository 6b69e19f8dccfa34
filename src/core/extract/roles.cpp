// Lists and roles: names coordinated into groups, and the role of each group
// (by particle in Korean, by position and preposition in English).
#include "extract/sentence_analysis.hpp"

#include <algorithm>
#include <set>

#include "aikg/text.hpp"
#include "extract/script.hpp"
#include "text/tsv.hpp"

namespace aikg::detail {

std::vector<Group> DocumentState::group_units(const Sentence& s, std::vector<Unit>& units) {
  std::vector<Group> groups;
  auto separator_only = [&](std::size_t from, std::size_t to) {
    if (to < from) return false;
    // Only punctuation and at most one conjunction may stand between members.
    std::string rest;
    const auto gap = without_settings(text_.substr(from, to - from));
    for (std::size_t i = 0; i < gap.size();) {
      const char32_t c = next_code_point(gap, i);
      if (c == ',' || c == 0xB7 || c == '/' || c == '\'' || c == '"' || c == '&') c == '&' ? rest += " & " : rest += ' ';
      else append_utf8(rest, c);
    }
    const auto word = detail::trim(rest);
    return word.empty() || std::find(c_.grammar.list_words.begin(), c_.grammar.list_words.end(), word) !=
                               c_.grammar.list_words.end();
  };
  (void)s;
  const bool english = !english_clauses_.empty();  // english_clause_starts ran: an English sentence
  // "A 사장, 마리아 로시 B 부회장": between titled names of a list stands
  // the next person's name, which the gazetteer need not know.
  auto person_gap = [&](std::size_t from, std::size_t to) {
    if (to < from) return false;
    auto gap = detail::trim(text_.substr(from, to - from));
    if (!gap.starts_with(",")) return false;
    gap = detail::trim(gap.substr(1));
    int words = 0;
    for (std::size_t i = 0; i < gap.size();) {
      const auto sp = gap.find(' ', i);
      const auto w = gap.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i);
      if (count_code_points(w) > 5 || ++words > 3) return false;
      if (sp == std::string_view::npos) break;
      i = sp + 1;
    }
    return true;
  };
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    // A name that opens an English clause ("..., and OpenAI will") starts a list of its own.
    const bool opens_clause = std::binary_search(english_clauses_.begin(), english_clauses_.end(), u.begin);
    if (!groups.empty()) {
      const Unit& prev = units[groups.back().units.back()];
      if (u.begin == prev.begin) {  // the two parties of one "양사"
        groups.back().units.push_back(i);
        continue;
      }
      // "Kakao, Naver's biggest shareholder, ...": in English a possessive
      // after a bare comma describes the name before it (a list would say
      // "A, B and C's").
      const bool apposition = english && u.begin > prev.end &&
                              detail::trim(text_.substr(prev.end, u.begin - prev.end)) == "," &&
                              (text_.substr(u.end).starts_with("'s ") || text_.substr(u.end).starts_with("\u2019s "));
      const bool list_like = prev.role == Role::none && !prev.deung && !apposition &&
                             (separator_only(prev.end, u.begin) || (prev.titled && person_gap(prev.end, u.begin)));
      const bool coordinated = prev.role == Role::partner && separator_only(prev.end, u.begin) &&
                               (u.role == Role::subject || u.role == Role::partner || u.role == Role::none);
      // "A를 비롯한 B, C": A belongs to the list that follows.
      const auto gap = text_.substr(prev.end, u.begin > prev.end ? u.begin - prev.end : 0);
      const bool including = prev.role == Role::object &&
                             contains_any(gap, c_.grammar.including) &&
                             (gap.size() < 16 || (prev.titled && gap.size() < 48));
      if (including) {
        groups.back().units.push_back(i);
        groups.back().role = u.role;
        groups.back().end = u.end;
        continue;
      }
      if ((list_like || coordinated) && !opens_clause) {
        groups.back().units.push_back(i);
        groups.back().role = u.role;
        groups.back().end = u.end;
        groups.back().topic = u.topic;
        continue;
      }
    }
    groups.push_back({{i}, u.role, u.begin, u.end, u.topic});
  }
  return groups;
}

// English clauses begin after a semicolon, a dash or a conjunction that opens
// a new clause (", while", ", but", ", which"): see english_break in grammar.tsv.
std::vector<std::size_t> DocumentState::english_clause_starts(const Sentence& s, const std::vector<Unit>& units) const {
  std::vector<std::size_t> starts{s.begin};
  const auto sentence = text_.substr(s.begin, s.end - s.begin);
  for (const auto& b : c_.grammar.english_breaks)
    for (auto at = sentence.find(b); at != std::string_view::npos; at = sentence.find(b, at + 1))
      starts.push_back(s.begin + at + b.size());
  // "..., and OpenAI has signed ...": a name and a verb after ", and" open a
  // clause of their own; "A, B, and C signed" is a list.
  constexpr std::string_view kAnd = ", and ";
  for (auto at = sentence.find(kAnd); at != std::string_view::npos; at = sentence.find(kAnd, at + 1)) {
    const std::size_t after = s.begin + at + kAnd.size();
    const auto name = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.begin == after; });
    if (name == units.end() || name->end >= s.end || text_[name->end] != ' ') continue;
    const auto rest = text_.substr(name->end + 1, s.end - name->end - 1);
    const auto word = rest.substr(0, rest.find(' '));
    const std::size_t comma = s.begin + at;
    const bool list = std::any_of(units.begin(), units.end(), [&](const Unit& u) {
      return u.end == comma && u.begin >= s.begin + 2 && text_.substr(u.begin - 2, 2) == ", ";  // "A, B, and C"
    });
    if (!list && std::binary_search(c_.grammar.english_verbs.begin(), c_.grammar.english_verbs.end(), word))
      starts.push_back(after);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return starts;
}

std::pair<std::size_t, std::size_t> DocumentState::english_clause_of(std::size_t pos, const Sentence& s) const {
  const auto next = std::upper_bound(english_clauses_.begin(), english_clauses_.end(), pos);
  const std::size_t begin = next == english_clauses_.begin() ? s.begin : *(next - 1);
  return {begin, next == english_clauses_.end() ? s.end : *next};
}

// The words between two list members without what only sets a member in
// place: a parenthesis ("(NASDAQ: NVDA)") and a country ("Japan's", "미국").
std::string DocumentState::without_settings(std::string_view gap) const {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < gap.size();) {
    std::size_t e = gap.find(' ', i);
    if (e == std::string_view::npos) e = gap.size();
    std::string_view word = gap.substr(i, e - i);
    i = e + 1;
    if (word.starts_with("(")) ++depth;
    const bool closes = word.ends_with(")");
    if (depth > 0) {
      if (closes) --depth;
      continue;
    }
    auto place = word;
    if (place.ends_with("'s") || place.ends_with("’s")) place.remove_suffix(place.ends_with("'s") ? 2 : 4);
    if (c_.places.contains(alias_key(place))) continue;
    // "NVIDIA Corp. and": a legal suffix the name match left out.
    if (std::find(c_.english_suffixes.begin(), c_.english_suffixes.end(), word) != c_.english_suffixes.end()) continue;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

// Where the first word of the english_verb list stands in the sentence (or its end).
std::size_t DocumentState::first_english_verb(const Sentence& s) const {
  for (std::size_t i = s.begin; i < s.end;) {
    std::size_t e = i;
    while (e < s.end && std::isalpha(static_cast<unsigned char>(text_[e]))) ++e;
    if (e > i) {
      std::string word(text_.substr(i, e - i));
      for (auto& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (std::binary_search(c_.grammar.english_verbs.begin(), c_.grammar.english_verbs.end(), word)) return i;
    }
    i = std::max(e, i + 1);
  }
  return s.end;
}

void DocumentState::assign_english_roles(const Sentence& s, const std::vector<Unit>& units,
                                         std::vector<Group>& groups, const std::vector<CueHit>& cues) {
  for (auto& g : groups) {
    // Names before their clause's verb are its subject: the first trigger, or
    // the first common verb ("unveiled", "said") when one comes earlier.
    const auto [clause_begin, clause_end] = english_clause_of(g.begin, s);
    std::size_t first_trigger = first_english_verb({clause_begin, clause_end, s.headline});
    for (const auto& h : cues)
      if (h.cue->kind == Compiled::CueKind::trigger && h.begin >= clause_begin && h.begin < clause_end)
        first_trigger = std::min(first_trigger, h.begin);
    // The word before the group decides: "with" partner, "in" recipient, ...
    // Up to three words back: "in AI startup Nimbus" is still "in".
    std::string word;
    std::size_t b = units[g.units.front()].begin;
    for (int back = 0; back < 3; ++back) {
      while (b > s.begin && text_[b - 1] == ' ') --b;
      std::size_t a = b;
      while (a > s.begin && std::isalpha(static_cast<unsigned char>(text_[a - 1]))) --a;
      word = std::string(text_.substr(a, b - a));
      for (auto& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (c_.prepositions.contains(word) || a == b || a == s.begin) break;
      b = a;
    }
    const auto after = units[g.units.back()].end;
    const bool possessive = text_.substr(after).starts_with("'s") || text_.substr(after).starts_with("’s");
    const auto preposition = c_.prepositions.find(word);
    if (preposition != c_.prepositions.end())
      g.role = preposition->second;
    else if (possessive)
      g.role = Role::possessive;
    else if (g.begin < first_trigger)
      g.role = Role::subject;
    else
      g.role = Role::object;
  }
}

}  // namespace aikg::detail
