// People and back-references: a person stands for the organisation they lead,
// "양사" and "the company" for organisations named before.
#include "extract/sentence_analysis.hpp"

#include <algorithm>

#include "aikg/text.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

int DocumentState::organisation_of(int person) const {
  if (auto it = person_org_.find(person); it != person_org_.end()) return it->second;
  if (const auto* p = g_.by_name(g_.entries()[static_cast<std::size_t>(person)].parent))
    return static_cast<int>(p - g_.entries().data());
  return -1;
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
      if (org < 0) continue;
      u.entry = org;
      out.push_back(u);
      continue;
    }
    if (e && adjacent_next && u.role == Role::none && entry(units[i + 1]) &&
        entry(units[i + 1])->kind == EntityKind::person) {
      // "삼성전자 이재용 회장은": the organisation first.
      person_org_[units[i + 1].entry] = u.entry;
      u.end = units[i + 1].end;
      u.role = units[i + 1].role;
      ++i;
    }
    out.push_back(u);
  }
  units = std::move(out);
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
    if (h.cue->label == 0) {
      for (const auto& u : last_pair_) {
        Unit r = base;
        r.entry = u.entry;
        r.candidate = u.candidate;
        units.push_back(r);
      }
    } else if (last_subject_) {
      Unit r = base;
      r.entry = last_subject_->entry;
      r.candidate = last_subject_->candidate;
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
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.begin < b.begin; });
}

}  // namespace aikg::detail
