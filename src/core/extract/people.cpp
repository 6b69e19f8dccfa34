// People and back-references: a person stands for the organisation they lead,
// "양사" and "the company" for organisations named before.
#include "extract/sentence_analysis.hpp"

#include <algorithm>
#include <cctype>

#include "aikg/text.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

int DocumentState::organisation_of(int person) const {
  if (auto it = person_org_.find(person); it != person_org_.end()) return it->second;
  if (const auto* p = g_.by_name(g_.entries()[static_cast<std::size_t>(person)].parent))
    return static_cast<int>(p - g_.entries().data());
  return -1;
}

// "X의 Y", "X's Y": X is possessive and right before Y.
bool DocumentState::possessive_before(const Unit& u, const Unit& next) const {
  if (next.begin < u.end) return false;
  const auto gap = text_.substr(u.end, next.begin - u.end);
  return (u.role == Role::possessive && gap.size() <= 1) || gap == "'s " || gap == "’s ";
}

// People stand for their organisations: "김한빛 한빛전자 회장" is Hanbit
// Electronics, "스미스 CEO" is the company Smith leads; later "김 회장" finds 김한빛 again.
void DocumentState::merge_people(std::vector<Unit>& units) {
  std::vector<Unit> out;
  for (std::size_t i = 0; i < units.size(); ++i) {
    Unit u = units[i];
    const auto* e = entry(u);
    const bool adjacent_next = i + 1 < units.size() && units[i + 1].begin <= u.end + 1;
    if (e && e->kind == EntityKind::person) {
      const int person = u.entry;
      // Remember the surname for "이 회장" (Korean names: first syllable).
      for (const auto& a : e->aliases) {
        std::size_t k = 0;
        const char32_t first = next_code_point(a, k);
        if (is_hangul_syllable(first) && count_code_points(a) >= 3 && a.find(' ') == std::string::npos)
          surname_to_person_[a.substr(0, k)] = person;
        remember_english_name(a, person);
      }
      if (adjacent_next && u.role == Role::none && entry(units[i + 1]) &&
          entry(units[i + 1])->kind != EntityKind::person) {
        // "김한빛 한빛전자 회장이": the organisation, with the role of the whole.
        Unit org = units[++i];
        org.begin = u.begin;
        person_org_[person] = org.entry;
        out.push_back(org);
        continue;
      }
      const int org = organisation_of(person);
      if (i + 1 < units.size() && possessive_before(u, units[i + 1]) && units[i + 1].entry >= 0 &&
          (org < 0 || org == units[i + 1].entry)) {
        // "Elon Musk's xAI", "손정의의 소프트뱅크": the person only describes the organisation.
        Unit own = units[++i];
        own.begin = u.begin;
        person_org_[person] = own.entry;
        out.push_back(own);
        continue;
      }
      if (org < 0) continue;
      u.entry = org;
      out.push_back(u);
      continue;
    }
    if (e && adjacent_next && u.role == Role::none && entry(units[i + 1]) &&
        entry(units[i + 1])->kind == EntityKind::person) {
      // "한빛전자 김한빛 회장은": the organisation first.
      person_org_[units[i + 1].entry] = u.entry;
      for (const auto& a : entry(units[i + 1])->aliases) remember_english_name(a, units[i + 1].entry);
      u.end = units[i + 1].end;
      u.role = units[i + 1].role;
      ++i;
    }
    out.push_back(u);
  }
  units = std::move(out);
}

// What a back-reference of `kind` stands for in a sentence that names `units`.
std::vector<Unit> DocumentState::referents(Compiled::ReferenceKind kind, const std::vector<Unit>& units) const {
  using Kind = Compiled::ReferenceKind;
  switch (kind) {
    case Kind::pair: return last_pair_;
    case Kind::members: return last_parties_.empty() ? last_pair_ : last_parties_;
    case Kind::last: return last_subject_ ? std::vector{*last_subject_} : std::vector<Unit>{};
    case Kind::project: {
      // "the consortium": a project the sentence names is meant, or is another
      // one; else the article's latest project, or the one it goes on to name
      // ("joined a consortium ... The consortium, now called X, ...").
      if (std::any_of(units.begin(), units.end(), [&](const Unit& u) { return is_project(u); })) return {};
      const Unit* project = article_project();
      return project ? std::vector{*project} : std::vector<Unit>{};
    }
  }
  return {};
}

