// Affiliates and their groups, where the sentence says so.
#include "extract/sentence_analysis.hpp"

#include <algorithm>
#include <set>

#include "aikg/text.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

// An affiliate is one unless the words right after it say it is still to be
// set up or taken over ("자회사로 편입할 예정", "법인 설립을 앞두고"): a plan
// or talks. A status further on is the sentence's own predicate's ("A 산하
// B와 함께 합작법인을 만든다").
Status DocumentState::ownership_status(const CueHit& trigger, const std::vector<CueHit>& cues,
                                       const std::vector<Group>& groups) const {
  constexpr std::size_t kNear = 48;  // bytes: "로 편입할 예정", "인 '네이버 벤처스' 설립을 앞두고"
  const bool near = std::any_of(cues.begin(), cues.end(), [&](const CueHit& h) {
    return h.cue->kind == Compiled::CueKind::status && h.begin >= trigger.end && h.begin - trigger.end <= kNear;
  });
  if (!near) return Status::done;
  bool reported = false, defaulted = false;
  double confidence = 0.9;
  const bool english = is_english_sentence(text_.substr(sentence_begin_, sentence_end_ - sentence_begin_));
  const Status s = clause_status(trigger, cues, groups, english, reported, defaulted, confidence);
  return s == Status::planned || s == Status::talks ? s : Status::done;
}

// Affiliates and their groups: only where the sentence says so ("삼성 계열
// 4개사", "한빛그룹에선 한빛전자가", "새봄의 최대 주주"), and only for pairs the
// gazetteer knows or the sentence's grammar names.
void DocumentState::relate_subsidiaries(const std::vector<Unit>& units, const std::vector<Group>& groups,
                                        const std::vector<CueHit>& cues, std::vector<FoundRelation>& out) {
  bool cued = false, reverse = false;
  std::size_t reverse_begin = 0, reverse_end = 0;
  std::string cue_text;
  Status status = Status::done;
  for (const auto& h : cues) {
    if (h.cue->kind == Compiled::CueKind::trigger && h.cue->label == static_cast<int>(RelationType::subsidiary_of)) {
      cued = true, cue_text = h.cue->text;
      status = ownership_status(h, cues, groups);
    }
    if (h.cue->kind == Compiled::CueKind::direction && h.cue->label == static_cast<int>(RelationType::subsidiary_of))
      reverse = true, reverse_begin = h.begin, reverse_end = h.end;
  }
  for (const auto& u : units) {  // "한빛그룹에선 한빛전자가"
    const auto* e = entry(u);
    const auto rest = text_.substr(u.begin, u.end - u.begin);
    if (e && e->kind == EntityKind::group && ends_with_any(rest, c_.grammar.context_endings))
      cued = true, cue_text = "에선";
  }
  std::set<std::pair<std::string, std::string>> done;
  auto add = [&](const Unit& child, const Unit& parent, double conf) {
    if (key(child) == key(parent) || !done.insert({key(child), key(parent)}).second) return;
    out.push_back({RelationType::subsidiary_of, ref(child), ref(parent), status, conf, cue_text});
  };
  // "Acme's Nimbus Labs", "한빛그룹의 한빛전자": a name owned by the name before
  // it, as the gazetteer knows, says so by the possessive alone.
  for (std::size_t i = 0; i + 1 < units.size(); ++i) {
    const Unit& owner = units[i];
    const Unit& owned = units[i + 1];
    if (owned.begin < owner.end) continue;
    const auto gap = text_.substr(owner.end, owned.begin - owner.end);
    const bool english_possessive = gap == "'s " || gap == "’s ";
    const bool adjacent = gap.size() <= 1 || english_possessive;
    if ((owner.role == Role::possessive || english_possessive) && adjacent && entry(owner) && entry(owned) &&
        is_ancestor(entry(owned), entry(owner))) {
      cue_text = std::string(text_.substr(owner.begin, owned.end - owner.begin));
      add(owned, owner, 0.85);
    }
  }
  if (!cued) return;
  // The nearest ancestor the sentence names: "SCF, run by SSIC of Samsung"
  // is SCF -> SSIC and SSIC -> Samsung, not also SCF -> Samsung.
  for (const auto& a : units) {
    const Unit* nearest = nullptr;
    for (const auto& b : units)
      if (entry(a) && entry(b) && is_ancestor(entry(a), entry(b)) &&
          (!nearest || is_ancestor(entry(b), entry(*nearest))))
        nearest = &b;
    if (nearest) add(a, *nearest, 0.9);
  }
  if (reverse) {
    // "한빛은 새봄의 최대 주주다": the subject is the parent; but "새봄을
    // 보유한 한빛": the name the clause modifies, right after the cue, is.
    const Group* parent = nullptr;
    const Group* child = nullptr;
    for (const auto& g : groups) {
      if (g.begin >= reverse_end && g.begin - reverse_end < 24 && !parent) parent = &g;
      if ((g.role == Role::possessive || g.role == Role::object) && g.end <= reverse_begin) child = &g;
    }
    for (const auto& g : groups)
      if (g.role == Role::subject && !parent && g.end <= reverse_begin) parent = &g;
    if (parent && child)
      for (auto c : child->units)
        for (auto p : parent->units) add(units[c], units[p], 0.75);
  }
}

}  // namespace aikg::detail