void DocumentState::find_references(const Sentence& s, const std::vector<CueHit>& cues, std::vector<Unit>& units) {
  // "양사는", "이 회사는": back to the organisations in context.
  for (const auto& h : cues) {
    if (h.cue->kind != Compiled::CueKind::reference) continue;
    bool deung = false, titled = false;
    Unit base;
    base.begin = h.begin;
    base.reference = true;
    base.role = read_tail(h.end, s.end, base.end, deung, titled);
    if (base.end == h.end) {
      const auto run = hangul_run_end(text_, h.end, s.end);
      if (auto r = particle_role(text_.substr(h.end, run - h.end))) base.role = *r, base.end = run;
    }
    for (const auto& u : referents(static_cast<Compiled::ReferenceKind>(h.cue->label), units)) {
      Unit r = base;
      r.entry = u.entry;
      r.candidate = u.candidate;
      units.push_back(r);
    }
  }
  // "이 회장", "최 회장": a surname and a title.
  for (std::size_t i = s.begin; i + 1 < s.end; ++i) {
    if (text_[i] != ' ') continue;
    std::vector<PhraseMatcher::Hit> hits;
    c_.titles.match_at(text_, i + 1, hits);
    if (hits.empty()) continue;
    const char32_t before = code_point_before(text_, i);
    std::size_t start = i;
    while (start > s.begin && (static_cast<unsigned char>(text_[start - 1]) & 0xC0) == 0x80) --start;
    if (start > s.begin) --start;
    if (!is_hangul_syllable(before) || (start > s.begin && is_word_char(code_point_before(text_, start)))) continue;
    const auto it = surname_to_person_.find(std::string(text_.substr(start, i - start)));
    if (it == surname_to_person_.end()) continue;
    const bool overlaps = std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.begin <= start && start < u.end; });
    if (overlaps) continue;
    Unit u;
    u.begin = start;
    u.entry = organisation_of(it->second);
    if (u.entry < 0) continue;
    bool deung = false, titled = false;
    u.role = read_tail(i, s.end, u.end, deung, titled);
    units.push_back(u);
  }
  find_english_names_again(s, units);
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.begin < b.begin; });
}

// English news names a person in full once, then by one part of the name:
// "Chey Tae-won" then "Chey", "Jensen Huang" then "Huang". Both the first
// and the last part are remembered, once the full name has appeared.
void DocumentState::remember_english_name(std::string_view alias, int person) {
  constexpr std::size_t kShortest = 3;  // "Su", "Li": too short to stand alone
  const auto space = alias.find(' ');
  if (!is_ascii(alias) || space == std::string_view::npos) return;
  for (const auto part : {alias.substr(0, space), alias.substr(alias.rfind(' ') + 1)})
    if (part.size() >= kShortest && std::isupper(static_cast<unsigned char>(part[0])) && !is_common_word(part))
      english_name_to_person_.emplace(std::string(part), person);
}

void DocumentState::find_english_names_again(const Sentence& s, std::vector<Unit>& units) {
  if (english_name_to_person_.empty()) return;
  for (std::size_t i = s.begin; i < s.end;) {
    std::size_t e = i;
    while (e < s.end && (std::isalnum(static_cast<unsigned char>(text_[e])) || text_[e] == '-')) ++e;
    if (e == i) {
      ++i;
      continue;
    }
    const bool starts_word = i == s.begin || !std::isalnum(static_cast<unsigned char>(text_[i - 1]));
    const auto it = english_name_to_person_.find(std::string(text_.substr(i, e - i)));
    const bool overlaps = std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.begin <= i && i < u.end; });
    // "Huang Renxun": a different person with the same first name.
    const bool continues = e + 1 < s.end && text_[e] == ' ' && std::isupper(static_cast<unsigned char>(text_[e + 1]));
    if (starts_word && it != english_name_to_person_.end() && !overlaps && !continues) {
      Unit u;
      u.begin = i;
      u.end = e;
      u.entry = organisation_of(it->second);
      if (u.entry >= 0) units.push_back(u);
    }
    i = e;
  }
}

}  // namespace aikg::detail
